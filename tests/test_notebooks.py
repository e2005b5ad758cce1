"""The study's notebooks: each .py (jupytext py:percent) and .ipynb pair in step, no function definitions,
one parameters cell, nothing loaded from a CDN."""

from __future__ import annotations

import ast
import re

import jupytext
import nbformat
import pytest

from conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
STEMS = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def _cells(nb) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.cell_type, c.source.strip(), tuple(sorted(c.metadata.get("tags", [])))) for c in nb.cells]


def test_every_notebook_is_a_pair():
    assert STEMS, "no notebooks found"
    assert STEMS == sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.py"))


@pytest.mark.parametrize("stem", STEMS)
def test_pair_is_in_step(stem):
    py = jupytext.read(NOTEBOOKS / f"{stem}.py")
    ipynb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    assert _cells(py) == _cells(ipynb), (f"{stem}.py and {stem}.ipynb differ: run "
                                         f"`python scripts/refresh_notebooks.py notebooks/{stem}.py`")
    assert ipynb.metadata.get("jupytext", {}).get("formats") == "ipynb,py:percent"


@pytest.mark.parametrize("stem", STEMS)
def test_notebook_holds_calls_and_display_only(stem):
    nb = jupytext.read(NOTEBOOKS / f"{stem}.py")
    code = [c for c in nb.cells if c.cell_type == "code"]
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1, "one cell tagged parameters (papermill injects kz run's values after it)"
    for cell in code:
        tree = ast.parse(cell.source)
        defs = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                                             ast.Lambda))]
        assert not defs, f"{stem}: a function or class is defined in a cell; move it to kzlib:\n{cell.source}"
    assert any("kzlib.open_study(run_dir" in c.source for c in code), "the notebook reads the run's study"


@pytest.mark.parametrize("stem", STEMS)
def test_nothing_is_loaded_from_a_cdn(stem):
    text = (NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8")
    assert not re.search(r"(src|href)=\\?[\"']https?://", text), "an output loads a script or style from the web"
    assert "cdn.jsdelivr" not in text and "cdn.datatables" not in text


def test_every_stage_parameter_is_declared_by_a_notebook():
    """kz run accepts -p NAME only for names a notebook declares; the study passes the value on to the
    stage that owns it, in every notebook (through the run's parameters.json)."""
    from kzlib.pipeline import notebook_parameters
    from kzlib.stages import STAGES

    declared = {name for params in notebook_parameters(sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))).values()
                for name in params}
    owned = {name for st in STAGES.values() for name in st.params}
    assert owned <= declared, f"stage parameters no notebook declares: {sorted(owned - declared)}"


def test_a_notebook_s_default_for_a_stage_parameter_is_the_stage_s():
    """A notebook that does not declare a parameter opens the study with the stage's default: a notebook
    that declares it must default to the same value, or two notebooks of one run would disagree."""
    import ast as _ast

    from kzlib.errors import ParameterError
    from kzlib.pipeline import notebook_parameters
    from kzlib.stages import parameter_owner

    checked = 0
    for nb, params in notebook_parameters(sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))).items():
        for name, spec in params.items():
            try:
                owner = parameter_owner(name)
            except ParameterError:
                continue  # a display parameter of the notebook (max_rows, top_n …)
            assert _ast.literal_eval(spec["default"]) == owner.params[name], (nb, name)
            checked += 1
    assert checked >= 25  # corpus, metadata, text_column in every notebook, and the stages' own
