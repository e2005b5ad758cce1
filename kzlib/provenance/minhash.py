"""MinHash LSH over hashed story features (numpy, the whole corpus at once): the candidate pairs
of :func:`kzlib.provenance.find_copies`."""

from __future__ import annotations

import functools
import itertools
import logging
import zlib
from typing import Any

import numpy as np
import pandas as pd

from kzlib._threads import thread_map
from kzlib.errors import TableError
from kzlib.provenance.features import _objects, _per_document, _text, story_features

__all__ = ["MIN_DF_CUT"]

log = logging.getLogger(__name__)


#: Never drop a feature found in fewer documents than this, whatever ``max_df`` says: a story copied
#: this many times keeps the features its copies share, in a corpus of any size.
MIN_DF_CUT = 50
_MIX1, _MIX2 = np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35)


def _hash_feature_sets(feature_sets: list[set[str]]) -> list[np.ndarray]:
    """Sorted unique 32-bit hashes of each set of feature strings (CRC-32 of the UTF-8 through
    MurmurHash3's finaliser), computed for all the sets at once: one array of every hash, each keyed by
    its set's place k (``k * 2**32 + hash``), sorted and freed of repeats, then cut by set. At 3,000
    generated documents a third less time than numpy's calls per document (``np.unique`` of ~330 hashes
    costs as much in its overhead as in its work); :func:`_feature_hashes` passes
    :data:`_HASH_BATCH` documents at a time, so that their feature strings are never all held at once.

    Example:
        >>> a, empty, c = _hash_feature_sets([{"@putin", "#2022"}, set(), {"@putin"}])
        >>> len(a), len(empty), set(c.tolist()) <= set(a.tolist()), a.tolist() == sorted(a.tolist())
        (2, 0, True, True)
        >>> [len(x) for x in _hash_feature_sets([set(), set()])]   # no features at all (a one-line corpus)
        [0, 0]
    """
    sizes = np.fromiter(map(len, feature_sets), dtype=np.int64, count=len(feature_sets))
    h = np.fromiter(map(zlib.crc32, map(str.encode, itertools.chain.from_iterable(feature_sets))),
                    dtype=np.uint32, count=int(sizes.sum()))
    h ^= h >> np.uint32(16)
    h *= _MIX1
    h ^= h >> np.uint32(13)
    h *= _MIX2
    h ^= h >> np.uint32(16)
    keys = (np.repeat(np.arange(len(feature_sets), dtype=np.uint64), sizes) << np.uint64(32)) | h
    keys.sort()
    if len(keys):   # (documents without a feature: no keys, an empty hash set each)
        keys = keys[np.r_[True, keys[1:] != keys[:-1]]]
    cuts = np.searchsorted(keys, np.arange(len(feature_sets) + 1, dtype=np.uint64) << np.uint64(32)).tolist()
    hashes = keys.astype(np.uint32)      # the low 32 bits: the hash
    return [hashes[a:b] for a, b in zip(cuts[:-1], cuts[1:])]


#: The documents :func:`_feature_hashes` hashes at once (their feature strings, ~25 KB a document, are
#: held together for it: ~6 MB).
_HASH_BATCH = 256


def _feature_hashes(frame: pd.DataFrame) -> pd.DataFrame:
    """``doc_id`` and ``hashes`` (:func:`_hash_feature_sets` of :func:`story_features`) of each document of
    ``frame`` (``doc_id``, ``text``), in its order: the per-document part of :func:`find_copies`."""
    texts = frame["text"].tolist()
    hashes: list[np.ndarray] = []
    for start in range(0, len(texts), _HASH_BATCH):
        hashes += _hash_feature_sets([story_features(_text(t)) for t in texts[start:start + _HASH_BATCH]])
    return pd.DataFrame({"doc_id": frame["doc_id"].to_numpy(), "hashes": _objects(hashes)})


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
    values (1 MiB) stay in the processor's cache, twice as fast as 4,096. Each document's minimum is
    taken over the full 64-bit values and shifted after: the top 32 bits of the smallest value are the
    smallest top 32 bits (taking the top bits keeps the order), and the shift then runs over one row per
    document instead of one per feature."""
    rng = np.random.RandomState(seed)
    a = rng.randint(1, 2**63 - 1, size=num_perm, dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.randint(0, 2**63 - 1, size=num_perm, dtype=np.int64).astype(np.uint64)
    n = len(offsets) - 1
    sig = np.empty((n, num_perm), dtype=np.uint32)
    # the permuted values of a chunk are computed in place, in a buffer reused from chunk to chunk (a chunk
    # holds more than `chunk` features only where one document does)
    wide = np.empty((chunk, num_perm), dtype=np.uint64)
    start = 0
    while start < n:
        stop = max(start + 1, int(np.searchsorted(offsets, offsets[start] + chunk, side="right")) - 1)
        stop = min(stop, n)
        lo, hi = offsets[start], offsets[stop]
        if hi - lo > len(wide):
            wide = np.empty((hi - lo, num_perm), dtype=np.uint64)
        w = wide[:hi - lo]
        with np.errstate(over="ignore"):
            np.multiply(hashes[lo:hi, None].astype(np.uint64), a[None, :], out=w)   # modulo 2**64
            np.add(w, b[None, :], out=w)
        low = np.minimum.reduceat(w, offsets[start:stop] - lo, axis=0)
        np.right_shift(low, np.uint64(32), out=low)
        np.copyto(sig[start:stop], low, casting="unsafe")   # the top 32 bits: below 2**32, kept exactly
        start = stop
    return sig


def _shared_counts(hashes: np.ndarray, offsets: np.ndarray, first: np.ndarray, second: np.ndarray, *,
                   batch: int = 1 << 20) -> np.ndarray:
    """How many hashes documents ``first[k]`` and ``second[k]`` share, for each k, where a document's hashes
    are ``hashes[offsets[i]:offsets[i + 1]]`` (unique). The pairs are taken about ``batch`` hashes at a
    time: each pair's hashes are keyed by its place in the batch (:func:`_keys`), those of the first and
    of the second documents sorted together, and a key found twice is a hash the pair shares. Each of the
    two runs is sorted already (a document's hashes are), so the stable sort (timsort) merges two runs
    in one pass: at 100,000 documents (1.8 million pairs) about a third less time than looking each key
    of the second documents up among the first's (``searchsorted``).

    Example:
        >>> h = np.array([1, 5, 9, 5, 9, 11, 2], dtype=np.uint32)
        >>> _shared_counts(h, np.array([0, 3, 6, 7]), np.array([0, 0, 1]), np.array([1, 2, 2])).tolist()
        [2, 0, 0]
    """
    sizes = np.diff(offsets)
    out = np.zeros(len(first), dtype=np.int64)
    ends = np.cumsum(sizes[first] + sizes[second])
    cuts = [0]
    while cuts[-1] < len(first):
        start = cuts[-1]
        cuts.append(max(start + 1, int(np.searchsorted(ends, (ends[start - 1] if start else 0) + batch,
                                                         side="right"))))

    def count(k: int) -> None:   # the batches are independent; their numpy work runs on every core
        start, stop = cuts[k], cuts[k + 1]
        both = np.concatenate([_keys(hashes, offsets, first[start:stop]), _keys(hashes, offsets, second[start:stop])])
        both.sort(kind="stable")
        shared = both[1:][both[1:] == both[:-1]]     # (each document's hashes are unique)
        out[start:stop] = np.bincount((shared >> np.uint64(32)).astype(np.int64), minlength=stop - start)

    thread_map(count, range(len(cuts) - 1))
    return out


def _keys(hashes: np.ndarray, offsets: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """The hashes of ``docs`` one after another, each keyed by its document's place k in ``docs``:
    ``k * 2**32 + hash`` (sorted where each document's hashes are)."""
    lengths = offsets[docs + 1] - offsets[docs]
    pos = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(offsets[docs] - (np.cumsum(lengths) - lengths),
                                                                     lengths)
    return np.repeat(np.arange(len(docs), dtype=np.uint64) << np.uint64(32), lengths) | hashes[pos].astype(np.uint64)


def _band_candidates(sig: np.ndarray, *, bands: int, rows: int) -> np.ndarray:
    """Pairs (i, j), i < j, of rows of ``sig`` equal on all ``rows`` values of at least one band, as
    codes ``i * n + j`` (sorted, unique)."""
    n = len(sig)
    if n < 2:
        return np.empty(0, dtype=np.int64)

    def band(k: int) -> list[np.ndarray]:   # the bands are independent; their sorts run on every core
        codes = []
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
        return codes

    codes = [c for found in thread_map(band, range(bands)) for c in found]
    return np.unique(np.concatenate(codes)) if codes else np.empty(0, dtype=np.int64)


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
        raise TableError("find_copies: the per-document feature hashes came back out of doc_id order (an engine "
                         "partition lost or reordered documents); run it again with engine='pandas'")
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
    if engine == "pandas" or not len(has):
        sig = _signatures(hashes, offsets, num_perm=bands * rows, seed=seed)
    else:   # on the workers: each document's signature is its own
        sig = _signatures_by_partition([ids[i] for i in has.tolist()], hashes, offsets, num_perm=bands * rows,
                                       seed=seed, scheduler=scheduler, npartitions=npartitions)
    codes = _band_candidates(sig, bands=bands, rows=rows)
    del sig
    m = len(has)
    # the exact Jaccard of the rare features of each pair LSH proposes
    first, second = np.divmod(codes, m) if m else (codes, codes)
    shared = _shared_counts(hashes, offsets, first, second)
    union = (kept_sizes[has][first] + kept_sizes[has][second] - shared)
    keep_pair = shared >= lsh_threshold * union
    pairs = [(ids[i], ids[j]) for i, j in zip(has[first[keep_pair]].tolist(), has[second[keep_pair]].tolist())]
    log.info("find_copies: %d documents (%d with features in at most %d documents); LSH (%d bands of %d "
             "rows) proposed %d pairs, %d of them with a Jaccard >= %s", n, m, int(cut), bands, rows, len(codes),
             len(pairs), lsh_threshold)
    return {"pairs": pairs, "proposed": len(codes), "df_cut": cut, "bands": bands, "rows": rows}


def _signature_part(frame: pd.DataFrame, *, num_perm: int, seed: int) -> pd.DataFrame:
    """``doc_id`` and ``signature`` (:func:`_signatures`) of the documents of ``frame`` (``doc_id``,
    ``hashes``: their rare feature hashes, none empty)."""
    parts = frame["hashes"].tolist()
    offsets = np.r_[0, np.cumsum([len(h) for h in parts])].astype(np.int64)
    hashes = np.concatenate(parts) if parts else np.empty(0, dtype=np.uint32)
    sig = _signatures(hashes, offsets, num_perm=num_perm, seed=seed)
    return pd.DataFrame({"doc_id": frame["doc_id"].to_numpy(), "signature": _objects(list(sig))})


def _signatures_by_partition(keys: list[str], hashes: np.ndarray, offsets: np.ndarray, *, num_perm: int, seed: int,
                             scheduler: Any, npartitions: int | str | None) -> np.ndarray:
    """:func:`_signatures` of the documents ``keys`` (sorted; their hashes are ``hashes[offsets[i]:offsets[i +
    1]]``), computed over Dask partitions of them (each row is one document's alone: the same array)."""
    frame = pd.DataFrame({"doc_id": keys, "hashes": _objects([hashes[a:b] for a, b in
                                                              zip(offsets[:-1].tolist(), offsets[1:].tolist())])})
    out = _per_document(frame, _signature_part, engine="dask", scheduler=scheduler, npartitions=npartitions,
                        num_perm=num_perm, seed=seed)
    if out["doc_id"].tolist() != keys:
        raise TableError("find_copies: the MinHash signatures came back out of doc_id order (an engine partition "
                         "lost or reordered documents); run it again with engine='pandas'")
    return np.stack(out["signature"].tolist()).astype(np.uint32, copy=False)


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
