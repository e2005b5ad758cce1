"""Grammatical roles in a Russian quote, read from pymorphy3's morphology (private to :mod:`kzlib.stance.russian`).

Russian marks roles by case, not by word order, so who does what to whom is read from each word's readings: the
subject is a nominative that can hold a view and agrees with the verb in number (and gender, in the past), the object
an oblique case right after the verb or marked by a preposition, the agent of a passive an instrumental. A word
capitalised only because it opens its sentence is read as the dictionary reads it in lower case; a capitalised name the
dictionary does not know as a name ("Токаев" reads as a genitive plural of "токай") may be in any case.

- :func:`_subject` — who holds a verb: the speaker ("мы осуждаем …"), or a third party ("США осудили …", "миллионы
  граждан поддерживают …", "в Вашингтоне осудили …", "Блинкен, выступая …, раскритиковал …").
- :func:`_object_after` — what a verb judges or harms: the mention right after it ("поддержать Токаева").
- :func:`_patients` — what suffers an act of harm ("были убиты протестующие", "разгон протестующих").
- :func:`_agents` — who does an act of harm ("боевики напали", "нападение боевиков", "атакованы боевиками").
- :func:`_own_act` — whether an act is the speaker's own ("мы подавим …", "я приказал разогнать …").
- :func:`_judged_harm` — the act of harm a cue judges ("осуждаем расстрел …", "задержание … было незаконным").
- :func:`_reported_frames` — the stretches of a sentence that relay someone else's words ("США заявили, что …").

Every function reads a :class:`_Text`, built once per quote (its clauses indexed), so that a long quote costs time in
proportion to its clauses' lengths, not to the square of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kzlib.text.tokens import lemmas, parses

__all__: list[str] = []


@dataclass
class _Word:
    start: int
    end: int
    text: str
    lemma: str
    clause: int
    sentence: int


@dataclass
class _RuMention:
    first: int  # word index
    last: int
    start: int
    end: int
    target: str
    kind: str
    polarity: float
    holder: bool = False


ALL_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"})
OBLIQUE = frozenset({"accs", "gent", "datv", "ablt"})  # the cases of a verb's object ("благодарны России")
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
#: "нападение на полицию", "насилие против", "расправа над", "расправились с", "удары по"
_PATIENT_PREPOSITIONS = frozenset({"на", "против", "над", "с", "по"})
#: nouns of harm whose genitive is who does it, not who suffers it ("нападение боевиков", "насилие полиции")
_AGENT_GENITIVE = frozenset({"нападение", "атака", "насилие", "репрессия", "удар", "огонь", "обстрел"})
_SPEAKER_FORMS = frozenset({"я", "мы"})  # the first person as a subject: the nominative forms, not "нас", "нам"
_ADDRESSEE_FORMS = frozenset({"ты", "вы"})
_REPORTED_SPEAKER = frozenset({"он", "она", "они"})  # the speaker in an indirect report ("он заявил, что он …")
#: what an infinitive of the speaker's own act hangs on: intention, duty, readiness, an order, a decision ("мы будем
#: …", "мы должны …", "я приказал …"); not a call on others ("призываем …") or a word of stopping ("прекратить …")
_OWN_INTENT = frozenset("""быть должный готовый хотеть намереваться собираться приказать приказывать решить
обещать пообещать мочь стать намеренный обязанный""".split())
#: nouns of quantity whose genitive is the real object ("задержали сотни протестующих")
_QUANTITIES = frozenset("""сотня тысяча десяток десятки сотни тысячи множество ряд группа часть большинство
несколько много миллион""".split())
#: verbs that may stand between a noun of harm and a judgment of it ("задержание было незаконным")
_COPULAS = frozenset({"быть", "являться", "явиться", "стать", "становиться", "оказаться", "оказываться"})
#: bodies that say, judge and decide, though the dictionary counts them inanimate ("правительство заявило")
_BODIES = frozenset("""правительство министерство ведомство власть администрация партия организация руководство
мид кремль парламент дума сенат конгресс суд прокуратура комитет совет союз коалиция альянс компания издание газета
агентство посольство штаб командование оппозиция общественность сообщество запад оон нато одкб ес
пресс-служба служба аппарат канцелярия""".split())
_CONTRASTS = frozenset({"но", "однако", "зато"})  # a contrast ends a reported frame ("…, но мы считаем …")
_SAYING = frozenset({"назвать", "называть"})  # verbs of saying beside holder_verbs ("назвал удар преступлением")
#: a sentence opening with a source ("По словам Токаева, …", "По мнению Вашингтона, …")
_SOURCE_NOUNS = frozenset({"слово", "мнение", "данные", "оценка", "информация", "версия", "утверждение"})


@lru_cache(maxsize=100_000)
def _tag(word: str) -> Any:
    """pymorphy3's likeliest reading's tag of ``word`` (None when it has none)."""
    ps = parses(word.lower())
    return ps[0].tag if ps else None


def _pos(word: str) -> str:
    """pymorphy3's likeliest part of speech of ``word`` ("" when unknown)."""
    tag = _tag(word)
    return str(tag.POS or "") if tag is not None else ""


@lru_cache(maxsize=100_000)
def _readings(word: str) -> tuple[tuple[str, str, str], ...]:
    """(case, number, gender) of every reading of ``word`` with a case; every case for a capitalised word the
    dictionary does not know, or reads only as a genitive plural and no name ("Токаев", a genitive plural of "токай")."""
    ps = parses(word.lower())
    if word[:1].isupper() and not _named(ps) and all(
            p.tag.case == "gent" and p.tag.number == "plur" for p in ps):
        return tuple((c, "", "") for c in sorted(ALL_CASES))  # a surname in -ов/-ев read as a plural genitive
    return tuple((str(p.tag.case), str(p.tag.number or ""), str(p.tag.gender or "")) for p in ps if p.tag.case)


def _named(parses_: tuple[Any, ...]) -> bool:
    """Whether any of a word's readings is a name (a given name, surname, place, organisation, trademark, abbreviation)."""
    return any(_PROPER & set(p.tag.grammemes) for p in parses_)


def _cases(word: str) -> frozenset[str]:
    """Every case ``word`` may be in.

    >>> sorted(_cases("Россию")), "nomn" in _cases("Токаев"), "nomn" in _cases("протестующих")
    (['accs'], True, False)
    """
    return frozenset(c for c, _n, _g in _readings(word))


def _agrees(verb: str, word: str) -> bool:
    """Whether ``word`` can be the nominative subject of ``verb``: in its number and, for a past singular, its gender.

    >>> _agrees("осудили", "США"), _agrees("поддержали", "Токаева"), _agrees("осудила", "Россия")
    (True, False, True)
    """
    vt = _tag(verb)
    number, gender = (str(vt.number or ""), str(vt.gender or "")) if vt is not None else ("", "")
    for case, n, g in _readings(word):
        if case == "nomn" and (not number or not n or n == number or n in ("Sgtm", "Pltm")) and (
                not gender or not g or g == gender or g in ("ms-f", "GNdr")):
            return True
    return False


def _nearest(pool: list[_RuMention], i: int) -> _RuMention:
    """The mention of ``pool`` nearest to word ``i`` (the earlier on a tie)."""
    return min(pool, key=lambda m: (_distance(m, i), m.first))


def _distance(m: _RuMention, i: int) -> int:
    return min(abs(m.first - i), abs(m.last - i))


def _form(words: list[_Word], k: int) -> str:
    """The form word ``k`` is read in: in lower case when it is capitalised only because it opens its sentence (a
    dictionary word that is no name: "Протестующих осудил …"), else as written."""
    text = words[k].text
    if text[:1].isupper() and (k == 0 or words[k - 1].sentence != words[k].sentence):
        ps = parses(text.lower())
        if ps and ps[0].is_known and not _named(ps):
            return text.lower()
    return text


def _is_harm(w: _Word, acts: frozenset[str]) -> bool:
    """Whether a word is one of ``acts`` by any lemma (``harm_acts``, ``harm_judgments`` … of the Russian cue file)."""
    return bool(acts) and (w.lemma in acts or bool(lemmas(w.text) & acts))


@dataclass
class _Text:
    """A quote's words and target mentions, indexed once: each word's clause and sentence, and the form it is read in."""

    words: list[_Word]
    mentions: list[_RuMention]  # every target mention
    objects: list[_RuMention]  # those that hold no opinion before a verb of opinion ("Москва считает …")
    clauses: dict[int, list[int]] = field(default_factory=dict)  # clause -> its word indices
    sentences: dict[int, list[int]] = field(default_factory=dict)
    forms: list[str] = field(default_factory=list)
    at: dict[int, list[_RuMention]] = field(default_factory=dict)  # word index -> the mentions spanning it
    _in: dict[tuple[int, bool], list[_RuMention]] = field(default_factory=dict)  # (clause, objects only) -> mentions

    def __post_init__(self) -> None:
        for k, w in enumerate(self.words):
            self.clauses.setdefault(w.clause, []).append(k)
            self.sentences.setdefault(w.sentence, []).append(k)
        for pool, only_objects in ((self.mentions, False), (self.objects, True)):
            for m in pool:
                self._in.setdefault((self.words[m.first].clause, only_objects), []).append(m)
        for m in self.mentions:
            for k in range(m.first, m.last + 1):
                self.at.setdefault(k, []).append(m)
        # a target's name is read as written, whatever its place ("Токаев осудил …")
        self.forms = [w.text if k in self.at else _form(self.words, k) for k, w in enumerate(self.words)]

    def clause(self, i: int) -> list[int]:
        return self.clauses[self.words[i].clause]

    def in_clause(self, i: int, *, objects: bool = True) -> list[_RuMention]:
        """The mentions (the objects only, by default) that start in word ``i``'s clause, not spanning it."""
        return [m for m in self._in.get((self.words[i].clause, objects), []) if not m.first <= i <= m.last]

    def pos(self, k: int) -> str:
        return _pos(self.forms[k])

    def cases(self, k: int) -> frozenset[str]:
        return _cases(self.forms[k])

    def nominal(self, k: int) -> bool:
        """A noun or pronoun, a word of a target mention ("протестующие"), or a capitalised word no dictionary knows."""
        return (self.pos(k) in ("NOUN", "NPRO") or k in self.at
                or (self.forms[k][:1].isupper() and self.pos(k) == ""))

    def can_hold(self, k: int) -> bool:
        """Whether word ``k`` can hold a view or judge: a target, a person or animal (pymorphy3's "anim"), a pronoun, a
        body (:data:`_BODIES`), or a capitalised name ("подрыв" cannot: "оценил ситуацию как подрыв … и сообщил")."""
        w, tag = self.words[k], _tag(self.forms[k])
        if k in self.at:
            return True
        if tag is None:
            return w.text[:1].isupper()
        return ("anim" in tag.grammemes or str(tag.POS or "") == "NPRO" or w.lemma in _BODIES
                or bool(lemmas(w.text) & _BODIES) or (w.text[:1].isupper() and bool(_PROPER & set(tag.grammemes))))

    def speaker_subject(self, ks: list[int]) -> bool:
        """Whether "я", "мы", "ты" or "вы" (nominative forms) is among words ``ks``."""
        return any(self.words[k].text.lower() in _SPEAKER_FORMS | _ADDRESSEE_FORMS for k in ks)


def _subject(t: _Text, i: int, *, indirect: bool = False) -> tuple[str, list[_RuMention]]:
    """Who holds verb ``i``: ("speaker", []) for the first or second person, an imperative, or, in an indirect report,
    "он"/"она"/"они" or no subject at all (mostly the speaker); ("other", mentions) for a third party, with the target
    mentions among its subjects: agreeing nominatives before the verb (coordinated ones too, and across commas,
    "Блинкен, выступая в Вашингтоне, раскритиковал …"), else one after it ("Россию осудили США"), else, for an
    indefinite plural, the place named before it ("в Вашингтоне осудили …"); ("", []) when nothing is read.

    >>> ws = [_Word(0, 0, w, w.lower(), 0, 0) for w in "США осудили Россию".split()]
    >>> ms = [_RuMention(0, 0, 0, 0, "us", "alias", 0.0), _RuMention(2, 2, 0, 0, "ru", "alias", 0.0)]
    >>> kind, holders = _subject(_Text(ws, ms, ms), 1)
    >>> kind, [m.target for m in holders]
    ('other', ['us'])
    """
    words, verb = t.words, t.forms[i]
    tag = _tag(verb)
    if tag is None or str(tag.POS or "") not in ("VERB", "GRND"):
        return "", []
    grammemes = set(tag.grammemes)
    clause = t.clause(i)
    before = [k for k in clause if k < i]
    if grammemes & {"1per", "2per", "impr"} or t.speaker_subject(before):
        return "speaker", []

    def nominative(k: int) -> bool:
        return t.nominal(k) and _agrees(verb, t.forms[k]) and t.can_hold(k) and (
            k == 0 or _pos(words[k - 1].text) != "PREP")

    def holders(ks: list[int]) -> list[_RuMention]:
        return list({id(m): m for k in ks for m in t.at.get(k, [])}.values())

    subjects = [k for k in before if nominative(k)]
    if not subjects and "plur" in grammemes:  # coordinated: "Вашингтон и Москва осудили …"
        nominals = [k for k in before if t.nominal(k) and "nomn" in t.cases(k) and t.can_hold(k)]
        if len(nominals) > 1 and any(words[k].lemma == "и" for k in range(nominals[0], nominals[-1])):
            subjects = nominals
    sentence = t.sentences[words[i].sentence]
    earlier = [k for k in sentence if k < clause[0]]
    if not subjects and earlier and not any(t.pos(k) == "NOUN" or k in t.at for k in before):
        # across commas: an apposition or a participle's phrase between ("Токаев, президент Казахстана, поблагодарил");
        # not past another verb, whose subject they would be
        if not any(t.pos(k) == "VERB" for k in earlier):
            subjects = [k for k in earlier if nominative(k)]
    if not subjects and (not earlier or not before or any(t.nominal(k) for k in before)):
        # after the verb, when its object comes first or it opens its clause or sentence ("Россию осудили США", "Его
        # поддержал народный артист", "…, заявил Токаев")
        subjects = [k for k in clause if k > i and nominative(k)][:1]
    if subjects:
        if indirect and all(words[k].text.lower() in _REPORTED_SPEAKER for k in subjects):
            return "speaker", []
        if t.speaker_subject(subjects):
            return "speaker", []
        return "other", holders(subjects)
    if indirect:
        return "speaker", []  # an indirect report's own verb ("[он заявил, что] поддерживает …")
    if "plur" in grammemes and ("3per" in grammemes or "past" in grammemes):
        # an indefinite plural ("в Вашингтоне осудили"): someone else; the place named before it holds it
        return "other", [m for m in t.in_clause(i, objects=False) if m.first < i and m.first > 0
                         and words[m.first - 1].lemma in ("в", "во") and "loct" in t.cases(m.first)]
    if "3per" in grammemes:
        return "other", []
    return "", []


def _object_after(t: _Text, i: int, same: list[_RuMention], *, marked: bool = False) -> _RuMention | None:
    """The mention right after verb ``i`` that is its object: an oblique case, only adjectives, particles or a noun of
    quantity between ("поддержать Токаева", "задержала сотни протестующих"; not "обвиняют в убийстве X"); with
    ``marked``, also one after a preposition of a patient ("напали на полицию").

    >>> ws = [_Word(0, 0, w, w.lower(), 0, 0) for w in "Мы призываем США поддержать Токаева".split()]
    >>> ms = [_RuMention(2, 2, 0, 0, "us", "alias", 0.0), _RuMention(4, 4, 0, 0, "kz", "alias", 0.0)]
    >>> _object_after(_Text(ws, ms, ms), 3, ms).target
    'kz'
    """
    after = sorted((m for m in same if m.first > i), key=lambda m: m.first)
    if not after:
        return None
    m = after[0]
    between = range(i + 1, m.first)
    if marked and m.first - 1 > i and t.words[m.first - 1].lemma in _PATIENT_PREPOSITIONS and all(
            t.pos(k) in ("ADJF", "PRTF", "PRCL", "PREP") for k in between):
        return m
    if any(t.pos(k) in ("PREP", "NOUN", "NPRO", "VERB", "INFN") and t.words[k].lemma not in _QUANTITIES
           for k in between):
        return None
    return m if t.cases(m.first) & OBLIQUE else None


def _attributive(t: _Text, i: int) -> bool:
    """Whether word ``i`` is a full participle or adjective, modifying a noun ("убитые протестующие", "задержанных
    демонстрантов"): it describes what happened to the noun, it is no act the sentence reports."""
    return t.pos(i) in ("PRTF", "ADJF")


def _agents(t: _Text, i: int, same: list[_RuMention]) -> list[_RuMention]:
    """Who does the act of harm of word ``i``, among ``same``: the instrumental agent of a passive ("атакованы
    боевиками"; one read as instrumental only, else one after the participle), the subjects of an active verb
    (:func:`_subject`: "боевики напали"), the genitive after a noun whose genitive is its agent ("нападение
    боевиков")."""
    pos = t.pos(i)
    if pos in ("PRTS", "ADJS") or (pos == "PRTF" and "pssv" in set(_tag(t.forms[i]).grammemes)):
        only = [m for m in same if t.cases(m.first) == {"ablt"}]
        return only or [m for m in same if m.first > i and "ablt" in t.cases(m.first)]
    if pos in ("VERB", "GRND"):
        kind, holders = _subject(t, i)
        return holders if kind == "other" else []
    if pos == "NOUN" and t.words[i].lemma in _AGENT_GENITIVE:
        return [m for m in same if m.first == i + 1 and "gent" in t.cases(m.first)]
    return []


def _marked(t: _Text, m: _RuMention) -> bool:
    """Whether a mention follows a preposition of a patient, or "в отношении"."""
    words = t.words
    return m.first > 0 and (words[m.first - 1].lemma in _PATIENT_PREPOSITIONS or (
        m.first > 1 and words[m.first - 2].lemma == "в" and words[m.first - 1].lemma == "отношение"))


def _patients(t: _Text, i: int) -> list[_RuMention]:
    """The mentions that suffer the act of harm of word ``i``, in its clause: the subject of its passive ("были убиты
    протестующие"; not its agent, "убиты силовиками"); after its noun, the genitive (not of a noun whose genitive is
    its agent, "нападение боевиков") or the object of "на"/"против"/"над"/"с"/"по"/"в отношении" ("разгон
    протестующих", "насилие в отношении протестующих"); the object right after its verb ("полиция задержала
    протестующих", "напали на полицию"), or an oblique one that opens the clause ("Протестующих разогнала полиция");
    every target named by the same words there. None for a participle that modifies a noun (:func:`_attributive`).

    >>> ws = [_Word(0, 0, w, w.lower(), 0, 0) for w in "Полиция задержала протестующих".split()]
    >>> ms = [_RuMention(0, 0, 0, 0, "p", "alias", 0.0), _RuMention(2, 2, 0, 0, "q", "alias", 0.0)]
    >>> [m.first for m in _patients(_Text(ws, ms, ms), 1)]
    [2]
    """
    same = t.in_clause(i)
    pos = t.pos(i)
    if pos in ("PRTS", "ADJS"):
        agents = _agents(t, i, same)
        return [m for m in same if m not in agents]
    if pos in ("PRTF", "ADJF"):
        return []
    after = sorted((m for m in same if 0 < m.first - i <= 3), key=lambda m: m.first)
    found: list[_RuMention] = []
    if pos == "NOUN":
        by_prep = [m for m in after if _marked(t, m)]
        if by_prep:
            found = [by_prep[0]]
        elif t.words[i].lemma not in _AGENT_GENITIVE and after and after[0].first <= i + 2 and "gent" in t.cases(
                after[0].first):
            found = [after[0]]
    elif pos in ("VERB", "INFN", "GRND"):
        obj = _object_after(t, i, same, marked=True)
        first = t.clause(i)[0]
        opener = [m for m in same if m.last < i and m.first == first and "nomn" not in t.cases(m.first)
                  and t.cases(m.first) & OBLIQUE]
        found = [obj] if obj is not None else opener[:1]
    return [m for m in same if any(m.first == f.first for f in found)]


def _has_object(t: _Text, i: int) -> bool:
    """Whether the act of harm of word ``i`` is done to something, named or not, in its clause: a passive always is
    ("были убиты 24 солдата"); a noun, when a genitive noun or a preposition of a patient follows it ("убийство
    журналиста", "нападение на базу"); a verb, when a noun, pronoun or participle in an oblique case is beside it
    ("задержали журналистов", "его арестовали")."""
    if t.pos(i) in ("PRTS", "ADJS"):
        return True
    clause = t.clause(i)
    nxt = [k for k in clause if i < k <= i + 3]
    if t.pos(i) == "NOUN":
        return bool(nxt) and (t.words[nxt[0]].lemma in _PATIENT_PREPOSITIONS or (
            t.nominal(nxt[0]) and "gent" in t.cases(nxt[0])))
    near = nxt + [k for k in clause if i - 2 <= k < i]
    return any((t.nominal(k) or t.pos(k) in ("ADJF", "PRTF")) and t.cases(k) & OBLIQUE and "nomn" not in t.cases(k)
               for k in near)


def _own_act(t: _Text, i: int, negators: frozenset[str]) -> bool:
    """Whether verb ``i`` is the speaker's own act: in the first person ("уничтожим"), or after "я"/"мы" right before
    it, or an infinitive that hangs on a word of the speaker's intention, duty or order ("мы будем уничтожать", "я
    приказал разогнать"); not negated in its clause ("мы не будем …"), not a call on others ("призываем разогнать"),
    not "нам приказали …".

    >>> ws = [_Word(0, 0, w, w.lower(), 0, 0) for w in "мы не будем уничтожать их".split()]
    >>> ws += [_Word(0, 0, w, w.lower(), 1, 0) for w in "а уничтожим бандитов".split()]
    >>> ws[2].lemma, ws[6].lemma = "быть", "уничтожить"
    >>> t = _Text(ws, [], [])
    >>> [_own_act(t, k, frozenset({"не"})) for k in (3, 6)]
    [False, True]
    """
    tag = _tag(t.forms[i])
    if tag is None:
        return False
    pos, grammemes = str(tag.POS or ""), set(tag.grammemes)
    before = [k for k in t.clause(i) if k < i]
    if any(t.words[k].lemma in negators for k in before):
        return False
    if pos == "VERB":
        return "1per" in grammemes or any(t.words[k].text.lower() in _SPEAKER_FORMS for k in before[-2:])
    if pos != "INFN":
        return False
    governor = next((k for k in reversed(before) if t.pos(k) in ("VERB", "ADJS", "INFN")), None)
    if governor is None or not (t.words[governor].lemma in _OWN_INTENT or lemmas(t.words[governor].text) & _OWN_INTENT):
        return False
    gtag = _tag(t.forms[governor])
    return (gtag is not None and "1per" in gtag.grammemes) or any(
        t.words[k].text.lower() in _SPEAKER_FORMS for k in before if k < governor)


def _judged_harm(t: _Text, i: int, harmed: dict[int, list[_RuMention]]) -> int:
    """The act of harm that cue word ``i`` judges (-1: none): the noun or verb that follows it in its clause with at
    most one adjective or participle between ("осуждаем жестокий разгон протестующих", "незаконно задержали"; not
    "поддержка протестующих и насилие", where another noun comes first); or, said as a predicate or an adverb, one
    before it in its sentence with only a copula between ("задержание протестующих было незаконным", "удар по Сирии —
    преступление", "задержали протестующих незаконно")."""
    words = t.words
    modifiers = 0
    for j in t.clause(i):
        if j <= i:
            continue
        if j in harmed:
            return j
        if t.pos(j) not in ("PREP", "CONJ", "PRCL"):
            modifiers += 1
            if modifiers > 1 or t.pos(j) not in ("ADJF", "PRTF"):
                break
    pos = t.pos(i)
    if pos not in ("ADJF", "ADJS", "NOUN", "PRTS", "ADVB"):  # a predicate or an adverb, not a verb with a subject
        return -1
    for j in reversed(t.sentences[words[i].sentence]):
        if j >= i:
            continue
        if j in harmed and (t.pos(j) == "NOUN" or (pos == "ADVB" and words[j].clause == words[i].clause)):
            return j
        if t.pos(j) in ("VERB", "INFN") and words[j].lemma not in _COPULAS and j not in harmed:
            return -1
    return -1


def _judgment_roles(t: _Text, i: int, verbs: frozenset[str], *,
                    indirect: bool = False) -> tuple[str, list[_RuMention], _RuMention | None]:
    """Who holds the judgment of verb ``i`` (one of ``verbs``, the ``judgment_verbs``) and what it judges: the kind of
    holder and its target mentions (:func:`_subject`; a passive's agent, "поддержан Западом"), and the verb's object
    (:func:`_object_after`; an object before the verb when its subject follows it, "Россию осудили США"; an infinitive
    has no holder here: "призываем США поддержать Токаева" is the speaker's call).

    >>> ws = [_Word(0, 0, w, w.lower(), 0, 0) for w in "США осудили Россию".split()]
    >>> ms = [_RuMention(0, 0, 0, 0, "us", "alias", 0.0), _RuMention(2, 2, 0, 0, "ru", "alias", 0.0)]
    >>> ws[1].lemma = "осудить"
    >>> kind, holders, obj = _judgment_roles(_Text(ws, ms, ms), 1, frozenset({"осудить"}))
    >>> kind, [m.target for m in holders], obj.target
    ('other', ['us'], 'ru')
    """
    w = t.words[i]
    if not verbs or not _is_harm(w, verbs):
        return "", [], None
    same = t.in_clause(i)
    pos = t.pos(i)
    if pos in ("PRTS",) or (pos == "PRTF" and "pssv" in set(_tag(t.forms[i]).grammemes)):
        agents = _agents(t, i, same)
        return ("other", agents, None) if agents else ("", [], None)
    if pos not in ("VERB", "GRND", "INFN"):
        return "", [], None
    obj = _object_after(t, i, same)
    if pos == "INFN":
        return "", [], obj
    kind, holders = _subject(t, i, indirect=indirect)
    if obj is not None and any(m is obj for m in holders) or (obj is None and any(m.first > i for m in holders)):
        # the subject after the verb: the object came first ("Протестующих осудил Токаев")
        obj = next((m for m in reversed(same) if m.last < i and t.cases(m.first) & OBLIQUE
                    and all(m is not h for h in holders)), None)
    return kind, [m for m in holders if m is not obj], obj


def _reported_frames(t: _Text, verbs: frozenset[str], *, indirect: bool,
                     own: Callable[[_RuMention], bool]) -> dict[int, tuple[int, int]]:
    """Per sentence, the stretch of words that relays someone else's words, (first, last) word index: after a verb of
    saying or thinking (``holder_verbs``, "назвать") whose subject is a third party (:func:`_subject`; not a target of
    the speaker's own side, ``own``) — or before it, when it follows what it reports ("…, заявил Токаев") — or after a
    source opening the sentence ("По словам Токаева, …", "Как заявил Токаев, …"); up to a contrast ("но", "однако")
    or to a clause of the speaker's own ("…, а я считаю …").
    """
    words, out = t.words, {}
    saying = verbs | _SAYING
    for s_i, ks in t.sentences.items():
        first = ks[0]
        for k in ks:
            w = words[k]
            if k == first and w.lemma == "по" and len(ks) > 1 and words[ks[1]].lemma in _SOURCE_NOUNS:
                start = t.clause(k)[-1] + 1
            elif _is_harm(w, saying):
                kind, holders = _subject(t, k, indirect=indirect)
                if kind != "other" or any(own(m) for m in holders):
                    continue
                clause = t.clause(k)
                if any(m.first > k for m in holders) and clause[0] == k and clause[0] > first and (
                        words[first].lemma != "как"):
                    out[s_i] = (first, k - 1)  # "…, заявил Токаев": what comes before is his
                    break
                start = clause[-1] + 1 if words[clause[0]].lemma == "как" else k + 1  # "Как заявил Токаев, …"
            else:
                continue
            end = next((j - 1 for j in ks if j >= start and (
                words[j].lemma in _CONTRASTS or words[j].text.lower() in _SPEAKER_FORMS)), ks[-1])
            if end >= start:
                out[s_i] = (start, end)
            break
    return out


def _place(t: _Text, m: _RuMention) -> bool:
    """Whether a mention names a place, in the locative after "в"/"во"/"на" ("в Сирии", "на Украине"); not the place
    that holds an indefinite plural after it ("в Вашингтоне совершили ошибку": Washington's)."""
    words = t.words
    if m.first == 0 or words[m.first - 1].lemma not in ("в", "во", "на"):
        return False
    if "loct" not in t.cases(m.first) or "accs" in t.cases(m.first):
        return False
    for k in t.clause(m.first):
        if k > m.last and t.pos(k) == "VERB" and "plur" in _tag(t.forms[k]).grammemes:
            kind, holders = _subject(t, k)
            if kind == "other" and any(h is m for h in holders):
                return False
    return True
