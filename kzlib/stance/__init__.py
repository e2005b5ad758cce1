"""Stance: who favours or opposes what, with the words that show it.

Stance is not sentiment. "Russia's aggressive actions are a threat to peace" is negative in tone and
*against Russia* in stance. This module gives two methods and the tools to check them:

* :func:`detect_stance` — a transparent rule method a reviewer can read line by line. For each quote
  it finds the targets it concerns (aliases in :file:`kzlib/data/targets.yaml`, or in the sentence
  that introduces the quote), the stance cues near each mention (support, condemnation, legitimacy,
  questioning, blame; :file:`kzlib/data/stance_cues.yaml`), applies negation, hedging and intensifiers,
  gives a cue to a target in its own clause first, then to the sentence's topic ("As for X, …"),
  reads a sentence that opens on an earlier episode ("A year ago, …") as a precedent, not a stance,
  treats a target named as the *holder* of an opinion ("Russia views …") as no object of it, adds
  VADER's compound score as one small feature and a small own-side prior. A stance other than
  ``none`` needs lexical evidence (a cue or a loaded term) in its direction: VADER and the prior
  alone never decide. Each row carries the evidence sentence and the cues that scored.
  Reported speech ("they claim that …" disputes, "X said …" relays), rhetorical questions (also
  those that name no target: they doubt what the quote just spoke of) and the speaker's own side named
  as "we"/"our" are general rules of :file:`stance_cues.yaml`, not words of any text. A cue whose own
  object is only a target's topical phrase ("the interference of exterior forces") evaluates that
  other object, not the target (``topical_cue_factor``). Russian quotes (by their ``language``, else
  their letters) are read on pymorphy3 lemmas with the targets' ``ru_aliases`` and the Russian cues of
  :file:`kzlib/data/ru/stance_cues.yaml` (:mod:`kzlib.stance.russian`).
* :class:`StanceClassifier` — a scikit-learn estimator that learns from researchers' codes: a
  class-balanced linear SVM on target-aware features (the mention masked, the words on each side of
  it and its clause, lexicon scores with negation scope, the rule method's reading, one copy of every
  feature per target), averaged with an RBF-kernel SVM on English word vectors, with Platt-calibrated
  probabilities.
* :func:`combine_stance` — the documented combination: the rules choose the targets and the
  evidence sentence, the classifier decides where its probability reaches ``min_proba``;
  :class:`CombinedStanceClassifier` is the same behind the scikit-learn interface, for :func:`evaluate`.

Then :func:`summarise_stance` (speaker × target, a story counted once) and :func:`outlet_stance`
(outlet × target), both with two-stage bootstrap intervals over stories and quotes and a ``basis``
that marks a single quote as such; :func:`evaluate` (cross-validated per-class F1 and the SemEval
F_avg with bootstrap intervals); and the annotation loop: :func:`export_annotation_sheet` (stratified,
or ordered by uncertainty), :func:`import_annotation_sheet`, :func:`agreement` (Cohen's kappa,
:func:`krippendorff_alpha`), :func:`annotation_round` (retrain, agreement, cross-validated F).
Targets come from a file (name, aliases, type, description): :func:`load_targets`.

Submodules: ``targets`` (targets and cue files), ``phrases`` and ``lexicon`` (compiled vocabulary),
``rules`` (the rule method on one text), ``russian`` (the same on Russian lemmas), ``detect`` (the
``stances`` table), ``summary`` (speaker and outlet summaries), ``classifier`` (the learned classifier and
the rules behind its interface), ``combined`` (the two combined), ``evaluation`` (cross-validation),
``annotation`` (sheets, agreement, annotation rounds, combination).
"""
from __future__ import annotations

from kzlib.stance.annotation import (
    SHEET_COLUMNS,
    AnnotationRound,
    agreement,
    annotation_round,
    combine_stance,
    export_annotation_sheet,
    import_annotation_sheet,
    krippendorff_alpha,
)
from kzlib.stance.classifier import RuleStanceClassifier, StanceClassifier
from kzlib.stance.combined import CombinedStanceClassifier
from kzlib.stance.detect import detect_stance, speaker_profiles
from kzlib.stance.evaluation import StanceEvaluation, evaluate
from kzlib.stance.summary import outlet_stance, summarise_stance
from kzlib.stance.targets import (
    DATA_DIR,
    STANCE_COLUMNS,
    STANCES,
    SUMMARY_COLUMNS,
    Target,
    load_stance_cues,
    load_targets,
)

__all__ = [
    "Target",
    "load_targets",
    "load_stance_cues",
    "speaker_profiles",
    "detect_stance",
    "summarise_stance",
    "outlet_stance",
    "StanceClassifier",
    "RuleStanceClassifier",
    "CombinedStanceClassifier",
    "StanceEvaluation",
    "evaluate",
    "export_annotation_sheet",
    "import_annotation_sheet",
    "agreement",
    "krippendorff_alpha",
    "combine_stance",
    "annotation_round",
    "AnnotationRound",
    "STANCES",
    "STANCE_COLUMNS",
    "SUMMARY_COLUMNS",
    "SHEET_COLUMNS",
    "DATA_DIR",
]
