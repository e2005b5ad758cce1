"""Who holds a judgment the text names (private to :mod:`kzlib.stance.rules`): the possessor of a noun of judgment
("Clinton's criticism of X": the critic, not the criticised) and the agent of a passive verb of judgment ("not
supported by Senate Democrats"): such a holder is not the judgment's object, and the judgment is the holder's, which
the speaker relays (Quirk et al. 1985, §17.52-17.54, the possessive as the subject of a deverbal noun; §3.63-3.76, the
passive's agent)."""

from __future__ import annotations

import re

__all__: list[str] = []

#: a possessive right before a noun of judgment: a possessive pronoun, "'s", or a plural's "s'"; one word between, and
#: "of" after it ("Clinton's sharp | criticism", "her line of | criticism"); not two words that may be a verb phrase
#: ("Clinton's campaign faced | criticism")
_POSSESSOR_BEFORE_RE = re.compile(r"(?:\b(?P<pronoun>his|her|their|its|my|our)|(?<=\w)['’]s|(?<=s)['’])"
                                  r"(?:\s+(?P<word>[\w-]+)(?P<of>\s+of)?)?\s+$", re.I)
#: words whose "'s" is "is", "has" or "us": a contraction, no possessive ("it's", "that's", "let's")
_CONTRACTED = frozenset("it that there here what who he she where how this let".split())
#: nouns of receiving before "of": "Trump's share of criticism" is criticism of Trump, not by him
_RECEIVING = frozenset("share portion brunt target object subject focus recipient".split())
#: adjectives in -ing before a noun of judgment, no verb after a contracted "is" ("Trump's scathing criticism")
_ING_ADJECTIVES = frozenset("""scathing withering stinging blistering searing glowing damning unrelenting mounting growing
lingering sweeping ongoing unsparing biting cutting""".split())
_WORD_BEFORE_RE = re.compile(r"([\w]+)$")
_POSSESSOR_WINDOW = 60  # characters before a noun of judgment searched for its possessive
#: between a passive participle and its agent's "by": an adverb ("supported only by")
_BY_AFTER_RE = re.compile(r"(?:\s+(?:\w+ly|only|even|also|not|mostly|largely))?\s+by\s+", re.I)
_BY_RE = re.compile(r"\bby\s+", re.I)
#: a passive participle in -ed, an adverb after it, ending right before its "by"
_PARTICIPLE_BEFORE_RE = re.compile(r"\b(?P<verb>\w+ed)(?:\s+(?:\w+ly|only|even|also|not|mostly|largely))?\s+$", re.I)
#: a by-phrase coordinated with an earlier one ("opposed by Manafort, | but by Trump's children")
_COORDINATED_BY_RE = re.compile(r"(?:,\s*|\s+)(?:but|and|or)\s+(?:also\s+|not\s+)?$", re.I)
_NP_WORD_RE = re.compile(r"\s*([\w'’.-]+)")
#: words that end an agent's noun phrase: a relative, a preposition, a conjunction, a verb of saying
_NP_STOP = frozenset("""who whom whose which that to in of at on for from with about over under against than as into
after before while because and or but nor if when where said says""".split())
_AGENT_MAX_WORDS = 5
_FIRST_PERSON_AGENTS = frozenset("me us my our we".split())


def _judgment_holder(text: str, start: int, end: int, clause: int, nouns: re.Pattern[str], *,
                     indirect: bool = False) -> int | None:
    """Where the possessive before the noun of judgment at ``start:end`` (one of ``nouns``) starts (its "'s", or the
    pronoun), when the possessor is someone other than the speaker, who holds the judgment ("Clinton's criticism of X":
    the critic, not the criticised; "Trump's reprimand", "her line of criticism"); None where there is no possessor in
    its clause (``clause``: where it starts), it is "my"/"our", a pronoun in an ``indirect`` report ("his criticism",
    mostly the speaker's), a contraction ("it's a rebuke", "let's praise"; "Trump's facing criticism", whose "'s" is
    "is"), or a noun of receiving ("Trump's share of criticism").

    Example:
        >>> nouns = re.compile("criticism|reprimand|praise")
        >>> t = "Clinton's line of criticism, her reprimand and our criticism; criticism of X"
        >>> [_judgment_holder(t, m.start(), m.end(), 0, nouns) for m in nouns.finditer(t)]
        [7, 29, None, None]
        >>> t = "It's a rebuke, let's praise him; Smith's facing criticism, Smith's share of criticism; the voters' praise"
        >>> [_judgment_holder(t, m.start(), m.end(), 0, re.compile("rebuke|praise|criticism")) for m in
        ...  re.finditer("rebuke|praise|criticism", t)]
        [None, None, None, None, 97]
        >>> _judgment_holder("his reprimand", 4, 13, 0, nouns, indirect=True)
        >>> t = "Smith's scathing criticism"
        >>> _judgment_holder(t, t.index("criticism"), len(t), 0, nouns)
        5
    """
    if not nouns.fullmatch(text[start:end].split()[-1]):
        return None
    found = _POSSESSOR_BEFORE_RE.search(text, max(clause, start - _POSSESSOR_WINDOW), start)
    if found is None:
        return None
    pronoun = (found.group("pronoun") or "").lower()
    if pronoun in ("my", "our") or (indirect and pronoun):
        return None
    word = (found.group("word") or "").lower()
    if word in ("a", "an", "the") and not pronoun:
        return None  # "Russia's a reliable partner": "'s" before an article is "is"
    before = _WORD_BEFORE_RE.search(text, max(0, found.start() - 12), found.start())
    if (not pronoun and before is not None and before.group(1).lower() in _CONTRACTED) or (
            word.endswith(("ing", "ed")) and word not in _ING_ADJECTIVES and not found.group("of")) or (found.group("of") and word in _RECEIVING):
        return None
    return found.start()


def _np_end(text: str, at: int) -> int:
    """Where the agent noun phrase that starts at ``at`` (right after "by") ends: at most five words, before a relative,
    a preposition, a conjunction, punctuation, or a lower-case participle ("officials | in Moscow", "people | who hate
    X", "allies | worried about X").

    >>> t = "by Senate Democrats, and by officials in Moscow"
    >>> t[3:_np_end(t, 3)], t[28:_np_end(t, 28)]
    ('Senate Democrats', 'officials')
    """
    pos = at
    for i in range(_AGENT_MAX_WORDS):
        found = _NP_WORD_RE.match(text, pos)
        if found is None:
            break
        word = found.group(1)
        low = word.lower().rstrip(".")
        if low in _NP_STOP or (i > 0 and word[:1].islower() and low.endswith(("ed", "ing"))):
            break
        pos = found.end()
    return pos


def _by_agent(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the agent of the verb at ``start:end`` when it is a passive participle in -ed with a by-phrase
    ("will not be supported | by Senate Democrats", "the bill, opposed by Democrats"): the active verb takes its object
    directly, so "-ed by" is a passive, and its agent holds what the verb says; None where there is none.

    Example:
        >>> t = "The bill was supported only by Senate Democrats, and Smith was praised by all of us."
        >>> i = t.index("praised")
        >>> [t[a:b] for a, b in (_by_agent(t, 13, 22), _by_agent(t, i, i + 7))], _by_agent("Smith supports Jones", 6, 14)
        (['Senate Democrats', 'all'], None)
    """
    if not text[start:end].lower().endswith("ed"):
        return None
    found = _BY_AFTER_RE.match(text, end)
    return (found.end(), _np_end(text, found.end())) if found else None


def _first_person_agent(text: str, agent: tuple[int, int]) -> bool:
    """Whether the agent phrase (its span) or the "of" phrase after it is the first person ("by us", "by all of us")."""
    words = text[agent[0]:agent[1] + 8].lower().split()
    return any(w.strip(".,;:!?") in _FIRST_PERSON_AGENTS for w in words[:_AGENT_MAX_WORDS + 2])


def _last_by(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last "by " in ``text[start:end]``."""
    found = None
    for found in _BY_RE.finditer(text, start, end):  # noqa: B007 - the last match is kept
        continue
    return found


def _passive_agent(text: str, start: int, verbs: re.Pattern[str]) -> bool:
    """Whether the mention at ``start`` is in the agent noun phrase of a passive verb of judgment (one that ``verbs``
    fullmatches), or of a by-phrase coordinated with it: the agent holds the judgment, it is not its object ("will
    not be supported by Senate Democrats", "was not opposed by Manafort, but by Trump's children"); not a word after the
    agent's noun phrase ("welcomed by officials in Moscow", "condemned by people who hate X").

    Example:
        >>> verbs = re.compile("supported|opposed|welcomed")
        >>> t = ("It will not be supported by Senate Democrats; he was opposed by Smith, but by Trump's aides; "
        ...      "fed by Jones; welcomed by officials in Moscow")
        >>> [_passive_agent(t, t.index(w), verbs) for w in ("Democrats", "Smith", "Trump", "Jones", "Moscow")]
        [True, True, True, False, False]
    """
    found = _last_by(text, max(0, start - 80), start)
    if found is None or not found.end() <= start < _np_end(text, found.end()):
        return False
    for _ in range(2):  # the by-phrase itself, then one it is coordinated with
        verb = _PARTICIPLE_BEFORE_RE.search(text, max(0, found.start() - 40), found.start())
        if verb is not None:
            return verbs.fullmatch(verb.group("verb")) is not None
        coordination = _COORDINATED_BY_RE.search(text, max(0, found.start() - 12), found.start())
        if coordination is None:
            return False
        earlier = _last_by(text, max(0, coordination.start() - 60), coordination.start())
        if earlier is None or _np_end(text, earlier.end()) < coordination.start():
            return False
        found = earlier
    return False


#: a verb of receiving or provoking right before a noun of judgment (``holder_nouns``), modifiers between ("Obama faced
#: harsh criticism", "has come under criticism", "the remark drew sharp condemnation", "sparked a backlash"): the
#: judgment is others', unnamed, of the verb's subject; the speaker reports that it was made (Quirk et al. 1985 §17.52:
#: the deverbal noun's subject left implicit)
_RECEIVED_BEFORE_RE = re.compile(
    r"\b(?:fac(?:e|es|ed|ing)|dr(?:aw|aws|ew|awn|awing)|receiv(?:e|es|ed|ing)|surviv(?:e|es|ed|ing)|weather(?:s|ed|ing)?|"
    r"endur(?:e|es|ed|ing)|attract(?:s|ed|ing)?|withst(?:and|ands|ood|anding)|(?:come|comes|came|coming)\s+under|"
    r"spark(?:s|ed|ing)?|provok(?:e|es|ed|ing)|prompt(?:s|ed|ing)?|trigger(?:s|ed|ing)?|invit(?:e|es|ed|ing)|"
    r"earn(?:s|ed|ing)?|rais(?:e|es|ed|ing)|handl(?:e|es|ed|ing)|absorb(?:s|ed|ing)?|deflect(?:s|ed|ing)?|"
    r"(?:fend|fends|fended|fending|brush|brushes|brushed|brushing|shrug|shrugs|shrugged|shrugging)\s+off|"
    r"(?:rise|rises|rose|rising)\s+above)"
    r"(?:\s+(?:a|an|the|some|much|more|widespread|fierce|harsh|sharp|heavy|intense|strong|bipartisan|new|fresh|"
    r"growing|mounting|withering|scathing|stinging|blistering|public|international|broad|these|those|such|all|"
    r"the\s+\w+|\w+ly)){0,3}\s+$", re.I)


def _received(text: str, start: int, end: int) -> bool:
    """Whether the noun of judgment at ``start:end`` is the object of a verb of receiving or provoking
    (:data:`_RECEIVED_BEFORE_RE`): others' judgment of the verb's subject, reported; not one the speaker endorses
    ("rightly drew condemnation", "the scorn he deserved") or shares ("drew praise from me").

    >>> t = "Obama has survived harsh criticism over it; we criticize Obama."
    >>> _received(t, t.index("criticism"), t.index("criticism") + 9), _received(t, t.rindex("criticize"), len(t) - 7)
    (True, False)
    >>> t = "Obama rightly drew condemnation."
    >>> _received(t, t.index("condemnation"), t.index("condemnation") + 12)
    False
    """
    found = _RECEIVED_BEFORE_RE.search(text, max(0, start - 60), start)
    return found is not None and not _ENDORSED_RE.search(text, max(0, found.start() - 20), start) and not (
        _SHARED_AFTER_RE.match(text, end))


_ENDORSED_RE = re.compile(r"\b(?:rightly|deservedly|justly|rightfully|justifiably)\b", re.I)
#: after the noun: the speaker among those who judge ("from me", "from us"), or what the subject deserved
_SHARED_AFTER_RE = re.compile(r"\s+(?:(?:from|by)\s+(?:me|us)\b|(?:he|she|they|it)\s+(?:deserved?|deserves|earned|had\s+coming)\b)",
                              re.I)


#: between a verb of judgment and a gerund that names what it is judged for: its object, then "for" ("blamed the voters
#: for | not supporting X"), or "of" after a verb of accusation ("accused the party of | backing X"); at most six words
_REASON_GAP_RE = re.compile(r"\s+(?:[\w'’.-]+\s+){1,6}?(?:for|of)\s+(?:(?:not|never)\s+)?$", re.I)


def _reason_sign(text: str, start: int, judgments: list[tuple[int, int, float]], clause: int) -> float:
    """The sign a judgment passes on to the act it is made for, where the cue at ``start`` opens (or, negated, follows the
    negator of) the gerund of a verb of judgment's reason (``judgments``: the verbs of judgment in the text, as start,
    end and cue weight; ``clause``: where the cue's clause starts): "I blame the voters for | not supporting X" (-1:
    their not supporting X is blamed, favourable to X), "praised them for | backing X" (+1); 1.0 where none.

    >>> t = "I blame the voters for not supporting Dorn."
    >>> _reason_sign(t, t.index("supporting"), [(2, 7, -1.0)], 0), _reason_sign(t, t.index("supporting"), [], 0)
    (-1.0, 1.0)
    >>> t = "They blame me for not supporting Dorn."
    >>> _reason_sign(t, t.index("supporting"), [(5, 10, -1.0)], 0)
    1.0
    """
    for j_start, j_end, weight in reversed(judgments):
        if j_end <= start and j_start >= clause and _REASON_GAP_RE.fullmatch(text, j_end, start):
            # only the speaker's own judgment of someone else: "I blame …", not "they mocked us for …", "I was
            # criticized for …", "they slammed the governor for …" (whose judgment it is, the rules read elsewhere)
            own = _OWN_JUDGE_RE.search(text, max(clause, j_start - 40), j_start) is not None
            if own and not _SELF_OBJECT_RE.match(text, j_end):
                return 1.0 if weight > 0 else -1.0
            return 1.0
    return 1.0


#: the first person as the subject right before a verb of judgment, auxiliaries and adverbs between ("I blame", "we have
#: long criticized"); not a passive ("I was criticized"), nor a denied judgment ("I never criticized anyone for …",
#: "I don't blame …")
_OWN_JUDGE_RE = re.compile(r"\b(?:I|we)(?:['’](?:ve|ll|d))?\s+(?!(?:am|was|were|are|been|being|get|got)\b)"
                           r"(?:(?:have|had|will|would|also|long|always|often|once|still|rightly|strongly|publicly)\s+)*$",
                           re.I)
_SELF_OBJECT_RE = re.compile(r"\s+(?:me|us)\b", re.I)  # "condemned me for defending X": the speaker judged
