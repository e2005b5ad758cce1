"""A light clause rule for dated mentions (private to :mod:`kzlib.timeline.events`): the date phrase's own
clause, whether a named speaker is its subject (or agent), and a "who did what" label built from it.

No parser: the words of ``kzlib/data/clause_words.yaml`` (closed classes of English and Russian grammar and the
attribution verbs of news writing) and the punctuation decide.

* A clause runs between punctuation that separates clauses (, ; : brackets, quotation marks, dashes) and the
  words that open another clause ("who", "that", "because", "until", ...; not where the word introduces the
  date itself: "since 1992", "before Friday"). A date phrase inside a fronted phrase ("On Friday,", "In
  Sunday's debate against Vacco,") belongs to the clause that follows the comma, and so does one before a
  parenthetical attribution ("Now, Ms. Conlin said, it will ..." : the clause is "it will ...").
* A speaker is the clause's subject when only a clause opener, titles, capitalised words and determiners stand
  before the name in the clause (no verb: "Mr. Clarke has made deals", not "granted Mr. Clarke an extension"),
  the name is no possessor ("Slepian's death") and the name's verb is no attribution verb whose words hold the
  date ("Castro said the attack on Friday ..." : Castro said, he did not attack). A name right after "by" is
  the clause's agent.
* The label is the clause's subject, its verb group and up to five words of its object, without the date
  phrase; a relative clause's subject is the capitalised name before it ("Elian, who was rescued" : "Elian
  was rescued"). Where no verb or no subject is found, or the words would not fit, there is no label.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate, compress
from typing import Any

import yaml

# (the lookahead only skips the places where none of the alternatives can start: the same matches, faster)
_BOUNDARY = re.compile(r"(?=[;:()\[\]“”«»\"`',\s—–―])(?:[;:()\[\]“”«»\"]|``|''|(?<!\d),|,(?!\d)|\s[—–_]\s|\s--\s|[—–―])")
# a word: a letter or digit (after a "$"), then letters, digits, ' ’ . - / and commas before a digit ("5,000");
# written as runs of the class between such commas (the same matches as (?:[\w'’.\-/]|,(?=\d))*, faster)
_WORD = re.compile(r"\$?[^\W_][\w'’.\-/]*(?:,(?=\d)[\w'’.\-/]*)*")
_DETERMINERS = frozenset({"the", "a", "an", "and", "both", "former", "then", "also", "now", "later",
                          "meanwhile", "first", "only", "late", "ex-"})
_ADVERBS = frozenset({"not", "never", "also", "just", "already", "still", "first", "again", "then",
                      "n't", "reportedly", "allegedly", "be", "been", "being", "have", "has", "had",
                      "не", "уже", "также", "ещё", "еще"})
_PREPOSITIONS = frozenset({"in", "on", "at", "for", "with", "from", "by", "to", "of", "over", "after", "before",
                           "during", "against", "into", "about", "as", "amid", "across", "near", "through", "under",
                           "despite", "since", "until", "via", "without", "within", "toward", "towards",
                           "around", "than", "like", "along", "including", "among", "between", "behind", "beyond", "upon",
                           "в", "во", "на", "с", "со", "по", "к", "из", "от", "для", "о", "об", "при", "за"})
_POSSESSORS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "my",
                         "your", "some", "many", "most", "all", "no", "each", "every", "several", "two", "three"})
_RELATIVE = frozenset({"who", "which", "that", "whom", "который", "которая", "которое", "которые"})
_RELATIVE_PERSON = frozenset({"who", "который", "которая", "которые"})  # (a relative clause on a person)
_RELATIVE_ANY = _RELATIVE_PERSON | {"which", "that"}
#: a part of day or possessive that hangs on a date phrase ("Friday night's", "Sunday's"), matched where it ends
_HANGING = re.compile(r"\s*(?:night|morning|afternoon|evening)?(?:['’]s)?\b")
_RU_VERB = re.compile(r"[а-яё]{2,}(?:л|ла|ло|ли|лся|лась|лось|лись)")


@cache
def _words() -> dict[str, frozenset[str]]:
    """The word classes of ``kzlib/data/clause_words.yaml`` (lower case)."""
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("clause_words.yaml").read_text("utf-8"))
    return {k: frozenset(str(w).casefold() for w in v) for k, v in data.items()}


@cache
def _role_words() -> frozenset[str]:
    """Titles and role words that may stand before a name in its subject ("presidential nominee Hillary
    Clinton"): ``kzlib.actors.speaker_words``'s titles, modifiers and gendered roles, when it is importable."""
    try:
        from kzlib.actors import speaker_words  # noqa: PLC0415 - optional dependency between stages
    except ImportError:
        return frozenset()
    sw = speaker_words()
    return frozenset(str(x).casefold() for group in (sw.titles, sw.modifiers, sw.role_gender) for x in group)


@lru_cache(maxsize=1 << 16)
def _is_verb(word: str) -> bool:
    """Whether a word reads as a finite verb (or the first word of a verb group) without a tagger."""
    w = _words()
    low = word.casefold()
    if not word[:1].islower():
        return False
    return (low in w["auxiliaries"] or low in w["irregular"] or low in w["attribution"]
            or (len(low) > 4 and low.endswith("ed")) or bool(_RU_VERB.fullmatch(low)))


@lru_cache(maxsize=256)
def _separators(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[re.Match[str], ...]]:
    """The punctuation that separates clauses in ``text`` and its words that open a clause (lower-case words
    of the ``subordinators``), read once per sentence: a sentence's dated mentions share them."""
    marks = tuple(map(re.Match.span, _BOUNDARY.finditer(text)))
    return marks, tuple(compress(_sentence_words(text)[0], _sentence_facts(text)[0]))


@lru_cache(maxsize=256)
def _sentence_facts(text: str) -> tuple[tuple[bool, ...], tuple[bool, ...], list[str]]:
    """For each word of the sentence ``text`` (:func:`_sentence_words`): whether it opens a clause
    (:func:`_opens_clause`), whether it reads as a verb without its full stop (:func:`_is_verb`) and the word as a
    label writes it (:func:`_label_word`); one cached look-up per word (:func:`_word_facts`)."""
    groups = _sentence_words(text)[3]
    if not groups:
        return (), (), []
    opens, verb, label = zip(*map(_word_facts, groups))
    return opens, verb, list(label)


@lru_cache(maxsize=1 << 16)
def _word_facts(word: str) -> tuple[bool, bool, str]:
    """:func:`_opens_clause`, :func:`_is_verb` without the full stop and :func:`_label_word` of a word."""
    return _opens_clause(word), _is_verb(word.rstrip(".")), _label_word(word)


def _opens_clause(word: str) -> bool:
    """Whether a word opens a clause: a lower-case word of the ``subordinators``."""
    return word[:1].islower() and word.casefold() in _words()["subordinators"]


@lru_cache(maxsize=256)
def _sentence_words(text: str) -> tuple[tuple[re.Match[str], ...], list[int], list[int], list[str]]:
    """The words of the whole of ``text`` (:data:`_WORD`), with their starts, ends and strings, read once per
    sentence."""
    words = tuple(_WORD.finditer(text))
    return words, list(map(re.Match.start, words)), list(map(re.Match.end, words)), list(map(re.Match.group, words))


@lru_cache(maxsize=1024)
def _boundaries(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Where clauses meet in ``text`` (as ``(start, end)`` of the separator; an opening word is its own clause's
    first word, so it is a separator of no width), none inside the date phrase ``start``..``end``."""
    marks, openers = _separators(text)
    out = [(s, e) for s, e in marks if e <= start or s >= end]
    for m in openers:
        low = m.group().casefold()
        if start <= m.start() < end:
            continue
        if m.end() <= start and not (low in _ALSO_PREPOSITIONS and re.fullmatch(
                r"\s*(?:(?:the|last|this|next|that)\s+)?", text[m.end():start])):  # ("since 1992": the date's own)
            out.append((m.start(), m.start()))
        elif m.start() >= end:
            out.append((m.start(), m.start()))
    return tuple(sorted(out))


def _segments(bounds: tuple[tuple[int, int], ...], text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` between its separators ``bounds`` (none empty or blank)."""
    n = len(text)
    out, lo = [], 0
    for s, e in [*bounds, (n, n)]:
        if s > lo and not text[lo:s].isspace():
            out.append((lo, s))
        lo = max(lo, e)
    return out


@lru_cache(maxsize=1024)
def _clause_stretches(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The stretches of ``text`` between the separators of clauses, for the date phrase ``start``..``end``."""
    bounds = _boundaries(text, start, end)
    n_all, whole = _all_stretches(text)
    if len(bounds) == n_all:  # no separator inside the date phrase or its own: the sentence's stretches
        return whole
    return tuple(_segments(bounds, text))


@lru_cache(maxsize=256)
def _all_stretches(text: str) -> tuple[int, tuple[tuple[int, int], ...]]:
    """How many separators of clauses ``text`` has (punctuation and opening words, :func:`_separators`) and the
    stretches between all of them, read once per sentence: those of a date phrase that leaves them all."""
    marks, openers = _separators(text)
    bounds = sorted([*marks, *((m.start(), m.start()) for m in openers)])
    return len(bounds), tuple(_segments(tuple(bounds), text))


@lru_cache(maxsize=4096)
def _words_in(text: str, lo: int, hi: int) -> tuple[re.Match[str], ...]:
    """The words of ``text[lo:hi]``, as ``_WORD.finditer(text, lo, hi)`` gives them: the sentence's words
    between ``lo`` and ``hi`` where no word of the sentence runs across either (else read again, cut there)."""
    at = _word_range(text, lo, hi)
    if at is None:
        return tuple(_WORD.finditer(text, lo, hi))   # a word runs across lo or hi: the stretch cuts it
    return _sentence_words(text)[0][at[0]:at[1]]


def _word_range(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The indices ``i``..``j`` of the sentence's words (:func:`_sentence_words`) that are the words of
    ``text[lo:hi]``, or None where a word of the sentence runs across ``lo`` or ``hi``."""
    _, starts, ends, _ = _sentence_words(text)
    i = bisect_left(starts, lo)
    j = bisect_left(starts, hi, i)
    if (i and ends[i - 1] > lo) or (j > i and ends[j - 1] > hi):
        return None
    return i, j


def _verb_at(words: list[str]) -> int | None:
    """The index of the first word of ``words`` that reads as a verb (:func:`_is_verb`; an -ed word after a
    determiner is an adjective: "the fabled temple"), or None."""
    for i, x in enumerate(words):
        if _is_verb(x) and not (i and x.endswith("ed") and words[i - 1].casefold() in _POSSESSORS):
            return i
    return None


def _has_verb(text: str, seg: tuple[int, int], date: tuple[int, int]) -> bool:
    """Whether the stretch ``seg`` has a verb outside the date phrase ``date`` (:func:`_verb_at` of its words
    without a full stop), from its sentence's verb marks (:func:`_verb_marks`) where no word runs across it."""
    lo, hi = seg
    _, starts, ends, _ = _sentence_words(text)
    i = bisect_left(starts, lo)
    j = bisect_left(starts, hi, i)
    if (i and ends[i - 1] > lo) or (j > i and ends[j - 1] > hi):  # the stretch cuts a word: read it again
        return _verb_at([m.group().rstrip(".") for m in _words_in(text, lo, hi)
                         if not date[0] <= m.start() < date[1]]) is not None
    a = bisect_left(starts, date[0], i, j)  # the words i..j but a..b (those that start inside the date)
    b = bisect_left(starts, date[1], a, j)
    verb, words, after = _verb_marks(text)
    if a > i and (verb[i] or after[a] > after[i + 1]):
        return True
    if b == j:
        return False
    if a > i:  # the first word after the date follows the last before it
        if verb[b] and not (words[b].rstrip(".").endswith("ed")
                            and words[a - 1].rstrip(".").casefold() in _POSSESSORS):
            return True
    elif verb[b]:
        return True
    return after[j] > after[b + 1]


@lru_cache(maxsize=256)
def _verb_marks(text: str) -> tuple[tuple[bool, ...], list[str], list[int]]:
    """For each word of ``text`` (:func:`_sentence_words`): whether it reads as a verb without its full stop
    (:func:`_is_verb`), the word, and how many words before it read as a verb after the word before them
    (:func:`_verb_at`: not an -ed word after a determiner), read once per sentence."""
    groups = _sentence_words(text)[3]
    verb = _sentence_facts(text)[1]
    marks = list(verb)
    for k in compress(range(len(groups)), verb):
        if k and groups[k].rstrip(".").endswith("ed") and groups[k - 1].rstrip(".").casefold() in _POSSESSORS:
            marks[k] = False
    return verb, groups, list(accumulate(marks, initial=0))


def _opens_with_verb(text: str, seg: tuple[int, int], date: tuple[int, int]) -> bool:
    """Whether the first word of the stretch ``seg`` outside the date phrase ``date`` reads as a verb
    (:func:`_is_verb`, :func:`_verb_at` 0 of its words)."""
    at = _word_range(text, *seg)
    if at is None:
        words = [m.group() for m in _words_in(text, *seg) if not date[0] <= m.start() < date[1]]
        return bool(words) and _is_verb(words[0])
    i, j = at
    starts, groups = _sentence_words(text)[1], _sentence_words(text)[3]
    if i < j and date[0] <= starts[i] < date[1]:  # (the date's words are the sentence's from i: the first after)
        i = bisect_left(starts, date[1], i, j)
    return i < j and _is_verb(groups[i])


def _relative(text: str, seg: tuple[int, int], any_relative: bool = False) -> bool:
    """Whether the stretch ``seg`` is a relative clause on a person (", who ...,"; with ``any_relative`` also
    one that opens with "which" or "that")."""
    return _first_word(text, *seg) in (_RELATIVE_ANY if any_relative else _RELATIVE_PERSON)


def _first_word(text: str, lo: int, hi: int) -> str:
    """The first word of ``text[lo:hi]`` (:func:`_words_in`), or ""."""
    at = _word_range(text, lo, hi)
    if at is None:
        first = _words_in(text, lo, hi)[:1]
        return first[0].group() if first else ""
    return _sentence_words(text)[3][at[0]] if at[0] < at[1] else ""


def _is_attribution(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` is a parenthetical attribution: "Ms. Conlin said", "said Kelli Conlin"."""
    words = [m.group() for m in _words_in(text, lo, hi)]
    attribution = _words()["attribution"]
    return 1 < len(words) <= 6 and (words[-1].casefold() in attribution or words[0].casefold() in attribution)


@lru_cache(maxsize=1024)
def own_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause the date phrase ``text[start:end]`` belongs to (see the module's rule).

    A stretch between separators with no verb is no clause of its own: a fronted phrase ("On Friday,") gives
    its date to the clause after it, the subject's appositives ("Mr. Clarke, 61, had ...") join the verb after
    them, and an adjunct after a clause (", four days after ...") joins the clause before it.

    Example:
        >>> s = "On Friday, Tokayev ordered troops to fire, saying the protesters were terrorists."
        >>> lo, hi = own_clause(s, 3, 9)
        >>> s[lo:hi]
        'Tokayev ordered troops to fire'
    """
    segs = _clause_stretches(text, start, end)
    if not segs:
        return start, end
    date = (start, end)
    k = next((i for i, (lo, hi) in enumerate(segs) if lo <= start < hi), len(segs) - 1)
    first = _first_word(text, *segs[k])
    verbless = not _has_verb(text, segs[k], date)

    def comma_after(i: int) -> bool:  # (a comma, no quotation mark: a quotation is a clause of its own)
        gap = text[segs[i][1]:segs[i + 1][0]] if i + 1 < len(segs) else text[segs[i][1]:]
        bare = gap.replace("(", "").replace(")", "").strip()  # ("George Zimmerman (left) shot")
        return (bare[:1] == "," or (not bare and any(b in gap for b in "()"))) and not any(
            q in gap for q in _QUOTES)

    def opens(i: int, words: frozenset[str]) -> bool:
        first = _first_word(text, *segs[i])
        return first[:1].islower() and first.casefold() in words

    def joins_next(i: int) -> bool:  # the stretch ends in a comma, or a relative clause follows it
        return comma_after(i) or (i + 1 < len(segs) and _relative(text, segs[i + 1]))

    k0 = k
    before = text[segs[k - 1][1]:segs[k][0]] if k else ""
    fronted = verbless and first and (k == 0 or (first.casefold() in _words()["fronting"]
                                                 and before.strip() == ","))
    j = k
    while fronted and j + 1 < len(segs) and not comma_after(j) and not _has_verb(text, segs[j + 1], date):
        j += 1  # ("With five days remaining until the caucuses,")
    if fronted and comma_after(j) and j + 1 < len(segs):
        k0 = k = j + 1  # a fronted phrase: the clause after it
        w = _words()
        while k + 1 < len(segs) and (_is_attribution(text, *segs[k]) or opens(k, w["subordinators"])
                                     or (opens(k, w["fronting"]) and comma_after(k))
                                     or (not _has_verb(text, segs[k], date) and opens(k + 1, w["subordinators"]))):
            k0 = k = k + 1  # (an attribution, another fronted phrase, "the month after Scalia died,")
        while k + 1 < len(segs) and not _has_verb(text, segs[k], date):
            k += 1  # the subject and its appositives, up to the verb
    elif verbless and not any(_has_verb(text, g, date) for g in segs[:k]):
        k0 = k = k + 1 if k + 1 < len(segs) else k  # a dateline ("NEW YORK, Dec. 22 (UPI) - X announced")
        while k + 1 < len(segs) and not _has_verb(text, segs[k], date):
            k0 = k = k + 1
    elif verbless:
        while k0 > 0 and (not _has_verb(text, segs[k0], date) or (k0 < k and _relative(text, segs[k0], True))):
            k0 -= 1  # an adjunct: the clause before it (not a relative clause in between)
        while k0 > 0 and not _has_verb(text, segs[k0 - 1], date) and joins_next(k0 - 1):
            k0 -= 1
    else:
        if _opens_with_verb(text, segs[k], date):  # a verb with no subject before it: the subject and appositives
            while k0 > 0 and joins_next(k0 - 1) and (
                    not _has_verb(text, segs[k0 - 1], date) or _relative(text, segs[k0 - 1])):
                k0 -= 1
    lo, hi = segs[k0][0], segs[k][1]
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def is_subject(text: str, mention: tuple[int, int], date: tuple[int, int]) -> bool:
    """Whether the name at ``mention`` (start, end) is the subject or the agent of the clause of the date
    phrase at ``date`` (see the module's rule).

    Example:
        >>> s = "Spitzer attacked him on Monday, and Spitzer said the protest on Friday was peaceful."
        >>> is_subject(s, (0, 7), (24, 30)), is_subject(s, (36, 43), (64, 70))
        (True, False)
    """
    s, e = mention
    lo, hi = own_clause(text, *date)
    if text[e:e + 1] in ("'", "’"):  # a possessor: the agent of the dated noun ("Sanders' 2007 vote") only
        return bool(re.fullmatch(r"['’]s?\s*", text[e:date[0]]))  # ("Slepian's death", not the subject)
    if _relative(text, (lo, hi)) and re.fullmatch(r"\s*,\s*", text[e:lo]):
        return True  # "Haley, who delivered the response on Tuesday"
    if not (lo <= s and e <= hi):
        return False
    w = _words()
    before = [m for m in _words_in(text, lo, s) if not (date[0] <= m.start() < date[1])]
    while before and (before[-1].group()[:1].isupper() or before[-1].group().endswith(".")):
        before.pop()  # the name's titles and given names ("Gov. Earl Ray", "Mr.")
    if before and before[-1].group().casefold() in ("by", "от"):
        return True
    if any(m.group().casefold() in w["attribution"] for m in before[-1:]):
        return False  # "said Maureen Connelly": the name attributes words
    if before and before[0].group().casefold() in w["subordinators"]:
        before = before[1:]
    known = _before_subject()
    unknown = [m.group() for m in before
               if m.group()[:1].islower() and m.group().casefold() not in known]
    if any(_is_verb(x) for x in unknown) or len(unknown) > 2:
        return False
    # the name's verb: the first after it in the clause, outside a relative clause on it ("X, who lives ..., said")
    outside = [g for g in _clause_stretches(text, *date)
               if g[1] > e and g[0] < hi and (g[0] <= date[0] < g[1] or not _relative(text, g))]
    after = [m for g in outside for m in _words_in(text, max(g[0], e), min(g[1], hi))]
    verb = next((m for m in after[:6] if _is_verb(m.group().rstrip("."))), None)
    if verb is not None and verb.group().casefold() in w["attribution"] and date[0] > verb.end():
        # the saying is what is dated: "said Friday", "told reporters Friday", "said in an interview on Friday";
        # not "said the strike on Friday ..." (the date is in what was said)
        between = [m.group() for m in _words_in(text, verb.end(), date[0])]
        low = [x.casefold() for x in between]
        if any(x in w["subordinators"] or _is_verb(x) for x in between):
            return False
        return (not between or (low[0] in ("in", "at", "during", "to") and len(between) <= 8)
                or (len(between) <= 2 and not any(x in _POSSESSORS for x in low)))
    return True


def _antecedent(text: str, lo: int) -> str:
    """The capitalised name (up to four words) right before a relative clause that starts at ``lo``."""
    words = _words_in(text, max(0, lo - 80), lo)
    if not words or not re.fullmatch(r"\s*,\s*", text[words[-1].end():lo]):
        return ""
    name: list[str] = []
    for m in reversed(words):
        if not m.group()[:1].isupper() or len(name) == 4:
            break
        name.insert(0, m.group())
    return " ".join(name)


def _segment_words(text: str, seg: tuple[int, int], start: int, end: int) -> list[str]:
    """A stretch's words without the date phrase, the preposition that introduces it and a possessive or
    part-of-day word that hangs on it ("Sunday's debate" : "debate"), each as :func:`_label_word` gives it (the
    sentence's, :func:`_label_words`, where the stretch cuts no word)."""
    lo, hi = seg
    if not (lo <= start < hi):
        at = _word_range(text, lo, hi)
        if at is not None:
            return _label_words(text)[at[0]:at[1]]
        return [_label_word(m.group()) for m in _words_in(text, lo, hi)]
    at = _word_range(text, lo, start)
    if at is None:
        raw = [m.group() for m in _words_in(text, lo, start)]
        words = [_label_word(x) for x in raw]
    else:
        raw, words = _sentence_words(text)[3], _label_words(text)[at[0]:at[1]]
    if words and raw[at[1] - 1 if at is not None else -1].casefold() in _classes()["fronting_prep"]:
        words.pop()
    hang = _HANGING.match(text, end, hi)  # (the words after it: those of text[tail:hi], as a slice of the sentence's)
    tail = hang.end() if hang else end
    words.append(_DATE)  # (where the date stood: an object ends)
    at = _word_range(text, tail, hi)
    if at is None:
        words += map(_label_word, map(re.Match.group, _WORD.finditer(text, tail, hi)))
    else:
        words += _label_words(text)[at[0]:at[1]]
    return words


def _label_words(text: str) -> list[str]:
    """The words of the sentence ``text`` (:func:`_sentence_words`) as :func:`_label_word` gives them."""
    return _sentence_facts(text)[2]


def _label_word(word: str) -> str:
    """A word as a label writes it: a sentence's last word keeps no full stop ("called." : "called"; "U.S." and
    "Mr." keep theirs). (TBAQ's quote marks ``` `` ```, ``''`` are no words of :data:`_WORD`: none to take out.)"""
    return word[:-1] if len(word) > 4 and word.endswith(".") and "." not in word[:-1] else word


@cache
def _classes() -> dict[str, frozenset[str]]:
    """The unions of word classes that the rule tests words against, made once."""
    w = _words()
    return {"fronting_prep": w["fronting"] | _PREPOSITIONS,
            "subordinator_prep": _PREPOSITIONS | w["subordinators"],
            "object_end": _DETERMINERS | _PREPOSITIONS | _POSSESSORS,
            "subject_head": _POSSESSORS | _DETERMINERS | _PRONOUNS}


@cache
def _before_subject() -> frozenset[str]:
    """The small-letter words that may stand before a subject's name: determiners, possessors, titles and roles
    (:func:`_role_words`, read only where a speaker's clause is read)."""
    return _DETERMINERS | _POSSESSORS | _role_words()


def clause_label(text: str, start: int, end: int, *, width: int = 60) -> str:
    """A "who did what" label of the dated mention ``text[start:end]``: the subject, verb group and object of
    its own clause without the date phrase, or "" where no such clause is found (see the module's rule).

    Example:
        >>> clause_label("On Friday, Tokayev ordered troops to fire, saying the protesters were terrorists.", 3, 9)
        'Tokayev ordered troops'
        >>> clause_label("Slepian was shot in the back on Friday night as he stood in his kitchen.", 29, 38)
        'Slepian was shot in the back'
        >>> clause_label("Curt Schilling, a former pitcher, was fired Wednesday, a day after he drew criticism.", 56, 61)
        'Curt Schilling was fired Wednesday'
        >>> clause_label("The fabled 11th century temple that is Cambodia's main tourist attraction.", 11, 23)
        ''
    """
    if "\n" in text or "\t" in text:
        text = re.sub(r"\s", " ", text)
    lo, hi = own_clause(text, start, end)
    segs = [g for g in _clause_stretches(text, start, end) if lo <= g[0] < hi or g[0] <= lo < g[1]]
    segs = [g for g in segs if g[0] <= start < g[1] or not _relative(text, g)] or segs  # (no ", who ...,")
    parts: list[list[str]] = []  # the stretches' words up to the first with a verb (none after it is read)
    found = None
    for g in segs:
        parts.append(_segment_words(text, (max(g[0], lo), min(g[1], hi)), start, end))
        if (at := _verb_at(parts[-1])) is not None:
            found = len(parts) - 1, at
            break
    if found is None:
        return ""
    v, vi = found
    words = parts[v]
    subject = _subject([x for x in (words[:vi] if vi or not v else parts[0]) if x != _DATE], text,
                       max(segs[v][0], lo) if vi or not v else lo)
    said = re.search(rf"(?<!\w){re.escape(words[vi])}(?!\w)", text[:start]) if words[vi].casefold() in \
        _words()["attribution"] else None
    if said and _verb_at([m.group().rstrip(".") for m in _words_in(text, said.end(), start)]) is not None:
        # "X said the machines were removed a few years ago": the date is in what was said; label that clause
        rest = words[vi + 1:]
        vj = _verb_at(rest)
        if vj is None:
            return ""
        words, vi, subject = rest, vj, _subject([x for x in rest[:vj] if x != _DATE], text, lo)
    if not subject:
        return ""
    w = _words()
    verb = [words[vi]]
    j = vi + 1
    while j < len(words) and len(verb) < 5:  # auxiliaries, adverbs and the main verb ("has never been")
        if words[j] == _DATE:
            j += 1
            continue
        low, last = words[j].casefold(), verb[-1].casefold()
        if (low in _ADVERBS or words[j].endswith("ly") or last in w["auxiliaries"] or last in _ADVERBS
                or (last.endswith("ly") and len(verb) > 1)
                or last == "to" or (low == "to" and last in _TO_VERBS)):
            verb.append(words[j])
            j += 1
        else:
            break
    obj: list[str] = []
    for x in words[j:j + 5]:
        if x == _DATE:
            break  # (the object ends where the date stood: "protests since the 2019 reshuffle")
        low = x.casefold()
        if _is_verb(x):  # "said the protests were ...": a clause, not an object
            obj = []
            break
        if obj and (low in w["subordinators"] or low in _PREPOSITIONS):
            break
        obj.append(x)
    after = words[j + len(obj)].casefold() if j + len(obj) < len(words) else ""
    if len(obj) == 5 and after and after != _DATE and after not in _classes()["subordinator_prep"]:
        obj = []  # five words and the object goes on: no object rather than a cut one
    while obj and obj[-1].casefold() in _classes()["object_end"]:
        obj.pop()  # (no object that ends in "the")
    label = " ".join(subject + verb)
    if obj and len(label) + 1 + len(" ".join(obj)) <= width:  # the object whole, or none
        label += " " + " ".join(obj)
    label = label.strip(" ,;:'’\"")
    if len(label) > width:
        return ""
    return label[:1].upper() + label[1:]


_DATE = "\x00"  # where the date phrase stood among a clause's words
_QUOTES = ("\"", "“", "”", "«", "»", "``", "''")
_ALSO_PREPOSITIONS = frozenset({"before", "after", "until", "since", "as", "when", "после", "перед", "когда"})
_CONJUNCTIONS = frozenset({"and", "but", "or", "so", "yet", "и", "а", "но"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "there", "this", "that", "these", "those",
                       "он", "она", "оно", "они", "мы", "я"})
_TO_VERBS = frozenset({"plans", "planned", "plan", "wants", "wanted", "tried", "decided", "agreed", "began",
                       "continued", "scheduled", "expected", "going", "hopes", "hoped", "refused", "vowed",
                       "promised", "threatened", "sought", "needed", "failed", "managed", "intends", "intended",
                       "voted", "moved", "used", "asked", "ordered", "urged", "reported", "said", "believed",
                       "thought", "seemed", "seems", "appeared", "appears", "likely", "due", "set", "able"})


def _subject(words: list[str], text: str, lo: int) -> list[str]:
    """The subject of a clause from the words before its verb: without a clause opener, up to a preposition,
    a relative pronoun's capitalised antecedent after a comma; [] where it does not read as a subject (more
    than six words (eight for a name), more than three or a coordination after a small letter, or a first word that is a preposition, a clause
    opener, an adverb in -ly or a verb)."""
    w = _words()
    subject = list(words)
    while subject and subject[0].casefold() in _CONJUNCTIONS:
        subject.pop(0)  # ("And 500 troops landed", "И 5 января ...")
    if subject and subject[0].casefold() in w["subordinators"]:
        opener = subject.pop(0).casefold()
        if opener in _RELATIVE and not subject:
            name = _antecedent(text, lo)
            subject = name.split() if name else []
    ends = _classes()["subordinator_prep"]
    cut = next((i for i, x in enumerate(subject) if i and x.casefold() in ends), None)
    subject = subject[:cut] if cut else subject
    if not subject or len(subject) > (8 if sum(x[:1].isupper() for x in subject) > len(subject) / 2 else 6):
        return []  # (a long name may take eight words: "the National Abortion and ... Action League")
    head = subject[0]
    low = head.casefold()
    if low in _PREPOSITIONS or low in w["subordinators"] or low.endswith("ly") or _is_verb(head):
        return []  # ("continues to shift ... away": no subject)
    if head[:1].islower() and low not in _classes()["subject_head"] and (len(subject) > 3 or any(x in ("and", "or") for x in subject)
                               or low.endswith(("ed", "en", "ing"))):
        return []  # ("loss includes pretax charges", "born and raised": no subject read without a tagger)
    return subject


def speakers_as_subjects(mentions: list[Any], text: str, start: int, end: int) -> list[Any]:
    """The mentions of one sentence without the named speakers (``source == "speaker"``) that are not the
    subject or agent of the clause of the date phrase ``start``..``end`` (:func:`is_subject`)."""
    return [m for m in mentions if m[4] != "speaker" or is_subject(text, (m[1], m[2]), (start, end))]
