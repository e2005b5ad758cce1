"""Whose view or doing a sentence states when it is not the speaker's (private to :mod:`kzlib.stance.rules`): the
experiencer of a verb of perception ("X seems crazy to many voters", "For many centrists, X seems crazy"), and a thing
or an event as the subject of a verb of helping ("media attention helped X"), an effect rather than a party's side."""

from __future__ import annotations

import re

from kzlib.stance._predicates import _PERCEPTION_RE, _STOP_WORDS
from kzlib.stance._subjects import (
    _BE_AUXILIARIES,
    _DEONTIC,
    _NOUN_DETERMINERS,
    _PRONOUN_SUBJECTS,
    _QUANTIFIER_SUBJECTS,
    _SPEAKERS_OWN,
    _SUBJECT_SKIP,
    _contracted,
)
from kzlib.stance.lexicon import _TOKEN_RE

__all__: list[str] = []

#: the one to whom it seems so, after the complement ("seems crazy | to many voters") or fronted at its sentence's start
#: ("For many centrists and those on the left, | X seems crazy"): a noun phrase of people (:func:`_people_phrase`)
_EXPERIENCER_AFTER_RE = re.compile(r"\s+to\s+(?P<np>[^,;:.!?]{1,60})")
_EXPERIENCER_BEFORE_RE = re.compile(r"\W*(?:(?:so|but|and|yet|now)\s*,?\s+)?(?:for|to)\s+(?P<np>[^,;:.!?]{1,60}),\s+", re.I)
#: words of people that may head an experiencer, beside a plural of -ists, -ans, -ers, -ors, -ives, -als ("centrists",
#: "Republicans", "voters", "observers", "conservatives", "liberals")
_PEOPLE_WORDS = frozenset("""people voters citizens americans many most some others everyone everybody critics
observers analysts experts supporters opponents officials leaders members residents""".split())
_PEOPLE_ENDINGS = ("ists", "ans", "ers", "ors", "ives", "als")
_NOT_PEOPLE = frozenset("""me us my our myself ourselves be tell say put now time times years faults sake point core
all matters others' numbers""".split())


def _people_phrase(words: list[str]) -> bool:
    """Whether the noun phrase ``words`` (lower case) names people other than the speaker: a word of people or a plural
    of an agent or member ("many voters", "centrists and those on the left", "Republicans"), no first person, no
    infinitive ("to be honest", "to tell the truth") and no word of time or manner ("for now", "for all its faults").

    >>> [_people_phrase(p.split()) for p in ("many centrists", "the voters", "most americans", "now", "be honest",
    ...  "my mind", "the first time in years", "all its faults", "the world", "the core")]
    [True, True, True, False, False, False, False, False, False, False]
    """
    if not words or any(w in _NOT_PEOPLE for w in words):
        return False
    return any(w in _PEOPLE_WORDS or (w.endswith(_PEOPLE_ENDINGS) and len(w) > 5) for w in words[:6])


def _perceived_by_others(text: str, start: int, end: int, complement_end: int, sentence_start: int) -> bool:
    """Whether the subject complement after the mention ``text[start:end]`` is said through a copula of perception with
    an experiencer other than the speaker ("X seems crazy to many voters", "For many centrists, X seems crazy"): how
    it seems to them, not the speaker's own judgment (Quirk et al. 1985 §16.30, the experiencer of "seem"). The fronted
    experiencer opens the sentence (``sentence_start``), right before the subject.

    >>> t = "For many centrists, Elbonia seems crazy."
    >>> _perceived_by_others(t, 20, 27, 39, 0), _perceived_by_others("Elbonia seems crazy to many voters.", 0, 7, 19, 0)
    (True, True)
    >>> [_perceived_by_others(t, 0, 7, 19, 0) for t in ("Elbonia seems crazy to me.", "Elbonia seems ready to win.",
    ...  "Elbonia is crazy to many voters.", "Elbonia seems crazy to the core.")]
    [False, False, False, False]
    >>> [_perceived_by_others(t, t.index("Elbonia"), t.index("Elbonia") + 7, len(t) - 1, 0) for t in (
    ...  "For now, Elbonia seems crazy.", "To be honest, Elbonia seems crazy.", "Thanks to voters, Elbonia seems crazy.")]
    [False, False, False]
    """
    if _PERCEPTION_RE.match(text, end) is None:
        return False
    after = _EXPERIENCER_AFTER_RE.match(text, complement_end)
    if after is not None and _people_phrase(after.group("np").lower().split()):
        return True
    before = _EXPERIENCER_BEFORE_RE.match(text, sentence_start)
    return before is not None and before.end() == start and _people_phrase(before.group("np").lower().split())


def _common_noun_subject(text: str, tokens: list[str], tok_starts: list[int], ti: int) -> bool:
    """Whether the verb at token ``ti`` has a word in lower case right before it as its subject (auxiliaries, adverbs
    and negators skipped) that names no party: a thing or an event that causes ("media attention helped X", "the ballot
    will help X"), not a party that acts (a name, a pronoun, "to help", a noun of people or of a body: "our allies",
    "the government"), nor a passive's subject ("were helped by").

    >>> import re
    >>> def sub(t, w):
    ...     words = list(re.finditer(r"\\w+(?:'\\w+)?|n't", t.lower()))
    ...     ti = next(i for i, m in enumerate(words) if m.group() == w)
    ...     return _common_noun_subject(t, [m.group() for m in words], [m.start() for m in words], ti)
    >>> [sub(t, "helped") for t in ("The media attention helped X.", "Elbonia helped X.", "They really helped X.",
    ...                              "Our allies helped X.", "The farmers were helped by X.")]
    [True, False, False, False, False]
    >>> sub("Having X on the ballot will help Y.", "help"), sub("We want to help X.", "help")
    (True, False)
    >>> sub("X's presence is going to help Y.", "help"), sub("We are going to help X.", "help")
    (True, False)
    """
    j = ti - 1
    while j >= 0 and (tokens[j] in _SUBJECT_SKIP or tokens[j] in _BE_AUXILIARIES or tokens[j] in _DEONTIC
                      or (tokens[j].endswith("ly") and len(tokens[j]) > 4) or tokens[j] == "going"
                      or (tokens[j] == "to" and j > 0 and tokens[j - 1] == "going")):  # "is going to help"
        j -= 1
    if j < 0:
        return False
    found = _TOKEN_RE.match(text, tok_starts[j])
    word = found.group(0) if found else tokens[j]
    low = _contracted(word.lower())
    if low in _BE_AUXILIARIES or tokens[ti - 1] in _BE_AUXILIARIES:
        return False  # a passive ("were helped by …"): its subject is helped
    return (word[:1].islower() and word.isalpha() and low not in _PRONOUN_SUBJECTS and low not in _SPEAKERS_OWN
            and low not in _STOP_WORDS and low not in _NOUN_DETERMINERS and low not in _QUANTIFIER_SUBJECTS
            and low not in _PARTY_WORDS and not _people_phrase([low]))


#: nouns and pronoun-like words that name a party able to act, not a thing: the help is theirs, a side
_PARTY_WORDS = frozenset("""government governments administration president minister ministry party parties ally allies
partner partners friend friends troops soldiers forces army side sides country countries nation nations state states
authorities leadership leader leaders officials people team campaign committee council union coalition alliance
organization organisation agency them him her someone somebody everyone everybody nobody both neither each ourselves
themselves yourselves too together all""".split())


_HELP_RE = re.compile(r"help(?:s|ed|ing)?", re.I)  # a verb of helping: its subject may be a cause, not a party
_MODALS = frozenset("will would can could may might must should shall did does do".split())  # "will | help": a verb


def _caused_help(text: str, start: int, end: int, tokens: list[str], tok_starts: list[int], ti: int) -> bool:
    """Whether the verb of helping at ``start:end`` (token ``ti``) has a thing or an event as its subject ("media
    attention helped X", "X on the ballot will help Y", "X's presence is going to help Y"): an effect, no side. The bare
    "help" only after a modal or "to" ("will help", "going to help"); otherwise it may be the noun ("the United States'
    full help for X").

    >>> import re
    >>> t = "The coverage will help X, and our full help for Y stands."
    >>> words = list(re.finditer(r"\\w+", t.lower())); toks, starts = [m.group() for m in words], [m.start() for m in words]
    >>> [_caused_help(t, t.index(w), t.index(w) + 4, toks, starts, toks.index("help", i)) for w, i in (("help X", 0), ("help f", 5))]
    [True, False]
    """
    if text[start:end].lower() == "help" and not (ti > 0 and (tokens[ti - 1] in _MODALS or tokens[ti - 1] == "to")):
        return False
    return _common_noun_subject(text, tokens, tok_starts, ti)


def _named_helper(text: str, tokens: list[str], tok_starts: list[int], ti: int, names: list[tuple[int, int]]) -> bool:
    r"""Whether the verb of helping at token ``ti`` has as its subject a name that is no target's (``names``: the spans of
    the targets' mentions): a third party's help ("Fox News helped Trump enormously"), which the speaker reports, no
    side of the speaker's towards the one helped (a uniform sample of PolNeAR directions, fortieth session); not the
    first person, a pronoun, a common noun of a party ("the government will help X", "our allies") or a target ("Obama
    helped Clinton").

    >>> import re
    >>> def helper(t, names=()):
    ...     words = list(re.finditer(r"\w+(?:'\w+)?|n't", t.lower()))
    ...     ti = next(i for i, m in enumerate(words) if m.group().startswith("help"))
    ...     return _named_helper(t, [m.group() for m in words], [m.start() for m in words], ti, list(names))
    >>> helper("Obama helped X.", [(0, 5)]), helper("Obama helped X.")
    (False, True)
    >>> [helper(t) for t in ("Fox News really helped X.", "We will help X.", "The government will help X.")]
    [True, False, False]
    """
    j = ti - 1
    while j >= 0 and (tokens[j] in _SUBJECT_SKIP or tokens[j] in _BE_AUXILIARIES or tokens[j] in _DEONTIC
                      or tokens[j] in _MODALS or (tokens[j].endswith("ly") and len(tokens[j]) > 4)):
        j -= 1
    if j < 0:
        return False
    found = _TOKEN_RE.match(text, tok_starts[j])
    word = found.group(0) if found else tokens[j]
    return (word[:1].isupper() and _contracted(word.lower()) not in _PRONOUN_SUBJECTS | _SPEAKERS_OWN
            and not any(a <= tok_starts[j] < b for a, b in names))
