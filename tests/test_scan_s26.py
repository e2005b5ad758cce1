"""The gazetteer scan made cheaper, twenty-sixth session: the word-before and company tests run only for one-word
surfaces with a person among their candidates (the only candidates they leave out), and the pattern-found
people are read once per capitalised run. The sentences were written for these tests; the expected values are
read from them (each test also holds for the code before the change: the scan's results did not move)."""

import pytest

from kzlib.actors import default_gazetteer
from kzlib.actors._people import _person_of, _unknown_people


@pytest.fixture(scope="module")
def g():
    return default_gazetteer()


def test_surface_flags_one_word_persons_only(g):
    cands, method, person_word = g._surface("Price")  # a one-word surname of Ned Price
    assert "Ned Price" in cands and person_word
    assert g._surface("Kazakhstan")[2] is False  # a state: no given name or company can take it away
    assert g._surface("Ned Price")[2] is False  # two words: the one-word tests do not apply
    assert g._surface("us") == ((), "", False)  # "they told us": no country in small letters


def test_word_before_and_company_tests_still_leave_persons_out(g):
    # another given name before a one-word surname: someone else ("Tom Price" is not Ned Price)
    assert [m.actor for m in g.scan("Tom Price spoke in Astana.") if m.actor == "Ned Price"] == []
    # a word of a company's name, not the person
    assert [m.actor for m in g.scan("Shares of Price Stern Sloan Inc. fell.") if m.actor == "Ned Price"] == []
    # a state's name after a capitalised word that is no given name, and a surname after a comma, stand
    assert [m.actor for m in g.scan("Visiting Kazakhstan, Price said the talks went well.")] == [
        "Kazakhstan", "Ned Price"]


def test_person_of_a_run_is_person_part_then_plausible_name():
    assert _person_of("Senator Ted Cruz") == (8, "Ted Cruz")  # the title left out: the name starts at 8
    assert _person_of("Las Vegas Sands Corp") == (0, "")  # a company's words: no person
    assert _person_of("NATO Summit") == (0, "")  # a shouted word: no person's name
    text = "The alliance's spokesperson Jane Doe said. Spokesman John Smith agreed."
    assert [name for _, _, name in _unknown_people(text)] == ["Jane Doe", "John Smith"]
    assert [text[s:e] for s, e, _ in _unknown_people(text)] == ["Jane Doe", "John Smith"]
