"""The study's framing tables: outlets' and speaker groups' words, each compared within its language and period."""

from __future__ import annotations

import logging
from typing import Any

import pandas as pd

from kzlib.corpus.outlets import OUTLET_NOT_GIVEN, outlet_given
from kzlib.framing.naming import naming_families, speaker_groups
from kzlib.framing.subject import split_off_subject, subject_documents
from kzlib.framing.within import document_periods, framing_plan_notes, split_undated
from kzlib.framing.words import check_fightin_words, fightin_words, written_terms

logger = logging.getLogger(__name__)

FRAMING_COLUMNS = ["term", "group", "log_odds_z", "count"]


#: Kinds of quotation whose words are a speaker group's (an embedded post, kind "post", is not compared).
_SPEECH = ("direct", "indirect", "interview")


def framing_tables(corpus: Any, quotes: pd.DataFrame, gazetteer: Any, targets: Any = None, *, min_term_count: int = 3,
                   terms_per_group: int = 50, one_copy_per_story: bool = True) -> dict[str, pd.DataFrame]:
    """Words distinctive of each outlet (body text) and speaker group (quoted words), by Fightin' Words
    (``framing``), each compared only with the outlets or groups of its own language and publication period
    (``within``: "en, 2022-01-03/2022-02-22"; the periods are the corpus's publication-date clusters,
    :func:`document_periods`): against the whole corpus its "distinctive" words would be those of its
    language, its era and its subjects, not how it frames the events it shares with the others. The table says how
    many documents are on each side (``n_documents``, ``n_documents_other``). ``framing_checks`` says, per
    comparison, why it could not be made (``reason``, empty when it was), which units were compared (``compared``:
    language, period, groups and documents) and which groups were not (``not_compared``: alone in their language
    and period, with no document on the study's subject, or undated in a language whose documents span several
    periods; also logged). ``naming_families``:
    how each names the people in the streets (all rows, not split by period). Documents whose metadata names no
    outlet are no outlet: they are left out of the outlets' comparison, and their namings are the group "outlet
    not given". To compare across periods, call :func:`fightin_words` with ``within="language"``.
    Only documents on the study's subject are compared (:func:`subject_documents`: they name a
    phrase of the ``targets``' scope, the rule by which the stances leave out other news; ``framing_checks.subject``
    says how many): outlets of one period that covered different stories would differ by subject, not by frame.
    Targets without a scope (or none given) restrict nothing. The ``framing`` table keeps the terms worth reading
    (:func:`written_terms`: |z| ≥ 1.96, and each group's ``terms_per_group`` most over-used terms);
    ``framing_checks.terms`` says how many of all rows that is.

    Example:
        >>> out = framing_tables(study.corpus, study.quotes, study.gazetteer, study.targets)
        >>> sorted(out["framing_checks"]["comparison"])
        ['outlet', 'speaker group']
    """
    from kzlib.clean import analysable

    within = ("language", "period")
    subject = subject_documents(corpus.paragraphs, corpus.documents, targets or [])[["doc_id", "on_subject"]]
    # the periods of the documents on the subject: an undated one takes the only period of those of its language
    on = corpus.documents[corpus.documents["doc_id"].astype(str).isin(subject.loc[subject["on_subject"], "doc_id"])]
    periods = subject.merge(document_periods(on)[["doc_id", "period", "basis"]], on="doc_id", how="left")
    reps = corpus.representatives() if one_copy_per_story else corpus
    docs = reps.documents[["doc_id", "outlet", "language"]].merge(periods, on="doc_id", how="left")
    body = analysable(reps.paragraphs).merge(docs, on="doc_id")
    given = outlet_given(body["outlet"])
    if not given.all():
        logger.info("framing: %d paragraphs of %d documents name no outlet: not compared as an outlet (their namings "
                 "are shown as %r)", int((~given).sum()), body.loc[~given, "doc_id"].nunique(), OUTLET_NOT_GIVEN)
    speech = quotes[quotes["kind"].isin(list(_SPEECH))]
    speech = speech.drop(columns=["language", "period", "basis", "on_subject"], errors="ignore").merge(
        corpus.documents[["doc_id", "language"]], on="doc_id", how="left").merge(periods, on="doc_id", how="left")
    spoken = speaker_groups(speech, gazetteer=gazetteer, documents=corpus.documents)  # roles at each date
    known = spoken[spoken["group"] != "unknown"]
    parts, checks = [], []
    for frame, text, group, label in ((body[given], "text_despun", "outlet", "outlet"),
                                      (known, "quote", "group", "speaker group")):
        frame, off_subject, subject = split_off_subject(frame, group=group, label=label)
        dated, undated = split_undated(frame, group=group, label=label)
        why = check_fightin_words(dated, text=text, group=group, min_count=min_term_count, within=within)
        fw = (pd.DataFrame() if why else
              fightin_words(dated, text=text, group=group, min_count=min_term_count, within=within))
        n_all = len(fw)
        fw = written_terms(fw, per_group=terms_per_group) if len(fw) else fw
        checks.append({"comparison": label, "reason": why or "", "subject": subject,
                       "terms": (f"{len(fw):,} of {n_all:,} group × term rows: |z| ≥ 1.96 and each group's "
                                 f"{terms_per_group} most over-used terms (kzlib.framing.fightin_words gives all)"
                                 if n_all else ""),
                       **framing_plan_notes(dated, fw, text=text, group=group, label=label, within=within,
                                               undated=off_subject + undated)})
        if len(fw):
            parts.append(fw.assign(comparison=label))
    table = (pd.concat(parts, ignore_index=True) if parts
             else pd.DataFrame(columns=FRAMING_COLUMNS + ["within", "comparison"]))
    named = body.assign(outlet=body["outlet"].where(given, OUTLET_NOT_GIVEN))
    naming = pd.concat([naming_families(named, text="text_despun", group="outlet").assign(comparison="outlet"),
                        naming_families(spoken, text="quote", group="group").assign(comparison="speaker group")],
                       ignore_index=True)
    return {"framing": table, "framing_checks": pd.DataFrame(checks), "naming_families": naming}
