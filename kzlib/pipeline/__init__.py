"""Run the whole study: execute the notebooks with papermill, render HTML, write a manifest.

``run_study`` is what ``kz run`` and ``make run`` call. It leaves, under the run folder:
``notebooks/`` (executed), ``html/`` (a reader's version without code, the full version, and
``index.html``), ``tables/``, ``figures/`` and ``manifest.json``.
"""

from __future__ import annotations

from kzlib.pipeline.output import RESOURCE_LANGUAGES, StageResult, render_html, report_degradations
from kzlib.pipeline.parameters import (
    PARAMETER_CHOICES,
    PARAMETER_DATES,
    PARAMETER_RANGES,
    RUN_OPTIONS,
    _coerce,
    _split_run_options,
    check_parameter_ranges,
    notebook_parameters,
    notebooks_dir,
    resolve_parameters,
)
from kzlib.pipeline.run import (
    KERNEL_NAME,
    PIPELINE_PARAMETERS,
    RUN_ENTRIES,
    RunInterrupted,
    StageFailed,
    _new_run_dir,
    check_document_sizes,
    run_study,
)

__all__ = ["run_study", "notebook_parameters", "resolve_parameters", "render_html", "StageFailed",
           "notebooks_dir", "KERNEL_NAME", "RunInterrupted", "check_parameter_ranges",
           "check_document_sizes", "report_degradations", "RUN_OPTIONS"]

# importable from here as before the split (tests and scripts use some of them)
_ALSO = (RESOURCE_LANGUAGES, StageResult, PARAMETER_CHOICES, PARAMETER_DATES, PARAMETER_RANGES, _coerce,
         _split_run_options, PIPELINE_PARAMETERS, RUN_ENTRIES, _new_run_dir)
