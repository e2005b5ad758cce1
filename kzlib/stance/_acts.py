"""Acts of harm in a quote: who does them and what suffers them (Deng & Wiebe 2014, "Sentiment propagation via
implicature constraints"; Deng, Choi & Wiebe 2013, benefactive/malefactive events: a harmful, "badFor", event is
negative for its agent's view of its object, and a judgment of the event is reversed for its object).

- **The speaker's own act against a target** (``_hostile_objects``): "we will crush the uprising", "[he] ordered his
  troops to shoot to kill to quell the national uprising", "we have to stop Donald Trump". A verb of harm, defeat or
  suppression (``hostile_acts`` in ``kzlib/data/stance_cues.yaml``) whose object is a target and whose agent is the
  speaker says that the speaker is against that target, though no word of opinion is used. Only the speaker's act
  counts, never one the speaker reports of others ("the police fired on the protesters", "Sanders vowed to beat
  Trump"): the clause's subject must be the first person ("we", "I", "our forces"), or "he", "she" or "they" in an
  indirect report (mostly the speaker), or the quote must open with the infinitive itself (an indirect report's
  fragment: [vowed] "to eliminate …"). A passive, a noun ("the fight against") and a negated act ("we will not crush
  …") are not; the rules leave out a hypothetical or reported one.
- **What suffers an act of harm, whoever does it** (``_harmed``): "the crackdown on protesters", "violence against the
  protesters", "the killing of protesters" (``harm_phrases``), the object of a verb of ``hostile_acts`` or of an
  agentive cue ("attacked the police"). The act's own word, the sentence's tone and a predicate of the act do not
  evaluate it; a judgment of the act does, reversed (``_judges``: "we condemn the crackdown on protesters" is for the
  protesters).

Added in the thirty-fourth session: on the ru-news kit's real coverage of the crisis, four of the thirteen directions
a coder found and the rules missed were an order to fire on or put down the protests, and one a condemnation of such
an order; "we condemn the crackdown on protesters" had read as against the protesters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from kzlib.stance._objects import _in_object, _last_word, _Mention
from kzlib.stance._predicates import _SUBJECT_SKIP, _contracted, _object_phrase, _others_subject

__all__: list[str] = []


#: the first person as the subject or the subject's determiner ("our forces will …"): the speaker acts
_FIRST_PERSON = frozenset("i we our my us".split())
#: the third person that an indirect report uses for its speaker ("he said he had ordered …")
_REPORTED_SPEAKER = frozenset("he she they".split())
#: a word before the verb that makes it a noun ("the fight against", "their crackdown on"), a passive or a participle
_NOT_A_VERB = frozenset("""a an the this that these those its their his her your my our no any some every each
is are was were be been being get gets got""".split())
#: words that open a clause before its subject ("and we will …", "so that we …")
_OPENERS = frozenset("and but so then now that therefore thus also yet".split())


def _speakers_act(text: str, tokens: list[str], tok_starts: list[int], ti: int, clause_start: Callable[[int], int],
                  sentence: int, *, indirect: bool) -> bool:
    """Whether the verb at token ``ti`` is the speaker's own act: no subject of someone else's right before it
    (``_others_subject``), and its clause (``clause_start`` of a position; where it opens on an infinitive of
    purpose, "…, to end the protests", the sentence from ``sentence``) opens on the first person, on "he"/"she"/"they" in an
    indirect report, or the text opens on its infinitive ("to eliminate …").

    Example:
        >>> import re
        >>> def act(t, w, indirect=False):
        ...     words = list(re.finditer(r"\\w+(?:'\\w+)?|n't", t.lower()))
        ...     ti = next(i for i, m in enumerate(words) if m.group() == w)
        ...     return _speakers_act(t, [m.group() for m in words], [m.start() for m in words], ti,
        ...                          lambda pos: t.rfind(",", 0, pos) + 1, 0, indirect=indirect)
        >>> act("We will crush them.", "crush"), act("Our forces will crush them.", "crush")
        (True, True)
        >>> act("The police crushed them.", "crushed"), act("Security forces crushed them.", "crushed")
        (False, False)
        >>> act("he had ordered his troops to put down the revolt", "put", indirect=True)
        True
        >>> act("he had ordered his troops to put down the revolt", "put"), act("to eliminate them", "eliminate")
        (False, True)
        >>> act("We know the police crushed them.", "crushed"), act("the crackdown", "crackdown")
        (False, False)
        >>> act('he authorized the police to open fire, to end the protests', "end", indirect=True)
        True
    """
    if ti == 0:
        return tokens[0] == "to" if tokens else False
    if tokens[ti - 1] in _NOT_A_VERB or _others_subject(text, tokens, tok_starts, ti, indirect=indirect) >= 0:
        return False
    clause = clause_start(tok_starts[ti])
    first = next((j for j in range(len(tokens)) if tok_starts[j] >= clause), ti)
    if first < ti and tokens[first] == "to":  # "…, to end the protests": the sentence's subject
        first = next((j for j in range(len(tokens)) if tok_starts[j] >= sentence), ti)
    while first < ti and tokens[first] in _OPENERS:
        first += 1
    if first == ti:
        return False  # the clause opens on the verb: an imperative or a fronted phrase, no agent named
    word = _contracted(tokens[first])
    if word in _FIRST_PERSON or (indirect and word in _REPORTED_SPEAKER):
        return True
    # the text opens on the infinitive, adverbs between: an indirect report's fragment ("to 'eliminate' the …")
    return first == 0 and tokens[0] == "to" and all(w in _SUBJECT_SKIP for w in tokens[1:ti])


_NEGATORS = frozenset({"not", "n't", "never"})
_QUOTE_MARKS = frozenset("\"'”’")
_AGENT_BY_RE = re.compile(r"\bby\b", re.I)
#: between an act of harm's object and a predicate of the act: a copula ("the crackdown on X | is | unacceptable")
_COPULA_GAP_RE = re.compile(r"\s*(?:is|are|was|were|has been|have been|had been|would be|will be|remains?|remained)\s+"
                            r"(?:(?:an?|the|so|very|quite|totally|completely|absolutely|entirely|clearly|simply|utterly|"
                            r"deeply|highly|not|never)\s+)*", re.I)


def _negated_act(tokens: list[str], ti: int) -> bool:
    """Whether the verb at token ``ti`` is negated: "not", "n't" or "never" among the auxiliaries and adverbs right
    before it ("we will not crush", "never to end"); not a negator further off ("fire without warning to end").

    >>> _negated_act("we will not crush".split(), 3), _negated_act("without warning to end".split(), 3)
    (True, False)
    """
    j = ti - 1
    while j >= 0 and (tokens[j] in _SUBJECT_SKIP or tokens[j] == "to"):
        if tokens[j] in _NEGATORS:
            return True
        j -= 1
    return False


def _hostile_objects(text: str, mentions: Iterable[_Mention], acts: Iterable[tuple[int, int]], tokens: list[str],
                     tok_starts: list[int], clause_start: Callable[[int], int], sentence_start: Callable[[int], int], *,
                     indirect: bool) -> list[tuple[_Mention, int, int]]:
    """The mentions that are the object of an act of harm of the speaker's (``acts``: the spans of ``hostile_acts``), not
    negated, each once with the act's span: the noun phrase right after the verb (``_object_phrase``) holds the mention.

    Example:
        >>> t = "We will quell the national uprising, and the police dispersed the crowds."
        >>> ms = [_Mention(t.index("the national"), t.index(","), "protesters", "cue", 0.0),
        ...       _Mention(t.index("the crowds"), len(t) - 1, "protesters", "alias", 0.0)]
        >>> acts = [(t.index("quell"), t.index("quell") + 5), (t.index("dispersed"), t.index("dispersed") + 9)]
        >>> words = list(re.finditer(r"\\w+(?:'\\w+)?|n't", t.lower()))
        >>> found = _hostile_objects(t, ms, acts, [w.group() for w in words], [w.start() for w in words],
        ...                          lambda pos: t.rfind(",", 0, pos) + 1, lambda pos: 0, indirect=False)
        >>> [(t[s:e], t[m.start:m.end]) for m, s, e in found]
        [('quell', 'the national uprising')]
    """
    pool = [m for m in mentions if not m.holder]
    if not pool:
        return []
    found: dict[int, tuple[_Mention, int, int]] = {}
    for start, end in acts:
        phrase = _object_phrase(text, end + 1 if text[end:end + 1] in _QUOTE_MARKS else end)  # 'to "eliminate" the …'
        if phrase is None:
            continue
        objects = [m for m in pool if _in_object(text, phrase, m) and id(m) not in found]
        if not objects:
            continue
        ti = max(0, bisect.bisect_right(tok_starts, start) - 1)
        if not _negated_act(tokens, ti) and _speakers_act(text, tokens, tok_starts, ti, clause_start,
                                                           sentence_start(start), indirect=indirect):
            found.update((id(m), (m, start, end)) for m in objects)
    return list(found.values())


def _harmed(text: str, mentions: Iterable[_Mention], acts: Iterable[tuple[int, int]]) -> dict[int, tuple[int, int, int]]:
    """What suffers an act of harm named in the text, whoever does it: a mention in the noun phrase right after an act
    (``acts``: the spans of harm phrases that end on their preposition, ``harm_phrases``: "the crackdown on |
    protesters", "violence against | the protesters", "the killing of | protesters"; of verbs of ``hostile_acts``,
    "crushed | the uprising"; of agentive cues of harm, "attacked | the police"). Keyed by the mention's ``id``: the
    harm word's start and end and the object phrase's end.

    Example:
        >>> t = "We condemn the crackdown on peaceful protesters by police and the attacks of Elbonia."
        >>> ms = [_Mention(t.index("peaceful"), t.index(" by"), "protesters", "favor_term", 1.0),
        ...       _Mention(t.index("Elbonia"), len(t) - 1, "Elbonia", "alias", 0.0)]
        >>> found = _harmed(t, ms, [(t.index("crackdown"), t.index(" peaceful"))])
        >>> [(t[a:b], t[b:e]) for a, b, e in found.values()]
        [('crackdown on', ' peaceful protesters by police')]
    """
    pool = [m for m in mentions if not m.holder]
    out: dict[int, tuple[int, int, int]] = {}
    if not pool:
        return out
    for start, end in acts:
        phrase = _object_phrase(text, end + 1 if text[end:end + 1] in _QUOTE_MARKS else end)
        if phrase is None:
            continue
        for m in pool:
            # not the act's agent in the phrase ("the attacks on the police by the terrorists")
            if _in_object(text, phrase, m) and id(m) not in out and not _AGENT_BY_RE.search(text, phrase[0], m.start):
                out[id(m)] = (start, end, phrase[1])
    return out


def _judges(text: str, start: int, end: int, act: tuple[int, int, int], judgment: re.Pattern[str],
            attitude: re.Pattern[str]) -> bool:
    """Whether the cue at ``start:end`` judges the act of harm ``act`` (its word's start and end, its object's end):
    a verb of judgment (``judgment``) or a noun of attitude (``attitude``) whose own object (``_object_phrase``) holds
    the act ("condemn | the crackdown on …", "criticized | the order … to open fire on …", "support for | the
    crackdown on …"), or a predicate of the act after a copula ("the crackdown on X | is | unacceptable"); not an
    adverb or an adjective of the act ("successfully attack X"), nor what follows its object otherwise ("the
    prosecution of X for alleged violations").

    >>> t = "We condemn the crackdown on X, and they successfully attack X; the attack on X is unacceptable."
    >>> j, a = re.compile("condemn|support"), re.compile("support")
    >>> first, second = (t.index("crackdown"), t.index(" X,"), t.index(",")), (t.index("attack X"), t.index(" X;"), t.index(";"))
    >>> third = (t.index("attack on"), t.index(" X is"), t.index(" is"))
    >>> [_judges(t, s, s + len(w), act, j, a) for w, act in (("condemn", first), ("successfully", second),
    ...                                                        ("unacceptable", third)) for s in [t.index(w)]]
    [True, False, True]
    """
    if start >= act[2]:
        return _COPULA_GAP_RE.fullmatch(text, act[2], start) is not None
    head = _last_word(text, start, end)
    phrase = _object_phrase(text, end) if judgment.fullmatch(text, head, end) else None
    if phrase is None and attitude.fullmatch(text, head, end):  # "support | to stop X": the noun
        phrase = _object_phrase(text, end, noun=True)
    return phrase is not None and phrase[0] <= act[0] < phrase[1]
