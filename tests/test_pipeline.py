"""The study end to end: `kz run`, parameters, failures, determinism, safety, offline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from conftest import ROOT, run_kz
from kzlib import ParameterError
from kzlib.pipeline import notebook_parameters, resolve_parameters

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def default_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("runs") / "default"
    result = run_kz("run", "--out", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_every_notebook_has_one_readable_parameters_cell():
    declared = notebook_parameters(NOTEBOOKS)  # raises if a parameter line cannot be read by papermill
    assert [nb.name for nb in NOTEBOOKS] == list(declared)
    for nb, params in declared.items():
        assert {"corpus", "metadata", "run_dir", "text_column"} <= set(params), nb
        assert all(spec["help"] for spec in params.values()), f"{nb}: every parameter needs a comment"


def test_committed_notebooks_carry_no_run_metadata():
    for nb_path in NOTEBOOKS:
        nb = nbformat.read(nb_path, as_version=4)
        assert "papermill" not in nb.metadata, nb_path.name
        assert not any("execution" in c.metadata for c in nb.cells), nb_path.name
        assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), f"{nb_path.name} has no outputs"


def test_unknown_parameter_is_an_error_naming_close_matches():
    declared = {"05_topics.ipynb": {"seed": {"type": "int", "default": "0", "help": "random seed"}}}
    with pytest.raises(ParameterError, match=r"Unknown parameter 'sed'.*Did you mean 'seed'"):
        resolve_parameters({"sed": 1}, declared)
    with pytest.raises(ParameterError, match="must be int"):
        resolve_parameters({"seed": "many"}, declared)
    assert resolve_parameters({"seed": "7"}, declared) == {"05_topics.ipynb": {"seed": 7}}


def test_cli_rejects_unknown_parameter_before_running(tmp_path: Path):
    result = run_kz("run", "--out", str(tmp_path / "run"), "-p", "no_such_parameter", "1")
    assert result.returncode == 1
    assert "Unknown parameter 'no_such_parameter'" in result.stderr
    assert not (tmp_path / "run").exists()


def test_help_explains_every_option():
    text = run_kz("run", "--help").stdout
    for option in ("--corpus", "--metadata", "--out", "--params", "-p NAME VALUE", "--force"):
        assert option in text, option
    assert "run" in run_kz("--help").stdout


def test_default_run_leaves_notebooks_html_tables_and_manifest(default_run: Path):
    names = [nb.name for nb in NOTEBOOKS]
    assert sorted(p.name for p in (default_run / "notebooks").glob("*.ipynb")) == names
    for nb in NOTEBOOKS:
        assert (default_run / "html" / f"{nb.stem}.html").exists()
        assert (default_run / "html" / f"{nb.stem}.full.html").exists()
    index = (default_run / "html" / "index.html").read_text()
    assert all(f'href="{nb.stem}.html"' in index for nb in NOTEBOOKS)
    assert "<img" in index  # headline figures
    manifest = json.loads((default_run / "manifest.json").read_text())
    assert manifest["status"] == "ok"
    assert len(manifest["corpus_fingerprint"]) == 64
    assert [s["notebook"] for s in manifest["stages"]] == names
    assert all(s["seconds"] > 0 for s in manifest["stages"])
    assert manifest["packages"]["pandas"] == pd.__version__
    for table in ("documents", "paragraphs", "sentences", "removals"):
        assert (default_run / "tables" / f"{table}.csv").exists()
    assert list((default_run / "figures").glob("*.svg"))
    # the reader's version hides code, the full one shows it
    code = '<span class="n">setup_notebook</span>'
    assert code not in (default_run / "html" / "01_corpus.html").read_text()
    assert code in (default_run / "html" / "01_corpus.full.html").read_text()


def test_documents_table_has_the_design_schema(default_run: Path):
    docs = pd.read_csv(default_run / "tables" / "documents.csv", dtype=str, keep_default_na=False)
    for col in ("doc_id", "path", "title", "outlet", "published", "language", "n_words", "story_id",
                "is_representative", "spin_score", "version"):
        assert col in docs.columns, col
    paras = pd.read_csv(default_run / "tables" / "paragraphs.csv", dtype=str, keep_default_na=False)
    assert {"doc_id", "para_id", "kind", "text"} <= set(paras.columns)


def test_same_run_twice_gives_byte_identical_tables(default_run: Path, tmp_path: Path):
    again = tmp_path / "again"
    result = run_kz("run", "--out", str(again))
    assert result.returncode == 0, result.stderr[-3000:]
    first = json.loads((default_run / "manifest.json").read_text())["tables"]
    second = json.loads((again / "manifest.json").read_text())["tables"]
    assert first and first == second


def test_existing_run_folder_is_not_overwritten(default_run: Path):
    result = run_kz("run", "--out", str(default_run), "--only", "01")
    assert result.returncode == 1
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert json.loads((default_run / "manifest.json").read_text())["status"] == "ok"


def test_failing_notebook_names_the_cell_keeps_what_ran_and_exits_nonzero(tmp_path: Path):
    corpus = tmp_path / "news.csv"
    pd.DataFrame({"body": ["Some text. More text."]}).to_csv(corpus, index=False)
    out = tmp_path / "run"
    result = run_kz("run", "--corpus", str(corpus), "--out", str(out))
    assert result.returncode == 1
    assert re.search(r"01_corpus\.ipynb failed in cell \[\d+\]: CorpusError: .*no text column 'text'", result.stderr)
    assert (out / "notebooks" / "01_corpus.ipynb").exists()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "failed" and manifest["stages"][-1]["status"] == "failed"
    # with the right column the same corpus runs
    ok = run_kz("run", "--corpus", str(corpus), "--out", str(tmp_path / "ok"), "-p", "text_column", "body",
                "--only", "01")
    assert ok.returncode == 0, ok.stderr[-2000:]


def test_article_markup_never_reaches_the_reader(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    payload = "<script>alert('kz')</script><img src=x onerror=alert(1)>"
    (corpus / "evil.txt").write_text(f"Headline {payload}\n\nThe CSTO sent troops {payload} to Almaty. "
                                     f"Officials said so on Friday.\n")
    (corpus / "plain.txt").write_text("Another story about Kazakhstan.\n\nTroops left on January 13. It was calm.\n")
    out = tmp_path / "run"
    result = run_kz("run", "--corpus", str(corpus), "--out", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    pages = list((out / "html").glob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text()
        assert "<script>alert('kz')" not in html, page.name
        assert "<img src=x" not in html, page.name


def test_one_document_corpus_runs(tmp_path: Path):
    corpus = tmp_path / "one"
    corpus.mkdir()
    (corpus / "only.txt").write_text((ROOT / "seeds" / "004_4b552bcad1b25064.txt").read_text())
    result = run_kz("run", "--corpus", str(corpus), "--out", str(tmp_path / "run"))
    assert result.returncode == 0, result.stderr[-3000:]


def test_runs_offline_without_nltk_data(tmp_path: Path):
    """No network (non-loopback connections raise) and an empty NLTK_DATA: the study still runs."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(
        "import socket\n"
        "_connect = socket.socket.connect\n"
        "def _guarded(self, address):\n"
        "    host = address[0] if isinstance(address, tuple) else address\n"
        "    if isinstance(host, str) and not (host.startswith('127.') or host in ('localhost', '::1') or '/' in host):\n"
        "        raise OSError(f'network access blocked in the offline test: {address}')\n"
        "    return _connect(self, address)\n"
        "socket.socket.connect = _guarded\n")
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    out = tmp_path / "run"
    result = run_kz("run", "--out", str(out), env={"PYTHONPATH": str(guard), "NLTK_DATA": str(empty)})
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads((out / "manifest.json").read_text())["status"] == "ok"


def test_a_parameter_shared_by_notebooks_has_one_type():
    types: dict[str, set[str]] = {}
    for params in notebook_parameters(NOTEBOOKS).values():
        for name, spec in params.items():
            types.setdefault(name, set()).add(spec["type"])
    assert {n: t for n, t in types.items() if len(t) > 1} == {}


def test_dask_engine_gives_the_same_tables(default_run: Path, tmp_path: Path):
    out = tmp_path / "dask"
    result = run_kz("run", "--engine", "dask", "--only", "01", "--out", str(out), "--no-html")
    assert result.returncode == 0, result.stderr[-3000:]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["engine"]["name"] == "dask" and manifest["engine"]["scheduler"].startswith("tcp://")
    pandas_tables = json.loads((default_run / "manifest.json").read_text())["tables"]
    for name, digest in manifest["tables"].items():
        assert pandas_tables[name] == digest, name


def test_scheduler_needs_the_dask_engine(tmp_path: Path):
    result = run_kz("run", "--scheduler", "tcp://127.0.0.1:8786", "--out", str(tmp_path / "r"))
    assert result.returncode == 1 and "--scheduler needs --engine dask" in result.stderr
