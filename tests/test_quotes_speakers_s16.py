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


def test_the_object_of_a_verb_before_for_saying_said_it():
    # "thanked the governor for saying": the governor said it (not the senator, not "senator thanked the ...")
    q = _rows("The senator thanked the governor for saying that the budget was balanced.")
    assert q["speaker"].tolist() == ["governor"]
    assert q["quote"].tolist() == ["the budget was balanced."]
    q = _rows("Okafor thanked Jane Roe for saying that the city would help.")
    assert q.loc[q["cue"] == "saying", "speaker"].tolist() == ["Jane Roe"]
    # a noun after a preposition ("in contempt of Congress for") is not the one who refused
    q = _rows("The panel held Okafor in contempt of Congress for refusing to testify at the hearing.")
    assert "Congress" not in q["speaker"].tolist()


def test_review_a_title_and_name_after_an_opening_phrase_keep_the_report():
    q = _rows("On Monday, the party chief, Dana Kowalski, said the plan was dead.")
    assert q["speaker"].tolist() == ["Dana Kowalski"]
    assert q["quote"].tolist() == ["the plan was dead."]


def test_review_a_title_of_someone_else_does_not_hand_over_the_subject():
    q = _rows("Erlan Okafor, an adviser to the president, Jane Roe, said the troops would leave.")
    assert q["speaker"].tolist() == ["Erlan Okafor"]
    q = _rows("The protest leader, a critic of the mayor, Jane Roe, said the vote was rigged.")
    assert q["speaker"].tolist() == ["protest leader"]


def test_review_along_with_after_a_single_speaker_keeps_the_speaker():
    q = _rows("The president, along with the prime minister Jane Roe, said the troops would leave.")
    assert q["speaker"].tolist() == ["president"]
    q = _rows("The ministry, alongside the CSTO, said the troops would leave.")
    assert q["speaker"].tolist() == ["ministry"]


def test_review_an_adjective_opening_the_subject_is_no_opening_phrase():
    q = _rows("Detained protesters, some of whom were beaten, said police had used force.")
    assert q["quote"].tolist() == ["police had used force."]


def test_review_a_surname_in_ly_opening_a_sentence_is_kept():
    q = _rows("Connolly said the plan was dead.")
    assert q["speaker"].tolist() == ["Connolly"]


def test_review_a_dash_before_a_clause_is_no_signature():
    q = _rows('The crowd shouted "We want a new government and fair elections" — Okafor, who was in the capital, '
              'ordered the police to stand back.')
    assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["crowd"]


def test_review_short_titles_stay_inside_names():
    names = [n.surface for n in find_names("The Rt. Hon. Jane Roe met Fr. John Doe and Det. Amy Poe.")]
    assert names == ["Rt. Hon. Jane Roe", "Fr. John Doe", "Det. Amy Poe"]


def test_a_named_member_together_with_a_group_is_named():
    # the group's modifier ("U.S.") is no speaker: the person the text names with the group is
    q = _rows("U.S. officials, together with Secretary of State Jane Roe, have questioned the legality of the mission.")
    assert q.loc[q["cue"] == "questioned", "speaker"].tolist() == ["Jane Roe"]


def test_an_honorific_is_followed_by_a_surname_even_a_title_word():
    # "King", "Price", "Justice" are title words and surnames: after "Mr."/"Ms." they are surnames
    ns = find_names("Mr. King met Ms. Price.")
    assert [(n.name, n.title, n.gender) for n in ns] == [("King", "Mr.", "m"), ("Price", "Ms.", "f")]
    q = _rows("''They pay us a lot of money,'' Mr. King said.")
    assert q["speaker_surface"].tolist() == ["Mr. King"]


def test_a_title_abbreviation_ends_no_sentence_before_the_name():
    q = _rows('"This is a waste of time. It is destroying this committee," said Maj. Gen. Jane Roe of the army.')
    assert q["speaker"].tolist() == ["Jane Roe"]
    # "Del." is also Delaware, which ends sentences: it is no such abbreviation
    q = _rows("Okafor spent the weekend at his home in Wilmington, Del. Jane Roe said the mayor would return on Monday.")
    assert q[["speaker", "quote"]].values.tolist() == [["Jane Roe", "the mayor would return on Monday."]]


def test_review2_an_honorific_before_a_title_word_is_no_title_holder():
    q = _rows("King Charles III spoke at the ceremony.", '"We will not back down," Mr. King said.')
    assert q[["speaker", "speaker_resolution"]].values.tolist() == [["King", "named"]]


def test_review2_a_possessive_before_a_quantifier_or_in_another_paragraph_is_left_alone():
    q = _rows("According to Okafor's most recent statement, the troops will leave.")
    assert q["speaker_surface"].tolist() == ["Okafor"]
    q = _rows('"We shall stay and we help Okafor\'s people until the situation is stable.',
              '"Then the troops will leave," Jane Roe said.')
    assert q["speaker_surface"].tolist() == ["Jane Roe"]
    q = _rows("She compared the talks to a root canal, according to Okafor's new memoir.")
    assert q["speaker_surface"].tolist() == ["Okafor's new memoir"]


def test_review2_a_verb_after_and_before_a_comma_is_still_a_verb():
    q = _rows("Okafor shook his head and says, the troops will never leave.")
    assert q["cue"].tolist() == ["says"]


def test_review2_called_with_a_complement_is_a_speech_act():
    q = _rows("An opposition leader called Okafor a puppet of the capital.")
    assert q[["speaker", "cue"]].values.tolist() == [["opposition leader", "called"]]


def test_review2_by_a_participle_after_a_pronoun_or_an_opening_phrase():
    q = _rows("Jane Roe spoke first.", "She angered Okafor by saying that the troops would stay.")
    assert q["speaker"].tolist() == ["Jane Roe"]
    q = _rows("In Almaty, Okafor shocked the crowd by announcing that the troops would stay.")
    assert q["speaker"].tolist() == ["Okafor"]


def test_as_x_put_it_attributes_a_quotation():
    q = _rows('The rule asks for a "lawful source of income," as Jane Roe put it on Monday.')
    assert q["speaker"].tolist() == ["Jane Roe"]
    assert q["cue"].tolist() == ["put it"]
    # "put it" with a thing as its object is no speech
    assert _rows("He put it on the table and left the room.").empty


def test_what_a_name_owns_is_the_surface_when_it_is_the_source():
    # the person is the speaker; the surface says what of theirs the report comes from
    q = _rows("She later compared the talks to a root canal, according to Okafor's memoir.")
    assert q[["speaker", "speaker_surface"]].values.tolist() == [["Okafor", "Okafor's memoir"]]
    # a possessive before something that is no source leaves the surface alone
    q = _rows("Okafor's speech was long, Jane Roe said.")
    assert q["speaker_surface"].tolist() == ["Jane Roe"]


def test_a_plural_noun_in_a_list_is_no_cue():
    q = _rows("In TV interviews and tweets, Okafor has argued that the committee rigged the vote.")
    assert q[["speaker", "cue"]].values.tolist() == [["Okafor", "argued"]]


def test_a_name_given_by_called_is_no_speech():
    q = _rows("A group called Color of Change said that the donors should leave.")
    assert q[["speaker", "cue"]].values.tolist() == [["Color of Change", "said"]]
    q = _rows("The senator called Okafor a liar.")
    assert q["cue"].tolist() == ["called"]


def test_by_a_participle_is_the_means_of_the_clause_subject():
    q = _rows("Okafor has gone further than the mayor on housing by proposing that the city buy empty flats.")
    assert q[["speaker", "cue"]].values.tolist() == [["Okafor", "proposing"]]


def test_a_place_after_an_opening_phrase_is_part_of_it():
    q = _rows("In a court in Alexandria, Va., Okafor, in a green jumpsuit, said that he was pleading guilty.")
    assert q["speaker"].tolist() == ["Okafor"]


def test_a_clause_before_a_participle_is_no_description_of_its_speaker():
    # "opened a rally blasting ...": the participle is the subject's, and the name modifies the subject's role
    q = _rows("The Vermont senator opened a rally in Rochester blasting the trade deal.")
    assert q[["speaker", "cue"]].values.tolist() == [["Vermont senator", "blasting"]]
    q = _rows("Okafor opened a rally in Rochester blasting the trade deal.")
    assert q["speaker"].tolist() == ["Okafor"]
