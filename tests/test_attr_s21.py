"""Attribution, twenty-first session (the mixed-corpus review's defects 10 and 5): the addressee of "told" is
not the content, an evaluation's "as ..." complement is, a plural noun with a relative clause is no cue, a
pronoun after an attribution is its speaker, a word of a company's name or another given name is not a
gazetteer person. The sentences were written for these tests; the expected values are read from them."""

import pandas as pd

from kzlib.actors import Gazetteer
from kzlib.actors._given import reads_as_title
from kzlib.quotes import extract_quotes
from kzlib.quotes._addressee import addressee_end
from kzlib.quotes._relative import relative_after_noun


def _quotes(text: str) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"doc_id": ["d"], "para_id": [0], "text": [text]}))


def test_the_addressee_of_told_is_not_the_content():
    q = _quotes("Senator Ann Roe told a Kansas City crowd on Friday that the vote had been stolen.")
    assert q["quote"].tolist() == ["the vote had been stolen."]
    assert q["speaker"].tolist() == ["Ann Roe"]


def test_told_with_no_content_gives_no_row():
    assert _quotes("Senator Ann Roe told a Kansas City crowd.").empty
    assert _quotes("The mayor told his supporters.").empty


def test_addressee_end_skips_the_addressee_and_its_adjuncts():
    t = "Roe informed the board last week that the plant would close."
    assert t[addressee_end(t, t.index("informed") + 8, len(t)):] == " the plant would close."
    t = "Roe told them."  # no determined noun phrase: nothing skipped
    assert addressee_end(t, t.index("told") + 4, len(t)) == t.index("told") + 4


def test_an_evaluation_keeps_its_as_complement():
    q = _quotes("Ann Roe is attacking Governor Tom Doe as a reckless spender.")
    assert q["quote"].tolist() == ["Governor Tom Doe as a reckless spender."]


def test_a_plural_noun_with_a_relative_clause_is_no_cue():
    assert _quotes("County Auditor filings that track new donations show a rise.").empty  # (no cue form at all)
    assert _quotes("Harbor Authority reports that list unpaid fees show a sharp rise.").empty
    t = "Harbor Authority reports that question the fees were ignored."
    assert relative_after_noun("reports", t, t.index(" that"), len(t))


def test_a_plural_noun_homograph_is_still_a_verb_before_a_clause_with_a_subject():
    q = _quotes("The Harbor Authority reports that its fees rose by a third.")
    assert q["quote"].tolist() == ["its fees rose by a third."]
    t = "He notes that has changed since May."  # a pronoun subject: "notes" is a verb
    assert not relative_after_noun("notes", t, t.index(" that"), len(t))


def test_he_after_an_attribution_is_its_speaker_not_a_name_of_its_content():
    q = _quotes("Union spokesman Carl Webb said Monday that Mayor Paul Grant has long backed the strike. "
                "He said Grant hopes the talks will resume.")
    assert q["speaker"].tolist() == ["Carl Webb", "Carl Webb"]


def test_an_unknown_capitalised_word_before_a_surname_is_another_given_name():
    g = Gazetteer.from_yaml()
    assert [m.actor for m in g.scan("At the dinner Ivanka Trump spoke first.") if m.actor] == []
    # a sentence's first word may be an opening word, not a name ("Everything Trump says ...")
    assert [m.actor for m in g.scan("Everything Trump says is false.")] == ["Donald Trump"]
    assert [m.actor for m in g.scan("Billionaire Trump spoke first.")] == ["Donald Trump"]
    assert [m.actor for m in g.scan("Republican Trump spoke first.")] == ["Donald Trump"]
    q = _quotes("Donald Trump arrived late. At the dinner, Ivanka Trump said the plan would help families. "
                "Trump said it would pass.")
    assert q["speaker"].tolist() == ["Ivanka Trump", "Donald Trump"]  # the bare surname: the gazetteer's person


def test_title_words_read_as_titles():
    assert reads_as_title("Candidate") and reads_as_title("Embattled") and reads_as_title("GOP")
    assert reads_as_title("then-candidate") and reads_as_title("Gov.")
    assert not reads_as_title("Ivanka") and not reads_as_title("Tiffany")


def test_a_surname_inside_a_company_name_is_not_the_person():
    g = Gazetteer.from_yaml()
    assert [m.actor for m in g.scan("The atlas came from Price Stern Sloan Inc. last year.") if m.actor == "Ned Price"] == []
    assert [m.actor for m in g.scan("Price said the talks went well.")] == ["Ned Price"]


def test_warned_with_an_addressee_and_that_reports_the_clause():
    q = _quotes("Senator Ann Roe warned her aides on Friday that the bill would fail.")
    assert q["quote"].tolist() == ["the bill would fail."]
    q = _quotes("The auditors warned the budget was a fraud.")  # no addressee: the clause is the content
    assert q["quote"].tolist() == ["the budget was a fraud."]
