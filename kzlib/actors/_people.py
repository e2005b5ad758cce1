"""Persons' names found by pattern (a role word before or after a capitalised run), and the words that are
never a person's name: split from :mod:`kzlib.actors.gazetteer` (session 22), which imports them back.

Example:
    >>> plausible_name("Yerzhan Babakumarov")
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kzlib.actors._bounds import person_part
from kzlib.actors._words import _WORDS, ROLE_WORDS
from kzlib.text.phrases import WordIndex, matches_at_words, phrase_alternation, word_keys

__all__ = ["ROLE_WORDS", "plausible_name"]


_NAME_TOKEN = r"[A-ZÀ-ÞА-ЯЁ][\w'’.-]*[\w]"
# _NAME_TOKEN for places where a blank or a comma must follow it: giving back characters cannot help there
# (they are no blank or comma), so the run is taken whole (possessive) and must end in a word character,
# which spares the backtracking at every capitalised word that is not followed by a name
_NAME_TOKEN_WHOLE = r"[A-ZÀ-ÞА-ЯЁ][\w'’.-]++(?<=[\w])"
# a name's later token taken whole (possessive run, session 22): inner dots, hyphens and apostrophes only, none
# before a possessive 's ("Barack Obama’s Affordable Care Act": "Barack Obama", never "... Affordabl"); a middle
# initial may stand before it ("John G. Roberts")
# (greedy, and the look-ahead forbids giving back: Python 3.11.2's possessive *+ mishandles look-aheads inside it)
_NAME_TOKEN_ATOM = (r"(?:[A-Z]\.[ \t]+)?[A-ZÀ-ÞА-ЯЁ](?:\w|[.-](?=\w)|['’](?![sS]\b)(?=\w))+"
                    r"(?!\w|[.-]\w|['’](?![sS]\b)\w)")
_ROLE_RE = phrase_alternation((w, re.escape(w)) for w in sorted(set(ROLE_WORDS), key=lambda w: (-len(w), w)))
_ROLE_THEN_NAME = re.compile(  # (possessive runs and first token: a blank follows them, see _NAME_TOKEN_WHOLE)
    rf"\b(?i:{_ROLE_RE})s?\b[ \t]+((?:(?:of|the|for|at|to|on|under|and)[ \t]+|[A-Z][\w'’-]*+[ \t]+|[a-z][\w-]*+[ \t]+){{0,12}}?)"
    rf"({_NAME_TOKEN_WHOLE}(?:[ \t]+{_NAME_TOKEN_ATOM}){{1,2}})(?![ \t]+[A-Z])")
_NAME_THEN_ROLE = re.compile(
    rf"({_NAME_TOKEN_WHOLE}(?:[ \t]+{_NAME_TOKEN_WHOLE}){{1,2}}),[ \t]+(?:(?:a|an|the)[ \t]+)?(?:[\w-]+[ \t]+){{0,3}}?"
    rf"(?:(?i:{_ROLE_RE})|of[ \t]+the[ \t]+)")
_NAME_OF_ORG = re.compile(rf"({_NAME_TOKEN_WHOLE}(?:[ \t]+{_NAME_TOKEN_WHOLE}){{1,2}}),?[ \t]+of[ \t]+the[ \t]+[A-Z]")
_OF_THE = re.compile(r"of[ \t]+the[ \t]+[A-Z]")
_AFTER_POSSESSIVE = re.compile(r"\w['’]s[ \t]+\Z")
# capitalised words that open sentences or name things, never a person's first name
_NOT_NAMES = frozenset(_WORDS["never_names"])
_ROLE_KEYS = word_keys(ROLE_WORDS, ignore_case=True, plural=True)  # words that can open a _ROLE_THEN_NAME match
def plausible_name(name: str) -> bool:
    """Whether a capitalised run of words can be a person's full name (2–4 words, no shouted word, none of
    the words that are never names).

    Example:
        >>> plausible_name("Yerzhan Babakumarov"), plausible_name("NATO"), plausible_name("The Ministry")
        (True, False, False)
    """
    toks = name.split()
    if len(toks) < 2 or len(toks) > 4:
        return False
    if any(t.lower().strip(".'’") in _NOT_NAMES for t in toks):
        return False
    return not any(t.isupper() and len(t) > 1 for t in toks)


def _unknown_people(text: str, index: WordIndex | None = None) -> list[tuple[int, int, str]]:
    """Person names found by pattern: after a role word, or before an appositive role / 'of the'.
    ``index``: the text's :func:`_word_index`, to skip the role-first pattern when no role word occurs."""
    out = []
    for rx, grp in ((_ROLE_THEN_NAME, 2), (_NAME_THEN_ROLE, 1), (_NAME_OF_ORG, 1)):
        if rx is _ROLE_THEN_NAME:
            matches: Iterable[re.Match] = matches_at_words(rx, text, index, _ROLE_KEYS)
        elif rx is _NAME_OF_ORG and not _OF_THE.search(text):  # cheap (literal prefix) and necessary
            continue
        else:
            matches = rx.finditer(text)
        for m in matches:
            name = m.group(grp)
            if _AFTER_POSSESSIVE.search(text, max(0, m.start(grp) - 6), m.start(grp)):
                continue  # "Barack Obama’s Affordable Care Act": what follows a possessive is owned, no person
            shift, name = _person_of(name)
            if name:
                start = m.start(grp) + shift
                out.append((start, start + len(name), name))
    return sorted(set(out))


@lru_cache(maxsize=16384)
def _person_of(run: str) -> tuple[int, str]:
    """(offset in ``run``, name) of the person a capitalised run that a pattern took names (:func:`person_part`),
    or (0, "") when it reads as no person's name (:func:`plausible_name`). Cached per run: names recur."""
    shift, name = person_part(0, run)
    return (shift, name) if name and plausible_name(name) else (0, "")
