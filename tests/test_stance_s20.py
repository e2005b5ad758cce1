"""Stance on a country (review of session 20, section 5): a country's name names its state only where it is
used as its noun — not inside a longer proper name, not before a noun of its people, land or nationality,
not as the demonym of its people, not in the slogan "make X great again"; and the summary reads its
"single quote" / "one story" basis on the quotes and stories that take a stance. Section 4: a former
office holder is grouped as a former official. The sentences are written for the tests."""

import pandas as pd
import pytest

from kzlib.errors import ResourceError
from kzlib.stance import detect_stance, load_targets, speaker_profiles, summarise_stance


def _targets_of(sentence: str) -> dict[str, str]:
    q = pd.DataFrame({"doc_id": ["d"], "quote_id": ["1"], "speaker": ["X"], "quote": [sentence]})
    st = detect_stance(q)
    return dict(zip(st["target"], st["stance"]))


@pytest.mark.parametrize("sentence", [
    "Americans are tired of leaders who condemn everything.",            # the people, a demonym
    "He condemned the United States Senate for the vote.",               # a longer proper name
    "The senator condemned the rules on U.S. citizenship.",              # a noun of nationality
    "Mr. Smith condemned the way American voters were treated.",         # voters: its people
    "We will make America great again, and we condemn the elites.",      # the slogan
    "Bank of America was condemned by the regulators.",                  # "NAME of COUNTRY"
    "The U.S.-Mexico border is a threat, she said.",                     # a compound of two names
    "He condemned the Washington Post for its coverage.",                # a capital inside a name
])
def test_a_country_name_that_is_not_its_state_gives_no_row(sentence):
    assert "United States" not in _targets_of(sentence)


@pytest.mark.parametrize("sentence", [
    "We condemn the United States for its sanctions.",
    "We condemn U.S. officials for the sanctions.",                      # a noun of its state
    "We condemn the President of the United States.",                    # an office of the state
    "We condemn the American government.",
])
def test_the_state_named_as_a_noun_still_gets_its_stance(sentence):
    assert _targets_of(sentence).get("United States") == "against"


def test_a_sentence_after_the_abbreviation_is_no_longer_name():
    # "U.S." ends the sentence; "The" opens the next one: the U.S. is still named
    assert "United States" in _targets_of("They condemned the U.S. The talks ended.")


def test_russians_name_a_people_not_the_state():
    assert "Russia" not in _targets_of("Russians condemned the new tax on bread.")
    assert _targets_of("We condemn Russia for the invasion.").get("Russia") == "against"


def test_country_names_must_be_aliases(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("targets:\n  - name: Ruritania\n    aliases: [Ruritania]\n    country_names: [Strelsau]\n",
                 encoding="utf-8")
    with pytest.raises(ResourceError, match="country_names"):
        load_targets(p)


def _rows(stances: list[str], docs: list[str]) -> pd.DataFrame:
    score = {"favor": 0.8, "against": -0.8, "none": 0.0}
    return pd.DataFrame({"doc_id": docs, "quote_id": [str(i) for i in range(len(docs))], "speaker": "X",
                         "target": "Ruritania", "stance": stances, "score": [score[s] for s in stances],
                         "evidence": ""})


def test_one_stance_quote_among_many_named_is_a_single_quote():
    # nine stories name the target with no stance, one quote takes one
    st = _rows(["favor"] + ["none"] * 9, [f"d{i}" for i in range(10)])
    row = summarise_stance(st, n_boot=50).iloc[0]
    assert (row["n_stories"], row["n_stance_stories"], row["basis"]) == (10, 1, "single quote")


def test_two_stance_quotes_in_one_story_among_others_is_one_story():
    st = _rows(["against", "against", "none", "none"], ["d0", "d0", "d1", "d2"])
    row = summarise_stance(st, n_boot=50).iloc[0]
    assert (row["n_stance_stories"], row["basis"]) == (1, "one story")


def test_no_stance_quote_is_no_stance():
    st = _rows(["none", "none"], ["d0", "d1"])
    row = summarise_stance(st, n_boot=50).iloc[0]
    assert (row["n_stance_stories"], row["basis"]) == (0, "no stance")


def test_a_former_office_holder_is_a_former_official_not_an_expert():
    g = pd.DataFrame({"name": ["F", "E", "P"], "type": ["person"] * 3, "affiliation": ["Ruritania"] * 3,
                      "role": ["former President of Ruritania", "ex-minister of finance", "professor of law"]})
    p = speaker_profiles(["F", "E", "P"], gazetteer=g).set_index("speaker")
    assert p.loc["F", "group"] == "Ruritania former officials"
    assert p.loc["E", "group"] == "Ruritania former officials"
    assert p.loc["P", "group"] == "Ruritania experts"
    assert not p.loc["F", "is_official"]  # no own-side prior for one no longer in office
