"""Timeline, s20 review (section 9 and the timeline parts of 14-15): weekdays that look ahead, "Following X's",
seasons by tense, names and compounds that hold a month or holiday, centuries as modifiers, dates foreseen
rather than reported, and the timeline plots' window, dense span and labels.

Every expected date is worked out from the sentence and the publication date's weekday, written for the test.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest
from matplotlib.text import Text

from kzlib import plots
from kzlib.timeline import extract_dates


def _row(text: str, published: str, word: str) -> pd.Series:
    df = extract_dates(text, published=published)
    hit = df[df["expression"].str.contains(word, regex=False)]
    assert len(hit) == 1, df[["expression", "date", "timex_value"]].to_dict("records")
    return hit.iloc[0]


# --- weekdays that look ahead (2016-01-29 is a Friday, 2016-01-31 a Sunday, 2016-04-30 a Saturday) ----------

@pytest.mark.parametrize("text, published, word, date", [
    ("The senator is in a tight race ahead of the caucuses on Monday.", "2016-01-29", "Monday", "2016-02-01"),
    ("The governor, who badly needs a win in Tuesday's primary, campaigned on Friday.", "2016-04-30", "Tuesday",
     "2016-05-03"),
    ("What could decide the race is a strong finish here Monday.", "2016-01-31", "Monday", "2016-02-01"),
    ("She is hoping Saturday's caucuses will set her on a clear path.", "2016-02-19", "Saturday", "2016-02-20"),
])
def test_weekday_ahead_of_an_event_or_with_a_need_hope_or_modal_looks_ahead(text, published, word, date):
    r = _row(text, published, word)
    assert (r["date"], r["timex_value"]) == (date, date)
    assert r["flag"] == ""


@pytest.mark.parametrize("text, published, word, date", [
    # a past report of what came ahead of a day: the nearer one (Tuesday 15 March: Monday the 14th)
    ("The mayor said so in answer to a question ahead of his rally on Monday.", "2016-03-15", "Monday", "2016-03-14"),
    # ... and on Sunday 31 January the Monday after
    ("An aide said the leak was meant to hurt her ahead of Monday's vote.", "2016-01-31", "Monday", "2016-02-01"),
    # no cue: a wish to understand a past debate, a past need, the noun "plans"
    ("If you want to understand the meaning of Thursday's debate, read the transcript.", "2016-02-12", "Thursday",
     "2016-02-11"),
    ("She didn't need a big win on Monday.", "2016-09-29", "Monday", "2016-09-26"),
    ("The campaign changed its plans after the debate on Saturday.", "2016-02-08", "Saturday", "2016-02-06"),
])
def test_weekday_cues_in_past_reports(text, published, word, date):
    r = _row(text, published, word)
    assert (r["date"], r["timex_value"]) == (date, date)


def test_following_without_the_is_the_preposition():
    r = _row("Following Wednesday's vote, the party regrouped.", "2016-05-26", "Wednesday")  # a Thursday
    assert (r["expression"], r["date"], r["flag"]) == ("Wednesday", "2016-05-25", "")
    ahead = _row("They said they would meet the following Wednesday.", "2016-05-26", "Wednesday")
    assert ahead["date"] == "2016-06-01"


def test_a_gerund_of_saying_ends_the_clause_of_a_weekday():
    text = ("The central bank ended its meeting on Friday by announcing it would expand purchases. "
            "Yields fell to 1.45 percent from 1.51 percent the day before.")
    df = extract_dates(text, published="2016-07-30")  # a Saturday
    friday = df[df["expression"].str.contains("Friday")].iloc[0]
    before = df[df["expression"] == "the day before"].iloc[0]
    assert (friday["date"], friday["timex_value"]) == ("2016-07-29", "2016-07-29")
    assert before["date"] == "2016-07-28"


# --- seasons: YYYY-WI is the winter that begins in December of YYYY ---------------------------------------

@pytest.mark.parametrize("text, published, word, date, value", [
    ("The numbers changed over the summer, aides said.", "2016-02-05", "summer", "2015-06", "2015-SU"),
    ("Aides said they have been working the state since the spring.", "2016-02-17", "spring", "2015-03", "2015-SP"),
    ('"I remember the snowfall you had last winter," she told the hall.', "2015-11-29", "winter", "2014-12",
     "2014-WI"),
    ("He flew to Idaho for a speech last winter.", "2016-01-20", "winter", "2014-12", "2014-WI"),
    ("The film will be released in the summer.", "2015-12-19", "summer", "2016-06", "2016-SU"),
    ("Turnout this winter is high.", "2016-02-01", "winter", "2015-12", "2015-WI"),
    ("The contest could stretch well into the spring.", "2016-02-10", "spring", "2016-03", "2016-SP"),
])
def test_season_year_by_tense_and_modifier(text, published, word, date, value):
    r = _row(text, published, word)
    assert (r["date"], r["timex_value"], r["flag"]) == (date, value, "")


# --- a month or holiday inside a name or compound, a name's "Daily", a century as a modifier ---------------

def test_month_and_holiday_in_names_and_compounds_are_no_dates():
    assert not extract_dates("He was at the March on Washington in 1963.", published="2016-02-11")[
        "expression"].str.contains("March").any()
    assert extract_dates("In March, Congress voted.", published="2016-05-01")["date"].tolist() == ["2016-03"]
    assert extract_dates("The Christmas party was cancelled.", published="2015-12-04").empty
    assert extract_dates("They refused to buy Christmas trees.", published="2016-09-28").empty
    kept = extract_dates("The store closes on Christmas Eve.", published="2015-12-04")
    assert kept["date"].tolist() == ["2015-12-24"]


def test_capitalised_daily_in_a_name_is_no_frequency():
    assert extract_dates("The Daily Beast and the New York Daily News reported it.", published="2016-01-01").empty
    assert extract_dates("Prices are updated daily.", published="2016-01-01")["timex_value"].tolist() == ["P1D"]


def test_century_as_modifier_is_a_description():
    df = extract_dates("It was a 7th-century stop for merchants. The church dates from the 18th century.",
                       published="2016-01-01")
    modifier = df[df["expression"] == "7th-century"].iloc[0]
    assert (modifier["kind"], modifier["date"], modifier["timex_value"]) == ("description", "", "06")
    assert df[df["expression"].str.contains("18th")]["date"].tolist() == ["1700"]


# --- after publication: foreseen, not reported ---------------------------------------------------------------

@pytest.mark.parametrize("text, published", [
    ("Then, in 2017, the minister said that 100,000 would be accepted.", "2015-11-17"),
    ("Spending is projected to swell to 65 million in 2025.", "2016-02-03"),
    ("The senator, up for reelection in 2018, voted no.", "2016-06-22"),
    ("The debate came 15 days before the caucuses on Feb. 1.", "2016-01-18"),
    ("The campaign challenged the former secretary to debate him in Brooklyn on April 14.", "2016-04-05"),
    ("The state was prepared to admit more refugees in fiscal 2016.", "2015-11-17"),
    ("The author released 2016: The Movie before the last election.", "2015-12-19"),
])
def test_future_references_are_not_after_publication(text, published):
    df = extract_dates(text, published=published)
    assert len(df) and (df["flag"] == "").all(), df[["expression", "date", "flag"]].to_dict("records")


def test_a_past_report_after_publication_is_still_flagged():
    df = extract_dates("The senator dropped out of the race May 3, 2016.", published="2016-02-12")
    assert df["flag"].tolist() == ["after-publication"]


# --- the timeline plots ---------------------------------------------------------------------------------------

def _events(dates: list[str], granularity: str = "day") -> pd.DataFrame:
    return pd.DataFrame({"date_start": dates, "label": [f"event number {i} in a long label" for i in range(len(dates))],
                         "granularity": granularity, "doc_id": [f"d{i}" for i in range(len(dates))], "actor": ""})


def test_timeline_keeps_points_in_the_stated_window():
    import matplotlib.dates as mdates

    ev = _events(["2015-07-01", "2015-11-02", "2016-01-05"], "half")
    fig = plots.timeline.timeline(ev, start="2015-10-09", end="2016-10-07", title="window")
    ax = fig.axes[0]
    xs = [x for coll in ax.collections for x, _ in coll.get_offsets()]
    assert min(xs) >= mdates.date2num(pd.Timestamp("2015-10-09"))
    assert "1 week, month or longer begun before 2015-10-09, drawn at 2015-10-09" in ax.get_title()


def test_background_axis_shows_the_dense_span_and_counts_the_outliers():
    years = [f"{y}-01-01" for y in range(1995, 2016)] + ["0600-01-01", "2100-01-01"]
    fig = plots.timeline.timeline(_events(years, "year"), title="background")
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    assert 1900 < lo < 1996 and 2015 < hi < 2050
    texts = [t.get_text() for t in ax.texts]
    assert any("1 earlier (600)" in t for t in texts) and any("1 later (2100)" in t for t in texts)


def test_timeline_labels_do_not_overlap():
    days = [f"2016-{m:02d}-{d:02d}" for m in (1, 2) for d in range(1, 29)]
    fig = plots.timeline.timeline(_events(days), labels_per_lane=len(days), title="crowded")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [Text.get_window_extent(t, renderer) for t in fig.axes[0].texts]  # the text, not its leader line
    assert 0 < len(boxes) < len(days) and "left unlabelled where labels would overlap" in fig.axes[0].get_title()
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)


def test_copyright_year_is_no_event():
    df = extract_dates("Copyright © 2015 by the author. All rights reserved.", published="2015-12-19")
    assert (df["kind"].tolist(), df["date"].tolist()) == (["description"], [""])
    assert extract_dates("The law was passed in 2015.", published="2015-12-19")["date"].tolist() == ["2015"]


def test_resolved_ahead_dates_are_left_off_the_timeline():
    from kzlib.timeline import events_in_window

    ev = pd.DataFrame({"date": ["2016-01-05", "2016-01-09"], "granularity": ["day", "day"], "confidence": [0.9, 0.9],
                       "flag": ["", "resolved-ahead"]})
    assert events_in_window(ev)["date"].tolist() == ["2016-01-05"]
    assert events_in_window(ev, include_doubtful=True)["date"].tolist() == ["2016-01-05", "2016-01-09"]


def test_an_adjective_in_ed_after_a_determiner_is_no_past_tense():
    # "a contested convention": no verb; the sentence's "would" looks ahead (a March article: this July)
    r = _row("That would set the stage for a contested convention in July.", "2016-03-22", "July")
    assert (r["date"], r["timex_value"]) == ("2016-07", "2016-07")


def test_a_purpose_still_ahead_puts_a_tenseless_weekday_ahead():
    # 2016-07-20 is a Wednesday; no verb with a tense, and a purpose clause with "can"
    text = "Ultimately it comes down to the nominee on Thursday night delivering a speech so that people can see him."
    r = _row(text, "2016-07-20", "Thursday")
    assert (r["date"], r["timex_value"]) == ("2016-07-21", "2016-07-21")
