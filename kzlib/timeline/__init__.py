"""Timeline: dates in the text normalised to ISO, and the events they date.

Every temporal expression in a text ("January 11", "Jan. 5, 2022", "in August", "in 2019", "on Friday",
"over the weekend", "next week", "20 years ago", "two decades of") is found by a rule-based recogniser
whose vocabulary lives in ``kzlib/data/temporal.yaml`` and resolved to an ISO date (``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD``) with a granularity (``day``, ``weekend``, ``week``, ``month``, ``year``,
``decade``). Relative expressions are resolved against the document's publication date the way a
newsroom writes them: in a Friday article "on Friday" is that day and "on Thursday" the day before;
with a future marker ("will meet on Monday") the next one; a yearless month or day is the most recent
one on or before publication (so "in August" in a January 2022 article is August 2021), unless the
sentence speaks of the future or the day is at most ``future_window_days`` ahead.

Why rules and not ``dateparser.search.search_dates``: dateparser's search mode takes bare numbers,
"may", "march", "second" and "now" for dates, returns no granularity, resolves weekdays without regard to
tense or to a newsroom's conventions, cannot be told that a publication date is only a lower bound, and
is slow on long texts. A recogniser whose patterns are compiled once from a data file is deterministic,
linear in the text, explains each decision (``note``) and is easy to extend for another corpus.

How sure a date is (``confidence``) combines how explicit the expression is with how well the anchor is
known: the publication date's ``date_certainty`` is ``exact``, ``on-or-after`` (a lower bound),
``copy-date`` (the date of a later copy; the original is earlier, so the anchor is estimated from the
latest date the text itself reports) or ``unknown`` (relative expressions are then reported unresolved,
never dropped).

The package: :mod:`~kzlib.timeline.recognise` (the point recogniser's rules), :mod:`~kzlib.timeline.normalise`
(resolving against the anchor), :mod:`~kzlib.timeline.mentions` (a text's mentions with their TimeML columns:
``extract_dates``, ``to_timeml``), :mod:`~kzlib.timeline.events` (``build_events``), :mod:`~kzlib.timeline.checks`
(``chronology``, ``check_dates``, ``coverage``, ``stance_over_time``, windows) and :mod:`~kzlib.timeline.columns`;
the TimeML tagger is private (``_timex``: its search, ``_timex_values``: its values). In ``build_events`` and
``extract_dates`` the tagger searches every sentence first and the point recogniser runs only where the tagger
found something or the sentence holds a digit or a word only the point recogniser knows (spun time words).

Example:
    >>> from kzlib.timeline import extract_dates
    >>> df = extract_dates("On Thursday, the ministry issued a statement.", published="2022-01-07")
    >>> df.loc[0, ["expression", "date", "granularity"]].tolist()
    ['On Thursday', '2022-01-06', 'day']
"""

from __future__ import annotations

from kzlib.timeline.checks import (
    check_dates,
    chronology,
    close_up_periods,
    coverage,
    events_in_window,
    headline_period,
    publication_clusters,
    publication_window,
    stance_over_time,
)
from kzlib.timeline.columns import DATE_CERTAINTIES, EVENT_COLUMNS, GRANULARITIES, MENTION_COLUMNS
from kzlib.timeline.events import build_events
from kzlib.timeline.mentions import extract_dates, to_timeml

__all__ = [
    "extract_dates",
    "to_timeml",
    "build_events",
    "chronology",
    "check_dates",
    "coverage",
    "events_in_window",
    "publication_window",
    "publication_clusters",
    "close_up_periods",
    "headline_period",
    "stance_over_time",
    "MENTION_COLUMNS",
    "EVENT_COLUMNS",
    "GRANULARITIES",
    "DATE_CERTAINTIES",
]
