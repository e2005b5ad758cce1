"""Session 21: the provenance and clean stages made faster, same results (the helpers each change rests on)."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from kzlib.provenance import SpinRepairer
from kzlib.provenance.minhash import _shared_counts, _signatures
from kzlib.provenance.phrases import _count_phrases, _phrase_counts, _phrase_index
from kzlib.provenance.repair import _name_counts_part
from kzlib.provenance.versions import _spaces_before_close_quotes, _translation_evidence


@pytest.mark.parametrize("text, expected", [
    ("“We will stay ”, he said.", 1),              # a word, a space, the closing quote
    ("“We will stay. ”", 1),                       # a full stop between the word and the space
    ("“Stay ,  ”", 0),                             # a space before the comma: not a word before the space
    ("“ ”", 0),                                    # an opening quote before the space
    (" ”", 0),                                     # nothing before the space
    ("“Go\n\n”", 1),                               # line breaks are white space too
    ("“Go”, “stay ”, “wait ”", 2),                 # each quote once
    ("“Go!? ”", 0),                                # two marks: only one may stand between
])
def test_spaces_before_close_quotes_counts_as_the_pattern_does(text, expected):
    assert _spaces_before_close_quotes(text) == expected
    assert len(re.findall(r"\w[,.!?]?\s+”", text)) == expected


def test_a_space_before_a_closing_quote_is_still_a_translation_convention():
    text = "“We will not leave ”, he said. “Nor will we ”, she said. “Never ”."
    assert _translation_evidence(text) == 3


def test_signatures_are_the_smallest_top_bits_of_each_permutation():
    docs = [[7, 2**32 - 1, 12345], [0], [99, 100, 101, 102]]
    hashes = np.array([h for d in docs for h in sorted(d)], dtype=np.uint32)
    offsets = np.r_[0, np.cumsum([len(d) for d in docs])]
    sig = _signatures(hashes, offsets, num_perm=8, seed=5, chunk=2)   # small chunks: documents across them
    rng = np.random.RandomState(5)
    a = [int(x) * 2 + 1 for x in rng.randint(1, 2**63 - 1, size=8, dtype=np.int64)]
    b = [int(x) for x in rng.randint(0, 2**63 - 1, size=8, dtype=np.int64)]
    for i, d in enumerate(docs):
        expected = [min(((a[k] * h + b[k]) % 2**64) >> 32 for h in d) for k in range(8)]
        assert sig[i].tolist() == expected
    assert sig.dtype == np.uint32


def test_shared_counts_keep_each_pair_apart_at_the_edges_of_the_hash_range():
    top = 2**32 - 1
    docs = [[0, top], [0, 5], [top], [0, 5, top]]
    hashes = np.array([h for d in docs for h in d], dtype=np.uint32)
    offsets = np.r_[0, np.cumsum([len(d) for d in docs])]
    first, second = np.array([0, 0, 1, 2, 0]), np.array([1, 2, 3, 3, 3])
    # 0&1 share 0; 0&2 share top; 1&3 share 0 and 5; 2&3 share top; 0&3 share both
    assert _shared_counts(hashes, offsets, first, second).tolist() == [1, 1, 2, 1, 2]
    assert _shared_counts(hashes, offsets, first, second, batch=1).tolist() == [1, 1, 2, 1, 2]


def test_phrases_are_counted_in_any_case_and_with_either_apostrophe():
    words = ["Shut", "ASSAULT", "on", "Russia’s", "border", "and", "russia's", "shut", "doors"]
    counts: Counter = Counter()
    _count_phrases(words, _phrase_index(["shut assault", "russia's", "shut", "doors open"]), counts)
    assert counts == Counter({"shut assault": 1, "russia's": 2, "shut": 2})
    # the same as counting on the text itself
    assert _phrase_counts([" ".join(words)], ["shut assault", "russia's", "shut", "doors open"]) == (counts, 9)


def test_name_counts_count_phrases_in_documents_only():
    frame = pd.DataFrame({"doc_id": ["\x00000000000", "d1"], "story": [None, None],
                          "text": ["A heated vote.", ("The heated debate went on.", "Heated words.")],
                          "document": [False, True]})
    out = _name_counts_part(frame, wanted=set(), spun_words=set(), phrases=frozenset({"heated", "went on"}))
    phrases = {w: n for what, w, n in zip(out["what"], out["word"], out["n"]) if what == "phrase"}
    assert phrases == {"heated": 2, "went on": 1}
    assert out.loc[out["what"] == "document words", "n"].tolist() == [7]
    assert out.loc[out["what"] == "total", "n"].tolist() == [10]      # every text's words


def test_aligned_copies_weigh_phrases_by_the_documents_not_the_captions():
    clean = "The minister gave a heated speech about the budget on Monday. Officials heard the heated speech in silence."
    spun = "The minister gave a fierce speech about the budget on Monday. Officials heard the fierce speech in silence."
    other = ("Lawmakers held a heated vote on taxes and a heated debate on roads. "
             "Their heated session ran late into the night while reporters waited outside.")
    texts = pd.Series({"a1": clean, "a2": spun, "b1": other})
    r = SpinRepairer().fit(texts, spun=pd.Series({"a1": False, "a2": True, "b1": False}),
                           stories=pd.Series({"a1": "a1", "a2": "a1", "b1": "b1"}),
                           extra_reference=["A heated night", "Heated words, heated looks"])
    row = r.learned_[r.learned_["mechanism"] == "aligned-copy"].iloc[0]
    assert (row["spun"], row["original"]) == ("fierce", "heated")
    # 'fierce' twice in the spun copy, never in clean text; 'heated' twice in a1 and three times in b1 (the
    # captions' three are no document's words)
    assert "spun 'fierce' 2x in spun / 0x in clean text; original 'heated' 0x / 5x" in row["evidence"]
