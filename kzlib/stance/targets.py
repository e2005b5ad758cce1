"""Stance targets and the cue vocabulary: the data files the stance methods read.

:func:`load_targets` reads ``targets.yaml`` (name, aliases, type, description, loaded terms,
anchors of generic words),
:func:`load_stance_cues` the cue lexicon ``stance_cues.yaml``.
"""

from __future__ import annotations

import copy
import functools
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kzlib.errors import ParameterError, ResourceError

logger = logging.getLogger(__name__)

__all__ = ["Target", "load_targets", "load_stance_cues", "STANCES", "STANCE_COLUMNS", "SUMMARY_COLUMNS", "DATA_DIR",
           "GENERIC_FIELDS"]


DATA_DIR = Path(__file__).resolve().parent.parent / "data"
STANCES: tuple[str, str, str] = ("favor", "against", "none")
STANCE_COLUMNS = ["doc_id", "quote_id", "speaker", "target", "stance", "score", "evidence"]
SUMMARY_COLUMNS = ["speaker", "target", "stance", "n_quotes", "n_stories", "score"]


@dataclass(frozen=True)
class Target:
    """A stance target: its name, the phrases that name it, and loaded terms about it.

    Example
    -------
    >>> Target("Turkey", aliases=("Turkey", "Ankara", "Erdogan")).name
    'Turkey'
    """

    name: str
    aliases: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    favor_terms: tuple[str, ...] = ()
    against_terms: tuple[str, ...] = ()
    own_side: tuple[str, ...] = ()
    type: str = ""
    description: str = ""
    ru_aliases: tuple[str, ...] = ()  # Russian names, words in dictionary form ("протестующий", "одкб")
    ru_favor_terms: tuple[str, ...] = ()  # Russian loaded naming, matched on lemmas as ru_aliases
    ru_against_terms: tuple[str, ...] = ()
    context: tuple[str, ...] = ()  # anchors: phrases that place a document in the target's topic
    generic: tuple[str, ...] = ()  # entries (or whole fields) that count only in an anchored document
    country_names: tuple[str, ...] = ()  # aliases that name a country: the state only where used as its noun
    partner_names: tuple[str, ...] = ()  # names of the target only as a party to relations ("ties with Kazakhstan")
    scope: tuple[str, ...] = ()  # phrases of the study's subject: a document naming none is out of the target's scope
    ru_scope: tuple[str, ...] = ()  # the same for Russian quotes, words in dictionary form as ru_aliases

    def generic_entries(self) -> frozenset[str]:
        """The target's aliases, cues and loaded terms that are generic words, not its name: those in
        ``generic``, and every entry of a field named there (``aliases``, ``cues``, ``favor_terms``,
        ``against_terms``).

        Example
        -------
        >>> t = Target("riots", aliases=("rioters",), cues=("unrest", "looting"), generic=("cues",))
        >>> sorted(t.generic_entries())
        ['looting', 'unrest']
        """
        out = set(self.generic) - set(GENERIC_FIELDS)
        for f in GENERIC_FIELDS:
            if f in self.generic:
                out |= set(getattr(self, f))
        return frozenset(out)

    def anchors(self) -> tuple[str, ...]:
        """The phrases that show a document is about this target: its ``context`` and its aliases that
        are not generic.

        Example
        -------
        >>> Target("riots", aliases=("rioters", "the Riot Act"), context=("Ruritania",),
        ...        generic=("rioters",)).anchors()
        ('Ruritania', 'the Riot Act')
        """
        generic = self.generic_entries()
        return tuple(dict.fromkeys([*self.context, *(a for a in self.aliases if a not in generic)]))


def _read_yaml(p: Path, *, what: str) -> Any:
    """The YAML of a data file; a file YAML cannot read is a :class:`ResourceError` naming it.

    Parsed once per version of the file (path, size and modification time; every partition of a
    corpus loads the same cue and target files) and handed out as a fresh copy.
    """
    st = p.stat()
    try:
        return copy.deepcopy(_parsed_yaml(str(p), st.st_size, st.st_mtime_ns))
    except yaml.YAMLError as exc:
        raise ResourceError(f"{what} {p} is not valid YAML ({exc}); fix the file or pass path=None") from exc


@functools.lru_cache(maxsize=16)
def _parsed_yaml(path: str, size: int, mtime_ns: int) -> Any:
    """``yaml.safe_load`` of ``path`` (``size`` and ``mtime_ns`` key the cache to this version of it)."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def _as_tuple(value: Any, *, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)):
        raise ResourceError(f"{what} must be a list of phrases, got {type(value).__name__}")
    return tuple(str(v) for v in value if str(v).strip())


_TARGET_FIELDS = {"name", "aliases", "type", "description", "cues", "favor_terms", "against_terms", "own_side",
                  "ru_aliases", "ru_favor_terms", "ru_against_terms", "context", "generic", "country_names", "scope",
                  "ru_scope", "partner_names"}
GENERIC_FIELDS = ("aliases", "cues", "favor_terms", "against_terms")


def _target_from_mapping(entry: Mapping[str, Any]) -> Target:
    if "name" not in entry:
        raise ResourceError(f"target entry {dict(entry)!r} has no 'name'; give each target a name")
    unknown = sorted(set(entry) - _TARGET_FIELDS)
    if unknown:
        raise ResourceError(f"target {entry['name']!r} has fields {unknown} that a targets file does not know; "
                         f"the fields are {sorted(_TARGET_FIELDS)}")
    name = str(entry["name"]).strip()
    aliases = _as_tuple(entry.get("aliases"), what=f"aliases of {name!r}")
    if not aliases:
        aliases = (re.escape(name),)
    t = Target(
        name=name,
        aliases=aliases,
        cues=_as_tuple(entry.get("cues"), what=f"cues of {name!r}"),
        favor_terms=_as_tuple(entry.get("favor_terms"), what=f"favor_terms of {name!r}"),
        against_terms=_as_tuple(entry.get("against_terms"), what=f"against_terms of {name!r}"),
        own_side=_as_tuple(entry.get("own_side"), what=f"own_side of {name!r}"),
        type=str(entry.get("type") or "").strip(),
        description=" ".join(str(entry.get("description") or "").split()),
        ru_aliases=_as_tuple(entry.get("ru_aliases"), what=f"ru_aliases of {name!r}"),
        ru_favor_terms=_as_tuple(entry.get("ru_favor_terms"), what=f"ru_favor_terms of {name!r}"),
        ru_against_terms=_as_tuple(entry.get("ru_against_terms"), what=f"ru_against_terms of {name!r}"),
        context=_as_tuple(entry.get("context"), what=f"context of {name!r}"),
        generic=_as_tuple(entry.get("generic"), what=f"generic of {name!r}"),
        country_names=_as_tuple(entry.get("country_names"), what=f"country_names of {name!r}"),
        partner_names=_as_tuple(entry.get("partner_names"), what=f"partner_names of {name!r}"),
        scope=_as_tuple(entry.get("scope"), what=f"scope of {name!r}"),
        ru_scope=_as_tuple(entry.get("ru_scope"), what=f"ru_scope of {name!r}"),
    )
    known = set(GENERIC_FIELDS) | {x for f in GENERIC_FIELDS for x in getattr(t, f)}
    stray = [g for g in t.generic if g not in known]
    if stray:
        raise ResourceError(f"target {name!r} marks {stray} generic, but they are none of its aliases, cues or "
                            f"terms (nor a field name: {list(GENERIC_FIELDS)}); copy the entry exactly")
    stray = [c for c in t.country_names if c not in t.aliases]
    if stray:
        raise ResourceError(f"target {name!r} lists {stray} in country_names, but they are none of its aliases; "
                            "copy the alias exactly")
    if t.generic and not t.anchors():
        raise ResourceError(f"target {name!r} has generic entries but nothing to anchor them: give it a "
                            "'context' list (phrases that place a document in its topic) or a non-generic alias")
    return t


def load_targets(path: str | Path | None = None) -> list[Target]:
    """Load stance targets from a YAML file (default: the bundled ``kzlib/data/targets.yaml``).

    The file has a top-level ``targets:`` list; each entry has ``name`` (required), ``aliases`` (the
    phrases that name it), ``type`` (free text: ``actor``, ``policy``, ``event``, ``group`` …),
    ``description`` (what a coder should count as this target), and optionally ``cues``,
    ``favor_terms``, ``against_terms`` and ``own_side`` (see the bundled file), ``context`` (anchor
    phrases) and ``generic`` (entries, or whole fields, that are ordinary words rather than the target's
    name: they count only in a document that names an anchor or a non-generic alias), ``country_names``
    (aliases that name a country: they name its state only where used as its noun, not inside a longer
    name or as a modifier of its people), ``partner_names`` (names that name the target only as a party to
    relations: "relations with Kazakhstan", where "Kazakhstan" elsewhere is the place), ``scope`` (phrases of the study's subject: when
    :func:`~kzlib.stance.detect_stance` reads quotes with their documents, a quote whose document
    names none of them gets no row towards the target), and for Russian quotes
    ``ru_aliases``, ``ru_favor_terms``, ``ru_against_terms`` and ``ru_scope`` (words in dictionary form, matched
    on lemmas; a target with a ``scope`` but no ``ru_scope`` reads Russian quotes in any document). A field the format
    does not know is an error (a misspelt ``alias:`` would otherwise be ignored in silence).

    Example
    -------
    >>> [t.name for t in load_targets()][:2]
    ['CSTO intervention', 'Russia']
    """
    p = Path(path) if path else DATA_DIR / "targets.yaml"
    if not p.exists():
        raise ResourceError(f"targets file {p} does not exist; pass path=None for the bundled targets")
    data = _read_yaml(p, what="targets file") or {}
    entries = data.get("targets") if isinstance(data, dict) else data
    if not entries:
        raise ResourceError(f"{p} defines no targets; it needs a top-level 'targets:' list")
    targets = [_target_from_mapping(e) for e in entries]
    names = [t.name for t in targets]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise ResourceError(f"{p} defines targets more than once: {dup}; merge their aliases")
    return targets


def _coerce_targets(targets: Any) -> list[Target]:
    """Accept None, a path, a list of Target / dicts / names, or a mapping name -> aliases."""
    if targets is None:
        return load_targets()
    if isinstance(targets, (str, Path)) and (str(targets).endswith((".yaml", ".yml")) or Path(targets).exists()):
        return load_targets(targets)
    if isinstance(targets, Mapping):
        return [
            _target_from_mapping(v if isinstance(v, Mapping) else {"name": k, "aliases": v}) if not isinstance(v, Mapping)
            else _target_from_mapping({"name": k, **v})
            for k, v in targets.items()
        ]
    if isinstance(targets, (str,)):
        targets = [targets]
    out: list[Target] = []
    for t in targets:
        if isinstance(t, Target):
            out.append(t)
        elif isinstance(t, Mapping):
            out.append(_target_from_mapping(t))
        elif isinstance(t, str):
            out.append(Target(t, aliases=(re.escape(t),)))
        else:
            raise ParameterError(f"cannot use {t!r} as a stance target; give a Target, a dict or a name")
    if not out:
        raise ParameterError("no stance targets given; pass targets=None for the bundled ones")
    return out


def load_stance_cues(path: str | Path | None = None) -> dict[str, Any]:
    """Load the stance cue vocabulary (default: the bundled ``kzlib/data/stance_cues.yaml``).

    Example
    -------
    >>> cues = load_stance_cues()
    >>> [k in cues for k in ("favor", "against", "questioning")]
    [True, True, True]
    """
    p = Path(path) if path else DATA_DIR / "stance_cues.yaml"
    if not p.is_file():
        raise ResourceError(f"stance cue file {p} does not exist; pass path=None for the bundled cues")
    data = _read_yaml(p, what="stance cue file")
    if not isinstance(data, dict):
        raise ResourceError(f"stance cue file {p} is not a mapping of sections; see kzlib/data/stance_cues.yaml")
    for key in ("favor", "against", "questioning", "negators", "hedges", "holder_verbs"):
        if key not in data:
            raise ResourceError(f"stance cue file {p} lacks the section {key!r}; see kzlib/data/stance_cues.yaml")
    return data
