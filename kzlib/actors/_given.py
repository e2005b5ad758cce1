"""Whether a capitalised word before a known surname is a title or another person's given name (session 21).

"Ivanka Trump" is not Donald Trump, though "Ivanka" is in no list of given names; "Republican Trump",
"Billionaire Trump", "Then Trump" are. A word before a surname that is not a given name of the actor is
read as a title only when it reads as one: a title, role, organisation or opening word of
``speaker_words.yaml``, a word of its ``name_modifiers`` list, a stopword, an abbreviation or acronym, a
hyphenated or possessive word. Any other capitalised word is taken as a different given name.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from kzlib.actors._words import speaker_words


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """The words ``kzlib/data/stopwords.txt`` adds to the topic models' stop words (function words, calendar
    words: "Everything", "Now" before a surname are no given names)."""
    lines = resources.files("kzlib.data").joinpath("stopwords.txt").read_text("utf-8").split("\n")
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith(("#", "-")))


def reads_as_title(raw: str) -> bool:
    """Whether ``raw``, a capitalised word written before a surname, reads as a title or modifier rather
    than a given name.

    Example:
        >>> reads_as_title("Billionaire"), reads_as_title("Sen."), reads_as_title("Ivanka")
        (True, True, False)
    """

    if not raw or not raw.isalpha() or raw.isupper() or not raw[:1].isupper():
        return True  # "Sen.", "then-candidate", "Trump's", "GOP", a small word: no given name
    sw = speaker_words()
    low = raw.casefold()
    return (low in sw.titles or low in sw.role_gender or raw in sw.not_names or raw in sw.org or raw in sw.media
            or low in sw.modifiers or low in _stop_words())
