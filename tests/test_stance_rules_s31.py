"""Stance rules of the thirty-first session, read on hand-made sentences about invented parties (and, for the
speaker's own side, the bundled targets): a modal of obligation whose subject is a target is a demand on it,
towards against. Each test was run with its rule switched off (``demand_weight: 0``, or the own-side condition
removed) and failed; the assertions marked "limit" guard what the rule must not read and pass either way."""

import pandas as pd

from kzlib.stance import detect_stance
from kzlib.stance.targets import Target
from tests.stance_rows import stance_of, stance_rows

PARTIES = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",))]


def test_a_demand_on_a_target_reads_against_with_its_evidence():
    rows = stance_rows(["Ruritania must withdraw its soldiers from the valley.",
                        "Elbonia still needs to study the treaty before it speaks.",
                        "Ruritania should have stayed out of the quarrel.",
                        "I think Elbonia ought to apologise to the herders."], PARTIES)
    assert [stance_of(rows, i, t) for i, t in enumerate(["Ruritania", "Elbonia", "Ruritania", "Elbonia"])] == [
        "against"] * 4
    assert "needs to (a demand on it)" in rows.loc[rows["quote_id"] == 1, "cues"].item()


def test_what_is_no_demand_on_a_target():
    rows = stance_rows(["Ruritania should be allowed to sell its grain abroad.",   # limit: a permission it gets
                        "Elbonia must have heard the news by then.",                # limit: an inference
                        "Ruritania shouldn't have to pay for the bridge.",          # limit: a burden lifted
                        "If Elbonia should cross the river, the bridge will hold.",  # limit: a condition
                        "The herders told Ruritania that the valley must be shared."], PARTIES)  # not its subject
    targets = ["Ruritania", "Elbonia", "Ruritania", "Elbonia", "Ruritania"]
    assert [stance_of(rows, i, t) for i, t in enumerate(targets)].count("against") == 0


def test_a_speakers_own_side_under_obligation_is_resolve_not_criticism():
    gaz = pd.DataFrame({"name": ["R"], "type": ["person"], "affiliation": ["Russia"], "role": ["minister"]})
    q = pd.DataFrame({"doc_id": ["d", "d"], "quote_id": ["1", "2"], "speaker": ["R", "Z"],
                      "quote": ["Russia must stand by its allies in the region."] * 2})
    st = detect_stance(q, gazetteer=gaz, threshold=0.3)
    russia = st[st["target"] == "Russia"].set_index("speaker")["stance"]
    assert russia["Z"] == "against"          # another speaker's demand on Russia
    assert russia.get("R", "none") != "against"  # Russia's own minister: a resolve
