"""Speakers and the document state: pronoun resolution and the attribution of direct quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kzlib.actors import (
    Gazetteer,
    Mention,
    plausible_name,
)
from kzlib.quotes.marks import _CAP_NAME, _CITING, _POSSESSIVE_AFTER, _PREP_BEFORE, _PRONOUNS, _TIGHT, _n_words


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
        recent = self.recent
        recent.extend([m.actor for m in mentions if m.actor])
        if len(recent) > 60:
            del recent[:-60]


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
        if nm and plausible_name(nm.group(1)):
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


