"""The study's stages: what each computes, from which inputs, with which parameters.

A stage is a plain function registered with :func:`stage`. Its positional arguments are its
*inputs*, named after what they are: ``corpus`` (the prepared :class:`~kzlib.corpus.Corpus`),
``gazetteer``, ``targets``, or a table another stage makes (``quotes``, ``stances``, ``date_checks`` …).
Its keyword-only arguments are its *parameters*, with their defaults. A parameter belongs to one stage
(its *owner*); a stage that reads another stage's parameter lists it in ``uses`` and receives the
owner's value, so that a parameter means the same in every table of a run. A stage returns either a
dict of tables (``tables=`` names them) or, for the few object stages (``corpus``, ``gazetteer``,
``targets``), one object.

:class:`kzlib.study.Study` runs the stages once per run and caches their tables; the same functions
can be called directly::

    >>> import kzlib
    >>> from kzlib import stages
    >>> c = kzlib.prepare()
    >>> g = stages.load_gazetteer()
    >>> q = stages.quotes(c, g)["quotes"]
    >>> "Anatoly Antonov" in set(q["speaker"])
    True

The other examples below read ``study``, the bundled seeds' study (``kzlib.open_study()``), which the
doctest run shares between them (``conftest.py``) so each stage is computed once.

Stage functions call the public functions of the stage modules (``extract_quotes``, ``detect_stance``,
``build_events``, ``TopicModel`` …): the analysis is there, the plumbing here.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kzlib.errors import KzlibError, ParameterError

__all__ = ["Stage", "STAGES", "stage", "stage_of_table", "parameter_owner", "bundled_gold",
           "prepare_corpus", "load_gazetteer", "load_stance_targets", "counting", "quotes", "voices", "quote_scores", "stances",
           "stance_summary", "annotation_sheet", "stance_evaluation", "framing", "topics", "events",
           "stance_over_time", "provenance", "corpus_summary"]

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class Stage:
    """One stage: its function, inputs, own parameters (with defaults), parameters it reads, tables."""

    name: str
    func: Callable[..., Any]
    inputs: tuple[str, ...]
    params: dict[str, Any]
    uses: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()
    doc: str = field(default="", compare=False)

    @property
    def is_object(self) -> bool:
        """True for a stage that returns one object (not cached on disk) instead of tables."""
        return not self.tables


#: Keyword-only arguments the study supplies that are not parameters (they change no result).
RUNTIME = ("cache_dir",)

#: Every stage, by name, in the order they were declared (an order in which they can run).
STAGES: dict[str, Stage] = {}


def stage(*, name: str | None = None, tables: tuple[str, ...] = (), uses: tuple[str, ...] = ()) -> Callable:
    """Register a stage function (a decorator): inputs are its positional arguments, parameters its
    keyword-only ones.

    Example:
        >>> @stage(name="_demo", tables=("demo",))
        ... def _demo(quotes, *, factor: int = 2):
        ...     return {"demo": quotes.assign(n=quotes["n_words"] * factor)}
        >>> STAGES["_demo"].inputs, STAGES["_demo"].params
        (('quotes',), {'factor': 2})
        >>> del STAGES["_demo"]
    """
    def register(func: Callable) -> Callable:
        sig = inspect.signature(func)
        inputs = tuple(p.name for p in sig.parameters.values()
                       if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
        kw = {p.name: p.default for p in sig.parameters.values()
              if p.kind == p.KEYWORD_ONLY and p.name not in RUNTIME}
        missing = [u for u in uses if u not in kw]
        if missing:
            raise KzlibError(f"Stage {func.__name__}: uses {missing} must also be keyword-only arguments.")
        own = {k: v for k, v in kw.items() if k not in uses}
        st = Stage(name or func.__name__, func, inputs, own, tuple(uses), tuple(tables),
                   inspect.getdoc(func) or "")
        for other in STAGES.values():
            clash = set(other.params) & set(own)
            if clash:
                raise KzlibError(f"Parameter(s) {sorted(clash)} of stage {st.name} already belong to stage "
                                 f"{other.name}: a parameter has one owner; list it in uses=.")
            if set(other.tables) & set(tables):
                raise KzlibError(f"Table(s) {sorted(set(other.tables) & set(tables))} already made by {other.name}.")
        STAGES[st.name] = st
        return func
    return register


def stage_of_table(table: str) -> Stage:
    """The stage that makes a table (or the object stage of that name).

    Example:
        >>> stage_of_table("stance_summary").name
        'stance_summary'
    """
    if table in STAGES and STAGES[table].is_object:
        return STAGES[table]
    for st in STAGES.values():
        if table in st.tables:
            return st
    known = sorted({t for st in STAGES.values() for t in st.tables} | {s.name for s in STAGES.values() if s.is_object})
    raise ParameterError(f"No stage makes a table {table!r}. Known tables: {', '.join(known)}.")


def parameter_owner(name: str) -> Stage:
    """The stage a parameter belongs to.

    Example:
        >>> parameter_owner("gazetteer").name
        'gazetteer'
    """
    for st in STAGES.values():
        if name in st.params:
            return st
    raise ParameterError(f"No stage has a parameter {name!r}.")


def bundled_gold(name: str) -> Path | None:
    """The bundled seeds' gold file ``<name>_gold.csv`` (``quotes``, ``stance``, ``events``), if shipped.

    Example:
        >>> bundled_gold("quotes").name
        'quotes_gold.csv'
    """
    from importlib import resources

    candidates = [Path(str(resources.files("kzlib"))) / "gold" / f"{name}_gold.csv",
                  Path(__file__).resolve().parents[1] / "tests" / "data" / f"{name}_gold.csv"]
    return next((p for p in candidates if p.is_file()), None)


# --- object stages ---------------------------------------------------------------------------------
# Not cached by the study: ``corpus`` has kzlib.prepare's own cache, the others are cheap.


@stage(name="corpus", uses=("gazetteer",))
def prepare_corpus(*, corpus: str = "", metadata: str = "", text_column: str = "text", cache_dir: str = "",
                   gazetteer: str = "") -> Any:
    """The prepared corpus (``kzlib.prepare``: load, clean, provenance); empty ``corpus``: the bundled seeds.
    The repair of spun text knows the names of the ``gazetteer`` file (empty: the bundled one).

    ``cache_dir`` is not a parameter: the study passes its run folder, where ``prepare`` keeps its cache.

    Example:
        >>> prepare_corpus().documents["doc_id"].tolist()[:1]
        ['000_d7fcb602a5d755b1']
    """
    from kzlib.preparation import prepare

    return prepare(corpus or None, metadata=metadata or None, text_column=text_column, cache_dir=cache_dir or None,
                   gazetteer=gazetteer or None)


@stage(name="gazetteer")
def load_gazetteer(*, gazetteer: str = "") -> Any:
    """The actor gazetteer every stage resolves names with (empty: the bundled ``kzlib/data/actors.yaml``):
    quotes, stance, events and framing read this object; the corpus (the repair of spun names) and topics
    (names kept as one term) read the same file.

    Example:
        >>> len(load_gazetteer()) > 50
        True
    """
    from kzlib.actors import Gazetteer, default_gazetteer

    return Gazetteer.from_yaml(gazetteer) if gazetteer else default_gazetteer()


@stage(name="targets")
def load_stance_targets(*, targets_file: str = "") -> list:
    """The stance targets (empty: the bundled ``kzlib/data/targets.yaml``).

    Example:
        >>> "Russia" in [t.name for t in load_stance_targets()]
        True
    """
    from kzlib.stance import load_targets

    return load_targets(targets_file or None)


@stage(name="counting", tables=("counted_documents",))
def counting(corpus, *, one_copy_per_story: bool = True) -> dict[str, pd.DataFrame]:
    """The documents as counts see them: copies of one story share a ``story_id`` (one_copy_per_story),
    or every document is a story of its own.

    Example:
        >>> docs = counting(study.corpus, one_copy_per_story=False)["counted_documents"]
        >>> bool((docs["story_id"] == docs["doc_id"]).all())
        True
    """
    docs = corpus.documents.drop(columns=["text"], errors="ignore")
    if not one_copy_per_story:
        docs = docs.assign(story_id=docs["doc_id"])
    return {"counted_documents": docs.reset_index(drop=True)}


# --- table stages ---------------------------------------------------------------------------------


#: Outlets shown one by one in ``documents_by_outlet`` (the most frequent; the others share one row).
_TOP_OUTLETS = 20


def _abbreviation_pattern() -> str:
    """A regex of the sentence splitter's abbreviations (:func:`kzlib.text.abbreviations`) as news writes
    them, each part capitalised and followed by its dot ("u.s" → "U.S.", "gen" → "Gen.").

    Example:
        >>> import re
        >>> bool(re.search(_abbreviation_pattern(), "Gen. Smith spoke.")), bool(re.search(_abbreviation_pattern(), "at first."))
        (True, False)
    """
    import re

    from kzlib.text import abbreviations

    forms = sorted({".".join(part[:1].upper() + part[1:] for part in a.split(".")) for a in abbreviations()},
                   key=lambda f: (-len(f), f))
    return r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\."


@stage(name="corpus_summary", tables=("documents_by_outlet", "paragraph_kinds", "words_set_aside",
                                       "sentences_per_document", "abbreviation_sentences"))
def corpus_summary(corpus) -> dict[str, pd.DataFrame]:
    """What is in the corpus and what cleaning set aside: documents per outlet and date (the 20 outlets with
    most documents, ties by name; the others in one row "other (N outlets)"; a missing date is the column
    :data:`kzlib.corpus.DATE_NOT_GIVEN`), paragraph kinds per document, words set aside by kind, sentences per document, sentences with an abbreviation.

    Example:
        >>> corpus_summary(study.corpus)["paragraph_kinds"].columns[:3].tolist()
        ['doc_id', 'body', 'title']
    """
    from kzlib.clean import PARAGRAPH_KINDS
    from kzlib.corpus import DATE_NOT_GIVEN, OUTLET_NOT_GIVEN, outlet_given

    docs, paras = corpus.documents, corpus.paragraphs
    dated = docs.assign(outlet=docs["outlet"].where(outlet_given(docs["outlet"]), OUTLET_NOT_GIVEN),
                        published=docs["published"].fillna(""))
    if dated["published"].nunique() > 12:  # many days: count by month so the chart stays readable
        dated["published"] = dated["published"].str[:7]
    dated["published"] = dated["published"].replace("", DATE_NOT_GIVEN)  # after the cut: the label stays whole
    counts = dated["outlet"].value_counts()
    if len(counts) > _TOP_OUTLETS:  # the rest in one row that says how many outlets it holds: nothing left out
        ranked = sorted(counts.index, key=lambda o: (-int(counts[o]), str(o)))  # most documents, ties by name
        rest = ranked[_TOP_OUTLETS:]
        dated["outlet"] = dated["outlet"].where(~dated["outlet"].isin(rest), f"other ({len(rest)} outlets)")
    by_outlet = dated.pivot_table(index="outlet", columns="published", values="doc_id", aggfunc="count", fill_value=0)
    kinds = pd.crosstab(paras["doc_id"], paras["kind"]).reindex(columns=list(PARAGRAPH_KINDS), fill_value=0)
    words = paras.assign(words=paras["text"].str.split().str.len(),
                         kind=paras["kind"].where(paras["duplicate_of"] < 0, "repeat"))
    removed = (words[words["kind"] != "body"]
               .pivot_table(index="doc_id", columns="kind", values="words", aggfunc="sum", fill_value=0)
               .reindex(docs["doc_id"], fill_value=0))
    sents = corpus.sentences
    per_doc = sents.groupby("doc_id").size().rename("sentences").to_frame()
    per_doc["words per sentence"] = (sents.assign(w=sents["text"].str.split().str.len())
                                     .groupby("doc_id")["w"].mean().round(1))
    abbrev = sents[sents["text"].str.contains(_abbreviation_pattern(), regex=True)]
    return {"documents_by_outlet": by_outlet.reset_index(), "paragraph_kinds": kinds.reset_index(),
            "words_set_aside": removed.reset_index(), "sentences_per_document": per_doc.reset_index(),
            "abbreviation_sentences": abbrev[["doc_id", "sentence_id", "text"]].reset_index(drop=True)}


@stage(name="provenance", tables=("provenance_documents", "stories", "copies", "related_reports", "similarity_raw",
                                   "similarity_despun", "copy_similarity", "learned_substitutions", "repair_examples",
                                   "despin_change_rate", "despin_summary"))
def provenance(corpus, *, max_docs: int = 60) -> dict[str, pd.DataFrame]:
    """Provenance evidence of the prepared corpus: documents with story/version/spin, one row per story,
    copy pairs, pairs alike but kept apart (``related_reports``: follow-ups, re-used background, other
    reports of one event, with the reason), each copy pair's share before and after de-spinning
    (``copy_similarity``), what the repair did (``despin_summary``), aligned-sentence similarity (raw and de-spun; at most ``max_docs`` documents, stories
    with several copies first), substitutions learned from the corpus, repaired sentences, change rates.

    Example:
        >>> int(provenance(study.corpus)["stories"]["n_copies"].sum()) == len(study.corpus.documents)
        True
    """
    from kzlib.despin import SPIN_THRESHOLD
    from kzlib.provenance import (
        change_rate,
        copy_similarity,
        despin_summary,
        learned_substitutions,
        repair_examples,
        similarity_matrix,
    )

    docs = corpus.documents
    cols = ["doc_id", "outlet", "story_id", "is_representative", "version", "version_basis", "version_detected",
            "spin_score", "mt_score", "translation_score", "n_despun", "n_despun_learned", "version_evidence"]
    from kzlib.clean import analysable

    body = analysable(corpus.paragraphs)
    raw_text = body.groupby("doc_id")["text"].agg("\n\n".join)
    fixed_text = body.groupby("doc_id")["text_despun"].agg("\n\n".join)
    n_copies = docs.groupby("story_id")["doc_id"].transform("size")
    ranked = docs.assign(single=n_copies < 2).sort_values(["single", "story_id", "doc_id"])["doc_id"]
    shown = [d for d in ranked if d in raw_text.index][:max_docs]
    raw_sim = similarity_matrix(raw_text.loc[shown], max_docs=max_docs)
    fixed_sim = similarity_matrix(fixed_text.loc[shown], max_docs=max_docs)
    stories = (docs.sort_values(["story_id", "doc_id"])
               .groupby("story_id")
               .agg(n_copies=("doc_id", "size"),
                    representative=("doc_id", lambda s: " ".join(s[docs.loc[s.index, "is_representative"]])),
                    copies=("doc_id", " ".join), versions=("version", " / ".join))
               .reset_index())
    rates = change_rate(corpus).merge(docs[["doc_id", "version_detected"]], on="doc_id")
    learned = learned_substitutions(corpus, spin_threshold=SPIN_THRESHOLD)
    return {"provenance_documents": docs[cols].reset_index(drop=True), "stories": stories,
            "copies": corpus.copies.reset_index(drop=True),
            "related_reports": corpus.related.reset_index(drop=True),
            "similarity_raw": raw_sim.reset_index(names="doc_id"),
            "similarity_despun": fixed_sim.reset_index(names="doc_id"),
            "copy_similarity": copy_similarity(corpus.copies, raw_sim, fixed_sim),
            "learned_substitutions": learned, "repair_examples": repair_examples(corpus, n=0),
            "despin_change_rate": rates, "despin_summary": despin_summary(learned, rates, docs)}


@stage(name="quotes", tables=("quotes", "speaker_links"))
def quotes(corpus, gazetteer, *, min_words: int = 5) -> dict[str, pd.DataFrame]:
    """Every quotation, attributed to a canonical speaker of ``gazetteer`` (``kzlib.extract_quotes``), one
    person's names across documents linked to one form (``kzlib.quotes.link_speakers``; the links are the
    ``speaker_links`` table).

    Example:
        >>> out = quotes(study.corpus, study.gazetteer)
        >>> sorted(set(out["quotes"]["kind"]) & {"direct", "indirect"})
        ['direct', 'indirect']
        >>> list(out["speaker_links"].columns)
        ['speaker', 'linked_to', 'n_quotes', 'reason']
    """
    from kzlib.quotes import extract_quotes, link_speakers, speaker_variants

    q = extract_quotes(corpus.paragraphs, actors=gazetteer, documents=corpus.documents, min_words=min_words)
    links = speaker_variants(q, keep=gazetteer.actors)
    if len(links):
        log.info("quotes: %d names linked to another form of the same person across documents (%d rows), e.g. "
                 "%r -> %r; see the speaker_links table", len(links), int(links["n_quotes"].sum()),
                 links["speaker"].iloc[0], links["linked_to"].iloc[0])
    _warn_if_bundled_actors_fit_badly(q, gazetteer)
    out = link_speakers(q, links, documents=corpus.documents)
    if len(links):  # n_quotes: the rows each link rewrote (a row of another person or era keeps its name)
        moved = out["speaker"].ne(q["speaker"])
        applied = pd.DataFrame({"speaker": q["speaker"][moved], "linked_to": out["speaker"][moved]}).value_counts()
        links = links.assign(n_quotes=[int(applied.get((a, b), 0)) for a, b in zip(links["speaker"], links["linked_to"])])
        if (unused := links["n_quotes"] == 0).any():
            log.info("quotes: %d links rewrote no row (each of their rows names another person of that surname or "
                     "comes from another era) and are left out of speaker_links", int(unused.sum()))
            links = links[~unused].reset_index(drop=True)
    return {"quotes": out, "speaker_links": links}


def _warn_if_bundled_actors_fit_badly(q: pd.DataFrame, gazetteer) -> None:
    """A warning when the bundled gazetteer (the January 2022 Kazakhstan study's actors) names few of a corpus's
    speakers (under a quarter of its attributed quotations): its actors, and the bundled stance targets, then
    describe another story than the corpus's."""
    from kzlib.actors import default_gazetteer
    from kzlib.quotes import SPEECH_KINDS

    speech = q[q["kind"].isin(SPEECH_KINDS) & (q["speaker"].fillna("") != "")]
    if len(speech) < 50 or set(gazetteer.actors) != set(default_gazetteer().actors):
        return
    share = float(speech["speaker"].isin(gazetteer.actors).mean())
    if share < 0.25:  # (real coverage of the Kazakhstan events, the ru-news kit: 64 %; US election news, PolNeAR: 11 %)
        log.warning("quotes: only %.1f%% of %d attributed quotations come from an actor of the bundled gazetteer "
                    "(the January 2022 Kazakhstan study's); its actors and the bundled stance targets may not fit this "
                    "corpus. Give your own: kz run -p gazetteer my_actors.yaml -p targets_file my_targets.yaml "
                    "(layouts: kzlib/data/actors.yaml, kzlib/data/targets.yaml)", 100 * share, len(speech))


@stage(name="voices", tables=("voices", "voices_per_outlet", "voices_per_language"), uses=("one_copy_per_story",))
def voices(quotes, corpus, *, one_copy_per_story: bool = True) -> dict[str, pd.DataFrame]:
    """Who is quoted how often (``kzlib.voice_counts``), overall, per outlet (every copy) and per language
    of the coverage (``documents.language``: the same canonical speaker in Russian and English sources).

    A speaker that is a description ("the company", "a spokesman", "officials": ``speaker_resolution`` is
    ``description``, :func:`kzlib.framing.description_speakers`) names someone within one document only; pooled
    across documents it would rank twenty companies as one voice. Those quotations are left out of the three
    tables (logged with their number; the quotes table keeps them). Documents whose metadata names no outlet are no outlet: in ``voices_per_outlet``
    their rows come last, under "outlet not given".

    Example:
        >>> v = voices(study.quotes, study.corpus)["voices"]
        >>> v["n_quotes"].is_monotonic_decreasing
        True
    """
    from kzlib.corpus import OUTLET_NOT_GIVEN, outlet_given
    from kzlib.framing import description_speakers
    from kzlib.quotes import SPEECH_KINDS, voice_counts

    described = quotes["speaker"].isin(description_speakers(quotes))
    n_described = int((described & quotes["kind"].isin(SPEECH_KINDS)).sum())
    if n_described:
        log.info("voices: %d quotations whose speaker is a description (%s …) are not counted as voices: each names "
                 "someone within its own document (see the quotes table, speaker_resolution = description)",
                 n_described, ", ".join(repr(s) for s in quotes.loc[described, "speaker"].value_counts().index[:3]))
    named = quotes[~described]
    documents = corpus.documents

    def outlet(t: pd.DataFrame) -> pd.DataFrame:  # the quotes' own outlet column, or the documents'
        return t.assign(outlet=t["outlet"].where(outlet_given(t["outlet"]), OUTLET_NOT_GIVEN)) if "outlet" in t else t

    per_outlet = voice_counts(outlet(named), outlet(documents), by=["outlet", "speaker"], one_copy_per_story=False)
    apart = per_outlet["outlet"].eq(OUTLET_NOT_GIVEN)
    return {"voices": voice_counts(named, documents, one_copy_per_story=one_copy_per_story),
            "voices_per_outlet": pd.concat([per_outlet[~apart], per_outlet[apart]], ignore_index=True),
            "voices_per_language": voice_counts(named, documents, by=["language", "speaker"],
                                                one_copy_per_story=one_copy_per_story)}


@stage(name="quote_scores", tables=("quote_scores", "quote_misses"), uses=("corpus",))
def quote_scores(quotes, *, quotes_gold: str = "", corpus: str = "") -> dict[str, pd.DataFrame]:
    """Quotations scored against a gold standard (``quotes_gold``; empty: the seeds' own when the corpus
    is the seeds), and the gold quotations missed or given another speaker. Empty tables without gold.

    Example:
        >>> quote_scores(study.quotes, quotes_gold="no-such.csv")["quote_scores"].empty    # no gold, no scores
        True
    """
    from kzlib.quotes import evaluate_quotes, match_gold

    path = Path(quotes_gold) if quotes_gold else (None if corpus else bundled_gold("quotes"))
    if path is None or not path.is_file():
        return {"quote_scores": pd.DataFrame(), "quote_misses": pd.DataFrame()}
    gold = pd.read_csv(path, keep_default_na=False)
    misses = match_gold(quotes, gold)
    misses = misses[~misses["found"] | ~misses["speaker_ok"]].reset_index(drop=True)
    return {"quote_scores": evaluate_quotes(quotes, gold), "quote_misses": misses}


STANCE_METHODS = ("rules", "combined")  # kzlib.pipeline.parameters.PARAMETER_CHOICES lists them too


def _coded_stance_rows(path: Path) -> pd.DataFrame:
    """Coded (quote, target, stance) rows from a CSV (the annotation sheets' majority codes, or the bundled gold)."""
    from kzlib.errors import require_columns

    g = pd.read_csv(path, keep_default_na=False)
    require_columns(g, ["quote", "target", "stance"], table=f"coded stance rows ({path})",
                    fix="give one row per coded quote x target with its quote text, target and stance "
                        "(favor / against / none), as kzlib.stance.annotation_round's training table has them")
    return g


@stage(name="stances", tables=("stances",), uses=("stance_gold",))
def stances(quotes, corpus, gazetteer, targets, *, threshold: float = 0.3, stance_method: str = "rules",
            stance_gold: str = "") -> dict[str, pd.DataFrame]:
    """Stance of each quotation towards each target it concerns (``kzlib.detect_stance``): speech rows only
    (``SPEECH_KINDS``; an attributed act, "the union endorsed her", has no words of the speaker's to read); a fragment (a quoted word, mostly the writer's) or an interviewer's question is
    nobody's statement and gets no stance row. With ``stance_method="combined"``, a ``StanceClassifier`` is
    trained on the coded rows of ``stance_gold`` and combined with the rules as ``kzlib.stance.combine_stance``
    combines them (its stance where its probability reaches 0.4, else the rules'; every row keeps its evidence,
    and ``method`` says which decided): the summaries then read the combined stances.

    Example:
        >>> st = stances(study.quotes, study.corpus, study.gazetteer, study.targets)["stances"]
        >>> set(st["stance"]) <= {"favor", "against", "none"}
        True
    """
    from kzlib.quotes import SPEECH_KINDS
    from kzlib.stance import StanceClassifier, combine_stance, detect_stance

    if stance_method not in STANCE_METHODS:
        raise ParameterError(f"stance_method is {stance_method!r}; it must be one of {STANCE_METHODS}.")
    if stance_method == "combined" and not stance_gold:
        raise ParameterError("stance_method 'combined' trains a classifier on coded rows, and none were given: pass "
                             "-p stance_gold coded.csv (rows with quote, target and stance; notebook 04's annotation "
                             "sheet is where to code them), or use stance_method 'rules'.")
    rows = detect_stance(quotes, targets=targets, gazetteer=gazetteer, paragraphs=corpus.paragraphs,
                         threshold=threshold, kinds=SPEECH_KINDS)
    if stance_method == "combined":
        g = _coded_stance_rows(Path(stance_gold))
        model = StanceClassifier(targets=targets).fit(g.rename(columns={"quote": "text"})[["text", "target"]],
                                                      g["stance"])
        rows = combine_stance(rows, model, quotes=quotes)
        log.info("stances: a StanceClassifier trained on %d coded rows (%s) decided %d of %d rows; the rules the "
                 "rest", len(g), stance_gold, int((rows["method"] == "model").sum()), len(rows))
    return {"stances": rows}


@stage(name="stance_summary", tables=("stance_summary", "outlet_stance", "language_stance"), uses=("threshold",))
def stance_summary(stances, counted_documents, *, threshold: float = 0.3) -> dict[str, pd.DataFrame]:
    """Speaker × target stance, a story counted once, and the share of voices for/against per outlet and
    per language of the coverage (``language_stance``: Russian- against English-language sources).

    Example:
        >>> out = stance_summary(study.stances, study.counted_documents)
        >>> sorted(out)
        ['language_stance', 'outlet_stance', 'stance_summary']
    """
    from kzlib.stance import outlet_stance, summarise_stance

    return {"stance_summary": summarise_stance(stances, documents=counted_documents, threshold=threshold),
            "outlet_stance": outlet_stance(stances, documents=counted_documents, threshold=threshold),
            "language_stance": outlet_stance(stances, documents=counted_documents, by="language",
                                             threshold=threshold)}


@stage(name="annotation_sheet", tables=("annotation_sheet",))
def annotation_sheet(stances, quotes, *, annotation_n: int = 60) -> dict[str, pd.DataFrame]:
    """A stratified sample of quote × target items for human coders (``export_annotation_sheet``).

    Example:
        >>> len(annotation_sheet(study.stances, study.quotes, annotation_n=10)["annotation_sheet"])
        10
    """
    from kzlib.stance import export_annotation_sheet

    return {"annotation_sheet": export_annotation_sheet(stances, quotes=quotes, n=annotation_n)}


def _is_seeds(corpus: str) -> bool:
    """Whether ``corpus`` (a study parameter) is the bundled seeds: empty, or their own folder.

    Example:
        >>> _is_seeds(""), _is_seeds("my_corpus/")
        (True, False)
    """
    from kzlib.corpus.loading import seeds_dir

    return not corpus or Path(corpus).resolve() == seeds_dir().resolve()


@stage(name="stance_evaluation", tables=("stance_evaluation", "stance_evaluation_summary"),
       uses=("threshold", "corpus"))
def stance_evaluation(*, stance_gold: str = "", cv_folds: int = 5, threshold: float = 0.3,
                      corpus: str = "") -> dict[str, pd.DataFrame]:
    """Cross-validated scores of ``StanceClassifier``, of the rules and of the two combined as ``combine_stance``
    combines them (``CombinedStanceClassifier`` at its default ``min_proba``) on coded rows (``stance_gold``;
    empty: the bundled gold, only when the corpus is the bundled seeds, whose quotes it codes).
    Empty when there are no coded rows or too few to cross-validate; the summary's ``note`` says why.

    Example:
        >>> stance_evaluation(stance_gold="no-such.csv")["stance_evaluation"].empty   # no coded rows
        True
        >>> stance_evaluation(corpus="my_corpus/")["stance_evaluation_summary"]["gold"].tolist()  # not the seeds
        ['']
    """
    from kzlib import stance as st

    if not stance_gold and not _is_seeds(corpus):
        note = ("No stance evaluation: the bundled gold codes the seeds' quotes, and this corpus is not the "
                "seeds. Code a sample of your own (the annotation sheet) and pass stance_gold=...")
        log.info(note)
        return {"stance_evaluation": pd.DataFrame(),
                "stance_evaluation_summary": pd.DataFrame({"gold": [""], "note": [note]})}
    path = Path(stance_gold) if stance_gold else bundled_gold("stance")
    none = {"stance_evaluation": pd.DataFrame(),
            "stance_evaluation_summary": pd.DataFrame({"gold": [str(path or "")],
                                                       "note": ["no coded rows that can be cross-validated"]})}
    if path is None or not path.is_file():
        return none
    g = _coded_stance_rows(path)
    folds = (g["doc_id"].astype(str) + "|" if "doc_id" in g.columns else "") + g["quote"].astype(str)
    per_class = g["stance"].value_counts()
    if len(per_class) < 2 or per_class.min() < 2 or folds.nunique() < 2:
        log.warning("The coded rows at %s cannot be cross-validated: they need two stance classes, two rows "
                    "of each and two quotes (found %s over %d quotes). Code more rows.", path,
                    per_class.to_dict(), folds.nunique())
        return none
    X = g.rename(columns={"quote": "text"})[["text", "target"]]
    parts, summary = [], []
    rules = st.RuleStanceClassifier(threshold=threshold)
    for method, clf in (("StanceClassifier", st.StanceClassifier()), ("rules", rules),
                        ("combined", st.CombinedStanceClassifier(rules=rules))):
        ev = st.evaluate(clf, X, g["stance"], cv=cv_folds, groups=folds)
        parts.append(ev.table().assign(method=method))
        summary.append({"method": method, "n": ev.n, "f_avg": ev.f_avg, "f_avg_low": ev.f_avg_ci[0],
                        "f_avg_high": ev.f_avg_ci[1], "accuracy": ev.accuracy, "gold": str(path)})
    return {"stance_evaluation": pd.concat(parts, ignore_index=True),
            "stance_evaluation_summary": pd.DataFrame(summary)}


@stage(name="framing", tables=("framing", "framing_checks", "naming_families"), uses=("one_copy_per_story",))
def framing(corpus, quotes, gazetteer, targets=None, *, min_term_count: int = 3, terms_per_group: int = 50,
            one_copy_per_story: bool = True) -> dict[str, pd.DataFrame]:
    """Words distinctive of each outlet and speaker group, within its language and publication period, and how
    each names the people in the streets (:func:`kzlib.framing.framing_tables`, which says how).

    Example:
        >>> fr = framing(study.corpus, study.quotes, study.gazetteer, study.targets)
        >>> sorted(fr["framing_checks"]["comparison"])
        ['outlet', 'speaker group']
    """
    from kzlib.framing import framing_tables

    return framing_tables(corpus, quotes, gazetteer, targets, min_term_count=min_term_count,
                          terms_per_group=terms_per_group, one_copy_per_story=one_copy_per_story)


@stage(name="topics", tables=("topic_plan", "topic_phrases", "topic_k_selection", "topics", "doc_topics",
                               "paragraph_topics", "topic_runs", "topic_terms", "topic_reliability",
                               "topic_prevalence_by_outlet", "topic_prevalence_by_date", "topic_representatives"),
       uses=("one_copy_per_story", "gazetteer"))
def topics(corpus, *, method: str = "nmf", k: int = 0, k_min: int = 2, k_max: int = 40, seed: int = 0,
           n_reruns: int = 5, subsample: float = 0.8, n_terms: int = 10, min_stability: float = 0.5,
           min_paragraphs_per_topic: int = 3, n_representatives: int = 3, topics_language: str = "",
           one_copy_per_story: bool = True, gazetteer: str = "") -> dict[str, pd.DataFrame]:
    """Topic models with k chosen by coherence and stability (``k=0``) or given, and what they say: the
    plan (what the corpus supports), the vocabulary's phrases, the choice of k, topics, paragraph weights
    (``paragraph_topics``: each paragraph's fit and topic, or why it has none), reruns, top terms, a
    reliability verdict, prevalence by outlet and date, representative paragraphs
    (``kzlib.topics.topic_tables``). Tables are empty where the corpus has too little text (``topic_plan``
    says why). The k tried grow with the corpus (``kzlib.topics.candidate_ks``: up to max(10, √documents),
    at most ``k_max``).

    ``topics_language``: empty, each language with enough paragraphs gets a model of its own (topic labels
    start with the language when there are several; a language with too few paragraphs is not modelled,
    and the plan says so); ``"all"`` fits every language together (the verdict names a topic that absorbs
    another language's paragraphs); a code (e.g. ``"ru"``) fits that language only.
    ``topic_plan.languages`` names the languages fitted. The names of the ``gazetteer`` file (empty: the
    bundled English and Russian ones) are kept as one term each ("Antony Blinken", not "antony" and "blinken").

    Example:
        >>> t = topics(study.corpus, k=3, k_min=3, k_max=3, n_reruns=1)
        >>> int(t["topic_plan"]["k"].iloc[0]), len(t["topics"])
        (3, 3)
    """
    from kzlib import topics as kt

    paras = kt.topic_paragraphs(corpus, one_copy_per_story=one_copy_per_story)
    return kt.topic_tables(paras, corpus.documents, language=topics_language, method=method, k=k, k_min=k_min,
                           k_max=k_max, seed=seed, n_reruns=n_reruns, subsample=subsample, n_terms=n_terms,
                           min_stability=min_stability, min_paragraphs_per_topic=min_paragraphs_per_topic,
                           n_representatives=n_representatives,
                           actors=kt.load_actor_aliases(gazetteer) if gazetteer else None)


@stage(name="events", tables=("events", "date_checks", "chronology", "coverage"), uses=("one_copy_per_story",))
def events(corpus, gazetteer, quotes, *, min_confidence: float = 0.0,
           one_copy_per_story: bool = True) -> dict[str, pd.DataFrame]:
    """Dated mentions with their actors (from ``gazetteer``, and each document's named speakers from
    ``quotes``: ``actor_sources`` says which), the check of each document's date, the chronology and the
    coverage by publication date (``kzlib.build_events`` …).

    Example:
        >>> ev = events(study.corpus, study.gazetteer, study.quotes)
        >>> sorted(ev)
        ['chronology', 'coverage', 'date_checks', 'events']
    """
    from kzlib import timeline as tl

    ev = tl.build_events(corpus, one_copy_per_story=one_copy_per_story, min_confidence=min_confidence,
                         gazetteer=gazetteer, speakers=quotes)
    return {"events": ev, "date_checks": tl.check_dates(ev, corpus.documents),
            "chronology": tl.chronology(ev, min_confidence=min_confidence), "coverage": tl.coverage(corpus.documents)}


@stage(name="stance_over_time", tables=("stance_over_time",))
def stance_over_time(stances, corpus, date_checks) -> dict[str, pd.DataFrame]:
    """Mean quoted stance per publication date and target, each document at the date its relative
    expressions were resolved against (a copy at its original's estimated date).

    Example:
        >>> t = stance_over_time(study.stances, study.corpus, study.date_checks)["stance_over_time"]
        >>> bool(t["mean_score"].dropna().between(-1, 1).all()), bool((t["n_stance"] <= t["n"]).all())
        (True, True)
    """
    from kzlib.timeline import stance_over_time as over_time

    if stances.empty:
        return {"stance_over_time": pd.DataFrame()}
    dates = date_checks.set_index("doc_id")["anchor_used"] if len(date_checks) else None
    return {"stance_over_time": over_time(stances, corpus.documents, dates=dates)}
