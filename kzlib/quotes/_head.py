"""The subject of a cue read from the head of its clause, and a description after a quote (private to
:mod:`kzlib.quotes`: split from :mod:`kzlib.quotes.subject`, whose phrase tests it shares)."""


from __future__ import annotations

import re

from kzlib.actors import (
    Gazetteer,
    Mention,
)
from kzlib.quotes._modifier import (
    _is_group_word,
    _source_heads,
)
from kzlib.quotes.marks import _has_words
from kzlib.quotes.speakers import (
    _APPOSED_BEFORE,
    _described,
    _DocState,
    _group_heads,
    _Speaker,
    _spk,
)
from kzlib.quotes.subject import (
    _INTRO,
    _NOT_HEAD,
    _SUBJ_PRON,
    _adjunct_search,
    _may_end_adjunct,
    _subject,
)

_VEHICLE = re.compile(r"(?:an?|the|its|his|her|their)\s+(?:\w+\s+){0,2}?(?:statement|press\s+release|release|announcement|"
                      r"communiqu[eé]|post|tweet|message|address|speech|briefing|letter|memo|e-?mail|op-ed|video|ad)s?"
                      r"(?:\s+to\s+(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,2}?)?", re.IGNORECASE)
_NOT_CONTENT = re.compile(r"\s*,?\s*(?:and|but|or|as|before|after|while|when|because|until|though|although)\b",
                          re.IGNORECASE)
_APPOSITION = re.compile(r"\s*(?:a|an|who|which|whose|one\s+of|former)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\s*(?:which|who|whom|that|where|as)\b", re.IGNORECASE)
_PASSIVE_INF = re.compile(r"\s+to\s+(?:be|have)\b", re.IGNORECASE)
_COORD_BEFORE = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas|although|though|yet)\b|;)\s*$", re.IGNORECASE)
_COORD_END = re.compile(r"[\s,;:—–-]*(?:\b(?:and|but|while|whereas|although|though|as|yet|so)\b)?[\s,;:—–-]*$", re.IGNORECASE)
#: The head of a subject noun phrase (at most six words) and what ends it: a preposition or adjective taking
#: a complement ("sources close to", "officials familiar with"), a relative pronoun, a comma, a dash, a bracket.
_HEAD = re.compile(r"((?:[\w’'.&-]+\s+){0,5}?[\w’'.&-]+)(?=\s*[,—–(]|\s+-\s|\s+(?:of|in|at|for|from|with|on|across|"
                   r"among|including|like|close|familiar|near|to|who|whom|that|which|whose|inside|outside|within|around|"
                   r"based|throughout|under|over|representing|privy|loyal|allied|aligned|connected|involved)\b|"
                   r"\s+[a-z]{3,}ing\b)")
#: Words that the modifiers between a subject's head and its verb never hold before a relative pronoun: a verb
#: of the main clause.
_NOT_MIDDLE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|shall|may|might|"
                         r"must|do|does|did|not)\b|n['’]t\b", re.IGNORECASE)
_RELATIVE_PRON = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.IGNORECASE)
#: After the last relative pronoun before the verb: a clause with its own subject ("which officials said"):
#: the verb belongs to that clause, not to the sentence's subject.
_OWN_SUBJECT = re.compile(r"\s+(?:the|a|an|he|she|they|we|i|it|you|his|her|their|its|our|[A-Z0-9])")
_QUOTE_CHARS = re.compile(r"[\"“”]|''")
#: A quotation closing in the words before the verb ('"...," said X'), or a passive verb ("was shown").
_QUOTE_END = re.compile(r"[,.!?]\s*(?:''|[\"”’])")
_PASSIVE_END = re.compile(r"\b(?:was|were|is|are|be|been|being)\s*$", re.IGNORECASE)
#: Words that open a clause or a phrase of time or place, not a subject ("Within hours of ...", "Though he ...").
_NOT_HEAD_FIRST = frozenset("""though although while as if when because since for in on at by with from within after
before perhaps maybe once every each during until unless whether""".split())
#: Words after which a word in -ed is an adjective ("the elected officials", "two unnamed sources").
_BEFORE_ADJ = frozenset("""the a an two three four five several some many most other these those his her their its our
and or senior former recently newly""".split())
_COORDINATED = re.compile(r"\s(?:and|or)\s")
_HEAD_PUNCT = re.compile(r"[;:!?]")


def _head_subject(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, lo: int, cue_at: int
                  ) -> tuple[_Speaker, int] | None:
    """The speaker of a verb whose subject is a long noun phrase: its head at the clause's start and the
    modifiers between it and the verb (prepositional phrases, relative clauses, appositions in commas or dashes,
    times), as in "Current and former officials who spoke with the paper said ...", "A person familiar with
    the planning says ...", "Democratic economists, like their Republican counterparts, say ...". None when the
    words between the head and the verb may hold the verb's own subject ("the changes, which officials said
    ...") or a verb of the main clause.

    Example:
        >>> from kzlib.actors import Gazetteer
        >>> from kzlib.quotes.speakers import _DocState
        >>> t = "Officials who spoke on condition of anonymity said"
        >>> spk, at = _head_subject(Gazetteer([]), _DocState(), [], t, 0, t.index(" said") + 1)
        >>> spk.surface, at
        ('Officials', 0)
    """
    s = lo
    while (im := _INTRO.match(text, s, cue_at)) is not None and im.end() > s:
        s = im.end()
    hm = _HEAD.match(text, s, cue_at)
    if hm is None or _NOT_HEAD.search(hm.group(1)) or _QUOTE_CHARS.search(text, lo, hm.end(1)):
        return None
    words = hm.group(1).split()
    if words[0].lower() in _NOT_HEAD_FIRST or words[0].lower().endswith("ing") or (len(words) > 1 and _SUBJ_PRON.match(words[0])) or any(
            w.endswith("ed") and w.islower() and words[i - 1].lower() not in _BEFORE_ADJ for i, w in enumerate(words) if i):
        return None  # "Within hours ...", "he held his fire on ...", "Palmer encountered her share of ...": no subject
    h0, h1 = hm.span(1)
    middle = text[h1:cue_at]
    if _HEAD_PUNCT.search(middle) or not _has_words(middle, 1) or _has_words(middle, 36) \
            or _QUOTE_END.search(middle) or _PASSIVE_END.search(middle):
        return None  # '"...," said X' (an inverted quotation), "A photo of X, who ..., was shown": no report
    rel = _RELATIVE_PRON.search(middle)
    before_rel = middle[:rel.start()] if rel else middle
    if _NOT_MIDDLE.search(before_rel):
        return None  # "Voters in Iowa are said ...": a verb of the main clause before the cue
    if rel is not None and _has_words(re.split(r"[,—–]", middle[rel.end():])[-1], 4) and re.search(r"[,—–]", middle[rel.end():]):
        return None  # "X, who works for Y, is getting into ..., offering Z called": the main verb is before the cue
    last_rel = None
    for last_rel in _RELATIVE_PRON.finditer(middle):  # noqa: B007 - the loop keeps the last match
        pass
    if last_rel is not None:
        after_rel = middle[last_rel.end():]
        if not after_rel.strip():
            return None  # "the group that accused ...": the relative clause's verb; its antecedent is read elsewhere
        if (_OWN_SUBJECT.match(after_rel) or _is_group_word(after_rel.split()[0], _group_heads())) \
                and not _has_words(after_rel, 5):
            return None  # "The changes, which officials said ...": the relative clause's own subject speaks
    head = hm.group(1)
    if _SUBJ_PRON.match(head):  # "They, like many others, say": the pronoun's antecedent
        return _subject(g, st, mentions, text, h0, h1)
    names = [m for m in mentions if h0 <= m.start and m.end <= h1 and m.actor and m.method != "description"
             and not _is_group_word(m.surface, _source_heads())]  # "Officials who ...": a group, no name
    if names and not text[names[-1].end:h1].strip(" .,") and not _COORDINATED.search(text, names[0].start, h1):
        m = names[-1]  # "RNC spokesman Sean Spicer on Thursday said": the name ends the head
        return _spk(m, m.actor, m.method, 0.6), h0
    if not _is_group_word(words[-1], _source_heads()):
        return None  # "The sound system, cycling through ..., added": not someone who speaks
    # a description: the head with its complements ("sources close to her campaign", "a person familiar with
    # the planning"), up to a comma, dash, relative pronoun or time; the head alone when that is long
    stops = [i for i in (text.find(",", h1, cue_at), text.find("—", h1, cue_at), text.find("–", h1, cue_at),
                         h1 + rel.start() if rel else -1) if i >= 0]
    stop = min(stops or [cue_at])
    am = _adjunct_search(text, h1, stop) if _may_end_adjunct(text[h1:stop]) else None
    if am is not None:
        stop = h1 + am.start()
    while stop > h1 and text[stop - 1] in " \t":
        stop -= 1
    end = stop if not _has_words(text[h0:stop], 13) else h1
    np_ = text[h0:end]
    return _described(np_, h0, end), h0


#: The noun phrase right after an inverted verb of saying ("..., said two officials familiar with the plan."):
#: an optional determiner or number, at most four words, and the head, before punctuation, a relative pronoun or
#: a complement.
#: A locative preposition right before a name: a place, not a speaker ("one protester in Almaty").
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|outside|inside|across)\s+(?:the\s+)?\Z", re.IGNORECASE)
_DESC_AFTER = re.compile(
    r"\s*((?:(?:the|a|an|one|two|three|four|five|six|several|some|many|most|other|another|his|her|their|its|"
    r"both|all|few|\d+)\s+)?(?:[\w’'.-]+\s+){0,4}?([\w’'-]+))(?=\s*(?:[,.;:]|$)|\s+(?:who|whom|that|which|of|in|at|for|"
    r"from|with|on|familiar|close|to|based|across|among|including|like|privy|loyal|allied|aligned|connected|"
    r"involved)\b)", re.IGNORECASE)


def _description_after(mentions: list[Mention], text: str, lo: int, hi: int) -> _Speaker | None:
    """The unnamed speaker after an inverted verb of saying ("..., said several observers.", "..., said an
    official who was briefed on the talks."), or the name in apposition to it ("..., said the company's chief
    executive, John Smith."); None when the words after the verb are not such a noun phrase.

    Example:
        >>> t = "The talks failed, said two officials familiar with the plan."
        >>> _description_after([], t, t.index("said") + 4, len(t)).surface
        'two officials familiar with the plan'
    """
    dm = _DESC_AFTER.match(text, lo, hi)
    if dm is None or _NOT_HEAD.search(dm.group(1)) or _QUOTE_CHARS.search(dm.group(1)):
        return None
    if not _is_group_word(dm.group(2), _source_heads()):
        return None
    d0, d1 = dm.span(1)
    if (cm := _APPOSED_BEFORE.match(text, d1, hi)) is not None:
        appo = [m for m in mentions if m.start == cm.end() and m.actor and m.method not in ("description", "title")
                and m.type in ("person", "")]
        if appo:  # "..., said the company's chief executive, John Smith."
            return _spk(appo[0], appo[0].actor, appo[0].method, 0.8)
    stop = min([i for i in (text.find(",", d1, hi), text.find(".", d1, hi), text.find(";", d1, hi)) if i >= 0] or [hi])
    if any(d0 <= m.start < stop and m.actor and m.method not in ("description", "title")
           and not _PLACE_BEFORE.search(text, max(d0, m.start - 10), m.start) for m in mentions):
        return None  # "..., says former adviser to the president Jane Roe.": a name in the phrase is read by name
    rel = _RELATIVE_PRON.search(text, d1, stop)
    end = rel.start() if rel else stop
    while end > d1 and text[end - 1] in " \t":
        end -= 1
    if _has_words(text[d0:end], 13) or _NOT_HEAD.search(text, d1, end):
        end = d1
    return _described(text[d0:end], d0, end)
