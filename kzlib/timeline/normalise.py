"""Resolving: each expression of the point recogniser to an ISO date and granularity against the publication
date, with the anchor's certainty, a confidence and a note."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import yaml
from dateutil.relativedelta import relativedelta

from kzlib.errors import ParameterError
from kzlib.text import longest_first
from kzlib.timeline._tense import _DEADLINE_CUE, _ahead_cue, _sentence, _tense, _weekday_tense
from kzlib.timeline.columns import _ANCHOR_FACTOR, _BASE_CONFIDENCE, _SPINNER_FACTOR, DATE_CERTAINTIES, GRANULARITIES
from kzlib.timeline.recognise import _DATA, _Cand, _norm, _Vocab, _vocab

log = logging.getLogger(__name__)

# --- resolving -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Anchor:
    date: dt.date | None
    basis: str  # exact / on-or-after / estimated / copy-date / unknown
    published: dt.date | None
    note: str


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _to_date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text or text.lower() in ("nan", "nat", "none"):
        return None
    if _ISO_DAY.fullmatch(text):  # the usual case, without pandas' parser (same date)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass  # not a calendar day: pandas says why
    try:
        ts = pd.Timestamp(text)
    except pd.errors.OutOfBoundsDatetime:  # a year pandas cannot hold (before 1677, after 2262)
        try:
            from dateutil import parser as _dateparser  # noqa: PLC0415
            return _dateparser.parse(text, default=dt.datetime(2000, 1, 1)).date()
        except (ValueError, OverflowError) as err:
            raise ParameterError(f"published={value!r} is not a date; give an ISO date such as '2022-01-07'") from err
    except (ValueError, TypeError) as err:
        raise ParameterError(f"published={value!r} is not a date; give an ISO date such as '2022-01-07' "
                             f"or leave it empty") from err
    if pd.isna(ts):
        return None
    return ts.date()


@functools.lru_cache(maxsize=16_384)  # a corpus dates its mentions to a few thousand periods (relativedelta is slow)
def _period(date: str, granularity: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period an ISO date of a granularity stands for."""
    if granularity in ("day",):
        d = dt.date.fromisoformat(date)
        return d, d
    if granularity == "weekend":
        d = dt.date.fromisoformat(date)
        return d, d + dt.timedelta(days=1)
    if granularity == "week":
        d = dt.date.fromisoformat(date)
        return d, d + dt.timedelta(days=6)
    if granularity == "month":
        y, m = map(int, date.split("-"))
        start = dt.date(y, m, 1)
        return start, start + relativedelta(months=1) - dt.timedelta(days=1)
    if granularity == "year":
        y = int(date)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if granularity == "decade":
        y = int(date)
        return dt.date(max(y, 1), 1, 1), dt.date(min(y + 9, 9999), 12, 31)
    if granularity in ("quarter", "season", "half"):  # the date is the period's first month
        y, m = map(int, date.split("-"))
        start = dt.date(y, m, 1)
        months = 6 if granularity == "half" else 3
        end = start + relativedelta(months=months) - dt.timedelta(days=1) if (y, m) < (9999, 13 - months) \
            else dt.date(9999, 12, 31)
        return start, end
    if granularity == "century":
        y = int(date)
        return dt.date(max(y, 1), 1, 1), dt.date(min(y + 99, 9999), 12, 31)
    raise ParameterError(f"unknown granularity {granularity!r}; use one of {GRANULARITIES}")


def _fmt(d: dt.date, granularity: str) -> str:
    if granularity in ("day", "weekend", "week"):
        return d.isoformat()
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


_SENTENCE_END = re.compile(r"[.?!;](?:\s|$|[\"”])")


def _is_future(text: str, start: int, end: int) -> bool:
    """A future marker in the same clause as the expression (a few words either side)."""
    lo = max(0, start - 80)
    left = text[lo:start]
    cut = max(left.rfind(". "), left.rfind("? "), left.rfind("! "), left.rfind("; "), left.rfind('."'))
    if cut >= 0:
        left = left[cut + 2:]
    right = text[end:end + 50]
    m = _SENTENCE_END.search(right)
    if m:
        right = right[:m.start()]
    v = _vocab()
    return bool(v.future.search(left) or v.future.search(right))


def _number(g: dict[str, Any], vocab: _Vocab) -> int | None:
    raw = g.get("num")
    if raw is None:
        return 1 if g.get("art") else None
    raw = _norm(raw)
    return int(raw) if raw.isdigit() else vocab.number_of.get(raw)


def _yearless(month: int, day: int | None, anchor: dt.date, *, future: bool, direction: int | None,
              window: int) -> tuple[dt.date, str]:
    """Put a month (and day) without a year in the right year relative to ``anchor``."""
    def candidate(year: int) -> dt.date | None:
        try:
            return dt.date(year, month, day or 1)
        except ValueError:
            return None

    cands = [c for c in (candidate(anchor.year + k) for k in (-1, 0, 1)) if c is not None]
    if not cands:  # 29 February: the leap years around the anchor (one lies within four years either way)
        cands = [c for c in (candidate(anchor.year + k) for k in range(-4, 5)) if c is not None]
    ref = anchor if day else anchor.replace(day=1)
    past = [c for c in cands if c <= ref]
    upcoming = [c for c in cands if c >= ref]
    strictly_past = [c for c in cands if c < ref]
    strictly_next = [c for c in cands if c > ref]
    if direction == -1 and strictly_past:
        return max(strictly_past), "the one before publication ('last')"
    if direction == 1 and strictly_next:
        return min(strictly_next), "the one after publication ('next')"
    if direction == 0:
        return candidate(anchor.year) or cands[0], "the publication year ('this')"
    if future and upcoming:
        return min(upcoming), "future tense: the next one on or after publication"
    if upcoming and (min(upcoming) - ref).days <= window and (not past or (ref - max(past)).days > 300):
        return min(upcoming), f"within {window} days after publication: taken as a scheduled date"
    if past:
        return max(past), "the most recent one on or before publication"
    return min(upcoming), "the next one after publication"


@functools.lru_cache(maxsize=1)
def _amount_before() -> re.Pattern:
    """What right before "<number> <unit>s of" makes the time an amount: "the" ("the six weeks of paid leave", a
    known stretch or amount) or a verb of giving or having (``amount_of_time_before`` in ``temporal.yaml``),
    with an optional degree word between ("at least", "another").

    Example:
        >>> bool(_amount_before().search("She has released "))
        True
    """
    with open(_DATA, encoding="utf-8") as fh:
        words = yaml.safe_load(fh)["amount_of_time_before"]
    verbs = longest_first(words, any_whitespace=True)
    degree = r"(?:(?:at\s+least|up\s+to|about|some|nearly|only|another|more\s+than|a\s+further)\s+)?"
    return re.compile(rf"(?i)(?:\b(?P<verb>{verbs})\s+(?:(?:the|their|his|her|its|your|our|my)\s+)?{degree}|(?<![\w-])the\s+)$")


_PART_SIDE = re.compile(r"(?i)\bthe\s+(first|last|final|opening|closing)\s+$")
_PART_YEAR = re.compile(r"(?i)\s+(?:(?:the\s+)?(?:fiscal|calendar)\s+(?:year\s+)?)?(1\d{3}|20\d\d)\b(?!\s*(?:%|percent))")
_PART_REL_YEAR = re.compile(r"(?i)\s+(the|this|last|next)\s+year\b")


def _part_of_year(c: _Cand, text: str, anchor: dt.date | None) -> tuple[str, str, str] | None:
    """Date, granularity and note of "the first/last N <unit>s of <period>", a stretch at the start or end of
    the period named after "of" (not N units up to publication): "the first nine months of 1997" starts in
    1997-01 (granularity month; its span in the note), "the last ten days of 2015" on 2015-12-22; the date is
    left empty when that period is no year ("the first six months of the war") or is too short for the stretch.
    None: no such expression (the duration is then read as a stretch up to publication).

    Example:
        >>> from kzlib.timeline.recognise import _Cand
        >>> text = "Sales rose in the first nine months of 1997."
        >>> _part_of_year(_Cand(24, 38, "duration", {"num": "nine", "unit": "months"}, "nine months of"), text, None)
        ('1997-01', 'month', 'the first 9 month(s) of 1997: 1997-01 to 1997-09')
    """
    g = c.groups
    if c.text.rstrip().lower().endswith(" of"):  # "<num> <unit> of", after "the first"
        side_m, rest = _PART_SIDE.search(text, max(0, c.start - 20), c.start), text[c.end:c.end + 40]
        side = side_m.group(1).lower() if side_m else ""
    else:  # "in the last six months", followed by "of ..."
        side = (g.get("rel") or "").lower()
        after = re.match(r"\s+of\b", text[c.end:c.end + 10])
        rest = text[c.end + after.end():c.end + after.end() + 40] if after else ""
        if not after or side != "last":
            return None
    if not side:
        return None
    v = _vocab()
    n = _number(g, v) or 1
    unit, mult = v.unit_of[_norm(g["unit"])]
    n *= mult
    first = side in ("first", "opening")
    if (m := _PART_YEAR.match(rest)) is not None:
        year = int(m.group(1))
    elif (m := _PART_REL_YEAR.match(rest)) is not None and anchor is not None:
        year = anchor.year + {"last": -1, "next": 1}.get(m.group(1).lower(), 0)
        if m.group(1).lower() == "the" and unit == "month" and first and n > anchor.month:
            year -= 1  # "the first nine months of the year" in February: the year just ended
    else:
        return "", "", f"the {side} {n} {unit}(s) of a period named after it, not of a year: no date of its own"
    size = {"month": 12, "week": 52, "day": 365}.get(unit, 0)
    if not 0 < n <= size:
        return "", "", f"the {side} {n} {unit}(s) of {year}: longer than the year or not within it, no date"
    end_of_year = dt.date(year, 12, 31)
    if unit == "month":
        lo, hi = (1, n) if first else (13 - n, 12)
        return (f"{year:04d}-{lo:02d}", "month",
                f"the {side} {n} month(s) of {year}: {year:04d}-{lo:02d} to {year:04d}-{hi:02d}")
    days = n * 7 if unit == "week" else n
    start = dt.date(year, 1, 1) if first else end_of_year - dt.timedelta(days=days - 1)
    stop = start + dt.timedelta(days=days - 1)
    return start.isoformat(), "day", f"the {side} {n} {unit}(s) of {year}: {start.isoformat()} to {stop.isoformat()}"


def _resolve(c: _Cand, text: str, anchor: _Anchor, *, window: int) -> dict[str, Any]:
    """Date, granularity, anchor kind, confidence and note of one candidate."""
    v = _vocab()
    g = c.groups
    rule = c.rule
    # a future marker near it, unless its own clause is past ("said in December that troops will leave")
    future = _is_future(text, c.start, c.end) and _tense(text, c.start, c.end, clause=True, own_only=True) != "past"
    out: dict[str, Any] = {"start": c.start, "end": c.end, "expression": c.text.strip(), "kind": "point",
                           "date": "", "granularity": "", "anchor": "", "anchor_date": "", "confidence": 0.0,
                           "future": future, "flag": "", "note": ""}
    base = _BASE_CONFIDENCE[rule]
    spun = False  # a spinner synonym of a time word (a plain loop: no generators per candidate)
    for raw in (g.get("rel"), g.get("pre"), g.get("ago")):
        if raw and (word := _norm(raw)) in v.spinner and word != "previous":
            spun = True
            break
    if spun:
        base *= _SPINNER_FACTOR
    notes: list[str] = []
    if spun:
        notes.append("spinner synonym of a time word")

    def absolute(date: str, granularity: str, conf: float, note: str = "") -> dict[str, Any]:
        out.update(date=date, granularity=granularity, anchor="absolute", confidence=round(conf, 3))
        if note:
            notes.append(note)
        out["note"] = "; ".join(notes)
        return out

    # fully specified dates
    if rule in ("full_date", "iso"):
        month = int(g["mnum"]) if rule == "iso" else v.month_of[g["month"].lower().rstrip(".")]
        try:
            d = dt.date(int(g["year"]), month, int(g["day"]))
        except ValueError:
            out.update(anchor="unresolved", note="not a calendar date")
            return out
        return absolute(d.isoformat(), "day", base)
    if rule == "month_year":
        month = v.month_of[g["month"].lower().rstrip(".")]
        return absolute(f"{int(g['year']):04d}-{month:02d}", "month", base)
    if rule == "decade":
        out["expression"] = c.text.strip()
        return absolute(g["decade"], "decade", base)
    if rule in ("year_context", "year_bare"):
        return absolute(g["year"], "year", base)
    if rule == "duration" and c.text.rstrip().lower().endswith(" of") and (
            amount := _amount_before().search(text, max(0, c.start - 40), c.start)):
        out.update(kind="duration", anchor="unresolved", note=(
            "an amount of time ('released 30 years of returns', 'equal to six months of pay'): no date"
            if amount.group("verb") else "a stretch or amount named with 'the' ('the six weeks of paid leave', "
                                         "'the two decades of war'): not the one up to publication, no date"))
        return out
    if rule == "duration" and (part := _part_of_year(c, text, anchor.date)) is not None:
        date, gran, how = part
        out["kind"] = "duration"
        if not date:
            out.update(anchor="unresolved", note=how)
            return out
        return absolute(date, gran, base, how)

    # everything below needs an anchor
    if anchor.date is None:
        out.update(anchor="unresolved", confidence=0.0,
                   note="; ".join(notes + [anchor.note or "no publication date: relative date left unresolved"]))
        return out
    a = anchor.date
    factor = _ANCHOR_FACTOR[anchor.basis]
    out["anchor_date"] = a.isoformat()
    if anchor.note:
        notes.append(anchor.note)

    def relative(date: dt.date, granularity: str, conf: float, how: str, kind: str = "publication-relative"):
        out.update(date=_fmt(date, granularity), granularity=granularity, anchor=kind,
                   confidence=round(conf * factor, 3))
        notes.insert(0, how)
        out["note"] = "; ".join(notes)
        return out

    if rule in ("month_day", "month_context"):
        month = v.month_of[g["month"].lower().rstrip(".")]
        day = int(g["day"]) if g.get("day") else None
        pre = _norm(g.get("pre") or "")
        pre = v.spinner.get(pre, pre)
        direction = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}.get(pre)
        d, how = _yearless(month, day, a, future=future, direction=direction, window=window)
        gran = "day" if day else "month"
        # the year comes from the publication date, which need not be exact for that
        year_factor = 1.0 if anchor.basis in ("exact", "on-or-after") else 0.9
        out.update(date=_fmt(d, gran), granularity=gran, anchor="absolute-year-inferred",
                   confidence=round(base * year_factor, 3))
        notes.insert(0, f"year inferred: {how}")
        out["note"] = "; ".join(notes)
        return out

    if rule == "weekday":
        wd = v.weekday_of[g["weekday"].lower()]
        rel = _norm(g.get("rel") or "on")
        rel = v.spinner.get(rel, rel)
        if rel == "following" and not _THE_BEFORE.search(text, max(0, c.start - 5), c.start):
            rel = "on"  # "Following Wednesday's leak": the preposition "after", not "the following Wednesday"
            notes.insert(0, "'following' without 'the': the preposition (after)")
            day_at = c.text.rfind(g["weekday"])
            out.update(start=c.start + day_at, expression=g["weekday"])
        back = (a.weekday() - wd) % 7
        ahead = (wd - a.weekday()) % 7
        conf = base
        if rel in ("last", "past", "previous"):
            d, how = a - dt.timedelta(days=back or 7), "the one before publication"
        elif rel in ("next", "coming", "following"):
            d, how = a + dt.timedelta(days=ahead or 7), "the one after publication"
            conf *= 0.9
        elif (tense := _weekday_tense(text, c.start, c.end)) == "near" and ahead < back:
            d, how = a + dt.timedelta(days=ahead), "ahead of it in a past report: the nearer one, after publication"
        elif tense == "future":
            out["future"] = True
            d, how = a + dt.timedelta(days=ahead), "future in its clause: the next one on or after publication"
            if ahead == 0:
                conf *= 0.7
                how += " (publication is on the same weekday: taken as that very day; it could be a week later)"
        else:
            out["future"] = False  # (a future marker elsewhere in the sentence: "said Monday they will ...")
            d, how = a - dt.timedelta(days=back), (
                "the publication day" if back == 0 else "the most recent one on or before publication")
            if tense == "past" and future:
                how += " (its clause is past, though the sentence looks ahead)"
        return relative(d, "day", conf, how)

    if rule in ("relative_unit", "within_current"):
        unit = _norm(g["unit"])
        rel = _norm(g["rel"])
        step = v.relative_of.get(v.spinner.get(rel, rel), 0) if rule == "relative_unit" else 0
        if unit == "week":
            return relative(_monday(a) + dt.timedelta(weeks=step), "week", base, f"{rel} week: week of (Monday)")
        if unit == "weekend":
            # the Saturday of the publication week, then whole weeks before or after it
            d = _monday(a) + dt.timedelta(days=5, weeks=step)
            return relative(d, "weekend", base, f"{rel} weekend: Saturday of that weekend")
        if unit == "month":
            d = a.replace(day=1) + relativedelta(months=step)
            return relative(d, "month", base, f"{rel} month")
        d = dt.date(a.year + step, 1, 1)
        return relative(d, "year", base, f"{rel} year")

    if rule == "weekend":
        sat = _monday(a) + dt.timedelta(days=5)
        if future:
            d = sat if a.weekday() < 5 else sat + dt.timedelta(weeks=1)
            how = "future tense: the coming weekend (Saturday)"
        else:
            d = sat if a.weekday() >= 5 else sat - dt.timedelta(weeks=1)
            how = "the most recent weekend before publication (Saturday)"
        return relative(d, "weekend", base, how)

    if rule == "deictic":
        shift = v.deictic_of[_norm(g["deictic"])]
        return relative(a + dt.timedelta(days=shift), "day", base, f"{_norm(g['deictic'])}: publication day {shift:+d}")

    if rule == "new_year":
        year = a.year if a.month <= 6 else a.year + 1
        return relative(dt.date(year, 1, 1), "month", base, "the new year: the January nearest publication")

    if rule in ("ago", "duration"):
        n = _number(g, v)
        unit, mult = v.unit_of[_norm(g["unit"])]
        if n is None:
            n = 1
        n *= mult
        if rule == "duration":
            if future:
                out.update(anchor="unresolved", kind="duration", note="a duration in the future: no date")
                return out
            out["kind"] = "duration"
        # the one step needed (four relativedelta objects per candidate were made before)
        delta = relativedelta(**{{"day": "days", "week": "weeks", "month": "months", "year": "years"}[unit]: n})
        d = a - delta
        gran = {"day": "day", "week": "week", "month": "month", "year": "year"}[unit]
        if gran == "week":
            d = _monday(d)
        how = (f"{n} {unit}(s) before publication" if rule == "ago"
               else f"start of a period of {n} {unit}(s) up to publication")
        return relative(d, gran, base, how)

    out.update(anchor="unresolved", note=f"no resolver for rule {rule}")  # pragma: no cover
    return out


def _make_anchor(published: Any, certainty: str, estimate: dt.date | None = None) -> _Anchor:
    """The date relative expressions are resolved against, and what is known about it."""
    if certainty not in DATE_CERTAINTIES:
        raise ParameterError(f"date_certainty={certainty!r} is unknown; use one of {DATE_CERTAINTIES}")
    pub = _to_date(published)
    if pub is None:
        return _Anchor(None, "unknown", None, "publication date unknown: relative date left unresolved")
    if certainty == "exact":
        return _Anchor(pub, "exact", pub, "")
    if certainty == "on-or-after":
        if estimate is not None and estimate > pub:
            return _Anchor(estimate, "on-or-after", pub,
                           f"published on or after {pub.isoformat()}; the text reports {estimate.isoformat()}, "
                           f"so resolved against that later date")
        return _Anchor(pub, "on-or-after", pub,
                       f"published on or after {pub.isoformat()}: resolved against that earliest date")
    if certainty == "copy-date":
        if estimate is not None and estimate < pub:
            return _Anchor(estimate, "estimated", pub,
                           f"{pub.isoformat()} is a later copy's date; resolved against {estimate.isoformat()}, "
                           f"the latest date the text itself reports (an estimate of the original's date)")
        return _Anchor(pub, "copy-date", pub,
                       f"resolved against {pub.isoformat()}, a later copy's date: the original is earlier")
    return _Anchor(pub, "unknown", pub, f"publication date {pub.isoformat()} of unknown certainty")


def _latest_reported(mentions: list[dict[str, Any]], *, before: dt.date | None = None) -> dt.date | None:
    """The latest day the text itself dates in the past tense (absolute day dates), or None."""
    days = [dt.date.fromisoformat(m["date"]) for m in mentions
            if m["granularity"] == "day" and m["anchor"] in ("absolute", "absolute-year-inferred") and m["date"]
            and not m["future"]]
    if before is not None:
        days = [d for d in days if d < before]
    return max(days) if days else None


# what puts a date after publication ahead all the same: a deadline or a schedule before it ("by 2030", "until
# May", "ahead of the 2016 race", "starting Dec. 26"), a word that points at the present or the future ("this
# November", "next March", "the coming year")
_AHEAD_BEFORE = re.compile(r"(?i:\b(?:by|until|till|through|to|before|ahead\s+of|for|toward|towards|this|next|"
                           r"coming|upcoming|following|starting|beginning)\s+(?:the\s+)?)$")
_AHEAD_WORD = re.compile(r"(?i)(?:this|next|coming|upcoming|by|until|till|through|to|before|for)\b")
# a determiner or a possessive right before the date, or "the" in it, and a word after it: the date names an
# event ("the state's June 7 primary", "the 2016 Democratic contender", "2016 presidential hopefuls")
_DETERMINER_BEFORE = re.compile(r"(?:\b(?i:the|a|an|its|their|his|her|our|this|that)|['’]s)\s+$")
_WORD_AFTER = re.compile(r"\s+(?!(?i:of|and|or|to|in|on|at|for|with|by|as)\b)[A-Za-z]")
# a modal or an infinitive between the clause's start and the date: a possibility or a plan ("could run in
# 2020", "challenged her to debate on April 14"), not a report
_PLAN_BEFORE = re.compile(r"\b(?:could|may|might|should|can|must|would|won['’]t|(?:plans?|planned|planning|expects?|expected|"
                          r"set|scheduled|due|going|intends?|intended|hopes?|hoped|wants?|wanted|aims?|aimed|is|are|"
                          r"was|were|promised|vowed|agreed|pledged|threatened|likely|about|ready)\s+to\s+[a-z]+"
                          r"|(?:challenged|urged|asked|invited|told|pressed|dared|called\s+on)\s+(?:[\w'’-]+\s+){1,4}?to\s+[a-z]+)\b")
# (a plan: "is set to meet on May 3"; not any "to": "returned to power", "was forced to resign" report the past)
_THE_BEFORE = re.compile(r"(?i)\bthe\s+$")
# a prospect, projection, proposal or postponement before the date in its sentence: the date is what is foreseen
# or proposed ("projected to swell to 65 million in 2025", "up for reelection in 2018", "a two-year delay ... from
# 2018 to 2020", "proposed they debate on April 15", "is on track to clinch ... on June 7"), and a time that
# something came before ("15 days before the Iowa caucuses on Feb. 1"): not reported as past
_PROSPECT_BEFORE = re.compile(r"(?i)\b(?:prospects?|projected|projections?|forecasts?|predicted|predictions?|estimated|"
                              r"re-?election|up\s+for|bids?|pledges?|pledged|targets?|goals?|proposed|proposals?|"
                              r"delay(?:s|ed)?|postpone[sd]?|on\s+track\s+to|before|ahead\s+of)\b")
# a modal or future anywhere in the sentence of a year or month after "in", "by" ...: "Then, in 2017, Kerry said
# that 100,000 would be accepted", "as the primaries begin in 2016, the protection ... will be off"
_MODAL_IN_SENTENCE = re.compile(r"(?i)\b(?:will|would|shall|won['’]t|going\s+to)\b|['’]ll\b")
_PERIOD_PREPOSITION = re.compile(r"(?i)(?:^|\b(?:in|by|from|until|till|through|to|during|for)\s+)$")
_TITLE_AFTER = re.compile(r":\s+[A-Z]")  # "2016: Obama's America": a title's year
_FISCAL_BEFORE = re.compile(r"(?i)\bfiscal\s+(?:year\s+)?$")  # "in fiscal 2016": a budget's year, named
_CLAUSE_CUT = re.compile(r".*(?:[.;!?]\s|[—–]|\s-\s)", re.DOTALL)


def _reported_as_past(m: dict[str, Any], text: str) -> bool:
    """Whether the sentence reports the date ``m`` as past: its nearest tense marker is a past form, no future
    marker is in its clause, no deadline, schedule, modal, plan or "this"/"next" looks ahead, and the date is no
    name's modifier ("the 2016 race": an event named, not reported).

    Example:
        >>> m = {"start": 3, "end": 19, "expression": "January 15, 2022", "future": False}
        >>> _reported_as_past(m, "On January 15, 2022, troops arrived."), _reported_as_past(
        ...     {**m, "start": 0, "end": 8, "expression": "the 2016"}, "the 2016 race was tight")
        (True, False)
    """
    if m["future"]:
        return False
    start, end, expr = m["start"], m["end"], m["expression"]
    if _AHEAD_WORD.match(expr) or _AHEAD_BEFORE.search(text, max(0, start - 20), start) or _ahead_cue(text, start) != "" or \
            _DEADLINE_CUE.search(text, max(0, start - 40), start):  # "until 5 p.m. EST Nov. 9"
        return False
    if (re.match(r"(?i)the\s+\d", expr) or _DETERMINER_BEFORE.search(text, max(0, start - 8), start)) and \
            _WORD_AFTER.match(text, end) or re.fullmatch(r"\d{4}", expr) and re.match(r"\s+[a-z]", text[end:end + 2]):
        return False  # "the 2016 presidential race", "New York's April 19 primary", "a 2020 bid": an event named
    left = text[max(0, start - 100):start]
    cut = _CLAUSE_CUT.match(left)
    if _PLAN_BEFORE.search(left[cut.end():] if cut else left):
        return False
    if _foreseen(m, text):
        return False
    return _clause_tense(text, start, end) == "past"


def _foreseen(m: dict[str, Any], text: str) -> bool:
    """Whether the sentence foresees the date ``m`` rather than reports it: a prospect, projection, proposal,
    postponement or an event it came before earlier in the sentence (:data:`_PROSPECT_BEFORE`); a modal or
    future anywhere in the sentence of a year or month after "in", "by" ... (not of a day: "arrived on Jan. 15,
    2022, and will stay" still reports the day); a title's year ("2016: Obama's America"); a fiscal year.

    Example:
        >>> t = "Then, in 2017, Kerry said that 100,000 would be accepted."
        >>> _foreseen({"start": 6, "end": 13, "expression": "in 2017", "granularity": "year"}, t)
        True
    """
    start, end = m["start"], m["end"]
    s, e = _sentence(text, start, end)
    if _PROSPECT_BEFORE.search(text, s, start) or _TITLE_AFTER.match(text, end) or \
            _FISCAL_BEFORE.search(text, max(0, start - 14), start):
        return True
    expr = m["expression"]
    period = m.get("granularity") in ("year", "month", "quarter", "half", "season", "decade")
    return period and (re.match(r"(?i)(?:in|by)\s", expr) is not None or
                       _PERIOD_PREPOSITION.search(text, max(0, start - 10), start) is not None) and \
        _MODAL_IN_SENTENCE.search(text, s, e) is not None


_CLAUSE_EDGE = re.compile(r"[,;:()\"“”—–]|\s-\s|[.!?]\s")
_PRESENT = re.compile(r"\b(?:is|are|am|has|have|remains?|says|(?:which|who|that)\s+[a-z]+s)\b")
_PAST = re.compile(r"\b(?:was|were|had|did|said|[a-z]{2,}ed)\b")


def _clause_tense(text: str, start: int, end: int) -> str:
    """The tense of the clause around ``text[start:end]`` (between commas, dashes, brackets, quotation marks)
    where it shows one and only one ("Cruz is facing a fight in 2018, and talk had been mounting": present),
    else the sentence's (:func:`kzlib.timeline._tense._tense`).

    Example:
        >>> _clause_tense("Texas, which votes on March 1, said so.", 22, 29)
        'present'
    """
    left = text[max(0, start - 80):start]
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(left)]
    right = text[end:end + 80]
    stop = _CLAUSE_EDGE.search(right)
    clause = left[edges[-1] if edges else 0:] + " " + (right[:stop.start()] if stop else right)
    present, past = _PRESENT.search(clause), _PAST.search(clause)
    if present and not past:
        return "present"
    return _tense(text, start, end)


def _flag(mentions: list[dict[str, Any]], published: dt.date | None, certainty: str, tolerance: int,
          text: str = "") -> None:
    """Mark dates after the publication date that the text ``text`` of the mentions reports as past (see
    :func:`_reported_as_past`); without ``text``, those that it does not put in the future."""
    if published is None or certainty == "on-or-after":
        return
    for m in mentions:
        if not m["date"] or m["future"] or m["anchor"] not in ("absolute", "absolute-year-inferred"):
            continue
        start, _ = _period(m["date"], m["granularity"])
        if (start - published).days > tolerance and (not text or _reported_as_past(m, text)):
            m["flag"] = "after-publication"
            m["note"] = "; ".join(filter(None, [m["note"], f"reported as past but after the publication date "
                                                           f"{published.isoformat()}: check the date"]))


def _flag_relative(mentions: list[dict[str, Any]], published: dt.date | None, tolerance: int, text: str) -> None:
    """Mark relative dates resolved after the publication date ``published`` that the text reports as past (see
    :func:`_reported_as_past`): ``resolved-ahead``, the resolution may point the wrong way (a weekday taken as
    the next one in a past clause). Unlike ``after-publication`` this questions the resolution, not the
    publication date.

    Example:
        >>> m = {"start": 9, "end": 17, "expression": "Thursday", "date": "2022-01-13", "granularity": "day",
        ...      "anchor": "publication-relative", "future": True, "flag": "", "note": ""}
        >>> _flag_relative([m], dt.date(2022, 1, 7), 1, "They met Thursday in Almaty.")
        >>> m["flag"]
        'resolved-ahead'
    """
    if published is None:
        return
    for m in mentions:
        if m["flag"] or not m["date"] or m["anchor"] != "publication-relative" or m.get("kind", "point") != "point":
            continue
        start, _ = _period(m["date"], m["granularity"])
        if (start - published).days > tolerance and _reported_as_past({**m, "future": False}, text):
            m["flag"] = "resolved-ahead"
            m["note"] = "; ".join(filter(None, [m["note"], f"resolved after the publication date "
                                                           f"{published.isoformat()} though reported as past: check "
                                                           f"the direction"]))
            log.debug("%r resolved to %s, after publication (%s), in a past clause", m["expression"], m["date"],
                     published.isoformat())
