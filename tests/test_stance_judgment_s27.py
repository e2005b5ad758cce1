"""A reported verb of judgment is the speaker's evaluation of its object: "X accused | Ruritania of …" (the quotes
table keeps "accused" as the quote's cue, outside its text) reads as X against Ruritania, as it would inside a
quote; a report that goes on with a clause, or whose object names no target, does not."""

import pandas as pd

from kzlib.stance import detect_stance
from kzlib.stance.targets import Target
from tests.stance_rows import report_rows, stance_of, stance_rows

PARTIES = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",)),
           Target("rebels", aliases=("rebels",))]


def _read(paragraphs: list[str], cues: list[str]) -> pd.DataFrame:
    """Stance rows of one indirect quote per paragraph towards the parties (``report_rows``)."""
    return report_rows(paragraphs, cues, PARTIES)


def test_the_object_of_an_accusation_is_what_the_speaker_is_against():
    rows = _read(["The minister accused Ruritania of moving troops to the border.",
                  "The minister told Ruritania of moving troops to the border."],   # a verb that judges nothing
                 ["accused", "told"])
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 1, "Ruritania") != "against"


def test_praise_and_questioning_are_read_for_their_object():
    rows = _read(["The envoy praised Elbonia for its calm handling of the talks.",
                  "The envoy questioned the legitimacy of the rebels in the north."],
                 ["praised", "questioned"])
    assert stance_of(rows, 0, "Elbonia") == "favor"
    assert stance_of(rows, 1, "rebels") == "against"


def test_a_report_that_goes_on_with_a_clause_is_not_the_verbs_object():
    # "rejected | that Ruritania had …": a claim about Ruritania denied, not Ruritania rejected
    rows = _read(["The envoy rejected that Ruritania had sent troops to the border."], ["rejected"])
    assert stance_of(rows, 0, "Ruritania") != "against"


def test_a_cue_not_next_to_the_quote_is_not_read():
    # the cue word occurs earlier in the paragraph but the quote does not follow it: the quote starts elsewhere
    text = "Ruritania was accused yesterday. Officials said Ruritania would attend the talks."
    start = text.index("Ruritania would")
    q = pd.DataFrame([{"doc_id": "d", "quote_id": 0, "para_id": 0, "start": start, "end": len(text), "speaker": "X",
                       "kind": "indirect", "cue": "accused", "quote": text[start:]}])
    rows = detect_stance(q, targets=PARTIES, paragraphs=pd.DataFrame({"doc_id": ["d"], "para_id": [0], "text": [text]}),
                         threshold=0.3)
    assert stance_of(rows, 0, "Ruritania") != "against"


def test_a_judged_object_without_a_target_does_not_judge_the_context():
    # "condemned | the violence": no target is the object; the verb is not carried to the rebels named around it
    rows = _read(["The rebels marched on the square, and the ministry condemned the violence in the capital."],
                 ["condemned"])
    assert stance_of(rows, 0, "rebels") != "against"


def test_a_predicate_evaluates_every_target_of_a_coordinated_subject():
    rows = stance_rows([
        "The expansion of Ruritania and the arrival of Elbonia's troops would be unacceptable.",
        "Ruritania said the arrival of Elbonia's troops would be unacceptable.",  # the holder, not coordinated
        "Ruritania and Elbonia's troops met with unacceptable resistance.",  # no predicate of a copula
        "For Ruritania the arrival of Elbonia's troops would be unacceptable.",  # for whom, not coordinated
    ], PARTIES)
    assert stance_of(rows, 0, "Elbonia") == "against"
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 1, "Ruritania") != "against"
    assert stance_of(rows, 2, "Ruritania") != "against"
    assert stance_of(rows, 3, "Ruritania") != "against"


def test_a_verb_evaluates_each_of_its_coordinated_objects():
    rows = stance_rows([
        "We criticized Ruritania and Elbonia for their silence.",
        "We criticized Ruritania over the talks with Elbonia.",  # Elbonia is not an object of the verb
    ], PARTIES)
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 0, "Elbonia") == "against"
    assert stance_of(rows, 1, "Ruritania") == "against"
    assert stance_of(rows, 1, "Elbonia") != "against"


def test_the_judgment_verbs_of_praise_and_blame_are_cues_in_all_their_forms():
    rows = stance_rows(["We applauded Ruritania's decision.", "We are criticizing Elbonia.",
                        "We commended the rebels' restraint."], PARTIES)
    assert stance_of(rows, 0, "Ruritania") == "favor"
    assert stance_of(rows, 1, "Elbonia") == "against"
    assert stance_of(rows, 2, "rebels") == "favor"
