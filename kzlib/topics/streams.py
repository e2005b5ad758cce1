"""Corpus-wide passes over a stream of term ids, block by block in bounded memory: adjacent pairs and
their counts, the merging of accepted bigrams, per-row counts and the CSR count matrix.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse


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
