"""The annotation loop: sheets for coders, reading them back, agreement (Cohen's kappa,
Krippendorff's alpha), retraining rounds, and the rules and a classifier combined."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone

from kzlib.errors import AnnotationError, ParameterError, TableError
from kzlib.stance.classifier import StanceClassifier
from kzlib.stance.combined import MIN_PROBA, _check_min_proba, _model_or_rules, _predicted_with_proba
from kzlib.stance.evaluation import StanceEvaluation, evaluate
from kzlib.stance.summary import _check_stances

logger = logging.getLogger(__name__)

__all__ = ["SHEET_COLUMNS", "export_annotation_sheet", "import_annotation_sheet", "agreement", "krippendorff_alpha", "AnnotationRound", "annotation_round", "combine_stance"]


SHEET_COLUMNS = ["item_id", "doc_id", "quote_id", "speaker", "target", "quote", "stance", "coder", "comment"]
_LABEL_SYNONYMS = {
    "favor": "favor", "favour": "favor", "for": "favor", "pro": "favor", "support": "favor", "f": "favor", "+": "favor",
    "against": "against", "con": "against", "oppose": "against", "a": "against", "-": "against",
    "none": "none", "neutral": "none", "neither": "none", "n": "none", "0": "none", "no stance": "none",
}


def export_annotation_sheet(
    stances: pd.DataFrame,
    path: str | Path | None = None,
    *,
    quotes: pd.DataFrame | None = None,
    n: int = 100,
    strata: Sequence[str] = ("target", "stance"),
    random_state: int = 0,
    order: str = "stratified",
    model: Any = None,
    threshold: float = 0.3,
) -> pd.DataFrame:
    """A sample of quote × target items for human coders (CSV if ``path`` is given).

    ``order="stratified"`` (default) samples across ``strata``; ``order="uncertainty"`` takes the ``n``
    items the machine is least sure of, most uncertain first (active learning by margin sampling,
    Settles 2009): with a fitted ``model`` (a :class:`StanceClassifier`), one minus the gap between its
    two most probable stances; without one, how close the rule score lies to ``±threshold``
    (``1 - ||score| - threshold|``). The sheet then has an ``uncertainty`` column.

    Sampling is stratified by ``strata`` (by default target × the rule method's stance, so rare
    cells are represented) but the sheet does not show the machine's stance: coders fill the
    empty ``stance`` column with favor / against / none, and their name in ``coder``.

    Example
    -------
    >>> st = pd.DataFrame({"doc_id": ["d"] * 3, "quote_id": ["1", "2", "3"], "speaker": ["X"] * 3,
    ...                    "target": ["Russia"] * 3, "stance": ["favor", "against", "none"],
    ...                    "score": [0.5, -0.5, 0.0], "quote": ["a", "b", "c"]})
    >>> export_annotation_sheet(st, n=2)["stance"].tolist()
    ['', '']
    """
    _check_stances(stances)
    df = stances.copy()
    if "quote" not in df.columns:
        if quotes is None:
            raise TableError("the stances table has no 'quote' column: pass quotes=corpus_quotes so coders see the text")
        df = df.merge(quotes[["doc_id", "quote_id", "quote"]].drop_duplicates(["doc_id", "quote_id"]),
                      on=["doc_id", "quote_id"], how="left")
    if n <= 0:
        raise ParameterError(f"n must be positive, got {n}; give the number of items to code")
    if df.empty:  # nothing to code: an empty sheet with the right columns (and file)
        logger.info("export_annotation_sheet: the stances table is empty, so the sheet has no items")
        sheet = pd.DataFrame({c: pd.Series(dtype=object) for c in SHEET_COLUMNS})
        if path is not None:
            _write_sheet(sheet, path)
        return sheet
    if order not in ("stratified", "uncertainty"):
        raise ParameterError(f"order must be 'stratified' or 'uncertainty', got {order!r}")
    strata = [s for s in strata if s in df.columns]
    df = df.sort_values(["doc_id", "quote_id", "target"], kind="mergesort", ignore_index=True)
    if order == "uncertainty":
        if model is not None:
            proba = np.sort(model.predict_proba(pd.DataFrame({"text": df["quote"].fillna("").astype(str),
                                                              "target": df["target"].astype(str)})), axis=1)
            unc = 1.0 - (proba[:, -1] - proba[:, -2])
        else:
            unc = 1.0 - np.abs(df["score"].astype(float).abs().to_numpy() - threshold)
        df["uncertainty"] = np.clip(unc, 0.0, 1.0).round(4)
        top = df.sort_values("uncertainty", ascending=False, kind="mergesort").head(n)
        sheet = pd.DataFrame({
            "item_id": [f"{d}|{q}|{t}" for d, q, t in zip(top["doc_id"], top["quote_id"], top["target"])],
            "doc_id": top["doc_id"], "quote_id": top["quote_id"], "speaker": top["speaker"], "target": top["target"],
            "quote": top["quote"], "stance": "", "coder": "", "comment": "", "uncertainty": top["uncertainty"],
        }).reset_index(drop=True)
        if path is not None:
            _write_sheet(sheet, path)
            logger.info("annotation sheet with the %d most uncertain items written to %s", len(sheet), path)
        return sheet
    if strata:
        groups = [g for _, g in df.groupby(strata, sort=True)]
        per = max(1, math.ceil(n / len(groups)))
        parts = [g.sample(n=min(len(g), per), random_state=random_state) for g in groups]
        sample = pd.concat(parts)
        if len(sample) > n:
            sample = sample.sample(n=n, random_state=random_state)
        elif len(sample) < n:  # top up from what is left, uniformly
            rest = df.drop(index=sample.index)
            sample = pd.concat([sample, rest.sample(n=min(len(rest), n - len(sample)), random_state=random_state)])
    else:
        sample = df.sample(n=min(n, len(df)), random_state=random_state)
    sample = sample.sort_values(["doc_id", "quote_id", "target"], kind="mergesort", ignore_index=True)
    sheet = pd.DataFrame({
        "item_id": [f"{d}|{q}|{t}" for d, q, t in zip(sample["doc_id"], sample["quote_id"], sample["target"])],
        "doc_id": sample["doc_id"], "quote_id": sample["quote_id"], "speaker": sample["speaker"],
        "target": sample["target"], "quote": sample["quote"], "stance": "", "coder": "", "comment": "",
    })[SHEET_COLUMNS]
    if path is not None:
        _write_sheet(sheet, path)
        logger.info("annotation sheet with %d items written to %s", len(sheet), path)
    return sheet


#: the columns of a sheet that hold corpus text (untrusted web content): escaped for spreadsheets
_FREE_TEXT = ("speaker", "quote")


def _write_sheet(sheet: pd.DataFrame, path: Any) -> None:
    """Write a coders' sheet to ``path`` (its folder made if needed), its corpus-text columns escaped against
    spreadsheet formulas (:func:`kzlib.report.escape_formulas`): coders open it in a spreadsheet. The keys
    (``item_id`` …) are written as they are, so that :func:`import_annotation_sheet` reads them back."""
    from kzlib.report import escape_formulas

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    text = [c for c in _FREE_TEXT if c in sheet.columns]
    escaped = escape_formulas(sheet[text])
    sheet.assign(**{c: escaped[c] for c in text}).to_csv(path, index=False)


def import_annotation_sheet(sheets: Any, *, coder: str | None = None) -> pd.DataFrame:
    """Read coded sheets (paths, DataFrames, or a list of them) into one tidy table.

    Returns ``item_id, doc_id, quote_id, target, coder, stance`` with labels normalised
    (``for``/``pro`` → favor, ``neutral`` → none). Uncoded rows are left out (and logged); a label
    that is not a stance raises an error naming the row.

    Example
    -------
    >>> s = pd.DataFrame({"item_id": ["d|1|Russia"], "doc_id": ["d"], "quote_id": ["1"], "target": ["Russia"],
    ...                   "stance": ["Against"], "coder": ["ana"]})
    >>> import_annotation_sheet(s)[["coder", "stance"]].values.tolist()
    [['ana', 'against']]
    """
    items = sheets if isinstance(sheets, (list, tuple)) else [sheets]
    frames = []
    for i, s in enumerate(items):
        if isinstance(s, pd.DataFrame):
            df, name = s.copy(), f"sheet{i}"
        else:
            p = Path(s)
            if not p.exists():
                raise AnnotationError(f"annotation sheet {p} not found; give the path of a sheet from export_annotation_sheet")
            df, name = pd.read_csv(p, dtype=str, keep_default_na=False), p.stem
        need = {"item_id", "stance"}
        if not need <= set(df.columns):
            raise AnnotationError(f"annotation sheet {name} lacks columns {sorted(need - set(df.columns))}; "
                             "use the sheet from export_annotation_sheet")
        df = df.fillna("")
        if coder is not None:
            df["coder"] = coder
        elif "coder" not in df.columns or (df["coder"].astype(str).str.strip() == "").all():
            df["coder"] = name
        df["coder"] = df["coder"].astype(str).str.strip().replace("", name)
        raw = df["stance"].astype(str).str.strip().str.lower()
        coded = raw != ""
        if (~coded).any():
            logger.info("annotation sheet %s: %d uncoded rows left out", name, int((~coded).sum()))
        df, raw = df[coded].copy(), raw[coded]
        norm = raw.map(_LABEL_SYNONYMS)
        if norm.isna().any():
            bad = df.loc[norm.isna(), ["item_id", "stance"]].head(5).values.tolist()
            raise AnnotationError(f"annotation sheet {name}: labels that are not favor/against/none: {bad}; recode those rows")
        df["stance"] = norm
        for c in ("doc_id", "quote_id", "target"):
            if c not in df.columns:
                df[c] = df["item_id"].astype(str).str.split("|").str[("doc_id", "quote_id", "target").index(c)]
        frames.append(df[["item_id", "doc_id", "quote_id", "target", "coder", "stance"]])
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["item_id", "doc_id", "quote_id", "target", "coder", "stance"])
    return _one_code_each(out).sort_values(["item_id", "coder"], kind="mergesort", ignore_index=True)


def _one_code_each(coded: pd.DataFrame) -> pd.DataFrame:
    """``coded`` with one code per item and coder: a repeated code that agrees is kept once (logged); two
    different codes of one item by one coder raise :class:`AnnotationError` naming the items (which is the
    coder's, not the software's, to choose).

    Example:
        >>> c = pd.DataFrame({"item_id": ["1", "1", "2"], "coder": ["a", "a", "a"],
        ...                   "stance": ["favor", "favor", "none"]})
        >>> len(_one_code_each(c))
        2
    """
    key = ["item_id", "coder"]
    repeated = coded.duplicated(key, keep=False)
    if not repeated.any():
        return coded
    clash = coded[repeated].groupby(key)["stance"].nunique()
    clash = clash[clash > 1]
    if len(clash):
        shown = [f"{i} ({c})" for i, c in clash.index[:5]]
        raise AnnotationError(f"{len(clash)} items are coded twice by the same coder with different stances, "
                              f"e.g. {shown}; keep one code per item and coder in the sheets (or give the "
                              "second round another coder name)")
    out = coded.drop_duplicates(key, keep="first")
    logger.info("annotation: %d repeated codes (the same item, coder and stance twice) counted once",
                len(coded) - len(out))
    return out


def agreement(coded: pd.DataFrame, *, coders: Sequence[str] | None = None) -> pd.DataFrame:
    """Inter-coder agreement: raw agreement, Cohen's kappa and Krippendorff's alpha (nominal) for each
    pair of coders, and with three or more coders one ``(all)`` row with alpha over all of them.

    Example
    -------
    >>> c = pd.DataFrame({"item_id": ["1", "2", "1", "2"], "coder": ["a", "a", "b", "b"],
    ...                   "stance": ["favor", "against", "favor", "none"]})
    >>> agreement(c)[["coder_a", "coder_b", "n_items", "percent_agreement"]].values.tolist()
    [['a', 'b', 2, 0.5]]
    """
    need = {"item_id", "coder", "stance"}
    if not need <= set(coded.columns):
        raise AnnotationError(f"coded table lacks {sorted(need - set(coded.columns))}; use import_annotation_sheet")
    wide = _one_code_each(coded).pivot(index="item_id", columns="coder", values="stance")
    names = sorted(coders or wide.columns)
    unknown = sorted(set(names) - set(wide.columns))
    if unknown:
        raise ParameterError(f"coders {unknown} do not appear in the coded table (coders there: {sorted(wide.columns)})")
    if len(names) < 2:
        raise AnnotationError("agreement needs at least two coders; import the sheets of a second coder")
    rows = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            both = wide[[a, b]].dropna()
            n = len(both)
            if n == 0:
                rows.append({"coder_a": a, "coder_b": b, "n_items": 0, "percent_agreement": np.nan,
                             "cohen_kappa": np.nan, "krippendorff_alpha": np.nan})
                continue
            pa = float((both[a] == both[b]).mean())
            kappa = _cohen_kappa(both[a].astype(str).to_numpy(), both[b].astype(str).to_numpy())
            pair = coded[coded["coder"].isin([a, b]) & coded["item_id"].isin(both.index)]
            rows.append({"coder_a": a, "coder_b": b, "n_items": n, "percent_agreement": round(pa, 4),
                         "cohen_kappa": round(kappa, 4), "krippendorff_alpha": round(krippendorff_alpha(pair), 4)})
    if len(names) > 2:  # every coder together: Krippendorff's alpha takes any number and missing codes
        rows.append({"coder_a": "(all)", "coder_b": "(all)", "n_items": int((wide[names].notna().sum(axis=1) >= 2).sum()),
                     "percent_agreement": np.nan, "cohen_kappa": np.nan,
                     "krippendorff_alpha": round(krippendorff_alpha(coded, coders=names), 4)})
    return pd.DataFrame(rows)


def _cohen_kappa(a: np.ndarray, b: np.ndarray) -> float:
    """Cohen's kappa of two coders' codes for the same items: (p_o - p_e) / (1 - p_e), p_e from each
    coder's own marginal shares (Cohen 1960); 1 when both use one and the same code throughout."""
    p_o = float((a == b).mean())
    labels = sorted(set(a) | set(b))
    p_e = float(sum((a == c).mean() * (b == c).mean() for c in labels))
    return 1.0 if p_e == 1 else (p_o - p_e) / (1 - p_e)


def krippendorff_alpha(coded: pd.DataFrame, *, coders: Sequence[str] | None = None) -> float:
    """Krippendorff's alpha for nominal codes, any number of coders, missing codes allowed.

    From the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"):
    every item coded by ``m >= 2`` coders adds ``1/(m-1)`` for each ordered pair of its codes;
    ``alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k`` with ``n_c`` the row sums and
    ``n`` their total. Items coded by one coder only carry no information and are left out.

    Example
    -------
    >>> c = pd.DataFrame({"item_id": ["1", "2", "3", "4"] * 2, "coder": ["a"] * 4 + ["b"] * 4,
    ...                   "stance": ["favor", "favor", "none", "favor", "favor", "favor", "none", "none"]})
    >>> round(krippendorff_alpha(c), 4)   # by hand: 1 - 7 * 2 / (2 * 5 * 3)
    0.5333
    """
    need = {"item_id", "coder", "stance"}
    if not need <= set(coded.columns):
        raise AnnotationError(f"coded table lacks {sorted(need - set(coded.columns))}; use import_annotation_sheet")
    df = _one_code_each(coded)
    if coders is not None:
        df = df[df["coder"].isin(coders)]
    df = df[df["stance"].notna() & (df["stance"].astype(str) != "")]
    values = sorted(df["stance"].astype(str).unique())
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for _, codes in df.groupby("item_id", sort=True)["stance"]:
        m = len(codes)
        if m < 2:
            continue
        counts = np.bincount([index[str(c)] for c in codes], minlength=len(values)).astype(float)
        o += (np.outer(counts, counts) - np.diag(counts)) / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if n == 0:
        raise AnnotationError("Krippendorff's alpha needs items coded by at least two coders; give a second coder the same items")
    disagree = o.sum() - np.trace(o)
    expected = n_c.sum() ** 2 - (n_c ** 2).sum()
    if expected == 0:
        return 1.0 if disagree == 0 else 0.0  # one value used throughout: no variation to agree on
    return float(1.0 - (n - 1) * disagree / expected)


@dataclass
class AnnotationRound:
    """One turn of the annotation loop: the ``model`` trained on every coded item, its
    cross-validated ``evaluation`` (F with bootstrap intervals), inter-coder ``agreement`` (empty with
    one coder), and the ``training`` rows (``text, target, stance, doc_id, quote_id, n_coders``)."""

    model: StanceClassifier
    evaluation: StanceEvaluation
    agreement: pd.DataFrame
    training: pd.DataFrame


def annotation_round(
    coded: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    previous: pd.DataFrame | None = None,
    model: Any = None,
    cv: int = 5,
    n_boot: int = 1000,
    random_state: int = 0,
) -> AnnotationRound:
    """Retrain on coded rows and report agreement and cross-validated F (the annotation loop).

    ``coded`` comes from :func:`import_annotation_sheet` (one row per item × coder); an item's label is
    its coders' majority (items without one are left out and logged). ``quotes`` gives the text
    (``doc_id, quote_id, quote``). ``previous`` adds earlier training rows (``text, target, stance``
    and ideally ``doc_id, quote_id``), so rounds accumulate. The evaluation keeps the rows of one quote
    in one fold. ``model`` defaults to ``StanceClassifier()``; for your own targets pass
    ``StanceClassifier(targets="my_targets.yaml")`` so that its features find their aliases. Then export the next sheet with ``export_annotation_sheet(..., order="uncertainty",
    model=round.model)``.

    Example
    -------
    >>> q = pd.DataFrame({"doc_id": "d", "quote_id": [str(i) for i in range(12)],
    ...                   "quote": ["We support the CSTO.", "We condemn the CSTO.", "It rained."] * 4})
    >>> c = pd.DataFrame({"item_id": [f"d|{i}|CSTO" for i in range(12)], "coder": "ana",
    ...                   "stance": ["favor", "against", "none"] * 4})
    >>> r = annotation_round(c, q, cv=2, n_boot=20)
    >>> r.training.shape[0], r.evaluation.f_avg
    (12, 1.0)
    """
    need = {"item_id", "coder", "stance"}
    if not need <= set(coded.columns):
        raise AnnotationError(f"coded table lacks {sorted(need - set(coded.columns))}; read it with import_annotation_sheet")
    if not {"doc_id", "quote_id", "quote"} <= set(quotes.columns):
        raise TableError("quotes must have doc_id, quote_id and quote columns (the quotes table)")
    c = _one_code_each(coded).copy()
    parts = c["item_id"].astype(str).str.split("|", n=2, expand=True)
    for i, col in enumerate(("doc_id", "quote_id", "target")):
        if col not in c.columns:
            c[col] = parts[i]
    rows = []
    ties = 0
    for (_item, doc, qid, target), g in c.groupby(["item_id", "doc_id", "quote_id", "target"], sort=True):
        counts = g["stance"].value_counts()
        if len(counts) > 1 and counts.iloc[0] == counts.iloc[1]:
            ties += 1
            continue
        rows.append({"doc_id": str(doc), "quote_id": str(qid), "target": target, "stance": counts.index[0],
                     "n_coders": len(g)})
    if ties:
        logger.warning("annotation_round: %d items without a majority code left out; resolve them and re-import", ties)
    lab = pd.DataFrame(rows, columns=["doc_id", "quote_id", "target", "stance", "n_coders"])
    text = quotes.assign(doc_id=quotes["doc_id"].astype(str), quote_id=quotes["quote_id"].astype(str)).drop_duplicates(
        ["doc_id", "quote_id"])[["doc_id", "quote_id", "quote"]]
    train = lab.merge(text, on=["doc_id", "quote_id"], how="left")
    missing = int(train["quote"].isna().sum())
    if missing:
        raise AnnotationError(f"{missing} coded items name quotes that the quotes table lacks; pass the quotes table "
                         "the sheet was exported from")
    train = train.rename(columns={"quote": "text"})
    if previous is not None:
        prev = previous.copy()
        for col in ("doc_id", "quote_id"):
            if col not in prev.columns:
                prev[col] = [f"previous{i}" for i in range(len(prev))]
        prev["n_coders"] = prev["n_coders"] if "n_coders" in prev.columns else 1
        train = pd.concat([prev[["doc_id", "quote_id", "target", "stance", "n_coders", "text"]], train],
                          ignore_index=True).drop_duplicates(["doc_id", "quote_id", "target"], keep="last")
    train = train[["text", "target", "stance", "doc_id", "quote_id", "n_coders"]].reset_index(drop=True)
    est = model if model is not None else StanceClassifier(random_state=random_state)
    groups = train["doc_id"].astype(str) + "|" + train["quote_id"].astype(str)
    ev = evaluate(est, train[["text", "target"]], train["stance"], cv=cv, groups=groups, n_boot=n_boot,
                  random_state=random_state)
    fitted = clone(est).fit(train[["text", "target"]], train["stance"])
    agree = agreement(coded) if coded["coder"].nunique() >= 2 else pd.DataFrame(
        columns=["coder_a", "coder_b", "n_items", "percent_agreement", "cohen_kappa", "krippendorff_alpha"])
    logger.info("annotation round: %d items, F_avg %.3f [%.3f, %.3f]", len(train), ev.f_avg, *ev.f_avg_ci)
    return AnnotationRound(fitted, ev, agree, train)


def combine_stance(
    stances: pd.DataFrame,
    model: Any,
    *,
    quotes: pd.DataFrame,
    min_proba: float = MIN_PROBA,
) -> pd.DataFrame:
    """The rules' and a trained classifier's stances in one table, every row keeping its evidence.

    How they are combined: for each quote × target row of :func:`detect_stance` (which decides *which*
    targets a quote concerns and finds the evidence sentence), the classifier gives calibrated
    probabilities; where the stance it predicts has probability ≥ ``min_proba`` (0.4 by default: on the seeds' coded
    rows the classifier's own stance beat the rules' wherever it was not near chance; ``MIN_PROBA``) it decides the
    ``stance``, else the rules' stance stands. Columns added: ``rule_stance``, ``rule_score``, ``model_stance``,
    ``model_proba`` and ``method`` (``model`` or ``rules``). Where the classifier decides, ``score`` is its
    probability of the stance it decided, signed (+ favor, − against, 0 none), so that
    :func:`~kzlib.stance.summarise_stance` and :func:`~kzlib.stance.outlet_stance`, which average ``score``, read
    the combined stances and not the rules' (``rule_score`` keeps the rules' score); with ``min_proba`` at or above
    the summary's threshold, a row the classifier decided for or against always counts as such there.
    ``evidence`` stays the rules' sentence; where the model overrules the rules, ``cues`` still lists what the
    rules read, so a reader sees both.

    Example
    -------
    >>> X = pd.DataFrame({"text": ["We support Russia.", "We condemn Russia.", "It rained in Russia."] * 4,
    ...                   "target": ["Russia"] * 12})
    >>> m = StanceClassifier().fit(X, ["favor", "against", "none"] * 4)
    >>> q = pd.DataFrame({"doc_id": ["d"], "quote_id": ["1"], "speaker": ["X"], "quote": ["We condemn Russia."]})
    >>> from kzlib.stance import detect_stance
    >>> both = combine_stance(detect_stance(q), m, quotes=q)
    >>> both[["rule_stance", "model_stance", "stance", "method"]].values.tolist()
    [['against', 'against', 'against', 'model']]
    >>> bool(both["score"].iloc[0] == -both["model_proba"].iloc[0])   # the classifier decided: its probability
    True
    """
    _check_stances(stances)
    _check_min_proba(min_proba)
    out = stances.copy()
    out["rule_stance"], out["rule_score"] = out["stance"], out["score"]
    if out.empty:
        return out.assign(model_stance=pd.Series(dtype=object), model_proba=pd.Series(dtype=float),
                          method=pd.Series(dtype=object))
    text = quotes.drop_duplicates(["doc_id", "quote_id"]).set_index(["doc_id", "quote_id"])["quote"]
    X = pd.DataFrame({"text": [text.get((d, q), "") for d, q in zip(out["doc_id"], out["quote_id"])],
                      "target": out["target"].astype(str).to_numpy()})
    out["model_stance"], p = _predicted_with_proba(model, X)
    out["stance"], out["method"] = _model_or_rules(out["model_stance"].to_numpy(), p, out["rule_stance"].to_numpy(),
                                                   min_proba=min_proba)
    out["model_proba"] = p.round(4)  # compared unrounded, as CombinedStanceClassifier compares it
    sign = out["stance"].map({"favor": 1.0, "against": -1.0}).fillna(0.0)
    out["score"] = np.where(out["method"] == "model", sign * out["model_proba"], out["rule_score"])
    return out
