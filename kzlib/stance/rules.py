"""The rule method on one text: target mentions, cues near them, negation, hedges, reported speech,
rhetorical questions, acts of harm and what suffers them (``_acts.py``), the own-side prior, and the decision with its
evidence sentence. What a cue's object and agent are is ``_objects.py``'s."""

from __future__ import annotations

import bisect
import logging
import re

from kzlib.stance._acts import _agent_pool, _harmed, _hostile_objects, _judges
from kzlib.stance._candidacy import _candidacy
from kzlib.stance._comparisons import _comparison
from kzlib.stance._decision import _Contribution
from kzlib.stance._evaluations import _predicated
from kzlib.stance._experiencers import _HELP_RE, _caused_help, _named_helper
from kzlib.stance._frames import _relayed, _report_frames
from kzlib.stance._holders import _by_agent, _first_person_agent, _judgment_holder, _reason_sign, _received
from kzlib.stance._names import _ELSEWHERE, _find_mentions, _mark_mentions, _overlaps, _target_sexes
from kzlib.stance._negation import _neg_raised, _negated
from kzlib.stance._objects import (
    _COORDINATED_RE,
    _NOUN_OBJECT_AFTER_RE,
    _agent_of,
    _compound_participle,
    _coordinated,
    _governs,
    _last_word,
    _Mention,
    _modifies,
    _other_object,
    _passive_manner,
    _people_possessor,
    _right_elsewhere,
    _said_of_self,
)
from kzlib.stance._predicates import (
    _PERSON_HEADS,
    _TOO_FOR_RE,
    _naming_verb,
    _object_complement,
)
from kzlib.stance._questions import _denial_reaches, _question
from kzlib.stance._scope import _QuoteScope
from kzlib.stance._subjects import _active_verb, _others_subject, _others_support
from kzlib.stance.lexicon import (
    _PUNCT_BREAK_RE,
    _QUOTE_CHARS,
    _TOKEN_RE,
    _Lexicon,
    _marked_around,
    _sentences,
    _vader_compound,
    _without_scare_quotes,
)

logger = logging.getLogger(__name__)

__all__ = []


_POSSESSIVE_PRONOUN_RE = re.compile(r"(?:his|her|their|its)\b", re.I)
#: what may stand between a possessor's mention and its possessive: its own "'s" and up to two words ("the Trump
#: administration's", "Clinton's supporters'")
_POSSESSOR_NP_RE = re.compile(r"(?:['’]s)?(?:\s+[\w.-]+(?:['’]s)?){0,2}")
#: "without" later in a negated cue's clause: "not … without" states a necessity (a double negation), not a denial
_WITHOUT_AFTER_RE = re.compile(r"(?:\s+(?!(?:because|since|when|while|as|if|unless|who|which|that|and|but|or)\b)[\w'’-]+){0,5}"
                               r"\s+without\b", re.I)  # at most five words on, no new clause between
#: where someone else's naming of a target ends: a clause break, or a clause with a subject of its own after a conjunction
_NAMING_END_RE = re.compile(r"[,;:.!?]|\s(?:and|but|while|whereas|yet)\s+(?:I|we|you|he|she|they|it|[A-Z][\w'’.-]*)\b")
#: a determiner, possessive or number before a cue of ``noun_readable_cues`` (voting, campaigning, rallying, standing)
#: makes its first word a noun ("a vote for X", "Smith's vote for X", "the campaign against X"): a tally, an event or an analysis, no side
_NOUN_BEFORE_RE = re.compile(r"(?:\b(?:a|an|the|one|his|her|my|our|your|their|its|every|each|any|this|that|these|those|no)"
                             r"|\w['’]s?|\d[\d,]*)\s+$", re.I)
#: the word after a predicate's last word (an emotion's preposition: "so frustrated | with")
#: before "too" and a favourable cue, a linking verb or a degree word: the cue names an excess ("is too principled")
_EXCESS_BEFORE = frozenset("is are was were be been being seems seem seemed far much way".split())
#: a participle of judgment used as an adjective of attitude, with its preposition ("are opposed to X")
_ATTITUDE_ADJECTIVE_RE = re.compile(r"opposed\s+to\b", re.I)
_PRONOUN_PHRASE_RE = re.compile(r"\s+(?:his|her|their|its|him|them)\b", re.I)  # "concerns about | her health"
_WHO_AFTER_RE = re.compile(r"\s*,\s*(?:who|whom|whose)\b", re.I)  # a non-restrictive relative clause of a person
#: a cue of worry or objection with its preposition ("worried about", "concerns over", "we have a problem with"): what it
#: is about follows; a target before it in its clause is whoever worries ("X weren't the only ones worried about …")
_CONCERN_RE = re.compile(r"\b(?:worr(?:y|ies|ied)|concerns?|issues?|problems?)\s+(?:about|over|regarding|that|with)$", re.I)


def _score_text(
    text: str,
    lex: _Lexicon,
    *,
    context: str = "",
    speaker_sides: frozenset[str] = frozenset(),
    use_vader: bool = True,
    anchored: frozenset[str] | None = None,
    writer_marks: bool = False,
) -> tuple[dict[str, list[_Contribution]], list[tuple[int, int]], str, dict[str, str]]:
    """Score one quote against every target. Returns contributions per target, sentences, text.

    ``anchored``: the targets whose generic entries count (those the quote's document anchors);
    None counts every target's generic entries (a text given with its target, as to the classifier).
    ``writer_marks``: the quotation marks inside the text are the writer's, around the speaker's own
    words (an indirect report's partial quotation: Blinken urged restraint towards "peaceful
    protesters"), not the speaker's scare quotes: the marked words count at face value."""
    text = text or ""
    if not text.isascii():  # the quote characters replaced are not ASCII
        text = text.translate(_QUOTE_CHARS)
    mentions = _find_mentions(text, lex, anchored)
    sents = _sentences(text)
    if not mentions and not context:
        return {}, sents, text, {}  # no target in the quote nor in its context: nothing to score
    token_matches = list(_TOKEN_RE.finditer(text))
    tok_starts = [m.start() for m in token_matches]
    # an ASCII text has the same tokens lower-cased
    tokens = (_TOKEN_RE.findall(text.lower()) if text.isascii() else [m.group(0).lower() for m in token_matches])
    sent_starts = [a for a, _ in sents]

    def tok_index(pos: int) -> int:
        return max(0, bisect.bisect_right(tok_starts, pos) - 1)

    def sent_index(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    # clauses: a sentence cut at punctuation breaks and at conjunctions such as "but"
    clause_starts = sorted(set(sent_starts) | {c.start() for c in lex.clause_break_re.finditer(text)})

    def clause_start(pos: int) -> int:
        return clause_starts[max(0, bisect.bisect_right(clause_starts, pos) - 1)] if clause_starts else 0

    # sentences that open on an earlier episode ("A year ago, during …, X did …") recount a
    # precedent or a comparison: their cues describe that episode, not the speaker's stance
    # towards the targets named in it
    precedent = [bool(lex.precedent_re.match(text, a, b)) for a, b in sents]
    questions = [_question(text[a:b].strip(), rhetorical=bool(lex.rhetorical_re.match(text[a:b].strip()))) for a, b in sents]
    denied_favor: set[int] = set()  # sentences whose question asked to deny made a cue favourable ("Who could oppose X?")

    # reported speech inside the quote ("Some claim that the troops are an occupation"): words after a
    # third party's verb of saying are relayed, not the speaker's own (reported_factor); after a verb of
    # distancing ("claim", "allege") the speaker disputes them (distancing_factor < 0 reverses them)
    frames = _report_frames(text, sents, lex, writer_marks=writer_marks)

    def reported(pos: int) -> tuple[float, str]:
        for f_end, s_end, factor, note in frames:
            if f_end <= pos < s_end:
                return factor, note
        return 1.0, ""

    # irrealis: in a sentence with a conditional marker, the clause of a modal ("it would be Russia that
    # would be accused") and the condition itself ("if the troops attack the crowd,") are hypothetical
    conditions = ([lex.conditional_re.search(text, a, b) for a, b in sents] if lex.conditional_re.search(text)
                  else [None] * len(sents))

    def hypothetical(pos: int, s_i: int) -> bool:
        marker = conditions[s_i]
        if marker is None:
            return False
        if lex.irrealis_modal_re.search(text, clause_start(pos), pos):
            return True
        if marker.end() <= pos:
            stop = _CONDITION_END_RE.search(text, marker.end(), sents[s_i][1])
            return pos < (stop.start() if stop else sents[s_i][1])
        return False

    def others_support(start: int, end: int) -> bool:
        """Whether the support cue at ``start:end`` is someone else's than the speaker's (``_others_support``): a
        possessor on the speaker's own side holds it for the speaker ("Russia's support", said by its minister)."""
        holder = _others_support(text, start, end, clause_start(start), lex.others_support_re, indirect=writer_marks)
        if holder is None or holder < 0:
            return holder is not None
        return not own_possessor(holder)

    def on_own_side(m: _Mention) -> bool:
        """Whether the target the mention ``m`` names is on the speaker's own side."""
        return bool(speaker_sides & lex.own_side.get(m.target, set()))

    def own_possessor(pos: int) -> bool:
        """Whether the possessor at ``pos`` is on the speaker's own side: the target named right before it (or ending
        with it: "Russia's"), or for a possessive pronoun the last target named before it in its sentence, else in the
        sentence before ("China would like to express its firm support", said by China's spokesman)."""
        if _POSSESSIVE_PRONOUN_RE.match(text, pos):
            s_i = sent_index(pos)
            a = sents[max(0, s_i - 1)][0]
            named = [m for m in mentions if a <= m.start and m.end <= pos]
            return bool(named) and on_own_side(named[-1])
        return any(possessed(m, pos) and on_own_side(m) for m in mentions)

    def possessed(m: _Mention, pos: int | None) -> bool:
        """Whether the mention ``m`` is (in) the possessor whose possessive starts at ``pos``: "Russia's", "Clinton|'s",
        "the Trump administration|'s", "Clinton's supporters|'"."""
        return pos is not None and m.start < pos and (pos <= m.end or bool(_POSSESSOR_NP_RE.fullmatch(text, m.end, pos)))

    def others_judgment(start: int, end: int, ti: int) -> bool:
        """Whether the verb of judgment at ``start:end`` (token ``ti``) has a subject other than the speaker
        (``_others_subject``): "superdelegates supported X" reports their stance. A subject on the speaker's own side
        ("Russia supported the measures", said by its ministry) is the speaker's."""
        head = _last_word(text, start, end)
        if not (lex.judgment_re.fullmatch(text, head, end) or lex.holder_verb_re.fullmatch(text, head, end)
                or lex.judgment_re.fullmatch(text, start, end)) or (  # "vote for": a verb with its preposition
                _NOUN_OBJECT_AFTER_RE.match(text, end)):
            return False  # not a verb of judgment, or its noun ("support for X": the subject test is for verbs)
        # "opposed to X" after a copula: an adjective of attitude its subject holds ("the insiders are opposed to X")
        copular = _ATTITUDE_ADJECTIVE_RE.match(text, head) is not None
        return others_subject(ti, copular=copular)

    def others_subject(ti: int, *, copular: bool = False) -> bool:
        """Whether the verb or adjective of attitude at token ``ti`` has a subject other than the speaker, not on the
        speaker's own side."""
        subject = _others_subject(text, tokens, tok_starts, ti, indirect=writer_marks, copular=copular)
        return subject >= 0 and not any(m.start <= subject < m.end and on_own_side(m) for m in mentions)

    # someone else's verb of naming ("he has characterized X as a champion", "critics call X reckless"): what they
    # name it, its object complement up to a clause break or a clause of the speaker's own, is their view, relayed
    for m in mentions:
        naming = _naming_verb(text, m.start) if m.kind == "alias" else None
        if (naming is not None and _object_complement(text, m.start, m.end) is not None
                and reported(naming.start())[0] == 1.0 and others_subject(tok_index(naming.start()))):
            b = sents[sent_index(m.start)][1]
            stop = _NAMING_END_RE.search(text, m.end, b)
            frames.append((m.end, stop.start() if stop else b, lex.params["reported_factor"], " (reported)"))

    def others_holding(start: int, end: int, held: int | None) -> str:
        """Whose the judgment at ``start:end`` is when it is someone else's than the speaker's, else "": a noun of
        judgment's possessor (``held``: where its possessive is, from ``_judgment_holder``: "Clinton's criticism of …")
        or a passive verb's agent ("criticized by Clinton", ``_by_agent``); not the first person, nor a possessor or
        agent on the speaker's own side."""
        if held is not None:
            return "" if own_possessor(held) else " (its holder's)"
        # a verb of judgment, not of worry ("worried by X": X is what worries)
        agent = _by_agent(text, start, end) if lex.judgment_re.fullmatch(text, _last_word(text, start, end), end) else None
        if agent is None or _first_person_agent(text, agent):
            return ""
        return "" if any(agent[0] <= m.start < agent[1] and on_own_side(m) for m in mentions) else " (its agent's)"

    _mark_mentions(text, mentions, lex, tok_index=tok_index, clause_start=clause_start, writer_marks=writer_marks)
    contrib: dict[str, list[_Contribution]] = {}
    concerned: dict[str, str] = {}
    for m in mentions:
        if not m.holder:
            concerned.setdefault(m.target, "quote")

    def add(target: str, value: float, lexical: bool, label: str, sent: int, relayed: bool = False) -> None:
        contrib.setdefault(target, []).append(_Contribution(target, value, lexical, label, sent, relayed))

    # context targets (the attribution sentence), used only where a quote names no target itself and refers back to
    # someone or something (``anaphors``: a third-person pronoun or a demonstrative, "he is a disgrace", "this is
    # unacceptable"):
    # a quote without one is about what it names, not about whom its sentence names ("Asked about X, she said
    # gun violence must end"); on PolNeAR, rows read through the context were right 4 times in 18 (thirty-second
    # session)
    ctx_targets: list[str] = []
    if context and not mentions and lex.anaphor_re.search(text):
        ctx = context.translate(_QUOTE_CHARS)
        ctx_targets = sorted({m.target for m in _find_mentions(ctx, lex, anchored)
                              if m.target != _ELSEWHERE and not lex.holder_re.match(ctx[m.end:m.end + 40])
                              and not lex.source_re.search(ctx[max(0, m.start - 40):m.start])})

    # 1. loaded terms: the naming itself carries the stance
    for m in mentions:
        if m.kind in ("favor_term", "against_term"):
            val, marked = m.polarity, ""
            if m.scare_quoted and val > 0:
                val = lex.params["scare_quoted_value"]  # "peaceful demonstrators" in scare quotes: distancing
            elif m.scare_quoted:
                # "20,000 extremists" in quotation marks: the naming of others, cited or disputed, not the
                # speaker's own: it counts as a relayed word
                val *= lex.params["reported_factor"]
                marked = " (in quotation marks)"
            neg = _negated(tokens, m.tok, text, tok_starts, lex, window=1)
            if neg:
                val = -val * lex.params["negation_factor"]
            # scare quotes are the speaker's own comment, whoever's view the sentence relays
            factor, note = reported(m.start) if not m.scare_quoted else (1.0, "")
            add(m.target, val * factor, True, f"{text[m.start:m.end]}{marked}{note}", sent_index(m.start),
                relayed=bool(marked) or _relayed(factor, note))
        elif m.kind == "alias" and m.scare_quoted and m.target in concerned and (m.end - m.start) > 3:
            add(m.target, -0.6, True, f'"{text[m.start:m.end]}" (scare quotes)', sent_index(m.start))

    # the comparisons whose standard a target is ("a stronger leader than X", _comparison), by the mention's id: a cue in
    # one is not the standard's ("a more reliable partner than X"), nor the sentence's tone; 2b reads the comparison
    comparisons = {id(m): c for m in (mentions if " than " in text else ()) if m.kind == "alias"
                   and (c := _comparison(text, m.start, m.end, clause_start(m.start))) is not None}
    # 2. general cues, attributed to the nearest object mention
    covered = [(m.start, m.end) for m in mentions if m.end > m.start]
    cue_hits: list[tuple[int, int, int, str, float, bool]] = []
    for c_start, c_end, i in lex.cue_phrases.finditer(text):
        if _overlaps(c_start, c_end, covered) or _compound_participle(text, c_start, c_end):
            continue
        for order, section, weight in lex.cue_owners[i]:
            cue_hits.append((order, c_start, c_end, section, weight, i in lex.agentive_cues))
    cue_hits.sort(key=lambda h: (h[1], -(h[2] - h[1]), h[0]))  # by start, longest first, then lexicon order
    cue_spans = [h[1:] for h in cue_hits]
    # the verbs of judgment among the cues (start, end, weight), for the acts they are made for (_reason_sign)
    judgments = [(h[1], h[2], h[4]) for h in cue_hits if lex.judgment_re.fullmatch(text, h[1], h[2])]
    last_end = -1
    chain = (-1, -1)  # the last countered cue's frame start and end: a cue coordinated with it is countered too
    hedged: dict[int, bool] = {}  # per sentence: whether it hedges
    object_mentions = [m for m in mentions if not m.holder]
    # a topical phrase that a cue evaluates as its own object ("the interference OF exterior forces")
    # names that object, which may not be the target: the cue counts topical_cue_factor for the target
    # and the phrase draws no other cue (it is not the target's name)
    governed = {id(m) for m in object_mentions if m.kind == "cue"
                for start, end, _section, _weight, _agentive in cue_spans if _governs(m, text, start, end)}
    recipients = [m for m in object_mentions if id(m) not in governed and not m.place]
    # the participle of an agentive compound ("the China-backed organisation") says what its holder
    # does; it is no stance of the speaker's towards anything
    compounds = {m.end + 1 for m in mentions if m.holder and text[m.end:m.end + 1] == "-"}
    # what suffers an act of harm ("the crackdown on protesters", "bandits who assault law enforcement officers"):
    # (harm word's start, end, its object phrase's end), by id (_harmed)
    act_spans = lex.act_phrases.finditer(text) if recipients else []
    hostile = [(a_start, a_end) for a_start, a_end, i in act_spans if i < lex.n_hostile]
    harmed = _harmed(text, recipients, [(a_start, a_end) for a_start, a_end, _i in act_spans]
                     + [h[:2] for h in cue_spans if h[4]])
    for start, end, _section, weight, agentive in cue_spans:
        if start < last_end:
            continue  # overlapping cue phrases count once
        last_end = end
        if _HELP_RE.fullmatch(text, start, end) and (
                _caused_help(text, start, end, tokens, tok_starts, tok_index(start))
                or _named_helper(text, tokens, tok_starts, tok_index(start), covered)):
            continue  # "media attention helped X": an effect a thing has; "Fox News helped X": a third party's help
        if lex.modifier_re.match(text, start, end) and not any(_modifies(text, start, end, m) for m in object_mentions):
            continue  # "the so-called Islamic State": it evaluates the noun it modifies, no target named with it
        if start in compounds or _right_elsewhere(text, start, end, mentions) or _said_of_self(text, start, end, mentions) or (
                _passive_manner(text, start, end)) or (
                lex.noun_readable_re.match(text, start) and _NOUN_BEFORE_RE.search(text, max(0, start - 20), start)) or (
                _other_object(text, start, end, mentions, lex, sexes=_target_sexes(lex)) and not any(
                _judges(text, start, end, h, lex.judgment_re, lex.attitude_noun_re) for h in harmed.values())):
            continue  # ... unless its object is an act of harm to a target ("condemn the crackdown on X")
        s_i = sent_index(start)
        a, b = sents[s_i]
        if questions[s_i] == "ask":
            continue  # a question asked to learn asserts nothing ("Can we trust X?")
        deny = questions[s_i] == "deny" and _denial_reaches(text[a:start], text[start:end])
        ti = tok_index(start)
        value = weight
        # the possessor of a noun of judgment holds it ("Clinton's criticism of X", "Trump's reprimand"): no object of it
        held = _judgment_holder(text, start, end, clause_start(start), lex.holder_noun_re, indirect=writer_marks)
        if held is None and lex.modifier_holder_re.fullmatch(text, start, end):  # "GOP opposition": the GOP's
            held = next((m.end for m in mentions if m.kind == "alias" and 0 < start - m.end <= 1), None)
        # the possessor of a partner noun ("Russia's partners", "Dorn's ally") is no object of it, nor its holder
        partnered = None if held is not None else _judgment_holder(text, start, end, clause_start(start),
                                                                   lex.relation_noun_re, indirect=writer_marks)
        # a cue the speaker sets in quotation marks is not their own word: a favourable one is ironic (the
        # "help" of the West; negated or not: "not so 'successful'"), as a loaded naming in scare quotes is;
        # a hostile one is cited from others. The marks are the speaker's own comment, whoever's view the
        # sentence relays.
        scare = not writer_marks and _marked_around(text, start, end)
        if scare and weight > 0:
            value = lex.params["scare_quoted_value"]
        elif (negated := _negated(tokens, ti, text, tok_starts, lex, act=agentive) or _neg_raised(text, start, a)) != deny:
            # a denial negates, as "not" does, and so does the speaker's "I don't think" over the cue's clause
            if negated and _WITHOUT_AFTER_RE.match(text, end):
                continue  # "could not have a successful outcome without X": a condition of it, no denial of it
            value = -value * lex.params["negation_factor"]
        elif weight > 0 and ti > 1 and tokens[ti - 1].lower() == "too" and tokens[ti - 2].lower() in _EXCESS_BEFORE:
            if _TOO_FOR_RE.match(text, end):
                continue  # "too smart to fall for it" (praise), "too generous to donors" (a fault): no reading
            value = -value * lex.params["negation_factor"]  # "X is too principled": an excess of a good quality
        if not agentive and not scare:
            # what a verb of judgment is made for ("I blame the voters for not supporting X"): the act, judged, passes the
            # judgment on to its object (not an act that blames its own agent: "fault X for attacking Y" is against X)
            value *= _reason_sign(text, start, judgments, clause_start(start))
        if deny and value > 0:
            denied_favor.add(s_i)  # "Who could oppose X?", "Why wouldn't we support X?"
        if any(tokens[j] in lex.intensifiers for j in range(max(0, ti - 2), ti)):
            value *= lex.params["intensifier_factor"]
        if s_i not in hedged:
            hedged[s_i] = lex.hedges.search(text[a:b]) is not None
        if hedged[s_i]:
            value *= lex.params["hedge_factor"]
        if scare:
            factor, note = ((1.0, " (scare quotes)") if weight > 0
                            else (lex.params["reported_factor"], " (in quotation marks)"))
        else:
            factor, note = reported(start)
            if lex.support_re.fullmatch(text, start, end) and others_support(start, end):
                factor, note = factor * lex.params["reported_factor"], note + " (others' support)"
            elif not deny and others_judgment(start, end, ti):  # "who would trust X?" is the speaker's
                factor, note = factor * lex.params["reported_factor"], note + " (its subject's)"
            elif holding := others_holding(start, end, held):
                factor, note = factor * lex.params["reported_factor"], note + holding
            elif lex.holder_noun_re.fullmatch(text, start, end) and _received(text, start, end):
                # "X faced criticism": others' judgment of X, reported (not "face questions": doubts the speaker raises)
                factor, note = factor * lex.params["reported_factor"], note + " (received)"
        value *= factor
        relayed = _relayed(factor, note)  # someone else's word or judgment, not the speaker's (a disputed one is theirs)
        label = f"{text[start:end]}{note}"
        if hypothetical(start, s_i):
            value *= lex.params["irrealis_factor"]
            label += " (hypothetical)"
            if not value:
                continue
        if deontic := lex.deontic_re.search(text, max(clause_start(start), start - 40), start):
            value *= lex.params["deontic_factor"]  # what someone ought to do ("needs to help") or show, not what was done
            label += " (not asserted)" if deontic.group("unasserted") else " (obligation)"
            if not value:
                continue
        if precedent[s_i]:
            value *= lex.params["precedent_factor"]
            label += " (earlier episode)"
            if not value:
                continue
        evaluated = [m for m in object_mentions if id(m) in governed and _governs(m, text, start, end)]
        if evaluated:
            value *= lex.params["topical_cue_factor"]
            if value:
                add(evaluated[0].target, value, True, label + " (of a topical phrase)", s_i, relayed)
            continue
        frame = -1  # where the word of countering whose object this cue is starts
        if weight < 0:
            found = lex.counter_re.search(text, max(clause_start(start), start - 80), start)
            frame = found.start() if found is not None else (
                chain[0] if chain[1] >= 0 and _COORDINATED_RE.fullmatch(text, chain[1], start) else -1)
        if frame >= 0:
            # the object of a word of countering ("in overcoming the terrorist threat", "to fight
            # violence and crime"): the trouble countered, no evaluation of a target nearby; it counts
            # only for its own agent ("NATO aggression", "the interference of the West"). A target
            # named between the frame and the cue, not as its agent, is the frame's object ("revolt
            # against X over …"): then the cue is not countered.
            agents = [m for m in recipients if m.kind == "alias" and _agent_of(m, text, start, end)]
            if not any(frame <= m.start and m.end <= start and not _agent_of(m, text, start, end) for m in mentions):
                chain = (frame, end)
                if agents:
                    add(agents[0].target, value, True, label + " (countered, its agent)", s_i, relayed)
                continue
        # the standard of a comparison the cue is in ("a more reliable partner than X") is not its object, nor a partner
        # noun's possessor, wherever the quote names it ("Russia's partner": not Russia)
        partners = {m.target for m in recipients if possessed(m, partnered)} if partnered is not None else set()
        objects = [m for m in recipients if not possessed(m, held) and m.target not in partners and not (
            id(m) in comparisons and comparisons[id(m)].start() <= start < comparisons[id(m)].end())]
        in_sent = [m for m in objects if a <= m.start < b]
        if harmed and in_sent:
            # what suffers an act of harm in the cue's clause (_harmed), unless the cue modifies it ("crush the violent
            # uprising"), is no object of the cue: a judgment of the act ("we condemn the crackdown on X") or a
            # predicate of it ("the crackdown on X is unacceptable") evaluates it reversed (_judges); the act's own
            # word evaluates only its agent
            acts = {id(m): harmed[id(m)] for m in in_sent if id(m) in harmed}
            cl = clause_start(start)
            sufferers = {i for i, (h_start, h_end, o_end) in acts.items()
                         if clause_start(h_start) == cl and not h_end <= start < o_end}
            for m in in_sent:
                if id(m) in sufferers and value * weight > 0 and _judges(  # not negated
                        text, start, end, acts[id(m)], lex.judgment_re, lex.attitude_noun_re):
                    add(m.target, -value, True, f"{label} (of harm done to it)", s_i, relayed)
            in_sent = [m for m in in_sent if id(m) not in sufferers]
            if any(h_start <= start < h_end for h_start, h_end, _o_end in acts.values()):
                # the act's own word: only its agent, named beside it or before it in its clause
                in_sent = [m for m in in_sent if clause_start(m.start) == cl
                           and (_agent_of(m, text, start, end) or m.end <= start)]
            if not in_sent:
                continue
        if in_sent and lex.holder_verb_re.fullmatch(text, start, end) and _COORDINATED_VERB_RE.search(
                text, max(a, start - 8), start):
            # a verb of opinion coordinated with its subject's other verb ("the US has a lot at stake, but
            # doubts its influence"): what comes before it is its holder; only a target after it is its object
            in_sent = [m for m in in_sent if m.start >= end]
            if not in_sent:
                continue
        elif in_sent and _CONCERN_RE.search(text, start, end) is not None:
            # a worry is about what follows it in its clause ("worried about X's plan", "about what X will do", "that X
            # will win"; not "concerns about her health": a pronoun's, whoever it is); a target before it is whoever
            # worries ("X weren't the only ones worried about …")
            cl = clause_start(start)
            in_sent = [] if _PRONOUN_PHRASE_RE.match(text, end) else [
                m for m in in_sent if m.start >= end and clause_start(m.start) == cl]
            if not in_sent:
                continue
        elif in_sent and not agentive and ((lex.holder_verb_re.fullmatch(text, start, end) and _active_verb(tokens, ti))
                                           or _ATTITUDE_ADJECTIVE_RE.match(text, _last_word(text, start, end))):
            # the subject of an active verb of judgment holds the judgment ("Ruritania only reluctantly endorsed
            # the plan", "Elbonia's support for …"), as that of an adjective of attitude does ("Ruritania is opposed
            # to X"): a target before it in its clause is no object of it
            cl = clause_start(start)
            subjects = [m for m in in_sent if m.end <= start and clause_start(m.start) == cl]
            if subjects:
                in_sent = [m for m in in_sent if id(m) not in {id(x) for x in subjects}]
                if not in_sent:
                    continue
        if in_sent and not agentive:  # "friendly with X's in-laws", "X's supporters are violent": those people, not X
            in_sent = [m for m in in_sent if not _people_possessor(text, m, _PERSON_HEADS)]
            if not in_sent:
                continue
        if in_sent:
            # a target in the cue's own clause first; else the sentence's topic ("As for X, we have
            # questions about the request": the questions are X's); else the nearest in the sentence
            cl = clause_start(start)
            pool = []
            if agentive:
                # an act (of harm, offence or a job done) evaluates who does it, not who suffers it (_agent_pool)
                objective = any(a_start == start and text[a_start:a_end].lower().endswith(" of")
                                for a_start, a_end, _i in act_spans)  # "a violation of X's rights": X suffers it
                found_pool = _agent_pool([m for m in in_sent if not m.topic and clause_start(m.start) == cl],
                                         text, start, end, tokens, ti, sentence=in_sent, sexes=_target_sexes(lex),
                                         objective=objective)
                if found_pool is None:
                    continue
                pool = found_pool
            pool = (pool or [m for m in in_sent if not m.topic and clause_start(m.start) == cl]
                    or [m for m in in_sent if m.topic] or in_sent)
            if value < 0 and not agentive:  # elsewhere in the sentence, another target named is evaluated first
                # (not one that suffers an act and is the antecedent of the cue's relative clause: "defeat X, who he
                # blasted as a bully")
                pool = [m for m in pool if id(m) not in harmed or (
                    m.end < start <= m.end + 80 and _WHO_AFTER_RE.match(text, m.end))] or pool
            best = min(pool, key=lambda m: (abs(m.tok - ti), m.start))
            d = abs(best.tok - ti)
            add(best.target, value / (1.0 + d / 15.0), True, label, s_i, relayed)
            # an evaluation holds for each target coordinated with its own: the subject of a predicate ("Ukraine's
            # accession to NATO and the deployment of Western troops would be unacceptable"), the objects of a
            # verb ("criticized Sanders and Clinton"), the agents of an act ("X and Y lied"), not only the nearest
            for m in _coordinated(best, in_sent, text, start, end, cl, clause_start, agentive=agentive):
                add(m.target, value / (1.0 + abs(m.tok - ti) / 15.0), True, label + " (coordinated)", s_i, relayed)
        elif partnered is None and (others := objects):  # a partner noun of a possessor: its object is in its sentence
            best = min(others, key=lambda m: (abs(m.tok - ti), m.start))
            d = abs(best.tok - ti)
            add(best.target, 0.5 * value / (1.0 + d / 20.0), True, label, s_i, relayed)
        elif ctx_targets and lex.params["context_weight"]:
            for t in ctx_targets:
                add(t, lex.params["context_weight"] * value / len(ctx_targets), True, label + " (context)", s_i, relayed)
                concerned.setdefault(t, "context")

    # 2b. an evaluation predicated of a target, a demand on it, an emotion about it (_evaluations)
    scope = _QuoteScope(text, lex, tokens, tok_starts, sents, precedent, speaker_sides, writer_marks, tok_index,
                        sent_index, clause_start, reported, hypothetical, others_subject, add)
    _predicated(scope, recipients, harmed=harmed, comparisons=comparisons, cue_spans=cue_spans, denied_favor=denied_favor)

    # 2c. the speaker's own act of harm, defeat or suppression on a target ("we will crush the uprising"): against it
    for m, start, end in (_hostile_objects(text, recipients, hostile, tokens, tok_starts, clause_start,
                                           lambda pos: sents[sent_index(pos)][0], indirect=writer_marks)
                          if lex.params["hostile_act_weight"] else ()):
        s_i = sent_index(start)
        if not (reported(start)[0] != 1.0 or hypothetical(start, s_i) or precedent[s_i]):
            add(m.target, -lex.params["hostile_act_weight"], True, f"{text[start:end]} (the speaker's act on it)", s_i)

    # 2d. campaign talk (_candidacy): the office a target should or never can hold ("X should be president", "X can't
    # win"), the only one who can beat a rival, the speaker's own choice among candidates ("I'll take X over Y")
    for m, value, start, end in (_candidacy(text, recipients, tokens, tok_starts, clause_start,
                                            lambda pos: sents[sent_index(pos)][0], indirect=writer_marks)
                                 if lex.params["candidacy_weight"] else ()):
        s_i = sent_index(start)
        factor, note = reported(start)
        if hypothetical(start, s_i) or precedent[s_i]:
            continue
        add(m.target, value * lex.params["candidacy_weight"] * factor, True,
            f"{text[start:end]} (campaign talk){note}", s_i, _relayed(factor, note))

    # 3. rhetorical wh-questions and VADER, per sentence, for the targets named in it
    previous_targets: list[str] = []  # the targets of the last sentence that named any
    for s_i, (a, b) in enumerate(sents):
        sent = text[a:b].strip()
        named_here = sorted({m.target for m in object_mentions if a <= m.start < b})
        rhetorical = sent.endswith("?") and bool(lex.rhetorical_re.match(sent))
        if rhetorical and not named_here and not precedent[s_i]:
            # a rhetorical question that names no target ("What kind of negotiations can there be
            # with criminals?") doubts what the quote was just speaking of: the previous sentence's
            # targets, else the context's, at rhetorical_carry of the weight
            carried = previous_targets or ctx_targets
            for t in carried:
                add(t, -lex.params["rhetorical_question_weight"] * lex.params["rhetorical_carry"], True,
                    "rhetorical question (about the preceding sentence)", s_i)
                concerned.setdefault(t, "context")
        if named_here:
            previous_targets = named_here
        if not named_here or (precedent[s_i] and not lex.params["precedent_factor"]):
            continue
        if rhetorical and s_i not in denied_favor:  # "Who could oppose X?" doubts the opposition, not X
            for t in named_here:
                add(t, -lex.params["rhetorical_question_weight"], True, "rhetorical question", s_i)
        if use_vader and lex.params["vader_weight"] and questions[s_i] != "deny":
            # the tone of the speaker's own words: not a term they set in scare quotes (in an indirect report the
            # marks are the writer's, around the speaker's own words), nor a question's that denies ("Who would trust
            # X?", "Why would anyone support X?"), whose words are what it denies
            comp = _vader_compound(sent if writer_marks else _without_scare_quotes(sent))
            if comp:
                for t in named_here:
                    here = [m for m in object_mentions if m.target == t and a <= m.start < b]
                    if all(id(m) in harmed or id(m) in comparisons for m in here):
                        continue  # named only as what suffers an act of harm or as a comparison's standard: their tone
                    # the tone of a relayed view is the third party's: a target named only inside a
                    # reporting frame gets it at the reported weight (its magnitude: tone is not disputed)
                    factor = max(abs(reported(m.start)[0]) for m in here)
                    note = "" if factor == 1.0 else " (reported)"
                    add(t, lex.params["vader_weight"] * comp * factor, False, f"VADER {comp:+.2f}{note}", s_i)

    # 4. the speaker's own side: a small prior, never decisive alone
    for t in list(concerned):
        if speaker_sides & lex.own_side.get(t, set()):
            add(t, lex.params["own_side_prior"], False, "own side", -1)
            # ... and textual evidence when the speaker names the target as their own: "our
            # peacekeepers", "we sent troops" (first person plural in a sentence naming it)
            for s_i, (a, b) in enumerate(sents):
                if precedent[s_i]:
                    continue
                if any(m.target == t and a <= m.start < b for m in object_mentions) and lex.first_person_re.search(text, a, b):
                    add(t, lex.params["own_side_named_weight"], True, "own side named as 'we'/'our'", s_i)
                    break
    contrib.pop(_ELSEWHERE, None)  # what a generic word names outside its topic is no target
    concerned.pop(_ELSEWHERE, None)
    return contrib, sents, text, concerned


_COORDINATED_VERB_RE = re.compile(r"\b(?:but|yet)\s+(?:also\s+|still\s+)?$", re.I)  # "…, but (doubts)": no "and" (nouns)
_CONDITION_END_RE = re.compile(_PUNCT_BREAK_RE.pattern + r'|"')  # a condition ends at punctuation or a quotation mark
