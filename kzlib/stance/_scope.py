"""What the rule method knows of one quote while it scores it (private to :mod:`kzlib.stance`): its text, tokens and
sentences, and the readings of position that :func:`kzlib.stance.rules._score_text` builds for it (where a clause
starts, whether a position is reported or hypothetical, whose subject a verb has), with the function that records a
contribution. Each part of the rule method that lives in its own module takes one (:mod:`kzlib.stance._evaluations`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kzlib.stance.lexicon import _Lexicon

__all__: list[str] = []


@dataclass(frozen=True)
class _QuoteScope:
    """One quote as the rule method reads it: ``text`` (its quotation marks normalised), the ``lex``icon, ``tokens``
    (lower case) and their starts, ``sents`` (start, end), ``precedent`` (per sentence: it recounts an earlier episode),
    the speaker's own sides, whether the quotation marks are the writer's (``writer_marks``), and the readings of a
    position: token and sentence index, clause start, ``reported`` (factor, note), ``hypothetical`` (position, sentence),
    ``others_subject`` (token; whether a verb's subject is someone else), and ``add`` (target, value, lexical, label,
    sentence, relayed)."""

    text: str
    lex: _Lexicon
    tokens: list[str]
    tok_starts: list[int]
    sents: list[tuple[int, int]]
    precedent: list[bool]
    speaker_sides: frozenset[str]
    writer_marks: bool
    tok_index: Callable[[int], int]
    sent_index: Callable[[int], int]
    clause_start: Callable[[int], int]
    reported: Callable[[int], tuple[float, str]]
    hypothetical: Callable[[int, int], bool]
    others_subject: Callable[..., bool]
    add: Callable[..., None]
