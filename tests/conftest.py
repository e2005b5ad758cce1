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
    "tests/test_hostile.py::test_kz_run_*",
    "tests/test_hostile.py::test_timeline_finishes_on_year_like_numbers",
    "tests/test_study.py::test_a_custom_gazetteer_renames_its_actor_in_every_table",
    "tests/test_study.py::test_kz_run_with_a_custom_gazetteer_renames*",
    "tests/test_study.py::test_every_stage_s_tables_read_back_from_the_cache_as_computed",
    "*.ipynb::*",                       # nbval: each notebook executed again
)
#: Fixtures that run the whole study: a test that uses one is slow.
SLOW_FIXTURES = ("default_run",)


#: Fixtures whose tests must share one worker under pytest-xdist (the fixture is computed once per worker).
SHARED_FIXTURES = SLOW_FIXTURES


@pytest.hookimpl(wrapper=True, tryfirst=True)   # around pytest-xdist's hook, which reads the xdist_group marks
def pytest_collection_modifyitems(config, items):
    import fnmatch

    for item in items:
        nodeid = item.nodeid.replace("\\", "/")
        if any(fnmatch.fnmatch(nodeid, p) or fnmatch.fnmatch(nodeid, "*/" + p) for p in SLOW) \
                or any(f in getattr(item, "fixturenames", ()) for f in SLOW_FIXTURES):
            item.add_marker(pytest.mark.slow)
    grouped = getattr(config.option, "loadgroup", False)    # set by pytest-xdist in a worker of --dist loadgroup
    if grouped:
        _xdist_work_units(items)
    result = yield
    if grouped:
        _xdist_group_ids(items)
    return result


def _xdist_unit(item) -> tuple[int, str | None]:
    """(rank, group) of a test under ``pytest -n N --dist loadgroup`` (``make test``).

    A group runs on one worker, in order: a notebook's cells (nbval keeps one kernel per notebook), the
    tests sharing an expensive fixture (the default run), and otherwise a file's tests, as ``--dist
    loadfile`` (module fixtures computed once). A slow test is a unit of its own (None), so that the
    end-to-end runs of one file are spread over the workers. Rank orders the units: the long ones first,
    so that the short ones fill the end of the run on both workers."""
    path = item.nodeid.split("::")[0]
    if path.endswith(".ipynb"):
        return 2, path
    for name in SHARED_FIXTURES:
        if name in getattr(item, "fixturenames", ()):
            return 0, name
    if item.get_closest_marker("slow"):
        return 1, None
    return 3, path


def _xdist_work_units(items) -> None:
    """Mark each test with its xdist group and put the long units first (the sort is stable, so each
    group keeps its collection order; the Makefile passes --no-loadscope-reorder to keep this order)."""
    units = {id(item): _xdist_unit(item) for item in items}
    for item in items:
        group = units[id(item)][1]
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))
    items.sort(key=lambda item: units[id(item)][0])


def _xdist_group_ids(items) -> None:
    """pytest-xdist's loadgroup scheduler reads a test's group from its id, "<id>@<group>": xdist 3.8 appends
    it by setting ``item._nodeid``, which pytest 9.2 no longer reads (the id is ``item._id``, a NodeId).
    Append it here where xdist's did not take, or stop: without groups a notebook's cells would be spread
    over the workers and fail."""
    for item in items:
        mark = item.get_closest_marker("xdist_group")
        if mark is None or item.nodeid.endswith(f"@{mark.args[0]}"):
            continue
        try:
            from _pytest.nodeid import NodeId

            item._id = NodeId.parse(f"{item.nodeid}@{mark.args[0]}")
        except (ImportError, AttributeError):
            pass
        if not item.nodeid.endswith(f"@{mark.args[0]}"):
            raise pytest.UsageError("this pytest and pytest-xdist cannot group tests (--dist loadgroup): "
                                    "run with --dist loadfile instead")


def fake_topic_model(years: list[str], topic: list[int], fit: list[float],
                     labels: tuple[str, str] = ("president / election", "earnings / share")):
    """A stand-in for a fitted two-topic model, as :func:`kzlib.topics.catch_all_topics` reads one: one
    paragraph per year in ``years``, wholly on its ``topic`` (0 or 1), with its ``fit``."""
    from types import SimpleNamespace

    import numpy as np
    import pandas as pd

    n = len(years)
    shares = np.zeros((n, 2))
    shares[np.arange(n), topic] = 1.0
    return SimpleNamespace(
        paragraph_fit_=pd.DataFrame({"n_terms": 8, "fit": fit, "topic_id": topic, "status": "topic"}),
        topics_=pd.DataFrame({"topic_id": [0, 1], "label": list(labels)}),
        doc_topics_=pd.DataFrame({"weight": shares.ravel()}))
