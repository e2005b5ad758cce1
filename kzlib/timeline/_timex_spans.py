"""Where a TIMEX3 starts and ends (TimeML's span conventions on a match of the tagger's rules), and the expressions
that borrow their unit from a neighbour: "April 24 and 25", "two to three weeks", "the second and fourth quarters".

Part of the private TimeML tagger of :mod:`kzlib.timeline` (split from ``_timex_values.py`` to keep each file under
700 lines); :func:`_trim` and :func:`_shared_unit` are called by :func:`kzlib.timeline._timex_values.tag`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re

from kzlib.text.calendar import month_names
from kzlib.timeline._timex import _DAY_VALUE, _SPACES, _V, Timex, _alt, _Match, _vocab
from kzlib.timeline._timex_dates import _dur, _num, _ymd

_FULL_MONTHS = frozenset(n.lower() for n in month_names(abbreviations=False))
_POSSESSIVE = re.compile(r"(?i:its|their|his|her|our|my|your)\s+(?=\S)")
_SPAN_DROPPED_AMODS = frozenset(["about", "only", "just", "around", "roughly", "approximately"])


def _trim(c: _Match, text: str, v: _V) -> tuple[int, int]:
    """TimeML's span conventions on a match: an adjectival duration ("a five-year plan") or quarter ("its
    third-quarter profit") without its determiner, a sentence's full stop after a month name left out ("earlier
    this week" keeps "earlier": TimeBank spans it whole, mod START)."""
    s, e = c.start, c.end
    m, g, rule = c.m, c.g, c.rule
    if m is None:
        return s, e
    if rule == "duration":
        unit = g["unit"].lower()
        num = (g.get("num") or "").lower()
        adjectival = not unit.endswith("s") and num not in ("a", "an", "one", "1", "") and not g.get("period")
        amod = _SPACES.sub(" ", (g.get("amod") or "").lower())
        if g.get("det") and (adjectival or (g.get("rel") or "").lower() in ("past", "last") and False):
            s = m.start("rel") if g.get("rel") else (m.start("amod") if g.get("amod") else m.start("num"))
        if g.get("rel") and g["rel"].lower() == "last" and not g.get("det") and g.get("amod"):
            s = m.start("amod")  # "to last over a week": the verb
        if amod == "over" and num in v.vague and s == m.start("amod"):
            s = m.start("num")  # "over several years": a preposition
        if amod in _SPAN_DROPPED_AMODS and s == m.start("amod"):
            s = m.start("num")
    elif rule == "quarter":
        if g.get("det") and "-" in text[m.end("qord"):m.start("qunit")] and not g.get("ago") and not g.get("year2"):
            s = min(x for x in (m.start("yrel") if g.get("yrel") else None, m.start("year") if g.get("year") else None,
                                m.start("qord")) if x is not None and x >= 0)
    elif rule == "ago":
        if (g.get("ago") or "").lower() in ("later", "before", "hence"):
            e = m.end("unit")
        amod = _SPACES.sub(" ", (g.get("amod") or "").lower())
        if amod in ("just", "only"):
            s = m.start("num") if g.get("num") else m.start("unit")
    if rule == "month" and g.get("yrel"):
        e = m.end("month")  # "February this year": the month, dated by the year after it
    pos = _POSSESSIVE.match(text, s, e)
    if pos:
        s = pos.end()  # "its fourth quarter": a possessive is no part of a TIMEX3 (TimeBank: 19 of 20 leave it out)
    if rule in ("month", "month_year", "month_day", "full") and text[e - 1:e] == "." and g.get("month"):
        last = g.get("month") if rule == "month" else None
        if last and last.rstrip(".").lower() in _FULL_MONTHS:
            e -= 1
    return s, e


_AND_DAY = re.compile(r"\s+(?:and|or)\s+([0-3]?\d)(?!\d)(?=\s*(?:[.,;:)]|$))")
# an ordinal before "and"/"or" that shares the quarter or half named after it: "the second and fourth quarters"
_ORDINAL_AND = re.compile(r"\b(?P<ord>(?i:first|second|third|1st|2nd|3rd))\s+(?:and|or)\s+$")
_PERIOD_VALUE = re.compile(r"(?P<head>.*-[QH])\d")
_EXACT_DURATION = re.compile(r"PT?\d+[A-Z]")


@functools.lru_cache(maxsize=1)
def _range_start() -> re.Pattern:
    """A number and "to" right before a duration ("two to three weeks", "12 to 18 months"; "and" after "between":
    "between two and six days"): the range's first end, a number without its unit."""
    words = [k for k in _vocab().number_of if k.replace("-", "").isalpha() and k not in ("a", "an", "hundred")]
    return re.compile(rf"(?<![\w$€£.,/-])(?P<between>(?i:between)\s+)?(?P<n>\d+(?:\.\d+)?|(?i:{_alt(words)}))\s+"
                      rf"(?P<link>to|and)\s+$")


def _shared_unit(c: _Match, t: Timex, text: str, v: _V, out: list[Timex]) -> None:
    """Add to ``out`` (which ends with ``t``, the expression of match ``c``) the neighbours of ``t`` written without
    their own unit or month, each a TIMEX3 of its own as TimeML tags the ends of a range or a list (TimeML 1.2.1
    guidelines: each end of a range is its own TIMEX3):

    - "on April 24 and 25": the second day, of the same month;
    - "within two to three weeks", "the next 12 to 18 months", "between two and six days": the first number, a
      duration in the second's unit (P2W, P12M, P2D);
    - "the second and fourth quarters": the first ordinal, a quarter (or half) of the same kind (XXXX-Q2).
    """
    if c.rule == "month_day" and (more := _AND_DAY.match(text, c.end)) and _DAY_VALUE.fullmatch(t.value):
        with contextlib.suppress(ValueError):
            d = dt.date.fromisoformat(t.value).replace(day=int(more.group(1)))
            out.append(Timex(more.start(1), more.end(1), more.group(1), "DATE", _ymd(d), "", c.rule))
    elif c.rule == "duration" and t.start == c.start and _EXACT_DURATION.fullmatch(t.value) and c.g.get("num") and not (
            c.g.get("det") or c.g.get("rel") or c.g.get("amod")):
        rng = _range_start().search(text, max(0, t.start - 40), t.start)
        if rng and (rng.group("link") == "to" or rng.group("between")) and (n := _num(rng.group("n"), v)) and not any(
                x.end > rng.start("n") for x in out[:-1]):
            value = _dur(n, c.g["unit"], v)
            out.insert(len(out) - 1, Timex(rng.start("n"), rng.end("n"), rng.group("n"), "DURATION", value, "", c.rule))
    elif c.rule == "quarter" and (head := _PERIOD_VALUE.fullmatch(t.value)) and (
            o := _ORDINAL_AND.search(text, max(0, t.start - 16), t.start)):
        nth = v.ordinal_of[o.group("ord").lower()]
        value = f"{head.group('head')}{nth}"
        out.insert(len(out) - 1, Timex(o.start("ord"), o.end("ord"), o.group("ord"), t.type, value, "", c.rule))
