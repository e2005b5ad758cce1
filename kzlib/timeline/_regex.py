"""Faster compiled rules of the timeline's recognisers, with the same matches.

A rule whose every match starts with a word character (a letter or a digit: most rules open with ``\\b`` and a
word) is compiled with a ``(?=\\w)`` lookahead in front: the regular expression engine then drops each position
before a space or a punctuation mark (the ends of words, where ``\\b`` holds too) without trying the rule's
alternatives there. Whether every match starts with a word character is read from the parsed pattern, so the
lookahead is added only where it changes no match.
"""

from __future__ import annotations

import re
import re._constants as _c  # the parser's node kinds (Python 3.11+)
import re._parser as _p
from typing import Any

_W = re.compile(r"\w")
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_CLASSES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_WORD: r"\w"}

# the first characters of a pattern: class items (a literal character, a range or \d / \w), each with whether it
# is matched ignoring case; None where they are not known (any character, a negated set, a back reference ...)
_Firsts = set[tuple[str, bool]] | None


def _set_items(items: Any, icase: bool) -> _Firsts:
    out: set[tuple[str, bool]] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add((re.escape(chr(av)), icase))
        elif op is _c.RANGE:
            out.add((f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}", icase))
        elif op is _c.CATEGORY and av in _CLASSES:
            out.add((_CLASSES[av], False))
        else:
            return None
    return out


def _firsts(items: Any, icase: bool) -> tuple[_Firsts, bool]:
    """(the first characters of a match of ``items``, whether ``items`` can match empty)."""
    out: set[tuple[str, bool]] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # \b, lookarounds: they consume nothing
        if op is _c.LITERAL:
            return out | {(re.escape(chr(av)), icase)}, False
        if op is _c.IN:
            got = _set_items(av, icase)
            return (None if got is None else out | got), False
        if op is _c.SUBPATTERN:
            flags = (icase or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE
            got, empty = _firsts(av[3], flags)
        elif op is _c.ATOMIC_GROUP:
            got, empty = _firsts(av, icase)
        elif op is _c.BRANCH:
            empty, got = False, set()
            for branch in av[1]:
                b, e = _firsts(branch, icase)
                if b is None:
                    return None, False
                got |= b
                empty = empty or e
        elif op in _REPEATS:
            got, empty = _firsts(av[2], icase)
            empty = empty or av[0] == 0
        else:
            return None, False
        if got is None:
            return None, False
        out |= got
        if not empty:
            return out, False
    return out, True


def compile_rule(src: str, flags: int = 0) -> re.Pattern:
    r"""``src`` compiled behind a lookahead for the characters its matches can start with (read from the parsed
    pattern; no lookahead where they are not known or the pattern can match empty).

    Example:
        >>> compile_rule(r"\b(?:the\s+)?(?P<year>\d{4})\b").pattern
        '(?=[\\dt])\\b(?:the\\s+)?(?P<year>\\d{4})\\b'
        >>> compile_rule(r"\b(?:x\s+)?.?year").pattern  # may start with any character: as written
        '\\b(?:x\\s+)?.?year'
    """
    # (with re.IGNORECASE for the whole pattern the lookahead ignores case too: it may only let more through)
    got, empty = _firsts(_p.parse(src, flags), bool(flags & re.IGNORECASE))
    if got is None or empty:
        return re.compile(src, flags)
    plain = "".join(sorted(x for x, icase in got if not icase))
    folded = "".join(sorted(x for x, icase in got if icase))
    ahead = "|".join(filter(None, [f"[{plain}]" if plain else "", f"(?i:[{folded}])" if folded else ""]))
    return re.compile(f"(?={ahead}){src}", flags)
