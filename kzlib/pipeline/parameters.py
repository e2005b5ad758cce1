"""The study's parameters: read from the notebooks' parameters cells, typed, checked against their ranges,
and the run options (see :func:`resolve_parameters`, :func:`check_parameter_ranges`)."""

from __future__ import annotations

import difflib
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from kzlib.errors import KzlibError, ParameterError

__all__ = ["notebooks_dir", "notebook_parameters", "resolve_parameters", "check_parameter_ranges", "RUN_OPTIONS",
           "PARAMETER_RANGES", "PARAMETER_DATES", "PARAMETER_CHOICES"]


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



#: Allowed values of notebook parameters: (lowest, highest), either None for no bound. Checked before
#: any notebook runs, so that a bad value is refused with its name and range rather than taken silently.
PARAMETER_RANGES: dict[str, tuple[float | None, float | None]] = {
    "k": (0, None), "k_min": (2, None), "k_max": (2, None), "cv_folds": (2, None), "seed": (0, 2**32 - 1),
    "n_reruns": (1, None), "subsample": (0.05, 1.0), "n_terms": (1, None), "min_stability": (0.0, 1.0),
    "min_paragraphs_per_topic": (1, None), "n_representatives": (0, None), "threshold": (0.0, 1.0),
    "min_confidence": (0.0, 1.0), "min_stories": (1, None), "top_terms": (1, None), "min_term_count": (1, None),
    "annotation_n": (0, None), "max_rows": (1, None), "max_docs": (1, None), "n_examples": (0, None),
    "min_words": (1, None), "top_n": (1, None), "lanes": (1, None), "terms_per_group": (0, None),
}
#: Parameters that are an ISO date or empty.
PARAMETER_DATES = ("window_start", "window_end")
#: Parameters whose value is one of a fixed set.
PARAMETER_CHOICES: dict[str, tuple[str, ...]] = {"method": ("nmf", "lda"), "stance_method": ("rules", "combined")}
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
    method, gold = effective.get("stance_method"), effective.get("stance_gold")
    if isinstance(method, str) and method.strip('"\'') == "combined":
        path = gold.strip('"\'') if isinstance(gold, str) else ""
        if not path or not Path(path).is_file():
            raise ParameterError("Parameter 'stance_method' is 'combined', which trains a classifier on coded rows, "
                                 + (f"but stance_gold {path!r} is not a file" if path else "but no stance_gold was given")
                                 + ": pass -p stance_gold coded.csv (rows with quote, target and stance), or "
                                   "-p stance_method rules.")


