"""The word lists behind the actor lookup, read once from ``kzlib/data`` (demonyms, speaker words, people words): a
leaf module that the gazetteer, the name finder and their helpers all read, so that none imports another for them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml


def _demonym_file() -> tuple[dict[str, str], dict[str, str]]:
    """(adjective in lower case -> affiliation, abbreviation as written -> affiliation) of
    ``kzlib/data/demonyms.yaml``."""
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("demonyms.yaml").read_text("utf-8"))
    adjectives = {str(w).lower(): aff for aff, words in data["adjectives"].items() for w in words}
    abbreviations = {str(w): aff for aff, words in data["abbreviations"].items() for w in words}
    return adjectives, abbreviations


#: nationality adjectives and possessives -> affiliation, and the abbreviations that count only in capitals
_ADJECTIVES, _ABBREVIATIONS = _demonym_file()
#: both, in lower case: the words that name a nationality wherever the case cannot tell ("US Ambassador ...")
_DEMONYMS = {**_ADJECTIVES, **{w.lower(): aff for w, aff in _ABBREVIATIONS.items()}}


def _people_words() -> dict[str, tuple[str, ...]]:
    """The role nouns and never-names of ``kzlib/data/people_words.yaml`` (where each list comes from is there)."""
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("people_words.yaml").read_text("utf-8"))
    return {key: tuple(str(w) for w in data[key]) for key in ("role_nouns", "never_names")}


_WORDS = _people_words()
#: role nouns that introduce a person's name ("spokesperson Ned Price") or follow it in an appositive
ROLE_WORDS = _WORDS["role_nouns"]


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
    abbreviations: frozenset[str] = frozenset()  # "St.", "Jr.", "Calif.": a full stop that ends no sentence
    honorifics: frozenset[str] = frozenset()  # "mr.", "ms" (lower case): always followed by a surname
    modifiers: frozenset[str] = frozenset()  # words before a surname that make it no given name ("billionaire")


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
                          for r, ts in (d.get("role_classes") or {}).get("classes", {}).items()},
                         frozenset(map(str, (d.get("abbreviations") or {}).get("words", []))),
                         frozenset(str(h).lower() for h in (d.get("honorifics") or {}).get("words", [])),
                         frozenset(str(w).casefold() for w in (d.get("name_modifiers") or {}).get("words", [])))
