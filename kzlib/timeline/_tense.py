"""The tense of a TimeML expression's sentence: the nearest tense marker (part of the private TimeML tagger of
:mod:`kzlib.timeline`, used by :mod:`kzlib.timeline._timex_values` to resolve relative expressions)."""

from __future__ import annotations

import functools
import re

from kzlib.text import ASCII_CASE_TWINS
from kzlib.timeline._timex import _alt

_FUTURE_WORDS = (r"will|won't|wo|shall|going\s+to|plans?\s+to|expects?\s+to|expected|scheduled|"
                 r"slated|due|set\s+to|intends?\s+to|upcoming|payable|is\s+to|are\s+to|hopes?\s+to|aims?\s+to|"
                 r"to\s+be\s+held|to\s+be\s+completed|effective|expires?|would(?!-)|(?:agree[sd]?|agreements?|decided?|vot(?:ed|es?)|"
                 r"offer(?:ed|s)?|promised?|pledged?|vowed?|likely|supposed|about|ready|planning|planned|proposed?)\s+to")
# irregular past forms that are no present or plural noun; and any word in -ed but "un...ed" ("unnamed": an
# adjective). Every match of these runs to the end of its word (a \b follows): which form matches first makes no
# difference, so the forms are one trie of their letters (:func:`kzlib.timeline._timex._alt`), which the engine
# enters once at a word instead of trying each form in turn
_PAST_FORMS = ("said was were had did told announced reported ago came went took made gave met left began rose fell "
               "sold bought won lost held paid became saw got spoke wrote brought thought found kept led ran sent spent "
               "struck knew grew threw fled fought caught taught sought built felt meant stood understood chose "
               "drove broke stole froze shot heard hung sank shrank withdrew lent dealt sat slept swept drew flew "
               "hid overcame overthrew sprang stuck swore swung tore woke underwent upheld withheld oversaw").split()
_PAST_WORDS = rf"{_alt(_PAST_FORMS)}|(?!un)[a-z]{{2,}}ed"
# the tense markers of a sentence, in one pass: a future marker, a past form, a present form (each word starts
# with a letter: the lookahead skips the ends of words without trying every word)
_TENSE = re.compile(rf"\b(?=[a-z])(?:(?P<future>{_FUTURE_WORDS})|(?P<past>{_PAST_WORDS})|(?P<present>is|are|says|am|remains?))\b"
                    r"|(?P<future2>'ll)\b", re.IGNORECASE)
# the same, case-sensitive, for lower-case text: the engine skips an alternative at its first letter (with
# IGNORECASE it enters each of them at every word)
_TENSE_LOWER = re.compile(_TENSE.pattern)
_AUX_BEFORE = re.compile(r"\b(will|would|shall|to|'ll|be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?(?:be\s+)?$", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|my|your)\s+$", re.IGNORECASE)
_HAD_BEEN = re.compile(r"\bhad\s+(?:been\s+(?:[a-z]+\s+){0,3})?$", re.IGNORECASE)  # "had been due to expire"
_QUOTE = re.compile(r"''|``|[\"“”]")
# a sentence's end: not the full stop of a middle initial or a title before a name ("John Q. Smith", "Mr. Smith")
# or of a clock time before its time zone ("4 a.m. EDT Thursday"); "the U.S. Putin ..." ends one. Written to open
# with the mark (the look-behinds after it, one character longer): re then skips to the next [.!?\n] at C speed
# instead of trying the look-behinds at every position (the same matches, several times faster)
_SENT_L = re.compile(r"[.!?\n](?:(?<=[.!?])(?<![a-z]\s[A-Z].)(?<!\bM[rs].)(?<!\bMrs.)(?<!\bDr.)\s+|(?<=\n)\s*)"
                     r"(?=[A-Z\"'`(])(?!(?:[A-Z][SD]T|GMT|UTC)\b)")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 300)
    # (up to the expression's first character: the lookahead of an end right before it sees it)
    left = [m.end() for m in _SENT_L.finditer(text, lo, min(len(text), start + 1)) if m.end() <= start]
    s = left[-1] if left else lo
    m = _SENT_L.search(text, end, min(len(text), end + 300))
    e = m.start() + 1 if m else min(len(text), end + 300)
    return s, e


def _tense(text: str, start: int, end: int, *, clause: bool = False, own_only: bool = False) -> str:
    """past / future / present: the tense marker nearest to the expression within its sentence (a past
    participle after "be" is a passive and says nothing; after "will be" or "to be" it looks ahead).

    With ``clause``, the nearest marker of the expression's own clause (no comma, dash, bracket or clause word
    such as "that", "who", "saying", "when" between them: "said on Wednesday that troops will leave" is past)
    where it has one, else the sentence's nearest (with ``own_only``: "" then); a passive's participle then
    stands for its verb group with the auxiliary's tense ("was announced Wednesday and it will ...": past).
    """
    s, e = _sentence(text, start, end)
    # the markers outside the expression, nearest first (the one before it where two are as near): whether a
    # marker counts, and its kind, does not depend on the others, so the nearest one that counts is the first
    # that does, and most of the sentence's markers are never looked at
    markers = _markers(text, s, e)
    near = sorted((start - m_end if m_end <= start else m_start - end, i)
                  for i, (m_start, m_end, _, _) in enumerate(markers) if not start <= m_start < end)
    best = ""  # the nearest marker's tense; with ``clause``, the nearest of the expression's own clause returns
    for _, i in near:
        m_start, m_end, kind, word = markers[i]
        kind = _marker_tense(text, s, start, end, m_start, m_end, kind, word, clause=clause)
        if not kind:
            continue
        if not clause:
            return "" if own_only else kind
        if not (_clause_break(text, m_end, start, left=True) if m_end <= start
                else _clause_break(text, end, m_start, left=False)):
            return kind
        if not best:
            best = kind
    return "" if own_only else best


def _marker_tense(text: str, s: int, start: int, end: int, m_start: int, m_end: int, kind: str, word: str, *,
                  clause: bool) -> str:
    """The tense a marker of :func:`_markers` (``m_start``..``m_end``, its group ``kind``, its ``word``) gives the
    expression ``start``..``end`` of the sentence that starts at ``s`` (see :func:`_tense`), or "" where it says
    nothing of it."""
    if _QUOTE.search(text, m_end, start) if m_end <= start else _QUOTE.search(text, end, m_start):
        return ""  # across a quotation's edge: "'He will leave Thursday,' she said" looks ahead
    if kind == "future2":
        kind = "future"
    elif kind == "past":
        if word in ("scheduled", "expected"):
            kind = "future"
        elif word.endswith("ed") and _DETERMINER_BEFORE.search(text, max(s, m_start - 8), m_start):
            return ""  # "a pointed speech", "the elected officials": an adjective, no verb's tense
        else:
            aux = _AUX_BEFORE.search(text, max(s, m_start - 25), m_start)
            if aux:
                be = aux.group(1).lower()
                if be in ("be", "been", "being", "is", "are", "was", "were"):
                    if not clause or be not in _PASSIVE_TENSE:
                        return ""  # a passive: its auxiliary carries the tense
                    kind = _PASSIVE_TENSE[be]  # the verb group "was announced", where its participle is
                else:
                    kind = "future"  # "will be paid", "to be completed"
    if kind == "future" and _HAD_BEEN.search(text, max(s, m_start - 30), m_start):
        kind = "past"  # "it had been due to expire Friday": a plan overtaken, the day before the report
    return kind


@functools.lru_cache(maxsize=4096)  # the point recogniser and the TimeML tagger ask it of the same weekday
def _weekday_tense(text: str, start: int, end: int) -> str:
    """past / future / present: which way a weekday without "last" or "next" points from the report, by its own
    clause, not the sentence's ("said on Wednesday that troops will leave": past; "will leave on Wednesday,
    officials said": future). A deadline or an earliest time before it looks ahead ("until 9 a.m. Tuesday",
    "as soon as Tuesday"; "by Tuesday" unless its own clause is past), unless a past perfect makes it a time
    overtaken ("until Tuesday they had waited"); a possessive looks back ("Wednesday's ruling").

    Example:
        >>> t, u = "Tokayev said on Wednesday that the troops will leave.", "They must leave by Tuesday, he said."
        >>> _weekday_tense(t, 13, 25), _weekday_tense(u, 19, 26)
        ('past', 'future')
    """
    if (cue := _DEADLINE_CUE.search(text, max(0, start - 40), start)) is not None:
        perfect = _PERFECT_AFTER.match(text, end, end + 60) or _PERFECT_BEFORE.search(text, max(0, start - 60), start)
        if not perfect and cue.group(1).lower() not in ("by", "no later than"):
            return "future"
        if not perfect:  # "by": the tense of its clause ("had left by Tuesday", "By Monday, officials hardened ...")
            own = _tense(text, start, end, clause=True, own_only=True)
            if own != "past" and not (not own and _FRONTED.search(text, max(0, cue.start() - 12), cue.start())
                                      and _tense(text, start, end, clause=True) == "past"):
                return "future"
    if ahead := _ahead_cue(text, start):  # "ahead of the caucuses on Monday": "future", or "near" in a past report
        return ahead
    if _POSSESSIVE.match(text, end):  # "Wednesday's ruling", even in "will appeal Wednesday's ruling"
        return "past"
    tense = _tense(text, start, end, clause=True)
    if not tense and _PURPOSE_AFTER.search(text, end, _sentence(text, start, end)[1]):
        return "future"  # no tense but a purpose still ahead: "X on Thursday delivering a speech so that people can see"
    return tense


# a purpose clause with a present modal: what it serves is still ahead ("so that people can see him")
_PURPOSE_AFTER = re.compile(r"\bso\s+that\s+(?:[\w'’-]+\s+){0,4}(?:can|will|may)\b")


# what makes a weekday in its clause a day ahead: a time it comes before ("ahead of the caucuses on Monday"),
# a possibility ("could start ... Monday") or a present need, hope or plan ("who needs a win in Tuesday's
# primary", "is hoping Saturday's caucuses will ..."); a past helper before it ("was hoping", "didn't need")
# makes it a past one. Verbs only: "plans to", not the noun "plans"; not "want" ("if you want to understand
# Thursday's debate" looks back).
_AHEAD_CUE = re.compile(r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to|heading\s+into|going\s+into|(?:could|might|may)"
                        r"(?!\s+(?:not\s+)?have\b)|needs?|hopes?|hoping|plans?\s+to|planning|expects?|expecting|"
                        r"prepares?|preparing|counting\s+on)\b")
_PAST_HELPER = re.compile(r"\b(?:was|were|had|been|did|didn['’]t|did\s+not)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _ahead_cue(text: str, start: int) -> str:
    """Whether a cue of :data:`_AHEAD_CUE` (lower case: "May" is a month) stands before ``start`` in the same
    sentence and clause, with no past form between them ("ahead of the vote, which was held Monday": no):
    "future", or "near" where a past form precedes the cue (a report of what came ahead of a day, which may be
    past: "Cruz said, ahead of his event on Monday, ..." on a Tuesday is the day before; "suggested an effort
    to hurt her ahead of Monday's voting" on a Sunday the day after), else "".

    Example:
        >>> _ahead_cue("She is in a tight race ahead of the caucuses on Monday.", 47)
        'future'
    """
    s, _ = _sentence(text, start, start)
    cues = list(_AHEAD_CUE.finditer(text, s, start))
    if not cues:
        return ""
    cue = cues[-1]
    if _PAST_HELPER.search(text, max(s, cue.start() - 20), cue.start()) or \
            _clause_break(text, cue.end(), start, left=True) or _QUOTE.search(text, cue.end(), start):
        return ""
    if any(kind == "past" for _, _, kind, _ in _markers(text, cue.end(), start)):
        return ""
    return "near" if any(kind == "past" for _, _, kind, _ in _markers(text, s, cue.start())) else "future"


# a deadline or an earliest time, with a clock time between it and the day ("until 9 a.m. EST Tuesday")
_DEADLINE_CUE = re.compile(r"(?i)\b(until|till|through|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than|by)\s+"
                           r"(?:(?:noon|midnight|\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.\s?m\.|[ap]m)?)\s+(?-i:[A-Z]{2,4},?\s+)?)?"
                           r"(?:on\s+)?$")
_PERFECT_AFTER = re.compile(r"[^.;:!?]*?\b(?:had|hadn't)\b")  # "Until Thursday, they had not called him"
_PERFECT_BEFORE = re.compile(r"\b(?:had|hadn't)\b[^.;:!?,]*$")  # "they had waited until Tuesday"
_FRONTED = re.compile(r"(?:^|[.;:!?,]\s*|\n\s*|\b(?:But|And|Yet)\s+)$")  # an adverbial ahead of its clause
_POSSESSIVE = re.compile(r"['’]s\b")


_PASSIVE_TENSE = {"was": "past", "were": "past", "been": "past", "is": "present", "are": "present"}
# what ends a clause between a verb and a time expression: punctuation, or a word that opens another clause
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s|\b(?i:that|which|who|whom|whose|saying|adding|announcing|arguing|warning|noting|"
                           r"claiming|insisting|explaining|stating|telling|when|whenever|while|"
                           r"because|although|though|whereas|unless|if|where)\b")
# a preposition or determiner right before the expression is part of it ("since Tuesday", "that Wednesday")
_PHRASE_END = re.compile(r"(?i)\b(?:that|since|when|while|if)\s+$")


def _clause_break(text: str, lo: int, hi: int, *, left: bool) -> bool:
    """Whether ``text[lo:hi]``, the words between a verb and an expression (``left``: the verb before it),
    crosses a clause's edge."""
    if left and (p := _PHRASE_END.search(text, lo, hi)) is not None:
        hi = p.start()
    return _CLAUSE_BREAK.search(text, lo, hi) is not None


@functools.lru_cache(maxsize=4096)  # a sentence's expressions share its markers, and copies of a story its sentences
def _markers(text: str, s: int, e: int) -> tuple[tuple[int, int, str, str], ...]:
    """The tense markers of ``text[s:e]`` (``_TENSE``'s matches): start, end, kind (the group) and the words in
    lower case; found by ``_TENSE_LOWER`` in the lower-case text (the same places and groups) unless a
    character there matches an ASCII letter only case-insensitively."""
    lo = max(0, s - 1)  # and the character before s: a word starts at s or not
    if not text.isascii() and ASCII_CASE_TWINS.search(text, lo, e):  # (ASCII text holds no twin)
        return tuple((m.start(), m.end(), m.lastgroup or "", m.group(0).lower()) for m in _TENSE.finditer(text, s, e))
    lower = text[lo:e].lower()  # (as long as the text: its only character that lower-cases to two is a twin)
    return tuple((m.start() + lo, m.end() + lo, m.lastgroup or "", m.group(0))
                 for m in _TENSE_LOWER.finditer(lower, s - lo))
