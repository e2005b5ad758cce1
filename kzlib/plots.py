"""One house style for every kzlib plot, and notebook display settings."""

from __future__ import annotations

import logging
import sys

__all__ = ["use_style", "setup_notebook", "PALETTE"]

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


def setup_notebook(level: int = logging.WARNING) -> None:
    """House style, pandas display options, and kzlib's log messages shown in the notebook (stderr).

    Example:
        >>> setup_notebook()
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
