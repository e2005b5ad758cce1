"""The tokenizer of topic models and its data files: stop words and the actor gazetteer.

Words are scanned once per text: dotted acronyms lose their dots ("U.S." -> "US"), possessives their
"'s", and punctuation ends a run of words (collocations never span it). Russian text is read as lemmas
(pymorphy3 normal forms, through :mod:`kzlib.russian.nlp`) with the Russian stop words of
``kzlib/data/ru/stopwords.yaml``: "демонстранты", "демонстрантов" and "демонстрантам" are one term.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from kzlib.text.terms import _APOSTROPHES, LANGUAGES, load_stopwords, russian_mask, russian_term

__all__ = ["tokenize", "load_stopwords", "load_actor_aliases", "russian_term", "russian_mask", "LANGUAGES"]

log = logging.getLogger(__name__)

_DATA = Path(__file__).resolve().parent.parent / "data"

# --- tokenizer -----------------------------------------------------------------------------------

# Dotted acronyms ("U.S.", "U.K.") lose their dots before tokenizing: "U.S." -> "US".
_DOTTED = re.compile(r"\b((?:[^\W\d_]\.){2,})")
# A necessary condition for _DOTTED (".S." in "U.S."), many times cheaper to search for.
_DOTTED_HINT = re.compile(r"\.[^\W\d_]\.")
# Apostrophe variants read as "'". All but "ʼ" are punctuation, so the patterns below take them as
# they are; "ʼ" is a letter to the regex engine and is replaced before scanning.
_APOS = "'’‘`´"
# Punctuation that ends a run of words: collocations never span it.
_BREAK = re.compile(rf"[.,;:!?()\[\]{{}}\"“”„«»‹›/\\|…]+|\s[-–—]+\s|[–—]+|\s[{_APOS}]|[{_APOS}]\s")
# A word: letters, optionally joined by apostrophes or hyphens ("kassym-jomart", "don't").
_WORD = re.compile(rf"[^\W\d_]+(?:[-{_APOS}][^\W\d_]+)*")
# One pass over a text: each match is a break (group 1 empty) or a word (group 1). A break never
# overlaps a word (breaks hold no letters, and a word's hyphens and apostrophes sit between
# letters), so this finds what splitting at _BREAK and then finding _WORD in each piece finds.
_SCAN = re.compile(rf"(?:{_BREAK.pattern})|({_WORD.pattern})")
_MIN_LETTERS = 2
# A Cyrillic letter: a word with one is lemmatised in Russian text.
# What a text's language can be set to: "auto" reads Russian where most letters are Cyrillic.


def _normalise(text: str) -> str:
    """``text`` with "ʼ" as "'" and dotted acronyms undotted, ready for ``_SCAN``."""
    if "ʼ" in text:
        text = text.replace("ʼ", "'")
    if _DOTTED_HINT.search(text):
        text = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text)
    return text


@lru_cache(maxsize=1 << 16)
def _word_form(word: str) -> tuple[str, bool, bool] | None:
    """(lower-cased word, all-capitals and at most six letters, was possessive) of a scanned word;
    None for a word shorter than two letters."""
    word = word.translate(_APOSTROPHES)
    stripped = word.removesuffix("'s")
    if len(stripped) < _MIN_LETTERS:
        return None
    return stripped.lower(), stripped.isupper() and len(stripped) <= 6, stripped != word


def _runs(text: str, *, name: bool = False) -> list[list[tuple[str, bool, bool]]]:
    """Split text into runs of (lower-cased word, is_acronym, was_possessive) between punctuation.

    In running text an all-capitals paragraph (a shouted headline) has no acronyms; in a name
    (``name=True``: "US", "CSTO") every all-capitals word is one.
    """
    text = _normalise(text)
    shouting = not name and text.isupper()  # no lower-case letter at all
    runs: list[list[tuple[str, bool, bool]]] = []
    run: list[tuple[str, bool, bool]] = []
    for word in _SCAN.findall(text):
        if not word:  # a break
            if run:
                runs.append(run)
                run = []
            continue
        form = _word_form(word)
        if form is not None:
            run.append((form[0], form[1] and not shouting, form[2]))
    if run:
        runs.append(run)
    return runs


def tokenize(text: str, *, stop_words: Iterable[str] | None = None, language: str = "auto") -> list[str]:
    """Lower-cased words of ``text``: acronyms de-dotted, possessives stripped, stop words removed.

    All-capital words up to six letters ("US", "CSTO", "IT") are acronyms and never stop words. Russian
    text (``language="ru"``, or ``"auto"`` and mostly Cyrillic) gives lemmas (:func:`russian_term`) and
    drops Russian stop words as well (``load_stopwords(language="ru")``).

    Example:
        >>> tokenize("Russia's envoy met U.S. officials in the CSTO's capital.")
        ['russia', 'envoy', 'met', 'us', 'officials', 'csto', 'capital']
        >>> tokenize("Протестующие вышли на площадь, полиция задержала протестующих.")
        ['протестовать', 'выйти', 'площадь', 'полиция', 'задержать', 'протестовать']
    """
    russian = bool(russian_mask([text], default=language)[0])
    if stop_words is not None:
        stops = frozenset(stop_words)
    else:
        stops = load_stopwords() | load_stopwords(language="ru") if russian else load_stopwords()
    if not russian:
        return [w for run in _runs(text) for w, acr, _ in run if acr or w not in stops]
    out = []
    for run in _runs(text):
        for w, acr, _ in run:
            term = w if acr else russian_term(w)
            if acr or (term not in stops and w.replace("ё", "е") not in stops):
                out.append(term)
    return out


# --- data files ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _russian_names() -> dict[str, str]:
    """Lemma of a one-word Russian name -> the term of its actor's canonical name ("токаев" -> "kassym-jomart
    tokayev"), from the Russian gazetteer (:func:`kzlib.russian.actors.ru_actors`: kzlib/data/ru/actors.yaml
    and the Cyrillic aliases of kzlib/data/actors.yaml). Only aliases written with a capital, and only lemmas
    that name one actor."""
    from kzlib.russian.actors import ru_actors

    index, _, _ = ru_actors()
    found: dict[str, set[str]] = {}
    for lem, names in index.items():
        for n in names:
            if n.kind == "alias" and len(n.words) == 1 and n.capitals[0]:
                found.setdefault(lem, set()).add(" ".join(w for run in _runs(n.actor.name) for w, _, _ in run))
    return {lem: next(iter(terms)) for lem, terms in sorted(found.items()) if len(terms) == 1}


@lru_cache(maxsize=1)
def _russian_name_parts() -> dict[str, str]:
    """Lemma of a first name or patronymic in a Russian name of a person of the gazetteer -> the term of
    the person's canonical name ("нурсултан" -> "nursultan nazarbayev"): such a word before the person's
    surname is part of the name, not a term of its own. Only lemmas that belong to one person."""
    from kzlib.russian.actors import ru_actors

    index, _, _ = ru_actors()
    found: dict[str, set[str]] = {}
    for names in index.values():
        for n in names:
            if n.kind == "alias" and n.actor.type == "person" and len(n.words) > 1 and all(n.capitals):
                term = " ".join(w for run in _runs(n.actor.name) for w, _, _ in run)
                for lems in n.words[:-1]:
                    for lem in lems:
                        found.setdefault(lem, set()).add(term)
    return {lem: next(iter(terms)) for lem, terms in sorted(found.items()) if len(terms) == 1}


def load_actor_aliases(path: str | Path | None = None) -> dict[str, str]:
    """Surface forms of actors mapped to their canonical names, from ``kzlib/data/actors.yaml``.

    The gazetteer is a list under ``actors:`` of entries with ``name`` and ``aliases`` (the format
    of kzlib's actor gazetteer). Each alias and the name itself map to the name; a person's surname
    (last word, three letters or more) is added when no other person shares it. A missing file
    gives an empty mapping; a file in another format is reported and ignored.

    Example:
        >>> aliases = load_actor_aliases()
        >>> all(isinstance(v, str) for v in aliases.values())
        True
    """
    path = Path(path) if path else _DATA / "actors.yaml"
    if not path.exists():
        log.info("no actor gazetteer at %s: multi-word names come from collocations only", path)
        return {}
    items = _read_actor_file(str(path), path.stat().st_mtime_ns)
    if items is None:
        log.warning("%s is not a list of actors with 'name' and 'aliases': the gazetteer is not used", path)
        return {}
    log.info("%d actor surface forms from %s", len(items), path.name)
    return dict(items)


@lru_cache(maxsize=4)
def _read_actor_file(path: str, mtime_ns: int) -> tuple[tuple[str, str], ...] | None:
    """The sorted (surface form, name) pairs of a gazetteer file, None if it is not one. Parsed once
    per version of the file (``mtime_ns``): every vectorizer fit reads it."""
    import yaml

    tree = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    entries = tree.get("actors") if isinstance(tree, Mapping) else tree
    if not isinstance(entries, list) or not all(isinstance(e, Mapping) and "name" in e for e in entries):
        return None
    mapping: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for entry in entries:
        name = str(entry["name"]).strip()
        aliases = entry.get("aliases") or []
        for surface in [name, *[str(a) for a in aliases if a]]:
            mapping.setdefault(surface.strip(), name)
        words = name.split()
        if str(entry.get("type", "")).lower() == "person" and len(words) >= 2 and len(words[-1]) >= 3:
            surnames.setdefault(words[-1], set()).add(name)
    for surname, owners in surnames.items():
        if len(owners) == 1:
            mapping.setdefault(surname, next(iter(owners)))
    return tuple(sorted(mapping.items()))
