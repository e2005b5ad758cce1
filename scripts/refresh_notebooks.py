"""Execute the study's notebooks in place with their default parameters, and strip run metadata.

Each notebook is two paired files (jupytext): ``notebooks/NN_name.py`` (py:percent, the text to read,
edit and review) and ``notebooks/NN_name.ipynb`` (the same cells with the outputs of the default run,
which nbval checks in ``make test``). This script takes the cells from the ``.py`` file, executes them,
and writes the ``.ipynb``; an edit made in JupyterLab is saved to both files by jupytext. Run after
changing a notebook or a result: ``make notebooks`` (all) or
``python scripts/refresh_notebooks.py notebooks/01_corpus.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def strip(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """Remove volatile metadata (papermill/execution timestamps, widget state); number the cell ids."""
    for key in ("papermill", "widgets"):
        nb.metadata.pop(key, None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{stem[:2]}-{i:02d}"
        for key in ("execution", "papermill", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
    return nb


def refresh(path: Path) -> Path:
    """Execute the notebook of ``path`` (either file of the pair) and write its ``.ipynb``."""
    py, ipynb = path.with_suffix(".py"), path.with_suffix(".ipynb")
    nb = jupytext.read(py) if py.exists() else nbformat.read(ipynb, as_version=4)
    nb.metadata.setdefault("jupytext", {})["formats"] = "ipynb,py:percent"
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    client = NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
                            record_timing=False)
    client.execute()
    nbformat.write(strip(nb, path.stem), ipynb)
    return ipynb


if __name__ == "__main__":
    targets = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
    for t in targets:
        sys.stderr.write(f"refreshing {t}\n")
        refresh(t)
