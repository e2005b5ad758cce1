"""Russian page furniture and datelines (nineteenth session): sidebar headings end the article, links to
other stories, calls to subscribe, skip links, language switchers, Russian photo credits, and Russian
datelines, glued to the first sentence or on their own. Ordinary sentences with the same words stay
article text.

Every paragraph here was written for these tests (none is taken from a dev kit or a news site); the
expected kinds come from reading them.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kzlib.clean import classify_paragraphs, clean, split_paragraphs
from kzlib.corpus import Corpus

_BODY = ("Вечером 5 января силовики освободили здание городской администрации, которое ранее заняли "
         "протестующие, и восстановили движение транспорта в центре города.")
_BODY2 = "Жители рассказали, что утром магазины в центре города открылись как обычно."


def _kinds(paras: list[str]) -> list[str]:
    return classify_paragraphs(paras)["kind"].tolist()


# ------------------------------------------------------------------------------- sidebars
@pytest.mark.parametrize("heading", ["Другие новости", "Новости по теме", "Последние новости", "Материалы по теме",
                                     "Самое читаемое"])
def test_a_sidebar_heading_after_the_article_ends_it(heading):
    paras = ["Аэропорт города возобновил работу", _BODY, _BODY2, heading,
             "Премьер соседней страны сообщил о прекращении огня Вчера в 23:12 В министерстве сообщили о пострадавших"]
    assert _kinds(paras) == ["title", "body", "body", "boilerplate", "boilerplate"]


def test_a_sidebar_heading_before_any_article_text_does_not_end_the_page():
    paras = ["Другие новости", _BODY, _BODY2]
    assert _kinds(paras) == ["boilerplate", "body", "body"]


def test_a_link_to_another_story_is_furniture_and_the_article_goes_on():
    paras = ["Аэропорт города возобновил работу", _BODY,
             "Читайте такжеВ городе ввели режим чрезвычайной ситуации: что известноКак прошла ночь",
             "Читайте также: Власти объявили о снижении цен на газ", _BODY2]
    assert _kinds(paras) == ["title", "body", "boilerplate", "boilerplate", "body"]


@pytest.mark.parametrize("line", [
    "Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать главные новости региона",
    "Подпишитесь на рассылку",
    "Перейти к основному контенту",
    "BE RU EN",
    "Қаз | Рус | Eng",
    "Реклама",
    "Все права защищены.",
    "18+",
    "Комментарии (3)",
])
def test_russian_site_furniture(line):
    assert _kinds(["Аэропорт города возобновил работу", _BODY, line, _BODY2])[2] == "boilerplate"


def test_a_skip_link_is_not_taken_for_the_title():
    out = classify_paragraphs(["Перейти к основному контенту", "Аэропорт города возобновил работу", _BODY])
    assert out["kind"].tolist() == ["boilerplate", "title", "body"]


@pytest.mark.parametrize("line,kind", [
    ("Фото: Иван Петров / ТАСС", "credit"),
    ("Фото: пресс-служба акимата", "credit"),
    ("Источник: Интерфакс", "credit"),
    ("На фото: жители города у здания администрации, 5 января 2022 года", "caption"),
])
def test_russian_credits_and_captions(line, kind):
    assert _kinds(["Аэропорт города возобновил работу", _BODY, line, _BODY2])[2] == kind


# ------------------------------------------------------------------------------- datelines
@pytest.mark.parametrize("line,date", [
    ("АЛМАТЫ, 6 января. /ТАСС/.", ""),
    ("Москва. 6 января. INTERFAX.RU -", ""),
    ("МОСКВА, 6 янв — РИА Новости.", ""),
    ("10 января 2022, 11:02", "2022-01-10"),
    ("06/01/2022 - 10:12 (по МСК)", "2022-01-06"),
    ("• 3.01.2022, 15:31", "2022-01-03"),
    ("Понедельник, 10 января 2022", "2022-01-10"),
    ("Астана. 5 января 2022 г.", "2022-01-05"),
])
def test_russian_datelines(line, date):
    out = classify_paragraphs(["Аэропорт города возобновил работу", line, _BODY, _BODY2])
    assert out["kind"].tolist() == ["title", "dateline", "body", "body"]
    assert out["dateline"].iloc[1] == date


def test_a_dateline_line_is_not_the_title():
    out = classify_paragraphs(["10 января 2022, 11:02", "Аэропорт города возобновил работу", _BODY])
    assert out["kind"].tolist() == ["dateline", "title", "body"]


def test_a_slashed_date_on_an_english_page_is_not_read_day_first():
    out = classify_paragraphs(["Airport reopens", "06/01/2022 - 10:12",
                               "The airport reopened on Wednesday after protesters left the building."])
    assert out["dateline"].iloc[1] != "2022-01-06"


def test_glued_dateline_and_credit_become_paragraphs_of_their_own():
    text = ("Аэропорт города возобновил работу\n\n"
            "Москва. 6 января. INTERFAX.RU - Президент заявил, что порядок в городе восстановлен.\n\n"
            "Жители вышли на площадь у здания администрации, 5 января 2022 года. Фото: Иван Петров / RFE/RL "
            "По данным местных СМИ, сотни жителей вышли на площадь утром.")
    assert split_paragraphs(text) == [
        "Аэропорт города возобновил работу",
        "Москва. 6 января. INTERFAX.RU -",
        "Президент заявил, что порядок в городе восстановлен.",
        "Жители вышли на площадь у здания администрации, 5 января 2022 года.",
        "Фото: Иван Петров / RFE/RL",
        "По данным местных СМИ, сотни жителей вышли на площадь утром."]
    docs = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "published": [""], "language": ["ru"]})
    kinds = clean(Corpus(documents=docs)).paragraphs["kind"].tolist()
    # the text before a credit cut out of its paragraph stays text (it need not all be the caption)
    assert kinds == ["title", "dateline", "body", "body", "credit", "body"]


# ------------------------------------------------------------------------ ordinary sentences
@pytest.mark.parametrize("sentence", [
    "Другие новости из региона редакция опубликует завтра, сообщил главный редактор.",
    "Читатели просили редакцию чаще публиковать новости по теме выборов.",
    "Фото и видео с места событий публикуют очевидцы в социальных сетях.",
    "Источник в правительстве сообщил, что цены на газ снизят.",
    "Реклама на улицах города исчезла после протестов.",
    "Комментарии к закону опубликовали 6 января на сайте парламента.",
    "Москва, по словам министра, 6 января направила войска в страну.",
    "Он сказал, что подписываться на такие каналы сейчас опасно.",
    "6 января в городе ввели комендантский час.",
])
def test_ordinary_russian_sentences_stay_body_text(sentence):
    assert _kinds(["Аэропорт города возобновил работу", _BODY, sentence, _BODY2]) == ["title", "body", "body", "body"]
