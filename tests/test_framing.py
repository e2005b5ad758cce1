"""Tests for kzlib.framing: Fightin' Words against numbers worked out by hand, naming families."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from kzlib.errors import ParameterError, TableError
from kzlib.framing import check_fightin_words, fightin_words, naming_families, speaker_groups


def test_log_odds_hand_computed_symmetric():
    # Group A: war 3, peace 1 (n_A = 4); group B: war 1, peace 3 (n_B = 4).
    # Prior = pooled counts: a_war = 4, a_peace = 4, a0 = 8.
    # A, "war":  (3+4)/(4+8-3-4) = 7/5;  rest (B): (1+4)/(4+8-1-4) = 5/7
    #   delta = ln(7/5) - ln(5/7) = ln(49/25) = 0.672944
    #   var   = 1/(3+4) + 1/(1+4) = 0.342857;  z = 0.672944 / 0.585540 = 1.149268
    df = pd.DataFrame({"text": ["war war war peace", "peace peace peace war"], "group": ["A", "B"]})
    fw = fightin_words(df, min_count=1, stop_words=None).set_index(["group", "term"])
    assert fw.loc[("A", "war"), "delta"] == pytest.approx(math.log(49 / 25), abs=1e-4)
    assert fw.loc[("A", "war"), "log_odds_z"] == pytest.approx(1.149268, abs=1e-4)
    assert fw.loc[("A", "peace"), "log_odds_z"] == pytest.approx(-1.149268, abs=1e-4)
    assert fw.loc[("A", "war"), "count"] == 3 and fw.loc[("A", "war"), "count_other"] == 1
    cols = fightin_words(df, min_count=1, stop_words=None).columns[:4].tolist()
    assert cols == ["term", "group", "log_odds_z", "count"]


def test_log_odds_hand_computed_unequal_sizes():
    # A: "war war" (war 2, peace 0, n_A = 2); B: war 1, peace 3 (n_B = 4); prior a_war = 3, a_peace = 3, a0 = 6.
    # A "war":   (2+3)/(2+6-2-3) = 5/3 ; B: (1+3)/(4+6-1-3) = 2/3 ; delta = ln 2.5 = 0.916291
    #            var = 1/5 + 1/4 = 0.45 ; z = 0.916291 / 0.670820 = 1.365929
    # A "peace": (0+3)/(2+6-0-3) = 3/5 ; B: (3+3)/(4+6-3-3) = 3/2 ; delta = ln 0.4 = -0.916291
    #            var = 1/3 + 1/6 = 0.5 ; z = -0.916291 / 0.707107 = -1.295837
    df = pd.DataFrame({"text": ["war war", "peace peace peace war"], "group": ["A", "B"]})
    fw = fightin_words(df, min_count=1, stop_words=None, compare=("A", "B")).set_index("term")
    assert fw.loc["war", "log_odds_z"] == pytest.approx(1.365929, abs=1e-4)
    assert fw.loc["peace", "log_odds_z"] == pytest.approx(-1.295837, abs=1e-4)
    assert set(fw["other"]) == {"B"}


def test_fightin_words_options_and_errors():
    df = pd.DataFrame({"text": ["terrorists attacked", "peaceful protesters", "terrorists again"],
                       "group": ["RU", "US", "RU"]})
    fw = fightin_words(df, min_count=1, stop_words=None)
    top = fw[fw.group == "RU"].iloc[0]
    assert top["term"] == "terrorists" and top["log_odds_z"] > 0
    assert len(fightin_words(df.assign(text=df.text + " peaceful terrorists"), min_count=3,
                             stop_words=None)) == 4  # terms used fewer than 3 times are left out
    with pytest.raises(TableError, match="fewer than two terms"):
        fightin_words(df, min_count=2)
    with pytest.raises(TableError, match="at least two groups"):
        fightin_words(df.assign(group="RU"))
    with pytest.raises(TableError, match="lacks the column 'quote'"):
        fightin_words(df, text="quote")
    with pytest.raises(TableError, match="must be a pandas DataFrame"):
        fightin_words([("war", "RU")])
    with pytest.raises(TableError, match="not in column"):
        fightin_words(df, compare=("RU", "CN"))
    with pytest.raises(ParameterError, match="prior_scale"):
        fightin_words(df, prior_scale=0)
    with pytest.raises(TableError, match="lacks the column 'speaker'"):
        speaker_groups(pd.DataFrame({"quote": ["x"]}))


def test_naming_families():
    df = pd.DataFrame({
        "text": ["Thousands of jihadists and marauders, terrorists and bandits.",
                 'Some talk of "peaceful protesters"; the protesters had grievances.',
                 "Armed bandits, terrorist gangs."],
        "group": ["RU", "US", "RU"]})
    # texts known to be about the protests: every family counts (s20: anchoring is tested in test_framing_s20.py)
    nf = naming_families(df, anchor_generic=False).set_index(["group", "family"])
    assert nf.loc[("RU", "bandits"), "count"] == 3  # marauders, bandits, armed bandits
    assert nf.loc[("RU", "terrorists"), "count"] == 2  # terrorists, terrorist gangs (not also 'gangs')
    assert nf.loc[("RU", "jihadists"), "count"] == 1
    assert ("RU", "armed groups") not in nf.index
    assert nf.loc[("US", "peaceful protesters"), "count"] == 1  # not also counted as 'protesters'
    assert nf.loc[("US", "peaceful protesters"), "scare_quoted"] == 1
    assert nf.loc[("US", "protesters"), "count"] == 1
    assert nf.loc[("RU", "bandits"), "share"] == pytest.approx(3 / 6)
    assert nf.loc[("RU", "terrorists"), "stance"] == "against"


def test_speaker_groups_from_gazetteer():
    gaz = pd.DataFrame({"name": ["A", "B"], "type": ["person", "person"], "affiliation": ["Russia", "Russia"],
                        "role": ["Foreign Minister", "associate professor"]})
    q = pd.DataFrame({"speaker": ["A", "B", "Z"], "quote": ["x", "y", "z"]})
    assert speaker_groups(q, gazetteer=gaz)["group"].tolist() == ["Russia officials", "Russia experts", "unknown"]


def test_check_before_comparing_says_why_not():
    df = pd.DataFrame({"text": ["war war peace", "peace peace war"], "group": ["A", "B"]})
    assert check_fightin_words(df, min_count=1, stop_words=None) == ""
    # one outlet, or none named (a corpus without metadata): no comparison, and the reason
    assert "found only ['A']" in check_fightin_words(df.assign(group="A"), min_count=1)
    assert "found none" in check_fightin_words(df.assign(group=""), min_count=1)
    assert "found none" in check_fightin_words(df.iloc[:0], min_count=1)
    assert "fewer than two terms" in check_fightin_words(df, min_count=5, stop_words=None)
    # only stop words: no vocabulary at all, reported rather than scikit-learn's "empty vocabulary"
    assert "fewer than two terms" in check_fightin_words(df.assign(text=["the and", "of the"]), min_count=1)
    with pytest.raises(ValueError, match="found none"):
        fightin_words(df.assign(group=""))


def test_rows_without_a_group_are_left_out():
    # an unknown outlet ("") is no group: the scores are those of A against B alone (hand-checked above)
    df = pd.DataFrame({"text": ["war war war peace", "peace peace peace war", "war peace treaty"],
                       "group": ["A", "B", ""]})
    fw = fightin_words(df, min_count=1, stop_words=None).set_index(["group", "term"])
    assert set(fw.index.get_level_values("group")) == {"A", "B"}
    assert fw.loc[("A", "war"), "log_odds_z"] == pytest.approx(1.149268, abs=1e-4)


def test_speaker_groups_keeps_one_affiliation_column():
    gaz = pd.DataFrame({"name": ["A"], "type": ["person"], "affiliation": ["Russia"], "role": ["Foreign Minister"]})
    q = pd.DataFrame({"speaker": ["A", "Z"], "quote": ["x", "y"], "affiliation": ["stale", ""]})
    out = speaker_groups(q, gazetteer=gaz)
    assert "affiliation_x" not in out.columns and out["affiliation"].tolist() == ["Russia", ""]
    assert out["is_official"].tolist() == [True, False]
    assert speaker_groups(q.iloc[:0], gazetteer=gaz).empty


# --- Russian text: inflected forms of a word are one term --------------------------------------------
#
# Outlet A writes about "террористы" in four cases (nominative, genitive, dative, instrumental) and
# outlet B about "демонстранты" in four cases; each word is counted once per form, so as lemmas each
# outlet has 4 uses of its word. Read as English, each form is a term of its own, used once.
_RU = pd.DataFrame({
    "text": ["Террористы напали на аэропорт.", "Силы ОДКБ прибыли для борьбы против террористов.",
             "Власти объявили войну террористам.", "Город был захвачен террористами.",
             "Демонстранты вышли на площадь.", "Полиция задержала демонстрантов.",
             "Журналисты поговорили с демонстрантами.", "Власти не ответили демонстрантам."],
    "group": ["A"] * 4 + ["B"] * 4})


def test_russian_forms_are_one_lemma():
    fw = fightin_words(_RU, min_count=2).set_index(["group", "term"])
    assert fw.loc[("A", "террорист"), "count"] == 4 and fw.loc[("B", "демонстрант"), "count"] == 4
    assert fw.loc[("A", "террорист"), "log_odds_z"] > 0 > fw.loc[("B", "террорист"), "log_odds_z"]
    terms = set(fw.index.get_level_values("term"))
    assert "власть" in terms  # "Власти" in both outlets: 2 uses of the lemma
    assert not {"террористов", "демонстрантов", "на", "не", "был"} & terms  # no word forms, no stop words
    # as English (no lemmas): every form is a term of its own, used once
    as_en = fightin_words(_RU, min_count=1, language="en").set_index(["group", "term"])
    assert as_en.loc[("A", "террористов"), "count"] == 1 and ("A", "террорист") not in as_en.index
    # a language column decides before the letters do
    by_column = fightin_words(_RU.assign(language="en"), min_count=1)
    assert "террористами" in set(by_column["term"]) and "террорист" not in set(by_column["term"])


def test_english_rows_unchanged_beside_russian():
    en = pd.DataFrame({"text": ["Protesters were detained.", "Protesters marched."], "group": ["A", "B"]})
    alone = fightin_words(en, min_count=1)
    mixed = fightin_words(pd.concat([en, _RU], ignore_index=True), min_count=1)
    assert set(alone["term"]) <= set(mixed["term"])
    assert "protesters" in set(mixed["term"]) and "демонстрант" in set(mixed["term"])


def test_naming_families_read_russian_namings_in_any_case():
    from kzlib.framing import naming_families

    df = pd.DataFrame({"text": ["Силовики задержали мародёров и бандитов, на акимат напали террористы.",
                                "Мирные протестующие вышли на площадь; полиция разогнала митингующих.",
                                "Он радикально изменил курс."],
                       "group": ["state", "independent", "other"]})
    out = naming_families(df).set_index(["group", "family"])["count"].to_dict()
    # genitive plurals (мародёров, бандитов, митингующих) count like the nominative; "мирные
    # протестующие" is the peaceful family only; "радикально" (radically) names nobody
    assert out == {("state", "bandits"): 1, ("state", "rioters"): 1, ("state", "terrorists"): 1,
                   ("independent", "peaceful protesters"): 1, ("independent", "protesters"): 1}
