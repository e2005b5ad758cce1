"""Session 36: the Russian rules on what suffers an act of harm, and on quotation marks around proper names.

Every sentence here is written for these tests; the expected stance is what a reader takes the sentence to say
about the target (the bundled targets: protesters, Kazakh government, CSTO intervention …).
"""

from __future__ import annotations

import pandas as pd
import pytest

from kzlib.stance import Target, detect_stance


def _q(*quotes: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": "d", "quote_id": [f"q{i}" for i in range(len(quotes))], "quote": list(quotes),
                         "speaker": "Иван Петров", "language": "ru"})


def _stance(quote: str, target: str, **kw) -> tuple[str, str]:
    st = detect_stance(_q(quote), **kw)
    row = st[st.target == target]
    return (row["stance"].item(), str(row["cues"].item())) if len(row) else ("no row", "")


@pytest.mark.parametrize("quote", [
    "В Алматы были убиты десятки протестующих.",  # the subject of a passive act of harm
    "Полиция задержала сотни протестующих.",  # the accusative object of the act
    "Вечером почтили память убитых протестующих.",  # the noun a participle of harm modifies
    "Начался жестокий разгон протестующих.",  # the genitive after the noun of harm; "жестокий" judges the act
    "Протестующие были атакованы силовиками.",  # the passive's subject; the instrumental is the agent
])
def test_what_suffers_an_act_of_harm_is_not_evaluated_against_by_it(quote):
    stance, cues = _stance(quote, "protesters")
    assert stance != "against", cues


def test_a_judgment_of_the_harm_is_reversed_for_what_suffers_it():
    stance, cues = _stance("Мы осуждаем расстрел протестующих.", "protesters")
    assert stance == "favor", cues
    assert "(of harm done to it)" in cues
    # a judgment that approves of the harm is against what suffers it
    stance, cues = _stance("Мы поддерживаем задержание протестующих.", "protesters")
    assert stance == "against", cues
    # a cue whose own object comes first judges that, not a later act of harm
    stance, cues = _stance("Мы за поддержку протестующих и против насилия над полицейскими.", "protesters")
    assert stance == "favor" and "(of harm done to it)" not in cues, cues


def test_an_act_of_harm_to_a_target_evaluates_no_one_else():
    # a report of arrests is no stance against the security forces who make them
    stance, cues = _stance("Силовики задержали протестующих.", "Kazakh government")
    assert stance != "against", cues
    # a word of accusation says who did the act, not what the speaker thinks of it for its victim
    stance, cues = _stance("Мужчину обвиняют в убийстве протестующих.", "protesters")
    assert stance == "none" and "(of harm done to it)" not in cues, cues


def test_an_attack_on_what_is_no_target_still_evaluates_who_makes_it():
    stance, cues = _stance("Протестующие напали на полицию.", "protesters")
    assert stance == "against", cues


def test_a_proper_name_in_quotation_marks_is_typography_not_distance():
    party = [Target("Nur Otan", aliases=("Nur Otan",), ru_aliases=("нур отан",))]
    assert _stance("Депутаты партии «Нур Отан» собрались в Астане.", "Nur Otan", targets=party)[0] == "none"
    # sentence-first, a name by its second capital
    assert _stance("«Нур Отан» собрал депутатов в Астане.", "Nur Otan", targets=party)[0] == "none"
    # a common word in quotation marks is the speaker's distance, even first in its sentence
    stance, cues = _stance("«Миротворцы» ОДКБ вошли в страну.", "CSTO intervention")
    assert stance == "against" and "(distancing)" in cues


def test_alleged_disputes_the_claim_not_the_name_after_it():
    stance, cues = _stance("Якобы Токаев попросил ОДКБ ввести войска.", "Kazakh government")
    assert "(distancing)" not in cues
    # "так называемый" disputes the name itself, proper or not
    dpr = [Target("Transnistria", aliases=("Transnistria",), ru_aliases=("приднестровье",))]
    stance, cues = _stance("Так называемое Приднестровье провело выборы.", "Transnistria", targets=dpr)
    assert stance == "against" and "(distancing)" in cues


def test_a_russian_poll_holds_no_view_and_its_rows_are_left_out():
    q = _q("Большинство граждан поддерживают ввод войск ОДКБ.", "Мы поддерживаем ввод войск ОДКБ.")
    q["speaker"] = ["Новый опрос ВЦИОМ", "Директор ВЦИОМ Валерий Федоров"]
    st = detect_stance(q)
    assert set(st["quote_id"]) == {"q1"}  # the poll's quote gets no row; the person's does
    kept = detect_stance(q, record_rows=True)
    assert kept.loc[kept.quote_id == "q0", "stance"].tolist() == ["favor"]


@pytest.mark.parametrize("quote, expected", [
    ("Мы подавим протестующих.", "against"),  # the speaker's own act, first person
    ("Я приказал разогнать протестующих.", "against"),  # an infinitive after a verb in the first person
    ("Мы не будем разгонять протестующих.", "none"),  # negated
    ("Полиция разогнала протестующих.", "none"),  # someone else's act, reported
])
def test_the_speakers_own_act_of_harm_is_against_what_suffers_it(quote, expected):
    stance, cues = _stance(quote, "protesters")
    assert stance == expected, cues
    assert ("(the speaker's own act)" in cues) == (expected == "against")


def test_an_attack_with_a_preposition_of_its_object_spares_that_object():
    # "в отношении" and "по" mark what suffers the act; a genitive after "нападение" is who attacks
    assert _stance("Мы осуждаем насилие в отношении мирных протестующих.", "protesters")[0] == "favor"
    assert _stance("Силовики стреляли по протестующим.", "protesters")[0] == "none"
    stance, cues = _stance("Вчера было нападение протестующих на полицию.", "protesters")
    assert stance == "against", cues
