"""Running the study's notebooks one after another (see :func:`run_study` and :mod:`kzlib.pipeline`)."""

from __future__ import annotations

import json
import logging
import os
import platform
import shutil
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kzlib.corpus import corpus_fingerprint, seeds_dir
from kzlib.errors import KzlibError, ParameterError
from kzlib.pipeline.output import (
    StageResult,
    _finish_manifest,
    _package_versions,
    _write_manifest,
    render_html,
    report_degradations,
)
from kzlib.pipeline.parameters import (
    RUN_OPTIONS,
    _split_run_options,
    _study_notebooks,
    check_parameter_ranges,
    notebook_parameters,
    notebooks_dir,
    resolve_parameters,
)

__all__ = ["run_study", "StageFailed", "KERNEL_NAME", "RunInterrupted", "check_document_sizes"]

log = logging.getLogger("kzlib.pipeline")   # the stage's logger, as before the split

#: jupyter_client starts the "python3" kernel with the Python that runs the pipeline (the project venv).
KERNEL_NAME = "python3"
#: Parameters every notebook receives from the pipeline itself.
PIPELINE_PARAMETERS = ("corpus", "metadata", "run_dir")


class StageFailed(KzlibError):
    """A notebook failed; the message names the notebook, the cell and the error."""


class RunInterrupted(KzlibError):
    """The run was stopped (Ctrl-C, a stop signal); the manifest says ``status: interrupted``."""


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


def _new_run_dir(out: str | Path | None, *, force: bool, inputs: list[Path | None] | None = None) -> Path:
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


# --- before any work: the run options in the environment, document sizes ------------------------------

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
            from kzlib.engine import local_cluster

            # one worker process per core, without the statistical profiler nobody reads (kzlib.engine)
            cluster = local_cluster(n_workers=os.cpu_count() or 1)
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
    # the kernels' IPC sockets go in a folder of this run's own: jupyter_client numbers them by the files it
    # finds, so two runs started at once in one folder (the bundled notebooks') could take the same sockets
    ipc_dir = tempfile.mkdtemp(prefix="kz-kernels-")
    manager = _ipc_kernel_manager(ipc_dir)
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
            # the kernel process's own error output (ipykernel's shutdown races print tracebacks of a run that
            # went well) goes to a file of the run's kernel folder, shown only when the notebook fails
            manager.stderr_log = os.path.join(ipc_dir, f"{nb.stem}.stderr")
            try:
                pm.execute_notebook(str(nb), str(out_nb), parameters=nb_params, kernel_name=KERNEL_NAME,
                                    progress_bar=False, cwd=str(nb.parent), log_output=False,
                                    kernel_manager_class=manager,
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
                _log_kernel_errors(manager.stderr_log, nb.name)
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
    finally:
        shutil.rmtree(ipc_dir, ignore_errors=True)
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


def _ipc_kernel_manager(ipc_dir: str) -> Any:
    """A kernel manager talking to its kernel over local IPC sockets, not TCP (no open port, and no
    'Kernel is running over TCP without encryption' warning on the terminal for every notebook), with
    the sockets in ``ipc_dir`` (a folder of one run's own) rather than the working folder; the kernel
    process's error output is appended to the class's ``stderr_log`` (a path) where one is set."""
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class IPCKernelManager(AsyncKernelManager):
        stderr_log: str | None = None

        @default("transport")
        def _transport_default(self) -> str:
            return "ipc"

        @default("ip")
        def _ip_default(self) -> str:
            return os.path.join(ipc_dir, "kernel")

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            log_path = type(self).stderr_log
            if log_path is None or "stderr" in kw:
                return await super()._async_launch_kernel(kernel_cmd, **kw)
            with open(log_path, "ab") as err:  # the kernel process holds its own copy of the descriptor
                return await super()._async_launch_kernel(kernel_cmd, stderr=err, **kw)

    return IPCKernelManager


def _log_kernel_errors(path: str | None, notebook: str, *, lines: int = 20) -> None:
    """Log the last ``lines`` lines of a failed notebook's kernel error output (a crash's own words), if any."""
    if not path or not os.path.isfile(path):
        return
    with open(path, encoding="utf-8", errors="replace") as f:
        tail = f.read().strip().splitlines()[-lines:]
    if tail:
        log.error("%s: the kernel's last error output:\n%s", notebook, "\n".join(tail))


