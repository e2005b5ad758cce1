"""Session 25: the tense rule made cheaper (a trie of the past forms, the nearest markers looked at first, a
weekday's tense read once); the same answers as before."""

from __future__ import annotations

from kzlib.timeline._tense import _markers, _tense, _weekday_tense


def _at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_past_forms_are_whole_words_of_the_list_or_in_ed():
    text = "Officials said the troops left, the plan was approved, but unnamed sources fled and won't return."
    found = [(word, kind) for _, _, kind, word in _markers(text, 0, len(text))]
    # "unnamed" is an adjective (no "un...ed"), "sources" and "return" no marker, "won't" a future, "plan" no
    # form of the list ("plans to" is)
    assert found == [("said", "past"), ("left", "past"), ("was", "past"), ("approved", "past"), ("fled", "past"),
                     ("won't", "future")]


def test_a_form_inside_a_longer_word_is_no_marker():
    text = "The saidian wasp and the held-over items, the ledger."
    # "saidian" and "ledger" hold a form but are other words; "held" before a hyphen is a word of its own
    assert [word for _, _, _, word in _markers(text, 0, len(text))] == ["held"]


def test_the_nearest_marker_decides():
    before = "Troops left on Friday and will return."
    after = "Troops will return on Friday after they left."
    assert _tense(before, *_at(before, "Friday")) == "past"  # "left" 4 characters away, "will" 5
    assert _tense(after, *_at(after, "Friday")) == "future"  # "will" 11 away, "left" 12


def test_of_two_markers_as_near_the_one_before_decides():
    text = "Troops left on Friday or will soon."
    assert _tense(text, *_at(text, "Friday")) == "past"  # "left" and "will" both 4 characters away


def test_the_own_clause_marker_before_a_nearer_one_across_a_clause_word():
    text = "Officials said that on Friday the troops will leave."
    span = _at(text, "Friday")
    assert _tense(text, *span) == "past"  # "said" is 9 characters away, "will" 12
    assert _tense(text, *span, clause=True) == "future"  # "that" ends the clause of "said"
    assert _tense(text, *span, clause=True, own_only=True) == "future"


def test_no_own_clause_marker_falls_back_to_the_nearest_unless_own_only():
    text = "Officials said that on Friday, troops."
    span = _at(text, "Friday")
    assert _tense(text, *span, clause=True) == "past"
    assert _tense(text, *span, clause=True, own_only=True) == ""


def test_a_weekday_tense_asked_twice_is_the_same():
    text = "Tokayev said on Wednesday that the troops will leave."
    span = _at(text, "Wednesday")
    assert _weekday_tense(text, *span) == _weekday_tense(text, *span) == "past"
