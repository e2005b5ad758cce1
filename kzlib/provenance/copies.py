"""Copies of one story: candidate pairs verified by aligning their sentences, and stories (groups of
copies)."""

from __future__ import annotations

import functools
import logging
from collections import Counter, defaultdict
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd

from kzlib.errors import CorpusError, ParameterError, TableError
from kzlib.provenance._related import _day_numbers, _related
from kzlib.provenance.features import _numbers, _numbers_differ, _sentence_features, _sentences, _text, story_features
from kzlib.provenance.minhash import _candidate_pairs

__all__ = ["find_copies", "similarity_matrix"]

log = logging.getLogger(__name__)


# --- copies ------------------------------------------------------------------------------------------


def _align_share(sents_a: list[frozenset[str]], sents_b: list[frozenset[str]], *, min_sim: float = 0.3,
                 conflicts: list[tuple[int, int, float]] | None = None) -> tuple[float, list[tuple[int, int, float]]]:
    """Share of the shorter document's sentences that have a matching sentence in the other: the most
    similar one (Jaccard of :func:`_sentence_features` >= ``min_sim``) whose numbers do not differ
    (:func:`_numbers_differ`: both have numbers and each has one the other lacks -- two sentences alike but
    for their numbers report different facts). A sentence whose only matches differ in their numbers is
    added to ``conflicts`` (a list, where given) as (i, j, similarity) of its best match.

    Example:
        >>> f = [frozenset({"payabl", "stock", "record", "#2", "#15"})]
        >>> _align_share(f, [frozenset({"payabl", "stock", "record", "#2", "#15"})])[0]
        1.0
        >>> found = []
        >>> _align_share(f, [frozenset({"payabl", "stock", "record", "#3", "#16"})], conflicts=found)[0], len(found)
        (0.0, 1)
    """
    if not sents_a or not sents_b:
        return 0.0, []
    short, long_, flip = (sents_a, sents_b, False) if len(sents_a) <= len(sents_b) else (sents_b, sents_a, True)
    index: dict[str, list[int]] = defaultdict(list)
    for j, fs in enumerate(long_):
        for f in fs:
            index[f].append(j)
    pairs = []
    long_sizes = [len(fs) for fs in long_]
    for i, fs in enumerate(short):
        size = len(fs)
        if size < 3:
            continue
        # the features shared with each sentence of the other, counted in one call (the best match is the
        # highest Jaccard, the first sentence on a tie: it does not depend on the counting order)
        overlap = Counter(chain.from_iterable([index[f] for f in fs if f in index]))
        best, best_sim = -1, 0.0
        for j, n in overlap.items():
            sim = n / (size + long_sizes[j] - n)
            if sim > best_sim or (sim == best_sim and j < best):
                best, best_sim = j, sim
        if best_sim < min_sim:
            continue
        nums = _numbers(fs)
        if nums and _numbers_differ(nums, _numbers(long_[best])):
            # the next most similar sentence whose numbers agree, if any (a rare path: read the rest in order)
            ranked = sorted(((n / (size + long_sizes[j] - n), -j) for j, n in overlap.items()), reverse=True)
            agree = [(sim, -mj) for sim, mj in ranked
                     if sim >= min_sim and not _numbers_differ(nums, _numbers(long_[-mj]))]
            if not agree:
                if conflicts is not None:
                    conflicts.append((best, i, best_sim) if flip else (i, best, best_sim))
                continue
            best_sim, best = agree[0]
        pairs.append((best, i, best_sim) if flip else (i, best, best_sim))
    usable = sum(1 for fs in short if len(fs) >= 3)
    return (len(pairs) / usable if usable else 0.0), pairs


def find_copies(texts: pd.Series, *, threshold: float = 0.4, lsh_threshold: float = 0.1,
                num_perm: int = 256, max_df: float | int = 0.01, seed: int = 0, engine: str = "pandas",
                scheduler: Any = None, npartitions: int | str | None = None,
                published: pd.Series | None = None, related: bool = False) -> pd.DataFrame:
    """Pairs of documents that are copies of one story (with ``related=True``, also the pairs alike enough
    that were set aside as not copies, and why).

    ``texts`` is indexed by ``doc_id`` (de-spun body text). Candidates are the pairs whose *rare*
    :func:`story_features` have a Jaccard similarity of at least ``lsh_threshold``. Rare: features found
    in at most ``max_df`` of the documents (a share; an int is a number of documents; never fewer than
    :data:`MIN_DF_CUT` documents) -- names and phrases every article on the crisis writes (``@tokaye``,
    ``@csto``) make unrelated articles alike, and with them the candidates grow with the square of the
    corpus. The pairs are found by MinHash LSH (``num_perm`` permutations, banded for
    ``lsh_threshold`` as datasketch chooses bands and rows), so the cost grows with the number of
    documents, not of pairs, and the Jaccard of each pair LSH proposes is then computed exactly. A
    candidate is a copy when at least ``threshold`` of the shorter document's sentences align with a
    sentence of the other (Jaccard of content stems and numbers >= 0.3, their numbers agreeing:
    :func:`_align_share`), unless it is a follow-up -- several of its sentences match only with other
    numbers (:func:`_follow_up`: a later article with new facts, counted on its own) -- or the two
    documents both name people, places or bodies but share none of those names, month and weekday names
    aside (:func:`_story_names`). A pair that aligns only in part (less than 80 % of the shorter one's
    sentences) is a copy only as a version of the same report: published the same day (where
    ``published``, ISO dates by ``doc_id``, gives both days), at least 5 sentences aligned and the shorter
    one's lead aligned; and any copy needs 3 aligned sentences (or all of the shorter one's; the numbers
    are :mod:`kzlib.provenance._related`'s) -- else the pair is *related* (a follow-up, a re-use of
    background, two reports of one event: :func:`_related`) and both documents stay counted. Pairs set
    aside so are logged (INFO), with the first five.

    Each document's features and their hashes are computed per document: with ``engine="dask"`` over
    partitions of documents on ``scheduler`` (see :func:`kzlib.engine.map_partitions_by_document`, which
    also reads ``npartitions``), and so are their MinHash signatures with the Dask engine (each is the
    document's own) and the verification of the candidate pairs (partitioned by their first document);
    the document frequencies and the banding run here.

    Returns ``doc_a``, ``doc_b``, ``similarity`` (the aligned share), ``feature_jaccard`` (over all
    features), ``aligned_sentences``, ``shared_numbers``, ``shared_names``, ``evidence``, sorted. With
    ``related=True`` the table adds the pairs whose aligned share reaches ``threshold`` but that were set
    aside -- ``relation`` says which kind each row is: ``copy``, ``follow-up`` (sentences alike but for
    their numbers), ``related`` (a re-use of background, a follow-up on another day, another report of one
    event) or ``no shared names`` -- and ``reason`` says why (empty for a copy); the set-aside rows carry
    ``similarity``, ``aligned_sentences`` and ``evidence`` only.

    Example:
        >>> t = pd.Series({"a": "Putin met Biden in 2021. They spoke of Ukraine and NATO expansion.",
        ...                "b": "In 2021 Putin met Biden. They discussed Ukraine and the NATO expansion."})
        >>> find_copies(t)[["doc_a", "doc_b"]].values.tolist()
        [['a', 'b']]
        >>> find_copies(t, related=True)["relation"].tolist()
        ['copy']
    """
    if not 0 < threshold <= 1 or not 0 < lsh_threshold < 1:
        raise ParameterError("threshold must be in (0, 1] and lsh_threshold in (0, 1); "
                             f"got {threshold} and {lsh_threshold}")
    if isinstance(max_df, (bool, np.bool_)) or not (
            (isinstance(max_df, (int, np.integer)) and max_df >= 1) or (isinstance(max_df, float) and 0 < max_df <= 1)):
        raise ParameterError(f"max_df must be a share of documents in (0, 1] or a number of documents >= 1; "
                             f"got {max_df!r}")
    if not isinstance(texts, pd.Series):
        raise TableError(f"find_copies needs the texts as a pandas Series indexed by doc_id, not "
                         f"{type(texts).__name__}; e.g. documents.set_index('doc_id')['text']")
    texts = texts.copy()
    texts.index = texts.index.astype(str)
    if texts.index.has_duplicates:
        dup = sorted(set(texts.index[texts.index.duplicated()]))
        raise CorpusError(f"find_copies: doc_id {dup[:5]} occurs more than once ({len(dup)} such ids); "
                          "give one text per document (join a document's paragraphs first)")
    candidates = _candidate_pairs(texts, lsh_threshold=lsh_threshold, num_perm=num_perm, max_df=max_df,
                                  seed=seed, engine=engine, scheduler=scheduler, npartitions=npartitions)["pairs"]

    # verify the candidates by aligning sentences (per partition of pairs, grouped by their first document)
    from kzlib.engine import map_partitions_by_document

    frame = pd.DataFrame({"doc_a": [a for a, _ in candidates], "doc_b": [b for _, b in candidates]})
    frame["text_a"] = texts.reindex(frame["doc_a"]).to_numpy()
    frame["text_b"] = texts.reindex(frame["doc_b"]).to_numpy()
    if published is not None:
        days = _day_numbers(published)
        frame["day_a"] = days.reindex(frame["doc_a"]).to_numpy(dtype=float)
        frame["day_b"] = days.reindex(frame["doc_b"]).to_numpy(dtype=float)
    pairs = map_partitions_by_document(frame, _verify_pairs, key="doc_a", engine=engine, scheduler=scheduler,
                                       npartitions=npartitions, sort_by=["doc_a", "doc_b"], threshold=threshold)
    if related:
        return pairs
    return pairs[pairs["relation"] == "copy"][_COPY_COLUMNS].reset_index(drop=True)


_COPY_COLUMNS = ["doc_a", "doc_b", "similarity", "feature_jaccard", "aligned_sentences", "shared_numbers",
                 "shared_names", "evidence"]
_PAIR_COLUMNS = [*_COPY_COLUMNS, "relation", "reason"]
#: the columns of the ``related`` table of :func:`kzlib.provenance.annotate`
_RELATED_COLUMNS = ["doc_a", "doc_b", "relation", "similarity", "aligned_sentences", "reason"]


def _verify_pairs(frame: pd.DataFrame, *, threshold: float) -> pd.DataFrame:
    """The candidate pairs of ``frame`` (``doc_a``, ``doc_b``, ``text_a``, ``text_b``) of which at least
    ``threshold`` of the shorter one's sentences align with a sentence of the other: the copies and the pairs
    set aside as not copies (``relation``, ``reason``); the rows of :func:`find_copies` with ``related=True``.
    A document's features are kept while a later pair needs them."""
    candidates = list(zip(frame["doc_a"].tolist(), frame["doc_b"].tolist()))
    text_of = dict(zip(frame["doc_a"].tolist(), frame["text_a"].tolist()))
    text_of.update(zip(frame["doc_b"].tolist(), frame["text_b"].tolist()))
    last_use: dict[str, int] = {}
    for k, (a, b) in enumerate(candidates):
        last_use[a] = last_use[b] = k
    sents: dict[str, list[frozenset[str]]] = {}
    feats: dict[str, set[str]] = {}
    rows_out = []
    follow_ups: list[tuple[str, str, int, int]] = []
    no_names: list[tuple[str, str, int]] = []
    related: list[tuple[str, str, int, str]] = []
    gaps = (abs(frame["day_a"] - frame["day_b"]).tolist() if "day_a" in frame.columns
            else [float("nan")] * len(candidates))
    for k, (a, b) in enumerate(candidates):
        for d in (a, b):
            if d not in sents:
                sents[d] = [_sentence_features(x) for x in _sentences(_text(text_of[d]))]
        conflicts: list[tuple[int, int, float]] = []
        share, pairs = _align_share(sents[a], sents[b], conflicts=conflicts)
        if share >= threshold and _follow_up(len(pairs), len(conflicts)):
            follow_ups.append((a, b, len(pairs), len(conflicts)))
            rows_out.append(_set_aside(a, b, share, len(pairs), "follow-up",
                                       f"{len(conflicts)} sentences alike but for their numbers: new facts"))
        elif share >= threshold and (why := _related(share, pairs, sents[a], sents[b], gap_days=gaps[k])):
            related.append((a, b, len(pairs), why))
            rows_out.append(_set_aside(a, b, share, len(pairs), "related", why))
        elif share >= threshold:
            fa = feats[a] if a in feats else feats.setdefault(a, story_features(_text(text_of[a])))
            fb = feats[b] if b in feats else feats.setdefault(b, story_features(_text(text_of[b])))
            shared = fa & fb                 # (features are never empty: f[0] is their kind's mark)
            jacc = len(shared) / (len(fa) + len(fb) - len(shared)) if fa or fb else 0.0
            nums = sorted([f[1:] for f in shared if f[0] == "#"])
            names = sorted([f[1:] for f in shared if f[0] == "@"])
            if not _story_names(names) and _story_names([f[1:] for f in fa if f[0] == "@"]) \
                    and _story_names([f[1:] for f in fb if f[0] == "@"]):
                no_names.append((a, b, len(pairs)))
                rows_out.append(_set_aside(a, b, share, len(pairs), "no shared names",
                                           "both name people, places or bodies, but none in common"))
                continue
            rows_out.append({
                "doc_a": a, "doc_b": b, "similarity": round(share, 3), "feature_jaccard": round(jacc, 3),
                "aligned_sentences": len(pairs), "shared_numbers": " ".join(nums[:20]),
                "shared_names": " ".join(names[:20]),
                "evidence": (f"{len(pairs)} sentences aligned ({share:.0%} of the shorter copy); "
                             f"{len(nums)} shared numbers; {len(names)} shared names"),
                "relation": "copy", "reason": "",
            })
        for d in (a, b):
            if last_use[d] == k:
                sents.pop(d, None)
                feats.pop(d, None)
    if follow_ups:
        log.info("find_copies: %d pairs alike but with different numbers in several matching sentences are "
                 "follow-ups (versions that report new facts), not copies; both stay counted: %s", len(follow_ups),
                 "; ".join(f"{a} ~ {b} ({n} aligned, {c} with other numbers)" for a, b, n, c in follow_ups[:5]))
    if related:
        log.info("find_copies: %d pairs share part of their text but are not copies of one report (a follow-up, a "
                 "re-use of background, two reports of one event); both stay counted: %s", len(related),
                 "; ".join(f"{a} ~ {b} ({n} aligned: {why})" for a, b, n, why in related[:5]))
    if no_names:
        log.info("find_copies: %d pairs of documents that both name people, places or bodies but share none of "
                 "those names (calendar words aside) are not copies: %s", len(no_names),
                 "; ".join(f"{a} ~ {b} ({n} aligned)" for a, b, n in no_names[:5]))
    return pd.DataFrame(rows_out, columns=_PAIR_COLUMNS)


def _set_aside(a: str, b: str, share: float, aligned: int, relation: str, reason: str) -> dict[str, Any]:
    """The row of a pair alike enough to be checked but not a copy (:func:`_verify_pairs`)."""
    return {"doc_a": a, "doc_b": b, "similarity": round(share, 3), "feature_jaccard": float("nan"),
            "aligned_sentences": aligned, "shared_numbers": "", "shared_names": "",
            "evidence": f"{aligned} sentences aligned ({share:.0%} of the shorter one)",
            "relation": relation, "reason": reason}


#: A pair is a follow-up, not a copy, when at least this many of its sentences match a sentence of the
#: other only with different numbers (:func:`_align_share`'s conflicts) ...
FOLLOW_UP_MIN = 2
#: ... and they are at least this share of its aligned sentences: a copy keeps the numbers it reports (a
#: dateline or a corrected figure may differ in a long one).
FOLLOW_UP_SHARE = 0.1


def _follow_up(aligned: int, conflicts: int) -> bool:
    """Whether a pair with ``aligned`` aligned sentences and ``conflicts`` sentences alike but for their
    numbers is a later version with new facts (a follow-up), not a copy.

    Example:
        >>> _follow_up(4, 3), _follow_up(84, 2), _follow_up(10, 1)
        (True, False, False)
    """
    return conflicts >= FOLLOW_UP_MIN and conflicts >= FOLLOW_UP_SHARE * aligned


@functools.lru_cache(maxsize=1)
def _calendar_names() -> frozenset[str]:
    """The name features (first 6 letters, lower case) of month and weekday names and their abbreviations,
    as ``kzlib/data/temporal.yaml`` lists them (from the AP Stylebook): capitalised words that any two
    articles of one month share."""
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("kzlib.data").joinpath("temporal.yaml").read_text(encoding="utf-8"))
    words = [w for key in ("months", "weekdays") for names in data[key].values() for w in names]
    return frozenset(w.lower()[:6] for w in words)


def _story_names(names: list[str]) -> list[str]:
    """The ``names`` (name features without their mark) that can tell a story: all but the calendar words.
    Copies of one story share the names of its people, places and bodies: where both documents name some, a
    pair that shares none of them (two notices that share only "Jan.") is no copy.

    Example:
        >>> _story_names(["jan", "nov", "telera"])
        ['telera']
    """
    calendar = _calendar_names()
    return [n for n in names if n not in calendar]


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
