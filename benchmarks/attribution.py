"""Quotation and speaker attribution on real news: kzlib's ``extract_quotes`` scored on PolNeAR.

Reads ``attribution-en/polnear_train_dev.jsonl`` from the development kits
(``../shared/devkits/`` relative to the repository root, or the folder named by ``KZLIB_DEVKITS``),
builds each article's paragraphs the way kzlib does (``split_paragraphs`` + ``classify_paragraphs``,
analysable body paragraphs only), runs ``extract_quotes``, writes ``quotes.csv`` (doc_id = the gold
doc_id) and scores it with the kit's own ``score.py``.

    python benchmarks/attribution.py --compartment train            # develop here
    python benchmarks/attribution.py --compartment dev              # the figure to report
    python benchmarks/attribution.py --compartment train --limit 100 --out /tmp/q.csv
    python benchmarks/attribution.py --compartment dev --thoughts --headlines   # PolNeAR's own scheme
    python benchmarks/attribution.py --compartment train --by-cue   # recall by the gold cue's class, and a ceiling

PolNeAR counts attributed thoughts and intentions ("X believes ...", "X plans to ...") and the headlines'
attributions; kzlib reads neither by default (``extract_quotes(thoughts=..., headlines=...)``). PolNeAR also
counts attributed acts and positions without words ("the union endorsed her", "X declined to comment"), which
kzlib extracts as kind ``act`` (not speech): the figure scores the kinds direct, indirect, interview and act
(the scorer's ``--kinds``), and a second line the speech kinds alone.

The kit is research-use data: it is read in place and never copied into the repository. When it is
absent the script says so and exits with status 0 (nothing to measure).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402 - after the sys.path line above

from kzlib.clean import classify_paragraphs, split_paragraphs  # noqa: E402
from kzlib.quotes import extract_quotes  # noqa: E402


def devkit_dir() -> Path:
    """The attribution kit: ``$KZLIB_DEVKITS/attribution-en`` or ``../shared/devkits/attribution-en``."""
    base = os.environ.get("KZLIB_DEVKITS") or str(ROOT.parent / "shared" / "devkits")
    return Path(base) / "attribution-en"


def load_articles(path: Path, compartment: str | None, limit: int | None) -> list[dict]:
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if compartment and d.get("compartment") != compartment:
                continue
            docs.append(d)
            if limit and len(docs) >= limit:
                break
    return docs


def paragraphs_of(docs: list[dict]) -> pd.DataFrame:
    """The ``paragraphs`` table kzlib would build for these articles (kind, duplicate_of, text)."""
    frames = []
    for d in docs:
        paras = split_paragraphs(d["text"])
        p = classify_paragraphs(paras, title=d.get("title") or "")
        p.insert(0, "doc_id", d["doc_id"])
        frames.append(p)
    return pd.concat(frames, ignore_index=True)


def _cue_class_words() -> dict[str, frozenset[str]]:
    """kzlib's cue lexicons (``kzlib/data/cue_verbs.yaml``, ``cue_nouns.yaml``): speech verbs, speech nouns and
    verbs of thought, each as lower-case forms."""
    import yaml

    verbs = yaml.safe_load((ROOT / "kzlib" / "data" / "cue_verbs.yaml").read_text("utf-8"))["cues"]
    nouns = yaml.safe_load((ROOT / "kzlib" / "data" / "cue_nouns.yaml").read_text("utf-8"))["nouns"]
    speech = {f.lower() for c in verbs if not c.get("thought") for f in c["forms"]}
    thought = {f.lower() for c in verbs if c.get("thought") for f in c["forms"]}
    noun = {str(f).lower() for n in nouns for f in (n.get("forms") if isinstance(n, dict) else [n])}
    return {"speech verb": frozenset(speech), "speech noun": frozenset(noun), "thought": frozenset(thought)}


def by_cue(kit: Path, gold_path: Path, quotes_csv: Path, compartment: str, kinds: set[str]) -> None:
    """Recall by the class of the gold cue (a kzlib speech verb, speech noun, verb of thought, no words, other),
    with the kit scorer's own matching at overlap 0.3, and the recall a lexicon method would reach if it found
    every attribution whose cue is in its speech lexicons and the rest as now (its ceiling)."""
    import collections
    import csv
    import importlib.util
    import re

    spec = importlib.util.spec_from_file_location("polnear_score", kit / "score.py")
    sc = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(sc)  # type: ignore[union-attr]
    lex = _cue_class_words()
    preds: dict[str, list] = collections.defaultdict(list)
    with open(quotes_csv, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["kind"] in kinds:
                preds[row["doc_id"]].append(sc.tokens(row["quote"]))
    n: collections.Counter = collections.Counter()
    hit: collections.Counter = collections.Counter()
    for d in load_articles(gold_path, compartment, None):
        cands, used = preds.get(d["doc_id"], []), set()
        for a in d["attributions"]:
            if not a.get("content"):
                continue
            g = sc.tokens(a["content"]["text"])
            best, best_i = 0.0, None
            for i, p in enumerate(cands):
                if i not in used and (o := sc.overlap(p, g)) > best:
                    best, best_i = o, i
            found = best_i is not None and best >= 0.3
            if found:
                used.add(best_i)
            toks = re.findall(r"[a-z]+", re.sub(r"[’']s\b", "", ((a.get("cue") or {}).get("text") or "").lower()))
            grams = {" ".join(toks[i:i + k]) for k in (1, 2, 3) for i in range(len(toks) - k + 1)}
            cls = next((c for c, words in lex.items() if grams & words), "no words (punctuation)" if not toks
                       else "other")
            n[cls] += 1
            hit[cls] += found
    total = sum(n.values())
    print(f"recall by the gold cue's class ({compartment}, overlap 0.3, kinds {','.join(sorted(kinds))}):")
    for cls in ("speech verb", "speech noun", "thought", "no words (punctuation)", "other"):
        print(f"  {cls:24} {n[cls]:6,d} ({n[cls] / total:.1%})  found {hit[cls] / max(n[cls], 1):.3f}")
    ceiling = (n["speech verb"] + n["speech noun"] + sum(hit[c] for c in n if c not in ("speech verb", "speech noun")))
    print(f"  recall now {sum(hit.values()) / total:.3f}; ceiling of the lexicons (every attribution with a speech "
          f"verb or noun found, the rest as now) {ceiling / total:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compartment", default="train", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles of the compartment")
    ap.add_argument("--out", default=str(ROOT / "outputs" / "attribution" / "quotes.csv"))
    ap.add_argument("--thoughts", action="store_true", help="also extract attributed thoughts (off by default)")
    ap.add_argument("--headlines", action="store_true", help="also read the headlines (off by default; PolNeAR "
                    "annotates them: 3.4%% of its attributions)")
    ap.add_argument("--by-cue", action="store_true", help="also print recall by the class of the gold cue (kzlib's "
                    "speech verbs, speech nouns, thoughts, other) and the recall ceiling of a lexicon method")
    args = ap.parse_args(argv)
    logging.getLogger("kzlib").setLevel(logging.ERROR)
    kit = devkit_dir()
    gold = kit / "polnear_train_dev.jsonl"
    if not gold.exists():
        print(f"attribution benchmark skipped: {gold} is absent (set KZLIB_DEVKITS to the folder holding "
              "attribution-en/ to run it).")
        return 0
    docs = load_articles(gold, args.compartment, args.limit)
    paras = paragraphs_of(docs)
    kw = {"thoughts": args.thoughts, "headlines": args.headlines}
    t0 = time.perf_counter()
    q = extract_quotes(paras, **kw)
    secs = time.perf_counter() - t0
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    q.to_csv(out, index=False)
    print(f"{len(docs)} articles ({args.compartment}), {len(paras)} paragraphs, {len(q)} quote rows; "
          f"extract_quotes {secs:.2f} s = {1000 * secs / max(len(docs), 1):.2f} s per 1,000 articles")
    if args.limit:  # score only the articles that were run
        ids = {d["doc_id"] for d in docs}
        sub = Path(tempfile.mkdtemp(prefix="kzlib-attr-")) / "gold.jsonl"  # outside the repository
        with open(gold, encoding="utf-8") as f, open(sub, "w", encoding="utf-8") as g:
            for line in f:
                if json.loads(line)["doc_id"] in ids:
                    g.write(line)
        gold = sub
    rc = 0
    for label, kinds in (("speech and acts (PolNeAR's scheme)", "direct,indirect,interview,act"),
                         ("speech only", "direct,indirect,interview")):
        res = subprocess.run([sys.executable, str(kit / "score.py"), str(gold), str(out), "--compartment",
                              args.compartment, "--kinds", kinds], capture_output=True, text=True, check=False)
        print(f"-- {label}: kinds {kinds}")
        print(res.stdout.strip() or res.stderr.strip())
        rc = rc or res.returncode
    if args.by_cue:
        by_cue(kit, gold, out, args.compartment, {"direct", "indirect", "interview", "act"})
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
