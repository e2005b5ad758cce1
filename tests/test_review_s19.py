"""Faults a review of the nineteenth session's changes confirmed, each run again (sentences written for the review)."""

from quote_rows import speech_rows as _rows


def test_an_adjective_in_ed_after_a_possessive_is_no_verb_taking_the_title_as_object():
    q = _rows("Kazakhstan's ousted President Nursultan Nazarbayev broke his silence on Tuesday, saying he had no "
              "conflict with the government.")
    assert q.loc[q["cue"] == "saying", "speaker"].tolist() == ["Nursultan Nazarbayev"]


def test_the_source_of_according_to_is_no_object_for_a_later_he():
    q = _rows("Tokayev met Putin in Moscow on Monday.",
              "According to Putin, the troops would stay. He added that the war was over.")
    assert q.loc[q["cue"] == "added", "speaker"].tolist() == ["Vladimir Putin"]


def test_a_russian_noun_in_l_is_no_past_verb():
    from kzlib.russian.dates import extract_dates_ru

    # published Wednesday 2022-01-05: the meeting lies ahead ("посол" is a noun, not a verb in the past)
    d = extract_dates_ru("Переговоры пройдут в Астане: в пятницу посол США встретится с Токаевым.",
                         published="2022-01-05")
    assert d.loc[d["expression"].str.contains("пятниц"), "date"].tolist() == ["2022-01-07"]


def test_a_country_a_description_speaks_about_is_no_affiliation():
    from kzlib.actors import default_gazetteer

    g = default_gazetteer()
    assert g.country_of("expert on China") == "" and g.country_of("a diplomat who spoke to Russian media") == ""
    assert g.country_of("the leaders of the CSTO countries") == "CSTO"
    assert g.country_of("Russian diplomats") == "Russia"


def test_an_inch_mark_opens_no_quotation():
    from kzlib.provenance import quoted_spans

    assert quoted_spans('Locals said the 12" shells fell on the town.') == []
    t = 'He said "we will act" and left.'
    assert [t[a:b] for a, b in quoted_spans(t)] == ['"we will act"']


def test_an_adjective_after_a_quoted_complement_stays_in_the_naming():
    q = _rows('The senator called the plan "reckless" and biased against farmers.')
    assert q["quote"].tolist() == ['the plan "reckless" and biased against farmers.']
    q = _rows('The senator called the plan "reckless" and urged the council to vote against it.')
    assert q.loc[q["cue"] == "called", "quote"].tolist() == ['the plan "reckless"']
