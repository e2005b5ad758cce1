"""Pathological inputs: does any stage's time grow faster than the text? (a regex that backtracks
cubically hangs a study on one odd document: a table of digits, a run of spaces, a page of capitals).

Each case is one document whose middle paragraph repeats a pattern to about ``size`` characters. Every
stage ``make bench`` times except topics (load, clean, provenance, quotes, stance, timeline) runs on it,
in a fresh process with a time limit, at two sizes; the report gives each stage's seconds and the growth
ratio between the sizes (linear growth gives about the size ratio; a ratio far above its square, or a
time-out, marks a pattern to mend).

    python benchmarks/adversarial.py                      # every case at 4,000 and 16,000 characters
    python benchmarks/adversarial.py --cases digits_after_said --sizes 1000 4000 --timeout 60
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: name -> (text before, unit repeated, text after) of the middle paragraph
CASES: dict[str, tuple[str, str, str]] = {
    "digits_after_said": ("The council said ", "9", " on Monday."),
    "capitalised_words": ("Officials said ", "Word ", "today."),
    "cyrillic_capitals": ("Токаев заявил, что ", "Слово ", "сегодня."),
    "spaces_in_counter": ("1", " ", "x"),
    "one_long_word": ("He said ", "a", "."),
    "commas": ("She said", ", ", "yes."),
    "quotation_marks": ("He said ", "\" ", "."),
    "curly_quotes_unbalanced": ("“We will stay,” he said. “", "again and ", "it"),
    "dashes": ("The minister — ", "— ", "said nothing."),
    "said_repeated": ("", "he said ", "that it failed."),
    "open_parentheses": ("The mayor (", "( ", "said yes."),
    "dates_repeated": ("The talks began on ", "January 5, ", "2022."),
    "one_long_sentence": ("The officials ", "and the troops ", "left."),
    "adverbs": ("The aides moved ", "quickly ", "and said nothing."),
    "titles": ("", "Mr. Dr. Sen. ", "Smith said it would fail."),
    # a whole book in one file: ordinary paragraphs of news, repeated (names, quotes and dates in each)
    "long_document": ("", "\n\nOn Jan. {day}, President Kassym-Jomart Tokayev said the {n} government would restore order. "
                          "\"We will act decisively,\" he told reporters in Almaty on Wednesday. Jane Roe, a lawyer "
                          "with the Almaty bar, said that the protests had begun in Zhanaozen two days earlier.", ""),
}

STAGES = ("load", "clean", "provenance", "quotes", "stance", "timeline")


def _document(case: str, size: int) -> str:
    before, unit, after = CASES[case]
    k = max(1, size // len(unit))
    # ("{n}" and "{day}" vary a repeated paragraph, which the cleaner would otherwise mark as a repeat)
    middle = before + ("".join(unit.format(n=i, day=i % 28 + 1) for i in range(k)) if "{n}" in unit else unit * k) + after
    return ("Almaty, Jan. 6 (Reuters) - Troops arrived in the city on Thursday, officials said.\n\n"
            f"{middle}\n\n\"The situation is under control,\" the mayor said.\n")


def run_one(case: str, size: int) -> dict[str, float]:
    """Seconds per stage for one case and size (run in this process, after an untimed warm-up run of the
    same case at 20 characters that pays the imports and loads the lexicons)."""
    from benchmarks import stages

    times = {}
    for n in (20, size):
        with tempfile.TemporaryDirectory(prefix="kz-adversarial-") as tmp:
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            (folder / "doc.txt").write_text(_document(case, n), encoding="utf-8")
            state: dict = {"path": folder}
            for name in STAGES:
                t0 = time.perf_counter()
                getattr(stages, f"stage_{name}")(state, engine="pandas", scheduler=None)
                times[name] = round(time.perf_counter() - t0, 3)
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", nargs="+", default=list(CASES), choices=list(CASES))
    ap.add_argument("--sizes", nargs=2, type=int, default=[4000, 16000], metavar=("SMALL", "LARGE"))
    ap.add_argument("--timeout", type=int, default=120, help="seconds per case and size (default 120)")
    ap.add_argument("--one", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        sys.stdout.write(json.dumps(run_one(args.one[0], int(args.one[1]))) + "\n")
        return 0
    small, large = args.sizes
    worst = 0.0
    print(f"case | stage | {small:,} chars (s) | {large:,} chars (s) | ratio (sizes ×{large / small:g})")
    for case in args.cases:
        results = {}
        for size in (small, large):
            try:
                out = subprocess.run([sys.executable, __file__, "--one", case, str(size)], capture_output=True,
                                     text=True, timeout=args.timeout, check=True)
                results[size] = json.loads(out.stdout.strip().splitlines()[-1])
            except subprocess.TimeoutExpired:
                results[size] = None
            except subprocess.CalledProcessError as err:
                print(f"{case} | (error) | {err.stderr.strip().splitlines()[-1] if err.stderr.strip() else err}")
                results[size] = {}
        a, b = results[small], results[large]
        if a is None or b is None:
            print(f"{case} | (all) | {'timeout' if a is None else sum(a.values())} | timeout | —")
            worst = float("inf")
            continue
        for stage in STAGES:
            if stage in a and stage in b:
                ratio = b[stage] / a[stage] if a[stage] >= 0.01 else float("nan")
                if b[stage] >= 0.05 and ratio == ratio:
                    worst = max(worst, ratio)
                print(f"{case} | {stage} | {a[stage]:.3f} | {b[stage]:.3f} | {ratio:.1f}")
    print(f"largest growth ratio of a stage taking ≥ 0.05 s: {worst:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
