"""The addressee of a verb of telling, and the complement of a verb of evaluation (twenty-first session).

"Trump told a North Carolina rally on Tuesday that the election was rigged": the noun phrase after "told" is
the one spoken to, the content is the that-clause; "Trump told a North Carolina rally." reports no content, so
it gives no row. PolNeAR (Newell et al., LREC 2018) annotates the same way: the content of "X told Y that ..."
is the that-clause, never Y.
"""

from __future__ import annotations

import re

#: Verbs whose first object is the one spoken to (English grammar: "tell", "inform", "assure", "remind" take the
#: addressee as their object and the content as a that-clause or a quotation; "warn" is left out: "warned the
#: budget was a fraud" has no addressee).
ADDRESSEE_VERBS = frozenset("told tells tell telling informed informs assured assures reminded reminds".split())

_PREP = (r"(?:about|of|for|to|with|from|by|that|who|whom|which|what|how|why|whether|if|and|or|not|no|is|was|are|were|"
         r"has|have|had|will|would|can|could|may|might|should|must|did|does|do)")
#: A determined noun phrase of at most four words after the verb ("a North Carolina rally", "the Senate panel",
#: "his supporters"), followed by where the content or an adjunct starts.
_ADDR_NP = re.compile(
    rf"\s*(?:an?|the|his|her|their|its|our|my|your|several|some|many|[A-Z][\w'’.-]*['’]s)\s+"
    rf"(?:(?!{_PREP}\b)[\w'’.-]+\s+){{0,3}}?(?!{_PREP}\b)[\w'’.-]*\w"
    r"(?=\s*(?:that\b|[,.:;!?]|\"|“|$|(?:on|in|at|during|last|this|he|she|they|it|we|I)\b))")
#: Adjuncts of at most five words between the addressee and "that" ("on Tuesday that", "in Ohio last week that").
_ADJUNCTS_THAT = re.compile(r"\s*,?\s*(?:(?:on|in|at|during|last|this|earlier|late|early)\b(?:\s+(?!that\b)[\w'’.-]+){0,4}?)?"
                            r"\s*,?\s*that\b")


def addressee_end(text: str, start: int, stop: int, *, need_that: bool = False) -> int:
    """Where the content of a verb of telling starts after its determined addressee, or ``start``
    (``need_that``: only when "that" follows the addressee, for verbs whose object may be the content's subject:
    "warned his aides that ...", not "warned the budget was a fraud").

    Example:
        >>> t = "Trump told a North Carolina rally on Tuesday that the election was rigged."
        >>> t[addressee_end(t, t.index("told") + 4, len(t)):]
        ' the election was rigged.'
        >>> t = "Trump told a North Carolina rally."
        >>> t[addressee_end(t, t.index("told") + 4, len(t)):]
        '.'
    """
    m = _ADDR_NP.match(text, start, stop)
    if m is None:
        return start
    tm = _ADJUNCTS_THAT.match(text, m.end(), stop)
    return tm.end() if tm else start if need_that else m.end()

