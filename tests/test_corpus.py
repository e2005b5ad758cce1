"""Loading: folders, tables, metadata, encodings, and bad input reported by name."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import kzlib
from kzlib import CorpusError, load_corpus


def test_seeds_load_with_their_metadata():
    c = load_corpus()
    docs = c.documents.set_index("doc_id")
    assert list(docs.index) == ["000_d7fcb602a5d755b1", "001_288f76d67bc71bf5", "002_263d34c5b9433d99",
                                "003_b322d1b1fe5c5e11", "004_4b552bcad1b25064"]
    # from seeds/metadata.csv, itself written from the collector's README
    assert docs.loc["004_4b552bcad1b25064", "outlet"] == "Svobodnaya Pressa"
    assert docs.loc["004_4b552bcad1b25064", "published"] == "2022-01-10"
    assert docs.loc["002_263d34c5b9433d99", "date_certainty"] == "copy-date"
    assert docs.loc["003_b322d1b1fe5c5e11", "date_certainty"] == "on-or-after"
    assert set(docs["language"]) == {"en"}
    # the collector's README is no article, and is listed as not read rather than left out in silence
    assert c.skipped.values.tolist() == [
        ["README.md", "a README (documentation of the corpus, not an article): not read"]]
    # the raw text is kept verbatim: the first words of 000 as they stand in the file
    assert docs.loc["000_d7fcb602a5d755b1", "text"].startswith("Russia's prime envoy in america")


def test_folder_is_searched_recursively_and_equal_names_stay_apart(tmp_path: Path):
    for outlet in ("tass", "voa"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "article.txt").write_text(f"A story from {outlet}. It has two sentences.\n")
    c = load_corpus(tmp_path)
    assert c.documents["path"].tolist() == ["tass/article.txt", "voa/article.txt"]
    assert c.documents["doc_id"].tolist() == ["tass/article", "voa/article"]


def test_bad_files_are_reported_by_name_not_dropped(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Kazakhstan asked the CSTO for help. Troops arrived on Thursday.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.md").write_text("   \n\n  ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    c = load_corpus(tmp_path)
    assert c.documents["doc_id"].tolist() == ["good"]
    reasons = dict(zip(c.skipped["path"], c.skipped["reason"]))
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.md"] == "empty file"
    assert reasons["image.txt"].startswith("binary file")
    assert "not a corpus file type" in reasons["notes.docx"]


def test_a_corpus_of_only_bad_files_is_an_error_naming_them(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(CorpusError, match=r"empty\.txt: empty file"):
        load_corpus(tmp_path)


def test_missing_corpus_names_the_path(tmp_path: Path):
    with pytest.raises(CorpusError, match="Corpus not found"):
        load_corpus(tmp_path / "nowhere")


def test_cp1251_file_is_decoded_as_cyrillic(tmp_path: Path):
    text = "Токаев обратился к ОДКБ за помощью. Миротворцы прибыли в Алматы.\n"
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    doc = load_corpus(tmp_path).documents.iloc[0]
    assert doc["text"] == text
    assert doc["encoding"].startswith("cp1251")
    assert doc["language"] == "ru"


def test_latin1_and_mojibake_are_repaired(tmp_path: Path):
    (tmp_path / "latin.txt").write_bytes("The café in Almaty reopened after the curfew was lifted.\n".encode("latin-1"))
    # UTF-8 bytes read once as cp1252 and saved again: the classic mojibake of curly quotes
    (tmp_path / "mojibake.txt").write_text("Blinken said it was â€œnot clearâ€\x9d why they asked for help.\n",
                                           encoding="utf-8")
    docs = load_corpus(tmp_path).documents.set_index("doc_id")
    assert "café" in docs.loc["latin", "text"]
    assert "“not clear”" in docs.loc["mojibake", "text"]
    assert docs.loc["mojibake", "encoding"] == "utf-8+ftfy"


def test_csv_corpus_with_configurable_columns(tmp_path: Path):
    path = tmp_path / "news.csv"
    pd.DataFrame({"id": ["a1", "b2"], "body": ["First article text. Two.", "Second article text. Two."],
                  "outlet": ["TASS", "VOA"], "published": ["2022-01-07", "January 10, 2022"]}).to_csv(path, index=False)
    with pytest.raises(CorpusError, match=r"no text column 'text'.*text_column="):
        load_corpus(path)
    docs = load_corpus(path, text_column="body", id_column="id").documents
    assert docs["doc_id"].tolist() == ["a1", "b2"]
    assert docs["outlet"].tolist() == ["TASS", "VOA"]
    assert docs["published"].tolist() == ["2022-01-07", "2022-01-10"]


def test_jsonl_and_parquet_corpora(tmp_path: Path):
    rows = [{"text": "One story about the CSTO. It ends here."}, {"text": ""}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    c = load_corpus(tmp_path / "c.jsonl")
    assert c.documents["doc_id"].tolist() == ["row000000"]
    assert c.skipped["reason"].tolist() == ["empty text"]  # the empty row is reported, not dropped
    pd.DataFrame(rows[:1]).to_parquet(tmp_path / "c.parquet")
    assert len(load_corpus(tmp_path / "c.parquet")) == 1


def test_html_page_is_reduced_to_the_article(tmp_path: Path):
    article = " ".join(["Kazakh President Kassym-Jomart Tokayev asked the Collective Security Treaty Organization "
                        "for help on Wednesday, and Russian paratroopers arrived the next day."] * 4)
    page = f"""<html><head><title>Troops arrive - Example News</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
    <article><h1>Troops arrive in Kazakhstan</h1><p>{article}</p><p>{article}</p></article>
    <footer>Copyright Example News. Subscribe to our newsletter.</footer></body></html>"""
    (tmp_path / "page.html").write_text(page)
    doc = load_corpus(tmp_path).documents.iloc[0]
    assert doc["source_format"] == "html"
    assert "Russian paratroopers arrived" in doc["text"]
    assert "Subscribe to our newsletter" not in doc["text"]
    assert "Sport" not in doc["text"]


def test_metadata_needs_a_key_and_known_certainties(tmp_path: Path, seed_copy: Path):
    bad = tmp_path / "meta.csv"
    bad.write_text("name,outlet\nx,y\n")
    with pytest.raises(CorpusError, match="'path', 'doc_id' or 'file'"):
        load_corpus(seed_copy, metadata=bad)
    bad.write_text("file,date_certainty\n000_d7fcb602a5d755b1.txt,roughly\n")
    with pytest.raises(CorpusError, match="unknown date_certainty"):
        load_corpus(seed_copy, metadata=bad)


def test_corpus_without_dates_is_loaded_with_unknown_dates(seed_copy: Path):
    docs = load_corpus(seed_copy).documents
    assert (docs["published"] == "").all()
    assert (docs["date_certainty"] == "unknown").all()


def test_fingerprint_changes_with_content(seed_copy: Path):
    before = kzlib.corpus_fingerprint(seed_copy)
    assert before == kzlib.corpus_fingerprint(seed_copy)
    (seed_copy / "000_d7fcb602a5d755b1.txt").write_text("changed")
    assert kzlib.corpus_fingerprint(seed_copy) != before


def test_inputs_are_never_modified(seed_copy: Path):
    before = {p.name: p.read_bytes() for p in seed_copy.iterdir()}
    kzlib.prepare(seed_copy)
    assert {p.name: p.read_bytes() for p in seed_copy.iterdir()} == before


def test_language_ids_of_a_batch_are_py3langid_s_one_by_one():
    import py3langid

    from kzlib.corpus.language import (
        _LANGUAGE_BATCH_MIN,
        _detect_languages,
        _language_model,
        detect_language,
    )

    seeds = load_corpus().documents["text"].tolist()
    texts = [s[i:i + n] for s in seeds for i in (0, 333, 1500) for n in (40, 300, 2000)]
    texts += ["Президент Казахстана Касым-Жомарт Токаев заявил о попытке государственного переворота.",
              "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ПРЕЗИДЕНТІ МЕМЛЕКЕТТІК ТӨҢКЕРІС ӘРЕКЕТІ ТУРАЛЫ МӘЛІМДЕДІ",
              "Le président du Kazakhstan a demandé l'aide de l'OTSC après les émeutes d'Almaty.",
              "Der Präsident Kasachstans bat das Militärbündnis um Hilfe, nachdem Unruhen ausbrachen.",
              "THE CSTO SENT TROOPS TO ALMATY AFTER THE PRESIDENT ASKED FOR HELP",
              "12 345 678 -- too few letters", "", "ab " * 30, "Ωμέγα " * 10]
    texts = texts * max(1, -(-_LANGUAGE_BATCH_MIN // len(texts)))
    want = [detect_language(t) for t in texts]
    assert _detect_languages(texts) == want
    assert {"en", "ru", "kk", "fr", "de", "und"} <= set(want)
    # the exact path (taken on near-ties) also agrees with py3langid
    model = _language_model()
    assert model is not None
    sample = texts[:20]
    features = model._walk([model._ident._encode(t[:1000]) for t in sample])
    assert [model._exact(f) for f in features] == [str(py3langid.classify(t[:1000])[0]) for t in sample]


def test_mojibake_far_inside_a_long_text_is_found():
    from ftfy.badness import is_bad

    from kzlib.corpus.decoding import _mojibake_possible

    filler = "The curfew in Almaty was lifted on Thursday, officials said. " * 40
    for bad in ("â€œnot clearâ€\x9d", "Ã© ", "cafÃ©", "Ã  la", "вЂ"):
        text = filler + "He said " + bad + " again. " + filler
        assert is_bad(text) and _mojibake_possible(text), bad
    assert not _mojibake_possible(filler + "He said “not clear” – again… " + filler)
    assert not _mojibake_possible(filler)


# --- issue 19: real corpora and hostile input -------------------------------------------------------

RU = "Токаев обратился к ОДКБ за помощью. Миротворцы прибыли в Алматы и охраняют аэропорт."


def test_cp1251_csv_corpus_and_metadata_are_decoded(tmp_path: Path):
    path = tmp_path / "news.csv"
    path.write_bytes(f"id,text,outlet\na1,\"{RU}\",Тенгри\n".encode("cp1251"))
    meta = tmp_path / "meta.csv"
    meta.write_bytes("doc_id,title\na1,Миротворцы в Алматы\n".encode("cp1251"))
    doc = load_corpus(path, metadata=meta, id_column="id").documents.iloc[0]
    assert doc["text"] == RU
    assert doc["outlet"] == "Тенгри" and doc["title"] == "Миротворцы в Алматы"
    assert doc["language"] == "ru"
    assert doc["encoding"].startswith("cp1251")


def test_utf16_with_bom_and_a_stray_nul_are_read_not_skipped(tmp_path: Path):
    (tmp_path / "utf16.txt").write_bytes(RU.encode("utf-16"))   # with a BOM
    (tmp_path / "nul.txt").write_bytes(b"Troops arrived in Almaty\x00 on Thursday. The airport reopened.\n")
    c = load_corpus(tmp_path)
    docs = c.documents.set_index("doc_id")
    assert c.skipped.empty
    assert docs.loc["utf16", "text"] == RU and docs.loc["utf16", "encoding"] == "utf-16"
    assert docs.loc["nul", "text"] == "Troops arrived in Almaty on Thursday. The airport reopened.\n"
    assert "NUL" in docs.loc["nul", "load_notes"]


def test_hidden_files_readmes_and_unused_sidecars_are_listed_as_skipped(tmp_path: Path):
    (tmp_path / "story.txt").write_text("Troops arrived in Almaty on Thursday. The airport reopened.\n")
    (tmp_path / ".draft.txt").write_text("A hidden draft. It is not an article.\n")
    (tmp_path / ".git").mkdir()
    for i in range(3):
        (tmp_path / ".git" / f"obj{i}.txt").write_text("x y z. a b c.\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "README.md").write_text("# About this corpus\n\nCollected in 2022.\n")
    (tmp_path / "metadata.csv").write_text("file,outlet\nstory.txt,TASS\n")
    c = load_corpus(tmp_path)
    reasons = dict(zip(c.skipped["path"], c.skipped["reason"]))
    assert c.documents["doc_id"].tolist() == ["story"]
    assert reasons[".draft.txt"].startswith("hidden file")
    assert reasons[".git/"] == "hidden folder (3 files): not read"
    assert reasons["sub/README.md"].startswith("a README")
    assert "--metadata" in reasons["metadata.csv"]
    # given as the metadata, the sidecar is used and not listed
    c = load_corpus(tmp_path, metadata=tmp_path / "metadata.csv")
    assert "metadata.csv" not in set(c.skipped["path"]) and c.documents["outlet"].tolist() == ["TASS"]


def test_parquet_text_of_bytes_is_decoded_and_of_numbers_refused(tmp_path: Path):
    pd.DataFrame({"text": [RU.encode("utf-8"), RU.encode("cp1251"), None]}).to_parquet(tmp_path / "b.parquet")
    c = load_corpus(tmp_path / "b.parquet")
    assert c.documents["text"].tolist() == [RU, RU]
    assert c.skipped["reason"].tolist() == ["empty text"]
    pd.DataFrame({"text": [1, 2]}).to_parquet(tmp_path / "n.parquet")
    with pytest.raises(CorpusError, match=r"'text' holds numbers.*text_column"):
        load_corpus(tmp_path / "n.parquet")
    # a JSONL row whose text is a number is listed as skipped, with the reason
    (tmp_path / "m.jsonl").write_text('{"text": "A real article. Two sentences."}\n{"text": 7}\n')
    c = load_corpus(tmp_path / "m.jsonl")
    assert len(c.documents) == 1 and c.skipped["reason"].tolist() == ["the text column holds a int, not text"]


def test_id_column_keeps_the_ids_and_reports_duplicates(tmp_path: Path, monkeypatch):
    path = tmp_path / "news.csv"
    pd.DataFrame({"id": ["x", "y", "x"], "text": ["One story. A.", "Two story. B.", "Three story. C."]}).to_csv(
        path, index=False)
    docs = load_corpus(path, id_column="id").documents.set_index("doc_id")
    assert sorted(docs.index) == ["x", "x~2", "y"]
    assert docs.loc["x~2", "text"] == "Three story. C."
    assert "duplicate id 'x'" in docs.loc["x~2", "load_notes"]
    # kz run -p id_column reaches the loader through the environment
    monkeypatch.setenv("KZLIB_ID_COLUMN", "id")
    assert sorted(load_corpus(path).documents["doc_id"]) == ["x", "x~2", "y"]


def test_same_stem_in_two_formats_gives_two_documents(tmp_path: Path):
    (tmp_path / "a.txt").write_text("A text story. It is here.\n")
    (tmp_path / "a.md").write_text("A markdown story. It is there.\n")
    docs = load_corpus(tmp_path).documents
    assert sorted(docs["doc_id"]) == ["a", "a~2"]


def test_jsonl_bad_line_is_skipped_with_its_line_number(tmp_path: Path):
    lines = [json.dumps({"text": "First story. It is fine."}), '{"text": "broken', json.dumps(["a", "list"]),
             json.dumps({"text": "Fourth line story. Fine too."})]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n")
    c = load_corpus(tmp_path / "c.jsonl")
    assert len(c.documents) == 2
    reasons = dict(zip(c.skipped["path"], c.skipped["reason"]))
    assert reasons["c.jsonl:2"].startswith("line 2 is not valid JSON")
    assert reasons["c.jsonl:3"].startswith("line 3 is a JSON list")


def test_metadata_dates_future_ambiguous_and_unparseable(tmp_path: Path):
    for name in ("a", "b", "c", "d", "e"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name} about Almaty. It has two sentences.\n")
    meta = tmp_path / "meta.csv"
    pd.DataFrame({"file": ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"],
                  "published": ["2031-01-05", "07/01/2022", "next Tuesday-ish", "13/01/2022", "01/13/2022"],
                  "date_certainty": ["exact", "", "exact", "", ""]}).to_csv(meta, index=False)
    docs = load_corpus(tmp_path, metadata=meta).documents.set_index("doc_id")
    assert docs.loc["a", "published"] == "" and docs.loc["a", "date_certainty"] == "unknown"
    assert "future" in docs.loc["a", "load_notes"]
    assert docs.loc["b", "published"] == "2022-01-07" and "day-first" in docs.loc["b", "load_notes"]
    assert docs.loc["c", "published"] == "" and docs.loc["c", "date_certainty"] == "unknown"
    assert "unparseable" in docs.loc["c", "load_notes"]
    assert docs.loc["d", "published"] == "2022-01-13" and docs.loc["d", "load_notes"] == ""
    assert docs.loc["e", "published"] == "2022-01-13" and docs.loc["e", "load_notes"] == ""


def test_normalise_date_rules():
    import datetime

    today = datetime.date(2026, 1, 1)
    assert kzlib.corpus.normalise_date("2022-01-07", today=today) == ("2022-01-07", "")
    assert kzlib.corpus.normalise_date("2022", today=today) == ("2022", "")
    assert kzlib.corpus.normalise_date("2022-02-29", today=today)[0] == ""      # no such day
    assert kzlib.corpus.normalise_date("2024-02-29", today=today) == ("2024-02-29", "")
    assert kzlib.corpus.normalise_date("29.02.2024", today=today) == ("2024-02-29", "")
    assert kzlib.corpus.normalise_date("January 10, 2022", today=today) == ("2022-01-10", "")
    assert kzlib.corpus.normalise_date("1030", today=today) == ("", "publication date 1030 is before 1600: treated as unknown")
    assert kzlib.corpus.normalise_date("0001-01-01", today=today)[0] == ""
    assert kzlib.corpus.normalise_date("1605", today=today) == ("1605", "")
    assert kzlib.corpus.normalise_date("2026-01-02", today=today)[0] == ""


def test_a_document_over_the_size_limit_is_refused_saying_how_to_split(tmp_path: Path):
    (tmp_path / "big.txt").write_text("Almaty news. " * 100_000)    # 1.3 MB
    with pytest.raises(CorpusError, match=r"big\.txt is 1\.3 MB.*Split it into one file per article.*max_document_mb"):
        load_corpus(tmp_path, max_document_mb=1)
    assert len(load_corpus(tmp_path, max_document_mb=2)) == 1
    pd.DataFrame({"text": ["Almaty news. " * 100_000]}).to_csv(tmp_path / "t.csv", index=False)
    with pytest.raises(CorpusError, match=r"t\.csv#row000000 is 1\.3 MB"):
        load_corpus(tmp_path / "t.csv", max_document_mb=1)


def test_a_metadata_row_matching_no_document_is_listed(tmp_path: Path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Story a about Almaty. Two sentences.\n")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,outlet\na.txt,TASS\nb.txt,VOA\n")
    c = load_corpus(tmp_path / "corpus", metadata=meta)
    assert c.skipped.values.tolist() == [["meta.csv#b.txt", "metadata row matches no document (file 'b.txt')"]]


def test_a_written_corpus_reads_back_and_a_wrong_folder_is_named(tmp_path):
    from kzlib.corpus import Corpus
    from kzlib.errors import CorpusError

    corpus = load_corpus()
    back = Corpus.read_parquet(corpus.to_parquet(tmp_path / "prepared"))
    for name, table in corpus.tables().items():
        pd.testing.assert_frame_equal(getattr(back, name), table, check_dtype=False)
    with pytest.raises(CorpusError, match="to_parquet"):
        Corpus.read_parquet(tmp_path)
