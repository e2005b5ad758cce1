"""Framing: which words each outlet or group of speakers chooses.

* :func:`fightin_words` — log-odds ratios with an informative Dirichlet prior and their z-scores
  (Monroe, Colaresi & Quinn 2008, "Fightin' Words", *Political Analysis* 16(4)), each group
  against the rest (or one group against another). The ``framing`` table:
  ``term, group, log_odds_z, count`` (+ ``delta``, ``count_other``, ``other``).
  :func:`check_fightin_words` says beforehand whether two groups can be compared, and why not.
  ``within=("language", "period")`` compares a group only with the groups of its own language and
  publication period (:func:`within_comparisons`, :func:`document_periods`; in ``kzlib.framing.within``).
  Russian rows (a ``language`` column starting with ``ru``, or mostly Cyrillic text) are counted as
  lemmas (pymorphy3, :func:`kzlib.text.russian_term`) without Russian stop words, so that the
  inflected forms of a word are one term.
* :func:`naming_families` — how each group names the people in the streets (protesters,
  demonstrators, terrorists, bandits, extremists, …; families in ``kzlib/data/stance_cues.yaml``),
  with the share of each family and how often the word was put in scare quotes.
* :func:`speaker_groups` — speakers' groups ("Russia officials", "United States experts") from
  the gazetteer's affiliation and role, to compare speaker groups.
"""
from kzlib.corpus.outlets import OUTLET_NOT_GIVEN, outlet_given
from kzlib.framing.naming import description_speakers, naming_families, speaker_groups
from kzlib.framing.subject import split_off_subject, subject_documents
from kzlib.framing.tables import FRAMING_COLUMNS, framing_tables
from kzlib.framing.within import (
    NO_DATES,
    document_periods,
    framing_plan_notes,
    split_undated,
    within_columns,
    within_comparisons,
)
from kzlib.framing.words import check_fightin_words, fightin_words, written_terms

__all__ = ["fightin_words", "check_fightin_words", "written_terms", "within_comparisons", "document_periods", "split_undated", "framing_plan_notes",
           "subject_documents", "split_off_subject", "framing_tables",
           "within_columns",
           "NO_DATES", "outlet_given", "OUTLET_NOT_GIVEN", "description_speakers", "naming_families", "speaker_groups", "FRAMING_COLUMNS"]
