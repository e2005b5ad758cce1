"""Issue 19 review, provenance: copies in any script (section 3) and spin judged conservatively on
genuine text, quotations left as the speaker said them (section 15).

Every text below was written for these tests; the expected values come from reading them.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kzlib
from kzlib.despin import despin, judged_spun, quoted_spans, spin_matches, spin_score
from kzlib.provenance import SpinRepairer, annotate, detect_versions, find_copies, story_features
from kzlib.provenance.features import _sentences

# --- section 3: features and sentences of any script -------------------------------------------------

# a Russian article on a decree
RU_DECREE = (
    "Президент Казахстана Касым-Жомарт Токаев 5 января 2022 года подписал указ о введении чрезвычайного "
    "положения в Алматы. Режим будет действовать до 19 января. В городе вводится комендантский час с 23:00 "
    "до 7:00. Ограничивается въезд и выезд из города, а также передвижение транспорта. Глава государства "
    "поручил правительству обеспечить снабжение жителей продовольствием и лекарствами. По словам Токаева, "
    "власти не допустят захвата административных зданий. Ранее протестующие собрались на площади "
    "Республики, требуя снижения цен на сжиженный газ."
)
# a lightly edited copy of it: an outlet's attribution added, some words and one word order changed
RU_DECREE_COPY = (
    "Касым-Жомарт Токаев 5 января 2022 года подписал указ о введении режима чрезвычайного положения в "
    "Алматы, сообщает пресс-служба Акорды. Режим продлится до 19 января. В городе вводится комендантский "
    "час с 23:00 до 7:00. Ограничиваются въезд и выезд из города, а также движение транспорта. Президент "
    "поручил правительству обеспечить снабжение жителей продуктами и лекарствами. Власти не допустят "
    "захвата административных зданий, заявил Токаев. Ранее протестующие собрались на площади Республики "
    "и требовали снизить цены на сжиженный газ."
)
# a different article of the same days, with the same dates and some of the same numbers
RU_AIRPORT = (
    "Международный аэропорт Алматы 5 января 2022 года приостановил прием и отправку рейсов. Ограничения "
    "продлятся до 19 января. Об этом сообщила авиакомпания «Эйр Астана». Пассажиры задержанных рейсов "
    "могут вернуть билеты без штрафа до 7 февраля. Всего отменено 23 рейса в Москву, Стамбул и Дубай. "
    "Представители аэропорта отметили, что терминал был захвачен неизвестными. Работа аэропорта "
    "возобновится после проверки взлетно-посадочной полосы."
)


def test_a_russian_article_and_its_lightly_edited_copy_are_one_story_and_another_article_is_not():
    texts = pd.Series({"decree": RU_DECREE, "decree_copy": RU_DECREE_COPY, "airport": RU_AIRPORT})
    copies = find_copies(texts)
    assert copies[["doc_a", "doc_b"]].values.tolist() == [["decree", "decree_copy"]]
    row = copies.iloc[0]
    assert row["similarity"] >= 0.7                 # 7 sentences each, most of them alike
    assert "токаев" in row["shared_names"].split()  # "Токаев" inside a sentence of both is a name


def test_two_different_russian_articles_sharing_dates_and_numbers_are_not_copies():
    # they share 5 (января), 2022, 19 (января), 7 and 23: numbers alone make no copy
    assert find_copies(pd.Series({"decree": RU_DECREE, "airport": RU_AIRPORT})).empty


def test_russian_sentences_end_before_a_cyrillic_capital_or_an_opening_guillemet():
    text = "Токаев выступил. «Мы победим», — сказал он. Әкім келді. Ο πρωθυπουργός μίλησε. 5 января."
    assert _sentences(text) == ["Токаев выступил.", "«Мы победим», — сказал он.", "Әкім келді.",
                                "Ο πρωθυπουργός μίλησε.", "5 января."]
    # a full stop before a lower-case word ends no sentence (an abbreviation: "т. е.")
    assert _sentences("Цены выросли, т. е. газ подорожал.") == ["Цены выросли, т. е. газ подорожал."]


def test_story_features_read_kazakh_and_greek_letters_as_words():
    # Kazakh letters (Қ, қ, ұ) belong to the word: "Тоқаев" is one name, not "То" and "аев"
    feats = story_features("Қазақстан Президенті Тоқаев Алматыда сөйледі.")
    assert {"@тоқаев", "@алматы", "қазақс_презид", "тоқаев_алматы"} <= feats
    feats = story_features("Ο πρόεδρος συναντήθηκε με τον Τοκάγιεφ στην Αθήνα.")
    assert {"@τοκάγι", "@αθήνα"} <= feats
    # Russian stop words make no pair: "и", "с", "что" are skipped between content words
    assert story_features("Путин и Токаев говорили с Пашиняном.") >= {"путин_токаев", "токаев_говори",
                                                                       "говори_пашиня"}


def test_a_russian_text_with_dash_led_speech_is_an_original_not_a_translation():
    ru = "\n".join([
        "– Мы не допустим беспорядков в стране и наведем порядок в ближайшие дни, – заявил президент.",
        "– Все виновные будут наказаны по закону, – добавил он на заседании совета безопасности.",
        "– Ситуация в городе остается сложной, но полиция контролирует центр, – сообщил министр.",
        "Заседание продолжалось больше трех часов, после него министры ответили на вопросы журналистов.",
        "Следующее заседание назначено на пятницу.",
    ])
    out = detect_versions(pd.Series({"ru": ru}), spin_scores=pd.Series({"ru": 0.0}))
    # the same conventions in English would read as a translation from Russian (see test_provenance);
    # in Russian they are its own; and its 54 words are words (not "unknown": fewer than 50 words)
    assert out.loc["ru", "version_detected"] == "original"
    assert out.loc["ru", "translation_score"] == 0.0
    assert "not English" in out.loc["ru", "version_evidence"]


# --- section 15: spin judged conservatively, quotations kept --------------------------------------------

# a genuine wire story with five of the table's ordinary synonyms: "specialists", "regardless of",
# "additional", "In addition to", "disaster" (232 words)
WIRE = """WELLINGTON, New Zealand (AP) _ A team of medical specialists arrived on Tuesday to help families hit by the floods that swept through the eastern coast last week.

``We want to help the region recover and prepare for the next emergency, regardless of its cause,'' the team's leader, Dr. Anna Morel, told reporters at the airport.

The floods killed 14 people and left more than 3,000 homeless, officials said. Rescue crews were still searching two villages cut off by landslides.

The team includes nurses with long experience of field hospitals and two engineers who will check the water supply of the worst-hit towns.

Morel said her group would stay for three weeks and then hand its work to local doctors. The government has asked parliament for additional funds to rebuild roads and bridges.

In addition to the medical team, the government sent 200 soldiers to clear debris from the main highway.

A disaster relief center will open in the port city on Friday, the mayor said. Residents who lost their homes can register there for emergency payments of 1,500 dollars.

Weather forecasters warned that more rain could fall over the weekend, and asked residents of low-lying areas to be ready to leave.
"""


def test_a_short_genuine_wire_story_with_a_few_ordinary_synonyms_is_not_judged_spun():
    found = spin_matches(WIRE, spun=True, quotes=True)
    assert sorted(found["spun"].str.lower()) == ["additional", "disaster", "in addition to", "regardless of",
                                                 "specialists"]
    # above the threshold per 1,000 words (the old rule called it spun) ...
    assert spin_score(WIRE) > 15
    # ... but five such words in ~230 are what clean English shows by chance
    assert not judged_spun(len(found), round(1000 * len(found) / spin_score(WIRE)))
    assert despin(WIRE) == WIRE
    # forced spun, the narration (four swaps) is not: the quotation keeps "regardless of its cause"
    assert "regardless of its cause" in despin(WIRE, spun=True)
    assert "regardless of its cause" not in despin(WIRE, spun=True, quotes=True)


def test_annotate_leaves_the_genuine_wire_story_and_its_quotation_alone(tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    c = annotate(kzlib.clean(kzlib.load_corpus(tmp_path)))
    doc = c.documents.iloc[0]
    assert doc["version_detected"] == "original" and doc["n_despun"] == 0
    assert "not spun" in doc["version_evidence"]
    assert (c.paragraphs["text_despun"] == c.paragraphs["text"]).all()
    assert "regardless of its cause" in "\n".join(c.paragraphs["text_despun"])


def test_judged_spun_needs_more_matches_than_clean_text_of_the_length_shows():
    assert not judged_spun(2, 10)            # fewer than MIN_MATCHES
    assert not judged_spun(10, 1000)         # 10 per 1,000 words: below the threshold
    assert not judged_spun(5, 250)           # 20 per 1,000 words, but clean text of 250 words shows 5 by chance
    assert judged_spun(12, 250)              # 48 per 1,000 words: no clean text of 250 words has 12
    assert judged_spun(40, 1000)
    assert not judged_spun(40, 1000, threshold=50)


def test_quoted_spans_cover_the_usual_quotation_marks():
    text = ('He said “we will act” and «мы победим» and „wir gehen“ and ``we agree\'\' and "yes" '
            "and ‘Tokayev’s men’ and it’s over. The 12\" shells fell.\n\"an open quote to the end of the line\nnext line")
    quoted = [text[a:b] for a, b in quoted_spans(text)]
    # a straight mark left open is a quotation where it opens a line (a quotation over paragraphs), not after a
    # digit (an inch mark; the review of the session)
    assert quoted == ["“we will act”", "«мы победим»", "„wir gehen“", "``we agree''", '"yes"',
                      "‘Tokayev’s men’", '"an open quote to the end of the line']
    assert quoted_spans("No quotation, Tokayev's men.") == []


def test_quoted_words_are_repaired_only_where_the_narration_is_spun():
    # the narration carries the spinner's swaps (navy, mentioned twice): the quotation went through it too
    spun = 'The navy intervention was approved, Antonov mentioned. "We will act regardless of the cost," he mentioned.'
    assert despin(spun) == 'The military intervention was approved, Antonov said. "We will act despite the cost," he said.'
    # a text forced spun whose narration is not: the speaker's words are kept
    one = 'Satcher mentioned at the airport: "We will help regardless of their cause."'
    assert despin(one, spun=True) == 'Satcher said at the airport: "We will help regardless of their cause."'
    assert despin(one, spun=True, quotes=True) == 'Satcher said at the airport: "We will help despite their cause."'
    # phrases English never uses are repaired inside quotation marks too, in a spun text (since session 20 no
    # row applies to a text not judged spun)
    assert despin('He called NATO "a relic of the Chilly Battle".', spun=True) == \
        'He called NATO "a relic of the Cold War".'
    # what the score counts is every match, quoted or not
    assert spin_score(one) == spin_score(one.replace('"', ""))


def test_learned_substitutions_keep_quoted_words_where_told():
    texts = pd.Series({"s": "State Division spokesperson Ned Worth spoke. Worth spoke again.",
                       "c": "State Department spokesman Ned Price said. Price said it twice."})
    r = SpinRepairer().fit(texts, spun=pd.Series({"s": True, "c": False}))
    text = 'Ned Worth spoke. "Ned Worth is wrong," a critic said.'
    assert r.repair_learned(text, quotes=False) == ('Ned Price spoke. "Ned Worth is wrong," a critic said.', 1)
    assert r.repair_learned(text)[0] == 'Ned Price spoke. "Ned Price is wrong," a critic said.'


@pytest.mark.parametrize("quotes", [None, False])
def test_transform_decides_quotes_like_despin(quotes):
    texts = pd.Series({"s": "State Division spokesperson Ned Worth spoke. Worth spoke again.",
                       "c": "State Department spokesman Ned Price said. Price said it twice."})
    r = SpinRepairer().fit(texts, spun=pd.Series({"s": True, "c": False}))
    # one swap outside the quotation: the narration is not judged spun, the quotation is kept
    assert r.transform('Ned Worth spoke. "We act regardless of it."', spun=True, quotes=quotes) == \
        'Ned Price spoke. "We act regardless of it."'
