"""One person's names across a corpus (kzlib.quotes.linking) and the last check on a speaker (kzlib.quotes.plausible),
issue 16, eighteenth session. The tables and sentences are written for the tests; expected values are read from
them."""

import pandas as pd
from quote_rows import speech_rows as _rows

from kzlib.quotes import link_speakers, speaker_variants
from kzlib.quotes.plausible import _check_speakers


def _quotes(speakers: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(speakers))], "speaker": speakers,
                         "speaker_type": ["person"] * len(speakers), "kind": ["direct"] * len(speakers),
                         "speaker_resolution": ["named"] * len(speakers)})


def test_a_middle_initial_or_name_is_one_person():
    q = _quotes(["Maria M. Okafor", "Maria Okafor", "Maria Okafor", "Maria Mensah Okafor", "Maria Okafor Jr."])
    links = speaker_variants(q).set_index("speaker")["linked_to"].to_dict()
    assert links == {"Maria M. Okafor": "Maria Okafor", "Maria Mensah Okafor": "Maria Okafor"}  # "Jr." is another person


def test_a_surname_alone_takes_the_full_name_only_when_one_person_holds_it():
    q = _quotes(["Okafor", "Maria Okafor", "Maria Okafor", "Mensah", "John Mensah", "Mary Mensah"])
    links = speaker_variants(q).set_index("speaker")["linked_to"].to_dict()
    assert links == {"Okafor": "Maria Okafor"}  # "Mensah": John and Mary, one quote each, stays as written
    out = link_speakers(q)
    assert out["speaker"].tolist()[0] == "Maria Okafor"
    assert out["speaker_resolution"].tolist()[0] == "corpus"


def test_no_link_for_bodies_places_or_kept_names():
    q = _quotes(["Federal Election Commission", "Federal Trade Commission", "Israel", "Steve Israel", "Steve Israel",
                 "Okafor", "Maria Okafor", "Maria Okafor"])
    links = speaker_variants(q, keep=["Okafor"])
    assert links.empty  # no given name first: no person; a country alone; a name the caller keeps


def test_words_that_are_no_speaker_are_dropped_and_glued_text_cut():
    q = pd.DataFrame({"speaker": ["3:12PMOkafor", "WASHINGTON ― The city council", "in the wake of a poll",
                                  "it costs members $70", "echoing some commentators", "Tuesday at the town hall",
                                  "52%", "about half of voters", "overwhelming majorities", "Sen. Ada Okafor (D-IN)"],
                      "speaker_surface": [""] * 10, "speaker_resolution": ["named"] * 10, "confidence": [0.8] * 10})
    q["speaker_surface"] = q["speaker"]
    out = _check_speakers(q)
    assert out["speaker"].tolist() == ["Okafor", "The city council", "", "", "", "", "", "about half of voters",
                                       "overwhelming majorities", "Sen. Ada Okafor (D-IN)"]
    assert (out["speaker_resolution"] == "implausible").sum() == 5
    assert out.loc[2, "speaker_surface"] == "in the wake of a poll"  # kept for the reader


def test_a_party_tag_before_the_comma_of_an_opening_phrase():
    q = _rows("Tuesday at the college in Berea, after winning the primary, Gov. Ada Okafor (R-OH), said, "
              "“We are getting ready to travel west.”")
    assert q["speaker"].tolist() == ["Ada Okafor"]


def test_a_warning_when_the_bundled_actors_name_few_speakers(caplog):
    from kzlib.actors import default_gazetteer
    from kzlib.stages import _warn_if_bundled_actors_fit_badly

    q = pd.DataFrame({"speaker": ["Maria Okafor"] * 45 + ["Antony Blinken"] * 5, "kind": ["direct"] * 50})
    with caplog.at_level("WARNING"):
        _warn_if_bundled_actors_fit_badly(q, default_gazetteer())
    assert "-p gazetteer" in caplog.text  # 10 % from the bundled actors: the message says how to give one's own
    caplog.clear()
    q["speaker"] = ["Antony Blinken"] * 50
    with caplog.at_level("WARNING"):
        _warn_if_bundled_actors_fit_badly(q, default_gazetteer())
    assert caplog.text == ""


def test_he_or_she_is_never_a_country_or_state():
    q = _rows("John Okafor campaigned in Florida on Monday. He said he would offer a prayer for the victims.")
    assert q["speaker"].tolist() == ["John Okafor"]
    q = _rows("Florida said the storm was over. He said he would offer a prayer for the victims.")
    assert q["speaker"].tolist() == ["Florida", ""]  # the state spoke; "he" is no state, and no person is named
    assert q["speaker_type"].tolist()[0] == "state"
    # nor a city or a body of unknown kind (review): no person named, no one resolved
    q = _rows("At a rally in Ames on Monday, he said the tax would fall.")
    assert q["speaker"].tolist() == [""]


def test_a_speaker_the_gazetteer_does_not_know_is_typed_as_its_name_reads():
    q = _rows("The Valley Times reported that the bridge would close. The City Council said the vote was final. "
              "Jane Okafor said she was glad.")
    types = dict(zip(q["speaker"], q["speaker_type"], strict=True))
    assert types == {"Valley Times": "media", "City Council": "organisation", "Jane Okafor": "person"}


def test_linking_leaves_the_callers_table_as_it_was():
    q = _quotes(["Okafor", "Maria Okafor", "Maria Okafor"])
    before = q.copy()
    out = link_speakers(q)
    assert out["speaker"].tolist() == ["Maria Okafor"] * 3
    pd.testing.assert_frame_equal(q, before)


def test_a_described_poll_or_report_is_a_document():
    q = _rows("A new poll shows that the mayor leads. Officials said the count was fair.")
    types = dict(zip(q["speaker"], q["speaker_type"], strict=True))
    assert types == {"new poll": "document", "officials": "person"}


def test_review_fixes_speakers():
    # a verb and its comma after a one-word name is no opening phrase
    assert _rows("Okafor agreed, saying the plan was flawed.")["speaker"].tolist() == ["Okafor"]
    # a relative clause ending in a preposition before the verb: a report, not an adjective
    q = _rows("The officials he spoke with warned the budget was a fraud.")
    assert q["cue"].tolist() == ["warned"]
    # "so" in "did so" is no degree word
    q = _rows("Okafor did so, arguing that the case was closed.")
    assert "arguing" in q["cue"].tolist()
    # "over 200 scientists" speak
    t = pd.DataFrame({"speaker": ["over 200 scientists"], "speaker_surface": ["over 200 scientists"],
                      "speaker_resolution": ["description"], "confidence": [0.4]})
    assert _check_speakers(t)["speaker"].tolist() == ["over 200 scientists"]


def test_two_different_middles_are_two_people():
    q = _quotes(["George W. Bush"] * 3 + ["George H. W. Bush"])
    assert speaker_variants(q).empty
