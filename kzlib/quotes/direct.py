"""Attribution of direct quotations: the cue and speaker before or after each quoted span."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kzlib.actors import (
    Gazetteer,
    Mention,
)
from kzlib.quotes._head import _head_subject
from kzlib.quotes.cues import _LOOSE_CUES, _cue_matches, _cue_of, _cue_search
from kzlib.quotes.marks import _ACCORDING, _POSSESSIVE_AFTER, _PREP_BEFORE, _QUOTED_AS, _has_words, _n_words, _Span
from kzlib.quotes.speakers import (
    _PRON_CASE,
    _PRONOUN_NAME,
    _cited_in,
    _DocState,
    _is_person,
    _is_speaker_mention,
    _pronouns,
    _resolve_pronoun,
    _Speaker,
    _speaker_after,
    _spk,
    _subject_before,
)
from kzlib.quotes.subject import _subject

#: A dash that opens a signature after a quotation ('"..." ― Jane Roe'), and what may follow the name: the end of
#: the sentence, or an apposition after a comma ("..., a teacher in Almaty", "..., 34, of Almaty"), not a clause.
_DASH_TAG = re.compile(r"[ \t\u00a0]*(?:[―—–]|--)[ \t\u00a0]*")
_SIGNATURE_END = re.compile(r"[\s\u00a0]*(?:[.;]?[\s\u00a0]*\Z|,\s*(?:(?:a|an|the|one\s+of|former)\s|\d))", re.IGNORECASE)


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
        last = inner.rstrip("'’\"” ")[-1:]  # '..., ‘What now?’” Roe said': the mark before a nested quotation's close
        ends_open = last in (",", "?", "!", "—", "–", "-", "…") or bool(re.match(r"\s*[,–—-]", after)) \
            or bool(re.match(r"\s*[a-z]", after))
        if not after.strip() and s_end < nxt_open and last in (".", "!", "?"):
            # '"... missing." Trump said.', '"Stop!" Jane Roe shouted.': a tag of its own after the quotation's
            # sentence, only a name and a verb
            t1 = min(sent_of(s_end)[1], nxt_open)
            tm = _cue_search(text, s_end, t1)
            t0 = tm.end() if tm is not None else s_end
            if tm is not None and tm.group(0).lower() in ("asked", "asks", "told", "tells") \
                    and (am := _TAG_ADDRESSEE.match(text, t0, t1)) is not None:
                t0 = am.end()  # '"...?" Trump asked reporters (rhetorically) at a rally': the one asked
            if tm is not None and not _has_words(text[s_end:tm.start()], 5) and (
                    not _has_words(text[t0:t1], 2) and text[s_end:t1].rstrip().endswith(".")
                    or text[t0:t0 + 1] == ","  # '"...!" LeVell declared, a point he likes to make
                    or _TAG_ADJUNCT.match(text, t0, t1)):  # '"...!" Jane Roe said as she left'
                a1, after, ends_open = t1, text[a0:t1], True
        if (dm := _DASH_TAG.match(text, a0, a1)) is not None:
            # '"...” ― Jane Roe', '"..." — Jane Roe, a voter in Almaty.': the signature after a dash (epigraphs,
            # readers' quotations); only a name, alone or with its apposition
            signed = next((m for m in (all_mentions or mentions) if m.start == dm.end() and m.actor
                           and m.method not in ("description", "title", "pronoun")), None)
            if signed is not None and _SIGNATURE_END.match(text, signed.end, a1):
                return _spk(signed, signed.actor, signed.method, 0.8), dm.group(0).strip(), True
        cm = _cue_search(text, a0, a1)
        if cm and ends_open and _n_words(text[a0:cm.start()]) <= 40:
            if _n_words(text[a0:cm.start()]) == 0 or re.match(r"[\s,–—-]*$", text[a0:cm.start()]):
                spk = _speaker_after(g, st, mentions, text, cm.end(), a1)
                q0 = sent_of(sp.open_at)[0]
                if _has_words(text[q0:sp.open_at], 2) and not _ACCORDING.fullmatch(cm.group(0)) and (
                        _PARTICIPLE.search(cm.group(0)) or not (spk.name or spk.surface)
                        or spk.m_start >= 0 and _CLAUSE_WORD.search(text, cm.end(), spk.m_start)):
                    # 'Jane Roe, citing "...," said the plan ...' / '... as "a disgrace," adding ...': the quotation
                    # stands inside its sentence, whose subject speaks; a name further on is the verb's object
                    clause_sub = _sentence_subject(g, st, mentions, text, q0, sp.open_at)
                    spk = clause_sub if clause_sub.name else spk
                if not (spk.name or spk.surface):
                    spk = _subject_before(g, st, mentions, text, cm.start(), a0)
            else:
                sub = _subject(g, st, all_mentions or mentions, text, a0, cm.start())
                spk = sub[0] if sub and (sub[0].name or sub[0].surface) else \
                    _subject_before(g, st, mentions, text, cm.start(), a0, max_other_words=12)
                if not (spk.name or spk.surface):
                    spk = _speaker_after(g, st, mentions, text, cm.end(), a1)
            if not (spk.name or spk.surface):  # "... ," tweeted this: the subject of the sentence before
                spk = _sentence_subject(g, st, mentions, text, sent_of(max(sp.open_at - 1, 0))[0], sp.open_at)
            obj = _quoted_object(g, st, mentions, text, a0, a1)
            if obj is not None and not _is_person_name(g, st, spk.name):
                spk = obj  # '" the agency quoted him as saying': the one quoted speaks (a person quoting keeps it: cited)
            if spk.method == "pronoun" and spk.surface.lower() in ("he", "she"):
                spk = _pronoun_in_sentence(g, st, mentions, spk, text, sent_of(sp.open_at)[0], sp.open_at)
            if spk.name or spk.surface:
                spk.cited = _cited_in(g, mentions, text, a0, a1, spk.name)
                return spk, cm.group(0), True
        if ends_open and cm is None and not after.strip() and s_end < nxt_open:
            a1 = min(sent_of(s_end)[1], nxt_open)  # '"...?" Hannity pressed.': the tag is a sentence of its own
            after = text[a0:a1]
            if _cue_search(text, a0, a1) is not None:
                after = "x " * 13  # a listed cue there: the sentence is no tag (read as any other)
        if ends_open and cm is None and _n_words(after) <= 12:
            # '"...?" Hannity pressed.' / '"...," opined the Plain Dealer': any verb in a quotation's tag
            tag = _after_tag(g, st, all_mentions or mentions, text, a0, a1)
            if tag is not None:
                return tag
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
            spk = _speaker_before(g, st, all_mentions or mentions, mentions, text, b0, cm)
            if not spk.name and not spk.surface:
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
    p0 = sent_of(s_start - 1)[0] if s_start > 0 else 0
    if not cms and not before.strip() and s_start > 0 and p0 >= prev_close and _has_words(inner, 5):
        # 'Dianne Bystrom agreed. "Mainstream Republicans are ..."': a short sentence (no quotation in it) that
        # ends with a verb of saying
        pms = [c for c in _cue_matches(text, p0, s_start) if not _cue_of(c).after_quote_only]
        if pms and not _has_words(text[p0:s_start], 9) and not _has_words(text[pms[-1].end():s_start], 2):
            psub = _subject(g, st, all_mentions or mentions, text, p0, pms[-1].start())
            if psub is not None and psub[0].name:
                return psub[0], pms[-1].group(0), True
    if before.rstrip().endswith(":"):
        spk = _sentence_subject(g, st, mentions, text, b0, sp.open_at)
        if spk.name:
            return spk, ":", True
    return _Speaker(), "", False


def _speaker_before(g: Gazetteer, st: _DocState, all_mentions: list[Mention], mentions: list[Mention], text: str,
                    b0: int, cm: re.Match[str]) -> _Speaker:
    """The speaker of a verb before a quotation ('X said, "..."'): the verb's subject; for a participle
    ('... before saying, "..."') the subject of its clause; for a long subject its head ('Another source speaking
    to Fox News said, "..."'); else the name nearest before the verb."""
    sub = _subject(g, st, all_mentions, text, b0, cm.start(), loose=cm.group(0).lower() in _LOOSE_CUES)
    if sub is not None and (sub[0].name or sub[0].surface and sub[0].resolution == "description"):
        return sub[0]  # 'Jane Roe said, "..."', 'Another commenter said, "..."'
    if _PARTICIPLE.fullmatch(cm.group(0)):
        clause = _sentence_subject(g, st, mentions, text, b0, cm.start())
        if clause.name:
            return clause
    head = _head_subject(g, st, all_mentions, text, b0, cm.start())
    if head is not None and (head[0].name or head[0].surface) and head[0].resolution == "description":
        return head[0]
    return _subject_before(g, st, mentions, text, cm.start(), b0, max_other_words=12)


#: What may follow the verb of a quotation's tag that is a sentence of its own: a time or circumstance, not a
#: reported clause ('"...!" Jane Roe said as she left the hall', '"...?" he asked at a rally').
_TAG_ADJUNCT = re.compile(r"\s+(?:as|while|when|before|after|during|at|outside|from|on|in|with|to)\s", re.IGNORECASE)

#: The one asked or told in a quotation's tag, and an adverb ('"...?" Trump asked reporters rhetorically').
_TAG_ADDRESSEE = re.compile(r"\s+(?:reporters|journalists|the(?:\s+[\w-]+){1,3}|him|her|them|us|me|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
                            r"(?:\s+[a-z]+ly)?(?=[\s.,!?]|$)")

#: A participle cue ("adding", "telling"): a clause that shares the subject of the sentence it ends.
_PARTICIPLE = re.compile(r"\w+ing\b", re.IGNORECASE)

#: Words that make what follows a verb a clause or phrase of its own, not the name of an inverted subject
#: ('said the plan could work in Ohio', 'posted the clip to YouTube'; not 'said election lawyer Jane Roe').
_CLAUSE_WORD = re.compile(r"\b(?:that|to|of|in|on|at|for|with|about|from|by|into|is|was|are|were|be|been|could|would|"
                          r"will|can|should|might|may|must|has|have|had|he|she|it|they|his|her|its|their)\b", re.IGNORECASE)


def _pronoun_in_sentence(g: Gazetteer, st: _DocState, mentions: list[Mention], spk: _Speaker, text: str, lo: int,
                         hi: int) -> _Speaker:
    """A he/she tag after a quotation ('Roe shot back: "...," she said') stands for the subject of the
    quotation's sentence when it is a person of that gender; else ``spk`` as resolved."""
    sub = _sentence_subject(g, st, mentions, text, lo, hi)
    if not sub.name or sub.name == spk.name or sub.resolution == "pronoun":
        return spk
    e = st.ents.get(sub.name)
    want = "m" if spk.surface.lower() == "he" else "f"
    if e is None or e.type not in ("person", "") or e.gender not in (want, ""):
        return spk
    return replace(spk, name=sub.name, resolution="pronoun", confidence=max(spk.confidence, 0.7))


#: A quotation's tag with a verb outside the cue list: 'NAME VERBed (ADVERB)' or 'VERBed NAME' ('," Hannity pressed.').
#: (Irregular verbs of a tag too: '," Roe shot back', '?" Roe went on', '," Roe wrote'.)
_TAG_VERB = r"(?P<verb>[a-z]{3,}ed|(?:shot|fired|hit|struck|came|snapped)\s+back|went\s+on|(?:cut|broke|chimed)\s+in|wrote|spoke|began)"
_TAG_SUBJ_VERB = re.compile(r"[\s,–—-]*(?P<np>(?:[\w’'.-]+\s+){0,6}?[\w’'.-]+)\s+" + _TAG_VERB + r"\b(?P<rest>[^\"“”]*)$")
#: A subordinate clause after a tag's verb ('," Roe went on, as if she had not heard her.').
_TAG_CLAUSE = re.compile(r"\s*,\s*(?:as|while|when|after|before|because|since|though|although|even\s+as)\b")
_TAG_VERB_SUBJ = re.compile(r"[\s,–—-]*" + _TAG_VERB + r"\s+(?=\S)")


def _after_tag(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, a0: int, a1: int
               ) -> tuple[_Speaker, str, bool] | None:
    """The speaker of a quotation's tag whose verb is not a listed cue ('," Hannity pressed.', '," opined the
    Plain Dealer.'): the noun phrase before a past-tense verb, or the one after it; None when neither is a speaker."""
    tm = _TAG_SUBJ_VERB.match(text, a0, a1)
    if tm is not None and (_n_words(tm.group("rest")) <= 6 or _TAG_CLAUSE.match(tm.group("rest"))
                           and _n_words(tm.group("rest")) <= 15) and not tm.group("rest").strip(" .,!?")[:1].isupper():
        sub = _subject(g, st, mentions, text, tm.start("np"), tm.start("verb"))
        if sub is not None and (sub[0].name or sub[0].surface):
            return sub[0], tm.group("verb"), True
    vm = _TAG_VERB_SUBJ.match(text, a0, a1)
    if vm is not None:
        spk = _speaker_after(g, st, mentions, text, vm.end(), a1)
        if spk.name and spk.resolution != "pronoun":
            return spk, vm.group("verb"), True
    return None


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


