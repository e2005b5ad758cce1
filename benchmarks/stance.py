"""Stance benchmark: ``StanceClassifier`` against a plain n-gram SVM, on public stance data.

Reads the development kit ``stance-en`` (training parts only; the test sets are held out and
measured outside the project) from ``../shared/devkits/`` next to the repository, or from
``$KZLIB_DEVKITS``, and skips with a message when it is absent:

* SemEval-2016 Task 6A (tweets, five targets; train + validation as split by TweetEval): F_avg, the
  mean of F1(favor) and F1(against) over all targets pooled;
* NewsMTSC (sentiment towards a target mention in English news sentences; training part):
  macro-F1 over negative / neutral / positive (mapped to against / none / favor).

Both systems are scored under the same seeded stratified K-fold cross-validation (NewsMTSC: the
rows of one sentence stay in one fold; with ``--newsmtsc-groups article``, the rows of one source
article do, so that no fold is tested on an article it also trained on). The baseline is the one of the task papers: a LinearSVC on
word 1–3-grams and character 2–5-grams (TF-IDF), one model per target for SemEval (Mohammad et al.
2016), one model with the target masked for NewsMTSC (Hamborg & Donnay 2021's SVM baseline).
Intervals: 95% paired bootstrap over the pooled out-of-fold predictions (the same resampled rows for
both systems), also for the difference.

    python benchmarks/stance.py                  # both sets, 5 folds, seed 0
    python benchmarks/stance.py --sets semeval --folds 5 --seed 1
    python benchmarks/stance.py --sets semeval --without hashtag_words   # an ablation
    python benchmarks/stance.py --sets newsmtsc --newsmtsc-groups article
    python benchmarks/stance.py --sets newsmtsc --with mention_vector   # an optional part switched on
    python benchmarks/stance.py --sets semeval --baseline-without joint_features   # paired against the
                                                 # classifier without a part, instead of the n-gram SVM
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kzlib.stance import StanceClassifier  # noqa: E402 - after the sys.path line above

log = logging.getLogger("benchmarks.stance")
SEMEVAL_TARGETS = ("abortion", "atheism", "climate", "feminist", "hillary")
SEMEVAL_LABELS = {"0": "none", "1": "against", "2": "favor"}
NEWSMTSC_LABELS = {2.0: "against", 4.0: "none", 6.0: "favor"}  # negative, neutral, positive


def kit_dir() -> Path | None:
    """``$KZLIB_DEVKITS/stance-en`` or ``../shared/devkits/stance-en``; None when absent."""
    base = Path(os.environ["KZLIB_DEVKITS"]) if os.environ.get("KZLIB_DEVKITS") else ROOT.parent / "shared" / "devkits"
    d = base / "stance-en"
    return d if d.is_dir() else None


def load_semeval(kit: Path) -> pd.DataFrame:
    """SemEval-2016 6A train + validation (TweetEval's split): ``text, target, stance``."""
    rows = []
    for target in SEMEVAL_TARGETS:
        for part in ("train", "val"):
            texts = (kit / "semeval2016" / target / f"{part}_text.txt").read_text(encoding="utf-8").split("\n")
            labels = (kit / "semeval2016" / target / f"{part}_labels.txt").read_text(encoding="utf-8").split()
            rows += [(t.strip(), target, SEMEVAL_LABELS[lab]) for t, lab in zip(texts, labels)]
    return pd.DataFrame(rows, columns=["text", "target", "stance"])


def _article(gid: str) -> str:
    """The source article of a NewsMTSC sentence id: its first three underscore-separated parts, ``<source>_<a>_<b>``
    (one source numbers story and article, one story per article in this part; the other writes a version and the
    article); the rest names the sentence and the target.

    >>> _article("srcA_12_34_5_Elbonia_0_7"), _article("srcB_v1_777_-1_4_Elbonia_2_9")
    ('srcA_12_34', 'srcB_v1_777')
    """
    return "_".join(gid.split("_")[:3])


def load_newsmtsc(kit: Path) -> pd.DataFrame:
    """NewsMTSC training part, one row per target mention: ``text, target, start, end, stance, group,
    article`` (``group``: the sentence; ``article``: its source article, the first one that has it)."""
    rows, article_of = [], {}
    for line in (kit / "newsmtsc_train.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        s = d["sentence_normalized"]
        article_of.setdefault(s, _article(d["primary_gid"]))
        for t in d["targets"]:
            rows.append((s, t["mention"], int(t["from"]), int(t["to"]), NEWSMTSC_LABELS[float(t["polarity"])], s))
    data = pd.DataFrame(rows, columns=["text", "target", "start", "end", "stance", "group"])
    data["article"] = data["text"].map(article_of)
    return data


class NgramSVM:
    """The baseline: LinearSVC on word 1–3-grams and character 2–5-grams (TF-IDF); with ``mask``, the
    target's mention (``start``/``end``) replaced by a placeholder; with ``per_target``, one model per target."""

    def __init__(self, *, per_target: bool = False, mask: bool = False, C: float = 1.0):
        self.per_target, self.mask, self.C = per_target, mask, C

    def _texts(self, X: pd.DataFrame) -> list[str]:
        if not self.mask:
            return X["text"].tolist()
        return [f"{t[:a]} TARGET {t[b:]}" for t, a, b in zip(X["text"], X["start"], X["end"])]

    def _fit_one(self, X: pd.DataFrame, y: np.ndarray):
        texts = self._texts(X)
        w = TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True).fit(texts)
        c = TfidfVectorizer(analyzer="char", ngram_range=(2, 5), sublinear_tf=True).fit(texts)
        m = LinearSVC(C=self.C).fit(sparse.hstack([w.transform(texts), c.transform(texts)]).tocsr(), y)
        return w, c, m

    def fit(self, X: pd.DataFrame, y) -> NgramSVM:
        y = np.asarray(y, dtype=object)
        keys = X["target"] if self.per_target else pd.Series("", index=X.index)
        self.models_ = {k: self._fit_one(X[(keys == k).to_numpy()], y[(keys == k).to_numpy()]) for k in keys.unique()}
        return self

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        out = np.empty(len(X), dtype=object)
        keys = X["target"] if self.per_target else pd.Series("", index=X.index)
        for k, (w, c, m) in self.models_.items():
            sel = (keys == k).to_numpy()
            if sel.any():
                texts = self._texts(X[sel])
                out[sel] = m.predict(sparse.hstack([w.transform(texts), c.transform(texts)]).tocsr())
        return out


def f_avg(y, pred) -> float:
    """SemEval-2016's F_avg: mean of F1(favor) and F1(against), all targets pooled."""
    return float(f1_score(y, pred, labels=["favor", "against"], average="macro", zero_division=0))


def macro_f1(y, pred) -> float:
    return float(f1_score(y, pred, labels=["favor", "against", "none"], average="macro", zero_division=0))


def cross_validate(make: Callable[[], object], X: pd.DataFrame, y: np.ndarray, splits) -> tuple[np.ndarray, float]:
    """Out-of-fold predictions of a fresh model per fold, and the seconds it took."""
    pred = np.empty(len(X), dtype=object)
    t0 = time.perf_counter()
    for tr, te in splits:
        pred[te] = make().fit(X.iloc[tr], y[tr]).predict(X.iloc[te])
    return pred, time.perf_counter() - t0


def paired_bootstrap(y, a, b, score, *, n_boot: int = 1000, seed: int = 0) -> dict[str, float]:
    """Scores of predictions ``a`` and ``b`` and of ``b - a``, with 95% intervals from the same resamples."""
    y, a, b = (np.asarray(v, dtype=object) for v in (y, a, b))
    rng = np.random.default_rng(seed)
    sa, sb = np.empty(n_boot), np.empty(n_boot)
    for i in range(n_boot):
        idx = rng.integers(0, len(y), len(y))
        sa[i], sb[i] = score(y[idx], a[idx]), score(y[idx], b[idx])
    d = sb - sa
    def q(v: np.ndarray) -> np.ndarray:
        return np.percentile(v, [2.5, 97.5])

    return {"baseline": score(y, a), "baseline_lo": q(sa)[0], "baseline_hi": q(sa)[1],
            "ours": score(y, b), "ours_lo": q(sb)[0], "ours_hi": q(sb)[1],
            "diff": score(y, b) - score(y, a), "diff_lo": q(d)[0], "diff_hi": q(d)[1], "p_not_better": float((d <= 0).mean())}


def _switched(parts: Sequence[str], on: bool) -> dict[str, object]:
    """StanceClassifier's keyword arguments that switch ``parts`` on or off (``kernel`` off: ``kernel_weight=0``;
    on, it keeps its default weight).

    >>> _switched(["kernel", "joint_features"], False), _switched(["kernel"], True)
    ({'kernel_weight': 0.0, 'joint_features': False}, {})
    """
    out: dict[str, object] = {}
    for p in parts:
        if p != "kernel":
            out[p] = on
        elif not on:
            out["kernel_weight"] = 0.0
    return out


def run_set(name: str, kit: Path, *, folds: int, seed: int, n_boot: int, calibrate: bool = False,
            without: tuple[str, ...] = (), baseline_without: tuple[str, ...] | None = None, with_parts: tuple[str, ...] = (),
            newsmtsc_groups: str = "sentence") -> dict[str, float]:
    off = _switched(without, False) | _switched(with_parts, True)  # parts switched off or on, for ablations
    if name == "semeval":
        data = load_semeval(kit)
        y = data["stance"].to_numpy(dtype=object)
        splits = list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(data, data["target"] + "|" + data["stance"]))
        X = data[["text", "target"]]
        base, ours, score, measure = (lambda: NgramSVM(per_target=True)), (lambda: StanceClassifier(random_state=seed, calibrate=calibrate, **off)), f_avg, "F_avg"
    else:
        data = load_newsmtsc(kit)
        y = data["stance"].to_numpy(dtype=object)
        groups = data["group" if newsmtsc_groups == "sentence" else "article"]
        splits = list(StratifiedGroupKFold(folds, shuffle=True, random_state=seed).split(data, y, groups))
        X = data[["text", "target", "start", "end"]]
        base, ours, score, measure = (lambda: NgramSVM(mask=True)), (lambda: StanceClassifier(random_state=seed, calibrate=calibrate, **off)), macro_f1, "macro-F1"
    if baseline_without is not None:  # the baseline: the classifier itself without these parts
        base_off = _switched(baseline_without, False)
        def base():
            return StanceClassifier(random_state=seed, calibrate=calibrate, **base_off)
    pb, tb = cross_validate(base, X, y, splits)
    po, to = cross_validate(ours, X, y, splits)
    res = paired_bootstrap(y, pb, po, score, n_boot=n_boot, seed=seed)
    res.update(set=name, measure=measure, n=len(y), folds=folds, seed=seed, seconds_baseline=tb, seconds_ours=to,
               groups="tweet" if name == "semeval" else newsmtsc_groups,
               without=list(without), with_parts=list(with_parts), baseline_name="n-gram SVM" if baseline_without is None else
               "StanceClassifier without " + ", ".join(baseline_without))
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", nargs="+", default=["semeval", "newsmtsc"], choices=["semeval", "newsmtsc"])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n-boot", type=int, default=1000)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--calibrate", action="store_true",
                    help="fit the probability calibration too (slower; predict() does not depend on it: it is the "
                         "SVM fitted on all training rows either way)")
    parts = ["hashtag_words", "scaled_window", "context_features", "lexicon_features", "rule_features",
             "joint_features", "target_features", "word_vectors", "kernel"]
    ap.add_argument("--baseline-without", nargs="+", default=None, metavar="PART", choices=parts,
                    help="compare with StanceClassifier without these parts instead of the n-gram SVM (paired)")
    ap.add_argument("--without", nargs="+", default=[], metavar="PART",
                    choices=parts,
                    help="switch these parts of StanceClassifier off (an ablation)")
    ap.add_argument("--with", dest="with_parts", nargs="+", default=[], metavar="PART", choices=["mention_vector"],
                    help="switch these optional parts of StanceClassifier on")
    ap.add_argument("--newsmtsc-groups", choices=["sentence", "article"], default="sentence",
                    help="NewsMTSC: keep the rows of one sentence (default) or of one source article in one fold")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("kzlib").setLevel(logging.WARNING)
    kit = kit_dir()
    if kit is None:
        print("stance benchmark skipped: no development kit stance-en in ../shared/devkits/ "
              "(or $KZLIB_DEVKITS); it holds SemEval-2016 6A and NewsMTSC training data")
        return 0
    results = []
    for name in args.sets:
        r = run_set(name, kit, folds=args.folds, seed=args.seed, n_boot=args.n_boot, calibrate=args.calibrate,
                    without=tuple(args.without), with_parts=tuple(args.with_parts),
                    baseline_without=None if args.baseline_without is None else tuple(args.baseline_without),
                    newsmtsc_groups=args.newsmtsc_groups)
        results.append(r)
        print(f"{name} (n={r['n']}, {r['folds']}-fold CV, seed {r['seed']}, folds by {r['groups']}), {r['measure']} with 95% bootstrap CI:\n"
              f"  {r['baseline_name']:17} {100 * r['baseline']:.1f} [{100 * r['baseline_lo']:.1f}, {100 * r['baseline_hi']:.1f}]"
              f"  ({r['seconds_baseline']:.0f} s)\n"
              f"  StanceClassifier  {100 * r['ours']:.1f} [{100 * r['ours_lo']:.1f}, {100 * r['ours_hi']:.1f}]"
              f"  ({r['seconds_ours']:.0f} s)\n"
              f"  difference        {100 * r['diff']:+.1f} [{100 * r['diff_lo']:+.1f}, {100 * r['diff_hi']:+.1f}]"
              f"  (share of resamples where it is not better: {r['p_not_better']:.3f})", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
