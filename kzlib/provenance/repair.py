"""Provenance: copies of one story, what kind of copy each is, and the repair of spun text.

A web corpus holds one story many times: syndicated, republished by aggregators, machine-translated
and "spun" by article spinners. :func:`annotate` finds the copies and fills, in ``documents``:

- ``story_id`` / ``is_representative``: copies are grouped into stories (candidate pairs from MinHash
  LSH over features that survive spinning and translation, verified by aligning their sentences); one
  copy per story represents it (the least altered one);
- ``spin_score``: spinner-substitution evidence per 1,000 words (:func:`kzlib.despin.spin_score`);
- ``version`` / ``version_detected``: original, spun, machine-translated, republished, translated or
  unknown (a version given by the metadata sidecar is kept; the detected one is recorded beside it);
- ``mt_score`` / ``translation_score``: the evidence for machine and human translation;

in ``paragraphs``: ``text_despun`` (spinner substitutions reversed; ``text`` stays verbatim for
quotation) and ``n_despun`` (substitutions made); and a ``copies`` table of the document pairs judged
to be copies, with their similarity and evidence.

De-spinning uses the inspectable phrase table of :mod:`kzlib.despin` and :class:`SpinRepairer`, which
learns substitutions nobody listed from the corpus itself: names and fixed phrases of the spun copies
that the clean documents (and the actor gazetteer) write otherwise in the same context, and words
that aligned copies of the same story write otherwise, where the corpus's word frequencies show the
swap is the spinner's (over-used in spun text, absent where the clean text uses it).
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import itertools
import logging
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd

from kzlib._memory import releases_memory
from kzlib.despin import MIN_MATCHES, SPIN_THRESHOLD, _apply, _compile, _Compiled, spin_table
from kzlib.errors import CorpusError, ParameterError

__all__ = [
    "annotate", "SpinRepairer", "find_copies", "similarity_matrix", "detect_versions", "VERSIONS",
    "story_features", "learned_substitutions", "repair_examples", "change_rate",
]

log = logging.getLogger(__name__)

VERSIONS = ("original", "spun", "machine-translated", "republished", "translated", "unknown")
# Which copy represents a story: the least altered one first.
_VERSION_RANK = {"original": 0, "republished": 1, "translated": 2, "machine-translated": 3, "spun": 4, "unknown": 5}

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|\d[\d,./:]*\d|\d|[^\w\s]")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’]*")
# a number not glued to a word or a dot: the look-behind comes after the first digit, so that the search
# jumps from digit to digit (same matches as "(?<![\w.])\d[\d,./]*\d(?!\w)|(?<![\w.])\d(?![\w.])")
_NUMBER = re.compile(r"\d(?<![\w.]\d)[\d,./]*\d(?!\w)|\d(?<![\w.]\d)(?![\w.])")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_BEFORE_DETERMINER = r"\s+(?!(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my)\b)[A-Za-z]"
_DETERMINERS = frozenset({"the", "a", "an", "of", "for", "to", "in", "at", "on", "by", "with", "from", "this", "that"})
_CONNECTORS = frozenset({"of", "for", "and", "de", "in"})
_SPIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")      # the words a spin score is per 1,000 of


def _stopwords() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
    return frozenset(ENGLISH_STOP_WORDS)


_STOP = _stopwords()


# --- features that survive spinning and translation -------------------------------------------------

def _stem(word: str) -> str:
    return word.lower().replace("’", "'")[:6]


def _sentence_features(sentence: str) -> frozenset[str]:
    """Content-word stems, numbers and capitalised names of one sentence."""
    feats = {stem for _, stem in map(_word_roles, _WORDS.findall(sentence)) if stem}   # 3+ letters, no stop word
    feats.update(["#" + n.replace(",", "") for n in _NUMBER.findall(sentence)])
    return frozenset(feats)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and len(s.strip()) > 1]


def story_features(text: str) -> set[str]:
    """The features copies of one story share whatever happened to their wording.

    Numbers (``#2001``), names (``@stolte``: capitalised words not opening a sentence, first 6 letters,
    which survive spinning and most transliteration) and pairs of consecutive content-word stems
    (``destab_interv``) of (de-spun) text.

    Example:
        >>> sorted(story_features("In 2001, Biden met Putin in Geneva."))[:3]
        ['#2001', '@biden', '@geneva']
    """
    feats: set[str] = {"#" + n.replace(",", "") for n in _NUMBER.findall(text)}
    # the words and sentence breaks of the text in one pass (a break never starts inside a word: it is
    # a quote after . ! or ?, or white space), read as the words of each of _sentences(text)
    roles = list(map(_word_roles, _WORDS_AND_BREAKS.findall(text)))
    feats.update([name for (_, prev), (name, _) in itertools.pairwise(roles) if name is not None and prev != ""])
    content = [stem for _, stem in roles if stem is not None]       # "" marks a sentence break
    feats.update([a + "_" + b for a, b in itertools.pairwise(content) if a and b])
    return feats


_WORDS_AND_BREAKS = re.compile(rf"{_WORDS.pattern}|{_SENTENCE_END.pattern}")


@functools.lru_cache(maxsize=1 << 17)
def _word_roles(token: str) -> tuple[str | None, str | None]:
    """(name feature, content stem) of a token of ``_WORDS_AND_BREAKS``, each None where the word is
    none; a sentence break is (None, "")."""
    if not token[0].isalpha():
        return None, ""
    lower = token.lower()
    if lower in _STOP:
        return None, None
    stem = lower.replace("’", "'")[:6]                               # _stem(token)
    return ("@" + stem if token[0].isupper() else None), (stem if len(token) > 2 else None)


# --- MinHash LSH over hashed features (numpy, whole corpus at once) -----------------------------------

#: Never drop a feature found in fewer documents than this, whatever ``max_df`` says: a story copied
#: this many times keeps the features its copies share, in a corpus of any size.
MIN_DF_CUT = 50
_MIX1, _MIX2 = np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35)


def _hash_features(feats: Iterable[str]) -> np.ndarray:
    """Sorted unique 32-bit hashes of feature strings (CRC-32 through MurmurHash3's finaliser)."""
    h = np.fromiter(map(zlib.crc32, map(str.encode, feats)), dtype=np.uint32)   # UTF-8
    h ^= h >> np.uint32(16)
    h *= _MIX1
    h ^= h >> np.uint32(13)
    h *= _MIX2
    h ^= h >> np.uint32(16)
    return np.unique(h)


def _feature_hashes(frame: pd.DataFrame) -> pd.DataFrame:
    """``doc_id`` and ``hashes`` (:func:`_hash_features` of :func:`story_features`) of each document of
    ``frame`` (``doc_id``, ``text``), in its order: the per-document part of :func:`find_copies`."""
    hashes = _objects([_hash_features(story_features(_text(text))) for text in frame["text"].tolist()])
    return pd.DataFrame({"doc_id": frame["doc_id"].to_numpy(), "hashes": hashes})


def _objects(values: list[Any]) -> np.ndarray:
    """A 1-d object array holding ``values`` as they are (``np.array`` would stack equal-length arrays
    or lists into a 2-d array)."""
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


def _text(value: str | tuple[str, ...]) -> str:
    """A document's text: ``value`` itself, or its paragraphs (a tuple) joined by a blank line.

    :func:`annotate` passes each document's body text around as the tuple of its paragraph strings, which
    the paragraphs table already holds, and joins it only where it is read, one document at a time: one
    string per document would be a second copy of the corpus's text (at 100,000 generated documents
    1,066 MB, twice the paragraphs' 596 MB, since a text with one character beyond Latin-1, such as a
    curly quote, takes two bytes for every character).

    Example:
        >>> _text(("First paragraph.", "Second one.")).split("\\n\\n")
        ['First paragraph.', 'Second one.']
    """
    return value if isinstance(value, str) else "\n\n".join(value)


def _per_document(frame: pd.DataFrame, func: Callable[..., pd.DataFrame], *, engine: str, scheduler: Any,
                  npartitions: int | str | None, **kwargs: Any) -> pd.DataFrame:
    """``func(frame, **kwargs)`` (one row per document, ``doc_id`` first) with the pandas engine in one
    batch or over partitions of documents (:func:`kzlib.engine.map_partitions_by_document`), in
    ``doc_id`` order."""
    from kzlib.engine import map_partitions_by_document

    return map_partitions_by_document(frame, func, engine=engine, scheduler=scheduler, npartitions=npartitions,
                                      sort_by=["doc_id"], **kwargs)


@functools.lru_cache(maxsize=32)
def _lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) for a Jaccard threshold: the rows datasketch's ``MinHashLSH`` chooses
    (:func:`_lsh_rows`) and as many bands as the permutations allow (every pair LSH proposes is
    checked exactly, so more bands only add recall)."""
    rows = _lsh_rows(threshold, num_perm)
    return num_perm // rows, rows


def _lsh_rows(threshold: float, num_perm: int) -> int:
    """The rows r of the banding (b bands of r rows, b * r <= ``num_perm``) with the least false-positive
    plus false-negative probability mass, weighted equally: ``∫_0^t P(s) ds + ∫_t^1 (1 - P(s)) ds`` for
    ``P(s) = 1 - (1 - s**r)**b``, the chance that a pair of Jaccard s shares a band, and t the threshold.

    The search and the integrals are those of datasketch 1.6-2.0 (``datasketch.lsh._optimal_param``
    with weights 0.5 and 0.5, which ``MinHashLSH`` uses), written out here rather than imported from a
    private function; the first (b, r) in that order wins a tie, as there.
    """
    from scipy.integrate import quad

    best, best_rows = float("inf"), 0
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = quad(lambda s, r=r, b=b: 1 - (1 - s ** float(r)) ** float(b), 0.0, threshold)[0]
            fn = quad(lambda s, r=r, b=b: 1 - (1 - (1 - s ** float(r)) ** float(b)), threshold, 1.0)[0]
            error = fp * 0.5 + fn * 0.5
            if error < best:
                best, best_rows = error, r
    return best_rows


def _signatures(hashes: np.ndarray, offsets: np.ndarray, *, num_perm: int, seed: int,
                chunk: int = 512) -> np.ndarray:
    """MinHash signatures (documents x ``num_perm``, uint32) of the documents whose feature hashes are
    ``hashes[offsets[i]:offsets[i + 1]]`` (none empty). Permutation k of a hash h is the top 32 bits of
    ``a_k * h + b_k`` modulo 2**64 (multiply-add-shift, a universal family); ``seed`` draws a and b.
    The documents are taken ``chunk`` features at a time (at least one document): 512 x 256 permuted
    values (1 MiB) stay in the processor's cache, twice as fast as 4,096."""
    rng = np.random.RandomState(seed)
    a = rng.randint(1, 2**63 - 1, size=num_perm, dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.randint(0, 2**63 - 1, size=num_perm, dtype=np.int64).astype(np.uint64)
    n = len(offsets) - 1
    sig = np.empty((n, num_perm), dtype=np.uint32)
    start = 0
    while start < n:
        stop = max(start + 1, int(np.searchsorted(offsets, offsets[start] + chunk, side="right")) - 1)
        stop = min(stop, n)
        lo, hi = offsets[start], offsets[stop]
        with np.errstate(over="ignore"):
            h64 = hashes[lo:hi, None].astype(np.uint64)     # per chunk: no 64-bit copy of every hash
            perm = ((h64 * a[None, :] + b[None, :]) >> np.uint64(32)).astype(np.uint32)
        sig[start:stop] = np.minimum.reduceat(perm, offsets[start:stop] - lo, axis=0)
        start = stop
    return sig


def _band_candidates(sig: np.ndarray, *, bands: int, rows: int) -> np.ndarray:
    """Pairs (i, j), i < j, of rows of ``sig`` equal on all ``rows`` values of at least one band, as
    codes ``i * n + j`` (sorted, unique)."""
    n = len(sig)
    if n < 2:
        return np.empty(0, dtype=np.int64)
    codes = []
    for k in range(bands):
        block = sig[:, k * rows:(k + 1) * rows].astype(np.uint64)
        key = block[:, 0].copy()
        with np.errstate(over="ignore"):
            for c in range(1, rows):   # a 64-bit key per band (a collision only adds a candidate to check)
                key = key * np.uint64(0x9E3779B97F4A7C15) ^ block[:, c]
        order = np.argsort(key, kind="stable")
        ks = key[order]
        starts = np.flatnonzero(np.r_[True, ks[1:] != ks[:-1]])
        lengths = np.diff(np.r_[starts, n])
        two = starts[lengths == 2]
        if len(two):
            i, j = order[two], order[two + 1]
            codes.append(np.minimum(i, j).astype(np.int64) * n + np.maximum(i, j))
        for ln in np.unique(lengths[lengths > 2]).tolist():   # buckets of 3 or more, those of one size at once
            at = starts[lengths == ln]
            members = np.sort(order[at[:, None] + np.arange(ln)], axis=1).astype(np.int64)
            ii, jj = np.triu_indices(ln, k=1)
            codes.append((members[:, ii] * n + members[:, jj]).ravel())
    return np.unique(np.concatenate(codes)) if codes else np.empty(0, dtype=np.int64)


# --- copies ------------------------------------------------------------------------------------------

def _align_share(sents_a: list[frozenset[str]], sents_b: list[frozenset[str]], *,
                 min_sim: float = 0.3) -> tuple[float, list[tuple[int, int, float]]]:
    """Share of the shorter document's sentences that have a matching sentence in the other."""
    if not sents_a or not sents_b:
        return 0.0, []
    short, long_, flip = (sents_a, sents_b, False) if len(sents_a) <= len(sents_b) else (sents_b, sents_a, True)
    index: dict[str, list[int]] = defaultdict(list)
    for j, fs in enumerate(long_):
        for f in fs:
            index[f].append(j)
    pairs = []
    for i, fs in enumerate(short):
        if len(fs) < 3:
            continue
        overlap: Counter = Counter()
        for f in fs:
            overlap.update(index.get(f, ()))
        best, best_sim = -1, 0.0
        for j, n in overlap.items():
            sim = n / (len(fs) + len(long_[j]) - n)
            if sim > best_sim or (sim == best_sim and j < best):
                best, best_sim = j, sim
        if best_sim >= min_sim:
            pairs.append((best, i, best_sim) if flip else (i, best, best_sim))
    usable = sum(1 for fs in short if len(fs) >= 3)
    return (len(pairs) / usable if usable else 0.0), pairs


def find_copies(texts: pd.Series, *, threshold: float = 0.4, lsh_threshold: float = 0.1,
                num_perm: int = 256, max_df: float | int = 0.01, seed: int = 0, engine: str = "pandas",
                scheduler: Any = None, npartitions: int | str | None = None) -> pd.DataFrame:
    """Pairs of documents that are copies of one story.

    ``texts`` is indexed by ``doc_id`` (de-spun body text). Candidates are the pairs whose *rare*
    :func:`story_features` have a Jaccard similarity of at least ``lsh_threshold``. Rare: features found
    in at most ``max_df`` of the documents (a share; an int is a number of documents; never fewer than
    :data:`MIN_DF_CUT` documents) -- names and phrases every article on the crisis writes (``@tokaye``,
    ``@csto``) make unrelated articles alike, and with them the candidates grow with the square of the
    corpus. The pairs are found by MinHash LSH (``num_perm`` permutations, banded for
    ``lsh_threshold`` as datasketch chooses bands and rows), so the cost grows with the number of
    documents, not of pairs, and the Jaccard of each pair LSH proposes is then computed exactly. A
    candidate is a copy when at least ``threshold`` of the shorter document's sentences align with a
    sentence of the other (Jaccard of content stems, numbers and names >= 0.3).

    Each document's features and their hashes are computed per document: with ``engine="dask"`` over
    partitions of documents on ``scheduler`` (see :func:`kzlib.engine.map_partitions_by_document`, which
    also reads ``npartitions``); the signatures, the banding and the verification run here.

    Returns ``doc_a``, ``doc_b``, ``similarity`` (the aligned share), ``feature_jaccard`` (over all
    features), ``aligned_sentences``, ``shared_numbers``, ``shared_names``, ``evidence``, sorted.

    Example:
        >>> t = pd.Series({"a": "Putin met Biden in 2021. They spoke of Ukraine and NATO expansion.",
        ...                "b": "In 2021 Putin met Biden. They discussed Ukraine and the NATO expansion."})
        >>> find_copies(t)[["doc_a", "doc_b"]].values.tolist()
        [['a', 'b']]
    """
    if not 0 < threshold <= 1 or not 0 < lsh_threshold < 1:
        raise ParameterError("threshold must be in (0, 1] and lsh_threshold in (0, 1); "
                             f"got {threshold} and {lsh_threshold}")
    if isinstance(max_df, (bool, np.bool_)) or not (
            (isinstance(max_df, (int, np.integer)) and max_df >= 1) or (isinstance(max_df, float) and 0 < max_df <= 1)):
        raise ParameterError(f"max_df must be a share of documents in (0, 1] or a number of documents >= 1; "
                             f"got {max_df!r}")
    texts = texts.copy()
    texts.index = texts.index.astype(str)
    candidates = _candidate_pairs(texts, lsh_threshold=lsh_threshold, num_perm=num_perm, max_df=max_df,
                                  seed=seed, engine=engine, scheduler=scheduler, npartitions=npartitions)["pairs"]

    # verify the candidates by aligning sentences (per partition of pairs, grouped by their first document)
    from kzlib.engine import map_partitions_by_document

    frame = pd.DataFrame({"doc_a": [a for a, _ in candidates], "doc_b": [b for _, b in candidates]})
    frame["text_a"] = texts.reindex(frame["doc_a"]).to_numpy()
    frame["text_b"] = texts.reindex(frame["doc_b"]).to_numpy()
    return map_partitions_by_document(frame, _verify_pairs, key="doc_a", engine=engine, scheduler=scheduler,
                                      npartitions=npartitions, sort_by=["doc_a", "doc_b"], threshold=threshold)


_COPY_COLUMNS = ["doc_a", "doc_b", "similarity", "feature_jaccard", "aligned_sentences", "shared_numbers",
                 "shared_names", "evidence"]


def _verify_pairs(frame: pd.DataFrame, *, threshold: float) -> pd.DataFrame:
    """The candidate pairs of ``frame`` (``doc_a``, ``doc_b``, ``text_a``, ``text_b``) that are copies: at
    least ``threshold`` of the shorter one's sentences align with a sentence of the other; the rows of
    :func:`find_copies`. A document's features are kept while a later pair needs them."""
    candidates = list(zip(frame["doc_a"].tolist(), frame["doc_b"].tolist()))
    text_of = dict(zip(frame["doc_a"].tolist(), frame["text_a"].tolist()))
    text_of.update(zip(frame["doc_b"].tolist(), frame["text_b"].tolist()))
    last_use: dict[str, int] = {}
    for k, (a, b) in enumerate(candidates):
        last_use[a] = last_use[b] = k
    sents: dict[str, list[frozenset[str]]] = {}
    feats: dict[str, set[str]] = {}
    rows_out = []
    for k, (a, b) in enumerate(candidates):
        for d in (a, b):
            if d not in sents:
                sents[d] = [_sentence_features(x) for x in _sentences(_text(text_of[d]))]
        share, pairs = _align_share(sents[a], sents[b])
        if share >= threshold:
            fa = feats[a] if a in feats else feats.setdefault(a, story_features(_text(text_of[a])))
            fb = feats[b] if b in feats else feats.setdefault(b, story_features(_text(text_of[b])))
            jacc = len(fa & fb) / len(fa | fb) if fa or fb else 0.0
            nums = sorted(f[1:] for f in fa & fb if f.startswith("#"))
            names = sorted(f[1:] for f in fa & fb if f.startswith("@"))
            rows_out.append({
                "doc_a": a, "doc_b": b, "similarity": round(share, 3), "feature_jaccard": round(jacc, 3),
                "aligned_sentences": len(pairs), "shared_numbers": " ".join(nums[:20]),
                "shared_names": " ".join(names[:20]),
                "evidence": (f"{len(pairs)} sentences aligned ({share:.0%} of the shorter copy); "
                             f"{len(nums)} shared numbers; {len(names)} shared names"),
            })
        for d in (a, b):
            if last_use[d] == k:
                sents.pop(d, None)
                feats.pop(d, None)
    return pd.DataFrame(rows_out, columns=_COPY_COLUMNS)


def _candidate_pairs(texts: pd.Series, *, lsh_threshold: float, num_perm: int, max_df: float | int,
                     seed: int, engine: str = "pandas", scheduler: Any = None,
                     npartitions: int | str | None = None) -> dict:
    """Candidate pairs of :func:`find_copies` (``pairs``: (doc_a, doc_b) sorted) and how they were found
    (``proposed`` by LSH before the exact Jaccard check, ``df_cut``, ``bands``, ``rows``)."""
    ids = sorted(texts.index)
    n = len(ids)
    cut = int(max_df) if isinstance(max_df, (int, np.integer)) else max(MIN_DF_CUT, max_df * n)
    # hashed features per document (per partition), their document frequency, and the rare ones' MinHash
    # signatures
    frame = pd.DataFrame({"doc_id": ids, "text": texts.reindex(ids).to_numpy()})
    hashed = _per_document(frame, _feature_hashes, engine=engine, scheduler=scheduler, npartitions=npartitions)
    del frame
    per_doc = hashed["hashes"].tolist()
    if hashed["doc_id"].tolist() != ids:   # each partition keeps its documents' order; the engine sorts
        raise RuntimeError("find_copies: the per-document feature hashes came back out of order")
    del hashed
    sizes = np.array([len(h) for h in per_doc], dtype=np.int64)
    hashes = np.concatenate(per_doc) if per_doc else np.empty(0, dtype=np.uint32)
    del per_doc
    # a feature is rare in at most `cut` documents (each document's hashes are unique); the common ones
    # are few, so they are found without a count per distinct feature or an index per hash
    keep = _not_in(hashes, _more_often_than(hashes, int(cut)))
    kept_sizes = np.zeros(n, dtype=np.int64)
    nonempty = np.flatnonzero(sizes > 0)
    if len(nonempty):
        starts = (np.cumsum(sizes) - sizes)[nonempty]
        kept_sizes[nonempty] = np.add.reduceat(keep, starts, dtype=np.int64)
    hashes = hashes[keep]
    del keep
    has = np.flatnonzero(kept_sizes > 0)
    offsets = np.r_[0, np.cumsum(kept_sizes[has])]
    bands, rows = _lsh_bands(lsh_threshold, num_perm)
    sig = _signatures(hashes, offsets, num_perm=bands * rows, seed=seed)
    codes = _band_candidates(sig, bands=bands, rows=rows)
    del sig
    m = len(has)
    pairs = []
    for c in codes.tolist():   # the exact Jaccard of the rare features of each pair LSH proposes
        i, j = divmod(c, m)
        fa, fb = hashes[offsets[i]:offsets[i + 1]], hashes[offsets[j]:offsets[j + 1]]
        shared = len(np.intersect1d(fa, fb, assume_unique=True))
        if shared >= lsh_threshold * (len(fa) + len(fb) - shared):
            pairs.append((ids[has[i]], ids[has[j]]))
    log.info("find_copies: %d documents (%d with features in at most %d documents); LSH (%d bands of %d "
             "rows) proposed %d pairs, %d of them with a Jaccard >= %s", n, m, int(cut), bands, rows, len(codes),
             len(pairs), lsh_threshold)
    return {"pairs": pairs, "proposed": len(codes), "df_cut": cut, "bands": bands, "rows": rows}


def _more_often_than(values: np.ndarray, k: int) -> np.ndarray:
    """The distinct values found more than ``k`` (>= 1) times in ``values``, sorted: sorted, such a value
    equals the one ``k`` places on. Holds one sorted copy and a mask, not a count per distinct value."""
    if len(values) <= k:
        return np.empty(0, dtype=values.dtype)
    ordered = np.sort(values)
    return np.unique(ordered[k:][ordered[k:] == ordered[:-k]])


def _not_in(values: np.ndarray, excluded: np.ndarray, *, chunk: int = 1 << 16) -> np.ndarray:
    """A mask of the ``values`` not among ``excluded`` (sorted), computed ``chunk`` values at a time."""
    keep = np.ones(len(values), dtype=bool)
    if len(excluded):
        for lo in range(0, len(values), chunk):
            part = values[lo:lo + chunk]
            at = np.minimum(np.searchsorted(excluded, part), len(excluded) - 1)
            keep[lo:lo + chunk] = excluded[at] != part
    return keep


def similarity_matrix(texts: pd.Series, *, max_docs: int = 200) -> pd.DataFrame:
    """All-pairs aligned-sentence share (the :func:`find_copies` similarity), for a heatmap.

    Quadratic, so limited to ``max_docs`` documents (the first by ``doc_id``); the diagonal is 1.

    Example:
        >>> t = pd.Series({"a": "Putin met Biden in 2021.", "b": "In 2021 Putin met Biden."})
        >>> float(similarity_matrix(t).loc["a", "b"])
        1.0
    """
    ids = sorted(texts.index.astype(str))
    if len(ids) > max_docs:
        log.warning("similarity_matrix: %d documents, showing the first %d", len(ids), max_docs)
        ids = ids[:max_docs]
    texts = texts.copy()
    texts.index = texts.index.astype(str)
    sents = {d: [_sentence_features(s) for s in _sentences(texts[d])] for d in ids}
    mat = np.eye(len(ids))
    for i, a in enumerate(ids):
        for j in range(i + 1, len(ids)):
            mat[i, j] = mat[j, i] = round(_align_share(sents[a], sents[ids[j]])[0], 3)
    return pd.DataFrame(mat, index=ids, columns=ids)


def _stories(ids: list[str], copies: pd.DataFrame) -> dict[str, str]:
    parent = {d: d for d in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(copies["doc_a"], copies["doc_b"]):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {d: find(d) for d in ids}


# --- versions ----------------------------------------------------------------------------------------

_ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|St|vs|etc|No|Gen|Sen|Rep|Jr|Sr|Inc|Co|Corp|Ltd|Col|Lt|Gov|Prof|approx)\.$")
_LOWER_START = re.compile(r"(\S+)[.!?]\s+([a-z][a-z]*)")
_SPACE_PUNCT = re.compile(r"[.,;:]\s+[,.;:](?=\s|$|[\"”])|\w\s+[,;](?=\s|$)")
_STRANDED = re.compile(r"(?:(?<=[.!?] )|(?<=[.!?][\"”] )|^)(?:Is|Are|Was|Were|Has|Have|Had|Been|It was|It is)"
                       r"[.,][\"”]?(?=\s|$)", re.MULTILINE)
_DASH_PARA = re.compile(r"^\s*[–—]\s+\S", re.MULTILINE)
_DASH_ATTRIB = re.compile(r"[\"”»]?\s*,?\s+[–—]\s+(?:he|she|they|I|we|says?|said|explains?|notes?|adds?|believes?|"
                          r"stresses?|according)\b")
_SPACE_CLOSE_QUOTE = re.compile(r"\w[,.!?]?\s+”")
# as many matches as the two patterns above, searched from a character re finds fast (a dash, a space):
# each match of those holds one dash / one closing quote, and needs only the white space just before
# it (and the word after the dash / the word character, with maybe , . ! or ?, before the space)
_DASH_ATTRIB_AT_DASH = re.compile(r"[–—](?<=\s[–—])\s+(?:he|she|they|I|we|says?|said|explains?|notes?|adds?|"
                                  r"believes?|stresses?|according)\b")
_SPACE_CLOSE_QUOTE_AT_SPACE = re.compile(r"\s(?:(?<=\w\s)|(?<=\w[,.!?]\s))\s*”")
_TRANSLATED_NOTE = re.compile(r"\btranslated (?:from|by)\b|\btranslation (?:from|by)\b", re.IGNORECASE)


# cheap necessary conditions of the patterns above (a text without them has no match)
_LOWER_START_AT_TOKEN = re.compile(r"(?<!\S)(\S+)[.!?]\s+([a-z][a-z]*)")
_LOWER_NEEDS = re.compile(r"[.!?]\s+[a-z]")
_STRANDED_NEEDS = re.compile(r"(?:Is|Are|Was|Were|Has|Have|Had|Been|It was|It is)[.,]")
_SPACE_PUNCT_NEEDS = re.compile(r"\s[,.;:]")


def _lower_starts(text: str) -> Iterable[re.Match]:
    """The matches of ``_LOWER_START.finditer(text)``, found faster: a match starts at a word's first
    character, or where the previous match ended (inside a word)."""
    pos = 0
    while True:
        m = _LOWER_START.match(text, pos) if pos and not text[pos - 1].isspace() else None
        if m is None:
            m = _next_lower_start(text, pos)
            if m is None:
                return
        yield m
        pos = m.end()


def _next_lower_start(text: str, pos: int) -> re.Match | None:
    """``_LOWER_START_AT_TOKEN.search(text, pos)``, found faster: a match lies in one word (white-space
    delimited) and the space after it, and that word holds the match's ``[.!?]\\s+[a-z]``
    (``_LOWER_NEEDS``); so only the words where ``_LOWER_NEEDS`` is found are tried, from their start
    (or ``pos``, inside the first)."""
    at = pos
    while (need := _LOWER_NEEDS.search(text, at)) is not None:
        start = need.start()
        while start > pos and not text[start - 1].isspace():
            start -= 1
        m = _LOWER_START_AT_TOKEN.match(text, start)
        if m is not None:
            return m
        at = need.start() + 1
    return None


def _mt_evidence(text: str) -> list[str]:
    """Artefacts of machine translation: sentences cut in the middle (a lower-case word after a full stop
    that ends no abbreviation), stranded auxiliaries ("... Agreement. Is. The ..."), stray punctuation
    (". ,"). Returns the snippets found."""
    found = []
    for m in _lower_starts(text):
        if not _ABBREV_END.search(m.group(1) + "."):
            found.append(m.group(0))
    if _STRANDED_NEEDS.search(text):
        found += [m.group(0).strip() for m in _STRANDED.finditer(text)]
    if _SPACE_PUNCT_NEEDS.search(text):
        found += [m.group(0) for m in _SPACE_PUNCT.finditer(text)]
    return found


def _translation_evidence(text: str) -> int:
    """Conventions a human translation from Russian (and other languages) carries over: dash-led
    direct speech, dash attributions ("..., – he said") and a space before a closing quotation mark."""
    n = 0
    if "–" in text or "—" in text:
        n += len(_DASH_PARA.findall(text)) + len(_DASH_ATTRIB_AT_DASH.findall(text))
    if "”" in text:
        n += len(_SPACE_CLOSE_QUOTE_AT_SPACE.findall(text))
    if "translat" in text.casefold():
        n += 5 * len(_TRANSLATED_NOTE.findall(text))
    return n


def detect_versions(texts: pd.Series, *, spin_scores: pd.Series, stories: pd.Series | None = None,
                    republished: pd.Series | None = None, spin_threshold: float = SPIN_THRESHOLD,
                    mt_threshold: float = 2.0, translation_threshold: float = 5.0,
                    min_words: int = 50) -> pd.DataFrame:
    """Detect what kind of copy each document is, from its own text.

    ``texts`` (raw body text) and ``spin_scores`` are indexed by ``doc_id``; ``republished`` marks
    documents carrying a syndication notice. Rules, in this order: ``spun`` (spin score >=
    ``spin_threshold``), ``machine-translated`` (MT artefacts per 1,000 words >= ``mt_threshold``),
    ``translated`` (translation conventions per 1,000 words >= ``translation_threshold``),
    ``republished`` (a syndication notice), ``unknown`` (fewer than ``min_words`` words), else
    ``original``. The machine-translation and translation rules also need three artefacts at least.
    Returns ``version_detected``, ``mt_score``, ``translation_score``, ``version_evidence``.

    Example:
        >>> t = pd.Series({"a": "The talks began. will continue next week. on Monday officials said. " * 10})
        >>> detect_versions(t, spin_scores=pd.Series({"a": 0.0}))["version_detected"].item()
        'machine-translated'
    """
    rows = []
    for doc_id, text in texts.items():
        n_words = max(len(_WORDS.findall(text)), 1)
        mt_found = _mt_evidence(text)
        n_tr = _translation_evidence(text)
        mt = 1000.0 * len(mt_found) / n_words
        tr = 1000.0 * n_tr / n_words
        spin = float(spin_scores.get(doc_id, 0.0))
        notice = republished is not None and bool(republished.get(doc_id, False))
        if spin >= spin_threshold:
            version = "spun"
        elif mt >= mt_threshold and len(mt_found) >= 3:
            version = "machine-translated"
        elif tr >= translation_threshold and n_tr >= 3:
            version = "translated"
        elif notice:
            version = "republished"
        elif n_words < min_words:
            version = "unknown"
        else:
            version = "original"
        evidence = [f"spin {spin:.1f}/1000 words"]
        if mt_found:
            evidence.append(f"{len(mt_found)} MT artefacts ({'; '.join(repr(x) for x in mt_found[:3])})")
        if n_tr:
            evidence.append(f"{n_tr} translation conventions (dash-led speech, dash attributions)")
        if notice:
            evidence.append("syndication notice")
        rows.append({"doc_id": doc_id, "version_detected": version, "mt_score": round(mt, 2),
                     "translation_score": round(tr, 2), "version_evidence": "; ".join(evidence)})
    return pd.DataFrame(rows, columns=["doc_id", "version_detected", "mt_score", "translation_score",
                                       "version_evidence"]).set_index("doc_id")


# --- learning substitutions nobody listed -----------------------------------------------------------

_SPAN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|[^\sA-Za-z]+")


_SPAN_TOKENS = re.compile(r"[A-Za-z][A-Za-z'’]*|[^\sA-Za-z-]+|-")
_SPAN_TOKENS_AND_LINES = re.compile(rf"{_SPAN_TOKENS.pattern}|\n")
# two capitalised words with only spaces, hyphens and connectors between: a sentence without it has no span
_CAPS_PAIR = re.compile(r"[A-Z][A-Za-z'’]*[\s-]+(?:(?:of|for|and|de|in)(?:['’]s?)?[\s-]+)*[A-Z]")


@functools.lru_cache(maxsize=1 << 16)
def _span_role(token: str) -> tuple[int, str]:
    """What a token of ``_SPAN_TOKENS`` is to a name span, and the word without its possessive ending:
    1 a capitalised word, 2 a connector (of, for, ...), 3 a hyphen (skipped), 0 anything else (ends
    the span)."""
    if token == "-":
        return 3, token
    if token[0].isalpha():
        word = _POSSESSIVE.sub("", token)
        if word[0].isupper():
            return 1, word
        if word in _CONNECTORS:
            return 2, word
    return 0, token


def _caps_spans(text: str) -> list[list[str]]:
    """Runs of capitalised words (with of/for/and/de/in inside), hyphenated words split: name-like spans.

    A run ends at a sentence break too; the tokens of the whole text are those of its _sentences,
    with a line break as a token that ends a run (a break after . ! or ? follows a token that ends
    one anyway, and the quote it may start with is no word)."""
    spans: list[list[str]] = []
    if not _CAPS_PAIR.search(text):
        return spans
    run: list[str] = []
    for role, word in map(_span_role, _SPAN_TOKENS_AND_LINES.findall(text)):
        if role == 1:
            run.append(word)
        elif role == 2:
            if run:
                run.append(word)
        elif role == 0 and run:
            _end_run(run, spans)
            run = []
    if run:
        _end_run(run, spans)
    return spans


def _end_run(run: list[str], spans: list[list[str]]) -> None:
    """Keep a run of two name words or more, less the connectors it ends with (it starts with a name)."""
    while run[-1] in _CONNECTORS:
        run.pop()
    if len(run) >= 2:
        spans.append(run)


def _span_key(span: list[str], i: int) -> tuple:
    """Up to two name words either side of position ``i``, and whether they reach the span's edges."""
    return tuple(span[max(0, i - 2):i]), tuple(span[i + 1:i + 3]), i < 2, len(span) - 1 - i < 2


def _similar(a: str, b: str) -> bool:
    """Spelling or transliteration variants (Tileuberdi / Tlebardi), which are not spinner swaps."""
    from rapidfuzz import fuzz

    a, b = a.lower(), b.lower()
    if a.startswith(b) or b.startswith(a):
        return False
    return fuzz.ratio(a, b) >= 70


def _phrase_counts(texts: Iterable[str], phrases: Iterable[str], n_max: int = 3) -> tuple[Counter, int]:
    """How often each of ``phrases`` occurs as an n-gram (n <= ``n_max``) of the texts' lower-cased words
    (``_WORDS``, ’ read as '), and the number of words. Only the n-grams asked about are built, not every
    n-gram of the corpus."""
    by_first: dict[str, list[list[str]]] = defaultdict(list)
    for ph in set(phrases):
        toks = ph.split(" ")
        if len(toks) <= n_max:
            by_first[toks[0]].append(toks)
    counts: Counter = Counter()
    total = 0
    for text in texts:
        # ASCII lower case (the words are ASCII letters), ’ read as ': the words of _ngram counting
        toks = _WORDS.findall(text.encode("utf-8").lower().decode("utf-8").replace("’", "'"))
        total += len(toks)
        for i in itertools.compress(range(len(toks)), map(by_first.__contains__, toks)):   # in C
            for ph in by_first[toks[i]]:
                if toks[i:i + len(ph)] == ph:
                    counts[" ".join(ph)] += 1
    return counts, total


def _used_alone(texts: Iterable[str], words: set[str]) -> set[str]:
    """Those of ``words`` (capitalised) some text uses alone in mid-sentence -- after a comma or a
    lower-case word, before a lower-case word -- as a surname is used."""
    out: set[str] = set()
    for text in texts:
        if not any(w in text for w in words - out):
            continue
        for sent in _sentences(text):
            tokens = sent.split()
            for prev, w, nxt in zip(tokens, tokens[1:], tokens[2:]):
                if (w in words and _CAPITALISED.fullmatch(w) and nxt[0].islower() and nxt not in _CONNECTORS
                        and (prev[-1] in ",;:\"”" or (prev[0].islower() and prev not in _DETERMINERS))):
                    out.add(w)
    return out


_CAPITALISED = re.compile(r"[A-Z][a-z]+")


def _tokens(sentence: str) -> list[str]:
    return _TOKEN.findall(sentence.translate(_QUOTES))


@dataclasses.dataclass
class SpinRepairer:
    """Learn spinner substitutions from a corpus, beyond the phrase table, and repair spun text.

    ``fit(texts, spun=..., stories=...)`` reads each document's (table-de-spun) body text, which
    documents are spun, and which are copies of one story. It learns two kinds of substitution, each a
    row of the phrase-table format (``learned_``, with ``mechanism`` and ``evidence`` columns):

    - **names and fixed phrases** (``mechanism="name-context"``): a capitalised word of a spun copy that
      the clean documents (or the gazetteer names) never write in that context, where they write
      another word with the same neighbours ("Ned Worth" / "Ned Price", "Moscow State College" /
      "Moscow State University"); spelling variants (Tileuberdi / Tlebardi) are left alone;
    - **gazetteer variants** (``mechanism="gazetteer"``, from ``variants``): two names of one actor
      that differ by dissimilar words ("Ned Worth" / "Ned Price"), the clean text using only one;
    - **aligned copies** (``mechanism="aligned-copy"``): a word or short phrase that an aligned
      sentence of a clean copy of the same story writes otherwise between the same neighbours, kept
      when the corpus's frequencies show it is the spinner's swap: the spun word is over-used in spun
      text (``min_ratio`` times its clean rate, seen at least ``min_count`` times) and the clean word
      is under-used there (the spinner replaced it everywhere), and the same swap is seen at
      ``min_aligned`` aligned positions at least (once may be the translator's paraphrase).

    ``transform(text)`` applies table and learned rows (learned rows only to spun text).

    Example:
        >>> texts = pd.Series({"s": "State Division spokesperson Ned Worth spoke. Worth spoke again.",
        ...                    "c": "State Department spokesman Ned Price said. Price said it twice."})
        >>> r = SpinRepairer().fit(texts, spun=pd.Series({"s": True, "c": False}))
        >>> r.transform("Ned Worth spoke.", spun=True)
        'Ned Price spoke.'
    """

    table: pd.DataFrame | None = None
    gazetteer: tuple[str, ...] = ()
    min_count: int = 2
    min_ratio: float = 4.0
    max_phrase: int = 3
    max_refs: int = 3
    min_aligned: int = 2
    variants: tuple[tuple[str, str], ...] = ()

    def fit(self, texts: pd.Series, *, spun: pd.Series, stories: pd.Series | None = None,
            raw: pd.Series | None = None, extra_reference: Iterable[str] = (), engine: str = "pandas",
            scheduler: Any = None, npartitions: int | str | None = None) -> SpinRepairer:
        """Learn substitutions from ``texts`` (indexed by doc_id; table-de-spun body text), ``spun``
        (bool per doc_id) and ``stories`` (story_id per doc_id; ``None``: no aligned copies). ``raw``
        is the text before any repair (default ``texts``); ``extra_reference`` is more clean text
        (captions, titles) used only as reference for names. The swaps between aligned copies are found
        per partition of whole stories, and the swapped phrases counted per partition of documents
        (``engine``, ``scheduler``, ``npartitions``: see :func:`kzlib.engine.map_partitions_by_document`);
        what is learnt does not depend on the engine."""
        raw = texts if raw is None else raw.reindex(texts.index).fillna("")
        base = spin_table() if self.table is None else self.table
        self.table_ = base
        spun = spun.reindex(texts.index).fillna(False).astype(bool)
        spun_ids = sorted(spun[spun].index)
        clean_ids = sorted(spun[~spun].index)
        known = {re.sub(r"\s+", " ", a.lower()) + "\t" + b.lower() for a, b in zip(base["spun"], base["original"])}
        gaz_tokens = {t for name in self.gazetteer for t in re.findall(r"[A-Za-z][A-Za-z'’]*", name)}
        rows: list[dict] = []
        for spun_form, original in self.variants:
            rows.append({"spun": spun_form, "original": original, "scope": "spun", "left": "", "right": "",
                         "case": "exact", "mechanism": "gazetteer", "story": "",
                         "source": "learned: the actor gazetteer lists both forms; the clean text uses only the original",
                         "evidence": f"gazetteer: '{spun_form}' and '{original}' name one actor"})
        if spun_ids and (clean_ids or self.gazetteer):
            rows += self._learn_names(texts, raw, spun_ids, clean_ids, stories, list(extra_reference), gaz_tokens)
            if stories is not None:
                rows += self._learn_aligned(texts, spun_ids, clean_ids, stories, gaz_tokens,
                                            {"engine": engine, "scheduler": scheduler, "npartitions": npartitions})
        learned = pd.DataFrame(rows, columns=["spun", "original", "scope", "left", "right", "case", "source",
                                              "mechanism", "story", "evidence", "in_table"])
        if len(learned):
            pairs = learned["spun"].str.lower() + "\t" + learned["original"].str.lower()
            learned["in_table"] = pairs.isin(known)
            learned = (learned.sort_values(["mechanism", "story", "spun", "original", "left", "right"])
                       .drop_duplicates(["story", "spun", "original", "left", "right"]).reset_index(drop=True))
        self.learned_ = learned
        self._cache: dict[str, tuple[_Compiled, _Compiled | None]] = {}
        self._learned_cache: dict[str, _Compiled | None] = {}
        self._own_rows = set(learned["story"]) - {""} if len(learned) else set()
        log.info("SpinRepairer: learned %d substitutions (%d not in the phrase table)",
                 len(learned), int((~learned["in_table"]).sum()) if len(learned) else 0)
        return self

    # names ------------------------------------------------------------------------------------------
    def _learn_names(self, texts, raw, spun_ids, clean_ids, stories, extra, gaz_tokens) -> list[dict]:
        ref: dict[tuple, Counter] = defaultdict(Counter)
        story_ref: dict[tuple, Counter] = defaultdict(Counter)
        clean_caps: Counter = Counter()
        story_of = stories.to_dict() if stories is not None else {}
        sources = [(d, texts[d]) for d in clean_ids] + [("", t) for t in extra]
        # the contexts asked about are those of the spun documents' name spans: only they are counted in
        # the clean text (a clean span sharing no word with them has none), and per story only in the
        # stories of spun documents
        spun_spans = {d: _caps_spans(_text(texts[d])) for d in spun_ids}
        wanted = {_span_key(span, i) for spans in spun_spans.values() for span in spans for i in range(len(span))}
        spun_words = {tok for spans in spun_spans.values() for span in spans for tok in span}
        spun_stories = {story_of.get(d) for d in spun_ids} if stories is not None else set()

        def reference_spans() -> Iterable[tuple[str, list[str]]]:
            for d, t in sources:
                for span in _caps_spans(_text(t)):
                    yield d, span
            for g in self.gazetteer:
                yield "", re.findall(r"[A-Za-z][A-Za-z'’]*", g)

        for doc_id, span in reference_spans():
            if spun_words.isdisjoint(span):
                continue
            story = story_of.get(doc_id) if (stories is not None and doc_id) else None
            for i, tok in enumerate(span):
                key = _span_key(span, i)
                if key not in wanted:
                    continue
                ref[key][tok] += 1
                if story is not None and story in spun_stories:
                    story_ref[(key, story)][tok] += 1
        n_clean = 0
        for _, text in sources:           # every word counted (in C), the capitalised ones kept after
            toks = _WORDS.findall(_text(text))
            n_clean += len(toks)
            clean_caps.update(toks)
        clean_caps = Counter({t: n for t, n in clean_caps.items() if t[0].isupper()})
        spun_caps: Counter = Counter()
        n_spun = 0
        for d in spun_ids:
            toks = _WORDS.findall(_text(raw[d]))
            n_spun += len(toks)
            spun_caps.update(toks)
        spun_caps = Counter({t: n for t, n in spun_caps.items() if t[0].isupper()})

        def removed(word: str) -> bool:   # the spinner replaced this word wherever it occurred
            return spun_caps[word] <= 1 or spun_caps[word] / max(n_spun, 1) <= 0.5 * clean_caps[word] / max(n_clean, 1)

        found = []
        for d in spun_ids:
            story = story_of.get(d) if stories is not None else None
            for span in spun_spans[d]:
                for i, tok in enumerate(span):
                    if (tok in _CONNECTORS or tok.isupper() or tok in gaz_tokens or len(tok) < 3
                            or clean_caps[tok] > 0):
                        continue
                    key = _span_key(span, i)
                    cands = ref.get(key)
                    if not cands:
                        continue
                    local = story_ref.get((key, story), Counter())
                    ranked = sorted(cands, key=lambda c: (-local[c], -cands[c], c))
                    best = ranked[0]
                    if len(ranked) > 1 and (local[ranked[1]], cands[ranked[1]]) == (local[best], cands[best]):
                        continue              # ambiguous
                    if best in _CONNECTORS or best.lower() == tok.lower() or _similar(tok, best) or not removed(best):
                        continue
                    found.append((d, tok, key, best, cands[best]))

        # a surname the clean text also uses alone (asked only about the words that need it)
        alone = _used_alone((_text(t) for _, t in sources), {best for _, _, key, best, _ in found if not key[1]})
        out = []
        seen: set[tuple] = set()
        for d, tok, key, best, n_best in found:
            left_toks, right_toks = key[0], key[1]
            left = (r"\b" + r"[\s-]+".join(map(re.escape, left_toks)) + r"[\s-]+$") if left_toks else ""
            right = (r"[\s-]+" + r"[\s-]+".join(map(re.escape, right_toks)) + r"\b") if right_toks else ""
            if best in alone and not right_toks:
                left = ""             # a surname the clean text also uses alone: repair it alone too
            row_key = (tok, best, left, right)
            if row_key in seen:
                continue
            seen.add(row_key)
            out.append({
                "spun": tok, "original": best, "scope": "spun", "left": left, "right": right,
                "case": "exact", "mechanism": "name-context", "story": "",
                "source": "learned: clean documents write another word between the same name words",
                "evidence": f"{d}: '{' '.join([*left_toks, tok, *right_toks])}' vs clean "
                            f"'{' '.join([*left_toks, best, *right_toks])}' (x{n_best}); "
                            f"'{best}' {spun_caps[best]}x in spun / {clean_caps[best]}x in clean text",
            })
        return out

    # aligned copies ---------------------------------------------------------------------------------
    def _learn_aligned(self, texts, spun_ids, clean_ids, stories, gaz_tokens, engine_kw) -> list[dict]:
        from kzlib.engine import map_partitions_by_document

        def rate_ratio(phrase: str) -> float:
            return ((spun_counts[phrase] + 0.5) / n_spun) / ((clean_counts[phrase] + 0.5) / n_clean)

        # the swaps seen between each spun document and the first clean copies of its story, per story
        story_of = {d: stories.get(d, d) for d in (*spun_ids, *clean_ids)}
        spun_set = set(spun_ids)
        spun_stories = {story_of[d] for d in spun_ids}
        members = [d for d in (*spun_ids, *clean_ids) if story_of[d] in spun_stories]
        frame = pd.DataFrame({"doc_id": members, "story": [story_of[d] for d in members],
                              "text": [texts[d] for d in members], "spun": [d in spun_set for d in members]})
        swaps = map_partitions_by_document(frame, _aligned_swaps, key="story", max_refs=self.max_refs,
                                           max_phrase=self.max_phrase, **engine_kw)
        found: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
        for story, s_phrase, c_phrase, where, after in zip(swaps["story"], swaps["spun_phrase"],
                                                           swaps["clean_phrase"], swaps["where"], swaps["after"]):
            found[(story, s_phrase, c_phrase)].append((where, after))
        # corpus frequencies of the phrases seen swapped (n-grams of the spun and of the clean text), per
        # partition of documents, added up
        phrases = {x for _, s_, c_ in found for x in (s_, c_)}
        frame = pd.DataFrame({"doc_id": [*spun_ids, *clean_ids], "text": [texts[d] for d in (*spun_ids, *clean_ids)],
                              "spun": [True] * len(spun_ids) + [False] * len(clean_ids)})
        counted = map_partitions_by_document(frame, _phrase_count_part, phrases=phrases, **engine_kw)
        del frame
        spun_counts: Counter = Counter()
        clean_counts: Counter = Counter()
        n_spun = n_clean = 0
        for spun, phrase, n in zip(counted["spun"].tolist(), counted["phrase"].tolist(), counted["n"].tolist()):
            if phrase:
                (spun_counts if spun else clean_counts)[phrase] += n
            elif spun:
                n_spun += n
            else:
                n_clean += n
        del counted
        if not n_spun or not n_clean:
            return []
        out = []
        for (story, s, c), seen in sorted(found.items()):
            where = [w for w, _ in seen]
            s_words, c_words = s.split(), c.split()
            if len(where) < self.min_aligned:
                continue              # a swap the spinner made once may be the translator's paraphrase
            if any(ws[0] in _STOP or ws[-1] in _STOP for ws in (s_words, c_words)):
                continue              # function words at the edge: grammar of the translation, not a swap
            if _stem(s_words[-1])[:4] == _stem(c_words[-1])[:4]:
                continue              # inflection (bringing / bring), not a synonym
            if any(w.title() in gaz_tokens for w in s_words) or _similar(s, c):
                continue
            if spun_counts[s] < self.min_count or rate_ratio(s) < self.min_ratio:
                continue
            if clean_counts[c] < 1 or rate_ratio(c) > 1.0 / self.min_ratio:
                continue
            # seen only before content words ("inside contradictions"): not before a determiner ("inside the")
            right = _NOT_BEFORE_DETERMINER if all(a.isalpha() and a not in _STOP for _, a in seen) else ""
            out.append({
                "spun": s, "original": c, "scope": "spun", "left": "", "right": right, "case": "any",
                "mechanism": "aligned-copy", "story": story,
                "source": "learned: aligned copy of the same story; spun form over-used in spun text, "
                          "original under-used there",
                "evidence": f"{len(where)} aligned position(s) ({', '.join(sorted(set(where)))}); spun '{s}' "
                            f"{spun_counts[s]}x in spun / {clean_counts[s]}x in clean text; original '{c}' "
                            f"{spun_counts[c]}x / {clean_counts[c]}x",
            })
        return out

    def _compiled(self, story: str | None) -> tuple[_Compiled, _Compiled | None]:
        """(table + learned rows, learned rows only) for a story: name rows everywhere, aligned-copy rows
        only in the story whose copies taught them."""
        if not hasattr(self, "learned_"):
            raise ParameterError("SpinRepairer is not fitted: call fit(texts, spun=...) first")
        key = story or ""
        if key not in self._cache:
            lr = self.learned_
            # rows the table also lists are applied too: only where the table's context did not match
            lr = lr[(lr["story"] == "") | (lr["story"] == key)] if len(lr) else lr
            cols = list(self.table_.columns)
            learned = _compile(lr[cols]) if len(lr) else None
            self._cache[key] = (_compile(pd.concat([self.table_, lr[cols]], ignore_index=True)) if len(lr)
                                else _compile(self.table_), learned)
        return self._cache[key]

    def _learned_only(self, story: str | None) -> _Compiled | None:
        """The learned rows for a story, compiled once; stories that taught no rows of their own share
        the rows every spun document gets."""
        if not hasattr(self, "learned_"):
            raise ParameterError("SpinRepairer is not fitted: call fit(texts, spun=...) first")
        key = story if story and story in self._own_rows else ""
        if key not in self._learned_cache:
            lr = self.learned_
            lr = lr[(lr["story"] == "") | (lr["story"] == key)] if len(lr) else lr
            self._learned_cache[key] = _compile(lr[list(self.table_.columns)]) if len(lr) else None
        return self._learned_cache[key]

    def transform(self, text: str, *, spun: bool, story: str | None = None) -> str:
        """Repair ``text``: table rows (``always`` ones anywhere, the rest if ``spun``) and, if ``spun``,
        learned rows (those learned from aligned copies only for ``story``)."""
        both, _ = self._compiled(story)
        return _apply(text, both.find(text, spun=spun) if spun else _compile(self.table_).find(text, spun=False))

    def repair_learned(self, text: str, *, story: str | None = None) -> tuple[str, int]:
        """Apply only the learned rows (to text the table has already repaired); returns (text, n)."""
        learned = self._learned_only(story)
        if learned is None:
            return text, 0
        found = learned.find(text, spun=True)
        return _apply(text, found), len(found)


# --- the stage ---------------------------------------------------------------------------------------

def _gazetteer() -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """(canonical names, (canonical name, aliases) per actor) of ``kzlib.actors``' gazetteer, if available."""
    try:
        from kzlib.actors import default_gazetteer  # noqa: PLC0415 - optional, another module's data
        g = default_gazetteer()
    except Exception as exc:  # noqa: BLE001 - a missing or broken optional source must not stop provenance
        log.info("no actor gazetteer for provenance (%s); learning from the corpus alone", exc)
        return (), ()
    actors = sorted(g.actors.values(), key=lambda a: a.name)
    return tuple(a.name for a in actors), tuple((a.name, tuple(a.aliases)) for a in actors)


def _swap_like(x: str, y: str) -> bool:
    """Two capitalised dictionary-like words that could be a spinner's synonym swap (not Joseph / Joe,
    Georgiy / Georgi, U.S. / US or Kazakhstani / Kazakh)."""
    return (x.isalpha() and y.isalpha() and x[0].isupper() and y[0].isupper() and x.lower()[:2] != y.lower()[:2]
            and not _similar(x, y))


def _gazetteer_variants(actors: Iterable[tuple[str, tuple[str, ...]]],
                        clean_texts: Iterable[str | tuple[str, ...]]) -> list[tuple[str, str]]:
    """(spun form, original) pairs among an actor's names: two forms of the same length that share a word
    and differ only by dissimilar words ("Ned Worth" / "Ned Price"; spelling variants are not swaps).
    The original is the canonical name, else the form the clean text uses more."""
    clean_texts = list(clean_texts)
    counts: dict[str, int] = {}

    def count(form: str) -> int:     # occurrences in the clean text (a name spans no line break)
        if form not in counts:
            # (a form spans no line break: counted per paragraph where a text is its paragraphs, see _text)
            counts[form] = sum(t.count(form) if isinstance(t, str) else sum(p.count(form) for p in t)
                               for t in clean_texts)
        return counts[form]

    out = []
    for name, aliases in actors:
        forms = [f for f in (name, *aliases) if re.fullmatch(r"[A-Za-z][A-Za-z .'’-]*", f)]
        for i, a in enumerate(forms):
            for b in forms[i + 1:]:
                wa, wb = a.split(), b.split()
                if len(wa) != len(wb) or len(wa) < 2:
                    continue
                diff = [(x, y) for x, y in zip(wa, wb) if x != y]
                if not diff or len(diff) == len(wa) or not all(_swap_like(x, y) for x, y in diff):
                    continue
                if a == name or b == name:
                    spun, orig = (b, a) if a == name else (a, b)
                else:
                    ca, cb = count(a), count(b)
                    if ca == cb:
                        continue
                    spun, orig = (b, a) if ca > cb else (a, b)
                if count(spun) == 0:
                    out.append((spun, orig))
    return sorted(set(out))


@releases_memory
def annotate(corpus, *, seed: int = 0, copy_threshold: float = 0.4, lsh_threshold: float = 0.1,
             num_perm: int = 256, max_df: float | int = 0.01, spin_threshold: float = SPIN_THRESHOLD,
             mt_threshold: float = 2.0,
             translation_threshold: float = 5.0, table: pd.DataFrame | str | None = None,
             learn: bool = True, gazetteer: Iterable[str] | None = None, engine: str = "pandas",
             scheduler: Any = None, npartitions: int | str | None = None):
    """Group copies into stories, label versions, score spin and de-spin a cleaned corpus.

    ``corpus`` is the result of :func:`kzlib.clean.clean` (it needs ``paragraphs``). Returns a new
    Corpus with ``documents`` columns ``story_id``, ``is_representative``, ``spin_score``, ``version``
    (the metadata's where it gave one), ``version_detected``, ``mt_score``, ``translation_score``,
    ``n_despun`` (repairs made) and ``n_despun_learned`` (of which by learned substitutions);
    ``paragraphs.text_despun``, ``n_despun`` and ``n_despun_learned``; and the ``copies`` table.
    ``learn=False`` uses the phrase table only; ``gazetteer`` is a list of actor names (default: those
    of ``kzlib.actors`` if available). ``seed`` seeds the MinHash permutations; ``lsh_threshold``,
    ``num_perm`` and ``max_df`` (features in more documents are left out of the signatures) are those
    of :func:`find_copies`.

    What is read off each document alone -- its spin evidence and score, its detected version, the
    features and hashes :func:`find_copies` compares -- is computed per document: with ``engine="dask"``
    over partitions of documents on ``scheduler`` (see :func:`kzlib.engine.map_partitions_by_document`,
    which also reads ``npartitions``). What needs the whole corpus -- the MinHash banding and the check
    of each candidate pair, the stories, the substitutions learnt from the corpus -- runs here. Both
    engines give the same tables.

    Example:
        >>> from kzlib.study import prepare
        >>> c = annotate(prepare(provenance=False))
        >>> c.documents[["doc_id", "story_id", "version_detected"]]  # doctest: +SKIP
    """
    docs = corpus.documents
    paras = corpus.paragraphs
    if docs is None or "doc_id" not in docs.columns:
        raise CorpusError("annotate needs a documents table with a doc_id column; load it with kzlib.load_corpus")
    if paras is None or len(paras) == 0 or not {"doc_id", "para_id", "kind", "text"} <= set(paras.columns):
        raise CorpusError("annotate needs the paragraphs table of kzlib.clean.clean(corpus) "
                          "(columns doc_id, para_id, kind, text); call kzlib.prepare(...) instead")
    if not isinstance(seed, (int, np.integer)):
        raise ParameterError(f"seed must be an int, not {type(seed).__name__}")
    docs = docs.copy()
    paras = paras.sort_values(["doc_id", "para_id"], ignore_index=True)   # a new frame: ours to extend
    ids = sorted(docs["doc_id"].astype(str))
    dup = paras["duplicate_of"] if "duplicate_of" in paras.columns else pd.Series(-1, index=paras.index)
    in_body = (paras["kind"] == "body") & (dup < 0)
    # each document's body text, as the tuple of its body paragraphs (joined where read, see _text)
    raw = paras.loc[in_body, "text"].groupby(paras.loc[in_body, "doc_id"]).agg(tuple).reindex(ids).fillna("")

    # 1. per document: spin score, the table's phrases, the detected version (read off the raw text)
    compiled = _compile(table)
    frame = pd.DataFrame({"doc_id": raw.index, "text": raw.to_numpy()})
    if "republished_from" in docs.columns:
        notice = docs.drop_duplicates("doc_id").set_index("doc_id")["republished_from"].fillna("").astype(str)
        frame["republished"] = (notice.str.strip() != "").reindex(raw.index).fillna(False).to_numpy(dtype=bool)
    evidence = _per_document(frame, _raw_evidence, engine=engine, scheduler=scheduler, npartitions=npartitions,
                             compiled=compiled, spin_threshold=spin_threshold, mt_threshold=mt_threshold,
                             translation_threshold=translation_threshold).set_index("doc_id")
    del frame
    n_words, scores = evidence["n_words"], evidence["spin_score"]
    doc_spans = evidence.pop("spans").tolist()       # the table's phrases, found once per document
    is_spun = (scores >= spin_threshold) & (evidence["n_matches"] >= MIN_MATCHES)
    spun_ids = set(is_spun.index[is_spun])
    texts_in = paras["text"].tolist()
    para_docs = paras["doc_id"].tolist()
    is_body = in_body.tolist()
    # a body paragraph takes its phrases from its document's, found above; the others are searched
    known, again = _body_spans(texts_in, is_body, para_docs, dict(zip(raw.index, doc_spans)))
    del doc_spans
    stage1: list[str] = []
    n_table: list[int] = []
    for i, (d, t, b) in enumerate(zip(para_docs, texts_in, is_body)):
        spun = d in spun_ids
        if not b or d in again:
            found = compiled.find(t, spun=spun)
        else:
            found = [(a, b, row) for a, b in known.get(i, ()) if (row := compiled.choose(t, a, b, spun=spun)) is not None]
        stage1.append(_apply(t, found))
        n_table.append(len(found))
    del known
    # the de-spun body text: a document the table left unchanged shares its text with raw (one copy of
    # the corpus in memory, not two); the others are the tuples of their repaired paragraphs
    changed = {d for d, b, t, t1 in zip(para_docs, is_body, texts_in, stage1) if b and t1 is not t and t1 != t}
    joined: dict[str, list[str]] = {}
    for d, b, t1 in zip(para_docs, is_body, stage1):
        if b and d in changed:
            joined.setdefault(d, []).append(t1)
    s1_body = pd.Series([(tuple(joined[d]) if d in joined else t) for d, t in zip(raw.index, raw)],
                        index=raw.index, dtype=object)
    del texts_in, para_docs, is_body, joined, in_body

    # 2. copies and stories on de-spun text
    copies = find_copies(s1_body, threshold=copy_threshold, lsh_threshold=lsh_threshold, num_perm=num_perm,
                         max_df=max_df, seed=int(seed), engine=engine, scheduler=scheduler,
                         npartitions=npartitions)
    story = pd.Series(_stories(ids, copies))

    # 3. substitutions learned from the corpus, applied to spun documents
    base = compiled.table
    if learn and is_spun.any():
        names, actors = (tuple(gazetteer), ()) if gazetteer is not None else _gazetteer()
        other = paras[(paras["kind"].isin(["caption", "title"])) & (~paras["doc_id"].map(is_spun).fillna(False))]
        clean_texts = raw[~is_spun.reindex(raw.index).fillna(False)]
        repairer = SpinRepairer(table=base, gazetteer=names,
                                variants=tuple(_gazetteer_variants(actors, clean_texts))).fit(
            s1_body, spun=is_spun, stories=story, raw=raw, extra_reference=other["text"].drop_duplicates().tolist(),
            engine=engine, scheduler=scheduler, npartitions=npartitions)
    else:
        repairer = None
    story_of = story.to_dict()
    n_learned = [0] * len(stage1)
    if repairer is not None:
        for i, d in enumerate(paras["doc_id"]):
            if d in spun_ids:
                stage1[i], n_learned[i] = repairer.repair_learned(stage1[i], story=story_of.get(d))
    paras["text_despun"] = stage1
    paras["n_despun"] = [n + k for n, k in zip(n_table, n_learned)]
    paras["n_despun_learned"] = n_learned
    del stage1, n_table

    # 4. versions (detected in step 1) and representatives
    detected = evidence
    docs = docs.set_index("doc_id", drop=False)
    given = docs["version"].fillna("").astype(str).str.strip() if "version" in docs.columns \
        else pd.Series("", index=docs.index)
    unknown_given = sorted(set(given[given != ""]) - set(VERSIONS))
    if unknown_given:
        log.warning("metadata versions %s are not among %s; they are kept as given", unknown_given, VERSIONS)
    docs["version_detected"] = detected["version_detected"]
    docs["mt_score"] = detected["mt_score"]
    docs["translation_score"] = detected["translation_score"]
    docs["version_evidence"] = detected["version_evidence"]
    docs["version"] = given.where(given != "", docs["version_detected"])
    docs["spin_score"] = scores
    docs["story_id"] = story
    for col in ("n_despun", "n_despun_learned"):
        docs[col] = paras.groupby("doc_id")[col].sum().reindex(docs.index).fillna(0).astype(int)
    words = n_words.reindex(docs.index).fillna(0)
    rank = docs["version"].map(_VERSION_RANK).fillna(len(_VERSION_RANK))
    order = pd.DataFrame({"story": docs["story_id"], "rank": rank, "words": -words, "doc": docs["doc_id"]})
    reps = order.sort_values(["story", "rank", "words", "doc"]).groupby("story")["doc"].first()
    docs["is_representative"] = docs["doc_id"].isin(set(reps))
    docs = docs.reset_index(drop=True).sort_values("doc_id", ignore_index=True)
    n_stories = docs["story_id"].nunique()
    log.info("provenance: %d documents in %d stories; %d spun, %d substitutions repaired",
             len(docs), n_stories, int(is_spun.sum()), int(paras["n_despun"].sum()))
    return dataclasses.replace(corpus, documents=docs, paragraphs=paras, copies=copies)


def _raw_evidence(frame: pd.DataFrame, *, compiled: _Compiled, spin_threshold: float, mt_threshold: float,
                  translation_threshold: float) -> pd.DataFrame:
    """What :func:`annotate` reads off each document's raw body text alone, for the documents of ``frame``
    (``doc_id``, ``text``, optionally ``republished``: a syndication notice): ``n_words`` (the words a
    spin score is per 1,000 of), ``n_matches`` (phrase-table substitutions that apply in a spun text),
    ``spin_score``, ``spans`` (where the table's phrases are) and :func:`detect_versions`'s columns."""
    raw = pd.Series([_text(t) for t in frame["text"].tolist()],
                    index=pd.Index(frame["doc_id"].to_numpy(), name="doc_id"), dtype=object)
    n_words = raw.map(lambda t: len(_SPIN_WORD.findall(t))).astype("int64")
    spans = [compiled.spans(t) for t in raw]
    n_matches = pd.Series([sum(compiled.choose(t, a, b, spun=True) is not None for a, b in sp)
                           for t, sp in zip(raw, spans)], index=raw.index, dtype="int64")
    scores = (1000.0 * n_matches / n_words.where(n_words > 0)).fillna(0.0).round(2)
    republished = (pd.Series(frame["republished"].to_numpy(dtype=bool), index=raw.index)
                   if "republished" in frame.columns else None)
    detected = detect_versions(raw, spin_scores=scores, republished=republished, spin_threshold=spin_threshold,
                               mt_threshold=mt_threshold, translation_threshold=translation_threshold)
    out = pd.DataFrame({"doc_id": raw.index.to_numpy(), "n_words": n_words.to_numpy(),
                        "n_matches": n_matches.to_numpy(), "spin_score": scores.to_numpy(),
                        "spans": _objects(spans)})
    for column in detected.columns:
        out[column] = detected[column].to_numpy()
    return out


def _diff_pairs(a: list[str], b: list[str], *, max_phrase: int) -> Iterable[tuple[str, str, str]]:
    """(spun phrase, clean phrase, the word after) of each replacement of at most ``max_phrase`` words
    between two equal runs of the aligned sentences' tokens ``a`` and ``b``."""
    la = [t.lower() for t in a]
    lb = [t.lower() for t in b]
    ops = difflib.SequenceMatcher(a=la, b=lb, autojunk=False).get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or k == 0 or k == len(ops) - 1:
            continue
        if ops[k - 1][0] != "equal" or ops[k + 1][0] != "equal":
            continue
        if not (1 <= i2 - i1 <= max_phrase and 1 <= j2 - j1 <= max_phrase):
            continue
        left, right = la[i1 - 1], la[i2]
        if not (left[0].isalpha() or right[0].isalpha()):
            continue
        sa, sb = la[i1:i2], lb[j1:j2]
        if not all(t[0].isalpha() for t in sa + sb):
            continue
        yield " ".join(sa).replace("’", "'"), " ".join(sb).replace("’", "'"), right


def _aligned_swaps(frame: pd.DataFrame, *, max_refs: int, max_phrase: int) -> pd.DataFrame:
    """The swaps between each spun document of ``frame`` (``doc_id``, ``story``, ``text``, ``spun``; whole
    stories) and the first ``max_refs`` clean copies of its story (by ``doc_id``): one row per swap seen,
    with its ``story``, ``spun_phrase``, ``clean_phrase``, ``where`` ("spun~clean") and ``after`` (the word
    after it)."""
    rows = []
    by_story: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for d, story, text, spun in zip(frame["doc_id"], frame["story"], frame["text"], frame["spun"]):
        if not spun:
            by_story[story].append((d, text))
    for d, story, text, spun in zip(frame["doc_id"], frame["story"], frame["text"], frame["spun"]):
        if not spun:
            continue
        refs = sorted(by_story.get(story, []))[:max_refs]
        s_sents = _sentences(_text(text))
        s_feats = [_sentence_features(x) for x in s_sents]
        for r, r_text in refs:
            r_sents = _sentences(_text(r_text))
            _, pairs = _align_share(s_feats, [_sentence_features(x) for x in r_sents])
            for i, j, _sim in pairs:
                for s_phrase, c_phrase, after in _diff_pairs(_tokens(s_sents[i]), _tokens(r_sents[j]),
                                                             max_phrase=max_phrase):
                    rows.append((story, s_phrase, c_phrase, f"{d}~{r}", after))
    return pd.DataFrame(rows, columns=["story", "spun_phrase", "clean_phrase", "where", "after"])


def _phrase_count_part(frame: pd.DataFrame, *, phrases: set[str]) -> pd.DataFrame:
    """:func:`_phrase_counts` of the spun and of the clean documents of ``frame`` (``doc_id``, ``text``,
    ``spun``): ``spun``, ``phrase``, ``n``, with a row of ``phrase`` "" for the number of words."""
    rows = []
    for spun in (True, False):
        texts = [_text(t) for t, s in zip(frame["text"], frame["spun"]) if bool(s) == spun]
        counts, total = _phrase_counts(texts, phrases)
        rows += [(spun, p, n) for p, n in counts.items()] + [(spun, "", total)]
    return pd.DataFrame(rows, columns=["spun", "phrase", "n"])


def _body_spans(texts: list[str], is_body: list[bool], doc_ids: list[str],
                doc_spans: dict[str, list[tuple[int, int]]]) -> tuple[dict[int, list[tuple[int, int]]], set[str]]:
    """The table phrases (:meth:`_Compiled.spans`) of the body paragraphs ``texts[i]`` (``is_body[i]``;
    in document and paragraph order), read off those found in their document's body text (its body
    paragraphs joined by a blank line). Where no phrase crosses a paragraph break they are exactly
    those a search of the paragraph alone finds: the pattern's edges (``(?<!\\w)``, ``(?!\\w)``) see
    a paragraph break as they see the text's ends.

    Returns the phrases of the paragraphs that have any, and the documents whose paragraphs must be
    searched on their own (a phrase across a break, or no entry in ``doc_spans``)."""
    out: dict[int, list[tuple[int, int]]] = {}
    again: set[str] = set()
    body_rows = (i for i, b in enumerate(is_body) if b)
    for d, rows in itertools.groupby(body_rows, key=doc_ids.__getitem__):
        spans = doc_spans.get(d)
        if spans is None:
            again.add(d)
            continue
        found: dict[int, list[tuple[int, int]]] = {}
        j, start = 0, 0
        for i in rows:
            end = start + len(texts[i])
            while j < len(spans) and spans[j][0] < end + 2:    # the phrases before the next paragraph
                a, b = spans[j]
                if b > end:
                    break
                found.setdefault(i, []).append((a - start, b - start))
                j += 1
            else:
                start = end + 2
                continue
            again.add(d)                                       # a phrase across a paragraph break
            break
        if d not in again:
            out.update(found)
    return out, again


def learned_substitutions(corpus, *, spin_threshold: float = SPIN_THRESHOLD,
                          table: pd.DataFrame | str | None = None,
                          gazetteer: Iterable[str] | None = None) -> pd.DataFrame:
    """The substitutions :class:`SpinRepairer` learns from an annotated corpus, beyond the phrase table.

    Reads ``documents.spin_score`` and ``story_id`` (from :func:`annotate`) and the paragraphs; returns
    one row per learned substitution: ``spun``, ``original``, ``left``, ``right``, ``mechanism``
    (name-context / aligned-copy), ``story`` ("" = applies in every spun document), ``evidence``,
    ``in_table`` and ``n_applied`` (times it repaired the corpus).

    Example:
        >>> from kzlib.study import prepare
        >>> learned_substitutions(prepare())[["spun", "original", "mechanism"]].head(3)  # doctest: +SKIP
    """
    docs = corpus.documents
    if "story_id" not in docs.columns or docs["spin_score"].isna().all():
        raise CorpusError("learned_substitutions needs an annotated corpus: call kzlib.provenance.annotate first")
    compiled = _compile(table)
    paras = corpus.paragraphs.sort_values(["doc_id", "para_id"])
    dup = paras["duplicate_of"] if "duplicate_of" in paras.columns else pd.Series(-1, index=paras.index)
    body = paras[(paras["kind"] == "body") & (dup < 0)]
    ids = sorted(docs["doc_id"])
    scores = docs.set_index("doc_id")["spin_score"].astype(float)
    raw = body.groupby("doc_id")["text"].agg("\n\n".join).reindex(ids).fillna("")
    n_matches = raw.map(lambda t: len(compiled.find(t, spun=True)))
    is_spun = (scores.reindex(ids) >= spin_threshold) & (n_matches >= MIN_MATCHES)
    stage1 = pd.Series([_apply(t, compiled.find(t, spun=bool(is_spun.get(d, False))))
                        for d, t in zip(body["doc_id"], body["text"])], index=body.index)
    s1_body = stage1.groupby(body["doc_id"]).agg("\n\n".join).reindex(ids).fillna("")
    story = docs.set_index("doc_id")["story_id"].reindex(ids)
    names, actors = (tuple(gazetteer), ()) if gazetteer is not None else _gazetteer()
    other = paras[(paras["kind"].isin(["caption", "title"])) & (~paras["doc_id"].map(is_spun).fillna(False))]
    clean_texts = raw[~is_spun.reindex(raw.index).fillna(False)]
    rep = SpinRepairer(table=compiled.table, gazetteer=names,
                       variants=tuple(_gazetteer_variants(actors, clean_texts))).fit(
        s1_body, spun=is_spun, stories=story, raw=raw, extra_reference=other["text"].drop_duplicates().tolist())
    learned = rep.learned_.copy()
    counts = []
    for row in learned.itertuples(index=False):
        one = _compile(pd.DataFrame([row._asdict()])[list(compiled.table.columns)])
        docs_in = [d for d in ids if is_spun.get(d, False) and (not row.story or story.get(d) == row.story)]
        counts.append(sum(len(one.find(s1_body[d], spun=True)) for d in docs_in))
    learned["n_applied"] = counts
    return learned[["spun", "original", "left", "right", "mechanism", "story", "evidence", "in_table",
                    "n_applied"]].reset_index(drop=True)


def repair_examples(corpus, *, n: int = 12, doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Sentences of spun documents side by side with their repair, most-repaired first.

    Returns ``doc_id``, ``para_id``, ``n_changes`` (words changed), ``spun`` (verbatim) and ``repaired``;
    ``n`` rows at most (0 = all). Spun documents are those with ``version_detected == "spun"`` unless
    ``doc_ids`` names others.

    Example:
        >>> from kzlib.study import prepare
        >>> repair_examples(prepare(), n=3)[["spun", "repaired"]]  # doctest: +SKIP
    """
    docs = corpus.documents
    if doc_ids is None:
        if "version_detected" not in docs.columns:
            raise CorpusError("repair_examples needs an annotated corpus: call kzlib.provenance.annotate first")
        doc_ids = docs.loc[docs["version_detected"] == "spun", "doc_id"]
    keep = set(doc_ids)
    p = corpus.paragraphs
    p = p[p["doc_id"].isin(keep) & (p["text"] != p["text_despun"])].sort_values(["doc_id", "para_id"])
    rows = []
    for d, pid, before, after in zip(p["doc_id"], p["para_id"], p["text"], p["text_despun"]):
        sa, sb = _sentences(before), _sentences(after)
        if len(sa) != len(sb):
            sa, sb = [before], [after]
        for x, y in zip(sa, sb):
            if x != y:
                rows.append({"doc_id": d, "para_id": int(pid), "n_changes": _words_changed(x, y), "spun": x,
                             "repaired": y})
    out = pd.DataFrame(rows, columns=["doc_id", "para_id", "n_changes", "spun", "repaired"])
    out = out.sort_values(["n_changes", "doc_id", "para_id"], ascending=[False, True, True], kind="stable")
    return (out.head(n) if n else out).reset_index(drop=True)


def _words_changed(before: str, after: str) -> int:
    a, b = before.split(), after.split()
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal")


def change_rate(corpus, *, doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """How much de-spinning changed each document: ``n_words``, ``words_changed``, ``rate`` (changed per
    1,000 words), both in the corpus (``text_despun``) and by :func:`kzlib.despin.despin` run alone on
    the raw text (``words_changed_alone``, ``rate_alone``). On clean documents both should be ~0.

    Example:
        >>> from kzlib.study import prepare
        >>> change_rate(prepare())[["doc_id", "rate"]]  # doctest: +SKIP
    """
    from kzlib.despin import despin

    p = corpus.paragraphs.sort_values(["doc_id", "para_id"])
    if doc_ids is not None:
        p = p[p["doc_id"].isin(set(doc_ids))]
    rows = []
    for d, g in p.groupby("doc_id", sort=True):
        before = "\n\n".join(g["text"])
        after = "\n\n".join(g["text_despun"])
        alone = despin(before)
        n = len(before.split())
        ch, ch_alone = _words_changed(before, after), _words_changed(before, alone)
        rows.append({"doc_id": d, "n_words": n, "words_changed": ch, "rate": round(1000 * ch / max(n, 1), 2),
                     "words_changed_alone": ch_alone, "rate_alone": round(1000 * ch_alone / max(n, 1), 2)})
    return pd.DataFrame(rows, columns=["doc_id", "n_words", "words_changed", "rate", "words_changed_alone",
                                       "rate_alone"])
