"""The timeline's tables and scales: mention and event columns, granularities, confidence weights."""

from __future__ import annotations

GRANULARITIES = ("day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade", "century")
DATE_CERTAINTIES = ("exact", "on-or-after", "copy-date", "unknown")

MENTION_COLUMNS = [
    "start", "end", "expression", "kind", "date", "granularity", "anchor", "anchor_date", "confidence",
    "future", "flag", "note", "timex_type", "timex_value", "timex_mod", "timex_start", "timex_end",
]
EVENT_COLUMNS = [
    "doc_id", "sentence_id", "para_id", "date", "granularity", "date_start", "expression", "anchor",
    "actors", "actor", "text", "label", "confidence", "kind", "flag", "note", "story_id", "outlet", "published",
    "date_certainty", "reported_by", "n_reports", "timex_type", "timex_value",
]

# confidence of the expression itself, before the anchor's certainty is taken into account
_BASE_CONFIDENCE = {
    "full_date": 0.95, "iso": 0.95, "month_year": 0.95, "decade": 0.85,
    "year_context": 0.9, "year_bare": 0.7,
    "month_day": 0.9, "month_context": 0.85,
    "weekday": 0.85, "relative_unit": 0.85, "within_current": 0.8, "weekend": 0.8,
    "deictic": 0.8, "ago": 0.75, "duration": 0.5, "new_year": 0.6,
}
# how well the anchor (publication date) is known
_ANCHOR_FACTOR = {"exact": 1.0, "on-or-after": 0.8, "estimated": 0.6, "copy-date": 0.4, "unknown": 0.5}
_SPINNER_FACTOR = 0.85
_ABSOLUTE_RULES = frozenset({"full_date", "iso", "month_year", "decade", "year_context", "year_bare", "month_day",
                             "month_context"})
