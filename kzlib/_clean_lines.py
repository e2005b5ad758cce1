"""Line rules of :mod:`kzlib.clean` (a private part of it, kept apart for the length of that file)."""

from __future__ import annotations

import re

_CAPITALISED_WORD = re.compile(r"[A-Za-zА-Яа-яЁё][\w.'-]*")
_SENTENCE_END = (".", "!", "?")


def _headline_like(text: str, n_words: int) -> bool:
    """Whether a line reads as a linked story's headline: at most 25 words, and in title case (7 in 10 of its
    words of four letters or more capitalised, two at least) or without a full stop.

    Example:
        >>> _headline_like("Mayor Scores Direct Hit On Rival In Budget Fight.", 9)
        True
        >>> _headline_like("The mayor said the budget would pass in March.", 9)
        False
    """
    if n_words > 25:
        return False
    long_words = [w for w in _CAPITALISED_WORD.findall(text) if len(w) >= 4]
    title_case = len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)
    stripped = text.rstrip()
    return title_case or not stripped.endswith(_SENTENCE_END)
