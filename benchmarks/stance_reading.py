"""Score a study's stance rows against a coder's reading of the same rows (speaker × target × quote).

A coder reads the rows a run produced (``tables/stances.csv``: the quote, its speaker and target), blind to the
run's stance, and writes ``doc_id, quote_id, target, gold`` (favor / against / none / unclear). This reports, per
language (the ``doc_id``'s folder: ``en/…``, ``ru/…``) and in all: F_avg (the mean F1 of favour and against, as
SemEval-2016 and notebook 04 report it), the precision of the directions the run gives, and the share of the coder's
directions the run finds among these rows, each count with a 95 % Wilson interval. Rows the run did not produce at all
(a target it did not see in a quote) are outside this measure.

    kz run --corpus ../shared/devkits/ru-news/corpus --metadata ../shared/devkits/ru-news/metadata.csv \\
        --out /tmp/runews --only 04 --no-html
    python benchmarks/stance_reading.py /tmp/runews/tables/stances.csv /tmp/coded.csv

Neither the rows nor the coding are committed (the kits are research-use data).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402 - after the sys.path line above
from sklearn.metrics import f1_score  # noqa: E402

from benchmarks.stance_polnear import wilson  # noqa: E402

KEY = ["doc_id", "quote_id", "target"]


def reading_scores(rows: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    """Per language and in all: rows, F_avg, directions right / given, and the coder's directions found.

    >>> rows = pd.DataFrame({"doc_id": ["en/a", "en/a", "ru/b"], "quote_id": [1, 2, 1], "target": "T",
    ...                      "stance": ["against", "none", "favor"]})
    >>> coded = rows.assign(gold=["against", "favor", "favor"]).drop(columns="stance")
    >>> reading_scores(rows, coded)[["part", "rows", "directed_right", "directed", "found", "coded_directed"]].values.tolist()
    [['all', 3, 2, 2, 2, 3], ['en', 2, 1, 1, 1, 2], ['ru', 1, 1, 1, 1, 1]]
    """
    m = rows[KEY + ["stance"]].astype({"quote_id": str}).merge(coded[KEY + ["gold"]].astype({"quote_id": str}), on=KEY)
    m = m[m["gold"] != "unclear"]
    m["part"] = m["doc_id"].astype(str).str.split("/").str[0].where(m["doc_id"].astype(str).str.contains("/"), "")
    out = []
    for part, d in [("all", m), *sorted((p, g) for p, g in m.groupby("part") if p)]:
        f = f1_score(d["gold"], d["stance"], labels=["favor", "against"], average=None, zero_division=0)
        directed, coded_dir = d[d["stance"] != "none"], d[d["gold"] != "none"]
        right = int((directed["stance"] == directed["gold"]).sum())
        found = int((coded_dir["stance"] == coded_dir["gold"]).sum())
        out.append({"part": part, "rows": len(d), "f_avg": round(float(f.mean()), 3),
                    "directed_right": right, "directed": len(directed),
                    "precision_ci": tuple(round(x, 2) for x in wilson(right, len(directed))),
                    "found": found, "coded_directed": len(coded_dir),
                    "recall_ci": tuple(round(x, 2) for x in wilson(found, len(coded_dir)))})
    return pd.DataFrame(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stances", type=Path, help="the run's tables/stances.csv")
    ap.add_argument("coded", type=Path, help="the coder's CSV: doc_id, quote_id, target, gold")
    args = ap.parse_args(argv)
    for path in (args.stances, args.coded):
        if not path.exists():
            print(f"skipped: {path} does not exist: nothing to score")
            return 0
    print(reading_scores(pd.read_csv(args.stances), pd.read_csv(args.coded)).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
