"""Russian speakers: the lemma cues of ``kzlib/data/ru/cue_verbs.yaml``, the document state and
:func:`resolve_speaker` (gazetteer names on lemmas, titles, pronouns, NER persons)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from kzlib.russian.actors import ActorMatch, affiliation_of, find_actors, ru_actors
from kzlib.russian.nlp import entities, parses, tokens, transliterate

__all__ = ["describe_source", "note_affiliations", "resolve_speaker"]


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
    affiliations: dict[str, str] = field(default_factory=dict)  # person NER found -> affiliation of their title

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
    resolution: str = ""  # "description": an unnamed source described (describe_source), never carried on


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


# ---------------------------------------------------------------------------------- descriptions
_LOC_PREP = frozenset({"в", "во", "на"})
_NP_STOP = re.compile(r"[^\w-]")  # punctuation and digits end a noun phrase
_MAX_NP = 5  # words a description keeps after its head ("пресс-служба аэропорта города Алматы")


@lru_cache(maxsize=1)
def _source_nouns() -> dict[str, str]:
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("ru/cue_verbs.yaml").read_text("utf-8"))
    return {str(lem).replace("ё", "е"): str(kind) for kind, lems in (data.get("source_nouns") or {}).items()
            for lem in lems}


def _agreement(verb: str) -> tuple[str, str, bool] | None:
    """(number, gender or "", impersonal) a cue verb form asks of its subject; None if it is not a verb.
    "сообщила" -> ("sing", "femn", False); "сказали" -> ("plur", "", False); "говорится" -> ("sing", "", True)."""
    for p in parses(verb.lower()):
        if p.tag.POS == "VERB":
            number = "plur" if "plur" in p.tag else "sing"
            gender = str(p.tag.gender or "") if number == "sing" and "past" in p.tag else ""
            return number, gender, p.normal_form.endswith(("ся", "сь")) and number == "sing"
    return None


def _noun_parse(word: str, case: str, number: str = "", gender: str = ""):
    """The parse of a word read as a noun in ``case`` (agreeing in number and gender when given), or None; a
    word whose likeliest reading is not a noun ("в" the preposition, "вечером" the adverb) is none."""
    ps = parses(word.lower())
    if not ps or ps[0].tag.POS != "NOUN" or not re.search(r"[а-яё]", word.lower()):
        return None
    for p in ps:
        if p.tag.POS != "NOUN" or case not in p.tag:
            continue
        if number and p.tag.number and p.tag.number != number:
            continue
        if gender and p.tag.gender and p.tag.gender != gender and "ms-f" not in str(p.tag).lower():
            continue
        return p
    return None


def _is_pos(word: str, pos: tuple[str, ...], case: str = "") -> bool:
    """Whether a reading of ``word`` is one of ``pos`` (in ``case`` when given)."""
    return any(p.tag.POS in pos and (not case or case in p.tag) for p in parses(word.lower()))


def describe_source(part: str, verb: str, *, before: bool) -> tuple[str, str, str]:
    """A description of an unnamed source next to a cue verb: (description, surface, type), else ("", "", "").

    The source is the cue verb's nominative subject (a noun agreeing with the verb in number and, in
    the past singular, gender: "Пресс-служба кабинета министров сообщила") or, with a plural or
    impersonal verb, an institution, document or medium in the locative ("в пресс-службе аэропорта
    сказали", "В документе говорится"). The description is the head noun in the nominative with the
    adjectives before it and the genitive words after it; the first such phrase of ``part``, the text
    before the verb in its clause (``before=True``) or after it.

    Example:
        >>> describe_source("Позже в пресс-службе аэропорта", "сказали", before=True)
        ('пресс-служба аэропорта', 'пресс-службе аэропорта', 'organisation')
        >>> describe_source("Пресс-служба кабинета министров 6 января", "сообщила", before=True)
        ('пресс-служба кабинета министров', 'Пресс-служба кабинета министров', 'organisation')
        >>> describe_source("Позже, в январе", "сказали", before=True)
        ('', '', '')
    """
    agree = _agreement(verb)
    if agree is None or not part.strip():
        return "", "", ""
    number, gender, impersonal = agree
    if before:  # the clause of the verb: after the last comma, semicolon, colon or dash
        part = part[max(part.rfind(c) for c in ",;:—–") + 1:]
    toks = list(tokens(part))
    nouns = _source_nouns()
    for i in range(len(toks)):  # the subject opens its clause, the genitives follow the head
        word = toks[i].text
        prev = toks[i - 1].text.lower() if i else ""
        head = None
        if not impersonal and prev not in _LOC_PREP and not _is_pos(prev, ("PREP",)):
            head = _noun_parse(word, "nomn", number, gender)
            if head is not None and head.tag.POS == "NOUN" and _is_pos(word, ("NPRO",)):
                head = None
        loc = None
        if head is None and (impersonal or number == "plur"):
            loc = _noun_parse(word, "loct")
            if loc is not None and nouns.get(loc.normal_form.replace("ё", "е")) is None and "Orgn" not in loc.tag:
                loc = None
            head = loc
        if head is None:
            continue
        case = "loct" if loc is not None else "nomn"
        lo = i
        while lo > 0 and _is_pos(toks[lo - 1].text, ("ADJF", "PRTF"), case):
            lo -= 1
        if loc is not None and not (lo > 0 and toks[lo - 1].text.lower() in _LOC_PREP):
            continue  # a locative source stands after "в/на"
        hi = i + 1
        while hi < len(toks) and hi - i <= _MAX_NP and not _NP_STOP.search(toks[hi].text) \
                and (_is_pos(toks[hi].text, ("NOUN", "ADJF", "PRTF"), "gent") or toks[hi].text[:1].isupper()):
            hi += 1
        words = [_nominative(t.text, head, k == i, first=(k == 0)) for k, t in enumerate(toks[lo:hi], start=lo)]
        lemma = head.normal_form.replace("ё", "е")
        typ = nouns.get(lemma) or ("person" if "anim" in head.tag else "organisation")
        typ = "organisation" if typ not in ("document", "media", "person") else typ
        return " ".join(words), part[toks[lo].start:toks[hi - 1].end], typ
    return "", "", ""


def _nominative(word: str, head, is_head: bool, *, first: bool) -> str:
    """A word of a description in the nominative: the head and the adjectives before it; genitives as written."""
    if is_head:
        form = head.inflect({"nomn"})
    else:
        form = None
        for p in parses(word.lower()):
            if p.tag.POS in ("ADJF", "PRTF") and ("loct" in p.tag or "nomn" in p.tag):
                grams = {"nomn", head.tag.number or "sing"} | ({head.tag.gender} if head.tag.gender and
                                                                 head.tag.number != "plur" else set())
                form = p.inflect(grams)
                break
        if form is None:
            return word
    out = form.word if form is not None else word.lower()
    return out[:1].upper() + out[1:] if word[:1].isupper() and not first else out


# ---------------------------------------------------------------------------------- affiliations
_APPOSITION_END = re.compile(r"[,.;:!?()«»\"“”„—–]")
_NOT_TITLE = frozenset({"и", "а", "или", "но", "также", "с", "со", "вместе"})
_PREPOSITIONS = frozenset({"в", "во", "на", "из", "от", "для", "к", "ко", "по", "при", "у", "о", "об", "с", "со"})


def note_affiliations(text: str, st: _State) -> None:
    """Give a person only NER finds the affiliation of the actor their title names: the actor nearest
    before the name, not after a preposition, with at most four words and no conjunction between
    ("пресс-секретарь Назарбаева Айдос Укибай" -> Kazakhstan, "посол России в Казахстане Иван Иванов"
    -> Russia). Generic titles ("пресс-секретарь") name nobody; "Токаев и Иван Иванов" is no title."""
    found = find_actors(text)
    for e in entities(text):
        if e.type != "PER" or any(m.start < e.end and e.start < m.end for m in found):
            continue
        for m in sorted((m for m in found if m.end <= e.start and m.kind != "generic"), key=lambda m: -m.end):
            gap = text[m.end:e.start]
            words = gap.lower().split()
            if _APPOSITION_END.search(gap) or len(words) > 4 or _NOT_TITLE & set(words):
                break
            prev = text[max(0, m.start - 12):m.start].lower().split()
            if prev and prev[-1] in _PREPOSITIONS:
                continue  # "в Казахстане": where, not whose
            aff = affiliation_of(m.canonical)
            if aff:
                st.affiliations.setdefault(_person_name(e.normal), aff)
            break
