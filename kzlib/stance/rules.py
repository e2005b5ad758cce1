"""Stance: who favours or opposes what, with the words that show it.

Stance is not sentiment. "Russia's aggressive actions are a threat to peace" is negative in tone and
*against Russia* in stance. This module gives two methods and the tools to check them:

* :func:`detect_stance` — a transparent rule method a reviewer can read line by line. For each quote
  it finds the targets it concerns (aliases in :file:`kzlib/data/targets.yaml`, or in the sentence
  that introduces the quote), the stance cues near each mention (support, condemnation, legitimacy,
  questioning, blame; :file:`kzlib/data/stance_cues.yaml`), applies negation, hedging and intensifiers,
  gives a cue to a target in its own clause first, then to the sentence's topic ("As for X, …"),
  reads a sentence that opens on an earlier episode ("A year ago, …") as a precedent, not a stance,
  treats a target named as the *holder* of an opinion ("Russia views …") as no object of it, adds
  VADER's compound score as one small feature and a small own-side prior. A stance other than
  ``none`` needs lexical evidence (a cue or a loaded term) in its direction: VADER and the prior
  alone never decide. Each row carries the evidence sentence and the cues that scored.
  Reported speech ("they claim that …" disputes, "X said …" relays), rhetorical questions (also
  those that name no target: they doubt what the quote just spoke of) and the speaker's own side named
  as "we"/"our" are general rules of :file:`stance_cues.yaml`, not words of any text.
* :class:`StanceClassifier` — a scikit-learn estimator that learns from researchers' codes: a
  class-balanced linear SVM on target-aware features (the mention masked, the words on each side of
  it and its clause, lexicon scores with negation scope, the rule method's reading, one copy of every
  feature per target), with Platt-calibrated probabilities.
* :func:`combine_stance` — the documented combination: the rules choose the targets and the
  evidence sentence, the classifier decides where its probability reaches ``min_proba``.

Then :func:`summarise_stance` (speaker × target, a story counted once) and :func:`outlet_stance`
(outlet × target), both with two-stage bootstrap intervals over stories and quotes and a ``basis``
that marks a single quote as such; :func:`evaluate` (cross-validated per-class F1 and the SemEval
F_avg with bootstrap intervals); and the annotation loop: :func:`export_annotation_sheet` (stratified,
or ordered by uncertainty), :func:`import_annotation_sheet`, :func:`agreement` (Cohen's kappa,
:func:`krippendorff_alpha`), :func:`annotation_round` (retrain, agreement, cross-validated F).
Targets come from a file (name, aliases, type, description): :func:`load_targets`.
"""
from __future__ import annotations

import bisect
import functools
import json
import logging
import math
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

logger = logging.getLogger(__name__)

__all__ = [
    "Target",
    "load_targets",
    "load_stance_cues",
    "speaker_profiles",
    "detect_stance",
    "summarise_stance",
    "outlet_stance",
    "StanceClassifier",
    "RuleStanceClassifier",
    "StanceEvaluation",
    "evaluate",
    "export_annotation_sheet",
    "import_annotation_sheet",
    "agreement",
    "krippendorff_alpha",
    "combine_stance",
    "annotation_round",
    "AnnotationRound",
    "STANCES",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
STANCES: tuple[str, str, str] = ("favor", "against", "none")
STANCE_COLUMNS = ["doc_id", "quote_id", "speaker", "target", "stance", "score", "evidence"]
SUMMARY_COLUMNS = ["speaker", "target", "stance", "n_quotes", "n_stories", "score"]

_TOKEN_RE = re.compile(r"\w+(?:'\w+)?|n't", re.UNICODE)
_SENT_RE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(–—-]*[A-Z0-9])")
_PUNCT_BREAK_RE = re.compile(r"[,;:()—–]|\s-\s")
_QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


# --------------------------------------------------------------------------------------------
# Targets and cues
# --------------------------------------------------------------------------------------------
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


def _as_tuple(value: Any, *, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{what} must be a list of phrases, got {type(value).__name__}")
    return tuple(str(v) for v in value if str(v).strip())


_TARGET_FIELDS = {"name", "aliases", "type", "description", "cues", "favor_terms", "against_terms", "own_side"}


def _target_from_mapping(entry: Mapping[str, Any]) -> Target:
    if "name" not in entry:
        raise ValueError(f"target entry {dict(entry)!r} has no 'name'; give each target a name")
    unknown = sorted(set(entry) - _TARGET_FIELDS)
    if unknown:
        raise ValueError(f"target {entry['name']!r} has fields {unknown} that a targets file does not know; "
                         f"the fields are {sorted(_TARGET_FIELDS)}")
    name = str(entry["name"]).strip()
    aliases = _as_tuple(entry.get("aliases"), what=f"aliases of {name!r}")
    if not aliases:
        aliases = (re.escape(name),)
    return Target(
        name=name,
        aliases=aliases,
        cues=_as_tuple(entry.get("cues"), what=f"cues of {name!r}"),
        favor_terms=_as_tuple(entry.get("favor_terms"), what=f"favor_terms of {name!r}"),
        against_terms=_as_tuple(entry.get("against_terms"), what=f"against_terms of {name!r}"),
        own_side=_as_tuple(entry.get("own_side"), what=f"own_side of {name!r}"),
        type=str(entry.get("type") or "").strip(),
        description=" ".join(str(entry.get("description") or "").split()),
    )


def load_targets(path: str | Path | None = None) -> list[Target]:
    """Load stance targets from a YAML file (default: the bundled ``kzlib/data/targets.yaml``).

    The file has a top-level ``targets:`` list; each entry has ``name`` (required), ``aliases`` (the
    phrases that name it), ``type`` (free text: ``actor``, ``policy``, ``event``, ``group`` …),
    ``description`` (what a coder should count as this target), and optionally ``cues``,
    ``favor_terms``, ``against_terms`` and ``own_side`` (see the bundled file). A field the format
    does not know is an error (a misspelt ``alias:`` would otherwise be ignored in silence).

    Example
    -------
    >>> [t.name for t in load_targets()][:2]
    ['CSTO intervention', 'Russia']
    """
    p = Path(path) if path else DATA_DIR / "targets.yaml"
    if not p.exists():
        raise FileNotFoundError(f"targets file {p} does not exist; pass path=None for the bundled targets")
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    entries = data.get("targets") if isinstance(data, dict) else data
    if not entries:
        raise ValueError(f"{p} defines no targets; it needs a top-level 'targets:' list")
    targets = [_target_from_mapping(e) for e in entries]
    names = [t.name for t in targets]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise ValueError(f"{p} defines targets more than once: {dup}; merge their aliases")
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
            raise ValueError(f"cannot use {t!r} as a stance target; give a Target, a dict or a name")
    if not out:
        raise ValueError("no stance targets given; pass targets=None for the bundled ones")
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
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    for key in ("favor", "against", "questioning", "negators", "hedges", "holder_verbs"):
        if key not in data:
            raise ValueError(f"stance cue file {p} lacks the section {key!r}")
    return data


def _is_case_sensitive(phrase: str) -> bool:
    letters = re.sub(r"\\.|\[[^\]]*\]|\(\?[^)]*\)", "", phrase)
    return any(c.isalpha() for c in letters) and not any(c.islower() for c in letters)


def _phrase_regex(phrase: str) -> tuple[str, int]:
    """The word-bounded regex of one phrase and its flags (case-sensitive for abbreviations)."""
    body = phrase.strip().replace(" ", r"\s+")
    return r"(?<!\w)(?:" + body + r")(?!\w)", (0 if _is_case_sensitive(phrase) else re.IGNORECASE)


def _first_chars(phrase: str) -> frozenset[str] | None:
    """The characters a match of ``phrase`` can start with, or None when not certain.

    Reads the small regex subset of the data files — literals, ``(a|b)`` and ``(?:a|b)`` groups,
    ``?``/``*``/``+`` after an item, simple classes ``[sz]``, escaped punctuation ``\\.`` — and says
    None when the start is anything else (``\\w``, a range, ``.``, a space, a lookaround) or the
    phrase can match nothing. Anything after the first item is only parsed for its structure.
    """
    unknown = "\0unknown"  # stands for "some character we cannot name"

    class _Unreadable(Exception):
        pass

    body, i = phrase.strip(), 0

    def item() -> tuple[frozenset[str], bool]:  # (first characters, may match empty)
        nonlocal i
        ch = body[i]
        if ch == "\\":
            if i + 1 >= len(body):
                raise _Unreadable
            i += 2
            return (frozenset([unknown]) if body[i - 1].isalnum() else frozenset(body[i - 1])), False
        if ch == "[":
            j = body.find("]", i + 1)
            if j < 0:
                raise _Unreadable
            inner = body[i + 1:j]
            i = j + 1
            simple = inner and not any(c in inner for c in "^-\\[")
            return (frozenset(inner) if simple else frozenset([unknown])), False
        if ch == "(":
            i += 1
            if body.startswith("?:", i):
                i += 2
            elif body.startswith("?", i):
                raise _Unreadable  # lookarounds, inline flags, named groups
            firsts, nullable = set(), False
            while True:
                f, n = sequence()
                firsts |= f
                nullable |= n
                if i < len(body) and body[i] == "|":
                    i += 1
                    continue
                if i < len(body) and body[i] == ")":
                    i += 1
                    return frozenset(firsts), nullable
                raise _Unreadable
        if ch in "*+?{)|":
            raise _Unreadable
        i += 1
        if ch in ".^$" or ch.isspace():  # any character, an anchor, whitespace (matched as \s+)
            return frozenset([unknown]), ch in "^$"
        return frozenset(ch), False

    def sequence() -> tuple[frozenset[str], bool]:
        nonlocal i
        firsts: set[str] = set()
        open_start = True  # every item so far may match empty
        while i < len(body) and body[i] not in "|)":
            f, n = item()
            if i < len(body) and body[i] in "?*+{":
                if body[i] == "{":
                    j = body.find("}", i)
                    if j < 0:
                        raise _Unreadable
                    n = n or body[i + 1:j].split(",")[0].strip() in ("", "0")
                    i = j + 1
                else:
                    n = n or body[i] in "?*"
                    i += 1
                if i < len(body) and body[i] in "?+":  # lazy or possessive
                    i += 1
            if open_start:
                firsts |= f
                open_start = n
        return frozenset(firsts), open_start

    try:  # the phrase itself may be an alternation: "illegal(ly)?|illegitimate|unlawful"
        firsts, nullable = sequence()
        while i < len(body) and body[i] == "|":
            i += 1
            f, n = sequence()
            firsts, nullable = firsts | f, nullable or n
    except (_Unreadable, IndexError):
        return None
    if nullable or i != len(body) or not firsts or unknown in firsts:
        return None
    return firsts


class _PhraseSet:
    """Many phrases, found in one pass with what one ``finditer`` per phrase would give.

    ``finditer(text)`` returns every phrase's non-overlapping matches (which may overlap those of
    other phrases) as ``(start, end, index)``, ``index`` the phrase's place in ``phrases``. Phrases
    are tried longest first. One scan finds the positions where some phrase can start (a word
    boundary and one of the phrases' first characters); there, only the phrases that can start with
    that character are tried (cached per character). Phrases whose first characters cannot be read
    from the pattern go into one alternation scanned with a lookahead (every start position, the
    longest phrase first, the others tried where it matched).
    """

    def __init__(self, phrases: Sequence[str]):
        self.phrases = list(phrases)
        order = sorted(range(len(self.phrases)), key=lambda i: (-len(self.phrases[i]), self.phrases[i], i))
        self._pats: list[re.Pattern[str]] = []
        self._ids: list[int] = []
        self._first: list[re.Pattern[str] | None] = []  # a class of the first characters, or None
        lead_chars: dict[bool, set[str]] = {False: set(), True: set()}  # by "ignore case"
        for i in order:
            ph = self.phrases[i]
            rx, flags = _phrase_regex(ph)
            try:
                pat = re.compile(rx, flags)
            except re.error as exc:
                raise ValueError(f"phrase {ph!r} is not a valid pattern ({exc}); escape regex characters") from exc
            if pat.groupindex or re.search(r"\\[1-9]|\(\?P=", ph):
                raise ValueError(f"phrase {ph!r} uses a named group or a back-reference; "
                                 "phrases may use (a|b), ?, [sz] and escapes only")
            self._pats.append(pat)
            self._ids.append(i)
            firsts = _first_chars(ph)
            if firsts is None:
                self._first.append(None)
            else:
                cls = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
                self._first.append(re.compile(cls, flags))
                lead_chars[bool(flags & re.IGNORECASE)].update(firsts)
        # where a phrase with known first characters can start: a word boundary, then one of them (one class
        # per case mode, not one alternative per phrase: tried at every position of the text)
        lead_parts = [f"(?i:{cls})" if ignore_case else cls for ignore_case, chars in sorted(lead_chars.items())
                      if chars for cls in ["[" + "".join(re.escape(c) for c in sorted(chars)) + "]"]]
        self._lead_scan = re.compile(r"(?<!\w)(?=" + "|".join(lead_parts) + ")") if lead_parts else None
        # the others, in one alternation tried at every boundary
        self._rest = [a for a, first in enumerate(self._first) if first is None]
        self._rest_scan, self._rest_of_group, self._rest_wrapper = (
            self._alternation(self._rest) if self._rest else (None, {}, {}))
        self._by_char: dict[str, tuple[list[int], re.Pattern[str] | None, dict[int, int], dict[int, int]]] = {}

    def _alternation(self, alts: list[int]) -> tuple[re.Pattern[str], dict[int, int], dict[int, int]]:
        """One lookahead alternation of ``alts`` (in order): the pattern, group -> alternative, and
        alternative -> its outermost group."""
        parts, of_group, wrapper, group = [], {}, {}, 1
        for alt in alts:
            pat = self._pats[alt]
            inner = pat.pattern[len(r"(?<!\w)"):]  # the boundary before is checked once, outside
            parts.append("(" + (f"(?i:{inner})" if pat.flags & re.IGNORECASE else inner) + ")")
            for g in range(group, group + 1 + pat.groups):
                of_group[g] = alt
            wrapper[alt] = group
            group += 1 + pat.groups
        return re.compile(r"(?<!\w)(?=" + "|".join(parts) + ")"), of_group, wrapper

    def _starting_with(self, ch: str) -> tuple[list[int], re.Pattern[str] | None, dict[int, int], dict[int, int]]:
        """Phrases (with known first characters) that can start with ``ch``, longest first, and their
        alternation (compiled once per character)."""
        got = self._by_char.get(ch)
        if got is None:
            alts = [a for a, first in enumerate(self._first) if first is not None and first.match(ch)]
            got = (alts, *self._alternation(alts)) if alts else (alts, None, {}, {})
            self._by_char[ch] = got
        return got

    @staticmethod
    def _all_at(text: str, pos: int, m: re.Match[str], alts: list[int], of_group: dict[int, int],
                wrapper: dict[int, int], pats: list[re.Pattern[str]], last_end: dict[int, int],
                ids: list[int], out: list[tuple[int, int, int]]) -> None:
        """Every phrase of ``alts`` that matches at ``pos``, given the alternation's match ``m``
        (its first matching phrase); a phrase is skipped where its previous match has not ended."""
        first = of_group[m.lastindex]
        for alt in alts:
            if alt < first or last_end.get(alt, -1) > pos:
                continue
            if alt == first:
                start, end = m.span(wrapper[alt])
            else:
                mm = pats[alt].match(text, pos)
                if mm is None:
                    continue
                start, end = mm.span()
            last_end[alt] = end
            out.append((start, end, ids[alt]))

    def finditer(self, text: str) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        last_end: dict[int, int] = {}  # per phrase, as its own finditer: no overlap with itself
        if self._lead_scan is not None:
            by_char = self._by_char
            for m in self._lead_scan.finditer(text):
                pos = m.start()
                alts, scan, of_group, wrapper = by_char.get(text[pos]) or self._starting_with(text[pos])
                if scan is None:
                    continue
                hit = scan.match(text, pos)
                if hit is not None:
                    self._all_at(text, pos, hit, alts, of_group, wrapper, self._pats, last_end, self._ids, out)
        if self._rest_scan is not None:
            for m in self._rest_scan.finditer(text):
                self._all_at(text, m.start(), m, self._rest, self._rest_of_group, self._rest_wrapper, self._pats,
                             last_end, self._ids, out)
        return out


@dataclass
class _Lexicon:
    """Everything compiled once per (targets, cues) pair."""

    targets: list[Target]
    target_phrases: _PhraseSet  # every alias, cue and loaded term of every target, one alternation
    target_owners: list[list[tuple[int, int, str, str, float]]]  # per phrase: (entry, rank, target, kind, polarity)
    cue_phrases: _PhraseSet  # every stance cue, one alternation
    cue_owners: list[list[tuple[int, str, float]]]  # per phrase: (order, section, signed weight)
    negators: set[str]
    negator_phrases: re.Pattern[str]
    hedges: re.Pattern[str]
    intensifiers: set[str]
    holder_re: re.Pattern[str]
    source_re: re.Pattern[str]
    rhetorical_re: re.Pattern[str]
    clause_break_re: re.Pattern[str]  # punctuation and conjunctions that end a clause
    topic_re: re.Pattern[str]  # a topic marker opening a clause ("As for …,")
    precedent_re: re.Pattern[str]  # a sentence opening on an earlier episode ("A year ago, …")
    params: dict[str, float]
    sides: dict[str, re.Pattern[str]]
    official_re: re.Pattern[str]
    own_side: dict[str, set[str]] = field(default_factory=dict)
    report_re: re.Pattern[str] = re.compile(r"(?!x)x")  # "<someone else> says/claims (that)": reported speech
    first_person_re: re.Pattern[str] = re.compile(r"(?!x)x")  # "we", "our": the speaker's own side


def _alternation(phrases: Iterable[str] | None) -> str:
    """A regex alternation of vocabulary phrases (spaces match any whitespace), longest first;
    one that never matches when the list is empty or missing."""
    items = sorted({str(x).strip() for x in phrases or [] if str(x).strip()}, key=lambda x: (-len(x), x))
    return "|".join(x.replace(" ", r"\s+") for x in items) or "(?!x)x"


_LEXICONS: dict[tuple[Any, str], _Lexicon] = {}


def _build_lexicon(targets: list[Target], cues: dict[str, Any]) -> _Lexicon:
    """The compiled lexicon of these targets and cues (kept for reuse: the same targets and cues
    are read on every call of detect_stance and every fold of a cross-validation)."""
    key = (tuple(targets), json.dumps(cues, sort_keys=True, default=str))
    lex = _LEXICONS.get(key)
    if lex is None:
        if len(_LEXICONS) >= 8:
            _LEXICONS.pop(next(iter(_LEXICONS)))
        lex = _LEXICONS[key] = _new_lexicon(list(targets), cues)
    return lex


def _new_lexicon(targets: list[Target], cues: dict[str, Any]) -> _Lexicon:
    # one entry per (target, kind); the owners keep each phrase's place, so that ties sort as before
    t_index: dict[str, int] = {}
    t_owners: list[list[tuple[int, int, str, str, float]]] = []
    entry = 0
    for t in targets:
        for kind, pol, phrases in (
            ("alias", 0.0, t.aliases),
            ("cue", 0.0, t.cues),
            ("favor_term", 1.0, t.favor_terms),
            ("against_term", -1.0, t.against_terms),
        ):
            if not phrases:
                continue
            for rank, ph in enumerate(sorted(set(phrases), key=lambda s: (-len(s), s))):
                if ph not in t_index:
                    t_index[ph] = len(t_owners)
                    t_owners.append([])
                t_owners[t_index[ph]].append((entry, rank, t.name, kind, pol))
            entry += 1
    c_index: dict[str, int] = {}
    c_owners: list[list[tuple[int, str, float]]] = []
    order = 0
    for section, sign in (("favor", 1.0), ("against", -1.0), ("questioning", -1.0)):
        for item in cues.get(section) or []:
            phrase, weight = (item[0], float(item[1])) if isinstance(item, (list, tuple)) else (item, 1.0)
            phrase = str(phrase)
            if phrase not in c_index:
                c_index[phrase] = len(c_owners)
                c_owners.append([])
            c_owners[c_index[phrase]].append((order, section, sign * weight))
            order += 1
    neg = [n for n in cues["negators"]]
    single_neg = {n.lower() for n in neg if " " not in n}
    multi_neg = [n for n in neg if " " in n] or ["(?!x)x"]
    p = {
        "negation_window": float(cues.get("negation_window", 4)),
        "negation_factor": float(cues.get("negation_factor", 0.8)),
        "hedge_factor": float(cues.get("hedge_factor", 0.7)),
        "intensifier_factor": float(cues.get("intensifier_factor", 1.3)),
        "rhetorical_question_weight": float(cues.get("rhetorical_question_weight", 0.5)),
        "own_side_prior": float(cues.get("own_side_prior", 0.15)),
        "vader_weight": float(cues.get("vader_weight", 0.25)),
        "precedent_factor": float(cues.get("precedent_factor", 0.0)),
        "reported_factor": float(cues.get("reported_factor", 0.2)),
        "distancing_factor": float(cues.get("distancing_factor", -0.5)),
        "own_side_named_weight": float(cues.get("own_side_named_weight", 0.4)),
        "rhetorical_carry": float(cues.get("rhetorical_carry", 0.5)),
    }
    holder = "|".join(v.replace(" ", r"\s+") for v in cues["holder_verbs"])
    openers = "|".join(o.replace(" ", r"\s+") for o in cues.get("rhetorical_question_openers") or ["why"])
    sides = {
        k: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in v) + r")(?!\w)")
        for k, v in (cues.get("sides") or {}).items()
    }
    official = cues.get("official_words") or ["official"]
    return _Lexicon(
        targets=targets,
        target_phrases=_PhraseSet(list(t_index)),
        target_owners=t_owners,
        cue_phrases=_PhraseSet(list(c_index)),
        cue_owners=c_owners,
        negators=single_neg,
        negator_phrases=re.compile(r"\b(?:" + "|".join(m.replace(" ", r"\s+") for m in multi_neg) + r")\b", re.I),
        hedges=re.compile(r"\b(?:" + "|".join(h.replace(" ", r"\s+") for h in cues["hedges"]) + r")\b", re.I),
        intensifiers={w.lower() for w in cues.get("intensifiers") or []},
        holder_re=re.compile(r"^\W{0,3}(?:\w+\W+){0,1}?(?:" + holder + r")\b", re.I),
        source_re=re.compile(r"\b(?:" + "|".join(x.replace(" ", r"\s+") for x in cues.get("source_phrases") or ["(?!x)x"])
                             + r")\s*$", re.I),
        rhetorical_re=re.compile(r"^\W*(?:" + openers + r")\b", re.I),
        clause_break_re=re.compile(_PUNCT_BREAK_RE.pattern + r"|\b(?:" + _alternation(cues.get("clause_conjunctions"))
                                   + r")\b", re.I),
        topic_re=re.compile(r"[\W_]*(?:(?:and|but)\s+)?(?:" + _alternation(cues.get("topic_markers")) + r")\b", re.I),
        precedent_re=re.compile(r"\W*(?:" + _alternation(cues.get("precedent_openers")) + r")\b", re.I),
        params=p,
        sides=sides,
        official_re=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in official) + r")(?!\w)", re.I),
        own_side={t.name: set(t.own_side) for t in targets},
        report_re=_report_regex(cues),
        first_person_re=re.compile(r"(?<!\w)(?:" + _alternation(cues.get("first_person_plural")) + r")(?!\w)", re.I),
    )


def _report_regex(cues: dict[str, Any]) -> re.Pattern[str]:
    """A reporting frame inside a quote: a third party (not I/we) and a verb of saying or of distancing,
    with an optional "that"; group ``kind`` tells which."""
    say = _alternation(cues.get("reporting_verbs"))
    distance = _alternation(cues.get("distancing_verbs"))
    subject = r"(?!(?:I|we|We|you|You)\b)(?:[A-Z][\w'.-]*|they|they've|some|many|critics|others|he|she)(?:\s+[\w'.-]+){0,3}?"
    return re.compile(r"\b" + subject + r"\s+(?:(?P<say>" + say + r")|(?P<distance>" + distance + r"))\b(?:\s+that\b)?")


@functools.lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1)
def _vader_chars() -> frozenset[str]:
    """The characters VADER replaces by a description (emojis) before it reads the words."""
    return frozenset(_vader().emojis)


@functools.lru_cache(maxsize=1 << 15)
def _vader_compound(sentence: str) -> float:
    """VADER's compound score of one sentence (copies of a story repeat their sentences).

    VADER gives a word a valence only when the word, as it splits and strips it, is in its lexicon: a
    sentence without such a word (and without an emoji, which VADER turns into words) scores 0, and is
    not handed to VADER.
    """
    vader = _vader()
    if _vader_chars().isdisjoint(sentence):
        lexicon = vader.lexicon
        if not any(w.lower() in lexicon or w.strip(string.punctuation).lower() in lexicon for w in sentence.split()):
            return 0.0
    return vader.polarity_scores(sentence)["compound"]


# --------------------------------------------------------------------------------------------
# The rule method on one text
# --------------------------------------------------------------------------------------------
@dataclass
class _Mention:
    start: int
    end: int
    target: str
    kind: str
    polarity: float
    tok: int = 0
    holder: bool = False
    scare_quoted: bool = False
    topic: bool = False  # named by a topic marker ("As for Washington's position, …")


def _find_mentions(text: str, lex: _Lexicon) -> list[_Mention]:
    hits = []
    for start, end, i in lex.target_phrases.finditer(text):
        for entry, rank, name, kind, pol in lex.target_owners[i]:
            hits.append((entry, rank, start, end, name, kind, pol))
    hits.sort(key=lambda h: h[:3])  # the order of one finditer per (target, kind, phrase)
    found = [_Mention(start, end, name, kind, pol) for _, _, start, end, name, kind, pol in hits]
    # longest match wins; loaded terms beat plain aliases of equal length
    rank = {"against_term": 0, "favor_term": 0, "alias": 1, "cue": 2}
    found.sort(key=lambda m: (-(m.end - m.start), rank[m.kind], m.start, m.target))
    kept: list[_Mention] = []
    taken = np.zeros(len(text) + 1, dtype=bool)
    spans: set[tuple[int, int, str]] = set()
    for m in found:
        if not taken[m.start:m.end].any():
            kept.append(m)
            taken[m.start:m.end] = True
            spans.add((m.start, m.end, m.kind))
        elif (m.start, m.end, m.kind) in spans and all(k.target != m.target for k in kept[-8:]):
            kept.append(m)  # the very same phrase names two targets ("Russian interference")
    kept.sort(key=lambda m: (m.start, m.target))
    return kept


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _SENT_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


@dataclass
class _Contribution:
    target: str
    value: float
    lexical: bool
    label: str
    sentence: int


def _score_text(
    text: str,
    lex: _Lexicon,
    *,
    context: str = "",
    speaker_sides: frozenset[str] = frozenset(),
    use_vader: bool = True,
) -> tuple[dict[str, list[_Contribution]], list[tuple[int, int]], str, dict[str, str]]:
    """Score one quote against every target. Returns contributions per target, sentences, text."""
    text = (text or "").translate(_QUOTE_CHARS)
    mentions = _find_mentions(text, lex)
    sents = _sentences(text)
    if not mentions and not context:
        return {}, sents, text, {}  # no target in the quote nor in its context: nothing to score
    token_matches = list(_TOKEN_RE.finditer(text))
    tok_starts = [m.start() for m in token_matches]
    tokens = [m.group(0).lower() for m in token_matches]
    sent_starts = [a for a, _ in sents]

    def tok_index(pos: int) -> int:
        return max(0, bisect.bisect_right(tok_starts, pos) - 1)

    def sent_index(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    # clauses: a sentence cut at punctuation breaks and at conjunctions such as "but"
    clause_starts = sorted(set(sent_starts) | {c.start() for c in lex.clause_break_re.finditer(text)})

    def clause_start(pos: int) -> int:
        return clause_starts[max(0, bisect.bisect_right(clause_starts, pos) - 1)] if clause_starts else 0

    # sentences that open on an earlier episode ("A year ago, during …, X did …") recount a
    # precedent or a comparison: their cues describe that episode, not the speaker's stance
    # towards the targets named in it
    precedent = [bool(lex.precedent_re.match(text, a, b)) for a, b in sents]

    # reported speech inside the quote ("Some claim that the troops are an occupation"): words after a
    # third party's verb of saying are relayed, not the speaker's own (reported_factor); after a verb of
    # distancing ("claim", "allege") the speaker disputes them (distancing_factor < 0 reverses them)
    frames: list[tuple[int, int, float]] = []  # (frame end, sentence end, factor)
    for a, b in sents:
        fm = lex.report_re.search(text, a, b)
        if fm is not None:
            factor = lex.params["distancing_factor"] if fm.group("distance") else lex.params["reported_factor"]
            frames.append((fm.end(), b, factor))

    def reported(pos: int) -> tuple[float, str]:
        for f_end, s_end, factor in frames:
            if f_end <= pos < s_end:
                return factor, " (reported, disputed)" if factor < 0 else " (reported)"
        return 1.0, ""

    # inner quotation marks: a mention wrapped in quotes inside a quote is scare-quoted
    for m in mentions:
        m.tok = tok_index(m.start)
        before = text[max(0, m.start - 2):m.start]
        after = text[m.end:m.end + 2]
        m.scare_quoted = ('"' in before or "'" in before[-1:]) and ('"' in after or "'" in after[:1])
        m.holder = m.kind in ("alias", "cue") and bool(
            lex.holder_re.match(text[m.end:m.end + 40]) or lex.source_re.search(text[max(0, m.start - 40):m.start]))
        m.topic = bool(lex.topic_re.match(text, clause_start(m.start), m.start))
    contrib: dict[str, list[_Contribution]] = {}
    concerned: dict[str, str] = {}
    for m in mentions:
        if not m.holder:
            concerned.setdefault(m.target, "quote")

    def add(target: str, value: float, lexical: bool, label: str, sent: int) -> None:
        contrib.setdefault(target, []).append(_Contribution(target, value, lexical, label, sent))

    # context targets (the attribution sentence), used only where a quote names no target itself
    ctx_targets: list[str] = []
    if context and not mentions:  # only a quote that names no target at all borrows its context's
        ctx = context.translate(_QUOTE_CHARS)
        ctx_targets = sorted({m.target for m in _find_mentions(ctx, lex)
                              if not lex.holder_re.match(ctx[m.end:m.end + 40])
                              and not lex.source_re.search(ctx[max(0, m.start - 40):m.start])})

    # 1. loaded terms: the naming itself carries the stance
    for m in mentions:
        if m.kind in ("favor_term", "against_term"):
            val = m.polarity
            if m.scare_quoted and val > 0:
                val = -0.8  # "peaceful demonstrators" in scare quotes: distancing
            neg = _negated(tokens, m.tok, text, tok_starts, lex, window=1)
            if neg:
                val = -val * lex.params["negation_factor"]
            factor, note = reported(m.start)
            add(m.target, val * factor, True, f"{text[m.start:m.end]}{note}", sent_index(m.start))
        elif m.kind == "alias" and m.scare_quoted and m.target in concerned and (m.end - m.start) > 3:
            add(m.target, -0.6, True, f'"{text[m.start:m.end]}" (scare quotes)', sent_index(m.start))

    # 2. general cues, attributed to the nearest object mention
    covered = np.zeros(len(text) + 1, dtype=bool)
    for m in mentions:
        covered[m.start:m.end] = True
    cue_hits = []
    for c_start, c_end, i in lex.cue_phrases.finditer(text):
        if covered[c_start:c_end].any():
            continue
        for order, section, weight in lex.cue_owners[i]:
            cue_hits.append((order, c_start, c_end, section, weight))
    cue_hits.sort(key=lambda h: (h[1], -(h[2] - h[1]), h[0]))  # by start, longest first, then lexicon order
    cue_hits = [h[1:] for h in cue_hits]
    last_end = -1
    object_mentions = [m for m in mentions if not m.holder]
    for start, end, _section, weight in cue_hits:
        if start < last_end:
            continue  # overlapping cue phrases count once
        last_end = end
        s_i = sent_index(start)
        a, b = sents[s_i]
        ti = tok_index(start)
        value = weight
        if _negated(tokens, ti, text, tok_starts, lex):
            value = -value * lex.params["negation_factor"]
        if any(tokens[j] in lex.intensifiers for j in range(max(0, ti - 2), ti)):
            value *= lex.params["intensifier_factor"]
        if lex.hedges.search(text[a:b]):
            value *= lex.params["hedge_factor"]
        factor, note = reported(start)
        value *= factor
        label = f"{text[start:end]}{note}"
        if precedent[s_i]:
            value *= lex.params["precedent_factor"]
            label += " (earlier episode)"
            if not value:
                continue
        in_sent = [m for m in object_mentions if a <= m.start < b]
        if in_sent:
            # a target in the cue's own clause first; else the sentence's topic ("As for X, we have
            # questions about the request": the questions are X's); else the nearest in the sentence
            cl = clause_start(start)
            pool = ([m for m in in_sent if not m.topic and clause_start(m.start) == cl]
                    or [m for m in in_sent if m.topic] or in_sent)
            best = min(pool, key=lambda m: (abs(m.tok - ti), m.start))
            d = abs(best.tok - ti)
            add(best.target, value / (1.0 + d / 15.0), True, label, s_i)
        elif object_mentions:
            best = min(object_mentions, key=lambda m: (abs(m.tok - ti), m.start))
            d = abs(best.tok - ti)
            add(best.target, 0.5 * value / (1.0 + d / 20.0), True, label, s_i)
        elif ctx_targets:
            for t in ctx_targets:
                add(t, 0.5 * value / len(ctx_targets), True, label + " (context)", s_i)
                concerned.setdefault(t, "context")

    # 3. rhetorical wh-questions and VADER, per sentence, for the targets named in it
    previous_targets: list[str] = []  # the targets of the last sentence that named any
    for s_i, (a, b) in enumerate(sents):
        sent = text[a:b].strip()
        in_sent = sorted({m.target for m in object_mentions if a <= m.start < b})
        rhetorical = sent.endswith("?") and bool(lex.rhetorical_re.match(sent))
        if rhetorical and not in_sent and not precedent[s_i]:
            # a rhetorical question that names no target ("What kind of negotiations can there be
            # with criminals?") doubts what the quote was just speaking of: the previous sentence's
            # targets, else the context's, at rhetorical_carry of the weight
            carried = previous_targets or ctx_targets
            for t in carried:
                add(t, -lex.params["rhetorical_question_weight"] * lex.params["rhetorical_carry"], True,
                    "rhetorical question (about the preceding sentence)", s_i)
                concerned.setdefault(t, "context")
        if in_sent:
            previous_targets = in_sent
        if not in_sent or (precedent[s_i] and not lex.params["precedent_factor"]):
            continue
        if rhetorical:
            for t in in_sent:
                add(t, -lex.params["rhetorical_question_weight"], True, "rhetorical question", s_i)
        if use_vader and lex.params["vader_weight"]:
            comp = _vader_compound(sent)
            if comp:
                for t in in_sent:
                    add(t, lex.params["vader_weight"] * comp, False, f"VADER {comp:+.2f}", s_i)

    # 4. the speaker's own side: a small prior, never decisive alone
    for t in list(concerned):
        if speaker_sides & lex.own_side.get(t, set()):
            add(t, lex.params["own_side_prior"], False, "own side", -1)
            # ... and textual evidence when the speaker names the target as their own: "our
            # peacekeepers", "we sent troops" (first person plural in a sentence naming it)
            for s_i, (a, b) in enumerate(sents):
                if precedent[s_i]:
                    continue
                if any(m.target == t and a <= m.start < b for m in object_mentions) and lex.first_person_re.search(text, a, b):
                    add(t, lex.params["own_side_named_weight"], True, "own side named as 'we'/'our'", s_i)
                    break
    return contrib, sents, text, concerned


def _negated(tokens: list[str], ti: int, text: str, tok_starts: list[int], lex: _Lexicon,
             window: int | None = None) -> bool:
    window = int(lex.params["negation_window"]) if window is None else window
    lo = max(0, ti - window)
    for j in range(ti - 1, lo - 1, -1):
        # stop at a clause break between the negator and the cue
        seg_start = tok_starts[j]
        seg_end = tok_starts[ti] if ti < len(tok_starts) else len(text)
        if _PUNCT_BREAK_RE.search(text[seg_start:seg_end]):
            return False
        if tokens[j] in lex.negators or tokens[j].endswith("n't"):
            return True
    if ti < len(tok_starts):
        left = text[tok_starts[lo]:tok_starts[ti]] if lo < ti else ""
        if lex.negator_phrases.search(left) and not _PUNCT_BREAK_RE.search(left):
            return True
    return False


def _decide(items: list[_Contribution], threshold: float) -> tuple[str, float, float]:
    raw = sum(c.value for c in items)
    lexical = sum(c.value for c in items if c.lexical)
    score = math.tanh(raw)
    if score >= threshold and lexical > 0:
        return "favor", score, lexical
    if score <= -threshold and lexical < 0:
        return "against", score, lexical
    return "none", score, lexical


def _gazetteer_table(gazetteer: Any) -> pd.DataFrame | None:
    """The gazetteer as a table with ``name``, ``type``, ``affiliation``, ``role`` (or None)."""
    if gazetteer is None:
        return None
    if hasattr(gazetteer, "to_frame"):
        gazetteer = gazetteer.to_frame()
    if isinstance(gazetteer, Mapping):
        gazetteer = pd.DataFrame([{"name": k, **(dict(v) if isinstance(v, Mapping) else {"affiliation": v})}
                                  for k, v in gazetteer.items()])
    if not isinstance(gazetteer, pd.DataFrame):
        raise TypeError("gazetteer must be a kzlib.actors.Gazetteer, a DataFrame or a mapping name -> record")
    key = next((c for c in ("name", "canonical", "actor", "speaker") if c in gazetteer.columns), None)
    if key is None:
        raise ValueError("gazetteer table needs a 'name' column (canonical actor names)")
    g = gazetteer.rename(columns={key: "name"}).drop_duplicates("name").copy()
    for c in ("type", "affiliation", "role"):
        g[c] = g[c].fillna("").astype(str) if c in g.columns else ""
    return g.set_index("name")


def speaker_profiles(speakers: Iterable[str], *, gazetteer: Any = None,
                     cues: dict[str, Any] | None = None) -> pd.DataFrame:
    """Affiliation, official/expert status, side keys and a group label for each speaker.

    A speaker is an *official* when their gazetteer role (or type: organisation, state) has an
    official word ("minister", "spokesperson", "ambassador") and no expert word ("former",
    "professor", "council"); the group is ``"<affiliation> officials"`` or
    ``"<affiliation> experts"``; unknown speakers get ``"unknown"``.

    Example
    -------
    >>> g = pd.DataFrame({"name": ["A"], "type": ["person"], "affiliation": ["Russia"], "role": ["ambassador"]})
    >>> speaker_profiles(["A", "B"], gazetteer=g)["group"].tolist()
    ['Russia officials', 'unknown']
    """
    cue_data = cues or load_stance_cues()
    lex_sides = {k: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in v) + r")(?!\w)")
                 for k, v in (cue_data.get("sides") or {}).items()}
    official = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in cue_data.get("official_words") or ["official"])
                          + r")(?!\w)", re.I)
    expert = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in cue_data.get("expert_words") or ["expert"])
                        + r")", re.I)
    table = _gazetteer_table(gazetteer)
    rows = []
    for sp in sorted({str(s) for s in speakers if isinstance(s, str) and s}):
        if table is not None and sp in table.index:
            rec = table.loc[sp]
            aff, role, typ = rec["affiliation"], rec["role"], rec["type"]
        else:
            aff, role, typ = "", "", ""
        is_official = bool(aff) and not expert.search(role) and (
            bool(official.search(role)) or typ in ("organisation", "state"))
        sides = ",".join(sorted(k for k, pat in lex_sides.items() if aff and pat.search(aff))) if is_official else ""
        group = "unknown" if not aff else f"{aff} {'officials' if is_official else 'experts'}"
        rows.append({"speaker": sp, "affiliation": aff, "role": role, "is_official": is_official,
                     "sides": sides, "group": group})
    return pd.DataFrame(rows, columns=["speaker", "affiliation", "role", "is_official", "sides", "group"])


# --------------------------------------------------------------------------------------------
# detect_stance
# --------------------------------------------------------------------------------------------
def _attribution_context(quotes: pd.DataFrame, paragraphs: pd.DataFrame | None, width: int = 220) -> pd.Series:
    """The text around each quote in its paragraph, without the quote and the speaker's title."""
    if "context" in quotes.columns:
        return quotes["context"].fillna("").astype(str)
    empty = pd.Series("", index=quotes.index, dtype=object)
    if paragraphs is None or not {"para_id", "start", "end"} <= set(quotes.columns):
        return empty
    col = "text"
    para = paragraphs.set_index(["doc_id", "para_id"])[col]
    para = para[~para.index.duplicated()]
    out = []
    for doc_id, para_id, start, end, surface in zip(
        quotes["doc_id"], quotes["para_id"], quotes["start"], quotes["end"],
        quotes["speaker_surface"] if "speaker_surface" in quotes.columns else [""] * len(quotes),
    ):
        text = para.get((doc_id, para_id), "")
        if not isinstance(text, str) or pd.isna(start) or pd.isna(end) or int(end) > len(text):
            out.append("")
            continue
        s, e = int(start), int(end)
        ctx = text[max(0, s - width):s] + " … " + text[e:e + width]
        if isinstance(surface, str) and surface:
            i = ctx.find(surface)
            if i >= 0:  # drop the speaker's own designation ("Russian ambassador to the U.S. X")
                ctx = ctx[:max(0, i - 80)] + " " + ctx[i + len(surface):]
        out.append(ctx)
    return pd.Series(out, index=quotes.index, dtype=object)


def detect_stance(
    quotes: pd.DataFrame,
    *,
    targets: Any = None,
    gazetteer: Any = None,
    paragraphs: pd.DataFrame | None = None,
    cues: dict[str, Any] | str | Path | None = None,
    threshold: float = 0.3,
    use_vader: bool = True,
    kinds: Sequence[str] | None = ("direct", "indirect", "interview", "fragment"),
) -> pd.DataFrame:
    """Stance of each quotation towards each target it concerns (the ``stances`` table).

    Parameters
    ----------
    quotes : the ``quotes`` table (needs ``doc_id``, ``quote_id``, ``quote``; ``speaker`` if known;
        ``para_id``/``start``/``end``/``speaker_surface`` or a ``context`` column to read the sentence
        that introduces the quote).
    targets : None (the bundled ``targets.yaml``), a YAML path, a list of :class:`Target` / names /
        dicts, or a mapping ``{name: [aliases]}``.
    gazetteer : actors table (DataFrame with ``canonical``/``name`` and role/affiliation columns, or a
        mapping name -> record): gives a speaker's side for the small own-side prior.
    paragraphs : the ``paragraphs`` table, for the attribution context.
    threshold : |score| needed (with lexical evidence in that direction) for favor/against.
    kinds : quote kinds read when the table has a ``kind`` column (interviewer questions are not a
        speaker's words); None reads all.

    Returns the ``stances`` table: ``doc_id, quote_id, speaker, target, stance, score, evidence``
    plus ``lexical`` (the cue/term part of the score), ``cues`` (what scored) and ``source``
    (``quote`` or ``context``: where the target was found). Rows sorted by doc_id, quote_id, target.

    Example
    -------
    >>> q = pd.DataFrame({"doc_id": ["d"], "quote_id": ["q1"], "speaker": ["X"],
    ...                   "quote": ["Russia's aggressive actions are a threat to peace."]})
    >>> detect_stance(q)[["target", "stance"]].values.tolist()
    [['Russia', 'against']]
    """
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError("quotes must be a pandas DataFrame (the quotes table from kzlib.quotes)")
    missing = {"doc_id", "quote_id", "quote"} - set(quotes.columns)
    if missing:
        raise ValueError(f"quotes table lacks columns {sorted(missing)}; build it with kzlib.quotes")
    if not 0 < threshold < 1:
        raise ValueError(f"threshold must lie in (0, 1), got {threshold}")
    if kinds is not None and "kind" in quotes.columns:
        n0 = len(quotes)
        quotes = quotes[quotes["kind"].isin(kinds)]
        if len(quotes) < n0:
            logger.info("detect_stance: %d quotes of other kinds (e.g. interviewer questions) left out", n0 - len(quotes))
    tlist = _coerce_targets(targets)
    cue_data = cues if isinstance(cues, dict) else load_stance_cues(cues)
    lex = _build_lexicon(tlist, cue_data)
    context = _attribution_context(quotes, paragraphs)
    speakers = quotes["speaker"].fillna("").astype(str) if "speaker" in quotes.columns else pd.Series("", index=quotes.index)
    prof = speaker_profiles(speakers.unique(), gazetteer=gazetteer, cues=cue_data) if gazetteer is not None else None
    side_of = ({} if prof is None else
               {r.speaker: frozenset(x for x in r.sides.split(",") if x) for r in prof.itertuples()})
    texts = quotes["quote"].fillna("").astype(str)
    # copies of a story repeat their quotes: each repeated (text, context, sides) is scored once
    repeated = texts.duplicated(keep=False).to_numpy()
    scored_once: dict[tuple[str, str, frozenset[str]], list[dict[str, Any]]] = {}
    rows = []
    for doc_id, quote_id, text, speaker, ctx, again in zip(
        quotes["doc_id"], quotes["quote_id"], texts, speakers, context, repeated
    ):
        sides = side_of.get(speaker, frozenset())
        key = (text, ctx, sides)
        scored = scored_once.get(key) if again else None
        if scored is None:
            scored = _score_quote(text, lex, context=ctx, speaker_sides=sides, use_vader=use_vader,
                                  threshold=threshold)
            if again:
                scored_once[key] = scored
        for row in scored:
            rows.append({"doc_id": doc_id, "quote_id": quote_id, "speaker": speaker, **row})
    out = pd.DataFrame(rows, columns=STANCE_COLUMNS + ["lexical", "cues", "source"])
    out = out.sort_values(["doc_id", "quote_id", "target"], kind="mergesort", ignore_index=True)
    logger.info("stance: %d quotes, %d quote-target rows (%s)", len(quotes), len(out),
                out["stance"].value_counts().to_dict() if len(out) else {})
    return out


def _score_quote(text: str, lex: _Lexicon, *, context: str, speaker_sides: frozenset[str], use_vader: bool,
                 threshold: float) -> list[dict[str, Any]]:
    """The stance rows of one quote (without doc_id, quote_id and speaker), one per target it concerns."""
    contrib, sents, ntext, concerned = _score_text(text, lex, context=context, speaker_sides=speaker_sides,
                                                   use_vader=use_vader)
    rows = []
    for target in sorted(concerned):
        items = contrib.get(target, [])
        stance, score, lexical = _decide(items, threshold)
        rows.append({
            "target": target,
            "stance": stance,
            "score": round(float(score), 4),
            "evidence": _evidence(items, sents, ntext, stance),
            "lexical": round(float(lexical), 4),
            "cues": "; ".join(f"{c.label} {c.value:+.2f}" for c in sorted(items, key=lambda c: -abs(c.value))[:6]),
            "source": concerned[target],
        })
    return rows


def _evidence(items: list[_Contribution], sents: list[tuple[int, int]], text: str, stance: str, limit: int = 300) -> str:
    """The sentence that carried the most weight in the decided direction (or the first one)."""
    sign = {"favor": 1, "against": -1}.get(stance, 0)
    per_sent: dict[int, float] = {}
    for c in items:
        if c.sentence >= 0 and c.lexical and (sign == 0 or c.value * sign > 0):
            per_sent[c.sentence] = per_sent.get(c.sentence, 0.0) + abs(c.value)
    if not sents:
        return ""
    s_i = max(per_sent, key=lambda k: (per_sent[k], -k)) if per_sent else 0
    a, b = sents[min(s_i, len(sents) - 1)]
    ev = text[a:b].strip()
    return ev if len(ev) <= limit else ev[: limit - 1] + "…"


# --------------------------------------------------------------------------------------------
# Summaries
# --------------------------------------------------------------------------------------------
def _story_ids(stances: pd.DataFrame, documents: pd.DataFrame | None) -> pd.Series:
    if documents is not None and {"doc_id", "story_id"} <= set(documents.columns):
        m = documents.drop_duplicates("doc_id").set_index("doc_id")["story_id"]
        sid = stances["doc_id"].map(m)
        return sid.where(sid.notna() & (sid.astype(str) != ""), stances["doc_id"]).astype(str)
    return stances["doc_id"].astype(str)


def _label(score: pd.Series, threshold: float) -> pd.Series:
    return pd.Series(np.where(score >= threshold, "favor", np.where(score <= -threshold, "against", "none")),
                     index=score.index)


def _story_level(stances: pd.DataFrame, documents: pd.DataFrame | None, keys: list[str]) -> pd.DataFrame:
    """One row per keys × story: mean score over the story's quotes (all copies), and the number of
    quotes in its fullest copy (so a story republished three times counts once)."""
    df = stances.copy()
    df["story_id"] = _story_ids(df, documents)
    # quotes labelled none state no stance: they do not dilute the story's score (0 if all none)
    df["_s"] = df["score"].where(df["stance"] != "none")
    per_doc = df.groupby(keys + ["story_id", "doc_id"], sort=True).agg(n=("quote_id", "nunique")).reset_index()
    n_q = per_doc.groupby(keys + ["story_id"], sort=True)["n"].max().rename("n_quotes")
    agg = df.groupby(keys + ["story_id"], sort=True).agg(score=("_s", "mean")).join(n_q).reset_index()
    return agg  # score is NaN for a story where every quote is none


def _bootstrap_cells(df: pd.DataFrame, keys: list[str], *, n_boot: int, random_state: int) -> pd.DataFrame:
    """Per cell of ``keys``: a 95% interval for the story-weighted mean score, by a two-stage bootstrap
    (stories resampled with replacement, then each drawn story's stance-taking quotes; the statistic is
    the mean over stories of the story's mean score, as in :func:`summarise_stance`; a story whose
    quotes are all ``none`` scores 0 and has no quotes to resample)."""
    rng = np.random.default_rng(random_state)
    d = df.assign(_s=df["score"].where(df["stance"] != "none"))
    out = []
    for key, g in d.groupby(keys, sort=True):
        stories = []
        for _, sg in g.groupby("story_id", sort=True):
            vals = sg["_s"].dropna().to_numpy(dtype=float)
            stories.append(vals)
        if n_boot <= 0 or not any(len(v) for v in stories):
            lo = hi = 0.0 if not any(len(v) for v in stories) else np.nan
        else:
            # stage 2 first: n_boot resampled means per story (0 for a story with no stance)
            means = np.column_stack([
                v[rng.integers(0, len(v), (n_boot, len(v)))].mean(axis=1) if len(v) else np.full(n_boot, np.nan)
                for v in stories])
            pick = rng.integers(0, len(stories), (n_boot, len(stories)))
            drawn = np.take_along_axis(means, pick, axis=1)
            counts = (~np.isnan(drawn)).sum(axis=1)
            stat = np.where(counts > 0, np.nansum(drawn, axis=1) / np.maximum(counts, 1), 0.0)
            lo, hi = np.percentile(stat, [2.5, 97.5])
        out.append((*(key if isinstance(key, tuple) else (key,)), round(float(lo), 4), round(float(hi), 4)))
    return pd.DataFrame(out, columns=keys + ["score_low", "score_high"])


def _finding(out: pd.DataFrame) -> pd.Series:
    """How far a cell's stance can be read as a finding: ``single quote`` (one quote: an example, not
    a finding), ``uncertain`` (the interval reaches the other side of 0), else ``finding``."""
    sign = out["stance"].map({"favor": 1.0, "against": -1.0}).fillna(0.0)
    firm = ((sign > 0) & (out["score_low"] > 0)) | ((sign < 0) & (out["score_high"] < 0))
    return pd.Series(np.where(out["n_quotes"] <= 1, "single quote",
                              np.where(sign == 0, "no stance", np.where(firm, "finding", "uncertain"))),
                     index=out.index)


def summarise_stance(
    stances: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    threshold: float = 0.3,
    include_unattributed: bool = False,
    n_boot: int = 1000,
    random_state: int = 0,
) -> pd.DataFrame:
    """Speaker × target summary (the ``stance_summary`` table), each story counted once.

    ``score`` is the mean, over the stories where the speaker takes a stance on the target, of the
    story's mean score over its quotes that take one (copies of one story, from
    ``documents.story_id``, pooled; 0 where every quote is ``none``); ``stance`` is favor/against when |score| ≥ ``threshold``;
    ``n_quotes`` sums the fullest copy of each story; ``n_stories`` counts stories. Extra columns:
    ``n_favor``/``n_against`` (quotes labelled so, fullest copy), ``evidence`` (the strongest quote in
    the summary's direction, so a reader can check the cell), ``score_low``/``score_high`` (95%
    two-stage bootstrap over stories and their quotes, ``n_boot`` resamples, seeded) and ``basis``:
    ``single quote`` (one quote: an example, not a finding), ``uncertain`` (the interval reaches the
    other side of 0), ``finding`` or ``no stance``.

    Example
    -------
    >>> st = pd.DataFrame({"doc_id": ["a", "b"], "quote_id": ["1", "1"], "speaker": ["X", "X"],
    ...                    "target": ["Russia"] * 2, "stance": ["against"] * 2, "score": [-0.8, -0.6],
    ...                    "evidence": ["...", "..."]})
    >>> summarise_stance(st)[["speaker", "target", "stance", "n_stories"]].values.tolist()
    [['X', 'Russia', 'against', 2]]
    """
    _check_stances(stances)
    df = stances.copy()
    df["speaker"] = df["speaker"].fillna("").astype(str)
    if not include_unattributed:
        n_drop = int((df["speaker"] == "").sum())
        if n_drop:
            logger.info("summarise_stance: %d rows without a speaker left out", n_drop)
        df = df[df["speaker"] != ""]
    if df.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS + ["n_favor", "n_against", "evidence", "score_low", "score_high",
                                                       "basis"])
    keys = ["speaker", "target"]
    story = _story_level(df, documents, keys)
    out = story.groupby(keys, sort=True).agg(
        score=("score", "mean"), n_quotes=("n_quotes", "sum"), n_stories=("story_id", "nunique")
    ).reset_index()
    out["score"] = out["score"].fillna(0.0).round(4)
    out["stance"] = _label(out["score"], threshold)
    df["story_id"] = _story_ids(df, documents)
    counts = _stance_counts(df, keys)
    out = out.merge(counts, on=keys, how="left")
    out = out.merge(_best_evidence(df, out, keys), on=keys, how="left")
    out = out.merge(_bootstrap_cells(df, keys, n_boot=n_boot, random_state=random_state), on=keys, how="left")
    out["basis"] = _finding(out)
    cols = SUMMARY_COLUMNS + ["n_favor", "n_against", "evidence", "score_low", "score_high", "basis"]
    return out[cols].sort_values(keys, kind="mergesort", ignore_index=True)


def _stance_counts(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    per_doc = (df.assign(f=df["stance"].eq("favor"), a=df["stance"].eq("against"))
               .groupby(keys + ["story_id", "doc_id"], sort=True)[["f", "a"]].sum())
    per_story = per_doc.groupby(keys + ["story_id"], sort=True).max()
    c = per_story.groupby(keys, sort=True).sum().reset_index()
    return c.rename(columns={"f": "n_favor", "a": "n_against"}).astype({"n_favor": int, "n_against": int})


def _best_evidence(df: pd.DataFrame, summary: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    sign = summary.set_index(keys)["stance"].map({"favor": 1.0, "against": -1.0, "none": 0.0})
    d = df.join(sign.rename("sign"), on=keys)
    d["strength"] = np.where(d["sign"] == 0, -d["score"].abs(), d["score"] * d["sign"])
    d = d.sort_values(keys + ["strength", "doc_id", "quote_id"], ascending=[True] * len(keys) + [False, True, True],
                      kind="mergesort")
    best = d.groupby(keys, sort=True).head(1)
    return best[keys + ["evidence"]]


def outlet_stance(
    stances: pd.DataFrame,
    *,
    documents: pd.DataFrame,
    by: str = "outlet",
    threshold: float = 0.3,
    n_boot: int = 1000,
    random_state: int = 0,
) -> pd.DataFrame:
    """Per outlet × target: the share of quoted voices (speakers) for and against.

    Also the story-weighted mean score of the outlet's quotes on the target (``quote_score``) with a
    95% two-stage bootstrap interval over its stories and their quotes (``quote_score_low``,
    ``quote_score_high``), and ``basis`` (``single quote`` where the outlet quotes one line on it).

    Each speaker's stance within an outlet is the mean of their story-level scores there (a story
    counted once); ``share_favor``/``share_against`` are over the outlet's voices on that target.

    Example
    -------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["N"], "story_id": ["s"]})
    >>> st = pd.DataFrame({"doc_id": ["a", "a"], "quote_id": ["1", "2"], "speaker": ["X", "Y"],
    ...                    "target": ["Russia"] * 2, "stance": ["against", "favor"], "score": [-0.8, 0.6],
    ...                    "evidence": ["", ""]})
    >>> outlet_stance(st, documents=docs)[["outlet", "n_voices", "share_favor"]].values.tolist()
    [['N', 2, 0.5]]
    """
    _check_stances(stances)
    if documents is None or by not in documents.columns:
        raise ValueError(f"outlet_stance needs the documents table with a {by!r} column (corpus.documents)")
    df = stances[stances["speaker"].fillna("").astype(str) != ""].copy()
    cols = [by, "target", "n_voices", "n_favor", "n_against", "n_none", "share_favor", "share_against",
            "n_quotes", "n_stories", "score"]
    if df.empty:
        return pd.DataFrame(columns=cols + ["quote_score", "quote_score_low", "quote_score_high", "basis"])
    outlets = documents.drop_duplicates("doc_id").set_index("doc_id")[by].fillna("").astype(str)
    df[by] = df["doc_id"].map(outlets).fillna("").replace("", "(unknown outlet)")
    story = _story_level(df, documents, [by, "target", "speaker"])
    voice = story.groupby([by, "target", "speaker"], sort=True).agg(
        score=("score", "mean"), n_quotes=("n_quotes", "sum"), n_stories=("story_id", "nunique")).reset_index()
    voice["score"] = voice["score"].fillna(0.0)
    voice["stance"] = _label(voice["score"], threshold)
    g = voice.groupby([by, "target"], sort=True)
    out = g.agg(n_voices=("speaker", "nunique"), n_quotes=("n_quotes", "sum"), score=("score", "mean")).reset_index()
    for s in STANCES:
        out[f"n_{s}"] = g["stance"].apply(lambda x, s=s: int((x == s).sum())).values
    out["share_favor"] = (out["n_favor"] / out["n_voices"]).round(4)
    out["share_against"] = (out["n_against"] / out["n_voices"]).round(4)
    out["n_stories"] = story.groupby([by, "target"], sort=True)["story_id"].nunique().values
    out["score"] = out["score"].round(4)
    df["story_id"] = _story_ids(df, documents)
    pooled = _story_level(df, documents, [by, "target"]).groupby([by, "target"], sort=True).agg(
        quote_score=("score", "mean"), n_q=("n_quotes", "sum")).reset_index()
    pooled["quote_score"] = pooled["quote_score"].fillna(0.0).round(4)
    cells = _bootstrap_cells(df, [by, "target"], n_boot=n_boot, random_state=random_state).rename(
        columns={"score_low": "quote_score_low", "score_high": "quote_score_high"})
    out = out.merge(pooled, on=[by, "target"], how="left").merge(cells, on=[by, "target"], how="left")
    basis = _finding(pd.DataFrame({"stance": _label(out["quote_score"], threshold), "n_quotes": out["n_q"],
                                   "score_low": out["quote_score_low"], "score_high": out["quote_score_high"]}))
    out["basis"] = basis.values
    cols = cols + ["quote_score", "quote_score_low", "quote_score_high", "basis"]
    return out[cols].sort_values([by, "target"], kind="mergesort", ignore_index=True)


def _check_stances(stances: pd.DataFrame) -> None:
    if not isinstance(stances, pd.DataFrame):
        raise TypeError("stances must be a pandas DataFrame (from detect_stance)")
    missing = {"doc_id", "quote_id", "speaker", "target", "stance", "score"} - set(stances.columns)
    if missing:
        raise ValueError(f"stances table lacks columns {sorted(missing)}; build it with detect_stance")


# --------------------------------------------------------------------------------------------
# Learning from researchers
# --------------------------------------------------------------------------------------------
def _check_X(X: Any) -> pd.DataFrame:
    if not isinstance(X, pd.DataFrame) or not {"text", "target"} <= set(X.columns):
        raise ValueError("X must be a DataFrame with 'text' and 'target' columns (one row per quote × target)")
    return X


def _check_y(y: Any, n: int) -> np.ndarray:
    arr = np.asarray(y, dtype=object)
    if arr.shape[0] != n:
        raise ValueError(f"y has {arr.shape[0]} labels for {n} rows of X")
    bad = sorted({str(v) for v in arr if v not in STANCES})
    if bad:
        raise ValueError(f"stance labels must be favor / against / none; found {bad}")
    return arr


def _slug(s: str) -> str:
    return re.sub(r"\W+", "_", str(s).lower()).strip("_") or "target"


_MASK = "xtargetx"  # what a mention of the target becomes in the classifier's text (one word token)
_CLF_TOKEN_RE = re.compile(r"#?\w+(?:'\w+)?|n't|[.!?;:,]")
_CLF_NEGATOR_RE = re.compile(r"^(?:not|no|never|nobody|nothing|none|neither|nor|cannot|without|hardly|\w+n't|n't)$")
_CLF_CLAUSE_RE = re.compile(r"[,;:()\"“”—–]|\s-\s|\b(?:but|however|whereas|while|although)\b", re.I)


@functools.lru_cache(maxsize=1 << 16)
def _vader_scores(text: str) -> tuple[float, float, float]:
    """VADER's compound, positive and negative proportions of one text (cached)."""
    s = _vader().polarity_scores(text)
    return s["compound"], s["pos"], s["neg"]


def _lexicon_sums(text: str) -> tuple[float, float]:
    """log(1 + summed positive valence) and log(1 + summed negative valence) of the VADER lexicon's
    words in ``text``, a word's valence reversed inside a negation's scope (from a negator to the next
    punctuation mark, as in Pang et al. 2002)."""
    lexicon = _vader().lexicon
    pos = neg = 0.0
    negated = False
    for tok in _CLF_TOKEN_RE.findall(text.lower()):
        if tok in ".!?;:,":
            negated = False
            continue
        if _CLF_NEGATOR_RE.match(tok):
            negated = True
            continue
        v = lexicon.get(tok.lstrip("#"))
        if v:
            v = -v if negated else v
            if v > 0:
                pos += v
            else:
                neg -= v
    return math.log1p(pos), math.log1p(neg)


def _mention_span(text: str, target: str, start: Any, end: Any, finders: dict[str, re.Pattern[str]]) -> tuple[int, int] | None:
    """Where the target is named in ``text``: the given offsets, else the first match of its aliases
    (the targets file's, else the words of its name), else None (a tweet on atheism need not name it)."""
    if start is not None and end is not None and not (pd.isna(start) or pd.isna(end)):
        s, e = int(start), int(end)
        if 0 <= s < e <= len(text):
            return s, e
    pat = finders.get(target)
    if pat is None:
        return None
    m = pat.search(text)
    return (m.start(), m.end()) if m else None


def _alias_finders(targets: Iterable[str], known: Sequence[Target]) -> dict[str, re.Pattern[str]]:
    by_name = {t.name: t for t in known}
    out = {}
    for name in set(targets):
        t = by_name.get(name)
        phrases = list(t.aliases) if t is not None else [re.escape(name)]
        rxs = []
        for ph in phrases:
            rx, flags = _phrase_regex(ph)
            rxs.append(rx if flags == 0 else f"(?i:{rx})")
        try:
            out[name] = re.compile("|".join(rxs))
        except re.error:
            out[name] = re.compile(_phrase_regex(re.escape(name))[0], re.I)
    return out


@dataclass
class _Views:
    """The views of (text, target) rows that the classifier's features read."""

    masked: list[str]  # the text with the target's mention replaced by one placeholder word
    window: list[str]  # the words around the mention, marked by side: "L_condemn R_aggression"
    clause: list[str]  # the clause holding the mention ("" when it is not named)
    dense: np.ndarray  # lexicon and position features
    targets: np.ndarray


def _views(X: pd.DataFrame, *, window: int, known: Sequence[Target]) -> _Views:
    texts = X["text"].fillna("").astype(str).str.translate(_QUOTE_CHARS).tolist()
    targets = X["target"].astype(str).to_numpy()
    starts = X["start"].tolist() if "start" in X.columns else [None] * len(X)
    ends = X["end"].tolist() if "end" in X.columns else [None] * len(X)
    finders = _alias_finders(targets, known)
    masked, win, clauses, dense = [], [], [], []
    for text, target, s0, e0 in zip(texts, targets, starts, ends):
        span = _mention_span(text, target, s0, e0, finders)
        if span is None:
            masked.append(text)
            win.append("")
            clause = ""  # no mention, no clause of its own: the whole text is read by the n-grams already
            named = 0.0
            left = right = ""
            at_start = 0.0
        else:
            s, e = span
            masked.append(f"{text[:s]} {_MASK} {text[e:]}")
            lw = _TOKEN_RE.findall(text[:s].lower())[-window:]
            rw = _TOKEN_RE.findall(text[e:].lower())[:window]
            win.append(" ".join([f"L_{w}" for w in lw] + [f"R_{w}" for w in rw]))
            cuts = [m.end() for m in _CLF_CLAUSE_RE.finditer(text, 0, s)]
            after = _CLF_CLAUSE_RE.search(text, e)
            clause = " ".join(f"{text[cuts[-1] if cuts else 0:s]} {_MASK} {text[e:after.start() if after else len(text)]}".split())
            named = 1.0
            left, right = " ".join(lw), " ".join(rw)
            at_start = float(not text[:s].strip())
        clauses.append(clause)
        dense.append([*_vader_scores(text), *_vader_scores(clause), *_lexicon_sums(text), *_lexicon_sums(clause),
                      *_lexicon_sums(left), *_lexicon_sums(right), named, at_start,
                      float("?" in text), float("!" in text)])
    return _Views(masked, win, clauses, np.asarray(dense, dtype=float).reshape(len(texts), 18), targets)


_MASK_TARGET = Target("(the target)", aliases=(_MASK,))


def _rule_features(X: pd.DataFrame, masked: list[str], known: Sequence[Target]) -> np.ndarray:
    """The rule method's reading of each row: tanh of its total score, its positive and negative
    lexical parts, its VADER part, and whether it found the target. A target of the targets file is
    read with its own aliases and loaded terms; any other target as its masked mention."""
    cues = load_stance_cues()
    names = {t.name for t in known}
    lex_known = _build_lexicon(list(known), cues) if known else None
    lex_mask = _build_lexicon([_MASK_TARGET], cues)
    rows = []
    for text, target, mtext in zip(X["text"].fillna("").astype(str), X["target"].astype(str), masked):
        if lex_known is not None and target in names:
            contrib, _, _, concerned = _score_text(text, lex_known, use_vader=True)
            items = contrib.get(target, [])
            found = target in concerned
        else:
            contrib, _, _, concerned = _score_text(mtext, lex_mask, use_vader=True)
            items = contrib.get(_MASK_TARGET.name, [])
            found = _MASK_TARGET.name in concerned
        pos = sum(c.value for c in items if c.lexical and c.value > 0)
        neg = sum(c.value for c in items if c.lexical and c.value < 0)
        vader = sum(c.value for c in items if not c.lexical)
        rows.append([math.tanh(pos + neg + vader), pos, neg, vader, float(found)])
    return np.asarray(rows, dtype=float).reshape(len(rows), 5)


class _StanceFeatures(BaseEstimator, TransformerMixin):
    """Target-aware features of (text, target) rows (see :class:`StanceClassifier`)."""

    def __init__(self, word_ngram_range=(1, 3), char_ngram_range=(2, 5), window=5, lexicon_features=True,
                 target_features=True, min_target_rows=5, known_targets=None, context_features=True,
                 rule_features=True, rule_weight=1.0, target_bias=True):
        self.target_bias = target_bias
        self.context_features = context_features
        self.rule_features = rule_features
        self.rule_weight = rule_weight
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.window = window
        self.lexicon_features = lexicon_features
        self.target_features = target_features
        self.min_target_rows = min_target_rows
        self.known_targets = known_targets

    def _known(self) -> list[Target]:
        return load_targets() if self.known_targets is None else _coerce_targets(self.known_targets)

    def fit(self, X, y=None):
        X = _check_X(X)
        v = _views(X, window=self.window, known=self._known())
        self.word_ = TfidfVectorizer(ngram_range=tuple(self.word_ngram_range), sublinear_tf=True,
                                     token_pattern=r"(?u)#?\b\w+\b").fit(v.masked)
        self.char_ = TfidfVectorizer(analyzer="char", ngram_range=tuple(self.char_ngram_range), sublinear_tf=True,
                                     min_df=2).fit([t.lower() for t in v.masked])
        self.window_ = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True).fit(
            [w or "L_" for w in v.window])
        self.clause_ = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit([c or _MASK for c in v.clause])
        counts = pd.Series(v.targets).value_counts()
        self.targets_ = sorted(counts[counts >= self.min_target_rows].index) if self.target_features else []
        return self

    def transform(self, X):
        check_is_fitted(self, "word_")
        X = _check_X(X)
        v = _views(X, window=self.window, known=self._known())
        blocks = [self.word_.transform(v.masked), self.char_.transform([t.lower() for t in v.masked])]
        if self.context_features:
            blocks += [self.window_.transform(v.window), self.clause_.transform(v.clause)]
        if self.lexicon_features:
            blocks.append(sparse.csr_matrix(v.dense))
        if self.rule_features:
            blocks.append(sparse.csr_matrix(self.rule_weight * _rule_features(X, v.masked, self._known())))
        if self.target_bias:
            # a constant: its per-target copies below are per-target intercepts (each target's own
            # prior over the stances, as one model per target would have)
            blocks.append(sparse.csr_matrix(np.ones((len(X), 1))))
        shared = sparse.hstack(blocks).tocsr()
        # "frustratingly easy" domain adaptation (Daumé III 2007): a shared copy of every feature and
        # one copy per target seen often enough, so a word can mean one stance for one target only
        out = [shared] + [sparse.diags((v.targets == t).astype(float)) @ shared for t in self.targets_]
        return sparse.hstack(out).tocsr()


class StanceClassifier(ClassifierMixin, BaseEstimator):
    """A target-aware linear stance classifier for (text, target) pairs, trained on researchers' codes.

    Features (one sparse matrix): word 1–3-grams and character 2–5-grams (TF-IDF) of the text with
    the target's mention *masked* (replaced by one placeholder word, so a model learns "X condemned
    [target]" rather than the name); the words within ``window`` tokens left and right of the
    mention, marked by side, and the word 1–2-grams of the clause that holds the mention (both empty
    when the text does not name the target; ``context_features=False`` leaves them out); and 18 lexicon
    and position features (VADER's compound/positive/negative scores of the text and of the clause;
    summed positive and negative valence of the VADER lexicon's words, reversed inside a negation's
    scope, in the text, the clause, the left and the right window; whether the target is named,
    whether it opens the sentence, question and exclamation marks); with ``rule_features``, the rule
    method's reading of the row (:func:`detect_stance`'s total, positive and negative lexical and VADER
    scores for the target: a stacked combination of rules and learning). The mention is where the ``start``
    and ``end`` columns say, else the first match of the target's aliases (the targets file's, else
    its name). With ``target_features``, every feature also gets one copy per target that has at least
    ``min_target_rows`` training rows (Daumé III 2007), so "pro-life" can be *against* abortion and
    shared cues still transfer between targets. Model: a linear SVM with balanced class weights
    (``predict``); with ``calibrate``, its margins are Platt-scaled on 3-fold cross-validated margins
    (``CalibratedClassifierCV(ensemble=False)``), so that ``predict_proba`` gives calibrated
    probabilities (what the annotation loop and :func:`combine_stance` read).

    Example
    -------
    >>> X = pd.DataFrame({"text": ["We support the CSTO.", "We condemn the CSTO.", "The weather."] * 4,
    ...                   "target": ["CSTO intervention"] * 12})
    >>> y = ["favor", "against", "none"] * 4
    >>> StanceClassifier().fit(X, y).predict(X[:2]).tolist()
    ['favor', 'against']
    """

    def __init__(self, C: float = 0.5, word_ngram_range: tuple[int, int] = (1, 3),
                 char_ngram_range: tuple[int, int] = (2, 5), window: int = 5, lexicon_features: bool = True,
                 target_features: bool = True, min_target_rows: int = 5, calibrate: bool = True,
                 class_weight: str | None = "balanced", targets: Any = None, context_features: bool = True,
                 rule_features: bool = True, random_state: int = 0):
        self.context_features = context_features
        self.rule_features = rule_features
        self.C = C
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.window = window
        self.lexicon_features = lexicon_features
        self.target_features = target_features
        self.min_target_rows = min_target_rows
        self.calibrate = calibrate
        self.class_weight = class_weight
        self.targets = targets
        self.random_state = random_state

    def fit(self, X: pd.DataFrame, y: Sequence[str]) -> StanceClassifier:
        X = _check_X(X)
        y = _check_y(y, len(X))
        if len(set(y)) < 2:
            raise ValueError("StanceClassifier needs at least two stance classes in y")
        self.features_ = _StanceFeatures(self.word_ngram_range, self.char_ngram_range, self.window,
                                         self.lexicon_features, self.target_features, self.min_target_rows,
                                         self.targets, self.context_features, self.rule_features).fit(X)
        Z = self.features_.transform(X)
        svm = LinearSVC(C=self.C, class_weight=self.class_weight, random_state=self.random_state)
        folds = int(min(3, pd.Series(y).value_counts().min()))
        if self.calibrate and folds >= 2:
            # Platt scaling fitted on cross-validated margins; the SVM itself is then fitted on all rows
            self.calibrated_ = CalibratedClassifierCV(svm, method="sigmoid", cv=folds, ensemble=False).fit(Z, y)
            self.model_ = self.calibrated_.calibrated_classifiers_[0].estimator
        else:
            if self.calibrate:
                logger.warning("StanceClassifier: too few examples of a class to calibrate; probabilities are "
                               "a softmax of the SVM's margins")
            self.calibrated_ = None
            self.model_ = svm.fit(Z, y)
        self.classes_ = self.model_.classes_
        return self

    def decision_function(self, X: pd.DataFrame) -> np.ndarray:
        """The SVM's margins, one column per class of ``classes_``."""
        check_is_fitted(self, "model_")
        return self.model_.decision_function(self.features_.transform(_check_X(X)))

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Calibrated probabilities of each stance (Platt scaling; a softmax of the margins when a
        class had too few rows to calibrate)."""
        check_is_fitted(self, "model_")
        if self.calibrated_ is not None:
            return self.calibrated_.predict_proba(self.features_.transform(_check_X(X)))
        d = self.decision_function(X)
        e = np.exp(d - d.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The class-balanced SVM's decision (the largest margin). It may differ from the arg-max of
        ``predict_proba``: the probabilities follow the training data's class frequencies, the decision
        weighs the classes equally, which is what F-measures on rare stances reward."""
        return self.classes_[np.argmax(self.decision_function(X), axis=1)]


class RuleStanceClassifier(ClassifierMixin, BaseEstimator):
    """The rule method (:func:`detect_stance`) behind the scikit-learn interface, so that it can be
    scored by :func:`evaluate` on the same folds as :class:`StanceClassifier`. ``fit`` learns nothing.

    Example
    -------
    >>> X = pd.DataFrame({"text": ["Russia's aggression is a threat."], "target": ["Russia"]})
    >>> RuleStanceClassifier().fit(X, ["against"]).predict(X).tolist()
    ['against']
    """

    def __init__(self, threshold: float = 0.3, targets: Any = None):
        self.threshold = threshold
        self.targets = targets

    def fit(self, X: pd.DataFrame, y: Sequence[str] | None = None) -> RuleStanceClassifier:
        _check_X(X)
        self.classes_ = np.array(sorted(STANCES))
        return self

    def _scores(self, X: pd.DataFrame) -> pd.DataFrame:
        X = _check_X(X).reset_index(drop=True)
        q = pd.DataFrame({"doc_id": "x", "quote_id": np.arange(len(X)).astype(str), "quote": X["text"].astype(str),
                          "speaker": X["speaker"] if "speaker" in X.columns else ""})
        tl = _coerce_targets(self.targets)
        known = {t.name for t in tl}
        tl = tl + [Target(n, aliases=(re.escape(n),)) for n in sorted(set(X["target"].astype(str)) - known)]
        st = detect_stance(q, targets=tl, threshold=self.threshold)
        st = st.assign(row=st["quote_id"].astype(int))
        key = pd.DataFrame({"row": np.arange(len(X)), "target": X["target"].astype(str)})
        return key.merge(st[["row", "target", "stance", "score"]], on=["row", "target"], how="left")

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self, "classes_")
        return self._scores(X)["stance"].fillna("none").to_numpy(dtype=object)

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        check_is_fitted(self, "classes_")
        s = self._scores(X)["score"].fillna(0.0).to_numpy()
        fav, ag = np.clip(s, 0, 1), np.clip(-s, 0, 1)
        probs = {"favor": fav, "against": ag, "none": 1 - fav - ag}
        return np.column_stack([probs[c] for c in self.classes_])


@dataclass
class StanceEvaluation:
    """Cross-validated scores: ``per_class`` (precision, recall, F1 with bootstrap CI, support),
    ``f_avg`` (SemEval: mean F1 of favor and against) with ``f_avg_ci``, and ``predictions``."""

    per_class: pd.DataFrame
    f_avg: float
    f_avg_ci: tuple[float, float]
    accuracy: float
    n: int
    n_boot: int
    predictions: pd.DataFrame

    def table(self) -> pd.DataFrame:
        """One tidy table: per-class rows plus an ``F_avg`` row."""
        fa = pd.DataFrame([{"class": "F_avg (favor, against)", "precision": np.nan, "recall": np.nan,
                            "f1": self.f_avg, "f1_low": self.f_avg_ci[0], "f1_high": self.f_avg_ci[1],
                            "support": self.n}])
        return pd.concat([self.per_class, fa], ignore_index=True)


def _prf(y_true: np.ndarray, y_pred: np.ndarray, labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, labels=list(labels), zero_division=0)
    return p, r, f


def evaluate(
    estimator: Any,
    X: pd.DataFrame,
    y: Sequence[str],
    *,
    cv: int = 5,
    groups: Sequence[Any] | None = None,
    n_boot: int = 1000,
    random_state: int = 0,
) -> StanceEvaluation:
    """Cross-validated per-class F1 and SemEval F_avg, with bootstrap 95% intervals.

    The estimator is cloned and fitted on each training fold; predictions on the held-out folds are
    pooled, and the intervals come from ``n_boot`` resamples of those pooled predictions. Pass
    ``groups`` (e.g. story ids) so that copies of one story never sit on both sides of a split.
    On ~100 examples the intervals are wide: report them.

    Example
    -------
    >>> X = pd.DataFrame({"text": ["We support it.", "We condemn it.", "Weather."] * 6, "target": ["CSTO"] * 18})
    >>> ev = evaluate(StanceClassifier(), X, ["favor", "against", "none"] * 6, cv=3, n_boot=50)
    >>> round(ev.f_avg, 2)
    1.0
    """
    X = _check_X(X).reset_index(drop=True)
    y = _check_y(y, len(X))
    counts = pd.Series(y).value_counts()
    k = int(min(cv, counts.min())) if len(counts) else 0
    if k < 2:
        raise ValueError(f"cannot cross-validate: the rarest class has {int(counts.min())} example(s); "
                         "code more examples or lower cv")
    if groups is not None:
        n_groups = len(set(np.asarray(groups).tolist()))
        if n_groups < 2:
            raise ValueError("cannot cross-validate by groups: there is only one group")
        k = min(k, n_groups)
    if k < cv:
        logger.warning("evaluate: cv lowered from %d to %d (rarest class or number of groups)", cv, k)
    if groups is not None:
        splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=random_state)
        splits = splitter.split(X, y, np.asarray(groups))
    else:
        splits = StratifiedKFold(n_splits=k, shuffle=True, random_state=random_state).split(X, y)
    pred = np.empty(len(X), dtype=object)
    fold = np.zeros(len(X), dtype=int)
    for i, (tr, te) in enumerate(splits):
        est = clone(estimator).fit(X.iloc[tr], y[tr])
        pred[te] = est.predict(X.iloc[te])
        fold[te] = i
    labels = list(STANCES)
    p, r, f = _prf(y, pred, labels)
    rng = np.random.default_rng(random_state)
    boot_f = np.empty((n_boot, len(labels)))
    for b in range(n_boot):
        idx = rng.integers(0, len(y), len(y))
        boot_f[b] = _prf(y[idx], pred[idx], labels)[2]
    lo, hi = np.percentile(boot_f, [2.5, 97.5], axis=0)
    favg_boot = boot_f[:, :2].mean(axis=1)
    per_class = pd.DataFrame({"class": labels, "precision": p.round(4), "recall": r.round(4), "f1": f.round(4),
                              "f1_low": lo.round(4), "f1_high": hi.round(4),
                              "support": [int((y == lab).sum()) for lab in labels]})
    f_avg = float((f[0] + f[1]) / 2)
    ci = tuple(float(v) for v in np.percentile(favg_boot, [2.5, 97.5]).round(4))
    preds = X.assign(y_true=y, y_pred=pred, fold=fold)
    logger.info("evaluate: n=%d, F_avg=%.3f [%.3f, %.3f]", len(y), f_avg, *ci)
    return StanceEvaluation(per_class, round(f_avg, 4), ci, float((pred == y).mean()), len(y), n_boot, preds)


# --------------------------------------------------------------------------------------------
# Annotation workflow
# --------------------------------------------------------------------------------------------
SHEET_COLUMNS = ["item_id", "doc_id", "quote_id", "speaker", "target", "quote", "stance", "coder", "comment"]
_LABEL_SYNONYMS = {
    "favor": "favor", "favour": "favor", "for": "favor", "pro": "favor", "support": "favor", "f": "favor", "+": "favor",
    "against": "against", "con": "against", "oppose": "against", "a": "against", "-": "against",
    "none": "none", "neutral": "none", "neither": "none", "n": "none", "0": "none", "no stance": "none",
}


def export_annotation_sheet(
    stances: pd.DataFrame,
    path: str | Path | None = None,
    *,
    quotes: pd.DataFrame | None = None,
    n: int = 100,
    strata: Sequence[str] = ("target", "stance"),
    random_state: int = 0,
    order: str = "stratified",
    model: Any = None,
    threshold: float = 0.3,
) -> pd.DataFrame:
    """A sample of quote × target items for human coders (CSV if ``path`` is given).

    ``order="stratified"`` (default) samples across ``strata``; ``order="uncertainty"`` takes the ``n``
    items the machine is least sure of, most uncertain first (active learning by margin sampling,
    Settles 2009): with a fitted ``model`` (a :class:`StanceClassifier`), one minus the gap between its
    two most probable stances; without one, how close the rule score lies to ``±threshold``
    (``1 - ||score| - threshold|``). The sheet then has an ``uncertainty`` column.

    Sampling is stratified by ``strata`` (by default target × the rule method's stance, so rare
    cells are represented) but the sheet does not show the machine's stance: coders fill the
    empty ``stance`` column with favor / against / none, and their name in ``coder``.

    Example
    -------
    >>> st = pd.DataFrame({"doc_id": ["d"] * 3, "quote_id": ["1", "2", "3"], "speaker": ["X"] * 3,
    ...                    "target": ["Russia"] * 3, "stance": ["favor", "against", "none"],
    ...                    "score": [0.5, -0.5, 0.0], "quote": ["a", "b", "c"]})
    >>> export_annotation_sheet(st, n=2)["stance"].tolist()
    ['', '']
    """
    _check_stances(stances)
    df = stances.copy()
    if "quote" not in df.columns:
        if quotes is None:
            raise ValueError("the stances table has no 'quote' column: pass quotes=corpus_quotes so coders see the text")
        df = df.merge(quotes[["doc_id", "quote_id", "quote"]].drop_duplicates(["doc_id", "quote_id"]),
                      on=["doc_id", "quote_id"], how="left")
    if n <= 0:
        raise ValueError(f"n must be positive, got {n}")
    if df.empty:  # nothing to code: an empty sheet with the right columns (and file)
        logger.info("export_annotation_sheet: the stances table is empty, so the sheet has no items")
        sheet = pd.DataFrame({c: pd.Series(dtype=object) for c in SHEET_COLUMNS})
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            sheet.to_csv(path, index=False)
        return sheet
    if order not in ("stratified", "uncertainty"):
        raise ValueError(f"order must be 'stratified' or 'uncertainty', got {order!r}")
    strata = [s for s in strata if s in df.columns]
    df = df.sort_values(["doc_id", "quote_id", "target"], kind="mergesort", ignore_index=True)
    if order == "uncertainty":
        if model is not None:
            proba = np.sort(model.predict_proba(pd.DataFrame({"text": df["quote"].fillna("").astype(str),
                                                              "target": df["target"].astype(str)})), axis=1)
            unc = 1.0 - (proba[:, -1] - proba[:, -2])
        else:
            unc = 1.0 - np.abs(df["score"].astype(float).abs().to_numpy() - threshold)
        df["uncertainty"] = np.clip(unc, 0.0, 1.0).round(4)
        top = df.sort_values("uncertainty", ascending=False, kind="mergesort").head(n)
        sheet = pd.DataFrame({
            "item_id": [f"{d}|{q}|{t}" for d, q, t in zip(top["doc_id"], top["quote_id"], top["target"])],
            "doc_id": top["doc_id"], "quote_id": top["quote_id"], "speaker": top["speaker"], "target": top["target"],
            "quote": top["quote"], "stance": "", "coder": "", "comment": "", "uncertainty": top["uncertainty"],
        }).reset_index(drop=True)
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            sheet.to_csv(path, index=False)
            logger.info("annotation sheet with the %d most uncertain items written to %s", len(sheet), path)
        return sheet
    if strata:
        groups = [g for _, g in df.groupby(strata, sort=True)]
        per = max(1, math.ceil(n / len(groups)))
        parts = [g.sample(n=min(len(g), per), random_state=random_state) for g in groups]
        sample = pd.concat(parts)
        if len(sample) > n:
            sample = sample.sample(n=n, random_state=random_state)
        elif len(sample) < n:  # top up from what is left, uniformly
            rest = df.drop(index=sample.index)
            sample = pd.concat([sample, rest.sample(n=min(len(rest), n - len(sample)), random_state=random_state)])
    else:
        sample = df.sample(n=min(n, len(df)), random_state=random_state)
    sample = sample.sort_values(["doc_id", "quote_id", "target"], kind="mergesort", ignore_index=True)
    sheet = pd.DataFrame({
        "item_id": [f"{d}|{q}|{t}" for d, q, t in zip(sample["doc_id"], sample["quote_id"], sample["target"])],
        "doc_id": sample["doc_id"], "quote_id": sample["quote_id"], "speaker": sample["speaker"],
        "target": sample["target"], "quote": sample["quote"], "stance": "", "coder": "", "comment": "",
    })[SHEET_COLUMNS]
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        sheet.to_csv(path, index=False)
        logger.info("annotation sheet with %d items written to %s", len(sheet), path)
    return sheet


def import_annotation_sheet(sheets: Any, *, coder: str | None = None) -> pd.DataFrame:
    """Read coded sheets (paths, DataFrames, or a list of them) into one tidy table.

    Returns ``item_id, doc_id, quote_id, target, coder, stance`` with labels normalised
    (``for``/``pro`` → favor, ``neutral`` → none). Uncoded rows are left out (and logged); a label
    that is not a stance raises an error naming the row.

    Example
    -------
    >>> s = pd.DataFrame({"item_id": ["d|1|Russia"], "doc_id": ["d"], "quote_id": ["1"], "target": ["Russia"],
    ...                   "stance": ["Against"], "coder": ["ana"]})
    >>> import_annotation_sheet(s)[["coder", "stance"]].values.tolist()
    [['ana', 'against']]
    """
    items = sheets if isinstance(sheets, (list, tuple)) else [sheets]
    frames = []
    for i, s in enumerate(items):
        if isinstance(s, pd.DataFrame):
            df, name = s.copy(), f"sheet{i}"
        else:
            p = Path(s)
            if not p.exists():
                raise FileNotFoundError(f"annotation sheet {p} not found")
            df, name = pd.read_csv(p, dtype=str, keep_default_na=False), p.stem
        need = {"item_id", "stance"}
        if not need <= set(df.columns):
            raise ValueError(f"annotation sheet {name} lacks columns {sorted(need - set(df.columns))}; "
                             "use the sheet from export_annotation_sheet")
        df = df.fillna("")
        if coder is not None:
            df["coder"] = coder
        elif "coder" not in df.columns or (df["coder"].astype(str).str.strip() == "").all():
            df["coder"] = name
        df["coder"] = df["coder"].astype(str).str.strip().replace("", name)
        raw = df["stance"].astype(str).str.strip().str.lower()
        coded = raw != ""
        if (~coded).any():
            logger.info("annotation sheet %s: %d uncoded rows left out", name, int((~coded).sum()))
        df, raw = df[coded].copy(), raw[coded]
        norm = raw.map(_LABEL_SYNONYMS)
        if norm.isna().any():
            bad = df.loc[norm.isna(), ["item_id", "stance"]].head(5).values.tolist()
            raise ValueError(f"annotation sheet {name}: labels that are not favor/against/none: {bad}")
        df["stance"] = norm
        for c in ("doc_id", "quote_id", "target"):
            if c not in df.columns:
                df[c] = df["item_id"].astype(str).str.split("|").str[("doc_id", "quote_id", "target").index(c)]
        frames.append(df[["item_id", "doc_id", "quote_id", "target", "coder", "stance"]])
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["item_id", "doc_id", "quote_id", "target", "coder", "stance"])
    return out.sort_values(["item_id", "coder"], kind="mergesort", ignore_index=True)


def agreement(coded: pd.DataFrame, *, coders: Sequence[str] | None = None) -> pd.DataFrame:
    """Inter-coder agreement: raw agreement, Cohen's kappa and Krippendorff's alpha (nominal) for each
    pair of coders, and with three or more coders one ``(all)`` row with alpha over all of them.

    Example
    -------
    >>> c = pd.DataFrame({"item_id": ["1", "2", "1", "2"], "coder": ["a", "a", "b", "b"],
    ...                   "stance": ["favor", "against", "favor", "none"]})
    >>> agreement(c)[["coder_a", "coder_b", "n_items", "percent_agreement"]].values.tolist()
    [['a', 'b', 2, 0.5]]
    """
    need = {"item_id", "coder", "stance"}
    if not need <= set(coded.columns):
        raise ValueError(f"coded table lacks {sorted(need - set(coded.columns))}; use import_annotation_sheet")
    wide = coded.drop_duplicates(["item_id", "coder"], keep="last").pivot(index="item_id", columns="coder",
                                                                          values="stance")
    names = sorted(coders or wide.columns)
    unknown = sorted(set(names) - set(wide.columns))
    if unknown:
        raise ValueError(f"coders {unknown} do not appear in the coded table (coders there: {sorted(wide.columns)})")
    if len(names) < 2:
        raise ValueError("agreement needs at least two coders")
    rows = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            both = wide[[a, b]].dropna()
            n = len(both)
            if n == 0:
                rows.append({"coder_a": a, "coder_b": b, "n_items": 0, "percent_agreement": np.nan,
                             "cohen_kappa": np.nan, "krippendorff_alpha": np.nan})
                continue
            pa = float((both[a] == both[b]).mean())
            kappa = _cohen_kappa(both[a].astype(str).to_numpy(), both[b].astype(str).to_numpy())
            pair = coded[coded["coder"].isin([a, b]) & coded["item_id"].isin(both.index)]
            rows.append({"coder_a": a, "coder_b": b, "n_items": n, "percent_agreement": round(pa, 4),
                         "cohen_kappa": round(kappa, 4), "krippendorff_alpha": round(krippendorff_alpha(pair), 4)})
    if len(names) > 2:  # every coder together: Krippendorff's alpha takes any number and missing codes
        rows.append({"coder_a": "(all)", "coder_b": "(all)", "n_items": int((wide[names].notna().sum(axis=1) >= 2).sum()),
                     "percent_agreement": np.nan, "cohen_kappa": np.nan,
                     "krippendorff_alpha": round(krippendorff_alpha(coded, coders=names), 4)})
    return pd.DataFrame(rows)


def _cohen_kappa(a: np.ndarray, b: np.ndarray) -> float:
    """Cohen's kappa of two coders' codes for the same items: (p_o - p_e) / (1 - p_e), p_e from each
    coder's own marginal shares (Cohen 1960); 1 when both use one and the same code throughout."""
    p_o = float((a == b).mean())
    labels = sorted(set(a) | set(b))
    p_e = float(sum((a == c).mean() * (b == c).mean() for c in labels))
    return 1.0 if p_e == 1 else (p_o - p_e) / (1 - p_e)


def krippendorff_alpha(coded: pd.DataFrame, *, coders: Sequence[str] | None = None) -> float:
    """Krippendorff's alpha for nominal codes, any number of coders, missing codes allowed.

    From the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"):
    every item coded by ``m >= 2`` coders adds ``1/(m-1)`` for each ordered pair of its codes;
    ``alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k`` with ``n_c`` the row sums and
    ``n`` their total. Items coded by one coder only carry no information and are left out.

    Example
    -------
    >>> c = pd.DataFrame({"item_id": ["1", "2", "3", "4"] * 2, "coder": ["a"] * 4 + ["b"] * 4,
    ...                   "stance": ["favor", "favor", "none", "favor", "favor", "favor", "none", "none"]})
    >>> round(krippendorff_alpha(c), 4)   # by hand: 1 - 7 * 2 / (2 * 5 * 3)
    0.5333
    """
    need = {"item_id", "coder", "stance"}
    if not need <= set(coded.columns):
        raise ValueError(f"coded table lacks {sorted(need - set(coded.columns))}; use import_annotation_sheet")
    df = coded.drop_duplicates(["item_id", "coder"], keep="last")
    if coders is not None:
        df = df[df["coder"].isin(coders)]
    df = df[df["stance"].notna() & (df["stance"].astype(str) != "")]
    values = sorted(df["stance"].astype(str).unique())
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for _, codes in df.groupby("item_id", sort=True)["stance"]:
        m = len(codes)
        if m < 2:
            continue
        counts = np.bincount([index[str(c)] for c in codes], minlength=len(values)).astype(float)
        o += (np.outer(counts, counts) - np.diag(counts)) / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if n == 0:
        raise ValueError("Krippendorff's alpha needs items coded by at least two coders")
    disagree = o.sum() - np.trace(o)
    expected = n_c.sum() ** 2 - (n_c ** 2).sum()
    if expected == 0:
        return 1.0 if disagree == 0 else 0.0  # one value used throughout: no variation to agree on
    return float(1.0 - (n - 1) * disagree / expected)


@dataclass
class AnnotationRound:
    """One turn of the annotation loop: the ``model`` trained on every coded item, its
    cross-validated ``evaluation`` (F with bootstrap intervals), inter-coder ``agreement`` (empty with
    one coder), and the ``training`` rows (``text, target, stance, doc_id, quote_id, n_coders``)."""

    model: StanceClassifier
    evaluation: StanceEvaluation
    agreement: pd.DataFrame
    training: pd.DataFrame


def annotation_round(
    coded: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    previous: pd.DataFrame | None = None,
    model: Any = None,
    cv: int = 5,
    n_boot: int = 1000,
    random_state: int = 0,
) -> AnnotationRound:
    """Retrain on coded rows and report agreement and cross-validated F (the annotation loop).

    ``coded`` comes from :func:`import_annotation_sheet` (one row per item × coder); an item's label is
    its coders' majority (items without one are left out and logged). ``quotes`` gives the text
    (``doc_id, quote_id, quote``). ``previous`` adds earlier training rows (``text, target, stance``
    and ideally ``doc_id, quote_id``), so rounds accumulate. The evaluation keeps the rows of one quote
    in one fold. ``model`` defaults to ``StanceClassifier()``; for your own targets pass
    ``StanceClassifier(targets="my_targets.yaml")`` so that its features find their aliases. Then export the next sheet with ``export_annotation_sheet(..., order="uncertainty",
    model=round.model)``.

    Example
    -------
    >>> q = pd.DataFrame({"doc_id": "d", "quote_id": [str(i) for i in range(12)],
    ...                   "quote": ["We support the CSTO.", "We condemn the CSTO.", "It rained."] * 4})
    >>> c = pd.DataFrame({"item_id": [f"d|{i}|CSTO" for i in range(12)], "coder": "ana",
    ...                   "stance": ["favor", "against", "none"] * 4})
    >>> r = annotation_round(c, q, cv=2, n_boot=20)
    >>> r.training.shape[0], r.evaluation.f_avg
    (12, 1.0)
    """
    need = {"item_id", "coder", "stance"}
    if not need <= set(coded.columns):
        raise ValueError(f"coded table lacks {sorted(need - set(coded.columns))}; read it with import_annotation_sheet")
    if not {"doc_id", "quote_id", "quote"} <= set(quotes.columns):
        raise ValueError("quotes must have doc_id, quote_id and quote columns (the quotes table)")
    c = coded.drop_duplicates(["item_id", "coder"], keep="last").copy()
    parts = c["item_id"].astype(str).str.split("|", n=2, expand=True)
    for i, col in enumerate(("doc_id", "quote_id", "target")):
        if col not in c.columns:
            c[col] = parts[i]
    rows = []
    ties = 0
    for (_item, doc, qid, target), g in c.groupby(["item_id", "doc_id", "quote_id", "target"], sort=True):
        counts = g["stance"].value_counts()
        if len(counts) > 1 and counts.iloc[0] == counts.iloc[1]:
            ties += 1
            continue
        rows.append({"doc_id": str(doc), "quote_id": str(qid), "target": target, "stance": counts.index[0],
                     "n_coders": len(g)})
    if ties:
        logger.warning("annotation_round: %d items without a majority code left out; resolve them and re-import", ties)
    lab = pd.DataFrame(rows, columns=["doc_id", "quote_id", "target", "stance", "n_coders"])
    text = quotes.assign(doc_id=quotes["doc_id"].astype(str), quote_id=quotes["quote_id"].astype(str)).drop_duplicates(
        ["doc_id", "quote_id"])[["doc_id", "quote_id", "quote"]]
    train = lab.merge(text, on=["doc_id", "quote_id"], how="left")
    missing = int(train["quote"].isna().sum())
    if missing:
        raise ValueError(f"{missing} coded items name quotes that the quotes table lacks; pass the quotes table "
                         "the sheet was exported from")
    train = train.rename(columns={"quote": "text"})
    if previous is not None:
        prev = previous.copy()
        for col in ("doc_id", "quote_id"):
            if col not in prev.columns:
                prev[col] = [f"previous{i}" for i in range(len(prev))]
        prev["n_coders"] = prev["n_coders"] if "n_coders" in prev.columns else 1
        train = pd.concat([prev[["doc_id", "quote_id", "target", "stance", "n_coders", "text"]], train],
                          ignore_index=True).drop_duplicates(["doc_id", "quote_id", "target"], keep="last")
    train = train[["text", "target", "stance", "doc_id", "quote_id", "n_coders"]].reset_index(drop=True)
    est = model if model is not None else StanceClassifier(random_state=random_state)
    groups = train["doc_id"].astype(str) + "|" + train["quote_id"].astype(str)
    ev = evaluate(est, train[["text", "target"]], train["stance"], cv=cv, groups=groups, n_boot=n_boot,
                  random_state=random_state)
    fitted = clone(est).fit(train[["text", "target"]], train["stance"])
    agree = agreement(coded) if coded["coder"].nunique() >= 2 else pd.DataFrame(
        columns=["coder_a", "coder_b", "n_items", "percent_agreement", "cohen_kappa", "krippendorff_alpha"])
    logger.info("annotation round: %d items, F_avg %.3f [%.3f, %.3f]", len(train), ev.f_avg, *ev.f_avg_ci)
    return AnnotationRound(fitted, ev, agree, train)


def combine_stance(
    stances: pd.DataFrame,
    model: Any,
    *,
    quotes: pd.DataFrame,
    min_proba: float = 0.6,
) -> pd.DataFrame:
    """The rules' and a trained classifier's stances in one table, every row keeping its evidence.

    How they are combined: for each quote × target row of :func:`detect_stance` (which decides *which*
    targets a quote concerns and finds the evidence sentence), the classifier gives calibrated
    probabilities; where the stance it predicts has probability ≥ ``min_proba`` it decides the
    ``stance``, else the rules' stance stands. Columns added: ``rule_stance``, ``model_stance``,
    ``model_proba`` and ``method`` (``model`` or ``rules``). ``evidence`` stays the rules' sentence;
    where the model overrules the rules, ``cues`` still lists what the rules read, so a reader sees
    both.

    Example
    -------
    >>> X = pd.DataFrame({"text": ["We support Russia.", "We condemn Russia.", "It rained in Russia."] * 4,
    ...                   "target": ["Russia"] * 12})
    >>> m = StanceClassifier().fit(X, ["favor", "against", "none"] * 4)
    >>> q = pd.DataFrame({"doc_id": ["d"], "quote_id": ["1"], "speaker": ["X"], "quote": ["We condemn Russia."]})
    >>> combine_stance(detect_stance(q), m, quotes=q)[["rule_stance", "model_stance", "stance"]].values.tolist()
    [['against', 'against', 'against']]
    """
    _check_stances(stances)
    if not 0 <= min_proba <= 1:
        raise ValueError(f"min_proba must lie in [0, 1], got {min_proba}")
    out = stances.copy()
    out["rule_stance"] = out["stance"]
    if out.empty:
        return out.assign(model_stance=pd.Series(dtype=object), model_proba=pd.Series(dtype=float),
                          method=pd.Series(dtype=object))
    text = quotes.drop_duplicates(["doc_id", "quote_id"]).set_index(["doc_id", "quote_id"])["quote"]
    X = pd.DataFrame({"text": [text.get((d, q), "") for d, q in zip(out["doc_id"], out["quote_id"])],
                      "target": out["target"].astype(str).to_numpy()})
    proba = model.predict_proba(X)
    out["model_stance"] = np.asarray(model.predict(X), dtype=object)
    col = {c: i for i, c in enumerate(model.classes_)}
    out["model_proba"] = proba[np.arange(len(out)), [col[c] for c in out["model_stance"]]].round(4)
    use = out["model_proba"].to_numpy() >= min_proba
    out["stance"] = np.where(use, out["model_stance"], out["rule_stance"])
    out["method"] = np.where(use, "model", "rules")
    return out
