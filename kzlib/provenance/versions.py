"""What kind of copy a document is, read off its own text: spun, machine-translated, translated,
republished, original or unknown."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

import pandas as pd

from kzlib.provenance.features import _LETTER_WORDS, _ascii_word_count
from kzlib.provenance.spin import SPIN_THRESHOLD

__all__ = ["detect_versions", "VERSIONS"]

log = logging.getLogger(__name__)


VERSIONS = ("original", "spun", "machine-translated", "republished", "translated", "unknown")
# Which copy represents a story: the least altered one first.
_VERSION_RANK = {"original": 0, "republished": 1, "translated": 2, "machine-translated": 3, "spun": 4, "unknown": 5}


# --- versions ----------------------------------------------------------------------------------------

_ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Mr|Mrs|Ms|Dr|St|vs|etc|No|Gen|Sen|Rep|Jr|Sr|Inc|Co|Corp|Ltd|Col|Lt|Gov|Prof|approx)\.$")
_LOWER_START = re.compile(r"(\S+)[.!?]\s+([a-z][a-z]*)")
_SPACE_PUNCT = re.compile(r"[.,;:]\s+[,.;:](?=\s|$|[\"”])|\w\s+[,;](?=\s|$)")
_STRANDED = re.compile(r"(?:(?<=[.!?] )|(?<=[.!?][\"”] )|^)(?:Is|Are|Was|Were|Has|Have|Had|Been|It was|It is)"
                       r"[.,][\"”]?(?=\s|$)", re.MULTILINE)
_DASH_PARA = re.compile(r"^\s*[–—]\s+\S", re.MULTILINE)
_DASH_ATTRIB = re.compile(r"[\"”»]?\s*,?\s+[–—]\s+(?:he|she|they|I|we|says?|said|explains?|notes?|adds?|believes?|"
                          r"stresses?|according)\b")
_SPACE_CLOSE_QUOTE = re.compile(r"\w[,.!?]?\s+”")
# as many matches as the two patterns above, searched from a character re finds fast (a dash, a closing
# quote): each match of those holds one dash / one closing quote, and needs only the white space just
# before it (and the word after the dash / the word character, with maybe , . ! or ?, before the space)
_DASH_ATTRIB_AT_DASH = re.compile(r"[–—](?<=\s[–—])\s+(?:he|she|they|I|we|says?|said|explains?|notes?|adds?|"
                                  r"believes?|stresses?|according)\b")
# the Russian convention proper: the attribution dash follows the quoted words' own comma, "!" or "?"
# ("..., – he said"); English puts its em dash after a word ("the field — he's had")
_DASH_ATTRIB_AFTER_PUNCT = re.compile(r"[–—](?:(?<=[,!?…]\s[–—])|(?<=[,!?…][\"”»]\s[–—]))\s+"
                                      r"(?:he|she|they|I|we|says?|said|explains?|notes?|adds?|"
                                      r"believes?|stresses?|according)\b")
# a lower-case letter followed by a capital inside one token: two words glued where page extraction lost
# the space between them ("thatU.S."); the token's abbreviation is read off the part after the junction
_GLUED_JUNCTION = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CLOSE_QUOTE_AFTER_SPACE = re.compile(r"”(?<=\s”)")
_TRANSLATED_NOTE = re.compile(r"\btranslated (?:from|by)\b|\btranslation (?:from|by)\b", re.IGNORECASE)


# cheap necessary conditions of the patterns above (a text without them has no match)
_LOWER_START_AT_TOKEN = re.compile(r"(?<!\S)(\S+)[.!?]\s+([a-z][a-z]*)")
_LOWER_NEEDS = re.compile(r"[.!?]\s+[a-z]")
_STRANDED_NEEDS = re.compile(r"(?:Is|Are|Was|Were|Has|Have|Had|Been|It was|It is)[.,]")
_SPACE_PUNCT_NEEDS = re.compile(r"[,.;:](?<=\s[,.;:])")   # (searched from the rarer character)


def _lower_starts(text: str) -> Iterable[re.Match]:
    """The matches of ``_LOWER_START.finditer(text)``, found faster: a match starts at a word's first
    character, or where the previous match ended (inside a word)."""
    pos = 0
    while True:
        m = _LOWER_START.match(text, pos) if pos and not text[pos - 1].isspace() else None
        if m is None:
            m = _next_lower_start(text, pos)
            if m is None:
                return
        yield m
        pos = m.end()


def _next_lower_start(text: str, pos: int) -> re.Match | None:
    """``_LOWER_START_AT_TOKEN.search(text, pos)``, found faster: a match lies in one word (white-space
    delimited) and the space after it, and that word holds the match's ``[.!?]\\s+[a-z]``
    (``_LOWER_NEEDS``); so only the words where ``_LOWER_NEEDS`` is found are tried, from their start
    (or ``pos``, inside the first)."""
    at = pos
    while (need := _LOWER_NEEDS.search(text, at)) is not None:
        start = need.start()
        while start > pos and not text[start - 1].isspace():
            start -= 1
        m = _LOWER_START_AT_TOKEN.match(text, start)
        if m is not None:
            return m
        at = need.start() + 1
    return None


def _is_elision_or_abbreviation(token: str) -> bool:
    """Whether ``token`` followed by a full stop ends no sentence: an abbreviation ("Gen", "U.S"), an
    abbreviation glued to the word before it where page extraction lost a space ("thatU.S"), or an
    ellipsis ("...", "word…."): an editor's elision in a quotation or a speaker trailing off, which a
    lower-case word may follow; machine translation cuts a sentence with one full stop.

    Example:
        >>> [_is_elision_or_abbreviation(t) for t in ("thatU.S", "is ..", "past..", "Gen", "Ukraine")]
        [True, True, True, True, False]
    """
    if token.endswith((".", "…")):
        return True
    tail = _GLUED_JUNCTION.split(token)[-1]
    return bool(_ABBREV_END.search(token + ".") or _ABBREV_END.search(tail + "."))


def _mt_evidence(text: str) -> list[str]:
    """The snippets of :func:`_mt_artefacts`."""
    return [snippet for _, snippet in _mt_artefacts(text)]


def _mt_artefacts(text: str) -> list[tuple[str, str]]:
    """Artefacts of machine translation, as (kind, snippet): a ``cut sentence`` (a lower-case word after a
    full stop in the same paragraph, the stop ending no abbreviation nor ellipsis: :func:`_sentence_cut`),
    a ``stranded auxiliary`` ("... Agreement. Is. The ..."), ``stray punctuation`` (". ,"). Editorial
    typography is none of them: a spaced ellipsis (". . .") is an elision, and a lower-case word that
    opens a paragraph (a list bullet "l", a paragraph broken by page extraction) or follows "!" or "?" (a
    name such as "Black Girls Rock!", a quoted question) is no sentence cut by a translation engine.

    Example:
        >>> _mt_artefacts("He spoke. . . . and left.\\n\\nl Item one.\\n\\nThey met. sought peace. Is. Done.")
        [('cut sentence', 'met. sought'), ('stranded auxiliary', 'Is.')]
    """
    found = [("cut sentence", m.group(0)) for m in _lower_starts(text) if _sentence_cut(m)]
    if _STRANDED_NEEDS.search(text):
        found += [("stranded auxiliary", m.group(0).strip()) for m in _STRANDED.finditer(text)]
    if _SPACE_PUNCT_NEEDS.search(text):
        plain = _SPACED_ELLIPSIS.sub("…", text)
        found += [("stray punctuation", m.group(0)) for m in _SPACE_PUNCT.finditer(plain)]
    return found


#: A spaced ellipsis (". . ." or ". . . ."), the AP style of an elision.
_SPACED_ELLIPSIS = re.compile(r"\.(?:[ \u00a0]\.){2,}")


def _sentence_cut(m: re.Match) -> bool:
    """Whether a match of ``_LOWER_START`` is a sentence cut in the middle: its word ends with a full stop
    (not "!" nor "?") that ends no abbreviation nor ellipsis, and the lower-case word follows in the same
    paragraph (no line break between them)."""
    stop = m.end(1)
    return (m.string[stop] == "." and "\n" not in m.string[stop:m.start(2)]
            and not _is_elision_or_abbreviation(m.group(1)))


#: Machine translation is read from artefacts of at least this many kinds (:func:`_mt_artefacts`): one kind
#: alone is as often a text's own typography or extraction ...
MT_MIN_KINDS = 2
#: ... unless that one kind comes at least this many times as often as the rate threshold, in at least
#: :data:`MT_ONE_KIND_MIN` artefacts (a cut sentence every few sentences is no house style).
MT_ONE_KIND_FACTOR = 5.0
MT_ONE_KIND_MIN = 5


def _machine_translated(artefacts: list[tuple[str, str]], rate: float, *, mt_threshold: float) -> bool:
    """Whether a text's MT artefacts (:func:`_mt_artefacts`; ``rate`` of them per 1,000 words) make it
    machine-translated: three at least, at ``mt_threshold`` per 1,000 words or more, of
    :data:`MT_MIN_KINDS` kinds -- or of one kind at :data:`MT_ONE_KIND_FACTOR` times the threshold, in
    :data:`MT_ONE_KIND_MIN` artefacts at least.

    Example:
        >>> cut, aux = ("cut sentence", "met. sought"), ("stranded auxiliary", "Is.")
        >>> _machine_translated([cut, cut, aux], 3.0, mt_threshold=2.0), _machine_translated([cut] * 3, 3.0, mt_threshold=2.0)
        (True, False)
        >>> _machine_translated([cut] * 6, 12.0, mt_threshold=2.0)
        True
    """
    if len(artefacts) < 3 or rate < mt_threshold:
        return False
    if len({kind for kind, _ in artefacts}) >= MT_MIN_KINDS:
        return True
    return len(artefacts) >= MT_ONE_KIND_MIN and rate >= MT_ONE_KIND_FACTOR * mt_threshold


def _translation_evidence(text: str) -> int:
    """Conventions a human translation from Russian (and other languages) carries over: dash-led
    direct speech, dash attributions ("..., – he said") and a space before a closing quotation mark.

    English starts list items with a dash ("— Carol Lee of the Journal, winner of ..."), so a paragraph
    led by a dash is speech only where it carries a dash attribution itself ("– We will – he said"), or
    where the text shows the convention proper, an attribution dash after the quoted words' own comma,
    "!" or "?" ("..., – he said"): an interview's dash-led answers need not each carry one.

    Example:
        >>> _translation_evidence("— Carol Lee, winner.\\n\\n— Matt Viser, winner.")
        0
        >>> _translation_evidence("– We left, – he said.\\n\\n– And then?")
        3
    """
    n = 0
    if "–" in text or "—" in text:
        n += len(_DASH_ATTRIB_AT_DASH.findall(text)) + _dash_led_speech(text)
    if "”" in text:
        n += _spaces_before_close_quotes(text)
    if "translat" in text.casefold():
        n += 5 * len(_TRANSLATED_NOTE.findall(text))
    return n


def _dash_led_speech(text: str) -> int:
    """The paragraphs led by a dash that are direct speech (see :func:`_translation_evidence`).

    Example:
        >>> _dash_led_speech("— Carol Lee, winner.\\n\\n— We stay – he said.\\n\\n— Matt Viser.")
        1
    """
    paras = list(_DASH_PARA.finditer(text))
    if not paras or _DASH_ATTRIB_AFTER_PUNCT.search(text):
        return len(paras)
    n = 0
    for m in paras:
        end = text.find("\n", m.end() - 1)
        n += _DASH_ATTRIB_AT_DASH.search(text, m.end() - 1, len(text) if end < 0 else end) is not None
    return n


def _spaces_before_close_quotes(text: str) -> int:
    """``len(_SPACE_CLOSE_QUOTE.findall(text))``, found from each closing quote after white space (few):
    the quotes preceded by white space that follows a word character, with maybe , . ! or ? between.
    ``str.isspace`` and ``str.isalnum`` (or "_") are ``re``'s ``\\s`` and ``\\w`` on every code point.

    Example:
        >>> _spaces_before_close_quotes("“We left ”, he said. “No ” and “ ”.")
        2
    """
    n = 0
    for m in _CLOSE_QUOTE_AFTER_SPACE.finditer(text):
        i = m.start() - 1
        while i > 0 and text[i - 1].isspace():       # back to the start of the white space
            i -= 1
        if i > 0 and text[i - 1] in ",.!?":
            i -= 1
        n += i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    return n


def _word_counts(text: str) -> tuple[int, int]:
    """(words of any script, words of ASCII letters) of ``text``. The words of other scripts are counted
    only where the ASCII words are few for the text's length (one per 8 characters, where English has
    one per 6): a text with that many ASCII words is read as English whatever else it holds, and
    counting the others would cost a second pass over every English text.

    Example:
        >>> _word_counts("Токаев met Putin.")
        (3, 2)
    """
    n_ascii = _ascii_word_count(text)                                 # len(_WORDS.findall(text))
    if len(text) <= 8 * n_ascii:
        return n_ascii, n_ascii
    return len(_LETTER_WORDS.findall(text)), n_ascii


def detect_versions(texts: pd.Series, *, spin_scores: pd.Series, stories: pd.Series | None = None,
                    republished: pd.Series | None = None, spin_threshold: float = SPIN_THRESHOLD,
                    mt_threshold: float = 2.0, translation_threshold: float = 5.0,
                    min_words: int = 50, spun: pd.Series | None = None) -> pd.DataFrame:
    """Detect what kind of copy each document is, from its own text.

    ``texts`` (raw body text) and ``spin_scores`` are indexed by ``doc_id``; ``republished`` marks
    documents carrying a syndication notice. Rules, in this order: ``spun`` (spin score >=
    ``spin_threshold``), ``machine-translated`` (MT artefacts per 1,000 words >= ``mt_threshold``),
    ``translated`` (translation conventions per 1,000 words >= ``translation_threshold``),
    ``republished`` (a syndication notice), ``unknown`` (fewer than ``min_words`` words, of any
    script), else ``original``. The machine-translation and translation rules also need three artefacts
    at least (machine translation: of two kinds, or one at a far higher rate: :func:`_machine_translated`),
    and read English: a text most of whose words are not in ASCII letters (Russian, Kazakh,
    Greek ...) writes dash-led speech and lower-case sentence starts by its own conventions, so they are
    not applied there (its evidence says so). ``spun`` (bool per ``doc_id``), where given, is the spin
    decision (:func:`kzlib.provenance.spin.judged_spun`, which also weighs the number of matches) in
    place of ``spin_scores >= spin_threshold``.
    Returns ``version_detected``, ``mt_score``, ``translation_score``, ``version_evidence``.

    Example:
        >>> t = pd.Series({"a": "The talks began. will continue next week. Is. On Monday officials said. " * 10})
        >>> detect_versions(t, spin_scores=pd.Series({"a": 0.0}))["version_detected"].item()
        'machine-translated'
    """
    rows = []
    n_other_script = 0
    # the per-document inputs as dicts (a Series' .get costs microseconds, read three times per document)
    spin_of = spin_scores.to_dict()
    notice_of = republished.to_dict() if republished is not None else {}
    spun_of = spun.to_dict() if spun is not None else None
    for doc_id, text in texts.items():
        n_all, n_ascii = _word_counts(text)
        n_words = max(n_all, 1)
        english = 2 * n_ascii >= n_all
        n_other_script += not english
        artefacts = _mt_artefacts(text) if english else []
        mt_found = [snippet for _, snippet in artefacts]
        n_tr = _translation_evidence(text) if english else 0
        mt = 1000.0 * len(mt_found) / n_words
        tr = 1000.0 * n_tr / n_words
        spin = float(spin_of.get(doc_id, 0.0))
        notice = bool(notice_of.get(doc_id, False))
        is_spun = bool(spun_of.get(doc_id, False)) if spun_of is not None else spin >= spin_threshold
        if is_spun:
            version = "spun"
        elif _machine_translated(artefacts, mt, mt_threshold=mt_threshold):
            version = "machine-translated"
        elif tr >= translation_threshold and n_tr >= 3:
            version = "translated"
        elif notice:
            version = "republished"
        elif n_words < min_words:
            version = "unknown"
        else:
            version = "original"
        evidence = [f"spin {spin:.1f}/1000 words"]
        if spin >= spin_threshold and not is_spun:
            evidence.append("not spun: no more spinner phrases than clean text of its length shows by chance")
        if mt_found:
            evidence.append(_mt_note(artefacts))
        if n_tr:
            evidence.append(f"{n_tr} translation conventions (dash-led speech, dash attributions)")
        if notice:
            evidence.append("syndication notice")
        if not english:
            evidence.append("not English (most words not in ASCII letters): no translation rules")
        rows.append({"doc_id": doc_id, "version_detected": version, "mt_score": round(mt, 2),
                     "translation_score": round(tr, 2), "version_evidence": "; ".join(evidence)})
    if n_other_script:
        log.info("detect_versions: %d of %d documents are mostly not in ASCII letters; the machine-translation "
                 "and translation rules (English conventions) were not applied to them", n_other_script, len(texts))
    return pd.DataFrame(rows, columns=["doc_id", "version_detected", "mt_score", "translation_score",
                                       "version_evidence"]).set_index("doc_id")


def _mt_note(artefacts: list[tuple[str, str]]) -> str:
    """The evidence note on a document's machine-translation artefacts (:func:`_mt_artefacts`).

    Example:
        >>> _mt_note([("cut sentence", "met. sought"), ("cut sentence", "end. of")])
        "2 MT artefacts of 1 kind ('met. sought'; 'end. of')"
    """
    kinds = len({k for k, _ in artefacts})
    return (f"{len(artefacts)} MT artefacts of {kinds} kind{'s' if kinds != 1 else ''} "
            f"({'; '.join(repr(x) for _, x in artefacts[:3])})")
