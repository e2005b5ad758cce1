"""The words around a mention at several distances, as features (English and Russian rows alike), the English
clause that holds a mention, and how far a negator reaches."""

from __future__ import annotations

import re

_CLAUSE_BREAK = re.compile(r"[,;:()\"“”—–]|\s-\s|\b(?:but|however|whereas|while|although)\b", re.I)

NEGATION_SCOPE = 3  # words after a negator that it reaches (stopped earlier by punctuation or a clause word)


def _scaled_window(left: list[str], right: list[str], window: int) -> str:
    """The words next to the mention (two each side: ``LN_``/``RN_``), the words beyond the window up to
    ``window + 7`` tokens away (``LF_``/``RF_``), and the side-marked bigrams inside the window
    (``LB_``/``RB_``): how near a word is to the mention, and word order next to it, as features.

    >>> _scaled_window(["he", "said", "that"], ["is", "a", "disgrace"], 5)
    'LN_said LN_that RN_is RN_a LB_he_said LB_said_that RB_is_a RB_a_disgrace'
    """
    far = window + 7
    lw, rw = left[-window:], right[:window]
    out = [f"LN_{w}" for w in left[-2:]] + [f"RN_{w}" for w in right[:2]]
    out += [f"LF_{w}" for w in left[-far:-window]] + [f"RF_{w}" for w in right[window:far]]
    out += [f"LB_{a}_{b}" for a, b in zip(lw, lw[1:])] + [f"RB_{a}_{b}" for a, b in zip(rw, rw[1:])]
    return " ".join(out)


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the English clause that holds ``text[start:end]`` begins and ends: from the last clause break
    (punctuation, a dash, *but*, *however*, *whereas*, *while*, *although*) before it to the first after it.

    >>> t = "Critics say, however, that Elbonia failed while others disagree"
    >>> a, b = _clause_bounds(t, 27, 34); t[a:b]
    ' that Elbonia failed '
    """
    cuts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    after = _CLAUSE_BREAK.search(text, end)
    return (cuts[-1] if cuts else 0), (after.start() if after else len(text))
