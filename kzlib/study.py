"""A study computed once per run: ``open_study`` runs the stages of :mod:`kzlib.stages` once, on the
corpus :func:`kzlib.preparation.prepare` loads and cleans (importable from here too), and caches their
tables in the run folder.

Every notebook of a run opens the same study (``study = kzlib.open_study(run_dir, ...)``) and reads
tables from it (``study.quotes``, ``study.stance_summary``): a stage is computed by the first notebook
that needs it and read back from ``<run_dir>/cache/`` by the others, under a key made of its inputs'
keys, its parameters and kzlib's code and data, so a changed input, parameter or code never reads a
stale table. Without a run folder the study keeps its tables in memory.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import pandas as pd

from kzlib._parquet import write_parquet
from kzlib.corpus import corpus_fingerprint
from kzlib.errors import KzlibError, ParameterError
from kzlib.preparation import code_digest, prepare

__all__ = ["prepare", "open_study", "Study", "code_digest"]

log = logging.getLogger(__name__)

_CACHE_VERSION = 2  # of the stage tables' cache keys


# --- the study: stages computed once per run -------------------------------------------------------


def open_study(run_dir: str | Path = "", **params: Any) -> Study:
    """Open the study of a run folder (``run_dir``; empty: in memory only) with stage parameters.

    Parameters not given come from ``<run_dir>/parameters.json`` (written by ``kz run``: what the
    user passed with ``-p``), else from the stages' defaults (``kz params`` lists them). An unknown
    name is an error.

    Example:
        >>> seeds = open_study("", one_copy_per_story=True)        # the bundled seeds, in memory
        >>> seeds.params["threshold"], "speaker" in seeds.quotes.columns
        (0.3, True)
        >>> open_study("", gazeteer="x.yaml")
        Traceback (most recent call last):
        ...
        kzlib.errors.ParameterError: Unknown study parameter 'gazeteer'. Did you mean 'gazetteer'? ...
    """
    return Study(run_dir, **params)


class Study:
    """The stages of one run, each computed once; tables are attributes (``study.stances``).

    ``study.params`` are the parameters in force, ``study.key(stage)`` the cache key of a stage.
    """

    def __init__(self, run_dir: str | Path = "", **params: Any) -> None:
        from kzlib.stages import STAGES

        self.run_dir = Path(run_dir) if run_dir else None
        defaults = {name: default for st in STAGES.values() for name, default in st.params.items()}
        given: dict[str, Any] = {}
        run_params = self.run_dir / "parameters.json" if self.run_dir else None
        if run_params is not None and run_params.is_file():
            given.update({k: v for k, v in json.loads(run_params.read_text(encoding="utf-8")).items() if k in defaults})
        given.update(params)
        for name in given:
            if name not in defaults:
                close = difflib.get_close_matches(name, list(defaults), n=3)
                hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
                raise ParameterError(f"Unknown study parameter {name!r}.{hint} Known: {', '.join(sorted(defaults))}.")
        self.params: dict[str, Any] = {**defaults, **given}
        self._objects: dict[str, Any] = {}
        self._results: dict[str, dict[str, pd.DataFrame]] = {}
        self._keys: dict[str, str] = {}

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.params.items() if v != _default(k)}
        return f"Study(run_dir={str(self.run_dir or '')!r}, params={changed})"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        from kzlib.stages import stage_of_table

        try:
            stage_of_table(name)
        except ParameterError as exc:
            raise AttributeError(str(exc)) from None
        return self.get(name)

    def __dir__(self) -> list[str]:
        from kzlib.stages import STAGES

        names = {t for st in STAGES.values() for t in st.tables} | {s.name for s in STAGES.values() if s.is_object}
        return sorted(set(super().__dir__()) | names)

    def get(self, name: str) -> Any:
        """A table (or the corpus, gazetteer, targets) by name, computing its stage if needed.

        Example:
            >>> study.get("voices") is study.voices                  # study: the seeds' (conftest.py)
            True
        """
        from kzlib.stages import stage_of_table

        st = stage_of_table(name)
        if st.is_object:
            return self._object(st.name)
        return self.tables(st.name)[name]

    def tables(self, stage_name: str) -> dict[str, pd.DataFrame]:
        """Every table of a stage, computed once (or read from the run's cache).

        Example:
            >>> sorted(study.tables("voices"))
            ['voices', 'voices_per_language', 'voices_per_outlet']
        """
        from kzlib.report import save_table
        from kzlib.stages import STAGES

        if stage_name in self._results:
            return self._results[stage_name]
        st = STAGES[stage_name]
        folder = self.run_dir / "cache" / f"{st.name}-{self.key(st.name)[:16]}" if self.run_dir else None
        if folder is not None and (folder / "done.json").exists():
            log.info("Reading stage %s from %s", st.name, folder)
            result = {t: pd.read_parquet(folder / f"{t}.parquet") for t in st.tables}
        else:
            log.info("Computing stage %s", st.name)
            result = st.func(*[self.get(i) for i in st.inputs], **self._kwargs(st.name))
            if set(result) != set(st.tables):
                raise KzlibError(f"Stage {st.name} returned tables {sorted(result)}, but declares {list(st.tables)}.")
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
                for t in st.tables:
                    write_parquet(result[t], folder / f"{t}.parquet")
                for t in st.tables:
                    save_table(result[t], t, run_dir=self.run_dir)
                (folder / "done.json").write_text(json.dumps({"stage": st.name, "key": self.key(st.name),
                                                              "params": self._kwargs(st.name)}, default=str),
                                                  encoding="utf-8")
        self._results[stage_name] = result
        return result

    def key(self, stage_name: str) -> str:
        """The cache key of a stage: its parameters, the contents of files they name, its inputs' keys
        and kzlib's code version.

        Example:
            >>> open_study().key("quotes") != open_study(min_words=3).key("quotes")
            True
        """
        if stage_name in self._keys:
            return self._keys[stage_name]
        from kzlib.stages import STAGES, stage_of_table

        st = STAGES[stage_name]
        kwargs = self._kwargs(stage_name)
        files = {k: hashlib.sha256(Path(v).read_bytes()).hexdigest() for k, v in kwargs.items()
                 if isinstance(v, str) and v and Path(v).is_file()}
        extra = {}
        if st.name == "corpus":
            extra["fingerprint"] = corpus_fingerprint(kwargs["corpus"] or None, metadata=kwargs["metadata"] or None)
        inputs = {i: self.key(stage_of_table(i).name) for i in st.inputs}
        key = hashlib.sha256(json.dumps({"v": _CACHE_VERSION, "stage": st.name, "params": kwargs, "files": files,
                                         "inputs": inputs, "code": code_digest(), **extra},
                                        sort_keys=True, default=str).encode()).hexdigest()
        self._keys[stage_name] = key
        return key

    def _kwargs(self, stage_name: str) -> dict[str, Any]:
        from kzlib.stages import STAGES

        st = STAGES[stage_name]
        return {name: self.params[name] for name in (*st.params, *st.uses)}

    def _object(self, stage_name: str) -> Any:
        from kzlib.report import save_table
        from kzlib.stages import STAGES

        if stage_name not in self._objects:
            st = STAGES[stage_name]
            kwargs = self._kwargs(stage_name)
            if st.name == "corpus":
                kwargs["cache_dir"] = str(self.run_dir or "")
            obj = st.func(*[self.get(i) for i in st.inputs], **kwargs)
            if st.name == "corpus" and self.run_dir is not None:
                marker = self.run_dir / "cache" / f"corpus-{self.key('corpus')[:16]}.saved"
                if not marker.exists():
                    for name, table in {"documents": obj.documents.drop(columns=["text"]), "paragraphs": obj.paragraphs,
                                        "sentences": obj.sentences, "removals": obj.removals,
                                        "skipped": obj.skipped}.items():
                        save_table(table, name, run_dir=self.run_dir)
                    marker.parent.mkdir(parents=True, exist_ok=True)
                    marker.write_text(self.key("corpus"), encoding="utf-8")
            self._objects[stage_name] = obj
        return self._objects[stage_name]


def _default(name: str) -> Any:
    from kzlib.stages import parameter_owner

    return parameter_owner(name).params[name]
