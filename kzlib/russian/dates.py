"""Russian dated expressions normalised to TimeML values, anchored on the publication date.

Finds "7 января 2022 года", "4 и 5 января" (two dates), "10.01.2022", "в пятницу", "в прошлую среду",
"сегодня", "с завтрашнего дня", "на прошлой неделе", "в этом году", "в начале января", "в конце
прошлого года", "январские события", "в 1986 году", "2022-го", "в первые дни 2022 года", "два дня
назад", "через три дня", "35 лет назад". The vocabulary lives in ``kzlib/data/ru/dates.yaml``. Bare
numbers are never dates ("2,5 тысячи", "225 человек"); a four-digit year needs "год" or "-го".

Resolution follows :mod:`kzlib.timeline`: a weekday in the past tense is the latest such day on or before
publication (the next one with a future marker such as "пройдет"); a day or month without a year takes
the publication year (the previous year when that would put it more than ``future_window_days`` after
publication); with no publication date, the latest year the text itself writes out anchors year-less
days and months, and relative expressions stay unresolved. Each mention carries ``timex_type``
(``DATE``) and ``timex_value`` (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``YYYY-Www``).

Example:
    >>> extract_dates_ru("В пятницу Токаев выступил, а 5 января ввел режим ЧП.",
    ...                  published="2022-01-08")[["expression", "timex_value"]].values.tolist()
    [['В пятницу', '2022-01-07'], ['5 января', '2022-01-05']]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pandas as pd
import yaml
from dateutil.relativedelta import relativedelta

from kzlib.text import longest_first

__all__ = ["TIMEX_COLUMNS", "document_mentions_ru", "extract_dates_ru"]

TIMEX_COLUMNS = ["timex_type", "timex_value"]


@dataclass(frozen=True)
class _Vocab:
    rx: re.Pattern
    month_of: Any
    weekday_of: dict[str, int]
    deictic_of: dict[str, int]
    deictic_adj: dict[str, int]
    relative_of: dict[str, int]
    unit_of: dict[str, str]
    number_of: dict[str, int]
    future: re.Pattern


def _alt(words) -> str:
    return longest_first(words)


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    d = yaml.safe_load(resources.files("kzlib.data").joinpath("ru/dates.yaml").read_text("utf-8"))
    stems = {k: v for k, v in d["months"].items() if k != "ма"}
    month = r"(?:(?:" + _alt(stems) + r")[а-я]*|" + _alt(d["may_forms"]) + r")"
    month_adj = r"(?:(?:" + _alt(stems) + r")[а-я]*ск[а-я]+|майск[а-я]+)"
    wd = _alt(d["weekdays"])
    rel = r"(?:" + _alt(d["relative"]) + r")[а-я]*"
    num = r"(?:\d{1,3}|" + _alt(d["numbers"]) + r")"
    unit = r"(?:дн[а-я]*|день|сут[а-я]*|недел[а-я]*|месяц[а-я]*|год[а-я]*|лет)"
    part = _alt(d["parts"])
    B, E = r"(?<![\w-])", r"(?![\w])"
    year_word = r"(?:\s*(?:года|году|год|г\.)|-(?:го|м|й)" + E + r")"
    patterns = [
        ("numeric", rf"{B}(?P<nd>\d{{1,2}})[./](?P<nm>\d{{1,2}})[./](?P<ny>(?:19|20)\d{{2}}){E}"),
        ("iso", rf"{B}(?P<iy>(?:19|20)\d{{2}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}){E}"),
        ("first_days", rf"{B}(?:в\s+)?(?P<fl>первые|последние)\s+(?:дни|недели)\s+(?P<fy>(?:19|20)\d{{2}})\s+года{E}"),
        ("part_rel", rf"{B}(?:в\s+)?(?P<pp>{part})\s+(?P<prel>{rel})\s+(?P<punit>года|месяца){E}"),
        ("part_month", rf"{B}(?:в\s+)?(?P<pm_part>{part})\s+(?P<pmonth>{month}){E}(?:\s+(?P<pyear>(?:19|20)\d{{2}}){year_word}?)?"),
        ("day_month", (rf"{B}(?P<day>\d{{1,2}})(?:\s*(?:и|-|–|—)\s*(?P<day2>\d{{1,2}}))?\s+(?P<month>{month}){E}"
                       rf"(?:\s+(?P<year>(?:19|20)\d{{2}}){year_word}?)?")),
        ("month_year", rf"{B}(?P<mymonth>{month})\s+(?P<myyear>(?:19|20)\d{{2}}){year_word}?"),
        ("years", rf"{B}(?:в\s+)?(?P<y1>(?:19|20)\d{{2}})\s*[-–—]\s*(?P<y2>(?:19|20)\d{{2}})\s*(?:годах|годы|годов|гг\.){E}"),
        ("year_only", rf"{B}(?:в\s+)?(?P<yy>(?:19|20)\d{{2}}){year_word}"),
        ("month_adj", rf"{B}(?P<adj>{month_adj}){E}"),
        ("month_prep", rf"{B}(?:в|с|до|к|после)\s+(?P<prep_month>{month}){E}"),
        ("weekday", rf"{B}(?:в|во)\s+(?:(?P<wrel>{rel})\s+)?(?P<wd>{wd}){E}"),
        ("deictic_adj", rf"{B}(?P<dadj>{_alt(d['deictic_adjectives'])})[а-я]*\s+(?:дн[а-я]+|день){E}"),
        ("deictic_word", rf"{B}(?P<deictic>{_alt(d['deictic'])}){E}"),
        ("relative", rf"{B}(?:на|в|во)\s+(?P<rrel>{rel})\s+(?P<runit>недел[а-я]*|месяц[а-я]*|год[а-я]*){E}"),
        ("ago", rf"{B}(?:(?P<an>{num})\s+)?(?P<aunit>{unit})\s+назад{E}"),
        ("after", rf"{B}(?:через|спустя)\s+(?P<fn>{num})\s+(?P<funit>{unit}){E}"),
    ]
    rx = re.compile("|".join(f"(?P<{name}>{p})" for name, p in patterns), re.IGNORECASE)

    def month_of(word: str) -> int:
        w = word.lower()
        if w.startswith("ма") and w in d["may_forms"]:
            return 5
        for stem, m in sorted(stems.items(), key=lambda kv: -len(kv[0])):
            if w.startswith(stem):
                return int(m)
        return 5

    return _Vocab(rx, month_of, {k.lower(): int(v) for k, v in d["weekdays"].items()},
                  {k: int(v) for k, v in d["deictic"].items()}, {k: int(v) for k, v in d["deictic_adjectives"].items()},
                  {k: int(v) for k, v in d["relative"].items()}, {k: str(v) for k, v in d["units"].items()},
                  {k: int(v) for k, v in d["numbers"].items()},
                  re.compile(r"(?<!\w)(?:" + _alt(d["future_words"]) + r")(?!\w)", re.IGNORECASE))


def _to_date(value: Any) -> dt.date | None:
    if value is None or value == "" or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return pd.Timestamp(str(value)[:10]).date()
    except (ValueError, TypeError):
        return None


def _prefix_value(table: dict[str, int], word: str) -> int | None:
    w = word.lower()
    for k in sorted(table, key=len, reverse=True):
        if w.startswith(k):
            return table[k]
    return None


def _number(v: _Vocab, word: str | None) -> int | None:
    if not word:
        return 1
    if word.isdigit():
        return int(word)
    n = v.number_of.get(word.lower())
    return n or None


def _unit(v: _Vocab, word: str) -> str:
    u = _prefix_value({k: i for i, k in enumerate(v.unit_of)}, word)
    return list(v.unit_of.values())[u] if u is not None else "day"


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


#: Where a clause ends inside a sentence ("заявил в среду, что войска уйдут": the weekday is the saying's).
_CLAUSE_CUT = re.compile(r"[,;:()—–]|\s-\s")
#: A verb in the past tense ("заявил", "сообщила", "прошли", "состоялось", "собрались").
_PAST_VERB = re.compile(r"(?<![\w-])[а-яё]{2,}(?:ла|ло|ли|л|лся|лась|лось|лись)(?![\w-])", re.IGNORECASE)


def _is_past_verb(word: str) -> bool:
    """Whether pymorphy3 reads ``word`` as a verb in the past tense ("заявил", not "посол", "села")."""
    from kzlib.text.tokens import parses

    return any(p.tag.POS == "VERB" and "past" in p.tag for p in parses(word.lower()))


def _is_future(v: _Vocab, text: str, start: int, end: int) -> bool:
    """Whether the expression at ``start:end`` looks ahead: its own clause has a word of the future; else, when its
    clause has no verb in the past tense, the sentence has one.

    Example:
        >>> v = _vocab()
        >>> t = "Токаев заявил в среду, что войска ОДКБ будут выведены."
        >>> _is_future(v, t, t.index("в среду"), t.index("в среду") + 7)
        False
        >>> t = "Войска будут выведены в среду."
        >>> _is_future(v, t, t.index("в среду"), t.index("в среду") + 7)
        True
    """
    lo = max(text.rfind(".", 0, start), text.rfind("!", 0, start), text.rfind("?", 0, start)) + 1
    hi = min([i for i in (text.find(".", end), text.find("!", end), text.find("?", end)) if i >= 0] or [len(text)])
    c0 = max([m.end() for m in _CLAUSE_CUT.finditer(text, lo, start)] or [lo])
    cut = _CLAUSE_CUT.search(text, end, hi)
    clause = text[c0:cut.start() if cut else hi]
    if v.future.search(clause):
        return True
    if any(_is_past_verb(m.group(0)) for m in _PAST_VERB.finditer(clause)):
        return False
    return bool(v.future.search(text[lo:hi]))


def _year_less(month: int, day: int | None, pub: dt.date | None, text_year: int | None, window: int) -> tuple[dt.date | None, str]:
    if pub is not None:
        try:
            d = dt.date(pub.year, month, day or 1)
        except ValueError:
            return None, "not a calendar date"
        if (d - pub).days > window:
            d = d.replace(year=pub.year - 1)
            return d, "year inferred: the most recent one on or before publication"
        return d, "year inferred from the publication date"
    if text_year is not None:
        try:
            return dt.date(text_year, month, day or 1), f"year inferred from the text ({text_year})"
        except ValueError:
            return None, "not a calendar date"
    return None, "no publication date and no year in the text: left unresolved"


def _mention(start: int, end: int, expr: str, value: str, granularity: str, anchor: str, conf: float, note: str,
             pub: dt.date | None, future: bool = False) -> dict[str, Any]:
    date = value
    if granularity == "week" and value:
        y, w = int(value[:4]), int(value[6:])
        date = dt.date.fromisocalendar(y, w, 1).isoformat()
    return {"start": start, "end": end, "expression": expr, "kind": "point", "date": date,
            "granularity": granularity if value else "", "anchor": anchor if value else "unresolved",
            "anchor_date": pub.isoformat() if pub is not None and anchor == "publication-relative" else "",
            "confidence": conf if value else 0.0, "future": future, "flag": "", "note": note,
            "timex_type": "DATE", "timex_value": value}


def _scan(text: str, pub: dt.date | None, text_year: int | None, window: int) -> list[dict[str, Any]]:
    v = _vocab()
    low = text.replace("ё", "е").replace("Ё", "Е")
    out: list[dict[str, Any]] = []
    for m in v.rx.finditer(low):
        rule = m.lastgroup
        g = m.groupdict()
        s, e = m.start(), m.end()
        expr = text[s:e]
        fut = _is_future(v, low, s, e)
        if rule == "numeric" or rule == "iso":
            y, mo, d = (g["ny"], g["nm"], g["nd"]) if rule == "numeric" else (g["iy"], g["im"], g["id"])
            try:
                out.append(_mention(s, e, expr, dt.date(int(y), int(mo), int(d)).isoformat(), "day", "absolute", 0.95, "", pub))
            except ValueError:
                continue
        elif rule == "first_days":
            month = "01" if g["fl"].startswith("перв") else "12"
            out.append(_mention(s, e, expr, f"{g['fy']}-{month}", "month", "absolute", 0.85, "the first/last days of the year", pub))
        elif rule == "part_month":
            month = v.month_of(g["pmonth"])
            if g.get("pyear"):
                out.append(_mention(s, e, expr, f"{int(g['pyear']):04d}-{month:02d}", "month", "absolute", 0.9, "", pub))
            else:
                d, note = _year_less(month, None, pub, text_year, window)
                out.append(_mention(s, e, expr, f"{d.year:04d}-{d.month:02d}" if d else "", "month",
                                    "absolute-year-inferred", 0.8, note, pub))
        elif rule == "part_rel":
            shift = _prefix_value(v.relative_of, g["prel"]) or 0
            if pub is None:
                out.append(_mention(s, e, expr, "", "", "unresolved", 0.0, "no publication date", pub))
            elif g["punit"].startswith("год"):
                out.append(_mention(s, e, expr, f"{pub.year + shift:04d}", "year", "publication-relative", 0.8, "", pub))
            else:
                d = pub.replace(day=1) + relativedelta(months=shift)
                out.append(_mention(s, e, expr, f"{d.year:04d}-{d.month:02d}", "month", "publication-relative", 0.8, "", pub))
        elif rule == "day_month":
            month = v.month_of(g["month"])
            days = [int(g["day"])] + ([int(g["day2"])] if g.get("day2") else [])
            for k, day in enumerate(days):
                if len(days) == 2 and k == 0:
                    ds, de = m.start("day"), m.end("day")  # "4 и 5 января": "4" on its own
                else:
                    ds, de = (m.start("day2"), e) if len(days) == 2 else (s, e)
                if g.get("year"):
                    try:
                        val = dt.date(int(g["year"]), month, day).isoformat()
                    except ValueError:
                        continue
                    out.append(_mention(ds, de, text[ds:de], val, "day", "absolute", 0.95, "", pub))
                else:
                    d, note = _year_less(month, day, pub, text_year, window)
                    out.append(_mention(ds, de, text[ds:de], d.isoformat() if d else "", "day",
                                        "absolute-year-inferred", 0.85, note, pub, fut))
        elif rule == "month_year":
            out.append(_mention(s, e, expr, f"{int(g['myyear']):04d}-{v.month_of(g['mymonth']):02d}", "month",
                                "absolute", 0.9, "", pub))
        elif rule == "years":
            out.append(_mention(m.start("y1"), m.end("y1"), g["y1"], g["y1"], "year", "absolute", 0.9, "", pub))
            out.append(_mention(m.start("y2"), e, text[m.start("y2"):e], g["y2"], "year", "absolute", 0.9, "", pub))
        elif rule == "year_only":
            out.append(_mention(s, e, expr, g["yy"], "year", "absolute", 0.9, "", pub))
        elif rule in ("month_adj", "month_prep"):
            month = v.month_of(g["adj"] if rule == "month_adj" else g["prep_month"])
            near = _NEAR_YEAR.match(low, e)  # "январских событий 2022 года": the year the text gives
            if near:
                out.append(_mention(s, e, expr, f"{int(near.group(1)):04d}-{month:02d}", "month", "absolute", 0.8,
                                    "month with the year written next to it", pub))
                continue
            d, note = _year_less(month, None, pub, text_year, window)
            note = ("adjectival month; " if rule == "month_adj" else "") + note
            out.append(_mention(s, e, expr, f"{d.year:04d}-{d.month:02d}" if d else "", "month",
                                "absolute-year-inferred", 0.7 if rule == "month_adj" else 0.8, note, pub))
        elif pub is None:
            out.append(_mention(s, e, expr, "", "", "unresolved", 0.0,
                                "no publication date: relative date left unresolved", pub, fut))
        elif rule == "weekday":
            wd = v.weekday_of[g["wd"].lower()]
            wshift = _prefix_value(v.relative_of, g["wrel"]) if g.get("wrel") else None
            back, ahead = (pub.weekday() - wd) % 7, (wd - pub.weekday()) % 7
            if wshift == -1:
                d, how = pub - dt.timedelta(days=back or 7), "the one before publication"
            elif wshift == 1 or fut:
                d, how = pub + dt.timedelta(days=ahead or 7 if wshift == 1 else ahead), "future: the next one"
            else:
                d, how = pub - dt.timedelta(days=back), "the most recent one on or before publication"
            out.append(_mention(s, e, expr, d.isoformat(), "day", "publication-relative", 0.8, how, pub, fut))
        elif rule in ("deictic_word", "deictic_adj"):
            shift = (v.deictic_of[g["deictic"].lower()] if rule == "deictic_word"
                     else _prefix_value(v.deictic_adj, g["dadj"]) or 0)
            out.append(_mention(s, e, expr, (pub + dt.timedelta(days=shift)).isoformat(), "day",
                                "publication-relative", 0.85, f"publication day {shift:+d}", pub, fut))
        elif rule == "relative":
            shift = _prefix_value(v.relative_of, g["rrel"]) or 0
            u = g["runit"].lower()
            if u.startswith("недел"):
                out.append(_mention(s, e, expr, _iso_week(pub + dt.timedelta(weeks=shift)), "week",
                                    "publication-relative", 0.8, "", pub))
            elif u.startswith("месяц"):
                d = pub.replace(day=1) + relativedelta(months=shift)
                out.append(_mention(s, e, expr, f"{d.year:04d}-{d.month:02d}", "month", "publication-relative", 0.8, "", pub))
            else:
                out.append(_mention(s, e, expr, f"{pub.year + shift:04d}", "year", "publication-relative", 0.8, "", pub))
        elif rule in ("ago", "after"):
            n = _number(v, g["an"] if rule == "ago" else g["fn"])
            unit = _unit(v, g["aunit"] if rule == "ago" else g["funit"])
            if not n:
                continue
            sign = -1 if rule == "ago" else 1
            delta = {"day": relativedelta(days=n), "week": relativedelta(weeks=n), "month": relativedelta(months=n),
                     "year": relativedelta(years=n)}[unit] * sign
            d = pub + delta
            val = {"day": d.isoformat(), "week": _iso_week(d), "month": f"{d.year:04d}-{d.month:02d}",
                   "year": f"{d.year:04d}"}[unit]
            out.append(_mention(s, e, expr, val, unit, "publication-relative", 0.75, f"{sign * n:+d} {unit}(s)", pub, fut))
    _years_given(low, out, v)
    return out


_NEAR_YEAR = re.compile(r"(?:\s+[а-я]+){0,2}\s+((?:19|20)\d{2})(?:\s*(?:года|году|год|г\.)|-(?:го|м|й)\b)")
_YEAR_AFTER = re.compile(r"^\s*\(?\s*(?:в\s+)?((?:19|20)\d{2})\s*(?:году|года|год|г\.)")


def _years_given(low: str, out: list[dict[str, Any]], v: _Vocab) -> None:
    """"35 лет назад (в 1986 году)": the year the text gives wins over the arithmetic."""
    for m in out:
        if m["expression"].lower().endswith("назад"):
            y = _YEAR_AFTER.match(low[m["end"]:m["end"] + 30])
            if y:
                m.update(date=y.group(1), timex_value=y.group(1), granularity="year", anchor="absolute",
                         confidence=0.9, note="the year the text gives")


_TEXT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*(?:года|году|год|г\.)|-(?:го|м|й)\b)|"
                        r"(?<!\d)\d{1,2}[./]\d{1,2}[./]((?:19|20)\d{2})(?!\d)", re.IGNORECASE)


def _text_year(texts: list[str]) -> int | None:
    years = [int(a or b) for t in texts for a, b in _TEXT_YEAR.findall(t)]
    return max(years) if years else None


def document_mentions_ru(texts: list[str], published: Any = None, certainty: str = "exact", *, window: int = 14,
                         tolerance: int = 1) -> list[list[dict[str, Any]]]:
    """Mentions of each text of one Russian document (the dicts of ``kzlib.timeline``'s mentions plus
    ``timex_type`` and ``timex_value``). Year-less dates take the publication year, else the latest
    year the document writes out; relative ones need the publication date.

    Example:
        >>> [m["timex_value"] for m in document_mentions_ru(["Протесты начались 2 января 2022 года.",
        ...                                                 "В начале января"])[1]]
        ['2022-01']
    """
    pub = _to_date(published)
    text_year = None if pub is not None else _text_year(texts)
    return [_scan(t or "", pub, text_year, window) for t in texts]


def extract_dates_ru(text: str, *, published: Any = None, future_window_days: int = 14) -> pd.DataFrame:
    """Dated expressions of a Russian text: ``kzlib.timeline.MENTION_COLUMNS`` plus ``timex_type`` and
    ``timex_value``.

    Example:
        >>> extract_dates_ru("Два дня назад, в ночь на 6 января", published="2022-01-09")["timex_value"].tolist()
        ['2022-01-07', '2022-01-06']
    """
    from kzlib.timeline.columns import MENTION_COLUMNS

    rows = document_mentions_ru([text or ""], published, window=future_window_days)[0]
    cols = list(MENTION_COLUMNS) + [c for c in TIMEX_COLUMNS if c not in MENTION_COLUMNS]
    return pd.DataFrame(rows, columns=cols)
