"""Speech cues (``kzlib/data/cue_verbs.yaml``) and their fast search in a paragraph."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from kzlib.text import ASCII_WORD_CHARS, fold_word, run_starts, word_index, word_keys


# ------------------------------------------------------------------------------------------ cues
@dataclass(frozen=True)
class _Cue:
    form: str
    indirect: bool
    needs: str
    after_quote_only: bool
    thought: bool = False
    object: bool = False  # the reported content is the verb's object ("endorsed Cruz", "declined to comment")
    act: bool = False  # an act or position, not words: the row's kind is "act" ("endorsed Cruz")


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, dict[str, _Cue]]:
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("cue_verbs.yaml").read_text("utf-8"))
    table: dict[str, _Cue] = {}
    for row in data["cues"]:
        for form in row["forms"]:
            table[form.lower()] = _Cue(form.lower(), bool(row.get("indirect")), str(row.get("needs") or ""),
                                       bool(row.get("after_quote_only")), bool(row.get("thought")),
                                       bool(row.get("object")), bool(row.get("act")))
    return _cue_rx(sorted(table, key=len, reverse=True)), table


@lru_cache(maxsize=1)
def _not_speakers() -> frozenset[str]:
    """Paragraph labels before a colon that name no speaker (``not_speakers`` of ``cue_verbs.yaml``)."""
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("cue_verbs.yaml").read_text("utf-8"))
    return frozenset(str(w).lower() for w in (data.get("not_speakers") or {}).get("words", []))


def _cue_rx(alts: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts) + r")(?![\w'’-])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _cue_rx_by_word() -> dict[str, re.Pattern | None]:
    """The cue pattern cut by the cues' first word: at a position whose (ASCII) word is W, only the
    cues that open with W can match, in the same order as in the whole pattern (whose 233 branches,
    tried one after the other at every candidate start, were the stage's largest regex cost)."""
    alts = sorted(_cues()[1], key=len, reverse=True)
    firsts = dict.fromkeys(a.split()[0] for a in alts)
    return {w: None if all(a == w for a in alts if a.split()[0] == w) else _cue_rx([a for a in alts if a.split()[0] == w])
            for w in firsts}


_CUE_TOKEN = re.compile(r"[\w'’-]+")


def _cue_match_at(text: str, p: int, endpos: int) -> re.Match | None:
    """``_cues()[0].match(text, p, endpos)``, with the branches of the word at ``p`` only (see
    :func:`_cue_rx_by_word`); a non-ASCII word (Unicode case folding) takes the whole pattern."""
    tm = _CUE_TOKEN.match(text, p, endpos)
    if tm is None:
        return None
    word = tm.group(0)
    if not word.isascii():
        return _cues()[0].match(text, p, endpos)
    by_word = _cue_rx_by_word()
    key = word.lower()
    if key not in by_word:
        return None
    rx = by_word[key]
    if rx is None:  # a one-word cue: the word itself, when no word character stands before it
        return tm if p == 0 or not _CUE_TOKEN.match(text[p - 1]) else None
    return rx.match(text, p, endpos)


@lru_cache(maxsize=1)
def _cue_keys() -> frozenset[bytes] | None:
    """First words of the cues (see ``kzlib.text.word_key``), or None when one has none."""
    return word_keys(_cues()[1], ignore_case=True)


_ACCORDING_KEYS = word_keys(["according to"], ignore_case=True)


def _speech_cue_in(text: str, *, thoughts: bool) -> bool:
    """Whether ``text`` holds a cue (a thought cue counts only with ``thoughts``)."""
    return any(thoughts or not _cue_named(m.group(0)).thought for m in _all_cues(text))


@lru_cache(maxsize=16)
def _text_index(text: str):  # noqa: ANN202 - kzlib.actors' private index type
    """``kzlib.text.word_index(text)``, cached: the cue search and reported speech read it."""
    return word_index(text)


@lru_cache(maxsize=1)
def _cue_key_words() -> dict[bytes, tuple[frozenset[bytes], ...] | None]:
    """First word of the cues (see :func:`_cue_keys`) -> the word runs of each cue that opens with it
    (folded as ``kzlib.text.word_index`` folds a text's), or None when one of those cues is that word
    alone. A cue can match only in a text that has all of its words: "in line with" (the spinner's
    "according to") opens with the commonest word of news text, and its "line" is rare."""
    out: dict[bytes, list[frozenset[bytes]] | None] = {}
    for form in _cues()[1]:
        runs = [fold_word(r, ignore_case=True) or "" for r in _ASCII_RUN.findall(form)]
        if not runs or not runs[0]:
            continue
        key = runs[0].encode()
        sets = out.setdefault(key, [])
        if sets is None:
            continue
        if len(runs) == 1:
            out[key] = None
        else:
            sets.append(frozenset(r.encode() for r in runs))
    return {k: None if v is None else tuple(v) for k, v in out.items()}


_ASCII_RUN = re.compile(r"[A-Za-z0-9_]+")


@lru_cache(maxsize=256)
def _cue_starts(text: str) -> tuple[int, ...] | None:
    """Where in ``text`` a cue's first word stands (the only places a cue can start), or None when
    that cannot be told (see ``kzlib.text.word_index``); a word that opens only cues of several words
    counts only when the text has all the words of one of them. Cached: every sentence and quote of a
    paragraph asks."""
    index = _text_index(text)
    keys = _cue_keys()
    if index is None or keys is None:
        return None
    words = index[1]
    by_key = _cue_key_words()
    present = words & keys
    for k in present & _multi_only_keys():
        if not any(s <= words for s in by_key[k]):  # type: ignore[union-attr]
            present = present - {k}
    return tuple(run_starts(index[0], present))


@lru_cache(maxsize=1)
def _multi_only_keys() -> frozenset[bytes]:
    """The cues' first words that open no one-word cue (see :func:`_cue_key_words`)."""
    return frozenset(k for k, v in _cue_key_words().items() if v is not None)


def _cue_matches(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
    """The cue pattern's ``finditer(text, pos, endpos)``, the pattern tried only where a cue's first
    word stands (the scan that tries it at every position was the stage's largest cost)."""
    rx = _cues()[0]
    n = len(text)
    endpos = n if endpos is None else min(endpos, n)
    starts = _cue_starts(text)
    # a window that ends inside a word lets a cue end there, on a word the index does not hold
    if starts is None or (0 < endpos < n and text[endpos - 1] in ASCII_WORD_CHARS and text[endpos] in ASCII_WORD_CHARS):
        yield from rx.finditer(text, pos, endpos)
        return
    end = pos
    for i in range(bisect_left(starts, pos), len(starts)):
        p = starts[i]
        if p >= endpos:
            break
        if p >= end and (m := _cue_match_at(text, p, endpos)):
            end = m.end()
            yield m


@lru_cache(maxsize=16)
def _all_cues(text: str) -> tuple[re.Match, ...]:
    """Every cue match of ``text`` (cached: a paragraph's cues are asked for by several passes)."""
    return tuple(_cue_matches(text))


def _sentence_cues(text: str, a: int, b: int) -> list[re.Match]:
    """``list(_cue_matches(text, a, b))`` for a sentence ``[a, b)`` of ``_sentence_bounds`` (``b`` before
    its trailing blanks): the paragraph's cues (:func:`_all_cues`, cached) that start in it. No cue
    crosses a sentence's bounds (cues are words and blanks, a sentence ends with a mark and a blank), so
    the paragraph's search and the sentence's find the same cues there."""
    return [m for m in _all_cues(text) if a <= m.start() < b]


def _cue_search(text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The cue pattern's ``search(text, pos, endpos)`` (see :func:`_cue_matches`)."""
    if pos == 0 and endpos is None:
        found = _all_cues(text)
        return found[0] if found else None
    return next(_cue_matches(text, pos, endpos), None)


def _cue_of(match: re.Match) -> _Cue:
    return _cue_named(match.group(0))


@lru_cache(maxsize=4096)
def _cue_named(surface: str) -> _Cue:
    """The cue a matched surface ("Said", "was  quoted as saying") stands for (cached per surface)."""
    return _cues()[1].get(_SPACES.sub(" ", surface.lower()), _Cue(surface.lower(), False, "", False))


_SPACES = re.compile(r"\s+")
_THAT = re.compile(r"\s*that\b", re.IGNORECASE)
_WH = re.compile(r"\s*(?:[\w.'’-]+\s+){0,6}?(?:whether|if|why|how|what|when|where|who)\b", re.IGNORECASE)
_TO = re.compile(r"\s*to\s+\w", re.IGNORECASE)
#: "(not) to" and a verb, after a request's object ("... to block", "... not to act").
_REQUEST_TAIL = r"(?:not\s+)?to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b)[a-z]+\b"
#: A request: an object of at most five words, then "(not) to" and a verb ("asked the court to block ...").
_ASKED_TO = re.compile(r"\s*(?!(?:about|for|on|in|at|with|from|of|after|around|over|not|to)\b)(?:[\w.'’-]+\s+){1,5}?"
                       + _REQUEST_TAIL)
_CLAUSE = re.compile(r"\s*(?:that|he|she|it|they|we|i|there)\b", re.IGNORECASE)
#: A clause with a subject pronoun and a finite verb ("warned they could", "admitted he was").
_PRON_CLAUSE = re.compile(r"\s*(?:he|she|it|they|we|i|there)\s+(?:is|are|was|were|has|have|had|will|would|can|could|"
                          r"should|may|might|must|did|does|do|[a-z]{3,}ed)\b", re.IGNORECASE)
#: Verbs of warning that also take a request ("warned the Fed not to act"): an object of at most four words, none
#: of them a preposition ("warned the Kremlin against Kyiv's bid to join" is no request to the Kremlin).
_WARNED_TO = re.compile(r"\s*(?:(?!(?:about|for|on|in|at|with|from|of|after|around|over|not|to|against|towards?|into|"
                        r"across|through|by)\b)[\w.'’-]+\s+){1,4}?" + _REQUEST_TAIL, re.IGNORECASE)
#: The verbs that take ``_WARNED_TO``.
_WARN_FORMS = frozenset(["warned", "warns", "warning", "cautioned", "cautions"])
#: A clause with a noun phrase for subject: a determiner or a name, at most five more words (no preposition: "of
#: consequences" is an object's complement), then a finite verb: an auxiliary or a past tense.
_NP_CLAUSE = re.compile(r"\s*(?:(?:the|a|an|his|her|their|its|this|these|those|some|many|most|no)\b|[A-Z][\w’'.-]*)"
                        r"(?:\s+(?!(?:of|as|in|on|at|for|with|against|to|from|by|while|when|about|over|after|before)\b)"
                        r"[\w’'.-]+){0,5}?\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|"
                        r"must|did|does|do|[a-z]{3,}ed)\b")


#: The one warned, then "that" ("warned voters that ...", "warned the Senate panel on Tuesday that ...").
_WARNED_THAT = re.compile(r"\s*(?:(?!(?:that|is|was|are|were|will|would|has|have|had)\b)[\w'’.-]+,?\s+){1,6}?that\b")


def _cue_ok(cue: _Cue, after: str) -> bool:
    if cue.needs == "that":  # "warned that ...", "warned they could ...", "warned the Fed not to act"
        return bool(_THAT.match(after) or _NP_CLAUSE.match(after) or _PRON_CLAUSE.match(after)
                    or cue.form in _WARN_FORMS and (_WARNED_TO.match(after) or _WARNED_THAT.match(after)))
    if cue.needs == "clause":  # "suggested that ...", "suggested he ...", "suggested the attacks highlight ..."
        return bool(_CLAUSE.match(after) or _NP_CLAUSE.match(after))
    if cue.needs == "to":
        return bool(_TO.match(after))
    if cue.needs == "wh":  # a question ("asked whether ..."), or a request ("asked the judge to delay ...")
        return bool(_WH.match(after) or _ASKED_TO.match(after))
    return True


#: Verbs of saying that only people and bodies do: their subject may be any noun phrase ("social scientists say").
_LOOSE_CUES = frozenset("said says say told tells added adds argued argues noted notes wrote writes warned warns "
                        "insisted insists claimed claims contended contend contends maintained maintain predicted "
                        "predict acknowledged acknowledge conceded concede agreed agree".split())
