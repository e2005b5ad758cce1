"""Russian speakers: the lemma cues of ``kzlib/data/ru/cue_verbs.yaml``, the document state and
:func:`resolve_speaker` (gazetteer names on lemmas, titles, pronouns, NER persons)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from kzlib.russian.actors import ActorMatch, find_actors, ru_actors
from kzlib.russian.nlp import entities, parses, transliterate

__all__ = ["resolve_speaker"]


_DASH = "—–-"
_OPEN_CLOSE = {"«": "»", "„": "“”", "“": "”", '"': '"', "”": "”"}
_WORD = re.compile(r"[\w-]+")
_PRON_PERSON = {"он", "она", "его", "ее", "её", "ему", "ей", "него", "нее", "неё", "им"}
_PRON_GROUP = {"они", "их", "них", "им"}


@dataclass(frozen=True)
class _Cue:
    that: bool
    about: bool
    object: bool
    relay: bool


@lru_cache(maxsize=1)
def _cue_data() -> tuple[dict[str, _Cue], list[tuple[str, ...]], list[tuple[str, ...]], list[tuple[str, ...]]]:
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("ru/cue_verbs.yaml").read_text("utf-8"))
    table: dict[str, _Cue] = {}
    for row in data["cues"]:
        cue = _Cue(bool(row.get("that")), bool(row.get("about")), bool(row.get("object")), bool(row.get("relay")))
        for lem in row["lemmas"]:
            table[str(lem)] = cue
    return (table, [tuple(x) for x in data["according"]], [tuple(x) for x in data["relay_phrases"]],
            [tuple(x) for x in data["back_reference"]])


def _cue_of(word: str) -> tuple[str, _Cue] | None:
    """The cue a finite verb form stands for ("заявила" -> заявить), or None."""
    if not re.search(r"[а-яё]", word.lower()):
        return None
    table = _cue_data()[0]
    for p in parses(word.lower()):
        if p.tag.POS == "VERB":
            lem = p.normal_form.replace("ё", "е")
            if lem in table:
                return lem, table[lem]
    return None


# ------------------------------------------------------------------------------------------ state
@dataclass
class _State:
    last_speaker: str = ""
    last_speaker_type: str = ""
    last_person: str = ""
    last_mentioned_person: str = ""
    generic: dict[str, str] = field(default_factory=dict)  # generic description -> actor last named with it
    people: dict[str, str] = field(default_factory=dict)  # surname -> full name of a person named in full

    def note_actors(self, matches: list[ActorMatch]) -> None:
        _, generic, _ = ru_actors()
        for m in matches:
            if m.kind == "generic":
                continue
            if m.type == "person":
                self.last_mentioned_person = m.canonical
            for key, actors in generic.items():
                if any(a.name == m.canonical for a in actors):
                    self.generic[key] = m.canonical

    def note_speaker(self, name: str, typ: str) -> None:
        if not name:
            return
        self.last_speaker, self.last_speaker_type = name, typ
        if typ == "person":
            self.last_person = name
            self.last_mentioned_person = name


@dataclass
class _Spk:
    name: str = ""
    surface: str = ""
    type: str = ""
    method: str = ""


def _rank(m: ActorMatch) -> int:
    if m.type == "person":
        return 3 if m.kind in ("alias", "title") else 2
    if m.type in ("organisation", "group", "bloc", "state"):
        return 2 if m.kind != "generic" else 1
    return 1


def resolve_speaker(span: str, st: _State | None = None, *, prefer_last: bool = True) -> tuple[str, str, str]:
    """Canonical speaker named in a Russian phrase: (name, surface, type).

    Candidates are gazetteer names (matched on lemmas) and the people and bodies natasha's NER finds
    elsewhere in the phrase (people named by the transliteration of their nominative form). People
    come before bodies, bodies before generic descriptions ("власти", "глава государства"); among
    equals the one nearest the cue (the last before it, the first after it). A pronoun is resolved to
    the last speaker.

    Example:
        >>> resolve_speaker("министр обороны РФ Сергей Шойгу")[0]
        'Sergei Shoigu'
        >>> resolve_speaker("пресс-секретарь Назарбаева Ержан Бабакумаров")[0]
        'Yerzhan Babakumarov'
    """
    st = st or _State()
    _, generic, _ = ru_actors()
    found = find_actors(span)
    cands: list[tuple[int, int, int, str, str, str]] = []  # (rank, start, end, name, surface, type)
    possessors: set[int] = set()
    for i, m in enumerate(found):
        if m.kind == "generic":
            nxt = found[i + 1] if i + 1 < len(found) else None
            # "пресс-секретарь Назарбаева": somebody's press secretary, not the default holder of the title
            owned = nxt is not None and _possessor(span, m, nxt)
            name = st.generic.get(m.generic_key) or ("" if owned else generic[m.generic_key][0].name)
            if name:
                cands.append((1, m.start, m.end, name, m.surface, m.type))
            if owned:
                possessors.add(i + 1)
            continue
        if i in possessors:
            continue
        cands.append((3 if m.type == "person" else 2, m.start, m.end, m.canonical, m.surface, m.type))
    ents = _in_context(span)
    if ents is None or (not any(e.type == "PER" for e in ents) and not found
                        and re.search(r"\b[А-ЯЁ][а-яё]{2,}", span)):
        ents = entities(span)  # the paragraph's NER missed a name this shorter span may show
    for e in ents:
        if e.type not in ("PER", "ORG") or any(m.start < e.end and e.start < m.end for m in found):
            continue
        if e.type == "PER":
            full = _person_name(e.normal)
            if " " in full:
                st.people[full.split()[-1]] = full
            else:  # "Бабакумаров" after "Ержан Бабакумаров": the full name
                full = st.people.get(full, full)
            cands.append((3, e.start, e.end, full, e.text, "person"))
            for m in found:  # "пресс-секретарь … Айдос Укибай": the title now stands for this person
                if m.kind == "generic" and 0 <= e.start - m.end <= 40:
                    st.generic[m.generic_key] = _person_name(e.normal)
        else:
            cands.append((2, e.start, e.end, e.normal, e.text, "organisation"))
    if cands:
        top = max(c[0] for c in cands)
        best = sorted((c for c in cands if c[0] == top), key=lambda c: c[1])
        if prefer_last:
            c = best[-1]
        else:  # the first name after the cue, or the last of an apposition ("министр обороны РФ Сергей Шойгу")
            k = 0
            while k + 1 < len(best) and re.fullmatch(r"\s*\S*\s*", span[best[k][2]:best[k + 1][1]]) \
                    and not re.search(r"[,.;:]", span[best[k][2]:best[k + 1][1]]):
                k += 1
            c = best[k]
        return c[3], c[4], c[5]
    words = [w.lower() for w in _WORD.findall(span)]
    for w in (reversed(words) if prefer_last else words):
        if w in _PRON_PERSON:
            return (st.last_person or st.last_mentioned_person), w, "person"
        if w in _PRON_GROUP:
            return st.last_speaker, w, st.last_speaker_type
    return "", "", ""


def _has_case(word: str, case: str) -> bool:
    return any(case in p.tag for p in parses(word.lower()) if p.tag.POS in ("NOUN", "ADJF"))


def _possessor(text: str, title: ActorMatch, person: ActorMatch) -> bool:
    """"пресс-секретарь Назарбаева": a genitive name right after a title in another case is whose title it
    is, not an apposition ("президент Токаев", "президента Токаева")."""
    if person.type != "person" or person.kind == "generic" or text[title.end:person.start].strip():
        return False
    first_title = title.surface.split()[0]
    first_person = person.surface.split()[0]
    return _has_case(first_person, "gent") and not _has_case(first_title, "gent")


def _in_context(span: str):
    """Entities of the paragraph being read that fall inside ``span`` (offsets relative to span), or None."""
    text, ents = _PARA
    if not span or not text:
        return None
    at = text.find(span)
    if at < 0:
        return None
    return tuple(type(e)(e.start - at, e.end - at, e.type, e.text, e.normal) for e in ents
                 if e.start >= at and e.end <= at + len(span))


_PARA: tuple[str, tuple] = ("", ())


def _read_paragraph(text: str) -> None:
    """Make ``text`` (with its entities) the paragraph :func:`_in_context` reads."""
    global _PARA
    _PARA = (text, entities(text))


def _person_name(normal: str) -> str:
    """Canonical name of a person found by NER: the gazetteer's when it knows the name, else Latin letters."""
    found = [m for m in find_actors(normal) if m.type == "person" and m.kind == "alias"]
    if found:
        return found[-1].canonical
    return transliterate(normal)
