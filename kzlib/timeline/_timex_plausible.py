"""Whether a match of the TimeML tagger's rules (:mod:`kzlib.timeline._timex`) is a time expression where it
stands: "may" that is no month, "that summer jobs" where "that" opens a clause, "ABC's This Week", a count
("four years" after money), an age. Split from ``_timex.py`` to keep each file under 700 lines."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from kzlib.text import longest_first, month_names, month_pattern, weekday_pattern
from kzlib.timeline._counts import is_count

if TYPE_CHECKING:
    from kzlib.timeline._timex import _V, _Match

_PREPOSITION_BEFORE = re.compile(r"(?i:\b(?:in|since|until|till|by|from|through|throughout|during|before|after|"
                                 r"of|between|and|to|early|late|mid|last|next|this|for|on|at|around|as\s+of|"
                                 r"starting|beginning|ending|the|end)\W+)$")
# the short months with no abbreviation: "may", "june", "july"
_FULL_MONTH_NAMES = frozenset(n.lower() for n in month_names(abbreviations=False) if len(n) <= 4)
_COUNT_AFTER = re.compile(r"\s+(?:[a-z]+s|people|men|women|children|feet|meters|metres|miles|tons|tonnes)\b")
# a plural count before "a week" ("four flights a week", "interviews a day"): a rate, a TimeML SET
_RATE_BEFORE = re.compile(r"(?<![A-Za-z])(?!(?i:is|was|has|as|its|his|this|us|less|does|years|months|weeks|days|"
                         r"hours|minutes|times)\b)[A-Za-z]{2,}s,?\s+$")

_MONEY_BEFORE = re.compile(r"(?:\d|million|billion|percent|%|times|cents?|dollars?|pounds?|yen|marks?|once|twice)"
                           r"\W{0,3}$", re.IGNORECASE)


# what comes before "that week", "that month" when it is a time: a sentence's start, a preposition, a comma
_THAT_TIME_BEFORE = re.compile(r"(?:^|[.!?:;,(\"'`“]\s*|\n\s*|\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Oo]f|[Ff]or|[Ss]ince|[Ff]rom|"
                               r"[Aa]fter|[Bb]efore|[Oo]n|[Tt]hrough|[Tt]hroughout|[Aa]t)\s+)$")
_TITLE_RULES = frozenset(["relunit", "deictic", "duration", "duration_plural", "ago"])
# the rules whose "that ..." may be a clause's "that" after a verb ("said that summer jobs were scarce"), and what
# after the expression shows it is a time all the same ("It rained that summer.")
_THAT_RULES = frozenset(["relunit", "season", "refday"])
_THAT_TIME_AFTER = frozenset(",;.!?")
_CAPITAL_UNIT = re.compile(r"\s[A-Z][a-z]")  # a capitalised word after the first: "This Week", "60 Minutes"
_NAME_OF = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][a-z]")  # "March of the Living": a name's "of"
_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z]+\s+$")  # "VOA Today", "USA Today"


_WEEKDAY_OR_MONTH = rf"(?:{weekday_pattern()}|{month_pattern(abbreviations=False)})\b"
_NAME_DETERMINER = re.compile(r"(?:\b(?i:the)|['’]s|\b\d{4})\s+$")  # "the March on", "King's 1963 March on"
# "the quarter of Democratic voters": a fraction; "the quarter of 1989", "of the year", "of fiscal 1990": a time
_FRACTION_OF = re.compile(r"(?i)\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:year|fiscal|calendar)\b|\d{4}\b)")
_CAPITAL_NAME_WORD = re.compile(r"\s+[A-Z][a-z]")  # "Daily News", "Daily Beast", "Daily Show"


@functools.lru_cache(maxsize=1)
def _name_words() -> tuple[re.Pattern, re.Pattern]:
    """The compound heads after a holiday ("Christmas party") and a name's prepositions after a month ("the March
    on Washington"), from ``kzlib/data/timex_en.yaml``, as patterns matched right after the expression."""
    with open(Path(__file__).resolve().parent.parent / "data" / "timex_en.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    heads = longest_first(data["holiday_compound_heads"])
    preps = "|".join(map(re.escape, data["month_name_prepositions"]))
    return (re.compile(rf"\s+(?:{heads})\b"),
            re.compile(rf"\s+(?:{preps})\s+(?:the\s+)?(?!{_WEEKDAY_OR_MONTH})[A-Z][a-z]"))


@functools.lru_cache(maxsize=1)
def _game_cues() -> re.Pattern:
    """The words of a game (``game_period_cues`` of ``kzlib/data/timex_en.yaml``) as one pattern."""
    with open(Path(__file__).resolve().parent.parent / "data" / "timex_en.yaml", encoding="utf-8") as fh:
        words = yaml.safe_load(fh)["game_period_cues"]
    return re.compile(r"(?i)\b(?:" + longest_first(words) + r")\b")


_SENTENCE_EDGE = re.compile(r"[.!?](?:\s|$)")
_YEAR_TIE = re.compile(r"(?i)\b(?:fiscal|calendar|year'?s?|1\d{3}|20\d\d)\b")


def _game_period(m: _Match, text: str) -> bool:
    """Whether a quarter or half with no year, fiscal or calendar word is a game's period: a word of a game
    (``_game_cues``) in its sentence ("a touchdown in the fourth quarter").

    Example:
        >>> from types import SimpleNamespace
        >>> t = "Denver scored a touchdown in the fourth quarter."
        >>> _game_period(SimpleNamespace(start=29, end=47), t)
        True
    """
    if _YEAR_TIE.search(text, m.start, m.end):
        return False
    starts = [x.end() for x in _SENTENCE_EDGE.finditer(text, max(0, m.start - 300), m.start)]
    lo = starts[-1] if starts else max(0, m.start - 300)
    stop = _SENTENCE_EDGE.search(text, m.end, m.end + 300)
    return _game_cues().search(text, lo, stop.start() if stop else min(len(text), m.end + 300)) is not None


def _plausible(m: _Match, text: str, v: _V) -> bool:
    g = m.g
    rule = m.rule
    if rule in _THAT_RULES and text[m.start:m.start + 5].lower() == "that " and not g.get("pmod") and not (
            _THAT_TIME_BEFORE.search(text, max(0, m.start - 12), m.start) or text[m.end:m.end + 1] in _THAT_TIME_AFTER):
        return False  # "we hope that weekend talks ...", "said that summer jobs ...": "that" opens a clause
    if rule in _TITLE_RULES:
        full = g["_full"]
        if not full.isupper() and _CAPITAL_UNIT.search(full):
            return False  # a programme or a title ("ABC's This Week", "CBS's 60 Minutes"): in prose, "this week"
        if rule == "deictic" and full[:1].isupper() and _NAME_BEFORE.search(text, max(0, m.start - 20), m.start) and \
                not re.search(r"[.!?:]['\"’”]?\s+\S+\s+$", text[max(0, m.start - 30):m.start]):
            return False  # "USA Today", "VOA Today": a name's last word (not a sentence's first: "Friday. Today")
    if g.get("day") is not None and not 1 <= int(g["day"]) <= 31:
        return False
    if rule in ("month", "month_day") and g.get("month"):
        name = g["month"].rstrip(".").lower()
        raw = g["month"]
        if rule == "month" and name in ("may", "march", "mar", "jan", "jun", "sept", "sep", "oct", "nov", "dec", "feb",
                                        "aug", "apr", "jul") and not (g.get("pmod") or g.get("rel")):
            if not _PREPOSITION_BEFORE.search(text[max(0, m.start - 14):m.start]):
                return False
        if raw.isupper() and len(raw) > 3 and rule == "month":
            return False
        if rule == "month" and len(name) <= 4 and name not in _FULL_MONTH_NAMES and text[m.end - 1] != "." and re.match(
                r"\s+[A-Z][a-z]", text[m.end:m.end + 3]):
            return False  # "Jan Kavan": news writing abbreviates a month with a full stop; without one, a name
        if name == "march" and rule == "month" and _NAME_OF.match(text, m.end):
            return False  # "the March of the Combatant Mothers", "the March of Dimes": a name, not the month
        if rule == "month" and raw[:1].isupper() and _NAME_DETERMINER.search(text, max(0, m.start - 8), m.start) \
                and _name_words()[1].match(text, m.end):
            return False  # "the March on Washington", "the 1963 March for Jobs": a name's preposition, no month
    if rule == "holiday" and not g.get("rel") and _name_words()[0].match(text, m.end):
        return False  # "the Christmas party", "Christmas shopping": a compound noun, not the day
    if rule == "year":
        y = int(g["year"])
        pre = text[max(0, m.start - 12):m.start]
        if not (g.get("fiscal") or g.get("pmod")):
            if not 1000 <= y <= 9999:
                return False
            ys, ye = m.m.span("year") if m.m is not None else (m.end - 4, m.end)
            if is_count(text, ys, ye):  # "2500 of these guys", "a poll of 2047 registered voters", "nearly 2000"
                return False
            if _COUNT_AFTER.match(text, m.end) and not re.search(r"(?i)\b(?:in|since|of|by)\s+$", pre) and (
                    g["_full"][:4].lower() not in ("pre-", "post")):  # "post-1959 politics": a period, no count
                return False
            if re.search(r"(?i)(?:\bno\.|\bnumber|#|\bflight|\broute|\bpage|\bp\.|\broom|\bat)\s*$", pre):
                return False
            if (y < 1800 or y > 2099) and not re.search(r"(?i)\b(?:in|since|of|by|from|until|year|around|circa|before|after)\s+$", pre):
                return False
    if rule == "decade" and g.get("dec") and re.match(r"'?s?\s+of\b", text[m.end:]):
        return False  # "1000's of people": a count
    if rule == "season":
        rel = (g.get("rel") or "").lower()
        if not (rel or g.get("year")):
            if not re.search(r"(?i)\b(?:in|during|by|until|since|through|over|into|for|of)\s+$",
                             text[max(0, m.start - 10):m.start]):
                return False
        if rel in ("the",) and not g.get("year") and re.match(r"\s+of\b", text[m.end:]):
            return False
        if g["season"].lower() == "fall" and rel in ("", "the") and not g.get("year"):
            return False
    if rule in ("duration", "duration_plural") and (g.get("adj") or "").lower() == "-old":
        return False  # ages ("a 6-year-old boy") are not TimeML expressions
    if rule == "duration" and re.match(r"\s+old\b", text[m.end:m.end + 6]):
        return False
    if rule == "set_adv":
        if g["setadv"][:1].isupper() and (_CAPITAL_NAME_WORD.match(text, m.end) or text[m.end:m.end + 2] == "'s"):
            return False  # "the Daily News", "The Daily Beast": a name's word, not a frequency
        if re.search(r"(?i)\baverage\s+$", text[max(0, m.start - 8):m.start]):
            return False  # "average daily volume": a statistic's unit, not a recurrence
        if g["setadv"].lower() not in ("daily", "weekly", "hourly", "nightly") and re.match(
                r"\s+(?!and\b|or\b|to\b|in\b|at\b|on\b|for\b|since\b|with\b|by\b|from\b|the\b|a\b|basis\b)[a-z]+",
                text[m.end:m.end + 20]):
            return False  # "quarterly dividend", "annual report": a reporting period, not a recurrence
    if rule == "time" and g.get("noon") and re.search(r"(?i)high\s+$", text[max(0, m.start - 6):m.start]):
        return False
    if rule == "duration":
        raw = (g.get("num") or "").lower()
        if raw.isdigit() and len(raw) > 3:
            return False
        if raw in ("some", "many") and not g.get("rel"):
            return False
        unit = g["unit"].lower()
        if unit.startswith("quarter") and re.match(r"\s+of\b", text[m.end:m.end + 4]):
            return False  # "three-quarters of its food", "a quarter of the market": a fraction
        if unit == "second" and raw in ("a", "one") and re.match(
                r"\s+(?!or\b|and\b|later\b|earlier\b|ago\b|before\b|after\b|of\b|to\b|in\b)[a-z]", text[m.end:m.end + 4]):
            return False  # "a second group", "a second betrayal": the ordinal
    if rule == "quarter" and (g.get("qord") or "").lower() == "last" and not (g.get("year2") or g.get("qyrel")):
        return False  # "the last quarter" alone is the one before the DCT's (the quarter_ref rule's); "the last
        # half of 1989" is its second half
    if rule == "quarter_ref" and (g.get("qunit") or "").lower() == "quarter" and not g.get("arel") and (
            (g.get("det") or "").lower() == "a" or (
            (g.get("det") or "").lower() == "the" and _FRACTION_OF.match(text, m.end))):
        return False  # "more than a quarter of the market", "the quarter of voters who ...": a fraction; "a
        # quarter" alone a coin or any quarter, no date (TimeBank leaves "in a quarter that produced a loss" untagged)
    if rule in ("quarter", "quarter_ref") and not (g.get("year") or g.get("year2") or g.get("qyrel")) and \
            _game_period(m, text):
        return False  # "a touchdown in the fourth quarter": a game's quarter, no quarter of a year
    if rule == "duration_plural":
        rel = (g.get("rel") or "").lower()
        if not rel and not g.get("vague") and not g.get("adj"):
            pre = text[max(0, m.start - 12):m.start]
            if not re.search(r"(?i)\b(?:for|within|over|in|after|during|throughout|take|takes|took|lasted|spent)\s+$",
                             pre):
                return False
        if rel == "the" and not g.get("vague") and g["unit"].lower() not in ("years",):
            return False
    if rule == "ref":
        w = g["ref"].lower()
        if w in ("current", "recent", "future"):
            nxt = text[m.end:m.end + 20]
            if re.match(r"\s+(?:years|months|weeks|days)", nxt):
                return False
        if w == "soon" and re.search(r"(?i)\bas\s+$", text[max(0, m.start - 4):m.start]):
            return False  # "as soon as"
        if w in ("soon", "shortly") and re.match(r"(?i)\s+(?:after|before|afterwards?)\b", text[m.end:m.end + 14]):
            return False  # "shortly after the attack": a distance from an event (a signal), not the DCT
        if w == "future" and re.search(r"(?i)foreseeable\s+$", text[max(0, m.start - 12):m.start]):
            return False
        if w == "then current":
            return True
    if rule == "set":
        each = g["each"].lower()
        if each in ("a", "an"):
            if not _MONEY_BEFORE.search(text[max(0, m.start - 25):m.start]):
                return False
            if g.get("num") or g.get("weekday") or g.get("month") or g.get("season"):
                return False
    if rule == "year_words" and g.get("twok") and not g.get("yy") and not re.search(r"(?i)year\s+$",
                                                                                    text[max(0, m.start - 8):m.start]):
        if not m.g.get("_full", "").lower().startswith("the year"):
            return False
    if rule == "time" and g.get("h") is not None and int(g["h"]) > 24:
        return False
    if rule == "time" and g.get("hm") is not None:
        hm = g["hm"]
        if int(hm[:2]) > 24:
            return False
    if rule == "time" and g.get("h") and g.get("mi") is None and g.get("ampm") is None and not g.get("pod"):
        return False
    return True
