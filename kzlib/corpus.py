"""Load a news corpus: a folder of text/HTML files or one table file, plus a metadata sidecar.

The result is a :class:`Corpus`, a container of tidy tables (pandas DataFrames) that every later
stage reads and extends. Loading never drops a file silently: files that cannot be read are listed
in ``Corpus.skipped`` with the reason, and logged.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import io
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kzlib._memory import release_memory, releases_memory
from kzlib.errors import CorpusError

__all__ = ["Corpus", "load_corpus", "load_metadata", "corpus_fingerprint", "seeds_dir", "detect_language", "normalise_date",
           "document_too_large", "DEFAULT_MAX_DOCUMENT_MB", "TEXT_SUFFIXES", "TABLE_SUFFIXES"]

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")
METADATA_COLUMNS = ("title", "outlet", "site", "url", "published", "published_basis", "date_certainty",
                    "language", "version")
DATE_CERTAINTIES = ("exact", "on-or-after", "copy-date", "unknown")

_DOCUMENT_COLUMNS = [
    "doc_id", "path", "title", "outlet", "site", "url", "published", "published_basis", "date_certainty",
    "language", "n_words", "encoding", "source_format", "story_id", "is_representative", "spin_score",
    "version", "text",
]
_EMPTY_TABLES = {
    "paragraphs": ["doc_id", "para_id", "kind", "text", "text_despun", "duplicate_of", "reason"],
    "sentences": ["doc_id", "para_id", "sentence_id", "start", "end", "text"],
    "removals": ["doc_id", "para_id", "kind", "reason", "text"],
    "skipped": ["path", "reason"],
    "copies": ["doc_a", "doc_b", "similarity", "evidence"],
}


def _empty(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in _EMPTY_TABLES[name]})


@dataclass(frozen=True)
class Corpus:
    """The tables of one corpus. Stages return a new ``Corpus`` (``dataclasses.replace``).

    Example:
        >>> corpus = load_corpus()            # the bundled seeds
        >>> corpus.documents[["doc_id", "outlet"]].head(2)  # doctest: +SKIP
    """

    documents: pd.DataFrame
    paragraphs: pd.DataFrame = field(default_factory=lambda: _empty("paragraphs"))
    sentences: pd.DataFrame = field(default_factory=lambda: _empty("sentences"))
    removals: pd.DataFrame = field(default_factory=lambda: _empty("removals"))
    skipped: pd.DataFrame = field(default_factory=lambda: _empty("skipped"))
    copies: pd.DataFrame = field(default_factory=lambda: _empty("copies"))
    source: str = ""

    def replace(self, **tables: pd.DataFrame) -> Corpus:
        """A copy with some tables replaced."""
        return dataclasses.replace(self, **tables)

    def representatives(self) -> Corpus:
        """The corpus restricted to one copy per story (``is_representative``)."""
        keep = set(self.documents.loc[self.documents["is_representative"].astype(bool), "doc_id"])
        return self.replace(**{
            name: table[table["doc_id"].isin(keep)].reset_index(drop=True)
            for name, table in self.tables().items() if "doc_id" in table.columns
        })

    def tables(self) -> dict[str, pd.DataFrame]:
        """All tables by name, in a fixed order."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)
                if isinstance(getattr(self, f.name), pd.DataFrame)}

    def __len__(self) -> int:
        return len(self.documents)


def seeds_dir() -> Path:
    """The bundled corpus: package data ``kzlib/seeds`` (in a source checkout a link to ``seeds/``)."""
    from importlib import resources

    return Path(str(resources.files("kzlib") / "seeds"))


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
    try:
        text = head.decode("utf-8", errors="ignore")
    except Exception:  # pragma: no cover - decode with ignore does not raise
        return True
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


# --- the public loaders --------------------------------------------------------------------------

@releases_memory
def load_corpus(
    source: str | Path | None = None,
    *,
    metadata: str | Path | None = None,
    text_column: str = "text",
    id_column: str | None = None,
    min_chars: int = 1,
    max_document_mb: float | None = None,
) -> Corpus:
    """Load a corpus into the ``documents`` table.

    ``source`` is a folder (``.txt``/``.md``/``.html`` files, searched recursively), or one ``.csv``,
    ``.jsonl`` or ``.parquet`` file with a text column; ``None`` means the bundled seeds (with their
    ``seeds/metadata.csv``). ``metadata`` is an optional CSV keyed by ``path`` (relative path of a
    file), ``doc_id`` or ``file`` (file name), with columns among title, outlet, site, url, published,
    published_basis, date_certainty, language, version.

    Every file or row is accounted for: files that are empty, binary, unreadable, hidden, READMEs or of
    another type, and table rows without text, are listed in ``Corpus.skipped`` with the reason, and
    logged. A document loaded with a problem (a NUL byte removed, a duplicate id renamed, a publication
    date refused or ambiguous) says so in the ``load_notes`` column. A document larger than
    ``max_document_mb`` (default 10, or the ``KZLIB_MAX_DOCUMENT_MB`` that ``kz run -p max_document_mb``
    sets) is refused with a ``CorpusError`` before anything else is read. ``id_column`` left as None is
    taken from ``KZLIB_ID_COLUMN`` (``kz run -p id_column``), else rows are numbered.

    Metadata dates (``published``) are normalised to ISO; see :func:`normalise_date` for the rules
    (day-first for an ambiguous ``07/01/2022``, future dates refused, unparseable ones unknown).

    Example:
        >>> corpus = load_corpus("my_corpus/", metadata="my_corpus.csv")  # doctest: +SKIP
        >>> corpus.skipped  # what could not be read, and why  # doctest: +SKIP
    """
    if source is None or str(source) == "":
        source = seeds_dir()
        if metadata is None or str(metadata) == "":
            metadata = source / "metadata.csv"
    if id_column is None:
        id_column = os.environ.get("KZLIB_ID_COLUMN") or None
    if max_document_mb is None:
        max_document_mb = float(os.environ.get("KZLIB_MAX_DOCUMENT_MB") or DEFAULT_MAX_DOCUMENT_MB)
    max_bytes = int(max_document_mb * 1_000_000)
    root = Path(source).expanduser()
    if not root.exists():
        raise CorpusError(f"Corpus not found: {root}. Pass a folder of .txt/.md/.html files or a "
                          f"{'/'.join(TABLE_SUFFIXES)} file.")
    if root.is_dir():
        rows, skipped = _load_folder(root, min_chars=min_chars, max_bytes=max_bytes,
                                     metadata=Path(metadata) if metadata not in (None, "") else None)
    elif root.suffix.lower() in TABLE_SUFFIXES:
        rows, skipped = _load_table(root, text_column=text_column, id_column=id_column, min_chars=min_chars,
                                    max_bytes=max_bytes)
    elif root.suffix.lower() in TEXT_SUFFIXES:
        rows, skipped = _load_files([root], root.parent, min_chars=min_chars, max_bytes=max_bytes)
    else:
        raise CorpusError(f"Cannot read {root.name}: unknown file type {root.suffix!r}. A corpus is a folder "
                          f"of {', '.join(TEXT_SUFFIXES)} files or one {', '.join(TABLE_SUFFIXES)} file.")

    skipped_df = pd.DataFrame(skipped, columns=["path", "reason"]) if skipped else _empty("skipped")
    for rec in skipped:
        log.warning("Skipped %s: %s", rec[0], rec[1])
    if not rows:
        detail = "; ".join(f"{p}: {r}" for p, r in skipped[:5]) or "no readable documents found"
        raise CorpusError(f"The corpus at {root} has no readable documents ({detail}). Check the path, "
                          f"the file types ({', '.join(TEXT_SUFFIXES + TABLE_SUFFIXES)}) and the text column.")

    docs = _unique_ids(pd.DataFrame(rows))
    if metadata is not None and str(metadata) != "":
        meta = load_metadata(metadata)
        docs = _merge_metadata(docs, meta)
        key = next(k for k in ("path", "doc_id", "file") if k in meta.columns)
        # a metadata row that matches no document is listed too: a wrong key column or a missing file
        unmatched = [(f"{Path(metadata).name}#{value}", f"metadata row matches no document ({key} {value!r})")
                     for value in sorted(set(meta[key]) - set(docs[key] if key != "file" else
                                                             docs["path"].map(_file_key)))]
        if unmatched:
            skipped_df = pd.concat([skipped_df, pd.DataFrame(unmatched, columns=["path", "reason"])],
                                   ignore_index=True)
    docs = _finish_documents(docs)
    log.info("Loaded %d documents from %s (%d skipped)", len(docs), root, len(skipped_df))
    return Corpus(documents=docs, skipped=skipped_df, source=str(root))


DEFAULT_MAX_DOCUMENT_MB = 10.0   #: the largest document read by default (the longest news article is ~0.1 MB)


def _unique_ids(docs: pd.DataFrame) -> pd.DataFrame:
    """Rename repeated doc_ids (``a.txt`` and ``a.md`` are both ``a``) to ``a~2`` …, noted in load_notes."""
    if "load_notes" not in docs.columns:
        docs["load_notes"] = ""
    repeated = docs["doc_id"].duplicated(keep="first")
    if not repeated.any():
        return docs
    docs = docs.copy()
    taken = set(docs["doc_id"])
    counter: dict[str, int] = {}
    for i in docs.index[repeated]:
        old = docs.at[i, "doc_id"]
        n = counter.get(old, 1)
        while f"{old}~{n + 1}" in taken:
            n += 1
        new = f"{old}~{n + 1}"
        counter[old] = n + 1
        taken.add(new)
        docs.at[i, "doc_id"] = new
        note = f"duplicate id {old!r}: renamed {new!r}"
        docs.at[i, "load_notes"] = "; ".join(x for x in (docs.at[i, "load_notes"] or "", note) if x)
        log.warning("Duplicate document id %r (%s): renamed %r", old, docs.at[i, "path"], new)
    return docs


def _load_folder(root: Path, *, min_chars: int, max_bytes: int, metadata: Path | None = None
                 ) -> tuple[list[dict], list[tuple[str, str]]]:
    """Read every text file under ``root``; every other file is listed in the skipped list with its reason
    (hidden files, one line per hidden folder, READMEs, a metadata sidecar not in use, other types)."""
    skipped: list[tuple[str, str]] = []
    text_files: list[Path] = []
    used_metadata = metadata.resolve() if metadata is not None else None
    hidden_dirs: dict[str, int] = {}
    for p in sorted(root.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(root)
        hidden_parts = [part for part in rel.parts[:-1] if part.startswith(".")]
        if hidden_parts:
            folder = rel.parts[: rel.parts.index(hidden_parts[0]) + 1]
            key = Path(*folder).as_posix() + "/"
            hidden_dirs[key] = hidden_dirs.get(key, 0) + 1
            continue
        name = rel.as_posix()
        if p.name.startswith("."):
            skipped.append((name, "hidden file (name starts with '.'): not read"))
        elif p.name.lower() in ("readme.md", "readme.txt", "readme"):
            skipped.append((name, "a README (documentation of the corpus, not an article): not read"))
        elif p.suffix.lower() == ".csv" and used_metadata is not None and p.resolve() == used_metadata:
            continue   # the metadata sidecar in use
        elif p.name == "metadata.csv":
            skipped.append((name, "a metadata sidecar, not an article: give it with --metadata to use it"))
        elif p.suffix.lower() not in TEXT_SUFFIXES:
            skipped.append((name, f"not a corpus file type ({p.suffix or 'no suffix'})"))
        else:
            text_files.append(p)
    skipped += [(folder, f"hidden folder ({n} files): not read") for folder, n in hidden_dirs.items()]
    rows, bad = _load_files(text_files, root, min_chars=min_chars, max_bytes=max_bytes)
    return rows, skipped + bad


def document_too_large(name: str, size: int, max_mb: float) -> CorpusError:
    """The error for a document over the size limit, saying how to split it or raise the limit."""
    return CorpusError(
        f"{name} is {size / 1e6:.1f} MB, more than the limit of {max_mb:g} MB for one document (no news article "
        f"is that long: it is likely many articles, a book or a dump). Split it into one file per article, e.g. "
        f"`csplit -z -f part- {name} '/^SEPARATOR/' '{{*}}'` on the line that starts each article, or for a "
        f"table one row per article; or raise the limit with -p max_document_mb N (load_corpus(..., "
        f"max_document_mb=N)), knowing that provenance needs minutes and gigabytes for a 100 MB text.")


def _load_files(paths: Iterable[Path], root: Path, *, min_chars: int,
                max_bytes: int = 10_000_000) -> tuple[list[dict], list[tuple[str, str]]]:
    rows: list[dict] = []
    skipped: list[tuple[str, str]] = []
    for p in paths:
        rel = p.relative_to(root).as_posix()
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise document_too_large(rel, size, max_bytes / 1e6)
            data = p.read_bytes()
        except OSError as exc:
            skipped.append((rel, f"unreadable: {exc.strerror or exc}"))
            continue
        if _looks_binary(data):
            skipped.append((rel, "binary file (not text)"))
            continue
        notes: list[str] = []
        if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and not _utf16_without_bom(data):
            notes.append(f"removed {data.count(0)} NUL byte(s)")
        text, enc = _decode(data)
        if not text.strip():
            skipped.append((rel, "empty file"))
            continue
        if "\ufffd" in text and not enc.startswith("utf"):
            notes.append("undecodable bytes replaced")
        meta: dict[str, str] = {}
        fmt = "text"
        if p.suffix.lower() in (".html", ".htm"):
            text, meta = _html_to_text(text)
            fmt = "html"
        text, repaired = _repair(text)
        if len(text.strip()) < min_chars:
            skipped.append((rel, "no article text" + (" found in the HTML page" if fmt == "html" else "")))
            continue
        if notes:
            log.warning("%s: %s", rel, "; ".join(notes))
        rows.append({"doc_id": str(Path(rel).with_suffix("").as_posix()), "path": rel, "text": text,
                     "encoding": enc + ("+ftfy" if repaired else ""), "source_format": fmt,
                     "load_notes": "; ".join(notes), **meta})
    return rows, skipped


def _read_text_file(path: Path) -> tuple[str, str]:
    """A table or metadata file's text and encoding, detected as for corpus files (UTF-8, UTF-16, cp1251 …)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"Cannot read {path}: {exc.strerror or exc}. Check the path and its permissions.") from None
    text, enc = _decode(data)
    if enc not in ("utf-8", "utf-8-sig"):
        log.warning("%s is not UTF-8: read as %s", path.name, enc)
    return text, enc


def _read_jsonl(path: Path) -> tuple[pd.DataFrame, list[tuple[str, str]], str]:
    """The records of a JSONL file; a line that is not a JSON object is skipped with its line number."""
    text, enc = _read_text_file(path)
    records: list[dict] = []
    lines: list[int] = []
    bad: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as exc:
            bad.append((f"{path.name}:{number}",
                        f"line {number} is not valid JSON ({exc.msg} at column {exc.colno}): not read"))
            continue
        if not isinstance(rec, dict):
            bad.append((f"{path.name}:{number}",
                        f"line {number} is a JSON {type(rec).__name__}, not an object with a text field: not read"))
            continue
        records.append(rec)
        lines.append(number)
    table = pd.DataFrame(records)
    table["__line"] = lines
    return table, bad, enc


def _cell_text(raw: Any) -> tuple[str, str]:
    """(text, problem) of one text cell: bytes are decoded (encoding detected), a number or other non-text
    value is no text ('' and the problem)."""
    if raw is None or (isinstance(raw, float) and pd.isna(raw)):
        return "", ""
    if isinstance(raw, str):
        return raw, ""
    if isinstance(raw, (bytes, bytearray, memoryview)):
        data = bytes(raw)
        if _looks_binary(data):
            return "", "binary bytes in the text column"
        return _decode(data)[0], ""
    return "", f"the text column holds a {type(raw).__name__}, not text"


def _load_table(path: Path, *, text_column: str, id_column: str | None, min_chars: int,
                max_bytes: int = 10_000_000) -> tuple[list[dict], list[tuple[str, str]]]:
    suffix = path.suffix.lower()
    skipped: list[tuple[str, str]] = []
    enc = "table"
    try:
        if suffix == ".csv":
            text, enc = _read_text_file(path)
            table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        elif suffix == ".jsonl":
            table, skipped, enc = _read_jsonl(path)
        else:
            table = pd.read_parquet(path)
            release_memory()   # what Arrow's pool kept from the read (~80 MB per 10,000 articles)
    except CorpusError:
        raise
    except Exception as exc:
        raise CorpusError(f"Cannot read {path.name} as {suffix[1:].upper()}: {exc}") from exc
    if text_column not in table.columns:
        if suffix == ".jsonl" and not len(table):
            return [], skipped
        raise CorpusError(f"{path.name} has no text column {text_column!r} (columns: "
                          f"{[c for c in table.columns if c != '__line']}). Name the column holding the article "
                          f"text with text_column=... (kz run: -p text_column NAME).")
    if id_column is not None and id_column not in table.columns:
        raise CorpusError(f"{path.name} has no id column {id_column!r} (columns: "
                          f"{[c for c in table.columns if c != '__line']}). Name the id column with "
                          f"id_column=... (kz run: -p id_column NAME), or leave it out to number the rows.")
    if pd.api.types.is_numeric_dtype(table[text_column]) and len(table):
        raise CorpusError(f"{path.name}: the column {text_column!r} holds numbers, not article text. Name the "
                          f"text column with text_column=... (kz run: -p text_column NAME).")
    width = len(str(max(len(table) - 1, 0)))
    rows: list[dict] = []
    seen_ids: dict[str, int] = {}
    encoding = enc if enc not in ("utf-8", "table") else "table"
    for i, rec in enumerate(table.to_dict("records")):
        notes: list[str] = []
        row_id = f"row{i:0{max(width, 6)}d}"
        doc_id = row_id
        if id_column:
            given = rec.get(id_column)
            given = "" if given is None or (isinstance(given, float) and pd.isna(given)) else str(given).strip()
            if given:
                doc_id = given
            else:
                notes.append(f"empty id in {id_column!r}: numbered {row_id}")
        if doc_id in seen_ids:
            seen_ids[doc_id] += 1
            new_id = f"{doc_id}~{seen_ids[doc_id]}"
            notes.append(f"duplicate id {doc_id!r}: renamed {new_id!r}")
            doc_id = new_id
        seen_ids.setdefault(doc_id, 1)
        where = f"{path.name}#{doc_id}" if "__line" not in rec else f"{path.name}:{rec['__line']}#{doc_id}"
        text, problem = _cell_text(rec.get(text_column))
        if problem:
            skipped.append((where, problem))
            continue
        if 4 * len(text) > max_bytes and len(text.encode("utf-8", errors="ignore")) > max_bytes:   # <= 4 B/char
            raise document_too_large(where, len(text.encode("utf-8", errors="ignore")), max_bytes / 1e6)
        if "\x00" in text:
            notes.append(f"removed {text.count(chr(0))} NUL character(s)")
            text = text.replace("\x00", "")
        if len(text.strip()) < min_chars:
            skipped.append((where, "empty text"))
            continue
        text, repaired = _repair(text)
        if notes:
            log.warning("%s: %s", where, "; ".join(notes))
        row = {"doc_id": doc_id, "path": where, "text": text,
               "encoding": encoding + ("+ftfy" if repaired else ""), "source_format": suffix[1:],
               "load_notes": "; ".join(notes)}
        for col in METADATA_COLUMNS:
            value = rec.get(col)
            if isinstance(value, (bytes, bytearray)):
                value = _decode(bytes(value))[0]
            if value is not None and str(value) not in ("", "nan", "NaT", "None"):
                row[col] = str(value)
        rows.append(row)
    return rows, skipped


def load_metadata(path: str | Path) -> pd.DataFrame:
    """Read a metadata sidecar CSV (any encoding :func:`load_corpus` reads); it is keyed by ``path``,
    ``doc_id`` or ``file``.

    Example:
        >>> load_metadata("seeds/metadata.csv").columns[:3].tolist()  # doctest: +SKIP
        ['file', 'title', 'outlet']
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"Metadata file not found: {path}. Give a CSV with a 'path', 'doc_id' or 'file' column.")
    text, _ = _read_text_file(path)
    try:
        meta = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError) as exc:
        raise CorpusError(f"Cannot read the metadata {path.name} as CSV: {exc}. Check that it is a CSV file "
                          f"with a header row.") from None
    keys = [k for k in ("path", "doc_id", "file") if k in meta.columns]
    if not keys:
        raise CorpusError(f"{path.name} needs a 'path', 'doc_id' or 'file' column to match rows to documents "
                          f"(columns: {list(meta.columns)}).")
    if "date_certainty" in meta.columns:
        bad = sorted(set(meta["date_certainty"]) - set(DATE_CERTAINTIES) - {""})
        if bad:
            raise CorpusError(f"{path.name}: unknown date_certainty {bad}; use one of {DATE_CERTAINTIES}.")
    return meta


def _file_key(path: str) -> str:
    """The ``file`` key of a document: its file name, or for a table row the part after '#'."""
    return Path(path).name if "#" not in path else path.split("#")[1]


def _merge_metadata(docs: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    key = next(k for k in ("path", "doc_id", "file") if k in meta.columns)
    docs = docs.copy()
    docs["file"] = docs["path"].map(_file_key)
    if meta[key].duplicated().any():
        raise CorpusError(f"Metadata has duplicate {key!r} values: {sorted(meta.loc[meta[key].duplicated(), key])[:5]}")
    known = set(docs[key])
    unmatched = sorted(set(meta[key]) - known)
    if unmatched:
        log.warning("Metadata rows match no document (%s=%s); check the key column", key, unmatched[:5])
    cols = [c for c in METADATA_COLUMNS if c in meta.columns]
    extra = [c for c in meta.columns if c not in cols and c not in ("path", "doc_id", "file")]
    merged = docs.merge(meta[[key, *cols, *extra]], on=key, how="left", suffixes=("", "__meta"))
    for c in cols:
        if f"{c}__meta" in merged.columns:  # metadata wins over what the file itself said
            given = merged[f"{c}__meta"].fillna("")
            merged[c] = given.where(given != "", merged[c].fillna(""))
            merged = merged.drop(columns=f"{c}__meta")
    return merged.drop(columns=["file"])


def _finish_documents(docs: pd.DataFrame) -> pd.DataFrame:
    docs = docs.copy()
    for col in _DOCUMENT_COLUMNS:
        if col not in docs.columns:
            docs[col] = ""
        docs[col] = docs[col].fillna("") if docs[col].dtype == object else docs[col]
    today = pd.Timestamp.now(tz="UTC").date()
    dates = [normalise_date(v, today=today) for v in docs["published"]]
    docs["published"] = [d for d, _ in dates]
    notes = docs["load_notes"].tolist()
    for i, (_, note) in enumerate(dates):
        if note:
            notes[i] = f"{notes[i]}; {note}" if notes[i] else note
            log.warning("%s: %s", docs["doc_id"].iat[i], note)
    docs["load_notes"] = notes
    # a date refused or missing is unknown, whatever certainty the metadata claimed for it
    docs["date_certainty"] = [
        "unknown" if not p else (c or "exact") for c, p in zip(docs["date_certainty"], docs["published"])
    ]
    missing_lang = docs["language"] == ""
    if missing_lang.any():
        docs.loc[missing_lang, "language"] = _detect_languages(docs.loc[missing_lang, "text"].tolist())
    # one document's words at a time (.str.split() would hold every word of the corpus at once)
    docs["n_words"] = pd.Series([len(t.split()) for t in docs["text"]], index=docs.index, dtype=int)
    docs["story_id"] = docs["doc_id"]
    docs["is_representative"] = True
    docs["spin_score"] = float("nan")
    docs["version"] = docs["version"].where(docs["version"] != "", "unknown")
    extra = [c for c in docs.columns if c not in _DOCUMENT_COLUMNS]
    return docs[_DOCUMENT_COLUMNS + extra].sort_values("doc_id", kind="stable", ignore_index=True)


EARLIEST_PUBLICATION_YEAR = 1600   #: earlier publication dates are refused (the first printed newspaper: 1605)
_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")


def normalise_date(value: Any, *, today: Any = None) -> tuple[str, str]:
    """A metadata publication date as ISO ``YYYY-MM-DD`` (``YYYY`` and ``YYYY-MM`` kept), with a note when
    it was refused or guessed; ``('', note)`` when it cannot be used.

    Rules: ISO dates are taken as they are (checked to exist); a numeric ``a/b/yyyy`` (also with ``.`` or
    ``-``) whose first part is above 12 is day-first and whose second is above 12 month-first; when both
    could be a month (``07/01/2022``) it is read **day-first** (7 January 2022: the order of the outlets
    of Kazakhstan, Russia and Europe), with a note saying so; other forms ("January 10, 2022") go to
    pandas. A date after ``today`` (UTC), or before :data:`EARLIEST_PUBLICATION_YEAR`, is refused: no
    article is published in the future, nor before the first printed newspapers.

    Example:
        >>> normalise_date("07/01/2022")
        ('2022-01-07', "ambiguous date '07/01/2022' read day-first as 2022-01-07 (write ISO YYYY-MM-DD to be sure)")
        >>> normalise_date("13/01/2022")
        ('2022-01-13', '')
    """
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()
    if not text:
        return "", ""
    today = today or pd.Timestamp.now(tz="UTC").date()
    note = ""
    iso = ""
    try:
        if m := _ISO_PARTIAL.fullmatch(text):
            year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
            first_day = datetime.date(max(year, 1), month, day)   # raises for a day that does not exist
            iso = text
            if first_day > today:
                return "", f"publication date {text} is in the future: treated as unknown"
            if year < EARLIEST_PUBLICATION_YEAR:
                return "", f"publication date {text} is before {EARLIEST_PUBLICATION_YEAR}: treated as unknown"
            return iso, ""
        if m := _NUMERIC_DATE.fullmatch(text):
            a, b, year = int(m[1]), int(m[2]), int(m[3])
            if a > 12:
                day, month = a, b
            elif b > 12:
                month, day = a, b
            else:
                day, month = a, b
                if a != b:
                    note = "ambiguous date {!r} read day-first as {} (write ISO YYYY-MM-DD to be sure)"
            stamp = datetime.date(year, month, day)
        else:
            stamp = pd.Timestamp(text).date()
    except (ValueError, TypeError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return "", f"unparseable publication date {text!r}: treated as unknown"
    iso = stamp.isoformat()
    if stamp > today:
        return "", f"publication date {text!r} ({iso}) is in the future: treated as unknown"
    if stamp.year < EARLIEST_PUBLICATION_YEAR:
        return "", f"publication date {text!r} ({iso}) is before {EARLIEST_PUBLICATION_YEAR}: treated as unknown"
    return iso, note.format(text, iso) if note else ""


_LANGUAGE_SAMPLE_CHARS = 1000   # a few hundred characters identify a language; the rest only costs time
_LANGUAGE_MIN_LETTERS = 20
_LANGUAGE_BATCH = 512            # texts walked through py3langid's automaton together (~9 bytes x texts x bytes)
_LANGUAGE_BATCH_MIN = 64         # fewer texts than this: one at a time (building the batch model costs ~50 ms)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid, offline, on its first 1,000 characters); 'und' for
    too little text (fewer than 20 letters there).

    Example:
        >>> detect_language("Russia's top envoy to the United States has blamed Washington")
        'en'
    """
    import py3langid

    sample = text[:_LANGUAGE_SAMPLE_CHARS]
    return str(py3langid.classify(sample)[0]) if _enough_letters(sample) else "und"


def _enough_letters(sample: str) -> bool:
    letters = 0
    for ch in sample:          # stops counting at the threshold
        if ch.isalpha():
            letters += 1
            if letters >= _LANGUAGE_MIN_LETTERS:
                return True
    return False


def _detect_languages(texts: list[str]) -> list[str]:
    """:func:`detect_language` of each text, the same codes at a fraction of the cost.

    py3langid walks a text's UTF-8 bytes through its feature automaton in a Python loop (~0.3 ms per
    sample); here the samples of a batch walk it together, one numpy step per byte position, and each
    sample's features (in order of first occurrence, as py3langid's ``Counter``) are scored with
    py3langid's own naive Bayes product. A few texts, or a py3langid not laid out as this expects, go
    through ``py3langid.classify`` one at a time.
    """
    if len(texts) < _LANGUAGE_BATCH_MIN:
        return [detect_language(t) for t in texts]
    model = _language_model()
    if model is None:
        return [detect_language(t) for t in texts]
    out: list[str] = []
    for b in range(0, len(texts), _LANGUAGE_BATCH):   # samples of one batch at a time (memory)
        samples = [t[:_LANGUAGE_SAMPLE_CHARS] for t in texts[b:b + _LANGUAGE_BATCH]]
        enough = [_enough_letters(s) for s in samples]
        codes = iter(model.classify([s for s, ok in zip(samples, enough) if ok]) if any(enough) else [])
        out += [next(codes) if ok else "und" for ok in enough]
    return out


class _LanguageModel:
    """py3langid's default identifier, applied to many texts at once.

    py3langid scores a text as ``log1p(counts) @ table[features] + prior`` in float32 (a BLAS product per
    text). Here one sparse product scores a whole batch, also in float32 but summed in another order: the
    two results differ by at most the float32 rounding bound of a sum of that many terms, so where the best
    language leads the next by more than twice that bound (all but near-ties) both pick the same one. A
    near-tie is scored py3langid's way, with its features in their order of first occurrence.
    """

    def __init__(self, ident: Any) -> None:
        self._ident = ident
        self._nextmove = np.frombuffer(ident.tk_nextmove, dtype=np.dtype(f"u{ident.tk_nextmove.itemsize}"))
        self._rowbase = np.asarray(ident._rowbase, dtype=np.int64)
        self._output = np.asarray(ident.tk_output, dtype=np.int32)
        self._table = np.asarray(ident.nb_ptc, dtype=np.float32)
        self._table_abs_max = np.maximum(-self._table.min(axis=1), self._table.max(axis=1)).astype(np.float64)
        self._prior = ident.nb_pc
        self._classes = list(ident.nb_classes)
        self._aliases = list(ident._alias_pairs)
        self._floor = float(np.finfo(np.float32).min)   # py3langid's RAW_FLOOR

    def classify(self, samples: list[str]) -> list[str]:
        """Language codes of texts (py3langid's ``classify(...)[0]``)."""
        from scipy import sparse

        features = self._walk([self._ident._encode(s) for s in samples])
        n, n_features = len(samples), len(self._table)
        rows, cols = np.nonzero(features >= 0)
        keys, counts = np.unique(rows.astype(np.int64) * n_features + features[rows, cols], return_counts=True)
        text_of, feature = np.divmod(keys, n_features)
        indptr = np.searchsorted(text_of, np.arange(n + 1))
        weights = sparse.csr_matrix((np.log1p(counts.astype(np.float32)), feature, indptr),
                                    shape=(n, n_features))
        scores = np.asarray(weights @ self._table) + self._prior
        for i, j in self._aliases:             # one score per language, as py3langid folds them
            np.maximum(scores[:, i], scores[:, j], out=scores[:, i])
            scores[:, j] = -np.inf
        # float32 rounding of a k-term sum: below k * 2**-24 * sum |terms| (doubled for the two orders, with
        # room for the prior's addition and for log1p differing in its last bit)
        n_terms = np.diff(indptr)
        magnitude = weights.astype(np.float64) @ self._table_abs_max + np.abs(self._prior).max()
        bound = (2 * n_terms + 8) * 2.0 ** -23 * magnitude
        best = scores.argmax(axis=1)
        top2 = -np.partition(-scores, 1, axis=1)[:, :2]
        codes = []
        for row in range(n):
            if n_terms[row] and top2[row, 0] - top2[row, 1] > 2 * bound[row]:
                codes.append(str(self._classes[best[row]]))
            else:
                codes.append(self._exact(features[row]))
        return codes

    def _walk(self, encoded: list[bytes]) -> np.ndarray:
        """Feature id (-1: none) after each byte of each text, one row per text, walking all together."""
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        order = np.argsort(-lengths, kind="stable")        # longest first: the texts still walking are a prefix
        width = int(lengths.max()) if len(encoded) else 0
        data = np.zeros((len(encoded), width), dtype=np.uint8)
        for row, k in enumerate(order):
            data[row, :lengths[k]] = np.frombuffer(encoded[k], dtype=np.uint8)
        ends = lengths[order]
        states = np.zeros((len(encoded), width), dtype=np.int32)
        state = np.zeros(len(encoded), dtype=np.int64)
        active = len(encoded)
        for pos in range(width):
            while active and ends[active - 1] <= pos:
                active -= 1
            state = self._nextmove[self._rowbase[state[:active]] + data[:active, pos]].astype(np.int64)
            states[:active, pos] = state
        features = np.full_like(states, -1)
        for row, k in enumerate(order):
            features[k, :ends[row]] = self._output[states[row, :ends[row]]]
        return features

    def _exact(self, found: np.ndarray) -> str:
        """py3langid's decision for one text from its feature ids, computed as py3langid computes it."""
        found = found[found >= 0]
        if len(found):
            keys, first, counts = np.unique(found, return_index=True, return_counts=True)
            seen = np.argsort(first, kind="stable")     # py3langid's Counter keeps first-occurrence order
            scores = np.log1p(counts[seen].astype(np.float32)) @ self._table[keys[seen]] + self._prior
        else:   # no feature at all
            scores = np.full(len(self._classes), self._floor, dtype=np.float32)
        for i, j in self._aliases:
            scores[i] = max(scores[i], scores[j])
            scores[j] = self._floor
        return str(self._classes[int(scores.argmax())])


def _language_model() -> _LanguageModel | None:
    """The batch classifier over py3langid's default model (~50 ms to build; not kept: its float32 table
    holds 57 MB), or None when py3langid's internals differ."""
    from py3langid import langid

    ident = langid._get_identifier()
    try:
        if getattr(ident, "_norm_probs", True) or getattr(ident, "min_confidence", 0) is not None:
            return None
        return _LanguageModel(ident)
    except (AttributeError, TypeError, ValueError):
        log.debug("py3langid internals changed: language ID one text at a time")
        return None


def corpus_fingerprint(source: str | Path | None = None, *, metadata: str | Path | None = None) -> str:
    """SHA-256 over the corpus files (relative path and bytes) and the metadata file.

    Example:
        >>> len(corpus_fingerprint())
        64
    """
    if source is None or str(source) == "":
        source = seeds_dir()
        metadata = metadata or (source / "metadata.csv")
    root = Path(source)
    h = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
    for p in files:
        h.update((p.relative_to(root).as_posix() if root.is_dir() else p.name).encode())
        h.update(b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    if metadata and Path(metadata).exists() and (not root.is_dir() or Path(metadata).parent != root):
        h.update(hashlib.sha256(Path(metadata).read_bytes()).digest())
    return h.hexdigest()
