"""Forty-third session: defects of precision read from a blind-coded sample of the rules' PolNeAR directions, mended by
general rules (whose act a past verb reports, a pronoun object, criticism received, a party's nominee, a gerund's
of-phrase, what a worry is about, a naming or an act the speaker denies or condemns, a copula after an opening quotation
mark). Expected stances are read from the sentences, each written for the test."""

from kzlib.stance.targets import Target
from tests.stance_rows import each_stance, stance_of, stance_rows

PEOPLE = [Target("Jan Dorn", aliases=("Jan Dorn", "Dorn")), Target("Ana Smith", aliases=("Ana Smith", "Smith")),
          Target("Blue Party", aliases=("Blue Party", "BP"))]


def test_others_past_support_is_a_report():
    # a past act of support by a group the quote names is theirs, not the speaker's
    each_stance(["Most members followed the union and supported Dorn in 2008 and 2012.",
                 "His members, who lean left but in many cases voted for Dorn, will march behind Smith.",
                 "Those whose top issue was health care tended to support Dorn."], ("none",), "Jan Dorn", PEOPLE)
    # the speaker's own act stays the speaker's
    each_stance(["We campaigned hard and supported Dorn.", "I supported Dorn in 2012."], ("favor",), "Jan Dorn", PEOPLE)


def test_a_pronoun_object_is_not_a_target_named_after_it():
    # "accusing him of endorsing Dorn": the accused is "him", the endorsement of Dorn is his act
    each_stance(["Critics were accusing him of endorsing Dorn to get a job.",
                 "I criticized her campaign for attacking Dorn."], ("none",), "Jan Dorn", PEOPLE)
    # a possessive's noun phrase that holds the target is its object
    each_stance(["I have long criticized her rival Jan Dorn on trade."], ("against",), "Jan Dorn", PEOPLE)


def test_criticism_received_is_others():
    each_stance(["Dorn has survived criticism over the deal.", "Dorn faced fierce criticism for the plan."],
                ("none",), "Jan Dorn", PEOPLE)
    each_stance(["I criticize Dorn for the plan."], ("against",), "Jan Dorn", PEOPLE)


def test_a_partys_nominee_is_no_mention_of_the_party():
    rows = stance_rows(["The BP presidential nominee is a threat to democracy.", "The BP is a threat to democracy."],
                       PEOPLE)
    assert stance_of(rows, 0, "Blue Party") == "(no row)"
    assert stance_of(rows, 1, "Blue Party") == "against"


def test_a_gerunds_of_phrase_suffers_the_act():
    # what is stolen, or whom it is stolen from, is not the thief
    each_stance(["The stealing of the Dorn nomination is a big concern.", "They are stealing the nomination from Dorn."],
                ("none", "favor"), "Jan Dorn", PEOPLE)
    each_stance(["Dorn is stealing the election."], ("against",), "Jan Dorn", PEOPLE)


def test_a_worry_is_about_what_follows_it():
    each_stance(["The Blue Party wasn't the only one worried about companies avoiding taxes, but Dorn was silent."],
                ("none", "(no row)"), "Blue Party", PEOPLE)
    rows = stance_rows(["Dorn will put to rest any concerns about her health when she debates Smith.",
                        "I am worried about Dorn's plans.", "I am worried that Dorn will win."], PEOPLE)
    assert stance_of(rows, 0, "Ana Smith") in ("none", "(no row)")
    assert stance_of(rows, 0, "Jan Dorn") in ("none", "(no row)")
    assert stance_of(rows, 1, "Jan Dorn") == "against"
    assert stance_of(rows, 2, "Jan Dorn") == "against"


def test_a_denied_naming_and_a_condemned_act_reverse():
    # a naming the speaker denies, and an attack the speaker calls wrong, are for the target, not against it
    each_stance(["I would never call Dorn a racist.", "I do not consider Dorn a racist.",
                 "It is wrong to criticize Dorn.", "It was totally inappropriate for Smith to criticize Dorn."],
                ("favor",), "Jan Dorn", PEOPLE)
    each_stance(["I call Dorn a racist.", "It is time for voters to criticize Dorn."], ("against",), "Jan Dorn", PEOPLE)


def test_hard_to_argue_disputes_the_clause():
    rows = stance_rows(["It becomes harder to make the case that Dorn is capable of winning.",
                        "It is absurd to claim that Dorn is honest."], PEOPLE)
    for i in (0, 1):
        assert stance_of(rows, i, "Jan Dorn") in ("none", "against")
        assert "disputed" in rows[(rows["quote_id"] == i) & (rows["target"] == "Jan Dorn")]["cues"].item()


def test_a_possessors_claim_is_a_noun():
    # "his claim that …" relays the claim; it does not dispute it as the verb "claimed" does
    rows = stance_rows(["His claim that Dorn is corrupt was repeated at every rally.",
                        "Smith claimed that Dorn is corrupt."], PEOPLE)
    assert stance_of(rows, 0, "Jan Dorn") in ("none", "against")
    assert "disputed" not in rows[(rows["quote_id"] == 0) & (rows["target"] == "Jan Dorn")]["cues"].item()
    assert "disputed" in rows[(rows["quote_id"] == 1) & (rows["target"] == "Jan Dorn")]["cues"].item()


def test_a_copula_after_an_opening_quotation_mark():
    # a partial quotation that opens on the verb: 'Dorn "is dangerous."'
    each_stance(['Dorn "is a dangerous man."', 'the Dorn administration "was the worst thing that happened to us."'],
                ("against",), "Jan Dorn", PEOPLE)


def test_he_or_she_stands_for_no_target_of_the_other_sex():
    # the sex of the given names the target's aliases write ("Ana" a woman's name, "Jan" in no list: either)
    people = [Target("Ana Smith", aliases=("Ana Smith", "Smith")), Target("Jan Dorn", aliases=("Jan Dorn", "Dorn"))]
    rows = stance_rows(["His record was worse than that of Smith and her aides, because he lied to the court.",
                        "Smith is fine, but he lied.", "Smith lied to the court, and she lied to us.",
                        "Dorn is fine, but she lied."], people)
    assert stance_of(rows, 0, "Ana Smith") in ("none", "(no row)")
    assert stance_of(rows, 1, "Ana Smith") in ("none", "favor")
    assert stance_of(rows, 2, "Ana Smith") == "against"
    assert stance_of(rows, 3, "Jan Dorn") == "against"  # no known sex: "she" may stand for Dorn


def test_second_sample_defects():
    # a noun of harm whose of-phrase is what suffers it (its by-phrase its agent); lessening a threat (not "minimized the
    # threat": played down); advice to bear something in mind (not "reflect on his failures"); a field of policy as a
    # possessed noun's modifier; support held within a group
    rows = stance_rows(["The donations were a violation of the agreement with the Dorn administration.",
                        "There are avenues open to the Blue Party to reduce the threat.",
                        "The Blue Party should remember that a compromise may be better for them.",
                        "Everyone agrees that Dorn's health care math is a puzzle.",
                        "The uniform support for Dorn within the party establishment limited Smith."], PEOPLE)
    assert [stance_of(rows, i, t) for i, t in enumerate(
        ["Jan Dorn", "Blue Party", "Blue Party", "Jan Dorn", "Jan Dorn"])] == ["none"] * 5
    # skill at a bad act is a fault, at any other act the skill is read
    rows = stance_rows(["Dorn committed a violation of the law.", "Dorn is good at lying.", "Dorn is better at the job.",
                        "Dorn is excellent at negotiating trade deals.", "Dorn is terrible at managing the economy.",
                        "The harassment of journalists by Dorn must stop.", "Dorn should reflect on his failures.",
                        "Dorn has repeatedly minimized the threat of the virus."], PEOPLE)
    assert [stance_of(rows, i, "Jan Dorn") for i in range(8)] == [
        "against", "against", "favor", "favor", "against", "against", "against", "against"]


def test_a_report_noun_after_a_preposition_relays_its_clause():
    # "about accusations that …": the content clause is the accusers', relayed; "the comments that X made" is no clause
    rows = stance_rows(["He spoke with Smith about accusations that his backers made threats after Dorn ruled."], PEOPLE)
    assert stance_of(rows, 0, "Jan Dorn") in ("none", "(no row)")
    assert "(reported)" in rows[(rows["quote_id"] == 0) & (rows["target"] == "Jan Dorn")]["cues"].item()


def test_rows_read_as_none_that_take_a_side():
    # a virtue shown, credit denied, the speaker's own problem with, defrauding and abetting, an emotion noun with its
    # stimulus, a choice over a rival named with a title, a predicate after a non-restrictive relative clause
    rows = stance_rows(["Dorn has clearly demonstrated that he has both the guts and the fortitude to lead.",
                        "President Dorn doesn't get the credit he deserves.",
                        "We had a big issue with the trade part of Dorn's history.",
                        "Dorn had defrauded more than 5,000 people.",
                        "The Blue Party has aided and abetted the leftward lurch.",
                        "I'd support Democrat Ana Smith in a general election over Republican Dorn.",
                        "Dorn, whose affairs filled the tabloids, is an imperfect messenger."], PEOPLE)
    assert [stance_of(rows, i, "Blue Party" if i == 4 else "Jan Dorn") for i in range(7)] == [
        "favor", "favor", "against", "against", "against", "against", "against"]
    assert stance_of(rows, 5, "Ana Smith") == "favor"
    # the virtue and the credit only as written: "the workers, not Dorn, deserve the credit", "the wisdom of a toddler"
    rows = stance_rows(["The workers, not Dorn, deserve the credit.", "Dorn has the wisdom of a toddler.",
                        "We had a problem with the printer, and Dorn fixed it."], PEOPLE)
    assert [stance_of(rows, i, "Jan Dorn") for i in range(3)] == ["none"] * 3
    # someone else's problem with a group is their electoral difficulty, no objection of the speaker's
    assert stance_of(stance_rows(["Dorn has a problem with women voters."], PEOPLE), 0, "Jan Dorn") == "none"


def test_a_cue_in_a_relative_clause_of_a_target_that_suffers_an_act():
    # "defeat X, who he blasted as a bully": the relative clause's cue is about X, not about the other target
    rows = stance_rows(["The party must back Smith to defeat Republican nominee Dorn, who he blasted as a bully."], PEOPLE)
    assert stance_of(rows, 0, "Jan Dorn") == "against"
    assert stance_of(rows, 0, "Ana Smith") != "against"


def test_third_sample_defects():
    rows = stance_rows([
        # a condemned act set in the speaker's quotation marks; a naming by a coordinated subject
        'It was "totally inappropriate" for Smith to criticize Dorn.',
        'Even if the Blue Party and observers alike see Dorn as "crazy and stupid," we should wait.',
        # criticism received is others'; a manner adverb in quotation marks; a rank is no praise
        "Dorn's comments are serious. Smith faced harsh criticism for it.",
        'There was no evidence that Smith\'s account had been "successfully hacked."',
        "Smith's top national security staffer wrote the memo.",
        # someone else's defence, after a catenative in -ing; a claim called absurd is disputed
        "It showed Gov. Lee awkwardly trying to defend Smith's honesty.",
        "Dorn's absurd and inaccurate claim that Smith is successful shows he has no clue."], PEOPLE)
    assert stance_of(rows, 0, "Jan Dorn") == "favor"
    assert stance_of(rows, 1, "Jan Dorn") in ("none", "(no row)")
    assert [stance_of(rows, i, "Ana Smith") for i in (2, 3, 4, 5, 6)] == ["none"] * 5
    assert "disputed" in rows[(rows["quote_id"] == 6) & (rows["target"] == "Ana Smith")]["cues"].item()


def test_an_act_regretted_or_given_up():
    rows = stance_rows(["I regret supporting Dorn.", "We stopped backing Dorn.", "Keep supporting Dorn!",
                        "We must stop the aggression of Dorn.", "Smith apparently regretted supporting Dorn."], PEOPLE)
    assert [stance_of(rows, i, "Jan Dorn") for i in range(5)] == ["against", "against", "favor", "against", "none"]


def test_a_partys_hired_hand_is_no_mention_of_the_party():
    rows = stance_rows(["BP strategist Lee is a fraud.", "The BP is a fraud."], PEOPLE)
    assert [stance_of(rows, i, "Blue Party") for i in range(2)] == ["(no row)", "against"]


def test_the_reviews_probes():
    # the forty-third session's review: near-misses of its rules, read as a careful reader would
    rows = stance_rows([
        "It is time for Dorn to stop bullying his opponents.",   # "stop" presupposes the act: still his fault
        "Smith quit, blaming Dorn for the chaos.",                # a comma between: no gerund negator
        "I don't regret supporting Dorn.",                        # a negated regret affirms the support
        "It was shameful for Dorn to attack Smith.",              # the condemned attack is Dorn's
        "I will never vote for a BP candidate again.",            # "a BP candidate" stands for the party
        "Dorn received a bribe from the contractor.",             # no criticism received: his own wrongdoing
        "Dorn's decision drew praise from me and from many others.",
        "I support them, especially Dorn.",                       # the name in apposition to the pronoun
        "I'm worried about what Dorn will do to this country.",
        "I too supported Dorn in 2008.",                          # an adverb after "I" is no third party
        "That means knocking on doors and supporting Dorn.",
        "I never called Dorn a criminal; I said his aide was one.",  # a past naming denied: no praise
    ], PEOPLE)
    expected = ["against", "against", "favor", "against", "against", "against", "favor", "favor", "against", "favor",
                "favor", "none"]
    got = [stance_of(rows, i, "Blue Party" if i == 4 else "Jan Dorn") for i in range(len(expected))]
    assert got == expected
    # "he" and a target whose given name is of either sex across languages
    rows = stance_rows(["I met Kim Jong Un and he lied to my face."], [Target("Kim Jong Un", aliases=("Kim Jong Un",))])
    assert stance_of(rows, 0, "Kim Jong Un") == "against"
