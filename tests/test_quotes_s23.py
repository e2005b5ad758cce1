"""Twenty-third session (speed, same tables): the object test before a name answers without its search where the
word before can end no match; the plain and the archive convention pair straight and typographic marks alike.
Sentences written for the tests."""

from kzlib.quotes.marks import _quote_spans
from kzlib.quotes.mentions import _OBJECT_BEFORE, _object_before


def _searched(text: str, start: int) -> bool:
    """The object test as its pattern alone gives it (searched in the 80 characters before ``start``)."""
    lo = max(0, start - 80)
    return start > lo and text[start - 1].isspace() and _OBJECT_BEFORE.search(text, lo, start) is not None


def test_a_word_that_ends_with_a_mark_before_a_name_makes_no_object():
    t = "The talks stalled. Putin left the city, Roe said. Tokayev met (with Roe. She thanked “the Roe family."
    assert not _object_before(t, t.index("Putin"))  # "stalled." ends a sentence
    assert not _object_before(t, t.index("Roe"))  # "city,": a comma
    assert _object_before(t, t.index("Roe. She"))  # "(with": a bracket before the preposition
    assert not _object_before(t, t.index("Roe family"))  # '“the': a mark before "the" opens no object
    for name in ("Putin", "Roe", "Roe. She", "Roe family", "Tokayev"):
        assert _object_before(t, t.index(name)) == _searched(t, t.index(name))


def test_the_object_pattern_is_found_up_to_six_words_before_the_name_and_no_further():
    t = "He spoke with the New York Times Washington Bureau Chief Jane Roe."
    assert _object_before(t, t.index("Bureau"))  # "with" and five words ("the" and four capitalised)
    assert not _object_before(t, t.index("Chief"))  # "with" and six words: too far
    u = "He spoke, according to The Times, to Roe and to the US State Department Office Chief Jane Doe."
    assert not _object_before(u, u.index("The Times"))  # "according to": no object
    assert _object_before(u, u.index("Roe"))
    for v, name in ((t, "Bureau"), (t, "Chief"), (t, "Jane"), (u, "The Times"), (u, "Roe"), (u, "Office"), (u, "Chief")):
        assert _object_before(v, v.index(name)) == _searched(v, v.index(name)), name


def _quoted(text: str, archive: bool) -> list[str]:
    return [text[s.start:s.end] for s in _quote_spans(text, archive)]


def test_straight_and_curly_marks_pair_alike_in_both_conventions():
    t = 'He said "we won" and “they lost,” the 6" pipe aside.'
    assert _quoted(t, False) == _quoted(t, True) == ["we won", "they lost,"]
    u = "``Roe said “no” to us,'' she wrote, \"twice.\""
    assert _quoted(u, True) == ["Roe said “no” to us,", "twice."]  # the curly pair nested in the archive's own
    assert _quoted("A stray” mark, then “an open one", False) == ["an open one"]
    assert _quoted("A stray” mark, then “an open one", True) == ["an open one"]
