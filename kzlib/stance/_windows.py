"""The words around a mention at several distances, as features (English and Russian rows alike), and how far a
negator reaches."""

from __future__ import annotations

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
