"""Russian stance cues (kzlib/data/ru/stance_cues.yaml) measured on RuSentNE-2023's training sentences.

    PYTHONPATH=$PWD python benchmarks/ru_sentiment.py [--kit DIR] [--window N]

Each row of the kit is a Russian news sentence, a named entity in it and how the sentence treats the
entity (1 positive, 0 neutral, -1 negative). The rule score of :func:`kzlib.russian.stance.cue_score`
(over the whole sentence, or the cues within ``--window`` words of the entity) predicts positive when
> 0, negative when < 0, neutral otherwise. Prints the task's measure, macro-F1 over the positive and
negative classes, with precision and recall per class. The kit is read from ``$KZLIB_DEVKITS/ru-sentiment``
or ``../shared/devkits/ru-sentiment`` (MIT licence; never copied into the repository); without it the
script says so and exits 0. Sentiment towards an entity is not stance: the figure checks that the cues
carry the polarity they claim, not how well kzlib measures stance.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def kit_dir() -> Path:
    base = os.environ.get("KZLIB_DEVKITS")
    return (Path(base) if base else ROOT.parent / "shared" / "devkits") / "ru-sentiment"


def evaluate(rows: list[dict], *, window: int | None) -> dict:
    from kzlib.russian.stance import cue_score

    counts = {c: {"tp": 0, "fp": 0, "fn": 0} for c in (1, -1)}
    n_right = 0
    for r in rows:
        s = cue_score(r["sentence"], start=int(r["entity_pos_start_rel"]), end=int(r["entity_pos_end_rel"]),
                      window=window)
        pred = 1 if s > 0 else -1 if s < 0 else 0
        gold = int(r["label"])
        n_right += pred == gold
        for c in (1, -1):
            counts[c]["tp"] += pred == c and gold == c
            counts[c]["fp"] += pred == c and gold != c
            counts[c]["fn"] += pred != c and gold == c
    out: dict = {"n": len(rows), "window": window, "accuracy": round(n_right / len(rows), 3)}
    f1s = []
    for c, name in ((1, "positive"), (-1, "negative")):
        tp, fp, fn = counts[c]["tp"], counts[c]["fp"], counts[c]["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        f1s.append(f1)
        out[name] = {"precision": round(p, 3), "recall": round(rc, 3), "f1": round(f1, 3)}
    out["macro_f1_pos_neg"] = round(sum(f1s) / 2, 3)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kit", type=Path, default=None)
    ap.add_argument("--window", type=int, default=None, help="only cues within N words of the entity")
    args = ap.parse_args(argv)
    kit = args.kit or kit_dir()
    data = kit / "train_data.csv"
    if not data.exists():
        print(f"ru-sentiment kit not found at {kit}: skipped (set KZLIB_DEVKITS to the devkits folder)")
        return 0
    with open(data, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    print(json.dumps(evaluate(rows, window=args.window), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
