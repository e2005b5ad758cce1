"""Which of ``kzlib.extract_dates``'s errors on TBAQ are the gold contradicting itself (issue #17).

Reads the predictions that ``benchmarks/timex.py`` wrote (``pred_all.csv``) and the kit's
``timex-en/tbaq_train.jsonl`` (``../shared/devkits/`` beside the repository, or ``$KZLIB_DEVKITS``), pairs
predictions with gold expressions as the kit's value score does (an overlapping span, the exact span first) and
sorts every error into one class:

- **missed**: a gold expression no prediction overlaps. *Left unannotated elsewhere* when the same phrase
  (lower case) occurs more often in the kit's texts than the gold annotates it: the gold's own annotators left
  that phrase out at least once.
- **spurious**: a prediction no gold expression overlaps. *Annotated elsewhere* when the gold annotates the same
  phrase somewhere in the kit.
- **wrong value**: overlapping spans with different values. *Our shape elsewhere* when the value's shape (digits
  replaced by 9: ``1989-W43`` is ``9999-W99``) differs from the gold's and the gold gives the identical phrase our
  shape elsewhere ("last week" as ``1989-W43`` in one story, ``1989-WXX`` in the next). *Same shape, other
  anchor*: both are, say, days, and differ in which day (a weekday counted from another creation time).

The first class of each kind is an inconsistency of the annotation, not a rule that the system lacks: a
system cannot agree with both choices. The counts say how much of the gap to issue #17's target that leaves.

    python benchmarks/timex.py --half all --out /tmp/timex
    python benchmarks/timex_errors.py /tmp/timex/pred_all.csv [--examples 15]

Exits 0 with a message when the kit is absent. The kit's data are never copied into the repository.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WORDS = re.compile(r"\s+")


def _phrase(text: str) -> str:
    """The lower-case phrase of a span, spaces collapsed and edge punctuation dropped."""
    return _WORDS.sub(" ", text.lower().strip(" .,;:\"'`"))


def _shape(value: str) -> str:
    """A TimeML value with its digits replaced by 9 (``1989-W43`` -> ``9999-W99``)."""
    return re.sub(r"\d", "9", value)


def classify(docs: list[dict], preds: dict[str, list[tuple[int, int, str]]]) -> list[tuple[str, str, str]]:
    """Every error as ``(class, phrase, detail)``; correct values are left out."""
    annotated: collections.Counter[str] = collections.Counter()
    shapes: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for d in docs:
        for t in d["timexes"]:
            p = _phrase(d["text"][t["start"]:t["end"]])
            annotated[p] += 1
            shapes[p][_shape(t["value"])] += 1
    corpus = "\n".join(d["text"].lower() for d in docs)
    seen: dict[str, int] = {}

    def occurrences(p: str) -> int:
        if p not in seen:
            seen[p] = len(re.findall(r"(?<![a-z0-9])" + re.escape(p) + r"(?![a-z0-9])", corpus))
        return seen[p]

    errors = []
    for d in docs:
        text, cands, used = d["text"], preds.get(d["doc_id"], []), set()
        for t in d["timexes"]:
            gp = _phrase(text[t["start"]:t["end"]])
            hits = [i for i, c in enumerate(cands) if i not in used and c[0] < t["end"] and t["start"] < c[1]]
            if not hits:
                cls = ("missed: left unannotated elsewhere" if occurrences(gp) > annotated[gp]
                       else "missed: other")
                errors.append((cls, gp, f"gold {t['value']}"))
                continue
            exact = [i for i in hits if cands[i][:2] == (t["start"], t["end"])]
            i = (exact or hits)[0]
            used.add(i)
            value = cands[i][2]
            if value == t["value"]:
                continue
            pp = _phrase(text[cands[i][0]:cands[i][1]])
            if _shape(value) == _shape(t["value"]):
                cls = "wrong value: same shape, other anchor"
            elif shapes[pp][_shape(value)]:
                cls = "wrong value: our shape elsewhere"
            else:
                cls = "wrong value: other"
            errors.append((cls, pp, f"{value} vs gold {t['value']}"))
        for i, c in enumerate(cands):
            if i not in used:
                p = _phrase(text[c[0]:c[1]])
                cls = "spurious: annotated elsewhere" if annotated[p] else "spurious: other"
                errors.append((cls, p, c[2]))
    return errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pred", help="pred_all.csv written by benchmarks/timex.py --half all")
    ap.add_argument("--examples", type=int, default=10, help="commonest phrases to show per class")
    args = ap.parse_args(argv)
    env = os.environ.get("KZLIB_DEVKITS")
    gold = (Path(env) if env else ROOT.parent / "shared" / "devkits") / "timex-en" / "tbaq_train.jsonl"
    if not gold.exists():
        print(f"timex error classes skipped: {gold} not found (set KZLIB_DEVKITS to the development kits' folder)")
        return 0
    with open(gold, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    preds: dict[str, list[tuple[int, int, str]]] = collections.defaultdict(list)
    with open(args.pred, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            preds[r["doc_id"]].append((int(r["start"]), int(r["end"]), r["value"]))
    wanted = {d["doc_id"] for d in docs}
    if not set(preds) <= wanted:
        print("the predictions name documents the kit does not have: pass pred_all.csv of --half all")
        return 2
    errors = classify(docs, preds)
    by_class = collections.Counter(e[0] for e in errors)
    n_gold = sum(len(d["timexes"]) for d in docs)
    n_pred = sum(len(v) for v in preds.values())
    correct = n_gold - by_class["missed: left unannotated elsewhere"] - by_class["missed: other"] - sum(
        v for k, v in by_class.items() if k.startswith("wrong"))
    print(f"gold {n_gold}, predicted {n_pred}, correct values {correct}: value F1 "
          f"{200 * correct / (n_gold + n_pred):.1f}; errors {len(errors)}")
    print("\n| class | errors |\n|---|---|")
    for k in sorted(by_class):
        print(f"| {k} | {by_class[k]} |")
    inconsistent = sum(v for k, v in by_class.items() if k.endswith("elsewhere"))
    print(f"\nthe gold contradicts itself on the identical phrase in {inconsistent} of {len(errors)} errors")
    for k in sorted(by_class):
        common = collections.Counter(p if k.startswith(("missed", "spurious")) else f"{p}: {det}"
                                     for c, p, det in errors if c == k).most_common(args.examples)
        print(f"\n{k}: " + "; ".join(f"{p} ({n})" for p, n in common))
    return 0


if __name__ == "__main__":
    sys.exit(main())
