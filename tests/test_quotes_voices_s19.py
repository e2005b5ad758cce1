"""One voice, one name (nineteenth session, found on TimeBank news and on the crisis's English coverage):
"Officials" opening a sentence and "officials" inside one, "the Kremlin" and "Kremlin", "Russia's foreign
ministry" and the gazetteer's "Russia's Foreign Ministry"; and a described company is an organisation, not a
person. The sentences are written for the tests."""

from quote_rows import speech_rows as _rows


def _speakers(q) -> list[list[str]]:
    return q[["speaker", "speaker_resolution", "speaker_type"]].values.tolist()


def test_a_group_word_opening_a_sentence_is_a_description_in_small_letters():
    q = _rows("Officials said the border would stay closed.", "The decision, officials said, was final.")
    assert q["speaker"].tolist() == ["officials", "officials"]
    assert set(q["speaker_resolution"]) == {"description"}
    # a party's members keep their capital
    assert _rows("Democrats said the bill would fail.")["speaker"].tolist() == ["Democrats"]


def test_a_description_that_is_a_whole_gazetteer_name_is_the_actor():
    q = _rows("The strike spread to the capital, with the Kremlin further describing the protests as a coup.")
    assert q["speaker"].tolist() == ["Kremlin"]
    q = _rows("Russia's foreign ministry said in a statement that the troops would leave.")
    assert q["speaker"].tolist() == ["Russian Foreign Ministry"]
    assert q["speaker_resolution"].tolist() == ["gazetteer"]


def test_a_described_body_is_typed_by_its_head_noun():
    q = _rows("The company said its profits rose in the third quarter.")
    assert _speakers(q) == [["company", "description", "organisation"]]
    q = _rows("The newspaper reported that the talks had failed.")
    assert _speakers(q) == [["newspaper", "description", "media"]]


def test_the_voices_table_says_which_voices_are_descriptions():
    import pandas as pd

    from kzlib.quotes import extract_quotes, voice_counts

    texts = ["The company said its profits rose.", "Jane Okafor said the plant would close.",
             "The company said it would appeal."]
    p = pd.DataFrame({"doc_id": ["a", "b", "c"], "para_id": 0, "kind": "body", "text": texts})
    v = voice_counts(extract_quotes(p))
    assert v[["speaker", "n_quotes", "described"]].values.tolist() == [["company", 2, 1.0], ["Jane Okafor", 1, 0.0]]


def test_names_of_any_language_link_across_the_corpus_but_groups_and_bodies_do_not():
    import pandas as pd

    from kzlib.quotes import speaker_variants

    speakers = ["Aydos Ukibay", "Aydos Ukibay", "Ukibay", "Cuban Americans", "Cuban Americans", "Americans",
                "Islamic State", "Islamic State", "State"]
    q = pd.DataFrame({"speaker": speakers, "speaker_type": "person", "kind": "direct"})
    assert speaker_variants(q).values.tolist() == [["Ukibay", "Aydos Ukibay", 1, "surname alone"]]


def test_an_official_of_a_state_speaks_for_it_as_a_description_with_its_affiliation():
    q = _rows("A U.S. official said the talks had failed.")
    assert q[["speaker", "speaker_resolution", "affiliation"]].values.tolist() == [
        ["U.S. official", "description", "United States"]]
    q = _rows("Russian diplomats said the troops would stay.")
    assert q[["speaker", "affiliation"]].values.tolist() == [["Russian diplomats", "Russia"]]
    # the state itself still speaks as itself
    assert _rows("Russia said the troops would stay.")["speaker"].tolist() == ["Russia"]


def test_no_one_and_a_lone_participle_are_no_speakers():
    q = _rows("Nobody said the plan would work.")
    assert q[["speaker", "speaker_resolution"]].values.tolist() == [["", "implausible"]]
    q = _rows("The claims, unsubstantiated said the report, were false.")
    assert q["speaker"].tolist() == [""]
    # one word naming people or a document still speaks
    assert _rows("Analysts said the storm would pass.")["speaker"].tolist() == ["analysts"]


def test_a_researchers_own_gazetteer_names_the_speakers_of_russian_documents(tmp_path, caplog):
    import logging

    import pandas as pd

    from kzlib.actors import Gazetteer
    from kzlib.quotes import extract_quotes

    own = tmp_path / "actors.yaml"
    own.write_text("actors:\n  - name: President Tokayev\n    type: person\n    affiliation: Kazakh government\n"
                   "    aliases: [Kassym-Jomart Tokayev]\n", encoding="utf-8")
    p = pd.DataFrame({"doc_id": ["d"], "para_id": [0], "kind": "body",
                      "text": ["По словам Токаева, порядок в Алматы восстановлен."]})
    with caplog.at_level(logging.INFO, logger="kzlib"):
        q = extract_quotes(p, actors=Gazetteer.from_yaml(own))
    assert q[["speaker", "affiliation"]].values.tolist() == [["President Tokayev", "Kazakh government"]]
    assert "bundled Russian gazetteer" in caplog.text and "1 of their 1 named speakers" in caplog.text


def test_a_capitalised_sentence_opening_links_to_the_corpus_form_in_small_letters():
    import pandas as pd

    from kzlib.quotes import link_speakers

    q = pd.DataFrame({"speaker": ["Investigators", "investigators", "Newspaper", "newspaper", "Bush"],
                      "speaker_type": ["person", "person", "media", "media", "person"], "kind": "direct",
                      "speaker_resolution": "description"})
    assert link_speakers(q)["speaker"].tolist() == ["investigators", "investigators", "newspaper", "newspaper", "Bush"]
