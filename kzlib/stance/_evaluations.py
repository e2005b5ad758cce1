"""The rule method's reading of what a quote predicates of a target (private to :mod:`kzlib.stance`): the subject
complement of a copula right after its name ("Ruritania is weak and desperate"), the object complement of a verb of
naming ("called Elbonia reckless"), the adjectives of a noun it possesses ("Elbonia's reckless policy"), valued by
VADER's lexicon where no cue of the lists is in it; the ranking of a comparison whose standard it is ("a stronger leader
than X": :mod:`kzlib.stance._comparisons`); a demand on it ("Elbonia must withdraw"); and an emotion whose stimulus it
is ("disappointed with X"). Split from :mod:`kzlib.stance.rules` (forty-fourth session), whose ``_score_text`` calls
:func:`_predicated` with the quote's :class:`kzlib.stance._scope._QuoteScope`."""

from __future__ import annotations

import re
from typing import Any

from kzlib.stance._comparisons import _compared
from kzlib.stance._experiencers import _perceived_by_others
from kzlib.stance._frames import _relayed
from kzlib.stance._names import _overlaps
from kzlib.stance._negation import _neg_raised, _negated
from kzlib.stance._objects import _Mention
from kzlib.stance._predicates import (
    _demand,
    _is_subject,
    _naming_verb,
    _object_complement,
    _possessed_predicate,
    _possessed_valence,
    _predicate_valence,
)
from kzlib.stance._scope import _QuoteScope
from kzlib.stance.lexicon import _vader

__all__: list[str] = []

_NEXT_WORD_RE = re.compile(r"\s+\w+")
_PAST_NAMING_RE = re.compile(r"\b(?:did|didn['’]t)\b", re.I)  # "I did not call X …": a past naming denied


def _predicated(q: _QuoteScope, recipients: list[_Mention], *, harmed: dict[int, tuple[int, int, int]],
                comparisons: dict[int, Any], cue_spans: list[tuple[int, int, str, float, bool]],
                denied_favor: set[int]) -> None:
    """Add to ``q`` what the quote predicates of each target it names among ``recipients`` (see the module's
    docstring): ``harmed`` (by mention id: what suffers an act of harm; a predicate of the act is reversed for it),
    ``comparisons`` (by mention id: the comparison whose standard it is), ``cue_spans`` (the cues of the lists: a
    predicate with one in it is theirs to read), ``denied_favor`` (the sentences whose question denies a favourable
    reading, extended here by "Who could be better than X?").

    >>> from kzlib.stance import Target, detect_stance
    >>> import pandas as pd
    >>> q = pd.DataFrame({"doc_id": "d", "quote_id": [0, 1], "speaker": "X",
    ...                   "quote": ["Elbonia is weak and desperate.", "Elbonia must withdraw its troops."]})
    >>> rows = detect_stance(q, targets=[Target("Elbonia", aliases=("Elbonia",))], threshold=0.3)
    >>> list(rows["stance"]), ["(predicated)" in rows["cues"][0], "(a demand on it)" in rows["cues"][1]]
    (['against', 'against'], [True, True])
    """
    lex, text, sents, tokens, tok_starts = q.lex, q.text, q.sents, q.tokens, q.tok_starts
    reported, add, sent_index, clause_start, tok_index = q.reported, q.add, q.sent_index, q.clause_start, q.tok_index
    hypothetical, others_subject, precedent, speaker_sides = q.hypothetical, q.others_subject, q.precedent, q.speaker_sides
    writer_marks = q.writer_marks
    if not (lex.params["predicate_weight"] or lex.params["demand_weight"]):
        return
    vader_words = _vader().lexicon
    # an adjective of emotion right before a target ("disappointed with X"), per mention: the emotion is about it
    stimuli = {id(m): lex.stimulus_re.search(text, max(0, m.start - 60), m.start) for m in recipients
               if m.kind == "alias" and not m.topic}
    stimulus_spans = [(x.start(), x.end()) for x in stimuli.values() if x is not None]
    for m in recipients:
        if m.kind != "alias" or m.topic:
            continue
        compared = None
        # what suffers an act of harm: a predicate right after it is said of the act ("the crackdown on X was
        # brutal"), reversed for it; no stimulus, demand or possession of its own
        suffers = id(m) in harmed
        if suffers:
            predicate = _predicate_valence(text, m.end, vader_words)
        else:
            stimulus = stimuli.get(id(m))
            if stimulus is not None and lex.params["stimulus_weight"]:
                sign = (1.0 if stimulus.group("favor") else -1.0) * (-1.0 if stimulus.group("neg") else 1.0)
                factor, note = reported(stimulus.start())
                if factor == 1.0 and others_subject(tok_index(stimulus.start()), copular=True):
                    # whose emotion it is: the copula's subject, someone other than the speaker ("many
                    # Republicans are critical of X", "Clinton was proud of X"): theirs, relayed
                    factor, note = lex.params["reported_factor"], " (its experiencer's)"
                add(m.target, sign * lex.params["stimulus_weight"] * factor, True,
                    f"{stimulus.group(0).strip()} (its stimulus){note}", sent_index(m.start), _relayed(factor, note))
            subject = _is_subject(text, clause_start(m.start), m.start)
            own_side = speaker_sides & lex.own_side.get(m.target, set())
            demand = _demand(text, m.end, vader_words, start=m.start) if subject and not own_side else None
            if demand is not None and lex.params["demand_weight"] and not hypothetical(demand[0], sent_index(m.start)):
                factor, note = reported(demand[0])
                add(m.target, -lex.params["demand_weight"] * factor, True,
                    f"{text[demand[0]:demand[1]]} (a demand on it){note}", sent_index(m.start), _relayed(factor, note))
            # the standard of a comparison of quality ("stronger than X"), else what is predicated of the target
            if id(m) in comparisons:
                compared = _compared(comparisons[id(m)], text, clause_start(m.start), vader_words)
                if compared is not None and compared[0] > 0:
                    denied_favor.add(sent_index(m.start))  # "Who could be better than X?" doubts no one's view
            predicate = compared or (_predicate_valence(text, m.end, vader_words, None if subject else m.start,
                                                        mention=m.start, writer_marks=writer_marks)
                                     or _possessed_valence(text, m.end, vader_words)
                                     or _possessed_predicate(text, m.end, vader_words))
        if predicate is None:
            continue
        valence, p_start, p_end = predicate
        if _overlaps(p_start, p_end, [(h[0], h[1]) for h in cue_spans]):
            continue  # a cue of the lists in it reads it
        if _overlaps(p_start, p_end, stimulus_spans) or lex.stimulus_re.search(
                text[p_start:p_end] + (w.group(0) if (w := _NEXT_WORD_RE.match(text, p_end)) else "") + " "):
            continue  # an emotion about something ("X is critical of Y", "so frustrated with"): X's attitude, no quality
        s_i = sent_index(m.start)
        value = (-1.0 if suffers else 1.0) * lex.params["predicate_weight"] * max(-1.0, min(1.0, valence / 4.0))
        denied = ""
        if not compared and _neg_raised(text, p_start, sents[s_i][0]):
            value = -value  # "I don't think X is honest"
        elif not (suffers or compared or subject) and (naming := _naming_verb(text, m.start)) is not None and (
                _object_complement(text, m.start, m.end) is not None
                and _negated(tokens, (nt := tok_index(naming.start())), text, tok_starts, lex)):
            if _PAST_NAMING_RE.search(text, max(0, naming.start() - 16), naming.end()) or tokens[nt].endswith("ed"):
                continue  # "I didn't call X a racist": a past remark denied, no praise
            value, denied = -value * lex.params["negation_factor"], " (its naming negated)"  # "I would never call X a racist"
        factor, note = reported(p_start)
        if not suffers and subject and factor == 1.0 and _perceived_by_others(
                text, m.start, m.end, p_end, sents[s_i][0]):
            factor, note = lex.params["reported_factor"], " (its experiencer's)"  # "seems crazy to many voters"
        relayed = _relayed(factor, note)
        if suffers and factor != 1.0:
            continue  # a relayed view of the act
        if hypothetical(p_start, s_i):
            factor *= lex.params["irrealis_factor"]
        if precedent[s_i]:
            factor *= lex.params["precedent_factor"]
        if value * factor:
            label = "(said of the harm done to it)" if suffers else "(compared with it)" if compared else "(predicated)"
            add(m.target, value * factor, True, f"{text[p_start:p_end]} {label}{denied}{note}", s_i, relayed)
