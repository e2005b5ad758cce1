"""The reference time of the TimeML tagger (part of the private TimeML tagger of :mod:`kzlib.timeline`, used by
:mod:`kzlib.timeline._timex_values`): what a text named last, for its anaphoric expressions."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from kzlib.timeline._timex import _DAY_VALUE, _MONTH_VALUE, _PART_YEAR, Timex, _Match


@dataclass
class _Reference:
    """The reference time of a text's anaphoric expressions: the dates it named last, updated after each
    expression in reading order (Strötgen and Gertz's reference time; HeidelTime's narrative mode keeps one).

    Deictic expressions ("yesterday", "last week", "Friday", "a year ago") count from the document creation
    time, as news writes them; anaphoric ones count from what the text just named: "the following year"
    from the last year named, "the following month", "that month", "the same month" from the last month,
    "that week", "the following week" and "the previous week" from the week of the last day, "that summer"
    from the last year, month or day, "the next day", "that day", "that evening", "the previous Friday",
    "in the morning" and a bare clock time from the last day named: all within ``FAR`` characters (a few
    paragraphs; the last two within ``NEAR``, a few sentences); beyond, the DCT or unknown parts. "Over the
    previous month" is a length back from the DCT, no anaphor. Where a document comes as several texts (the
    sentences :func:`kzlib.timeline.build_events` reads), the reference runs through them in order
    (:meth:`advance`). Quarters named in a financial report set the frame of later "a year ago" and "the
    latest period" (:func:`_frame_quarter`).

    Example:
        >>> from kzlib.timeline._timex_values import tag
        >>> [(t.text, t.value) for t in tag("Stocks fell Thursday, Oct. 26, from the previous Friday.",
        ...                                 dt.date(1989, 10, 30))]
        [('Thursday, Oct. 26', '1989-10-26'), ('the previous Friday', '1989-10-20')]
    """

    NEAR: ClassVar[int] = 200  # characters: a day named this close before frames a bare time or part of day
    FAR: ClassVar[int] = 1000  # characters: what was named further back frames no anaphor (TBAQ: the same from 600 up)
    day: dt.date | None = None  # the last day named (not one counted from another: "the next day")
    day_pos: int = -10**9  # where it ended
    month: dt.date | None = None  # the month of the last month or day named (its first day)
    month_pos: int = -10**9
    year: int | None = None  # the last year named in full ("1995", "May 22, 1995", "June 1998")
    year_end: int = -10**9
    quarter: tuple[int, int] | None = None  # the last past quarter named, (year, n)
    quarter_pos: int = -10**9
    year_pos: int = -1  # where a longer period than a quarter ("the nine months") was named last

    def note(self, t: Timex, c: _Match) -> None:
        """Take what the expression ``t`` (matched as ``c``) names as the new reference."""
        if t.type in ("DATE", "TIME") and _DAY_VALUE.match(t.value) and c.rule != "refday" and not (
                c.rule == "deictic" and (c.g.get("deictic") or "").lower() == "overnight"):  # a night counted from a day
            with contextlib.suppress(ValueError):  # an impossible day as written ("February 30, 2022")
                self.day, self.day_pos = dt.date.fromisoformat(t.value[:10]), c.end
        if t.type == "DATE" and _MONTH_VALUE.fullmatch(t.value):
            self.month, self.month_pos = dt.date(int(t.value[:4]), int(t.value[5:7]), 1), c.end
        if t.type == "DATE" and c.rule in ("year", "full", "month_year") and t.value[:4].isdigit():
            self.year, self.year_end = int(t.value[:4]), c.end
        if t.type == "DURATION" and _PART_YEAR.fullmatch(t.value):  # "the nine months": a year frame
            self.year_pos = c.start

    def advance(self, n: int) -> None:
        """Move on by ``n`` characters (to the next text of the same document): positions count from its start."""
        self.day_pos -= n
        self.month_pos -= n
        self.year_end -= n
        self.quarter_pos -= n
        self.year_pos -= n

    def year_named(self, pos: int) -> int | None:
        """The year of the last year, month or day named ("In 2019 ... that summer", "In June 1998 ... that
        winter"), within ``FAR`` characters before ``pos``."""
        if self.month is not None and self.month_pos >= self.year_end:
            return self.month.year if pos - self.month_pos < self.FAR else None
        return self.year if pos - self.year_end < self.FAR else None

    def day_at(self, pos: int) -> dt.date | None:
        """The last day named within ``FAR`` characters before ``pos``."""
        return self.day if pos - self.day_pos < self.FAR else None

    def month_at(self, pos: int) -> dt.date | None:
        """The month of the last month or day named within ``FAR`` characters before ``pos``."""
        return self.month if pos - self.month_pos < self.FAR else None

    def year_at(self, pos: int) -> int | None:
        """The last year named in full within ``FAR`` characters before ``pos``."""
        return self.year if pos - self.year_end < self.FAR else None

    def near_day(self, pos: int) -> dt.date | None:
        """The last day named, when it ended less than ``NEAR`` characters before ``pos``."""
        return self.day if pos - self.day_pos < self.NEAR else None


def _frame_quarter(state: _Reference, pos: int) -> tuple[int, int] | None:
    """The quarter a report's "a year ago" compares with: the last one named within 3,000 characters,
    unless a longer period ("the nine months") was named since."""
    q = state.quarter
    if q is None or pos - state.quarter_pos >= 3000 or state.year_pos > state.quarter_pos:
        return None
    return q
