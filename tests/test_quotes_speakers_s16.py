"""Speaker rules for open-world English news (issue 16, sixteenth session). Each test's sentence was written for
it; the expected values are read from the sentence."""

from quote_rows import speech_rows as _rows

from kzlib.actors import find_names


def _said(q, cue: str = "said") -> list[str]:
    return q.loc[q["cue"] == cue, "speaker"].tolist()


def test_an_adverb_after_an_apposition_leaves_the_subject_before_it():
    q = _rows("Okafor, after the audit was published in March, initially said that no funds were missing.")
    assert _said(q) == ["Okafor"]
    q = _rows("The ministry, which had kept silent for days, finally said that the border would reopen.")
    assert _said(q) == ["ministry"]


def test_an_auxiliary_after_an_apposition_leaves_the_subject_before_it():
    q = _rows("Dana Kowalski, speaking at a rally in her hometown, is calling for a recount in three counties.")
    assert q.loc[q["cue"] == "calling", "speaker"].tolist() == ["Dana Kowalski"]


def test_a_time_ago_between_subject_and_verb_is_no_subject():
    q = _rows("The electoral commission less than two weeks ago said that the count was complete.")
    assert _said(q) == ["electoral commission"]
    q = _rows("The electoral commission two weeks ago said that the count was complete.")
    assert _said(q) == ["electoral commission"]


def test_a_relative_clause_closed_by_a_comma_returns_to_its_antecedent():
    q = _rows("Okafor, who backed the mayor in May and opposed the governor during the primaries, last week said "
              "the party was heading for a split.")
    assert _said(q) == ["Okafor"]
    # a relative clause that is not closed: its verb is its own ("who said" is read elsewhere)
    q = _rows("The governor said the party was heading for a split.")
    assert _said(q) == ["governor"]


def test_a_named_member_of_a_group_in_apposition_speaks_for_it():
    q = _rows("As several economists, including Mr. Okafor, have pointed out, the tax falls hardest on renters.")
    assert q.loc[q["cue"] == "pointed out", "speaker"].tolist() == ["Okafor"]


def test_such_as_does_not_end_an_object():
    q = _rows("Dana Kowalski has criticized trade deals such as the Pacific pact and called for new tariffs on steel.")
    rows = dict(zip(q["cue"], q["quote"]))
    assert rows["criticized"] == "trade deals such as the Pacific pact"
    assert q.loc[q["cue"] == "called for", "speaker"].tolist() == ["Dana Kowalski"]


def test_a_sentence_opening_adverb_is_no_speaker_and_a_possessive_subject_issues_the_release():
    q = _rows("Shortly after the call ended, Okafor's campaign sent out a press release saying the mayor owed the city "
              "an explanation.")
    assert q["speaker"].tolist() == ["Okafor's campaign"]
    assert q["quote"].tolist() == ["the mayor owed the city an explanation."]
    q = _rows("Later, Okafor's spokesman sent a letter saying the mayor owed the city an explanation.")
    assert q["speaker"].tolist() == ["Okafor's spokesman"]


def test_a_name_in_apposition_to_a_title_after_an_opening_phrase():
    q = _rows("In Almaty, the mayor, Jane Roe, said that the square would stay closed.")
    assert _said(q) == ["Jane Roe"]
    q = _rows("Addressing about 100 delegates at the spring meeting, many of them doubtful about the plan, the "
              "party chief, Dana Kowalski, suggested that the plan was only a first step.")
    assert q.loc[q["cue"] == "suggested", "speaker"].tolist() == ["Dana Kowalski"]


def test_a_signature_after_a_dash_names_the_speaker():
    q = _rows("“The rent doubled in a year and nobody answers our letters.” ― Jane Tapia  “I have never voted, "
              "and I will this time.”— Pamela Roe.")
    assert q["speaker"].tolist() == ["Jane Tapia", "Pamela Roe"]
    assert q["kind"].tolist() == ["direct", "direct"]
    # a dash before a clause is no signature: the verb names the speaker
    q = _rows('"We will not back down" — Jane Roe said it twice.')
    assert q["speaker"].tolist() == ["Jane Roe"]


def test_a_short_surname_before_a_full_stop_ends_the_sentence():
    assert [n.name for n in find_names("It is over, said Pamela Roe. The count went on.")][0] == "Pamela Roe"
    assert [n.name for n in find_names("The talks ended, said President Xi. Next came the toasts.")][0] == "Xi"
    # abbreviations and initials stay inside names
    names = [n.name for n in find_names("Martin Luther King Jr. spoke in St. Louis with J. R. Okafor.")]
    assert names == ["Martin Luther King Jr.", "St. Louis", "J. R. Okafor"]


def test_a_description_after_another_phrase_with_a_determiner_is_found():
    # "The senator thanked the governor": the role "governor" has its own determiner, not "The" of the subject
    q = _rows("The senator met the governor, who said that the budget was balanced.")
    assert _said(q) == ["governor"]


def test_a_phrase_ending_with_a_preposition_is_no_subject():
    # "thanked the governor for saying": the clause's subject, as coding schemes read the evaluation
    q = _rows("The senator thanked the governor for saying that the budget was balanced.")
    assert q["speaker"].tolist() == ["senator"]
    assert q["quote"].tolist() == ["the budget was balanced."]


def test_a_named_member_together_with_a_group_is_named():
    # the group's modifier ("U.S.") is no speaker: the person the text names with the group is
    q = _rows("U.S. officials, together with Secretary of State Jane Roe, have questioned the legality of the mission.")
    assert q.loc[q["cue"] == "questioned", "speaker"].tolist() == ["Jane Roe"]
