"""Cleaning a corpus in partitions of documents with one sentence splitter (:func:`kzlib.clean.clean_by_partition`;
the partitioned run of :mod:`kzlib.clean`)."""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd

from kzlib._memory import releases_memory
from kzlib.clean.paragraphs import SentenceSplitter, clean, train_splitter
from kzlib.corpus import Corpus
from kzlib.errors import ParameterError, require_columns

log = logging.getLogger("kzlib.clean")   # the stage's logger, as before the split

#: The document columns :func:`clean` reads; the partitions carry only these.
_CLEAN_READS = ["doc_id", "title", "published", "published_basis", "date_certainty", "text"]


def _clean_part(docs: pd.DataFrame, splitter: SentenceSplitter) -> tuple[pd.DataFrame, ...]:
    """The document columns ``clean`` fills or changes (not the text), and the ``paragraphs``, ``sentences``
    and ``removals`` of some documents, as ``clean`` makes them, with the corpus's sentence splitter."""
    cleaned = clean(Corpus(documents=docs.reset_index(drop=True)), splitter=splitter)   # (releases memory)
    return cleaned.documents.drop(columns=["text"]), cleaned.paragraphs, cleaned.sentences, cleaned.removals


@releases_memory
def clean_by_partition(corpus: Corpus, *, engine: str = "pandas", scheduler: Any = None,
                       npartitions: int | None = None, keep_text: bool = True) -> Corpus:
    """:func:`clean`, run per partition of documents (:mod:`kzlib.engine`), with the same tables.

    Paragraph kinds, removals, sentences and the per-document fields are per-document; the sentence
    splitter (Punkt) is corpus-wide, so it is trained once, on the client, on the deterministic sample
    of documents ``clean`` trains on (:func:`train_splitter`), and sent once to every worker, which cleans
    its partitions in one pass (:func:`kzlib.engine.map_partitions_to_tables`). A partition carries only
    the document columns ``clean`` reads, and brings back only those it writes. ``engine="pandas"`` is
    ``clean(corpus)`` itself. ``keep_text=False`` drops ``documents.text`` once it is split.

    Example:
        >>> c = clean_by_partition(load_corpus(), engine="dask", scheduler="synchronous")  # doctest: +SKIP
    """
    from kzlib.engine import ENGINES, map_partitions_to_tables

    if engine not in ENGINES:
        raise ParameterError(f"engine must be one of {ENGINES}, got {engine!r}")
    require_columns(corpus.documents, ["doc_id"], table="documents", fix="pass a corpus from kzlib.load_corpus")
    if engine == "pandas":
        return clean(corpus, keep_text=keep_text)
    docs = corpus.documents.reset_index(drop=True)
    splitter = train_splitter(docs)
    reads = docs[[c for c in _CLEAN_READS if c in docs.columns]]
    order = reads["doc_id"].sort_values(kind="stable").index.to_numpy()   # the partitions' row order
    written, paras, sentences, removals = map_partitions_to_tables(
        reads, _clean_part, splitter, key="doc_id", scheduler=scheduler, npartitions=npartitions)
    if not docs["doc_id"].is_monotonic_increasing:   # clean's tables follow the documents' order
        position = pd.Series(np.arange(len(docs)), index=docs["doc_id"])
        paras, sentences, removals = (
            table.iloc[np.argsort(position.reindex(table["doc_id"]).to_numpy(), kind="stable")]
            .reset_index(drop=True) for table in (paras, sentences, removals))
    new_docs = docs.copy()   # in its own row order, with the columns clean() fills or changes
    for column in written.columns.drop("doc_id"):
        values = written[column].to_numpy()
        back = np.empty_like(values)
        back[order] = values
        new_docs[column] = pd.Series(back, dtype=written[column].dtype)
    if not keep_text:
        new_docs = new_docs.drop(columns="text")
    log.info("clean_by_partition: %d documents", len(docs))
    return corpus.replace(documents=new_docs, paragraphs=paras, sentences=sentences, removals=removals)
