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
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml

from kzlib.actors import (
    _ASCII_WORD,
    Gazetteer,
    Mention,
    NameSpan,
    _may_match,
    _plausible_name,
    _run_starts,
    _word_index,
    _word_keys,
    default_gazetteer,
    find_names,
    speaker_words,
)

__all__ = ["extract_quotes", "evaluate_quotes", "match_gold", "voice_counts", "QUOTE_COLUMNS", "SPEECH_KINDS", "QUOTE_KINDS"]

log = logging.getLogger(__name__)

QUOTE_KINDS = ("direct", "indirect", "interview", "fragment", "question")
SPEECH_KINDS = ("direct", "indirect", "interview")  #: kinds counted as speech
QUOTE_COLUMNS = ["doc_id", "quote_id", "para_id", "end_para_id", "start", "end", "quote", "speaker",
                 "speaker_surface", "speaker_type", "affiliation", "cue", "kind", "cited", "confidence",
                 "method", "n_words", "speaker_resolution", "speaker_para_id", "speaker_start", "speaker_end"]

_MARKS = re.compile(r"[\"“”«»„‟]|''(?!')")  # '' : two apostrophes, the quotation mark of some archives (NYT)
_OPENERS = "“«„‟"
_CLOSERS = "”»"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_NO_BREAK_AFTER = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "St", "Jr", "Sr", "Lt", "Col", "Capt", "Sgt", "Prof",
                   "Rev", "Mt", "Ft", "No", "[A-Z]")  # abbreviations and initials: no sentence break after them
_SENT_END = re.compile("".join(rf"(?<!\b{a}\.)" for a in _NO_BREAK_AFTER)
                       + r"(?<=[.!?…])(?:[\"”’»]|'')?\s+(?=(?:[\"“«‘(]|'')?[A-ZА-Я0-9])")
# _SENT_END with its sentence-final mark taken into the match (group 1 is _SENT_END's match): opening with
# a character class, it is searched for at C speed. A match ends in a space, never a mark, so the next
# one needs no mark before the end of the last and the two patterns find the same breaks.
_SENT_END_MARK = re.compile(r"[.!?…]" + "".join(rf"(?<!\b{a}\.)" for a in _NO_BREAK_AFTER)
                            + r"((?:[\"”’»]|'')?\s+)(?=(?:[\"“«‘(]|'')?[A-ZА-Я0-9])")
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
_PREP_BEFORE = re.compile(r"\b(?:to|of|in|with|on|for|from|at|by|about|against|into|toward|towards|over)\s+$", re.IGNORECASE)


# ------------------------------------------------------------------------------------------ cues
@dataclass(frozen=True)
class _Cue:
    form: str
    indirect: bool
    needs: str
    after_quote_only: bool
    thought: bool = False


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, dict[str, _Cue]]:
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("cue_verbs.yaml").read_text("utf-8"))
    table: dict[str, _Cue] = {}
    for row in data["cues"]:
        for form in row["forms"]:
            table[form.lower()] = _Cue(form.lower(), bool(row.get("indirect")), str(row.get("needs") or ""),
                                       bool(row.get("after_quote_only")), bool(row.get("thought")))
    return _cue_rx(sorted(table, key=len, reverse=True)), table


def _cue_rx(alts: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts) + r")(?![\w'’-])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _cue_rx_by_word() -> dict[str, re.Pattern | None]:
    """The cue pattern cut by the cues' first word: at a position whose (ASCII) word is W, only the
    cues that open with W can match, in the same order as in the whole pattern (whose 233 branches,
    tried one after the other at every candidate start, were the stage's largest regex cost)."""
    alts = sorted(_cues()[1], key=len, reverse=True)
    firsts = dict.fromkeys(a.split()[0] for a in alts)
    return {w: None if all(a == w for a in alts if a.split()[0] == w) else _cue_rx([a for a in alts if a.split()[0] == w])
            for w in firsts}


_CUE_TOKEN = re.compile(r"[\w'’-]+")


def _cue_match_at(text: str, p: int, endpos: int) -> re.Match | None:
    """``_cues()[0].match(text, p, endpos)``, with the branches of the word at ``p`` only (see
    :func:`_cue_rx_by_word`); a non-ASCII word (Unicode case folding) takes the whole pattern."""
    tm = _CUE_TOKEN.match(text, p, endpos)
    if tm is None:
        return None
    word = tm.group(0)
    if not word.isascii():
        return _cues()[0].match(text, p, endpos)
    by_word = _cue_rx_by_word()
    key = word.lower()
    if key not in by_word:
        return None
    rx = by_word[key]
    if rx is None:  # a one-word cue: the word itself, when no word character stands before it
        return tm if p == 0 or not _CUE_TOKEN.match(text[p - 1]) else None
    return rx.match(text, p, endpos)


@lru_cache(maxsize=1)
def _cue_keys() -> frozenset[bytes] | None:
    """First words of the cues (see ``kzlib.actors._word_key``), or None when one has none."""
    return _word_keys(_cues()[1], ignore_case=True)


_ACCORDING_KEYS = _word_keys(["according to"], ignore_case=True)


@lru_cache(maxsize=1)
def _indirect_cue_keys() -> frozenset[bytes] | None:
    """First words of the cues that can introduce reported speech (see :func:`_indirect`)."""
    return _word_keys([k for k, c in _cues()[1].items() if (c.indirect or c.thought) and not c.after_quote_only],
                      ignore_case=True)


@lru_cache(maxsize=16)
def _text_index(text: str):  # noqa: ANN202 - kzlib.actors' private index type
    """``kzlib.actors._word_index(text)``, cached: the cue search and reported speech read it."""
    return _word_index(text)


@lru_cache(maxsize=256)
def _cue_starts(text: str) -> tuple[int, ...] | None:
    """Where in ``text`` a cue's first word stands (the only places a cue can start), or None when
    that cannot be told (see ``kzlib.actors._word_index``). Cached: every sentence and quote of a
    paragraph asks."""
    index = _text_index(text)
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
        if p >= end and (m := _cue_match_at(text, p, endpos)):
            end = m.end()
            yield m


@lru_cache(maxsize=16)
def _all_cues(text: str) -> tuple[re.Match, ...]:
    """Every cue match of ``text`` (cached: a paragraph's cues are asked for by several passes)."""
    return tuple(_cue_matches(text))


def _cue_search(text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The cue pattern's ``search(text, pos, endpos)`` (see :func:`_cue_matches`)."""
    if pos == 0 and endpos is None:
        found = _all_cues(text)
        return found[0] if found else None
    return next(_cue_matches(text, pos, endpos), None)


def _cue_of(match: re.Match) -> _Cue:
    return _cue_named(match.group(0))


@lru_cache(maxsize=4096)
def _cue_named(surface: str) -> _Cue:
    """The cue a matched surface ("Said", "was  quoted as saying") stands for (cached per surface)."""
    return _cues()[1].get(_SPACES.sub(" ", surface.lower()), _Cue(surface.lower(), False, "", False))


_SPACES = re.compile(r"\s+")
_THAT = re.compile(r"\s*that\b", re.IGNORECASE)
_WH = re.compile(r"\s*(?:[\w.'’-]+\s+){0,3}?(?:whether|if|why|how|what|when|where|who)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"\s*(?:that|he|she|it|they|we|i|there)\b", re.IGNORECASE)


def _cue_ok(cue: _Cue, after: str) -> bool:
    if cue.needs == "that":
        return bool(_THAT.match(after))
    if cue.needs == "clause":
        return bool(_CLAUSE.match(after))
    if cue.needs == "wh":
        return bool(_WH.match(after))
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
    stack: list[tuple[int, str, int]] = []  # (position, mark, its width)
    n = len(text)
    for m in _MARKS.finditer(text):
        i, c = m.start(), m.group(0)
        w = len(c)
        if w == 2:
            c = '"'
        prev = text[i - 1] if i else " "
        nxt = text[i + w] if i + w < n else " "
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
                start, _, sw = stack.pop()
                if not stack:
                    spans.append(_Span(start + sw, i, True, start))
            else:
                stack.append((i, c, w))
        else:
            if c in _CLOSERS or (c == '"' and prev.isalnum() and not nxt.isalnum()):
                continue  # a stray closing mark
            if c == '"' and prev.isdigit():
                continue  # inches, seconds
            stack.append((i, c, w))
    if stack:
        start, _, sw = stack[0]
        spans.append(_Span(start + sw, n, False, start))
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
    resolution: str = ""  # named / surname / title / pronoun / gazetteer / description
    m_start: int = -1  # the speaker's mention in the paragraph the attribution reads
    m_end: int = -1


_RESOLUTION = {"exact": "gazetteer", "surname": "surname", "fuzzy": "gazetteer", "title": "title",
               "pattern": "named", "pronoun": "pronoun", "named": "named", "gazetteer": "gazetteer",
               "description": "description", "interview": "named"}


def _spk(m: Mention, name: str, method: str, confidence: float) -> _Speaker:
    """A speaker read from mention ``m`` (its position and how its name was resolved kept)."""
    return _Speaker(name, m.surface, method, confidence, resolution=_RESOLUTION.get(m.method, m.method),
                    m_start=m.start, m_end=m.end)


@dataclass
class _Ent:
    name: str
    type: str  # person / organisation / media / state / bloc / ""
    gender: str  # m / f / ""
    titles: set[str] = field(default_factory=set)  # title and role words seen with the name (lower case)
    last: int = 0  # mention counter at its last mention


@dataclass
class _DocState:
    recent: list[str] = field(default_factory=list)  # actors mentioned, oldest first
    ents: dict[str, _Ent] = field(default_factory=dict)  # the document's named speakers and actors
    by_last: dict[str, list[_Ent]] = field(default_factory=dict)  # the same, by last word (lower case)
    clock: int = 0
    para_idx: int = 0
    last_person: str = ""
    last_other: str = ""
    last_speaker: str = ""
    last_speaker_para: int = -10

    def note_speaker(self, g: Gazetteer, name: str, para_idx: int) -> None:
        if not name:
            return
        e = self.ents.get(name)
        if e is not None and not e.type:
            e.type = "person"  # a named speaker of unknown kind is most often a person
            e.titles.add("?")  # (a guess: pronouns prefer persons known as such)
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
    return bool(m.actor)


def _is_person(g: Gazetteer, m: Mention) -> bool:
    if m.type:
        return m.type == "person"
    return g.type_of(m.actor) == "person" or (m.actor not in g.actors and m.method == "pattern")


def _resolve_pronoun(pron: str, g: Gazetteer, st: _DocState, before: list[Mention]) -> str:
    """The actor a pronoun stands for: he/she the most recently mentioned person of that gender (the
    last speaker first when it was in this paragraph or the one before), it/they an organisation."""
    p = pron.lower()
    if p in ("he", "she", "his", "her", "him"):
        want = "m" if p in ("he", "his", "him") else "f"
        for m in reversed(before):  # a person named earlier in the same clause
            e = st.ents.get(m.actor)
            if m.actor and _is_person(g, m) and (e is None or e.gender in (want, "")):
                return m.actor
        last = st.ents.get(st.last_speaker)
        if last and last.type == "person" and last.gender in (want, "") and st.para_idx - st.last_speaker_para <= 1:
            return last.name
        best = None
        for e in st.ents.values():
            if e.type == "person" and e.gender in (want, "") and (best is None or ("?" not in e.titles, e.last) > (
                    "?" not in best.titles, best.last)):
                best = e
        if best is not None:
            return best.name
        return st.last_person if g.type_of(st.last_person) == "person" and st.last_person in g.actors else ""
    orgs = [e for e in st.ents.values() if e.type in ("organisation", "media", "state", "bloc")]
    if p == "it":
        last = st.ents.get(st.last_speaker)
        if last and last.type in ("organisation", "media") or g.type_of(st.last_speaker) == "organisation":
            return st.last_speaker
        return max(orgs, key=lambda e: e.last).name if orgs else st.last_other
    return st.last_speaker if st.last_speaker else (max(orgs, key=lambda e: e.last).name if orgs else "")


_PRONOUN_NAME = re.compile(r"(?:he|she|it|they|him|her|them|his|its|their|hers|theirs|himself|herself|itself|themselves)",
                           re.IGNORECASE)
_PRON_CASE = {"him": "he", "his": "he", "himself": "he", "her": "she", "hers": "she", "herself": "she",
              "its": "it", "itself": "it", "them": "they", "their": "they", "theirs": "they", "themselves": "they"}


def _no_pronoun_name(g: Gazetteer, st: _DocState, spk: _Speaker) -> _Speaker:
    """A pronoun is never a speaker's name: one left as the name ("According to him") is resolved like
    any pronoun (the last speaker or subject of the document that fits it) or the speaker left empty,
    resolution "unresolved"."""
    if spk.name and _PRONOUN_NAME.fullmatch(spk.name.strip()):
        p = spk.name.strip().lower()
        name = _resolve_pronoun(_PRON_CASE.get(p, p), g, st, [])
        return replace(spk, name=name, method="pronoun", resolution="pronoun" if name else "unresolved",
                       confidence=0.6 if name else 0.2)
    if not spk.name and spk.method == "pronoun" and spk.resolution == "pronoun" and spk.surface.lower() not in ("we", "i"):
        return replace(spk, resolution="unresolved")
    return spk


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
        return _spk(m, m.actor, m.method, 0.85 if m.method != "title" else 0.75)
    persons = [m for m in window if _is_speaker_mention(g, m) and _is_person(g, m)
               and not _POSSESSIVE_AFTER.match(text[m.end:m.end + 2])]
    persons += [p for p in prons if p.surface.lower() in ("he", "she")]
    persons.sort(key=lambda m: m.start)
    if persons:
        m = persons[-1]
        if m.method == "pronoun":
            name = _resolve_pronoun(m.surface, g, st, [x for x in window if x.end <= m.start])
            return _spk(m, name, "pronoun", 0.75 if name else 0.2)
        return _spk(m, m.actor, m.method, 0.9 if m.actor in g.actors else 0.7)
    others = [m for m in window if _is_speaker_mention(g, m)
              and not _POSSESSIVE_AFTER.match(text[m.end:m.end + 2])
              and _n_words(text[m.end:cue_at]) <= max_other_words]
    prons = [p for p in prons if _n_words(text[p.end:cue_at]) <= 3]
    cands = sorted(others + prons, key=lambda m: m.start)
    if cands:
        m = cands[-1]
        if m.method == "pronoun":
            name = _resolve_pronoun(m.surface, g, st, window)
            return _spk(m, name, "pronoun", 0.7 if name else 0.2)
        return _spk(m, m.actor, m.method, 0.85 if m.method != "title" else 0.75)
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
        return _spk(m, m.actor, m.method, 0.9 if m.actor in g.actors else 0.7)
    if cands:
        m = cands[0]
        if m.method == "pronoun":
            name = _resolve_pronoun(m.surface, g, st, [])
            return _spk(m, name, "pronoun", 0.7 if name else 0.2)
        return _spk(m, m.actor, m.method, 0.85)
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
                      mentions: list[Mention], bounds: list[tuple[int, int]],
                      all_mentions: list[Mention] | None = None) -> tuple[_Speaker, str, bool]:
    """Speaker, cue and whether the attribution is explicit for the k-th quoted span of a paragraph."""
    sp = spans[k]
    nxt_open = spans[k + 1].open_at if k + 1 < len(spans) else len(text)
    prev_close = spans[k - 1].end + 1 if k > 0 else 0
    sent_of = lambda pos: next(((a, b) for a, b in bounds if a <= pos < b), (0, len(text)))
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
            if _n_words(text[a0:cm.start()]) == 0 or re.match(r"[\s,–—-]*$", text[a0:cm.start()]):
                spk = _speaker_after(g, st, mentions, text, cm.end(), a1)
                if not spk.name:
                    spk = _subject_before(g, st, mentions, text, cm.start(), a0)
            else:
                sub = _subject(g, st, all_mentions or mentions, text, a0, cm.start())
                spk = sub[0] if sub and sub[0].name else \
                    _subject_before(g, st, mentions, text, cm.start(), a0, max_other_words=12)
                if not spk.name:
                    spk = _speaker_after(g, st, mentions, text, cm.end(), a1)
            if not spk.name:  # "... ," tweeted this: the subject of the sentence before
                spk = _sentence_subject(g, st, mentions, text, sent_of(max(sp.open_at - 1, 0))[0], sp.open_at)
            obj = _quoted_object(g, st, mentions, text, a0, a1)
            if obj is not None and not _is_person_name(g, st, spk.name):
                spk = obj  # '" the agency quoted him as saying': the one quoted speaks (a person quoting keeps it: cited)
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
            sub = _subject(g, st, all_mentions or mentions, text, b0, cm.start())
            spk = sub[0] if sub and sub[0].name else \
                _subject_before(g, st, mentions, text, cm.start(), b0, max_other_words=12)
            if not spk.name:
                spk = _speaker_after(g, st, mentions, text, cm.end(), sp.open_at)
        obj = _quoted_object(g, st, mentions, text, b0, sp.open_at)
        if obj is not None and not _is_person_name(g, st, spk.name):
            spk = obj  # '" the agency quoted him as saying': the one quoted speaks (a person quoting keeps it: cited)
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


_QUOTED_OBJ = re.compile(r"\bquot(?:ed|ing|es)\s+(?P<obj>[^,;:.\"“”]{1,80}?)\s+as\s+(?:saying|telling|stating|writing)\b",
                         re.IGNORECASE)


def _quoted_object(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, lo: int, hi: int
                   ) -> _Speaker | None:
    """The speaker of "X quoted Y as saying": Y (a name, description or pronoun), or None."""
    qm = _QUOTED_OBJ.search(text, lo, hi)
    if qm is None:
        return None
    o0, o1 = qm.span("obj")
    obj = qm.group("obj").strip()
    if _PRONOUN_NAME.fullmatch(obj):
        p = obj.lower()
        name = _resolve_pronoun(_PRON_CASE.get(p, p), g, st, [m for m in mentions if m.end <= o0])
        return _Speaker(name, obj, "pronoun", 0.7 if name else 0.2, resolution="pronoun" if name else "unresolved",
                        m_start=o0, m_end=o1)
    inside = [m for m in mentions if o0 <= m.start and m.end <= o1 and m.actor]
    persons = [m for m in inside if _is_person(g, m)]
    if persons or inside:
        m = (persons or inside)[-1]
        return _spk(m, m.actor, m.method, 0.8)
    return None


def _is_person_name(g: Gazetteer, st: _DocState, name: str) -> bool:
    e = st.ents.get(name)
    return bool(name) and (e.type == "person" if e is not None and e.type else g.type_of(name) == "person")


def _sentence_subject(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, lo: int, hi: int) -> _Speaker:
    """The first actor of a clause that is neither a possessive nor after a preposition; or its pronoun."""
    cands = [m for m in mentions if lo <= m.start and m.end <= hi and _is_speaker_mention(g, m)]
    cands += [p for p in _pronouns(text[lo:hi], lo) if p.surface.lower() in ("he", "she", "it", "they")]
    for m in sorted(cands, key=lambda m: m.start):
        if _POSSESSIVE_AFTER.match(text[m.end:m.end + 2]) or _PREP_BEFORE.search(text[max(lo, m.start - 12):m.start]):
            continue
        if m.method == "pronoun":
            name = _resolve_pronoun(m.surface, g, st, [])
            return _spk(m, name, "pronoun", 0.6 if name else 0.2)
        return _spk(m, m.actor, m.method, 0.7)
    return _Speaker()


# ------------------------------------------------------------------------------------------ open-world mentions
_ROLE_ABBR = {"sen.": "senator", "sens.": "senator", "rep.": "representative", "reps.": "representative",
              "gov.": "governor", "gen.": "general", "dr.": "doctor", "prof.": "professor", "lt.": "lieutenant",
              "col.": "colonel", "capt.": "captain", "adm.": "admiral", "rev.": "reverend"}


@lru_cache(maxsize=1)
def _description_re() -> re.Pattern:
    """'the senator', 'the former Florida governor', 'a spokesman', 'the CNN host', 'the ministry'."""
    roles = sorted(speaker_words().role_gender, key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?P<det>the|a|an|this|that|his|her|its|their)\s+(?P<mods>(?:[\w.'’-]+\s+){0,3}?)"
                      r"(?P<role>" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in roles)
                      + r")(?:s)?(?![\w'’-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _role_re() -> re.Pattern:
    """The role nouns alone (searched first: rarer than the determiners that open a description)."""
    roles = sorted(speaker_words().role_gender, key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in roles)
                      + r")(?:s)?(?![\w'’-])")


@lru_cache(maxsize=1)
def _role_re_i() -> re.Pattern:
    return re.compile(_role_re().pattern, re.IGNORECASE)


_DOCUMENT_ROLES = frozenset(["report", "study", "survey", "poll", "statement", "memo", "letter", "document", "documents", "records", "filing", "lawsuit", "complaint", "ruling", "ad", "advertisement", "video", "book", "analysis", "data", "emails", "email", "release", "indictment", "bill", "plan", "platform"])
_DET_BEFORE = re.compile(r"(?<![\w'’-])(?:the|a|an|this|that|his|her|its|their)\s+(?:[\w.'’-]+\s+){0,3}$", re.IGNORECASE)


def _link_name(g: Gazetteer, st: _DocState, ns: NameSpan) -> tuple[str, str, str, str]:
    """(canonical name, resolution, type, gender) of a proper name found in the text: an earlier full
    name of the document it shortens ("Clinton", "Mrs. Clinton"), the gazetteer's canonical name on a
    whole-name match, or the name itself."""
    words = ns.name.split()
    last = words[-1].lower()
    gender = ns.gender
    if ns.type in ("person", ""):
        best = None
        for e in st.by_last.get(last, ()):
            if e.type not in ("person", "") or e.name == ns.name:
                continue
            ew = e.name.split()
            if ew[-1].lower() != last or len(ew) < len(words):
                continue
            if len(words) > 1 and ew[0].lower() != words[0].lower():
                continue
            if gender and e.gender and gender != e.gender:
                continue
            if best is None or e.last > best.last:
                best = e
        if best is not None:
            return best.name, "surname", "person", best.gender or gender
    if ns.name in st.ents:
        e = st.ents[ns.name]
        return e.name, "named", e.type, e.gender or gender
    # the gazetteer canonicalises a whole name (or the name after a title: "U.S. Anatoly Antonov"),
    # never a part of a longer name ("USA" of "USA Today")
    words = ns.surface.split()
    for i in range(len(words)):
        part = " ".join(words[i:])
        cands, method = g._candidates(part)
        if not cands or not (method == "exact" or method in ("surname", "fuzzy") and (
                len(words) - i == 1 or ns.type in ("person", "")) and part[:1].isupper()):
            continue
        if len(words) == 1 and method != "exact" and not any(c in st.recent for c in cands):
            continue  # a bare surname ("Sherman") names a gazetteer actor only once the document has named it
        if i and (method != "exact" or g.type_of(cands[0]) != "person"):
            continue
        name = g._pick(cands, st.recent)
        if name:
            typ = g.type_of(name)
            if not (ns.type in ("organisation", "media") and typ == "person"):
                return name, "gazetteer", typ, gender
    return ns.name, "named", ns.type, gender


def _title_words(title: str) -> set[str]:
    return {_ROLE_ABBR.get(t, t.strip(".")) for t in re.split(r"\s+", title.lower()) if t}


@lru_cache(maxsize=65536)
def _title_end(surface: str) -> str:
    """The title a capitalised run ends with when the run holds no name after it ("Secretary General",
    "Kazakhstan's President", "United States Secretary of State"), else ""."""
    rx = speaker_words().title_re
    prev = ""
    for tok in _NAME_TOKENS_Q.finditer(surface):
        tm = rx.match(surface + " ", tok.start())
        if tm and tm.end() >= len(surface):
            # "Office of the President" is a body, not the president
            return "" if prev.lower() in ("of", "the", "for") else surface[tok.start():]
        prev = tok.group(0)
    return ""


_NAME_TOKENS_Q = re.compile(r"\S+")


def _title_holder(st: _DocState, title: str) -> str:
    """The person of the document last named with the words of ``title`` ("the Secretary General" ->
    "Stanislav Zas" after "CSTO Secretary General Stanislav Zas"), all of them, else its head word
    ("General" of "Secretary General", "Secretary" of "Secretary of State"); or ""."""
    words = [w for w in re.split(r"\s+", title.lower()) if w]
    want = _title_words(title) - {"of", "the"}
    head = words[:words.index("of")][-1:] if "of" in words[1:] else words[-1:]
    head_set = _title_words(" ".join(head))
    for need in (want, head_set):
        cands = [e for e in st.ents.values() if e.type == "person" and need and need <= e.titles]
        if cands:
            return max(cands, key=lambda e: e.last).name
    return ""


def _latest_headed(st: _DocState, surface: str, actor: str) -> str:
    """For a title the gazetteer resolved ("the ministry" -> ``actor``): the document's body mentioned
    after ``actor`` whose name ends with the same noun ("Russian Defence Ministry" named last), else
    ``actor``."""
    words = surface.lower().split()
    if not words:
        return actor
    head = words[-1]
    best = st.ents.get(actor)
    for e in st.by_last.get(head, ()):
        if e.type in ("organisation", "media", "") and (best is None or e.last > best.last):
            best = e
    return best.name if best is not None else actor


def _note_ent(st: _DocState, name: str, typ: str, gender: str, title: str) -> None:
    st.clock += 1
    e = st.ents.get(name)
    if e is None:
        e = st.ents[name] = _Ent(name, typ, gender)
        st.by_last.setdefault(name.split()[-1].lower() if name.split() else "", []).append(e)
    elif not e.type and typ:
        e.type = typ
    if gender and not e.gender:
        e.gender = gender
    if title:
        for t in re.split(r"\s+", title.lower()):
            e.titles.add(_ROLE_ABBR.get(t, t.strip(".")))
    e.last = st.clock


def _mentions(g: Gazetteer, st: _DocState, text: str, spans: list[_Span] | None = None, *,
              full: bool = True) -> list[Mention]:
    """Actor mentions of a paragraph, open-world: proper names from the text itself (linked to the
    document's earlier full names, canonicalised by the gazetteer only on a whole-name match),
    gazetteer mentions that are not part of a longer proper name, titles and descriptions ("the
    senator", "the campaign") linked to the last actor of the document that fits them."""
    names = find_names(text)
    taken = bytearray(len(text) + 1)
    for sp in spans or ():  # names inside quotations are not the document's speakers
        taken[sp.start:sp.end] = b"\x02" * (sp.end - sp.start)
    out: list[Mention] = []
    for ns in names:
        if taken[ns.start]:
            continue
        title_only = _title_end(ns.surface)
        if title_only:
            # a title alone ("Secretary General", "Kazakhstan's President"): the person the document
            # named with that title, else the whole description
            holder = _title_holder(st, title_only)
            if holder:
                out.append(Mention(ns.start, ns.end, ns.surface, holder, "title", "person"))
            else:
                out.append(Mention(ns.start, ns.end, ns.surface, ns.surface, "description", "person"))
            taken[ns.start:ns.end] = b"\x01" * (ns.end - ns.start)
            continue
        name, res, typ, gender = _link_name(g, st, ns)
        _note_ent(st, name, typ, gender, ns.title)
        out.append(Mention(ns.start, ns.end, ns.surface, name, res, typ))
        taken[ns.start:ns.end] = b"\x01" * (ns.end - ns.start)
    if not full:  # a paragraph without speech: its names only, for the speakers' coreference
        return out
    for m in g.scan(text, context=st.recent, unknown=False):
        if any(taken[m.start:m.end]) or not m.actor:
            continue
        if m.method == "title" and m.actor not in st.recent:
            continue  # a title resolves only to an actor this document has named
        if m.method == "fuzzy" and not m.surface[:1].isupper():
            continue
        if text[m.end:m.end + 1] == "-" and text[m.end + 1:m.end + 2].islower():
            continue  # "Moscow-backed", "US-led": an adjective, not the actor speaking
        if m.method == "title":
            m = replace(m, actor=_latest_headed(st, m.surface, m.actor))
        out.append(Mention(m.start, m.end, m.surface, m.actor, m.method, g.type_of(m.actor)))
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    rw = speaker_words().role_gender
    classes = speaker_words().role_classes  # "the diplomat" -> the document's ambassador or secretary of state
    low = text.lower()  # a case-sensitive search of the lowered text: five times faster than IGNORECASE
    role_rx, low = (_role_re(), low) if len(low) == len(text) else (_role_re_i(), text)
    # a description speaks only next to a speech cue or a quotation ("the senator said", '," the aide
    # added'): the role nouns are searched for in those windows only
    windows: list[list[int]] = []
    for w0, w1 in sorted([(max(0, c.start() - 90), c.end() + 70) for c in _all_cues(text)]
                         + [(max(0, sp.open_at - 90), sp.end + 70) for sp in spans or ()]):
        if windows and w0 <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], w1)
        else:
            windows.append([w0, w1])
    for rm in (m for w0, w1 in windows for m in role_rx.finditer(low, w0, w1)):
        dm = _DET_BEFORE.search(text, max(0, rm.start() - 48), rm.start())
        if dm is None or any(taken[dm.start():rm.end()]):
            continue
        dm = _description_re().match(text, dm.start())
        if dm is None or dm.end() != rm.end():
            continue
        role = _SPACES.sub(" ", dm.group("role").lower())
        kind = rw.get(role, "")
        definite = dm.group("det").lower() in ("the", "this", "that")
        actor, typ = "", "organisation" if kind == "org" else "person"
        if definite and role not in _DOCUMENT_ROLES:  # "the report" speaks for itself
            cands = [e for e in st.ents.values() if (kind == "org" and e.type in ("organisation", "media") and (
                role not in ("newspaper", "paper", "outlet", "magazine", "network", "station", "channel") or e.type == "media"))
                or (kind != "org" and e.type == "person" and (role in e.titles or any(
                    c <= e.titles for c in classes.get(role, ()))) and (not kind or e.gender in (kind, "")))]
            if cands:
                actor = max(cands, key=lambda e: e.last).name
        if not actor:  # "a spokesman", "the report": the description itself
            actor = text[dm.start():dm.end()]
            typ = "organisation" if kind == "org" else "person"
            out.append(Mention(dm.start(), dm.end(), actor, actor, "description", typ))
        else:
            out.append(Mention(dm.start(), dm.end(), text[dm.start():dm.end()], actor, "title", typ))
    out.sort(key=lambda m: m.start)
    return out


# ------------------------------------------------------------------------------------------ reported speech
_SUBJ_ADJUNCT = re.compile(
    r"(?:[\s,]+(?:(?:was|were|is|are)\s+(?:reported|said|quoted|cited|believed|understood|thought|known)\s+to(?:\s+have)?|"
    r"has|have|had|is|was|were|are|also|later|then|previously|repeatedly|once|again|recently|often|"
    r"already|earlier|reportedly|additionally|publicly|privately|separately|initially|originally|further|would|will|could|"
    r"may|might|did|does|do|has\s+long|long|never|not|just|quickly|flatly|simply|even|still|first|last|"
    r"been|being|had\s+been|actually|apparently|allegedly|openly|explicitly|specifically|frequently|"
    r"afterwards?|subsequently|meanwhile|now|today|yesterday|tonight|soon|immediately|promptly|swiftly|quickly|"
    r"sharply|strongly|angrily|firmly|formally|officially|categorically|vehemently|bluntly|in\s+turn|in\s+response|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:on|last|this)\s+(?:week|month|year)|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"in\s+(?:an?|his|her|their|its)\s+(?:\w+\s+){0,2}?(?:statement|interview|email|letter|tweet|speech|post|op-ed|memo|release)|"
    r"on\s+(?:Twitter|Facebook|CNN|Fox|MSNBC)))+\s*$", re.IGNORECASE)
# the last words of _SUBJ_ADJUNCT's branches: the pattern ends the text, so a text whose last word is none
# of these has no adjunct (a cheap test before the search, which tries the branches at every gap)
_ADJUNCT_LAST = frozenset("""to have has had is was were are also later then previously repeatedly once again recently
often already earlier reportedly additionally publicly privately separately initially originally further would will
could may might did does do long never not just quickly flatly simply even still first last been being actually
apparently allegedly openly explicitly specifically frequently afterward afterwards subsequently meanwhile now today
yesterday tonight soon immediately promptly swiftly sharply strongly angrily firmly formally officially categorically
vehemently bluntly turn response monday tuesday wednesday thursday friday saturday sunday week month year statement
interview email letter tweet speech post op-ed memo release twitter facebook cnn fox msnbc""".split())


def _may_end_adjunct(seg: str) -> bool:
    """False when ``_SUBJ_ADJUNCT`` cannot match ``seg`` (its last word ends none of its branches)."""
    tail = seg.rstrip()
    parts = tail.rsplit(None, 1)
    last = parts[-1].rsplit(",", 1)[-1] if parts else ""
    return not last.isascii() or last.lower() in _ADJUNCT_LAST


_CLAUSE_BREAK = re.compile(r"(?:[;:—–(]|\s-\s|,\s+(?:and|but|so|or|while|as|because)\b|\b(?:and|but|that|because|while|"
                           r"when|as|after|before|if|since|although|though|where|so|than|or|whom)\b)", re.IGNORECASE)
_INFINITIVE = re.compile(r"\bto\s+$", re.IGNORECASE)
_NOT_SUBJECT = re.compile(r"(?:\b(?:has|have|had|will|would|can|could|should|shall|must|neither|nor|is|was|were|are|"
                          r"to|what|which|whereas|whether|who|whom|there|here|not|did|does|do)\b|[()\[\]]|['’](?:ve|re|ll|d)\b|"
                          r"n['’]t\b)", re.IGNORECASE)
_PREP_THE = re.compile(r"\b(?:to|of|for|at|in|from|with|on|by|about|against)\s+(?:the\s+)?$", re.IGNORECASE)
_SHARED_SUBJ = re.compile(r"\b(?:and|but)\s*$", re.IGNORECASE)
_LAST_PRON = re.compile(r"\s(he|she|they)$", re.IGNORECASE)
_SUBJ_PRON = re.compile(r"^(?:he|she|they|it|who|we|i)$", re.IGNORECASE)
_COLLECTIVE = re.compile(r"(?<![\w'’-])(?:officials|sources|aides|critics|experts|analysts|people|voters|"
                         r"supporters|advisers|advisors|allies|lawmakers|Republicans|Democrats|leaders|"
                         r"members|residents|observers|insiders|polls|surveys|reports|documents|records|data|percent|majority|"
                         r"half|plurality|respondents|Americans|participants|candidates|officers|agents|investigators|"
                         r"some|many|others|both|all)(?![\w'’-])", re.IGNORECASE)
_ADDR = re.compile(r"\s*(?:(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’&-]*)*|reporters|"
                   r"journalists|us|me|him|her|them|supporters|voters|the\s+(?:\w+\s+){0,2}?(?:crowd|audience|"
                   r"newspaper|paper|station|network|magazine|committee|court|jury|host|reporter|reporters|"
                   r"Times|Post|Journal))(?=\s*(?:that\b|[,.:]|on\b|in\b|at\b|during\b|last\b|this\b|he\b|she\b|"
                   r"they\b|it\b|the\b|a\b|\"|“))")
_CONTENT_ADJUNCT = re.compile(
    r"\s*,?\s*(?:(?:in|on|during|at|via|through)\s+(?:an?|the|his|her|their|its|a\s+written)?\s*(?:[\w’'-]+\s+){0,3}?"
    r"(?:statement|announcement|interview|email|e-mail|letter|speech|conference|briefing|post|tweet|comments?|feedback|"
    r"remarks|call|message|release|appearance|hearing|debate|rally|op-ed|memo|video|podcast|show|Twitter|Facebook)s?"
    r"(?:\s+(?:with|to|on|at|for|shared\s+with)\s+(?:the\s+)?[\w’'.-]+(?:\s+[A-Z][\w’'.-]*){0,3})?|"
    r"(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning)|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently|earlier|later)|"
    r"that|then|also)\b\s*,?", re.IGNORECASE)
_CONTENT_LEAD = re.compile(r"\s*(?:[,:]\s*)?(?:that\b\s*)?(?:,\s*)?")
_TRAIL_ATTR = re.compile(r",?\s*(?:he|she|they|it|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:said|says|added|wrote|noted)"
                         r"(?:\s+\w+){0,2}\s*[.!?]?\s*$")


def _subject(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, lo: int, cue_at: int
             ) -> tuple[_Speaker, int] | None:
    """The subject of a speech verb at ``cue_at``: a name, description or pronoun ending right before
    it (past adverbs, auxiliaries, times and 'in a statement'), or the head before an apposition
    ("X, a professor at Y, said"); None when the words before the verb are not a speaker."""
    seg = text[lo:cue_at]
    am = _SUBJ_ADJUNCT.search(seg) if _may_end_adjunct(seg) else None
    end = lo + (am.start() if am else len(seg.rstrip()))
    while end > lo and text[end - 1] in " \t":
        end -= 1
    if end <= lo:
        return None
    start = lo
    if text[end - 1] == ",":  # an apposition or relative clause: "Stuart Stevens, who served as ..., called"
        qs = [(m.start(), m.end()) for m in _MARKS.finditer(text, lo, end)]
        # after a quotation ('"...," Georgi Asatryan, an expert at ..., told'), not after a scare-quoted word
        region = qs[-1][1] if len(qs) >= 2 and _n_words(text[qs[-2][1]:qs[-1][0]]) >= 4 else lo
        first_comma = text.find(",", region, end)
        heads = [m for m in mentions if region <= m.start and m.end <= first_comma and m.actor
                 and m.method != "description" and not _PREP_THE.search(text[max(lo, m.start - 16):m.start])
                 and not _POSSESSIVE_AFTER.match(text[m.end:m.end + 2])]  # "Clinton's campaign, which ..., said"
        if not heads and first_comma >= 0:  # "One of the authors of the report, Ari Fleischer, said"
            second = text.find(",", first_comma + 1, end)
            heads = [m for m in mentions if first_comma < m.start and m.end <= (second if second >= 0 else end)
                     and m.actor and m.method != "description" and m.type in ("person", "")
                     and not text[first_comma + 1:m.start].strip()]
        if first_comma >= 0 and all(h.method in ("title", "description") for h in heads):
            # "Kazakhstan's President, Jane Roe, said": a name in apposition to a title names the speaker
            second = text.find(",", first_comma + 1, end)
            stop = second if second >= 0 else end
            appo = [m for m in mentions if first_comma < m.start and m.end <= stop and m.actor
                    and m.method not in ("description", "title") and m.type in ("person", "")
                    and not text[first_comma + 1:m.start].strip() and not text[m.end:stop].strip()]
            if appo:
                return _spk(appo[0], appo[0].actor, appo[0].method, 0.8), appo[0].start
        if heads:
            h = heads[0]
            return _spk(h, h.actor, h.method, 0.8), h.start
        comma = text.find(",", region, end - 1)
        if comma < 0:
            return None
        end = comma
        br = [b for b in _CLAUSE_BREAK.finditer(text, region, end)]
        start = br[-1].end() if br else region
        c = text.rfind(",", start, end)
        if c >= 0:
            start = c + 1
    else:
        br = [b for b in _CLAUSE_BREAK.finditer(text, lo, end) if b.group(0) not in ("that",) or True]
        start = br[-1].end() if br else lo
        c = text.rfind(",", start, end)
        if c >= 0:
            start = c + 1
    np_ = text[start:end].strip()
    if not np_ and start > lo and _SHARED_SUBJ.search(text, lo, start):
        # "Sullivan put off deciding ... but said ...": the verb shares the clause's subject
        first = [m for m in mentions if lo <= m.start < start and m.actor and m.method != "description"
                 and _n_words(text[lo:m.start]) <= 2]
        if first:
            return _spk(first[0], first[0].actor, first[0].method, 0.6), first[0].start
    if not np_ or _n_words(np_) > 16:
        return None
    pm = _LAST_PRON.search(np_)
    if pm and pm.start() > 0:  # "... the place he said": the pronoun is the subject
        start += len(text[start:end]) - len(text[start:end].lstrip()) + pm.start(1)
        np_ = pm.group(1)
    s0 = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    inside = [m for m in mentions if s0 <= m.start and m.end <= end and m.actor]
    if _SUBJ_PRON.match(np_):
        p = np_.lower()
        m = Mention(s0, end, np_, "", "pronoun")
        if p == "who":  # the relative clause's antecedent: the last mention before it
            prev = [x for x in mentions if x.end <= s0 and x.actor and lo - 200 <= x.start]
            if not prev:
                return None
            x = prev[-1]
            return _spk(x, x.actor, x.method, 0.7), s0
        if p in ("we", "i"):  # the writer (outside quotations): kept, unnamed
            return _Speaker("", np_, "pronoun", 0.3, resolution="pronoun", m_start=s0, m_end=end), s0
        name = _resolve_pronoun(p, g, st, [x for x in mentions if lo <= x.start and x.end <= s0])
        return _spk(m, name, "pronoun", 0.7 if name else 0.2), s0
    words = np_.split()
    if inside:
        # the NP ends with the name ("Russian ambassador Anatoly Antonov", "the senator"), or is it
        tail = [m for m in inside if not text[m.end:end].strip(" .,") and (m.type == "person" or not _PREP_THE.search(
            text[s0:m.start]))]
        if tail:
            head = tail[-1]
            return _spk(head, head.actor, head.method, 0.85), s0
        head = inside[0]
        rest = text[head.end:end]
        if (head.start == s0 or _DET_ONLY.fullmatch(text[s0:head.start])) and not _POSSESSIVE_AFTER.match(rest) \
                and _n_words(rest) <= 1:
            return _spk(head, head.actor, head.method, 0.8), s0
        if _NOT_SUBJECT.search(np_):
            return None
        return _Speaker(re.sub(r"^(?:the|a|an)\s+", "", np_, flags=re.IGNORECASE), np_, "description", 0.6,
                        resolution="description", m_start=s0, m_end=end), s0
    if _NOT_SUBJECT.search(np_):
        return None
    if _COLLECTIVE.search(np_) and len(words) <= 6:
        return _Speaker("", np_, "description", 0.4, resolution="description", m_start=s0, m_end=end), s0
    if words[0][:1].isupper() and len(words) <= 5 and words[0] not in speaker_words().not_names \
            and all(w[:1].isupper() or w in ("of", "the", "for", "and") for w in words) \
            and not (len(words) == 1 and words[0].endswith(("ed", "ing", "ly"))):
        return _Speaker(np_, np_, "named", 0.5, resolution="named", m_start=s0, m_end=end), s0
    return None


def _reported(g: Gazetteer, st: _DocState, text: str, spans: list[_Span], mentions: list[Mention],
              bounds: list[tuple[int, int]], *, thoughts: bool = False) -> list[tuple[int, int, _Speaker, str]]:
    """Reported speech, (start, end, speaker, cue) in reading order: "X said (that) CLAUSE",
    "X told Y CLAUSE", "According to X, CLAUSE", "CLAUSE, X said (Thursday)", "CLAUSE, said X"."""
    index = _text_index(text)
    according = _may_match(index, _ACCORDING_KEYS)
    if not according and not _may_match(index, _indirect_cue_keys()):
        return []
    inside = bytearray(len(text) + 1)
    for sp in spans:
        inside[sp.open_at:sp.end + 1] = b"\x01" * (sp.end + 1 - sp.open_at)
    out = []
    table = _cues()[1]
    for a, b in bounds:
        while b > a and text[b - 1] in " \t":
            b -= 1
        found = None
        am = _ACCORDING.search(text, a, b) if according else None
        if am and not inside[am.start()]:
            comma = text.find(",", am.end(), b)
            inner_cue = _cue_search(text, comma, min(b, comma + 40)) if comma > 0 else None
            if inner_cue and _cue_named(inner_cue.group(0)).indirect:
                pass  # "According to the government, Tokayev says ...": the inner attribution is the one
            elif _n_words(text[a:am.start()]) <= 3 and comma > 0 and _n_words(text[comma:b]) >= 3:
                name_end = comma
                if _APPOSITION.match(text, comma + 1, b):  # "According to X, a historian at Y, CLAUSE"
                    nxt = text.find(",", comma + 1, b)
                    if nxt > 0 and _n_words(text[comma:nxt]) <= 12 and _n_words(text[nxt:b]) >= 3:
                        comma = nxt
                spk = _speaker_after(g, st, mentions, text, am.end(), name_end)
                persons = [m for m in mentions if am.end() <= m.start < name_end and m.actor and m.method != "description"
                           and _is_person(g, m)]
                if persons:
                    spk = _spk(persons[-1], persons[-1].actor, persons[-1].method, 0.85)
                if not spk.name and not spk.surface:
                    np_ = text[am.end():comma].strip()
                    spk = _Speaker(np_, np_, "description", 0.5, resolution="description", m_start=am.end(), m_end=comma)
                found = (comma + 1, b, spk, am.group(0))
            elif _n_words(text[a:am.start()]) >= 4:  # "CLAUSE, according to X."
                spk = _speaker_after(g, st, mentions, text, am.end(), b)
                if not spk.name:
                    np_ = text[am.end():b].strip(" .")
                    spk = _Speaker(np_, np_, "description", 0.5, resolution="description", m_start=am.end(), m_end=b)
                if _VEHICLE.fullmatch(text[am.end():b].strip(" .")):
                    # "CLAUSE, according to a statement": a vehicle, not a speaker; the clause's subject speaks
                    subj = _sentence_subject(g, st, mentions, text, a, am.start())
                    if subj.name:
                        spk = subj
                c1 = am.start()
                while c1 > a and text[c1 - 1] in " ,":
                    c1 -= 1
                found = (a, c1, spk, am.group(0))
        founds: list[tuple[int, int, _Speaker, str]] = [found] if found else []
        lo = a  # where the next attribution's subject may start
        for cm in ([] if found else _cue_matches(text, a, b)):
            if cm.start() < lo or inside[cm.start()]:
                continue
            cue = table.get(_SPACES.sub(" ", cm.group(0).lower()))
            if cue is None or not (cue.indirect or (thoughts and cue.thought)) or cue.after_quote_only:
                continue
            if cue.thought and not thoughts:
                continue
            if _INFINITIVE.search(text, max(a, cm.start() - 4), cm.start()):
                continue  # "to explain", "to say": not a report
            sub = _subject(g, st, mentions, text, lo, cm.start())
            if (sub is None or not sub[0].name) and cue.form.endswith("ing"):
                # "X differs from Y, instead noting ...": the participle's subject is the sentence's
                first = [m for m in mentions if a <= m.start < cm.start() and m.actor and m.method != "description"
                         and _n_words(text[a:m.start]) <= 2]
                if first:
                    sub = (_spk(first[0], first[0].actor, first[0].method, 0.7), first[0].start)
            rest = text[cm.end():b]
            if sub is not None and founds and sub[0].resolution == "pronoun" and founds[-1][2].name:
                prev = st.ents.get(founds[-1][2].name)
                want = {"he": "m", "she": "f"}.get(sub[0].surface.lower(), "")
                if want and prev is not None and prev.type in ("person", "") and prev.gender in (want, ""):
                    sub = (replace(sub[0], name=prev.name), sub[1])  # "Beck said A, but he said B"
            if _PASSIVE_INF.match(text, cm.end(), b):
                continue  # "X alleged to be ...", "reported to have": a passive report of X, not X's words
            if sub is not None and _NOT_CONTENT.match(text, cm.end(), b):
                sub = None  # '"...," Ebeling said, and her husband cut in': no reported clause follows
            if sub is not None:
                spk, s0 = sub
                c0 = cm.end()
                if cue.form in ("told", "tells", "tell", "telling", "informed", "assured", "reminded", "warned",
                                "asked", "urged", "promised", "wrote"):
                    adm = _ADDR.match(text, c0, b)
                    if adm:
                        c0 = adm.end()
                lm = _CONTENT_LEAD.match(text, c0, b)
                c0 = lm.end() if lm else c0
                while (jm := _CONTENT_ADJUNCT.match(text, c0, b)) and jm.end() > c0:
                    c0 = jm.end()  # "said in a statement Thursday that ...": the words after the adjuncts
                c1 = b
                tm = _TRAIL_ATTR.search(text, c0, b)
                if tm and tm.start() > c0:
                    c1 = tm.start()
                content = text[c0:c1]
                if _n_words(content) >= 3 and (not cue.needs or _cue_ok(cue, text[cm.end():b]) or cue.needs == "clause"
                                               and _CLAUSE_BREAK.match(text, cm.end())):
                    lead_q = next((sp for sp in spans if c0 <= sp.open_at <= c0 + 1), None)
                    if lead_q is not None and _n_words(text[lead_q.end:c1]) < 3:
                        lo = max(lo, lead_q.end)
                        continue  # 'X said: "..."': the direct quote is the content
                    if founds and founds[-1][0] < max(s0, cm.start()) <= founds[-1][1] and not (
                            founds[-1][0] < s0 and _COORD_BEFORE.search(text, founds[-1][0], s0)):
                        continue  # a report inside the reported clause ("X said the CSTO responded ...")
                    if founds and founds[-1][0] < s0 <= founds[-1][1]:
                        # "X said A, but he said B" / "74 percent said A, while 22 percent said B"
                        p0, _, pspk, pcue = founds[-1]
                        founds[-1] = (p0, p0 + len(_COORD_END.sub("", text[p0:s0])), pspk, pcue)
                    founds.append((c0, c1, spk, cm.group(0)))
                    lo = c0
                    continue
            if founds:
                continue
            # inverted: 'CLAUSE, X said (Thursday).' / 'CLAUSE, said X, a professor at Y.'
            comma = text.rfind(",", a, cm.start())
            after = _speaker_after(g, st, mentions, text, cm.end(), b) if _n_words(rest) <= 4 or (
                _n_words(text[comma:cm.start()]) == 0) else _Speaker()
            if sub is not None and sub[1] < comma:
                continue  # 'The CSTO, which includes ..., responded': the subject's own apposition
            if comma > a and _RELATIVE.match(text, comma + 1, cm.start()):
                continue  # '..., which he described as ...': a relative clause, not an attribution
            if after.name and after.m_start >= 0 and _n_words(text[cm.end():after.m_start]) > 1:
                after = _Speaker()  # 'CLAUSE, said X': the speaker follows the verb
            if comma > a and _n_words(text[a:comma]) >= 3 and _n_words(text[comma:cm.start()]) <= 12 \
                    and (_n_words(rest) <= 14 or after.name and after.resolution != "pronoun") \
                    and not any(sp.open_at < comma < sp.end for sp in spans):
                qfrac = sum(max(0, min(comma, sp.end) - max(a, sp.start)) for sp in spans)
                if qfrac > 0.5 * (comma - a) or any(a <= sp.open_at <= a + 2 for sp in spans):
                    break  # a direct quotation: its own row
                if after.name and after.resolution != "pronoun" and not (sub is not None and sub[0].resolution in (
                        "named", "surname", "gazetteer")):
                    spk = after
                elif sub is not None and sub[0].name:
                    spk = sub[0]
                elif _n_words(text[comma:cm.start()]) == 0:
                    spk = _speaker_after(g, st, mentions, text, cm.end(), b)
                else:
                    sub2 = _subject(g, st, mentions, text, comma + 1, cm.start())
                    spk = sub2[0] if sub2 else _Speaker()
                if spk.name or spk.surface:
                    founds.append((a, comma, spk, cm.group(0)))
                    break
        out.extend(f for f in founds if _n_words(text[f[0]:f[1]]) >= 2)
    return out


_DET_ONLY = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_VEHICLE = re.compile(r"(?:an?|the|its|his|her|their)\s+(?:\w+\s+){0,2}?(?:statement|press\s+release|release|announcement|"
                      r"communiqu[eé]|post|tweet|message|address|speech|briefing)s?", re.IGNORECASE)
_NOT_CONTENT = re.compile(r"\s*,?\s*(?:and|but|or|as|before|after|while|when|because|until|though|although)\b",
                          re.IGNORECASE)
_APPOSITION = re.compile(r"\s*(?:a|an|who|which|whose|one\s+of|former)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\s*(?:which|who|whom|that|where|as)\b", re.IGNORECASE)
_PASSIVE_INF = re.compile(r"\s+to\s+(?:be|have)\b", re.IGNORECASE)
_COORD_BEFORE = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas|although|though|yet)\b|;)\s*$", re.IGNORECASE)
_COORD_END = re.compile(r"[\s,;:—–-]*(?:\b(?:and|but|while|whereas|although|though|as|yet|so)\b)?[\s,;:—–-]*$", re.IGNORECASE)




def _is_fragment(text: str, span: _Span, explicit: bool, *, min_words: int) -> bool:
    inner = text[span.start:span.end]
    n = _n_words(inner)
    if n >= min_words:
        return False
    return not (explicit and inner.rstrip()[-1:] in ",?!.…")


# ------------------------------------------------------------------------------------------ public API
def extract_quotes(paragraphs: pd.DataFrame, *, actors: Gazetteer | None = None,
                   documents: pd.DataFrame | None = None, use_despun: bool = True, min_words: int = 5,
                   analysable_only: bool = True, thoughts: bool = False) -> pd.DataFrame:
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
        thoughts: also report attributed thoughts and intentions ("X believes ...", "X wants ...") as
            ``indirect`` rows (cues marked ``thought`` in ``cue_verbs.yaml``); some coding schemes
            count them as attributions, kzlib does not by default.

    Returns:
        The ``quotes`` table: ``doc_id``, ``quote_id`` (0-based within the document, in reading
        order), ``para_id``, ``end_para_id``, ``start``/``end`` (offsets in the first/last paragraph's
        ``text``), ``quote`` (verbatim source words), ``speaker`` (canonical, "" if unknown; a name not
        in the gazetteer is kept as written), ``speaker_surface``, ``speaker_type``, ``affiliation``,
        ``cue``, ``kind`` (direct / indirect / interview / fragment / question), ``cited``,
        ``confidence``, ``method``, ``n_words``; then ``speaker_resolution`` (how the speaker was
        found: ``named`` — a name in the text, ``surname`` — a shorter form of a name the document
        gave in full, ``title`` — a title or description of an actor named before ("the senator"),
        ``pronoun``, ``gazetteer`` — canonicalised by the gazetteer, ``description`` — an unnamed
        speaker such as "a spokesman", ``previous``/``same paragraph``/``interview`` — carried over
        from an earlier attribution, ``unresolved`` — a pronoun no person or body of the document
        fits, the speaker left "" (a pronoun is never a speaker's name) —, "" when none) and ``speaker_para_id``, ``speaker_start``,
        ``speaker_end``: where the speaker's mention stands (offsets into that paragraph's text; -1
        when the speaker was carried over). Speakers need not be in the gazetteer: any person,
        organisation, medium or document named in the text can speak.

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
        rows = _extract_doc(g, all_pids[lo:hi], all_texts[lo:hi], all_despun[lo:hi], min_words=min_words,
                            thoughts=thoughts)
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
    for c in ("para_id", "end_para_id", "start", "end", "n_words", "speaker_para_id", "speaker_start", "speaker_end"):
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
                 min_words: int, thoughts: bool = False, merge_interrupted: bool = True) -> list[dict]:
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
        st.para_idx = idx
        # a paragraph without quotation marks or speech cues needs its names only (for coreference)
        speechy = bool(spans_src) or interview or _cue_search(text) is not None
        all_mentions = _mentions(g, st, text, spans, full=speechy)
        mentions = [m for m in all_mentions if m.method != "description"]  # descriptions: reported speech only
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
        ind = _reported(g, st, text, spans, all_mentions, bounds, thoughts=thoughts) \
            if text is src or len(text) == len(src) else \
            _reported(g, st, src, spans_src, _mentions(g, st, src, spans_src), _sentence_bounds(src, spans_src), thoughts=thoughts)
        if answer_body is not None:
            ind = [x for x in ind if x[0] >= answer_body[0] and x[1] <= answer_body[1] + 1]
        absorbed = set()
        for s0, s1, spk, cue in ind:
            inner = [sp for sp in spans_src if sp.open_at >= s0 and sp.end <= s1 + 1]
            if inner and all(_n_words(src[sp.start:sp.end]) < min_words for sp in inner):
                bare = src[s0:s1]
                for sp in reversed(inner):
                    bare = bare[:sp.open_at - s0] + bare[sp.end + 1 - s0:]
                if _n_words(bare) <= 3:
                    continue  # 'described them as "terrorist gangs"': scare quotes, not speech
            quoted = sum(max(0, min(s1, sp.end) - max(s0, sp.start)) for sp in spans_src)
            kind = "direct" if quoted >= 0.5 * max(1, s1 - s0) else "indirect"
            spk = _no_pronoun_name(g, st, spk)
            rows.append(_Row(idx, pid, s0, s1, kind, spk, cue=cue, explicit=True))
            st.note_speaker(g, spk.name, idx)
            absorbed |= {k for k, sp in enumerate(spans_src) if sp.open_at >= s0 and sp.end <= s1 + 1}
        # direct quotes
        prev_speaker: _Speaker | None = None
        prev_row: _Row | None = None
        prev_end = -1
        for k, sp in enumerate(spans_src):
            spk, cue, explicit = _attribute_direct(g, st, text, spans, k, mentions, bounds, all_mentions)
            spk = _no_pronoun_name(g, st, spk)
            continues = carry is not None and k == 0 and sp.open_at <= 2
            if not explicit:
                same_sentence = prev_speaker is not None and not any(
                    prev_end <= b0 <= sp.open_at for b0, _ in bounds if b0 > 0)
                if prev_speaker is not None and prev_speaker.name and (same_sentence or k > 0):
                    spk = _Speaker(prev_speaker.name, prev_speaker.surface, "same paragraph", 0.7, prev_speaker.cited)
                elif continues:
                    spk = carry.speaker
                elif (near := _person_in_sentence(g, text, mentions, bounds, sp.open_at)) is not None:
                    # 'orders from Jane Roe to "act now"': the person of the quote's sentence, not the last speaker
                    spk = near
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
            last = rows[-1] if rows else None
            if spk.method == "same paragraph" and merge_interrupted and last is not None and last.kind == "direct" \
                    and last.para_idx == idx and last.end_para_id < 0 and last is prev_row:
                # '"A," he said, "B."' and '"A," he said. "B."': one quotation, interrupted by its attribution
                last.text = (last.text or src[last.start:last.end]) + " … " + src[sp.start:sp.end]
                last.end, last.closed = sp.end, sp.closed
                prev_end = sp.end
                carry = last if not sp.closed else None
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
            prev_speaker, prev_end, prev_row = row.speaker, sp.end, row
            carry = row if not sp.closed else None
        if not spans_src or spans_src[-1].closed:
            carry = None
        st.note_mentions(mentions)
    _cataphora(st, rows)
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
            "speaker_resolution": (r.speaker.resolution or _CARRIED.get(r.speaker.method, "") if name else
                                   "unresolved" if r.speaker.resolution == "unresolved" else ""),
            "speaker_para_id": r.para_id if r.speaker.m_start >= 0 else -1,
            "speaker_start": r.speaker.m_start, "speaker_end": r.speaker.m_end,
        })
    return out


def _person_in_sentence(g: Gazetteer, text: str, mentions: list[Mention], bounds: list[tuple[int, int]],
                        at: int) -> _Speaker | None:
    """The person named (by a full name or surname, not a title or pronoun) last before ``at`` in its
    sentence, when there is exactly one; else None."""
    s0 = next((a for a, b in bounds if a <= at < b), 0)
    persons = [m for m in mentions if s0 <= m.start and m.end <= at and m.actor
               and m.method not in ("description", "title") and _is_person(g, m)]
    if len({m.actor for m in persons}) != 1:
        return None
    m = persons[-1]
    return _spk(m, m.actor, "same sentence", 0.5)


def _cataphora(st: _DocState, rows: list[_Row]) -> None:
    """A he/she left unresolved because nobody was named before it (a lede's "Russia's envoy ..., where he
    said ...") stands for the first person of that gender the next two paragraphs name as a speaker."""
    for i, r in enumerate(rows):
        if r.speaker.name or r.speaker.resolution != "unresolved" or r.speaker.surface.lower() not in ("he", "she"):
            continue
        want = "m" if r.speaker.surface.lower() == "he" else "f"
        for r2 in rows[i + 1:]:
            if r2.para_idx > r.para_idx + 2:
                break
            e = st.ents.get(r2.speaker.name)
            if e is not None and e.type == "person" and e.gender in (want, ""):
                r.speaker = replace(r.speaker, name=e.name, resolution="pronoun", confidence=0.5)
                break


_CARRIED = {"previous speaker": "previous", "same paragraph": "same paragraph", "interview": "interview",
            "pattern": "named"}


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
