"""The speech rows kzlib reads from sentences written for a test (shared by the quotation tests)."""

import pandas as pd

from kzlib.quotes import SPEECH_KINDS, extract_quotes


def speech_rows(*texts: str, kinds: tuple[str, ...] = SPEECH_KINDS) -> pd.DataFrame:
    """The direct, indirect and interview rows (or those of ``kinds``) of ``extract_quotes`` on one document whose
    body paragraphs are ``texts``, in reading order."""
    p = pd.DataFrame({"doc_id": "d", "para_id": range(len(texts)), "kind": "body", "text": list(texts)})
    q = extract_quotes(p)
    return q[q["kind"].isin(kinds)].reset_index(drop=True)


def all_rows(*texts: str) -> pd.DataFrame:
    """Every row of ``extract_quotes`` (all kinds) on one document whose body paragraphs are ``texts``."""
    p = pd.DataFrame({"doc_id": "d", "para_id": range(len(texts)), "kind": "body", "text": list(texts)})
    return extract_quotes(p)


def speech_and_act_rows(*texts: str) -> pd.DataFrame:
    """:func:`speech_rows` with attributed acts ("endorsed X", "declined to comment": kind ``act``)."""
    return speech_rows(*texts, kinds=(*SPEECH_KINDS, "act"))


def russian_rows(*paragraphs: str) -> pd.DataFrame:
    """``kzlib.russian.extract_quotes_ru`` on one document whose paragraphs are ``paragraphs``."""
    from kzlib.russian import extract_quotes_ru

    p = pd.DataFrame({"doc_id": "d", "para_id": range(len(paragraphs)), "text": list(paragraphs)})
    return extract_quotes_ru(p)
