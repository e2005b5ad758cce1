"""The target mentions of a text (:func:`_find_mentions`), and whether a name the text gives is the target's (private to
:mod:`kzlib.stance`): not inside a compound of two names ("the NATO-Russia Council") or of a prefix of attitude and a
name ("the anti-Trump movement"), not another person who shares the target's surname ("Bill Clinton" for a target
aliased "Hillary Clinton"), and, for a country's name, its state rather than its people, its land or a longer name
("American voters", "Bank of America")."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from kzlib.actors import speaker_words
from kzlib.stance._holders import _passive_agent
from kzlib.stance._objects import _Mention
from kzlib.stance.lexicon import _in_short_quote, _Lexicon
from kzlib.text.tokens import parses

__all__: list[str] = []

#: the words of a noun phrase before a name it ends with: determiners, titles and other capitalised words ("U.S.
#: President Barack Obama", "former senator Jan Dorn", "her rival Dorn"), at most four
_NAME_PREFIX = (r"(?:(?:the|a|an|his|her|their|its|our|former|then|then-[\w-]+|late|rival|opponent|senator|president|"
                r"governor|secretary|minister|candidate|nominee|mayor|congressman|congresswoman|[A-Z][\w.'’-]*)\s+){0,4}")
_NAME_AFTER_RE = re.compile(r"[ \t]+([A-Z][\w'’.&-]*)")  # a capitalised word right after, no punctuation between
_NAME_OF_RE = re.compile(r"([A-Z][\w'’.&-]*)\s+of\s+(?:the\s+)?$")  # "Bank of (America)"
_COMPOUND_RE = re.compile(r"-[A-Z]")  # "U.S.-Mexico border": a compound of two names
_RESULTATIVE_BEFORE_RE = re.compile(r"\b(?:make|makes|made|making|keep|keeps|kept|keeping)\s+(?:the\s+)?$", re.I)
_RESULTATIVE_AFTER_RE = re.compile(r"\s+[a-z]+\s+again\b")  # "make (America) great again": a slogan
_HEAD_AFTER_RE = re.compile(r"(?:\s+|-)(?=\w)")  # a word right after, joined by a space or hyphen
_COMPOUND_BEFORE_RE = re.compile(r"[A-Z][\w.']*-$")  # "Russia-(NATO)": joined to a name before it
#: a prefix of attitude joined to the name: "anti-(Trump) movement", "pro-(Russian) forces", "non-(Russian) media"
_ATTITUDE_PREFIX_RE = re.compile(r"\b(?:anti|pro|non)[-\u2010\u2011\u2013]$", re.I)
_TITLE_BEFORE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Madam)\.?\s+$")  # an honorific right before a surname
_GIVEN_BEFORE_RE = re.compile(r"([A-Z][\w'’.-]*)\s+(?:[A-Z]\.\s+)*$")  # a capitalised word, middle initials after it
_SPEAKER_WORD_RE = re.compile(r"[^\W_][\w'’.-]*")
#: words after a speaker's head noun: a preposition or a participle that opens its complement ("poll of voters",
#: "survey taken as they entered", "figures released by")
_AFTER_HEAD = frozenset("""of in from by among for at on with about across over that which who taken conducted released
published commissioned carried done""".split())
_TIME_AFTER = frozenset("last this earlier".split())  # "a CNN poll | last week"
#: a share of people as the speaker: a poll's finding the reporter states ("52 percent of registered voters", "Nine in
#: 10 Democrats", "two-thirds of Democratic insiders", "a majority of Americans"), not one person ("one of his aides")
_SHARE_RE = re.compile(r"(?:(?:nearly|almost|about|roughly|some|only|just|over|more\s+than|fewer\s+than|less\s+than|"
                       r"around|fully|barely|a\s+full)\s+)*(?:(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|"
                       r"ten)\s*(?:%|percent\b|per\s+cent\b|in\s+(?:\d+|ten|five|four|three)\b|out\s+of\s+\d+)|"
                       r"(?:a\s+)?(?:third|quarter|half|majority|plurality|minority)\s+of\b|"
                       r"(?:two|three)[-\s](?:thirds|quarters|fifths)\s+of\b)", re.I)
_POSSESSIVE_S_RE = re.compile(r"'s\b")  # a possessive after a name, no closing quotation mark ("''X's plan")
_ELSEWHERE = ""  # the target of a generic word outside its topic: something else, no stance row


def _another_person(text: str, start: int, end: int, target: str, lex: _Lexicon) -> bool:
    """Whether the surname at ``text[start:end]`` is another person's: right after a known given name
    (``speaker_words().first``, middle initials between) that is none of those the target's aliases write before
    it, as "Bill Clinton" or "George W. Bush" for targets whose aliases say "Hillary Clinton", "Jeb Bush", or after an
    honorific of the other sex than those given names ("Mr. Clinton"; the sexes of ``speaker_words``' lists). Only
    known given names: a capitalised word in a headline ("Pope Excommunicates Trump") or opening a sentence
    ("Classic Clinton") is no name, and a middle name the aliases lack ("Hillary Rodham Clinton") is none.

    Example:
        >>> from kzlib.stance.lexicon import _new_lexicon
        >>> from kzlib.stance.targets import Target, load_stance_cues
        >>> lex = _new_lexicon([Target("Clinton", aliases=("Clinton", "Hillary Clinton"))], load_stance_cues())
        >>> [_another_person(t, t.index("Clinton"), t.index("Clinton") + 7, "Clinton", lex)
        ...  for t in ("Bill Clinton spoke.", "Senator Clinton spoke.", "Hillary Clinton spoke.", "Classic Clinton.",
        ...            "Hillary Rodham Clinton spoke.", "Mr. Clinton spoke.", "Mrs. Clinton spoke.")]
        [True, False, False, False, False, True, False]
    """
    given = lex.given_names.get((target, text[start:end].casefold()))
    if not given:
        return False
    words = speaker_words()
    title = _TITLE_BEFORE_RE.search(text, max(0, start - 12), start)
    if title is not None and (gender := words.titles.get(title.group(1).lower())):
        # an honorific of the other sex than every given name the aliases write ("Mr. Clinton" for a target whose
        # aliases say "Hillary Clinton": the list's Hillary is a woman's name)
        theirs = {sex for g in given if (sex := _first_names_folded().get(g))}  # "Rodham" is no known given name
        return bool(theirs) and gender not in theirs
    m = _GIVEN_BEFORE_RE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1).casefold() not in given and m.group(1) in words.first


@lru_cache(maxsize=1)
def _first_names_folded() -> dict[str, str]:
    """The known given names (``speaker_words().first``), case-folded, with their sex ("m" or "f")."""
    return {name.casefold(): g for name, g in speaker_words().first.items()}


_THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.I)
_NAME_NEXT_RE = re.compile(r"\s+[A-Z]")


def _member_role(text: str, start: int, end: int, lex: _Lexicon) -> bool:
    """Whether the name at ``start:end`` modifies the noun of one person's role (``member_role_heads``) after "the" or
    before that person's name: "the GOP nominee", "GOP strategist Charlie Black" name a person, "a GOP candidate" and
    "GOP candidates" the party's.

    >>> from kzlib.stance.lexicon import _new_lexicon
    >>> from kzlib.stance.targets import Target, load_stance_cues
    >>> lex = _new_lexicon([Target("GOP", aliases=("GOP",))], load_stance_cues())
    >>> [_member_role(t, t.index("GOP"), t.index("GOP") + 3, lex) for t in ("the GOP nominee won",
    ...  "GOP strategist Charlie Black", "a GOP candidate", "GOP candidates")]
    [True, True, False, False]
    """
    role = lex.member_role_re.match(text, end)
    return role is not None and (bool(_THE_BEFORE_RE.search(text, max(0, start - 5), start))
                                 or bool(_NAME_NEXT_RE.match(text, role.end())))


_SEXES: dict[int, tuple[_Lexicon, dict[str, str]]] = {}  # by the lexicon's id, with the lexicon (ids are reused)


def _target_sexes(lex: _Lexicon) -> dict[str, str]:
    """Per target whose aliases write given names before a surname, the sex of those names where the known given names
    (``speaker_words().first``) agree on one ("Hillary Clinton": "f"); a target with none, with names of both sexes, or
    with a given name of either sex (``ambiguous_given_names`` in the cue file: "Kim Jong Un", "Jean Chrétien") is left
    out (a "he" or "she" may stand for it).

    >>> from kzlib.stance.lexicon import _new_lexicon
    >>> from kzlib.stance.targets import Target, load_stance_cues
    >>> _target_sexes(_new_lexicon([Target("Clinton", aliases=("Clinton", "Hillary Clinton")),
    ...                             Target("Party", aliases=("Blue Party",))], load_stance_cues()))
    {'Clinton': 'f'}
    """
    cached = _SEXES.get(id(lex))
    if cached is None or cached[0] is not lex:
        known = _first_names_folded()
        found: dict[str, set[str]] = {}
        for (target, _surname), given in lex.given_names.items():
            if given & lex.ambiguous_given:
                found.setdefault(target, set()).update("mf")  # "Kim", "Jean": either sex
            found.setdefault(target, set()).update(known[g] for g in given if g in known)
        cached = _SEXES[id(lex)] = (lex, {t: next(iter(s)) for t, s in found.items() if len(s) == 1})
    return cached[1]


def _in_compound(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is one part of a compound of two names joined by a hyphen
    ("the NATO-Russia Council", "U.S.-China talks", "Sino-Russian ties"): the compound names a joint body or
    a relation between the two, not an act of either; or of a prefix of attitude and the name ("the anti-Trump
    movement", "pro-Russian forces", "non-Russian media"): the compound names those for or against it, not it, and
    what a cue says of them is not said of it ("could not support the anti-Trump movement").

    Example:
        >>> t = "meetings of the NATO-Russia Council"
        >>> _in_compound(t, t.index("NATO"), t.index("NATO") + 4), _in_compound(t, t.index("Russia"), t.index("Russia") + 6)
        (True, True)
        >>> t = "the NATO-led mission"
        >>> _in_compound(t, t.index("NATO"), t.index("NATO") + 4)
        False
        >>> [_in_compound(t, t.index("Trump"), t.index("Trump") + 5) for t in ("the anti-Trump movement",
        ...  "a pro-Trump rally", "Anti-Trump protesters", "Trump's anti-trade talk", "to pro- and anti- Trump")]
        [True, True, True, False, False]
    """
    return bool(_COMPOUND_RE.match(text, end) or _COMPOUND_BEFORE_RE.search(text, max(0, start - 30), start)
                or _ATTITUDE_PREFIX_RE.search(text, max(0, start - 6), start))


def _not_the_state(text: str, start: int, end: int, lex: _Lexicon) -> bool:
    """Whether a country's name at ``text[start:end]`` names something other than its state: it stands
    inside a longer proper name ("United States Senate", "Bank of America"; a compound of two names,
    "U.S.-Mexico", is any alias's case: :func:`_in_compound`), modifies a
    noun of the country's people, land or nationality ("U.S. citizens", "American voters": the
    ``people_heads`` of the cue file), or is the object of a slogan "make X great again". A capitalised
    word after it that is a function word opens a sentence; one of the ``state_heads`` ("U.S.
    President", "President of the United States") keeps it the state."""
    after = _NAME_AFTER_RE.match(text, end)
    if after and after.group(1).lower() not in lex.function_words and not lex.state_head_re.match(after.group(1)):
        return True
    before = _NAME_OF_RE.search(text, max(0, start - 60), start)
    if before and before.end() == start and not lex.state_head_re.match(before.group(1)):
        return True
    joined = _HEAD_AFTER_RE.match(text, end)
    if joined and lex.people_head_re.match(text, joined.end()):
        return True
    return bool(_RESULTATIVE_BEFORE_RE.search(text[max(0, start - 20):start])
                and _RESULTATIVE_AFTER_RE.match(text, end))


def _self_targets(name: str, mentions: list[tuple[int, int, str]], lex: _Lexicon) -> frozenset[str]:
    """The targets that the speaker's own ``name`` (stripped) names: an alias (``mentions``: its spans in ``name`` and
    its target, as :func:`_find_mentions` finds them) that ends the name, with only capitalised
    words before it: a title or honorific, an initial, or a given name, which must be one the target's aliases write
    before that surname where they write any ("Donald J. Trump" for an alias "Donald Trump", not "Ivanka Trump"). A
    speaker's stance towards themselves (Tokayev on the Kazakh government, a candidate on her own campaign) is no
    finding; a longer name that merely holds the alias ("Clinton campaign", "Trump Jr.") is another speaker.

    Example:
        >>> from kzlib.stance.lexicon import _new_lexicon
        >>> from kzlib.stance.targets import Target, load_stance_cues
        >>> lex = _new_lexicon([Target("Trump", aliases=("Trump", "Donald Trump"))], load_stance_cues())
        >>> [_self_targets(n, [(len(n) - 5, len(n), "Trump")], lex) for n in ("President Donald J. Trump", "Ivanka Trump")]
        [frozenset({'Trump'}), frozenset()]
        >>> _self_targets("Trump campaign", [(0, 5, "Trump")], lex), _self_targets("aide to Trump", [(8, 13, "Trump")], lex)
        (frozenset(), frozenset())
    """
    words = speaker_words()
    known = set(words.titles) | words.honorifics
    found = set()
    for start, end, target in mentions:
        if not target or end != len(name):
            continue
        given = lex.given_names.get((target, name[start:end].casefold()))
        before = name[:start].split()
        if all(w[:1].isupper() and (given is None or w.casefold() in known or w.rstrip(".").casefold() in given
                                    or len(w.rstrip(".")) == 1) for w in before):
            found.add(target)
    return frozenset(found)


def _record_speaker(name: str, heads: frozenset[str]) -> bool:
    """Whether the speaker ``name`` is a measurement or a news item (a poll, survey, statistics, a story), not a holder
    of views: its head, the last word before its first preposition, participle or word of time, is one of ``heads``
    (``record_speakers`` in ``stance_cues.yaml``, lower case), written in lower case, or opening a name with no other
    capitalised word (a name: "Louise Story", "Data for Progress"); or it is a share of people, a poll's finding ("52
    percent of registered voters", "Nine in 10 Democrats"), not one person ("one of his aides").

    Example:
        >>> heads = frozenset({"poll", "polls", "polling", "statistics", "results", "story", "data"})
        >>> [_record_speaker(n, heads) for n in ("new poll of voters in all 50 states", "Last year's FBI statistics",
        ...  "Early results of an entrance poll", "Polling of union voters", "A new poll showing Smith ahead",
        ...  "a CNN poll last week", "the polls.")]
        [True, True, True, True, True, True, True]
        >>> [_record_speaker(n, heads) for n in ("pollster Ann Selzer", "Fox News", "Louise Story", "Data for Progress")]
        [False, False, False, False]
        >>> [_record_speaker(n, heads) for n in ("52 percent of registered voters", "Nearly eight in 10 Democratic voters",
        ...  "two-thirds of Democratic insiders", "a majority of Americans", "47%", "one of his senior aides",
        ...  "Only one of the 25 delegates", "Seven Democratic senators", "2 of his aides", "Half Moon Bay Mayor Ana Lee")]
        [True, True, True, True, True, False, False, False, False, False]
    """
    if _SHARE_RE.match(name.strip()):
        return True  # "52 percent of registered voters": a poll's finding, no holder of a quote
    words = [w.rstrip(".") for w in _SPEAKER_WORD_RE.findall(name)]
    if any("а" <= ch <= "я" or ch == "ё" for ch in name.lower()):
        return _record_speaker_ru(words, heads)
    head, at = "", -1
    for i, word in enumerate(words):
        low = word.lower()
        if low in _AFTER_HEAD or (at >= 0 and (low in _TIME_AFTER or (low.endswith("ing") and low not in heads))):
            break
        head, at = word, i
    if head.lower() not in heads:
        return False
    return head.islower() or (at == 0 and not any(w[:1].isupper() for w in words[1:]))


def _record_speaker_ru(words: list[str], heads: frozenset[str]) -> bool:
    """A Russian speaker name that is a measurement (``record_speakers_ru``): its head, the first noun, after
    adjectives only, is one of ``heads`` in the nominative ("Новый опрос ВЦИОМ", "последние данные"; the genitive after
    it, "опроса", "ВЦИОМ", is its complement, as in Russian noun phrases); not a name that only contains one.

    >>> heads = frozenset({"опрос", "данные", "исследование", "результат"})
    >>> [_record_speaker_ru(n.split(), heads) for n in ("Новый опрос ВЦИОМ", "данные", "Результаты опроса",
    ...  "социолог Иван Опросов", "Директор ВЦИОМ Валерий Федоров", "Опросов Иван")]
    [True, True, True, False, False, False]
    """
    for word in words:
        low = word.lower()
        ps = parses(low)
        # the head in the nominative, as a speaker's name is ("Опрос", not "Опросов" of a surname)
        if low in heads or any(p.normal_form.replace("ё", "е") in heads and p.tag.case == "nomn" for p in ps):
            return True
        if not ps or str(ps[0].tag.POS) not in ("ADJF", "PRTF"):
            return False
    return False


def _find_mentions(text: str, lex: _Lexicon, anchored: frozenset[str] | None = None) -> list[_Mention]:
    """The target phrases in ``text``. A target's generic entry where ``anchored`` (the targets the
    document names by an anchor; None: all) lacks the target names something else: a mention of no
    target (``target`` ""), which still draws the cues near it but gives no stance row."""
    hits = []
    for start, end, i in lex.target_phrases.finditer(text):
        for entry, rank, name, kind, pol, generic in lex.target_owners[i]:
            if (i, name) in lex.partner and not lex.relation_re.search(text, max(0, start - 80), start):
                continue  # a partner's name outside a relation ("in Kazakhstan") is the place, no target
            if (generic and anchored is not None and name not in anchored) or (
                    (i, name) in lex.country and _not_the_state(text, start, end, lex)) or (
                    kind == "alias" and (_in_compound(text, start, end) or _another_person(text, start, end, name, lex)
                                         or _member_role(text, start, end, lex))):  # "the GOP | nominee": a person
                name, kind, pol = _ELSEWHERE, "alias", 0.0
            hits.append((entry, rank, start, end, name, kind, pol))
    hits.sort(key=lambda h: h[:3])  # the order of one finditer per (target, kind, phrase)
    found = [_Mention(start, end, name, kind, pol) for _, _, start, end, name, kind, pol in hits]
    # longest match wins; loaded terms beat plain aliases of equal length
    kind_rank = {"against_term": 0, "favor_term": 0, "alias": 1, "cue": 2}
    found.sort(key=lambda m: (-(m.end - m.start), kind_rank[m.kind], m.start, m.target))
    kept: list[_Mention] = []
    taken: list[tuple[int, int]] = []  # the kept mentions' spans
    spans: set[tuple[int, int, str]] = set()
    for m in found:
        if not _overlaps(m.start, m.end, taken):
            kept.append(m)
            if m.end > m.start:
                taken.append((m.start, m.end))
            spans.add((m.start, m.end, m.kind))
        elif (m.start, m.end, m.kind) in spans and all(k.target != m.target for k in kept[-8:]):
            kept.append(m)  # the very same phrase names two targets ("Russian interference")
    kept.sort(key=lambda m: (m.start, m.target))
    return kept


def _mark_mentions(text: str, mentions: list[_Mention], lex: _Lexicon, *, tok_index: Callable[[int], int],
                   clause_start: Callable[[int], int], writer_marks: bool = False) -> None:
    """Set each mention's token index and what the quote makes of it: scare-quoted (marks right around it; a loaded
    naming also inside a short quoted span, "20,000 extremists"; not in an indirect report, ``writer_marks``, whose
    marks are the writer's), a holder of an opinion ("Russia views …", "according to Russia", "opposed by Senate
    Democrats"), the clause's topic ("As for X, …"), or a place ("in Washington").

        >>> from kzlib.stance.lexicon import _new_lexicon
        >>> from kzlib.stance.targets import Target, load_stance_cues
        >>> lex = _new_lexicon([Target("Trump", aliases=("Trump",))], load_stance_cues())
        >>> def marked(t):
        ...     ms = _find_mentions(t, lex)
        ...     _mark_mentions(t, ms, lex, tok_index=lambda pos: 0, clause_start=lambda pos: 0)
        ...     return [(m.scare_quoted, m.holder) for m in ms]
        >>> marked('His "Trump" brand is empty.'), marked("Trump's plan is empty."), marked("The plan was opposed by Trump.")
        ([(True, False)], [(False, False)], [(False, True)])
    """
    has_by = " by " in text  # no "by": no passive's agent to look for
    for m in mentions:
        m.tok = tok_index(m.start)
        before = text[max(0, m.start - 2):m.start]
        after = text[m.end:m.end + 2]
        # a name inside a short quotation is no scare quote: it quotes a phrase ("I'm voting for Trump")
        closed = '"' in after or ("'" in after[:1] and not _POSSESSIVE_S_RE.match(text, m.end))
        m.scare_quoted = not writer_marks and (
            (('"' in before or "'" in before[-1:]) and closed)
            or (m.kind in ("favor_term", "against_term") and _in_short_quote(text, m.start, m.end)))
        m.holder = m.kind in ("alias", "cue") and bool(
            lex.holder_re.match(text[m.end:m.end + 40]) or lex.source_re.search(text[max(0, m.start - 40):m.start])
            or (has_by and _passive_agent(text, m.start, lex.judgment_re)))
        m.topic = bool(lex.topic_re.match(text, clause_start(m.start), m.start))
        m.place = m.kind == "alias" and bool(lex.place_after_re.match(text, m.end)
                                             and lex.place_before_re.search(text, max(0, m.start - 30), m.start))


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start:end`` shares a character with one of ``spans``."""
    return start < end and any(a < end and start < b for a, b in spans)
