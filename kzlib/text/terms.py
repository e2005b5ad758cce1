"""Terms of a text in its language, shared by the stages that count words (topics, framing, stance): which
texts are Russian (:func:`russian_mask`), a Russian word's term (its pymorphy3 lemma, :func:`russian_term`)
and the stop words of each language (:func:`load_stopwords`, from ``kzlib/data``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from kzlib.errors import ParameterError, ResourceError

__all__ = ["russian_term", "russian_mask", "load_stopwords", "LANGUAGES"]

_DATA = Path(__file__).resolve().parent.parent / "data"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
#: the languages a text may be read in ("auto": by its letters)
LANGUAGES = ("auto", "en", "ru")


def russian_term(word: str) -> str:
    """The term of a word of Russian text: its pymorphy3 lemma (a participle's is its verb's infinitive:
    "протестующих" -> "протестовать"), lower-cased, "ё" as "е"; a word with no
    Cyrillic letter, lower-cased; an acronym (all capitals, up to six letters: "МИД", "ОДКБ") is
    lower-cased, not lemmatised (pymorphy3 guesses at unknown acronyms).

    Example:
        >>> russian_term("Демонстрантов"), russian_term("ОДКБ"), russian_term("Reuters")
        ('демонстрант', 'одкб', 'reuters')
    """
    if not _CYRILLIC.search(word):
        return word.lower()
    if word.isupper() and len(word) <= 6:
        return word.lower()
    from kzlib.russian.nlp import lemma

    return lemma(word)


def russian_mask(texts: Iterable[str], languages: Iterable[Any] | None = None, *,
                 default: str = "auto") -> np.ndarray:
    """Which texts are read as Russian: those whose language (``languages``, aligned with ``texts``) starts
    with "ru"; where a language is missing or empty, ``default`` decides: "ru", "en", or "auto" (most of
    the text's letters Cyrillic, :func:`kzlib.russian.nlp.is_russian`).

    Example:
        >>> russian_mask(["Токаев заявил", "Tokayev said", "x"], ["", "", "ru"]).tolist()
        [True, False, True]
    """
    if default not in LANGUAGES:
        raise ParameterError(f"language must be one of {LANGUAGES}, got {default!r}")
    texts = texts.tolist() if isinstance(texts, pd.Series) else list(texts)
    n = len(texts)
    if languages is None:
        given = np.zeros(n, dtype=bool)
        ru = np.zeros(n, dtype=bool)
    else:
        langs = languages.tolist() if isinstance(languages, pd.Series) else list(languages)
        if len(langs) != n:
            raise ParameterError(f"languages has {len(langs)} entries for {n} texts: give one per text (or None)")
        # a corpus has a few language codes: each distinct one is read once
        codes, distinct = pd.factorize(pd.Series(langs, dtype=object), use_na_sentinel=True)
        code = [str(c).strip().lower() for c in distinct]
        is_given = np.array([c != "" for c in code] + [False], dtype=bool)  # [-1]: a missing language
        is_ru = np.array([c.startswith("ru") for c in code] + [False], dtype=bool)
        given, ru = is_given[codes], is_ru[codes]
    if default == "en" or given.all():
        return ru
    if default == "ru":
        return ru | ~given
    from kzlib.russian.nlp import is_russian

    for i in np.flatnonzero(~given).tolist():
        ru[i] = _has_cyrillic(texts[i]) and is_russian(texts[i])
    return ru


def _has_cyrillic(text: Any) -> bool:
    """True when ``text`` is a string with a letter of the Cyrillic block (U+0400-U+047F, which UTF-8
    starts with byte 0xD0 or 0xD1): a byte search, several times cheaper than a regex over an English text."""
    if not isinstance(text, str) or text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    return b"\xd0" in data or b"\xd1" in data


@lru_cache(maxsize=4)
def _read_stopword_file(path: str) -> frozenset[str]:
    words = set(ENGLISH_STOP_WORDS)
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip().translate(_APOSTROPHES).lower()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-"):
            words.discard(line[1:])
        else:
            words.add(line)
    return frozenset(words)


def load_stopwords(path: str | Path | None = None, *, language: str = "en") -> frozenset[str]:
    """Stop words: scikit-learn's English list adjusted by ``kzlib/data/stopwords.txt`` (or ``path``); with
    ``language="ru"``, the Russian lists of ``kzlib/data/ru/stopwords.yaml`` (or ``path``), lower-cased,
    "ё" as "е" (that file says where each list comes from).

    Example:
        >>> "said" in load_stopwords() and "fire" not in load_stopwords()
        True
        >>> {"который", "заявить"} <= load_stopwords(language="ru")
        True
    """
    if language == "en":
        return _read_stopword_file(str(Path(path) if path else _DATA / "stopwords.txt"))
    if language == "ru":
        return _read_ru_stopword_file(str(Path(path) if path else _DATA / "ru" / "stopwords.yaml"))
    raise ParameterError(f"stop words are kept for language 'en' or 'ru', got {language!r}")


@lru_cache(maxsize=4)
def _read_ru_stopword_file(path: str) -> frozenset[str]:
    import yaml

    tree = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    lists = tree.get("lists") if isinstance(tree, Mapping) else None
    if not isinstance(lists, Mapping) or not all(isinstance(v, Mapping) and isinstance(v.get("words"), list)
                                                 for v in lists.values()):
        raise ResourceError(f"{path} is not a Russian stop-word file: it needs 'lists:', each with 'source' "
                            "and a list of 'words' (see kzlib/data/ru/stopwords.yaml)")
    return frozenset(str(w).strip().lower().replace("ё", "е") for spec in lists.values() for w in spec["words"])
