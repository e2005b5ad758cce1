"""A target's contributions (each cue's, predicate's or tone's signed weight, with its label and sentence), and the
decision they make: the stance, its score and the evidence sentence. Shared by the English rules (``rules.py``) and
the Russian ones (``russian.py``)."""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__: list[str] = []


@dataclass
class _Contribution:
    target: str
    value: float
    lexical: bool
    label: str
    sentence: int
    relayed: bool = False  # someone else's word or view the speaker relays (reported_factor): no direction of its own


def _decide(items: list[_Contribution], threshold: float) -> tuple[str, float, float]:
    """The stance of a target's contributions: favor or against where their total is past ``threshold`` and their
    lexical part is in that direction, counting the speaker's own words: words and views the speaker relays
    (reported speech, someone else's support or judgment) add to the score but give no direction alone.

    >>> _decide([_Contribution("X", -0.15, True, "criticized (its subject's)", 0, True),
    ...          _Contribution("X", -0.3, False, "VADER", 0)], 0.3)[0]
    'none'
    """
    raw = sum(c.value for c in items)
    lexical = sum(c.value for c in items if c.lexical)
    own = sum(c.value for c in items if c.lexical and not c.relayed)
    score = math.tanh(raw)
    if score >= threshold and lexical > 0 and own > 0:
        return "favor", score, lexical
    if score <= -threshold and lexical < 0 and own < 0:
        return "against", score, lexical
    return "none", score, lexical


def _evidence(items: list[_Contribution], sents: list[tuple[int, int]], text: str, stance: str, limit: int = 300) -> str:
    """The sentence that carried the most weight in the decided direction (or the first one)."""
    sign = {"favor": 1, "against": -1}.get(stance, 0)
    per_sent: dict[int, float] = {}
    for c in items:
        if c.sentence >= 0 and c.lexical and (sign == 0 or c.value * sign > 0):
            per_sent[c.sentence] = per_sent.get(c.sentence, 0.0) + abs(c.value)
    if not sents:
        return ""
    s_i = max(per_sent, key=lambda k: (per_sent[k], -k)) if per_sent else 0
    a, b = sents[min(s_i, len(sents) - 1)]
    ev = text[a:b].strip()
    return ev if len(ev) <= limit else ev[: limit - 1] + "…"
