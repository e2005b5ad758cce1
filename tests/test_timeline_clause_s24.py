"""The clause rule's faster readings (s24) give what the plain ones gave: the same words, separators, verbs and
stretches, so the labels and the events table do not move."""

from __future__ import annotations

import itertools
import re

from kzlib.timeline import _clause as C

# the patterns as the rule first wrote them
_PLAIN_WORD = re.compile(r"\$?[^\W_](?:[\w'’.\-/]|,(?=\d))*")
_PLAIN_BOUNDARY = re.compile(r"[;:()\[\]“”«»\"]|``|''|(?<!\d),|,(?!\d)|\s[—–_]\s|\s--\s|[—–―]")

SENTENCES = [
    "On Friday, Tokayev ordered troops to fire, saying the protesters were terrorists.",
    "Slepian was shot in the back on Friday night as he stood in his kitchen.",
    "Curt Schilling, a former pitcher, was fired Wednesday, a day after he drew criticism.",
    "The fabled 11th century temple that is Cambodia's main tourist attraction.",
    "NEW YORK, Dec. 22 (UPI) -- The company said its $5,000 U.S.-led bid, made since 1992, was rejected.",
    "Elian, who was rescued on Thanksgiving Day, met his father in Sunday's talks — officials said.",
    "Castro said the attack on Friday «was planned» by the opposition; he gave no proof.",
    "5 января президент, который прилетел в Алматы, объявил режим ЧП, сообщили в администрации.",
    "the protests since the 2019 reshuffle have grown, and the fabled reformers protested in 2020.",
]


def test_the_word_pattern_reads_the_words_it_read() -> None:
    assert [m.group() for m in C._WORD.finditer("The $5,000 U.S.-led bid, 3,4 and 5, a")] == [
        "The", "$5,000", "U.S.-led", "bid", "3,4", "and", "5", "a"]
    samples = [*SENTENCES, "a,5 ,5 5,,5 $$5 _a a_b '’x x'’- 5,a -5 $ $a.b/c"]
    for text in samples:
        for lo, hi in itertools.combinations(range(0, len(text) + 1, 7), 2):
            assert ([m.span() for m in C._WORD.finditer(text, lo, hi)]
                    == [m.span() for m in _PLAIN_WORD.finditer(text, lo, hi)]), (text, lo, hi)


def test_the_boundary_pattern_finds_the_separators_it_found() -> None:
    text = "On Friday, he said: 1,000 -- or ``more'' (the count) – was it?"
    assert [m.group() for m in C._BOUNDARY.finditer(text)] == [
        ",", ":", " -- ", "``", "''", "(", ")", " – "]
    for t in [*SENTENCES, text, "a — b—c _ d , 5,6 ,7 8, ; ‘x’ “y” «z»"]:
        assert [m.span() for m in C._BOUNDARY.finditer(t)] == [m.span() for m in _PLAIN_BOUNDARY.finditer(t)]


def _plain_has_verb(text: str, seg: tuple[int, int], date: tuple[int, int]) -> bool:
    words = [m.group().rstrip(".") for m in _PLAIN_WORD.finditer(text, *seg) if not date[0] <= m.start() < date[1]]
    return C._verb_at(words) is not None


def test_a_stretch_has_a_verb_where_its_words_have_one() -> None:
    text = "The fabled temple, which opened in 1992, drew tourists on Friday."
    friday = (text.index("Friday"), text.index("Friday") + 6)
    assert not C._has_verb(text, (0, text.index(",")), friday)  # "The fabled temple": an -ed word after "The"
    assert C._has_verb(text, (text.index(" drew"), len(text)), friday)  # " drew tourists on Friday."
    assert not C._has_verb(text, (text.index(" on "), len(text)), friday)  # " on Friday.": the date's words only
    for t in SENTENCES:
        dates = [m.span() for m in re.finditer(r"\b(?:Friday|Wednesday|Dec\. 22|1992|2019|2020|5 января|"
                                               r"Thanksgiving Day)\b", t)]
        cuts = sorted({0, len(t), *(m.start() for m in re.finditer(r"\W", t))})
        for date in dates:
            for lo, hi in itertools.combinations(cuts[::2], 2):
                assert C._has_verb(t, (lo, hi), date) == _plain_has_verb(t, (lo, hi), date), (t, lo, hi, date)
                assert [m.span() for m in C._words_in(t, lo, hi)] == [
                    m.span() for m in _PLAIN_WORD.finditer(t, lo, hi)], (t, lo, hi)


def test_a_date_inside_a_word_or_after_since_gets_its_own_stretches() -> None:
    # "since" before the date is the date's own word, no clause opener: one stretch more than the sentence's
    text = "Prices rose since 1992 and the bank said so."
    date = (text.index("1992"), text.index("1992") + 4)
    assert len(C._clause_stretches(text, *date)) == len(C._all_stretches(text)[1]) - 1
    # a comma inside the date phrase ("Dec. 22, 2021") is no separator for that date
    text = "The vote on Dec. 22, 2021 was delayed."
    date = (text.index("Dec."), text.index("2021") + 4)
    lo, hi = C.own_clause(text, *date)
    assert text[lo:hi] == "The vote on Dec. 22, 2021 was delayed."
    assert C.clause_label(text, *date) == "The vote was delayed"


def test_a_hanging_part_of_day_or_possessive_leaves_the_label() -> None:
    text = "Protesters stormed the building on Friday night's march through the square."
    start = text.index("Friday")
    # the preposition before the date and "night's" after it go; the date leaves a mark; no full stop
    assert C._segment_words(text, (0, len(text)), start, start + 6) == [
        "Protesters", "stormed", "the", "building", C._DATE, "march", "through", "the", "square"]
    assert C.clause_label(text, start, start + 6) == "Protesters stormed the building"
