"""The one pronoun resolver: agreement in kind, gender and number, then salience."""

from __future__ import annotations

from dataclasses import replace

from storyline.language.antecedent import DEFAULT_SALIENCE, Referent, Salience, agrees, resolve_pronoun, sentence_of, sentence_starts


def _p(key: str, pos: int, sent: int, gender: str | None = None, **kw: bool) -> Referent:
    return Referent(key, pos, sent, "person", gender, **kw)


def test_gender_excludes_and_unknown_gender_is_compatible() -> None:
    refs = [_p("ann", 0, 1, "f", subject=True), _p("tom", 10, 1, "m", subject=True), _p("kim", 20, 0)]
    assert resolve_pronoun("she", 30, 2, refs) == "ann"
    assert resolve_pronoun("he", 30, 2, refs) in {"tom", "kim"}
    assert not agrees("she", refs[1]) and agrees("she", refs[2])


def test_kind_and_number() -> None:
    country = Referent("c", 5, 1, "thing")
    person = _p("p", 6, 1, subject=True)
    assert resolve_pronoun("it", 10, 1, [person, country]) == "c"
    assert resolve_pronoun("he", 10, 1, [person, country]) == "p"
    assert resolve_pronoun("they", 10, 1, [person]) is None  # one person is not "they"
    assert resolve_pronoun("i", 10, 1, [person]) is None  # first person is the speaker, not an antecedent


def test_speaker_subject_beats_a_later_plain_mention() -> None:
    # "Roe said ... Smith's plan ... 'quote,' he said": the last speaker, not the last name
    refs = [_p("roe", 0, 3, "m", subject=True, speaker=True), _p("smith", 40, 3, "m")]
    assert resolve_pronoun("he", 60, 4, refs) == "roe"


def test_recency_decides_between_equals_and_reach_limits() -> None:
    refs = [_p("a", 0, 0, subject=True), _p("b", 10, 2, subject=True)]
    assert resolve_pronoun("he", 50, 3, refs) == "b"
    assert resolve_pronoun("he", 90, 9, refs) is None
    assert resolve_pronoun("he", 90, 9, refs, replace(DEFAULT_SALIENCE, reach=10)) == "b"


def test_only_mentions_before_the_pronoun_count() -> None:
    refs = [_p("later", 100, 0, subject=True)]
    assert resolve_pronoun("he", 50, 0, refs) is None


def test_sentence_starts_skip_abbreviations_and_initials() -> None:
    text = "Ms. Roe met Gen. Lee in Washington. J. R. Smith said the U.S. plan failed.\nNext paragraph."
    starts = sentence_starts(text)
    assert len(starts) == 3, [text[s : s + 12] for s in starts]
    assert sentence_of(starts, text.index("Smith")) == 1
    assert sentence_of(starts, text.index("Next")) == 2


def test_weights_come_from_the_settings() -> None:
    from storyline.settings import tuned_section

    packaged = tuned_section("quotes.salience")
    assert isinstance(DEFAULT_SALIENCE, Salience)
    assert DEFAULT_SALIENCE.reach == packaged["reach"] and DEFAULT_SALIENCE.speaker == packaged["speaker"]
