"""Run the whole study (``kz run``) on each development kit's corpus and report whether it finishes and how
long it takes (issue 19: the study on real corpora).

The kits live in ``../shared/devkits/`` beside the repository (or where ``KZLIB_DEVKITS`` says); they are
research-use data, so nothing of them is copied into the repository: each kit's texts are written to a
temporary folder outside it, the run folders too, and both are removed afterwards (``--keep`` keeps them).

    python benchmarks/devkit_runs.py                         # every kit, every notebook
    python benchmarks/devkit_runs.py --kits ru-news --only 01 --only 02 --report outputs/devkit_runs.json

Per kit: documents written, exit status, the run's manifest status, the notebooks completed, documents
loaded and skipped (from its tables), the wall-clock seconds, and the last lines of the error if any.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def devkits_dir() -> Path:
    """``$KZLIB_DEVKITS``, else ``../shared/devkits`` relative to the repository root."""
    return Path(os.environ.get("KZLIB_DEVKITS") or ROOT.parent / "shared" / "devkits")


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _write_texts(records: list[dict], folder: Path, *, text: str, doc_id: str, meta: dict[str, str]) -> int:
    """One .txt file per record and a metadata.csv beside the folder; returns the number written."""
    folder.mkdir(parents=True)
    rows = []
    for rec in records:
        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in str(rec[doc_id]))[:120] + ".txt"
        (folder / name).write_text(str(rec.get(text) or ""), encoding="utf-8")
        row = {"path": name}
        for column, field in meta.items():
            value = rec.get(field)
            row[column] = "" if value in (None, "None") else str(value)
        rows.append(row)
    pd.DataFrame(rows).to_csv(folder.parent / "metadata.csv", index=False)
    return len(rows)


def prepare_kit(name: str, kits: Path, work: Path) -> tuple[Path, Path | None, int]:
    """(corpus folder, metadata CSV, documents) for one kit, written under ``work`` where needed."""
    if name == "attribution-en":
        records = _jsonl(kits / name / "polnear_train_dev.jsonl")
        seen: set[str] = set()
        unique = [r for r in records if not (r["doc_id"] in seen or seen.add(r["doc_id"]))]  # one per article
        n = _write_texts(unique, work / name / "corpus", text="text", doc_id="doc_id",
                         meta={"title": "title", "outlet": "publisher", "published": "publication_date"})
        return work / name / "corpus", work / name / "metadata.csv", n
    if name == "timex-en":
        records = _jsonl(kits / name / "tbaq_train.jsonl")
        n = _write_texts(records, work / name / "corpus", text="text", doc_id="doc_id",
                         meta={"title": "title", "published": "dct"})
        return work / name / "corpus", work / name / "metadata.csv", n
    if name == "ru-news":   # already a folder with its metadata: read in place (the run folder is elsewhere)
        corpus = kits / name / "corpus"
        return corpus, kits / name / "metadata.csv", sum(1 for p in corpus.rglob("*.txt"))
    raise SystemExit(f"unknown kit {name!r}")


def run_kit(name: str, kits: Path, work: Path, *, only: list[str], html: bool, timeout: int) -> dict:
    corpus, metadata, n_docs = prepare_kit(name, kits, work)
    out = work / f"run-{name}"
    cmd = [sys.executable, "-m", "kzlib.cli", "run", "--corpus", str(corpus), "--out", str(out)]
    if metadata is not None:
        cmd += ["--metadata", str(metadata)]
    for nb in only:
        cmd += ["--only", nb]
    if not html:
        cmd.append("--no-html")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False)
        rc, stderr = proc.returncode, proc.stderr
    except subprocess.TimeoutExpired as exc:
        rc, stderr = "timeout", (exc.stderr or b"").decode("utf-8", "replace") if isinstance(exc.stderr, bytes) \
            else (exc.stderr or "")
    seconds = round(time.perf_counter() - t0, 1)
    result = {"kit": name, "documents_written": n_docs, "exit": rc, "seconds": seconds}
    manifest = out / "manifest.json"
    if manifest.exists():
        m = json.loads(manifest.read_text(encoding="utf-8"))
        result.update(status=m.get("status"), completed=m.get("completed", []),
                      stages={s["notebook"]: s["seconds"] for s in m.get("stages", [])})
    for table in ("documents", "skipped"):
        path = out / "tables" / f"{table}.csv"
        if path.exists():
            result[table] = len(pd.read_csv(path, dtype=str, keep_default_na=False, usecols=[0]))
    if rc != 0:
        result["error"] = "\n".join(line for line in stderr.splitlines() if "%|" not in line)[-1500:]
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kits", nargs="+", default=["ru-news", "timex-en", "attribution-en"])
    ap.add_argument("--only", action="append", default=[], help="notebooks to run (kz run --only), repeatable")
    ap.add_argument("--html", action="store_true", help="also render the HTML pages")
    ap.add_argument("--timeout", type=int, default=3600, help="seconds per kit")
    ap.add_argument("--report", type=Path, help="write the results as JSON here")
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpora and run folders")
    args = ap.parse_args(argv)
    kits = devkits_dir()
    if not kits.is_dir():
        print(f"Development kits not found at {kits}: skipped (set KZLIB_DEVKITS to their folder).")
        return 0
    work = Path(tempfile.mkdtemp(prefix="kzlib-devkits-"))
    results = []
    try:
        for name in args.kits:
            if not (kits / name).is_dir():
                print(f"{name}: not in {kits}, skipped")
                continue
            res = run_kit(name, kits, work, only=args.only, html=args.html, timeout=args.timeout)
            results.append(res)
            print(f"{name}: {res['documents_written']} documents, exit {res['exit']}, status {res.get('status')}, "
                  f"{res.get('documents', '?')} loaded, {res.get('skipped', '?')} skipped, {res['seconds']} s"
                  + (f"\n  {res['error'][-600:]}" if "error" in res else ""), flush=True)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps({"runs": results}, indent=2) + "\n", encoding="utf-8")
    return 0 if all(r["exit"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
