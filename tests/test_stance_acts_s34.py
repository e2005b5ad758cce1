"""The speaker's own act against a target (thirty-fourth session, issue 20): a verb of harm, defeat or suppression
whose object is a target and whose agent is the speaker ("we will crush the uprising") is against that target, though
no word of opinion is used; an act the speaker reports of others, a negated, hypothetical or relayed one is not.

Added after a coder's blind reading of the study's rows on the ru-news kit: four of the thirteen directions the rules
missed were orders to fire on or put down the protests. Each expectation is read from the sentence."""

import pytest

from kzlib.stance.targets import Target
from tests.stance_rows import stance_of, stance_rows

TARGETS = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",)),
           Target("protesters", aliases=("protesters", "(the )?protests?"), cues=("uprising",))]

DIRECT = [
    ("We will crush the uprising.", "protesters", "against"),
    ("We will defeat Elbonia.", "Elbonia", "against"),
    ("Let's defeat Elbonia.", "Elbonia", "against"),
    ("We have to stop Ruritania before it is too late.", "Ruritania", "against"),
    ("I'm the candidate best placed to beat Ruritania.", "Ruritania", "against"),
    # someone else's act, reported: no stance of the speaker's
    ("The police crushed the uprising.", "protesters", "none"),
    ("Security forces opened fire on the protesters.", "protesters", "none"),
    ("Then Ruritania defeated Elbonia in the final round.", "Elbonia", "none"),
    ("He ordered his troops to put down the uprising.", "protesters", "none"),  # "he" in a direct quote: another
    ("Our enemies want to destroy Ruritania.", "Ruritania", "none"),   # "our" + a noun may be anyone
    ("We heard that soldiers fired on the protesters.", "protesters", "none"),
    ("We saw police fire on protesters.", "protesters", "none"),
    ("We blame Ruritania for killing protesters.", "protesters", "none"),
    ("We accuse Ruritania of trying to crush the protests.", "protesters", "none"),
    # negated, refused, hypothetical, relayed, or a noun
    ("We will not crush the protests.", "protesters", "none"),
    ("We do not want to destroy Elbonia.", "Elbonia", "none"),
    ("We refused to fire on the protesters.", "protesters", "none"),
    ("We have no intention to crush the protests.", "protesters", "none"),
    ("We are not here to punish Elbonia.", "Elbonia", "none"),
    ("We will not allow anyone to crush the protests.", "protesters", "none"),
    ("If we defeat Elbonia, we win the cup.", "Elbonia", "none"),
    ("Some claim that we crushed the protests.", "protesters", "none"),
    ("The fight against Elbonia goes on.", "Elbonia", "none"),
    # the target is not the object's head: an of-phrase, a possessor, a gerund, a preposition, a new clause's subject
    ("We will end the occupation of Elbonia.", "Elbonia", "none"),
    ("We must stop the killing of protesters.", "protesters", "none"),
    ("We will defeat the enemies of Ruritania.", "Ruritania", "none"),
    ("We will crush Ruritania's enemies.", "Ruritania", "none"),
    ("We will stop Elbonia from collapsing.", "Elbonia", "none"),
    ("We will stop fighting Elbonia.", "Elbonia", "none"),
    ("We will fight alongside Elbonia.", "Elbonia", "none"),
    ("We will defeat the uprising and Elbonia will thank us.", "Elbonia", "none"),
]


@pytest.mark.parametrize(("quote", "target", "stance"), DIRECT)
def test_the_speakers_own_act_against_a_target(quote, target, stance):
    rows = stance_rows([quote], TARGETS)
    assert stance_of(rows, 0, target) == stance
    if stance == "against":
        assert "(the speaker's act on it)" in rows.loc[rows["target"] == target, "cues"].item()


def test_an_indirect_report_of_the_speakers_own_order():
    rows = stance_rows(["he had ordered his troops to shoot to kill to put down a countrywide uprising",
                        'he has authorized the police to open fire "without warning" to end the protests',
                        'to "eliminate" the protesters who caused the riots',       # the report's fragment
                        "the security forces would disperse the protesters"],       # another's act
                       TARGETS, kind="indirect")
    assert [stance_of(rows, i, "protesters") for i in range(4)] == ["against", "against", "against", "none"]


HARM = [
    # a judgment of an act of harm evaluates what suffers it, reversed
    ("We condemn the crackdown on protesters.", "protesters", "favor"),
    ("We condemn the violence against the protesters.", "protesters", "favor"),
    ("We deplore the arrests of protesters.", "protesters", "favor"),
    ("The crackdown on protesters is unacceptable.", "protesters", "favor"),
    ("We support the crackdown on the protesters.", "protesters", "against"),
    ("We condemn Ruritania's aggression against Elbonia.", "Elbonia", "favor"),
    ("We condemn Ruritania's aggression against Elbonia.", "Ruritania", "against"),  # its agent, as before
    # what suffers an act is not evaluated by the act's own word or by the sentence's tone; a predicate of the act
    # evaluates it reversed, by VADER's valence where it holds no cue
    ("The crackdown on protesters was brutal.", "protesters", "favor"),
    ("Police violence against protesters continued for days.", "protesters", "none"),
    ("Ruritania's aggression against Elbonia goes on.", "Elbonia", "none"),
    # not what suffers it: the act's agent in its by-phrase; a modifier of the sufferer still evaluates it
    ("The attacks on the police by the protesters are unacceptable.", "protesters", "against"),
    ("We will crush the violent uprising.", "protesters", "against"),
    # a negated judgment says nothing of the sufferer; an adverb of the act is no judgment of it
    ("We did not condemn the crackdown on protesters.", "protesters", "none"),
    ("It is now harder for them to successfully attack Elbonia.", "Elbonia", "none"),
    # a judgment of what ends or punishes the act is not one of the act; the reversal stays with what suffers it
    ("We welcome the end of the crackdown on protesters.", "protesters", "none"),
    ("We condemn the crackdown on protesters and Ruritania's lies.", "Ruritania", "against"),
    ("We condemn the crackdown on protesters and Ruritania's lies.", "protesters", "favor"),
    ("We criticized the plan as the violence against protesters spreads in Elbonia.", "Elbonia", "none"),
    ("The execution of Elbonia's reforms was a success.", "Elbonia", "favor"),
]


@pytest.mark.parametrize(("quote", "target", "stance"), HARM)
def test_what_suffers_an_act_of_harm(quote, target, stance):
    assert stance_of(stance_rows([quote], TARGETS), 0, target) == stance


def test_an_act_on_coordinated_targets_and_a_judgment_through_an_order():
    rows = stance_rows(["We need the support to stop Ruritania or Elbonia.",
                        "criticized the order of Ruritania to open fire on protesters."], TARGETS, kind="indirect")
    assert [stance_of(rows, 0, t) for t in ("Ruritania", "Elbonia")] == ["against", "against"]
    assert [stance_of(rows, 1, t) for t in ("Ruritania", "protesters")] == ["against", "favor"]
