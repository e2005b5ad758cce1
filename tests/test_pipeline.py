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


# --- issue 19: refusal before work, honest partial runs, offline pages ---------------------------------

def test_force_never_deletes_a_folder_that_is_not_a_run(tmp_path: Path, seed_copy: Path):
    thesis = tmp_path / "thesis"
    thesis.mkdir()
    (thesis / "chapter1.tex").write_text("My thesis.")
    result = run_kz("run", "--out", str(thesis), "--force")
    assert result.returncode == 1 and "holds no kz run manifest" in result.stderr
    assert (thesis / "chapter1.tex").read_text() == "My thesis."
    # nor the corpus itself, nor a folder holding it
    for out in (seed_copy, seed_copy.parent):
        result = run_kz("run", "--corpus", str(seed_copy), "--out", str(out), "--force")
        assert result.returncode == 1, out
        assert len(list(seed_copy.glob("*.txt"))) == 5


def test_force_replaces_a_run_folder_and_only_what_a_run_wrote(tmp_path: Path):
    from kzlib.errors import KzlibError
    from kzlib.pipeline import _new_run_dir

    old = tmp_path / "old"
    (old / "tables").mkdir(parents=True)
    (old / "tables" / "documents.csv").write_text("doc_id\nx\n")
    (old / "manifest.json").write_text(json.dumps({"kzlib_run": 1, "status": "ok"}))
    assert _new_run_dir(old, force=True) == old.resolve()
    assert not (old / "tables" / "documents.csv").exists() and not (old / "manifest.json").exists()
    # a run folder into which someone put their own file is not replaced: nothing is deleted
    (old / "manifest.json").write_text(json.dumps({"kzlib_run": 1, "status": "ok"}))
    (old / "notes.txt").write_text("mine")
    with pytest.raises(KzlibError, match=r"also holds \['notes.txt'\]"):
        _new_run_dir(old, force=True)
    assert (old / "notes.txt").exists() and (old / "manifest.json").exists()


def test_out_inside_the_corpus_is_refused(seed_copy: Path):
    result = run_kz("run", "--corpus", str(seed_copy), "--out", str(seed_copy / "run"))
    assert result.returncode == 1 and "lies inside the corpus folder" in result.stderr
    assert not (seed_copy / "run").exists()


def test_unwritable_output_is_a_message_not_a_traceback(tmp_path: Path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    result = run_kz("run", "--out", str(blocker / "run"))
    assert result.returncode == 1
    assert "Cannot write the run folder" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("args, message", [
    (["-p", "k", "-3"], r"Parameter 'k' is -3; it must be at least 0"),
    (["-p", "cv_folds", "1"], r"Parameter 'cv_folds' is 1; it must be at least 2"),
    (["-p", "k_min", "8", "-p", "k_max", "3"], r"'k_min' \(8\) is larger than 'k_max' \(3\)"),
    (["-p", "k_min", "41"], r"'k_min' \(41\) is larger than 'k_max' \(40\)"),   # against k_max's default
    (["-p", "subsample", "1.5"], r"Parameter 'subsample' is 1.5; it must be from 0.05 to 1.0"),
    (["-p", "max_document_mb", "-1"], r"Parameter 'max_document_mb' is -1.0; it must be at least"),
    (["-p", "window_start", "07/01/2022"], r"'window_start' is '07/01/2022'; it must be an ISO date"),
    (["-p", "window_start", "2022-02-01", "-p", "window_end", "2022-01-01"], r"'window_start' \(2022-02-01\) is after"),
])
def test_out_of_range_parameters_are_refused_naming_the_parameter(args, message):
    from kzlib.pipeline import _split_run_options, check_parameter_ranges

    declared = notebook_parameters(NOTEBOOKS)
    given = dict(zip(args[1::3], args[2::3]))
    with pytest.raises(ParameterError, match=message):
        rest, _ = _split_run_options(given)
        check_parameter_ranges(rest, declared)


def test_parameter_range_refused_by_kz_before_any_work(tmp_path: Path):
    out = tmp_path / "r"
    result = run_kz("run", "-p", "k", "-3", "--out", str(out))
    assert result.returncode == 1 and "Parameter 'k' is -3" in result.stderr
    assert not out.exists()


def test_a_document_over_the_size_limit_is_refused_before_work(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dump.txt").write_text("Almaty news. " * 200_000)   # 2.6 MB
    out = tmp_path / "r"
    result = run_kz("run", "--corpus", str(corpus), "--out", str(out), "-p", "max_document_mb", "1")
    assert result.returncode == 1 and "dump.txt is 2.6 MB" in result.stderr and "Split it" in result.stderr
    assert not out.exists()


def test_interrupted_run_says_so_in_its_manifest(tmp_path: Path, monkeypatch):
    """A Ctrl-C during the second notebook: the manifest says interrupted and lists what finished."""
    import papermill

    from kzlib.pipeline import RunInterrupted, run_study

    calls = []

    def fake_execute(src, dst, **kwargs):
        calls.append(Path(src).name)
        if len(calls) == 2:
            raise KeyboardInterrupt
        Path(dst).write_text(Path(src).read_text())

    monkeypatch.setattr(papermill, "execute_notebook", fake_execute)
    out = tmp_path / "run"
    with pytest.raises(RunInterrupted, match=r"interrupted; finished notebooks: \['01_corpus.ipynb'\]"):
        run_study(out=out, notebooks=["01", "02", "03"], html_output=False, progress=False)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "interrupted"
    assert manifest["completed"] == ["01_corpus.ipynb"]
    assert [s["status"] for s in manifest["stages"]] == ["ok", "interrupted"]


def test_stop_signal_during_a_run_leaves_an_interrupted_manifest_and_no_traceback(tmp_path: Path):
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "run"
    proc = subprocess.Popen([sys.executable, "-m", "kzlib.cli", "run", "--out", str(out), "--no-html"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.time() + 120
    while not (out / "manifest.json").exists() and time.time() < deadline:
        time.sleep(0.2)
    time.sleep(2)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr[-2000:]
    assert "Traceback" not in stderr and "The run was interrupted" in stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "interrupted"


def test_skipped_and_degraded_documents_reach_the_terminal(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Troops arrived in Almaty on Thursday. The airport reopened on Friday.\n")
    (corpus / "b.txt").write_text("Tokayev asked the CSTO for help. Russian paratroopers landed.\n")
    (corpus / ".hidden.txt").write_text("A hidden draft.\n")
    (corpus / "README.md").write_text("# About\n")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,published\na.txt,2031-05-01\nb.txt,07/01/2022\n")
    out = tmp_path / "run"
    result = run_kz("run", "--corpus", str(corpus), "--metadata", str(meta), "--out", str(out), "--only", "01",
                    "--no-html")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "2 files or rows were skipped: 1 hidden file" in result.stderr
    assert "2 documents were loaded with a problem" in result.stderr
    assert "Kernel is running over TCP" not in result.stderr


def _chromium() -> str | None:
    import shutil

    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="needs Debian's chromium (.ci/run installs it)")
def test_html_pages_render_offline_in_headless_chromium(default_run: Path, tmp_path: Path):
    """The reader's pages load nothing from the network: Chromium's network log of each page holds no
    http(s) request but the browser's own background services."""
    import subprocess

    pages = [default_run / "html" / "index.html", default_run / "html" / "01_corpus.html",
             default_run / "html" / "05_topics.full.html"]
    for page in pages:
        netlog = tmp_path / f"{page.stem}.netlog.json"
        dom = subprocess.run(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
             f"--log-net-log={netlog}", "--proxy-server=http://127.0.0.1:9", "--virtual-time-budget=5000",
             "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=False).stdout
        assert "</body>" in dom, page.name
        requested = set(re.findall(r'"url":"(https?://[^"]+)"', netlog.read_text()))
        own = re.compile(r"^https?://[^/]*(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)/")
        assert {u for u in requested if not own.match(u)} == set(), page.name
    reader = (default_run / "html" / "01_corpus.html").read_text()
    assert "data:image/png;base64" in reader     # figures are inside the page


def test_kernel_sockets_live_in_the_runs_own_folder(tmp_path):
    # jupyter_client numbers IPC sockets by the files it finds in the working folder: two runs started at
    # once in the bundled notebooks folder took the same sockets ("Invalid Signature"). Each run's kernels
    # now put their sockets in a folder of the run's own.
    from kzlib.pipeline.run import _ipc_kernel_manager

    manager = _ipc_kernel_manager(str(tmp_path))()
    assert manager.transport == "ipc"
    assert manager.ip == str(tmp_path / "kernel")
