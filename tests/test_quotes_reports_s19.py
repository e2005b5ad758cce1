"""Phrases after a verb of saying that are not what was said (nineteenth session, found on the crisis's English
coverage: "authorities said on Saturday, after days of deadly protests ..." reported the protests, "called in
Russian-led forces" was speech). The sentences are written for the tests."""

from quote_rows import speech_rows as _rows


def _rows_of(q) -> list[list[str]]:
    return q[["speaker", "cue", "quote"]].values.tolist()


def test_an_adverbial_phrase_after_an_inverted_attribution_is_not_the_report():
    q = _rows("The former mayor has been detained on suspicion of fraud, the prosecutors said on Saturday, after "
              "weeks of protests across the region.")
    assert _rows_of(q) == [["prosecutors", "said", "The former mayor has been detained on suspicion of fraud"]]
    q = _rows("The plant has been closed for good, the company said, as the region struggles with falling demand.")
    assert _rows_of(q) == [["company", "said", "The plant has been closed for good"]]


def test_a_phrase_of_place_or_time_after_a_quotations_tag_is_no_second_report():
    q = _rows("“The operation goes on,” Okafor said on Friday in a televised address to the nation.")
    assert _rows_of(q) == [["Okafor", "said", "The operation goes on,"]]
    # a clause after the tag's adjunct is still reported
    q = _rows("“We are ready,” Okafor said. She also said at the rally that the strike would go on.")
    assert ["Okafor", "said", "the strike would go on."] in _rows_of(q)


def test_call_in_up_or_off_is_a_summons_not_speech():
    assert _rows("The governor called in the National Guard from three states.").empty
    assert _rows("Okafor called off the strike on Monday.").empty
    q = _rows("The governor called the strike a disgrace.")
    assert _rows_of(q) == [["governor", "called", "the strike a disgrace."]]


def test_found_somewhere_and_plural_nouns_of_saying_are_no_reports():
    assert _rows("The boy, found on an inner tube off the coast, became a symbol of the dispute.").empty
    assert _rows("Initial cost estimates for the plant rose sharply last year.").empty
    q = _rows("Two analysts found in 2014 that the air force was the best in the region.")
    assert _rows_of(q) == [["two analysts", "found", "the air force was the best in the region."]]
