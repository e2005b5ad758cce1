"""Month and weekday names, English and Russian: the one place the stages read them from.

English names and abbreviations come from ``kzlib/data/temporal.yaml`` (the AP Stylebook's lists, as the
TimeML tagger reads them; the weekday abbreviations of datelines from its ``weekday_abbreviations``),
Russian ones from ``kzlib/data/ru/dates.yaml`` (stems of every case, the genitive of dates, newsroom
abbreviations). The patterns are plain alternations without flags or groups, longest name first, for a
caller's own regular expression; a final dot after an abbreviation is the caller's to allow.

Example:
    >>> import re
    >>> bool(re.fullmatch(month_pattern(), "Sept", re.IGNORECASE))
    True
    >>> month_number("Sept."), month_number("января"), month_number("Mayday")
    (9, 1, 0)
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

from kzlib.text.phrases import longest_first

__all__ = ["month_names", "month_number", "month_pattern", "weekday_names", "weekday_pattern"]


@functools.lru_cache(maxsize=2)
def _data(name: str) -> dict[str, Any]:
    path = resources.files("kzlib.data")
    for part in name.split("/"):
        path = path.joinpath(part)
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _alternation(names: list[str]) -> str:
    return "(?:" + longest_first(sorted(set(names))) + ")"


@functools.lru_cache(maxsize=4)
def month_names(*, language: str = "en", abbreviations: bool = True) -> tuple[str, ...]:
    """The month names of ``language`` ("en": as written in English, "January" … and "Jan", "Sept" …;
    "ru": the genitive of dates, "января" …, and "янв", "сент" …), full names only without
    ``abbreviations``, in calendar order.

    Example:
        >>> month_names(abbreviations=False)[:3]
        ('January', 'February', 'March')
        >>> month_names(language="ru", abbreviations=False)[-1]
        'декабря'
    """
    if language == "en":
        months = _data("temporal.yaml")["months"]
        return tuple(n for k in sorted(months) for n in (months[k] if abbreviations else months[k][:1]))
    if language == "ru":
        data = _data("ru/dates.yaml")
        return tuple(data["genitive"]) + (tuple(data["month_abbreviations"]) if abbreviations else ())
    raise ValueError(f"month names are kept for 'en' and 'ru', not {language!r}; pass one of those")


def month_pattern(*, language: str = "en", abbreviations: bool = True) -> str:
    """A regex alternation of :func:`month_names` (no flags: compile it with ``re.IGNORECASE`` for any case).

    Example:
        >>> import re
        >>> re.findall(month_pattern(language="ru"), "5 января и 7 янв.")
        ['января', 'янв']
    """
    return _alternation(list(month_names(language=language, abbreviations=abbreviations)))


@functools.lru_cache(maxsize=2)
def weekday_names(*, abbreviations: bool = False) -> tuple[str, ...]:
    """The English weekday names, Monday first, then the abbreviations of datelines ("Mon", "Tues", "Thurs"
    …) when ``abbreviations``.

    Example:
        >>> weekday_names()[0], len(weekday_names()), "Tues" in weekday_names(abbreviations=True)
        ('Monday', 7, True)
    """
    data = _data("temporal.yaml")
    keys = ("weekdays", "weekday_abbreviations") if abbreviations else ("weekdays",)
    return tuple(n for key in keys for k in sorted(data[key]) for n in data[key][k])


def weekday_pattern(*, abbreviations: bool = False) -> str:
    """A regex alternation of :func:`weekday_names`.

    Example:
        >>> import re
        >>> re.findall(weekday_pattern(abbreviations=True), "Thurs, Jan 6; Friday")
        ['Thurs', 'Friday']
    """
    return _alternation(list(weekday_names(abbreviations=abbreviations)))


@functools.lru_cache(maxsize=1)
def _numbers() -> tuple[dict[str, int], tuple[tuple[str, int], ...]]:
    en = {n.lower(): int(k) for k, ns in _data("temporal.yaml")["months"].items() for n in ns}
    ru = _data("ru/dates.yaml")
    stems = tuple((str(stem), int(n)) for stem, n in ru["months"].items())
    return en, stems


def month_number(name: str) -> int:
    """The month (1–12) an English or Russian month name or abbreviation stands for, in any case and with or
    without a final dot ("Sept.", "январе", "янв"); 0 when ``name`` is no month name.

    Example:
        >>> month_number("DECEMBER"), month_number("мая"), month_number("сент."), month_number("Monday")
        (12, 5, 9, 0)
    """
    word = name.strip().rstrip(".").lower().replace("ё", "е")
    en, stems = _numbers()
    if word in en:
        return en[word]
    if not word or not ("а" <= word[0] <= "я"):
        return 0
    if word in _data("ru/dates.yaml")["month_abbreviations"]:
        return next(n for stem, n in stems if len(stem) >= 3 and word[:3] == stem[:3])
    if word in _data("ru/dates.yaml")["may_forms"]:
        return 5
    return next((n for stem, n in stems if len(stem) > 2 and word.startswith(stem)), 0)
