"""Russian-language stages of kzlib: quotations, dates and the language resources behind them.

A document is Russian when the ``documents`` table says so (``language`` starts with ``ru``, as
py3langid detects it in :func:`kzlib.load_corpus`) or, with no language given, when most of its
letters are Cyrillic. ``kzlib.extract_quotes`` and ``kzlib.extract_dates`` send Russian text here by
themselves; these functions can also be called directly. razdel, pymorphy3 and natasha are loaded only
when a Russian document is analysed.

Example:
    >>> from kzlib.russian import extract_dates_ru
    >>> extract_dates_ru("Токаев выступил 7 января 2022 года.")[["expression", "timex_value"]].values.tolist()
    [['7 января 2022 года', '2022-01-07']]
"""

from __future__ import annotations

import pandas as pd

from kzlib.russian.nlp import cyrillic_share, is_russian

__all__ = [
    "as_quote_table",
    "cyrillic_share",
    "extract_dates_ru",
    "extract_quotes_ru",
    "find_actors",
    "is_russian",
    "resolve_speaker",
    "russian_doc_ids",
]


def __getattr__(name: str):  # heavy modules load on first use
    if name in ("extract_quotes_ru", "resolve_speaker"):
        from kzlib.quotes import russian as quotes  # the Russian extractor lives in the quotes stage

        return getattr(quotes, name)
    if name in ("extract_dates_ru", "document_mentions_ru"):
        from kzlib.russian import dates

        return getattr(dates, name)
    if name == "find_actors":
        from kzlib.russian.actors import find_actors

        return find_actors
    raise AttributeError(name)


def russian_doc_ids(paragraphs: pd.DataFrame, documents: pd.DataFrame | None = None) -> set:
    """doc_ids of the Russian documents among the paragraphs' documents.

    The language comes from ``documents.language`` (or ``paragraphs.language``) where given, else from
    the share of Cyrillic letters in each document's first paragraph.

    Example:
        >>> p = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Токаев заявил", "Tokayev said"]})
        >>> sorted(russian_doc_ids(p))
        ['a']
    """
    if paragraphs.empty:
        return set()
    for table in (documents, paragraphs):
        if table is not None and "language" in table.columns and "doc_id" in table.columns:
            lang = table["language"].fillna("").astype(str).str.lower()
            known = table.loc[lang != "", "doc_id"]
            ru = set(table.loc[lang.str.startswith("ru"), "doc_id"])
            rest = paragraphs[~paragraphs["doc_id"].isin(set(known))]
            return (ru & set(paragraphs["doc_id"])) | (_by_letters(rest) if len(rest) else set())
    return _by_letters(paragraphs)


def _by_letters(paragraphs: pd.DataFrame) -> set:
    """Documents whose first paragraph is mostly Cyrillic (one C-speed search per English document)."""
    first = paragraphs.drop_duplicates("doc_id")
    return {d for d, t in zip(first["doc_id"].tolist(), first["text"].tolist())
            if isinstance(t, str) and cyrillic_share(t, sample=300) > 0.5}


_NUMERIC = {"para_id": 0, "end_para_id": 0, "start": 0, "end": 0, "n_words": 0, "confidence": 0.0, "quote_id": 0,
            # where the speaker is named: -1 when a table lacks it (as rows with no mention)
            "speaker_para_id": -1, "speaker_start": -1, "speaker_end": -1}


def as_quote_table(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``frame`` with exactly ``columns`` (the quotes schema), missing ones filled: numbers 0, text "".

    Example:
        >>> as_quote_table(pd.DataFrame({"quote": ["«…»"]}), ["quote", "start", "speaker"]).values.tolist()
        [['«…»', 0, '']]
    """
    out = frame.reindex(columns=columns)
    for c in columns:
        if c not in frame.columns:
            out[c] = _NUMERIC.get(c, "")
    return out
