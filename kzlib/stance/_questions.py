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


#: a polar question's opening auxiliary, not negated ("Can we trust X?" asks; "Isn't X a liar?" asserts)
_POLAR_RE = re.compile(r"\W*(?:do|does|did|can|could|should|would|will|is|are|was|were|has|have|had)\b(?!n['’]t)", re.I)
#: a subordinate clause's opening word: a denial does not reach past it ("How can we trust X when Y betrayed us?")
_SUBORDINATE_RE = re.compile(r"\b(?:when|because|after|since|while|although|though|if|unless|before|until|whereas)\b",
                             re.I)
_WORD_RE = re.compile(r"[\w'’]+")
#: between a cue and its holder: auxiliaries, modals, negation and adverbs ("would anyone ever really | trust")
_BETWEEN = frozenset("""do does did can could should would will might may must shall not never n't really ever even still
possibly honestly truly actually seriously""".split())
#: holders whose view a question asked to deny denies: the asker's company or anyone at all
_QUESTIONERS = frozenset("we you i us anyone anybody one people voters americans who someone they".split())
_GENERIC = frozenset("anyone anybody one people voters americans they who".split())
#: attitudes that are states, which "how can we …" denies ("How can we trust X?"); "How can we support X?" asks how
_STATIVE_RE = re.compile(r"(?:trust|believ|respect|admir|lik|lov|accept|forgiv|take\s+seriously)", re.I)


def _question(sentence: str, *, rhetorical: bool) -> str:
    """What a question sentence does: ``"deny"``, asked to deny what it asks (a rhetorical wh-question with a modal
    opener, ``rhetorical``: it opens as one of the cue file's rhetorical questions, or a polar question with "really");
    ``"ask"``, a polar question asked to learn, which asserts nothing; ``""``, neither (a statement, or another
    question). A question after a colon is read from the colon ("Ask yourself: can we really trust X?").

    Example:
        >>> [_question(s, rhetorical=s.startswith(("How", "Who", "Why"))) for s in (
        ...     "How can we trust Elbonia?", "Who would oppose Elbonia?", "Can we really trust Elbonia?",
        ...     "Can we trust Elbonia?", "Who met Elbonia?", "We really trust Elbonia?",
        ...     "Ask yourself: do we really trust Elbonia?", "Isn't Elbonia a liar?", "How can we trust Elbonia.")]
        ['deny', 'deny', 'deny', 'ask', '', '', 'deny', '', '']
    """
    if not _QUESTION_END_RE.search(sentence):
        return ""
    asked = sentence[sentence.rfind(":") + 1:]
    if (rhetorical and _DENYING_QUESTION_RE.match(sentence)) or _REALLY_QUESTION_RE.match(asked):
        return "deny"
    return "ask" if _POLAR_RE.match(asked) else ""


def _denial_reaches(before: str, cue: str) -> bool:
    """Whether the denial of a question reaches the cue ``cue`` that follows the question's words ``before``: the cue
    is in the question's main clause and held by the asker's company or anyone ("How can we | trust", "Who would |
    oppose", "Why would anyone | support"), not by a third party ("How could Dorn | betray his voters?" is outrage at an
    act, "Does Dorn really | support X?" asks about Dorn's view); after "how", only a state is denied ("How can we |
    trust") or anyone's attitude ("How can anyone | support"): "How can we best support X?" asks how.

    Example:
        >>> [_denial_reaches(b, c) for b, c in [("How ", "can we trust"), ("How could Dorn ", "betray"), ("", "Can we trust"),
        ...  ("Why would anyone ", "support"), ("How can we best ", "support"), ("How can we trust X when Y ", "betrayed"),
        ...  ("Before you vote, ask yourself: ", "can we really trust")]]
        [True, False, True, True, False, False, True]
    """
    before = before[before.rfind(":") + 1:]  # the question itself ("Before you vote, ask yourself: can we …")
    if _SUBORDINATE_RE.search(before):
        return False
    words = [w.lower() for w in _WORD_RE.findall(before) + _WORD_RE.findall(cue)[:-1]]  # "| Can we really trust"
    i = len(words) - 1
    while i >= 0 and (words[i] in _BETWEEN or words[i].endswith(("ly", "n't", "n’t"))):
        i -= 1
    holder = words[i] if i >= 0 else ""
    if holder not in _QUESTIONERS:
        return False
    verb = _WORD_RE.findall(cue)[-1] if _WORD_RE.findall(cue) else ""
    return not (words and words[0] == "how") or holder in _GENERIC or bool(_STATIVE_RE.match(verb))
