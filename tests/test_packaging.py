"""The project's own files install what it needs, and agree with one another."""

from __future__ import annotations

import re
import tomllib

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
        source = path.read_text()
        assert not re.search(r"^(?![^#\n]*>>>)[^#\n]*\bprint\(", source, re.M), f"{path.name} calls print"
        assert "nltk.download" not in source, f"{path.name} downloads NLTK data"
        assert "pickle" not in source, f"{path.name} uses pickle"
