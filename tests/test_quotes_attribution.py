"""Attribution rules for open-world English news (issue 16, thirteenth session). Each test's sentence
was written for it; the expected values are read from the sentence."""

import pandas as pd
from quote_rows import speech_and_act_rows
from quote_rows import speech_rows as _rows

from kzlib.quotes import extract_quotes


def test_any_noun_phrase_can_say_something():
    q = _rows("In Boston, hacking specialists say the most harmful leaks might not even be genuine.")
    assert q["quote"].tolist() == ["the most harmful leaks might not even be genuine."]
    assert q["speaker_surface"].tolist() == ["hacking specialists"]
    assert q["speaker_resolution"].tolist() == ["description"]


def test_a_loose_subject_is_no_adverb_or_clause():
    # "clearly" is no speaker
    assert _rows("The match ended, and clearly said it was over for the whole team.").empty


def test_endorsing_someone_is_an_attribution_of_the_object():
    q = speech_and_act_rows("Governor Mary Stone endorsed John Carver last week, calling him a fighter.")
    # two attributions: the endorsement (its object, without the occasion "last week"; an act, not words) and
    # the participle's
    assert q["quote"].tolist() == ["John Carver", "him a fighter."]
    assert q["kind"].tolist() == ["act", "indirect"]
    assert q["speaker"].tolist() == ["Mary Stone", "Mary Stone"]
    assert q["cue"].tolist() == ["endorsed", "calling"]


def test_declining_to_comment_needs_an_infinitive():
    q = speech_and_act_rows("Senator Paul Novak declined to comment on the report.")
    assert q["quote"].tolist() == ["to comment on the report."]
    assert q["speaker"].tolist() == ["Paul Novak"]
    assert speech_and_act_rows("Senator Paul Novak declined an invitation from the mayor.").empty


def test_a_criticised_object_is_cut_at_the_next_clause():
    q = _rows("Jane Harlow criticized the trade deal, and her rivals answered within hours.")
    assert q["quote"].tolist() == ["the trade deal"]
    assert q["speaker"].tolist() == ["Jane Harlow"]


def test_a_clause_before_a_named_speaker_and_his_audience_is_the_content():
    q = _rows("The plan includes a new force for the border, Defense Secretary Ann Grey told a Senate panel Wednesday.")
    assert q["quote"].tolist() == ["The plan includes a new force for the border"]
    assert q["speaker"].tolist() == ["Ann Grey"]


def test_an_inverted_speaker_is_not_lost_to_a_loose_subject():
    q = _rows("Even if the office closed, some of its work would go to other agencies, said Tom Baker, a former aide.")
    assert q["speaker"].tolist() == ["Tom Baker"]
    assert q["quote"].tolist() == ["Even if the office closed, some of its work would go to other agencies"]


def test_a_count_of_people_can_say_something():
    q = _rows("About four in 10 voters said life would be worse, while nine in 10 said they distrust the banks.")
    assert q["quote"].tolist() == ["life would be worse", "they distrust the banks."]
    assert q["speaker_surface"].tolist() == ["About four in 10 voters", "nine in 10"]


def test_a_poll_shows_without_that():
    q = _rows("New polls show the senator trailing in three swing states.")
    assert q["quote"].tolist() == ["the senator trailing in three swing states."]
    assert q["speaker_surface"].tolist() == ["New polls"]


def test_talking_about_something_attributes_the_topic():
    q = _rows("Governor Mary Stone talked about the new budget, and the crowd cheered.")
    assert q["quote"].tolist() == ["the new budget"]
    assert q["speaker"].tolist() == ["Mary Stone"]


def test_a_participle_of_a_reporting_verb_needs_a_clause():
    q = _rows("Paul Novak left the hall, claiming that the vote had been rigged.")
    assert q["quote"].tolist() == ["the vote had been rigged."]
    assert q["speaker"].tolist() == ["Paul Novak"]


def test_an_intention_is_a_thought_reported_only_on_request():
    p = pd.DataFrame({"doc_id": "d", "para_id": [0], "kind": "body",
                      "text": ["Senator Paul Novak plans to run for governor next year."]})
    assert extract_quotes(p).query("kind == 'indirect'").empty
    q = extract_quotes(p, thoughts=True)
    assert q["quote"].tolist() == ["to run for governor next year."]
    assert q["speaker"].tolist() == ["Paul Novak"]


def test_a_transcript_line_is_its_speakers():
    q = _rows("Lopez: Well, nobody calls their pension a gamble.")
    assert q["quote"].tolist() == ["Well, nobody calls their pension a gamble."]
    assert q["speaker"].tolist() == ["Lopez"]
    assert _rows("Update: the vote was moved to Friday morning.").empty  # a page label, not a speaker


def test_according_to_in_the_middle_reports_both_sides():
    q = _rows("At the heart of the dispute, according to Dennis Ross, was a decision to keep the talks secret.")
    assert q["quote"].tolist() == [
        "At the heart of the dispute, according to Dennis Ross, was a decision to keep the talks secret."]
    assert q["speaker"].tolist() == ["Dennis Ross"]


def test_a_quotation_tag_with_any_past_tense_verb_names_the_speaker():
    q = _rows('"Would that be negotiable?" Hannity pressed. "Maybe some could stay?"')
    assert q["speaker"].tolist() == ["Hannity"]
    assert q["cue"].tolist() == ["pressed"]
    q = _rows('"Gun owners should leave their weapons at home," opined the Plain Dealer.')
    assert q["speaker"].tolist() == ["Plain Dealer"]
    assert q["cue"].tolist() == ["opined"]


def test_a_reported_clause_ends_where_the_speaker_goes_on():
    q = _rows("Rubio said the real extremist on abortion is his rival, and he railed against the moderators.")
    assert q["quote"].tolist() == ["the real extremist on abortion is his rival"]
    q = _rows("Jane Harlow said the budget was balanced, vowing to keep it so.")
    assert q["quote"].tolist()[0] == "the budget was balanced"


def test_who_said_speaks_for_the_words_before_it():
    q = _rows("Half wanted an outsider, compared with four in 10 who said they preferred a governor.")
    assert q["quote"].tolist() == ["they preferred a governor."]
    assert q["speaker_surface"].tolist() == ["four in 10"]
    q = _rows("Senator Paul Novak, who said the plan would fail, voted against it on Monday.")
    assert q["speaker"].tolist() == ["Paul Novak"]


def test_headlines_are_read_only_on_request():
    p = pd.DataFrame({"doc_id": "d", "para_id": [0, 1], "kind": ["title", "body"],
                      "text": ["Ted Cruz says the heckler deserves a spanking", "The rally went on."]})
    assert extract_quotes(p).empty
    q = extract_quotes(p, headlines=True)
    assert q["quote"].tolist() == ["the heckler deserves a spanking"]
    assert q["speaker"].tolist() == ["Ted Cruz"]


def test_a_party_and_state_tag_is_no_speaker():
    q = _rows("Rep. Jerry Nadler (D-N.Y.) said the vote was a disgrace for the whole House.")
    assert q["speaker"].tolist() == ["Jerry Nadler"]


def test_a_name_heads_a_coordinated_subject():
    q = _rows("But Sanders and his supporters argue the system gives too much power to party elites.")
    assert q["speaker"].tolist() == ["Sanders"]
    q = _rows("Trump won the state and his aides said the result was a mandate.")
    assert q["speaker_surface"].tolist() == ["his aides"]  # "state and": no name heads it


# ---------------------------------------------------------------------------------------------- fourteenth session
def test_an_inverted_report_goes_on_with_its_participle():
    q = _rows("The plant will close in March, the owner Jane Roe said, adding that nobody would lose a pension.")
    assert q["quote"].tolist() == ["The plant will close in March", "nobody would lose a pension."]
    assert q["speaker"].tolist() == ["Jane Roe", "Jane Roe"]
    assert q["cue"].tolist() == ["said", "adding"]


def test_a_participle_after_a_quotation_tag_is_the_speakers():
    q = _rows('"We did what we had to do," Jane Roe said, recalling the night the mine flooded.')
    assert q["quote"].tolist() == ["We did what we had to do,", "the night the mine flooded."]
    assert q["speaker"].tolist() == ["Jane Roe", "Jane Roe"]
    # a participle that is no verb of saying is no report
    assert _rows("Sales were great, Jane Roe said, wiping the sweat off her face.")["quote"].tolist() == [
        "Sales were great"]


def test_a_subordinate_clause_first_is_no_report():
    q = _rows("After the mayor spoke, Jane Roe said the budget was balanced.")
    assert q["quote"].tolist() == ["the budget was balanced."]
    assert q["speaker"].tolist() == ["Jane Roe"]


def test_coordinated_verbs_share_their_subject():
    q = speech_and_act_rows("The spokesman refused to answer questions about the budget but said there was no meeting "
                            "planned.")
    assert q["quote"].tolist() == ["to answer questions about the budget", "there was no meeting planned."]
    assert q["speaker_surface"].tolist() == ["The spokesman", "The spokesman"]
    q = _rows("John Carver met the miners on Monday.", "He toured the mine and says the pits must stay open.")
    assert q["quote"].tolist() == ["the pits must stay open."]
    assert q["speaker"].tolist() == ["John Carver"]
    assert q["speaker_resolution"].tolist() == ["pronoun"]


def test_verbs_of_the_manner_of_speaking_tag_quotations():
    q = _rows('"Stop the war now!" Jane Roe shouted.')
    assert q["kind"].tolist() == ["direct"]
    assert q["speaker"].tolist() == ["Jane Roe"]
    assert q["cue"].tolist() == ["shouted"]


def test_according_to_a_document_keeps_whose_it_is():
    q = _rows("Turnout rose sharply in the east, according to a report from the Electoral Reform Society.")
    # an unnamed speaker is named by its description, without the article (speaker_resolution "description")
    assert q["speaker"].tolist() == ["report from the Electoral Reform Society"]
    assert q["quote"].tolist() == ["Turnout rose sharply in the east"]


def test_a_statement_speaks_for_its_author():
    q = _rows("Governor Mary Stone released a statement saying the curfew would end on Friday.")
    assert q["speaker"].tolist() == ["Mary Stone"]
    assert q["quote"].tolist() == ["the curfew would end on Friday."]


def test_a_quotation_after_a_short_sentence_of_saying_is_its_subjects():
    q = _rows('Professor Ivan Petrov agreed. "The reforms came far too late for the miners of the region."')
    assert q["speaker"].tolist() == ["Ivan Petrov"]
    assert q["kind"].tolist() == ["direct"]
    q = _rows('"We will not leave this town for anyone." Jane Roe said.')
    assert q["speaker"].tolist() == ["Jane Roe"]


def test_an_object_ends_before_the_occasion_and_a_second_verb():
    assert _rows("Senator Paul Novak defended the plan in a radio interview.")["quote"].tolist() == ["the plan"]
    q = _rows("Senator Paul Novak defended the plan and blasted its critics.")
    assert q["quote"].tolist() == ["the plan", "its critics."]
    assert q["cue"].tolist() == ["defended", "blasted"]


def test_adverbs_of_place_and_time_stand_between_subject_and_verb():
    q = _rows("His oldest friends have in the past said he was staying quiet on purpose.")
    assert q["quote"].tolist() == ["he was staying quiet on purpose."]
    q = _rows("Jane Roe here said the miners had been working since the spring.")
    assert q["speaker"].tolist() == ["Jane Roe"]


def test_asked_whom_whether_reports_the_question():
    q = _rows("The radio host asked the former Democratic party chairman if he had been preparing for the job.")
    assert q["quote"].tolist() == ["if he had been preparing for the job."]
    assert q["cue"].tolist() == ["asked"]


def test_a_tag_sentence_after_an_exclamation_names_the_speaker():
    q = _rows('"And I am not being paid!" Jane Roe declared, a point she likes to make.')
    assert q["speaker"].tolist() == ["Jane Roe"]
    assert q["kind"].tolist() == ["direct"]


def test_a_report_before_the_tag_is_kept_when_a_quotation_follows_it():
    # the quotation comes after the tag, so it is not the clause the tag closes: the clause before the tag is
    # Jane Roe's report, and the quotation her words (review of the fourteenth session)
    q = _rows('The plant will close in March, the owner Jane Roe said, adding: "Nobody saw it coming at all."')
    assert q["kind"].tolist() == ["indirect", "direct"]
    assert q["quote"].tolist() == ["The plant will close in March", "Nobody saw it coming at all."]
    assert q["speaker"].tolist() == ["Jane Roe", "Jane Roe"]
