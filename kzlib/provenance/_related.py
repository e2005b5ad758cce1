"""When two documents that share sentences are related but not copies of one report: a follow-up, a re-use
of background sentences, or two reports of one event (:func:`kzlib.provenance.find_copies` keeps them out of
the copies table, so both stay counted)."""

from __future__ import annotations

import math

import pandas as pd

#: Any copy has at least this many aligned sentences, or all of the shorter document's: two short wire items
#: on one deal share a sentence or two of background ("X owns about 72% of Y's shares").
MIN_ALIGNED = 3
#: A pair with at least this share of the shorter one's sentences aligned is a copy: a copy republished,
#: trimmed, spun or machine-translated keeps most of its sentences (the bench's planted copies align
#: 92-100 %, the same article run on two days in a real archive 81-100 %).
CLOSE_SHARE = 0.8
#: A pair aligned only in part (below :data:`CLOSE_SHARE`) is a version of one report -- an update run the
#: same day -- only with at least this many aligned sentences, and the shorter one's lead among them.
PARTIAL_MIN_ALIGNED = 5

_ISO_DAY = r"^\s*(\d{4}-\d{2}-\d{2})"


def _day_numbers(published: pd.Series) -> pd.Series:
    """The day of each ``published`` value (by ``doc_id``) as days since 1970-01-01, NaN where it gives no
    full ISO date (empty, a month, a year, unreadable): the publication day a pair's gap is read from (a time
    after the date is ignored).

    Example:
        >>> _day_numbers(pd.Series({"a": "1970-01-03", "b": "2022-01", "c": "", "d": "1970-01-02T23:00"})).tolist()
        [2.0, nan, nan, 1.0]
    """
    day = published.astype("string").str.extract(_ISO_DAY, expand=False)
    stamps = pd.to_datetime(day, format="%Y-%m-%d", errors="coerce")
    out = (stamps - pd.Timestamp("1970-01-01")).dt.days.astype(float)
    out.index = published.index.astype(str)
    return out


def _related(share: float, pairs: list[tuple[int, int, float]], sents_a: list[frozenset[str]],
             sents_b: list[frozenset[str]], *, gap_days: float = math.nan) -> str:
    """Why a pair whose aligned share (of the shorter one's sentences) reaches the copy threshold is not a
    copy of one report, or "" when it is one. ``pairs`` are :func:`_align_share`'s aligned (i in ``sents_a``,
    j in ``sents_b``, similarity); ``gap_days`` the days between the two publication days (NaN: unknown).

    - fewer than :data:`MIN_ALIGNED` sentences aligned, unless all of the shorter one's: shared background;
    - at least :data:`CLOSE_SHARE` aligned: a copy, whatever the dates (a story republished a week later);
    - below that, a copy only when published the same day (or a day is unknown), with at least
      :data:`PARTIAL_MIN_ALIGNED` sentences aligned and the shorter one's lead (its first sentence of three
      content words or more) among them: a report on another day that repeats part of an earlier one is a
      follow-up or a re-use, and one with a lead of its own is another report of the event.

    Example:
        >>> s = [frozenset({f"w{i}", f"x{i}", f"y{i}"}) for i in range(10)]
        >>> _related(0.5, [(0, 0, 1.0), (1, 1, 1.0)], s[:4], s)
        "only 2 of the shorter one's 4 sentences align"
        >>> _related(0.6, [(i, i, 1.0) for i in range(6)], s, s, gap_days=0.0)
        ''
        >>> _related(0.6, [(i, i, 1.0) for i in range(6)], s, s, gap_days=3.0)
        'published 3 days apart, 60% aligned: a follow-up or a re-use'
        >>> _related(0.6, [(i, i, 1.0) for i in range(1, 7)], s, s)
        "the shorter one's lead aligns with none of the other's sentences: another report"
    """
    a_short = len(sents_a) <= len(sents_b)
    short = sents_a if a_short else sents_b
    usable = [i for i, fs in enumerate(short) if len(fs) >= 3]
    n = len(pairs)
    if n < MIN_ALIGNED and n < len(usable):
        return f"only {n} of the shorter one's {len(usable)} sentences align"
    if share >= CLOSE_SHARE:
        return ""
    if not math.isnan(gap_days) and gap_days >= 1:
        return f"published {gap_days:.0f} day{'s' if gap_days != 1 else ''} apart, {share:.0%} aligned: a follow-up or a re-use"
    if n < PARTIAL_MIN_ALIGNED:
        return f"only {n} sentences align ({share:.0%} of the shorter one)"
    aligned_short = {i if a_short else j for i, j, _ in pairs}
    if usable and usable[0] not in aligned_short:
        return "the shorter one's lead aligns with none of the other's sentences: another report"
    return ""


def _published_days(documents: pd.DataFrame) -> pd.Series | None:
    """The ``published`` column of a documents table by ``doc_id`` (its first row per document), for
    :func:`kzlib.provenance.find_copies`; None where the table has none.

    Example:
        >>> _published_days(pd.DataFrame({"doc_id": ["a"], "published": ["2022-01-07"]})).to_dict()
        {'a': '2022-01-07'}
    """
    if "published" not in documents.columns:
        return None
    return documents.drop_duplicates("doc_id").set_index("doc_id")["published"]
