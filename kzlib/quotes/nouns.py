"""Attributions by speech and attitude nouns: "his claim that ...", "Trump's calls for a wall", "her
criticism of the deal" (``kzlib/data/cue_nouns.yaml``). The noun's possessor is the source, its complement
(a "that"-clause, an infinitive or the object of its preposition) the content."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

import yaml

from kzlib.actors import Gazetteer, Mention
from kzlib.quotes.cues import _text_index
from kzlib.quotes.marks import _has_words, _Span
from kzlib.quotes.speakers import _described, _DocState, _resolve_pronoun, _Speaker, _spk
from kzlib.text import longest_first, matches_at_words, may_match, word_keys


@lru_cache(maxsize=1)
def _noun_table() -> dict[str, frozenset[str]]:
    """Noun form (lower case) -> the words that may open its complement (``cue_nouns.yaml``).

    Example:
        >>> sorted(_noun_table()["calls"])
        ['for']
    """
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("cue_nouns.yaml").read_text("utf-8"))
    table: dict[str, set[str]] = {}
    for row in data["nouns"]:
        for form in row["forms"]:
            table.setdefault(form.lower(), set()).update(w.lower() for w in row["takes"])
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _noun_keys() -> frozenset[bytes] | None:
    """The nouns as :func:`kzlib.text.word_index` keys: a paragraph without any is not searched."""
    return word_keys(_noun_table(), ignore_case=True)


@lru_cache(maxsize=1)
def _noun_rx() -> re.Pattern[str]:
    """A noun of the table and the word that opens its complement ("calls for", "claim that"); tried only
    where a noun stands (:func:`kzlib.text.matches_at_words`)."""
    nouns = longest_first(_noun_table())
    return re.compile(rf"(?P<noun>{nouns})\s+(?P<prep>that|to|for|of|on|about|over|behind)\b", re.IGNORECASE)


#: The possessor before a noun, read on the words that end right before it: his / her / their / its, or a
#: name or description with 's ("Jane Roe's", "the ministry's"), and up to two modifiers ("repeated",
#: "evidence-free"); a determiner there instead ("the claim that") names no source.
_POSSESSOR = re.compile(r"(?<![\w'’-])(?:(?P<pron>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|(?P<poss>[\w.’'-]+)['’]s?)"
                        r"\s+(?:(?!(?:and|or|but|that|to|for|of|on|about|over)\b)[a-z][\w-]*\s+){0,2}\Z")


#: Where the object of a noun's preposition ends: a clause's punctuation or conjunction, a relative clause.
_OBJ_END = re.compile(r"\s*(?:[,;:—–(]|\s-\s|\b(?:and\s+(?:has|have|had|is|was|said|says|will|would)|but|because|while|"
                      r"when|after|before|although|though|since|which|who|as\s+(?:he|she|they|it|a|an|the)|has|have|"
                      r"had|is|are|was|were|will|would|could|may|might|can|did|does|do)\b)", re.IGNORECASE)
#: Where a "that"-clause ends before the sentence does: a clause coordinated after a comma, a dash.
_THAT_END = re.compile(r"\s*(?:[;—–]|\s-\s|,\s+(?:and|but)\s+(?:he|she|they|we|i)\b)", re.IGNORECASE)
_PRON_OF = {"his": "his", "her": "her", "their": "they", "its": "it"}
_DETERMINERS = frozenset("the a an this that these those his her their its our my your".split())
#: Words that end a possessor's description when met going back from the "'s": a finite verb between the
#: determiner and the possessor means the determiner belongs to another phrase ("The mayor ignored his
#: critics' calls": the possessor is "his critics", not "The mayor ignored his critics").
_NOT_IN_DESCRIPTION = frozenset("is was were are be been has have had said says do does did will would".split())
#: A possessor that is a time, not a speaker ("Monday's announcement", "January's report", "today's claim").
_TIME_POSSESSORS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight january "
    "february march april may june july august september october november december week month year".split())


def _noun_reports(g: Gazetteer, st: _DocState, text: str, spans: list[_Span], mentions: list[Mention],
                  bounds: list[tuple[int, int]]) -> list[tuple[int, int, _Speaker, str]]:
    """Attributions by a possessed speech noun, (start, end, speaker, cue) in reading order.

    A sentence without a noun of the table is not searched. The content is the noun's "that"-clause (to a
    clause break or the sentence's end), its infinitive ("promise to build ..."), or its preposition's
    object (to a comma, a conjunction or a verb: "calls for regime change").
    """
    index = _text_index(text)
    if not may_match(index, _noun_keys()):
        return []
    table = _noun_table()
    out: list[tuple[int, int, _Speaker, str]] = []
    for m in matches_at_words(_noun_rx(), text, index, _noun_keys()):
        prep = m.group("prep").lower()
        if prep not in table[m.group("noun").lower()] or any(sp.open_at <= m.start() < sp.end for sp in spans):
            continue
        k = bisect_right(bounds, (m.start(), len(text) + 1)) - 1
        if k < 0 or not bounds[k][0] <= m.start() < bounds[k][1]:
            continue
        a, b = bounds[k]
        w0 = lo = max(a, m.start() - 80)
        cut = m.start() - 1
        for _ in range(4):  # the possessor and two modifiers stand in the last four words before the noun
            cut = text.rfind(" ", w0, cut)
            if cut < 0:
                lo = w0
                break
            lo = cut
        pm = _POSSESSOR.search(text, lo, m.start())
        if pm is None:
            continue
        spk = _possessor(g, st, text, mentions, pm, a)
        if spk is None:
            continue
        c0 = m.start("prep") if prep == "to" else m.end()
        while c0 < b and text[c0] in " \t":
            c0 += 1
        em = _THAT_END.search(text, c0, b) if prep == "that" else _OBJ_END.search(text, c0 + 1, b)
        c1 = em.start() if em else b
        while c1 > c0 and text[c1 - 1] in " \t.,":
            c1 -= 1
        if not _has_words(text[c0:c1], 1 if prep not in ("that", "to") else 3):
            continue
        out.append((c0, c1, spk, m.group(0)))
    return out


def _possessor(g: Gazetteer, st: _DocState, text: str, mentions: list[Mention], m: re.Match[str],
               a: int) -> _Speaker | None:
    """Who the noun of match ``m`` belongs to: a pronoun resolved, a mention ending at the "'s", or the
    description or capitalised name before it; None when the possessor is no speaker (a time: "last
    year's")."""
    if m.group("pron"):
        p = m.group("pron").lower()
        before = [x for x in mentions if a <= x.start and x.end <= m.start() and x.actor]
        name = _resolve_pronoun(_PRON_OF[p], g, st, before)
        return _Speaker(name, m.group("pron"), "pronoun", 0.6 if name else 0.2,
                        resolution="pronoun" if name else "unresolved", m_start=m.start(), m_end=m.end("pron"))
    pe = m.end("poss")
    named = [x for x in mentions if x.actor and x.end == pe and x.method != "description"]
    if named:
        x = named[-1]
        return _spk(x, x.actor, x.method, 0.7)
    # a description ("the ministry's"), back to its determiner within four words, not across a verb
    words = list(re.finditer(r"[\w.’'-]+", text[max(a, pe - 60):pe]))
    if words and words[-1].group(0).lower().rstrip("'’s") in _TIME_POSSESSORS:
        return None
    off = max(a, pe - 60)
    start = None
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        w = words[k].group(0).lower()
        if w in _DETERMINERS:
            start = off + words[k].start()
            break
        if k < len(words) - 1 and (w in _NOT_IN_DESCRIPTION or (w.endswith("ed") and not words[k].group(0)[0].isupper())):
            break
    if start is None:
        if not m.group("poss")[:1].isupper():
            return None
        start = m.start("poss")
    surface = text[start:pe]
    if not _SPEAKERISH.search(surface):
        return None
    return _described(surface, start, pe, 0.5)


#: A possessor that can speak: a capitalised name or a noun of people, bodies or media (not "last year's").
_SPEAKERISH = re.compile(r"[A-Z]|\b(?:ministry|department|agency|office|campaign|committee|party|government|"
                         r"administration|company|group|president|senator|governor|candidate|spokes\w+|official|"
                         r"leader|chair\w*|director|secretary|report|study|court|judge|council|commission|board|"
                         r"union|paper|newspaper|network|magazine|team|organi[sz]ation|association|senate|house)s?\b")


#: A sentence that opens with a question put by no one named: "When asked whether ...", "Asked if ...",
#: "Asked about ...", up to the comma before the main clause.
_ASKED_OPEN = re.compile(r"[\s\"“'‘(]*(?:(?:when|after|if|once|before)\s+(?:being\s+)?|being\s+)?asked\s+"
                         r"(?:(?:by\s+)?(?:a\s+|the\s+)?(?:reporters?|journalists?|moderators?|interviewers?)\s+)?"
                         r"(?P<q>(?:about|whether|if|why|how|what|when|where|who)\b[^,;:]*)", re.IGNORECASE)
_ASKED_KEYS = word_keys(["asked"], ignore_case=True)


def _unnamed_asker(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int, _Speaker, str]]:
    """Questions put by an unnamed asker at a sentence's start ("When asked whether the plant would close,
    Jane Roe said ..."): (start, end, an empty speaker, "asked"), the question from its wh-word (or
    "about") to the comma.

    Example:
        >>> t = "When asked whether the plant would close, Jane Roe said it would not."
        >>> [t[s:e] for s, e, _, _ in _unnamed_asker(t, [(0, len(t))])]
        ['whether the plant would close']
    """
    if not may_match(_text_index(text), _ASKED_KEYS):
        return []
    out: list[tuple[int, int, _Speaker, str]] = []
    for a, b in bounds:
        m = _ASKED_OPEN.match(text, a, b)
        if m is None or not _has_words(m.group("q"), 3) or text[m.end("q"):m.end("q") + 1] != ",":
            continue
        q0 = m.start("q") + (len("about") + 1 if m.group("q").lower().startswith("about") else 0)
        out.append((q0, m.end("q"), _Speaker(), "asked"))
    return out
