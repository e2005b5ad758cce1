"""The project's own files install what it needs, and agree with one another."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

from conftest import ROOT


def _norm(spec: str) -> tuple[str, str]:
    """('name', 'version constraint') with the name normalised as PyPI does and extras dropped."""
    m = re.match(r"^\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*(.*)$", spec)
    assert m, spec
    return re.sub(r"[-_.]+", "-", m.group(1)).lower(), m.group(3).replace(" ", "")


def test_environment_yml_has_the_same_direct_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(_norm(s) for s in project["dependencies"] + project["optional-dependencies"]["test"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda: dict[str, str] = {}
    for dep in env["dependencies"]:
        specs = dep["pip"] if isinstance(dep, dict) else [dep]
        conda.update(_norm(s) for s in specs)
    conda.pop("python"), conda.pop("pip")
    assert conda == wanted


def test_lock_file_pins_every_direct_dependency():
    lines = [ln for ln in (ROOT / "requirements.lock").read_text().splitlines() if ln and not ln.startswith("#")]
    pinned = {_norm(ln.split("==")[0])[0] for ln in lines if "==" in ln}
    assert all("==" in ln for ln in lines), "every line of the lock file is an exact version"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    direct = {_norm(s)[0] for s in project["dependencies"] + project["optional-dependencies"]["test"]}
    assert direct <= pinned, f"not in requirements.lock: {sorted(direct - pinned)}"


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert readme.index("make run") < 1200 and readme.index("make test") < 1200


def test_library_never_prints_or_downloads():
    for path in (ROOT / "kzlib").rglob("*.py"):
        if "notebooks" in path.relative_to(ROOT / "kzlib").parts:
            continue  # the bundled notebooks (a link to notebooks/) print by design
        source = path.read_text()
        assert not re.search(r"^(?![^#\n]*>>>)[^#\n]*\bprint\(", source, re.M), f"{path.name} calls print"
        assert "nltk.download" not in source, f"{path.name} downloads NLTK data"
        # tables are cached as Parquet, never as pickles (a pickle from a shared run folder runs code when read)
        assert not re.search(r"^\s*(import|from)\s+(c?pickle|dill|joblib)\b|\bpickle\.loads?\(", source, re.M), \
            f"{path.name} uses pickle"


def _build_isolation_flags() -> list[str]:
    """pip builds the wheel with the running environment's setuptools where it can (setuptools>=68 as
    pyproject.toml asks, with the wheel package before setuptools 70.1), which is offline and spares
    pip a fresh build environment; otherwise in an isolated one (which fetches setuptools)."""
    from importlib.metadata import PackageNotFoundError, version

    def _at_least(name: str, *wanted: int) -> bool:
        try:
            got = tuple(int(x) for x in re.findall(r"\d+", version(name))[:len(wanted)])
        except PackageNotFoundError:
            return False
        return got >= wanted

    own = _at_least("setuptools", 70, 1) or (_at_least("setuptools", 68) and _at_least("wheel", 0))
    return ["--no-build-isolation"] if own else []


def test_wheel_installed_in_a_fresh_venv_runs_the_bundled_study(tmp_path):
    """pip install of the built wheel into a new venv, then `kz run` from an empty folder: the bundled seeds,
    notebooks and gold files are found in the installed package (notebooks 01 and 03, which read all three; the
    whole study's tables are checked end to end in test_pipeline.py). The new venv gets kzlib only from the wheel; the dependencies come from the running
    environment's site-packages (a path file), so the test needs no network once the wheel is built. The new venv
    has no pip of its own: the running environment's pip installs into it (``pip --python``)."""
    import subprocess
    import sys
    import sysconfig
    import venv

    import pytest

    dist = tmp_path / "dist"
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("PYTHONPATH", "KZLIB_ENGINE", "KZLIB_SCHEDULER")}
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", *_build_isolation_flags(), "-q",
                            "-w", str(dist), str(ROOT)], capture_output=True, text=True, env=env, timeout=600)
    if built.returncode != 0:
        pytest.skip("could not build the wheel (pip fetches the build backend setuptools>=68 when it is not "
                    f"installed; offline?): {built.stderr[-500:]}")
    wheel = next(dist.glob("kzlib-*.whl"))
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    py = target / "bin" / "python"
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    (Path(purelib) / "kzlib-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q", str(wheel)],
                   check=True, env=env, timeout=600)
    empty = tmp_path / "work"
    empty.mkdir()
    where = subprocess.run([str(py), "-c", "import kzlib, kzlib.corpus as c; print(kzlib.__file__); print(c.seeds_dir())"],
                           capture_output=True, text=True, cwd=empty, env=env, check=True).stdout.split()
    assert all(w.startswith(purelib) for w in where), where        # not the source checkout
    run = subprocess.run([str(target / "bin" / "kz"), "run", "--no-html", "--only", "01", "--only", "03"], capture_output=True, text=True,
                         cwd=empty, env={**env, "PATH": f"{target / 'bin'}:{env.get('PATH', '')}"}, timeout=1800)
    assert run.returncode == 0, run.stderr[-3000:]
    runs = list((empty / "outputs").glob("run-*"))
    assert len(runs) == 1
    manifest = __import__("json").loads((runs[0] / "manifest.json").read_text())
    assert manifest["status"] == "ok" and len(manifest["stages"]) == 2
    for table in ("documents", "quotes", "voices", "quote_scores"):
        assert (runs[0] / "tables" / f"{table}.csv").is_file(), table
