"""Evaluation predicated of a target: the valence of the words of a copula's predicate whose subject is the
target ("Ruritania is weak and desperate", "Elbonia's record is far from clean"), read from VADER's lexicon
(Hutto & Gilbert 2014), a published list of English words with their valence. The rule method's cue lists hold
verbs and nouns of stance; an evaluative adjective or noun said OF the target is the commonest construction its
audit of NewsMTSC rows found them to lack (twenty-eighth session). Also the demands made of it ("X must
resign": :func:`_demand`). Whose judgment a verb states is :mod:`kzlib.stance._subjects`'s."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from kzlib.stance.lexicon import _in_short_quote

logger = logging.getLogger(__name__)

__all__: list[str] = []

#: a copula (and "has gone", "has become": the copulas of becoming, "X has gone crazy") right after the subject, after
#: the subject's possessed noun ("Elbonia's hands are"), after an emphatic reflexive ("X himself is"), or after a conjunct
#: of at most two words after a determiner or possessive ("Elbonia and its allies were", "Elbonia and Ruritania are"),
#: with its negation ("isn't", "was not", "has never been"), and the progressive "was being" ("X was being
#: hypocritical"); Quirk et al. (1985) §10.16: the copular verbs (be, seem, appear, look, remain, become) take a subject
#: complement that characterises the subject
#: the verbs of perception that link a subject to its complement ("X seems reckless"), and all the linking verbs
_PERCEIVING = r"seems?|seemed|looks?|looked|appears?|appeared|sounds?|sounded"
_LINKING_VERBS = r"is|are|was|were|remains?|remained|becomes?|became|" + _PERCEIVING
#: a copula under a modal of prediction or "going to" ("X would be a disaster", "X won't be a good president", "X is
#: going to be terrific"), and "make" as a copula before a role ("X would make a terrible president"; Quirk et al.
#: 1985 §16.22: "make" with a subject complement), not before any other object ("X will make a strong case"). Not the
#: modals of obligation ("the party must be a party of ideas", "X should be ready": a demand, `_demand`) nor of
#: possibility ("X may be more optimistic", "might have been well served"), which read wrong on PolNeAR rows, nor "could
#: have been" (a counterfactual: "X could have been a great president, but he blew it"); "make" only before "a"/"an"
#: and a role that ends its noun phrase ("would make a good friend very unhappy", "make the president furious" are
#: causatives). Under a modal, a complement that opens an infinitive ("would be wise to ignore X", "would be crazy not to
#: run": advice about an act) or an emotion ("won't be happy about this") is no quality (:data:`_MODAL_NOT_QUALITY`)
_ROLE_NOUNS = (r"president|leader|candidate|nominee|commander|partner|ally|allies|choice|senator|governor|secretary|"
               r"mayor|chief|running mate|vice president|member|friend|friends|neighbou?r")
_MODAL_COPULA = (r"(?P<modal>(?:(?P<neg3>won['’]t|can['’]t|cannot)|(?P<could>could)|will|would)"
                 r"(?P<neg4>n['’]t|\s+not|\s+never)?|(?:is|are|was|were|['’]re)(?P<neg5>n['’]t|\s+not)?\s+going\s+to)"
                 r"(?:\s+(?:always|also|still|ever|surely|certainly|\w+ly))?\s+(?:(?(could)(?!x)x|have\s+been)|be|become|"
                 r"remain|make(?=\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:" + _ROLE_NOUNS + r")(?:\s+(?:for|of|in|to)\b|\s*[,.;:!?)]|\s*$)))")
#: under a modal, a complement followed by an infinitive, or an emotion of its subject, says nothing of its quality
_MODAL_NOT_QUALITY = frozenset("""happy unhappy glad sad angry upset furious pleased delighted disappointed thrilled
excited worried afraid scared nervous eager willing reluctant able unable""".split())
#: the words of a campaign against a target before its name ("the Never Trump campaign", "the Stop Dorn movement")
_NEVER_BEFORE_RE = re.compile(r"\b(?:never|stop|anti|dump|beat|defeat|not)[\s-]+$", re.I)
_INFINITIVE_AFTER_RE = re.compile(r"\s+(?:not\s+)?to\s+(?!be\b)[a-z]", re.I)
#: the head noun of a target's office or enterprise right after its name, which a predicate of the phrase judges as it
#: would the target ("a Trump presidency would be a disaster", "the Obama administration has been a failure")
_OFFICE_HEADS = r"presidency|administration|campaign|candidacy|government|regime|leadership|tenure|nomination"
_COPULA_RE = re.compile(
    r"(?:['’]s?\s+(?P<owned>[a-z]+)|\s+(?P<office>" + _OFFICE_HEADS + r")\b)?"
    r"(?:,?\s+(?:himself|herself|itself|themselves)\b,?)?"  # an emphatic reflexive ("X himself is a fraud")
    r"(?:\s+(?:and|or)\s+(?:(?:his|her|their|its|the)\s+)?[\w.’'-]+(?:\s+[\w.’'-]+)?"
    r"(?=\s+(?:is|are|was|were|ha[sd]|have|remain|remained|seem|seemed|look|looked|appear|appeared|became|become|"
    r"will|would|could|won['’]t)\b))?"
    r"\s+[\"“]?(?:(?:has|have|had)(?P<neg1>n't|\s+not|\s+never)?(?:\s+(?:always|also|long|often|ever|\w+ly))?"
    r"\s+(?:been|become|gone|grown)|" + _MODAL_COPULA + r"|(?:is|are|was|were|['’]re)(?P<neg6>n't|\s+not)?\s+being|"
    + _LINKING_VERBS
    + r")(?P<neg2>n't|\s+not|\s+never)?\s+", re.I)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]")
_OFF_RE = re.compile(r"\s+off\b", re.I)
#: words that end a subject complement: prepositions (its complement's own phrase: "in crisis", "at war"),
#: conjunctions and relative words that open another clause, and the infinitive marker
_STOP_WORDS = frozenset("""in at on under with from to of for by into onto about over after before against among
between during through than as like because since although though while whereas but yet so that which who whom
whose where when if unless until or nor and outside inside within without across around behind beyond near off
out up down upon toward towards via per is are was were has have had will would can could should must may might do
does did""".split()) - {"and", "or"}
#: irregular past participles (Quirk et al. 1985, App. I.28-39) that a passive may hold ("was born", "was hurt")
_IRREGULAR_PARTICIPLES = frozenset("""born made given taken known seen held led told left found brought caught thought
sent put hit hurt shot kept won lost paid sold built bought fought beaten bitten forgotten forgiven hidden struck stuck
torn worn sworn thrown shown grown drawn driven ridden written spoken stolen chosen frozen broken woken bound ground
wound hung spun split spread shut set cut let read fed fled bred bled met sought taught heard said laid""".split())
#: the subject of the predicate: at most four words between its clause's start and the mention, each a name or a
#: title (capitalised), a determiner or a linking word ("Democrat Hillary Clinton is", "Yes, the new Elbonia is"); a
#: mention deeper inside a longer subject ("the polls showing him behind X are wrong") is not what is predicated of;
#: the clause may open with a verb of saying or thinking and its "that" ("I think X is", "officials said that X is")
_SUBJECT_BEFORE_RE = re.compile(r"(?:[^.!?]*\b(?:that|thinks?|thought|believes?|believed|says?|said|knows?|knew|"
                                r"feels?|felt|hopes?|hoped)\s+)?[\W_]*(?:(?:[A-Z][\w.'’-]*|the|a|an|our|their|his|her|its|this|that|and|but|so|yet|"
                                r"then|now)\s+){0,4}")
#: complex-transitive verbs of naming and judging, right before their object: with "as" before the complement
#: (describe, regard, view, see, portray, depict, paint, characterise, dismiss … as) or without (call, label, brand,
#: dub, consider, deem, find); Quirk et al. (1985) §16.46 (object complement verbs)
_NAMING_VERB_RE = re.compile(r"\b(?:(?P<as>describ(?:e|es|ed|ing)|regard(?:s|ed|ing)?|view(?:s|ed|ing)?|sees?|saw|"
                             r"portray(?:s|ed|ing)?|depict(?:s|ed|ing)?|paint(?:s|ed|ing)?|characteri[sz](?:e|es|ed|ing)|"
                             r"dismiss(?:es|ed|ing)?)|call(?:s|ed|ing)?|label(?:s|ed|led|ing|ling)?|brand(?:s|ed|ing)?|"
                             r"dub(?:s|bed|bing)?|(?P<tobe>consider(?:s|ed|ing)?|deem(?:s|ed|ing)?|finds?|found))\s+(?:the\s+)?$",
                             re.I)
_COMPLEMENT_RE = re.compile(r"\s*[\"“']?\s*")
#: a non-restrictive relative clause between a subject and its copula, set off by commas ("X, who …, is"; Quirk et al.
#: 1985 §17.22): it ends at its second comma, before the copula (at most 150 characters, no other punctuation)
_NONRESTRICTIVE_RE = re.compile(r"\s*,\s*(?:who|whose|which)\b[^,;:.!?()\"“”]{1,150}?,(?=\s)", re.I)
_OF_AFTER_RE = re.compile(r"\s+of\b", re.I)
_ODDS_NOUNS = frozenset("favorite favourite front-runner frontrunner underdog".split())  # a race's odds, no quality
_POSSESSIVE_AFTER_RE = re.compile(r"['’]s\b|(?<=s)['’](?=\s)")  # the mention a possessor ("X's", "Sanders' plan")
_TO_BE_COMPLEMENT_RE = re.compile(r"\s*(?:to\s+be\s+)?[\"“']?\s*", re.I)  # "found X to be charming", "consider X to be …"
_AS_COMPLEMENT_RE = re.compile(r"\s+as\s+[\"“']?\s*", re.I)
#: a noun phrase in apposition right after the mention, set off by a comma, with its determiner ("Elbonia, a
#: notorious bully, …"): it characterises the mention as a subject complement does (Quirk et al. 1985 §17.65); the
#: classifier's masked text has a space before the comma
_APPOSITIVE_RE = re.compile(r"\s?,\s+(?=(?:a|an|the|this|that|his|her|their|its)\s)", re.I)
_NEGATORS = frozenset({"not", "never", "no", "hardly", "nothing", "neither", "nor"})
#: degree adverbs before an -ed word mark it as a gradable adjective ("very talented", "deeply flawed"), not a
#: passive participle ("was dismissed"): Quirk et al. (1985) §7.15 (intensification of participial adjectives)
_DEGREE = frozenset({"very", "so", "too", "deeply", "utterly", "extremely", "most", "more", "less", "least", "rather",
                     "quite", "highly", "really", "incredibly", "seriously", "badly", "fatally", "hopelessly"})
_ADVERBS = frozenset({"already", "still", "now", "also", "just", "even", "always", "often", "again", "only", "ever",
                      "once", "soon", "then", "certainly", "clearly", "simply", "really", "truly", "indeed"})
_PREDICATE_END_RE = re.compile(r"\s*(?:[.,;:!?)\]\"'’”]|$|\s(?:and|or)\s)")  # the end of a complement, or another joined to it
#: nouns of a holder's own stance: "X is a vocal critic of Y", "X has never been a fan of Y" say what X thinks of Y,
#: not what the speaker thinks of X (the agent nouns of the verbs of judgment: critic, supporter, opponent …)
_HOLDER_NOUNS = frozenset("""critic critics fan fans supporter supporters opponent opponents admirer admirers foe foes
advocate advocates skeptic skeptics sceptic sceptics detractor detractors proponent proponents""".split())
_TOO_FOR_RE = re.compile(r"\s+(?:to|for)\b", re.I)  # after "too <good>": praise or a fault, by what follows
_MAX_WORDS = 8  # a subject complement of at most this many words


def _is_subject(text: str, clause_start: int, start: int) -> bool:
    """Whether the mention at ``start`` opens its clause (which starts at ``clause_start``): at most four names,
    titles, determiners or linking words before it.

    Example:
        >>> t = "Yes, Democrat Elbonia is weak."
        >>> _is_subject(t, 4, t.index("Elbonia")), _is_subject("The polls showing Elbonia ahead are wrong.", 0, 18)
        (True, False)
    """
    return _SUBJECT_BEFORE_RE.fullmatch(text, clause_start, start) is not None


def _object_complement(text: str, start: int, end: int) -> re.Match[str] | None:
    """The opening of an object complement after the mention at ``text[start:end]``, the object of a
    complex-transitive verb of naming or judging before it ("called Ruritania a bully", "described Elbonia as
    reckless": Quirk et al. 1985 §10.8, §16.46); None where no such verb is right before the mention.

    Example:
        >>> t = 'they called Elbonia "a bully"'
        >>> t[_object_complement(t, 12, 19).end():]
        'a bully"'
        >>> _object_complement("they called Elbonia's plan 'a giveaway'", 12, 19) is None
        True
        >>> t = "they called Elbonia 'a bully'"
        >>> t[_object_complement(t, 12, 19).end():]
        "a bully'"
    """
    verb = _naming_verb(text, start)
    if verb is None or _POSSESSIVE_AFTER_RE.match(text, end):
        return None  # "called X's plan a giveaway": the complement is said of the thing possessed
    return (_AS_COMPLEMENT_RE if verb.group("as") else _TO_BE_COMPLEMENT_RE if verb.group("tobe")
            else _COMPLEMENT_RE).match(text, end)


#: a copula of perception right after the subject ("X seems", "X looked")
_PERCEPTION_RE = re.compile(r"(?:['’]s?\s+[a-z]+)?\s+(?:" + _PERCEIVING + r")\b", re.I)
def _naming_verb(text: str, start: int) -> re.Match[str] | None:
    """The complex-transitive verb of naming or judging right before the mention starting at ``start`` ("called |
    Elbonia a bully", "has characterized | X as a champion"), or None.

    >>> t = "He has characterized Elbonia as a champion."
    >>> _naming_verb(t, t.index("Elbonia")).group(0), _naming_verb("He met Elbonia.", 7)
    ('characterized ', None)
    """
    return _NAMING_VERB_RE.search(text, max(0, start - 40), start)


#: the nouns of a decision or an act of will, whose subject-complement judges the act decided ("the decision to send
#: troops was a mistake", "Russia's move to send troops was justified"; Quirk et al. 1985 §17.39: a noun with a
#: to-infinitive clause as its appositive complement)
_DECISION_NOUNS = (r"decision|move|choice|plan|call|request|invitation|order|readiness|willingness|determination|attempt|"
                   r"effort|bid|refusal")
#: the decision's frame before a mention that its infinitive names: the clause's opening, a determiner or possessor,
#: an adjective, the noun, "to" and a verb of sending or inviting forces, whose object is the deployment itself ("The
#: hasty decision to send | CSTO troops"); not another verb ("the decision to attack X", "to withdraw X" judge an act
#: on X, not X)
_DECISION_BEFORE_RE = re.compile(r"(?:^|[.!?;:,]\s+|\b(?:that|because|but|and)\s+)[\W_]*(?:(?:the|this|that|its|his|her|"
                                 r"their|our|[A-Z][\w.'’-]*)\s+)?(?:[\w-]+\s+)?(?:" + _DECISION_NOUNS + r")\s+to\s+"
                                 r"(?:send|deploy|dispatch|invite|bring\s+in|call\s+in|introduce|station)\s+(?:in\s+|the\s+)?$")
#: after such a mention, at most two words of its head ("CSTO | troops") and a prepositional phrase with a name before the
#: copula ("… CSTO troops | to Kazakhstan | was …")
_ACT_TAIL_RE = re.compile(r"(?:\s+(?!(?:is|was|were|are|has|had|will|would|to|into|in|from|for|on|at)\b)[a-z][\w-]*){0,2}"
                          r"(?:\s+(?:to|into|in|from|for|on|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?")
#: the nouns of a deployment: the mention, or the words after it, must name forces for the act to be their deployment
_FORCES_RE = re.compile(r"\b(?:troops|forces|force|peacekeepers|peacekeeping|soldiers|contingent|mission|units|"
                        r"personnel|military|army|servicemen|battalions?|brigades?)\b", re.I)
#: after a possessor's mention, its decision and the infinitive's clause, at most six words, before a copula
#: ("Russia | 's decision to send troops | was justified")
_DECISION_AFTER_RE = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:" + _DECISION_NOUNS + r")\s+to\s+[a-z]+(?:\s+[\w'’-]+){0,5}?"
                                r"(?=\s+(?:is|was|were|are|has\s+been|had\s+been|will\s+be|would\s+be)\b)")


def _decision_copula(text: str, start: int | None, end: int) -> re.Match[str] | None:
    """The copula after a decision whose act names the mention at ``text[start:end]`` ("The decision to send | Elbonia's
    troops | to Ruritania was …"), or, with ``start`` None, whose possessor it is ("Elbonia | 's decision to send troops
    was …"); None where neither frame holds.

    Example:
        >>> t = "The decision to send peacekeepers to Elbonia was a mistake."
        >>> s = t.index("peace"); t[_decision_copula(t, s, s + 12).end():]
        'a mistake.'
        >>> [_decision_copula(t, t.index("Elbonia"), t.index("Elbonia") + 7) for t in (
        ...     "The decision to attack Elbonia was a mistake.", "The decision to send Elbonia to the talks was a mistake.")]
        [None, None]
        >>> t = "Elbonia's decision to send troops to Ruritania was justified."
        >>> t[_decision_copula(t, None, 7).end():]
        'justified.'
        >>> _decision_copula("We met Elbonia's envoys, who were glad.", 7, 14) is None
        True
    """
    if start is None:
        found = _DECISION_AFTER_RE.match(text, end)
        return _COPULA_RE.match(text, found.end()) if found else None
    if _DECISION_BEFORE_RE.search(text[max(0, start - 120):start]) is None:
        return None
    tail = _ACT_TAIL_RE.match(text, end)
    stop = tail.end() if tail else end
    if not _FORCES_RE.search(text, start, stop):
        return None  # what is sent is a person, not a deployment ("the decision to send Dorn to Elbonia")
    return _COPULA_RE.match(text, stop)


def _predicate_valence(text: str, end: int, lexicon: Mapping[str, float], start: int | None = None, *,
                       mention: int | None = None, writer_marks: bool = False) -> tuple[float, int, int] | None:
    """The summed valence of the lexicon's words in the subject complement of a copula right after
    ``text[:end]`` (the subject's mention), or, where ``start`` (the mention's start) is given, in the object
    complement of a verb of naming before it (:func:`_object_complement`), reversed after a negator, and the
    complement's span (``mention``: where the mention starts, for an appositive after it; ``writer_marks``: the
    quotation marks are the writer's, around the speaker's words in an indirect report, and open the complement; else
    marks around a longer quotation do, and double scare quotes around a short one end it, as for namings: single marks
    are not told from apostrophes); None where neither
    follows, the complement is a passive participle ("was dismissed": an event, not a quality) or it holds no word
    of the lexicon.

    Example:
        >>> lex = {"weak": -1.9, "desperate": -1.3, "clean": 1.7, "dismissed": -1.0}
        >>> t = "Elbonia is weak and desperate in the north."
        >>> v, a, b = _predicate_valence(t, 7, lex); round(v, 1), t[a:b]
        (-3.2, 'weak and desperate')
        >>> round(_predicate_valence("Elbonia's hands are far from clean.", 7, lex)[0], 2)
        -1.7
        >>> [_predicate_valence(t, 7, lex) for t in ("Elbonia was dismissed from the talks.",
        ...                                            "Elbonia is making the talks less safe.")]
        [None, None]
        >>> round(_predicate_valence("Elbonia is disgusting.", 7, {"disgusting": -2.4})[0], 1)
        -2.4
        >>> round(_predicate_valence("Elbonia's record was less positive than ever.", 7, {"positive": 2.6})[0], 1)
        -2.6
        >>> [round(_predicate_valence(t, 7, {"reckless": -1.7, "nice": 1.8})[0], 1) for t in (
        ...  "Elbonia is so reckless, they said.", "Elbonia is too nice.")]
        [-1.7, -1.8]
        >>> _predicate_valence("Elbonia is a blow-the-place-up kind of guy.", 7, {"kind": 2.4})
        >>> _predicate_valence("Elbonia is the clear favorite.", 7, {"favorite": 2.0})
        >>> _predicate_valence("Elbonia is my favorite.", 7, {"favorite": 2.0})[0]
        2.0
        >>> t = "Elbonia, whose affairs were in the papers, is an imperfect messenger."
        >>> v, a, b = _predicate_valence(t, 7, {"imperfect": -1.3}); v, t[a:b]
        (-1.3, 'an imperfect messenger')
    """
    cop = _COPULA_RE.match(text, end) if start is None else _object_complement(text, start, end)
    if cop is None and start is None and (aside := _NONRESTRICTIVE_RE.match(text, end)) is not None:
        cop = _COPULA_RE.match(text, aside.end())  # "X, whose affairs were in the tabloids, is an imperfect …"
        cop = cop if cop is not None and not cop.group("owned") and not cop.groupdict().get("office") else None
    possessive = start is None and text[end - 2:end] in ("'s", "’s")
    if cop is None and possessive:
        # a possessive alias ("Russia's"): its possessed noun is read as after any name ("Russia's decision was"); an
        # alias that is a name in 's ("McDonald's is") has its copula right after it
        cop = _COPULA_RE.match(text, end - 2)
        cop = cop if cop is not None and cop.group("owned") else None
    if cop is not None and cop.groupdict().get("office") and _NEVER_BEFORE_RE.search(
            text, max(0, (mention if mention is not None else end) - 12), mention if mention is not None else end):
        return None  # "the Never Trump campaign": a campaign against the target, not its own
    if cop is None:
        cop = _decision_copula(text, start, end - 2 if possessive else end)  # "the decision to send X was …", "X's decision to …"
    if cop is None:
        cop = _APPOSITIVE_RE.match(text, end)  # "Elbonia, a notorious bully, …": an appositive noun phrase
        at = mention if mention is not None else (start if start is not None else end)
        if cop is not None and not _closed_appositive(text, cop.end(), at):
            return None
    if cop is None:
        return None
    owned = (cop.groupdict().get("owned") or "").lower()
    if owned and (owned in _PERSON_HEADS or owned in _HOLDER_NOUNS or owned in _MEASURE_HEADS):
        return None  # "Elbonia's allies are angry", "its chances are good": said of its people or its odds, not of it
    negated = any(cop.groupdict().get(g) for g in ("neg1", "neg2", "neg3", "neg4", "neg5", "neg6"))
    words: list[tuple[str, int, int]] = []
    for tok in _WORD_RE.finditer(text, cop.end()):
        low = tok.group(0).lower()
        far_from = low == "from" and bool(words) and words[-1][0] == "far"  # "far from clean": a negator
        if low in ('"', "“", "'", "‘") and not words:
            if writer_marks or not _in_short_quote(text, tok.end(), tok.end() + 1):
                continue  # a quotation of the speaker's words ("were \"extremely careless in their handling …\"")
            break  # a word in the speaker's own scare quotes ('X is "honest," they say'): cited or ironic
        degree_so = low == "so" and not words  # "is so reckless": a degree word, not the conjunction
        if len(words) >= _MAX_WORDS or not low[0].isalpha() or (low in _STOP_WORDS and not far_from and not degree_so):
            break
        words.append((low, tok.start(), tok.end()))
    if not words:
        return None
    first = next((i for i, (w, _, _) in enumerate(words) if not w.endswith("ly") and w not in _NEGATORS
                  and w not in _DEGREE and w not in _ADVERBS), None)
    if first is None:
        return None
    head = words[first][0]
    if words[-1][0] in ("better", "worse") and _OFF_RE.match(text, words[-1][2]):
        return None  # "X would be better off with Y": the subject's welfare, advice to it, not a quality of it
    if cop.groupdict().get("modal") and (head in _MODAL_NOT_QUALITY or (
            words[0][0] not in ("a", "an", "the") and _INFINITIVE_AFTER_RE.match(text, words[first][2]))):
        return None  # "X won't be happy", "X would be wise to ignore Y": an emotion, advice about an act
    graded = bool(first) and words[first - 1][0] in _DEGREE
    # an -ing word that ends the complement is an adjective ("is disgusting."); one with more after it, a
    # progressive verb with its object ("is making the talks less safe")
    progressive = head.endswith("ing") and not _PREDICATE_END_RE.match(text, words[first][2])
    if (head.endswith(("ed", "en")) or head in _IRREGULAR_PARTICIPLES or progressive) and not graded:
        return None  # a passive participle (what was done to the subject) or a progressive (what it is doing)
    # after the head, an -ing word opens a participle clause of its own ("was busy giving speeches"): the
    # complement ends before it
    words = words[:next((i for i in range(first + 1, len(words)) if words[i][0].endswith("ing")), len(words))]
    if any(w in _HOLDER_NOUNS for w, _, _ in words):
        return None
    if words[0][0] in ("the", "a") and any(w in _ODDS_NOUNS for w, _, _ in words):
        return None  # "X is the clear favorite": the front-runner, an analyst's odds; not "X is my favorite"
    total, hit = 0.0, False
    names = _name_words(words, text)
    for i, (w, _, _) in enumerate(words):
        if w in _NEGATORS or (w == "far" and i + 1 < len(words) and words[i + 1][0] == "from") or w == "from" or (
                w in ("less", "least") and i == first - 1):  # "less positive than": the quality's lack
            negated = True
            continue
        val = None if i in names else lexicon.get(w)  # a name is no evaluation ("the United States")
        if w == "kind" and _OF_AFTER_RE.match(text, words[i][2]):
            val = None  # "a blow-the-place-up kind of guy": a noun of type, not the adjective
        if val and val > 0 and i == first and first and words[first - 1][0] == "too":
            # "is too nice": an excess of a good quality, a fault; before "to"/"for" no reading ("too smart to fall for
            # it" is praise, "too generous to donors" a fault)
            val = 0.0 if _TOO_FOR_RE.match(text, words[i][2]) else -val
        if val:
            total += -val if negated else val
            hit = True
    if not hit:
        return None
    if (skill := _AT_GERUND_RE.match(text, words[-1][2])) is not None and skill.group(1).lower() != "being":
        # skill at a bad act is a fault ("good at lying"); at any other ("excellent at negotiating trade deals",
        # "terrible at managing the economy"), the skill is the reading
        if lexicon.get(skill.group(1).lower(), 0.0) < 0:
            total = -abs(total)
    return total, words[0][1], words[-1][2]


_AT_GERUND_RE = re.compile(r"\s+at\s+(\w+ing)\b", re.I)
#: an appositive ends at a comma, a dash, a bracket or the text's end within this many words (its own relative clause
#: not counted): a longer run is more often a clause than a noun phrase
_APPOSITIVE_MAX_WORDS = 12
_APPOSITIVE_END_RE = re.compile(r"[,;:.!?)\]—–]|\s-\s")
_COORDINATORS = frozenset({"and", "or", "nor"})
_RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our"})
_SENTENCE_START_RE = re.compile(r"[.!?]\s+")


def _closed_appositive(text: str, start: int, mention: int) -> bool:
    """Whether the noun phrase that opens at ``start`` after the comma of a mention at ``mention`` reads as an
    appositive: it ends at punctuation (or the text's end) within ``_APPOSITIVE_MAX_WORDS`` words, not counting a
    relative clause of its own, and joins no further noun phrase with a coordinator (a list of names, "Elbonia, the
    United States and China", is no apposition; "a brave and honest man" is one). After a mention inside an opening
    phrase, one that opens with a preposition or a participle, or one that the phrase runs on to the sentence's end
    from, the noun phrase is the main clause's subject ("Loyal to Elbonia, the herders grew bitter.",
    "Reaffirming its ties to Elbonia, the council praised …").

    Example:
        >>> [_closed_appositive(t, t.index(",") + 2, t.index("E")) for t in (
        ...     "Elbonia, the bravest of the small nations, held out.", "They met Elbonia, the United States and China.",
        ...     "Elbonia, a brave and honest man, spoke.", "Loyal to Elbonia, the herders grew bitter.",
        ...     "After meeting Elbonia, the herders said it was brave, and left.")]
        [True, False, True, False, False]
    """
    stop = _APPOSITIVE_END_RE.search(text, start)
    words = [w for w in _WORD_RE.findall(text, start, stop.start() if stop else len(text)) if w[0].isalpha()]
    own = words[:next((i for i, w in enumerate(words) if w.lower() in _RELATIVES), len(words))]
    if not own or len(own) > _APPOSITIVE_MAX_WORDS:
        return False
    if any(w.lower() in _COORDINATORS and (nxt[0].isupper() or nxt.lower() in _DETERMINERS)
           for w, nxt in zip(own, own[1:])):
        return False
    opening = _SENTENCE_START_RE.split(text[:mention])[-1]
    if opening.strip() and not any(c in opening for c in ",;:"):
        first = opening.split()[0].lower()
        if stop is None or stop.group(0) in ".!?" or first in _STOP_WORDS or first.endswith(("ing", "ed")):
            return False
    return True


def _name_words(words: list[tuple[str, int, int]], text: str) -> frozenset[int]:
    """The indices of a complement's words that are part of a multi-word name ("the United States", "the Free
    Army"): capitalised, with a capitalised word next to it, in a complement not written in title case ("a Popular
    Senator From a Swing State" is a headline's, whose capitals say nothing).

    >>> t = "the United States and a Popular Senator"
    >>> ws = [(m.group(0).lower(), m.start(), m.end()) for m in _WORD_RE.finditer(t)]
    >>> sorted(_name_words(ws[:4], t)), sorted(_name_words(ws[4:], t))
    ([1, 2], [])
    """
    caps = [text[start].isupper() for _, start, _ in words]
    if sum(caps) == sum(w not in _DETERMINERS for w, _, _ in words):
        return frozenset()  # title case
    return frozenset(i for i, c in enumerate(caps) if c and ((i > 0 and caps[i - 1]) or (i + 1 < len(caps) and caps[i + 1])))


#: a possessive right after a mention and the noun phrase it determines ("Elbonia's reckless policy"); the
#: classifier's masked text has a space before the "'s"
_POSSESSIVE_RE = re.compile(r"\s?['’]s?\s+([a-z][a-z-]*)\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?\b")


#: nouns with a valence in VADER's lexicon that, before another noun, name a field of policy, not a quality of the
#: possessor ("Sanders' health care math", "Trump's border security plan", "her tax relief proposal"): Quirk et al. 1985
#: §17.108, noun premodifiers; forty-third session, a blind-coded PolNeAR row read "health care" as praise
_DOMAIN_NOUNS = frozenset("""care health security relief welfare justice defense defence aid assistance benefits protection
safety reform growth""".split())


#: adjectives of rank before a possessed noun: an office, no praise ("Clinton's top national security staffer", "his
#: chief strategist"); forty-third session
_RANK_ADJECTIVES = frozenset("top chief senior leading key main principal".split())


def _possessed_valence(text: str, end: int, lexicon: Mapping[str, float]) -> tuple[float, int, int] | None:
    """The summed valence of the lexicon's words among the modifiers of a noun that the mention ending at ``end``
    possesses ("Elbonia's reckless and cruel policy", "Ruritania's brave decision"): the attributive adjective
    evaluates the target's own act, word or quality (Quirk et al. 1985 §7.21 attributive adjectives; §5.115 the
    subjective genitive: the possessor is the agent of the act), and the span of those modifiers; None where no
    modifier is a word of the lexicon. The head noun itself is not read ("Elbonia's defeat" is an event).

    Example:
        >>> lex = {"reckless": -1.5, "brave": 2.4, "defeat": -2.0}
        >>> t = "Elbonia's reckless policy"
        >>> v, a, b = _possessed_valence(t, 7, lex); v, t[a:b]
        (-1.5, 'reckless')
        >>> [_possessed_valence(t, 7, {**lex, "care": 2.2}) for t in ("Elbonia's defeat was sudden",
        ...  "Elbonia's defeat eastwards is", "Elbonia's supporters feel reckless", "Elbonia's health care math")]
        [None, None, None, None]
    """
    found = _POSSESSIVE_RE.match(text, end)
    if found is None:
        return None
    words = [w for w in found.groups() if w]
    # two modifiers and a head ("reckless foreign policy"); else one and a head that ends the phrase
    # ("wrong view." or "wrong view of …": a noun's of-phrase; not "defeat came on …", a verb's)
    if len(words) == 3 and words[2] not in _STOP_WORDS:
        modifiers, head = words[:2], words[2]
    elif len(words) == 2 or words[2] == "of":
        modifiers, head = words[:1], words[1]
    else:
        return None
    if any(w in _STOP_WORDS or w in _NEGATORS or w in ("and", "or") for w in [*modifiers, head]) and not (
            len(modifiers) == 2 and modifiers[1] in ("and", "or")) or head.endswith(("ly", "ward", "wards")):
        return None  # no noun phrase ("Elbonia's army is …"); an adverb is no head noun ("growth eastwards")
    if modifiers[0] in _PERSON_HEADS or modifiers[0] in _HOLDER_NOUNS:
        return None  # the possessed noun is its people, and a verb follows ("Elbonia's supporters feel …")
    values = [0.0 if w in _DOMAIN_NOUNS or w in _RANK_ADJECTIVES else lexicon.get(w, 0.0) for w in modifiers]
    if not any(values):
        return None
    span_end = found.start(1) + len(" ".join(modifiers))
    return sum(values), found.start(1), span_end


#: the possessed noun phrase before a copula: "Elbonia's | policy | is", "Elbonia's | grasp of policy and temperament |
#: are", at most five words, none a clause break
_POSSESSED_SUBJECT_RE = re.compile(r"\s?['’]s?(?P<np>(?:\s+[a-z][a-z-]*){1,5}?)(?=\s+(?:has\s+been|have\s+been|"
                                   + _LINKING_VERBS + r")\b)")
#: possessed heads that are people, not the possessor's act or quality: what is said of them is not said of it
_PERSON_HEADS = frozenset("""wife husband son sons daughter daughters children child kids family father mother brother
sister aide aides staff staffer staffers adviser advisers advisor advisors ally allies rival rivals friend friends
supporters supporter backers backer voters voter base donors donor lawyer lawyers attorney attorneys spokesman
spokeswoman spokesperson people citizens followers fans critics opponents enemies enemy opponent critic
son-in-law daughter-in-law in-laws running mate mate team victims victim neighbours neighbors neighbour neighbor
refugees migrants workers members""".split())
#: possessed heads of measure: the possessor's odds or standing in polls, not its act or quality ("its chances are good")
_MEASURE_HEADS = frozenset("""chances chance odds ratings rating numbers polls poll lead standing prospects support
approval margin share figures""".split())


def _possessed_predicate(text: str, end: int, lexicon: Mapping[str, float]) -> tuple[float, int, int] | None:
    """The valence of the subject complement of a noun phrase that the mention ending at ``end`` possesses, and its
    span ("Elbonia's policy is reckless", "Elbonia's grasp of policy and temperament are worrying"): the possessor's
    own act, word or quality (Quirk et al. 1985 §5.115) is judged, as :func:`_predicate_valence` reads a complement;
    None where no copula follows the possessed phrase, or its head is a person ("Elbonia's allies are angry": what is
    said of them is not said of it), a holder noun ("Elbonia's critics are wrong") or a stop word.

    Example:
        >>> lex = {"reckless": -1.5, "worrying": -1.4, "angry": -2.3, "wrong": -2.1}
        >>> t = "Elbonia's grasp of policy and temperament are worrying."
        >>> v, a, b = _possessed_predicate(t, 7, lex); v, t[a:b]
        (-1.4, 'worrying')
        >>> [_possessed_predicate(t, 7, lex) for t in ("Elbonia's allies are angry.", "Elbonia's critics are wrong.",
        ...  "Elbonia's army is large.", "Elbonia is reckless.", "Elbonia's troops left and peace is wonderful.",
        ...  "Elbonia's close Allies are angry.", "Elbonia's poll numbers are wrong.")]
        [None, None, None, None, None, None, None]
    """
    found = _POSSESSED_SUBJECT_RE.match(text, end)
    if found is None:
        return None
    words = found.group("np").lower().split()
    if any(w in _STOP_WORDS and w not in ("of", "and") for w in words) or (
            "and" in words and "of" not in words[:words.index("and")]):
        return None  # a clause after "and" ("Elbonia's troops left and peace is …"); "grasp of policy and temperament"
    head = words[0] if len(words) > 1 and words[1] == "of" else words[-1]
    if head in _PERSON_HEADS or head in _HOLDER_NOUNS or head in _MEASURE_HEADS or head in _STOP_WORDS:
        return None
    return _predicate_valence(text, found.end(), lexicon)


#: a modal of obligation right after the subject's mention, an adverb between allowed ("Elbonia must withdraw",
#: "Ruritania still needs to read the charter", "X should have stayed out", "X shouldn't interfere"), its negation
#: taken whole (consumed, or asserted absent: never skipped by backtracking), and up to eight words of what it demands, to the next punctuation
_DEMAND_RE = re.compile(
    r"\s*(?:(?:still|also|now|really|simply|just|clearly|certainly|finally|urgently|immediately)\s+)?"
    r"(?P<modal>must|should|ought\s+to|needs\s+to|need\s+to|had\s+better)(?:(?P<neg>n['’]t|\s+not|\s+never)|(?!n['’]t|\s+not\b|\s+never\b))"
    r"(?P<rest>(?:\s+[\w'’-]+){0,8})", re.I)
#: what the subject is to be given or allowed: no demand on it ("should be allowed to", "must be free to")
_GRANTED = frozenset("""able allowed permitted free entitled given granted protected spared compensated rewarded
helped supported respected thanked praised commended welcomed proud""".split())
#: what the subject ought to be or become (a role, "should be president"; a determiner, "must be a party of ideas"):
#: an aspiration, as often for the speaker's own side
_ROLES = _DETERMINERS | frozenset("""president nominee leader speaker chair chairman governor senator mayor premier
prime vice secretary running attorney ambassador commander chief""".split())
_SUBJECT_PRONOUNS = frozenset("i you he she it we they there".split())  # "should it cross": an inverted condition
_ADVICE_BEFORE_RE = re.compile(r"\bwhat\s+$", re.I)  # "what X ought to do is …": a pseudo-cleft
_CLEFT_ACT_RE = re.compile(r"\bdo\b[^.!?;]{0,80}?\b(?:is|was)\s+(?:to\s+)?((?:[\w'’-]+\s*){1,3})", re.I)  # "do … is | resign"
#: acts of redress that a pseudo-cleft demands of someone at fault ("What X must do is resign")
_REDRESS = frozenset("""resign apologize apologise stop quit withdraw drop leave release disclose explain answer
retract testify confess admit end""".split())
#: acts of a campaign's strategy: what someone "needs to" do to win over or hold others is advice, not a demand that it
#: amend a wrong ("X needs to deliver a speech", "needs to show he can unify the party", "needs to outperform the
#: projections", "needs to do more to …"); forty-second session, three blind-coded PolNeAR rows read as demands
_ADVICE_ACTS = frozenset("""show demonstrate prove convince persuade outperform focus reach unify unite deliver quiet
broaden expand build earn connect woo court consolidate energize energise mobilize mobilise reassure remember
weigh""".split())  # and what it should bear in mind ("should remember that …"; forty-third session)
_GOOD_ACT = 1.5  # a demanded act whose first word of valence has at least this is an exhortation ("must win", "help")


def _demand(text: str, end: int, lexicon: Mapping[str, float], *, start: int | None = None) -> tuple[int, int] | None:
    """The span of a modal of obligation whose subject is the mention ending at ``end`` ("Elbonia must withdraw"):
    a directive on the target, which the speaker holds is not doing what it ought to (Palmer 2001, *Mood and
    Modality*, §3.2, deontic modality); None where none follows or it is no demand on the target: a permission or
    benefit it is to get ("should be allowed to", "should get", "needs to have a seat"), what it ought to become
    ("should be president"), "must be" and "must have" (mostly inferences: "must be pleased", "must have known"),
    "have to" after a negation (a burden lifted), an inverted condition ("should it cross"), a passive whose verb is
    not adverse in ``lexicon`` ("should be consulted"; "must be stopped" is a demand), an unnegated act whose first
    word of valence in ``lexicon`` is good ("must win this war", "should help": an exhortation), or a negated adverse passive
    ("should not be punished": a defence); nor a campaign's strategy (:data:`_ADVICE_ACTS`: "needs to show he can unify
    the party", "needs to do more", "needs to take the first steps"); nor advice in a pseudo-cleft ("what X ought to do is go to the country":
    ``start``, where the mention starts, after "what"; "what X must do is resign" is a demand) or a licence ("X should do
    whatever she wants").

    Example:
        >>> lex = {"win": 2.8, "stopped": -0.9, "punished": -2.0}
        >>> t = "Critics say Elbonia still needs to read the charter."
        >>> t[slice(*_demand(t, 19, lex))], [t[slice(*_demand(t, 7, lex))] for t in ("Elbonia should have stayed out.",
        ...                                                                     "Elbonia must be stopped.")]
        ('needs to', ['should', 'must'])
        >>> [_demand(t, 7, lex) for t in ("Elbonia should be allowed to vote.", "Elbonia must have known it.",
        ...  "Elbonia shouldn't have to pay.", "Elbonia should be president.", "Elbonia must win this war.",
        ...  "Elbonia should be consulted.", "Elbonia should not be punished.", "Elbonia, should it cross, pays.",
        ...  "Elbonia should do whatever it wants.", "Elbonia needs to show it can unify the party.",
        ...  "Elbonia needs to do more to win.")]
        [None, None, None, None, None, None, None, None, None, None, None]
        >>> _demand("What Elbonia ought to do is wait.", 12, lex, start=5)
        >>> _demand("What Elbonia must do is resign.", 12, lex, start=5)
        (13, 17)
    """
    found = _DEMAND_RE.match(text, end)
    if found is None:
        return None
    if start is not None and _ADVICE_BEFORE_RE.search(text, max(0, start - 12), start):
        # a pseudo-cleft ("what X ought to do is …"): a demand only where what it is to do is a redress ("is resign",
        # "is stop lying"), else advice ("is go to the country")
        act = _CLEFT_ACT_RE.search(text, found.end("modal"), found.end("modal") + 120)
        words = act.group(1).lower().split() if act else []
        if found.group("neg") is not None or not words or not (
                words[0] in _REDRESS or words[:2] == ["step", "down"] or any(lexicon.get(w, 0.0) < 0 for w in words)):
            return None  # "what X should not do is resign", "what X needs to do is step up": no redress demanded
        return found.span("modal")
    modal, negated = found.group("modal").lower(), found.group("neg") is not None
    words = [w.lower() for w in found.group("rest").split()]
    while words and (words[0].endswith("ly") or words[0] in ("just", "still", "also", "even")) and words[0] not in _GRANTED:
        words = words[1:]  # "should really be", "needs to carefully read"
    if not words or words[0] in _SUBJECT_PRONOUNS or words[0] in ("get", "gets", "receive"):
        return None
    head, rest = words[0], words[1:]
    if head == "do" and rest and rest[0] == "whatever":
        return None  # a licence: "should do whatever she wants"
    if not negated and (head in _ADVICE_ACTS or (head == "do" and rest[:1] == ["more"]) or (
            head in ("take", "make") and any(w in ("steps", "step", "case", "effort", "efforts") for w in rest[:4]))):
        return None  # a campaign's strategy: "needs to show he can unify the party", "needs to do more to …"
    if head == "have":
        if modal == "must" or not rest or rest[0] in _DETERMINERS or rest[0] in ("to", "some", "more", "access"):
            return None
        if rest[0] == "been":
            head, rest = "be", rest[1:]
    if head in ("be", "become"):
        if modal == "must" and head == "be" and not (rest and _participle(rest[0]) and lexicon.get(rest[0], 0.0) < 0):
            return None
        if not rest or rest[0] in _GRANTED or rest[0] in _ROLES:
            return None
        if _participle(rest[0]):  # a passive: a demand only where what is to be done to it is adverse
            adverse = lexicon.get(rest[0], 0.0) < 0
            return found.span("modal") if adverse and not negated else None
    first = next((lexicon[w] for w in [head, *rest] if lexicon.get(w)), 0.0)  # the act's first word of valence
    if not negated and first >= _GOOD_ACT:
        return None
    return found.span("modal")


def _participle(word: str) -> bool:
    """Whether ``word`` reads as a past participle: in -ed, -en, -wn, or irregular ("held", "told")."""
    return word.endswith(("ed", "en", "wn")) or word in _IRREGULAR_PARTICIPLES
