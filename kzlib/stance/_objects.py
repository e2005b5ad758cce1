"""What a cue's object and agent are in one text: the target mentions, the topical phrase a cue governs ("the
interference OF exterior forces"), the agent of an act ("NATO aggression"), its direct object, the targets coordinated
with an evaluated one, and the object of a verb of judgment that names no target. Shared by the rule method
(``rules.py``) and its grammar of acts (``_acts.py``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kzlib.stance._predicates import _OF_AFTER_RE, _is_subject, _participle
from kzlib.stance._subjects import _FIRST_PERSON, _THIRD_PERSON, _object_phrase
from kzlib.stance.lexicon import _Lexicon

__all__: list[str] = []


@dataclass
class _Mention:
    start: int
    end: int
    target: str
    kind: str
    polarity: float
    tok: int = 0
    holder: bool = False
    scare_quoted: bool = False
    topic: bool = False  # named by a topic marker ("As for Washington's position, …")
    place: bool = False  # the owner of a place after a locative preposition ("near Russia's borders")


# between a cue and the topical phrase it governs: "interference OF", "condemn the aggression OF", "concern
# over the interference OF" (at most three words of the cue's object noun phrase, no clause break)
_OF_OBJECT_RE = re.compile(r"(?:\s+(?:the|a|an|this|that|these|those|such|its|their))?(?:\s+[\w'-]+){0,3}?"
                           r"\s+(?:of|by|from)\s+(?:the\s+|these\s+|those\s+|such\s+)?", re.I)
_POSSESSOR_RE = re.compile(r"^'s?\s+$", re.I)


def _compound_participle(text: str, start: int, end: int) -> bool:
    """Whether the cue ``text[start:end]`` is the participle of a hyphenated compound adjective, whose first part is
    its object or agent ("a rights-respecting solution", "Kremlin-backed forces"): the verb takes no target as
    its object there (Quirk et al. 1985 §I.59, compound adjectives with a participle).

    >>> t = "a rights-respecting solution and Kremlin-backed forces; they respect Elbonia"
    >>> [_compound_participle(t, t.index(w), t.index(w) + len(w)) for w in ("respecting", "backed", "respect Elbonia")]
    [True, True, False]
    """
    return (start > 1 and text[start - 1] == "-" and text[start - 2].isalnum()
            and text[start:end].lower().endswith(("ing", "ed")))




def _governs(m: _Mention, text: str, start: int, end: int) -> bool:
    """Whether the cue at ``start:end`` has the topical phrase ``m`` as its own object: "the
    interference OF exterior forces", "condemn the aggression OF outside forces", "outside forces'
    interference". Such a cue evaluates what the phrase names, which may be another object than the
    target (outside instigators, not the CSTO's troops); a name or loaded term is the target itself."""
    if m.kind != "cue":
        return False
    return (m.start >= end and _OF_OBJECT_RE.fullmatch(text, end, m.start) is not None) or (
        m.end <= start and _POSSESSOR_RE.fullmatch(text, m.end, start) is not None)


#: a cue that is the predicate of a copula ("would be an unacceptable incursion", "is illegal")
_PREDICATE_RE = re.compile(r"\b(?:is|are|was|were|be|been)\s+(?:(?:an?|the|so|very|quite|totally|completely|"
                           r"absolutely|entirely|clearly|simply|utterly|deeply|highly)\s+)*$", re.I)
_AND_OR_RE = re.compile(r"\s(?:and|or)\s", re.I)
#: what follows the first of two coordinated subjects: a possessive, a list's comma, "and"/"or" or a preposition of
#: its noun phrase ("X's accession to NATO and …", "X and Y are"), not a verb ("X stays neutral and Y is …")
_JOINED_AFTER_NAME_RE = re.compile(r"['’]s?\b|\s*,|\s+(?:and|or|nor|of|to|in|on|for|with|from|at|by|into|over|against)\b",
                                   re.I)
#: a finite verb between two subjects: each has its own predicate ("X is the real conservative and Y is a charlatan")
_OWN_PREDICATE_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|does|do|did)\b", re.I)


def _coordinated(best: _Mention, mentions: list[_Mention], text: str, start: int, end: int, clause: int,
                 clause_start: Callable[[int], int], *, agentive: bool = False) -> list[_Mention]:
    """The mentions of other targets coordinated with ``best``, the target a cue at ``start``–``end`` evaluates
    (one each): where the cue is the predicate of a copula after ``best``, those before it in its clause joined by
    "and"/"or"; where ``best`` is the object right after a verb cue, those right after it joined by "and", "or" or
    a comma ("criticized Sanders and Clinton"; not "praised Sanders and criticized Clinton", nor "X is brave and Y is
    a charlatan", where each subject has its own predicate); where the cue is an act that evaluates its agent
    (``agentive``) and ``best`` its subject, the subjects joined to it ("X and Y lied", "X, Y and Z did a great job")."""
    out: dict[str, _Mention] = {}
    if agentive:
        if best.end <= start:
            first, joined = best, []
            for m in sorted(mentions, key=lambda m: -m.start):
                if m.end <= first.start and _COORDINATED_RE.fullmatch(text, m.end, first.start):
                    joined.append(m)
                    first = m
            # the first of the joined names opens its clause: they are the act's subjects ("X and Y lied"), not an
            # object and another clause's subject ("we love X and Y lied")
            if joined and _is_subject(text, clause_start(first.start), first.start):
                for m in joined:
                    if m.target != best.target:
                        out.setdefault(m.target, m)
    elif best.end <= start and _PREDICATE_RE.search(text, max(best.end, start - 30), start):
        for m in mentions:
            if m.target != best.target and m.end <= best.start and clause_start(m.start) == clause \
                    and best.start - m.end <= 120 and _AND_OR_RE.search(text, m.end, best.start) \
                    and _JOINED_AFTER_NAME_RE.match(text, m.end) and not _OWN_PREDICATE_RE.search(text, m.end, best.start):
                out.setdefault(m.target, m)
    elif best.start >= end and _OBJECT_GAP_RE.fullmatch(text, end, best.start):
        last = best
        for m in sorted(mentions, key=lambda m: m.start):
            if m.start >= last.end and _COORDINATED_RE.fullmatch(text, last.end, m.start):
                if m.target != best.target:
                    out.setdefault(m.target, m)
                last = m
    return list(out.values())


#: between a verb cue and its object: a space, and perhaps an article or a title ("criticized the", "praised Sen.")
_OBJECT_GAP_RE = re.compile(r"\s+(?:(?:the|a|an|President|Sen\.|Senator|Gov\.|Governor|Rep\.|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)?")


# a cue coordinated with a countered one ("to fight violence and crime", "violence, crime or chaos"); also the
# targets coordinated as a verb's objects (_coordinated)
_COORDINATED_RE = re.compile(r"(?:,\s+|\s+(?:and|or)\s+)(?:(?:the|other|all|any)\s+)?")
_AGENT_BEFORE_RE = re.compile(r"(?:'s?)?\s+")  # "NATO aggression", "Russia's interference"
_AGENT_AFTER_RE = re.compile(r"\s+(?:of|by|from)\s+(?:the\s+)?")  # "the interference of the West"


def _agent_of(m: _Mention, text: str, start: int, end: int) -> bool:
    """Whether the mention ``m`` is the agent of the cue at ``start:end``: named right before it (a
    modifier or possessor) or in its of/by/from phrase right after it."""
    return ((m.end <= start and _AGENT_BEFORE_RE.fullmatch(text, m.end, start) is not None)
            or (m.start >= end and _AGENT_AFTER_RE.fullmatch(text, end, m.start) is not None))


_NOUN_OBJECT_AFTER_RE = re.compile(r"\s+(?:for|of)\b", re.I)
#: between an object and a target coordinated with it: list items, then "and"/"or" (not ", and": mostly a new clause)
#: (no "\s*" after the comma: the item's characters take its spaces, so that a run of spaces has one reading, not
#: exponentially many)
_COORDINATED_OBJECT_RE = re.compile(r"(?:,[^,.;:!?()]{1,40}?)*\s+(?:and|or)\s+(?:the\s+)?")


def _last_word(text: str, start: int, end: int) -> int:
    """Where the last word of the cue phrase at ``start:end`` starts ("full support": "support")."""
    return max(start, text.rfind(" ", start, end) + 1)


#: verbs of agreement, whose object follows "with" ("agrees with this sentiment")
_WITH_VERBS = frozenset("agree agrees agreed agreeing disagree disagrees disagreed disagreeing".split())
_WITH_RE = re.compile(r"\s+with\b", re.I)
#: a personal pronoun as a verb's object ("accusing him of …", "praised her for …"; "her" where no noun follows), or a
#: noun phrase a possessive pronoun opens ("criticized her campaign for …")
_PRONOUN_OBJECT_RE = re.compile(r"\s+(?:him|them|her(?=\s*(?:[,.;:!?]|$|\s(?:of|for|over|as|because|after|in|at|on|"
                                r"and|to|with|about)\b))|(?P<possessive>his|her|their|its)(?:\s+own)?(?=\s+[A-Za-z]))\b",
                                re.I)
#: the sex a personal pronoun gives its referent ("they", "them", "its": none), as subject or object
_PRONOUN_SEXES = {"he": "m", "she": "f", "him": "m", "his": "m", "her": "f"}
#: between a pronoun object and a name in apposition to it ("support him, Dorn, all the way", "them, especially Dorn")
_APPOSED_RE = re.compile(r"\s*[,—–-]+\s*(?:(?:especially|including|notably|namely|particularly|above\s+all)\s+)?"
                         r"(?:(?:the|a)\s+)?", re.I)


def _other_object(text: str, start: int, end: int, mentions: list[_Mention], lex: _Lexicon, *,
                  sexes: dict[str, str] | None = None) -> bool:
    """Whether the cue at ``start:end`` is a verb of judgment ("support", "criticised") or a noun of attitude
    ("opposition to") whose own object (:func:`kzlib.stance._subjects._object_phrase`) names no target: it
    evaluates that object ("I ask you to support this slate", "her opposition to abortion", "agrees with this
    sentiment", "accusing him of endorsing X" where no target comes before it in its sentence), not a target elsewhere
    in the sentence. ``sexes`` (target -> "m"/"f"): a target of the other sex before "him"/"her" is not what the pronoun
    stands for ("bolting Clinton and backing him")."""
    head = _last_word(text, start, end)
    verb = lex.judgment_re.fullmatch(text, head, end) or lex.judgment_re.fullmatch(text, start, end)  # "vote for"
    found = _object_phrase(text, end) if verb else None
    if found is None and text[head:end].lower() in _WITH_VERBS and (with_ := _WITH_RE.match(text, end)) is not None:
        found = _object_phrase(text, with_.end())  # "agrees with this sentiment": its object is the sentiment
    if found is None and lex.attitude_noun_re.fullmatch(text, head, end):
        found = _object_phrase(text, end, noun=True)
    if found is None and verb and (pronoun := _PRONOUN_OBJECT_RE.match(text, end)) is not None:
        # a pronoun object ("accusing him of endorsing X"): it refers back, so a target named after it in its sentence
        # is no object of the verb; only one named before it (or in the quote's context) may be what it stands for
        stop = max(text.rfind(". ", 0, start), text.rfind("! ", 0, start), text.rfind("? ", 0, start))
        opened = stop + 2 if stop >= 0 else 0  # where the cue's sentence opens
        sex = _PRONOUN_SEXES.get(pronoun.group(0).split()[-1].lower(), "")
        before = [m for m in mentions if opened <= m.start < start]
        if not any((sexes or {}).get(m.target, sex) == sex for m in before) and (
                (bool(before) and bool(sex))  # only targets of the other sex before it: someone else
                or (any(m.start >= end for m in mentions) and not any(
                    _APPOSED_RE.fullmatch(text, pronoun.end(), m.start) for m in mentions if m.start >= pronoun.end()))):
            rest = _object_phrase(text, pronoun.end()) if pronoun.group("possessive") else None  # "her Republican rival X"
            found = (pronoun.start() + len(pronoun.group(0)) - len(pronoun.group(0).lstrip()),
                     rest[1] if rest is not None else pronoun.end())
    return found is not None and not any(_in_object(text, found, m) for m in mentions)


def _in_object(text: str, phrase: tuple[int, int], m: _Mention) -> bool:
    """Whether the mention ``m`` starts in the object noun phrase ``phrase`` (its start and end), or is coordinated
    with it after it ("Ukraine and Elbonia", "Ukraine, Georgia or Elbonia").

    >>> t = "support Ukraine, Georgia or Elbonia now"
    >>> [_in_object(t, (8, 15), _Mention(t.index(w), t.index(w) + len(w), w, "alias", 0.0)) for w in ("Ukraine", "Elbonia")]
    [True, True]
    """
    return phrase[0] <= m.start < phrase[1] or (
        m.start >= phrase[1] and _COORDINATED_OBJECT_RE.fullmatch(text, phrase[1], m.start) is not None)


_RIGHT_RE = re.compile(r"\bright\b", re.I)
#: who holds a right, before it: a possessor ("the public's right", "his right"), someone given or denied it ("gives
#: voters the right"), or the subject of "have" ("voters did not have the right", "X has no right")
_RIGHT_POSSESSOR_RE = re.compile(r"(?P<np>(?:\b(?:the|a|an|this|that|these|those)\s+)?[\w.-]+['’]s?|\b(?:his|her|their|its|our|my|your))\s+$",
                                 re.I)
_RIGHT_GIVEN_RE = re.compile(r"\b(?:giv(?:e|es|ing)|gave|given|grant(?:s|ed|ing)?|den(?:y|ies|ied|ying))\s+"
                             r"(?P<np>(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+)\s+(?:the\s+|any\s+)?$", re.I)
_RIGHT_HAVE_RE = re.compile(r"(?P<np>(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+)\s+(?:(?:do|does|did)(?:\s+not|n['’]t)\s+have|has|have|had)"
                            r"\s+(?:no\s+|not\s+|the\s+|every\s+|a\s+)*$", re.I)
_RIGHT_OF_RE = re.compile(r"\s+(?P<np>(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+)(?=\s+to\b|[,.;:]|$)", re.I)
#: common nouns of people, capitalised only at a sentence's start ("Voters did not have the right …")
_COMMON_HOLDERS = frozenset("""the a an this that these those voters people citizens residents women men workers
americans public everyone parents students patients families taxpayers""".split())


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` opens a sentence: only spaces, or nothing, since a full stop, a question or
    exclamation mark or a quotation mark (a few characters looked at, not the text before).

    >>> _opens_sentence("It rained. Voters stayed home.", 11), _opens_sentence("It rained and Voters left.", 14)
    (True, False)
    """
    j = pos - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j < 0 or text[j] in '.!?"“”'



def _right_elsewhere(text: str, start: int, end: int, mentions: list[_Mention]) -> bool:
    """Whether the cue at ``start:end`` is a right ("the right to", "did not have the right") whose holder is named
    and is no target: a right favours or is denied to its holder ("the public's right to know the truth about X",
    "gives voters the right to choose X", "voters did not have the right to choose X"), not what it is a right to.
    A holder named by "of" after it ("the right of X to") counts too; a third-person pronoun may be a target's (not
    elsewhere); the first person is the speaker's own side.

    Example:
        >>> t = "a victory for the public's right to know the truth about Elbonia"
        >>> m = [_Mention(t.index("Elbonia"), t.index("Elbonia") + 7, "Elbonia", "alias", 0.0)]
        >>> s = t.index("right"); _right_elsewhere(t, s, s + 8, m)
        True
        >>> t = "Nobody will query the right of Elbonia to invite troops, or the right of voters to choose."
        >>> m = [_Mention(t.index("Elbonia"), t.index("Elbonia") + 7, "Elbonia", "alias", 0.0)]
        >>> s = t.index("right"); _right_elsewhere(t, s, s + 8, m), _right_elsewhere(t, t.index("query"), s + 5, m)
        (False, False)
        >>> s = t.rindex("right"); _right_elsewhere(t, s, s + 8, m)
        True
        >>> [_right_elsewhere(t, t.index("the right"), t.index("the right") + 12, []) for t in (
        ...  "Voters did not have the right to choose.", "We have the right to defend ourselves.",
        ...  "He has the right to defend himself.", "There is the right to self-defence.")]
        [True, True, False, False]
    """
    found = _RIGHT_RE.search(text, start, end)
    if found is None:
        return False
    word_at = found.start()
    holder: tuple[int, int] | None = None
    of = _OF_AFTER_RE.match(text, found.end())
    if of is not None:
        after = _RIGHT_OF_RE.match(text, of.end())
        holder = after.span("np") if after else None
    else:
        before = text[max(0, word_at - 80):word_at]
        offset = max(0, word_at - 80)
        for rx in (_RIGHT_GIVEN_RE, _RIGHT_HAVE_RE, _RIGHT_POSSESSOR_RE):
            hit = rx.search(before)
            if hit is not None:
                holder = (offset + hit.start("np"), offset + hit.end("np"))
                break
    if holder is None:
        return False
    found_words = list(re.finditer(r"[\w'’]+", text[holder[0]:holder[1]]))
    words = {w.group(0).lower() for w in found_words}
    if words & (_THIRD_PERSON | {"him", "them"}):
        return False  # a pronoun: perhaps a target's
    if words & _FIRST_PERSON:
        return True
    if any(w.group(0)[0].isupper() and not (w.group(0).lower() in _COMMON_HOLDERS and _opens_sentence(text, holder[0] + w.start()))
           for w in found_words):
        return False  # a named party's right to act ("the right of Kazakhstan to invoke Article 4"): its act may be a target's
    return not any(holder[0] <= m.start < holder[1] for m in mentions)


#: the first person as a copula's subject right before a cue ("I'm", "we are not", "I was really a"); not "you", often
#: a target addressed ("Mr. X, you are a liar")
_SELF_SUBJECT_RE = re.compile(r"\b(?:I|we)(?:\s*['’](?:m|re)|\s+(?:am|are|was|were)|(?:\s*['’]ll|\s+(?:can|could|will|would|"
                              r"should|must|might|may|need\s+to|have\s+to|want\s+to|cannot|can['’]t|won['’]t))"
                              r"(?:\s+not|n['’]t)?\s+be)\s+"
                              r"(?:not\s+)?(?:\w+ly\s+)?(?:(?:more|less|so|too|very|even|much|far|a\s+lot|a\s+bit|a\s+little)\s+)*"
                              r"(?:(?:an?|the)\s+)?$", re.I)  # "we can be more aggressive"
#: what may follow a predicate that takes no object: the end of a clause, or an infinitive ("unfit to judge X")
_NO_OBJECT_AFTER_RE = re.compile(r"\s*(?:[,.;:!?\"”')—–-]|$|\s(?:and|but|or|now|too|either)\b)"
                                 r"|\s+to\s+(?!(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|any|all)\b)[a-z]+\b",
                                 re.I)
#: a prepositional phrase to the clause's end after an adjective ("we can be more aggressive | with that,")
_PHRASE_AFTER_RE = re.compile(r"\s+(?:with|about|in|on|at)\s+[^,.;:!?\"”]{0,60}?(?=[,.;:!?\"”]|$)", re.I)
_CAPITAL_AFTER_TO_RE = re.compile(r"\s+to\s+[A-Z]")


def _said_of_self(text: str, start: int, end: int, mentions: list[_Mention]) -> bool:
    """Whether the cue at ``start:end`` is the complement of a copula whose subject is the speaker, and takes no object:
    a quality the speaker says of themself ("Jeb doesn't believe I'm unhinged", "I am unfit to judge X", "I'm qualified to
    be president"), not of a target named elsewhere in the sentence. An adjective with an object ("we are opposed to
    X", "I am opposed to peacekeepers": a target named right after "to") is not.

    Example:
        >>> t = "Elbonia does not believe I'm unhinged, and we are opposed to Elbonia."
        >>> _said_of_self(t, t.index("unhinged"), t.index("unhinged") + 8, []), _said_of_self(t, t.index("opposed"), t.index("opposed") + 7, [])
        (True, False)
        >>> t = "Elbonia is unhinged, but I am unfit to judge Elbonia."
        >>> _said_of_self(t, t.index("unhinged"), t.index("unhinged") + 8, []), _said_of_self(t, t.index("unfit"), t.index("unfit") + 5, [])
        (False, True)
        >>> t = "Elbonia sent people back, so we can be more aggressive with that."
        >>> _said_of_self(t, t.index("aggressive"), t.index("aggressive") + 10, [])
        True
        >>> t = "Elbonia sent people back, so we can be more aggressive with Elbonia."
        >>> m = _Mention(t.index("Elbonia."), t.index("Elbonia.") + 7, "Elbonia", "alias", 0.0)
        >>> _said_of_self(t, t.index("aggressive"), t.index("aggressive") + 10, [m])
        False
    """
    if _SELF_SUBJECT_RE.search(text, max(0, start - 40), start) is None:
        return False
    if " to " in text[start:end]:
        return True  # the cue holds its own infinitive ("qualified to be")
    after = _NO_OBJECT_AFTER_RE.match(text, end)
    word = text[start:end].lower()
    if after is None and " " not in word and not word.endswith("ing") and not _participle(word):
        after = _PHRASE_AFTER_RE.match(text, end)  # an adjective's phrase; not a verb's ("we're asking … on that", "we
        # were attacked in our homes": a passive, something done to the speakers)
    return after is not None and _CAPITAL_AFTER_TO_RE.match(text, end) is None and not any(
        end < m.start <= after.end() for m in mentions)


def _modifies(text: str, start: int, end: int, m: _Mention) -> bool:
    """Whether the modifier cue at ``start:end`` ("so-called") is said of the mention ``m``: in the noun phrase it heads
    (at most four capitalised words, articles or quotation marks between: "so-called 'peaceful demonstrators'", "the
    so-called leader Jan Dorn"; "so-called moderates like X"), its possessor ("X's so-called reforms"), or predicated of
    it ("X is a so-called conservative").

    >>> t = "Dorn is a so-called conservative, and the so-called experts say Smith is right."
    >>> [_modifies(t, t.index(w), t.index(w) + 9, _Mention(t.index(n), t.index(n) + 4, n, "alias", 0.0))
    ...  for w, n in (("so-called c", "Dorn"), ("so-called e", "Smith"))]
    [True, False]
    """
    if m.start >= end:
        gap = text[end:m.start].split()
        return (len(gap) <= 4 and all(w[:1].isupper() or w.lower() in ("the", "a", "an") or not w[:1].isalnum()
                                      for w in gap)) or (len(gap) <= 3 and gap[-1:] == ["like"])  # "so-called moderates like X"
    return m.end <= start and (_PREDICATED_RE.fullmatch(text, m.end, start) is not None
                               or _POSSESSIVE_GAP_RE.fullmatch(text, m.end, start) is not None)  # "X's so-called reforms"


_POSSESSIVE_GAP_RE = re.compile(r"['’]s?\s+")
_PREDICATED_RE = re.compile(r"\s+(?:is|was|are|were|['’]s|remains|became|becomes)\s+(?:(?:a|an|the|just|only|really|"
                            r"nothing\s+but)\s+)*", re.I)


#: a passive auxiliary right before a manner adverb ("had been | successfully hacked"), and the participle after it
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:be|been|being|is|are|was|were|get|gets|got|gotten)\s+[\"“']{0,2}$", re.I)
_WORD_AFTER_RE = re.compile(r"\s+([a-z]+)\b")
_BY_AFTER_RE = re.compile(r"\s+by\b", re.I)  # the passive's agent named: the adverb is said of it


def _passive_manner(text: str, start: int, end: int) -> bool:
    """Whether the cue at ``start:end`` is a manner adverb of a passive verb ("X's account had been | successfully |
    hacked"): it evaluates how the unnamed agent acted, not the passive's subject; not where a "by" names the agent
    ("were illegally detained by Elbonia": the usual reading of the cue).

    >>> t = "Elbonia's email had been successfully hacked, and Ruritania successfully defended it."
    >>> [_passive_manner(t, t.index(w), t.index(w) + 12) for w in ("successfully hacked", "successfully defended")]
    [True, False]
    >>> t = "The protesters were illegally detained by Elbonia."
    >>> _passive_manner(t, t.index("illegally"), t.index("illegally") + 9)
    False
    """
    if not text[start:end].lower().endswith("ly") or _PASSIVE_BEFORE_RE.search(text, max(0, start - 8), start) is None:
        return False
    after = _WORD_AFTER_RE.match(text, end)
    return after is not None and _participle(after.group(1)) and not _BY_AFTER_RE.match(text, after.end())


#: a possessive after a name, then up to three lower-case words of its noun phrase
_POSSESSED_WORDS_RE = re.compile(r"['’]s?((?:\s+[A-Za-z][\w-]*){1,3})")
_PHRASE_STOP = frozenset("of on in at to for with by from about over against and or but who that which".split())
#: what may follow the head of a noun phrase: punctuation or the text's end, a name in apposition ("X's in-laws the
#: Kushners"), a preposition, a conjunction, a relative, an auxiliary or a copula (not another noun: "X's family | values")
_PHRASE_END_RE = re.compile(r"\s*(?:[.,;:!?)\"—–-]|$)|\s+(?:the\s+)?(?-i:[A-Z])|\s+(?:of|on|in|at|to|for|with|by|from|about|over|against|and|or|but|"
                            r"who|whom|that|which|is|are|was|were|has|have|had|will|would|can|could|should|must|may|"
                            r"might|do|does|did|say|said|says)\b", re.I)


def _people_possessor(text: str, m: _Mention, heads: frozenset[str]) -> bool:
    """Whether the mention ``m`` is the possessor of people (``heads``: "X's supporters", "X's Jewish in-laws"): what is
    said of them, or done to them, is not said of it.

    >>> t = "friendly with Trump's Jewish in-laws, not Trump's policies nor Trump's family values"
    >>> heads = frozenset({"in-laws", "supporters", "family"})
    >>> [_people_possessor(t, _Mention(t.index(w), t.index(w) + 5, "T", "alias", 0.0), heads)
    ...  for w in ("Trump's J", "Trump's p", "Trump's f")]
    [True, False, False]
    """
    found = _POSSESSED_WORDS_RE.match(text, m.end)
    if found is None:
        return False
    for word in found.group(1).split():
        if word in heads:  # a lower-case head ("Citizens United" names a thing) that ends its noun phrase ("X's family
            # values", "X's workers' rights bill", "X's team spirit" are the possessor's)
            at = found.start(1) + found.group(1).index(word) + len(word)
            return _PHRASE_END_RE.match(text, at) is not None
        if word.lower() in _PHRASE_STOP:
            return False
    return False
