"""Comparisons with a target: the standard of a comparison of quality ("X is a stronger leader than Y", "anyone would
be better than Y") is ranked below its subject on a good quality, so the comparison speaks against it; with "even"
("X is even worse than Y") the standard is presupposed to have the quality itself; "no better than Y" presupposes a
bad standard (Quirk et al. 1985 §15.63–15.68 on comparison; §8.116 on "even"). A comparison of what someone did
("polls better than", "raised more money than") is no evaluation: only a comparative complement of a copula or of "as"
counts, of a quality the speaker judges ("better known", "richer", "more powerful" rank standing or means; "better at
attacking", "stronger with evangelicals" a performance); where no one or nothing is the subject ("No one is more
qualified than Y", "Who could be better than Y?") the standard is ranked above all, a favourable reading. The subject
of the comparison is read by :func:`kzlib.stance._predicates._predicate_valence`."""

from __future__ import annotations

import re
from collections.abc import Mapping

from kzlib.stance._names import _NAME_PREFIX
from kzlib.stance._predicates import _HOLDER_NOUNS, _OFFICE_HEADS, _PERSON_HEADS

__all__: list[str] = []

#: "than" and the words of the noun phrase before the target's name ("than U.S. President Barack Obama")
_THAN_BEFORE_RE = re.compile(r"\bthan\s+" + _NAME_PREFIX + "$")
#: a copula (or "as") and the comparative complement after it, up to "than": an optional article, a degree word, "more"
#: or "less", the comparative or its quality, and up to two words of a noun it modifies
_COMPARISON_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|['’]s|['’]re|seems?|seemed|looks?|looked|appears?|appeared|remains?|"
    r"remained|becomes?|became|as)(?P<neg>\s+not|n['’]t|\s+no)?"
    r"\s+(?:(?:a|an)\s+)?(?P<degree>(?:(?:far|much|even|still|any|way|a\s+lot|a\s+bit|a\s+little|slightly|somewhat|"
    r"significantly|considerably|no|not|clearly|certainly|simply|just|probably|surely|obviously)\s+)*)"
    r"(?:(?P<more>more|less)\s+)?(?P<quality>[a-z][\w-]*)(?P<noun>(?:\s+[a-z][\w-]*){0,2})\s+$", re.I)
#: a noun after the comparative that makes it a comparison of amount, not of quality ("more money than", "better
#: numbers than")
_AMOUNT_NOUNS = frozenset("""money votes delegates support numbers polls poll ratings donors funds time people voters
states seats points odds chance chances""".split())
#: words between the comparative and "than" that make it a comparison of something else: a preposition's complement
#: ("better at attacking than", "stronger with evangelicals than", "better off than", "better for X than")
_NOT_A_NOUN = frozenset("""at with for in on of off about among to from against by into""".split())
#: comparatives of likelihood, standing, means or readiness, not of a quality the speaker judges ("more likely than X's
#: supporters to …", "more popular than X", "better known than X", "richer than X", "more powerful than X")
_NOT_QUALITIES = frozenset("""likely unlikely probable possible popular unpopular common willing eager able ready
prone known funded financed positioned placed situated equipped armed connected organized organised powerful rich
wealthy big large famous interested""".split())
#: the word after the standard's name that makes the standard its people ("than Romney supporters")
_WORD_AFTER_RE = re.compile(r"(?:['’]s?)?\s+([A-Za-z]+)")
#: what may follow the standard's name: its phrase ends (a preposition, a conjunction or a relative; "than Obama on
#: trade", "than Obama, who …"); a verb after it makes it the subject of a clause ("better than the protesters say")
_PHRASE_END = frozenset("""on in at about across over among during since before after and or but because when while
as who whose which ever combined alone overall in""".split())
_OFFICE_WORDS = frozenset(_OFFICE_HEADS.split("|"))  # "than a Clinton presidency": the target's office
#: a subject that ranks the standard above all: no one, nothing, few, or a question asked to deny ("Who could be …?")
_RANKED = r"(?:one|candidates?|leaders?|presidents?|politicians?|m[ae]n|wom[ae]n|persons?|people|countr(?:y|ies)|nations?)"
_NO_ONE_RE = re.compile(r"\W*(?:(?:there\s+is|there['’]s|i\s+can(?:not|['’]t)\s+think\s+of)\s+)?(?:no\s*one|nobody|nothing|"
                        r"none|no\s+(?:other\s+)?" + _RANKED + r"|(?:few|not\s+many)\s+(?:other\s+)?" + _RANKED
                        + r"|anyone\s+who|who\s+(?:could|would|can|will))\b", re.I)
#: qualities of a candidate or an office holder that VADER's lexicon lacks, with a valence on its scale (-4..4); the
#: words of campaign coverage (a candidate "more qualified", "better prepared" or "more electable" than a rival)
_QUALITIES: Mapping[str, float] = {"qualified": 1.5, "experienced": 1.2, "electable": 1.2, "prepared": 1.2,
                                   "unqualified": -1.5, "unprepared": -1.2, "unelectable": -1.2}


def _quality_valence(word: str, lexicon: Mapping[str, float]) -> float:
    """The valence of a comparative ("stronger", "better") or of the quality after "more"/"less", from ``lexicon`` or
    :data:`_QUALITIES`, trying the base of an "-er" form ("tougher" → "tough" when only that is listed).

    >>> _quality_valence("stronger", {"strong": 2.3}), _quality_valence("qualified", {})
    (2.3, 1.5)
    """
    for form in _forms(word):
        if value := lexicon.get(form, _QUALITIES.get(form)):
            return value
    return 0.0


def _forms(word: str) -> list[str]:
    """A word and the bases its "-er" form may have ("richer" → "rich", "nicer" → "nice", "happier" → "happy",
    "bigger" → "big").

    >>> _forms("bigger")
    ['bigger', 'bigg', 'bigge', 'big']
    """
    word = word.lower()
    if not word.endswith("er"):
        return [word]
    forms = [word, word[:-2], word[:-1], word[:-3] + "y" if word.endswith("ier") else "",
             word[:-3] if len(word) > 4 and word[-3] == word[-4] else ""]
    return [f for f in forms if f]


def _comparison(text: str, start: int, end: int, clause: int) -> re.Match[str] | None:
    """The comparison whose standard is the target named at ``text[start:end]`` after "than" (its complement from the
    copula to "than", with groups ``neg``, ``degree``, ``more``, ``quality``, ``noun``), from ``clause`` (where the
    clause starts); None where none precedes it, the standard is the target's people ("than Romney supporters") or the
    subject of a clause ("better than Trump predicted"), or it compares an amount, a performance or a standing.

    >>> t = "Smith is a far better candidate than Dorn on trade."
    >>> c = _comparison(t, t.index("Dorn"), t.index("Dorn") + 4, 0); c.group("quality"), c.group("noun")
    ('better', ' candidate')
    >>> [_comparison(t, t.index("Dorn"), t.index("Dorn") + 4, 0) for t in ("Smith is better than Dorn voters.",
    ...  "It is better than Dorn predicted.", "Smith is better known than Dorn.", "Smith is better at it than Dorn.")]
    [None, None, None, None]
    """
    than = _THAN_BEFORE_RE.search(text, max(clause, start - 60), start)
    if than is None:
        return None
    after = _WORD_AFTER_RE.match(text, end)
    if after is not None and (word := after.group(1)) and word.islower() and (
            word in _PERSON_HEADS or word in _HOLDER_NOUNS or word not in _PHRASE_END | _OFFICE_WORDS):
        return None  # "than Romney supporters", "than the protesters say"
    found = _COMPARISON_RE.search(text, max(clause, than.start() - 70), than.start())
    if found is None:
        return None
    nouns = found.group("noun").lower().split()
    quality = found.group("quality").lower()
    if any(f in _NOT_QUALITIES for f in _forms(quality)) or quality in _NOT_A_NOUN or any(
            n in _AMOUNT_NOUNS or n in _NOT_A_NOUN or n in _NOT_QUALITIES for n in nouns):
        return None
    if not found.group("more") and not (quality.endswith("er") or quality in ("better", "worse")):
        return None  # no comparative: "more" or "-er" makes the comparison
    return found


def _compared(found: re.Match[str], text: str, clause: int, lexicon: Mapping[str, float]) -> tuple[float, int, int] | None:
    """The valence the comparison ``found`` (:func:`_comparison`, in a clause of ``text`` that starts at ``clause``) gives
    its standard, and the comparison's span; None where it gives none: a quality the lexicon does not value, or a bad
    quality ("worse than Y", "a greater danger than Y": Y is a benchmark of the bad as often as not) without "even".

    Example:
        >>> lex = {"stronger": 1.6, "better": 1.9, "worse": -2.1, "danger": -2.4}
        >>> t = "He was a stronger leader than U.S. President Barack Obama."
        >>> def reading(t, name="Dorn"):
        ...     found = _comparison(t, t.index(name), t.index(name) + len(name), 0)
        ...     return found and _compared(found, t, 0, lex)
        >>> v, a, b = reading(t, "Obama"); v, t[a:b]
        (-1.6, 'was a stronger leader than')
        >>> [reading(t) for t in ("Smith raised more money than Dorn.",
        ...   "Smith polls better than Dorn.", "Smith is worse than Dorn.", "Smith is a greater danger than Dorn.")]
        [None, None, None, None]
        >>> [reading(t)[0] for t in ("Anyone would be better than Dorn.",
        ...   "Smith is even worse than Dorn.", "Smith is no better than Dorn.", "Smith is less qualified than Dorn.",
        ...   "No one is better than Dorn.", "Who could be better than Dorn?")]
        [-1.9, -2.1, -1.9, 1.5, 1.9, 1.9]
    """
    more = (found.group("more") or "").lower()
    valence = _quality_valence(found.group("quality"), lexicon)
    if valence > 0 and any(lexicon.get(n, 0.0) < 0 for n in found.group("noun").lower().split()):
        valence = -valence  # "a greater danger than Y": the degree of a bad thing
    if not valence:
        return None
    degree = found.group("degree").lower().split()
    no = (found.group("neg") or "").strip().lower() == "no" or "no" in degree
    if no or (found.group("neg") or "not" in degree):
        # "no better than Y": Y is presupposed bad; "not stronger than Y", "no less qualified": no reading for Y
        value = -valence if no and valence > 0 and not more else 0.0
    elif "even" in degree or "still" in degree:
        value = valence if more != "less" else 0.0  # "even worse than Y", "even better than Y": Y has the quality too
    elif more == "less":
        value = valence  # "less qualified than Y", "less dangerous than Y": Y has more of the quality
    else:
        # ranked below on a good quality ("stronger than Y"); ranked above on a bad one ("worse than Y", "more dangerous
        # than Y") Y is a benchmark of the bad quality as often as not: no reading for it
        value = -valence if valence > 0 else 0.0
    if value < 0 and not more == "less" and _NO_ONE_RE.match(text, clause, found.start()):
        value = -value  # "No one is more qualified than Y", "Who could be better than Y?": Y above all
    if not value:
        return None
    return value, found.start() + 1 if text[found.start()] in "'’" else found.start(), found.end() + 4
