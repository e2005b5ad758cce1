"""Cleaning one corpus in one process: paragraphs labelled by kind, furniture removed with reasons, sentences
split (the whole of :mod:`kzlib.clean` but :func:`~kzlib.clean.clean_by_partition`)."""


from __future__ import annotations

import logging
import re
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd
import yaml

from kzlib._memory import releases_memory
from kzlib.clean._lines import _CAPITALISED_WORD, _SENTENCE_END, _embedded_post, _headline_like, _may_hold
from kzlib.corpus import Corpus
from kzlib.errors import ParameterError, require_columns
from kzlib.text.calendar import month_number, month_pattern, weekday_pattern
from kzlib.text.script import cyrillic_share
from kzlib.text.sentences import SentenceSplitter, razdel_sentences

log = logging.getLogger(__name__)

PARAGRAPH_KINDS = ("body", "title", "dateline", "caption", "credit", "tags", "boilerplate", "post")
#: Characters of text Punkt is trained on at most (see :class:`SentenceSplitter`); a larger corpus gives a
#: deterministic sample of its documents (every k-th), the same whichever engine cleans it.
PUNKT_TRAIN_CHARS = 500_000

_MONTH_RE = rf"{month_pattern()}\.?"
_WEEKDAY_RE = rf"{weekday_pattern(abbreviations=True)}\.?"
_DATELINE = re.compile(
    rf"^(?:{_WEEKDAY_RE},?\s+)?(?:(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
    rf"(?:,?\s+\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?)?\W*$",
    re.IGNORECASE,
)
# A wire-service caption ends with "<Place>, <Month> <day>, <year>." ("... in Almaty, Kazakhstan, January 5, 2022.")
_CAPTION_DATE_END = re.compile(rf",\s+{_MONTH_RE}\s+\d{{1,2}},\s+\d{{4}}\.\s*(?:\([^()]*\))?\s*$", re.IGNORECASE)
_PAREN_CREDIT_END = re.compile(r"\((?:photo|credit|image|source)?:?[^()]{2,80}(?:/|\bvia\b)[^()]*\)\s*$", re.IGNORECASE)
_PHOTO_WORD_END = re.compile(r"\((?:photo|credit|image)\s*:[^()]{2,100}\)\s*$", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:;\"'”’»)]\s*$")
_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W+")
_QUOTE_OPEN = re.compile(r"^\s*[\"“”«‘'–—-]")
_REPUBLISHED_FROM = re.compile(
    r"(?:re)?published (?:from|by)\W+(?P<src>[\w .&'-]+?)\W*(?:[-–—|]|\bread\b|$)", re.IGNORECASE)
# a syndication notice speaks of the text itself: it opens with "(Re)published from/by/on …", "Originally
# published …", or "This article/story/post … was (first) published …". "The decree was published by the press
# service" (another thing published) is article text.
_SYNDICATION_NOTICE = re.compile(
    r"^\W*(?:(?:this|the)\s+(?:article|story|piece|post|column|interview|content|text|version)"
    r"\b[\w ,]{0,30}?\s+(?:was|is|has\s+been|had\s+been)\s+)?(?:first\s+|originally\s+)?(?:re)?published\s+"
    r"(?:from|by|on|in)\b", re.IGNORECASE)
_BLOCK_BREAK = re.compile(r"\n\s*\n")
_LINE_SPACES = re.compile(r"[ \t\u00a0]+")
_SPACES = re.compile(r"\s+")
_LINE_END_STOPS = (".", "!", "?", ":", '"', "”")   # a hard-wrapped line does not end a sentence
_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_NAMES_SLASH = re.compile(r"\w\s*/\s*\w")
_TAGS_LABEL = re.compile(r"^(tags|keywords|topics|filed under)\s*:\s*", re.IGNORECASE)
_TAG_SEPARATORS = re.compile(r"[,;|#]")
_TITLE_END = (".", ";", ":", ",", '"', "”")
_BYLINE = re.compile(r"^\s*(?:by|от|автор)\s", re.IGNORECASE)

# Russian datelines: "АЛМАТЫ, 6 января. /ТАСС/.", "Москва. 6 января. INTERFAX.RU -", "10 января 2022, 11:02",
# "06/01/2022 - 10:12 (по МСК)", "• 3.01.2022, 15:31" (place, weekday, time and agency optional)
_RU_MONTH_RE = rf"{month_pattern(language='ru')}\.?"
_RU_PLACE = r"[А-ЯЁA-Z][А-ЯЁа-яёA-Za-z-]+(?:[ -][А-ЯЁA-Z][А-ЯЁа-яёA-Za-z-]+)?\s*[.,]\s*"
_RU_DATE = (rf"(?:(?P<d>\d{{1,2}})\s+(?P<m>{_RU_MONTH_RE})(?:\s+(?P<y>\d{{4}})(?:\s*(?:г\.|года?))?)?"
            r"|(?P<nd>\d{1,2})(?P<sep>[./])(?P<nm>\d{1,2})(?P=sep)(?P<ny>\d{4}))")
_RU_TIME = r"(?:\s*(?:[,–—-]|\bв\b)?\s*\d{1,2}:\d{2}(?:\s*\((?i:по\s+)?(?i:мск|msk|[а-яё]+\s+времени)\))?)"
# an agency mark: "/ТАСС/", "INTERFAX.RU", "РИА Новости" (capitalised words after a dash)
_RU_AGENCY = r"(?:/\s*[^/\s][^/]{0,30}/|[A-ZА-ЯЁ][A-ZА-ЯЁ0-9-]*[A-ZА-ЯЁ](?:\.[A-Za-zА-Яа-я]{2,4})?)"
_RU_DATELINE = re.compile(
    rf"^[\s•·▪*–—-]*(?:{_RU_PLACE})?(?:(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье),?\s+)?"
    rf"{_RU_DATE}{_RU_TIME}?(?:[\s.,]*(?:[–—-]\s*)?{_RU_AGENCY}|[\s.,]*[–—-]\s*[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*){{0,2}})?"
    r"[\s.,:;–—-]*$")
# a dateline with an agency mark glued to the first sentence: "Москва. 6 января. INTERFAX.RU - Президент …"
_RU_DATELINE_LEAD = re.compile(
    rf"^(?P<dl>{_RU_PLACE}{_RU_DATE}{_RU_TIME}?[\s.,]*{_RU_AGENCY}\s*[.,]?\s*[–—-]?)\s+(?=[\w«\"„“])")
# a photo credit glued between two sentences: "… 3 января. Фото: Иван Петров / ТАСС Протестующие …"
_INLINE_CREDIT = re.compile(
    r"(?<=[.!?…»\"”])\s+(?P<c>(?:Фото|Фотография|Photo)\s*:\s*[^/.!?:\n]{2,60}?(?:\s/\s[^/.!?:\n]{2,60})*"
    r"\s*/\s*[^\s/]+(?:/[^\s/]+)*)(?=\s|$)")


@dataclass(frozen=True)
class _Furniture:
    end_markers: re.Pattern
    boilerplate: re.Pattern
    caption_openers: re.Pattern
    agencies: re.Pattern
    notes: re.Pattern
    sidebar_headings: re.Pattern
    credit_labels: re.Pattern
    outlet_lines: re.Pattern
    bare_credits: re.Pattern
    signoffs: re.Pattern
    signoff_needs: tuple[str, ...] | None   # one of these words is in every sign-off (None: not known)
    widget_labels: re.Pattern
    link_lists: re.Pattern
    contributors: re.Pattern


@lru_cache(maxsize=1)
def _furniture() -> _Furniture:
    data = yaml.safe_load(resources.files("kzlib.data").joinpath("furniture.yaml").read_text("utf-8"))

    def union(key: str, *, full: bool = True) -> re.Pattern:
        alts = "|".join(f"(?:{row['pattern']})" for row in data[key])
        return re.compile(rf"^\s*(?:{alts})\s*$" if full else alts, re.IGNORECASE)

    labels = "|".join(f"(?:{row['pattern']})" for row in data["credit_labels"])
    credits = "|".join(f"(?:{row['pattern']})" for row in data["bare_credits"])
    needs = [row.get("needs") for row in data["signoffs"]]
    signoff_needs = None if None in needs else tuple(word.lower() for row in needs for word in row)
    return _Furniture(union("end_markers"), union("boilerplate"), union("caption_openers"),
                      union("agencies", full=False), union("notes"), union("sidebar_headings"),
                      re.compile(rf"^(?:{labels})\s*:", re.IGNORECASE), union("outlet_lines"),
                      re.compile(rf"^\s*(?:{credits})\s*$"), union("signoffs"), signoff_needs,
                      union("widget_labels"), union("link_list_headings"), union("contributor_lines"))


#: the reason of a bare credit line (:func:`_is_credit`): it makes no neighbour a caption
_BARE_CREDIT = "photo credit (only an agency's name, or 'NAME via AGENCY')"
#: the reason of a wire's contributor line: a credit of the text, not of a picture (no neighbour is a caption)
_CONTRIBUTORS = "the wire's contributor line ('Reporting by …; Editing by …')"
#: a token glued from capitalised words ("FlagShareLikeReply"), not a hashtag or handle, and its words
_GLUED = re.compile(r"(?<![#@\w])[A-Za-z]*[a-z][A-Z][A-Za-z]*")
_GLUED_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
_LOWER_UPPER = re.compile(r"[A-Z](?<=[a-z][A-Z])")   # a small letter before a capital, searched from the capital (rarer)


def _is_widget_chrome(text: str, n_words: int) -> bool:
    """Whether a paragraph (of at most 100 words) holds a token glued from three or more capitalised
    words of which two or more are widget labels (``furniture.yaml``: ``widget_labels``): a comment or
    live-blog widget's buttons scraped as text ("FlagShareLikeReplyPaige Lavender 5ptsmoderator…").

    Example:
        >>> _is_widget_chrome("FlagShareLikeReplyAnn Lee 5ptsmoderatorFeatured 9:52PMDebate Notes", 7)
        True
        >>> _is_widget_chrome("McDonald's posted on #ShareTheLove with PowerPoint slides.", 8)
        False
    """
    if n_words > 100 or not _LOWER_UPPER.search(text):
        return False  # (a glued token has a small letter before a capital: one C-speed scan rules most text out)
    labels = _furniture().widget_labels
    for m in _GLUED.finditer(text):
        parts = _GLUED_PART.findall(m.group())
        if len(parts) >= 3 and sum(bool(labels.match(x)) for x in parts) >= 2:
            return True
    return False


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _ends_with(text: str, chars: tuple[str, ...]) -> bool:
    """``re.search("[chars]$", text)``: ``$`` also matches before a final line break."""
    return text.endswith(chars) or (text.endswith("\n") and text[:-1].endswith(chars))


def _words_of_key(text: str, key: str) -> int:
    """:func:`_n_words` of ``text`` from its key (``_NON_WORD.sub(" ", text.lower()).strip()``: its words
    joined by single spaces). Lower-casing keeps every character a word character or not, except "İ"
    (U+0130, lower-cased to "i" and a combining dot): such text is counted directly."""
    if "\u0130" in text:
        return _n_words(text)
    return key.count(" ") + 1 if key else 0


#: ASCII's non-word characters (``\W``) made blanks: an ASCII paragraph's key (:func:`_key`) without a pattern
_ASCII_NON_WORD_TO_BLANK = str.maketrans({chr(i): " " for i in range(128) if not _WORD.match(chr(i))})


def _key(text: str) -> str:
    """A paragraph's key, ``_NON_WORD.sub(" ", text.lower()).strip()``: its lower-cased words joined by one
    space (an ASCII paragraph's, most of them, made by ``str.translate`` and ``str.split``: cheaper so).

    Example:
        >>> _key(" Hello, World -- 42!"), _key("«Ünïcode» text_1")
        ('hello world 42', 'ünïcode text_1')
    """
    if text.isascii():
        return " ".join(text.lower().translate(_ASCII_NON_WORD_TO_BLANK).split())
    return " ".join(_WORD.findall(text.lower()))


def split_paragraphs(text: str) -> list[str]:
    """Split a document into paragraphs.

    Blank lines separate blocks. Inside a block, each line is a paragraph (web copies put one
    paragraph per line) unless the block is hard-wrapped — every line but the last long and not
    ending a sentence — in which case its lines are joined.

    A dateline glued to the first sentence ("Москва. 6 января. INTERFAX.RU - Президент …") and a photo
    credit glued between two sentences ("… года. Фото: Иван Петров / ТАСС Протестующие …") become
    paragraphs of their own, so that cleaning can label them.

    Example:
        >>> split_paragraphs("Title\\n\\nFirst para.\\nSecond para.")
        ['Title', 'First para.', 'Second para.']
        >>> split_paragraphs("АЛМАТЫ, 6 января. /ТАСС/. Аэропорт закрыт.")
        ['АЛМАТЫ, 6 января. /ТАСС/.', 'Аэропорт закрыт.']
    """
    return _split_paragraphs(text)[0]


def _split_paragraphs(text: str) -> tuple[list[str], list[bool]]:
    """:func:`split_paragraphs`, and for each paragraph whether it was cut out of the one before it (a
    glued dateline's sentence, a glued credit and the text after it)."""
    paras: list[str] = []
    for block in _BLOCK_BREAK.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [ln for ln in (raw.strip() for raw in block.split("\n")) if ln]
        if not lines:
            continue
        wrapped = len(lines) > 2 and all(
            45 <= len(ln) <= 100 and not ln.endswith(_LINE_END_STOPS) for ln in lines[:-1])
        if wrapped:
            paras.append(_SPACES.sub(" ", " ".join(lines)))
        else:   # runs of blanks to one space (a line without such a run is already that)
            paras.extend(_LINE_SPACES.sub(" ", ln) if "  " in ln or "\t" in ln or "\u00a0" in ln else ln
                         for ln in lines)
    out: list[str] = []
    glued: list[bool] = []
    for p in paras:
        parts = _unglue(p)
        out.extend(parts)
        glued.extend([False] + [True] * (len(parts) - 1))
    return out, glued


def _unglue(p: str) -> list[str]:
    """A paragraph cut at a leading dateline with an agency mark and around photo credits glued inside it."""
    parts: list[str] = []
    if p[:1].isupper() and (m := _RU_DATELINE_LEAD.match(p)):
        parts.append(m["dl"])
        p = p[m.end():]
    if ":" in p:
        at = 0
        for m in _INLINE_CREDIT.finditer(p):
            parts += [p[at:m.start()].strip(), m["c"]]
            at = m.end()
        p = p[at:].strip()
    parts.append(p)
    return [x for x in parts if x]


def _parse_ru_dateline(text: str, *, day_first: bool) -> str | None:
    """ISO date of a Russian dateline ("" when it has no year), None if the paragraph is not one. A date
    written 06/01/2022 is read day first only when ``day_first`` (a Russian page); 06.01.2022 always is."""
    m = _RU_DATELINE.match(text)
    if not m:
        return None
    if m["nd"]:
        if m["sep"] == "/" and not day_first:
            return None
        y, mo, d = int(m["ny"]), int(m["nm"]), int(m["nd"])
    elif not m["y"]:
        return ""
    else:
        name = m["m"].lower()
        y, d = int(m["y"]), int(m["d"])
        mo = month_number(name)
    try:
        return pd.Timestamp(year=y, month=mo, day=d).date().isoformat()
    except ValueError:
        return ""


def _parse_dateline(text: str) -> str:
    m = _DATELINE.match(text.strip())
    if not m:
        return ""
    if m["y3"]:
        y, mo, d = int(m["y3"]), int(m["m3"]), int(m["d3"])
    else:
        y = int(m["y1"] or m["y2"])
        name = (m["m1"] or m["m2"]).lower().rstrip(".")
        mo = month_number(name)
        d = int(m["d1"] or m["d2"])
    try:
        return pd.Timestamp(year=y, month=mo, day=d).date().isoformat()
    except ValueError:
        return ""


def _is_credit(text: str, n_words: int | None = None) -> str:
    """Reason if the paragraph is a photo credit line, else ''. ``n_words``: its :func:`_n_words`, if known."""
    t = text.strip()
    words_in = _n_words(t) if n_words is None else n_words   # stripping changes no word
    if words_in > 12 or t.endswith(_SENTENCE_END) and not _INITIAL_END.search(t):
        return _BARE_CREDIT if words_in <= 8 and _furniture().bare_credits.match(t) else ""
    if _furniture().credit_labels.match(t):
        return "credit line (labelled)"
    words = _CAPITALISED_WORD.findall(t)
    capitalised = sum(w[0].isupper() for w in words) >= 0.6 * max(len(words), 1)
    if "/" in t and capitalised and _NAMES_SLASH.search(t):
        return "photo credit (names joined by '/')"
    if _furniture().agencies.search(t) and capitalised and words_in <= 8:
        return "photo credit (names a photo agency)"
    return _BARE_CREDIT if words_in <= 8 and _furniture().bare_credits.match(t) else ""


def _is_tags(text: str, n_words: int | None = None) -> bool:
    """Whether the paragraph is a keyword tag line. ``n_words``: its :func:`_n_words`, if known."""
    stripped = text.strip()
    # the label removed below holds at most two words and never the last character: a paragraph ending a
    # sentence, or of more than 32 words, is no tag line with or without it
    if stripped.endswith(_SENTENCE_END) or (n_words is not None and n_words > 32):
        return False
    t = _TAGS_LABEL.sub("", stripped)
    if t.endswith(_SENTENCE_END) or _n_words(t) > 30:
        return False
    items = [i.strip() for i in _TAG_SEPARATORS.split(t) if i.strip()]
    return len(items) >= 3 and all(_n_words(i) <= 3 and " and " not in f" {i} " for i in items)


def classify_paragraphs(paras: list[str], *, title: str = "") -> pd.DataFrame:
    """Label the paragraphs of one document.

    Returns a frame with ``para_id``, ``kind``, ``reason``, ``duplicate_of`` (-1 if none),
    ``dateline`` (ISO date of a dateline paragraph, else '') and ``text``.

    Example:
        >>> classify_paragraphs(["Jan 10, 2022", "A headline", "Body text here. More.", "Leave a Reply"])["kind"].tolist()
        ['dateline', 'title', 'body', 'boilerplate']
    """
    kinds, reasons, dup, datelines = _classify(paras, title=title)
    return pd.DataFrame({"para_id": range(len(paras)), "kind": kinds, "reason": reasons, "duplicate_of": dup,
                         "dateline": datelines, "text": paras})


def _classify(paras: list[str], *, title: str = "", glued: list[bool] | None = None,
              ) -> tuple[list[str], list[str], list[int], list[str]]:
    """(kinds, reasons, duplicate_of, datelines) of one document's paragraphs (plain lists: :func:`clean`
    builds one table for the whole corpus rather than one per document). ``glued``: which paragraphs
    :func:`_split_paragraphs` cut out of the one before."""
    fur = _furniture()
    n = len(paras)
    kinds = ["body"] * n
    reasons = [""] * n
    datelines = [""] * n
    dup = [-1] * n
    keys = [_key(p) for p in paras]
    n_words = [_words_of_key(p, k) for p, k in zip(paras, keys)]
    seen: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in seen and n_words[i] >= 3:
            dup[i] = seen[key]
        else:
            seen.setdefault(key, i)

    # 1. the end of the article: a marker in the last part, and everything after it
    tail_start = min(int(n * 0.6), max(n - 10, 0))
    end = next((i for i in range(tail_start, n) if fur.end_markers.match(paras[i])
                or (n_words[i] <= 20 and _SYNDICATION_NOTICE.match(paras[i]))), None)
    # a sidebar heading ("Другие новости") after article text: the list under it is other stories
    sidebar = next((i for i in range(tail_start, n if end is None else end) if n_words[i] <= 6
                    and fur.sidebar_headings.match(paras[i]) and any(w >= 15 for w in n_words[:i])), None)
    if sidebar is not None:
        end = sidebar
        kinds[end], reasons[end] = "boilerplate", "sidebar heading after the article (a list of other stories follows)"
    elif end is not None:
        kinds[end] = "boilerplate"
        reasons[end] = "end-of-article marker (comment form, syndication notice)"
    if end is not None:
        for i in range(end + 1, n):
            kinds[i] = "boilerplate"
            reasons[i] = f"after the end-of-article marker (paragraph {end})"

    day_first: bool | None = None  # a Russian page (06/01/2022 is the 6th of January), found when needed
    for i, p in enumerate(paras):
        if kinds[i] != "body":
            continue
        words = n_words[i]
        date = _parse_dateline(p) if words <= 8 else ""
        ru_date = None
        if not date and words <= 12 and any(map(str.isdigit, p[:40])):
            if day_first is None:
                day_first = cyrillic_share(" ".join(paras[:12])) > 0.5
            ru_date = _parse_ru_dateline(p, day_first=day_first)
        if date:
            kinds[i], reasons[i], datelines[i] = "dateline", f"a date on its own ({date})", date
        elif ru_date is not None:
            kinds[i], reasons[i], datelines[i] = "dateline", f"a dateline ({ru_date or 'no year'})", ru_date
        elif ("(@" in p or "<tweet" in p) and (post := _embedded_post(p, paras[i - 1] if i and kinds[i - 1] == "body" else "")):
            kinds[i], reasons[i] = "post", post[0]
            if post[1]:
                kinds[i - 1], reasons[i - 1] = "post", f"the text of the embedded post signed in paragraph {i} (kept as its author's statement)"
        elif words <= 8 and (fur.boilerplate.match(p) or fur.sidebar_headings.match(p)):
            kinds[i], reasons[i] = "boilerplate", "site furniture (widget label, counter, desk byline or ad slot)"
        elif words <= 6 and fur.link_lists.match(p):
            kinds[i], reasons[i] = "boilerplate", "heading of a list of links to other stories ('Related:')"
        elif fur.notes.match(p):
            kinds[i], reasons[i] = "boilerplate", "the outlet's note or an embedded post's markup, not the article's text"
        elif words <= 40 and fur.outlet_lines.match(p):
            kinds[i], reasons[i] = "boilerplate", "the outlet's own line (a link to other stories, a call to subscribe)"
        elif words <= 60 and _may_hold(p, fur.signoff_needs) and fur.signoffs.match(p):
            kinds[i], reasons[i] = "boilerplate", ("a sign-off (the author's social-media line, contributors, a copyright "
                                                   "or reprint notice), not the article's text")
        elif words <= 60 and fur.contributors.match(p):
            kinds[i], reasons[i] = "credit", _CONTRIBUTORS
        elif _is_widget_chrome(p, words):
            kinds[i], reasons[i] = "boilerplate", ("a comment or live-blog widget's chrome (button labels glued "
                                                   "together: 'FlagShareLikeReply'), not the article's text")
        elif credit := _is_credit(p, words):
            kinds[i], reasons[i] = "credit", credit
        elif _is_tags(p, words):
            kinds[i], reasons[i] = "tags", "keyword tag line (a comma-separated list of short terms)"
        elif (words <= 3 and not any(len(w) > 1 for w in keys[i].split()) and any(map(str.isalpha, keys[i]))
              and not any(map(str.isdigit, keys[i]))):
            kinds[i], reasons[i] = "boilerplate", "a stray letter (no word of two letters or more), not text"
        if kinds[i] == "boilerplate" and words <= 6 and fur.link_lists.match(p):   # the headlines listed under it
            j = i + 1
            while j < n and kinds[j] == "body" and dup[j] < 0 and _headline_like(paras[j], n_words[j]):
                kinds[j], reasons[j] = "boilerplate", f"a headline in the link list under paragraph {i}"
                j += 1

    for i, p in enumerate(paras):
        if kinds[i] != "body":
            continue
        words = n_words[i]
        # both credit-in-parentheses patterns end with ")", the wire-caption one with "." or ")"
        last = p.rstrip()[-1:]
        if words <= 60 and fur.caption_openers.match(p):
            kinds[i], reasons[i] = "caption", "opens like a photo caption ('In the photo', 'This photo shows' …)"
        elif words <= 80 and last == ")" and (_PAREN_CREDIT_END.search(p) or _PHOTO_WORD_END.search(p)):
            kinds[i], reasons[i] = "caption", "ends with a photo credit in parentheses"
        elif (words <= 80 and i + 1 < n and kinds[i + 1] == "credit" and reasons[i + 1] not in (_BARE_CREDIT, _CONTRIBUTORS)
              and not (glued and glued[i + 1])):
            kinds[i], reasons[i] = "caption", "followed by a photo credit line"
        elif (words <= 40 and last in (".", ")") and _CAPTION_DATE_END.search(p)
              and not _QUOTE_OPEN.match(p)):
            kinds[i], reasons[i] = "caption", "wire-caption form: ends with '<place>, <Month> <day>, <year>.'"

    # the title: a short first line, or the line that matches the known title
    norm_title = _NON_WORD.sub(" ", title.lower()).strip()
    candidates = [i for i in range(n) if kinds[i] == "body"][:3]
    matched = next((i for i in candidates if norm_title and keys[i] == norm_title), None)
    if matched is not None:
        kinds[matched], reasons[matched] = "title", "matches the document's title"
        for i in candidates[:candidates.index(matched)]:   # short lines above the headline: a section or tag line
            if n_words[i] <= 25 and not _ends_with(paras[i], _TITLE_END):
                kinds[i], reasons[i] = "boilerplate", "a short line above the headline (a section label or tag line)"
    elif candidates and 2 <= n_words[candidates[0]] <= 25:   # a headline has two words or more
        i = candidates[0]
        if (not _ends_with(paras[i], _TITLE_END) and not _QUOTE_OPEN.match(paras[i])
                and any(kinds[j] == "body" for j in range(i + 1, n))):
            kinds[i], reasons[i] = "title", "short first line without a full stop (a headline)"
    # a short line without a full stop right above a caption is the picture's own heading
    for i in range(n - 1):
        if (kinds[i] == "body" and kinds[i + 1] == "caption" and n_words[i] <= 12
                and not _ends_with(paras[i], _TITLE_END + ("?", "!", "…")) and not _BYLINE.match(paras[i])):
            kinds[i], reasons[i] = "caption", "a short line without a full stop above a photo caption"

    for i in range(n):
        if dup[i] >= 0:
            kinds[i] = kinds[dup[i]] if kinds[i] == "body" else kinds[i]
            reasons[i] = f"repeat of paragraph {dup[i]}" + (f"; {reasons[i]}" if reasons[i] else "")
            if kinds[i] == "body" and kinds[dup[i]] == "body":
                reasons[i] = f"repeat of paragraph {dup[i]} (dropped; the first copy is kept)"
    return kinds, reasons, dup, datelines


def is_analysable(paragraphs: pd.DataFrame) -> pd.Series:
    """Which paragraphs analyses read: body text (``kind``), each repeated paragraph once (``duplicate_of``
    below 0). A table without ``kind`` is all body; one without ``duplicate_of`` has no repeats marked.

    Example:
        >>> p = pd.DataFrame({"kind": ["title", "body", "body"], "duplicate_of": [-1, -1, 1]})
        >>> is_analysable(p).tolist()
        [False, True, False]
    """
    mask = pd.Series(True, index=paragraphs.index)
    if "kind" in paragraphs.columns:
        mask &= paragraphs["kind"] == "body"
    if "duplicate_of" in paragraphs.columns:
        mask &= paragraphs["duplicate_of"].astype(int) < 0
    return mask


def analysable(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The paragraphs analyses read (:func:`is_analysable`), renumbered from 0.

    Example:
        >>> p = pd.DataFrame({"kind": ["title", "body", "body"], "duplicate_of": [-1, -1, 1], "text": ["T", "a", "a"]})
        >>> analysable(p)["text"].tolist()
        ['a']
    """
    return paragraphs[is_analysable(paragraphs)].reset_index(drop=True)




@releases_memory
def clean(corpus: Corpus, *, progress: bool = False, splitter: SentenceSplitter | None = None,
          keep_text: bool = True) -> Corpus:
    """Label paragraphs, log what is not body text, and split sentences.

    Adds ``paragraphs``, ``sentences`` and ``removals`` tables to the corpus and, in ``documents``,
    fills ``title`` (from a headline line when the metadata gave none), ``dateline`` and
    ``republished_from`` (the original named by a syndication notice), and ``published`` from the
    dateline when the metadata gave no date (``published_basis`` says so). ``splitter`` is a fitted
    :class:`SentenceSplitter` to use instead of training one on this corpus (to split a corpus in parts
    with one splitter, as :func:`clean_by_partition` does). ``keep_text=False`` drops
    ``documents.text`` once it is split: the paragraphs hold every paragraph of it (``removals`` lists
    those not analysed), and a large corpus then does not hold its text twice (at 100,000 news articles
    the raw texts take ~0.7 GB as Python strings).

    Example:
        >>> from kzlib.corpus import load_corpus
        >>> c = clean(load_corpus())
        >>> sorted(c.paragraphs["kind"].unique())  # doctest: +SKIP
        ['body', 'boilerplate', 'caption', 'credit', 'dateline', 'tags', 'title']
    """
    from tqdm.auto import tqdm

    if splitter is not None and not hasattr(splitter, "tokenizer_"):
        raise ParameterError("clean(splitter=...) needs a fitted SentenceSplitter: call .fit(texts) first, or "
                         "leave splitter=None to train one on this corpus")
    docs = corpus.documents.copy()
    cols: dict[str, list] = {"doc_id": [], "para_id": [], "kind": [], "reason": [], "duplicate_of": [],
                             "dateline": [], "text": []}
    for doc_id, text, title in tqdm(zip(docs["doc_id"], docs["text"], docs["title"]), total=len(docs),
                                    desc="cleaning", disable=not progress, unit="doc"):
        paras_of, glued = _split_paragraphs(text)
        kinds, reasons, dup, datelines = _classify(paras_of, title=title, glued=glued)
        cols["doc_id"] += [doc_id] * len(paras_of)
        cols["para_id"] += range(len(paras_of))
        cols["kind"] += kinds
        cols["reason"] += reasons
        cols["duplicate_of"] += dup
        cols["dateline"] += datelines
        cols["text"] += paras_of
    paras = pd.DataFrame(cols)
    paras["para_id"] = paras["para_id"].astype("int64")
    paras["duplicate_of"] = paras["duplicate_of"].astype("int64")

    titles = paras[paras["kind"] == "title"].groupby("doc_id")["text"].first()
    datelines = paras[paras["dateline"] != ""].groupby("doc_id")["dateline"].first()
    notices = paras[paras["reason"].str.startswith("end-of-article")].groupby("doc_id")["text"].first()
    docs["dateline"] = docs["doc_id"].map(datelines).fillna("")
    docs["republished_from"] = docs["doc_id"].map(notices).fillna("").map(_republished_source)
    no_title = docs["title"] == ""
    docs.loc[no_title, "title"] = docs.loc[no_title, "doc_id"].map(titles).fillna("")
    use_dateline = (docs["published"] == "") & (docs["dateline"] != "")
    docs.loc[use_dateline, "published"] = docs.loc[use_dateline, "dateline"]
    docs.loc[use_dateline, "published_basis"] = "the dateline printed on the copy"
    docs.loc[use_dateline, "date_certainty"] = [
        "copy-date" if r else "exact" for r in docs.loc[use_dateline, "republished_from"]]

    paras["text_despun"] = paras["text"]
    paras = paras[["doc_id", "para_id", "kind", "text", "text_despun", "duplicate_of", "reason"]]
    removals = paras[(paras["kind"] != "body") | (paras["duplicate_of"] >= 0)]
    removals = removals[["doc_id", "para_id", "kind", "reason", "text"]].reset_index(drop=True)

    body = analysable(paras)
    if splitter is None:
        splitter = train_splitter(docs, body=body)
    russian = set(docs.loc[docs["language"].fillna("").astype(str).str.startswith("ru"), "doc_id"]) \
        if "language" in docs.columns else set()  # split with razdel (issue 18)
    sentences = _split_sentences(body, splitter, russian=russian)
    words = pd.Series([len(t.split()) for t in body["text"]], index=body.index, dtype="int64")
    docs["n_words"] = docs["doc_id"].map(words.groupby(body["doc_id"]).sum()).fillna(0).astype(int)
    empty = docs.loc[docs["n_words"] == 0, "doc_id"].tolist()
    for d in empty:
        log.warning("Document %s has no body text after cleaning (all paragraphs are furniture); "
                    "see the removals table", d)
    log.info("Cleaned %d documents: %d paragraphs, %d relabelled or dropped, %d sentences",
             len(docs), len(paras), len(removals), len(sentences))
    if not keep_text:
        docs = docs.drop(columns="text")
    return corpus.replace(documents=docs, paragraphs=paras.reset_index(drop=True), sentences=sentences,
                          removals=removals)


def _training_documents(documents: pd.DataFrame) -> set:
    """The documents Punkt is trained on: every k-th row of ``documents``, k chosen so that their text
    is about :data:`PUNKT_TRAIN_CHARS` characters (all of them in a small corpus)."""
    total = int(sum(len(t) for t in documents["text"]))
    step = max(1, -(-total // PUNKT_TRAIN_CHARS))
    return set(documents["doc_id"].iloc[::step])


def train_splitter(documents: pd.DataFrame, *, body: pd.DataFrame | None = None) -> SentenceSplitter:
    """The sentence splitter :func:`clean` uses for a corpus: Punkt trained on the analysable body
    paragraphs of an evenly spread, deterministic sample of ``documents`` (every k-th, about
    :data:`PUNKT_TRAIN_CHARS` characters). ``body`` is the corpus's :func:`analysable` paragraphs when
    already known; otherwise the sampled documents are classified here. Pass the result as
    ``clean(part, splitter=...)`` to clean a corpus in parts with the splitter of the whole
    (what :func:`clean_by_partition` does).

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": ["Headline\\n\\nGen. Zas spoke. He left."]})
        >>> [s for _, _, s in train_splitter(docs).spans("Gen. Zas spoke. He left.")]
        ['Gen. Zas spoke.', 'He left.']
    """
    require_columns(documents, ["doc_id", "title", "text"], table="documents",
                    fix="pass Corpus.documents from kzlib.load_corpus")
    keep = _training_documents(documents)
    if body is not None:
        texts = body.loc[body["doc_id"].isin(keep), "text"].tolist()
    else:
        texts = []
        for doc_id, text, title in zip(documents["doc_id"], documents["text"], documents["title"]):
            if doc_id in keep:
                paras, glued = _split_paragraphs(text)
                kinds, _, dup, _ = _classify(paras, title=title, glued=glued)
                texts += [p for p, k, d in zip(paras, kinds, dup) if k == "body" and d < 0]
    return SentenceSplitter(max_train_chars=PUNKT_TRAIN_CHARS).fit(texts)


def _republished_source(notice: str) -> str:
    m = _REPUBLISHED_FROM.search(notice or "")
    return m["src"].strip(" -–—") if m else ""


def _split_sentences(body: pd.DataFrame, splitter: SentenceSplitter, *, russian: set | None = None) -> pd.DataFrame:
    columns = ["doc_id", "para_id", "sentence_id", "start", "end", "text"]
    # one list or int64 array per column: a tuple per sentence would hold ~200 bytes per row until the table
    # is built (~400 MB at 100,000 documents)
    doc_ids: list[str] = []
    texts: list[str] = []
    numbers: dict[str, array] = {c: array("q") for c in ("para_id", "sentence_id", "start", "end")}
    counters: dict[str, int] = {}
    for doc_id, para_id, text in zip(body["doc_id"], body["para_id"], body["text"]):
        if russian and doc_id in russian:
            spans = razdel_sentences(text)
        else:
            spans = splitter.spans(text)
        for start, end, sent in spans:
            n = counters.get(doc_id, 0)
            counters[doc_id] = n + 1
            doc_ids.append(doc_id)
            numbers["para_id"].append(int(para_id))
            numbers["sentence_id"].append(n)
            numbers["start"].append(start)
            numbers["end"].append(end)
            texts.append(sent)
    if not texts:
        return pd.DataFrame([], columns=columns)
    return pd.DataFrame({"doc_id": doc_ids, **{c: np.frombuffer(a, dtype=np.int64) for c, a in numbers.items()},
                         "text": texts}, columns=columns)
