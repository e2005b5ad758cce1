"""kzlib._memory: freed memory is handed back after a stage, without changing what the stage returns."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kzlib import _memory


def test_release_trims_glibc_on_linux():
    ran = _memory.release_memory()
    assert ran is (_memory._malloc_trim() is not None)
    if sys.platform.startswith("linux") and Path("/lib/x86_64-linux-gnu/libc.so.6").exists():
        assert ran   # this machine has glibc


def test_decorated_stage_returns_its_result_and_releases_after(monkeypatch):
    calls = []
    monkeypatch.setattr(_memory, "release_memory", lambda: calls.append("release") or True)

    @_memory.releases_memory
    def stage(x: int, *, y: int = 1) -> int:
        """Add."""
        calls.append("stage")
        return x + y

    assert stage(2, y=3) == 5 and calls == ["stage", "release"]
    assert stage.__name__ == "stage" and stage.__doc__ == "Add."


def test_release_runs_when_the_stage_fails(monkeypatch):
    calls = []
    monkeypatch.setattr(_memory, "release_memory", lambda: calls.append("release") or True)

    @_memory.releases_memory
    def broken() -> None:
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        broken()
    assert calls == ["release"]


def test_public_stages_release_memory():
    import kzlib
    from kzlib.clean import clean_by_partition
    from kzlib.engine import map_partitions_by_document
    from kzlib.topics import TopicModel

    for func in (kzlib.load_corpus, kzlib.clean, kzlib.annotate, TopicModel.fit, map_partitions_by_document,
                 clean_by_partition):
        assert getattr(func, "__wrapped__", None) is not None, func.__qualname__
