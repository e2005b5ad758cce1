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
    "Начался жестокий разгон протестующих.",  # the genitive after the noun of harm ("жестокий" evaluates no one)
    "Протестующих жестоко разогнала полиция.",  # an oblique object opening the clause
    "Силовики жестоко стреляли по протестующим.",  # the object of "по"
])
def test_what_suffers_an_act_of_harm_is_not_evaluated_against_by_it(quote):
    stance, cues = _stance(quote, "protesters")
    assert stance != "against", cues


def test_a_judgment_of_the_harm_is_reversed_for_what_suffers_it():
    stance, cues = _stance("Мы осуждаем расстрел протестующих.", "protesters")
    assert stance == "favor", cues
    assert "(of harm done to it)" in cues
    # so is a judgment predicated of it; a word of cruelty evaluates no one (coded blind, the victims of a "brutal"
    # act were read as not evaluated)
    assert _stance("Задержание протестующих было незаконным.", "protesters")[0] == "favor"
    assert _stance("Начался жестокий разгон протестующих.", "protesters")[0] == "none"
    assert _stance("Это была кровавая расправа над протестующими.", "protesters")[0] == "none"
    # a judgment that approves of the harm is against what suffers it
    stance, cues = _stance("Мы поддерживаем задержание протестующих.", "protesters")
    assert stance == "against", cues
    # a cue whose own object comes first judges that, not a later act of harm
    stance, cues = _stance("Мы за поддержку протестующих и против насилия над полицейскими.", "protesters")
    assert stance == "favor" and "(of harm done to it)" not in cues, cues


def test_an_act_of_harm_to_someone_evaluates_no_one_else():
    # a report of arrests is no stance against the security forces who make them, whoever is arrested
    for quote in ("Силовики задержали протестующих.", "Силовики задержали журналистов."):
        stance, cues = _stance(quote, "Kazakh government")
        assert stance == "none", (quote, cues)
    # a genitive before the verb is not what suffers it: the protesters' leader killed someone, a report
    assert _stance("Лидер протестующих убил полицейского.", "protesters")[0] == "none"
    # a word of accusation says who did the act, not what the speaker thinks of it for its victim
    stance, cues = _stance("Мужчину обвиняют в убийстве протестующих.", "protesters")
    assert stance == "none" and "(of harm done to it)" not in cues, cues


def test_an_act_of_aggression_evaluates_who_commits_it_not_what_suffers_it():
    stance, cues = _stance("Протестующие напали на полицию.", "protesters")
    assert stance == "against", cues
    st = detect_stance(_q("Насилие силовиков против протестующих продолжается."))
    got = dict(zip(st["target"], st["stance"]))
    assert got == {"Kazakh government": "against", "protesters": "none"}, st[["target", "cues"]]


@pytest.mark.parametrize("quote, target, holder", [
    ("США осудили Россию.", "Russia", "United States"),  # the nominative subject holds it
    ("Россию осудили США.", "Russia", "United States"),  # an object first: the subject follows
    ("Токаева поддержали США.", "Kazakh government", "United States"),  # "Токаева" is no plural subject
    ("В Вашингтоне осудили Россию.", "Russia", "United States"),  # an indefinite plural: the place holds it
    ("Токаев осудил протестующих.", "protesters", "Kazakh government"),  # a name the dictionary misreads
    ("Протестующие были поддержаны США.", "protesters", "United States"),  # the passive's agent
    ("Токаева поддерживают миллионы граждан.", "Kazakh government", None),  # a third party, not a target
])
def test_someone_elses_judgment_is_relayed_to_its_object_not_given_to_its_holder(quote, target, holder):
    st = detect_stance(_q(quote))
    got = {t: (s, str(c)) for t, s, c in zip(st["target"], st["stance"], st["cues"])}
    stance, cues = got[target]
    assert stance == "none" and "(its holder's)" in cues, got  # relayed: no direction alone
    if holder is not None:
        assert got[holder][0] == "none" and "(its holder's)" not in got[holder][1], got


@pytest.mark.parametrize("quote, target, expected", [
    ("Мы поддерживаем Токаева и осуждаем протестующих.", "protesters", "against"),  # the speaker's own judgment
    ("Вместе с Россией мы поддерживаем ОДКБ.", "CSTO intervention", "favor"),
    ("Вместе с Россией мы поддерживаем ОДКБ.", "Russia", "none"),
    ("Мы призываем США поддержать Токаева.", "Kazakh government", "favor"),  # the infinitive's own object
    ("Мы призываем США поддержать Токаева.", "United States", "none"),
    ("США осудили агрессию.", "United States", "none"),  # a holder is no object of its clause's other cues
    ("Вашингтон и Москва осудили насилие.", "Russia", "none"),  # coordinated subjects
])
def test_the_speakers_own_judgment_and_what_a_holder_is_not(quote, target, expected):
    stance, cues = _stance(quote, target)
    assert stance == expected, cues


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
    q = _q("Ввод войск ОДКБ был правильным решением.", "Мы поддерживаем ввод войск ОДКБ.")
    q["speaker"] = ["Новый опрос ВЦИОМ", "Директор ВЦИОМ Валерий Федоров"]
    st = detect_stance(q)
    assert set(st["quote_id"]) == {"q1"}  # the poll's quote gets no row; the person's does
    kept = detect_stance(q, record_rows=True)
    assert kept.loc[kept.quote_id == "q0", "stance"].tolist() == ["favor"]


@pytest.mark.parametrize("quote, expected", [
    ("Мы подавим протестующих.", "against"),  # the speaker's own act, first person
    ("Я приказал разогнать протестующих.", "against"),  # an infinitive after an order in the first person
    ("Мы не будем разгонять протестующих.", "none"),  # negated
    ("Полиция разогнала протестующих.", "none"),  # someone else's act, reported
    ("Мы требуем остановить насилие против протестующих.", "none"),  # a call to stop harm
    ("Разгонять протестующих нельзя.", "none"),  # an infinitive opening the quote is no act of the speaker's
    ("Власти дают полиции разгонять протестующих.", "none"),  # "дают" is no first person
])
def test_the_speakers_own_act_of_harm_is_against_what_suffers_it(quote, expected):
    stance, cues = _stance(quote, "protesters")
    assert stance == expected, cues
    assert ("(the speaker's own act)" in cues) == (expected == "against")


def test_a_word_read_as_the_speakers_own_act_is_not_also_its_cue():
    # "победить" is a favourable cue ("Токаев победил") and a hostile act: the speaker's victory over X is against X
    stance, cues = _stance("Мы победим ОДКБ.", "CSTO intervention")
    assert stance == "against" and "+" not in cues, cues


def test_an_attack_with_a_preposition_of_its_object_spares_that_object():
    # "в отношении" and "по" mark what suffers the act; a genitive after "нападение" is who attacks
    assert _stance("Мы осуждаем насилие в отношении мирных протестующих.", "protesters")[0] == "favor"
    assert _stance("Силовики стреляли по протестующим.", "protesters")[0] == "none"
    stance, cues = _stance("Вчера было нападение протестующих на полицию.", "protesters")
    assert stance == "against", cues


@pytest.mark.parametrize("quote", [
    "США заявили, что ввод войск ОДКБ был ошибкой.",  # a third party's verb of saying
    "По словам Токаева, ввод войск ОДКБ был законным.",  # a source opening the sentence
])
def test_reported_speech_in_a_russian_quote_is_relayed(quote):
    stance, cues = _stance(quote, "CSTO intervention")
    assert stance == "none" and "(reported)" in cues, cues


def test_a_contrast_ends_reported_speech_and_we_is_the_speaker():
    stance, cues = _stance("США заявили, что ввод войск ОДКБ был ошибкой, но мы поддерживаем ОДКБ.",
                           "CSTO intervention")
    assert stance == "favor", cues
    stance, cues = _stance("Мы считаем, что ввод войск ОДКБ был законным.", "CSTO intervention")
    assert stance == "favor" and "(reported)" not in cues, cues


def test_a_name_in_guillemets_does_not_cut_its_clause():
    # «Хезболла» is the subject of "осудила": the judgment is its own, relayed to what it judges
    hez = [Target("Hezbollah", aliases=("Hezbollah",), ru_aliases=("хезболла",)),
           Target("Syria", aliases=("Syria",), ru_aliases=("сирия",))]
    st = detect_stance(_q("Организация «Хезболла» осудила Сирию."), targets=hez)
    got = {t: (s, str(c)) for t, s, c in zip(st["target"], st["stance"], st["cues"])}
    assert got["Hezbollah"][0] == "none" and got["Syria"][0] == "none" and "(its holder's)" in got["Syria"][1], got


def test_a_place_in_the_locative_is_no_object_of_a_cue():
    # "в Сирии" says where the crime was committed, not who committed it
    syria = [Target("Syria", aliases=("Syria",), ru_aliases=("сирия",))]
    assert _stance("Вчера в Сирии совершено преступление.", "Syria", targets=syria)[0] == "none"
    assert _stance("Сирия совершила преступление.", "Syria", targets=syria)[0] == "against"


@pytest.mark.parametrize("quote, target, expected", [
    # an object first, its subject after the verb: the subject holds the judgment
    ("Протестующих осудил Токаев.", "Kazakh government", "none"),
    ("Вчера протестующих поддержали США.", "United States", "none"),
    # "нас", "нам" are no first-person subject: the United States' judgment, relayed; not the speaker's own act
    ("Вчера нас поддержали США.", "United States", "none"),
    ("Нам приказали стрелять по протестующим, но мы отказались.", "protesters", "none"),
    # a subject across commas: an apposition, a participle's phrase
    ("Блинкен, выступая в Вашингтоне, раскритиковал Россию.", "Russia", "none"),
    ("Токаев, президент Казахстана, поблагодарил ОДКБ.", "CSTO intervention", "none"),
    # a participle of harm describes its noun: other cues still evaluate it, and a judgment of it is not reversed
    ("Убитые протестующие были героями.", "protesters", "favor"),
    ("Мы поддерживаем арестованных демонстрантов.", "protesters", "favor"),
    # a judgment of an act of harm evaluates who does it, too; before or after the verb
    ("Силовики незаконно задержали протестующих.", "Kazakh government", "against"),
    ("Силовики задержали протестующих незаконно.", "protesters", "favor"),
    # the place that holds an indefinite plural is no mere place
    ("В Вашингтоне совершили огромную ошибку.", "United States", "against"),
    # reported speech, before or after its verb
    ("Как заявил Токаев, миссия ОДКБ была успешной.", "CSTO intervention", "none"),
    ("Миссия ОДКБ была успешной, заявил Токаев.", "CSTO intervention", "none"),
    # acts of aggression evaluate who commits them; a shooting, not a cue, evaluates no one
    ("Силовики жестоко избили протестующих.", "Kazakh government", "against"),
    ("Силовики расстреляли протестующих.", "Kazakh government", "none"),
    ("Протестующие атаковали полицию.", "protesters", "against"),
])
def test_roles_read_in_the_second_review(quote, target, expected):
    stance, cues = _stance(quote, target)
    assert stance == expected, cues


def test_the_speakers_own_clause_ends_a_report():
    st = detect_stance(_q("Токаев сказал, что протестующие — террористы, а я считаю, что они мирные люди."))
    cues = st.loc[st.target == "protesters", "cues"].item()
    assert "террористы (reported)" in cues and "мирные (reported)" not in cues, cues


def test_a_code_point_without_a_name_has_no_reading():
    from kzlib.text.tokens import lemma, parses

    assert parses("\U00017000токаев") == () and lemma("\U00017000токаев") == "\U00017000токаев"
