"""Month and weekday names read from kzlib/data (kzlib.text.calendar), and the dateline rules that use them."""

import re

import pytest

from kzlib.clean.paragraphs import _parse_dateline, _parse_ru_dateline
from kzlib.text import month_names, month_number, month_pattern, weekday_names, weekday_pattern


def test_month_numbers_english_and_russian():
    assert [month_number(w) for w in ("January", "jan.", "SEPT", "Sep", "May", "december")] == [1, 1, 9, 9, 5, 12]
    # Russian: the genitive of a date, other cases, newsroom abbreviations, ё written as е
    assert [month_number(w) for w in ("января", "мая", "мае", "сент.", "ноя", "марте", "феврале")] == [1, 5, 5, 9, 11, 3, 2]


def test_words_that_are_no_month():
    assert [month_number(w) for w in ("Monday", "Mayday", "mar", "марш", "м", "")] == [0, 0, 3, 0, 0, 0]


def test_names_in_calendar_order():
    assert month_names(abbreviations=False) == ("January", "February", "March", "April", "May", "June", "July",
                                                "August", "September", "October", "November", "December")
    assert month_names(language="ru", abbreviations=False)[4] == "мая"
    assert weekday_names() == ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    with pytest.raises(ValueError, match="'en' and 'ru'"):
        month_names(language="kk")


def test_patterns_match_whole_names_longest_first():
    months = re.compile(rf"\b{month_pattern()}\b", re.IGNORECASE)
    assert months.findall("On Sept. 5 and in September, not in Septuagint") == ["Sept", "September"]
    assert re.findall(month_pattern(abbreviations=False), "Jan, June, July") == ["June", "July"]
    days = re.compile(rf"\b{weekday_pattern(abbreviations=True)}\b")
    assert days.findall("Thurs and Thursday, Tues, Sun") == ["Thurs", "Thursday", "Tues", "Sun"]
    assert re.findall(rf"\b{weekday_pattern()}\b", "Thurs and Thursday") == ["Thursday"]


def test_datelines_read_through_the_shared_names():
    assert _parse_dateline("Thur, Jan. 6, 2022") == "2022-01-06"
    assert _parse_dateline("6 Sept 2021") == "2021-09-06"
    assert _parse_dateline("Sunday, 31 June 2021") == ""   # no such day
    assert _parse_ru_dateline("АЛМАТЫ, 6 января 2022 года. /ТАСС/.", day_first=True) == "2022-01-06"
    assert _parse_ru_dateline("Москва. 3 сент. 2021, 11:02", day_first=True) == "2021-09-03"
