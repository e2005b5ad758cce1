"""Word tokens with their offsets, and Russian lemmas (pymorphy3).

English and other Latin-script text is cut into words by a regular expression (letters and digits, with
inner hyphens and apostrophes: "Kassym-Jomart", "Russia's"); Russian text by razdel, which also keeps
punctuation marks as tokens. pymorphy3 loads its dictionaries (~0.4 s) on the first Russian word.

Example:
    >>> [t.text for t in word_tokens("Kassym-Jomart Tokayev's decree, 2022.")]
    ['Kassym-Jomart', "Tokayev's", 'decree', '2022']
    >>> [t.text for t in word_tokens("Главы МИД России.", language="ru")]
    ['Главы', 'МИД', 'России', '.']
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kzlib.text.script import CYRILLIC_LETTER as _CYR
from kzlib.text.script import is_russian

__all__ = ["Token", "lemma", "lemmas", "parses", "phrases_named", "razdel_tokens", "word_forms", "word_tokens"]

log = logging.getLogger(__name__)

_LOCK = threading.Lock()
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass(frozen=True)
class Token:
    """A token of a text: its offsets and its characters (``text == source[start:end]``)."""

    start: int
    end: int
    text: str


def razdel_tokens(text: str) -> list[Token]:
    """Tokens of a Russian text with their offsets (razdel): words and punctuation marks.

    Example:
        >>> [t.text for t in razdel_tokens("Главы МИД России")]
        ['Главы', 'МИД', 'России']
    """
    from razdel import tokenize

    return [Token(t.start, t.stop, t.text) for t in tokenize(text or "")]


def word_tokens(text: str, *, language: str | None = None) -> list[Token]:
    """Tokens of ``text`` with their offsets: razdel's tokens for Russian (``language`` starting with "ru",
    or none given and most letters Cyrillic), else its words (``\\w+`` runs joined by inner hyphens and
    apostrophes; punctuation left out).

    Example:
        >>> [(t.start, t.end, t.text) for t in word_tokens("Blinken met Wang Yi.")]
        [(0, 7, 'Blinken'), (8, 11, 'met'), (12, 16, 'Wang'), (17, 19, 'Yi')]
    """
    if is_russian(text or "", language=language):
        return razdel_tokens(text)
    return [Token(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text or "")]


_MORPH: Any = None


def _morph() -> Any:
    global _MORPH
    if _MORPH is None:
        with _LOCK:
            if _MORPH is None:
                import pymorphy3

                _MORPH = pymorphy3.MorphAnalyzer()
                log.info("pymorphy3 Russian dictionaries loaded")
    return _MORPH


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of a word (cached).

    Example:
        >>> parses("России")[0].normal_form
        'россия'
    """
    try:
        return tuple(_morph().parse(word))
    except (KeyError, ValueError):  # a character unicodedata cannot name (an unassigned code point): no reading
        return ()


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 gives a word (lower case), plus the word itself: "Токаева" has both
    the masculine "токаев" (genitive) and the feminine "токаева" (nominative). A word without Cyrillic
    letters is its own lemma.

    Example:
        >>> sorted(lemmas("Заявили"))
        ['заявили', 'заявить']
    """
    w = word.lower().replace("ё", "е")
    if not _CYR.search(w):
        return frozenset({w})
    return frozenset({w} | {p.normal_form.replace("ё", "е") for p in parses(w)})


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """pymorphy3's most likely normal form of a word (lower case).

    Example:
        >>> lemma("подчеркнула")
        'подчеркнуть'
    """
    w = word.lower().replace("ё", "е")
    ps = parses(w) if _CYR.search(w) else ()
    return ps[0].normal_form.replace("ё", "е") if ps else w


@lru_cache(maxsize=200_000)
def word_forms(word: str) -> frozenset[str]:
    """The forms a Russian word is matched by in dictionary-form word lists: its :func:`lemmas` and, for an
    adjective or participle, its masculine singular nominative ("протестующих" -> "протестующий",
    "казахстанских" -> "казахстанский"), which a list writes where pymorphy3's normal form of a participle is
    its verb.

    Example:
        >>> sorted(word_forms("миротворческих"))
        ['миротворческий', 'миротворческих']
    """
    w = word.lower().replace("ё", "е")
    forms = set(lemmas(w))
    if any("а" <= c <= "я" for c in w):
        for p in parses(w):
            if p.tag.POS in ("PRTF", "ADJF"):
                f = p.inflect({"sing", "nomn", "masc"})
                if f is not None:
                    forms.add(f.word.replace("ё", "е"))
    return frozenset(forms)


def phrases_named(text: str, phrases: Sequence[str]) -> set[str]:
    """The ``phrases`` (space-separated words in dictionary form, as the Russian word lists of ``kzlib/data``
    write them) that ``text`` names in any inflection, word by word in a row (:func:`word_forms`).

    Example:
        >>> sorted(phrases_named("Войска ОДКБ прибыли в Алматы по просьбе Токаева.", ["токаев", "одкб", "москва"]))
        ['одкб', 'токаев']
    """
    wanted = [(p, tuple(w.lower().replace("ё", "е") for w in str(p).split())) for p in phrases]
    keys = [word_forms(t.text) for t in razdel_tokens(text) if any(ch.isalpha() for ch in t.text)]
    found = set()
    for p, words in wanted:
        n = len(words)
        if n and any(all(words[k] in keys[i + k] for k in range(n)) for i in range(len(keys) - n + 1)):
            found.add(p)
    return found
