"""Gazetteer.scan with ``skip`` (session 27): the mentions outside the skipped characters are those of the whole
scan, each resolved by every mention before it, skipped or not; only the matches that can tell are read."""

from __future__ import annotations

import re

from kzlib.actors import Actor, Gazetteer
from kzlib.actors._skip import spans_outside


def _skip(text: str, *parts: str) -> bytearray:
    skip = bytearray(len(text))
    for part in parts:
        at = text.index(part)
        skip[at:at + len(part)] = b"\x01" * len(part)
    return skip


def _outside(g: Gazetteer, text: str, skip: bytearray) -> list[tuple[str, str]]:
    """What scan without ``skip`` finds outside the skipped characters (its docstring's promise)."""
    return [(m.surface, m.actor) for m in g.scan(text, unknown=False) if not any(skip[m.start:m.end])]


def test_a_skipped_mention_still_picks_the_later_ones_actor():
    # "Roe" is John Roe's or Jane Roe's: the one named last before it, even where that naming is skipped
    g = Gazetteer([Actor("John Roe", "person", "X", aliases=("Roe",)), Actor("Jane Roe", "person", "X", aliases=("Roe",)),
                   Actor("Acme Corp", "organisation", "X")])
    text = "Jane Roe met Acme Corp and John Roe. Later Roe spoke to Acme Corp."
    for skipped in [("Jane Roe",), ("John Roe",), ("Jane Roe", "John Roe"), ("Acme Corp",), ()]:
        skip = _skip(text, *skipped)
        found = [(m.surface, m.actor) for m in g.scan(text, unknown=False, skip=skip)]
        assert found == _outside(g, text, skip)
    skip = _skip(text, "Jane Roe", "John Roe")
    assert ("Roe", "John Roe") in [(m.surface, m.actor) for m in g.scan(text, unknown=False, skip=skip)]


def test_a_text_whose_matches_are_all_skipped_has_no_mention():
    g = Gazetteer.from_yaml()
    text = "Tokayev met Putin in Moscow."
    assert g.scan(text, unknown=False, skip=_skip(text, "Tokayev", "Putin", "Moscow")) == []


def test_spans_outside_makes_a_skipped_span_only_before_a_pick_among_several():
    made: list[str] = []

    def span(m: re.Match) -> tuple[int, int, str, list[str], str]:
        made.append(m.group(0))
        return (m.start(), m.end(), m.group(0), ["A", "B"] if m.group(0) == "Doe" else ["A"], "exact")

    ms = list(re.finditer(r"\w+", "Roe met Doe and Poe"))
    # "Doe" (two candidates) is outside: "Roe" and "met" before it are made, "and" and "Poe" after it are not
    assert [sp[2] for sp in spans_outside(ms, b"\x01" * 8 + b"\x00" * 3 + b"\x01" * 8, span)] == ["Roe", "met", "Doe"]
    assert sorted(made) == ["Doe", "Roe", "met"]
    made.clear()
    # only "Roe" is outside, with one candidate: no skipped span is made
    assert [sp[2] for sp in spans_outside(ms, b"\x00" * 3 + b"\x01" * 16, span)] == ["Roe"]
    assert made == ["Roe"]
