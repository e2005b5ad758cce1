"""Framing compares like with like (review of session 21, defect 6, the rest): Fightin' Words over outlets of a
corpus that spans decades finds each outlet's era and subject, not its framing. A group is now compared only with
the groups of its own language and publication period, in the documents on the study's subject (the targets'
scope); groups with no such comparison are listed with the reason. The corpus is written for the tests: two
periods (August 1990, January 2022), two outlets in each, both outlets of a period on the same events, each with
its own planted word for the people in the streets or for the war."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pandas as pd
import pytest

from kzlib.errors import ParameterError
from kzlib.framing import document_periods, fightin_words, subject_documents, within_columns, within_comparisons
from kzlib.plots import voices as pv
from kzlib.stages import framing

# 1990: both on the Gulf crisis (kuwait, iraq, troops); the Gazette says "aggression", the Courier "liberation".
GAZETTE = "Iraq invaded Kuwait. The aggression shocked Kuwait. Troops answered the aggression near Kuwait."
COURIER = "Troops moved toward Kuwait. The liberation of Kuwait began. Iraq lost Kuwait in the liberation."
# 2022: both on the Kazakhstan unrest; the Herald says "rioters", the Tribune "demonstrators".
HERALD = "Rioters filled Almaty. Kazakhstan sent police after rioters. Kazakhstan blamed rioters in Almaty."
TRIBUNE = "Demonstrators filled Almaty. Kazakhstan met demonstrators with police. Kazakhstan heard demonstrators."
REPEAT = 5  # each document is its text five times: enough words for a z-score to pass 1.96


def _paragraphs() -> pd.DataFrame:
    rows = [("g1", "Gazette", "1990-08-03", GAZETTE), ("g2", "Gazette", "1990-08-10", GAZETTE),
            ("c1", "Courier", "1990-08-05", COURIER), ("c2", "Courier", "1990-08-12", COURIER),
            ("h1", "Herald", "2022-01-06", HERALD), ("h2", "Herald", "2022-01-08", HERALD),
            ("t1", "Tribune", "2022-01-07", TRIBUNE)]
    df = pd.DataFrame(rows, columns=["doc_id", "group", "published", "text"]).assign(language="en")
    df["text"] = [" ".join([t] * REPEAT) for t in df["text"]]
    return df.merge(document_periods(df)[["doc_id", "period"]], on="doc_id")


def _z(fw: pd.DataFrame, group: str, term: str) -> float:
    return float(fw.set_index(["group", "term"]).loc[(group, term), "log_odds_z"])


def test_against_the_whole_corpus_an_outlet_s_distinctive_words_are_its_era():
    """What the reviewer saw (nyt 2016: coal, clarke): against 1990 and 2022 together, 'kazakhstan' (4 times in
    the Herald's two texts, twice in the Tribune's one, never in 1990) is distinctive of the Herald, and 'kuwait'
    (three times in each text of 1990) of the Gazette."""
    whole = fightin_words(_paragraphs(), min_count=2)
    assert _z(whole, "Herald", "kazakhstan") >= 1.96
    assert _z(whole, "Gazette", "kuwait") >= 1.96


def test_within_language_and_period_the_era_drops_out_and_the_planted_word_stays():
    fw = fightin_words(_paragraphs(), min_count=2, within=("language", "period"))
    herald = fw[fw["group"] == "Herald"]
    assert set(herald["within"]) == {"en, 2022-01-06/2022-01-08"}
    assert set(herald["other"]) == {"rest"}
    # the Herald's reference is the Tribune alone: nothing of 1990 is in it
    assert "kuwait" not in set(herald["term"]) and "iraq" not in set(herald["term"])
    assert herald.iloc[0]["term"] == "rioters"              # 3 per text, 5 texts a document, 2 documents; none in the Tribune
    assert int(herald.iloc[0]["count"]) == 30 and int(herald.iloc[0]["count_other"]) == 0
    assert _z(fw, "Herald", "kazakhstan") < 1.96                    # both outlets of 2022 name the country
    assert _z(fw, "Herald", "kazakhstan") < _z(fightin_words(_paragraphs(), min_count=2), "Herald", "kazakhstan")
    gazette = fw[fw["group"] == "Gazette"]
    assert gazette.iloc[0]["term"] == "aggression" and _z(fw, "Gazette", "kuwait") < 1.96
    # documents on each side: the Herald's 2 against the Tribune's 1; the Gazette's 2 against the Courier's 2
    sides = fw.drop_duplicates("group").set_index("group")[["n_documents", "n_documents_other"]]
    assert sides.loc["Herald"].tolist() == [2, 1] and sides.loc["Gazette"].tolist() == [2, 2]


def test_one_period_gives_the_same_scores_as_the_language_alone():
    """The bundled seeds are one period: the comparison by language and period is the one by language."""
    one = _paragraphs().query("group in ['Herald', 'Tribune']")
    by_language = fightin_words(one, min_count=1, within="language")
    by_both = fightin_words(one, min_count=1, within=("language", "period"))
    assert by_language[["term", "group", "log_odds_z"]].equals(by_both[["term", "group", "log_odds_z"]])


def test_a_group_alone_in_its_period_is_not_compared_and_logged(caplog):
    lone = pd.DataFrame({"doc_id": ["x1"], "group": ["Sentinel"], "published": ["2005-03-01"],
                         "text": [HERALD], "language": ["en"]})
    df = pd.concat([_paragraphs(), lone.assign(period=document_periods(lone)["period"])], ignore_index=True)
    plan = within_comparisons(df, within=("language", "period"))
    assert plan.set_index("group").loc["Sentinel", "compared"] == False  # noqa: E712 (a numpy bool)
    with caplog.at_level(logging.WARNING, logger="kzlib.framing"):
        fw = fightin_words(df, min_count=2, within=("language", "period"))
    assert "Sentinel" not in set(fw["group"])
    assert any("Sentinel" in r.getMessage() and "language and period" in r.getMessage() for r in caplog.records)


def test_document_periods_from_the_publication_clusters():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d", "e", "f"],
                         "language": ["en", "en", "en", "ru", "en", "de"],
                         "published": ["1990-08-03", "1990-08-12", "2022-01-07", "", "", ""]})
    p = document_periods(docs).set_index("doc_id")
    assert p.loc["a", "period"] == p.loc["b", "period"] == "1990-08-03/1990-08-12"
    assert p.loc["c", "period"] == "2022-01-07/2022-01-07"
    # undated Russian: no Russian document is dated, so its period cannot be told apart
    assert p.loc["d", "period"] == "" and p.loc["f", "period"] == ""
    # undated English: English documents span two periods, so it has none
    assert p.loc["e", "period"] is None and "span 2 periods" in p.loc["e", "basis"]
    # a Russian document dated in 2022 gives the undated Russian one its period
    docs.loc[len(docs)] = ["g", "ru", "2022-01-07"]
    assert document_periods(docs).set_index("doc_id").loc["d", "period"] == "2022-01-07/2022-01-07"
    # a gap of 9 days splits August 1990 when periods end at gaps over a week
    assert document_periods(docs, gap_days=7).set_index("doc_id").loc["a", "period"] == "1990-08-03/1990-08-03"


def test_within_must_name_columns():
    assert within_columns("language") == ("language",)
    for bad in ((), ("language", "language"), ("",)):
        with pytest.raises(ParameterError):
            within_columns(bad)


def _corpus() -> SimpleNamespace:
    p = _paragraphs()
    extra = pd.DataFrame({"doc_id": ["u1", "s1"], "group": ["Ledger", "Sentinel"], "published": ["", "2005-03-01"],
                          "text": [COURIER, HERALD], "language": "en"})
    both = pd.concat([p.drop(columns="period"), extra], ignore_index=True)
    docs = both[["doc_id", "group", "published", "language"]].rename(columns={"group": "outlet"}).assign(
        story_id=lambda d: d["doc_id"], is_representative=True)
    paras = both[["doc_id", "text"]].assign(para_id=0, kind="body", duplicate_of=-1, text_despun=both["text"])
    corpus = SimpleNamespace(documents=docs, paragraphs=paras)
    corpus.representatives = lambda: corpus
    return corpus


def _quotes() -> pd.DataFrame:
    rows = [("h1", "Ann Smith", "The rioters will answer for this."), ("t1", "Ann Smith", "The rioters must stop."),
            ("h1", "Bo Chen", "The demonstrators were peaceful."), ("h2", "Bo Chen", "The demonstrators went home.")]
    q = pd.DataFrame(rows, columns=["doc_id", "speaker", "quote"])
    return q.assign(quote_id=range(len(q)), kind="direct", speaker_resolution="named", affiliation="",
                    speaker_type="person", n_words=q["quote"].str.split().str.len())


def _gazetteer() -> pd.DataFrame:
    return pd.DataFrame({"name": ["Ann Smith", "Bo Chen"], "type": ["person", "person"],
                         "affiliation": ["Utopia", "Atlantis"], "role": ["minister", "minister"]})


def test_the_framing_stage_says_what_it_compared_and_what_not(caplog):
    with caplog.at_level(logging.WARNING, logger="kzlib.framing"):
        out = framing(_corpus(), _quotes(), _gazetteer(), min_term_count=2)
    outlets = out["framing"][out["framing"]["comparison"] == "outlet"]
    assert set(zip(outlets["within"], outlets["group"])) == {
        ("en, 1990-08-03/1990-08-12", "Gazette"), ("en, 1990-08-03/1990-08-12", "Courier"),
        ("en, 2022-01-06/2022-01-08", "Herald"), ("en, 2022-01-06/2022-01-08", "Tribune")}
    checks = out["framing_checks"].set_index("comparison")
    assert checks.loc["outlet", "reason"] == ""
    assert checks.loc["outlet", "compared"] == ("en, 1990-08-03/1990-08-12: 2 outlets, 4 documents; "
                                                "en, 2022-01-06/2022-01-08: 2 outlets, 3 documents")
    gone = checks.loc["outlet", "not_compared"]
    assert "Sentinel (the only outlet in en, 2005-03-01/2005-03-01)" in gone
    assert "Ledger (no date, and its language's documents span 3 periods)" in gone
    assert any("(of 1 document(s)) of outlets left out of the outlet comparison" in r.getMessage()
               and "span 3 periods" in r.getMessage() for r in caplog.records)
    # speaker groups: both quoted in h1, so h1 is on both sides
    spoken = out["framing"][out["framing"]["comparison"] == "speaker group"].drop_duplicates("group")
    assert spoken.set_index("group")[["n_documents", "n_documents_other"]].to_dict("index") == {
        "Utopia officials": {"n_documents": 2, "n_documents_other": 2},
        "Atlantis officials": {"n_documents": 2, "n_documents_other": 2}}


def test_the_figure_says_what_was_compared_with_what():
    fw = fightin_words(_paragraphs(), min_count=2, within=("language", "period"))
    fig = pv.distinctive_terms(fw, title="Words", z=1.0,
                               not_compared="Sentinel (the only outlet in en, 2005-03-01/2005-03-01)")
    titles = [a.get_title() for a in fig.axes if a.get_visible()]
    assert "Herald (en, 2022-01-06/2022-01-08)\n2 vs 1 documents" in titles
    sup = fig._suptitle.get_text().replace("\n", " ")
    assert "own language and publication period" in sup and "Sentinel (the only outlet in en," in sup
    one = fw[fw["within"] == "en, 2022-01-06/2022-01-08"]
    fig = pv.distinctive_terms(one, title="Words", z=1.0)
    sup = fig._suptitle.get_text().replace("\n", " ")
    assert "written in en and published 2022-01-06 to 2022-01-08" in sup
    assert "Herald\n2 vs 1 documents" in [a.get_title() for a in fig.axes]


def _corpus_of(rows: list[tuple[str, str, str, str]]) -> SimpleNamespace:
    """A corpus of (doc_id, outlet, published, text), English, one copy per story."""
    both = pd.DataFrame(rows, columns=["doc_id", "outlet", "published", "text"]).assign(language="en")
    both["text"] = [" ".join([t] * REPEAT) for t in both["text"]]
    docs = both[["doc_id", "outlet", "published", "language"]].assign(story_id=both["doc_id"], is_representative=True)
    paras = both[["doc_id", "text"]].assign(para_id=0, kind="body", duplicate_of=-1, text_despun=both["text"])
    corpus = SimpleNamespace(documents=docs, paragraphs=paras)
    corpus.representatives = lambda: corpus
    return corpus


ON_SUBJECT = [SimpleNamespace(name="Kazakhstan", scope=("Kazakh(stan|stani)?", "Almaty"))]


def test_only_documents_on_the_study_s_subject_are_compared(caplog):
    """The 1990 outlets name nothing of the targets' scope (Kazakhstan, Almaty): they reported other events, so
    they are not compared; an undated document on the subject takes the one period of the documents on it."""
    corpus = _corpus_of([("g1", "Gazette", "1990-08-03", GAZETTE), ("c1", "Courier", "1990-08-05", COURIER),
                         ("h1", "Herald", "2022-01-06", HERALD), ("t1", "Tribune", "2022-01-07", TRIBUNE),
                         ("p1", "Post", "", TRIBUNE)])
    with caplog.at_level(logging.WARNING, logger="kzlib.framing"):
        out = framing(corpus, _quotes().iloc[:0], _gazetteer(), ON_SUBJECT, min_term_count=2)
    outlets = out["framing"][out["framing"]["comparison"] == "outlet"]
    assert set(outlets["group"]) == {"Herald", "Tribune", "Post"}
    assert set(outlets["within"]) == {"en, 2022-01-06/2022-01-07"}
    checks = out["framing_checks"].set_index("comparison")
    assert checks.loc["outlet", "subject"].startswith("3 of 5 documents on the study's subject")
    assert checks.loc["outlet", "not_compared"] == ("Courier (no document on the study's subject); "
                                                    "Gazette (no document on the study's subject)")
    assert any("name nothing of the study's subject" in r.getMessage() for r in caplog.records)
    # without the targets (or with targets that have no scope) every document is compared, in its period
    every = framing(corpus, _quotes().iloc[:0], _gazetteer(), min_term_count=2)["framing"]
    assert {"Gazette", "Courier"} <= set(every["group"]) and "Post" not in set(every["group"])


def test_subject_documents_reads_the_title_and_leaves_other_languages_unchecked():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "language": ["en", "en", "ru"],
                         "title": ["Unrest in Almaty", "Coal mines", "Уголь"]})
    paras = pd.DataFrame({"doc_id": ["a", "b", "c"], "kind": ["body", "body", "body"],
                          "text": ["Police fired.", "Miners struck in Kentucky.", "Шахтёры бастуют."]})
    s = subject_documents(paras, docs, ON_SUBJECT).set_index("doc_id")
    assert s["on_subject"].tolist() == [True, False, True]
    assert s.loc["a", "subject_basis"] == "names 'Almaty'" and s.loc["c", "subject_basis"].startswith("not checked")
    assert subject_documents(paras, docs, [SimpleNamespace(scope=())])["on_subject"].all()
