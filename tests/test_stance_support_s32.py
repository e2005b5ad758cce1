"""Support that the text says someone else holds, and quotes read through their context (thirty-second session): a noun of support possessed, acquired,
measured or held by a group named after it describes a state of affairs and is not the speaker's stance; the
speaker's own support ("we support", "our support", "his support" in indirect speech, an own side's support) stays
theirs. Read on hand-made sentences about invented parties; the first test fails with the rule switched off
(``support_cues: []``)."""

import pandas as pd

from kzlib.stance import detect_stance
from kzlib.stance.targets import Target, load_stance_cues
from tests.stance_rows import stance_of, stance_rows

PARTIES = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",))]


def test_support_someone_else_holds_is_no_stance_of_the_speaker():
    said = ["Elbonia has the overwhelming support of the northern farmers.",      # possessed
            "Elbonia won the backing of the river towns last spring.",             # acquired
            "Elbonia's approval rating fell in the spring.",                       # a measure
            "The survey found support for Elbonia among the herders.",             # a group after it
            "Ruritania drew support from 31 percent of the herders.",              # a percentage
            "Elbonia is still seeking the endorsement of the guild."]              # sought
    rows = stance_rows(said, PARTIES)
    targets = ["Elbonia", "Elbonia", "Elbonia", "Elbonia", "Ruritania", "Elbonia"]
    assert [i for i, t in enumerate(targets) if stance_of(rows, i, t) == "favor"] == []  # none, or no row at all
    assert "(others' support)" in rows.loc[rows["quote_id"] == 0, "cues"].item()


def test_the_speakers_own_support_stays_theirs():
    said = ["We fully support Elbonia.", "Elbonia has our full support.", "I give my backing to Ruritania.",
            "Our support for Elbonia is unwavering."]
    rows = stance_rows(said, PARTIES)
    targets = ["Elbonia", "Elbonia", "Ruritania", "Elbonia"]
    assert [stance_of(rows, i, t) for i, t in enumerate(targets)] == ["favor"] * len(said)


def test_his_support_in_indirect_speech_is_the_speakers():
    # "X said | his support for Elbonia was unwavering": the writer's "his" is the speaker
    rows = stance_rows(["his support for Elbonia was unwavering"], PARTIES, kind=["indirect"])
    assert stance_of(rows, 0, "Elbonia") == "favor"
    direct = stance_rows(["His support for Elbonia was unwavering."], PARTIES)  # someone else's, in the speaker's words
    assert stance_of(direct, 0, "Elbonia") == "none"


def test_an_own_sides_support_is_the_speakers():
    gaz = pd.DataFrame({"name": ["R", "Z"], "type": ["person"] * 2, "affiliation": ["Russia", ""],
                        "role": ["minister", ""]})
    q = pd.DataFrame({"doc_id": "d", "quote_id": ["1", "2"], "speaker": ["R", "Z"],
                      "quote": ["Russia's support for the CSTO mission is firm and lasting."] * 2})
    st = detect_stance(q, gazetteer=gaz, threshold=0.3)
    csto = st[st["target"] == "CSTO intervention"].set_index("speaker")["stance"]
    assert csto["R"] == "favor"            # Russia's minister: his own side's support
    assert csto.get("Z", "none") == "none"  # anyone else: a description of Russia's


def test_a_quote_naming_no_target_is_read_for_its_contexts_targets_only_when_it_refers_back():
    # "Speaking of Ruritania, X told reporters: '…'": "him", "this" refer back to what the sentence names; a quote
    # without such a word is about what it names itself (the massacre, corruption), not about Ruritania
    said = ["We condemn him for the massacre.", "This is an illegal and corrupt act.",
            "We condemn the massacre.", "Corruption and crimes everywhere."]
    q = pd.DataFrame({"doc_id": "d", "quote_id": range(4), "speaker": "X", "quote": said,
                      "context": ["Speaking of Ruritania on Monday, X told reporters"] * 4})
    # (the borrowing itself is off by default since the thirty-third session: a weight turns it on)
    rows = detect_stance(q, targets=PARTIES, threshold=0.3, cues={**load_stance_cues(), "context_weight": 0.5})
    assert [stance_of(rows, i, "Ruritania") for i in range(4)] == ["against", "against", "(no row)", "(no row)"]
    assert "(context)" in rows.loc[rows["quote_id"] == 0, "cues"].item()


def test_a_surname_after_another_known_given_name_is_another_person():
    # a target whose aliases say "Hillary Clinton": "Bill Clinton" and "George W. Bush" are other people
    people = [Target("Clinton", aliases=("Clinton", "Hillary Clinton")), Target("Bush", aliases=("Bush", "Jeb Bush"))]
    said = ["We condemn Bill Clinton for the scandal.", "We condemn George W. Bush for the war.",
            "We condemn Clinton for the scandal.", "We condemn Senator Clinton for the scandal.",
            "We condemn Hillary Rodham Clinton for the scandal.", "We condemn Jeb Bush for the war."]
    rows = stance_rows(said, people)
    assert [stance_of(rows, i, t) for i, t in enumerate(["Clinton", "Bush", "Clinton", "Clinton", "Clinton", "Bush"])] \
        == ["(no row)", "(no row)", "against", "against", "against", "against"]
