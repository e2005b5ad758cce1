"""Facts about a text's script: its share of Cyrillic letters, whether it is Russian, and the characters
that case-insensitive regular expressions equate with ASCII letters.

Example:
    >>> is_russian("Токаев заявил, что порядок восстановлен."), cyrillic_share("Токаев said")
    (True, 0.6)
"""

from __future__ import annotations

import re

__all__ = ["ASCII_CASE_TWINS", "CYRILLIC_LETTER", "cyrillic_share", "is_russian"]

#: The non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter (Python's Unicode case
#: rules: İ and ı to i, ſ to s, the Kelvin sign to k). In a text without them, a case-insensitive pattern
#: of ASCII words matches exactly the ASCII spellings of those words in any mix of cases, which lets
#: despin and timeline use faster case-sensitive searches; tests/test_despin.py checks the list against ``re``.
ASCII_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")

#: A Russian letter (the Cyrillic alphabet of Russian, both cases).
CYRILLIC_LETTER = re.compile(r"[А-Яа-яЁё]")
_CYR = CYRILLIC_LETTER
_LAT = re.compile(r"[A-Za-z]")


def cyrillic_share(text: str, *, sample: int = 2000) -> float:
    """Share of Cyrillic among the letters (Cyrillic or Latin) of the first ``sample`` characters.

    Example:
        >>> cyrillic_share("Токаев said")
        0.6
    """
    s = (text or "")[:sample]
    if not _CYR.search(s):  # the common case in an English corpus, at C speed
        return 0.0
    c, lat = len(_CYR.findall(s)), len(_LAT.findall(s))
    return c / (c + lat) if c + lat else 0.0


def is_russian(text: str, *, language: str | None = None) -> bool:
    """True when ``language`` is ``ru`` or, with no language given, most letters of the text are Cyrillic.

    Example:
        >>> is_russian("Any text", language="ru"), is_russian("Президент Казахстана")
        (True, True)
    """
    if language:
        return str(language).lower().startswith("ru")
    return cyrillic_share(text) > 0.5
