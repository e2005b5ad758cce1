"""The TimeML tagger's search: vocabulary, compiled rules and the expressions of a text before they are resolved.

Part of the private TimeML (TIMEX3) tagger of :mod:`kzlib.timeline` (values in :mod:`kzlib.timeline._timex_values`):
a rule-based tagger in the style of HeidelTime whose patterns are compiled once from ``data/timex_en.yaml`` and
the month and weekday names of ``data/temporal.yaml``. :func:`find` is the search.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kzlib.timeline._timex_plausible import _plausible

_DIR = Path(__file__).resolve().parent.parent / "data"

__all__ = ["Timex", "find"]


@dataclass
class Timex:
    """One TIMEX3: character span, text, type, value and optional mod (START, END, APPROX ...)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""
    rule: str = ""


def _alt(words: Any) -> str:
    """A regex matching any of ``words`` (the longest where several match), as a trie of their characters so
    that the engine does not try each word in turn; a space in a word matches any run of white space."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    words: frozenset[str]  # the rule is tried around these words (lower case) ...
    digits: re.Pattern | None  # ... and around hits of this pattern (when the text has a digit)


@dataclass(frozen=True)
class _V:
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    number_of: dict[str, float]
    vague: frozenset[str]
    ordinal_of: dict[str, int]
    unit_of: dict[str, tuple[str, float, bool]]
    season_of: dict[str, str]
    pod_of: dict[str, str]
    pmod_of: dict[str, str]
    amod_of: dict[str, str]
    refs: dict[str, str]
    set_adverbs: dict[str, str]
    rules: list[_Rule]
    word_rules: dict[str, tuple[int, ...]]  # lower-case word -> the rules it anchors
    words: frozenset[str]
    not_dates: re.Pattern  # names holding a date word ("Good Friday", "Russia Today"): never expressions
    holidays: dict[str, tuple[str, Any]]
    need_quantity: frozenset[int]  # rules tried only where a number or quantity word precedes their word
    quantity_words: frozenset[str]
    quantity: re.Pattern  # any of the quantity words, lower case
    cased: frozenset[str]  # lower-case month and weekday names: their patterns match them capitalised only
    not_date_words: frozenset[str]  # a word of every name in not_dates (lower case): no such word, no name
    # that word -> the words (runs of a-z) of each name that ends with it, lower case
    not_date_runs: dict[str, tuple[frozenset[str], ...]]


def _numbers(data: dict) -> dict[str, float]:
    out: dict[str, float] = {k: float(v) for k, v in data["units_words"].items()}
    for t, tv in data["tens_words"].items():
        out[t] = float(tv)
        for u, uv in data["units_words"].items():
            if uv < 10:
                out[f"{t}-{u}"] = out[f"{t} {u}"] = float(tv + uv)
    for k, v in data["exact_quantities"].items():
        out[k] = float(v)
    return out


@functools.lru_cache(maxsize=1)
def _vocab() -> _V:
    with open(_DIR / "temporal.yaml", encoding="utf-8") as fh:
        base = yaml.safe_load(fh)
    with open(_DIR / "timex_en.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    month_of = {n.lower(): int(k) for k, ns in base["months"].items() for n in ns}
    weekday_of = {n.lower(): int(k) for k, ns in base["weekdays"].items() for n in ns}
    number_of = _numbers(data)
    vague = frozenset(data["vague_quantities"])
    ordinal_of = {k.lower(): int(v) for k, v in data["ordinals"].items()}
    unit_of = {k: (v[0], float(v[1]), bool(v[2])) for k, v in data["duration_units"].items()}
    refs = {**{w: "PRESENT_REF" for w in data["present_ref"]}, **{w: "PAST_REF" for w in data["past_ref"]},
            **{w: "FUTURE_REF" for w in data["future_ref"]}}

    holidays = {**{k: ("fixed", v) for k, v in data["holidays_fixed"].items()},
                **{k: ("floating", tuple(v)) for k, v in data["holidays_floating"].items()}}
    months = [n for ns in base["months"].values() for n in ns]
    month = rf"(?P<month>{_alt(months + [m.upper() for m in months])})(?:\.(?!\w))?"
    month_b = month.replace("?P<month>", "?P<month2>")
    weekdays = [n for ns in base["weekdays"].values() for n in ns]
    weekday = rf"(?P<weekday>{_alt(weekdays + [w.upper() for w in weekdays])})"
    lead_wd = rf"(?:{weekday},?\s+(?:the\s+)?)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>[1-9]\d{3})"
    numw = _alt(k for k in number_of if not k.startswith(("a ", "an", "half", "hundred", "one and")) and k != "a")
    num_any = rf"(?P<num>\d+(?:\.\d+)?(?:\s+1/2)?|(?i:{_alt(number_of)}|{_alt(vague)}))"
    units = list(unit_of)
    unit = rf"(?P<unit>(?i:{_alt(units)})(?:s|ies)?)".replace("century(?:s|ies)?", "century")
    unit = rf"(?P<unit>(?i:{_alt([u + 's' for u in units] + ['centuries'] + units)}))"
    amod = rf"(?P<amod>(?i:{_alt(data['amount_mods'])}))"
    pmod = rf"(?P<pmod>(?i:{_alt(data['period_mods'])}))"
    ords = _alt(["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"])
    tz = rf"(?P<tz>{_alt(data['time_zones'])})"
    seasons = _alt(list(data["seasons"]) + [s.capitalize() for s in data["seasons"]])
    pods = _alt(data["parts_of_day"])
    dayref = (rf"(?:(?:on\s+)?{weekday.replace('?P<weekday>', '?P<tweekday>')}|(?P<tdeictic>(?i:today|yesterday|"
              rf"tomorrow))|{month_b}\s+(?P<tday>[0-3]?\d)(?:,\s+(?P<tyear>1\d{{3}}|20\d\d))?)")
    ampm = r"(?P<ampm>[aApP]\.?\s?[mM]\.?(?!\w))"
    tens = _alt(data["tens_words"])
    units_w = _alt(k for k, v in data["units_words"].items() if v < 10)
    rules_src: list[tuple[str, ...]] = [
        # times of day
        ("time", rf"\b(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*{ampm}(?:\s+{tz})?(?:,?\s+{dayref})?",
         r"\d\s*[aApP]\.?\s?[mM]"),
        ("time", rf"(?<![\d.,$])\b(?P<hm>[012]\d[0-5]\d)\s+(?:hours\s+)?{tz}(?:,?\s+{dayref})?", tz),
        ("time", rf"(?<![\d.,$:])\b(?P<h>[012]?\d):(?P<mi>[0-5]\d)(?![\d:])(?:\s+{tz})?(?:,?\s+{dayref})?", r"\d:\d"),
        ("time", rf"\b(?P<noon>(?i:noon|midnight|mid-?day))(?:\s+{dayref})?", r"(?i:noon|midnight|mid-?day)"),
        ("time", rf"\b(?P<h>[01]?\d|(?i:{numw}))(?:\s+o'clock)?\s+in\s+the\s+(?P<pod>morning|afternoon|evening)",
         r"\bin\s+the\s+(?:morning|afternoon|evening)"),
        # calendar dates
        ("full", rf"\b{lead_wd}{month}\s+{day},?\s+{year}\b(?![,.]?\d)"),
        ("full", rf"\b{lead_wd}{day}\s+(?:of\s+)?{month},?\s+{year}\b(?![,.]?\d)"),
        ("iso", r"\b(?P<year>\d{4})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("slash", r"(?<![\d/])\b(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>1\d{3}|20\d\d)\b(?![\d/])"),
        ("month_day", rf"\b{lead_wd}{month}\s+{day}\b(?!\s*,?\s*\d)(?!\s*%)"),  # "Friday, Oct. 13": one date
        ("month_day", rf"\b{lead_wd}(?:the\s+)?{day}\s+(?:of\s+)?{month}(?!\s*,?\s*\d)"),  # "Sunday 2 January"
        ("month_year", rf"\b(?:{pmod}[\s-]+)?{month},?\s+(?:of\s+)?{year}\b(?![,.]?\d)"),
        ("month_year", rf"\b{month}\s+(?P<century_w>(?i:nineteen|eighteen))[\s-]+(?P<yy>(?i:{tens}(?:[\s-]+{units_w})?))\b"),
        ("month", rf"\b(?:{pmod}[\s-]+)?(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming))\s+)?{month}"
                  rf"(?!\.?\s*\d)(?!\w)(?:\s+(?P<yrel>(?i:this|last|next))\s+year\b)?"),
        # years, decades, centuries
        ("year", rf"(?<![\d$€£.,/-])\b(?:{pmod}[\s-]+|(?i:pre|post)-)?(?:(?P<fiscal>(?i:fiscal(?:\s+year)?|calendar|the\s+year|"
                 rf"model\s+year))\s+)?{year}\b(?![,.]?\d)(?!-\d)(?!\s*(?:%|percent|per\s+cent))(?!'s\s+{ords})"),
        ("year_ad", r"\b(?:(?P<ad1>AD|A\.D\.)\s+(?P<year>\d{1,4})|(?P<year2>\d{1,4})\s+(?:AD|A\.D\.))(?!\w)"),
        ("year_words", rf"\b(?P<century_w>(?i:nineteen|eighteen))[\s-]+(?P<yy>(?i:{tens}(?:[\s-]+{units_w})?))\b"),
        ("year_words", r"\b(?:(?i:the\s+year)\s+)?(?P<twok>(?i:two\s+thousand))(?:\s+(?i:and\s+)?(?P<yy>(?i:one|two|"
                       r"three|four|five|six|seven|eight|nine|ten)))?\b"),
        ("decade", r"\b(?:(?P<pmod>(?i:early|mid|late))[\s-]+)?(?:(?P<dec>1[1-9]\d0|20\d0)|'(?P<dec2>\d0))'?s\b"),
        ("decade", r"\b(?i:the)\s+(?:(?P<pmod>(?i:early|mid|late))[\s-]+)?(?P<decw>(?i:twenties|thirties|forties|"
                   r"fifties|sixties|seventies|eighties|nineties))\b"),
        ("century", rf"\b(?:(?i:the)\s+)?(?:(?P<pmod>(?i:early|mid|late))[\s-]+)?(?P<ord>(?i:"
                    rf"{_alt(ordinal_of)}))[\s-]+(?i:century)\b"),
        ("century", r"\b(?P<rel>(?i:this|the\s+current|the\s+last|the\s+past|the\s+next|next|last))\s+(?i:century)\b"),
        # quarters and halves
        ("quarter", rf"\b(?:(?P<det>(?i:the|its|their|this|that|a|an))\s+)?(?:(?P<yrel>(?i:this\s+year's|last\s+"
                    rf"year's|next\s+year's|the\s+year's|year-ago|year-earlier|same|comparable|previous|latest|"
                    rf"current|year's))\s+)?(?:{year}(?:'s)?\s+)?(?:(?i:fiscal|calendar)[\s-]+)?(?P<qord>(?i:(?:first|last)\s+two|{ords}|last))[\s-]+(?:(?i:fiscal)[\s-]+)?"
                    rf"(?P<qunit>(?i:quarters|quarter|half))(?:\s+(?:(?i:of|in)\s+)?(?:(?i:fiscal)\s+)?"
                    rf"(?P<year2>1\d{{3}}|20\d\d)\b|\s+(?i:of|in)\s+(?P<qyrel>(?i:this|next|last|the))\s+(?i:year)\b)?"
                    rf"(?:\s+(?P<ago>(?i:a\s+year\s+(?:ago|earlier)|last\s+year)))?"),
        ("quarter_ref", rf"\b(?P<det>(?i:the|this|that|its|their|last\s+year's|this\s+year's|a))\s+(?:(?P<arel>(?i:"
                        rf"latest|current|most\s+recent|recent|same|year-ago|year-earlier|comparable|previous|prior|"
                        rf"past|latest\s+fiscal|fiscal|corresponding|just-ended|just\s+ended|{year}))\s+)?"
                        rf"(?P<qunit>(?i:quarter|period))(?:\s+(?P<ago>(?i:a\s+year\s+(?:ago|earlier)|last\s+year|"
                        rf"of\s+last\s+year|(?:of\s+)?(?:a\s+)?year\s+earlier)))?\b"),
        ("year_ago_adj", r"\b(?P<yago>(?i:year-ago|year-earlier|year-before|prior-year|year\s+ago))\b(?!\s+(?i:"
                         r"quarter|period))"),
        # seasons
        ("season", rf"\b(?:(?P<rel>(?i:this|last|next|that|early|late|the\s+early|the\s+late|the|this\s+past|"
                   rf"this\s+coming|mid|the\s+coming|the\s+past))[\s-]+)?(?P<season>{seasons})(?:\s+(?:of\s+)?"
                   rf"{year}\b)?"),
        # deictic days, parts of days
        ("deictic", rf"\b(?:(?P<pmod>(?i:early|late|earlier|later))\s+(?=(?i:yesterday|today|tomorrow)))?(?P<deictic>(?i:the\s+"
                    rf"day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|"
                    rf"last\s+night|overnight))(?:\s+(?P<pod>{pods}))?"),  # "late yesterday": one expression
        ("deictic", rf"\b(?:(?P<pmod>(?i:early|late|mid))[\s-]+)?(?P<pod>{pods})\s+(?P<deictic>(?i:yesterday|today|"
                    rf"tomorrow))\b"),
        ("deictic", r"\b(?:(?P<pmod>(?i:early|late|earlier|later))\s+)?(?P<deictic>(?i:this))\s+(?P<pod>(?i:"
                    r"morning|afternoon|evening))\b"),
        ("weekday", rf"\b(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|early|late|the\s+"
                    rf"following|the\s+previous|that))\s+)?{weekday}(?P<plural>s)?(?:\s+(?P<pod>{pods})(?P<podpl>s)?)?\b"),
        # relative weeks, months, years, weekends
        ("relunit", r"\b(?:(?P<pmod>(?i:earlier|later|early|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start"
                    r"\s+of|the\s+middle\s+of|end\s+of|mid))[\s-]+)?(?P<rel>(?i:(?:that|the\s+same)(?=\s+(?:week|weekend|month)\b)|"
                    r"this|last|next|the\s+current|"
                    r"the\s+past|the\s+previous|the\s+coming|the\s+following|the\s+next|the\s+last|the|"
                    r"the\s+current\s+fiscal|this\s+fiscal|last\s+fiscal|next\s+fiscal|the\s+fiscal))\s+"
                    r"(?P<unit>(?i:week|weekend|month|year|decade|calendar\s+year|fiscal\s+year))\b(?!-)"),
        ("relunit", r"\b(?P<pmod>(?i:earlier|later))\s+(?i:in|this)\s+(?P<rel>(?i:the))\s+(?P<unit>(?i:week|month|"
                    r"year))\b"),
        ("in_year", r"\b(?P<pmod>(?i:earlier|later))\s+(?P<rel>(?i:in\s+the))\s+(?P<unit>(?i:week|month|year))\b"),
        ("in_year", r"\b(?P<rel>(?i:the\s+full|the\s+whole|the\s+entire|the\s+calendar))\s+(?P<unit>(?i:year))\b"),
        ("in_year", r"\b(?:(?i:the)\s+)?(?P<unit>(?i:year))(?:'s)?[\s-]+(?P<pmod>(?i:end))\b"),
        ("refday", r"\b(?:(?P<pmod>(?i:earlier|later))\s+(?=(?i:that)\b))?(?P<rd>(?i:the\s+(?:next|following|previous|preceding)\s+(?:day|morning|night)|the\s+day\s+"
                   r"(?:before|after)(?=\s*[,.;:)]|\s*$)|that\s+(?:same\s+)?(?:day|night|morning|afternoon|evening)|the\s+same\s+day))\b"),
        ("refyear", r"\b(?:(?P<pmod>(?i:earlier|later))\s+(?=(?i:that)\b))?(?P<ry>(?i:that|the\s+same|the\s+following|the\s+previous|the\s+preceding))\s+(?i:year)\b"
                    r"(?!-|'s)"),
        ("holiday", rf"\b(?:(?P<rel>(?i:last|next|this))\s+)?(?P<holiday>(?i:{_alt(holidays)}))\b"),
        ("ago", rf"\b(?:{amod}\s+)?(?P<num>\d+(?:\.\d+)?|(?i:{_alt(number_of)}|{_alt(vague)}))?\s*{unit}(?:\s+(?i:or\s+so))?\s+"
                rf"(?P<ago>(?i:ago|earlier|before|later|hence|from\s+now))\b"),
        # durations (every match opens with a word character: the look-ahead leaves the ends of words at once)
        ("duration", rf"\b(?=\w)(?:(?P<det>(?i:the|a|an|its|their|his|her))\s+)?(?:(?P<rel>(?i:past|last|next|previous|"
                     rf"coming|first|latest|final|following|remaining|initial|same|prior))\s+)?(?:{amod}\s+)?"
                     rf"{num_any}(?:\s+(?P<more>(?i:more|additional|straight|consecutive|full|further|long)))?"
                     rf"[\s-]+{unit}(?P<adj>(?i:-long|-old))?(?:\s+(?P<orso>(?i:or\s+so|or\s+more)))?"
                     rf"(?:\s+(?P<period>(?i:period|span|stretch|term)))?\b(?!\s+(?i:ago|earlier|later|before))"),
        ("duration_plural", r"\b(?:(?P<rel>(?i:recent|coming|past|the\s+past|the\s+last|the\s+next|the\s+coming|the|"
                            r"the\s+early|the\s+first|the\s+previous|the\s+following|the\s+intervening))\s+)?"
                            r"(?:(?P<vague>(?i:few|several|many))\s+)?(?P<unit>(?i:days|weeks|months|years|decades|"
                            r"centuries|hours|minutes))(?P<adj>(?i:-long|-old))?\b(?!\s+(?i:ago|of\b))"),
        ("duration_half", r"\b(?P<half>(?i:half\s+an?\s+(?:hour|day|year|century|decade)|a\s+half[\s-]hour|"
                          r"an?\s+(?:minute|year|decade|century)\s+and\s+a\s+half|"
                          r"an?\s+hour\s+and\s+a\s+half))\b"),
        ("while", r"\b(?P<while>(?i:a\s+while|some\s+time|a\s+long\s+time|a\s+short\s+time))\b"),
        ("ref", rf"\b(?P<ref>(?i:{_alt(refs)}))\b"),
        ("set_adv", rf"\b(?P<setadv>(?i:{_alt(data['set_adverbs'])}))\b"),
        ("set", rf"\b(?P<each>(?i:each|every|per|a|an))\s+(?:(?P<num>\d+|{numw}|other)\s+)?(?:(?P<sunit>"
                rf"(?i:second|minute|hour|day|week|month|quarter|year|decade|night|morning|evening|weekend))|"
                rf"{weekday}|{month}|(?P<season>{seasons}))\b(?![\s-](?:ago|earlier|later|before|-old|-long))"),
        # a part of the day the text is about ("Dealers placed orders in the morning"), without its preposition
        ("pod_ref", r"(?:(?<=\b[Ii]n\s)|(?<=\b[Dd]uring\s)|(?<=\b[Bb]y\s)|(?<=\b[Uu]ntil\s))(?:(?P<the>the)\s+"
                    r"(?P<pod>morning|afternoon|evening)|(?P<mpod>mid-?(?:morning|afternoon)|mid\s+(?:morning|afternoon)))\b"
                    r"(?!\s+(?:of|and|or|hours|papers?|news|shows?|session|trading)\b)"),
        # "the week of March 6": the week holding that day
        ("week_of", rf"\b(?i:the\s+week\s+of)\s+{month}\s+{day}\b(?:,?\s+{year}\b)?"),
        # "for the past three summers": each of those seasons (a TimeML SET, as "every summer")
        ("season_set", rf"\b(?:(?i:the)\s+)?(?i:past|last|next|coming|previous)\s+(?:(?:\d+|(?i:{numw}))\s+)?"
                       r"(?P<season>(?i:summer|winter|spring|autumn|fall))s\b"),
        # "at this crucial moment": the present, as "at this moment" (a word between them)
        ("moment", r"\b(?i:this)\s+(?!(?:the|a|an|his|her|its|their|our|my|your|is|was|one|that|these|those|which|what|very)\b)[a-z]+\s+(?i:moment)\b(?!['’]s)"),
    ]
    # where each rule can match: around one of its words (lower case) or a hit of its digit pattern; a text with
    # none of them is not searched with that rule's pattern
    low = lambda words: frozenset(w.lower() for w in words)
    unit_l = low([u.split()[-1] for u in units] + [u.split()[-1] + "s" for u in units] + ["centuries"])
    months_l, weekdays_l, seasons_l = low(month_of), low(weekday_of), low(data["seasons"])
    refs_l = low(r.split()[-1] for r in refs)
    anchors: dict[str, tuple[frozenset[str], str | None]] = {
        "full": (months_l, None), "month_day": (months_l, None), "month_year": (months_l, None),
        "month": (months_l, None), "iso": (frozenset(), r"\d{4}-\d\d-\d\d"), "slash": (frozenset(), r"\d/\d"),
        "year": (frozenset(), r"\d{4}"), "year_ad": (frozenset({"ad", "d"}), None),
        "year_words": (frozenset({"nineteen", "eighteen", "thousand"}), None),
        "century": (frozenset({"century"}), None), "quarter": (frozenset({"quarter", "quarters", "half"}), None),
        "quarter_ref": (frozenset({"quarter", "period"}), None),
        "year_ago_adj": (frozenset({"ago", "earlier", "before", "prior"}), None), "season": (seasons_l, None),
        "weekday": (weekdays_l | low(w + "s" for w in weekdays_l if len(w) > 3), None),  # and "Mondays"
        "relunit": (frozenset({"week", "weekend", "month", "year", "decade"}), None),
        "refday": (frozenset({"day", "night", "morning", "afternoon", "evening"}), None),
        "refyear": (frozenset({"year"}), None),
        "holiday": (low(w.split()[0].replace("'s", "") for w in holidays), None),
        "in_year": (frozenset({"week", "month", "year"}), None),
        "ago": (frozenset({"ago", "earlier", "before", "later", "hence", "now"}), None),
        "duration": (unit_l, None),
        "duration_plural": (frozenset({"days", "weeks", "months", "years", "decades", "centuries", "hours",
                                       "minutes"}), None),
        "duration_half": (frozenset({"half"}), None), "while": (frozenset({"while", "time"}), None),
        "ref": (refs_l, None), "set_adv": (low(data["set_adverbs"]), None),
        "set": (frozenset({"each", "every", "per"}), None),
        "pod_ref": (frozenset({"morning", "afternoon", "evening", "midmorning", "midafternoon"}), None),
        "week_of": (frozenset({"week"}), None),  # "a year" after an amount: the duration rule's
        "season_set": (frozenset({"summers", "winters", "springs", "autumns", "falls"}), None),
        "moment": (frozenset({"moment"}), None),
    }
    own = {  # rules that share a name but not their anchors, by their place in rules_src
        0: (frozenset(), r"\d\s*[aApP]\.?\s?[mM]"), 1: (low(t.split()[-1] for t in data["time_zones"]), None),
        2: (frozenset(), r"\d:\d"), 3: (frozenset({"noon", "midnight", "midday", "mid"}), None),
        4: (frozenset({"morning", "afternoon", "evening"}), None),
    }
    rules = []
    for i, (name, src, *_) in enumerate(rules_src):
        if name == "decade":
            words, digits = (frozenset(), r"\d0'?s\b") if "dec2" in src else (
                frozenset({"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                           "nineties"}), None)
        elif name == "deictic":
            words = frozenset({"morning", "afternoon", "evening"}) if "P<deictic>(?i:this)" in src else \
                frozenset({"today", "yesterday", "tomorrow", "tonight", "night", "overnight"})
            digits = None
        else:
            words, digits = own.get(i) or anchors[name]
        rules.append(_Rule(name, re.compile(src), words, re.compile(digits) if digits else None))
    not_dates = re.compile(rf"\b(?i:{_alt(base['not_dates'])})\b")
    word_rules: dict[str, tuple[int, ...]] = {}
    for i, r in enumerate(rules):
        for w in r.words:
            word_rules[w] = (*word_rules.get(w, ()), i)
    return _V(month_of, weekday_of, number_of, vague, ordinal_of, unit_of, dict(data["seasons"]),
              dict(data["parts_of_day"]), {k.lower(): v for k, v in data["period_mods"].items()},
              {k.lower(): v for k, v in data["amount_mods"].items()}, refs, dict(data["set_adverbs"]), rules,
              word_rules, frozenset(word_rules), not_dates, holidays,
              frozenset(i for i, r in enumerate(rules) if r.name in ("duration", "ago")),
              frozenset(w for q in list(number_of) + list(vague) for w in q.split()) - {"of"},
              re.compile(rf"\b(?:{_alt(w for q in list(number_of) + list(vague) for w in q.split() if w != 'of')})\b"),
              months_l | weekdays_l, low(_WORD.findall(n.lower())[-1] for n in base["not_dates"]), _runs_by_last(base["not_dates"]))


def _runs_by_last(names: list[str]) -> dict[str, tuple[frozenset[str], ...]]:
    """The words (runs of a-z) of each name, lower case, by its last word.

    Example:
        >>> [sorted(ws) for ws in _runs_by_last(["Russia Today", "Good Friday", "Black Friday"])["friday"]]
        [['friday', 'good'], ['black', 'friday']]
    """
    out: dict[str, list[frozenset[str]]] = {}
    for n in names:
        runs = _WORD.findall(n.lower())
        out.setdefault(runs[-1], []).append(frozenset(runs))
    return {k: tuple(v) for k, v in out.items()}


# --- the tagger -------------------------------------------------------------------------------------

@dataclass
class _Match:
    start: int
    end: int
    rule: str
    g: dict[str, Any]
    order: int
    m: re.Match | None = None


_WINDOW_BEFORE, _WINDOW_AFTER = 50, 30
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH_VALUE = re.compile(r"\d{4}-\d\d(?:-\d\d)?")
_SPACES = re.compile(r"\s+")
_PART_YEAR = re.compile(r"P(?:[6-9]|1[01])M|P[23]Q")  # a year to date: later "a year ago" is that year's
_WORD = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[a-z]+|\d+")
_SHORT_TEXT = 400  # characters: a text this short (a sentence) is searched whole by each rule it calls for
_DIGIT = re.compile(r"\d")  # characters around an anchor hit: longer than any expression


def _places(lower: str, word: str) -> list[tuple[int, int]]:
    """The spans of every occurrence of ``word`` in ``lower``, inside longer words too."""
    out = []
    k = lower.find(word)
    while k >= 0:
        out.append((k, k + len(word)))
        k = lower.find(word, k + 1)
    return out


_LETTERS_ONLY = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))  # a-z kept, every other byte a space


def _words(lower: str) -> list[bytes]:
    """The words of a lower-case text as ``_WORD`` finds them (runs of a-z), as UTF-8 bytes: every byte of a
    character other than a-z (UTF-8 writes non-ASCII characters with bytes above 0x7F) is a space, and
    ``bytes.split`` is cheaper than a regex."""
    return lower.encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).split()


@functools.lru_cache(maxsize=1)
def _byte_words() -> tuple[frozenset[bytes], frozenset[bytes], dict[bytes, tuple[frozenset[bytes], ...]]]:
    """The words that anchor rules, the last words of the names that are no dates and the words of those names by
    their last word, as bytes (see :func:`_words`)."""
    v = _vocab()
    return (frozenset(w.encode() for w in v.words), frozenset(w.encode() for w in v.not_date_words),
            {k.encode(): tuple(frozenset(w.encode() for w in ws) for ws in runs) for k, runs in v.not_date_runs.items()})


@functools.lru_cache(maxsize=1)
def _digit_rules() -> tuple[tuple[int, re.Pattern], ...]:
    """(place, digit pattern) of the rules tried around hits of a digit pattern: each pattern starts with a digit
    (so it is searched from the text's first digit on)."""
    return tuple((i, rule.digits) for i, rule in enumerate(_vocab().rules) if rule.digits is not None)


def _merged(anchors: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """The merged windows around the anchor spans ``anchors`` in a text of ``n`` characters."""
    spans: list[tuple[int, int]] = []
    for a, b in sorted(anchors):
        lo, hi = a - _WINDOW_BEFORE, b + _WINDOW_AFTER
        if lo < 0:
            lo = 0
        if hi > n:
            hi = n
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _word_windows(lower: str, word: str) -> list[tuple[int, int]]:
    """``_merged(_places(lower, word), len(lower))`` without visiting every place: the windows of one word's places
    (in order) only grow, so a window takes in at once the last place that starts within reach of its end."""
    n, size = len(lower), len(word)
    spans: list[tuple[int, int]] = []
    k = lower.find(word)
    while k >= 0:
        lo, hi = max(0, k - _WINDOW_BEFORE), min(n, k + size + _WINDOW_AFTER)
        while True:  # the last place whose window starts at or before hi
            last = lower.rfind(word, k + 1, hi + _WINDOW_BEFORE + size)
            if last < 0:
                break
            k, hi = last, min(n, last + size + _WINDOW_AFTER)
        spans.append((lo, hi))
        k = lower.find(word, k + 1)
    return spans


_PLANS_MAX = 16_384  # entries of each plan cache (few distinct sets of words occur: 1,514 in 56,000 sentences)
_rule_groups: dict[tuple[frozenset[str], bool], tuple[tuple[frozenset[str], tuple[int, ...]], ...]] = {}
_needs_quantity: dict[frozenset[str], bool] = {}


def _groups(hit_words: frozenset[str], quantity: bool, v: _V) -> tuple[tuple[frozenset[str], tuple[int, ...]], ...]:
    """The rules that the words ``hit_words`` call for, grouped by the set of those words that anchor them (rules
    with the same words share one list of windows); the rules that need a quantity before their word only with
    ``quantity``. Kept per set of words: the same few sets recur, and this saves a Python loop per sentence."""
    plan = _rule_groups.get((hit_words, quantity))
    if plan is None:
        words_of: dict[int, list[str]] = {}
        for word in hit_words:
            for i in v.word_rules[word]:
                if quantity or i not in v.need_quantity:
                    words_of.setdefault(i, []).append(word)
        rules_of: dict[frozenset[str], list[int]] = {}
        for i, ws in words_of.items():
            rules_of.setdefault(frozenset(ws), []).append(i)
        plan = tuple((key, tuple(rules)) for key, rules in rules_of.items())
        if len(_rule_groups) < _PLANS_MAX:
            _rule_groups[(hit_words, quantity)] = plan
    return plan


def _short_windows(text: str, lower: str, hit_words: frozenset[str], first_digit: int,
                   v: _V) -> dict[int, list[tuple[int, int]]]:
    """The windows each rule searches in a short text (a sentence): around each place its words occur (a plain
    substring search: every occurrence of the word is among them); the whole text for the rules its digits call
    for (``first_digit``: the place of the text's first digit, -1 for none). Rules with the same words share one
    list of windows."""
    has_digit = first_digit >= 0
    n = len(text)
    whole = [(0, n)]
    out: dict[int, list[tuple[int, int]]] = {}
    if hit_words:
        quantity = has_digit
        if not quantity:
            needs = _needs_quantity.get(hit_words)
            if needs is None:
                needs = any(i in v.need_quantity for w in hit_words for i in v.word_rules[w])
                if len(_needs_quantity) < _PLANS_MAX:
                    _needs_quantity[hit_words] = needs
            quantity = needs and v.quantity.search(lower) is not None
        same_length = len(lower) == n
        for key, rules in _groups(hit_words, quantity, v):
            if same_length and len(key) == 1:
                spans = _word_windows(lower, next(iter(key)))
            elif same_length:
                spans = _merged([p for w in key for p in _places(lower, w)], n)
            else:
                spans = _merged(whole * len(key), n)
            for i in rules:
                out[i] = spans
    if has_digit:
        for i, digits in _digit_rules():
            if digits.search(text, first_digit):  # (its matches start with a digit: none before the first)
                out[i] = whole
    return out


def _long_windows(text: str, lower: str, hit_words: frozenset[str], first_digit: int,
                  v: _V) -> dict[int, list[tuple[int, int]]]:
    """The windows each rule searches in a long text: around each of its words (for rules that need a quantity
    before their word, where one of the last few words is a number or quantity word) and each hit of its digit
    pattern (searched from ``first_digit``, the place of the text's first digit; -1 for none)."""
    at: dict[int, list[tuple[int, int]]] = {}
    if hit_words:
        recent: deque[str] = deque(maxlen=5)  # the last few words, for rules that need a quantity before their word
        for w in _TOKEN.finditer(lower):
            word = w.group(0)
            rs = v.word_rules.get(word) if word in hit_words else None
            if rs:
                quantity = any(x[0].isdigit() or x in v.quantity_words for x in recent)
                for i in rs:
                    if quantity or i not in v.need_quantity:
                        at.setdefault(i, []).append(w.span())
            recent.append(word)
    if first_digit >= 0:
        for i, digits in _digit_rules():
            for h in digits.finditer(text, first_digit):
                at.setdefault(i, []).append(h.span())
    n = len(text)
    return {i: _merged(anchors, n) for i, anchors in at.items()}


_decoded: dict[frozenset[bytes], tuple[frozenset[str], bool]] = {}


def _decode(hits: frozenset[bytes], v: _V) -> tuple[frozenset[str], bool]:
    """The words ``hits`` as strings, and whether a month or weekday name is among them (kept per set of words)."""
    words = frozenset(w.decode() for w in hits)
    out = words, bool(words & v.cased)
    if len(_decoded) < _PLANS_MAX:
        _decoded[hits] = out
    return out


def find(text: str) -> list[_Match]:
    """The expressions of ``text`` before they are resolved (independent of the DCT: a repeated text's can be
    reused)."""
    if not text:
        return []
    v = _vocab()
    lower = text.lower()
    words = _words(lower)
    hits = _byte_words()[0].intersection(words)
    hit_words, cased = _decoded.get(hits) or _decode(hits, v)
    if cased:  # month and weekday names match capitalised only ("may", "march" are verbs)
        hit_words = frozenset(w for w in hit_words if w not in v.cased or w.capitalize() in text or w.upper() in text)
    digit = _DIGIT.search(text)
    if not hit_words and digit is None:
        return []
    windows = (_short_windows if len(text) <= _SHORT_TEXT else _long_windows)(text, lower, hit_words,
                                                                              -1 if digit is None else digit.start(), v)
    # a rule's windows are disjoint: no match is found twice
    found: list[_Match] = []
    rules = v.rules
    for order, spans in windows.items():
        rule = rules[order]
        pattern, name = rule.pattern, rule.name
        for lo, hi in spans:
            for mm in pattern.finditer(text, lo, hi):
                s, e = mm.span()
                if s == e:
                    continue
                g = mm.groupdict()
                g["_full"] = mm.group(0)
                found.append(_Match(s, e, name, g, order, mm))
    if not found:
        return []
    return _kept(found, text, words, v)


def _kept(found: list[_Match], text: str, words: list[bytes], v: _V) -> list[_Match]:
    """Of overlapping matches the longest (then the earliest rule, then the first), where plausible and not part
    of a name that is no date."""
    _, last_words, runs = _byte_words()
    names = last_words.intersection(words)  # the last word of a name that is no date
    if names and text.isascii():  # the words of an ASCII text's names are among its words: else no search
        have = set(words)
        if not any(ws <= have for w in names for ws in runs[w]):
            names = frozenset()
    if len(found) == 1 and not names:  # one match, nothing to overlap (most texts): no sorting, no map of places
        return found if _plausible(found[0], text, v) else []
    found.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    kept: list[_Match] = []
    taken = bytearray(len(text) + 1)
    for nd in (v.not_dates.finditer(text) if names else ()):
        taken[nd.start():nd.end()] = b"\x01" * (nd.end() - nd.start())
    for c in found:
        if taken.find(1, c.start, c.end) >= 0:
            continue
        if not _plausible(c, text, v):
            continue
        kept.append(c)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    kept.sort(key=lambda c: c.start)
    return kept
