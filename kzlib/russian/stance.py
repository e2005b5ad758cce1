"""Russian stance cues on lemmas (``kzlib/data/ru/stance_cues.yaml``): a transparent rule score.

:func:`load_cues` reads the file (cue weights and the grammar words of the rule method); the rule
method for Russian quotes in :func:`kzlib.stance.detect_stance` reads it there. :func:`cue_score` is
the bare sum of the cues that ``benchmarks/ru_sentiment.py`` measures on RuSentNE-2023's training
sentences.

Example:
    >>> cue_score("Лидеры стран поддержали решение Токаева.")
    1.0
    >>> cue_score("Прокуратура обвинила его в коррупции.")
    -2.0
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kzlib.errors import ResourceError
from kzlib.russian.nlp import lemma, lemmas, parses, tokens

__all__ = ["RussianCues", "cue_score", "load_cues", "naming_family"]


@dataclass(frozen=True)
class RussianCues:
    """The Russian cue file, read: signed cue weights by lemma (favor > 0 > against) and the grammar
    words of the rule method (each a set of lemmas; ``distancing_markers`` may hold two-word phrases)."""

    weight: dict[str, float]
    negators: frozenset[str]
    family_of: dict[str, str]
    intensifiers: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()
    holder_verbs: frozenset[str] = frozenset()
    rhetorical_openers: frozenset[str] = frozenset()
    clause_conjunctions: frozenset[str] = frozenset()
    distancing_markers: tuple[tuple[str, ...], ...] = ()
    first_person_plural: frozenset[str] = frozenset()
    harm_acts: frozenset[str] = frozenset()
    judgment_verbs: frozenset[str] = frozenset()
    harm_judgments: frozenset[str] = frozenset()
    hostile_acts: frozenset[str] = frozenset()
    agentive_harm: frozenset[str] = frozenset()
    source: str = field(default="", compare=False)


def _words(d: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower().replace("ё", "е") for w in d.get(key) or [])


def load_cues(path: str | Path | None = None) -> RussianCues:
    """Read a Russian cue file (default: the bundled ``kzlib/data/ru/stance_cues.yaml``).

    Example:
        >>> c = load_cues()
        >>> c.weight["осудить"], c.weight["поддержать"], "не" in c.negators
        (-1.0, 1.0, True)
    """
    if path is None:
        return _cues()
    p = Path(path)
    if not p.is_file():
        raise ResourceError(f"Russian stance cue file {p} does not exist; pass None for the bundled one")
    return _parse(p.read_text(encoding="utf-8"), str(p))


def _parse(text: str, source: str) -> RussianCues:
    try:
        d = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceError(f"Russian stance cue file {source} is not valid YAML ({exc}); fix it") from exc
    if not isinstance(d, dict) or not {"favor", "against", "negators"} <= set(d):
        raise ResourceError(f"Russian stance cue file {source} needs the sections favor, against and negators; "
                            "see kzlib/data/ru/stance_cues.yaml")
    weight: dict[str, float] = {}
    try:
        for lem, w in d["favor"]:
            weight[str(lem).replace("ё", "е")] = float(w)
        for lem, w in d["against"]:
            weight[str(lem).replace("ё", "е")] = -float(w)
    except (TypeError, ValueError) as exc:
        raise ResourceError(f"Russian stance cue file {source}: each cue is [lemma, weight] ({exc})") from exc
    phrases = sorted(lem for lem in weight if len(lem.split()) != 1)
    if phrases:
        raise ResourceError(f"Russian stance cue file {source}: cues are single lemmas, matched word by word; "
                            f"{phrases} would never match: list their words' lemmas, or make the phrase a target's term")
    family_of = {str(w): fam for fam, words in (d.get("naming_families") or {}).items() for w in words}
    return RussianCues(
        weight, _words(d, "negators"), family_of,
        intensifiers=_words(d, "intensifiers"), hedges=_words(d, "hedges"), holder_verbs=_words(d, "holder_verbs"),
        rhetorical_openers=_words(d, "rhetorical_question_openers"),
        clause_conjunctions=_words(d, "clause_conjunctions"),
        distancing_markers=tuple(tuple(m.split()) for m in sorted(_words(d, "distancing_markers"))),
        first_person_plural=_words(d, "first_person_plural"), harm_acts=_words(d, "harm_acts"),
        judgment_verbs=_words(d, "judgment_verbs"), harm_judgments=_words(d, "harm_judgments"),
        hostile_acts=_words(d, "hostile_acts"), agentive_harm=_words(d, "agentive_harm"), source=source)


@lru_cache(maxsize=1)
def _cues() -> RussianCues:
    return _parse(resources.files("kzlib.data").joinpath("ru/stance_cues.yaml").read_text("utf-8"),
                  "kzlib/data/ru/stance_cues.yaml")


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
