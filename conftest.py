"""Doctests of kzlib: names their examples share (``study``: the bundled seeds' study, computed once)."""

from __future__ import annotations

import pytest

#: The notebooks' .py files are notebooks, not modules (--doctest-modules would run them on import);
#: kzlib/notebooks is a link to notebooks/, whose .ipynb nbval collects once, from notebooks/.
collect_ignore_glob = ["notebooks/*.py", "kzlib/notebooks"]


@pytest.fixture(scope="session")
def _seeds_study():
    import kzlib

    return kzlib.open_study("")


@pytest.fixture(autouse=True)
def _doctest_names(request):
    """Give doctests ``kzlib``, ``pd`` and ``study`` (only doctests: other tests do not pay for it)."""
    if type(request.node).__name__ != "DoctestItem":
        yield
        return
    import pandas as pd

    import kzlib

    namespace = request.getfixturevalue("doctest_namespace")
    namespace.update(kzlib=kzlib, pd=pd, study=request.getfixturevalue("_seeds_study"))
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:  # a plotting example's figures are not kept for the next one
        sys.modules["matplotlib.pyplot"].close("all")
