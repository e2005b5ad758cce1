"""Tests of kzlib.timeline.

The seed tests compare with ``tests/data/events_gold.csv``, whose dates were worked out by hand from the
seed texts (calendar arithmetic against the publication dates in ``seeds/metadata.csv``) before the code
was run on them. The other tests use small texts whose dates are checked by hand in the comments.

Run the scale benchmark (not a test; the seeds' sentences cycled into N documents of 12 paragraphs) with:
    .venv/bin/python tests/test_timeline.py --bench 3000
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from kzlib.errors import ParameterError
from kzlib.timeline import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    build_events,
    check_dates,
    chronology,
    coverage,
    events_in_window,
    extract_dates,
    publication_window,
    stance_over_time,
    to_timeml,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = pd.read_csv(ROOT / "tests" / "data" / "events_gold.csv", dtype=str)
META = pd.read_csv(ROOT / "seeds" / "metadata.csv", dtype=str).fillna("")
META["doc_id"] = META["file"].str.replace(r"\.txt$", "", regex=True)


def _dates(text: str, **kw) -> list[tuple[str, str, str]]:
    df = extract_dates(text, **kw)
    return list(zip(df["expression"], df["date"], df["granularity"]))


# --- the seeds against the hand-made gold ----------------------------------------------------------

@pytest.fixture(scope="module")
def seed_mentions() -> pd.DataFrame:
    """Mentions in every line (paragraph) of every seed, resolved against its metadata date."""
    rows = []
    for _, doc in META.iterrows():
        text = (ROOT / "seeds" / doc["file"]).read_text(encoding="utf-8")
        # a document's anchor is estimated from the whole text, so extract once and map back to lines
        df = extract_dates(text, published=doc["published"], date_certainty=doc["date_certainty"])
        line_starts = [0]
        for line in text.split("\n"):
            line_starts.append(line_starts[-1] + len(line) + 1)
        for _, m in df.iterrows():
            line_no = max(i for i, s in enumerate(line_starts) if s <= m["start"])
            rows.append({**m.to_dict(), "doc_id": doc["doc_id"], "line": text.split("\n")[line_no]})
    return pd.DataFrame(rows)


def _matches(mentions: pd.DataFrame, gold: pd.Series) -> pd.DataFrame:
    m = mentions[(mentions["doc_id"] == gold["doc_id"])
                 & mentions["line"].str.contains(gold["snippet"], regex=False)
                 & mentions["expression"].str.lower().str.contains(gold["expression"].lower(), regex=False)]
    return m


@pytest.mark.parametrize("i", range(len(GOLD)), ids=lambda i: f"{GOLD.loc[i, 'doc_id'][:3]}-{GOLD.loc[i, 'expression']}")
def test_gold_date_found(seed_mentions: pd.DataFrame, i: int) -> None:
    gold = GOLD.loc[i]
    found = _matches(seed_mentions, gold)
    assert len(found), f"{gold['expression']!r} near {gold['snippet']!r} not found in {gold['doc_id']}"
    got = set(zip(found["date"], found["granularity"]))
    assert (gold["date"], gold["granularity"]) in got, f"{gold['expression']!r}: expected {gold['date']} " \
                                                        f"({gold['granularity']}), got {sorted(got)}"


def test_no_dates_beyond_gold(seed_mentions: pd.DataFrame) -> None:
    """Precision: every dated point found in the seeds is one the gold lists (no bare numbers, no 'may').

    The gold dates points on a timeline; the TimeML layer's durations, frequencies and references to the
    present, past or future (kind duration / set / reference) are not points and are tested on sentences of
    their own below."""
    unmatched = []
    for _, m in seed_mentions[~seed_mentions["kind"].isin(["duration", "set", "reference"])].iterrows():
        gold = GOLD[(GOLD["doc_id"] == m["doc_id"]) & (GOLD["date"] == m["date"])]
        if not any(g.lower() in m["expression"].lower() and s in m["line"]
                   for g, s in zip(gold["expression"], gold["snippet"])):
            unmatched.append((m["doc_id"][:3], m["expression"], m["date"]))
    assert unmatched == []


def test_copy_date_anchor_is_estimated_from_text(seed_mentions: pd.DataFrame) -> None:
    # 002 is an aggregator's copy dated Sat 2022-01-29; resolving 'On Monday' against it would give
    # 2022-01-24. The text itself reports January 11 and 12, so the original is of that week.
    m = seed_mentions[(seed_mentions["doc_id"].str.startswith("002")) & (seed_mentions["expression"] == "On Monday")]
    assert m["date"].tolist() == ["2022-01-10"]
    assert m["confidence"].iloc[0] < 0.7
    assert "copy" in m["note"].iloc[0]


def test_lower_bound_anchor_lowers_confidence(seed_mentions: pd.DataFrame) -> None:
    exact = seed_mentions[seed_mentions["doc_id"].str.startswith("000") & (seed_mentions["expression"] == "On Friday")]
    bound = seed_mentions[seed_mentions["doc_id"].str.startswith("003") & (seed_mentions["expression"] == "on Monday")]
    assert bound["confidence"].max() < exact["confidence"].min()
    assert "on or after" in bound["note"].iloc[0]


# --- calendar rules on small texts -----------------------------------------------------------------

def test_year_boundary_early_january() -> None:
    # published Monday 2022-01-03: "December 28" and "in December" are in 2021
    got = _dates("Protests began on December 28. In December, prices rose.", published="2022-01-03")
    assert got == [("December 28", "2021-12-28", "day"), ("In December", "2021-12", "month")]


def test_month_past_and_future() -> None:
    assert _dates("In August, Biden completed the exit.", published="2022-01-07") == [
        ("In August", "2021-08", "month")]
    # future tense: the next August
    assert _dates("The troops will leave in August.", published="2022-01-07") == [
        ("in August", "2022-08", "month")]
    # a yearless day a few days after publication is a scheduled date, not last year's
    assert _dates("Talks in Geneva on January 10.", published="2022-01-07") == [
        ("January 10", "2022-01-10", "day")]


def test_weekdays_as_a_newsroom_writes_them() -> None:
    friday = "2022-01-07"  # a Friday
    assert _dates("On Friday, Tokayev spoke.", published=friday) == [("On Friday", "2022-01-07", "day")]
    assert _dates("The ministry said Thursday.", published=friday) == [("Thursday", "2022-01-06", "day")]
    assert _dates("Blinken told CNN on Sunday.", published=friday) == [("on Sunday", "2022-01-02", "day")]
    monday = "2022-01-10"
    assert _dates("Delegations met on Monday.", published=monday) == [("on Monday", "2022-01-10", "day")]
    # future tense: the next Monday; published on a Monday, that very day (a newsroom names today by its weekday,
    # as TimeBank's annotators read it; issue 19: it was a week later, against the TimeML value)
    assert _dates("They will meet on Monday.", published=monday) == [("on Monday", "2022-01-10", "day")]
    assert _dates("They will meet on Wednesday.", published=monday) == [("on Wednesday", "2022-01-12", "day")]
    assert _dates("It happened last Friday.", published=friday) == [("last Friday", "2021-12-31", "day")]
    assert _dates("A vote is due next Tuesday.", published=friday) == [("next Tuesday", "2022-01-11", "day")]


def test_relative_units() -> None:
    friday = "2022-01-07"
    assert _dates("Prices rose over the weekend.", published=friday) == [
        ("over the weekend", "2022-01-01", "weekend")]
    # published on a Sunday: "over the weekend" is the weekend of publication (Sat 8 Jan)
    assert _dates("Prices rose over the weekend.", published="2022-01-09") == [
        ("over the weekend", "2022-01-08", "weekend")]
    assert _dates("Talks resume next week.", published=friday) == [("next week", "2022-01-10", "week")]
    assert _dates("He spoke earlier this week.", published=friday) == [("earlier this week", "2022-01-03", "week")]
    assert _dates("They talked last month.", published=friday) == [("last month", "2021-12", "month")]
    assert _dates("Putin took office 20 years ago.", published=friday) == [("20 years ago", "2002", "year")]
    assert _dates("A year ago, the Capitol was attacked.", published=friday) == [("A year ago", "2021", "year")]
    assert _dates("He left three days ago.", published=friday) == [("three days ago", "2022-01-04", "day")]
    assert _dates("It happened yesterday.", published=friday) == [("yesterday", "2022-01-06", "day")]
    durations = extract_dates("Two decades of war ended.", published=friday)
    assert durations[["date", "granularity", "kind"]].values.tolist() == [["2002", "year", "duration"]]


def test_absolute_forms() -> None:
    got = _dates("Jan. 5, 2022; 11 January 2022; January 2022; in the 1990s; since 1989; 2022-01-06.",
                 published="2022-01-29")
    assert got == [("Jan. 5, 2022", "2022-01-05", "day"), ("11 January 2022", "2022-01-11", "day"),
                   ("January 2022", "2022-01", "month"), ("the 1990s", "1990", "decade"),
                   ("since 1989", "1989", "year"), ("2022-01-06", "2022-01-06", "day")]


@pytest.mark.parametrize("text", [
    "Officials may respond.",                   # 'may' is a verb
    "Protesters march on the square.",          # 'march' is a verb
    "It was the second attempt.",               # 'second'
    "Some 2,500 peacekeepers and 2000 troops arrived.",  # counts, not years
    "Damage of $2019 and 1500 people.",         # money and counts
    "A Good Friday service; Russia Today reported.",     # names holding a date word
    "It happened years ago.",                    # too vague to date
])
def test_no_false_positives(text: str) -> None:
    assert extract_dates(text, published="2022-01-07").empty


def test_now_and_soon_are_references_not_dates_of_events() -> None:
    # TimeML's PRESENT_REF is dated to the publication date, with its own anchor; FUTURE_REF stays undated
    now = extract_dates("The situation is calm now.", published="2022-01-07")
    assert now[["expression", "kind", "date", "anchor", "timex_type", "timex_value"]].values.tolist() == [
        ["now", "reference", "2022-01-07", "present-ref", "DATE", "PRESENT_REF"]]
    # on a timeline "now" is the publication date, not an event: left out unless asked
    assert events_in_window(now).empty and len(events_in_window(now, include_references=True)) == 1
    assert chronology(now.assign(doc_id="a", label="calm")).empty
    soon = extract_dates("Officials may respond soon.", published="2022-01-07")
    assert soon[["expression", "kind", "date", "timex_value"]].values.tolist() == [
        ["soon", "reference", "", "FUTURE_REF"]]


def test_unknown_date_reports_relative_unresolved() -> None:
    df = extract_dates("On Friday, in 2019 and in August, troops left.", published=None)
    assert df["expression"].tolist() == ["On Friday", "in 2019", "in August"]  # none dropped
    assert df["date"].tolist() == ["", "2019", ""]
    assert df.loc[0, "anchor"] == "unresolved" and "unknown" in df.loc[0, "note"]


def test_implausible_dates_are_flagged() -> None:
    # a text dated 2022-01-01 reporting, in the past tense, a day two weeks later
    df = extract_dates("On January 15, 2022, troops arrived.", published="2022-01-01")
    assert df["flag"].tolist() == ["after-publication"]
    assert extract_dates("Troops will arrive on January 15, 2022.", published="2022-01-01")["flag"].tolist() == [""]


def test_bad_input_is_named() -> None:
    with pytest.raises(ParameterError, match="date_certainty"):
        extract_dates("On Friday.", published="2022-01-07", date_certainty="roughly")
    with pytest.raises(ParameterError, match="published"):
        extract_dates("On Friday.", published="last spring")
    with pytest.raises(ParameterError, match="string"):
        extract_dates(42)  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="sentences"):
        build_events(sentences=pd.DataFrame({"doc_id": ["a"]}), documents=pd.DataFrame({"doc_id": ["a"]}))
    assert list(extract_dates("").columns) == MENTION_COLUMNS


# --- events, chronology, checks on hand-built tables -----------------------------------------------

def _tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    documents = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "outlet": ["Outlet A", "Outlet A", "Outlet C", "Outlet D"],
        "published": ["2022-01-07", "2022-01-07", "2022-01-29", ""],
        "date_certainty": ["exact", "exact", "copy-date", "unknown"],
        "story_id": ["s1", "s1", "s2", "s3"],
        "is_representative": [True, False, True, True],
    })
    sentences = pd.DataFrame({
        "doc_id": ["a", "a", "b", "b", "c", "c", "d"],
        "para_id": [0, 1, 0, 1, 0, 1, 0],
        "sentence_id": [0, 1, 0, 1, 0, 1, 0],
        "text": ["On Thursday, Blinken called Tileuberdi.",
                 "In 2019, Nazarbayev stepped down.",
                 "Blinken called Tileuberdi on Thursday.",
                 "Talks follow next week.",
                 "On January 6, Blinken called Tileuberdi.",
                 "On Monday, a day of mourning was held.",
                 "On Friday, troops left."],
    })
    return sentences, documents


def _actors(sentences: pd.DataFrame) -> pd.Series:
    names = ("Blinken", "Tileuberdi", "Nazarbayev")
    return sentences["text"].map(lambda t: "; ".join(n for n in names if n in t))


def test_build_events_one_copy_per_story() -> None:
    sentences, documents = _tables()
    ev = build_events(sentences=sentences, documents=documents, actors=_actors)
    assert list(ev.columns[: len(EVENT_COLUMNS)]) == EVENT_COLUMNS
    # story s1: a's Thursday (also reported by b), a's 2019, and b's 'next week' that a lacks
    s1 = ev[ev["story_id"] == "s1"].sort_values("date_start")
    assert s1[["doc_id", "date", "reported_by"]].values.tolist() == [
        ["a", "2019", "a"], ["a", "2022-01-06", "a;b"], ["b", "2022-01-10", "b"]]
    assert s1.loc[s1["date"] == "2022-01-06", "actors"].item() == "Blinken; Tileuberdi"
    # story s2, a copy dated 2022-01-29: 'On Monday' resolved against January 6 (the text's latest date)
    assert ev.loc[(ev["doc_id"] == "c") & (ev["kind"] == "point"), "date"].tolist() == ["2022-01-03", "2022-01-06"]
    # "a day of mourning": the TimeML layer's duration, a length and not a date
    assert ev.loc[(ev["doc_id"] == "c") & (ev["kind"] == "duration"), ["timex_value", "date"]].values.tolist() == [
        ["P1D", ""]]
    # d has no date: its 'On Friday' is kept, unresolved
    d = ev[ev["doc_id"] == "d"]
    assert d["date"].tolist() == [""] and d["anchor"].tolist() == ["unresolved"]
    all_copies = build_events(sentences=sentences, documents=documents, actors=_actors, one_copy_per_story=False)
    assert (all_copies["doc_id"] == "b").sum() == 2
    # deterministic
    pd.testing.assert_frame_equal(ev, build_events(sentences=sentences, documents=documents, actors=_actors))


def test_chronology_lists_sources() -> None:
    sentences, documents = _tables()
    ev = build_events(sentences=sentences, documents=documents, actors=_actors, one_copy_per_story=False)
    chron = chronology(ev)
    row = chron[chron["date"] == "2022-01-06"].iloc[0]
    # a, b (story s1) and c (story s2) all date Blinken's call to 6 January
    assert row["sources"] == "a; b; c" and row["n_stories"] == 2 and row["n_documents"] == 3
    assert row["actors"] == "Blinken; Tileuberdi"
    assert chron["date_start"].is_monotonic_increasing
    assert "" not in set(chron["date"])


def test_check_dates_verdicts() -> None:
    sentences, documents = _tables()
    sentences.loc[1, "text"] = "On January 20, 2022, troops left."  # after a's date of 2022-01-07
    ev = build_events(sentences=sentences, documents=documents, actors=_actors, one_copy_per_story=False)
    checks = check_dates(ev, documents).set_index("doc_id")
    assert checks.loc["a", "verdict"].startswith("implausible")
    assert checks.loc["b", "verdict"] == "ok"
    assert checks.loc["c", "verdict"] == "copy: original earlier"
    assert checks.loc["d", "verdict"] == "no date"


def test_coverage_and_stance_over_time() -> None:
    _, documents = _tables()
    cov = coverage(documents)
    assert cov.loc[cov["published"] == "2022-01-07", "n_documents"].tolist() == [2]
    stances = pd.DataFrame({"doc_id": ["a", "a", "c"], "target": ["CSTO", "CSTO", "CSTO"],
                            "stance": ["against", "favor", "against"], "score": [-0.5, 0.5, -1.0]})
    sot = stance_over_time(stances, documents)
    assert sot[["published", "n", "mean_score"]].values.tolist() == [["2022-01-07", 2, 0.0],
                                                                    ["2022-01-29", 1, -1.0]]


# --- on the prepared seeds, once kzlib.prepare exists ----------------------------------------------

def test_events_on_prepared_seeds() -> None:
    kz = pytest.importorskip("kzlib.study")
    corpus = kz.prepare()
    ev = build_events(corpus, one_copy_per_story=False)
    paragraphs = corpus.paragraphs.set_index(["doc_id", "para_id"])["text"]
    ev = ev.assign(line=[paragraphs.get((d, p), t) for d, p, t in zip(ev["doc_id"], ev["para_id"], ev["text"])])
    body = GOLD[GOLD["kind"] == "body"]
    missing = [(g["doc_id"][:3], g["expression"], g["date"]) for _, g in body.iterrows()
               if (g["date"], g["granularity"]) not in set(zip(_matches(ev, g)["date"], _matches(ev, g)["granularity"]))]
    assert missing == []


def test_actor_nearest_the_date_is_the_lane() -> None:
    # "Tokayev replaced Nazarbayev, who had led the country since 1989": 1989 belongs to Nazarbayev,
    # 2019 to Tokayev, though Murtazashvili is named first
    text = ("Murtazashvili says protests followed the 2019 reshuffle in which Tokayev replaced Nazarbayev, "
            "who had led the country since 1989.")
    sentences = pd.DataFrame({"doc_id": ["a"], "para_id": [0], "sentence_id": [0], "text": [text]})
    documents = pd.DataFrame({"doc_id": ["a"], "published": ["2022-01-20"]})

    def finder(s: pd.DataFrame) -> pd.DataFrame:
        rows = [("a", 0, n, text.index(n), text.index(n) + len(n), "person")
                for n in ("Murtazashvili", "Tokayev", "Nazarbayev")]
        return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "actor", "start", "end", "type"])

    ev = build_events(sentences=sentences, documents=documents, actors=finder)
    assert ev[["date", "actor"]].values.tolist() == [["1989", "Nazarbayev"], ["2019", "Tokayev"]]
    assert set(ev["actors"]) == {"Murtazashvili; Tokayev; Nazarbayev"}


def test_stance_over_time_uses_given_dates() -> None:
    _, documents = _tables()
    stances = pd.DataFrame({"doc_id": ["c"], "target": ["CSTO"], "stance": ["against"], "score": [-1.0]})
    sot = stance_over_time(stances, documents, dates=pd.Series({"c": "2022-01-11"}))
    assert sot["published"].tolist() == ["2022-01-11"]


# --- degenerate corpora: no dates, no events, no quotations -------------------------------------------

def test_undated_corpus_keeps_relative_dates_unresolved_and_nothing_to_plot() -> None:
    # neither document has a publication date: "on Friday" and "January 13" (no year) cannot be dated;
    # "in 2019" is absolute and keeps its date
    sentences = pd.DataFrame({"doc_id": ["a", "b", "b"], "para_id": [1, 1, 1], "sentence_id": [0, 0, 1],
                              "text": ["Troops left on January 13.", "The CSTO sent troops to Almaty.",
                                       "Officials said so on Friday, as they did in 2019."]})
    documents = pd.DataFrame({"doc_id": ["a", "b"], "published": ["", ""]})
    ev = build_events(sentences=sentences, documents=documents, actors=lambda s: pd.Series("", index=s.index))
    assert sorted(zip(ev["expression"], ev["date"], ev["anchor"])) == [
        ("January 13", "", "unresolved"), ("in 2019", "2019", "absolute"), ("on Friday", "", "unresolved")]
    assert publication_window(documents) == (None, None)
    close_up = events_in_window(ev, granularities=["day", "weekend", "week", "month"])
    assert close_up.empty
    assert events_in_window(ev, granularities=["year"])["date"].tolist() == ["2019"]
    assert chronology(ev)["date"].tolist() == ["2019"]
    assert check_dates(ev, documents)["verdict"].tolist() == ["no date", "no date"]


def test_no_events_at_all() -> None:
    sentences = pd.DataFrame({"doc_id": ["a"], "para_id": [1], "sentence_id": [0], "text": ["It was calm."]})
    documents = pd.DataFrame({"doc_id": ["a"], "published": ["2022-01-10"]})
    ev = build_events(sentences=sentences, documents=documents)
    assert ev.empty and list(ev.columns) == EVENT_COLUMNS
    assert list(chronology(ev).columns)[:2] == ["date", "granularity"] and chronology(ev).empty
    # a window around the publication date with nothing in it: empty, and the plot draws its placeholder
    # instead of failing (it used to raise KeyError 'date_end')
    assert events_in_window(ev, start="2021-12-11", end="2022-01-10").empty
    from kzlib.plots.timeline import timeline as plot_timeline

    fig = plot_timeline(events_in_window(ev, start="2021-12-11", end="2022-01-10"))
    assert fig.axes[0].texts[0].get_text() == "no dated events in this window"


def test_events_in_window_by_period_overlap() -> None:
    # a month overlaps a window that starts inside it; a day before the window and a duration are left out
    ev = pd.DataFrame({"date": ["2021-12-01", "2022-01", "2022-01-10", "2021", "2022-01-02"],
                       "granularity": ["day", "month", "day", "year", "day"],
                       "confidence": [0.9, 0.9, 0.3, 0.9, 0.9],
                       "kind": ["point", "point", "point", "point", "duration"]})
    got = events_in_window(ev, start="2022-01-15", end="2022-02-01")
    assert got[["date", "date_start", "date_end"]].values.tolist() == [["2022-01", "2022-01-01", "2022-01-31"]]
    assert events_in_window(ev, min_confidence=0.5, granularities=["day"])["date"].tolist() == ["2021-12-01"]
    assert events_in_window(ev, include_durations=True, start="2022-01-02", end="2022-01-02")["date"].tolist() \
        == ["2022-01", "2022-01-02"]
    with pytest.raises(ParameterError, match="not an ISO date"):
        events_in_window(ev, start="soon")


def test_publication_window_from_dated_documents() -> None:
    # earliest 2022-01-07 minus 30 days is 2021-12-08; the undated document does not count
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "published": ["2022-01-10", "", "2022-01-07"]})
    assert publication_window(docs) == ("2021-12-08", "2022-01-10")
    assert publication_window(docs, days_before=0) == ("2022-01-07", "2022-01-10")
    with pytest.raises(ParameterError, match="days_before"):
        publication_window(docs, days_before=-1)


def test_stance_over_time_without_stances() -> None:
    _, documents = _tables()
    empty = pd.DataFrame(columns=["doc_id", "quote_id", "speaker", "target", "stance", "score", "evidence"])
    sot = stance_over_time(empty, documents)
    assert sot.empty
    assert list(sot.columns) == ["published", "target", "n", "n_stance", "mean_score", "n_favor", "n_against"]
    assert sot["mean_score"].dtype == float
    by_speaker = stance_over_time(empty, documents, by="speaker")
    assert list(by_speaker.columns)[1] == "speaker"


# --- the word triggers say what their patterns say ---------------------------------------------------

TRIGGER_TEXTS = [
    "", "On Friday, Jan. 5, 2022, twenty days ago", "jan 5 and JAN 5 and Jan5 and Jan_5", "a year in  the\npast",
    "the NEW  Year", "this\tmorning and LAST NIGHT", "Ten days OF protest", "FOR ten YEARS", "of a couple of weeks",
    "the \u212aAY and DA\u212a",  # the Kelvin sign matches k only case-insensitively
    "\u0131n the past, \u017fix days ago", "Black Friday, Russia Today", "earlier this month", "x1999y 2000s",
    "naïve Déjà vu today", "subsequent week, the final August", "Monday-Friday", "weekends, WEEKEND",
    "GOOD friday", "good  Friday", "Friday is good", "today russia", "RUSSIA\ttoday", "at the end of the week",
    "the end of this week", "ab12 1999", "x 12\n months ago",
]


@pytest.mark.parametrize("text", TRIGGER_TEXTS)
def test_word_triggers_agree_with_their_patterns(text: str) -> None:
    from kzlib.timeline.recognise import _text_words, _vocab  # noqa: PLC0415

    v = _vocab()
    for triggers in (v.triggers, v.not_dates):
        expected = {name for name, p in {**triggers.searched, **triggers.after_digit, **triggers.patterns}.items() if p.search(text)}
        assert triggers.found(text, _text_words(text)) == expected
        assert triggers.found(text, None) == expected


def test_scan_tries_every_pattern_that_matches() -> None:
    from kzlib.timeline.recognise import _text_words, _vocab  # noqa: PLC0415

    v = _vocab()
    for text in TRIGGER_TEXTS:
        tried = v.rules_for(v.triggers.found(text, _text_words(text)))
        assert [r.name for r in v.rules if r.pattern.search(text) and r not in tried] == [], text


# --- TimeML layer: types, values, spans, anchoring (texts written for these tests) ----------------------

def _timex(text: str, published: str) -> list[tuple[str, str, str]]:
    """(TimeML span text, type, value) of each expression, in text order."""
    df = extract_dates(text, published=published)
    df = df[df["timex_value"] != ""].sort_values("timex_start")
    return [(text[s:e], t, v) for s, e, t, v in zip(df["timex_start"], df["timex_end"], df["timex_type"],
                                                     df["timex_value"])]


def test_timeml_direction_from_tense_and_nearness() -> None:
    # 1989-11-01 is a Wednesday (1 Jan 1989 was a Sunday; 1 Nov is day 305, 304 = 43*7 + 3 days later)
    wed = "1989-11-01"
    assert _timex("Shares fell on Friday, traders said.", wed) == [("Friday", "DATE", "1989-10-27")]
    assert _timex("He will meet Bush on Friday.", wed) == [("Friday", "DATE", "1989-11-03")]
    # a yearless day six weeks ahead in a sentence not in the past tense: the coming one, also in `date`
    df = extract_dates("The rights expire Dec. 15.", published=wed)
    assert df[["expression", "date", "timex_value"]].values.tolist() == [["Dec. 15", "1989-12-15", "1989-12-15"]]
    # ... but a day far ahead in a past-tense report is last year's
    assert _timex("The company was founded on June 30.", wed) == [("June 30", "DATE", "1989-06-30")]


def test_timeml_weeks_weekends_and_spans_without_prepositions() -> None:
    # 2022-01-07 is a Friday of ISO week 2022-W01 (Mon 3 - Sun 9 January); the weekend before it is
    # Sat 1 - Sun 2 January, in ISO week 2021-W52
    fri = "2022-01-07"
    assert _timex("Talks resume next week; they stalled last week and over the weekend.", fri) == [
        ("next week", "DATE", "2022-W02"), ("last week", "DATE", "2021-W52"), ("the weekend", "DATE", "2021-W52-WE")]
    assert _timex("On Thursday, troops left at 10:30 a.m. Friday.", fri) == [
        ("Thursday", "DATE", "2022-01-06"), ("10:30 a.m. Friday", "TIME", "2022-01-07T10:30")]


def test_timeml_quarters_decades_seasons_references() -> None:
    nov = "1989-11-01"
    assert _timex("Profit rose 5% in the third quarter from $2 million a year earlier.", nov) == [
        ("the third quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3")]
    assert _timex("Growth slowed in the 1990s and in the nineties.", "1998-03-22") == [
        ("1990s", "DATE", "199"), ("the nineties", "DATE", "199")]
    assert _timex("It was the worst flood of the 20th century.", nov) == [("the 20th century", "DATE", "19")]
    assert _timex("Protests are expected this summer.", "1998-03-22") == [("this summer", "DATE", "1998-SU")]
    assert _timex("Currently the mine is closed; it was recently sold and will soon reopen.", nov) == [
        ("Currently", "DATE", "PRESENT_REF"), ("recently", "DATE", "PAST_REF"), ("soon", "DATE", "FUTURE_REF")]
    assert _timex("The paper was printed in nineteen ninety-six.", nov) == [("nineteen ninety-six", "DATE", "1996")]


def test_timeml_durations_and_sets_are_not_points() -> None:
    text = "The war lasted for five years, talks took more than four hours, a two-year plan is paid monthly."
    assert _timex(text, "1998-03-22") == [("five years", "DURATION", "P5Y"), ("more than four hours", "DURATION", "PT4H"),
                                          ("two-year", "DURATION", "P2Y"), ("monthly", "SET", "P1M")]
    df = extract_dates(text, published="1998-03-22")
    new = df[df["timex_value"].isin(["PT4H", "P2Y", "P1M"])]
    assert new["date"].tolist() == ["", "", ""] and set(new["kind"]) == {"duration", "set"}
    assert df.loc[df["timex_value"] == "PT4H", "timex_mod"].item() == "MORE_THAN"


def test_numbers_that_only_look_like_years() -> None:
    df = extract_dates("At 1030 GMT some 2,500 people and 1500 troops had gathered.", published="1998-03-22")
    assert df[["expression", "timex_type", "timex_value"]].values.tolist() == [["1030 GMT", "TIME", "1998-03-22T10:30"]]
    assert "1030" not in df["date"].tolist()


def test_years_one_to_9999_through_the_tables() -> None:
    text = "The Normans landed in 1066; a coin from AD 800 was found."
    df = extract_dates(text, published="2022-01-07")
    assert df[["date", "granularity"]].values.tolist() == [["1066", "year"], ["0800", "year"]]
    assert df["timex_value"].tolist() == ["1066", "0800"]
    sentences = pd.DataFrame({"doc_id": ["a", "b"], "sentence_id": [0, 0],
                              "text": [text, "In 9999 the archive closes; the town was founded in 1212."]})
    documents = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2022-01-07", "0950-06-01"]})
    ev = build_events(sentences=sentences, documents=documents, actors=lambda s: pd.Series("", index=s.index))
    # dates stay ISO strings: no pandas nanosecond Timestamps, whose range is 1677-2262
    assert ev["date_start"].tolist() == ["0800-01-01", "1066-01-01", "1212-01-01", "9999-01-01"]
    assert all(isinstance(d, str) for d in ev["date_start"])
    assert chronology(ev)["date"].tolist() == ["0800", "1066", "1212", "9999"]
    assert events_in_window(ev, start="1000-01-01", end="1999-12-31")["date"].tolist() == ["1066", "1212"]
    assert publication_window(documents, days_before=30) == ("0950-05-02", "2022-01-07")
    assert coverage(documents)["published"].tolist() == ["0950-06-01", "2022-01-07"]
    # the plots draw them (pandas' Timestamps would stop at 1677 and 2262): over centuries, on decimal years
    import matplotlib
    matplotlib.use("Agg")
    from kzlib.plots.timeline import coverage as plot_coverage
    from kzlib.plots.timeline import timeline as plot_timeline

    fig = plot_timeline(ev)
    low, high = fig.axes[0].get_xlim()
    assert low < 800 and high > 9999
    assert plot_coverage(coverage(documents)).axes[0].collections  # both publication dates drawn


def test_timeml_layer_can_be_left_out() -> None:
    text = "Shares fell on Friday; profit rose in the third quarter."
    with_layer = extract_dates(text, published="1989-11-01")
    without = extract_dates(text, published="1989-11-01", timeml=False)
    # the point recogniser's rows are the same; the quarter is the TimeML layer's own row
    assert without[["expression", "date"]].values.tolist() == [["on Friday", "1989-10-27"]]
    assert with_layer[["expression", "date", "granularity"]].values.tolist() == [
        ["on Friday", "1989-10-27", "day"], ["the third quarter", "1989-07", "quarter"]]
    assert without["timex_value"].tolist() == [""] and without["timex_start"].tolist() == [-1]


def test_to_timeml_inline_markup() -> None:
    text = "Shares <fell> on Friday & rose in the third quarter."
    mentions = extract_dates(text, published="1989-11-01")
    assert to_timeml(text, mentions) == (
        'Shares &lt;fell&gt; on <TIMEX3 tid="t1" type="DATE" value="1989-10-27">Friday</TIMEX3> &amp; rose in '
        '<TIMEX3 tid="t2" type="DATE" value="1989-Q3">the third quarter</TIMEX3>.')
    doc = to_timeml(text, mentions, dct="1989-11-01", doc_id="wsj_1")
    assert "<DOCID>wsj_1</DOCID>" in doc and 'functionInDocument="CREATION_TIME">1989-11-01</TIMEX3></DCT>' in doc
    assert doc.count("<TIMEX3") == 3
    with pytest.raises(ParameterError, match="timex"):
        to_timeml(text, mentions.drop(columns=["timex_value"]))


# --- scale benchmark (python tests/test_timeline.py --bench N) -------------------------------------------

def _cycled_corpus(n_docs: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences and documents of ``n_docs`` documents, each 12 consecutive body paragraphs of the prepared seeds
    (cycled), with publication dates and certainties cycled over five patterns (one undated) and every
    tenth document a copy of the one before it."""
    import kzlib
    from kzlib.clean import analysable

    base = kzlib.prepare()
    pool = list(analysable(base.paragraphs).sort_values(["doc_id", "para_id"])[["doc_id", "para_id"]]
                .itertuples(index=False, name=None))
    by_para = {k: g[["start", "end", "text"]].to_numpy().tolist()
               for k, g in base.sentences.sort_values(["doc_id", "sentence_id"]).groupby(["doc_id", "para_id"])}
    dates = [("2022-01-07", "exact"), ("2022-01-10", "on-or-after"), ("2022-01-29", "copy-date"), ("", "unknown"),
             ("2022-01-12", "exact")]
    srows, drows = [], []
    for i in range(n_docs):
        doc, sid = f"d{i:05d}", 0
        for j in range(12):
            for start, end, text in by_para.get(pool[(i * 7 + j) % len(pool)], []):
                srows.append((doc, j, sid, start, end, text))
                sid += 1
        copy = i % 10 == 9
        drows.append((doc, *dates[i % 5], f"Outlet {i % 7}", f"d{i - 1:05d}" if copy else doc, not copy))
    return (pd.DataFrame(srows, columns=["doc_id", "para_id", "sentence_id", "start", "end", "text"]),
            pd.DataFrame(drows, columns=["doc_id", "published", "date_certainty", "outlet", "story_id",
                                         "is_representative"]))


def _bench(n_docs: int, repeats: int = 3) -> None:
    import logging

    logging.disable(logging.WARNING)
    sentences, documents = _cycled_corpus(n_docs)
    print(f"{n_docs} documents, {len(sentences)} sentences")
    no_actors = lambda s: pd.Series("", index=s.index)  # noqa: E731
    times: dict[str, list[float]] = {"build_events (no actors)": [], "build_events (kzlib.actors)": [],
                                     "check_dates": [], "chronology": []}
    for _ in range(repeats):
        t0 = time.perf_counter()
        build_events(sentences=sentences, documents=documents, actors=no_actors)
        t1 = time.perf_counter()
        events = build_events(sentences=sentences, documents=documents)
        t2 = time.perf_counter()
        check_dates(events, documents)
        t3 = time.perf_counter()
        chronology(events)
        t4 = time.perf_counter()
        for name, dt_s in zip(times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            times[name].append(dt_s)
    print(f"{len(events)} events; best of {repeats}: "
          + "; ".join(f"{name} {min(v):.2f}s" for name, v in times.items()))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--bench":
        _bench(int(sys.argv[2]))
    else:
        print(__doc__)


def test_a_clock_time_is_not_a_year_in_the_date_column():
    # "1030 GMT" is half past ten on the day of publication; "1066" is a year
    mentions = extract_dates("Shares were up 3.4% by 1030 GMT, as in 1066.", published="2022-01-08")
    by_expr = {e.strip(): (d, g) for e, d, g in zip(mentions["expression"], mentions["date"], mentions["granularity"])}
    assert not any(d == "1030" for d, _ in by_expr.values())
    assert ("1066", "year") in by_expr.values()
    clock = mentions[mentions["timex_type"] == "TIME"]
    assert clock["timex_value"].tolist() == ["2022-01-08T10:30"]
    assert clock["date"].tolist() == ["2022-01-08"]


def test_timeml_a_year_ago_compares_with_the_period_last_named() -> None:
    # TimeML: "a year earlier" is the period it is compared with, one year back. After a quarter that is
    # the quarter a year back; after "the nine months" (a year to date) it is last year.
    nov = "1989-11-01"
    text = ("Net rose in the third quarter from $2 million a year earlier. For the nine months, net rose "
            "from $9 million a year earlier and from $8 million last year.")
    assert _timex(text, nov) == [
        ("the third quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3"),
        ("the nine months", "DURATION", "P9M"), ("a year earlier", "DATE", "1988"), ("last year", "DATE", "1988")]


def test_timeml_un_adjectives_are_not_past_tense() -> None:
    # "unspecified" is an adjective, not a past-tense verb: with no tense marker, a month two months
    # ahead of a November story is the coming January (TimeML anchors it to the DCT's nearest one)
    assert _timex("The vote falls on an unspecified day in January.", "1989-11-01") == [
        ("January", "DATE", "1990-01")]


def test_timeml_intentions_look_ahead() -> None:
    # "agreed to buy ... in February": the purchase is planned, so February is the coming one (TimeML:
    # resolve by the tense of the event the expression anchors), while "bought ... in February" is past
    oct30 = "1989-10-30"
    assert _timex("Thermo agreed to buy the unit in February.", oct30) == [("February", "DATE", "1990-02")]
    assert _timex("Thermo bought the unit in February.", oct30) == [("February", "DATE", "1989-02")]


def test_timeml_clock_time_on_the_day_just_named() -> None:
    # a bare clock time in the narrative of a named day is on that day (TimeML: its anchor is the
    # reference time of the narrative, not the DCT); with no day named nearby it stays on the DCT
    wed = "1989-11-01"
    assert _timex("The storm hit on Friday. At 10:30 a.m. the levee broke.", wed) == [
        ("Friday", "DATE", "1989-10-27"), ("10:30 a.m.", "TIME", "1989-10-27T10:30")]
    assert _timex("The levee broke at 10:30 a.m.", wed) == [("10:30 a.m.", "TIME", "1989-11-01T10:30")]


def test_timeml_shortly_after_an_event_is_not_a_reference_to_now() -> None:
    # TimeML: "shortly after the attack" is anchored to the attack, not a FUTURE_REF of the document;
    # "shortly" alone still looks ahead from the DCT
    assert _timex("He left the city shortly after the attack.", "1998-08-20") == []
    assert _timex("The minister will arrive shortly.", "1998-08-20") == [("shortly", "DATE", "FUTURE_REF")]


def test_timeml_tense_inside_a_quotation() -> None:
    # the tense of a quoted sentence governs its expressions, not the reporting verb after the quote:
    # "will leave Thursday" said on Wednesday 2000-04-05 is the next day
    text = "\"The father will leave at dawn on Thursday,\" the minister said."
    assert _timex(text, "2000-04-05") == [("Thursday", "DATE", "2000-04-06")]
    assert _timex("The father left on Thursday, the minister said.", "2000-04-05") == [("Thursday", "DATE", "2000-03-30")]


def test_timeml_the_following_month_is_after_the_month_just_named() -> None:
    # TimeML anchors "the following month" to the narrative's reference time (March 1989), not the DCT
    text = "The offer came in March. The following month, the board sold the unit."
    assert _timex(text, "1989-10-27") == [("March", "DATE", "1989-03"), ("The following month", "DATE", "1989-04")]


def test_timeml_month_with_a_year_in_words() -> None:
    # broadcast transcripts spell years out; TimeML's value is the month of that year
    assert _timex("The bomb went off in January nineteen ninety-seven.", "1998-02-27") == [
        ("January nineteen ninety-seven", "DATE", "1997-01")]


@pytest.mark.parametrize("one_copy", [True, False])
def test_default_actors_are_those_of_find_mentions(prepared, one_copy: bool) -> None:
    # the default actor lookup scans the dated sentences with Gazetteer.scan itself (and, with one copy per story,
    # only the kept documents up to their last kept date); kzlib.actors.find_mentions as the finder gives the
    # same actors and events
    actors = pytest.importorskip("kzlib.actors")
    ev = build_events(prepared, one_copy_per_story=one_copy)
    assert (ev["actors"] != "").sum() > 10
    pd.testing.assert_frame_equal(ev, build_events(prepared, one_copy_per_story=one_copy,
                                                   actors=actors.find_mentions))


def test_the_reference_time_runs_across_one_documents_sentences_and_restarts_with_the_next() -> None:
    # "The next day" counts from the date the text named last (2 January 2021), also in the next sentence; in
    # another document nothing was named, so it counts from that document's publication date
    documents = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2021-03-10", "2021-03-10"],
                              "story_id": ["s1", "s2"], "is_representative": [True, True]})
    sentences = pd.DataFrame({"doc_id": ["a", "a", "b"], "para_id": [0, 0, 0], "sentence_id": [0, 1, 0],
                              "text": ["The strike began on Jan. 2, 2021.", "The next day, the mines closed.",
                                       "The next day, the mines closed."]})
    ev = build_events(sentences=sentences, documents=documents)   # the TimeML layer reads "the next day"
    nxt = ev[ev["expression"].str.lower().str.contains("next day")].sort_values("doc_id")
    assert nxt[["doc_id", "date"]].values.tolist() == [["a", "2021-01-03"], ["b", "2021-03-11"]]
