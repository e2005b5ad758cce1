"""Shared by the notebook generators (scripts/make_nb_NN.py): write a notebook with kzlib's metadata."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_notebook

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def write_notebook(cells: list, name: str) -> Path:
    """Write ``cells`` to ``notebooks/<name>`` (no outputs: run ``make notebooks`` to fill them in).

    Cell ids are numbered, not random, so that regenerating a notebook changes only what changed.
    """
    for i, cell in enumerate(cells):
        cell["id"] = f"{Path(name).stem[:2]}-{i:02d}"
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
        "language_info": {"name": "python"}})
    out = NOTEBOOKS / name
    nbformat.write(nb, out)
    sys.stdout.write(f"wrote {out}\n")
    return out
