"""Exceptions raised by kzlib. Each message names the problem and how to fix it."""

__all__ = ["KzlibError", "CorpusError", "ParameterError"]


class KzlibError(Exception):
    """Base class of kzlib's errors."""


class CorpusError(KzlibError, ValueError):
    """The corpus or its metadata cannot be used as given."""


class ParameterError(KzlibError, ValueError):
    """A parameter is unknown or has a value of the wrong type."""
