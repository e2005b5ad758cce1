"""Run per-document stages over partitions: pandas in one process, or Dask on a cluster.

A stage function that reads the rows of some documents and returns a table about those documents only
(``extract_quotes``, ``build_events`` with ``one_copy_per_story`` keyed by ``story_id``, cleaning a
document's paragraphs) gives the same table whether it runs once on the whole table or once per group
of documents. :func:`map_partitions_by_document` runs it either way:

- ``engine="pandas"``: ``func(table)`` in this process;
- ``engine="dask"``: the table, sorted by key, is cut into partitions that never split a key (where
  ``dask.dataframe.from_pandas`` would cut it), ``func`` runs on each partition on ``dask.distributed``
  — a ``LocalCluster`` with one worker process per core by default, or the cluster at ``scheduler``
  (``"tcp://host:8786"``) — and the partitions' results are concatenated in key order, as
  ``dask.dataframe`` concatenates them.

On a distributed cluster each partition is scattered to one worker (it travels once, and is freed there
when its task is done), the function and its corpus-wide arguments (a fitted sentence splitter, a topic
model) are sent once to each worker, and every result comes straight back to the client as soon as it
is ready (no concatenation on a worker, which would ship it twice).

Corpus-wide steps are not per-document; they are fitted once on the client and the fitted object is
sent with the per-partition function (see ``benchmarks/RESULTS.md``): Punkt is trained on an evenly
spread, deterministic sample of the documents (:func:`kzlib.clean.clean_by_partition`, built on
:func:`map_partitions_to_tables`); topic models are fitted on
a deterministic sample of documents (:func:`sample_keys`) and applied per partition; near-duplicate
candidates come from MinHash LSH, whose cost grows with the number of documents. Provenance
(:func:`kzlib.provenance.annotate`) splits its work the same way: what it reads off each document alone
(spin evidence, detected version, the feature hashes and MinHash signatures LSH bands), the counts
summed over documents (name contexts, words, name forms, phrases), the check of candidate pairs
(partitioned by their first document) and the swaps between aligned copies (partitioned by story) run
over partitions; the banding, the stories and the choice of the learnt substitutions are made on the
client.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

import numpy as np
import pandas as pd

from kzlib._memory import gc_paused, release_memory, releases_memory
from kzlib.errors import ParameterError, TableError, require_frame

__all__ = ["map_partitions_by_document", "map_partitions_to_tables", "dask_client", "local_cluster", "sample_keys",
           "ENGINES"]

log = logging.getLogger(__name__)

ENGINES = ("pandas", "dask")
#: Partitions per worker that are on a distributed cluster at once (one running, one waiting).
IN_FLIGHT = 2
_LOCAL_SCHEDULERS = ("synchronous", "threads", "processes")


@contextlib.contextmanager
def dask_client(scheduler: Any = None, *, n_workers: int | None = None) -> Iterator[dict[str, Any]]:
    """Keyword arguments for ``dask.compute`` that run on the requested scheduler.

    ``scheduler`` is ``None`` (a ``LocalCluster`` of ``n_workers`` processes, one thread each, started
    here and closed on exit), an address (``"tcp://10.0.0.5:8786"``) of a running ``dask.distributed``
    scheduler, a ``distributed.Client``, or one of dask's local schedulers ``"synchronous"``,
    ``"threads"``, ``"processes"`` (no cluster; useful to debug).

    Example:
        >>> with dask_client("synchronous") as kw:
        ...     kw
        {'scheduler': 'synchronous'}
    """
    if isinstance(scheduler, str) and scheduler in _LOCAL_SCHEDULERS:
        yield {"scheduler": scheduler}
        return
    from distributed import Client

    if isinstance(scheduler, Client):
        yield {"scheduler": scheduler}
        return
    if scheduler is None:
        workers = n_workers or max(1, min(os.cpu_count() or 1, 8))
        with local_cluster(n_workers=workers) as cluster, Client(cluster) as client:
            yield {"scheduler": client}
        return
    if not isinstance(scheduler, str):
        raise ParameterError(f"scheduler must be None, a scheduler address, a distributed.Client or one of "
                        f"{_LOCAL_SCHEDULERS}; got {type(scheduler).__name__}")
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise ConnectionError(f"Cannot reach the dask scheduler at {scheduler!r} ({exc}). Start one with "
                              f"'dask scheduler' and 'dask worker {scheduler}', or leave scheduler=None "
                              f"for a local cluster.") from exc
    with client:
        yield {"scheduler": client}


#: Dask settings of the clusters :func:`local_cluster` starts. Without a dashboard nobody reads the
#: statistical profiles a worker (and the scheduler's event loop) takes every 10 ms by default, and each
#: tick of a worker's event loop (every 20 ms by default; it only checks that the loop is not blocked longer
#: than ``distributed.admin.tick.limit``, 3 s) takes the interpreter lock from the partition's thread.
#: Two workers running six of the quotes stage's partitions (1,000 generated documents each) spent a median
#: 5.5 % less CPU with these settings (five alternated runs, from +3 % to -11 % on a shared 2-core host).
LOCAL_CLUSTER_CONFIG = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s"}


def local_cluster(*, n_workers: int, **options: Any) -> Any:
    """A ``distributed.LocalCluster`` of ``n_workers`` processes with one thread each, no dashboard (its
    scheduler's HTTP endpoint on a free port) and no statistical profiler (:data:`LOCAL_CLUSTER_CONFIG`);
    ``options`` go to ``LocalCluster``. Use it as a context manager, or close it.

    Example:
        >>> with local_cluster(n_workers=1) as cluster:   # doctest: +SKIP
        ...     len(cluster.workers)
        1
    """
    import dask
    from distributed import LocalCluster

    log.info("starting a dask LocalCluster with %d worker processes", n_workers)
    # the scheduler's HTTP endpoint (health, metrics) on a free port, not on 8787, which a second cluster (another
    # run, a parallel test) may hold: that warned "Port 8787 is already in use"
    options = {"threads_per_worker": 1, "processes": True, "dashboard_address": None,
               "scheduler_kwargs": {"dashboard_address": ":0"}, "silence_logs": logging.WARNING, **options}
    with dask.config.set(LOCAL_CLUSTER_CONFIG):   # the workers' nannies take the configuration as it is now
        return LocalCluster(n_workers=n_workers, **options)


def _check(table: pd.DataFrame, key: str, engine: str) -> None:
    require_frame(table, table_name="partitioned", fix="pass a kzlib table (a pandas DataFrame)")
    if key not in table.columns:
        raise TableError(f"the table has no {key!r} column to partition by (columns: {list(table.columns)[:10]}); "
                         f"pass key=<the document or story column>")
    if engine not in ENGINES:
        raise ParameterError(f"engine must be one of {ENGINES}, got {engine!r}")


def _key_order(table: pd.DataFrame, key: str) -> tuple[np.ndarray | None, np.ndarray]:
    """The row order that sorts ``table`` by key (stable; None where it is in key order already) and each
    row's key rank in that order."""
    keys = table[key]
    order = None
    if not keys.is_monotonic_increasing:   # the row order sort_values(key, kind="stable") gives
        keys = keys.reset_index(drop=True).sort_values(kind="stable")
        order = keys.index.to_numpy()
    codes, _ = pd.factorize(keys.astype(str), sort=True)
    return order, codes


def _by_key(table: pd.DataFrame, key: str) -> pd.DataFrame:
    """Rows sorted by key (stable), indexed by the key's rank: partitions then never split a key.

    A table already in key order is not copied (a new frame on the same columns); a sorted one is
    copied once."""
    order, codes = _key_order(table, key)
    ordered = table.copy(deep=False) if order is None else table.take(order)
    ordered.index = pd.Index(codes, name="_key_rank")
    return ordered


#: Documents (keys) per partition when none is asked for: the same on every machine, so that a stage
#: whose result depends on its batch (a topic model's ``transform``) gives the same table everywhere;
#: small enough for memory and for balance between workers, large enough for each task's fixed cost.
PARTITION_KEYS = 1_000


def _default_npartitions(n_keys: int) -> int:
    """One partition per :data:`PARTITION_KEYS` keys (rounded up); it does not depend on the machine.

    Example:
        >>> _default_npartitions(100_000), _default_npartitions(10_000), _default_npartitions(10)
        (100, 10, 1)
    """
    return max(1, -(-n_keys // PARTITION_KEYS))


def _default_index(table: pd.DataFrame) -> pd.DataFrame:
    """``table.reset_index(drop=True)``, without its copy of every column where the index is already 0..n-1."""
    index = table.index
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
        return table
    return table.reset_index(drop=True)


def _apply(part: pd.DataFrame, func: Callable[..., pd.DataFrame], kwargs: dict[str, Any]) -> pd.DataFrame:
    with gc_paused():   # see _paused
        out = func(_default_index(part), **kwargs)
    if not isinstance(out, pd.DataFrame):
        raise TypeError(f"{getattr(func, '__name__', func)} must return a DataFrame, got {type(out).__name__}")
    return _default_index(out)


def _cuts(ranks: pd.Index, npartitions: int) -> list[int]:
    """Where ``dask.dataframe.from_pandas`` cuts rows with these sorted key ranks into ``npartitions``."""
    from dask.dataframe.io.io import sorted_division_locations

    return list(sorted_division_locations(ranks, npartitions=npartitions)[1])


class _Partitions(Sequence[pd.DataFrame]):
    """``_by_key(table, key)`` cut where ``dask.dataframe.from_pandas`` cuts it into ``npartitions``:
    never inside a key, the same partitions on every run (a stage whose result depends on its batch, such
    as a topic model's transform, gives the same table). Each partition is made when it is asked for,
    so that the sorted table is never held whole.

    A table already in key order gives slices of itself (no copy); any other gives each partition as a
    copy of its rows taken in key order. At 100,000 generated documents, the timeline's sentences sorted
    by story were a 155 MB copy held on the client for the whole stage. ``n_keys`` is the number of keys;
    ``npartitions=None`` means :func:`_default_npartitions` of it.

    Example:
        >>> t = pd.DataFrame({"doc_id": ["b", "a", "c", "a"], "n": [1, 2, 3, 4]})
        >>> parts = _Partitions(t, "doc_id", 2)
        >>> len(parts), parts.n_keys, [p["n"].tolist() for p in parts]
        (2, 3, [[2, 4], [1, 3]])
    """

    def __init__(self, table: pd.DataFrame, key: str, npartitions: int | None = None) -> None:
        self._table = table
        self._order, codes = _key_order(table, key)
        self.n_keys = int(codes.max()) + 1 if len(codes) else 0
        wanted = _default_npartitions(self.n_keys) if npartitions is None else npartitions
        self._cuts = _cuts(pd.Index(codes), wanted)

    def __len__(self) -> int:
        return len(self._cuts) - 1

    @overload
    def __getitem__(self, i: int) -> pd.DataFrame: ...

    @overload
    def __getitem__(self, i: slice) -> list[pd.DataFrame]: ...

    def __getitem__(self, i: int | slice) -> pd.DataFrame | list[pd.DataFrame]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        a, b = self._cuts[i % len(self)], self._cuts[i % len(self) + 1]
        return self._table.iloc[a:b] if self._order is None else self._table.take(self._order[a:b])


def _paused(func: Callable[..., Any], part: pd.DataFrame, shared: Any) -> Any:
    """``func(part, shared)`` with the cyclic garbage collector paused (:func:`kzlib._memory.gc_paused`).

    A partition's work makes millions of small containers freed by reference count; each collection they set
    off walks every object the process holds (10 % of the provenance stage's CPU, 8 % of the stance stage's,
    at 3,000 documents). Cycles made inside are collected when the collector next runs, after the partition.
    """
    with gc_paused():
        return func(part, shared)


def _run_partitions(func: Callable[..., Any], parts: Sequence[pd.DataFrame], shared: Any,
                    scheduler: Any, *, finish: Callable[[pd.DataFrame, Any], Any] | None = None) -> list[Any]:
    """``[func(part, shared) for part in parts]`` on ``scheduler`` (see :func:`dask_client`), in order;
    with ``finish``, ``finish(part, result)`` in place of each result, called as soon as it has arrived.
    ``parts[i]`` is asked for once, when partition i is sent.

    On a ``distributed`` cluster ``shared`` is sent once to every worker, and the parts are scattered as
    they are submitted, at most :data:`IN_FLIGHT` per worker thread at a time; each result is fetched
    when it is ready, which frees the worker's copy and lets the next part in.
    A local dask scheduler runs the same calls as ``dask.delayed`` tasks.
    """
    import dask

    func = functools.partial(_paused, func)
    with dask_client(scheduler) as compute_kw:
        client = compute_kw["scheduler"]
        if isinstance(client, str):
            inputs = list(parts)
            tasks = [dask.delayed(func)(part, dask.delayed(shared, pure=True)) for part in inputs]
            done = list(dask.compute(*tasks, **compute_kw))
            return done if finish is None else [finish(part, result) for part, result in zip(inputs, done)]
        from distributed import as_completed

        [shared_future] = client.scatter([shared], broadcast=True, hash=False)
        # at most IN_FLIGHT partitions per worker thread are on the cluster at once (inputs and results):
        # the workers never hold the whole table, and a finished one makes room for the next, on its worker
        slots = _slots(client.nthreads())
        results: list[Any] = [None] * len(parts)
        position: dict[str, int] = {}
        pending = iter(range(len(parts)))

        sent: dict[int, tuple[pd.DataFrame, str | None]] = {}   # the partitions on the cluster, and where

        def submit(i: int, worker: str | None) -> Any:
            part = parts[i]
            data, worker = _scatter_to(client, part, worker)
            sent[i] = part, worker
            future = client.submit(func, data, shared_future, pure=False)
            position[future.key] = i
            return future

        running = as_completed([submit(i, w) for w, i in zip(slots, pending)], with_results=True)
        for future, result in running:
            i = position.pop(future.key)
            part, worker = sent.pop(i)
            results[i] = result if finish is None else finish(part, result)
            del part
            future.release()
            nxt = next(pending, None)
            if nxt is not None:
                running.add(submit(nxt, worker))
        return results


def _slots(nthreads: dict[str, int]) -> list[str | None]:
    """The first partitions' workers: :data:`IN_FLIGHT` per thread of each worker, taken in turn.

    Example:
        >>> _slots({"tcp://b:1": 1, "tcp://a:1": 1})
        ['tcp://a:1', 'tcp://b:1', 'tcp://a:1', 'tcp://b:1']
    """
    workers = sorted(nthreads)
    if not workers:   # none has joined yet: the cluster places each partition where it can
        return [None] * IN_FLIGHT
    most = max(nthreads.values())
    return [w for r in range(IN_FLIGHT * most) for w in workers if r < IN_FLIGHT * nthreads[w]]


def _scatter_to(client: Any, part: pd.DataFrame, worker: str | None) -> tuple[Any, str | None]:
    """``part`` sent to ``worker`` (the one whose partition has just come back) and where it went.

    Its task then runs there at once. ``client.scatter`` alone sends partitions to the workers in turn, so
    that one sent to a busy worker made a free one wait for it to be moved (``transfer`` in the task
    stream: 2.3 s of the two workers' 57 s at 20,000 documents of the provenance stage). A worker that
    has gone gives the scatter back to the cluster's choice.
    """
    if worker is not None:
        try:
            [data] = client.scatter([part], workers=[worker], hash=False)
            return data, worker
        except (TimeoutError, ValueError, KeyError) as exc:
            log.warning("worker %s did not take a partition (%s); the cluster places it", worker, exc)
    [data] = client.scatter([part], hash=False)
    return data, None


def _apply_shared(part: pd.DataFrame, shared: tuple[Callable[..., pd.DataFrame], dict[str, Any]]
                  ) -> tuple[pd.DataFrame, list[str]]:
    """One partition's task on a worker, its result packed for the trip back (:func:`_pack`); the worker
    hands the partition's freed temporaries back to the system after it
    (:func:`kzlib._memory.release_memory`), so that it does not keep the high-water mark of its largest
    partition for the rest of the run."""
    func, kwargs = shared
    try:
        return _pack(_apply(part, func, kwargs))
    finally:
        release_memory()


def _pack(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """``table`` with each column of strings that repeat (fewer distinct values than half its rows, none
    missing) as a ``Categorical``, and the names of those columns (see :func:`_unpack`).

    Rebuilt from its bytes on the client, every row of an object column is a string object of its own:
    a document's id, a date, a sentence named by each of its events, repeated as many times as rows.
    Sent as codes and their distinct strings, they come back as one string per value, as the pandas
    engine's tables share them with their input.
    """
    if not table.columns.is_unique or len(table) < 2:
        return table, []
    packed = table.copy(deep=False)
    names = []
    for name in table.columns:
        column = table[name]
        if column.dtype != object:
            continue
        values = column.to_numpy()
        if pd.api.types.infer_dtype(values, skipna=False) != "string":
            continue   # a missing value or a non-string (a list, a number) would not come back as it was
        codes, uniques = pd.factorize(values)
        if 2 * len(uniques) > len(column):
            continue   # no gain
        packed[name] = pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))
        names.append(name)
    return (packed, names) if names else (table, [])


def _unpack(table: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """The table :func:`_pack` packed: its packed columns object columns again, whose equal values are
    one string object."""
    for name in names:
        table[name] = np.asarray(table[name].array, dtype=object)
    return table


def _share_strings(table: pd.DataFrame, source: pd.DataFrame, *, sample: int = 8) -> pd.DataFrame:
    """``table`` (a partition's result, rebuilt from its bytes) with each string equal to a string of
    ``source`` (the partition it was made from) replaced by ``source``'s own object.

    A result that repeats its input's text (the sentence each event comes from) otherwise holds a second
    copy of it on the client; the pandas engine's tables share those strings with their input, and so do
    the Dask engine's now. The values are equal, so the table is the same. Only the columns of Python
    objects among whose first ``sample`` strings at least one is ``source``'s are looked up.

    Example:
        >>> source = pd.DataFrame({"text": ["Troops arrived.", "Protests spread."]})
        >>> result = pd.DataFrame({"text": ["".join("Troops arrived.")], "n": [1]})
        >>> result["text"][0] is source["text"][0]
        False
        >>> _share_strings(result, source)["text"][0] is source["text"][0]
        True
    """
    columns = [c for c in table.columns if table[c].dtype == np.dtype(object)]
    if not columns or not table.columns.is_unique or not source.columns.is_unique:
        return table
    known: dict[str, str] = {}
    for c in source.columns:
        if source[c].dtype == np.dtype(object):
            known.update((v, v) for v in source[c].tolist() if type(v) is str)
    if not known:
        return table
    get = known.get
    for c in columns:
        values = table[c].tolist()
        first = [v for v in values[:4 * sample] if type(v) is str][:sample]
        if not any(v in known for v in first):
            continue
        out = np.empty(len(values), dtype=object)
        out[:] = [get(v, v) if type(v) is str else v for v in values]
        table[c] = out
    return table


#: Bytes of partition results copied into a concatenated table between two :func:`release_memory` calls.
_RELEASE_EVERY = 64 << 20


def _concat_results(results: list[pd.DataFrame]) -> pd.DataFrame:
    """The partitions' results in order, as ``dask.dataframe`` concatenates them: empty ones left out
    (their dtypes may differ), the first one when all are empty.

    Results of one schema (the same columns and NumPy dtypes) are copied into the table one at a time and
    let go of as they are (``results`` is emptied), with the freed memory handed back to the system every
    :data:`_RELEASE_EVERY` bytes: the table and all its pieces are never held at once, as ``pd.concat``
    holds them. Other results go through ``pd.concat``.
    """
    filled = [r for r in results if len(r)]
    if not filled:
        return results[0]
    if len(filled) == 1:
        return filled[0]
    first = filled[0]
    columns, dtypes = first.columns, first.dtypes
    if not (columns.is_unique and all(isinstance(d, np.dtype) for d in dtypes)
            and all(r.columns.equals(columns) and r.dtypes.equals(dtypes) for r in filled)):
        return pd.concat(filled, ignore_index=True)
    results.clear()
    out = {c: np.empty(sum(len(r) for r in filled), dtype=d) for c, d in zip(columns, dtypes)}
    at = copied = 0
    for i in range(len(filled)):
        piece, filled[i] = filled[i], None
        n = len(piece)
        for c in columns:
            out[c][at:at + n] = piece[c].to_numpy()
        at += n
        copied += int(piece.memory_usage(index=False, deep=False).sum())
        del piece
        if copied >= _RELEASE_EVERY:
            release_memory()
            copied = 0
    return pd.DataFrame(out, columns=columns, copy=False)


@releases_memory
def map_partitions_by_document(
    table: pd.DataFrame,
    func: Callable[..., pd.DataFrame],
    *,
    engine: str = "pandas",
    scheduler: Any = None,
    npartitions: int | str | None = None,
    key: str = "doc_id",
    sort_by: list[str] | None = None,
    meta: pd.DataFrame | None = None,
    **kwargs: Any,
) -> pd.DataFrame:
    """Run a per-document stage ``func(rows, **kwargs) -> DataFrame`` with pandas or over Dask partitions.

    ``table`` holds rows of many documents (``key`` names the column that must not be split: ``doc_id``,
    or ``story_id`` for a stage that compares copies of one story). With ``engine="dask"`` the rows are
    split into ``npartitions`` partitions (default: one per 1,000 keys, on any machine) that keep
    every key whole, ``func`` runs on each partition on ``scheduler`` (see :func:`dask_client`), and the
    results are concatenated in key order. ``meta`` is an empty frame with the result's columns and dtypes,
    the result when every partition's is empty (default: ``func`` run on the first key's rows, as
    ``dask.dataframe`` does). With ``engine="pandas"`` the whole table is one batch, unless
    ``npartitions`` is given (a number, or ``"auto"`` for the Dask engine's default): then the same
    partitions run one after another in this process, so that a stage whose result depends on its batch
    (a topic model's ``transform``) gives the Dask engine's table. ``sort_by`` sorts the result (both engines), so that the two engines give the
    same table byte for byte.

    Example:
        >>> from kzlib.quotes import extract_quotes           # doctest: +SKIP
        >>> quotes = map_partitions_by_document(corpus.paragraphs, extract_quotes, engine="dask",
        ...                                     scheduler="tcp://10.0.0.5:8786")  # doctest: +SKIP
    """
    _check(table, key, engine)
    if npartitions is not None and npartitions != "auto" and not (
            isinstance(npartitions, (int, np.integer)) and npartitions >= 1):
        raise ParameterError(f"npartitions must be a number >= 1, 'auto' or None; got {npartitions!r}")
    if len(table) == 0 or (engine == "pandas" and npartitions is None):
        out = _apply(table, func, kwargs)
    else:
        parts = _Partitions(table, key, None if npartitions in (None, "auto") else int(npartitions))
        log.info("map_partitions_by_document: %s over %d rows, %d keys, %d partitions (%s)",
                 getattr(func, "__name__", "func"), len(table), parts.n_keys, len(parts), engine)
        if engine == "pandas":   # the same partitions, one after another in this process
            results = [_apply(part, func, kwargs) for part in parts]
        else:
            # each result's columns unpacked and its strings shared with its partition as it arrives
            results = _run_partitions(_apply_shared, parts, (func, kwargs), scheduler,
                                      finish=lambda part, packed: _share_strings(_unpack(*packed), part))
        del parts
        if all(len(r) == 0 for r in results):   # dask.dataframe's result: its meta
            if meta is None:
                meta = _apply(_by_key(table, key).loc[[0]], func, kwargs).iloc[:0]
            results = [meta]
        out = _default_index(_concat_results(results))
        del results   # (the partitions' pieces: only the concatenated table holds their rows now)
    if sort_by:
        out = out.sort_values(list(sort_by), kind="stable", ignore_index=True)
    return out


def sample_keys(keys: pd.Series | list[str], *, n: int, seed: int = 0) -> list[str]:
    """A deterministic sample of ``n`` keys (smallest salted hash), the same whatever the keys' order.

    A key chosen from a corpus stays chosen when more documents are added (as long as it is still among
    the ``n`` smallest hashes), so a model fitted on the sample changes little as the corpus grows.

    Example:
        >>> sample_keys(["a", "b", "c", "d"], n=2, seed=0) == sample_keys(["d", "c", "b", "a"], n=2, seed=0)
        True
    """
    unique = sorted({str(k) for k in keys})
    if n >= len(unique):
        return unique
    salt = str(seed).encode()
    return sorted(sorted(unique, key=lambda k: hashlib.blake2b(salt + k.encode(), digest_size=8).digest())[:n])


# --- several tables per partition, with a corpus-wide object sent once ----------------------------

@releases_memory
def map_partitions_to_tables(table: pd.DataFrame, func: Callable[[pd.DataFrame, Any], tuple[pd.DataFrame, ...]],
                             shared: Any, *, key: str = "doc_id", scheduler: Any = None,
                             npartitions: int | None = None) -> list[pd.DataFrame]:
    """``func(rows, shared)`` on each Dask partition of ``table`` (partitions cut as in
    :func:`map_partitions_by_document`, never splitting a ``key``), where ``func`` returns a tuple of
    tables about those rows' documents; returns each of those tables concatenated over the partitions in
    key order (with a default index). ``shared`` (a fitted sentence splitter, a model) is sent once to
    each worker. The stage that calls it puts the tables back in its own row order.

    Example:
        >>> t = pd.DataFrame({"doc_id": ["b", "a", "a"], "n": [1, 2, 3]})
        >>> def sums(rows, factor):
        ...     g = rows.groupby("doc_id", as_index=False)["n"].sum()
        ...     return g, g.assign(n=g["n"] * factor)
        >>> [x["n"].tolist() for x in map_partitions_to_tables(t, sums, 10, scheduler="synchronous", npartitions=2)]
        [[5, 1], [50, 10]]
    """
    _check(table, key, "dask")
    parts = _Partitions(table, key, int(npartitions or _default_npartitions(table[key].nunique())))
    log.info("map_partitions_to_tables: %s over %d rows, %d partitions", getattr(func, "__name__", "func"),
             len(table), len(parts))
    results = [list(r) for r in _run_partitions(func, parts, shared, scheduler)]
    del parts
    tables = []
    for i in range(len(results[0]) if results else 0):   # one table at a time, each piece let go once in it
        pieces = [r[i] for r in results]
        for r in results:
            r[i] = None
        tables.append(_default_index(_concat_results(pieces)))
        del pieces
    return tables
