"""The clusters the engine starts take no statistical profiles, and each partition goes to the worker whose
partition has just come back (session 26)."""

import dask
import pandas as pd

from kzlib.engine import _scatter_to, _slots, local_cluster, map_partitions_by_document


def _worker_profiles(dask_worker) -> bool:
    return "profile" in dask_worker.periodic_callbacks


def test_a_local_cluster_takes_no_statistical_profiles():
    from distributed import Client

    from kzlib.engine import LOCAL_CLUSTER_CONFIG

    with local_cluster(n_workers=1) as cluster, Client(cluster) as client:
        assert list(client.run(lambda: dask.config.get("distributed.worker.profile.enabled")).values()) == [False]
        assert list(client.run(_worker_profiles).values()) == [False]
        # the event loop's tick: once a second, not every 20 ms
        assert list(client.run(lambda dask_worker: dask_worker._tick_interval).values()) == [1.0]
    # the settings were only for the cluster: the caller's configuration is as it was
    assert dask.config.get("distributed.worker.profile.enabled") is True
    assert all(dask.config.get(key) != value for key, value in LOCAL_CLUSTER_CONFIG.items())


class _Client:
    """Records where ``scatter`` was asked to send data; a worker named "gone" has left the cluster."""

    def __init__(self) -> None:
        self.asked: list[object] = []

    def scatter(self, data, workers=None, hash=True):
        self.asked.append(workers)
        if workers == ["gone"]:
            raise TimeoutError("No valid workers found")
        return [f"future of {len(data)} on {workers}"]


def test_a_partition_is_sent_to_the_worker_asked_for_or_where_the_cluster_puts_it():
    client = _Client()
    part = pd.DataFrame({"doc_id": ["a"]})
    assert _scatter_to(client, part, "tcp://a:1") == ("future of 1 on ['tcp://a:1']", "tcp://a:1")
    # a worker that has gone: the cluster's choice, and no worker is remembered for that slot
    assert _scatter_to(client, part, "gone") == ("future of 1 on None", None)
    assert _scatter_to(client, part, None) == ("future of 1 on None", None)
    assert client.asked == [["tcp://a:1"], ["gone"], None, None]


def test_slots_give_each_worker_thread_its_share_of_partitions_in_turn():
    from kzlib.engine import IN_FLIGHT

    slots = _slots({"tcp://b:1": 2, "tcp://a:1": 1})
    # b has two threads: twice a's partitions at once; the first two go to different workers
    assert slots.count("tcp://b:1") == 2 * IN_FLIGHT and slots.count("tcp://a:1") == IN_FLIGHT
    assert slots[:2] == ["tcp://a:1", "tcp://b:1"]
    assert _slots({}) == [None] * IN_FLIGHT


def _where(rows: pd.DataFrame) -> pd.DataFrame:
    from distributed import get_worker

    return pd.DataFrame({"doc_id": rows["doc_id"].unique(), "worker": get_worker().address})


def test_partitions_placed_on_workers_give_the_pandas_table():
    from distributed import Client, LocalCluster

    table = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(12) for _ in range(2)], "n": range(24)})
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": ":0"}) as cluster, \
            Client(cluster) as client:
        got = map_partitions_by_document(table, _where, engine="dask", scheduler=client, npartitions=12)
        workers = set(client.nthreads())
    assert got["doc_id"].tolist() == sorted(table["doc_id"].unique())
    assert set(got["worker"]) <= workers and len(got) == 12
