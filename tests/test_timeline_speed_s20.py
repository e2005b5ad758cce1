"""Timeline, twentieth session (speed): the sentence-end pattern rewritten to open with its mark finds the ends
it found before. The text was written for this test; the expected places are read from it."""

from kzlib.timeline._tense import _SENT_L, _sentence

_TEXT = 'Mr. Smith met John Q. Public. He left at 4 a.m. EDT Thursday! "We go," he said.\nThe U.S. Putin spoke.'


def test_sentence_ends_are_marks_before_a_capital_not_titles_initials_or_time_zones():
    ends = [m.end() for m in _SENT_L.finditer(_TEXT)]
    starts = [_TEXT[e:e + 3] for e in ends]
    # after "Public." and "Thursday!", the new line, and "U.S." (an initial after a small word ends no sentence,
    # but "U.S." does); not after "Mr.", "Q." (a middle initial) or "a.m." before a time zone
    assert starts == ["He ", '"We', "The", "Put"]


def test_the_sentence_of_an_expression_runs_from_the_last_end_before_it():
    at = _TEXT.index("Thursday")
    s, e = _sentence(_TEXT, at, at + len("Thursday"))
    assert _TEXT[s:e] == "He left at 4 a.m. EDT Thursday!"
