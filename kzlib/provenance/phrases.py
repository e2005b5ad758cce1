"""How often phrases occur in a corpus: the frequencies :class:`SpinRepairer` weighs swaps by."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd

from kzlib.provenance.features import _WORDS, _text

__all__: list[str] = []


def _phrase_index(phrases: Iterable[str], n_max: int = 3) -> dict[str, list[list[str]]]:
    """The words of each of ``phrases`` of at most ``n_max`` words, by its first word."""
    by_first: dict[str, list[list[str]]] = defaultdict(list)
    for ph in set(phrases):
        toks = ph.split(" ")
        if len(toks) <= n_max:
            by_first[toks[0]].append(toks)
    return by_first


def _spellings(by_first: dict[str, list[list[str]]]) -> dict[str, str]:
    """Each first word of ``by_first`` (:func:`_phrase_index`), by every spelling of its apostrophes
    (' or ’), lower-cased as the text's words are."""
    out: dict[str, str] = {}
    for first in by_first:
        parts = first.split("'")
        for marks in itertools.product("'’", repeat=len(parts) - 1):
            out["".join(itertools.chain.from_iterable(zip(parts, marks))) + parts[-1]] = first
    return out


def _count_phrases(words: list[str], by_first: dict[str, list[list[str]]], counts: Counter,
                   spellings: dict[str, str] | None = None) -> None:
    """Add to ``counts`` the phrases of ``by_first`` (:func:`_phrase_index`) found as n-grams of ``words``
    (those of ``_WORDS``) as :func:`_phrase_counts` reads them: lower case, ’ read as '. Only the
    n-grams asked about are built, not every n-gram of the text, and only their words have ’ replaced.
    ``spellings`` is :func:`_spellings` of ``by_first``, made once by a caller that counts many texts
    (None: made here).

    Example:
        >>> c = Counter()
        >>> _count_phrases(["Shut", "Assault", "on", "Russia’s", "border"], _phrase_index(["shut assault", "russia's"]), c)
        >>> sorted(c.items())
        [("russia's", 1), ('shut assault', 1)]
    """
    if spellings is None:
        spellings = _spellings(by_first)
    lower = list(map(str.lower, words))       # ASCII letters and apostrophes: ASCII lower case
    for i in itertools.compress(range(len(lower)), map(spellings.__contains__, lower)):   # in C
        for gram in by_first[spellings[lower[i]]]:
            if [w.replace("’", "'") for w in lower[i:i + len(gram)]] == gram:
                counts[" ".join(gram)] += 1


def _phrase_counts(texts: Iterable[str], phrases: Iterable[str], n_max: int = 3) -> tuple[Counter, int]:
    """How often each of ``phrases`` occurs as an n-gram (n <= ``n_max``) of the texts' lower-cased words
    (``_WORDS``, ’ read as '), and the number of words."""
    by_first = _phrase_index(phrases, n_max)
    spellings = _spellings(by_first)
    counts: Counter = Counter()
    total = 0
    for text in texts:
        # ASCII lower case (the words are ASCII letters), ’ read as ': the words of _ngram counting
        toks = _WORDS.findall(text.encode("utf-8").lower().decode("utf-8").replace("’", "'"))
        total += len(toks)
        _count_phrases(toks, by_first, counts, spellings)
    return counts, total


def _phrase_count_part(frame: pd.DataFrame, *, phrases: set[str]) -> pd.DataFrame:
    """:func:`_phrase_counts` of the spun and of the clean documents of ``frame`` (``doc_id``, ``text``,
    ``spun``): ``spun``, ``phrase``, ``n``, with a row of ``phrase`` "" for the number of words."""
    rows = []
    for spun in (True, False):
        texts = [_text(t) for t, s in zip(frame["text"], frame["spun"]) if bool(s) == spun]
        counts, total = _phrase_counts(texts, phrases)
        rows += [(spun, p, n) for p, n in counts.items()] + [(spun, "", total)]
    return pd.DataFrame(rows, columns=["spun", "phrase", "n"])
