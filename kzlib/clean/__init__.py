"""Clean a corpus: paragraphs labelled by kind, furniture removed with reasons, sentences split.

Every paragraph of every document is kept in the ``paragraphs`` table with its ``kind`` (body, title,
dateline, caption, credit, tags, boilerplate, post: an embedded post, whose words ``kzlib.quotes`` keeps as a statement) and the ``reason`` it was given; repeats point at their
first occurrence (``duplicate_of``). The ``removals`` table lists every paragraph that is not analysed
as body text, and why. Sentences come from NLTK's Punkt, trained on the corpus itself plus a list of
abbreviations (no downloads): :class:`kzlib.text.SentenceSplitter`, importable from here too.

The rules are general — page furniture of blogs, CMSs and aggregators (``kzlib/data/furniture.yaml``,
English and Russian: "Другие новости" sidebars end the article, "Читайте также" links are furniture),
the conventions of photo captions and credits, keyword tag lines, datelines (English and Russian:
"АЛМАТЫ, 6 января. /ТАСС/.", also when glued to the first sentence) — not lists of strings of a
particular corpus.
"""

from kzlib.clean.paragraphs import (
    PARAGRAPH_KINDS,
    SentenceSplitter,
    analysable,
    classify_paragraphs,
    clean,
    is_analysable,
    split_paragraphs,
    train_splitter,
)
from kzlib.clean.partitions import clean_by_partition

__all__ = ["clean", "clean_by_partition", "split_paragraphs", "classify_paragraphs", "analysable", "is_analysable",
           "train_splitter", "SentenceSplitter", "PARAGRAPH_KINDS"]
