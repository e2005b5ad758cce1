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
