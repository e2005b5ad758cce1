"""Speaker rules for open-world English news (issue 16, eighteenth session): opening words that are no names, and
the subject after an opening phrase of place. Each test's sentence was written for it; the expected values are
read from the sentence."""

from quote_rows import speech_rows as _rows

from kzlib.quotes._capitals import _inner_capitals


def _row(q, cue: str) -> tuple[list[str], list[str]]:
    sel = q[q["cue"] == cue]
    return sel["speaker"].tolist(), sel["quote"].tolist()


def test_the_capitals_a_document_writes_inside_its_sentences():
    caps = _inner_capitals(["Minutes later, the council met Okafor. Okafor left.", "Mayor Defends Budget Plan Again"])
    assert "Okafor" in caps  # inside the first sentence
    assert "Minutes" not in caps  # only ever a sentence's first word
    assert "Budget" not in caps  # a headline in title case is no evidence


def test_an_opening_word_the_document_never_capitalises_inside_a_sentence_is_no_speaker():
    q = _rows('Hours later, Okafor returned the compliment, telling reporters, "We have been friends for years."')
    assert _row(q, "telling")[0] == ["Okafor"]
    q = _rows('Back in 2009, Ms. Okafor praised the plan, telling the radio station: "It is the best we have."')
    assert _row(q, "telling")[0] == ["Okafor"]
    q = _rows("Amid the protests, the minister published a letter, saying the curfew would end soon.")
    assert "Amid" not in q["speaker"].tolist()


def test_an_opening_word_that_starts_the_subject_still_speaks():
    # a plural noun opening the subject, with or without a prepositional phrase, is the group that speaks
    q = _rows("Respondents said the water supply had improved.")
    assert _row(q, "said")[0] == ["respondents"]
    q = _rows("Farmers in the valley are quietly saying that the harvest will be poor.")
    assert _row(q, "saying")[0] != [""]
    # a surname before its apposition stays a name
    q = _rows("Adeyemi, the union's lawyer, said the strike would go on.")
    assert _row(q, "said")[0] == ["Adeyemi"]


def test_a_state_after_an_opening_place_is_no_speaker():
    q = _rows("At a rally in Ames, Iowa, on Sunday, Ms. Okafor defended her plan, saying that the tax would fall.")
    assert _row(q, "saying")[0] == ["Okafor"]
    q = _rows('Speaking at a town hall in Salem, New Hampshire, Okafor went after Mensah, calling him "a quitter."')
    assert _row(q, "calling")[0] == ["Okafor"]


def test_a_finite_verb_after_an_interrupting_phrase_keeps_the_name_before_it():
    # the participle rule above does not move a finite verb's subject: Mensah, not Okafor, cited the remarks
    q = _rows("Okafor has been attacking the judge since Mensah, at Monday's hearing, cited remarks Okafor had made "
              "about the court.")
    assert _row(q, "cited")[0] == ["Mensah"]


def test_a_participle_after_an_opening_phrase_is_the_main_clauses_subjects():
    q = _rows("In the days after the flood, Okafor has tried to look decisive, suggesting that he would rebuild "
              "every bridge.")
    assert _row(q, "suggesting")[0] == ["Okafor"]
    q = _rows("In May, a district judge sided with the farmers, saying the levy broke the constitution.")
    sel = q[q["cue"] == "saying"]
    assert sel["speaker_surface"].tolist() == ["a district judge"]  # the opening phrase is no part of the speaker


def test_a_cue_word_used_as_adjective_or_noun_reports_nothing():
    # each sentence's verb of saying is an adjective or a noun; none reports speech
    for sentence in ["The most telling promise the mayor has made is that she will not overpromise.",
                     "Her lawyers relied on articles from noted legal scholars to defend the view that he is eligible.",
                     "The report gave the example of the senator's poor showing with young voters.",
                     "The accord relies on a series of individual pledges from countries to do as much as possible."]:
        assert _rows(sentence).empty, sentence
    q = _rows("Making the rounds on the Sunday morning shows, Okafor said he was facing scrutiny.")
    assert _row(q, "said") == (["Okafor"], ["he was facing scrutiny."])
    # the same words as verbs still report
    q = _rows("Most said they would vote for the mayor.")
    assert _row(q, "said") == (["most"], ["they would vote for the mayor."])
    q = _rows("The minister has noted that the budget is balanced.")
    assert _row(q, "noted")[1] == ["the budget is balanced."]


def test_a_quotations_tag_with_an_irregular_verb_or_a_long_addressee():
    q = _rows("“They are all here for the free buses,” Mensah shot back with a laugh.")
    assert q["speaker"].tolist() == ["Mensah"]
    q = _rows("“You know, it happens, right?” Okafor went on, as if he had not heard her.")
    assert q["speaker"].tolist() == ["Okafor"]
    # the one asked may be a longer description: the tag is still a sentence of its own
    q = _rows("The host pressed the mayor on the tweet. “Did you know who wrote it?” Mensah asked the former banker.")
    assert q["speaker"].tolist() == ["Mensah"]
