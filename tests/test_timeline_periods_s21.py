"""Publication periods: a corpus that mixes eras gets one close-up per period (twenty-first session)."""

import pandas as pd
import pytest

from kzlib.errors import ParameterError
from kzlib.timeline import publication_clusters, publication_window


def _docs(*dates: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(dates))], "published": list(dates)})


def test_one_crisis_is_one_period_with_the_publication_window():
    docs = _docs("2022-01-05", "2022-01-07", "2022-02-20")  # 44 days apart at most: one period
    p = publication_clusters(docs)
    assert p[["start", "end", "n_documents"]].values.tolist() == [["2021-12-06", "2022-02-20", 3]]
    assert tuple(p.loc[0, ["start", "end"]]) == publication_window(docs)


def test_eras_are_split_at_long_gaps_largest_period_first():
    # three 2016 stories, two from 1990 and one from January 2022; an undated one belongs to none
    docs = _docs("2016-03-01", "2016-03-15", "2016-05-30", "1990-08-15", "1990-08-20", "2022-01-07", "")
    p = publication_clusters(docs, days_before=0)
    assert p[["first", "end", "n_documents"]].values.tolist() == [
        ["2016-03-01", "2016-05-30", 3], ["1990-08-15", "1990-08-20", 2], ["2022-01-07", "2022-01-07", 1]]


def test_a_gap_longer_than_gap_days_splits():
    docs = _docs("2022-01-01", "2022-01-31")
    assert len(publication_clusters(docs, gap_days=30)) == 1
    assert len(publication_clusters(docs, gap_days=29)) == 2
    with pytest.raises(ParameterError, match="gap_days"):
        publication_clusters(docs, gap_days=-1)
