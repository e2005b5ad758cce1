"""The stance rows kzlib reads from quotes written for a test (shared by the stance rule tests)."""

import pandas as pd

from kzlib.stance import detect_stance


def stance_rows(quotes: list[str], targets=None, **columns) -> pd.DataFrame:
    """``detect_stance`` (threshold 0.3) on one document whose quotes, by speaker "X", are ``quotes``; ``columns``
    add columns to the quotes table (``kind`` …)."""
    q = pd.DataFrame({"doc_id": "d", "quote_id": range(len(quotes)), "speaker": "X", "quote": quotes, **columns})
    return detect_stance(q, targets=targets, threshold=0.3)


def stance_of(rows: pd.DataFrame, quote_id: int, target: str) -> str:
    """The stance of quote ``quote_id`` towards ``target``, or "(no row)"."""
    hit = rows[(rows["quote_id"] == quote_id) & (rows["target"] == target)]
    return hit["stance"].item() if len(hit) else "(no row)"


def each_stance(quotes: list[str], allowed: tuple[str, ...], target: str, targets=None, **columns) -> None:
    """Every quote's stance towards ``target`` is one of ``allowed`` (the quote in the assertion's message)."""
    rows = stance_rows(quotes, targets, **columns)
    for i, quote in enumerate(quotes):
        assert stance_of(rows, i, target) in allowed, quote


def report_rows(paragraphs: list[str], cues: list[str], targets=None, kind: str = "indirect") -> pd.DataFrame:
    """``detect_stance`` (threshold 0.3) on one quote per paragraph, by speaker "X": the quote runs from one space after
    the first occurrence of its ``cue`` (kept as the quote's cue, outside its text) to the paragraph's end."""
    quotes = []
    for i, (text, cue) in enumerate(zip(paragraphs, cues)):
        start = text.index(cue) + len(cue) + 1
        quotes.append({"doc_id": "d", "quote_id": i, "para_id": i, "start": start, "end": len(text),
                       "speaker": "X", "kind": kind, "cue": cue, "quote": text[start:]})
    paras = pd.DataFrame({"doc_id": "d", "para_id": range(len(paragraphs)), "text": paragraphs})
    return detect_stance(pd.DataFrame(quotes), targets=targets, paragraphs=paras, threshold=0.3)
