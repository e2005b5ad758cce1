"""Framing: only the documents on the study's subject.

Within one language and period, outlets that covered different stories still differ by subject (one outlet's
coal-mine story against another's primaries). How outlets frame *the same events* can only be read where they
report them: the study's subject is the stance targets' ``scope`` and ``ru_scope`` (``kzlib/data/targets.yaml``:
for the bundled targets, the places, people and organisations of the January 2022 crisis), the same rule by which
:func:`kzlib.stance.detect_stance` leaves out quotes of documents on other news. Targets without a ``scope``
restrict nothing.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import pandas as pd

from kzlib.errors import require_columns

logger = logging.getLogger(__name__)

#: the languages the ``scope`` phrases are written in (Russian documents are read by ``ru_scope``); a document in
#: another language is not checked (kept)
SCOPE_LANGUAGES = ("en", "unknown", "")


def subject_documents(paragraphs: pd.DataFrame, documents: pd.DataFrame, targets: Sequence[Any]) -> pd.DataFrame:
    """Which documents are on the study's subject: those whose title or body names a phrase of a target's
    ``scope`` (:class:`kzlib.stance.Target`; the phrases' syntax is that of aliases), a Russian document one of
    its ``ru_scope`` (words in dictionary form, matched in any inflection). A document in another language, or a
    Russian one where no target has a ``ru_scope``, is not checked and counts as on the subject; so does every
    document when no target has a scope. Returns ``doc_id, on_subject, subject_basis``.

    Example
    -------
    >>> from types import SimpleNamespace
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "language": ["en", "en", "ru"]})
    >>> paras = pd.DataFrame({"doc_id": ["a", "b", "c"], "kind": "body",
    ...                       "text": ["Protests in Almaty.", "Coal mines close.", "Протесты в Алматы."]})
    >>> subject_documents(paras, docs, [SimpleNamespace(scope=("Almaty",))])["on_subject"].tolist()
    [True, False, True]
    """
    from kzlib.text import PatternSet, phrases_named  # noqa: PLC0415 (the stance targets' own matchers)

    require_columns(documents, ["doc_id"], table="documents", fix="give the documents table of kzlib.prepare")
    ids = documents["doc_id"].astype(str)
    phrases = sorted({str(p) for t in targets for p in (getattr(t, "scope", ()) or ())})
    if not phrases:
        return pd.DataFrame({"doc_id": ids, "on_subject": True, "subject_basis": "the targets define no scope"})
    lang = (documents["language"] if "language" in documents.columns else pd.Series("", index=documents.index))
    lang = lang.fillna("").astype(str).str.lower().str.split(r"[-_]", n=1, regex=True).str[0]
    p = paragraphs
    if "kind" in p.columns:
        p = p[p["kind"].isin(["title", "body"])]
    text = p.assign(doc_id=p["doc_id"].astype(str)).groupby("doc_id")["text"].agg(
        lambda s: "\n".join(s.fillna("").astype(str)))
    if "title" in documents.columns:
        titles = pd.Series(documents["title"].fillna("").astype(str).to_numpy(), index=ids)
        text = titles.str.cat(text.reindex(ids).fillna(""), sep="\n")
    matcher = PatternSet(phrases)
    ru_phrases = sorted({str(p) for t in targets for p in (getattr(t, "ru_scope", ()) or ())})
    on, basis = [], []
    for doc, language in zip(ids, lang):
        if language == "ru" and ru_phrases:  # the Russian scope: words in dictionary form, matched on lemmas
            found = sorted(phrases_named(str(text.get(doc, "")), ru_phrases))
            on.append(bool(found))
            basis.append(f"names {found[0]!r}" if found else "names nothing of the targets' Russian scope")
            continue
        if language not in SCOPE_LANGUAGES:
            on.append(True)
            basis.append(f"not checked: the targets have no scope phrases in {language or 'its language'}")
            continue
        named = next(iter(matcher.finditer(str(text.get(doc, "")))), None)
        on.append(named is not None)
        basis.append(f"names {phrases[named[2]]!r}" if named is not None else "names nothing of the targets' scope")
    return pd.DataFrame({"doc_id": ids.to_numpy(), "on_subject": on, "subject_basis": basis})


def split_off_subject(frame: pd.DataFrame, *, group: str, label: str) -> tuple[pd.DataFrame, list[str], str]:
    """The rows of ``frame`` (with ``doc_id`` and ``on_subject`` from :func:`subject_documents`) of documents on
    the study's subject, the groups left with none ("X (no document on the study's subject)"), and a note for
    ``framing_checks.subject`` ("12 of 40 documents on the study's subject (they name a phrase of the targets'
    scope)"); the documents left out are logged.

    Example
    -------
    >>> f = pd.DataFrame({"doc_id": ["a", "b"], "group": ["A", "B"], "on_subject": [True, False]})
    >>> kept, gone, note = split_off_subject(f, group="group", label="outlet")
    >>> kept["group"].tolist(), gone, note
    (['A'], ["B (no document on the study's subject)"], "1 of 2 documents on the study's subject (they name a phrase of the targets' scope)")
    """
    if "on_subject" not in frame.columns or not len(frame):
        return frame, [], ""
    on = frame["on_subject"].fillna(False).astype(bool)
    n_docs, n_on = frame["doc_id"].nunique(), frame.loc[on, "doc_id"].nunique()
    note = f"{n_on} of {n_docs} documents on the study's subject (they name a phrase of the targets' scope)"
    if on.all():
        return frame, [], note
    out = frame[~on]
    logger.warning("framing: %d rows (of %d document(s)) of %ss left out of the %s comparison, as their documents "
                   "name nothing of the study's subject (the targets' scope; delete it in the targets file to "
                   "compare every document)", len(out), out["doc_id"].nunique(), label, label)
    kept = set(frame.loc[on, group].astype(str))
    gone = sorted(set(out[group].astype(str)) - kept)
    return frame[on], [f"{g} (no document on the study's subject)" for g in gone], note
