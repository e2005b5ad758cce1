"""What a run leaves besides its tables: the HTML pages of the notebooks, the manifest, the index page,
and the summary of skipped and degraded documents (see :func:`render_html`, :func:`report_degradations`)."""

from __future__ import annotations

import hashlib
import html
import json
import logging
import platform
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

__all__ = ["render_html", "report_degradations", "StageResult", "RESOURCE_LANGUAGES"]

log = logging.getLogger("kzlib.pipeline")   # the stage's logger, as before the split




@dataclass
class StageResult:
    notebook: str
    status: str
    seconds: float
    parameters: dict[str, Any]
    figures: list[str] = field(default_factory=list)
    error: str = ""


def render_html(notebook: Path, html_dir: Path) -> tuple[Path, Path]:
    """Render an executed notebook twice: the reader's version (no code) and the full one.

    Example:
        >>> render_html(Path("outputs/run/notebooks/01_corpus.ipynb"), Path("outputs/run/html"))  # doctest: +SKIP
    """
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook, as_version=4)
    html_dir.mkdir(parents=True, exist_ok=True)
    reader = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                          **_offline_template())
    full = HTMLExporter(**_offline_template())
    reader_path = html_dir / f"{notebook.stem}.html"
    full_path = html_dir / f"{notebook.stem}.full.html"
    reader_path.write_text(reader.from_notebook_node(nb)[0], encoding="utf-8")
    full_path.write_text(full.from_notebook_node(nb)[0], encoding="utf-8")
    return reader_path, full_path


#: nbconvert's lab template without the scripts it loads from a CDN (require.js, MathJax, mermaid, the widget
#: renderer): the pages must render completely offline. The notebooks hold no LaTeX or mermaid, their outputs
#: need no require.js, and a widget (a progress bar) shows its text form.
_OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
"""


def _offline_template() -> dict[str, Any]:
    from jinja2 import DictLoader

    return {"extra_loaders": [DictLoader({"kz_offline.html.j2": _OFFLINE_TEMPLATE})],
            "template_file": "kz_offline.html.j2"}


def _manifest_packages() -> list[str]:
    """kzlib and every package it requires (its installed metadata, extras left out): the versions a run's
    manifest records, so that a run's tables can be traced to the libraries and dictionaries behind them.

    Example:
        >>> names = _manifest_packages()
        >>> names[0], "pymorphy3-dicts-ru" in names, "pytest" in names
        ('kzlib', True, False)
    """
    try:
        required = importlib_metadata.requires("kzlib") or []
    except importlib_metadata.PackageNotFoundError:      # a source tree used without installing it
        log.warning("the manifest lists no package versions but Python's: kzlib is not installed (pip install -e .)")
        return []
    names = {re.split(r"[\s<>=!~;\[(]", r.strip(), maxsplit=1)[0] for r in required if "extra ==" not in r}
    return ["kzlib", *sorted(n for n in names if n)]


def _package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in _manifest_packages():
        try:
            versions[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _table_digests(tables: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(tables.glob("*")) if p.is_file()}


def _write_manifest(run_dir: Path, manifest: dict[str, Any]) -> None:
    (run_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=False, default=str) + "\n",
                                           encoding="utf-8")


def _finish_manifest(run_dir: Path, manifest: dict[str, Any], results: list[StageResult], status: str,
                     failure: str, *, html_output: bool) -> None:
    """Write the final manifest: status ok / failed / interrupted, each stage's outcome, the tables made."""
    manifest["stages"] = [r.__dict__ for r in results]
    manifest["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    manifest["status"] = status
    if failure:
        manifest["error"] = failure
    manifest["completed"] = [r.notebook for r in results if r.status == "ok"]
    manifest["tables"] = _table_digests(run_dir / "tables")
    _write_manifest(run_dir, manifest)
    if html_output:
        _write_index(run_dir, manifest, results)


#: Languages with kzlib's language resources (cue words, gazetteer forms, date words).
RESOURCE_LANGUAGES = ("en", "ru")


def report_degradations(run_dir: Path, *, top: int = 5) -> dict[str, int]:
    """Log (reaching the terminal) a short summary of the documents skipped or degraded in a run, read
    from its ``skipped`` and ``documents`` tables; the full lists stay in those tables. Returns the counts.

    Example:
        >>> report_degradations(Path("outputs/run"))  # doctest: +SKIP
        {'skipped': 2, 'degraded': 1}
    """
    import pandas as pd

    tables = run_dir / "tables"
    counts = {"skipped": 0, "degraded": 0}
    if (tables / "skipped.csv").exists():
        skipped = pd.read_csv(tables / "skipped.csv", dtype=str, keep_default_na=False)
        counts["skipped"] = len(skipped)
        if len(skipped):
            reasons = skipped["reason"].str.replace(r"\s*\(.*$", "", regex=True).value_counts()
            lines = "; ".join(f"{n} {r}" for r, n in reasons.head(top).items())
            more = f"; {len(reasons) - top} other reasons" if len(reasons) > top else ""
            log.warning("%s skipped: %s%s. Full list: %s", "1 file or row was" if len(skipped) == 1 else
                        f"{len(skipped)} files or rows were", lines, more, tables / "skipped.csv")
    if (tables / "documents.csv").exists():
        docs = pd.read_csv(tables / "documents.csv", dtype=str, keep_default_na=False,
                           usecols=lambda c: c in ("doc_id", "language", "encoding", "load_notes"))
        notes = docs["load_notes"] if "load_notes" in docs.columns else pd.Series("", index=docs.index)
        degraded = notes != ""
        if "language" in docs.columns:
            und = docs["language"] == "und"
            if und.any():
                log.warning("%d documents have too little text to tell their language (language 'und'), e.g. %s",
                            int(und.sum()), docs.loc[und, "doc_id"].head(3).tolist())
            other = docs.loc[~docs["language"].isin(RESOURCE_LANGUAGES + ("und",)), "language"].value_counts()
            if len(other):
                log.warning("%d documents are in languages kzlib has no cue words or gazetteer forms for (%s): "
                            "quotes, stances and dates in them are mostly missed", int(other.sum()),
                            ", ".join(f"{lang} {n}" for lang, n in other.head(top).items()))
        counts["degraded"] = int(degraded.sum())
        if degraded.any():
            kinds = notes[degraded].str.split("; ").explode().str.replace(r"\s*[:(].*$", "", regex=True)
            lines = "; ".join(f"{n} {r}" for r, n in kinds.value_counts().head(top).items())
            log.warning("%d documents were loaded with a problem: %s. Details: the load_notes column of %s",
                        int(degraded.sum()), lines, tables / "documents.csv")
    return counts


#: The figures the run's index shows for each bundled notebook (by file name without ``.png``, in this order):
#: the one or two a reader should see first. A notebook not listed here, or whose listed figures were not
#: drawn, shows its first two figures (by name).
HEADLINE_FIGURES: dict[str, tuple[str, ...]] = {
    "01_corpus": ("01_documents_per_outlet",),
    "02_provenance": ("similarity_heatmap", "spin_scores"),
    "03_voices": ("voices_by_affiliation",),
    "04_stance": ("stance_heatmap", "outlet_stance"),
    "05_topics": ("05_prevalence_by_date", "05_top_terms"),
    "06_timeline": ("06_timeline_close_up", "06_coverage"),
}


def _headline_close_up(run_dir: Path | None, figures: list[str]) -> str:
    """The close-up timeline the index shows (file stem): that of the period holding the study's subject, by
    :func:`kzlib.timeline.headline_period`'s rule (the period whose documents give the most stance rows, the
    stances keeping only documents on the subject; else the one with most dated events; else the first),
    read from the run's ``documents``, ``stances`` and ``events`` tables. The i-th close-up is the i-th period
    of :func:`kzlib.timeline.close_up_periods`, as notebook 06 draws them; without the tables, the first.

    Example:
        >>> _headline_close_up(None, ["06_timeline_close_up.png", "06_timeline_close_up_2.png"])
        '06_timeline_close_up'
    """
    first = "06_timeline_close_up"
    drawn = [Path(f).stem for f in figures if Path(f).stem.startswith(first)]
    tables = run_dir / "tables" if run_dir is not None else None
    if len(drawn) <= 1 or tables is None or not (tables / "documents.csv").exists():
        return first
    import pandas as pd  # noqa: PLC0415 - only for a run with several close-ups

    from kzlib import timeline  # noqa: PLC0415

    def read(name: str, cols: list[str]) -> pd.DataFrame | None:
        path = tables / f"{name}.csv"
        if not path.exists():
            return None
        try:
            return pd.read_csv(path, usecols=lambda c: c in cols, dtype=str, keep_default_na=False)
        except (OSError, ValueError, pd.errors.ParserError) as err:
            log.warning("index: %s could not be read (%s); the headline close-up is chosen without it", path, err)
            return None

    docs = read("documents", ["doc_id", "published"])
    if docs is None or "published" not in docs.columns:
        return first
    periods = timeline.close_up_periods(docs)
    i = timeline.headline_period(periods, docs, stances=read("stances", ["doc_id"]),
                                 events=read("events", ["date_start"]))
    chosen = first + (f"_{i + 1}" if i else "")
    if chosen not in drawn:
        log.warning("index: the close-up of the study's period (%s) was not drawn; showing the first", chosen)
        return first
    return chosen


def _headlines(notebook: str, figures: list[str], run_dir: Path | None = None) -> list[str]:
    """The figures of ``notebook`` the index shows: those :data:`HEADLINE_FIGURES` names that were drawn, in
    its order, else the first two drawn. The timeline's close-up is that of the study's period
    (:func:`_headline_close_up`).

    Example:
        >>> _headlines("04_stance.ipynb", ["framing_outlets.png", "outlet_stance.png", "stance_heatmap.png"])
        ['stance_heatmap.png', 'outlet_stance.png']
        >>> _headlines("07_mine.ipynb", ["b.png", "a.png", "c.png"])
        ['b.png', 'a.png']
    """
    drawn = {Path(f).stem: f for f in figures}
    wanted = list(HEADLINE_FIGURES.get(Path(notebook).stem, ()))
    if "06_timeline_close_up" in wanted:
        wanted[wanted.index("06_timeline_close_up")] = _headline_close_up(run_dir, figures)
    named = [drawn[n] for n in wanted if n in drawn]
    return named or figures[:2]


def _write_index(run_dir: Path, manifest: dict[str, Any], results: list[StageResult]) -> Path:
    esc = html.escape
    rows = []
    for r in results:
        stem = Path(r.notebook).stem
        links = (f'<a href="{esc(stem)}.html">read</a> · <a href="{esc(stem)}.full.html">with code</a> · '
                 f'<a href="../notebooks/{esc(r.notebook)}">notebook</a>')
        status = esc(r.status) + (f"<br><small>{esc(r.error)}</small>" if r.error else "")
        rows.append(f"<tr><td>{esc(stem)}</td><td>{status}</td><td>{r.seconds:.1f} s</td><td>{links}</td></tr>")
    figures = []
    for r in results:
        for fig in _headlines(r.notebook, r.figures, run_dir):
            figures.append(f'<figure><a href="../figures/{esc(fig)}"><img src="../figures/{esc(fig)}" '
                           f'alt="{esc(fig)}"></a><figcaption>{esc(Path(r.notebook).stem)}: {esc(fig)}'
                           f'</figcaption></figure>')
    tables = "".join(f'<li><a href="../tables/{esc(t)}">{esc(t)}</a></li>' for t in manifest.get("tables", {}))
    params = esc(json.dumps(manifest["parameters"], sort_keys=True)) if manifest["parameters"] else "defaults"
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kzlib run</title>
<style>body{{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}}
table{{border-collapse:collapse}}td,th{{border-bottom:1px solid #ddd;padding:.3rem .8rem;text-align:left}}
figure{{display:inline-block;width:31rem;margin:.5rem;vertical-align:top}}img{{max-width:100%;border:1px solid #eee}}
code{{background:#f4f4f4;padding:0 .2rem}}</style></head><body>
<h1>kzlib study run</h1>
<p>Status: <strong>{esc(manifest["status"])}</strong>. Started {esc(manifest["started"])}, finished {esc(manifest["finished"])}.</p>
<p>Corpus: <code>{esc(manifest["corpus"])}</code><br>Metadata: <code>{esc(manifest["metadata"] or "none")}</code><br>
Corpus fingerprint (SHA-256): <code>{esc(manifest["corpus_fingerprint"])}</code><br>Parameters: <code>{params}</code>;
the full record is in <a href="../manifest.json">manifest.json</a>.</p>
<h2>Stages</h2><table><tr><th>notebook</th><th>status</th><th>time</th><th>open</th></tr>{"".join(rows)}</table>
<h2>Headline figures</h2>{"".join(figures) or "<p>No figures.</p>"}
<h2>Tables</h2><ul>{tables or "<li>none</li>"}</ul>
</body></html>
"""
    path = run_dir / "html" / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
