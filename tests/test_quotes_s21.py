"""Quotes stage, twenty-first session (speed, same tables): the faster look-ups answer as the slower ones did. The
sentences were written for these tests; the expected values are read from them, and random texts are compared with
the slower reading itself."""

import random

from kzlib.actors import find_names
from kzlib.quotes._capitals import _InnerCapitals, _running_text
from kzlib.quotes.mentions import _title_cut, _without_title_phrase


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



def test_a_title_phrase_before_a_name_is_counted_once_per_name():
    assert _title_cut("Florida Gov. Jeb Bush") == 2  # "Florida Gov.": the place and the title
    assert _title_cut("Hewlett-Packard CEO Carly Fiorina") == 2
    assert _title_cut("Republican National Committee Chairman Reince Priebus") == 4
    assert _title_cut("John Quincy Adams") == 0
    ns = find_names("Florida Gov. Jeb Bush spoke.")[0]
    assert (_without_title_phrase(ns, None).name, _without_title_phrase(ns, None).title) == ("Jeb Bush", "Florida Gov.")


def test_the_subject_patterns_are_searched_in_every_paragraph_that_holds_their_words():
    from kzlib.quotes.clauses import _COMPLEMENT_KEYS, _COMPLEMENT_SUBJECT, _LIKE_KEYS, _LIKE_SUBJECT
    from kzlib.text import may_match, word_index

    for text in ["The talks failed, a source close to the campaign said", "Prices rose, two people FAMILIAR WITH it said",
                 "Officials, including Jane Roe, said"]:
        assert may_match(word_index(text), _COMPLEMENT_KEYS) == bool(_COMPLEMENT_SUBJECT.search(text, 0, text.rindex(" ") + 1))
    for text in ["Even the biggest hawks, like Rubio and Bush, say", "Many economists, such as Roe, have said"]:
        assert _LIKE_SUBJECT.match(text, 0, text.rindex(" ") + 1) and may_match(word_index(text), _LIKE_KEYS)
    assert not may_match(word_index("The envoy said"), _LIKE_KEYS | _COMPLEMENT_KEYS)
