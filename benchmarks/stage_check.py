"""Time one stage of ``make bench`` on a small synthetic corpus, and check that its tables did not change.

A change meant to make a stage faster must leave its tables as they were; a change meant to make it more
accurate must say what it costs. This runs the stages before the one asked for (pandas engine, one process),
then the stage itself ``--repeat`` times, and reports its CPU seconds (``time.process_time``: less sensitive
than wall time to the other core being busy). ``--save DIR`` writes the stage's tables as a baseline;
``--compare DIR`` checks them against one (``DataFrame.equals``, rows in the stage's own order) and exits 1
when a table differs.

    python benchmarks/stage_check.py quotes --docs 3000 --save /tmp/kz-base      # on the old code
    python benchmarks/stage_check.py quotes --docs 3000 --compare /tmp/kz-base   # on the new code
    python benchmarks/stage_check.py quotes --profile 30                          # cProfile, top 30 by own time

The corpus is generated once per size and seed under ``--cache`` (``benchmarks/generate.py``, the bench's own).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import pstats
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.stages import RESULTS, STAGES  # noqa: E402

#: the stages each stage needs first (beyond load and clean)
NEEDS = {"quotes": [], "stance": ["quotes"], "timeline": ["provenance"], "topics": [], "provenance": []}
#: the tables each stage makes
MAKES = {"quotes": ["quotes"], "stance": ["stances"], "timeline": ["events"], "topics": ["topics", "doc_topics"],
         "provenance": ["documents", "paragraphs"]}


def _corpus(cache: Path, n: int, seed: int) -> Path:
    from benchmarks.generate import write_corpus

    path = cache / f"corpus_{n}_seed{seed}.parquet"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        write_corpus(path, n, seed=seed)
    return path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("stage", choices=sorted(MAKES))
    p.add_argument("--docs", type=int, default=3000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--repeat", type=int, default=1,
                   help="runs of the stage (the fastest and the median are reported; module caches stay warm between runs)")
    p.add_argument("--profile", type=int, default=0, metavar="N", help="profile one run: top N functions by own time")
    p.add_argument("--save", type=Path, help="write the stage's tables here (a baseline)")
    p.add_argument("--compare", type=Path, help="check the stage's tables against a baseline written by --save")
    p.add_argument("--cache", type=Path, default=Path("/tmp/kz-stage-check"), help="where the corpus is generated")
    a = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    state: dict = {"path": _corpus(a.cache, a.docs, a.seed)}
    for name in ["load", "clean", *NEEDS[a.stage]]:
        STAGES[name](state, engine="pandas", scheduler=None)
    base = dict(state)
    cpu: list[float] = []
    for _ in range(max(1, a.repeat)):
        state = dict(base)
        t0 = time.process_time()
        STAGES[a.stage](state, engine="pandas", scheduler=None)
        cpu.append(time.process_time() - t0)
    sys.stdout.write(f"{a.stage} at {a.docs} documents: CPU s {', '.join(f'{c:.2f}' for c in cpu)}"
                     f" (fastest {min(cpu):.2f}, median {statistics.median(cpu):.2f})\n")
    if a.profile:
        prof = cProfile.Profile()
        state = dict(base)
        prof.enable()
        STAGES[a.stage](state, engine="pandas", scheduler=None)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(a.profile)
        sys.stdout.write(out.getvalue())
    if a.stage == "provenance":   # it annotates the corpus's own tables
        tables = {t: getattr(state["corpus"], t) for t in MAKES[a.stage]}
    else:
        tables = {t: state[t] for t in MAKES[a.stage] if t in state and t in RESULTS}
    differs = False
    for name, table in tables.items():
        sys.stdout.write(f"{name}: {len(table):,} rows\n")
        if a.save:
            a.save.mkdir(parents=True, exist_ok=True)
            table.to_pickle(a.save / f"{name}.pkl")
        if a.compare:
            old = pd.read_pickle(a.compare / f"{name}.pkl")
            same = old.reset_index(drop=True).equals(table.reset_index(drop=True))
            sys.stdout.write(f"{name}: {'identical to' if same else 'DIFFERS from'} {a.compare}\n")
            if not same:
                _describe_difference(old, table)
                differs = True
    return 1 if differs else 0


def _describe_difference(old: pd.DataFrame, new: pd.DataFrame) -> None:
    """A few lines on how two versions of a table differ (rows, columns, first differing rows)."""
    if list(old.columns) != list(new.columns):
        sys.stdout.write(f"  columns: {list(old.columns)} -> {list(new.columns)}\n")
        return
    sys.stdout.write(f"  rows: {len(old):,} -> {len(new):,}\n")
    merged = old.astype(str).merge(new.astype(str), how="outer", indicator=True)
    for side, label in (("left_only", "only before"), ("right_only", "only after")):
        rows = merged[merged["_merge"] == side].drop(columns="_merge")
        sys.stdout.write(f"  {label}: {len(rows):,} rows\n")
        if len(rows):
            sys.stdout.write(rows.head(5).to_string(max_colwidth=60) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
