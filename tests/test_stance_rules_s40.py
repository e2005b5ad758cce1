"""Fortieth session: comparisons of quality ("X is a stronger leader than Y" speaks against Y), the nouns of judgment
as a report's cue ("his criticism of | Y", "their support for | Y") and "attack" as a report's verb, read as
criticism of what the quote opens with. Expected stances are read from the sentences, each written for the test."""

import pandas as pd

from kzlib.stance.targets import Target
from tests.stance_rows import each_stance, report_rows, stance_of, stance_rows

PEOPLE = [Target("Jan Dorn", aliases=("Jan Dorn", "Dorn")), Target("Ana Smith", aliases=("Ana Smith", "Smith")),
          Target("Elbonia", aliases=("Elbonia",)), Target("Ruritania", aliases=("Ruritania",))]


def test_a_rival_ranked_below_on_a_good_quality_is_criticised():
    each_stance(["Smith was a stronger leader than Jan Dorn.",
                 "Anyone would be better than Dorn.",
                 "Smith is far more qualified than Dorn.",
                 "She is a smarter candidate than former senator Jan Dorn."], ("against",), "Jan Dorn", PEOPLE)


def test_even_and_no_better_presuppose_the_standard_has_the_quality():
    each_stance(["Smith is even worse than Dorn on trade.",
                 "Smith is no better than Dorn."], ("against",), "Jan Dorn", PEOPLE)
    each_stance(["Smith is less qualified than Dorn."], ("favor",), "Jan Dorn", PEOPLE)


def test_comparisons_that_rank_no_quality_give_the_standard_nothing():
    # a bad quality's standard ("worse than Dorn") is as often a benchmark of the bad as a better one; amounts and
    # performances are no evaluation of the one compared with
    each_stance(["Smith is worse than Dorn.",
                 "Elbonia is more dangerous than Ruritania.",
                 "Smith raised more money than Dorn.",
                 "Smith polls better than Dorn in the north.",
                 "Smith got more votes than Dorn.",
                 "Smith is not stronger than Dorn."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["Elbonia is more dangerous than Ruritania."], ("none", "(no row)"), "Ruritania", PEOPLE)


def test_the_tone_of_a_comparison_is_not_its_standards():
    # VADER's praise of "stronger" is the subject's: the standard is read by the comparison alone
    rows = stance_rows(["Smith was a stronger leader than Jan Dorn."], PEOPLE)
    cues = rows.loc[rows["target"] == "Jan Dorn", "cues"].item()
    assert "compared with it" in cues and "VADER" not in cues


def _read(paragraphs: list[str], cues: list[str]) -> pd.DataFrame:
    """Stance rows of one indirect quote per paragraph towards the people (``report_rows``)."""
    return report_rows(paragraphs, cues, PEOPLE)


def test_a_reports_noun_of_judgment_judges_what_the_quote_opens_with():
    rows = _read(["The senator reiterated his support for Jan Dorn.",
                  "Critics have been vocal in their criticism of Dorn's trade policy.",
                  "The governor's endorsement of Ana Smith came late.",
                  "The senator rescinded his endorsement of Jan Dorn.",   # withdrawn: no endorsement held
                  "The paper kept up its opposition to Ruritania."],
                 ["support for", "criticism of", "endorsement of", "endorsement of", "opposition to"])
    assert stance_of(rows, 0, "Jan Dorn") == "favor"
    assert stance_of(rows, 1, "Jan Dorn") == "against"
    assert stance_of(rows, 2, "Ana Smith") == "favor"
    assert stance_of(rows, 3, "Jan Dorn") != "favor"
    assert stance_of(rows, 4, "Ruritania") == "against"


def test_attack_as_a_reports_verb_is_criticism_of_its_objects():
    rows = _read(["Smith also attacked Jan Dorn and Elbonia during the rally.",
                  "Smith stepped up her attacks on Dorn's record.",
                  "Smith attacked the plan, which Dorn had drafted."],   # its object names no target
                 ["attacked", "attacks on", "attacked"])
    assert stance_of(rows, 0, "Jan Dorn") == "against"
    assert stance_of(rows, 0, "Elbonia") == "against"
    assert stance_of(rows, 1, "Jan Dorn") == "against"
    assert stance_of(rows, 2, "Jan Dorn") != "against"
    # inside a quote, an attack is an act that evaluates its agent, not its object
    each_stance(["The rebels attacked Elbonia at dawn."], ("none", "(no row)"), "Elbonia", PEOPLE)


def test_a_comparisons_standard_is_not_its_people_nor_a_likelihood():
    each_stance(["Smith's voters are far more likely than Dorn supporters to turn out.",
                 "Smith is more popular than Dorn in the polls.",
                 "Smith is a better speaker than Dorn voters think."], ("none", "(no row)"), "Jan Dorn", PEOPLE)


def test_an_emphatic_reflexive_and_the_progressive_be_link_a_predicate_to_its_subject():
    each_stance(["The report shows that Dorn himself is a fraud.",
                 "Dorn was being hypocritical when he took the money.",
                 "Dorn is not being honest with voters."], ("against",), "Jan Dorn", PEOPLE)
    each_stance(["Dorn is being investigated by the committee."], ("none", "(no row)"), "Jan Dorn", PEOPLE)


def test_a_standard_ranked_above_all_is_praised():
    # found by the session's review: a subject of no one, nothing or a question asked to deny
    each_stance(["No one is more qualified than Jan Dorn.",
                 "No candidate is more qualified than Dorn.",
                 "Nothing could be better than a Dorn presidency.",
                 "Who could be better than Dorn?",
                 "I can't think of anyone who would be a better president than Dorn."], ("favor",), "Jan Dorn", PEOPLE)
    each_stance(["No doubt Smith is better than Dorn."], ("against",), "Jan Dorn", PEOPLE)


def test_comparisons_of_standing_means_or_a_clause_give_the_standard_nothing():
    # found by the session's review
    each_stance(["The situation is better than Dorn says.",
                 "The turnout was better than Dorn predicted.",
                 "Smith is better known than Dorn.",
                 "Smith is better funded than Dorn.",
                 "Smith is stronger with farmers than Dorn.",
                 "Smith is better at attacking than Dorn.",
                 "Smith is richer than Dorn.",
                 "Smith is a greater danger than Dorn."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["Elbonia is more powerful than Ruritania.",
                 "Elbonia is a more reliable partner than Ruritania."], ("none", "(no row)"), "Ruritania", PEOPLE)


def test_a_reports_judgment_withdrawn_rejected_or_negated_is_no_judgment():
    # found by the session's review
    rows = _read(["Many withdrew support for Jan Dorn after the tape.",
                  "Smith dismissed criticism of Dorn as partisan.",
                  "They noted the lack of support for Dorn.",
                  "Smith has never attacked Dorn on that issue.",
                  "Smith declined to attack Dorn on that issue.",
                  "Smith attacked Dorn's critics.",
                  "Smith attacked Elbonia, Dorn's neighbour, for its record."],
                 ["support for", "criticism of", "support for", "attacked", "attack", "attacked", "attacked"])
    for i in range(7):
        assert stance_of(rows, i, "Jan Dorn") not in ("favor", "against"), i
    assert stance_of(rows, 6, "Elbonia") == "against"


def test_a_relation_noun_is_held_by_its_possessor():
    # "X's ally", "X's partners": whom the possessor is allied with, no evaluation of it; "our partner" is the speaker's
    each_stance(["Elbonia is Dorn's closest ally.",
                 "Dorn's partners in the coalition voted no."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["Elbonia's partners in the alliance sent troops."], ("none", "(no row)"), "Elbonia", PEOPLE)
    each_stance(["Elbonia is our reliable partner.",
                 "Elbonia is a reliable partner.",
                 "Elbonia has proven to be Ruritania's most reliable partner.",   # the speaker's judgment of the partner
                 "We value Elbonia's partnership.",                               # an abstract relation: praise
                 "We thank Elbonia for its friendship and support."], ("favor",), "Elbonia", PEOPLE)


def test_a_call_that_opens_its_sentence_is_the_speakers_act():
    each_stance(["Stop Dorn!", "Dump Dorn.", "Defeat Dorn in November!"], ("against",), "Jan Dorn", PEOPLE)
    # not a description of someone's act, a gerund, a call the quote quotes, a past participle (found by the review)
    each_stance(["Stopping Dorn will be hard.", "The rebels stop Dorn at the border.",
                 "A man yelled at us. 'Beat Dorn!' he screamed.", "Shot at a Dorn rally, a man was arrested."],
                ("none", "(no row)"), "Jan Dorn", PEOPLE)


def test_an_honorific_of_the_other_sex_names_another_person():
    # the target's aliases write a woman's given name ("Ana"): "Mr. Smith" is someone else (her husband, say)
    each_stance(["Mr. Smith is a disgrace.", "Mr. Smith's record is shameful."], ("none", "(no row)"), "Ana Smith",
                PEOPLE)
    each_stance(["Mrs. Smith is a disgrace.", "Ms. Smith is a disgrace."], ("against",), "Ana Smith", PEOPLE)


def test_the_speakers_negated_opinion_negates_the_copulas_complement():
    # "I don't think X is honest" means "I think X isn't" (transferred negation); not a cue inside another verb's object
    each_stance(["I don't believe that Dorn is qualified to be president.",
                 "I don't think Dorn is honest."], ("against",), "Jan Dorn", PEOPLE)
    each_stance(["I don't think Dorn is a racist.", "I don't think Dorn's a liar."], ("favor",), "Jan Dorn", PEOPLE)
    # not a clause that is no complement of the opinion, nor surprise (found by the review)
    each_stance(["I don't believe Dorn because he is a liar.", "I can't believe Dorn is so dishonest.",
                 "I don't think anyone doubts Dorn is a liar."], ("against",), "Jan Dorn", PEOPLE)


def test_verbal_hits_caucusing_and_complements_with_to_be():
    each_stance(["We took a few jabs at Dorn.", "We consider Dorn to be a disgrace."], ("against",), "Jan Dorn", PEOPLE)
    # a swipe without "take" is its possessor's or a description (found by the review); "call X to be calm" asks
    each_stance(["Smith's latest swipe at Dorn came on Friday.", "We call on Dorn to be calm."], ("none", "(no row)"),
                "Jan Dorn", PEOPLE)
    each_stance(["I plan to caucus for Dorn.", "I found Dorn to be very charming."], ("favor",), "Jan Dorn", PEOPLE)
    # someone else's hit or caucus is relayed, no side of the speaker's
    each_stance(["The governor took a swipe at Dorn.", "The governor will caucus for Dorn."], ("none", "(no row)"),
                "Jan Dorn", PEOPLE)


def test_a_named_third_partys_help_is_no_side_towards_the_one_helped():
    # "Fox News helped Trump enormously" (an error of the uniform sample): the speaker reports a third party's help
    each_stance(["Fox News helped Dorn enormously.", "Acme Media really helped Dorn."], ("none", "(no row)"),
                "Jan Dorn", PEOPLE)
    # the speaker's own help, and a party named by a common noun, stay support (thirty-seventh session)
    each_stance(["We are ready to help Dorn.", "The government will help Dorn.", "Our allies will help Dorn."],
                ("favor",), "Jan Dorn", PEOPLE)
