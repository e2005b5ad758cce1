"""Paragraph texts to a flat stream of term ids (the first step of :class:`TopicVectorizer`).

Each distinct spelling is looked at once (``_Words``), each whitespace token scanned once (``_Tokens``);
``_Encoder`` strings the ids of a corpus into one int32 array, with breaks where a run of words ends.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Mapping
from itertools import chain
from typing import Any

import numpy as np

from kzlib.russian.nlp import lemmas
from kzlib.text import CYRILLIC_LETTER as _CYRILLIC
from kzlib.text import russian_term
from kzlib.topics.tokens import _SCAN, _normalise, _word_form

_SEP = -1      # in a stream of term ids: the end of a run of words (no phrase spans it)
_UNKNOWN = -2  # in a stream of term ids: a word the fitted vectorizer does not know
_STOP, _NAME = 1, 2  # flags of a word: a stop word, the first word of an actor name
# a flag of a word of Russian text: a first name or patronymic of an actor, whose canonical term's id is
# kept in the flags' higher bits (flags >> _PART_SHIFT)
_PART, _PART_SHIFT = 4, 3
_SKIP = False  # the form of a word too short to count


def _npmi_score(c_ab: float, c_a: float, c_b: float, total: float) -> float:
    p_ab = c_ab / total
    if p_ab >= 1.0:
        return 1.0
    return math.log(p_ab / ((c_a / total) * (c_b / total))) / -math.log(p_ab)


_CACHE_LIMIT = 1 << 18  # entries of a spelling cache: beyond, it starts afresh (memory stays bounded)


class _Words(dict):
    """Scanned word -> (term id, lower-cased word, all-capitals, possessive, flags); None for a
    break, ``_SKIP`` for a word too short to count. Each distinct spelling is looked at once.

    In Russian text (``russian=True``) the word is its lemma (:func:`russian_term`; acronyms lower-cased
    only) and a stop word when the lemma or the lower-cased form is one of ``stops``."""

    def __init__(self, encoder: _Encoder, stops: frozenset[str], *, russian: bool = False):
        super().__init__()
        self._encoder = encoder
        self._stops = stops
        self._russian = russian

    def __missing__(self, word: str) -> tuple[int, str, bool, bool, int] | bool | None:
        form = _word_form(word) if word else None
        if not word:
            info: tuple[int, str, bool, bool, int] | bool | None = None
        elif form is None:
            info = _SKIP
        else:
            lower, caps, possessive = form
            enc = self._encoder
            if self._russian:
                surface = lower.replace("ё", "е")
                lower = surface if caps else russian_term(lower)
                flags = _STOP if lower in self._stops or surface in self._stops else 0
                actor = enc.russian_name(word) if word[:1].isupper() else None
                if actor is not None:  # a Russian name of a gazetteer actor, in any case: its canonical term
                    self[word] = info = (enc.term_id(actor), lower, caps, possessive, 0)
                    return info
                part = enc.russian_name(word, parts=True) if word[:1].isupper() else None
                actor_id = enc.term_id(part) if part is not None else _UNKNOWN
                if actor_id >= 0:
                    flags |= _PART | actor_id << _PART_SHIFT
            else:
                flags = _STOP if lower in self._stops else 0
            term = lower
            name = enc.names.get(lower)
            if name is not None:
                single, longer = name
                if longer or single is None or single[0]:  # the match depends on the next words or on the case
                    flags |= _NAME
                else:  # a one-word name, always replaced by its term (and never a stop word)
                    term, flags = single[1], 0
            info = (enc.term_id(term), lower, caps, possessive, flags)
        self[word] = info
        return info


class _Tokens(dict):
    """Whitespace-delimited token -> what ``_SCAN`` finds in it, as ``_Words`` values (short words left
    out). Scanning " token " finds what scanning the whole text finds within the token: only breaks
    hold whitespace, and those that need the whitespace around a token find it in the padding. (A
    break may come twice where the text has it once, or at a text's edge: neither changes a run.)"""

    def __init__(self, words: _Words):
        super().__init__()
        self._words = words

    def __missing__(self, token: str) -> tuple:
        infos = tuple(x for x in map(self._words.__getitem__, _SCAN.findall(f" {token} ")) if x is not _SKIP)
        self[token] = infos
        return infos


class _Encoder:
    """Paragraph texts to one flat int32 stream of term ids: content words and actor names (as
    canonical terms), with ``_SEP`` where a run of words ends (punctuation, a stop word, after a
    possessive) and at the end of each paragraph; ``offsets`` says where each paragraph starts.

    Term ids come from ``known`` (term -> id); a term not there gets the next free id when ``grow``
    (listed in ``new_terms``), else ``_UNKNOWN``. A stream of int32 instead of lists of strings
    keeps a corpus of millions of words in a few bytes per word.
    """

    def __init__(self, known: Mapping[str, int], *, grow: bool, names: Mapping[str, Any], stops: frozenset[str],
                 russian: Callable[[], tuple[dict[str, str], dict[str, str], frozenset[str]]]):
        """``names``: first word -> the actor names it starts (the vectorizer's); ``stops``: the stop
        words; ``russian``: called on the first Russian text, the Russian names, name parts and stop words."""
        self._russian = russian
        self.names = names
        self._known = known
        self._grow = grow
        self._new: dict[str, int] = {}
        self._words = _Words(self, stops)
        self._tokens = _Tokens(self._words)
        self._ru_words: _Words | None = None  # made on the first Russian text
        self._ru_names: dict[str, str] = {}
        self._ru_parts: dict[str, str] = {}
        self._ru_tokens: _Tokens | None = None
        self._stream = array("i")
        self._offsets = array("q", [0])

    def term_id(self, term: str) -> int:
        tid = self._known.get(term)
        if tid is None:
            tid = self._new.get(term)
            if tid is None:
                if not self._grow:
                    return _UNKNOWN
                tid = self._new[term] = len(self._known) + len(self._new)
        return tid

    @property
    def new_terms(self) -> list[str]:
        """Terms added to ``known``, in id order."""
        return list(self._new)

    def stream(self) -> tuple[np.ndarray, np.ndarray]:
        """The term ids of the texts added so far and the paragraph offsets (n + 1) into them."""
        return (np.frombuffer(self._stream, dtype=np.int32) if len(self._stream) else np.zeros(0, np.int32),
                np.frombuffer(self._offsets, dtype=np.int64))

    def _match_name(self, infos: list, i: int, noshout: bool) -> tuple[int, int] | None:
        """The longest actor name starting at infos[i]: (its length, its term id), or None."""
        single, longer = self.names[infos[i][1]]
        following = infos[i + 1] if i + 1 < len(infos) else None
        if following is not None and following[1] in longer:
            for n, name, caps, term in longer[following[1]]:
                if i + n > len(infos):
                    continue
                for j in range(2, n):
                    info = infos[i + j]
                    if info is None or info[1] != name[j]:
                        break
                else:
                    if all(noshout and infos[i + j][2] for j in caps):
                        return n, self.term_id(term)
        if single is not None and (noshout and infos[i][2] or not single[0]):
            return 1, self.term_id(single[1])
        return None

    def russian_name(self, word: str, *, parts: bool = False) -> str | None:
        """The canonical term of the gazetteer actor a capitalised Russian word names, if it names one
        (any of the word's lemmas, :func:`kzlib.russian.nlp.lemmas`: "Токаева" is "токаев" too); with
        ``parts``, of the person whose first name or patronymic it is."""
        names = self._ru_parts if parts else self._ru_names
        if not names or not _CYRILLIC.search(word):
            return None
        found = {names[lem] for lem in lemmas(word) if lem in names}
        return found.pop() if len(found) == 1 else None

    def _russian_tokens(self) -> _Tokens:
        if self._ru_tokens is None:
            self._ru_names, self._ru_parts, ru_stops = self._russian()
            self._ru_words = _Words(self, ru_stops, russian=True)
            self._ru_tokens = _Tokens(self._ru_words)
        return self._ru_tokens

    def add(self, text: str, russian: bool = False) -> None:
        """Append one paragraph to the stream (``russian``: read its words as lemmas)."""
        if len(self._tokens) > _CACHE_LIMIT or len(self._words) > _CACHE_LIMIT:
            self._tokens.clear()
            self._words.clear()
        tokens = self._tokens
        if russian:
            tokens = self._russian_tokens()
            if len(tokens) > _CACHE_LIMIT or len(tokens._words) > _CACHE_LIMIT:
                tokens.clear()
                tokens._words.clear()
        text = _normalise(text)
        noshout = not text.isupper()  # in a shouted headline no word is an acronym
        infos = list(chain.from_iterable(map(tokens.__getitem__, text.split())))
        emit = self._stream.append
        is_open = False  # a run of words is open: the last id emitted is a term
        skip = 0  # words still to pass over: the rest of a matched name
        for i, info in enumerate(infos):
            if skip:
                skip -= 1
                continue
            if info is None:  # punctuation
                if is_open:
                    emit(_SEP)
                    is_open = False
                continue
            tid, _, caps, possessive, flags = info
            if flags:
                if flags & _NAME:
                    match = self._match_name(infos, i, noshout)
                    if match is not None:
                        skip = match[0] - 1
                        tid, possessive, flags = match[1], infos[i + skip][3], 0
                if flags & _STOP and not (caps and noshout):  # a stop word ends the run
                    if is_open:
                        emit(_SEP)
                        is_open = False
                    continue
                if flags & _PART:  # before the person's surname (or patronymic), a first name is no term
                    following = infos[i + 1] if i + 1 < len(infos) else None
                    if following is not None and (following[0] == flags >> _PART_SHIFT or
                                                  following[4] >> _PART_SHIFT == flags >> _PART_SHIFT):
                        continue
            emit(tid)
            if possessive:  # "Kazakhstan's constitutional" is no phrase
                emit(_SEP)
                is_open = False
            else:
                is_open = True
        if is_open:
            emit(_SEP)
        self._offsets.append(len(self._stream))
