"""Timeline, twenty-third session: a named speaker is an event's actor only as the subject (or agent) of the
date's own clause; labels say who did what or are left out; close-ups span their events; the index's headline
close-up is that of the study's period; the stance-over-time figure has distinct hues and n= labels that do not
overlap. The texts and tables were written for these tests; the expected values are read from them (the invented
people are in no gazetteer)."""

import datetime as dt
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

pytest.importorskip("kzlib.actors")

from kzlib.pipeline.output import _headlines  # noqa: E402
from kzlib.plots.timeline import stance_over_time, timeline  # noqa: E402
from kzlib.timeline import build_events, chronology, close_up_periods, headline_period  # noqa: E402
from kzlib.timeline._clause import clause_label, is_subject, own_clause  # noqa: E402

OKONJO = pd.DataFrame({"doc_id": "d1", "speaker": ["Ruth Okonjo"], "speaker_surface": ["she"],
                       "speaker_type": ["person"]})


def _events(texts: list[str]) -> pd.DataFrame:
    sentences = pd.DataFrame({"doc_id": "d1", "para_id": 0, "sentence_id": range(len(texts)), "text": texts})
    documents = pd.DataFrame({"doc_id": ["d1"], "published": ["2016-03-10"]})
    return build_events(sentences=sentences, documents=documents, speakers=OKONJO)


def _actors(events: pd.DataFrame, sentence_id: int, expression: str) -> str:
    row = events[(events["sentence_id"] == sentence_id) & (events["expression"] == expression)]
    assert len(row) == 1, (sentence_id, expression, events[["sentence_id", "expression"]].values.tolist())
    return str(row["actors"].iloc[0])


# --- 1. a speaker is the actor of their own clause only ------------------------------------------------------

def test_a_speaker_is_no_actor_of_the_event_inside_what_they_say():
    ev = _events(["Ruth Okonjo said the ministry had been warned.",
                  "\u201cThe mother was taken away to make the trip on Monday,\u201d Okonjo said."])
    assert _actors(ev, 1, "on Monday") == ""


def test_a_speaker_in_another_clause_of_the_sentence_is_no_actor():
    ev = _events(["Ruth Okonjo said the ministry had been warned.",
                  "On Tuesday, the league will hold a news conference to show a film made last week, before "
                  "Okonjo died."])
    assert _actors(ev, 1, "On Tuesday") == ""
    assert _actors(ev, 1, "last week") == ""


def test_a_speaker_who_is_the_subject_or_the_agent_stays_the_actor():
    ev = _events(["Ruth Okonjo said the ministry had been warned.",
                  "On Monday, Okonjo called for a new inquiry.",
                  "The plan was rejected by Okonjo on Friday.",
                  "Okonjo, a former judge, resigned on Wednesday."])
    assert _actors(ev, 1, "On Monday") == "Ruth Okonjo"
    assert _actors(ev, 2, "on Friday") == "Ruth Okonjo"
    assert _actors(ev, 3, "on Wednesday") == "Ruth Okonjo"


def test_a_speaker_as_object_or_possessor_is_no_actor_but_the_possessor_of_the_dated_noun_is():
    ev = _events(["Ruth Okonjo said the ministry had been warned.",
                  "In August, the council granted Okonjo an extension.",
                  "Okonjo's house was sold on Friday.",
                  "Okonjo's 2007 vote angered the party."])
    assert _actors(ev, 1, "In August") == ""
    assert _actors(ev, 2, "on Friday") == ""
    assert _actors(ev, 3, "2007") == "Ruth Okonjo"


def test_the_clause_rule_on_its_own():
    s = "Okonjo said the strike on Friday was illegal."
    at = s.index("on Friday")
    assert not is_subject(s, (0, 6), (at, at + 9))  # she said; she did not strike
    s = "Okonjo said on Friday that the strike was illegal."
    at = s.index("on Friday")
    assert is_subject(s, (0, 6), (at, at + 9))  # the saying is what is dated
    s = "Now, Ms. Conlin said, it will have new resonance."
    lo, hi = own_clause(s, 0, 3)
    assert s[lo:hi] == "it will have new resonance."


# --- 2. labels: who did what, or none ------------------------------------------------------------------------

@pytest.mark.parametrize("text, expression, label", [
    ("On Thursday, the president dismissed the government.", "On Thursday", "The president dismissed the government"),
    ("Elian, who was rescued Nov. 25 while clinging to an inner tube, stayed in Miami.", "Nov. 25",
     "Elian was rescued"),
    ("Almaty was reported to be largely calm on Saturday.", "on Saturday", "Almaty was reported to be largely calm"),
    ("Protests since early January.", "early January", ""),
    ("\u201cThe talks will resume next week,\u201d Okonjo said.", "next week", "The talks will resume"),
])
def test_labels_say_who_did_what_or_nothing(text, expression, label):
    at = text.index(expression)
    assert clause_label(text, at, at + len(expression)) == label


def test_labels_are_never_fragments_and_the_chronology_leaves_empty_ones_out():
    texts = ["Ruth Okonjo said the ministry had been warned.",
             "On Monday, Okonjo called for a new inquiry into the killings of the past decade in the northern "
             "provinces of the country, which the government has never explained.",
             "Protests since early January."]
    ev = _events(texts)
    for text, label in zip(ev["text"], ev["label"]):
        assert "\u2026" not in label
        words = text.replace(",", " ").split()
        assert all(w in words for w in label.split()), label  # the clause's own words, nothing cut in two
    assert _actors(ev, 1, "On Monday") == "Ruth Okonjo"
    assert ev.loc[ev["expression"] == "On Monday", "label"].iloc[0] == "Okonjo called for a new inquiry"
    what = chronology(ev)["what"].tolist()
    assert not any(w.startswith(" | ") or w.endswith(" | ") or " |  | " in w for w in what)


# --- 3. a close-up spans its events ------------------------------------------------------------------------------

def test_a_close_up_spans_its_events_not_the_window():
    days = ["2022-01-02", "2022-01-05", "2022-01-07", "2022-01-12"]
    ev = pd.DataFrame({"date_start": days, "label": ["Tokayev asked for help", "", "Troops landed", ""],
                       "granularity": "day", "doc_id": "a", "actor": "Kassym-Jomart Tokayev"})
    fig = timeline(ev, start="2021-12-04", end="2022-03-01")
    lo, hi = (matplotlib.dates.num2date(x).date() for x in fig.axes[0].get_xlim())
    assert dt.date(2021, 12, 28) <= lo <= dt.date(2022, 1, 2)  # a small margin before the first event
    assert dt.date(2022, 1, 12) <= hi <= dt.date(2022, 1, 20)  # and room for the labels after the last
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "Tokayev asked for help" in texts and not any("\u2026" in t for t in texts)


def test_a_label_that_does_not_fit_is_left_out_whole():
    ev = pd.DataFrame({"date_start": ["2022-01-05"], "label": ["The president dismissed the government"],
                       "granularity": "day", "doc_id": "a", "actor": "x"})
    fig = timeline(ev, label_chars=12)
    assert [t.get_text() for t in fig.axes[0].texts] == []
    assert "1 whose label would not fit" in fig.axes[0].get_title()


# --- 4. the headline close-up ----------------------------------------------------------------------------------

def _run(tmp_path: Path, stances: list[str] | None) -> Path:
    tables = tmp_path / "tables"
    tables.mkdir(parents=True)
    ids = [f"us{i}" for i in range(12)] + [f"kz{i}" for i in range(10)]
    published = [f"2016-01-{i + 1:02d}" for i in range(12)] + [f"2022-01-{i + 3:02d}" for i in range(10)]
    pd.DataFrame({"doc_id": ids, "published": published}).to_csv(tables / "documents.csv", index=False)
    if stances is not None:
        pd.DataFrame({"doc_id": stances}).to_csv(tables / "stances.csv", index=False)
    pd.DataFrame({"date_start": ["2016-01-04"] * 5 + ["2022-01-05"]}).to_csv(tables / "events.csv", index=False)
    return tmp_path


def test_the_headline_close_up_is_the_study_period_else_the_one_with_most_events(tmp_path):
    figures = ["06_coverage.png", "06_timeline_close_up.png", "06_timeline_close_up_2.png"]
    # the 2016 period is the larger (12 documents): the first close-up; the stances are of the 2022 documents
    assert _headlines("06_timeline.ipynb", figures, _run(tmp_path / "a", ["kz1", "kz2", "us3"])) == [
        "06_timeline_close_up_2.png", "06_coverage.png"]
    # no stance rows: the period with most dated events (2016: five of six)
    assert _headlines("06_timeline.ipynb", figures, _run(tmp_path / "b", [])) == [
        "06_timeline_close_up.png", "06_coverage.png"]
    assert _headlines("06_timeline.ipynb", figures) == ["06_timeline_close_up.png", "06_coverage.png"]


def test_close_up_periods_are_the_notebooks_and_headline_period_counts_stances():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "published": ["1999-05-01", "2022-01-05", "2022-01-06"]})
    periods = close_up_periods(docs, min_documents=1)
    assert periods["end"].tolist() == ["2022-01-06", "1999-05-01"]  # the largest first
    assert headline_period(periods, docs, stances=pd.DataFrame({"doc_id": ["a"]})) == 1


# --- 5. stance over time: distinct hues, no overlapping n= labels ------------------------------------------------

def test_stance_over_time_colours_are_distinct_and_n_labels_do_not_overlap():
    targets = ["China", "CSTO intervention", "Kazakh government", "Russia", "United States", "protesters"]
    table = pd.DataFrame({"published": ["2022-01-08"] * 6 + ["2022-01-09"] * 6, "target": targets * 2,
                          "mean_score": [-0.50, -0.52, -0.48, -0.51, -0.49, -0.53] * 2, "n": [4, 3, 5, 2, 6, 7] * 2})
    fig = stance_over_time(table)
    ax = fig.axes[0]
    colours = {matplotlib.colors.to_hex(c) for c in [line.get_color() for line in ax.get_lines()[1:]]}
    assert len(colours) == len(targets)
    rgb = [matplotlib.colors.to_rgb(c) for c in colours]
    assert min(sum((a - b) ** 2 for a, b in zip(p, q)) ** 0.5 for i, p in enumerate(rgb) for q in rgb[i + 1:]) > 0.25
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(r) for t in ax.texts]
    assert boxes and not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    drawn = len(ax.texts)
    assert drawn == 12 or f"{12 - drawn} n= label" in ax.get_title()


def test_a_mention_with_no_date_gets_no_label():
    # the document has no publication date: "last Tuesday" cannot be dated, "on 5 January 2022" can
    texts = ["The mayor closed the bridge last Tuesday.", "The governor closed the port on 5 January 2022."]
    sentences = pd.DataFrame({"doc_id": "d1", "para_id": 0, "sentence_id": [0, 1], "text": texts})
    events = build_events(sentences=sentences, documents=pd.DataFrame({"doc_id": ["d1"], "published": [""]}))
    by_sentence = dict(zip(events["sentence_id"], zip(events["date"], events["label"])))
    assert by_sentence[0] == ("", "")
    assert by_sentence[1][0] == "2022-01-05" and by_sentence[1][1].startswith("The governor closed")
