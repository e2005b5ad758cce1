"""A naming verb's quoted complement is the speaker's partial quotation (nineteenth session): 'Tokayev called the
protesters "terrorists"' quotes Tokayev's word, as the same sentence without the marks reports it. The sentences
are written for the tests."""

from quote_rows import speech_rows as _rows


def test_a_quoted_complement_of_a_naming_verb_is_reported_as_without_the_marks():
    plain = _rows("The president called the protesters bandits and terrorists.")
    marked = _rows('The president called the protesters "bandits and terrorists".')
    assert plain[["speaker", "cue"]].values.tolist() == [["president", "called"]]
    assert marked[["speaker", "cue", "quote"]].values.tolist() == [
        ["president", "called", 'the protesters "bandits and terrorists".']]
    q = _rows("The ministry described the protests as “a terrorist attack”.")
    assert q[["speaker", "cue", "quote"]].values.tolist() == [
        ["ministry", "described", "the protests as “a terrorist attack”."]]


def test_the_naming_ends_where_the_subject_does_something_else():
    q = _rows("Okafor called the election “a citizenship election” and likened it to the campaigns of the sixties.")
    assert q[["speaker", "cue", "quote"]].values.tolist() == [
        ["Okafor", "called", "the election “a citizenship election”"]]
    # a second quoted complement is still the naming; a verb of saying keeps its whole clause
    q = _rows('Okafor called the plan "reckless" and "cruel" in a long speech.')
    assert q["quote"].tolist() == ['the plan "reckless" and "cruel" in a long speech.']
    q = _rows('Okafor said the plan was "reckless" and vowed to fight it.')
    assert q["quote"].tolist() == ['the plan was "reckless" and vowed to fight it.']
