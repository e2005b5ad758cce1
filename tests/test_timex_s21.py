"""Session 21: halves and quarters that are no period of a year, and "the first/last N units of <year>".

Every expected value below is worked out by hand from the sentence and its publication date in the comment.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kzlib.timeline import extract_dates


def _rows(text: str, published: str) -> pd.DataFrame:
    return extract_dates(text, published=published)


def _dated(text: str, published: str) -> list[tuple[str, str, str]]:
    df = _rows(text, published)
    return [(r.expression, r.date, r.granularity) for r in df.itertuples() if r.date]


@pytest.mark.parametrize("text", [
    "He tweeted during the first half.",  # a game's half (a Super Bowl story): no half-year
    "Calderon tweeted during the first half of the game.",
    "The visitors led at the end of the second half.",
])
def test_half_without_year_is_no_date(text: str) -> None:
    df = _rows(text, "2016-02-08")
    assert "half" not in set(df["granularity"])
    assert not any(v.endswith(("-H1", "-H2")) for v in df["timex_value"])


def test_half_of_a_month_is_the_month_not_a_half_year() -> None:
    # "the first half of January" in a February 2016 story: part of January 2016, not 2016-H1
    df = _rows("Rain fell in the first half of January.", "2016-02-08")
    assert "2016-H1" not in set(df["timex_value"])
    assert ("of January", "2016-01", "month") in _dated("Rain fell in the first half of January.", "2016-02-08")


@pytest.mark.parametrize("text,value,date", [
    ("Profit rose in the first half of the year.", "1998-H1", "1998-01"),  # published 1998-07-20: H1 of 1998
    ("Profit rose in the fiscal first half.", "1998-H1", "1998-01"),  # tied to a fiscal period
    ("Profit will rise in the second half of next year.", "1999-H2", "1999-07"),
])
def test_half_tied_to_a_year_stays_a_half(text: str, value: str, date: str) -> None:
    df = _rows(text, "1998-07-20")
    row = df[df["timex_value"] == value]
    assert len(row) == 1
    assert row.iloc[0]["date"] == date and row.iloc[0]["granularity"] == "half"


def test_first_nine_months_of_a_year_start_in_january() -> None:
    # "the first nine months of 1997" (published February 1998): 1997-01 to 1997-09, not nine months back
    # from publication (1997-05); TimeML keeps the DURATION P9M, the year its own DATE
    text = "Sales rose 5% in the first nine months of 1997, the company said."
    df = _rows(text, "1998-02-06")
    row = df[df["timex_value"] == "P9M"].iloc[0]
    assert (row["kind"], row["date"], row["granularity"]) == ("duration", "1997-01", "month")
    assert "1997-09" in row["note"]
    assert ("1997", "1997", "year") in _dated(text, "1998-02-06")


@pytest.mark.parametrize("text,published,date,granularity", [
    ("Sales fell in the last six months of 2015.", "2016-02-08", "2015-07", "month"),  # July-December 2015
    ("Sales rose in the first three months of this year.", "2016-05-08", "2016-01", "month"),  # Jan-Mar 2016
    ("Sales jumped in the last 10 days of 2015.", "2016-02-08", "2015-12-22", "day"),  # Dec 22-31 2015
    # a February article: "the year" whose first nine months are over is 1997
    ("Sales rose in the first nine months of the year.", "1998-02-06", "1997-01", "month"),
])
def test_part_of_a_year(text: str, published: str, date: str, granularity: str) -> None:
    df = _rows(text, published)
    dur = df[df["kind"] == "duration"]
    assert len(dur) == 1
    assert (dur.iloc[0]["date"], dur.iloc[0]["granularity"]) == (date, granularity)


@pytest.mark.parametrize("text", [
    "He promised action in the first 100 days of his presidency.",  # not 100 days before publication
    "Many died in the first six months of the war.",
])
def test_part_of_another_period_is_undated(text: str) -> None:
    df = _rows(text, "2015-11-09")
    dur = df[df["kind"] == "duration"]
    assert len(dur) == 1 and dur.iloc[0]["date"] == ""


def test_stretch_up_to_publication_is_unchanged() -> None:
    # "in the last six months" with no "of": the six months up to publication (2016-02 minus 6: 2015-08)
    assert _dated("Sales rose in the last six months.", "2016-02-08") == [("in the last six months", "2015-08", "month")]


@pytest.mark.parametrize("text", [
    "Denver scored a touchdown in the fourth quarter.",
    "The game was tied at halftime, and Denver led in the third quarter.",
    "Sanders did well with the quarter of caucus voters who call themselves independents.",  # a fraction
])
def test_game_quarters_and_fractions_are_no_date(text: str) -> None:
    df = _rows(text, "2016-02-08")
    assert "quarter" not in set(df["granularity"])


def test_financial_quarter_stays() -> None:
    # the fourth quarter before a February 2016 story: 2015-Q4
    assert _dated("Earnings fell in the fourth quarter.", "2016-02-08") == [("the fourth quarter", "2015-10", "quarter")]
    # a year ties a quarter to the calendar even next to a game word
    df = _rows("Profit fell in the third quarter of 1989, the game maker said.", "1989-11-01")
    assert "1989-Q3" in set(df["timex_value"])


@pytest.mark.parametrize("text", [
    "Clinton said she has released 30 years of tax returns.",  # an amount of returns, not 1986 to now
    "He wants to extend six weeks of paid leave to new mothers.",
    "Fathers would not be eligible for the six weeks of paid leave.",
    "The company offers a bonus equal to six months of base pay.",
])
def test_amount_of_time_is_undated(text: str) -> None:
    df = _rows(text, "2016-09-21")
    dur = df[df["kind"] == "duration"]
    assert len(dur) == 1 and dur.iloc[0]["date"] == ""


def test_stretch_of_n_units_before_publication_stays() -> None:
    # "after ten years of boom" in a January 1998 story: the ten years up to publication start in 1988
    assert _dated("After ten years of boom, brokers talk about layoffs.", "1998-01-08") == [
        ("ten years of", "1988", "year")]
