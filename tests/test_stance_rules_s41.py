"""Forty-first session: campaign talk that names no opinion ("X should be president", "X can't win", "only X can beat
Y", "I'll take X over Y", "I urged X to run"), "back" after a modal, harm to the common good said of its subject,
winning someone over, verbs of thinking that relay, and the defects a review found in them. Expected stances are read from the sentences, each written for the test."""

from kzlib.stance.targets import Target
from tests.stance_rows import each_stance, stance_of, stance_rows

PEOPLE = [Target("Jan Dorn", aliases=("Jan Dorn", "Dorn")), Target("Ana Smith", aliases=("Ana Smith", "Smith")),
          Target("Elbonia", aliases=("Elbonia",))]


def test_the_office_a_candidate_should_hold():
    each_stance(["This is why Jan Dorn should be president.",
                 "Dorn deserves to be the nominee.",
                 "Dorn has to be our nominee."], ("favor",), "Jan Dorn", PEOPLE)
    each_stance(["Jan Dorn should not be president.",
                 "Dorn must never be the nominee.",
                 "Dorn will never be president.",
                 "Dorn can't win."], ("against",), "Jan Dorn", PEOPLE)


def test_analysis_of_a_race_is_no_verdict():
    # a prediction without "never", a condition or a reason after it, or someone else's case for a candidate
    each_stance(["Dorn will not be the nominee.",
                 "Dorn can't win without the northern states.",
                 "Dorn cannot win because of the new rules.",
                 "Dorn should be president if he wins the runoff.",
                 "Dorn can win.",
                 "Anyone but Dorn should be the nominee.",
                 "His message is a narrative for why Dorn should be president."], ("none", "(no row)"), "Jan Dorn",
                PEOPLE)


def test_only_one_can_beat_a_rival():
    rows = stance_rows(["Only Ana Smith can beat Jan Dorn.",
                        "The only candidate who can beat Dorn is Smith."], PEOPLE)
    for i in range(2):
        assert stance_of(rows, i, "Ana Smith") == "favor"
        assert stance_of(rows, i, "Jan Dorn") == "against"


def test_the_speakers_own_choice_among_candidates():
    rows = stance_rows(["I will take Ana Smith over Jan Dorn any day.",
                        "We prefer Smith to Dorn.",
                        "I'd rather have Smith than Dorn.",
                        "Voters prefer Smith to Dorn.",          # the voters' choice, not the speaker's
                        "I would never take Smith over Dorn."],  # what the speaker would do instead is not said
                       PEOPLE)
    for i in range(3):
        assert (stance_of(rows, i, "Ana Smith"), stance_of(rows, i, "Jan Dorn")) == ("favor", "against"), i
    for i in (3, 4):
        assert stance_of(rows, i, "Ana Smith") in ("none", "(no row)"), i
        assert stance_of(rows, i, "Jan Dorn") in ("none", "(no row)"), i
    each_stance(["I urged Jan Dorn to run for president."], ("favor",), "Jan Dorn", PEOPLE)
    each_stance(["The party urged Jan Dorn to run for president."], ("none", "(no row)"), "Jan Dorn", PEOPLE)


def test_back_after_a_modal_is_the_verb():
    each_stance(["He might back Dorn.", "I'd back Dorn.", "She'll still back Dorn."], ("favor",), "Jan Dorn", PEOPLE,
                kind="indirect")
    each_stance(["He will not back Dorn.", "I won't back Dorn."], ("against",), "Jan Dorn", PEOPLE, kind="indirect")
    # not the adverb, not a coordinated verb after a negated one, not an infinitive whose subject is someone else
    each_stance(["They went back to Dorn's office.",
                 "He wasn't going to act like a puppy and back Dorn.",
                 "He would encourage people to back Dorn."], ("none", "(no row)"), "Jan Dorn", PEOPLE, kind="indirect")


def test_harm_to_the_common_good_is_its_subjects_fault():
    each_stance(["Dorn is making our country less safe.",
                 "Dorn has not won me over."], ("against",), "Jan Dorn", PEOPLE)
    # indifference is no cue: the one not cared about would get it ("voters don't care about Dorn's emails")
    each_stance(["Voters don't care about Dorn's emails."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["Dorn won me over last night."], ("favor",), "Jan Dorn", PEOPLE)
    # the speaker's own indifference, a comparison's standard, and what is made less safe are not the subject's faults
    each_stance(["I don't care about Dorn.",
                 "Elbonia is less safe than Dorn says."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["Dorn makes Elbonia less safe."], ("none", "(no row)"), "Elbonia", PEOPLE)


def test_the_only_one_able_to_lead_is_praised():
    each_stance(["They know Dorn's the only one strong enough to stop the abuses.",
                 "Jan Dorn is the only candidate who can unite the party."], ("favor",), "Jan Dorn", PEOPLE)


def test_advice_and_licence_are_no_demand():
    # a pseudo-cleft of advice and a licence to do as one likes, unlike a demand ("Dorn should apologize")
    each_stance(["What Dorn ought to do is go to the country.",
                 "Dorn should just do whatever she wants to do."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["Dorn should apologize."], ("against",), "Jan Dorn", PEOPLE)


def test_a_things_help_and_a_relative_clauses_act_are_not_the_subjects():
    # "X's presence is going to help Y" is an effect, no favour; "people who want to undermine" do the undermining
    each_stance(["Dorn's presence on the ballot is going to help our candidates.",
                 "Dorn takes the flak from people who want to undermine those ideas."],
                ("none", "(no row)"), "Jan Dorn", PEOPLE)
    # (the courage to take the flak is praise of Dorn, read since the forty-third session; the undermining still is not
    # Dorn's)
    each_stance(["We are going to help Jan Dorn.",
                 "Dorn has the courage to take the flak from people who want to undermine those ideas."],
                ("favor",), "Jan Dorn", PEOPLE)


def test_a_third_partys_view_negated_or_not_is_relayed():
    # "voters don't think X is honest" is the voters' view (that X is not honest), not the speaker's favour; the
    # plural present of a verb of thinking relays as "thinks" does; the speaker's own "I don't think" is theirs
    each_stance(["Voters don't think Dorn is honest.",
                 "They don't believe Dorn is trustworthy.",
                 "Many voters think Dorn is a disaster."], ("none",), "Jan Dorn", PEOPLE)
    rows = stance_rows(["Voters don't think Dorn is honest."], PEOPLE)
    assert "negated" in rows["cues"].iloc[0] and rows["score"].iloc[0] < 0
    each_stance(["I don't think Dorn is honest."], ("against",), "Jan Dorn", PEOPLE)


def test_an_act_whose_subject_is_a_claim_is_not_what_the_claim_names():
    # "Smith's accusation that Dorn started it had imperiled the talks": the accusation endangered them, not Dorn; the
    # verbs of endangering are their subject's fault
    each_stance(["Smith's accusation that Dorn started the war had imperiled the talks."], ("none", "(no row)"),
                "Jan Dorn", PEOPLE)
    each_stance(["Dorn was endangering our troops overseas.",
                 "Dorn has put American lives at risk."], ("against",), "Jan Dorn", PEOPLE)


def test_so_called_evaluates_the_noun_it_modifies():
    each_stance(["Dorn said the so-called experts were wrong about the war."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["The so-called leader Jan Dorn has failed us."], ("against",), "Jan Dorn", PEOPLE)


def test_their_own_view_in_an_indirect_report():
    # in an indirect report "they think" is mostly the speakers' own view; "I believe" never relays
    rows = stance_rows(["they think Dorn is a disaster.", "It is not Dorn, because I believe Dorn is a disaster."],
                       PEOPLE, kind="indirect")
    assert stance_of(rows, 0, "Jan Dorn") == "against"
    assert stance_of(rows, 1, "Jan Dorn") == "against"


def test_a_name_before_a_noun_of_opposition_holds_it():
    # "in the face of Elbonia's opposition" and "in the face of Elbonia opposition" alike: Elbonia opposes
    each_stance(["We made progress in the face of Elbonia opposition."], ("none", "(no row)"), "Elbonia", PEOPLE)
    each_stance(["There is growing opposition to Elbonia."], ("against",), "Elbonia", PEOPLE)


def test_a_long_negation_and_the_lover_as_holder():
    each_stance(["I cannot bring myself to vote for Jan Dorn."], ("against",), "Jan Dorn", PEOPLE)
    # the subject of "loves" holds the love: "Dorn loves his children" praises no one named
    each_stance(["Jan Dorn has children whom he loves.", "Dorn loves Smith."], ("none", "(no row)"), "Jan Dorn", PEOPLE)


def test_the_reviews_probes_of_campaign_talk():
    # the speaker's own negated opinion reverses it; an analysis, a rebuttal, an echo question, a past fact, an object
    # that is no race, a charge ("for all Americans") and others' choices are no verdict of the speaker's
    each_stance(["I don't think Dorn should be president.",
                 "We don't believe Dorn should be the nominee."], ("against",), "Jan Dorn", PEOPLE)
    each_stance(["It's close, but I think Dorn should be president."], ("favor",), "Jan Dorn", PEOPLE)
    each_stance(["The only question is whether Dorn can beat Smith.",
                 "Polls only show that Dorn can beat Smith in a low-turnout race.",
                 "They keep saying Dorn can't win, but they're wrong.",
                 "Dorn can't win? Watch us.",
                 "Dorn can't win them all.",
                 "Dorn needs to be president for all Americans, not just his base.",
                 "I'm not saying only Dorn can beat Smith.",
                 "I expect the delegates to choose Dorn over Smith.",
                 "Would I take Dorn over Smith? Maybe.",
                 "We want Dorn to run against Smith so we can beat him."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["Dorn couldn't win in 2016."], ("none", "(no row)"), "Jan Dorn", PEOPLE, kind="indirect")


def test_the_reviews_probes_of_the_other_rules():
    # the speaker's own "I really think" after a conjunction; "believe" with an object is no relayed view
    each_stance(["And I really think Dorn is a great leader."], ("favor",), "Jan Dorn", PEOPLE)
    each_stance(["But we truly believe Dorn is a crook.",
                 "Voters don't believe Dorn's lies anymore.",
                 "I could never back Dorn."], ("against",), "Jan Dorn", PEOPLE)
    # putting oneself at risk is no fault; a real demand in a pseudo-cleft; "so-called" predicated of a target
    each_stance(["Dorn put his own career at risk to expose the scandal.",
                 "Dorn put himself in danger to save the hostages."], ("none", "(no row)", "favor"), "Jan Dorn", PEOPLE)
    each_stance(["What Dorn must do is resign.",
                 "Dorn should do what is right and resign.",
                 "Dorn is a so-called conservative."], ("against",), "Jan Dorn", PEOPLE)


def test_the_second_reviews_probes():
    # others' worries, views and content clauses about a race are theirs; a condition before the name; a reason does
    # not cancel an endorsement
    each_stance(["Republicans worry Dorn can't win.",
                 "According to Smith, Dorn should be president.",
                 "It's a myth that Dorn can't win.",
                 "The notion that Dorn should be president is laughable.",
                 "Democrats keep saying only Dorn can beat Smith.",
                 "Dorn can't win Ohio without the unions.",
                 "I want Smith to run so I can beat her."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["Without more aid, Elbonia can't win.",
                 "Only Elbonia can stop the bloodshed by withdrawing its troops."], ("none", "(no row)"), "Elbonia",
                PEOPLE)
    each_stance(["Dorn should be president because he is honest."], ("favor",), "Jan Dorn", PEOPLE)
    each_stance(["they think Dorn should be the nominee."], ("favor",), "Jan Dorn", PEOPLE, kind="indirect")
    # relayed views with a past tense or a lowercase subject; self-sacrifice is no fault; the possessor's people act
    each_stance(["Voters think Dorn lied to them.",
                 "The fact is, most voters don't think Dorn is honest.",
                 "Dorn put his life at risk for this country.",
                 "Dorn's critics are endangering the peace process."], ("none", "(no row)", "favor"), "Jan Dorn", PEOPLE)
    # "so-called" of a possessor's thing, of a noun "like X"; the head of a relative clause predicated of X
    each_stance(["Dorn's so-called reforms have failed.",
                 "So-called moderates like Dorn are the problem.",
                 "Dorn is the man who undermined the deal."], ("against",), "Jan Dorn", PEOPLE)
    each_stance(["What Dorn should not do is resign.",
                 "What Dorn needs to do is step up and lead."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
