"""Who is named how: the speakers described without a name, the families of words for the people in the streets
(:func:`naming_families`), and speakers' groups from the gazetteer (:func:`speaker_groups`)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from kzlib.errors import ResourceError, require_columns
from kzlib.framing._counts import _QUOTE_CHARS, _check_frame
from kzlib.stance import load_stance_cues, speaker_profiles
from kzlib.text import longest_first

logger = logging.getLogger(__name__)

#: how a speaker resolved by a name is marked in ``quotes.speaker_resolution`` (anything but a description)
_NAME_RESOLUTIONS = ("named", "surname", "gazetteer", "title")


def description_speakers(quotes: pd.DataFrame) -> list[str]:
    """The speakers that are descriptions ("the company", "a spokesman", "critics", "the report"): a speaker
    string that some row gives as a description (``speaker_resolution`` = ``description``) and no row as a name
    (``named``, ``surname``, ``gazetteer``, ``title``); the rows that carry it on ("he said", the next paragraph)
    count with it. A description names someone within one document: pooled across documents, "the company" is
    twenty companies, so it is no voice to rank nor one speaker to summarise. A description that holds a name
    ("Trump campaign", "Obama administration", "Tokayev's office": a capital after its first word) names the
    same body in every document and stays a voice.

    Example
    -------
    >>> q = pd.DataFrame({"speaker": ["report", "report", "critics", "Ann Lee", "Ann Lee", "Lee campaign"],
    ...                   "speaker_resolution": ["description", "previous", "description", "named", "description",
    ...                                          "description"]})
    >>> description_speakers(q)
    ['critics', 'report']
    """
    if "speaker_resolution" not in quotes.columns or quotes.empty:
        return []
    how = quotes["speaker_resolution"].fillna("").astype(str)
    speaker = quotes["speaker"].fillna("").astype(str)
    described = set(speaker[how.eq("description")]) - set(speaker[how.isin(_NAME_RESOLUTIONS)])
    return sorted(sp for sp in described if sp.strip() and not _NAMED_BODY.search(sp))


#: a description that holds a name: a capitalised word in small letters after its capital ("the Trump campaign",
#: "Obama administration", "Russian officials"), not a determiner opening a sentence ("Some analysts") nor an
#: abbreviation ("a senior U.S. official")
_NAMED_BODY = re.compile(r"\b(?!(?:Some|Many|Several|Most|Other|Few|Both|All|Each|Every|Another|Senior|Top|His|Her|"
                         r"Their|Its|Our|My|The|A|An|Two|Three|Four|Five)\b)[A-Z][a-z]")


def _anchor_regex(anchors: Sequence[str] | None) -> re.Pattern[str]:
    """Any of the protest/unrest ``anchors`` (``naming_anchors`` of the cue file) as whole words."""
    body = longest_first(anchors or [], escape=False, any_whitespace=True) or "(?!x)x"
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)


def _compile_families(families: dict[str, Any] | None) -> list[tuple[str, str, re.Pattern[str], bool]]:
    """(name, stance, pattern, generic) per naming family; ``generic``: its terms name others as readily."""
    fam = families if families is not None else load_stance_cues().get("naming_families") or {}
    out = []
    for name, spec in fam.items():
        terms = spec.get("terms") if isinstance(spec, dict) else spec
        stance = spec.get("stance", "none") if isinstance(spec, dict) else "none"
        if not terms:
            raise ResourceError(f"naming family {name!r} has no terms: give it a list of terms (see "
                                "naming_families in kzlib/data/stance_cues.yaml)")
        body = longest_first(terms, escape=False, any_whitespace=True)
        generic = bool(spec.get("generic", False)) if isinstance(spec, dict) else False
        out.append((str(name), str(stance), re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE), generic))
    return out


def naming_families(
    df: pd.DataFrame,
    *,
    text: str = "text",
    group: str = "group",
    families: dict[str, Any] | None = None,
    anchors: Sequence[str] | None = None,
    anchor_generic: bool = True,
) -> pd.DataFrame:
    """How each group names the people in the streets: counts and shares of naming families.

    A family marked ``generic`` ("terrorists", "radicals", "gangs": words that name others as readily,
    ISIS or the Gang of Eight) counts only in a text (a row: a paragraph or a quotation) that names a
    protest or unrest by one of ``anchors`` (None: ``naming_anchors`` of
    ``kzlib/data/stance_cues.yaml``: "protest", "riot", "unrest", "took to the streets" …); the
    namings left out are logged. The other families (protesters, rioters …) count everywhere.
    ``anchor_generic=False`` counts every family everywhere (texts known to be about a protest).

    A phrase matched by a longer family term is counted once (``peaceful protesters`` is not also
    ``protesters``). ``scare_quoted`` counts uses inside quotation marks that are only around the
    word or phrase (``"peaceful protests"``), a sign of distancing.

    Returns ``group, family, stance, count, share, scare_quoted, terms`` (``share`` of the group's
    namings; ``terms`` the surface forms seen), sorted by group and family.

    Example
    -------
    >>> df = pd.DataFrame({"text": ["Bandits and terrorists attacked the protest.", "Peaceful protesters marched."],
    ...                    "group": ["A", "B"]})
    >>> naming_families(df)[["group", "family", "count"]].values.tolist()
    [['A', 'bandits', 1], ['A', 'terrorists', 1], ['B', 'peaceful protesters', 1]]
    >>> df = pd.DataFrame({"text": ["Terrorists attacked the rally.", "ISIS terrorists struck Paris."],
    ...                    "group": ["A", "B"]})
    >>> naming_families(df)[["group", "family", "count"]].values.tolist()
    [['A', 'terrorists', 1]]
    """
    df = _check_frame(df, text, group)
    fams = _compile_families(families)
    anchor_re = _anchor_regex(anchors if anchors is not None else load_stance_cues().get("naming_anchors"))
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    stance_of = {name: st for name, st, _, _ in fams}
    unanchored = 0
    for txt, grp in zip(df[text].fillna("").astype(str), df[group].astype(str)):
        t = txt.translate(_QUOTE_CHARS)
        hits: list[tuple[int, int, str]] = []
        anchored: bool | None = None  # read only where a generic family's term is found
        for name, _, pat, generic in fams:
            found = [(m.start(), m.end(), name) for m in pat.finditer(t)]
            if found and generic and anchor_generic:
                anchored = bool(anchor_re.search(t)) if anchored is None else anchored
                if not anchored:
                    unanchored += len(found)
                    continue
            hits.extend(found)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        last = -1
        for s, e, name in hits:
            if s < last:
                continue
            last = e
            r = rows.setdefault((grp, name), {"count": 0, "scare_quoted": 0, "terms": {}})
            r["count"] += 1
            if t[max(0, s - 1):s] in ('"', "'") and t[e:e + 1] in ('"', "'"):
                r["scare_quoted"] += 1
            surface = re.sub(r"\s+", " ", t[s:e].lower())
            r["terms"][surface] = r["terms"].get(surface, 0) + 1
    out = pd.DataFrame([{"group": g, "family": f, "stance": stance_of[f], "count": r["count"],
                         "scare_quoted": r["scare_quoted"],
                         "terms": "; ".join(f"{k} ({v})" for k, v in sorted(r["terms"].items(), key=lambda kv: (-kv[1], kv[0])))}
                        for (g, f), r in rows.items()],
                       columns=["group", "family", "stance", "count", "scare_quoted", "terms"])
    if unanchored:
        logger.info("naming_families: %d namings by words that name others as readily (terrorists, radicals, "
                    "gangs …) left out: their text names no protest or unrest", unanchored)
    if out.empty:
        out["share"] = []
        return out[["group", "family", "stance", "count", "share", "scare_quoted", "terms"]]
    out["share"] = (out["count"] / out.groupby("group")["count"].transform("sum")).round(4)
    out = out.sort_values(["group", "family"], kind="mergesort", ignore_index=True)
    return out[["group", "family", "stance", "count", "share", "scare_quoted", "terms"]]


#: The group kind of a gazetteer person quoted at a date outside every period of office the gazetteer gives
#: ("United States role unknown"): never the role of January 2022 (session 22).
ROLE_UNKNOWN = "role unknown"


def _dated_speakers(quotes: pd.DataFrame, gazetteer: Any, documents: pd.DataFrame | None
                    ) -> tuple[pd.Series, Any, np.ndarray] | None:
    """Speakers keyed by their role at the quote's document date, the gazetteer table with those roles, and which
    rows' roles are unknown; None when no date is given (``documents`` or a ``published`` column of ``quotes``) or
    the gazetteer has no dated roles (:meth:`kzlib.actors.Gazetteer.role_at`)."""
    if not hasattr(gazetteer, "role_at") or "doc_id" not in quotes.columns:
        return None
    if documents is not None:
        require_columns(documents, ["doc_id", "published"], table="documents", fix="pass Corpus.documents")
        dates = quotes["doc_id"].map(dict(zip(documents["doc_id"], documents["published"])))
    elif "published" in quotes.columns:
        dates = quotes["published"]
    else:
        return None
    from kzlib.corpus import publication_day as as_date  # noqa: PLC0415

    dated = {n for n, a in gazetteer.actors.items() if a.roles}
    keys, extra, unknown_role, undated = [], {}, [], 0
    for sp, raw in zip(quotes["speaker"].tolist(), dates.tolist()):
        day = as_date(raw) if sp in dated else None
        if day is None:
            undated += sp in dated
            keys.append(sp)
            unknown_role.append(False)
            continue
        role = gazetteer.role_at(sp, day)
        key = f"{sp}\x1f{role}"
        if key not in extra:
            a = gazetteer.actors[sp]
            extra[key] = {"name": key, "type": a.type, "affiliation": a.affiliation, "role": role or ""}
        keys.append(key)
        unknown_role.append(role is None)
    if undated:
        logger.info("speaker_groups: %d quotes of actors with dated roles come from documents with no date: grouped "
                    "by their role of January 2022", undated)
    if any(unknown_role):
        logger.info("speaker_groups: %d quotes of gazetteer actors fall outside every period of office the gazetteer "
                    "gives: grouped as %r", sum(unknown_role), ROLE_UNKNOWN)
    table = pd.concat([gazetteer.to_frame(), pd.DataFrame(list(extra.values()))], ignore_index=True) if extra \
        else gazetteer
    return pd.Series(keys, index=quotes.index, dtype=object), table, np.array(unknown_role, dtype=bool)


def speaker_groups(quotes: pd.DataFrame, *, gazetteer: Any = None, unknown: str = "unknown",
                   documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """The quotes table with ``group`` (and ``affiliation``, ``is_official``) from the gazetteer.

    Groups are ``"<affiliation> officials"``, ``"<affiliation> experts"`` and so on (see
    :func:`kzlib.stance.speaker_profiles`). A speaker no gazetteer knows is grouped by what the quotes table
    says of it: its affiliation and type, and for a description its own words ("a senior U.S. official":
    United States officials); a speaker with no affiliation anywhere gets ``unknown``.

    A gazetteer speaker is grouped by its role at the date of the quote's document (``documents``: a table
    with ``doc_id`` and ``published``, or a ``published`` column of ``quotes``; a
    :class:`kzlib.actors.Gazetteer` with dated ``roles``): Donald Trump quoted in 2016 is no "former
    official". Outside every period the gazetteer gives, the group is ``"<affiliation> role unknown"``; a
    document with no date, or no dates given, keeps the role of January 2022.

    Example
    -------
    >>> g = pd.DataFrame({"name": ["A"], "type": ["person"], "affiliation": ["Russia"], "role": ["minister"]})
    >>> speaker_groups(pd.DataFrame({"speaker": ["A"], "quote": ["x"]}), gazetteer=g)["group"].tolist()
    ['Russia officials']
    >>> from kzlib.actors import default_gazetteer
    >>> q = pd.DataFrame({"doc_id": ["a", "b"], "speaker": ["Donald Trump"] * 2, "quote": ["x", "y"]})
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2016-03-01", "2022-01-07"]})
    >>> speaker_groups(q, gazetteer=default_gazetteer(), documents=docs)["group"].tolist()
    ['United States others', 'United States former officials']
    """
    require_columns(quotes, ["speaker"], table="quotes", fix="build it with kzlib.quotes.extract_quotes")
    described = None
    if "affiliation" in quotes.columns:
        desc = (quotes["speaker_resolution"].eq("description") if "speaker_resolution" in quotes.columns
                else pd.Series(False, index=quotes.index))
        described = pd.DataFrame({
            "speaker": quotes["speaker"], "affiliation": quotes["affiliation"],
            "type": quotes["speaker_type"] if "speaker_type" in quotes.columns else "",
            "role": quotes["speaker"].where(desc, "")})
    dated = _dated_speakers(quotes, gazetteer, documents)
    keys, table = (dated[0], dated[1]) if dated else (quotes["speaker"], gazetteer)
    prof = speaker_profiles(keys.dropna().unique(), gazetteer=table, described=described)
    added = ["affiliation", "is_official", "group"]
    # the gazetteer's affiliation replaces the quotes table's own (no affiliation_x / affiliation_y)
    out = quotes.drop(columns=[c for c in added if c in quotes.columns]).assign(_speaker_key=keys).merge(
        prof[["speaker", *added]].rename(columns={"speaker": "_speaker_key"}), on="_speaker_key",
        how="left").drop(columns="_speaker_key")
    if dated is not None and dated[2].any():
        gone = dated[2]
        out.loc[gone, "group"] = out.loc[gone, "affiliation"].fillna("").str.cat([" " + ROLE_UNKNOWN] * int(gone.sum()))
        out.loc[gone, "is_official"] = False
    out["affiliation"] = out["affiliation"].fillna("")
    out["is_official"] = out["is_official"].astype("boolean").fillna(False).astype(bool)
    out["group"] = out["group"].fillna(unknown).replace("unknown", unknown)
    return out
