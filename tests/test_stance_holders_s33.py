"""Whose stance a cue is, and about what (thirty-third session, issue 20): a speaker towards themselves, a verb of
judgment's own object, a third party as its subject, the object of an act of harm, the context's targets.

Each rule came from a reader's judgement of 120 directed rows of the rules on PolNeAR training articles 300-840 (US
election news): 55 right; the wrong ones were mostly about who holds a cue and what it is about."""

import pandas as pd

from kzlib.stance import detect_stance
from kzlib.stance.targets import Target
from tests.stance_rows import stance_of, stance_rows

PARTIES = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",))]
PEOPLE = [Target("Clinton", aliases=("Clinton", "Hillary Clinton"))]


def _by(speaker: str, quote: str, **kw) -> pd.DataFrame:
    q = pd.DataFrame({"doc_id": ["d"], "quote_id": [0], "speaker": [speaker], "quote": [quote]})
    return detect_stance(q, targets=PEOPLE, threshold=0.3, **kw)


def test_a_speaker_is_no_target_of_their_own_rows():
    said = "Clinton will win, and I support the plan wholeheartedly."
    assert _by("Hillary Clinton", said).empty  # her own name: no row of her towards herself
    assert _by("Senator Hillary Clinton", said).empty  # a title before the name
    assert not _by("Hillary Clinton", said, self_rows=True).empty  # kept on request
    # a longer name that holds the alias, or another person of the same surname, is another speaker
    assert _by("Clinton campaign", said)["target"].tolist() == ["Clinton"]
    assert _by("Bill Clinton", said)["target"].tolist() == ["Clinton"]


def test_a_judgment_verb_evaluates_its_own_object():
    rows = stance_rows(["Ruritania is on the ballot, and we support the new slate.",  # the slate, not Ruritania
                        "We support Ruritania's new slate.",                           # the object names it
                        "Ruritania is running, but we are not backing any particular candidate.",
                        "Elbonia cannot win because of her opposition to the tariffs.",
                        "We support Elbonia."], PARTIES)
    assert stance_of(rows, 0, "Ruritania") == "none"
    assert stance_of(rows, 1, "Ruritania") == "favor"
    assert stance_of(rows, 2, "Ruritania") == "none"  # not "against": the negated support is for no one named
    assert stance_of(rows, 3, "Elbonia") == "none"  # the opposition is to the tariffs
    assert stance_of(rows, 4, "Elbonia") == "favor"


def test_a_named_third_party_as_the_subject_of_a_judgment_is_a_relayed_view():
    rows = stance_rows(["Then 571 delegates supported Ruritania.",
                        "We supported Ruritania.",
                        "They are supporting Ruritania, and it worries us.",
                        "The government refused to support Elbonia.",
                        "The delegates should be backing Elbonia.",   # what they should do: the speaker's wish
                        "Ruritania despises Elbonia."], PARTIES)
    assert stance_of(rows, 0, "Ruritania") == "none"
    assert "(its subject's)" in rows.loc[rows["quote_id"] == 0, "cues"].item()
    assert stance_of(rows, 1, "Ruritania") == "favor"
    assert stance_of(rows, 2, "Ruritania") == "none"
    assert stance_of(rows, 3, "Elbonia") == "none"  # the government's refusal, not the speaker's opposition
    assert stance_of(rows, 4, "Elbonia") == "favor"
    assert stance_of(rows, 5, "Elbonia") == "none"
    # in an indirect report, "he" is mostly the speaker
    indirect = stance_rows(["he supports Ruritania"], PARTIES, kind=["indirect"])
    assert stance_of(indirect, 0, "Ruritania") == "favor"


def test_the_object_of_an_act_of_harm_is_not_against_itself():
    rows = stance_rows(["Instead of answering me, you attacked Ruritania.",  # the attacker is "you"
                        "Ruritania attacked the village at dawn."], PARTIES)  # the agent is evaluated
    assert stance_of(rows, 0, "Ruritania") == "none"
    assert stance_of(rows, 1, "Ruritania") == "against"


def test_the_polnear_benchmark_skips_without_the_kit(tmp_path, monkeypatch, capsys):
    from benchmarks.stance_polnear import main

    monkeypatch.setenv("KZLIB_DEVKITS", str(tmp_path))
    assert main(["--out", str(tmp_path / "rows.csv")]) == 0
    assert "skipped" in capsys.readouterr().out
    assert not (tmp_path / "rows.csv").exists()


def test_a_reading_scores_a_later_run_by_the_rows_that_keep_their_direction():
    from benchmarks.stance_polnear import score_judged

    # an invented reading of four rows; the later run keeps two directions, drops one and reverses one
    judged = pd.DataFrame({"doc_id": "d", "quote_id": [1, 2, 3, 4], "target": "Elbonia",
                           "stance": ["favor", "against", "favor", "against"],
                           "label": ["right", "none", "right", "reversed"]})
    rows = pd.DataFrame({"doc_id": "d", "quote_id": ["1", "2", "3", "4"], "target": "Elbonia",
                         "stance": ["favor", "none", "favor", "favor"]})
    report = score_judged(rows, judged)
    assert "2/4 = 0.500" in report  # as judged
    assert "2 keep their direction: 2/2 = 1.000" in report
    assert "2 lose it or change: {'none': 1, 'reversed': 1}" in report


def test_the_reading_scorer_skips_without_its_files(tmp_path, capsys):
    from benchmarks.stance_reading import main

    assert main([str(tmp_path / "stances.csv"), str(tmp_path / "coded.csv")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_the_rules_read_contractions_names_and_lists_as_english_does():
    # a review of the session's rules found these (each failed before its mend)
    rows = stance_rows(["I'll support Elbonia.", "We've supported Elbonia.", "I'm backing Elbonia.",
                        "Republicans won't support Elbonia.", "Republicans will not support Elbonia.",
                        "It is a group that opposes Elbonia.", "We support Ukraine and Elbonia.",
                        "We condemn the order issued by Elbonia.", "American support for Elbonia must continue."],
                       PARTIES)
    assert [stance_of(rows, i, "Elbonia") for i in range(3)] == ["favor"] * 3  # the speaker's own, contracted
    assert stance_of(rows, 3, "Elbonia") == stance_of(rows, 4, "Elbonia") == "none"  # the Republicans', either way
    assert "(its subject's)" in rows.loc[rows["quote_id"] == 5, "cues"].item()  # a relative's antecedent holds it
    assert stance_of(rows, 6, "Elbonia") == "favor"  # a target coordinated with the object is an object
    assert stance_of(rows, 7, "Elbonia") == "against"  # the agent of the object ("by") is in its phrase
    assert stance_of(rows, 8, "Elbonia") == "favor"  # a noun of support has no subject to relay
    names = [Target("Özil", aliases=("Özil",))]
    assert stance_of(stance_rows(["We condemn Özil."], names), 0, "Özil") == "against"
    harm = stance_rows(["The crackdown in Ruritania killed dozens."], PARTIES)  # a noun of harm, not an active verb
    assert stance_of(harm, 0, "Ruritania") == "against"


def test_a_speakers_own_name_is_matched_whole_and_with_the_aliases_given_names():
    trump = [Target("Trump", aliases=("Trump", "Donald Trump"))]

    def rows(speaker):
        q = pd.DataFrame({"doc_id": ["d"], "quote_id": [0], "speaker": [speaker], "quote": ["We condemn Trump."]})
        return detect_stance(q, targets=trump)

    assert rows(" Donald Trump").empty and rows("Donald J. Trump").empty and rows("Mr. Trump").empty
    assert rows("Ivanka Trump")["stance"].tolist() == ["against"]  # another given name: another person
    assert rows("Trump campaign")["stance"].tolist() == ["against"]
