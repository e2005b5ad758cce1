"""Embedded posts (tweets) are their authors' statements: the cleaner labels them ``post`` (not body, not
furniture) and the quotes stage emits each as a ``post`` row (session 22, review defect 11).

All texts are written for these tests; the expected values are read off them.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kzlib.actors import Gazetteer
from kzlib.clean import PARAGRAPH_KINDS, classify_paragraphs, clean
from kzlib.corpus import Corpus
from kzlib.quotes import QUOTE_KINDS, SPEECH_KINDS, extract_quotes, find_posts, post_quotes

GAZ_YAML = """
actors:
  - name: Jane Roe
    type: person
    affiliation: United States
    aliases: [Roe]
    source: written for the test
"""


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gaz") / "actors.yaml"
    path.write_text(GAZ_YAML, encoding="utf-8")
    return Gazetteer.from_yaml(path)


# --- find_posts: the forms of an embed -----------------------------------------------------------

def test_signature_with_date_em_dash():
    text = "Our schools stay open. pic.twitter.com/Ab12Cd — Sam Poe (@sampoe) March 3, 2016"
    (p,) = find_posts(text)
    assert (p.text, p.author, p.handle, p.date) == ("Our schools stay open.", "Sam Poe", "sampoe", "2016-03-03")
    assert text[p.start:p.end] == p.text
    assert text[p.author_start:p.author_end] == "Sam Poe"


def test_signature_without_date_en_dash():
    (p,) = find_posts("Vote early, vote often – Sam Poe (@sampoe)")
    assert (p.text, p.author, p.handle, p.date) == ("Vote early, vote often", "Sam Poe", "sampoe", "")


def test_signature_glued_to_a_link_and_day_first_date():
    (p,) = find_posts("Tickets on sale now.https://t.co/Zz9 pic.twitter.com/Qq1— Town Hall (@townhall) 4 May 2016.")
    assert (p.text, p.author, p.date) == ("Tickets on sale now.", "Town Hall", "2016-05-04")


def test_cyrillic_name_and_russian_date_on_the_next_line():
    text = "Порядок в Алматы восстановлен.\n— Иван Сидоров (@isidorov) 7 января 2022 г."
    (p,) = find_posts(text)
    assert (p.text, p.author, p.handle, p.date, p.line) == (
        "Порядок в Алматы восстановлен.", "Иван Сидоров", "isidorov", "2022-01-07", 0)


def test_a_raw_document_with_the_signature_after_a_blank_line():
    raw = "Roe Speaks\n\nThe mayor answered.\n\nWe act now.\n\n— Jane Roe (@janeroe) May 1, 2016\n\nMore news."
    (p,) = find_posts(raw)
    assert (p.text, p.line, p.handle) == ("We act now.", 4, "janeroe")


def test_markup_forms_handle_date_and_inner_signature():
    unix = '<tweet pic="" author="SamPoe" timestamp="1451606400" tweet_id="1">Happy new year! https://t.co/x</tweet>.'
    (p,) = find_posts(unix)
    assert (p.text, p.author, p.handle, p.date) == ("Happy new year!", "", "SamPoe", "2016-01-01")
    signed = ('<tweet id="2" author="@sampoe" datetime="2016-02-09">We won New Hampshire. '
              'pic.twitter.com/zz SIGN UP — Sam Poe (@sampoe) February 9, 2016</tweet>.')
    (p,) = find_posts(signed)
    assert (p.text, p.author, p.date) == ("We won New Hampshire.", "Sam Poe", "2016-02-09")


@pytest.mark.parametrize("text", [
    '<tweet tweet-id="3"><tweet/>.',                                   # an empty embed: no words
    '<tweet tweet-author=" a long sentence, not a handle">Words</tweet>',  # no handle
    "Follow Sam Poe (@sampoe) on Twitter for updates.",               # no dash before the name
    "— Sam Poe (@sampoe)",                                             # a sign-off alone, no text, no date
    "x " * 250 + "— Sam Poe (@sampoe) May 1, 2016",                    # too long for a post
])
def test_no_post(text):
    assert find_posts(text) == []


# --- the cleaner: kind "post", listed in removals, not body ------------------------------------------

def test_cleaner_labels_posts_and_keeps_body():
    paras = ["Candidates react to the vote", "The mayor spoke first and then left the hall.",
             '<tweet author="@sampoe" datetime="2016-03-03">We will keep the schools open.</tweet>.',
             "The council meets on Friday to discuss the budget plan.",
             "Nothing changes for now.", "— Jane Roe (@janeroe) March 4, 2016"]
    t = classify_paragraphs(paras)
    assert t["kind"].tolist() == ["title", "body", "post", "body", "post", "post"]
    assert "@sampoe (2016-03-03)" in t.loc[2, "reason"] and "statement" in t.loc[2, "reason"]
    assert "post" in PARAGRAPH_KINDS


def test_signoff_without_date_is_not_a_post():
    t = classify_paragraphs(["A headline here", "The vote is on Friday, officials said.", "— Jane Roe (@janeroe)"])
    assert t.loc[1, "kind"] == "body"
    assert t.loc[2, "kind"] != "post"


# --- the quotes stage: one row per post ----------------------------------------------------------

def _corpus(text: str) -> Corpus:
    docs = pd.DataFrame({"doc_id": ["d1"], "title": [""], "published": ["2016-03-05"], "published_basis": [""],
                         "date_certainty": [""], "outlet": ["x"], "language": ["en"], "text": [text]})
    return clean(Corpus(documents=docs))


def test_posts_become_post_rows_with_speakers(gaz):
    c = _corpus("Leaders React To The Vote\n\n"
                "Council member Sam Poe and the mayor reacted on Twitter to the result of the vote.\n\n"
                '<tweet author="SamPoe" timestamp="1457049600">This result is a victory for every family here.</tweet>.\n\n'
                '<tweet author="@realJaneRoe" datetime="2016-03-04">We lost tonight but we will be back.</tweet>.\n\n'
                '<tweet author="@pollwatch" datetime="2016-03-04">Turnout was the highest in ten years.</tweet>.\n\n'
                "Иван Сидоров тоже высказался.\n\n"
                "Порядок будет восстановлен.\n— Иван Сидоров (@isidorov) 4 March 2016")
    assert (c.removals["kind"] == "post").sum() == 5
    assert "This result is a victory" not in " ".join(c.sentences["text"])
    q = extract_quotes(c.paragraphs, actors=gaz)
    posts = q[q["kind"] == "post"].reset_index(drop=True)
    assert posts["speaker"].tolist() == ["Sam Poe", "Jane Roe", "@pollwatch", "Иван Сидоров"]
    assert posts["speaker_resolution"].tolist() == ["handle", "handle", "handle", "named"]
    assert posts["quote"].tolist() == ["This result is a victory for every family here.",
                                       "We lost tonight but we will be back.",
                                       "Turnout was the highest in ten years.", "Порядок будет восстановлен."]
    paras = c.paragraphs.set_index("para_id")["text"]
    for r in posts.itertuples():
        assert paras[r.para_id][r.start:r.end] == r.quote
    assert "post" in QUOTE_KINDS and "post" in SPEECH_KINDS


def test_post_already_quoted_keeps_one_row(gaz):
    c = _corpus("Roe Answers Critics\n\n"
                'Jane Roe tweeted: "We lost tonight but we will be back stronger next year."\n\n'
                '<tweet author="@janeroe" datetime="2016-03-04">We lost tonight but we will be back stronger next '
                'year.</tweet>.')
    q = extract_quotes(c.paragraphs, actors=gaz)
    hits = q[q["quote"].str.contains("we will be back")]
    assert len(hits) == 1
    assert hits["speaker"].iloc[0] == "Jane Roe"
    assert hits["kind"].iloc[0] != "post"


def test_a_slogan_quoted_in_the_article_does_not_hide_the_post(gaz):
    c = _corpus("Rally Hats Draw Notice\n\n"
                'Jane Roe wore a hat reading "Keep The Schools Open Now" at the rally, she said.\n\n'
                '<tweet author="@sampoe" datetime="2016-03-04">Jane Roe wore a Keep The Schools Open Now hat at '
                'the rally tonight. What a scene.</tweet>.')
    q = extract_quotes(c.paragraphs, actors=gaz)
    assert (q["kind"] == "post").sum() == 1


def test_post_quotes_without_post_paragraphs_is_empty(gaz):
    p = pd.DataFrame({"doc_id": ["d"], "para_id": [0], "kind": ["body"], "duplicate_of": [-1], "text": ["Hi."]})
    out = post_quotes(p, pd.DataFrame(columns=["doc_id", "quote", "kind", "speaker"]), gaz)
    assert out.empty


def test_a_russian_document_keeps_its_post(gaz):
    docs = pd.DataFrame({"doc_id": ["r1"], "title": [""], "published": ["2022-01-07"], "published_basis": [""],
                         "date_certainty": [""], "outlet": ["x"], "language": ["ru"],
                         "text": ["Власти заявили о стабилизации\n\n"
                                  "Министр Иван Сидоров заявил, что ситуация в городе стабилизировалась.\n\n"
                                  "Аэропорт откроется в понедельник. — Иван Сидоров (@isidorov) 7 января 2022 г."]})
    c = clean(Corpus(documents=docs))
    q = extract_quotes(c.paragraphs, actors=gaz, documents=c.documents)
    posts = q[q["kind"] == "post"]
    assert posts[["speaker", "quote"]].values.tolist() == [["Иван Сидоров", "Аэропорт откроется в понедельник."]]
    assert (q["kind"] != "post").any()   # the article's own sentence is still read by the Russian rules
