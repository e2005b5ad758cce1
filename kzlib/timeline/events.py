"""The ``events`` table: every dated mention of a corpus's sentences with its actors and sources."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from kzlib._memory import gc_paused
from kzlib.errors import ParameterError
from kzlib.timeline import _timex
from kzlib.timeline._actors import Mentions, context_free, gazetteer_mentions, named_speakers, speaker_mentions
from kzlib.timeline._clause import clause_label, speakers_as_subjects
from kzlib.timeline.columns import EVENT_COLUMNS
from kzlib.timeline.mentions import _check_options, _document_mentions
from kzlib.timeline.normalise import _period
from kzlib.timeline.recognise import _Cand, _scan

log = logging.getLogger(__name__)


# --- events --------------------------------------------------------------------------------------

_Mentions = Mentions
_context_free = context_free


def _gazetteer_mentions(dated: pd.DataFrame, needed: set[tuple[Any, int]] | None = None,
                        gazetteer: Any = None, dates: Mapping[Any, Any] | None = None) -> _Mentions:
    """The gazetteer's mentions of ``dated`` (:func:`kzlib.timeline._actors.gazetteer_mentions`: those of
    ``kzlib.actors.find_mentions``), read only where the ``needed`` sentences depend on them; ``dates``: each
    document's date, at which its titles resolve."""
    return gazetteer_mentions(dated, needed, gazetteer, dates)


class _GazetteerFinder:
    """The default actor finder: a gazetteer's mentions as ``kzlib.actors.find_mentions`` gives them, read in
    the dated sentences and only the sentences before them that their actors depend on."""

    def __init__(self, gazetteer: Any = None) -> None:
        self.gazetteer = gazetteer

    def __call__(self, dated: pd.DataFrame, needed: set[tuple[Any, int]] | None = None,
                 dates: Mapping[Any, Any] | None = None) -> _Mentions:
        return gazetteer_mentions(dated, needed, self.gazetteer, dates)


def _actor_finder(gazetteer: Any = None) -> Callable[..., Any] | None:
    """The actor mentions of sentences (:class:`_GazetteerFinder` of ``gazetteer``, default the bundled one), or
    None when ``kzlib.actors`` is not available."""
    try:
        from kzlib import actors  # noqa: PLC0415 - optional dependency between stages
    except ImportError:
        return None
    if not hasattr(actors, "default_gazetteer"):
        return getattr(actors, "find_mentions", None)
    return _GazetteerFinder(gazetteer)


def _attach_actors(frame: pd.DataFrame, dated: pd.DataFrame, finder: Callable[..., Any], *,
                   speakers: pd.DataFrame | None = None, whole: pd.DataFrame | None = None,
                   gazetteer: Any = None, dates: Mapping[Any, Any] | None = None) -> None:
    """Fill ``actors`` (every actor of the sentence, in order of mention) and ``actor`` (the one named
    nearest to the date phrase, persons preferred) in ``frame``, in place; with ``speakers`` (a quotes table)
    also ``actor_sources`` and the document's named speakers (:mod:`kzlib.timeline._actors`), matched in the
    sentences of ``whole`` (the documents' sentences; default ``dated``).

    ``finder`` returns either a mentions table (``doc_id``, ``sentence_id``, ``actor``, ``start``, ``end``,
    optional ``type``, ``known``), a Series of "; "-joined names aligned with ``dated`` or
    (:class:`_GazetteerFinder`) the mentions of each sentence.
    """
    needed = set(zip(frame["doc_id"].tolist(), frame["sentence_id"].tolist()))
    if isinstance(finder, _GazetteerFinder):  # (only the dated sentences' mentions are read)
        found: Any = finder(dated, needed, dates)
    elif finder is _gazetteer_mentions:
        found = _gazetteer_mentions(dated, needed, dates=dates)
    else:
        found = finder(dated)
    frame["actors"], frame["actor"] = "", ""
    if isinstance(found, pd.Series):
        names = pd.Series(found.to_numpy(), index=dated.index).fillna("").astype(str)
        frame["actors"] = frame["_row"].map(names).fillna("")
        frame["actor"] = frame["actors"].str.split(";").str[0].str.strip()
        if speakers is not None:
            log.warning("the actor finder gives names without their places in the sentence: the document's named "
                        "speakers are not added to the events' actors")
            frame["actor_sources"] = ""
        return
    by_sentence: _Mentions = found if isinstance(found, dict) else _mentions_of_table(found)
    if speakers is not None:
        by_sentence = _with_speakers(by_sentence, frame, whole if whole is not None else dated, speakers, gazetteer)
    _fill_actors(frame, by_sentence, sources=speakers is not None)


def _mentions_of_table(found: Any) -> _Mentions:
    """A finder's mentions table as ``(doc_id, sentence_id) -> [(actor, start, end, type, source)]``."""
    if not isinstance(found, pd.DataFrame) or found.empty:
        return {}
    need = {"doc_id", "sentence_id", "actor", "start", "end"}
    if not need <= set(found.columns):
        log.warning("the actor finder returned no %s columns; actors left empty", sorted(need - set(found.columns)))
        return {}
    found = found[found["actor"].fillna("") != ""].sort_values(["doc_id", "sentence_id", "start"], kind="stable")
    types = found["type"].tolist() if "type" in found.columns else ["person"] * len(found)
    sources = (["gazetteer" if k else "text" for k in found["known"].astype(bool).tolist()]
               if "known" in found.columns else ["finder"] * len(found))
    # plain lists, no frame per sentence
    by_sentence: _Mentions = {}
    for key, mention in zip(zip(found["doc_id"].tolist(), found["sentence_id"].tolist()),
                            zip(found["actor"].tolist(), found["start"].tolist(), found["end"].tolist(), types,
                                sources)):
        by_sentence.setdefault(key, []).append(mention)
    return by_sentence


def _with_speakers(by_sentence: _Mentions, frame: pd.DataFrame, whole: pd.DataFrame, speakers: pd.DataFrame,
                   gazetteer: Any) -> _Mentions:
    """``by_sentence`` with the mentions of each document's named speakers in the dated sentences of ``frame``
    (in order of mention; a sentence without one keeps its mentions as they were)."""
    if gazetteer is None:
        try:
            from kzlib.actors import default_gazetteer  # noqa: PLC0415
        except ImportError:
            known: Any = ()
        else:
            known = default_gazetteer().actors
    else:
        known = gazetteer.actors
    names = named_speakers(speakers, set(frame["doc_id"].tolist()), known)
    if not names:
        return by_sentence
    texts = dict(zip(zip(frame["doc_id"].tolist(), frame["sentence_id"].tolist()), frame["text"].tolist()))
    part = whole[whole["doc_id"].isin(names)].sort_values(["doc_id", "sentence_id"], kind="stable")
    doc_texts: dict[Any, list[str]] = {}
    for d, t in zip(part["doc_id"].tolist(), part["text"].astype(str).tolist()):
        doc_texts.setdefault(d, []).append(t)
    added = speaker_mentions({k: str(t) for k, t in texts.items() if k[0] in names},
                             {d: " ".join(ts) for d, ts in doc_texts.items()}, names, by_sentence)
    if not added:
        return by_sentence
    out = dict(by_sentence)
    for key, extra in added.items():
        out[key] = sorted([*out.get(key, []), *extra], key=lambda m: m[1])
    log.info("events: %d mentions of %d documents' named speakers (the quotes table's speakers the documents "
             "write in full) added to the gazetteer's actors", sum(map(len, added.values())), len(names))
    return out


def _fill_actors(frame: pd.DataFrame, by_sentence: _Mentions, *, sources: bool = False) -> None:
    """``actors`` and ``actor`` (and with ``sources`` ``actor_sources``) of each row of ``frame`` from the actor
    mentions of its sentence."""
    actors_col, actor_col, sources_col = [], [], []
    n_dropped = 0
    for doc_id, sid, start, end, text in zip(frame["doc_id"], frame["sentence_id"], frame["start"], frame["end"],
                                             frame["text"]):
        g = by_sentence.get((doc_id, sid))
        if g is not None and any(m[4] == "speaker" for m in g):
            kept = speakers_as_subjects(g, str(text), int(start), int(end))
            n_dropped += len(g) - len(kept)
            g = kept or None
        if g is None:
            actors_col.append("")
            actor_col.append("")
            sources_col.append("")
            continue
        first = dict(reversed([(a, src) for a, _, _, _, src in g]))  # each actor's first mention's source
        order = list(dict.fromkeys(a for a, _, _, _, _ in g))
        actors_col.append("; ".join(order))
        sources_col.append("; ".join(first[a] for a in order))
        dist = [(max(start - e, s - end, 0) + (0 if t == "person" else 15), s, a) for a, s, e, t, _ in g]
        actor_col.append(min(dist)[2])
    frame["actors"], frame["actor"] = actors_col, actor_col
    if n_dropped:
        log.info("events: %d mentions of named speakers left out of the actors of dates whose own clause they "
                 "are not the subject or agent of (they speak of the event, or are only in the same sentence)",
                 n_dropped)
    if sources:
        frame["actor_sources"] = sources_col


def _label(text: str, start: int, end: int) -> str:
    """A short "who did what" label for a dated mention, from its own clause (subject, verb, object), or ""
    where no such clause is found (:func:`kzlib.timeline._clause.clause_label`): never a cut-off fragment."""
    return clause_label(text, start, end)


def _documents_frame(documents: pd.DataFrame) -> pd.DataFrame:
    need = {"doc_id"}
    if not need <= set(documents.columns):
        raise ParameterError("documents needs a doc_id column (the documents table of kzlib.prepare)")
    docs = documents.copy()
    for col, default in (("published", ""), ("date_certainty", ""), ("story_id", ""), ("outlet", ""),
                         ("is_representative", True)):
        if col not in docs.columns:
            docs[col] = default
    docs["published"] = docs["published"].fillna("").astype(str)
    docs["story_id"] = docs["story_id"].fillna("").astype(str)
    docs.loc[docs["story_id"] == "", "story_id"] = docs["doc_id"]
    cert = docs["date_certainty"].fillna("").astype(str)
    docs["date_certainty"] = np.where(cert == "", np.where(docs["published"] == "", "unknown", "exact"), cert)
    docs["is_representative"] = docs["is_representative"].fillna(True).astype(bool)
    return docs


# the cyclic collector paused for the whole table (:func:`kzlib._memory.gc_paused`), not only its loops: the rows,
# matches and caches made in a loop survive it, and the collector, let run between the loops, walked them all
# again (0.38 of the stage's 6.5 CPU seconds at 3,000 documents, most in one full collection); a partition's
# tables and rows hold no cycles, and what pandas leaves in one is collected after it
@gc_paused()
def build_events(corpus: Any = None, *, sentences: pd.DataFrame | None = None,
                 documents: pd.DataFrame | None = None, one_copy_per_story: bool = True,
                 min_confidence: float = 0.0, include_durations: bool = True,
                 future_window_days: int = 14, tolerance_days: int = 1,
                 actors: Callable[[pd.DataFrame], Any] | None = None, timeml: bool = True,
                 gazetteer: Any = None, speakers: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``events`` table: every dated mention in the sentences, with its actors and sources.

    Give a ``Corpus`` (from ``kzlib.prepare``) or its ``sentences`` and ``documents`` tables. Each row is a
    dated mention (``EVENT_COLUMNS``): ``doc_id``, ``sentence_id``, ``date``, ``granularity``,
    ``expression``, ``anchor``, ``actors`` ("; "-joined canonical names from ``kzlib.actors`` when it is
    available, in order of mention), ``actor`` (the one named nearest the date phrase), ``text`` (the sentence), ``label`` (who did what: the subject, verb and object of the date's own clause,
    or "" where none is found, and for a mention with no date, which no chronology or timeline shows;
    :mod:`kzlib.timeline._clause`), ``confidence``, ``story_id`` and
    ``reported_by`` (the copies of the story that date something to the same date).
    With ``one_copy_per_story`` a story's events come from its representative copy, plus the dates only
    another copy reports. ``actors`` may be a function from a sentences table to a mentions table
    (``doc_id``, ``sentence_id``, ``actor``, ``start``, ``end``[, ``type``]) or to a Series of "; "-joined
    names (default: the bundled gazetteer's mentions, as ``kzlib.actors.find_mentions`` gives them, read
    in the kept documents' sentences up to their last kept date; empty when ``kzlib.actors`` is not importable). ``timeml`` adds the TimeML
    columns and rows of :func:`extract_dates` (``timex_type``, ``timex_value``; with ``start``/``end`` also
    ``timex_start``/``timex_end``); ``timeml=False`` leaves them empty, in about half the time.
    ``gazetteer``: the ``kzlib.actors.Gazetteer`` of the default actor lookup (default: the bundled one).

    ``speakers`` (the ``quotes`` table of ``kzlib.extract_quotes``: ``doc_id``, ``speaker``[, ``speaker_type``])
    adds the people each document's quotations name ("open world"): a person speaker that reads as a full name
    ("Bernie Sanders", not "analysts" or "Florida senator") and is not in the gazetteer is an actor of a dated
    sentence of that document where the sentence writes the full name, or the surname when the surname is the
    document's name for that one person (no other speaker of the document has it, no other given name stands
    before it in the document, the document never writes it in small letters, no capitalised word follows it).
    A speaker is an actor of a date only where the name is the subject (or, after "by", the agent) of the date
    phrase's own clause (:func:`kzlib.timeline._clause.is_subject`: a light clause rule on punctuation and
    closed-class words, no parser): not where the date is inside what they say ("..., Castro said"), in
    another clause of the sentence ("before Slepian died"), or where the name is a possessor or an object.
    A gazetteer mention of the same words stands. The table then has ``actor_sources``: for each of ``actors``,
    ``gazetteer`` (an entry of the gazetteer), ``text`` (a person ``kzlib.actors`` found by pattern) or
    ``speaker`` (a named speaker of the document). Not caught: people who are never quoted by name in their
    document, a given name alone ("Hillary"), a pronoun or a description ("the senator"), a surname in another
    case than the quoted one (Russian "Карина" for "Карин"), a full name written otherwise ("Robert Price" for
    "Robert M. Price"), a speaker the quotes stage resolved only across documents. Without ``speakers`` the
    actors are the gazetteer's, as before, and there is no ``actor_sources`` column.

    Example:
        >>> import kzlib
        >>> events = build_events(kzlib.prepare())  # doctest: +SKIP
        >>> events[["doc_id", "expression", "date", "granularity"]].head()  # doctest: +SKIP
    """
    if corpus is not None:
        if sentences is not None or documents is not None:
            raise ParameterError("give either a corpus or sentences= and documents=, not both")
        sentences, documents = getattr(corpus, "sentences", None), getattr(corpus, "documents", None)
        if sentences is None or documents is None:
            raise ParameterError("corpus must have sentences and documents tables; build it with kzlib.prepare()")
    if sentences is None or documents is None:
        raise ParameterError("build_events needs a corpus, or both sentences= and documents=")
    missing = {"doc_id", "sentence_id", "text"} - set(sentences.columns)
    if missing:
        raise ParameterError(f"sentences lacks columns {sorted(missing)}; use the sentences table of kzlib.prepare")
    if not 0.0 <= float(min_confidence) <= 1.0:
        raise ParameterError(f"min_confidence={min_confidence!r} must be between 0 and 1")
    _check_options(future_window_days, tolerance_days)
    docs = _documents_frame(documents).set_index("doc_id")
    sents = sentences.copy()
    if "para_id" not in sents.columns:
        sents["para_id"] = -1
    sents["text"] = sents["text"].fillna("").astype(str)
    unknown_docs = sorted(set(sents["doc_id"]) - set(docs.index))
    if unknown_docs:
        raise ParameterError(f"sentences of documents not in the documents table: {unknown_docs[:5]}")
    sents = sents.sort_values(["doc_id", "sentence_id"], kind="stable", ignore_index=True)

    # plain columns, one slice per document (sents is sorted by doc_id): no pandas object per sentence
    published_of = dict(zip(docs.index[::-1], docs["published"].to_numpy()[::-1]))  # first row of a doc_id wins
    certainty_of = dict(zip(docs.index[::-1], docs["date_certainty"].to_numpy()[::-1]))
    doc_col = sents["doc_id"].to_numpy()
    sentence_ids = sents["sentence_id"].astype(int).tolist()
    para_ids = sents["para_id"].astype(int).tolist()
    texts_all = sents["text"].tolist()
    bounds = [0, *(np.flatnonzero(doc_col[1:] != doc_col[:-1]) + 1).tolist(), len(sents)] if len(sents) else [0]
    # copies of a story repeat their sentences: a repeated sentence is scanned once (candidates are read only)
    repeated = set(sents.loc[sents["text"].duplicated(), "text"])
    scanned: dict[str, list[_Cand]] = {}
    found_timex: dict[str, list[Any]] = {}

    def scan(text: str) -> list[_Cand]:
        if text not in repeated:
            return _scan(text)
        found = scanned.get(text)
        if found is None:
            found = scanned[text] = _scan(text)
        return found

    def find(text: str) -> list[Any]:
        if text not in repeated:
            return _timex.find(text)
        found = found_timex.get(text)
        if found is None:
            found = found_timex[text] = _timex.find(text)
        return found

    rows: list[dict[str, Any]] = []
    undated: list[str] = []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        doc_id = doc_col[lo]
        published = published_of[doc_id]
        texts = texts_all[lo:hi]
        per_sentence = _document_mentions(texts, published, certainty_of[doc_id],
                                          window=future_window_days, tolerance=tolerance_days, scan=scan,
                                          find=find if timeml else None)
        if not published:
            undated.append(doc_id)
        for i, text, mentions in zip(range(lo, hi), texts, per_sentence):
            for m in mentions:  # (in place: each mention's dict is its own)
                m.update(doc_id=doc_id, sentence_id=sentence_ids[i], para_id=para_ids[i], text=text, _row=i)
                rows.append(m)
    if undated:
        log.warning("%d of %d documents have no publication date (%s%s): their relative dates are reported "
                    "unresolved", len(undated), len(bounds) - 1, ", ".join(undated[:5]),
                    ", …" if len(undated) > 5 else "")
    frame = pd.DataFrame(rows)
    if frame.empty:
        log.warning("no temporal expressions found in %d sentences", len(sents))
        return pd.DataFrame(columns=EVENT_COLUMNS)
    if not include_durations:
        frame = frame[frame["kind"] != "duration"]
    frame = frame[(frame["confidence"] >= min_confidence) | (frame["anchor"] == "unresolved")]

    frame = frame.join(docs[["story_id", "outlet", "published", "date_certainty", "is_representative"]],
                       on="doc_id")
    # each distinct (date, granularity) once: a corpus dates its mentions to a few thousand periods
    starts = {(d, g): (_period(d, g)[0].isoformat() if d else "")
              for d, g in set(zip(frame["date"], frame["granularity"]))}
    frame["date_start"] = [starts[dg] for dg in zip(frame["date"], frame["granularity"])]
    key = frame["date"] + "|" + frame["granularity"]
    frame["_key"] = np.where(frame["date"] == "", "", key)
    # the copies of a story that report each date: plain sets, not a Python function per pandas group
    reporting: dict[tuple[Any, str], set[Any]] = {}
    stories, keys, doc_ids = frame["story_id"].tolist(), frame["_key"].tolist(), frame["doc_id"].tolist()
    for s, k, d in zip(stories, keys, doc_ids):
        if k:
            reporting.setdefault((s, k), set()).add(d)
    reporters = {sk: ";".join(sorted(docs_of)) for sk, docs_of in reporting.items()}
    reported_by = [reporters.get((s, k), d) if k else d for s, k, d in zip(stories, keys, doc_ids)]
    frame["reported_by"] = reported_by
    frame["n_reports"] = frame["reported_by"].str.count(";") + 1

    if one_copy_per_story:
        frame = _one_copy(frame)
    # labelled once the rows are chosen: none for a copy's mentions that another copy already gives
    # and only for dated mentions: one with no date ("a long time", "the future", or relative with no publication
    # date) is in no chronology or timeline, and its sentence is in ``text``
    columns = frame["text"].tolist(), frame["start"].tolist(), frame["end"].tolist(), frame["date"].tolist()
    labels = [_label(t, s, e) if d else "" for t, s, e, d in zip(*columns)]
    frame["label"] = labels
    if actors is not None and gazetteer is not None:
        raise ParameterError("give actors= (a finder) or gazetteer= (the default finder's gazetteer), not both")
    finder = actors if actors is not None else _actor_finder(gazetteer)
    if finder is None:
        log.info("kzlib.actors is not available: the actors column is left empty")
        frame["actors"], frame["actor"] = "", ""
        if speakers is not None:
            frame["actor_sources"] = ""
    else:
        # a sentence's actors depend on it and the document's sentences before it (a title, "the secretary", names
        # only an actor the document has named): the kept documents' sentences up to their last kept date are read,
        # dated or not; the copies of a story left out above are not
        last = frame.groupby("doc_id")["sentence_id"].max()
        read = sents[sents["doc_id"].isin(last.index)]
        read = read[read["sentence_id"] <= read["doc_id"].map(last)]
        _attach_actors(frame, read, finder, speakers=speakers, gazetteer=gazetteer, dates=published_of,
                       whole=sents[sents["doc_id"].isin(last.index)] if speakers is not None else None)
    frame = frame.sort_values(["date_start", "doc_id", "sentence_id", "start"], kind="stable",
                              key=lambda s: s.replace("", "9999") if s.name == "date_start" else s)
    extra = ["actor_sources"] if speakers is not None else []
    return frame[EVENT_COLUMNS + ["start", "end", "timex_start", "timex_end", *extra]].reset_index(drop=True)


def _one_copy(frame: pd.DataFrame) -> pd.DataFrame:
    """A story's mentions from its representative copy, plus dates only its other copies give."""
    rep = frame["is_representative"].astype(bool)
    # a story whose representative is not among these documents: take its first copy
    stories_with_rep = set(frame.loc[rep, "story_id"])
    first_doc: dict[Any, Any] = {}  # each story's first doc_id (object columns: pandas' min is per-row Python)
    for s, d in zip(frame["story_id"], frame["doc_id"]):
        if s not in first_doc or d < first_doc[s]:
            first_doc[s] = d
    rep = rep | (~frame["story_id"].isin(stories_with_rep) & (frame["doc_id"] == frame["story_id"].map(first_doc)))
    kept = frame[rep]
    covered = set(zip(kept["story_id"], kept["_key"]))
    extra = frame[~rep & (frame["_key"] != "")]
    extra = extra[np.array([(s, k) not in covered for s, k in zip(extra["story_id"], extra["_key"])], dtype=bool)]
    # one row per (story, date) among the extra copies
    extra = extra.sort_values(["doc_id", "sentence_id", "start"]).drop_duplicates(["story_id", "_key"])
    return pd.concat([kept, extra], ignore_index=True)
