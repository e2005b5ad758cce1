"""The capitalised words a document writes inside its sentences (a word capitalised there is a name, not a
sentence's opening word): :class:`_InnerCapitals` looks them up for the quotes stage (private to it)."""

from __future__ import annotations

import re
from bisect import bisect_right

from kzlib.quotes.marks import _SENTENCE_BEFORE
from kzlib.text import PLAIN_PUNCTUATION

_CAPITAL = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _inner_capitals(texts: list[str]) -> frozenset[str]:
    """The capitalised words the document writes inside a sentence (not after a sentence's end), from its
    paragraphs in running text: a line whose words are mostly capitalised (a headline in title case) is no
    evidence. (The quotes stage asks :class:`_InnerCapitals`, which looks up only the words asked about.)

    Example:
        >>> sorted(_inner_capitals(["Hours later, the senator met Roe. Roe left.", "Trump Calls For A Wall"]))
        ['Roe']
    """
    out: set[str] = set()
    for text in texts:
        words = _WORD.findall(text)
        if not words or sum(w[0].isupper() for w in words) * 2 > len(words):
            continue
        for m in _CAPITAL.finditer(text):
            if not _SENTENCE_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                out.add(_APOSTROPHE_S.sub("", m.group(0)))
    return frozenset(out)


_APOSTROPHE_S = re.compile(r"['’]s?$")


class _InnerCapitals:
    """``word in caps`` as ``word in _inner_capitals(texts)``, each word looked up when asked (a document asks
    about a dozen words, most never): the paragraphs where the word stands, each checked as
    :func:`_inner_capitals` reads it (a capitalised word there, not after a sentence's end, in running text).

    Example:
        >>> caps = _InnerCapitals(["Hours later, the senator met Roe. Roe left.", "Trump Calls For A Wall"])
        >>> "Roe" in caps, "Hours" in caps, "Wall" in caps
        (True, False, False)
    """

    __slots__ = ("_texts", "_running", "_answers", "_joined", "_offsets")

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._running: list[bool | None] = [None] * len(texts)  # whether a paragraph is running text, once read
        self._answers: dict[str, bool] = {}
        self._joined: str | None = None  # the paragraphs joined by newlines (made when first asked)
        self._offsets: list[int] = []  # where each paragraph starts in ``_joined``

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        hit = self._answers.get(word)
        if hit is None:
            hit = self._answers[word] = self._find(word)
        return hit

    def _find(self, word: str) -> bool:
        if not word or not "A" <= word[0] <= "Z":
            return False  # (what _CAPITAL finds opens with a capital)
        # the word's places found in the joined paragraphs (one search, not one per paragraph: a word is no newline's
        # neighbour in a name), each read in its own paragraph
        joined, offsets = self._joined, self._offsets
        if joined is None:
            joined = self._joined = "\n".join(self._texts)
            at = 0
            for text in self._texts:
                offsets.append(at)
                at += len(text) + 1
        found = joined.find(word)
        while found >= 0:
            k = bisect_right(offsets, found) - 1
            text, at = self._texts[k], found - offsets[k]
            m = _CAPITAL.match(text, at)
            if m is not None and _APOSTROPHE_S.sub("", m.group(0)) == word \
                    and not _SENTENCE_BEFORE.search(text, max(0, at - 4), at) and self._is_running(k):
                return True
            found = joined.find(word, found + 1)
        return False

    def _is_running(self, k: int) -> bool:
        """Whether paragraph ``k`` is running text: not a line whose words are mostly capitalised."""
        running = self._running[k]
        if running is None:
            running = self._running[k] = _running_text(self._texts[k])
        return running


# bytes.translate table: ASCII letters kept as "A" or "a", every other byte a blank; the characters that go on a
# word of _WORD without being letters ([\d_'’-], "’" taken out first) are deleted: the runs left are its words
_LETTER_CASE = bytes(65 if 65 <= c <= 90 else 97 if 97 <= c <= 122 else 32 for c in range(256))
_WORD_NOT_LETTER = b"0123456789_'-"
#: A character outside ASCII and plain punctuation (no word character but "’": see ``kzlib.text.word_index``).
_NOT_PLAIN = re.compile("[^\\x00-\\x7f" + PLAIN_PUNCTUATION + "]")


def _running_text(text: str) -> bool:
    """Whether ``text`` is running text: it has words (``_WORD``) and at most half of them open with a capital
    (a headline in title case has more). A text of ASCII and plain punctuation (``kzlib.text.PLAIN_PUNCTUATION``)
    is read with bytes operations (about three times faster: the stage asks of most paragraphs).

    Example:
        >>> _running_text("Hours later, the senator met Roe."), _running_text("Trump Calls For A Wall"), _running_text("2022")
        (True, False, False)
    """
    if text.isascii() or not _NOT_PLAIN.search(text):
        runs = text.replace("’", "").encode("ascii", "replace").translate(_LETTER_CASE, _WORD_NOT_LETTER)
        # only b"A", b"a" and blanks are left: a word opens with a letter after a blank or at the start (counted
        # without the list of words that ``runs.split()`` makes)
        capitals = runs.count(b" A") + runs.startswith(b"A")
        n = capitals + runs.count(b" a") + runs.startswith(b"a")
    else:
        words = _WORD.findall(text)
        n, capitals = len(words), sum(w[0].isupper() for w in words)
    return n > 0 and capitals * 2 <= n
