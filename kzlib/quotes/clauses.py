"""The shapes of reported clauses, read by :mod:`kzlib.quotes.reported`: where a report opens and ends
(occasions, subordinate openings, participles of speech, coordinated verbs), passives and their agents, and the
subjects read around a verb of saying (inverted descriptions, groups with examples, opening phrases)."""

from __future__ import annotations

import re
from functools import lru_cache

from kzlib.quotes.cues import _cues
from kzlib.quotes.subject import _CONTENT_ADJUNCT, _PLACE_NAME

__all__: list[str] = []


#: A form of "be" (and adverbs) before a cue ("are largely opposed", "was told"), and the cues it makes passive.
_BE_BEFORE = re.compile(r"(?<![\w'’-])(?:is|are|was|were|be|been|being|am)\s+(?:(?:not|also|still|now|(?-i:[a-z]+ly))\s+)*\Z",
                        re.IGNORECASE)
_PARTICIPLE_FORM = re.compile(r"(?:[a-z]+ed|told|said|shown|written|known|thought|heard|seen|taught|"
                              r"spoken|sworn|bidden|forbidden|understood)\b", re.IGNORECASE)
#: After a passive's agent: a new clause or verb phrase, not what the agent said ("and said", ", who").
_CLAUSE_GOES_ON = re.compile(r"\s*(?:[;:.!?]|$|(?:,\s*)?(?P<conj>and|but|who|which|while|as)\b)", re.IGNORECASE)
#: The agent's relative clause before a verb ("criticized by residents, who said ..."): the agent speaks.
_AGENT_WHO = re.compile(r"\s*,?\s*who\s+(?:(?:also|later|then|(?-i:[a-z]+ly))\s+)?", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s+(?:[a-z]+ly\s+)?by\s+")
#: The agent's noun phrase after "by": up to six words, before a preposition, conjunction or punctuation.
_AGENT_STOP = (r"(?!(?-i:for|over|after|because|in|on|at|during|when|as|to|with|and|but|that|who|which|while|since|"
               r"about|of)\b)")
_AGENT_NP = re.compile(r"(?!(?:phone|telephone|e-?mail|text|video|mail|letter|fax|radio|satellite|name|far|default|law|"
                       r"contrast|comparison|way|then|now)\b)" + _AGENT_STOP + r"[\w'’/-]+(?:\s+" + _AGENT_STOP
                       + r"[\w'’/-]+){0,5}", re.IGNORECASE)


def _past_adjuncts(text: str, pos: int, end: int) -> int:
    """Where the words after a verb of saying start once its adjuncts are read ("predicted at the debate that ...",
    "warned in a statement on Monday that ...")."""
    while (jm := _CONTENT_ADJUNCT.match(text, pos, end)) is not None and jm.end() > pos \
            and jm.group(0).strip(" ,").lower() not in ("that", "then", "also"):
        pos = jm.end()
    return pos


#: A passive auxiliary right before a verb ("was asked", "had been asked").
_PASSIVE_AUX = re.compile(r"(?<![\w'’-])(?:was|were|is|are|been|being|be|get|got|gets)\s+\Z", re.IGNORECASE)


#: Where a verb's object ends (``object`` cues): a comma, dash, semicolon or a clause's conjunction.
_OBJECT_END = re.compile(r"\s*(?:[,;:—–(]|\s-\s|\b(?:and\s+(?:has|have|had|is|was|said|says|will|would)|but|because|"
                         r"while|when|after|before|although|though|since|saying|calling|(?<!such )as\s+(?:he|she|they|it|the|a\s+result))\b"
                         # (not "as a/an": "criticized Obama as a weak leader" -- the predicative is the content)
                         # a second verb of the subject ("defended Cruz and blasted Rubio"), a means ("by reminding"),
                         # the occasion ("in a recent interview", "last week")
                         r"|\band\s+(?:also\s+)?[a-z]+ed\b|\bby\s+[a-z]+ing\b|\b(?:in|during|at|on)\s+(?:an?|his|her|their|its|the)\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:interview|speech|statement|debate|appearance|op-ed|post|tweet|rally|address)\b"
                         r"|\b(?:last|this)\s+(?:week|month|year|spring|summer|fall|winter|Monday|Tuesday|Wednesday|Thursday|"
                         r"Friday|Saturday|Sunday)\b)", re.IGNORECASE)


#: Where a reported clause ends before the sentence does: a main clause coordinated after a comma (a new
#: subject or a second verb of the speaker's) or a participle phrase ("..., and he railed", "..., vowing to").
_CLAUSE_END = (r",\s+(?:(?:and|but)\s+(?:also\s+)?(?:(?:he|she|they|we|i)\b|[a-z]+ed\b|said\b|says\b)|"
               r"(?:compared|according|{participles})\b)")


#: An opening phrase of place or time ("In the free-trade zone,", "By the end of the day,"): no reported clause.
_PREP_OPEN = re.compile(r"\s*(?:(?-i:In|At|On|During|Within|Across|Inside|Outside|Among|Amid|Under|Near|Despite|Throughout|"
                        r"From|By|With|Without|Over)\s[^,;:.!?\"“”]{0,80}|(?-i:This|Last|Next|Earlier|Later|Early|Late)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:week|month|year|spring|summer|fall|autumn|winter|morning|afternoon|evening|"
                        r"night|weekend|day|decade)s?),\s*", re.IGNORECASE)
#: "As X said (at the summit), CLAUSE": the report is the clause after the comma, not an opening clause's rest.
_AS_OPEN = re.compile(r"\s*(?:just\s+)?as\b", re.IGNORECASE)
#: A report opening with a subject pronoun and an auxiliary only ("said he would", "said she could").
_SHORT_CLAUSE = re.compile(r"\s*(?:he|she|they|it|we|i)\s+(?:would|could|will|can|did|does|do|was|is|were|had|has|have|"
                           r"might|should|must)(?:\s+not|n['’]t)?\s*[.!?]?\s*", re.IGNORECASE)
#: A description right after an inverted verb ("..., said a handful of Democrats who ..."): its head.
_GROUP_AFTER = re.compile(r"\s+(?:an?|the|two|three|four|five|several|some|many|most|other|a\s+handful\s+of|a\s+number\s+of|"
                          r"\d+)\s+(?:[\w’'-]+\s+){0,2}?(?P<head>[\w’'-]+)"
                          r"(?=\s*(?:[,.;]|$)|\s+(?:who|which|of|from|in|at|with|familiar|close|involved)\b)", re.IGNORECASE)
#: A preposition right after a one-word object cue: the cue is a noun ("support from", "criticism of").
_NOUN_NEXT = re.compile(r"\s+(?:from|of|among)\b", re.IGNORECASE)
#: A plural subject at the sentence's start with examples in apposition, right before the verb ("Even the
#: biggest hawks, like Rubio and Bush, say", "Many economists, including Jane Roe, have said").
_LIKE_SUBJECT = re.compile(
    r"\s*(?:(?:even|still|but|and|yet|now)\s+)?(?P<np>(?:[\w’'-]+\s+){0,4}?(?-i:[a-z][\w’'-]*[a-rt-z]s))"
    r"\s*,\s*(?:like|including|such\s+as)\s+[^,;:]{1,80},\s*(?:(?:also|have|has|had|all)\s+)*\Z", re.IGNORECASE)
#: The words of which ``_LIKE_SUBJECT`` needs one (see ``_COMPLEMENT_KEYS``).
_LIKE_KEYS = frozenset(b"like including such".split())
#: An inverted subject that is a description with a complement, after a comma and right before the verb
#: ("..., a source close to the campaign said", "..., two people familiar with the talks said").
_COMPLEMENT_SUBJECT = re.compile(
    r",\s+(?P<np>(?:(?:an?|the|two|three|four|five|several|some|many|one|other|\d+)\s+)?(?:[\w’'-]+\s+){0,2}?"
    r"(?P<head>[\w’'-]+)\s+(?:close|familiar|loyal|allied|connected|near|privy)\s+(?:to|with)\s+"
    r"(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+(?:(?:also|later|have|has|had)\s+)?\Z", re.IGNORECASE)
#: The words (see ``kzlib.text.word_index``) of which ``_COMPLEMENT_SUBJECT`` needs one ("close to", "familiar with"):
#: in a paragraph without any it is not searched for at each cue.
_COMPLEMENT_KEYS = frozenset(b"close familiar loyal allied connected near privy".split())
#: Verbs that go on with the same speaker after "and" ("said A and added B"); other verbs of saying only with
#: "that" ("said A and insisted that B"); not verbs that a reported clause's own subject does ("Police said a man
#: entered the bank and told the clerk ...": the man told).
_GOES_ON_VERBS = frozenset("said says added adds noted notes stressed stresses acknowledged acknowledges conceded "
                           "concedes emphasized emphasised emphasizes reiterated reiterates".split())
#: "and" (or "but") right before a second verb of saying: "... and said", "... but also added".
_AND_VERB = re.compile(r"(?:\s*,)?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:(?:in|on|at|during)\s+(?:an?|the|his|her|"
                       r"their|its)\s+(?:[\w-]+\s+){0,3}?)?(?:(?:has|have|had|will|would)\s+)?(?:also\s+|since\s+)?\Z",
                       re.IGNORECASE)
#: Participles of the cue lexicon that are as often nouns, adjectives or the reported clause's own verb ("offers
#: tutoring, counseling, speaking lessons", "costs have risen, backing up ...", "writing and editing services"):
#: they end no report.
_NOT_ENDING_PARTICIPLES = frozenset("""backing chanting declining showing signaling signalling speaking writing supporting
reporting talking shouting yelling tweeting expressing estimating discussing echoing confirming opposing endorsing
indicating revealing demonstrating meaning reflecting proving""".split())
#: The participles that end any report, a participle's own included ("calling for A, saying B").
_CHAIN_ENDS = ("vowing", "saying", "adding", "noting", "arguing", "calling", "citing", "pointing", "insisting", "warning")


@lru_cache(maxsize=2)
def _clause_end(participle: bool) -> re.Pattern[str]:
    """``_CLAUSE_END`` with the participles of the cue lexicon after a finite verb ("suggesting", "admitting"), less
    ``_NOT_ENDING_PARTICIPLES``; after a participle's own report only ``_CHAIN_ENDS`` ("calling on A to B, urging C":
    one act)."""
    words = set(_CHAIN_ENDS) if participle else {f.split()[0] for f, c in _cues()[1].items()
                                                 if c.indirect and f.split()[0].endswith("ing")} - _NOT_ENDING_PARTICIPLES
    return re.compile(_CLAUSE_END.format(participles="|".join(sorted(words | set(_CHAIN_ENDS)))))


#: ", adding ..." / ", saying ..." right after a verb of saying: a participle phrase goes on with the report.
_PARTICIPLE_NEXT = re.compile(r"\s*,\s*(?:also\s+)?[a-z]+ing\b")
#: A subject pronoun and a word after a verb of saying: a reported clause, not an adjunct ("she said he had").
_SUBJECT_NEXT = re.compile(r"\s+(?:he|she|they|we|I|it|there)\s+[a-z]")
#: A sentence that opens with a subordinate clause ("After he spoke, she said ..."): its first part is no report.
_SUBORDINATE_OPEN = re.compile(r"\s*(?:after|when|if|although|because|while|as|since|before|once|until|though|"
                               r"whenever|unless)\b", re.IGNORECASE)
#: Coordinated verb phrases of one subject: "refused to answer ... but said ...".
#: What a reported clause opens with after its verb ("said that", "said the", "say she", "told Reuters it",
#: "say bread is scarce").
_CLAUSE_OPEN = re.compile(r"\s*,?\s*(?:that\b|(?:the|a|an|he|she|they|it|we|i|you|his|her|their|its|our|this|these|"
                          r"those|there|some|many|most|no|all|both|each|every)\b|[a-z]+ing\b|[A-Z0-9\"“‘]|"
                          r"[a-z]+\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must)\b)")
#: After "CLAUSE, X said": an apposition or a coordinated clause of the sentence, not a report (", a policy
#: that ...", ", which ...", ", and with ..."). Here and in the next pattern each of the up to three words ends
#: at a word boundary: without it a run of digits or letters splits into words in cubically many ways (523 s
#: on 5,000 digits after "said"; `benchmarks/adversarial.py`).
_CLAUSE_APPOSITION = re.compile(r"(?:\s*\w+\b){0,3}?\s*(?:,|--|[—–])\s*(?:a|an|which|something|one|and|but)\b",
                                re.IGNORECASE)
#: After "A, X says": the rest of the sentence the attribution interrupts (", is different", ", when she ...").
_PARENTHETICAL = re.compile(r"(?:\s*\w+\b){0,3}?\s*,\s*(?:is|are|was|were|has|have|had|will|would|can|could|should|may|"
                            r"might|must|does|did|do|remains?|seems?|when|while|if|because|that|after|before|since|"
                            r"until|though|although|[a-z]{3,}ed)\b")
#: A verb of saying inside a relative clause, its subject between ("which officials said", "what analysts say").
_REL_ATTR = re.compile(r"\b(which|that|who|whom|what)\s+((?i:the|a|an|his|her|their|its|our|my|some|many|most|several|"
                       r"both|he|she|they|we|i|you)\b(?:\s+(?![\w’'.%-]+ed\b)[\w’'.%-]+){0,3}|\d[\w%]*(?:\s+[\w’'.%-]+){0,2}|"
                       r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}|(?P<group>[a-z]+))"
                       r"\s+\Z")
#: Verbs whose noun phrase after them is the one spoken to ("..., told Reuters"), never an inverted speaker.
_ADDRESSED = frozenset("told tells tell telling informed assured reminded asked asks urged".split())
#: After a quotation's closing mark: the clause goes on in lower case ('"We are happy" about the decision').
_GOES_ON = re.compile(r"(?:''|[\"”’'])?\s+[a-z]")


#: Cues that name or describe their object ("called the vote "a fraud"", "described him as "a fighter""): the
#: content is the object and its quoted complement.
_NAMING_CUES = frozenset("called calls calling described describes describing dubbed labeled labelled branded "
                         "referred to refers to referring to".split(" "))
#: After a naming cue's quoted complement: a second verb of the subject ('"a fraud" and vowed to ...', '"a leader"
#: but described ...'), which is no longer the naming.
_NEXT_VERB = re.compile(r"[,;]?\s+(?:and|but|while|then|before)\s+(?:(?:also|later|then|(?-i:[a-z]+ly))\s+)?"
                        r"(?:[a-z]+ed(?=\s+(?:(?:the|a|an|his|her|their|its|it|them|him|to|that)\b|[A-Z]))|said|told|"
                        r"wrote|made|took|gave|went|left|sent|put|set|won|lost|spoke|says|tells|writes)\b")
#: (a word in -ed counts as a verb only with an object after it: '"reckless" and biased against farmers' is one naming)


def _complement_end(cue: str, text: str, start: int, end: int, closes: list[int]) -> int:
    """Where a naming cue's content ends: after its quoted complement when another verb of the subject follows
    it ('called the election "a citizenship election" and likened it to ...'), else ``end``. ``closes`` are
    the positions of the closing marks of the quotations inside the content.

    Example:
        >>> t = 'the vote "a fraud" and vowed to appeal.'
        >>> t[:_complement_end("called", t, 0, len(t), [t.index('" and')])]
        'the vote "a fraud"'
        >>> _complement_end("said", t, 0, len(t), [t.index('" and')]) == len(t)
        True
    """
    if cue.lower() not in _NAMING_CUES:
        return end
    for close in closes:
        if start < close < end and _NEXT_VERB.match(text, close + 1, end):
            return close + 1
    return end


#: An opening participle phrase and its comma ("Speaking in Ames, Iowa, ...").
_OPENING_PARTICIPLE = re.compile(r"\s*(?:[A-Z][a-z]+ly\s+)?[A-Z][a-z]{2,}ing\s[^,;:.!?\"“”]{0,80},\s*")


def _main_clause_start(text: str, a: int, b: int) -> int:
    """Where the main clause of the sentence at ``a`` starts, before ``b``: after an opening phrase of place or
    time, a subordinate clause or a participle and its comma ("After the Paris attacks, Trump ...", "Speaking in
    Ames, Iowa, Clinton ..."), else ``a``. A comma between a place and its state ("Ames, Iowa,") is no clause's
    end."""
    m = _PREP_OPEN.match(text, a, b) or _OPENING_PARTICIPLE.match(text, a, b)
    if m is None and _SUBORDINATE_OPEN.match(text, a, b) and not _AS_OPEN.match(text, a, b):
        c = text.find(",", a, b)
        return a if c < 0 else c + 1
    if m is None:
        return a
    end = m.end()
    if (pm := _PLACE_NAME.match(text, end, b)) is not None and text[m.end() - 2:m.end()].strip() == "," \
            and (cm := _COMMA_AFTER.match(text, pm.end(), b)) is not None:
        end = cm.end()  # "in Salem, New Hampshire, Trump": the state goes with the place
    return end


_COMMA_AFTER = re.compile(r",\s*")


#: What follows a cue that makes it no verb of saying: "found on an inner tube", "found dead" (a finding of a thing
#: or a person, not a finding reported); "estimates for the plant", "claims of fraud" (a plural noun).
_NOT_REPORT_AFTER = (
    (frozenset("found finds".split()),
     re.compile(r"\s+(?:in|on|at|near|inside|outside|under|behind|among|dead|alive|guilty|innocent|liable|unconscious|"
                r"safe|missing)\b(?![^,.;:]*\bthat\b)", re.IGNORECASE)),  # ("found in 2014 that ..." reports)
    (frozenset("estimates claims reports warnings".split()), re.compile(r"\s+(?:of|for)\b", re.IGNORECASE)),
)


def _not_a_report(form: str, text: str, pos: int, end: int) -> bool:
    """Whether the words after the cue ``form`` (at ``pos``) make it something else than a verb of saying.

    Example:
        >>> t = "The boy was found on an inner tube."
        >>> _not_a_report("found", t, t.index(" on"), len(t)), _not_a_report("found", "found that", 5, 10)
        (True, False)
    """
    low = form.lower()
    return any(low in forms and rx.match(text, pos, end) for forms, rx in _NOT_REPORT_AFTER)
