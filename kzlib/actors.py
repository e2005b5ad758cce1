"""Actors: a gazetteer of canonical persons, organisations, states and blocs, and their mentions.

The gazetteer (``kzlib/data/actors.yaml``, or a researcher's own file in the same format) maps every
surface form of an actor — transliterations, Cyrillic, spellings seen in spun or machine-translated
copies, surnames, metonyms ("Moscow", "Washington") — to one canonical name, with the actor's type,
affiliation (country or bloc) and role. Title-only references ("the Secretary", "the ministry",
"the Chinese official") are resolved in context: to the most recently mentioned actor holding that
title, filtered by a nationality adjective when there is one. Variants not listed are matched
fuzzily (rapidfuzz) against known surnames; people not in the gazetteer at all are still found by
pattern ("spokesperson Jane Doe", "Jane Doe, a professor at ...") and reported under their own name.

Example:
    >>> g = Gazetteer.from_yaml()
    >>> g.resolve("Toqaev")
    'Kassym-Jomart Tokayev'
    >>> g.affiliation("Anatoly Antonov")
    'Russia'
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml
from rapidfuzz import fuzz, process

__all__ = ["Actor", "Gazetteer", "Mention", "NameSpan", "find_mentions", "find_names", "ACTOR_TYPES"]

log = logging.getLogger(__name__)

ACTOR_TYPES = ("person", "organisation", "state", "bloc", "media")

#: nationality adjectives and possessives -> affiliation (general English vocabulary)
_DEMONYMS = {
    "russian": "Russia", "russia's": "Russia", "russia’s": "Russia",
    "chinese": "China", "china's": "China", "china’s": "China",
    "kazakh": "Kazakhstan", "kazakhstani": "Kazakhstan", "kazakhstan's": "Kazakhstan", "kazakhstan’s": "Kazakhstan",
    "american": "United States", "u.s.": "United States", "us": "United States", "america's": "United States",
    "america’s": "United States", "washington's": "United States", "washington’s": "United States",
    "ukrainian": "Ukraine", "armenian": "Armenia", "belarusian": "Belarus", "kyrgyz": "Kyrgyzstan",
    "tajik": "Tajikistan", "uzbek": "Uzbekistan", "turkish": "Turkey", "nato": "NATO", "eu": "European Union",
    "european": "European Union", "csto": "CSTO",
}

#: role nouns that introduce a person's name ("spokesperson Ned Price") or follow it in an appositive
ROLE_WORDS = (
    "spokesperson", "spokesman", "spokeswoman", "minister", "president", "professor", "ambassador", "envoy",
    "expert", "analyst", "adviser", "advisor", "director", "head", "chief", "secretary", "chairman",
    "chairwoman", "chair", "official", "researcher", "scholar", "fellow", "economist", "lawyer", "activist",
    "journalist", "editor", "correspondent", "leader", "governor", "mayor", "deputy", "senator", "lawmaker",
    "commander", "general", "diplomat", "historian", "political scientist", "politician", "member", "founder",
    "lecturer", "dean", "premier", "counselor", "counsellor", "representative", "envoy", "knowledgeable",
    "sociologist", "scientist", "specialist", "economist", "orientalist", "journalist", "observer", "commentator",
)

_NAME_TOKEN = r"[A-ZÀ-ÞА-ЯЁ][\w'’.-]*[\w]"
# _NAME_TOKEN for places where a blank or a comma must follow it: giving back characters cannot help there
# (they are no blank or comma), so the run is taken whole (possessive) and must end in a word character,
# which spares the backtracking at every capitalised word that is not followed by a name
_NAME_TOKEN_WHOLE = r"[A-ZÀ-ÞА-ЯЁ][\w'’.-]++(?<=[\w])"
# capitalised sequences (two to four name tokens) not preceded by a word character, apostrophe or hyphen.
# Written to open with the capital (its look-behind right after it) so that re searches for capitals at C
# speed instead of trying a look-behind at every position; a blank follows the first token, so that one
# is taken whole (see _NAME_TOKEN_WHOLE)
_CAP = "A-ZÀ-ÞА-ЯЁ"
_CAP_SEQ = re.compile(rf"([{_CAP}](?<![\w'’-][{_CAP}])[\w'’.-]++(?<=[\w])"
                      rf"(?:[ \t]+(?:(?:van|von|de|al|bin|el|da)[ \t]+)?{_NAME_TOKEN}){{1,3}})")


def _by_first_char(alternatives: Iterable[tuple[str, str]]) -> str:
    """One regex alternation of ``(text, pattern)`` pairs, grouped by the text's first character.

    Python's ``re`` tries every branch of an alternation at every position; grouping the branches under
    a look-ahead for their first character (``(?=(?i:[aA]))(?:branches starting with a)|...``) makes it
    try one group instead, several times faster for hundreds of names. The branches keep their order
    inside a group, and only branches of one group can match at a position (their first characters
    differ otherwise), so the matches are those of the plain alternation.
    """
    groups: dict[str, list[tuple[str, str]]] = {}
    for text, pattern in alternatives:
        groups.setdefault(text[:1].lower(), []).append((text, pattern))
    parts = []
    for members in groups.values():
        firsts = "".join(sorted({re.escape(t[:1]) for t, _ in members}))
        parts.append(f"(?=(?i:[{firsts}]))(?:" + "|".join(p for _, p in members) + ")")
    return "|".join(parts)


_ROLE_RE = _by_first_char((w, re.escape(w)) for w in sorted(set(ROLE_WORDS), key=lambda w: (-len(w), w)))
_LONG_TOKEN = re.compile(r"[\w'’-]{6,}")
_ROLE_THEN_NAME = re.compile(  # (possessive runs and first token: a blank follows them, see _NAME_TOKEN_WHOLE)
    rf"\b(?i:{_ROLE_RE})s?\b[ \t]+((?:(?:of|the|for|at|to|on|under|and)[ \t]+|[A-Z][\w'’-]*+[ \t]+|[a-z][\w-]*+[ \t]+){{0,12}}?)"
    rf"({_NAME_TOKEN_WHOLE}(?:[ \t]+{_NAME_TOKEN}){{1,2}})(?![ \t]+[A-Z])")
_NAME_THEN_ROLE = re.compile(
    rf"({_NAME_TOKEN_WHOLE}(?:[ \t]+{_NAME_TOKEN_WHOLE}){{1,2}}),[ \t]+(?:(?:a|an|the)[ \t]+)?(?:[\w-]+[ \t]+){{0,3}}?"
    rf"(?:(?i:{_ROLE_RE})|of[ \t]+the[ \t]+)")
_NAME_OF_ORG = re.compile(rf"({_NAME_TOKEN_WHOLE}(?:[ \t]+{_NAME_TOKEN_WHOLE}){{1,2}}),?[ \t]+of[ \t]+the[ \t]+[A-Z]")
_OF_THE = re.compile(r"of[ \t]+the[ \t]+[A-Z]")
_TITLE_BEFORE_NAME = re.compile(
    r"[ \t]+(?:[A-Z]|(?:of|to|for|at)[ \t]+(?:the[ \t]+)?[A-Z][\w.'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.'’-]*){2,})")
_PRONOUN = re.compile(r"(?<![\w'’-])(he|she|it|they|He|She|It|They)(?![\w'’-])")

# capitalised words that open sentences or name things, never a person's first name
_NOT_NAMES = frozenset(["the", "a", "an", "in", "on", "at", "of", "for", "and", "but", "or", "as", "by", "to", "from", "with", "after", "before", "since", "during", "despite", "while", "when", "where", "if", "this", "that", "these", "those", "there", "their", "his", "her", "its", "our", "we", "i", "you", "they", "he", "she", "it", "it's", "according", "citing", "echoing", "unlike", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "secretary", "president", "minister", "ministry", "state", "department", "foreign", "deputy", "prime", "ambassador", "professor", "associate", "head", "expert", "council", "fund", "university", "center", "centre", "institute", "republic", "federation", "union", "organization", "organisation", "council", "committee", "office", "army", "forces", "national", "central", "western", "eastern", "northern", "southern", "east", "west", "north", "south", "europe", "asia", "eurasia", "middle", "new", "old", "former", "chinese", "russian", "american", "kazakh", "ukrainian", "british", "french", "german", "soviet", "post", "still", "also", "yet", "however", "meanwhile", "indeed", "obviously", "well", "why", "what", "how", "who", "let", "associated", "press", "reuters", "getty", "images", "photo", "afp", "tass", "ap", "read"])

_SPACE = re.compile(r"\s+")
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})

# Punctuation outside ASCII that is no word character and that re's IGNORECASE equates with nothing else.
# A text of ASCII and these has ASCII word runs, and its lower-cased runs are what case-insensitive
# patterns can match in it (see _word_index).
_PLAIN_PUNCTUATION = "“”‘’‚‛«»„‟‹›—–‒‐‑―…•·′″\u00a0\u2009\u200a\u202f"
_NOT_PLAIN = re.compile("[^\\x00-\\x7f" + _PLAIN_PUNCTUATION + "]")
_WORD_RUN = re.compile(r"\w+")
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
# bytes.translate table: ASCII letters lower-cased, digits and "_" kept, every other byte a space
_RUNS_TABLE = bytes(c + 32 if 65 <= c <= 90 else c if chr(c) in _ASCII_WORD else 32 for c in range(256))


_Index = tuple[bytes, frozenset[bytes]]  # see _word_index


@lru_cache(maxsize=1024)
def _word_index(text: str) -> _Index | None:
    """(``text`` as bytes with its word runs ``\\w+`` lower-cased, every other character a space and one
    space added at either end; the set of those runs), or None for a text with characters outside
    ASCII other than plain punctuation.

    A pattern that opens with a word (the first word run of a name, cue or title, see :func:`_word_key`)
    and may only start where a word run starts can match only where that word is one of the runs: a
    set test tells which patterns to try at all, and ``bytes.find`` where (:func:`_run_starts`).
    Cached: the quotes of a paragraph ask again for the text the gazetteer scanned.
    """
    if not text.isascii() and _NOT_PLAIN.search(text):
        return None
    runs = text.encode("ascii", "replace").translate(_RUNS_TABLE)  # one byte per character
    return b" " + runs + b" ", frozenset(runs.split())


@lru_cache(maxsize=4096)
def _ascii_fold(ch: str, ignore_case: bool) -> str | None:
    """The lower-case ASCII character that matches ``ch`` in a pattern ("" when none does; None when
    several different letters would)."""
    if not ignore_case:
        return ch.lower() if ch.isascii() else ""
    rx = re.compile("(?i:" + re.escape(ch) + ")")
    hits = {c.lower() for c in map(chr, range(128)) if rx.fullmatch(c)}
    return hits.pop() if len(hits) == 1 else ("" if not hits else None)


def _fold_run(run: str, *, ignore_case: bool) -> str | None:
    """The lower-case ASCII word that matches the word run ``run`` of a pattern ("" when no ASCII word
    does; None when it cannot be told)."""
    folded = [_ascii_fold(ch, ignore_case) for ch in run]
    if None in folded:
        return None
    return "" if "" in folded else "".join(folded)  # type: ignore[arg-type]


def _word_key(literal: str, *, ignore_case: bool, last: bool = False) -> str | None:
    """The word run, lower-cased, that a text passing :func:`_word_index` has where a match of ``literal``
    starts (``last``: where the literal's last word run stands); "" when such a text cannot match it;
    None when the literal does not open with a word character (``last``: has no word character).
    Assumes that in the pattern each of the literal's word characters stands for itself, each other
    character for non-word characters, and that no word character precedes (``last``: follows) a match."""
    runs = _WORD_RUN.findall(literal)
    if not runs or not (last or _WORD_RUN.match(literal)):
        return None
    return _fold_run(runs[-1 if last else 0], ignore_case=ignore_case)


def _word_keys(literals: Iterable[str], *, ignore_case: bool, plural: bool = False,
               last: bool = False) -> frozenset[bytes] | None:
    """Keys (:func:`_word_key`) of the literals as bytes, or None when one has none or there are none (an
    empty alternation matches everywhere). ``plural``: a one-word literal may also be followed by an "s"
    in the same run ("ministers")."""
    literals = list(literals)
    if not literals:
        return None
    keys = set()
    for lit in literals:
        key = _word_key(lit, ignore_case=ignore_case, last=last)
        if key is None:
            return None
        if key:
            keys.add(key.encode())
            if plural and len(key) == len(lit):
                keys.add(key.encode() + b"s")
    return frozenset(keys)


def _run_starts(padded: bytes, keys: Iterable[bytes]) -> list[int]:
    """Sorted positions in the text of a :func:`_word_index` where a whole word run is one of ``keys``."""
    out = []
    for key in keys:
        needle = b" " + key + b" "
        i = padded.find(needle)
        while i >= 0:
            out.append(i)  # the run starts at i + 1 in ``padded``, at i in the text
            i = padded.find(needle, i + 1)
    out.sort()
    return out


_ROLE_KEYS = _word_keys(ROLE_WORDS, ignore_case=True, plural=True)  # words that can open a _ROLE_THEN_NAME match


@lru_cache(maxsize=131072)
def _norm(surface: str) -> str:
    """Fold a surface form for lookup: accents, case, apostrophes, dots, a leading 'the', a trailing 's.
    (Cached: a corpus repeats the same names.)"""
    s = unicodedata.normalize("NFKD", surface.translate(_APOS))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().replace(".", "")
    s = _SPACE.sub(" ", s).strip(" ,;:-\"'")
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"'s$", "", s)
    return s


@dataclass(frozen=True)
class Actor:
    """One canonical actor of the gazetteer."""

    name: str
    type: str
    affiliation: str
    role: str = ""
    titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    source: str = ""
    surnames: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of text that refers to an actor (``actor`` is "" when it could not be resolved)."""

    start: int
    end: int
    surface: str
    actor: str
    method: str  # exact / surname / fuzzy / title / pattern / pronoun
    type: str = ""
    candidates: tuple[str, ...] = field(default=())


class Gazetteer:
    """Canonical actors with their aliases, titles, types and affiliations.

    Args:
        actors: the actors (see :class:`Actor`).
        fuzzy_threshold: rapidfuzz ``ratio`` (0-100) above which an unknown capitalised word is taken
            as a variant spelling of a known surname (same first letter, at least 6 letters).

    Example:
        >>> g = Gazetteer.from_yaml()
        >>> g.resolve("the Secretary", context=["Ned Price", "Antony Blinken"])
        'Antony Blinken'
        >>> g.resolve("Tiluberdi")
        'Mukhtar Tileuberdi'
    """

    def __init__(self, actors: Iterable[Actor], *, fuzzy_threshold: float = 86.0) -> None:
        self.actors: dict[str, Actor] = {}
        for a in actors:
            if a.type not in ACTOR_TYPES:
                raise ValueError(f"Actor {a.name!r} has type {a.type!r}; use one of {ACTOR_TYPES}.")
            if a.name in self.actors:
                raise ValueError(f"Actor {a.name!r} is listed twice in the gazetteer; merge the entries.")
            self.actors[a.name] = a
        self.fuzzy_threshold = float(fuzzy_threshold)
        self._alias: dict[str, list[str]] = {}
        self._surname: dict[str, list[str]] = {}
        self._title: dict[str, list[str]] = {}
        surface_forms: dict[str, bool] = {}  # surface -> case-sensitive?
        for a in self.actors.values():
            forms = [a.name, *a.aliases]
            for form in forms:
                self._add(self._alias, _norm(form), a.name)
                surface_forms[form] = len(form) <= 4 or form.isupper()
            if a.type == "person":
                for sn in (*self._surnames(a), *a.surnames):
                    self._add(self._surname, _norm(sn), a.name)
                    surface_forms.setdefault(sn, False)
            for t in a.titles:
                self._add(self._title, _norm(t), a.name)
        # persons' surnames that equal another actor's alias (e.g. a country) are not surnames
        for key in list(self._surname):
            if key in self._alias and not set(self._alias[key]) & set(self._surname[key]):
                del self._surname[key]
        self._surname_keys = tuple(sorted(k for k in self._surname if len(k) >= 6))
        self._surname_by_initial: dict[str, tuple[str, ...]] = {}
        for k in self._surname_keys:
            self._surname_by_initial[k[:1]] = (*self._surname_by_initial.get(k[:1], ()), k)
        self._fuzzy_cache: dict[str, str | None] = {}
        self._fuzzy_seq_cache: dict[str, list[tuple[int, int, str, str]]] = {}
        self._candidate_cache: dict[str, tuple[tuple[str, ...], str]] = {}
        alts = []
        for form in sorted(surface_forms, key=lambda f: (-len(f), f)):
            lit = re.escape(form).replace(r"\ ", r"[ \t]+").replace(r"\-", r"[-‐‑–]")
            alts.append((form, lit if surface_forms[form] else f"(?i:{lit})"))
        self._matcher = re.compile(r"(?<![\w'’.-])(?:" + _by_first_char(alts) + r")(?![\w])")
        # the matcher is tried only where the first word of a surface form stands whose words all occur
        self._form_words = self._index_forms(surface_forms)
        forms = self._form_words or {}
        self._one_word_forms = frozenset(k for k, v in forms.items() if frozenset([k]) in v)
        self._longer_forms = frozenset(k for k in forms if k not in self._one_word_forms)
        # first and last words of the titles: the title pattern is tried only where both kinds occur
        titles = [t for a in self.actors.values() for t in a.titles]
        self._title_keys = (_word_keys(titles, ignore_case=True), _word_keys(titles, ignore_case=True, last=True))
        title_pats = {re.escape(t).replace(r"\ ", r"[ \t]+"): t for a in self.actors.values() for t in a.titles}
        title_alts = _by_first_char((title_pats[pat], pat) for pat in sorted(title_pats, key=lambda x: (-len(x), x)))
        # possessive runs (++, *+): what follows each ("'s", a blank) is no character of the run, so giving
        # characters back never helps and only costs time at every capitalised word
        self._title_re = re.compile(
            r"(?<![\w])(?:(?:the|The|its|Its|his|His|her|Her|their|Their)[ \t]+(?:[\w.]++(?:'s|’s)[ \t]+)?"
            r"|[A-Z][\w.]*+(?:'s|’s)[ \t]+)"
            r"((?:(?!(?:to|a|an|of|in|on|at|for|as|and|the|who|which|that)\b)[\w.'’-]++[ \t]+){0,3}?)"
            r"((?i:" + title_alts + r"))(?![\w])")

    # ------------------------------------------------------------------------------ construction
    @staticmethod
    def _add(index: dict[str, list[str]], key: str, name: str) -> None:
        if key and name not in index.setdefault(key, []):
            index[key].append(name)

    @staticmethod
    def _surnames(a: Actor) -> list[str]:
        out = []
        parts = a.name.split()
        if len(parts) >= 2 and len(parts[-1]) > 2:
            out.append(parts[-1])
        if len(parts) == 2 and len(parts[-1]) <= 3:  # East Asian order: family name first (Wang Yi)
            out.append(parts[0])
        return out

    @staticmethod
    def _index_forms(forms: dict[str, bool]) -> dict[bytes, tuple[frozenset[bytes], ...]] | None:
        """First word -> the word sets of the surface forms that open with it (see :func:`_word_key`;
        ``forms``: surface form -> case-sensitive?), or None when a form has no such words."""
        out: dict[bytes, list[frozenset[bytes]]] = {}
        for form, case_sensitive in forms.items():
            first = _word_key(form, ignore_case=not case_sensitive)
            words = [_fold_run(w, ignore_case=not case_sensitive) for w in _WORD_RUN.findall(form)]
            if first is None or None in words:
                return None
            if first and "" not in words:  # else it cannot match a text of ASCII words
                out.setdefault(first.encode(), []).append(frozenset(w.encode() for w in words))  # type: ignore[union-attr]
        return {k: tuple(sorted(v, key=len)) for k, v in out.items()}

    def _form_keys(self, index: _Index) -> frozenset[bytes] | set[bytes]:
        """First words of the surface forms whose words all occur in the indexed text."""
        words = index[1]
        keys = words & self._one_word_forms
        for k in words & self._longer_forms:
            if any(w <= words for w in self._form_words[k]):  # type: ignore[index]
                keys = keys | {k}
        return keys

    @classmethod
    def from_yaml(cls, path: str | Path | None = None, **kwargs) -> Gazetteer:
        """Load a gazetteer from YAML (default: the bundled ``kzlib/data/actors.yaml``).

        Example:
            >>> len(Gazetteer.from_yaml().actors) > 50
            True
        """
        if path is None:
            text = resources.files("kzlib.data").joinpath("actors.yaml").read_text("utf-8")
        else:
            p = Path(path)
            if not p.is_file():
                raise FileNotFoundError(f"Gazetteer file {p} does not exist; pass a YAML file with an 'actors' list.")
            text = p.read_text("utf-8")
        data = yaml.safe_load(text) or {}
        rows = data.get("actors") if isinstance(data, dict) else None
        if not rows:
            raise ValueError(f"Gazetteer {path or 'actors.yaml'} has no 'actors' list; see kzlib/data/actors.yaml.")
        actors = []
        for i, row in enumerate(rows):
            missing = [k for k in ("name", "type", "affiliation") if not row.get(k)]
            if missing:
                raise ValueError(f"Gazetteer entry {i} ({row.get('name', '?')}) lacks {missing}; every actor needs them.")
            actors.append(Actor(
                name=str(row["name"]), type=str(row["type"]), affiliation=str(row["affiliation"]),
                role=str(row.get("role") or ""), titles=tuple(str(t).lower() for t in row.get("titles") or ()),
                aliases=tuple(str(x) for x in row.get("aliases") or ()), source=str(row.get("source") or ""),
                surnames=tuple(str(x) for x in row.get("surnames") or ()),
            ))
        return cls(actors, **kwargs)

    # ------------------------------------------------------------------------------ look-ups
    def __contains__(self, name: str) -> bool:
        return name in self.actors

    def __len__(self) -> int:
        return len(self.actors)

    def affiliation(self, name: str) -> str:
        """Country or bloc of a canonical actor, "" if unknown.

        Example:
            >>> Gazetteer.from_yaml().affiliation("Wang Wenbin")
            'China'
        """
        a = self.actors.get(name)
        return a.affiliation if a else ""

    def type_of(self, name: str) -> str:
        """Type (person / organisation / state / bloc / media) of a canonical actor, "" if unknown."""
        a = self.actors.get(name)
        return a.type if a else ""

    def to_frame(self) -> pd.DataFrame:
        """The gazetteer as a table (one row per actor), sorted by name."""
        rows = [{"name": a.name, "type": a.type, "affiliation": a.affiliation, "role": a.role,
                 "titles": "; ".join(a.titles), "aliases": "; ".join(a.aliases), "source": a.source}
                for a in self.actors.values()]
        return pd.DataFrame(rows).sort_values("name", kind="stable", ignore_index=True)

    def _candidates(self, surface: str) -> tuple[tuple[str, ...], str]:
        """(canonical names the surface may name, how it matched); cached per surface."""
        hit = self._candidate_cache.get(surface)
        if hit is None:
            hit = self._candidates_uncached(surface)
            if len(self._candidate_cache) < 200_000:
                self._candidate_cache[surface] = hit
        return hit

    def _candidates_uncached(self, surface: str) -> tuple[tuple[str, ...], str]:
        key = _norm(surface)
        if not key:
            return (), ""
        if key in self._alias:
            return tuple(self._alias[key]), "exact"
        if key in self._surname:
            return tuple(self._surname[key]), "surname"
        toks = key.split()
        if len(toks) > 1 and toks[-1] in self._surname:  # "Georgy Asatryan": unknown first-name spelling
            return tuple(self._surname[toks[-1]]), "surname"
        fuzzy = self._fuzzy(toks[-1]) if toks else None
        if fuzzy:
            return tuple(self._surname[fuzzy]), "fuzzy"
        return (), ""

    def _fuzzy(self, token: str) -> str | None:
        """The known surname ``token`` is a variant spelling of (cached per token)."""
        try:
            return self._fuzzy_cache[token]
        except KeyError:
            pass
        hit = None
        if len(token) >= 6 and token not in _NOT_NAMES:
            pool = [k for k in self._surname_by_initial.get(token[:1], ()) if abs(len(k) - len(token)) <= 3]
            if pool:
                best = process.extractOne(token, pool, scorer=fuzz.ratio, score_cutoff=self.fuzzy_threshold)
                hit = best[0] if best else None
        if len(self._fuzzy_cache) < 200_000:
            self._fuzzy_cache[token] = hit
        return hit

    def _title_candidates(self, title: str, modifiers: str = "") -> tuple[list[str], str]:
        key = _norm(title)
        cands = list(self._title.get(key, []))
        aff = ""
        for w in _norm(modifiers).split() + key.split():
            if w in _DEMONYMS:
                aff = _DEMONYMS[w]
        if aff:
            narrowed = [c for c in cands if self.actors[c].affiliation == aff]
            if narrowed:
                cands = narrowed
            elif self._title.get(_norm(f"{aff} {key}")):
                cands = list(self._title[_norm(f"{aff} {key}")])
            else:
                cands = []
        return cands, aff

    def resolve(self, surface: str, *, context: Sequence[str] | str | None = None) -> str:
        """Canonical name for a surface form, or "" when it names no known actor.

        Args:
            surface: a name, alias, surname, variant spelling or title ("the ministry").
            context: actors mentioned before, oldest first (canonical names), or the text that
                preceded the reference; used for surnames shared by several actors and for titles.

        Example:
            >>> g = Gazetteer.from_yaml()
            >>> g.resolve("the ministry", context="the Russian Foreign Ministry issued a statement")
            'Russian Foreign Ministry'
        """
        if isinstance(context, str):
            context = [m.actor for m in self.scan(context) if m.actor]
        recent = list(context or [])
        cands, _ = self._candidates(surface)
        if not cands:
            m = self._title_re.fullmatch(surface.strip()) or self._title_re.fullmatch("the " + surface.strip())
            if m:
                cands, _ = self._title_candidates(m.group(2), m.group(1) + " " + surface[: m.start(1)])
        return self._pick(cands, recent)

    def _pick(self, cands: Sequence[str], recent: Sequence[str]) -> str:
        if not cands:
            return ""
        if len(cands) == 1:  # the context can only confirm it
            return cands[0]
        for name in reversed(recent):
            if name in cands:
                return name
        return cands[0] if len(cands) == 1 else ""

    def _fuzzy_tokens(self, seq: str) -> list[tuple[int, int, str, str]]:
        """(start, end, token, surname key) of the long tokens of a capitalised sequence that are variant
        spellings of a known surname (cached per sequence: most sequences have none)."""
        hit = self._fuzzy_seq_cache.get(seq)
        if hit is None:
            hit = []
            for tm in _LONG_TOKEN.finditer(seq):
                if tm.group(0).lower() not in _NOT_NAMES and (key := self._fuzzy(_norm(tm.group(0)))):
                    hit.append((tm.start(), tm.end(), tm.group(0), key))
            if len(self._fuzzy_seq_cache) < 200_000:
                self._fuzzy_seq_cache[seq] = hit
        return hit

    # ------------------------------------------------------------------------------ scanning text
    def scan(self, text: str, *, context: Sequence[str] | None = None, unknown: bool = True) -> list[Mention]:
        """All actor mentions in ``text``, in order: aliases, surnames, fuzzy variants, titles in
        context and (``unknown=True``) pattern-found persons not in the gazetteer.

        Example:
            >>> [m.actor for m in Gazetteer.from_yaml().scan("Blinken spoke to Tlebardi.")]
            ['Antony Blinken', 'Mukhtar Tileuberdi']
        """
        recent = list(context or [])
        found: list[Mention] = []
        taken = bytearray(len(text))

        def claim(s: int, e: int) -> bool:
            if any(taken[s:e]):
                return False
            taken[s:e] = b"\x01" * (e - s)
            return True

        index = _word_index(text)
        spans: list[tuple[int, int, str, list[str], str]] = []
        form_keys = self._form_keys(index) if index is not None and self._form_words is not None else None
        for m in _matches_at_words(self._matcher, text, index, form_keys):
            surface = m.group(0)
            if surface[:1].islower() and _norm(surface) in ("us", "america") and surface != "america":
                continue
            cands, method = self._candidates(surface)
            if cands:  # (matches do not overlap: nothing is taken yet)
                s, e = m.span()
                taken[s:e] = b"\x01" * (e - s)
                spans.append((s, e, surface, cands, method))
        may_title = _may_match(index, self._title_keys[0]) and _may_match(index, self._title_keys[1])
        titles = self._title_re.finditer(text) if may_title else ()
        for m in titles:
            s, e = m.start(), m.end()
            inside = [sp for sp in spans if sp[0] < e and sp[1] > s]
            if any(sp[1] > m.start(2) or self.type_of(sp[3][0]) not in ("state", "bloc") for sp in inside):
                continue
            for sp in inside:
                spans.remove(sp)
                taken[sp[0]:sp[1]] = b"\x00" * (sp[1] - sp[0])
            if _TITLE_BEFORE_NAME.match(text, e):
                continue  # "Secretary of State Antony Blinken", "the Expert Council": a name follows
            cands, _ = self._title_candidates(m.group(2), text[s:m.start(2)])
            if claim(s, e):
                spans.append((s, e, text[s:e], cands, "title"))
        if unknown:
            for s, e, surface in _unknown_people(text, index):
                if any(taken[s:e]):
                    continue
                cands, method = self._candidates(surface)
                if claim(s, e):
                    spans.append((s, e, surface, cands or [surface], method or "pattern"))
            for m in _CAP_SEQ.finditer(text):  # fuzzy variants of known surnames among other capitalised words
                at = m.start(1)
                for ts, te, token, hit in self._fuzzy_tokens(m.group(1)):
                    if claim(at + ts, at + te):
                        spans.append((at + ts, at + te, token, list(self._surname[hit]), "fuzzy"))
        spans.sort()
        for s, e, surface, cands, method in spans:
            actor = self._pick(cands, recent) if method != "pattern" else cands[0]
            if method == "title" and not actor and len(cands) > 1:
                actor = ""
            typ = self.type_of(actor) if actor in self.actors else ("person" if method == "pattern" else "")
            found.append(Mention(s, e, surface, actor, method, typ, tuple(cands)))
            if actor:
                recent.append(actor)
        return found


def _plausible_name(name: str) -> bool:
    toks = name.split()
    if len(toks) < 2 or len(toks) > 4:
        return False
    if any(t.lower().strip(".'’") in _NOT_NAMES for t in toks):
        return False
    return not any(t.isupper() and len(t) > 1 for t in toks)


def _may_match(index: _Index | None, keys: frozenset[bytes] | None) -> bool:
    """Whether a pattern that opens with one of ``keys`` (see :func:`_word_key`) may match the indexed text."""
    return index is None or keys is None or not index[1].isdisjoint(keys)


def _matches_at_words(rx: re.Pattern, text: str, index: _Index | None,
                      keys: Iterable[bytes] | None) -> Iterator[re.Match]:
    """``rx.finditer(text)`` for a pattern that can only start where a word run in ``keys`` starts,
    tried only there (``index``: the text's :func:`_word_index`)."""
    if index is None or keys is None:
        yield from rx.finditer(text)
        return
    end = 0
    for pos in _run_starts(index[0], index[1].intersection(keys)):
        if pos >= end and (m := rx.match(text, pos)):
            end = m.end()
            yield m


def _unknown_people(text: str, index: _Index | None = None) -> list[tuple[int, int, str]]:
    """Person names found by pattern: after a role word, or before an appositive role / 'of the'.
    ``index``: the text's :func:`_word_index`, to skip the role-first pattern when no role word occurs."""
    out = []
    for rx, grp in ((_ROLE_THEN_NAME, 2), (_NAME_THEN_ROLE, 1), (_NAME_OF_ORG, 1)):
        if rx is _ROLE_THEN_NAME:
            matches: Iterable[re.Match] = _matches_at_words(rx, text, index, _ROLE_KEYS)
        elif rx is _NAME_OF_ORG and not _OF_THE.search(text):  # cheap (literal prefix) and necessary
            continue
        else:
            matches = rx.finditer(text)
        for m in matches:
            name = m.group(grp)
            if _plausible_name(name):
                out.append((m.start(grp), m.end(grp), name))
    return sorted(set(out))


@lru_cache(maxsize=8)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.from_yaml()


def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once."""
    return _default_gazetteer()


def find_mentions(sentences: pd.DataFrame, *, gazetteer: Gazetteer | None = None,
                  unknown: bool = True) -> pd.DataFrame:
    """Actor mentions in each sentence: one row per mention.

    Titles ("the ministry") and shared surnames are resolved against the actors mentioned earlier
    in the same document. Rows for persons found by pattern but absent from the gazetteer carry
    ``known=False`` and their own name as ``actor``.

    Args:
        sentences: table with ``doc_id``, ``sentence_id``, ``text`` (see CONTRIBUTING.md).
        gazetteer: defaults to the bundled one.
        unknown: also report persons found by pattern who are not in the gazetteer.

    Returns:
        DataFrame with ``doc_id``, ``sentence_id``, ``actor``, ``surface``, ``start``, ``end``
        (offsets in the sentence text), ``type``, ``affiliation``, ``method``, ``known``.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d"], "sentence_id": [0], "text": ["Toqaev met Putin."]})
        >>> find_mentions(s)["actor"].tolist()
        ['Kassym-Jomart Tokayev', 'Vladimir Putin']
    """
    cols = ["doc_id", "sentence_id", "actor", "surface", "start", "end", "type", "affiliation", "method", "known"]
    missing = {"doc_id", "sentence_id", "text"} - set(sentences.columns)
    if missing:
        raise ValueError(f"find_mentions needs a sentences table with columns doc_id, sentence_id, text; "
                         f"missing {sorted(missing)}. Use Corpus.sentences from kzlib.prepare().")
    g = gazetteer or default_gazetteer()
    rows = []
    ordered = sentences.sort_values(["doc_id", "sentence_id"], kind="stable")
    for doc_id, group in ordered.groupby("doc_id", sort=True):
        recent: list[str] = []
        for sid, text in zip(group["sentence_id"].tolist(), group["text"].tolist()):
            for m in g.scan(str(text), context=recent, unknown=unknown):
                if not m.actor:
                    continue
                known = m.actor in g.actors
                rows.append((doc_id, int(sid), m.actor, m.surface, m.start, m.end,
                             m.type if known else "person", g.affiliation(m.actor), m.method, known))
                recent.append(m.actor)
            recent = recent[-50:]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["doc_id", "sentence_id", "start"], kind="stable", ignore_index=True)


# ------------------------------------------------------------------------------------------ open-world names
@dataclass(frozen=True)
class NameSpan:
    """A proper name found in running text without a gazetteer (see :func:`find_names`).

    ``start``/``end`` cover the whole surface (title included, possessive excluded); ``name`` is the
    name without its title ("Ted Cruz" of "Sen. Ted Cruz"); ``type`` is person / organisation /
    media / "" (unknown); ``gender`` m / f / "" from an honorific or a given name.
    """

    start: int
    end: int
    surface: str
    name: str
    title: str
    type: str
    gender: str
    possessive: bool


@dataclass(frozen=True)
class _SpeakerWords:
    titles: dict[str, str]  # title (lower) -> gender m / f / ""
    title_re: re.Pattern
    org: frozenset[str]
    media: frozenset[str]
    not_names: frozenset[str]
    role_gender: dict[str, str]  # role noun -> m / f / "" / "org"
    first: dict[str, str]  # given name -> m / f
    role_classes: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)  # role -> titles' word sets


@lru_cache(maxsize=1)
def speaker_words() -> _SpeakerWords:
    """The word lists of ``kzlib/data/speaker_words.yaml`` (loaded once)."""
    d = yaml.safe_load(resources.files("kzlib.data").joinpath("speaker_words.yaml").read_text("utf-8"))
    titles: dict[str, str] = {}
    for g in ("m", "f", "any"):
        for t in d["titles"][g]:
            titles[str(t).lower()] = "" if g == "any" else g
    alts = sorted(titles, key=len, reverse=True)
    title_re = re.compile(r"(?:(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in alts)
                          + r")(?![\w'’-])\s*)+", re.IGNORECASE)
    roles: dict[str, str] = {}
    for g in ("m", "f", "any", "organisation"):
        for r in d["roles"][g]:
            roles[str(r).lower()] = {"any": "", "organisation": "org"}.get(g, g)
    first = {str(n): g for g in ("m", "f") for n in d["first_names"][g]}
    return _SpeakerWords(titles, title_re, frozenset(map(str, d["organisation_words"]["words"])),
                         frozenset(map(str, d["organisation_words"]["media"])),
                         frozenset(map(str, d["not_names"]["words"])), roles, first,
                         {str(r).lower(): tuple(frozenset(str(t).lower().split()) for t in ts)
                          for r, ts in (d.get("role_classes") or {}).get("classes", {}).items()})


_NAME_RUN = re.compile(
    r"[A-Z](?<![\w'’-][A-Z])(?:[\w'’&.-]*[\w.])?"  # (the capital first: searched for at C speed)
    r"(?:[ \t]+(?:(?:of|the|for|de|van|von|bin|al|da|del|la|le|du)[ \t]+)*(?:[A-Z][\w'’&.-]*[\w.]|[A-Z]\.?))*")
_NAME_TOKENS = re.compile(r"\S+")
_ABBREV_OK = re.compile(r"^(?:[A-Z]\.|[A-Z][a-z]{0,2}\.|(?:[A-Z]\.){2,})$")
_APOS_SPLIT = re.compile(r"['’]")
_CONNECTORS = frozenset(["of", "the", "for", "de", "van", "von", "bin", "al", "da", "del", "la", "le", "du"])


def find_names(text: str) -> list[NameSpan]:
    """Proper names of persons, organisations and media in English text, found from capitalisation
    alone (no gazetteer): runs of capitalised words, with titles ("Sen.", "Secretary of State") and
    sentence-initial function words split off and a possessive "'s" left out.

    Example:
        >>> [(n.name, n.title, n.type, n.gender) for n in find_names("Sen. Ted Cruz told The New York Times.")]
        [('Ted Cruz', 'Sen.', 'person', 'm'), ('New York Times', '', 'media', '')]
    """
    w = speaker_words()
    out: list[NameSpan] = []
    for m in _NAME_RUN.finditer(text):
        toks = [(t.start() + m.start(), t.end() + m.start(), t.group(0)) for t in _NAME_TOKENS.finditer(m.group(0))]
        # a token ending a sentence ("Trump. The") ends the run unless it is an initial or abbreviation
        runs: list[list[tuple[int, int, str]]] = [[]]
        for s, e, t in toks:
            runs[-1].append((s, e, t))
            if t.endswith(".") and not _ABBREV_OK.match(t) and t.lower() not in w.titles:
                runs[-1][-1] = (s, e - 1, t[:-1])
                runs.append([])
        for run in runs:
            _name_of_run(text, run, w, out)
    return out


def _name_of_run(text: str, run: list[tuple[int, int, str]], w: _SpeakerWords, out: list[NameSpan]) -> None:
    if not run:
        return
    at = run[0][0]
    for hit in _name_of_seg(text[at:run[-1][1]]):
        out.append(NameSpan(at + hit.start, at + hit.end, *astuple_rest(hit)))


def astuple_rest(n: NameSpan) -> tuple:
    return n.surface, n.name, n.title, n.type, n.gender, n.possessive


@lru_cache(maxsize=65536)
def _name_of_seg(seg: str) -> tuple[NameSpan, ...]:
    """The name of one run of capitalised words (offsets relative to the run; cached per run text:
    names recur)."""
    w = speaker_words()
    text = seg
    run = [(t.start(), t.end(), t.group(0)) for t in _NAME_TOKENS.finditer(seg)]
    out: list[NameSpan] = []
    _name_of_tokens(text, run, w, out)
    return tuple(out)


_HYPHEN_ADJ = re.compile(r"[A-Z][\w.'’]*-[a-z]{3,}")


def _inner_title(surface: str, w: _SpeakerWords) -> int:
    """Where the name starts after a title inside a capitalised run whose first words are a place or
    body ("United States Secretary of State Anthony Blinken", "CSTO Secretary General Stanislav Zas"):
    the end of the first title that stands after the first word and is followed by one to three
    capitalised words with no organisation word among them; 0 when there is none."""
    for tok in _NAME_TOKENS.finditer(surface):
        if tok.start() == 0:
            continue
        tm = w.title_re.match(surface, tok.start())
        if not tm or tm.end() >= len(surface) or surface[tm.end() - 1] != " ":
            continue
        rest = surface[tm.end():].split()
        if 1 <= len(rest) <= 3 and rest[0][:1].isupper() and rest[0] not in w.not_names \
                and not any(x.strip(".,") in w.org or x.strip(".,") in w.media for x in rest):
            return tm.end()
        return 0
    return 0


def _name_of_tokens(text: str, run: list[tuple[int, int, str]], w: _SpeakerWords, out: list[NameSpan]) -> None:
    while run and (run[0][2] in w.not_names or run[0][2].lower() in _CONNECTORS
                   or _APOS_SPLIT.split(run[0][2])[0] in w.not_names):
        run = run[1:]
    while run and run[-1][2].lower() in _CONNECTORS:
        run = run[:-1]
    if not run:
        return
    possessive = False
    s, e, t = run[-1]
    if t.endswith(("'s", "’s")) or t.endswith(("s'", "s’")) and len(t) > 3:
        cut = 2 if t.endswith(("'s", "’s")) else 1
        run[-1] = (s, e - cut, t[:-cut])
        possessive = True
    start, end = run[0][0], run[-1][1]
    surface = text[start:end]
    gender = ""
    name_at = 0
    while True:  # titles and nationality adjectives before the name: "Russian President", "Sen."
        rest = surface[name_at:]
        tm = w.title_re.match(rest)
        first = rest.split(" ", 1)[0]
        if tm and tm.end() < len(rest):
            for part in rest[:tm.end()].split():
                gender = w.titles.get(part.lower(), "") or gender
            gender = w.titles.get(rest[:tm.end()].strip().lower(), "") or gender
            name_at += tm.end()
        elif first.lower().strip(".") in _DEMONYMS and " " in rest or first.lower() in _CONNECTORS and " " in rest and name_at:
            name_at += len(first) + 1
        else:
            break
        while name_at < len(surface) and surface[name_at] == " ":
            name_at += 1
    if not name_at and surface.count(" ") >= 2:
        name_at = _inner_title(surface, w)  # "United States Secretary of State Anthony Blinken"
    title = surface[:name_at].strip()
    name = surface[name_at:].strip()
    if not name or name.split()[0] in w.not_names:
        return
    words = name.split()
    if len(words) == 1 and _HYPHEN_ADJ.fullmatch(name):
        return  # "Russian-backed", "Kremlin-friendly": an adjective, not a name
    if len(words) == 1 and (len(name) == 1 or name.lower() in _DEMONYMS):
        return
    if w.title_re.fullmatch(surface + " "):
        return  # a title alone ("Secretary of State"): the gazetteer's titles and descriptions handle it
    if " of " in name and words[0].strip(".") in w.first:  # "John Herbst of the Atlantic Council"
        name = name[:name.index(" of ")]
        end = start + name_at + len(name) if name_at else start + len(name)
        surface = text[start:end]
        words = name.split()
        _name_of_tokens(text, [t for t in run if t[0] > end], w, rest_out := [])
    else:
        rest_out = []
    bare = [x.strip(".,") for x in words]
    if title and any(x in w.org or x in w.media for x in bare):  # "Senate Judiciary Committee": no title
        name, title, words, gender = surface, "", surface.split(), ""
        bare = [x.strip(".,") for x in words]
    if any(x in w.media for x in bare):
        typ = "media"
    elif any(x in w.org for x in bare):
        typ = "organisation"
    elif title or bare[0] in w.first:
        typ = "person"
    elif len(words) == 1 and name.isupper() and len(name) > 1:
        typ = "organisation"
    else:
        typ = ""
    if not gender and typ == "person":
        gender = w.first.get(bare[0], "")
    out.append(NameSpan(start, end, surface, name, title, typ, gender, possessive))
    out.extend(rest_out)
