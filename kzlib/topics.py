"""Topic models over paragraphs, with the choice of k by coherence and a stability check.

A topic model says which groups of words tend to occur together in a corpus. This module fits one
over paragraphs (de-spun text, one copy per story by default) with scikit-learn, NMF on tf-idf or
LDA on counts, and reports with every model how far a reader can trust it:

- **coherence**: NPMI of each topic's top terms, estimated from paragraph co-occurrence in the
  corpus itself (Bouma 2009; Aletras & Stevenson 2013; Lau, Newman & Baldwin 2014). 1 means the
  terms always occur together, 0 that they occur together as often as chance, -1 never;
- **stability**: the model is refitted with other seeds on random subsamples of the paragraphs and
  each topic is matched (Hungarian method) to its best counterpart in each refit; the Jaccard
  overlap of their top terms, averaged, is the topic's stability (Greene, O'Callaghan & Cunningham
  2014, "How many topics? Stability analysis for topic models"). Topics that do not come back when
  the data are perturbed are artefacts of one run.

The vocabulary comes from a tokenizer that keeps acronyms ("U.S.", "CSTO") and hyphenated names,
stop words (scikit-learn's list adjusted by ``kzlib/data/stopwords.txt``), multi-word names from the
actor gazetteer (``kzlib/data/actors.yaml``, when present) and collocations learned from the corpus
(bigrams with high NPMI, merged over two passes so that four-word names such as "collective
security treaty organization" become one term).

Example:
    >>> import kzlib
    >>> corpus = kzlib.prepare()                                   # doctest: +SKIP
    >>> paras = topic_paragraphs(corpus)                           # doctest: +SKIP
    >>> table = select_k(paras, ks=range(2, 9))                    # doctest: +SKIP
    >>> model = TopicModel(k=best_k(table), seed=0).fit(paras)     # doctest: +SKIP
    >>> model.topics_[["topic_id", "label", "coherence", "stability"]]  # doctest: +SKIP
"""

from __future__ import annotations

import copy
import logging
import math
import re
import warnings
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from numbers import Integral, Real
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.base import BaseEstimator, clone
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

from kzlib._memory import releases_memory

try:  # the package's own error types, when present
    from kzlib.errors import CorpusError, ParameterError
except ImportError:  # pragma: no cover - kzlib.errors ships with the package
    CorpusError = ParameterError = ValueError  # type: ignore[misc, assignment]

__all__ = [
    "TopicVectorizer",
    "TopicModel",
    "topic_paragraphs",
    "select_k",
    "best_k",
    "plan_topics",
    "TopicPlan",
    "npmi_coherence",
    "topic_agreement",
    "topic_prevalence",
    "stability_verdict",
    "describe_reliability",
    "load_stopwords",
    "load_actor_aliases",
    "tokenize",
]

log = logging.getLogger(__name__)

_DATA = Path(__file__).resolve().parent / "data"
METHODS = ("nmf", "lda")
WEIGHT_DECIMALS = 6

# --- tokenizer -----------------------------------------------------------------------------------

# Dotted acronyms ("U.S.", "U.K.") lose their dots before tokenizing: "U.S." -> "US".
_DOTTED = re.compile(r"\b((?:[^\W\d_]\.){2,})")
# A necessary condition for _DOTTED (".S." in "U.S."), many times cheaper to search for.
_DOTTED_HINT = re.compile(r"\.[^\W\d_]\.")
# Apostrophe variants read as "'". All but "ʼ" are punctuation, so the patterns below take them as
# they are; "ʼ" is a letter to the regex engine and is replaced before scanning.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_APOS = "'’‘`´"
# Punctuation that ends a run of words: collocations never span it.
_BREAK = re.compile(rf"[.,;:!?()\[\]{{}}\"“”„«»‹›/\\|…]+|\s[-–—]+\s|[–—]+|\s[{_APOS}]|[{_APOS}]\s")
# A word: letters, optionally joined by apostrophes or hyphens ("kassym-jomart", "don't").
_WORD = re.compile(rf"[^\W\d_]+(?:[-{_APOS}][^\W\d_]+)*")
# One pass over a text: each match is a break (group 1 empty) or a word (group 1). A break never
# overlaps a word (breaks hold no letters, and a word's hyphens and apostrophes sit between
# letters), so this finds what splitting at _BREAK and then finding _WORD in each piece finds.
_SCAN = re.compile(rf"(?:{_BREAK.pattern})|({_WORD.pattern})")
_MIN_LETTERS = 2


def _normalise(text: str) -> str:
    """``text`` with "ʼ" as "'" and dotted acronyms undotted, ready for ``_SCAN``."""
    if "ʼ" in text:
        text = text.replace("ʼ", "'")
    if _DOTTED_HINT.search(text):
        text = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text)
    return text


@lru_cache(maxsize=1 << 16)
def _word_form(word: str) -> tuple[str, bool, bool] | None:
    """(lower-cased word, all-capitals and at most six letters, was possessive) of a scanned word;
    None for a word shorter than two letters."""
    word = word.translate(_APOSTROPHES)
    stripped = word.removesuffix("'s")
    if len(stripped) < _MIN_LETTERS:
        return None
    return stripped.lower(), stripped.isupper() and len(stripped) <= 6, stripped != word


def _runs(text: str, *, name: bool = False) -> list[list[tuple[str, bool, bool]]]:
    """Split text into runs of (lower-cased word, is_acronym, was_possessive) between punctuation.

    In running text an all-capitals paragraph (a shouted headline) has no acronyms; in a name
    (``name=True``: "US", "CSTO") every all-capitals word is one.
    """
    text = _normalise(text)
    shouting = not name and text.isupper()  # no lower-case letter at all
    runs: list[list[tuple[str, bool, bool]]] = []
    run: list[tuple[str, bool, bool]] = []
    for word in _SCAN.findall(text):
        if not word:  # a break
            if run:
                runs.append(run)
                run = []
            continue
        form = _word_form(word)
        if form is not None:
            run.append((form[0], form[1] and not shouting, form[2]))
    if run:
        runs.append(run)
    return runs


def tokenize(text: str, *, stop_words: Iterable[str] | None = None) -> list[str]:
    """Lower-cased words of ``text``: acronyms de-dotted, possessives stripped, stop words removed.

    All-capital words up to six letters ("US", "CSTO", "IT") are acronyms and never stop words.

    Example:
        >>> tokenize("Russia's envoy met U.S. officials in the CSTO's capital.")
        ['russia', 'envoy', 'met', 'us', 'officials', 'csto', 'capital']
    """
    stops = load_stopwords() if stop_words is None else frozenset(stop_words)
    return [w for run in _runs(text) for w, acr, _ in run if acr or w not in stops]


# --- data files ----------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _read_stopword_file(path: str) -> frozenset[str]:
    words = set(ENGLISH_STOP_WORDS)
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip().translate(_APOSTROPHES).lower()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-"):
            words.discard(line[1:])
        else:
            words.add(line)
    return frozenset(words)


def load_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """Stop words: scikit-learn's English list adjusted by ``kzlib/data/stopwords.txt`` (or ``path``).

    Example:
        >>> "said" in load_stopwords() and "fire" not in load_stopwords()
        True
    """
    return _read_stopword_file(str(Path(path) if path else _DATA / "stopwords.txt"))


def load_actor_aliases(path: str | Path | None = None) -> dict[str, str]:
    """Surface forms of actors mapped to their canonical names, from ``kzlib/data/actors.yaml``.

    The gazetteer is a list under ``actors:`` of entries with ``name`` and ``aliases`` (the format
    of kzlib's actor gazetteer). Each alias and the name itself map to the name; a person's surname
    (last word, three letters or more) is added when no other person shares it. A missing file
    gives an empty mapping; a file in another format is reported and ignored.

    Example:
        >>> aliases = load_actor_aliases()
        >>> all(isinstance(v, str) for v in aliases.values())
        True
    """
    path = Path(path) if path else _DATA / "actors.yaml"
    if not path.exists():
        log.info("no actor gazetteer at %s: multi-word names come from collocations only", path)
        return {}
    items = _read_actor_file(str(path), path.stat().st_mtime_ns)
    if items is None:
        log.warning("%s is not a list of actors with 'name' and 'aliases': the gazetteer is not used", path)
        return {}
    log.info("%d actor surface forms from %s", len(items), path.name)
    return dict(items)


@lru_cache(maxsize=4)
def _read_actor_file(path: str, mtime_ns: int) -> tuple[tuple[str, str], ...] | None:
    """The sorted (surface form, name) pairs of a gazetteer file, None if it is not one. Parsed once
    per version of the file (``mtime_ns``): every vectorizer fit reads it."""
    import yaml

    tree = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    entries = tree.get("actors") if isinstance(tree, Mapping) else tree
    if not isinstance(entries, list) or not all(isinstance(e, Mapping) and "name" in e for e in entries):
        return None
    mapping: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for entry in entries:
        name = str(entry["name"]).strip()
        aliases = entry.get("aliases") or []
        for surface in [name, *[str(a) for a in aliases if a]]:
            mapping.setdefault(surface.strip(), name)
        words = name.split()
        if str(entry.get("type", "")).lower() == "person" and len(words) >= 2 and len(words[-1]) >= 3:
            surnames.setdefault(words[-1], set()).add(name)
    for surname, owners in surnames.items():
        if len(owners) == 1:
            mapping.setdefault(surname, next(iter(owners)))
    return tuple(sorted(mapping.items()))


# --- vectorizer ----------------------------------------------------------------------------------

_SEP = -1      # in a stream of term ids: the end of a run of words (no phrase spans it)
_UNKNOWN = -2  # in a stream of term ids: a word the fitted vectorizer does not know
_STOP, _NAME = 1, 2  # flags of a word: a stop word, the first word of an actor name
_SKIP = False  # the form of a word too short to count


def _npmi_score(c_ab: float, c_a: float, c_b: float, total: float) -> float:
    p_ab = c_ab / total
    if p_ab >= 1.0:
        return 1.0
    return math.log(p_ab / ((c_a / total) * (c_b / total))) / -math.log(p_ab)


_CACHE_LIMIT = 1 << 18  # entries of a spelling cache: beyond, it starts afresh (memory stays bounded)


class _Words(dict):
    """Scanned word -> (term id, lower-cased word, all-capitals, possessive, flags); None for a
    break, ``_SKIP`` for a word too short to count. Each distinct spelling is looked at once."""

    def __init__(self, encoder: _Encoder):
        super().__init__()
        self._encoder = encoder

    def __missing__(self, word: str) -> tuple[int, str, bool, bool, int] | bool | None:
        form = _word_form(word) if word else None
        if not word:
            info: tuple[int, str, bool, bool, int] | bool | None = None
        elif form is None:
            info = _SKIP
        else:
            lower, caps, possessive = form
            enc = self._encoder
            flags = _STOP if lower in enc.stops else 0
            term = lower
            name = enc.names.get(lower)
            if name is not None:
                single, longer = name
                if longer or single[0]:  # the match depends on the next words or on the case
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

    def __init__(self, vec: TopicVectorizer, known: Mapping[str, int], *, grow: bool):
        self.stops = vec._stops
        self.names = vec._name_first
        self._known = known
        self._grow = grow
        self._new: dict[str, int] = {}
        self._words = _Words(self)
        self._tokens = _Tokens(self._words)
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

    def add(self, text: str) -> None:
        """Append one paragraph to the stream."""
        if len(self._tokens) > _CACHE_LIMIT or len(self._words) > _CACHE_LIMIT:
            self._tokens.clear()
            self._words.clear()
        text = _normalise(text)
        noshout = not text.isupper()  # in a shouted headline no word is an acronym
        infos = list(chain.from_iterable(map(self._tokens.__getitem__, text.split())))
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
            emit(tid)
            if possessive:  # "Kazakhstan's constitutional" is no phrase
                emit(_SEP)
                is_open = False
            else:
                is_open = True
        if is_open:
            emit(_SEP)
        self._offsets.append(len(self._stream))


def _pairs(stream: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions i of adjacent terms stream[i], stream[i + 1] (both ids below ``size``) and their codes."""
    left, right = stream[:-1], stream[1:]
    pos = np.flatnonzero((left >= 0) & (right >= 0) & (left < size) & (right < size))
    return pos, left[pos].astype(np.int64) * size + right[pos]


_BLOCK = 1 << 20  # stream ids per block: corpus-wide passes go block by block, in bounded memory


def _row_blocks(offsets: np.ndarray) -> list[tuple[int, int]]:
    """Ranges [r0, r1) of rows whose streams hold about ``_BLOCK`` ids together. A row is never
    split, and every row's stream ends with a break, so no pair of terms spans two blocks."""
    n_rows = len(offsets) - 1
    cuts = np.searchsorted(offsets, np.arange(_BLOCK, int(offsets[-1]), _BLOCK))
    bounds = np.unique(np.concatenate(([0], cuts, [n_rows]))).tolist()
    return list(zip(bounds[:-1], bounds[1:]))


def _merged(block: np.ndarray, merges: tuple[np.ndarray, np.ndarray, np.ndarray],
            size: int) -> tuple[np.ndarray, np.ndarray]:
    """A stream with accepted bigrams joined, and the positions where the joined bigrams started."""
    codes, scores, results = merges
    pos, pair = _pairs(block, size)
    at = np.minimum(np.searchsorted(codes, pair), len(codes) - 1)
    hit = codes[at] == pair
    pos, at = pos[hit], at[hit]
    # the scan is sequential only along chains of overlapping candidates; positions and scores as
    # Python lists make that loop cheap
    starts, score, chosen = pos.tolist(), scores[at].tolist(), []
    free_from = -1  # a position below this was taken as the second word of a merge
    for j, i in enumerate(starts):
        if i < free_from:
            continue
        if j + 1 < len(starts) and starts[j + 1] == i + 1 and score[j + 1] > score[j]:
            continue  # the next pair binds tighter: this word stays alone
        chosen.append(j)
        free_from = i + 2
    taken = pos[chosen]
    if not len(taken):
        return block, taken
    keep = np.ones(len(block), dtype=bool)
    keep[taken + 1] = False
    merged = block[keep]
    merged[taken - np.arange(len(taken))] = results[at[chosen]]  # each earlier merge removed one position
    return merged, taken


def _merge_stream(stream: np.ndarray, offsets: np.ndarray, merges: tuple[np.ndarray, np.ndarray, np.ndarray],
                  size: int) -> tuple[np.ndarray, np.ndarray]:
    """Join accepted bigrams, left to right; of two overlapping ones (a b, b c) the higher NPMI wins.

    ``merges`` are the accepted bigrams' codes (a * size + b, sorted), NPMI scores and the term ids
    they become. Works block by block and in place (a merge only shortens the stream): returns a
    prefix of ``stream`` and the new paragraph offsets.
    """
    if not len(merges[0]):
        return stream, offsets
    new_offsets = offsets.copy()
    write = 0
    for r0, r1 in _row_blocks(offsets):
        start = int(offsets[r0])
        merged, taken = _merged(stream[start:offsets[r1]], merges, size)
        local = offsets[r0:r1 + 1] - start
        new_offsets[r0:r1 + 1] = write + local - np.searchsorted(taken + 1, local)
        stream[write:write + len(merged)] = merged
        write += len(merged)
    return stream[:write], new_offsets


def _pair_counts(stream: np.ndarray, offsets: np.ndarray,
                 size: int) -> tuple[np.ndarray, int, np.ndarray, np.ndarray, np.ndarray]:
    """Counts of a stream's terms (ids below ``size``) and of its adjacent pairs, block by block.

    Returns the term counts, their total, and the distinct pair codes (a * size + b, sorted) with
    the stream position where each first occurs and its count.
    """
    unigrams = np.zeros(size, dtype=np.int64)
    total = 0
    parts = []
    for r0, r1 in _row_blocks(offsets):
        start = int(offsets[r0])
        block = stream[start:offsets[r1]]
        words = block[block >= 0]
        unigrams += np.bincount(words, minlength=size)
        total += len(words)
        pos, pair = _pairs(block, size)
        codes, first, counts = np.unique(pair, return_index=True, return_counts=True)
        parts.append((codes, pos[first] + start, counts))
    codes, first, counts = (np.concatenate([part[i] for part in parts]) if parts else np.zeros(0, np.int64)
                            for i in range(3))
    if not len(codes):
        return unigrams, total, codes, first, counts
    order = np.lexsort((first, codes))  # by code, then position: a code's first entry has its first position
    codes, first, counts = codes[order], first[order], counts[order]
    new = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
    return unigrams, total, codes[new], first[new], np.add.reduceat(counts, new)


def _tokens_per_row(stream: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The term ids of a stream without breaks, and each row's number of them."""
    is_term = stream >= 0
    counts = np.zeros(len(offsets) - 1, dtype=np.int64)
    nonempty = np.flatnonzero(np.diff(offsets) > 0)
    if len(nonempty):  # reduceat over the starts of non-empty rows: each sums up to the next
        counts[nonempty] = np.add.reduceat(is_term, offsets[nonempty], dtype=np.int64)
    return stream[is_term], counts


def _csr(rows: np.ndarray, cols: np.ndarray, data: np.ndarray, shape: tuple[int, int]) -> sparse.csr_matrix:
    """A CSR count matrix from entries ordered by row, with scikit-learn's index dtypes."""
    index_dtype = np.int64 if len(data) > np.iinfo(np.int32).max else np.int32
    indptr = np.zeros(shape[0] + 1, dtype=index_dtype)
    np.cumsum(np.bincount(rows, minlength=shape[0]), out=indptr[1:])
    return sparse.csr_matrix((data.astype(np.int64), cols.astype(index_dtype), indptr), shape=shape)


class TopicVectorizer(BaseEstimator):
    """Paragraph texts to a term-count matrix, with names and learned collocations as single terms.

    Parameters:
        min_df: drop terms in fewer paragraphs than this (int) or this share (float).
        max_df: drop terms in more than this share of paragraphs (float) or paragraphs (int).
        stop_words: a collection of stop words; None = ``load_stopwords()``.
        phrases: learn collocations from the corpus (bigrams by NPMI, ``phrase_passes`` passes).
        phrase_min_count: a bigram must occur at least this often to become a phrase.
        phrase_threshold: minimum NPMI (-1..1) of a bigram to become a phrase.
        phrase_passes: passes of bigram merging (2 passes give up to four-word phrases).
        actors: actor names, as a mapping of surface form -> canonical name or a list of names; every
            surface form becomes the canonical name's term ("Blinken" -> "antony blinken"), before
            anything else. None = ``load_actor_aliases()`` (kzlib's gazetteer); ``{}`` = none.

    Learned attributes: ``vocabulary_`` (terms, sorted), ``phrases_`` (table phrase, count, npmi,
    source), ``n_paragraphs_``.

    The count matrix is the one scikit-learn's ``CountVectorizer`` gives for these terms (same
    ``min_df``/``max_df`` rule, same entry order), built from int32 term ids: the corpus is never
    held as lists of strings.

    Example:
        >>> vec = TopicVectorizer(min_df=1, max_df=1.0, actors={}, phrase_min_count=2)
        >>> X = vec.fit_transform(["Antony Blinken spoke.", "Antony Blinken left.", "Blinken!"])
        >>> list(vec.vocabulary_)
        ['antony blinken', 'blinken', 'left', 'spoke']
    """

    def __init__(self, *, min_df: int | float = 2, max_df: int | float = 0.5,
                 stop_words: Iterable[str] | None = None, phrases: bool = True,
                 phrase_min_count: int = 3, phrase_threshold: float = 0.5, phrase_passes: int = 2,
                 actors: Mapping[str, str] | Sequence[str] | None = None):
        self.min_df = min_df
        self.max_df = max_df
        self.stop_words = stop_words
        self.phrases = phrases
        self.phrase_min_count = phrase_min_count
        self.phrase_threshold = phrase_threshold
        self.phrase_passes = phrase_passes
        self.actors = actors

    # analysis -------------------------------------------------------------------------------
    def _setup(self) -> None:
        if not isinstance(self.phrase_passes, int) or self.phrase_passes < 0:
            raise ParameterError(f"phrase_passes must be a non-negative int, got {self.phrase_passes!r}")
        if not -1.0 <= float(self.phrase_threshold) <= 1.0:
            raise ParameterError(f"phrase_threshold is an NPMI, between -1 and 1; got {self.phrase_threshold!r}")
        for name in ("min_df", "max_df"):  # scikit-learn's CountVectorizer rule
            value = getattr(self, name)
            if not (isinstance(value, Integral) and value >= 1
                    or isinstance(value, Real) and not isinstance(value, Integral) and 0 <= value <= 1):
                raise ParameterError(f"{name} must be an int >= 1 (paragraphs) or a float in [0, 1] "
                                     f"(share of paragraphs), got {value!r}")
        self._stops = load_stopwords() if self.stop_words is None else frozenset(
            w.translate(_APOSTROPHES).lower() for w in self.stop_words)
        actors = load_actor_aliases() if self.actors is None else self.actors
        if not isinstance(actors, Mapping):
            actors = {name: name for name in actors}
        # surface token sequence -> (acronym flags it requires, term of the canonical name)
        names: dict[tuple[str, ...], tuple[tuple[bool, ...], str]] = {}
        for surface, canonical in sorted(actors.items()):
            tokens = [t for run in _runs(surface, name=True) for t in run]
            term = " ".join(w for run in _runs(canonical) for w, _, _ in run)
            if tokens and term:
                words = tuple(w for w, _, _ in tokens)
                names.setdefault(words, (tuple(a for _, a, _ in tokens), term))
        self._name_terms = frozenset(term for _, term in names.values())
        # first word -> (the one-word name: (must be an acronym, term), or None;
        #                second word -> longer names, longest first: (length, words, positions that must be acronyms, term))
        self._name_first: dict[str, tuple[tuple[bool, str] | None, dict[str, list[tuple[int, tuple[str, ...],
                                                                                   tuple[int, ...], str]]]]] = {}
        for words in sorted(names, key=lambda t: (-len(t), t)):
            caps, term = names[words]
            _, longer = self._name_first.setdefault(words[0], (None, {}))
            if len(words) == 1:
                self._name_first[words[0]] = ((caps[0], term), longer)
            else:
                longer.setdefault(words[1], []).append(
                    (len(words), words, tuple(j for j, c in enumerate(caps) if c), term))

    def _learn_phrases(self, stream: np.ndarray, offsets: np.ndarray,
                       terms: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Collocations by NPMI, ``phrase_passes`` passes; merges the stream after each pass.

        Appends the phrases to ``terms``; sets ``_collocations`` and ``_merge_tables`` (in the ids of
        ``terms``; ``fit_transform`` renumbers them).
        """
        rows = []
        self._merge_tables = []
        for pass_no in range(1, self.phrase_passes + 1):
            size = len(terms)
            unigrams, total, codes, first, counts = _pair_counts(stream, offsets, size)
            frequent = np.flatnonzero(counts >= self.phrase_min_count)
            frequent = frequent[np.argsort(first[frequent], kind="stable")]  # first seen first, as a Counter
            accepted: list[tuple[int, float, str]] = []
            for j in frequent.tolist():
                a, b = divmod(int(codes[j]), size)
                term_a, term_b = terms[a], terms[b]
                # after the first pass only two phrases join ("collective security" + "treaty
                # organization"), not a phrase and a word: titles stay off names ("president" +
                # "vladimir putin") and runs of generic words do not snowball.
                if pass_no > 1 and (" " not in term_a or " " not in term_b):
                    continue
                if term_a in self._name_terms or term_b in self._name_terms:  # names are complete as they are
                    continue
                c_ab = int(counts[j])
                score = _npmi_score(c_ab, int(unigrams[a]), int(unigrams[b]), total)
                if score >= self.phrase_threshold:
                    accepted.append((int(codes[j]), score, f"{term_a} {term_b}"))
                    rows.append({"phrase": f"{term_a} {term_b}", "count": c_ab, "npmi": round(score, 4),
                                 "source": f"collocation (pass {pass_no})"})
            if not accepted:
                break
            index = {t: i for i, t in enumerate(terms)}
            result = []
            for _, _, phrase in accepted:
                if phrase not in index:
                    index[phrase] = len(terms)
                    terms.append(phrase)
                result.append(index[phrase])
            order = np.argsort([c for c, _, _ in accepted])
            table = (np.array([c for c, _, _ in accepted], dtype=np.int64)[order],
                     np.array([s for _, s, _ in accepted], dtype=np.float64)[order],
                     np.array(result, dtype=np.int32)[order])
            self._merge_tables.append((table, size))
            stream, offsets = _merge_stream(stream, offsets, table, size)
        self._collocations = pd.DataFrame(rows, columns=["phrase", "count", "npmi", "source"])
        return stream, offsets

    def _encode(self, texts: Iterable[str], *, grow: bool) -> tuple[np.ndarray, np.ndarray, _Encoder]:
        """Term-id stream of texts, with the fitted phrases merged in (see ``_Encoder``)."""
        encoder = _Encoder(self, self._term_index, grow=grow)
        for text in texts:
            encoder.add(text)
        stream, offsets = encoder.stream()
        for table, size in self._merge_tables:
            stream, offsets = _merge_stream(stream, offsets, table, size)
        return stream, offsets, encoder

    def analyze(self, text: str) -> list[str]:
        """The terms of one text, as the fitted vectorizer sees them.

        Example:
            >>> vec = TopicVectorizer(min_df=1, max_df=1.0, actors={"Blinken": "Antony Blinken"})
            >>> vec = vec.fit(["Blinken spoke."])
            >>> vec.analyze("Secretary of State Blinken said so.")
            ['secretary', 'state', 'antony blinken']
        """
        self._check_fitted()
        stream, _, encoder = self._encode([text], grow=True)
        terms = self._terms + encoder.new_terms
        return [terms[i] for i in stream.tolist() if i >= 0]

    # fitting --------------------------------------------------------------------------------
    def _texts(self, texts: Iterable[str]) -> list[str]:
        texts = list(texts.tolist() if isinstance(texts, pd.Series) else texts)
        bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
        if bad:
            raise CorpusError(f"{len(bad)} texts are not strings (first at position {bad[0]}): "
                              "fill missing paragraph texts with '' or drop them first")
        return texts

    def _no_terms(self, reason: str) -> CorpusError:
        return CorpusError(f"no terms left after stop words and min_df={self.min_df}, "
                           f"max_df={self.max_df} ({reason}); lower min_df or raise max_df, "
                           "or give a larger corpus")

    def fit_transform(self, texts: Iterable[str], y: Any = None) -> sparse.csr_matrix:
        """Learn phrases and vocabulary; return the paragraph × term count matrix (CSR)."""
        texts = self._texts(texts)
        if not texts:
            raise CorpusError("no paragraphs to build a vocabulary from: the corpus has no body text")
        self._setup()
        self._term_index, self._terms, self._merge_tables = {}, [], []
        stream, offsets, encoder = self._encode(texts, grow=True)
        terms = encoder.new_terms
        del encoder  # its per-spelling cache is as large as the corpus's vocabulary
        if self.phrases and self.phrase_passes:
            stream, offsets = self._learn_phrases(stream, offsets, terms)
        else:
            self._collocations = pd.DataFrame(columns=["phrase", "count", "npmi", "source"])
        X, vocab_ids = self._count(stream, offsets, terms)
        del stream
        self.vocabulary_ = np.asarray([terms[i] for i in vocab_ids], dtype=object)
        self._keep_terms(terms, vocab_ids)
        vocab = set(self.vocabulary_)
        names_used = sorted(t for t in self._name_terms if t in vocab and " " in t)
        name_rows = pd.DataFrame({"phrase": names_used, "count": np.nan, "npmi": np.nan,
                                  "source": "actor gazetteer"})
        colloc = self._collocations
        self.phrases_ = (pd.concat([name_rows, colloc], ignore_index=True) if len(name_rows)
                         else colloc.copy())
        self.phrases_["in_vocabulary"] = self.phrases_["phrase"].isin(vocab)
        self.phrases_ = self.phrases_.sort_values(["source", "phrase"], ignore_index=True)
        self.n_paragraphs_ = len(texts)
        log.info("vocabulary: %d terms from %d paragraphs (%d phrases learned, %d gazetteer names used)",
                 len(self.vocabulary_), len(texts), len(colloc), len(names_used))
        return X

    def _count(self, stream: np.ndarray, offsets: np.ndarray,
               terms: list[str]) -> tuple[sparse.csr_matrix, np.ndarray]:
        """The paragraph × term count matrix and the ids of its columns (terms in alphabetical order).

        Terms are kept by scikit-learn's ``CountVectorizer`` rule on document frequency, and each
        row's entries are in the order CountVectorizer leaves them (the order in which the terms
        first occur in the corpus): the floating-point sums of tf-idf and NMF then come out the same.
        """
        n_rows = len(offsets) - 1
        blocks = _row_blocks(offsets)
        # the order in which the terms first occur
        first = np.full(len(terms), -1, dtype=np.int64)
        for r0, r1 in blocks:
            start = int(offsets[r0])
            block = stream[start:offsets[r1]]
            seen, at = np.unique(block[block >= 0], return_index=True)
            new = first[seen] < 0
            first[seen[new]] = start + at[new]
        occurring = np.flatnonzero(first >= 0)
        if not len(occurring):
            raise self._no_terms("empty vocabulary; perhaps the documents only contain stop words")
        by_first = occurring[np.argsort(first[occurring])]  # term ids in order of first occurrence
        del first, occurring
        n_seen = len(by_first)
        rank = np.empty(len(terms), dtype=np.int64)
        rank[by_first] = np.arange(n_seen)
        # per block, each row's distinct terms (by rank) and their counts, from one sorted key per word
        parts = []
        df = np.zeros(n_seen, dtype=np.int64)
        for r0, r1 in blocks:
            start = int(offsets[r0])
            ids, per_row = _tokens_per_row(stream[start:offsets[r1]], offsets[r0:r1 + 1] - start)
            key = np.repeat(np.arange(r0, r1, dtype=np.int64), per_row)
            key *= n_seen
            key += rank[ids]
            del ids
            key.sort()
            new = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1]))) if len(key) else key
            counts = np.diff(np.append(new, len(key))).astype(np.int32)
            rows, ranks = np.divmod(key[new], n_seen)
            del key, new
            df += np.bincount(ranks, minlength=n_seen)
            parts.append((rows.astype(np.int32), ranks.astype(np.int32), counts))
        del rank
        max_count = self.max_df if isinstance(self.max_df, Integral) else self.max_df * n_rows
        min_count = self.min_df if isinstance(self.min_df, Integral) else self.min_df * n_rows
        if max_count < min_count:
            raise self._no_terms("max_df corresponds to < documents than min_df")
        kept = np.flatnonzero((df <= max_count) & (df >= min_count))
        if not len(kept):
            raise self._no_terms("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
        vocab_ids = by_first[kept]
        alphabetical = sorted(range(len(kept)), key=lambda j: terms[vocab_ids[j]])
        column = np.full(n_seen, -1, dtype=np.int64)
        column[kept[alphabetical]] = np.arange(len(kept))
        # the matrix, filled block by block (each block's entries freed as they are copied)
        nnz = int(df[kept].sum())
        index_dtype = np.int64 if nnz > np.iinfo(np.int32).max else np.int32
        data = np.empty(nnz, dtype=np.int64)
        indices = np.empty(nnz, dtype=index_dtype)
        per_row = np.zeros(n_rows, dtype=np.int64)
        filled = 0
        parts.reverse()
        while parts:
            rows, ranks, counts = parts.pop()
            cols = column[ranks]
            ok = cols >= 0
            n = int(ok.sum())
            data[filled:filled + n] = counts[ok]
            indices[filled:filled + n] = cols[ok]
            per_row += np.bincount(rows[ok], minlength=n_rows)
            filled += n
        indptr = np.zeros(n_rows + 1, dtype=index_dtype)
        np.cumsum(per_row, out=indptr[1:])
        X = sparse.csr_matrix((data, indices, indptr), shape=(n_rows, len(kept)))
        return X, vocab_ids[alphabetical]

    def _keep_terms(self, terms: list[str], vocab_ids: np.ndarray) -> None:
        """Keep, renumbered from 0, only the terms that ``transform`` needs: the vocabulary, the
        actor names and the parts and results of the merges (a small, picklable model)."""
        needed = set(vocab_ids.tolist())
        needed.update(i for i, t in enumerate(terms) if t in self._name_terms)
        for (codes, _, results), size in self._merge_tables:
            needed.update((codes // size).tolist())
            needed.update((codes % size).tolist())
            needed.update(results.tolist())
        old = np.array(sorted(needed), dtype=np.int64)
        new_id = np.full(len(terms), _UNKNOWN, dtype=np.int64)
        new_id[old] = np.arange(len(old))
        self._terms = [terms[i] for i in old.tolist()]
        self._term_index = {t: i for i, t in enumerate(self._terms)}
        size = len(self._terms)
        tables = []
        for (codes, scores, results), old_size in self._merge_tables:
            codes = new_id[codes // old_size] * size + new_id[codes % old_size]
            order = np.argsort(codes)
            tables.append(((codes[order], scores[order], new_id[results[order]].astype(np.int32)), size))
        self._merge_tables = tables
        self._columns = np.full(size, -1, dtype=np.int64)
        self._columns[new_id[vocab_ids]] = np.arange(len(vocab_ids))

    def fit(self, texts: Iterable[str], y: Any = None) -> TopicVectorizer:
        """Learn phrases and vocabulary from paragraph texts; returns self."""
        self.fit_transform(texts)
        return self

    def transform(self, texts: Iterable[str]) -> sparse.csr_matrix:
        """Count matrix of new texts over the fitted vocabulary."""
        self._check_fitted()
        texts = self._texts(texts)
        stream, offsets, _ = self._encode(texts, grow=False)
        ids, per_row = _tokens_per_row(stream, offsets)
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), per_row)
        cols = self._columns[ids]
        ok = cols >= 0
        # entries sorted by (row, column) and summed, as CountVectorizer.transform leaves them
        key = rows[ok] * len(self.vocabulary_) + cols[ok]
        key, counts = np.unique(key, return_counts=True)
        rows, cols = np.divmod(key, len(self.vocabulary_))
        return _csr(rows, cols, counts, (len(texts), len(self.vocabulary_)))

    def _check_fitted(self) -> None:
        if not hasattr(self, "vocabulary_"):
            raise ParameterError("this TopicVectorizer is not fitted yet: call fit(texts) first")


# --- coherence and agreement ---------------------------------------------------------------------


def _npmi_from_binary(top_idx: Sequence[Sequence[int]], B: sparse.csc_matrix) -> np.ndarray:
    """Mean pairwise NPMI of each topic's terms (column indices) over the rows of binary matrix B.

    P(w) = share of rows containing w; P(wi, wj) = share containing both;
    NPMI = log(P(wi,wj) / (P(wi) P(wj))) / -log P(wi,wj); -1 when the pair never co-occurs,
    0 when P(wi,wj) = 1 (terms in every row carry no information).
    """
    n = B.shape[0]
    out = np.zeros(len(top_idx))
    for t, idx in enumerate(top_idx):
        idx = list(idx)
        if len(idx) < 2:
            out[t] = np.nan
            continue
        sub = B[:, idx]
        co = (sub.T @ sub).toarray().astype(float)
        p = np.diag(co) / n
        scores = []
        for i in range(len(idx)):
            for j in range(i + 1, len(idx)):
                p_ij = co[i, j] / n
                if p_ij == 0:
                    scores.append(-1.0)
                elif p_ij >= 1.0:
                    scores.append(0.0)
                else:
                    scores.append(math.log(p_ij / (p[i] * p[j])) / -math.log(p_ij))
        out[t] = float(np.mean(scores))
    return out


def npmi_coherence(top_terms: Sequence[Sequence[str]], documents: Iterable[Iterable[str]]) -> list[float]:
    """NPMI coherence of each topic: the mean, over pairs of its terms, of their NPMI in ``documents``.

    Probabilities are shares of documents (here: paragraphs) that contain a term or both terms; a
    pair that never co-occurs scores -1. Terms absent from every document count as never
    co-occurring. The log base cancels out.

    Example:
        >>> docs = [["a", "b"], ["a", "b", "c"], ["a", "c"], ["d"]]
        >>> [round(x, 4) for x in npmi_coherence([["a", "b"], ["a", "d"]], docs)]
        [0.415, -1.0]
    """
    docs = [set(d) for d in documents]
    if not docs:
        raise CorpusError("npmi_coherence needs at least one document")
    vocab = sorted({w for topic in top_terms for w in topic})
    index = {w: i for i, w in enumerate(vocab)}
    rows, cols = [], []
    for r, d in enumerate(docs):
        for w in d:
            if w in index:
                rows.append(r)
                cols.append(index[w])
    B = sparse.csc_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(docs), len(vocab)))
    return [float(x) for x in _npmi_from_binary([[index[w] for w in t] for t in top_terms], B)]


def topic_agreement(reference: Sequence[Sequence[str]], other: Sequence[Sequence[str]]) -> np.ndarray:
    """Per reference topic, the Jaccard overlap of its top terms with its Hungarian-matched topic in ``other``.

    The matching maximises total Jaccard overlap, one-to-one (Greene et al. 2014). Averaging the
    result gives the agreement of two topic models (1 = same top terms, 0 = nothing in common).

    Example:
        >>> topic_agreement([["a", "b"], ["c", "d"]], [["c", "d"], ["a", "x"]]).round(3).tolist()
        [0.333, 1.0]
    """
    ref = [set(t) for t in reference]
    oth = [set(t) for t in other]
    J = np.zeros((len(ref), len(oth)))
    for i, a in enumerate(ref):
        for j, b in enumerate(oth):
            union = len(a | b)
            J[i, j] = len(a & b) / union if union else 0.0
    rows, cols = linear_sum_assignment(-J)
    out = np.zeros(len(ref))
    out[rows] = J[rows, cols]
    return out


def describe_reliability(model: TopicModel, *, min_stability: float = 0.5, max_concentration: float = 0.5,
                         min_docs_per_topic: int = 5) -> str:
    """Plain sentences, computed from a fitted model, on how far its topics can be trusted.

    A topic is *unstable* when its stability is below ``min_stability`` and *single-document* when
    more than ``max_concentration`` of its weight comes from one document; a topic *vanished* from
    a rerun when its best match there shares less than a quarter of its terms (Jaccard < 0.25).
    The model is called fragile, with the reasons, when its mean stability is below 0.5, when at
    least half of its topics are unstable or single-document, or when the corpus has fewer than
    ``min_docs_per_topic`` documents per topic (a theme cannot recur across more documents than
    there are).

    Example:
        >>> print(describe_reliability(TopicModel(k=4).fit(paragraphs)))   # doctest: +SKIP
    """
    model._check_fitted()
    t = model.topics_
    k, n_par = len(t), model.paragraphs_.shape[0]
    n_docs = model.paragraphs_["doc_id"].nunique()
    unstable = int((t["stability"] < min_stability).sum())
    single = int((t["doc_concentration"] > max_concentration).sum())
    weak = int(((t["stability"] < min_stability) | (t["doc_concentration"] > max_concentration)).sum())
    vanished = int((model.runs_["agreement"] < 0.25).sum())
    verdict = stability_verdict(model.stability_)
    lines = [
        f"{k} topics from {n_par} paragraphs of {n_docs} documents: mean coherence {model.coherence_:.2f} "
        f"(NPMI), mean stability {model.stability_:.2f} over {model.runs_['seed'].nunique()} reruns ({verdict}).",
        f"{unstable} of {k} topics are unstable (stability < {min_stability}); {single} of {k} draw more "
        f"than {max_concentration:.0%} of their weight from a single document; in {vanished} of "
        f"{len(model.runs_)} topic-reruns a topic did not come back (less than a quarter of its terms).",
    ]
    reasons = []
    if verdict == "fragile":
        reasons.append(f"mean stability is {model.stability_:.2f}, below 0.5")
    if weak >= k / 2:
        reasons.append(f"{weak} of {k} topics are unstable or stand for one document")
    if n_docs < min_docs_per_topic * k:
        reasons.append(f"{n_docs} documents for {k} topics is fewer than {min_docs_per_topic} per topic, so a "
                       "topic cannot recur across enough documents to be a theme of the coverage rather than "
                       "of one article")
    if reasons:
        lines.append("These topics are fragile: " + "; ".join(reasons) + ". Read them as a sketch of this "
                     "corpus, not as findings.")
    elif verdict == "moderate" or weak:
        lines.append("Trust the stable topics spread over many documents; treat the others as tentative.")
    else:
        lines.append("These topics are stable and spread over many documents.")
    return "\n".join(lines)


def stability_verdict(stability: float) -> str:
    """A word for a mean stability (agreement of top terms across reruns): fragile, moderate or stable.

    Thresholds (a reading aid, not a test): below 0.5 fewer than half of a topic's top terms come
    back on a rerun ("fragile"); 0.5–0.75 "moderate"; 0.75 and above "stable".

    Example:
        >>> stability_verdict(0.3), stability_verdict(0.6), stability_verdict(0.9)
        ('fragile', 'moderate', 'stable')
    """
    if stability is None or not np.isfinite(stability):
        return "unknown"
    return "fragile" if stability < 0.5 else "moderate" if stability < 0.75 else "stable"


# --- paragraphs --------------------------------------------------------------------------------


def topic_paragraphs(corpus: Any, *, one_copy_per_story: bool = True) -> pd.DataFrame:
    """The paragraphs a topic model reads: analysable body paragraphs, one copy per story by default.

    Returns ``doc_id``, ``para_id``, ``text``, ``text_despun`` (sorted by doc_id, para_id).

    Example:
        >>> paras = topic_paragraphs(kzlib.prepare())   # doctest: +SKIP
    """
    if not hasattr(corpus, "paragraphs") or not hasattr(corpus, "documents"):
        raise CorpusError("topic_paragraphs needs a kzlib Corpus (kzlib.prepare(...)); "
                          "to use a table of paragraphs, pass it to TopicModel.fit directly")
    if one_copy_per_story:
        if "is_representative" in corpus.documents.columns:
            corpus = corpus.representatives()
        else:
            log.warning("documents have no is_representative column: every copy of a story is counted")
    paras = corpus.paragraphs
    try:
        from kzlib.clean import analysable
        paras = analysable(paras)
    except ImportError:  # pragma: no cover - kzlib.clean ships with the package
        if "kind" in paras.columns:
            paras = paras[paras["kind"] == "body"]
        if "duplicate_of" in paras.columns:
            paras = paras[paras["duplicate_of"].astype(int) < 0]
    cols = [c for c in ("doc_id", "para_id", "text", "text_despun") if c in paras.columns]
    return paras[cols].sort_values(["doc_id", "para_id"], ignore_index=True)


def _check_paragraphs(paragraphs: Any, text_column: str) -> tuple[pd.DataFrame, str]:
    if hasattr(paragraphs, "paragraphs") and hasattr(paragraphs, "documents"):
        paragraphs = topic_paragraphs(paragraphs)
    if not isinstance(paragraphs, pd.DataFrame):
        raise CorpusError(f"expected a DataFrame of paragraphs (doc_id, para_id, {text_column}) or a "
                          f"Corpus, got {type(paragraphs).__name__}")
    missing = [c for c in ("doc_id", "para_id") if c not in paragraphs.columns]
    if missing:
        raise CorpusError(f"paragraphs lack column(s) {missing}: pass the paragraphs table of a Corpus "
                          "(kzlib.topics.topic_paragraphs(corpus))")
    column = text_column
    if column not in paragraphs.columns:
        if column == "text_despun" and "text" in paragraphs.columns:
            log.warning("paragraphs have no text_despun column: using text (spun copies are not repaired)")
            column = "text"
        else:
            raise CorpusError(f"paragraphs have no {text_column!r} column; name the text column with "
                              "text_column=...")
    if paragraphs.duplicated(["doc_id", "para_id"]).any():
        raise CorpusError("paragraphs repeat a (doc_id, para_id) pair: each paragraph must appear once")
    paras = paragraphs.sort_values(["doc_id", "para_id"], ignore_index=True)
    paras[column] = paras[column].fillna("").astype(str)
    return paras, column


# --- the model ---------------------------------------------------------------------------------


def _top_indices(H: np.ndarray, n: int, *, positive: bool = True) -> list[list[int]]:
    """Indices of each row's n largest values (ties: lower index, i.e. alphabetical term, first);
    only positive values (loadings) or, with ``positive=False``, finite ones (log scores)."""
    out = []
    for row in H:
        order = np.lexsort((np.arange(len(row)), -row))
        ok = row > 0 if positive else np.isfinite(row)
        out.append([int(i) for i in order[:n] if ok[i]])
    return out


class TopicModel(BaseEstimator):
    """A topic model over paragraphs, with coherence and stability, following scikit-learn conventions.

    Parameters:
        k: number of topics.
        method: ``"nmf"`` (NMF on sublinear tf-idf, NNDSVDa start) or ``"lda"`` (LDA on counts).
        seed: random seed of the model (and, with ``stability_seeds=None``, of the reruns).
        n_terms: top terms per topic (used for labels, coherence and stability).
        stability_seeds: seeds of the reruns that measure stability; None = seed+1 … seed+5; () = none.
        subsample: share of paragraphs each rerun is fitted on (Greene et al. 2014 use 0.8).
        text_column: the paragraph text to read (``text_despun`` by default; falls back to ``text``).
        vectorizer: a ``TopicVectorizer`` (unfitted) to configure the vocabulary; None = defaults.
        max_iter: iterations of the solver; None = 400 for NMF, 10 passes for LDA (scikit-learn's
            default; LDA's batch passes cost far more than NMF's updates).

    Learned attributes: ``topics_`` (topic_id, label, top_terms, coherence, prevalence, stability,
    n_paragraphs: where it is the heaviest topic, doc_concentration: share of its weight from its
    largest document), ``doc_topics_`` (doc_id, para_id, topic_id, weight; weights of a paragraph sum
    to 1, or are all 0 for a paragraph with no vocabulary term), ``coherence_`` (mean NPMI),
    ``stability_`` (mean agreement over topics and reruns), ``runs_`` (agreement per rerun and
    topic), ``vectorizer_``, ``model_`` (the scikit-learn estimator), ``terms_`` (vocabulary),
    ``paragraphs_``. Topics are numbered by prevalence, 0 = most prevalent.

    Example:
        >>> model = TopicModel(k=5, method="nmf", seed=0).fit(paragraphs)   # doctest: +SKIP
        >>> model.topics_[["label", "coherence", "stability"]]              # doctest: +SKIP
    """

    def __init__(self, k: int = 6, *, method: str = "nmf", seed: int = 0, n_terms: int = 10,
                 stability_seeds: Sequence[int] | None = None, subsample: float = 0.8,
                 text_column: str = "text_despun", vectorizer: TopicVectorizer | None = None,
                 max_iter: int | None = None):
        self.k = k
        self.method = method
        self.seed = seed
        self.n_terms = n_terms
        self.stability_seeds = stability_seeds
        self.subsample = subsample
        self.text_column = text_column
        self.vectorizer = vectorizer
        self.max_iter = max_iter

    # validation -----------------------------------------------------------------------------
    def _validate(self) -> None:
        if self.method not in METHODS:
            raise ParameterError(f"method must be one of {METHODS}, got {self.method!r}")
        if not isinstance(self.k, (int, np.integer)) or self.k < 1:
            raise ParameterError(f"k must be a positive int, got {self.k!r}")
        if not isinstance(self.n_terms, (int, np.integer)) or self.n_terms < 2:
            raise ParameterError(f"n_terms must be an int >= 2 (coherence needs pairs), got {self.n_terms!r}")
        if not 0 < float(self.subsample) <= 1:
            raise ParameterError(f"subsample is a share of paragraphs in (0, 1], got {self.subsample!r}")
        if self.vectorizer is not None and not isinstance(self.vectorizer, TopicVectorizer):
            raise ParameterError("vectorizer must be a kzlib.topics.TopicVectorizer")

    def _seeds(self) -> list[int]:
        if self.stability_seeds is None:
            return [int(self.seed) + i for i in range(1, 6)]
        return [int(s) for s in self.stability_seeds]

    # solver ---------------------------------------------------------------------------------
    def _solve(self, X: sparse.csr_matrix, seed: int, *, init: str) -> tuple[np.ndarray, np.ndarray, Any]:
        """Fit one model on counts X; returns (W doc-topic, H topic-term, estimator)."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            if self.method == "nmf":
                self._tfidf = TfidfTransformer(sublinear_tf=True).fit(X)
                Xw = self._tfidf.transform(X)
                est = NMF(n_components=int(self.k), init=init, random_state=seed,
                          max_iter=self.max_iter or 400, tol=1e-4)
                W = est.fit_transform(Xw)
                H = est.components_
            else:
                est = LatentDirichletAllocation(n_components=int(self.k), learning_method="batch",
                                                max_iter=self.max_iter or 10, random_state=seed,
                                                n_jobs=1)
                W = est.fit_transform(X)
                H = est.components_ / est.components_.sum(axis=1, keepdims=True)
        if any(issubclass(w.category, ConvergenceWarning) for w in caught):
            log.debug("%s k=%d seed=%d stopped at max_iter before converging", self.method, self.k, seed)
        return W, H, est

    def _ranking(self, H: np.ndarray, X: sparse.csr_matrix) -> np.ndarray:
        """Scores that order each topic's terms: NMF loadings; for LDA, relevance with lambda = 0.6
        (Sievert & Shirley 2014), which keeps words frequent everywhere from topping every topic."""
        if self.method == "nmf":
            return H
        p_w = np.asarray(X.sum(axis=0)).ravel().astype(float)
        p_w = p_w / p_w.sum()
        with np.errstate(divide="ignore"):
            return 0.6 * np.log(H) + 0.4 * np.log(H / np.maximum(p_w, 1e-300))

    def _fit_matrix(self, X: sparse.csr_matrix, vectorizer: TopicVectorizer, paras: pd.DataFrame,
                    column: str) -> TopicModel:
        self._validate()
        n_docs, n_vocab = X.shape
        if self.k > min(n_docs, n_vocab):
            raise ParameterError(f"k={self.k} topics cannot be fitted to {n_docs} paragraphs and "
                                 f"{n_vocab} terms: choose k <= {min(n_docs, n_vocab)}")
        nonempty = np.asarray(X.sum(axis=1)).ravel() > 0
        if (~nonempty).any():
            log.info("%d of %d paragraphs have no vocabulary term: they get weight 0 in every topic",
                     int((~nonempty).sum()), n_docs)
        terms = vectorizer.vocabulary_
        W, H, est = self._solve(X, int(self.seed), init="nndsvda")
        tfidf = getattr(self, "_tfidf", None)
        rank = self._ranking(H, X)
        top = _top_indices(rank, self.n_terms, positive=self.method == "nmf")
        # co-occurrence of the top terms only: a binary copy of the whole matrix would double its memory
        used = sorted({i for t in top for i in t})
        position = {c: j for j, c in enumerate(used)}
        B = (X[:, used] > 0).astype(np.float64).tocsc()
        coherence = _npmi_from_binary([[position[i] for i in t] for t in top], B)

        # stability: reruns with other seeds (random start) on subsamples of the paragraphs
        ref_terms = [[terms[i] for i in t] for t in top]
        run_rows = []
        for s in self._seeds():
            rng = np.random.default_rng(s)
            size = max(int(self.k), int(round(self.subsample * n_docs)))
            idx = np.sort(rng.choice(n_docs, size=size, replace=False)) if size < n_docs else np.arange(n_docs)
            Xs = X[idx]
            keep = np.asarray(Xs.sum(axis=0)).ravel() > 0
            _, Hs, _ = self._solve(Xs[:, keep], s, init="random")
            sub_terms = terms[keep]
            ranked = _top_indices(self._ranking(Hs, Xs[:, keep]), self.n_terms, positive=self.method == "nmf")
            run_terms = [[sub_terms[i] for i in t] for t in ranked]
            agree = topic_agreement(ref_terms, run_terms)
            run_rows += [{"seed": s, "topic": t, "agreement": float(a)} for t, a in enumerate(agree)]
        runs = pd.DataFrame(run_rows, columns=["seed", "topic", "agreement"])

        # weights: each paragraph's topic weights as shares
        totals = W.sum(axis=1, keepdims=True)
        shares = np.divide(W, totals, out=np.zeros_like(W), where=totals > 0)
        prevalence = shares[nonempty].mean(axis=0) if nonempty.any() else np.zeros(int(self.k))
        dominant = np.bincount(shares[nonempty].argmax(axis=1), minlength=int(self.k)) if nonempty.any() \
            else np.zeros(int(self.k), dtype=int)
        stab = runs.groupby("topic")["agreement"].mean().reindex(range(int(self.k))).to_numpy() \
            if len(runs) else np.full(int(self.k), np.nan)

        # concentration: share of each topic's weight that comes from its single largest document
        # (MALLET's diagnostics have the same idea): near 1, the "topic" is one article's vocabulary
        doc_codes, doc_index = np.unique(paras["doc_id"].to_numpy(), return_inverse=True)
        per_doc = np.zeros((len(doc_codes), int(self.k)))
        np.add.at(per_doc, doc_index, shares)
        mass = per_doc.sum(axis=0)
        concentration = np.divide(per_doc.max(axis=0), mass, out=np.full(int(self.k), np.nan), where=mass > 0)

        # number topics by prevalence (ties: first top term)
        first = [ref_terms[t][0] if ref_terms[t] else "" for t in range(int(self.k))]
        order = sorted(range(int(self.k)), key=lambda t: (-round(float(prevalence[t]), 9), first[t]))
        new_id = {old: new for new, old in enumerate(order)}
        topics = pd.DataFrame({
            "topic_id": [new_id[t] for t in range(int(self.k))],
            "label": [" / ".join(ref_terms[t][:3]) for t in range(int(self.k))],
            "top_terms": [", ".join(ref_terms[t]) for t in range(int(self.k))],
            "coherence": np.round(coherence, 4),
            "prevalence": np.round(prevalence, 4),
            "stability": np.round(stab, 4),
            "n_paragraphs": dominant.astype(int),
            "doc_concentration": np.round(concentration, 4),
        }).sort_values("topic_id", ignore_index=True)
        runs["topic_id"] = runs["topic"].map(new_id)
        self.runs_ = runs[["seed", "topic_id", "agreement"]].sort_values(["seed", "topic_id"]) \
            .reset_index(drop=True)

        # paras are sorted by doc_id, para_id (_check_paragraphs): with the topics in new order the
        # rows come out sorted, with no sort (and no copy) of a table of n_paragraphs * k rows
        k = int(self.k)
        doc_topics = pd.DataFrame({
            "doc_id": np.repeat(paras["doc_id"].to_numpy(), k),
            "para_id": np.repeat(paras["para_id"].to_numpy(), k),
            "topic_id": np.tile(np.arange(k), n_docs),
            "weight": np.round(shares[:, order].ravel(), WEIGHT_DECIMALS),
        }, copy=False)  # fresh arrays: no consolidating copy of n_paragraphs * k rows

        self.vectorizer_ = vectorizer
        self.model_ = est
        self.tfidf_ = tfidf if self.method == "nmf" else None
        self.terms_ = terms
        self.components_ = H[order]
        self._rank = rank[order]
        self.topics_ = topics
        self.doc_topics_ = doc_topics
        self.coherence_ = float(np.round(np.nanmean(coherence), 4))
        self.stability_ = float(np.round(runs["agreement"].mean(), 4)) if len(runs) else float("nan")
        self.paragraphs_ = paras[["doc_id", "para_id", column]].rename(columns={column: "text"})
        self._order = order
        log.info("%s k=%d: coherence %.3f, stability %.3f (%s) over %d paragraphs",
                 self.method, k, self.coherence_, self.stability_, stability_verdict(self.stability_), n_docs)
        return self

    # public API -----------------------------------------------------------------------------
    @releases_memory
    def fit(self, paragraphs: pd.DataFrame, y: Any = None) -> TopicModel:
        """Fit on a paragraphs table (``doc_id``, ``para_id``, ``text_despun``) or a Corpus; returns self."""
        self._validate()
        paras, column = _check_paragraphs(paragraphs, self.text_column)
        vectorizer = clone(self.vectorizer) if self.vectorizer is not None else TopicVectorizer()
        X = vectorizer.fit_transform(paras[column])
        return self._fit_matrix(X, vectorizer, paras, column)

    def transform(self, paragraphs: pd.DataFrame) -> pd.DataFrame:
        """Topic weights of (new) paragraphs: a ``doc_topics`` table."""
        self._check_fitted()
        paras, column = _check_paragraphs(paragraphs, self.text_column)
        X = self.vectorizer_.transform(paras[column])
        Xw = self.tfidf_.transform(X) if self.method == "nmf" else X
        W = self.model_.transform(Xw)[:, self._order]
        totals = W.sum(axis=1, keepdims=True)
        shares = np.divide(W, totals, out=np.zeros_like(W), where=totals > 0)
        k = int(self.k)
        return pd.DataFrame({
            "doc_id": np.repeat(paras["doc_id"].to_numpy(), k),
            "para_id": np.repeat(paras["para_id"].to_numpy(), k),
            "topic_id": np.tile(np.arange(k), len(paras)),
            "weight": np.round(shares.ravel(), WEIGHT_DECIMALS),
        })

    def transform_by_partition(self, paragraphs: pd.DataFrame, *, engine: str = "pandas", scheduler: Any = None,
                               npartitions: int | str | None = "auto") -> pd.DataFrame:
        """:meth:`transform` over partitions of documents (see :func:`kzlib.engine.map_partitions_by_document`
        for ``engine``, ``scheduler`` and ``npartitions``): the ``doc_topics`` of a corpus too large for one
        batch, the same table with either engine. Each partition is weighed by a copy of the model without
        the training sample's ``paragraphs_`` and ``doc_topics_``, which ``transform`` does not read: a
        Dask worker receives a few hundred KB instead of the sample (36 MB for 5,000 generated documents).

        Example:
            >>> weights = model.transform_by_partition(paras, engine="dask")   # doctest: +SKIP
        """
        from kzlib.engine import map_partitions_by_document

        self._check_fitted()
        slim = copy.copy(self)
        for name in ("paragraphs_", "doc_topics_"):
            slim.__dict__.pop(name, None)
        return map_partitions_by_document(paragraphs, slim.transform, engine=engine, scheduler=scheduler,
                                          npartitions=npartitions)

    def term_weights(self, n: int | None = None) -> pd.DataFrame:
        """Top terms of each topic with their weight in the topic: topic_id, rank, term, weight.

        For NMF the weight is the term's loading in the topic; for LDA its probability (terms are
        ordered by relevance, as in the topics table).
        """
        self._check_fitted()
        n = n or int(self.n_terms)
        rows = []
        for topic_id, row in enumerate(self.components_):
            ranked = _top_indices(self._rank[topic_id][None, :], n, positive=self.method == "nmf")[0]
            for rank, i in enumerate(ranked):
                rows.append({"topic_id": topic_id, "rank": rank, "term": self.terms_[i],
                             "weight": round(float(row[i]), WEIGHT_DECIMALS)})
        return pd.DataFrame(rows, columns=["topic_id", "rank", "term", "weight"])

    def representatives(self, n: int = 3) -> pd.DataFrame:
        """The ``n`` paragraphs that weigh most in each topic, at most one per document when possible.

        Returns topic_id, rank, doc_id, para_id, weight, text.
        """
        self._check_fitted()
        dt = self.doc_topics_[self.doc_topics_["weight"] > 0]
        dt = dt.sort_values(["topic_id", "weight", "doc_id", "para_id"], ascending=[True, False, True, True])
        first = dt.drop_duplicates(["topic_id", "doc_id"])
        rest = dt.drop(first.index)
        picked = pd.concat([first, rest]).groupby("topic_id", sort=True, group_keys=False).head(n)
        picked = picked.sort_values(["topic_id", "weight", "doc_id", "para_id"],
                                    ascending=[True, False, True, True])
        picked["rank"] = picked.groupby("topic_id").cumcount()
        out = picked.merge(self.paragraphs_, on=["doc_id", "para_id"], how="left")
        return out[["topic_id", "rank", "doc_id", "para_id", "weight", "text"]].reset_index(drop=True)

    def _check_fitted(self) -> None:
        if not hasattr(self, "topics_"):
            raise ParameterError("this TopicModel is not fitted yet: call fit(paragraphs) first")


# --- choice of k -------------------------------------------------------------------------------


def select_k(paragraphs: pd.DataFrame, *, ks: Iterable[int] = range(2, 11), seeds: Sequence[int] = (0, 1, 2, 3, 4, 5),
             method: str = "nmf", n_terms: int = 10, subsample: float = 0.8,
             text_column: str = "text_despun", vectorizer: TopicVectorizer | None = None,
             min_stability: float = 0.5) -> pd.DataFrame:
    """Coherence and stability of models with each k: the table to choose k from.

    For every k a model is fitted with ``seeds[0]`` and refitted with each of ``seeds[1:]`` on a
    ``subsample`` of the paragraphs. The vocabulary is built once and shared.

    Returns one row per k: ``k``, ``coherence`` (mean NPMI of the topics), ``coherence_min`` (of the
    least coherent topic), ``stability`` (mean agreement of top terms across reruns),
    ``stability_sd`` (its spread across reruns), ``verdict`` (``stability_verdict``), ``chosen``
    (the k that ``best_k`` picks with ``min_stability``).

    Example:
        >>> table = select_k(paragraphs, ks=range(2, 9), seeds=range(6))   # doctest: +SKIP
    """
    seeds = [int(s) for s in seeds]
    if len(seeds) < 2:
        raise ParameterError("select_k needs at least two seeds: one model and one rerun to compare it with")
    paras, column = _check_paragraphs(paragraphs, text_column)
    vec = clone(vectorizer) if vectorizer is not None else TopicVectorizer()
    X = vec.fit_transform(paras[column])
    limit = min(X.shape)
    ks = sorted({int(k) for k in ks})
    usable = [k for k in ks if 1 <= k <= limit]
    if len(usable) < len(ks):
        log.warning("k values %s skipped: at most %d topics fit %d paragraphs and %d terms",
                    [k for k in ks if k not in usable], limit, X.shape[0], X.shape[1])
    if not usable:
        raise ParameterError(f"no k in {ks} can be fitted to {X.shape[0]} paragraphs and {X.shape[1]} "
                             f"terms: choose ks between 2 and {limit}")
    rows = []
    for k in usable:
        model = TopicModel(k=k, method=method, seed=seeds[0], n_terms=n_terms, stability_seeds=seeds[1:],
                           subsample=subsample, text_column=text_column)
        model._fit_matrix(X, vec, paras, column)
        per_run = model.runs_.groupby("seed")["agreement"].mean()
        rows.append({
            "k": k,
            "coherence": model.coherence_,
            "coherence_min": float(model.topics_["coherence"].min()),
            "stability": model.stability_,
            "stability_sd": float(np.round(per_run.std(ddof=0), 4)),
            "verdict": stability_verdict(model.stability_),
        })
    table = pd.DataFrame(rows)
    table["chosen"] = table["k"] == best_k(table, min_stability=min_stability)
    return table


def best_k(table: pd.DataFrame, *, min_stability: float = 0.5) -> int:
    """The k of a ``select_k`` table that is both coherent and stable.

    Among the k at least ``min_stability`` stable, the one with the highest coherence + stability
    (NPMI and agreement both lie on comparable scales, and each alone misleads: mean coherence does
    not notice a subject that no topic covers, and very few topics are stable because they are
    coarse). Ties go to the smaller k. If no k reaches ``min_stability``, the most stable k.

    Example:
        >>> best_k(pd.DataFrame({"k": [2, 3, 4], "coherence": [0.6, 0.58, 0.5], "stability": [0.75, 1.0, 0.4]}))
        3
    """
    for col in ("k", "coherence", "stability"):
        if col not in table.columns:
            raise ParameterError(f"best_k needs a select_k table; column {col!r} is missing")
    if table.empty:
        raise ParameterError("best_k got an empty table: select_k fitted no model")
    ok = table[table["stability"] >= min_stability].assign(score=lambda t: t["coherence"] + t["stability"])
    if len(ok):
        pick = ok.sort_values(["score", "k"], ascending=[False, True]).iloc[0]
    else:
        log.warning("no k reaches stability %.2f: choosing the most stable k", min_stability)
        pick = table.sort_values(["stability", "coherence", "k"], ascending=[False, False, True]).iloc[0]
    return int(pick["k"])


# --- what a corpus can support ------------------------------------------------------------------


@dataclass(frozen=True)
class TopicPlan:
    """What a corpus can support: the k values that can be fitted, and why others cannot.

    Attributes: ``n_paragraphs`` (paragraphs read), ``n_documents``, ``n_with_terms`` (paragraphs
    with at least one vocabulary term), ``n_terms`` (vocabulary size), ``ks`` (the requested k
    that can be fitted, sorted), ``skipped`` (the requested k that cannot), ``max_k`` (the largest
    k the corpus supports, 0 if none), ``reason`` (why k were skipped; "" when none was),
    ``vectorizer`` (the fitted ``TopicVectorizer``, None when no vocabulary could be built).
    """

    n_paragraphs: int
    n_documents: int
    n_with_terms: int
    n_terms: int
    ks: tuple[int, ...]
    skipped: tuple[int, ...]
    max_k: int
    reason: str
    vectorizer: TopicVectorizer | None

    @property
    def ok(self) -> bool:
        """True when at least one requested k can be fitted."""
        return bool(self.ks)

    def describe(self) -> str:
        """Plain sentences on what can be fitted and, if anything cannot, why."""
        lines = [f"{_count(self.n_paragraphs, 'paragraph')} from {_count(self.n_documents, 'document')}; "
                 f"{_count(self.n_terms, 'vocabulary term')}, found in {_count(self.n_with_terms, 'paragraph')}."]
        if self.ks:
            lines.append(f"Topic models with k = {', '.join(map(str, self.ks))} can be fitted.")
        if self.reason:
            lines.append(self.reason)
        if self.ks and self.n_documents == 1:
            lines.append("All paragraphs come from one document: the topics are the parts of that one text, "
                         "not themes of a coverage.")
        return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def plan_topics(paragraphs: pd.DataFrame, *, ks: Iterable[int] = range(2, 11), min_paragraphs_per_topic: int = 3,
                text_column: str = "text_despun", vectorizer: TopicVectorizer | None = None) -> TopicPlan:
    """Which of ``ks`` a paragraphs table can support, checked before fitting anything.

    A topic model needs a vocabulary (terms left after stop words, ``min_df`` and ``max_df``; a handful
    of paragraphs often has none) and enough paragraphs for each topic to be more than one paragraph's
    words: k is at most the number of paragraphs with a vocabulary term divided by
    ``min_paragraphs_per_topic``, and at most the number of terms. The vectorizer is fitted here and
    returned in the plan, so that it is built once.

    Example:
        >>> paras = pd.DataFrame({"doc_id": ["a", "b"], "para_id": [0, 0],
        ...                       "text_despun": ["Troops left.", "Troops came."]})
        >>> plan = plan_topics(paras)
        >>> plan.ok, plan.max_k
        (False, 0)
    """
    if not isinstance(min_paragraphs_per_topic, (int, np.integer)) or min_paragraphs_per_topic < 1:
        raise ParameterError(f"min_paragraphs_per_topic must be a positive int, got {min_paragraphs_per_topic!r}")
    ks = sorted({int(k) for k in ks})
    if not ks or ks[0] < 1:
        raise ParameterError(f"ks must be positive numbers of topics, got {ks}: e.g. ks=range(2, 11)")
    paras, column = _check_paragraphs(paragraphs, text_column)
    n_par, n_docs = len(paras), int(paras["doc_id"].nunique())
    vec = clone(vectorizer) if vectorizer is not None else TopicVectorizer()

    def plan(n_with: int, n_terms: int, max_k: int, reason: str, fitted: TopicVectorizer | None) -> TopicPlan:
        usable = tuple(k for k in ks if k <= max_k)
        skipped = tuple(k for k in ks if k > max_k)
        if skipped and not reason:
            reason = (f"k = {', '.join(map(str, skipped))} skipped: {n_with} paragraphs with vocabulary terms "
                      f"support at most {max_k} topics of {min_paragraphs_per_topic} paragraphs each"
                      + (f" ({n_terms} terms)" if n_terms < n_with // min_paragraphs_per_topic else "") + ".")
        if skipped:
            log.info("topics: %s", reason)
        return TopicPlan(n_par, n_docs, n_with, n_terms, usable, skipped, max_k, reason, fitted)

    if n_par == 0:
        return plan(0, 0, 0, "Too little text for a topic model: the corpus has no body paragraphs.", None)
    try:
        X = vec.fit_transform(paras[column])
    except CorpusError:  # the vectorizer's "no terms left": a property of this corpus, reported as such
        return plan(0, 0, 0, f"Too little text for a topic model: no word of the {_count(n_par, 'paragraph')} is in "
                             f"at least min_df={vec.min_df} and at most max_df={vec.max_df} of them, so there is "
                             "no vocabulary.", None)
    n_with = int((np.asarray(X.sum(axis=1)).ravel() > 0).sum())
    n_terms = int(X.shape[1])
    max_k = min(n_with // int(min_paragraphs_per_topic), n_terms)
    reason = ""
    if max_k < ks[0]:
        reason = (f"Too little text for a topic model: {n_with} of {n_par} paragraphs have a vocabulary term "
                  f"({n_terms} terms), which supports at most {max_k} topic{'s' if max_k != 1 else ''} of "
                  f"{min_paragraphs_per_topic} paragraphs each; the smallest k asked for is {ks[0]}.")
    return plan(n_with, n_terms, max_k, reason, vec)


# --- prevalence by group -----------------------------------------------------------------------


def topic_prevalence(doc_topics: pd.DataFrame, documents: pd.DataFrame, *, by: str = "outlet",
                     missing: str = "(unknown)") -> pd.DataFrame:
    """Mean topic weight of the paragraphs of each group of documents (outlet, published date…).

    Paragraphs with no vocabulary term (all weights 0) are left out of the means. Returns ``by``,
    ``topic_id``, ``prevalence`` (mean share; sums to 1 over topics within a group),
    ``n_paragraphs``, ``n_documents``.

    Example:
        >>> topic_prevalence(model.doc_topics_, corpus.documents, by="outlet")   # doctest: +SKIP
    """
    for col in ("doc_id", "para_id", "topic_id", "weight"):
        if col not in doc_topics.columns:
            raise CorpusError(f"doc_topics lacks column {col!r}: pass TopicModel.doc_topics_")
    if "doc_id" not in documents.columns or by not in documents.columns:
        raise CorpusError(f"documents need columns 'doc_id' and {by!r}; available: {list(documents.columns)}")
    mass = doc_topics.groupby(["doc_id", "para_id"])["weight"].transform("sum")
    dt = doc_topics[mass > 0]
    groups = documents[["doc_id", by]].drop_duplicates("doc_id").copy()
    groups[by] = groups[by].fillna("").astype(str).replace("", missing)
    dt = dt.merge(groups, on="doc_id", how="left")
    dt[by] = dt[by].fillna(missing)
    out = dt.groupby([by, "topic_id"]).agg(prevalence=("weight", "mean"),
                                           n_documents=("doc_id", "nunique")).reset_index()
    n_par = dt.drop_duplicates(["doc_id", "para_id"]).groupby(by).size().rename("n_paragraphs")
    out = out.merge(n_par, left_on=by, right_index=True)
    out["prevalence"] = out["prevalence"].round(4)
    return out[[by, "topic_id", "prevalence", "n_paragraphs", "n_documents"]] \
        .sort_values([by, "topic_id"], ignore_index=True)
