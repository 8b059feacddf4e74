"""The actor index finds the mentions overlapping a span by look-up, including long mentions that start well before it."""

from __future__ import annotations

from storyline.actor_index import ActorIndex
from storyline.models import Actor, Document, Mention, Story


def _story() -> Story:
    text = "The United Nations Educational, Scientific and Cultural Organization met Ana Ruiz and Tom Lee in Paris."
    long_name = "United Nations Educational, Scientific and Cultural Organization"
    s = text.index(long_name)
    mentions = {
        "a1": [(s, s + len(long_name))],
        "a2": [(text.index("Ana Ruiz"), text.index("Ana Ruiz") + 8)],
        "a3": [(text.index("Tom Lee"), text.index("Tom Lee") + 7)],
    }
    actors = [
        Actor(id=aid, name=text[spans[0][0] : spans[0][1]], kind="organization" if aid == "a1" else "person",
              mentions=[Mention(doc="d1", start=a, end=b, text=text[a:b]) for a, b in spans])
        for aid, spans in mentions.items()
    ]  # fmt: skip
    return Story(documents=[Document(id="d1", text=text)], actors=actors)


def test_mentions_in_finds_exactly_the_overlapping_mentions() -> None:
    story = _story()
    index = ActorIndex(story)
    text = story.documents[0].text
    inside_long = text.index("Cultural")  # deep inside the long organization name
    assert [a.id for _, _, a in index.mentions_in("d1", inside_long, inside_long + 3)] == ["a1"]
    ana = text.index("Ana")
    assert [a.id for _, _, a in index.mentions_in("d1", ana - 4, ana + 2)] == ["a2"]
    assert [a.id for _, _, a in index.mentions_in("d1", 0, len(text))] == ["a1", "a2", "a3"]
    assert index.mentions_in("d1", text.index("Paris"), len(text)) == []
    assert index.at("d1", ana, ana + 8) is not None and index.at("d1", ana, ana + 8).id == "a2"  # type: ignore[union-attr]
