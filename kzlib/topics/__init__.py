"""Topic models over paragraphs, with the choice of k by coherence and a stability check.

A topic model says which groups of words tend to occur together in a corpus. This module fits one
over paragraphs (de-spun text, one copy per story by default) with scikit-learn, NMF on tf-idf or
LDA on counts, and reports with every model how far a reader can trust it:

- **coherence**: NPMI of each topic's top terms, estimated from paragraph co-occurrence in the
  corpus itself (Bouma 2009; Aletras & Stevenson 2013; Lau, Newman & Baldwin 2014). 1 means the
  terms always occur together, 0 that they occur together as often as chance, -1 never;
- **stability**: the model is refitted with other seeds on random subsamples of the paragraphs and
  each topic is matched (Hungarian method) to its best counterpart in each refit; the Jaccard
  overlap of their top terms, averaged, is the topic's stability (Greene, O'Callaghan & Cunningham
  2014, "How many topics? Stability analysis for topic models"). Topics that do not come back when
  the data are perturbed are artefacts of one run.

The vocabulary comes from a tokenizer that keeps acronyms ("U.S.", "CSTO") and hyphenated names,
stop words (scikit-learn's list adjusted by ``kzlib/data/stopwords.txt``), multi-word names from the
actor gazetteer (``kzlib/data/actors.yaml``, when present) and collocations learned from the corpus
(bigrams with high NPMI, merged over two passes so that four-word names such as "collective
security treaty organization" become one term). Russian paragraphs (the document's ``language`` is
``ru``, or most letters are Cyrillic) are read as lemmas (pymorphy3), with the Russian stop words of
``kzlib/data/ru/stopwords.yaml``, so that the inflected forms of a word are one term.

Submodules: ``tokens`` (tokenizer, stop words, gazetteer), ``encoder`` and ``streams`` (texts to term-id
streams and the passes over them), ``vectorizer`` (:class:`TopicVectorizer`), ``model``
(:class:`TopicModel`, :func:`topic_paragraphs`), ``quality`` (coherence, stability, verdicts),
``reliability`` (:func:`describe_reliability`, :func:`catch_all_topics`), ``selection`` (choice of k,
:func:`candidate_ks`: the k tried, growing with the corpus,
:func:`plan_topics`, :func:`topic_prevalence`), ``assign`` (which paragraphs have a topic at all: a paragraph
whose words the topics barely reproduce has none, instead of a share inflated to 1), ``study``
(:func:`topic_tables`: one model per language, the stage's tables).

Example:
    >>> import kzlib
    >>> corpus = kzlib.prepare()                                   # doctest: +SKIP
    >>> paras = topic_paragraphs(corpus)                           # doctest: +SKIP
    >>> table = select_k(paras, ks=range(2, 9))                    # doctest: +SKIP
    >>> model = TopicModel(k=best_k(table), seed=0).fit(paras)     # doctest: +SKIP
    >>> model.topics_[["topic_id", "label", "coherence", "stability"]]  # doctest: +SKIP
"""

from __future__ import annotations

from kzlib.topics.assign import below_floor, fit_floors, paragraph_fit
from kzlib.topics.model import METHODS, WEIGHT_DECIMALS, TopicModel, paragraph_languages, topic_paragraphs
from kzlib.topics.periods import own_terms, period_labels, period_topics
from kzlib.topics.quality import npmi_coherence, stability_verdict, topic_agreement
from kzlib.topics.reliability import catch_all_topics, describe_reliability
from kzlib.topics.selection import (
    K_CAP,
    K_DENSE,
    TopicPlan,
    best_k,
    candidate_ks,
    plan_topics,
    publication_periods,
    restrict_language,
    select_k,
    topic_prevalence,
)
from kzlib.topics.study import MIN_LANGUAGE_PARAGRAPHS, split_languages, topic_tables
from kzlib.topics.tokens import LANGUAGES, load_actor_aliases, load_stopwords, russian_mask, russian_term, tokenize
from kzlib.topics.vectorizer import TopicVectorizer

__all__ = [
    "restrict_language",
    "TopicVectorizer",
    "TopicModel",
    "topic_paragraphs",
    "select_k",
    "best_k",
    "candidate_ks",
    "K_DENSE",
    "K_CAP",
    "plan_topics",
    "TopicPlan",
    "npmi_coherence",
    "topic_agreement",
    "topic_prevalence",
    "publication_periods",
    "stability_verdict",
    "describe_reliability",
    "catch_all_topics",
    "period_topics",
    "period_labels",
    "own_terms",
    "paragraph_fit",
    "fit_floors",
    "below_floor",
    "split_languages",
    "topic_tables",
    "MIN_LANGUAGE_PARAGRAPHS",
    "load_stopwords",
    "load_actor_aliases",
    "tokenize",
    "METHODS",
    "WEIGHT_DECIMALS",
    "LANGUAGES",
    "paragraph_languages",
    "russian_mask",
    "russian_term",
]
