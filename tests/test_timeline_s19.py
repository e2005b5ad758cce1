"""Session 19 of the timeline (issue 19 review, sections 5 and 12): a weekday dated by the tense of its own
clause, deadlines that look ahead, a flag for relative dates resolved against the text's tense, and quarters
whose end date is stated. Every sentence is written for these tests; the expected values are read from the
sentence and its publication date (2022-01-07 is a Friday, 2022-01-10 a Monday, 1989-10-26 a Thursday)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kzlib.timeline import build_events, check_dates, extract_dates
from kzlib.timeline._quarter_end import calendar_quarter, months_to, stated_end
from kzlib.timeline._tense import _weekday_tense
from kzlib.timeline.normalise import _flag_relative

FRIDAY = "2022-01-07"


def _day(text: str, expression: str, published: str = FRIDAY) -> tuple[str, str]:
    """The timeline date and the TimeML value of the one mention whose expression contains ``expression``."""
    df = extract_dates(text, published=published)
    row = df[df["expression"].str.contains(expression, regex=False)]
    assert len(row) == 1, df[["expression", "date"]].to_dict("records")
    return row["date"].iloc[0], row["timex_value"].iloc[0]


# --- a weekday by its own clause (section 5) ------------------------------------------------------------

@pytest.mark.parametrize(("text", "expression", "published", "date"), [
    # the weekday belongs to "said": the Wednesday before publication, whatever "will" says later
    ("Tokayev said on Wednesday that the CSTO troops will leave.", "Wednesday", FRIDAY, "2022-01-05"),
    ("Tokayev said on Wednesday that the troops would leave within days.", "Wednesday", FRIDAY, "2022-01-05"),
    # published on a Monday: "said Monday" is that day, not the next Monday
    ("Officials said Monday they will order the relatives to hand the boy over.", "Monday", "2022-01-10",
     "2022-01-10"),
    # a passive verb group is past where its participle stands
    ("The plan was announced Wednesday and it will take effect in March.", "Wednesday", FRIDAY, "2022-01-05"),
    ("Since the decision was announced Thursday, they have said they will appeal.", "Thursday", FRIDAY,
     "2022-01-06"),
    # a relative clause of its own
    ("Tokayev, who arrived on Wednesday, will address parliament.", "Wednesday", FRIDAY, "2022-01-05"),
    # the weekday in the future clause, the report's verb elsewhere
    ("On Wednesday he will meet Putin, officials said.", "Wednesday", FRIDAY, "2022-01-12"),
    ("The troops, officials said on Wednesday, will leave on Saturday.", "Saturday", FRIDAY, "2022-01-08"),
    ("The troops, officials said on Wednesday, will leave on Saturday.", "Wednesday", FRIDAY, "2022-01-05"),
    # a possessive is a day whose event is reported
    ("The relatives will appeal Wednesday's ruling.", "Wednesday", FRIDAY, "2022-01-05"),
])
def test_a_weekday_follows_its_own_clause(text: str, expression: str, published: str, date: str) -> None:
    got, value = _day(text, expression, published)
    assert got == date
    assert value[:10] == date  # the timeline's date and the TimeML value agree


@pytest.mark.parametrize(("text", "date"), [
    # deadlines and earliest times look ahead, in a past or present sentence as well
    ("The curfew stays in force until 9 a.m. Tuesday, the ministry said.", "2022-01-11"),
    ("The relatives had until 9 a.m. EST Tuesday to sign, officials said.", "2022-01-11"),
    ("Officials postponed until Tuesday any decision on the airport.", "2022-01-11"),
    ("The troops could leave as soon as Tuesday, the ministry said.", "2022-01-11"),
    ("He must answer by Tuesday, the ministry said.", "2022-01-11"),
    ("The talks are scheduled to resume Tuesday.", "2022-01-11"),
    # a past perfect or a past clause makes "by" a time already passed
    ("By Tuesday, the protests had spread to Almaty.", "2022-01-04"),
    ("By Tuesday, the protesters reached the airport.", "2022-01-04"),
])
def test_a_deadline_looks_ahead(text: str, date: str) -> None:
    assert _day(text, "Tuesday")[0] == date


def test_the_future_column_of_a_weekday_is_its_clause() -> None:
    df = extract_dates("Tokayev said on Wednesday that the CSTO troops will leave.", published=FRIDAY)
    assert df["future"].tolist() == [False]
    df = extract_dates("The CSTO troops will leave on Saturday.", published=FRIDAY)
    assert df["future"].tolist() == [True]


def test_a_future_weekday_on_its_own_day_is_that_day() -> None:
    # published on a Monday: "will meet Monday" is that day (a newsroom names today by its weekday); the
    # confidence is lower and the note says it could be a week later
    row = extract_dates("The delegations will meet Monday.", published="2022-01-10").iloc[0]
    assert row["date"] == "2022-01-10"
    assert row["confidence"] < 0.85 and "week later" in row["note"]


def test_weekday_tense_reads_the_clause() -> None:
    t = "Tokayev said on Wednesday that the troops will leave."
    assert _weekday_tense(t, t.index("on Wed"), t.index(" that")) == "past"
    t = "On Wednesday, the league plans to hold a rally."
    assert _weekday_tense(t, 0, len("On Wednesday")) == "future"  # the clause after the fronted weekday
    t = "They said that the troops will leave on Wednesday."
    assert _weekday_tense(t, t.index("on Wed"), len(t) - 1) == "future"


def test_a_weekend_follows_its_own_clause() -> None:
    # published on a Wednesday: "said over the weekend" is the weekend before, "will leave over the weekend" after
    assert _day("Tokayev said over the weekend that the troops will leave.", "weekend", "2022-01-05")[0] == \
        "2022-01-01"
    assert _day("The troops will leave over the weekend.", "weekend", "2022-01-05")[0] == "2022-01-08"


# --- relative dates resolved after publication though reported as past -------------------------------

def test_a_relative_date_ahead_in_a_past_clause_is_flagged() -> None:
    row = {"start": 9, "end": 17, "expression": "Thursday", "date": "2022-01-13", "granularity": "day",
           "anchor": "publication-relative", "kind": "point", "future": True, "flag": "", "note": "why"}
    _flag_relative([row], dt.date(2022, 1, 7), 1, "They met Thursday in Almaty.")
    assert row["flag"] == "resolved-ahead"
    assert row["note"].startswith("why; resolved after the publication date 2022-01-07")
    # a deadline ahead, or a date before publication, is no such case
    for text, date in (("They had until Thursday to leave.", "2022-01-13"), ("They met Thursday in Almaty.",
                                                                          "2022-01-06")):
        other = {**row, "date": date, "flag": "", "start": text.index("Thursday"),
                 "end": text.index("Thursday") + 8}
        _flag_relative([other], dt.date(2022, 1, 7), 1, text)
        assert other["flag"] == ""


def test_resolved_ahead_questions_the_resolution_not_the_publication_date() -> None:
    events = pd.DataFrame([{"doc_id": "a", "date": "2022-01-13", "granularity": "day", "anchor": "publication-relative",
                            "note": "", "flag": "resolved-ahead"}])
    docs = pd.DataFrame([{"doc_id": "a", "published": FRIDAY, "date_certainty": "exact"}])
    out = check_dates(events, docs)
    assert out["n_after_publication"].tolist() == [0] and out["verdict"].tolist() == ["ok"]


def test_no_weekday_of_the_seed_sentences_is_flagged() -> None:
    texts = ["Tokayev said on Wednesday that the CSTO troops will leave.",
             "Officials said Monday they will lift the curfew.",
             "The curfew stays in force until 9 a.m. Tuesday, the ministry said."]
    for text in texts:
        assert set(extract_dates(text, published=FRIDAY)["flag"]) <= {""}


# --- a quarter whose end date is stated (section 12) ------------------------------------------------------

@pytest.mark.parametrize(("text", "expression", "value", "date"), [
    # a numbered (fiscal) quarter keeps its number in TimeML, as TimeBank annotates it, and takes the year of
    # its end; the timeline puts it on the three months up to that end (April-June 1989), before publication
    ("Sun reported a loss for its fourth quarter ended June 30.", "fourth quarter", "1989-Q4", "1989-04"),
    ("Sales rose 5% in the fiscal first quarter ended Sept. 30.", "first quarter", "1989-Q1", "1989-07"),
    # the end date after publication without a year: the one a year before ("ended"), so 1988
    ("In the second quarter ended Oct. 31, the company lost $12 million.", "second quarter", "1988-Q2", "1988-08"),
    # an unnumbered quarter: the calendar quarter of its months (July-September: Q3)
    ("Sales rose 39% in the quarter ended Sept. 29.", "the quarter", "1989-Q3", "1989-07"),
    # with its year, and in the future
    ("Profit rose in the quarter ended March 31, 1988.", "the quarter", "1988-Q1", "1988-01"),
    ("Profit will fall in the quarter ending Dec. 31.", "the quarter", "1989-Q4", "1989-10"),
])
def test_a_quarter_with_a_stated_end(text: str, expression: str, value: str, date: str) -> None:
    df = extract_dates(text, published="1989-10-26")
    row = df[df["expression"].str.contains(expression, regex=False)].iloc[0]
    assert (row["timex_value"], row["date"], row["granularity"]) == (value, date, "quarter")
    assert row["flag"] == "" and "stated end" in row["note"]


def test_a_fiscal_frame_does_not_rename_a_quarter_with_a_stated_end() -> None:
    # the fiscal first quarter named first; "the quarter ended Sept. 29" is still July-September
    df = extract_dates("Sun's fiscal first quarter was strong. Sales in the quarter ended Sept. 29 rose 39%.",
                       published="1989-10-26")
    quarters = df[df["granularity"] == "quarter"]
    assert quarters["timex_value"].tolist() == ["1989-Q1", "1989-Q3"]
    assert quarters["date"].tolist()[1] == "1989-07"


def test_a_quarter_with_a_stated_end_on_the_timeline() -> None:
    docs = pd.DataFrame({"doc_id": ["d1"], "published": ["1989-10-26"], "date_certainty": ["exact"],
                         "story_id": ["s1"], "is_representative": [True], "outlet": ["x"]})
    sents = pd.DataFrame({"doc_id": ["d1"], "sentence_id": [0], "para_id": [0],
                          "text": ["Sun reported a loss for its fourth quarter ended June 30."]})
    events = build_events(sentences=sents, documents=docs, actors=lambda s: pd.Series("", index=s.index))
    row = events[events["timex_value"] == "1989-Q4"].iloc[0]
    assert (row["date"], row["date_start"]) == ("1989-04", "1989-04-01")


def test_stated_end_and_its_months() -> None:
    dct = dt.date(1989, 10, 30)
    t = "its fourth quarter ended yesterday."
    assert stated_end(t, t.index(" ended"), dct) == dt.date(1989, 10, 29)
    t = "the quarter ended Mayor 5"  # no month
    assert stated_end(t, t.index(" ended"), dct) is None
    t = "the quarter ended Sept. 30"
    assert stated_end(t, t.index(" ended"), None) is None  # no year and no document date
    assert stated_end(t, t.index(" ended"), dct) == dt.date(1989, 9, 30)
    # a 13-week quarter that ends in a month's first days covers the three months before it
    assert months_to(dt.date(1989, 10, 1)) == dt.date(1989, 7, 1)
    assert months_to(dt.date(1990, 1, 31)) == dt.date(1989, 11, 1)
    assert calendar_quarter(dt.date(1990, 1, 31)) == (1989, 4)  # November-January: mostly the fourth quarter


def test_a_russian_weekday_takes_the_tense_of_its_own_clause():
    from kzlib.russian.dates import extract_dates_ru

    # published Friday 2022-01-07: the saying was on Wednesday; the withdrawal lies ahead of it
    d = extract_dates_ru("Токаев заявил в среду, что войска ОДКБ будут выведены.", published="2022-01-07")
    assert d.loc[d["expression"].str.contains("сред"), "date"].tolist() == ["2022-01-05"]
    d = extract_dates_ru("Войска ОДКБ будут выведены в среду.", published="2022-01-07")
    assert d.loc[d["expression"].str.contains("сред"), "date"].tolist() == ["2022-01-12"]
