"""Timeline, twenty-first session (speed): the bundled gazetteer reads a document's undated sentences only where
a dated sentence's actors can depend on them. The texts were written for these tests; the expected actors are
read from them and from the bundled gazetteer's entries (Antony Blinken is the Secretary of State; "Wang" is
both Wang Yi and Wang Wenbin)."""

import pandas as pd
import pytest

pytest.importorskip("kzlib.actors")

from kzlib.actors import default_gazetteer  # noqa: E402
from kzlib.timeline import build_events  # noqa: E402
from kzlib.timeline.events import _context_free, _gazetteer_mentions  # noqa: E402


def _events(texts: list[str]) -> pd.DataFrame:
    sentences = pd.DataFrame({"doc_id": "d1", "sentence_id": range(len(texts)), "text": texts})
    documents = pd.DataFrame({"doc_id": ["d1"], "published": ["2022-01-12"]})
    return build_events(sentences=sentences, documents=documents)


def test_names_with_one_candidate_are_the_same_in_any_context_and_a_title_is_not():
    g = default_gazetteer()
    assert _context_free(g.scan("Blinken spoke to Tokayev in Almaty."))
    assert not _context_free(g.scan("The Secretary met Tokayev."))  # a title: whoever the text named before
    assert not _context_free(g.scan("Wang spoke."))  # two Wangs: the one named before
    assert _context_free(g.scan("Nothing was said."))


def test_a_title_in_a_dated_sentence_is_the_actor_an_undated_sentence_before_it_named():
    events = _events(["Antony Blinken arrived in Almaty.", "The crowd waited.",
                      "On Monday, the Secretary met Tokayev."])
    row = events[events["expression"].str.contains("Monday")].iloc[0]
    assert row["sentence_id"] == 2
    assert row["actors"] == "Antony Blinken; Kassym-Jomart Tokayev"


def test_a_title_with_no_one_named_before_it_is_no_actor():
    events = _events(["The crowd waited.", "On Monday, the Secretary met Tokayev."])
    assert events.iloc[0]["actors"] == "Kassym-Jomart Tokayev"


def test_a_shared_surname_is_the_one_named_before_even_sentences_before():
    named_yi = _events(["Wang Yi flew in.", "Talks began.", "Wang spoke on Tuesday."])
    named_wenbin = _events(["Wang Wenbin flew in.", "Talks began.", "Wang spoke on Tuesday."])
    assert named_yi[named_yi["sentence_id"] == 2]["actors"].tolist() == ["Wang Yi"]
    assert named_wenbin[named_wenbin["sentence_id"] == 2]["actors"].tolist() == ["Wang Wenbin"]


def test_the_needed_sentences_have_the_mentions_of_the_full_reading():
    texts = ["Wang Wenbin flew in.", "Antony Blinken arrived.", "Wang spoke.", "The Secretary met Tokayev.",
             "Blinken left.", "Wang Yi said nothing.", "Wang smiled.", "The Secretary waved."]
    sentences = pd.DataFrame({"doc_id": ["a"] * 4 + ["b"] * 4, "sentence_id": [0, 1, 2, 3] * 2, "text": texts})
    full = _gazetteer_mentions(sentences)
    for needed in ({("a", 2)}, {("a", 3)}, {("b", 0), ("b", 3)}, {("a", 1), ("b", 2)}, set()):
        part = _gazetteer_mentions(sentences, needed)
        assert {k: part.get(k) for k in needed} == {k: full.get(k) for k in needed}
    # "Wang" of document a is the Wang named in a (Wenbin), of b the one named in b (Yi)
    assert full[("a", 2)][0][0] == "Wang Wenbin" and full[("b", 2)][0][0] == "Wang Yi"
