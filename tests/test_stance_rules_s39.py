"""Stance rules of the thirty-ninth session, read on hand-made sentences about invented parties and an invented
politician: a predicate under a modal ("Dorn would be a disaster", "Dorn would make a terrible president") or after
the head noun of a target's office ("a Dorn presidency would be a disaster"); trust and its denial; defending someone;
failure, which is its doer's; questions asked to deny ("How can we trust Dorn?"). Expected values come from reading
each sentence. The tests of a rule fail with the rule switched off; those named "not"/"keeps" guard its limits."""


from kzlib.stance._questions import _question
from kzlib.stance.targets import Target
from tests.stance_rows import each_stance, stance_of, stance_rows

TARGETS = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",)),
           Target("Jan Dorn", aliases=("Jan Dorn", "Dorn"))]


def _each(quotes: list[str], allowed: tuple[str, ...], target: str, **columns) -> None:
    each_stance(quotes, allowed, target, TARGETS, **columns)


def test_a_predicate_under_a_modal():
    _each(["Dorn would be a disaster.", "Dorn will be a terrible president.", "Dorn won't be a good president.",
           "Dorn would make a terrible president.", "Dorn is going to be a disaster for this country."],
          ("against",), "Jan Dorn")
    _each(["Dorn will be a great president.", "Dorn would make an excellent commander in chief.",
           "Dorn is going to be terrific."], ("favor",), "Jan Dorn")


def test_a_predicate_of_a_targets_office():
    _each(["A Dorn presidency would be a disaster.", "The Dorn administration has been a failure.",
           "The Dorn campaign is a disgrace."], ("against",), "Jan Dorn")


def test_not_make_before_anything_but_a_role():
    _each(["Dorn will make a strong case for the treaty.", "Dorn would make a wonderful speech tonight."],
          ("none",), "Jan Dorn")


def test_not_better_off_which_is_advice():
    _each(["Elbonia would be much better off with a new leader.", "Elbonia is worse off today."], ("none",), "Elbonia")


def test_trust_and_its_denial():
    _each(["I trust Jan Dorn.", "Dorn is the candidate you can trust."], ("favor",), "Jan Dorn")
    _each(["I don't trust Dorn.", "You can't trust Dorn.", "Dorn cannot be trusted with the launch codes.",
           "Dorn is not a man you can trust.",
           "It was a breach of trust by Dorn."], ("against",), "Jan Dorn")


def test_trust_held_by_others_is_relayed_and_not_a_fund():
    _each(["Voters do not trust Dorn.", "I trust that Dorn will win.", "Dorn set up a trust fund for his children."],
          ("none",), "Jan Dorn")


def test_defending_someone():
    _each(["I am going to defend Dorn for taking on the banks.", "I will always defend Dorn."], ("favor",), "Jan Dorn")


def test_not_defending_oneself_or_against():
    _each(["Dorn defended himself.", "We must defend ourselves against Dorn.", "Dorn defended his record."], ("none",),
          "Jan Dorn")
    _each(["Elbonia will defend its interests."], ("none",), "Elbonia")


def test_failure_is_its_doers():
    _each(["Dorn failed the people of this state.", "Dorn fails to honor the sacrifices of our soldiers.",
           "The policy failures of Dorn are plain.", "Dorn failed miserably."], ("against",), "Jan Dorn")
    # the doer, not what it failed to protect
    _each(["Dorn failed to protect Elbonia."], ("none",), "Elbonia")


def test_not_failure_as_an_event():
    _each(["If Dorn fails to clinch the nomination, the delegates are free.", "The bill Dorn wrote failed to pass."],
          ("none",), "Jan Dorn")


def test_questions_asked_to_deny():
    assert [_question(s, rhetorical=r) == "deny" for s, r in [("How can we trust Dorn?", True), ("Can we really trust Dorn?", False),
                                                   ("Can we trust Dorn?", False), ("How can we trust Dorn.", True)]] == [
        True, True, False, False]
    _each(["How can we trust Dorn?", "Can we really trust Dorn to fight for us?", "Who would trust Dorn?",
           "Why would anyone support Dorn?"], ("against",), "Jan Dorn")
    _each(["Who could oppose Dorn?", "Why wouldn't we support Dorn?"], ("favor",), "Jan Dorn")


def test_an_act_of_a_pronoun_goes_to_no_target_named_after_it():
    _each(["He failed miserably, and it was an embarrassment to everybody, including Dorn.",
           "He lied, and it hurt Dorn."], ("none",), "Jan Dorn")


def test_keeps_an_act_of_a_pronoun_for_a_target_named_before_it():
    _each(["Dorn spoke, and he lied."], ("against",), "Jan Dorn")


def test_a_decision_is_judged_with_its_maker_and_its_deployment():
    targets = [Target("Elbonia", aliases=("Elbonia", "Elbonia's")),
               Target("peacekeeping mission", aliases=("peacekeepers", "peacekeeping mission"))]
    quotes = ["Elbonia's decision to send troops was a wise one.", "The decision to send peacekeepers to Ruritania was a "
              "mistake.", "Elbonia's refusal to negotiate was a disgrace."]
    rows = stance_rows(quotes, targets)
    assert [stance_of(rows, 0, "Elbonia"), stance_of(rows, 1, "peacekeeping mission"), stance_of(rows, 2, "Elbonia")] == [
        "favor", "against", "against"]


def test_not_a_decision_to_act_on_a_target():
    # the decision to visit or withdraw from Elbonia judges the act, not Elbonia
    _each(["The decision to visit Elbonia was a mistake.", "The decision to withdraw from Elbonia was wise."],
          ("none",), "Elbonia")


def test_an_act_justified_or_not():
    _each(["The Elbonia operation was fully justified.", "Elbonia's response was warranted."], ("favor",), "Elbonia")
    _each(["The Elbonia operation was not justified.", "Elbonia's response was unjustified and counterproductive.",
           "Elbonia blundered into the war.", "It was an overreach by Elbonia."], ("against",), "Elbonia")


def test_not_justification_as_a_feeling_or_an_argument():
    _each(["Elbonia's supporters feel justified.", "Dorn justified the Elbonia operation by citing the treaty.",
           "Elbonia's supporters feel sad."], ("none",), "Elbonia")


def test_the_news_verbs_of_harsh_criticism():
    _each(["I blasted Dorn for the plan.", "We took aim at Dorn.", "I will tear into Dorn tonight.",
           "We lashed out at Dorn."], ("against",), "Jan Dorn")
    _each(["Smith blasted Dorn for the plan."], ("none",), "Jan Dorn")  # Smith's criticism, relayed


def test_misconduct_that_evaluates_its_doer():
    _each(["Ruritania was sold out by Dorn.", "I felt betrayed by Dorn.", "Dorn is flouting the constitution.",
           "Dorn is acting unlawfully.", "Dorn caused tremendous death.", "Dorn is directly responsible for the attacks.",
           "Dorn is a petulant child.", "Dorn has gone crazy."], ("against",), "Jan Dorn")
    # who suffers the betrayal is not its doer
    _each(["Ruritania was sold out by Dorn."], ("none",), "Ruritania")


def test_not_the_cause_of_death_nor_going_somewhere():
    _each(["Dorn wants to find the cause of death.", "Dorn went to the capital."], ("none",), "Jan Dorn")


def test_the_genuine_article_and_its_denial():
    _each(["Dorn is the most consistent conservative.", "Dorn is a true friend of this state."], ("favor",), "Jan Dorn")
    _each(["Dorn was not a real conservative on immigration."], ("against",), "Jan Dorn")


def test_help_to_do_harm_is_the_helpers_fault():
    _each(["The Dorn campaign helped incite the violence."], ("against",), "Jan Dorn")
    _each(["The wind is at our backs despite the loss to Dorn.", "Dorn backed away from the plan."], ("none", "(no row)"),
          "Jan Dorn")


def test_not_what_is_yet_to_be_shown():
    _each(["The onus is on Dorn to show that he can be a true leader.", "Dorn set out to prove that he is a real "
           "conservative."], ("none",), "Jan Dorn")


# the review's probes (each read wrong by the session's first version of these rules)
def test_outrage_at_an_act_is_not_denied():
    _each(["How could Dorn betray his own voters?", "How dare Dorn attack our veterans?",
           "Who can forget how Dorn betrayed Elbonia?"], ("against",), "Jan Dorn")


def test_questions_asked_to_learn_or_to_find_a_way_assert_nothing():
    _each(["Can we trust Dorn?", "Could voters trust Dorn after the scandal?", "Does Smith really support Dorn?"],
          ("none",), "Jan Dorn")
    _each(["How can we best support Elbonia?"], ("favor", "none"), "Elbonia")
    _each(["Whether Elbonia can be trusted is the question.", "Dorn asked whether Elbonia can be trusted."],
          ("none",), "Elbonia")


def test_a_denial_does_not_reach_a_subordinate_clause():
    _each(["How can we trust Dorn when Elbonia betrayed us?"], ("against",), "Elbonia")


def test_modal_predicates_are_not_counterfactuals_advice_emotions_or_causatives():
    _each(["Dorn could have been a great president, but he blew it.", "Dorn would be crazy not to run.",
           "Dorn would be wise to ignore the polls.", "Dorn won't be happy about this.",
           "Dorn would make the president furious.", "Dorn would make a good friend very unhappy.",
           "Dorn goes home happy.", "Dorn went free after the trial."], ("none",), "Jan Dorn")


def test_word_senses_and_events_that_are_no_misconduct():
    _each(["Dorn's book sold out in a day.", "Dorn's face betrayed no emotion.", "Dorn failed to secure the nomination.",
           "Dorn failed as expected.", "Dorn is responsible for the crisis response team.",
           "Dorn was disqualified from the race for a paperwork error.", "Dorn denied flouting the rules.",
           "The defending champion Dorn lost the match."], ("none",), "Jan Dorn")
    _each(["Dorn helped destroy the terrorist network.", "Dorn helped fuel growth in the region."], ("favor", "none"),
          "Jan Dorn")


def test_a_campaign_against_a_target_and_a_person_sent():
    _each(["The Never Dorn campaign is a disgrace.", "The decision to send Dorn to Elbonia was a disaster."],
          ("favor", "none"), "Jan Dorn")


def test_an_alias_that_ends_in_s_keeps_its_copula():
    targets = [Target("McDonald's", aliases=("McDonald's",))]
    rows = stance_rows(["McDonald's is a disgrace.", "McDonald's would be a great sponsor."], targets)
    assert [stance_of(rows, 0, "McDonald's"), stance_of(rows, 1, "McDonald's")] == ["against", "favor"]


def test_sanctions_are_harm_to_their_target():
    _each(["The sanctions against Elbonia were fully justified.", "We support the sanctions against Elbonia.",
           "Sanctioning Elbonia was the right decision."], ("against", "none"), "Elbonia")


def test_a_question_after_a_frame_with_a_colon():
    _each(["Before you vote, ask yourself: can we really trust Dorn to fight for us?"], ("against",), "Jan Dorn")


def test_an_act_of_someone_in_a_place_is_not_the_places():
    _each(["The earthquake in Elbonia caused many deaths.", "Protesters in Elbonia attacked the police."], ("none",),
          "Elbonia")
    _each(["The regime in Elbonia lied.", "Elbonia lied."], ("against",), "Elbonia")
