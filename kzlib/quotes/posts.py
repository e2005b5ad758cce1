"""Embedded social-media posts: a politician's own statements that a page embeds, kept as ``post`` quotes.

A page that embeds a post (a tweet) carries its text and its author in one of two forms:

- the markup of the embed, left in scraped text: ``<tweet author="@handle" datetime="2016-07-05">TEXT</tweet>``
  (attributes ``author``/``tweet-author``/``user``/``screen_name`` for the handle, ``datetime``/``date``/
  ``timestamp`` (Unix seconds)/``created_at`` for the date; an empty ``<tweet …/>`` has no text and is no post);
- the text of an oEmbed block: ``TEXT pic.twitter.com/… — Display Name (@handle) Month D, YYYY`` (Twitter's
  embed code, scraped as one line, or as the text's line and then the signature's line), the date optional
  and in English ("July 5, 2016", "5 Jul 2016") or Russian ("5 января 2022 г."), the dash an em or en dash,
  or a hyphen between spaces.

:func:`find_posts` reads RAW text (a paragraph or a whole document) and returns each post's text (without
the trailing picture and t.co links), author, handle, date and offsets. The cleaner (:mod:`kzlib.clean`) labels
such paragraphs ``post`` (not the article's text, listed in ``removals``), and :func:`post_quotes` makes each
post a row of the ``quotes`` table (``kind`` ``post``, ``cue`` "posted", ``method`` "embedded post"), unless
the article already quotes the same words ("Trump tweeted: ..."), which keeps its own row.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

import pandas as pd

from kzlib.actors import Gazetteer
from kzlib.quotes.marks import QUOTE_COLUMNS, SPEECH_KINDS
from kzlib.quotes.speakers import _body_kind
from kzlib.text.calendar import month_names, month_number, month_pattern

__all__ = ["Post", "find_posts", "post_quotes"]

log = logging.getLogger(__name__)

_HANDLE = r"[A-Za-z0-9_]{1,15}"   # a Twitter handle: letters, digits and underscores, 15 at most
_EN_MONTH = rf"{month_pattern()}\.?"
_RU_MONTH = month_pattern(language="ru", abbreviations=False)
_DATE = (rf"(?:{_EN_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_EN_MONTH}|{_RU_MONTH})\s+\d{{4}}(?:\s*г\.?)?"
         r"|\d{4}-\d{2}-\d{2})")
#: the signature of an oEmbed post at the end of a line: "— Name (@handle) Month D, YYYY"
_SIGNATURE = re.compile(
    rf"(?P<dash>[—–]|&mdash;|(?<!\S)--?(?=\s))\s*(?P<name>[^\s()\[\]<>—–@][^()\[\]<>—–@\n]{{0,60}}?)\s*"
    rf"\(\s*@(?P<handle>{_HANDLE})\s*\)(?:\s*(?P<date>{_DATE}))?[\s.]*$", re.IGNORECASE | re.MULTILINE)
_TAG = re.compile(r"<tweet\b(?P<attrs>[^<>]*)>(?P<body>.*?)(?:</tweet\s*>|<tweet\s*/>|$)",
                  re.IGNORECASE | re.MULTILINE)
_ATTR = re.compile(r"(?P<key>[\w-]+)\s*=\s*\"(?P<value>[^\"]*)\"")
_AUTHOR_KEYS = ("author", "tweet-author", "data-author", "user", "screen_name", "handle")
_DATE_KEYS = ("datetime", "date", "tweet-date", "timestamp", "created_at")
#: links at the end of a post's text: the picture's (pic.twitter.com/…) and shortened ones (https://t.co/…)
_TRAILING_LINKS = re.compile(r"(?:\s*(?:https?://)?(?:pic\.twitter\.com|t\.co)/\w*)+\s*$", re.IGNORECASE)
_PICTURE = re.compile(r"(?:https?://)?pic\.twitter\.com/", re.IGNORECASE)
_WORD = re.compile(r"\w+")
#: the longest text a signature-form post may have (a tweet is at most 280 characters; links shown in full
#: make it longer): a longer line that ends with a signature is article text and a byline, not a post
MAX_POST_CHARS = 400


@dataclass(frozen=True)
class Post:
    """An embedded post: ``text`` is ``source[start:end]`` (the post's words, without the embed's markup and
    trailing links), ``author`` the display name ("" when the embed gives only the handle), ``handle``
    without "@", ``date`` ISO ("" if none), ``line`` the 0-based line of the source its text opens on,
    ``author_start``/``author_end`` where the name (else the handle) is written, ``form`` "markup" or "signature",
    ``embed_start``/``embed_end`` the whole embed (its markup, or its text's line and the signature)."""

    text: str
    author: str
    handle: str
    date: str
    start: int
    end: int
    line: int
    author_start: int
    author_end: int
    form: str
    embed_start: int
    embed_end: int


def find_posts(text: str) -> list[Post]:
    """The embedded posts in raw text (a paragraph or a whole document), in order.

    Example:
        >>> [(p.text, p.author, p.handle, p.date) for p in find_posts(
        ...     "We act now. pic.twitter.com/x1 — Jane Roe (@janeroe) July 5, 2016")]
        [('We act now.', 'Jane Roe', 'janeroe', '2016-07-05')]
        >>> [(p.text, p.handle, p.date) for p in find_posts('<tweet author="@roe" datetime="2016-07-05">Vote.</tweet>.')]
        [('Vote.', 'roe', '2016-07-05')]
    """
    if "(@" not in text and "<tweet" not in text.lower():
        return []
    posts: list[Post] = []
    taken: list[tuple[int, int]] = []
    for m in _TAG.finditer(text):
        taken.append(m.span())
        found = {a["key"].lower(): a for a in _ATTR.finditer(text, m.start("attrs"), m.end("attrs"))}
        attrs = {k: a["value"].strip() for k, a in found.items()}
        key = next((k for k in _AUTHOR_KEYS if attrs.get(k)), "")
        handle = attrs.get(key, "").lstrip("@")
        if not re.fullmatch(_HANDLE, handle):
            log.info("find_posts: an embed's markup without an author handle (%r): not taken as a post",
                     m.group()[:60])
            continue
        b0, b1 = m.span("body")
        date = next((d for k in _DATE_KEYS if (d := _iso_date(attrs.get(k, "")))), "")
        sig = _SIGNATURE.search(text, b0, b1)
        name, a0, a1 = "", found[key].start("value"), found[key].end("value")
        if sig is not None and sig["handle"].lower() == handle.lower():
            name, a0, a1 = sig["name"].strip(), sig.start("name"), sig.end("name")
            date = date or _iso_date(sig["date"] or "")
            b1 = sig.start()
        post = _post(text, b0, b1, name, handle, date, (a0, a1), "markup", m.span())
        if post is not None:
            posts.append(post)
    for m in _SIGNATURE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        t0, t1 = line_start, m.start()
        if not text[t0:t1].strip() and m["date"] and line_start > 0:
            # the signature on a line of its own (with its date): the text is the last line with words before it
            t1 = len(text[:line_start].rstrip())
            t0 = text.rfind("\n", 0, t1) + 1
        post = _post(text, t0, t1, m["name"].strip(), m["handle"], _iso_date(m["date"] or ""),
                     (m.start("name"), m.start("name") + len(m["name"].strip())), "signature", (t0, m.end()))
        if post is None:
            continue
        if len(post.text) > MAX_POST_CHARS:
            log.info("find_posts: a line of %d characters ends with a post's signature (@%s): too long for a post, "
                     "read as article text", len(post.text), post.handle)
            continue
        posts.append(post)
    return sorted(posts, key=lambda p: p.start)


def _post(text: str, t0: int, t1: int, name: str, handle: str, date: str, author: tuple[int, int],
          form: str, embed: tuple[int, int]) -> Post | None:
    """The post whose text is ``text[t0:t1]`` less surrounding spaces and trailing links; None without words."""
    pic = _PICTURE.search(text, t0, t1)   # an embed's picture link closes its text: what follows is the page's
    if pic is not None:
        t1 = pic.start()
    links = _TRAILING_LINKS.search(text, t0, t1)
    if links is not None:
        t1 = links.start()
    while t1 > t0 and text[t1 - 1].isspace():
        t1 -= 1
    while t0 < t1 and text[t0].isspace():
        t0 += 1
    if not _WORD.search(text, t0, t1):
        return None
    return Post(text[t0:t1], name, handle, date, t0, t1, text.count("\n", 0, t0), author[0], author[1], form,
                embed[0], embed[1])


_RU_MONTHS = frozenset(month_names(language="ru", abbreviations=False))


def _iso_date(value: str) -> str:
    """An ISO date from Unix seconds, "2016-07-05…", "July 5, 2016", "5 Jul 2016" or "5 января 2022 г."; "" if none."""
    value = value.strip()
    if not value:
        return ""
    try:
        if value.isdigit() and 9 <= len(value) <= 11:
            return pd.Timestamp(int(value), unit="s", tz="UTC").date().isoformat()
        if re.match(r"\d{4}-\d{2}-\d{2}", value):
            return pd.Timestamp(value[:10]).date().isoformat()
        words = value.rstrip(".").replace(",", " ").split()
        for i, w in enumerate(words):
            if w.lower() in _RU_MONTHS:
                words[i] = str(month_number(w))
                return pd.Timestamp(year=int(words[2]), month=int(words[1]), day=int(words[0])).date().isoformat()
        return pd.Timestamp(" ".join(words[:3])).date().isoformat()
    except (ValueError, IndexError, OverflowError):
        log.info("find_posts: a post's date %r could not be read; left empty", value)
        return ""


def post_quotes(paragraphs: pd.DataFrame, quotes: pd.DataFrame, actors: Gazetteer) -> pd.DataFrame:
    """The ``quotes`` rows of the embedded posts in the paragraphs the cleaner labelled ``post`` (repeats
    left out): ``kind`` "post", the post's words as ``quote`` (offsets in the paragraph's text), its author
    as ``speaker``: the display name (canonical when ``actors`` knows it exactly, ``speaker_resolution``
    "gazetteer", else as written, "named"), or, when the embed gives only the handle, the person of the
    gazetteer or of the document whose full name the handle spells ("realDonaldTrump": Donald Trump), else
    the bare "@handle" (resolution "handle", ``speaker_type`` "": an account of unknown kind). A post whose
    words an attributed speech row of ``quotes`` already holds ("Trump tweeted: ...") is left out (logged): the
    article's row is kept. The post's date is in the paragraph's ``reason`` and :func:`find_posts` (the table
    has no date column). Columns: those of ``quotes``.

    Example:
        >>> from kzlib.actors import default_gazetteer
        >>> p = pd.DataFrame({"doc_id": ["d"], "para_id": [0], "kind": ["post"], "duplicate_of": [-1],
        ...                   "text": ["We will win. — Jane Roe (@janeroe) May 1, 2016"]})
        >>> post_quotes(p, pd.DataFrame(columns=["doc_id", "quote", "kind"]), default_gazetteer())[
        ...     ["quote", "speaker", "kind", "speaker_resolution"]].values.tolist()
        [['We will win.', 'Jane Roe', 'post', 'named']]
    """

    if "kind" not in paragraphs.columns or not (paragraphs["kind"] == "post").any():
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    dup = pd.to_numeric(paragraphs.get("duplicate_of", -1), errors="coerce").fillna(-1)
    table = paragraphs.assign(_dup=dup).sort_values(["doc_id", "para_id"], kind="stable")
    speech = quotes[quotes["kind"].isin(SPEECH_KINDS) & (quotes["speaker"].fillna("") != "")] if len(quotes) else quotes
    said = {d: [_norm(t) for t in g["quote"].astype(str)] for d, g in speech.groupby("doc_id")} if len(speech) else {}
    rows: list[dict] = []
    n_same = 0
    for doc_id, doc in table.groupby("doc_id", sort=False):
        names = None   # the document's names, read when a post gives only a handle
        for post, para_id, speaker_para in _doc_posts(doc[(doc["kind"] == "post") & (doc["_dup"] < 0)]):
            words = _norm(post.text)
            if any(_same_words(words, w) for w in said.get(doc_id, ())):
                n_same += 1
                continue
            if not post.author and names is None:
                names = _names_of(doc[doc["kind"].isin(("body", "title"))]["text"].astype(str).tolist())
            speaker, resolution = _speaker(post, actors, names or [])
            rows.append({
                "doc_id": doc_id, "quote_id": 0, "para_id": para_id, "end_para_id": para_id,
                "start": post.start, "end": post.end, "quote": post.text, "speaker": speaker,
                "speaker_surface": post.author or f"@{post.handle}",
                "speaker_type": actors.type_of(speaker) or ("" if speaker.startswith("@") else
                                                            _body_kind(speaker) or "person"),
                "affiliation": actors.affiliation(speaker), "cue": "posted", "kind": "post", "cited": "",
                "confidence": 0.95, "method": "embedded post", "n_words": len(_WORD.findall(post.text)),
                "speaker_resolution": resolution, "speaker_para_id": speaker_para,
                "speaker_start": post.author_start, "speaker_end": post.author_end})
    if n_same:
        log.info("post_quotes: %d embedded posts the article already quotes (its own row kept)", n_same)
    log.info("post_quotes: %d embedded posts made quote rows (kind 'post')", len(rows))
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def _doc_posts(posts: pd.DataFrame) -> list[tuple[Post, int, int]]:
    """The posts of one document's ``post`` paragraphs, each with the paragraph of its text and of its
    author: a paragraph on its own, or with the paragraph before it when that holds the text of a
    signature that stands alone."""
    out: list[tuple[Post, int, int]] = []
    pids = posts["para_id"].astype(int).tolist()
    texts = posts["text"].astype(str).tolist()
    for k, (pid, text) in enumerate(zip(pids, texts)):
        found = find_posts(text)
        if not found and k and pids[k - 1] == pid - 1:   # a signature alone: the text is the paragraph before
            shift = len(texts[k - 1]) + 1   # (the author's offsets are the second paragraph's)
            out += [(replace(p, author_start=p.author_start - shift, author_end=p.author_end - shift), pid - 1, pid)
                    for p in find_posts(texts[k - 1] + "\n" + text) if p.line == 0]
            continue
        out += [(p, pid, pid) for p in found]
    return out


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _same_words(a: str, b: str) -> bool:
    """Whether two quotes' words (:func:`_norm`) are one statement: the shorter, of five words or more and half
    the longer's at least, within the longer (a slogan the article quotes is not the post that holds it)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    n_short = short.count(" ") + 1
    return n_short >= 5 and 2 * n_short >= long_.count(" ") + 1 and short in long_


#: a middle initial between two names ("Donald J. Trump")
_INITIAL = re.compile(r"(?<=\w)\s+[A-ZА-ЯЁ]\.\s+(?=\w)")
_NAME_RUN = re.compile(r"\b[A-ZА-ЯЁ][\w’'.-]*(?:\s+[A-ZА-ЯЁ][\w’'.-]*){1,3}")


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _names_of(texts: list[str]) -> list[str]:
    """Runs of two to four capitalised words in a document's text, and their runs of two words or more
    ("Gov. Martin O'Malley", "Martin O'Malley"): the names a handle may spell."""
    names = set()
    for t in texts:
        for m in _NAME_RUN.finditer(t):
            words = m.group().rstrip(".").split()
            names |= {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)}
    return sorted(names)


def _speaker(post: Post, actors: Gazetteer, names: list[str]) -> tuple[str, str]:
    """The speaker of a post and how it was found (``gazetteer``, ``named`` or ``handle``)."""
    if post.author:
        for form in (post.author, _INITIAL.sub(" ", post.author)):   # "Donald J. Trump": also "Donald Trump"
            cands, how = actors.candidates(form)
            if how == "exact" and len(cands) == 1:
                return cands[0], "gazetteer"
        return post.author, "named"
    handle = _letters(post.handle)
    known = sorted({a.name for a in actors.actors.values() if a.type == "person" and _spells(handle, a.name)})
    if len(known) == 1:
        return known[0], "handle"
    spelled = {n for n in names if _spells(handle, n)}
    longest = max(spelled, key=len, default="")
    if spelled and all(_letters(n) in _letters(longest) for n in spelled):   # "Hillary Clinton" in "Hillary Rodham Clinton"? one name
        cands, how = actors.candidates(longest)
        return (cands[0] if how == "exact" and len(cands) == 1 else longest), "handle"
    return f"@{post.handle}", "handle"


def _spells(handle: str, name: str) -> bool:
    """Whether a handle's letters hold a full name's (given name and surname): "realDonaldTrump", "Donald Trump"."""
    letters = _letters(name)
    return len(name.split()) >= 2 and len(letters) >= 6 and letters in handle
