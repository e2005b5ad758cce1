"""The stance rules on US election news they were not written for: PolNeAR's quotes, nine candidates and parties.

Reads ``attribution-en/polnear_train_dev.jsonl`` from the development kits (``../shared/devkits/`` relative to the
repository root, or the folder named by ``KZLIB_DEVKITS``), builds each article's paragraphs and quotes as
``benchmarks/attribution.py`` does, runs ``kzlib.stance.detect_stance`` (threshold 0.3) with the nine targets below,
and writes the stance rows with their quotes to ``--out``. PolNeAR has no stance labels: the figures come from a
reader's judgement of a sample of the rows given a direction (``--sample N`` writes one, ``--seed`` its draw, and
beside it ``OUT.sheet.csv``, the same rows for a blind coder: who speaks, about which target, the quote, and an empty
``stance`` column, without the rules' direction or evidence). With ``--coded`` (that sheet filled in: ``stance`` is the
coder's own direction, favor / against / none / unclear), it reports the precision of this run's directed rows among
the coded ones, with a 95 % Wilson interval, and what the coder read in the coded rows this run gives no direction:
how a blind coding made on one version of the rules scores another. With
``--judged`` (a CSV of ``doc_id``, ``quote_id``, ``target``, ``stance`` and ``label``: right / reversed / none /
unclear), it reports the precision of the judged rows that this run still gives the same direction, with a 95 %
Wilson interval, and what happened to the others: how a reading made on one version of the rules scores another.

    python benchmarks/stance_polnear.py --compartment train --start 300 --end 840 --out /tmp/pn.csv --sample 120
    python benchmarks/stance_polnear.py --compartment dev --out /tmp/pn_dev.csv --judged /tmp/judged_dev.csv
    python benchmarks/stance_polnear.py --compartment train --out /tmp/pn.csv --sample 120 --seed 35
    python benchmarks/stance_polnear.py --compartment train --out /tmp/pn.csv --sample 100 --sample-stance favor
    python benchmarks/stance_polnear.py --compartment train --out /tmp/pn.csv --coded /tmp/pn.sheet.csv  # filled in

The kit is research-use data: it is read in place, and neither the rows nor a reader's judgements are committed.
When it is absent the script says so and exits with status 0 (nothing to measure).
"""

from __future__ import annotations

import argparse
import logging
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402 - after the sys.path line above
import pandas as pd  # noqa: E402

from benchmarks.attribution import devkit_dir, load_articles, paragraphs_of  # noqa: E402
from kzlib.quotes import extract_quotes  # noqa: E402
from kzlib.stance import detect_stance  # noqa: E402

#: the 2016 campaign's candidates and parties, by the names the articles use
TARGETS = {
    "Donald Trump": ["Donald Trump", "Trump", "Donald J. Trump"],
    "Hillary Clinton": ["Hillary Clinton", "Hillary Rodham Clinton", "Clinton", "Hillary"],
    "Barack Obama": ["Barack Obama", "Obama"],
    "Bernie Sanders": ["Bernie Sanders", "Sanders"],
    "Ted Cruz": ["Ted Cruz", "Cruz"],
    "Marco Rubio": ["Marco Rubio", "Rubio"],
    "Republicans": ["Republicans", "Republican Party", "GOP"],
    "Democrats": ["Democrats", "Democratic Party"],
    "Jeb Bush": ["Jeb Bush", "Bush", "Jeb"],
}
KEY = ["doc_id", "quote_id", "target"]


def stance_rows(docs: list[dict]) -> pd.DataFrame:
    """The stance rows of the articles' quotes, with each quote's text and kind."""
    paras = paragraphs_of(docs)
    quotes = extract_quotes(paras)
    rows = detect_stance(quotes, targets=TARGETS, paragraphs=paras, threshold=0.3)
    return rows.merge(quotes[["doc_id", "quote_id", "quote", "kind"]], on=["doc_id", "quote_id"], how="left")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of ``k`` successes in ``n``.

    >>> [round(x, 3) for x in wilson(55, 119)]
    [0.375, 0.552]
    """
    if n == 0:
        return math.nan, math.nan
    p = k / n
    centre, half = p + z * z / (2 * n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)


def score_judged(rows: pd.DataFrame, judged: pd.DataFrame) -> str:
    """Precision of the judged rows this run gives the same direction, and what became of the rest."""
    now = rows[KEY + ["stance"]].rename(columns={"stance": "now"})
    j = judged.assign(quote_id=judged["quote_id"].astype(str)).merge(
        now.assign(quote_id=now["quote_id"].astype(str)), on=KEY, how="left")
    same = j[j["now"] == j["stance"]]

    def precision(d: pd.DataFrame) -> str:
        d = d[d["label"] != "unclear"]
        k, n = int((d["label"] == "right").sum()), len(d)
        lo, hi = wilson(k, n)
        return f"{k}/{n} = {k / n:.3f} [{lo:.2f}, {hi:.2f}]" if n else "no rows"

    other = j[j["now"] != j["stance"]]
    return (f"judged rows: {precision(j)} as judged; {len(same)} keep their direction: {precision(same)}; "
            f"{len(other)} lose it or change: {other['label'].value_counts().to_dict()}")


SHEET_COLUMNS = ["row", "doc_id", "quote_id", "speaker", "target", "quote", "kind", "stance", "note"]


def blind_sheet(sample: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``sample`` for a blind coder: who speaks about which target in which quote, and empty ``stance`` and
    ``note`` columns to fill, without the rules' direction, score or evidence.

    >>> s = pd.DataFrame({"row": [0], "doc_id": ["d"], "quote_id": [1], "speaker": ["A"], "target": ["X"],
    ...                   "quote": ["q"], "kind": ["direct"], "stance": ["favor"], "cues": ["support +0.9"]})
    >>> list(blind_sheet(s).columns) == SHEET_COLUMNS, blind_sheet(s)["stance"].item()
    (True, '')
    """
    return sample.reindex(columns=SHEET_COLUMNS[:-2]).assign(stance="", note="")


def score_coded(rows: pd.DataFrame, coded: pd.DataFrame) -> str:
    """Precision of this run's directed rows among those a coder coded blind (``coded``: ``doc_id``, ``quote_id``,
    ``target``, and the coder's own ``stance``; "unclear" rows left out), and what the coder read in the coded rows to
    which this run gives no direction."""
    bad = sorted(set(coded["stance"].astype(str)) - {"favor", "against", "none", "unclear"})
    if bad:
        raise SystemExit(f"--coded: stance must be favor / against / none / unclear, found {bad}; fill in every row")
    now = rows[KEY + ["stance"]].rename(columns={"stance": "now"})
    j = coded[KEY + ["stance"]].assign(quote_id=coded["quote_id"].astype(str)).merge(
        now.assign(quote_id=now["quote_id"].astype(str)), on=KEY, how="left")
    j = j[j["stance"] != "unclear"]
    directed = j[j["now"].isin(["favor", "against"])]
    k, n = int((directed["now"] == directed["stance"]).sum()), len(directed)
    lo, hi = wilson(k, n)
    rest = j[~j["now"].isin(["favor", "against"])]["stance"].value_counts().to_dict()
    return (f"coded rows this run gives a direction: {k}/{n} = {k / n:.3f} [{lo:.2f}, {hi:.2f}] right; "
            f"the coder's reading of the {sum(rest.values())} coded rows without one: {rest}" if n else
            f"no coded row has a direction in this run; the coder's reading of the rest: {rest}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--compartment", choices=["train", "dev"], default="train")
    ap.add_argument("--start", type=int, default=0, help="first article of the compartment (file order)")
    ap.add_argument("--end", type=int, default=None, help="one past the last article")
    ap.add_argument("--out", type=Path, required=True, help="where to write the stance rows (CSV)")
    ap.add_argument("--sample", type=int, default=0, help="also write N rows given a direction to OUT.sample.csv")
    ap.add_argument("--seed", type=int, default=33, help="the sample's draw")
    ap.add_argument("--sample-stance", choices=["directed", "favor", "against", "none"], default="directed",
                    help="which rows --sample draws from: those given a direction (the default), one direction only "
                         "(its precision alone), or those read as none (what the rules miss)")
    ap.add_argument("--judged", type=Path, help="a reader's judgements of earlier rows, to score this run by")
    ap.add_argument("--coded", type=Path, help="a blind coder's directions of earlier rows (OUT.sheet.csv filled in)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")  # kzlib's warnings
    path = devkit_dir() / "polnear_train_dev.jsonl"
    if not path.exists():
        print(f"skipped: the attribution kit is absent ({path}): nothing to measure")
        return 0
    docs = load_articles(path, args.compartment, None)[args.start:args.end]
    rows = stance_rows(docs)
    rows.to_csv(args.out, index=False)
    directed = rows[rows["stance"].isin(["favor", "against"])]
    print(f"{len(docs)} articles, {len(rows)} stance rows, {len(directed)} given a direction "
          f"({directed['stance'].value_counts().to_dict()}) -> {args.out}")
    if args.sample:
        pool = directed if args.sample_stance == "directed" else rows[rows["stance"] == args.sample_stance]
        sample = pool.sample(n=min(args.sample, len(pool)), random_state=np.random.RandomState(args.seed))
        sample.insert(0, "row", range(len(sample)))
        sample.to_csv(args.out.with_suffix(".sample.csv"), index=False)
        blind_sheet(sample).to_csv(args.out.with_suffix(".sheet.csv"), index=False)
    if args.judged:
        print(score_judged(rows, pd.read_csv(args.judged)))
    if args.coded:
        print(score_coded(rows, pd.read_csv(args.coded)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
