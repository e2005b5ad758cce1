"""Hashtags read as words: ``#prolife`` and ``#WomensRights`` become "pro life" and "womens rights", so
that a hashtag shares features with the same words written out (the classifier's n-grams see both).

Camel case is split first; a lower-case run of more than five letters that is not itself a known word is
segmented by the most probable sequence of known words (a unigram model, Viterbi over split points, as in
Norvig's ``segment``). The words and their counts are read from the training texts themselves (plus the
VADER lexicon's words), never from a resource downloaded at run time.

A hashtag found in more than half of the training texts is a mark of the collection (a campaign or a
dataset's tag, such as SemEval-2016's ``#SemST`` on every tweet), not something a writer chose: it tells
the classes nothing and is not read as words (:func:`_marker_tags`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from kzlib.stance.lexicon import _vader

__all__: list[str] = []

_HASHTAG_RE = re.compile(r"#(\w+)")
_PLAIN_WORD_RE = re.compile(r"(?<![#@\w])[a-z]+")  # a word written out: not inside a hashtag or a handle
_CAMEL_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_MARKER_SHARE = 0.5  # a hashtag in more than this share of the training texts marks the collection
_MIN_MARKER_TEXTS = 20  # ... learned only from at least this many texts
_MAX_WORD = 20
_MIN_SEGMENTED = 6  # shorter lower-case runs are kept whole


def _word_counts(texts: Iterable[str]) -> dict[str, int]:
    """Counts of the words written out in ``texts`` (hashtags and @handles left out), plus one for each
    alphabetic word of the VADER lexicon.

    >>> c = _word_counts(["Pro life, pro choice #prolife"])
    >>> c["pro"] > c.get("prolife", 0)
    True
    """
    c: Counter[str] = Counter()
    for t in texts:
        c.update(_PLAIN_WORD_RE.findall(t.lower()))
    c.update(w for w in _vader().lexicon if w.isalpha())
    return dict(c)


def _marker_tags(texts: Iterable[str], *, share: float = _MARKER_SHARE,
                 min_texts: int = _MIN_MARKER_TEXTS) -> frozenset[str]:
    """The hashtags (lower case) found in more than ``share`` of ``texts``: marks of the collection.

    >>> sorted(_marker_tags([f"text {i} #Poll" + (" #vote" if i % 3 == 0 else "") for i in range(30)]))
    ['poll']
    >>> _marker_tags(["#a", "#a"])  # too few texts to tell
    frozenset()
    """
    n = 0
    c: Counter[str] = Counter()
    for t in texts:
        n += 1
        c.update({tag.lower() for tag in _HASHTAG_RE.findall(t)})
    if n < min_texts:
        return frozenset()
    return frozenset(tag for tag, k in c.items() if k > share * n)


def _segment(s: str, counts: dict[str, int], total: int) -> list[str]:
    """The most probable split of the lower-case run ``s`` into words of ``counts`` (unknown pieces
    cost more the longer they are).

    >>> _segment("alllivesmatter", {"all": 5, "lives": 2, "matter": 3, "a": 9}, 19)
    ['all', 'lives', 'matter']
    """
    n = len(s)
    best = [0.0] + [math.inf] * n
    back = [0] * (n + 1)
    for i in range(1, n + 1):
        for j in range(max(0, i - _MAX_WORD), i):
            w = s[j:i]
            f = counts.get(w, 0)
            cost = -math.log(f / total) if f and (len(w) > 1 or w in ("a", "i")) else 10.0 + 3.0 * len(w)
            if best[j] + cost < best[i]:
                best[i], back[i] = best[j] + cost, j
    out = []
    i = n
    while i > 0:
        out.append(s[back[i]:i])
        i = back[i]
    return out[::-1]


def _hashtag_words(text: str, counts: dict[str, int], total: int, *,
                   skip: frozenset[str] = frozenset()) -> str:
    """``text`` with the words of its hashtags appended after a bar (unchanged when no hashtag splits);
    the hashtags in ``skip`` (lower case) are not read.

    >>> counts = {"pro": 4, "life": 3, "women": 2, "rights": 2}
    >>> _hashtag_words("Yes #prolife #WomenRights #SemST", counts, 11, skip=frozenset({"semst"}))
    'Yes #prolife #WomenRights #SemST | pro life women rights'
    """
    extra: list[str] = []
    for tag in _HASHTAG_RE.findall(text):
        if tag.lower() in skip:
            continue
        words: list[str] = []
        for part in _CAMEL_RE.findall(tag):
            p = part.lower()
            words += _segment(p, counts, total) if len(p) >= _MIN_SEGMENTED and p not in counts else [p]
        if len(words) > 1 or (words and words[0] != tag.lower()):
            extra += words
    return f"{text} | {' '.join(extra)}" if extra else text
