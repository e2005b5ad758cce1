"""Small text facts shared by several kzlib modules: now in :mod:`kzlib.text` (importable from here as before)."""

from __future__ import annotations

from kzlib.text.script import ASCII_CASE_TWINS

__all__ = ["ASCII_CASE_TWINS"]
