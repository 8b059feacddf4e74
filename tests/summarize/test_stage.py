"""The summarize stage: a cited brief within the budget, no junk, no cut sentences."""

from __future__ import annotations

from datetime import date

from storyline.models import Story

DOC_A = """Storm Floods Coastal Town

The river burst its banks on Tuesday and flooded the coastal town of Westport, forcing 2,000 residents to leave their homes.
Emergency crews rescued 40 people from rooftops overnight, the fire service said.
We use cookies to improve your experience. By continuing to browse you accept our cookie policy.
The mayor said the town would need months to recover from the damage.
It was the worst flood in the town's history, according to local historians."""

DOC_B = """Thousands Evacuated as River Floods Westport

WESTPORT (AP) — Some 2,000 residents of the coastal town of Westport were forced to leave their homes on Tuesday after the river burst its banks and flooded the town.
These crawls are part of an effort to archive pages as they are created and archive the pages that they refer to.
Tweet with a location. You can add location information to your Tweets, such as your city or precise location.
Officials said the regional government had released emergency funds for the families who lost their homes.
Schools across the region will stay closed until Friday, officials said."""


def _all_sentences(story: Story) -> set[str]:
    return {s.text for d in story.documents for s in d.sentences}


def test_brief_within_budget_and_made_of_whole_sentences(make_story) -> None:
    story = make_story([DOC_A, DOC_B], stages=["clean", "nlp", "summarize"], published=date(2020, 1, 7))
    assert story.summary, "a two-article story gets a brief"
    words = sum(len(s.text.split()) for s in story.summary)
    assert words <= 120
    whole = set(_all_sentences(story))
    for s in story.summary:
        # each brief sentence is one document sentence (a dateline may be trimmed off its front)
        assert any(t.endswith(s.text) for t in whole), s.text


def test_every_source_span_reproduces_its_text(make_story) -> None:
    story = make_story([DOC_A, DOC_B], stages=["clean", "nlp", "summarize"])
    for s in story.summary:
        assert s.sources
        assert s.sources[0].text == s.text
        for sp in s.sources:
            assert story.doc(sp.doc).text[sp.start : sp.end] == sp.text


def test_fact_told_twice_appears_once_citing_both(make_story) -> None:
    story = make_story([DOC_A, DOC_B], stages=["clean", "nlp", "summarize"])
    flood = [s for s in story.summary if "2,000 residents" in s.text]
    assert len(flood) == 1, [s.text for s in story.summary]
    assert {sp.doc for sp in flood[0].sources} == {"d1", "d2"}
    # the dateline of the AP version is never part of a brief sentence
    assert not any(s.text.startswith("WESTPORT") for s in story.summary)


def test_junk_never_enters_the_brief(make_story) -> None:
    story = make_story([DOC_A, DOC_B], stages=["clean", "nlp", "summarize"])
    text = " ".join(s.text for s in story.summary).lower()
    for junk in ("cookie", "crawls", "tweet", "location information"):
        assert junk not in text


def test_small_budget_picks_fewer_sentences(parsed) -> None:
    from storyline.summarize.stage import build_brief

    story, ctx = parsed([DOC_A, DOC_B])
    short = build_brief(story, ctx, 30)
    long = build_brief(story, ctx, 200)
    assert 1 <= len(short) < len(long)
    assert sum(len(s.text.split()) for s in short) <= 30


def test_story_without_candidates_gets_empty_brief(make_story) -> None:
    story = make_story(["Breaking news\n\nShare this\n\nRead more"], stages=["clean", "nlp", "summarize"])
    assert story.summary == []


def test_dangling_connective_is_dropped_and_its_span_follows() -> None:
    from storyline.summarize.stage import _dangling_opener

    assert _dangling_opener("Then, the council voted to close the old bridge for good.") == len("Then, ")
    assert _dangling_opener("Meanwhile the river kept rising through the night.") == len("Meanwhile ")
    assert _dangling_opener("But the mayor said the bridge would reopen soon.") == len("But ")
    assert _dangling_opener("Thenceforth nothing changed in the valley at all.") == 0
    assert _dangling_opener("Later, it ended.") == 0  # too little left to stand alone


def test_brief_sentences_never_open_on_a_dropped_connective(make_story) -> None:
    doc = (
        "The council closed the old bridge on Monday after engineers found deep cracks in its main pillars.\n\n"
        "Then, the council voted to build a new crossing downstream at a cost of two million pounds."
    )
    story = make_story([doc], stages=["clean", "nlp", "summarize"], published=date(2020, 1, 7))
    for s in story.summary:
        src = s.sources[0]
        assert story.doc(src.doc).text[src.start : src.end] == src.text
        if "new crossing" in s.text and not any("deep cracks" in o.text for o in story.summary):
            assert s.text.startswith("The council voted") and src.text.startswith("the council voted")


def test_one_bullet_per_compared_fact_with_all_its_sources(run_with_actors) -> None:
    from types import SimpleNamespace

    town = SimpleNamespace(name="Westport", kind="place", surfaces=("Westport",))  # what run_with_actors reads of an actor
    a = (
        "The river burst its banks on Tuesday and flooded the coastal town of Westport overnight.\n\n"
        "The flood hit the town at about 11:45 a.m. as the tide turned, officials said."
    )
    b = (
        "Emergency crews in Westport rescued dozens of people from rooftops after the river burst its banks on Tuesday.\n\n"
        "The flood hit the town around 10:30 a.m. as the tide turned, the fire service said."
    )
    story = run_with_actors([a, b], [town], stages=["quotes", "claims", "compare", "summarize"])
    assert story.divergences, "the two times of the flood disagree"
    timed = [s for s in story.summary if "tide turned" in s.text]
    assert len(timed) <= 1, "two sources' versions of one disputed fact make one bullet at most"
    for s in story.summary:
        assert len({src.doc for src in s.sources}) == len(s.sources)


def test_candidate_budget_keeps_the_earliest_sentences_of_every_article_and_logs_the_cut(caplog):
    from storyline.summarize.candidates import Candidate
    from storyline.summarize.stage import within_budget

    cands = [Candidate(doc=f"d{d + 1}", doc_index=d, position=p, start=p * 10, end=p * 10 + 9, text=f"s{d}.{p}", words=8)
             for d in range(3) for p in range(4 + d)]
    assert within_budget(cands, len(cands)) == cands
    with caplog.at_level("WARNING"):
        kept = within_budget(cands, 7)
    # every article's first two sentences, then the earliest third one (document order breaks the tie); document order kept
    assert [(c.doc, c.position) for c in kept] == [("d1", 0), ("d1", 1), ("d1", 2), ("d2", 0), ("d2", 1), ("d3", 0), ("d3", 1)]
    assert "max_candidates" in caplog.text and "8 cut" in caplog.text


def test_a_candidate_budget_cut_is_listed_in_story_limits(run_with_context, options):
    from dataclasses import replace

    from storyline.pipeline import get_stage

    a = ("Crews rescued dozens of people from rooftops in Westport on Tuesday.\n\n"
         "The river burst its banks after three days of heavy rain.\n\n"
         "Schools in the valley will stay closed until Monday.")
    b = ("Dozens of people were rescued from rooftops in Westport after the river burst its banks.\n\n"
         "The mayor asked residents to avoid the old bridge.")
    story, ctx = run_with_context([a, b], [], ["claims", "compare"])
    assert get_stage("summarize")(story.model_copy(deep=True), ctx).limits == []
    tuning = {**options.tuning, "summarize": {**options.section("summarize"), "max_candidates": 2}}
    ctx.options = replace(options, tuning=tuning)
    limited = get_stage("summarize")(story, ctx)
    (lim,) = [lim for lim in limited.limits if lim.stage == "summarize"]
    assert lim.setting == "[summarize] max_candidates" and lim.kept == 2 and lim.total > 2
    assert all(s.sources for s in limited.summary)


def test_brief_runs_numpy_blas_on_one_thread(parsed, monkeypatch) -> None:
    from threadpoolctl import threadpool_info

    import storyline.summarize.stage as stage

    story, ctx = parsed([DOC_A, DOC_B])
    seen: list[list[int]] = []
    real = stage.select_sentences

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append([p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"])
        return real(*args, **kwargs)

    monkeypatch.setattr(stage, "select_sentences", spy)
    assert stage.build_brief(story, ctx, 100)
    assert seen and all(n == 1 for n in seen[0]), seen
