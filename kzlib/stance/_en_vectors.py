"""Dense word-vector features of English (text, target) rows (private): WordLlama's bundled token embeddings
(:func:`kzlib.text.vectors.embed_texts`), loaded once per process and only when English rows are featurised
with ``word_vectors`` (Russian rows have their own, :mod:`kzlib.stance._ru_vectors`).

Per row, :data:`N_VECTOR` numbers: the unit mean token vector of five parts of it, each :data:`DIM` wide: the
sentence with the mention replaced by a plain word (:data:`PLACEHOLDER`, so that the vector says what is said
of someone rather than who), the clause that holds the mention (replaced likewise), the :data:`WINDOW` words
left of it, the :data:`WINDOW` words right of it, and the mention itself (who is named: a prior that carries
from the training rows' names to names like them, "the senator" to "the congressman"). A part that is empty is
zeros; a row that does not name its target has only the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from kzlib.stance._cache import cached
from kzlib.stance._windows import _clause_bounds
from kzlib.text.vectors import DIM, embed_texts

PLACEHOLDER = "someone"  # a real English word: the embedding has a vector for it, not for a made-up mask
WINDOW = 5  # whitespace-separated words each side of the mention
N_PARTS = 5
N_VECTOR = N_PARTS * DIM
_ROWS: dict[tuple[str, tuple[int, int] | None], np.ndarray] = {}  # a row's features, computed once per process
_MAX_ROWS = 100_000


def _parts(text: str, span: tuple[int, int] | None) -> list[str]:
    """The five texts whose vectors a row gets.

    >>> _parts("Critics say Elbonia failed badly, again.", (12, 19))[:4]
    ['Critics say someone failed badly, again.', 'Critics say someone failed badly', 'Critics say', 'failed badly, again.']
    >>> _parts("Critics say Elbonia failed badly, again.", (12, 19))[4], _parts("No mention here.", None)
    ('Elbonia', ['No mention here.', '', '', '', ''])
    """
    if span is None:
        return [text, "", "", "", ""]
    s, e = span
    a, b = _clause_bounds(text, s, e)
    left, right = text[:s].split(), text[e:].split()
    return [" ".join(f"{text[:s]} {PLACEHOLDER} {text[e:]}".split()),
            " ".join(f"{text[a:s]} {PLACEHOLDER} {text[e:b]}".split()),
            " ".join(left[-WINDOW:]), " ".join(right[:WINDOW]), " ".join(text[s:e].split())]


def vector_features(texts: Sequence[str], spans: Sequence[tuple[int, int] | None], *, mention: bool = True) -> np.ndarray:
    """The rows' :data:`N_VECTOR` vector features (``float32``), each row computed once per process; without
    ``mention``, the first four parts only (what is said, not who is named).

    >>> X = vector_features(["Critics say Elbonia failed."], [(12, 19)])
    >>> X.shape, [round(float(np.linalg.norm(X[0, i * DIM:(i + 1) * DIM])), 3) for i in range(N_PARTS)]
    ((1, 1280), [1.0, 1.0, 1.0, 1.0, 1.0])
    """
    keys = list(zip(texts, spans))

    def compute(todo: list[tuple[str, tuple[int, int] | None]]) -> np.ndarray:
        return embed_texts([p for text, span in todo for p in _parts(text, span)]).reshape(len(todo), N_VECTOR)

    rows = cached(_ROWS, keys, compute, limit=_MAX_ROWS)
    out = np.array([rows[k] for k in keys], dtype=np.float32).reshape(len(keys), N_VECTOR)
    return out if mention else out[:, :N_VECTOR - DIM]
