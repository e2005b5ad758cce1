"""Stance rules of the twenty-eighth session, read on hand-made sentences about invented parties: the subject
of a passive verb of judgment is what is judged, not its holder; ..."""

import pandas as pd

from kzlib.stance.targets import Target
from tests.stance_rows import stance_of, stance_rows

PARTIES = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",))]


def _rows(quotes: list[str]) -> pd.DataFrame:
    return stance_rows(quotes, PARTIES)


def test_the_subject_of_a_passive_judgment_is_judged():
    rows = _rows(["Ruritania was criticized for sending troops to the border.",
                  "Ruritania were condemned by the whole region.",
                  "Ruritania criticized the plan to send troops to the border."])  # the active: Ruritania judges
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 1, "Ruritania") == "against"
    assert stance_of(rows, 2, "Ruritania") != "against"
