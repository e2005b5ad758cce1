"""A name that modifies a noun is not the speaker: "the [South Carolina] senator", "a [New York] judge", "the
[Cruz] adviser", "[Younger] black voters". In English a proper noun (or an adjective) before a common noun is
an attributive modifier; the head noun, or the name in apposition after it ("the [White House] spokesman, Josh
Earnest"), is the speaker. Also the antecedent of a relative "who" after a prepositional phrase of place
("Senator Ted Cruz of Texas, who ...", "workers in New York, Los Angeles and Seattle who ..."): the person or
group before the preposition, never the place inside it. Also the head-noun lists the subject's rules share
(:func:`_source_heads`, :func:`_is_group_word`) and a name in apposition to a title (:func:`_titled_name_before`).
And the head nouns of groups and bodies that speak (``source_heads.yaml``: :func:`_group_heads`, :func:`_body_heads`).
Used by :mod:`kzlib.quotes.subject` (which re-exports them) and :mod:`kzlib.quotes.speakers`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from kzlib.actors import Mention, place_names, speaker_words


@lru_cache(maxsize=1)
def _group_heads() -> frozenset[str]:
    """Groups of people and documents that say or show something (``source_heads.yaml``, lower case)."""
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("source_heads.yaml").read_text("utf-8"))
    return frozenset(str(w).lower() for w in data["words"])


@lru_cache(maxsize=1)
def _body_heads() -> dict[str, str]:
    """Head nouns of described bodies and their kind ("company": organisation, "news agency": media), from
    ``source_heads.yaml``."""
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("source_heads.yaml").read_text("utf-8"))
    return {str(w).lower(): kind for kind, words in data["bodies"].items() for w in words}


#: One to three lower-case words after a name, up to the end of its noun phrase ("black voters", "senator").
_LOWER_WORDS = re.compile(r"\s+((?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*)\s*")
_LOWER_WORD = re.compile(r"\s+([a-z][\w’'-]*)")


@lru_cache(maxsize=1)
def _head_nouns() -> frozenset[str]:
    """Nouns that head a speaker's noun phrase: roles, groups and bodies (``speaker_words.yaml``,
    ``source_heads.yaml``; lower case)."""
    roles = {r for r in speaker_words().role_gender if " " not in r}
    heads = frozenset(roles) | _group_heads() | frozenset(w for w in _body_heads() if " " not in w)
    return heads - _QUANTIFIERS  # ("Bolton and Gorka were both ...": a quantifier heads no noun phrase after a name)


#: Quantifiers among the group words: they head no noun phrase that a name modifies.
_QUANTIFIERS = frozenset("""most many some several few all both half third quarter number majority minority plurality
percent dozens hundreds thousands millions others those couple handful""".split())


def _is_head_noun(word: str) -> bool:
    """Whether ``word`` is a head noun of :func:`_head_nouns` (singular or plural).

    Example:
        >>> _is_head_noun("senator"), _is_head_noun("voters"), _is_head_noun("himself")
        (True, True, False)
    """
    w = word.lower().strip(".,'’")
    heads = _head_nouns()
    return w in heads or w.rstrip("s") in heads or w + "s" in heads or (w.endswith("es") and w[:-2] in heads)


#: Words that never stand between a modifier and its head noun: function words, auxiliaries, pronouns and the
#: irregular past tenses of common verbs ("Trump told reporters", "Clinton shook her head": a clause, not a noun phrase).
_NOT_ATTRIBUTIVE = frozenset("""a an the his her their its our my your this that these those no not both all each
every some any more most other such than is are was were be been being has have had do does did will would can
could should may might must shall also just only even still very so too to of in on at for with by from and or
but who which that notably told said made took gave sent won shook got went came saw knew thought wrote spoke ran
left kept met held brought put set let led paid lost found felt heard meant sat stood became began chose drew
drove fell grew hit read rose sold shot spent struck swore taught threw wore beat bought caught fought sought
built cut quit spread""".split())


def _attributive(word: str) -> bool:
    """Whether a lower-case ``word`` may stand between a name and the noun it modifies ("Younger [black] voters"):
    no function word, auxiliary or irregular past tense, no adverb in -ly or participle in -ed/-ing, and no
    word in -s (an adjective takes none; a verb's present tense or a plural does: "Trump tells voters").

    Example:
        >>> _attributive("black"), _attributive("told"), _attributive("tells"), _attributive("notably")
        (True, False, False, False)
    """
    return word not in _NOT_ATTRIBUTIVE and not word.endswith(("ly", "ed", "ing", "s"))


def _modifies(text: str, end: int, stop: int) -> bool:
    """Whether the words from ``end`` (right after a name) to ``stop`` (the end of its noun phrase) are one to
    three lower-case words ending with a head noun: the name modifies that noun ("New York| businessman").

    Example:
        >>> t = "The New York businessman says"
        >>> _modifies(t, t.index(" businessman"), t.index(" says")), _modifies(t, t.index(" says"), len(t))
        (True, False)
    """
    m = _LOWER_WORDS.fullmatch(text, end, stop)
    if m is None:
        return False
    words = m.group(1).split()
    return _is_head_noun(words[-1]) and all(_attributive(w) or _is_head_noun(w) for w in words[:-1])


def _modified_head(mentions: list[Mention], text: str, m: Mention, stop: int) -> tuple[Mention | None, int, int]:
    """What speaks when mention ``m`` may open a subject that ends by ``stop``: ``(m, -1, -1)`` when ``m`` is
    the head; when ``m`` modifies a head noun, the name right after that noun, ``(name, -1, -1)`` ("The
    Washington Post columnist Ruth Marcus"), or ``(None, start, end)``: the noun phrase from ``m`` to its
    head noun, a description ("the New York businessman").

    Example:
        >>> t = "The New York businessman, a favourite, says"
        >>> ms = [Mention(4, 12, "New York", "New York", "named", "")]
        >>> _modified_head(ms, t, ms[0], t.index(","))
        (None, 4, 24)
    """
    h_end = -1
    at = m.end
    for _ in range(3):  # the last of up to three lower-case words that is a head noun
        wm = _LOWER_WORD.match(text, at, stop)
        if wm is None:
            break
        at = wm.end()
        if _is_head_noun(wm.group(1)):
            h_end = at
        elif not _attributive(wm.group(1)):
            break
    if h_end < 0:
        return m, -1, -1
    nxt = next((x for x in mentions if x.start >= h_end and x.start <= h_end + 3 and x.actor
                and x.method not in ("description", "title", "pronoun") and x.type in ("person", "")
                and re.fullmatch(r",?\s*", text[h_end:x.start])), None)
    if nxt is not None and nxt.end <= stop + 1:
        return nxt, -1, -1
    return None, m.start, h_end


#: A prepositional phrase of place before a relative "who": the preposition, then one or more capitalised names
#: ("of Texas, ", "from Englewood, New Jersey, ", "in New York, Los Angeles and Seattle ").
_PLACE_PP = re.compile(r"\s+(?:of|from|in|at)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
                       r"(?:(?:,\s*|,?\s+and\s+)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*,?\s*\Z")
_AUXILIARIES = frozenset("do does did will would can could should may might must to".split())
_WORD_BACK = re.compile(r"[\w’'-]+")
#: A short apposition after a name, right before a phrase of place (", Republican", ", a gynecologist").
_SHORT_APPOSITION = re.compile(r",\s*(?:(?:a|an|the)\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}\Z")


def _place_antecedent(mentions: list[Mention], text: str, lo: int, who: int) -> tuple[Mention | None, int]:
    """The antecedent of a relative "who" at ``who`` that follows a prepositional phrase of place (no person named
    in it): ``(name, -1)`` for the name right before the phrase ("Senator Ted Cruz| of Texas, who") or before a
    short apposition before it ("Alan Berger|, a gynecologist from Englewood, New Jersey, who"); ``(None, at)``
    when a head noun ends at ``at``, right before the phrase ("workers| in New York, Los Angeles and Seattle who":
    the noun phrase read back from there); ``(None, -1)`` when there is no such phrase.

    Example:
        >>> t = "Senator Ted Cruz of Texas, who"
        >>> ms = [Mention(0, 16, "Senator Ted Cruz", "Ted Cruz", "named", "person"),
        ...       Mention(20, 25, "Texas", "Texas", "named", "")]
        >>> _place_antecedent(ms, t, 0, t.index("who"))[0].actor
        'Ted Cruz'
    """
    pm = _PLACE_PP.search(text, max(lo, who - 160), who)
    if pm is None:
        return None, -1
    pp = pm.start()
    inner = [x for x in mentions if pp <= x.start < who and x.actor]
    if not inner or any(x.type == "person" for x in inner) or (
            inner[-1].actor not in place_names() and not re.search(r",|\band\b", text[inner[0].end:inner[-1].start])):
        return None, -1  # "help from Labor Secretary Thomas Perez, who": no place (one, or a list of them)
    for m in reversed(mentions):
        if m.end > pp or m.start < lo or not m.actor:
            continue
        gap = text[m.end:pp]
        if not gap.strip() or _SHORT_APPOSITION.fullmatch(gap):
            return m, -1
        break
    before = list(_WORD_BACK.finditer(text, max(lo, pp - 60), pp))
    if not before or not _is_head_noun(before[-1].group(0)):
        return None, -1
    run = [before[-1]]  # the head noun and its modifiers ("workers", "striking fast-food workers")
    for wm in reversed(before[:-1]):
        if wm.group(0).lower() in _AUXILIARIES and len(run) > 1:
            run.pop()  # "She did support workers in ...": a verb after an auxiliary, no modifier
            break
        if not (_attributive(wm.group(0)) or _is_head_noun(wm.group(0))) or not wm.group(0).islower():
            break
        run.append(wm)
    return None, run[-1].start()


def _modified_antecedent(mentions: list[Mention], text: str, x: Mention, who: int) -> Mention | tuple[int, int] | None:
    """The antecedent of a relative "who" at ``who`` when the name ``x`` before it only modifies the head noun
    between them ("the independent Vermont senator who", "a Texas real estate developer, who"): the name in
    apposition before that noun phrase ("Bernie Sanders|, the independent Vermont senator who"), else the noun
    phrase's span (a description); None when ``x`` is no such modifier.

    Example:
        >>> t = "Bernie Sanders, the independent Vermont senator who"
        >>> ms = [Mention(0, 14, "Bernie Sanders", "Bernie Sanders", "named", "person"),
        ...       Mention(32, 39, "Vermont", "Vermont", "named", "")]
        >>> _modified_antecedent(ms, t, ms[1], t.index("who")).actor
        'Bernie Sanders'
    """
    words = text[x.end:who].strip().rstrip(",").split()
    if not 1 <= len(words) <= 4 or not _is_head_noun(words[-1]) or not all(
            w.islower() and (_attributive(w) or _is_head_noun(w)) for w in words):
        return None
    h1 = x.end + len(text[x.end:who].rstrip().rstrip(","))
    dm = _DET_BEFORE.search(text, max(0, x.start - 40), x.start)
    d0 = dm.start() if dm is not None else x.start
    y = next((m for m in reversed(mentions) if m.end <= d0 and m.actor), None)
    if y is not None and dm is not None and re.fullmatch(r",\s*", text[y.end:d0]) \
            and y.method not in ("description", "title", "pronoun") and y.type in ("person", ""):
        return y
    return d0, h1


#: A determiner and the adjectives before a name that modifies a noun ("the independent |Vermont senator").
_DET_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}\Z", re.IGNORECASE)


def _opening_description(text: str, at: int, end: int) -> int:
    """Where a description that opens a clause at ``at`` ends: a determiner, at most three modifiers and a run of
    head nouns, followed by a word in small letters, a verb ("The billionaire businessman| began by saying");
    ``at`` when the clause opens otherwise.

    Example:
        >>> t = "The billionaire businessman began by saying"
        >>> t[:_opening_description(t, 0, len(t))]
        'The billionaire businessman'
    """
    dm = _DET_OPEN.match(text, at, end)
    if dm is None:
        return at
    pos, h_end = dm.end(), at
    for _ in range(5):
        wm = _ANY_WORD.match(text, pos, end)
        if wm is None:
            break
        w = wm.group(1)
        if w.islower() and _is_head_noun(w):
            h_end = wm.end()
        elif h_end > at or not (w[:1].isupper() or _attributive(w)):  # ("A [Chinese] official")
            break
        pos = wm.end()
    return h_end if h_end > at and _LOWER_WORD.match(text, h_end, end) is not None else at


_ANY_WORD = re.compile(r"\s+([\w’'-]+)")
_DET_OPEN = re.compile(r"(?:the|a|an|one|two|three|several|some|many)(?=\s)", re.IGNORECASE)


def _is_group_word(word: str, heads: frozenset[str]) -> bool:
    """Whether ``word`` (any case, a plural or singular form) is one of ``heads``: "officials", "Official",
    "protester" (listed as "protesters"), "analyses"."""
    w = word.lower().strip(".,'’")
    return w in heads or w.rstrip("s") in heads or w + "s" in heads or w + "es" in heads


@lru_cache(maxsize=1)
def _source_heads() -> frozenset[str]:
    """Nouns that may head a long subject of a verb of saying: ``source_heads.yaml`` and the role words of
    ``speaker_words.yaml`` (lower case; :func:`_is_group_word` reads other numbers of them)."""
    return _group_heads() | frozenset(speaker_words().role_gender)


def _titled_name_before(mentions: list[Mention], text: str, lo: int, comma: int) -> tuple[Mention, int] | None:
    """The name in apposition to a title that ends at ``comma`` ("..., the campaign chief, Paul Manafort, said"),
    whatever opening phrase stands before the title, and where the title starts (the subject's start); None when
    the two comma-delimited phrases before ``comma`` are not a title and a name, when the title is someone else's
    ("an adviser to the president, Jane Roe": Roe is the president), or when a name opens the subject.

    Example:
        >>> from kzlib.actors import Mention
        >>> t = "Speaking to donors, the campaign chief, Jane Roe, said"
        >>> ms = [Mention(40, 48, "Jane Roe", "Jane Roe", "named", "person")]
        >>> m, at = _titled_name_before(ms, t, 0, t.rindex(","))
        >>> m.surface, t[at:at + 3]
        ('Jane Roe', 'the')
    """
    c1 = text.rfind(",", lo, comma)
    if c1 < 0:
        return None
    c0 = text.rfind(",", lo, c1)
    name = next((m for m in mentions if m.start == c1 + 1 + len(text[c1 + 1:comma]) - len(text[c1 + 1:comma].lstrip())
                 and m.end == comma and m.actor and m.method not in ("description", "title", "pronoun")
                 and m.type in ("person", "")), None)
    if name is None:
        return None
    t0 = c0 + 1 if c0 >= 0 else lo
    t0 += len(text[t0:c1]) - len(text[t0:c1].lstrip(" \t\n'\"”’"))  # (past a closing quotation mark: ''...,'' the ...)
    title = text[t0:c1].split()
    if len(title) > 2 and title[0].lower() in _SUBORDINATORS:  # "When the F.B.I. director, James B. Comey, said"
        t0 = text.index(title[1], t0 + len(title[0]))
        title = title[1:]
    if not (2 <= len(title) <= 6 and _DETERMINER.fullmatch(title[0]) and _is_group_word(title[-1], _source_heads())):
        return None
    before = text.rfind(",", lo, c0) + 1 if c0 >= 0 else lo  # the phrase right before the title
    if _OF_SOMEONE.search(text, t0, c1) or (c0 >= 0 and any(
            before <= m.start < c0 and m.actor and m.method not in ("description", "title", "pronoun")
            and m.type in ("person", "") for m in mentions)):
        return None  # "a critic of the president, Jane Roe", "Erlan Karin, an adviser to the president, Jane Roe"
    return name, t0


#: Conjunctions that open a clause before its subject ("When| the director, Jane Roe, said").
_SUBORDINATORS = frozenset("when as after before while because if since although though once until".split())
#: A title that relates its holder to someone else ("an adviser to the president", "the daughter of ...").
_OF_SOMEONE = re.compile(r"\s(?:of|to|for)\s", re.IGNORECASE)
#: What opens a title in apposition ("the campaign chief", "his top aide", "Kazakhstan's foreign minister").
_DETERMINER = re.compile(r"(?:the|a|an|his|her|its|their|our|[A-Z][\w.-]*['’]s?)", re.IGNORECASE)
