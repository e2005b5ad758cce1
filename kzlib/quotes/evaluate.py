"""Summaries and evaluation of the quotes table: voice counts, matching to a gold standard."""

from __future__ import annotations

import re

import pandas as pd

from kzlib.errors import require_columns
from kzlib.quotes.marks import SPEECH_KINDS


# ------------------------------------------------------------------------------------------ summaries
def voice_counts(quotes: pd.DataFrame, documents: pd.DataFrame | None = None, *,
                 by: str | list[str] = "speaker", one_copy_per_story: bool = True,
                 kinds: tuple[str, ...] = SPEECH_KINDS) -> pd.DataFrame:
    """Who is quoted how often: one row per group (default: per speaker).

    A ``by`` column the quotes lack is taken from ``documents`` (``outlet``, ``language``).
    ``n_stories`` counts each story once (``documents.story_id``; a document is its own story when
    there is none). With ``one_copy_per_story`` the quote counts come from each story's
    representative copy only, so a story republished five times is not counted five times.

    Returns columns ``by`` + ``n_quotes``, ``n_stories``, ``n_documents``, ``median_words``,
    ``affiliation``, ``speaker_type``, sorted by ``n_quotes`` (descending) then name; and, when the quotes
    have ``speaker_resolution``, ``described``: the share of the group's quotes whose speaker is a description
    ("the company", "officials"), which may pool many people or bodies under one wording (1.0: all of them).

    Example:
        >>> q = pd.DataFrame({"doc_id": ["a", "b"], "speaker": ["X", "X"], "kind": ["direct"] * 2,
        ...                   "n_words": [4, 6], "affiliation": ["", ""], "speaker_type": ["person"] * 2})
        >>> voice_counts(q)[["speaker", "n_quotes", "n_stories"]].values.tolist()
        [['X', 2, 2]]
    """
    by = [by] if isinstance(by, str) else list(by)
    fix = "build it with kzlib.quotes.extract_quotes"
    require_columns(quotes, ["doc_id", "speaker", "kind", "n_words", "affiliation", "speaker_type"], table="quotes", fix=fix)
    doc_columns = set(documents.columns) - {"doc_id"} if documents is not None else set()
    require_columns(quotes, [c for c in by if c not in doc_columns], table="quotes",
                    fix=f"{fix}, or group by columns it or the documents table has")
    q = quotes[quotes["kind"].isin(kinds) & (quotes["speaker"].fillna("") != "")].copy()
    story = q["doc_id"]
    if documents is not None and "story_id" in documents.columns:
        ids = documents.set_index("doc_id")["story_id"].astype(str)
        story = q["doc_id"].map(ids).fillna(q["doc_id"]).replace("", None).fillna(q["doc_id"])
        if one_copy_per_story and "is_representative" in documents.columns:
            rep = documents.set_index("doc_id")["is_representative"].astype(bool)
            keep = q["doc_id"].map(rep).fillna(True).astype(bool)
            q, story = q[keep], story[keep]
    from_documents = [c for c in by if c not in q.columns and c in doc_columns]   # outlet, language …
    if documents is not None and from_documents:
        q = q.merge(documents[["doc_id", *from_documents]], on="doc_id", how="left")
        q.index = story.index
    q = q.assign(_story=story.values)
    extra = {}
    if "speaker_resolution" in q.columns:
        q["_described"] = (q["speaker_resolution"].fillna("") == "description").astype(float)
        extra["described"] = ("_described", "mean")
    out = (q.groupby(by, sort=True)
           .agg(n_quotes=("doc_id", "size"), n_stories=("_story", "nunique"), n_documents=("doc_id", "nunique"),
                median_words=("n_words", "median"), affiliation=("affiliation", "first"),
                speaker_type=("speaker_type", "first"), **extra)
           .reset_index())
    if "described" in out.columns:
        out["described"] = out["described"].round(3)
    out["affiliation"] = out["affiliation"].replace("", "unknown").fillna("unknown")
    return out.sort_values(["n_quotes", *by], ascending=[False] + [True] * len(by), kind="stable").reset_index(drop=True)


# ------------------------------------------------------------------------------------------ evaluation
_QCHARS = str.maketrans({c: '"' for c in "“”«»„‟"} | {"’": "'", "‘": "'"})


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", str(s).translate(_QCHARS)).strip().casefold()


def match_gold(quotes: pd.DataFrame, gold: pd.DataFrame, *, kinds: tuple[str, ...] = SPEECH_KINDS) -> pd.DataFrame:
    """For each gold quotation (``doc_id``, ``snippet``, ``speaker``), the extracted quote that contains
    its snippet (the shortest, when several do), and whether the speaker agrees.

    Example:
        >>> q = pd.DataFrame({"doc_id": ["d"], "quote_id": [0], "quote": ["We act now."], "speaker": ["X"], "kind": ["direct"]})
        >>> g = pd.DataFrame({"doc_id": ["d"], "snippet": ["act now"], "speaker": ["X"], "kind": ["direct"]})
        >>> match_gold(q, g)[["found", "speaker_ok"]].values.tolist()
        [[True, True]]
    """
    require_columns(quotes, ["doc_id", "quote", "speaker", "kind"], table="quotes",
                    fix="build it with kzlib.quotes.extract_quotes")
    require_columns(gold, ["doc_id", "snippet", "speaker"], table="gold",
                    fix="a gold table has one row per quotation: doc_id, snippet (words of the quote), speaker")
    speech = quotes[quotes["kind"].isin(kinds)]
    by_doc = {d: [(_fold(q), i) for q, i in zip(grp["quote"], grp.index)] for d, grp in speech.groupby("doc_id")}
    rows = []
    for r in gold.itertuples(index=False):
        snip = _fold(r.snippet)
        hits = sorted((len(q), i) for q, i in by_doc.get(r.doc_id, []) if snip in q)
        if hits:
            row = speech.loc[hits[0][1]]
            rows.append({"doc_id": r.doc_id, "snippet": r.snippet, "gold_speaker": r.speaker,
                         "gold_kind": getattr(r, "kind", ""), "found": True, "quote_index": hits[0][1],
                         "speaker": row["speaker"], "kind": row["kind"], "speaker_ok": row["speaker"] == r.speaker})
        else:
            rows.append({"doc_id": r.doc_id, "snippet": r.snippet, "gold_speaker": r.speaker,
                         "gold_kind": getattr(r, "kind", ""), "found": False, "quote_index": -1,
                         "speaker": "", "kind": "", "speaker_ok": False})
    return pd.DataFrame(rows)


def evaluate_quotes(quotes: pd.DataFrame, gold: pd.DataFrame, *, kinds: tuple[str, ...] = SPEECH_KINDS) -> pd.DataFrame:
    """Precision, recall and speaker accuracy of extracted speech against a gold standard, per document
    and overall (``doc_id == "all"``).

    recall = gold quotations whose snippet lies inside an extracted speech row; precision = extracted
    speech rows that contain at least one gold snippet; speaker_accuracy = found gold quotations whose
    extracted speaker equals the gold speaker.

    Example:
        >>> q = pd.DataFrame({"doc_id": ["d"], "quote_id": [0], "quote": ["We act now."], "speaker": ["X"], "kind": ["direct"]})
        >>> g = pd.DataFrame({"doc_id": ["d"], "snippet": ["act now"], "speaker": ["X"], "kind": ["direct"]})
        >>> [float(x) for x in evaluate_quotes(q, g).loc[0, ["recall", "precision", "speaker_accuracy"]]]
        [1.0, 1.0, 1.0]
    """
    m = match_gold(quotes, gold, kinds=kinds)
    speech = quotes[quotes["kind"].isin(kinds)]
    gold_snips = {d: [_fold(s) for s in grp["snippet"]] for d, grp in gold.groupby("doc_id")}
    hit = pd.Series([any(s in _fold(q) for s in gold_snips.get(d, [])) for d, q in zip(speech["doc_id"], speech["quote"])],
                    index=speech.index, dtype=bool)
    rows = []
    docs = sorted(set(gold["doc_id"]) | set(speech["doc_id"]))
    for d in [*docs, "all"]:
        mm = m if d == "all" else m[m["doc_id"] == d]
        sp = speech if d == "all" else speech[speech["doc_id"] == d]
        hh = hit if d == "all" else hit[sp.index]
        n_found = int(mm["found"].sum())
        rows.append({"doc_id": d, "n_gold": len(mm), "n_found": n_found,
                     "recall": n_found / len(mm) if len(mm) else float("nan"),
                     "n_extracted": len(sp), "n_correct_extracted": int(hh.sum()),
                     "precision": float(hh.mean()) if len(sp) else float("nan"),
                     "n_speaker_ok": int(mm["speaker_ok"].sum()),
                     "speaker_accuracy": float(mm.loc[mm["found"], "speaker_ok"].mean()) if n_found else float("nan")})
    return pd.DataFrame(rows)
