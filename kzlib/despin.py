"""Reverse article-spinner substitutions: the public API of :mod:`kzlib.provenance.spin`.

The phrase table and its matcher live in the provenance package (de-spinning is part of the provenance
stage); this module keeps ``from kzlib.despin import despin`` (and the other public names) working.

Example:
    >>> despin("a relic of the Chilly Battle", spun=True)
    'a relic of the Cold War'
"""

from kzlib.provenance.spin import (
    CLEAN_RATE,
    MIN_MATCHES,
    SPIN_P,
    SPIN_THRESHOLD,
    despin,
    judged_spun,
    quoted_spans,
    spin_matches,
    spin_score,
    spin_table,
)

__all__ = ["despin", "spin_table", "spin_matches", "spin_score", "judged_spun", "quoted_spans", "SPIN_THRESHOLD",
           "MIN_MATCHES", "CLEAN_RATE", "SPIN_P"]
