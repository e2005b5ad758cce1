"""Timeline: dates in the text normalised to ISO, and the events they date.

Every temporal expression in a text ("January 11", "Jan. 5, 2022", "in August", "in 2019", "on Friday",
"over the weekend", "next week", "20 years ago", "two decades of") is found by a rule-based recogniser
whose vocabulary lives in ``kzlib/data/temporal.yaml`` and resolved to an ISO date (``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD``) with a granularity (``day``, ``weekend``, ``week``, ``month``, ``year``,
``decade``). Relative expressions are resolved against the document's publication date the way a
newsroom writes them: in a Friday article "on Friday" is that day and "on Thursday" the day before;
with a future marker ("will meet on Monday") the next one; a yearless month or day is the most recent
one on or before publication (so "in August" in a January 2022 article is August 2021), unless the
sentence speaks of the future or the day is at most ``future_window_days`` ahead.

Why rules and not ``dateparser.search.search_dates``: dateparser's search mode takes bare numbers,
"may", "march", "second" and "now" for dates, returns no granularity, resolves weekdays without regard to
tense or to a newsroom's conventions, cannot be told that a publication date is only a lower bound, and
is slow on long texts. A recogniser whose patterns are compiled once from a data file is deterministic,
linear in the text, explains each decision (``note``) and is easy to extend for another corpus.

How sure a date is (``confidence``) combines how explicit the expression is with how well the anchor is
known: the publication date's ``date_certainty`` is ``exact``, ``on-or-after`` (a lower bound),
``copy-date`` (the date of a later copy; the original is earlier, so the anchor is estimated from the
latest date the text itself reports) or ``unknown`` (relative expressions are then reported unresolved,
never dropped).

Example:
    >>> from kzlib.timeline import extract_dates
    >>> df = extract_dates("On Thursday, the ministry issued a statement.", published="2022-01-07")
    >>> df.loc[0, ["expression", "date", "granularity"]].tolist()
    ['On Thursday', '2022-01-06', 'day']
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from dateutil.relativedelta import relativedelta

from kzlib import _timex
from kzlib._text import ASCII_CASE_TWINS
from kzlib.errors import ParameterError

__all__ = [
    "extract_dates",
    "to_timeml",
    "build_events",
    "chronology",
    "check_dates",
    "coverage",
    "events_in_window",
    "publication_window",
    "stance_over_time",
    "MENTION_COLUMNS",
    "EVENT_COLUMNS",
    "GRANULARITIES",
]

log = logging.getLogger(__name__)

_DATA = Path(__file__).resolve().parent / "data" / "temporal.yaml"

GRANULARITIES = ("day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade", "century")
DATE_CERTAINTIES = ("exact", "on-or-after", "copy-date", "unknown")

MENTION_COLUMNS = [
    "start", "end", "expression", "kind", "date", "granularity", "anchor", "anchor_date", "confidence",
    "future", "flag", "note", "timex_type", "timex_value", "timex_mod", "timex_start", "timex_end",
]
EVENT_COLUMNS = [
    "doc_id", "sentence_id", "para_id", "date", "granularity", "date_start", "expression", "anchor",
    "actors", "actor", "text", "label", "confidence", "kind", "flag", "note", "story_id", "outlet", "published",
    "date_certainty", "reported_by", "n_reports", "timex_type", "timex_value",
]

# confidence of the expression itself, before the anchor's certainty is taken into account
_BASE_CONFIDENCE = {
    "full_date": 0.95, "iso": 0.95, "month_year": 0.95, "decade": 0.85,
    "year_context": 0.9, "year_bare": 0.7,
    "month_day": 0.9, "month_context": 0.85,
    "weekday": 0.85, "relative_unit": 0.85, "within_current": 0.8, "weekend": 0.8,
    "deictic": 0.8, "ago": 0.75, "duration": 0.5, "new_year": 0.6,
}
# how well the anchor (publication date) is known
_ANCHOR_FACTOR = {"exact": 1.0, "on-or-after": 0.8, "estimated": 0.6, "copy-date": 0.4, "unknown": 0.5}
_SPINNER_FACTOR = 0.85
_ABSOLUTE_RULES = frozenset({"full_date", "iso", "month_year", "decade", "year_context", "year_bare", "month_day",
                             "month_context"})


# --- vocabulary and compiled patterns ------------------------------------------------------------

def _alt(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A regex alternation of words (longest first), with flexible whitespace."""
    parts = sorted({w for w in words}, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_MAX_CASED_LETTERS = 12  # a case-insensitive name is looked up in all its 2**letters spellings


def _text_words(text: str) -> list[str] | None:
    """The words of ``text`` for the word triggers, or None when a character of the text matches an ASCII
    letter only case-insensitively (a word test would not say what a case-insensitive pattern does)."""
    if ASCII_CASE_TWINS.search(text):
        return None
    return _WORD.findall(text)


def _spellings(word: str, *, ignore_case: bool) -> list[str]:
    """``word`` as a case-sensitive pattern matches it, or in every mix of cases."""
    if not ignore_case:
        return [word]
    return ["".join(p) for p in itertools.product(*({c.lower(), c.upper()} for c in word))]


def _plain_words(names: Iterable[str], *, ignore_case: bool) -> list[tuple[str, ...]] | None:
    """The words of each name, or None when a name is not made of plain ASCII words (so that ``\\b`` around
    the name in a pattern means whole words) or has too many letters to spell out in every case."""
    split = [tuple(n.split(" ")) for n in names]
    for w in (w for ws in split for w in ws):
        if not (w.isascii() and re.fullmatch(r"\w+", w)) or (ignore_case and len(w) > _MAX_CASED_LETTERS):
            return None
    return split


@dataclass(frozen=True)
class _Triggers:
    """Cheap tests of which rules a text can match, all at once.

    ``searched`` patterns are searched. A word trigger ``\\b(?:names)\\b`` is answered from the text's
    words: ``single`` maps every spelling of a one-word name that the pattern matches to the triggers that
    word completes; ``phrases`` maps the spellings of the longest word of a longer name to the triggers
    whose pattern is then searched. Names that are not plain words leave their trigger to its pattern
    (``fallback``), and so does a text with a character that only case-insensitively matches an ASCII letter.
    """

    searched: dict[str, re.Pattern]
    patterns: dict[str, re.Pattern]
    single: dict[str, tuple[str, ...]]
    phrases: dict[str, tuple[str, ...]]
    fallback: tuple[str, ...]

    @classmethod
    def build(cls, searched: dict[str, re.Pattern], words: dict[str, tuple[Iterable[str], bool]]) -> _Triggers:
        """From patterns to search and ``{trigger: (names, ignore_case)}``."""
        patterns: dict[str, re.Pattern] = {}
        single: dict[str, tuple[str, ...]] = {}
        phrases: dict[str, tuple[str, ...]] = {}
        fallback: list[str] = []
        for name, (names, ignore_case) in words.items():
            names = list(names)
            patterns[name] = re.compile(rf"\b{_alt(names, ignore_case=ignore_case)}\b")
            split = _plain_words(names, ignore_case=ignore_case)
            if split is None:
                fallback.append(name)
                continue
            for ws in split:
                index = single if len(ws) == 1 else phrases
                key = max(reversed(ws), key=len)  # the longest word: the rarest, as a rule
                for spelling in _spellings(key, ignore_case=ignore_case):
                    index[spelling] = tuple(dict.fromkeys((*index.get(spelling, ()), name)))
        return cls(searched, patterns, single, phrases, tuple(fallback))

    def found(self, text: str, words: list[str] | None) -> set[str]:
        """The triggers found in ``text``, whose words (from :func:`_text_words`) are ``words``."""
        present = set()
        for name, p in self.searched.items():
            if p.search(text):
                present.add(name)
        if words is None:
            present.update(name for name, p in self.patterns.items() if p.search(text))
            return present
        single = self.single
        for w in single.keys() & words:
            present.update(single[w])
        if self.phrases:
            for w in self.phrases.keys() & words:
                for name in self.phrases[w]:
                    if name not in present and self.patterns[name].search(text):
                        present.add(name)
        for name in self.fallback:
            if self.patterns[name].search(text):
                present.add(name)
        return present


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    needs: tuple[frozenset[str], ...]  # the pattern is tried where all triggers of one of these are found
    anchor: re.Pattern | None = None  # every match holds a hit of this: searched only around its hits

    def may_match(self, present: set[str]) -> bool:
        return any(need <= present for need in self.needs)


@dataclass(frozen=True)
class _Vocab:
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    number_of: dict[str, int]
    unit_of: dict[str, tuple[str, int]]
    relative_of: dict[str, int]
    deictic_of: dict[str, int]
    spinner: dict[str, str]
    rules: list[_Rule]
    rank: dict[str, int]  # rule -> place of its last pattern; of overlapping matches of one length the lower wins
    triggers: _Triggers
    future: re.Pattern
    not_dates: _Triggers  # one word trigger, "not_dates"
    point_only: re.Pattern  # a digit or a word that only this recogniser knows (spinner synonyms, "new year")
    point_only_lower: re.Pattern  # the same words, lower case, to search the lower-case text with first
    _tried: dict[frozenset[str], tuple[_Rule, ...]] = field(default_factory=dict)

    def rules_for(self, present: set[str]) -> tuple[_Rule, ...]:
        """The rules whose patterns may match a text in which the triggers ``present`` were found (few
        distinct sets of triggers occur, so the answer is kept for each)."""
        key = frozenset(present)
        rules = self._tried.get(key)
        if rules is None:
            rules = self._tried[key] = tuple(rule for rule in self.rules if rule.may_match(present))
        return rules


_SPACES = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _SPACES.sub(" ", s.strip().lower())


def _numbered_names(groups: dict) -> tuple[dict[str, int], list[str]]:
    """{lower-case name: number} and the names as written and in capitals, from ``{number: [names]}``."""
    number_of: dict[str, int] = {}
    names_out: list[str] = []
    for num, names in groups.items():
        for name in names:
            number_of[name.lower()] = int(num)
            names_out += [name, name.upper()]
    return number_of, names_out


@functools.lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    """Load ``temporal.yaml`` and compile the patterns once."""
    with open(_DATA, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    month_of, month_names = _numbered_names(data["months"])
    weekday_of, weekday_names = _numbered_names(data["weekdays"])
    number_of = {_norm(k): int(v) for k, v in data["numbers"].items()}
    unit_of = {_norm(k): (v[0], int(v[1])) for k, v in data["units"].items()}
    spinner = {_norm(k): _norm(v) for k, v in data["spinner_synonyms"].items()}
    relative_of = {_norm(k): int(v) for k, v in data["relative"].items()}
    for spun, plain in spinner.items():
        if plain in relative_of:
            relative_of.setdefault(spun, relative_of[plain])
    deictic_of = {_norm(k): int(v) for k, v in data["deictic"].items()}
    ago_words = list(data["ago"]) + [k for k, v in spinner.items() if v == "ago"]

    month = rf"(?P<month>{_alt(month_names)})(?:\.(?!\w))?"
    weekday = rf"(?P<weekday>{_alt(weekday_names)})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>1[0-9]\d\d|20\d\d)"
    number_words = [k for k in number_of if k not in ("a", "an")]
    numwords = _alt(number_words, ignore_case=True)
    num = rf"(?P<num>\d{{1,3}}|{numwords})"
    unit = rf"(?P<unit>{_alt(unit_of, ignore_case=True)})"
    rel = rf"(?P<rel>{_alt(relative_of, ignore_case=True)})"
    not_number = r"(?![,.]?\d)"
    lead_weekday = rf"(?:{weekday},?\s+)?"

    patterns = [
        ("iso", r"\b(?P<year>\d{4})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("full_date", rf"\b{lead_weekday}{month}\s+{day},?\s+{year}\b{not_number}"),
        ("full_date", rf"\b{lead_weekday}{day}\s+(?:of\s+)?{month},?\s+{year}\b{not_number}"),
        ("month_year", rf"\b(?:(?P<pre>{_alt(data['month_context'], ignore_case=True)})[\s-]+)?{month},?\s+{year}\b"
                       rf"{not_number}"),
        ("month_day", rf"\b{lead_weekday}{month}\s+{day}\b(?!\s*[,:]?\s*\d)"),
        ("month_day", rf"\b{lead_weekday}{day}\s+(?:of\s+)?{month}\b(?!\s*,?\s*\d)"),
        ("month_context", rf"\b(?P<pre>{_alt(list(data['month_context']) + list(spinner), ignore_case=True)})"
                          rf"[\s-]+{month}\b(?!\s*\d)"),
        ("decade", r"\b(?:the\s+)?(?P<decade>1[0-9]\d0|20\d0)s\b"),
        ("year_context", rf"(?<![\d$€£.,/-])\b(?P<pre>{_alt(data['year_context'], ignore_case=True)})[\s-]+"
                         rf"{year}\b(?!\s*(?:%|percent|per\s+cent))(?![,.]?\d)(?!-\d)"),
        ("year_bare", rf"(?<![\d$€£.,/-])\b{year}\b(?!\s*(?:%|percent|per\s+cent))(?![,.]?\d)(?!-\d|/)"),
        ("weekday", rf"\b(?:(?P<rel>{_alt(list(relative_of) + ['on'], ignore_case=True)})\s+)?{weekday}\b"),
        ("within_current", rf"\b(?P<rel>{_alt(data['within_current'], ignore_case=True)})\s+"
                           rf"(?P<unit>(?i:week|month|year))\b", [("within",)]),
        ("duration", rf"\b(?P<pre>(?i:over|in|for|during|throughout))\s+the\s+(?P<rel>(?i:past|last|previous))"
                     rf"(?:\s+{num})?\s+{unit}", [("back",)]),
        ("weekend", r"\b(?P<pre>(?i:over|on|at|during))\s+the\s+weekend\b"),
        ("relative_unit", rf"\b{rel}\s+(?P<unit>(?i:week|weekend|month|year))\b", [("rel",)]),
        ("ago", rf"\b(?:(?P<art>(?i:a|an))\s+)?(?:(?i:about|some|nearly|almost|roughly|around|more\s+than|over)\s+)?"
                rf"(?:{num}\s+)?{unit}\s+(?P<ago>{_alt(ago_words, ignore_case=True)})\b"),
        ("duration", rf"\b{num}\s+{unit}\s+of\b", [("of", "digit"), ("of", "number")]),
        ("duration", rf"\b(?P<pre>(?i:for))\s+(?:(?i:about|some|nearly|almost|more\s+than|over)\s+)?{num}\s+{unit}\b",
         [("for", "digit"), ("for", "number")]),
        ("deictic", rf"\b(?P<deictic>{_alt(deictic_of, ignore_case=True)})\b"),
        ("new_year", r"\b(?i:the)\s+(?:new\s+year|New\s+Year)\b(?!'s|’s)"),
    ]
    # cheap tests that a sentence can hold a match at all: each pattern runs only where its triggers occur
    triggers = _Triggers.build(
        {"digit": re.compile(r"\d"),
         "year": re.compile(r"\d{4}")},  # every year, ISO date and decade has four digits in a row
        {"month": (month_names, False), "weekday": (weekday_names, False),
         "unit": (list(unit_of) + ["weekend"], True), "ago": (ago_words, True), "weekend": (["weekend"], True),
         "deictic": (deictic_of, True), "new_year": (["new year"], True), "of": (["of"], False),
         "for": (["for"], True), "number": (number_words, True), "rel": (relative_of, True),
         "within": (data["within_current"], True), "back": (["past", "last", "previous"], True)})
    needs = {"iso": ("year",), "full_date": ("month", "year"), "month_year": ("month", "year"),
             "month_day": ("month", "digit"), "month_context": ("month",), "decade": ("year",),
             "year_context": ("year",), "year_bare": ("year",), "weekday": ("weekday",),
             "within_current": ("unit",), "duration": ("unit",), "weekend": ("weekend",),
             "relative_unit": ("unit",), "ago": ("unit", "ago"), "deictic": ("deictic",), "new_year": ("new_year",)}
    # a third element: more triggers of that pattern, one set of which must be found ("<num> <unit> of" needs
    # "of", and a digit or a number word)
    # a match of these rules holds a month name, a weekday name or four digits: each pattern is searched only
    # in windows around those hits (a date expression is shorter than the window either side)
    month_hit, weekday_hit, year_hit = re.compile(_alt(month_names)), re.compile(_alt(weekday_names)), re.compile(r"\d{4}")
    anchor_of = {"full_date": month_hit, "month_year": month_hit, "month_day": month_hit, "month_context": month_hit,
                 "weekday": weekday_hit, "iso": year_hit, "decade": year_hit, "year_context": year_hit,
                 "year_bare": year_hit}
    rules = [_Rule(name, re.compile(p), tuple(frozenset(needs[name] + alt) for alt in (extra[0] if extra else [()])),
                   anchor_of.get(name)) for name, p, *extra in patterns]
    rank = {rule.name: i for i, rule in enumerate(rules)}
    future = re.compile(rf"(?<!\w){_alt(data['future_markers'], ignore_case=True)}(?!\w)")
    not_dates = _Triggers.build({}, {"not_dates": (data["not_dates"], True)})
    point_only = re.compile(rf"\d|{_alt([*spinner, 'new year'], ignore_case=True)}")
    return _Vocab(month_of, weekday_of, number_of, unit_of, relative_of, deictic_of, spinner,
                  rules, rank, triggers, future, not_dates, point_only,
                  re.compile(_alt([p.lower() for p in [*spinner, "new year"]])))


# --- scanning ------------------------------------------------------------------------------------

@dataclass
class _Cand:
    start: int
    end: int
    rule: str
    groups: dict[str, str | None]
    text: str


_BEFORE, _AFTER = 60, 40  # characters searched before and after an anchor hit: more than any expression holds


def _windows(anchor: re.Pattern, text: str) -> list[tuple[int, int]]:
    """The merged windows around the hits of ``anchor`` in ``text``."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    for h in anchor.finditer(text):
        lo, hi = max(0, h.start() - _BEFORE), min(n, h.end() + _AFTER)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _scan(text: str) -> list[_Cand]:
    """All temporal expressions in ``text``; overlapping matches resolved in favour of the longest."""
    if not text:
        return []
    v = _vocab()
    words = _text_words(text)
    found: list[_Cand] = []
    windows: dict[re.Pattern, list[tuple[int, int]]] = {}
    n = len(text)
    for rule in v.rules_for(v.triggers.found(text, words)):
        if rule.anchor is None:
            spans = [(0, n)]
        else:
            spans = windows.get(rule.anchor)
            if spans is None:
                spans = windows[rule.anchor] = _windows(rule.anchor, text)
        for lo, hi in spans:
            for m in rule.pattern.finditer(text, lo, hi):
                found.append(_Cand(m.start(), m.end(), rule.name, m.groupdict(), m.group(0)))
    if not found:
        return []
    blocked = ([(m.start(), m.end()) for m in v.not_dates.patterns["not_dates"].finditer(text)]
               if v.not_dates.found(text, words) else [])
    rank = v.rank
    found.sort(key=lambda c: (-(c.end - c.start), rank[c.rule], c.start))
    kept: list[_Cand] = []
    for c in found:
        if any(c.start < e and s < c.end for s, e in blocked):
            continue
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        if not _plausible(c, text):
            continue
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b")


def _plausible(c: _Cand, text: str) -> bool:
    """Reject numbers that only look like dates."""
    g = c.groups
    if g.get("day") is not None and not 1 <= int(g["day"]) <= 31:
        return False
    if c.rule == "iso" and not 1 <= int(g["mnum"]) <= 12:
        return False
    if c.rule == "year_bare":
        year = int(g["year"])
        if not 1800 <= year <= 2099:
            return False
        # "2000 troops": a count, not a year
        if _PLURAL_AFTER.match(text, c.end):
            return False
    if c.rule == "year_context" and (g.get("pre") or "").lower() in ("the", "and", "to"):
        if not 1800 <= int(g["year"]) <= 2099:
            return False
        if (g.get("pre") or "").lower() != "the" and _PLURAL_AFTER.match(text, c.end):
            return False
    if c.rule == "ago" and g.get("num") is None and g.get("art") is None:
        return False  # "years ago" alone is too vague to date
    return True


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


def _number(g: dict[str, str | None], vocab: _Vocab) -> int | None:
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


def _resolve(c: _Cand, text: str, anchor: _Anchor, *, window: int) -> dict[str, Any]:
    """Date, granularity, anchor kind, confidence and note of one candidate."""
    v = _vocab()
    g = c.groups
    rule = c.rule
    future = _is_future(text, c.start, c.end)
    out: dict[str, Any] = {"start": c.start, "end": c.end, "expression": c.text.strip(), "kind": "point",
                           "date": "", "granularity": "", "anchor": "", "anchor_date": "", "confidence": 0.0,
                           "future": future, "flag": "", "note": ""}
    base = _BASE_CONFIDENCE[rule]
    spun = any(_norm(g.get(k) or "") in v.spinner and _norm(g.get(k) or "") != "previous"
               for k in ("rel", "pre", "ago"))
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
        back = (a.weekday() - wd) % 7
        ahead = (wd - a.weekday()) % 7
        conf = base
        if rel in ("last", "past", "previous"):
            d, how = a - dt.timedelta(days=back or 7), "the one before publication"
        elif rel in ("next", "coming", "following"):
            d, how = a + dt.timedelta(days=ahead or 7), "the one after publication"
            conf *= 0.9
        elif future:
            d, how = a + dt.timedelta(days=ahead or 7), "future tense: the next one after publication"
            if ahead == 0:
                conf *= 0.7
                how += " (publication is on the same weekday: it could mean that very day)"
        else:
            d, how = a - dt.timedelta(days=back), (
                "the publication day" if back == 0 else "the most recent one on or before publication")
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
        delta = {"day": relativedelta(days=n), "week": relativedelta(weeks=n), "month": relativedelta(months=n),
                 "year": relativedelta(years=n)}[unit]
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


def _flag(mentions: list[dict[str, Any]], published: dt.date | None, certainty: str, tolerance: int) -> None:
    """Mark dates after the publication date that the text does not put in the future."""
    if published is None or certainty == "on-or-after":
        return
    for m in mentions:
        if not m["date"] or m["future"] or m["anchor"] not in ("absolute", "absolute-year-inferred"):
            continue
        start, _ = _period(m["date"], m["granularity"])
        if (start - published).days > tolerance:
            m["flag"] = "after-publication"
            m["note"] = "; ".join(filter(None, [m["note"], f"reported as past but after the publication date "
                                                           f"{published.isoformat()}: check the date"]))


def _point_only(text: str) -> bool:
    """Whether ``text`` may hold what only the point recogniser finds: a digit, a spinner synonym, "new year"
    (the lower-case text searched first: cheaper than the case-insensitive pattern, and the same answer but
    where a character matches an ASCII letter only case-insensitively)."""
    if _DIGIT.search(text):
        return True
    v = _vocab()
    if v.point_only_lower.search(text.lower()) is None and not ASCII_CASE_TWINS.search(text):
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
    result = []
    for cs, t, ms, f in zip(cands, texts, first, found):
        row = [m if m is not None else _resolve(c, t, anchor, window=window) for c, m in zip(cs, ms)]
        _flag(row, pub_anchor.published, certainty, tolerance)
        result.append(_with_timex(row, t, anchor, found=f))
    return result


_TIMEX_EMPTY = {"timex_type": "", "timex_value": "", "timex_mod": "", "timex_start": -1, "timex_end": -1}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_QUARTER = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")


def _timex_point(value: str) -> tuple[str, str] | None:
    """The timeline's ISO date and granularity of a TIMEX3 DATE/TIME value: days, weeks, weekends, months,
    years, decades as :func:`kzlib._timex.value_to_point`; quarters, halves and seasons by their first month
    (``1989-Q3`` -> ``1989-07``, quarter); centuries by their first year (``19`` -> ``1900``)."""
    point = _timex.value_to_point(value)
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
                found: list[Any] | None) -> list[dict[str, Any]]:
    """The mentions of one text with their TimeML columns, plus a row for every TimeML expression that no
    mention covers (durations, sets, PRESENT/PAST/FUTURE_REF, quarters, seasons, times of day ...).

    A mention takes the type, value and span of the TimeML expression it overlaps most. A new row is dated
    when its value is a point or period (``1989-Q3`` -> ``1989-07``, granularity ``quarter``); PRESENT_REF
    is dated to the anchor (the publication date) with anchor ``present-ref``; durations, sets and past or
    future references stay undated (``kind`` duration / set / reference): they are lengths and frequencies,
    not points on a timeline. ``found`` is the tagger's :func:`kzlib._timex.find` of the text (None: no TimeML
    layer, the columns stay empty).
    """
    timexes = _timex.tag(text, anchor.date, found=found) if found else []
    out = [{**r, **_TIMEX_EMPTY} for r in rows]
    if not timexes:
        return out
    used: set[int] = set()
    for r in out:
        best, best_overlap = None, 0
        for i, t in enumerate(timexes):
            overlap = min(r["end"], t.end) - max(r["start"], t.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            t = timexes[best]
            used.add(best)
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
            if r["anchor"] == "absolute-year-inferred" and t.type == "DATE" and r["date"]:
                # a month or day written without its year: the TimeML layer weighs the sentence's tense and how
                # near the date is ("expire Dec. 15" in a November story is next month, not last December)
                point = _timex_point(t.value)
                if point is not None and point[1] == r["granularity"] and point[0] != r["date"]:
                    r["note"] = "; ".join(filter(None, [f"year from the sentence's tense and the nearness of the "
                                                        f"date: {point[0]}, not {r['date']}", r["note"]]))
                    r["date"] = point[0]
    factor = _ANCHOR_FACTOR[anchor.basis]
    added = []
    for i, t in enumerate(timexes):
        if i in used:
            continue
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
            if point is None:
                row.update(anchor="unresolved", note=f"TimeML value {t.value} has unknown parts")
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
    ``anchor_date``, ``confidence`` (0-1), ``future`` (a future marker in the clause), ``flag``
    (``after-publication`` for past events dated after publication) and a ``note`` explaining the decision.

    The TimeML columns (``timeml=True``, the default) give each expression its TIMEX3 ``timex_type``
    (DATE, TIME, DURATION, SET), ``timex_value`` (``1989-Q3``, ``1998-W12``, ``P5Y``, ``PRESENT_REF`` ...),
    ``timex_mod`` and TimeML span ``timex_start``/``timex_end`` (no leading preposition: "Friday" in "on
    Friday"), and add rows for what only TimeML counts: durations and sets (``kind`` duration / set,
    undated: lengths and frequencies are not points), references (``kind`` reference: PRESENT_REF dated
    to the publication date with anchor ``present-ref``), quarters, seasons, centuries and times of day.
    ``timeml=False`` skips that layer (the TimeML columns stay empty) and costs about a third of the time.

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


# --- events --------------------------------------------------------------------------------------

def _actor_finder() -> Callable[[pd.DataFrame], pd.DataFrame] | None:
    """``kzlib.actors.find_mentions`` (one row per actor mention), or None when it is not available."""
    try:
        from kzlib import actors  # noqa: PLC0415 - optional dependency between stages
    except ImportError:
        return None
    return getattr(actors, "find_mentions", None)


def _attach_actors(frame: pd.DataFrame, dated: pd.DataFrame, finder: Callable[[pd.DataFrame], Any]) -> None:
    """Fill ``actors`` (every actor of the sentence, in order of mention) and ``actor`` (the one named
    nearest to the date phrase, persons preferred) in ``frame``, in place.

    ``finder`` returns either a mentions table (``doc_id``, ``sentence_id``, ``actor``, ``start``, ``end``,
    optional ``type``) or a Series of "; "-joined names aligned with ``dated``.
    """
    found = finder(dated)
    frame["actors"], frame["actor"] = "", ""
    if isinstance(found, pd.Series):
        names = pd.Series(found.to_numpy(), index=dated.index).fillna("").astype(str)
        frame["actors"] = frame["_row"].map(names).fillna("")
        frame["actor"] = frame["actors"].str.split(";").str[0].str.strip()
        return
    if not isinstance(found, pd.DataFrame) or found.empty:
        return
    need = {"doc_id", "sentence_id", "actor", "start", "end"}
    if not need <= set(found.columns):
        log.warning("the actor finder returned no %s columns; actors left empty", sorted(need - set(found.columns)))
        return
    found = found[found["actor"].fillna("") != ""].sort_values(["doc_id", "sentence_id", "start"], kind="stable")
    types = found["type"].tolist() if "type" in found.columns else ["person"] * len(found)
    # (doc_id, sentence_id) -> [(actor, start, end, type)] in order of mention: plain lists, no frame per sentence
    by_sentence: dict[tuple[Any, Any], list[tuple[str, int, int, Any]]] = {}
    for key, mention in zip(zip(found["doc_id"].tolist(), found["sentence_id"].tolist()),
                            zip(found["actor"].tolist(), found["start"].tolist(), found["end"].tolist(), types)):
        by_sentence.setdefault(key, []).append(mention)
    actors_col, actor_col = [], []
    for doc_id, sid, start, end in zip(frame["doc_id"], frame["sentence_id"], frame["start"], frame["end"]):
        g = by_sentence.get((doc_id, sid))
        if g is None:
            actors_col.append("")
            actor_col.append("")
            continue
        actors_col.append("; ".join(dict.fromkeys(a for a, _, _, _ in g)))
        dist = [(max(start - e, s - end, 0) + (0 if t == "person" else 15), s, a) for a, s, e, t in g]
        actor_col.append(min(dist)[2])
    frame["actors"], frame["actor"] = actors_col, actor_col


_SPACE = re.compile(r"\s")
_CLAUSE_MARK = re.compile(r"[,;:.!?\"“”()—–]")
_CLAUSE_START = re.compile(r"[,;:.!?\"“”()—–]\s*")
_CLAUSE_END = re.compile(r"[;!?](?:\s|$)|(?<![A-Z])\.(?:\s|$)")  # "U.S. forces" does not end a clause


def _label(text: str, start: int, end: int, *, width: int = 70) -> str:
    """A short label for a dated mention: the words of its clause around the date phrase.

    A date phrase that opens its clause ("On Friday, Tokayev ...") is dropped and the clause after it kept.
    """
    text = _SPACE.sub(" ", text)
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, start)]
    lo = starts[-1] if starts else 0
    if not text[lo:start].strip(" ,") and text[end:end + 2].strip().startswith(","):
        # "On Friday, Tokayev ...": the date phrase opens the sentence; label what follows it
        lo = end
        while lo < len(text) and text[lo] in " ,;:":
            lo += 1
    m = _CLAUSE_END.search(text, max(end, lo))
    hi = m.start() if m else len(text)
    if hi - lo < 12:  # a clause too short to say anything: the whole sentence
        lo, hi = 0, len(text)
    lo = max(lo, min(start, hi) - (width * 2) // 3)
    if lo > 0 and text[lo - 1] not in " ,;:.!?\"“”()":
        nxt = text.find(" ", lo)
        lo = nxt + 1 if 0 <= nxt < start else lo
    label = text[lo:hi].strip(" ,;:\"“”")
    prefix = "…" if lo > 0 and not _CLAUSE_MARK.match(text[max(lo - 2, 0):lo].strip() or ".") else ""
    if len(label) > width:
        label = label[:width].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    label = prefix + label
    return label[:1].upper() + label[1:] if not prefix else label


def _documents_frame(documents: pd.DataFrame) -> pd.DataFrame:
    need = {"doc_id"}
    if not need <= set(documents.columns):
        raise ParameterError("documents needs a doc_id column (the documents table of kzlib.prepare)")
    docs = documents.copy()
    for col, default in (("published", ""), ("date_certainty", ""), ("story_id", ""), ("outlet", ""),
                         ("is_representative", True)):
        if col not in docs.columns:
            docs[col] = default
    docs["published"] = docs["published"].fillna("").astype(str)
    docs["story_id"] = docs["story_id"].fillna("").astype(str)
    docs.loc[docs["story_id"] == "", "story_id"] = docs["doc_id"]
    cert = docs["date_certainty"].fillna("").astype(str)
    docs["date_certainty"] = np.where(cert == "", np.where(docs["published"] == "", "unknown", "exact"), cert)
    docs["is_representative"] = docs["is_representative"].fillna(True).astype(bool)
    return docs


def build_events(corpus: Any = None, *, sentences: pd.DataFrame | None = None,
                 documents: pd.DataFrame | None = None, one_copy_per_story: bool = True,
                 min_confidence: float = 0.0, include_durations: bool = True,
                 future_window_days: int = 14, tolerance_days: int = 1,
                 actors: Callable[[pd.DataFrame], pd.Series] | None = None, timeml: bool = True) -> pd.DataFrame:
    """The ``events`` table: every dated mention in the sentences, with its actors and sources.

    Give a ``Corpus`` (from ``kzlib.prepare``) or its ``sentences`` and ``documents`` tables. Each row is a
    dated mention (``EVENT_COLUMNS``): ``doc_id``, ``sentence_id``, ``date``, ``granularity``,
    ``expression``, ``anchor``, ``actors`` ("; "-joined canonical names from ``kzlib.actors`` when it is
    available, in order of mention), ``actor`` (the one named nearest the date phrase), ``text`` (the sentence), ``label`` (a short label), ``confidence``, ``story_id`` and
    ``reported_by`` (the copies of the story that date something to the same date).
    With ``one_copy_per_story`` a story's events come from its representative copy, plus the dates only
    another copy reports. ``actors`` may be a function from a sentences table to a mentions table
    (``doc_id``, ``sentence_id``, ``actor``, ``start``, ``end``[, ``type``]) or to a Series of "; "-joined
    names (default: ``kzlib.actors.find_mentions`` when importable, else empty). ``timeml`` adds the TimeML
    columns and rows of :func:`extract_dates` (``timex_type``, ``timex_value``; with ``start``/``end`` also
    ``timex_start``/``timex_end``); ``timeml=False`` leaves them empty, about three times faster.

    Example:
        >>> import kzlib
        >>> events = build_events(kzlib.prepare())  # doctest: +SKIP
        >>> events[["doc_id", "expression", "date", "granularity"]].head()  # doctest: +SKIP
    """
    if corpus is not None:
        if sentences is not None or documents is not None:
            raise ParameterError("give either a corpus or sentences= and documents=, not both")
        sentences, documents = getattr(corpus, "sentences", None), getattr(corpus, "documents", None)
        if sentences is None or documents is None:
            raise ParameterError("corpus must have sentences and documents tables; build it with kzlib.prepare()")
    if sentences is None or documents is None:
        raise ParameterError("build_events needs a corpus, or both sentences= and documents=")
    missing = {"doc_id", "sentence_id", "text"} - set(sentences.columns)
    if missing:
        raise ParameterError(f"sentences lacks columns {sorted(missing)}; use the sentences table of kzlib.prepare")
    if not 0.0 <= float(min_confidence) <= 1.0:
        raise ParameterError(f"min_confidence={min_confidence!r} must be between 0 and 1")
    _check_options(future_window_days, tolerance_days)
    docs = _documents_frame(documents).set_index("doc_id")
    sents = sentences.copy()
    if "para_id" not in sents.columns:
        sents["para_id"] = -1
    sents["text"] = sents["text"].fillna("").astype(str)
    unknown_docs = sorted(set(sents["doc_id"]) - set(docs.index))
    if unknown_docs:
        raise ParameterError(f"sentences of documents not in the documents table: {unknown_docs[:5]}")
    sents = sents.sort_values(["doc_id", "sentence_id"], kind="stable", ignore_index=True)

    # plain columns, one slice per document (sents is sorted by doc_id): no pandas object per sentence
    published_of = dict(zip(docs.index[::-1], docs["published"].to_numpy()[::-1]))  # first row of a doc_id wins
    certainty_of = dict(zip(docs.index[::-1], docs["date_certainty"].to_numpy()[::-1]))
    doc_col = sents["doc_id"].to_numpy()
    sentence_ids = sents["sentence_id"].astype(int).tolist()
    para_ids = sents["para_id"].astype(int).tolist()
    texts_all = sents["text"].tolist()
    bounds = [0, *(np.flatnonzero(doc_col[1:] != doc_col[:-1]) + 1).tolist(), len(sents)] if len(sents) else [0]
    # copies of a story repeat their sentences: a repeated sentence is scanned once (candidates are read only)
    repeated = set(sents.loc[sents["text"].duplicated(), "text"])
    scanned: dict[str, list[_Cand]] = {}
    found_timex: dict[str, list[Any]] = {}

    def scan(text: str) -> list[_Cand]:
        if text not in repeated:
            return _scan(text)
        found = scanned.get(text)
        if found is None:
            found = scanned[text] = _scan(text)
        return found

    def find(text: str) -> list[Any]:
        if text not in repeated:
            return _timex.find(text)
        found = found_timex.get(text)
        if found is None:
            found = found_timex[text] = _timex.find(text)
        return found

    rows: list[dict[str, Any]] = []
    undated: list[str] = []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        doc_id = doc_col[lo]
        published = published_of[doc_id]
        texts = texts_all[lo:hi]
        per_sentence = _document_mentions(texts, published, certainty_of[doc_id],
                                          window=future_window_days, tolerance=tolerance_days, scan=scan,
                                          find=find if timeml else None)
        if not published:
            undated.append(doc_id)
        for i, text, mentions in zip(range(lo, hi), texts, per_sentence):
            for m in mentions:
                rows.append({**m, "doc_id": doc_id, "sentence_id": sentence_ids[i], "para_id": para_ids[i],
                             "text": text, "_row": i, "label": _label(text, m["start"], m["end"])})
    if undated:
        log.warning("%d of %d documents have no publication date (%s%s): their relative dates are reported "
                    "unresolved", len(undated), len(bounds) - 1, ", ".join(undated[:5]),
                    ", …" if len(undated) > 5 else "")
    frame = pd.DataFrame(rows)
    if frame.empty:
        log.warning("no temporal expressions found in %d sentences", len(sents))
        return pd.DataFrame(columns=EVENT_COLUMNS)
    if not include_durations:
        frame = frame[frame["kind"] != "duration"]
    frame = frame[(frame["confidence"] >= min_confidence) | (frame["anchor"] == "unresolved")]

    finder = actors if actors is not None else _actor_finder()
    if finder is None:
        log.info("kzlib.actors is not available: the actors column is left empty")
        frame["actors"], frame["actor"] = "", ""
    else:
        _attach_actors(frame, sents.loc[sorted(frame["_row"].unique())], finder)

    frame = frame.join(docs[["story_id", "outlet", "published", "date_certainty", "is_representative"]],
                       on="doc_id")
    frame["date_start"] = [(_period(d, g)[0].isoformat() if d else "") for d, g in
                           zip(frame["date"], frame["granularity"])]
    key = frame["date"] + "|" + frame["granularity"]
    frame["_key"] = np.where(frame["date"] == "", "", key)
    # the copies of a story that report each date: plain sets, not a Python function per pandas group
    reporting: dict[tuple[Any, str], set[Any]] = {}
    for s, k, d in zip(frame["story_id"], frame["_key"], frame["doc_id"]):
        if k:
            reporting.setdefault((s, k), set()).add(d)
    reporters = {sk: ";".join(sorted(docs_of)) for sk, docs_of in reporting.items()}
    frame["reported_by"] = [reporters.get((s, k), d) if k else d
                            for s, k, d in zip(frame["story_id"], frame["_key"], frame["doc_id"])]
    frame["n_reports"] = frame["reported_by"].str.count(";") + 1

    if one_copy_per_story:
        frame = _one_copy(frame)
    frame = frame.sort_values(["date_start", "doc_id", "sentence_id", "start"], kind="stable",
                              key=lambda s: s.replace("", "9999") if s.name == "date_start" else s)
    return frame[EVENT_COLUMNS + ["start", "end", "timex_start", "timex_end"]].reset_index(drop=True)


def _one_copy(frame: pd.DataFrame) -> pd.DataFrame:
    """A story's mentions from its representative copy, plus dates only its other copies give."""
    rep = frame["is_representative"].astype(bool)
    # a story whose representative is not among these documents: take its first copy
    stories_with_rep = set(frame.loc[rep, "story_id"])
    first_doc: dict[Any, Any] = {}  # each story's first doc_id (object columns: pandas' min is per-row Python)
    for s, d in zip(frame["story_id"], frame["doc_id"]):
        if s not in first_doc or d < first_doc[s]:
            first_doc[s] = d
    rep = rep | (~frame["story_id"].isin(stories_with_rep) & (frame["doc_id"] == frame["story_id"].map(first_doc)))
    kept = frame[rep]
    covered = set(zip(kept["story_id"], kept["_key"]))
    extra = frame[~rep & (frame["_key"] != "")]
    extra = extra[np.array([(s, k) not in covered for s, k in zip(extra["story_id"], extra["_key"])], dtype=bool)]
    # one row per (story, date) among the extra copies
    extra = extra.sort_values(["doc_id", "sentence_id", "start"]).drop_duplicates(["story_id", "_key"])
    return pd.concat([kept, extra], ignore_index=True)


def chronology(events: pd.DataFrame, *, max_labels: int = 3, min_confidence: float = 0.0,
               include_durations: bool = False, include_references: bool = False) -> pd.DataFrame:
    """What happened when, with its sources: one row per date (and granularity).

    Columns: ``date``, ``granularity``, ``date_start``, ``what`` (up to ``max_labels`` labels, " | "-joined),
    ``actors``, ``expressions``, ``n_documents``, ``n_stories``, ``sources`` (doc ids, including the other
    copies recorded in ``reported_by``), ``outlets``, ``confidence`` (the highest). Undated (unresolved)
    mentions and, unless asked, durations and references to the present ("now", dated to the publication
    date) are left out. Sorted by date.

    Example:
        >>> chronology(build_events(kzlib.prepare()))  # doctest: +SKIP
    """
    missing = {"date", "granularity", "doc_id", "label", "confidence"} - set(events.columns)
    if missing:
        raise ParameterError(f"events lacks columns {sorted(missing)}; build it with build_events()")
    ev = events[(events["date"] != "") & (events["confidence"] >= min_confidence)].copy()
    if not include_durations and "kind" in ev.columns:
        ev = ev[ev["kind"] != "duration"]
    if not include_references and "kind" in ev.columns:
        ev = ev[ev["kind"] != "reference"]
    cols = ["date", "granularity", "date_start", "what", "actors", "expressions", "n_documents", "n_stories",
            "sources", "outlets", "confidence"]
    if ev.empty:
        return pd.DataFrame(columns=cols)
    for col in ("actors", "reported_by", "story_id", "outlet", "expression"):
        if col not in ev.columns:
            ev[col] = ""
    if "date_start" not in ev.columns:
        ev["date_start"] = [_period(d, g)[0].isoformat() for d, g in zip(ev["date"], ev["granularity"])]
    ev = ev.sort_values(["date_start", "doc_id", "sentence_id" if "sentence_id" in ev.columns else "doc_id"])

    def uniq(values: Iterable[str], sep: str = "; ") -> list[str]:
        out: dict[str, None] = {}
        for v in values:
            for part in str(v).split(sep.strip()) if v else []:
                part = part.strip()
                if part:
                    out[part] = None
        return list(out)

    rows = []
    for (date, gran), grp in ev.groupby(["date", "granularity"], sort=False):
        sources = sorted(set(uniq(grp["reported_by"], ";")) | set(grp["doc_id"]))
        labels = list(dict.fromkeys(grp["label"]))
        rows.append({
            "date": date, "granularity": gran, "date_start": grp["date_start"].iloc[0],
            "what": " | ".join(labels[:max_labels]) + (f" (+{len(labels) - max_labels} more)"
                                                       if len(labels) > max_labels else ""),
            "actors": "; ".join(sorted(uniq(grp["actors"]))),
            "expressions": "; ".join(sorted(set(grp["expression"]))),
            "n_documents": len(sources), "n_stories": grp["story_id"].nunique(),
            "sources": "; ".join(sources), "outlets": "; ".join(sorted(set(grp["outlet"]) - {""})),
            "confidence": float(grp["confidence"].max()),
        })
    out = pd.DataFrame(rows, columns=cols)
    order = {g: i for i, g in enumerate(GRANULARITIES)}
    out["_g"] = out["granularity"].map(order)
    return out.sort_values(["date_start", "_g", "date"]).drop(columns="_g").reset_index(drop=True)


def check_dates(events: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Is each document's publication date plausible for what it reports?

    One row per document: ``published``, ``date_certainty``, ``latest_reported`` (the latest absolute day
    it dates), ``n_after_publication`` (past events dated after publication), ``anchor_used`` and a
    ``verdict``: ``ok``, ``no date`` (relative dates unresolved), ``copy: original earlier`` or
    ``implausible: reports events after its publication date``.

    Example:
        >>> check_dates(build_events(corpus), corpus.documents)  # doctest: +SKIP
    """
    docs = _documents_frame(documents).sort_values("doc_id", kind="stable")
    ev = events if not events.empty else pd.DataFrame(columns=EVENT_COLUMNS)
    missing = {"doc_id", "date", "granularity", "anchor", "note"} - set(ev.columns)
    if missing:
        raise ParameterError(f"events lacks columns {sorted(missing)}; build it with build_events()")
    # per-document summaries, computed once over the whole events table
    days = ev[(ev["granularity"] == "day") & ev["anchor"].isin(["absolute", "absolute-year-inferred"])]
    latest = days.groupby("doc_id")["date"].max().to_dict()
    n_after = ((ev["flag"] == "after-publication").groupby(ev["doc_id"]).sum().astype(int).to_dict()
               if "flag" in ev.columns else {})
    relative = ev[ev["anchor"] == "publication-relative"]
    anchors = (relative["note"].str.extract(r"resolved against (\d{4}-\d\d-\d\d)", expand=False)
               .groupby(relative["doc_id"]).min().dropna().to_dict())
    rows = []
    for doc_id, published, certainty in zip(docs["doc_id"], docs["published"], docs["date_certainty"]):
        after = int(n_after.get(doc_id, 0))
        if not published:
            verdict = "no date"
        elif after:
            verdict = "implausible: reports events after its publication date"
        elif certainty == "copy-date":
            verdict = "copy: original earlier"
        else:
            verdict = "ok"
        rows.append({"doc_id": doc_id, "published": published, "date_certainty": certainty,
                     "latest_reported": latest.get(doc_id, ""), "n_after_publication": after,
                     "anchor_used": anchors.get(doc_id, published), "verdict": verdict})
    implausible = [r for r in rows if r["verdict"].startswith("implausible")]
    if implausible:
        log.warning("%d documents report events after their publication date (%s%s)", len(implausible),
                    ", ".join(f"{r['doc_id']} published {r['published']}" for r in implausible[:5]),
                    ", …" if len(implausible) > 5 else "")
    return pd.DataFrame(rows, columns=["doc_id", "published", "date_certainty", "latest_reported",
                                       "n_after_publication", "anchor_used", "verdict"])


def coverage(documents: pd.DataFrame, *, one_copy_per_story: bool = False) -> pd.DataFrame:
    """Documents by publication date and outlet: ``published``, ``outlet``, ``date_certainty``,
    ``n_documents``, ``doc_ids``. Undated documents are counted under ``published == ""``.

    Example:
        >>> coverage(kzlib.prepare().documents)  # doctest: +SKIP
    """
    docs = _documents_frame(documents)
    if one_copy_per_story:
        docs = docs[docs["is_representative"]]
    docs = docs.assign(outlet=docs["outlet"].fillna("").replace("", "(unknown outlet)"))
    out = (docs.groupby(["published", "outlet", "date_certainty"], sort=True)["doc_id"]
           .agg(n_documents="count", doc_ids=lambda s: "; ".join(sorted(s))).reset_index())
    return out


def stance_over_time(stances: pd.DataFrame, documents: pd.DataFrame, *, by: str = "target",
                     dates: pd.Series | None = None) -> pd.DataFrame:
    """Quoted stance by publication date: mean ``score`` and counts of favor/against per date and ``by``
    (``target`` or ``speaker``), from the ``stances`` table of ``kzlib.stance``. ``dates`` (doc_id ->
    ISO date) replaces documents' dates, e.g. ``check_dates(...).set_index("doc_id")["anchor_used"]`` to
    place a later copy at its original's estimated date.

    Example:
        >>> stance_over_time(stances, corpus.documents)  # doctest: +SKIP
    """
    need = {"doc_id", by, "stance"}
    if not need <= set(stances.columns):
        raise ParameterError(f"stances lacks columns {sorted(need - set(stances.columns))}; "
                             f"use the stances table of kzlib.stance")
    docs = _documents_frame(documents)[["doc_id", "published", "date_certainty"]]
    if dates is not None:
        docs["published"] = docs["doc_id"].map(dates).fillna(docs["published"]).astype(str)
    st = stances.merge(docs, on="doc_id", how="left")
    st["published"] = st["published"].fillna("")
    if "score" not in st.columns:
        st["score"] = st["stance"].map({"favor": 1.0, "against": -1.0}).fillna(0.0)
    cols = ["published", by, "n", "mean_score", "n_favor", "n_against"]
    if st.empty:
        dtypes = {"published": object, by: object, "n": int, "mean_score": float, "n_favor": int, "n_against": int}
        return pd.DataFrame({c: pd.Series(dtype=dtypes[c]) for c in cols})
    st["score"] = pd.to_numeric(st["score"], errors="coerce")
    st["_favor"] = (st["stance"] == "favor").astype(int)
    st["_against"] = (st["stance"] == "against").astype(int)
    out = st.groupby(["published", by], sort=True).agg(
        n=("stance", "size"), mean_score=("score", "mean"), n_favor=("_favor", "sum"),
        n_against=("_against", "sum")).reset_index()
    out["mean_score"] = out["mean_score"].round(3)
    return out[cols]


def events_in_window(events: pd.DataFrame, *, start: str | None = None, end: str | None = None,
                     granularities: Iterable[str] | None = None, min_confidence: float = 0.0,
                     include_durations: bool = False, include_references: bool = False) -> pd.DataFrame:
    """The dated events a timeline of ``start``..``end`` (ISO days; None = open) shows: dated, at least
    ``min_confidence`` sure, of the given ``granularities``, durations and references to the present ("now")
    only if asked, and overlapping the window. Adds ``date_start`` (when missing) and ``date_end`` (the last day of the period). Check it is
    not empty before drawing :func:`kzlib.plots.timeline.timeline`.

    Example:
        >>> ev = pd.DataFrame({"date": ["2022-01-05", "2019", ""], "granularity": ["day", "year", ""],
        ...                    "confidence": [0.9, 0.9, 0.0]})
        >>> events_in_window(ev, start="2021-12-01")["date"].tolist()
        ['2022-01-05']
    """
    missing = {"date", "granularity", "confidence"} - set(events.columns)
    if missing:
        raise ParameterError(f"events lacks columns {sorted(missing)}; build it with build_events()")
    if not 0.0 <= float(min_confidence) <= 1.0:
        raise ParameterError(f"min_confidence={min_confidence!r} must be between 0 and 1")
    bounds = {}
    for name, value in (("start", start), ("end", end)):
        if value:
            try:
                bounds[name] = dt.date.fromisoformat(str(value).strip()).isoformat()
            except ValueError as err:
                raise ParameterError(f"{name}={value!r} is not an ISO date such as '2022-01-05'") from err
    confidence = pd.to_numeric(events["confidence"], errors="coerce").fillna(0.0)
    ev = events[(events["date"].fillna("") != "") & (confidence >= min_confidence)]
    if not include_durations and "kind" in ev.columns:
        ev = ev[ev["kind"] != "duration"]
    if not include_references and "kind" in ev.columns:  # "now": the publication date, not an event's
        ev = ev[ev["kind"] != "reference"]
    if granularities is not None:
        ev = ev[ev["granularity"].isin(list(granularities))]
    periods = [_period(d, g) for d, g in zip(ev["date"], ev["granularity"])]
    ev = ev.assign(date_start=pd.Series([a.isoformat() for a, _ in periods], index=ev.index, dtype=object),
                   date_end=pd.Series([b.isoformat() for _, b in periods], index=ev.index, dtype=object))
    if "start" in bounds:
        ev = ev[ev["date_end"] >= bounds["start"]]
    if "end" in bounds:
        ev = ev[ev["date_start"] <= bounds["end"]]
    return ev


def publication_window(documents: pd.DataFrame, *, days_before: int = 30) -> tuple[str | None, str | None]:
    """The default window of a close-up timeline: from ``days_before`` days before the earliest publication
    date to the latest one, as ISO days; ``(None, None)`` when no document has a publication date.

    Example:
        >>> publication_window(pd.DataFrame({"doc_id": ["a", "b", "c"],
        ...                                  "published": ["2022-01-07", "", "2022-01-10"]}))
        ('2021-12-08', '2022-01-10')
    """
    if not isinstance(days_before, (int, np.integer)) or isinstance(days_before, bool) or days_before < 0:
        raise ParameterError(f"days_before={days_before!r} must be a non-negative whole number of days")
    dates = [d for d in (_to_date(p) for p in _documents_frame(documents)["published"]) if d is not None]
    if not dates:
        return None, None
    return (min(dates) - dt.timedelta(days=int(days_before))).isoformat(), max(dates).isoformat()
