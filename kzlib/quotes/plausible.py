"""The last check on a quotation's speaker: words that cannot name one.

The rules that find a speaker read the words before or after a verb of saying; on real news a few of those
readings are no noun phrase at all: a phrase of place or time ("Tuesday at the university in Berea"), a
preposition's phrase ("in the wake of a new poll"), a participle's ("giving the example of ..."), a clause ("it costs
new members $70"), a number, a headline in capitals, or text glued to the name by the page's extraction (a live
blog's "12:52PMBush", a dateline's "WASHINGTON ― The administration"). Glued text is cut off; a speaker that is
no noun phrase is dropped (``speaker`` "", ``speaker_resolution`` ``implausible``, the surface kept so that a
reader sees what was read), and so is a count opening an absolute phrase with "with" after the quotation ("...,
with 100 percent of precincts reporting"). Measured on PolNeAR train (``benchmarks/attribution.py``): see
``benchmarks/RESULTS.md``, eighteenth session.
"""

from __future__ import annotations

import re

import pandas as pd

from kzlib.actors import Gazetteer
from kzlib.quotes._modifier import _body_heads
from kzlib.quotes.subject import _is_group_word, _source_heads

__all__: list[str] = []

#: Text glued before a name: a live blog's time ("12:52PM", "4 p.m."), a dateline in capitals and its dash, a
#: headline in capitals, a weekday and its comma ("Tuesday, the Vermont senator"); "with" opening an absolute phrase
#: ("with 30 percent of voters saying ...": the voters speak).
_GLUED = re.compile(r"^(?:\d{1,2}(?::\d\d)?\s?[AP]\.?M\.?\s*(?=[A-Z])"
                    r"|[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*\s*[―—–]\s*"
                    r"|(?:[A-Z][A-Z'’-]+\s+){2,}(?=[A-Z][a-z])"
                    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
                    r"|with\s+(?=\S+\s))")  # "with 30 percent of voters saying ...": the absolute phrase's subject
#: What no speaker's name or description starts with.
_NO_SPEAKER = re.compile(
    r"^(?:[\d.,%]+$"  # a number alone
    r"|(?:in|through|against|from|into|during|without|via|with)\s"  # a preposition's phrase ("over 200 scientists" speak)
    r"|(?:nobody|no one|none|nothing)$"  # no one at all
    r"|[a-z]+ing\s+(?:the|a|an|his|her|their|its|him|them|some|all|this|that|these|those)\b"  # a participle's
    r"|(?:it|he|she|they|we|you|i)\s+\w"  # a clause
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:$|\s+(?:at|in|on|after|before)\b)"  # a time
    r"|.*\b[A-Z]{2,}\s+(?:OF|THE|AND|FOR|IN|ON|TO)\s+[A-Z]{2,}"  # a headline in capitals
    r"|.*\s(?:of|the|a|an)$"  # a noun phrase cut before its noun ("Trump unleashed a series of")
    # a sentence's end inside it: a word, its full stop and a function word opening the next sentence
    # ("... supported Sanders. A majority of those"; "Sony Corp. Chairman" goes on with a noun)
    r"|.*\w\w\.\s+(?:A|An|The|It|Its|This|That|These|Those|He|She|They|We|His|Her|Their|But|And|In|On|At)\s"
    # a headline in title case: two function words with capitals inside it ("Rubio Responds To Question About
    # Minimum Wage")
    r"|(?:\S+\s+)+?(?:To|About|By|For|With|From|Into|After|Over)\s+(?:\S+\s+)*?(?:To|About|By|For|With|From|Into|After"
    r"|Over|And|Of|The|In|On|At|Is|Are|Was|Says?)\s)")


def _check_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with glued text cut off its speakers and the speakers that are no noun phrase dropped (see the
    module's docstring); rows changed are logged by the caller. English rows only (a Russian row's speaker
    comes from its own rules).

    Example:
        >>> q = pd.DataFrame({"speaker": ["12:52PMBush", "in the wake of a poll", "Jane Roe", "42%", "Roe unleashed a series of"],
        ...                   "speaker_surface": ["12:52PMBush", "in the wake of a poll", "Roe", "42%", "Roe unleashed a series of"],
        ...                   "speaker_resolution": ["named", "description", "surname", "description", "named"],
        ...                   "confidence": [0.8, 0.4, 0.8, 0.4, 0.5]})
        >>> _check_speakers(q)[["speaker", "speaker_resolution"]].values.tolist()
        [['Bush', 'named'], ['', 'implausible'], ['Jane Roe', 'surname'], ['', 'implausible'], ['', 'implausible']]
    """
    if quotes.empty:
        return quotes
    out = quotes.copy()
    absolute = _after_absolute(out)
    for col in ("speaker", "speaker_surface"):
        s = out[col].fillna("").astype(str)
        glued = s.str.match(_GLUED)
        if glued.any():
            out.loc[glued, col] = s[glued].str.replace(_GLUED, "", n=1, regex=True).str.strip()
    surface = out["speaker_surface"].fillna("").astype(str)
    name = out["speaker"].fillna("").astype(str)
    bad = (name != "") & (surface.str.match(_NO_SPEAKER) | name.str.match(_NO_SPEAKER) | name.str.lower().isin(["nobody"])
                          | absolute)
    # one word in small letters, a participle or an adverb that names no group, role or body ("unsubstantiated")
    one = (out["speaker_resolution"] == "description") & name.str.fullmatch(r"[a-z][a-z-]+(?:ed|ly|ing)")
    if one.any():
        known = _source_heads() | frozenset(_body_heads())
        bad |= one & ~name.map(lambda w: _is_group_word(w, known))
    if bad.any():
        out.loc[bad, "speaker"] = ""
        out.loc[bad, "speaker_resolution"] = "implausible"
        out.loc[bad, "confidence"] = out.loc[bad, "confidence"].clip(upper=0.2)
    return out


def _settle_descriptions(quotes: pd.DataFrame, g: Gazetteer) -> pd.DataFrame:
    """``quotes`` with two kinds of speaker set right: a description that is the whole of a gazetteer name (any
    case, with or without "the": "Russia's foreign ministry", "the Kremlin") becomes that actor
    (``speaker_resolution`` "gazetteer"); a description opening a sentence with a determiner ("Some analysts",
    "His campaign") is written in small letters, so that it and the same words inside a sentence are one voice;
    a description's affiliation is the country it names ("senior U.S. official": United States).

    Example:
        >>> from kzlib.actors import default_gazetteer
        >>> q = pd.DataFrame({"speaker": ["the Kremlin", "Democrats", "Some analysts"],
        ...                   "speaker_resolution": ["description", "named", "description"],
        ...                   "speaker_type": ["person", "person", "person"], "affiliation": ["", "", ""]})
        >>> _settle_descriptions(q, default_gazetteer())[["speaker", "speaker_resolution"]].values.tolist()
        [['Kremlin', 'gazetteer'], ['Democrats', 'named'], ['some analysts', 'description']]
    """
    if quotes.empty:
        return quotes
    out = quotes.copy()
    name = out["speaker"].fillna("").astype(str)
    res = out["speaker_resolution"].fillna("").astype(str)
    described = (res == "description") & (name != "")
    actor = {}  # each description once (a corpus repeats them): the actor it names in full, if any
    for n in name[described].unique():
        cands, method = g.candidates(n)
        if method == "exact" and len(cands) == 1:
            actor[n] = cands[0]
    hit = described & name.isin(actor.keys())
    if hit.any():
        canon = name[hit].map(actor)
        out.loc[hit, "speaker"] = canon
        out.loc[hit, "speaker_resolution"] = "gazetteer"
        out.loc[hit, "speaker_type"] = canon.map(g.type_of)
        out.loc[hit, "affiliation"] = canon.map(g.affiliation)
    # a description's country: "senior U.S. official", "Russian diplomats"
    blank = (out["speaker_resolution"] == "description") & (out["affiliation"].fillna("") == "")
    if blank.any():
        country = {n: g.country_of(n) for n in out.loc[blank, "speaker"].astype(str).unique()}
        out.loc[blank, "affiliation"] = out.loc[blank, "speaker"].astype(str).map(country)
    # "Some analysts" opening a sentence is "some analysts"
    first = name.str.extract(r"^([A-Z][a-z]+)\b", expand=False).fillna("").str.lower()
    opener = (out["speaker_resolution"] == "description") & first.isin(_OPENING_WORDS)
    if opener.any():
        out.loc[opener, "speaker"] = name[opener].str[:1].str.lower() + name[opener].str[1:]
    return out


#: Determiners and quantifiers that open a description ("Some analysts", "Many officials"): lower case inside one.
_OPENING_WORDS = frozenset("some many several most other few two three four five both all each every another "
                           "senior top his her their its our my".split())


def _after_absolute(quotes: pd.DataFrame) -> pd.Series:
    """Rows whose speaker is a count that opens an absolute phrase with "with" after the quotation ("Trump won the
    state, with 100 percent of precincts reporting"): the phrase qualifies the sentence before it, and a count of
    precincts or ballots did not say it. (Before the quotation, "with 30 percent of voters saying ...", the voters
    speak; "..., with the Kremlin describing ..." is left to the Kremlin.)

    Example:
        >>> q = pd.DataFrame({"speaker_surface": ["with 100 percent of precincts", "with 30 percent of voters"],
        ...                   "para_id": [0, 0], "end": [40, 40], "speaker_para_id": [0, 0], "speaker_start": [42, 0]})
        >>> _after_absolute(q).tolist()
        [True, False]
    """
    cols = ("speaker_surface", "para_id", "end", "speaker_para_id", "speaker_start")
    if not all(c in quotes.columns for c in cols):
        return pd.Series(False, index=quotes.index)
    surface = quotes["speaker_surface"].fillna("").astype(str)
    same = pd.to_numeric(quotes["speaker_para_id"], errors="coerce") == pd.to_numeric(quotes["para_id"], errors="coerce")
    after = pd.to_numeric(quotes["speaker_start"], errors="coerce") >= pd.to_numeric(quotes["end"], errors="coerce")
    return surface.str.match(r"with\s+(?:(?:about|nearly|almost|over|more\s+than)\s+)?\d") & same & after
