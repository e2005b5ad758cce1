"""The English extractor (:func:`extract_quotes`) and the per-document pass over paragraphs."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import pandas as pd

from kzlib._memory import gc_paused
from kzlib.actors import (
    Gazetteer,
    Mention,
    default_gazetteer,
    place_names,
)
from kzlib.errors import require_columns
from kzlib.quotes._capitals import _InnerCapitals
from kzlib.quotes._descriptions import _DOCUMENT_ROLES
from kzlib.quotes._places import _DocPlaces
from kzlib.quotes._possessor import _complement_speaker
from kzlib.quotes._report_words import _is_fragment
from kzlib.quotes.clauses import _complement_end
from kzlib.quotes.cues import _cue_named, _speech_cue_in
from kzlib.quotes.direct import _attribute_direct, _Row
from kzlib.quotes.marks import (
    _ANSWER,
    _PRONOUNS,
    _QUESTION,
    _TAIL,
    QUOTE_COLUMNS,
    SPEECH_KINDS,
    _archive_style,
    _is_title_object,
    _n_words,
    _quote_spans,
    _sentence_bounds,
)
from kzlib.quotes.mentions import _mentions
from kzlib.quotes.nouns import _noun_reports, _unnamed_asker
from kzlib.quotes.plausible import _check_speakers, _settle_descriptions
from kzlib.quotes.posts import post_quotes
from kzlib.quotes.reported import _reported
from kzlib.quotes.speakers import (
    _apposed_name,
    _body_kind,
    _DocState,
    _group_heads,
    _is_person,
    _no_pronoun_name,
    _Speaker,
    _spk,
)
from kzlib.quotes.subject import _is_group_word, _noted_name, _source_heads, _with_possessed

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------------------ public API

def extract_quotes(paragraphs: pd.DataFrame, *, actors: Gazetteer | None = None,
                   documents: pd.DataFrame | None = None, use_despun: bool = True, min_words: int = 5,
                   analysable_only: bool = True, thoughts: bool = False, headlines: bool = False) -> pd.DataFrame:
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
        headlines: also read the documents' titles (``kind`` "title"): a headline's "X says Y" is an
            attribution too, but it repeats the body's, so kzlib does not count it by default.

    Returns:
        The ``quotes`` table: ``doc_id``, ``quote_id`` (0-based within the document, in reading
        order), ``para_id``, ``end_para_id``, ``start``/``end`` (offsets in the first/last paragraph's
        ``text``), ``quote`` (verbatim source words), ``speaker`` (canonical, "" if unknown; a name not
        in the gazetteer is kept as written), ``speaker_surface``, ``speaker_type`` (the gazetteer's type, else
        as the name reads: ``media``, ``organisation``, ``document`` for a poll or report, else ``person``), ``affiliation``,
        ``cue``, ``kind`` (direct / indirect / interview / act — an attributed act or position without words:
        "the union endorsed her", "X declined to comment"; not counted as speech, not read for stance — /
        fragment / question / post — an embedded post's words, e.g. a tweet, its author the speaker:
        :func:`kzlib.quotes.post_quotes`), ``cited``,
        ``confidence``, ``method``, ``n_words``; then ``speaker_resolution`` (how the speaker was
        found: ``named`` — a name in the text, ``surname`` — a shorter form of a name the document
        gave in full, ``title`` — a title or description of an actor named before ("the senator"),
        ``pronoun``, ``gazetteer`` — canonicalised by the gazetteer, ``description`` — an unnamed
        speaker such as "a spokesman", ``previous``/``same paragraph``/``interview`` — carried over
        from an earlier attribution, ``unresolved`` — a pronoun no person or body of the document
        fits, the speaker left "" (a pronoun is never a speaker's name) —, ``implausible`` — the words read as
        the speaker are no noun phrase ("with one of her ads", "Tuesday at the university"; kept in
        ``speaker_surface``), the speaker left "" —, ``handle`` — an embedded post's author found from its handle,
        or the bare "@handle" —, "" when none) and ``speaker_para_id``, ``speaker_start``,
        ``speaker_end``: where the speaker's mention stands (offsets into that paragraph's text; -1
        when the speaker was carried over). Speakers need not be in the gazetteer: any person,
        organisation, medium or document named in the text can speak.

    Example:
        >>> p = pd.DataFrame({"doc_id": ["d"], "para_id": [0], "text": ["Tokaev said that order was restored in Almaty."]})
        >>> extract_quotes(p)[["speaker", "kind", "quote"]].values.tolist()
        [['Kassym-Jomart Tokayev', 'indirect', 'order was restored in Almaty.']]
    """
    require_columns(paragraphs, ["doc_id", "para_id", "text"], table="paragraphs",
                    fix="pass Corpus.paragraphs (from kzlib.prepare() or kzlib.clean())")
    g = actors or default_gazetteer()
    paras = paragraphs
    if analysable_only:
        if "kind" in paras.columns:
            paras = paras[paras["kind"].fillna("body").isin(("body", "title") if headlines else ("body",))]
        if "duplicate_of" in paras.columns:
            paras = paras[pd.to_numeric(paras["duplicate_of"], errors="coerce").fillna(-1) < 0]
    paras = paras.sort_values(["doc_id", "para_id"], kind="stable")
    paras = paras[paras["doc_id"].notna()]
    # Russian documents have their own rules (issue 18)
    from kzlib.russian import russian_doc_ids

    ru_ids = russian_doc_ids(paras, documents)
    ru_frame = None
    if ru_ids:
        from kzlib.quotes.russian import extract_quotes_ru
        from kzlib.russian import as_quote_table
        ru_frame = as_quote_table(extract_quotes_ru(paras[paras["doc_id"].isin(ru_ids)]), QUOTE_COLUMNS)
        paras = paras[~paras["doc_id"].isin(ru_ids)]
        if actors is not None and len(ru_frame):
            ru_frame = _own_names(ru_frame, g)
    has_despun = use_despun and "text_despun" in paras.columns
    # whole columns as lists once, each document a run of rows (sorted by doc_id like groupby's groups):
    # per-document pandas calls cost more than the extraction of a short document
    doc_ids = paras["doc_id"].tolist()
    all_pids = paras["para_id"].astype(int).tolist()
    all_texts = [str(t) for t in paras["text"].fillna("").tolist()]
    all_despun = [str(t) for t in paras["text_despun"].fillna("").tolist()] if has_despun else all_texts
    frames = []
    lo = 0
    with gc_paused():   # many small objects, freed by reference count; the rows made so far would be walked
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
    else:
        checked = _settle_descriptions(_check_speakers(out), g)
        dropped = (checked["speaker_resolution"] == "implausible") & (out["speaker_resolution"] != "implausible")
        if dropped.any():
            log.info("extract_quotes: %d speakers that are no noun phrase dropped (speaker_resolution 'implausible'), "
                     "e.g. %r", int(dropped.sum()), out.loc[dropped, "speaker_surface"].iloc[0])
        out = checked
    if ru_frame is not None and len(ru_frame):
        out = ru_frame if out.empty else pd.concat([out, ru_frame], ignore_index=True)
    posts = post_quotes(paragraphs, out, g)   # the embedded posts (paragraphs of kind "post"): their authors' words
    if len(posts):
        out = posts if out.empty else pd.concat([out, posts], ignore_index=True)
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
    st = _DocState(inner_caps=_InnerCapitals(texts), places=_DocPlaces(texts))
    rows: list[_Row] = []
    is_q = [bool(_QUESTION.match(t)) for t in texts]
    is_dash = [bool(_ANSWER.match(t)) and not q for t, q in zip(texts, is_q)]
    tails = [_answer_tail(g, t) if d else None for t, d in zip(texts, is_dash)]
    interview = any(is_q) or any(t is not None for t in tails)
    answerer = _Speaker()
    prev_role = ""  # "answer" when the previous paragraph was part of an answer
    carry: _Row | None = None  # an unclosed direct quote that may continue
    archive = _archive_style(texts)  # ``...'' quotations: the document's convention, decided before pairing
    for idx, (pid, src, fnd) in enumerate(zip(para_ids, texts, despun)):
        spans_src = _quote_spans(src, archive)
        spans_fnd = _quote_spans(fnd, archive) if fnd and fnd != src else spans_src
        text, spans = (fnd, spans_fnd) if len(spans_fnd) == len(spans_src) and fnd else (src, spans_src)
        st.para_idx = idx
        # a paragraph without quotation marks or speech cues needs its names only (for coreference)
        speechy = bool(spans_src) or interview or _speech_cue_in(text, thoughts=thoughts)
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
            am = _ANSWER.match(src)
            lead = am.end() if am else 0  # (a dash paragraph: it matches)
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
        # attributions by speech nouns ("his claim that ...", "her calls for ..."): no speaker noted from them
        nouns = _noun_reports(g, st, text, spans, all_mentions, bounds) + _unnamed_asker(text, bounds) \
            if text is src or len(text) == len(src) else []
        if nouns:
            nouns = [x for x in nouns if not any(y[0] <= x[0] and x[1] <= y[1] for y in ind)]
            ind = sorted(ind + nouns, key=lambda x: x[0])
        if answer_body is not None:
            ind = [x for x in ind if x[0] >= answer_body[0] and x[1] <= answer_body[1] + 1]
        absorbed = set()
        starts = [m.start for m in all_mentions]
        for s0, s1, spk, cue in ind:
            # 'called the vote "a fraud" and vowed to appeal': the naming ends with its quoted complement ('called
            # the protesters "terrorists"' is the speaker's partial quotation, not the writer's scare quotes)
            s1 = _complement_end(cue, src, s0, s1, [sp.end for sp in spans_src if sp.closed])
            quoted = sum(max(0, min(s1, sp.end) - max(s0, sp.start)) for sp in spans_src)
            kind = "direct" if quoted >= 0.5 * max(1, s1 - s0) else "act" if _cue_named(cue).act else "indirect"
            spk = _no_pronoun_name(g, st, spk)
            if len(text) == len(src):
                spk = _apposed_name(all_mentions, starts, text, spk)
            rows.append(_Row(idx, pid, s0, s1, kind, spk, cue=cue, explicit=True))
            if not nouns or (s0, s1, cue) not in {(x[0], x[1], x[3]) for x in nouns}:
                st.note_speaker(g, _noted_name(src, spk), idx)
            absorbed |= {k for k, sp in enumerate(spans_src) if sp.open_at >= s0 and sp.end <= s1 + 1}
        # direct quotes
        prev_speaker: _Speaker | None = None
        prev_row: _Row | None = None
        prev_end = -1
        title_tag: tuple[_Speaker, str, int] | None = None  # a title's attribution, for the quotation after it
        for k, sp in enumerate(spans_src):
            spk, cue, explicit = _attribute_direct(g, st, text, spans, k, mentions, bounds, all_mentions)
            spk = _no_pronoun_name(g, st, spk)
            if not explicit and title_tag is not None and not any(title_tag[2] <= b0 <= sp.open_at for b0, _ in bounds):
                # 'As Roe put it in "The Quiet Years," "We never ..."': the tag the title took is the quotation's
                spk, cue, explicit = title_tag[0], title_tag[1], True
            title_tag = None
            continues = carry is not None and k == 0 and sp.open_at <= 2
            if not explicit:
                same_sentence = prev_speaker is not None and not any(
                    prev_end <= b0 <= sp.open_at for b0, _ in bounds if b0 > 0)
                if prev_speaker is not None and prev_speaker.name and (same_sentence or k > 0):
                    spk = _Speaker(prev_speaker.name, prev_speaker.surface, "same paragraph", 0.7, prev_speaker.cited)
                elif continues and carry is not None:
                    spk = carry.speaker
                elif (near := _person_in_sentence(g, text, mentions, bounds, sp.open_at)) is not None:
                    # 'orders from Jane Roe to "act now"': the person of the quote's sentence, not the last speaker
                    spk = near
                elif st.last_speaker and (st.last_speaker_para == idx or (
                        (sp.open_at <= 2 or _PRONOUNS.search(text[:sp.open_at])) and idx - st.last_speaker_para <= 2)):
                    spk = _Speaker(st.last_speaker, "", "previous speaker", 0.6)
            if k in absorbed or answer_body is not None:
                frag = _is_fragment(src, sp, explicit, min_words=min_words) or not explicit
                if not frag or k in absorbed:
                    if frag or k in absorbed and _n_words(src[sp.start:sp.end]) < min_words:
                        rows.append(_Row(idx, pid, sp.start, sp.end, "fragment", _Speaker(), closed=sp.closed))
                    continue
            kind = "fragment" if _is_fragment(src, sp, explicit, min_words=min_words) else "direct"
            if kind == "fragment":
                rows.append(_Row(idx, pid, sp.start, sp.end, "fragment", spk if explicit else _Speaker(),
                                 cue=cue if explicit else "", closed=sp.closed))
                if explicit and spk.name and _is_title_object(src, sp):
                    title_tag = (spk, cue, sp.end)
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
            st.note_speaker(g, _noted_name(src, row.speaker), idx)
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
        if r.speaker.m_start >= 0 and r.speaker.resolution in ("named", "surname", "gazetteer"):
            r.speaker = _with_possessed(src, r.speaker)  # "according to Axelrod's memoir": what the name owns
            r.speaker = _complement_speaker(src, r.speaker)  # "said an aide to Roe": the aide speaks, not Roe
        name = r.speaker.name
        if r.speaker.m_end > 0 and g.type_of(name) in ("state", "bloc") \
                and (hm := _STATE_THEN_HEAD.match(src, r.speaker.m_end)) is not None \
                and _is_group_word(hm.group("head"), _source_heads()):
            # "a U.S. official said", "Russian diplomats said": the official speaks, not the state
            name = src[r.speaker.m_start:hm.end()]
            r.speaker = replace(r.speaker, name=name, surface=name, resolution="description", m_end=hm.end())
        if r.speaker.resolution == "named" and st.inner_caps is not None and name not in st.inner_caps \
                and " " not in name and not g.type_of(name) and src[r.speaker.m_start:r.speaker.m_end] == name \
                and (hm := _STATE_THEN_HEAD.match(src, r.speaker.m_end)) is not None \
                and _is_group_word(hm.group("head"), _source_heads()):
            # "Small groups of protesters ... chanting": a sentence's capitalised first word before a group's head,
            # never capitalised inside a sentence, is an adjective, not a name (nor a surname to link)
            name = name[:1].lower() + name[1:] + src[r.speaker.m_end:hm.end()]
            r.speaker = replace(r.speaker, name=name, surface=src[r.speaker.m_start:hm.end()],
                                resolution="description", m_end=hm.end())
        if r.speaker.resolution == "named" and st.inner_caps is not None and name not in st.inner_caps \
                and " " not in name and _is_group_word(name, _group_heads()) and name.lower() not in _PARTY_MEMBERS:
            # "Officials said": a group word capitalised only where it opens a sentence is a description
            name = name.lower()
            r.speaker = replace(r.speaker, name=name, resolution="description")
        out.append({
            "quote_id": 0, "para_id": r.para_id, "end_para_id": r.end_para_id if r.end_para_id >= 0 else r.para_id,
            "start": r.start, "end": r.end_end if r.end_para_id >= 0 else r.end, "quote": quote,
            "speaker": name, "speaker_surface": r.speaker.surface,
            "speaker_type": g.type_of(name) or _ent_type(st, name), "affiliation": g.affiliation(name),
            "cue": r.cue, "kind": r.kind, "cited": r.speaker.cited,
            "confidence": r.speaker.confidence if r.kind in SPEECH_KINDS else 0.5 if r.kind == "fragment" else 1.0,
            "method": r.speaker.method, "n_words": _n_words(quote),
            "speaker_resolution": (r.speaker.resolution or _CARRIED.get(r.speaker.method, "") if name else
                                   "unresolved" if r.speaker.resolution == "unresolved" else
                                   "description" if r.speaker.resolution == "description" and r.speaker.surface else ""),
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


#: After a state's name: the head noun of the person or group it qualifies ("U.S. (military) officials").
_STATE_THEN_HEAD = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?P<head>[a-z]+)\b")
def _own_names(ru: pd.DataFrame, g: Gazetteer) -> pd.DataFrame:
    """The Russian rows' speakers in the researcher's own gazetteer ``g``: the Russian rules find names with the
    bundled Russian gazetteer (``kzlib/data/ru/actors.yaml``) and the name recogniser; a speaker whose name
    or alias ``g`` lists takes ``g``'s canonical name, type and affiliation (logged; a warning when none is)."""
    out = ru.copy()
    named = out["speaker"].fillna("") != ""
    matched = 0
    for i, name in out["speaker"].fillna("").items():
        cands, method = g.candidates(str(name)) if name else ((), "")
        if method == "exact" and len(cands) == 1:
            canon = cands[0]
            row = [canon, g.type_of(canon) or out.at[i, "speaker_type"], g.affiliation(canon) or out.at[i, "affiliation"]]
            matched += 1
            out.loc[i, ["speaker", "speaker_type", "affiliation"]] = row
    (log.info if matched else log.warning)(
        "extract_quotes: the speakers of Russian documents are found with the bundled Russian gazetteer; %d of their "
        "%d named speakers are in your gazetteer and take its names (add Cyrillic aliases to it to have more found)",
        matched, int(named.sum()))
    return out


#: Group words that name a party's members, capitalised wherever they stand ("Democrats said").
_PARTY_MEMBERS = frozenset("democrats republicans conservatives liberals progressives independents".split())


def _ent_type(st: _DocState, name: str) -> str:
    """The kind of a speaker the gazetteer does not know: as its name reads in the text ("The Washington Post":
    media, "Congress": organisation), ``document`` for a described poll, report, statement …, else a person; ""
    for no speaker."""
    if not name:
        return ""
    e = st.ents.get(name)
    if e is not None and e.type:
        return e.type
    if name in place_names():
        return "state"  # a country or US state ("Israel said", "Florida said")
    head = name.split()[-1].lower()
    if head in _DOCUMENT_ROLES or head.endswith("s") and head[:-1] in _DOCUMENT_ROLES:
        return "document"
    return _body_kind(name) or "person"


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


