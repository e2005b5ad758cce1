"""kzlib.provenance and kzlib.despin on the seeds.

Expected values come from reading the seed texts (see seeds/README and docs/DESIGN.md): 000 and 001
are copies of one Newsweek article (000 spun, 001 round-trip machine-translated), 003 is a spun copy of
a second Newsweek article, 002 a VOA analysis, 004 a translated Russian interview. The repairs checked
below are phrases whose original wording is known from the aligned copy 001 or from plain English.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pandas as pd
import pytest

from kzlib.despin import SPIN_THRESHOLD, despin, spin_score, spin_table
from kzlib.errors import CorpusError, ParameterError
from kzlib.provenance import annotate, find_copies, learned_substitutions, similarity_matrix

D000, D001, D002, D003, D004 = ("000_d7fcb602a5d755b1", "001_288f76d67bc71bf5", "002_263d34c5b9433d99",
                                "003_b322d1b1fe5c5e11", "004_4b552bcad1b25064")
CLEAN = (D001, D002, D004)


@pytest.fixture(scope="module")
def annotated(seeds_corpus):
    return annotate(seeds_corpus)


@pytest.fixture(scope="module")
def annotated_no_meta(seeds_corpus):
    """The seeds as if the sidecar gave no version: what detection finds on its own."""
    docs = seeds_corpus.documents.assign(version="")
    return annotate(dataclasses.replace(seeds_corpus, documents=docs))


def _doc(c, doc_id):
    return c.documents.set_index("doc_id").loc[doc_id]


def _despun(c, doc_id):
    p = c.paragraphs
    return "\n".join(p.loc[p["doc_id"] == doc_id, "text_despun"])


# --- stories -----------------------------------------------------------------------------------------

def test_000_and_001_are_one_story_and_every_other_seed_its_own(annotated):
    story = annotated.documents.set_index("doc_id")["story_id"]
    assert story[D000] == story[D001]
    assert story.nunique() == 4
    assert len({story[D002], story[D003], story[D004], story[D000]}) == 4


def test_copies_table_holds_exactly_the_pair_000_001_with_evidence(annotated):
    copies = annotated.copies
    assert copies[["doc_a", "doc_b"]].values.tolist() == [[D000, D001]]
    row = copies.iloc[0]
    assert row["similarity"] >= 0.6          # most sentences of the article align despite spin and MT
    # numbers that survive both spinning and translation: 9/11, 2001, 2003, 2011, 1990, 2019, 2014
    for n in ("9/11", "2001", "2003", "2011", "1990", "2019", "2014"):
        assert n in row["shared_numbers"].split()
    assert "aligned" in row["evidence"]


def test_despinning_makes_the_copies_more_alike(seeds_corpus, annotated):
    body = seeds_corpus.paragraphs[seeds_corpus.paragraphs["kind"] == "body"]
    raw = body.groupby("doc_id")["text"].agg("\n".join)
    p = annotated.paragraphs[annotated.paragraphs["kind"] == "body"]
    fixed = p.groupby("doc_id")["text_despun"].agg("\n".join)
    assert similarity_matrix(fixed).loc[D000, D001] > similarity_matrix(raw).loc[D000, D001]


def test_one_representative_per_story_and_it_is_the_least_altered_copy(annotated):
    docs = annotated.documents
    assert (docs.groupby("story_id")["is_representative"].sum() == 1).all()
    # of the spun 000 and the machine-translated 001, the translation keeps real English words
    assert bool(_doc(annotated, D001)["is_representative"])
    assert not bool(_doc(annotated, D000)["is_representative"])
    assert len(annotated.representatives().documents) == 4


def test_story_features_names_and_word_pairs_stay_inside_sentences():
    from kzlib.provenance import story_features

    text = "Officials met. Putin spoke to Biden.\nMoscow agreed on 1,200 troops.’ “Tokayev’s Kazakhstan” said"
    # names: capitalised words not opening a sentence (Putin, Moscow and Tokayev open one: after ". ",
    # a line break, and ".’ “"); pairs: consecutive content words (not "to", "on") of one sentence
    assert story_features(text) == {
        "#1200", "@biden", "@kazakh",
        "offici_met", "putin_spoke", "spoke_biden", "moscow_agreed", "agreed_troops", "tokaye_kazakh", "kazakh_said",
    }

def test_name_spans_end_at_lower_case_words_punctuation_and_line_breaks():
    from kzlib.provenance.repair import _caps_spans

    text = ("President Kassym-Jomart Tokayev’s office said. Bank of England and\nCentral Asia. "
            "The Collective Security Treaty Organization of")
    # hyphenated names split, possessives dropped, connectors kept inside a span and dropped at its end
    assert _caps_spans(text) == [
        ["President", "Kassym", "Jomart", "Tokayev"], ["Bank", "of", "England"], ["Central", "Asia"],
        ["The", "Collective", "Security", "Treaty", "Organization"]]
    assert _caps_spans("no names here. Only One") == [["Only", "One"]]
    assert _caps_spans("Only\nOne") == []


def test_name_spans_by_regular_expression_equal_the_token_by_token_reading():
    """The fast path of _caps_spans (one regular expression for a whole run) reads the tokens as the
    per-token state machine does, on the cases where they could part: a capital inside a word ("eBay",
    "x'Foo"), apostrophes before a word, connectors with possessive endings, hyphens, line breaks, other
    white space, letters beyond ASCII (the per-token reading is used there)."""
    import random

    from kzlib.provenance.repair import _caps_spans, _caps_spans_by_token

    cases = ["eBay Inc Corp said", "x'Foo Bar Baz", " 'Foo Bar", "''Foo Bar", "1'Foo Bar", "Foo of's Bar",
             "Foo ofs Bar", "Foo in'' Bar", "Foo  -  - Bar Baz", "A\nB C", "Foo\u2028Bar Baz", "Foo\rBar",
             "Foo’s Bar’ Baz", "Foo of of Bar of", "Foo and-Bar", "O'Neil Ryan-Smith de la Cruz", "Foo —Bar Baz",
             "Österreich Foo Bar", "Foo Ölmez Bar", "café Foo Bar"]
    assert _caps_spans("eBay Inc Corp said") == [["Inc", "Corp"]]            # "Bay" starts no word
    assert _caps_spans("Foo of's Bar") == [["Foo", "of", "Bar"]]
    rng = random.Random(0)
    alphabet = list("AaBbOofdeni -'’\n.,s")
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(20000)]
    for text in cases:
        assert _caps_spans(text) == _caps_spans_by_token(text), text


@pytest.mark.parametrize("cores", [1, 4])     # the batches on one thread or several: the same counts
def test_shared_counts_equal_the_intersection_of_each_pair(monkeypatch, cores):
    from kzlib.provenance.minhash import _shared_counts

    monkeypatch.setattr("kzlib._threads.os.cpu_count", lambda: cores)

    rng = np.random.default_rng(3)
    docs = [np.unique(rng.integers(0, 60, rng.integers(1, 25))).astype(np.uint32) for _ in range(40)]
    hashes = np.concatenate(docs)
    offsets = np.r_[0, np.cumsum([len(d) for d in docs])]
    first, second = np.triu_indices(len(docs), k=1)
    expected = [len(np.intersect1d(docs[i], docs[j])) for i, j in zip(first, second)]
    # small batches: the pairs are split over many batches, one pair larger than a batch too
    for batch in (1, 7, 50, 1 << 20):
        assert _shared_counts(hashes, offsets, first, second, batch=batch).tolist() == expected

def test_find_copies_scales_by_lsh_and_finds_planted_copies():
    rng = np.random.default_rng(1)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    vocab = ["".join(rng.choice(letters, 7)) for _ in range(5000)]

    def doc() -> str:
        return " ".join(" ".join(rng.choice(vocab, 12)).capitalize() + "." for _ in range(8))

    texts = {f"d{i:03d}": doc() for i in range(150)}
    for i in range(5):           # five copies with every third word swapped, as a spinner would
        words = texts[f"d{i:03d}"].split()
        texts[f"c{i:03d}"] = " ".join(rng.choice(vocab) if k % 3 == 1 else w for k, w in enumerate(words))
    copies = find_copies(pd.Series(texts))
    assert sorted(map(tuple, copies[["doc_a", "doc_b"]].values.tolist())) == [
        (f"c{i:03d}", f"d{i:03d}") for i in range(5)]


def test_features_most_documents_share_make_no_candidates():
    # 80 unrelated documents that all end with the same four sentences (a shared boilerplate block): half
    # of each document aligns with every other, so without the document-frequency cut every pair is a
    # "copy"; the block's features are in all 80 documents (> MIN_DF_CUT = 50), so they are left out
    rng = np.random.default_rng(2)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    vocab = ["".join(rng.choice(letters, 7)) for _ in range(5000)]

    def sentences(k: int) -> str:
        return " ".join(" ".join(rng.choice(vocab, 12)).capitalize() + "." for _ in range(k))

    block = sentences(4)
    texts = pd.Series({f"d{i:02d}": sentences(4) + " " + block for i in range(80)})
    assert find_copies(texts).empty
    # with every feature kept, the shared block makes every pair a candidate (a shared block of 4 of 8
    # sentences is no copy: tests/test_provenance_s22.py)
    from kzlib.provenance.minhash import _candidate_pairs

    pairs = _candidate_pairs(texts, lsh_threshold=0.1, num_perm=256, max_df=1.0, seed=0)["pairs"]
    assert len(pairs) == 80 * 79 // 2
    # a real copy among them is still found: it shares its own sentences too
    words = texts["d00"].split()
    texts["copy"] = " ".join(rng.choice(vocab) if k % 5 == 2 else w for k, w in enumerate(words))
    assert find_copies(texts)[["doc_a", "doc_b"]].values.tolist() == [["copy", "d00"]]


def test_find_copies_checks_its_options():
    t = pd.Series({"a": "Putin met Biden in 2021.", "b": "In 2021 Putin met Biden."})
    for bad in (0, 0.0, 1.5, -3, True, "1%"):
        with pytest.raises(ParameterError, match="max_df"):
            find_copies(t, max_df=bad)
    assert len(find_copies(t, max_df=1)) == 0     # every feature is in both documents: none is rare
    assert len(find_copies(t, max_df=2)) == 1


def test_minhash_signatures_estimate_jaccard_and_bands_pair_equal_rows():
    from kzlib.provenance.minhash import _band_candidates, _signatures

    rng = np.random.default_rng(0)
    pool = rng.choice(2**32 - 1, size=3000, replace=False).astype(np.uint32)
    a, b = np.sort(pool[:1500]), np.sort(pool[750:2250])          # Jaccard 750 / 2250 = 1/3
    sig = _signatures(np.concatenate([a, b]), np.array([0, 1500, 3000]), num_perm=512, seed=0)
    assert sig.shape == (2, 512) and sig.dtype == np.uint32
    assert abs(float((sig[0] == sig[1]).mean()) - 1 / 3) < 0.07
    assert (_signatures(a, np.array([0, 1500]), num_perm=512, seed=0)[0] == sig[0]).all()   # per document
    rows = np.array([[1, 2, 3, 4], [1, 2, 9, 9], [5, 6, 3, 4], [7, 8, 9, 9], [1, 2, 0, 0]], dtype=np.uint32)
    codes = _band_candidates(rows, bands=2, rows=2)          # band 1: rows 0, 1, 4 equal; band 2: 0-2, 1-3
    assert sorted(divmod(int(c), 5) for c in codes) == [(0, 1), (0, 2), (0, 4), (1, 3), (1, 4)]


def test_bands_pair_every_two_rows_of_buckets_of_any_size():
    from kzlib.provenance.minhash import _band_candidates

    # band 1: buckets {0, 3, 6} and {1, 4, 7} (size 3) and {2, 5, 8, 9} (size 4); band 2: {0, 9} and the rest alone
    rows = np.array([[r % 3, 0, 0, r] for r in range(9)] + [[2, 0, 0, 0]], dtype=np.uint32)
    codes = _band_candidates(rows, bands=2, rows=2)
    bucket_pairs = {(0, 3), (0, 6), (3, 6), (1, 4), (1, 7), (4, 7), (2, 5), (2, 8), (2, 9), (5, 8), (5, 9), (8, 9)}
    assert sorted(divmod(int(c), 10) for c in codes) == sorted(bucket_pairs | {(0, 9)})


def test_minhash_signatures_are_deterministic_for_a_seed_and_chunk_size():
    from kzlib.provenance.minhash import _signatures

    rng = np.random.default_rng(3)
    hashes = np.concatenate([np.sort(rng.choice(2**32 - 1, size=k, replace=False)) for k in (5, 300, 40)])
    offsets = np.array([0, 5, 305, 345])
    sig = _signatures(hashes.astype(np.uint32), offsets, num_perm=64, seed=7)
    assert (sig == _signatures(hashes.astype(np.uint32), offsets, num_perm=64, seed=7)).all()
    # the documents are hashed in chunks of features; the chunking does not change a signature
    assert (sig == _signatures(hashes.astype(np.uint32), offsets, num_perm=64, seed=7, chunk=1)).all()
    # another seed draws other permutations: 64 equal 32-bit minima by chance are all but impossible
    assert (sig != _signatures(hashes.astype(np.uint32), offsets, num_perm=64, seed=8)).any(axis=1).all()
    # a signature is the minimum of each permutation over the document's features
    one = _signatures(hashes[:5].astype(np.uint32), np.array([0, 5]), num_perm=64, seed=7)
    assert (one[0] == sig[0]).all()


def _random_docs(rng, n: int, prefix: str = "d") -> dict[str, str]:
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    vocab = ["".join(rng.choice(letters, 7)) for _ in range(5000)]
    docs = {f"{prefix}{i:03d}": " ".join(" ".join(rng.choice(vocab, 12)).capitalize() + "." for _ in range(8))
            for i in range(n)}
    return docs, vocab


def test_a_story_copied_more_often_than_max_df_keeps_its_features_up_to_min_df_cut():
    from kzlib.provenance import MIN_DF_CUT

    rng = np.random.default_rng(4)
    texts, vocab = _random_docs(rng, 100)
    words = texts["d000"].split()
    for i in range(30):          # 30 copies, every fourth word swapped: they share half their word pairs
        texts[f"s{i:03d}"] = " ".join(rng.choice(vocab) if k % 4 == 1 else w for k, w in enumerate(words))
    texts = pd.Series(texts)
    # the story's shared features are in 31 of 130 documents: far above max_df = 1% (1.3 documents),
    # but below MIN_DF_CUT, so they are kept and every pair of the 31 copies is found (a Jaccard of
    # about 1/3: LSH misses such a pair with a chance of (1 - 1/9) ** 128, 3e-7)
    assert 31 < MIN_DF_CUT
    found = find_copies(texts)
    story = ["d000"] + [f"s{i:03d}" for i in range(30)]
    assert sorted(map(tuple, found[["doc_a", "doc_b"]].values.tolist())) == sorted(
        (a, b) if a < b else (b, a) for k, a in enumerate(story) for b in story[k + 1:])
    # a cut of 10 documents given as a number leaves the shared features out: no copy is found
    assert find_copies(texts, max_df=10).empty


def test_a_feature_in_every_document_makes_no_candidate_pairs():
    from kzlib.provenance.minhash import _candidate_pairs

    rng = np.random.default_rng(5)
    texts, _ = _random_docs(rng, 120)
    # the same closing sentence in every document: 7 features (6 pairs of content words, the name
    # @almaty) beside each document's own 88 (8 sentences of 12 random words: 11 pairs each)
    texts = pd.Series({d: t + " Officials praised the peacekeepers quickly leaving Almaty overnight."
                       for d, t in texts.items()})
    found = _candidate_pairs(texts, lsh_threshold=0.1, num_perm=256, max_df=0.01, seed=0)
    assert found["df_cut"] == 50                      # max(MIN_DF_CUT, 1% of 120)
    assert found["proposed"] == 0 and found["pairs"] == []
    # without the cut two documents share 7 of 95 + 95 - 7 features, a Jaccard of 0.04 < 0.1
    everything = _candidate_pairs(texts, lsh_threshold=0.1, num_perm=256, max_df=1.0, seed=0)
    assert everything["pairs"] == []


def test_lsh_rows_are_those_datasketch_chooses():
    from kzlib.provenance.minhash import _lsh_bands, _lsh_rows

    lsh = pytest.importorskip("datasketch.lsh")
    for threshold in (0.05, 0.1, 0.3, 0.5, 0.8):
        for num_perm in (32, 128, 256):
            assert _lsh_rows(threshold, num_perm) == lsh._optimal_param(threshold, num_perm, 0.5, 0.5)[1]
    # a low threshold wants short bands (any pair sharing a little is proposed), a high one long bands
    assert _lsh_rows(0.1, 256) < _lsh_rows(0.8, 256)
    bands, rows = _lsh_bands(0.1, 256)
    assert bands * rows <= 256 < (bands + 1) * rows


def test_body_paragraphs_take_their_phrases_from_their_document():
    from kzlib.provenance.spin import _compile
    from kzlib.provenance.stage import _body_spans

    compiled = _compile(pd.DataFrame({"spun": ["safety council", "navy"], "original": ["x", "y"]}))
    paras = ["The navy", "said the Safety", "Council met", "A navy base", "Safety Council", "no phrase"]
    doc_ids = ["a", "a", "a", "b", "b", "b"]
    docs = {d: "\n\n".join(p for p, pd_ in zip(paras, doc_ids) if pd_ == d) for d in ("a", "b")}
    spans, again = _body_spans(paras, [True] * 6, doc_ids, {d: compiled.spans(t) for d, t in docs.items()})
    # document a's "Safety\n\nCouncil" crosses a paragraph break: its paragraphs are searched alone
    assert again == {"a"}
    assert spans == {3: [(2, 6)], 4: [(0, 14)]}
    assert all(spans.get(i, []) == compiled.spans(paras[i]) for i in (3, 4, 5))

# --- versions and spin scores ------------------------------------------------------------------------

def test_machine_translation_and_translation_evidence_counts():
    from kzlib.provenance import versions as P

    text = "The talks began. will continue. U.S. officials said. ok then"
    # a lower-case word after a full stop, in the one white-space delimited word holding the stop
    found = [m.groups() for m in P._lower_starts(text)]
    assert found == [("began", "will"), ("U.S", "officials"), ("said", "ok")]
    assert found == [m.groups() for m in P._LOWER_START.finditer(text)]
    assert P._mt_evidence(text) == ["began. will", "said. ok"]       # U.S. is an abbreviation
    text = "Talks ended – he said, “We agree .”\n– We will – stresses Lavrov. “Fine ”"
    # a dash-led line; dash attributions "– he", "– stresses" (not "– We"); a space before ” after "Fine"
    assert len(P._DASH_ATTRIB.findall(text)) == len(P._DASH_ATTRIB_AT_DASH.findall(text)) == 2
    assert len(P._SPACE_CLOSE_QUOTE.findall(text)) == P._spaces_before_close_quotes(text) == 1
    assert P._translation_evidence(text) == 1 + 2 + 1


def test_features_more_frequent_than_the_cut_are_found_from_one_sorted_copy():
    from kzlib.provenance.minhash import _more_often_than, _not_in

    values = np.array([5, 1, 5, 2, 5, 2, 9], dtype=np.uint32)      # 5 three times, 2 twice
    assert _more_often_than(values, 1).tolist() == [2, 5]
    assert _more_often_than(values, 2).tolist() == [5]
    assert _more_often_than(values, 3).tolist() == []
    assert _more_often_than(values, 7).tolist() == []
    assert _not_in(values, np.array([2, 5], dtype=np.uint32), chunk=3).tolist() == [
        False, True, False, False, False, False, True]

def test_spun_seeds_score_above_all_others(annotated):
    s = annotated.documents.set_index("doc_id")["spin_score"]
    assert min(s[D000], s[D003]) > max(s[list(CLEAN)])
    assert min(s[D000], s[D003]) >= SPIN_THRESHOLD > max(s[list(CLEAN)])
    # most sentences of a spun copy carry a swap: tens per 1,000 words; clean text a handful at most
    assert min(s[D000], s[D003]) > 50 and max(s[list(CLEAN)]) < 5


def test_detected_versions_without_metadata(annotated_no_meta):
    v = annotated_no_meta.documents.set_index("doc_id")["version_detected"]
    assert v[D000] == "spun" and v[D003] == "spun"
    assert v[D001] == "machine-translated"      # "... tensions with Ukraine. sought to bring stability."
    assert v[D004] == "translated"              # dash-led answers, "– says <role> <Name>"
    # 002 carries an aggregator's syndication notice *and* round-trip MT artefacts ("by the end. of
    # January."): detection reports the stronger alteration; the sidecar's "republished" is kept below
    assert v[D002] == "machine-translated"
    assert (annotated_no_meta.documents["version"] == annotated_no_meta.documents["version_detected"]).all()


def test_a_version_given_by_the_sidecar_is_kept(annotated):
    docs = annotated.documents.set_index("doc_id")
    assert docs.loc[D002, "version"] == "republished"
    assert docs.loc[D002, "version_detected"] == "machine-translated"
    assert docs.loc[D001, "version"] == "machine-translated"
    assert "syndication notice" in docs.loc[D002, "version_evidence"]


# --- repair ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", [
    "Collective Security Treaty Organization (CSTO)",   # Collective Safety Treaty Group
    "a rudiment of the Cold War",                       # Chilly Battle
    "State Department spokesperson Ned Price said",     # State Division ... Ned Worth mentioned
    "Price said",                                        # Worth mentioned (the surname alone)
    "in the Middle East",                                # Center East
    "the Russian Foreign Ministry issued a statement",   # International Ministry ... an announcement
    "NATO Secretary-General Jens Stoltenberg",          # Secretary-Common
    "Moscow State University and the Plekhanov Russian University of Economics",  # College
    "Russian International Affairs Council",            # Worldwide
    "the simmering situation in Eastern Europe",        # state of affairs ... Jap Europe
    "the Organization for Security and Cooperation in Europe",  # Group for Safety
    'stirring up "color revolutions"',                  # coloration revolutions
    "radical religious ideology",                       # non secular
    "giving birth to the term",                         # giving beginning to the time period
    "law and order",                                     # legislation and order
    "shoot to kill without warning",                    # with out
    "Since first taking office 20 years ago",           # workplace 20 years in the past
])
def test_despun_000_reads_as_the_original(annotated, phrase):
    assert phrase in _despun(annotated, D000)


@pytest.mark.parametrize("phrase", [
    "Chinese Foreign Minister Wang Yi",                  # Chinese language Overseas Minister
    "Chinese Foreign Ministry spokesperson Wang Wenbin told reporters",
    "the broader Shanghai Cooperation Organization (SCO)",  # Shanghai Cooperation Group
    "law enforcement",                                   # regulation enforcement
    "political instability a year ago",                  # a 12 months in the past
    "the ultimate sacrifice",                            # the last word sacrifice
    "the State Department understands",                  # State Division (learned from 000's copy)
    "double standards. Where did the hordes",            # double requirements. The place did
    "Both men",                                           # Each males
])
def test_despun_003_reads_as_the_original(annotated, phrase):
    assert phrase in _despun(annotated, D003)


@pytest.mark.parametrize("spun", ["Chilly Battle", "Safety Treaty", "Ned Worth", "State Division", "Chinese language",
                                  "non secular", " navy ", "Antonov mentioned"])
def test_spinner_phrases_are_gone_from_the_repaired_copies(annotated, spun):
    assert spun not in _despun(annotated, D000) + _despun(annotated, D003)


def test_general_mechanism_finds_substitutions_the_table_does_not_list(annotated):
    learned = learned_substitutions(annotated)
    new = learned[~learned["in_table"]]
    pairs = set(zip(new["spun"], new["original"]))
    # names and fixed phrases the clean copies write otherwise (none of them is in the table)
    for pair in [("Worth", "Price"), ("Division", "Department"), ("College", "University"),
                 ("Common", "General"), ("Jap", "Eastern"), ("Group", "Organization")]:
        assert pair in pairs
    table_pairs = {(a.lower(), b.lower()) for a, b in zip(spin_table()["spun"], spin_table()["original"])}
    assert not {(a.lower(), b.lower()) for a, b in pairs} & table_pairs
    applied = new.groupby(["spun", "original"])["n_applied"].sum()
    assert all(applied[p] > 0 for p in [("Worth", "Price"), ("Common", "General"), ("Jap", "Eastern")])
    docs = annotated.documents.set_index("doc_id")
    assert docs.loc[D000, "n_despun_learned"] > 10 and docs.loc[D003, "n_despun_learned"] >= 2
    # transliteration variants are not spinner swaps: Tileuberdi (000, 003) stays, although 001 writes Tlebardi
    assert "Tileuberdi" in _despun(annotated, D000) and "Tlebardi" not in _despun(annotated, D000)


def test_clean_seeds_are_left_unchanged(annotated):
    p = annotated.paragraphs
    clean = p[p["doc_id"].isin(CLEAN)]
    assert (clean["text_despun"] == clean["text"]).all()
    assert clean["n_despun"].sum() == 0


def test_despin_alone_leaves_clean_text_alone(seeds_corpus):
    for doc_id in CLEAN:
        text = _doc(seeds_corpus, doc_id)["text"]
        assert despin(text) == text


def test_verbatim_text_is_kept_for_quotation(seeds_corpus, annotated):
    before = seeds_corpus.paragraphs.sort_values(["doc_id", "para_id"]).reset_index(drop=True)
    after = annotated.paragraphs.sort_values(["doc_id", "para_id"]).reset_index(drop=True)
    assert after["text"].equals(before["text"])
    assert "Ned Worth mentioned in an announcement" in "\n".join(after.loc[after["doc_id"] == D000, "text"])


def test_annotate_is_deterministic(seeds_corpus, annotated):
    again = annotate(seeds_corpus)
    for name in ("documents", "paragraphs", "copies"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(annotated, name))


# --- despin on its own -------------------------------------------------------------------------------

def test_despin_examples():
    assert despin("Antonov mentioned the Chilly Battle.", spun=True) == "Antonov said the Cold War."
    # context: before a noun 'overseas' was 'foreign', at the end of a clause it was 'abroad'
    assert despin("Washington's overseas coverage and training overseas.", spun=True) == \
        "Washington's foreign policy and training abroad."
    # case is kept; a real navy is left alone
    assert despin("Mentioned by the navy base.", spun=True) == "Said by the navy base."
    # scope=spun rows wait for evidence: one ordinary word in clean text is not spin
    assert despin("Blinken mentioned the talks.") == "Blinken mentioned the talks."
    # no row applies to a text not judged spun, not even a phrase English never uses (session 20: clean
    # text keeps its "peaceable"); in a spun text scope=always rows are repaired
    assert despin("a relic of the Chilly Battle") == "a relic of the Chilly Battle"
    assert despin("a relic of the Chilly Battle", spun=True) == "a relic of the Cold War"


def test_spin_score_counts_per_thousand_words():
    assert spin_score("The military intervention, Antonov said.") == 0.0
    assert spin_score("The navy intervention, Antonov mentioned.") == pytest.approx(1000 * 2 / 5)


def test_every_table_row_has_a_source_note():
    table = spin_table()
    assert (table["source"].str.len() > 10).all()
    assert set(table["scope"]) <= {"always", "spun"}
    assert not table.duplicated(["spun", "original", "left", "right"]).any()


# --- bad input ---------------------------------------------------------------------------------------

def test_bad_input_gets_clear_errors(seeds_corpus, tmp_path):
    with pytest.raises(CorpusError, match="paragraphs"):
        annotate(dataclasses.replace(seeds_corpus, paragraphs=seeds_corpus.paragraphs.iloc[0:0]))
    with pytest.raises(ParameterError, match="str"):
        despin(None)  # type: ignore[arg-type]
    bad = tmp_path / "bad.csv"
    bad.write_text("spun,original,scope\nfoo,bar,sometimes\n")
    with pytest.raises(ParameterError, match="scope"):
        spin_table(bad)
    with pytest.raises(ParameterError, match="does not exist"):
        spin_table(tmp_path / "missing.csv")
    with pytest.raises(ParameterError, match="spin_score expects a str"):
        spin_score(["a list of words"])  # type: ignore[arg-type]


def test_find_copies_rejects_a_frame_and_repeated_doc_ids():
    from kzlib.errors import TableError

    with pytest.raises(TableError, match="pandas Series indexed by doc_id"):
        find_copies(pd.DataFrame({"text": ["Putin met Biden."]}))  # type: ignore[arg-type]
    # two texts under one doc_id: the pairs could not say which text was meant
    twice = pd.Series(["Putin met Biden in 2021.", "Biden met Putin in 2021."], index=["a", "a"])
    with pytest.raises(CorpusError, match="'a'.*more than once"):
        find_copies(twice)


def test_a_corpus_of_one_document_is_its_own_story(seeds_corpus):
    one = seeds_corpus.documents["doc_id"] == D003
    c = dataclasses.replace(seeds_corpus, documents=seeds_corpus.documents[one],
                            paragraphs=seeds_corpus.paragraphs[seeds_corpus.paragraphs["doc_id"] == D003])
    out = annotate(c)
    assert out.documents["story_id"].tolist() == [D003]
    assert bool(out.documents["is_representative"].item())
    assert len(out.copies) == 0
    assert "Chilly" not in _despun(out, D003) and re.search(r"\bsaid\b", _despun(out, D003))
