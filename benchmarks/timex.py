"""TimeML temporal expressions on real newswire: ``kzlib.extract_dates`` against TempEval-3's TBAQ.

Reads ``timex-en/tbaq_train.jsonl`` from the development kits (``../shared/devkits/`` beside the
repository, or the folder named by ``KZLIB_DEVKITS``), runs :func:`kzlib.extract_dates` on each
document's text with ``published=`` its creation time (DCT), writes ``pred.csv`` (``doc_id, start, end,
value, type``: the TimeML span and value of each expression) and scores it with the kit's ``score.py``.

There is no development split in the kit, so rules are developed on one fixed half of the documents
(``--half even``: lines 0, 2, 4, ...) and checked on the other (``--half odd``); ``--half all`` scores
every document. The kit's data are never copied into the repository.

    python benchmarks/timex.py --half even [--out outputs/bench/timex] [--types DATE]

``--types`` scores the gold expressions of those types against the predictions given those types (the kit's
scorer alone keeps every prediction that overlaps no gold of a type left out, whatever its type, so that a
``--types TIME`` run would count untyped predictions against TIME's precision).

Exits 0 with a message when the kit is absent. ``--speed N`` instead times ``build_events`` on N documents of
the synthetic corpus (``benchmarks/generate.py``, seed 0; sentences split at ``.!?``), with and without the
TimeML layer (best of 3; needs no kit).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def devkits() -> Path:
    """The development kits' folder: ``$KZLIB_DEVKITS`` or ``../shared/devkits`` beside the repository."""
    env = os.environ.get("KZLIB_DEVKITS")
    return Path(env) if env else ROOT.parent / "shared" / "devkits"


def load(path: Path, half: str) -> list[dict]:
    """The kit's documents of one half (``even``/``odd`` line numbers) or ``all``."""
    with open(path, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    if half == "even":
        return docs[0::2]
    if half == "odd":
        return docs[1::2]
    return docs


def predict(docs: list[dict]) -> tuple[list[dict], float]:
    """Predicted expressions of every document, and the seconds ``extract_dates`` took."""
    sys.path.insert(0, str(ROOT))
    from kzlib.timeline import extract_dates

    rows, spent = [], 0.0
    for doc in docs:
        t0 = time.perf_counter()
        df = extract_dates(doc["text"], published=doc["dct"][:10])
        spent += time.perf_counter() - t0
        has_timex = "timex_value" in df.columns
        for m in df.to_dict("records"):
            if has_timex:
                if not m["timex_value"]:
                    continue
                rows.append({"doc_id": doc["doc_id"], "start": m["timex_start"], "end": m["timex_end"],
                             "value": m["timex_value"], "type": m["timex_type"]})
            else:  # before TimeML columns existed: the ISO date as the value
                rows.append({"doc_id": doc["doc_id"], "start": m["start"], "end": m["end"],
                             "value": m["date"], "type": ""})
    return rows, spent


def speed(n_docs: int) -> None:
    """Print the seconds of ``build_events`` on ``n_docs`` generated documents, TimeML layer on and off."""
    import re

    import pandas as pd

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate_corpus

    from kzlib.timeline import build_events

    docs, _ = generate_corpus(n_docs, seed=0)
    rows = [(d, i, s) for d, t in zip(docs["doc_id"], docs["text"]) for i, s in enumerate(re.split(r"(?<=[.!?])\s+", t))]
    sentences = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "text"])
    documents = docs[["doc_id", "published"]].assign(date_certainty="exact")
    no_actors = lambda s: pd.Series("", index=s.index)
    for timeml in (True, False):
        best, n = float("inf"), 0
        for _ in range(3):
            t0 = time.perf_counter()
            n = len(build_events(sentences=sentences, documents=documents, actors=no_actors, timeml=timeml))
            best = min(best, time.perf_counter() - t0)
        print(f"build_events timeml={timeml}: {n_docs} documents, {len(sentences)} sentences, {n} events, "
              f"best of 3 {best:.2f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("even", "odd", "all"), default="all")
    ap.add_argument("--out", default=str(ROOT / "outputs" / "bench" / "timex"))
    ap.add_argument("--types", default="DATE,TIME,DURATION,SET")
    ap.add_argument("--speed", type=int, default=0, metavar="N", help="time build_events on N generated documents")
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)
    if args.speed:
        speed(args.speed)
        return 0
    kit = devkits() / "timex-en"
    gold = kit / "tbaq_train.jsonl"
    if not gold.exists():
        print(f"timex benchmark skipped: {gold} not found (set KZLIB_DEVKITS to the development kits' folder)")
        return 0
    logging.disable(logging.WARNING)
    docs = load(gold, args.half)
    rows, spent = predict(docs)
    wanted = set(args.types.split(","))
    if wanted != {"DATE", "TIME", "DURATION", "SET"}:
        rows = [r for r in rows if r["type"] in wanted]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pred = out / f"pred_{args.half}.csv"
    with open(pred, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["doc_id", "start", "end", "value", "type"])
        w.writeheader()
        w.writerows(rows)
    subset = out / f"gold_{args.half}.jsonl"  # the half's gold, for the kit's scorer (outside the repository)
    with open(subset, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(doc) + "\n" for doc in docs)
    chars = sum(len(d["text"]) for d in docs)
    print(f"{len(docs)} documents ({args.half}), {chars:,} characters: extract_dates {spent:.2f} s "
          f"({len(docs) / spent:.0f} documents/s, {chars / spent / 1e6:.2f} M characters/s)")
    res = subprocess.run([sys.executable, str(kit / "score.py"), str(subset), str(pred), "--types", args.types],
                         capture_output=True, text=True, check=True)
    print(res.stdout.strip())
    subset.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
