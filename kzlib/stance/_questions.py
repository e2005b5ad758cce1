"""Questions asked to deny: a rhetorical question whose answer the speaker takes to be "no one", "no way" or "no"
("How can we trust X?", "Who would oppose X?", "Can we really trust X?"). Its cues say the opposite of what they say
in a statement, as a negator's do (Quirk et al. 1985 §11.23: a rhetorical question is "equivalent to a strong
assertion" of the opposite polarity; Ilie 1994)."""

from __future__ import annotations

import re

__all__: list[str] = []

#: the openers of a wh-question that denies what it asks ("Who would trust X?", "Why would anyone support X?", "How can
#: we believe X?", "What right does X have …?"), or with "n't" asserts it ("Why wouldn't we support X?")
_DENYING_QUESTION_RE = re.compile(
    r"\W*(?:(?:why|how)\s+(?:would|should|could|can|dare)(?:n['’]t)?|who\s+(?:would|could|can|in)|what\s+right)\b", re.I)
#: a polar question that doubts with "really" ("Can we really trust X?", "Do we really want X?", "Does anyone really
#: believe X?"): the adverb of a question asked to deny, not to learn (Quirk et al. 1985 §11.23)
_REALLY_QUESTION_RE = re.compile(
    r"\W*(?:do|does|did|can|could|should|would|will|is|are|was|were|has|have)\s+(?:[\w'’-]+\s+){1,3}?really\b", re.I)
_QUESTION_END_RE = re.compile(r"\?[\W_]*$")


def _denies(sentence: str, *, rhetorical: bool) -> bool:
    """Whether ``sentence`` is a question asked to deny what it asks: a rhetorical wh-question with a modal opener
    (``rhetorical``: it opens as one of the cue file's rhetorical questions) or a polar question with "really".

    Example:
        >>> [_denies(s, rhetorical=s.startswith(("How", "Who", "Why"))) for s in (
        ...     "How can we trust Elbonia?", "Who would oppose Elbonia?", "Can we really trust Elbonia?",
        ...     "Can we trust Elbonia?", "Who met Elbonia?", "We really trust Elbonia?",
        ...     "Ask yourself: do we really trust Elbonia?")]
        [True, True, True, False, False, False, True]
    """
    if not _QUESTION_END_RE.search(sentence):
        return False
    # the question may follow a frame of its own: "Before you vote, ask yourself: can we really trust X?"
    asked = sentence[sentence.rfind(":") + 1:]
    return bool((rhetorical and _DENYING_QUESTION_RE.match(sentence)) or _REALLY_QUESTION_RE.match(asked))
