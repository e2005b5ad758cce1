"""Comparisons with a target: the standard of a comparison of quality ("X is a stronger leader than Y", "anyone would
be better than Y") is ranked below its subject on a good quality, so the comparison speaks against it; with "even"
("X is even worse than Y") the standard is presupposed to have the quality itself; "no better than Y" presupposes a
bad standard (Quirk et al. 1985 §15.63–15.68 on comparison; §8.116 on "even"). A comparison of what someone did
("polls better than", "raised more money than") is no evaluation: only a comparative complement of a copula or of "as"
counts. The subject of the comparison is read by :func:`kzlib.stance._predicates._predicate_valence`."""

from __future__ import annotations

import re
from collections.abc import Mapping

from kzlib.stance._names import _NAME_PREFIX
from kzlib.stance._predicates import _HOLDER_NOUNS, _PERSON_HEADS

__all__: list[str] = []

#: "than" and the words of the noun phrase before the target's name ("than U.S. President Barack Obama")
_THAN_BEFORE_RE = re.compile(r"\bthan\s+" + _NAME_PREFIX + "$")
#: a copula (or "as") and the comparative complement after it, up to "than": an optional article, a degree word, "more"
#: or "less", the comparative or its quality, and up to two words of a noun it modifies
_COMPARISON_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|['’]s|['’]re|seems?|seemed|looks?|looked|appears?|appeared|remains?|"
    r"remained|becomes?|became|as)(?P<neg>\s+not|n['’]t|\s+no)?"
    r"\s+(?:(?:a|an)\s+)?(?P<degree>(?:(?:far|much|even|still|any|way|a\s+lot|a\s+bit|a\s+little|slightly|somewhat|"
    r"significantly|considerably|no|not)\s+)*)(?:(?P<more>more|less)\s+)?(?P<quality>[a-z][\w-]*)"
    r"(?P<noun>(?:\s+[a-z][\w-]*){0,2})\s+$", re.I)
#: a noun after the comparative that makes it a comparison of amount, not of quality ("more money than", "better
#: numbers than")
_AMOUNT_NOUNS = frozenset("""money votes delegates support numbers polls poll ratings donors funds time people voters
states seats points odds chance chances""".split())
#: comparatives of likelihood, standing or readiness, not of quality ("more likely than X's supporters to …", "more
#: popular than X": a poll's finding)
_NOT_QUALITIES = frozenset("""likely unlikely probable possible popular unpopular common willing eager able ready
prone""".split())
#: the word after the standard's name that makes the standard its people ("than Romney supporters")
_PEOPLE_AFTER_RE = re.compile(r"['’]?s?\s+([a-z]+)")
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
    word = word.lower()
    for form in (word, word[:-2], word[:-1], word[:-3] + "y" if word.endswith("ier") else "",
                 word[:-3] if len(word) > 4 and word[-3] == word[-4] else ""):
        if form and (value := lexicon.get(form, _QUALITIES.get(form))):
            return value
    return 0.0


def _compared(text: str, start: int, end: int, clause: int, lexicon: Mapping[str, float]) -> tuple[float, int, int] | None:
    """The valence a comparison of quality gives its standard, the target named at ``text[start:end]`` after "than",
    and the comparison's span, from ``clause`` (where the clause starts); None where no comparison of quality precedes
    it, or the standard is the target's people ("than Romney supporters").

    Example:
        >>> lex = {"stronger": 1.6, "better": 1.9, "worse": -2.1, "money": 0.0}
        >>> t = "He was a stronger leader than U.S. President Barack Obama."
        >>> v, a, b = _compared(t, t.index("Obama"), t.index("Obama") + 5, 0, lex); v, t[a:b]
        (-1.6, 'was a stronger leader than')
        >>> [_compared(t, t.index("Dorn"), t.index("Dorn") + 4, 0, lex) for t in ("Smith raised more money than Dorn.",
        ...   "Smith polls better than Dorn.", "Smith is worse than Dorn.", "Smith is better than Dorn voters.")]
        [None, None, None, None]
        >>> [_compared(t, t.index("Dorn"), t.index("Dorn") + 4, 0, lex)[0] for t in ("Anyone would be better than Dorn.",
        ...   "Smith is even worse than Dorn.", "Smith is no better than Dorn.", "Smith is less qualified than Dorn.")]
        [-1.9, -2.1, -1.9, 1.5]
    """
    than = _THAN_BEFORE_RE.search(text, max(clause, start - 60), start)
    if than is None:
        return None
    after = _PEOPLE_AFTER_RE.match(text, end)
    if after is not None and (after.group(1) in _PERSON_HEADS or after.group(1) in _HOLDER_NOUNS):
        return None
    found = _COMPARISON_RE.search(text, max(clause, than.start() - 70), than.start())
    if found is None:
        return None
    nouns = found.group("noun").lower().split()
    if any(n in _AMOUNT_NOUNS for n in nouns):
        return None
    quality = found.group("quality")
    if quality.lower() in _NOT_QUALITIES:
        return None
    more = (found.group("more") or "").lower()
    if not more and not (quality.lower().endswith("er") or quality.lower() in ("better", "worse")):
        return None  # no comparative ("is a leader than" does not parse; "more" or "-er" makes the comparison)
    valence = _quality_valence(quality, lexicon)
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
    if not value:
        return None
    return value, found.start() + 1 if text[found.start()] in "'’" else found.start(), than.start() + 4
