"""VADER's compound score of one sentence, computed as vaderSentiment's ``polarity_scores`` does.

vaderSentiment lower-cases every word of the sentence again for each rule it checks around each
sentiment word (its negation and idiom checks), and works out the ``neg``/``neu``/``pos`` shares the
rule method does not read. :func:`_compound` reads the words once and runs the same rules, in the same
order and with the same arithmetic, on the library's own lexicon, booster words, idioms and constants,
so the compound score is the same number; a sentence with an emoji (which VADER first turns into its
description) is handed to the library itself, and so is every sentence under another version of
vaderSentiment than the one these rules were read from (3.3.2).
"""

from __future__ import annotations

import functools
import importlib.metadata
import logging
import string
from typing import Any

from vaderSentiment import vaderSentiment as _vs

logger = logging.getLogger(__name__)

__all__: list[str] = []

_NEGATE = frozenset(_vs.NEGATE)
_BOOSTERS: dict[str, float] = _vs.BOOSTER_DICT
_SPECIAL: dict[str, float] = _vs.SPECIAL_CASES
_PUNCTUATION = string.punctuation
_READ_FROM = "3.3.2"  # the vaderSentiment version whose polarity_scores this module follows
# the words of each idiom and multi-word booster: a sentence without all the words of one has none of them
_IDIOMS = [frozenset(key.split(" ")) for key in sorted({*_SPECIAL, *_BOOSTERS}) if " " in key]


def _negated(word: str) -> bool:
    """vaderSentiment's ``negated([word])`` on a lower-cased word."""
    return word in _NEGATE or "n't" in word


def _negation_check(valence: float, lw: list[str], start_i: int, i: int) -> float:
    """vaderSentiment's ``_negation_check`` on the lower-cased words ``lw``."""
    if start_i == 0:
        if _negated(lw[i - 1]):
            valence = valence * _vs.N_SCALAR
    elif start_i == 1:
        if lw[i - 2] == "never" and (lw[i - 1] == "so" or lw[i - 1] == "this"):
            valence = valence * 1.25
        elif lw[i - 2] == "without" and lw[i - 1] == "doubt":
            pass
        elif _negated(lw[i - 2]):
            valence = valence * _vs.N_SCALAR
    elif start_i == 2:
        if lw[i - 3] == "never" and (lw[i - 2] == "so" or lw[i - 2] == "this") or (lw[i - 1] == "so" or lw[i - 1] == "this"):
            valence = valence * 1.25
        elif lw[i - 3] == "without" and (lw[i - 2] == "doubt" or lw[i - 1] == "doubt"):
            pass
        elif _negated(lw[i - 3]):
            valence = valence * _vs.N_SCALAR
    return valence


def _special_idioms_check(valence: float, lw: list[str], i: int) -> float:
    """vaderSentiment's ``_special_idioms_check`` on the lower-cased words ``lw`` (``i`` >= 3)."""
    onezero = f"{lw[i - 1]} {lw[i]}"
    twoonezero = f"{lw[i - 2]} {lw[i - 1]} {lw[i]}"
    twoone = f"{lw[i - 2]} {lw[i - 1]}"
    threetwoone = f"{lw[i - 3]} {lw[i - 2]} {lw[i - 1]}"
    threetwo = f"{lw[i - 3]} {lw[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in _SPECIAL:
            valence = _SPECIAL[seq]
            break
    if len(lw) - 1 > i:
        zeroone = f"{lw[i]} {lw[i + 1]}"
        if zeroone in _SPECIAL:
            valence = _SPECIAL[zeroone]
    if len(lw) - 1 > i + 1:
        zeroonetwo = f"{lw[i]} {lw[i + 1]} {lw[i + 2]}"
        if zeroonetwo in _SPECIAL:
            valence = _SPECIAL[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in _BOOSTERS:
            valence = valence + _BOOSTERS[n_gram]
    return valence


def _least_check(valence: float, lw: list[str], lexicon: dict[str, float], i: int) -> float:
    """vaderSentiment's ``_least_check`` on the lower-cased words ``lw``."""
    if i > 1 and lw[i - 1] not in lexicon and lw[i - 1] == "least":
        if lw[i - 2] != "at" and lw[i - 2] != "very":
            valence = valence * _vs.N_SCALAR
    elif i > 0 and lw[i - 1] not in lexicon and lw[i - 1] == "least":
        valence = valence * _vs.N_SCALAR
    return valence


def _valence(words: list[str], lw: list[str], i: int, lexicon: dict[str, float], is_cap_diff: bool,
             idioms: bool) -> float:
    """vaderSentiment's ``sentiment_valence`` of the lexicon word ``words[i]`` (``idioms``: whether the
    sentence has an idiom's word)."""
    item, low = words[i], lw[i]
    valence = lexicon[low]
    if low == "no" and i != len(words) - 1 and lw[i + 1] in lexicon:
        valence = 0.0
    if (i > 0 and lw[i - 1] == "no") or (i > 1 and lw[i - 2] == "no") or (
            i > 2 and lw[i - 3] == "no" and lw[i - 1] in ["or", "nor"]):
        valence = lexicon[low] * _vs.N_SCALAR
    if item.isupper() and is_cap_diff:
        if valence > 0:
            valence += _vs.C_INCR
        else:
            valence -= _vs.C_INCR
    for start_i in range(0, 3):
        if i > start_i and lw[i - (start_i + 1)] not in lexicon:
            # scalar_inc_dec is 0.0 unless the word is a booster
            s = (_vs.scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                 if lw[i - (start_i + 1)] in _BOOSTERS else 0.0)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lw, start_i, i)
            if start_i == 2 and idioms:
                valence = _special_idioms_check(valence, lw, i)
    return _least_check(valence, lw, lexicon, i)


@functools.lru_cache(maxsize=1)
def _same_version() -> bool:
    """Whether the installed vaderSentiment is the version these rules follow (else the library scores)."""
    try:
        version = importlib.metadata.version("vaderSentiment")
    except importlib.metadata.PackageNotFoundError:
        version = ""
    if version != _READ_FROM:
        logger.info("vaderSentiment %s, not %s: VADER scores come from the library", version, _READ_FROM)
    return version == _READ_FROM


def _compound(analyzer: Any, text: str) -> float:
    """``analyzer.polarity_scores(text)["compound"]``, the same number, without the library's repeated work.

    Example
    -------
    >>> from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    >>> vader = SentimentIntensityAnalyzer()
    >>> s = "The plot was good, but the characters are uncompelling and the dialog is not great."
    >>> _compound(vader, s) == vader.polarity_scores(s)["compound"]
    True
    """
    # (VADER's emojis are not ASCII)
    if not _same_version() or (not text.isascii() and not analyzer.emojis.keys().isdisjoint(text)):
        return analyzer.polarity_scores(text)["compound"]
    text = text.strip()
    # vaderSentiment's SentiText: each word stripped of punctuation unless two characters or fewer stay
    words = [w if len(s := w.strip(_PUNCTUATION)) <= 2 else s for w in text.split()]
    lw = [w.lower() for w in words]
    lexicon: dict[str, float] = analyzer.lexicon
    hits = [i for i, low in enumerate(lw) if low in lexicon]
    if not hits:
        return 0.0  # every word's valence is 0
    n = len(words)
    is_cap_diff = 0 < n - sum(map(str.isupper, words)) < n  # vaderSentiment's allcap_differential
    sentiments: list[float] = [0] * n
    words_here = set(lw)
    idioms = any(idiom <= words_here for idiom in _IDIOMS)
    for i in hits:
        low = lw[i]
        if low not in _BOOSTERS and not (i < n - 1 and low == "kind" and lw[i + 1] == "of"):
            sentiments[i] = _valence(words, lw, i, lexicon, is_cap_diff, idioms)
    if "but" in lw:
        sentiments = _vs.SentimentIntensityAnalyzer._but_check(words, sentiments)
    sum_s = float(sum(sentiments))
    punct = analyzer._punctuation_emphasis(text)
    if sum_s > 0:
        sum_s += punct
    elif sum_s < 0:
        sum_s -= punct
    return round(_vs.normalize(sum_s), 4)
