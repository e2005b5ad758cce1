"""Shared helpers of the plot modules: a figure in the house style, and a date axis for years 1-9999."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

_ISO = re.compile(r"^\s*(\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")

#: Ranges longer than this (in years) are drawn on decimal years, shorter ones on calendar dates.
CENTURIES = 300


def figure(*args: Any, **kwargs: Any):
    """``plt.subplots`` in the house style.

    Example:
        >>> fig, ax = figure()
    """
    import matplotlib.pyplot as plt

    from kzlib.plots import use_style

    use_style()
    return plt.subplots(*args, **kwargs)


def as_date(value: Any) -> dt.date | None:
    """A ``datetime.date`` from an ISO string (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``; years 1-9999), a
    date, or a pandas Timestamp; None for an empty or unreadable value. A month or year is its first day.

    Example:
        >>> as_date("0988-07"), as_date("2022-01-05"), as_date(""), as_date(dt.date(9999, 12, 31))
        (datetime.date(988, 7, 1), datetime.date(2022, 1, 5), None, datetime.date(9999, 12, 31))
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    m = _ISO.match(str(value))
    if not m or int(m.group(1)) < 1:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def decimal_year(d: dt.date) -> float:
    """The year with its elapsed fraction.

    Example:
        >>> round(decimal_year(dt.date(2022, 7, 2)), 2)
        2022.5
    """
    start = dt.date(d.year, 1, 1)
    days = (dt.date(d.year + 1, 1, 1) - start).days if d.year < 9999 else 365
    return d.year + (d - start).days / days


def date_positions(values: Iterable[Any]) -> tuple[list[float | None], str]:
    """Positions on a date axis for dates of years 1-9999, and the axis kind: matplotlib date numbers
    (``"dates"``) for a range within ``CENTURIES`` years, else decimal years (``"years"``). No pandas
    nanosecond timestamps, whose range ends in 2262.

    Example:
        >>> date_positions(["0988-01-01", "2022-01-05"])[1], date_positions(["2022-01-05", "2022-01-06"])[1]
        ('years', 'dates')
    """
    import matplotlib.dates as mdates

    dates = [as_date(v) for v in values]
    known = [d for d in dates if d is not None]
    if known and (max(known).year - min(known).year) > CENTURIES:
        return [None if d is None else decimal_year(d) for d in dates], "years"
    return [None if d is None else float(mdates.date2num(d)) for d in dates], "dates"


def format_date_axis(ax: Any, kind: str, *, axis: str = "x") -> None:
    """Ticks and labels of a date axis made by :func:`date_positions`.

    Example:
        >>> fig, ax = figure()
        >>> format_date_axis(ax, "years")
    """
    import matplotlib.dates as mdates
    from matplotlib.ticker import MaxNLocator

    target = ax.xaxis if axis == "x" else ax.yaxis
    if kind == "dates":
        locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
        target.set_major_locator(locator)
        target.set_major_formatter(mdates.ConciseDateFormatter(locator))
    else:
        target.set_major_locator(MaxNLocator(nbins=8, integer=True))


def span_days(kind: str) -> float:
    """Days per axis unit: 1 for matplotlib dates, 365.25 for decimal years.

    Example:
        >>> span_days("years")
        365.25
    """
    return 1.0 if kind == "dates" else 365.25


def short_labels(ids: Iterable[Any], *, max_chars: int = 24, min_chars: int = 12) -> list[str]:
    """Tick labels for long ids that stay told apart: each id cut from the left to the shortest end (at least
    ``min_chars``, at most ``max_chars`` characters, "…" marking the cut) that no other id shares, as the
    distinctive part of a path or slug is its end ("en/en_014", "…trump-s-leaked-taxes"); where no such end
    is short enough, the labels are numbered ("12 …leaked-taxes").

    Example:
        >>> short_labels(["en/en_014", "polnear/breitbart_2016-10-03_the-latest-trump",
        ...               "polnear/nyt_2016-10-03_the-latest-clinton"])
        ['en/en_014', '…atest-trump', '…est-clinton']
        >>> short_labels(["first/story_1", "second/story_1"], max_chars=8, min_chars=4)
        ['1 …story_1', '2 …story_1']
        >>> short_labels(["000_d7fcb602a5d755b1", "001_91c0e2"])  # ids that fit stay whole
        ['000_d7fcb602a5d755b1', '001_91c0e2']
    """
    names = [str(i) for i in ids]
    if all(len(n) <= max_chars for n in names):
        return names  # every id fits whole: an id cut would no longer match the tables

    def cut(name: str, k: int) -> str:
        return name if len(name) <= k else "…" + name[-(k - 1):]

    for k in range(min_chars, max(max_chars, min_chars) + 1):
        labels = [cut(n, k) for n in names]
        if len(set(labels)) == len(labels):
            return labels
    return [f"{i} {cut(n, max(max_chars, 2))}" for i, n in enumerate(names, start=1)]
