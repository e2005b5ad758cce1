"""Gazetteer.scan keeps each text's spans (twenty-third session, a speed change): only what depends on the text
is kept; the resolution still follows the context, the date and ``skip`` of each call. Sentences written for the
tests."""

from kzlib.actors import Gazetteer


def _scan(g: Gazetteer, text: str, **kw) -> list[tuple[str, str]]:
    return [(m.surface, m.actor) for m in g.scan(text, **kw)]


def test_the_same_text_scanned_again_is_resolved_in_each_calls_own_context():
    g = Gazetteer.from_yaml()
    t = "The Secretary met Price in Almaty."
    unnamed = [("The Secretary", ""), ("Price", "Ned Price")]
    named = [("The Secretary", "Antony Blinken"), ("Price", "Ned Price")]
    assert _scan(g, t, unknown=False) == unnamed  # no secretary named before: the title names no one
    assert _scan(g, t, context=["Antony Blinken"], unknown=False) == named
    assert _scan(g, t, unknown=False) == unnamed  # the second call's context is not kept
    assert _scan(g, t, context=["Antony Blinken"]) == named  # unknown=True: its own spans, the same here


def test_the_same_text_scanned_again_keeps_each_calls_date_and_skip():
    g = Gazetteer.from_yaml()
    t = "The Secretary met Tokayev."
    # in 2010 Blinken held no secretary's office: the title resolves to no one
    assert _scan(g, t, context=["Antony Blinken"], date="2010-01-01")[0] == ("The Secretary", "")
    assert _scan(g, t, context=["Antony Blinken"], date="2022-01-05")[0] == ("The Secretary", "Antony Blinken")
    skip = bytearray(len(t))
    skip[:13] = b"\x01" * 13  # the title left out, the name after it kept
    assert _scan(g, t, context=["Antony Blinken"], skip=skip) == [("Tokayev", "Kassym-Jomart Tokayev")]
    assert len(_scan(g, t, context=["Antony Blinken"])) == 2
    found = g.scan(t)
    found.clear()  # a caller's list is its own
    assert len(g.scan(t)) == 2
