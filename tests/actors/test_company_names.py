"""A company named like a person becomes an organization when the story treats it as one."""

from __future__ import annotations

STAGES = ["clean", "nlp", "dates", "actors"]


def test_person_looking_company_used_as_a_company(make_story) -> None:
    text = (
        "Ralph Hollis agreed on Tuesday to buy the handbag maker Clara Voss for $900 million.\n\n"
        "Clara Voss shares rose 12 percent in London after the announcement.\n\n"
        "Clara Voss said its stores in Asia would stay open, and Clara Voss profits are expected to double.\n\n"
        "Analysts said Clara Voss had struggled to grow in the United States.\n"
    )
    story = make_story([text], stages=STAGES)
    voss = [a for a in story.actors if a.name == "Clara Voss"]
    assert len(voss) == 1
    assert voss[0].kind == "organization" and voss[0].role == "company"


def test_a_person_stays_a_person(make_story) -> None:
    text = (
        "Clara Voss, the finance minister, said on Tuesday that taxes would not rise.\n\n"
        "Voss told reporters she had spoken to the prime minister.\n\n"
        "Clara Voss has held the post since 2019.\n"
    )
    story = make_story([text], stages=STAGES)
    voss = [a for a in story.actors if a.name == "Clara Voss"]
    assert len(voss) == 1 and voss[0].kind == "person"
