"""kzlib.engine: per-document stages give the same tables with pandas and on Dask partitions."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kzlib.clean import clean_by_partition  # noqa: E402
from kzlib.engine import map_partitions_by_document, sample_keys  # noqa: E402


def _bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False).encode("utf-8")


def _running_count(rows: pd.DataFrame) -> pd.DataFrame:
    """Per document: each row's position and the document's row count (wrong if a document is split)."""
    out = rows[["doc_id", "para_id"]].copy()
    out["position"] = rows.groupby("doc_id").cumcount()
    out["n_rows"] = rows.groupby("doc_id")["para_id"].transform("size")
    out["words"] = rows["text"].str.split().str.len()
    return out.sort_values(["doc_id", "para_id"]).reset_index(drop=True)


@pytest.fixture(scope="module")
def table():
    # 40 documents of uneven length (1 to 7 rows), rows shuffled
    rows = [{"doc_id": f"d{i:02d}", "para_id": j, "text": f"word {i} " * (j + 1)}
            for i in range(40) for j in range(1 + i % 7)]
    return pd.DataFrame(rows).sample(frac=1.0, random_state=0).reset_index(drop=True)


def test_dask_partitions_never_split_a_document(table):
    expected = _running_count(table)
    got = map_partitions_by_document(table, _running_count, engine="dask", scheduler="synchronous", npartitions=7)
    assert _bytes(got) == _bytes(expected)
    assert got["n_rows"].tolist() == [1 + int(d[1:]) % 7 for d in got["doc_id"]]


def test_same_table_on_a_distributed_cluster(table):
    from distributed import Client, LocalCluster

    expected = map_partitions_by_document(table, _running_count, sort_by=["doc_id", "para_id"])
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": ":0"}) as cluster, \
            Client(cluster) as client:
        got = map_partitions_by_document(table, _running_count, engine="dask", scheduler=client, npartitions=5,
                                         sort_by=["doc_id", "para_id"])
    assert _bytes(got) == _bytes(expected)


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="no 'story_id' column"):
        map_partitions_by_document(pd.DataFrame({"doc_id": ["a"]}), _running_count, key="story_id")
    with pytest.raises(ValueError, match="engine must be one of"):
        map_partitions_by_document(pd.DataFrame({"doc_id": ["a"]}), _running_count, engine="spark")
    with pytest.raises(TypeError, match="must return a DataFrame"):
        map_partitions_by_document(pd.DataFrame({"doc_id": ["a"]}), lambda d: 1)


def test_sample_keys_is_order_free_and_nested():
    keys = [f"k{i}" for i in range(100)]
    a = sample_keys(keys, n=10, seed=1)
    assert a == sample_keys(list(reversed(keys)), n=10, seed=1) and len(a) == 10 and a == sorted(a)
    assert set(sample_keys(keys[:60], n=10, seed=1)) >= set(a) & set(keys[:60])
    assert sample_keys(keys, n=10, seed=2) != a
    assert sample_keys(["b", "a"], n=5) == ["a", "b"]


@pytest.fixture(scope="module")
def small_corpus():
    from benchmarks.generate import generate_corpus
    from kzlib.corpus import Corpus, load_corpus

    docs, _ = generate_corpus(30, seed=2)
    path = Path(__file__).parent / "_engine_corpus.jsonl"
    try:
        docs.to_json(path, orient="records", lines=True, force_ascii=False)
        corpus = load_corpus(path, id_column="doc_id")
    finally:
        path.unlink(missing_ok=True)
    assert isinstance(corpus, Corpus)
    return corpus


def test_clean_by_partition_equals_clean(small_corpus):
    from kzlib.clean import clean

    expected = clean(small_corpus)
    got = clean_by_partition(small_corpus, engine="dask", scheduler="synchronous", npartitions=4)
    for name in ("documents", "paragraphs", "sentences", "removals"):
        pd.testing.assert_frame_equal(getattr(got, name), getattr(expected, name), obj=name)
        assert _bytes(getattr(got, name)) == _bytes(getattr(expected, name))


def test_clean_by_partition_equals_clean_when_punkt_trains_on_a_sample(small_corpus, monkeypatch):
    import importlib

    kc = importlib.import_module("kzlib.clean.paragraphs")    # the module that reads PUNKT_TRAIN_CHARS
    monkeypatch.setattr(kc, "PUNKT_TRAIN_CHARS", 20_000)    # the 30 documents hold ~110,000 characters
    sample = kc._training_documents(small_corpus.documents)
    assert 1 < len(sample) < len(small_corpus) / 3
    expected = kc.clean(small_corpus)
    got = clean_by_partition(small_corpus, engine="dask", scheduler="synchronous", npartitions=4)
    for name in ("documents", "paragraphs", "sentences", "removals"):
        assert _bytes(getattr(got, name)) == _bytes(getattr(expected, name)), name


def test_quotes_on_partitions_equal_pandas(small_corpus):
    from kzlib.clean import clean
    from kzlib.quotes import extract_quotes

    paras = clean(small_corpus).paragraphs
    expected = extract_quotes(paras)
    assert len(expected) > 30
    got = map_partitions_by_document(paras, extract_quotes, engine="dask", scheduler="synchronous", npartitions=3,
                                     sort_by=["doc_id", "quote_id"])
    assert _bytes(got) == _bytes(expected.sort_values(["doc_id", "quote_id"]).reset_index(drop=True))


def test_clean_on_a_distributed_cluster_keeps_the_documents_order(small_corpus):
    from distributed import Client, LocalCluster

    from kzlib.clean import clean

    shuffled = small_corpus.replace(documents=small_corpus.documents.sample(frac=1.0, random_state=1)
                                    .reset_index(drop=True))
    expected = clean(shuffled)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": ":0"}) as cluster, \
            Client(cluster) as client:
        got = clean_by_partition(shuffled, engine="dask", scheduler=client, npartitions=5)
    for name in ("documents", "paragraphs", "sentences", "removals"):
        pd.testing.assert_frame_equal(getattr(got, name), getattr(expected, name), obj=name)


def test_empty_partition_results_are_left_out_as_dask_dataframe_does(table):
    def only_d00(rows: pd.DataFrame) -> pd.DataFrame:
        keep = rows[rows["doc_id"] == "d00"]   # an empty frame elsewhere has object columns
        return pd.DataFrame({"doc_id": keep["doc_id"].tolist(), "n": keep["para_id"].astype("int64").tolist()})

    expected = only_d00(table)
    got = map_partitions_by_document(table, only_d00, engine="dask", scheduler="synchronous", npartitions=4)
    pd.testing.assert_frame_equal(got, expected)
    none = map_partitions_by_document(table, lambda rows: only_d00(rows[rows["doc_id"] != "d00"]),
                                      engine="dask", scheduler="synchronous", npartitions=4)
    assert none.empty and list(none.columns) == ["doc_id", "n"]


def _batch_docs(rows: pd.DataFrame) -> pd.DataFrame:
    """Each row with the number of documents in its batch: a result that depends on the batch."""
    out = rows[["doc_id", "para_id"]].copy()
    out["batch_docs"] = rows["doc_id"].nunique()
    return out


def test_pandas_engine_on_partitions_gives_the_dask_engines_table(table):
    whole = map_partitions_by_document(table, _batch_docs, sort_by=["doc_id", "para_id"])
    assert set(whole["batch_docs"]) == {40}                           # one batch: all 40 documents
    on_parts = map_partitions_by_document(table, _batch_docs, npartitions=4, sort_by=["doc_id", "para_id"])
    dask_parts = map_partitions_by_document(table, _batch_docs, engine="dask", scheduler="synchronous",
                                            npartitions=4, sort_by=["doc_id", "para_id"])
    assert _bytes(on_parts) == _bytes(dask_parts)
    per_doc = on_parts.drop_duplicates("doc_id")["batch_docs"]
    assert per_doc.max() < 40
    # a batch of b documents gives each of them b: summing 1/b over the documents counts the batches
    batches = (1 / per_doc).sum()
    assert abs(batches - round(batches)) < 1e-9 and 2 <= round(batches) <= 4
    auto = map_partitions_by_document(table, _batch_docs, npartitions="auto", sort_by=["doc_id", "para_id"])
    assert set(auto["batch_docs"]) == {40}       # 40 documents: under 200 a partition, so one partition
    with pytest.raises(ValueError, match="npartitions must be"):
        map_partitions_by_document(table, _batch_docs, npartitions=0)


def test_default_partitions_hold_a_fixed_number_of_documents_on_any_machine(monkeypatch):
    from kzlib.engine import PARTITION_KEYS, _default_npartitions

    before = {n: _default_npartitions(n) for n in (1, 999, 1_000, 1_001, 100_000)}
    assert before == {1: 1, 999: 1, 1_000: 1, 1_001: 2, 100_000: 100_000 // PARTITION_KEYS}
    monkeypatch.setattr("os.cpu_count", lambda: 64)           # a bigger machine cuts the same partitions
    assert {n: _default_npartitions(n) for n in before} == before


def test_more_partitions_than_the_cluster_takes_at_once_come_back_in_order(table):
    from distributed import Client, LocalCluster

    from kzlib.engine import IN_FLIGHT

    expected = map_partitions_by_document(table, _running_count, sort_by=["doc_id", "para_id"])
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": ":0"}) as cluster, \
            Client(cluster) as client:
        n_parts = 4 * IN_FLIGHT + 1                 # the first IN_FLIGHT go out; each result lets one more in
        got = map_partitions_by_document(table, _running_count, engine="dask", scheduler=client,
                                         npartitions=n_parts)
    assert _bytes(got) == _bytes(expected)


def test_clean_without_the_raw_text_changes_nothing_else(small_corpus):
    from kzlib.clean import clean

    full = clean(small_corpus)
    lean = clean(small_corpus, keep_text=False)
    assert "text" in full.documents.columns and "text" not in lean.documents.columns
    pd.testing.assert_frame_equal(lean.documents, full.documents.drop(columns="text"))
    for name in ("paragraphs", "sentences", "removals"):
        assert _bytes(getattr(lean, name)) == _bytes(getattr(full, name)), name
    # every character of a document's text is in its paragraphs, so nothing is lost by dropping it
    one = small_corpus.documents.iloc[0]
    paras = lean.paragraphs[lean.paragraphs["doc_id"] == one["doc_id"]]
    assert "".join(one["text"].split()) == "".join("".join(paras["text"]).split())
    on_parts = clean_by_partition(small_corpus, engine="dask", scheduler="synchronous", npartitions=4,
                                  keep_text=False)
    for name in ("documents", "paragraphs", "sentences", "removals"):
        assert _bytes(getattr(on_parts, name)) == _bytes(getattr(lean, name)), name


def _annotated_tables(corpus, **engine) -> dict[str, pd.DataFrame]:
    from kzlib.provenance import annotate

    out = annotate(corpus, seed=0, **engine)
    return {name: out.tables()[name] for name in ("documents", "paragraphs", "copies")}


def test_provenance_on_partitions_equals_pandas_on_the_seeds():
    from kzlib.study import prepare

    cleaned = prepare(provenance=False)
    expected = _annotated_tables(cleaned)
    # the seeds (seeds/README.md): two spun articles, 001 the machine translation of 000's story (one copy
    # pair), 004 a translated interview
    assert {"spun", "machine-translated", "translated"} <= set(expected["documents"]["version_detected"])
    assert len(expected["copies"]) == 1
    got = _annotated_tables(cleaned, engine="dask", scheduler="synchronous", npartitions=3)
    for name, table in expected.items():
        pd.testing.assert_frame_equal(got[name], table, obj=name)
        assert _bytes(got[name]) == _bytes(table), name


def test_provenance_on_a_distributed_cluster_equals_pandas(small_corpus):
    from distributed import Client, LocalCluster

    from kzlib.clean import clean

    cleaned = clean(small_corpus)
    expected = _annotated_tables(cleaned)
    assert len(expected["copies"]) >= 1 and expected["documents"]["story_id"].nunique() < len(cleaned)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": ":0"}) as cluster, \
            Client(cluster) as client:
        got = _annotated_tables(cleaned, engine="dask", scheduler=client, npartitions=4)
    for name, table in expected.items():
        pd.testing.assert_frame_equal(got[name], table, obj=name)


def test_each_partition_task_hands_its_freed_memory_back(table, monkeypatch):
    import kzlib.engine as ke

    calls = []
    monkeypatch.setattr(ke, "release_memory", lambda: calls.append(1) or True)
    map_partitions_by_document(table, _running_count, engine="dask", scheduler="synchronous", npartitions=5)
    assert len(calls) == 5      # one per partition task (the worker's, not the client's release at the end)


def test_by_key_sorts_stably_and_does_not_copy_a_table_in_key_order():
    from kzlib.engine import _by_key

    table = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "x": [1, 2, 3, 4]})
    shuffled = table.iloc[[2, 0, 3, 1]]                       # b3, a1, c4, a2
    ranked = _by_key(shuffled, "doc_id")
    assert ranked["x"].tolist() == [1, 2, 3, 4]               # a1 before a2: the stable order
    assert ranked.index.tolist() == [0, 0, 1, 2]              # the key's rank
    in_order = _by_key(table, "doc_id")
    assert in_order.index.tolist() == [0, 0, 1, 2]
    assert np.shares_memory(in_order["x"].to_numpy(), table["x"].to_numpy())   # no copy of the columns
    assert table.index.tolist() == [0, 1, 2, 3]               # the caller's table keeps its index


def test_concat_results_gives_pd_concat_table_and_lets_go_of_the_pieces():
    from kzlib.engine import _concat_results

    def piece(lo: int, n: int) -> pd.DataFrame:
        return pd.DataFrame({"doc_id": [f"d{i}" for i in range(lo, lo + n)], "para_id": np.arange(n),
                             "weight": np.linspace(0, 1, n), "flag": np.arange(n) % 2 == 0})

    pieces = [piece(0, 3), piece(3, 0), piece(3, 4)]
    expected = pd.concat([pieces[0], pieces[2]], ignore_index=True)
    results = list(pieces)
    got = _concat_results(results)
    pd.testing.assert_frame_equal(got, expected)
    assert results == []                                       # the pieces were taken out of the list
    # results of different dtypes (a float column where another has ints) go through pd.concat
    mixed = [piece(0, 2), piece(2, 2).astype({"para_id": "float64"})]
    pd.testing.assert_frame_equal(_concat_results(list(mixed)), pd.concat(mixed, ignore_index=True))


def test_pack_sends_repeated_strings_once_and_gives_the_same_table_back():
    import pickle

    from kzlib.engine import _pack, _unpack

    table = pd.DataFrame({
        "doc_id": ["d1", "d1", "d1", "d2"],             # repeats: packed
        "text": ["a", "b", "c", "d"],                   # all distinct: left as it is
        "actor": ["x", None, "x", "x"],                 # a missing value: left (None must come back as None)
        "mixed": [1, "1", 1, 1],                        # not all strings: left (1 and "1" must stay apart)
        "n": [1, 2, 3, 4],
    })
    packed, names = _pack(table)
    assert names == ["doc_id"]
    assert isinstance(packed["doc_id"].dtype, pd.CategoricalDtype)
    assert table["doc_id"].dtype == object                            # the worker's table is not changed
    back = _unpack(*pickle.loads(pickle.dumps((packed, names))))
    pd.testing.assert_frame_equal(back, table)
    ids = back["doc_id"].tolist()
    assert ids[0] is ids[1] is ids[2]                                  # one string object per value


def test_results_from_worker_processes_share_their_input_strings(table):
    from distributed import Client, LocalCluster

    def echo(rows: pd.DataFrame) -> pd.DataFrame:   # a nested function travels by value to the workers
        return rows[["doc_id", "para_id", "text"]].assign(chars=rows["text"].str.len())

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": ":0"}) as cluster, \
            Client(cluster) as client:
        got = map_partitions_by_document(table, echo, engine="dask", scheduler=client, npartitions=3,
                                         sort_by=["doc_id", "para_id"])
    expected = echo(table).sort_values(["doc_id", "para_id"], ignore_index=True)
    assert _bytes(got) == _bytes(expected)
    # each text came back from another process, yet is the input's own string object, as with pandas
    source = {(d, p): t for d, p, t in zip(table["doc_id"], table["para_id"], table["text"])}
    assert all(t is source[(d, p)] for d, p, t in zip(got["doc_id"], got["para_id"], got["text"]))


@pytest.mark.parametrize("npartitions", [1, 3, 7])
def test_partitions_are_the_sorted_tables_cut_where_dask_cuts_it(table, npartitions):
    import dask
    from dask.dataframe import from_pandas

    from kzlib.engine import _by_key, _Partitions

    parts = _Partitions(table, "doc_id", npartitions)        # ``table``'s rows are shuffled
    ranked = _by_key(table, "doc_id")
    with dask.config.set({"dataframe.convert-string": False}):
        expected = [p.compute() for p in from_pandas(ranked, npartitions=npartitions, sort=True).partitions]
    assert len(parts) == len(expected) and parts.n_keys == 40
    for got, want in zip(parts, expected):
        pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))
    keys = [set(p["doc_id"]) for p in parts]
    assert sum(len(k) for k in keys) == 40                    # no document in two partitions


def test_partitions_of_a_table_in_key_order_are_slices_of_it(table):
    from kzlib.engine import _Partitions

    ordered = table.sort_values(["doc_id", "para_id"], ignore_index=True)
    parts = _Partitions(ordered, "doc_id", 3)
    assert all(np.shares_memory(p["para_id"].to_numpy(), ordered["para_id"].to_numpy()) for p in parts)
    assert pd.concat(list(parts)).equals(ordered)


def test_a_local_cluster_starts_without_warning_when_port_8787_is_taken() -> None:
    # another run or a parallel test's cluster may hold Dask's default HTTP port; the scheduler used to fall
    # back to another port with a UserWarning ("Port 8787 is already in use")
    import socket
    import warnings

    from kzlib.engine import local_cluster

    holder = socket.socket()
    try:
        try:
            holder.bind(("", 8787))
            holder.listen()
        except OSError:
            pass  # already held by someone else: the condition under test all the same
        with warnings.catch_warnings():
            warnings.simplefilter("error", UserWarning)
            with local_cluster(n_workers=1, processes=False) as cluster:
                assert cluster.scheduler_address.startswith(("tcp://", "inproc://"))
    finally:
        holder.close()
