"""Who speaks in a participle of saying ("saying", "adding"): the one quoted ("quoted X as saying"), or the
main clause's subject when the name before the participle is a verb's object ("Russia lambasted Blinken
saying ..."). Read by :mod:`kzlib.quotes.reported`."""

from __future__ import annotations

import re

from kzlib.actors import Gazetteer, Mention
from kzlib.quotes.clauses import _main_clause_start
from kzlib.quotes.marks import _n_words
from kzlib.quotes.speakers import _described, _DocState, _Speaker, _speaker_after, _spk

__all__: list[str] = []


#: "quoted X as saying", "cited X as saying": X speaks (what is left before the cue: "X as").
_QUOTED_AS = re.compile(r"\b(?:quoted|quotes|quoting|cited|cites|citing)\s+(?P<np>[^,;:]{1,80}?)\s+as\s*\Z", re.IGNORECASE)
#: Verbs that quote someone, and what follows them when the quoted one's participle reports: "cited X as saying".
_QUOTING = frozenset("quoted quotes quoting cited cites citing".split())
_AS_SAYING = re.compile(r"\s+[^,;:]{1,80}?\s+as\s+(?:saying|telling|stating|having\s+said)\b", re.IGNORECASE)
#: A verb right before a name, its object: the participle after the object is the subject's ("Russia lambasted
#: Blinken saying ..."), unless the verb shows or quotes the object speaking ("a video showed Blinken saying").
_OBJECT_VERB = re.compile(r"\b(?P<verb>[a-z]{3,}(?:ed|ted))\s+(?:(?:the|a|an|his|her|its|their|of|[A-Z][\w.'’-]*)\s+){0,6}\Z")
_FOR_BEFORE = re.compile(r"\bfor\s+\Z")
#: A possessive or determiner right before a word in -ed: the word is an adjective ("Kazakhstan's ousted President").
_MODIFIER_BEFORE = re.compile(r"(?:['’]s|\b(?:the|a|an|his|her|its|their|our|my|newly|recently|former))\s+\Z", re.IGNORECASE)
_SHOWS_SPEAKING = frozenset("showed showing shows heard recorded filmed captured caught quoted cited depicted pictured "
                            "featured overheard watched".split())


def _participle_holder(g: Gazetteer, st: _DocState, mentions: list[Mention], text: str, a: int, at: int,
                       sub: tuple[_Speaker, int] | None) -> tuple[_Speaker, int] | None:
    """Who speaks in a participle of saying at ``at``: the one quoted in "quoted X as saying"; the main clause's
    subject when the name before the participle is a verb's object ("Russia has lambasted Blinken saying he
    ..."); else ``sub``, the name before it."""
    if (qm := _QUOTED_AS.search(text, max(a, at - 120), at)) is not None:
        spk = _speaker_after(g, st, mentions, text, qm.start("np"), qm.end("np"))
        if spk.name or spk.surface:
            return spk, qm.start("np")
        return _described(qm.group("np"), qm.start("np"), qm.end("np"), 0.5), qm.start("np")
    if sub is None or not sub[0].name or sub[0].m_start < 0 or _FOR_BEFORE.search(text, max(a, at - 12), at):
        return sub  # ("thanked the governor for saying ...": the governor said it)
    vm = _OBJECT_VERB.search(text, max(a, sub[0].m_start - 40), sub[0].m_start)
    if vm is None or vm.group("verb").lower() in _SHOWS_SPEAKING or _MODIFIER_BEFORE.search(text, max(a, vm.start() - 30),
                                                                                          vm.start()):
        return sub  # ("Kazakhstan's ousted President Nazarbayev ... saying": an adjective, the president speaks)
    s0 = _main_clause_start(text, a, vm.start())
    first = [m for m in mentions if s0 <= m.start < vm.start() and m.actor and _n_words(text[s0:m.start]) <= 2]
    return (_spk(first[0], first[0].actor, first[0].method, 0.7), first[0].start) if first else sub
