"""A hostile corpus, generated here: every case of issue 19 in every input format. `kz run` finishes on it
and every file or row is accounted for, in ``documents`` or in ``skipped``.

Nothing here comes from a real corpus: the texts are built from a handful of sentences written for this test.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pandas as pd
import pytest

from conftest import run_kz
from kzlib import load_corpus

SENTENCES = [
    "Kazakhstan's president asked the CSTO for help on Wednesday.",
    "Troops arrived in Almaty on January 7 and guarded the airport.",
    "“Order has been restored,” Tokayev said in a televised address.",
    "Protesters gathered in the main square, witnesses told reporters.",
    "Shares of the state oil company were up 3.4% by 1030 GMT.",
    "The decree was published by the presidential press service.",
    "Officials said the internet would be restored by Friday.",
    "Russia's foreign ministry called the unrest an attempt inspired from abroad.",
]
HOSTILE_PARAGRAPHS = [
    "The city was founded in 1465, the museum says; its archive runs to 9999 pages and starts in year 0001.",
    "Elections were held on 29 February 2020 and repeated on February 29, 2024.",
    "He said “the order was given without warning and then left.",                      # unbalanced quote
    "«Порядок восстановлен», — заявил Токаев. Миротворцы ОДКБ прибыли в Алматы 7 января.",
    "قال الرئيس إن النظام عاد إلى المدينة يوم الجمعة.",
    "托卡耶夫说，阿拉木图的秩序已经恢复。",
    "<div class=\"ad\"><script>alert('x')</script></div><p>Read more &amp; subscribe</p>",
    "=HYPERLINK(\"http://example.invalid\",\"click\")",
    "+7 727 000 00 00 — @newsdesk — -1 dead",
    "word " * 3000,                                                                       # a huge paragraph
    "",
]


def _article(rng: random.Random, i: int) -> str:
    paras = [f"Story {i}: unrest in Kazakhstan"]
    for _ in range(rng.randint(1, 6)):
        paras.append(" ".join(rng.sample(SENTENCES, rng.randint(1, 4))))
    if i % 3 == 0:   # every third article holds a hostile paragraph, in turn: 33 articles hold each of them once
        paras.insert(rng.randint(1, len(paras)), HOSTILE_PARAGRAPHS[i // 3 % len(HOSTILE_PARAGRAPHS)])
    return "\n\n".join(paras) + "\n"


def _write_folder(root: Path, rng: random.Random, n_plain: int) -> tuple[set[str], Path]:
    """The folder corpus; returns every path the result must account for, and a (cp1251) metadata CSV."""
    expected: set[str] = set()

    def put(rel: str, data: bytes | str, *, account: str | None = None) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expected.add(account or rel)

    for i in range(n_plain):
        put(f"{['tass', 'voa', 'тенгри', 'al jazeera'][i % 4]}/{i:03d}.{['txt', 'md'][i % 2]}", _article(rng, i))
    ru = "Токаев обратился к ОДКБ за помощью. Миротворцы прибыли в Алматы."
    put("enc/cp1251.txt", ru.encode("cp1251"))
    put("enc/utf16_bom.txt", ru.encode("utf-16"))
    put("enc/utf16le.txt", "Troops arrived in Almaty on Friday. The airport reopened.".encode("utf-16-le"))
    put("enc/utf8_bom.txt", "\ufeff" + _article(rng, 1000))
    put("enc/nul.txt", b"Troops arrived\x00 in Almaty. It was calm.\n")
    put("enc/latin1.txt", "The café in Almaty reopened after the curfew.".encode("latin-1"))
    put("enc/mojibake.txt", "Blinken said it was â€œnot clearâ€\x9d why they asked.\n")
    put("enc/crlf.txt", _article(rng, 1001).replace("\n", "\r\n"))
    put("enc/cr_only.txt", _article(rng, 1002).replace("\n", "\r"))
    put("enc/controls.txt", "Text with \x07bell and \x1bescape characters. It ends.\n")
    put("bad/empty.txt", b"")
    put("bad/blank.md", "   \n\n\t ")
    put("bad/image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    put("bad/notes.docx", b"PK\x03\x04")
    put("bad/.hidden.txt", "A hidden draft. Not an article.")
    for k in range(3):
        put(f".git/objects/{k}.txt", "x", account=".git/")
    put("README.md", "# About this corpus\n")
    put("sub/readme.md", "About the sub folder.\n")
    put("same/a.txt", _article(rng, 1003))
    put("same/a.md", _article(rng, 1004))
    put("deep/" + "/".join(f"l{j}" for j in range(12)) + "/x.txt", _article(rng, 1005))
    put("names/файл с пробелом.txt", _article(rng, 1006))
    put("names/#hash & 'quote'.txt", _article(rng, 1007))
    put("html/article.html", "<html><head><title>Troops arrive</title></head><body><nav>Home World</nav><article>"
        + "".join(f"<p>{' '.join(SENTENCES)}</p>" for _ in range(3)) + "</article></body></html>")
    put("html/empty_page.html", "<html><body><nav>Home</nav></body></html>")
    put("html/script.htm", "<html><body><script>document.write('x')</script><p>"
        + " ".join(SENTENCES * 2) + "<img src=x onerror=alert(1)></p></body></html>")
    put("short/one_word.txt", "Almaty")
    put("short/only_boilerplate.txt", "Leave a Reply\n\nRelated news\n\nMost read\n")
    put("long/one_line.txt", " ".join(SENTENCES) * 200)
    put("long/many_paragraphs.txt", "\n\n".join(f"Line {k}. Troops." for k in range(1500)))
    put("copies/original.txt", _article(random.Random(7), 2000))
    put("copies/copy.txt", _article(random.Random(7), 2000) + "\nThis article is republished from Example Wire.\n")
    put("copies/hostile_all.txt", "\n\n".join(["All the hostile cases"] + HOSTILE_PARAGRAPHS))
    meta = root.parent / "metadata.csv"
    rows = ["path,title,outlet,published,date_certainty",
            "tass/000.txt,Заголовок,ТАСС,2031-01-05,exact",
            "voa/001.md,A title,VOA,07/01/2022,",
            "тенгри/002.txt,Title,Tengri,next Tuesday-ish,exact",
            "al jazeera/003.md,Title,Al Jazeera,1030,",
            "tass/004.txt,Title,TASS,29.02.2024,",
            "nowhere.txt,Missing,None,2022-01-07,"]
    meta.write_bytes(("\n".join(rows) + "\n").encode("cp1251"))
    expected.add("metadata.csv#nowhere.txt")      # the metadata row of no document is listed too
    return expected, meta


def _accounted(out: Path) -> set[str]:
    docs = pd.read_csv(out / "tables" / "documents.csv", dtype=str, keep_default_na=False)
    skipped = pd.read_csv(out / "tables" / "skipped.csv", dtype=str, keep_default_na=False)
    return set(docs["path"]) | set(skipped["path"])


def test_kz_run_finishes_on_a_hostile_folder_corpus_and_accounts_for_every_file(tmp_path: Path):
    """Notebooks 01-05 on the whole hostile corpus (06_timeline: see the next test)."""
    corpus = tmp_path / "corpus"
    expected, meta = _write_folder(corpus, random.Random(19), n_plain=40)
    articles = [p.read_text(encoding="utf-8") for p in corpus.glob("*/[0-9][0-9][0-9].*")]
    assert len(articles) == 40 and all(any(h in a for a in articles) for h in HOSTILE_PARAGRAPHS if h)
    out = tmp_path / "run"
    result = run_kz("run", "--corpus", str(corpus), "--metadata", str(meta), "--out", str(out), "--no-html",
                    *[arg for nb in ("01", "02", "03", "04", "05") for arg in ("--only", nb)], timeout=1200)
    assert result.returncode == 0, result.stderr[-4000:]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "ok" and len(manifest["completed"]) == 5
    assert _accounted(out) == expected
    docs = pd.read_csv(out / "tables" / "documents.csv", dtype=str, keep_default_na=False).set_index("path")
    assert docs.loc["tass/000.txt", "published"] == "" and docs.loc["tass/000.txt", "date_certainty"] == "unknown"
    assert docs.loc["tass/000.txt", "outlet"] == "ТАСС"                      # the cp1251 metadata, decoded
    assert docs.loc["voa/001.md", "published"] == "2022-01-07"
    assert docs.loc["enc/cp1251.txt", "language"] == "ru"
    assert "were skipped" in result.stderr and "loaded with a problem" in result.stderr
    assert "Traceback" not in result.stderr


def test_timeline_finishes_on_year_like_numbers(tmp_path: Path):
    # issue 19's first defect: years before 1677 ("1030 GMT", 1465, 0001) broke pandas' nanosecond timestamps
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "markets.txt").write_text("Oil shares\n\nShares were up 3.4% by 1030 GMT on January 7.\n")
    (corpus / "history.txt").write_text("Almaty\n\n" + HOSTILE_PARAGRAPHS[0] + "\n\n" + HOSTILE_PARAGRAPHS[1] + "\n")
    result = run_kz("run", "--corpus", str(corpus), "--out", str(tmp_path / "run"), "--only", "06", "--no-html")
    assert result.returncode == 0, result.stderr[-3000:]
    # without HTML the run points at its executed notebooks, not at an index page it did not write
    assert f"Done. Open {tmp_path / 'run' / 'notebooks'}" in result.stdout
    assert not (tmp_path / "run" / "html" / "index.html").exists()


def _table_rows(rng: random.Random, n: int) -> pd.DataFrame:
    texts = [_article(rng, i) for i in range(n)]
    texts[3] = ""
    texts[5] = "   "
    texts[7] = "\x00Troops\x00 arrived. It was calm."
    texts[9] = "=cmd|' /C calc'!A0"
    ids = [f"id{i % (n - 5)}" for i in range(n)]                # the last five ids repeat earlier ones
    ids[11] = ""
    return pd.DataFrame({"id": ids, "text": texts, "outlet": ["TASS", "Тенгри"] * (n // 2),
                         "published": ["2022-01-07", "07/01/2022", "2031-01-01", "not a date", "1030"] * (n // 5)})


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_every_table_row_is_accounted_for(tmp_path: Path, fmt: str):
    rows = _table_rows(random.Random(3), 60)
    path = tmp_path / f"news.{fmt}"
    n_lines = len(rows)
    if fmt == "csv":
        path.write_bytes(rows.to_csv(index=False).encode("cp1251", errors="replace"))
    elif fmt == "jsonl":
        lines = [json.dumps(r, ensure_ascii=False) for r in rows.to_dict("records")]
        lines.insert(20, '{"text": "broken')
        lines.insert(30, "[1, 2]")
        lines.insert(40, json.dumps({"id": "n", "text": 12345}))
        n_lines = len(lines)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        table = rows.copy()
        table["text"] = [t.encode("utf-8") if i % 2 else t for i, t in enumerate(table["text"])]
        table["text"] = table["text"].map(lambda v: v if isinstance(v, bytes) else v.encode("cp1251", "replace"))
        table.to_parquet(path)
    corpus = load_corpus(path, id_column="id")
    assert len(corpus.documents) + len(corpus.skipped) == n_lines
    assert corpus.documents["doc_id"].is_unique
    assert "Тенгри" in set(corpus.documents["outlet"])
    assert not corpus.documents["text"].str.contains("\x00").any()


def test_kz_run_on_a_hostile_csv_accounts_for_every_row(tmp_path: Path):
    rows = _table_rows(random.Random(5), 40)
    path = tmp_path / "news.csv"
    path.write_bytes(rows.to_csv(index=False).encode("cp1251", errors="replace"))
    out = tmp_path / "run"
    result = run_kz("run", "--corpus", str(path), "--out", str(out), "-p", "id_column", "id", "--only", "01",
                    "--only", "02", "--no-html")
    assert result.returncode == 0, result.stderr[-4000:]
    docs = pd.read_csv(out / "tables" / "documents.csv", dtype=str, keep_default_na=False)
    skipped = pd.read_csv(out / "tables" / "skipped.csv", dtype=str, keep_default_na=False)
    assert len(docs) + len(skipped) == 40
    assert "id0~2" in set(docs["doc_id"])                           # a repeated id, kept and renamed
    # the formula in a text cell is escaped in the saved CSV
    paras = pd.read_csv(out / "tables" / "paragraphs.csv", dtype=str, keep_default_na=False)
    assert not paras["text"].str.startswith("=").any()
