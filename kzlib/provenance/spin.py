"""Reverse article-spinner substitutions ("Collective Safety Treaty Group" -> "... Security ... Organization").

An article spinner swaps words for dictionary synonyms to evade duplicate detection. Its swaps are
systematic (the same tool turns every "said" into "mentioned", every "military" into "navy"), so they
can be listed once and reversed. This module holds the list (``kzlib/data/spin_phrases.csv``, one row
per substitution with a ``source`` note saying how it was established) and applies it:

- No row is applied to a text that is not judged spun (its own spin score, or ``spun=True``): clean
  text keeps its "mentioned", its "peaceable" and its "in the eye of the storm".
- ``scope=always`` rows are phrases English never uses ("Chilly Battle", "non secular"); in a spun text
  they are repaired everywhere, quotations included.
- ``scope=spun`` rows are swaps into ordinary words ("mentioned" for "said", "navy" for "military",
  "peaceable" for "peaceful"); in a spun text they are repaired outside quotation marks (see below).
- A phrase is matched as whole words; a phrase of several words never where a hyphen joins its first or
  last word to another word: "with out" is no phrase in "with out-migration" (that is "with" and
  "out-migration"). A single word is matched inside a compound too, as the spinner swaps it there
  ("Secretary-Common" for "Secretary-General" in the spun seed 000).
- ``left`` / ``right`` are regular expressions the text just before / after must match (``left`` is
  searched at the end of the preceding 60 characters, ``right`` is matched right after the phrase).
- ``case=exact`` rows match only as written ("japanese" lower case is a spun "eastern", "Japanese" is
  not); rows with a capital letter are exact too. Other rows match in any case and keep the case of the
  first letter.
- Words inside quotation marks are a speaker's: in a spun text only ``always`` rows repair them, unless
  the text *outside* the quotation marks is judged spun on its own (the narration went through the
  spinner, so the quotations did too).

A text is judged spun (:func:`judged_spun`) when its matches reach :data:`SPIN_THRESHOLD` per 1,000
words *and* are too many for the ordinary words of clean English: the table lists ordinary synonyms
("additional", "specialists", "regardless of"), which clean news writes at up to
:data:`CLEAN_RATE` per 1,000 words, so a short clean text can reach the threshold with a handful of
them by chance; a text is judged spun only where clean text of its length would show as many with a
probability below :data:`SPIN_P` (Poisson).

:class:`kzlib.provenance.SpinRepairer` learns further rows from a corpus (substitutions nobody listed)
and applies them with the same machinery.
"""

from __future__ import annotations

import bisect
import functools
import logging
import math
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from kzlib.errors import ParameterError
from kzlib.provenance.features import _ascii_kinds
from kzlib.text import ASCII_CASE_TWINS
from kzlib.text import phrase_alternation as _by_first_char

__all__ = ["despin", "spin_table", "spin_matches", "spin_score", "judged_spun", "quoted_spans", "SPIN_THRESHOLD",
           "MIN_MATCHES", "CLEAN_RATE", "SPIN_P"]

log = logging.getLogger(__name__)

#: Spinner evidence (table matches per 1,000 words) above which a text is treated as spun (if its
#: matches are also too many for clean text of its length, see :data:`CLEAN_RATE`).
#: Clean English news scores 0-5 on average (ordinary words such as "mentioned", "additional" or
#: "overseas" in their own sense; 256 TimeBank 1.2 newswire documents: mean 1.3, 90th percentile 4.3),
#: but a short clean text can score 20 by chance (5 matches in 250 words); spinner output scores in the
#: tens, because most sentences carry a swap (the bundled spun seeds 131 and 142).
SPIN_THRESHOLD = 15.0
#: The rate (table matches per 1,000 words) clean English news reaches: the upper end of the 0-5 range
#: above. A text is judged spun only where clean text of its length would show its number of matches
#: with a probability below :data:`SPIN_P` (Poisson, mean ``CLEAN_RATE`` per 1,000 words).
CLEAN_RATE = 5.0
#: See :data:`CLEAN_RATE`: one clean text in a thousand may show as many matches by chance.
SPIN_P = 0.001

_TABLE_COLUMNS = ["spun", "original", "scope", "left", "right", "source"]
_SCOPES = ("always", "spun")
_CASES = ("any", "exact")
#: The words a spin score is per 1,000 of (:func:`_n_words` counts them without this pattern's strings).
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_LEFT_WINDOW = 60
# the hyphens that join a compound: hyphen-minus, the Unicode hyphen and the non-breaking hyphen
_HYPHENS = "-\u2010\u2011"
_COMPOUND_EDGE = re.compile(rf"\w[{_HYPHENS}]$|^[{_HYPHENS}]\w")
#: A text counts as spun on its own score only with at least this many matches (a short clean text
#: with one "mentioned" would otherwise score in the hundreds per 1,000 words).
MIN_MATCHES = 3


def _data_path(name: str) -> Path:
    return Path(str(resources.files("kzlib.data").joinpath(name)))


def spin_table(path: str | Path | None = None) -> pd.DataFrame:
    """The spin-phrase table: ``spun``, ``original``, ``scope``, ``left``, ``right``, ``case``, ``source``.

    ``path=None`` reads the bundled ``kzlib/data/spin_phrases.csv``; give your own CSV with the same
    columns to extend or replace it.

    Example:
        >>> t = spin_table()
        >>> t.loc[t["spun"] == "Chilly Battle", "original"].item()
        'Cold War'
    """
    p = Path(path) if path else _data_path("spin_phrases.csv")
    if not p.exists():
        raise ParameterError(f"spin-phrase table {p} does not exist; give the path of a CSV with columns "
                             f"{_TABLE_COLUMNS}, or None for the bundled table")
    table = pd.read_csv(p, dtype=str, keep_default_na=False)
    return _validate(table, str(p))


def _validate(table: pd.DataFrame, where: str) -> pd.DataFrame:
    missing = [c for c in ("spun", "original") if c not in table.columns]
    if missing:
        raise ParameterError(f"spin-phrase table {where} lacks the columns {missing}; it needs at least "
                             "'spun' and 'original' (and optionally scope, left, right, case, source)")
    table = table.copy()
    for col, default in (("scope", "spun"), ("left", ""), ("right", ""), ("case", ""), ("source", "")):
        if col not in table.columns:
            table[col] = default
        table[col] = table[col].fillna(default).astype(str)
    table["case"] = [c or ("exact" if any(ch.isupper() for ch in s) else "any")
                     for c, s in zip(table["case"], table["spun"])]
    bad_scope = sorted(set(table["scope"]) - set(_SCOPES))
    bad_case = sorted(set(table["case"]) - set(_CASES))
    if bad_scope or bad_case:
        raise ParameterError(f"spin-phrase table {where}: scope must be one of {_SCOPES} and case one of "
                             f"{_CASES}; found {bad_scope + bad_case}")
    empty = table["spun"].str.strip() == ""
    if empty.any():
        raise ParameterError(f"spin-phrase table {where}: {int(empty.sum())} rows have an empty 'spun' phrase")
    for col in ("left", "right"):
        for pattern in table[col]:
            if pattern:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ParameterError(f"spin-phrase table {where}: bad {col} pattern {pattern!r}: {exc}") from exc
    return table[["spun", "original", "scope", "left", "right", "case", "source"]].reset_index(drop=True)


@dataclass(frozen=True)
class _Row:
    index: int
    spun: str
    original: str
    always: bool
    left: re.Pattern | None
    right: re.Pattern | None
    exact: bool
    source: str


class _Compiled:
    """A table compiled into one alternation (longest phrase first) and per-phrase candidate rows."""

    def __init__(self, table: pd.DataFrame) -> None:
        self.table = table
        self.rows: dict[str, list[_Row]] = {}
        for i, r in enumerate(table.itertuples(index=False)):
            key = _key(r.spun)
            row = _Row(i, r.spun, r.original, r.scope == "always",
                       re.compile(f"(?:{r.left})$") if r.left else None,
                       re.compile(r.right) if r.right else None, r.case == "exact", r.source)
            self.rows.setdefault(key, []).append(row)
        self._keys = sorted(self.rows, key=lambda k: (-len(k), k))
        # the same matches as `pattern`, three times as fast, searched in the text with its ASCII letters
        # lower-cased (_ascii_lower), for text without the characters that re.IGNORECASE equates with an
        # ASCII letter (see _ascii_trie); `pattern` is compiled when needed
        self._fast = (re.compile(rf"(?<!\w){_ascii_trie(self._keys)}(?!\w)")
                      if self._keys and all(k.isascii() for k in self._keys) else None)

    @functools.cached_property
    def pattern(self) -> re.Pattern | None:
        """The phrases, longest first, in any case, as whole words: grouped by first character (same
        matches, several times faster to search)."""
        if not self._keys:
            return None
        alternation = _by_first_char((k, r"\s+".join(re.escape(w) for w in k.split(" "))) for k in self._keys)
        return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)

    def find(self, text: str, *, spun: bool, quotes: bool = True) -> list[tuple[int, int, _Row]]:
        """Non-overlapping matches whose row applies here (context, case and scope): none where not
        ``spun``; ``quotes=False`` leaves out those inside quotation marks, but for ``always`` rows
        (:func:`_outside_quotes`)."""
        out: list[tuple[int, int, _Row]] = []
        if not spun:
            return out
        for start, end in self.spans(text):
            row = self.choose(text, start, end, spun=spun)
            if row is not None:
                out.append((start, end, row))
        return out if quotes else _outside_quotes(text, out)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the table's phrases in ``text``, whether or not a row applies there: the
        matches :meth:`find` chooses a row for (they do not depend on ``spun`` or the context), less a
        phrase of several words that a hyphen joins to a word at either end (:func:`_in_compound`)."""
        if not self._keys or not text:
            return []
        if self._fast is None or _ASCII_CASE_TWINS.search(text):
            if self.pattern is None:
                return []
            found = self.pattern.finditer(text)
        else:
            found = self._fast.finditer(_ascii_lower(text))    # the same places, the same lengths
        return [m.span() for m in found if not _in_compound(text, m.start(), m.end())]

    def choose(self, text: str, start: int, end: int, *, spun: bool) -> _Row | None:
        """The first row of the phrase ``text[start:end]`` that applies there (context, case); None in a
        text not ``spun`` (no row applies there)."""
        if not spun:
            return None
        found = text[start:end]
        for row in self.rows.get(_key(found), ()):
            if row.exact and re.sub(r"\s+", " ", found) != row.spun:
                continue
            if row.left is not None and not row.left.search(text[max(0, start - _LEFT_WINDOW):start]):
                continue
            if row.right is not None and not row.right.match(text, end):
                continue
            return row
        return None


_ASCII_CASE_TWINS = ASCII_CASE_TWINS   # see kzlib.text.script


def _in_compound(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a phrase of several words, has its first or last word joined by a
    hyphen to another word: "with out" in "with out-migration" is "with" and "out-migration", no phrase.
    A single word is never "in a compound" here (the spinner swaps a word inside a compound too).

    Example:
        >>> t = "with out-migration, with out warning"
        >>> _in_compound(t, 0, 8), _in_compound(t, 20, 28)
        (True, False)
    """
    found = text[start:end]
    if not (" " in found or "\n" in found or "\t" in found or "\u00a0" in found):
        return False
    return bool(_COMPOUND_EDGE.search(text, max(0, start - 2), start)
                or _COMPOUND_EDGE.match(text[end:end + 2]))

# a quotation: from an opening mark to its closing mark or the end of the line (a quotation that goes on
# in the next paragraph leaves its mark open): “…”, «…», „…“ or „…”, ``…'' (Penn Treebank), "…" (in
# pairs), ‘…’ (a ’ followed by a letter is an apostrophe inside the quotation: ‘Tokayev’s men’)
_QUOTED = re.compile(r"“[^”\n]*(?:”|$)|«[^»\n]*(?:»|$)|„[^“”\n]*(?:[“”]|$)|``(?:(?!''|\n).)*(?:''|$)"
                     r"|(?<!\d)\"[^\"\n]*\"|^\"[^\"\n]*$|‘(?:[^’\n]|’(?=\w))*(?:’|$)", re.MULTILINE)
#: (a straight mark left open is a quotation only where it opens a line, as a quotation over several paragraphs
#: does; elsewhere it may be an inch mark or a typo, '12" shells')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quotations of ``text``, marks included, in order: “…”, «…», „…“, ``…'',
    "…" (paired in order) and ‘…’; a quotation left open runs to the end of its line (paragraph), a straight one
    only when it opens the line (an inch mark, '12" shells', is no quotation mark at all).

    Example:
        >>> t = 'He said "we will act" and left. «Мы победим»'
        >>> [t[a:b] for a, b in quoted_spans(t)]
        ['"we will act"', '«Мы победим»']
    """
    if not any(mark in text for mark in _QUOTE_MARKS):
        return []
    return [m.span() for m in _QUOTED.finditer(text)]


_QUOTE_MARKS = ("“", "«", "„", "``", '"', "‘")


def _outside_quotes(text: str, matches: list[tuple[int, int, _Row]]) -> list[tuple[int, int, _Row]]:
    """``matches`` less those of rows other than ``always`` that start inside a quotation of ``text``
    (:func:`quoted_spans`): a speaker's words are repaired only by phrases English never uses."""
    if not matches or all(row.always for _, _, row in matches):
        return matches
    spans = quoted_spans(text)
    if not spans:
        return matches
    starts = [a for a, _ in spans]
    out = []
    for s, e, row in matches:
        k = bisect.bisect_right(starts, s) - 1
        if row.always or k < 0 or s >= spans[k][1]:
            out.append((s, e, row))
    return out


def _ascii_trie(keys: list[str]) -> str:
    """A case-sensitive regex matching, at any position of a text whose ASCII letters are lower-cased
    (:func:`_ascii_lower`), the longest of ``keys`` (ASCII, lower case, words separated by one space)
    that ``re.IGNORECASE`` would match there in the text itself, where the text has no
    :data:`_ASCII_CASE_TWINS` (then a key's letter matches just the letter and its capital, which
    the lower-casing makes the letter).

    The keys are merged into a trie (``ch(?:il...|ie...)``): ``re`` then rejects a branch by its first
    character without entering it (it does so only for case-sensitive literals and character classes),
    where the flat case-insensitive alternation enters every branch of the letter's group.
    A child is tried before the end of a key, so a longer key wins, as in the alternation sorted
    longest first; two keys both matching at one position are always one a prefix of the other.
    """
    trie: dict = {}
    for key in keys:
        node = trie
        for i, word in enumerate(key.split(" ")):
            if i:
                node = node.setdefault(" ", {})
            for ch in word:
                node = node.setdefault(ch, {})
        node[""] = {}

    def unit(ch: str) -> str:
        return r"\s+" if ch == " " else re.escape(ch)

    def emit(node: dict) -> str:
        alts = [unit(ch) + emit(child) for ch, child in node.items() if ch]
        if "" in node:
            alts.append("")             # the key ends here: tried after every longer key
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


def _ascii_lower(text: str) -> str:
    """``text`` with its ASCII letters lower-cased and every other character as it is (so each keeps its
    place; ``str.lower`` would change other letters too, and "İ" into two characters).

    Example:
        >>> _ascii_lower("Ölçü NATO’s İ")
        'Ölçü nato’s İ'
    """
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def _key(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip()).lower().replace("’", "'")


@functools.lru_cache(maxsize=8)
def _compiled_default() -> _Compiled:
    return _Compiled(spin_table())


def _compile(table: pd.DataFrame | str | Path | None) -> _Compiled:
    if table is None:
        return _compiled_default()
    if isinstance(table, _Compiled):
        return table
    if isinstance(table, (str, Path)):
        return _Compiled(spin_table(table))
    if isinstance(table, pd.DataFrame):
        return _Compiled(_validate(table, "given as a DataFrame"))
    raise ParameterError(f"table must be a DataFrame, a CSV path or None, not {type(table).__name__}")


def _cased(replacement: str, found: str, exact: bool) -> str:
    if exact or not found:
        return replacement
    if len(found) > 1 and found.isupper():
        return replacement.upper()
    if found[0].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _n_words(text: str) -> int:
    """The words a spin score is per 1,000 of: ``len(_WORD.findall(text))``, counted on the text's
    :func:`~kzlib.provenance.features._ascii_kinds` without a string made for each word. A word is a run
    of letters and digits, less the runs an apostrophe joins to the word before as its ending: a run
    after one apostrophe after a letter or digit, that starts with a letter and is all letters (one with
    a digit in it makes a word from the digit on) -- unless the run before was itself such an ending (the
    word had ended with it: "rock'n'roll" is "rock'n" and "roll").

    Example:
        >>> t = "Tokayev’s rock'n'roll: x'n2 in 2022, G7 ’til it''s"
        >>> _n_words(t), len(_WORD.findall(t))
        (11, 11)
    """
    kinds = _ascii_kinds(text)
    runs = kinds.translate(_RUNS_APART)                               # letters and digits "a", others " "
    n = runs.count(b" a") + runs.startswith(b"a")                     # the runs of letters and digits
    ending_end = -1                 # where the last run read as a word's ending ends
    for m in _ENDING.finditer(kinds):
        if m.start() != ending_end and not m.group(2):               # an ending, all letters
            n -= 1
            ending_end = m.end()
    return n


# a run after an apostrophe after a letter or digit that starts with letters (group 1), and its digit
# after them if any (group 2), in _ascii_kinds; searched from the apostrophe (found fast: few)
_ENDING = re.compile(rb"'(?<=[a0]')(a+)(0?)")
_RUNS_APART = bytes.maketrans(b"0'", b"a ")


def spin_matches(text: str, *, table: pd.DataFrame | str | Path | None = None,
                 spun: bool | None = None, quotes: bool | None = None) -> pd.DataFrame:
    """The spinner substitutions found in ``text``: ``start``, ``end``, ``spun``, ``original``, ``scope``, ``source``.

    ``spun=None`` decides from the text's own spin score and ``quotes=None`` from that of the text outside
    quotation marks (see :func:`despin`); ``spun=True, quotes=True`` lists every row that matches, which
    is what the spin score counts.

    Example:
        >>> spin_matches("the Chilly Battle", spun=True)[["spun", "original"]].values.tolist()
        [['Chilly Battle', 'Cold War']]
    """
    _require_text(text, "spin_matches")
    compiled = _compile(table)
    spun, quotes = _decide(text, compiled, spun, quotes)
    rows = [(s, e, text[s:e], _cased(r.original, text[s:e], r.exact), "always" if r.always else "spun", r.source)
            for s, e, r in compiled.find(text, spun=spun, quotes=quotes)]
    return pd.DataFrame(rows, columns=["start", "end", "spun", "original", "scope", "source"])


def _score(text: str, compiled: _Compiled) -> float:
    n = _n_words(text)
    return 1000.0 * len(compiled.find(text, spun=True)) / n if n else 0.0


def _poisson_tail(k: int, mean: float) -> float:
    """P(X >= k) for X Poisson with ``mean``, summed from k up (precise where it is small).

    Example:
        >>> round(_poisson_tail(2, 1.0), 4)      # 1 - P(0) - P(1) = 1 - 2/e
        0.2642
    """
    if k <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    term = math.exp(k * math.log(mean) - mean - math.lgamma(k + 1))
    total, i = 0.0, k
    while term > 0 and (i <= mean or term > 1e-16 * total):
        total += term
        i += 1
        term *= mean / i
    return min(total, 1.0)


def judged_spun(n_matches: int, n_words: int, *, threshold: float = SPIN_THRESHOLD) -> bool:
    """Whether a text with ``n_matches`` table matches (every scope) in ``n_words`` words is spinner output:
    at least :data:`MIN_MATCHES` matches, ``threshold`` per 1,000 words, and more than clean text of that
    length shows but with a probability below :data:`SPIN_P` (Poisson with :data:`CLEAN_RATE` per 1,000
    words): a short clean wire story with five ordinary synonyms ("additional", "specialists") is not.

    Example:
        >>> judged_spun(5, 255)        # 19.6 per 1,000 words, but clean text of 255 words shows 5 by chance
        False
        >>> judged_spun(12, 254), judged_spun(261, 1841)
        (True, True)
    """
    if n_words <= 0 or n_matches < MIN_MATCHES or 1000.0 * n_matches / n_words < threshold:
        return False
    return _poisson_tail(n_matches, CLEAN_RATE * n_words / 1000.0) < SPIN_P


def _narration_spun(text: str, matches: list[tuple[int, int, _Row]], *, threshold: float = SPIN_THRESHOLD) -> bool:
    """Whether the text outside the quotation marks of ``text`` is judged spun on its own, ``matches``
    being the table's matches in the whole text (every scope): the decision to repair quoted words."""
    spans = quoted_spans(text)
    if not spans:
        return judged_spun(len(matches), _n_words(text), threshold=threshold)
    starts = [a for a, _ in spans]
    outside = 0
    for s, _, _ in matches:
        k = bisect.bisect_right(starts, s) - 1
        outside += k < 0 or s >= spans[k][1]
    words = _n_words(text) - sum(_n_words(text[a:b]) for a, b in spans)
    return judged_spun(outside, words, threshold=threshold)


def _decide(text: str, compiled: _Compiled, spun: bool | None, quotes: bool | None) -> tuple[bool, bool]:
    """(spun, quotes) for :func:`despin` and :func:`spin_matches`: each None decided from the text."""
    if spun is None or (quotes is None and spun):
        found = compiled.find(text, spun=True)
        if spun is None:
            spun = judged_spun(len(found), _n_words(text))
        if quotes is None:
            quotes = bool(spun) and _narration_spun(text, found)
    return bool(spun), bool(quotes)


def spin_score(text: str, *, table: pd.DataFrame | str | Path | None = None) -> float:
    """Spinner-substitution evidence per 1,000 words: matches of the spin-phrase table (every scope).

    Example:
        >>> spin_score("The navy intervention, Antonov mentioned.") > 100
        True
        >>> spin_score("The military intervention, Antonov said.")
        0.0
    """
    _require_text(text, "spin_score")
    return _score(text, _compile(table))


def despin(text: str, *, table: pd.DataFrame | str | Path | None = None, spun: bool | None = None,
           quotes: bool | None = None) -> str:
    """Reverse spinner substitutions in ``text`` using the spin-phrase table.

    ``spun=None`` (default) repairs only a text judged spun (:func:`judged_spun`: its spin score reaches
    :data:`SPIN_THRESHOLD` with more matches than clean text of its length shows); a text that is not
    judged spun is returned as it is, whatever phrases of the table it holds (English writes "peaceable"
    and "in the eye of" too). ``spun=True`` / ``False`` force the decision (use ``True`` for a paragraph
    of a document known to be spun). Inside quotation marks (:func:`quoted_spans`), a speaker's words, ``quotes=None`` repairs
    ``scope=spun`` rows only in a spun text whose words outside the quotation marks are judged spun on
    their own; ``quotes=True`` / ``False`` force that decision. ``table`` is a DataFrame or CSV path with
    the columns of :func:`spin_table`; ``None`` is the bundled table.
    :class:`kzlib.provenance.SpinRepairer` adds substitutions learned from a corpus.

    Example:
        >>> despin("The Collective Safety Treaty Group is a relic of the Chilly Battle, Antonov mentioned.",
        ...        spun=True)
        'The Collective Security Treaty Organization is a relic of the Cold War, Antonov said.'
        >>> despin("Blinken mentioned the navy base.")   # clean text: unchanged
        'Blinken mentioned the navy base.'
        >>> despin("a relic of the Chilly Battle")       # one phrase is no evidence of a spinner
        'a relic of the Chilly Battle'
        >>> despin('Satcher mentioned: "regardless of their cause".', spun=True)   # the quotation is kept
        'Satcher said: "regardless of their cause".'
    """
    _require_text(text, "despin")
    compiled = _compile(table)
    spun, quotes = _decide(text, compiled, spun, quotes)
    return _apply(text, compiled.find(text, spun=spun, quotes=quotes))


def _require_text(text: object, func: str) -> None:
    if not isinstance(text, str):
        raise ParameterError(f"{func} expects a str, not {type(text).__name__}; for a table use "
                             "kzlib.provenance.annotate(corpus)")


def _apply(text: str, matches: list[tuple[int, int, _Row]]) -> str:
    if not matches:
        return text
    parts, last = [], 0
    for s, e, row in matches:
        parts.append(text[last:s])
        parts.append(_cased(row.original, text[s:e], row.exact))
        last = e
    parts.append(text[last:])
    return "".join(parts)
