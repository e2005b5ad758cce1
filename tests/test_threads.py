"""kzlib._threads.thread_map: the client's batch work on threads gives the serial result, in order."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from kzlib._threads import thread_map


def test_results_come_back_in_order_from_several_threads():
    names = set()

    def square(x: int) -> int:
        names.add(threading.current_thread().name)
        threading.Event().wait(0.01)        # let the other thread take the next item
        return x * x

    assert thread_map(square, range(20), threads=3) == [x * x for x in range(20)]
    assert len(names) > 1


def test_one_core_or_one_item_stays_in_this_thread(monkeypatch):
    monkeypatch.setattr("kzlib._threads.os.cpu_count", lambda: 1)
    here = threading.current_thread().name
    assert thread_map(lambda _: threading.current_thread().name, range(3)) == [here] * 3
    assert thread_map(lambda _: threading.current_thread().name, [0], threads=4) == [here]


@pytest.mark.parametrize("cores", [1, 4])
def test_minhash_bands_do_not_depend_on_the_threads(monkeypatch, cores):
    from kzlib.provenance.minhash import _band_candidates

    monkeypatch.setattr("kzlib._threads.os.cpu_count", lambda: cores)
    rng = np.random.default_rng(7)
    sig = rng.integers(0, 3, (50, 12)).astype(np.uint32)    # few values: many rows equal on a band
    pairs = {(i, j) for i in range(50) for j in range(i + 1, 50)
             if any((sig[i, b * 3:(b + 1) * 3] == sig[j, b * 3:(b + 1) * 3]).all() for b in range(4))}
    assert {divmod(int(c), 50) for c in _band_candidates(sig, bands=4, rows=3)} == pairs
