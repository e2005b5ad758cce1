"""The rule method's own reading of NewsMTSC's training rows: how often the transparent rules find the sentiment
towards a target mention, and how often the direction they find is right.

Reads the development kit ``stance-en`` (its NewsMTSC training part; the test sets are held out) from
``../shared/devkits/`` next to the repository, or from ``$KZLIB_DEVKITS``, and skips with a message when it is
absent. Each row is read as ``StanceClassifier`` reads it for its rule features (the mention masked, the rules'
score and lexical evidence); a row is *favor* where tanh(score) ≥ threshold and the lexical evidence is positive,
*against* where both are negative, else *none*. Printed per threshold: F1 of favor and against (macro), macro-F1 over
the three classes, the share of rows given a direction, and the directed precision (the share of those whose
direction is the gold's). No training: the rules are the same for every row.

    python benchmarks/stance_rules.py
    python benchmarks/stance_rules.py --thresholds 0.1 0.3 0.5
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.stance import kit_dir, load_newsmtsc  # noqa: E402
from kzlib.stance.classifier import _rule_features, _views  # noqa: E402  (the classifier's reading of a row)


def rule_reading(score: np.ndarray, lexical: np.ndarray, *, threshold: float) -> np.ndarray:
    """favor / against / none from the rules' tanh score and lexical evidence.

    >>> rule_reading(np.array([0.5, -0.5, 0.5, 0.1]), np.array([1.0, -1.0, -1.0, 1.0]), threshold=0.3).tolist()
    ['favor', 'against', 'none', 'none']
    """
    return np.where((score >= threshold) & (lexical > 0), "favor",
                    np.where((score <= -threshold) & (lexical < 0), "against", "none"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--thresholds", nargs="+", type=float, default=[0.1, 0.3])
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("kzlib").setLevel(logging.WARNING)
    kit = kit_dir()
    if kit is None:
        print("stance rules benchmark skipped: no development kit stance-en in ../shared/devkits/ (or $KZLIB_DEVKITS)")
        return 0
    X = load_newsmtsc(kit)
    views = _views(X, window=5, known=[])
    R = _rule_features(X, views.masked, [])
    y = X["stance"].to_numpy()
    for th in args.thresholds:
        pred = rule_reading(R[:, 0], R[:, 1] + R[:, 2], threshold=th)
        directed = pred != "none"
        print(f"NewsMTSC train (n={len(y)}), rule reading at threshold {th}: "
              f"F1(favor, against) {100 * f1_score(y, pred, labels=['favor', 'against'], average='macro'):.2f}, "
              f"macro-F1 {100 * f1_score(y, pred, average='macro'):.2f}, directed {directed.mean():.3f} "
              f"({int(directed.sum())} rows), directed precision {100 * (pred[directed] == y[directed]).mean():.2f}",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
