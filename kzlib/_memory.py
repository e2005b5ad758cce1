"""Give the memory a finished stage freed back to the operating system.

A stage makes and drops millions of temporary strings and arrays. Python frees them, but the C
allocators keep the freed pages mapped: glibc's ``malloc`` returns only the top of its heap, and
pyarrow's pool keeps its buffers. The process then stays as large as the stage's peak even though no
table holds that memory. At 100,000 articles, provenance left about 0.9 GB resident this way.
:func:`release_memory` asks both allocators to return free pages: ``malloc_trim(0)``, which also
releases free pages in the middle of the heap, and pyarrow's ``release_unused``. Dask's workers do
the same (distributed's "Memory not released back to the OS" documentation). On other systems, where
``malloc_trim`` does not exist, it only releases pyarrow's pool.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import logging
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim   # glibc; musl has none
    except (OSError, AttributeError):
        return None


def release_memory() -> bool:
    """Return freed pages to the system; True where ``malloc_trim`` ran (glibc).

    Example:
        >>> isinstance(release_memory(), bool)
        True
    """
    pa = sys.modules.get("pyarrow")   # imported only where something used it
    if pa is not None:
        try:
            pa.default_memory_pool().release_unused()
        except Exception:  # noqa: BLE001 - only a memory optimisation; pyarrow's API may differ
            log.debug("pyarrow's memory pool could not release its unused memory", exc_info=True)
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def releases_memory(func: F) -> F:
    """Decorate a stage so that the memory its temporaries used is returned when it finishes.

    The release runs after the function's frame is gone (its local variables freed), whether it returned
    or raised.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        finally:
            release_memory()

    return wrapper  # type: ignore[return-value]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for a stage's loop over documents or sentences.

    Such a loop makes millions of small objects (dicts, lists, matches, rows) and frees them by reference
    count, with no cycles; each collection they set off walks every object the process holds, the tables
    and the rows made so far included (the timeline stage spent a sixth of its time there). Objects in
    cycles made inside are collected when the collector runs again. Nothing changes where it was off.

    Example:
        >>> import gc
        >>> with gc_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
