"""Names a document writes as places: after a locative preposition ("relatives in Miami", "a target in
Northern Ireland"). Such a name, when the gazetteer does not know it, is no speaker and no antecedent of a
pronoun (a named speaker of unknown kind is otherwise taken for a person)."""
from __future__ import annotations

import re

#: A capitalised name (its words capitalised, "of"/"the" inside) right after a locative preposition.
_AFTER_PLACE_WORD = re.compile(r"\b(?:in|near|outside|across|throughout)\s+(?:the\s+)?"
                               r"([A-Z][\w'.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'.-]*)*)")


class _DocPlaces:
    """``name in places``: whether the document writes ``name`` whole after "in", "near", "outside", "across" or
    "throughout" (not as a possessor: "in Obama's speech"), each document read once when first asked.

    Example:
        >>> places = _DocPlaces(["The boy's relatives in Miami said so.", "Trust in Obama's plan fell."])
        >>> "Miami" in places, "Obama" in places, "Boy" in places
        (True, False, False)
    """

    __slots__ = ("_texts", "_names")

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._names: frozenset[str] | None = None

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str) or not name:
            return False
        if self._names is None:
            found = set()
            for t in self._texts:
                for m in _AFTER_PLACE_WORD.finditer(t or ""):
                    if not t.startswith("'s", m.end(1)) and not t.startswith("\u2019s", m.end(1)):
                        found.add(m.group(1).rstrip(".,"))
            self._names = frozenset(found)
        return name in self._names
