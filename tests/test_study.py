"""prepare(): the shared first steps, and its per-run cache."""

from __future__ import annotations

from pathlib import Path

import kzlib


def test_cache_gives_the_same_tables_and_notices_changed_input(tmp_path: Path, seed_copy: Path):
    first = kzlib.prepare(seed_copy, cache_dir=tmp_path)
    caches = list((tmp_path / "cache").iterdir())
    assert len(caches) == 1
    again = kzlib.prepare(seed_copy, cache_dir=tmp_path)
    for name, table in first.tables().items():
        assert table.to_csv(index=False) == again.tables()[name].to_csv(index=False), name
    # a changed file is a new corpus: a second cache entry, and the change is seen
    (seed_copy / "004_4b552bcad1b25064.txt").write_text("A different story. About something else entirely.\n")
    changed = kzlib.prepare(seed_copy, cache_dir=tmp_path)
    assert len(list((tmp_path / "cache").iterdir())) == 2
    assert changed.documents.set_index("doc_id").loc["004_4b552bcad1b25064", "n_words"] == 7  # A different story. About something else entirely.


def test_without_provenance_every_document_is_its_own_story(seeds_corpus):
    docs = seeds_corpus.documents
    assert (docs["story_id"] == docs["doc_id"]).all()
    assert docs["is_representative"].all()


# --- the study: stages computed once, one meaning per parameter -------------------------------------

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import yaml  # noqa: E402

from kzlib.errors import ParameterError  # noqa: E402
from kzlib.stages import STAGES, parameter_owner  # noqa: E402

RENAMES = {"Anatoly Antonov": "Ambassador A. Antonov (custom gazetteer)",
           "Antony Blinken": "Secretary A. Blinken (custom gazetteer)"}
RENAMED = RENAMES["Anatoly Antonov"]


@pytest.fixture(scope="module")
def custom_gazetteer(tmp_path_factory) -> Path:
    """The bundled gazetteer with two actors renamed (RENAMES), their old names kept as aliases."""
    from importlib import resources

    data = yaml.safe_load(resources.files("kzlib.data").joinpath("actors.yaml").read_text("utf-8"))
    for old, new in RENAMES.items():
        entry = next(a for a in data["actors"] if a["name"] == old)
        entry["name"] = new
        entry["aliases"] = list(entry.get("aliases") or []) + [old]
    path = tmp_path_factory.mktemp("gaz") / "custom.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _names(table: pd.DataFrame, column: str) -> set[str]:
    return {n for v in table[column].fillna("").astype(str) for n in v.split("; ") if n}


def test_a_custom_gazetteer_renames_its_actor_in_every_table(custom_gazetteer: Path, tmp_path: Path):
    default = kzlib.open_study("")
    custom = kzlib.open_study(tmp_path, gazetteer=str(custom_gazetteer))
    # the seeds quote the Russian ambassador Antonov at length (the interview copies 000/001) and date
    # Blinken's statements, so every table about speakers or actors names one of them
    for table, column in [("quotes", "speaker"), ("voices", "speaker"), ("stances", "speaker"),
                          ("stance_summary", "speaker"), ("outlet_stance", "speaker"),
                          ("annotation_sheet", "speaker"), ("events", "actors")]:
        if column not in custom.get(table).columns:
            continue
        before, after = _names(default.get(table), column), _names(custom.get(table), column)
        assert set(RENAMES) & before, table
        for old, new in RENAMES.items():
            assert old not in after, (table, old)
            assert (new in after) == (old in before), (table, new)
    # the saved tables of the run say the same
    for name in ("quotes", "stances", "stance_summary", "annotation_sheet"):
        assert RENAMED in (tmp_path / "tables" / f"{name}.csv").read_text(encoding="utf-8"), name


def test_each_stage_is_computed_once_per_run_and_read_back_identical(tmp_path: Path):
    first = kzlib.open_study(tmp_path)
    quotes = first.quotes
    caches = sorted(p.name for p in (tmp_path / "cache").iterdir() if p.name.startswith("quotes-"))
    assert len(caches) == 1
    again = kzlib.open_study(tmp_path)               # another notebook of the same run
    assert again.key("quotes") == first.key("quotes")
    assert again.quotes.to_csv(index=False) == quotes.to_csv(index=False)
    # a parameter of an upstream stage changes the key of every stage downstream of it, not the others
    other = kzlib.open_study(tmp_path, min_words=2)
    assert other.key("quotes") != first.key("quotes") and other.key("stances") != first.key("stances")
    assert other.key("events") != first.key("events")  # the events read the quotes' speakers as actors
    assert other.key("topics") == first.key("topics")


def test_parameters_have_one_owner_and_unknown_ones_are_errors(tmp_path: Path):
    owners = {}
    for st in STAGES.values():
        for name in st.params:
            assert name not in owners, f"{name} belongs to {owners[name]} and {st.name}"
            owners[name] = st.name
        for name in st.uses:   # a stage reading another's parameter has the owner's default
            assert st.func.__kwdefaults__[name] == parameter_owner(name).params[name], (st.name, name)
    with pytest.raises(ParameterError, match="Did you mean 'threshold'"):
        kzlib.open_study("", treshold=0.5)
    # kz run writes the user's parameters; a notebook that does not declare one still gets it
    (tmp_path / "parameters.json").write_text('{"threshold": 0.5, "max_rows": 3}')
    assert kzlib.open_study(tmp_path).params["threshold"] == 0.5
    assert kzlib.open_study(tmp_path, threshold=0.4).params["threshold"] == 0.4


def test_kz_run_with_a_custom_gazetteer_renames_the_actor_in_every_notebook_s_tables(custom_gazetteer: Path,
                                                                                   tmp_path: Path):
    """The bug of issue 21: `kz run -p gazetteer custom.yaml` renamed an actor in quotes and voices (03)
    but not in stances, stance_summary and the annotation sheet (04, which read the bundled gazetteer).
    The path is given relative to where kz run starts, as a user types it (slow: three notebooks)."""
    import shutil
    import subprocess
    import sys

    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(custom_gazetteer, work / "custom.yaml")
    result = subprocess.run([sys.executable, "-m", "kzlib.cli", "run", "-p", "gazetteer", "custom.yaml", "--only", "03",
                             "--only", "04", "--only", "06", "--no-html", "--out", str(tmp_path / "run")],
                            capture_output=True, text=True, cwd=work, timeout=1200)
    assert result.returncode == 0, result.stderr[-3000:]
    tables = tmp_path / "run" / "tables"
    for name, column in [("quotes", "speaker"), ("voices", "speaker"), ("stances", "speaker"),
                         ("stance_summary", "speaker"), ("annotation_sheet", "speaker"), ("events", "actors")]:
        names = _names(pd.read_csv(tables / f"{name}.csv", keep_default_na=False), column)
        assert set(RENAMES.values()) & names, name
        assert not set(RENAMES) & names, name


def test_every_stage_s_tables_read_back_from_the_cache_as_computed(tmp_path: Path):
    """A later notebook reads a stage from the run's Parquet cache: it must see the table the first one
    computed (same rows, columns and values as CSV). Slow: every stage on the seeds."""
    first = kzlib.open_study(tmp_path)
    computed = {st.name: first.tables(st.name) for st in STAGES.values() if not st.is_object}
    again = kzlib.open_study(tmp_path)
    for name, tables in computed.items():
        assert (tmp_path / "cache" / f"{name}-{again.key(name)[:16]}" / "done.json").exists(), name
        for table, df in again.tables(name).items():
            assert df.to_csv(index=False) == tables[table].to_csv(index=False), (name, table)
            assert list(df.columns) == list(tables[table].columns), (name, table)
