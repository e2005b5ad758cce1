"""Where a one-word gazetteer name is a word of a longer name, and which words before a title name another
holder of it (session 22).

"Trump Tower", "Price Stern Sloan", "Washington Post", "George Washington", 'Marcia "Cia" Price': a single word
of the gazetteer (a surname, a city) inside a longer capitalised name is not the actor. A person's one-word name
followed by another capitalised Latin word (not a weekday, month or sentence word) is part of that longer name;
a place or body's one-word name (not an acronym: "U.S. Senate" and "CSTO Secretary General" name the state's own
institutions) followed by a media word ("Post", "Times") or by a capitalised word that is no title or
organisation word ("Washington Redskins", "South China Sea"), or preceded by a given name ("George Washington"),
is no reference to the place. Headlines in capitals or title case are left alone: there every word is
capitalised.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kzlib.actors._words import ROLE_WORDS, speaker_words
from kzlib.text.calendar import month_names, weekday_names

__all__ = ["OTHER_HOLDER", "inside_longer_name", "may_be_inside", "person_part"]

#: Words before a title that name a holder other than the present one ("the next president", "the late
#: minister", "the then-president"): the title stands for no actor holding it at the document's date.
OTHER_HOLDER = frozenset("next future incoming outgoing previous late former ex then then-president "
                         "onetime one-time would-be erstwhile past".split())

_WORD_AFTER = re.compile(r"[ \t]+(?:&[ \t]+)?([A-Z][\w'’.&-]*)(?:[ \t]+([A-Z][\w'’-]*))?")
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*)[ \t]+\Z")
_NICKNAME_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*[ \t]+[\"“'‘][A-Z][\w'’.-]*[\"”'’][ \t]+\Z")
_CALENDAR = frozenset(n.lower() for n in (*month_names(), *weekday_names()))
_WORDS = re.compile(r"[^\W\d_][\w'’-]{3,}")


_CAP_RUN = re.compile(r"(?:[A-Z][\w'’.&-]*[ \t]+)*[A-Z][\w'’.&-]*")


def _headline(text: str, s: int) -> bool:
    """Whether ``text`` reads as a headline in title case: no word of four letters or more outside the
    capitalised run around ``s`` is written in small letters, and some other word is capitalised or the run has
    four words or more ("Tokayev Says Troops Will Leave")."""
    run = next((m for m in _CAP_RUN.finditer(text, max(0, s - 200)) if m.start() <= s < m.end()), None)
    lo, hi = (run.start(), run.end()) if run else (s, s)
    words = _WORDS.findall(text[:lo]) + _WORDS.findall(text[hi:])
    if any(w[:1].islower() for w in words):
        return False
    return bool(words) or (run is not None and len(run.group(0).split()) >= 4)


_CAP_AFTER = re.compile(r"[ \t]+(?:&[ \t]+)?[A-Z]")
_QUOTES_BEFORE = "\"“'‘”’"


def may_be_inside(text: str, s: int, e: int) -> bool:
    """Whether :func:`inside_longer_name` can leave out a candidate of ``text[s:e]`` at all: a capitalised word
    follows it, or a capitalised word or a quotation mark (a nickname) stands right before it. Most names stand
    between small words, and this cheap test spares them the full one (it gives the same matches).

    Example:
        >>> may_be_inside("Shares of Price Stern Sloan rose.", 10, 15), may_be_inside("as Price said", 3, 8)
        (True, False)
    """
    if _CAP_AFTER.match(text, e):
        return True
    j = s - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or j == s - 1:
        return False  # nothing before, or no space between: no word of another name before it
    if text[j] in _QUOTES_BEFORE:
        return True
    k = j
    while k >= 0 and (text[k].isalnum() or text[k] in "_'’-"):
        k -= 1
    return text[k + 1:k + 2].isupper()  # the word before is capitalised (a given name, another name's word)


def inside_longer_name(text: str, s: int, e: int, cands: Sequence[str], type_of: Callable[[str], str],
                       known: Callable[[str], bool] = lambda word: False) -> tuple[str, ...]:
    """The candidates of the one-word name ``text[s:e]`` that it can name where it stands: those left out
    whose name it is only a word of (see the module's doc). A next word that ``known`` names (a gazetteer
    name) or that is a given name opens another name, in apposition ("Ambassador to America Anatoly Antonov",
    "adviser to Nazarbayev Yertysbayev"): no longer name.

    Example:
        >>> kind = {"Ned Price": "person", "United States": "state"}.get
        >>> inside_longer_name("Shares of Price Stern Sloan rose.", 10, 15, ["Ned Price"], kind)
        ()
        >>> inside_longer_name("Price said so.", 0, 5, ["Ned Price"], kind)
        ('Ned Price',)
        >>> inside_longer_name("He read the Washington Post.", 12, 22, ["United States"], kind)
        ()
    """

    surface = text[s:e]
    after = _WORD_AFTER.match(text, e)
    word = after.group(1) if after else ""
    if word and (word.isupper() and len(word) > 1 or surface.isupper() or _headline(text, s)):
        word = ""  # a headline or a word in capitals ("TURKEY CAR BOMB"): every word is capitalised there
    if word.rstrip(".").lower() in _CALENDAR:
        word = ""  # "Putin Tuesday said": newswire's weekday after the name
    sw = speaker_words()
    if word and (word in sw.not_names or word.rstrip(".") in sw.abbreviations or word in sw.first or known(word)
                 or after is not None and after.group(2) and known(f"{word} {after.group(2)}")):
        word = ""
    # what stands before the name is read only where a candidate's test needs it (most names stand alone)
    seen: dict[str, bool] = {}

    def nickname() -> bool:
        if "nickname" not in seen:
            seen["nickname"] = _NICKNAME_BEFORE.search(text, max(0, s - 60), s) is not None
        return seen["nickname"]

    def given_before() -> bool:
        if "given" not in seen:
            before = _WORD_BEFORE.search(text, max(0, s - 40), s)
            seen["given"] = before is not None and before.group(1) in sw.first
        return seen["given"]

    keep = []
    for name in cands:
        if type_of(name) == "person":
            if word or nickname():
                continue  # "Trump Tower", "Price Stern Sloan", 'Marcia "Cia" Price'
        elif not surface.isupper() and not any(ch == "." for ch in surface):
            # a place or body's name written as a word (acronyms such as "U.S." and "CSTO" stand before the
            # names of their own institutions)
            low = word.lower()
            if word in sw.media or (word and word not in sw.org and low not in sw.titles
                                    and low not in sw.role_gender) or given_before():
                continue  # "George Washington", "Washington Post", "South China Sea"
        keep.append(name)
    return tuple(keep)


_COMPANY_WORDS = frozenset("inc corp co cos ltd llc plc group holdings bros partners associates brothers company "
                           "corporation incorporated".split())


def person_part(start: int, name: str) -> tuple[int, str]:
    """A capitalised run a pattern took for a person's name (``start``: its offset), less the titles and office
    words it opens with while three words or more remain ("Senator Ted Cruz": "Ted Cruz"); ``(start, "")`` when
    a word of it names an organisation ("Trump Foundation", "Moran Asset Management Inc", "Democratic Black
    Caucus": no person).

    Example:
        >>> person_part(10, "Senator Ted Cruz"), person_part(0, "Las Vegas Sands Corp")
        ((18, 'Ted Cruz'), (0, ''))
    """

    sw = speaker_words()
    toks = name.split(" ")
    while len(toks) > 2 and (toks[0].lower().rstrip(".") in sw.titles or toks[0].lower() in ROLE_WORDS
                             or toks[0] in sw.org):
        start += len(toks[0]) + 1
        toks = toks[1:]
    if any(t in sw.org or t + "." in sw.org or t.lower().rstrip(".") in _COMPANY_WORDS for t in toks):
        return start, ""
    return start, " ".join(toks)
