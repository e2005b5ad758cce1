"""Open-world actor mentions of a paragraph: names, gazetteer hits, titles and descriptions."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import replace
from functools import lru_cache

from kzlib.actors import (
    Gazetteer,
    Mention,
    NameSpan,
    find_names,
    reads_as_title,
    speaker_words,
)
from kzlib.quotes._capitals import _APOSTROPHE_S
from kzlib.quotes._descriptions import _description_mentions, _place_words
from kzlib.quotes.marks import _POSSESSIVE_AFTER, _SENTENCE_BEFORE, _Span
from kzlib.quotes.speakers import _DocState, _Ent

# ------------------------------------------------------------------------------------------ open-world mentions
_ROLE_ABBR = {"sen.": "senator", "sens.": "senator", "rep.": "representative", "reps.": "representative",
              "gov.": "governor", "gen.": "general", "dr.": "doctor", "prof.": "professor", "lt.": "lieutenant",
              "col.": "colonel", "capt.": "captain", "adm.": "admiral", "rev.": "reverend"}


def _link_name(g: Gazetteer, st: _DocState, ns: NameSpan) -> tuple[str, str, str, str]:
    """(canonical name, resolution, type, gender) of a proper name found in the text: an earlier full
    name of the document it shortens ("Clinton", "Mrs. Clinton"; "the Times" for "The New York Times"), the
    gazetteer's canonical name on a whole-name match, or the name itself."""
    words = ns.name.split()
    last = words[-1].lower()
    gender = ns.gender
    if ns.type in ("person", ""):
        best = None
        # a bare surname the gazetteer gives to one person ("Trump"): that person before a relative the document
        # named later ("Ivanka Trump")
        own: frozenset[str] = frozenset()
        if len(words) == 1 and len(st.by_last.get(last, ())) > 1:
            cands, method = g.candidates(ns.name)
            own = frozenset(cands) if method == "exact" else own
        for e in st.by_last.get(last, ()):
            if e.type not in ("person", "") or e.name == ns.name:
                continue
            ew = e.name.split()
            if any(w in _OF_WORDS for w in ew[1:-1]):
                continue  # "Miami" is no surname of "Port of Miami" (a place's or a body's name, no person's)
            if _last_name(e.name) != last or len(ew) < len(words):
                continue
            if len(words) > 1 and ew[0].lower() != words[0].lower():
                continue
            if gender and e.gender and gender != e.gender:
                continue
            # ("Mr. Roe": a Roe known to be a man before one of unknown gender, then the one named last)
            if best is None or (e.gender == gender != "", e.name in own, e.last) \
                    > (best.gender == gender != "", best.name in own, best.last):
                best = e
        if best is not None:
            return best.name, "surname", "person", best.gender or gender
    if ns.type == "media" and " " not in ns.name:
        # "the Times", "the Post": the outlet the document named in full ("The New York Times")
        outlet = max((e for e in st.by_last.get(last, ()) if e.type == "media" and " " in e.name),
                     key=lambda e: e.last, default=None)
        if outlet is not None:
            return outlet.name, "surname", "media", ""
    if ns.name in st.ents:
        e = st.ents[ns.name]
        return e.name, "named", e.type, e.gender or gender
    # the gazetteer canonicalises a whole name (or the name after a title: "U.S. Anatoly Antonov"),
    # never a part of a longer name ("USA" of "USA Today")
    for cands, needs_recent in _gazetteer_parts(g, ns.surface, ns.type):
        if needs_recent and not any(c in st.recent for c in cands):
            continue  # a bare surname ("Sherman") names a gazetteer actor only once the document has named it
        name = g.pick(cands, st.recent)
        if name and _another_person(g, ns, name, st.inner_caps):
            continue
        if name:
            typ = g.type_of(name)
            if not (ns.type in ("organisation", "media") and typ == "person"):
                return name, "gazetteer", typ, gender
    return ns.name, "named", ns.type, gender


def _another_person(g: Gazetteer, ns: NameSpan, canonical: str, inner: Container[str] | None = None) -> bool:
    """Whether the name ``ns`` found in the text is someone else than the gazetteer's person ``canonical``
    it shares a surname with: a title of the other gender ("Mrs. Roe" is not "John Roe") or a known given
    name with another initial ("Mary Roe" is not "John Roe"; "Sergey" may spell "Sergei"; a whole name the
    gazetteer lists is that person)."""
    cw = canonical.split()
    if len(cw) < 2 or g.type_of(canonical) != "person":
        return False
    first = speaker_words().first
    given = first.get(cw[0], "")
    if ns.gender and given and ns.gender != given:
        return True
    nw = ns.name.split()
    if len(nw) < 2 or nw[0][:1].lower() == cw[0][:1].lower():
        return False
    # a known given name, or (a name of two words) a capitalised word that reads as no title ("Ivanka Trump";
    # not "Billionaire Trump") and that the document writes inside a sentence (``inner``, when known: "Everything
    # Trump says" opens a sentence)
    return (nw[0] in first or len(nw) == 2 and not reads_as_title(nw[0]) and (inner is None or nw[0] in inner)) \
        and g.candidates(ns.name)[1] != "exact"


#: The most words a name or title is read in: a capitalised run's parts are its last words (a run of a whole
#: headline in title case or a page of capitals was read in every suffix: quadratic in its length).
_LONGEST_NAME = 12


@lru_cache(maxsize=32768)
def _gazetteer_parts(g: Gazetteer, surface: str, typ: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """The parts of a name's surface that the gazetteer may canonicalise, longest first: (candidates,
    whether the document must have named one of them: a bare surname); what the document has said is
    checked by :func:`_link_name` (cached per surface and type: names recur)."""
    words = surface.split()
    out = []
    if len(words) >= 4 and words[-1].lower() in _JUNIOR_SUFFIXES:
        # "Joseph R. Biden Jr.": a junior's full name with a middle name or initial that the gazetteer lists
        # whole without the suffix ("Joseph R. Biden") is that person's formal name; "Donald Trump Jr." (no middle
        # part) and a "Sr." stay apart (a father or son of the same name)
        for i in range(max(0, len(words) - 1 - _LONGEST_NAME), len(words) - 3):  # (after a title: "Vice President ...")
            cands, method = g.candidates(" ".join(words[i:-1]))
            if cands and method == "exact" and g.type_of(cands[0]) == "person":
                out.append((cands, False))
                break
    for i in range(max(0, len(words) - _LONGEST_NAME), len(words)):
        part = " ".join(words[i:])
        cands, method = g.candidates(part)
        if not cands or not (method == "exact" or method in ("surname", "fuzzy") and (
                len(words) - i == 1 or typ in ("person", "")) and part[:1].isupper()):
            continue
        if i and (method != "exact" or g.type_of(cands[0]) != "person"):
            continue
        out.append((cands, len(words) == 1 and method != "exact"))
    return tuple(out)


@lru_cache(maxsize=4096)
def _title_words(title: str) -> frozenset[str]:
    """The words of a title, abbreviations spelled out ("Sen." -> "senator")."""
    return frozenset(_ROLE_ABBR.get(t, t.strip(".")) for t in re.split(r"\s+", title.lower()) if t)


@lru_cache(maxsize=65536)
def _title_end(surface: str) -> str:
    """The title a capitalised run ends with when the run holds no name after it ("Secretary General",
    "Kazakhstan's President", "United States Secretary of State"), else ""."""
    rx = speaker_words().title_re
    toks = list(_NAME_TOKENS_Q.finditer(surface))
    prev = toks[-_LONGEST_NAME - 2].group(0) if len(toks) > _LONGEST_NAME + 1 else ""
    toks = toks[-_LONGEST_NAME - 1:]
    padded = surface + " "
    for tok in toks:
        tm = rx.match(padded, tok.start())
        if tm and tm.end() >= len(surface):
            # "Office of the President" is a body, not the president; "Larry King": a given name before one
            # title word makes it a surname
            if prev.lower() in ("of", "the", "for") or prev in speaker_words().first and " " not in surface[tok.start():]:
                return ""
            return surface[tok.start():]
        prev = tok.group(0)
    return ""


_NAME_TOKENS_Q = re.compile(r"\S+")


def _title_holder(st: _DocState, title: str) -> str:
    """The person of the document last named with the words of ``title`` ("the Secretary General" ->
    "Stanislav Zas" after "CSTO Secretary General Stanislav Zas"), all of them, else its head word
    ("General" of "Secretary General", "Secretary" of "Secretary of State"); or ""."""
    words = [w for w in re.split(r"\s+", title.lower()) if w]
    want = _title_words(title) - {"of", "the"}
    head = words[:words.index("of")][-1:] if "of" in words[1:] else words[-1:]
    head_set = _title_words(" ".join(head))
    for need in (want, head_set):
        cands = [e for e in st.ents.values() if e.type == "person" and need and need <= e.titles]
        if cands:
            return max(cands, key=lambda e: e.last).name
    return ""


def _latest_headed(st: _DocState, surface: str, actor: str) -> str:
    """For a title the gazetteer resolved ("the ministry" -> ``actor``): the document's body mentioned
    after ``actor`` whose name ends with the same noun ("Russian Defence Ministry" named last), else
    ``actor``."""
    words = surface.lower().split()
    if not words:
        return actor
    head = words[-1]
    best = st.ents.get(actor)
    for e in st.by_last.get(head, ()):
        if e.type in ("organisation", "media", "") and (best is None or e.last > best.last):
            best = e
    return best.name if best is not None else actor


#: The word before a name that makes it an object ("told Putin", "met with Russian President Vladimir Putin").
_OBJECT_BEFORE = re.compile(r"(?<![\w'’-])(?:(?<![Aa]ccording )to|with|told|tells|met|meets|phoned|called|calls|urged|asked|thanked|"
                            r"praised|criticized|criticised|lambasted|accused|blamed|congratulated|invited|visited|"
                            r"against|for|about|on|at|from)\s+(?:(?:the|[A-Z][\w.'’-]*)\s+){0,5}\Z")
#: The words that open ``_OBJECT_BEFORE``.
_OBJECT_WORDS = frozenset("to with told tells met meets phoned called calls urged asked thanked praised criticized "
                          "criticised lambasted accused blamed congratulated invited visited against for about on at "
                          "from".split())


_LOWER = "abcdefghijklmnopqrstuvwxyz"


def _object_before(text: str, start: int) -> bool:
    """Whether ``_OBJECT_BEFORE`` ends at ``start`` (searched in the 80 characters before it): the name at ``start``
    is an object. A word before it that can neither open the pattern nor stand in it (a small word other than
    "the" and the verbs, "said Roe"; one that ends with a mark, "said. Roe", "city, Roe") answers without the
    search, which tries every place of the 80: the pattern's last word is "the", a capitalised one, or a verb or
    preposition that ends the word (after no word character: the lower-case letters it ends with).

    Example:
        >>> _object_before("Tokayev met Putin", 12), _object_before("Tokayev said Putin", 13)
        (True, False)
    """
    lo = max(0, start - 80)
    if start == lo or not text[start - 1].isspace():
        return False  # (the pattern ends with blanks)
    before = text[lo:start].rsplit(None, 6)
    if not before:
        return False
    word = before[-1]  # the pattern's verb or preposition, or the last of the words after it ("the", capitalised)
    if not "A" <= word[0] <= "Z" and word != "the" and word[len(word.rstrip(_LOWER)):] not in _OBJECT_WORDS:
        return False
    # the pattern spans at most six words (one and five after it): it starts after the seventh word from the end
    return _OBJECT_BEFORE.search(text, lo + len(before[0]) if len(before) == 7 else lo, start) is not None


#: Suffixes after a surname ("John G. Roberts Jr.": his surname is Roberts).
_NAME_SUFFIXES = frozenset(["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"])
#: Lower-case words inside a place's or body's name ("Port of Miami", "Bank of America"), never a person's.
_OF_WORDS = frozenset(["of", "for"])

#: The suffixes of a son's (or later bearer's) name: "Sr." names the father.
_JUNIOR_SUFFIXES = frozenset(["jr.", "jr", "ii", "iii", "iv"])


def _last_name(name: str) -> str:
    """A name's last word in lower case, a suffix after it skipped.

    Example:
        >>> _last_name("John G. Roberts Jr."), _last_name("Jane Roe"), _last_name("Jr.")
        ('roberts', 'roe', 'jr.')
    """
    words = name.lower().split()
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _note_ent(st: _DocState, name: str, typ: str, gender: str, title: str, *, obj: bool = False) -> None:
    st.clock += 1
    e = st.ents.get(name)
    if e is None:
        e = st.ents[name] = _Ent(name, typ, gender)
        st.by_last.setdefault(_last_name(name), []).append(e)
    elif not e.type and typ:
        e.type = typ
    if gender and not e.gender:
        e.gender = gender
    if title:
        e.titles.update(_title_words(title))
    e.last = st.clock
    e.para = st.para_idx
    if not obj:
        e.last_free = st.clock


@lru_cache(maxsize=16384)
def _names_in(text: str) -> tuple[NameSpan, ...]:
    """``kzlib.actors.find_names(text)``, cached per paragraph text: a republished story's paragraphs
    (wire copies in many outlets) are read again in each copy."""
    return tuple(find_names(text))


#: A wire dateline opening a paragraph: a place in capitals ("WASHINGTON —", "ALMATY, Kazakhstan —"), or any
#: place with the agency in brackets ("Washington (AFP) –", "COLUMBIA, S.C. (AP) —"), then a dash.
_WIRE_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][\w.'’ -]{1,30}?)?(?:\s*\([^()\n]{1,40}\))?"
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:,\s*[A-Z][\w.'’ -]{1,30}?)?\s*\([^()\n]{1,40}\))\s*(?:[—–]|--?)\s+")


def _mentions(g: Gazetteer, st: _DocState, text: str, spans: list[_Span] | None = None, *,
              full: bool = True) -> list[Mention]:
    """Actor mentions of a paragraph, open-world: proper names from the text itself (linked to the
    document's earlier full names, canonicalised by the gazetteer only on a whole-name match),
    gazetteer mentions that are not part of a longer proper name, titles and descriptions ("the
    senator", "the campaign") linked to the last actor of the document that fits them."""
    taken = bytearray(len(text) + 1)
    for sp in spans or ():  # names inside quotations are not the document's speakers
        taken[sp.start:sp.end] = b"\x02" * (sp.end - sp.start)
    if (dm := _WIRE_DATELINE.match(text)) is not None:  # "WASHINGTON (AP) —": a place and an agency, no speaker
        taken[:dm.end()] = b"\x02" * dm.end()
    out: list[Mention] = []
    _name_mentions(g, st, text, taken, out)
    if not full:  # a paragraph without speech: its names only, for the speakers' coreference
        return out
    _gazetteer_mentions(g, st, text, taken, out)
    _description_mentions(st, text, spans, taken, out)
    out.sort(key=lambda m: m.start)
    return out


def _name_mentions(g: Gazetteer, st: _DocState, text: str, taken: bytearray, out: list[Mention]) -> None:
    """Proper names (:func:`kzlib.actors.find_names`) outside ``taken``, linked and noted in ``st``."""
    openers: list[tuple[NameSpan, str, str, str, bool]] = []  # (..., whether it may still be a name)
    sw = speaker_words()
    for ns in _names_in(text):
        if taken[ns.start]:
            continue
        # ("Mr. King": an honorific before a title word names a person, see kzlib.actors.find_names)
        title_only = "" if ns.title.lower() in sw.honorifics and ns.name else _title_end(ns.surface)
        if title_only:
            # a title alone ("Secretary General", "Kazakhstan's President"): the person the document
            # named with that title, else the whole description
            place = _place_words(ns.surface[:len(ns.surface) - len(title_only)])
            holder = _place_holder(st, place, title_only) if place else _title_holder(st, title_only)
            if holder:
                out.append(Mention(ns.start, ns.end, ns.surface, holder, "title", "person"))
            else:
                out.append(Mention(ns.start, ns.end, ns.surface, ns.surface, "description", "person"))
            taken[ns.start:ns.end] = b"\x01" * (ns.end - ns.start)
            continue
        ns = _without_title_phrase(ns, st.inner_caps)
        name, res, typ, gender = _link_name(g, st, ns)
        unknown = res == "named" and not typ and name not in st.ents and ns.name not in sw.first
        if unknown and _SENTENCE_BEFORE.search(text, max(0, ns.start - 4), ns.start) \
                and (_OPENING_NEXT.match(text, ns.end) or ns.name.lower() in _OPENING_PREPOSITIONS
                     or (am := _ADVERBIAL_NEXT.match(text, ns.end)) is not None and _PHRASE_COMMA.match(text, am.end())) \
                and _unattested(st, ns):  # (the document's capitals looked up last: the dearest test)
            # 'Hours later, Roe said', 'Back in 1999, Roe told', 'Amid the protests, Roe said': a sentence's first word
            # that the document never capitalises inside a sentence, opening a phrase, is no name (the subject after
            # the phrase's comma speaks); one that opens the subject stays ("Respondents said", "Exit polling shows")
            openers.append((ns, name, typ, gender, ns.surface.endswith("ing")))  # (a gerund: "Polling shows")
            continue
        if unknown and _OPENER.fullmatch(ns.surface) and _opens_clause(text, ns.start, ns.end) \
                and (ns.surface.endswith("ly") or text[ns.end:ns.end + 1] != ","):
            # ("Manning, the adviser, said": a surname in -ing before its apposition stays a name)
            # 'Surveying the damage, Roe said', 'Shortly after ..., Roe said': a participle or adverb, no name; the
            # participle's subject is the main clause's (the first name after the opening phrase's comma)
            openers.append((ns, name, typ, gender, True))
            continue
        _note_ent(st, name, typ, gender, ns.title,
                  obj=_object_before(text, ns.start))
        if typ in ("person", "") and not st.ents[name].gender and (am := _apposed_role_re().match(text, ns.end)):
            # "Jane Roe, his eldest daughter,": a person, and a woman
            st.ents[name].gender, st.ents[name].type = sw.role_gender[am.group(1).lower()], "person"
        if typ in ("person", "") and (pm := _PLACE_AFTER.match(text, ns.end)) is not None:
            st.ents[name].titles.update(_place_words(pm.group(1) or pm.group(2)))  # "Jane Roe, R-Wis.", "of Ohio"
        out.append(Mention(ns.start, ns.end, ns.surface, name, res, typ))
        taken[ns.start:ns.end] = b"\x01" * (ns.end - ns.start)
    for ns, name, typ, gender, maybe_name in openers:
        comma = text.find(",", ns.end)
        stop = _SENTENCE_END.search(text, ns.end)
        subj = next((m for m in out if comma >= 0 and m.start > comma and (stop is None or m.start < stop.start())
                     and m.method != "title" and not _POSSESSIVE_AFTER.match(text[m.end:m.end + 2])), None)
        if subj is not None and not text[comma + 1:subj.start].strip():
            out.append(Mention(ns.start, ns.end, subj.surface, subj.actor, subj.method, subj.type))
        elif maybe_name and text[ns.end:ns.end + 1] != "," \
                and (ns.surface.endswith("ing") or not _ADVERBIAL_NEXT.match(text, ns.end)):
            # no name opens the main clause: the word is kept as found (a gerund subject, "Polling shows", or a surname,
            # "Connolly said"); "Publicly, ...", "Shortly after ...", "Alarmed by ..." hold no name
            _note_ent(st, name, typ, gender, ns.title)
            out.append(Mention(ns.start, ns.end, ns.surface, name, "named", typ))
        taken[ns.start:ns.end] = b"\x01" * (ns.end - ns.start)
    if openers:
        out.sort(key=lambda m: m.start)


def _without_title_phrase(ns: NameSpan, inner_caps: Container[str] | None) -> NameSpan:
    """``ns`` with a title phrase left before its person's name moved into its title: an office with its place
    or employer ("Florida Gov. Jeb Bush", "Hewlett-Packard CEO Carly Fiorina", "Republican National Committee
    Chairman Reince Priebus": the name after the last title or role word), or words before a known given name
    that the document never capitalises inside a sentence ("Rival Hillary Clinton", "Neither Hillary Clinton":
    a sentence's opening word; not an initial: "J. Gerald Roe"). What is left is two capitalised words, or more
    opening with a known given name ("FBI General Counsel James A. Baker" stays), none of them a title, role or
    an organisation's word; else ``ns`` is returned unchanged.

    Example:
        >>> from kzlib.actors import find_names
        >>> [(n.title, n.name) for n in find_names("Hewlett-Packard CEO Carly Fiorina spoke.")]
        [('', 'Hewlett-Packard CEO Carly Fiorina')]
        >>> n = _without_title_phrase(find_names("Hewlett-Packard CEO Carly Fiorina spoke.")[0], None)
        >>> n.title, n.name, n.type, n.gender
        ('Hewlett-Packard CEO', 'Carly Fiorina', 'person', 'f')
        >>> _without_title_phrase(find_names("Rival Hillary Clinton spoke.")[0], frozenset({"Clinton"})).name
        'Hillary Clinton'
    """
    sw = speaker_words()
    words = ns.name.split()
    if len(words) < 3 or ns.possessive:
        return ns
    cut = _title_cut(ns.name)
    if not cut and inner_caps is not None:
        # words before a known given name that are no given names and never capitalised inside a sentence
        k = next((i for i, w in enumerate(words) if w in sw.first), 0)
        if 0 < k <= len(words) - 2 and all(w not in sw.first and not w.endswith(".") and len(w) > 2
                                           and _APOSTROPHE_S.sub("", w) not in inner_caps for w in words[:k]):
            cut = k
    rest = words[cut:]
    if not cut or len(rest) < 2 or not all(w[:1].isupper() for w in rest) or rest[0] not in sw.first and len(rest) > 2 \
            or any(w.lower() in sw.titles or w in sw.org or w in sw.media or w in sw.not_names for w in rest) \
            or ns.type not in ("person", "") and rest[0] not in sw.first:
        return ns
    title = " ".join(x for x in (ns.title, *words[:cut]) if x)
    gender = ns.gender or sw.first.get(rest[0], "")
    return NameSpan(ns.start, ns.end, ns.surface, " ".join(rest), title, "person" if rest[0] in sw.first else ns.type,
                    gender, ns.possessive)


@lru_cache(maxsize=16384)
def _title_cut(name: str) -> int:
    """How many words a name of three or more words opens with that are a title or a role of a person (see
    :func:`_without_title_phrase`; cached per name: names recur)."""
    sw = speaker_words()
    words = name.split()
    cut = 0
    padded = name + " "
    for i in range(len(words) - 2):
        at = len(" ".join(words[:i])) + (1 if i else 0)
        tm = sw.title_re.match(padded, at)
        if tm is not None and tm.end() > at:
            cut = max(cut, len(padded[:tm.end()].split()))
        elif sw.role_gender.get(words[i].lower().rstrip("."), "org") != "org":
            cut = max(cut, i + 1)
    return cut


def _unattested(st: _DocState, ns: NameSpan) -> bool:
    """Whether ``ns`` is one capitalised word, without title, that the document never writes capitalised
    inside a sentence (``st.inner_caps``; unknown: attested)."""
    return st.inner_caps is not None and not ns.title and " " not in ns.name and ns.name not in st.inner_caps


#: A capitalised word that may be a participle or adverb opening a sentence ("Surveying", "Shortly", "Alarmed").
_OPENER = re.compile(r"[A-Z][a-z]{2,}(?:ing|ly|ed)")
#: What follows an opening adverb or participle, not a surname: a preposition or conjunction ("Shortly after").
_ADVERBIAL_NEXT = re.compile(r"\s+(?:after|before|when|while|as|since|until|following|thereafter|in|on|at|by|with|"
                             r"upon|during|to|from|for|about|over|under|through|into|afterwards?)\b")
_LOWER_AFTER = re.compile(r",|\s+[a-z]")
#: After an opening word's preposition: one to three words and a comma ("Back in 1999,", not "Farmers in the valley
#: are ...").
_PHRASE_COMMA = re.compile(r"(?:\s+[\w'’.-]+){1,3},")
#: After an opening word: an adverb of time and a comma ("Hours later,", "Back then,"; not "Okafor agreed, saying";
#: a comma alone may open an apposition, "Manning, the adviser, said").
_OPENING_NEXT = re.compile(r"\s+(?:later|earlier|ago|after|afterwards|before|then|now|since|again|back|away|ahead|on),")
_OPENING_PREPOSITIONS = frozenset(["amid", "amidst", "among", "amongst", "despite", "during", "following", "throughout",
                                   "upon", "within", "without", "toward", "towards", "unlike", "like", "beyond"])
_SENTENCE_END = re.compile(r"[.!?;:](?:\s|$)")


def _opens_clause(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` opens a sentence and a lower-case word or a comma follows it."""
    return bool(_LOWER_AFTER.match(text, end)) and bool(_SENTENCE_BEFORE.search(text, max(0, start - 4), start))


def _gazetteer_mentions(g: Gazetteer, st: _DocState, text: str, taken: bytearray, out: list[Mention]) -> None:
    """Gazetteer mentions (``g.scan``) that are not part of a proper name already found."""
    for m in g.scan(text, context=st.recent, unknown=False, skip=taken):  # (mentions inside names left out)
        if not m.actor:
            continue
        if m.method == "title" and m.actor not in st.recent:
            continue  # a title resolves only to an actor this document has named
        if not m.surface[:1].isupper() and (m.method == "fuzzy" or " " not in m.surface.strip()
                                             and g.type_of(m.actor) == "person"):
            continue  # "the price of fuel": a common word, not the person whose surname it is
        if text[m.end:m.end + 1] == "-" and text[m.end + 1:m.end + 2].islower():
            continue  # "Moscow-backed", "US-led": an adjective, not the actor speaking
        if m.method == "title":
            m = replace(m, actor=_latest_headed(st, m.surface, m.actor))
        out.append(Mention(m.start, m.end, m.surface, m.actor, m.method, g.type_of(m.actor)))
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)


#: After a person's name: the party and state ("Jane Roe, R-Wis.", "(D-N.Y.)") or "of" a place ("Jane Roe of Ohio").
_PLACE_AFTER = re.compile(r"\s*[,(]\s*[RDI]-([A-Z][A-Za-z.]*(?: ?[A-Z][A-Za-z.]*)?)|\s+of\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
_PARTY_WORDS = frozenset(["republican", "democrat", "democratic", "gop", "independent", "conservative", "liberal"])


def _place_holder(st: _DocState, place: frozenset[str], title: str) -> str:
    """The person of the document last named whom it ties to ``place`` (a title or modifier with the place:
    "Florida Gov. Jane Roe"; "Jane Roe of Florida", "Jane Roe, R-Fla."), with the office words of ``title``
    when it has any beyond a party ("the Florida governor"; "the Wisconsin Republican": any person tied to
    Wisconsin); else "" (the description stays one), or, in a document that ties no person to any place
    (nothing to tell the title's holders apart by), the person last named with the title (``_title_holder``)."""
    want = place | (_title_words(title) - _PARTY_WORDS - {"of", "the"})
    cands = [e for e in st.ents.values() if e.type == "person" and want <= e.titles]
    if cands:
        return max(cands, key=lambda e: e.last).name
    if not any(e.type == "person" and _place_words(" ".join(sorted(e.titles))) for e in st.ents.values()):
        return _title_holder(st, title)  # a document that ties no person to any place: the title's holder
    return ""


@lru_cache(maxsize=1)
def _apposed_role_re() -> re.Pattern:
    """A noun phrase in apposition after a name, opened by an article or possessive, whose head is a role of one
    gender ("Jane Roe, the senator's eldest daughter,", "John Roe, her husband,"; not "Roe, through a spokeswoman,"):
    the role in group 1.

    Example:
        >>> _apposed_role_re().match("Jane Roe, the senator's eldest daughter, said", 8).group(1)
        'daughter'
        >>> _apposed_role_re().match("John Roe, through a spokeswoman, said", 8) is None
        True
    """
    roles = sorted((r for r, k in speaker_words().role_gender.items() if k in ("m", "f")), key=len, reverse=True)
    return re.compile(r",\s+(?:the|a|an|his|her|their|[A-Z][\w.-]*['’]s)\s+(?:[\w.'’-]+\s+){0,4}?("
                      + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in roles) + r")(?![\w'’-])\s*[,.;]",
                      re.IGNORECASE)
