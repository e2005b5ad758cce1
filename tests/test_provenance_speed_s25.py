"""Session 25: the provenance stage's word counts read off the text's bytes, and its feature hashes made
for many documents at once, give what the patterns and the per-document hashing gave (expected values
read off the texts written here)."""

from __future__ import annotations

import random
import zlib

import numpy as np
import pandas as pd

from kzlib.provenance.features import _WORDS, _ascii_kinds, _ascii_word_count, story_features
from kzlib.provenance.minhash import _MIX1, _MIX2, _feature_hashes, _hash_feature_sets
from kzlib.provenance.spin import _WORD, _n_words
from kzlib.provenance.versions import _word_counts


def test_spin_words_are_letter_and_digit_runs_with_one_apostrophe_ending():
    # "don't" and "Tokayev’s" are one word each; "rock'n'roll" is "rock'n" and "roll" (the ending "'n"
    # ends the word); "x'n2" is "x'n" and "2"; "G7" and "2022" are words; "it''s" is "it" and "s"; a
    # lone "’" and "—" are none; "Алматы" has no ASCII letter
    assert _n_words("don't") == 1
    assert _n_words("Tokayev’s") == 1
    assert _n_words("rock'n'roll") == 2
    assert _n_words("x'n2") == 2
    assert _n_words("G7 in 2022") == 3
    assert _n_words("it''s") == 2
    assert _n_words("’ — Алматы") == 0
    assert _n_words("") == 0


def test_ascii_words_run_from_a_letter_through_letters_and_apostrophes():
    # "rock'n'roll" and "Tokayev’s" are one word each; "'til" is "til"; "G7" is "G"; "naïve" is "na"
    # and "ve" (ï is no ASCII letter); digits make no word
    assert _ascii_word_count("rock'n'roll Tokayev’s 'til") == 3
    assert _ascii_word_count("G7 in 2022") == 2
    assert _ascii_word_count("naïve") == 2
    assert _ascii_word_count("") == 0
    # a text in Cyrillic letters: two words of any script, none of ASCII letters
    assert _word_counts("Токаев выступил") == (2, 0)


def test_byte_counts_equal_the_patterns_on_random_text():
    # strings of letters, digits, both apostrophes, spaces, letters beyond ASCII, a lone surrogate and the
    # Kelvin sign (a capital K only under re.IGNORECASE, which neither pattern uses)
    rng = random.Random(25)
    alphabet = "aZq09'’ .\n-éЖ\u2018\"_ı\ud800\u212a"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _n_words(text) == len(_WORD.findall(text)), text
        assert _ascii_word_count(text) == len(_WORDS.findall(text)), text


def test_ascii_kinds_keep_one_byte_per_ascii_character():
    # ’ is one apostrophe byte; each of the two bytes of "ж" is a space
    assert _ascii_kinds("A1’ж") == b"a0'  "


def _one_set(feats: set[str]) -> np.ndarray:
    """The hashes of one set as they were made one document at a time before session 25."""
    h = np.fromiter(map(zlib.crc32, map(str.encode, feats)), dtype=np.uint32)
    h ^= h >> np.uint32(16)
    h *= _MIX1
    h ^= h >> np.uint32(13)
    h *= _MIX2
    h ^= h >> np.uint32(16)
    return np.unique(h)


def test_feature_hashes_of_many_sets_are_those_of_each_set():
    sets = [{"@putin", "#2022", "putin_met"}, set(), {"@putin"}, {"токаев_встрет", "@алматы"}]
    out = _hash_feature_sets(sets)
    assert len(out) == 4
    for got, feats in zip(out, sets):
        assert got.dtype == np.uint32
        assert got.tolist() == _one_set(feats).tolist()
    # "@putin" of the third set is one of the first set's three hashes
    assert out[2].tolist()[0] in out[0].tolist() and len(out[0]) == 3


def test_feature_hashes_in_batches_keep_the_documents_order():
    texts = [f"Officials in Astana met {i} times. Putin spoke with Tokayev." for i in range(600)]
    out = _feature_hashes(pd.DataFrame({"doc_id": [f"d{i:03d}" for i in range(600)], "text": texts}))
    assert out["doc_id"].tolist() == [f"d{i:03d}" for i in range(600)]
    # the last document (of the third batch of 256) has its own features' hashes; the documents differ
    # only in their number ("#0" / "#599"), so the first and the last differ
    assert out["hashes"].iloc[599].tolist() == _one_set(story_features(texts[599])).tolist()
    assert not np.array_equal(out["hashes"].iloc[0], out["hashes"].iloc[599])


def test_alignment_sentences_break_after_quotes_and_lines_not_after_short_abbreviations():
    from kzlib.provenance.features import _sentences

    # a break after "." and its closing quotation mark (the mark is part of the break, as the white space
    # is), after "!" before a digit, and at a line break; none between "Jan." and "2" (a short capitalised
    # abbreviation before a number) nor before a lower-case word
    text = "He said “we stay.” Then he left! 5 died. Paid Jan. 2 to holders. it went on\nNext line"
    assert _sentences(text) == ["He said “we stay.", "Then he left!", "5 died.", "Paid Jan. 2 to holders. it went on",
                                "Next line"]


def test_other_letter_check_reads_only_the_characters_beyond_ascii():
    from kzlib.provenance.repair import _OTHER_LETTER, _has_other_letter

    # "é" and "Ж" are letters beyond ASCII; "–", "“" and the Arabic-Indic digit "٣" are not
    assert _has_other_letter("café") and _has_other_letter("ЖК")
    assert not _has_other_letter("“Astana” – ٣ people") and not _has_other_letter("plain ASCII")
    rng = random.Random(7)
    alphabet = "aZ09_ .\n“”–éЖ٣²\u00a0\ud800"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert _has_other_letter(text) == (_OTHER_LETTER.search(text) is not None), text
