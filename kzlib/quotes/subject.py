"""The subject of a speech verb (a name, description or pronoun before it) and its patterns."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kzlib.actors import (
    Gazetteer,
    Mention,
    place_names,
    speaker_words,
)
from kzlib.quotes._modifier import (
    _is_group_word,
    _modified_antecedent,
    _modified_head,
    _modifies,
    _opening_description,
    _place_antecedent,
    _source_heads,
    _titled_name_before,
)
from kzlib.quotes._possessor import _stands_for
from kzlib.quotes.marks import _MARKS, _POSSESSIVE_AFTER, _has_words, _n_words
from kzlib.quotes.speakers import (
    _described,
    _DocState,
    _group_heads,
    _is_person,
    _resolve_pronoun,
    _Speaker,
    _spk,
)
from kzlib.text import PLAIN_PUNCTUATION, word_index

# ------------------------------------------------------------------------------------------ reported speech
_SUBJ_ADJUNCT_TEXT = (
    r"(?:[\s,]+(?:(?:was|were|is|are)\s+(?:reported|said|quoted|cited|believed|understood|thought|known)\s+to(?:\s+have)?|"
    r"has|have|had|is|was|were|are|also|later|then|previously|once|again|often|"
    r"already|since|earlier|further|would|will|could|"
    r"may|might|did|does|do|has\s+long|long|never|not|just|even|still|first|last|"
    r"been|being|had\s+been|"
    r"afterwards?|meanwhile|now|today|yesterday|tonight|soon|in\s+turn|in\s+response|"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:on|last|this)\s+(?:week|month|year)|(?:earlier|later)\s+this\s+(?:week|month|year)|"
    r"(?:(?:less|more)\s+than\s+|about\s+|nearly\s+|almost\s+|just\s+)?(?:an?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|a\s+few|\d+)\s+(?:hours?|days?|weeks?|months?|years?)\s+ago|"
    r"in\s+(?:an?|his|her|their|its)\s+(?:\w+\s+){0,2}?(?:statement|interview|email|letter|tweet|speech|post|op-ed|memo|release)|"
    r"on\s+(?:Twitter|Facebook|CNN|Fox|MSNBC)|here|in\s+the\s+past|at\s+the\s+time|both|all|each|"
    # any lower-case adverb in -ly ("repeatedly", "are quietly saying", "boldly claimed"), not a noun or name in -ly
    # (one branch for every such adverb: listed ones too would let a run of them be read in many ways; on the
    # lower-cased text of _adjunct_search's fast path a capitalised name in -ly is checked for after the match)
    r"(?-i:(?!(?:family|ally|rally|assembly|anomaly|monopoly|supply|reply|bully|daily|weekly|monthly|quarterly|"
    r"jelly|belly|folly|lily|fly|early)\b)[a-z]{2,}ly)"
    r"{capital}))+\s*$")
# the common -ly adverbs capitalised (a headline's "Trump Reportedly Said"; a name in -ly is none of them): in the
# pattern for the original text only (lower-cased, "[A-Z]" would become "[a-z]" and read every such adverb twice)
_CAPITAL_ADVERBS = (r"|(?=(?-i:[A-Z]))(?:reportedly|repeatedly|recently|previously|publicly|privately|separately|"
                    r"initially|originally|additionally|quickly|flatly|simply|actually|apparently|allegedly|openly|"
                    r"explicitly|specifically|frequently|subsequently|immediately|promptly|swiftly|sharply|strongly|"
                    r"angrily|firmly|formally|officially|categorically|vehemently|bluntly|only)")
_SUBJ_ADJUNCT = re.compile(_SUBJ_ADJUNCT_TEXT.replace("{capital}", _CAPITAL_ADVERBS), re.IGNORECASE)
# the last words of _SUBJ_ADJUNCT's branches: the pattern ends the text, so a text whose last word is none
# of these has no adjunct (a cheap test before the search, which tries the branches at every gap)
_ADJUNCT_LAST = frozenset("""to have has had is was were are also later then previously repeatedly once again recently since
often already earlier reportedly additionally publicly privately separately initially originally further would will
could may might did does do long never not just quickly flatly simply even still first last been being actually
apparently allegedly openly explicitly specifically frequently afterward afterwards subsequently meanwhile now today
yesterday tonight soon immediately promptly swiftly sharply strongly angrily firmly formally officially categorically
vehemently bluntly turn response ago monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night
week month year statement
interview email letter tweet speech post op-ed memo release twitter facebook cnn fox msnbc here past time both all
each""".split())


def _may_end_adjunct(seg: str) -> bool:
    """False when ``_SUBJ_ADJUNCT`` cannot match ``seg`` (its last word ends none of its branches)."""
    tail = seg.rstrip()
    parts = tail.rsplit(None, 1)
    last = parts[-1].rsplit(",", 1)[-1] if parts else ""
    return not last.isascii() or last.lower() in _ADJUNCT_LAST or (last.endswith("ly") and last.islower())


# _SUBJ_ADJUNCT without IGNORECASE, for lower-cased plain text (its pattern has no upper-case escape): the
# same matches there, about three times faster
_SUBJ_ADJUNCT_LOWER = re.compile(_SUBJ_ADJUNCT_TEXT.replace("{capital}", "").lower())


@lru_cache(maxsize=16)
def _lower_plain(text: str) -> str | None:
    """``text.lower()`` when ``text`` is plain (ASCII and caseless punctuation, see
    ``kzlib.text.word_index``): there a lower-case pattern finds what its IGNORECASE form finds in
    ``text``, at the same offsets; else None. (Cached: the subjects of a paragraph's cues ask.)"""
    return text.lower() if word_index(text) is not None else None


def _adjunct_search(text: str, lo: int, end: int) -> re.Match[str] | None:
    """``_SUBJ_ADJUNCT.search(text[lo:end])`` (on the lower-cased text when it is plain: same offsets)."""
    low = _lower_plain(text)
    if low is None:
        return _SUBJ_ADJUNCT.search(text[lo:end])
    seg = low[lo:end]
    # the match runs to the end and holds no character outside ``_ADJUNCT_CHARS``: it starts after the last other
    # one (the search tried every blank before it)
    m = _SUBJ_ADJUNCT_LOWER.search(seg, len(seg.rstrip(_ADJUNCT_CHARS)))
    if m is not None and _CAPITAL_LY.search(text, lo + m.start(), lo + m.end()):
        return _SUBJ_ADJUNCT.search(text[lo:end])  # "Senator Mark Kelly has said": a name, no adverb
    return m


_CAPITAL_LY = re.compile(r"\b[A-Z][\w'’-]*(?:ly|LY)\b")
#: The characters of plain text (see ``_lower_plain``) that ``_SUBJ_ADJUNCT_LOWER`` can match: word characters,
#: blanks, commas and hyphens ("op-ed").
_ADJUNCT_CHARS = "".join(c for c in map(chr, range(128)) if re.fullmatch(r"[\w\s,-]", c)) + "".join(
    c for c in PLAIN_PUNCTUATION if re.fullmatch(r"[\w\s,-]", c))


_CLAUSE_BREAK = re.compile(r"(?:[;:—–(]|\s-\s|,\s+(?:and|but|so|or|while|as|because)\b|\b(?:and|but|that|because|while|"
                           r"when|as|after|before|if|since|although|though|where|so|than|or|whom)\b)", re.IGNORECASE)
# _CLAUSE_BREAK for lower-cased plain text (see _lower_plain): the same matches, without IGNORECASE
_CLAUSE_BREAK_LOWER = re.compile(_CLAUSE_BREAK.pattern)
_INFINITIVE = re.compile(r"\bto\s+$", re.IGNORECASE)
_NOT_SUBJECT = re.compile(r"(?:\b(?:has|have|had|will|would|can|could|should|shall|must|neither|nor|is|was|were|are|"
                          r"to|what|which|whereas|whether|who|whom|there|here|not|did|does|do)\b|[()\[\]]|['’](?:ve|re|ll|d)\b|"
                          r"n['’]t\b)", re.IGNORECASE)
_BY_END = re.compile(r"\sby\Z")
#: A state's abbreviation after a place that ends an opening phrase ("in Alexandria, Va.,").
_STATE_ABBR = re.compile(r"[A-Z][a-z]{1,4}\.")
#: A verb, its object and "for" before a participle of saying ("rebuked Roe for", "thanked the governor for").
_VERB_OBJECT_FOR = re.compile(r"(?:\b[a-z]+ed\s+|\A)(?P<obj>(?:(?:the|a|an)\s+)?[\w.'’-]+(?:\s+[A-Z][\w.'’-]*){0,3})\s+for\s*\Z")
#: A capitalised participle used as an adjective, before its noun: "Armed men, who ...", "Detained protesters, ..."
#: (an opening participle phrase goes on with a function word or a name: "Speaking in Moscow", "Addressing Congress").
_ADJECTIVE_OPEN = re.compile(r"\s*[A-Z][a-z]+(?:ed|ing)\s+(?!(?:in|on|at|to|about|by|with|from|for|after|before|during|"
                             r"over|under|through|into|up|out|back|the|a|an|his|her|their|its|this|that|these|those|"
                             r"some|many|reporters|him|them|us|me|more|most)\b)[a-z]")
_PLURAL = re.compile(r"[a-z][^s\W]s\Z")
#: A group's named members in apposition to it ("..., including Mr. Goldberg, ...", "..., together with X, ...").
_INCLUDING = re.compile(r"\s*(?:including|such\s+as|among\s+them|notably|(?:together|along)\s+with|alongside)\s+(?:the\s+)?",
                        re.IGNORECASE)
_PREP_THE = re.compile(r"\b(?:to|of|for|at|in|from|with|on|by|about|against)\s+(?:the\s+)?$", re.IGNORECASE)
_SHARED_SUBJ = re.compile(r"\b(?:and|but)\s*$", re.IGNORECASE)
_LAST_PRON = re.compile(r"\s(he|she|they|who)$", re.IGNORECASE)
#: A pronoun with a contracted "is" or "has" ("He’s praising ..."): the pronoun (not a name: ``_NOT_SUBJECT`` reads
#: the other contractions, "They've", as a clause's subject and verb).
#: A prepositional phrase of places, before the "and" of the list's last place ("voters in Alabama, Georgia| and").
_PLACE_LIST = re.compile(r"\b(?:in|of|from|across|at)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
                         r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*,?\s*\Z")
_PRON_CONTRACTED = re.compile(r"(he|she|it)['’]s", re.IGNORECASE)
_SUBJ_PRON = re.compile(r"^(?:he|she|they|it|who|we|i)$", re.IGNORECASE)
_COLLECTIVE = re.compile(r"(?<![\w'’-])(?:officials|sources|aides|critics|experts|analysts|people|voters|"
                         r"supporters|advisers|advisors|allies|lawmakers|Republicans|Democrats|leaders|"
                         r"members|residents|observers|insiders|polls|surveys|reports|documents|records|data|percent|majority|"
                         r"half|plurality|respondents|Americans|participants|candidates|officers|agents|investigators|"
                         r"some|many|others|both|all)(?![\w'’-])", re.IGNORECASE)
_ADDR = re.compile(r"\s*(?:(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’&-]*)*|reporters|"
                   r"journalists|us|me|him|her|them|supporters|voters|the\s+(?:\w+\s+){0,2}?(?:crowd|audience|"
                   r"newspaper|paper|station|network|magazine|committee|court|jury|host|reporter|reporters|"
                   r"Times|Post|Journal))(?=\s*(?:that\b|[,.:]|on\b|in\b|at\b|during\b|last\b|this\b|he\b|she\b|"
                   r"they\b|it\b|the\b|a\b|\"|“))")
_CONTENT_ADJUNCT = re.compile(
    r"\s*,?\s*(?:(?:in|on|during|at|via|through)\s+(?:an?|the|his|her|their|its|a\s+written)?\s*(?:[\w’'-]+\s+){0,3}?"
    r"(?:statement|announcement|interview|email|e-mail|letter|speech|conference|briefing|post|tweet|comments?|feedback|"
    r"remarks|call|message|release|appearance|hearing|debate|rally|op-ed|memo|video|podcast|show|Twitter|Facebook|"
    r"meeting|session|summit|forum|event|gathering|ceremony|dinner|luncheon|breakfast)s?"
    r"(?:\s+of\s+(?:the\s+)?[\w’'.-]+(?-i:\s+[A-Z][\w’'.-]*){0,3})?"
    r"(?:\s+(?:with|to|on|at|for|shared\s+with)\s+(?:the\s+)?[\w’'.-]+(?-i:\s+[A-Z][\w’'.-]*){0,3})?|"
    r"(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning)|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently|earlier|later)|"
    r"(?:in|since)\s+(?:early\s+|late\s+)?(?:1[6-9]|20)\d\d|"  # "found in 2014 that ..."
    r"(?:on|off)\s+the\s+record|that|then|also)\b\s*,?", re.IGNORECASE)
_CONTENT_LEAD = re.compile(r"\s*(?:[,:]\s*)?(?:(?:[a-z]+ly\s+)?that\b\s*)?(?:,\s*)?")  # "said (repeatedly) that"
_TRAIL_ATTR = re.compile(r",?\s*(?:he|she|they|it|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:said|says|added|wrote|noted)"
                         r"(?:\s+\w+){0,2}\s*[.!?]?\s*$")


#: Characters before a speech verb read for its subject before the words are counted (a subject has at
#: most 16 words: one with no comma or clause break in the last 2,048 characters has more).
_SUBJECT_WINDOW = 2048


def _last_clause_break(text: str, lo: int, end: int) -> re.Match[str] | None:
    """The last clause break in ``text[lo:end]``, searched backwards in growing windows: scanning from
    ``lo`` for every cue made a long paragraph with many cues quadratic (48 kB of "told reporters":
    107 s). A break found well inside a window (its matches are a few characters long) is the one the
    scan from ``lo`` ends with.

    Example:
        >>> t = "The minister, who spoke briefly, and the envoy said"
        >>> t[_last_clause_break(t, 0, len(t)).end():].strip()
        'the envoy said'
    """
    low = _lower_plain(text)
    rx, text = (_CLAUSE_BREAK, text) if low is None else (_CLAUSE_BREAK_LOWER, low)
    step = 256
    while True:
        start = max(lo, end - step)
        last = None
        for last in rx.finditer(text, start, end):  # noqa: B007 - the loop keeps the last match
            pass
        if start == lo or (last is not None and last.start() >= start + 64):
            return last
        step *= 4


def _subject(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, lo: int, cue_at: int, *,
             loose: bool = False) -> tuple[_Speaker, int] | None:
    """The subject of a speech verb at ``cue_at``: a name, description or pronoun ending right before
    it (past adverbs, auxiliaries, times and 'in a statement'), or the head before an apposition
    ("X, a professor at Y, said"); None when the words before the verb are not a speaker. ``loose``
    (a verb that only people and bodies do, "say", "tell"): any short noun phrase ("hacking
    specialists say", "those surveyed said") is an unnamed speaker too."""
    seg = text[lo:cue_at]
    am = _adjunct_search(text, lo, cue_at) if _may_end_adjunct(seg) else None
    end = lo + (am.start() if am else len(seg.rstrip()))
    while end > lo and text[end - 1] in " \t":
        end -= 1
    if am is not None and text[end:lo + am.end()].lstrip().startswith(","):
        # "Clinton, after the scandal broke, initially said": the comma before the adverb closes an apposition
        end = text.index(",", end) + 1
    if end > lo + 1 and text[end - 1] == "," and text[end - 2] == ")" and _PARTY_TAG.search(text, lo, end - 1):
        end -= 1  # "..., Gov. John Kasich (R-OH), said": the comma closes the opening phrase, not an apposition
    if end > lo and text[end - 1] == ")":  # "Sen. Elizabeth Warren (D-MA) said": the party and state are no name
        op = text.rfind("(", lo, end)
        if op > lo and _n_words(text[op:end]) <= 4:
            end = op
            while end > lo and text[end - 1] in " \t":
                end -= 1
    if end <= lo:
        return None
    start = lo
    appositive = text[end - 1] == ","
    opens = False  # an apposition's head that opens the clause
    if appositive:  # an apposition or relative clause: "Stuart Stevens, who served as ..., called"
        qs = [(m.start(), m.end()) for m in _MARKS.finditer(text, lo, end)]
        # after a quotation ('"...," Georgi Asatryan, an expert at ..., told'), not after a scare-quoted word
        region = qs[-1][1] if len(qs) >= 2 and _n_words(text[qs[-2][1]:qs[-1][0]]) >= 4 else lo
        if (titled := _titled_name_before(mentions, text, region, end - 1)) is not None:
            return _spk(titled[0], titled[0].actor, titled[0].method, 0.8), titled[1]
        while (im := _INTRO.match(text, region, end - 1)) is not None and im.end() > region \
                and text.find(",", im.end(), end - 1) >= 0 and not _ADJECTIVE_OPEN.match(text, region):
            region = im.end()  # "In Almaty, the mayor, Jane Roe, said": past the opening phrase
            nxt = text.find(",", region, end - 1)
            chunk = text[region:nxt].strip() if nxt >= 0 else ""
            if chunk and text.find(",", nxt + 1, end - 1) >= 0 and (_STATE_ABBR.fullmatch(chunk) or any(
                    m.type == "state" and m.surface == chunk for m in mentions)):
                region = nxt + 1  # "In a court in Alexandria, Va., Lazar, ...", "In Almaty, Kazakhstan, ...": the place
            elif chunk and text.find(",", nxt + 1, end) >= 0 and _PLACE_END.search(text, lo, im.end()) \
                    and _PLACE_NAME.fullmatch(chunk) and not any(
                        m.start == region + len(text[region:nxt]) - len(text[region:nxt].lstrip()) and _is_person(g, m)
                        and m.type == "person" for m in mentions):
                region = nxt + 1  # "At an event in Ames, Iowa, Clinton ...": a place's state, whatever the gazetteer
        first_comma = text.find(",", region, end)
        heads = [m for m in mentions if region <= m.start and m.end <= first_comma and m.actor
                 and m.method != "description" and not _PREP_THE.search(text[max(lo, m.start - 16):m.start])
                 and not _POSSESSIVE_AFTER.match(text[m.end:m.end + 2])]  # "Clinton's campaign, which ..., said"
        if not heads and first_comma >= 0:  # "One of the authors of the report, Ari Fleischer, said"
            second = text.find(",", first_comma + 1, end)
            heads = [m for m in mentions if first_comma < m.start and m.end <= (second if second >= 0 else end)
                     and m.actor and m.method != "description" and m.type in ("person", "")
                     and not text[first_comma + 1:m.start].strip()]
        if first_comma >= 0 and all(h.method in ("title", "description") for h in heads):
            # "Kazakhstan's President, Jane Roe, said": a name in apposition to a title names the speaker
            second = text.find(",", first_comma + 1, end)
            stop = second if second >= 0 else end
            appo = [m for m in mentions if first_comma < m.start and m.end <= stop and m.actor
                    and m.method not in ("description", "title") and m.type in ("person", "")
                    and not text[first_comma + 1:m.start].strip() and not text[m.end:stop].strip()]
            if appo:
                return _spk(appo[0], appo[0].actor, appo[0].method, 0.8), appo[0].start
        group = text[region:first_comma].split() if first_comma >= 0 else []
        if group and _PLURAL.search(group[-1]) and (im := _INCLUDING.match(text, first_comma + 1, end)) is not None \
                and not (heads and not text[heads[0].end:first_comma].strip()):
            # "Many tax experts, including Mr. Goldberg, have pointed out", "U.S. officials, together with Jane Roe, have
            # questioned": the member the text names (a group's modifier, "U.S.", is no speaker); only after a plural
            # ("The president, along with Putin, said": the president)
            included = [m for m in mentions if m.start == im.end() and m.actor and m.method not in ("description", "title")]
            if included:
                return _spk(included[0], included[0].actor, included[0].method, 0.6), included[0].start
        if heads and text[heads[-1].end:first_comma].strip():
            last, d0, d1 = _modified_head(mentions, text, heads[-1], first_comma)
            n0 = region + len(text[region:d0]) - len(text[region:d0].lstrip())
            if last is None and (d0 == n0 or _DET_ONLY.fullmatch(text, n0, d0)):
                # "Younger black voters, in particular, have expressed", "The New York businessman, ..., says"
                return _described(text[n0:d1], n0, d1), n0
        if len(heads) > 1 and (named := _modified_head(mentions, text, heads[0], first_comma)[0]) not in (None, heads[0]):
            return _spk(named, named.actor, named.method, 0.8), heads[0].start  # "Former Arizona governor Jan Brewer, ..."
        if heads:
            # "Texas delegate Bill Eastland, wearing a hat, said": the name that ends the phrase before the comma
            # ("Trump went after Bush, calling him ...": a participle after the clause is its subject's, Trump's)
            verb_ing = first_comma == end - 1 and _ING_AT.match(text, cue_at) is not None
            h = next((m for m in heads if not text[m.end:first_comma].strip() and _is_person(g, m)
                      and not (verb_ing and _n_words(text[heads[0].end:m.start]) > 1)), heads[0])
            return _spk(h, h.actor, h.method, 0.8), h.start
        comma = text.find(",", region, end - 1)
        if comma < 0:
            return None
        end = comma
        br = _last_clause_break(text, region, end)
        start = br.end() if br else region
        c = text.rfind(",", start, end)
        if c >= 0:
            start = c + 1
        opens = start == lo
    else:
        window = max(lo, end - _SUBJECT_WINDOW)
        if (window > lo and text.rfind(",", window, end) < 0 and _last_clause_break(text, window, end) is None
                and _n_words(text[window:end]) > 16):
            return None   # no comma or clause break in the last 16+ words: no subject, as the whole scan finds
        br = _last_clause_break(text, lo, end)
        if br is not None and br.group(0).lower() in ("and", "or") and text[br.end():end].strip() in place_names() \
                and (pl := _PLACE_LIST.search(text, max(lo, br.start() - 100), br.start())) is not None \
                and _is_group_word((text[lo:pl.start()].split() or [""])[-1], _source_heads()):
            # "Recent polls in Pennsylvania and Virginia have shown": the polls, not a place of the list
            b2 = _last_clause_break(text, lo, pl.start())
            s2 = max(b2.end() if b2 else lo, text.rfind(",", lo, pl.start()) + 1)
            s2 += len(text[s2:end]) - len(text[s2:end].lstrip())
            return _described(text[s2:end], s2, end), s2
        start = br.end() if br else lo
        c = text.rfind(",", start, end)
        if c >= 0:
            start = c + 1
            while start < end and text[start] in " \t\"”’'":  # '"...," a protester said': past the closing mark
                start += 1
        if br is not None and c < 0 and br.group(0).lower() == "and" and 1 <= _n_words(text[br.end():end]) <= 4 \
                and not _NOT_SUBJECT.search(text, br.end(), end):
            # "Sanders and his supporters argue": the name before "and" heads the coordinated subject
            first = [m for m in mentions if lo <= m.start and m.end <= br.start() and m.actor and m.method != "description"
                     and not text[m.end:br.start()].strip()]
            if first:
                return _spk(first[-1], first[-1].actor, first[-1].method, 0.7), first[-1].start
    np_ = text[start:end].strip()
    if not np_ and start > lo and _SHARED_SUBJ.search(text, lo, start):
        # "Sullivan put off deciding ... but said ...": the verb shares the clause's subject
        first = [m for m in mentions if lo <= m.start < start and m.actor and m.method != "description"
                 and _n_words(text[lo:m.start]) <= 2]
        if first:
            who, d0, d1 = _modified_head(mentions, text, first[0], start)
            n0 = lo + len(text[lo:d0]) - len(text[lo:d0].lstrip())
            if who is None and (n0 == d0 or _DET_ONLY.fullmatch(text, n0, d0)):
                # "The Washington Post columnist has been critical ... but wrote": the columnist
                return _described(text[n0:d1], n0, d1, 0.6), n0
            if who is not None:
                return _spk(who, who.actor, who.method, 0.6), first[0].start  # (or the name after the noun)
        if (pm := _OPEN_PRON.match(text, lo, start)) is not None:
            # "He's comparing ... and says ...": the clause's pronoun subject
            return _pronoun_subject(g, st, mentions, pm, since=lo, confidence=0.6)
    if np_ and _BY_END.search(np_):
        # "Clinton has gone further than Obama on Syria by proposing ...", "... and hit Snowden back by accusing":
        # the means of the clause's subject, the first actor after ``lo``
        s_ = lo
        while (im := _INTRO.match(text, s_, end)) is not None and im.end() > s_:
            s_ = im.end()  # "In Almaty, Tokayev shocked the crowd by announcing": past the opening phrase
        s_ += len(text[s_:end]) - len(text[s_:end].lstrip())
        opener = next((m for m in mentions if m.start >= s_ and m.actor and m.method != "description"
                       and (m.start == s_ or _DET_ONLY.fullmatch(text[s_:m.start]))
                       and not _POSSESSIVE_AFTER.match(text[m.end:m.end + 2])), None)
        if opener is not None:
            return _spk(opener, opener.actor, opener.method, 0.5), opener.start
        if (pm := _OPEN_PRON.match(text, s_, end)) is not None:  # "He angered Tokayev by saying ...": he
            return _pronoun_subject(g, st, mentions, pm, since=0, confidence=0.5)
        if (d1 := _opening_description(text, s_, end)) > s_:  # "The billionaire businessman began by saying": he
            return _described(text[s_:d1], s_, d1, 0.5), s_
    if np_ and (fm := _VERB_OBJECT_FOR.search(np_)) is not None:
        # "(X) rebuked Roe for saying ...", "thanked the governor for saying ...", "criticized the West for saying":
        # the one the verb is about said it
        off = start + len(text[start:end]) - len(text[start:end].lstrip())
        obj = next((m for m in mentions if m.start == off + fm.start("obj") and m.end == off + fm.end("obj")
                    and m.actor), None)
        if obj is not None:
            return _spk(obj, obj.actor, obj.method, 0.5), obj.start
        return _described(fm.group("obj"), off + fm.start("obj"), off + fm.end("obj")), off + fm.start("obj")
    if not np_ or _has_words(np_, 17):
        return None
    if np_ in place_names() and (x := _place_antecedent(mentions, text, lo, end)[0]) is not None:
        return _spk(x, x.actor, x.method, 0.7), x.start  # "Stacy Baker of Columbia, South Carolina says": Baker
    pm = _LAST_PRON.search(np_)
    if pm and pm.start() > 0:  # "... the place he said": the pronoun is the subject
        start += len(text[start:end]) - len(text[start:end].lstrip()) + pm.start(1)
        np_ = pm.group(1)
    s0 = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    if (cm := _PRON_CONTRACTED.fullmatch(np_)) is not None:  # "He’s praising ...": the pronoun, not a name
        np_, end = cm.group(1), s0 + len(cm.group(1))
    inside = [m for m in mentions if s0 <= m.start and m.end <= end and m.actor]
    if _SUBJ_PRON.match(np_):
        p = np_.lower()
        m = Mention(s0, end, np_, "", "pronoun")
        if p == "who":  # the relative clause's antecedent: the last mention right before it ...
            x, pp = _place_antecedent(mentions, text, max(0, lo - 200), s0)  # (past a phrase of place: "Cruz of Texas, who")
            if x is not None:
                return _spk(x, x.actor, x.method, 0.7), s0
            if pp >= 0:  # "workers in New York, Los Angeles and Seattle who": the workers
                w1 = pp + len(re.split(r"\s+(?:of|from|in|at)\s", text[pp:s0], maxsplit=1)[0])
                return _described(text[pp:w1], pp, w1), s0
            prev = [x for x in mentions if x.end <= s0 and x.actor and lo - 200 <= x.start]
            if prev and (ante := _modified_antecedent(mentions, text, prev[-1], s0)) is not None:
                if isinstance(ante, Mention):  # "Bernie Sanders, the independent Vermont senator who"
                    return _spk(ante, ante.actor, ante.method, 0.7), s0
                return _described(text[ante[0]:ante[1]], *ante), s0  # "a Texas real estate developer, who"
            if prev and _n_words(text[prev[-1].end:s0]) <= 5 and not _SENTENCE_PUNCT.search(text, prev[-1].end, s0):
                x = prev[-1]
                return _spk(x, x.actor, x.method, 0.7), s0
            n0 = s0  # ... else the words before it: "four in 10 who said"
            for wm in reversed(list(_WORD.finditer(text, max(0, s0 - 80), s0))):
                if wm.group(0).lower() in _NP_STOP or s0 - wm.start() > 60 or _SENTENCE_PUNCT.search(
                        text, wm.end(), n0) or "," in text[wm.end():n0]:
                    break
                n0 = wm.start()
            np_before = text[n0:s0].strip(" ,")
            if not np_before:
                return None
            return _described(np_before, n0, n0 + len(np_before)), s0
        if p in ("we", "i"):  # the writer (outside quotations): kept, unnamed
            return _Speaker("", np_, "pronoun", 0.3, resolution="pronoun", m_start=s0, m_end=end), s0
        name = _resolve_pronoun(p, g, st, [x for x in mentions if lo <= x.start and x.end <= s0])
        return _spk(m, name, "pronoun", 0.7 if name else 0.2), s0
    words = np_.split()
    if inside:
        # the NP ends with the name ("Russian ambassador Anatoly Antonov", "the senator"), or is it
        tail = [m for m in inside if not text[m.end:end].strip(" .,") and (m.type == "person" or not _PREP_THE.search(
            text[s0:m.start]))]
        if tail:
            head = tail[-1]
            return _spk(head, head.actor, head.method, 0.85), s0
        head = inside[0]
        rest = text[head.end:end]
        modifier = head.method in ("named", "surname") and rest.strip()[:1].islower() and " " not in head.surface.strip() \
            or _modifies(text, head.end, end)  # "The New York businessman", "A New York judge": the noun speaks
        if (head.start == s0 or _DET_ONLY.fullmatch(text[s0:head.start])) and not _POSSESSIVE_AFTER.match(rest) \
                and _n_words(rest) <= 1 and not modifier:  # "New polls", "Trump aides": a modifier, not the speaker
            return _spk(head, head.actor, head.method, 0.8), s0
        if _NOT_SUBJECT.search(np_):
            return None
        return _described(np_, s0, end, 0.6), s0
    if _NOT_SUBJECT.search(np_):
        return None
    if _COLLECTIVE.search(np_) and len(words) <= 6:
        return _described(np_, s0, end), s0
    if words[0][:1].isupper() and len(words) <= 5 and words[0] not in speaker_words().not_names \
            and all(w[:1].isupper() or w in ("of", "the", "for", "and") for w in words) \
            and not (len(words) == 1 and words[0].endswith(("ed", "ing", "ly"))):
        return _Speaker(np_, np_, "named", 0.5, resolution="named", m_start=s0, m_end=end), s0
    if loose and (not appositive or opens and _is_group_word(words[-1], _source_heads())) and len(words) <= 8 \
            and _LOOSE_NP.fullmatch(np_):
        # ("Armed men, who attacked the airport, said": the phrase that opens the sentence before the apposition)
        return _described(np_, s0, end), s0
    if not appositive and len(words) <= 6 and _is_group_word(words[-1], _group_heads()) and _LOOSE_NP.fullmatch(np_):
        # "The results show ...", "new filings show ...": people, groups and documents that say or show something
        return _described(np_, s0, end), s0
    return None


def _pronoun_subject(g: Gazetteer, st: _DocState, mentions: list[Mention], pm: re.Match[str], *, since: int,
                     confidence: float) -> tuple[_Speaker, int]:
    """The speaker of a clause whose subject is the pronoun matched by ``_OPEN_PRON`` (group 1), resolved against
    the mentions before it from offset ``since``, and where it stands; ``confidence`` when resolved, else 0.2."""
    p0 = pm.start(1)
    name = _resolve_pronoun(pm.group(1).lower(), g, st, [x for x in mentions if since <= x.start and x.end <= p0])
    return _spk(Mention(p0, pm.end(1), pm.group(1), "", "pronoun"), name, "pronoun", confidence if name else 0.2), p0


#: A noun phrase that may say something (``_subject(loose=True)``): opens with a determiner, quantifier or
#: word and ends with a noun-like word (not an adverb, a participle or a function word).
_LOOSE_NP = re.compile(r"(?:(?:the|a|an|some|many|most|several|few|other|those|these|two|three|four|five|both|all|"
                       r"his|her|their|its|our|one|each|every|another)\s+)?(?:[\w’'.-]+\s+){0,6}?"
                       r"(?!(?:which|it|this|that|there|one|what|who|whom|these|those)\b)[A-Za-z0-9][\w’'.,-]*(?<!ly)(?<!ing)(?<!,)%?",
                       re.IGNORECASE)


#: A pronoun subject opening a clause ("He's comparing ...", "She also ...").
_OPEN_PRON = re.compile(r"\s*(?:[,;]\s*)?(he|she|they)(?=\s|['’])", re.IGNORECASE)
_SENTENCE_PUNCT = re.compile(r"[.;:!?\"“”()]")
_WORD = re.compile(r"[\w’'.-]+")
#: Words that end the noun phrase before a relative "who" (read backwards): conjunctions and prepositions.
_NP_STOP = frozenset("and but or while than with by to from among for compared as at on about against".split())
_DET_ONLY = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)


# ------------------------------------------------------------------------------ a long subject's head
#: What a sentence may open with before its subject: a sentence adverb ("Yet", "Rather,"), or an introductory
#: phrase or clause ending at a comma ("While the industry cannot ..., ", "Reached by phone on Tuesday, ",
#: "In Almaty, "). Applied repeatedly.
_ING_AT = re.compile(r"[a-z]+ing\b")
#: A party and state after a politician's name: "(R-OH)", "(D-Mass.)", "(I)".
_PARTY_TAG = re.compile(r"\((?:[RDI](?:-[A-Z][\w.]{1,6})?|[A-Z][\w.]{1,6}-[RDI])\)\Z")
#: An opening phrase that ends with a place ("... in Ames,"), and the one to three capitalised words of a state
#: or country that may follow it ("Iowa", "New Hampshire", "Colo.").
_PLACE_END = re.compile(r"\b(?:in|at|near|outside|from)\s+(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*,\s*\Z")
#: (also where reported.py's opening phrase of place ends)
_PLACE_NAME = re.compile(r"(?:[A-Z][\w'’-]*\.?\s+){0,2}[A-Z][\w'’-]*\.?")
_INTRO = re.compile(
    r"\s*(?:(?:yet|but|and|still|rather|meanwhile|however|instead|moreover|also|now|so|indeed|thus|then|recently|"
    r"earlier|later|separately|privately|publicly|today|yesterday|overall|likewise|similarly|nonetheless|"
    r"nevertheless|first|second|finally|more\s+recently|most\s+recently|in\s+fact|in\s+turn|by\s+contrast|in\s+contrast|at\s+the\s+same\s+time|"
    r"(?:last|this|next|earlier|later)\s+(?:year|month|week|spring|summer|fall|autumn|winter|night))\b,?|"
    r"(?:while|although|though|as|when|whenever|if|since|after|before|because|unlike|like|despite|in|on|at|during|for|"
    r"with|by|among|across|throughout|under|over|from|once|until|(?-i:[A-Z][a-z]+(?:ed|ing)))\b[^,;:!?\"“”]{0,150},)\s*",
    re.IGNORECASE)
#: Words that a subject's head (or the words before a relative pronoun after it) never holds: auxiliaries,
#: negation, function words that open clauses.
_NOT_HEAD = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|shall|may|"
                       r"might|must|do|does|did|not|there|it|this|what|which|whether|to|if|than|so)\b|n['’]t\b|"
                       r"[\"“”()\[\]]", re.IGNORECASE)


#: A possessive after a speaker's name and the words after it ("Axelrod's new memoir", "Mr. Sanders's campaign",
#: "Cruz's lawyers"): the source is the first of up to three lower-case words that is a source head.
_POSSESSIVE = re.compile(r"['’]s?\s+")
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
#: Source heads that count or quantify ("Tokayev's most recent statement", "Putin's number two"): never the source.
_QUANTIFIERS = frozenset("""most many some several few all both half third quarter number majority minority plurality
percent dozens hundreds thousands millions others those couple handful""".split())


def _with_possessed(text: str, spk: _Speaker) -> _Speaker:
    """``spk`` with its surface widened to what its name owns when that, not the person, is the source:
    "according to Axelrod's memoir" names David Axelrod with the surface "Axelrod's memoir" (a head that stands
    for its possessor: :func:`kzlib.quotes._possessor._stands_for`); "Cruz's friends said" is a description
    (the friends speak, not Cruz); unchanged when no possessive follows the mention (read in ``text``, the
    paragraph of the mention), or what it owns is not a source (a vehicle, a group or a role).

    Example:
        >>> t = "She compared it to a root canal, according to Axelrod's new memoir."
        >>> at = t.index("Axelrod")
        >>> _with_possessed(t, _Speaker("David Axelrod", "Axelrod", m_start=at, m_end=at + 7)).surface
        "Axelrod's new memoir"
        >>> t = "Axelrod's younger sister said it was over."
        >>> _with_possessed(t, _Speaker("David Axelrod", "Axelrod", m_start=0, m_end=7)).name
        "Axelrod's younger sister"
    """
    if spk.m_start < 0 or spk.m_end <= spk.m_start or not spk.name or text[spk.m_start:spk.m_end] != spk.surface:
        return spk  # (a speaker carried from another paragraph: its offsets are not in ``text``)
    pm = _POSSESSIVE.match(text, spk.m_end)
    if pm is None:
        return spk
    at = pm.end()
    for _ in range(3):
        wm = _LOWER_WORD.match(text, at)
        if wm is None or _NOT_HEAD.fullmatch(wm.group(0)):
            return spk
        if wm.group(0) in _QUANTIFIERS:
            return spk
        if _is_group_word(wm.group(0), _source_heads()):
            if _stands_for(wm.group(0)):
                return replace(spk, surface=text[spk.m_start:wm.end()], m_end=wm.end())
            # "Cruz's friends", "Elian's relatives", "Clinton's top challenger": other people, a description
            return _described(text[spk.m_start:wm.end()], spk.m_start, wm.end(), spk.confidence)
        at = wm.end() + len(text[wm.end():]) - len(text[wm.end():].lstrip(" "))
    return spk


def _noted_name(text: str, spk: _Speaker) -> str:
    """The name a speaker is remembered by for the pronouns after it (``text``: the paragraph of the mention):
    the description when what the name owns speaks ("Elian's relatives ... saying they": the relatives, not Elian;
    see :func:`_with_possessed`), else its name.

    Example:
        >>> t = "Elian's relatives said they would appeal."
        >>> _noted_name(t, _Speaker("Elian", "Elian", m_start=0, m_end=5, resolution="named"))
        "Elian's relatives"
    """
    if spk.m_start >= 0 and spk.resolution in ("named", "surname", "gazetteer"):
        owned = _with_possessed(text, spk)
        if owned.resolution == "description":
            return owned.name
    return spk.name
