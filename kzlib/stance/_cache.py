"""A bounded per-process cache of computed rows (private), shared by the classifier's vector features."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def cached(cache: dict[K, V], keys: Sequence[K], compute: Callable[[list[K]], Iterable[V]], *,
           limit: int) -> dict[K, V]:
    """The values of ``keys``: those in ``cache`` as they are, the others computed in one call of ``compute``
    (each missing key once, in first-seen order) and kept. When the cache would grow past ``limit`` it is emptied
    first, but every value asked for in this call is still returned.

    >>> store = {"a": 1}
    >>> cached(store, ["a", "b", "b"], lambda ks: [len(ks) * 10 for _ in ks], limit=1), sorted(store)
    ({'a': 1, 'b': 10}, ['b'])
    """
    found = {k: cache[k] for k in keys if k in cache}
    todo = [k for k in dict.fromkeys(keys) if k not in found]
    if todo:
        fresh = dict(zip(todo, compute(todo), strict=True))
        if len(cache) + len(todo) > limit:
            cache.clear()
        cache.update(fresh)
        found.update(fresh)
    return found
