"""Session 18 of the timeline (issue 17): numbers that only look like years, relative dates that follow the
text's time, and the after-publication check. Every sentence is written for these tests; the expected values
are read from the sentence and its publication date."""

from __future__ import annotations

import logging

import pandas as pd
import pytest

from kzlib.timeline import build_events, check_dates, extract_dates


def _dates(text: str, published: str) -> list[str]:
    return extract_dates(text, published=published)["date"].tolist()


# --- counts are no years ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The mayor spoke in front of 1850 of these workers.",    # "N of these ..."
    "Police arrested 1900 of them at the rally.",             # "N of them"
    "The clinic turned away 1875 of its patients.",           # "N of its <plural>"
    "A survey of 1960 registered voters was published.",      # a participle and a plural noun
    "The census found 1880 eligible residents.",              # an adjective in -ble and a plural noun
    "The march drew nearly 1990 people.",                     # a quantity word before the number
    "Officials counted more than 1820 ballots.",              # "more than N"
    "The company hired another 2010 staff.",                  # "another N"
])
def test_a_count_is_no_year(text: str) -> None:
    assert _dates(text, "1995-06-01") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The 1992 presidential candidates debated twice.", ["1992"]),     # a year before "the" stays a year
    ("In 1990 registered voters were fewer.", ["1990"]),                # a time preposition before it
    ("She was first elected in 1988.", ["1988"]),
    ("Turnout was the highest since at least 1972.", ["1972"]),         # a quantity word after "since"
    ("His pledge in 1993 of new bridges was popular.", ["1993"]),       # "in N of his ...": a year
])
def test_a_year_stays_a_year(text: str, expected: list[str]) -> None:
    assert _dates(text, "1995-06-01") == expected


def test_a_bare_year_far_after_publication_is_no_year() -> None:
    # a bare number 37 years after publication in a past sentence: no year
    assert _dates("The panel interviewed 2032 callers on Monday.", "1995-06-07") == ["1995-06-05"]
    assert "2032" not in _dates("A tally of 2032 was reported.", "1995-06-07")
    # with a preposition, an article or a future marker it is a future year
    assert _dates("The fund will run out by 2040.", "1995-06-07") == ["2040"]
    assert _dates("Emissions will fall sharply in 2045.", "1995-06-07") == ["2045"]


# --- relative expressions ---------------------------------------------------------------------------

def test_first_time_in_n_years_is_a_span() -> None:
    df = extract_dates("Exports have risen for the first time in six years, and the would-be buyers cheered.",
                       published="1999-03-10")
    assert df["timex_value"].tolist() == ["P6Y"]
    assert df["date"].tolist() == [""]


def test_would_be_is_no_modal() -> None:
    df = extract_dates("The would-be mayor spoke on Friday.", published="1999-03-10")  # a Wednesday
    assert df["date"].tolist() == ["1999-03-05"]


def test_quarter_of_the_year_follows_the_tense() -> None:
    # a January story: the third quarter it reports in the past tense is last year's
    past = extract_dates("The firm earned $3 million in the third quarter of the year.", published="2001-01-15")
    assert past["date"].tolist() == ["2000-07"] and past["timex_value"].tolist() == ["2000-Q3"]
    ahead = extract_dates("The firm will open a plant in the third quarter of the year.", published="2001-01-15")
    assert ahead["date"].tolist() == ["2001-07"]
    this = extract_dates("The firm earned $3 million in the third quarter of this year.", published="2001-01-15")
    assert this["timex_value"].tolist() == ["2001-Q3"]


def test_the_following_year_follows_the_time_named_before() -> None:
    df = extract_dates("The bridge was closed in March 1984 and reopened the following year.", published="1990-05-02")
    assert df["date"].tolist() == ["1984-03", "1985"]
    assert "time named before" in df.loc[1, "note"]


# --- the after-publication check --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Voters said the 1996 presidential race was wide open.",            # a year naming an event
    "The senator faced questions ahead of the state's June 14 vote.",   # a possessive before the date
    "The governor promised jobs by 1997.",                              # a deadline
    "Officials said the law is expected to take effect in 1997.",       # a future marker
    "She said the group could march in 1997.",                          # a modal
    "He challenged her to debate on June 20.",                          # an infinitive: a plan
    "Ohio, which votes on June 18, was calm.",                          # a present-tense relative clause
    "The mayor said this November was decisive.",                       # "this" points at the present
    "Aides won’t campaign in 1997, he said.",                           # a curly "won’t"
])
def test_a_future_reference_is_not_flagged(text: str) -> None:
    df = extract_dates(text, published="1995-06-07")
    assert (df["flag"] == "").all(), df[["expression", "date", "flag"]]


def test_a_past_report_after_publication_is_flagged() -> None:
    df = extract_dates("The mill closed on August 3, 1995, workers said.", published="1995-06-07")
    assert df["flag"].tolist() == ["after-publication"]
    df = extract_dates("In 1997 the mill closed.", published="1995-06-07")
    assert df["flag"].tolist() == ["after-publication"]


def test_check_dates_names_the_event_that_made_the_flag(caplog: pytest.LogCaptureFixture) -> None:
    docs = pd.DataFrame({"doc_id": ["early", "fine"], "published": ["1995-06-07", "1995-06-07"],
                         "date_certainty": ["exact", "exact"], "story_id": ["s1", "s2"],
                         "is_representative": [True, True], "outlet": ["x", "y"]})
    sents = pd.DataFrame({"doc_id": ["early", "early", "fine"], "sentence_id": [0, 1, 1], "para_id": [0, 0, 0],
                          "text": ["The mill closed on August 3, 1995.", "Voters eye the 1996 race.",
                                   "The mill will close by 1997."]})
    ev = build_events(sentences=sents, documents=docs, actors=lambda s: pd.Series("", index=s.index))
    with caplog.at_level(logging.WARNING):
        checks = check_dates(ev, docs).set_index("doc_id")
    assert checks.loc["early", "verdict"].startswith("implausible")
    assert checks.loc["early", "n_after_publication"] == 1
    assert checks.loc["early", "flagged_by"] == "'August 3, 1995' = 1995-08-03 (sentence 0)"
    assert checks.loc["early", "latest_reported"] == "1995-08-03"  # the flagged date, later than publication
    assert checks.loc["fine", "verdict"] == "ok" and checks.loc["fine", "flagged_by"] == ""
    assert "August 3, 1995" in caplog.text


def test_review_fixes_timeline() -> None:
    # "to" after a verb of the past is no plan: a past report after publication is still evidence
    for text in ["He returned to power on January 15, 2017.", "Protesters began to gather on January 15, 2017."]:
        assert extract_dates(text, published="2016-05-01")["flag"].tolist() == ["after-publication"], text
    assert extract_dates("The talks are set to resume on May 3, 2016.", published="2016-05-01")["flag"].tolist() == [""]
    # a far year after "for" is a target year, not a count
    assert _dates("The plan sets targets for 2050.", "2016-05-01") == ["2050"]
