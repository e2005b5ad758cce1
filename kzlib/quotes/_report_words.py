"""Word tests around a reported-speech cue (private to :mod:`kzlib.quotes.reported`): determiners and
modifiers before a cue noun, a source's full name, fragments, transcripts, appositions."""


from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from kzlib.actors import (
    Gazetteer,
    Mention,
)
from kzlib.quotes._head import _VEHICLE
from kzlib.quotes.cues import (
    _Cue,
    _not_speakers,
)
from kzlib.quotes.direct import _sentence_subject
from kzlib.quotes.marks import _has_words, _is_title_object, _Span
from kzlib.quotes.speakers import _DocState, _Speaker, _spk
from kzlib.quotes.subject import _subject

_RELATIVE_BEFORE = re.compile(r"\b(?:who|which)\b", re.IGNORECASE)
_DETERMINERS = frozenset("his her its their the a an my our".split())
_MODIFIERS = frozenset("recent latest new earlier frequent public own full strong firm continued unwavering broad "
                       "total poor weak good bad best worst better worse major first last early late several many "
                       "multiple numerous other previous individual morning evening weekend monday tuesday wednesday "
                       "thursday friday saturday sunday".split())
#: Before a participle: a degree word makes it an adjective ("the most telling promise"), as a preposition does
#: before one in -ed ("articles from noted scholars").
_DEGREE = frozenset("most more less least very".split())  # (not "so": "did so, arguing")
_PREPOSITIONS = frozenset("from of by with among for".split())
_CONTRACTED = frozenset("he she it that who there what here where let".split())


def _determined(text: str, lo: int, at: int) -> bool:
    """Whether the word at ``at`` follows a determiner or possessor (at most one modifier in -ed or a common
    adjective between, all after ``lo``): a noun ("his support", "the governor's claim") or its modifier
    ("her repeated calls"), not a verb; "he's said" (has) and "it's called" (is) are verbs. Read on the
    words before it (a cheap test on every cue of a sentence).

    Example:
        >>> t = "the governor's repeated claim"
        >>> _determined(t, 0, t.index("repeated")), _determined(t, 0, t.index("claim"))
        (True, True)
        >>> _determined("he's said it", 0, 5), _determined("Jane Roe said it", 0, 9)
        (False, False)
        >>> _determined("his critics' calls", 0, 13)
        True
    """
    if at < 2 or text[at - 1] != " ":
        return False
    p = text.rfind(" ", lo, at - 1)
    w = text[max(p + 1, lo):at - 1].lower()
    if w in _DEGREE and text.startswith("ing", _word_end(text, at) - 3) \
            or w in _PREPOSITIONS and text.startswith("ed", _word_end(text, at) - 2) and _LOWER_NEXT.match(text, _word_end(text, at)):
        return True  # "the most telling promise", "articles from noted scholars": an adjective
    for _ in range(2):  # up to two modifiers ("the Sunday morning shows"): the word before them decides
        if not (w.endswith("ed") or w in _MODIFIERS):
            break
        if p <= lo:
            return False
        q = text.rfind(" ", lo, p)
        w, p = text[max(q + 1, lo):p].lower(), q
    if w in _DETERMINERS:
        return True
    if w[-2:] in ("s'", "s’") and len(w) > 2 and w[0].isalnum():
        return True  # a plural possessor: "his critics' calls"
    return w[-2:] in ("'s", "’s") and len(w) > 2 and w[:-2] not in _CONTRACTED and w[0].isalnum()


_LOWER_NEXT = re.compile(r"\s+(?!(?:that|to|by|in|on|at|the|a|an|this|these|those|his|her|their|its|our|my|he|she|they|it|we|i|"
                         r"you|there)\b)[a-z]")  # ("the officials he spoke with warned the budget ...": a verb)
_WORD_CHARS = re.compile(r"[\w'’-]*")


def _word_end(text: str, at: int) -> int:
    return _WORD_CHARS.match(text, at).end()  # type: ignore[union-attr]




#: A document or message right before a participle of saying ("sent a letter to the ministry saying").
_VEHICLE_END = re.compile(_VEHICLE.pattern + r"\s*,?\s*\Z", re.IGNORECASE)
def _vehicle_author(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, lo: int, at: int) -> _Speaker:
    """Who issued the vehicle of speech at ``at`` ("McConnell released a statement", "Rubio's campaign sent out a
    press release"): the clause's first actor, else the subject of the verb before the vehicle; empty when none."""
    author = _sentence_subject(g, st, mentions, text, lo, at)
    if not (author.name or author.surface) and (verb := _VERB_BEFORE.search(text, lo, at)) is not None:
        author = (_subject(g, st, mentions, text, lo, verb.start()) or (_Speaker(), 0))[0]
    return author


#: The verb before a vehicle of speech ("sent out", "issued", "posted"): a lower-case word and its particle.
_VERB_BEFORE = re.compile(r"\b[a-z]+(?:\s+(?:out|up|off))?\s+\Z")
#: The lower-case word after a name (a role the name modifies: "Vermont senator").
_ROLE_AFTER = re.compile(r"\s+([a-z][\w-]*)")
#: A past-tense verb and its object inside a phrase read as a description ("senator opened a rally").
_VERB_OBJECT = re.compile(r"\b[a-z]{3,}ed\s+(?:the|a|an|his|her|their|its|[A-Z])")
#: A plural and "and"/"or" before a cue: with a comma after it, the cue is a plural noun of a list ("interviews and
#: tweets,"; "shook his head and says," is a verb).
_NOUN_LIST_BEFORE = re.compile(r"[a-z]s\s+(?:and|or)\s+\Z")
#: Participles that give a name ("a group called X"), and an indefinite noun phrase right before them.
_NAMING = frozenset(["called", "dubbed", "named", "labeled", "labelled", "branded"])
#: The name given after "called" and what follows a name given (the sentence's verb, a comma, a relative pronoun).
_NAME_GIVEN = re.compile(r"\s+[A-Z][\w.'’&-]*(?:\s+(?:of|for|the|and|[A-Z][\w.'’&-]*))*\s*(?:[,.;]|\s(?:said|says|which|who|that)\b)")
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?[a-z][\w-]*\s+\Z", re.IGNORECASE)
#: The relative pronoun that opens an attribution's clause ("X, who said ...").
_WHO = re.compile(r"who\b", re.IGNORECASE)
#: A relative pronoun (and an adverb) right before a word: "who declined", "that recently reported".
_REL_BEFORE = re.compile(r"\b(?:who|that|which)\s+(?:[a-z]+ly\s+)?\Z", re.IGNORECASE)
#: A colon or semicolon that ends a clause (a space after it; not a time's "10:30").
_BREAK_COLON = re.compile(r"[:;]\s+")
#: Blanks and closing quotation marks, stripped before asking whether a clause ends with a comma ('..., " X said').
_CLOSERS = " \t\"”'’"
_CLOSING_MARK = re.compile(r"(?:''|[\"”’'»])?")
_COORD_VP = re.compile(r"[\s,;]*(?:and|but)(?:\s+(?:also|then|later))?(?:\s+(?:has|have|had|will|would))?"
                       r"(?:\s+(?:also|since))?\s*", re.IGNORECASE)
_CLAUSE_NEXT = re.compile(r"\s*(?:that\b|[:,\"“])", re.IGNORECASE)
#: "call in / up / off" and its object, with no speech after it ("called in troops from ...", not "called in a
#: statement for calm").
_CALL_FORMS = frozenset("call calls called calling".split())
_PHRASAL_CALL = re.compile(r"\s+(?:in|up|off)\s+(?!(?:a|an|the|his|her|their|its)\s+(?:statement|interview|speech|letter|"
                           r"post|tweet|video|message|address|op-ed|column|call)\b)(?:(?!\b(?:for|that)\b)[^,;:.!?])*"
                           r"(?:[,;:.!?]|\Z)", re.IGNORECASE)
#: A phrase of a preposition opening what follows a verb of saying.
_PREP_LEAD = re.compile(r"\s*(?:in|at|on|during|from|with|after|before|amid|following|via|over|outside|inside|"
                        r"near|by)\s", re.IGNORECASE)
_THAT_IN = re.compile(r"\bthat\b", re.IGNORECASE)
#: After "CLAUSE, X said (on Saturday)": an adverbial phrase of the whole sentence, not what X said (", after days of
#: protests", "as the republic cracks down"): the report is the clause before.
_ADVERBIAL_TAIL = re.compile(r"\s*,?\s*(?:after|as|while|amid|following|despite|before|since|when|with|in\s+the\s+wake\s+of)"
                            r"\s+(?!(?:he|she|they|it|we|i|you|that)\b)", re.IGNORECASE)


#: A transcript line or a headline's attribution: "Q: ...", "Lopez: Well, ...", "NY Daily News: ...".
_TRANSCRIPT = re.compile(r"(Q|A|[A-Z][\w'’.&-]*(?:\s+(?:of\s+)?[A-Z][\w'’.&-]*){0,3}):[ \t]+(?=\S)")


def _transcript(g: Gazetteer, st: _DocState, text: str, mentions: list[Mention]
                ) -> tuple[int, int, _Speaker, str] | None:
    """A paragraph "Name: words" (at least three words after the colon, the name not a page label such as
    "Update" or "Photo"): the words, said by Name; else None."""
    tm = _TRANSCRIPT.match(text)
    if tm is None or tm.group(1).lower() in _not_speakers() or not _has_words(text[tm.end():], 3):
        return None
    end = len(text.rstrip())
    if tm.group(1) in ("Q", "A"):
        return tm.end(), end, _Speaker("", tm.group(1), "interview", 0.5, m_start=0, m_end=tm.end(1)), ":"
    named = [m for m in mentions if m.end <= tm.end(1) and m.actor and m.method != "description"]
    if named:
        return tm.end(), end, _spk(named[-1], named[-1].actor, named[-1].method, 0.7), ":"
    name = tm.group(1)
    return tm.end(), end, _Speaker(name, name, "named", 0.5, resolution="named", m_start=0, m_end=tm.end(1)), ":"


#: What goes on after a document or unnamed source to name whose it is: "a report from the inspector general",
#: "the exit poll conducted by Edison Research", "a letter to Facebook from the chairman of ...".
_SOURCE_GOES_ON = re.compile(r"[ \t]+(?:from|by|of|for|at|to|in|conducted|compiled|released|published|commissioned|"
                             r"issued|obtained|prepared|shared)\b")


def _whole_source(text: str, spk: _Speaker, end: int) -> _Speaker:
    """An unnamed source after "according to" (a report, a poll, an email) with the words that say whose it is, up
    to ``end`` (at most 20 words): "a report from the SITE Intelligence Group", not "a report"."""
    if spk.resolution != "description" or spk.m_end < 0 or spk.m_end >= end or not _SOURCE_GOES_ON.match(text, spk.m_end, end):
        return spk
    np_ = text[spk.m_start:end].strip(" .,")
    if _has_words(np_, 21):
        return spk
    return replace(spk, name=np_, surface=np_, m_end=spk.m_start + len(np_))


def _reports(cue: _Cue, thoughts: bool) -> bool:
    """Whether ``cue`` may introduce reported speech (or, with ``thoughts``, an attributed thought)."""
    return (cue.indirect or thoughts and cue.thought) and not cue.after_quote_only


#: The verbs of ``_TRAIL_ATTR`` (", he said Thursday." at a clause's end).
_TRAIL_VERBS = frozenset(["said", "says", "added", "wrote", "noted"])


def _may_trail(clause: str) -> bool:
    """False when ``_TRAIL_ATTR`` cannot match ``clause``: its verb is none of the last four blank-separated
    chunks (the pattern ends with the verb, at most two words, a mark and blanks), a cheap test before a
    search that tries the pattern at every position of a long clause.

    Example:
        >>> _may_trail("the talks failed, he said on Monday ."), _may_trail("he said the talks had failed.")
        (True, False)
    """
    return any(c.rstrip(".!?") in _TRAIL_VERBS for c in clause.rsplit(None, 4)[-4:])


def _any_between(starts: list[int], a: int, b: int) -> bool:
    """Whether one of the sorted ``starts`` lies in ``[a, b)``."""
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


def _is_fragment(text: str, span: _Span, explicit: bool, *, min_words: int) -> bool:
    inner = text[span.start:span.end]
    if _is_title_object(text, span):
        return True
    if _has_words(inner, min_words):
        return False
    return not (explicit and inner.rstrip()[-1:] in ",?!.…")


def _named_in_apposition(mentions: list[Mention], text: str, a: int, comma: int) -> tuple[_Speaker, int] | None:
    """'CLAUSE, his top aide, Jane Roe, told ...': the person named between the last two commas before the verb
    (``comma`` is the last), after a short description of them, and where the clause ends; None otherwise."""
    c2 = text.rfind(",", a, comma)
    c1 = text.rfind(",", a, c2) if c2 > a else -1
    if c1 <= a or not _has_words(text[a:c1], 3):
        return None
    name = [m for m in mentions if m.actor and m.method not in ("description", "title", "pronoun") and m.type in ("person", "")
            and not text[c2 + 1:m.start].strip() and not text[m.end:comma].strip()]
    desc = text[c1 + 1:c2].split()
    if not name or not 1 <= len(desc) <= 6 or not desc[0][:1].islower():
        return None  # "the campaign's spokesman", "his top aide": a description in lower case before the name
    m = name[0]
    return _spk(m, m.actor, m.method, 0.8), c1
