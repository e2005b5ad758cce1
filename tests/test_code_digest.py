"""The stage cache's code digest covers every code and language-data file, in subfolders too."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlib import preparation


@pytest.fixture
def fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pkg = tmp_path / "kzlib"
    (pkg / "data" / "ru").mkdir(parents=True)
    (pkg / "topics").mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "topics" / "__init__.py").write_text("x = 1\n")
    (pkg / "data" / "ru" / "stopwords.yaml").write_text("words: [и, в]\n", encoding="utf-8")
    monkeypatch.setattr(preparation.resources, "files", lambda name: pkg)
    preparation.code_digest.cache_clear()
    yield pkg
    preparation.code_digest.cache_clear()


def test_digest_changes_when_a_nested_language_file_changes(fake_package: Path) -> None:
    before = preparation.code_digest()
    preparation.code_digest.cache_clear()
    (fake_package / "data" / "ru" / "stopwords.yaml").write_text("words: [и, в, на]\n", encoding="utf-8")
    assert preparation.code_digest() != before


def test_digest_ignores_the_bundled_corpus_link(fake_package: Path) -> None:
    before = preparation.code_digest()
    preparation.code_digest.cache_clear()
    (fake_package / "seeds").mkdir()
    (fake_package / "seeds" / "notes.txt").write_text("a corpus file, not code")
    assert preparation.code_digest() == before
