"""Four-digit numbers that only look like years: counts ("2500 of these guys", "a poll of 2047 registered
voters", "nearly 2000 people") and years implausibly far after the publication date with nothing that looks
ahead. Shared by the point recogniser (:mod:`kzlib.timeline.recognise`), the TimeML tagger
(:mod:`kzlib.timeline._timex_plausible`) and the mentions (:mod:`kzlib.timeline.mentions`)."""

from __future__ import annotations

import re

_PLURAL = r"(?:[a-z]{2,}s|people|men|women|children|persons|staff|police)\b"
# "2500 of these guys", "1800 of them", "2000 of its 6000 workers", "1500 of the delegates": part of a whole
_OF_WHOLE = re.compile(r"\s+of\s+(?:them|us|you|whom|which|these|those|"
                       rf"(?:the|its|their|his|her|our|your|my)\s+(?:[a-z]+\s+)?{_PLURAL})", re.IGNORECASE)
# "2047 registered voters", "1200 likely voters", "1500 eligible voters", "2000 armed men": a participle or an
# adjective in -ly/-ble before a plural noun (a year before a noun is most often a name's: "2016 presidential race")
_ADJECTIVE_PLURAL = re.compile(rf"\s+[a-z]+(?:ed|ly|ble)\s+{_PLURAL}")
_PLURAL_AFTER = re.compile(rf"\s+{_PLURAL}")
# a determiner or a time preposition before the number makes a following noun the year's ("the 2012 registered
# voters", "in 2016 registered voters turned out")
_YEAR_BEFORE = re.compile(r"(?i:\b(?:the|this|that|its|their|his|her|our|in|since|by|during|until|till|from|"
                          r"before|after|through|year|fiscal)|'s|’s)\s+$")
_TIME_BEFORE = re.compile(r"(?i:\b(?:in|since|by|during|until|till|from|before|after|through))\s+$")
# a quantity word before the number: "nearly 2000", "more than 1500", "an estimated 2500", "another 1200"
_QUANTITY_BEFORE = re.compile(r"(?i:\b(?:nearly|almost|roughly|approximately|more\s+than|fewer\s+than|"
                              r"less\s+than|at\s+least|at\s+most|an\s+estimated|another|a\s+further|"
                              r"an\s+additional))\s+$")


def is_count(text: str, start: int, end: int) -> bool:
    """Whether the four-digit number at ``text[start:end]`` is a count, not a year.

    Example:
        >>> s = "He spoke in front of 2500 of these guys."
        >>> is_count(s, s.index("2500"), s.index("2500") + 4)
        True
        >>> s = "A poll of 2047 registered voters was released."
        >>> is_count(s, s.index("2047"), s.index("2047") + 4)
        True
        >>> s = "The 2016 presidential candidates met in 2015."
        >>> is_count(s, s.index("2016"), s.index("2016") + 4), is_count(s, s.index("2015"), s.index("2015") + 4)
        (False, False)
    """
    before = text[max(0, start - 20):start]
    if (q := _QUANTITY_BEFORE.search(before)) is not None:
        return not _TIME_BEFORE.search(before, 0, q.start())  # "since at least 1980": a year
    if _OF_WHOLE.match(text, end):
        return not _TIME_BEFORE.search(before)  # "his announcement in 2014 of his regulations": a year
    return bool(_ADJECTIVE_PLURAL.match(text, end)) and not _YEAR_BEFORE.search(before)


# what makes a year after publication a future reference: a preposition or an article before it ("by 2050",
# "until 2040", "the 2040 target", "its 2050 goal"), a future or modal word in the sentence
_AHEAD_BEFORE = re.compile(r"(?i:\b(?:in|by|until|till|through|to|for|from|before|after|around|circa|toward|towards|"
                           r"the|a|an|this|that|its|their|his|her|our|year|fiscal|post|pre)|'s|’s|-)\s*$")
FAR_YEARS = 20  # a year more than this many years after publication, with nothing looking ahead, is no year


def far_future(year: int, published_year: int, text: str, start: int) -> bool:
    """Whether ``year``, written bare at ``text[start:]`` (no preposition or article before it), lies more than
    :data:`FAR_YEARS` after ``published_year``: a number, not a date, unless the sentence looks ahead (checked
    by the caller).

    Example:
        >>> far_future(2047, 2016, "A poll of 2047 voters", 10), far_future(2050, 2016, "by 2050", 3)
        (True, False)
    """
    if year - published_year <= FAR_YEARS:
        return False
    return not _AHEAD_BEFORE.search(text[max(0, start - 12):start])
