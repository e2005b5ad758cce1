"""The compiled lexicon of one (targets, cues) pair, and VADER, as the rule method reads them."""

from __future__ import annotations

import functools
import json
import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kzlib.stance.targets import Target
from kzlib.stance.vader import _compound
from kzlib.text import PatternSet, longest_first
from kzlib.text.sentences import NO_BREAK_AFTER

logger = logging.getLogger(__name__)

__all__ = []


_TOKEN_RE = re.compile(r"\w+(?:'\w+)?|n't", re.UNICODE)
_PUNCT_BREAK_RE = re.compile(r"[,;:()—–]|\s-\s")
_QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


#: a sentence break in a quote (its quotation marks already made plain): the shared splitter's rule (no break after
#: :data:`kzlib.text.sentences.NO_BREAK_AFTER`: "Mr.", "Sen.", an initial) with a plain closing mark or bracket after
#: the full stop ("'a disgrace.' Dorn …") and a dash or bracket before the next capital
_SENT_BREAK_RE = re.compile(r"[.!?…]" + "".join(rf"(?<!\b{a}\.)" for a in NO_BREAK_AFTER)
                            + r"([\"'”’»)]*\s+)(?=[\"'“‘(–—-]*[A-Z0-9])")


def _sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a quote, without the closing quotation marks and blanks between them.

    >>> t = "I will not vote for Mr. Cruz. They called it 'a disgrace.' Why would I?"
    >>> [t[a:b] for a, b in _sentences(t)]
    ['I will not vote for Mr. Cruz.', "They called it 'a disgrace.", 'Why would I?']
    """
    spans, pos = [], 0
    for m in _SENT_BREAK_RE.finditer(text):
        spans.append((pos, m.start(1)))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


@dataclass
class _Lexicon:
    """Everything compiled once per (targets, cues) pair."""

    targets: list[Target]
    target_phrases: PatternSet  # every alias, cue and loaded term of every target, one alternation
    target_owners: list[list[tuple[int, int, str, str, float, bool]]]  # per phrase: (entry, rank, target, kind,
    # polarity, generic: counts only where the target is anchored)
    cue_phrases: PatternSet  # every stance cue, one alternation
    cue_owners: list[list[tuple[int, str, float]]]  # per phrase: (order, section, signed weight)
    negators: set[str]
    gerund_negators: frozenset[str]  # "regret", "stopped" right before an -ing cue ("I regret supporting X")
    condemned_act_re: re.Pattern[str]  # "it is wrong (for X) to" right before a cue of judgment: reversed
    ambiguous_given: frozenset[str]  # given names of both sexes across languages (case-folded): no sex for he/she
    negator_phrases: re.Pattern[str]
    hedges: re.Pattern[str]
    intensifiers: set[str]
    holder_re: re.Pattern[str]
    source_re: re.Pattern[str]
    rhetorical_re: re.Pattern[str]
    clause_break_re: re.Pattern[str]  # punctuation and conjunctions that end a clause
    topic_re: re.Pattern[str]  # a topic marker opening a clause ("As for …,")
    place_before_re: re.Pattern[str]  # a locative preposition right before a mention ("near …")
    place_after_re: re.Pattern[str]  # a place noun it possesses right after it ("'s borders")
    precedent_re: re.Pattern[str]  # a sentence opening on an earlier episode ("A year ago, …")
    agentive_cues: frozenset[int]  # the cue phrases (their index) of an act that evaluates its agent
    distancing_opener_re: re.Pattern[str]  # "Allegedly, …" opening a sentence: the rest is disputed
    distancing_word_re: re.Pattern[str]  # one of those adverbs anywhere
    conditional_re: re.Pattern[str]  # a conditional marker ("if", "unless"): a sentence with hypothetical clauses
    irrealis_modal_re: re.Pattern[str]  # "would", "could", "might": the hypothetical clause of a conditional
    params: dict[str, float]
    sides: dict[str, re.Pattern[str]]
    official_re: re.Pattern[str]
    own_side: dict[str, set[str]] = field(default_factory=dict)
    report_re: re.Pattern[str] = re.compile(r"(?!x)x")  # "<someone else> says/claims (that)": reported speech
    report_verb_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a verb of report_re after a space: in every match of it
    first_person_re: re.Pattern[str] = re.compile(r"(?!x)x")  # "we", "our": the speaker's own side
    anchor_phrases: PatternSet = field(default_factory=lambda: PatternSet([]))  # anchors of targets with generic entries
    anchor_owners: list[list[str]] = field(default_factory=list)  # per anchor phrase: the targets it anchors
    # a word of countering up to four words before a cue, ending right before it: "overcome the (threat)"
    counter_re: re.Pattern[str] = re.compile(r"(?!x)x")
    counter_ru: frozenset[str] = frozenset()  # the same words as Russian lemmas ("преодоление", "борьба")
    country: frozenset[tuple[int, str]] = frozenset()  # (phrase index, target): a country's name (country_names)
    partner: frozenset[tuple[int, str]] = frozenset()  # (phrase index, target): a name only in a relation (partner_names)
    relation_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a relation's frame right before a partner name
    state_head_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a head noun that makes a country name its state
    people_head_re: re.Pattern[str] = re.compile(r"(?!x)x")  # one that makes it its people, land or nationality
    member_role_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a person's role after a name ("GOP | nominee")
    function_words: frozenset[str] = frozenset()  # a capitalised one after a name opens a sentence, not a name
    # the cues whose first word is also a noun ("a vote for X", "the campaign against X": ``noun_readable_cues``)
    noun_readable_re: re.Pattern[str] = re.compile(r"(?!x)x")
    modifier_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a cue that evaluates only the noun it modifies ("so-called")
    modifier_holder_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a noun whose name modifier holds it ("GOP opposition")
    disbelief_re: re.Pattern[str] = re.compile(r"(?!x)x")  # "it is unbelievable that": the rest is disputed
    report_noun_re: re.Pattern[str] = re.compile(r"(?!x)x")  # "Clinton's claim that": the clause is hers, relayed
    holder_verb_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a holder's verb itself ("doubts", "condemned")
    # "needs to (not) (carefully)" ending right before a verb cue, or (group "unasserted", ``unasserted_frames``) "to
    # show that he is", "whether X", "denied" before one
    deontic_re: re.Pattern[str] = re.compile(r"(?!x)x")
    # an adjective of emotion and its preposition right before a target ("disappointed with"): group favor or against
    stimulus_re: re.Pattern[str] = re.compile(r"(?!x)x")
    support_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a cue of support (``support_cues``)
    # a verb of having, getting or seeking (or "with") up to three words before a cue of support: its holder is named
    others_support_re: re.Pattern[str] = re.compile(r"(?!x)x")
    judgment_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a verb of judgment taking its object (``judgment_cues``)
    attitude_noun_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a noun of attitude (``attitude_nouns``)
    holder_noun_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a noun of judgment its possessor holds (``holder_nouns``)
    relation_noun_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a partner noun whose possessor is no object of it
    # the verbs of harm, defeat or suppression (``hostile_acts``, the first ``n_hostile``), then the nouns and verbs of
    # harm with their object's preposition (``harm_phrases``): one scan finds both
    act_phrases: PatternSet = field(default_factory=lambda: PatternSet([]))
    n_hostile: int = 0
    anaphor_re: re.Pattern[str] = re.compile(r"(?!x)x")  # a word that refers back (``anaphors``)
    # (target, surname): the given names its aliases write before that surname ("Hillary Clinton": {"hillary"})
    given_names: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)

    def anchored(self, text: str) -> frozenset[str]:
        """The targets with generic entries that ``text`` (a document) names by an anchor."""
        return frozenset(t for _, _, i in self.anchor_phrases.finditer(text) for t in self.anchor_owners[i])

    @property
    def has_generic(self) -> bool:
        """Whether some target has generic entries (else no document need be read for anchors)."""
        return bool(self.anchor_owners)


def _given_names(targets: list[Target]) -> dict[tuple[str, str], frozenset[str]]:
    """Per (target, surname) the given names of its aliases of two or more words ending in that surname.

    >>> {k: sorted(v) for k, v in _given_names([Target("Clinton", aliases=("Clinton", "Hillary Rodham Clinton"))]).items()}
    {('Clinton', 'clinton'): ['hillary', 'rodham']}
    """
    out: dict[tuple[str, str], set[str]] = {}
    for t in targets:
        for alias in t.aliases:
            words = alias.split()
            if len(words) >= 2 and words[-1][:1].isupper():
                out.setdefault((t.name, words[-1].casefold()), set()).update(w.casefold() for w in words[:-1])
    return {k: frozenset(v) for k, v in out.items()}


def _alternation(phrases: Iterable[str] | None, *, literal: bool = False) -> str:
    """A regex alternation of vocabulary phrases (the cue file's small patterns; ``literal``: plain words,
    escaped), longest first (:func:`kzlib.text.longest_first`), spaces matching any whitespace; one that
    never matches when the list is empty or missing."""
    items = sorted({str(x).strip() for x in phrases or [] if str(x).strip()})
    return longest_first(items, escape=literal, any_whitespace=True) or "(?!x)x"


_LEXICONS: dict[tuple[Any, str], _Lexicon] = {}


def _build_lexicon(targets: list[Target], cues: dict[str, Any]) -> _Lexicon:
    """The compiled lexicon of these targets and cues (kept for reuse: the same targets and cues
    are read on every call of detect_stance and every fold of a cross-validation)."""
    key = (tuple(targets), json.dumps(cues, sort_keys=True, default=str))
    lex = _LEXICONS.get(key)
    if lex is None:
        if len(_LEXICONS) >= 8:
            _LEXICONS.pop(next(iter(_LEXICONS)))
        lex = _LEXICONS[key] = _new_lexicon(list(targets), cues)
    return lex


def _new_lexicon(targets: list[Target], cues: dict[str, Any]) -> _Lexicon:
    # one entry per (target, kind); the owners keep each phrase's place, so that ties sort as before
    t_index: dict[str, int] = {}
    t_owners: list[list[tuple[int, int, str, str, float, bool]]] = []
    a_index: dict[str, int] = {}
    a_owners: list[list[str]] = []
    entry = 0
    country: set[tuple[str, str]] = set()
    partner: set[tuple[str, str]] = set()
    for t in targets:
        country |= {(ph, t.name) for ph in t.country_names}
        partner |= {(ph, t.name) for ph in t.partner_names if ph not in t.aliases}
        generic = t.generic_entries()
        for ph in t.anchors() if generic else ():
            if ph not in a_index:
                a_index[ph] = len(a_owners)
                a_owners.append([])
            a_owners[a_index[ph]].append(t.name)
        for kind, pol, phrases in (
            ("alias", 0.0, t.aliases + tuple(ph for ph in t.partner_names if ph not in t.aliases)),
            ("cue", 0.0, t.cues),
            ("favor_term", 1.0, t.favor_terms),
            ("against_term", -1.0, t.against_terms),
        ):
            if not phrases:
                continue
            for rank, ph in enumerate(sorted(set(phrases), key=lambda s: (-len(s), s))):
                if ph not in t_index:
                    t_index[ph] = len(t_owners)
                    t_owners.append([])
                t_owners[t_index[ph]].append((entry, rank, t.name, kind, pol, ph in generic))
            entry += 1
    c_index: dict[str, int] = {}
    c_owners: list[list[tuple[int, str, float]]] = []
    order = 0
    for section, sign in (("favor", 1.0), ("against", -1.0), ("questioning", -1.0)):
        for item in cues.get(section) or []:
            phrase, weight = (item[0], float(item[1])) if isinstance(item, (list, tuple)) else (item, 1.0)
            phrase = str(phrase)
            if phrase not in c_index:
                c_index[phrase] = len(c_owners)
                c_owners.append([])
            c_owners[c_index[phrase]].append((order, section, sign * weight))
            order += 1
    neg = [n for n in cues["negators"]]
    single_neg = {n.lower() for n in neg if " " not in n}
    multi_neg = [n for n in neg if " " in n]
    p = {
        "negation_window": float(cues.get("negation_window", 4)),
        "negation_factor": float(cues.get("negation_factor", 0.8)),
        "hedge_factor": float(cues.get("hedge_factor", 0.7)),
        "intensifier_factor": float(cues.get("intensifier_factor", 1.3)),
        "rhetorical_question_weight": float(cues.get("rhetorical_question_weight", 0.5)),
        "own_side_prior": float(cues.get("own_side_prior", 0.15)),
        "vader_weight": float(cues.get("vader_weight", 0.25)),
        "precedent_factor": float(cues.get("precedent_factor", 0.0)),
        "topical_cue_factor": float(cues.get("topical_cue_factor", 0.0)),
        "reported_factor": float(cues.get("reported_factor", 0.2)),
        "distancing_factor": float(cues.get("distancing_factor", -0.5)),
        "scare_quoted_value": float(cues.get("scare_quoted_value", -0.8)),
        "own_side_named_weight": float(cues.get("own_side_named_weight", 0.4)),
        "rhetorical_carry": float(cues.get("rhetorical_carry", 0.5)),
        "context_weight": float(cues.get("context_weight", 0.0)),  # English quotes; Russian ones borrow at 0.5
        "irrealis_factor": float(cues.get("irrealis_factor", 1.0)),
        "deontic_factor": float(cues.get("deontic_factor", 1.0)),
        "predicate_weight": float(cues.get("predicate_weight", 0.0)),
        "stimulus_weight": float(cues.get("stimulus_weight", 0.0)),
        "demand_weight": float(cues.get("demand_weight", 0.0)),
        "hostile_act_weight": float(cues.get("hostile_act_weight", 0.0)),
        "verbal_attack_weight": float(cues.get("verbal_attack_weight", 0.0)),
        "candidacy_weight": float(cues.get("candidacy_weight", 0.0)),
    }
    # a verb of judgment with its preposition ("vote for", "stand behind"; `judgment_cues` with a space) is held by
    # its subject as the single verbs of holder_verbs are: one list in the cue file, read here for both
    holder = _alternation([*cues["holder_verbs"], *(c for c in cues.get("judgment_cues") or () if " " in str(c))])
    adjacent = _alternation(cues.get("holder_verbs_adjacent")) or r"(?!x)x"
    openers = _alternation(cues.get("rhetorical_question_openers") or ["why"])
    sides = {k: re.compile(r"(?<!\w)(?:" + _alternation(v, literal=True) + r")(?!\w)")
             for k, v in (cues.get("sides") or {}).items()}
    official = cues.get("official_words") or ["official"]
    return _Lexicon(
        targets=targets,
        target_phrases=PatternSet(list(t_index)),
        target_owners=t_owners,
        cue_phrases=PatternSet(list(c_index)),
        cue_owners=c_owners,
        negators=single_neg,
        gerund_negators=frozenset(str(w).lower() for w in cues.get("gerund_negators") or []),
        condemned_act_re=re.compile(r"\b(?:" + _alternation(cues.get("condemned_act_frames")) + r")\s*$", re.I),
        ambiguous_given=frozenset(str(w).casefold() for w in cues.get("ambiguous_given_names") or []),
        negator_phrases=re.compile(r"\b(?:" + _alternation(multi_neg) + r")\b", re.I),
        hedges=re.compile(r"\b(?:" + _alternation(cues["hedges"]) + r")\b", re.I),
        intensifiers={w.lower() for w in cues.get("intensifiers") or []},
        # the holder's verb follows in the same sentence: "Russia views", "Russia, which supports", not
        # "… dominated by Russia. We ask …"; not after a passive auxiliary ("Russia was criticized": the
        # subject of a passive suffers the judgment, it holds none)
        holder_re=re.compile(r"^[^\w.!?;:]{0,3}(?:(?:(?!" + _PASSIVE_AUX + r"\b)\w+[^\w.!?;:]+){0,1}?(?:" + holder
                             + r")|(?:" + adjacent + r"))\b", re.I),
        source_re=re.compile(r"\b(?:" + _alternation(cues.get("source_phrases")) + r")\s*$", re.I),
        rhetorical_re=re.compile(r"^\W*(?:" + openers + r")\b", re.I),
        clause_break_re=re.compile(_PUNCT_BREAK_RE.pattern + r"|\b(?:" + _alternation(cues.get("clause_conjunctions"))
                                   + r")\b", re.I),
        place_before_re=re.compile(r"(?<!\w)(?:" + _alternation(cues.get("locative_prepositions"))
                                   + r")\s+(?:the\s+)?$", re.I),
        place_after_re=re.compile(r"(?:[’']s?)?\s+(?:" + _alternation(cues.get("place_nouns")) + r")\b", re.I),
        topic_re=re.compile(r"[\W_]*(?:(?:and|but)\s+)?(?:" + _alternation(cues.get("topic_markers")) + r")\b", re.I),
        precedent_re=re.compile(r"\W*(?:" + _alternation(cues.get("precedent_openers")) + r")\b", re.I),
        distancing_word_re=re.compile(r"\b(?:" + _alternation(cues.get("distancing_openers")) + r")\b", re.I),
        agentive_cues=frozenset(c_index[str(p)] for p in cues.get("agentive_cues") or [] if str(p) in c_index),
        holder_verb_re=re.compile(r"(?:" + holder + "|" + adjacent + r")", re.I),
        deontic_re=re.compile(r"\b(?:(?:" + _alternation(cues.get("deontic_modals")) + r")(?:\s+not)?(?:\s+\w+ly)?|(?P<unasserted>"
                              + _alternation(cues.get("unasserted_frames")) + r"))\s+$", re.I),
        disbelief_re=re.compile(r"\b(?:" + _alternation(cues.get("disbelief_frames")) + r")\b", re.I),
        # (after a determiner, a possessive, or a preposition that makes it a noun: "about accusations that …")
        report_noun_re=re.compile(r"(?:\b(?:the|his|her|their|its|this|that|these|those|any|a|your|about|amid|despite|"
                                  r"over|of|against|regarding)|['’]s?)\s+"
                                  r"(?:[\w-]+\s+){0,4}?(?:" + _alternation(cues.get("report_nouns")) + r")\s+that\b", re.I)
        if cues.get("report_nouns") else re.compile(r"(?!x)x"),
        distancing_opener_re=re.compile(r"[\W_]*(?:" + _alternation(cues.get("distancing_openers")) + r")\s*,", re.I),
        # "even if" concedes a fact more often than it supposes one ("even if they were proud to support him")
        conditional_re=re.compile(r"\b(?<!even )(?:" + _alternation(cues.get("conditional_markers")) + r")\b", re.I),
        irrealis_modal_re=re.compile(r"\b(?:" + _alternation(cues.get("irrealis_modals")) + r")\b", re.I),
        params=p,
        sides=sides,
        official_re=re.compile(r"(?<!\w)(?:" + _alternation(official, literal=True) + r")(?!\w)", re.I),
        own_side={t.name: set(t.own_side) for t in targets},
        report_re=_report_regex(cues),
        report_verb_re=re.compile(r"\s(?:" + _alternation(cues.get("reporting_verbs")) + "|"
                                  + _alternation(cues.get("distancing_verbs")) + ")"),
        first_person_re=re.compile(r"(?<!\w)(?:" + _alternation(cues.get("first_person_plural")) + r")(?!\w)", re.I),
        anchor_phrases=PatternSet(list(a_index)),
        anchor_owners=a_owners,
        counter_re=_counter_regex(cues),
        counter_ru=frozenset(str(w).lower().replace("ё", "е") for w in cues.get("counter_frames_ru") or []),
        given_names=_given_names(targets),
        country=frozenset((t_index[ph], name) for ph, name in country if ph in t_index),
        partner=frozenset((t_index[ph], name) for ph, name in partner if ph in t_index),
        relation_re=_relation_regex(cues),
        state_head_re=re.compile(r"(?:" + _alternation(cues.get("state_heads")) + r")(?!\w)", re.I),
        people_head_re=re.compile(r"(?:" + _alternation(cues.get("people_heads")) + r")(?!\w)", re.I),
        member_role_re=re.compile(r"\s+(?:" + (_alternation(cues.get("member_role_heads")) or r"(?!x)x") + r")(?![\w-])",
                                  re.I),
        function_words=frozenset(str(w).lower() for w in cues.get("function_words") or []),
        noun_readable_re=re.compile(r"(?:" + (_alternation(cues.get("noun_readable_cues")) or r"(?!x)x") + r")\b", re.I),
        modifier_re=re.compile(r"(?:" + (_alternation(cues.get("modifier_cues")) or r"(?!x)x") + r")$", re.I),
        modifier_holder_re=re.compile(r"(?:" + (_alternation(cues.get("modifier_holder_nouns")) or r"(?!x)x") + r")",
                                      re.I),
        stimulus_re=_stimulus_regex(cues),
        support_re=re.compile(r"(?:" + _alternation(cues.get("support_cues")) + r")", re.I),
        # at most three words between, none opening a clause with the speaker as its subject ("we can boast that we
        # support X" is the speaker's own support)
        others_support_re=re.compile(r"\b(?:" + _alternation(cues.get("others_support_verbs"))
                                     + r")(?:\s+(?!that\b|we\b|i\b)[\w'’-]+){0,3}\s+$", re.I),
        judgment_re=re.compile(r"(?:" + _alternation(cues.get("judgment_cues")) + r")", re.I),
        attitude_noun_re=re.compile(r"(?:" + _alternation(cues.get("attitude_nouns")) + r")", re.I),
        holder_noun_re=re.compile(r"(?:" + _alternation(cues.get("holder_nouns")) + r")", re.I),
        relation_noun_re=re.compile(r"(?:" + _alternation(cues.get("relation_holder_nouns")) + r")", re.I),
        act_phrases=PatternSet([str(p) for p in [*(cues.get("hostile_acts") or []), *(cues.get("harm_phrases") or [])]]),
        n_hostile=len(cues.get("hostile_acts") or []),
        # a cue file without the list borrows the context's targets for every quote that names none, as before it
        anaphor_re=re.compile(r"\b(?:" + _alternation(cues["anaphors"], literal=True) + r")\b" if "anaphors" in cues
                              else "", re.I),
    )


def _stimulus_regex(cues: dict[str, Any]) -> re.Pattern[str]:
    """An adjective of emotion and its preposition (``stimulus_adjectives``) ending the searched span, perhaps with
    "the" after it, and a negator before it; groups ``favor``/``against`` tell the section, ``neg`` the negation.

    >>> rx = _stimulus_regex({"stimulus_adjectives": {"favor": ["proud of"], "against": ["tired of"]}})
    >>> [m.lastgroup for m in (rx.search("we are proud of "), rx.search("they were tired of the "))]
    ['favor', 'against']
    >>> bool(rx.search("not proud of the ").group("neg"))
    True
    """
    adj = cues.get("stimulus_adjectives") or {}
    return re.compile(r"(?:\b(?P<neg>not|never|n't|hardly)\s+(?:\w+\s+){0,2}?)?\b(?:(?P<favor>" + _alternation(adj.get("favor"))
                      + r")|(?P<against>" + _alternation(adj.get("against")) + r"))\s+(?:the\s+)?$", re.I)


#: the auxiliaries of a passive: a holder's verb right after one is a passive participle ("was condemned")
_PASSIVE_AUX = r"(?:is|are|was|were|be|been|being|get|gets|got|getting)"


def _relation_regex(cues: dict[str, Any]) -> re.Pattern[str]:
    """The frame of a relation right before a partner's name, matched against the text before it: "relations
    with", "close ties with the", "cooperation between Russia and".

    >>> rx = _relation_regex({"relation_nouns": ["relations", "ties"]})
    >>> [bool(rx.search(t)) for t in ("30 years of good relations with ", "ties between Russia and the ",
    ...                               "the troops in ")]
    [True, True, False]
    """
    nouns = _alternation(cues.get("relation_nouns"))
    if not nouns:
        return re.compile(r"(?!x)x")
    return re.compile(rf"\b(?:{nouns})\s+(?:with|between\s+[\w.'’ -]{{1,40}}?\s+and)\s+(?:the\s+)?$", re.I)


#: words that end the countered phrase before the cue: a possessive determiner makes the cue the possessor's
#: own act ("stop its interference"), a conjunction, relative word or infinitive marker starts another
#: phrase ("in defense of the president and criticized …", "a defeat that raised questions")
_NOT_IN_GAP = (r"(?:its|their|his|her|our|your|whose|and|or|but|nor|that|which|who|whom|where|when|while|because|"
               r"as|if|to)")


def _counter_regex(cues: dict[str, Any]) -> re.Pattern[str]:
    """A word of countering (``counter_frames``) then at most four words, or a hyphen ("counter-"),
    up to the end of the searched span (the cue's start); no punctuation between (a comma ends the
    phrase) but an opening quotation mark ('dealing with the "strategic threats'), and none of the words that start
    another phrase (``_NOT_IN_GAP``)."""
    words = _alternation(cues.get("counter_frames"))
    return re.compile(r"(?<![\w-])(?:" + words + r")(?:(?:\s+\"?(?!" + _NOT_IN_GAP + r"\b)[\w'-]+){0,4}\s+\"?|-)$", re.I)


#: a subject that ends in a possessor right before the verb makes the verb a noun ("his claim that", "Trump's
#: argument that"): a noun of saying (``report_nouns``), not a verb with its subject
_NOT_POSSESSOR = r"(?<![Hh]is)(?<![Hh]er)(?<![Tt]heir)(?<![Ii]ts)(?<!['’]s)(?<!s['’])"


def _report_regex(cues: dict[str, Any]) -> re.Pattern[str]:
    """A reporting frame inside a quote: a third party (not I/we) and a verb of saying or of distancing,
    with an optional "that"; groups ``say`` and ``distance`` tell which, ``neg`` a negated one ("voters don't think")."""
    say = _alternation(cues.get("reporting_verbs"))
    distance = _alternation(cues.get("distancing_verbs"))
    subject = (r"(?!(?:I|we|We|you|You|And|But|So|Yet|Or|Now|Then)\b)(?P<who>[A-Z][\w'.-]*|they|they've|some|many|critics|"
               r"others|he|she|most|few|voters|people|americans|folks|experts|analysts|pundits|observers|supporters|"
               r"opponents|everyone|everybody)(?:\s+(?!(?:I|we|We|you|You)\b)[\w'.-]+){0,3}?")
    # a negated verb of thinking relays the negated view ("voters don't think X is honest": they think X is not); not an
    # infinitive ("it is hard to believe that …": a frame of disbelief, the speaker's), nor after "I"/"we"/"you" ("…
    # because I believe X means war")
    neg = r"(?:(?P<neg>(?:do|does|did)(?:n['’]t|\s+not))\s+|used\s+to\s+)?"
    return re.compile(r"\b" + subject + r"(?<!\bI)(?<!\b[Ww]e)(?<!\b[Yy]ou)" + _NOT_POSSESSOR + r"\s+(?<!\bto\s)" + neg + r"(?:(?P<say>" + say + r")|(?P<distance>" + distance
                      + r"))\b(?:\s+that\b)?")


@functools.lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1 << 15)
def _vader_compound(sentence: str) -> float:
    """VADER's compound score of one sentence (copies of a story repeat their sentences)."""
    return _compound(_vader(), sentence)  # the library's polarity_scores(sentence)["compound"], computed faster


_SHORT_QUOTE_WORDS = 4  # a quoted span of at most this many words around a naming: its scare quotes


def _marked_around(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is set in quotation marks of its own (double, or single ones that are no
    apostrophe), inside a longer text: the speaker's scare quotes around a word.

    Example:
        >>> t = 'the "help" of the West'
        >>> _marked_around(t, t.index("help"), t.index("help") + 4), _marked_around("help", 0, 4)
        (True, False)
        >>> t = "the West's help"
        >>> _marked_around(t, t.index("help"), t.index("help") + 4)
        False
    """
    if start < 1 or end >= len(text) or (start == 1 and end == len(text) - 1):
        return False
    before, after = text[start - 1], text[end]
    if before == after == '"':
        return True
    return before == after == "'" and (start < 2 or not text[start - 2].isalnum())


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a pair of double quotation marks that hold at most
    :data:`_SHORT_QUOTE_WORDS` words ('it is unbelievable that "20,000 extremists" could …'): a term marked
    as someone else's word, not a quotation of its own.

    Example:
        >>> t = 'so "20,000 extremists" could not'
        >>> _in_short_quote(t, t.index("extremists"), t.index("extremists") + 10)
        True
        >>> t = '"We will not let extremists win," he said'
        >>> _in_short_quote(t, t.index("extremists"), t.index("extremists") + 10)
        False
    """
    if text.count('"', 0, start) % 2 == 0:
        return False
    opening = text.rfind('"', 0, start)
    closing = text.find('"', end)
    return closing >= 0 and len(text[opening + 1:closing].split()) <= _SHORT_QUOTE_WORDS


_SCARE_QUOTED_RE = re.compile(r'"[^"\s]+(?:\s+[^"\s]+){0,' + str(_SHORT_QUOTE_WORDS - 1) + r'}"')


def _without_scare_quotes(sentence: str) -> str:
    """``sentence`` without its short spans in double quotation marks (at most :data:`_SHORT_QUOTE_WORDS` words): in a
    speaker's own words such marks set a term apart as someone else's ('the consequences of "peaceful protests"'), so
    its tone is not the speaker's.

    >>> _without_scare_quotes('They must see the results of "peaceful protests" in the city.')
    'They must see the results of   in the city.'
    """
    return _SCARE_QUOTED_RE.sub(" ", sentence) if '"' in sentence else sentence


def _valence_sums(values: Iterable[float]) -> tuple[float, float]:
    """log(1 + the positive values' sum) and log(1 + the negative values' summed magnitude), in order: the
    lexicon features of :mod:`kzlib.stance.classifier` (VADER valences) and of its Russian rows (cue weights).

    Example:
        >>> [round(x, 4) for x in _valence_sums([2.0, -1.0, 0.5])]
        [1.2528, 0.6931]
    """
    pos = neg = 0.0
    for v in values:
        if v > 0:
            pos += v
        else:
            neg -= v
    return math.log1p(pos), math.log1p(neg)
