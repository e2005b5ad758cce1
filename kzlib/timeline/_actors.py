"""The actors of dated sentences (private to :mod:`kzlib.timeline.events`).

Two sources, merged in order of mention:

* the gazetteer's mentions (:func:`gazetteer_mentions`): what ``kzlib.actors.find_mentions`` gives the same
  sentences, read only where a dated sentence needs them;
* the people the document's quotations name (:func:`speaker_mentions`, "open world"): the full names of the
  ``quotes`` table's person speakers of that document that the document itself writes, matched in a sentence
  by the full name, or by the surname where that surname is the document's name for one person only.

Each mention is ``(actor, start, end, type, source)``; ``source`` is ``"gazetteer"`` (an entry of the
gazetteer), ``"text"`` (a person ``kzlib.actors`` found by pattern, not in the gazetteer) or ``"speaker"``
(a named speaker of the document's quotations).

The gazetteer path applies ``find_mentions``'s document checks (:class:`kzlib.actors.DocumentChecks`) without a
pandas frame per document; ``tests/test_events_s22.py`` checks that both give the same actors.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Container, Iterable, Mapping
from typing import Any

import pandas as pd

from kzlib._memory import gc_paused

log = logging.getLogger(__name__)

#: ``(doc_id, sentence_id) -> [(actor, start, end, type, source)]`` in order of mention
Mentions = dict[tuple[Any, Any], list[tuple[str, int, int, Any, str]]]

# --- the gazetteer's mentions ----------------------------------------------------------------------------------


def context_free(mentions: list[Any]) -> bool:
    """Whether a text's gazetteer mentions (``Gazetteer.scan``) are the same in any context: none is a title
    or description, and each name has one candidate or was found by pattern (``Gazetteer._mentions_of`` reads
    the actors named before only to resolve those)."""
    return all(m.method != "title" and (m.method == "pattern" or len(m.candidates) == 1) for m in mentions)


def gazetteer_mentions(dated: pd.DataFrame, needed: set[tuple[Any, int]] | None = None,
                       gazetteer: Any = None, dates: Mapping[Any, Any] | None = None) -> Mentions:
    """The actor mentions ``kzlib.actors.find_mentions(dated, gazetteer=gazetteer)`` gives, as
    ``(doc_id, sentence_id) -> [(actor, start, end, type, source)]`` in order of mention: each document's
    sentences scanned in order, each with the actors kept before it in the document (its last 50) as
    context, with no pandas frame per document.

    ``needed``: the sentences whose mentions are wanted (None: all; the others may be left out). A text's
    mentions depend on its context only through a title, a name with several candidates (:func:`context_free`)
    or a bare surname that is kept only once its actor was named (:meth:`kzlib.actors.DocumentChecks.needs_context`): the needed
    sentences are scanned alone first, and a document's other sentences are read (in order, with their
    context) only up to its last needed sentence that has such a mention.
    """
    from kzlib.actors import DocumentChecks, default_gazetteer  # noqa: PLC0415 - optional dependency between stages

    g = gazetteer if gazetteer is not None else default_gazetteer()
    dates = dates or {}
    known = g.actors
    ordered = dated.sort_values(["doc_id", "sentence_id"], kind="stable")
    doc_ids, sids, texts = (ordered["doc_id"].tolist(), ordered["sentence_id"].astype(int).tolist(),
                            [str(t) for t in ordered["text"].tolist()])
    out: Mentions = {}

    def keep(i: int, found: list[Any]) -> None:
        mentions = [(m.actor, m.start, m.end, m.type if m.actor in known else "person",
                     "gazetteer" if m.actor in known else "text") for m in found]
        if mentions:
            out[(doc_ids[i], sids[i])] = mentions

    with gc_paused():
        lo = 0
        while lo < len(doc_ids):
            hi = lo
            while hi < len(doc_ids) and doc_ids[hi] == doc_ids[lo]:
                hi += 1
            doc = DocumentChecks(g, texts[lo:hi])
            day = dates.get(doc_ids[lo]) or None  # the document's date: titles resolve to who held them then
            free: dict[int, list[Any]] = {}  # needed sentences whose mentions no context changes
            last = hi - 1 if needed is None else lo - 1  # the last sentence to read in context
            if needed is not None:
                for i in range(lo, hi):
                    if (doc_ids[i], sids[i]) in needed:
                        found = g.scan(texts[i], date=day)
                        if context_free(found) and not doc.needs_context(found, texts[i]):
                            free[i] = found
                        else:
                            last = i
            recent: list[str] = []
            for i in range(lo, last + 1):
                read = free.pop(i, None)
                keep(i, doc.resolve(read if read is not None else g.scan(texts[i], context=recent, date=day), texts[i], recent))
                recent = recent[-50:]
            for i, found in free.items():  # (after the last sentence read in context)
                keep(i, doc.resolve(found, texts[i], []))
            lo = hi
    return out


# --- the document's named speakers ------------------------------------------------------------------------------

_PARTICLES = frozenset({"al", "bin", "da", "de", "del", "della", "der", "di", "du", "ibn", "la", "le", "van",
                        "von"})
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_INITIAL = re.compile(r"[A-ZÀ-ÞА-ЯЁ]\.")


def _name_words(name: str) -> list[str] | None:
    """The words of a speaker that reads as a person's full name ("Bernie Sanders", "George W. Bush",
    "Martin O’Malley"), or None: two to four capitalised words, besides initials, particles and suffixes, none
    a title, an organisation's or a medium's word, a possessive, a word that is never a name or a shouted word;
    the first no place ("Saudi Arabia", "Wisconsin Republican")."""
    from kzlib.actors import place_names, plausible_name, speaker_words  # noqa: PLC0415

    words = name.split()
    core = [w for w in words if not _INITIAL.fullmatch(w) and w not in _SUFFIXES and w not in _PARTICLES]
    if len(core) < 2 or not plausible_name(" ".join(core)):
        return None
    if not all(w[:1].isupper() for w in core) or any(_POSSESSIVE.search(w) or _PARTICIPLE.search(w) for w in core):
        return None
    sw = speaker_words()
    low = words[0].casefold()
    if any(k in sw.titles or k in sw.honorifics or k in sw.role_gender for k in (low, low.rstrip("."), low[:-1])):
        return None  # ("Senators Charles E. Grassley")
    places = place_names()
    if any(w in sw.org or w in sw.media for w in core) or core[0] in places or " ".join(core) in places:
        return None
    return words


_POSSESSIVE = re.compile(r"['’]s?$")
_PARTICIPLE = re.compile(r"-[a-z]+ed$")  # "Atlanta-based", "Qaeda-linked"


def _surname(words: list[str]) -> str:
    """The last word of a name that is no suffix ("Jr.")."""
    rest = [w for w in words if w not in _SUFFIXES]
    return rest[-1] if rest else words[-1]


_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "он", "она", "его", "её", "ее", "ей", "ему"})


def named_speakers(speakers: pd.DataFrame, doc_ids: Iterable[Any], known: Container[str]) -> dict[Any, dict[str, bool]]:
    """Each document's person speakers (``speaker`` of the ``quotes`` table) that read as a full name and are
    not gazetteer actors (``known``), in order of first quotation, each with whether the quotations call them
    by a personal pronoun or by the surname alone in that document (``speaker_surface``: evidence that the name
    is a person's, not a firm's). Without a ``speaker_type`` column every speaker is read."""
    need = {"doc_id", "speaker"}
    if not need <= set(speakers.columns):
        log.warning("the speakers table lacks %s (it should be the quotes table of kzlib.extract_quotes): the "
                    "events' actors come from the gazetteer only", sorted(need - set(speakers.columns)))
        return {}
    rows = speakers[speakers["doc_id"].isin(set(doc_ids))]
    if "speaker_type" in rows.columns:
        rows = rows[rows["speaker_type"].fillna("").astype(str).isin(("person", ""))]
    surfaces = (rows["speaker_surface"].fillna("").astype(str).tolist() if "speaker_surface" in rows.columns
                else [""] * len(rows))
    out: dict[Any, dict[str, bool]] = {}
    checked: dict[str, str] = {}  # name -> its surname, or "" when it reads as no full name
    for doc_id, name, surface in zip(rows["doc_id"].tolist(), rows["speaker"].fillna("").astype(str).tolist(),
                                     surfaces):
        name = " ".join(name.split())
        if not name or name in known:
            continue
        surname = checked.get(name)
        if surname is None:
            words = _name_words(name)
            surname = checked[name] = _surname(words) if words else ""
        if surname:
            names = out.setdefault(doc_id, {})
            surface = surface.strip()
            names[name] = names.get(name, False) or surface.casefold() in _PERSONAL or surface == surname
    return out


def _occurrences(word: str, text: str) -> list[int]:
    """Where ``word`` stands in ``text`` as whole words (no letter, digit, apostrophe or hyphen before it, no
    letter, digit or hyphen after it: "Sanders’" and "Sanders's" are "Sanders"), with no pattern compiled."""
    out, n, i = [], len(word), text.find(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or before in "_'’-") and not (after.isalnum() or after in "_-"):
            out.append(i)
        i = text.find(word, i + 1)
    return out


# the capitalised word (no initial) before a name, with optional initials between: another given name or a title
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÀ-ÞА-ЯЁ][\w'’-]+|[A-Za-z]+\.)[ \t]+(?:[A-ZÀ-ÞА-ЯЁ]\.[ \t]*)*\Z")


def _words_before(word: str, text: str) -> list[str]:
    """The capitalised word (or abbreviated title, "Sen.") written right before each whole-word occurrence of
    ``word`` in ``text``."""
    out = []
    for i in _occurrences(word, text):
        m = _WORD_BEFORE.search(text, max(0, i - 40), i)
        if m:
            out.append(m.group(1))
    return out


def _is_person(name: str, called: bool, doc_text: str, surname: str) -> bool:
    """Whether a speaker's full name is known to be a person's: the quotations call them "he"/"she" or by the
    surname alone (``called``), the first word is a known given name (``speaker_words.yaml``), or the document
    writes a title or honorific before the name or the surname ("Mr. Howes", "Dr. Connie Mariano"). Other names
    ("Valley Federal said ...") may be a firm's: their mentions are no persons (no preference as ``actor``)."""
    from kzlib.actors import speaker_words  # noqa: PLC0415

    if called:
        return True
    sw = speaker_words()
    if name.split()[0] in sw.first:
        return True
    for w in (*_words_before(name, doc_text), *_words_before(surname, doc_text)):
        k = w.casefold()
        if k in sw.titles or k in sw.honorifics or k.rstrip(".") in sw.titles:
            return True
    return False


def _speaker_forms(names: dict[str, bool], doc_text: str) -> dict[str, tuple[str, str]]:
    """The forms that stand for a document's named speakers (their full names and usable surnames), each with
    the full name and type (``person`` where :func:`_is_person`, else "") it stands for.

    A speaker is one the document writes in full whose first word is a known given name or a word the document
    never writes in small letters ("Chanting Helmut Kohl", "Say Mexico" are a word and a name). A surname stands
    for its speaker only when no other speaker of the document has it, the document never writes it in small
    letters ("rose"), and no other given name (a known one, or a capitalised word that does not read as a title)
    stands before it anywhere in the document ("Chelsea Clinton" beside "Bill Clinton").
    """
    from kzlib.actors import reads_as_title, speaker_words  # noqa: PLC0415

    first = speaker_words().first

    def small(word: str) -> bool:  # (no pattern over the whole document: few words are asked about)
        low = word.lower()
        return low != word and bool(_occurrences(low, doc_text))

    written = {n: _surname(n.split()) for n in names
               if (n.split()[0] in first or not small(n.split()[0])) and _occurrences(n, doc_text)}
    by_surname: dict[str, list[str]] = {}
    for n, surname in written.items():
        by_surname.setdefault(surname, []).append(n)
    forms = {n: (n, "person" if _is_person(n, names[n], doc_text, s) else "") for n, s in written.items()}
    for surname, bearers in by_surname.items():
        if len(bearers) != 1 or len(surname) < 2 or not surname[:1].isupper() or small(surname):
            continue
        words = set(bearers[0].split())
        if any(w not in words and (w in first or not reads_as_title(w)) for w in _words_before(surname, doc_text)):
            continue
        forms[surname] = forms[bearers[0]]
    return forms


_NEXT_CAPITAL = re.compile(r"[ \t]+[A-ZÀ-ÞА-ЯЁ]")


def speaker_mentions(sentences: dict[tuple[Any, Any], str], doc_texts: dict[Any, str],
                     names: dict[Any, dict[str, bool]], taken: Mentions) -> Mentions:
    """The mentions of each document's named speakers (:func:`named_speakers`) in ``sentences``
    (``(doc_id, sentence_id) -> text``): a full name, or a usable surname (:func:`_speaker_forms`) that is
    not followed by another capitalised word ("Clinton Foundation"); none overlaps a mention of ``taken``
    (the gazetteer's, which stand) or a longer form found first."""
    forms_of: dict[Any, list[tuple[str, tuple[str, str]]]] = {}
    out: Mentions = {}
    for key, text in sentences.items():
        doc_id = key[0]
        if doc_id not in names:
            continue
        if doc_id not in forms_of:
            forms = _speaker_forms(names[doc_id], doc_texts.get(doc_id, ""))
            forms_of[doc_id] = sorted(forms.items(), key=lambda f: (-len(f[0]), f[0]))
        spans = [(s, e) for _, s, e, _, _ in taken.get(key, ())]
        found = []
        for form, (full, typ) in forms_of[doc_id]:
            for s in _occurrences(form, text):
                e = s + len(form)
                if full != form and _NEXT_CAPITAL.match(text, e):
                    continue
                if any(s < te and ts < e for ts, te in spans):
                    continue
                spans.append((s, e))
                found.append((full, s, e, typ, "speaker"))
        if found:
            out[key] = sorted(found, key=lambda m: m[1])
    return out
