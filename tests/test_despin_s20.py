"""De-spinning leaves clean text alone (twentieth session): no phrase-table row applies to a text that is not
judged spun; a phrase of several words is not matched where a hyphen joins it to another word ("with
out-migration"); idioms written with the eye ("a stick in the eye of", "look into the eye of") and "a first
look at" are English, not spinner output; "peaceable" and "forestall" are English words (scope spun: kept
inside a speaker's quotation).

Every text here was written for these tests; the expected repairs come from reading them against the rules
of kzlib/data/spin_phrases.csv.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kzlib.clean import clean
from kzlib.corpus import Corpus
from kzlib.despin import despin, spin_matches
from kzlib.provenance import annotate
from kzlib.provenance.review import change_rate

_CLEAN = [
    "The report tracked the out-migration of young workers from the mining towns.",
    "Critics called the new tariff a stick in the eye of the farm lobby.",
    "Officers are trained to look into the eye of a suspect before they speak.",
    "The survey offers a first look into the mood of voters.",
    "The crowd was peaceable, and the mayor moved to forestall a second march.",
    "Historians call the treaty a relic of the Chilly Battle era.",   # one spinner phrase is no evidence
]


@pytest.mark.parametrize("text", _CLEAN)
def test_a_text_not_judged_spun_is_left_as_it_is(text):
    assert despin(text) == text
    assert despin(text, spun=False) == text
    assert spin_matches(text).empty


def test_a_phrase_of_several_words_is_not_matched_inside_a_hyphenated_compound():
    text = "They spoke of with out-migration, and left with out warning."
    assert despin(text, spun=True) == "They spoke of with out-migration, and left without warning."
    # a single word inside a compound is still a word the spinner swaps (spun text only)
    assert despin("a safety-first plan", spun=True) == "a security-first plan"


@pytest.mark.parametrize("text", [
    "Critics called the tariff a stick in the eye of the farm lobby.",
    "Officers look into the eye of a suspect.",
    "The town sat in the eye of the storm.",
    "The survey offers a first look at the mood of voters.",
])
def test_idioms_are_kept_even_in_spun_text(text):
    assert despin(text, spun=True) == text


def test_the_spinners_eye_and_first_look_are_repaired_in_spun_text():
    assert despin("The unrest drew the eye of the world.", spun=True) == "The unrest drew the attention of the world."
    assert despin("Calm at first look, the city was tense.", spun=True) == "Calm at first glance, the city was tense."


def test_peaceable_and_forestall_are_repaired_in_spun_narration_but_not_in_a_quotation():
    assert despin("The peaceable march went on, Roe mentioned.", spun=True) == "The peaceful march went on, Roe said."
    # the narration alone is not judged spun (one swap): the speaker's English words are kept
    assert despin('Roe mentioned: "We want a peaceable end and will forestall violence."', spun=True) == \
        'Roe said: "We want a peaceable end and will forestall violence."'


def test_the_provenance_stage_changes_no_word_of_a_clean_document():
    texts = ["Water Rates Debate Moves To The Senate", *_CLEAN,
             "The chairwoman said a vote on the proposal was expected before the end of the month."]
    docs = pd.DataFrame({"doc_id": ["clean"], "title": [""], "text": ["\n\n".join(texts)], "published": [""],
                         "language": ["en"]})
    annotated = annotate(clean(Corpus(documents=docs)), learn=False)
    paras = annotated.paragraphs
    assert (paras["text_despun"] == paras["text"]).all()
    assert int(paras["n_despun"].sum()) == 0
    rates = change_rate(annotated)
    assert rates[["words_changed", "words_changed_alone"]].values.tolist() == [[0, 0]]
