"""One person, one voice across a corpus: names written in several ways linked to one form.

Within a document the speakers' coreference links "Paul Ryan", "Ryan" and "the speaker". Across documents
nothing did: one outlet writes "Paul D. Ryan", another "Paul Ryan", and a story that never gives the full name
quotes "Obama". Counted apart, one person becomes several voices and falls down the ranking of who is quoted.

:func:`speaker_variants` finds, in a quotes table, the person names that are one name written otherwise:

- **a middle name or initial**: "Paul D. Ryan", "Hillary Rodham Clinton" and "Paul Ryan", "Hillary Clinton"
  share their first and last word (a full name opens with a known given name, or, in any language, holds no
  role word or place: "Aydos Ukibay") (a suffix such as "Jr." is part of the last word: "Donald Trump Jr." stays
  apart); the form quoted most often names them all;
- **a capital of a sentence's first word**: "Investigators", "His advisers" where the corpus also writes
  "investigators", "his advisers": the form in small letters;
- **an apostrophe or the capitals**: "Martin O’Malley" and "Martin O'Malley", "JOEL BENENSON" and "Joel Benenson"
  (one spelling, of the same kind of speaker): the form quoted most often;
- **a surname alone**: "Obama", where the corpus names one person with that surname in full in at least
  ``min_share`` of its quotes by full name ("Barack Obama"), and at least ``min_rows`` times. Under that share the
  surname is ambiguous ("Clinton" for Hillary and Bill in like numbers) and stays as written. Given the documents'
  dates, the link holds only in documents published within two years of one quoting the full name. A surname
  with an office ("Chief Justice Roberts") is not linked to a full name that holds only other offices in the corpus
  ("Mayor Jennifer Roberts").

:func:`link_speakers` rewrites those speakers and marks the rows ``speaker_resolution`` ``corpus``; the name as
the text wrote it stays in ``speaker_surface``, and the table of links is the study's ``speaker_links``, so a
reader can check each one. Names in the gazetteer are already one form and are never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml

from kzlib.actors import place_names, speaker_words
from kzlib.quotes.marks import SPEECH_KINDS

__all__ = ["link_speakers", "speaker_variants"]

_LINK_COLUMNS = ["speaker", "linked_to", "n_quotes", "reason"]
_INITIAL = re.compile(r"[A-Z]\.?")
_SUFFIXES = frozenset(["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"])
_NAME_WORD = re.compile(r"[A-Z][a-z][\w'’.-]*")



def _middle(name: str) -> str:
    """The words between a full name's first and last (its middle names or initials, without dots)."""
    words = [w for w in name.split() if w not in _SUFFIXES]
    return " ".join(w.rstrip(".") for w in words[1:-1])


def _key(name: str) -> tuple[str, str] | None:
    """(first word, last word) of a person's full name (the words between, a middle name or initial, left out), a
    suffix kept with the last word; None for one word or words that are no name."""
    words = name.split()
    suffix = ""
    if len(words) > 2 and words[-1] in _SUFFIXES:
        suffix, words = " " + words[-1], words[:-1]
    if len(words) < 2 or not all(_NAME_WORD.fullmatch(w) or _INITIAL.fullmatch(w) for w in words):
        return None
    return words[0], words[-1] + suffix


def _any_language_name(name: str, roles: frozenset[str]) -> bool:
    """Whether a capitalised name without a known given name may still be a person's ("Aydos Ukibay"): no word
    of it a role, a place, an organisation's or outlet's word or a word that is never a name, no possessive, no
    adjective of a people or creed first ("Islamic State") and no plural of a people last ("Cuban Americans")."""
    sw = speaker_words()
    words = name.split()
    return not any(w.lower().rstrip(".") in roles or w in place_names() or w in sw.not_names or w in sw.org
                   or w in sw.media or "'" in w or "’" in w for w in words) \
        and not words[-1].endswith(("ans", "ese")) and not words[0].endswith(("ic", "ish", "ese", "ian")) \
        and name not in place_names()


def speaker_variants(quotes: pd.DataFrame, *, min_share: float = 0.8, min_rows: int = 2,
                     keep: Iterable[str] = ()) -> pd.DataFrame:
    """The person names of ``quotes`` that are another form of a name the corpus gives (see the module's
    docstring): columns ``speaker``, ``linked_to``, ``n_quotes`` (rows that speaker has) and ``reason``
    (``middle name or initial`` / ``surname alone``). ``keep``: names never rewritten (the gazetteer's).

    Example:
        >>> q = pd.DataFrame({"speaker": ["Paul D. Ryan", "Paul Ryan", "Paul Ryan", "Obama", "Barack Obama",
        ...                               "Barack Obama"], "speaker_type": ["person"] * 6, "kind": ["direct"] * 6})
        >>> speaker_variants(q).values.tolist()
        [['Obama', 'Barack Obama', 1, 'surname alone'], ['Paul D. Ryan', 'Paul Ryan', 1, 'middle name or initial']]
    """
    if quotes.empty or "speaker" not in quotes.columns:
        return pd.DataFrame(columns=_LINK_COLUMNS)
    speech = quotes["kind"].isin(SPEECH_KINDS) if "kind" in quotes.columns else pd.Series(True, index=quotes.index)
    # "Investigators" opening a sentence where the corpus also writes "investigators", as the same kind of speaker:
    # one voice, in small letters ("The Post", media, is not "a post")
    typed = pd.DataFrame({"speaker": quotes["speaker"][speech].fillna("").astype(str),
                          "kind": quotes["speaker_type"][speech].fillna("") if "speaker_type" in quotes.columns else ""})
    pairs = typed.value_counts(sort=False).reset_index(name="n")  # each speaker's most frequent kind
    pairs = pairs.sort_values(["n", "kind"], ascending=[False, True], kind="stable").drop_duplicates("speaker")
    kinds = dict(zip(pairs["speaker"], pairs["kind"], strict=True))
    kept_names = set(keep)
    opening = [(n, low) for n in kinds if n[:1].isupper() and n[1:2].islower() and n not in kept_names
               and (low := n[:1].lower() + n[1:]) in kinds and kinds[low] == kinds[n]]
    keep_rows = speech.copy()
    if "speaker_type" in quotes.columns:
        keep_rows &= quotes["speaker_type"].fillna("").isin(("person", ""))
    counts = quotes["speaker"][keep_rows].fillna("").astype(str).value_counts()  # (one column: a corpus is large)
    counts = counts[counts.index != ""]
    kept = set(keep)
    first_names = speaker_words().first
    roles = frozenset(speaker_words().role_gender)
    by_key: dict[tuple[str, str], list[str]] = {}
    for name in counts.index:
        k = _key(name)
        # a person's name: a known given name first, or (names of any language: "Aydos Ukibay") no word of it a
        # role or a place ("Kazakh President", "New Hampshire")
        if k is not None and (k[0] in first_names or _any_language_name(name, roles)):
            by_key.setdefault(k, []).append(name)
    out: list[tuple[str, str, int, str]] = []
    canonical: dict[str, int] = {}  # full name -> its rows, after the variants are folded in
    for names in by_key.values():
        names.sort(key=lambda n: (-counts[n], len(n), n))
        head = next((n for n in names if n in kept), names[0])
        same = [n for n in names if n == head or _middle(n) in ("", _middle(head)) or not _middle(head)]
        same = [n for n in same if not (_middle(n) and _middle(head) and _middle(n) != _middle(head))]
        canonical[head] = int(sum(counts[n] for n in same))
        # ("George H. W. Bush" is no "George W. Bush": two different middles name two people)
        out.extend((n, head, int(counts[n]), "middle name or initial") for n in same if n != head and n not in kept)
    by_surname: dict[str, list[str]] = {}
    for name in canonical:
        by_surname.setdefault(name.split()[-1], []).append(name)
    for name in counts.index:
        if " " in name or name in kept or not _NAME_WORD.fullmatch(name) or name in first_names \
                or name not in by_surname or name in place_names():
            continue
        full = sorted(by_surname[name], key=lambda n: (-canonical[n], n))
        total = sum(canonical[n] for n in full)
        if canonical[full[0]] >= min_rows and canonical[full[0]] >= min_share * total:
            out.append((name, full[0], int(counts[name]), "surname alone"))
    n_all = quotes["speaker"][speech].value_counts()
    out.extend((n, low, int(n_all[n]), "capital of a sentence's first word") for n, low in opening)
    linked = {row[0] for row in out}  # (a name linked already keeps that link)
    out.extend((n, to, int(n_all[n]), "apostrophe or capitals")
               for n, to in _spelling_variants(n_all[~n_all.index.isin(linked)], kinds, kept_names).items())
    return pd.DataFrame(sorted(out), columns=_LINK_COLUMNS)


def _fold(name: str) -> str:
    """A name with its apostrophes made straight and its letters small (the key two spellings share)."""
    return name.replace("’", "'").replace("‘", "'").casefold()


def _spelling_variants(counts: pd.Series, kinds: dict[str, str], keep: set[str]) -> dict[str, str]:
    """Names that are another name written with a curly for a straight apostrophe or in other capitals
    ("Martin O’Malley" / "Martin O'Malley", "JOEL BENENSON" / "Joel Benenson"), of the same kind: each linked to
    the form quoted most often (a form the gazetteer keeps first; then the one not all in capitals, then by
    name); a name of one word in capitals ("AP", "NATO") is left alone, an acronym being no shouted name.

    Example:
        >>> c = pd.Series({"Martin O'Malley": 3, "Martin O’Malley": 2, "JOEL BENENSON": 1, "Joel Benenson": 4, "AP": 2})
        >>> _spelling_variants(c, {n: "person" for n in c.index}, set())
        {'Martin O’Malley': "Martin O'Malley", 'JOEL BENENSON': 'Joel Benenson'}
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for name in counts.index:
        if name and (" " in name or not name.isupper()):
            groups.setdefault((_fold(name), kinds.get(name, "")), []).append(name)
    out: dict[str, str] = {}
    for names in groups.values():
        if len(names) < 2:
            continue
        head = min(names, key=lambda n: (n not in keep, -int(counts[n]), n.isupper(), n))
        out.update((n, head) for n in names if n != head and n not in keep)
    return out


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}


def _not_that_person(quotes: pd.DataFrame, to: dict[str, str], surnames: set[str]) -> pd.Series:
    """The rows whose bare surname (linked "surname alone") must not take the corpus's full name: the
    document quotes another person of that surname by full name ("Ivanka Trump" beside a bare "Trump"), or
    the row's he/she disagrees with the full name's given name ("she" is not "Barack Obama").

    Example:
        >>> q = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "speaker": ["Trump", "Ivanka Trump", "Trump", "Trump"],
        ...                   "speaker_surface": ["Trump", "Ivanka Trump", "Trump", "she"]})
        >>> _not_that_person(q, {"Trump": "Donald Trump"}, {"Trump"}).tolist()
        [True, False, False, True]
    """
    first = speaker_words().first
    speaker = quotes["speaker"].fillna("").astype(str)
    bare = speaker.isin(surnames)
    out = pd.Series(False, index=quotes.index)
    if "speaker_surface" in quotes.columns:
        pron = quotes["speaker_surface"].fillna("").astype(str).str.lower().map(_PRONOUN_GENDER)
        given = speaker.map(lambda n: first.get(to.get(n, "").split()[0], "") if to.get(n) else "")
        out |= bare & pron.notna() & (given != "") & (pron != given)
    if "doc_id" in quotes.columns:
        bearers: dict[tuple[str, str], set[str]] = {}  # (document, surname) -> the full names it quotes
        for d, n in zip(quotes["doc_id"], speaker):
            if " " in n and n.split()[-1] in surnames and _key(n) is not None:  # (a name, not "aides to Mr. Roe")
                bearers.setdefault((d, n.split()[-1]), set()).add(n)
        out |= pd.Series([b and bool(bearers.get((d, n), set()) - {to.get(n, "")})
                          for b, d, n in zip(bare, quotes["doc_id"], speaker)], index=quotes.index, dtype=bool)
    return out


@lru_cache(maxsize=1)
def _offices() -> tuple[frozenset[str], dict[str, str]]:
    """The office words of ``speaker_words.yaml`` (``offices``) and their abbreviations (lower case)."""
    d = yaml.safe_load(resources.files("kzlib.data").joinpath("speaker_words.yaml").read_text("utf-8"))["offices"]
    return frozenset(str(w).lower() for w in d["words"]), {str(k).lower(): str(v).lower() for k, v in d["abbreviations"].items()}


def _office_words(surface: str, name: str) -> frozenset[str]:
    """The offices a speaker's surface gives ("Chief Justice Roberts" -> {"justice"}; "Sen. Jane Roe" ->
    {"senator"}), the words of ``name`` left out.

    Example:
        >>> sorted(_office_words("Charlotte Mayor Jennifer Roberts", "Jennifer Roberts")), _office_words("Mr. King", "King")
        (['mayor'], frozenset())
    """
    words, abbr = _offices()
    own = {w.lower() for w in name.split()}
    out = set()
    for w in re.findall(r"[\w-]+", surface.lower()):
        w = abbr.get(w, w)
        if w in words and w not in own:
            out.add(w)
    return frozenset(out)


def _title_conflict(quotes: pd.DataFrame, to: dict[str, str], surnames: set[str]) -> pd.Series:
    """The rows whose bare surname carries an office ("Chief Justice Roberts") that the linked full name never
    carries in the corpus while it carries others ("Mayor Jennifer Roberts"): another person; a surname without
    an office, or a full name without one, is not judged.

    Example:
        >>> q = pd.DataFrame({"speaker": ["Roberts", "Jennifer Roberts", "Roberts"],
        ...                   "speaker_surface": ["Chief Justice Roberts", "Mayor Jennifer Roberts", "Mayor Roberts"]})
        >>> _title_conflict(q, {"Roberts": "Jennifer Roberts"}, {"Roberts"}).tolist()
        [True, False, False]
    """
    if "speaker_surface" not in quotes.columns:
        return pd.Series(False, index=quotes.index)
    speaker = quotes["speaker"].fillna("").astype(str)
    surface = quotes["speaker_surface"].fillna("").astype(str)
    targets = {to[n] for n in surnames if n in to}
    held: dict[str, set[str]] = {}
    for n, s in zip(speaker, surface):
        if n in targets:
            held.setdefault(n, set()).update(_office_words(s, n))
    out = []
    for n, s in zip(speaker, surface):
        own = _office_words(s, n) if n in surnames else frozenset()
        theirs = held.get(to.get(n, ""), set())
        out.append(bool(own) and bool(theirs) and not own & theirs)
    return pd.Series(out, index=quotes.index, dtype=bool)


def _other_era(quotes: pd.DataFrame, to: dict[str, str], surnames: set[str], years: pd.Series,
               max_years: int) -> pd.Series:
    """The rows whose bare surname comes from a document published more than ``max_years`` years from every
    document that quotes the linked full name ("President Bush" in a 1990 story is not the "Jeb Bush" of 2016
    stories); a row or full name without a dated document is not judged.

    Example:
        >>> q = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "speaker": ["Bush", "Jeb Bush", "Bush", "Bush"]})
        >>> years = pd.Series({"a": 1990, "b": 2016, "c": 2015, "d": None})
        >>> _other_era(q, {"Bush": "Jeb Bush"}, {"Bush"}, years, 2).tolist()
        [True, False, False, False]
    """
    speaker = quotes["speaker"].fillna("").astype(str)
    year = pd.to_numeric(quotes["doc_id"].map(years), errors="coerce")
    full_years: dict[str, set[float]] = {}
    for n, y in zip(speaker, year):
        if " " in n and y == y:  # (NaN is no year)
            full_years.setdefault(n, set()).add(float(y))
    out = [n in surnames and y == y and bool(fy := full_years.get(to.get(n, ""), set()))
           and min(abs(y - f) for f in fy) > max_years for n, y in zip(speaker, year)]
    return pd.Series(out, index=quotes.index, dtype=bool)


def link_speakers(quotes: pd.DataFrame, variants: pd.DataFrame | None = None, *,
                  documents: pd.DataFrame | None = None, max_years: int = 2, **options) -> pd.DataFrame:
    """``quotes`` with each speaker of ``variants`` (default: :func:`speaker_variants` of ``quotes`` with
    ``options``) rewritten to the name it is linked to, and those rows' ``speaker_resolution`` ``corpus``.
    With ``documents`` (``doc_id``, ``published``), a surname alone takes the full name only in a document
    published within ``max_years`` years of one that quotes that full name: a corpus spanning decades names
    two Presidents Bush.

    Example:
        >>> q = pd.DataFrame({"speaker": ["Obama", "Barack Obama", "Barack Obama"], "speaker_type": ["person"] * 3,
        ...                   "kind": ["direct"] * 3, "speaker_resolution": ["named"] * 3})
        >>> link_speakers(q)[["speaker", "speaker_resolution"]].values.tolist()
        [['Barack Obama', 'corpus'], ['Barack Obama', 'named'], ['Barack Obama', 'named']]
    """
    links = speaker_variants(quotes, **options) if variants is None else variants
    if links.empty:
        return quotes
    to = dict(zip(links["speaker"], links["linked_to"], strict=True))
    hit = quotes["speaker"].isin(to.keys())
    if "speaker_type" in quotes.columns:
        cased = set(links.loc[links["reason"].isin(("capital of a sentence's first word", "apostrophe or capitals")), "speaker"])
        hit &= quotes["speaker_type"].fillna("").isin(("person", "")) | quotes["speaker"].isin(cased)
    surnames = set(links.loc[links["reason"] == "surname alone", "speaker"])
    if surnames and hit.any():
        hit &= ~_not_that_person(quotes, to, surnames)
        hit &= ~_title_conflict(quotes, to, surnames)
        if documents is not None and {"doc_id", "published"} <= set(documents.columns) and "doc_id" in quotes.columns:
            published = documents.drop_duplicates("doc_id").set_index("doc_id")["published"].fillna("").astype(str)
            years = pd.to_numeric(published.str.extract(r"^(\d{4})", expand=False), errors="coerce")
            hit &= ~_other_era(quotes, to, surnames, years, max_years)
    out = quotes.copy(deep=False)  # the two columns below are replaced whole: the caller's table is not touched
    out["speaker"] = quotes["speaker"].mask(hit, quotes["speaker"].map(to))
    if "speaker_resolution" in quotes.columns:
        out["speaker_resolution"] = quotes["speaker_resolution"].mask(hit, "corpus")
    return out
