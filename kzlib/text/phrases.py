"""Phrase matching: many literal phrases (names, titles, cue words) found in text with one regular
expression, and a word index that tells, before any regex runs, where such a phrase can start.

:func:`phrase_alternation` builds the alternation, :class:`PhraseMatcher` compiles it with word
boundaries and tries it only where the first word of a phrase stands (for texts of ASCII words, see
:func:`word_index`); the lower-level functions let a stage do the same with its own patterns.

Example:
    >>> m = PhraseMatcher(["Foreign Ministry", "Akorda", "the ministry"])
    >>> [(s, e, t) for s, e, t in m.find("The ministry and Akorda spoke; the Foreign  Ministry did not.")]
    [(0, 12, 'The ministry'), (17, 23, 'Akorda'), (35, 52, 'Foreign  Ministry')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

__all__ = [
    "ASCII_WORD_CHARS",
    "PLAIN_PUNCTUATION",
    "PhraseMatcher",
    "WordIndex",
    "fold_word",
    "longest_first",
    "matches_at_words",
    "may_match",
    "phrase_alternation",
    "phrase_pattern",
    "run_starts",
    "word_index",
    "word_key",
    "word_keys",
]


def phrase_alternation(alternatives: Iterable[tuple[str, str]]) -> str:
    """One regex alternation of ``(text, pattern)`` pairs, grouped by the text's first character.

    Python's ``re`` tries every branch of an alternation at every position; grouping the branches under
    a look-ahead for their first character (``(?=(?i:[aA]))(?:branches starting with a)|...``) makes it
    try one group instead, several times faster for hundreds of names. The branches keep their order
    inside a group, and only branches of one group can match at a position (their first characters
    differ otherwise), so the matches are those of the plain alternation.

    Example:
        >>> phrase_alternation([("Putin", "Putin"), ("Price", "Price"), ("Akorda", "Akorda")])
        '(?=(?i:[P]))(?:Putin|Price)|(?=(?i:[A]))(?:Akorda)'
    """
    groups: dict[str, list[tuple[str, str]]] = {}
    for text, pattern in alternatives:
        groups.setdefault(text[:1].lower(), []).append((text, pattern))
    parts = []
    for members in groups.values():
        firsts = "".join(sorted({re.escape(t[:1]) for t, _ in members}))
        parts.append(f"(?=(?i:[{firsts}]))(?:" + "|".join(p for _, p in members) + ")")
    return "|".join(parts)


def longest_first(words: Iterable[str], *, escape: bool = True, any_whitespace: bool = False) -> str:
    r"""A regex alternation of ``words`` (no group, no flags), the longest first, so that a word wins over
    its own beginning ("tear gas" before "tear"). Each word is escaped unless ``escape`` is False (the small
    patterns of the data files, "protest\w*"); with ``any_whitespace`` a space matches any run of white
    space.

    Example:
        >>> print(longest_first(["Jan", "Jan. 6", "May"]))
        Jan\.\ 6|Jan|May
        >>> print(longest_first(["tear gas", "riots?"], escape=False, any_whitespace=True))
        tear\s+gas|riots?
    """
    ordered = sorted(words, key=len, reverse=True)
    alts = (re.escape(w) for w in ordered) if escape else iter(ordered)
    if any_whitespace:
        return "|".join(a.replace(r"\ ", r"\s+").replace(" ", r"\s+") for a in alts)
    return "|".join(alts)


def phrase_pattern(phrase: str, *, ignore_case: bool = True) -> str:
    """The regex of a literal phrase in running text: any run of blanks or tabs between its words, any
    hyphen or dash for its hyphens, and ``(?i:...)`` around it when ``ignore_case``.

    Example:
        >>> bool(re.fullmatch(phrase_pattern("Kassym-Jomart Tokayev"), "kassym–jomart  TOKAYEV"))
        True
    """
    lit = re.escape(phrase).replace(r"\ ", r"[ \t]+").replace(r"\-", r"[-‐‑–]")
    return f"(?i:{lit})" if ignore_case else lit


# ------------------------------------------------------------------------------------------ the word index
#: Punctuation outside ASCII that is no word character and that re's IGNORECASE equates with nothing else.
#: A text of ASCII and these has ASCII word runs, and its lower-cased runs are what case-insensitive
#: patterns can match in it (see :func:`word_index`).
PLAIN_PUNCTUATION = "“”‘’‚‛«»„‟‹›—–‒‐‑―…•·′″\u00a0\u2009\u200a\u202f"
_NOT_PLAIN = re.compile("[^\\x00-\\x7f" + PLAIN_PUNCTUATION + "]")
_WORD_RUN = re.compile(r"\w+")
#: The ASCII characters that are word characters (``\w``).
ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
# bytes.translate table: ASCII letters lower-cased, digits and "_" kept, every other byte a space
_RUNS_TABLE = bytes(c + 32 if 65 <= c <= 90 else c if chr(c) in ASCII_WORD_CHARS else 32 for c in range(256))

#: See :func:`word_index`: (the padded lower-cased runs as bytes, the set of runs).
WordIndex = tuple[bytes, frozenset[bytes]]


@lru_cache(maxsize=1024)
def word_index(text: str) -> WordIndex | None:
    """(``text`` as bytes with its word runs ``\\w+`` lower-cased, every other character a space and one
    space added at either end; the set of those runs), or None for a text with characters outside
    ASCII other than plain punctuation (:data:`PLAIN_PUNCTUATION`).

    A pattern that opens with a word (the first word run of a name, cue or title, see :func:`word_key`)
    and may only start where a word run starts can match only where that word is one of the runs: a
    set test tells which patterns to try at all, and ``bytes.find`` where (:func:`run_starts`).
    Cached: several stages ask for the same sentence or paragraph.

    Example:
        >>> padded, runs = word_index("Blinken, U.S. envoy")
        >>> padded, sorted(runs)
        (b' blinken  u s  envoy ', [b'blinken', b'envoy', b's', b'u'])
        >>> word_index("Токаев") is None
        True
    """
    if not text.isascii() and _NOT_PLAIN.search(text):
        return None
    runs = text.encode("ascii", "replace").translate(_RUNS_TABLE)  # one byte per character
    return b" " + runs + b" ", frozenset(runs.split())


@lru_cache(maxsize=4096)
def _ascii_fold(ch: str, ignore_case: bool) -> str | None:
    """The lower-case ASCII character that matches ``ch`` in a pattern ("" when none does; None when
    several different letters would)."""
    if not ignore_case:
        return ch.lower() if ch.isascii() else ""
    rx = re.compile("(?i:" + re.escape(ch) + ")")
    hits = {c.lower() for c in map(chr, range(128)) if rx.fullmatch(c)}
    return hits.pop() if len(hits) == 1 else ("" if not hits else None)


def fold_word(run: str, *, ignore_case: bool) -> str | None:
    """The lower-case ASCII word that matches the word run ``run`` of a pattern ("" when no ASCII word
    does; None when it cannot be told).

    Example:
        >>> fold_word("Minister", ignore_case=True), fold_word("Токаев", ignore_case=True)
        ('minister', '')
    """
    folded = [_ascii_fold(ch, ignore_case) for ch in run]
    if None in folded:
        return None
    return "" if "" in folded else "".join(folded)  # type: ignore[arg-type]


def word_key(literal: str, *, ignore_case: bool, last: bool = False) -> str | None:
    """The word run, lower-cased, that a text passing :func:`word_index` has where a match of ``literal``
    starts (``last``: where the literal's last word run stands); "" when such a text cannot match it;
    None when the literal does not open with a word character (``last``: has no word character).
    Assumes that in the pattern each of the literal's word characters stands for itself, each other
    character for non-word characters, and that no word character precedes (``last``: follows) a match.

    Example:
        >>> word_key("Foreign Ministry", ignore_case=True), word_key("Foreign Ministry", ignore_case=True, last=True)
        ('foreign', 'ministry')
    """
    runs = _WORD_RUN.findall(literal)
    if not runs or not (last or _WORD_RUN.match(literal)):
        return None
    return fold_word(runs[-1 if last else 0], ignore_case=ignore_case)


def word_keys(literals: Iterable[str], *, ignore_case: bool, plural: bool = False,
              last: bool = False) -> frozenset[bytes] | None:
    """Keys (:func:`word_key`) of the literals as bytes, or None when one has none or there are none (an
    empty alternation matches everywhere). ``plural``: a one-word literal may also be followed by an "s"
    in the same run ("ministers").

    Example:
        >>> sorted(word_keys(["minister", "Foreign Ministry"], ignore_case=True, plural=True))
        [b'foreign', b'minister', b'ministers']
    """
    literals = list(literals)
    if not literals:
        return None
    keys = set()
    for lit in literals:
        key = word_key(lit, ignore_case=ignore_case, last=last)
        if key is None:
            return None
        if key:
            keys.add(key.encode())
            if plural and len(key) == len(lit):
                keys.add(key.encode() + b"s")
    return frozenset(keys)


def run_starts(padded: bytes, keys: Iterable[bytes]) -> list[int]:
    """Sorted positions in the text of a :func:`word_index` where a whole word run is one of ``keys``.

    Example:
        >>> run_starts(word_index("Wang met Putin and wang")[0], [b"wang"])
        [0, 19]
    """
    out = []
    for key in keys:
        needle = b" " + key + b" "
        i = padded.find(needle)
        while i >= 0:
            out.append(i)  # the run starts at i + 1 in ``padded``, at i in the text
            i = padded.find(needle, i + 1)
    out.sort()
    return out


def may_match(index: WordIndex | None, keys: frozenset[bytes] | None) -> bool:
    """Whether a pattern that opens with one of ``keys`` (see :func:`word_key`) may match the indexed text
    (always, when the text has no index or the pattern no keys).

    Example:
        >>> may_match(word_index("He said so."), frozenset({b"minister"}))
        False
    """
    return index is None or keys is None or not index[1].isdisjoint(keys)


def matches_at_words(rx: re.Pattern, text: str, index: WordIndex | None,
                     keys: Iterable[bytes] | None) -> Iterator[re.Match]:
    """``rx.finditer(text)`` for a pattern that can only start where a word run in ``keys`` starts,
    tried only there (``index``: the text's :func:`word_index`).

    Example:
        >>> rx = re.compile(r"\\b(?i:minister)s?\\b")
        >>> text = "The Minister met two ministers."
        >>> [m.group(0) for m in matches_at_words(rx, text, word_index(text), {b"minister", b"ministers"})]
        ['Minister', 'ministers']
    """
    if index is None or keys is None:
        yield from rx.finditer(text)
        return
    end = 0
    for pos in run_starts(index[0], index[1].intersection(keys)):
        if pos >= end and (m := rx.match(text, pos)):
            end = m.end()
            yield m


# ------------------------------------------------------------------------------------------ the matcher
class PhraseMatcher:
    """Literal phrases found in text as whole words, longest first, with one compiled regex.

    Args:
        phrases: the phrases, or a mapping phrase -> case-sensitive? (then ``ignore_case`` is not used).
            Blanks in a phrase match any run of blanks or tabs, hyphens any hyphen or dash
            (:func:`phrase_pattern`).
        ignore_case: whether the phrases of a plain list match in any case.
        before: a look-behind no match may follow (default: no word character, apostrophe, dot or hyphen).
        after: a look-ahead every match must pass (default: no word character follows).

    Matches do not overlap; at a position the longest phrase wins (then the alphabetically first).
    In a text of ASCII words (:func:`word_index`) the regex is tried only where a phrase's first word
    stands and all of its words occur in the text, which gives the same matches faster.

    Example:
        >>> m = PhraseMatcher({"EU": True, "European Union": False})
        >>> [t for _, _, t in m.find("The european union, not the eu, met the EU.")]
        ['european union', 'EU']
    """

    def __init__(self, phrases: Iterable[str] | Mapping[str, bool], *, ignore_case: bool = True,
                 before: str = r"(?<![\w'’.-])", after: str = r"(?![\w])") -> None:
        if isinstance(phrases, Mapping):
            forms = {str(p): bool(cs) for p, cs in phrases.items()}
        else:
            forms = dict.fromkeys(map(str, phrases), not ignore_case)
        self.phrases: dict[str, bool] = forms
        alts = [(form, phrase_pattern(form, ignore_case=not forms[form]))
                for form in sorted(forms, key=lambda f: (-len(f), f))]
        self.pattern = re.compile(before + "(?:" + (phrase_alternation(alts) or "(?!)") + ")" + after)
        self._form_words = _index_forms(forms)
        words = self._form_words or {}
        self._one_word = frozenset(k for k, v in words.items() if frozenset([k]) in v)
        self._longer = frozenset(k for k in words if k not in self._one_word)
        self._all_keys = self._one_word | self._longer
        # first word -> the pattern of the phrases that open with it, in the whole pattern's order: where a
        # text's word run is W only those phrases can match (the others open with another word), and their
        # order decides among them as in the whole pattern, so the match is the same; one short
        # alternation instead of the whole pattern's first-character groups (one look-ahead each)
        by_key: dict[bytes, list[str]] = {}
        for form in sorted(forms, key=lambda f: (-len(f), f)):
            key = word_key(form, ignore_case=not forms[form])
            if key:
                by_key.setdefault(key.encode(), []).append(phrase_pattern(form, ignore_case=not forms[form]))
        self._key_patterns = {k: re.compile(before + "(?:" + "|".join(v) + ")" + after) for k, v in by_key.items()
                              if k in self._all_keys}

    def _keys(self, index: WordIndex) -> list[bytes]:
        """First words of the phrases whose words all occur in the indexed text."""
        words = index[1]
        keys = []
        form_words = self._form_words or {}
        one_word = self._one_word
        for k in words & self._all_keys:
            if k in one_word:
                keys.append(k)
                continue
            for w in form_words[k]:
                if w <= words:
                    keys.append(k)
                    break
        return keys

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The matches of the phrases in ``text``, in order (``re.Match`` objects of :attr:`pattern`, or of
        the same phrases' pattern for one first word: the same spans and groups)."""
        index = word_index(text)
        if index is None or self._form_words is None:
            return self.pattern.finditer(text)
        # (matches_at_words, as a list: cheaper than a generator's steps)
        padded = index[0]
        found = []
        for key in self._keys(index):
            needle = b" " + key + b" "
            i = padded.find(needle)
            while i >= 0:
                found.append((i, key))  # the run starts at i + 1 in ``padded``, at i in the text
                i = padded.find(needle, i + 1)
        found.sort()
        out = []
        end = 0
        patterns = self._key_patterns
        for pos, key in found:
            if pos >= end and (m := patterns[key].match(text, pos)):
                end = m.end()
                out.append(m)
        return iter(out)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, matched text) of each match in ``text``."""
        return [(m.start(), m.end(), m.group(0)) for m in self.finditer(text)]


def _index_forms(forms: Mapping[str, bool]) -> dict[bytes, tuple[frozenset[bytes], ...]] | None:
    """First word -> the word sets of the phrases that open with it (see :func:`word_key`; ``forms``:
    phrase -> case-sensitive?), or None when a phrase has no such words."""
    out: dict[bytes, list[frozenset[bytes]]] = {}
    for form, case_sensitive in forms.items():
        first = word_key(form, ignore_case=not case_sensitive)
        words = [fold_word(w, ignore_case=not case_sensitive) for w in _WORD_RUN.findall(form)]
        if first is None or None in words:
            return None
        if first and "" not in words:  # else it cannot match a text of ASCII words
            out.setdefault(first.encode(), []).append(frozenset(w.encode() for w in words))  # type: ignore[union-attr]
    return {k: tuple(sorted(v, key=len)) for k, v in out.items()}
