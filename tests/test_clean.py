"""Cleaning: paragraph kinds, the removal log and sentences. Expected values come from reading the seeds."""

from __future__ import annotations

import pandas as pd
import pytest

import kzlib
from kzlib import SentenceSplitter, analysable, classify_paragraphs, split_paragraphs

D000, D001, D002, D003, D004 = ("000_d7fcb602a5d755b1", "001_288f76d67bc71bf5", "002_263d34c5b9433d99",
                                "003_b322d1b1fe5c5e11", "004_4b552bcad1b25064")


def _kinds(corpus, doc_id: str) -> pd.DataFrame:
    p = corpus.paragraphs
    return p[p["doc_id"] == doc_id].set_index("para_id")


def _kind_of(corpus, doc_id: str, startswith: str) -> list[str]:
    p = _kinds(corpus, doc_id)
    return p.loc[p["text"].str.startswith(startswith), "kind"].tolist()


def test_blog_copies_lose_only_the_comment_prompt(seeds_corpus):
    for doc in (D000, D003):
        p = _kinds(seeds_corpus, doc)
        removed = p[p["kind"] != "body"]
        assert removed["text"].tolist() == ["Post a Comment"]
        assert (p["duplicate_of"] < 0).all()


def test_machine_translated_copy_captions_credits_and_tags(seeds_corpus):
    c = seeds_corpus
    assert _kind_of(c, D001, "With Ukraine Tension High") == ["title"]
    for credit in ("US Army/Major Kevin Sandell", "Alexander Bogdanov/AFP/Getty Images",
                   "Vyacheslav Osledko / AFP / Getty Images"):
        assert _kind_of(c, D001, credit) == ["credit"], credit
    for caption in ("A platoon of US soldiers", "A burned-down administrative building", "Police officers on Friday"):
        assert _kind_of(c, D001, caption) == ["caption"], caption
    assert _kind_of(c, D001, "kazakhstan, protest, almaty") == ["tags"]
    assert _kind_of(c, D001, "Kazakhstan, protest, CSTO, intervention") == ["tags"]
    # everything else in 001 is article text
    p = _kinds(c, D001)
    assert (p["kind"] == "body").sum() == len(p) - 9


def test_aggregator_copy(seeds_corpus):
    c = seeds_corpus
    assert _kind_of(c, D002, "Saturday, January 29, 2022") == ["dateline"]
    assert _kind_of(c, D002, "Kazakh unrest is escalating Russia") == ["title"]
    assert _kind_of(c, D002, "Riot police stop protesters") == ["caption"]
    # two captions printed twice: both copies are captions, the second points at the first
    for caption in ("This handout photo", "A bus burned during the conflict"):
        p = _kinds(c, D002)
        rows = p[p["text"].str.startswith(caption)]
        assert rows["kind"].tolist() == ["caption", "caption"]
        assert rows["duplicate_of"].tolist() == [-1, rows.index[0]]
    # the aggregator's footer, from the syndication notice to the end
    footer = ["This article is republished from", "Nation World News Desk", "Nation World News is the fastest",
              "Latest news", "Related news", "- Advertisement -"]
    for line in footer:
        assert _kind_of(c, D002, line) == ["boilerplate"], line
    doc = c.documents.set_index("doc_id").loc[D002]
    assert doc["dateline"] == "2022-01-29"
    assert doc["republished_from"] == "Voa News"
    p = _kinds(c, D002)
    assert (p["kind"] == "body").sum() == len(p) - 13


def test_interview_piece(seeds_corpus):
    c = seeds_corpus
    assert _kind_of(c, D004, "Jan 10, 2022") == ["dateline"]
    assert _kind_of(c, D004, "0 0") == ["boilerplate"]
    assert _kind_of(c, D004, "USA: Tokayev must decide") == ["title"]
    assert _kind_of(c, D004, "In the photo:") == ["caption", "caption"]
    assert _kind_of(c, D004, "Article Categories:") == ["boilerplate"]
    assert _kind_of(c, D004, "Leave a Reply") == ["boilerplate"]
    # the interviewer's questions and the dash-led answers are article text
    assert set(_kind_of(c, D004, "“SP”: –")) == {"body"}
    assert set(_kind_of(c, D004, "– ")) == {"body"}


def test_no_body_paragraph_holds_furniture(seeds_corpus):
    body = analysable(seeds_corpus.paragraphs)["text"]
    for furniture in ("Getty Images", "Post a Comment", "Leave a Reply", "Nation World News", "In the photo",
                      "Advertisement", "handout photo", "Kevin Sandell", "Article Categories", "Related news"):
        assert not body.str.contains(furniture, regex=False).any(), furniture


def test_removal_log_lists_every_non_body_paragraph_with_a_reason(seeds_corpus):
    p, r = seeds_corpus.paragraphs, seeds_corpus.removals
    expected = p[(p["kind"] != "body") | (p["duplicate_of"] >= 0)]
    assert len(r) == len(expected) == 31
    assert (r["reason"].str.len() > 0).all()


def test_sentences_keep_abbreviations_intact(seeds_corpus):
    s = seeds_corpus.sentences
    d000 = s[s["doc_id"] == D000]["text"].tolist()
    assert any(t.startswith("Russian ambassador to the U.S. Anatoly Antonov informed Newsweek that") for t in d000)
    splitter = SentenceSplitter().fit(seeds_corpus.sentences["text"].tolist())
    spans = splitter.spans("Mr. Blinken met U.S. officials on Jan. 7 in Washington. Then he flew to Geneva.")
    assert [t for _, _, t in spans] == ["Mr. Blinken met U.S. officials on Jan. 7 in Washington.",
                                       "Then he flew to Geneva."]


def test_sentence_offsets_point_into_the_paragraph(seeds_corpus):
    paras = seeds_corpus.paragraphs.set_index(["doc_id", "para_id"])["text"]
    for row in seeds_corpus.sentences.sample(40, random_state=0).itertuples():
        assert paras[(row.doc_id, row.para_id)][row.start:row.end] == row.text


def test_general_rules_on_a_wordpress_page():
    paras = ["Share this:", "Troops arrive in Almaty", "Russian paratroopers landed in Almaty on Thursday, "
             "officials said.", "Paratroopers board a transport plane near Moscow.", "Photo: Reuters",
             "Tokayev thanked the allies.", "Tags: CSTO, Russia, Almaty", "Related Posts", "Leave a Comment",
             "Jane Doe on January 8, 2022 at 10:00 am"]
    kinds = classify_paragraphs(paras)["kind"].tolist()
    assert kinds == ["boilerplate", "title", "body", "caption", "credit", "body", "tags", "boilerplate",
                     "boilerplate", "boilerplate"]


def test_hard_wrapped_text_is_joined_into_paragraphs():
    text = ("The Collective Security Treaty Organization said on Thursday that\n"
            "its peacekeepers had arrived in Kazakhstan and would stay until the\n"
            "situation was stable.\n\nA second paragraph.")
    assert split_paragraphs(text) == [
        "The Collective Security Treaty Organization said on Thursday that its peacekeepers had arrived in "
        "Kazakhstan and would stay until the situation was stable.", "A second paragraph."]


@pytest.mark.parametrize("line, date", [("Saturday, January 29, 2022", "2022-01-29"), ("Jan 10, 2022", "2022-01-10"),
                                        ("10 January 2022", "2022-01-10"), ("2022-01-07", "2022-01-07")])
def test_datelines_are_parsed(line, date):
    table = classify_paragraphs([line, "Headline", "Body text of the article. It goes on."])
    assert table.loc[0, "kind"] == "dateline"
    assert table.loc[0, "dateline"] == date


def test_a_given_splitter_is_used_and_must_be_fitted():
    from kzlib import clean, load_corpus

    corpus = load_corpus()
    # a splitter that knows no abbreviation cuts "U.S. Anatoly" after "U.S."; the corpus-trained one does not
    naive = SentenceSplitter(abbreviations=[]).fit(["One sentence. Another one."])
    s = clean(corpus, splitter=naive).sentences
    d000 = s[s["doc_id"] == D000]["text"].tolist()
    assert "Russian ambassador to the U.S." in d000
    assert not any(t.startswith("Russian ambassador to the U.S. Anatoly Antonov") for t in d000)
    with pytest.raises(ValueError, match="fitted SentenceSplitter"):
        clean(corpus, splitter=SentenceSplitter())


def test_lower_casing_keeps_word_characters_but_one():
    # _classify counts a paragraph's words from its lower-cased key; this holds for every character but "İ"
    import re
    import sys

    word = re.compile(r"\w")
    changed = [cp for cp in range(sys.maxunicode + 1)
               if any(bool(word.match(ch)) != bool(word.match(chr(cp))) for ch in chr(cp).lower())]
    assert changed == [0x130]


def test_word_counts_and_cheap_checks_agree_with_the_plain_rules(seeds_corpus):
    import re

    from kzlib.clean.paragraphs import (
        _NON_WORD,
        _ends_with,
        _is_credit,
        _is_tags,
        _n_words,
        _words_of_key,
    )

    paras = seeds_corpus.paragraphs["text"].tolist() + [
        "İstanbul talks, İzmir", "Tags: kazakhstan, almaty, csto", "Filed under: a, b, c.", "Keywords:",
        "Photo: Reuters/ Pavel Mikheyev", "AFP / Getty Images", "Headline\n", "A line.\n", " ", "",
        "kazakhstan, protest, almaty, " + "word " * 40, "Topics: one; two; three",
    ]
    for p in paras:
        key = _NON_WORD.sub(" ", p.lower()).strip()
        assert _words_of_key(p, key) == _n_words(p), p
        assert _is_credit(p, _n_words(p)) == _is_credit(p), p
        assert _is_tags(p, _n_words(p)) == _is_tags(p), p
        assert _ends_with(p, (".", ";", ":", ",", '"', "”")) == bool(re.search(r"[.;:,\"”]$", p)), p


def test_sentence_spans_are_punkt_s_own(seeds_corpus):
    import pickle

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    splitter = SentenceSplitter().fit(analysable(seeds_corpus.paragraphs)["text"].tolist())
    punkt = PunktSentenceTokenizer(splitter.tokenizer_._params)
    texts = seeds_corpus.paragraphs["text"].tolist() + [
        "", "   ", "No full stop here", "One sentence.", "One sentence.  ", "Trailing blank. \u3000",
        "Ends with a mark.)", "Two. Sentences.", "What? Really!", "a.b", "?", "He said: “No.” Then left.",
        "U.S. officials met on Jan. 7. They left.", "Dots... and more", "Last.\x1c", "x. \x1cy",
    ]
    want = [[(s, e, t[s:e]) for s, e in punkt.span_tokenize(t)] for t in texts]
    assert [splitter.spans(t) for t in texts] == want
    assert [splitter.spans(t) for t in texts] == want          # the remembered decisions give the same
    assert splitter.tokenizer_._decisions
    again = pickle.loads(pickle.dumps(splitter))              # as Dask ships it: without what it remembered
    assert not again.tokenizer_._decisions
    assert [again.spans(t) for t in texts] == want


def test_a_sentence_about_something_published_is_no_syndication_notice():
    """Issue 19: "published by" in article text (a decree, a report) does not end the article."""
    paras = ["Tokayev signs decree", "The president signed a decree on the state of emergency on Wednesday.",
             "The decree was published by the presidential press service.",
             "“Order has been restored,” Tokayev said in a televised address on Friday.",
             "Troops will stay until the situation stabilises, officials said."]
    p = kzlib.classify_paragraphs(paras)
    assert p["kind"].tolist()[1:] == ["body", "body", "body", "body"]
    # a real notice, the article speaking of itself, still ends it
    notices = ["This article was originally published by Example News. Read the original.",
               "Republished from Example Wire under a Creative Commons licence.",
               "This story has been published in partnership with Example Daily."]
    for notice in notices:
        kinds = kzlib.classify_paragraphs(paras[:2] + [notice, "Related news", "Most read"])["kind"].tolist()
        assert kinds[2:] == ["boilerplate", "boilerplate", "boilerplate"], notice


def test_a_decree_paragraph_does_not_make_the_document_republished(tmp_path):
    (tmp_path / "decree.txt").write_text(
        "Tokayev signs decree\n\nThe president signed a decree on the state of emergency on Wednesday.\n\n"
        "The decree was published by the presidential press service.\n\n"
        "“Order has been restored,” Tokayev said in a televised address on Friday.\n")
    c = kzlib.clean(kzlib.load_corpus(tmp_path))
    doc = c.documents.iloc[0]
    assert doc["republished_from"] == ""
    assert doc["version"] != "republished"
    assert "Order has been restored" in " ".join(c.paragraphs.loc[c.paragraphs["kind"] == "body", "text"])


def test_sentence_spans_match_punkt_on_random_text(seeds_corpus):
    """The spans written out without NLTK's generators (SentenceSplitter.spans) are Punkt's own on text
    made of the characters its patterns look at: marks, quotes, brackets, ASCII and other blanks."""
    import random

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    splitter = SentenceSplitter().fit(analysable(seeds_corpus.paragraphs)["text"].tolist())
    punkt = PunktSentenceTokenizer(splitter.tokenizer_._params)
    pieces = ["Gen", "Mr", "U.S", "Jan", "said", "The", "he", "A", "7", "x", ".", ".", "!", "?", "...", ")", "(",
              '"', "'", "“", "”", "«", "»", "-", "--", ",", ";", ":", " ", " ", "  ", "\n", "\t", "\u00a0", "\x0b"]
    rng = random.Random(0)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for t in texts:
        assert splitter.spans(t) == [(s, e, t[s:e]) for s, e in punkt.span_tokenize(t)], repr(t)


def test_punkt_trained_through_kzlib_learns_what_nltk_learns(seeds_corpus):
    """SentenceSplitter trains Punkt with its own token class (NLTK's patterns called directly): the same
    abbreviations, collocations, sentence starters and orthographic contexts as NLTK's PunktTrainer."""
    from nltk.tokenize.punkt import PunktTrainer

    texts = analysable(seeds_corpus.paragraphs)["text"].tolist()
    ours = SentenceSplitter(abbreviations=[]).fit(texts).tokenizer_._params
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = False
    trainer.train("\n\n".join(texts), finalize=True)
    theirs = trainer.get_params()
    assert ours.abbrev_types == theirs.abbrev_types and ours.abbrev_types
    assert ours.collocations == theirs.collocations
    assert ours.sent_starters == theirs.sent_starters
    assert dict(ours.ortho_context) == dict(theirs.ortho_context) and ours.ortho_context


def test_paragraph_keys_are_their_words_joined_by_one_space():
    """_classify keys a paragraph by its lower-cased words joined by one space: the text with each run of
    non-word characters made one space, stripped."""
    from kzlib.clean.paragraphs import _NON_WORD, _WORD

    for p in ["", " ", "--", "Word", " Leading and trailing. ", "a\u00a0b\tc\n", "İstanbul’s «news»", "x_y 3,5 é"]:
        assert " ".join(_WORD.findall(p.lower())) == _NON_WORD.sub(" ", p.lower()).strip(), p
