"""Run a stage's independent numpy steps on threads, so that the client's corpus-wide work uses every core.

numpy and scipy release the interpreter lock inside their large operations (sorting, ``np.unique``,
searching, sparse products), so batches of such work run side by side on threads; Python-level loops do
not, and gain nothing. The batches' results come back in order, so the tables do not depend on the
number of threads.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Threads at most, whatever the machine (each holds one batch's arrays).
MAX_THREADS = 4


def thread_map(func: Callable[[T], R], items: Iterable[T], *, threads: int | None = None) -> list[R]:
    """``[func(item) for item in items]``, the items on up to ``threads`` threads (default: the machine's
    cores, at most :data:`MAX_THREADS`); in one thread where there is one core or one item.

    Example:
        >>> thread_map(lambda x: x * x, range(5), threads=2)
        [0, 1, 4, 9, 16]
    """
    items = list(items)
    n = threads if threads is not None else min(os.cpu_count() or 1, MAX_THREADS)
    if n <= 1 or len(items) <= 1:
        return [func(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(n, len(items)), thread_name_prefix="kzlib") as pool:
        return list(pool.map(func, items))
