"""Russian language resources, loaded lazily: razdel (sentences, tokens), pymorphy3 (lemmas), natasha (NER).

Sentences, tokens, lemmas and the script test are :mod:`kzlib.text`'s (importable from here as before);
this module adds named entities, names in the nominative and transliteration.

Nothing here is imported or loaded until a Russian document is analysed: pymorphy3's dictionaries take
~0.4 s and natasha's embeddings and NER model ~2 s to load, once per process. All of them ship inside
their packages and work offline.

Example:
    >>> from kzlib.russian.nlp import lemmas, is_russian
    >>> is_russian("Токаев заявил, что порядок восстановлен.")
    True
    >>> "токаев" in lemmas("Токаева")
    True
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kzlib.text.script import CYRILLIC_LETTER as _CYR
from kzlib.text.script import cyrillic_share, is_russian
from kzlib.text.sentences import razdel_sentences
from kzlib.text.tokens import Token, lemma, lemmas, parses, razdel_tokens

__all__ = [
    "Entity",
    "Token",
    "cyrillic_share",
    "entities",
    "is_russian",
    "lemma",
    "lemmas",
    "news_embedding",
    "news_syntax_parser",
    "nominative",
    "parses",
    "sentences",
    "tokens",
    "transliterate",
]

log = logging.getLogger(__name__)

_LOCK = threading.Lock()

# (sentences and tokens are razdel's, lemmas pymorphy3's: the shared tools of kzlib.text, under their old names)
sentences = razdel_sentences
tokens = razdel_tokens


# ------------------------------------------------------------------------------------------------ NER
@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    type: str  # PER, ORG, LOC
    text: str
    normal: str  # nominative form of a person's name (pymorphy3), else the text


_NATASHA: Any = None
_EMBEDDING: Any = None


def news_embedding() -> Any:
    """natasha's bundled navec word vectors (``NewsEmbedding``: 250k lower-case words, 300-d), loaded once
    per process on first use and shared by the NER tagger and the Russian stance features.

    Example:
        >>> emb = news_embedding()
        >>> emb is news_embedding(), "поддержать" in emb, emb["поддержать"].shape
        (True, True, (300,))
    """
    global _EMBEDDING
    if _EMBEDDING is None:
        with _LOCK:
            if _EMBEDDING is None:
                from natasha import NewsEmbedding

                _EMBEDDING = NewsEmbedding()
                log.info("natasha's navec news embedding loaded")
    return _EMBEDDING


_SYNTAX: Any = None


def news_syntax_parser() -> Any:
    """natasha's bundled slovnet dependency parser (``NewsSyntaxParser``) on :func:`news_embedding`'s
    vectors, loaded once per process on first use; ``parser.map(token_lists)`` parses in batches.

    Example:
        >>> [(t.text, t.rel) for t in next(news_syntax_parser().map([["Токаев", "выступил"]])).tokens]
        [('Токаев', 'nsubj'), ('выступил', 'root')]
    """
    global _SYNTAX
    if _SYNTAX is None:
        emb = news_embedding()
        with _LOCK:
            if _SYNTAX is None:
                from natasha import NewsSyntaxParser

                _SYNTAX = NewsSyntaxParser(emb)
                _SYNTAX.batch_size = 32
                log.info("natasha's slovnet syntax parser loaded")
    return _SYNTAX


def _natasha() -> Any:
    global _NATASHA
    if _NATASHA is None:
        emb = news_embedding()
        with _LOCK:
            if _NATASHA is None:
                from natasha import NewsNERTagger, Segmenter

                _NATASHA = (Segmenter(), NewsNERTagger(emb))
                log.info("natasha NER and morphology models loaded")
    return _NATASHA


@lru_cache(maxsize=4096)
def entities(text: str) -> tuple[Entity, ...]:
    """Named entities of a Russian text (natasha/slovnet) with their nominative forms.

    Example:
        >>> [(e.type, e.normal) for e in entities("По словам Ержана Бабакумарова, всё спокойно.")]
        [('PER', 'Ержан Бабакумаров')]
    """
    if not text or not _CYR.search(text):
        return ()
    from natasha import Doc

    seg, ner = _natasha()
    doc = Doc(text)
    doc.segment(seg)
    doc.tag_ner(ner)
    out = []
    for s in doc.spans:
        normal = nominative(s.text) if s.type == "PER" else _head_nominative(s.text)
        out.append(Entity(s.start, s.stop, s.type, s.text, normal))
    return tuple(out)


def _head_nominative(name: str) -> str:
    """An organisation's name with its first word in the nominative ("Минздраве края" -> "Минздрав края")."""
    words = name.split(" ", 1)
    if not _CYR.search(words[0]) or words[0].isupper():
        return name
    p = parses(words[0].lower())[0]
    form = p.inflect({"nomn"}) if p.tag.POS == "NOUN" else None
    if form is None:
        return name
    head = form.word[:1].upper() + form.word[1:] if words[0][:1].isupper() else form.word
    return " ".join([head, *words[1:]])


_NAME_TAGS = {"Name", "Surn", "Patr"}
# Endings of a surname in an oblique case (masculine -ов/-ев/-ин and feminine -ова/-ева/-ина types) and the
# nominative they come from; pymorphy3 guesses unknown (e.g. Kazakh) names poorly, Russian grammar does not.
_SURNAME_CASES = [
    (re.compile(r"(ов|ев|ёв|ин|ын)(а|у|ым|е)$"), {"а": "gent", "у": "datv", "ым": "ablt", "е": "loct"}, "masc"),
    (re.compile(r"(ов|ев|ёв|ин|ын)(ой)$"), {"ой": "gent"}, "femn"),
    (re.compile(r"([аоуеы])(я|ю|ем)$"), {"я": "gent", "ю": "datv", "ем": "ablt"}, "masc"),  # Укибая <- Укибай
]


def _known_name_parses(word: str) -> list[Any]:
    """Dictionary parses of a word as a singular name, declinable ones first (an indeclinable parse has
    every case and says nothing about the one meant)."""
    found = [p for p in parses(word.lower()) if p.is_known and _NAME_TAGS & set(p.tag.grammemes)
             and "sing" in p.tag]
    return sorted(found, key=lambda p: "Fixd" in p.tag)


def _case_and_gender(words: list[str]) -> tuple[str | None, str | None]:
    """The case and gender of a person's name: from a name pymorphy3 knows, else from a surname ending."""
    for w in words:
        known = [p for p in _known_name_parses(w) if "Fixd" not in p.tag]
        if known:
            return known[0].tag.case, known[0].tag.gender
    last = words[-1].lower()
    first = words[0].lower()
    for rx, cases, gender in _SURNAME_CASES:
        m = rx.search(last)
        if m:
            case = cases[m.group(2)]
            if m.group(2) == "а" and len(words) == 1:
                return None, None  # "Захарова" alone: a feminine nominative as likely as a masculine genitive
            if m.group(2) == "а" and not re.search(r"[бвгджзклмнпрстфхцчшщ]а$", first):
                # "Айгуль Нурланова", "Мария Захарова": a feminine nominative; "Ержана Бабакумарова" (a first
                # name the dictionary does not know, in -а after a consonant): a masculine genitive
                return None, None
            return case, gender
    return "nomn", None


def _strip_case(word: str, gender: str | None, case: str, *, first: bool) -> str:
    w = word
    low = w.lower()
    if gender == "femn":
        if re.search(r"(ов|ев|ин|ын)ой$", low):
            return w[:-2] + "а"
        if first and re.search(r"[ыи]$|ой$|е$", low):
            return re.sub(r"(ы|и|ой|е)$", "а", w)
        return w
    if re.search(r"(ов|ев|ёв|ин|ын)(а|у|ым|е)$", low):
        return re.sub(r"(а|у|ым|е)$", "", w)
    if first or case != "nomn":
        if re.search(r"[аеиоуыэюя]я$|[аеиоуыэюя]ю$", low):  # Укибая -> Укибай
            return w[:-1] + "й"
        if re.search(r"[аеиоуыэюя]ем$", low):
            return w[:-2] + "й"
        if re.search(r"[бвгджзклмнпрстфхцчшщ](а|у|е)$", low):  # Ержана -> Ержан, Айдосу -> Айдос
            return w[:-1]
        if re.search(r"[бвгджзклмнпрстфхцчшщ]ом$", low):
            return w[:-2]
    return w


def nominative(name: str) -> str:
    """A person's name in the nominative: pymorphy3 for names its dictionary knows, Russian declension
    rules for the others (many Kazakh names), the gender of the first name deciding the surname's.

    Example:
        >>> nominative("Ержана Бабакумарова"), nominative("Марии Захаровой"), nominative("Ерлан Тургумбаев")
        ('Ержан Бабакумаров', 'Мария Захарова', 'Ерлан Тургумбаев')
        >>> nominative("Айдоса Укибая"), nominative("Сергея Шойгу")
        ('Айдос Укибай', 'Сергей Шойгу')
    """
    words = name.split()
    if not words or not any(_CYR.search(w) for w in words):
        return name
    case, gender = _case_and_gender(words)
    if case in (None, "nomn"):
        return " ".join(words)
    out = []
    for i, w in enumerate(words):
        known = [p for p in _known_name_parses(w)
                 if "Fixd" in p.tag or (p.tag.case == case and (gender is None or p.tag.gender == gender
                                                                 or "ms-f" in p.tag))]
        if known and "Fixd" in known[0].tag:  # "Шойгу": indeclinable
            out.append(w)
            continue
        form = known[0].inflect({"nomn"}) if known else None
        if form is not None:
            word = form.word
            out.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
        else:
            out.append(_strip_case(w, gender, case, first=i == 0 and len(words) > 1))
    return " ".join(out)


# ------------------------------------------------------------------------------------- transliteration
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "қ": "q", "ғ": "gh", "ң": "ng", "ө": "o", "ү": "u", "ұ": "u",
    "һ": "h", "ә": "a",
}
_VOWELS = set("аеёиоуыэюяъь")


def transliterate(name: str) -> str:
    """A Cyrillic name in Latin letters (BGN/PCGN-style: initial and post-vowel е → ye, -ий → -iy).

    Example:
        >>> transliterate("Ержан Бабакумаров")
        'Yerzhan Babakumarov'
    """
    out = []
    prev = ""
    for ch in name:
        low = ch.lower()
        if low in _TRANSLIT:
            lat = _TRANSLIT[low]
            if low == "е" and (not prev or not prev.isalpha() or prev.lower() in _VOWELS):
                lat = "ye"
            if ch.isupper() and lat:
                lat = lat[0].upper() + lat[1:]
            out.append(lat)
        else:
            out.append(ch)
        prev = ch
    return "".join(out)
