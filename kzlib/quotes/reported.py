"""Reported (indirect) speech: the subject of a speech verb and the reported clause."""

from __future__ import annotations

import re
from dataclasses import replace

from kzlib.actors import (
    Gazetteer,
    Mention,
)
from kzlib.quotes._addressee import ADDRESSEE_VERBS, addressee_end
from kzlib.quotes._head import (
    _APPOSITION,
    _COORD_BEFORE,
    _COORD_END,
    _NOT_CONTENT,
    _NOT_MIDDLE,
    _PASSIVE_INF,
    _RELATIVE,
    _VEHICLE,
    _description_after,
    _head_subject,
)
from kzlib.quotes._modifier import _group_heads
from kzlib.quotes._relative import relative_after_noun
from kzlib.quotes._report_words import (
    _ADVERBIAL_TAIL,
    _BREAK_COLON,
    _CALL_FORMS,
    _CLAUSE_NEXT,
    _CLOSERS,
    _CLOSING_MARK,
    _COORD_VP,
    _INDEFINITE_BEFORE,
    _NAME_GIVEN,
    _NAMING,
    _NOUN_LIST_BEFORE,
    _PHRASAL_CALL,
    _PREP_LEAD,
    _REL_BEFORE,
    _RELATIVE_BEFORE,
    _ROLE_AFTER,
    _THAT_IN,
    _VEHICLE_END,
    _VERB_OBJECT,
    _WHO,
    _any_between,
    _determined,
    _may_trail,
    _named_in_apposition,
    _reports,
    _transcript,
    _vehicle_author,
    _whole_source,
)
from kzlib.quotes.clauses import (
    _ADDRESSED,
    _AGENT_NP,
    _AGENT_WHO,
    _AND_VERB,
    _AS_OPEN,
    _BE_BEFORE,
    _BY_AGENT,
    _CLAUSE_APPOSITION,
    _CLAUSE_GOES_ON,
    _CLAUSE_OPEN,
    _COMPLEMENT_KEYS,
    _COMPLEMENT_SUBJECT,
    _GOES_ON,
    _GOES_ON_VERBS,
    _GROUP_AFTER,
    _LIKE_KEYS,
    _LIKE_SUBJECT,
    _NOUN_NEXT,
    _OBJECT_END,
    _PARENTHETICAL,
    _PARTICIPLE_FORM,
    _PARTICIPLE_NEXT,
    _PASSIVE_AUX,
    _PREP_OPEN,
    _REL_ATTR,
    _SHORT_CLAUSE,
    _SUBJECT_NEXT,
    _SUBORDINATE_OPEN,
    _clause_end,
    _main_clause_start,
    _not_a_report,
    _past_adjuncts,
)
from kzlib.quotes.cues import (
    _ACCORDING_KEYS,
    _LOOSE_CUES,
    _SPACES,
    _THAT,
    _WH,
    _all_cues,
    _cue_named,
    _cue_ok,
    _cue_search,
    _cues,
    _sentence_cues,
    _text_index,
)
from kzlib.quotes.direct import _sentence_subject
from kzlib.quotes.marks import _ACCORDING, _has_words, _n_words, _Span
from kzlib.quotes.participles import _AS_SAYING, _QUOTING, _participle_holder
from kzlib.quotes.speakers import _described, _DocState, _is_person, _Speaker, _speaker_after, _spk
from kzlib.quotes.subject import (
    _ADDR,
    _CLAUSE_BREAK,
    _CONTENT_ADJUNCT,
    _CONTENT_LEAD,
    _INFINITIVE,
    _TRAIL_ATTR,
    _is_group_word,
    _noted_name,
    _source_heads,
    _subject,
)
from kzlib.text import may_match


def _reported(g: Gazetteer, st: _DocState, text: str, spans: list[_Span], mentions: list[Mention],
              bounds: list[tuple[int, int]], *, thoughts: bool = False) -> list[tuple[int, int, _Speaker, str]]:
    """Reported speech, (start, end, speaker, cue) in reading order: "X said (that) CLAUSE",
    "X told Y CLAUSE", "According to X, CLAUSE", "CLAUSE, X said (Thursday)", "CLAUSE, said X"."""
    index = _text_index(text)
    line = _transcript(g, st, text, mentions)
    if line is not None:
        return [line]
    according = may_match(index, _ACCORDING_KEYS)
    complement, like = may_match(index, _COMPLEMENT_KEYS), may_match(index, _LIKE_KEYS)  # (words two patterns need)
    # where the cues that report speech (or thought) start: a sentence with none has no report to read
    starts = [m.start() for m in _all_cues(text) if _reports(_cue_named(m.group(0)), thoughts)]
    if not according and not starts:
        return []
    inside = bytearray(len(text) + 1)
    for sp in spans:
        inside[sp.open_at:sp.end + 1] = b"\x01" * (sp.end + 1 - sp.open_at)
    out: list[tuple[int, int, _Speaker, str]] = []
    table = _cues()[1]
    n_before = 0
    for a, b in bounds:
        if len(out) > n_before:
            # "X said Monday that Y has ... . He said ...": he is the last sentence's speaker, not a name of its content
            st.note_sentence_speaker(g, _noted_name(text, out[-1][2]))
        n_before = len(out)
        while b > a and text[b - 1] in " \t":
            b -= 1
        found = None
        am = _ACCORDING.search(text, a, b) if according else None
        if am and not inside[am.start()]:
            comma = text.find(",", am.end(), b)
            inner_cue = _cue_search(text, comma, min(b, comma + 40)) if comma > 0 else None
            # a clause break before "according to" ("It has not gone unnoticed: according to polls, ..."; not the
            # colon of a time, "At 10:30 p.m., according to police, ...")
            a0 = max([m.end() for m in _BREAK_COLON.finditer(text, a, am.start())] or [a])
            ic = _cue_named(inner_cue.group(0)) if inner_cue else None
            if ic is not None and inner_cue is not None and ic.indirect and not ic.object and (
                    ic.form in _LOOSE_CUES or ic.needs and _cue_ok(ic, text[inner_cue.end():b])):
                pass  # "According to the government, Tokayev says / confirmed that ...": the inner attribution
            elif _n_words(text[a0:am.start()]) <= 3 and comma > 0 and _has_words(text[comma:b], 3):
                name_end = comma
                if _APPOSITION.match(text, comma + 1, b):  # "According to X, a historian at Y, CLAUSE"
                    nxt = text.find(",", comma + 1, b)
                    if nxt > 0 and _n_words(text[comma:nxt]) <= 12 and _has_words(text[nxt:b], 3):
                        comma = nxt
                spk = _speaker_after(g, st, mentions, text, am.end(), name_end)
                persons = [m for m in mentions if am.end() <= m.start < name_end and m.actor and m.method != "description"
                           and _is_person(g, m)]
                if persons:
                    spk = _spk(persons[-1], persons[-1].actor, persons[-1].method, 0.85)
                spk = _whole_source(text, spk, name_end)
                if not spk.name:  # "According to a report from the inspector general, ...": the whole description
                    np_ = text[am.end():comma].strip()
                    spk = _described(np_, am.end(), comma, 0.5)
                found = (comma + 1, b, spk, am.group(0))
            elif _has_words(text[a0:am.start()], 2) and comma > 0 and _has_words(text[comma:b], 3) \
                    and not _APPOSITION.match(text, comma + 1, b) and text[a0:am.start()].rstrip().endswith(","):
                # "At the heart of the trouble, according to Dennis Ross, was a decision ...": both sides
                spk = _whole_source(text, _speaker_after(g, st, mentions, text, am.end(), comma), comma)
                if not spk.name:
                    np_ = text[am.end():comma].strip()
                    spk = _described(np_, am.end(), comma, 0.5)
                found = (a0, b, spk, am.group(0))
            elif _has_words(text[a0:am.start()], 4):  # "CLAUSE, according to X."
                spk = _whole_source(text, _speaker_after(g, st, mentions, text, am.end(), b), b)
                if not spk.name:
                    np_ = text[am.end():b].strip(" .")
                    spk = _described(np_, am.end(), b, 0.5)
                if _VEHICLE.fullmatch(text[am.end():b].strip(" .")):
                    # "CLAUSE, according to a statement": a vehicle, not a speaker; the clause's subject speaks
                    subj = _sentence_subject(g, st, mentions, text, a0, am.start())
                    if subj.name:
                        spk = subj
                c1 = am.start()
                while c1 > a0 and text[c1 - 1] in " ,":
                    c1 -= 1
                found = (a0, c1, spk, am.group(0))
        if found is None and not _any_between(starts, a, b):
            continue  # no reporting cue starts in the sentence
        founds: list[tuple[int, int, _Speaker, str]] = [found] if found else []
        lo = a  # where the next attribution's subject may start
        verb_end, verb_spk = -1, _Speaker()  # where the verb of the last attribution read ends, and its speaker
        rel_found = False  # whether the last attribution read is a relative clause's ("X, who said ...")
        who_agent: tuple[_Speaker, int] | None = None  # a passive's agent that a relative clause follows
        for cm in ([] if found else _sentence_cues(text, a, b)):
            if cm.start() < lo or inside[cm.start()]:
                continue
            cue = table.get(_SPACES.sub(" ", cm.group(0).lower()))
            if cue is None or not (cue.indirect or (thoughts and cue.thought)) or cue.after_quote_only:
                continue
            if cue.thought and not thoughts:
                continue
            if _INFINITIVE.search(text, max(a, cm.start() - 4), cm.start()):
                continue  # "to explain", "to say": not a report
            # a passive ("X was criticized by Y for ...", "was told"): the agent after "by" speaks, else no one named
            # (a question asked, "X was asked whether ...", keeps its row: the question is the content, below)
            passive = cue.needs != "wh" and bool(_PARTICIPLE_FORM.match(cm.group(0))
                                                  and _BE_BEFORE.search(text, max(a, cm.start() - 40), cm.start()))
            if passive and text[cm.end():b].lstrip()[:1] in (",", ";", ":", ".", ")", "—", "–", ""):
                continue  # "where their aims are largely opposed, X argued": an adjective, nothing reported
            if cue.object and " " not in cue.form and _NOUN_NEXT.match(text, cm.end(), b):
                continue  # "a strong ground game and support from all Democrats": a noun, not a verb
            if _determined(text, a, cm.start()):
                continue  # "the governor's repeated claim", "her support": a noun or its modifier, not a verb
            if _NOUN_LIST_BEFORE.search(text, max(a, cm.start() - 8), cm.start()) and text[cm.end():cm.end() + 1] == "," \
                    and cm.group(0).lower().endswith("s"):
                continue  # "In TV interviews and tweets, Trump ...": a plural noun in a list, not a verb
            if relative_after_noun(cm.group(0), text, cm.end(), b):
                continue  # "FEC reports that track spending show ...": a plural noun and its relative clause
            if cm.group(0).lower() in _CALL_FORMS and _PHRASAL_CALL.match(text, cm.end(), b) \
                    or _not_a_report(cm.group(0), text, cm.end(), b):
                continue  # "called in Russian-led forces", "found on an inner tube": no speech
            if cm.group(0).lower() in _NAMING and _INDEFINITE_BEFORE.search(text, max(a, cm.start() - 40), cm.start()) \
                    and _NAME_GIVEN.match(text, cm.end(), b):
                # ("An opposition leader called Tokayev a puppet": the name has a complement, a speech act)
                continue  # "a consulting firm called Gavekal Dragonomics": a name given, not a speech act
            # '"...," X said, referring to Y': a participle going on with the report before it
            participle = cue.form.split()[0].endswith("ing")  # "saying", "pointing to", "calling for"
            goes_on = participle and bool(verb_spk.name) and text[verb_end:cm.start()].strip() == ","
            if cue.needs and not goes_on and (cue.object or founds or text.rfind(",", a, cm.start()) <= a) \
                    and not _cue_ok(cue, text[_past_adjuncts(text, cm.end(), b):b]) \
                    and not (cue.needs == "clause" and _CLAUSE_BREAK.match(text, cm.end())):
                continue  # the clause the verb needs is not there, and no inverted attribution can be read
            if not founds and cue.form in _LOOSE_CUES and (rm := _REL_ATTR.search(text, max(a, cm.start() - 60), cm.start())) \
                    and (rm.group("group") is None or _is_group_word(rm.group("group"), _group_heads())):
                # "the changes, which officials said will go into effect ...": the report is the relative clause's rest
                rsub = _subject(g, st, mentions, text, rm.start(2), cm.start(), loose=True)
                r0 = cm.end()
                if (tm := _THAT.match(text, r0, b)) is not None:
                    r0 = tm.end()
                r1 = min([i for i in (text.find(",", r0, b), text.find(";", r0, b), text.find("—", r0, b)) if i >= 0] or [b])
                if rsub is not None and rsub[0].surface and not inside[r0]:
                    if _has_words(text[r0:r1], 2):
                        founds.append((r0, r1, rsub[0], cm.group(0)))
                    lo, verb_end, verb_spk = r1, cm.end(), rsub[0]
                    continue  # no inverted reading of the clause before: the verb is the relative clause's
            sub = _subject(g, st, mentions, text, lo, cm.start(), loose=cue.form in _LOOSE_CUES)
            if who_agent is not None and _AGENT_WHO.fullmatch(text, who_agent[1], cm.start()):
                sub = (who_agent[0], cm.start())
            if sub is None and like and (lm := _LIKE_SUBJECT.match(text, a, cm.start())) is not None:
                # "The biggest hawks, like Rubio and Bush, say ...": the group speaks; the names are examples
                sub = (_described(lm.group("np"), lm.start("np"), lm.end("np"), 0.5), lm.start("np"))
            if complement and (xm := _COMPLEMENT_SUBJECT.search(text, max(lo, cm.start() - 120), cm.start())) is not None \
                    and _is_group_word(xm.group("head"), _source_heads()):
                # "CLAUSE, a source close to him said": the description speaks, not the one it is close to
                sub = (_described(xm.group("np"), xm.start("np"), xm.end("np"), 0.5), xm.start("np"))
            if founds and rel_found and (sub is None or founds[-1][0] <= sub[1] < founds[-1][1]) \
                    and "," in text[founds[-1][1]:cm.start()] \
                    and not _has_words(text[text.rfind(",", founds[-1][1], cm.start()):cm.start()], 4):
                # "Beck, who supported Cruz, last week said ...": the relative clause closed; its antecedent speaks
                sub = (founds[-1][2], cm.start())
            long_subject = sub is None and not founds and not cue.object and not participle \
                and cm.group(0).islower() and _CLAUSE_OPEN.match(text, cm.end(), b) is not None \
                and not any(lo <= c < cm.start() and not _REL_BEFORE.search(text, max(lo, c - 20), c) for c in starts)
            if long_subject:  # "Current and former officials who spoke with the paper said ..." (a cue in a relative
                # clause, "Officials who declined to be named said", does not stop it)
                sub = _head_subject(g, st, mentions, text, lo, cm.start())
                long_subject = sub is not None
            if founds and participle and (text[founds[-1][1]:cm.start()].strip() == "," or (
                    text[founds[-1][1]:cm.start()].rstrip().endswith(",") and not _has_words(text[founds[-1][1]:cm.start()], 5))):
                # "X endorsed Y (last week), calling him ...": the participle is X's
                sub = (founds[-1][2], cm.start())
            elif goes_on:
                sub = (verb_spk, cm.start())  # '"...," X said, referring to ...': the participle is X's too
            elif founds and (sub is None or not sub[0].name or sub[1] < founds[-1][1]) \
                    and _COORD_VP.fullmatch(text, founds[-1][1], cm.start()):
                # "The spokesman refused to answer ... but said ...", "X said A, and urged B": the same subject
                sub = (founds[-1][2], cm.start())
            elif founds and founds[-1][0] < cm.start() <= founds[-1][1] and (cm.group(0).lower() in _GOES_ON_VERBS or (
                    not cue.object and not participle and cue.form not in _ADDRESSED and _THAT.match(text, cm.end(), b))) \
                    and (cm_ := _AND_VERB.search(text, founds[-1][0], cm.start())) is not None \
                    and _CLAUSE_OPEN.match(text, cm.end(), b) is not None and _has_words(text[founds[-1][0]:cm_.start()], 3):
                # "X told the AP A and said B", "X said A and added that B": a second verb of the same subject
                p0, _, pspk, pcue = founds[-1]
                founds[-1] = (p0, cm_.start(), pspk, pcue)
                sub = (pspk, cm.start())
            if (sub is None or not sub[0].name or sub[0].resolution == "description"
                    and _VERB_OBJECT.search(sub[0].surface)) and participle:
                # "X differs from Y, instead noting ...": the participle's subject is the sentence's ("The senator
                # opened a rally blasting ...": a clause is no description of a speaker)
                s0 = _main_clause_start(text, a, cm.start())
                first = [m for m in mentions if s0 <= m.start < cm.start() and m.actor
                         and (m.method != "description" or not text[s0:m.start].strip())
                         and _n_words(text[s0:m.start]) <= 2]
                if first and (rm := _ROLE_AFTER.match(text, first[0].end)) and _is_group_word(rm.group(1), _source_heads()):
                    # "The Vermont senator opened a rally blasting ...": the name modifies the speaker's role
                    sub = (_described(text[s0:rm.end()].strip(), s0, rm.end()), s0)
                elif first:
                    sub = (_spk(first[0], first[0].actor, first[0].method, 0.7), first[0].start)
            if participle and not founds:
                sub = _participle_holder(g, st, mentions, text, a, cm.start(), sub)
            if (sub is None or sub[0].resolution == "description") and participle \
                    and (vm := _VEHICLE_END.search(text, a, cm.start())):
                # "The governor sent a letter to the ministry saying ...": the letter's author speaks
                author = _vehicle_author(g, st, mentions, text, a, vm.start())
                if author.name or author.surface:
                    sub = (author, vm.start())
            if sub is not None and sub[0].resolution == "description" and _VEHICLE.fullmatch(sub[0].surface.strip()):
                # "McConnell released a statement saying ...": the statement's author speaks
                author = _vehicle_author(g, st, mentions, text, a, sub[0].m_start if sub[0].m_start >= 0 else sub[1])
                if author.name or author.surface:
                    sub = (author, sub[1])
            agent_end = -1
            if passive:
                agent = _Speaker()
                if (bm := _BY_AGENT.match(text, cm.end(), b)) is not None:
                    agent = _speaker_after(g, st, mentions, text, bm.end(), b)
                    if agent.m_start >= 0 and _n_words(text[bm.end():agent.m_start]) > 1:
                        agent = _Speaker()  # a name further into the phrase is not the agent ("by police, in a letter")
                    agent_end = agent.m_end
                    if not (agent.name or agent.surface) and (nm := _AGENT_NP.match(text, bm.end(), b)) is not None:
                        agent = _described(nm.group(0), nm.start(), nm.end(), 0.5)  # "by several council members"
                        agent_end = nm.end()
                if not (agent.name or agent.surface):
                    continue  # "X was criticized for ...": who criticised is not said; no row names the wrong one
                if agent_end >= 0 and text[agent_end:b].lstrip().startswith(",") \
                        and not _THAT.match(text, _past_adjuncts(text, agent_end, b), b) \
                        and not _AGENT_WHO.match(text, agent_end, b):
                    continue  # "criticized by the unions, the paper said": the clause ends at the agent, no content
                if agent_end >= 0 and (gm := _CLAUSE_GOES_ON.match(text, agent_end, b)) is not None:
                    if (gm.group("conj") or "").lower() == "who":
                        who_agent = (agent, agent_end)  # "criticized by residents, who said ...": theirs
                    continue  # "X was criticized by residents and said ...": nothing of the agent's is reported
                sub = (agent, cm.start())
            rest = text[cm.end():b]
            if sub is not None and founds and sub[0].resolution == "pronoun" and founds[-1][2].name:
                prev = st.ents.get(founds[-1][2].name)
                want = {"he": "m", "she": "f"}.get(sub[0].surface.lower(), "")
                if want and prev is not None and prev.type in ("person", "") and prev.gender in (want, ""):
                    sub = (replace(sub[0], name=prev.name), sub[1])  # "Beck said A, but he said B"
            if cm.group(0).lower() in _QUOTING and _AS_SAYING.match(text, cm.end(), b):
                continue  # "Interfax cited an official as saying ...": the participle's row is the official's
            if _PASSIVE_INF.match(text, cm.end(), b):
                continue  # "X alleged to be ...", "reported to have": a passive report of X, not X's words
            if sub is not None and _NOT_CONTENT.match(text, cm.end(), b):
                sub = None  # '"...," Ebeling said, and her husband cut in': no reported clause follows
            # "CLAUSE, X said, adding ...": the clause before is the report, the participle goes on with it
            # "CLAUSE, X said, a policy that ..." / "..., X said, and with ...": the report is the clause before
            clause_appo = not founds and not goes_on and not long_subject \
                and _CLAUSE_APPOSITION.match(text, cm.end(), b) is not None \
                and _has_words(text[a:max(a, text.rfind(",", a, cm.start()))], 4) and not _SUBORDINATE_OPEN.match(text, a, b)
            tail_participle = sub is not None and not founds and _PARTICIPLE_NEXT.match(text, cm.end(), b) is not None \
                and text[a:sub[1]].rstrip(_CLOSERS).endswith(",") and _has_words(text[a:sub[1]], 3) \
                and not _SUBORDINATE_OPEN.match(text, a, b)
            if sub is not None and not founds and not goes_on and text[a:cm.start()].rstrip().endswith(",") and (any(
                    m.actor and not text[cm.end():m.start].strip()
                    and text[m.end:m.end + 1] in (",", ".", "") for m in mentions if cm.end() <= m.start <= cm.end() + 2)
                    or cue.form not in _ADDRESSED and _GROUP_AFTER.match(text, cm.end(), b) and _is_group_word(
                        _GROUP_AFTER.match(text, cm.end(), b).group("head"), _source_heads())):  # type: ignore[union-attr]
                sub = None  # "CLAUSE, said Tom Baker, a former aide.": inverted, whatever stands before the comma
            elif tail_participle:
                pass
            elif clause_appo and sub is not None and text[a:sub[1]].rstrip(_CLOSERS).endswith(","):
                pass  # the inverted attribution below
            elif sub is not None and not founds and not goes_on and not long_subject \
                    and text[a:sub[1]].rstrip(_CLOSERS).endswith(",") and _n_words(text[a:sub[1]]) <= 12 \
                    and not _has_words(text[sub[1]:cm.start()], 6) and _PARENTHETICAL.match(text, cm.end(), b) \
                    and not (_ADVERBIAL_TAIL.match(text, _past_adjuncts(text, cm.end(), b), b)
                             and _NOT_MIDDLE.search(text, a, sub[1])) \
                    and not any(sp.open_at < cm.start() < sp.end for sp in spans) and not _PREP_OPEN.fullmatch(text, a, sub[1]) \
                    and not _RELATIVE_BEFORE.search(text, sub[1], cm.start()):
                # "This campaign, he says, is different.": the attribution stands inside the reported sentence (not
                # "Roe, who backs Doe, trashed ...": a relative clause, whose verb reports only its own object)
                founds.append((a, b, sub[0], cm.group(0)))
                lo, verb_end, verb_spk = b, cm.end(), sub[0]
                continue
            elif sub is not None and not founds and not goes_on and not long_subject and (
                    not _has_words(rest, 7) or _ADVERBIAL_TAIL.match(text, _past_adjuncts(text, cm.end(), b), b)) \
                    and text[a:sub[1]].rstrip(_CLOSERS).endswith(",") \
                    and _has_words(text[a:sub[1]], 5) and not _CLAUSE_NEXT.match(text, cm.end(), b) \
                    and not text[a:sub[1]].rstrip(_CLOSERS)[-2:-1].isdigit() and not text[cm.end():b].lstrip().startswith(",") \
                    and not _SUBJECT_NEXT.match(text, cm.end(), b) and not _SUBORDINATE_OPEN.match(text, a, b) \
                    and not (_PREP_OPEN.fullmatch(text, a, sub[1]) and _has_words(rest, 2)):
                pass  # "CLAUSE, X told a Senate panel Wednesday.": the inverted attribution below
            elif sub is not None:
                spk, s0 = sub
                if cue.needs == "wh" and _PASSIVE_AUX.search(text, max(a, cm.start() - 12), cm.start()):
                    spk = _Speaker()  # "X was asked whether ...": X is asked; who asked is not said
                c0 = max(cm.end(), agent_end)  # (a passive's content goes on after its agent)
                if cue.form in ("told", "tells", "tell", "telling", "informed", "assured", "reminded", "warned",
                                "asked", "urged", "promised", "wrote"):
                    adm = _ADDR.match(text, c0, b)
                    if adm:
                        c0 = adm.end()
                    elif cue.form in ADDRESSEE_VERBS or cue.form == "warned":
                        # "told a rally on Tuesday that ...": the clause, not the rally
                        c0 = addressee_end(text, c0, b, need_that=cue.form == "warned")
                if cue.needs == "wh" and (wm := _WH.match(text, c0, b)) is not None \
                        and not re.search(r"\bto\b", wm.group(0), re.IGNORECASE):
                    # "asked the senator whether ...": the question ("asked her to call if possible": no question)
                    c0 = wm.end() - len(wm.group(0).split()[-1])
                lm = _CONTENT_LEAD.match(text, c0, b)
                c0 = lm.end() if lm else c0
                while (jm := _CONTENT_ADJUNCT.match(text, c0, b)) and jm.end() > c0:
                    c0 = jm.end()  # "said in a statement Thursday that ...": the words after the adjuncts
                c1 = b
                tm = _TRAIL_ATTR.search(text, c0, b) if _may_trail(text[c0:b]) else None
                if tm:
                    c1 = max(c0, tm.start())  # (nothing left but "..., the paper said.": no content)
                if cue.object and (om := _OBJECT_END.search(text, c0 + 1, c1)):
                    c1 = om.start()  # "endorsed Cruz last week, saying ...": the object only
                elif (em := _clause_end(participle).search(text, c0 + 1, c1)) and _has_words(text[c0:em.start()], 3):
                    c1 = em.start()  # "said A, and he railed against B": the report ends with its clause
                if "," not in text[a:cm.start()] and _SUBORDINATE_OPEN.match(text, a, b) and not _AS_OPEN.match(text, a, b) \
                        and (sc := text.find(",", c0, c1)) > c0 and _has_words(text[sc:c1], 3):
                    c1 = sc  # "While X claimed that A, experts say B": the opening clause ends at its comma
                content = text[c0:c1]
                if _PREP_LEAD.match(content) and not _THAT_IN.search(content) and any(
                        sp.closed and sp.end < s0 and not text[sp.end + 1:s0].strip(" ,\t'’\"”") for sp in spans):
                    continue  # '"...," X said on Friday in a televised address.': the quotation's tag, nothing more
                if (_has_words(content, 1 if cue.object else 3) or _SHORT_CLAUSE.fullmatch(content)) and (not cue.needs or goes_on or _cue_ok(cue, text[_past_adjuncts(text, cm.end(), b):b]) or cue.needs == "clause"
                                               and _CLAUSE_BREAK.match(text, cm.end())):
                    lead_q = next((sp for sp in spans if c0 <= sp.open_at <= c0 + 1), None)
                    if lead_q is not None and _n_words(text[lead_q.end:c1]) < 3:
                        lo = max(lo, lead_q.end)
                        continue  # 'X said: "..."': the direct quote is the content
                    if founds and founds[-1][0] < max(s0, cm.start()) <= founds[-1][1] and not (
                            founds[-1][0] < s0 and _COORD_BEFORE.search(text, founds[-1][0], s0)):
                        continue  # a report inside the reported clause ("X said the CSTO responded ...")
                    if founds and founds[-1][0] < s0 <= founds[-1][1]:
                        # "X said A, but he said B" / "74 percent said A, while 22 percent said B"
                        p0, _, pspk, pcue = founds[-1]
                        founds[-1] = (p0, p0 + len(_COORD_END.sub("", text[p0:s0])), pspk, pcue)
                    founds.append((c0, c1, spk, cm.group(0)))
                    lo, verb_end, verb_spk = c0, cm.end(), spk
                    # a relative clause's report, or a verb coordinated with one ("X, who backed A and opposed B")
                    rel_found = bool(_WHO.match(text, s0)) or (rel_found and len(founds) > 1 and founds[-2][2] == spk)
                    continue
            if founds or cue.object:
                continue
            if tail_participle and sub is not None and any(
                    sp.closed and sp.end <= sub[1] and not text[sp.end + 1:sub[1]].strip(" \t'’\"”") for sp in spans):
                # '"...," Jane Roe said, recalling ...': the quotation is its own row; a participle that is a cue
                # reports on, for the same speaker
                lo, verb_end, verb_spk = cm.end(), cm.end(), sub[0]
                continue
            # inverted: 'CLAUSE, X said (Thursday).' / 'CLAUSE, said X, a professor at Y.'
            comma = text.rfind(",", a, cm.start())
            after = _speaker_after(g, st, mentions, text, cm.end(), b) if (not _has_words(rest, 5) or (
                _n_words(text[comma:cm.start()]) == 0)) and cue.form not in _ADDRESSED else _Speaker()
            if sub is not None and sub[1] < comma and (ap := _named_in_apposition(mentions, text, a, comma)):
                founds.append((a, ap[1], ap[0], cm.group(0)))  # "CLAUSE, his top aide, Tad Devine, told X."
                break
            if sub is not None and sub[1] < comma:
                continue  # 'The CSTO, which includes ..., responded': the subject's own apposition
            if comma > a and _RELATIVE.match(text, comma + 1, cm.start()):
                continue  # '..., which he described as ...': a relative clause, not an attribution
            pq = next((sp for sp in spans if sp.closed and sp.open_at < comma < sp.end and a < sp.open_at
                       and _has_words(text[a:sp.open_at], 3) and not _has_words(text[sp.end:cm.start()], 6)
                       and not text[a:sp.open_at].rstrip().endswith((",", ":"))), None)
            # (not after "Outside the akimat," or "by phone:": the quotation is then the whole report)
            if pq is not None:  # 'Teachers there are "very pro-Bernie," Kilfoyle said.': the clause ends with its quote
                closing = _CLOSING_MARK.match(text, pq.end)  # (it matches the empty string too)
                comma = closing.end() if closing is not None else pq.end
            if after.name and after.m_start >= 0 and _n_words(text[cm.end():after.m_start]) > 1:
                after = _Speaker()  # 'CLAUSE, said X': the speaker follows the verb
            desc = _description_after(mentions, text, cm.end(), b) if comma > a \
                and _n_words(text[comma:cm.start()]) == 0 else None  # "CLAUSE, said several observers."
            if desc is not None and desc.name and after.resolution not in ("named", "surname", "gazetteer"):
                after = desc  # "CLAUSE, said the company's chief executive, Jane Roe."
            elif desc is not None and (after.name or after.surface):
                desc = None
            if _PREP_OPEN.fullmatch(text, a, comma + 1) and _has_words(rest, 2):
                continue  # "In the free-trade zone, traders say business is poor": an opening phrase is no report
            if comma > a and _has_words(text[a:comma], 3) and _n_words(text[comma:cm.start()]) <= 12 \
                    and (not _has_words(rest, 15) or tail_participle or (after.name or after.surface)
                         and after.resolution != "pronoun"
                         or desc is not None or clause_appo) \
                    and not any(sp.open_at < comma < sp.end for sp in spans):
                qfrac = sum(max(0, min(comma, sp.end) - max(a, sp.start)) for sp in spans)
                # a quotation opening the clause is the clause ('"...," X said'), unless the clause goes on after it
                # ('"We are happy" about the decision, X said': a partial quotation inside a report)
                if qfrac > 0.5 * (comma - a) or any(a <= sp.open_at <= a + 2 and not (
                        sp.closed and text[sp.end - 1:sp.end] not in ",.!?;:" and _GOES_ON.match(text, sp.end, comma)
                        and _has_words(text[sp.end + 1:comma], 3)) for sp in spans):
                    if not tail_participle:
                        break  # a direct quotation: its own row
                    spk = sub[0] if sub is not None and sub[0].name else after
                    lo, verb_end, verb_spk = cm.end(), cm.end(), spk
                    continue
                if (after.name or after.surface) and after.resolution != "pronoun" and not (sub is not None and sub[0].resolution in (
                        "named", "surname", "gazetteer")):
                    spk = after
                elif sub is not None and sub[0].name:
                    spk = sub[0]
                elif desc is not None:
                    spk = desc
                elif _n_words(text[comma:cm.start()]) == 0:
                    spk = _speaker_after(g, st, mentions, text, cm.end(), b)
                    if spk.m_start >= 0 and (_n_words(text[cm.end():spk.m_start]) > 5
                                             or _NOT_MIDDLE.search(text, cm.end(), spk.m_start)):
                        spk = _Speaker()  # "..., say the bulk of troops should be Arab fighters": not after the verb
                else:
                    sub2 = _subject(g, st, mentions, text, comma + 1, cm.start())
                    spk = sub2[0] if sub2 else _Speaker()
                if spk.name or spk.surface:
                    founds.append((a, comma, spk, cm.group(0)))
                    if not tail_participle:
                        break
                    lo, verb_end, verb_spk = cm.end(), cm.end(), spk
        out.extend(f for f in founds if _has_words(text[f[0]:f[1]], 2))
    return out
