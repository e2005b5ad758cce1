"""Russian quotations, nineteenth session: affiliations of Russian speakers, the tail sentence of a quote
not repeated as a report, unnamed sources (press services, documents) described, a quote continuing
the speech before it.

Every sentence here was written for these tests (none is taken from a dev kit or a news site); the
expected values come from reading them.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd
import pytest
import yaml
from quote_rows import russian_rows

pytest.importorskip("razdel")
pytest.importorskip("pymorphy3")
pytest.importorskip("natasha")

from kzlib.quotes.russian_speakers import describe_source  # noqa: E402
from kzlib.russian.actors import affiliation_of  # noqa: E402

_quotes = russian_rows


def _speech(q: pd.DataFrame) -> pd.DataFrame:
    return q[q["kind"].isin(["direct", "indirect"])].reset_index(drop=True)


# ------------------------------------------------------------------------- the tail of a quote
@pytest.mark.parametrize("text", [
    "«Порядок в городе восстановлен. Виновные понесут наказание по всей строгости закона», — заявил Токаев.",
    '"Порядок в городе восстановлен. Виновные понесут наказание по всей строгости закона", - заявил Токаев.',
    "«Порядок восстановлен (в городе – прим. ред.) полностью, и виновные понесут наказание», — сказал Токаев.",
])
def test_the_last_sentence_of_a_quote_is_not_reported_again(text):
    rows = _speech(_quotes(text))
    assert rows["kind"].tolist() == ["direct"]
    assert rows["speaker"].tolist() == ["Kassym-Jomart Tokayev"]
    assert "ru-trailing" not in rows["method"].tolist()


def test_a_report_after_the_quote_in_the_same_paragraph_is_still_found():
    rows = _speech(_quotes("«Порядок в городе восстановлен. Виновные будут наказаны», — заявил Токаев. "
                           "Позже он сообщил, что войска покинут страну через неделю."))
    assert rows["kind"].tolist() == ["direct", "indirect"]
    assert rows["quote"].iloc[1] == "войска покинут страну через неделю."
    assert set(rows["speaker"]) == {"Kassym-Jomart Tokayev"}


def test_a_trailing_report_without_quotation_marks_is_still_a_row():
    rows = _speech(_quotes("Ситуация в городе полностью стабилизировалась за ночь, сообщил Токаев."))
    assert rows[["kind", "method", "speaker"]].values.tolist() == [
        ["indirect", "ru-trailing", "Kassym-Jomart Tokayev"]]


# ------------------------------------------------------------------------ unnamed sources
@pytest.mark.parametrize("text,speaker,typ,quote", [
    ("Пресс-служба кабинета министров 6 января сообщила, что члены правительства провели заседание.",
     "пресс-служба кабинета министров", "organisation", "члены правительства провели заседание."),
    ("Позже в пресс-службе аэропорта сказали, что рейсы отменены до утра.",
     "пресс-служба аэропорта", "organisation", "рейсы отменены до утра."),
    ("В документе говорится, что военные останутся в стране на ограниченный срок.",
     "документ", "document", "военные останутся в стране на ограниченный срок."),
    ("Рейсы в столицу отменены до утра, сообщили в пресс-службе аэропорта.",
     "пресс-служба аэропорта", "organisation", "Рейсы в столицу отменены до утра"),
    ("«Рейсы в столицу отменены до утра», — сообщили в пресс-службе аэропорта.",
     "пресс-служба аэропорта", "organisation", "Рейсы в столицу отменены до утра"),
    ("Сообщили в пресс-службе больницы, что раненых выписали.",
     "пресс-служба больницы", "organisation", "раненых выписали."),
])
def test_an_unnamed_source_is_described(text, speaker, typ, quote):
    rows = _speech(_quotes(text))
    assert rows[["speaker", "speaker_type", "speaker_resolution", "quote"]].values.tolist() == [
        [speaker, typ, "description", quote]]


def test_a_back_reference_to_a_press_service_is_described():
    rows = _speech(_quotes("Сотрудников эвакуировали из здания терминала. Об этом сообщили в пресс-службе аэропорта."))
    assert rows[["speaker", "quote"]].values.tolist() == [
        ["пресс-служба аэропорта", "Сотрудников эвакуировали из здания терминала."]]


def test_a_description_is_not_what_a_later_pronoun_means():
    rows = _speech(_quotes("Токаев заявил, что порядок в стране восстановлен.",
                           "В пресс-службе аэропорта сказали, что рейсы отменены. Он добавил, что войска уйдут."))
    assert rows["speaker"].tolist() == ["Kassym-Jomart Tokayev", "пресс-служба аэропорта", "Kassym-Jomart Tokayev"]


@pytest.mark.parametrize("text", [
    "В январе сообщили, что цены на газ вырастут.",
    "Вечером 5 января сообщили, что аэропорт закрыт.",
])
def test_a_time_is_not_a_source(text):
    rows = _speech(_quotes(text))
    assert rows["speaker"].tolist() == [""]


@pytest.mark.parametrize("part,verb,before,expected", [
    ("Казахстанское министерство энергетики", "сообщило", True, "казахстанское министерство энергетики"),
    ("Жители города", "рассказали", True, "жители города"),
    ("В Алматы пресс-служба акимата", "сообщила", True, "пресс-служба акимата"),
    ("На сайте ведомства", "сообщается", True, "сайт ведомства"),
    ("Министерство", "сообщили", True, ""),   # a singular noun is not the subject of a plural verb
    ("Газета", "сообщил", True, ""),          # nor a feminine noun that of a masculine one
])
def test_describe_source(part, verb, before, expected):
    assert describe_source(part, verb, before=before)[0] == expected


# ---------------------------------------------------------------------------- affiliations
def test_speakers_of_both_gazetteers_get_their_affiliation():
    rows = _speech(_quotes("Токаев заявил, что порядок в стране восстановлен.",
                           "Министр обороны РФ Сергей Шойгу сообщил, что вывод войск начнется в четверг.",
                           "Путин сказал, что миссия выполнена."))
    assert rows[["speaker", "affiliation"]].values.tolist() == [
        ["Kassym-Jomart Tokayev", "Kazakhstan"], ["Sergei Shoigu", "Russia"], ["Vladimir Putin", "Russia"]]


def test_a_person_ner_finds_takes_the_affiliation_of_their_title():
    rows = _speech(_quotes("Пресс-секретарь Назарбаева Айдос Укибай заявил, что экс-президент находится в столице.",
                           "Посол России в Казахстане Алексей Бородавкин заявил, что посольство работает.",
                           "Заместитель акима города Ержан Бабакумаров сообщил, что аэропорт освобожден."))
    assert rows["affiliation"].tolist() == ["Kazakhstan", "Russia", ""]


def test_a_list_of_names_is_no_title():
    rows = _speech(_quotes("Токаев и Иван Петров обсудили ситуацию в городе. Иван Петров сказал, что всё спокойно."))
    assert rows["affiliation"].tolist() == [""]


def test_every_russian_only_actor_has_an_affiliation_with_its_source():
    ru = yaml.safe_load(resources.files("kzlib.data").joinpath("ru/actors.yaml").read_text("utf-8"))
    main = yaml.safe_load(resources.files("kzlib.data").joinpath("actors.yaml").read_text("utf-8"))
    main_aff = {r["name"]: r["affiliation"] for r in main["actors"]}
    for row in ru["actors"]:
        if row["name"] in main_aff:
            assert row.get("affiliation", main_aff[row["name"]]) == main_aff[row["name"]], row["name"]
            assert affiliation_of(row["name"]) == main_aff[row["name"]]
        else:
            assert row.get("affiliation"), row["name"]
            assert row.get("affiliation_source") in ru["sources"], row["name"]
            assert affiliation_of(row["name"]) == row["affiliation"]


# ----------------------------------------------------------------------- continued speech
def test_a_quote_after_a_report_continues_the_report_speaker():
    text = ("Путин заявил, что ситуация касается всех. Он подчеркнул, что лидеры показали решимость в борьбе "
            "против «террористов, напавших на страну». «Президент страны обратился к партнерам с просьбой о "
            "помощи, и мы")
    rows = _speech(_quotes("Токаев сказал, что порядок восстановлен.", text))
    cont = rows[rows["quote"].str.startswith("Президент страны обратился")]
    assert cont[["kind", "speaker"]].values.tolist() == [["direct", "Vladimir Putin"]]


def test_an_unclosed_quote_opened_with_a_right_mark_continues_the_speaker():
    rows = _speech(_quotes("Токаев заявил: ”Порядок в стране восстановлен, войска выполнили задачу”.",
                           "”Критически важно понять,"))
    assert rows[["kind", "speaker", "quote"]].values.tolist()[-1] == [
        "direct", "Kassym-Jomart Tokayev", "Критически важно понять,"]


def test_an_unattributed_quote_with_no_speaker_before_stays_a_fragment():
    q = _quotes("Вчера в городе было тихо. «Все магазины закрыты, люди сидят по домам и ждут новостей».")
    assert q["kind"].tolist() == ["fragment"]
