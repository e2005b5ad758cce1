"""Dated roles of gazetteer actors (session 22): which office a person held at a document's date, and which
title-only references ("the president") may stand for them then.

An entry of ``kzlib/data/actors.yaml`` may list ``roles``, each ``{role, from, to, titles, source}``:
``from`` and ``to`` are the first and last day of the period (ISO dates, both included; ``to`` left out: no
end known to the file, the office was still held when the entry was written); ``titles`` the title-only
references that stand for the actor in that period (none when left out). An actor with ``roles`` has a role
only inside them: at a date outside every period its role is unknown (None), not its ``role`` of January
2022. An actor without ``roles`` is undated: its ``role`` and ``titles`` hold at every date (states,
organisations, blocs, media, and persons whose periods the file does not state). With no date at all
(a document whose date is not known) every actor has its ``role`` and ``titles`` of January 2022, as
before dated roles.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kzlib.corpus.dates import publication_day as as_date
from kzlib.errors import ResourceError

__all__ = ["Role", "as_date", "parse_roles"]

log = logging.getLogger("kzlib.actors")

_KEYS = frozenset({"role", "from", "to", "titles", "source"})


@dataclass(frozen=True)
class Role:
    """One dated office of an actor: held from ``start`` to ``end`` (both days included; None: open)."""

    role: str
    start: dt.date | None = None
    end: dt.date | None = None
    titles: tuple[str, ...] = ()
    source: str = ""

    def holds_at(self, day: dt.date) -> bool:
        """Whether the role was held on ``day``.

        Example:
            >>> Role("mayor", dt.date(2000, 1, 1), dt.date(2004, 12, 31)).holds_at(dt.date(2005, 1, 1))
            False
        """
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@lru_cache(maxsize=4096)
def _day(value: Any, what: str) -> dt.date | None:
    """A role's ``from`` / ``to`` as a date (YAML reads ISO dates as dates), None when absent; bad values
    raise :class:`ResourceError` naming the entry."""
    if value is None or value == "":
        return None
    day = as_date(value if not isinstance(value, str) else value.strip())
    if day is None:
        raise ResourceError(f"Gazetteer {what}: {value!r} is no date; write it as YYYY-MM-DD.")
    return day


def parse_roles(rows: Any, name: str) -> tuple[Role, ...]:
    """The ``roles`` list of a gazetteer entry (see the module's doc), checked: each has a ``role``, readable
    dates and ``from`` not after ``to``.

    Example:
        >>> parse_roles([{"role": "mayor", "from": "2000-01-01", "to": "2004-12-31", "titles": ["Mayor"]}], "A")[0].titles
        ('mayor',)
    """
    if not rows:
        return ()
    if not isinstance(rows, list):
        raise ResourceError(f"Gazetteer entry {name!r}: 'roles' must be a list of {{role, from, to}} entries.")
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not row.get("role"):
            raise ResourceError(f"Gazetteer entry {name!r}, roles[{i}]: each dated role needs a 'role' text.")
        if unknown := sorted(set(map(str, row)) - _KEYS):
            raise ResourceError(f"Gazetteer entry {name!r}, roles[{i}]: unknown keys {unknown} (a role with a comma "
                                f"must be quoted in a flow mapping); use {sorted(_KEYS)}.")
        start = _day(row.get("from"), f"entry {name!r}, roles[{i}] 'from'")
        end = _day(row.get("to"), f"entry {name!r}, roles[{i}] 'to'")
        if start and end and end < start:
            raise ResourceError(f"Gazetteer entry {name!r}, roles[{i}]: 'to' ({end}) is before 'from' ({start}).")
        out.append(Role(str(row["role"]), start, end, tuple(str(t).lower() for t in row.get("titles") or ()),
                        str(row.get("source") or "")))
    return tuple(out)


def role_at(roles: tuple[Role, ...], default: str, day: dt.date | None) -> str | None:
    """The role of the period that holds ``day`` (of several, the one begun last), ``default`` when ``roles``
    is empty or ``day`` is None, else None (unknown)."""
    if not roles or day is None:
        return default
    held = [r for r in roles if r.holds_at(day)]
    if not held:
        return None
    return max(held, key=lambda r: r.start or dt.date.min).role


def titles_at(roles: tuple[Role, ...], default: tuple[str, ...], day: dt.date | None) -> tuple[str, ...]:
    """The title-only references that stand for an actor at ``day``: ``default`` (January 2022) when it has
    no dated roles or ``day`` is None, else the titles of every period that holds ``day``."""
    if not roles or day is None:
        return default
    return tuple(t for r in roles if r.holds_at(day) for t in r.titles)
