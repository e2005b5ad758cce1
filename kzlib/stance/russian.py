"""The rule method on Russian quotes: the steps of :mod:`kzlib.stance.rules`, on lemmas.

A quote is Russian by its ``language`` (``ru…``) or, without one, by its letters (mostly Cyrillic).
Its targets are found by their ``ru_aliases`` / ``ru_favor_terms`` / ``ru_against_terms`` (words in
dictionary form, matched on pymorphy3 lemmas of razdel tokens, so "Токаев" finds "Токаева"), its
cues in ``kzlib/data/ru/stance_cues.yaml``. As in English: loaded naming carries its stance; a cue
goes to a target in its own clause first, else the nearest in its sentence, else the nearest in the
quote at half weight, else (a quote naming no target) to the targets of its attribution context; a
negator shortly before a cue reverses it, an intensifier strengthens it, a hedge in the sentence
weakens it; a distancing marker ("якобы", "так называемый") reverses what follows it in the
sentence; a rhetorical question ("Разве …?") doubts the targets it names; a target followed by a
verb of saying or thinking ("Москва считает …") holds the opinion and is not its object; a cue
governed by "от"/"против" ("защитить от вмешательства") names what is opposed, not the target, and
does not count for it; nor does a negative noun or adjective that is the object of a word of countering
("в преодолении террористической угрозы", ``counter_frames_ru`` in ``kzlib/data/stance_cues.yaml``),
except for a target named as its agent right beside it ("агрессии НАТО"). A negator negates the noun
phrase it opens: "не первая попытка вмешательства" does not negate the interference. Quotation marks
in an indirect report are the writer's, around the speaker's own words: no distancing; nor are they around a proper
name, which Russian typography sets in «guillemets» («Нур Отан», «Единая Россия»), and "якобы" before a name disputes
the claim, not the name. Roles are read from morphology (:mod:`kzlib.stance._ru_roles`): the subject of a verb of
judgment (``judgment_verbs``) holds it and its object gets it, relayed ("США осудили Россию"), and is no object of the
other cues of its clause; after a third party's verb of saying the words are relayed ("США заявили, что …", "По словам
Токаева, …"); what suffers an act of harm (``harm_acts``: the passive's subject, the oblique object) is not evaluated
by it, and the act evaluates no one else unless it is an act of aggression (``agentive_harm``), which evaluates who
commits it; a judgment of the act (``harm_judgments``) is reversed for what suffers it and holds for who does it
("осуждаем расстрел протестующих"); the speaker's own act of harm (``hostile_acts``) is against what suffers it ("мы
подавим …"); a place in the locative ("в Сирии") is no object of a cue, and a cue kept from its nearest target
evaluates no one. VADER is English-only and not used. The numeric factors are the English
file's (``negation_factor``, ``hedge_factor`` …), so both languages weigh alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kzlib.russian.nlp import lemma, lemmas, parses, sentences, tokens
from kzlib.russian.stance import RussianCues
from kzlib.stance._decision import _Contribution
from kzlib.stance._ru_roles import (
    _agents,
    _attributive,
    _distance,
    _has_object,
    _is_harm,
    _judged_harm,
    _judgment_roles,
    _named,
    _nearest,
    _own_act,
    _patients,
    _place,
    _pos,
    _reported_frames,
    _RuMention,
    _Text,
    _Word,
)
from kzlib.stance.targets import Target
from kzlib.text.tokens import word_forms

__all__: list[str] = []

_BREAK_CHARS = set(",;:()—–-")  # not quotation marks: Russian sets names in them («Хезболла» осудила …)
_QUOTE_MARKS = set("\"«»„“”'")
_SO_CALLED = ("так", "называемый")  # the distancing marker that may dispute a proper name ("так называемое Приднестровье")
_OPPOSED_PREPOSITIONS = frozenset({"от", "против"})  # "защитить от вмешательства": what is opposed
_ACCUSING = frozenset({"обвинить", "обвинять", "подозревать", "заподозрить", "уличить", "уличать"})  # "… в + the charge"


_keys = word_forms  # the forms a word is matched by (lemmas; an adjective or participle also as masculine)


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    target: str
    kind: str  # alias, favor_term, against_term
    polarity: float


@dataclass
class RuLexicon:
    phrases: list[_Phrase]  # longest first
    cues: RussianCues
    params: dict[str, float]
    own_side: dict[str, set[str]]
    by_first: dict[str, list[int]] = field(default_factory=dict)  # first word -> places in ``phrases``
    counter_frames: frozenset[str] = frozenset()  # lemmas of countering ("преодоление", "борьба")

    def __post_init__(self) -> None:
        for i, ph in enumerate(self.phrases):
            self.by_first.setdefault(ph.words[0], []).append(i)


def ru_lexicon(targets: list[Target], cues: RussianCues, params: dict[str, float],
               own_side: dict[str, set[str]], *, counter_frames: frozenset[str] = frozenset()) -> RuLexicon:
    """The Russian phrases of these targets, longest first (ties in file order); ``counter_frames``: the
    lemmas of countering (``counter_frames_ru`` of ``kzlib/data/stance_cues.yaml``)."""
    phrases = []
    for t in targets:
        for kind, pol, items in (("against_term", -1.0, t.ru_against_terms), ("favor_term", 1.0, t.ru_favor_terms),
                                 ("alias", 0.0, t.ru_aliases)):
            for item in items:
                words = tuple(w.lower().replace("ё", "е") for w in str(item).split())
                if words:
                    phrases.append(_Phrase(words, t.name, kind, pol))
    phrases.sort(key=lambda p: -len(p.words))  # stable: loaded terms before aliases of the same length
    return RuLexicon(phrases, cues, params, own_side, counter_frames=counter_frames)


def _words(text: str, sents: list[tuple[int, int]], conj: frozenset[str]) -> list[_Word]:
    out: list[_Word] = []
    clause, s_i = 0, 0
    for tok in tokens(text):
        while s_i + 1 < len(sents) and tok.start >= sents[s_i + 1][0]:
            s_i += 1
            clause += 1
        if not any(ch.isalpha() for ch in tok.text):
            if any(ch in _BREAK_CHARS for ch in tok.text):
                clause += 1
            continue
        lem = lemma(tok.text)
        if lem in conj:
            clause += 1
        out.append(_Word(tok.start, tok.end, tok.text, lem, clause, s_i))
    return out


def _find(words: list[_Word], lex: RuLexicon) -> list[_RuMention]:
    keys = [_keys(w.text) for w in words]
    found: list[_RuMention] = []
    i = 0
    while i < len(words):
        best: list[_Phrase] = []
        places = sorted({j for k in keys[i] for j in lex.by_first.get(k, ())})
        for ph in (lex.phrases[j] for j in places):
            if best and len(ph.words) < len(best[0].words):
                break
            n = len(ph.words)
            if i + n <= len(words) and all(ph.words[k] in keys[i + k] for k in range(n)):
                if not best or (len(ph.words) == len(best[0].words) and all(b.target != ph.target for b in best)):
                    best.append(ph)
        if not best:
            i += 1
            continue
        n = len(best[0].words)
        for ph in best:
            found.append(_RuMention(i, i + n - 1, words[i].start, words[i + n - 1].end, ph.target, ph.kind,
                                    ph.polarity))
        i += n
    return found


def score_text_ru(
    text: str, lex: RuLexicon, *, context: str = "", speaker_sides: frozenset[str] = frozenset(),
    writer_marks: bool = False,
) -> tuple[dict[str, list[_Contribution]], list[tuple[int, int]], str, dict[str, str]]:
    """Score one Russian quote against every target: contributions per target, sentences, the text and
    where each concerned target was found (``quote`` or ``context``), as :func:`rules._score_text`
    (``writer_marks``: the quotation marks in the text are the writer's, around the speaker's own words)."""
    text = text or ""
    c, p = lex.cues, lex.params
    sents = [(a, b) for a, b, s in sentences(text) if s.strip()]
    words = _words(text, sents, c.clause_conjunctions)
    mentions = _find(words, lex)
    if not mentions and not context:
        return {}, sents, text, {}
    for m in mentions:  # "Москва считает …": the target holds the opinion
        nxt = [w for w in words[m.last + 1:m.last + 3] if w.clause == words[m.last].clause]
        m.holder = m.kind == "alias" and any(_keys(w.text) & c.holder_verbs for w in nxt)
    objects = [m for m in mentions if not m.holder]
    tx = _Text(words, mentions, objects)
    # a place named in the locative after "в"/"на" ("в Сирии", "на Украине") is where something happens: no object of
    # the general cues (it may still hold a judgment: "в Вашингтоне осудили …")
    places = {id(m) for m in objects if m.kind == "alias" and _place(tx, m)}
    contrib: dict[str, list[_Contribution]] = {}
    concerned: dict[str, str] = {}
    for m in objects:
        concerned.setdefault(m.target, "quote")

    def add(target: str, value: float, lexical: bool, label: str, sent: int, relayed: bool = False) -> None:
        contrib.setdefault(target, []).append(_Contribution(target, value, lexical, label, sent, relayed))

    ctx_targets: list[str] = []
    if context and not mentions:
        cw = _words(context, [(a, b) for a, b, _ in sentences(context)], c.clause_conjunctions)
        ctx_targets = sorted({m.target for m in _find(cw, lex)})

    def negated(i: int, window: int) -> bool:
        # a negator negates the noun phrase it opens: a noun between it and the cue heads that phrase,
        # and the cue depends on it ("не первая попытка вмешательства": the attempt is not the first)
        for j in range(i - 1, max(-1, i - 1 - window), -1):
            if words[j].clause != words[i].clause:
                return False
            if words[j].lemma in c.negators:
                return not any(_is_noun(words[k].text) for k in range(j + 1, i))
        return False

    def distanced(i: int, *, name: bool | None = None) -> bool:
        # a distancing marker earlier in the sentence. Of a naming (``name``: whether it is a proper name), right
        # before it, or an adjective between ("так называемые российские миротворцы"); a proper name only after "так
        # называемый": "якобы Гордон застрелил …" disputes the claim, not the name
        naming = name is not None
        for j in range(i - 1, -1 if not naming else max(-1, i - 3), -1):
            if words[j].sentence != words[i].sentence:
                return False
            if naming and j < i - 1 and _pos(words[j + 1].text) != "ADJF":
                return False
            for marker in c.distancing_markers:
                n = len(marker)
                if j - n + 1 >= 0 and all(marker[k] in _keys(words[j - n + 1 + k].text) for k in range(n)):
                    return not name or marker == _SO_CALLED
        return False

    in_mention: set[int] = set()
    for m in mentions:
        in_mention.update(range(m.first, m.last + 1))
    # what suffers each act of harm (word index -> its patients among the object mentions), per clause
    harmed = {i: ps for i, w in enumerate(words) if i not in in_mention and _is_harm(w, c.harm_acts)
              for ps in [_patients(tx, i)] if ps}
    suffering: dict[int, set[int]] = {}
    for j, ps in harmed.items():
        suffering.setdefault(words[j].clause, set()).update(id(m) for m in ps)
    # the speaker's own acts of harm on a target (word index -> what suffers them): read in 2c, not as cues
    hostile = c.harm_acts | c.hostile_acts
    own_acts = {i: ps for i, w in enumerate(words) if i not in in_mention and _is_harm(w, hostile)
                and _own_act(tx, i, c.negators) for ps in [_patients(tx, i)] if ps}
    # who holds each verb of judgment and what it judges; its holders are no object of the other cues of its clause
    roles = {i: r for i, w in enumerate(words) if i not in in_mention
             for r in [_judgment_roles(tx, i, c.judgment_verbs, indirect=writer_marks)] if r[0] or r[2]}
    held: dict[int, set[int]] = {}
    for _kind, holders, _obj in roles.values():
        for m in holders:
            held.setdefault(words[m.first].clause, set()).add(id(m))
    held_anywhere = set().union(*held.values()) if held else set()
    # reported speech: after a third party's verb of saying ("США заявили, что …") or a source opening the sentence
    # ("По словам Токаева, …"), or before one that follows it ("…, заявил Токаев"), the words are relayed
    frames = _reported_frames(tx, c.holder_verbs, indirect=writer_marks,
                              own=lambda m: bool(speaker_sides & lex.own_side.get(m.target, set())))

    def relayed_at(i: int) -> bool:
        span = frames.get(words[i].sentence)
        return span is not None and span[0] <= i <= span[1]
    neg_window = int(p.get("negation_window", 3))
    hedged = {w.sentence for w in words if w.lemma in c.hedges}  # sentences with a hedge
    # 1. loaded naming, and an alias in quotation marks or after "так называемый": distancing
    for m in mentions:
        s_i = words[m.first].sentence
        before, after = text[max(0, m.start - 1):m.start], text[m.end:m.end + 1]
        scare = not writer_marks and bool(set(before) & _QUOTE_MARKS) and bool(set(after) & _QUOTE_MARKS)
        if m.kind in ("favor_term", "against_term"):
            val = m.polarity
            if (scare or distanced(m.first)) and val > 0:
                val = p["scare_quoted_value"]  # "мирные" протестующие in scare quotes or after "якобы": distancing
            if negated(m.first, 1):
                val = -val * p["negation_factor"]
            if relayed_at(m.first):  # "Токаев заявил, что бандиты …": the naming is the reported speaker's
                add(m.target, val * p["reported_factor"], True, text[m.start:m.end] + " (reported)", s_i, True)
            else:
                add(m.target, val, True, text[m.start:m.end], s_i)
        elif (m.kind == "alias" and not m.holder
              and (not (proper := _proper_name(words, m)) and scare or distanced(m.first, name=proper))
              and m.end - m.start > 3):
            # a proper name in quotation marks is Russian typography («Единая Россия», «Спартак»), not distance
            add(m.target, -0.6, True, f'"{text[m.start:m.end]}" (distancing)', s_i)
    # 2. cue words, to the nearest object mention
    for i, w in enumerate(words):
        if i in in_mention or i in own_acts:
            continue
        value = c.weight.get(w.lemma)
        if value is None:
            value = next((c.weight[x] for x in sorted(lemmas(w.text)) if x in c.weight), None)
        if value is None:
            continue
        prev = [words[j] for j in range(max(0, i - 2), i) if words[j].clause == w.clause]
        if any(x.lemma in _OPPOSED_PREPOSITIONS or x.lemma == "жертва" for x in prev[-1:]) or _coordinated_after(
                words, i, lambda x: x.lemma in _OPPOSED_PREPOSITIONS or x.lemma == "жертва"):
            continue  # "защита от вмешательства", "спасла от хаоса и террора", "жертвы террора": what is opposed or
            # suffered, not the target
        if _coordinated_after(words, i, lambda x: x.lemma == "в", inclusive=True) and any(
                words[j].lemma in _ACCUSING for j in range(max(0, i - 9), i) if words[j].clause == w.clause):
            continue  # "обвиняют протестующих в терроре и хамстве": the charges are the accuser's, read by the verb
        frame = _countered(words, i, lex.counter_frames) if value < 0 and _is_nominal(w.text) else -1
        agent = next((m for m in objects if m.kind == "alias" and words[m.first].clause == w.clause
                      and (m.first == i + 1 or m.last == i - 1)), None) if frame >= 0 else None
        if frame >= 0 and not any(frame < m.first and m.last < i - 1 for m in mentions):
            # "в преодолении террористической угрозы": the trouble countered, no evaluation of a target
            # nearby; it counts only for its own agent, named right after or before it ("агрессии НАТО");
            # a target named between the frame and the cue, not as its agent, is the frame's object
            if agent is not None:
                add(agent.target, value, True, w.text + " (countered, its agent)", w.sentence)
            continue
        label = w.text
        if negated(i, neg_window):
            value = -value * p["negation_factor"]
            label = "не " + label
        if any(x.lemma in c.intensifiers for x in prev):
            value *= p["intensifier_factor"]
        s_i = w.sentence
        if s_i in hedged:
            value *= p["hedge_factor"]
        if distanced(i):
            value *= p["distancing_factor"]
            label += " (disputed)"
        kind, holders, obj = roles.get(i, ("", [], None))
        others = kind == "other" and not any(speaker_sides & lex.own_side.get(h.target, set()) for h in holders)
        if relayed_at(i) and not others:  # within reported speech: someone else's word, relayed
            value *= p["reported_factor"]
            label += " (reported)"
            frame_relayed = True
        else:
            frame_relayed = False
        judged = _judged_harm(tx, i, harmed) if i not in harmed and _is_harm(w, c.harm_judgments) else -1
        if judged >= 0:
            # "осуждаем расстрел протестующих": a judgment of the harm, reversed for what suffers it, and as it is for
            # who does it ("силовики незаконно задержали …"); someone else's ("США осудили …") relayed
            factor, note = (p["reported_factor"], " (its holder's)") if others else (1.0, "")
            suffered = {m.target for m in harmed[judged]}
            for m in harmed[judged]:
                add(m.target, -value * factor, True, label + " (of harm done to it)" + note, s_i,
                    relayed=others or frame_relayed)
            for m in {a.target: a for a in _agents(tx, judged, tx.in_clause(judged)) if a.target not in suffered}.values():
                add(m.target, value * factor, True, label + " (of the harm it does)" + note, s_i,
                    relayed=others or frame_relayed)
            continue
        same = tx.in_clause(i)
        if i in roles:
            if others:
                # "США осудили Россию", "миллионы граждан поддерживают Токаева": someone else's judgment, relayed
                pool = [obj] if obj else [m for m in same if all(m is not h for h in holders)]
                if pool:
                    add(_nearest(pool, i).target, value * p["reported_factor"], True, label + " (its holder's)", s_i,
                        relayed=True)
                continue
            if obj is not None:  # "призываем США поддержать Токаева": the verb's own object
                add(obj.target, value / (1.0 + _distance(obj, i) / 15.0), True, label, s_i, frame_relayed)
                continue
        if _is_harm(w, c.harm_acts) and _attributive(tx, i):
            continue  # "убитые протестующие": what happened to them, no evaluation of anyone
        if _is_harm(w, c.harm_acts) and (i in harmed or _has_object(tx, i)):
            # an act of harm done to someone evaluates neither what suffers it ("были убиты десятки протестующих") nor
            # anyone else ("полиция задержала протестующих" is a report); an act of aggression, only who commits it
            # ("боевики напали на полицию", "нападение боевиков")
            suffered = {m.target for m in harmed.get(i, ())}
            agents = [m for m in _agents(tx, i, same) if m.target not in suffered] if _is_harm(
                w, c.agentive_harm) else []
            if agents:
                best = _nearest(agents, i)
                add(best.target, value / (1.0 + _distance(best, i) / 15.0), True, label, s_i, frame_relayed)
            continue
        # nor is what suffers an act of harm in the cue's clause the object of another cue there ("обвиняют в
        # убийстве протестующих": the accusation is not of the victims), nor who holds a judgment there, nor a place:
        # the cue then evaluates no one (it does not pass to another target: coded blind on RuSentNE-2023 sentences,
        # none of 20 cues passed on so was right, thirty-sixth session)
        blocked = suffering.get(w.clause, set()) | places | held.get(w.clause, set())
        in_sent = [m for m in objects if words[m.first].sentence == s_i]
        if in_sent:
            best = _nearest([m for m in in_sent if words[m.first].clause == w.clause] or in_sent, i)
            if id(best) not in blocked:
                add(best.target, value / (1.0 + _distance(best, i) / 15.0), True, label, s_i, frame_relayed)
        elif objects:
            best = _nearest(objects, i)
            if id(best) not in blocked and id(best) not in held_anywhere:
                add(best.target, 0.5 * value / (1.0 + _distance(best, i) / 20.0), True, label, s_i, frame_relayed)
        elif ctx_targets:
            for t in ctx_targets:
                add(t, 0.5 * value / len(ctx_targets), True, label + " (context)", s_i, frame_relayed)
                concerned.setdefault(t, "context")
    # 2c. the speaker's own act of harm or defeat on a target ("мы уничтожим …", "я отдал приказ разогнать …"): against it
    for i, sufferers_of_act in own_acts.items():
        for t in sorted({m.target for m in sufferers_of_act}):
            add(t, -p["hostile_act_weight"], True, f"{words[i].text} (the speaker's own act)", words[i].sentence)
    # 3. rhetorical questions doubt the targets they name
    for s_i, (a, b) in enumerate(sents):
        sent_words = [w for w in words if w.sentence == s_i]
        if not sent_words or not text[a:b].rstrip().endswith("?") or sent_words[0].lemma not in c.rhetorical_openers:
            continue
        for t in sorted({m.target for m in objects if words[m.first].sentence == s_i}):
            add(t, -p["rhetorical_question_weight"], True, "rhetorical question", s_i)
    # 4. the speaker's own side: a small prior, and "наши миротворцы" as text evidence
    for t in list(concerned):
        if speaker_sides & lex.own_side.get(t, set()):
            add(t, p["own_side_prior"], False, "own side", -1)
            for m in objects:
                if m.target == t and any(words[j].lemma in c.first_person_plural and words[j].sentence
                                         == words[m.first].sentence for j in range(len(words))):
                    add(t, p["own_side_named_weight"], True, "own side named as 'мы'/'наш'", words[m.first].sentence)
                    break
    return contrib, sents, text, concerned


_POSSESSIVE_FORMS = frozenset({"его", "ее", "её", "их", "свой", "своя", "свое", "своё", "свои", "своего", "своей",
                               "своему", "своим", "своих", "свою", "своем", "своём", "своими"})


def _coordinated_after(words: list[_Word], i: int, opens: Callable[[_Word], bool], *, inclusive: bool = False) -> bool:
    """Whether the word ``i`` is in a noun phrase, or a list of them joined by "и"/"или", that a word ``opens`` starts
    within four words before it in its clause ("от провокационных действий и | террора"); with ``inclusive``, also right
    after it ("в | терроре"). Only a phrase of nouns, adjectives and the conjunctions lies between.

    >>> ws = _words("спасла от хаоса и террора", [(0, 25)], frozenset())
    >>> _coordinated_after(ws, 4, lambda x: x.lemma == "от"), _coordinated_after(ws, 2, lambda x: x.lemma == "от")
    (True, False)
    """
    for j in range(i - 1, max(-1, i - 6), -1):
        if words[j].clause != words[i].clause:
            return False
        if opens(words[j]):
            return inclusive or j < i - 1
        if not (words[j].lemma in ("и", "или") or _is_nominal(words[j].text)):
            return False
    return False


def _countered(words: list[_Word], i: int, frames: frozenset[str]) -> int:
    """The index of the word of countering whose object word ``i`` is (-1: none): at most three content
    words before it in its clause (prepositions, conjunctions and particles not counted: "в борьбе с
    терроризмом и угрозой"), with no possessive between ("пресечь их провокации" is their act)."""
    content = 0
    for j in range(i - 1, -1, -1):
        if words[j].clause != words[i].clause or words[j].text.lower() in _POSSESSIVE_FORMS:
            return -1
        if words[j].lemma in frames or (_keys(words[j].text) & frames):
            return j
        if not _is_function_word(words[j].text):
            content += 1
            if content >= 3:
                return -1
    return -1



def _proper_name(words: list[_Word], m: _RuMention) -> bool:
    """Whether a mention is written as a proper name: capitalised, and not merely as a sentence's first word
    (there, a name by a later capital, by pymorphy3's name grammemes, or by being no dictionary word).

    >>> ws = _words("Партия «Единая Россия» и «миротворцы».", [(0, 38)], frozenset())
    >>> [_proper_name(ws, _RuMention(a, b, 0, 0, "t", "alias", 0.0)) for a, b in ((1, 2), (4, 4))]
    [True, False]
    """
    span = words[m.first:m.last + 1]
    if not span[0].text[:1].isupper():
        return False
    if any(w.text[:1].isupper() for w in span[1:]) or (m.first > 0 and words[m.first - 1].sentence == span[0].sentence):
        return True
    ps = parses(span[0].text.lower())
    return not ps or not ps[0].is_known or _named(ps)


def _is_noun(word: str) -> bool:
    """Whether the likeliest reading of ``word`` is a noun."""
    return _pos(word) == "NOUN"


def _is_nominal(word: str) -> bool:
    """Whether the likeliest reading of ``word`` is a noun, an adjective or a participle (what a word of
    countering takes as its object; a verb after a conjunction starts another predicate)."""
    return _pos(word) in ("NOUN", "ADJF", "PRTF")


def _is_function_word(word: str) -> bool:
    """Whether the likeliest reading of ``word`` is a preposition, conjunction or particle."""
    return _pos(word) in ("PREP", "CONJ", "PRCL")
