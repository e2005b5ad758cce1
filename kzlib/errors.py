"""Exceptions raised by kzlib. Each message names the problem and how to fix it.

Every error a stage raises on bad input is a :class:`KzlibError`; ``kz`` prints its message without a
traceback. The subclasses also derive from the built-in exception a caller would expect
(``ValueError`` or ``TypeError``), so ``except ValueError`` written against older versions still works.

>>> import pandas as pd
>>> require_columns(pd.DataFrame({"doc_id": [1]}), ["doc_id", "text"], table="paragraphs",
...                 fix="build it with kzlib.clean")
Traceback (most recent call last):
...
kzlib.errors.TableError: the paragraphs table lacks the column 'text' (it has: doc_id); build it with kzlib.clean
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "KzlibError",
    "CorpusError",
    "ParameterError",
    "TableError",
    "ResourceError",
    "AnnotationError",
    "require_columns",
    "require_frame",
]


class KzlibError(Exception):
    """Base class of kzlib's errors."""


class CorpusError(KzlibError, ValueError):
    """The corpus or its metadata cannot be used as given."""


class ParameterError(KzlibError, ValueError):
    """A parameter is unknown or has a value of the wrong type or range."""


class TableError(KzlibError, ValueError):
    """A table given to a stage is not the table it needs (wrong type, missing columns, bad values)."""


class ResourceError(KzlibError, ValueError):
    """A data file kzlib reads (gazetteer, targets, cue lists, models) is missing or malformed."""


class AnnotationError(KzlibError, ValueError):
    """A hand-coded annotation sheet or gold table cannot be read as given."""


def require_frame(table: Any, *, table_name: str, fix: str) -> None:
    """Raise :class:`TableError` unless *table* is a pandas DataFrame.

    >>> require_frame([1, 2], table_name="quotes", fix="build it with kzlib.quotes.extract_quotes")
    Traceback (most recent call last):
    ...
    kzlib.errors.TableError: the quotes table must be a pandas DataFrame, got list; build it with kzlib.quotes.extract_quotes
    """
    import pandas as pd  # noqa: PLC0415  (errors.py stays importable without pandas loaded)

    if not isinstance(table, pd.DataFrame):
        raise TableError(f"the {table_name} table must be a pandas DataFrame, got {type(table).__name__}; {fix}")


def require_columns(frame: Any, columns: Iterable[str], *, table: str, fix: str) -> None:
    """Raise :class:`TableError` unless *frame* is a DataFrame holding every one of *columns*.

    *table* names the table in the message ("quotes", "paragraphs") and *fix* says how to get a good
    one ("build it with kzlib.quotes.extract_quotes").

    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"a": [1], "b": [2]}), ["a", "b"], table="t", fix="-")  # passes
    """
    require_frame(frame, table_name=table, fix=fix)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        have = ", ".join(map(str, list(frame.columns)[:12])) or "no columns"
        if len(frame.columns) > 12:
            have += ", …"
        what = f"the column {missing[0]!r}" if len(missing) == 1 else f"the columns {missing}"
        raise TableError(f"the {table} table lacks {what} (it has: {have}); {fix}")
