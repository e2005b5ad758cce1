"""A quarter whose end date the text states ("the quarter ended Sept. 30", "its fiscal fourth quarter ended June
30", "the second quarter ending Oct. 31, 1989"): the date it ended and the three months it covers (part of the
private TimeML tagger of :mod:`kzlib.timeline`, used by :mod:`kzlib.timeline._timex_values` for the value and by
:mod:`kzlib.timeline.mentions` for the timeline's date).

A fiscal quarter keeps its number in TimeML (TimeBank: "its fourth quarter ended June 30" is ``1989-Q4``) but
covers the three months to its end date (April-June 1989), and that is where a timeline puts it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from kzlib.timeline._timex import _vocab

# the end date right after the quarter: a month and day (and year), or "yesterday" / "today"
_STATED_END = re.compile(r"\s*,?\s+(?:which\s+)?(?:ended|ending|ends|that\s+ended)\s+(?:on\s+)?"
                         r"(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>[0-3]?\d)\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
                         r"|(?P<deictic>yesterday|today)\b)")


def stated_end(text: str, end: int, dct: dt.date | None, *, future: bool = False) -> dt.date | None:
    """The end date stated right after a quarter expression that ends at ``end`` in ``text``, or None.

    Without a year the date is the latest one on or before the document date ``dct`` (the next one on or after
    it when ``future``: "the quarter ending Dec. 31" in a future sentence); without ``dct`` only a date with its
    year is read.

    Example:
        >>> t = "Profit in its fourth quarter ended June 30 rose."
        >>> stated_end(t, t.index(" ended"), dt.date(1989, 10, 26))
        datetime.date(1989, 6, 30)
    """
    m = _STATED_END.match(text, end)
    if m is None:
        return None
    if m.group("deictic"):
        if dct is None:
            return None
        return dct - dt.timedelta(days=1 if m.group("deictic") == "yesterday" else 0)
    month = _vocab().month_of.get(m.group("month").lower())  # (the names of ``data/temporal.yaml``: no "Mayor")
    if month is None:
        return None
    day = int(m.group("day"))
    if m.group("year"):
        with contextlib.suppress(ValueError):
            return dt.date(int(m.group("year")), month, day)
        return None
    if dct is None:
        return None
    dates = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        with contextlib.suppress(ValueError):
            dates.append(dt.date(y, month, day))
    if future:
        ahead = [d for d in dates if d >= dct]
        return min(ahead) if ahead else None
    before = [d for d in dates if d <= dct]
    return max(before) if before else None


def months_to(end: dt.date) -> dt.date:
    """The first day of the three calendar months a quarter ending on ``end`` covers: those up to the end's
    month, or up to the month before when it ends in the month's first half (a 13-week quarter "ended Oct. 1"
    covers July-September).

    Example:
        >>> months_to(dt.date(1989, 6, 30)), months_to(dt.date(1989, 10, 1))
        (datetime.date(1989, 4, 1), datetime.date(1989, 7, 1))
    """
    last = end.replace(day=1) - relativedelta(months=0 if end.day >= 15 else 1)
    return last - relativedelta(months=2)


def calendar_quarter(end: dt.date) -> tuple[int, int]:
    """The calendar quarter (year, number) that holds most of the three months to ``end``: its middle month's.

    Example:
        >>> calendar_quarter(dt.date(1989, 9, 29)), calendar_quarter(dt.date(1989, 7, 31))
        ((1989, 3), (1989, 2))
    """
    middle = months_to(end) + relativedelta(months=1)
    return middle.year, (middle.month - 1) // 3 + 1
