"""Saved tables: spreadsheet formula injection is defused in the CSV, the Parquet keeps the exact text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzlib.report import PARQUET_ROWS, save_table


def test_cells_starting_like_a_formula_are_escaped_in_the_csv(tmp_path: Path):
    df = pd.DataFrame({"text": ['=HYPERLINK("http://evil.example","click")', "+7 777 123", "-2+3",
                                "@SUM(A1)", "\tTabbed", "A plain sentence - with a dash.", ""],
                       "n": [-1, 2, 3, 4, 5, 6, 7]})
    path = save_table(df, "t", run_dir=tmp_path)
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert back["text"].tolist() == ["'=HYPERLINK(\"http://evil.example\",\"click\")", "'+7 777 123", "'-2+3",
                                     "'@SUM(A1)", "'\tTabbed", "A plain sentence - with a dash.", ""]
    assert back["n"].tolist() == ["-1", "2", "3", "4", "5", "6", "7"]       # numbers are left alone
    assert df["text"].iloc[0].startswith("=")                             # the caller's frame is unchanged


def test_columns_without_text_are_saved_as_they_are(tmp_path: Path):
    """Object columns of numbers, None or nothing (a notebook's empty or mixed table) are no text to escape."""
    df = pd.DataFrame({"a": pd.Series([None, None], dtype=object), "b": pd.Series([1, -2], dtype=object),
                       "c": pd.Series([True, False], dtype=object), "d": ["=x", 3]})
    back = pd.read_csv(save_table(df, "t", run_dir=tmp_path), dtype=str, keep_default_na=False)
    assert back.values.tolist() == [["", "1", "True", "'=x"], ["", "-2", "False", "3"]]
    assert save_table(pd.DataFrame({"x": pd.Series([], dtype=object)}), "empty", run_dir=tmp_path).exists()


def test_parquet_keeps_the_text_unchanged(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("kzlib.report.PARQUET_ROWS", 1)
    df = pd.DataFrame({"text": ["=1+1", "plain"]})
    save_table(df, "t", run_dir=tmp_path)
    assert pd.read_parquet(tmp_path / "tables" / "t.parquet")["text"].tolist() == ["=1+1", "plain"]
    assert PARQUET_ROWS == 200_000
