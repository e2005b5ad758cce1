"""Inspecting de-spinning after the fact: the substitutions learnt, repaired sentences side by side,
and how much each document changed."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import pandas as pd

from kzlib.clean import is_analysable
from kzlib.corpus import Corpus
from kzlib.errors import CorpusError
from kzlib.provenance.features import _sentences
from kzlib.provenance.repair import SpinRepairer
from kzlib.provenance.spin import SPIN_THRESHOLD, _apply, _compile, _n_words, _narration_spun, judged_spun
from kzlib.provenance.stage import _gazetteer, _gazetteer_variants

__all__ = ["learned_substitutions", "repair_examples", "change_rate", "copy_similarity", "despin_summary"]


def learned_substitutions(corpus: Corpus, *, spin_threshold: float = SPIN_THRESHOLD,
                          table: pd.DataFrame | str | None = None,
                          gazetteer: Iterable[str] | None = None) -> pd.DataFrame:
    """The substitutions :class:`SpinRepairer` learns from an annotated corpus, beyond the phrase table.

    Reads ``story_id`` (from :func:`annotate`) and the paragraphs; returns
    one row per learned substitution: ``spun``, ``original``, ``left``, ``right``, ``mechanism``
    (name-context / aligned-copy), ``story`` ("" = applies in every spun document), ``evidence``,
    ``in_table`` and ``n_applied`` (times it repaired the corpus).

    Example:
        >>> subs = learned_substitutions(study.corpus)    # the seeds' spun copy 000 aligned with its source 001
        >>> ("college", "university") in set(zip(subs["spun"], subs["original"]))   # "Moscow State College"
        True
    """
    docs = corpus.documents
    if "story_id" not in docs.columns or docs["spin_score"].isna().all():
        raise CorpusError("learned_substitutions needs an annotated corpus: call kzlib.provenance.annotate first")
    compiled = _compile(table)
    paras = corpus.paragraphs.sort_values(["doc_id", "para_id"])
    body = paras[is_analysable(paras)]
    ids = sorted(docs["doc_id"])
    raw = body.groupby("doc_id")["text"].agg("\n\n".join).reindex(ids).fillna("")
    found = raw.map(lambda t: compiled.find(t, spun=True))
    is_spun = pd.Series([judged_spun(len(f), _n_words(t), threshold=spin_threshold) for t, f in zip(raw, found)],
                        index=raw.index, dtype=bool)
    quotes = {d: _narration_spun(raw[d], found[d], threshold=spin_threshold) for d in raw.index[is_spun]}
    del found
    stage1 = pd.Series([_apply(t, compiled.find(t, spun=bool(is_spun.get(d, False)), quotes=quotes.get(d, False)))
                        for d, t in zip(body["doc_id"], body["text"])], index=body.index)
    s1_body = stage1.groupby(body["doc_id"]).agg("\n\n".join).reindex(ids).fillna("")
    story = docs.set_index("doc_id")["story_id"].reindex(ids)
    names, actors = (tuple(gazetteer), ()) if gazetteer is not None else _gazetteer()
    other = paras[(paras["kind"].isin(["caption", "title"])) & (~paras["doc_id"].map(is_spun).fillna(False))]
    clean_texts = raw[~is_spun.reindex(raw.index).fillna(False)]
    rep = SpinRepairer(table=compiled.table, gazetteer=names,
                       variants=tuple(_gazetteer_variants(actors, clean_texts))).fit(
        s1_body, spun=is_spun, stories=story, raw=raw, extra_reference=other["text"].drop_duplicates().tolist())
    learned = rep.learned_.copy()
    counts = []
    for row in learned.itertuples(index=False):
        one = _compile(pd.DataFrame([row._asdict()])[list(compiled.table.columns)])
        docs_in = [d for d in ids if is_spun.get(d, False) and (not row.story or story.get(d) == row.story)]
        counts.append(sum(len(one.find(s1_body[d], spun=True, quotes=quotes.get(d, False))) for d in docs_in))
    learned["n_applied"] = counts
    return learned[["spun", "original", "left", "right", "mechanism", "story", "evidence", "in_table",
                    "n_applied"]].reset_index(drop=True)


def repair_examples(corpus: Corpus, *, n: int = 12, doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Sentences of spun documents side by side with their repair, most-repaired first.

    Returns ``doc_id``, ``para_id``, ``n_changes`` (words changed), ``spun`` (verbatim) and ``repaired``;
    ``n`` rows at most (0 = all). Spun documents are those with ``version_detected == "spun"`` unless
    ``doc_ids`` names others.

    Example:
        >>> sorted(set(repair_examples(study.corpus, n=3)["doc_id"].str[:3]))   # the two spun seeds
        ['000', '003']
    """
    docs = corpus.documents
    if doc_ids is None:
        if "version_detected" not in docs.columns:
            raise CorpusError("repair_examples needs an annotated corpus: call kzlib.provenance.annotate first")
        doc_ids = docs.loc[docs["version_detected"] == "spun", "doc_id"]
    keep = set(doc_ids)
    p = corpus.paragraphs
    p = p[p["doc_id"].isin(keep) & (p["text"] != p["text_despun"])].sort_values(["doc_id", "para_id"])
    rows = []
    for d, pid, before, after in zip(p["doc_id"], p["para_id"], p["text"], p["text_despun"]):
        sa, sb = _sentences(before), _sentences(after)
        if len(sa) != len(sb):
            sa, sb = [before], [after]
        for x, y in zip(sa, sb):
            if x != y:
                rows.append({"doc_id": d, "para_id": int(pid), "n_changes": _words_changed(x, y), "spun": x,
                             "repaired": y})
    out = pd.DataFrame(rows, columns=["doc_id", "para_id", "n_changes", "spun", "repaired"])
    out = out.sort_values(["n_changes", "doc_id", "para_id"], ascending=[False, True, True], kind="stable")
    return (out.head(n) if n else out).reset_index(drop=True)


def _words_changed(before: str, after: str) -> int:
    a, b = before.split(), after.split()
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal")


def change_rate(corpus: Corpus, *, doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """How much de-spinning changed each document: ``n_words``, ``words_changed``, ``rate`` (changed per
    1,000 words), both in the corpus (``text_despun``) and by :func:`kzlib.despin.despin` run alone on
    the raw text (``words_changed_alone``, ``rate_alone``). On clean documents both should be ~0.

    Example:
        >>> rates = change_rate(study.corpus).set_index("doc_id")["rate"]
        >>> rates[rates > 0].index.str[:3].tolist()       # de-spinning changes the spun seeds only
        ['000', '003']
    """
    from kzlib.provenance.spin import despin

    p = corpus.paragraphs.sort_values(["doc_id", "para_id"])
    if doc_ids is not None:
        p = p[p["doc_id"].isin(set(doc_ids))]
    rows = []
    for d, g in p.groupby("doc_id", sort=True):
        before = "\n\n".join(g["text"])
        after = "\n\n".join(g["text_despun"])
        alone = despin(before)
        n = len(before.split())
        ch, ch_alone = _words_changed(before, after), _words_changed(before, alone)
        rows.append({"doc_id": d, "n_words": n, "words_changed": ch, "rate": round(1000 * ch / max(n, 1), 2),
                     "words_changed_alone": ch_alone, "rate_alone": round(1000 * ch_alone / max(n, 1), 2)})
    return pd.DataFrame(rows, columns=["doc_id", "n_words", "words_changed", "rate", "words_changed_alone",
                                       "rate_alone"])


def copy_similarity(copies: pd.DataFrame, raw: pd.DataFrame, despun: pd.DataFrame) -> pd.DataFrame:
    """For each pair of ``copies`` shown in the similarity matrices (``raw`` and ``despun``, by doc_id, as
    :func:`kzlib.provenance.similarity_matrix` gives them), its aligned-sentence share before and after
    de-spinning; ``shown`` is False for a pair with a document beyond the matrices (``max_docs``).

    Example:
        >>> m = pd.DataFrame([[1.0, 0.6], [0.6, 1.0]], index=["a", "b"], columns=["a", "b"])
        >>> copy_similarity(pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"]}), m, m.replace(0.6, 0.9)).values.tolist()
        [['a', 'b', True, 0.6, 0.9]]
    """
    rows = []
    for a, b in copies[["doc_a", "doc_b"]].itertuples(index=False):
        shown = a in raw.index and b in raw.index
        rows.append({"doc_a": a, "doc_b": b, "shown": shown, "raw": float(raw.loc[a, b]) if shown else None,
                     "despun": float(despun.loc[a, b]) if shown else None})
    return pd.DataFrame(rows, columns=["doc_a", "doc_b", "shown", "raw", "despun"])


def despin_summary(learned: pd.DataFrame, rates: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """What the repair of spun text did, as ``measure`` / ``value`` rows: the phrase table's size, the
    substitutions learned from the corpus (those not in the table, distinct, by mechanism), the repairs made,
    and whether clean text was left alone (words changed in documents not detected as spun, and which). Reads
    :func:`learned_substitutions`, :func:`change_rate` (with ``version_detected``) and the documents'
    ``n_despun`` / ``n_despun_learned``.

    Example:
        >>> docs = study.corpus.documents
        >>> rates = change_rate(study.corpus).merge(docs[["doc_id", "version_detected"]], on="doc_id")
        >>> s = despin_summary(learned_substitutions(study.corpus), rates, docs).set_index("measure")["value"]
        >>> s["words changed in documents not detected as spun"]
        '0'
    """
    from kzlib.provenance.spin import spin_table

    table = spin_table()
    new = learned[~learned["in_table"].astype(bool)]
    distinct = {(str(a).lower(), str(b).lower()) for a, b in zip(new["spun"], new["original"])}
    by_mechanism = ", ".join(f"{k} {v}" for k, v in new["mechanism"].value_counts().sort_index().items()) or "none"
    clean = rates[rates["version_detected"] != "spun"]
    touched = clean[(clean["words_changed"] > 0) | (clean["words_changed_alone"] > 0)]
    n_words = int(clean["n_words"].sum())
    rows = [
        ("phrase table rows", f"{len(table)} ({int((table['scope'] == 'always').sum())} always, "
                              f"{int((table['scope'] == 'spun').sum())} spun-only)"),
        ("learned rows", str(len(learned))),
        ("learned rows not in the table", str(len(new))),
        ("distinct learned substitutions", str(len(distinct))),
        ("learned rows not in the table, by mechanism", by_mechanism),
        ("documents detected as spun", str(int((documents["version_detected"] == "spun").sum()))),
        ("repairs made", str(int(documents["n_despun"].sum()))),
        ("repairs made by learned substitutions", str(int(documents["n_despun_learned"].sum()))),
        ("words in documents not detected as spun", str(n_words)),
        ("words changed in documents not detected as spun", str(int(clean["words_changed"].sum()))),
        ("per 1,000 words", f"{1000 * clean['words_changed'].sum() / max(n_words, 1):.2f}"),
        ("documents not detected as spun and changed all the same",
         ", ".join(touched["doc_id"].astype(str)) or "none"),
    ]
    return pd.DataFrame(rows, columns=["measure", "value"])
