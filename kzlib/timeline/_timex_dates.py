"""Date arithmetic of the TimeML tagger's values (part of the private TimeML tagger of :mod:`kzlib.timeline`, used
by :mod:`kzlib.timeline._timex_values`): ISO weeks and days, durations, shifted and yearless dates, seasons."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from kzlib.timeline._timex import _SPACES, _V


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _ymd(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _num(raw: str | None, v: _V) -> float | None:
    """The number a quantity word stands for; None for a vague quantity ("several")."""
    if raw is None:
        return 1.0
    r = _SPACES.sub(" ", raw.strip().lower())
    if r in v.vague:
        return None
    if r.endswith(" 1/2"):
        return float(r[:-4]) + 0.5
    try:
        return float(r)
    except ValueError:
        return v.number_of.get(r.replace("-", " "), v.number_of.get(r))


def _dur(n: float | None, unit_word: str, v: _V) -> str:
    u = unit_word.lower().rstrip()
    u = _SPACES.sub(" ", u)
    if u == "centuries":
        u = "century"
    if u.endswith("s") and u[:-1] in v.unit_of:
        u = u[:-1]
    letter, mult, is_time = v.unit_of.get(u, ("D", 1.0, False))
    t = "T" if is_time else ""
    if n is None:
        if mult == 10:
            return "PXY"
        if mult == 100:
            return "PXCE"
        return f"P{t}X{letter}"
    n = n * mult
    if n != int(n):  # 1.5 hours -> PT1H30M, half a day -> PT12H
        if letter == "H":
            return f"PT{int(n)}H{int(round((n - int(n)) * 60))}M"
        if letter == "Y" and n * 12 == int(n * 12):  # "2 1/2 years": P2Y6M, "half a year": P6M
            return f"P{int(n)}Y{int(round((n - int(n)) * 12))}M" if n > 1 else f"P{int(n * 12)}M"
        if letter == "D":
            return f"PT{int(n * 24)}H"
        return f"P{t}{n:g}{letter}"
    return f"P{t}{int(n)}{letter}"


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit in ("month", "quarter"):
        m = d.month - 1 + n * (3 if unit == "quarter" else 1)
        y = d.year + m // 12
        y = min(max(y, 1), 9999)
        return dt.date(y, m % 12 + 1, 1)
    if unit == "year":
        y = min(max(d.year + n, 1), 9999)
        return dt.date(y, d.month, 1)
    return d


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _unit_base(word: str) -> str:
    w = _SPACES.sub(" ", word.lower())
    for u in ("calendar year", "fiscal year"):
        if w == u:
            return "year"
    w = w.removesuffix("s")
    return w


# a yearless date at most this many days after the DCT, in a sentence not in the past tense, is that one
_SCHEDULED_DAYS = 60
# a yearless date at most this many days before the DCT, in a future sentence, is a future seen from the past
_JUST_PAST_DAYS = 7

def _season_now(d: dt.date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # a season's first month; a winter is named by its December's year


def _season_year(code: str, dct: dt.date, rel: str, tense: str) -> int:
    """The year of a season named without one (``YYYY-WI`` is the winter that begins in December of ``YYYY``).

    "last" and "this past" are the most recent before the current season ("last winter" in November 2015 or
    January 2016 is the winter of 2014-15), "next" the first to begin after it; "this" is the one of the
    publication's year (the current winter in January). Without these, a season is the coming or current one
    in a future sentence, the current or most recent one in a past sentence ("changed over the summer" in a
    February article is the summer before; "working the state since the spring" too), else as "this".

    Example:
        >>> _season_year("SU", dt.date(2016, 2, 5), "the", "past"), _season_year("WI", dt.date(2015, 11, 29), "last", "")
        (2015, 2014)
    """
    def start(y: int) -> int:  # months since year 0 of the season's first month
        return y * 12 + _SEASON_START[code]
    now = (dct.year - (1 if dct.month < 3 else 0)) * 12 + _SEASON_START[_season_now(dct)]  # the current season's
    years = range(dct.year - 2, dct.year + 2)
    if rel in ("last", "this past", "the past"):
        return max(y for y in years if start(y) < now)
    if rel in ("next", "this coming", "the coming"):
        return min(y for y in years if start(y) > now)
    if rel != "this" and tense == "future":
        return min(y for y in years if start(y) >= now)
    if rel != "this" and tense == "past":
        return max(y for y in years if start(y) <= now)
    return dct.year - (1 if code == "WI" and dct.month < 3 else 0)


def _yearless(month: int, day: int | None, dct: dt.date, tense: str, rel: str = "") -> int:
    """The year of a month (and day) written without one."""
    def mk(y: int) -> dt.date | None:
        try:
            return dt.date(y, month, day or 1)
        except ValueError:
            return None
    ref = dct if day else dct.replace(day=1)
    cands = [(y, d) for y in (dct.year - 1, dct.year, dct.year + 1) if (d := mk(y)) is not None]
    if not cands:  # 29 February: the leap years around the DCT (one lies within four years either way)
        cands = [(y, d) for y in range(dct.year - 4, dct.year + 5) if (d := mk(y)) is not None]
    if not cands:
        return dct.year
    r = rel.lower()
    if r in ("last", "this past"):
        past = [y for y, d in cands if d < ref]
        return max(past) if past else dct.year
    if r in ("next", "this coming"):
        nxt = [y for y, d in cands if d > ref]
        return min(nxt) if nxt else dct.year
    if r == "this":
        return dct.year
    if tense == "future":
        # the next such date; but one a few days before the DCT is a future seen from the past ("they said they
        # would return him by Jan. 14", published Jan. 15), not the same date most of a year ahead
        just = [y for y, d in cands if 0 < (ref - d).days <= _JUST_PAST_DAYS]
        if just:
            return max(just)
        nxt = [y for y, d in cands if d >= ref]
        if nxt:
            return min(nxt)
    soon = [y for y, d in cands if 0 < (d - ref).days <= (_SCHEDULED_DAYS if tense != "past" else 30)]
    if soon:
        return min(soon)  # a date a few weeks ahead is a scheduled one ("expire Nov. 21", "payable Dec. 15")
    past = [y for y, d in cands if d <= ref]
    return max(past) if past else dct.year


def _year_of_weekday(value: str, wd: int) -> str:
    """``value`` (YYYY-MM-DD), moved a year either way where only that year's date falls on weekday ``wd``
    ("Friday, Oct. 13" in a January story: last October's Friday the 13th)."""
    y, mo, d = int(value[:4]), int(value[5:7]), int(value[8:10])
    fits = []
    for yy in (y, y - 1, y + 1):
        with contextlib.suppress(ValueError):
            if dt.date(yy, mo, d).weekday() == wd:
                fits.append(yy)
    return f"{fits[0]:04d}{value[4:]}" if fits and fits[0] != y else value


def _weekday(wd: int, dct: dt.date | None, tense: str, rel: str = "") -> dt.date | None:
    """The day a weekday name stands for, by its modifier and the tense of its sentence."""
    if dct is None:
        return None
    back = (dct.weekday() - wd) % 7
    ahead = (wd - dct.weekday()) % 7
    if rel in ("last", "this past"):
        return dct - dt.timedelta(days=back or 7)
    if rel in ("next", "this coming"):
        return dct + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return dct + dt.timedelta(days=ahead) if tense == "future" or ahead <= back else dct - dt.timedelta(days=back)
    if tense == "future":
        return dct + dt.timedelta(days=ahead)
    if tense == "near":  # a past report of what came ahead of the day: the nearer one either way
        return dct + dt.timedelta(days=ahead) if ahead < back else dct - dt.timedelta(days=back)
    return dct - dt.timedelta(days=back)


_POINT = [
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?"), "day"),
    (re.compile(r"(\d{4})-W(\d\d)-WE"), "weekend"),
    (re.compile(r"(\d{4})-W(\d\d)"), "week"),
    (re.compile(r"(\d{4})-(\d\d)"), "month"),
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{3})"), "decade"),
]


def value_to_point(value: str) -> tuple[str, str] | None:
    """The ISO date and granularity (the timeline's) a TIMEX3 DATE/TIME value stands for, or None (quarters,
    seasons, references, durations, values with unknown parts).

    Example:
        >>> value_to_point("1998-W12"), value_to_point("199"), value_to_point("P5Y")
        (('1998-03-16', 'week'), ('1990', 'decade'), None)
    """
    for pat, gran in _POINT:
        m = pat.fullmatch(value)
        if not m:
            continue
        try:
            if gran == "day":
                y, mo, d = map(int, m.groups())
                return dt.date(y, mo, d).isoformat(), "day"
            if gran in ("week", "weekend"):
                y, w = map(int, m.groups())
                monday = dt.date.fromisocalendar(y, w, 1)
                if gran == "weekend":
                    return (monday + dt.timedelta(days=5)).isoformat(), "weekend"
                return monday.isoformat(), "week"
            if gran == "month":
                y, mo = map(int, m.groups())
                if not (1 <= y and 1 <= mo <= 12):
                    return None
                return f"{y:04d}-{mo:02d}", "month"
            if gran == "year":
                y = int(m.group(1))
                return (f"{y:04d}", "year") if y >= 1 else None
            if gran == "decade":
                y = int(m.group(1)) * 10
                return (f"{y:04d}", "decade") if y >= 1 else None
        except ValueError:
            return None
    return None
