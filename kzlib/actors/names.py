"""Open-world names: proper names of persons, organisations and media found in English text from
capitalisation alone, with titles and possessives split off (no gazetteer; see :func:`find_names`).

Example:
    >>> [(n.title, n.name) for n in find_names("Sen. Ted Cruz told The New York Times.")]
    [('Sen.', 'Ted Cruz'), ('', 'New York Times')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kzlib.actors._words import _DEMONYMS, _SpeakerWords, speaker_words

__all__ = ["NameSpan", "find_names", "speaker_words"]


@dataclass(frozen=True)
class NameSpan:
    """A proper name found in running text without a gazetteer (see :func:`find_names`).

    ``start``/``end`` cover the whole surface (title included, possessive excluded); ``name`` is the
    name without its title ("Ted Cruz" of "Sen. Ted Cruz"); ``type`` is person / organisation /
    media / "" (unknown); ``gender`` m / f / "" from an honorific or a given name.
    """

    start: int
    end: int
    surface: str
    name: str
    title: str
    type: str
    gender: str
    possessive: bool

    def __init__(self, start: int, end: int, surface: str, name: str, title: str, type: str,  # noqa: A002
                 gender: str, possessive: bool) -> None:
        # written into the instance's dict (three times faster than a frozen dataclass's own __init__;
        # tests/test_actors.py checks that this signature lists the fields in order)
        d = self.__dict__
        d["start"], d["end"], d["surface"], d["name"] = start, end, surface, name
        d["title"], d["type"], d["gender"], d["possessive"] = title, type, gender, possessive


_NAME_RUN = re.compile(
    r"[A-Z](?<![\w'’-][A-Z])(?:[\w'’&.-]*[\w.])?"  # (the capital first: searched for at C speed)
    r"(?:[ \t]+(?:(?:of|the|for|de|van|von|bin|al|da|del|la|le|du)[ \t]+)*(?:[A-Z][\w'’&.-]*[\w.]|[A-Z]\.?))*")
_NAME_TOKENS = re.compile(r"\S+")
_ABBREV_OK = re.compile(r"^(?:[A-Z]\.|(?:[A-Z]\.){2,})$")  # initials; other abbreviations: ``abbreviations``
_APOS_SPLIT = re.compile(r"['’]")
_CONNECTORS = frozenset(["of", "the", "for", "de", "van", "von", "bin", "al", "da", "del", "la", "le", "du"])
#: Connectors that, capitalised at a name's start, are its first word or particle ("Al Gore", "Van Jones", "De Niro").
_NAME_PARTICLES = frozenset(["Al", "De", "Van", "Von", "Da", "Del", "La", "Le", "Du"])


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Countries and US states (``kzlib/data/places.txt``): names that also look like persons' names.

    Example:
        >>> {"Georgia", "South Carolina"} <= place_names()
        True
    """
    text = resources.files("kzlib.data").joinpath("places.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def find_names(text: str) -> list[NameSpan]:
    """Proper names of persons, organisations and media in English text, found from capitalisation
    alone (no gazetteer): runs of capitalised words, with titles ("Sen.", "Secretary of State") and
    sentence-initial function words split off and a possessive "'s" left out.

    Example:
        >>> [(n.name, n.title, n.type, n.gender) for n in find_names("Sen. Ted Cruz told The New York Times.")]
        [('Ted Cruz', 'Sen.', 'person', 'm'), ('New York Times', '', 'media', '')]
    """
    out: list[NameSpan] = []
    append = out.append
    for m in _NAME_RUN.finditer(text):
        hits = _names_of_run_text(m.group(0))
        if hits:  # (most runs hold one name or none: a sentence's first word)
            at = m.start()
            for s, e, rest in hits:
                append(NameSpan(at + s, at + e, *rest))
    return out


@lru_cache(maxsize=32768)
def _names_of_run_text(run_text: str) -> tuple[tuple[int, int, tuple], ...]:
    """The names of one match of ``_NAME_RUN``, as (start, end, NameSpan's other fields) with offsets relative
    to it (cached per matched text: most capitalised runs, a sentence's first word or a known name, recur; the
    fields rather than NameSpans, so that :func:`find_names` makes each of its NameSpans once)."""
    w = speaker_words()
    toks = [(t.start(), t.end(), t.group(0)) for t in _NAME_TOKENS.finditer(run_text)]
    # a token ending a sentence ("Trump. The") ends the run unless it is an initial or abbreviation
    runs: list[list[tuple[int, int, str]]] = [[]]
    for s, e, t in toks:
        runs[-1].append((s, e, t))
        if t.endswith(".") and not _ABBREV_OK.match(t) and t.lower() not in w.titles and t not in w.abbreviations:
            runs[-1][-1] = (s, e - 1, t[:-1])
            runs.append([])
    out: list[tuple[int, int, tuple]] = []
    for run in runs:
        if run:
            at = run[0][0]
            out.extend((at + h.start, at + h.end, (h.surface, h.name, h.title, h.type, h.gender, h.possessive))
                       for h in _name_of_seg(run_text[at:run[-1][1]]))
    return tuple(out)


@lru_cache(maxsize=16384)
def _name_of_seg(seg: str) -> tuple[NameSpan, ...]:
    """The name of one run of capitalised words (offsets relative to the run; cached per run text:
    names recur)."""
    w = speaker_words()
    text = seg
    run = [(t.start(), t.end(), t.group(0)) for t in _NAME_TOKENS.finditer(seg)]
    out: list[NameSpan] = []
    _name_of_tokens(text, run, w, out)
    return tuple(out)


#: What follows a name and is part of it ("Martin Luther King Jr."): never a name after a title.
_SUFFIXES = frozenset(["Jr", "Sr", "II", "III", "IV"])
_HYPHEN_ADJ = re.compile(r"[A-Z][\w.'’]*-[a-z]{3,}")


def _inner_title(surface: str, w: _SpeakerWords) -> int:
    """Where the name starts after a title inside a capitalised run whose first words are a place or
    body ("United States Secretary of State Anthony Blinken", "CSTO Secretary General Stanislav Zas"):
    the end of the first title that stands after the first word and is followed by one to three
    capitalised words with no organisation word among them; 0 when there is none."""
    for tok in _NAME_TOKENS.finditer(surface):
        if tok.start() == 0:
            continue
        tm = w.title_re.match(surface, tok.start())
        if not tm or tm.end() >= len(surface) or surface[tm.end() - 1] != " ":
            continue
        rest = surface[tm.end():].split()
        if 1 <= len(rest) <= 3 and rest[0][:1].isupper() and rest[0] not in w.not_names \
                and rest[0].strip(".,") not in _SUFFIXES \
                and not any(x.strip(".,") in w.org or x.strip(".,") in w.media for x in rest):
            return tm.end()
        return 0
    return 0


def _name_of_tokens(text: str, run: list[tuple[int, int, str]], w: _SpeakerWords, out: list[NameSpan]) -> None:
    while run and (run[0][2] in w.not_names or run[0][2].lower() in _CONNECTORS and run[0][2] not in _NAME_PARTICLES
                   or _APOS_SPLIT.split(run[0][2])[0] in w.not_names):
        run = run[1:]
    while run and run[-1][2].lower() in _CONNECTORS:
        run = run[:-1]
    if not run:
        return
    possessive = False
    s, e, t = run[-1]
    if t.endswith(("'s", "’s")) or t.endswith(("s'", "s’")) and len(t) > 3:
        cut = 2 if t.endswith(("'s", "’s")) else 1
        run[-1] = (s, e - cut, t[:-cut])
        possessive = True
    start, end = run[0][0], run[-1][1]
    surface = text[start:end]
    gender = ""
    name_at = 0
    while True:  # titles and nationality adjectives before the name: "Russian President", "Sen."
        rest = surface[name_at:]
        tm = w.title_re.match(rest)
        first = rest.split(" ", 1)[0]
        if tm and tm.end() < len(rest):
            for part in rest[:tm.end()].split():
                gender = w.titles.get(part.lower(), "") or gender
            gender = w.titles.get(rest[:tm.end()].strip().lower(), "") or gender
            name_at += tm.end()
        elif first.lower().strip(".") in _DEMONYMS and " " in rest or first.lower() in _CONNECTORS and " " in rest and name_at:
            if first.lower() in _CONNECTORS and rest.split(" ", 1)[1].strip() in place_names():
                return  # "Republican of Arizona", "President of Kazakhstan": the title's place, no name
            name_at += len(first) + 1
        else:
            break
        while name_at < len(surface) and surface[name_at] == " ":
            name_at += 1
    if not name_at and surface.count(" ") >= 2:
        name_at = _inner_title(surface, w)  # "United States Secretary of State Anthony Blinken"
    title = surface[:name_at].strip()
    name = surface[name_at:].strip()
    if not name or name.split()[0] in w.not_names:
        return
    if title and name in place_names():  # "Former Arizona (governor Jan Brewer)": a place, not a titled person
        out.append(NameSpan(start + name_at, end, name, name, "", "", "", possessive))
        return
    words = name.split()
    if len(words) == 1 and _HYPHEN_ADJ.fullmatch(name):
        return  # "Russian-backed", "Kremlin-friendly": an adjective, not a name
    if len(words) == 1 and (len(name) == 1 or name.lower() in _DEMONYMS):
        return
    if w.title_re.fullmatch(surface + " "):
        first, _, last = surface.partition(" ")
        if first.lower() not in w.honorifics or not last or " " in last.strip():
            return  # a title alone ("Secretary of State"): the gazetteer's titles and descriptions handle it
        # "Mr. King", "Ms. Price": an honorific is always followed by a surname, even one that is also a title
        name_at, title, name = len(first) + 1, first, last.strip()
        gender = w.titles.get(first.lower(), "")
        words = [name]
    rest_out: list[NameSpan] = []
    if " of " in name and words[0].strip(".") in w.first:  # "John Herbst of the Atlantic Council"
        name = name[:name.index(" of ")]
        end = start + name_at + len(name) if name_at else start + len(name)
        surface = text[start:end]
        words = name.split()
        _name_of_tokens(text, [t for t in run if t[0] > end], w, rest_out)
    bare = [x.strip(".,") for x in words]
    if title and any(x in w.org or x in w.media for x in bare):  # "Senate Judiciary Committee": no title
        name, title, words, gender = surface, "", surface.split(), ""
        bare = [x.strip(".,") for x in words]
    if any(x in w.media for x in bare):
        typ = "media"
    elif any(x in w.org for x in bare):
        typ = "organisation"
    elif title or bare[0] in w.first:
        typ = "person"
    elif len(words) == 1 and name.isupper() and len(name) > 1:
        typ = "organisation"
    else:
        typ = ""
    if not gender and typ == "person":
        gender = w.first.get(bare[0], "")
    out.append(NameSpan(start, end, surface, name, title, typ, gender, possessive))
    out.extend(rest_out)
