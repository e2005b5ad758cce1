"""Grammatical roles in a Russian quote, read from pymorphy3's morphology (private to :mod:`kzlib.stance.russian`).

Russian marks roles by case, not by word order, so who does what to whom is read from each word's readings: the
subject is a nominative that agrees with the verb in number (and gender, in the past), the object an oblique case
right after the verb or marked by a preposition, the agent of a passive an instrumental. Where the dictionary does not
know a capitalised name ("Токаев" reads as a genitive plural of "токай") every case is possible.

- :func:`_subject` — who holds a verb of judgment ("США осудили Россию": the United States), or that someone else
  does ("миллионы граждан поддерживают …", "в Вашингтоне осудили …"), or that the speaker does ("мы осуждаем …").
- :func:`_object_after` — what a verb judges or harms: the mention right after it ("поддержать Токаева").
- :func:`_patients` — what suffers an act of harm ("были убиты протестующие", "разгон протестующих").
- :func:`_agents` — who does an act of harm ("боевики напали", "нападение боевиков", "атакованы боевиками").
- :func:`_own_act` — whether an act is the speaker's own ("мы подавим …", "я приказал разогнать …").
"""

from __future__ import annotations

from dataclasses import dataclass
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
_FIRST_PERSON = frozenset({"я", "мы"})
_SECOND_PERSON = frozenset({"ты", "вы"})
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
    dictionary reads as no name ("Токаев" is read as a genitive plural of "токай")."""
    ps = parses(word.lower())
    if word[:1].isupper() and not any(_PROPER & set(p.tag.grammemes) for p in ps):
        return tuple((c, "", "") for c in sorted(ALL_CASES))
    return tuple((str(p.tag.case), str(p.tag.number or ""), str(p.tag.gender or "")) for p in ps if p.tag.case)


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


def _in_clause(words: list[_Word], i: int, objects: list[_RuMention]) -> list[_RuMention]:
    """The mentions in word ``i``'s clause, not spanning it."""
    return [m for m in objects if words[m.first].clause == words[i].clause and not m.first <= i <= m.last]


def _nearest(pool: list[_RuMention], i: int) -> _RuMention:
    """The mention of ``pool`` nearest to word ``i`` (the earlier on a tie)."""
    return min(pool, key=lambda m: (_distance(m, i), m.first))


def _distance(m: _RuMention, i: int) -> int:
    return min(abs(m.first - i), abs(m.last - i))


def _is_passive(word: str) -> bool:
    """A passive participle, short or full, or a short adjective made from one ("убиты", "арестованный", "избиты")."""
    tag = _tag(word)
    pos = str(tag.POS or "") if tag is not None else ""
    return pos in ("PRTS", "ADJS") or (pos == "PRTF" and "pssv" in tag.grammemes)


def _is_nominal(word: str, index: int, words: list[_Word]) -> bool:
    return _pos(word) in ("NOUN", "NPRO") or (words[index].text[:1].isupper() and _pos(word) == "")


def _object_after(words: list[_Word], i: int, same: list[_RuMention], *, marked: bool = False) -> _RuMention | None:
    """The mention right after verb ``i`` that is its object: an oblique case, only adjectives or particles between
    ("поддержать Токаева", "осудили ввод войск"; not "обвиняют в убийстве X", where a preposition and a noun come first);
    with ``marked``, also one after a preposition of a patient ("напали на полицию").

    >>> ws = [_Word(0, 0, t, t.lower(), 0, 0) for t in "Мы призываем США поддержать Токаева".split()]
    >>> ms = [_RuMention(2, 2, 0, 0, "us", "alias", 0.0), _RuMention(4, 4, 0, 0, "kz", "alias", 0.0)]
    >>> _object_after(ws, 3, ms).target
    'kz'
    """
    after = sorted((m for m in same if m.first > i), key=lambda m: m.first)
    if not after:
        return None
    m = after[0]
    between = range(i + 1, m.first)
    if marked and m.first - 1 > i and words[m.first - 1].lemma in _PATIENT_PREPOSITIONS and all(
            _pos(words[k].text) in ("ADJF", "PRTF", "PRCL", "PREP") for k in between):
        return m
    if any(_pos(words[k].text) in ("PREP", "NOUN", "NPRO", "VERB", "INFN") and words[k].lemma not in _QUANTITIES
           for k in between):
        return None
    return m if _cases(words[m.first].text) & OBLIQUE else None


def _subject(words: list[_Word], i: int, same: list[_RuMention], *,
             indirect: bool = False) -> tuple[str, list[_RuMention]]:
    """Who holds verb ``i``: ("speaker", []) for the first person (or, in an indirect report, "он"/"она"/"они": mostly
    the speaker), ("other", mentions) for a third party (the target mentions among its subjects, or the place named
    as the holder of an indefinite plural, "в Вашингтоне осудили …"), ("", []) when no subject is read.

    >>> ws = [_Word(0, 0, t, t.lower(), 0, 0) for t in "США осудили Россию".split()]
    >>> ms = [_RuMention(0, 0, 0, 0, "us", "alias", 0.0), _RuMention(2, 2, 0, 0, "ru", "alias", 0.0)]
    >>> kind, holders = _subject(ws, 1, ms)
    >>> kind, [m.target for m in holders]
    ('other', ['us'])
    """
    verb = words[i].text
    tag = _tag(verb)
    if tag is None or str(tag.POS or "") not in ("VERB", "GRND"):
        return "", []
    grammemes = set(tag.grammemes)
    clause = [k for k in range(len(words)) if words[k].clause == words[i].clause]
    before = [k for k in clause if k < i]
    if grammemes & {"1per", "2per"} or any(words[k].lemma in _FIRST_PERSON | _SECOND_PERSON for k in before):
        return "speaker", []

    def nominative(k: int) -> bool:
        return _is_nominal(words[k].text, k, words) and _agrees(verb, words[k].text) and (
            k == 0 or _pos(words[k - 1].text) not in ("PREP", "CONJ") or words[k - 1].lemma == "и") and (
            _can_hold(words[k]) or any(m.first <= k <= m.last for m in same))

    def mentions_at(ks: list[int]) -> list[_RuMention]:
        return [m for m in same if any(m.first <= k <= m.last for k in ks)]

    subjects = [k for k in before if nominative(k)]
    if not subjects and "plur" in grammemes:  # coordinated: "Вашингтон и Москва осудили …"
        nominals = [k for k in before if _is_nominal(words[k].text, k, words) and "nomn" in _cases(words[k].text)]
        if len(nominals) > 1 and any(words[k].lemma == "и" for k in range(nominals[0], nominals[-1])):
            subjects = nominals
    if not subjects and any(_is_nominal(words[k].text, k, words) for k in before):
        # an object first: the subject follows the verb ("Россию осудили США", "Его поддержал народный артист")
        subjects = [k for k in clause if k > i and nominative(k)][:1]
    if subjects:
        if all(words[k].lemma in _REPORTED_SPEAKER for k in subjects) and indirect:
            return "speaker", []
        return "other", mentions_at(subjects)
    if any(_is_nominal(words[k].text, k, words) and "nomn" in _cases(words[k].text) and _can_hold(words[k])
           for k in before):
        return "other", []  # a subject the verb does not agree with ("большинство граждан поддерживают …")
    if "plur" in grammemes and "3per" in grammemes or ("past" in grammemes and "plur" in grammemes):
        # an indefinite plural ("в Вашингтоне осудили"): someone else; the place named before it holds it
        return "other", [m for m in same if m.last < i and m.first > 0 and words[m.first - 1].lemma in ("в", "во")
                         and "loct" in _cases(words[m.first].text)]
    return "", []


#: bodies that say, judge and decide, though the dictionary counts them inanimate ("правительство заявило")
_BODIES = frozenset("""правительство министерство ведомство власть администрация партия организация руководство
мид кремль парламент дума сенат конгресс суд прокуратура комитет совет союз коалиция альянс компания издание газета
агентство посольство штаб командование оппозиция общественность сообщество запад оон оон нато одкб ес
пресс-служба служба аппарат канцелярия""".split())


def _can_hold(w: _Word) -> bool:
    """Whether a word can hold a view or judge: a person or animal (pymorphy3's "anim" in its likeliest reading), a
    pronoun, a body (:data:`_BODIES`), or a capitalised name ("подрыв" cannot: "оценил ситуацию как подрыв … и
    сообщил": the accusative is no speaker)."""
    tag = _tag(w.text)
    if tag is None:
        return w.text[:1].isupper()
    return ("anim" in tag.grammemes or str(tag.POS or "") == "NPRO" or w.lemma in _BODIES
            or bool(lemmas(w.text) & _BODIES) or (w.text[:1].isupper() and bool(_PROPER & set(tag.grammemes))))


def _agents(words: list[_Word], i: int, same: list[_RuMention]) -> list[_RuMention]:
    """Who does the act of harm of word ``i``, among ``same``: the instrumental agent of a passive ("атакованы
    боевиками"; one read as instrumental only, else one after the participle), the agreeing nominatives before an
    active verb ("боевики напали"), the genitive after a noun whose genitive is its agent ("нападение боевиков")."""
    text = words[i].text
    if _is_passive(text) or _pos(text) in ("PRTF", "ADJF"):
        only = [m for m in same if _cases(words[m.first].text) == {"ablt"}]
        return only or [m for m in same if m.first > i and "ablt" in _cases(words[m.first].text)]
    if _pos(text) in ("VERB", "GRND"):
        return [m for m in same if m.last < i and _agrees(text, words[m.first].text)]
    if _pos(text) == "NOUN" and words[i].lemma in _AGENT_GENITIVE:
        return [m for m in same if m.first == i + 1 and "gent" in _cases(words[m.first].text)]
    return []


def _patients(words: list[_Word], i: int, objects: list[_RuMention]) -> list[_RuMention]:
    """The mentions that suffer the act of harm of word ``i``, in its clause: the subject of its passive ("были убиты
    протестующие"; not its agent, "убиты силовиками"); the noun its participle modifies ("убитых протестующих"); after its
    noun, the genitive (not of a noun whose genitive is its agent, "нападение боевиков") or the object of "на"/"против"/
    "над"/"с"/"по"/"в отношении" ("разгон протестующих", "насилие в отношении протестующих"); the object right after its
    verb ("полиция задержала протестующих", "напали на полицию"), or an oblique one that opens the clause ("Протестующих
    разогнала полиция"); every target named by the same words there.

    >>> ws = [_Word(0, 0, t, t.lower(), 0, 0) for t in "Полиция задержала протестующих".split()]
    >>> [m.first for m in _patients(ws, 1, [_RuMention(0, 0, 0, 0, "p", "alias", 0.0),
    ...                                      _RuMention(2, 2, 0, 0, "q", "alias", 0.0)])]
    [2]
    """
    text = words[i].text
    same = _in_clause(words, i, objects)
    if _is_passive(text):
        agents = _agents(words, i, same)
        return [m for m in same if m not in agents]
    pos = _pos(text)
    if pos in ("PRTF", "ADJF"):  # "убитых солдат", "арестованный пакистанец"
        return [m for m in same if 0 < m.first - i <= 2]
    after = sorted((m for m in same if 0 < m.first - i <= 3), key=lambda m: m.first)
    found: list[_RuMention] = []
    if pos == "NOUN":
        by_prep = [m for m in after if _marked(words, m)]
        if by_prep:
            found = [by_prep[0]]
        elif words[i].lemma not in _AGENT_GENITIVE and after and after[0].first <= i + 2 and "gent" in _cases(
                words[after[0].first].text):
            found = [after[0]]
    elif pos in ("VERB", "INFN", "GRND"):
        obj = _object_after(words, i, same, marked=True)
        opener = [m for m in same if m.last < i and m.first == min(k for k in range(len(words))
                                                                     if words[k].clause == words[i].clause)
                  and "nomn" not in _cases(words[m.first].text) and _cases(words[m.first].text) & OBLIQUE]
        found = [obj] if obj is not None else opener[:1]
    return [m for m in same if any(m.first == f.first for f in found)]


def _marked(words: list[_Word], m: _RuMention) -> bool:
    """Whether a mention follows a preposition of a patient, or "в отношении"."""
    return m.first > 0 and (words[m.first - 1].lemma in _PATIENT_PREPOSITIONS or (
        m.first > 1 and words[m.first - 2].lemma == "в" and words[m.first - 1].lemma == "отношение"))


def _has_object(words: list[_Word], i: int) -> bool:
    """Whether the act of harm of word ``i`` has something it is done to, named or not, in its clause: a passive or a
    participle always does ("были убиты 24 солдата"); a noun, a genitive noun or a preposition of a patient right after
    it ("убийство журналиста", "нападение на базу"); a verb, a noun or pronoun in an oblique case after it, no more
    than three words on ("задержали журналистов", "его арестовали")."""
    text = words[i].text
    if _is_passive(text) or _pos(text) in ("PRTF", "ADJF"):
        return True
    nxt = [k for k in range(i + 1, min(len(words), i + 4)) if words[k].clause == words[i].clause]
    if _pos(text) == "NOUN":
        return bool(nxt) and (words[nxt[0]].lemma in _PATIENT_PREPOSITIONS or (
            _is_nominal(words[nxt[0]].text, nxt[0], words) and "gent" in _cases(words[nxt[0]].text)))
    before = [k for k in range(i) if words[k].clause == words[i].clause]
    return any((_is_nominal(words[k].text, k, words) or _pos(words[k].text) in ("ADJF", "PRTF"))
               and _cases(words[k].text) & OBLIQUE and "nomn" not in _cases(words[k].text) for k in nxt + before[-2:])


def _own_act(words: list[_Word], i: int, negators: frozenset[str]) -> bool:
    """Whether verb ``i`` is the speaker's own act: in the first person ("уничтожим"), or after "я"/"мы" right before
    it, or an infinitive that hangs on a word of the speaker's intention, duty or order ("мы будем уничтожать", "я
    приказал разогнать"); not negated in its clause ("мы не будем …"), not a call on others ("призываем разогнать").

    >>> ws = [_Word(0, 0, t, t.lower(), 0, 0) for t in "мы не будем уничтожать их".split()]
    >>> ws += [_Word(0, 0, t, t.lower(), 1, 0) for t in "а уничтожим бандитов".split()]
    >>> ws[2].lemma, ws[6].lemma = "быть", "уничтожить"
    >>> [_own_act(ws, k, frozenset({"не"})) for k in (3, 6)]
    [False, True]
    """
    tag = _tag(words[i].text)
    if tag is None:
        return False
    pos, grammemes = str(tag.POS or ""), set(tag.grammemes)
    before = [k for k in range(i) if words[k].clause == words[i].clause]
    if any(words[k].lemma in negators for k in before):
        return False
    if pos == "VERB":
        return "1per" in grammemes or any(words[k].lemma in _FIRST_PERSON for k in before[-2:])
    if pos != "INFN":
        return False
    governor = next((k for k in reversed(before) if _pos(words[k].text) in ("VERB", "ADJS", "INFN")), None)
    if governor is None or not (_tag(words[governor].text) and (
            words[governor].lemma in _OWN_INTENT or lemmas(words[governor].text) & _OWN_INTENT)):
        return False
    return "1per" in set(_tag(words[governor].text).grammemes) or any(
        words[k].lemma in _FIRST_PERSON for k in before if k < governor)


def _judged_harm(words: list[_Word], i: int, harmed: dict[int, list[_RuMention]]) -> int:
    """The act of harm that cue word ``i`` judges (-1: none): the noun or verb that follows it in its clause with at
    most one adjective or participle between ("осуждаем жестокий разгон протестующих"; not "поддержка протестующих и
    насилие", where another noun comes first), or, as a predicate, a noun of harm before it in its sentence with only
    a copula between ("задержание протестующих было незаконным", "удар по Сирии — преступление")."""
    modifiers = 0
    for j in range(i + 1, len(words)):
        if words[j].clause != words[i].clause:
            break
        if j in harmed:
            return j
        if _pos(words[j].text) not in ("PREP", "CONJ", "PRCL"):
            modifiers += 1
            if modifiers > 1 or _pos(words[j].text) not in ("ADJF", "PRTF"):
                break
    if _pos(words[i].text) not in ("ADJF", "ADJS", "NOUN", "PRTS"):  # a predicate, not a verb with a subject
        return -1
    for j in range(i - 1, -1, -1):
        if words[j].sentence != words[i].sentence:
            return -1
        if j in harmed and _pos(words[j].text) == "NOUN":
            return j
        if _pos(words[j].text) in ("VERB", "INFN") and words[j].lemma not in _COPULAS:
            return -1
    return -1


def _judgment_roles(words: list[_Word], i: int, objects: list[_RuMention], verbs: frozenset[str], *,
                    indirect: bool = False) -> tuple[str, list[_RuMention], _RuMention | None]:
    """Who holds the judgment of verb ``i`` (one of ``verbs``, the ``judgment_verbs``) and what it judges: the kind of
    holder and its target mentions (:func:`_subject`; a passive's agent, "поддержан Западом"), and the verb's object
    (:func:`_object_after`; an infinitive has no holder here: "призываем США поддержать Токаева" is the speaker's call).

    >>> ws = [_Word(0, 0, t, t.lower(), 0, 0) for t in "США осудили Россию".split()]
    >>> ms = [_RuMention(0, 0, 0, 0, "us", "alias", 0.0), _RuMention(2, 2, 0, 0, "ru", "alias", 0.0)]
    >>> ws[1].lemma = "осудить"
    >>> kind, holders, obj = _judgment_roles(ws, 1, ms, frozenset({"осудить"}))
    >>> kind, [m.target for m in holders], obj.target
    ('other', ['us'], 'ru')
    """
    w = words[i]
    if not verbs or not (w.lemma in verbs or lemmas(w.text) & verbs):
        return "", [], None
    same = _in_clause(words, i, objects)
    if _is_passive(w.text):
        agents = _agents(words, i, same)
        return ("other", agents, None) if agents else ("", [], None)
    if _pos(w.text) not in ("VERB", "GRND", "INFN"):
        return "", [], None
    obj = _object_after(words, i, same)
    if _pos(w.text) == "INFN":
        return "", [], obj
    kind, holders = _subject(words, i, same, indirect=indirect)
    if obj is not None and any(m is obj for m in holders):  # the subject after the verb: the object came first
        obj = next((m for m in reversed(same) if m.last < i and _cases(words[m.first].text) & OBLIQUE), None)
    return kind, [m for m in holders if m is not obj], obj
