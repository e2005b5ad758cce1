"""Quotations with speaker attribution: direct, indirect and interview speech, plus scare quotes.

``extract_quotes`` reads the analysable paragraphs of each document in order and produces the
``quotes`` table of DESIGN.md. It finds

- direct quotes in straight, curly and guillemet marks, tolerant of unbalanced or wrongly-oriented
  marks, nested quotes, and quotes that run over several paragraphs (a paragraph that ends inside a
  quote continues when the next one opens with a quote mark);
- their attribution before or after the quote ("X said", "said X", "he added", "the ministry said
  Thursday", "according to X", "X told Newsweek that ..."), with pronouns resolved to the last named
  speaker, titles ("the Secretary") to the last actor holding that title, and a quote-within-a-quote
  source kept in ``cited`` ("citing Stoltenberg, Blinken said ...");
- indirect speech ("X said that ...", "X accused Washington of ...", "According to X, ...", and the
  inverted "..., the Secretary said Blinken");
- interview answers that open with a dash, with the interviewer's marked questions (``"SP": –``) kept
  as ``question`` rows and the answerer named by a trailing "– says <role> <Name>";
- scare quotes and short fragments, kept as ``fragment`` rows (not speech).

The quoted words are always cited from ``paragraphs.text`` (the source); when provenance has de-spun
the text (``text_despun``), the attribution around each quote is read from the de-spun paragraph,
aligned quote by quote.

Example:
    >>> import pandas as pd
    >>> p = pd.DataFrame({"doc_id": ["d"], "para_id": [0], "kind": ["body"],
    ...                   "text": ['"We will act," Blinken said.']})
    >>> extract_quotes(p)[["quote", "speaker", "kind"]].values.tolist()
    [['We will act,', 'Antony Blinken', 'direct']]
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml

from kzlib.actors import (
    _ASCII_WORD,
    Gazetteer,
    Mention,
    _may_match,
    _plausible_name,
    _run_starts,
    _word_index,
    _word_keys,
    default_gazetteer,
)

__all__ = ["extract_quotes", "evaluate_quotes", "match_gold", "voice_counts", "QUOTE_COLUMNS", "SPEECH_KINDS", "QUOTE_KINDS"]

log = logging.getLogger(__name__)

QUOTE_KINDS = ("direct", "indirect", "interview", "fragment", "question")
SPEECH_KINDS = ("direct", "indirect", "interview")  #: kinds counted as speech
QUOTE_COLUMNS = ["doc_id", "quote_id", "para_id", "end_para_id", "start", "end", "quote", "speaker",
                 "speaker_surface", "speaker_type", "affiliation", "cue", "kind", "cited", "confidence",
                 "method", "n_words"]

_MARKS = re.compile(r"[\"“”«»„‟]")
_OPENERS = "“«„‟"
_CLOSERS = "”»"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_SENT_END = re.compile(r"(?<=[.!?…])[\"”’»]?\s+(?=[\"“«‘(]?[A-ZА-Я0-9])")
# _SENT_END with its sentence-final mark taken into the match (group 1 is _SENT_END's match): opening with
# a character class, it is searched for at C speed. A match ends in a space, never a mark, so the next
# one needs no mark before the end of the last and the two patterns find the same breaks.
_SENT_END_MARK = re.compile(r"[.!?…]([\"”’»]?\s+)(?=[\"“«‘(]?[A-ZА-Я0-9])")
_QUESTION = re.compile(r"^\s*(?:[\"“«]?\s*[A-ZА-Я]{1,5}\s*[\"”»]?\s*:\s*[–—-]|(?:Q|Question|Interviewer)\s*[:.]\s)")
_ANSWER = re.compile(r"^\s*[–—-]\s+")
_TAIL = re.compile(r"(?:(?<=[,.!?…])|(?<=\s))\s*[–—-]\s+(?P<tail>[^–—]{3,250}?)\s*[.]?\s*$")
_PRONOUNS = re.compile(r"(?<![\w'’-])(?P<p>he|she|it|they)(?![\w'’-])", re.IGNORECASE)
_CITING = re.compile(r"\b(?:citing|quoting|echoing)\b|\bquoted\b.{0,80}?\bas saying\b", re.IGNORECASE)
_QUOTED_AS = re.compile(r"\bquot(?:ed|ing)\b(?=.{0,80}?\bas\s+saying\b)", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"^(?:'s|’s|')")
_CAP_NAME = re.compile(r"\s*((?:[A-ZÀ-ÞА-Я][\w'’-]+\s+){1,2}[A-ZÀ-ÞА-Я][\w'’-]+)\b")
_TIGHT = re.compile(r"(?:\s+(?:has|have|had|is|was|also|additionally|further|then|later|again|repeatedly|"
                    r"previously|earlier|reportedly|once|himself|herself|itself|too|would|will|has\s+also|had\s+also)){0,2}\s+")
_PREP_BEFORE = re.compile(r"\b(?:to|of|in|with|on|for|from|at|by|about|against|into|toward|towards|over)\s+$", re.I)


# ------------------------------------------------------------------------------------------ cues
@dataclass(frozen=True)
class _Cue:
    form: str
    indirect: bool
    needs: str
    after_quote_only: bool


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, dict[str, _Cue]]:
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("cue_verbs.yaml").read_text("utf-8"))
    table: dict[str, _Cue] = {}
    for row in data["cues"]:
        for form in row["forms"]:
            table[form.lower()] = _Cue(form.lower(), bool(row.get("indirect")), str(row.get("needs") or ""),
                                       bool(row.get("after_quote_only")))
    alts = sorted(table, key=len, reverse=True)
    rx = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts) + r")(?![\w'’-])",
                    re.IGNORECASE)
    return rx, table


@lru_cache(maxsize=1)
def _cue_keys() -> frozenset[bytes] | None:
    """First words of the cues (see ``kzlib.actors._word_key``), or None when one has none."""
    return _word_keys(_cues()[1], ignore_case=True)


_ACCORDING_KEYS = _word_keys(["according to"], ignore_case=True)


@lru_cache(maxsize=1)
def _indirect_cue_keys() -> frozenset[bytes] | None:
    """First words of the cues that can introduce reported speech (see :func:`_indirect`)."""
    return _word_keys([k for k, c in _cues()[1].items() if c.indirect and not c.after_quote_only], ignore_case=True)


@lru_cache(maxsize=256)
def _cue_starts(text: str) -> tuple[int, ...] | None:
    """Where in ``text`` a cue's first word stands (the only places a cue can start), or None when
    that cannot be told (see ``kzlib.actors._word_index``). Cached: every sentence and quote of a
    paragraph asks."""
    index = _word_index(text)
    keys = _cue_keys()
    if index is None or keys is None:
        return None
    return tuple(_run_starts(index[0], index[1] & keys))


def _cue_matches(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
    """The cue pattern's ``finditer(text, pos, endpos)``, the pattern tried only where a cue's first
    word stands (the scan that tries it at every position was the stage's largest cost)."""
    rx = _cues()[0]
    n = len(text)
    endpos = n if endpos is None else min(endpos, n)
    starts = _cue_starts(text)
    # a window that ends inside a word lets a cue end there, on a word the index does not hold
    if starts is None or (0 < endpos < n and text[endpos - 1] in _ASCII_WORD and text[endpos] in _ASCII_WORD):
        yield from rx.finditer(text, pos, endpos)
        return
    end = pos
    for i in range(bisect_left(starts, pos), len(starts)):
        p = starts[i]
        if p >= endpos:
            break
        if p >= end and (m := rx.match(text, p, endpos)):
            end = m.end()
            yield m


def _cue_search(text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The cue pattern's ``search(text, pos, endpos)`` (see :func:`_cue_matches`)."""
    return next(_cue_matches(text, pos, endpos), None)


def _cue_of(match: re.Match) -> _Cue:
    return _cue_named(match.group(0))


@lru_cache(maxsize=4096)
def _cue_named(surface: str) -> _Cue:
    """The cue a matched surface ("Said", "was  quoted as saying") stands for (cached per surface)."""
    return _cues()[1].get(_SPACES.sub(" ", surface.lower()), _Cue(surface.lower(), False, "", False))


_SPACES = re.compile(r"\s+")
_THAT = re.compile(r"\s*that\b", re.IGNORECASE)
_CLAUSE = re.compile(r"\s*(?:that|he|she|it|they|we|i|there)\b", re.IGNORECASE)


def _cue_ok(cue: _Cue, after: str) -> bool:
    if cue.needs == "that":
        return bool(_THAT.match(after))
    if cue.needs == "clause":
        return bool(_CLAUSE.match(after))
    return True


# ------------------------------------------------------------------------------------------ quote marks
@dataclass
class _Span:
    start: int  # first character inside the marks
    end: int  # one past the last character inside
    closed: bool
    open_at: int  # position of the opening mark


def _quote_spans(text: str) -> list[_Span]:
    """Outermost quoted spans of a paragraph; nested quotes stay inside; an unclosed quote runs to the end."""
    spans: list[_Span] = []
    stack: list[tuple[int, str]] = []
    n = len(text)
    for m in _MARKS.finditer(text):
        i, c = m.start(), m.group(0)
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        opening_ctx = (i == 0 or prev.isspace() or prev in "([{—–-:/") and (nxt.isalnum() or nxt in "'‘….")
        if stack:
            top = stack[-1][1]
            if c in _OPENERS and not (top == "„" and c == "“"):
                close = not opening_ctx
            elif c == '"':
                close = not (opening_ctx and len(stack) < 2)
            else:
                close = True
            if close:
                start, _ = stack.pop()
                if not stack:
                    spans.append(_Span(start + 1, i, True, start))
            else:
                stack.append((i, c))
        else:
            if c in _CLOSERS or (c == '"' and prev.isalnum() and not nxt.isalnum()):
                continue  # a stray closing mark
            if c == '"' and prev.isdigit():
                continue  # inches, seconds
            stack.append((i, c))
    if stack:
        start = stack[0][0]
        spans.append(_Span(start + 1, n, False, start))
    return spans


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _sentence_bounds(text: str, spans: list[_Span]) -> list[tuple[int, int]]:
    """Sentence boundaries that fall outside quoted spans."""
    inside = bytearray(len(text) + 1)
    for s in spans:
        inside[s.start:s.end] = b"\x01" * (s.end - s.start)
    cuts = [0] + [m.end() for m in _SENT_END_MARK.finditer(text) if not inside[m.start(1)]] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


# ------------------------------------------------------------------------------------------ speakers
@dataclass
class _Speaker:
    name: str = ""
    surface: str = ""
    method: str = ""
    confidence: float = 0.0
    cited: str = ""


@dataclass
class _DocState:
    recent: list[str] = field(default_factory=list)  # actors mentioned, oldest first
    last_person: str = ""
    last_other: str = ""
    last_speaker: str = ""
    last_speaker_para: int = -10

    def note_speaker(self, g: Gazetteer, name: str, para_idx: int) -> None:
        if not name:
            return
        self.last_speaker = name
        self.last_speaker_para = para_idx
        if g.type_of(name) in ("person", "") :
            self.last_person = name
        else:
            self.last_other = name

    def note_mentions(self, mentions: list[Mention]) -> None:
        for m in mentions:
            if m.actor:
                self.recent.append(m.actor)
        del self.recent[:-60]


def _is_speaker_mention(g: Gazetteer, m: Mention) -> bool:
    return bool(m.actor) and g.type_of(m.actor) != "media"


def _is_person(g: Gazetteer, m: Mention) -> bool:
    return g.type_of(m.actor) == "person" or (m.actor not in g.actors and m.method == "pattern")


def _resolve_pronoun(pron: str, g: Gazetteer, st: _DocState, before: list[Mention]) -> str:
    p = pron.lower()
    if p in ("he", "she"):
        if st.last_person:
            return st.last_person
        persons = [m.actor for m in before if m.actor and _is_person(g, m)]
        if persons:
            return persons[-1]
        for name in reversed(st.recent):
            if g.type_of(name) == "person":
                return name
        return ""
    if p == "it":
        return st.last_other or st.last_speaker
    return st.last_speaker  # they


def _pronouns(text: str, offset: int = 0) -> list[Mention]:
    return [Mention(offset + m.start(), offset + m.end(), m.group(0), "", "pronoun") for m in _PRONOUNS.finditer(text)]


def _subject_before(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, cue_at: int, lo: int,
                    *, max_other_words: int = 7) -> _Speaker:
    """The speaker of a cue at ``cue_at``: nearest person or he/she before it, else a nearby actor, it/they."""
    window = [m for m in mentions if lo <= m.start and m.end <= cue_at]
    prons = [p for p in _pronouns(text[lo:cue_at], lo)
             if not any(m.start <= p.start < m.end for m in window)]
    tight = [m for m in window if _is_speaker_mention(g, m) and _TIGHT.fullmatch(text[m.end:cue_at])
             and not _PREP_BEFORE.search(text[max(lo, m.start - 12):m.start])]
    if tight:  # "Washington has accused", "Moscow also hinted"
        m = tight[-1]
        return _Speaker(m.actor, m.surface, m.method, 0.85 if m.method != "title" else 0.75)
    persons = [m for m in window if _is_speaker_mention(g, m) and _is_person(g, m)
               and not _POSSESSIVE_AFTER.match(text[m.end:m.end + 2])]
    persons += [p for p in prons if p.surface.lower() in ("he", "she")]
    persons.sort(key=lambda m: m.start)
    if persons:
        m = persons[-1]
        if m.method == "pronoun":
            name = _resolve_pronoun(m.surface, g, st, [x for x in window if x.end <= m.start])
            return _Speaker(name, m.surface, "pronoun", 0.75 if name else 0.2)
        return _Speaker(m.actor, m.surface, m.method, 0.9 if m.actor in g.actors else 0.7)
    others = [m for m in window if _is_speaker_mention(g, m)
              and not _POSSESSIVE_AFTER.match(text[m.end:m.end + 2])
              and _n_words(text[m.end:cue_at]) <= max_other_words]
    prons = [p for p in prons if _n_words(text[p.end:cue_at]) <= 3]
    cands = sorted(others + prons, key=lambda m: m.start)
    if cands:
        m = cands[-1]
        if m.method == "pronoun":
            name = _resolve_pronoun(m.surface, g, st, window)
            return _Speaker(name, m.surface, "pronoun", 0.7 if name else 0.2)
        return _Speaker(m.actor, m.surface, m.method, 0.85 if m.method != "title" else 0.75)
    return _Speaker()


def _speaker_after(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, lo: int, hi: int) -> _Speaker:
    """Inverted attribution: the first actor (or he/she/it) after a cue ("said Antonov")."""
    window = [m for m in mentions if lo <= m.start and m.end <= hi and _is_speaker_mention(g, m)]
    prons = _pronouns(text[lo:hi], lo)
    cands = sorted(window + [p for p in prons if _n_words(text[lo:p.start]) <= 1], key=lambda m: m.start)
    persons = [m for m in cands if m.method != "pronoun" and _is_person(g, m)]
    if not cands:  # a name the gazetteer does not know: "said Jane Doe, ..."
        nm = _CAP_NAME.match(text, lo, hi)
        if nm and _plausible_name(nm.group(1)):
            return _Speaker(nm.group(1), nm.group(1), "pattern", 0.6)
    if persons and _n_words(text[lo:persons[0].start]) <= 20:
        m = persons[0]
        return _Speaker(m.actor, m.surface, m.method, 0.9 if m.actor in g.actors else 0.7)
    if cands:
        m = cands[0]
        if m.method == "pronoun":
            name = _resolve_pronoun(m.surface, g, st, [])
            return _Speaker(name, m.surface, "pronoun", 0.7 if name else 0.2)
        return _Speaker(m.actor, m.surface, m.method, 0.85)
    return _Speaker()


def _cited_in(g: Gazetteer, mentions: list[Mention], text: str, lo: int, hi: int, speaker: str) -> str:
    m = _CITING.search(text, lo, hi)
    if not m:
        return ""
    names = [x.actor for x in mentions if m.start() <= x.start < hi and x.actor and x.actor != speaker
             and _is_person(g, x)]
    return names[0] if names else ""


# ------------------------------------------------------------------------------------------ paragraphs
@dataclass
class _Row:
    para_idx: int
    para_id: int
    start: int
    end: int
    kind: str
    speaker: _Speaker
    cue: str = ""
    explicit: bool = False
    closed: bool = True
    end_para_id: int = -1
    end_end: int = -1
    text: str = ""


def _attribute_direct(g: Gazetteer, st: _DocState, text: str, spans: list[_Span], k: int,
                      mentions: list[Mention], bounds: list[tuple[int, int]]) -> tuple[_Speaker, str, bool]:
    """Speaker, cue and whether the attribution is explicit for the k-th quoted span of a paragraph."""
    sp = spans[k]
    nxt_open = spans[k + 1].open_at if k + 1 < len(spans) else len(text)
    prev_close = spans[k - 1].end + 1 if k > 0 else 0
    sent_of = lambda pos: next(((a, b) for a, b in bounds if a <= pos < b), (0, len(text)))  # noqa: E731
    inner = text[sp.start:sp.end].rstrip()
    # 1. after the quote: '..., " Antonov said.' / '," said Antonov' / ', – he said' / '," according to X'
    if sp.closed and sp.end + 1 < len(text):
        a0 = sp.end + 1
        _, s_end = sent_of(a0)
        a1 = min(s_end, nxt_open)
        after = text[a0:a1]
        ends_open = inner[-1:] in (",", "?", "!", "—", "–", "-", "…") or bool(re.match(r"\s*[,–—-]", after)) \
            or bool(re.match(r"\s*[a-z]", after))
        cm = _cue_search(text, a0, a1)
        if cm and ends_open and _n_words(text[a0:cm.start()]) <= 40:
            cue = _cue_of(cm)
            if _n_words(text[a0:cm.start()]) == 0 or re.match(r"[\s,–—-]*$", text[a0:cm.start()]):
                spk = _speaker_after(g, st, mentions, text, cm.end(), a1)
                if not spk.name:
                    spk = _subject_before(g, st, mentions, text, cm.start(), a0)
            else:
                spk = _subject_before(g, st, mentions, text, cm.start(), a0, max_other_words=12)
                if not spk.name:
                    spk = _speaker_after(g, st, mentions, text, cm.end(), a1)
            if not spk.name:  # "... ," tweeted this: the subject of the sentence before
                spk = _sentence_subject(g, st, mentions, text, sent_of(max(sp.open_at - 1, 0))[0], sp.open_at)
            if spk.name or spk.surface:
                spk.cited = _cited_in(g, mentions, text, a0, a1, spk.name)
                return spk, cm.group(0), True
    # 2. before the quote: 'Antonov told Newsweek that "' / 'He continued, "' / '...: "'
    s_start, _ = sent_of(sp.open_at)
    b0 = max(prev_close, s_start)
    before = text[b0:sp.open_at]
    cms = [c for c in _cue_matches(text, b0, sp.open_at) if not _cue_of(c).after_quote_only]
    qm = _QUOTED_AS.search(text, b0, sp.open_at)
    if qm:
        cms = [c for c in cms if c.start() < qm.start()] + [qm]
    if cms:
        cm = cms[-1]
        if _ACCORDING.fullmatch(cm.group(0)):
            spk = _speaker_after(g, st, mentions, text, cm.end(), sp.open_at)
        else:
            spk = _subject_before(g, st, mentions, text, cm.start(), b0, max_other_words=12)
            if not spk.name:
                spk = _speaker_after(g, st, mentions, text, cm.end(), sp.open_at)
        if spk.name or spk.surface:
            spk.cited = _cited_in(g, mentions, text, b0, sp.open_at, spk.name)
            if not spk.cited:  # the quote opens by citing someone: '"Wang said during the call that ...'
                head = text[sp.start:min(sp.end, sp.start + 60)]
                hm = _cue_search(head)
                if hm and hm.start() < 25:
                    ins = [m.actor for m in mentions if sp.start <= m.start < sp.start + hm.start() and m.actor
                           and m.actor != spk.name and _is_person(g, m)]
                    spk.cited = ins[0] if ins else ""
            return spk, cm.group(0), True
    if before.rstrip().endswith(":"):
        spk = _sentence_subject(g, st, mentions, text, b0, sp.open_at)
        if spk.name:
            return spk, ":", True
    return _Speaker(), "", False


def _sentence_subject(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, lo: int, hi: int) -> _Speaker:
    """The first actor of a clause that is neither a possessive nor after a preposition; or its pronoun."""
    cands = [m for m in mentions if lo <= m.start and m.end <= hi and _is_speaker_mention(g, m)]
    cands += [p for p in _pronouns(text[lo:hi], lo) if p.surface.lower() in ("he", "she", "it", "they")]
    for m in sorted(cands, key=lambda m: m.start):
        if _POSSESSIVE_AFTER.match(text[m.end:m.end + 2]) or _PREP_BEFORE.search(text[max(lo, m.start - 12):m.start]):
            continue
        if m.method == "pronoun":
            name = _resolve_pronoun(m.surface, g, st, [])
            return _Speaker(name, m.surface, "pronoun", 0.6 if name else 0.2)
        return _Speaker(m.actor, m.surface, m.method, 0.7)
    return _Speaker()


def _indirect(g: Gazetteer, st: _DocState, text: str, spans: list[_Span], mentions: list[Mention],
              bounds: list[tuple[int, int]]) -> list[tuple[int, int, _Speaker, str]]:
    """Reported speech: one (start, end, speaker, cue) per sentence at most."""
    index = _word_index(text)
    according = _may_match(index, _ACCORDING_KEYS)
    if not according and not _may_match(index, _indirect_cue_keys()):
        return []  # no "according to" and no cue of reported speech in the paragraph
    inside = bytearray(len(text) + 1)
    for s in spans:
        inside[s.open_at:s.end + 1] = b"\x01" * (s.end + 1 - s.open_at)
    out = []
    for a, b in bounds:
        found = None
        # "According to X, CLAUSE"
        am = _ACCORDING.search(text, a, b) if according else None
        if am and not inside[am.start()] and _n_words(text[a:am.start()]) <= 3:
            comma = text.find(",", am.end(), b)
            if comma > 0:
                spk = _speaker_after(g, st, mentions, text, am.end(), comma)
                persons = [m for m in mentions if am.end() <= m.start < comma and _is_person(g, m) and m.actor]
                if persons:
                    m = persons[-1]
                    spk = _Speaker(m.actor, m.surface, m.method, 0.85)
                if spk.name and _n_words(text[comma:b]) >= 4:
                    found = (comma + 1, b, spk, am.group(0))
        for cm in _cue_matches(text, a, b):
            if found:
                break
            if inside[cm.start()]:
                continue
            cue = _cue_of(cm)
            if not cue.indirect or cue.after_quote_only:
                continue
            rest = text[cm.end():b]
            if not _cue_ok(cue, rest):
                continue
            spk = _subject_before(g, st, mentions, text, cm.start(), a)
            # content: skip an addressee ("told reporters", "informed Newsweek") and "that"
            c0 = cm.end()
            adm = _ADDRESSEE.match(text[c0:b]) if cm.group(0).lower() in (
                "told", "tells", "tell", "informed", "telling") else None
            if adm:
                c0 += adm.end()
            tm = _THAT_LEAD.match(text[c0:b])
            c0 += tm.end() if tm else 0
            content = text[c0:b].rstrip()
            lead_q = next((sp for sp in spans if c0 <= sp.open_at <= c0 + 1), None)
            starts_with_speech = lead_q is not None and _n_words(text[lead_q.end:c0 + len(content)]) < 3
            if spk.name and not starts_with_speech and _n_words(content) >= 4:
                found = (c0, c0 + len(content), spk, cm.group(0))
                break
            # inverted: "CLAUSE, the Secretary of State said Anthony Blinken."
            comma = text.rfind(",", a, cm.start())
            if comma > a and _n_words(text[comma:b]) <= 12 and _n_words(text[a:comma]) >= 5 \
                    and _n_words(text[cm.end():b]) <= 5 and not any(s.open_at >= comma for s in spans if s.open_at < b) \
                    and not any(s.open_at < comma < s.end for s in spans):
                spk2 = _speaker_after(g, st, mentions, text, cm.end(), b)
                if not spk2.name:
                    spk2 = _subject_before(g, st, mentions, text, cm.start(), comma)
                if spk2.name and not _OPENS_QUOTE.match(text[a:comma]):
                    found = (a, comma, spk2, cm.group(0))
                    break
        if found:
            out.append(found)
    return out


_ADDRESSEE = re.compile(r"\s*(?:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*|reporters|journalists|us|him|her|them)"
                        r"(?=\s+that\b|\s*[,.]|\s+on\b|\s+in\b)")
_THAT_LEAD = re.compile(r"\s*[,:]?\s*(?:that\b)?\s*[,:]?\s*")
_OPENS_QUOTE = re.compile(r"\s*[\"“«„]")


def _is_fragment(text: str, span: _Span, explicit: bool, *, min_words: int) -> bool:
    inner = text[span.start:span.end]
    n = _n_words(inner)
    if n >= min_words:
        return False
    return not (explicit and inner.rstrip()[-1:] in ",?!.…")


# ------------------------------------------------------------------------------------------ public API
def extract_quotes(paragraphs: pd.DataFrame, *, actors: Gazetteer | None = None,
                   documents: pd.DataFrame | None = None, use_despun: bool = True, min_words: int = 5,
                   analysable_only: bool = True) -> pd.DataFrame:
    """Quotations of every document, attributed to canonical speakers.

    Args:
        paragraphs: the ``paragraphs`` table (``doc_id``, ``para_id``, ``text``; ``kind``,
            ``duplicate_of``, ``text_despun`` used when present).
        actors: gazetteer (default: the bundled ``kzlib/data/actors.yaml``).
        documents: optional ``documents`` table; when given, ``outlet`` and ``story_id`` are added.
        use_despun: read attributions from ``text_despun`` where it aligns with ``text``.
        min_words: quoted spans shorter than this, and not attributed as a full utterance, are
            ``fragment`` (scare quotes, terms).
        analysable_only: keep only body paragraphs that are not repeats (``kzlib.clean.analysable``).

    Returns:
        The ``quotes`` table: ``doc_id``, ``quote_id`` (0-based within the document, in reading
        order), ``para_id``, ``end_para_id``, ``start``/``end`` (offsets in the first/last paragraph's
        ``text``), ``quote`` (verbatim source words), ``speaker`` (canonical, "" if unknown; a name not
        in the gazetteer is kept as written), ``speaker_surface``, ``speaker_type``, ``affiliation``,
        ``cue``, ``kind`` (direct / indirect / interview / fragment / question), ``cited``,
        ``confidence``, ``method``, ``n_words``.

    Example:
        >>> p = pd.DataFrame({"doc_id": ["d"], "para_id": [0], "text": ["Tokaev said that order was restored in Almaty."]})
        >>> extract_quotes(p)[["speaker", "kind", "quote"]].values.tolist()
        [['Kassym-Jomart Tokayev', 'indirect', 'order was restored in Almaty.']]
    """
    missing = {"doc_id", "para_id", "text"} - set(paragraphs.columns)
    if missing:
        raise ValueError(f"extract_quotes needs a paragraphs table with doc_id, para_id, text; missing "
                         f"{sorted(missing)}. Use Corpus.paragraphs from kzlib.prepare().")
    g = actors or default_gazetteer()
    paras = paragraphs
    if analysable_only:
        if "kind" in paras.columns:
            paras = paras[paras["kind"].fillna("body") == "body"]
        if "duplicate_of" in paras.columns:
            paras = paras[paras["duplicate_of"].fillna(-1).astype(int) < 0]
    paras = paras.sort_values(["doc_id", "para_id"], kind="stable")
    paras = paras[paras["doc_id"].notna()]
    # Russian documents have their own rules (issue 18)
    from kzlib.russian import russian_doc_ids

    ru_ids = russian_doc_ids(paras, documents)
    ru_frame = None
    if ru_ids:
        from kzlib.russian import as_quote_table, extract_quotes_ru
        ru_frame = as_quote_table(extract_quotes_ru(paras[paras["doc_id"].isin(ru_ids)]), QUOTE_COLUMNS)
        paras = paras[~paras["doc_id"].isin(ru_ids)]
    has_despun = use_despun and "text_despun" in paras.columns
    # whole columns as lists once, each document a run of rows (sorted by doc_id like groupby's groups):
    # per-document pandas calls cost more than the extraction of a short document
    doc_ids = paras["doc_id"].tolist()
    all_pids = paras["para_id"].astype(int).tolist()
    all_texts = [str(t) for t in paras["text"].fillna("").tolist()]
    all_despun = [str(t) for t in paras["text_despun"].fillna("").tolist()] if has_despun else all_texts
    frames = []
    lo = 0
    while lo < len(doc_ids):
        doc_id, hi = doc_ids[lo], lo + 1
        while hi < len(doc_ids) and doc_ids[hi] == doc_id:
            hi += 1
        rows = _extract_doc(g, all_pids[lo:hi], all_texts[lo:hi], all_despun[lo:hi], min_words=min_words)
        for r in rows:
            r["doc_id"] = doc_id
        frames.extend(rows)
        lo = hi
    out = pd.DataFrame(frames, columns=[c for c in QUOTE_COLUMNS])
    if out.empty:
        out = pd.DataFrame(columns=QUOTE_COLUMNS)
    if ru_frame is not None and len(ru_frame):
        out = ru_frame if out.empty else pd.concat([out, ru_frame], ignore_index=True)
    out = out.sort_values(["doc_id", "para_id", "start", "end"], kind="stable", ignore_index=True)
    out["quote_id"] = out.groupby("doc_id").cumcount().astype(int)
    for c in ("para_id", "end_para_id", "start", "end", "n_words"):
        out[c] = out[c].astype(int)
    out["confidence"] = out["confidence"].astype(float).round(3)
    if documents is not None and len(out):
        extra = [c for c in ("outlet", "story_id", "version") if c in documents.columns]
        if extra:
            out = out.merge(documents[["doc_id", *extra]], on="doc_id", how="left")
    log.info("extract_quotes: %d rows (%d speech) from %d documents", len(out),
             int(out["kind"].isin(SPEECH_KINDS).sum()) if len(out) else 0, paras["doc_id"].nunique())
    return out


def _extract_doc(g: Gazetteer, para_ids: list[int], texts: list[str], despun: list[str], *,
                 min_words: int) -> list[dict]:
    st = _DocState()
    rows: list[_Row] = []
    is_q = [bool(_QUESTION.match(t)) for t in texts]
    is_dash = [bool(_ANSWER.match(t)) and not q for t, q in zip(texts, is_q)]
    tails = [_answer_tail(g, t) if d else None for t, d in zip(texts, is_dash)]
    interview = any(is_q) or any(t is not None for t in tails)
    answerer = _Speaker()
    prev_role = ""  # "answer" when the previous paragraph was part of an answer
    carry: _Row | None = None  # an unclosed direct quote that may continue
    for idx, (pid, src, fnd) in enumerate(zip(para_ids, texts, despun)):
        spans_src = _quote_spans(src)
        spans_fnd = _quote_spans(fnd) if fnd and fnd != src else spans_src
        text, spans = (fnd, spans_fnd) if len(spans_fnd) == len(spans_src) and fnd else (src, spans_src)
        mentions = g.scan(text, context=st.recent)
        bounds = _sentence_bounds(text, spans)
        if interview and is_q[idx]:
            rows.append(_Row(idx, pid, 0, len(src), "question", _Speaker(method="interviewer"), closed=True))
            st.note_mentions(mentions)
            prev_role, carry = "question", None
            continue
        answer_body = None
        if interview and is_dash[idx]:
            tail = tails[idx]
            lead = _ANSWER.match(src).end()
            if tail is not None:
                answerer = tail[1]
                answer_body = (lead, tail[0])
            else:
                answer_body = (lead, len(src))
        elif interview and prev_role == "answer" and not spans_src[:1] == [] and False:
            pass
        elif interview and prev_role == "answer" and _next_is_interview(idx, is_q, is_dash):
            answer_body = (0, len(src))
        if answer_body is not None and answerer.name:
            a0, a1 = answer_body
            while a1 > a0 and src[a1 - 1] in " ,.–—-":
                a1 -= 1
            if src[a1:a1 + 1] == ".":
                a1 += 1
            spk = _Speaker(answerer.name, answerer.surface, "interview", 0.9 if tails[idx] else 0.8)
            rows.append(_Row(idx, pid, a0, a1, "interview", spk, cue="–", explicit=True))
            st.note_speaker(g, answerer.name, idx)
            prev_role = "answer"
        else:
            prev_role = ""
        # indirect speech (inside answers too: 'As Tokayev said at the summit, ...')
        ind = _indirect(g, st, text, spans, mentions, bounds) if text is src or len(text) == len(src) else \
            _indirect(g, st, src, spans_src, g.scan(src, context=st.recent), _sentence_bounds(src, spans_src))
        if answer_body is not None:
            ind = [x for x in ind if x[0] >= answer_body[0] and x[1] <= answer_body[1] + 1]
        absorbed = set()
        for s0, s1, spk, cue in ind:
            quoted = sum(max(0, min(s1, sp.end) - max(s0, sp.start)) for sp in spans_src)
            kind = "direct" if quoted >= 0.5 * max(1, s1 - s0) else "indirect"
            rows.append(_Row(idx, pid, s0, s1, kind, spk, cue=cue, explicit=True))
            st.note_speaker(g, spk.name, idx)
            absorbed |= {k for k, sp in enumerate(spans_src) if sp.open_at >= s0 and sp.end <= s1 + 1}
        # direct quotes
        prev_speaker: _Speaker | None = None
        prev_end = -1
        for k, sp in enumerate(spans_src):
            spk, cue, explicit = _attribute_direct(g, st, text, spans, k, mentions, bounds)
            continues = carry is not None and k == 0 and sp.open_at <= 2
            if not explicit:
                same_sentence = prev_speaker is not None and not any(
                    prev_end <= b0 <= sp.open_at for b0, _ in bounds if b0 > 0)
                if prev_speaker is not None and prev_speaker.name and (same_sentence or k > 0):
                    spk = _Speaker(prev_speaker.name, prev_speaker.surface, "same paragraph", 0.7, prev_speaker.cited)
                elif continues:
                    spk = carry.speaker
                elif st.last_speaker and (st.last_speaker_para == idx or (
                        (sp.open_at <= 2 or _PRONOUNS.search(text[:sp.open_at])) and idx - st.last_speaker_para <= 2)):
                    spk = _Speaker(st.last_speaker, "", "previous speaker", 0.6)
            if k in absorbed or answer_body is not None:
                kind = "fragment" if (_is_fragment(src, sp, explicit, min_words=min_words) or not explicit) else None
                if kind is None or k in absorbed:
                    if kind == "fragment" or k in absorbed and _n_words(src[sp.start:sp.end]) < min_words:
                        rows.append(_Row(idx, pid, sp.start, sp.end, "fragment", _Speaker(), closed=sp.closed))
                    continue
            kind = "fragment" if _is_fragment(src, sp, explicit, min_words=min_words) else "direct"
            if kind == "fragment":
                rows.append(_Row(idx, pid, sp.start, sp.end, "fragment", spk if explicit else _Speaker(),
                                 cue=cue if explicit else "", closed=sp.closed))
                continue
            if continues and carry is not None:
                carry.end_para_id, carry.end_end = pid, sp.end
                carry.closed = sp.closed
                if explicit and not carry.explicit:
                    carry.speaker, carry.cue, carry.explicit = spk, cue, True
                elif not carry.speaker.name:
                    carry.speaker = spk
                carry.text += "\n" + src[sp.start:sp.end]
                row = carry
            else:
                row = _Row(idx, pid, sp.start, sp.end, "direct", spk, cue=cue, explicit=explicit, closed=sp.closed,
                           text=src[sp.start:sp.end])
                rows.append(row)
            st.note_speaker(g, row.speaker.name, idx)
            prev_speaker, prev_end = row.speaker, sp.end
            carry = row if not sp.closed else None
        if not spans_src:
            carry = None
        elif spans_src[-1].closed:
            carry = None
        st.note_mentions(mentions)
    out = []
    for r in rows:
        src = texts[r.para_idx]
        quote = r.text or src[r.start:r.end]
        if r.kind not in ("direct",) or not r.text:
            quote = src[r.start:r.end]
        if r.text:
            quote = r.text
        quote = quote.strip()
        name = r.speaker.name
        out.append({
            "quote_id": 0, "para_id": r.para_id, "end_para_id": r.end_para_id if r.end_para_id >= 0 else r.para_id,
            "start": r.start, "end": r.end_end if r.end_para_id >= 0 else r.end, "quote": quote,
            "speaker": name, "speaker_surface": r.speaker.surface,
            "speaker_type": g.type_of(name) or ("person" if name else ""), "affiliation": g.affiliation(name),
            "cue": r.cue, "kind": r.kind, "cited": r.speaker.cited,
            "confidence": r.speaker.confidence if r.kind in SPEECH_KINDS else 0.5 if r.kind == "fragment" else 1.0,
            "method": r.speaker.method, "n_words": _n_words(quote),
        })
    return out


def _next_is_interview(idx: int, is_q: list[bool], is_dash: list[bool]) -> bool:
    return idx + 1 < len(is_q) and (is_q[idx + 1] or is_dash[idx + 1])


def _answer_tail(g: Gazetteer, text: str) -> tuple[int, _Speaker] | None:
    """'– <answer>, – says <role> <Name>': the start of the tail and the named answerer."""
    m = _TAIL.search(text, 2)
    if not m or _n_words(m.group("tail")) > 30:
        return None
    tail = m.group("tail")
    ms = [x for x in g.scan(tail) if x.actor and (g.type_of(x.actor) == "person" or x.actor not in g.actors)]
    if not ms or _n_words(tail[ms[-1].end:]) > 2:
        return None
    x = ms[-1]
    return m.start(), _Speaker(x.actor, x.surface, "interview", 0.9)


# ------------------------------------------------------------------------------------------ summaries
def voice_counts(quotes: pd.DataFrame, documents: pd.DataFrame | None = None, *,
                 by: str | list[str] = "speaker", one_copy_per_story: bool = True,
                 kinds: tuple[str, ...] = SPEECH_KINDS) -> pd.DataFrame:
    """Who is quoted how often: one row per group (default: per speaker).

    ``n_stories`` counts each story once (``documents.story_id``; a document is its own story when
    there is none). With ``one_copy_per_story`` the quote counts come from each story's
    representative copy only, so a story republished five times is not counted five times.

    Returns columns ``by`` + ``n_quotes``, ``n_stories``, ``n_documents``, ``median_words``,
    ``affiliation``, ``speaker_type``, sorted by ``n_quotes`` (descending) then name.

    Example:
        >>> q = pd.DataFrame({"doc_id": ["a", "b"], "speaker": ["X", "X"], "kind": ["direct"] * 2,
        ...                   "n_words": [4, 6], "affiliation": ["", ""], "speaker_type": ["person"] * 2})
        >>> voice_counts(q)[["speaker", "n_quotes", "n_stories"]].values.tolist()
        [['X', 2, 2]]
    """
    by = [by] if isinstance(by, str) else list(by)
    q = quotes[quotes["kind"].isin(kinds) & (quotes["speaker"].fillna("") != "")].copy()
    story = q["doc_id"]
    if documents is not None and "story_id" in documents.columns:
        ids = documents.set_index("doc_id")["story_id"].astype(str)
        story = q["doc_id"].map(ids).fillna(q["doc_id"]).replace("", None).fillna(q["doc_id"])
        if one_copy_per_story and "is_representative" in documents.columns:
            rep = documents.set_index("doc_id")["is_representative"].astype(bool)
            keep = q["doc_id"].map(rep).fillna(True).astype(bool)
            q, story = q[keep], story[keep]
        if "outlet" in by and "outlet" not in q.columns and "outlet" in documents.columns:
            q = q.merge(documents[["doc_id", "outlet"]], on="doc_id", how="left")
            q.index = story.index
    q = q.assign(_story=story.values)
    out = (q.groupby(by, sort=True)
           .agg(n_quotes=("doc_id", "size"), n_stories=("_story", "nunique"), n_documents=("doc_id", "nunique"),
                median_words=("n_words", "median"), affiliation=("affiliation", "first"),
                speaker_type=("speaker_type", "first"))
           .reset_index())
    out["affiliation"] = out["affiliation"].replace("", "unknown").fillna("unknown")
    return out.sort_values(["n_quotes", *by], ascending=[False] + [True] * len(by), kind="stable").reset_index(drop=True)


# ------------------------------------------------------------------------------------------ evaluation
_QCHARS = str.maketrans({c: '"' for c in "“”«»„‟"} | {"’": "'", "‘": "'"})


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", str(s).translate(_QCHARS)).strip().casefold()


def match_gold(quotes: pd.DataFrame, gold: pd.DataFrame, *, kinds: tuple[str, ...] = SPEECH_KINDS) -> pd.DataFrame:
    """For each gold quotation (``doc_id``, ``snippet``, ``speaker``), the extracted quote that contains
    its snippet (the shortest, when several do), and whether the speaker agrees.

    Example:
        >>> q = pd.DataFrame({"doc_id": ["d"], "quote_id": [0], "quote": ["We act now."], "speaker": ["X"], "kind": ["direct"]})
        >>> g = pd.DataFrame({"doc_id": ["d"], "snippet": ["act now"], "speaker": ["X"], "kind": ["direct"]})
        >>> match_gold(q, g)[["found", "speaker_ok"]].values.tolist()
        [[True, True]]
    """
    for name, df, cols in (("quotes", quotes, {"doc_id", "quote", "speaker", "kind"}),
                           ("gold", gold, {"doc_id", "snippet", "speaker"})):
        if missing := cols - set(df.columns):
            raise ValueError(f"{name} table lacks columns {sorted(missing)}")
    speech = quotes[quotes["kind"].isin(kinds)]
    by_doc = {d: [(_fold(q), i) for q, i in zip(grp["quote"], grp.index)] for d, grp in speech.groupby("doc_id")}
    rows = []
    for r in gold.itertuples(index=False):
        snip = _fold(r.snippet)
        hits = sorted((len(q), i) for q, i in by_doc.get(r.doc_id, []) if snip in q)
        if hits:
            row = speech.loc[hits[0][1]]
            rows.append({"doc_id": r.doc_id, "snippet": r.snippet, "gold_speaker": r.speaker,
                         "gold_kind": getattr(r, "kind", ""), "found": True, "quote_index": hits[0][1],
                         "speaker": row["speaker"], "kind": row["kind"], "speaker_ok": row["speaker"] == r.speaker})
        else:
            rows.append({"doc_id": r.doc_id, "snippet": r.snippet, "gold_speaker": r.speaker,
                         "gold_kind": getattr(r, "kind", ""), "found": False, "quote_index": -1,
                         "speaker": "", "kind": "", "speaker_ok": False})
    return pd.DataFrame(rows)


def evaluate_quotes(quotes: pd.DataFrame, gold: pd.DataFrame, *, kinds: tuple[str, ...] = SPEECH_KINDS) -> pd.DataFrame:
    """Precision, recall and speaker accuracy of extracted speech against a gold standard, per document
    and overall (``doc_id == "all"``).

    recall = gold quotations whose snippet lies inside an extracted speech row; precision = extracted
    speech rows that contain at least one gold snippet; speaker_accuracy = found gold quotations whose
    extracted speaker equals the gold speaker.

    Example:
        >>> q = pd.DataFrame({"doc_id": ["d"], "quote_id": [0], "quote": ["We act now."], "speaker": ["X"], "kind": ["direct"]})
        >>> g = pd.DataFrame({"doc_id": ["d"], "snippet": ["act now"], "speaker": ["X"], "kind": ["direct"]})
        >>> [float(x) for x in evaluate_quotes(q, g).loc[0, ["recall", "precision", "speaker_accuracy"]]]
        [1.0, 1.0, 1.0]
    """
    m = match_gold(quotes, gold, kinds=kinds)
    speech = quotes[quotes["kind"].isin(kinds)]
    gold_snips = {d: [_fold(s) for s in grp["snippet"]] for d, grp in gold.groupby("doc_id")}
    hit = pd.Series([any(s in _fold(q) for s in gold_snips.get(d, [])) for d, q in zip(speech["doc_id"], speech["quote"])],
                    index=speech.index, dtype=bool)
    rows = []
    docs = sorted(set(gold["doc_id"]) | set(speech["doc_id"]))
    for d in [*docs, "all"]:
        mm = m if d == "all" else m[m["doc_id"] == d]
        sp = speech if d == "all" else speech[speech["doc_id"] == d]
        hh = hit if d == "all" else hit[sp.index]
        n_found = int(mm["found"].sum())
        rows.append({"doc_id": d, "n_gold": len(mm), "n_found": n_found,
                     "recall": n_found / len(mm) if len(mm) else float("nan"),
                     "n_extracted": len(sp), "n_correct_extracted": int(hh.sum()),
                     "precision": float(hh.mean()) if len(sp) else float("nan"),
                     "n_speaker_ok": int(mm["speaker_ok"].sum()),
                     "speaker_accuracy": float(mm.loc[mm["found"], "speaker_ok"].mean()) if n_found else float("nan")})
    return pd.DataFrame(rows)
