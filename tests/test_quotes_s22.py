"""Quotes stage, twenty-second session: archive quotation marks (``...''), the speaker inside a description, and
surname linking across documents. The sentences were written for these tests; the expected values are read
from them."""

from kzlib.quotes.marks import _archive_style, _quote_spans
from tests.quote_rows import speech_rows

# --------------------------------------------------------------------------- archive quotation marks

_ARCHIVE = ("The ministry said it had told the family. ``It is deeply discouraging for the family, but there is "
            "no proof,'' said a ministry spokesman, speaking on condition of anonymity. ``We will keep "
            "searching until we find him,'' he added. Officials in Dara doubted it.")


def test_archive_marks_pair_backticks_with_apostrophe_pairs():
    spans = [_ARCHIVE[s.start:s.end] for s in _quote_spans(_ARCHIVE, archive=True)]
    assert spans == ["It is deeply discouraging for the family, but there is no proof,",
                     "We will keep searching until we find him,"]


def test_archive_style_is_decided_from_the_document_marks():
    assert _archive_style([_ARCHIVE])
    assert not _archive_style(["''We won,'' Roe said.", "''We lost,'' Doe said."])  # '' both ways
    assert not _archive_style(["Roe said they won. It's Doe's turn."])  # no marks at all
    # one stray `` among many '' pairs: the document quotes ''this way''
    assert not _archive_style(["''A,'' Roe said. ''B,'' Doe said. ''C,'' Poe said.", "It is ``odd''."])


def test_an_apostrophe_is_never_a_mark_in_an_archive_document():
    t = "``Clinton's aides don't know,'' Roe said. The boys' coach agreed."
    assert [t[s.start:s.end] for s in _quote_spans(t, archive=True)] == ["Clinton's aides don't know,"]
    # a single `quotation' nested in a double one, and closed by three apostrophes together with it
    t = "``We say `God save the Queen,''' Roe said, ``and we mean it.''"
    assert [t[s.start:s.end] for s in _quote_spans(t, archive=True)] == ["We say `God save the Queen,'",
                                                                         "and we mean it."]


def test_a_single_backtick_quotation_at_the_top():
    t = "He kept saying: `I cannot take it any more,' and left."
    assert [t[s.start:s.end] for s in _quote_spans(t, archive=True)] == ["I cannot take it any more,"]


def test_a_lost_close_ends_at_the_next_opening():
    t = "``We will not leave. ``Nobody can make us go,'' Roe said."
    assert [t[s.start:s.end] for s in _quote_spans(t, archive=True)] == ["We will not leave.",
                                                                         "Nobody can make us go,"]


def test_apostrophe_pairs_of_a_plain_document_still_open_and_close():
    t = "''We won the vote,'' Roe said. ''It was close.''"
    assert [t[s.start:s.end] for s in _quote_spans(t)] == ["We won the vote,", "It was close."]


def test_archive_quotes_hold_the_quoted_words_and_their_speaker():
    rows = speech_rows(_ARCHIVE)
    direct = rows[rows["kind"] == "direct"]
    assert list(direct["quote"]) == ["It is deeply discouraging for the family, but there is no proof,",
                                     "We will keep searching until we find him,"]
    assert direct["speaker"].iloc[0] == "ministry spokesman"  # the tag after the quotation, not the one before
    assert direct["speaker_surface"].iloc[1] == "he"  # the tag after the second quotation
    rows = speech_rows("``We need the smell of eucalyptus in this,'' said Jane Roe, a poet. Others disagreed.")
    assert list(rows["quote"]) == ["We need the smell of eucalyptus in this,"]
    assert list(rows["speaker"]) == ["Jane Roe"]


# --------------------------------------------------------------------------- the speaker inside a description

def test_a_possessor_is_not_the_speaker_of_its_relatives_or_rivals():
    rows = speech_rows("Jane Roe is running for mayor.",
                       "Roe's younger sister said the family had never been consulted about the plan.")
    assert list(rows["speaker"]) == ["Roe's younger sister"]
    assert list(rows["speaker_resolution"]) == ["description"]
    rows = speech_rows("Front-runner Jane Roe's top challenger, a city councilman, said the budget was a fraud.")
    assert "Jane Roe" not in set(rows["speaker"])


def test_a_possessor_is_not_the_speaker_of_its_friends():
    rows = speech_rows("Sen. Ted Okafor spoke in Denver.", "But according to interviews with more than a half-dozen of "
                       "Okafor’s friends, aides and allies, he wants to be engaged this fall on behalf of his colleagues.")
    assert list(rows["speaker"]) == ["Okafor’s friends"]


def test_footage_of_a_person_is_that_person_speaking():
    rows = speech_rows("Sen. Ted Okafor spoke in Denver.",
                       "The new ad ends with footage of Okafor saying the council had lied to the voters.")
    assert list(rows["speaker"]) == ["Ted Okafor"]


def test_the_name_after_an_aide_to_is_not_the_speaker():
    rows = speech_rows("\"We told them what we recommended,\" said the former top aide to President John Doe.")
    assert list(rows["speaker"]) == ["former top aide to President John Doe"]
    rows = speech_rows("\"The numbers are wrong,\" said a spokeswoman for Jane Roe.")
    assert list(rows["speaker"]) != ["Jane Roe"]
    rows = speech_rows("\"The numbers are wrong,\" read a statement from Jane Roe.")
    assert "spokeswoman" not in "".join(rows["speaker"])


# --------------------------------------------------------------------------- surname linking

def test_a_given_name_before_a_title_word_makes_it_a_surname():
    rows = speech_rows("Last week, I caught Larry King on his new television show.",
                       "''I have never been edited or had a show of mine not run,'' Mr. King, 82, told me.")
    assert list(rows["speaker"]) == ["Larry King"]  # not a bare "King" for the corpus to link to another King


def test_a_surname_after_a_suffixed_full_name_is_that_person():
    rows = speech_rows("Chief Justice John G. Okafor Jr. spoke of the legacy of the court. To understand the real "
                       "case, Chief Justice Okafor said, one should visit this museum.")
    assert set(rows["speaker"]) == {"John G. Okafor Jr."}


def test_a_capitalised_adjective_opening_a_sentence_is_no_speaker_name():
    rows = speech_rows("Small groups of protesters continued to walk the streets around the stadium, while chanting, "
                       "\"Hands up, don't shoot.\"", "The police said the night was calm.")
    assert "Small" not in set(rows["speaker"])


def test_an_office_that_conflicts_blocks_a_surname_link():
    import pandas as pd

    from kzlib.quotes import link_speakers, speaker_variants

    q = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "kind": ["direct"] * 4, "speaker_type": ["person"] * 4,
                      "speaker": ["Jennifer Okafor", "Jennifer Okafor", "Okafor", "Okafor"],
                      "speaker_surface": ["Mayor Jennifer Okafor", "Jennifer Okafor", "Chief Justice Okafor", "Ms. Okafor"],
                      "speaker_resolution": ["named"] * 4})
    out = link_speakers(q, speaker_variants(q))
    assert list(out["speaker"]) == ["Jennifer Okafor", "Jennifer Okafor", "Okafor", "Jennifer Okafor"]


def test_a_description_ending_in_a_surname_does_not_block_its_link():
    import pandas as pd

    from kzlib.quotes import link_speakers, speaker_variants

    q = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "kind": ["direct"] * 4, "speaker_type": ["person"] * 4,
                      "speaker": ["Jane Okafor", "Jane Okafor", "Okafor", "advisers to Ms. Okafor"],
                      "speaker_surface": ["Jane Okafor", "Ms. Okafor", "Ms. Okafor", "advisers to Ms. Okafor"],
                      "speaker_resolution": ["named", "surname", "named", "description"]})
    out = link_speakers(q, speaker_variants(q))
    assert list(out["speaker"])[2:] == ["Jane Okafor", "advisers to Ms. Okafor"]
