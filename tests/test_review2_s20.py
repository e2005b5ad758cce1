"""Regressions a second review of the session's changes found (PolNeAR re-run); sentences written for the tests."""

from quote_rows import all_rows as _q


def test_the_agency_is_the_agency_named_last_whatever_its_letters():
    q = _q("The CIA had briefed senators in May.",
           "The FBI confirmed on Friday that it had opened an inquiry.",
           "The agency declined to say who had asked for it, but said the review would be quick.")
    assert set(q.loc[q["quote"].str.contains("review"), "speaker"]) == {"FBI"}


def test_a_quotation_after_a_title_keeps_the_tag_the_title_took():
    q = _q('Mary Major, a historian, put it this way in "The Long Road Home," "Nobody expected the war to last."')
    direct = q[q["kind"] == "direct"]
    assert direct["quote"].tolist() == ["Nobody expected the war to last."]
    assert direct["speaker"].tolist() == ["Mary Major"]


def test_they_is_no_state_named_in_passing():
    q = _q("Exports to China fell sharply in March.", "They said the figures were weak.")
    assert q["speaker"].tolist() == [""]
    assert q["speaker_resolution"].tolist() == ["unresolved"]


def test_a_relative_clauses_act_does_not_swallow_the_report():
    q = _q("Mary Major, who backs John Doe, visited the mayor on Sunday, saying the budget had been wasted.")
    assert q.loc[q["kind"] == "act", "quote"].tolist() == ["John Doe"]
    assert q.loc[q["kind"] == "indirect", "quote"].tolist() == ["the budget had been wasted."]
    assert set(q["speaker"]) == {"Mary Major"}
