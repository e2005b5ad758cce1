"""Stance rules of the thirty-fifth session on who holds a judgment, read on hand-made sentences about invented
parties: a poll or a set of figures holds no view; the agent of a passive verb of judgment holds it, and is not its
object; the possessor of a noun of judgment holds it ("Elbonia's criticism of …"); a view the speaker only relays
gives no direction alone; the tone of words the speaker sets in scare quotes is not the speaker's. Expected values come from reading each sentence. The tests of a rule fail with the rule
switched off; those named "not"/"keeps" guard its limits."""

import pandas as pd

from kzlib.stance import detect_stance
from kzlib.stance.targets import Target
from tests.stance_rows import stance_of, stance_rows

PARTIES = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",))]


def _rows(quotes: list[str], **columns) -> pd.DataFrame:
    return stance_rows(quotes, PARTIES, **columns)


def _by(speaker: str, text: str, **kw) -> pd.DataFrame:
    q = pd.DataFrame({"doc_id": "d", "quote_id": [0], "speaker": [speaker], "quote": [text]})
    return detect_stance(q, targets=PARTIES, threshold=0.3, **kw)


def test_a_poll_holds_no_view():
    text = "Elbonia is a disgrace and a danger, and voters want it gone."  # against Elbonia from a person
    assert _by("Senator Smith", text)["stance"].tolist() == ["against"]
    for poll in ("new poll of voters in all 50 states", "Last year's statistics", "exit polls in the north",
                 "Early results of an entrance poll of caucus-goers", "survey"):
        assert _by(poll, text).empty, poll
    assert _by("new poll of voters", text, record_rows=True)["stance"].tolist() == ["against"]


def test_a_pollster_or_a_report_keeps_its_rows():
    text = "Elbonia is a disgrace and a danger."
    for speaker in ("pollster Ann Selzer", "the committee's report", "Republican figures", "the editorial board"):
        assert _by(speaker, text)["stance"].tolist() == ["against"], speaker


def test_the_agent_of_a_passive_judgment_holds_it():
    rows = _rows(["This bill is unacceptable and will not be supported by Elbonia.",
                  "Ruritania was condemned by Elbonia for the raid.",
                  "The plan was opposed by Smith, but by Elbonia's leaders too."])
    assert stance_of(rows, 0, "Elbonia") == "(no row)"  # Elbonia judges the bill; it is not judged
    assert stance_of(rows, 1, "Elbonia") == "(no row)"
    assert stance_of(rows, 1, "Ruritania") == "none"  # Elbonia's condemnation, relayed, as "Elbonia condemned …"
    assert stance_of(rows, 2, "Elbonia") == "(no row)"


def test_not_a_passive_whose_agent_is_the_speaker():
    rows = _rows(["Ruritania was condemned by us for the raid.", "Ruritania was harshly criticized."])
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 1, "Ruritania") == "against"  # no agent named: the sentence's judgment stands


def _cues(rows: pd.DataFrame, quote_id: int, target: str) -> str:
    hit = rows[(rows["quote_id"] == quote_id) & (rows["target"] == target)]
    return hit["cues"].item() if len(hit) else ""


def test_the_possessor_of_a_judgment_holds_it():
    rows = _rows(["Elbonia's criticism of Ruritania was sharp.", "She knew Elbonia's reprimand was in fun.",
                  "Elbonia's line of criticism is familiar.", "The Elbonia government's criticism of Ruritania is old.",
                  "The voters' rebuke of Ruritania was clear."])
    assert stance_of(rows, 0, "Elbonia") == "none"
    assert stance_of(rows, 0, "Ruritania") == "none"  # Elbonia's criticism, relayed to what it judges
    assert "criticism (its holder's)" in _cues(rows, 0, "Ruritania")
    assert stance_of(rows, 1, "Elbonia") == "none"
    assert stance_of(rows, 2, "Elbonia") == "none"
    assert "criticism" not in _cues(rows, 3, "Elbonia")  # "the Elbonia government's": in the possessor
    assert "(its holder's)" in _cues(rows, 3, "Ruritania")
    assert "rebuke (its holder's)" in _cues(rows, 4, "Ruritania")  # a plural's possessive


def test_the_possessor_may_be_an_alias_with_its_possessive():
    parties = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia", "Elbonia's"))]
    rows = stance_rows(["Elbonia's criticism of Ruritania was sharp."], parties)
    assert "(its holder's)" in _cues(rows, 0, "Ruritania") and "criticism" not in _cues(rows, 0, "Elbonia")


def test_not_a_contraction_nor_a_receiver():
    rows = _rows(["It's a rebuke of Ruritania and its reckless policies.", "Let's praise Ruritania for its courage.",
                  "Ruritania's facing criticism over its disgraceful conduct.",
                  "Ruritania's share of criticism is deserved."])
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 1, "Ruritania") == "favor"
    assert stance_of(rows, 2, "Ruritania") == "against"  # its "'s" is "is"
    assert stance_of(rows, 3, "Ruritania") == "against"  # criticism of it, not by it


def test_not_beyond_the_agents_noun_phrase():
    rows = _rows(["The plan was questioned by allies worried about Ruritania's aggression.",
                  "Ruritania was welcomed by officials in Elbonia, a corrupt and brutal regime.",
                  "We are deeply worried by Ruritania's reckless threats."])
    assert stance_of(rows, 0, "Ruritania") == "against"  # a participle ends the agent: "allies | worried about"
    assert stance_of(rows, 1, "Elbonia") == "against"  # a preposition ends it: "officials | in Elbonia"
    assert stance_of(rows, 2, "Ruritania") == "against"  # a verb of worry is no judgment: what worries is judged


def test_a_passive_agent_of_the_speakers_own_side_is_the_speaker():
    gaz = pd.DataFrame({"name": ["Price"], "type": ["person"], "affiliation": ["United States"], "role": ["spokesman"]})
    q = pd.DataFrame({"doc_id": "d", "quote_id": [0, 1], "speaker": ["Price", "Z"],
                      "quote": ["Russia's actions were condemned by the State Department and by Washington."] * 2})
    st = detect_stance(q, gazetteer=gaz, threshold=0.3)
    russia = st[st["target"] == "Russia"].set_index("speaker")["stance"]
    assert russia["Price"] == "against" and russia["Z"] == "none"


def test_avoiding_or_condemning_a_trouble_evaluates_no_target_nearby():
    rows = _rows(["He spoke to Ruritania's leader and asked him to condemn violence, whoever is responsible.",
                  "Their strategists hope to win in Ruritania, thereby avoiding chaos and controversy.",
                  "We condemn the aggression of Ruritania."])
    assert stance_of(rows, 0, "Ruritania") == "none"
    assert stance_of(rows, 1, "Ruritania") == "none"
    assert stance_of(rows, 2, "Ruritania") == "against"  # the countered act's own agent


def test_not_when_the_judgment_is_the_speakers_own():
    rows = _rows(["Our criticism of Ruritania is well known.", "his criticism of Ruritania is well founded."],
                 kind=["direct", "indirect"])
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 1, "Ruritania") == "against"  # "his" in an indirect report: mostly the speaker


def test_not_a_possessor_two_words_away():
    # the campaign faced criticism: the criticism is of the campaign, not by Elbonia (whose it is, the rules do not
    # read: a coder would call the row none, the rules against)
    rows = _rows(["Elbonia's campaign faced criticism over the raid."])
    assert "criticism" in _cues(rows, 0, "Elbonia") and "(its holder's)" not in _cues(rows, 0, "Elbonia")


def test_a_relayed_view_gives_no_direction_alone():
    rows = _rows(["A wonderful 78 percent of voters are backing Elbonia, a great and happy result.",
                  "We are backing Elbonia, a great and happy choice."])
    assert stance_of(rows, 0, "Elbonia") == "none"  # the voters' support, relayed, and a happy tone
    assert stance_of(rows, 1, "Elbonia") == "favor"


def test_support_among_after_an_honorific():
    rows = _rows(["There is considerable support for Mr. Elbonia among farmers."])
    assert stance_of(rows, 0, "Elbonia") == "none"


def test_the_tone_of_scare_quoted_words_is_not_the_speakers():
    rows = _rows(['Elbonia spoke again of its "great, wonderful and happy" reforms.',
                  "Elbonia spoke again of its great, wonderful and happy reforms."])
    marked = rows[rows["quote_id"] == 0].iloc[0]
    assert "VADER" not in marked["cues"]  # the marks set the words apart as someone else's
    assert "VADER" in rows[rows["quote_id"] == 1].iloc[0]["cues"]


def test_keeps_the_tone_of_an_indirect_reports_marks():
    # in an indirect report the marks are the writer's, around the speaker's own words
    rows = _rows(['Elbonia had brought "great, wonderful and happy" reforms.'], kind=["indirect"])
    assert "VADER" in rows.iloc[0]["cues"]


def test_a_blind_coding_scores_a_run_by_its_directed_rows():
    from benchmarks.stance_polnear import score_coded

    # an invented coding of five rows: the run gives directions to three (two as coded), none to two
    coded = pd.DataFrame({"doc_id": "d", "quote_id": [1, 2, 3, 4, 5], "target": "Elbonia",
                          "stance": ["favor", "against", "none", "against", "unclear"]})
    rows = pd.DataFrame({"doc_id": "d", "quote_id": ["1", "2", "3", "4", "5"], "target": "Elbonia",
                         "stance": ["favor", "against", "favor", "none", "favor"]})
    report = score_coded(rows, coded)
    assert "2/3 = 0.667" in report  # the unclear row is left out
    assert "1 coded rows without one: {'against': 1}" in report


def test_the_blind_sheet_hides_the_rules_reading():
    from benchmarks.stance_polnear import blind_sheet

    sample = pd.DataFrame({"row": [0], "doc_id": ["d"], "quote_id": [1], "speaker": ["A"], "target": ["Elbonia"],
                           "quote": ["We back Elbonia."], "kind": ["direct"], "stance": ["favor"], "score": [0.8],
                           "evidence": ["We back Elbonia."], "cues": ["back +0.9"]})
    sheet = blind_sheet(sample)
    assert not {"score", "evidence", "cues"} & set(sheet.columns) and sheet["stance"].tolist() == [""]


def test_a_report_ends_where_the_speaker_sets_a_contrast_against_it():
    rows = _rows(["Critics say Elbonia is a threat, but we welcome Elbonia as a trusted partner.",
                  "Critics say Elbonia is a threat; we welcome Elbonia as a trusted partner.",
                  "Critics say Elbonia is a threat and a danger."])
    assert stance_of(rows, 0, "Elbonia") == "favor"  # "we welcome" is the speaker's own, not the critics'
    assert stance_of(rows, 1, "Elbonia") == "favor"
    assert stance_of(rows, 2, "Elbonia") == "none"  # the critics' view, relayed, to the sentence's end
