"""Load a news corpus: a folder of text/HTML files or one table file, plus a metadata sidecar.

The result is a :class:`Corpus`, a container of tidy tables (pandas DataFrames) that every later
stage reads and extends. Loading never drops a file silently: files that cannot be read are listed
in ``Corpus.skipped`` with the reason, and logged.

The stage's parts: :mod:`kzlib.corpus.loading` (the loaders and :class:`Corpus`),
:mod:`kzlib.corpus.decoding` (bytes to text, repairs), :mod:`kzlib.corpus.dates` (publication dates),
:mod:`kzlib.corpus.language` (language identification).

Example:
    >>> len(load_corpus()) >= 5
    True
"""

from __future__ import annotations

from kzlib.corpus.dates import EARLIEST_PUBLICATION_YEAR, normalise_date, publication_day
from kzlib.corpus.language import detect_language
from kzlib.corpus.loading import (
    DATE_CERTAINTIES,
    DEFAULT_MAX_DOCUMENT_MB,
    METADATA_COLUMNS,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    Corpus,
    corpus_fingerprint,
    document_too_large,
    load_corpus,
    load_metadata,
    seeds_dir,
)
from kzlib.corpus.outlets import DATE_NOT_GIVEN, OUTLET_NOT_GIVEN, outlet_given

__all__ = ["Corpus", "load_corpus", "load_metadata", "corpus_fingerprint", "seeds_dir", "detect_language", "normalise_date",
           "document_too_large", "DEFAULT_MAX_DOCUMENT_MB", "TEXT_SUFFIXES", "TABLE_SUFFIXES", "OUTLET_NOT_GIVEN",
           "outlet_given", "DATE_NOT_GIVEN", "publication_day", "DATE_CERTAINTIES", "METADATA_COLUMNS", "EARLIEST_PUBLICATION_YEAR"]
