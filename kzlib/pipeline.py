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
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import yaml

from kzlib.corpus import corpus_fingerprint, seeds_dir
from kzlib.errors import KzlibError, ParameterError

__all__ = ["run_study", "notebook_parameters", "resolve_parameters", "render_html", "StageFailed",
           "notebooks_dir", "KERNEL_NAME", "RunInterrupted", "check_parameter_ranges",
           "check_document_sizes", "report_degradations", "RUN_OPTIONS"]

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


class RunInterrupted(KzlibError):
    """The run was stopped (Ctrl-C, a stop signal); the manifest says ``status: interrupted``."""


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
    import nbformat
    import papermill as pm

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


#: What a run writes in its folder; ``--force`` removes these and nothing else.
RUN_ENTRIES = ("notebooks", "html", "tables", "figures", "cache", "manifest.json", "parameters.json")


def _is_run_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a kz run manifest (``manifest.json`` with the ``kzlib_run`` key)."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "kzlib_run" in manifest


def _check_out_folder(run_dir: Path, *, inputs: list[Path], force: bool) -> None:
    """Refuse, before any work, a run folder that would destroy or read back anything but a previous run.

    The run folder may not be inside the corpus (the notebooks would read the run's own pages as articles)
    nor hold the corpus or the metadata; an existing, non-empty folder is replaced only with ``force`` and
    only when it holds a kz run manifest and nothing but what a run writes (:data:`RUN_ENTRIES`).
    """
    for given in inputs:
        if given.is_dir() and (run_dir == given or given in run_dir.parents):
            raise KzlibError(f"The run folder {run_dir} lies inside the corpus folder {given}: the study would "
                             f"read its own output as articles. Choose an --out folder outside {given}.")
        if run_dir == given or run_dir in given.parents:
            raise KzlibError(f"The run folder {run_dir} holds the input {given}. Choose an --out folder that "
                             f"does not contain the corpus or the metadata.")
    if not run_dir.exists():
        return
    if not run_dir.is_dir():
        raise KzlibError(f"--out {run_dir} is a file, not a folder. Choose a new --out folder.")
    entries = sorted(p.name for p in run_dir.iterdir())
    if not entries:
        return
    if not force:
        raise KzlibError(f"The run folder {run_dir} already exists and is not empty. Choose a new --out "
                         f"folder, or pass --force to replace it (only a previous kz run folder is replaced).")
    if not _is_run_folder(run_dir):
        raise KzlibError(f"--force refused: {run_dir} holds no kz run manifest (manifest.json), so it is not a "
                         f"previous run folder and nothing was deleted. Choose a new --out folder.")
    foreign = [name for name in entries if name not in RUN_ENTRIES]
    if foreign:
        raise KzlibError(f"--force refused: the run folder {run_dir} also holds {foreign[:5]}, which no kz run "
                         f"writes; nothing was deleted. Move them away or choose a new --out folder.")


def _new_run_dir(out: str | Path | None, *, force: bool, inputs: list[Path] | None = None) -> Path:
    if out is None or str(out) == "":
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        out = Path.cwd() / "outputs" / f"run-{stamp}"  # make run works from the project root
    run_dir = Path(out).expanduser().resolve()
    _check_out_folder(run_dir, inputs=[p for p in (inputs or []) if p is not None], force=force)
    try:
        if run_dir.exists() and any(run_dir.iterdir()):
            log.warning("Replacing the previous run in %s (--force)", run_dir)
            for name in RUN_ENTRIES:
                entry = run_dir / name
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                elif entry.exists() or entry.is_symlink():
                    entry.unlink()
        for sub in ("notebooks", "html", "tables", "figures"):
            (run_dir / sub).mkdir(parents=True, exist_ok=True)
        probe = run_dir / ".kz-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise KzlibError(f"Cannot write the run folder {run_dir}: {exc.strerror or exc}. Choose a writable "
                         f"--out folder.") from None
    return run_dir


# --- checks before any work: parameter ranges, run options, document sizes ----------------------------

#: Allowed values of notebook parameters: (lowest, highest), either None for no bound. Checked before
#: any notebook runs, so that a bad value is refused with its name and range rather than taken silently.
PARAMETER_RANGES: dict[str, tuple[float | None, float | None]] = {
    "k": (0, None), "k_min": (2, None), "k_max": (2, None), "cv_folds": (2, None), "seed": (0, 2**32 - 1),
    "n_reruns": (1, None), "subsample": (0.05, 1.0), "n_terms": (1, None), "min_stability": (0.0, 1.0),
    "min_paragraphs_per_topic": (1, None), "n_representatives": (0, None), "threshold": (0.0, 1.0),
    "min_confidence": (0.0, 1.0), "min_stories": (1, None), "top_terms": (1, None), "min_term_count": (1, None),
    "annotation_n": (0, None), "max_rows": (1, None), "max_docs": (1, None), "n_examples": (0, None),
    "min_words": (1, None), "top_n": (1, None), "lanes": (1, None),
}
#: Parameters that are an ISO date or empty.
PARAMETER_DATES = ("window_start", "window_end")
#: Parameters whose value is one of a fixed set.
PARAMETER_CHOICES: dict[str, tuple[str, ...]] = {"method": ("nmf", "lda")}
#: Run options: given with ``-p`` like notebook parameters, but read by the corpus loader in every notebook
#: (through an environment variable, as the engine is) and checked by the pipeline before any work.
RUN_OPTIONS: dict[str, dict[str, Any]] = {
    "max_document_mb": {"default": 10.0, "env": "KZLIB_MAX_DOCUMENT_MB", "range": (0.001, None),
                        "help": "refuse, before any work, a document (file or table row) larger than this (MB)"},
    "id_column": {"default": "", "env": "KZLIB_ID_COLUMN", "range": None,
                  "help": "id column when the corpus is one CSV/JSONL/Parquet file (empty: row numbers)"},
}


def _split_run_options(params: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(notebook parameters, run options with their defaults filled in), the options checked and typed."""
    rest = {k: v for k, v in params.items() if k not in RUN_OPTIONS}
    options: dict[str, Any] = {}
    for name, spec in RUN_OPTIONS.items():
        value = params.get(name, spec["default"])
        if isinstance(spec["default"], float):
            value = _coerce(name, value, "float")
            _check_range(name, value, spec["range"])
        else:
            value = "" if value is None else str(value)
        options[name] = value
    return rest, options


def _check_range(name: str, value: Any, bounds: tuple[float | None, float | None] | None) -> None:
    if bounds is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    low, high = bounds
    if (low is not None and value < low) or (high is not None and value > high):
        allowed = (f"from {low} to {high}" if low is not None and high is not None
                   else f"at least {low}" if low is not None else f"at most {high}")
        raise ParameterError(f"Parameter {name!r} is {value}; it must be {allowed}. Example: -p {name} "
                             f"{low if low is not None else high}")


def check_parameter_ranges(given: dict[str, Any], declared: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Refuse a parameter outside its allowed range (:data:`PARAMETER_RANGES`, :data:`PARAMETER_CHOICES`)
    or an inconsistent pair (``k_min`` above ``k_max``), naming the parameter and what it may be.

    Example:
        >>> check_parameter_ranges({"k": -3}, {"05_topics.ipynb": {"k": {"type": "int", "default": "0", "help": ""}}})
        Traceback (most recent call last):
        ...
        kzlib.errors.ParameterError: Parameter 'k' is -3; it must be at least 0. Example: -p k 0
    """
    effective: dict[str, Any] = {}
    for params in declared.values():
        for name, spec in params.items():
            value = given[name] if name in given else spec["default"]
            try:
                effective[name] = _coerce(name, value, spec["type"])
            except ParameterError:
                if name in given:
                    raise
    for name, value in effective.items():
        if name in PARAMETER_RANGES:
            _check_range(name, value, PARAMETER_RANGES[name])
        if name in PARAMETER_CHOICES and isinstance(value, str) and value.strip('"\'') not in PARAMETER_CHOICES[name]:
            raise ParameterError(f"Parameter {name!r} is {value!r}; it must be one of {PARAMETER_CHOICES[name]}.")
    dates = {}
    for name in PARAMETER_DATES:
        value = effective.get(name)
        if isinstance(value, str) and value.strip('"\''):
            try:
                dates[name] = datetime.strptime(value.strip('"\''), "%Y-%m-%d").date()
            except ValueError:
                raise ParameterError(f"Parameter {name!r} is {value!r}; it must be an ISO date YYYY-MM-DD (or "
                                     f"empty). Example: -p {name} 2022-01-02") from None
    if len(dates) == 2 and dates["window_start"] > dates["window_end"]:
        raise ParameterError(f"Parameter 'window_start' ({dates['window_start']}) is after 'window_end' "
                             f"({dates['window_end']}); the window must start before it ends.")
    k_min, k_max = effective.get("k_min"), effective.get("k_max")
    if isinstance(k_min, int) and isinstance(k_max, int) and k_min > k_max:
        raise ParameterError(f"Parameter 'k_min' ({k_min}) is larger than 'k_max' ({k_max}); k_min must be at "
                             f"most k_max. Example: -p k_min 2 -p k_max 10")


def _restore_environment(saved: dict[str, str | None]) -> None:
    """Put back the environment variables ``saved`` before a run changed them (None: it was not set)."""
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@contextmanager
def _run_options_environment(options: dict[str, Any]):
    """Pass the run options to the notebooks' kernels (environment variables read by the corpus loader)."""
    saved = {spec["env"]: os.environ.get(spec["env"]) for spec in RUN_OPTIONS.values()}
    try:
        for name, spec in RUN_OPTIONS.items():
            os.environ[spec["env"]] = str(options[name])
        yield
    finally:
        _restore_environment(saved)


def check_document_sizes(corpus: Path, *, max_mb: float) -> None:
    """Refuse, before any work, a corpus file larger than ``max_mb`` megabytes (table rows are checked by
    the loader), saying how to split it.

    Example:
        >>> check_document_sizes(Path("seeds"), max_mb=10)
    """
    from kzlib.corpus import TEXT_SUFFIXES, document_too_large

    limit = max_mb * 1_000_000
    files = [corpus] if corpus.is_file() else [  # what the loader reads: not hidden files or folders
        p for p in corpus.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(corpus).parts)]
    for p in sorted(files):
        try:
            size = p.stat().st_size
        except OSError:
            continue
        if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and size > limit:
            raise document_too_large(p.name, size, max_mb)


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
    params, run_options = _split_run_options(params)
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
    check_parameter_ranges(params, declared)
    if corpus_path is not None:
        check_document_sizes(corpus_path, max_mb=run_options["max_document_mb"])
    run_dir = _new_run_dir(out, force=force, inputs=[corpus_path or seeds_dir(), meta_path])
    # the study (kzlib.open_study) gives every stage the user's values, also in notebooks that do not declare them
    given = {name: value for nb_params in per_nb.values() for name, value in nb_params.items()}
    (run_dir / "parameters.json").write_text(json.dumps(given, sort_keys=True, default=str) + "\n", encoding="utf-8")
    with _run_options_environment(run_options), _engine_environment(engine, scheduler) as address:
        return _run_notebooks(all_nbs, declared, per_nb, params, corpus_path, meta_path, run_dir,
                              html_output=html_output, progress=progress, engine=engine, scheduler=address,
                              run_options=run_options)


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
        _restore_environment(saved)
        if cluster is not None:
            cluster.close()


def _run_notebooks(all_nbs, declared, per_nb, params, corpus_path, meta_path, run_dir, *, html_output: bool,
                   progress: bool, engine: str, scheduler: str, run_options: dict[str, Any] | None = None) -> Path:
    import papermill as pm
    from tqdm.auto import tqdm

    manifest: dict[str, Any] = {
        "kzlib_run": 1,
        "status": "running",
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "corpus": str(corpus_path) if corpus_path else f"bundled seeds ({seeds_dir()})",
        "metadata": str(meta_path) if meta_path else ("" if corpus_path else str(seeds_dir() / "metadata.csv")),
        "corpus_fingerprint": corpus_fingerprint(corpus_path, metadata=meta_path),
        "parameters": params,
        "run_options": run_options or {},
        "packages": _package_versions(),
        "machine": {"platform": platform.platform(), "processor": platform.machine(), "cpus": os.cpu_count()},
        "engine": {"name": engine, "scheduler": scheduler},
        "stages": [],
    }
    # written first with status "running": a run killed outright still says it did not finish
    _write_manifest(run_dir, manifest)
    results: list[StageResult] = []
    failure: str = ""
    status = "ok"
    try:
        bar = tqdm(all_nbs, desc="kz run", unit="notebook", disable=not progress)
        for nb in bar:
            bar.set_postfix_str(nb.stem)
            nb_params = {"corpus": str(corpus_path or ""), "metadata": str(meta_path or ""),
                         "run_dir": str(run_dir), **per_nb.get(nb.name, {})}
            nb_params = {k: v for k, v in nb_params.items() if k in declared[nb.name]}
            before = set((run_dir / "figures").glob("*.png"))
            t0 = time.perf_counter()
            out_nb = run_dir / "notebooks" / nb.name
            nb_status, error = "ok", ""
            try:
                pm.execute_notebook(str(nb), str(out_nb), parameters=nb_params, kernel_name=KERNEL_NAME,
                                    progress_bar=False, cwd=str(nb.parent), log_output=False,
                                    kernel_manager_class=_ipc_kernel_manager(),
                                    # the kernel's own log (e.g. "KeyboardInterrupt caught in kernel" when
                                    # jupyter_client interrupts it at shutdown) is noise on the terminal; a
                                    # cell's error is in the executed notebook and in the manifest
                                    extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
            except KeyboardInterrupt:
                results.append(StageResult(nb.name, "interrupted", round(time.perf_counter() - t0, 2), nb_params))
                raise
            except Exception as exc:  # papermill raises PapermillExecutionError with the cell and error
                nb_status, error = "failed", _failure_message(nb.name, exc)
                if getattr(exc, "ename", "") == "KeyboardInterrupt":   # Ctrl-C reached the kernel first
                    nb_status = "interrupted"
            seconds = round(time.perf_counter() - t0, 2)
            figures = sorted(p.name for p in set((run_dir / "figures").glob("*.png")) - before)
            results.append(StageResult(nb.name, nb_status, seconds, nb_params, figures, error))
            if html_output and out_nb.exists():
                render_html(out_nb, run_dir / "html")
            if nb_status == "interrupted":
                raise KeyboardInterrupt
            if nb_status != "ok":
                failure = error
                status = "failed"
                log.error("%s", error)
                break
            log.info("%s done in %.1f s", nb.name, seconds)
    except KeyboardInterrupt:
        status, failure = "interrupted", "interrupted (Ctrl-C or a stop signal)"
        # the notebook client's pending tasks die with the kernel: asyncio would print their tracebacks at exit
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    except Exception as exc:
        status, failure = "failed", f"{type(exc).__name__}: {exc}"
        _finish_manifest(run_dir, manifest, results, status, failure, html_output=html_output)
        raise
    _finish_manifest(run_dir, manifest, results, status, failure, html_output=html_output)
    report_degradations(run_dir)
    if status == "interrupted":
        done = [r.notebook for r in results if r.status == "ok"]
        raise RunInterrupted(f"The run was interrupted; finished notebooks: {done or 'none'}. What finished is in "
                             f"{run_dir} (manifest.json says status: interrupted). Start a new run to finish it.")
    if failure:
        raise StageFailed(f"{failure}. The executed notebook is in {run_dir / 'notebooks'}; "
                          f"open it to see the traceback.")
    return run_dir


def _ipc_kernel_manager():
    """A kernel manager talking to its kernel over local IPC sockets, not TCP (no open port, and no
    'Kernel is running over TCP without encryption' warning on the terminal for every notebook)."""
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class IPCKernelManager(AsyncKernelManager):
        @default("transport")
        def _transport_default(self) -> str:
            return "ipc"

    return IPCKernelManager


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
