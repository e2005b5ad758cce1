"""A partition's work runs with the cyclic garbage collector paused, and the collector is back on after it."""

import gc

import pandas as pd
import pytest

from kzlib.engine import map_partitions_by_document, map_partitions_to_tables


def _collector_state(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": rows["doc_id"].unique(), "gc_on": gc.isenabled()})


def _collector_tables(rows: pd.DataFrame, shared: object) -> tuple[pd.DataFrame]:
    return (_collector_state(rows),)


@pytest.mark.parametrize("engine", ["pandas", "dask"])
def test_each_partition_runs_with_the_collector_paused(engine):
    table = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "n": [1, 2, 3, 4]})
    out = map_partitions_by_document(table, _collector_state, engine=engine, scheduler="synchronous", npartitions=2)
    assert sorted(out["doc_id"]) == ["a", "b", "c", "d"]
    assert not out["gc_on"].any()
    assert gc.isenabled()


def test_tables_per_partition_run_with_the_collector_paused():
    table = pd.DataFrame({"doc_id": ["a", "b", "c"], "n": [1, 2, 3]})
    [out] = map_partitions_to_tables(table, _collector_tables, None, scheduler="synchronous", npartitions=3)
    assert len(out) == 3 and not out["gc_on"].any()
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off():
    gc.disable()
    try:
        map_partitions_by_document(pd.DataFrame({"doc_id": ["a"], "n": [1]}), _collector_state, engine="pandas",
                                   npartitions=1)
        assert not gc.isenabled()
    finally:
        gc.enable()
