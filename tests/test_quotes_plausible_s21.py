"""Speakers that are no noun phrase: a sentence's end inside, a title-case headline (twenty-first session)."""

import pandas as pd

from kzlib.quotes.plausible import _check_speakers


def _checked(*speakers: str) -> list[str]:
    q = pd.DataFrame({"speaker": list(speakers), "speaker_surface": list(speakers),
                      "speaker_resolution": ["description"] * len(speakers), "confidence": [0.5] * len(speakers)})
    return _check_speakers(q)["speaker_resolution"].tolist()


def test_words_across_a_sentence_end_are_no_speaker():
    assert _checked("most voters in both states backed Smith. A majority of those") == ["implausible"]


def test_an_abbreviation_inside_a_name_is_no_sentence_end():
    assert _checked("Acme Corp. Chairman John Smith", "Gov. Jane Doe") == ["description", "description"]


def test_a_headline_in_title_case_is_no_speaker():
    assert _checked("Senator Smith Responds To Question About Taxes By Saying Less") == ["implausible"]


def test_a_title_with_of_stays_a_speaker():
    assert _checked("Secretary of State John Doe", "Friends Of The Earth") == ["description", "description"]
