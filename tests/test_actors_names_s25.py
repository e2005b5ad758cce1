"""find_names reuses the names it found in a capitalised run wherever the same run recurs (session 25): the
cached fields are relative to the run, each occurrence gets its own offsets."""

from kzlib.actors import NameSpan, find_names


def test_a_recurring_run_gets_the_offsets_of_each_occurrence():
    text = "Sen. Ted Cruz spoke. Later Sen. Ted Cruz left."
    got = [(n.start, n.end, n.surface, n.name, n.title) for n in find_names(text)]
    # "Sen. Ted Cruz" opens the text (0-13) and recurs after "Later " (27-40); "Later" alone names no one
    assert got == [(0, 13, "Sen. Ted Cruz", "Ted Cruz", "Sen."), (27, 40, "Sen. Ted Cruz", "Ted Cruz", "Sen.")]
    assert all(text[n.start:n.end] == n.surface for n in find_names(text))


def test_two_names_of_one_run_keep_their_own_offsets_and_fields():
    # a full stop that ends a sentence splits one capitalised run into two names
    text = "He met Vladimir Putin. Kassym-Jomart Tokayev's aides were there."
    got = [(n.surface, n.name, n.possessive) for n in find_names(text)]
    assert got == [("Vladimir Putin", "Vladimir Putin", False),
                   ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev", True)]
    assert all(isinstance(n, NameSpan) and text[n.start:n.end] == n.surface for n in find_names(text))
