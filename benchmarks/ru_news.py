"""Quotations and dates on the ru-news dev kit (Russian and English news excerpts), scored by the kit.

    PYTHONPATH=$PWD python benchmarks/ru_news.py [--kit DIR] [--out outputs/ru_news]

Runs the study's pieces as a user would: ``kzlib.load_corpus`` on the kit's ``corpus/`` with its
``metadata.csv``, ``kzlib.clean``, ``kzlib.extract_quotes`` on the paragraphs (with the documents table,
so each document's language chooses its rules) and ``kzlib.extract_dates`` on each document's text with
its published date. Writes ``quotes.csv`` (doc_id, quote, speaker, kind) and ``dates.csv`` (doc_id,
expression, value) in the format of the kit's ``score.py``, runs ``score.py`` for ``ru`` and ``en`` and
prints the figures (and writes them to ``scores.json``).

The kit lives outside the repository (research-use licence: never copied into it): by default in
``../shared/devkits/ru-news`` next to the repository root, or under ``$KZLIB_DEVKITS``. Without it the
script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def kit_dir() -> Path:
    """Where the ru-news kit is expected: $KZLIB_DEVKITS/ru-news, else ../shared/devkits/ru-news."""
    base = os.environ.get("KZLIB_DEVKITS")
    root = Path(base) if base else ROOT.parent / "shared" / "devkits"
    return root / "ru-news"


_KIT_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?|-W\d{2})?")


def _value(row) -> str:
    """The value in the kit's format (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www``): the TimeML value when
    it has that form (decades as ``199X``), else the timeline's ISO ``date`` (a time of day ``2022-01-07T10:30`` is scored as its day,
    a reference such as ``PRESENT_REF`` as the publication date it is dated to)."""
    v = row.get("timex_value")
    if isinstance(v, str) and _KIT_VALUE.fullmatch(v):
        return v
    if isinstance(v, str) and re.fullmatch(r"\d{3}", v):
        return v + "X"  # a decade: TimeML's 199 is the kit's 199X
    d = row.get("date")
    if isinstance(d, str) and d:
        return d
    return "UNRESOLVED"  # TimeML values with unknown parts (XXXX-WXX-5: a Friday with no date to anchor it)


def run(kit: Path, out: Path) -> dict:
    import pandas as pd

    import kzlib

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    corpus = kzlib.clean(kzlib.load_corpus(kit / "corpus", metadata=kit / "metadata.csv"))
    t_clean = time.perf_counter() - t0
    docs = corpus.documents
    t0 = time.perf_counter()
    quotes = kzlib.extract_quotes(corpus.paragraphs, documents=docs)
    t_quotes = time.perf_counter() - t0
    quotes = quotes[["doc_id", "quote", "speaker", "kind"]]
    quotes.to_csv(out / "quotes.csv", index=False)

    t0 = time.perf_counter()
    rows = []
    for doc_id, text, published in zip(docs["doc_id"], docs["text"], docs["published"]):
        mentions = kzlib.extract_dates(text, published=published or None)
        for m in mentions.to_dict("records"):
            rows.append({"doc_id": doc_id, "expression": m["expression"], "value": _value(m)})
    t_dates = time.perf_counter() - t0
    pd.DataFrame(rows, columns=["doc_id", "expression", "value"]).to_csv(out / "dates.csv", index=False)

    scores: dict = {"seconds": {"load_clean": round(t_clean, 2), "extract_quotes": round(t_quotes, 2),
                                "extract_dates": round(t_dates, 2)},
                    "languages": docs["language"].value_counts().to_dict()}
    for lang in ("ru", "en"):
        res = subprocess.run([sys.executable, str(kit / "score.py"), str(kit), "--quotes", str(out / "quotes.csv"),
                              "--dates", str(out / "dates.csv"), "--language", lang],
                             capture_output=True, text=True, check=True)
        scores[lang] = json.loads(res.stdout)
    (out / "scores.json").write_text(json.dumps(scores, ensure_ascii=False, indent=1), encoding="utf-8")
    return scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kit", type=Path, default=None, help="the ru-news kit folder (default: %(default)s → see doc)")
    ap.add_argument("--out", type=Path, default=ROOT / "outputs" / "ru_news")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("kzlib").setLevel(logging.ERROR)
    kit = args.kit or kit_dir()
    if not (kit / "score.py").exists():
        print(f"ru-news kit not found at {kit}: skipped (set KZLIB_DEVKITS to the devkits folder)")
        return 0
    scores = run(kit, args.out)
    for lang in ("ru", "en"):
        q, d = scores[lang]["quotes"], scores[lang]["dates"]
        print(f"{lang}: quote recall {q['recall']} {q['recall_by_kind']} (gold {q['gold']}, predicted speech "
              f"{q['predicted_speech']}), speaker accuracy {q['speaker_accuracy']} (n={q['speaker_n']}); "
              f"dates found {d['recall']}, right value {d['value_accuracy']} (gold {d['gold']})")
    print("seconds:", scores["seconds"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
