"""Every kzlib plot, in one house style, and notebook display settings.

Each plot function takes the study's tables (data first, options keyword-only) and returns a matplotlib
``Figure`` with a title and labelled axes; notebooks show it and save it with ``kzlib.save_figure``.
The functions are grouped by the notebook they serve: :mod:`kzlib.plots.corpus` (01, 02),
:mod:`kzlib.plots.voices` (03, 04), :mod:`kzlib.plots.topics` (05), :mod:`kzlib.plots.timeline` (06).
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["use_style", "setup_notebook", "evidence_table", "show", "PALETTE"]

#: Colours by affiliation/side, so that Russia is the same colour in every plot.
PALETTE = {
    "Russia": "#c0392b", "United States": "#2c6fbb", "China": "#e6a100", "Kazakhstan": "#1a9e8f",
    "CSTO": "#8e44ad", "NATO": "#34495e", "EU": "#3b5ba5", "independent": "#7f8c8d", "other": "#95a5a6",
}


def use_style() -> None:
    """Apply the house style: readable fonts, light grid, deterministic SVG output.

    Example:
        >>> use_style()
    """
    import matplotlib as mpl
    import seaborn as sns

    sns.set_theme(context="notebook", style="whitegrid", palette="colorblind")
    mpl.rcParams.update({
        "figure.figsize": (9, 4.8), "figure.dpi": 100, "axes.titlesize": 13, "axes.titleweight": "bold",
        "axes.labelsize": 11, "xtick.labelsize": 10, "ytick.labelsize": 10, "legend.fontsize": 9,
        "svg.hashsalt": "kzlib", "savefig.bbox": "tight", "axes.spines.top": False, "axes.spines.right": False,
    })


def setup_notebook(level: int = logging.WARNING, *, interactive: bool = True) -> None:
    """House style, pandas display options, and kzlib's log messages shown in the notebook (stderr).

    With ``interactive``, itables is set up offline (its JavaScript is embedded in the notebook, nothing
    is loaded from a CDN), so that :func:`evidence_table` can show searchable, filterable tables.

    Example:
        >>> setup_notebook(interactive=False)
    """
    import pandas as pd

    use_style()
    pd.set_option("display.max_colwidth", 160)
    pd.set_option("display.width", 160)
    pd.set_option("display.html.use_mathjax", False)  # "$" in article text is money, not maths
    logger = logging.getLogger("kzlib")
    logger.setLevel(level)
    if not any(getattr(h, "_kzlib", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handler._kzlib = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    if interactive:
        from itables import init_notebook_mode

        init_notebook_mode(all_interactive=False, connected=False)


def show(fig: Any = None) -> None:
    """Show the figures drawn so far in a notebook (``plt.show``, which also closes them); ``fig``, the figure
    just drawn, names what the cell shows and is among them (it is not shown twice).

    Example:
        >>> show()
    """
    import matplotlib.pyplot as plt

    plt.show()


#: Rows an evidence table embeds in a page at most: its rows are written into the HTML as JSON, so a
#: corpus of 1,000 documents made 6 MB pages of 18,000 quotes; the saved table (``tables/``) has every row.
EVIDENCE_MAX_ROWS = 2_000


def evidence_table(df: pd.DataFrame, *, max_chars: int = 400, page_length: int = 10,
                   max_rows: int | None = EVIDENCE_MAX_ROWS) -> Any:
    """A long evidence table as a searchable, sortable, filterable table (itables, offline), so a reader can
    find each quote behind a number. Text is escaped (``allow_html`` off) and cut to ``max_chars``; at most
    ``max_rows`` rows are embedded (the first, in the table's order; None: every row), with a line saying how
    many more the saved table has, which keeps every row and the whole text.

    Example (in a notebook, which runs the table's JavaScript; skipped as a doctest):
        >>> import pandas as pd
        >>> evidence_table(pd.DataFrame({"quote": ["<b>x</b>"]}))  # doctest: +SKIP
    """
    from IPython.display import HTML, display
    from itables import show

    cut = max_rows is not None and len(df) > max_rows
    view = (df.head(max_rows) if cut else df).copy()
    for col in view.columns:
        if view[col].dtype == object:
            view[col] = view[col].map(lambda v: v if not isinstance(v, str) or len(v) <= max_chars
                                      else v[: max_chars - 1] + "…")
    if cut:
        display(HTML(f"<p><em>The first {max_rows:,} of {len(df):,} rows, in the table's order; every row is in "
                     f"the saved table (the run's <code>tables/</code> folder).</em></p>"))
    show(view, allow_html=False, pageLength=page_length, column_filters="footer", classes="display compact",
         showIndex=False, maxBytes=0)


from kzlib.plots import corpus, timeline, topics, voices  # noqa: E402  (the plot functions, by notebook)

__all__ += ["corpus", "voices", "topics", "timeline"]
