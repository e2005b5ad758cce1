"""The tense of a TimeML expression's sentence: the nearest tense marker (part of the private TimeML tagger of
:mod:`kzlib.timeline`, used by :mod:`kzlib.timeline._timex_values` to resolve relative expressions)."""

from __future__ import annotations

import functools
import re

from kzlib.text import ASCII_CASE_TWINS

_FUTURE_WORDS = (r"will|won't|wo|shall|going\s+to|plans?\s+to|expects?\s+to|expected|scheduled|"
                 r"slated|due|set\s+to|intends?\s+to|upcoming|payable|is\s+to|are\s+to|hopes?\s+to|aims?\s+to|"
                 r"to\s+be\s+held|to\s+be\s+completed|effective|expires?|would(?!-)|(?:agree[sd]?|agreements?|decided?|vot(?:ed|es?)|"
                 r"offer(?:ed|s)?|promised?|pledged?|vowed?|likely|supposed|about|ready|planning|planned|proposed?)\s+to")
_PAST_WORDS = (r"said|was|were|had|did|told|announced|reported|ago|came|went|took|made|gave|met|left|began|rose|fell|"
               r"sold|bought|won|lost|held|paid|became|saw|got|spoke|wrote|brought|thought|found|kept|led|ran|sent|spent|"
               r"struck|knew|grew|threw|fled|fought|caught|taught|sought|built|felt|meant|stood|understood|chose|"
               r"drove|broke|stole|froze|shot|heard|hung|sank|shrank|withdrew|lent|dealt|sat|slept|swept|drew|flew|"
               r"hid|overcame|overthrew|sprang|stuck|swore|swung|tore|woke|underwent|upheld|withheld|oversaw|"
               r"(?!un)[a-z]{2,}ed")  # irregular past forms that are no present or plural noun  # "unnamed": an adjective
# the tense markers of a sentence, in one pass: a future marker, a past form, a present form (each word starts
# with a letter: the lookahead skips the ends of words without trying every word)
_TENSE = re.compile(rf"\b(?=[a-z])(?:(?P<future>{_FUTURE_WORDS})|(?P<past>{_PAST_WORDS})|(?P<present>is|are|says|am|remains?))\b"
                    r"|(?P<future2>'ll)\b", re.IGNORECASE)
# the same, case-sensitive, for lower-case text: the engine skips an alternative at its first letter (with
# IGNORECASE it enters each of them at every word)
_TENSE_LOWER = re.compile(_TENSE.pattern)
_AUX_BEFORE = re.compile(r"\b(will|would|shall|to|'ll|be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?(?:be\s+)?$", re.IGNORECASE)
_HAD_BEEN = re.compile(r"\bhad\s+(?:been\s+(?:[a-z]+\s+){0,3})?$", re.IGNORECASE)  # "had been due to expire"
_QUOTE = re.compile(r"''|``|[\"“”]")
# a sentence's end: not the full stop of a middle initial or a title before a name ("John Q. Smith", "Mr. Smith");
# "the U.S. Putin ..." ends one
_SENT_L = re.compile(r"(?:(?<![a-z]\s[A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)[.!?]\s+|\n\s*)(?=[A-Z\"'`(])")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 300)
    left = [m.end() for m in _SENT_L.finditer(text, lo, start)]
    s = left[-1] if left else lo
    m = _SENT_L.search(text, end, min(len(text), end + 300))
    e = m.start() + 1 if m else min(len(text), end + 300)
    return s, e


def _tense(text: str, start: int, end: int) -> str:
    """past / future / present: the tense marker nearest to the expression within its sentence (a past
    participle after "be" is a passive and says nothing; after "will be" or "to be" it looks ahead)."""
    s, e = _sentence(text, start, end)
    best: tuple[int, str] | None = None
    for m_start, m_end, kind, word in _markers(text, s, e):
        if start <= m_start < end:
            continue
        d = start - m_end if m_end <= start else m_start - end
        if best is not None and d >= best[0]:
            if m_start > end:
                break
            continue
        if _QUOTE.search(text, m_end, start) if m_end <= start else _QUOTE.search(text, end, m_start):
            continue  # across a quotation's edge: "'He will leave Thursday,' she said" looks ahead
        if kind == "future2":
            kind = "future"
        elif kind == "past":
            if word in ("scheduled", "expected"):
                kind = "future"
            else:
                aux = _AUX_BEFORE.search(text, max(s, m_start - 25), m_start)
                if aux:
                    if aux.group(1).lower() in ("be", "been", "being", "is", "are", "was", "were"):
                        continue  # a passive: its auxiliary carries the tense
                    kind = "future"  # "will be paid", "to be completed"
        if kind == "future" and _HAD_BEEN.search(text, max(s, m_start - 30), m_start):
            kind = "past"  # "it had been due to expire Friday": a plan overtaken, the day before the report
        best = (d, kind)
    return best[1] if best else ""


@functools.lru_cache(maxsize=4096)  # a sentence's expressions share its markers, and copies of a story its sentences
def _markers(text: str, s: int, e: int) -> tuple[tuple[int, int, str, str], ...]:
    """The tense markers of ``text[s:e]`` (``_TENSE``'s matches): start, end, kind (the group) and the words in
    lower case; found by ``_TENSE_LOWER`` in the lower-case text (the same places and groups) unless a
    character there matches an ASCII letter only case-insensitively."""
    lo = max(0, s - 1)  # and the character before s: a word starts at s or not
    if not text.isascii() and ASCII_CASE_TWINS.search(text, lo, e):  # (ASCII text holds no twin)
        return tuple((m.start(), m.end(), m.lastgroup or "", m.group(0).lower()) for m in _TENSE.finditer(text, s, e))
    lower = text[lo:e].lower()  # (as long as the text: its only character that lower-cases to two is a twin)
    return tuple((m.start() + lo, m.end() + lo, m.lastgroup or "", m.group(0))
                 for m in _TENSE_LOWER.finditer(lower, s - lo))
