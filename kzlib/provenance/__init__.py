"""Provenance: copies of one story, what kind of copy each is, and the repair of spun text.

A web corpus holds one story many times: syndicated, republished by aggregators, machine-translated
and "spun" by article spinners. :func:`annotate` finds the copies and fills, in ``documents``:

- ``story_id`` / ``is_representative``: copies are grouped into stories (candidate pairs from MinHash
  LSH over features that survive spinning and translation, verified by aligning their sentences); one
  copy per story represents it (the least altered one);
- ``spin_score``: spinner-substitution evidence per 1,000 words (:func:`kzlib.despin.spin_score`); a
  document is spun where :func:`judged_spun` says so (the score reaches :data:`SPIN_THRESHOLD` with more
  matches than clean text of its length shows by chance);
- ``version`` / ``version_detected``: original, spun, machine-translated, republished, translated or
  unknown (a version given by the metadata sidecar is kept; the detected one is recorded beside it);
- ``mt_score`` / ``translation_score``: the evidence for machine and human translation;

in ``paragraphs``: ``text_despun`` (spinner substitutions reversed in the documents judged spun -- a
document that is not keeps its text --, words inside quotation marks only where the narration around them
is judged spun on its own; ``text`` stays verbatim for quotation) and
``n_despun`` (substitutions made); and a ``copies`` table of the document pairs judged to be copies,
with their similarity and evidence.

De-spinning uses the inspectable phrase table of :mod:`kzlib.despin` and :class:`SpinRepairer`, which
learns substitutions nobody listed from the corpus itself: names and fixed phrases of the spun copies
that the clean documents (and the actor gazetteer) write otherwise in the same context, and words
that aligned copies of the same story write otherwise, where the corpus's word frequencies show the
swap is the spinner's (over-used in spun text, absent where the clean text uses it).

The package, by seam: :mod:`~kzlib.provenance.features` (what copies share), :mod:`~kzlib.provenance.minhash`
(MinHash LSH candidates), :mod:`~kzlib.provenance.copies` (verified copies and stories),
:mod:`~kzlib.provenance.versions` (kind of copy), :mod:`~kzlib.provenance.spin` (the phrase table, spin scores, :func:`despin`),
:mod:`~kzlib.provenance.phrases` and :mod:`~kzlib.provenance.repair` (learned substitutions),
:mod:`~kzlib.provenance.stage` (:func:`annotate`) and :mod:`~kzlib.provenance.review` (inspecting repairs).
"""

from kzlib.provenance.copies import find_copies, similarity_matrix
from kzlib.provenance.features import story_features
from kzlib.provenance.minhash import MIN_DF_CUT
from kzlib.provenance.repair import SpinRepairer
from kzlib.provenance.review import change_rate, copy_similarity, despin_summary, learned_substitutions, repair_examples
from kzlib.provenance.spin import (
    CLEAN_RATE,
    MIN_MATCHES,
    SPIN_P,
    SPIN_THRESHOLD,
    despin,
    judged_spun,
    quoted_spans,
    spin_matches,
    spin_score,
    spin_table,
)
from kzlib.provenance.stage import annotate
from kzlib.provenance.versions import VERSIONS, detect_versions

__all__ = [
    "annotate", "SpinRepairer", "find_copies", "similarity_matrix", "detect_versions", "VERSIONS",
    "story_features", "learned_substitutions", "repair_examples", "change_rate", "copy_similarity", "despin_summary",
    "MIN_DF_CUT",
    "despin", "spin_table", "spin_matches", "spin_score", "SPIN_THRESHOLD", "MIN_MATCHES", "judged_spun",
    "quoted_spans", "CLEAN_RATE", "SPIN_P",
]
