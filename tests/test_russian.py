"""Russian-language stages (issue 18): quotations, speakers, dates, sentence splitting.

Every sentence here was written for these tests (none is taken from a dev kit or a news site); the
expected values come from reading them.
"""

from __future__ import annotations

import pandas as pd
import pytest
from quote_rows import russian_rows

pytest.importorskip("razdel")
pytest.importorskip("pymorphy3")
pytest.importorskip("natasha")

import kzlib
from kzlib.quotes import QUOTE_COLUMNS
from kzlib.russian import extract_dates_ru, russian_doc_ids
from kzlib.russian.actors import find_actors
from kzlib.russian.nlp import is_russian, nominative, transliterate

_quotes = russian_rows


def _speech(q: pd.DataFrame) -> list[tuple[str, str]]:
    q = q[q["kind"].isin(["direct", "indirect"])]
    return list(zip(q["quote"], q["speaker"]))


# ------------------------------------------------------------------------------------ actors
@pytest.mark.parametrize("text,canonical", [
    ("Слово предоставили Токаеву.", "Kassym-Jomart Tokayev"),
    ("Выступление Токаева длилось час.", "Kassym-Jomart Tokayev"),
    ("Встреча с Путиным перенесена.", "Vladimir Putin"),
    ("Заявление главы МИД России прозвучало вечером.", "Sergey Lavrov"),
    ("В ОДКБ ответили не сразу.", "CSTO"),
    ("Представители МИД России промолчали.", "Russian Foreign Ministry"),
])
def test_actor_names_match_in_every_case(text, canonical):
    assert canonical in [m.canonical for m in find_actors(text)]


def test_english_corpora_load_no_russian_model():
    import subprocess
    import sys

    # the Russian models (pymorphy3's dictionaries, natasha's NER) are imported only for Russian text
    code = ("import sys, pandas as pd, kzlib;"
            "p = pd.DataFrame({'doc_id': ['a'], 'para_id': [0], 'text': ['\"We act,\" Blinken said on Friday.']});"
            "kzlib.extract_quotes(p); kzlib.extract_dates(p.text[0], published='2022-01-07');"
            "print('pymorphy3' not in sys.modules and 'natasha' not in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_cyrillic_names_need_a_capital_but_latin_names_do_not():
    assert find_actors("путин") == []  # a lower-case word is no name
    assert [m.canonical for m in find_actors("сообщает корреспондент tengrinews.kz")] == ["Tengrinews.kz"]


def test_nominative_and_transliteration_of_people_outside_the_gazetteer():
    assert nominative("Ивана Петрова") == "Иван Петров"
    assert nominative("Анне Смирновой") == "Анна Смирнова"
    assert transliterate("Ержан Жуков") == "Yerzhan Zhukov"
    # names the dictionary does not know (Kazakh ones) are put in the nominative by Russian declension rules
    assert nominative("Камчыбека Ташиева") == "Камчыбек Ташиев"
    assert nominative("Айгуль Нурлановой") == "Айгуль Нурланова"
    assert nominative("Сергея Шойгу") == "Сергей Шойгу"  # indeclinable surname
    assert nominative("Ерлан Тургумбаев") == "Ерлан Тургумбаев"  # already nominative


def test_a_surname_alone_matches_a_person_listed_with_first_name():
    assert [m.canonical for m in find_actors("«Мы призываем к сдержанности», — сказал Прайс.")] == ["Ned Price"]


# ------------------------------------------------------------------------------------ quotes
def test_guillemets_with_a_trailing_dash_attribution_any_gender():
    q = _quotes("«Мы не допустим повторения беспорядков в стране», — заявила Мария Захарова.")
    assert _speech(q) == [("Мы не допустим повторения беспорядков в стране", "Maria Zakharova")]


def test_low_quotes_and_attribution_before_the_quote():
    q = _quotes("Песков подчеркнул: „Кремль внимательно следит за развитием ситуации в регионе“.")
    assert _speech(q) == [("Кремль внимательно следит за развитием ситуации в регионе", "Dmitry Peskov")]


def test_a_quote_split_by_its_attribution_gives_two_rows():
    q = _quotes("Путин выступил на саммите.",
                "«Миссия выполнена полностью и в срок, — отметил он. — Войска вернутся домой в ближайшие дни».")
    assert _speech(q) == [("Миссия выполнена полностью и в срок", "Vladimir Putin"),
                          ("Войска вернутся домой в ближайшие дни", "Vladimir Putin")]


def test_dash_led_speech_with_a_title_resolved_to_the_last_holder():
    q = _quotes("Президент Казахстана Касым-Жомарт Токаев выступил с обращением к нации.",
                "— Порядок в Алматы восстановлен, силы правопорядка контролируют город, — сказал глава государства.")
    assert _speech(q) == [("Порядок в Алматы восстановлен, силы правопорядка контролируют город", "Kassym-Jomart Tokayev")]


def test_a_generic_title_means_the_last_named_holder():
    q = _quotes("Путин провел совещание Совбеза.",
                "«Мы выполнили все обязательства перед союзниками», — сказал глава государства.")
    assert _speech(q) == [("Мы выполнили все обязательства перед союзниками", "Vladimir Putin")]


def test_colon_dash_speech():
    q = _quotes("Лавров: — Мы будем добиваться полного выполнения всех договоренностей.")
    assert _speech(q) == [("Мы будем добиваться полного выполнения всех договоренностей.", "Sergey Lavrov")]


@pytest.mark.parametrize("sentence,speaker,content", [
    ("Шойгу заявил, что вывод войск завершится к выходным.", "Sergei Shoigu", "вывод войск завершится к выходным."),
    ("В МИД России заявили, что ситуация стабилизировалась.", "Russian Foreign Ministry", "ситуация стабилизировалась."),
    ("Глава МИД России также сообщит журналистам, что переговоры продолжатся.", "Sergey Lavrov",
     "переговоры продолжатся."),
    ("По словам Токаева, в стране введен режим чрезвычайного положения.", "Kassym-Jomart Tokayev",
     "в стране введен режим чрезвычайного положения."),
    ("Как сообщила Захарова, посольство работает в обычном режиме.", "Maria Zakharova",
     "посольство работает в обычном режиме."),
    ("Министр обороны РФ Сергей Шойгу сообщил о начале вывода миротворцев.", "Sergei Shoigu",
     "начале вывода миротворцев."),
])
def test_reported_speech(sentence, speaker, content):
    assert _speech(_quotes(sentence)) == [(content, speaker)]


def test_content_first_then_the_source():
    q = _quotes("Границы страны будут закрыты до конца недели. Об этом сообщил Ержан Жумабеков.")
    assert _speech(q) == [("Границы страны будут закрыты до конца недели.", "Yerzhan Zhumabekov")]
    q = _quotes("Аэропорт возобновит работу в понедельник, — заявили в Минобороны России.")
    assert _speech(q) == [("Аэропорт возобновит работу в понедельник", "Russian Defense Ministry")]


def test_a_relaying_agency_is_the_speaker_only_when_nobody_else_is_named():
    assert _speech(_quotes("В Алматы снова работают банки, передает ТАСС.")) == [
        ("В Алматы снова работают банки", "TASS")]
    assert _speech(_quotes("Токаев заявил, что банки открыты, передает ТАСС.")) == [
        ("банки открыты, передает ТАСС.", "Kassym-Jomart Tokayev")]


def test_pronouns_and_according_to_him():
    q = _quotes("Пашинян провел экстренное совещание.",
                "По его словам, контингент прибудет в течение суток.",
                "Он добавил, что решение принято единогласно.")
    assert _speech(q) == [("контингент прибудет в течение суток.", "Nikol Pashinyan"),
                          ("решение принято единогласно.", "Nikol Pashinyan")]


def test_a_person_outside_the_gazetteer_is_named_in_the_nominative():
    q = _quotes("По словам Ивана Петрова, в городе спокойно.")
    assert _speech(q) == [("в городе спокойно.", "Ivan Petrov")]


def test_scare_quotes_and_names_are_no_speech():
    q = _quotes("Фонд «Народу Казахстана» получил первые взносы.",
                "Депутаты обсудили так называемых «деструктивных лиц» на заседании.")
    assert _speech(q) == []


# ------------------------------------------------------------------- the public stages route Russian
def test_extract_quotes_routes_russian_documents_and_keeps_the_schema():
    paras = pd.DataFrame({"doc_id": ["en1", "ru1"], "para_id": [0, 0],
                          "text": ['"We will act," Blinken said.', "«Мы будем действовать решительно», — сказал Токаев."]})
    docs = pd.DataFrame({"doc_id": ["en1", "ru1"], "language": ["en", "ru"]})
    q = kzlib.extract_quotes(paras, documents=docs)
    assert list(q.columns[:len(QUOTE_COLUMNS)]) == QUOTE_COLUMNS
    speech = q[q["kind"] == "direct"].set_index("doc_id")
    assert speech.loc["en1", "speaker"] == "Antony Blinken"
    assert speech.loc["ru1", "speaker"] == "Kassym-Jomart Tokayev"
    assert speech.loc["ru1", "quote"] == "Мы будем действовать решительно"
    assert q["quote_id"].tolist() == [0, 0]


def test_russian_rows_say_where_and_how_the_speaker_was_named():
    # issue 18: like English rows, Russian rows give the speaker's mention (offsets in its paragraph) and
    # how it was resolved: a gazetteer name after the quote, one in "по словам X", a pronoun in the next
    # paragraph resolved to the last speaker
    texts = ["«Ситуация в стране стабилизировалась», — заявил Токаев журналистам в Астане.",
             "По словам министра иностранных дел Мухтара Тлеуберди, переговоры продолжатся на следующей неделе.",
             "Он добавил, что делегации встретятся в Женеве в ближайшие дни."]
    paras = pd.DataFrame({"doc_id": ["d"] * 3, "para_id": [0, 1, 2], "text": texts})
    q = kzlib.extract_quotes(paras, documents=pd.DataFrame({"doc_id": ["d"], "language": ["ru"]}))
    q = q[q["kind"].isin(["direct", "indirect"])].set_index("para_id")
    assert q["speaker"].tolist() == ["Kassym-Jomart Tokayev", "Mukhtar Tileuberdi", "Mukhtar Tileuberdi"]
    assert q["speaker_resolution"].tolist() == ["gazetteer", "gazetteer", "pronoun"]
    assert q["speaker_para_id"].tolist() == [0, 1, 2]
    for pid, surface in ((0, "Токаев"), (1, "Мухтара Тлеуберди"), (2, "Он")):
        at = texts[pid].index(surface)
        assert (q.loc[pid, "speaker_start"], q.loc[pid, "speaker_end"]) == (at, at + len(surface))


def test_russian_documents_are_known_by_language_or_by_letters():
    p = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["Токаев заявил", "Tokayev said", "Токаев said that order returned"]})
    assert russian_doc_ids(p) == {"a"}
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "language": ["ru", "en", "ru"]})
    assert russian_doc_ids(p, docs) == {"a", "c"}
    assert is_russian("Президент выступил") and not is_russian("The president spoke")


# ------------------------------------------------------------------------------------ dates
def _dates(text: str, published: str | None) -> list[tuple[str, str]]:
    d = extract_dates_ru(text, published=published)
    return list(zip(d["expression"], d["timex_value"]))


@pytest.mark.parametrize("text,published,expected", [
    ("Указ подписан 7 января 2022 года.", None, [("7 января 2022 года", "2022-01-07")]),
    ("В пятницу прошел митинг.", "2022-01-08", [("В пятницу", "2022-01-07")]),  # 8 January 2022 was a Saturday
    ("Заседание пройдет в понедельник.", "2022-01-08", [("в понедельник", "2022-01-10")]),
    ("На прошлой неделе цены выросли.", "2022-01-12", [("На прошлой неделе", "2022-W01")]),
    ("Люди пропали в начале января.", "2022-01-20", [("в начале января", "2022-01")]),
    ("Обращение прозвучало в ночь на 6 января.", "2022-01-07", [("6 января", "2022-01-06")]),
    ("Два дня назад в городе отключили интернет.", "2022-01-09", [("Два дня назад", "2022-01-07")]),
    ("Восстание в 1986 году подавили.", None, [("в 1986 году", "1986")]),
    ("События 2022-го изменили страну.", None, [("2022-го", "2022")]),
    ("Акция прошла 29 декабря.", "2022-01-05", [("29 декабря", "2021-12-29")]),
    ("Протесты начались 4 и 5 января.", "2022-01-06", [("4", "2022-01-04"), ("5 января", "2022-01-05")]),
    ("Сегодня и с завтрашнего дня действует режим ЧП.", "2022-01-05",
     [("Сегодня", "2022-01-05"), ("завтрашнего дня", "2022-01-06")]),
    ("Дата в шапке: 10.01.2022.", None, [("10.01.2022", "2022-01-10")]),
    ("Январские события обсуждали весь год.", "2022-03-01", [("Январские", "2022-01")]),
    ("Доклад о январских событиях 2022 года вышел.", "2023-09-30", [("январских", "2022-01"), ("2022 года", "2022")]),
])
def test_russian_dates(text, published, expected):
    assert _dates(text, published) == expected


def test_numbers_are_not_dates():
    assert _dates("Задержаны 2,5 тысячи человек, ранены 225 человек, изъято 1500 единиц оружия.", "2022-01-10") == []


def test_without_a_publication_date_relative_dates_stay_unresolved_and_the_text_year_anchors_days():
    assert _dates("Вчера в 5 января всё началось.", None) == [("Вчера", ""), ("5 января", "")]
    assert _dates("В 2022 году, 5 января, всё началось.", None) == [("В 2022 году", "2022"), ("5 января", "2022-01-05")]


def test_timeline_extract_dates_sends_russian_text_here():
    d = kzlib.extract_dates("Митинг прошел 6 января.", published="2022-01-07")
    assert d.loc[0, "date"] == "2022-01-06"
    assert d.loc[0, "timex_type"] == "DATE" and d.loc[0, "timex_value"] == "2022-01-06"
    assert kzlib.extract_dates("On Thursday, the ministry spoke.", published="2022-01-07").loc[0, "date"] == "2022-01-06"


# ------------------------------------------------------------------------------------ cleaning
def test_clean_splits_russian_sentences_with_razdel(tmp_path):
    (tmp_path / "ru.txt").write_text(
        "Заголовок новости\n\nВ. Путин провел совещание, т.е. встречу с министрами. Затем он уехал.\n", encoding="utf-8")
    (tmp_path / "meta.csv").write_text("path,language\nru.txt,ru\n", encoding="utf-8")
    c = kzlib.clean(kzlib.load_corpus(tmp_path, metadata=tmp_path / "meta.csv"))
    body = c.sentences["text"].tolist()
    assert "В. Путин провел совещание, т.е. встречу с министрами." in body
    assert "Затем он уехал." in body
