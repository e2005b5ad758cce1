"""Reverse article-spinner substitutions: the public API of :mod:`kzlib.provenance.spin`.

The phrase table and its matcher live in the provenance package (de-spinning is part of the provenance
stage); this module keeps ``from kzlib.despin import despin`` (and the other public names) working.

Example:
    >>> despin("a relic of the Chilly Battle", spun=True)
    'a relic of the Cold War'
"""

from kzlib.provenance.spin import MIN_MATCHES, SPIN_THRESHOLD, despin, spin_matches, spin_score, spin_table

__all__ = ["despin", "spin_table", "spin_matches", "spin_score", "SPIN_THRESHOLD", "MIN_MATCHES"]
