"""Stance rules of the thirty-first session, read on hand-made sentences about invented parties (and, for the
speaker's own side, the bundled targets): a modal of obligation whose subject is a target is a demand on it,
towards against. The tests of what it reads were run with the rule switched off (``demand_weight: 0``, or the
own-side condition removed) and failed; the tests of what it must not read fail where its exclusions are removed
(the sentences of the second and third tests are a review's: each read as against before the exclusions)."""

import pandas as pd

from kzlib.stance import detect_stance
from kzlib.stance.targets import Target
from tests.stance_rows import stance_of, stance_rows

PARTIES = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",))]


def test_a_demand_on_a_target_reads_against_with_its_evidence():
    rows = stance_rows(["Ruritania must withdraw its soldiers from the valley.",
                        "Elbonia still needs to study the treaty before it speaks.",
                        "Ruritania should have stayed out of the quarrel.",
                        "I think Elbonia ought to withdraw from the talks."], PARTIES)
    assert [stance_of(rows, i, t) for i, t in enumerate(["Ruritania", "Elbonia", "Ruritania", "Elbonia"])] == [
        "against"] * 4
    assert "needs to (a demand on it)" in rows.loc[rows["quote_id"] == 1, "cues"].item()


def test_what_is_no_demand_on_a_target():
    rows = stance_rows(["Ruritania should be allowed to sell its grain abroad.",   # a permission it gets
                        "Elbonia must have heard the news by then.",                # an inference
                        "Ruritania shouldn't have to pay for the bridge.",          # a burden lifted
                        "If Elbonia should cross the river, the bridge will hold.",  # a condition
                        "The herders told Ruritania that the valley must be shared."], PARTIES)  # not its subject
    targets = ["Ruritania", "Elbonia", "Ruritania", "Elbonia", "Ruritania"]
    assert [stance_of(rows, i, t) for i, t in enumerate(targets)].count("against") == 0


def test_an_exhortation_a_benefit_or_an_inference_is_no_demand():
    said = ["Elbonia must win this war.", "Elbonia should help its neighbours.",        # a good act: exhortation
            "Elbonia must keep up its excellent reforms.", "Elbonia should succeed.",
            "Elbonia should have been consulted.", "Elbonia should be invited.",          # a passive, not adverse
            "Elbonia needs to be heard.", "Elbonia should not be punished.",              # a defence
            "Elbonia must be pleased.", "Elbonia must be laughing now.",                  # inferences
            "Elbonia must surely have known.", "Elbonia must've known.",
            "Elbonia should not have to pay.", "Elbonia should really be allowed to vote.",  # negation, adverb
            "Elbonia, should it cross the river, will pay.",                              # an inverted condition
            "Elbonia needs to have a seat at the table.", "Elbonia should be president."]
    rows = stance_rows(said, PARTIES)
    assert [t for i, t in enumerate(said) if stance_of(rows, i, "Elbonia") == "against"] == []


def test_demands_to_stop_to_go_or_to_be_punished_stay_demands():
    said = ["Elbonia must be stopped.", "Elbonia should be ashamed of itself.", "Elbonia should resign.",
            "Elbonia should never have invaded.", "Elbonia should not interfere.",
            "Elbonia should stop killing civilians."]
    rows = stance_rows(said, PARTIES)
    assert [stance_of(rows, i, "Elbonia") for i in range(len(said))] == ["against"] * len(said)


def test_a_speakers_own_side_under_obligation_is_resolve_not_criticism():
    gaz = pd.DataFrame({"name": ["R"], "type": ["person"], "affiliation": ["Russia"], "role": ["minister"]})
    q = pd.DataFrame({"doc_id": ["d", "d"], "quote_id": ["1", "2"], "speaker": ["R", "Z"],
                      "quote": ["Russia must stand by its allies in the region."] * 2})
    st = detect_stance(q, gazetteer=gaz, threshold=0.3)
    russia = st[st["target"] == "Russia"].set_index("speaker")["stance"]
    assert russia["Z"] == "against"          # another speaker's demand on Russia
    assert russia.get("R", "none") != "against"  # Russia's own minister: a resolve
