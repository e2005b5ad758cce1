"""TimeML (TIMEX3) temporal expressions in English news: spans, types and normalised values.

A rule-based tagger in the style of HeidelTime: patterns compiled once from ``data/timex_en.yaml`` and
the month and weekday names of ``data/temporal.yaml`` find the expressions with TimeML's span conventions
(no leading preposition; determiners and modifiers such as "the", "early", "more than" kept), give each a
``type`` (DATE, TIME, DURATION, SET) and a ``value`` (``1998-03-22``, ``1998-W12``, ``1998-W12-WE``,
``199``, ``19``, ``1998-SU``, ``1989-Q3``, ``1998-H1``, ``PRESENT_REF``, ``P5Y``, ``PT5H``,
``1998-03-22T10:30``, ``XXXX-12`` ...), and resolve relative expressions against the document creation
time (DCT) with the tense of their sentence: "Friday" in a past-tense sentence of a Wednesday story is
the Friday before, in a future one the Friday after; "Dec. 15" in a November story is next month when the
sentence looks ahead. Anaphoric expressions ("the following year", "the next day", "the previous Friday",
"in the morning", a bare clock time) count from the reference time instead, the dates the text named last
(:class:`kzlib.timeline._timex_reference._Reference`); quarters mentioned in a financial report set the frame
of later "a year ago" and "the latest period".

Used by :func:`kzlib.timeline.extract_dates` (columns ``timex_type``, ``timex_value``, ``timex_start``,
``timex_end``); :func:`tag` is the entry point, :func:`kzlib.timeline._timex.find` the search it resolves.

Example:
    >>> import datetime as dt
    >>> [(t.text, t.type, t.value) for t in tag("Profit rose in the third quarter, he said Friday.",
    ...                                          dt.date(1989, 11, 1))]
    [('the third quarter', 'DATE', '1989-Q3'), ('Friday', 'DATE', '1989-10-27')]
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from kzlib.timeline._quarter_end import calendar_quarter, stated_end
from kzlib.timeline._tense import _ahead_cue, _tense, _weekday_tense
from kzlib.timeline._timex import (
    _SPACES,
    _V,
    Timex,
    _Match,
    _vocab,
    find,
)
from kzlib.timeline._timex_dates import (
    _dur,
    _num,
    _quarter_of,
    _season_year,
    _shift,
    _unit_base,
    _week,
    _weekday,
    _year_of_weekday,
    _yearless,
    _ymd,
    value_to_point,
)
from kzlib.timeline._timex_plausible import _MONEY_BEFORE, _RATE_BEFORE
from kzlib.timeline._timex_reference import _frame_quarter, _Reference
from kzlib.timeline._timex_spans import _shared_unit, _trim

__all__ = ["tag", "value_to_point"]


_SPAN_TO_NOW = re.compile(r"(?i)\b(?:times?|ever|\w+est|most|least)\s+in\s+$")  # "the first time in eight years"


def tag(text: str, dct: dt.date | None, *, found: list[_Match] | None = None,
        ref: _Reference | None = None) -> list[Timex]:
    """TimeML temporal expressions of ``text`` with values resolved against ``dct`` (None: relative values
    keep X for their unknown parts). ``found`` is :func:`find` of the text, when already known; ``ref`` the
    reference time the document's earlier texts left (it is updated; None: a fresh one)."""
    kept = find(text) if found is None else found
    if not kept:
        return []
    v = _vocab()
    out: list[Timex] = []
    if ref is None:
        ref = _Reference()
    for c in kept:
        t = _normalise(c, text, dct, v, ref)
        if t is not None:
            out.append(t)
            ref.note(t, c)
            _shared_unit(c, t, text, v, out)
    return out


def _rel_step(rel: str) -> int | None:
    r = _SPACES.sub(" ", rel.lower())
    if r in ("last", "the past", "the previous", "the last", "this past", "previous", "last fiscal"):
        return -1
    if r in ("next", "the coming", "the following", "the next", "this coming", "coming", "next fiscal"):
        return 1
    if r in ("this", "the current", "the", "current", "the current fiscal", "this fiscal", "the fiscal", "the full",
             "the whole", "the entire", "the calendar"):
        return 0
    return None


def _normalise(c: _Match, text: str, dct: dt.date | None, v: _V, state: _Reference) -> Timex | None:
    g = c.g
    rule = c.rule
    s, e = c.start, c.end
    mod = ""
    pm = g.get("pmod") or ""
    if pm:  # (most matches have no modifier: no substitution)
        pm = _SPACES.sub(" ", pm.lower())
        mod = v.pmod_of.get(pm, "")
    am = g.get("amod") or ""
    if am:
        am = _SPACES.sub(" ", am.lower())
        mod = v.amod_of.get(am, "")

    s, e = _trim(c, text, v)

    def T(typ: str, value: str, m: str = mod) -> Timex:
        return Timex(s, e, text[s:e], typ, value, m, rule)

    tense = ""

    def get_tense() -> str:
        nonlocal tense
        if not tense:
            tense = _tense(text, s, e) or "none"
        return tense

    def day_of(gw: str | None, gdeictic: str | None, gmonth: str | None, gday: str | None, gyear: str | None,
               rel: str = "") -> str:
        if gw:
            d = _weekday(v.weekday_of[gw.lower()], dct, get_tense(), rel)
            return _ymd(d) if d else "XXXX-XX-XX"
        if gdeictic:
            if dct is None:
                return "XXXX-XX-XX"
            shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[gdeictic.lower()]
            return _ymd(dct + dt.timedelta(days=shift))
        if gmonth:
            mo = v.month_of[gmonth.rstrip(".").lower()]
            dd = int(gday) if gday else None
            if gyear:
                y = int(gyear)
            elif dct is not None:
                y = _yearless(mo, dd, dct, get_tense())
            else:
                return f"XXXX-{mo:02d}-{dd:02d}" if dd else f"XXXX-{mo:02d}"
            return f"{y:04d}-{mo:02d}-{dd:02d}" if dd else f"{y:04d}-{mo:02d}"
        return _ymd(dct) if dct else "XXXX-XX-XX"

    if rule == "time":
        wd = g.get("tweekday")
        if not (wd or g.get("tdeictic") or g.get("month2")) and (later := _DAY_AFTER_TIME.match(text, e)):
            wd = later.group(1)  # "at 10:35 a.m. (0735 GMT) Friday": the day named after the time, in its clause
        if wd:
            tense = _weekday_tense(text, s, e) or "none"  # "until 9 a.m. Tuesday": a deadline ahead
        date = day_of(wd, g.get("tdeictic"), g.get("month2"), g.get("tday"), g.get("tyear"))
        if not (wd or g.get("tdeictic") or g.get("month2")) and (near := state.near_day(s)):
            date = _ymd(near)  # "on Friday ... at 10:35 a.m.": a clock time on the day just named
        if g.get("noon"):
            w = g["noon"].lower()
            hh, mi = ("24", "00") if w == "midnight" else ("12", "00")
        elif g.get("hm"):
            hh, mi = g["hm"][:2], g["hm"][2:]
        else:
            raw = g["h"]
            h = int(raw) if raw.isdigit() else int(v.number_of.get(raw.lower(), 0))
            ap = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
            pod = (g.get("pod") or "").lower()
            if (ap == "pm" or pod in ("afternoon", "evening")) and h < 12:
                h += 12
            if ap == "am" and h == 12:
                h = 0
            hh, mi = f"{h:02d}", g.get("mi") or "00"
        return T("TIME", f"{date}T{hh}:{mi}")

    if rule in ("full", "iso", "slash"):
        mo = int(g["mnum"]) if g.get("mnum") else v.month_of[g["month"].rstrip(".").lower()]
        try:
            d = dt.date(int(g["year"]), mo, int(g["day"]))
        except ValueError:
            return None
        return T("DATE", _ymd(d))
    if rule == "month_day":
        value = day_of(None, None, g["month"], g["day"], None)
        if g.get("weekday") and dct is not None and value[:4].isdigit():
            value = _year_of_weekday(value, v.weekday_of[g["weekday"].lower()])
        return T("DATE", value)
    if rule == "month_year":
        mo = v.month_of[g["month"].rstrip(".").lower()]
        if g.get("century_w"):  # "January nineteen ninety-seven"
            yw = v.number_of.get(re.sub(r"[\s-]+", " ", g["yy"].lower()))
            return T("DATE", f"{19 if g['century_w'].lower() == 'nineteen' else 18}{int(yw):02d}-{mo:02d}") if yw else None
        return T("DATE", f"{int(g['year']):04d}-{mo:02d}")
    if rule == "month":
        mo = v.month_of[g["month"].rstrip(".").lower()]
        rel = (g.get("rel") or "").lower()
        if dct is None:
            return T("DATE", f"XXXX-{mo:02d}")
        if g.get("yrel"):
            y = dct.year + {"this": 0, "last": -1, "next": 1}[g["yrel"].lower()]
        elif rel:
            y = _yearless(mo, None, dct, get_tense(), rel)
        else:
            tn = get_tense()
            ahead = (mo - dct.month) % 12
            if _UNTIL_BEFORE.search(text, max(0, s - 10), s):
                tn = "future"  # "loans through January", "pay it down by February": a deadline ahead
            elif tn != "past" and _MODAL_BEFORE.search(text, max(0, s - 120), s):
                tn = "future"  # "they can take part in the summit in April": a possibility ahead, as with "will"
            if tn == "future" or ahead == 1 or (tn != "past" and 0 < ahead <= 2):  # the month after the DCT's:
                # eleven months back would be "last November"
                y = dct.year + (1 if mo < dct.month else 0)
            else:
                y = dct.year - (1 if mo > dct.month else 0)
        return T("DATE", f"{y:04d}-{mo:02d}")
    if rule == "year":
        return T("DATE", f"{int(g['year']):04d}")
    if rule == "year_ad":
        y = int(g.get("year") or g.get("year2") or 0)
        if not 1 <= y <= 9999:
            return None
        return T("DATE", f"{y:04d}")
    if rule == "year_words":
        if g.get("twok"):
            yy = int(v.number_of.get((g.get("yy") or "").lower(), 0))
            return T("DATE", f"{2000 + yy:04d}")
        cent = 19 if g["century_w"].lower() == "nineteen" else 18
        yw = v.number_of.get(re.sub(r"[\s-]+", " ", g["yy"].lower()))
        if yw is None:
            return None
        return T("DATE", f"{cent}{int(yw):02d}")
    if rule == "decade":
        if g.get("decw"):
            dec = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}[g["decw"].lower()]
            century = (dct.year // 100) if dct and dct.year % 100 >= dec * 10 else ((dct.year // 100 - 1) if dct else 19)
            value = f"{century:02d}{dec}"
        elif g.get("dec2"):
            dec = int(g["dec2"][0])
            century = (dct.year // 100) if dct and dct.year % 100 >= dec * 10 else ((dct.year // 100 - 1) if dct else 19)
            value = f"{century:02d}{dec}"
        else:
            value = g["dec"][:3]
        return T("DATE", value)
    if rule == "century":
        if g.get("ord"):
            nth = v.ordinal_of.get(g["ord"].lower())
            if not nth:
                return None
            return T("DATE", f"{nth - 1:02d}")
        step = _rel_step(g["rel"])
        if dct is None or step is None:
            return T("DATE", "XX")
        return T("DATE", f"{dct.year // 100 + step:02d}")

    if rule in ("quarter", "quarter_ref"):
        unit = g["qunit"].lower()
        if unit == "period" and not (g.get("arel") or g.get("ago")):
            return None
        qord = _SPACES.sub(" ", (g.get("qord") or "").lower())
        if qord in ("first two", "last two") and not (g.get("year") or g.get("year2") or g.get("yrel") or g.get("qyrel")):
            return T("DURATION", "P2Q")  # "the last two quarters": two quarters counted back, no half of any year
        if qord in ("first two", "last two"):  # "the first two quarters of 1990 / of this year": its first half
            unit, qord = "half", qord.split()[0]
        nq: int | None = (2 if unit == "half" else 4) if qord == "last" else v.ordinal_of.get(qord)
        half = unit == "half"
        if half and not (g.get("year") or g.get("year2") or g.get("yrel") or g.get("qyrel") or g.get("ago")
                         or _CALENDAR_WORD.search(text, s, e)):
            return None  # "he tweeted during the first half", "the first half of January": a game's or a month's
            # half, no half-year (TimeML: H1/H2 only when the text ties the half to a year or fiscal period)
        yrel = _SPACES.sub(" ", (g.get("yrel") or g.get("arel") or "").lower())
        det = (g.get("det") or "").lower()
        ago = bool(g.get("ago")) or yrel in ("year-ago", "year-earlier", "last year's") or det == "last year's"
        year = g.get("year") or g.get("year2")
        qyrel = (g.get("qyrel") or "").lower()
        if qyrel and qyrel != "the" and dct is not None:  # "the second half of next year" ("of the year": as if alone)
            year = str(dct.year + {"next": 1, "last": -1}.get(qyrel, 0))
        if rule == "quarter_ref" and yrel.isdigit():
            year = yrel
        if unit == "quarters":
            # "is usually conducted in the second and fourth quarters": a habit, a SET; in a past sentence ("met its
            # targets in the second and fourth quarters") the quarters of one year, dated below
            if det in ("", "the") and not year and (get_tense() != "past" or _HABIT.search(text, max(0, s - 120), s)):
                return T("SET", f"XXXX-Q{nq}") if nq else None
        if dct is None:
            return T("DATE", f"XXXX-{'H' if half else 'Q'}{nq or 'X'}")
        if half:
            y = int(year) if year else dct.year - (1 if ago else 0)
            if not year and nq == 2 and dct.month <= 6 and not ago:
                y -= 1
            return T("DATE", f"{y:04d}-H{nq}")
        if nq:
            if year:
                y = int(year)
            elif not (yrel or ago) and (ends := stated_end(text, e, dct, future=get_tense() == "future")):
                y = ends.year  # "its fourth quarter ended June 30": a fiscal quarter keeps its number (TimeBank)
            else:
                cur = _quarter_of(dct)
                y = dct.year
                if yrel == "next year's":
                    y += 1
                elif nq > cur and get_tense() != "future" and not det.startswith("this"):
                    y -= 1
                if ago:
                    y -= 1
            if (y, nq) < (dct.year, _quarter_of(dct)) and unit == "quarter":
                state.quarter, state.quarter_pos = (y + (1 if ago else 0), nq), s
            return T("DATE", f"{y:04d}-Q{nq}")
        # "the quarter", "the latest period", "the year-ago quarter": the quarter being reported on
        q = state.quarter
        if unit == "quarter" and not (yrel or ago or year) and (
                ends := stated_end(text, e, dct, future=get_tense() == "future")) is not None:
            # "the quarter ended July 31": the calendar quarter holding most of its three months (May-July: Q2),
            # whatever fiscal quarter was named before (which stays the frame of "the year-ago quarter")
            y, nq = calendar_quarter(ends)
            if q is None or s - state.quarter_pos >= 3000:
                state.quarter, state.quarter_pos = (y, nq), s
            return T("DATE", f"{y:04d}-Q{nq}")
        if yrel == "current":
            y, nq = dct.year, _quarter_of(dct)
        elif yrel in ("latest", "most recent", "just-ended", "just ended", "latest fiscal") and not (
                q is not None and s - state.quarter_pos < 3000):
            last = _shift(dct.replace(day=1), "quarter", -1)
            y, nq = last.year, _quarter_of(last)
        elif q is not None and s - state.quarter_pos < 3000:
            y, nq = q
            if unit == "period" and year and _frame_quarter(state, s) is None:
                return T("DATE", f"{int(year):04d}")  # "for the nine months ... in the 1988 period"
            if ago:
                y -= 1
        else:
            if unit == "period" and not ago:
                return None
            last = _shift(dct.replace(day=1), "quarter", -1)
            y, nq = last.year - (1 if ago else 0), _quarter_of(last)
        if year:
            y = int(year)
        return T("DATE", f"{y:04d}-Q{nq}")

    if rule == "year_ago_adj":
        if dct is None:
            return T("DATE", "XXXX")
        if (q := _frame_quarter(state, s)) is not None:
            return T("DATE", f"{q[0] - 1:04d}-Q{q[1]}")
        return T("DATE", f"{dct.year - 1:04d}")

    if rule == "season":
        code = v.season_of[g["season"].lower()]
        rel = _SPACES.sub(" ", (g.get("rel") or "").lower())
        if rel == "that":  # "In 2019 ... that summer": the season of the year the text is about
            y_named = state.year_named(s)
            return T("DATE", f"{y_named:04d}-{code}" if y_named else f"XXXX-{code}")
        if rel in ("early", "the early", "mid"):
            mod = {"early": "START", "the early": "START", "mid": "MID"}[rel]
        elif rel in ("late", "the late"):
            mod = "END"
        if g.get("year"):
            return T("DATE", f"{int(g['year']):04d}-{code}")
        if dct is None:
            return T("DATE", f"XXXX-{code}")
        tn = "future" if _ahead_cue(text, s) == "future" else get_tense()  # "could stretch into the spring"
        return T("DATE", f"{_season_year(code, dct, rel, tn):04d}-{code}")

    if rule == "deictic":
        w = _SPACES.sub(" ", g["deictic"].lower())
        pod = (g.get("pod") or "").lower()
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "last night": -1, "this": 0,
                 "overnight": 0, "the day before yesterday": -2, "the day after tomorrow": 2}[w]
        base = _ymd(dct + dt.timedelta(days=shift)) if dct else "XXXX-XX-XX"
        if w == "overnight" and (near := state.near_day(s)) is not None \
                and not _SENTENCE_STOP.search(text, state.day_pos, s):  # the day named in the same sentence
            # "London shares fell Friday ... after overnight losses in New York": the night before the day named
            return T("TIME", f"{_ymd(near - dt.timedelta(days=1))}TNI")
        if w in ("tonight", "last night", "overnight"):
            return T("TIME", f"{base}TNI")
        if pod:
            return T("TIME", f"{base}T{v.pod_of[pod]}")
        return T("DATE", base)

    if rule == "weekday":
        rel = _SPACES.sub(" ", (g.get("rel") or "").lower())
        pod = (g.get("pod") or "").lower()
        if (g.get("plural") or g.get("podpl")) and not rel:  # "on Mondays", "Tuesday nights": every such day
            return T("SET", f"XXXX-WXX-{v.weekday_of[g['weekday'].lower()] + 1}" + (f"T{v.pod_of[pod]}" if pod else ""))
        if rel in ("early", "late", "earlier", "later"):
            mod = "START" if rel == "early" else ("END" if rel == "late" else "")
            rel = ""
        if rel in ("the following", "the previous") and (a_day := state.day_at(s)) is not None:
            # anaphoric: "down 4.5% from the previous Friday" counts from the day the text is about
            wday = _weekday(v.weekday_of[g["weekday"].lower()], a_day, "", "next" if rel == "the following" else "last")
            return T("DATE", _ymd(wday) if wday else "XXXX-XX-XX")
        if rel in ("the following", "the previous", "that"):
            rel = {"the following": "next", "the previous": "last"}.get(rel, "")
        # by the weekday's own clause: "said Wednesday that they will appeal" is past; "postponed until Tuesday",
        # "as soon as Tuesday" are not before the report; "Wednesday's ruling" is a day whose event is reported
        tn = get_tense() if rel else _weekday_tense(text, s, e)
        wday = _weekday(v.weekday_of[g["weekday"].lower()], dct, tn, rel)
        value = _ymd(wday) if wday else "XXXX-WXX-" + str(v.weekday_of[g["weekday"].lower()] + 1)
        pod = (g.get("pod") or "").lower()
        if pod in ("evening", "afternoon") and wday:  # TimeML: "Friday evening" 1998-02-13TEV (TimeBank gives
            # "morning" and "night" after a weekday the part of day only half the time: those stay days)
            return T("TIME", f"{value}T{v.pod_of[pod]}")
        return T("DATE", value)

    if rule in ("relunit", "in_year"):
        unit = _unit_base(g["unit"])
        rel = _SPACES.sub(" ", (g.get("rel") or "this").lower())
        if pm == "end" and rule == "in_year":
            mod = "END"
        if rule == "in_year" or (pm in ("earlier", "later") and rel == "the"):
            rel = "this"
        a_day, a_month, a_year = state.day_at(s), state.month_at(s), state.year_at(s)
        if rel in ("the following", "the previous") and _SPAN_BEFORE.search(text, max(0, s - 12), s):
            a_day = a_month = a_year = None  # "over the previous month": a length back from now, not a date
        if rel in ("that", "the same") or (rel in ("the following", "the previous") and unit == "week"
                                           and a_day is not None):
            # anaphoric: "that week", "the same month", "the following week": the week or month the text is about
            step = {"the following": 1, "the previous": -1}.get(rel, 0)
            if unit == "month" and a_month:
                d = _shift(a_month, "month", step)
                return T("DATE", f"{d.year:04d}-{d.month:02d}")
            if unit in ("week", "weekend") and (on := a_day):
                wk = _week(on + dt.timedelta(weeks=step))
                return T("DATE", wk + ("-WE" if unit == "weekend" else ""))
            return T("DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE"}.get(unit, "XXXX-XX"))  # nothing named
        step = _rel_step(rel)
        if step is None:
            return None
        if unit == "decade":
            if rel in ("the past", "the previous", "the coming", "the following", "the next", "the last"):
                return T("DURATION", "P10Y", "")
            if rel == "the" or dct is None:
                return None
            return T("DATE", f"{dct.year // 10 + step:03d}")
        if rel in ("the past", "the last") and unit in ("year",) and dct is not None:
            return T("DATE", f"{dct.year - 1:04d}")  # "over the past year": TimeBank dates it as last year
        if rel in ("the next", "the coming") and unit == "year" and dct is not None:
            return T("DATE", f"{dct.year + 1:04d}")  # and "over the next year" as next year
        if rel in ("the following", "the previous") and unit == "month" and a_month:
            d = _shift(a_month, "month", step)  # "In March ... The following month": April
            return T("DATE", f"{d.year:04d}-{d.month:02d}")
        if rel in ("the following", "the previous") and unit == "year" and a_year:
            return T("DATE", f"{a_year + step:04d}")  # "In 1995 ... the following year": 1996
        if rel in ("the past", "the previous", "the coming", "the following", "the next", "the last"):
            # "the past week": a period of one unit back from now (TimeML duration)
            if unit == "weekend":
                return None
            return T("DURATION", _dur(1.0, unit, v), "")
        if rel == "the" and not pm:
            if unit == "weekend":
                pass  # "the weekend": the nearest one, by tense
            elif unit in ("year", "fiscal year") and (re.match(r"\s+(?:ended|ending)\b", text[e:e + 8]) or re.search(
                    r"(?i)\bthroughout\s+$", text[max(0, s - 12):s])):
                return T("DURATION", "P1Y", "")  # "the year ended Sept. 30": a twelve-month period
            elif unit in ("year", "fiscal year") and re.search(r"(?i)\b(?:for|in|during)\s+$", text[max(0, s - 12):s]):
                pass  # "sales for the year": the current year, dated as "this year"
            else:
                return None
        if dct is None:
            return T("DATE", {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX"))
        if unit == "year" and rel == "last" and not pm and (_AMOUNT_BEFORE.search(text, max(0, s - 16), s)
                                                            or text.startswith("'s", e)) \
                and (q := _frame_quarter(state, s)) is not None:
            # a figure compared with last year's ("up from $3 million last year", "last year's results"): that
            # quarter's; else ("Last year, it sold the unit") the year itself
            return T("DATE", f"{q[0] - 1:04d}-Q{q[1]}")
        if unit == "week":
            return T("DATE", _week(dct + dt.timedelta(weeks=step)))
        if unit == "weekend":
            sat = dct - dt.timedelta(days=dct.weekday()) + dt.timedelta(days=5)
            if rel == "the":
                tn = get_tense()
                if dct.weekday() < 5 and tn != "future":
                    sat -= dt.timedelta(weeks=1)
            else:
                sat += dt.timedelta(weeks=step)
            return T("DATE", _week(sat) + "-WE")
        if unit == "month":
            d = _shift(dct.replace(day=1), "month", step)
            return T("DATE", f"{d.year:04d}-{d.month:02d}")
        return T("DATE", f"{dct.year + step:04d}")

    if rule == "refday":
        w = _SPACES.sub(" ", g["rd"].lower())
        ref_day = state.day_at(s) or dct
        if ref_day is None:
            return T("DATE", "XXXX-XX-XX")
        shift = 1 if any(x in w for x in ("next", "following", "after")) else (
            -1 if any(x in w for x in ("previous", "preceding", "before")) else 0)
        if w.endswith(("evening", "afternoon")):  # "that evening": a part of the day, as "Friday evening"
            return T("TIME", f"{_ymd(ref_day + dt.timedelta(days=shift))}T{v.pod_of[w.split()[-1]]}")
        return T("DATE", _ymd(ref_day + dt.timedelta(days=shift)))
    if rule == "refyear":
        w = _SPACES.sub(" ", g["ry"].lower())
        base_year = state.year_at(s) or (dct.year if dct else None)
        if base_year is None:
            return T("DATE", "XXXX")
        return T("DATE", f"{base_year + {'the following': 1, 'the previous': -1, 'the preceding': -1}.get(w, 0):04d}")
    if rule == "holiday":
        kind, spec = v.holidays[_SPACES.sub(" ", g["holiday"].lower())]
        rel = (g.get("rel") or "").lower()
        if dct is None:
            return T("DATE", f"XXXX-{spec}" if kind == "fixed" else f"XXXX-{spec[0]:02d}")
        def day_in(y: int) -> dt.date:
            if kind == "fixed":
                mo, dd = map(int, spec.split("-"))
                return dt.date(y, mo, dd)
            mo, wd, nth = spec
            first = dt.date(y, mo, 1)
            if nth > 0:
                return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
            last = _shift(first, "month", 1) - dt.timedelta(days=1)
            return last - dt.timedelta(days=(last.weekday() - wd) % 7)
        y = _yearless(day_in(dct.year).month, day_in(dct.year).day, dct, get_tense(), rel)
        return T("DATE", _ymd(day_in(y)))
    if rule == "ago":
        unit = _unit_base(g["unit"])
        unit = {"centurie": "century"}.get(unit, unit)
        n = _num(g.get("num"), v)
        if g.get("num") is None:
            return None  # "years ago": too vague for TimeML's value (and "days earlier" is not a date)
        if n is None:
            if g["ago"].lower() in ("later", "before", "hence"):
                return T("DURATION", _dur(None, g["unit"], v), "")
            return T("DATE", "PAST_REF" if g["ago"].lower() in ("ago", "earlier") else "FUTURE_REF")
        if dct is None:
            return T("DATE", "XXXX")
        if g["ago"].lower() in ("later", "before", "hence"):
            return T("DURATION", _dur(n, g["unit"], v), "")  # a length from an event, not a date
        sign = -1 if g["ago"].lower() in ("ago", "earlier", "before") else 1
        _, mult, is_time = v.unit_of.get(unit, ("D", 1.0, False))
        k = int(n * mult) * sign
        if is_time:
            return T("DATE", _ymd(dct))
        if unit in ("day", "trading day", "business day", "night"):
            return T("DATE", _ymd(dct + dt.timedelta(days=k)))
        if unit in ("week", "fortnight"):
            return T("DATE", _week(dct + dt.timedelta(weeks=k)))
        if unit == "month":
            d = _shift(dct.replace(day=1), "month", k)
            return T("DATE", f"{d.year:04d}-{d.month:02d}")
        if unit == "quarter":
            d = _shift(dct.replace(day=1), "quarter", k)
            return T("DATE", f"{d.year:04d}-Q{_quarter_of(d)}")
        # years, decades, centuries
        if unit == "year" and k == -1 and (q := _frame_quarter(state, s)) is not None:
            return T("DATE", f"{q[0] - 1:04d}-Q{q[1]}")
        y = dct.year + k
        if not 1 <= y <= 9999:
            return None
        return T("DATE", f"{y:04d}")

    if rule == "duration":
        n = _num(g.get("num"), v)
        unit = g["unit"]
        ub = _unit_base(unit)
        rel = (g.get("rel") or "").lower()
        raw = (g.get("num") or "").lower()
        det = (g.get("det") or "").lower()
        if raw in ("a", "an") and ub in ("year", "day", "week", "month") and not det and not rel and (
                _MONEY_BEFORE.search(text[max(0, s - 25):s]) or _RATE_BEFORE.search(text, max(0, s - 20), s)):
            return T("SET", _dur(1.0, unit, v), "")
        if raw == "one" and ub == "day" and re.search(r"(?i)\b(?:will|would|could|may|might|can|shall)\s+$",
                                                   text[max(0, s - 8):s]):
            return T("DATE", "FUTURE_REF", "")  # "will one day be"
        if (re.search(r"(?i)\bin\s+$", text[max(0, s - 4):s]) and n is not None and not det and not rel
                and not g.get("amod") and ub in ("year", "month", "week", "day") and dct is not None
                and get_tense() == "future" and not _SPAN_TO_NOW.search(text, max(0, s - 30), s)):
            whole = int(n) if n == int(n) else None
            if whole:  # "will be redeemed in five years": the date five years on
                if ub == "year":
                    return T("DATE", f"{dct.year + whole:04d}", "")
                if ub == "month":
                    d = _shift(dct.replace(day=1), "month", whole)
                    return T("DATE", f"{d.year:04d}-{d.month:02d}", "")
                if ub == "week":
                    return T("DATE", _week(dct + dt.timedelta(weeks=whole)), "")
                return T("DATE", _ymd(dct + dt.timedelta(days=whole)), "")
        value = _dur(n, unit, v)
        if g.get("adj") and g["adj"].lower() == "-old" and n is None:
            value = _dur(None, unit, v)
        return T("DURATION", value)
    if rule == "duration_plural":
        unit = g["unit"]
        rel = _SPACES.sub(" ", (g.get("rel") or "").lower())
        if rel in ("recent", "past") and unit.lower() == "years" and not g.get("vague"):
            return T("DATE", "PAST_REF", "")  # "in recent years": TimeBank's past reference
        if rel in ("coming", "the coming", "the next") and not g.get("vague"):
            return T("DURATION", _dur(None, unit, v), "")
        return T("DURATION", _dur(None, unit, v), "")
    if rule == "duration_half":
        h = g["half"].lower()
        if "hour" in h:
            return T("DURATION", "PT30M" if h.startswith(("half", "a half")) else "PT1H30M")
        if h.endswith("and a half"):  # "a minute and a half", "a year and a half"
            for u, val in (("minute", "PT1M30S"), ("year", "P18M"), ("decade", "P15Y"), ("century", "P150Y")):
                if u in h:
                    return T("DURATION", val)
        for u, val in (("day", "PT12H"), ("year", "P6M"), ("century", "P50Y"), ("decade", "P5Y")):
            if u in h:
                return T("DURATION", val)
        return None
    if rule == "pod_ref":  # the part of the day just named, or of the DCT's day
        on_day = state.near_day(s) or dct
        pod = (g.get("pod") or g["mpod"].replace("-", " ").split()[-1].removeprefix("mid")).lower()
        return T("TIME", f"{_ymd(on_day) if on_day else 'XXXX-XX-XX'}T{v.pod_of[pod]}")
    if rule == "week_of":
        value = day_of(None, None, g["month"], g["day"], g.get("year"))
        with contextlib.suppress(ValueError):
            return T("DATE", _week(dt.date.fromisoformat(value)))
        return None
    if rule == "moment":
        return T("DATE", "PRESENT_REF")
    if rule == "while":
        return T("DURATION", "PXX")
    if rule == "ref":
        w = _SPACES.sub(" ", g["ref"].lower())
        if w in ("soon", "shortly") and get_tense() == "past":
            return None  # "he was soon released": soon after a past event, not after the report
        return T("DATE", v.refs[w])
    if rule == "set_adv":
        return T("SET", v.set_adverbs[g["setadv"].lower()])
    if rule in ("set", "season_set"):
        if g.get("weekday"):
            return T("SET", f"XXXX-WXX-{v.weekday_of[g['weekday'].lower()] + 1}")
        if g.get("month"):
            return T("SET", f"XXXX-{v.month_of[g['month'].rstrip('.').lower()]:02d}")
        if g.get("season"):
            return T("SET", f"XXXX-{v.season_of[g['season'].lower()]}")
        su = g["sunit"].lower()
        n = g.get("num")
        k = 2 if n == "other" else (int(n) if n and n.isdigit() else int(v.number_of.get((n or "one").lower(), 1)))
        if su in ("morning", "evening", "night"):
            return T("SET", f"XXXX-XX-XXT{v.pod_of[su]}")
        if su == "weekend":
            return T("SET", "XXXX-WXX-WE")
        return T("SET", _dur(float(k), su, v))
    return None


# "can/may/might" (not "may have") and a verb of an event later in the sentence: "they can take part in the summit
# in April", "the plant may close as soon as April"; not a verb of memory or comparison, whose object the month
# dates ("residents can still recall the flood in April", "investors may remember the crash of January")
_MODAL_BEFORE = re.compile(r"\b(?:can|may|might)\s+(?!have\b)(?!(?:(?:still|also|well|even|not|never|only)\s+)?"
                           r"(?:recall|remember|recollect|compare|imagine|see|think|believe|know|understand|forget|find|"
                           r"read|look|wonder|say|tell)\b)[a-z]+\b[^.;!?]*$")
_CALENDAR_WORD = re.compile(r"(?i)\b(?:fiscal|calendar)\b")
_HABIT = re.compile(r"(?i)\b(?:usually|typically|generally|normally|traditionally|always|often|tends?\s+to|tended\s+to)\b"
                    r"[^.;!?]*$")  # a habit earlier in the sentence ("sales usually peaked in the second and fourth quarters")
_SENTENCE_STOP = re.compile(r"[.!?;](?:\s|$)")
_AMOUNT_BEFORE = re.compile(r"(?i)(?:\d%?|\b(?:million|billion|trillion|cents?|share|percent))\s+$")  # "$3 million "
_SPAN_BEFORE = re.compile(r"(?i)\b(?:over|during|for|within|throughout)\s+$")
# a weekday named right after a clock time, within its clause: "10:35 a.m. (0735 GMT) Friday", "10 p.m. local time
# Wednesday" (the weekday is an expression of its own; it dates the time)
_DAY_AFTER_TIME = re.compile(r"(?:(?!\b(?:and|or|but|while|when|until|before|after|by|to)\b)[^.;:!?\n]){0,24}?\b(?:on\s+)?"
                             r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# a deadline or an end ahead ("loans through January", "by February"), not a period's end ("the 12 months
# through January": a past period)
_UNTIL_BEFORE = re.compile(r"(?i)(?:\b(?:until|till|by)|(?<!months)(?<!weeks)(?<!years)(?<!year)(?<!quarter)"
                           r"(?<!period)(?<!days)\s+through)\s+$")
