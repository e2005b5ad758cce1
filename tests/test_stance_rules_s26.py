"""Stance rules read on hand-made sentences: a favourable word the speaker sets in quotation marks of its
own is ironic (scare quotes), negated or not; a hostile one is cited, not the speaker's own; quotation
marks that are the writer's leave the words at face value."""

import pandas as pd

from kzlib.stance import detect_stance
from kzlib.stance.targets import Target
from tests.stance_rows import stance_of as _stance
from tests.stance_rows import stance_rows

AID = [Target("donors", aliases=("the donors", "donors")), Target("rebels", aliases=("rebels",))]


def _rows(quotes: list[str], **columns) -> pd.DataFrame:
    return stance_rows(quotes, AID, **columns)


def test_a_favourable_word_in_scare_quotes_is_ironic():
    rows = _rows([
        'The villages will manage without the "help" of the donors.',  # ironic: against
        "The villages could not manage without the help of the donors.",  # the same words at face value
    ])
    assert _stance(rows, 0, "donors") == "against"
    assert _stance(rows, 1, "donors") != "against"
    assert "(scare quotes)" in rows.loc[(rows["quote_id"] == 0) & (rows["target"] == "donors"), "cues"].item()


def test_negation_does_not_turn_irony_back_into_praise():
    # "not so 'successful'": the marks and the negation both distance; the word stays hostile
    rows = _rows(['The donors have not been so "successful" at it.'])
    assert _stance(rows, 0, "donors") == "against"


def test_a_hostile_word_in_quotation_marks_is_cited_not_the_speakers():
    rows = _rows([
        'The rebels committed "aggression" in the capital.',  # a word cited from others
        "The rebels committed aggression in the capital.",    # the speaker's own word
    ])
    assert _stance(rows, 1, "rebels") == "against"
    assert _stance(rows, 0, "rebels") != "against"


def test_the_writers_quotation_marks_are_no_scare_quotes():
    # an indirect report's partial quotation: the marks are the writer's, around the speaker's own word
    q = pd.DataFrame({"doc_id": "d", "quote_id": [0], "speaker": "X", "kind": "indirect",
                      "quote": ['the villages got the "help" of the donors']})
    rows = detect_stance(q, targets=AID, threshold=0.3)
    assert _stance(rows, 0, "donors") != "against"


def test_a_partner_name_names_the_target_only_in_a_relation():
    gov = [Target("Ruritanian government", aliases=("Rudolf",), partner_names=("Ruritania",))]
    q = pd.DataFrame({"doc_id": "d", "quote_id": [0, 1, 2], "speaker": "X", "quote": [
        "We have had many years of excellent relations with Ruritania.",   # the state, as a party to relations
        "The floods in Ruritania were excellent news for the rice traders.",  # the place: no target
        "The ties between Elbonia and Ruritania are friendly.",           # "between ... and": the state
    ]})
    rows = detect_stance(q, targets=gov, threshold=0.3)
    assert _stance(rows, 0, "Ruritanian government") == "favor"
    assert _stance(rows, 1, "Ruritanian government") == "(no row)"
    assert _stance(rows, 2, "Ruritanian government") == "favor"


def test_partner_names_load_from_a_targets_file(tmp_path):
    from kzlib.stance import load_targets

    f = tmp_path / "targets.yaml"
    f.write_text("targets:\n  - name: Ruritanian government\n    aliases: [Rudolf]\n"
                 "    partner_names: [Ruritania]\n", encoding="utf-8")
    (t,) = load_targets(f)
    assert t.partner_names == ("Ruritania",)


TWO = [Target("Elbonia", aliases=("Elbonia",)), Target("rebels", aliases=("rebels", "the rebels")),
       Target("alliance", aliases=("the Alliance",))]


def _two(quotes: list[str]) -> pd.DataFrame:
    return stance_rows(quotes, TWO)


def test_who_doubts_or_questions_holds_the_doubt():
    rows = _two([
        "Elbonia questioned the legitimacy of the rebels.",  # Elbonia doubts; the rebels are doubted
        "Elbonia doubts its own strength in the region.",     # the doubter is not what is doubted
        "There are serious doubts about Elbonia.",            # the speaker's own doubt
    ])
    assert _stance(rows, 0, "Elbonia") != "against"
    assert _stance(rows, 0, "rebels") == "against"
    assert _stance(rows, 1, "Elbonia") != "against"
    assert _stance(rows, 2, "Elbonia") == "against"


def test_a_doubt_noun_after_a_word_is_no_holders_verb():
    # "face questions": a noun, not the verb of the target's own doubt; the target is what is questioned
    rows = _two(["The rebels face questions about their funding."])
    assert _stance(rows, 0, "rebels") == "against"


def test_a_name_in_a_compound_of_two_names_is_neither():
    rows = _two([
        "We will meet at the Alliance-Elbonia Council, which is an excellent forum.",  # a joint body
        "The Alliance is an excellent partner.",
    ])
    assert _stance(rows, 0, "alliance") == "(no row)"
    assert _stance(rows, 0, "Elbonia") == "(no row)"
    assert _stance(rows, 1, "alliance") == "favor"


def test_a_frame_of_disbelief_disputes_what_follows():
    rebels = [Target("rebels", aliases=("rebels", "the rebels"), against_terms=("bandits",))]
    q = pd.DataFrame({"doc_id": "d", "quote_id": [0, 1, 2], "speaker": "X", "kind": ["direct", "direct", "indirect"],
                      "quote": ["The rebels in the hills are bandits.",
                                "It is hard to believe that the rebels in the hills are bandits.",
                                # the writer's marks around the words the speaker disputes
                                'it is unbelievable that "2,000 bandits" could have done it'],
                      })
    rows = detect_stance(q, targets=rebels, threshold=0.3)
    assert _stance(rows, 0, "rebels") == "against"
    assert _stance(rows, 1, "rebels") == "favor"
    assert _stance(rows, 2, "rebels") == "favor"


def test_running_counter_to_a_norm_is_a_violation_by_its_subject():
    rows = _two([
        "The Alliance's new bases are contrary to the agreed principles of the region.",
        "Elbonia's army went against every rule of the treaty with the rebels.",
    ])
    assert _stance(rows, 0, "alliance") == "against"
    assert _stance(rows, 1, "Elbonia") == "against"
    assert _stance(rows, 1, "rebels") != "against"  # named after the norm, not the one who breaks it


def test_what_someone_ought_to_do_is_no_evaluation():
    rows = _two([
        "Elbonia needs to help the rebels win.",         # an obligation: nothing was done, nobody praised
        "Elbonia helped the rebels win.",                # done: the help counts
        "Elbonia must not attack the rebels.",           # a warning, not praise of Elbonia
    ])
    assert _stance(rows, 0, "rebels") != "favor" and _stance(rows, 0, "Elbonia") != "favor"
    assert "favor" in {_stance(rows, 1, "rebels"), _stance(rows, 1, "Elbonia")}
    assert _stance(rows, 2, "Elbonia") != "favor"


def test_a_verb_of_opinion_after_but_has_the_clauses_subject_as_its_holder():
    rows = _two([
        "Elbonia has a lot at stake, but doubts its own strength in the region.",  # Elbonia doubts: no stance on it
        "Elbonia has a lot at stake, but doubts the rebels' promises.",            # the doubted rebels
    ])
    cues = rows.set_index(["quote_id", "target"])["cues"].fillna("")
    assert "doubts" not in cues[(0, "Elbonia")]
    assert _stance(rows, 1, "rebels") == "against"
    assert "doubts" not in cues[(1, "Elbonia")]


def test_the_worked_example_reads_its_partner_name():
    from pathlib import Path

    example = Path(__file__).parents[1] / "docs" / "examples" / "targets_belarus_2020.yaml"
    q = pd.DataFrame({"doc_id": "d", "quote_id": [0, 1], "speaker": "X", "quote": [
        "We have had close relations with Belarus for many years.",   # its state, as a party to relations
        "Thousands marched through the cities of Belarus again.",    # the place of the events
    ]})
    rows = detect_stance(q, targets=example, threshold=0.3)
    assert _stance(rows, 0, "Lukashenko government") == "favor"
    assert _stance(rows, 1, "Lukashenko government") == "(no row)"
