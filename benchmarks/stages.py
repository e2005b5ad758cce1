"""The stages ``make bench`` times, each runnable with the pandas or the Dask engine.

Each stage is ``stage(state, *, engine, scheduler) -> None``: it reads and extends ``state`` (a dict
with ``corpus`` and the tables made so far). A stage whose kzlib module is missing raises
``ImportError``; the runner records it as skipped. The per-document stages go through
:func:`kzlib.engine.map_partitions_by_document` with ``npartitions="auto"``, so that the two engines run
the same code on the same partitions of 1,000 documents: the Dask engine on its workers, the
pandas engine one partition after another (which bounds the memory a stage's temporaries take).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pandas as pd

from kzlib._parquet import write_parquet

log = logging.getLogger(__name__)

#: Topic model settings of the benchmark (no stability reruns: they multiply the fitting cost by 6).
TOPICS_K = 10
TOPICS_SAMPLE_DOCS = 5_000   # the model is fitted on this many documents (deterministic sample)


def stage_load(state: dict, *, engine: str, scheduler: Any) -> None:
    from kzlib.corpus import load_corpus

    state["corpus"] = load_corpus(state["path"], id_column="doc_id")


def stage_clean(state: dict, *, engine: str, scheduler: Any) -> None:
    from kzlib.clean import clean_by_partition

    # the raw text is not held once it is split into paragraphs (no later stage reads it)
    state["corpus"] = clean_by_partition(state["corpus"], engine=engine, scheduler=scheduler, keep_text=False)


def stage_provenance(state: dict, *, engine: str, scheduler: Any) -> None:
    from kzlib.provenance import annotate

    # the library's defaults (LSH threshold, max_df); what is read off each document alone (spin, version,
    # feature hashes), the check of candidate pairs and the aligned copies' swaps run over the partitions,
    # the corpus-wide steps (banding, stories, name learning) on the client
    state["corpus"] = annotate(state["corpus"], seed=0, engine=engine, scheduler=scheduler, npartitions="auto")


def _quotes_part(paragraphs: pd.DataFrame) -> pd.DataFrame:
    from kzlib.quotes import extract_quotes

    return extract_quotes(paragraphs)


def stage_quotes(state: dict, *, engine: str, scheduler: Any) -> None:
    import kzlib.actors
    import kzlib.quotes  # (fails early, ImportError, when the module is missing)
    from kzlib.engine import map_partitions_by_document

    quotes = map_partitions_by_document(state["corpus"].paragraphs, _quotes_part, engine=engine,
                                        scheduler=scheduler, sort_by=["doc_id", "quote_id"], npartitions="auto")
    # the study's quotes stage links one person's names across the corpus (kzlib.stages.quotes)
    state["quotes"] = kzlib.quotes.link_speakers(quotes, keep=kzlib.actors.default_gazetteer().actors)


def _stance_part(quotes: pd.DataFrame) -> pd.DataFrame:
    from kzlib.stance import detect_stance

    return detect_stance(quotes)


def stage_stance(state: dict, *, engine: str, scheduler: Any) -> None:
    import kzlib.stance  # noqa: F401
    from kzlib.engine import map_partitions_by_document

    quotes = state.get("quotes")
    if quotes is None:
        raise ImportError("the stance stage needs the quotes stage")
    speech = quotes[quotes["kind"].isin(["direct", "indirect", "interview"])].reset_index(drop=True)
    state["stances"] = map_partitions_by_document(speech, _stance_part, engine=engine, scheduler=scheduler,
                                                  sort_by=["doc_id", "quote_id", "target"], npartitions="auto")


def stage_topics(state: dict, *, engine: str, scheduler: Any) -> None:
    """Both engines fit on the same deterministic sample of documents (the scalable method for a
    corpus-wide fit) and weigh every paragraph with ``transform``, over the same partitions."""
    from kzlib.engine import sample_keys
    from kzlib.topics import TopicModel, topic_paragraphs

    paras = topic_paragraphs(state["corpus"])
    model = TopicModel(k=TOPICS_K, method="nmf", seed=0, stability_seeds=())
    keep = set(sample_keys(paras["doc_id"], n=TOPICS_SAMPLE_DOCS, seed=0))
    model.fit(paras[paras["doc_id"].isin(keep)].reset_index(drop=True))
    state["doc_topics"] = model.transform_by_partition(paras, engine=engine, scheduler=scheduler, npartitions="auto")
    state["topics"] = model.topics_


_EVENT_DOC_COLUMNS = ["published", "date_certainty", "story_id", "is_representative", "outlet"]


def _events_part(sentences: pd.DataFrame, *, documents: pd.DataFrame) -> pd.DataFrame:
    from kzlib.timeline import build_events

    docs = documents[documents["doc_id"].isin(set(sentences["doc_id"].tolist()))].reset_index(drop=True)
    return build_events(sentences=sentences.drop(columns=["story_id"], errors="ignore"), documents=docs)


def stage_timeline(state: dict, *, engine: str, scheduler: Any) -> None:
    import kzlib.timeline  # noqa: F401
    from kzlib.engine import map_partitions_by_document

    corpus = state["corpus"]
    docs = corpus.documents
    cols = [c for c in _EVENT_DOC_COLUMNS if c in docs.columns]
    documents = docs[["doc_id", *cols]].drop_duplicates("doc_id").reset_index(drop=True)
    # the sentences with their story (copies of one story are compared, one copy per story, so a story is
    # never split); each partition takes its documents' fields from ``documents``, sent once to each
    # worker: no copy of the sentences table with the documents' columns merged in
    sents = corpus.sentences.copy(deep=False)
    key = "doc_id"
    if "story_id" in documents.columns:
        sents["story_id"] = sents["doc_id"].map(documents.set_index("doc_id")["story_id"]).to_numpy()
        key = "story_id"
    state["events"] = map_partitions_by_document(sents, _events_part, engine=engine, scheduler=scheduler,
                                                 key=key, sort_by=["doc_id", "sentence_id", "date", "expression"],
                                                 npartitions="auto", documents=documents)


#: Result tables a later stage reads from ``state`` (the corpus's tables are read by every stage).
READS = {"stance": ("quotes",)}
RESULTS = ("quotes", "stances", "topics", "doc_topics", "events")


def write_finished(state: dict, *, remaining: list[str], folder: Path) -> dict[str, int]:
    """Write the result tables that no ``remaining`` stage reads to ``folder`` (Parquet) and drop them.

    This is what the study does: each notebook writes its tables to the run folder, and the next one does
    not hold them. Returns the written tables' row counts.
    """
    needed = {t for name in remaining for t in READS.get(name, ())}
    rows = {}
    for name in RESULTS:
        if name in state and name not in needed:
            table = state.pop(name)
            folder.mkdir(parents=True, exist_ok=True)
            write_parquet(table, folder / f"{name}.parquet")
            rows[name] = int(len(table))
            del table
    return rows


STAGES = {
    "load": stage_load,
    "clean": stage_clean,
    "provenance": stage_provenance,
    "quotes": stage_quotes,
    "stance": stage_stance,
    "topics": stage_topics,
    "timeline": stage_timeline,
}
