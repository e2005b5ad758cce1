"""English text vectors: WordLlama's bundled token embeddings (Miller 2024), loaded once per process.

WordLlama (``pip install wordllama``, MIT licence, its author's own release on PyPI) ships one model in its
wheel: ``l2_supercat``, 256-dimensional vectors for the tokens of a byte-pair vocabulary, distilled from the
input embeddings of large language models and trained for sentence similarity, so that the mean of a text's
token vectors places it near texts of like meaning. A word never seen in a project's training rows still
gets a vector near its synonyms': what a linear classifier on n-grams cannot know.

The model is read from the installed package with downloads switched off. (WordLlama 0.4 looks for its
bundled tokenizer under ``tokenizer/`` while the wheel installs it under ``tokenizers/``; pointing its cache
at the package folder finds it there. Nothing is written and nothing is fetched.)

Example:
    >>> v = embed_texts(["praised the reform", "lauded the reform", "condemned the reform"])
    >>> v.shape, bool(v[0] @ v[1] > v[0] @ v[2])
    ((3, 256), True)
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from kzlib.errors import ResourceError

__all__ = ["DIM", "embed_texts", "english_embedding"]

logger = logging.getLogger(__name__)

DIM = 256  # the bundled model's width
_LOCK = threading.Lock()
_MODEL: Any = None


def english_embedding() -> Any:
    """WordLlama's bundled ``l2_supercat`` model (a ``WordLlamaInference``), loaded once per process on
    first use (~0.25 s, ~80 MB with the import), offline.

    Example:
        >>> english_embedding() is english_embedding()
        True
    """
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                # the tokenizer's own thread pool would warn on stderr when a process forks after using it
                # (Dask, papermill); batches here are small, so one thread, unless the user chose otherwise
                os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                try:
                    import wordllama
                    from wordllama import WordLlama
                except ImportError as err:  # pragma: no cover - a declared dependency
                    raise ResourceError("English word vectors need the 'wordllama' package: run `make install` "
                                     "(or `pip install wordllama`), or pass word_vectors=False") from err
                package = Path(wordllama.__file__).parent
                try:
                    _MODEL = WordLlama.load(cache_dir=package, disable_download=True)
                except FileNotFoundError as err:
                    raise ResourceError(f"WordLlama's bundled model was not found in {package}: reinstall it with "
                                     "`pip install --force-reinstall wordllama`, or pass word_vectors=False") from err
                logger.info("WordLlama's bundled English embedding loaded from %s", package)
    return _MODEL


def embed_texts(texts: Sequence[str], *, batch_size: int = 256) -> np.ndarray:
    """Unit-length mean token vectors of ``texts``, one row each (``float32``, :data:`DIM` columns); an
    empty or blank text gets a row of zeros.

    Example:
        >>> v = embed_texts(["", "Troops arrived."])
        >>> v.shape, float(abs(v[0]).sum()), round(float(np.linalg.norm(v[1])), 3)
        ((2, 256), 0.0, 1.0)
    """
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    keep = [i for i, t in enumerate(texts) if t and t.strip()]
    if keep:
        vectors = english_embedding().embed([texts[i] for i in keep], norm=True, batch_size=batch_size)
        out[keep] = np.asarray(vectors, dtype=np.float32)
    return out
