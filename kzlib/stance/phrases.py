"""Finding many vocabulary phrases (small regexes) in a text in one pass (:class:`_PhraseSet`)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from kzlib.errors import ResourceError

logger = logging.getLogger(__name__)

__all__ = []


def _is_case_sensitive(phrase: str) -> bool:
    letters = re.sub(r"\\.|\[[^\]]*\]|\(\?[^)]*\)", "", phrase)
    return any(c.isalpha() for c in letters) and not any(c.islower() for c in letters)


def _phrase_regex(phrase: str) -> tuple[str, int]:
    """The word-bounded regex of one phrase and its flags (case-sensitive for abbreviations)."""
    body = phrase.strip().replace(" ", r"\s+")
    return r"(?<!\w)(?:" + body + r")(?!\w)", (0 if _is_case_sensitive(phrase) else re.IGNORECASE)


def _first_chars(phrase: str) -> frozenset[str] | None:
    """The characters a match of ``phrase`` can start with, or None when not certain.

    Reads the small regex subset of the data files — literals, ``(a|b)`` and ``(?:a|b)`` groups,
    ``?``/``*``/``+`` after an item, simple classes ``[sz]``, escaped punctuation ``\\.`` — and says
    None when the start is anything else (``\\w``, a range, ``.``, a space, a lookaround) or the
    phrase can match nothing. Anything after the first item is only parsed for its structure.
    """
    unknown = "\0unknown"  # stands for "some character we cannot name"

    class _Unreadable(Exception):
        pass

    body, i = phrase.strip(), 0

    def item() -> tuple[frozenset[str], bool]:  # (first characters, may match empty)
        nonlocal i
        ch = body[i]
        if ch == "\\":
            if i + 1 >= len(body):
                raise _Unreadable
            i += 2
            return (frozenset([unknown]) if body[i - 1].isalnum() else frozenset(body[i - 1])), False
        if ch == "[":
            j = body.find("]", i + 1)
            if j < 0:
                raise _Unreadable
            inner = body[i + 1:j]
            i = j + 1
            simple = inner and not any(c in inner for c in "^-\\[")
            return (frozenset(inner) if simple else frozenset([unknown])), False
        if ch == "(":
            i += 1
            if body.startswith("?:", i):
                i += 2
            elif body.startswith("?", i):
                raise _Unreadable  # lookarounds, inline flags, named groups
            firsts: set[str] = set()
            nullable = False
            while True:
                f, n = sequence()
                firsts |= f
                nullable |= n
                if i < len(body) and body[i] == "|":
                    i += 1
                    continue
                if i < len(body) and body[i] == ")":
                    i += 1
                    return frozenset(firsts), nullable
                raise _Unreadable
        if ch in "*+?{)|":
            raise _Unreadable
        i += 1
        if ch in ".^$" or ch.isspace():  # any character, an anchor, whitespace (matched as \s+)
            return frozenset([unknown]), ch in "^$"
        return frozenset(ch), False

    def sequence() -> tuple[frozenset[str], bool]:
        nonlocal i
        firsts: set[str] = set()
        open_start = True  # every item so far may match empty
        while i < len(body) and body[i] not in "|)":
            f, n = item()
            if i < len(body) and body[i] in "?*+{":
                if body[i] == "{":
                    j = body.find("}", i)
                    if j < 0:
                        raise _Unreadable
                    n = n or body[i + 1:j].split(",")[0].strip() in ("", "0")
                    i = j + 1
                else:
                    n = n or body[i] in "?*"
                    i += 1
                if i < len(body) and body[i] in "?+":  # lazy or possessive
                    i += 1
            if open_start:
                firsts |= f
                open_start = n
        return frozenset(firsts), open_start

    try:  # the phrase itself may be an alternation: "illegal(ly)?|illegitimate|unlawful"
        firsts, nullable = sequence()
        while i < len(body) and body[i] == "|":
            i += 1
            f, n = sequence()
            firsts, nullable = firsts | f, nullable or n
    except (_Unreadable, IndexError):
        return None
    if nullable or i != len(body) or not firsts or unknown in firsts:
        return None
    return firsts


class _PhraseSet:
    """Many phrases, found in one pass with what one ``finditer`` per phrase would give.

    ``finditer(text)`` returns every phrase's non-overlapping matches (which may overlap those of
    other phrases) as ``(start, end, index)``, ``index`` the phrase's place in ``phrases``. Phrases
    are tried longest first. One scan finds the positions where some phrase can start (a word
    boundary and one of the phrases' first characters); there, only the phrases that can start with
    that character are tried (cached per character). Phrases whose first characters cannot be read
    from the pattern go into one alternation scanned with a lookahead (every start position, the
    longest phrase first, the others tried where it matched).
    """

    def __init__(self, phrases: Sequence[str]):
        self.phrases = list(phrases)
        order = sorted(range(len(self.phrases)), key=lambda i: (-len(self.phrases[i]), self.phrases[i], i))
        self._pats: list[re.Pattern[str]] = []
        self._ids: list[int] = []
        self._first: list[re.Pattern[str] | None] = []  # a class of the first characters, or None
        lead_chars: dict[bool, set[str]] = {False: set(), True: set()}  # by "ignore case"
        for i in order:
            ph = self.phrases[i]
            rx, flags = _phrase_regex(ph)
            try:
                pat = re.compile(rx, flags)
            except re.error as exc:
                raise ResourceError(f"phrase {ph!r} is not a valid pattern ({exc}); escape regex characters") from exc
            if pat.groupindex or re.search(r"\\[1-9]|\(\?P=", ph):
                raise ResourceError(f"phrase {ph!r} uses a named group or a back-reference; "
                                 "phrases may use (a|b), ?, [sz] and escapes only")
            self._pats.append(pat)
            self._ids.append(i)
            firsts = _first_chars(ph)
            if firsts is None:
                self._first.append(None)
            else:
                cls = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
                self._first.append(re.compile(cls, flags))
                lead_chars[bool(flags & re.IGNORECASE)].update(firsts)
        # where a phrase with known first characters can start: a word boundary, then one of them (one class
        # per case mode, not one alternative per phrase: tried at every position of the text)
        lead_parts = [f"(?i:{cls})" if ignore_case else cls for ignore_case, chars in sorted(lead_chars.items())
                      if chars for cls in ["[" + "".join(re.escape(c) for c in sorted(chars)) + "]"]]
        self._lead_scan = re.compile(r"(?<!\w)(?=" + "|".join(lead_parts) + ")") if lead_parts else None
        # the others, in one alternation tried at every boundary
        self._rest = [a for a, first in enumerate(self._first) if first is None]
        self._rest_scan: re.Pattern[str] | None
        self._rest_of_group: dict[int, int]
        self._rest_wrapper: dict[int, int]
        self._rest_scan, self._rest_of_group, self._rest_wrapper = (
            self._alternation(self._rest) if self._rest else (None, {}, {}))
        self._by_char: dict[str, tuple[list[int], re.Pattern[str] | None, dict[int, int], dict[int, int]]] = {}

    def _alternation(self, alts: list[int]) -> tuple[re.Pattern[str], dict[int, int], dict[int, int]]:
        """One lookahead alternation of ``alts`` (in order): the pattern, group -> alternative, and
        alternative -> its outermost group."""
        parts, of_group, wrapper, group = [], {}, {}, 1
        for alt in alts:
            pat = self._pats[alt]
            inner = pat.pattern[len(r"(?<!\w)"):]  # the boundary before is checked once, outside
            parts.append("(" + (f"(?i:{inner})" if pat.flags & re.IGNORECASE else inner) + ")")
            for g in range(group, group + 1 + pat.groups):
                of_group[g] = alt
            wrapper[alt] = group
            group += 1 + pat.groups
        return re.compile(r"(?<!\w)(?=" + "|".join(parts) + ")"), of_group, wrapper

    def _starting_with(self, ch: str) -> tuple[list[int], re.Pattern[str] | None, dict[int, int], dict[int, int]]:
        """Phrases (with known first characters) that can start with ``ch``, longest first, and their
        alternation (compiled once per character)."""
        got = self._by_char.get(ch)
        if got is None:
            alts = [a for a, first in enumerate(self._first) if first is not None and first.match(ch)]
            got = (alts, *self._alternation(alts)) if alts else (alts, None, {}, {})
            self._by_char[ch] = got
        return got

    @staticmethod
    def _all_at(text: str, pos: int, m: re.Match[str], alts: list[int], of_group: dict[int, int],
                wrapper: dict[int, int], pats: list[re.Pattern[str]], last_end: dict[int, int],
                ids: list[int], out: list[tuple[int, int, int]]) -> None:
        """Every phrase of ``alts`` that matches at ``pos``, given the alternation's match ``m``
        (its first matching phrase); a phrase is skipped where its previous match has not ended."""
        first = of_group[m.lastindex or 0]  # the alternation always matches in one of its groups
        for alt in alts:
            if alt < first or last_end.get(alt, -1) > pos:
                continue
            if alt == first:
                start, end = m.span(wrapper[alt])
            else:
                mm = pats[alt].match(text, pos)
                if mm is None:
                    continue
                start, end = mm.span()
            last_end[alt] = end
            out.append((start, end, ids[alt]))

    def finditer(self, text: str) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        last_end: dict[int, int] = {}  # per phrase, as its own finditer: no overlap with itself
        if self._lead_scan is not None:
            by_char = self._by_char
            for m in self._lead_scan.finditer(text):
                pos = m.start()
                alts, scan, of_group, wrapper = by_char.get(text[pos]) or self._starting_with(text[pos])
                if scan is None:
                    continue
                hit = scan.match(text, pos)
                if hit is not None:
                    self._all_at(text, pos, hit, alts, of_group, wrapper, self._pats, last_end, self._ids, out)
        if self._rest_scan is not None:
            for m in self._rest_scan.finditer(text):
                self._all_at(text, m.start(), m, self._rest, self._rest_of_group, self._rest_wrapper, self._pats,
                             last_end, self._ids, out)
        return out
