"""Session 27: annotate's first pass over the documents now also counts the gazetteer's name forms in the
clean documents (no pass of their own), and the de-spun body text is read off that pass's repairs
(expected values read off the texts written here)."""

from __future__ import annotations

import pandas as pd

from kzlib.provenance.spin import _compile
from kzlib.provenance.stage import (
    _chosen_variants,
    _despun_body,
    _form_counts,
    _raw_evidence,
    _variant_forms,
    _variant_pairs,
)

# one row: "chilly" is the spinner's "cold", in a text judged spun
_TABLE = pd.DataFrame({"spun": ["chilly"], "original": ["cold"], "scope": ["spun"]})
_SPUN_BODY = ("Chilly winds hit Almaty: a chilly night, a chilly morning, a chilly day, chilly streets, "
              "chilly homes, chilly offices, chilly schools.")
_SPUN_AFTER = ("Cold winds hit Almaty: a cold night, a cold morning, a cold day, cold streets, "
               "cold homes, cold offices, cold schools.")


def _frame() -> pd.DataFrame:
    # a spun document (a title, then two body paragraphs, the second with no table phrase) and a clean one
    spun_paras = ("Weather", _SPUN_BODY, "Ned Price spoke.")
    clean_paras = ("Ned Price met Ned Worth in Astana; Ned Price left.",)
    return pd.DataFrame({"doc_id": ["a", "b"],
                         "text": [spun_paras[1:], clean_paras],
                         "paras": [spun_paras, clean_paras],
                         "body": [(False, True, True), (True,)]})


def test_despun_body_is_the_body_paragraphs_as_repaired():
    out = _raw_evidence(_frame(), compiled=_compile(_TABLE), spin_threshold=0.0, mt_threshold=2.0,
                        translation_threshold=5.0).set_index("doc_id")
    assert bool(out.loc["a", "is_spun"]) and not bool(out.loc["b", "is_spun"])
    frame = _frame().set_index("doc_id")
    # the spun document's body paragraphs, "chilly" written "cold" (the title is no body text)
    a = _despun_body(frame.loc["a", "text"], frame.loc["a", "paras"], frame.loc["a", "body"], out.loc["a", "despun"])
    assert a == (_SPUN_AFTER, "Ned Price spoke.")
    # the clean document is left as it is: its text itself, not a copy
    b_text = frame.loc["b", "text"]
    assert _despun_body(b_text, frame.loc["b", "paras"], frame.loc["b", "body"], out.loc["b", "despun"]) is b_text


def test_first_pass_counts_the_name_forms_in_the_clean_documents_only():
    forms = ("Ned Price", "Ned Worth")
    out = _raw_evidence(_frame(), compiled=_compile(_TABLE), spin_threshold=0.0, mt_threshold=2.0,
                        translation_threshold=5.0, forms=forms).set_index("doc_id")
    # the clean document names Ned Price twice and Ned Worth once; the spun one is not counted
    assert out.loc["b", "form_counts"] == ((0, 2), (1, 1))
    assert out.loc["a", "form_counts"] == ()
    # without forms nothing is counted
    plain = _raw_evidence(_frame(), compiled=_compile(_TABLE), spin_threshold=0.0, mt_threshold=2.0,
                          translation_threshold=5.0).set_index("doc_id")
    assert plain["form_counts"].tolist() == [(), ()]


def test_variants_chosen_from_the_counts():
    # "Ned Worth" / "Ned Price" differ by one dissimilar word: a possible swap; the canonical name is the
    # original, and the swap is kept only where the clean text never uses the spun form; "Ned Pryce" is a
    # spelling variant (its words open with the same two letters), no swap
    assert _variant_pairs([("Ned Price", ("Ned Pryce",))]) == []
    pairs = _variant_pairs([("Ned Price", ("Ned Worth",))])
    assert pairs == [("Ned Price", "Ned Worth", "Ned Price")]
    assert _variant_forms(pairs) == ("Ned Price", "Ned Worth")
    assert _chosen_variants(pairs, {"Ned Price": 3, "Ned Worth": 0}) == [("Ned Worth", "Ned Price")]
    assert _chosen_variants(pairs, {"Ned Price": 3, "Ned Worth": 1}) == []
    assert _form_counts("Ned Worth and Ned Worth", ("Ned Price", "Ned Worth")) == ((1, 2),)
