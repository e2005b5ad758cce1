"""The point recogniser: dates, weekdays, relative and spun time words in English text (rules compiled from
``data/temporal.yaml``), found with their rule and groups before they are resolved."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kzlib.text import ASCII_CASE_TWINS
from kzlib.timeline._counts import is_count
from kzlib.timeline._timex import _alt as _trie

_DATA = Path(__file__).resolve().parent.parent / "data" / "temporal.yaml"


# --- vocabulary and compiled patterns ------------------------------------------------------------

def _alt(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A regex alternation of words, with flexible whitespace: a trie of their characters, so that the engine
    does not try each word in turn; where several words match at one place the longest is tried first (as in an
    alternation of the words, longest first)."""
    body = _trie(words)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_MAX_CASED_LETTERS = 12  # a case-insensitive name is looked up in all its 2**letters spellings


# the bytes of ``\w`` in ASCII text kept, every other byte a space
_ASCII_WORD_BYTES = bytes(c if chr(c).isascii() and (chr(c).isalnum() or c == 0x5F) else 0x20 for c in range(256))


def _text_words(text: str) -> list[str] | list[bytes] | None:
    r"""The words of ``text`` for the word triggers (``\w+``; for ASCII text as bytes, from ``bytes.split``,
    cheaper than the regex), or None when a character of the text matches an ASCII letter only
    case-insensitively (a word test would not say what a case-insensitive pattern does)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_WORD_BYTES).split()
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

    ``searched`` patterns are searched; ``after_digit`` patterns (each match starts with a digit) only in a
    text with a digit, from the first one on. A word trigger ``\\b(?:names)\\b`` is answered from the text's
    words: ``single`` maps every spelling of a one-word name that the pattern matches to the triggers that
    word completes; ``phrases`` maps the spellings of the longest word of a longer name to the triggers
    whose pattern is then searched, where all words of one of those names (``phrase_words``, lower case, by
    trigger and lower-case longest word) are among the text's. Names that are not plain words leave their
    trigger to its pattern (``fallback``), and so does a text with a character that only case-insensitively
    matches an ASCII letter.
    """

    searched: dict[str, re.Pattern]
    after_digit: dict[str, re.Pattern]
    patterns: dict[str, re.Pattern]
    single: dict[str, tuple[str, ...]]
    phrases: dict[str, tuple[str, ...]]
    fallback: tuple[str, ...]
    single_bytes: dict[bytes, tuple[str, ...]]  # ``single`` and ``phrases`` for the words of ASCII text
    phrases_bytes: dict[bytes, tuple[str, ...]]
    phrase_words: dict[tuple[str, str], tuple[frozenset[str], ...]]
    phrase_words_bytes: dict[tuple[str, bytes], tuple[frozenset[bytes], ...]]

    @classmethod
    def build(cls, searched: dict[str, re.Pattern], words: dict[str, tuple[Iterable[str], bool]],
              after_digit: dict[str, re.Pattern] | None = None) -> _Triggers:
        """From patterns to search and ``{trigger: (names, ignore_case)}``."""
        patterns: dict[str, re.Pattern] = {}
        single: dict[str, tuple[str, ...]] = {}
        phrases: dict[str, tuple[str, ...]] = {}
        phrase_words: dict[tuple[str, str], list[frozenset[str]]] = {}
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
                if len(ws) > 1:
                    phrase_words.setdefault((name, key.lower()), []).append(frozenset(w.lower() for w in ws))
        return cls(searched, dict(after_digit or {}), patterns, single, phrases, tuple(fallback),
                   {k.encode(): v for k, v in single.items()}, {k.encode(): v for k, v in phrases.items()},
                   {k: tuple(v) for k, v in phrase_words.items()},
                   {(n, k.encode()): tuple(frozenset(w.encode() for w in ws) for ws in v)
                    for (n, k), v in phrase_words.items()})

    def found(self, text: str, words: list[str] | list[bytes] | None) -> set[str]:
        """The triggers found in ``text``, whose words (from :func:`_text_words`) are ``words``."""
        present = set()
        for name, p in self.searched.items():
            if p.search(text):
                present.add(name)
        if self.after_digit and (digit := _DIGIT.search(text)) is not None:
            at = digit.start()  # (saves a search of the whole text without a digit)
            for name, p in self.after_digit.items():
                if p.search(text, at):
                    present.add(name)
        if words is None:
            present.update(name for name, p in self.patterns.items() if p.search(text))
            return present
        ascii_text = text.isascii()  # words as bytes
        single: dict[Any, tuple[str, ...]] = self.single_bytes if ascii_text else self.single
        for w in single.keys() & words:
            present.update(single[w])
        if self.phrases:
            phrases: dict[Any, tuple[str, ...]] = self.phrases_bytes if ascii_text else self.phrases
            phrase_words: dict[Any, tuple[frozenset, ...]] = self.phrase_words_bytes if ascii_text else self.phrase_words
            lower: set[Any] | None = None
            for w in phrases.keys() & words:
                for name in phrases[w]:
                    if name in present:
                        continue
                    if lower is None:
                        lower = {x.lower() for x in words}
                    # a name's pattern is searched only where all its words are among the text's (most texts
                    # with "Russia" or "Friday" hold no "Russia Today" or "Good Friday": no search of the text)
                    if any(ws <= lower for ws in phrase_words[(name, w.lower())]) and self.patterns[name].search(text):
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
    point_only_words: tuple[str, ...]  # the longest word of each such phrase, lower case
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

    patterns: list[tuple[Any, ...]] = [  # (rule, pattern[, [more triggers, one set of which must be found]])
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
        {},
        {"month": (month_names, False), "weekday": (weekday_names, False),
         "unit": (list(unit_of) + ["weekend"], True), "ago": (ago_words, True), "weekend": (["weekend"], True),
         "deictic": (deictic_of, True), "new_year": (["new year"], True), "of": (["of"], False),
         "for": (["for"], True), "number": (number_words, True), "rel": (relative_of, True),
         "within": (data["within_current"], True), "back": (["past", "last", "previous"], True)},
        after_digit={"digit": re.compile(r"\d"),
                     "year": re.compile(r"\d{4}")})  # every year, ISO date and decade has four digits in a row
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
                  tuple(dict.fromkeys(max(p.lower().split(), key=len) for p in [*spinner, "new year"])))


# --- scanning ------------------------------------------------------------------------------------

@dataclass
class _Cand:
    start: int
    end: int
    rule: str
    groups: dict[str, Any]  # the match's groupdict: a string, or None for a group that did not take part
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
    whole = [(0, n)]
    for rule in v.rules_for(v.triggers.found(text, words)):
        anchor = rule.anchor
        if anchor is None:
            spans = whole
        else:
            spans = windows.get(anchor)  # type: ignore[assignment]
            if spans is None:
                spans = windows[anchor] = _windows(anchor, text)
        name = rule.name
        for lo, hi in spans:
            for m in rule.pattern.finditer(text, lo, hi):
                found.append(_Cand(m.start(), m.end(), name, m.groupdict(), m.group(0)))
    if not found:
        return []
    return _kept(found, text, words, v)


def _kept(found: list[_Cand], text: str, words: list[str] | list[bytes] | None, v: _Vocab) -> list[_Cand]:
    """Of overlapping candidates the longest (then the rule ranked first, then the first), where plausible and
    not part of a phrase that is no date."""
    no_dates = v.not_dates.found(text, words)
    if len(found) == 1 and not no_dates:  # one candidate, nothing to overlap: no sorting, no map of places
        return found if _plausible(found[0], text) else []
    rank = v.rank
    found.sort(key=lambda c: (-(c.end - c.start), rank[c.rule], c.start))
    taken = bytearray(len(text) + 1)  # characters of a phrase that is no date or of a kept candidate
    if no_dates:
        for m in v.not_dates.patterns["not_dates"].finditer(text):
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    kept: list[_Cand] = []
    for c in found:
        if taken.find(1, c.start, c.end) >= 0 or not _plausible(c, text):  # (no pattern matches empty)
            continue
        kept.append(c)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    kept.sort(key=lambda c: c.start)
    return kept


_PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+s|people|men|women|children)\b")


def _plausible(c: _Cand, text: str) -> bool:
    """Reject numbers that only look like dates."""
    g = c.groups
    if g.get("day") is not None and not 1 <= int(g["day"]) <= 31:
        return False
    if c.rule == "iso" and not 1 <= int(g["mnum"]) <= 12:
        return False
    if c.rule in ("year_bare", "year_context") and is_count(text, c.end - 4, c.end):
        return False  # "2500 of these guys", "a poll of 2047 registered voters", "nearly 2000 people"
    if c.rule == "year_bare":
        year = int(g["year"])
        if not 1800 <= year <= 2099:
            return False
        # "2000 troops", "2000 people": a count, not a year
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
