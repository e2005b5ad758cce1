"""Small text facts shared by several kzlib modules (private)."""

from __future__ import annotations

import re

#: The non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter (Python's Unicode case
#: rules: İ and ı to i, ſ to s, the Kelvin sign to k). In a text without them, a case-insensitive pattern
#: of ASCII words matches exactly the ASCII spellings of those words in any mix of cases, which lets
#: despin and timeline use faster case-sensitive searches; tests/test_despin.py checks the list against ``re``.
ASCII_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")
