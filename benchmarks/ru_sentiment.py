"""Russian stance cues (kzlib/data/ru/stance_cues.yaml) measured on RuSentNE-2023's training sentences.

    PYTHONPATH=$PWD python benchmarks/ru_sentiment.py [--kit DIR] [--window N] [--method cues|rules]

Each row of the kit is a Russian news sentence, a named entity in it and how the sentence treats the
entity (1 positive, 0 neutral, -1 negative). The rule score of :func:`kzlib.russian.stance.cue_score`
(over the whole sentence, or the cues within ``--window`` words of the entity) predicts positive when
> 0, negative when < 0, neutral otherwise. Prints the task's measure, macro-F1 over the positive and
negative classes, with precision and recall per class. ``--method rules`` runs instead the stance
rule method of :func:`kzlib.stance.detect_stance` on the sentences as Russian quotes, every entity of
the kit a target (named by its words as written), and predicts from the label it gives the row's
entity (favor positive, against negative, none or no row neutral). The kit is read from ``$KZLIB_DEVKITS/ru-sentiment``
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


def evaluate(rows: list[dict], *, window: int | None, method: str = "cues") -> dict:
    from kzlib.russian.stance import cue_score

    counts = {c: {"tp": 0, "fp": 0, "fn": 0} for c in (1, -1)}
    n_right = 0
    rule_preds = predict_rules(rows) if method == "rules" else None
    for k, r in enumerate(rows):
        if rule_preds is not None:
            pred = rule_preds[k]
        else:
            s = cue_score(r["sentence"], start=int(r["entity_pos_start_rel"]), end=int(r["entity_pos_end_rel"]),
                          window=window)
            pred = 1 if s > 0 else -1 if s < 0 else 0
        gold = int(r["label"])
        n_right += pred == gold
        for c in (1, -1):
            counts[c]["tp"] += pred == c and gold == c
            counts[c]["fp"] += pred == c and gold != c
            counts[c]["fn"] += pred != c and gold == c
    out: dict = {"n": len(rows), "method": method, "window": window, "accuracy": round(n_right / len(rows), 3)}
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


def predict_rules(rows: list[dict]) -> list[int]:
    """The rule method's label for each row's entity (1 favor, -1 against, 0 otherwise)."""
    import pandas as pd

    from kzlib.stance import Target, detect_stance

    def name(r: dict) -> str:
        return " ".join(r["sentence"][int(r["entity_pos_start_rel"]):int(r["entity_pos_end_rel"])].lower().split())

    names = sorted({name(r) for r in rows if name(r)})
    targets = [Target(n, aliases=("(?!x)x",), ru_aliases=(n,)) for n in names]
    sents = sorted({r["sentence"] for r in rows})
    sid = {s: str(i) for i, s in enumerate(sents)}
    q = pd.DataFrame({"doc_id": "k", "quote_id": [sid[s] for s in sents], "quote": sents, "language": "ru"})
    st = detect_stance(q, targets=targets, kinds=None)
    label = {(qid, tg): s for qid, tg, s in zip(st["quote_id"], st["target"], st["stance"])}
    to_int = {"favor": 1, "against": -1}
    return [to_int.get(label.get((sid[r["sentence"]], name(r)), "none"), 0) for r in rows]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kit", type=Path, default=None)
    ap.add_argument("--window", type=int, default=None, help="only cues within N words of the entity")
    ap.add_argument("--method", choices=("cues", "rules"), default="cues",
                    help="cues: the bare cue sum; rules: kzlib.stance.detect_stance's rule method")
    args = ap.parse_args(argv)
    kit = args.kit or kit_dir()
    data = kit / "train_data.csv"
    if not data.exists():
        print(f"ru-sentiment kit not found at {kit}: skipped (set KZLIB_DEVKITS to the devkits folder)")
        return 0
    with open(data, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    print(json.dumps(evaluate(rows, window=args.window, method=args.method), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
