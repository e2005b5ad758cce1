"""Many vocabulary phrases written as small regular expressions ("(the )?Kremlin", "condemn(s|ed)?"),
found in a text in one pass: :class:`PatternSet`. :class:`kzlib.text.PhraseMatcher` is its sibling for
literal phrases (names, titles).

Example:
    >>> ps = PatternSet(["condemn(s|ed)?", "(the )?Kremlin", "NATO"])
    >>> [(s, e, ps.patterns[i]) for s, e, i in ps.finditer("The Kremlin condemned NATO; nato did not.")]
    [(0, 11, '(the )?Kremlin'), (12, 21, 'condemn(s|ed)?'), (22, 26, 'NATO')]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from kzlib.errors import ResourceError
from kzlib.text.phrases import PLAIN_PUNCTUATION

logger = logging.getLogger(__name__)

__all__ = ["PatternSet", "pattern_regex"]


def _is_case_sensitive(phrase: str) -> bool:
    letters = re.sub(r"\\.|\[[^\]]*\]|\(\?[^)]*\)", "", phrase)
    return any(c.isalpha() for c in letters) and not any(c.islower() for c in letters)


def pattern_regex(phrase: str) -> tuple[str, int]:
    r"""The word-bounded regex of one phrase pattern and its flags: case-sensitive when every letter of
    the phrase is upper case (an abbreviation), else ``re.IGNORECASE``; a space matches any whitespace.

    Example:
        >>> rx, flags = pattern_regex("NATO")
        >>> print(rx, flags == 0)
        (?<!\w)(?:NATO)(?!\w) True
    """
    body = phrase.strip().replace(" ", r"\s+")
    return r"(?<!\w)(?:" + body + r")(?!\w)", (0 if _is_case_sensitive(phrase) else re.IGNORECASE)


_PREFIX_LEN = 8  # characters of a phrase's start that pick the phrases tried at a position
_MAX_PREFIXES = 256  # per phrase; a phrase with more is keyed on a shorter start


_Strings = set[tuple[str, bool]]  # partial matches (text, open); an open one ends where the next character is unknown


class _Unreadable(Exception):
    """A phrase pattern outside the small regex subset the data files use."""


def _prefixes(phrase: str, k: int) -> frozenset[str]:
    """Strings at least one of which every match of ``phrase`` starts with (at most ``k`` characters),
    where a run of whitespace counts as one space.

    Reads the small regex subset of the data files: literals, ``(a|b)`` and ``(?:a|b)`` groups,
    ``?``/``*``/``+``/``{m,n}`` after an item, simple classes ``[sz]``, escaped punctuation ``\\.``; a
    space (matched as ``\\s+``) stands as one ``" "``. A string ends before anything else (``\\w``, a
    range, ``.``, a non-ASCII letter where case is ignored). A lookaround matches no characters and adds none
    (its condition is left to the regex: the strings are a superset of the matches' starts). Letters are lower-cased
    where the phrase ignores case; a group with its own case flag (``(?-i:[A-Z])``) ends the strings. Raises
    :class:`_Unreadable` for other syntax (other inline flags, named groups).

    >>> sorted(_prefixes("(the )?Kremlin", 5))
    ['kreml', 'the k']
    >>> sorted(_prefixes("(?<!no.)disrespect(?! to)", 6)), sorted(_prefixes("urge(?= (?!not)\\w+ to resign)", 8))
    (['disres'], ['urge'])
    >>> sorted(_prefixes("in defense of(?= (?-i:[A-Z]))", 8)), sorted(_prefixes("X(?-i:[A-Z])y", 8))
    (['in defen'], ['x'])
    """
    body, i = phrase.strip(), 0
    lower = pattern_regex(phrase)[1] & re.IGNORECASE

    def char(c: str, escaped: bool = False) -> _Strings:
        if (lower and not c.isascii()) or (c in ".^$" and not escaped):  # str.lower is not re's case folding
            return {("", True)}
        if c.isspace():
            return {(" ", False)}
        return {(c.lower() if lower else c, False)}

    def concat(a: _Strings, b: _Strings) -> _Strings:
        out: _Strings = set()
        for s, opened in a:
            if opened or len(s) >= k:
                out.add((s[:k], opened))
            else:
                out.update((((s + t[1:]) if s.endswith(" ") and t.startswith(" ") else (s + t))[:k], o2)
                           for t, o2 in b)  # a run of whitespace is one space
        return out

    def repeat(a: _Strings) -> _Strings:  # one or more
        out = set(a)
        while True:
            grown = out | concat(out, a)
            if grown == out:
                return out
            out = grown

    def item() -> _Strings:
        nonlocal i
        ch = body[i]
        if ch == "\\":
            if i + 1 >= len(body):
                raise _Unreadable
            i += 2
            return {("", True)} if body[i - 1].isalnum() else char(body[i - 1], escaped=True)
        if ch == "[":
            j = body.find("]", i + 1)
            if j < 0:
                raise _Unreadable
            inner, i = body[i + 1:j], j + 1
            if not inner or any(c in inner for c in "^-\\["):
                return {("", True)}
            return set().union(*(char(c) for c in inner))
        if ch == "(":
            i += 1
            look = next((a for a in ("?=", "?!", "?<=", "?<!") if body.startswith(a, i)), None)
            flagged = None if look else next((f for f in ("?-i:", "?i:") if body.startswith(f, i)), None)
            if look is not None or flagged is not None:
                # a lookaround matches no characters: the strings go on after it; a group with its own case
                # ("(?-i:[A-Z])") ends them
                i += len(look or flagged or "")
                alternation()
                if i >= len(body) or body[i] != ")":
                    raise _Unreadable
                i += 1
                return {("", flagged is not None)}
            if body.startswith("?:", i):
                i += 2
            elif body.startswith("?", i):
                raise _Unreadable
            out = alternation()
            if i >= len(body) or body[i] != ")":
                raise _Unreadable
            i += 1
            return out
        if ch in "*+?{)|":
            raise _Unreadable
        i += 1
        return char(ch)

    def sequence() -> _Strings:
        nonlocal i
        out: _Strings = {("", False)}
        while i < len(body) and body[i] not in "|)":
            got = item()
            if i < len(body) and body[i] in "?*+{":
                q = body[i]
                if q == "{":
                    j = body.find("}", i)
                    if j < 0:
                        raise _Unreadable
                    q = "*" if body[i + 1:j].split(",")[0].strip() in ("", "0") else "+"
                    i = j + 1
                else:
                    i += 1
                if i < len(body) and body[i] in "?+":  # lazy or possessive
                    i += 1
                got = repeat(got) if q in "*+" else got
                if q in "?*":
                    got = got | {("", False)}
            out = concat(out, got)
        return out

    def alternation() -> _Strings:
        nonlocal i
        out = sequence()
        while i < len(body) and body[i] == "|":
            i += 1
            out = out | sequence()
        return out

    try:
        got = alternation()
    except IndexError as exc:
        raise _Unreadable from exc
    if i != len(body):
        raise _Unreadable
    return frozenset(s for s, _ in got)


def _trie_regex(strings: set[str]) -> str:
    """A regex matching where one of ``strings`` starts (a space stands for any whitespace), as a trie
    of nested alternatives, so that each position costs a few character tests."""
    if "" in strings:
        return ""
    heads: dict[str, set[str]] = {}
    for s in strings:
        heads.setdefault(s[0], set()).add(s[1:])
    parts = []
    for head in sorted(heads):
        rest = _trie_regex(heads[head])
        lit = r"\s+" if head == " " else re.escape(head)
        parts.append(lit + (f"(?:{rest})" if "|" in rest else rest))
    return "|".join(parts)


_SPACES = re.compile(r"\s+")
_WHITESPACE = str.maketrans({c: " " for c in map(chr, range(128)) if c.isspace()})
#: the characters of a plain text: ASCII and punctuation that case-insensitive matching equates with nothing else
_PLAIN = "".join(map(chr, range(128))) + PLAIN_PUNCTUATION
_NOT_PLAIN = re.compile("[^" + re.escape(_PLAIN) + "]")
_OTHER_WHITESPACE = re.compile("[" + "".join(re.escape(c) for c in _PLAIN if c.isspace() and c != " ") + "]")


class PatternSet:
    """Many phrases, found in one pass with what one ``finditer`` per phrase would give.

    ``finditer(text)`` returns every phrase's non-overlapping matches (which may overlap those of
    other phrases) as ``(start, end, index)``, ``index`` the phrase's place in ``phrases``. Each phrase
    is keyed on the strings its matches can start with (:func:`_prefixes`, up to eight characters). One
    scan (a trie of those strings) finds the word boundaries where some phrase can start; there, the
    text's next characters pick the phrases to try from a dict. Where they are not plain ASCII (where
    case-insensitive matching is more than ``str.lower``) every phrase is tried. A plain text (ASCII
    and :data:`kzlib.text.PLAIN_PUNCTUATION`) is scanned lower-cased, with no case folding in the regex.

    Example:
        >>> ps = PatternSet(["NATO", "(the )?Kremlin"])
        >>> ps.finditer("the KREMLIN and nato; NATO.")
        [(0, 11, 1), (22, 26, 0)]
    """

    def __init__(self, phrases: Sequence[str]):
        self.patterns = list(phrases)
        self._pats: list[re.Pattern[str]] = []
        keyed: dict[bool, dict[str, list[int]]] = {False: {}, True: {}}  # by "ignores case": start -> phrases
        for i, ph in enumerate(self.patterns):
            rx, flags = pattern_regex(ph)
            try:
                pat = re.compile(rx, flags)
            except re.error as exc:
                raise ResourceError(f"phrase {ph!r} is not a valid pattern ({exc}); escape regex characters") from exc
            if pat.groupindex or re.search(r"\\[1-9]|\(\?P=", ph):
                raise ResourceError(f"phrase {ph!r} uses a named group or a back-reference; "
                                    "phrases may use (a|b), ?, [sz] and escapes only")
            self._pats.append(pat)
            for start in self._starts(ph):
                keyed[bool(flags & re.IGNORECASE)].setdefault(start, []).append(i)
        # phrases whose start cannot be read are tried at every word boundary; the others by case mode:
        # the keys' shortest length h, and each h-character head -> its (key, phrases)
        self._always = frozenset(i for table in keyed.values() for i in table.get("", ()))
        # per case mode, each key length and the keys of that length -> their phrases: a window is looked up once per
        # length (at most eight dict lookups), however many keys share its first characters
        self._keyed: list[tuple[tuple[tuple[int, dict[str, tuple[int, ...]]], ...], bool]] = []
        for ignore_case, table in keyed.items():
            by_length: dict[int, dict[str, tuple[int, ...]]] = {}
            for key, ids in table.items():
                if key:
                    by_length.setdefault(len(key), {})[key] = tuple(ids)
            if by_length:
                self._keyed.append((tuple(sorted(by_length.items())), ignore_case))
        parts = [f"(?i:{_trie_regex(set(table))})" if ignore_case else _trie_regex(set(table))
                 for ignore_case, table in keyed.items() if table]
        self._scan = re.compile(r"(?<!\w)(?=" + "|".join(parts) + ")") if parts else None
        # the scan of a plain text: its lower-cased form after a blank, for the keys lower-cased, each match the
        # non-word character before a position where a key may start (a superset of the positions ``_scan``
        # finds, which ``_lookup`` tells apart): twice as fast as ``_scan`` (no case folding, no look-behind,
        # and re skips to the next non-word character in C)
        lowered = {key.lower() for table in keyed.values() for key in table}
        self._plain_scan = re.compile(r"\W(?=" + _trie_regex(lowered) + ")") if parts else None
        self._every = tuple(range(len(self.patterns)))

    @staticmethod
    def _starts(phrase: str) -> frozenset[str]:
        """The strings the phrase's matches start with (fewer characters where eight give too many)."""
        try:
            for k in range(_PREFIX_LEN, 0, -1):
                got = _prefixes(phrase, k)
                if len(got) <= _MAX_PREFIXES:
                    return got
        except _Unreadable:
            pass
        return frozenset([""])  # tried at every word boundary

    def _candidates(self, text: str, pos: int) -> Sequence[int]:
        """The phrases that may match at ``pos``, in their order."""
        window = text[pos:pos + _PREFIX_LEN].translate(_WHITESPACE)
        if "  " in window:  # a run of whitespace counts as one space
            wide = text[pos:pos + 8 * _PREFIX_LEN]
            window = _SPACES.sub(" ", wide)[:_PREFIX_LEN]
            if len(window) < _PREFIX_LEN and pos + len(wide) < len(text):
                return self._every
        if not window.isascii():
            return self._every
        return self._lookup(window, window.lower())

    def _lookup(self, window: str, lowered: str) -> list[int]:
        """The phrases keyed on a start of ``window`` (plain ASCII, whitespace runs as one space)."""
        found = set(self._always)
        for by_length, ignore_case in self._keyed:
            w = lowered if ignore_case else window
            for length, keys in by_length:
                ids = keys.get(w[:length])
                if ids:
                    found.update(ids)
        return sorted(found)

    def finditer(self, text: str) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        if self._scan is None or self._plain_scan is None:
            return out
        last_end: dict[int, int] = {}  # per phrase, as its own finditer: no overlap with itself
        pats = self._pats
        # in a plain text whitespace and case are normalised once for the whole text (lower-casing keeps its length)
        plain = text.isascii() or not _NOT_PLAIN.search(text)
        norm = _OTHER_WHITESPACE.sub(" ", text) if plain else ""
        low = norm.lower()
        scan = self._plain_scan.finditer(" " + low) if plain else self._scan.finditer(text)
        for m in scan:
            pos = m.start()  # (in " " + low, the non-word character before the position in the text)
            window = norm[pos:pos + _PREFIX_LEN]
            candidates: Sequence[int]
            if plain and "  " not in window:
                candidates = self._lookup(window, low[pos:pos + _PREFIX_LEN])
            else:
                candidates = self._candidates(text, pos)
            for i in candidates:
                if last_end.get(i, -1) > pos:
                    continue
                mm = pats[i].match(text, pos)
                if mm is not None:
                    last_end[i] = end = mm.end()
                    out.append((pos, end, i))
        return out
