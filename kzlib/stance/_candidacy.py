"""Who should hold an office, who can win it, whom the speaker prefers: the stances of campaign talk that carry no
word of opinion.

- **An office as what a target should or cannot hold** (``_office``): "X should be president", "X deserves to be the
  nominee", "X has to be our nominee" favour X; "X should not be president", "X must never be the nominee", "X can
  never be president", "X will never be president" speak against X; the speaker's "I don't think X should be …"
  reverses it. A prediction without "never" ("X will not be the nominee") is no reading: analysts make those of
  candidates they favour.
- **Who can win** (``_office``): "X can't win", "X cannot possibly win" speak against X, not with a condition, reason
  or contrast after it ("X can't win without Latino voters": a strategist's analysis), nor of a past race ("couldn't
  win"). "Only X can beat Y" and "X is the only one who can beat Y" favour X and speak against Y, whom the speaker
  wants beaten; "X can win" alone is no reading (said of rivals as a warning as often as of one's own candidate).
- Both only where the sentence up to the name is the speaker's own (``_own_lead``: linking words, "this is why", "I
  think", a factive "know"), not a question: "Republicans worry X can't win", "according to Smith, X should be
  president" and "the idea that X can't win is nonsense" are others' views or a rebuttal.
- **The speaker's preference** (``_preferred``): "I will take X over Y", "we prefer X to Y", "I'd rather have X than
  Y", "I'd choose X over Y" favour X and speak against Y; "I urged X to run" favours X. Only the speaker's own act
  counts (``_speakers_act``: "I", "we", or "he"/"she"/"they" in an indirect report), not negated ("I would never take X
  over Y" gives no reading: what the speaker would do instead is not said). "Voters prefer X to Y" is the voters'.

Added in the forty-first session: of 149 PolNeAR training rows the rules read as none, coded blind, the coder found a
side in 96; "I will take Bernie Sanders over …", "this is why … should be president", "I urged … to run", "If we
nominate …" were among them, and no rule read the choice of a candidate that names no opinion.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from kzlib.stance._acts import _heads, _negated_act, _speakers_act
from kzlib.stance._names import _NAME_PREFIX
from kzlib.stance._objects import _Mention

__all__: list[str] = []

#: an office or the race for it, as a subject complement ("be | the next president", "win | the nomination")
_OFFICE = (r"(?:the\s+|our\s+|a\s+|their\s+|his\s+|her\s+|this\s+country['’]s\s+)?(?:next\s+|party['’]s\s+|"
           r"(?:republican|democratic|gop)\s+|presidential\s+)?(?:president|presidency|nominee|nomination|"
           r"commander[-\s]in[-\s]chief|white\s+house|standard[-\s]bearer)\b")
#: right after a target's name: a modal of obligation or ability, a negation, "be"/"become"/"win" and an office, or
#: "win" alone after an inability ("can't win")
_OFFICE_RE = re.compile(
    r"\s+(?:(?:really|clearly|simply|absolutely|certainly|definitely|surely|just)\s+)?"
    r"(?P<modal>should|must|ought\s+to|deserves?\s+to|has\s+to|needs?\s+to|can|could|will|would)"
    r"(?P<neg>\s*n['’]t|(?<=can)['’]t|\s+not|\s+never|not)?\s+(?:(?:ever|possibly|really|be\s+allowed\s+to)\s+)?"
    r"(?:(?:be|become|get|win|be\s+elected)\s+" + _OFFICE + r"|(?P<win>win)\b(?!\s+(?:without|unless|if|until|except|"
    r"with|by|in\s+a|back|them|it|every|any|all|everything|this|that|for|militarily|on\s+the\s+battlefield|"
    r"the\s+(?:argument|fight|battle|war|debate|case|day))\b))", re.I)
#: a condition, a reason, a contrast or an alternative after the office that makes the sentence an analysis or a charge,
#: no verdict ("should be president if …", "should be the nominee or …", "cannot win because of …", "can't win Iowa, but
#: …", "needs to be president for all Americans")
_CONDITION_RE = re.compile(r"\s*,?\s+(?:if|unless|only\s+if|or|but|for\s+(?:all|every|everyone|everybody|the\s+whole))\b",
                           re.I)
#: after "can't win", a reason or a condition later in its clause: an analysis ("cannot win because of …", "can't win
#: Ohio without the unions"); or a contrast ("can't win Iowa, but he will win the nomination")
_ANALYSIS_AFTER_RE = re.compile(r"[^.!?;]{0,40}?\b(?:because|since|as\s+long\s+as|so\s+long\s+as|due\s+to|given|when|"
                                r"until|without|unless|if|but)\b", re.I)
#: what may come between a sentence's start and the name for the sentence to be the speaker's own verdict: linking
#: words, "this is why", the speaker's own opinion verb ("I think", "we don't believe": group ``neg``; in an indirect
#: report "he"/"she"/"they" too) or anyone's factive "know". Anything else is someone else's view, a content clause
#: ("the idea that X can't win", "according to Smith, X …", "Republicans worry X can't win") or a condition ("without
#: more aid, X …")
_LINKING = (r"(?i:and|but|so|yes|look|well|now|frankly|honestly|clearly|again|also|still|listen|mark\s+my\s+words|"
            r"it['’]s\s+\w+\s*,\s*but)")
_WHY = r"(?:[^.!?:;]*?\b(?i:this\s+is|that['’]s|which\s+is|that\s+is)\s+why\s+)"
_OPINION = (r"(?:<who>)\s+(?:(?:really|truly|honestly|still|firmly|strongly|personally|also|just)\s+)*"
            r"(?P<neg>(?:do|does|did)\s*n['’]t\s+|(?:do|does|did)\s+not\s+)?"
            r"(?:think|thinks|believe|believes|feel|feels|know|knows|say|says|suppose|guess|mean|am\s+convinced|"
            r"['’]m\s+convinced)\s+(?:that\s+)?")
#: anyone's factive "know" presupposes what follows, the speaker's own ("they know X is the only one …")
_FACTIVE = r"(?:[\w'’]+\s+){1,2}?(?:know|knows|knew|understand|understands|realize|realizes)\s+(?:that\s+)?"
_LEAD = r"[\s\"“'‘(—–-]*(?:" + _LINKING + r"[\s,]+)*(?:" + _WHY + "|<opinion>|" + _FACTIVE + ")?"
_OWN_LEAD_RE = re.compile(_LEAD.replace("<opinion>", _OPINION.replace("<who>", r"I|[Ww]e")) + _NAME_PREFIX + "$")
_OWN_LEAD_INDIRECT_RE = re.compile(_LEAD.replace("<opinion>", _OPINION.replace("<who>", r"I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey"))
                                   + _NAME_PREFIX + "$")
_CLAUSE_BREAK_RE = re.compile(r"[:;]")  # a clause of its own inside a sentence ("Mark my words: X will never …")
_OBLIGATION = frozenset("should must ought deserve deserves has need needs".split())
#: "only" before the name, and "can"/"could" with a verb of winning after it whose object is a name or a pronoun: "only
#: (Senator) X can beat Y" (not "only Elbonia can stop the bloodshed", a charge)
_ONLY_BEFORE_RE = re.compile(r"\b[Oo]nly\s+" + _NAME_PREFIX + "$")  # case-sensitive: the prefix's capitals are names
_CAN_BEAT_RE = re.compile(r"\s+(?:can|could)\s+(?:(?:beat|defeat|stop)(?=\s+(?:[A-Z]|him\b|her\b|them\b))|win\b)")
#: "X is the only one who can beat": a copula, "the only" and a noun of a candidate, a relative and a verb of winning
#: or leading, or "strong enough to" ("X's the only one strong enough to stop …")
_ONLY_ONE_RE = re.compile(r"(?:\s+(?:is|was|remains)|['’]s)\s+(?:really\s+|clearly\s+|still\s+)?the\s+only\s+(?:\w+\s+)?"
                          r"(?:one|candidate|person|guy|man|woman|republican|democrat|conservative|contender)\s+"
                          r"(?:(?:who|that)\s+(?:can|could|will)\s+(?:really\s+)?(?:beat|defeat|stop|win|fix|lead|unite|"
                          r"deliver)\b|(?:strong|tough|smart|experienced|qualified|ready|capable)\s+enough\s+to\b)", re.I)
#: "the only one who can beat Y is X": the subject phrase before the copula and X
_ONLY_ONE_FIRST_RE = re.compile(r"\b[Tt]he\s+only\s+(?:\w+\s+)?(?:one|candidate|person|guy|man|woman|[Rr]epublican|"
                                r"[Dd]emocrat|conservative|contender)\s+(?:who|that)\s+(?:can|could)\s+"
                                r"(?:beat|defeat|stop|win)\b[^.!?;]{0,80}?\s(?:is|was)\s+" + _NAME_PREFIX + "$")
_BEAT_RE = re.compile(r"\b(?:beat|defeat|stop)\b", re.I)
#: a verb of choosing among candidates, its object, a word that ranks it above another ("take X over Y")
_PREFER_RE = re.compile(r"\b(?:prefer(?:s|red|ring)?|take|takes|pick|picks|choose|chooses|chose|rather\s+(?:have|see|"
                        r"vote\s+for|support|back|take)|vote\s+for|votes\s+for|support|back)\b", re.I)
_RANKED_ABOVE_RE = re.compile(r"(?:\s+in\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:election|race|primary|contest|match-?up|"
                              r"showdown|November|fall))?"  # "support X in a general election over Y"
                              r"\s*,?\s+(?:over|to|than|rather\s+than|instead\s+of|ahead\s+of)\s+", re.I)
#: a verb of urging a candidacy, its object, "to run" ("I urged X to run")
_URGE_RE = re.compile(r"\b(?:urg(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|begg?(?:s|ed|ing)?|implor(?:e|es|ed|ing)|"
                      r"push(?:es|ed|ing)?)\b", re.I)
_TO_RUN_RE = re.compile(r"\s+to\s+(?:run|enter\s+the\s+race|get\s+in(?:to)?\s+the\s+race|jump\s+in)\b(?!\s+against)",
                        re.I)
#: words right before "to" that make its infinitive the subject's own (subject control: "I want to take X over Y");
#: any other word there is an object, whose choice it is ("I expect the delegates to choose X over Y")
_CONTROL = frozenset("""want wants wanted need needs needed have has had got going gonna would like love prefer plan
plans planned intend intends hope hopes try tries tried decide decided decides ready able willing prepared vow vowed
promise promised pledge pledged""".split())


def _office(text: str, mention: _Mention, *, indirect: bool = False, sentence: int = 0) -> tuple[float, int, int] | None:
    """What the words right after a target's name (its clause's subject) say of the office it seeks: +1 where it should
    hold it, −1 where it should not or never can ("should not be president", "can't win"), reversed after the speaker's
    "I don't think"; with the span read. None where they say neither, in a question ("X can't win? Watch us."), and
    where someone else says or believes it ("they keep saying X can't win").

    Example:
        >>> def read(t, name="Dorn"):
        ...     r = _office(t, _Mention(t.index(name), t.index(name) + len(name), name, "alias", 0.0))
        ...     return r and (r[0], t[r[1]:r[2]])
        >>> read("This is why Dorn should be president.")
        (1.0, 'should be president')
        >>> [read(t)[0] for t in ("Dorn deserves to be the nominee.", "Dorn must never be president.",
        ...   "Dorn can't win.", "Dorn will never be president.", "Dorn cannot possibly win in November.",
        ...   "I don't think Dorn should be president.", "I say Dorn can't win.", "Dorn should be president instead of Smith.")]
        [1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 1.0]
        >>> [read(t) for t in ("Dorn will not be the nominee.", "Dorn can't win without Latino voters.",
        ...   "Dorn can win.", "Dorn should be president if he wins Ohio.", "Dorn cannot win because of the tariffs.",
        ...   "Dorn should be more careful.", "Anyone but Dorn should be the nominee.",
        ...   "He makes the case for why Mrs. Dorn should be president.", "They keep saying Dorn can't win.",
        ...   "Dorn can't win? Watch us.", "Dorn can't win them all.", "Dorn couldn't win in 2016.",
        ...   "Dorn needs to be president for all Americans.", "Dorn can't win Iowa, but he will win the nomination.")]
        [None, None, None, None, None, None, None, None, None, None, None, None, None, None]
    """
    found = _OFFICE_RE.match(text, mention.end)
    if found is None or _CONDITION_RE.match(text, found.end()) or _asked(text, found.end()):
        return None
    lead = _own_lead(text, mention.start, indirect=indirect, sentence=sentence)
    if lead is None:
        return None  # someone else's view, a content clause or a condition before the name
    modal = found.group("modal").lower().split()[0]
    neg = (found.group("neg") or "").strip().lower()
    if modal in _OBLIGATION and not found.group("win"):
        value = -1.0 if neg else 1.0
    elif (neg == "never" or (neg and modal == "can")) and not (
            found.group("win") and _ANALYSIS_AFTER_RE.match(text, found.end())):
        value = -1.0  # "will never be president", "can't win", "cannot be president"; not "couldn't" (a past fact)
    else:
        return None
    if lead.group("neg"):
        value = -value  # "I don't think X should be president"
    return value, found.start("modal"), found.end()


def _own_lead(text: str, start: int, *, indirect: bool = False, sentence: int = 0) -> re.Match[str] | None:
    """The words from the start of the sentence (``sentence``: where it starts, as the rules split the quote; or of a
    clause after a colon or semicolon in it) to the name at ``start`` where they leave the sentence the speaker's
    own (linking words, "this is why", "I think", "we don't believe"; "he thinks" in an ``indirect`` report); None
    where someone else's view, a content clause or a condition comes first.

    >>> t = "Frankly, I don't think Dorn should be president. According to Smith, Dorn should be president."
    >>> [_own_lead(t, i, sentence=s) is not None for i, s in ((t.index("Dorn"), 0), (t.rindex("Dorn"), t.index("Acc")))]
    [True, False]
    """
    begin = max((found.end() for found in _CLAUSE_BREAK_RE.finditer(text, sentence, start)), default=sentence)
    return (_OWN_LEAD_INDIRECT_RE if indirect else _OWN_LEAD_RE).fullmatch(text, begin, start)


def _asked(text: str, pos: int) -> bool:
    """Whether the sentence that ``pos`` is in ends with a question mark (an echo question, "X can't win?"; "Would I take
    X over Y?").

    >>> _asked("Dorn can't win? Watch us.", 5), _asked("Dorn can't win. Really?", 5)
    (True, False)
    """
    end = re.compile(r"[.!?]").search(text, pos)
    return end is not None and end.group() == "?"


def _only_one(text: str, mention: _Mention) -> tuple[int, int] | None:
    """The span of "only X can beat", "X is the only one who can beat" or "the only one who can beat … is X", where the
    target is X; None elsewhere.

    >>> t = "The only guy who can beat Donald Trump is Ted Cruz."
    >>> s = _only_one(t, _Mention(t.index("Ted"), t.index("Ted") + 8, "Ted Cruz", "alias", 0.0)); t[s[0]:s[1]]
    'The only guy who can beat Donald Trump is Ted Cruz'
    >>> t = "They know Dorn's the only one strong enough to stop the abuses."
    >>> s = _only_one(t, _Mention(10, 14, "Dorn", "alias", 0.0)); t[s[0]:s[1]]
    "Dorn's the only one strong enough to"
    >>> t = "Only Ted Cruz can beat him."
    >>> s = _only_one(t, _Mention(5, 13, "Ted Cruz", "alias", 0.0)); t[s[0]:s[1]]
    'Only Ted Cruz can beat'
    """
    before = _ONLY_BEFORE_RE.search(text, max(0, mention.start - 60), mention.start)
    if before is not None and (after := _CAN_BEAT_RE.match(text, mention.end)):
        return before.start(), after.end()
    if after := _ONLY_ONE_RE.match(text, mention.end):
        return mention.start, after.end()
    if first := _ONLY_ONE_FIRST_RE.search(text, max(0, mention.start - 160), mention.start):
        return first.start(), mention.end
    return None


def _preferred(text: str, mentions: Iterable[_Mention], tokens: list[str], tok_starts: list[int],
               clause_start: Callable[[int], int], sentence_start: Callable[[int], int], *,
               indirect: bool) -> list[tuple[_Mention, float, int, int]]:
    """The targets of the speaker's own choice among candidates, each once with +1 for the one chosen and −1 for the
    one it is chosen over ("I will take X over Y", "we prefer X to Y"), +1 for one urged to run ("I urged X to run"),
    and the span read; not negated ("I would never take X over Y") and not someone else's ("voters prefer X to Y").

    Example:
        >>> t = "I will take Sanders over Trump or Cruz, and voters prefer Dorn to Smith."
        >>> ms = [_Mention(t.index(w), t.index(w) + len(w), w, "alias", 0.0) for w in ("Sanders", "Trump", "Cruz",
        ...       "Dorn", "Smith")]
        >>> words = list(re.finditer(r"\\w+(?:'\\w+)?|n't", t.lower()))
        >>> found = _preferred(t, ms, [w.group() for w in words], [w.start() for w in words],
        ...                    lambda pos: t.rfind(",", 0, pos) + 1, lambda pos: 0, indirect=False)
        >>> [(m.target, v) for m, v, s, e in found]
        [('Sanders', 1.0), ('Trump', -1.0), ('Cruz', -1.0)]
    """
    low = text.lower()  # no word that ranks or urges a run: no choice to look for (most quotes)
    ranked = "prefer" in low or any(w in low for w in (" over ", " than ", " instead of ", " ahead of "))
    running = any(w in low for w in (" to run", " to enter", " the race", " jump in"))
    verbs = ([(verb, False) for verb in _PREFER_RE.finditer(text)] if ranked else []) + (
        [(verb, True) for verb in _URGE_RE.finditer(text)] if running else [])
    pool = sorted((m for m in mentions if not m.holder and m.kind == "alias"), key=lambda m: m.start) if verbs else []
    if not pool:
        return []
    starts = [m.start for m in pool]
    found: dict[int, tuple[_Mention, float, int, int]] = {}
    for verb, urged in verbs:
        chosen = _heads(text, verb.end(), pool, starts)
        if not chosen:
            continue
        tail = (_TO_RUN_RE if urged else _RANKED_ABOVE_RE).match(text, chosen[-1].end)
        if tail is None:
            continue
        ti = max(0, bisect.bisect_right(tok_starts, verb.start()) - 1)
        if _negated_act(tokens, ti) or not _speakers_act(text, tokens, tok_starts, ti, clause_start,
                                                          sentence_start(verb.start()), indirect=indirect) or (
                ti >= 2 and tokens[ti - 1] == "to" and tokens[ti - 2] not in _CONTROL) or _asked(text, verb.end()):
            continue  # not the speaker's own choice: "I expect the delegates to choose X over Y", "Would I take X …?"
        rejected = [] if urged else _heads(text, tail.end(), pool, starts)
        if not urged and not rejected:
            continue  # "prefer X to win", "take X over the top": no one it is chosen over
        end = rejected[-1].end if rejected else tail.end()
        for m, value in [(m, 1.0) for m in chosen] + [(m, -1.0) for m in rejected]:
            found.setdefault(id(m), (m, value, verb.start(), end))
    return list(found.values())


def _beaten(text: str, span: tuple[int, int], mentions: Iterable[_Mention]) -> list[_Mention]:
    """The targets named right after the verb of winning in ``span`` (``_only_one``'s): whom the speaker wants beaten.

    >>> t = "Only Cruz can beat Donald Trump."
    >>> [m.target for m in _beaten(t, (0, len(t)), [_Mention(19, 31, "Trump", "alias", 0.0)])]
    ['Trump']
    """
    pool = sorted((m for m in mentions if not m.holder and m.kind == "alias"), key=lambda m: m.start)
    verb = _BEAT_RE.search(text, span[0], span[1])
    if verb is None:
        return []
    return _heads(text, verb.end(), pool, [m.start for m in pool])


def _candidacy(text: str, mentions: list[_Mention], tokens: list[str], tok_starts: list[int],
               clause_start: Callable[[int], int], sentence_start: Callable[[int], int], *,
               indirect: bool) -> list[tuple[_Mention, float, int, int]]:
    """Every reading of campaign talk in ``text``, per target mention once: the office it should or never can hold
    (``_office``, where the mention opens its clause's verb), the only one who can beat a rival and that rival
    (``_only_one``, ``_beaten``), the speaker's choice (``_preferred``); each with +1 or −1 and the span read.

    Example:
        >>> t = "Only Cruz can beat Trump. Sanders should be president."
        >>> ms = [_Mention(t.index(w), t.index(w) + len(w), w, "alias", 0.0) for w in ("Cruz", "Trump", "Sanders")]
        >>> words = list(re.finditer(r"\\w+(?:'\\w+)?|n't", t.lower()))
        >>> second = t.index("Sanders")  # where the second sentence starts
        >>> found = _candidacy(t, ms, [w.group() for w in words], [w.start() for w in words], lambda pos: 0,
        ...                    lambda pos: second if pos >= second else 0, indirect=False)
        >>> [(m.target, v, t[s:e]) for m, v, s, e in found]
        [('Cruz', 1.0, 'Only Cruz can beat'), ('Trump', -1.0, 'Only Cruz can beat'), ('Sanders', 1.0, 'should be president')]
    """
    found: dict[int, tuple[_Mention, float, int, int]] = {}
    only = "only" in text.lower()  # no "only": no "only X can beat" to look for
    for m in mentions:
        if m.kind != "alias" or m.holder or id(m) in found:
            continue
        if office := _office(text, m, indirect=indirect, sentence=sentence_start(m.start)):
            found[id(m)] = (m, office[0], office[1], office[2])
        elif only and (span := _only_one(text, m)) and not _asked(text, span[1]) and (
                lead := _own_lead(text, span[0], indirect=indirect, sentence=sentence_start(span[0]))) is not None \
                and not lead.group("neg"):
            # not "I'm not saying only X can beat Y", "Democrats keep saying only X …", "Can only X beat Y?"
            found[id(m)] = (m, 1.0, span[0], span[1])
            for rival in _beaten(text, span, mentions):
                found.setdefault(id(rival), (rival, -1.0, span[0], span[1]))
    for m, value, start, end in _preferred(text, mentions, tokens, tok_starts, clause_start, sentence_start,
                                           indirect=indirect):
        found.setdefault(id(m), (m, value, start, end))
    return list(found.values())
