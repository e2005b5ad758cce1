"""Pages that stay readable as the corpus grows: evidence tables embed a capped number of rows, and the
run's index shows each notebook's chosen figures (twenty-second session)."""

import pandas as pd

from kzlib import plots
from kzlib.pipeline import output


def test_an_evidence_table_embeds_at_most_max_rows_and_says_how_many_are_left(monkeypatch):
    shown, notes = [], []
    monkeypatch.setattr("itables.show", lambda df, **kw: shown.append(df))
    monkeypatch.setattr("IPython.display.display", lambda obj: notes.append(obj.data))
    quotes = pd.DataFrame({"quote": [f"words {i}" for i in range(25)]})
    plots.evidence_table(quotes, max_rows=10)
    assert shown[0]["quote"].tolist() == [f"words {i}" for i in range(10)]
    assert "The first 10 of 25 rows" in notes[0]


def test_a_short_evidence_table_is_shown_whole_without_a_note(monkeypatch):
    shown, notes = [], []
    monkeypatch.setattr("itables.show", lambda df, **kw: shown.append(df))
    monkeypatch.setattr("IPython.display.display", lambda obj: notes.append(obj.data))
    plots.evidence_table(pd.DataFrame({"quote": ["a", "b"]}), max_rows=10)
    assert len(shown[0]) == 2 and notes == []


def test_the_index_shows_a_notebooks_named_figures_before_its_alphabetical_first(tmp_path):
    r = output.StageResult("06_timeline.ipynb", "ok", 1.0, {}, ["06_coverage.png", "06_stance_over_time.png",
                                                                   "06_timeline_background.png",
                                                                   "06_timeline_close_up.png"], "")
    manifest = {"status": "ok", "started": "s", "finished": "f", "corpus": "c", "metadata": "", "parameters": {},
                "corpus_fingerprint": "x", "tables": {}}
    (tmp_path / "html").mkdir()
    page = output._write_index(tmp_path, manifest, [r]).read_text(encoding="utf-8")
    shown = page[page.index("Headline figures"):]
    assert shown.index("06_timeline_close_up.png") < shown.index("06_coverage.png")
    assert "06_stance_over_time.png" not in shown and "06_timeline_background.png" not in shown
