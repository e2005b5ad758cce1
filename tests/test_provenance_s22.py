"""Session 22: copies of one report vs related reports (a follow-up, shared background, another report of the
event), and machine-translation evidence that editorial typography does not give.

The texts are written for these tests: a made-up ferry accident told in short wire-style sentences, each on
its own fact, so that which sentences two texts share is known by construction.
"""

from __future__ import annotations

import dataclasses
import logging

import numpy as np
import pandas as pd
import pytest

from kzlib.provenance import annotate, find_copies
from kzlib.provenance._related import _day_numbers, _related
from kzlib.provenance.versions import _mt_artefacts, detect_versions

# the first report: its lead, then background
LEAD = "A passenger ferry capsized on Lake Orvena early Tuesday, leaving eleven travellers missing."
BACKGROUND = [
    "Coast guard divers searched the cold water near Marrick harbour through the night.",
    "The vessel carried forty passengers and six crew members on the morning crossing.",
    "Survivors described a sudden storm that tipped the overloaded deck sideways.",
    "Harbour officials had warned the operator about faulty bilge pumps last autumn.",
    "Regional governor Tamsin Roak promised an independent inquiry into the disaster.",
    "Families gathered outside the terminal building waiting for news of relatives.",
    "Volunteer fishermen joined the rescue boats and pulled several swimmers aboard.",
    "The ferry company suspended every departure pending safety inspections.",
    "Weather forecasters had issued gale warnings for the northern shore that evening.",
]
# what a later report adds: its own lead and new facts
NEW = [
    "Rescuers recovered three bodies from the wreck of the Orvena ferry on Wednesday.",
    "Prosecutors detained the ferry captain for questioning about the overloading.",
    "An engineering team began lifting the hull with floating cranes.",
    "Insurance assessors arrived from the capital to estimate compensation claims.",
]


def _join(sentences: list[str]) -> str:
    return " ".join(sentences)


FIRST = _join([LEAD, *BACKGROUND])                              # 10 sentences
# 10 sentences: the first report's lead and 5 of its background sentences (60 %), and 4 new ones
UPDATE = _join([LEAD, *BACKGROUND[:5], *NEW])
# 10 sentences: a lead of its own, 6 of the first report's background sentences, 3 new ones
OTHER_REPORT = _join([NEW[0], *BACKGROUND[:6], *NEW[1:]])


def _copies(texts: dict[str, str], published: dict[str, str] | None = None) -> list[tuple[str, str]]:
    found = find_copies(pd.Series(texts), published=None if published is None else pd.Series(published))
    return list(zip(found["doc_a"], found["doc_b"]))


def test_a_full_copy_is_a_copy_whatever_the_dates():
    # the same report run again eight days later (an archive's re-run) is still a copy of it
    assert _copies({"a": FIRST, "b": FIRST}, {"a": "2000-01-07", "b": "2000-01-15"}) == [("a", "b")]


def test_a_same_day_version_sharing_its_lead_is_a_copy():
    assert _copies({"a": FIRST, "b": UPDATE}, {"a": "2000-01-07", "b": "2000-01-07"}) == [("a", "b")]
    assert _copies({"a": FIRST, "b": UPDATE}) == [("a", "b")]             # no dates: the same rule without them


def test_a_partial_overlap_published_on_another_day_is_a_follow_up(caplog):
    with caplog.at_level(logging.INFO, logger="kzlib.provenance.copies"):
        assert _copies({"a": FIRST, "b": UPDATE}, {"a": "2000-01-07", "b": "2000-01-08"}) == []
    assert "a ~ b (6 aligned: published 1 day apart" in caplog.text and "both stay counted" in caplog.text
    # months apart, too (a later story that repeats the background)
    assert _copies({"a": FIRST, "b": UPDATE}, {"a": "1999-06-07", "b": "2000-01-24"}) == []


def test_a_report_with_a_lead_of_its_own_is_another_report_of_the_event():
    # same day, 6 of 10 sentences shared (background), but its first sentence is its own
    assert _copies({"a": FIRST, "b": OTHER_REPORT}, {"a": "2000-01-07", "b": "2000-01-07"}) == []


def test_two_shared_sentences_do_not_make_short_items_copies():
    # two 4-sentence notices on one deal that share 2 sentences of background (50 %: above the share)
    notice_a = _join([BACKGROUND[0], BACKGROUND[1], NEW[0], NEW[1]])
    notice_b = _join([BACKGROUND[0], BACKGROUND[1], NEW[2], NEW[3], LEAD])
    assert _copies({"a": notice_a, "b": notice_b}) == []
    # a 2-sentence item copied whole is a copy (all of its sentences align)
    short = _join(BACKGROUND[2:4])
    assert _copies({"a": short, "b": short + " " + NEW[2]}) == [("a", "b")]


def test_related_rules_read_the_aligned_sentences():
    sents = [frozenset({f"a{i}", f"b{i}", f"c{i}"}) for i in range(10)]
    same = [(i, i, 1.0) for i in range(6)]
    assert _related(0.6, same, sents, sents, gap_days=0.0) == ""
    assert _related(0.6, same, sents, sents, gap_days=float("nan")) == ""
    assert "apart" in _related(0.6, same, sents, sents, gap_days=2.0)
    assert _related(0.9, [(i, i, 1.0) for i in range(9)], sents, sents, gap_days=200.0) == ""
    assert "only 4 sentences" in _related(0.5, same[:4], sents[:8], sents, gap_days=0.0)
    # the shorter document is b here: its lead (sentence 0) must be among the aligned ones
    assert "lead" in _related(0.6, [(i, i - 1, 1.0) for i in range(2, 8)], sents + sents[:2], sents[1:])


def test_day_numbers_read_full_dates_only():
    days = _day_numbers(pd.Series({"x": "2016-03-15T22:30:00-05:00", "y": "2016-03-16", "z": "2016-03", "w": None}))
    assert days["y"] - days["x"] == 1
    assert days[["z", "w"]].isna().all()


def test_annotate_reads_publication_days(seeds_corpus):
    docs = seeds_corpus.documents.iloc[:2].copy()
    ids = docs["doc_id"].tolist()
    paras = pd.DataFrame({"doc_id": ids, "para_id": [0, 0], "kind": "body", "text": [FIRST, UPDATE],
                          "duplicate_of": -1})
    same_day = dataclasses.replace(seeds_corpus, documents=docs.assign(published="2000-01-07", version=""),
                                   paragraphs=paras)
    assert len(annotate(same_day).copies) == 1
    next_day = docs.assign(published=["2000-01-07", "2000-01-08"], version="")
    out = annotate(dataclasses.replace(seeds_corpus, documents=next_day, paragraphs=paras))
    assert len(out.copies) == 0
    assert out.documents["story_id"].nunique() == 2 and out.documents["is_representative"].all()



# --- the pairs kept apart, as a table (session 23) ------------------------------------------------------

def test_the_pairs_kept_apart_are_listed_with_their_reason():
    texts = pd.Series({"a": FIRST, "b": UPDATE, "c": OTHER_REPORT, "d": FIRST})
    days = pd.Series({"a": "2000-01-07", "b": "2000-01-09", "c": "2000-01-07", "d": "2000-01-07"})
    pairs = find_copies(texts, published=days, related=True)
    kind = {(a, b): r for a, b, r in zip(pairs["doc_a"], pairs["doc_b"], pairs["relation"])}
    assert kind[("a", "d")] == "copy"                    # the same text, the same day
    assert kind[("a", "b")] == "related"                 # two days later, 60 % shared: a follow-up
    assert kind[("a", "c")] == "related"                 # the same day, a lead of its own: another report
    why = dict(zip(zip(pairs["doc_a"], pairs["doc_b"]), pairs["reason"]))
    assert why[("a", "b")].startswith("published 2 days apart")
    assert "lead" in why[("a", "c")] and why[("a", "d")] == ""
    # without related=True the table is the copies table, as before
    plain = find_copies(texts, published=days)
    assert "relation" not in plain.columns
    assert list(zip(plain["doc_a"], plain["doc_b"])) == [(a, b) for (a, b), r in kind.items() if r == "copy"]


def test_annotate_keeps_the_related_table(seeds_corpus):
    docs = seeds_corpus.documents.iloc[:2].copy()
    ids = docs["doc_id"].tolist()
    paras = pd.DataFrame({"doc_id": ids, "para_id": [0, 0], "kind": "body", "text": [FIRST, UPDATE],
                          "duplicate_of": -1})
    next_day = docs.assign(published=["2000-01-07", "2000-01-08"], version="")
    out = annotate(dataclasses.replace(seeds_corpus, documents=next_day, paragraphs=paras))
    assert out.copies.empty
    assert out.related[["doc_a", "doc_b", "relation"]].values.tolist() == [[*sorted(ids), "related"]]
    assert out.related["aligned_sentences"].tolist() == [6]       # the lead and five background sentences
    same_day = dataclasses.replace(seeds_corpus, documents=docs.assign(published="2000-01-07", version=""),
                                   paragraphs=paras)
    assert annotate(same_day).related.empty


# --- machine translation -----------------------------------------------------------------------------

WIRE = ("The senator spoke for an hour. She said the plan would cost too much. Her aides handed out copies "
        "of the budget. Reporters asked about the deadline. ")


@pytest.mark.parametrize("text", [
    # AP style: an elision in a quotation is a spaced ellipsis
    WIRE + "\"We will not . . . give up,\" she said. \"The bill . . . is dead . . . for now.\" " * 3,
    # a list whose items start with a bullet letter (a symbol font's bullet read as "l")
    WIRE + "\n\n".join(["The report found three faults.", "l Missing records.", "l Broken locks.",
                        "l Unpaid staff."]) + "\n\nThe board met on Friday.",
    # "!" inside a show's or a company's name is no sentence end
    WIRE + "Funny Hats! aired on Sunday. The host of Funny Hats! won an award. Yahoo! said it would buy it. "
           "Jeopardy! returns next week.",
])
def test_editorial_typography_is_no_machine_translation_evidence(text):
    assert _mt_artefacts(text) == []
    got = detect_versions(pd.Series({"d": text * 3}), spin_scores=pd.Series({"d": 0.0}))
    assert got.loc["d", "version_detected"] == "original"


def test_one_kind_of_artefact_is_not_enough_for_machine_translation():
    # four sentences cut by a full stop in about 480 words (8 per 1,000), and nothing else: a text's own
    # habit or its extraction
    cut = ("The talks began in the capital. will continue next week. " + WIRE * 5) * 4
    got = detect_versions(pd.Series({"d": cut}), spin_scores=pd.Series({"d": 0.0}))
    assert got.loc["d", "mt_score"] > 2.0
    assert got.loc["d", "version_detected"] == "original"
    assert "4 MT artefacts of 1 kind" in got.loc["d", "version_evidence"]
    # one kind in a cut sentence every other sentence is machine translation all the same
    dense = pd.Series({"d": "The talks began. will continue next week. Officials met. on Monday they left. " * 10})
    assert detect_versions(dense, spin_scores=pd.Series({"d": 0.0})).loc["d", "version_detected"] == "machine-translated"


def test_two_kinds_of_artefact_at_a_rate_are_machine_translation():
    text = ("The talks began in the capital. will continue next week. The ministers met. Is. Then they left. "
            "on Monday officials said so. ") * 8
    kinds = {k for k, _ in _mt_artefacts(text)}
    assert kinds == {"cut sentence", "stranded auxiliary"}
    got = detect_versions(pd.Series({"d": text}), spin_scores=pd.Series({"d": 0.0}))
    assert got.loc["d", "version_detected"] == "machine-translated"
    # the same artefacts, too few for the text's length (a rate per 1,000 words), are no evidence
    long = pd.Series({"d": text[:200] + " " + WIRE * 200})
    assert detect_versions(long, spin_scores=pd.Series({"d": 0.0})).loc["d", "version_detected"] == "original"


def test_a_shared_boilerplate_block_makes_candidates_but_no_copies():
    # ten unrelated notices that all end with the same four-sentence block (half of each): every pair is a
    # candidate when no feature is left out for being common, but none is a copy of another
    from kzlib.provenance.minhash import _candidate_pairs

    rng = np.random.default_rng(3)
    vocab = ["".join(rng.choice(list("abcdefghijklmnopqrstuvwxyz"), 7)) for _ in range(3000)]

    def sentences(k: int) -> str:
        return " ".join(" ".join(rng.choice(vocab, 12)).capitalize() + "." for _ in range(k))

    block = sentences(4)
    texts = pd.Series({f"d{i}": sentences(4) + " " + block for i in range(10)})
    assert len(_candidate_pairs(texts, lsh_threshold=0.1, num_perm=256, max_df=1.0, seed=0)["pairs"]) == 45
    assert find_copies(texts, max_df=1.0).empty
