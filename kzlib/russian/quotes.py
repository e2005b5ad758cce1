"""Moved to :mod:`kzlib.quotes.russian` (the quotes stage); kept so that ``kzlib.russian.quotes`` imports work."""

from __future__ import annotations

from kzlib.quotes.russian import extract_quotes_ru, resolve_speaker

__all__ = ["extract_quotes_ru", "resolve_speaker"]
