"""Session 21: version labels on native English (dash-led lists, ellipses, glued words) and the
``version`` column filled from detection where the metadata gave none."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from kzlib.provenance import annotate, detect_versions
from kzlib.provenance.versions import _dash_led_speech, _mt_evidence, _translation_evidence

FILLER = ("The committee met on Tuesday to discuss the budget for the coming year and the plans for new "
          "schools in the northern districts of the state. ")


def _detect(text: str) -> pd.Series:
    out = detect_versions(pd.Series({"d": text}), spin_scores=pd.Series({"d": 0.0}))
    return out.loc["d"]


# --- dash-led speech ---------------------------------------------------------------------------------

LIST = ("The following reporters won awards this year:\n\n"
        "— Ann Smith of the Daily Herald, winner of the award for coverage under deadline.\n\n"
        "— Bob Jones of the Evening Post, winner of the prize for broadcast journalism.\n\n"
        "— Carla Diaz of the Morning Star, winner of the award for investigative reporting.\n\n"
        "— Dan Brown of the City Journal, winner of the award for photography.\n\n")


def test_dash_led_list_items_in_english_are_no_translated_speech():
    # four list items led by an em dash, no dash attribution anywhere: no translation convention
    assert _dash_led_speech(LIST) == 0
    assert _translation_evidence(LIST) == 0
    row = _detect(LIST + FILLER * 2)
    assert row["version_detected"] == "original"
    assert "translation conventions" not in row["version_evidence"]


def test_a_dash_led_paragraph_with_its_own_dash_attribution_is_speech():
    text = "— Carla Diaz, winner.\n\n– We will not leave the square – he said.\n\n— Dan Brown, winner."
    assert _dash_led_speech(text) == 1           # only the second paragraph carries "– he said"


def test_translated_interview_keeps_its_dash_led_answers():
    # the Russian convention proper (", – he said") is attested, so answers without one count too
    text = ("– We will not leave the square, – he said.\n\n"
            "“Q”: – Why did the talks fail?\n\n"
            "– The sides could not agree on the terms.\n\n"
            "– Nobody wanted to give way first, – she explains.\n\n") * 2
    # per copy: dash-led paragraphs 1, 3, 4 (the question is led by “Q”:), attributions "– he", "– she"
    assert _dash_led_speech(text) == 6
    assert _translation_evidence(text) == 6 + 4
    assert _detect(text + FILLER)["version_detected"] == "translated"


def test_english_em_dash_in_a_sentence_does_not_open_the_dash_led_count():
    # "the field — he won" is an English aside (no comma before the dash): list items stay uncounted
    text = LIST + "Jones led the field — he won three times.\n\n"
    assert _dash_led_speech(text) == 0


# --- machine-translation artefacts ---------------------------------------------------------------------

def test_an_ellipsis_in_a_quotation_is_no_machine_translation_artefact():
    quote = ('"The other factor is ... would it give the appearance of bias? We ... need to act," '
             'the senator said. "It is serious ... but we wait." ')
    assert _mt_evidence(quote) == []
    row = _detect(quote * 3 + FILLER)
    assert row["version_detected"] == "original"
    assert "MT artefacts" not in row["version_evidence"]


def test_a_word_glued_to_an_abbreviation_is_no_cut_sentence():
    # "thatU.S." lost its space in page extraction; "began. will" is a cut sentence all the same
    assert _mt_evidence("He said thatU.S. military aid was late.") == []
    assert _mt_evidence("The talks began. will continue.") == ["began. will"]


def test_machine_translated_text_is_still_found():
    text = "The talks began. will continue next week. on Monday officials said. " * 10
    assert _detect(text)["version_detected"] == "machine-translated"


# --- the version column ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def annotated_unknown(seeds_corpus):
    """The seeds as the loader leaves a sidecar without versions: "unknown" for each document, and
    one document with a version the metadata gives."""
    docs = seeds_corpus.documents.copy()
    docs["version"] = "unknown"
    docs = docs.drop(columns=[c for c in ("version_basis",) if c in docs.columns])
    first = docs["doc_id"].iat[0]
    docs.loc[docs["doc_id"] == first, "version"] = "republished"
    return first, annotate(dataclasses.replace(seeds_corpus, documents=docs))


def test_version_is_filled_from_detection_where_the_metadata_gave_none(annotated_unknown):
    first, c = annotated_unknown
    docs = c.documents.set_index("doc_id")
    rest = docs.drop(index=first)
    assert (rest["version"] == rest["version_detected"]).all()
    assert (rest["version"] != "unknown").all()
    assert rest["version_basis"].str.startswith("detected from the text").all()
    assert docs.loc[first, "version"] == "republished"
    assert docs.loc[first, "version_basis"] == "given by the metadata"
