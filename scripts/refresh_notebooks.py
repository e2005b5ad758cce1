"""Execute committed notebooks in place with their default parameters, and strip run metadata.

The committed notebooks carry the outputs of the default run, so that nbval (``make test``) notices
when a result changes. Run after changing a notebook or a result: ``make notebooks`` (all) or
``python scripts/refresh_notebooks.py notebooks/01_corpus.ipynb``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def strip(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove volatile metadata: papermill/execution timestamps, widget state."""
    for key in ("papermill", "widgets"):
        nb.metadata.pop(key, None)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    for cell in nb.cells:
        for key in ("execution", "papermill", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
    return nb


def refresh(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
                            record_timing=False)
    client.execute()
    nbformat.write(strip(nb), path)


if __name__ == "__main__":
    targets = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for t in targets:
        sys.stderr.write(f"refreshing {t}\n")
        refresh(t)
