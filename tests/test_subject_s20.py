"""A place, body or person that modifies the real speaker is not the speaker; junk speakers (twentieth session,
found on US political news). In English a proper noun before a common noun is a modifier ("the [Texas] senator"):
the head noun, or the name in apposition after it, speaks. A relative clause after "NAME of PLACE" belongs to
the person. A pronoun with a contracted verb is the pronoun. The sentences are written for the tests."""

from quote_rows import speech_rows as _rows

from kzlib.actors import find_names, place_names


def _speaker(*paras: str) -> list[str]:
    return _rows(*paras)["speaker"].tolist()


def test_a_state_before_a_role_noun_modifies_it():
    assert _speaker("Jane Roe spoke in Ohio. The New York businesswoman says she will cut taxes for every family.") \
        == ["New York businesswoman"]
    assert _speaker("John Doe was angry. The South Carolina senator called on his colleagues to reject the plan.") \
        == ["South Carolina senator"]
    assert _speaker("A New York judge has rejected the claim that the school misled its students.") == ["New York judge"]


def test_an_inverted_verb_before_a_modified_noun():
    assert _speaker('"It is a hard question for all of us," said the Florida senator.') == ["Florida senator"]
    assert _speaker('"We are all props in a television show," said Virginia delegate Beau Correll.') == ["Beau Correll"]


def test_a_name_after_the_modified_noun_speaks():
    q = _rows("The Daily Planet columnist Lois Lane has been critical of the mayor but on Monday wrote that she "
              "agreed with his plan.")
    assert q["speaker"].tolist() == ["Lois Lane"]
    assert _speaker("Former Arizona governor Jane Roe, an early supporter of the plan, calls it a priority for the state.") \
        == ["Jane Roe"]


def test_a_relative_clause_after_a_place_belongs_to_the_person():
    assert set(_speaker("Senator John Doe of Texas, who last year threatened a shutdown, said he would vote against "
                        "it.")) == {"John Doe"}
    assert set(_speaker("Senator John Doe, Republican of Arizona, who echoed the criticism, said the party had "
                        "lost its way.")) == {"John Doe"}
    assert _speaker("Bernie Roe, the independent Vermont senator who is challenging the governor and two former "
                    "mayors for the nomination, spoke.") == ["Bernie Roe"]


def test_a_relative_clause_after_a_list_of_places_belongs_to_the_noun_before():
    assert _speaker("She met workers in New York, Los Angeles and Seattle who demanded a $15 minimum wage for all.") \
        == ["workers"]
    assert "workers" in _speaker("She did support workers in New York, Los Angeles and Seattle who demanded a $15 "
                                 "minimum wage for all of them.")


def test_a_contracted_pronoun_is_the_pronoun_not_a_name():
    q = _rows("Jane Roe spoke at a rally in Ohio.", "She’s predicting she will do very, very well in the state next week.")
    assert q["speaker"].tolist() == ["Jane Roe"]
    assert q["speaker_resolution"].tolist() == ["pronoun"]


def test_an_adjective_or_noun_opening_the_subject_is_part_of_it():
    assert _speaker("Younger black voters, in particular, have expressed misgivings about her record on crime.") \
        == ["Younger black voters"]
    assert _speaker("Exit polls from the primary, which the senator won, showed that most voters had decided late.") \
        == ["Exit polls"]


def test_a_conjunction_is_not_part_of_a_description():
    assert _speaker("The pope spoke on Sunday, yet Vatican officials said the church would not change its teaching.") \
        == ["Vatican officials"]


def test_a_count_in_an_absolute_phrase_after_the_quote_is_no_speaker():
    q = _rows("Mr. Doe was defeated in the caucuses on Monday by Senator Jane Roe of Ohio, who won, 27.6 percent "
              "to 24.3 percent, with 100 percent of precincts reporting.")
    assert "100 percent of precincts" not in q["speaker"].tolist()


def test_footage_of_someone_is_no_name_and_a_title_with_a_place_is_no_person():
    assert [n.name for n in find_names("Footage of Al-Awlaki again appears.")] == ["Al-Awlaki"]
    assert [(n.name, n.type) for n in find_names("Senator Jeff Doe, Republican of Arizona, spoke.")] \
        == [("Jeff Doe", "person")]
    assert [(n.name, n.title, n.type) for n in find_names("Former Arizona governor Jane Roe spoke.")][0] \
        == ("Arizona", "", "")


def test_the_us_states_of_two_words_are_places():
    assert {"New York", "New Hampshire", "South Carolina", "West Virginia", "Rhode Island"} <= place_names()


def test_a_list_of_places_after_a_group_is_no_speaker():
    assert _speaker("Recent polls in Ohio and Virginia have similarly shown that the lead of the senator is eroding.") \
        == ["Recent polls in Ohio and Virginia"]


def test_a_description_opening_a_clause_with_by_speaks():
    assert _speaker("A Chinese official responded by saying Japan should be careful not to interfere in the region.") \
        == ["Chinese official"]


def test_a_noun_phrase_cut_before_its_noun_is_no_speaker():
    q = _rows("Jane Roe unleashed a series of tweets criticizing the pageant winner for gaining weight.")
    assert not any(s.endswith(" of") for s in q["speaker"])


def test_a_title_after_a_quotation_in_double_apostrophes_names_the_person_after_it():
    q = _rows("''That program is at a minimum a failure of our vetting and it will be reviewed,'' the White House "
              "spokesman, John Doe, said on Thursday.")
    assert q["speaker"].tolist() == ["John Doe"]


def test_a_modified_noun_after_an_inverted_verb_and_a_title_after_a_conjunction():
    assert _speaker('"I think politicians are practical people," said the senior Doe adviser.') == ["senior Doe adviser"]
    assert _speaker("When the F.B.I. director, James Roe, said on Tuesday that his inquiry had found no crime, "
                    "the party was furious.") == ["James Roe"]
