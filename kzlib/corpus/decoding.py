"""Reading a document's bytes: the encoding, binary files, mojibake and other repairs, HTML to text."""

from __future__ import annotations

import re
import unicodedata

__all__: list[str] = []


# --- reading bytes -------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


#: NUL bytes tolerated in a text file (two, or this share of its first 8 KiB): stray ones are removed and noted.
_MAX_NUL_SHARE = 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the bytes look like UTF-16 text without a BOM (NUL in every other byte
    of mostly-Latin text), else None."""
    head = data[:8192]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    for codec, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros.count(0) >= 0.6 * len(zeros):
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        return False
    if head.count(b"\x00") > max(2, _MAX_NUL_SHARE * len(head)):
        return True
    if not head:
        return False
    text = head.decode("utf-8", errors="ignore")
    return len(_CONTROL.findall(text)) > 0.05 * max(len(text), 1)


def _decode(data: bytes) -> tuple[str, str]:
    """Decode bytes, detecting the encoding. Returns (text, encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if codec := _utf16_without_bom(data):
        return data.decode(codec), codec
    data = data.replace(b"\x00", b"")      # a stray NUL (a binary file was refused before): no text is lost
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8: a legacy single-byte encoding. Cyrillic text in cp1251 decodes, read as cp1252, into
    # runs of accented Latin letters; pick the reading whose non-ASCII letters are mostly of one script.
    best, best_score = None, -1.0
    for enc in ("cp1251", "cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _script_consistency(text)
        if score > best_score:
            best, best_score = (text, enc), score
    assert best is not None  # latin-1 decodes any byte string
    return best


def _script_consistency(text: str) -> float:
    """Share of words with non-ASCII letters that are plausible in a real language.

    A Cyrillic word is plausible when all its letters are Cyrillic (cp1251 read as such); a Latin word
    with accents when at least half its letters are plain ASCII ("café"). Reading Latin-1 bytes as
    cp1251 gives mixed words ("cafй"); reading cp1251 bytes as cp1252 gives words made only of accented
    letters ("Òîêàåâ"): both are implausible.
    """
    good = total = 0
    for word in re.findall(r"[^\W\d_]+", text):
        non_ascii = [ch for ch in word if ord(ch) > 127]
        if not non_ascii:
            continue
        total += 1
        cyrillic = sum("CYRILLIC" in unicodedata.name(ch, "") for ch in word)
        if cyrillic:
            good += cyrillic == len(word)
        else:
            good += len(non_ascii) <= len(word) / 2
    return good / total if total else 1.0


# Characters none of ftfy's fixers touches apart from mojibake detection: printable ASCII but '&' (HTML
# entities), tab and line breaks, Latin letters without ftfy's ligatures (IJ, ŉ, DŽ...), Greek and Cyrillic,
# general punctuation (quotes, dashes, ellipsis; not the line/paragraph separators U+2028/2029 nor the
# format controls U+2060-206F) and the euro sign. Anything else (C1 controls, ligatures, full-width forms,
# escapes, surrogates) goes through ftfy.fix_text.
_FTFY_NEEDED = re.compile(r"[^\n\t\r\x20-\x25\x27-\x7e\u00a0-\u0131\u0134-\u0148\u014a-\u01c3\u01cd-\u01f0"
                          r"\u01f4-\u024f\u0370-\u052f\u2010-\u2027\u2030-\u205e\u20ac]")


# an ASCII run of 15 or more characters: its first and last 7 (groups 1 and 2) and the middle
_LONG_ASCII = re.compile(r"([\x00-\x7f]{7})[\x00-\x7f]+([\x00-\x7f]{7})")
_LINE_START_MOJIBAKE = re.compile(r"^[ÃÂ] ", re.MULTILINE)   # ftfy's "^[ÃÂ][ ]", which it tests per line


def _mojibake_possible(text: str) -> bool:
    """``ftfy.badness.is_bad`` of any line of ``text``, at a fraction of its cost.

    Every pattern of ftfy's badness expression holds a non-ASCII character and spans at most 7
    characters, so it is searched only in the 7 characters around each run of non-ASCII characters (most
    news text has a few curly quotes and dashes per paragraph): the middle of every longer ASCII run is
    cut out (one regex substitution). A match there may be a false alarm (the text then goes through
    ftfy, which is correct anyway), and no match in the text is missed.
    """
    from ftfy.badness import BADNESS_RE

    if text.isascii():
        return False
    return bool(BADNESS_RE.search(_LONG_ASCII.sub("\\1\x00\\2", text))
                or (("Ã" in text or "Â" in text) and _LINE_START_MOJIBAKE.search(text)))


def _repair(text: str) -> tuple[str, bool]:
    """ftfy's repair (mojibake, HTML entities, ligatures, control characters), NFC and Unix line breaks.

    ``ftfy.fix_text`` costs ~1.5 ms per article; most text needs none of it. When the text holds only
    characters that no ftfy fixer changes (:data:`_FTFY_NEEDED`) and ftfy's mojibake test would find
    nothing (:func:`_mojibake_possible`), fix_text would only normalise (NFC) and fix line breaks, which
    is done here directly, with the same result.
    """
    plain = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if (len(text) < 1_000_000 and not _FTFY_NEEDED.search(text)
            and not (_mojibake_possible(text) or (plain != text and _mojibake_possible(plain)))):
        return plain, False
    import ftfy

    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True)
    return fixed, fixed != plain


def _html_to_text(html: str) -> tuple[str, dict[str, str]]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                      with_metadata=True, favor_precision=True)
    if doc is None:
        return "", {}
    doc = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    meta = {k: str(doc.get(src) or "") for k, src in
            (("title", "title"), ("site", "sitename"), ("url", "url"), ("published", "date"))}
    return str(doc.get("text") or ""), meta


