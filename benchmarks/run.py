"""``make bench``: every kzlib stage at 1,000, 10,000 and 100,000 synthetic documents.

Each (size, engine) run is a fresh subprocess, so its peak memory is its own. Writes
``outputs/bench/results.json`` (``{"runs": [{"docs", "engine", "stages": {name: {"seconds",
"peak_rss_mb", "peak_increase_mb"}}, "total_seconds", "peak_rss_mb"}], "comparisons": {...}}``) and
``outputs/bench/scaling.png`` (log-log seconds per stage against documents).

    python benchmarks/run.py                                 # the full benchmark (long)
    python benchmarks/run.py --sizes 500 2000 --dask-sizes 2000 --compare-size 2000   # a quick try

Peak memory: ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` of the run's process (pandas engine); the
Dask engine adds its worker processes, sampled every 0.2 s with psutil (``peak_rss_mb`` is then the
largest sum of the process tree's resident memory). ``peak_increase_mb`` of a stage is how much it
raised the peak. A sum of resident sizes counts the pages the processes share (the interpreter,
numpy's, pandas' and Arrow's libraries, mapped by the client and by every worker) once per process:
``peak_pss_mb`` is the largest sum of their proportional set sizes (``/proc/<pid>/smaps_rollup``: a
shared page counts once in all), what the machine gives the run, sampled every second (reading it for a
3 GB client takes tens of milliseconds). The memory target is judged on ``peak_pss_mb``; both are
written. With the pandas engine (one process) the two differ by the shared libraries' pages only.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

log = logging.getLogger("benchmarks.run")


def _quiet() -> None:
    """Per-document warnings of kzlib (thousands at this scale) would flood the benchmark's log."""
    logging.getLogger("kzlib").setLevel(logging.ERROR)
    logging.getLogger("distributed").setLevel(logging.WARNING)


def _ru_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0   # KiB on Linux


class _TreeSampler:
    """Peak resident memory of this process and all its descendants (dask workers), sampled.

    Listing the descendants walks every process of the machine (``/proc``): it is done every
    ``refresh`` seconds, not at every sample (done every 0.2 s, it took ~4% of a core from the run it
    measures, in the client's Python thread). A process started since the last listing is first counted
    at the next one; the Dask workers are started before the first stage, and the listing is refreshed
    when a stage's sampling starts (:meth:`reset`).
    """

    def __init__(self, interval: float = 0.2, refresh: float = 5.0, pss_every: int = 5) -> None:
        import psutil

        self._proc = psutil.Process()
        self.interval = interval
        self.refresh = refresh
        self.pss_every = pss_every   # the proportional set sizes are read at every pss_every-th sample
        self.peak = 0.0
        self.peak_pss = 0.0
        self._n = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._tree: list = []
        self._listed = float("-inf")

    def _sample(self, *, pss: bool = False) -> tuple[float, float]:
        """(sum of resident sizes, sum of proportional set sizes or 0.0 when not read) in MiB."""
        now = time.monotonic()
        if now - self._listed >= self.refresh:
            self._tree = [self._proc, *self._proc.children(recursive=True)]
            self._listed = now
        total = total_pss = 0
        for p in self._tree:
            try:
                if pss:
                    info = p.memory_full_info()
                    total_pss += info.pss
                else:
                    info = p.memory_info()
                total += info.rss
            except Exception:  # noqa: BLE001 - a worker may exit between listing and reading
                self._listed = float("-inf")   # list again at the next sample
        return total / 2**20, total_pss / 2**20

    def record(self, *, pss: bool = True) -> None:
        """Take a sample now (with the proportional set sizes unless ``pss=False``)."""
        rss, pss_mb = self._sample(pss=pss)
        self.peak = max(self.peak, rss)
        self.peak_pss = max(self.peak_pss, pss_mb)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._n += 1
            self.record(pss=self._n % self.pss_every == 0)
            self._stop.wait(self.interval)

    def start(self) -> _TreeSampler:
        self._thread.start()
        return self

    def reset(self) -> None:
        self._listed = float("-inf")
        self.peak, self.peak_pss = self._sample(pss=True)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


# --- one run (in its own process) -------------------------------------------------------------------

def worker(corpus: str, docs: int, engine: str, stages: list[str], result: str, workers: int) -> None:
    from benchmarks.stages import STAGES, write_finished
    from kzlib._memory import release_memory

    state: dict = {"path": corpus}
    tables_dir = Path(result).parent / "tables" / f"{docs}_{engine}"
    written: dict[str, int] = {}
    out: dict = {"docs": docs, "engine": engine, "stages": {}, "skipped": {}}
    sampler = _TreeSampler().start()
    t_all = time.perf_counter()
    cluster = client = None
    scheduler = None
    if engine == "dask":
        from distributed import Client

        from kzlib.engine import local_cluster

        cluster = local_cluster(n_workers=workers)   # (the library's: no dashboard, no statistical profiler)
        client = Client(cluster)
        client.run(_quiet)
        _quiet()   # distributed sets its own log levels when the cluster starts
        scheduler = client
        out["workers"] = workers
    try:
        for name in stages:
            peak0 = _ru_peak_mb()
            sampler.reset()
            t0 = time.perf_counter()
            try:
                STAGES[name](state, engine=engine, scheduler=scheduler)
                # the stage's tables that no later stage reads are written and dropped, as in the study
                written.update(write_finished(state, remaining=stages[stages.index(name) + 1:],
                                              folder=tables_dir))
                release_memory()
            except ImportError as exc:
                out["skipped"][name] = f"module missing: {exc}"
                print(f"[bench] {docs} {engine}: skipped {name} ({exc})", flush=True)
                continue
            seconds = time.perf_counter() - t0
            sampler.record()   # the stage's end
            peak = _ru_peak_mb() if engine == "pandas" else max(sampler.peak, _ru_peak_mb())
            out["stages"][name] = {"seconds": round(seconds, 3), "peak_rss_mb": round(peak, 1),
                                   "peak_pss_mb": round(sampler.peak_pss, 1),
                                   "peak_increase_mb": round(max(0.0, _ru_peak_mb() - peak0), 1)
                                   if engine == "pandas" else round(max(0.0, sampler.peak - peak0), 1)}
            print(f"[bench] {docs} {engine}: {name} {seconds:.1f} s, peak {peak:.0f} MB "
                  f"(proportional {sampler.peak_pss:.0f} MB)", flush=True)
            Path(result).write_text(json.dumps(out, indent=1))   # partial results survive a timeout
    finally:
        if client is not None:
            client.close()
            cluster.close()
        sampler.stop()
    out["total_seconds"] = round(time.perf_counter() - t_all, 3)
    out["peak_rss_mb"] = round(max([s["peak_rss_mb"] for s in out["stages"].values()] + [_ru_peak_mb()]), 1)
    out["peak_pss_mb"] = round(max([s["peak_pss_mb"] for s in out["stages"].values()], default=0.0), 1)
    corpus_obj = state.get("corpus")
    if corpus_obj is not None:
        out["tables"] = {k: int(len(v)) for k, v in corpus_obj.tables().items()}
        out["tables"].update({k: n for k, n in written.items() if k != "topics"})
        out["provenance_quality"] = _provenance_quality(corpus_obj.documents, corpus)
    Path(result).write_text(json.dumps(out, indent=1))


def _provenance_quality(documents, corpus_path: str) -> dict:
    """Pairwise precision and recall of the story grouping against the planted copies."""
    import pandas as pd

    truth_path = Path(corpus_path).with_name(Path(corpus_path).stem + ".truth.csv")
    if "story_id" not in documents.columns or not truth_path.exists():
        return {}
    truth = pd.read_csv(truth_path, dtype=str, keep_default_na=False).set_index("doc_id")
    pred = documents.set_index("doc_id")["story_id"].astype(str)
    return _pair_scores(truth["story_id"], pred)


def _pairs(groups) -> set[tuple[str, str]]:
    out = set()
    for _, members in groups.groupby(groups).groups.items():
        m = sorted(map(str, members))
        out.update((a, b) for i, a in enumerate(m) for b in m[i + 1:])
    return out


def _pair_scores(truth, pred) -> dict:
    t, p = _pairs(truth), _pairs(pred.reindex(truth.index).fillna("?"))
    tp = len(t & p)
    return {"true_pairs": len(t), "found_pairs": len(p), "correct_pairs": tp,
            "precision": round(tp / len(p), 4) if p else None, "recall": round(tp / len(t), 4) if t else None}


# --- side-by-side comparisons -----------------------------------------------------------------------

def compare(corpus: str, docs: int, result: str) -> None:
    """MinHash LSH candidates vs exhaustive pair comparison; NMF vs LDA (time, coherence)."""
    import pandas as pd

    from kzlib.clean import clean
    from kzlib.corpus import load_corpus

    out: dict = {"docs": docs}
    cleaned = clean(load_corpus(corpus, id_column="doc_id"))
    truth = pd.read_csv(Path(corpus).with_name(Path(corpus).stem + ".truth.csv"), dtype=str,
                        keep_default_na=False)
    planted = {tuple(sorted((a, b))) for a, b in zip(truth["doc_id"], truth["copy_of"]) if b}
    try:
        out["near_duplicates"] = _compare_pairs(cleaned, planted)
    except ImportError as exc:
        out["near_duplicates"] = {"skipped": f"module missing: {exc}"}
    Path(result).write_text(json.dumps(out, indent=1))
    try:
        out["topics"] = _compare_topics(cleaned)
    except ImportError as exc:
        out["topics"] = {"skipped": f"module missing: {exc}"}
    Path(result).write_text(json.dumps(out, indent=1))


def _compare_pairs(cleaned, planted: set) -> dict:
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from kzlib.provenance import story_features

    paras = cleaned.paragraphs
    body = paras[(paras["kind"] == "body") & (paras["duplicate_of"] < 0)]
    texts = body.groupby("doc_id")["text"].agg("\n\n".join)
    ids = list(texts.index)
    t0 = time.perf_counter()
    feats = [story_features(t) for t in texts]
    t_feat = time.perf_counter() - t0
    res: dict = {"documents": len(ids), "planted_copy_pairs": len(planted), "features_seconds": round(t_feat, 2)}

    # MinHash LSH (kzlib.provenance's candidate generator: its default threshold 0.1, and higher ones), and
    # the fix proposed in RESULTS.md: threshold 0.1 over the features found in at most 1% of the documents
    from collections import Counter

    df = Counter(x for f in feats for x in f)
    max_df = max(2.0, 0.01 * len(ids))
    for threshold, filtered in ((0.1, False), (0.3, False), (0.5, False), (0.1, True)):
        t0 = time.perf_counter()
        lsh = MinHashLSH(threshold=threshold, num_perm=128)
        hashes = []
        for d, f in zip(ids, feats):
            m = MinHash(num_perm=128, seed=0)
            m.update_batch([x.encode("utf-8") for x in sorted(f) if not filtered or df[x] <= max_df])
            lsh.insert(d, m)
            hashes.append(m)
        cands = {tuple(sorted((d, o))) for d, m in zip(ids, hashes) for o in lsh.query(m) if o != d}
        sec = time.perf_counter() - t0
        res[f"lsh_{threshold}" + ("_maxdf_1pct" if filtered else "")] = {"seconds": round(sec + t_feat, 2), "candidate_pairs": len(cands),
                                   "planted_recall": round(len(cands & planted) / max(len(planted), 1), 4)}

    # kzlib.provenance.find_copies' own candidate stage (its defaults: features in <= 1% of the documents,
    # numpy MinHash LSH, exact Jaccard of the rare features >= 0.1)
    from kzlib.provenance.minhash import _candidate_pairs

    t0 = time.perf_counter()
    got = _candidate_pairs(texts, lsh_threshold=0.1, num_perm=256, max_df=0.01, seed=0)
    sec = time.perf_counter() - t0
    cands = set(got["pairs"])
    res["kzlib_find_copies_candidates"] = {"seconds": round(sec, 2), "lsh_proposed_pairs": got["proposed"],
                                           "candidate_pairs": len(cands), "df_cut": got["df_cut"],
                                           "bands": got["bands"], "rows": got["rows"],
                                           "planted_recall": round(len(cands & planted) / max(len(planted), 1), 4)}

    # exhaustive: Jaccard of the same features for every pair (sparse matrix product, 0/1 features)
    from sklearn.feature_extraction import FeatureHasher

    t0 = time.perf_counter()
    X = FeatureHasher(n_features=2**22, input_type="string", alternate_sign=False).transform(
        [sorted(f) for f in feats])
    X.data[:] = 1.0
    X = X.tocsr().astype(np.float32)
    sizes = np.asarray(X.sum(axis=1)).ravel()
    found = set()
    block = 1000
    for s in range(0, X.shape[0], block):
        inter = (X[s:s + block] @ X.T).toarray()
        union = sizes[s:s + block, None] + sizes[None, :] - inter
        jac = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        rows, cols = np.nonzero(jac >= 0.3)
        found.update((ids[s + r], ids[c]) if ids[s + r] < ids[c] else (ids[c], ids[s + r])
                     for r, c in zip(rows, cols) if s + r != c)
    sec = time.perf_counter() - t0
    res["exhaustive_jaccard_0.3"] = {"seconds": round(sec + t_feat, 2), "pairs_compared": len(ids) * (len(ids) - 1) // 2,
                                     "pairs_found": len(found),
                                     "planted_recall": round(len(found & planted) / max(len(planted), 1), 4)}
    return res


TOPIC_COMPARE_DOCS = 2_000   # LDA (batch variational Bayes) costs ~10 ms per paragraph and iteration set


def _compare_topics(cleaned) -> dict:
    from kzlib.engine import sample_keys
    from kzlib.topics import TopicModel, topic_paragraphs

    paras = topic_paragraphs(cleaned, one_copy_per_story=False)
    keep = set(sample_keys(paras["doc_id"], n=TOPIC_COMPARE_DOCS, seed=0))
    paras = paras[paras["doc_id"].isin(keep)].reset_index(drop=True)
    res: dict = {"documents": len(keep), "paragraphs": len(paras)}
    for method in ("nmf", "lda"):
        t0 = time.perf_counter()
        model = TopicModel(k=10, method=method, seed=0, stability_seeds=()).fit(paras)
        res[method] = {"seconds": round(time.perf_counter() - t0, 2), "coherence_npmi": model.coherence_,
                       "top_terms": model.topics_["top_terms"].head(3).tolist()}
    return res


# --- the driver -------------------------------------------------------------------------------------

def _corpus_file(data: Path, n: int, seed: int) -> Path:
    from benchmarks.generate import write_corpus

    path = data / f"corpus_{n}_seed{seed}.parquet"
    if not path.exists() or not path.with_name(path.stem + ".truth.csv").exists():
        t0 = time.perf_counter()
        write_corpus(path, n, seed=seed)
        print(f"[bench] generated {n} documents in {time.perf_counter() - t0:.0f} s -> {path}", flush=True)
    return path


def _sub(args: list[str], timeout: float) -> int:
    try:
        return subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], timeout=timeout).returncode
    except subprocess.TimeoutExpired:
        print(f"[bench] timed out after {timeout:.0f} s: {' '.join(args)}", flush=True)
        return -1


def _machine() -> dict:
    import psutil

    return {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


#: The targets of issue #8 on the 2-core machine, drawn on the plot.
TARGET_SECONDS_100K = 600.0
TARGET_PEAK_MB = 4096.0


def plot(results: dict, path: Path) -> None:
    """Seconds per stage and peak memory against documents (log-log), with the targets drawn."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    try:
        from kzlib.plots import use_style
        use_style()
    except Exception:  # noqa: BLE001 - the house style is optional here
        pass
    fig, (ax, axm) = plt.subplots(1, 2, figsize=(13, 5.5), gridspec_kw={"width_ratios": [3, 2]})
    runs = [r for r in results["runs"] if r.get("stages")]
    for engine, style in (("pandas", "-"), ("dask", "--")):
        rs = sorted((r for r in runs if r["engine"] == engine), key=lambda r: r["docs"])
        if not rs:
            continue
        names = list(dict.fromkeys(n for r in rs for n in r["stages"]))
        for i, name in enumerate(names + ["total"]):
            pts = [(r["docs"], r["total_seconds"] if name == "total" else r["stages"][name]["seconds"])
                   for r in rs if (name == "total" and r.get("total_seconds")) or name in r["stages"]]
            if not pts:
                continue
            x, y = zip(*pts)
            ax.plot(x, [max(v, 1e-3) for v in y], style, marker="o" if engine == "pandas" else "s",
                    color="black" if name == "total" else f"C{i}", lw=2.5 if name == "total" else 1.5,
                    label=name if engine == "pandas" else None)
        for key, color, what in (("peak_pss_mb", "black", "proportional (target)"), ("peak_rss_mb", "grey", "resident, summed")):
            pts = [(r["docs"], r[key]) for r in rs if r.get(key)]
            if pts:
                x, y = zip(*pts)
                axm.plot(x, y, style, marker="o" if engine == "pandas" else "s", color=color,
                         label=f"{engine} engine, {what}")
    xs = sorted({r["docs"] for r in runs})
    if len(xs) >= 2:
        first = [r["total_seconds"] for r in runs if r["docs"] == xs[0] and r.get("total_seconds")]
        if first:
            ax.plot(xs, [max(first) * x / xs[0] for x in xs], ":", color="grey", label="linear from smallest total")
    ax.plot([1e5], [TARGET_SECONDS_100K], marker="*", ms=14, color="red", ls="none",
            label="target: 100k in 10 min")
    ax.plot([], [], "--", color="grey", label="dashed, squares: dask engine")
    axm.axhline(TARGET_PEAK_MB, color="red", ls=":", label="target: 4 GiB")
    for a in (ax, axm):
        a.set_xscale("log")
        a.set_xlabel("corpus size (documents)")
        a.grid(True, which="both", alpha=0.3)
    ax.set_yscale("log")
    ax.set_ylabel("wall-clock time (seconds, log scale)")
    ax.set_title("Time per stage against corpus size (2 cores)")
    ax.legend(fontsize=8, ncol=2, loc="upper left")
    axm.set_ylabel("peak memory of all processes (MiB)")
    axm.set_title("Peak memory of the whole run")
    axm.legend(fontsize=8, loc="upper left")
    fig.suptitle("kzlib benchmark on synthetic corpora (make bench)", fontweight="bold")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    from benchmarks.stages import STAGES

    p = argparse.ArgumentParser(description="kzlib benchmarks")
    p.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000], help="pandas runs (documents)")
    p.add_argument("--dask-sizes", type=int, nargs="*", default=[10000, 100000], help="dask runs (documents)")
    p.add_argument("--compare-size", type=int, default=10000, help="LSH vs exhaustive, NMF vs LDA (0: skip)")
    p.add_argument("--stages", nargs="*", default=list(STAGES), choices=list(STAGES))
    p.add_argument("--workers", type=int, default=2, help="dask LocalCluster worker processes")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--timeout", type=float, default=4 * 3600, help="seconds per run")
    p.add_argument("--out", default=str(ROOT / "outputs" / "bench"))
    # internal: one run in a subprocess
    p.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--compare", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--corpus", help=argparse.SUPPRESS)
    p.add_argument("--docs", type=int, help=argparse.SUPPRESS)
    p.add_argument("--engine", default="pandas", help=argparse.SUPPRESS)
    p.add_argument("--result", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _quiet()
    if a.worker:
        worker(a.corpus, a.docs, a.engine, a.stages, a.result, a.workers)
        return 0
    if a.compare:
        compare(a.corpus, a.docs, a.result)
        return 0

    out = Path(a.out)
    (out / "data").mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": _machine(), "seed": a.seed, "runs": [], "comparisons": {}}
    res_path = out / "results.json"
    plan = [(n, "pandas") for n in a.sizes] + [(n, "dask") for n in a.dask_sizes]
    if a.compare_size:
        plan.append((a.compare_size, "compare"))
    for n, engine in sorted(plan, key=lambda x: (x[0], ["pandas", "dask", "compare"].index(x[1]))):
        if engine == "compare":
            corpus = _corpus_file(out / "data", n, a.seed)
            tmp = out / f"compare_{n}.json"
            tmp.unlink(missing_ok=True)
            print(f"[bench] comparisons at {n} documents", flush=True)
            _sub(["--compare", "--corpus", str(corpus), "--docs", str(n), "--result", str(tmp)], a.timeout)
            results["comparisons"] = json.loads(tmp.read_text()) if tmp.exists() else {"failed": True}
            res_path.write_text(json.dumps(results, indent=1))
            continue
        corpus = _corpus_file(out / "data", n, a.seed)
        tmp = out / f"run_{n}_{engine}.json"
        tmp.unlink(missing_ok=True)
        print(f"[bench] run: {n} documents, {engine}", flush=True)
        rc = _sub(["--worker", "--corpus", str(corpus), "--docs", str(n), "--engine", engine, "--result", str(tmp),
                   "--workers", str(a.workers), "--stages", *a.stages], a.timeout)
        run = json.loads(tmp.read_text()) if tmp.exists() else {"docs": n, "engine": engine, "stages": {}}
        if rc != 0:
            run["incomplete"] = f"exit status {rc} (timed out or failed); stages listed finished"
        results["runs"].append(run)
        res_path.write_text(json.dumps(results, indent=1))
        plot(results, out / "scaling.png")
    res_path.write_text(json.dumps(results, indent=1))
    plot(results, out / "scaling.png")
    print(f"[bench] wrote {res_path} and {out / 'scaling.png'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
