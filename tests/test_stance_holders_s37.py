"""Stance rules of the thirty-seventh session, read on hand-made sentences about invented parties: a news outlet
reporting news holds no view; a name inside "anti-X"/"pro-X" is not the target evaluated; the object complement of
someone else's verb of naming is their view; support someone is said to boast of is theirs; an adjective of attitude
or emotion after a copula belongs to its subject ("the insiders are opposed to X", "many are critical of X"), and is
no quality of that subject; how something seems to others is theirs. Expected values come from reading each
sentence. The tests of a rule fail with the rule switched off; those named "not"/"keeps" guard its limits."""

import pandas as pd

from kzlib.stance import detect_stance
from kzlib.stance.targets import Target
from tests.stance_rows import stance_of, stance_rows

PARTIES = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",))]


def _rows(quotes: list[str], **columns) -> pd.DataFrame:
    return stance_rows(quotes, PARTIES, **columns)


def _each(quotes: list[str], allowed: tuple[str, ...], target: str = "Elbonia") -> None:
    """Every quote's stance towards ``target`` is one of ``allowed``."""
    rows = _rows(quotes)
    for i, quote in enumerate(quotes):
        assert stance_of(rows, i, target) in allowed, quote


def _cues(rows: pd.DataFrame, quote_id: int, target: str) -> str:
    hit = rows[(rows["quote_id"] == quote_id) & (rows["target"] == target)]
    return hit["cues"].item() if len(hit) else ""


def _news(speaker_type: str, cue: str, text: str, **kw) -> pd.DataFrame:
    q = pd.DataFrame({"doc_id": "d", "quote_id": [0], "speaker": ["The Daily Planet"], "speaker_type": [speaker_type],
                      "cue": [cue], "quote": [text]})
    return detect_stance(q, targets=PARTIES, threshold=0.3, **kw)


def test_a_news_outlet_reporting_news_holds_no_view():
    text = "the plan has drawn harsh criticism and fierce condemnation of Elbonia from its neighbours."
    for cue in ("reported", "according to", "shows", "Reported"):
        assert _news("media", cue, text).empty, cue
    assert _news("media", "reported", text, record_rows=True)["target"].tolist() == ["Elbonia"]


def test_keeps_an_outlet_that_says_or_writes_its_view_and_a_person_who_reports():
    text = "Elbonia is a disgrace and a danger to its neighbours."
    for speaker_type, cue in (("media", "said"), ("media", "wrote"), ("person", "reported"), ("organisation", "according to")):
        assert _news(speaker_type, cue, text)["stance"].tolist() == ["against"], (speaker_type, cue)


def test_a_name_in_an_anti_or_pro_compound_is_not_the_target():
    rows = _rows(["He could not support the anti-Elbonia movement.",
                  "The violent pro-Elbonia mob must be stopped.",
                  "We condemn the Anti-Elbonia campaign."])
    for i in range(3):
        assert stance_of(rows, i, "Elbonia") == "(no row)", i


def test_keeps_a_name_that_only_follows_a_hyphenated_word():
    rows = _rows(["We cannot support Elbonia.", "This is an anti-war party, and we cannot support Elbonia."])
    assert stance_of(rows, 0, "Elbonia") == "against"
    assert stance_of(rows, 1, "Elbonia") == "against"


def test_the_object_complement_of_someone_elses_verb_of_naming_is_theirs():
    rows = _rows(["He has characterized Elbonia as a champion of peace and a wonderful partner.",
                  "Critics call Elbonia reckless and dangerous."])
    assert stance_of(rows, 0, "Elbonia") == "none"
    assert "(reported)" in _cues(rows, 0, "Elbonia")
    assert stance_of(rows, 1, "Elbonia") == "none"


def test_not_the_speakers_own_naming():
    rows = _rows(["I have always regarded Elbonia as a champion of peace and a wonderful partner.",
                  "We call Elbonia reckless and dangerous."])
    assert stance_of(rows, 0, "Elbonia") == "favor"
    assert stance_of(rows, 1, "Elbonia") == "against"


def test_support_someone_boasts_of_is_theirs():
    rows = _rows(["Elbonia can now boast the support of the farmers.", "Elbonia touts the backing of the unions."])
    assert stance_of(rows, 0, "Elbonia") == "none"  # the farmers' support of Elbonia, not the speaker's
    assert stance_of(rows, 1, "Elbonia") == "none"


def test_keeps_the_speakers_own_support_after_a_verb_of_display():
    rows = _rows(["We can boast that we support Elbonia."])
    assert stance_of(rows, 0, "Elbonia") == "favor"


def test_an_attitude_after_a_copula_is_its_subjects():
    rows = _rows(["The insiders are opposed to Elbonia.",
                  "Many officials in Ruritania are critical of Elbonia.",
                  "Smith was never happy with Elbonia."])
    assert stance_of(rows, 0, "Elbonia") == "none"
    assert stance_of(rows, 1, "Elbonia") == "none"
    assert "experiencer's" in _cues(rows, 1, "Elbonia")
    assert stance_of(rows, 1, "Ruritania") != "against"  # being critical of someone is no fault of one's own
    assert stance_of(rows, 2, "Elbonia") == "none"


def test_keeps_the_speakers_own_attitude():
    rows = _rows(["I am opposed to Elbonia.", "We are deeply disappointed with Elbonia.", "Disappointed with Elbonia, we left."])
    assert stance_of(rows, 0, "Elbonia") == "against"
    assert stance_of(rows, 1, "Elbonia") == "against"
    assert stance_of(rows, 2, "Elbonia") == "against"


def test_how_it_seems_to_others_is_theirs():
    rows = _rows(["For many centrists, Elbonia seems crazy and dangerous.",
                  "Elbonia seems crazy and dangerous to many voters."])
    assert stance_of(rows, 0, "Elbonia") == "none"
    assert stance_of(rows, 1, "Elbonia") == "none"


def test_keeps_how_it_seems_to_the_speaker():
    _each(["Elbonia seems crazy and dangerous.", "To me, Elbonia seems crazy and dangerous.",
           "Elbonia seems crazy and dangerous to me.", "Elbonia is crazy and dangerous to many voters."], ("against",))


def test_a_right_favours_its_holder_not_what_it_is_a_right_to():
    _each(["This is a victory for the public's right to know the truth about Elbonia.",
           "The law gives voters the right to decide what the agenda of Elbonia should be.",
           "Voters did not have the right to choose Elbonia."], ("none",))


def test_keeps_a_right_of_the_target_or_of_a_pronoun():
    rows = _rows(["Nobody should question Elbonia's right to invite the troops.",
                  "Nobody will query the right of Elbonia to invite troops.",
                  "Elbonia did not have the right to send troops.",
                  "As for Elbonia, it has every right to defend itself."])
    assert stance_of(rows, 0, "Elbonia") == "favor"
    assert stance_of(rows, 1, "Elbonia") == "favor"
    assert stance_of(rows, 2, "Elbonia") == "against"
    assert stance_of(rows, 3, "Elbonia") == "favor"


def test_a_predicate_of_what_the_target_has_done_or_said_is_said_of_it():
    _each(["Elbonia's grasp of policy and temperament are worrying.",
           "Elbonia's tax plan is a disaster.",
           "Elbonia's record was less positive than ever."], ("against",))


def test_not_a_predicate_of_the_targets_people():
    rows = _rows(["Elbonia's supporters are angry and bitter.", "Elbonia's critics are wrong and dishonest.",
                  "Elbonia's closest allies are furious."])
    for i in range(3):
        assert stance_of(rows, i, "Elbonia") in ("none", "(no row)"), i


def test_voting_for_or_against_is_a_side_its_subject_takes():
    rows = _rows(["I will vote for Elbonia.", "I can't vote for Elbonia.", "We voted against Elbonia.",
                  "We are firmly against Elbonia.", "We stand behind Elbonia."])
    assert [stance_of(rows, i, "Elbonia") for i in range(5)] == ["favor", "against", "against", "against", "favor"]


def test_not_someone_elses_vote_nor_a_tally():
    rows = _rows(["They will vote for Elbonia.", "The farmers voted against Elbonia.",
                  "A vote for Smith is a vote for Elbonia.", "Smith's vote for Elbonia came late.",
                  "I am not against Elbonia.", "This is against Elbonia's interests."])
    for i in range(6):
        assert stance_of(rows, i, "Elbonia") in ("none", "(no row)"), i


def test_less_likely_to_is_a_negation():
    rows = _rows(["We are much less likely to vote for Elbonia this year.", "I am unlikely to vote for Elbonia."])
    assert stance_of(rows, 0, "Elbonia") == "against"
    assert stance_of(rows, 1, "Elbonia") == "against"


def test_someone_elses_naming_ends_with_its_clause():
    _each(["Critics call Elbonia reckless, but I call Elbonia a great friend.",
           "Smith called Elbonia yesterday, and I think Elbonia is a wonderful partner.",
           "He has characterized Elbonia as a champion, and I agree: Elbonia is a wonderful partner."], ("favor",))


def test_a_fronted_phrase_of_time_or_manner_is_no_experiencer():
    _each(["For now, Elbonia seems crazy and dangerous.", "To be honest, Elbonia seems crazy and dangerous.",
           "Thanks to the sanctions, Elbonia seems crazy and dangerous."], ("against",))


def test_not_a_noun_of_voting_or_campaigning_nor_standing_by_a_thing():
    rows = _rows(["Ruritania's vote against Elbonia came late.", "Smith's campaign against Elbonia began in May.",
                  "We stand by our decision to sanction Elbonia.", "We will stand by as Elbonia burns.",
                  "We are against sanctions on Elbonia."])
    for i in range(5):
        assert stance_of(rows, i, "Elbonia") in ("none", "(no row)"), i


def test_unlikely_as_an_adjective_negates_nothing():
    assert stance_of(_rows(["In an unlikely alliance we support Elbonia."]), 0, "Elbonia") == "favor"


def test_the_subject_of_an_attitude_is_not_its_object():
    rows = _rows(["Ruritania is opposed to Elbonia.", "Many remain opposed to Elbonia.",
                  "The farmers are very critical of Elbonia."])
    assert stance_of(rows, 0, "Ruritania") in ("none", "(no row)")
    assert "opposed" not in _cues(rows, 0, "Ruritania")
    assert stance_of(rows, 0, "Elbonia") == "none"
    assert stance_of(rows, 1, "Elbonia") == "none"
    assert stance_of(rows, 2, "Elbonia") == "none"


def test_taking_issue_is_disagreement_and_not_without_is_a_condition():
    rows = _rows(["We took strong issue with Elbonia.", "Smith took issue with Elbonia.",
                  "Elbonia understood it could not have a successful outcome without a credible plan at home.",
                  "Elbonia has not been successful."])
    assert stance_of(rows, 0, "Elbonia") == "against"
    assert stance_of(rows, 1, "Elbonia") == "none"  # Smith's disagreement, relayed
    assert stance_of(rows, 2, "Elbonia") in ("none", "(no row)")  # not a denial of success
    assert stance_of(rows, 3, "Elbonia") == "against"


def test_what_a_thing_helps_is_an_effect_not_a_side():
    rows = _rows(["The media attention helped Elbonia.", "Having Smith on the ballot will help Elbonia.",
                  "The polarizing nature of the race has helped drive voters to Elbonia."])
    for i in range(3):
        assert stance_of(rows, i, "Elbonia") in ("none", "(no row)"), i


def test_keeps_the_help_of_a_party_named_by_a_common_noun_and_the_passive():
    _each(["The government will help Elbonia.", "Our allies will help Elbonia.", "Our troops are helping Elbonia.",
           "Elbonia's farmers were helped by our aid."], ("favor",))


def test_keeps_a_denial_whose_without_opens_another_clause():
    rows = _rows(["I do not support Elbonia because it governs without a mandate."])
    assert stance_of(rows, 0, "Elbonia") == "against"


def test_keeps_the_help_a_party_gives_and_the_noun_of_help():
    rows = _rows(["Ruritania helped Elbonia win.", "We will help Elbonia.",
                  "We reiterated our full help for Elbonia's institutions."])
    assert "favor" in {stance_of(rows, 0, "Elbonia"), stance_of(rows, 0, "Ruritania")}
    assert stance_of(rows, 1, "Elbonia") == "favor"
    assert stance_of(rows, 2, "Elbonia") == "favor"


def test_the_tone_of_a_question_that_denies_is_what_it_denies():
    rows = _rows(["Who would trust Elbonia?"])  # "trust": VADER's tone, no cue; the question doubts it
    hit = rows[rows["target"] == "Elbonia"]
    assert hit["stance"].item() == "against" and hit["score"].item() < -0.4
    assert "VADER" not in _cues(rows, 0, "Elbonia")


def test_keeps_the_tone_of_a_question_that_is_answered():
    rows = _rows(["Why is Elbonia so successful? Because it invested in schools."])
    assert stance_of(rows, 0, "Elbonia") == "favor"
    assert "VADER" in _cues(rows, 0, "Elbonia")
