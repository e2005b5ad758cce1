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


# --- slow tests, marked here by id so that test files need not change ------------------------------
# `pytest -m "not slow"` runs the rest in under a minute; `make test` runs everything. A test that runs
# the whole study (kz run), builds a wheel or reads a large corpus belongs here: find candidates with
# `pytest --durations=20` and add their ids (fnmatch patterns on the node id).
SLOW = (
    "tests/test_pipeline.py::test_cli_rejects_unknown_parameter_before_running",
    "tests/test_pipeline.py::test_same_run_twice_gives_byte_identical_tables",
    "tests/test_pipeline.py::test_failing_notebook_names_the_cell_keeps_what_ran_and_exits_nonzero",
    "tests/test_pipeline.py::test_article_markup_never_reaches_the_reader",
    "tests/test_pipeline.py::test_one_document_corpus_runs",
    "tests/test_pipeline.py::test_runs_offline_without_nltk_data",
    "tests/test_pipeline.py::test_dask_engine_gives_the_same_tables",
    "tests/test_pipeline.py::test_scheduler_needs_the_dask_engine",
    "tests/test_packaging.py::test_wheel_installed_in_a_fresh_venv_runs_the_bundled_study",
    "tests/test_study.py::test_a_custom_gazetteer_renames_its_actor_in_every_table",
    "tests/test_study.py::test_kz_run_with_a_custom_gazetteer_renames*",
    "tests/test_study.py::test_every_stage_s_tables_read_back_from_the_cache_as_computed",
    "*.ipynb::*",                       # nbval: each notebook executed again
)
#: Fixtures that run the whole study: a test that uses one is slow.
SLOW_FIXTURES = ("default_run",)


def pytest_collection_modifyitems(config, items):
    import fnmatch

    for item in items:
        nodeid = item.nodeid.replace("\\", "/")
        if any(fnmatch.fnmatch(nodeid, p) or fnmatch.fnmatch(nodeid, "*/" + p) for p in SLOW) \
                or any(f in getattr(item, "fixturenames", ()) for f in SLOW_FIXTURES):
            item.add_marker(pytest.mark.slow)
