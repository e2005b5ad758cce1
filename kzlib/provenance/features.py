"""Features of a document that survive spinning and translation: sentences, content-word stems,
numbers and names, and the per-document plumbing the provenance stage shares (:func:`_text`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["story_features"]


#: Words of ASCII letters: the English words the spinner's phrase table and the substitutions learned
#: from it are made of (:mod:`~kzlib.provenance.phrases`, :mod:`~kzlib.provenance.repair`).
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _ascii_kinds(text: str) -> bytes:
    """``text`` as one byte per kind of its UTF-8 bytes: ``a`` an ASCII letter, ``0`` a digit, ``'`` an
    apostrophe (' or ’, whose three bytes become one), a space anything else (a byte of a character beyond
    ASCII is never one of the others, and ’'s three bytes are found only where it is written). ASCII words
    are then counted as runs of these bytes, in C, without a string made for each word as ``findall``
    makes it (:func:`_ascii_word_count`, :func:`kzlib.provenance.spin._n_words`).

    Example:
        >>> _ascii_kinds("Tokayev’s G7, Алматы")
        b"aaaaaaa'a a0              "
    """
    return text.encode("utf-8", "surrogatepass").replace(_CURLY_APOSTROPHE, b"'").translate(_KINDS)


_CURLY_APOSTROPHE = "’".encode()
_KINDS = bytes(ord("a") if chr(i).isascii() and chr(i).isalpha() else ord("0") if chr(i) in "0123456789"
               else ord("'") if i == ord("'") else ord(" ") for i in range(256))
_DIGITS_APART = bytes.maketrans(b"0", b" ")


def _ascii_word_count(text: str) -> int:
    """``len(_WORDS.findall(text))``, counted on :func:`_ascii_kinds`: a word runs from a letter through
    letters and apostrophes, so with the apostrophes taken out the words are the runs of letters.

    Example:
        >>> _ascii_word_count("Tokayev’s rock'n'roll in 2022, G7 and ’til"), len(_WORDS.findall("Tokayev’s rock'n'roll in 2022, G7 and ’til"))
        (6, 6)
    """
    letters = _ascii_kinds(text).translate(_DIGITS_APART, b"'")
    return letters.count(b" a") + letters.startswith(b"a")


def _char_class(keep: Callable[[str], bool]) -> str:
    """A regex character class of the characters of the Basic Multilingual Plane for which ``keep`` is
    true, written as ranges (the letters of every script a news text is written in lie there).

    Example:
        >>> _char_class(lambda c: c in "abcx")
        '[a-cx]'
    """
    ranges: list[tuple[int, int]] = []
    for i in range(0x10000):
        if keep(chr(i)):
            if ranges and ranges[-1][1] == i - 1:
                ranges[-1] = (ranges[-1][0], i)
            else:
                ranges.append((i, i))
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                         for a, b in ranges) + "]"


_LETTER = _char_class(str.isalpha)
#: Words of letters of any script (Latin, Cyrillic with the Kazakh letters, Greek, ...) and apostrophes,
#: from a letter on: the words story features are made of (a class of letters, not ``[^\W\d_]``, which
#: is read 30% slower).
_LETTER_WORDS = re.compile(rf"{_LETTER}[{_LETTER[1:-1]}'’]*")
# a number not glued to a word or a dot: the look-behind comes after the first digit, so that the search
# jumps from digit to digit (same matches as "(?<![\w.])\d[\d,./]*\d(?!\w)|(?<![\w.])\d(?![\w.])")
_NUMBER = re.compile(r"\d(?<![\w.]\d)[\d,./]*\d(?!\w)|\d(?<![\w.]\d)(?![\w.])")
_LOWER = _char_class(str.islower)
# a sentence ends at . ! or ? (and the closing quotation mark after it) before white space and a
# sentence start: a digit or a letter that is not lower case, in any script (a capital of a cased
# script, any letter of a script without case), maybe after an opening quotation mark; or at a line break
_SENTENCE_END = re.compile(rf"(?<=[.!?])[\"”’'»]?\s+(?=[\"“‘'«„]?(?!{_LOWER})[^\W_])|\n+")


def _stopwords() -> frozenset[str]:
    """The words that make no story feature: scikit-learn's English stop words and the Russian stop
    words of ``kzlib/data/ru/stopwords.yaml`` (that file says where each list comes from; "ё" as "е")."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from kzlib.text import load_stopwords
    return frozenset(ENGLISH_STOP_WORDS) | load_stopwords(language="ru")


_STOP = _stopwords()


# --- features that survive spinning and translation -------------------------------------------------

def _stem(word: str) -> str:
    return word.lower().replace("’", "'").replace("ё", "е")[:6]


@functools.lru_cache(maxsize=1 << 14)
def _sentence_features(sentence: str) -> frozenset[str]:
    """Content-word stems and numbers (``#12.5``, :data:`_SENTENCE_NUMBER`) of one sentence. Remembered for
    the last 16,384 sentences (~1 KB each with the sentence): copies of a story repeat sentences word for
    word, and the check of candidate pairs and the aligned copies' swaps read each copy's sentences (at
    3,000 generated documents 9,161 distinct sentences of 26,541 read).

    Example:
        >>> sorted(_sentence_features("The dividend is payable Jan. 2 to stock of record Dec. 15."))
        ['#15', '#2', 'dec', 'divide', 'jan', 'payabl', 'record', 'stock']
    """
    feats = {stem for _, stem in map(_word_roles, _LETTER_WORDS.findall(sentence)) if stem}   # 3+ letters, no stop word
    feats.update(["#" + n.replace(",", "") for n in _SENTENCE_NUMBER.findall(sentence)])
    return frozenset(feats)


#: A number of a sentence, for aligning sentences: digits with their decimal or thousands marks, not glued
#: to a word ("G7", "1990s", "3rd" are none), a sentence's last digit before its full stop included ("Dec.
#: 15." and "Nov. 9." alike).
_SENTENCE_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,/]\d+)*(?!\w)")


@functools.lru_cache(maxsize=1 << 14)
def _numbers(features: frozenset[str]) -> frozenset[str]:
    """The numbers among a sentence's :func:`_sentence_features`.

    Example:
        >>> sorted(_numbers(frozenset({"#2", "divide", "#15"})))
        ['#15', '#2']
    """
    return frozenset([f for f in features if f[0] == "#"])


def _numbers_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sentences' numbers (:func:`_numbers`) state different facts: both have numbers and each
    has one the other lacks. A copy keeps the numbers it reports (a paraphrase may leave some out); "payable
    Jan. 2 to stock of record Dec. 15" and "payable Jan. 3 to stock of record Nov. 16" are two notices.

    Example:
        >>> _numbers_differ(frozenset({"#2", "#15"}), frozenset({"#3", "#16"}))
        True
        >>> _numbers_differ(frozenset({"#18", "#576"}), frozenset({"#18"})), _numbers_differ(frozenset(), frozenset({"#3"}))
        (False, False)
    """
    return bool(a) and bool(b) and not (a <= b or b <= a)


# a sentence break of _SENTENCE_END, but none between an abbreviation of a capitalised word of 1 to 4
# letters ("Jan.", "Sept.", "No.", "St.") and a number: "payable Jan. 2 to stock of record Dec. 15" is one
# sentence (a sentence that opens with a digit after such a word is rare; one that opens with a name is
# not, so the break before a capital stays). Written as
#     (?<=[.!?])Q?\s+(?=START)  |  (?<=[.!?])(?<!ABBREVIATION)Q?\s+(?=\d)  |  \n+
# (Q a closing quotation mark, START a sentence start of _SENTENCE_END) but with each break's first
# character, a quotation mark or white space, read first and the look-behinds taken from after it: a
# pattern that opens with a character class lets ``re`` skip the characters outside it without trying
# the pattern there (the same breaks, found in half the time).
_CLOSE_QUOTE, _SPACE = "[\"”’'»]", r"\s"
_ALIGN_START = rf"(?=[\"“‘'«„]?(?!{_LOWER})(?!\d)[^\W_])"


def _no_abbreviation(first: str) -> str:
    """Look-behinds, read after a break's first character ``first`` (a regex), that the full stop before
    it ends no capitalised abbreviation of 1 to 4 letters."""
    return "".join(rf"(?<!\b[A-Z]{lower}\.{first})" for lower in ("", "[a-z]", "[a-z]{2}", "[a-z]{3}"))


_ALIGN_BREAK = re.compile(
    rf"[\s\"”’'»](?:(?<=[.!?]{_CLOSE_QUOTE})\s+{_ALIGN_START}|(?<=[.!?]\s)\s*{_ALIGN_START}"
    rf"|(?<=[.!?]{_CLOSE_QUOTE}){_no_abbreviation(_CLOSE_QUOTE)}\s+(?=\d)"
    rf"|(?<=[.!?]\s){_no_abbreviation(_SPACE)}\s*(?=\d)"
    r"|(?<=\n)\n*)")


def _sentences(text: str) -> list[str]:
    """The sentences copies are aligned by: a break as in :func:`story_features`, but none between a short
    capitalised abbreviation and a number.

    Example:
        >>> _sentences("It is payable Jan. 2 to holders. 2 more were paid. Then Kansas. 5 left.")
        ['It is payable Jan. 2 to holders.', '2 more were paid.', 'Then Kansas.', '5 left.']
    """
    return [s.strip() for s in _ALIGN_BREAK.split(text) if s and len(s.strip()) > 1]


def story_features(text: str) -> set[str]:
    """The features copies of one story share whatever happened to their wording.

    Numbers (``#2001``), names (``@stolte``: capitalised words not opening a sentence, first 6 letters,
    which survive spinning and most transliteration) and pairs of consecutive content-word stems
    (``destab_interv``) of (de-spun) text. Words are letters of any script; sentences end before a
    capital of any script (or a digit, or a letter of a script without case); English and Russian stop
    words make no feature.

    Example:
        >>> sorted(story_features("In 2001, Biden met Putin in Geneva."))[:3]
        ['#2001', '@biden', '@geneva']
        >>> sorted(story_features("Токаев встретился с Путиным в Москве."))
        ['@москве', '@путины', 'встрет_путины', 'путины_москве', 'токаев_встрет']
    """
    feats: set[str] = {"#" + n.replace(",", "") for n in _NUMBER.findall(text)}
    # the words and sentence breaks of the text in one pass (a break never starts inside a word: it is
    # a quote after . ! or ?, or white space), read as the words of each of _sentences(text)
    # (one loop over the tokens: a name is a capitalised word after a token that is no sentence break;
    # a pair is two content stems with only stop words or short words between, and no break)
    prev: str | None = ""            # the token before: its stem, None (no content word) or "" (a break)
    last = ""                        # the last content stem, or "" after a break
    for name, stem in map(_word_roles, _WORDS_AND_BREAKS.findall(text)):
        if name is not None and prev != "":
            feats.add(name)
        if stem is not None:
            if stem and last:
                feats.add(last + "_" + stem)
            last = stem
        prev = stem
    return feats


_WORDS_AND_BREAKS = re.compile(rf"{_LETTER_WORDS.pattern}|{_SENTENCE_END.pattern}")


@functools.lru_cache(maxsize=1 << 17)
def _word_roles(token: str) -> tuple[str | None, str | None]:
    """(name feature, content stem) of a token of ``_WORDS_AND_BREAKS``, each None where the word is
    none; a sentence break is (None, "")."""
    if not token[0].isalpha():
        return None, ""
    lower = token.lower().replace("ё", "е")
    if lower in _STOP:
        return None, None
    stem = lower.replace("’", "'")[:6]                               # _stem(token)
    return ("@" + stem if token[0].isupper() else None), (stem if len(token) > 2 else None)


def _objects(values: list[Any]) -> np.ndarray:
    """A 1-d object array holding ``values`` as they are (``np.array`` would stack equal-length arrays
    or lists into a 2-d array)."""
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


def _text(value: str | tuple[str, ...]) -> str:
    """A document's text: ``value`` itself, or its paragraphs (a tuple) joined by a blank line.

    :func:`annotate` passes each document's body text around as the tuple of its paragraph strings, which
    the paragraphs table already holds, and joins it only where it is read, one document at a time: one
    string per document would be a second copy of the corpus's text (at 100,000 generated documents
    1,066 MB, twice the paragraphs' 596 MB, since a text with one character beyond Latin-1, such as a
    curly quote, takes two bytes for every character).

    Example:
        >>> _text(("First paragraph.", "Second one.")).split("\\n\\n")
        ['First paragraph.', 'Second one.']
    """
    return value if isinstance(value, str) else "\n\n".join(value)


def _per_document(frame: pd.DataFrame, func: Callable[..., pd.DataFrame], *, engine: str, scheduler: Any,
                  npartitions: int | str | None, **kwargs: Any) -> pd.DataFrame:
    """``func(frame, **kwargs)`` (one row per document, ``doc_id`` first) with the pandas engine in one
    batch or over partitions of documents (:func:`kzlib.engine.map_partitions_by_document`), in
    ``doc_id`` order."""
    from kzlib.engine import map_partitions_by_document

    return map_partitions_by_document(frame, func, engine=engine, scheduler=scheduler, npartitions=npartitions,
                                      sort_by=["doc_id"], **kwargs)
