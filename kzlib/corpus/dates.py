"""Publication dates of the metadata, normalised to ISO (see :func:`normalise_date`)."""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

import pandas as pd

__all__ = ["normalise_date", "publication_day", "EARLIEST_PUBLICATION_YEAR"]


EARLIEST_PUBLICATION_YEAR = 1600   #: earlier publication dates are refused (the first printed newspaper: 1605)
_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")


def normalise_date(value: Any, *, today: Any = None) -> tuple[str, str]:
    """A metadata publication date as ISO ``YYYY-MM-DD`` (``YYYY`` and ``YYYY-MM`` kept), with a note when
    it was refused or guessed; ``('', note)`` when it cannot be used.

    Rules: ISO dates are taken as they are (checked to exist); a numeric ``a/b/yyyy`` (also with ``.`` or
    ``-``) whose first part is above 12 is day-first and whose second is above 12 month-first; when both
    could be a month (``07/01/2022``) it is read **day-first** (7 January 2022: the order of the outlets
    of Kazakhstan, Russia and Europe), with a note saying so; other forms ("January 10, 2022") go to
    pandas. A date after ``today`` (UTC), or before :data:`EARLIEST_PUBLICATION_YEAR`, is refused: no
    article is published in the future, nor before the first printed newspapers.

    Example:
        >>> normalise_date("07/01/2022")
        ('2022-01-07', "ambiguous date '07/01/2022' read day-first as 2022-01-07 (write ISO YYYY-MM-DD to be sure)")
        >>> normalise_date("13/01/2022")
        ('2022-01-13', '')
    """
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()
    if not text:
        return "", ""
    today = today or pd.Timestamp.now(tz="UTC").date()
    note = ""
    iso = ""
    try:
        if m := _ISO_PARTIAL.fullmatch(text):
            year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
            first_day = datetime.date(max(year, 1), month, day)   # raises for a day that does not exist
            iso = text
            if first_day > today:
                return "", f"publication date {text} is in the future: treated as unknown"
            if year < EARLIEST_PUBLICATION_YEAR:
                return "", f"publication date {text} is before {EARLIEST_PUBLICATION_YEAR}: treated as unknown"
            return iso, ""
        if m := _NUMERIC_DATE.fullmatch(text):
            a, b, year = int(m[1]), int(m[2]), int(m[3])
            if a > 12:
                day, month = a, b
            elif b > 12:
                month, day = a, b
            else:
                day, month = a, b
                if a != b:
                    note = "ambiguous date {!r} read day-first as {} (write ISO YYYY-MM-DD to be sure)"
            stamp = datetime.date(year, month, day)
        else:
            stamp = pd.Timestamp(text).date()
    except (ValueError, TypeError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return "", f"unparseable publication date {text!r}: treated as unknown"
    iso = stamp.isoformat()
    if stamp > today:
        return "", f"publication date {text!r} ({iso}) is in the future: treated as unknown"
    if stamp.year < EARLIEST_PUBLICATION_YEAR:
        return "", f"publication date {text!r} ({iso}) is before {EARLIEST_PUBLICATION_YEAR}: treated as unknown"
    return iso, note.format(text, iso) if note else ""


def _date_of_text(text: str) -> datetime.date | None:
    """An ISO date (``YYYY-MM-DD``, a time after it ignored), else None."""
    try:
        return datetime.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def publication_day(value: Any) -> datetime.date | None:
    """A document's publication date as the day it names (:class:`datetime.date`): an ISO string (``2016-02-08``, ``2016-02-08T10:00``), a
    date, a datetime or a pandas Timestamp; None for a missing or unreadable value (a year alone, "2016", is no
    day: None; the caller logs how many it could not read).

    Example:
        >>> publication_day("2016-02-08"), publication_day(""), publication_day(None), publication_day("2016")
        (datetime.date(2016, 2, 8), None, None, None)
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime.datetime):
        return None if value != value else value.date()  # (NaT is a datetime that is not equal to itself)
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        return _date_of_text(value) if value.strip() else None
    return None
