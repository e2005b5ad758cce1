"""Russian stance cues (kzlib/data/ru/stance_cues.yaml) measured on RuSentNE-2023's training sentences.

    PYTHONPATH=$PWD python benchmarks/ru_sentiment.py [--kit DIR] [--window N] [--method cues|rules]
    PYTHONPATH=$PWD python benchmarks/ru_sentiment.py --method classifier [--seed 0] [--without PART ...]
    PYTHONPATH=$PWD python benchmarks/ru_sentiment.py --method classifier --train FILE --test FILE

Each row of the kit is a Russian news sentence, a named entity in it and how the sentence treats the
entity (1 positive, 0 neutral, -1 negative). The rule score of :func:`kzlib.russian.stance.cue_score`
(over the whole sentence, or the cues within ``--window`` words of the entity) predicts positive when
> 0, negative when < 0, neutral otherwise. Prints the task's measure, macro-F1 over the positive and
negative classes, with precision and recall per class. ``--method rules`` runs instead the stance
rule method of :func:`kzlib.stance.detect_stance` on the sentences as Russian quotes, every entity of
the kit a target (named by its words as written), and predicts from the label it gives the row's
entity (favor positive, against negative, none or no row neutral). ``--method classifier`` scores
:class:`kzlib.stance.StanceClassifier` (its Russian features, chosen by the rows' letters; the entity's
type, ``entity_tag``, is the row's target, read by the joint target x stance margins; chosen on seed 0:
the per-target copies of the features off, ``target_features=False`` (copies by entity type cost 4 points
of macro-F1), and the window and clause views off, ``context_features=False`` (they cost 1.5 points once the
copies were off); the entity is masked by its offsets; the navec word-vector block, ``word_vectors``, on:
41.4 / 41.6 against 40.2 / 40.0 without it for seeds 0 / 1) against the plain n-gram baseline of ``benchmarks/stance.py``
(LinearSVC on word 1-3- and character 2-5-gram TF-IDF, entity masked) under the same seeded stratified
5-fold cross-validation (the rows of one sentence in one fold), with 95% paired bootstrap intervals for
both and for their difference; with ``--train FILE --test FILE`` (files shaped like the kit's) both are
fitted on one file and scored on the other, with the same measure. The kit is read from ``$KZLIB_DEVKITS/ru-sentiment``
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
import time
from pathlib import Path
from typing import Any

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


LABELS = {"1": "favor", "-1": "against", "0": "none"}
PARTS = ("lemma_ngrams", "char_ngrams", "mask_target", "context_features", "scaled_window", "negation_scope",
         "lexicon_features", "target_features", "joint_features", "word_vectors")


def read_kit_file(path: Path) -> tuple[Any, Any]:
    """A kit-shaped file as the classifier's ``X`` (text, target = entity type, start, end) and ``y``."""
    import numpy as np
    import pandas as pd

    d = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    X = pd.DataFrame({"text": d["sentence"], "target": d["entity_tag"], "start": d["entity_pos_start_rel"].astype(int),
                      "end": d["entity_pos_end_rel"].astype(int)})
    return X, np.asarray([LABELS[v.strip()] for v in d["label"]], dtype=object)


def run_classifier(args: argparse.Namespace, data: Path) -> dict:
    """Baseline and classifier, cross-validated on ``data`` or fitted on ``--train`` and scored on ``--test``."""
    from sklearn.model_selection import StratifiedGroupKFold

    from benchmarks.stance import NgramSVM, cross_validate, f_avg, paired_bootstrap
    from kzlib.stance import StanceClassifier

    settings = {"target_features": False, "context_features": False, **dict.fromkeys(args.without, False)}  # chosen on seed 0 (see above)

    def ours() -> Any:
        return StanceClassifier(random_state=args.seed, calibrate=False, **settings)

    def base() -> Any:
        return NgramSVM(mask=True)

    if args.train is not None:
        Xtr, ytr = read_kit_file(args.train)
        Xte, yte = read_kit_file(args.test)
        t0 = time.perf_counter()
        pb = base().fit(Xtr, ytr).predict(Xte)
        tb = time.perf_counter() - t0
        po = ours().fit(Xtr, ytr).predict(Xte)
        to = time.perf_counter() - t0 - tb
        y, how = yte, f"fitted on {args.train.name}, scored on {args.test.name}"
    else:
        X, y = read_kit_file(data)
        groups = X["text"].to_numpy()
        splits = list(StratifiedGroupKFold(args.folds, shuffle=True, random_state=args.seed).split(X, y, groups))
        pb, tb = cross_validate(base, X, y, splits)
        po, to = cross_validate(ours, X, y, splits)
        how = f"{args.folds}-fold CV (sentences grouped), seed {args.seed}"
    r = paired_bootstrap(y, pb, po, f_avg, n_boot=args.n_boot, seed=args.seed)
    r.update(n=len(y), how=how, without=list(args.without), seconds_baseline=round(tb, 1), seconds_ours=round(to, 1))
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in r.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kit", type=Path, default=None)
    ap.add_argument("--window", type=int, default=None, help="only cues within N words of the entity")
    ap.add_argument("--method", choices=("cues", "rules", "classifier"), default="cues",
                    help="cues: the bare cue sum; rules: kzlib.stance.detect_stance's rule method; classifier: "
                         "kzlib.stance.StanceClassifier against an n-gram SVM")
    ap.add_argument("--seed", type=int, default=0, help="classifier: the folds' and the bootstrap's seed")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--n-boot", type=int, default=1000)
    ap.add_argument("--without", nargs="+", default=[], choices=PARTS, metavar="PART",
                    help="classifier: switch these parts off (an ablation): " + ", ".join(PARTS))
    ap.add_argument("--train", type=Path, help="classifier: fit on this kit-shaped file (with --test)")
    ap.add_argument("--test", type=Path, help="classifier: score on this kit-shaped file (with --train)")
    args = ap.parse_args(argv)
    if (args.train is None) != (args.test is None) or (args.train is not None and args.method != "classifier"):
        ap.error("--train and --test go together, with --method classifier")
    if args.train is not None:
        print(json.dumps(run_classifier(args, args.train), ensure_ascii=False))
        return 0
    kit = args.kit or kit_dir()
    data = kit / "train_data.csv"
    if not data.exists():
        print(f"ru-sentiment kit not found at {kit}: skipped (set KZLIB_DEVKITS to the devkits folder)")
        return 0
    with open(data, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    if args.method == "classifier":
        print(json.dumps(run_classifier(args, data), ensure_ascii=False))
        return 0
    print(json.dumps(evaluate(rows, window=args.window, method=args.method), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
