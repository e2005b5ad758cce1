"""What a notebook's kernel process writes to its own error output (ipykernel's shutdown races print tracebacks of
runs that went well) goes to a file of the run's kernel folder, not to the terminal of ``kz run``; it is shown when
the notebook fails."""

from __future__ import annotations

import logging
from pathlib import Path

import nbformat
import papermill as pm

from kzlib.pipeline.run import KERNEL_NAME, _ipc_kernel_manager, _log_kernel_errors


def test_the_kernel_process_error_output_goes_to_the_log_not_the_terminal(tmp_path: Path, capfd, caplog):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import os\nos.write(2, b'Traceback (most recent call last): kernel noise\\n')")])
    src, out = tmp_path / "noise.ipynb", tmp_path / "out.ipynb"
    nbformat.write(nb, src)
    kernels = tmp_path / "kernels"
    kernels.mkdir()
    manager = _ipc_kernel_manager(str(kernels))
    manager.stderr_log = str(kernels / "noise.stderr")
    pm.execute_notebook(str(src), str(out), kernel_name=KERNEL_NAME, progress_bar=False, log_output=False,
                        kernel_manager_class=manager)
    assert "kernel noise" not in capfd.readouterr().err
    assert "kernel noise" in (kernels / "noise.stderr").read_text()
    with caplog.at_level(logging.ERROR, logger="kzlib"):
        _log_kernel_errors(manager.stderr_log, "noise.ipynb")   # what a failed notebook's run shows
    assert "noise.ipynb: the kernel's last error output" in caplog.text and "kernel noise" in caplog.text
