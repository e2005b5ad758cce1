"""Session 25: the quotes stage's test before the complement search (kzlib.quotes._possessor) changes no speaker."""

from __future__ import annotations

import pytest

from kzlib.quotes._possessor import _COMPLEMENT_BEFORE, _may_end_complement

# (text before a name, whether a person's description ending with a preposition stands right before it)
CASES = [
    ("said a spokeswoman for ", True),
    ("said the former top aide to ", True),
    ("said the former top aide to the ", True),
    ("one of the lawyers of ", True),
    ("talks with ", True),
    ("told reporters ", False),
    ("said ", False),
    ("in the city of Almaty ", False),   # the last word is a name, no preposition
    ("a spokeswoman for", False),        # no blank before the name
    ("the the ", False),
    ("a spokeswoman For ", False),       # the pattern's prepositions are lower case
    ("", False),
]


@pytest.mark.parametrize(("before", "expected"), CASES)
def test_may_end_complement_reads_the_last_words(before: str, expected: bool) -> None:
    text = before + "Jane Roe said"
    assert _may_end_complement(text, 0, len(before)) is expected


@pytest.mark.parametrize(("before", "expected"), CASES)
def test_may_end_complement_never_hides_a_match(before: str, expected: bool) -> None:
    # the test is what the pattern needs: wherever the pattern ends at the name, the test says it may
    text = before + "Jane Roe said"
    m = _COMPLEMENT_BEFORE.search(text, max(0, len(before) - 60), len(before))
    if m is not None and m.end() == len(before):
        assert _may_end_complement(text, 0, len(before))


def test_may_end_complement_window_start() -> None:
    # only the window's words count: a preposition before its start does not
    text = "a spokeswoman for Jane Roe"
    assert not _may_end_complement(text, 18, 18)
    assert _may_end_complement(text, 0, 18)
