"""Load a news corpus: a folder of text/HTML files or one table file, plus a metadata sidecar.

The result is a :class:`Corpus`, a container of tidy tables (pandas DataFrames) that every later
stage reads and extends. Loading never drops a file silently: files that cannot be read are listed
in ``Corpus.skipped`` with the reason, and logged.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kzlib._memory import release_memory, releases_memory
from kzlib._parquet import write_parquet
from kzlib.corpus.dates import normalise_date
from kzlib.corpus.decoding import _decode, _html_to_text, _looks_binary, _repair, _utf16_without_bom
from kzlib.corpus.language import _detect_languages
from kzlib.errors import CorpusError

__all__ = ["Corpus", "load_corpus", "load_metadata", "corpus_fingerprint", "seeds_dir",
           "document_too_large", "DEFAULT_MAX_DOCUMENT_MB", "TEXT_SUFFIXES", "TABLE_SUFFIXES"]

log = logging.getLogger("kzlib.corpus")   # the stage's logger, as before the split

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
    "related": ["doc_a", "doc_b", "relation", "similarity", "aligned_sentences", "reason"],
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
    related: pd.DataFrame = field(default_factory=lambda: _empty("related"))
    source: str = ""

    def replace(self, **tables: pd.DataFrame) -> Corpus:
        """A copy with some tables replaced."""
        return dataclasses.replace(self, **tables)

    def representative_ids(self) -> set[str]:
        """The ``doc_id`` of one copy per story (``is_representative``)."""
        return set(self.documents.loc[self.documents["is_representative"].astype(bool), "doc_id"])

    def representatives(self) -> Corpus:
        """The corpus restricted to one copy per story (``is_representative``)."""
        keep = self.representative_ids()
        return self.replace(**{
            name: table[table["doc_id"].isin(keep)].reset_index(drop=True)
            for name, table in self.tables().items() if "doc_id" in table.columns
        })

    def tables(self) -> dict[str, pd.DataFrame]:
        """All tables by name, in a fixed order."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)
                if isinstance(getattr(self, f.name), pd.DataFrame)}

    def to_parquet(self, folder: str | Path) -> Path:
        """Write every table to ``folder/<table>.parquet`` and the corpus's ``source`` to ``corpus.json``.

        :meth:`read_parquet` reads it back with the same tables (a prepared corpus kept for later work;
        ``kz run`` keeps one in its run folder). Files of the same names in ``folder`` are replaced.

        Example:
            >>> import tempfile
            >>> c = load_corpus()
            >>> with tempfile.TemporaryDirectory() as d:
            ...     back = Corpus.read_parquet(c.to_parquet(d))
            >>> back.documents.equals(c.documents), back.source == c.source
            (True, True)
        """
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables().items():
            write_parquet(table, out / f"{name}.parquet")
        (out / "corpus.json").write_text(json.dumps({"source": self.source}), encoding="utf-8")
        return out

    @classmethod
    def read_parquet(cls, folder: str | Path) -> Corpus:
        """The corpus :meth:`to_parquet` wrote to ``folder`` (a table it lacks is empty)."""
        where = Path(folder)
        if not (where / "corpus.json").is_file():
            raise CorpusError(f"{where} holds no corpus written by Corpus.to_parquet (no corpus.json). "
                              f"Pass the folder given to to_parquet.")
        tables = {f.name: pd.read_parquet(where / f"{f.name}.parquet") for f in dataclasses.fields(cls)
                  if (where / f"{f.name}.parquet").exists()}
        source = json.loads((where / "corpus.json").read_text(encoding="utf-8"))["source"]
        return cls(**tables, source=source)

    def __len__(self) -> int:
        return len(self.documents)


def seeds_dir() -> Path:
    """The bundled corpus: package data ``kzlib/seeds`` (in a source checkout a link to ``seeds/``)."""
    from importlib import resources

    return Path(str(resources.files("kzlib") / "seeds"))


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
            detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
            bad.append((f"{path.name}:{number}", f"line {number} is not valid JSON ({detail}): not read"))
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
