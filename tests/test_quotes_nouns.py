"""Attributions by speech and attitude nouns (issue 16, fourteenth session, second round): the noun's possessor
is the source, its complement the content. Each test's sentence was written for it; the expected values are read
from the sentence."""


from quote_rows import speech_rows as _rows


def test_a_named_possessors_calls_for_something():
    q = _rows("The crowd grew quiet after Mayor Jane Roe's calls for a curfew in the old town.")
    assert q["quote"].tolist() == ["a curfew in the old town"]
    assert q["speaker"].tolist() == ["Jane Roe"]
    assert q["cue"].tolist() == ["calls for"]


def test_a_pronoun_possessor_is_resolved_and_the_object_ends_at_a_verb():
    q = _rows("Senator Mark Doe spoke at the rally on Monday.",
              "Reporters noticed that his criticism of the new tariffs was milder than before.")
    row = q[q["cue"] == "criticism of"]
    assert row["quote"].tolist() == ["the new tariffs"]
    assert row["speaker"].tolist() == ["Mark Doe"]
    assert row["speaker_resolution"].tolist() == ["pronoun"]


def test_a_claim_that_takes_the_clause():
    q = _rows("Voters shrugged at the governor's repeated claim that the bridge would open in May.")
    assert q["quote"].tolist() == ["the bridge would open in May"]
    assert q["speaker_surface"].tolist() == ["the governor"]


def test_a_noun_without_its_complement_or_possessor_is_no_attribution():
    assert _rows("The claim that the bridge would open in May was false.").empty  # no source named
    assert _rows("Mark Doe's calls were short.").empty  # no complement
    assert _rows("Last year's support for the measure faded quickly.").empty  # a time is no speaker


def test_a_noun_inside_a_reported_clause_is_not_a_second_row():
    q = _rows("Jane Roe said Mark Doe's support for the levy had surprised her.")
    assert q["quote"].tolist() == ["Mark Doe's support for the levy had surprised her."]


def test_a_verb_cue_after_a_possessor_is_a_noun():
    # "repeated" and "claim" are cue verbs; after "the governor's" they are a modifier and a noun: the governor
    # speaks, not "Voters shrugged at the governor's"
    q = _rows("Voters shrugged at the governor's repeated claim that the bridge would open in May.")
    assert q["cue"].tolist() == ["claim that"]
    assert q["speaker_surface"].tolist() == ["the governor"]
    # "he's said" is a verb (has said)
    assert _rows("Mark Doe spoke.", "He's said the bridge would open in May.")["cue"].tolist() == ["said"]


def test_a_question_put_by_no_one_named_is_an_attribution_without_speaker():
    q = _rows("When asked whether the plant would close, Jane Roe said the board had not decided.")
    assert q["quote"].tolist() == ["whether the plant would close", "the board had not decided."]
    assert q["speaker"].tolist() == ["", "Jane Roe"]
    q = _rows("Asked about the new plant, Jane Roe smiled.")
    assert q["quote"].tolist() == ["the new plant"]
    # no comma before a main clause: not an opening question
    assert _rows("Asked whether the plant would close the mayor shrugged.").empty


def test_the_one_asked_is_no_speaker():
    q = _rows("Jane Roe was asked whether the plant would close.")
    assert q["quote"].tolist() == ["whether the plant would close."]
    assert q["speaker"].tolist() == [""]
    assert _rows("Jane Roe asked whether the plant would close.")["speaker"].tolist() == ["Jane Roe"]


def test_a_time_is_no_possessor_and_a_description_does_not_cross_a_verb():
    # review of the fourteenth session: "Monday's announcement" is the day's, not a speaker "Monday"
    assert _rows("Monday's announcement that the plant would close surprised the workers.").empty
    # "his critics' calls": "calls" is a noun here (a plural possessor before it), and no speaker
    # "The mayor ignored his critics'" is read across the verb "ignored"
    q = _rows("The mayor ignored his critics' calls for a recount of the votes.")
    assert not q["speaker_surface"].str.contains("ignored").any()
