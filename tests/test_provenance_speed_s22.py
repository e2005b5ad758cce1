"""Session 22: the provenance stage's faster per-document passes give what they gave before (expected
values read off the texts written here)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from kzlib.provenance.features import story_features
from kzlib.provenance.phrases import _count_phrases, _phrase_index, _spellings
from kzlib.provenance.repair import _name_counts_part
from kzlib.provenance.stage import _form_counts_part


def test_form_counts_count_as_str_count_does():
    # "Ned Price" twice in the first text (once inside "Ned Price Jr"); "Ned\nPrice" is no occurrence;
    # "aa" in "aaa" once (occurrences do not overlap); "State" once
    frame = pd.DataFrame({"doc_id": ["a", "b"],
                          "text": ["Ned Price met Ned Price Jr. at the State Department", ("aaa", "Ned\nPrice")]})
    out = _form_counts_part(frame, forms=("Ned Price", "Ned Price Jr", "State", "aa", "Ned Worth"))
    assert dict(zip(out["form"], out["n"])) == {"Ned Price": 2, "Ned Price Jr": 1, "State": 1, "aa": 1,
                                                "Ned Worth": 0}


def test_form_counts_of_forms_sharing_a_start():
    # "abab" twice in "ababab ababab" (left to right, no overlap: one per word); "ab" three times per word
    frame = pd.DataFrame({"doc_id": ["a"], "text": ["ababab ababab"]})
    out = _form_counts_part(frame, forms=("abab", "ab", "b"))
    assert dict(zip(out["form"], out["n"])) == {"abab": 2, "ab": 6, "b": 6}


def test_story_features_names_and_pairs_stay_inside_sentences():
    feats = story_features("Officials in Astana met. Putin spoke with Tokayev.")
    # names: capitalised words that open no sentence; pairs: content stems of one sentence
    assert {f for f in feats if f.startswith("@")} == {"@astana", "@tokaye"}
    assert {f for f in feats if "_" in f} == {"offici_astana", "astana_met", "putin_spoke", "spoke_tokaye"}
    assert "met_putin" not in feats


def test_name_counts_count_each_occurrence_of_a_repeated_span():
    frame = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Ned Price spoke. Ned Price left.", "Ned Price came."],
                          "story": [None, None], "document": [True, True]})
    price_after_ned = (("Ned",), (), True, True)      # "Price" with "Ned" before it, the span's last word
    out = _name_counts_part(frame, wanted={price_after_ned}, spun_words={"Price"})
    ref = out[out["what"] == "ref"]
    assert [(k, w, n) for k, w, n in zip(ref["key"], ref["word"], ref["n"])] == [(price_after_ned, "Price", 3)]


def test_count_phrases_with_spellings_made_once():
    by_first = _phrase_index(["russia's border", "shut"])
    words = ["Shut", "Russia’s", "border", "and", "russia's", "border"]
    given, made = Counter(), Counter()
    _count_phrases(words, by_first, given, _spellings(by_first))
    _count_phrases(words, by_first, made)
    assert given == made == Counter({"russia's border": 2, "shut": 1})
