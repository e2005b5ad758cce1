"""Russian stance cues on lemmas (``kzlib/data/ru/stance_cues.yaml``): a transparent rule score.

Not yet wired into :mod:`kzlib.stance` (a later step); ``benchmarks/ru_sentiment.py`` measures the cues
on RuSentNE-2023's training sentences.

Example:
    >>> cue_score("Лидеры стран поддержали решение Токаева.")
    1.0
    >>> cue_score("Прокуратура обвинила его в коррупции.")
    -2.0
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from kzlib.russian.nlp import lemma, lemmas, parses, tokens

__all__ = ["cue_score", "naming_family"]


@dataclass(frozen=True)
class _Cues:
    weight: dict[str, float]  # lemma -> signed weight
    negators: frozenset[str]
    family_of: dict[str, str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    d = yaml.safe_load(resources.files("kzlib.data").joinpath("ru/stance_cues.yaml").read_text("utf-8"))
    weight: dict[str, float] = {}
    for lem, w in d["favor"]:
        weight[str(lem)] = float(w)
    for lem, w in d["against"]:
        weight[str(lem)] = -float(w)
    family_of = {str(w): fam for fam, words in d["naming_families"].items() for w in words}
    return _Cues(weight, frozenset(d["negators"]), family_of)


def cue_score(text: str, *, start: int | None = None, end: int | None = None, window: int | None = None) -> float:
    """Sum of the signed weights of the stance cues in ``text`` (favor > 0 > against), a negator right
    before a cue flipping it; with ``start``/``end`` (a target's span) and ``window``, only the cues
    within ``window`` words of the target count.

    Example:
        >>> cue_score("Митингующие не поддержали мародеров.")
        -2.0
    """
    c = _cues()
    toks = [t for t in tokens(text) if any(ch.isalpha() for ch in t.text)]
    if window is not None and start is not None:
        at = next((i for i, t in enumerate(toks) if t.end > start), len(toks))
        stop = next((i for i, t in enumerate(toks) if end is not None and t.start >= end), len(toks))
        lo, hi = max(0, at - window), min(len(toks), stop + window)
    else:
        lo, hi = 0, len(toks)
    score = 0.0
    lems = [lemma(t.text) for t in toks]
    for i in range(lo, hi):
        w = c.weight.get(lems[i])
        if w is None:
            continue
        if i and lems[i - 1] in c.negators:
            w = -w
        score += w
    return round(score, 3)


def naming_family(word: str) -> str:
    """The naming family of a word ("бандитами" -> "bandits"), or "".

    Example:
        >>> naming_family("митингующих"), naming_family("стол")
        ('protesters', '')
    """
    family_of = _cues().family_of
    forms = set(lemmas(word))
    for p in parses(word.lower()):  # a participle's lemma is its verb: "митингующих" -> "митингующий" too
        if p.tag.POS in ("PRTF", "ADJF"):
            f = p.inflect({"sing", "nomn", "masc"})
            if f is not None:
                forms.add(f.word)
    return next((family_of[f] for f in sorted(forms) if f in family_of), "")
