from __future__ import annotations

import pickle

from storyline.stream.cluster import Clusterer, StreamSettings
from storyline.stream.features import featurize


def _terms(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for sent in featurize(text).sentences:
        for term, n in sent.terms:
            out[term] = out.get(term, 0) + n
    return out


def test_phrases_join_adjacent_content_words_only() -> None:
    got = _terms("Members of the ku klux klan marched in Tinbel. The interest rate rose, prices fell.")
    assert got["klux klan"] == 1 and got["ku klux"] == 1
    assert "interest rate" in got
    assert not any(t.startswith("member ") or t.endswith(" member") for t in got)  # "of the" breaks the phrase
    assert "rose pric" not in got and "rose price" not in got  # a comma breaks it too
    assert "rate rose" in got


def test_numbers_and_names_are_terms_but_numbers_make_no_phrases() -> None:
    got = _terms("Police said 25 30 people left, and Mayor Drazar Quistlun agreed.")
    assert "25" in got and "30" in got and "25 30" not in got
    assert "@quistlun" in got and "@drazar" in got


def test_function_words_are_dropped_before_folding() -> None:
    got = _terms("They waited while the council was meeting.")
    assert "whil" not in got and "while" not in got


def test_features_are_pure_and_pickle() -> None:
    text = "Flooding in Kalvormes closed the Tinbel bridge. Mayor Drazar Quistlun said repairs take weeks."
    f = featurize(text)
    assert featurize(text) == f
    assert pickle.loads(pickle.dumps(f)) == f
    assert [s.text for s in f.sentences] == ["Flooding in Kalvormes closed the Tinbel bridge.", "Mayor Drazar Quistlun said repairs take weeks."]
    assert f.sentences[0].key is not None


def test_assign_on_features_matches_add_on_text() -> None:
    texts = [
        "Flooding in Kalvormes closed the Tinbel bridge, said mayor Drazar Quistlun.",
        "The Tinbel bridge in Kalvormes stays closed after the flooding, mayor Drazar Quistlun said.",
        "The Holpev orchestra announced a winter tour of nine cities.",
    ]
    a, b = Clusterer(StreamSettings()), Clusterer(StreamSettings())
    by_text = [a.add(t, i * 3600.0).story for i, t in enumerate(texts)]
    by_features = [b.assign(featurize(t), i * 3600.0).story for i, t in enumerate(texts)]
    assert by_text == by_features
    assert by_text[0] == by_text[1] != by_text[2]
