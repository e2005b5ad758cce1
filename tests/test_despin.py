"""kzlib.despin: how the phrase table is searched.

The table's phrases are found by a case-sensitive trie of ``[xX]`` classes where the text allows it
and by the case-insensitive alternation elsewhere; both must find the same phrases. Expected spans come
from reading the texts against the rules of ``re`` (longest phrase first, word boundaries at both ends,
any whitespace between words, Unicode case-insensitive matching).
"""

from __future__ import annotations

import re
import sys

import pandas as pd

from kzlib.despin import despin
from kzlib.provenance.spin import _ASCII_CASE_TWINS, _compile

_TABLE = pd.DataFrame({
    "spun": ["safety", "Collective Safety Treaty", "collective safety treaty group", "1000's", "navy",
             "chilly battle"],
    "original": ["security", "Collective Security Treaty", "collective security treaty organization",
                 "thousands", "military", "cold war"],
    "scope": ["always"] * 6,
})


def _spans(text: str) -> list[tuple[int, int]]:
    return _compile(_TABLE).spans(text)


def _case_insensitive(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _compile(_TABLE).pattern.finditer(text)]


def test_case_twins_are_the_characters_ignorecase_equates_with_ascii_letters():
    others = "".join(chr(i) for i in range(0x80, sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    assert set(re.findall("(?i)[a-z]", others)) == set(_ASCII_CASE_TWINS.pattern[1:-1])


def test_the_longest_phrase_that_ends_a_word_is_found_in_any_case_and_spacing():
    text = ("The Collective  Safety\nTreaty Groups met; the COLLECTIVE SAFETY TREATY GROUP; safety-first, "
            "1000's of navy's navy. Chilly battles")
    first = text.index("Collective")
    group = text.index("COLLECTIVE")
    expected = [
        (first, text.index("Treaty") + len("Treaty")),          # "... Group" + "s" is no phrase
        (group, group + len("COLLECTIVE SAFETY TREATY GROUP")),
        (text.index("safety-"), text.index("safety-") + 6),     # a hyphen ends a word
        (text.index("1000's"), text.index("1000's") + 6),
        (text.index("navy's"), text.index("navy's") + 4),       # an apostrophe ends a word too
        (text.index("navy."), text.index("navy.") + 4),
    ]                                                           # "Chilly battles": no phrase
    assert _spans(text) == expected
    assert _case_insensitive(text) == expected


def test_a_case_twin_in_the_text_is_matched_as_its_ascii_letter():
    # re.IGNORECASE matches the long s (U+017F) to "s" and the Kelvin sign (U+212A) to "k"
    assert _spans("the \u017fafety net") == [(4, 10)]
    assert _spans("a \u212a-navy") == [(4, 8)]
    assert _spans("a \u212a-navy") == _case_insensitive("a \u212a-navy")


def test_fast_search_equals_the_case_insensitive_alternation_on_the_bundled_table():
    compiled = _compile(None)
    words = sorted({w for k in compiled.rows for w in k.split(" ")})
    rng_text = []
    for i, w in enumerate(words):       # every word of the table, in three cases, glued or spaced
        rng_text.append(w.upper() if i % 3 == 0 else w.title() if i % 3 == 1 else w)
        rng_text.append(" " if i % 4 else ("s " if i % 8 else "\n  "))
    text = "".join(rng_text)
    assert compiled._fast is not None
    assert compiled.spans(text) == [m.span() for m in compiled.pattern.finditer(text)]
    assert len(compiled.spans(text)) > 50


def test_despin_repairs_a_phrase_split_over_lines_and_keeps_its_case():
    # case "any": the replacement takes the case of the found phrase's first letter (or all capitals);
    # spun=True: since session 20 no row applies to a text not judged spun (one phrase is no evidence)
    assert despin("The Collective Safety Treaty\nGroup met.", table=_TABLE, spun=True) == \
        "The Collective security treaty organization met."
    assert despin("NAVY bases", table=_TABLE, spun=True) == "MILITARY bases"
