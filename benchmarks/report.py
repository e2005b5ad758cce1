"""Print the tables of ``outputs/bench/results.json`` as Markdown (pasted into benchmarks/RESULTS.md).

    python benchmarks/report.py [outputs/bench/results.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def tables(results: dict) -> str:
    lines = []
    runs = sorted(results["runs"], key=lambda r: (r["engine"], r["docs"]))
    names = list(dict.fromkeys(n for r in runs for n in r.get("stages", {})))
    lines.append("| docs | engine | " + " | ".join(names) + " | total s | peak RSS MB (summed) | peak PSS MB |")
    lines.append("|" + "---|" * (len(names) + 5))
    for r in runs:
        cells = [f"{r['stages'][n]['seconds']:.1f}" if n in r.get("stages", {}) else "–" for n in names]
        total = r.get("total_seconds")
        note = " (incomplete)" if r.get("incomplete") else ""
        lines.append(f"| {r['docs']:,} | {r['engine']}{note} | " + " | ".join(cells)
                     + f" | {total if total is not None else '–'} | {r.get('peak_rss_mb', '–')} | {r.get('peak_pss_mb', '–')} |")
    lines.append("")
    lines.append("Peak RSS (MB) at the end of each stage:")
    lines.append("")
    lines.append("| docs | engine | " + " | ".join(names) + " |")
    lines.append("|" + "---|" * (len(names) + 2))
    for r in runs:
        cells = [f"{r['stages'][n]['peak_rss_mb']:.0f}" if n in r.get("stages", {}) else "–" for n in names]
        lines.append(f"| {r['docs']:,} | {r['engine']} | " + " | ".join(cells) + " |")
    pq = [(r["docs"], r["engine"], r["provenance_quality"]) for r in runs if r.get("provenance_quality")]
    if pq:
        lines += ["", "| docs | engine | planted pairs | pairs grouped | correct | precision | recall |", "|---|---|---|---|---|---|---|"]
        for d, e, q in pq:
            lines.append(f"| {d:,} | {e} | {q['true_pairs']} | {q['found_pairs']} | {q['correct_pairs']} | "
                         f"{q['precision']} | {q['recall']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "outputs/bench/results.json")
    res = json.loads(path.read_text())
    print(tables(res))
    print()
    print(json.dumps(res.get("comparisons", {}), indent=1))
