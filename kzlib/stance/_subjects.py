"""Whose judgment a verb or noun of judgment states (private to :mod:`kzlib.stance`): the subject of a verb of
judgment when it is someone other than the speaker (:func:`_others_subject`), whether the verb is active so that its
subject holds the judgment (:func:`_active_verb`), others' support counted as a group's ("support for X among Y",
"52 percent back X": :func:`_others_support`), and the noun phrase a verb or noun of judgment takes as its object
(:func:`_object_phrase`). Split from :mod:`kzlib.stance._predicates` (forty-second session), which keeps the evaluation
predicated of a target."""

from __future__ import annotations

import re
from functools import lru_cache

from kzlib.actors import speaker_words
from kzlib.stance._predicates import _DEGREE, _STOP_WORDS
from kzlib.stance.lexicon import _TOKEN_RE

__all__: list[str] = []

_PASSIVE_AUXILIARIES = frozenset("be is are was were been being get gets got".split())
_VERB_BEFORE = frozenset("to will would can could should must may might did does do not never n't also only always "
                         "again has have had".split())  # a word that makes the word after it a verb ("to support")


def _active_verb(tokens: list[str], ti: int) -> bool:
    """Whether the token ``ti`` is an active verb: a finite form ("endorsed", "supports") or one after a modal,
    "to", "not" or an auxiliary ("will support", "to praise"), the adverbs in -ly before it skipped, and not after
    a passive auxiliary ("was widely praised", "is to blame"): the subject before it holds what it says.

    Example:
        >>> [_active_verb(t.split(), i) for t, i in (("x endorsed y", 1), ("x support y", 1), ("x to support y", 2))]
        [True, False, True]
        >>> _active_verb("x was widely praised".split(), 3), _active_verb("x is to blame".split(), 3)
        (False, False)
    """
    j = ti - 1
    while j >= 0 and tokens[j].endswith("ly"):
        j -= 1
    before = tokens[j] if j >= 0 else ""
    if before in _PASSIVE_AUXILIARIES or (before == "to" and j > 0 and tokens[j - 1] in _PASSIVE_AUXILIARIES):
        return False
    word = tokens[ti]
    return word.endswith("ed") or (word.endswith("s") and not word.endswith("ss")) or before in _VERB_BEFORE


_POSSESSIVE_HOLDER_RE = re.compile(r"(?:\b(?P<pronoun>his|her|their|its)|['’]s?)(?:\s+[\w-]+){0,2}\s+$", re.I)
_FIRST_PERSON_RE = re.compile(r"\b(?:my|our)\b", re.I)
#: a group that holds it after it, past its object ("support for X among Y", "backing from Y"), or a noun of measure
_OTHERS_AFTER_RE = re.compile(r"(?:\s+for(?:\s+[\w'’.-]+){1,4}?)?\s+(?:among|from|within)\b|\s+(?:ratings?|base|levels?|numbers?|figures?)\b",
                              re.I)
#: "support"/"backing" with an of-phrase and then "for": the of-phrase holds it ("the support of farmers for X"); not
#: "endorsement of X for president", whose of-phrase is what is endorsed
_OF_HOLDER_RE = re.compile(r"\s+of(?:\s+[\w'’.-]+){1,4}?\s+for\s+(?!(?:the\s+)?(?:president|presidency|nomination|office|"
                           r"re-?election|governor|senate|congress|mayor)\b)", re.I)
#: a share of people: a percentage, not "100 percent" or "110 percent", which say how fully ("supports X 100 percent")
_PERCENT_RE = re.compile(r"(?<!\b100)(?<!\b110)(?<!\b100\s)(?<!\b110\s)(?<!\b100-)(?<!\b110-)(?<!\bhundred\s)"
                         r"(?:(?<=\d)\s*%|\bper\s?cent\b)", re.I)
#: the first person building up support ("we built support for X", "I have worked hard to build support")
_OWN_BUILDING_RE = re.compile(r"\b(?:I|we)\b[^.;:!?]{0,40}?\b(?:build|builds|building|built|boost\w*|drum\w*\s+up|whip\w*\s+up|"
                              r"rall(?:y|ied|ies|ying)|shor\w*\s+up|lin(?:e|ed|es|ing)\s+up)(?:\s+[\w'’-]+){0,3}\s+$", re.I)
_SUPPORT_NOUNS = frozenset({"support", "backing", "endorsement", "endorsements", "approval"})
_VERB_BEFORE_RE = re.compile(r"\b(?:to|be|been|being|is|are|was|were)\s+$", re.I)  # "to support", "been backing"


def _others_support(text: str, start: int, end: int, clause: int, verbs: re.Pattern[str], *,
                    indirect: bool = False) -> int | None:
    """Whether the support cue at ``start:end`` is said to be someone else's than the speaker's (a state of affairs,
    not the speaker's stance): None where it is not; -1 where its holder is named by a verb of having, getting or
    seeking, or "with" (``verbs``, ending right before the noun "support", "backing", "endorsement" or "approval",
    at most three words between: "has the support of", "won broad backing"), by "among"/"from"/"within" after it or after
    its object, or a noun of measure after it ("support among evangelicals", "support for X among Y", "approval
    rating"), or by a percentage in its clause (``clause``: where it starts) or just after it; else, where a
    possessive before the noun ends ("Elbonia's backing", "her support": the caller asks whether that possessor is
    the speaker's own side; not a pronoun in ``indirect`` speech, where "his support" is mostly the speaker's).
    "my"/"our" before it in its clause make it the speaker's own ("has our full support").

    Example:
        >>> verbs = re.compile(r"\\b(?:has|won|with)(?:\\s+[\\w'’-]+){0,3}\\s+$", re.I)
        >>> t = "Smith has the backing of donors, while we support Jones and Elbonia's endorsement."
        >>> [_others_support(t, t.index(w), t.index(w) + len(w), 0, verbs) for w in ("backing", "support", "endorsement")]
        [-1, None, 67]
        >>> t = "Smith's approval rating fell; Elbonia has our full support."
        >>> [_others_support(t, t.index(w), t.index(w) + len(w), 0, verbs) for w in ("approval", "support")]
        [-1, None]
        >>> t = "Then 31 percent supported Jones."
        >>> _others_support(t, t.index("supported"), t.index("supported") + 9, 0, verbs)
        -1
        >>> t = "The support of farmers for Jones is strong, and we came in support of Jones."
        >>> [_others_support(t, i, i + 7, 0, verbs) for i in (t.index("support"), t.rindex("support"))]
        [-1, None]
        >>> t = "The endorsement of Jones for president"
        >>> _others_support(t, 4, 15, 0, verbs) is None
        True
    """
    before = text[clause:start]
    if _FIRST_PERSON_RE.search(before[-40:]) or _OWN_BUILDING_RE.search(before[-60:]):
        return None  # "has our full support", "we built support for X": the speaker's own
    noun = text[start:end].split()[-1].lower() in _SUPPORT_NOUNS and not _VERB_BEFORE_RE.search(before)
    held_of = noun and text[start:end].split()[-1].lower() in ("support", "backing") and _OF_HOLDER_RE.match(text, end)
    if (noun and verbs.search(before)) or _OTHERS_AFTER_RE.match(text, end) or held_of or _PERCENT_RE.search(before):
        return -1
    after = _PERCENT_RE.search(text, end, min(len(text), end + 60))
    if after is not None and not re.search(r"[.;!?]", text[end:after.start()]):
        return -1
    possessive = _POSSESSIVE_HOLDER_RE.search(before) if noun else None
    if possessive is None or (indirect and possessive.group("pronoun")):
        return None
    return clause + possessive.start()


_OBJECT_TOKEN_RE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Lt|Col|Prof|Rev|St|Jr|Sr)\.|[^\W_](?:[\w'’-]|\.(?=\w))*|[^\s\w]")
#: words that cannot open a judgment verb's own object noun phrase: a pronoun or possessive pronoun (who it refers to
#: is left to the rest of the rules), a preposition (a passive's agent, "backed away from"), a clause opener or
#: conjunction ("supports what …", "criticised and …")
_NOT_AN_OBJECT = frozenset("""him her them it us me you this that these those himself herself themselves itself his their
its our my your one whom who what whatever whoever which whether how why when where if and or but nor not also
by of in at on with from for to against about into onto over under after before during since until upon off up out away
back down as than so then there here too very now still only just even always never already""".split())
#: words that end an object noun phrase: a conjunction, a relative or subordinating word, a preposition other than
#: "of", an auxiliary or a verb of saying
_OBJECT_END = frozenset("""and or but nor who whom whose which that because if when while as since although though
unless than whether where in at on with for against about into over under after before during among
like without within through between is are was were be been will would can could should must may might has have
had do does did said says say""".split())
_OBJECT_MAX_WORDS = 10
_DEMONSTRATIVES = frozenset({"this", "these", "those"})  # determiners before a noun ("that" is mostly a conjunction)
_ATTITUDE_PREPOSITIONS = frozenset({"for", "to", "against"})  # "support for", "opposition to", "hostility against"


def _object_phrase(text: str, end: int, *, noun: bool = False) -> tuple[int, int] | None:
    """Where the object of the attitude cue ending at ``end`` lies: the noun phrase right after a verb of
    judgment ("support | the new slate", Levin 1993 §33: its object is what it evaluates), or after "for",
    "to" or "against" following a noun of attitude (``noun``: "opposition to | abortion"). At most ten words,
    ended by a clause break, a conjunction, a preposition other than "of", "by", "from" (an agent: "the order issued
    by X") and "to" (a noun's infinitive: "the efforts of the leadership to restore order"), or an auxiliary. None where no
    noun phrase follows: a pronoun ("backing him": it may refer to a target), a preposition ("backed by"),
    a clause ("supports what …"), punctuation.

    Example:
        >>> t = "I ask you to support this slate, and he backed by far the most."
        >>> s = t.index("support") + 7
        >>> t[slice(*_object_phrase(t, s))], _object_phrase(t, t.index("backed") + 6)
        ('this slate', None)
        >>> t = "her support for keeping abortion legal because of it"
        >>> t[slice(*_object_phrase(t, t.index("support") + 7, noun=True))]
        'keeping abortion legal'
        >>> _object_phrase("We support him.", 10), _object_phrase("support among voters", 7, noun=True)
        (None, None)
    """
    tokens = [(m.group(0), m.start(), m.end()) for m in _OBJECT_TOKEN_RE.finditer(text, end, end + 160)]
    i = 0
    if noun:
        if not tokens or tokens[0][0].lower() not in _ATTITUDE_PREPOSITIONS:
            return None
        i = 1
    if i >= len(tokens):
        return None
    first = tokens[i][0].lower()
    determiner = first in _DEMONSTRATIVES and i + 1 < len(tokens) and tokens[i + 1][0][0].isalpha() and (
        tokens[i + 1][0].lower() not in _OBJECT_END)  # "this slate", not "this is" or "this."
    if not determiner and (not first[0].isalnum() or first in _NOT_AN_OBJECT or (first.endswith("ly") and len(first) > 4)):
        return None
    j = i + 1
    while j < len(tokens) and j - i < _OBJECT_MAX_WORDS:
        word = tokens[j][0].lower()
        if not word[0].isalnum() or word in _OBJECT_END:
            break
        j += 1
    return tokens[i][1], tokens[j - 1][2]


#: words between a verb and its subject: adverbs, negators, quantifiers after a pronoun, auxiliaries
_SUBJECT_SKIP = frozenset("""not n't cannot never also already now still just only even really publicly privately openly
strongly fully firmly always ever again often once then all both each alike do does did have has had having will would can could should must may might shall
's 've 'd 'll 're 'm""".split())
_BE_AUXILIARIES = frozenset("am is are was were be been being get gets got".split())
#: a subject or word before the verb that makes it the speaker's own or no statement of someone's: the first person,
#: the addressee, an infinitive, a coordinated verb
_SPEAKERS_OWN = frozenset("i we you me us let please to and or but nor".split())
_PRONOUN_SUBJECTS = frozenset("he she it they who that which".split())
#: quantifiers that stand for people as a subject ("many are critical of X")
_QUANTIFIER_SUBJECTS = frozenset("many most some few others several everyone everybody anyone".split())
#: linking verbs other than "be", before an adjective of attitude ("remain opposed to", "grew tired of")
_LINKING = frozenset("""become becomes became remain remains remained seem seems seemed feel feels felt grow grows grew
appear appears appeared""".split())
#: a determiner before it makes the cue a noun ("our support", "his backing"): others' support is ``_others_support``'s
_NOUN_DETERMINERS = frozenset("a an the my our your his her their its this these those no any some every each".split())
_THIRD_PERSON = frozenset("he she it they his her its their".split())
_CLITICS = frozenset({"ve", "ll", "m", "re", "d"})  # "we've", "i'll", "i'm", "they're", "i'd"
#: verbs whose subject is also the subject of the infinitive after them (Quirk et al. 1985 §16.38, catenatives); not
#: "ask", "urge", "call on", whose object is ("I ask you to support")
_CATENATIVES = frozenset("""fail fails failed refuse refuses refused decide decides decided agree agrees agreed promise
promises promised choose chooses chose continue continues continued begin begins began try tries tried want wants wanted
plan plans planned vote votes voted decline declines declined tend tends tended seem seems seemed appear appears
appeared failing refusing deciding agreeing promising choosing continuing beginning trying wanting planning voting
declining tending seeming appearing attempting driven forced compelled inspired motivated pushed encouraged expected
persuaded convinced prompted pressured""".split())  # passive participles too: "the nonwhites driven to vote against X"
#: adjectives whose subject is the subject of the infinitive after them ("voters are likely to support X", "the party
#: seemed ready to back X"; Quirk et al. 1985 §16.75, raising adjectives)
_RAISING = frozenset("""likely unlikely certain expected poised set ready willing unwilling eager inclined apt bound
prepared reluctant keen""".split())
#: the first person heading a group the role noun names ("we as teachers", "we in the teachers union", "I and many
#: other teachers"): no verb of thinking or saying between ("I think the delegation" names others)
_FIRST_PERSON_GROUP_RE = re.compile(r"\b(?:I|we)\s+(?:(?!(?:think|thought|believe|believed|know|knew|say|said|hear|heard|"
                                    r"see|saw|feel|felt|hope|expect|guess|suspect|understand|am|are|was|were)\b)"
                                    r"[a-z]+\s+){1,4}$", re.I)
_AS_THE_SPEAKER_RE = re.compile(r"[^.;!?]{0,80}?\bas\s+(?:I|we|me|us)\b", re.I)  # the standard of "as … as"
_RAISING_DEGREE = frozenset("much far even somewhat lot a bit little no".split())  # "much less | likely to"
#: verbs whose subject is also the subject of the gerund after them (Quirk et al. 1985 §16.40: "regret supporting")
_GERUND_VERBS = frozenset("""regret regrets regretted stop stops stopped quit quits keep keeps kept continue continues
continued start starts started began begin begins considered consider considers avoid avoids avoided""".split())
#: "bring oneself to": the subject's own (in)ability to act ("voters who cannot bring themselves to vote for X")
_BRING = frozenset("bring brings brought bringing".split())
_FIRST_PERSON_REFLEXIVES = frozenset({"myself", "ourselves"})
_REFLEXIVES = frozenset("myself ourselves yourself yourselves himself herself themselves itself oneself".split())
_DEONTIC = frozenset({"should", "must"})  # "superdelegates should be backing him": the speaker's exhortation
_BREAK_BETWEEN_RE = re.compile(r"[,;:()—–.!?\"]|\s-\s")


def _others_subject(text: str, tokens: list[str], tok_starts: list[int], ti: int, *, indirect: bool = False,
                    copular: bool = False) -> int:
    """Where the subject of the verb of judgment at token ``ti`` starts, when it is someone other than the speaker,
    else -1: the word before the verb, adverbs, negators and auxiliaries skipped ("571 superdelegates | supported
    Clinton", "they are | supporting Clinton", "a group that strongly | opposes X"). Not the first person, the
    addressee, an infinitive ("to support"), a verb coordinated with another ("welcome and support"), a gerund after a
    preposition ("leaning toward supporting"), what someone should do (the speaker's exhortation), nor a clause's
    start (an imperative, a fronted phrase). "he" or "she" in an indirect report (``indirect``) is mostly the speaker.
    A passive's subject is what is judged, not the judge: none ("Clinton was praised"); with ``copular``, the word at
    ``ti`` is an adjective of attitude after a copula ("the insiders are | opposed to X", "many are | critical of X"),
    whose subject holds it.

    Example:
        >>> import re
        >>> def sub(t, w, **kw):
        ...     words = list(re.finditer(r"\\w+(?:'\\w+)?|n't", t.lower()))
        ...     ti = next(i for i, m in enumerate(words) if m.group() == w)
        ...     return _others_subject(t, [m.group() for m in words], [m.start() for m in words], ti, **kw)
        >>> [sub(t, "supported") for t in ("Then 571 superdelegates supported Clinton.", "We have supported Clinton.",
        ...                                 "Clinton, supported by many.", "Clinton was supported.")]
        [9, -1, -1, -1]
        >>> sub("They are supporting Clinton.", "supporting"), sub("He supports X.", "supports", indirect=True)
        (0, -1)
        >>> sub("The government refused to support X.", "support"), sub("I ask you to support X.", "support")
        (4, -1)
        >>> sub("That group was slightly more likely to support X.", "support"), sub("I am likely to support X.", "support")
        (5, -1)
        >>> sub("Voters who cannot bring themselves to vote for X.", "vote"), sub("I can't bring myself to vote for X.", "vote")
        (7, -1)
        >>> sub("The insiders are opposed to X.", "opposed", copular=True), sub("I am opposed to X.", "opposed", copular=True)
        (4, -1)
        >>> sub("Many remain very critical of X.", "critical", copular=True), sub("We all feel proud of X.", "proud", copular=True)
        (0, -1)
    """
    gerund = tokens[ti].endswith("ing")
    # a finite verb in the past, or a catenative in the past before it: a report of an act ("tended to support")
    past = tokens[ti].endswith("ed") and not gerund and not copular
    j = ti - 1
    while j >= 0:
        found = _TOKEN_RE.match(text, tok_starts[j])  # the word's end in the text (a lower-cased word may be longer)
        if _BREAK_BETWEEN_RE.search(text, found.end() if found else tok_starts[j], tok_starts[j + 1]):
            return -1
        word = _contracted(tokens[j])
        if (word in _BE_AUXILIARIES and not gerund and not copular) or word in _DEONTIC:
            return -1
        if copular and (word in _LINKING or word in _DEGREE or word == "as"):
            if word == "as" and _AS_THE_SPEAKER_RE.match(text, tok_starts[ti]):
                return -1  # "no one is as critical of X as I am": the speaker the standard
            j -= 1  # "the insiders remain | opposed to X", "many are very | critical of X", "have been as | enthusiastic"
            continue
        if gerund and word in _GERUND_VERBS:
            j -= 1  # "Soros regretted | supporting X", "voters stopped | backing X": the subject's own act
            continue
        if word == "to" and j > 1 and tokens[j - 1] in _RAISING and (
                tokens[j - 2] in _BE_AUXILIARIES or tokens[j - 2] in _DEGREE or tokens[j - 2] in _LINKING):
            past = not copular  # "voters are (more) likely to support X": a state of affairs reported of them
            j -= 2
            while j >= 0 and ((w := _contracted(tokens[j])) in _DEGREE or w in _BE_AUXILIARIES or w in _LINKING
                              or w in _SUBJECT_SKIP or w in _RAISING_DEGREE or (w.endswith("ly") and len(w) > 4)):
                j -= 1  # "that group was slightly more | likely to", "they're not | likely to"
            break
        if word == "to" and j > 0 and tokens[j - 1] in _CATENATIVES:
            past = tokens[j - 1].endswith("ed") and not copular
            j -= 2  # "the government failed to support": the subject's own act
            continue
        if word == "to" and j > 1 and tokens[j - 1] in _REFLEXIVES and tokens[j - 2] in _BRING:
            if tokens[j - 1] in _FIRST_PERSON_REFLEXIVES:
                return -1  # "those of us who cannot bring ourselves to …": the speakers' own
            j -= 3  # "opponents who cannot bring themselves to vote for X": the subject's own act
            continue
        if word not in _BE_AUXILIARIES and word not in _SUBJECT_SKIP and not (word.endswith("ly") and len(word) > 4):
            break
        j -= 1
    if j < 0:
        return -1
    word = _contracted(tokens[j])
    if word == "and" and past:
        return _first_conjunct_subject(text, tokens, tok_starts, j, indirect=indirect)
    if word in _PRONOUN_SUBJECTS:
        return -1 if indirect and word in _THIRD_PERSON else tok_starts[j]
    if word in _QUANTIFIER_SUBJECTS and not (j > 0 and tokens[j - 1] in _SPEAKERS_OWN):
        return tok_starts[j]  # "many are critical of X", "some say" (not "we all")
    if (word in _SPEAKERS_OWN or word in _STOP_WORDS or word in _NOUN_DETERMINERS
            or tokens[j].endswith(("'s", "’s"))):  # a possessor: the cue is a noun ("Trump's support")
        return -1
    if _FIRST_PERSON_RE.search(text, tok_starts[max(0, j - 2)], tok_starts[j]):
        return -1  # "our government supports"
    before = tokens[j - 1] if j > 0 else ""
    # a subject: a pronoun or relative (above), a name, or a noun after a determiner or number ("the ministry", "571
    # superdelegates"); another word before the verb is mostly a verb ("would deserve praise") or an adjective
    # (a finite past form has a subject: a plain noun before it is one, "health care | tended to support X", "in many
    # cases | voted for X"; not a word after an auxiliary, "I have long | criticized X")
    if not (text[tok_starts[j]].isupper() or word.isdigit() or before in _NOUN_DETERMINERS or before.isdigit()
            or (past and word.isalpha() and not word.endswith("ly") and before not in _VERB_BEFORE
                and word not in _NOT_A_SUBJECT and word not in _REFLEXIVES and before not in _FIRST_PERSON)
            or (before in ("and", "or") and word.endswith("s") and word.isalpha())  # "the party and observers | see"
            # "the state's Democratic federal delegation | supports X"; in an indirect report one person's role is
            # mostly the speaker's own description ("the Vermont congressman | plans to vote for X")
            or (_role_noun(word) and before not in ("we", "us")  # "we teachers | support X": the speakers
                and not _FIRST_PERSON_GROUP_RE.search(text, max(0, tok_starts[j] - 50), tok_starts[j])
                and not (indirect and speaker_words().role_gender.get(word, "org") != "org"))):
        return -1
    return tok_starts[j]


@lru_cache(maxsize=4096)
def _role_noun(word: str) -> bool:
    """Whether ``word`` (lower case) is a noun of people or of a body that acts or speaks (``speaker_words``' roles:
    "delegation", "voters", "campaign"), singular or plural: a subject, whatever stands before it.

    >>> _role_noun("delegation"), _role_noun("voters"), _role_noun("strongly")
    (True, True, False)
    """
    roles = speaker_words().role_gender
    return word in roles or (word.endswith("s") and (word[:-1] in roles or (word.endswith("es") and word[:-2] in roles)))


_FIRST_PERSON = frozenset("i we me us my our".split())
#: adverbs between a subject and its past verb ("I too | supported X", "we twice | voted for X", "I later | endorsed X")
_NOT_A_SUBJECT = frozenset("""too later twice thrice once first long since ever soon recently previously already
eventually finally initially originally briefly""".split())
_CONJUNCT_MAX_WORDS = 15  # the first conjunct read back from "and" for its subject


def _first_conjunct_subject(text: str, tokens: list[str], tok_starts: list[int], j: int, *, indirect: bool) -> int:
    """Where the subject of a verb coordinated after "and" (token ``j``) starts, when it is someone other than the
    speaker, else -1: the first word of the clause the first conjunct opens, read back to a clause break ("most members
    followed the union | and supported X"); none where the first person is in it ("we campaigned and supported X"), nor
    "he"/"she" opening an indirect report (``indirect``: mostly the speaker).

    >>> def sub(t):
    ...     words = list(re.finditer(r"\\w+", t.lower()))
    ...     j = max(i for i, m in enumerate(words) if m.group() == "and")
    ...     return _first_conjunct_subject(t, [m.group() for m in words], [m.start() for m in words], j, indirect=True)
    >>> [sub(t) for t in ("Most members followed the union and supported X.", "We campaigned and supported X.",
    ...                   "He campaigned and supported X.", "In 2008, members left the party and voted for X.")]
    [0, -1, -1, 9]
    """
    k = j - 1
    while k >= 0 and j - k <= _CONJUNCT_MAX_WORDS:
        found = _TOKEN_RE.match(text, tok_starts[k])
        if _BREAK_BETWEEN_RE.search(text, found.end() if found else tok_starts[k], tok_starts[k + 1]):
            break
        if tokens[k] in _FIRST_PERSON or tokens[k] in ("you", "your"):
            return -1
        k -= 1
    first = k + 1
    if first >= j or j - k > _CONJUNCT_MAX_WORDS:
        return -1
    word = _contracted(tokens[first])
    if word in _SPEAKERS_OWN or word in _STOP_WORDS - {"that", "who", "which"} or (indirect and word in _THIRD_PERSON):
        return -1
    return tok_starts[first]


def _contracted(word: str) -> str:
    """A word with its contraction read: "we've" is "we", "won't" and "didn't" are auxiliaries ("n't", skipped), "she's"
    is "she"; a possessive ("trump's") stays as it is.

    >>> [_contracted(w) for w in ("we've", "i'll", "won't", "she's", "trump's", "voters")]
    ['we', 'i', "n't", 'she', "trump's", 'voters']
    """
    if word.endswith("n't"):
        return "n't"
    head, sep, tail = word.replace("’", "'").partition("'")
    if sep and (tail in _CLITICS or (tail == "s" and head in _PRONOUN_SUBJECTS)):
        return head
    return word
