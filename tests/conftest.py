"""Shared fixtures: the prepared seeds (once per session) and builders of small bad corpora."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
KZ = [sys.executable, "-m", "kzlib.cli"]


@pytest.fixture(scope="session")
def seeds_corpus():
    """The bundled corpus, loaded and cleaned (no provenance), once per test session."""
    import kzlib

    return kzlib.clean(kzlib.load_corpus())


@pytest.fixture(scope="session")
def prepared():
    """The bundled corpus through prepare() (load, clean, provenance)."""
    import kzlib

    return kzlib.prepare()


@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed texts (without metadata) in a temporary folder."""
    dest = tmp_path / "corpus"
    dest.mkdir()
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, dest / p.name)
    return dest


def run_kz(*args: str, env: dict | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run the `kz` command line in a subprocess (the way a user does)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([*KZ, *args], capture_output=True, text=True, cwd=ROOT, env=full_env, timeout=timeout)
