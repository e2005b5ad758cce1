"""Quotes stage, twenty-first session (speed, same tables): each cheap test put before a regular expression answers
as the expression does. The sentences were written for these tests; the expected values are read from them, and
the random texts are compared with the expression itself."""

import random

from kzlib.actors.gazetteer import _WORD_BEFORE, _capital_before
from kzlib.quotes._capitals import _InnerCapitals, _running_text
from kzlib.quotes.mentions import _OBJECT_BEFORE, _object_before

#: Words to build random texts from: verbs and prepositions of ``_OBJECT_BEFORE``, small words, capitalised words,
#: initials and punctuation glued to words.
_PIECES = ["met", "told", "to", "with", "for", "on", "the", "The", "a", "said", "Roe", "Jane", "F.", "U.S.", "Senate",
           "(with", "A.with", "onto", "Xwith", "according", "According", "reporters.", "Tuesday.", "Roe,", "’to", "-",
           "2022", "Доу", "Émile", "о", "\n", "\t", "  "]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def test_a_name_after_a_verb_or_preposition_and_titles_is_an_object():
    text = "Tokayev met with Russian President Vladimir Putin, said Roe."
    assert _object_before(text, text.index("Russian"))  # "met with": the words between are capitalised
    assert not _object_before(text, text.index("Roe"))  # "said Roe": a subject
    text = "She spoke to the Senate Foreign Relations Committee on Tuesday."
    assert _object_before(text, text.index("Senate"))  # "to the"
    text = "According to Roe, the talks failed."
    assert not _object_before(text, text.index("Roe"))  # "according to" introduces a source
    text = "Roe thanked reporters. Doe left."
    assert not _object_before(text, text.index("Doe"))  # "reporters." is neither a verb nor capitalised
    text = "The talks failed on Tuesday. Roe left."
    assert _object_before(text, text.index("Roe"))  # (the pattern reads "Tuesday." as a capitalised word: as before)
    text = "He turned onto Main Street"
    assert not _object_before(text, text.index("Main"))  # "onto": "to" inside another word


def test_the_object_test_answers_as_its_pattern_on_random_texts():
    for text in _random_texts(4000, seed=21):
        for start in range(len(text) + 1):
            expected = _OBJECT_BEFORE.search(text, max(0, start - 80), start) is not None and start > 0
            assert _object_before(text, start) == expected, (text, start)


def test_the_capital_before_a_name_is_looked_for_only_where_one_may_stand():
    assert not _capital_before("said Putin", 5)
    assert _capital_before("Vladimir Putin", 9)
    assert _capital_before("Robert M. Price", 10)  # middle initial
    assert _capital_before("Алексей Навальный", 8)  # not ASCII: the pattern decides
    assert not _capital_before("", 0) and not _capital_before("   Putin", 3)


def test_the_capital_test_never_hides_a_match_of_its_pattern():
    for text in _random_texts(4000, seed=22):
        for at in range(len(text) + 1):
            if _WORD_BEFORE.search(text, max(0, at - 40), at) is not None:
                assert _capital_before(text, at), (text, at)


def test_inner_capitals_read_each_paragraph_alone():
    caps = _InnerCapitals(["the talks ended with Roe", "Left early. Okafor met the envoy.", "the envoy met Doe"])
    assert "Roe" in caps  # the last word of a paragraph, inside its sentence
    assert "Left" not in caps  # a paragraph's first word (not a word after "Roe" and the newline joining them)
    assert "Okafor" not in caps  # after a sentence's end
    assert "Doe" in caps  # in the last paragraph
    assert "Roe\nLeft" not in caps  # no word holds a newline


def test_running_text_counts_words_as_the_split_did():
    rng = random.Random(23)
    for _ in range(3000):
        text = "".join(rng.choice("Ab c’-_1'. Éé\t") for _ in range(rng.randint(0, 30)))
        runs = text.replace("’", "").encode("ascii", "replace").translate(
            bytes(65 if 65 <= c <= 90 else 97 if 97 <= c <= 122 else 32 for c in range(256)), b"0123456789_'-")
        n, capitals = len(runs.split()), sum(w[:1] == b"A" for w in runs.split())
        if text.isascii():
            assert _running_text(text) == (n > 0 and capitals * 2 <= n), text


def test_the_adjunct_before_a_verb_is_found_after_the_last_character_it_cannot_hold():
    from kzlib.quotes.subject import _SUBJ_ADJUNCT_LOWER, _adjunct_search

    text = "Roe’s aide, who spoke Tuesday, has also repeatedly said"
    m = _adjunct_search(text, 0, text.index(" said"))
    assert m is not None and text[m.start():m.end()] == " Tuesday, has also repeatedly"  # adjuncts, back to "spoke"
    text = "The U.S. envoy has"
    assert text[_adjunct_search(text, 0, len(text)).start():] == " has"
    rng = random.Random(24)
    pieces = ["has", "also", "on", "Monday", "in", "a", "statement", "op-ed", "quickly", "Kelly", "Roe’s", "U.S.",
              "(", ",", "two", "days", "ago", "—", "\u00a0", "the", "envoy", "said", "3", "weeks"]
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for lo in (0, len(text) // 3):
            m = _adjunct_search(text, lo, len(text))
            whole = _SUBJ_ADJUNCT_LOWER.search(text.lower()[lo:])  # the search over the whole segment
            if whole is not None and "ly" not in text:  # (a capitalised word in -ly takes the IGNORECASE pattern)
                assert m is not None and m.span() == whole.span(), text
            elif whole is None:
                assert m is None or "ly" in text, text


def test_the_dateline_test_never_hides_a_dateline():
    from kzlib.quotes.mentions import _WIRE_DATELINE, _may_open_dateline

    assert _WIRE_DATELINE.match("ALMATY, Kazakhstan — Police said") and _may_open_dateline("ALMATY — Police said")
    assert _WIRE_DATELINE.match("Washington (AFP) – The envoy said") and _may_open_dateline("Washington (AFP) – X")
    assert not _may_open_dateline("Police said on Tuesday.") and not _may_open_dateline("  the envoy — said")
    rng = random.Random(25)
    pieces = ["ALMATY", "Almaty", "Kazakhstan", ",", "(AP)", "(", ")", "—", "–", "-", "--", "The", "police", "U.S.",
              "said", "\n", " ", "A", "Q"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(0, 8)))
        if _WIRE_DATELINE.match(text):
            assert _may_open_dateline(text), text
