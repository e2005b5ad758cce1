"""Session 25: the clean stage made cheaper with the same tables (sign-offs tried only on a paragraph holding
one of their words; Punkt token types worked out once per distinct token)."""

from __future__ import annotations

import random
import re

import kzlib
from kzlib.clean._lines import _FOLDS_TO_ASCII, _may_hold
from kzlib.clean.paragraphs import _furniture


def test_only_the_listed_characters_match_an_ascii_letter_without_lower_casing_to_it():
    """_may_hold's lower-case test is safe because re.IGNORECASE matches an ASCII letter to its two cases
    and to _FOLDS_TO_ASCII only (İ, ı, ſ and the Kelvin sign), searched over every code point."""
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    extra = set()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        extra |= set(re.findall(letter, every, re.IGNORECASE)) - {letter, letter.upper()}
    assert extra == set(_FOLDS_TO_ASCII)


def test_every_signoff_row_says_what_it_needs():
    needs = _furniture().signoff_needs
    assert needs == ("follow", "contributing", "additional reporting by", "copyright", "©")


def test_a_paragraph_without_the_words_is_no_signoff_and_one_with_them_may_be():
    needs = _furniture().signoff_needs
    assert not _may_hold("The minister left Almaty on Friday.", needs)
    assert _may_hold("FOLLOW Jane Roe on Twitter @janeroe.", needs)
    assert _may_hold("Text © 2022 Example News.", needs)
    # a dotless or dotted capital i matches "i" under re.IGNORECASE: such a text is always tried
    assert _may_hold("Contrıbuting: Ann Lee.", needs)
    assert _may_hold("Nothing İn it.", needs)
    assert _may_hold("Anything at all.", None)


def test_the_word_test_never_turns_away_a_signoff():
    """Random paragraphs made of the sign-offs' words in several cases, look-alike letters and other text:
    each the sign-off patterns match passes the word test."""
    fur = _furniture()
    pieces = ["Follow", "FOLLOW", "foll", "ow", " him", " on", " Twitter", " @x", " https://x.kz", "Copyright",
              "COPYRİGHT", "copyrıght", " ©", " (c)", " 2015", "Contributing", "contrıbuting", " reporters", ":",
              "Additional reporting by", " Ann Lee", ". ", "! ", "“", "”", " ", "ſ", "\u212a", "text"]
    rng = random.Random(0)
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        if fur.signoffs.match(text):
            matched += 1
            assert _may_hold(text, fur.signoff_needs), text
    assert matched > 100


def test_signoffs_are_still_found():
    paras = ["Tokayev lifts the state of emergency", "The president lifted the state of emergency on Wednesday.",
             "Jane Roe is a reporter for Example News. Follow her on Twitter @janeroe.",
             "CONTRİBUTING: Ann Lee.",
             "From Steppe Roads by Ann Lee. Copyright © 2015 by Ann Lee. Reprinted courtesy of Example Press."]
    table = kzlib.classify_paragraphs(paras)
    assert table["kind"].tolist() == ["title", "body", "boilerplate", "boilerplate", "boilerplate"]
    assert all(r.startswith("a sign-off") for r in table["reason"][2:])


def test_a_paragraph_key_is_its_lower_cased_words_joined_by_one_space():
    """_key (str.translate and str.split for ASCII text) is the key _classify always used: the lower-cased text
    with each run of non-word characters made one space, stripped; on sentences written here, on every ASCII
    character and on random strings of ASCII and other characters."""
    from kzlib.clean.paragraphs import _NON_WORD, _key

    assert _key("Tokayev: “Order is restored” (Jan. 7)") == "tokayev order is restored jan 7"
    assert _key("  Read more >>  ") == "read more"
    assert _key("x_y 3,5\tÉTÉ\x1c!") == "x_y 3 5 été"
    assert _key("") == "" and _key(" -- ") == ""
    rng = random.Random(0)
    alphabet = [chr(i) for i in range(128)] + ["é", "İ", "Σ", "\u00a0", "’"]
    texts = [chr(i) for i in range(128)]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(50000)]
    for text in texts:
        assert _key(text) == _NON_WORD.sub(" ", text.lower()).strip(), repr(text)
