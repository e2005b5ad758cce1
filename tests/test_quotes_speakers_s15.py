"""Speaker rules for open-world English news (issue 16, fifteenth session: speaker accuracy). Each test's
sentence was written for it; the expected values are read from the sentence."""


from quote_rows import speech_rows as _rows


def test_a_quotation_inside_its_sentence_belongs_to_the_sentence_subject():
    # the verb after the quotation has its own object clause: "Ohio" is no inverted speaker
    q = _rows("Mr. Lindqvist, recalling ''the long and bitter winter of the strike,'' said the union could still "
              "win the vote in Ohio.")
    d = q[q["kind"] == "direct"]
    assert d["speaker"].tolist() == ["Lindqvist"]


def test_a_participle_after_a_quotation_shares_the_sentence_subject():
    # the name after "telling" is the one told, not the speaker
    q = _rows('The Harbor Fund did not want to discuss "that whole affair," telling Channel 9 that it was '
              'focused on the new season.')
    d = q[q["kind"] == "direct"]
    assert d["speaker"].tolist() == ["Harbor Fund"]


def test_an_inverted_speaker_right_after_the_verb_is_kept():
    q = _rows('Though the rules are strict, "a second loan on the same day is a warning sign," said tax lawyer '
              'Nora Quill.')
    d = q[q["kind"] == "direct"]
    assert d["speaker"].tolist() == ["Nora Quill"]


def test_a_nested_quotation_closing_the_quotation_keeps_its_tag():
    q = _rows("“She kept asking us, ‘What can I do? What kind of help do you need?’” Weller said.")
    assert q["speaker"].tolist() == ["Weller"]
    assert q["kind"].tolist() == ["direct"]


def test_a_tag_after_an_exclamation_may_go_on_with_its_circumstance():
    q = _rows("“The county is proud to cast its votes for the next governor!” Dana Kowalski said as she opened the vote.")
    assert q["speaker"].tolist() == ["Dana Kowalski"]
    assert q["kind"].tolist() == ["direct"]


def test_another_given_name_is_another_person_than_the_gazetteers():
    # the bundled gazetteer lists Ned Price and Wendy Sherman; Tom Price and Mr. Sherman are other people
    q = _rows("Tom Price said the hospital would stay open.", "Mr. Sherman said the school would close.")
    assert q["speaker"].tolist() == ["Tom Price", "Sherman"]
    assert _rows("Ned Price said the embassy would stay open.")["speaker"].tolist() == ["Ned Price"]


def test_a_pronoun_tag_stands_for_the_subject_of_the_quotations_sentence():
    q = _rows("Maria Duncan said the vote had been fair.",
              "Priya Olsen shot back: “As a friend of the mayor,” she wrote, “I know you mean well.”")
    d = q[q["kind"] == "direct"]
    assert set(d["speaker"]) == {"Priya Olsen"}
    assert set(d["speaker_surface"]) == {"she"}


def test_a_participle_opening_the_sentence_is_no_name_but_the_main_subjects():
    q = _rows("Surveying the empty mills of the valley, Noakes concludes: “Nobody did this to them, not one of them.”")
    assert q["speaker"].tolist() == ["Noakes"]
    q = _rows("Shortly after the vote closed, Ellen Varga, the town clerk, proposed a recount of the ballots.",
              "Recalling the flood, Ellen Varga, the town clerk, said the dam had been neglected for years.")
    assert q["speaker"].tolist() == ["Ellen Varga", "Ellen Varga"]
    assert q["quote"].tolist() == ["a recount of the ballots.", "the dam had been neglected for years."]


def test_a_gerund_subject_without_a_name_after_it_is_kept():
    # no name opens a main clause after "Polling": the word stays what it was read as
    q = _rows("Polling shows that the mayor has lost ground in every district.")
    assert q["quote"].tolist() == ["the mayor has lost ground in every district."]


def test_an_unnamed_inverted_speaker_is_the_description_not_a_name_inside_it():
    # the name inside the description's modifiers is not the speaker; nor is the speaker of the paragraph before
    q = _rows("Governor Alma Ruiz spoke at the fair on Sunday.",
              "“The budget will not pass this month,” said a longtime adviser to Ruiz, who asked not to be named.",
              "“Nobody here expects a deal,” said one Vermont Democrat.",
              "“We have seen a growing hostility,” said a Mexican official who was not authorized to speak.")
    d = q[q["kind"] == "direct"]
    assert d["speaker_surface"].tolist() == ["a longtime adviser to Ruiz", "one Vermont Democrat", "a Mexican official"]
    assert d["speaker_resolution"].tolist() == ["description"] * 3


def test_a_name_in_apposition_to_an_unnamed_speaker_is_the_speaker():
    q = _rows("The mill will close in May, said a former spokesman for the Harlow Group, Tobias Wren, who left "
              "the company last year.",
              "“We were never told,” said Harlow's deputy plant manager, Edith Sloane, after the meeting.",
              "Magnus Oyelaran, the inspector general of the water board, has indicated that the audit found "
              "no fraud.")
    assert set(q["speaker"]) == {"Tobias Wren", "Edith Sloane", "Magnus Oyelaran"}


def test_a_name_of_unknown_kind_right_after_the_verb_is_the_inverted_speaker():
    # not the known person named in the apposition after it
    q = _rows("Viktor Orlan lost the election in 2014.",
              "“Nobody argued about the morals of the work,” said Pavel D. Kresnik, a pollster with "
              "Mr. Orlan's former party.")
    d = q[q["kind"] == "direct"]
    assert d["speaker"].tolist() == ["Pavel D. Kresnik"]


def test_a_place_before_a_description_is_no_name_in_apposition():
    q = _rows("In Vermont, a majority of the delegates said the rules were unfair.",
              "During a stop in Onawa, Iowa, a campaign spokesman said the tour would go on.")
    assert not set(q["speaker"]) & {"Vermont", "Iowa", "Onawa"}
