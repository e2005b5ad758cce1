"""Actors: a gazetteer of canonical persons, organisations, states and blocs, and their mentions.

The gazetteer (``kzlib/data/actors.yaml``, or a researcher's own file in the same format) maps every
surface form of an actor — transliterations, Cyrillic, spellings seen in spun or machine-translated
copies, surnames, metonyms ("Moscow", "Washington") — to one canonical name, with the actor's type,
affiliation (country or bloc) and role. Title-only references ("the Secretary", "the ministry",
"the Chinese official") are resolved in context: to the most recently mentioned actor holding that
title, filtered by a nationality adjective when there is one. Variants not listed are matched
fuzzily (rapidfuzz) against known surnames; people not in the gazetteer at all are still found by
pattern ("spokesperson Jane Doe", "Jane Doe, a professor at ...") and reported under their own name.

Roles and titles have dates (session 22): an entry may list its offices with the days they began and ended
(``roles``; see :mod:`kzlib.actors._roles`). :meth:`Gazetteer.role_at` gives the role at a document's date,
None ("role unknown") outside every period; a title resolves only to an actor who held it at the document's
date (``find_mentions(..., dates=...)``, ``Gazetteer.scan(..., date=...)``). Without a date, the roles and titles
of January 2022 hold, as before. A one-word name inside a longer capitalised name ("Trump Tower", "Washington
Post", "Price Stern Sloan") is not the actor.

Example:
    >>> g = Gazetteer.from_yaml()
    >>> g.resolve("Toqaev")
    'Kassym-Jomart Tokayev'
    >>> g.affiliation("Anatoly Antonov")
    'Russia'
    >>> g.role_at("Donald Trump", "2016-03-01"), g.role_at("Donald Trump", "2022-01-07")
    ('businessman, candidate for the Republican nomination', 'former President of the United States')
"""

from __future__ import annotations

from kzlib.actors._given import reads_as_title
from kzlib.actors._roles import Role
from kzlib.actors.gazetteer import (
    ACTOR_TYPES,
    ROLE_WORDS,
    Actor,
    Gazetteer,
    Mention,
    default_gazetteer,
    plausible_name,
)
from kzlib.actors.mentions import DocumentChecks, find_mentions
from kzlib.actors.names import NameSpan, find_names, place_names, speaker_words

__all__ = ["Actor", "Role", "Gazetteer", "Mention", "NameSpan", "DocumentChecks", "find_mentions", "find_names", "default_gazetteer",
           "place_names", "plausible_name", "reads_as_title", "speaker_words", "ACTOR_TYPES", "ROLE_WORDS"]
