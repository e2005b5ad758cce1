"""kzlib._parquet.write_parquet: the file holds the table ``to_parquet`` would have written."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from kzlib._parquet import write_parquet


def _table(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    words = np.array(["Astana", "Алматы", "“quoted”", "", "CSTO troops"], dtype=object)
    text = words[rng.integers(0, len(words), n)]
    text[::7] = None   # missing strings
    return pd.DataFrame({
        "doc_id": [f"doc{i:05d}" for i in range(n)],
        "text": text,
        "n": rng.integers(0, 100, n),
        "score": rng.random(n),
        "flag": rng.random(n) > 0.5,
        "kind": pd.Categorical(rng.choice(["direct", "indirect"], n)),
        "published": pd.to_datetime("2022-01-05") + pd.to_timedelta(rng.integers(0, 30, n), unit="D"),
    })


def test_groups_read_back_as_the_table(tmp_path):
    table = _table(1_000)
    path = write_parquet(table, tmp_path / "t.parquet", rows_per_group=128)
    assert pq.ParquetFile(path).metadata.num_row_groups == 8   # 7 groups of 128 rows and one of 104
    pd.testing.assert_frame_equal(pd.read_parquet(path), table)
    table.to_parquet(tmp_path / "whole.parquet", index=False)
    pd.testing.assert_frame_equal(pd.read_parquet(path), pd.read_parquet(tmp_path / "whole.parquet"))
    assert not (tmp_path / "t.parquet.part").exists()


def test_index_is_not_written(tmp_path):
    table = _table(300).iloc[::-1]   # a reversed index, as to_parquet(index=False) drops it
    back = pd.read_parquet(write_parquet(table, tmp_path / "t.parquet", rows_per_group=100))
    pd.testing.assert_frame_equal(back, table.reset_index(drop=True))


@pytest.mark.parametrize("column", [
    [None] * 150 + ["late text"] * 150,          # no value in the first group: its type would be null
    [1] * 150 + [2.5] * 150,                      # Python numbers of two types in one column
    [["a", "b"]] * 300,                           # lists
])
def test_columns_the_first_group_cannot_type_are_written_whole(tmp_path, column):
    table = pd.DataFrame({"doc_id": [f"d{i}" for i in range(300)], "value": pd.Series(column, dtype=object)})
    path = write_parquet(table, tmp_path / "t.parquet", rows_per_group=100)
    assert pq.ParquetFile(path).metadata.num_row_groups == 1
    table.to_parquet(tmp_path / "whole.parquet", index=False)
    pd.testing.assert_frame_equal(pd.read_parquet(path), pd.read_parquet(tmp_path / "whole.parquet"))


def test_small_tables_are_one_group(tmp_path):
    path = write_parquet(_table(10), tmp_path / "t.parquet", rows_per_group=100)
    assert pq.ParquetFile(path).metadata.num_row_groups == 1


def test_rows_per_group_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="rows_per_group must be at least 1"):
        write_parquet(_table(10), tmp_path / "t.parquet", rows_per_group=0)
