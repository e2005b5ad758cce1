"""A document's outlet as the documents table gives it: the one label of a missing outlet, and the test for it.

A document whose metadata names no outlet is no outlet of its own: tables show such documents apart under
:data:`OUTLET_NOT_GIVEN`, and comparisons between outlets leave them out (never "not in gazetteer", which is said
of speakers the actor gazetteer does not list).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["OUTLET_NOT_GIVEN", "MISSING_OUTLET_LABELS", "outlet_given", "DATE_NOT_GIVEN"]

#: the label of documents whose metadata names no outlet
OUTLET_NOT_GIVEN = "outlet not given"
#: how a missing outlet may be written (earlier runs' tables, sidecars): read as :data:`OUTLET_NOT_GIVEN`
MISSING_OUTLET_LABELS = ("", "unknown", "(unknown outlet)", "nan", "none", OUTLET_NOT_GIVEN)
#: the label of documents whose metadata gives no publication date (a column or row of tables by date); dates
#: are cut (to months, say) before the label is filled in, so that the label is never cut itself
DATE_NOT_GIVEN = "date not given"


def outlet_given(values: pd.Series) -> pd.Series:
    """Whether each value names an outlet (not empty, missing, nor a label of :data:`MISSING_OUTLET_LABELS`).

    Example
    -------
    >>> outlet_given(pd.Series(["nyt", "", None, "(unknown outlet)"])).tolist()
    [True, False, False, False]
    """
    return ~values.fillna("").astype(str).str.strip().str.lower().isin(MISSING_OUTLET_LABELS)
