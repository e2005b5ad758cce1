"""A cue form that is a plural noun with a relative clause (twenty-first session).

"Federal Election Commission reports that track last-minute spending show a surge": "reports" is a noun, and
"that track ..." its relative clause, whose subject is the noun itself. Read as a verb, "that" would open a
clause with a subject of its own ("reports that the senator ..."); here the word after it is a verb: an
auxiliary or modal ("polls that have ..."), or a verb followed by its object ("reports that question his ...",
"reports that track last-minute ...", "polls that show him"), or that clause and the noun's own plural verb ("reports that list unpaid fees show ..."). The forms are ``noun_homographs`` of
``kzlib/data/cue_verbs.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def _homographs() -> frozenset[str]:
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("cue_verbs.yaml").read_text("utf-8"))
    return frozenset(str(w).lower() for w in data.get("noun_homographs") or ())


_AUX = (r"(?:will|would|can|could|may|might|should|must|have|has|had|are|were|is|was|do|does|did|don['’]t|didn['’]t|"
        r"won['’]t|can['’]t|haven['’]t|hasn['’]t|aren['’]t|weren['’]t)")
#: "that"/"which", then an auxiliary, or a plain verb (no plural or possessive ending, no capital) and its object:
#: a determiner, a possessive or object pronoun, a hyphenated modifier or a particle.
_SUBJECTLESS = re.compile(
    rf"\s+(?:that|which)\s+(?:(?:[a-z]+ly\s+)?{_AUX}\b|(?!(?:the|a|an|this|that|these|those|there|it|he|she|they|we|i|"
    r"you|his|her|its|their|our|some|many|most|all|no|one|more|less|only|even|in|on|at|as|if|when|while|because)\b)"
    r"[a-z]+(?<![s'’])\s+(?:(?:the|a|an|his|her|its|their|our|him|them|it|me|us|out|up|down|off)\b|[a-z]+-[a-z]+\b|"
    # or the plural noun's own verb after the relative clause ("reports that list unpaid fees show a rise")
    r"(?:[\w'’-]+\s+){1,4}?(?:show|say|suggest|find|indicate|reveal|point|put|give)\b))")


#: A pronoun subject right before the form: then it is a verb ("He notes that has changed": "that" is the subject).
_PRONOUN_BEFORE = re.compile(r"(?<![\w'’-])(?:he|she|it|they|who|which|that)\s+(?:[a-z]+ly\s+)?\Z", re.IGNORECASE)


def relative_after_noun(form: str, text: str, end: int, stop: int) -> bool:
    """Whether the cue ``form`` ending at ``end`` is a plural noun whose relative clause follows.

    Example:
        >>> t = "Federal Election Commission reports that track last-minute spending show a surge."
        >>> relative_after_noun("reports", t, t.index(" that"), len(t))
        True
        >>> t = "The commission reports that spending rose."
        >>> relative_after_noun("reports", t, t.index(" that"), len(t))
        False
    """
    if form.lower() not in _homographs() or _SUBJECTLESS.match(text, end, stop) is None:
        return False
    start = end - len(form)
    return _PRONOUN_BEFORE.search(text, max(0, start - 20), start) is None
