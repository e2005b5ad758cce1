"""Russian actor names matched on lemmas: any case of a gazetteer name resolves to its canonical actor.

The Russian names come from ``kzlib/data/ru/actors.yaml`` and from the Cyrillic aliases of
``kzlib/data/actors.yaml``. Each word of a name is compared by its pymorphy3 normal forms, so
"Токаева", "Токаеву" and "Токаевым" all match "Токаев", and "главы МИД России" matches the title
"глава МИД России". A name written with a capital letter only matches capitalised words.

Example:
    >>> from kzlib.russian.actors import find_actors
    >>> [(m.canonical, m.kind) for m in find_actors("Слова Токаеву передал глава МИД России.")]
    [('Kassym-Jomart Tokayev', 'alias'), ('Sergey Lavrov', 'title')]
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from kzlib.text import CYRILLIC_LETTER as _CYR
from kzlib.text import Token, lemmas
from kzlib.text import razdel_tokens as tokens

__all__ = ["ActorMatch", "RuActor", "affiliation_of", "find_actors", "ru_actors"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RuActor:
    name: str
    type: str
    affiliation: str = ""  # country or bloc it speaks for (kzlib/data/actors.yaml, else ru/actors.yaml)
    role: str = ""  # office in English (kzlib/data/actors.yaml, else ru/actors.yaml), for speaker groups


@dataclass(frozen=True)
class ActorMatch:
    start: int
    end: int
    canonical: str
    type: str
    kind: str  # alias | title | generic
    surface: str
    generic_key: str = ""  # the generic description matched (for resolution by recency)


@dataclass(frozen=True)
class _Name:
    words: tuple[frozenset[str], ...]
    capitals: tuple[bool, ...]
    actor: RuActor
    kind: str
    key: str


def _name(text: str, actor: RuActor, kind: str) -> _Name | None:
    toks = [t.text for t in tokens(text) if re.search(r"\w", t.text)]
    if not toks:
        return None
    # a Cyrillic name written with a capital matches only capitalised words; Latin names ("Tengrinews.kz")
    # are often written in lower case in Russian text and match in any case
    return _Name(tuple(lemmas(w) for w in toks), tuple(w[:1].isupper() and bool(_CYR.search(w)) for w in toks),
                 actor, kind,
                 " ".join(w.lower() for w in toks))


@lru_cache(maxsize=1)
def ru_actors() -> tuple[dict[str, list[_Name]], dict[str, list[RuActor]], dict[str, RuActor]]:
    """Index of Russian names: first-word lemma -> names; generic description -> actors; canonical -> actor."""
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("ru/actors.yaml").read_text("utf-8"))
    main = yaml.safe_load(resources.files("kzlib.data").joinpath("actors.yaml").read_text("utf-8"))
    index: dict[str, list[_Name]] = {}
    generic: dict[str, list[RuActor]] = {}
    by_name: dict[str, RuActor] = {}
    defaults: dict[str, RuActor] = {}

    def add(n: _Name | None) -> None:
        if n is None:
            return
        for lem in n.words[0]:
            index.setdefault(lem, []).append(n)

    rows = [dict(r) for r in data.get("actors") or []]
    known = {r["name"] for r in rows}
    for r in main.get("actors") or []:  # Cyrillic aliases of the main gazetteer
        cyr = [a for a in (r.get("aliases") or []) if _CYR.search(str(a))]
        if cyr and r["name"] not in known:
            rows.append({"name": r["name"], "type": r.get("type", ""), "aliases": cyr, "role": r.get("role", "")})
        elif cyr:
            next(x for x in rows if x["name"] == r["name"]).setdefault("aliases", []).extend(cyr)
    affiliations = _affiliation_table()
    roles = {str(r["name"]): str(r.get("role") or "") for r in main.get("actors") or []}
    for r in rows:
        actor = RuActor(str(r["name"]), str(r.get("type") or ""), affiliations.get(str(r["name"]), ""),
                        str(r.get("role") or roles.get(str(r["name"])) or ""))
        by_name[actor.name] = actor
        aliases = [str(a) for a in r.get("aliases") or []]
        if actor.type == "person":  # "Нед Прайс" is also "Прайс"
            aliases += [a.split()[-1] for a in aliases if len(a.split()) > 1 and _CYR.search(a.split()[-1])]
        for a in dict.fromkeys(aliases):
            add(_name(a, actor, "alias"))
        for t in r.get("titles") or []:
            add(_name(str(t), actor, "title"))
        for gkey in r.get("generic") or []:
            n = _name(str(gkey), actor, "generic")
            if n is None:
                continue
            generic.setdefault(n.key, []).append(actor)
            if r.get("default"):
                defaults.setdefault(n.key, actor)
            if len(generic[n.key]) == 1:
                add(n)
    for key, actors in generic.items():  # the default one first
        d = defaults.get(key)
        if d is not None and d in actors:
            actors.remove(d)
            actors.insert(0, d)
    return index, generic, by_name


def _affiliations(ru: dict, main: dict) -> dict[str, str]:
    """Canonical name -> affiliation: the main gazetteer's for its actors, else the Russian file's; an actor of
    the Russian file with neither is logged (its quotes would count as "unknown" affiliation)."""
    out = {str(r["name"]): str(r.get("affiliation") or "") for r in main.get("actors") or []}
    for r in ru.get("actors") or []:
        name, own = str(r["name"]), str(r.get("affiliation") or "")
        if own and out.get(name) and out[name] != own:
            log.warning("ru/actors.yaml gives %s the affiliation %r, actors.yaml %r: actors.yaml's is used",
                        name, own, out[name])
        elif own:
            out[name] = own
        elif not out.get(name):
            log.warning("ru/actors.yaml: %s has no affiliation (here or in actors.yaml)", name)
    return out


def affiliation_of(name: str) -> str:
    """Country or bloc of a canonical actor of the Russian or the main gazetteer, "" if unknown.

    Example:
        >>> affiliation_of("Sergei Shoigu"), affiliation_of("Kassym-Jomart Tokayev"), affiliation_of("Nobody")
        ('Russia', 'Kazakhstan', '')
    """
    return _affiliation_table().get(name, "")


@lru_cache(maxsize=1)
def _affiliation_table() -> dict[str, str]:
    ru = yaml.safe_load(resources.files("kzlib.data").joinpath("ru/actors.yaml").read_text("utf-8"))
    main = yaml.safe_load(resources.files("kzlib.data").joinpath("actors.yaml").read_text("utf-8"))
    return _affiliations(ru, main)


def _matches_at(toks: list[Token], i: int, index: dict[str, list[_Name]]) -> _Name | None:
    best: _Name | None = None
    seen: set[int] = set()
    for lem in lemmas(toks[i].text):
        for n in index.get(lem, ()):
            if id(n) in seen:
                continue
            seen.add(id(n))
            if i + len(n.words) > len(toks) or (best is not None and len(n.words) <= len(best.words)):
                continue
            ok = True
            for k, (ws, cap) in enumerate(zip(n.words, n.capitals)):
                t = toks[i + k].text
                if (k and not (ws & lemmas(t))) or (cap and not t[:1].isupper()):
                    ok = False
                    break
            if ok:
                best = n
    return best


def find_actors(text: str) -> list[ActorMatch]:
    """Gazetteer names in a Russian text, longest match first, left to right.

    Example:
        >>> [m.canonical for m in find_actors("По словам Путина, ОДКБ выполнила задачу.")]
        ['Vladimir Putin', 'CSTO']
    """
    index, _, _ = ru_actors()
    toks = [t for t in tokens(text) if re.search(r"\w", t.text)]
    out: list[ActorMatch] = []
    i = 0
    while i < len(toks):
        n = _matches_at(toks, i, index)
        if n is None:
            i += 1
            continue
        j = i + len(n.words) - 1
        out.append(ActorMatch(toks[i].start, toks[j].end, n.actor.name, n.actor.type, n.kind,
                              text[toks[i].start:toks[j].end], n.key if n.kind == "generic" else ""))
        i = j + 1
    return out
