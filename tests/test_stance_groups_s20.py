"""Speaker groups for speakers the main gazetteer does not know: the bundled Russian gazetteer's actors, and
what the text says of a speaker (its affiliation, and a description's own words as its office)."""

import pandas as pd

from kzlib.framing import speaker_groups
from kzlib.stance import speaker_profiles


def _prof(speakers, **kw):
    return speaker_profiles(speakers, **kw).set_index("speaker")


def test_russian_gazetteer_actor_gets_a_group():
    # Sergei Shoigu is only in kzlib/data/ru/actors.yaml (Russia's defence minister in January 2022)
    p = _prof(["Sergei Shoigu", "Kazakh authorities"])
    assert p.at["Sergei Shoigu", "group"] == "Russia officials"
    assert p.at["Sergei Shoigu", "source"] == "ru_gazetteer"
    assert p.at["Kazakh authorities", "group"] == "Kazakhstan officials"


def test_a_description_is_grouped_by_its_own_words():
    described = pd.DataFrame({"speaker": ["a senior U.S. official", "a Harvard professor", "Jane Roe"],
                              "affiliation": ["United States", "United States", "Ruritania"],
                              "type": ["person"] * 3,
                              "role": ["a senior U.S. official", "a Harvard professor", ""]})
    p = _prof(described["speaker"], described=described)
    assert p.at["a senior U.S. official", "group"] == "United States officials"
    assert p.at["a Harvard professor", "group"] == "United States experts"
    # a person the text affiliates but gives no office: the affiliation, kind "others"
    assert p.at["Jane Roe", "group"] == "Ruritania others"
    assert set(p["source"]) == {"text"}
    # the own-side prior rests on a gazetteer's record, not on the text's description
    assert not p["is_official"].any()


def test_the_gazetteer_wins_over_the_text():
    g = pd.DataFrame({"name": ["Jane Roe"], "type": ["person"], "affiliation": ["Freedonia"],
                      "role": ["Foreign Minister"]})
    described = pd.DataFrame({"speaker": ["Jane Roe"], "affiliation": ["Ruritania"]})
    p = _prof(["Jane Roe", "John Doe"], gazetteer=g, described=described)
    assert p.at["Jane Roe", "group"] == "Freedonia officials"
    assert p.at["Jane Roe", "source"] == "gazetteer"
    assert p.at["John Doe", "group"] == "unknown"


def test_speaker_groups_reads_the_quotes_tables_descriptions():
    q = pd.DataFrame({"speaker": ["a State Department spokesman", "Mary Major"],
                      "affiliation": ["United States", ""], "speaker_type": ["person", "person"],
                      "speaker_resolution": ["description", "named"], "quote": ["x", "y"]})
    out = speaker_groups(q, gazetteer=pd.DataFrame({"name": ["Someone"], "affiliation": ["X"]}))
    assert out["group"].tolist() == ["United States officials", "unknown"]
