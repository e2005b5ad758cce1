"""Quotation marks, sentence bounds and the table's kinds and columns (shared by the quotes stage)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kzlib.text import NO_BREAK_AFTER

QUOTE_KINDS = ("direct", "indirect", "interview", "act", "fragment", "question", "post")
SPEECH_KINDS = ("direct", "indirect", "interview", "post")  #: kinds counted as speech (post: an embedded post's words)
QUOTE_COLUMNS = ["doc_id", "quote_id", "para_id", "end_para_id", "start", "end", "quote", "speaker",
                 "speaker_surface", "speaker_type", "affiliation", "cue", "kind", "cited", "confidence",
                 "method", "n_words", "speaker_resolution", "speaker_para_id", "speaker_start", "speaker_end"]

# a quotation mark, or '' (two apostrophes, the quotation mark of some archives, NYT): written to open with one
# character class (an apostrophe read on only when a second follows), so that re skips to the next candidate at C
# speed instead of trying two branches at every position (the same matches, four times faster)
_MARKS = re.compile(r"[\"“”«»„‟'`](?:(?<=')'(?!')|(?<=`)`|(?<!['`]))")
# the marks of the archive convention (``...'' and `...', see :func:`_archive_style`): two back-ticks open, a run
# of apostrophes closes (one: a single quotation's close or an apostrophe; two: the double close; three: both)
_ARCHIVE_MARKS = re.compile(r"``|[\"“”«»„‟`]|'+")
_OPENERS = "“«„‟"
_CLOSERS = "”»"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_SENT_END = re.compile("".join(rf"(?<!\b{a}\.)" for a in NO_BREAK_AFTER)
                       + r"(?<=[.!?…])(?:[\"”’»]|'')?\s+(?=(?:[\"“«‘(`]|''|``)?[A-ZА-Я0-9])")
# _SENT_END with its sentence-final mark taken into the match (group 1 is _SENT_END's match): opening with
# a character class, it is searched for at C speed. A match ends in a space, never a mark, so the next
# one needs no mark before the end of the last and the two patterns find the same breaks.
_SENT_END_MARK = re.compile(r"[.!?…]" + "".join(rf"(?<!\b{a}\.)" for a in NO_BREAK_AFTER)
                            + r"((?:[\"”’»]|'')?\s+)(?=(?:[\"“«‘(`]|''|``)?[A-ZА-Я0-9])")
_QUESTION = re.compile(r"^\s*(?:[\"“«]?\s*[A-ZА-Я]{1,5}\s*[\"”»]?\s*:\s*[–—-]|(?:Q|Question|Interviewer)\s*[:.]\s)")
_ANSWER = re.compile(r"^\s*[–—-]\s+")
_TAIL = re.compile(r"(?:(?<=[,.!?…])|(?<=\s))\s*[–—-]\s+(?P<tail>[^–—]{3,250}?)\s*[.]?\s*$")
_PRONOUNS = re.compile(r"(?<![\w'’-])(?P<p>he|she|it|they)(?![\w'’-])", re.IGNORECASE)
_CITING = re.compile(r"\b(?:citing|quoting|echoing)\b|\bquoted\b.{0,80}?\bas saying\b", re.IGNORECASE)
_QUOTED_AS = re.compile(r"\bquot(?:ed|ing)\b(?=.{0,80}?\bas\s+saying\b)", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"^(?:'s|’s|')")
_CAP_NAME = re.compile(r"\s*((?:[A-ZÀ-ÞА-Я][\w'’-]+\s+){1,2}[A-ZÀ-ÞА-Я][\w'’-]+)\b")
_TIGHT = re.compile(r"(?:\s+(?:has|have|had|is|was|also|additionally|further|then|later|again|repeatedly|"
                    r"previously|earlier|reportedly|once|himself|herself|itself|too|would|will|has\s+also|had\s+also)){0,2}\s+")
_PREP_BEFORE = re.compile(r"\b(?:to|of|in|with|on|for|from|at|by|about|against|into|toward|towards|over)\s+$", re.IGNORECASE)


# ------------------------------------------------------------------------------------------ quote marks
@dataclass
class _Span:
    start: int  # first character inside the marks
    end: int  # one past the last character inside
    closed: bool
    open_at: int  # position of the opening mark


#: A word of a title in title case: capitalised (or a number), or a short function word ("Pride and Prejudice").
_TITLE_WORD = re.compile(r"(?:[A-Z0-9][\w'’.&:-]*|a|an|the|and|or|of|in|on|at|to|for|with|by|from|vs\.?)[,;:]?")


def _is_title_object(text: str, span: _Span) -> bool:
    """Whether a quoted span is a title or a name that a verb takes as its object ('told "New Day," the morning
    show, ...', 'said "America's Bitter Pill," his book, ...', 'dismissed "Monday Night Baseball," ...'): at most
    eight words in title case (the first capitalised, each word capitalised or a short function word), no
    sentence end inside, and the opening mark right after a word (no comma or colon before it, as speech has).

    Example:
        >>> t = 'She told "New Day," the show, that it was over. She said, "Go Home," and left.'
        >>> [_is_title_object(t, s) for s in _quote_spans(t)]
        [True, False]
    """
    words = text[span.start:span.end].split()
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper() or re.search(r"[.?!…]\W*$", words[-1]):
        return False
    if not all(_TITLE_WORD.fullmatch(w) for w in words):
        return False
    before = text[max(0, span.open_at - 30):span.open_at].rstrip()
    return bool(before) and (before[-1].isalnum())


def _archive_style(texts: list[str]) -> bool:
    """Whether a document quotes in the archive convention (LDC newswire, Penn Treebank, LaTeX-era text):
    two back-ticks open a quotation and two apostrophes close it (``like this''), one back-tick and one
    apostrophe a nested or single one. Decided per document from the marks it uses, before any pairing: the
    back-tick openings must account for at least half of its apostrophe pairs (a text that quotes ''both
    ways'' and has one stray `` keeps that convention). Only in this convention is '' a closing mark only,
    and a lone apostrophe a mark at all (the close of a `single quotation'; never an apostrophe inside or
    at the end of a word that no back-tick opened: don't, Clinton's, Howes' team).

    Example:
        >>> _archive_style(["He said: ``We won.'' Clinton's aides agreed."])
        True
        >>> _archive_style(["''We won,'' he said.", "It's ``odd''", "''Yes,'' she said. ''No,'' he said."])
        False
    """
    n_open = sum(t.count("``") for t in texts)
    n_pairs = sum(t.count("''") for t in texts)
    return n_open > 0 and 2 * n_open >= n_pairs


def _quote_spans(text: str, archive: bool = False) -> list[_Span]:
    """Outermost quoted spans of a paragraph; nested quotes stay inside; an unclosed quote runs to the end.

    ``archive``: the document quotes ``this way'' (:func:`_archive_style`); otherwise '' is read as a
    straight double mark (opening or closing by its context) and a `` opens.

    Example:
        >>> t = "``It's over,'' Roe said. ``We lost.''"
        >>> [t[s.start:s.end] for s in _quote_spans(t, archive=True)]
        ["It's over,", 'We lost.']
    """
    if archive:
        return _archive_spans(text)
    spans: list[_Span] = []
    stack: list[tuple[int, str, int]] = []  # (position, mark, its width)
    n = len(text)
    for m in _MARKS.finditer(text):
        i, c = m.start(), m.group(0)
        w = len(c)
        if w == 2:
            c = "“" if c == "``" else '"'
        prev = text[i - 1] if i else " "
        nxt = text[i + w] if i + w < n else " "
        # (two back-ticks only ever open)
        opening = m.group(0) == "``" or _opening_context(i, prev, nxt, "'‘….")
        _pair_mark(stack, spans, i, c, w, opening, prev, nxt)
    if stack:
        start, _, sw = stack[0]
        spans.append(_Span(start + sw, n, False, start))
    return spans


def _opening_context(i: int, prev: str, nxt: str, marks_after: str) -> bool:
    """Whether a quotation mark at ``i`` stands where a quotation opens: at the start or after a blank or an
    opening bracket or dash, and before a word or one of ``marks_after``."""
    return (i == 0 or prev.isspace() or prev in "([{—–-:/") and (nxt.isalnum() or nxt in marks_after)


def _pair_mark(stack: list[tuple[int, str, int]], spans: list[_Span], i: int, c: str, w: int, opening: bool,
               prev: str, nxt: str) -> None:
    """The plain convention's pairing of one mark ``c`` (``w`` characters at ``i``; ``opening``: it stands where a
    quotation opens): it closes the innermost open quotation (an outermost one closed goes to ``spans``) or opens
    one on ``stack`` ((position, mark, width)); with none open, a closing mark or a straight one after a word's
    end or a digit (inches, seconds) is no quotation mark."""
    if stack:
        top = stack[-1][1]
        if c in _OPENERS and not (top == "„" and c == "“"):
            close = not opening
        elif c == '"':
            close = not (opening and len(stack) < 2)
        else:
            close = True
        if close:
            start, _, sw = stack.pop()
            if not stack:
                spans.append(_Span(start + sw, i, True, start))
        else:
            stack.append((i, c, w))
    elif not (c in _CLOSERS or c == '"' and (prev.isalnum() and not nxt.isalnum() or prev.isdigit())):
        stack.append((i, c, w))


def _archive_spans(text: str) -> list[_Span]:
    """:func:`_quote_spans` for a paragraph in the archive convention: `` opens, '' closes the innermost
    open `` (with any unclosed single quotation inside it), a lone ' closes an open ` only after a
    word and not before one, ''' is both; a `` while another is open at the top ends the first (its
    close was lost). Other marks (straight, curly, guillemets) pair as in the plain convention."""
    spans: list[_Span] = []
    stack: list[tuple[int, str, int]] = []  # (position, mark, its width)
    n = len(text)

    def close_to(i: int, pred: Callable[[str], bool]) -> None:
        while stack:
            start, c, sw = stack.pop()
            if not stack:
                spans.append(_Span(start + sw, i, True, start))
            if pred(c):
                return

    for m in _ARCHIVE_MARKS.finditer(text):
        i, tok = m.start(), m.group(0)
        prev = text[i - 1] if i else " "
        nxt = text[m.end()] if m.end() < n else " "
        if tok == "``":
            if len(stack) == 1 and stack[0][1] == "``":
                j = i
                while j > stack[0][0] + 2 and text[j - 1].isspace():
                    j -= 1
                spans.append(_Span(stack[0][0] + 2, j, True, stack[0][0]))
                stack.clear()
            stack.append((i, "``", 2))
        elif tok == "`":
            if stack or prev.isspace() or prev in "([{—–-:/\"" or i == 0:
                stack.append((i, "`", 1))
        elif tok[0] == "'":
            if len(tok) % 2 and stack and stack[-1][1] == "`" and not prev.isspace() and not nxt.isalnum():
                close_to(i, lambda c: c == "`")  # the close of a `single' quotation (one or three apostrophes)
            for k in range(len(tok) % 2, len(tok), 2):  # each pair: a double close
                if any(c == "``" for _, c, _ in stack):
                    close_to(i + k, lambda c: c == "``")
                elif stack and stack[-1][1] == '"':
                    close_to(i + k, lambda c: True)
        else:  # a straight or typographic mark: the plain convention's reading (a back-tick after it too)
            _pair_mark(stack, spans, i, tok, 1, _opening_context(i, prev, nxt, "'‘`…."), prev, nxt)
    if stack:
        start, _, sw = stack[0]
        spans.append(_Span(start + sw, n, False, start))
    return spans


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _has_words(text: str, n: int) -> bool:
    """``_n_words(text) >= n``, reading ``text`` only up to its n-th word (a reported clause is long)."""
    return n <= 0 or _at_least_words(n).match(text) is not None


@lru_cache(maxsize=32)
def _at_least_words(n: int) -> re.Pattern:
    """A pattern that matches a text's start when it has ``n`` words (:data:`_WORD`): the words taken
    whole (possessive: a word is never split in two), the characters between them no word characters."""
    return re.compile(rf"\W*(?:\w++(?:[-'’]\w++)*+\W*?){{{n}}}")


def _sentence_bounds(text: str, spans: list[_Span]) -> list[tuple[int, int]]:
    """Sentence boundaries that fall outside quoted spans."""
    inside = bytearray(len(text) + 1)
    for s in spans:
        inside[s.start:s.end] = b"\x01" * (s.end - s.start)
    cuts = [0] + [m.end() for m in _SENT_END_MARK.finditer(text) if not inside[m.start(1)]] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


#: A sentence's or quotation's start right before a word (a name after a preposition or another name opens no
#: clause: 'In Virginia, the senator said'); searched in the few characters before it.
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?][\"”’']?\s+|[\"“]\s*)$")
