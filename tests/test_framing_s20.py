"""Framing (review of session 20, sections 10 and 11): words that name others as readily ("terrorists",
"gangs") count as a naming of the people in the streets only where the text names a protest or unrest;
the distinctive words leave out one-letter tokens, honorifics, web addresses, possessive variants, each
compared outlet's own name, photo credits and mojibake. The texts are written for the tests."""

import pandas as pd

from kzlib.framing import fightin_words, naming_families


def _counts(texts: list[str]) -> dict[tuple[str, str], int]:
    df = pd.DataFrame({"text": texts, "group": ["G"] * len(texts)})
    return naming_families(df).set_index(["group", "family"])["count"].to_dict()


def test_terrorists_of_a_war_abroad_are_no_naming_of_the_crowd():
    assert _counts(["ISIS terrorists struck a concert hall in Paris.",
                    "The Gang of Eight wrote the immigration bill.",
                    "Radical ideas about taxes won the primary."]) == {}


def test_terrorists_next_to_a_protest_are_a_naming():
    out = _counts(["Officials called the people at the rally terrorists.",
                   "Gangs of looters roamed the streets after the protest."])
    assert out == {("G", "terrorists"): 1, ("G", "armed groups"): 1, ("G", "rioters"): 1}


def test_protest_words_count_without_an_anchor():
    assert _counts(["Protesters gathered outside the court."]) == {("G", "protesters"): 1}


def _terms(texts: list[str], groups: list[str]) -> set[str]:
    df = pd.DataFrame({"text": texts, "group": groups})
    return set(fightin_words(df, min_count=1)["term"])


def test_style_and_furniture_are_no_distinctive_words():
    a = ("Mr. Jones met Mrs. Lee at 9 a.m. and John Q. Public at 5 p.m. Ms. Ray saw it. "
         "Read more at https://www.example.com/story and on Daily Planet. Photo: Getty Images. "
         "Jones's plan, Jones' plan and Jones plan. GÃ1 spoke. The Daily Planet reported.")
    b = "Senators debated the budget plan for hours. Jones voted against the budget. Lee agreed."
    terms = _terms([a, b], ["daily-planet", "other-paper"])
    assert not {t for t in terms if len(t) == 1}                   # a.m., p.m., Q.
    assert not {"mr", "mrs", "ms"} & terms                         # honorifics
    assert not {"https", "http", "www", "example", "com"} & terms  # the web address
    assert not {"getty", "images"} & terms                         # the credit
    assert not {"daily", "planet"} & terms                         # the outlet's own name
    assert not {t for t in terms if "ã" in t or "Ã" in t}         # mojibake
    assert "jones" in terms and not {"jones's", "jones'"} & terms  # possessives folded


def test_initials_of_an_outlet_name_its_title():
    a = "The New York Times reported the vote. The New York Times said more."
    b = "The vote was reported. Others said less about the vote."
    assert not {"new", "york", "times"} & _terms([a, b], ["nyt", "other"])
