"""The gazetteer matches that :meth:`kzlib.actors.Gazetteer.scan` must read when it returns only the mentions
outside the characters a caller skips (the quotes stage skips the names it found itself: most matches)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

#: A span of :meth:`Gazetteer.scan`: (start, end, surface, candidates, method).
Span = tuple[int, int, str, Sequence[str], str]


def spans_outside(matches: Sequence[re.Match], skip: bytes | bytearray,
                  span_of: Callable[[re.Match], Span | None]) -> list[Span]:
    """The spans (``span_of(match)``; None: the match is no mention) that resolve the matches outside ``skip``
    (nonzero bytes: characters skipped) as they resolve among all: those, and the ones inside ``skip`` before the
    last of them with several candidates (picked among by the actors named before it). A span's tests read the
    text only, so the others, neither returned nor read by a pick, need not be made.

    Example:
        >>> ms = list(re.finditer(r"\\w+", "Roe met Doe and Poe"))
        >>> span = lambda m: (m.start(), m.end(), m.group(0), ["A", "B"] if m.group(0) == "Doe" else ["A"], "exact")
        >>> [sp[2] for sp in spans_outside(ms, b"\\x00" * 8 + b"\\x01" * 11, span)]
        ['Roe', 'met']
        >>> [sp[2] for sp in spans_outside(ms, b"\\x01" * 8 + b"\\x00" * 11, span)]
        ['Roe', 'met', 'Doe', 'and', 'Poe']
    """
    outside = [not any(skip[m.start():m.end()]) for m in matches]
    made: dict[int, Span] = {}
    last = -1  # the last match outside ``skip`` that picks among several candidates
    for i, m in enumerate(matches):
        if outside[i] and (sp := span_of(m)) is not None:
            made[i] = sp
            if len(sp[3]) > 1:
                last = i
    out = []
    for i, m in enumerate(matches):
        sp = made.get(i) if outside[i] else span_of(m) if i < last else None
        if sp is not None:
            out.append(sp)
    return out

