"""Saving results: tidy tables (CSV, and Parquet beside it when large) and figures (PNG and SVG), deterministically.

Notebooks call these with the ``run_dir`` parameter that ``kz run`` passes; with ``run_dir=""`` (an
interactive session) nothing is written.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pandas as pd

from kzlib._parquet import write_parquet

__all__ = ["save_table", "save_figure", "show_table", "escape_formulas", "PARQUET_ROWS", "FORMULA_STARTS"]

log = logging.getLogger(__name__)

PARQUET_ROWS = 200_000  #: tables longer than this are written as Parquet as well as CSV


def _target(run_dir: str | Path | None, sub: str) -> Path | None:
    if run_dir is None or str(run_dir) == "":
        return None
    folder = Path(run_dir) / sub
    folder.mkdir(parents=True, exist_ok=True)
    return folder


#: First characters a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell that starts like a spreadsheet formula (:data:`FORMULA_STARTS`) prefixed
    with a single quote, so that a spreadsheet opening the CSV shows it as text instead of running it
    (CSV formula injection: corpus text is untrusted web content). Numbers are left alone.

    Example:
        >>> escape_formulas(pd.DataFrame({"text": ["=1+2", "plain"], "n": [-1, 2]}))["text"].tolist()
        ["'=1+2", 'plain']
    """
    out = df
    for col in df.columns:
        if df[col].dtype != object:
            continue
        values = df[col]
        try:
            first = values.str[:1]                      # non-text cells give NaN: never risky
        except AttributeError:                          # no text at all in the column (numbers, None, empty)
            continue
        risky = first.isin(FORMULA_STARTS)
        if risky.any():
            if out is df:
                out = df.copy()
            out[col] = values.where(~risky, "'" + values[risky].astype(str))
    return out


def save_table(df: pd.DataFrame, name: str, *, run_dir: str | Path | None) -> Path | None:
    """Write ``df`` to ``<run_dir>/tables/<name>.csv`` (and ``.parquet`` when large); byte-stable.

    In the CSV, a text cell starting with ``= + - @``, a tab or a carriage return gets a leading ``'``
    (:func:`escape_formulas`), so that no spreadsheet runs it as a formula; the Parquet file keeps the
    text unchanged (read it, or strip that one quote, to get the exact text).

    Example:
        >>> save_table(pd.DataFrame({"a": [1]}), "example", run_dir="")  # nothing written without a run_dir
    """
    folder = _target(run_dir, "tables")
    if folder is None:
        return None
    path = folder / f"{name}.csv"
    escape_formulas(df).to_csv(path, index=False, lineterminator="\n", float_format="%.6g")
    if len(df) > PARQUET_ROWS:
        write_parquet(df, folder / f"{name}.parquet")
    log.info("Saved table %s (%d rows) to %s", name, len(df), path)
    return path


def save_figure(fig, name: str, *, run_dir: str | Path | None) -> Path | None:
    """Write a matplotlib figure to ``<run_dir>/figures/<name>.png`` and ``.svg`` (no timestamps).

    Example:
        >>> import matplotlib.pyplot as plt
        >>> fig, ax = plt.subplots()
        >>> save_figure(fig, "example", run_dir="")  # nothing written without a run_dir
    """
    folder = _target(run_dir, "figures")
    if folder is None:
        return None
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": "kzlib"}):
        fig.savefig(folder / f"{name}.png", dpi=150, bbox_inches="tight", metadata={"Software": None})
        fig.savefig(folder / f"{name}.svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    log.info("Saved figure %s to %s", name, folder)
    return folder / f"{name}.png"


def show_table(df: pd.DataFrame, *, max_rows: int = 30, max_chars: int = 160) -> Any:
    """A table for display in a notebook: long text cut to ``max_chars``, at most ``max_rows`` rows.

    Corpus text is untrusted web content: the result is rendered by pandas with HTML escaping, so no
    markup from an article reaches the reader's browser.

    Example:
        >>> html = show_table(pd.DataFrame({"text": ["<script>alert(1)</script>"]})).data
        >>> "<script>" in html, "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        (False, True)
    """
    from IPython.display import HTML

    view = df.head(max_rows).copy()
    for col in view.columns:
        if view[col].dtype == object:
            view[col] = view[col].map(lambda v: v if not isinstance(v, str) or len(v) <= max_chars
                                      else v[: max_chars - 1] + "…")
    html = view.to_html(index=False, escape=True, border=0, classes="kz-table", na_rep="")
    more = (f"<p><em>{len(df) - max_rows:,} more rows not shown (a run by kz run saves the whole table in its "
            f"tables/ folder).</em></p>" if len(df) > max_rows else "")
    return HTML(html + more)
