"""The speaker inside a description (private to :mod:`kzlib.quotes`): a name that a description owns or takes as
its complement ("Cruz's friends said", "said a former aide to President Bush") is not the speaker, unless the
description's head stands for that person (``own_heads`` of ``source_heads.yaml``: "Clinton's statement",
"Trump's campaign said")."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib import resources

import yaml

from kzlib.actors import speaker_words
from kzlib.quotes._modifier import _is_group_word, _source_heads
from kzlib.quotes.speakers import _described, _Speaker

log = logging.getLogger(__name__)


@lru_cache(maxsize=8)
def _heads(key: str) -> frozenset[str]:
    """A list of ``source_heads.yaml`` (``own_heads``: heads that stand for their possessor or complement;
    ``records``: documents, recordings and figures), lower case."""
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("source_heads.yaml").read_text("utf-8"))
    return frozenset(str(w).lower() for w in data[key])


def _stands_for(head: str) -> bool:
    """Whether a possessed head stands for its possessor (their words, documents, records, campaign, office).

    Example:
        >>> _stands_for("statement"), _stands_for("campaign"), _stands_for("relatives"), _stands_for("spokesman")
        (True, True, False, False)
    """
    return _is_group_word(head, _heads("own_heads")) or _is_group_word(head, _heads("records"))


#: A person's description ending in a preposition right before a name: "the former top aide to |", "a spokeswoman
#: for |", "one of the lawyers of |"; the head is the last word before the preposition, up to three lower-case
#: words before it.
_COMPLEMENT_BEFORE = re.compile(
    r"(?<![\w’'.-])(?:(?:the|a|an|one|two|three|four|several|some|his|her|their|its|our)\s+)?"
    r"(?:(?!(?:that|which|who|to|according|as|and|or|but|said|says|told|of|for|with|in|on|at|by|from|is|was|"
    r"are|were|has|have|had)\b)[a-z][\w’'-]*\s+){0,3}?"
    r"(?P<head>[a-z][\w-]*)\s+(?:to|for|of|with)\s+(?:the\s+)?\Z")

#: The prepositions that end ``_COMPLEMENT_BEFORE`` (before "the", if any).
_COMPLEMENT_PREPOSITIONS = frozenset(["to", "for", "of", "with"])


def _may_end_complement(text: str, lo: int, end: int) -> bool:
    """False when ``_COMPLEMENT_BEFORE`` cannot match ``text[lo:end]`` (the text's last words are no "to", "for",
    "of" or "with", then perhaps "the", and blanks): a test of two words, not a search that tries the pattern
    at each of the 60 places (most names follow no preposition).

    Example:
        >>> t = "said an aide to the senator Roe"
        >>> _may_end_complement(t, 0, t.index("Roe")), _may_end_complement(t, 0, t.index("senator"))
        (False, True)
    """
    if end <= lo or not text[end - 1].isspace():
        return False
    words = text[lo:end].rsplit(None, 2)
    if words and words[-1] == "the":
        words.pop()
    return len(words) >= 2 and words[-1] in _COMPLEMENT_PREPOSITIONS


def _complement_speaker(text: str, spk: _Speaker) -> _Speaker:
    """``spk`` read from a name that is the complement of a person's description ("said the former top aide to
    President George W. Bush", "a spokeswoman for Roe said"): that description, the name kept in it; ``spk``
    unchanged when the head before the preposition is no person's role or group, or stands for the name
    (:func:`_stands_for`: "a statement from", "the office of").

    Example:
        >>> t = "It worked, said the former top aide to President Jane Roe."
        >>> at = t.index("President")
        >>> _complement_speaker(t, _Speaker("Jane Roe", "President Jane Roe", m_start=at, m_end=len(t) - 1)).name
        'former top aide to President Jane Roe'
        >>> t = "It worked, said the ambassador to the U.S. Jane Roe."
        >>> at = t.index("U.S.")
        >>> _complement_speaker(t, _Speaker("Jane Roe", "U.S. Jane Roe", m_start=at, m_end=len(t) - 1)).name
        'Jane Roe'
    """
    if spk.m_start < 0 or spk.m_end <= spk.m_start or not spk.name or text[spk.m_start:spk.m_end] != spk.surface:
        return spk
    lo = max(0, spk.m_start - 60)
    if not _may_end_complement(text, lo, spk.m_start):
        return spk
    cm = _COMPLEMENT_BEFORE.search(text, lo, spk.m_start)
    if cm is None or cm.end() != spk.m_start:
        return spk
    first = spk.name.split()[0]
    lead = spk.surface[:spk.surface.find(first)].split() if first in spk.surface else []
    if lead and lead[-1].lower() not in speaker_words().titles:
        return spk  # "Russia's ambassador to the U.S. Anatoly Antonov": a place ends the complement, the name follows
    head = cm.group("head")
    if not _is_person_head(head):
        return spk  # "a statement from Roe", "footage of Roe", "as a result of Roe": Roe's own
    log.debug("the speaker %r is the complement of %r: the description speaks", spk.name, head)
    return _described(text[cm.start():spk.m_end], cm.start(), spk.m_end, spk.confidence)


def _is_person_head(word: str) -> bool:
    """A role or group of people ("aide", "spokeswoman", "friends", "lawyers"), not a body, a document or a
    recording.

    Example:
        >>> _is_person_head("aide"), _is_person_head("relatives"), _is_person_head("footage"), _is_person_head("office")
        (True, True, False, False)
    """
    w = word.lower()
    if _stands_for(w):
        return False
    gender = speaker_words().role_gender.get(w, speaker_words().role_gender.get(w.rstrip("s")))
    if gender is not None:
        return gender != "org"
    return _is_group_word(w, _source_heads())
