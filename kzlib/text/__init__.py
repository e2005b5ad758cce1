"""Text tools shared by kzlib's stages: sentence splitting, word tokens and lemmas, phrase matching.

- sentences: :class:`SentenceSplitter` (NLTK Punkt trained on the corpus, as :func:`kzlib.clean.clean`
  splits), :func:`sentence_spans` (razdel for Russian, Punkt otherwise), :func:`razdel_sentences`,
  :func:`rule_sentence_spans` (a regular expression, :data:`SENTENCE_BREAK`: no training);
- tokens: :func:`word_tokens` with offsets (razdel for Russian), Russian :func:`lemmas` / :func:`lemma`
  / :func:`parses` (pymorphy3);
- phrases: :func:`phrase_alternation` and :class:`PhraseMatcher` for many literal phrases at once, and
  the word index (:func:`word_index`, :func:`word_keys`, :func:`matches_at_words` …) that tells where
  such phrases can start; :class:`PatternSet` for many phrases written as small regular expressions
  (the stance cues), :func:`pattern_regex` for one;
- script: :func:`is_russian`, :func:`cyrillic_share`, :data:`ASCII_CASE_TWINS`;
- calendar: English and Russian month and weekday names (:func:`month_names`, :func:`month_number`,
  :func:`month_pattern`, :func:`weekday_names`, :func:`weekday_pattern`) from ``kzlib/data``;
- vectors: English text vectors, :func:`embed_texts` (WordLlama's bundled token embeddings,
  :func:`english_embedding`).

razdel, pymorphy3, NLTK and WordLlama are imported only when first used.

Example:
    >>> from kzlib.text import sentence_spans, word_tokens
    >>> [s for _, _, s in sentence_spans("Mr. Price spoke. Gen. Zas left.")]
    ['Mr. Price spoke.', 'Gen. Zas left.']
    >>> [t.text for t in word_tokens("Tokayev's decree")]
    ["Tokayev's", 'decree']
"""

from __future__ import annotations

from kzlib.text.calendar import month_names, month_number, month_pattern, weekday_names, weekday_pattern
from kzlib.text.patterns import PatternSet, pattern_regex
from kzlib.text.phrases import (
    ASCII_WORD_CHARS,
    PLAIN_PUNCTUATION,
    PhraseMatcher,
    WordIndex,
    fold_word,
    longest_first,
    matches_at_words,
    may_match,
    phrase_alternation,
    phrase_pattern,
    run_starts,
    word_index,
    word_key,
    word_keys,
)
from kzlib.text.script import ASCII_CASE_TWINS, CYRILLIC_LETTER, cyrillic_share, is_russian
from kzlib.text.sentences import (
    NO_BREAK_AFTER,
    SENTENCE_BREAK,
    SentenceSplitter,
    abbreviations,
    razdel_sentences,
    rule_sentence_spans,
    sentence_spans,
)
from kzlib.text.terms import LANGUAGES, load_stopwords, russian_mask, russian_term
from kzlib.text.tokens import Token, lemma, lemmas, parses, phrases_named, razdel_tokens, word_forms, word_tokens
from kzlib.text.vectors import embed_texts, english_embedding

__all__ = [
    "embed_texts",
    "english_embedding",
    "month_names",
    "month_number",
    "month_pattern",
    "weekday_names",
    "weekday_pattern",
    "LANGUAGES",
    "load_stopwords",
    "russian_mask",
    "russian_term",
    "ASCII_CASE_TWINS",
    "ASCII_WORD_CHARS",
    "CYRILLIC_LETTER",
    "NO_BREAK_AFTER",
    "SENTENCE_BREAK",
    "PLAIN_PUNCTUATION",
    "PatternSet",
    "PhraseMatcher",
    "SentenceSplitter",
    "Token",
    "WordIndex",
    "abbreviations",
    "cyrillic_share",
    "fold_word",
    "longest_first",
    "is_russian",
    "lemma",
    "lemmas",
    "matches_at_words",
    "may_match",
    "parses",
    "phrases_named",
    "pattern_regex",
    "phrase_alternation",
    "phrase_pattern",
    "razdel_sentences",
    "razdel_tokens",
    "rule_sentence_spans",
    "run_starts",
    "sentence_spans",
    "word_index",
    "word_key",
    "word_forms",
    "word_keys",
    "word_tokens",
]
