"""The provenance stage: :func:`annotate` groups copies into stories, labels versions, scores spin
and de-spins a cleaned corpus."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from kzlib._memory import releases_memory
from kzlib.clean import is_analysable
from kzlib.corpus import Corpus
from kzlib.engine import map_partitions_by_document
from kzlib.errors import CorpusError, ParameterError
from kzlib.provenance._related import _published_days
from kzlib.provenance.copies import _COPY_COLUMNS, _RELATED_COLUMNS, _stories, find_copies
from kzlib.provenance.features import _objects, _per_document, _text
from kzlib.provenance.repair import SpinRepairer, _similar
from kzlib.provenance.spin import (
    SPIN_THRESHOLD,
    _apply,
    _compile,
    _Compiled,
    _n_words,
    _narration_spun,
    _outside_quotes,
    judged_spun,
)
from kzlib.provenance.versions import _VERSION_RANK, VERSIONS, _word_counts, detect_versions

__all__ = ["annotate"]

_DETECTED_BASIS = "detected from the text (the metadata gave no version)"

log = logging.getLogger(__name__)



# --- the stage ---------------------------------------------------------------------------------------


def _gazetteer(given: Any = None) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """(canonical names, (canonical name, aliases) per actor) of the ``given`` gazetteer (a
    :class:`kzlib.actors.Gazetteer`), else of ``kzlib.actors``' bundled one."""
    if given is None:
        try:
            from kzlib.actors import default_gazetteer  # noqa: PLC0415 - optional, another module's data
            given = default_gazetteer()
        except Exception as exc:  # noqa: BLE001 - a missing or broken optional source must not stop provenance
            log.warning("no actor gazetteer for provenance (%s): spun names are learned from the corpus alone, "
                        "without the gazetteer's names and their variants", exc)
            return (), ()
    g = given
    actors = sorted(g.actors.values(), key=lambda a: a.name)
    return tuple(a.name for a in actors), tuple((a.name, tuple(a.aliases)) for a in actors)


def _swap_like(x: str, y: str) -> bool:
    """Two capitalised dictionary-like words that could be a spinner's synonym swap (not Joseph / Joe,
    Georgiy / Georgi, U.S. / US or Kazakhstani / Kazakh)."""
    return (x.isalpha() and y.isalpha() and x[0].isupper() and y[0].isupper() and x.lower()[:2] != y.lower()[:2]
            and not _similar(x, y))


def _gazetteer_variants(actors: Iterable[tuple[str, tuple[str, ...]]],
                        clean_texts: Iterable[str | tuple[str, ...]], *, engine: str = "pandas", scheduler: Any = None,
                        npartitions: int | str | None = None) -> list[tuple[str, str]]:
    """(spun form, original) pairs among an actor's names: two forms of the same length that share a word
    and differ only by dissimilar words ("Ned Worth" / "Ned Price"; spelling variants are not swaps).
    The original is the canonical name, else the form the clean text uses more."""
    pairs = _variant_pairs(actors)
    # occurrences of those forms in the clean text (per partition of the texts with the Dask engine)
    forms_asked = _variant_forms(pairs)
    counts = dict.fromkeys(forms_asked, 0)
    if forms_asked:
        texts = list(clean_texts)
        frame = pd.DataFrame({"doc_id": [f"{i:012d}" for i in range(len(texts))], "text": texts})
        counted = map_partitions_by_document(frame, _form_counts_part, engine=engine, scheduler=scheduler,
                                             npartitions=npartitions, forms=forms_asked)
        for form, n in zip(counted["form"].tolist(), counted["n"].tolist()):
            counts[form] += n
    return _chosen_variants(pairs, counts)


def _variant_pairs(actors: Iterable[tuple[str, tuple[str, ...]]]) -> list[tuple[str, str, str]]:
    """(a, b, canonical name) of the forms of one actor's names that may be a spinner's swap (see
    :func:`_gazetteer_variants`)."""
    pairs: list[tuple[str, str, str]] = []
    for name, aliases in actors:
        forms = [f for f in (name, *aliases) if re.fullmatch(r"[A-Za-z][A-Za-z .'’-]*", f)]
        for i, a in enumerate(forms):
            for b in forms[i + 1:]:
                wa, wb = a.split(), b.split()
                if len(wa) != len(wb) or len(wa) < 2:
                    continue
                diff = [(x, y) for x, y in zip(wa, wb) if x != y]
                if not diff or len(diff) == len(wa) or not all(_swap_like(x, y) for x, y in diff):
                    continue
                pairs.append((a, b, name))
    return pairs


def _variant_forms(pairs: list[tuple[str, str, str]]) -> tuple[str, ...]:
    """The forms of :func:`_variant_pairs` whose occurrences in the clean text are counted (sorted)."""
    return tuple(sorted({f for a, b, _ in pairs for f in (a, b)}))


def _chosen_variants(pairs: list[tuple[str, str, str]], counts: dict[str, int]) -> list[tuple[str, str]]:
    """(spun form, original) of :func:`_gazetteer_variants`, given how often the clean text uses each form
    (``counts``)."""
    out = []
    for a, b, name in pairs:
        if a == name or b == name:
            spun, orig = (b, a) if a == name else (a, b)
        else:
            ca, cb = counts[a], counts[b]
            if ca == cb:
                continue
            spun, orig = (b, a) if ca > cb else (a, b)
        if counts[spun] == 0:
            out.append((spun, orig))
    return sorted(set(out))


def _runs(keys: list[Any], values: list[Any]) -> dict[Any, tuple]:
    """The ``values`` of each run of equal ``keys`` (sorted: each key is one run), as a tuple, by key.

    Example:
        >>> _runs(["a", "a", "b"], [1, 2, 3])
        {'a': (1, 2), 'b': (3,)}
    """
    out: dict[Any, tuple] = {}
    start = 0
    for key, run in itertools.groupby(keys):
        n = sum(1 for _ in run)
        out[key] = tuple(values[start:start + n])
        start += n
    return out


def _row_ranges(keys: list[Any]) -> dict[Any, range]:
    """The rows of each run of equal ``keys`` (sorted: each key is one run), by key.

    Example:
        >>> _row_ranges(["a", "a", "b"])
        {'a': range(0, 2), 'b': range(2, 3)}
    """
    out: dict[Any, range] = {}
    start = 0
    for key, run in itertools.groupby(keys):
        n = sum(1 for _ in run)
        out[key] = range(start, start + n)
        start += n
    return out


def _form_counts_part(frame: pd.DataFrame, *, forms: tuple[str, ...]) -> pd.DataFrame:
    """``form`` and ``n``: how often each of ``forms`` occurs in the texts of ``frame`` (``text``), one pass
    over each text for all the forms (:func:`_form_counts`)."""
    counts = [0] * len(forms)
    for t in frame["text"].tolist():
        for k, n in _form_counts(t, forms):
            counts[k] += n
    return pd.DataFrame({"form": list(forms), "n": counts})


def _form_counts(text: str | tuple[str, ...], forms: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """(k, n): ``forms[k]`` occurs n > 0 times in ``text``, found in one pass over it for all the forms
    (a form spans no line break, so a text that is its paragraphs, see _text, is counted joined by line
    breaks); occurrences are counted as ``str.count`` counts them.

    Example:
        >>> _form_counts(("Ned Price met Ned Price Jr", "Ned Worth"), ("Ned Price", "Ned Price Jr", "State"))
        ((0, 2), (1, 1))
    """
    starts, by_first = _form_starts(forms)
    joined = text if isinstance(text, str) else "\n".join(text)
    found: dict[str, int] = {}
    ends: dict[str, int] = {}        # per form, where its last occurrence counted ends (str.count's rule)
    for m in starts.finditer(joined):
        pos = m.start()
        for form in by_first[joined[pos]]:
            if pos >= ends.get(form, 0) and joined.startswith(form, pos):
                found[form] = found.get(form, 0) + 1
                ends[form] = pos + len(form)
    return tuple((k, found[f]) for k, f in enumerate(forms) if f in found)


@functools.lru_cache(maxsize=8)
def _form_starts(forms: tuple[str, ...]) -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """A pattern matching the first character of each place where one of ``forms`` (none empty) starts,
    and the forms by first character: one search of a text finds every start of every form, where
    ``str.count`` of each would read the whole text once per form (their occurrences are then counted as
    ``str.count`` counts them: without overlap, left to right). The pattern's branches all open on a
    character, so ``re`` jumps from one such character to the next.

    Example:
        >>> p, by_first = _form_starts(("Ned Price", "Ned Worth", "State Department"))
        >>> [m.start() for m in p.finditer("Ned Price of the State Department; Ned")], by_first["N"]
        ([0, 17], ('Ned Price', 'Ned Worth'))
    """
    by_first: dict[str, list[str]] = {}
    for form in sorted(set(forms)):
        by_first.setdefault(form[0], []).append(form)
    pattern = "|".join(re.escape(first) + "(?=" + "|".join(re.escape(f[1:]) for f in group) + ")"
                       for first, group in by_first.items())
    return re.compile(pattern), {first: tuple(group) for first, group in by_first.items()}


@releases_memory
def annotate(corpus: Corpus, *, seed: int = 0, copy_threshold: float = 0.4, lsh_threshold: float = 0.1,
             num_perm: int = 256, max_df: float | int = 0.01, spin_threshold: float = SPIN_THRESHOLD,
             mt_threshold: float = 2.0,
             translation_threshold: float = 5.0, table: pd.DataFrame | str | None = None,
             learn: bool = True, gazetteer: Any = None, engine: str = "pandas",
             scheduler: Any = None, npartitions: int | str | None = None) -> Corpus:
    """Group copies into stories, label versions, score spin and de-spin a cleaned corpus.

    ``corpus`` is the result of :func:`kzlib.clean.clean` (it needs ``paragraphs``). Returns a new
    Corpus with ``documents`` columns ``story_id``, ``is_representative``, ``spin_score``, ``version``
    (the metadata's where it gave one other than "unknown", else ``version_detected``), ``version_basis``
    (the metadata's basis, "given by the metadata", or "detected from the text ..."), ``version_detected``, ``mt_score``, ``translation_score``,
    ``n_despun`` (repairs made) and ``n_despun_learned`` (of which by learned substitutions);
    ``paragraphs.text_despun``, ``n_despun`` and ``n_despun_learned``; the ``copies`` table; and the
    ``related`` table: the pairs alike enough to be checked that are not copies (``relation`` follow-up,
    related or no shared names, and the ``reason``; :func:`find_copies` with ``related=True``), so that a
    reader can see which documents were kept apart and why.
    ``learn=False`` uses the phrase table only; ``gazetteer`` is a :class:`kzlib.actors.Gazetteer` (its
    names and their aliases) or a list of actor names (default: the bundled gazetteer of ``kzlib.actors``). ``seed`` seeds the MinHash permutations; ``lsh_threshold``,
    ``num_perm`` and ``max_df`` (features in more documents are left out of the signatures) are those
    of :func:`find_copies`.

    What is read off each document alone -- its spin evidence and score, its detected version, the
    features and hashes :func:`find_copies` compares -- is computed per document: with ``engine="dask"``
    over partitions of documents on ``scheduler`` (see :func:`kzlib.engine.map_partitions_by_document`,
    which also reads ``npartitions``), and so are the counts that are sums over documents (the clean
    texts' name contexts and words, the gazetteer's name forms, phrase frequencies), the MinHash
    signatures (Dask engine), the check of each candidate pair and the swaps between aligned copies. What
    needs the whole corpus at once -- the MinHash banding, the stories, the substitutions chosen from
    the counts -- runs here. Both engines give the same tables.

    Example:
        >>> from kzlib.study import prepare
        >>> c = annotate(prepare(provenance=False))
        >>> int(c.documents.groupby("story_id").size().max())   # the spun seed 000 and its source 001: one story
        2
    """
    docs = corpus.documents
    paras = corpus.paragraphs
    if docs is None or "doc_id" not in docs.columns:
        raise CorpusError("annotate needs a documents table with a doc_id column; load it with kzlib.load_corpus")
    if paras is None or len(paras) == 0 or not {"doc_id", "para_id", "kind", "text"} <= set(paras.columns):
        raise CorpusError("annotate needs the paragraphs table of kzlib.clean.clean(corpus) "
                          "(columns doc_id, para_id, kind, text); call kzlib.prepare(...) instead")
    if not isinstance(seed, (int, np.integer)):
        raise ParameterError(f"seed must be an int, not {type(seed).__name__}")
    docs = docs.copy()
    paras = paras.sort_values(["doc_id", "para_id"], ignore_index=True)   # a new frame: ours to extend
    ids = sorted(docs["doc_id"].astype(str))
    in_body = is_analysable(paras)
    # each document's body text, as the tuple of its body paragraphs (joined where read, see _text)
    # (what groupby(doc_id).agg(tuple) gives, read off the sorted rows in one pass)
    raw = pd.Series(_runs(paras.loc[in_body, "doc_id"].tolist(), paras.loc[in_body, "text"].tolist()),
                    dtype=object, name="text").reindex(ids).fillna("").rename_axis("doc_id")

    # 1. per document: spin score, the detected version (read off the raw text) and its paragraphs
    # de-spun by the table (each row of a document: its own spin decides, see _despun_paragraphs)
    compiled = _compile(table)
    # the gazetteer's name forms that may be swaps are counted in the clean documents in the same pass
    # (:func:`_gazetteer_variants`; which documents are clean is known there, document by document)
    names, actors = ((tuple(gazetteer), ()) if gazetteer is not None and not hasattr(gazetteer, "actors")
                     else _gazetteer(gazetteer)) if learn else ((), ())
    variant_pairs = _variant_pairs(actors)
    forms = _variant_forms(variant_pairs)
    texts_in = paras["text"].tolist()
    para_docs = paras["doc_id"].tolist()
    is_body = in_body.tolist()
    rows_of = _row_ranges(para_docs)                                # each document's rows (contiguous)
    frame = pd.DataFrame({"doc_id": raw.index, "text": raw.to_numpy(),
                          "paras": _objects([tuple(texts_in[i] for i in rows_of.get(d, ())) for d in raw.index]),
                          "body": _objects([tuple(is_body[i] for i in rows_of.get(d, ())) for d in raw.index])})
    if "republished_from" in docs.columns:
        notice = docs.drop_duplicates("doc_id").set_index("doc_id")["republished_from"].fillna("").astype(str)
        frame["republished"] = (notice.str.strip() != "").reindex(raw.index).fillna(False).to_numpy(dtype=bool)
    evidence = _per_document(frame, _raw_evidence, engine=engine, scheduler=scheduler, npartitions=npartitions,
                             compiled=compiled, spin_threshold=spin_threshold, mt_threshold=mt_threshold,
                             translation_threshold=translation_threshold, forms=forms).set_index("doc_id")
    form_counts = dict.fromkeys(forms, 0)
    for found in evidence.pop("form_counts").tolist():
        for k, n in found:
            form_counts[forms[k]] += n
    scores = evidence["spin_score"]
    is_spun = evidence.pop("is_spun").astype(bool)
    spun_ids = set(is_spun.index[is_spun])
    quotes_spun = set(evidence.index[evidence.pop("quotes_spun").astype(bool)])
    stage1: list[str] = list(texts_in)
    n_table: list[int] = [0] * len(texts_in)
    despun_of = evidence.pop("despun").tolist()
    for d, despun in zip(evidence.index, despun_of):
        rows = rows_of.get(d, ())
        for j, text, n in despun:
            stage1[rows[j]], n_table[rows[j]] = text, n
    # paragraphs of a document the documents table lacks have no spin score: not judged spun, so no row
    # applies to them (a text not judged spun is left as it is) and they keep their text
    del rows_of
    # the de-spun body text (:func:`_despun_body`): a document the table left unchanged shares its text
    # with raw (one copy of the corpus in memory, not two); the others are the tuples of their repaired
    # body paragraphs
    s1_body = pd.Series([_despun_body(t, p, b, d) for t, p, b, d in zip(frame["text"].tolist(), frame["paras"].tolist(),
                                                                        frame["body"].tolist(), despun_of)],
                        index=raw.index, dtype=object)
    del frame, despun_of, texts_in, para_docs, is_body, in_body

    # 2. copies and stories on de-spun text
    pairs = find_copies(s1_body, threshold=copy_threshold, lsh_threshold=lsh_threshold, num_perm=num_perm,
                        max_df=max_df, seed=int(seed), engine=engine, scheduler=scheduler,
                        npartitions=npartitions, published=_published_days(docs), related=True)
    is_copy = pairs["relation"] == "copy"
    copies = pairs[is_copy][_COPY_COLUMNS].reset_index(drop=True)
    related = pairs[~is_copy][_RELATED_COLUMNS].reset_index(drop=True)
    del pairs
    story = pd.Series(_stories(ids, copies))

    # 3. substitutions learned from the corpus, applied to spun documents
    base = compiled.table
    if learn and is_spun.any():
        other = paras[(paras["kind"].isin(["caption", "title"])) & (~paras["doc_id"].map(is_spun).fillna(False))]
        repairer = SpinRepairer(table=base, gazetteer=names,
                                variants=tuple(_chosen_variants(variant_pairs, form_counts))).fit(
            s1_body, spun=is_spun, stories=story, raw=raw, extra_reference=other["text"].drop_duplicates().tolist(),
            engine=engine, scheduler=scheduler, npartitions=npartitions)
    else:
        repairer = None
    story_of = story.to_dict()
    n_learned = [0] * len(stage1)
    if repairer is not None:
        for i, d in enumerate(paras["doc_id"]):
            if d in spun_ids:
                stage1[i], n_learned[i] = repairer.repair_learned(stage1[i], story=story_of.get(d),
                                                                  quotes=d in quotes_spun)
    paras["text_despun"] = stage1
    paras["n_despun"] = [n + k for n, k in zip(n_table, n_learned)]
    paras["n_despun_learned"] = n_learned
    del stage1, n_table

    # 4. versions (detected in step 1) and representatives
    detected = evidence
    docs = docs.set_index("doc_id", drop=False)
    given = docs["version"].fillna("").astype(str).str.strip() if "version" in docs.columns \
        else pd.Series("", index=docs.index)
    # the loader writes "unknown" where the sidecar gave no version: it claims nothing, detection fills it
    given = given.where(given != "unknown", "")
    unknown_given = sorted(set(given[given != ""]) - set(VERSIONS))
    if unknown_given:
        log.warning("metadata versions %s are not among %s; they are kept as given", unknown_given, VERSIONS)
    docs["version_detected"] = detected["version_detected"]
    docs["mt_score"] = detected["mt_score"]
    docs["translation_score"] = detected["translation_score"]
    docs["version_evidence"] = detected["version_evidence"]
    docs["version"] = given.where(given != "", docs["version_detected"])
    basis = docs["version_basis"].fillna("").astype(str).str.strip() if "version_basis" in docs.columns \
        else pd.Series("", index=docs.index)
    docs["version_basis"] = basis.where(given != "", _DETECTED_BASIS).where(
        (given == "") | (basis != ""), "given by the metadata")
    if (given == "").any():
        log.info("provenance: %d of %d documents have no version from the metadata; their version is the "
                 "detected one (version_basis says so)", int((given == "").sum()), len(docs))
    docs["spin_score"] = scores
    docs["story_id"] = story
    for col in ("n_despun", "n_despun_learned"):
        docs[col] = paras.groupby("doc_id")[col].sum().reindex(docs.index).fillna(0).astype(int)
    words = evidence["n_letter_words"].reindex(docs.index).fillna(0)
    rank = docs["version"].map(_VERSION_RANK).fillna(len(_VERSION_RANK))
    order = pd.DataFrame({"story": docs["story_id"], "rank": rank, "words": -words, "doc": docs["doc_id"]})
    reps = order.sort_values(["story", "rank", "words", "doc"]).groupby("story")["doc"].first()
    docs["is_representative"] = docs["doc_id"].isin(set(reps))
    docs = docs.reset_index(drop=True).sort_values("doc_id", ignore_index=True)
    n_stories = docs["story_id"].nunique()
    log.info("provenance: %d documents in %d stories; %d spun, %d substitutions repaired",
             len(docs), n_stories, int(is_spun.sum()), int(paras["n_despun"].sum()))
    return dataclasses.replace(corpus, documents=docs, paragraphs=paras, copies=copies, related=related)


def _raw_evidence(frame: pd.DataFrame, *, compiled: _Compiled, spin_threshold: float, mt_threshold: float,
                  translation_threshold: float, forms: tuple[str, ...] = ()) -> pd.DataFrame:
    """What :func:`annotate` reads off each document's raw body text alone, for the documents of ``frame``
    (``doc_id``, ``text``: its body paragraphs, ``paras`` and ``body``: all its paragraphs and which are
    body text, optionally ``republished``: a syndication notice): ``n_words`` (the words a spin score is
    per 1,000 of), ``n_letter_words`` (words of any script, :func:`_word_counts`), ``n_matches``
    (phrase-table substitutions that apply in a spun text), ``spin_score``, ``is_spun``
    (:func:`judged_spun`), ``quotes_spun`` (its words outside quotation marks are judged spun on their
    own: the quoted words are repaired too), ``despun`` (the paragraphs the phrase table changes,
    :func:`_despun_paragraphs`, the document's own spin deciding), ``form_counts`` (how often the text
    of a document not judged spun uses each of ``forms``, :func:`_form_counts`) and
    :func:`detect_versions`'s columns."""
    raw = pd.Series([_text(t) for t in frame["text"].tolist()],
                    index=pd.Index(frame["doc_id"].to_numpy(), name="doc_id"), dtype=object)
    n_words = raw.map(_n_words).astype("int64")                      # the words a spin score is per 1,000 of
    # words of any script where the ASCII words are few for the text's length (see _word_counts)
    n_letter = pd.Series([n if len(t) <= 8 * n else _word_counts(t)[0] for t, n in zip(raw, n_words.tolist())],
                         index=raw.index, dtype="int64")
    spans = [compiled.spans(t) for t in raw]
    found = [[(a, b, row) for a, b in sp if (row := compiled.choose(t, a, b, spun=True)) is not None]
             for t, sp in zip(raw, spans)]
    n_matches = pd.Series([len(f) for f in found], index=raw.index, dtype="int64")
    scores = (1000.0 * n_matches / n_words.where(n_words > 0)).fillna(0.0).round(2)
    is_spun = [judged_spun(k, n, threshold=spin_threshold) for k, n in zip(n_matches.tolist(), n_words.tolist())]
    quotes = [sp and _narration_spun(t, f, threshold=spin_threshold) for t, f, sp in zip(raw, found, is_spun)]
    del found
    republished = (pd.Series(frame["republished"].to_numpy(dtype=bool), index=raw.index)
                   if "republished" in frame.columns else None)
    detected = detect_versions(raw, spin_scores=scores, republished=republished, spin_threshold=spin_threshold,
                               mt_threshold=mt_threshold, translation_threshold=translation_threshold,
                               spun=pd.Series(is_spun, index=raw.index, dtype=bool))
    despun = [_despun_paragraphs(d, texts, body, sp, compiled=compiled, spun=spun, quotes=q) for d, texts, body, sp, spun, q
              in zip(raw.index, frame["paras"].tolist(), frame["body"].tolist(), spans, is_spun, quotes)]
    out = pd.DataFrame({"doc_id": raw.index.to_numpy(), "n_words": n_words.to_numpy(),
                        "n_letter_words": n_letter.to_numpy(), "n_matches": n_matches.to_numpy(),
                        "spin_score": scores.to_numpy(), "is_spun": is_spun, "quotes_spun": quotes,
                        "despun": _objects(despun),
                        "form_counts": _objects([_form_counts(t, forms) if forms and not spun else ()
                                                 for t, spun in zip(frame["text"].tolist(), is_spun)])})
    for column in detected.columns:
        out[column] = detected[column].to_numpy()
    return out


def _despun_body(text: str | tuple[str, ...], paras: tuple[str, ...], body: tuple[bool, ...],
                 despun: tuple[tuple[int, str, int], ...]) -> str | tuple[str, ...]:
    """A document's de-spun body text: its body ``text`` (:func:`_text`) where the phrase table changed
    none of its body paragraphs, else its body paragraphs with the changes ``despun``
    (:func:`_despun_paragraphs`) made.

    Example:
        >>> _despun_body(("A b.", "C d."), ("Title", "A b.", "C d."), (False, True, True), ((2, "C e.", 1),))
        ('A b.', 'C e.')
    """
    if not despun:
        return text
    new = dict((j, t) for j, t, _ in despun)
    return tuple(new.get(j, t) for j, (t, b) in enumerate(zip(paras, body)) if b)


def _despun_paragraphs(doc_id: str, texts: tuple[str, ...], body: tuple[bool, ...], spans: list[tuple[int, int]], *,
                       compiled: _Compiled, spun: bool, quotes: bool = True) -> tuple[tuple[int, str, int], ...]:
    """The paragraphs ``texts`` of one document (``body``: which are its body paragraphs, ``spans``: the
    table's phrases in its body text) the phrase table changes: (place, de-spun text, substitutions) of
    each with a substitution, ``spun`` deciding the rows of scope "spun" and ``quotes`` whether they
    apply inside quotation marks too; none in a document that is not ``spun`` (no row applies there). A
    body paragraph takes its phrases from the document's (:func:`_body_spans`); the others are searched."""
    if not spun:
        return ()
    known, again = _body_spans(list(texts), list(body), [doc_id] * len(texts), {doc_id: spans})
    out = []
    for j, (t, b) in enumerate(zip(texts, body)):
        if not b or again:
            found = compiled.find(t, spun=spun, quotes=quotes)
        else:
            found = [(a, e, row) for a, e in known.get(j, ()) if (row := compiled.choose(t, a, e, spun=spun)) is not None]
            found = found if quotes else _outside_quotes(t, found)
        if found:
            out.append((j, _apply(t, found), len(found)))
    return tuple(out)


def _body_spans(texts: list[str], is_body: list[bool], doc_ids: list[str],
                doc_spans: dict[str, list[tuple[int, int]]]) -> tuple[dict[int, list[tuple[int, int]]], set[str]]:
    """The table phrases (:meth:`_Compiled.spans`) of the body paragraphs ``texts[i]`` (``is_body[i]``;
    in document and paragraph order), read off those found in their document's body text (its body
    paragraphs joined by a blank line). Where no phrase crosses a paragraph break they are exactly
    those a search of the paragraph alone finds: the pattern's edges (``(?<!\\w)``, ``(?!\\w)``) see
    a paragraph break as they see the text's ends.

    Returns the phrases of the paragraphs that have any, and the documents whose paragraphs must be
    searched on their own (a phrase across a break, or no entry in ``doc_spans``)."""
    out: dict[int, list[tuple[int, int]]] = {}
    again: set[str] = set()
    body_rows = (i for i, b in enumerate(is_body) if b)
    for d, rows in itertools.groupby(body_rows, key=doc_ids.__getitem__):
        spans = doc_spans.get(d)
        if spans is None:
            again.add(d)
            continue
        found: dict[int, list[tuple[int, int]]] = {}
        j, start = 0, 0
        for i in rows:
            end = start + len(texts[i])
            while j < len(spans) and spans[j][0] < end + 2:    # the phrases before the next paragraph
                a, b = spans[j]
                if b > end:
                    break
                found.setdefault(i, []).append((a - start, b - start))
                j += 1
            else:
                start = end + 2
                continue
            again.add(d)                                       # a phrase across a paragraph break
            break
        if d not in again:
            out.update(found)
    return out, again
