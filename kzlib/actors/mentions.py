"""Actor mentions of a whole document, sentence by sentence (:func:`find_mentions`): the gazetteer's
:meth:`~kzlib.actors.Gazetteer.scan` with the document's context, and the document-level checks a sentence
alone cannot make (a surname the document writes in small letters, or gives to another person)."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import pandas as pd

from kzlib.actors._roles import as_date
from kzlib.actors.gazetteer import (
    _NOT_NAMES,
    _ROLE_SET,
    _WORD_BEFORE,
    Gazetteer,
    Mention,
    _norm,
    default_gazetteer,
)
from kzlib.errors import require_columns

__all__ = ["DocumentChecks", "find_mentions"]

log = logging.getLogger("kzlib.actors")


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


@lru_cache(maxsize=1024)
def _given_then(surname: str) -> re.Pattern:
    return re.compile(r"(?<![\w'’.-])([A-ZÀ-ÞА-ЯЁ][\w'’-]+)[ \t]+(?:[A-ZÀ-ÞА-ЯЁ]\.[ \t]*)*" + re.escape(surname) + r"\b")


def _other_bearer(g: Gazetteer, doc_text: str, surname: str, actor: str) -> str:
    """The full name of another person the document gives the gazetteer actor's surname ("Robert M. Price" in
    a document without Ned Price), or ""."""
    for m in _given_then(surname).finditer(doc_text):
        given = m.group(1)
        if given.lower() not in _NOT_NAMES and given.lower() not in _ROLE_SET and not g._same_given(given, actor):
            return " ".join(m.group(0).split())
    return ""


def _common_word_surname(m: Mention, text: str, lower_words: frozenset[str], recent: list[str]) -> bool:
    """Whether a bare surname of a gazetteer actor the document has not named is an ordinary word or part of
    another name: the document writes the word in small letters ("Price hikes ..." where it speaks of "fuel prices"),
    or a capitalised word that is no title stands before it ("T. Rowe Price").

    Example:
        >>> m = Mention(0, 5, "Price", "Ned Price", "surname")
        >>> _common_word_surname(m, "Price hikes sparked protests.", frozenset({"prices", "hikes"}), [])
        True
        >>> _common_word_surname(m, "Price said so.", frozenset({"said"}), [])
        False
    """
    if m.method != "surname" or " " in m.surface or m.actor in recent or m.type != "person" and m.type:
        return False
    word = m.surface.lower()
    if word in lower_words or word + "s" in lower_words or word + "es" in lower_words:
        return True
    wb = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
    return wb is not None and _norm(wb.group(1)) not in _ROLE_SET and _norm(wb.group(1)) not in _NOT_NAMES \
        and len(_norm(wb.group(1))) > 2 and wb.start() > 0  # (a sentence's first word may be any opener)


class DocumentChecks:
    """:func:`find_mentions`'s document-level checks of one document's bare surnames, for a caller that scans a
    document's texts itself (``Gazetteer.scan``): another person of the document with that surname, a surname the
    document writes as a common word. The document's text and small words are made only when a check needs them.

    Example:
        >>> from kzlib.actors import default_gazetteer
        >>> g = default_gazetteer()
        >>> texts = ["Robert M. Price, chairman of the firm, spoke.", "Mr. Price said the plant would reopen."]
        >>> doc = DocumentChecks(g, texts)
        >>> [m.actor for m in doc.resolve(g.scan(texts[1]), texts[1], [])]  # this document's Price, not Ned Price
        ['Robert M. Price']
    """

    def __init__(self, g: Any, texts: list[str]) -> None:
        self.g, self.texts = g, texts
        self._text: str | None = None
        self._lower: frozenset[str] | None = None
        self._bearer: dict[tuple[str, str], str] = {}

    @property
    def lower_words(self) -> frozenset[str]:
        if self._lower is None:
            self._lower = frozenset(_LOWER_WORD.findall(self.text))
        return self._lower

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = " ".join(self.texts)
        return self._text

    def other_bearer(self, surname: str, actor: str) -> str:
        key = (surname, actor)
        if key not in self._bearer:
            self._bearer[key] = _other_bearer(self.g, self.text, surname, actor)
        return self._bearer[key]

    def resolve(self, found: list[Any], text: str, recent: list[str]) -> list[Any]:
        """The mentions ``find_mentions`` keeps of a sentence's scan (a bare surname may become the document's
        own bearer of it, or be dropped as a common word); their actors are appended to ``recent``."""
        kept = []
        for m in found:
            if m.actor and m.method == "surname" and " " not in m.surface and m.actor not in recent:
                own = self.other_bearer(m.surface, m.actor)
                if own:
                    m = Mention(m.start, m.end, m.surface, own, "surname", "person")
            if not m.actor or _bare_surname(m) and m.actor not in recent \
                    and _common_word_surname(m, text, self.lower_words, recent):
                continue
            kept.append(m)
            recent.append(m.actor)
        return kept

    def needs_context(self, found: list[Any], text: str) -> bool:
        """Whether a bare surname of the scan is kept as found only when the document named its actor before."""
        for m in found:
            if m.actor and m.method == "surname" and " " not in m.surface:
                if self.other_bearer(m.surface, m.actor) \
                        or _bare_surname(m) and _common_word_surname(m, text, self.lower_words, []):
                    return True
        return False


def _bare_surname(m: Any) -> bool:
    """Whether ``_common_word_surname`` reads a mention at all (a bare surname of a person or of an actor of no
    type): the others need not make the document's small words."""
    return m.method == "surname" and " " not in m.surface and (m.type == "person" or not m.type)


def _doc_dates(sentences: pd.DataFrame, dates: Mapping[Any, Any] | pd.Series | pd.DataFrame | None) -> dict:
    """doc_id -> the document's date (a :class:`datetime.date` or None): from ``dates`` (a mapping or Series
    doc_id -> date, or a documents table with ``doc_id`` and ``published``), else from a ``published`` column of
    ``sentences``; {} when neither gives one. Dates that cannot be read are logged and count as unknown."""
    raw: Mapping[Any, Any]
    if isinstance(dates, pd.DataFrame):
        require_columns(dates, ["doc_id", "published"], table="documents", fix="pass Corpus.documents")
        raw = dict(zip(dates["doc_id"], dates["published"]))
    elif dates is not None:
        raw = dict(dates.items())
    elif "published" in sentences.columns:
        raw = dict(zip(sentences["doc_id"], sentences["published"]))
    else:
        return {}
    out = {k: as_date(v) for k, v in raw.items()}
    unread = sorted(str(k) for k, v in raw.items() if out[k] is None and isinstance(v, str) and v.strip())
    if unread:
        log.warning("find_mentions: %d documents' dates are no ISO day (e.g. %s): read as unknown, their titles "
                    "resolve with the titles of January 2022", len(unread), unread[0])
    return out


def find_mentions(sentences: pd.DataFrame, *, gazetteer: Gazetteer | None = None,
                  unknown: bool = True, dates: Mapping[Any, Any] | pd.Series | pd.DataFrame | None = None
                  ) -> pd.DataFrame:
    """Actor mentions in each sentence: one row per mention.

    Titles ("the ministry") and shared surnames are resolved against the actors mentioned earlier
    in the same document. Rows for persons found by pattern but absent from the gazetteer carry
    ``known=False`` and their own name as ``actor``.

    Args:
        sentences: table with ``doc_id``, ``sentence_id``, ``text`` (see CONTRIBUTING.md).
        gazetteer: defaults to the bundled one.
        unknown: also report persons found by pattern who are not in the gazetteer.
        dates: each document's date (a mapping or Series doc_id -> ISO date, or the documents table with
            ``published``; default: a ``published`` column of ``sentences`` if there is one): a title ("the
            president") resolves only to an actor who held it at that date. A document with no date is read
            with the titles of January 2022, as before dated roles.

    Returns:
        DataFrame with ``doc_id``, ``sentence_id``, ``actor``, ``surface``, ``start``, ``end``
        (offsets in the sentence text), ``type``, ``affiliation``, ``method``, ``known``.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d"], "sentence_id": [0], "text": ["Toqaev met Putin."]})
        >>> find_mentions(s)["actor"].tolist()
        ['Kassym-Jomart Tokayev', 'Vladimir Putin']
        >>> s = pd.DataFrame({"doc_id": ["d", "d"], "sentence_id": [0, 1],
        ...                   "text": ["Putin met Tokayev.", "The Kazakh president spoke."]})
        >>> find_mentions(s, dates={"d": "2016-05-01"})["actor"].tolist()  # Tokayev chaired the Senate then
        ['Vladimir Putin', 'Kassym-Jomart Tokayev']
        >>> find_mentions(s, dates={"d": "2022-01-07"})["actor"].tolist()
        ['Vladimir Putin', 'Kassym-Jomart Tokayev', 'Kassym-Jomart Tokayev']
    """
    cols = ["doc_id", "sentence_id", "actor", "surface", "start", "end", "type", "affiliation", "method", "known"]
    require_columns(sentences, ["doc_id", "sentence_id", "text"], table="sentences",
                    fix="find_mentions reads Corpus.sentences from kzlib.prepare()")
    g = gazetteer or default_gazetteer()
    day_of = _doc_dates(sentences, dates)
    rows = []
    ordered = sentences.sort_values(["doc_id", "sentence_id"], kind="stable")
    for doc_id, group in ordered.groupby("doc_id", sort=True):
        recent: list[str] = []
        texts = [str(t) for t in group["text"].tolist()]
        doc_text = " ".join(texts)
        lower_words = frozenset(_LOWER_WORD.findall(doc_text))
        day = day_of.get(doc_id)
        for sid, text in zip(group["sentence_id"].tolist(), texts):
            for m in g.scan(text, context=recent, unknown=unknown, date=day):
                if m.actor and m.method == "surname" and " " not in m.surface and m.actor not in recent:
                    # "Robert M. Price, chairman, ... Mr. Price said": the document's own Price, not Ned Price
                    own = _other_bearer(g, doc_text, m.surface, m.actor)
                    if own:
                        m = Mention(m.start, m.end, m.surface, own, "surname", "person")
                if not m.actor or _common_word_surname(m, text, lower_words, recent):
                    continue
                known = m.actor in g.actors
                rows.append((doc_id, int(sid), m.actor, m.surface, m.start, m.end,
                             m.type if known else "person", g.affiliation(m.actor), m.method, known))
                recent.append(m.actor)
            recent = recent[-50:]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["doc_id", "sentence_id", "start"], kind="stable", ignore_index=True)
