"""Acts of harm in a quote: who does them and what suffers them (Deng & Wiebe 2014, "Sentiment propagation via
implicature constraints"; Deng, Choi & Wiebe 2013, benefactive/malefactive events: a harmful, "badFor", event is
negative for its agent's view of its object, and a judgment of the event is reversed for its object).

- **The speaker's own act against a target** (``_hostile_objects``): "we will crush the uprising", "[he] ordered his
  troops to shoot to kill to quell the national uprising", "we have to stop Donald Trump". A verb of harm, defeat or
  suppression (``hostile_acts`` in ``kzlib/data/stance_cues.yaml``) whose object is a target and whose agent is the
  speaker says that the speaker is against that target, though no word of opinion is used. Only the speaker's act
  counts, never one the speaker reports of others ("the police fired on the protesters", "Sanders vowed to beat
  Trump", "our enemies want to destroy X"): the verb's own subject must be the first person ("we", "I", "let's"), or
  "he", "she" or "they" in an indirect report (mostly the speaker), or the quote must open with the infinitive itself
  (an indirect report's fragment: [vowed] "to eliminate …"). A passive, a noun ("the fight against"), a negated or
  refused act ("we will not crush …", "we do not want to destroy …", "refused to fire on …") and a target that is not
  the object's head ("end the occupation of X") are not; the rules leave out a hypothetical or reported one.
- **What suffers an act of harm, whoever does it** (``_harmed``): "the crackdown on protesters", "violence against the
  protesters", "the killing of protesters" (``harm_phrases``), the object of a verb of ``hostile_acts`` or of an
  agentive cue ("attacked the police"), the head of its object only. The act's own word and the sentence's tone do
  not evaluate it; a judgment of the act (``_judges``) or a predicate of it does, reversed: "we condemn the crackdown
  on protesters" and "the crackdown on protesters was brutal" are for the protesters; not a judgment of its end, "we
  welcome the end of the crackdown".

Added in the thirty-fourth session: on the ru-news kit's real coverage of the crisis, four of the thirteen directions
a coder found and the rules missed were an order to fire on or put down the protests, and one a condemnation of such
an order; "we condemn the crackdown on protesters" had read as against the protesters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping

from kzlib.actors import speaker_words
from kzlib.stance._objects import _PRONOUN_SEXES, _agent_of, _last_word, _Mention
from kzlib.stance._predicates import _OF_AFTER_RE, _PERSON_HEADS
from kzlib.stance._subjects import _NOUN_DETERMINERS, _OBJECT_TOKEN_RE, _SUBJECT_SKIP, _active_verb, _contracted

__all__: list[str] = []


#: the first person as the subject: the speaker acts ("we will …", "I can beat …", "let's defeat …"); not "our" or "my",
#: whose noun may be anyone ("our enemies want to destroy …")
_FIRST_PERSON = frozenset("i we let's".split())
#: what may stand before an imperative that opens its sentence: spaces, a dash or a bracket; not a quotation mark (a
#: call the quote quotes, "'Beat Clinton!' he screamed", is someone else's)
_IMPERATIVE_RE = re.compile(r"[\s(—–-]*")
#: past forms among the acts' words, never an imperative ("Shot at Trump rally, a man was arrested")
_PAST_FORMS = frozenset("shot fought overthrew".split())
#: the third person that an indirect report uses for its speaker ("he said he had ordered …")
_REPORTED_SPEAKER = frozenset("he she they".split())
#: a word before the verb that makes it a noun ("the fight against", "their crackdown on"), a passive or a participle
_NOT_A_VERB = frozenset("""a an the this that these those its their his her your my our no any some every each
is are was were be been being get gets got""".split())
#: words that open a clause before its subject ("and we will …", "so that we …")
_OPENERS = frozenset("and but so then now that therefore thus also yet".split())
#: negators, and verbs that deny the act after them ("refused to fire on", "failed to stop")
_NEGATORS = frozenset("not n't never no nobody neither nor".split())
_DENIALS = frozenset("refuse refuses refused refusing decline declines declined declining fail fails failed failing avoid "
                     "avoids avoided avoiding".split())
#: between a negator and the act: an intention or permission and its infinitive ("do not want to destroy", "have no
#: intention to", "are not here to", "will not allow anyone to")
_INTENTION = frozenset("""to want wants wanted wanting seek seeks sought seeking intend intends intended intention
intentions plan plans planned try tries tried trying going gonna here there allow allows allowed let lets anyone anybody
wish wishes wished hope hopes hoped aim aims aimed mean means meant need needs needed ready prepared able willing""".split())
#: words that may stand between an act and its object's head: determiners ("crush | the | uprising")
_DETERMINERS = (_NOUN_DETERMINERS - {"no"}) | {"that", "all", "such", "both"}
#: words that end an object's head or make the word before them a modifier, not the object ("Elbonia's enemies",
#: "Elbonia from collapsing", "the enemies of Elbonia")
_NOT_A_HEAD = frozenset("""of from in at on for with by to into onto about over under after before during against
among amongst amid between through throughout without within alongside beside besides behind beyond toward towards across
around near like unlike despite via upon inside outside along and or but nor as than""".split())
#: a preposition before a gerund: the clause after it has its own subject ("accuse X of | trying to crush …")
_GERUND_PREPOSITIONS = frozenset("of for from by about against".split())
_QUOTE_MARKS = frozenset("\"'”’")
_AGENT_BY_RE = re.compile(r"\bby\b", re.I)
#: between an act of harm's object and a predicate of the act: a copula ("the crackdown on X | is | unacceptable")
_COPULA_GAP_RE = re.compile(r"\s*(?:is|are|was|were|has been|have been|had been|would be|will be|remains?|remained)\s+"
                            r"(?:(?:an?|the|so|very|quite|totally|completely|absolutely|entirely|clearly|simply|utterly|"
                            r"deeply|highly|not|never)\s+)*", re.I)
#: between a judgment and the act it judges: an order, a decision or a use of force whose content the act is ("criticized
#: | the order of the president to | open fire on", "condemn | the use of | force against")
_DIRECTIVE_RE = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?(?:[a-z]+\s+){0,2}?(?:(?:order|orders|decision|decisions|decree|"
    r"command|commands|instruction|instructions|call|calls|attempt|attempts|plan|plans|threat|threats|campaign)"
    r"(?:\s+(?:of|by)\s+[^,.;:!?()]{1,40}?)?\s+to\s+|(?:excessive\s+|lethal\s+|disproportionate\s+)?use\s+of\s+)", re.I)


def _speakers_act(text: str, tokens: list[str], tok_starts: list[int], ti: int, clause_start: Callable[[int], int],
                  sentence: int, *, indirect: bool) -> bool:
    """Whether the verb at token ``ti`` is the speaker's own act: a base form that opens its sentence (``sentence``: where
    it starts), an imperative ("Stop X!"); the word before it (auxiliaries, modals and adverbs skipped) is the first
    person ("we will crush"), "he"/"she"/"they" in an indirect report, or the "to" of an
    infinitive whose clause (``clause_start`` of a position; where it opens on an infinitive of purpose, "…, to end the
    protests", the sentence from ``sentence``) opens on one of them, or the text opens on it ("to eliminate …"). Any
    other word before the verb is someone else's subject ("the police crushed", "we saw police fire on"), a preposition
    ("for killing"), or makes the verb a noun ("the crackdown").

    Example:
        >>> import re
        >>> def act(t, w, indirect=False):
        ...     words = list(re.finditer(r"\\w+(?:'\\w+)?|n't", t.lower()))
        ...     ti = next(i for i, m in enumerate(words) if m.group() == w)
        ...     return _speakers_act(t, [m.group() for m in words], [m.start() for m in words], ti,
        ...                          lambda pos: t.rfind(",", 0, pos) + 1, 0, indirect=indirect)
        >>> act("We will crush them.", "crush"), act("Our enemies will crush them.", "crush")
        (True, False)
        >>> act("The police crushed them.", "crushed"), act("We saw police fire on them.", "fire")
        (False, False)
        >>> act("he had ordered his troops to put down the revolt", "put", indirect=True)
        True
        >>> act("he had ordered his troops to put down the revolt", "put"), act("to eliminate them", "eliminate")
        (False, True)
        >>> act("We blame them for killing people.", "killing"), act("the crackdown", "crackdown")
        (False, False)
        >>> act("We accuse them of trying to crush the protests.", "crush")
        False
        >>> act('he authorized the police to open fire, to end the protests', "end", indirect=True)
        True
        >>> act("Stop Trump!", "stop"), act("Suppress the revolt.", "suppress"), act("Stopping Trump is hard.", "stopping")
        (True, True, False)
        >>> act("'Beat Clinton!' he screamed.", "beat"), act("Shot at the rally, he fell.", "shot")
        (False, False)
    """
    verb = tokens[ti]
    if _IMPERATIVE_RE.fullmatch(text, sentence, tok_starts[ti]) and verb not in _PAST_FORMS and not (
            verb.endswith(("ed", "ing")) or (verb.endswith("s") and not verb.endswith("ss"))):
        return True  # a call that opens its sentence, the speaker's ("Stop Trump!", "Dump Trump.", "Crush the revolt!")
    if ti == 0 or tokens[ti - 1] in _NOT_A_VERB:
        return False  # no subject, or a noun, a passive, a participle
    j = ti - 1
    while j > 0 and _contracted(tokens[j]) in _SUBJECT_SKIP and tokens[j] not in _FIRST_PERSON:
        j -= 1
    word = _contracted(tokens[j])
    if word in _FIRST_PERSON or (indirect and word in _REPORTED_SPEAKER):
        return True
    if word != "to":
        return False
    clause = clause_start(tok_starts[ti])
    first = next((k for k in range(len(tokens)) if tok_starts[k] >= clause), ti)
    if first < ti and tokens[first] == "to":  # "…, to end the protests": the sentence's subject
        if first == 0:
            return True  # the text opens on the infinitive: an indirect report's fragment ("to 'eliminate' the …")
        first = next((k for k in range(len(tokens)) if tok_starts[k] >= sentence), ti)
    while first < ti and tokens[first] in _OPENERS:
        first += 1
    if any(tokens[k] in _GERUND_PREPOSITIONS and tokens[k + 1].endswith("ing") for k in range(first, ti - 1)):
        return False  # "we accuse X of | trying to crush …": the gerund's subject is the object before it
    word = _contracted(tokens[first]) if first < ti else ""
    return word in _FIRST_PERSON or (indirect and word in _REPORTED_SPEAKER) or (first == 0 and word == "to")


def _negated_act(tokens: list[str], ti: int) -> bool:
    """Whether the act at token ``ti`` is negated or denied: a negator or a verb of denial among the auxiliaries,
    adverbs, intentions and infinitives right before it ("we will not crush", "we do not want to destroy", "have no
    intention to", "will not allow anyone to", "refused to fire on"); not a negator further off ("fire without warning
    to end").

    >>> [_negated_act(t.split(), len(t.split()) - 1) for t in ("we will not crush", "we do n't want to destroy",
    ...      "we refused to fire", "fire without warning to end", "we will crush")]
    [True, True, True, False, False]
    """
    j = ti - 1
    while j >= 0:
        word = _contracted(tokens[j])
        if word in _NEGATORS or word in _DENIALS:
            return True
        if word not in _SUBJECT_SKIP and word not in _INTENTION:
            return False
        j -= 1
    return False


def _title(word: str) -> bool:
    """Whether a capitalised word before a name is its title or party label (``speaker_words().titles``: "Democrat
    Hillary Clinton", "Sen. X", "former Gov. Y"), not another name.

    >>> _title("Sen."), _title("Republican"), _title("Bill")
    (True, True, False)
    """
    titles = speaker_words().titles
    low = word.lower()
    return low in titles or low.rstrip(".") in titles or low + "." in titles


def _heads(text: str, end: int, pool: list[_Mention], starts: list[int]) -> list[_Mention]:
    """The mentions that are the head of the object noun phrase right after ``end`` (an act's verb or preposition):
    determiners, adjectives and titles before it ("crush | the national | uprising", "over | Republican | X"), no
    preposition, gerund or clause break;
    not a possessor or a modifier ("Elbonia's enemies", "Elbonia from collapsing"); and a mention coordinated with it
    after "and"/"or" that is not itself the subject of what follows ("stop Trump or Cruz after …"; not "… and Elbonia
    will thank us").

    >>> t = "crush the national uprising or Elbonia, stop Elbonia's army and Elbonia will"
    >>> ms = [_Mention(t.index(w), t.index(w) + len(w), w, "alias", 0.0) for w in ("uprising", "Elbonia,")]
    >>> ms[1].end -= 1
    >>> [t[m.start:m.end] for m in _heads(t, 5, ms, [m.start for m in ms])]
    ['uprising', 'Elbonia']
    """
    found: list[_Mention] = []
    pos = end + 1 if text[end:end + 1] in _QUOTE_MARKS else end
    i = bisect.bisect_left(starts, pos)
    words = 0
    while i < len(pool):
        m = pool[i]
        gap = _OBJECT_TOKEN_RE.findall(text, pos, m.start)
        if found:  # a coordinated one: "and"/"or" (and an article) only
            if not gap or gap[0].lower() not in ("and", "or") or any(w.lower() not in ("the",) for w in gap[1:]):
                break
        elif any(not w[0].isalpha() and w not in _QUOTE_MARKS for w in gap) or any(
                w.lower() in _NOT_A_HEAD or w.lower().endswith("ing") or (
                    w[0].isupper() and w.lower() not in _DETERMINERS and not _title(w))
                or w.lower() in ("not", "no") for w in gap) or words + len(gap) > 4:
            break
        after = _OBJECT_TOKEN_RE.findall(text, m.end, min(len(text), m.end + 40))[:2]
        nxt = after[0].lower() if after else ""
        if nxt in ("'s", "’s", "'", "’") or nxt in ("of", "from") or (found and nxt.isalpha() and nxt not in _NOT_A_HEAD):
            break
        found.append(m)
        pos, i = m.end, i + 1
    return found


def _hostile_objects(text: str, mentions: Iterable[_Mention], acts: Iterable[tuple[int, int]], tokens: list[str],
                     tok_starts: list[int], clause_start: Callable[[int], int], sentence_start: Callable[[int], int], *,
                     indirect: bool) -> list[tuple[_Mention, int, int]]:
    """The mentions that are the object of an act of harm of the speaker's (``acts``: the spans of ``hostile_acts``), not
    negated, each once with the act's span: the head of the noun phrase right after the verb (``_heads``).

    Example:
        >>> t = "We will quell the national uprising, and the police dispersed the crowds."
        >>> ms = [_Mention(t.index("uprising"), t.index(","), "protesters", "cue", 0.0),
        ...       _Mention(t.index("the crowds"), len(t) - 1, "protesters", "alias", 0.0)]
        >>> acts = [(t.index("quell"), t.index("quell") + 5), (t.index("dispersed"), t.index("dispersed") + 9)]
        >>> words = list(re.finditer(r"\\w+(?:'\\w+)?|n't", t.lower()))
        >>> found = _hostile_objects(t, ms, acts, [w.group() for w in words], [w.start() for w in words],
        ...                          lambda pos: t.rfind(",", 0, pos) + 1, lambda pos: 0, indirect=False)
        >>> [(t[s:e], t[m.start:m.end]) for m, s, e in found]
        [('quell', 'uprising')]
    """
    pool = sorted((m for m in mentions if not m.holder), key=lambda m: m.start)
    if not pool:
        return []
    starts = [m.start for m in pool]
    found: dict[int, tuple[_Mention, int, int]] = {}
    for start, end in acts:
        objects = [m for m in _heads(text, end, pool, starts) if id(m) not in found]
        if not objects:
            continue
        ti = max(0, bisect.bisect_right(tok_starts, start) - 1)
        if not _negated_act(tokens, ti) and _speakers_act(text, tokens, tok_starts, ti, clause_start,
                                                           sentence_start(start), indirect=indirect):
            found.update((id(m), (m, start, end)) for m in objects)
    return list(found.values())


def _harmed(text: str, mentions: Iterable[_Mention], acts: Iterable[tuple[int, int]]) -> dict[int, tuple[int, int, int]]:
    """What suffers an act of harm named in the text, whoever does it: the head of the noun phrase right after an act
    (``_heads``; ``acts``: the spans of harm phrases that end on their preposition, ``harm_phrases``: "the crackdown on |
    protesters", "violence against | the protesters", "the killing of | protesters"; of verbs of ``hostile_acts``,
    "crushed | the uprising"; of agentive cues of harm, "attacked | the police"). Keyed by the mention's ``id``: the
    harm word's start and end and the mention's end.

    Example:
        >>> t = "We condemn the crackdown on peaceful protesters by police and the attacks of Elbonia."
        >>> ms = [_Mention(t.index("protesters"), t.index(" by"), "protesters", "alias", 0.0),
        ...       _Mention(t.index("Elbonia"), len(t) - 1, "Elbonia", "alias", 0.0)]
        >>> found = _harmed(t, ms, [(t.index("crackdown"), t.index(" peaceful"))])
        >>> [(t[a:b], t[b:e]) for a, b, e in found.values()]
        [('crackdown on', ' peaceful protesters')]
    """
    pool = sorted((m for m in mentions if not m.holder), key=lambda m: m.start)
    out: dict[int, tuple[int, int, int]] = {}
    if not pool:
        return out
    starts = [m.start for m in pool]
    for start, end in acts:
        for m in _heads(text, end, pool, starts):
            out.setdefault(id(m), (start, end, m.end))
    return out


def _judges(text: str, start: int, end: int, act: tuple[int, int, int], judgment: re.Pattern[str],
            attitude: re.Pattern[str]) -> bool:
    """Whether the cue at ``start:end`` judges the act of harm ``act`` (its word's start and end, its object's end):
    a verb of judgment (``judgment``) or a noun of attitude (``attitude``) whose object's head is the act, with only
    determiners and adjectives between ("condemn | the brutal | crackdown on …", "support for | the crackdown on …"),
    or an order or a use of force whose content it is ("criticized | the order of … to | open fire on …", "condemn |
    the use of | force against"); or a predicate of the act after a copula ("the crackdown on X | is | unacceptable").
    Not a judgment of something that ends or punishes the act ("welcome the end of the crackdown on X"), an adverb of
    the act ("successfully attack X"), nor what follows its object otherwise ("the prosecution of X for alleged
    violations").

    >>> t = "We condemn the crackdown on X, and they successfully attack X; the attack on X is unacceptable."
    >>> j, a = re.compile("condemn|support|welcome"), re.compile("support")
    >>> first, second = (t.index("crackdown"), t.index(" X,"), t.index(",")), (t.index("attack X"), t.index(" X;"), t.index(";"))
    >>> third = (t.index("attack on"), t.index(" X is"), t.index(" is"))
    >>> [_judges(t, s, s + len(w), act, j, a) for w, act in (("condemn", first), ("successfully", second),
    ...                                                        ("unacceptable", third)) for s in [t.index(w)]]
    [True, False, True]
    >>> t = "We welcome the end of the crackdown on X."
    >>> _judges(t, 3, 10, (t.index("crackdown"), t.index(" X"), t.index(".")), j, a)
    False
    """
    if start >= act[2]:
        return _COPULA_GAP_RE.fullmatch(text, act[2], start) is not None
    head = _last_word(text, start, end)
    if not (judgment.fullmatch(text, head, end) or attitude.fullmatch(text, head, end)) or act[0] < end:
        return False
    if _DIRECTIVE_RE.fullmatch(text, end, act[0]):
        return True
    gap = _OBJECT_TOKEN_RE.findall(text, end, act[0])
    if attitude.fullmatch(text, head, end) and gap and gap[0].lower() in ("for", "to", "of"):
        gap = gap[1:]  # "support for | the crackdown on"
    return len(gap) <= 4 and all(w[0].isalpha() and w.lower() not in _NOT_A_HEAD and not w.lower().endswith("ing")
                                 and w.lower() not in _ENDINGS for w in gap)


#: nouns and verbs that end, prevent or punish an act ("the end of", "stopping"): a judgment of them is not of the act
_ENDINGS = frozenset("""end ends ended stop stops stopped halt halts halted cessation prevention ban investigation inquiry
punishment prosecution trial accountability""".split())


#: what links a subject to an act's participle that it suffers: a passive auxiliary or a verb of feeling or seeming
#: ("were attacked", "felt insulted", "seemed deeply insulted")
_SUFFERING_BEFORE = frozenset("be is are was were been being get gets got getting feel feels felt seem seems seemed "
                              "look looks looked".split())
#: an act's word as how someone takes or judges a thing ("took it as an insult", "found the ad demeaning"): its
#: subject perceives the act, does not do it
_PERCEIVED_AS_RE = re.compile(r"\b(?:took|take|takes|taking|saw|see|sees|seeing|view(?:s|ed)?|regard(?:s|ed)?)\s+"
                              r"(?:[\w'’-]+\s+){1,4}?as\s+(?:an?\s+)?$", re.I)
#: "found the ad demeaning": a verb of finding or judging, then its object, a noun phrase of lower-case words without a
#: possessive or a clause ("found that X …"), right before an adjective of offence in -ing
_FOUND_RE = re.compile(r"\b(?:found|finds?|considers?|considered|deem(?:s|ed)?)\s+(?!(?:that|whether|if|how)\b)"
                       r"(?:[a-z-]+\s+){1,4}?$")
#: adverbs between a passive auxiliary and its participle ("was also insulted", "were often attacked")
_BETWEEN_AUX = frozenset("also often never not just then again even still already always once".split())


#: a finite form of "do" that opens an act's phrase ("did a great job"): an active verb
_DO_FORMS = frozenset("did does do done".split())
_BY_BEFORE_RE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)  # right before a mention: the act's agent
_PROGRESSIVE_BEFORE = frozenset("is are was were be been am 're 's".split())  # "they are | stealing it": active
#: a personal pronoun as the act's subject: a target named only after the act is not its referent ("He failed
#: miserably, and it was an embarrassment to the Republicans")
_PRONOUN_SUBJECTS = frozenset("he she they it we i you".split())
#: a target named in a place phrase after a noun ("the earthquake in | Elbonia caused many deaths", "protesters in |
#: Elbonia attacked the police"): the noun, not the place, is the act's subject
_PLACE_MODIFIER_RE = re.compile(r"\b(?!(?:regimes?|governments?|authorities|leaders?|leadership|army|police|military|forces|"
                                r"troops|officials?|junta|president|parliament|rulers?|state)\b)[a-z][\w-]*\s+"
                                r"(?:in|at|near|across|inside|outside)\s+(?:the\s+)?$", re.I)  # not "the regime in X": X's
_TO_AFTER_RE = re.compile(r"\s+to\b", re.I)  # a noun of offence and whom it offends ("an insult to X's people")
#: a preposition of time, topic or inquiry, a determiner and at most one word right before an act: the act is a noun,
#: the object of a preposition ("the investigation into the terrorist attack", "if X, after this attack, …"); not "in",
#: "of", "for", which often make its subject a party to it ("took part in the attack", "the mastermind of the attack")
_PREPOSED_NOUN_RE = re.compile(r"\b(?:about|into|after|before|over|since|during|following|despite|amid|regarding|"
                               r"concerning)\s+[\"']*"
                               r"(?:the|a|an|this|these|those|such|any)\s+(?!(?:he|she|they|it|we|i|you)\b)"
                               r"(?:[a-z-]+\s+)?$", re.I)


def _word_before(tokens: list[str], ti: int) -> int:
    """The index of the word before the act at token ``ti``, adverbs and "also", "never" … skipped (-1 where none).

    >>> _word_before(["he", "never", "really", "failed"], 3), _word_before(["failed"], 0)
    (0, -1)
    """
    j = ti - 1
    while j >= 0 and (tokens[j].endswith("ly") or tokens[j].lower() in _BETWEEN_AUX):
        j -= 1
    return j


#: a relative clause between a subject and its act: a common noun and "who" ("people who want to | undermine")
#: a noun of what is said or believed and "that" before a name: the name is in its content clause, not the subject of
#: the act after it ("Trump's accusation that | Obama and Clinton created ISIS had imperiled …"); not "the fact that": the
#: speaker asserts what it presupposes ("the fact that X lied")
_CONTENT_BEFORE_RE = re.compile(r"\b(?:accusations?|claims?|charges?|allegations?|suggestions?|assertions?|notion|idea|"
                                r"arguments?|beliefs?|insistence|contention|theory|rumou?rs?)\s+that\s+"
                                r"(?:(?:[\w.'’-]+|and|or|,)\s+){0,6}?$", re.I)
_POSSESSED_HEAD_RE = re.compile(r"['’]s?\s+([a-z-]+)(?:\s+([a-z]+))?")  # "X's (own) critics"
_COPULA_HEAD_RE = re.compile(r"\b(?:is|was|are|were|['’]s|remains)\s+(?:the|a|an|one)\s+(?:[\w-]+\s+)?$", re.I)
_RELATIVE_BEFORE_RE = re.compile(r"\b[a-z][a-z-]*\s+(?:who|whom)\s+(?:[\w'’-]+\s+){0,5}$")


def _agent_pool(own: list[_Mention], text: str, start: int, end: int, tokens: list[str], ti: int, *,
                sentence: list[_Mention] | None = None, sexes: Mapping[str, str] | None = None,
                objective: bool = False) -> list[_Mention] | None:
    """Who an act at ``start:end`` (an agentive cue at token ``ti``) evaluates, among the targets ``own`` named in its
    clause: its agent named beside it ("NATO aggression", "attacked by NATO") or, unless its subject suffers it (a
    passive or a verb of feeling before a participle: "the police were attacked", "X felt insulted"), the subject
    before it ("protesters attacked the police"); [] where none is named (the rules' nearest target then); None where
    it evaluates none of them: only what suffers it is named (a passive's subject, the object of an active verb
    (:func:`kzlib.stance._subjects._active_verb`) or of "to": "you attacked X", "the media did a terrible job covering X", "an insult to X's people",
    or, where its subject is a pronoun, targets named only after it, in its clause or its ``sentence`` ("he lied, and it
    hurt X"); a
    noun's target after it may be its agent: "the crackdown in X"), or the act is how someone takes a thing ("X took it
    as an insult", "X found the ad demeaning").

    Example:
        >>> t = "Elbonia felt insulted by the decision."
        >>> m = [_Mention(0, 7, "Elbonia", "alias", 0.0)]
        >>> s = t.index("insulted"); _agent_pool(m, t, s, s + 8, t.lower().rstrip(".").split(), 2) is None
        True
        >>> t = "Elbonia lied."
        >>> _agent_pool(m, t, 8, 12, ["elbonia", "lied"], 1) == m
        True
        >>> t = "Elbonia takes the flak from people who want to undermine it."
        >>> s = t.index("undermine"); _agent_pool(m, t, s, s + 9, t.lower().rstrip(".").split(), 8) is None
        True
        >>> t = "Elbonia's critics are endangering the talks."
        >>> s = t.index("endangering"); _agent_pool(m, t, s, s + 11, t.lower().rstrip(".").split(), 3) is None
        True
        >>> t = "The accusation that Elbonia started it had imperiled the talks."
        >>> m = [_Mention(20, 27, "Elbonia", "alias", 0.0)]
        >>> s = t.index("imperiled"); _agent_pool(m, t, s, s + 9, t.lower().rstrip(".").split(), 6) is None
        True
    """
    if _PERCEIVED_AS_RE.search(text, max(0, start - 60), start) or (
            tokens[ti].lower().endswith("ing") and _FOUND_RE.search(text, max(0, start - 60), start)):
        return None
    j = _word_before(tokens, ti)
    word = tokens[ti].lower()
    if objective or (word.endswith("ing") and j >= 0 and tokens[j].lower() in _NOUN_DETERMINERS
                     and _OF_AFTER_RE.match(text, end)):
        # a gerund as a noun with its of-phrase ("the stealing of X's nomination"), or a noun of harm whose of-phrase is
        # its object (``objective``: "a violation of X's rights", the cue file's ``harm_phrases``): the of-phrase
        # suffers it, the objective genitive (Quirk et al. 1985 §17.54); no target named after it is its agent
        own = [m for m in own if m.start < end or _BY_BEFORE_RE.search(text, end, m.start)]  # "… by X": its agent
        if not own:
            return None
    participle = word.endswith(("ed", "en")) or word in ("hit", "beaten", "shot", "struck")
    passive = j >= 0 and tokens[j].lower() in _SUFFERING_BEFORE and participle
    placed = {id(m) for m in own if m.end <= start and _PLACE_MODIFIER_RE.search(text, max(0, m.start - 30), m.start)}
    pool = [m for m in own if _agent_of(m, text, start, end) and id(m) not in placed] or (
        [m for m in own if m.end <= start and id(m) not in placed] if not passive else [])
    if not pool and placed and not passive:
        return None  # "the earthquake in Elbonia caused many deaths": the subject is the noun before the place
    if own and all(m.end <= start for m in own) and _PREPOSED_NOUN_RE.search(text, max(0, start - 50), start) and (
            not any(_agent_of(m, text, start, end) for m in own)):
        # the act as the noun of a preposition of time, topic or inquiry ("the investigation into the attack in
        # Benghazi", "X, after this attack, …") has no subject: a target before it in its clause is not its agent
        # unless it is its possessor ("X's attacks")
        return None
    verb = (_active_verb(tokens, ti) or word in _DO_FORMS or _TO_AFTER_RE.match(text, end) is not None
            or (word.endswith("ing") and j >= 0 and tokens[j].lower() in _PROGRESSIVE_BEFORE))
    pronoun = j >= 0 and tokens[j].lower() in _PRONOUN_SUBJECTS
    if not pool and own and (all(m.end <= start for m in own) if passive
                             else ((verb or pronoun) and all(m.start >= end for m in own))):
        return None
    if not pool and pronoun and sentence and all(m.start >= end for m in sentence):
        return None  # "he lied, and it hurt X": the pronoun's referent is not named after it
    if pronoun and sexes and (sex := _PRONOUN_SEXES.get(tokens[j].lower())):
        # "he" or "she" stands for none of the targets of the other sex ("worse than X's, because he lied", X a woman:
        # the sex of the given names in the target's aliases, :func:`kzlib.stance._names._target_sexes`)
        had = bool(pool)
        pool = [m for m in pool if sexes.get(m.target, sex) == sex]
        if (had and not pool) or not any(sexes.get(m.target, sex) == sex for m in (sentence or own)):
            return None
    # "X's critics are endangering …": the possessor's people act, not the possessor (the people right before the act)
    people = {id(m) for m in pool if (head := _POSSESSED_HEAD_RE.match(text, m.end))
              and (head.group(1) in _PERSON_HEADS or head.group(2) in _PERSON_HEADS) and start - head.end() <= 25}
    if people and not any(_agent_of(m, text, start, end) for m in pool):
        pool = [m for m in pool if id(m) not in people]
        if not pool:
            return None
    if pool and not any(_agent_of(m, text, start, end) for m in pool):
        relative = _RELATIVE_BEFORE_RE.search(text, max(m.end for m in pool), start)
        if relative is not None and not _COPULA_HEAD_RE.search(text, max(0, relative.start() - 30), relative.start()):
            # "X takes the flak from people who want to undermine …": the relative clause's act is theirs; not "X is the
            # man who undermined …", whose head is X
            return None
        # "Z's accusation that X and Y created ISIS had imperiled …": the act is the noun's, Z's, not what its content
        # clause names
        outside = [m for m in pool if not _CONTENT_BEFORE_RE.search(text, max(0, m.start - 60), m.start)]
        if len(outside) < len(pool):
            return outside or None
    return pool
