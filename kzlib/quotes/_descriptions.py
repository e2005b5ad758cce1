"""Descriptions that speak ("the senator", "a spokesman", "the ministry"), the bodies a definite one may stand
for, and the US states and countries a modifier names: the description mentions of the quotes stage (private to
:mod:`kzlib.quotes.mentions`, split off it unchanged)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

import yaml

from kzlib.actors import Mention, place_names, speaker_words
from kzlib.quotes.cues import _SPACES, _all_cues
from kzlib.quotes.marks import _Span
from kzlib.quotes.speakers import _DocState, _Ent
from kzlib.text import ASCII_WORD_CHARS, run_starts, word_index, word_keys


@lru_cache(maxsize=1)
def _description_re() -> re.Pattern:
    """'the senator', 'the former Florida governor', 'a spokesman', 'the CNN host', 'the ministry'."""
    roles = sorted(speaker_words().role_gender, key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?P<det>the|a|an|this|that|his|her|its|their)\s+(?P<mods>(?:[\w.'’-]+\s+){0,3}?)"
                      r"(?P<role>" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in roles)
                      + r")(?:s)?(?![\w'’-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _role_re() -> re.Pattern:
    """The role nouns alone (searched first: rarer than the determiners that open a description)."""
    roles = sorted(speaker_words().role_gender, key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in roles)
                      + r")(?:s)?(?![\w'’-])")


@lru_cache(maxsize=1)
def _role_re_i() -> re.Pattern:
    return re.compile(_role_re().pattern, re.IGNORECASE)


_DOCUMENT_ROLES = frozenset(["report", "study", "survey", "poll", "statement", "memo", "letter", "document", "documents", "records", "filing", "lawsuit", "complaint", "ruling", "ad", "advertisement", "video", "book", "analysis", "data", "emails", "email", "release", "indictment", "bill", "plan", "platform"])


_DET_BEFORE = re.compile(r"(?<![\w'’-])(?:the|a|an|this|that|his|her|its|their)\s+(?:[\w.'’-]+\s+){0,3}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _role_keys() -> frozenset[bytes] | None:
    """First words of the role nouns (see ``kzlib.text.word_keys``; a one-word role also plural)."""
    return word_keys(speaker_words().role_gender, ignore_case=True, plural=True)


def _role_matches(role_rx: re.Pattern, text: str, low: str, windows: list[list[int]]) -> Iterator[re.Match]:
    """``role_rx.finditer(low, w0, w1)`` for each window, the pattern tried only where a role's first
    word stands (or a word the window's end cuts) when ``text`` has a word index."""
    index = word_index(text)
    keys = _role_keys()
    if index is None or keys is None or not windows:
        for w0, w1 in windows:
            yield from role_rx.finditer(low, w0, w1)
        return
    starts = run_starts(index[0], index[1] & keys)
    n = len(low)
    for w0, w1 in windows:
        cands = starts[bisect_left(starts, w0):bisect_left(starts, w1)]
        if 0 < w1 < n and low[w1 - 1] in ASCII_WORD_CHARS and low[w1] in ASCII_WORD_CHARS:
            # a word cut by the window's end: what the window holds of it may be a role ("chair|man")
            p = w1 - 1
            while p > w0 and low[p - 1] in ASCII_WORD_CHARS:
                p -= 1
            if not cands or cands[-1] < p:
                cands.append(p)
        end = w0
        for p in cands:
            if p >= end and (m := role_rx.match(low, p, w1)):
                end = m.end()
                yield m


def _description_mentions(st: _DocState, text: str, spans: list[_Span] | None, taken: bytearray,
                          out: list[Mention]) -> None:
    """Titles and descriptions ("the senator", "a spokesman") next to a speech cue or a quotation."""
    rw = speaker_words().role_gender
    classes = speaker_words().role_classes  # "the diplomat" -> the document's ambassador or secretary of state
    low = text.lower()  # a case-sensitive search of the lowered text: five times faster than IGNORECASE
    role_rx, low = (_role_re(), low) if len(low) == len(text) else (_role_re_i(), text)
    # a description speaks only next to a speech cue or a quotation ("the senator said", '," the aide
    # added'): the role nouns are searched for in those windows only
    windows: list[list[int]] = []
    for w0, w1 in sorted([(max(0, c.start() - 90), c.end() + 70) for c in _all_cues(text)]
                         + [(max(0, sp.open_at - 90), sp.end + 70) for sp in spans or ()]):
        if windows and w0 <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], w1)
        else:
            windows.append([w0, w1])
    for rm in _role_matches(role_rx, text, low, windows):
        # the determiner whose phrase ends with the role: "the governor" in "The senator thanked the governor"
        # (the first determiner of the window may open another phrase)
        d0, dm = max(0, rm.start() - 48), None
        while (bm := _DET_BEFORE.search(text, d0, rm.start())) is not None:
            dm = _description_re().match(text, bm.start())
            if dm is not None and dm.end() == rm.end():
                break
            d0, dm = bm.start() + 1, None
        if dm is None or any(taken[dm.start():rm.end()]):
            continue
        role = _SPACES.sub(" ", dm.group("role").lower())
        kind = rw.get(role, "")
        definite = dm.group("det").lower() in ("the", "this", "that")
        actor, typ = "", "organisation" if kind == "org" else "person"
        place = _place_words(dm.group("mods")) if kind != "org" else frozenset()
        if definite and role not in _DOCUMENT_ROLES:  # "the report" speaks for itself
            if kind == "org":  # "the court": a court the document named, not any body
                cands = [e for e in st.ents.values() if _body_fits(role, e)]
            else:  # "the senator", "the Florida senator" (a person the document ties to Florida)
                cands = [e for e in st.ents.values() if e.type == "person" and place <= e.titles
                         and (role in e.titles or any(c <= e.titles for c in classes.get(role, ())))
                         and (not kind or e.gender in (kind, ""))]
            if cands:
                actor = max(cands, key=lambda e: e.last).name
        if not actor:  # "a spokesman", "the report": the description itself
            actor = text[dm.start():dm.end()]
            typ = "organisation" if kind == "org" else "person"
            out.append(Mention(dm.start(), dm.end(), actor, actor, "description", typ))
        else:
            out.append(Mention(dm.start(), dm.end(), text[dm.start():dm.end()], actor, "title", typ))


@lru_cache(maxsize=1)
def _body_names() -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    """(head noun -> name words that show a body of that kind, media head nouns, head nouns any acronym may
    stand for), from ``body_names.yaml``."""
    d = yaml.safe_load(resources.files("kzlib.data").joinpath("body_names.yaml").read_text("utf-8"))
    return ({str(k): frozenset(str(w).lower() for w in v) for k, v in d["names"].items()},
            frozenset(str(w) for w in d["media_heads"]), frozenset(str(w) for w in d.get("any_acronym") or ()))


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _body_fits(role: str, e: _Ent) -> bool:
    """Whether the document's body ``e`` may be what a definite description with head noun ``role`` ("the
    company", "the court") stands for: a medium for a media head ("the newspaper"), else a body whose name
    shows the head noun (see ``body_names.yaml``); never an unrelated body ("the campaign" is not the FBI).

    Example:
        >>> _body_fits("court", _Ent("Supreme Court", "organisation", "")), _body_fits("court", _Ent("Congress", "organisation", ""))
        (True, False)
        >>> _body_fits("agency", _Ent("FBI", "organisation", "")), _body_fits("company", _Ent("Acme Inc.", "organisation", ""))
        (True, True)
    """
    if e.type not in ("organisation", "media"):
        return False
    names, media_heads, any_acronym = _body_names()
    if role in media_heads:
        return e.type == "media"
    words = e.name.replace("’", "'").split()
    low = {w.lower() for w in words}
    head = role.split()[-1]
    if head in low or head + "s" in low or role in e.name.lower() or low & names.get(role, frozenset()) \
            or any(" " in w and w in e.name.lower() for w in names.get(role, ())):
        return True
    # an acronym of an organisation, not a medium ("CIA" for "the agency"; "MSNBC" is no campaign)
    return e.type == "organisation" and len(words) == 1 and _ACRONYM.fullmatch(words[0]) is not None \
        and (words[0][-1] == head[:1].upper() or role in any_acronym)


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """The written forms of the US states (name, AP abbreviation, postal code: ``us_states.csv``) -> the name."""
    lines = [x for x in resources.files("kzlib.data").joinpath("us_states.csv").read_text("utf-8").splitlines()
             if x.strip() and not x.startswith("#")][1:]
    return {form: name for name, ap, postal in (x.split(",") for x in lines) for form in (name, ap, postal)}


def _place_words(words: str) -> frozenset[str]:
    """The words (lower case) of the US state or country that a modifier names ("Wisconsin", "the former South
    Carolina", "Wis."), else an empty set.

    Example:
        >>> sorted(_place_words("the former South Carolina")), sorted(_place_words("Wis.")), _place_words("Presumptive")
        (['carolina', 'south'], ['wisconsin'], frozenset())
    """
    toks = words.split()
    states = _us_states()
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            part = " ".join(toks[i:i + n])
            name = states.get(part) or (part if part in place_names() else "")
            if name:
                return frozenset(name.lower().split())
    return frozenset()
