"""The ``kz`` command: run the study, list its parameters, render notebooks to HTML."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path

import yaml

from kzlib.errors import KzlibError, ParameterError

__all__ = ["main"]

log = logging.getLogger("kzlib")

_EPILOG = """examples:
  kz run                                   the whole study on the bundled corpus, into outputs/run-<time>/
  kz run --corpus ~/news/ --metadata ~/news.csv --out outputs/mine
  kz run -p seed 1 -p one_copy_per_story false
  kz run --corpus news.csv -p text_column body -p id_column id -p max_document_mb 20
  kz params                                every notebook parameter, its type and default
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kz", description="kzlib: research notebooks on the news coverage of the January 2022 unrest in "
        "Kazakhstan and the CSTO intervention.", epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-v", "--verbose", action="store_true", help="log every step (INFO level)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="run the whole study (every notebook, in order)",
                         description="Execute the study's notebooks in order with papermill into a new run folder: "
                         "notebooks/ (executed), html/ (reader's and full versions, index.html), tables/, "
                         "figures/ and manifest.json.", epilog=_EPILOG,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("--corpus", metavar="PATH", help="a folder of .txt/.md/.html files (searched recursively) or "
                     "one .csv/.jsonl/.parquet file with a text column; default: the bundled seeds")
    run.add_argument("--metadata", metavar="CSV", help="metadata sidecar keyed by path, doc_id or file, with "
                     "title, outlet, url, published, date_certainty, language; default: seeds/metadata.csv for "
                     "the bundled corpus, none otherwise")
    run.add_argument("--out", metavar="DIR", help="the run folder to create; default outputs/run-<UTC time>. "
                     "An existing, non-empty folder is an error unless --force")
    run.add_argument("--params", metavar="YAML", help="a YAML file of notebook parameters (name: value)")
    run.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                     help="set one notebook parameter (repeatable; values parsed as YAML: true, 3, 0.5, text); "
                     "overrides --params; see `kz params`")
    run.add_argument("--only", metavar="NN", action="append", help="run only notebooks whose name starts with "
                     "NN (repeatable), e.g. --only 01")
    run.add_argument("--engine", choices=("pandas", "dask"), default="pandas", help="run the per-document "
                     "stages in this process (pandas, the default) or over Dask partitions (dask); both give the "
                     "same tables")
    run.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the address of a running "
                     "dask.distributed scheduler (tcp://host:8786); default: a LocalCluster started for the run")
    run.add_argument("--force", action="store_true", help="replace an existing run folder")
    run.add_argument("--no-html", action="store_true", help="skip HTML rendering")

    sub.add_parser("params", help="list every notebook parameter with its type, default and meaning")

    html_p = sub.add_parser("html", help="render notebooks (default: the committed ones) to HTML",
                            description="Render notebooks, as they are, to a reader's HTML (no code) and a full one.")
    html_p.add_argument("source", nargs="?", help="a notebook or a folder of notebooks (default: notebooks/)")
    html_p.add_argument("--out", metavar="DIR", default="outputs/html", help="where to write (default outputs/html)")
    return p


def _load_params(path: str | None, pairs: list[list[str]]) -> dict:
    params: dict = {}
    if path:
        p = Path(path)
        if not p.exists():
            raise ParameterError(f"Parameter file not found: {p}.")
        loaded = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, dict):
            raise ParameterError(f"{p} must be a YAML mapping of parameter names to values (name: value).")
        params.update(loaded)
    for name, value in pairs:
        params[name] = value
    return params


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``kz``. Returns the exit status."""
    args = _parser().parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO if args.verbose else logging.WARNING)
    if args.command is None:
        _parser().print_help()
        return 2
    previous_term = _stop_on_sigterm()
    try:
        if args.command == "run":
            from kzlib.pipeline import run_study

            run_dir = run_study(corpus=args.corpus, metadata=args.metadata, out=args.out,
                                params=_load_params(args.params, args.param), notebooks=args.only,
                                force=args.force, html_output=not args.no_html, engine=args.engine,
                                scheduler=args.scheduler)
            open_at = run_dir / "notebooks" if args.no_html else run_dir / "html" / "index.html"
            sys.stdout.write(f"Done. Open {open_at}\n")
        elif args.command == "params":
            from kzlib.pipeline import RUN_OPTIONS, notebook_parameters

            for nb, params in notebook_parameters().items():
                sys.stdout.write(f"{nb}\n")
                for name, spec in params.items():
                    sys.stdout.write(f"  {name} ({spec['type']}, default {spec['default']}): {spec['help']}\n")
            sys.stdout.write("run options (every notebook's corpus loader)\n")
            for name, spec in RUN_OPTIONS.items():
                kind = type(spec["default"]).__name__
                sys.stdout.write(f"  {name} ({kind}, default {spec['default']!r}): {spec['help']}\n")
        elif args.command == "html":
            from kzlib.pipeline import notebooks_dir, render_html

            src = Path(args.source) if args.source else notebooks_dir()
            nbs = sorted(src.glob("*.ipynb")) if src.is_dir() else [src]
            for notebook in nbs:
                render_html(notebook, Path(args.out))
            sys.stdout.write(f"Rendered {len(nbs)} notebooks to {args.out}\n")
    except KzlibError as exc:
        log.error("%s", exc)
        return 130 if type(exc).__name__ == "RunInterrupted" else 1
    except KeyboardInterrupt:
        log.error("Interrupted. A run folder, if one was started, keeps what finished; its manifest.json says "
                  "status: interrupted.")
        return 130
    except OSError as exc:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        log.error("Cannot read or write a file%s: %s. Check the path, its permissions and the free disk space.",
                  where, exc.strerror or exc)
        return 1
    finally:
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)
    return 0


def _stop_on_sigterm():
    """Treat SIGTERM (``timeout``, a scheduler stopping the job) as Ctrl-C, so that the run records what
    finished; returns the previous handler (None off the main thread)."""
    def _interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:   # not the main thread
        return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
