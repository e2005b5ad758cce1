"""Preparing a corpus: load, clean, group copies of one story and repair spun text (:func:`prepare`),
with the prepared tables cached in a run folder under a key of the corpus, the options and kzlib's code
and data (:func:`code_digest`). :mod:`kzlib.study` runs the analysis stages on what this prepares.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
from importlib import resources
from pathlib import Path

from kzlib.clean import clean
from kzlib.corpus import Corpus, corpus_fingerprint, load_corpus
from kzlib.errors import ParameterError

__all__ = ["prepare", "code_digest"]

log = logging.getLogger(__name__)

_CACHE_VERSION = 2


def prepare(
    corpus: str | Path | None = None,
    *,
    metadata: str | Path | None = None,
    text_column: str = "text",
    id_column: str | None = None,
    provenance: bool = True,
    seed: int = 0,
    cache_dir: str | Path | None = None,
    engine: str | None = None,
    scheduler: str | None = None,
    progress: bool = False,
    gazetteer: str | Path | None = None,
) -> Corpus:
    """Load and clean a corpus, group copies of one story and repair spun text.

    ``corpus=None`` (or "") is the bundled seeds with their metadata. The result's tables are
    described in DESIGN.md; ``Corpus.representatives()`` keeps one copy per story. ``gazetteer`` is an
    actor gazetteer file (the format of ``kzlib/data/actors.yaml``) whose names and aliases the repair of
    spun text knows (default: the bundled one).

    With ``cache_dir`` (notebooks pass their ``run_dir``), the prepared tables are stored there as
    Parquet under a key made of the corpus fingerprint, the options and kzlib's code and data, so the
    notebooks of one run prepare the corpus once; a changed input or option never reads a stale cache.

    ``engine="dask"`` cleans the documents, and reads each document's provenance evidence (spin, version,
    the features copies are found by), over Dask partitions (:mod:`kzlib.engine`) on the cluster at
    ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``; none starts one ``LocalCluster`` for
    both); the tables are the same as with ``engine="pandas"``. Left as ``None``, both come from the environment
    variables ``KZLIB_ENGINE`` and ``KZLIB_SCHEDULER``, which ``kz run --engine/--scheduler`` sets for
    the notebooks it runs, else pandas.

    Example:
        >>> c = prepare()                                   # the bundled corpus
        >>> c.documents["story_id"].nunique() <= len(c.documents)  # copies of one story share a story_id
        True
    """
    options = {"corpus": str(Path(corpus).resolve()) if corpus else "", "text_column": text_column,
               "id_column": id_column or "", "provenance": provenance, "seed": int(seed),
               "gazetteer": hashlib.sha256(Path(gazetteer).read_bytes()).hexdigest() if gazetteer else ""}
    cache = _cache_path(cache_dir, corpus, metadata, options) if cache_dir else None
    if cache is not None and (cache / "done.json").exists():
        log.info("Reading the prepared corpus from %s", cache)
        return _read_cache(cache)

    loaded = load_corpus(corpus or None, metadata=metadata or None, text_column=text_column,
                         id_column=id_column or None)
    engine = engine or os.environ.get("KZLIB_ENGINE") or "pandas"
    scheduler = scheduler or os.environ.get("KZLIB_SCHEDULER") or None
    from kzlib.clean import clean_by_partition
    from kzlib.engine import ENGINES, dask_client

    if engine not in ENGINES:
        raise ParameterError(f"Unknown engine {engine!r}; use one of {ENGINES}.")
    # with Dask, one cluster for cleaning and provenance
    cluster = dask_client(scheduler) if engine == "dask" else contextlib.nullcontext({"scheduler": None})
    with cluster as compute:
        client = compute["scheduler"]
        if engine == "pandas":
            result = clean(loaded, progress=progress)
        else:
            result = clean_by_partition(loaded, engine=engine, scheduler=client)
        if provenance:
            from kzlib import provenance as _prov
            from kzlib.actors import Gazetteer

            result = _prov.annotate(result, seed=seed, engine=engine, scheduler=client,
                                    npartitions=None if engine == "pandas" else "auto",
                                    gazetteer=Gazetteer.from_yaml(gazetteer) if gazetteer else None)
    if cache is not None:
        _write_cache(result, cache)
    return result


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of kzlib's modules and data files, so that a code change invalidates the cache.

    Example:
        >>> len(code_digest())
        64
    """
    h = hashlib.sha256()
    root = resources.files("kzlib")
    base = Path(str(root))
    for dirpath, dirnames, filenames in os.walk(base):   # every subpackage and data folder (data/ru …), in order
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if d not in _NOT_CODE and not (here / d).is_symlink())
        for name in sorted(filenames):
            if name.endswith((".py", ".yaml", ".csv", ".txt")):
                h.update((here / name).relative_to(base).as_posix().encode())
                h.update((here / name).read_bytes())
    return h.hexdigest()


#: Folders under kzlib/ that are not code or language data: the links to the bundled corpus, notebooks
#: and gold files (package data; a run's inputs are keyed separately), and byte-code caches.
_NOT_CODE = frozenset({"seeds", "notebooks", "gold", "__pycache__"})


def _cache_path(cache_dir: str | Path, corpus, metadata, options: dict) -> Path:
    key = hashlib.sha256(json.dumps({
        "v": _CACHE_VERSION, "fingerprint": corpus_fingerprint(corpus or None, metadata=metadata or None),
        "code": code_digest(), **options}, sort_keys=True).encode()).hexdigest()[:16]
    return Path(cache_dir) / "cache" / f"prepared-{key}"


def _write_cache(corpus: Corpus, folder: Path) -> None:
    corpus.to_parquet(folder)
    (folder / "done.json").write_text(json.dumps({"source": corpus.source}), encoding="utf-8")


def _read_cache(folder: Path) -> Corpus:
    return Corpus.read_parquet(folder)
