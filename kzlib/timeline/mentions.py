"""The mentions of a text: the point recogniser's dates with the TimeML tagger's types and values, and the
public :func:`extract_dates` and :func:`to_timeml`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from kzlib.errors import ParameterError
from kzlib.text import ASCII_CASE_TWINS
from kzlib.timeline import _timex, _timex_values
from kzlib.timeline._counts import far_future
from kzlib.timeline._quarter_end import months_to, stated_end
from kzlib.timeline._tense import _tense
from kzlib.timeline._timex_reference import _Reference
from kzlib.timeline.columns import _ABSOLUTE_RULES, _ANCHOR_FACTOR, MENTION_COLUMNS
from kzlib.timeline.normalise import (
    _Anchor,
    _flag,
    _flag_relative,
    _is_future,
    _latest_reported,
    _make_anchor,
    _resolve,
    _to_date,
)
from kzlib.timeline.recognise import _DIGIT, _Cand, _scan, _vocab


def _point_only(text: str) -> bool:
    """Whether ``text`` may hold what only the point recogniser finds: a digit, a spinner synonym, "new year"
    (first the longest word of each phrase as a substring of the lower-case text: cheaper than the
    case-insensitive pattern, which matches only where one of them is there, but where a character matches an
    ASCII letter only case-insensitively)."""
    if _DIGIT.search(text):
        return True
    v = _vocab()
    lower = text.lower()
    # (ASCII text holds no case twin: isascii saves the search)
    if not any(w in lower for w in v.point_only_words) and (text.isascii() or not ASCII_CASE_TWINS.search(text)):
        return False
    return v.point_only.search(text) is not None


def _document_mentions(texts: list[str], published: Any, certainty: str, *, window: int, tolerance: int,
                       scan: Callable[[str], list[_Cand]] = _scan,
                       find: Callable[[str], list[Any]] | None = _timex.find) -> list[list[dict[str, Any]]]:
    """Mentions of each text of one document: absolute dates first, then the anchor, then the rest.

    ``find`` is the TimeML tagger's search (None: no TimeML layer). Where it finds nothing in a text, the point
    recogniser is run only if the text holds a digit or a word only the point recogniser knows (a spinner
    synonym, "new year"): it finds nothing else that the tagger misses, so most sentences are searched once.
    """
    # Russian text has its own rules (issue 18)
    from kzlib.russian.nlp import is_russian

    if texts and is_russian(texts[0][:300]):
        from kzlib.russian.dates import document_mentions_ru
        return document_mentions_ru(texts, published, certainty, window=window, tolerance=tolerance)
    found: list[list[Any] | None] = [find(t) for t in texts] if find is not None else [None] * len(texts)
    cands = [scan(t) if f or f is None or _point_only(t) else [] for t, f in zip(texts, found)]
    pub_anchor = _make_anchor(published, certainty)
    # yearless dates take their year from the publication date as given (good to within months)
    year_anchor = _Anchor(pub_anchor.published, pub_anchor.basis, pub_anchor.published, "")
    first = [[_resolve(c, t, year_anchor, window=window) if c.rule in _ABSOLUTE_RULES else None for c in cs]
             for cs, t in zip(cands, texts)]
    anchor = pub_anchor
    if certainty in ("copy-date", "on-or-after") and pub_anchor.date is not None:
        latest = _latest_reported([m for ms in first for m in ms if m is not None],
                                  before=pub_anchor.date if certainty == "copy-date" else None)
        anchor = _make_anchor(published, certainty, estimate=latest)
    result: list[list[dict[str, Any]]] = []
    ref = _Reference()  # the reference time runs through the document's texts ("On Jan. 2 ... The next day")
    for cs, t, ms, f in zip(cands, texts, first, found):
        if not cs and not f:  # nothing found (most sentences)
            result.append([])
            ref.advance(len(t) + 1)
            continue
        row = [m if m is not None else _resolve(c, t, anchor, window=window) for c, m in zip(cs, ms)]
        _flag(row, pub_anchor.published, certainty, tolerance, t)
        rows = _with_timex(row, t, anchor, found=f, ref=ref)
        if anchor.basis == "exact":  # (against another anchor a later date may be the anchor's error)
            _flag_relative(rows, anchor.date, tolerance, t)
        result.append(_copyright_years(_without_far_years(rows, t, pub_anchor.published), t))
        ref.advance(len(t) + 1)
    return result


_BARE_YEAR = re.compile(r"(?:(?i:of)\s+)?(\d{4})")


def _without_far_years(rows: list[dict[str, Any]], text: str, published: Any) -> list[dict[str, Any]]:
    """``rows`` less the bare years far after the publication date that nothing in the sentence puts ahead
    ("a poll of 2047 voters was released" in 2016: a number, not a year; "by 2050" and "will reach 2100" stay).

    Example:
        >>> rows = [{"expression": "of 2047", "start": 7, "end": 14, "granularity": "year", "date": "2047",
        ...          "future": False}]
        >>> _without_far_years(rows, "A poll of 2047 voters was released.", _to_date("2016-03-02"))
        []
    """
    if published is None:
        return rows
    out = []
    for r in rows:
        m = _BARE_YEAR.fullmatch(r["expression"]) if r["granularity"] == "year" else None
        if m is not None:
            start = r["start"] + m.start(1)
            if far_future(int(m.group(1)), published.year, text, start) and not r["future"] and (
                    _tense(text, start, start + 4) != "future"):
                continue
        out.append(r)
    return out


_COPYRIGHT_BEFORE = re.compile(r"(?i)(?:\bcopyright|©|\(c\))\s*(?:©\s*)?$")


def _copyright_years(rows: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """``rows`` with the year of a copyright notice ("Copyright © 2015 by ...") made a description (``kind``
    description, no date): a notice on the page, not an event the text reports.

    Example:
        >>> rows = [{"expression": "2015", "start": 12, "end": 16, "kind": "point", "date": "2015", "note": ""}]
        >>> _copyright_years(rows, "Copyright © 2015 by the author.")[0]["kind"]
        'description'
    """
    for r in rows:
        if r["date"] and re.fullmatch(r"\d{4}", r["expression"]) and _COPYRIGHT_BEFORE.search(text, 0, r["start"]):
            r.update(kind="description", date="", granularity="", anchor="", confidence=0.0,
                     note="a copyright notice's year: not an event")
    return rows


_ANAPHORIC = re.compile(r"(?i)(?:the\s+)?(?:following|previous|preceding|subsequent|prior)\s+(?:week|month|year)\b")
_CENTURY_MODIFIER = re.compile(r"(?i)-centur(?:y|ies)$")  # "a 7th-century stop": an adjective, not a time
_TIMEX_EMPTY = {"timex_type": "", "timex_value": "", "timex_mod": "", "timex_start": -1, "timex_end": -1}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_QUARTER = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")


def _timex_point(value: str) -> tuple[str, str] | None:
    """The timeline's ISO date and granularity of a TIMEX3 DATE/TIME value: days, weeks, weekends, months,
    years, decades as :func:`kzlib.timeline._timex_values.value_to_point`; quarters, halves and seasons by their first month
    (``1989-Q3`` -> ``1989-07``, quarter); centuries by their first year (``19`` -> ``1900``)."""
    point = _timex_values.value_to_point(value)
    if point is not None:
        return point
    m = _QUARTER.fullmatch(value)
    if m:
        y, part = int(m.group(1)), m.group(2)
        if y < 1:
            return None
        if part[0] == "Q":
            return f"{y:04d}-{3 * int(part[1]) - 2:02d}", "quarter"
        if part[0] == "H":
            return f"{y:04d}-{6 * int(part[1]) - 5:02d}", "half"
        return f"{y:04d}-{_SEASON_MONTH[part]:02d}", "season"
    if re.fullmatch(r"\d{2}", value):
        return f"{max(int(value) * 100, 1):04d}", "century"
    return None


def _with_timex(rows: list[dict[str, Any]], text: str, anchor: _Anchor, *,
                found: list[Any] | None, ref: _Reference | None = None) -> list[dict[str, Any]]:
    """The mentions of one text with their TimeML columns (``rows`` filled in place), plus a row for every TimeML expression that no
    mention covers (durations, sets, PRESENT/PAST/FUTURE_REF, quarters, seasons, times of day ...).

    A mention takes the type, value and span of the TimeML expression it overlaps most. A new row is dated
    when its value is a point or period (``1989-Q3`` -> ``1989-07``, granularity ``quarter``); PRESENT_REF
    is dated to the anchor (the publication date) with anchor ``present-ref``; durations, sets and past or
    future references stay undated (``kind`` duration / set / reference): they are lengths and frequencies,
    not points on a timeline. ``found`` is the tagger's :func:`kzlib.timeline._timex.find` of the text (None: no TimeML
    layer, the columns stay empty); ``ref`` the reference time of the document's texts before this one.
    """
    timexes = _timex_values.tag(text, anchor.date, found=found, ref=ref) if found else []
    for r in rows:  # (in place: the rows are this text's own, made by the caller)
        r.update(_TIMEX_EMPTY)
    out = rows
    if not timexes:
        return out
    used: set[int] = set()
    by_timex: dict[int, list[dict[str, Any]]] = {}
    for r in out:
        best, best_overlap = None, 0
        for i, t in enumerate(timexes):
            overlap = min(r["end"], t.end) - max(r["start"], t.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            t = timexes[best]
            used.add(best)
            by_timex.setdefault(best, []).append(r)
            r.update(timex_type=t.type, timex_value=t.value, timex_mod=t.mod, timex_start=t.start, timex_end=t.end)
            if t.type == "TIME" and r["granularity"] == "year" and "T" in t.value:
                # a four-digit number inside a time of day ("by 1030 GMT") is a clock time, not a year
                day = _timex_point(t.value.split("T", 1)[0])
                r["note"] = "; ".join(filter(None, [f"{r['expression'].strip()!r} is a time of day ({t.value}), "
                                                    f"not the year {r['date']}", r["note"]]))
                r["date"], r["granularity"] = (day if day is not None else ("", ""))
                r["anchor"] = "publication-relative"
                if day is None:
                    r["anchor"], r["confidence"] = "unresolved", 0.0
            if r["anchor"] == "publication-relative" and t.type == "DATE" and r["date"] and \
                    _ANAPHORIC.match(r["expression"]):
                # "the following year", "the previous month": after the time the text last named ("acquitted in
                # 2012 ... the following year" is 2013), which the TimeML layer follows, not the publication date
                point = _timex_point(t.value)
                if point is not None and point[1] == r["granularity"] and point[0] != r["date"]:
                    r["note"] = "; ".join(filter(None, [f"relative to the time named before: {point[0]}, not "
                                                        f"{r['date']} (from the publication date)", r["note"]]))
                    r["date"] = point[0]
            if r["granularity"] == "year" and t.type == "DATE" and _QUARTER.fullmatch(t.value) and \
                    t.value[:4] == r["date"] and (point := _timex_point(t.value)) is not None:
                # "the first half of 1997", "the second half of next year": the half or quarter of that year
                r["note"] = "; ".join(filter(None, [f"the {point[1]} {t.value} of {r['date']} (TimeML)", r["note"]]))
                r["date"], r["granularity"] = point
            if r["anchor"] == "absolute-year-inferred" and t.type == "DATE" and r["date"]:
                # a month or day written without its year: the TimeML layer weighs the sentence's tense and how
                # near the date is ("expire Dec. 15" in a November story is next month, not last December)
                point = _timex_point(t.value)
                if point is not None and point[1] == r["granularity"] and point[0] != r["date"]:
                    r["note"] = "; ".join(filter(None, [f"year from the sentence's tense and the nearness of the "
                                                        f"date: {point[0]}, not {r['date']}", r["note"]]))
                    r["date"] = point[0]
    for i, rs in by_timex.items():
        # one TimeML expression read as two mentions ("On Sunday, the 2nd of January"): the (longest) part whose date
        # is the expression's stands for it; the other part (Sunday the 9th, or the same day again) is no second date
        point = _timex_point(timexes[i].value) if len(rs) > 1 and timexes[i].type == "DATE" else None
        same = [r for r in rs if point is not None and r["date"] == point[0]]
        if same:
            keep = max(same, key=lambda r: r["end"] - r["start"])
            out = [r for r in out if r is keep or all(r is not x for x in rs)]
    factor = _ANCHOR_FACTOR[anchor.basis]
    added = []
    for i, t in enumerate(timexes):
        if i in used:
            continue
        if t.type in ("DATE", "TIME") and any(r["date"] and r["start"] < t.end and t.start < r["end"] for r in out):
            continue  # a part of a dated mention ("Sunday" of "Sunday 2 January"): not a second date
        row = {"start": t.start, "end": t.end, "expression": t.text, "kind": "point", "date": "", "granularity": "",
               "anchor": "", "anchor_date": anchor.date.isoformat() if anchor.date else "", "confidence": 0.0,
               "future": _is_future(text, t.start, t.end), "flag": "", "note": "",
               "timex_type": t.type, "timex_value": t.value, "timex_mod": t.mod, "timex_start": t.start,
               "timex_end": t.end}
        if t.type == "DURATION":
            row.update(kind="duration", note=f"a duration ({t.value}): a length, not a point on the timeline")
        elif t.type == "SET":
            row.update(kind="set", note=f"a frequency ({t.value}): not a point on the timeline")
        elif t.value == "PRESENT_REF":
            if anchor.date is not None:
                row.update(kind="reference", date=anchor.date.isoformat(), granularity="day", anchor="present-ref",
                           confidence=round(0.5 * factor, 3),
                           note="the present ('now', 'currently'): dated to the publication date")
            else:
                row.update(kind="reference", anchor="unresolved", note="the present, with no publication date")
        elif t.value in ("PAST_REF", "FUTURE_REF"):
            row.update(kind="reference", note=f"{t.value}: an unspecified time before or after publication")
        else:
            point = _timex_point(t.value)
            ends = stated_end(text, t.end, anchor.date, future=bool(row["future"])) if point is not None and \
                point[1] == "quarter" else None
            if ends is not None:  # "its fourth quarter ended June 30" (TimeML 1989-Q4, a fiscal quarter): Apr-Jun
                first = months_to(ends)
                row.update(date=f"{first.year:04d}-{first.month:02d}", granularity="quarter",
                           confidence=round(0.8 * (factor if anchor.date is not None else 1.0), 3),
                           anchor="publication-relative", note=f"the three months to its stated end "
                                                               f"{ends.isoformat()} (TimeML {t.value})")
            elif point is None:
                row.update(anchor="unresolved", note=f"TimeML value {t.value} has unknown parts")
            elif point[1] == "century" and _CENTURY_MODIFIER.search(t.text):
                row.update(kind="description", note=f"a century as a modifier ({t.text!r}: TimeML {t.value}): "
                                                    "a description of a thing, not an event on the timeline")
            else:
                relative = t.rule not in ("full", "iso", "slash", "month_year", "year", "year_ad", "year_words",
                                          "decade", "century")
                conf = 0.7 * factor if relative else 0.85
                row.update(date=point[0], granularity=point[1], confidence=round(conf, 3),
                           anchor="publication-relative" if relative else "absolute",
                           note=f"TimeML {t.rule} expression {t.value}")
        added.append(row)
    return sorted(out + added, key=lambda r: (r["start"], r["end"]))


def _check_options(window: int, tolerance: int) -> None:
    for name, value in (("future_window_days", window), ("tolerance_days", tolerance)):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 0:
            raise ParameterError(f"{name}={value!r} must be a non-negative whole number of days")


def extract_dates(text: str, *, published: Any = None, date_certainty: str = "exact",
                  future_window_days: int = 14, tolerance_days: int = 1, timeml: bool = True) -> pd.DataFrame:
    """Temporal expressions in ``text`` normalised to ISO dates.

    ``published`` is the document's publication date (ISO string, date or Timestamp; None = unknown) and
    ``date_certainty`` what is known of it (``exact``, ``on-or-after``, ``copy-date``, ``unknown``).
    Returns one row per expression with the columns of ``MENTION_COLUMNS``: character offsets, the
    ``expression``, ``kind`` (point / duration; a duration is dated by its start), ``date``,
    ``granularity``, ``anchor`` (absolute / absolute-year-inferred / publication-relative / unresolved),
    ``anchor_date``, ``confidence`` (0-1), ``future`` (a future marker in the clause; for a weekday, whether
    its own clause looks ahead), ``flag`` (``after-publication`` for past events dated after publication;
    ``resolved-ahead`` for a relative date resolved after publication that the text reports as past: the
    resolution may point the wrong way) and a ``note`` explaining the decision.

    A weekday without "last" or "next" is dated by the tense of its own clause ("said on Wednesday that the
    troops will leave": the Wednesday before publication), looks ahead after a deadline ("until 9 a.m.
    Tuesday", "as soon as Tuesday", "by Tuesday"), and on the publication's own weekday in a future clause
    is that very day. A quarter whose end date is stated ("its fourth quarter ended June 30") keeps its
    TimeML value (a fiscal quarter its number, ``1989-Q4``, as TimeBank; an unnumbered "the quarter ended
    Sept. 30" the calendar quarter, ``1989-Q3``) and is dated to the three months up to that end
    (``1989-04``, granularity quarter).

    The TimeML columns (``timeml=True``, the default) give each expression its TIMEX3 ``timex_type``
    (DATE, TIME, DURATION, SET), ``timex_value`` (``1989-Q3``, ``1998-W12``, ``P5Y``, ``PRESENT_REF`` ...),
    ``timex_mod`` and TimeML span ``timex_start``/``timex_end`` (no leading preposition: "Friday" in "on
    Friday"), and add rows for what only TimeML counts: durations and sets (``kind`` duration / set,
    undated: lengths and frequencies are not points), references (``kind`` reference: PRESENT_REF dated
    to the publication date with anchor ``present-ref``), quarters, seasons, centuries and times of day.
    ``timeml=False`` skips that layer (the TimeML columns stay empty) and takes about half the time.

    Example:
        >>> extract_dates("In August, Biden completed the exit.", published="2022-01-07")["date"].tolist()
        ['2021-08']
        >>> extract_dates("Profit rose in the third quarter.", published="1989-11-01")["timex_value"].tolist()
        ['1989-Q3']
    """
    if text is None or (isinstance(text, float) and np.isnan(text)):
        text = ""
    if not isinstance(text, str):
        raise ParameterError(f"text must be a string, not {type(text).__name__}; pass one document's text")
    _check_options(future_window_days, tolerance_days)
    # Russian text: TimeML values in timex_type/timex_value (issue 18)
    from kzlib.russian.nlp import is_russian

    if is_russian(text[:300]):
        from kzlib.russian.dates import extract_dates_ru
        return extract_dates_ru(text, published=published, future_window_days=future_window_days)
    mentions = _document_mentions([text], published, date_certainty, window=future_window_days,
                                  tolerance=tolerance_days, find=_timex.find if timeml else None)[0]
    return pd.DataFrame(mentions, columns=MENTION_COLUMNS)


def to_timeml(text: str, mentions: pd.DataFrame, *, dct: Any = None, doc_id: str | None = None) -> str:
    """The text with its TimeML expressions marked up inline as ``<TIMEX3>`` elements (TimeML 1.2.1), for the
    standard scorers and tools (TempEval-3's, HeidelTime's and SUTime's readers).

    ``mentions`` is :func:`extract_dates` of the same ``text`` (its ``timex_*`` columns). Each expression
    becomes ``<TIMEX3 tid="t1" type="DATE" value="1998-03-22">...</TIMEX3>`` (with ``mod`` where there is one);
    the rest of the text is escaped for XML. With ``dct`` (the document creation time) the result is a whole
    TimeML document: ``<TimeML>`` with ``DOCID``, a ``DCT`` element holding ``t0`` (CREATION_TIME) and the
    ``TEXT``; without it, the marked-up text alone.

    Example:
        >>> text = "Shares fell on Friday and will rise next week."
        >>> to_timeml(text, extract_dates(text, published="1989-11-01"))
        'Shares fell on <TIMEX3 tid="t1" type="DATE" value="1989-10-27">Friday</TIMEX3> and will rise <TIMEX3 tid="t2" type="DATE" value="1989-W45">next week</TIMEX3>.'
    """
    from xml.sax.saxutils import escape, quoteattr  # noqa: PLC0415

    if not isinstance(text, str):
        raise ParameterError(f"text must be a string, not {type(text).__name__}; pass the text the mentions come from")
    need = {"timex_type", "timex_value", "timex_start", "timex_end"}
    if not need <= set(mentions.columns):
        raise ParameterError(f"mentions lacks columns {sorted(need - set(mentions.columns))}; "
                             f"pass extract_dates(text, ...) of the same text")
    spans: dict[tuple[int, int], tuple[str, str, str]] = {}
    mods = mentions["timex_mod"] if "timex_mod" in mentions.columns else pd.Series("", index=mentions.index)
    for typ, value, mod, start, end in zip(mentions["timex_type"], mentions["timex_value"], mods.fillna(""),
                                           mentions["timex_start"], mentions["timex_end"]):
        if not value or pd.isna(start) or int(start) < 0:
            continue
        start, end = int(start), int(end)
        if not 0 <= start < end <= len(text):
            raise ParameterError(f"a mention spans {start}..{end}, outside the text of {len(text)} characters; "
                                 f"pass the text the mentions were extracted from")
        spans.setdefault((start, end), (str(typ), str(value), str(mod)))
    parts, pos, tid = [], 0, 0
    for (start, end), (typ, value, mod) in sorted(spans.items()):
        if start < pos:  # overlapping expressions: TimeML's inline markup holds the first
            continue
        tid += 1
        attrs = f'tid="t{tid}" type={quoteattr(typ)} value={quoteattr(value)}'
        if mod:
            attrs += f" mod={quoteattr(mod)}"
        parts += [escape(text[pos:start]), f"<TIMEX3 {attrs}>", escape(text[start:end]), "</TIMEX3>"]
        pos = end
    parts.append(escape(text[pos:]))
    body = "".join(parts)
    if dct is None:
        return body
    day = _to_date(dct)
    if day is None:
        raise ParameterError(f"dct={dct!r} is not a date; give the document creation time as an ISO date")
    docid = escape(str(doc_id)) if doc_id is not None else ""
    return ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n'
            f"<DOCID>{docid}</DOCID>\n"
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day.isoformat()}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{day.isoformat()}</TIMEX3></DCT>\n'
            f"<TEXT>{body}</TEXT>\n</TimeML>\n")
