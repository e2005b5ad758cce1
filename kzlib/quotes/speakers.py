"""Speakers and the document state: pronoun resolution and the attribution of direct quotes."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kzlib.actors import (
    Gazetteer,
    Mention,
    place_names,
    plausible_name,
    speaker_words,
)
from kzlib.quotes._modifier import _attributive, _body_heads, _group_heads, _modified_head
from kzlib.quotes.marks import (
    _CAP_NAME,
    _CITING,
    _POSSESSIVE_AFTER,
    _PREP_BEFORE,
    _PRONOUNS,
    _SENTENCE_BEFORE,
    _TIGHT,
    _n_words,
)


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


def _described(surface: str, start: int, end: int, confidence: float = 0.4) -> _Speaker:
    """An unnamed speaker ("officials", "a source close to the campaign", "Russia's Tass news agency"): the
    description is its name, without a leading article, and ``speaker_resolution`` says "description".

    Example:
        >>> _described("a source close to the campaign", 0, 30).name, _described("yet Vatican officials", 0, 21).name
        ('source close to the campaign', 'Vatican officials')
    """
    name = _ARTICLE.sub("", _CONJUNCTION.sub("", surface.strip().lstrip("'\"‘’“” ")))
    return _Speaker(name, surface, "description", confidence, resolution="description", m_start=start, m_end=end)


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: A conjunction that opens the clause, not the description ("yet Vatican officials", "Although the administration").
_CONJUNCTION = re.compile(r"^(?:yet|but|and|or|so|although|though|while|whereas)\s+(?=\S)", re.IGNORECASE)


def _spk(m: Mention, name: str, method: str, confidence: float) -> _Speaker:
    """A speaker read from mention ``m`` (its position and how its name was resolved kept); an unnamed one
    (a description) named as :func:`_described` names it, without its article."""
    if m.method == "description":
        name = _ARTICLE.sub("", name.strip())
    return _Speaker(name, m.surface, method, confidence, resolution=_RESOLUTION.get(m.method, m.method),
                    m_start=m.start, m_end=m.end)


@dataclass
class _Ent:
    name: str
    type: str  # person / organisation / media / state / bloc / ""
    gender: str  # m / f / ""
    titles: set[str] = field(default_factory=set)  # title and role words seen with the name (lower case)
    last: int = 0  # mention counter at its last mention
    last_free: int = 0  # the same, at its last mention not as a verb's or preposition's object ("told Putin")
    para: int = -1  # the paragraph (index in the document) of its last mention


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
    #: capitalised words the document writes inside a sentence (see ``mentions._inner_capitals``, asked through
    #: ``mentions._InnerCapitals``); None when unknown (a paragraph read alone): then every capitalised word may
    #: be a name
    inner_caps: Container[str] | None = None
    #: names the document writes as places ("relatives in Miami": ``_places._DocPlaces``); None when unknown
    places: Container[str] | None = None

    def is_place(self, g: Gazetteer, name: str) -> bool:
        """Whether ``name`` is a place of the document that the gazetteer does not know, no country or state
        (``place_names``), and that nothing shows to be a person (a gender, a title) or a body: no pronoun's
        antecedent ("a target in Northern Ireland and ``...'' ... They say": not Northern Ireland)."""
        if self.places is None or name not in self.places or g.type_of(name) or name in place_names():
            return False
        e = self.ents.get(name)
        return e is None or e.type in ("", "person") and not e.gender and not e.titles - {"?"}

    def note_speaker(self, g: Gazetteer, name: str, para_idx: int) -> None:
        if not name:
            return
        e = self.ents.get(name)
        if e is not None and not e.type and name not in place_names():
            e.type = "person"  # a named speaker of unknown kind is most often a person (a country or state is none)
            e.titles.add("?")  # (a guess: pronouns prefer persons known as such)
        self.last_speaker = name
        self.last_speaker_para = para_idx
        if g.type_of(name) in ("person", "") :
            self.last_person = name
        else:
            self.last_other = name

    def note_sentence_speaker(self, g: Gazetteer, name: str) -> None:
        """Note the speaker of a sentence of the paragraph being read, before the paragraph's own notes: a
        pronoun in the next sentence refers to it before a name inside its reported content (centering theory's
        preference for the subject of the previous utterance)."""
        if name and name != self.last_speaker and not _PRONOUN_NAME.fullmatch(name):
            self.note_speaker(g, name, self.para_idx)

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


def _surname(name: str) -> str:
    """A name's last word in lower case, a suffix ("Jr.") skipped.

    Example:
        >>> _surname("Joseph R. Biden Jr."), _surname("Hillary Clinton")
        ('biden', 'clinton')
    """
    words = [w for w in name.lower().split() if w.strip(".") not in ("jr", "sr", "ii", "iii", "iv")]
    return words[-1] if words else ""


def _namesake(st: _DocState, persons: list[_Ent], want: str) -> str | None:
    """For she/her (``want`` "f"): the woman among ``persons`` who shares the surname of the man named last as a
    subject, in this paragraph or the one before ("Speaking in Harlem, Clinton, without naming him, accused
    Sanders ... she said", where "Clinton" was read as Bill Clinton: Hillary Clinton); None for he/him, when no
    or several women fit, or when the person named last as a subject is no man."""
    top = max((e for e in st.ents.values() if e.type == "person"), key=lambda e: e.last_free, default=None)
    if want != "f" or top is None or top.gender != "m" or top.para < st.para_idx - 1 or not top.last_free:
        return None
    kin = {e.name for e in persons if e.gender == want and _surname(e.name) == _surname(top.name)}
    return kin.pop() if len(kin) == 1 else None


def _resolve_pronoun(pron: str, g: Gazetteer, st: _DocState, before: list[Mention]) -> str:
    """The actor a pronoun stands for: he/she the most recently mentioned person of that gender (the
    last speaker first when it was in this paragraph or the one before), it/they an organisation (they a
    person only when quoted in this paragraph or the one before).

    A person whose gender the document shows (a given name, an honorific, a gendered role: see
    ``_Ent.gender``) is never the antecedent of a pronoun of the other gender. Within the pronoun's clause the
    nearest person of the right or an unknown gender is taken, one last named as a subject before one last
    named as an object (centering theory's subject preference): a known woman is not preferred to a nearer
    person of unknown gender there ("Patti Davis ... she said" is Patti Davis). Across sentences, she/her
    prefers a person shown to be a woman to one whose gender is unknown ("Clinton invoked President Obama ...
    She said": Clinton), after a woman who shares the surname of the man named last as a subject, in this
    paragraph or the one before (:func:`_namesake`: "Clinton ... she said"); for he/him recency alone decides between a man
    and a person of unknown gender
    (about three in four people in the news are men, Global Media Monitoring Project 2015, and the given-name
    list misses many of them: an unknown gender is most often a man's)."""
    p = pron.lower()
    if p in ("he", "she", "his", "her", "him"):
        want = "m" if p in ("he", "his", "him") else "f"
        near = [m.actor for m in reversed(before)  # persons named earlier in the same clause, nearest first
                if m.actor and _is_person(g, m) and m.actor not in place_names() and not st.is_place(g, m.actor)]
        ents = [st.ents.get(a) for a in near]
        fit = [(a, e) for a, e in zip(near, ents) if e is None or e.gender in (want, "")]
        named = [a for a, e in fit if e is not None]  # a named person before a description ("the influx of ...")
        subject = next((a for a, e in fit if e is not None and e.last_free >= e.last), None)
        if fit:
            return subject if subject is not None else named[0] if named else fit[0][0]
        last = st.ents.get(st.last_speaker)
        persons = [e for e in st.ents.values() if e.type == "person" and e.gender in (want, "")
                   and e.name not in place_names() and not st.is_place(g, e.name)]
        if last and last.type == "person" and last.gender in (want, "") \
                and st.para_idx - st.last_speaker_para <= 1 and last.name not in place_names() \
                and not st.is_place(g, last.name):
            return last.name
        if (kin := _namesake(st, persons, want)) is not None:
            return kin
        best = None
        for e in persons:  # the person named last, in a subject's place rather than an object's
            if best is None or (e.gender == want == "f", "?" not in e.titles, e.last_free, e.last) \
                    > (best.gender == want == "f", "?" not in best.titles, best.last_free, best.last):
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
    # they: the last speaker when it is a body or group, or a person quoted in this paragraph or the one before (a
    # singular or machine-translated "they say" for "he says"), never a person quoted further back ("they will
    # hold banners" is not the adviser quoted at the story's start: then unresolved); with no speaker yet, the
    # organisation or outlet named last (a state named in passing is no "they": "economists ... they" is not China)
    last = st.ents.get(st.last_speaker)
    one = last is not None and last.type == "person" or g.type_of(st.last_speaker) == "person"
    if st.last_speaker and not st.is_place(g, st.last_speaker):  # ("a target in Northern Ireland": no "they")
        return st.last_speaker if not one or st.para_idx - st.last_speaker_para <= 1 else ""
    bodies = [e for e in orgs if e.type in ("organisation", "media")]
    return max(bodies, key=lambda e: e.last).name if bodies else ""


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


def _body_kind(description: str) -> str:
    """The kind of body a description names by its head noun (its last one or two words), else "".

    Example:
        >>> _body_kind("Russia's Tass news agency"), _body_kind("the company"), _body_kind("senior officials")
        ('media', 'organisation', '')
    """
    words = description.lower().replace("’", "'").split()
    heads = _body_heads()
    return heads.get(" ".join(words[-2:]), "") or heads.get(words[-1], "") if words else ""


@lru_cache(maxsize=1)
def _unnamed_re() -> re.Pattern:
    """An indefinite description opening an inverted subject: 'a source close to', 'one New Hampshire
    Democrat', 'another senior aide', 'a longtime GOP data expert', 'one protester' (a role noun or a group
    word of ``source_heads.yaml`` as its head)."""
    groups = {w[:-1] for w in _group_heads() if w.endswith("s") and len(w) > 3}
    roles = sorted(set(speaker_words().role_gender) | groups, key=len, reverse=True)
    return re.compile(r"\s*(?:a|an|one|another)\s+(?:[\w.'’-]+\s+){0,4}?(?:"
                      + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in roles) + r")s?(?![\w'’-])", re.IGNORECASE)


#: Between a description and the name in apposition after it: a phrase without a clause ('a spokesman for
#: the ministry, Jane Roe'), then a comma.
_APPOSED_GAP = re.compile(r"(?:\s+(?:of|for|at|with|in|to|from|on)\s+[^,;:.!?\"“”]{1,60})?,\s*$")
#: What may follow a name in apposition: the end of the phrase, a relative clause or a sentence's end.
_APPOSED_END = re.compile(r"\s*(?:[,;.!?)]|\s(?:who|whose)\b|$)")


#: A possessive and the role it governs ("'s deputy campaign manager", "’s spokeswoman").
_POSSESSED_ROLE = re.compile(r"['’]s?(?:\s+[a-z][\w'’-]*){1,5}")


def _apposed_after(mentions: list[Mention], text: str, d_end: int, hi: int) -> Mention | None:
    """The person named in apposition after a description ending at ``d_end`` ('a former spokesman for the
    ministry, Jane Roe, who ...'), or None."""
    for m in mentions:
        if m.start < d_end:
            continue
        if m.start >= hi:
            return None
        if not m.actor or m.method in ("pronoun", "description", "title") or m.type not in ("person", ""):
            return None
        gap = text[d_end:m.start]
        if _APPOSED_GAP.fullmatch(gap) and _APPOSED_END.match(text, m.end) and "," not in gap.rstrip()[:-1]:
            return m
        if "," in gap:
            return None
    return None


def _apposed_name(mentions: list[Mention], starts: list[int], text: str, spk: _Speaker) -> _Speaker:
    """An unnamed speaker in apposition to a name is that person: 'Jane Roe, the inspector general, said'
    (the name just before the description) or 'a spokeswoman for the ministry, Jane Roe, said' (just after);
    else ``spk``. ``starts``: the mentions' start offsets (they are sorted by them)."""
    if spk.resolution != "description" or spk.m_start < 0:
        return spk
    # the description's head: its last word before a complement ("the inspector general| of the water board")
    words = re.split(r"\s+(?:of|for|at|with|in|to|from|on)\s+", spk.surface, maxsplit=1)[0].split()
    head = words[-1].lower().strip(".,'’") if words else ""
    closed = text[spk.m_end:spk.m_end + 3].lstrip().startswith(",")
    if closed and speaker_words().role_gender.get(head, "org") != "org":
        # 'Jane Roe, the inspector general, said': a person's role in commas after the name (not 'Nazarbayev, the
        # interior ministry said', where the ministry speaks)
        i = bisect_left(starts, spk.m_start) - 1
        while i >= 0 and mentions[i].end > spk.m_start - 4:
            m = mentions[i]
            if m.end <= spk.m_start and _APPOSED_BEFORE.fullmatch(text, m.end, spk.m_start) \
                    and _SENTENCE_BEFORE.search(text, max(0, m.start - 3), m.start) and m.actor \
                    and m.method not in ("pronoun", "description", "title") \
                    and (m.type == "person" or not m.type and " " in m.actor.strip()) \
                    and not _POSSESSIVE_AFTER.match(text[m.end:m.end + 2]):
                return _spk(m, m.actor, m.method, 0.8)
            i -= 1
    near = mentions[bisect_left(starts, spk.m_end):]
    after = _apposed_after(near, text, spk.m_end, min(len(text), spk.m_end + 120))
    return _spk(after, after.actor, after.method, 0.8) if after is not None else spk


#: Between a name and the description in apposition after it.
_APPOSED_BEFORE = re.compile(r",\s*")
#: The rest of an unnamed inverted subject, up to a comma, a clause or the sentence's end ('a longtime
#: adviser| to Jane Roe|, who ...').
_UNNAMED_REST = re.compile(r"(?:\s+(?!(?:who|whose|which|that|and|but|as|when|while|after|before|because)\b)"
                           r"[^\s,;:.!?\"“”()]+(?:\.(?=\w))?){1,14}(?=\s*(?:[,;:.!?\"“”()]|$))")


#: What may stand between an inverted verb and a name that modifies a noun ("said [the] Florida senator", "said
#: [former] Massachusetts congressman Barney Frank", "said [the senior] Cruz adviser"): the words after the article
#: must be attributive (``_modifier._attributive``).
_MODIFIER_GAP = re.compile(r"\s*(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,2}")


def _speaker_after(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, lo: int, hi: int) -> _Speaker:
    """Inverted attribution: the first actor (or he/she/it) after a cue ("said Antonov"); an unnamed
    speaker ("said a source close to the campaign") is the description, or the name in apposition to it."""
    window = [m for m in mentions if lo <= m.start and m.end <= hi and _is_speaker_mention(g, m)]
    um = _unnamed_re().match(text, lo, hi)
    if um is not None and not any(m.start < um.end() < m.end for m in window):
        named = next((m for m in window if m.start >= um.end()), None)
        if named is not None and not text[um.end():named.start].strip() and named.actor \
                and named.method not in ("pronoun", "description", "title") and named.type in ("person", ""):
            return _spk(named, named.actor, named.method, 0.8)  # 'said a Fox News host, Jane Roe' without the comma
        apposed = _apposed_after(window, text, um.end(), hi)
        if apposed is not None:
            return _spk(apposed, apposed.actor, apposed.method, 0.8)
        d0 = um.end() - len(um.group(0).lstrip())
        rest = _UNNAMED_REST.match(text, um.end(), hi)
        d1 = rest.end() if rest is not None else um.end()
        return _described(text[d0:d1], d0, d1, 0.6)
    prons = _pronouns(text[lo:hi], lo)
    cands = sorted(window + [p for p in prons if _n_words(text[lo:p.start]) <= 1], key=lambda m: m.start)
    # a possessive names the speaker's employer or principal, not the speaker ("said Rubio's campaign manager")
    persons = [m for m in cands if m.method != "pronoun" and _is_person(g, m)
               and not _POSSESSIVE_AFTER.match(text[m.end:m.end + 2])]
    if not cands:  # a name the gazetteer does not know: "said Jane Doe, ..."
        nm = _CAP_NAME.match(text, lo, hi)
        if nm and plausible_name(nm.group(1)):
            return _Speaker(nm.group(1), nm.group(1), "pattern", 0.6)
    first = cands[0] if cands else None
    if first is not None and first.method not in ("pronoun", "description", "title") \
            and _MODIFIER_GAP.fullmatch(text, lo, first.start):
        gap = [w for i, w in enumerate(text[lo:first.start].split()) if i or w.lower() not in ("the", "a", "an")]
        head, d0, d1 = _modified_head(window, text, first, hi) if all(map(_attributive, gap)) else (first, -1, -1)
        if head is None:  # "said the Florida senator": the senator, not Florida
            n0 = lo + len(text[lo:first.start]) - len(text[lo:first.start].lstrip())
            return _described(text[n0:d1], n0, d1, 0.6)
        if head is not first:  # "said Virginia delegate Beau Correll": the name after the noun
            return _spk(head, head.actor, head.method, 0.8)
    if first is not None and first.method not in ("pronoun", "description", "title") and not first.type \
            and not text[lo:first.start].strip() and not _POSSESSIVE_AFTER.match(text[first.end:first.end + 2]):
        # a name of unknown kind right after the verb is its subject ("said Jane Roe, a pollster with Mr. Doe's party")
        return _spk(first, first.actor, first.method, 0.8)
    if first is not None and first.method != "pronoun" and _POSSESSIVE_AFTER.match(text[first.end:first.end + 2]):
        # "said Rubio's deputy campaign manager, Rich Beeson": the name in apposition to the possessed role
        rm = _POSSESSED_ROLE.match(text, first.end, hi)
        apposed = _apposed_after(window, text, rm.end(), hi) if rm is not None else None
        if apposed is None and rm is not None:  # "said Tokayev's spokesman Berik Uali": the name right after
            apposed = next((m for m in window if m.start > rm.end() - 1 and not text[rm.end():m.start].strip()
                            and m.actor and m.method not in ("pronoun", "description", "title")
                            and m.type in ("person", "")), None)
        if apposed is not None:
            return _spk(apposed, apposed.actor, apposed.method, 0.8)
    if persons and _n_words(text[lo:persons[0].start]) <= 20:
        m = persons[0]
        return _spk(m, m.actor, m.method, 0.9 if m.actor in g.actors else 0.7)
    if cands:
        m = next((c for c in cands if c.method == "pronoun" or not _POSSESSIVE_AFTER.match(text[c.end:c.end + 2])),
                 cands[0])  # a possessive is the speaker's employer, not the speaker
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


