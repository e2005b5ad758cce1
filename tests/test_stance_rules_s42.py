"""Forty-second session: defects of precision read from a blind-coded sample of the rules' directions, mended by general
rules (a relative clause's "cannot bring themselves to", the speaker's side said of itself under a modal, a manner
adverb of a passive, a denial that there is evidence), and a report's verb of
naming read before its object. Expected stances are read from the sentences, each written for the test."""

from kzlib.stance.targets import Target
from tests.stance_rows import each_stance, report_rows, stance_of, stance_rows

PEOPLE = [Target("Jan Dorn", aliases=("Jan Dorn", "Dorn")), Target("Ana Smith", aliases=("Ana Smith", "Smith")),
          Target("Elbonia", aliases=("Elbonia",))]


def test_others_who_cannot_bring_themselves_to_act():
    # the relative clause's subject holds the refusal, not the speaker; the speaker's own refusal is theirs
    each_stance(["He hopes the farmers who cannot bring themselves to vote for Dorn will still turn out."],
                ("none",), "Jan Dorn", PEOPLE)
    each_stance(["I cannot bring myself to vote for Dorn."], ("against",), "Jan Dorn", PEOPLE)


def test_a_quality_the_speakers_side_may_have():
    # "we can be more aggressive": said of the speakers, not of the target named before it
    each_stance(["Dorn closed the border last year, so we can be more aggressive with that.",
                 "Smith has the votes, and we will be stronger for it."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    # a target in the phrase after the adjective is its object
    each_stance(["We will be very critical of Dorn."], ("against",), "Jan Dorn", PEOPLE)


def test_the_manner_of_a_passive_is_the_agents():
    each_stance(["The auditors had no idea that Dorn's accounts had been successfully hacked."], ("none",),
                "Jan Dorn", PEOPLE)
    each_stance(["Dorn successfully defended the reform."], ("favor",), "Jan Dorn", PEOPLE)


def test_a_denial_that_there_is_evidence_disputes_its_clause():
    rows = stance_rows(["I have not seen any evidence that Dorn is electable.",
                        "There is no proof that Smith is corrupt, but Dorn is a disgrace."], PEOPLE)
    assert stance_of(rows, 0, "Jan Dorn") in ("none", "against")  # the praise disputed: never favour
    assert "disputed" in rows[(rows["quote_id"] == 0) & (rows["target"] == "Jan Dorn")]["cues"].item()
    assert stance_of(rows, 1, "Ana Smith") in ("none", "favor")  # the charge disputed: never against
    assert stance_of(rows, 1, "Jan Dorn") == "against"  # after "but": the speaker's own
    # "without evidence" is a condition, no denial
    assert "disputed" not in stance_rows(["Dorn was charged without evidence that he lied."], PEOPLE)["cues"].item()


def test_a_reports_verb_of_naming_read_before_its_object():
    rows = report_rows(["Smith described Dorn as \"kind\" with a \"great heart.\"",
                        "Smith branded Dorn a liar and a fraud.",
                        "Smith called Dorn shortly after the result was declared.",
                        "Smith described the plan as generous."],
                       ["described", "branded", "called", "described"], PEOPLE)
    assert stance_of(rows, 0, "Jan Dorn") == "favor"
    assert stance_of(rows, 1, "Jan Dorn") == "against"
    assert stance_of(rows, 2, "Jan Dorn") in ("none", "(no row)")
    assert "described" in rows[(rows["quote_id"] == 0) & (rows["target"] == "Jan Dorn")]["evidence"].item()
    assert stance_of(rows, 3, "Jan Dorn") == "(no row)"


def test_a_negated_permission_leaves_the_act_harmful():
    # "we cannot let X endanger …": the speaker wants X stopped; "we will not support X" is still a negated support
    each_stance(["We cannot let Dorn endanger our families.",
                 "We will not allow Dorn to destabilise the region."], ("against",), "Jan Dorn", PEOPLE)
    each_stance(["We will not support Dorn."], ("against",), "Jan Dorn", PEOPLE)


def test_a_noun_of_saying_relays_its_clause():
    # "Dorn's comment that he would not interfere …": Dorn's own claim, relayed; "the fact that" is the speaker's
    rows = stance_rows(["Dorn's comment that he would never interfere with the inquiry did not convince us.",
                        "The claim that Dorn is a liar is nonsense.",
                        "The fact that Dorn is a liar is plain to everyone."], PEOPLE)
    assert stance_of(rows, 0, "Jan Dorn") == "none"
    assert "(reported)" in rows[(rows["quote_id"] == 0) & (rows["target"] == "Jan Dorn")]["cues"].item()
    assert stance_of(rows, 1, "Jan Dorn") != "against"
    assert stance_of(rows, 2, "Jan Dorn") == "against"


def test_a_share_of_people_is_a_polls_finding_not_a_speaker():
    import pandas as pd

    from kzlib.stance import detect_stance

    q = pd.DataFrame({"doc_id": "d", "quote_id": [0, 1, 2], "kind": "indirect",
                      "speaker": ["52 percent of registered voters", "Nine in 10 Democrats", "one of his senior aides"],
                      "quote": ["they support Dorn."] * 3})
    rows = detect_stance(q, targets=PEOPLE, threshold=0.3)
    assert rows["speaker"].tolist() == ["one of his senior aides"]
    kept = detect_stance(q, targets=PEOPLE, threshold=0.3, record_rows=True)
    assert sorted(kept["speaker"]) == sorted(q["speaker"])


def test_words_whose_sense_in_politics_is_no_fault():
    # an aggressive campaign is no fault, aggressive behaviour is; the idioms of certainty carry no doubt of anyone
    each_stance(["Dorn ran a very aggressive and well-funded campaign in the north.",
                 "Smith's aggressive organizing beat Dorn in the caucuses.",
                 "The early support of farmers for Dorn threw the old assumptions into doubt.",
                 "I have no doubt Dorn will be at the meeting."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["Dorn's aggressive behaviour at the border is a provocation.",
                 "I have serious doubts about Dorn."], ("against",), "Jan Dorn", PEOPLE)


def test_holders_and_objects_found_past_small_words():
    rows = stance_rows(["He would advise Dorn on dealing with the \"strategic threats that exist out there.\"",
                        "Smith's scathing criticism of Dorn.",
                        "He agrees with this sentiment, up to the point Dorn's speech surpassed.",
                        "I agree with Dorn on trade."], PEOPLE)
    assert stance_of(rows, 0, "Jan Dorn") == "none"  # the threats are dealt with, not Dorn's
    assert stance_of(rows, 1, "Ana Smith") in ("none", "(no row)")  # Smith holds the criticism
    assert stance_of(rows, 2, "Jan Dorn") == "none"  # the agreement is with the sentiment
    assert stance_of(rows, 3, "Jan Dorn") == "favor"


def test_campaign_analysis_is_no_side():
    # strategy advice, a front-runner's odds, a type of person, the status of migrants: no side of the speaker's
    each_stance(["Dorn needs to deliver a speech on the economy.",
                 "Dorn needs to show he can unify the party.",
                 "Dorn is the clear favorite in the south.",
                 "Dorn is a blow-the-place-up kind of guy, and voters know it.",
                 "Dorn will stop illegal immigration at the border."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["Dorn should retract his comments.",
                 "Dorn's donations were illegal."], ("against",), "Jan Dorn", PEOPLE)


def test_the_review_of_the_forty_second_session():
    # defects a reviewing helper found in this session's rules, with sentences it wrote for them
    rows = stance_rows(["There is no evidence of corruption by Dorn.",
                        "I have no proof but I know that Dorn lied to us.",
                        "There is no evidence that Smith ever lied, and Dorn is a liar.",
                        "I stand by my statement that Dorn is a liar.",
                        "The comments that Dorn made yesterday prove he is a liar.",
                        "Under Dorn we were threatened at every turn.",
                        "The protesters were illegally detained by Elbonia.",
                        "Those of us who cannot bring ourselves to vote for Dorn will write in Smith.",
                        "I would not allow myself to support Dorn.",
                        "Elbonia's aggressive push into its neighbour's territory must stop.",
                        "Dorn's honesty is in doubt."], PEOPLE)
    expected = ["favor", "against", "against", "against", "against", "against", "against", "against", "against",
                "against", "against"]
    got = [stance_of(rows, i, "Elbonia" if i in (6, 9) else "Jan Dorn") for i in range(len(expected))]
    assert got == expected
