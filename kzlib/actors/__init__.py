"""Actors: a gazetteer of canonical persons, organisations, states and blocs, and their mentions.

The gazetteer (``kzlib/data/actors.yaml``, or a researcher's own file in the same format) maps every
surface form of an actor — transliterations, Cyrillic, spellings seen in spun or machine-translated
copies, surnames, metonyms ("Moscow", "Washington") — to one canonical name, with the actor's type,
affiliation (country or bloc) and role. Title-only references ("the Secretary", "the ministry",
"the Chinese official") are resolved in context: to the most recently mentioned actor holding that
title, filtered by a nationality adjective when there is one. Variants not listed are matched
fuzzily (rapidfuzz) against known surnames; people not in the gazetteer at all are still found by
pattern ("spokesperson Jane Doe", "Jane Doe, a professor at ...") and reported under their own name.

Example:
    >>> g = Gazetteer.from_yaml()
    >>> g.resolve("Toqaev")
    'Kassym-Jomart Tokayev'
    >>> g.affiliation("Anatoly Antonov")
    'Russia'
"""

from __future__ import annotations

from kzlib.actors.gazetteer import (
    _CAP_SEQ,
    _DEMONYMS,
    _NOT_NAMES,
    ACTOR_TYPES,
    ROLE_WORDS,
    Actor,
    Gazetteer,
    Mention,
    _norm,
    _plausible_name,
    _unknown_people,
    default_gazetteer,
    find_mentions,
)
from kzlib.actors.names import NameSpan, astuple_rest, find_names, speaker_words
from kzlib.text import phrases as _phrases

__all__ = ["Actor", "Gazetteer", "Mention", "NameSpan", "find_mentions", "find_names", "ACTOR_TYPES"]

# Old homes of tools now public in kzlib.text, and helpers other stages import from here: they stay importable
# until those stages import kzlib.text (quotes, despin) or the public names.
_by_first_char = _phrases.phrase_alternation
_ASCII_WORD = _phrases.ASCII_WORD_CHARS
_PLAIN_PUNCTUATION = _phrases.PLAIN_PUNCTUATION
_Index = _phrases.WordIndex
_fold_run = _phrases.fold_word
_matches_at_words = _phrases.matches_at_words
_may_match = _phrases.may_match
_run_starts = _phrases.run_starts
_word_index = _phrases.word_index
_word_key = _phrases.word_key
_word_keys = _phrases.word_keys
_COMPAT = (_CAP_SEQ, _DEMONYMS, _NOT_NAMES, ROLE_WORDS, _norm, _plausible_name, _unknown_people, default_gazetteer,
           astuple_rest, speaker_words)
