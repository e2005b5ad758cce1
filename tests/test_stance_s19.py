"""Stance on real corpora (issue 19 review, sections 1, 11 and 13): only speech is scored, the writer's
quotation marks around a speaker's own words are no scare quotes, a trouble being countered is no stance
towards whoever counters it, and speaker groups do not call officials or news agencies experts.

Every sentence here was written for these tests; the expected stances are read from the sentences."""

import pandas as pd
import pytest

from kzlib.stance import detect_stance, speaker_profiles


def _stances(*rows: tuple[str, str], speaker: str = "X") -> pd.DataFrame:
    """detect_stance over one quote per (kind, text), every generic entry counted."""
    q = pd.DataFrame({"doc_id": ["d"] * len(rows), "quote_id": [f"q{i}" for i in range(len(rows))],
                      "speaker": [speaker] * len(rows), "kind": [k for k, _ in rows], "quote": [t for _, t in rows]})
    return detect_stance(q, anchor_generic=False)


def _cell(st: pd.DataFrame, quote_id: str, target: str) -> pd.Series:
    rows = st[(st["quote_id"] == quote_id) & (st["target"] == target)]
    assert len(rows) == 1, (quote_id, target, st[["quote_id", "target", "stance", "cues"]].to_dict("records"))
    return rows.iloc[0]


# ----------------------------------------------------------------------------- (a) only speech is scored
def test_fragments_and_questions_get_no_stance_row():
    q = pd.DataFrame({
        "doc_id": ["d"] * 4, "quote_id": ["q0", "q1", "q2", "q3"], "speaker": ["", "Y", "Y", "Y"],
        "kind": ["fragment", "fragment", "question", "direct"],
        "quote": ["bandits", "terrorists", "Do you condemn the bandits?", "We condemn the bandits who looted the city."]})
    st = detect_stance(q, anchor_generic=False)
    # the journalist's scare-quoted word, a speaker's quoted word and an interviewer's question are nobody's
    # statement: only the direct quotation is read
    assert st["quote_id"].tolist() == ["q3"]
    assert _cell(st, "q3", "protesters")["stance"] == "against"
    # asked for, a fragment is still read (kinds=None reads every kind)
    assert {"q0", "q1"} <= set(detect_stance(q, anchor_generic=False, kinds=None)["quote_id"])


def test_the_stance_stage_scores_speech_only(prepared):
    from kzlib.quotes import SPEECH_KINDS
    from kzlib.stages import load_gazetteer, load_stance_targets, stances

    quotes = pd.DataFrame({
        "doc_id": ["x1", "x1"], "quote_id": [0, 1], "speaker": ["", ""], "kind": ["fragment", "indirect"],
        "quote": ["peaceful protesters", "the peaceful protesters in Almaty must be heard"], "context": ["", ""]})
    st = stances(quotes, prepared, load_gazetteer(), load_stance_targets())["stances"]
    assert set(st["quote_id"]) == {1}
    assert "fragment" not in SPEECH_KINDS


# ----------------------------------------------------------------------------- (b) whose quotation marks
def test_a_positive_naming_in_an_indirect_reports_marks_is_the_speakers_own():
    st = _stances(
        # the writer marks the speaker's own words inside an indirect report: the speaker's naming
        ("indirect", 'the authorities should respect the rights of "peaceful demonstrators" in the capital'),
        # inside a direct quotation the marks are the speaker's own: distancing from the naming
        ("direct", "These 'peaceful demonstrators' set the city hall on fire."))
    assert _cell(st, "q0", "protesters")["stance"] == "favor"
    assert _cell(st, "q1", "protesters")["stance"] == "against"


def test_the_same_holds_for_russian_quotes():
    st = _stances(
        ("indirect", "власти должны уважать права «мирных демонстрантов» в столице"),
        ("direct", "Эти «мирные демонстранты» подожгли здание мэрии."))
    assert _cell(st, "q0", "protesters")["stance"] == "favor"
    assert _cell(st, "q1", "protesters")["stance"] == "against"


# ----------------------------------------------------------------------------- (c) countered trouble
def test_a_trouble_being_countered_is_no_stance_towards_the_helper():
    st = _stances(
        ("indirect", "he asked the CSTO for help in overcoming the threat of chaos"),
        ("direct", "The CSTO helps us fight violence and crime."),
        ("indirect", "он попросил ОДКБ о помощи в преодолении угрозы насилия"),
        ("direct", "ОДКБ поможет в борьбе с преступностью и насилием."))
    for q in ("q0", "q1", "q2", "q3"):
        cell = _cell(st, q, "CSTO intervention")
        assert cell["stance"] != "against" and cell["lexical"] > 0, cell["cues"]
        for word in ("threat", "chaos", "violence", "crime", "угроз", "насили", "преступн"):
            assert word not in cell["cues"].lower(), cell["cues"]
    # the help is what the speaker says of the CSTO (the English sentences' tone, VADER's, is negative)
    assert _cell(st, "q2", "CSTO intervention")["stance"] == "favor"
    assert _cell(st, "q3", "CSTO intervention")["stance"] == "favor"


def test_a_countered_act_still_counts_for_its_own_agent():
    st = _stances(
        ("direct", "We will resist NATO aggression."),                 # NATO's aggression
        ("direct", "We must counter the interference of NATO."),        # of-phrase: NATO's interference
        ("direct", "Мы будем противостоять агрессии НАТО."),
        ("direct", "NATO must curb its aggression."))                   # its: NATO's own act, not countered
    for q in ("q0", "q1", "q2", "q3"):
        assert _cell(st, q, "NATO")["stance"] == "against"


def test_a_coordinated_verb_is_not_the_object_of_the_frame():
    # "in defence of the CSTO and condemned …": the condemnation is a second predicate, not something countered
    st = _stances(("indirect", "she spoke in defence of the mayor and condemned NATO"))
    assert _cell(st, "q0", "NATO")["stance"] == "against"


def test_a_russian_negator_belongs_to_the_noun_phrase_it_opens():
    st = _stances(
        # "not the first attempt at interference": the attempt is not the first; the interference stands
        ("direct", "Это не первая попытка вмешательства НАТО в дела региона."),
        # "it is not interference by NATO": the interference is denied
        ("direct", "Это не вмешательство НАТО."))
    assert _cell(st, "q0", "NATO")["stance"] == "against"
    assert _cell(st, "q1", "NATO")["stance"] != "against"


# ----------------------------------------------------------------------------- speaker groups
@pytest.fixture()
def gazetteer() -> pd.DataFrame:
    rows = [
        ("Ana Petrova", "person", "Armenia", "Prime Minister of Armenia, chair of the Collective Security Council"),
        ("Ivo Karas", "person", "Russia", "fellow of the Council on Foreign Affairs"),
        ("Lena Ott", "person", "Russia", "former Deputy Foreign Minister"),
        ("Agency", "media", "Russia", "state news agency"),
        ("Tom Reed", "person", "United States", "correspondent"),
        ("Alliance", "bloc", "CSTO", "military alliance"),
        ("Max Berg", "person", "Germany", "activist"),
        ("Think", "organisation", "United States", "think tank"),
        ("Secretary Lee", "person", "United States", "Secretary of the National Security Council"),
    ]
    return pd.DataFrame(rows, columns=["name", "type", "affiliation", "role"])


def test_speaker_groups_by_office_occupation_and_medium(gazetteer):
    p = speaker_profiles(gazetteer["name"].tolist() + ["Nobody"], gazetteer=gazetteer).set_index("speaker")
    assert p["group"].to_dict() == {
        "Agency": "Russia media",               # a news agency is neither an official nor an expert
        "Alliance": "CSTO officials",           # an alliance of states speaks officially
        "Ana Petrova": "Armenia officials",     # the office beats the council she chairs
        "Ivo Karas": "Russia experts",          # a research fellow
        "Lena Ott": "Russia former officials",  # no longer in office (s20: no expert)
        "Max Berg": "Germany others",           # neither an office nor expertise
        "Nobody": "unknown",
        "Secretary Lee": "United States officials",
        "Think": "United States experts",       # a research institution, no office
        "Tom Reed": "United States media",
    }
    assert p.loc["Ana Petrova", "is_official"] and not p.loc["Agency", "is_official"]
    # only officials speak for a side (the own-side prior)
    assert p.loc["Alliance", "sides"] == "csto" and p.loc["Agency", "sides"] == ""
