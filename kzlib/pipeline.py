"""Run the whole study: execute the notebooks with papermill, render HTML, write a manifest.

``run_study`` is what ``kz run`` and ``make run`` call. It leaves, under the run folder:
``notebooks/`` (executed), ``html/`` (a reader's version without code, the full version, and
``index.html``), ``tables/``, ``figures/`` and ``manifest.json``.
"""

from __future__ import annotations

import difflib
import hashlib
import html
import json
import logging
import os
import platform
import re
import shutil
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import yaml

from kzlib.corpus import corpus_fingerprint, seeds_dir
from kzlib.errors import KzlibError, ParameterError

__all__ = ["run_study", "notebook_parameters", "resolve_parameters", "render_html", "StageFailed",
           "notebooks_dir", "KERNEL_NAME"]

log = logging.getLogger(__name__)

#: jupyter_client starts the "python3" kernel with the Python that runs the pipeline (the project venv).
KERNEL_NAME = "python3"
#: Parameters every notebook receives from the pipeline itself.
PIPELINE_PARAMETERS = ("corpus", "metadata", "run_dir")
_MANIFEST_PACKAGES = ("kzlib", "pandas", "numpy", "scikit-learn", "nltk", "matplotlib", "seaborn", "papermill",
                      "nbconvert", "datasketch", "rapidfuzz", "dateparser", "vaderSentiment", "trafilatura",
                      "ftfy", "dask", "pyarrow", "py3langid")


class StageFailed(KzlibError):
    """A notebook failed; the message names the notebook, the cell and the error."""


@dataclass
class StageResult:
    notebook: str
    status: str
    seconds: float
    parameters: dict[str, Any]
    figures: list[str] = field(default_factory=list)
    error: str = ""


def notebooks_dir() -> Path:
    """The study's notebooks: package data ``kzlib/notebooks`` (in a source checkout a link to ``notebooks/``)."""
    from importlib import resources

    return Path(str(resources.files("kzlib") / "notebooks"))


def _study_notebooks(folder: Path | None = None) -> list[Path]:
    folder = folder or notebooks_dir()
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


def notebook_parameters(notebooks: list[Path] | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """The ``parameters`` cell of each notebook: {notebook: {name: {type, default, help}}}.

    Example:
        >>> params = notebook_parameters()
        >>> "corpus" in params["01_corpus.ipynb"]
        True
    """
    import papermill as pm

    import nbformat

    out: dict[str, dict[str, dict[str, Any]]] = {}
    for nb in notebooks if notebooks is not None else _study_notebooks():
        cells = [c for c in nbformat.read(nb, as_version=4).cells if "parameters" in c.metadata.get("tags", [])]
        if len(cells) != 1:
            raise KzlibError(f"{nb.name} must have exactly one cell tagged 'parameters' (found {len(cells)}).")
        found = pm.inspect_notebook(str(nb))
        assigned = [ln.split("=")[0].split(":")[0].strip() for ln in cells[0].source.splitlines()
                    if re.match(r"^[A-Za-z_]\w*\s*(:[^=]*)?=", ln)]
        missed = [name for name in assigned if name not in found]
        if missed:
            raise KzlibError(f"{nb.name}: papermill cannot read the parameter(s) {missed} of the parameters cell "
                             f"(a line with more than one '=' is skipped). Remove '=' from their comments.")
        out[nb.name] = {name: {"type": spec["inferred_type_name"], "default": spec["default"], "help": spec["help"]}
                        for name, spec in found.items()}
    return out


def _coerce(name: str, value: Any, type_name: str) -> Any:
    """Convert a value given on the command line (a string) to the parameter's declared type."""
    if not isinstance(value, str):
        parsed = value
    else:
        parsed = yaml.safe_load(value) if value.strip() else ""
    kind = (type_name or "None").lower()
    try:
        if kind == "bool":
            if isinstance(parsed, bool):
                return parsed
            raise TypeError
        if kind == "int":
            if isinstance(parsed, bool) or not isinstance(parsed, (int, float)) or int(parsed) != parsed:
                raise TypeError
            return int(parsed)
        if kind == "float":
            if isinstance(parsed, bool) or not isinstance(parsed, (int, float)):
                raise TypeError
            return float(parsed)
        if kind == "str":
            return value if isinstance(value, str) else str(parsed)
    except (TypeError, ValueError):
        raise ParameterError(f"Parameter {name!r} must be {kind}, got {value!r}. "
                             f"Example: -p {name} {'true' if kind == 'bool' else '3' if kind == 'int' else '0.5'}") from None
    return parsed  # list, dict, or untyped


def resolve_parameters(given: dict[str, Any],
                       declared: dict[str, dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Check user parameters against the notebooks' parameters cells; give each notebook its own.

    Raises ``ParameterError`` for a name no notebook declares (with the closest known names) and for
    a value of the wrong type.

    Example:
        >>> resolve_parameters({"seed": "1"}, {"05_topics.ipynb": {"seed": {"type": "int", "default": "0", "help": ""}}})
        {'05_topics.ipynb': {'seed': 1}}
    """
    known = sorted({name for params in declared.values() for name in params})
    for name in given:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=3)
            hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise ParameterError(f"Unknown parameter {name!r}.{hint} Known parameters: {', '.join(known)}. "
                                 f"List them with descriptions: kz params")
    per_notebook: dict[str, dict[str, Any]] = {}
    for nb, params in declared.items():
        per_notebook[nb] = {name: _coerce(name, value, params[name]["type"])
                            for name, value in given.items() if name in params}
    return per_notebook


def _new_run_dir(out: str | Path | None, *, force: bool) -> Path:
    if out is None or str(out) == "":
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        out = Path.cwd() / "outputs" / f"run-{stamp}"  # make run works from the project root
    run_dir = Path(out).expanduser().resolve()
    if run_dir.exists() and any(run_dir.iterdir()):
        if not force:
            raise KzlibError(f"The run folder {run_dir} already exists and is not empty. Choose a new --out "
                             f"folder, or pass --force to replace it.")
        log.warning("Replacing the existing run folder %s (--force)", run_dir)
        shutil.rmtree(run_dir)
    for sub in ("notebooks", "html", "tables", "figures"):
        (run_dir / sub).mkdir(parents=True, exist_ok=True)
    return run_dir


def _failure_message(nb_name: str, exc: Exception) -> str:
    cell = getattr(exc, "exec_count", None)
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = getattr(exc, "evalue", str(exc))
    where = f"cell [{cell}]" if cell is not None else "a cell"
    return f"{nb_name} failed in {where}: {ename}: {evalue}"


def render_html(notebook: Path, html_dir: Path) -> tuple[Path, Path]:
    """Render an executed notebook twice: the reader's version (no code) and the full one.

    Example:
        >>> render_html(Path("outputs/run/notebooks/01_corpus.ipynb"), Path("outputs/run/html"))  # doctest: +SKIP
    """
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook, as_version=4)
    html_dir.mkdir(parents=True, exist_ok=True)
    reader = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    full = HTMLExporter()
    reader_path = html_dir / f"{notebook.stem}.html"
    full_path = html_dir / f"{notebook.stem}.full.html"
    reader_path.write_text(reader.from_notebook_node(nb)[0], encoding="utf-8")
    full_path.write_text(full.from_notebook_node(nb)[0], encoding="utf-8")
    return reader_path, full_path


def _package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in _MANIFEST_PACKAGES:
        try:
            versions[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _table_digests(tables: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(tables.glob("*")) if p.is_file()}


def run_study(
    *,
    corpus: str | Path | None = None,
    metadata: str | Path | None = None,
    out: str | Path | None = None,
    params: dict[str, Any] | None = None,
    notebooks: list[str] | None = None,
    force: bool = False,
    html_output: bool = True,
    engine: str = "pandas",
    scheduler: str | None = None,
    progress: bool = True,
) -> Path:
    """Execute the study's notebooks in order into a new run folder and return its path.

    ``params`` are checked against the notebooks' ``parameters`` cells (unknown names and wrong types
    are errors). A failing notebook stops the run: what ran is kept (executed notebooks, HTML, the
    manifest with the error) and ``StageFailed`` names the notebook, the cell and the error.

    ``engine="dask"`` runs the per-document stages over Dask partitions: on the ``dask.distributed``
    scheduler at ``scheduler`` when given, else on a ``LocalCluster`` started for the run and shared by
    its notebooks (through ``KZLIB_ENGINE``/``KZLIB_SCHEDULER`` in their kernels' environment).

    Example:
        >>> run_dir = run_study(out="outputs/demo", params={"seed": 1})  # doctest: +SKIP
    """
    params = dict(params or {})
    for name in PIPELINE_PARAMETERS:
        if name in params:
            raise ParameterError(f"Give {name!r} as an option (--{name.replace('_', '-')}), not as -p {name}.")
    all_nbs = _study_notebooks()
    if not all_nbs:
        raise KzlibError(f"No notebooks found in {notebooks_dir()}: the study needs notebooks/NN_name.ipynb files.")
    if notebooks:
        wanted = [n if n.endswith(".ipynb") else n for n in notebooks]
        chosen = [p for p in all_nbs if any(p.name.startswith(w) or p.stem == w for w in wanted)]
        if not chosen:
            raise ParameterError(f"No notebook matches {notebooks}; the study's notebooks are "
                                 f"{[p.stem for p in all_nbs]}.")
        all_nbs = chosen
    declared = notebook_parameters(all_nbs)
    per_nb = resolve_parameters(params, declared)
    # a file named relative to where kz run was started (-p gazetteer custom.yaml): notebooks run in their folder
    per_nb = {nb: {k: str(Path(v).expanduser().resolve()) if isinstance(v, str) and v and Path(v).expanduser().is_file()
                   else v for k, v in p.items()} for nb, p in per_nb.items()}

    corpus_path = Path(corpus).expanduser().resolve() if corpus else None
    if corpus_path is not None and not corpus_path.exists():
        raise KzlibError(f"Corpus not found: {corpus_path}. Give a folder of .txt/.md/.html files or a table file.")
    meta_path = Path(metadata).expanduser().resolve() if metadata else None
    if meta_path is not None and not meta_path.exists():
        raise KzlibError(f"Metadata file not found: {meta_path}.")
    from kzlib.engine import ENGINES

    if engine not in ENGINES:
        raise ParameterError(f"Unknown engine {engine!r}; use one of {', '.join(ENGINES)}.")
    if scheduler and engine != "dask":
        raise ParameterError("--scheduler needs --engine dask.")
    run_dir = _new_run_dir(out, force=force)
    # the study (kzlib.open_study) gives every stage the user's values, also in notebooks that do not declare them
    given = {name: value for nb_params in per_nb.values() for name, value in nb_params.items()}
    (run_dir / "parameters.json").write_text(json.dumps(given, sort_keys=True, default=str) + "\n", encoding="utf-8")
    with _engine_environment(engine, scheduler) as address:
        return _run_notebooks(all_nbs, declared, per_nb, params, corpus_path, meta_path, run_dir,
                              html_output=html_output, progress=progress, engine=engine, scheduler=address)


@contextmanager
def _engine_environment(engine: str, scheduler: str | None):
    """Set KZLIB_ENGINE/KZLIB_SCHEDULER for the notebooks' kernels; start a LocalCluster if none is given."""
    saved = {k: os.environ.get(k) for k in ("KZLIB_ENGINE", "KZLIB_SCHEDULER")}
    cluster = None
    try:
        address = scheduler or ""
        if engine == "dask" and not scheduler:
            from distributed import LocalCluster

            cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None)
            address = cluster.scheduler_address
            log.info("Started a Dask LocalCluster at %s", address)
        os.environ["KZLIB_ENGINE"] = engine
        os.environ["KZLIB_SCHEDULER"] = address
        yield address
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if cluster is not None:
            cluster.close()


def _run_notebooks(all_nbs, declared, per_nb, params, corpus_path, meta_path, run_dir, *, html_output: bool,
                   progress: bool, engine: str, scheduler: str) -> Path:
    import papermill as pm
    from tqdm.auto import tqdm

    manifest: dict[str, Any] = {
        "kzlib_run": 1,
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "corpus": str(corpus_path) if corpus_path else f"bundled seeds ({seeds_dir()})",
        "metadata": str(meta_path) if meta_path else ("" if corpus_path else str(seeds_dir() / "metadata.csv")),
        "corpus_fingerprint": corpus_fingerprint(corpus_path, metadata=meta_path),
        "parameters": params,
        "packages": _package_versions(),
        "machine": {"platform": platform.platform(), "processor": platform.machine(), "cpus": os.cpu_count()},
        "engine": {"name": engine, "scheduler": scheduler},
        "stages": [],
    }
    results: list[StageResult] = []
    failure: str = ""
    bar = tqdm(all_nbs, desc="kz run", unit="notebook", disable=not progress)
    for nb in bar:
        bar.set_postfix_str(nb.stem)
        nb_params = {"corpus": str(corpus_path or ""), "metadata": str(meta_path or ""),
                     "run_dir": str(run_dir), **per_nb.get(nb.name, {})}
        nb_params = {k: v for k, v in nb_params.items() if k in declared[nb.name]}
        before = set((run_dir / "figures").glob("*.png"))
        t0 = time.perf_counter()
        out_nb = run_dir / "notebooks" / nb.name
        status, error = "ok", ""
        try:
            pm.execute_notebook(str(nb), str(out_nb), parameters=nb_params, kernel_name=KERNEL_NAME,
                                progress_bar=False, cwd=str(nb.parent), log_output=False)
        except Exception as exc:  # papermill raises PapermillExecutionError with the cell and error
            status, error = "failed", _failure_message(nb.name, exc)
        seconds = round(time.perf_counter() - t0, 2)
        figures = sorted(p.name for p in set((run_dir / "figures").glob("*.png")) - before)
        results.append(StageResult(nb.name, status, seconds, nb_params, figures, error))
        if html_output and out_nb.exists():
            render_html(out_nb, run_dir / "html")
        if status != "ok":
            failure = error
            log.error("%s", error)
            break
        log.info("%s done in %.1f s", nb.name, seconds)

    manifest["stages"] = [r.__dict__ for r in results]
    manifest["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    manifest["status"] = "failed" if failure else "ok"
    manifest["tables"] = _table_digests(run_dir / "tables")
    (run_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=False, default=str) + "\n",
                                           encoding="utf-8")
    if html_output:
        _write_index(run_dir, manifest, results)
    if failure:
        raise StageFailed(f"{failure}. The executed notebook is in {run_dir / 'notebooks'}; "
                          f"open it to see the traceback.")
    return run_dir


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
        for fig in r.figures[:2]:
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
