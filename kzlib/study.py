"""The shared first steps of every analysis: load, clean, and (when available) provenance."""

from __future__ import annotations

import logging
from pathlib import Path

from kzlib.clean import clean
from kzlib.corpus import Corpus, load_corpus

__all__ = ["prepare"]

log = logging.getLogger(__name__)


def prepare(
    corpus: str | Path | None = None,
    *,
    metadata: str | Path | None = None,
    text_column: str = "text",
    id_column: str | None = None,
    provenance: bool = True,
    seed: int = 0,
    progress: bool = False,
) -> Corpus:
    """Load and clean a corpus, group copies of one story and repair spun text.

    ``corpus=None`` (or "") is the bundled seeds with their metadata. The result's tables are
    described in DESIGN.md; ``Corpus.representatives()`` keeps one copy per story.

    Example:
        >>> c = prepare()                                   # the bundled corpus
        >>> c.documents[["doc_id", "story_id", "version"]]  # doctest: +SKIP
    """
    loaded = load_corpus(corpus or None, metadata=metadata or None, text_column=text_column,
                         id_column=id_column or None)
    cleaned = clean(loaded, progress=progress)
    if not provenance:
        return cleaned
    try:
        from kzlib import provenance as _prov
    except ImportError:  # pragma: no cover - provenance is part of the package
        log.warning("kzlib.provenance is not available: every document is its own story, text not de-spun")
        return cleaned
    return _prov.annotate(cleaned, seed=seed)
