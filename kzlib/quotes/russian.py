"""Russian quotations: «…» / „…“ quotes, dash-led speech and reported speech, attributed to speakers.

``extract_quotes_ru`` gives rows in the schema of :data:`kzlib.quotes.QUOTE_COLUMNS`. It finds

- direct quotes in «…», „…“, "…" and ”…” marks, with their attribution after the quote
  ("«…», — заявил Токаев."), before it ("Токаев заявил: «…»", "По словам Токаева, «…»") or inside it
  ("«A, — отметил он. — B»", two rows);
- dash-led speech ("— …, — сказал глава государства." and "Песков: — …");
- reported speech: "X заявил(а/и), что …", "X сообщил о …", "X пообещал …", "по словам X, …",
  "как сообщил X, …", "…, — заявили в МО РФ.", "…, передает ТАСС." and "Об этом сообщил X." after the
  content.

Cue verbs are matched on lemmas (``kzlib/data/ru/cue_verbs.yaml``), so every gender, number, tense and
aspect counts. Speakers are gazetteer names matched on lemmas (``kzlib.russian.actors``), titles and
generic descriptions resolved to the actor last named with them, pronouns ("он", "по его словам") to the
last speaker, and other people found by natasha's NER and named by the transliteration of their
nominative form. Media that only pass words on ("как передает ТАСС") are the speaker only when no
other source is named. An unnamed source is described ("в пресс-службе аэропорта сказали" ->
"пресс-служба аэропорта", ``speaker_resolution`` "description"; see
:func:`kzlib.quotes.russian_speakers.describe_source`). ``affiliation`` is the gazetteers' (kzlib/data/actors.yaml,
else kzlib/data/ru/actors.yaml), for a person only NER finds that of the actor their title names
("пресс-секретарь Назарбаева …" -> Kazakhstan). The sentences of a quote are its direct row only: the
last one ("…», — заявил X.") is not read again as a report.

Example:
    >>> import pandas as pd
    >>> p = pd.DataFrame({"doc_id": ["d"], "para_id": [0],
    ...                   "text": ["«Ситуация стабилизировалась», — заявила Токаеву министр."]})
    >>> extract_quotes_ru(p)[["quote", "kind"]].values.tolist()
    [['Ситуация стабилизировалась', 'direct']]
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import pandas as pd

from kzlib.quotes.russian_speakers import (
    _OPEN_CLOSE,
    _PRON_GROUP,
    _PRON_PERSON,
    _WORD,
    _Cue,
    _cue_data,
    _cue_of,
    _person_name,
    _read_paragraph,
    _Spk,
    _State,
    describe_source,
    note_affiliations,
    resolve_speaker,
)
from kzlib.russian.actors import affiliation_of, find_actors
from kzlib.russian.nlp import entities, lemmas, sentences, tokens

__all__ = ["extract_quotes_ru", "resolve_speaker"]

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------------ quote spans
@dataclass
class _Q:
    start: int  # offset of the first quoted character (after the opening mark)
    end: int  # offset of the closing mark (or the paragraph end when unclosed)
    open_at: int
    close_end: int


def _quote_spans(text: str) -> list[_Q]:
    """Outermost quoted spans of a paragraph; „…“ inside «…» belongs to the outer quote."""
    spans: list[_Q] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "«":
            depth, j = 1, i + 1
            while j < n and depth:
                if text[j] == "«":
                    depth += 1
                elif text[j] == "»":
                    depth -= 1
                j += 1
            end = j - 1 if depth == 0 else n
            spans.append(_Q(i + 1, end, i, min(n, end + 1)))
            i = end + 1
            continue
        if ch in "„“\"”":
            closers = _OPEN_CLOSE[ch]
            before = text[i - 1] if i else " "
            if ch in "\"”“" and before.isalnum() and i > 0:  # a closing mark: "слово" then "…"
                i += 1
                continue
            j = i + 1
            while j < n and text[j] not in closers:
                j += 1
            if j < n:
                spans.append(_Q(i + 1, j, i, j + 1))
                i = j + 1
                continue
            # an unclosed quote the excerpt cuts: opened by "„“ anywhere, by ” (a text that opens and closes
            # with ”) at the paragraph's start before a capital letter
            if (ch in "\"„“" or (ch == "”" and i == 0 and text[1:2].isupper())) \
                    and (i == 0 or text[i - 1] in " :(—–") and n - i > 10:
                spans.append(_Q(i + 1, n, i, n))  # a quote the excerpt cuts before its end
                break
        i += 1
    return [q for q in spans if q.end > q.start]


# ---------------------------------------------------------------------------------------- rows
@dataclass
class _Row:
    para_idx: int
    start: int
    end: int
    kind: str
    spk: _Spk
    cue: str
    method: str
    confidence: float


def _tokens_with_cues(text: str) -> list[tuple[int, int, str, tuple[str, _Cue] | None]]:
    return [(t.start, t.end, t.text, _cue_of(t.text)) for t in tokens(text)]


_AFTER_SENTENCE_END = re.compile(r"[.!?…][»”\"]?\s+$")
_AFTER_QUOTE = re.compile(r"\s*[,.!?…]?\s*[—–-]+\s*")
_CLAUSE_END = re.compile(r"[.;!?…]|\s[—–]\s|[«„“\"]")
_INNER_SPLIT = re.compile(r"(?P<a>[,!?…])\s*[—–-]+\s*(?P<attr>[^—–«»]{3,120}?)[.,:]\s*[—–-]+\s*")


def _attribution(text: str, lo: int, hi: int, st: _State, *, after_cue: bool) -> tuple[_Spk, str] | None:
    """Speaker and cue in text[lo:hi] when it holds a cue verb (or an 'according to' phrase): the first
    cue after a quote, the last one before it."""
    seg = text[lo:hi]
    toks = _tokens_with_cues(seg)
    if not after_cue:
        toks = toks[::-1]
    for s, e, w, cue in toks:
        if cue is None:
            continue
        before, after = seg[:s], seg[e:]
        after = re.split(r"[,.;:!?…]|\s[—–]\s", after, maxsplit=1)[0]
        # "«…», — сказал Токаев" / "подчеркнул он": the subject follows the verb; "Токаев сказал: «…»": precedes
        order = (after, before) if after_cue else (before, after)
        for part, last in ((order[0], not after_cue), (order[1], after_cue)):
            name, surface, typ = resolve_speaker(part, st, prefer_last=last)
            if name:
                return _Spk(name, surface, typ, "cue"), w
        if not cue[1].relay:  # "«…», — сказали в пресс-службе аэропорта": an unnamed source, described
            for part, is_before in ((order[0], not after_cue), (order[1], after_cue)):
                desc = describe_source(part, w, before=is_before)
                if desc[0]:
                    return _Spk(*desc, "cue", "description"), w
        return _Spk("", "", "", "cue"), w
    m = _according(seg)
    if m is not None:
        name, surface, typ = resolve_speaker(m[1], st, prefer_last=False)
        return _Spk(name, surface, typ, "according"), m[0]
    return None


def _lemma_seq_at(words: list[str], i: int, seq: tuple[str, ...]) -> bool:
    if i + len(seq) > len(words):
        return False
    return all(s in lemmas(words[i + k]) for k, s in enumerate(seq))


def _according(seg: str) -> tuple[str, str, int] | None:
    """("по словам", source phrase, offset after the source) of an according-to phrase in seg, or None."""
    _, according, _, _ = _cue_data()
    toks = [t for t in tokens(seg) if _WORD.fullmatch(t.text)]
    words = [t.text for t in toks]
    for i in range(len(words)):
        for seq in according:
            gap = 0
            if len(seq) == 2:  # "по официальным данным", "по предварительным данным": modifiers before the noun
                gap = next((g for g in range(3) if i + 1 + g < len(words) and seq[0] in lemmas(words[i])
                            and seq[1] in lemmas(words[i + 1 + g])), -1)
                ok = gap >= 0
            else:
                ok = _lemma_seq_at(words, i, seq)
            if ok:
                j = i + len(seq) + max(gap, 0)
                cue = seg[toks[i].start:toks[j - 1].end]
                tail = re.split(r"[,.;:!?…]|\s[—–]\s", seg[toks[j - 1].end:], maxsplit=1)[0]
                # the source phrase keeps the noun and its modifiers: "официальным данным", "его словам"
                return cue, seg[toks[i + 1].start:toks[j - 1].end] + tail, toks[j - 1].end + len(tail)
    m = re.search(r"\bкак\s+(\w+)\s+(.+?)(?=[,.;:!?…]|\s[—–]\s|$)", seg, re.IGNORECASE)
    if m and _cue_of(m.group(1)):
        return m.group(1), m.group(2), m.end(2)
    return None


def _sentence_of(bounds: list[tuple[int, int, str]], pos: int) -> tuple[int, int]:
    for s, e, _ in bounds:
        if s <= pos < e:
            return s, e
    return 0, 0


def _direct_rows(idx: int, text: str, spans: list[_Q], st: _State, bounds: list[tuple[int, int, str]],
                 prev_colon_speaker: _Spk | None) -> list[_Row]:
    rows: list[_Row] = []
    for k, q in enumerate(spans):
        inner = text[q.start:q.end]
        n_words = len(_WORD.findall(inner))
        nxt = spans[k + 1].open_at if k + 1 < len(spans) else len(text)
        prv = spans[k - 1].close_end if k else 0
        # split quote: «A, — отметил он. — B»
        parts: list[tuple[int, int]] = [(q.start, q.end)]
        spk: _Spk | None = None
        cue = ""
        m = _INNER_SPLIT.search(inner)
        if m and _attribution(inner, m.start("attr"), m.end("attr"), st, after_cue=True):
            got = _attribution(inner, m.start("attr"), m.end("attr"), st, after_cue=True)
            assert got is not None
            spk, cue = got
            parts = [(q.start, q.start + m.start("a")), (q.start + m.end(), q.end)]
        # after the quote: "», — заявил Токаев."
        if spk is None:
            am = _AFTER_QUOTE.match(text, q.close_end)
            if am and am.end() > q.close_end:
                tail_end = _CLAUSE_END.search(text, am.end())
                hi = min(tail_end.start() if tail_end else len(text), nxt)
                got = _attribution(text, am.end(), hi, st, after_cue=True)
                if got:
                    spk, cue = got
        # before the quote, in its sentence: "Токаев заявил: «", "По словам Токаева, «", "заявил, что «"
        s_lo, _ = _sentence_of(bounds, q.open_at)
        if spk is None:
            lo = max(s_lo, prv)
            got = _attribution(text, lo, q.open_at, st, after_cue=False)
            if got and (got[0].name or text[lo:q.open_at].rstrip().endswith((":", ",", "что"))):
                spk, cue = got
        if spk is None and q.open_at == 0 and prev_colon_speaker is not None:
            spk, cue = prev_colon_speaker, ":"
        # (also right after a sentence end the splitter kept: "… «террористов». «Президент страны …")
        at_sentence_start = q.open_at <= s_lo + 1 or not text[s_lo:q.open_at].strip(" —–-") \
            or bool(_AFTER_SENTENCE_END.search(text, 0, q.open_at))
        unclosed = q.close_end >= len(text) and text[q.end - 1:q.end] not in "»“”\""
        if spk is None:
            # the last speaker goes on; settled once the paragraph's reported speech is read (_continue)
            if at_sentence_start and (unclosed or (n_words >= 5 and inner.rstrip()[-1:] in ".!?…,")):
                spk, cue = _Spk(st.last_speaker, "", st.last_speaker_type, "continuation"), ""
            else:
                rows.append(_Row(idx, q.start, q.end, "fragment", _Spk(), "", "ru-unattributed", 0.3))
                continue
        short = n_words < 5 and not at_sentence_start and not unclosed
        for a, b in parts:
            rows.append(_Row(idx, a, b, "fragment" if short else "direct", spk, cue,
                             "ru-direct-" + (spk.method or "cue"), _confidence(spk, 0.9, 0.5)))
        _note(st, spk)
    return rows


_DASH_LEAD = re.compile(r"^\s*[—–-]\s*")
_DASH_TAIL = re.compile(r"(?P<end>[,!?…])\s*[—–-]+\s+(?P<attr>[^—–]{2,160}?)(?:[.]\s*(?:[—–-]+\s*(?P<rest>\S.*))?|\s*$)",
                        re.DOTALL)
_COLON_DASH = re.compile(r"(?P<who>[^.:!?«»]{2,120}):\s*[—–]\s*(?P<q>\S)")


def _dash_rows(idx: int, text: str, st: _State, prev_colon_speaker: _Spk | None) -> list[_Row]:
    rows: list[_Row] = []
    lead = _DASH_LEAD.match(text)
    if lead and lead.end() > 0 and text[lead.end():lead.end() + 1] not in "«„\"":
        body = lead.end()
        for m in _DASH_TAIL.finditer(text, body):
            got = _attribution(text, m.start("attr"), m.end("attr"), st, after_cue=True)
            if not got:
                continue
            spk, cue = got
            rows.append(_Row(idx, body, m.start("end"), "direct", spk, cue, "ru-dash", 0.85))
            if m.group("rest"):
                rows.append(_Row(idx, m.start("rest"), len(text), "direct", spk, cue, "ru-dash", 0.8))
            _note(st, spk)
            return rows
        spk = prev_colon_speaker or _Spk(st.last_speaker, "", st.last_speaker_type, "continuation")
        rows.append(_Row(idx, body, len(text), "direct", spk, ":" if prev_colon_speaker else "", "ru-dash", 0.6))
        return rows
    for m in _COLON_DASH.finditer(text):
        who = m.group("who")
        name, surface, typ = resolve_speaker(who, st)
        if name:
            rows.append(_Row(idx, m.start("q"), len(text), "direct", _Spk(name, surface, typ, "colon"), ":",
                             "ru-dash-colon", 0.8))
            st.note_speaker(name, typ)
    return rows


def _inside(pos: int, spans: list[_Q]) -> bool:
    return any(q.open_at <= pos < q.close_end for q in spans)


_BEFORE_CHTO = re.compile(r"^(\s*[^,.;:!?«»—–]{0,60}?)(?=,\s*(?:что|будто|чтобы)\b)", re.IGNORECASE)
_CHTO = re.compile(r"^[\s,]*(?:что|будто|чтобы)\b\s*", re.IGNORECASE)
_COLON = re.compile(r"^\s*:\s*")
_ABOUT = re.compile(r"^\s*(?:о|об|обо)\s+", re.IGNORECASE)


def _indirect_rows(idx: int, text: str, spans: list[_Q], st: _State, bounds: list[tuple[int, int, str]],
                   prev_sentence: tuple[int, int, int] | None) -> list[_Row]:
    rows: list[_Row] = []
    _, _, relay_phrases, back_ref = _cue_data()
    for s_lo, s_hi, sent in bounds:
        toks = [t for t in tokens(sent) if _WORD.fullmatch(t.text)]
        words = [t.text for t in toks]
        done = False
        # "Об этом сообщил X": the content is the sentence before
        if words and any(_lemma_seq_at(words, 0, seq) for seq in back_ref):
            for k in range(2, min(len(toks), 10)):
                c = _cue_of(words[k])
                if c:
                    name, surface, typ = _relay_source(sent, relay_phrases, st)
                    if not name:
                        name, surface, typ = resolve_speaker(sent[toks[k].end:], st, prefer_last=False)
                    spk = _Spk(name, surface, typ, "back-reference")
                    if not name and not c[1].relay:  # "Об этом сообщили в пресс-службе министерства."
                        spk = _described(sent[toks[1].end:toks[k].start], sent[toks[k].end:], words[k],
                                         "back-reference")
                    if spk.name and prev_sentence is not None and not prev_sentence[2]:
                        p_idx, p_lo, _ = prev_sentence
                        rows.append(_Row(p_idx, p_lo, -1, "indirect", spk, words[k], "ru-back-reference",
                                         _confidence(spk, 0.75, 0.75)))
                        _note(st, spk)
                    done = True
                    break
        if done:
            prev_sentence = (idx, s_lo, 1)
            continue
        # a quote opens here, or one opened before runs into this sentence (the tail sentence of
        # "«A. B», — заявил X": its words are the direct row's, not a report of their own)
        quoted_here = any(q.open_at < s_hi and q.close_end > s_lo for q in spans)
        own: _Row | None = None  # the row this sentence's first cue made
        for t in toks:
            if _inside(s_lo + t.start, spans):
                continue
            c = _cue_of(t.text)
            if c is None:
                continue
            lem, cue = c
            after = sent[t.end:]
            # content: "что …", ": …", "о …", or a direct object
            content_at = None
            # "заявил журналистам, что …": a few words may stand between the verb and its что-clause
            rest = _BEFORE_CHTO.sub("", after)
            m = _CHTO.match(rest) if cue.that else None
            colon, about = _COLON.match(after), _ABOUT.match(after)
            if m is not None:
                content_at = t.end + (len(after) - len(rest)) + m.end()
            elif cue.that and colon and _COLON.sub("", after)[:1] not in "«„\"—–-":
                content_at = t.end + colon.end()
            elif cue.about and about:
                content_at = t.end + about.end()
            elif cue.object and after.strip() and after.lstrip()[:1].isalpha():
                content_at = t.end + (len(after) - len(after.lstrip()))
            if content_at is None:
                continue
            if _inside(s_lo + content_at, spans) or sent[content_at:content_at + 1] in "«„\"":
                break  # the content is a quote: the direct row stands for it
            subj_lo = 0
            if own is not None:
                # a second cue in the content of the first ("X заявил, что …, однако в Y сказали, что …"):
                # the first content ends at the clause before the second cue's subject
                if s_lo + t.start < own.start:
                    continue
                cut = max(sent.rfind(",", 0, t.start), sent.rfind(";", 0, t.start))
                if cut < 0 or s_lo + cut <= own.start:
                    continue
                own.end = s_lo + cut
                subj_lo = cut + 1
            subj_part = sent[subj_lo:t.start]
            # "…, сообщает издание X со ссылкой на Y": the innermost named source
            name, surface, typ = "", "", ""
            relay_src = _relay_source(sent, relay_phrases, st) if own is None else ("", "", "")
            if relay_src[0]:
                name, surface, typ = relay_src
            if not name:
                name, surface, typ = resolve_speaker(_subject_clause(subj_part), st)
            if not name:
                name, surface, typ = resolve_speaker(re.split(r",", after, maxsplit=1)[0], st, prefer_last=False)
            if not name and cue.relay:
                continue
            spk = _Spk(name, surface, typ, "cue")
            if not name:  # "Пресс-служба кабинета министров сообщила, что …": an unnamed source, described
                # (after the verb only when the content does not follow it: "сообщили в пресс-службе, что …")
                spk = _described(_subject_clause(subj_part), after[:len(after) - len(rest)] if m is not None else "",
                                 t.text, "cue")
            own = _Row(idx, s_lo + content_at, s_lo + len(sent.rstrip()), "indirect",
                       spk, t.text, f"ru-indirect-{lem}", _confidence(spk, 0.8, 0.4))
            rows.append(own)
            _note(st, spk)
            done = True
        if not done:
            done = _according_or_trailing(idx, text, s_lo, sent, st, rows, relay_phrases, quoted=quoted_here)
        prev_sentence = (idx, s_lo, 1 if (done or quoted_here) else 0)
    return rows


def _subject_clause(before: str) -> str:
    """The part of the text before a cue verb that can hold its subject (after the last relative clause)."""
    m = list(re.finditer(r",\s*(?:который|которая|которое|которые|которого|которой|которым|которых)\b", before))
    if m:
        # "X, который …, заявил": the subject precedes the relative clause
        return before[:m[0].start()]
    return before


def _relay_source(sent: str, relay_phrases: list[tuple[str, ...]], st: _State) -> tuple[str, str, str]:
    toks = [t for t in tokens(sent) if _WORD.fullmatch(t.text)]
    words = [t.text for t in toks]
    for i in range(len(words)):
        for seq in relay_phrases:
            if _lemma_seq_at(words, i, seq):
                rest = re.split(r"[,.;:!?…]|\s[—–]\s", sent[toks[i + len(seq) - 1].end:], maxsplit=1)[0]
                return resolve_speaker(rest, st, prefer_last=False)
    return "", "", ""


def _according_or_trailing(idx: int, text: str, s_lo: int, sent: str, st: _State, rows: list[_Row],
                           relay_phrases: list[tuple[str, ...]], *, quoted: bool = False) -> bool:
    """"По словам X, …" / "Как сообщил X, …" / "…, — заявил X." / "…, передает ТАСС."; True when a row was made."""
    m = _according(sent)
    if m is not None:
        cue, src, src_end = m
        at = sent.find(cue)
        after = sent[src_end:]
        comma = re.match(r"\s*,\s*", after)
        opens = not re.sub(r"(?i)^\s*как\s*", "", sent[:at]).strip()
        if comma and not (opens and after[comma.end():comma.end() + 1] in "«„\"“”"):
            content_lo = src_end + comma.end() if opens else 0
            name, surface, typ = resolve_speaker(src, st, prefer_last=False)
            relay = _relay_source(sent, relay_phrases, st)
            if relay[0]:
                name, surface, typ = relay
            if name or _cue_of(cue) is None:
                rows.append(_Row(idx, s_lo + content_lo, s_lo + len(sent.rstrip()), "indirect",
                                 _Spk(name, surface, typ, "according"), cue, "ru-according", 0.75 if name else 0.4))
                st.note_speaker(name, typ)
                return True
    # trailing attribution: "…, — заявили в МО РФ." / "…, сообщил Токаев." / "…, передает корреспондент X."
    if quoted:
        return False
    tm = re.search(r"(?P<sep>,\s*[—–-]*\s*|\s[—–]\s*)(?P<verb>[А-Яа-яЁё]+)\s+(?P<who>[^,;:!?«»]{2,120}?)\s*[.!…]?\s*$", sent)
    if tm and tm.start() > 15:
        c = _cue_of(tm.group("verb"))
        if c:
            relay = _relay_source(sent, relay_phrases, st)
            name, surface, typ = relay if relay[0] else resolve_speaker(tm.group("who"), st, prefer_last=False)
            spk = _Spk(name, surface, typ, "trailing")
            if not name and not c[1].relay:  # "…, сообщили в пресс-службе аэропорта."
                spk = _described("", tm.group("who"), tm.group("verb"), "trailing")
            if spk.name:
                rows.append(_Row(idx, s_lo, s_lo + tm.start(), "indirect", spk, tm.group("verb"), "ru-trailing",
                                 _confidence(spk, 0.75, 0.75)))
                _note(st, spk)
                return True
    return False


def _continue(rows: list[_Row], idx: int) -> None:
    """A quote with no attribution of its own that opens a sentence continues the speech before it: the
    speaker of the last row of the paragraph before it ("Он подчеркнул, что … . «…»"), else the last
    speaker of the text before; with neither it is an unattributed fragment."""
    for r in rows:
        if r.spk.method != "continuation" or r.para_idx != idx:
            continue
        before = [o for o in rows if o.para_idx == idx and o.start < r.start and o.kind != "fragment"
                  and o.spk.name and o.spk.method != "continuation" and o.spk.resolution != "description"]
        if before:
            last = max(before, key=lambda o: o.start)
            r.spk = _Spk(last.spk.name, "", last.spk.type, "continuation")
            r.confidence = 0.9
        elif not r.spk.name:
            r.kind, r.method, r.confidence = "fragment", "ru-unattributed", 0.3


def _described(before: str, after: str, verb: str, method: str) -> _Spk:
    """The unnamed source described before the cue verb (in its clause), else after it; an empty speaker if none."""
    for part, is_before in ((before, True), (after, False)):
        desc = describe_source(part, verb, before=is_before) if part.strip() else ("", "", "")
        if desc[0]:
            return _Spk(*desc, method, "description")
    return _Spk("", "", "", method)


def _note(st: _State, spk: _Spk) -> None:
    """Make a named speaker the one later pronouns and titles refer to (a description is not)."""
    if spk.resolution != "description":
        st.note_speaker(spk.name, spk.type)


def _confidence(spk: _Spk, named: float, unnamed: float) -> float:
    """A row's confidence: ``named`` with a named speaker, 0.6 with a described one, else ``unnamed``."""
    if spk.resolution == "description":
        return 0.6
    return named if spk.name else unnamed


# ------------------------------------------------------------------------------------------ API
def _seed_titles(texts: list[str], st: _State) -> None:
    """Generic titles the document ties to a named person ("пресс-секретарь Назарбаева Айдос Укибай"),
    so that the title alone ("— пояснил пресс-секретарь") means that person, even before the name."""
    for text in texts:
        found = find_actors(text)
        if not any(m.kind == "generic" for m in found):
            continue
        known = [m for m in found if m.kind != "generic"]
        for m in (m for m in found if m.kind == "generic"):
            for e in entities(text):
                gap = text[m.end:e.start]
                if e.start < m.end or any(k.start < e.end and e.start < k.end for k in known):
                    continue
                if e.type == "PER" and len(gap.split()) <= 2 and not re.search(r"[,.;:]", gap):
                    st.generic.setdefault(m.generic_key, _person_name(e.normal))
                break


def _extract_doc(texts: list[str]) -> list[dict]:
    st = _State()
    _seed_titles(texts, st)
    out: list[_Row] = []
    prev_colon_speaker: _Spk | None = None
    prev_sentence: tuple[int, int, int] | None = None
    for idx, text in enumerate(texts):
        _read_paragraph(text)
        note_affiliations(text, st)
        bounds = sentences(text)
        spans = _quote_spans(text)
        rows: list[_Row] = []
        dash = _dash_rows(idx, text, st, prev_colon_speaker)
        dash_cover = [(0 if r.method == "ru-dash" else r.start, r.end) for r in dash]
        rows.extend(dash)
        direct = [r for r in _direct_rows(idx, text, spans, st, bounds, prev_colon_speaker)
                  if not any(a <= r.start < b for a, b in dash_cover)]
        rows.extend(direct)
        indirect_bounds = [(s, e, t) for s, e, t in bounds if not any(a <= s < b for a, b in dash_cover)]
        rows.extend(_indirect_rows(idx, text, spans, st, indirect_bounds, prev_sentence))
        _continue(rows, idx)
        for _s, _e, t in bounds:  # actors named in the paragraph, for titles and pronouns later on
            st.note_actors(find_actors(t))
        # a paragraph ending "X заявил:" introduces the next one
        prev_colon_speaker = None
        if text.rstrip().endswith(":"):
            got = _attribution(text, bounds[-1][0] if bounds else 0, len(text), st, after_cue=False)
            if got and got[0].name:
                prev_colon_speaker = got[0]
        if bounds:
            last_lo = bounds[-1][0]
            covered = any(r.para_idx == idx and r.start >= last_lo and r.kind != "fragment" for r in rows)
            prev_sentence = (idx, last_lo, 1 if covered else 0)
        out.extend(rows)
    result = []
    for r in out:
        text = texts[r.para_idx]
        end = r.end if r.end >= 0 else _sentence_end(text, r.start)
        quote = text[r.start:end].strip()
        if not quote:
            continue
        s_idx, s0, s1, resolution = _speaker_place(texts, r, end)
        result.append({"_aff": affiliation_of(r.spk.name) or st.affiliations.get(r.spk.name, ""),
                       "_idx": r.para_idx, "start": r.start, "end": end, "quote": quote, "speaker": r.spk.name,
                       "speaker_surface": r.spk.surface, "speaker_type": r.spk.type, "cue": r.cue, "kind": r.kind,
                       "confidence": r.confidence, "method": r.method, "n_words": len(_WORD.findall(quote)),
                       "speaker_resolution": resolution, "_sidx": s_idx, "speaker_start": s0, "speaker_end": s1})
    return result


def _speaker_place(texts: list[str], r: _Row, end: int) -> tuple[int, int, int, str]:
    """Where a row's speaker is named (paragraph index, start, end; -1 when carried over or not
    found) and how it was resolved, in the terms of the English rows' ``speaker_resolution``."""
    spk = r.spk
    if not spk.surface:
        return -1, -1, -1, "previous" if spk.name else ""
    low = spk.surface.lower()
    if spk.resolution:
        kind = spk.resolution
    elif low in _PRON_PERSON or low in _PRON_GROUP:
        kind = "pronoun" if spk.name else "unresolved"
    else:
        kinds = {m.kind for m in find_actors(spk.surface)}
        kind = "title" if kinds & {"generic", "title"} else "gazetteer" if "alias" in kinds else "named"
    rx = re.compile(r"(?<![\w-])" + re.escape(spk.surface) + r"(?![\w-])", re.IGNORECASE)
    # the row's paragraph, else the next ("… Об этом сообщил X.") or the previous ("X заявил:" before a quote)
    for idx in (r.para_idx, r.para_idx + 1, r.para_idx - 1):
        if not 0 <= idx < len(texts):
            continue
        hits = [m.start() for m in rx.finditer(texts[idx])]
        if idx == r.para_idx:
            hits = [h for h in hits if not r.start <= h < end] or hits  # outside the quoted words first
        if hits:
            best = min(hits, key=lambda h: r.start - h if h < r.start else h - end)
            return idx, best, best + len(spk.surface), kind
    return -1, -1, -1, kind


def _sentence_end(text: str, start: int) -> int:
    for s, e, _ in sentences(text):
        if s <= start < e:
            return e
    return len(text)


def extract_quotes_ru(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Quotations of Russian documents in the ``quotes`` schema (without ``quote_id``, ``outlet`` etc.).

    ``paragraphs`` holds ``doc_id``, ``para_id`` and ``text`` of the paragraphs to read, in any order
    (analysable paragraphs only: the caller filters titles and repeats). Rows come in reading order
    with ``method`` saying which rule made them (``ru-direct-cue``, ``ru-dash``, ``ru-indirect-заявить``,
    ``ru-according``, ``ru-trailing``, ``ru-back-reference`` …).

    Example:
        >>> p = pd.DataFrame({"doc_id": ["d"], "para_id": [0],
        ...                   "text": ["По словам Токаева, порядок в Алматы восстановлен."]})
        >>> extract_quotes_ru(p)[["speaker", "kind", "quote"]].values.tolist()
        [['Kassym-Jomart Tokayev', 'indirect', 'порядок в Алматы восстановлен.']]
    """
    cols = ["doc_id", "para_id", "end_para_id", "start", "end", "quote", "speaker", "speaker_surface",
            "speaker_type", "affiliation", "cue", "kind", "cited", "confidence", "method", "n_words",
            "speaker_resolution", "speaker_para_id", "speaker_start", "speaker_end"]
    if paragraphs.empty:
        return pd.DataFrame(columns=cols)
    paras = paragraphs.sort_values(["doc_id", "para_id"], kind="stable")
    rows: list[dict] = []
    with _one_blas_thread():
        _extract_all(paras, rows)
    out = pd.DataFrame(rows, columns=cols)
    log.info("extract_quotes_ru: %d rows from %d documents", len(out), paras["doc_id"].nunique())
    return out


def _one_blas_thread():
    """natasha's NER multiplies small matrices: one BLAS thread is ~10x faster than a pool of threads
    competing for a busy machine's cores (threadpoolctl ships with scikit-learn)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover
        import contextlib

        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def _extract_all(paras: pd.DataFrame, rows: list[dict]) -> None:
    for doc_id, group in paras.groupby("doc_id", sort=False):
        pids = group["para_id"].astype(int).tolist()
        texts = [str(t) for t in group["text"].fillna("").tolist()]
        for r in _extract_doc(texts):
            pid = pids[r.pop("_idx")]
            s_idx = r.pop("_sidx")
            r["speaker_para_id"] = pids[s_idx] if s_idx >= 0 else -1
            # the gazetteers' affiliation (kzlib/data/actors.yaml, else ru/actors.yaml), for people only NER
            # found that of the actor their title names (note_affiliations); else ""
            aff = r.pop("_aff")
            rows.append({"doc_id": doc_id, "para_id": pid, "end_para_id": pid, "affiliation": aff, "cited": "", **r})
