"""The gazetteer of canonical actors and the mentions of them in text (see :mod:`kzlib.actors`).

Example:
    >>> Gazetteer.from_yaml().resolve("Toqaev")
    'Kassym-Jomart Tokayev'
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml
from rapidfuzz import fuzz, process

from kzlib.actors._bounds import OTHER_HOLDER, inside_longer_name, may_be_inside
from kzlib.actors._given import reads_as_title
from kzlib.actors._people import (  # (the name patterns: where tests and callers have read them)
    _NAME_OF_ORG,  # noqa: F401
    _NAME_THEN_ROLE,  # noqa: F401
    _NAME_TOKEN,
    _NAME_TOKEN_WHOLE,  # noqa: F401
    _NOT_NAMES,
    _OF_THE,  # noqa: F401
    _ROLE_KEYS,  # noqa: F401
    _ROLE_THEN_NAME,  # noqa: F401
    ROLE_WORDS,
    _unknown_people,
    plausible_name,
)
from kzlib.actors._roles import Role, as_date, parse_roles, role_at, titles_at
from kzlib.actors._skip import Span, spans_outside
from kzlib.actors._words import _ABBREVIATIONS, _ADJECTIVES, _DEMONYMS, speaker_words
from kzlib.errors import ParameterError, ResourceError
from kzlib.text.phrases import (
    PhraseMatcher,
    may_match,
    phrase_alternation,
    word_index,
    word_keys,
)

__all__ = ["Actor", "Gazetteer", "Mention", "default_gazetteer", "plausible_name", "ACTOR_TYPES",
           "ROLE_WORDS"]

log = logging.getLogger("kzlib.actors")   # the stage's logger, as before the split

ACTOR_TYPES = ("person", "organisation", "state", "bloc", "media")


#: Words that open a noun's complement or a relative clause: a country after them is no affiliation ("of" is not
#: one: "the leaders of the CSTO countries", "officials of Kazakhstan" belong to it).
_COMPLEMENT_OPENERS = frozenset("on about against to with for who that which whom whose at by".split())

# capitalised sequences (two to four name tokens) not preceded by a word character, apostrophe or hyphen.
# Written to open with the capital (its look-behind right after it) so that re searches for capitals at C
# speed instead of trying a look-behind at every position; a blank follows the first token, so that one
# is taken whole (see _NAME_TOKEN_WHOLE)
_CAP = "A-ZÀ-ÞА-ЯЁ"
_CAP_SEQ = re.compile(rf"([{_CAP}](?<![\w'’-][{_CAP}])[\w'’.-]++(?<=[\w])"
                      rf"(?:[ \t]+(?:(?:van|von|de|al|bin|el|da)[ \t]+)?{_NAME_TOKEN}){{1,3}})")


_LONG_TOKEN = re.compile(r"[\w'’-]{6,}")
#: The capitalised word before a name, over middle initials ("Robert M. Price": "Robert").
#: Where a sentence opens: the text's start, or a full stop, question or exclamation mark (and a quotation mark)
#: and a blank, or a line break, before the word.
_SENTENCE_OPEN = re.compile(r"(?:\A|[.!?][\"'”’)]*\s+|\n\s*|[\"“‘]\s*)\Z")
#: Capitalised words after a one-word name that end in a company's suffix ("Price Stern Sloan Inc.",
#: "Lazard Freres & Co."): the name is a word of the company's (session 21).
_COMPANY_AFTER = re.compile(r"(?:\s+(?:&\s+)?[A-Z][\w'’&.-]*){0,4}?\s+(?:&\s+)?(?:Inc|Corp|Co|Cos|Ltd|LLC|PLC|Plc|"
                            r"Group|Holdings|Bros|Partners|Associates|Brothers|Company|Corporation|Incorporated)\b")
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÀ-ÞА-ЯЁ][\w'’-]*)[ \t]+(?:[A-ZÀ-ÞА-ЯЁ]\.[ \t]*)*$")
_NAME_AFTER = re.compile(r"[ \t]+[A-ZÀ-ÞА-ЯЁ]")
_TITLE_BEFORE_NAME = re.compile(
    r"[ \t]+(?:[A-Z]|(?:of|to|for|at)[ \t]+(?:the[ \t]+)?[A-Z][\w.'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.'’-]*){2,})")


_SPACE = re.compile(r"\s+")
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})

_ROLE_SET = frozenset(ROLE_WORDS)


def _add_form(forms: dict[str, bool], form: str, lower_forms: set[str]) -> None:
    """Add a gazetteer surface form to the matcher's ``forms`` (form -> case-sensitive?): as written, and in
    capitals when it has small letters; a form written with a small first letter ("america", "the Kremlin") in
    any case (its normalised key then goes to ``lower_forms``)."""
    if form[:1].islower():
        forms[form] = False
        lower_forms.add(_norm(form))
        return
    forms.setdefault(form, True)
    if form.upper() != form:
        forms.setdefault(form.upper(), True)


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
    #: dated offices (see :mod:`kzlib.actors._roles`); empty: undated, ``role`` and ``titles`` hold at every date
    roles: tuple[Role, ...] = ()


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

    def __init__(self, start: int, end: int, surface: str, actor: str, method: str, type: str = "",  # noqa: A002
                 candidates: tuple[str, ...] = ()) -> None:
        # the fields written into the instance's dict: a frozen dataclass's own __init__ sets each through
        # object.__setattr__, three times slower, and the quotes stage makes hundreds of thousands
        # (tests/test_actors.py checks that this signature lists the fields in order)
        d = self.__dict__
        d["start"], d["end"], d["surface"], d["actor"] = start, end, surface, actor
        d["method"], d["type"], d["candidates"] = method, type, candidates


#: Given names that are also common words opening a sentence or clause ("Will Putin send troops?", "Hope Tokayev
#: listens", "Grant Tokayev some credit"): before a surname they are no evidence of another person.
_WORD_GIVEN = frozenset("will hope mark grant may june april rich bill pat sue ray rob drew chase faith trust earnest frank".split())


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
                raise ResourceError(f"Actor {a.name!r} has type {a.type!r}; use one of {ACTOR_TYPES}.")
            if a.name in self.actors:
                raise ResourceError(f"Actor {a.name!r} is listed twice in the gazetteer; merge the entries.")
            self.actors[a.name] = a
        self.fuzzy_threshold = float(fuzzy_threshold)
        self._alias: dict[str, list[str]] = {}
        self._surname: dict[str, list[str]] = {}
        self._title: dict[str, list[str]] = {}
        surface_forms: dict[str, bool] = {}  # surface -> case-sensitive?
        # a form matches as written (a name keeps its capital: "price" is no Ned Price), or in capitals ("TOKAYEV",
        # a headline); one the YAML writes in lower case ("america") in any case
        self._lower_forms: set[str] = set()
        for a in self.actors.values():
            forms = [a.name, *a.aliases]
            for form in forms:
                self._add(self._alias, _norm(form), a.name)
                _add_form(surface_forms, form, self._lower_forms)
            if a.type == "person":
                for sn in (*self._surnames(a), *a.surnames):
                    self._add(self._surname, _norm(sn), a.name)
                    _add_form(surface_forms, sn, self._lower_forms)
            for t in (*a.titles, *(t for r in a.roles for t in r.titles)):
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
        self._titles_cache: dict[tuple[str, object], frozenset[str]] = {}
        self._surface_cache: dict[str, tuple[tuple[str, ...], str, bool]] = {}
        # tried only where the first word of a surface form stands whose words all occur (see PhraseMatcher)
        self._matcher = PhraseMatcher(surface_forms)
        # first and last words of the titles: the title pattern is tried only where both kinds occur
        titles = [t for a in self.actors.values() for t in (*a.titles, *(t for r in a.roles for t in r.titles))]
        self._title_keys = (word_keys(titles, ignore_case=True), word_keys(titles, ignore_case=True, last=True))
        title_pats = {re.escape(t).replace(r"\ ", r"[ \t]+"): t for t in titles}
        title_alts = phrase_alternation((title_pats[pat], pat) for pat in sorted(title_pats, key=lambda x: (-len(x), x)))
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
            raise ResourceError(f"Gazetteer {path or 'actors.yaml'} has no 'actors' list; see kzlib/data/actors.yaml.")
        actors = []
        for i, row in enumerate(rows):
            missing = [k for k in ("name", "type", "affiliation") if not row.get(k)]
            if missing:
                raise ResourceError(f"Gazetteer entry {i} ({row.get('name', '?')}) lacks {missing}; every actor needs them.")
            actors.append(Actor(
                name=str(row["name"]), type=str(row["type"]), affiliation=str(row["affiliation"]),
                role=str(row.get("role") or ""), titles=tuple(str(t).lower() for t in row.get("titles") or ()),
                aliases=tuple(str(x) for x in row.get("aliases") or ()), source=str(row.get("source") or ""),
                surnames=tuple(str(x) for x in row.get("surnames") or ()),
                roles=parse_roles(row.get("roles"), str(row["name"])),
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

    def role_at(self, name: str, date: object = None) -> str | None:
        """The role of the actor ``name`` at ``date`` (an ISO string, a date or a Timestamp), or None when it is
        unknown: the actor has dated ``roles`` and none holds at that date ("role unknown": never its role of
        January 2022), or no actor of that name exists. An undated actor has its ``role`` at every date; with no
        (readable) date every actor has its ``role`` of January 2022.

        Example:
            >>> g = Gazetteer.from_yaml()
            >>> g.role_at("Joe Biden", "2016-02-08"), g.role_at("Joe Biden", "2022-01-07")
            ('Vice President of the United States', 'President of the United States')
            >>> g.role_at("Kassym-Jomart Tokayev", "1990-08-15") is None
            True
        """
        a = self.actors.get(name)
        return None if a is None else role_at(a.roles, a.role, as_date(date))

    def titles_at(self, name: str, date: object = None) -> tuple[str, ...]:
        """The title-only references ("president", "foreign minister") that may stand for ``name`` at ``date``:
        those of its periods that hold that day (none outside them), or, for an undated actor or no date, its
        ``titles`` of January 2022.

        Example:
            >>> g = Gazetteer.from_yaml()
            >>> "president" in g.titles_at("Kassym-Jomart Tokayev", "2016-05-01")
            False
        """
        a = self.actors.get(name)
        return () if a is None else titles_at(a.roles, a.titles, as_date(date))

    def country_of(self, description: str) -> str:
        """The state or bloc a description names by a nationality word, a possessive or a name of it ("senior
        U.S. official", "Russian officials", "Kazakhstan's interior ministry"), else "": the affiliation of a
        speaker the text only describes.

        Example:
            >>> g = Gazetteer.from_yaml()
            >>> g.country_of("senior U.S. official"), g.country_of("Russian officials"), g.country_of("the mayor")
            ('United States', 'Russia', '')
            >>> g.country_of("one of us"), g.country_of("US diplomats")
            ('', 'United States')
        """
        for word in description.split():
            w = word.strip(",.;:()\"“”").lower()
            if w in _COMPLEMENT_OPENERS:
                break  # "an expert on China", "a diplomat who spoke to Russian media": what they speak about
            if w in _ADJECTIVES:
                return _ADJECTIVES[w]
            written = word.strip(",;:()\"“”")
            if written in _ABBREVIATIONS or written.rstrip(".") in _ABBREVIATIONS:  # "US", "U.S." ("one of us": no)
                return _ABBREVIATIONS.get(written) or _ABBREVIATIONS[written.rstrip(".")]
            cands, method = self.candidates(word.strip(",;:()\"“”"))
            if method == "exact" and len(cands) == 1 and self.type_of(cands[0]) in ("state", "bloc") \
                    and word[:1].isupper():
                return cands[0]
        return ""

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

    def candidates(self, surface: str) -> tuple[tuple[str, ...], str]:
        """The canonical names a surface form may name, and how it matched (``exact``, ``surname`` …);
        cached per surface. Resolve a choice among several with :meth:`pick`.

        Example:
            >>> default_gazetteer().candidates("Tokayev")
            (('Kassym-Jomart Tokayev',), 'exact')
        """
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
        lower = surface.lower() == surface != surface.upper()  # written in small letters only: no name
        if key in self._alias:
            names = tuple(n for n in self._alias[key] if not lower or key in self._lower_forms
                          or self.actors[n].type != "person")
            return (names, "exact") if names else ((), "")
        if lower:
            return (), ""
        if key in self._surname:
            return tuple(self._surname[key]), "surname"
        toks = key.split()
        if len(toks) > 1 and toks[-1] in self._surname:  # "Georgy Asatryan": unknown first-name spelling
            names = tuple(n for n in self._surname[toks[-1]] if self._same_given(
                toks[0], n, surface.split()[0] if len(toks) == 2 else ""))  # (a longer run: the old rule)
            return (names, "surname") if names else ((), "")
        fuzzy = self._fuzzy(toks[-1]) if toks else None
        if fuzzy:
            names = tuple(n for n in self._surname[fuzzy] if len(toks) == 1 or self._same_given(toks[0], n))
            return (names, "fuzzy") if names else ((), "")
        return (), ""

    def _same_given(self, word: str, name: str, raw: str = "") -> bool:
        """Whether ``word``, the word before a surname of the actor ``name``, may be its given name: no given
        name at all (a title, a sentence's first word, an initial), or a spelling of the actor's own ("Georgy" of
        "Georgi Asatryan"; "Tom" is not "Ned Price", "Massimo" not "Karim")."""
        word = _norm(word)
        if len(word) <= 2 or word in _NOT_NAMES or word in _ROLE_SET or word in _DEMONYMS or word in _WORD_GIVEN:
            return True
        givens = {_norm(f.split()[0]) for f in (name, *self.actors[name].aliases) if len(f.split()) > 1}
        if not givens or word in givens:
            return True
        if word[:1].upper() + word[1:] not in speaker_words().first:
            # not known as a given name: a title or an opening word ("Then", "Sen."), unless it reads as no
            # title ("Ivanka Trump": another person of the family; ``raw`` as written, when the caller has it)
            return not raw or reads_as_title(raw)
        return any(fuzz.ratio(word, g) >= 75 for g in givens)

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

    def _title_candidates(self, title: str, modifiers: str = "", date: object = None) -> tuple[list[str], str]:
        """The actors a title may stand for (with the affiliation its nationality word names): those holding
        it at ``date`` (:meth:`titles_at`); none after a word that names another holder ("the next president",
        "the late minister": :data:`~kzlib.actors._bounds.OTHER_HOLDER`)."""
        key = _norm(title)
        day = as_date(date)
        cands = [c for c in self._title.get(key, []) if key in self._titles_of(c, day)]
        aff = ""
        mods = _norm(modifiers).split()
        if any(w in OTHER_HOLDER for w in mods):  # (the title's own words may say it: "former president")
            return [], aff
        for w in mods + key.split():
            if w in _DEMONYMS:
                aff = _DEMONYMS[w]
        if aff:
            narrowed = [c for c in cands if self.actors[c].affiliation == aff]
            if narrowed:
                cands = narrowed
            elif self._title.get(k2 := _norm(f"{aff} {key}")):
                cands = [c for c in self._title[k2] if k2 in self._titles_of(c, day)]
            else:
                cands = []
        return cands, aff

    def _known_word(self, word: str) -> bool:
        """Whether a capitalised word names a gazetteer actor (an alias, surname or variant spelling of one)."""
        return bool(self.candidates(word.rstrip(".,;:"))[0])

    def _titles_of(self, name: str, day: object) -> frozenset[str]:
        """:meth:`titles_at` normalised (cached per actor and day)."""
        hit = self._titles_cache.get((name, day))
        if hit is None:
            a = self.actors[name]
            hit = frozenset(_norm(t) for t in titles_at(a.roles, a.titles, as_date(day)))
            if len(self._titles_cache) < 100_000:
                self._titles_cache[(name, day)] = hit
        return hit

    def resolve(self, surface: str, *, context: Sequence[str] | str | None = None, date: object = None) -> str:
        """Canonical name for a surface form, or "" when it names no known actor.

        Args:
            surface: a name, alias, surname, variant spelling or title ("the ministry").
            context: actors mentioned before, oldest first (canonical names), or the text that
                preceded the reference; used for surnames shared by several actors and for titles (a title
                resolves only to an actor the context names).
            date: the document's date; a title resolves only to an actor who held it then (None: the titles
                of January 2022).

        Example:
            >>> g = Gazetteer.from_yaml()
            >>> g.resolve("the ministry", context="the Russian Foreign Ministry issued a statement")
            'Russian Foreign Ministry'
        """
        if isinstance(context, str):
            context = [m.actor for m in self.scan(context) if m.actor]
        recent = list(context or [])
        cands: Sequence[str]
        cands, _ = self.candidates(surface)
        if not cands:
            m = self._title_re.fullmatch(surface.strip()) or self._title_re.fullmatch("the " + surface.strip())
            if m:  # a title names only an actor the context has named ("the secretary" alone is no one)
                cands, _ = self._title_candidates(m.group(2), m.group(1) + " " + surface[: m.start(1)], date)
                cands = [c for c in cands if c in recent]
        return self.pick(cands, recent)

    def pick(self, cands: Sequence[str], recent: Sequence[str]) -> str:
        """One of the candidate names: the only one, else the one named most recently (``recent``, oldest
        first), else the first.

        Example:
            >>> default_gazetteer().pick(["A", "B"], ["B", "C"])
            'B'
        """
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
                if tm.group(0).lower() in _NOT_NAMES or _NAME_AFTER.match(seq, tm.end()):
                    continue  # a word before another name is a given name ("Massimo Franco"), no variant surname
                if key := self._fuzzy(_norm(tm.group(0))):
                    before = seq[:tm.start()].split()
                    if not before or all(self._same_given(before[-1], n) for n in self._surname[key]):
                        hit.append((tm.start(), tm.end(), tm.group(0), key))
            if len(self._fuzzy_seq_cache) < 200_000:
                self._fuzzy_seq_cache[seq] = hit
        return hit

    # ------------------------------------------------------------------------------ scanning text
    def _surface(self, surface: str) -> tuple[tuple[str, ...], str, bool]:
        """(:meth:`candidates`, whether one of them is a person's and the surface one word) of a surface form the
        matcher found; no candidates for "us" or "america" in small letters ("they told us"). Cached per surface."""
        hit = self._surface_cache.get(surface)
        if hit is None:
            if surface[:1].islower() and _norm(surface) in ("us", "america") and surface != "america":
                hit = ((), "", False)
            else:
                cands, method = self.candidates(surface)
                hit = (cands, method, " " not in surface and any(self.actors[n].type == "person" for n in cands))
            if len(self._surface_cache) < 200_000:
                self._surface_cache[surface] = hit
        return hit

    def _span(self, text: str, m: re.Match) -> Span | None:
        """The span (start, end, surface, candidates, method) of a match of the matcher in ``text``, or None when
        no candidate is left (:meth:`scan`)."""
        surface = m.group(0)
        cands, method, person_word = self._surface(surface)
        if not cands:
            return None
        s, e = m.span()
        if person_word:  # (the word-before and company tests leave out persons only: skipped for others)
            if (wb := _WORD_BEFORE.search(text, max(0, s - 40), s)) is not None \
                    and not wb.group(1).endswith(("'s", "’s")):  # ("Hillary's Trump": a possessive, no given name)
                # "Tom Price" is not Ned Price: a one-word name after another given name is someone else's
                raw = "" if _SENTENCE_OPEN.search(text, max(0, wb.start() - 4), wb.start()) else wb.group(1)
                cands = tuple(n for n in cands if self.actors[n].type != "person"
                              or self._same_given(wb.group(1), n, raw))  # (a sentence's first word: the old rule)
            if cands and _COMPANY_AFTER.match(text, e):
                # "Price Stern Sloan Inc.": a word of a company's name, not the person of that surname
                cands = tuple(n for n in cands if self.actors[n].type != "person")
        if cands and " " not in surface and may_be_inside(text, s, e):  # "Trump Tower", "Washington Post"
            cands = inside_longer_name(text, s, e, cands, self.type_of, self._known_word)
        return (s, e, surface, cands, method) if cands else None  # (matches do not overlap)

    def scan(self, text: str, *, context: Sequence[str] | None = None, unknown: bool = True,
             skip: bytes | bytearray | None = None, date: object = None) -> list[Mention]:
        """All actor mentions in ``text``, in order: aliases, surnames, fuzzy variants, titles (resolved only
        to an actor named in ``context`` or in ``text``; else ``actor`` is "") and (``unknown=True``) pattern-found persons not in the gazetteer. ``skip`` (one byte per
        character of ``text``): a mention that overlaps a nonzero byte is left out of the list, though it
        still resolves the ones after it, as it would in context (a caller that drops mentions inside
        names it found itself need not have them made). ``date``: the document's date (ISO string, date or
        Timestamp); a title resolves only to an actor who held it then (None: the titles of January 2022).

        Example:
            >>> [m.actor for m in Gazetteer.from_yaml().scan("Blinken spoke to Tlebardi.")]
            ['Antony Blinken', 'Mukhtar Tileuberdi']
        """
        if skip is not None and len(skip) < len(text):
            raise ParameterError(f"scan(skip=...) needs one byte per character of the text ({len(text):,}), not "
                                 f"{len(skip):,}: make it with bytearray(len(text)) and mark the characters to skip")
        recent = list(context or [])
        day = as_date(date)
        index = word_index(text)
        may_title = may_match(index, self._title_keys[0]) and may_match(index, self._title_keys[1])
        titles = list(self._title_re.finditer(text)) if may_title else []
        matches = self._matcher.finditer(text)
        if skip is not None and not (titles or unknown):  # (only the mentions outside ``skip`` are returned)
            return self._mentions_of(spans_outside(list(matches), skip, partial(self._span, text)), recent, skip)
        spans = [sp for m in matches if (sp := self._span(text, m)) is not None]
        cands: Sequence[str]
        if not (titles or unknown):
            return self._mentions_of(spans, recent, skip)
        taken = bytearray(len(text))
        for s, e, *_ in spans:
            taken[s:e] = b"\x01" * (e - s)

        def claim(s: int, e: int) -> bool:
            if any(taken[s:e]):
                return False
            taken[s:e] = b"\x01" * (e - s)
            return True

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
            if any(w[:1].isupper() and w.lower() not in _DEMONYMS and (k := _norm(w)) not in _DEMONYMS
                   and k not in _NOT_NAMES and k not in self._alias for w in text[s:m.start(2)].split()):
                continue  # "the Justice Department", "the Sheriff's Department": another body's name
            cands, _ = self._title_candidates(m.group(2), text[s:m.start(2)], day)
            if claim(s, e):
                spans.append((s, e, text[s:e], cands, "title"))
        if unknown:
            for s, e, surface in _unknown_people(text, index):
                if any(taken[s:e]):
                    continue
                cands, method = self.candidates(surface)
                if claim(s, e):
                    spans.append((s, e, surface, cands or [surface], method or "pattern"))
            for m in _CAP_SEQ.finditer(text):  # fuzzy variants of known surnames among other capitalised words
                at = m.start(1)
                for ts, te, token, hit in self._fuzzy_tokens(m.group(1)):
                    if claim(at + ts, at + te):
                        spans.append((at + ts, at + te, token, list(self._surname[hit]), "fuzzy"))
        spans.sort()
        return self._mentions_of(spans, recent, skip)

    def _mentions_of(self, spans: list[tuple[int, int, str, Sequence[str], str]], recent: list[str],
                     skip: bytes | bytearray | None = None) -> list[Mention]:
        """The mentions of :meth:`scan`'s spans (in order): each resolved with the actors named before it
        (``recent``, oldest first, extended here)."""
        found: list[Mention] = []
        actors = self.actors
        named = None
        for s, e, surface, cands, method in spans:
            if method == "title":
                # a title or description names a gazetteer actor only when the document has named that actor
                # (before, or by name in this text): "the former president" of a text about another one is no one
                if named is None:
                    named = {c for sp in spans if sp[4] != "title" for c in sp[3]} | set(recent)
                actor = self.pick([c for c in cands if c in named], recent)
            elif method == "pattern" or len(cands) == 1:
                actor = cands[0]  # (what pick gives a single candidate)
            else:
                actor = self.pick(cands, recent)
            if skip is None or not any(skip[s:e]):
                a = actors.get(actor)
                typ = a.type if a is not None else ("person" if method == "pattern" else "")
                found.append(Mention(s, e, surface, actor, method, typ, tuple(cands)))
            if actor:
                recent.append(actor)
        return found


@lru_cache(maxsize=8)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.from_yaml()


def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once."""
    return _default_gazetteer()
