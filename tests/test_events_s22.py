"""Events, twenty-second session: open-world actors (the people each document's quotations name) and the study's
events stage on the fast gazetteer path. The texts and the quotes tables were written for these tests; the
expected actors are read from them (none of the invented people below is in the bundled gazetteer; Antony
Blinken and Ned Price are)."""

import pandas as pd
import pytest

pytest.importorskip("kzlib.actors")

from kzlib.actors import default_gazetteer, find_mentions  # noqa: E402
from kzlib.timeline import build_events  # noqa: E402
from kzlib.timeline._actors import _occurrences, named_speakers  # noqa: E402


def _events(texts: list[str], quotes: pd.DataFrame | None, doc_id: str = "d1") -> pd.DataFrame:
    sentences = pd.DataFrame({"doc_id": doc_id, "para_id": 0, "sentence_id": range(len(texts)), "text": texts})
    documents = pd.DataFrame({"doc_id": [doc_id], "published": ["2016-03-10"]})
    return build_events(sentences=sentences, documents=documents, speakers=quotes)


def _quotes(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """A quotes table: (speaker, speaker_surface, speaker_type) of document d1."""
    return pd.DataFrame({"doc_id": "d1", "speaker": [r[0] for r in rows], "speaker_surface": [r[1] for r in rows],
                         "speaker_type": [r[2] for r in rows]})


def _row(events: pd.DataFrame, sentence_id: int) -> pd.Series:
    return events[events["sentence_id"] == sentence_id].iloc[0]


def test_a_quoted_person_is_an_actor_by_full_name_and_by_surname():
    texts = ["Senator Maria Velasquez said the bill was dead.",
             "On Tuesday, Velasquez met Antony Blinken in Ohio.",
             "Blinken and Maria Velasquez spoke again on Friday."]
    ev = _events(texts, _quotes(("Maria Velasquez", "Senator Maria Velasquez", "person")))
    tuesday = _row(ev, 1)
    assert tuesday["actors"] == "Maria Velasquez; Antony Blinken"  # in order of mention
    assert tuesday["actor_sources"] == "speaker; gazetteer"
    assert tuesday["actor"] == "Maria Velasquez"  # the person nearest the date phrase
    assert _row(ev, 2)["actors"] == "Antony Blinken; Maria Velasquez"


def test_without_a_quotes_table_the_actors_are_the_gazetteers_and_there_is_no_sources_column():
    texts = ["Senator Maria Velasquez said the bill was dead.", "On Tuesday, Velasquez met Antony Blinken."]
    ev = _events(texts, None)
    assert _row(ev, 1)["actors"] == "Antony Blinken"
    assert "actor_sources" not in ev.columns


def test_a_surname_two_quoted_people_share_stands_for_neither():
    texts = ["Paul Okafor and Grace Okafor both spoke.", "On Monday, Okafor left the hearing.",
             "On Friday, Grace Okafor returned."]
    ev = _events(texts, _quotes(("Paul Okafor", "he", "person"), ("Grace Okafor", "she", "person")))
    assert _row(ev, 1)["actors"] == ""
    assert _row(ev, 2)["actors"] == "Grace Okafor"


def test_a_surname_another_given_name_wears_in_the_document_stands_for_no_one():
    # only Tomas Brandt is quoted, but the text also names Elke Brandt: "Brandt" alone may be either
    texts = ["Tomas Brandt said the plant would close.", "Elke Brandt, his sister, disagreed.",
             "On Monday, Brandt signed the order."]
    ev = _events(texts, _quotes(("Tomas Brandt", "Tomas Brandt", "person")))
    assert _row(ev, 2)["actors"] == ""


def test_a_surname_inside_a_longer_name_or_written_as_a_word_is_not_the_speaker():
    texts = ["Lena Fairweather said she would run.", "On Monday, Fairweather Holdings sold its stake.",
             "On Tuesday, Fairweather campaigned."]
    ev = _events(texts, _quotes(("Lena Fairweather", "she", "person")))
    assert _row(ev, 1)["actors"] == ""  # a capitalised word follows: another name
    assert _row(ev, 2)["actors"] == "Lena Fairweather"
    common = _events(["Tom Rose said prices would rise.", "The rose garden opened on Monday.",
                      "On Friday, Rose resigned."], _quotes(("Tom Rose", "he", "person")))
    assert _row(common, 2)["actors"] == ""  # the document writes "rose" as a word


def test_speakers_that_are_no_full_names_or_not_in_the_document_add_nothing():
    texts = ["Analysts said the vote was close.", "On Monday, the committee met.",
             "On Tuesday, Carver spoke to voters."]
    quotes = _quotes(("analysts", "Analysts", "person"), ("Florida senator", "the Florida senator", "person"),
                     ("Jed Carver", "Carver", "person"))  # linked to a full name another document gives
    ev = _events(texts, quotes)
    assert (ev["actors"] == "").all()


def test_a_quoted_firm_is_an_actor_but_not_preferred_as_a_person():
    texts = ["Ridgeline Fabrication said it would cut jobs.",
             "Antony Blinken said that on Monday Ridgeline Fabrication would close."]
    ev = _events(texts, _quotes(("Ridgeline Fabrication", "Ridgeline Fabrication", "person")))
    row = _row(ev, 1)
    assert row["actors"] == "Antony Blinken; Ridgeline Fabrication"
    assert row["actor_sources"] == "gazetteer; speaker"
    assert row["actor"] == "Antony Blinken"  # the person, though the firm is a few characters nearer the date


def test_a_gazetteer_mention_of_the_same_words_stands():
    texts = ["Ned Price, the spokesman, said the talks went well.", "On Monday, Price briefed reporters."]
    ev = _events(texts, _quotes(("Ned Price", "Ned Price", "person")))
    assert _row(ev, 1)["actors"] == "Ned Price" and _row(ev, 1)["actor_sources"] == "gazetteer"


def test_named_speakers_reads_full_person_names_only():
    quotes = pd.DataFrame({"doc_id": ["a"] * 5 + ["b"],
                           "speaker": ["Jane Doe", "company", "Sen. Tim Marsh", "Ned Price", "CNN", "Jane Doe"],
                           "speaker_surface": ["she", "the company", "Sen. Marsh", "Price", "CNN", "Doe"],
                           "speaker_type": ["person", "organisation", "person", "person", "media", "person"]})
    got = named_speakers(quotes, ["a"], default_gazetteer().actors)
    assert got == {"a": {"Jane Doe": True}}  # a title first, a gazetteer actor, other types: none


def test_occurrences_are_whole_words_with_possessives():
    assert _occurrences("Doe", "Doe’s plan, Doerr and Doe-Smith; Doe.") == [0, 33]


def test_the_fast_gazetteer_path_gives_the_actors_of_find_mentions():
    # the study's events once read kzlib.actors.find_mentions; the default path must give the same actors,
    # including its document checks: another person of the document with a gazetteer actor's surname, and a
    # surname the document writes as a word ("prices")
    texts = ["Robert M. Price, chairman of the firm, spoke to reporters.", "Fuel prices rose.",
             "Mr. Price said on Tuesday that the plant would reopen.", "On Friday, Antony Blinken flew in.",
             "The Secretary met Price on Saturday."]
    sentences = pd.DataFrame({"doc_id": "d1", "para_id": 0, "sentence_id": range(len(texts)), "text": texts})
    documents = pd.DataFrame({"doc_id": ["d1"], "published": ["2016-03-10"]})
    fast = build_events(sentences=sentences, documents=documents)
    # (both read titles at the document's date: in March 2016 "the Secretary" is nobody the gazetteer dates)
    slow = build_events(sentences=sentences, documents=documents,
                        actors=lambda s: find_mentions(s, dates=documents))
    pd.testing.assert_frame_equal(fast, slow)
    assert "Ned Price" not in set(fast["actors"])  # the document's Price is Robert M. Price, or a word


def test_the_study_stage_adds_named_speakers_and_keeps_the_gazetteers_actors():
    from kzlib import stages

    class Corpus:
        sentences = pd.DataFrame({"doc_id": "d1", "para_id": 0, "sentence_id": [0, 1],
                                  "text": ["Maria Velasquez said the bill was dead.",
                                           "On Tuesday, Velasquez met Antony Blinken."]})
        documents = pd.DataFrame({"doc_id": ["d1"], "published": ["2016-03-10"], "outlet": ["x"]})

    quotes = _quotes(("Maria Velasquez", "Maria Velasquez", "person"))
    ev = stages.events(Corpus(), default_gazetteer(), quotes)["events"]
    assert ev["actors"].tolist() == ["Maria Velasquez; Antony Blinken"]
    assert ev["actor_sources"].tolist() == ["speaker; gazetteer"]
