"""Negation of a cue or a predicate: a negator before it in its clause (:func:`_negated`), and a negated verb of opinion
of the speaker's over the clause whose complement it is ("I don't think X is qualified": :func:`_neg_raised`; Horn
1978, Quirk et al. 1985 §14.35 on transferred negation: "I don't think he's honest" means "I think he isn't")."""

from __future__ import annotations

import re

from kzlib.stance._subjects import _REFLEXIVES
from kzlib.stance.lexicon import _PUNCT_BREAK_RE, _Lexicon

__all__: list[str] = []

#: the speaker's negated verb of opinion in the present (not "can't believe", "didn't think … would be so": surprise),
#: the subject of the clause under it (at most four words: determiners, pronouns, names; no verb or conjunction: "I
#: don't believe Trump because he is …" is no such clause) and its copula with at most two words after it, right before
#: a cue or a predicate (not "so"/"such" after the copula: surprise): the negation is transferred to the complement
_SUBJECT_WORD = r"(?:the|a|an|this|these|those|he|she|it|they|his|her|their|its|[A-Z][\w.-]*)"
_NEG_RAISED_RE = re.compile(
    r"(?i:\b(?:I|we)\s+(?:do\s+not|don['’]t)\s+(?:really\s+|honestly\s+|personally\s+)?(?:think|believe|suppose|feel)\s+"
    r"(?:that\s+)?)(?:" + _SUBJECT_WORD + r"\s+){0,3}" + _SUBJECT_WORD
    + r"(?i:\s+(?:is|are|was|were|would\s+be|will\s+be|could\s+be|has\s+been|have\s+been|can\s+be)|['’]s)\s+"
    r"(?i:(?!so\b|such\b)(?:[\w-]+\s+){0,2})$")


def _neg_raised(text: str, pos: int, sentence_start: int) -> bool:
    """Whether the cue or complement at ``pos`` is the complement of a copula in a clause under the speaker's negated
    verb of opinion, in its sentence (from ``sentence_start``).

    >>> t = "I don't believe that Clinton is qualified to be president."
    >>> _neg_raised(t, t.index("qualified"), 0), _neg_raised("Clinton is qualified.", 11, 0)
    (True, False)
    >>> [_neg_raised(t, t.index(w), 0) for t, w in (("I don't think Obama even understands what a threat is.", "threat"),
    ...  ("I don't believe Trump because he is a liar.", "liar"), ("I can't believe Trump is so dishonest.", "dishonest"),
    ...  ("I don't think he's honest.", "honest"), ("I don't think Trump's a liar.", "liar"))]
    [False, False, False, True, True]
    """
    return _NEG_RAISED_RE.search(text, max(sentence_start, pos - 120), pos) is not None


#: verbs of permission: a negation before one denies the permission, not the act it would permit ("we cannot let X
#: endanger our country", "we won't allow X to destroy …": Quirk et al. 1985 §16.52, the object's act is still wrong)
_PERMISSION = frozenset("let lets letting allow allows allowed allowing permit permits permitted permitting".split())


def _negated(tokens: list[str], ti: int, text: str, tok_starts: list[int], lex: _Lexicon,
             window: int | None = None, *, act: bool = False) -> bool:
    """Whether the cue at token ``ti`` is negated: a negator (``negators`` in the cue file, or a word in "n't") among
    the ``window`` tokens before it (``negation_window``), or a negator phrase there or one of any length that ends right
    before it, with no punctuation between. Not past a verb of permission ("cannot let X | endanger").

    >>> from kzlib.stance.lexicon import _new_lexicon
    >>> from kzlib.stance.targets import Target, load_stance_cues
    >>> lex = _new_lexicon([Target("X", aliases=("X",))], load_stance_cues())
    >>> def neg(t, w):
    ...     words = list(re.finditer(r"\\w+(?:'\\w+)?|n't", t.lower()))
    ...     ti = next(i for i, m in enumerate(words) if m.group() == w)
    ...     return _negated([m.group() for m in words], ti, t, [m.start() for m in words], lex)
    >>> neg("We cannot let X endanger us.", "endanger"), neg("We will not support X.", "support")
    (False, True)
    >>> neg("I would not allow myself to support X.", "support")
    True
    >>> neg("I regret ever supporting X.", "supporting"), neg("We must stop the aggression of X.", "aggression")
    (True, False)
    >>> neg("I don't regret supporting X.", "supporting"), neg("It is wrong to criticize X.", "criticize")
    (False, True)
    """
    window = int(lex.params["negation_window"]) if window is None else window
    given_up = ti - (2 if ti > 1 and tokens[ti - 1] == "ever" else 1)  # "regret (ever) | supporting"
    if (not act and tokens[ti].endswith("ing") and given_up >= 0 and tokens[given_up] in lex.gerund_negators
            and not _PUNCT_BREAK_RE.search(text, tok_starts[given_up], tok_starts[ti])):
        # "I regret supporting X", "we stopped backing X"; not an act that evaluates its doer ("X must stop bullying":
        # X bullies); a negated one affirms the act ("I don't regret supporting X", "we will not stop backing X")
        return not any(tokens[j] in lex.negators or tokens[j].endswith("n't") for j in range(max(0, given_up - 3), given_up))
    if not act and ti < len(tok_starts) and lex.condemned_act_re.search(text, tok_starts[max(0, ti - 12)], tok_starts[ti]):
        return True  # "it was totally inappropriate for Smith to | criticize X": the judgment condemned
    lo = max(0, ti - window)
    for j in range(ti - 1, lo - 1, -1):
        if tokens[j] in _PERMISSION and not (j + 1 < ti and tokens[j + 1] in _REFLEXIVES):
            return False  # "we cannot let X | endanger …": the negation denies the permission; the act stays harm
        # stop at a clause break between the negator and the cue
        seg_start = tok_starts[j]
        seg_end = tok_starts[ti] if ti < len(tok_starts) else len(text)
        if _PUNCT_BREAK_RE.search(text[seg_start:seg_end]):
            return False
        if tokens[j] in lex.negators or tokens[j].endswith("n't"):
            return True
    if ti < len(tok_starts):
        left = text[tok_starts[lo]:tok_starts[ti]] if lo < ti else ""
        if lex.negator_phrases.search(left) and not _PUNCT_BREAK_RE.search(left):
            return True
        # a longer negator phrase that ends right before the cue ("cannot bring myself to | vote for")
        longer = text[tok_starts[max(0, ti - window - 5)]:tok_starts[ti]].rstrip()
        if any(found.end() == len(longer) for found in lex.negator_phrases.finditer(longer)) and not _PUNCT_BREAK_RE.search(
                longer[-60:]):
            return True
    return False
