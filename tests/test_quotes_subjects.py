"""Long subjects of verbs of saying (issue 16, fifteenth session): a head noun with complements, relative
clauses or appositions before the verb, and unnamed speakers after an inverted verb. Each test's sentence was
written for it; the expected values are read from the sentence."""


from quote_rows import speech_rows as _rows


def test_a_relative_clause_between_the_subject_and_the_verb():
    q = _rows("Current and former officials who spoke with the newspaper said the ministry had stopped paying its staff.")
    assert q["quote"].tolist() == ["the ministry had stopped paying its staff."]
    assert q["speaker_surface"].tolist() == ["Current and former officials"]
    # an unnamed speaker: named by its description, and said to be one
    assert q["speaker"].tolist() == ["Current and former officials"]
    assert q["speaker_resolution"].tolist() == ["description"]


def test_a_subject_with_its_complement():
    q = _rows("A person familiar with the planning says the meeting will focus on the budget.")
    assert q["quote"].tolist() == ["the meeting will focus on the budget."]
    assert q["speaker_surface"].tolist() == ["A person familiar with the planning"]


def test_an_opening_adverb_and_an_apposition_in_commas():
    q = _rows("Yet Kazakh economists, like their Russian colleagues, say the devaluation will raise prices.")
    assert q["quote"].tolist() == ["the devaluation will raise prices."]
    assert q["speaker_surface"].tolist() == ["Kazakh economists"]


def test_an_introductory_clause_before_the_subject():
    q = _rows("Still, while the shops in the capital were full, residents who queued for hours say bread is scarce.")
    assert q["quote"].tolist() == ["bread is scarce."]
    assert q["speaker_surface"].tolist() == ["residents"]


def test_a_named_subject_with_a_time_before_the_verb():
    q = _rows("Government spokeswoman Jane Roe on Thursday evening said the army was not in the city, and urged "
              "residents to stay at home.")
    # "and urged" shares the subject of "said": both reports are Jane Roe's
    assert q["speaker"].tolist() == ["Jane Roe", "Jane Roe"]
    assert q["cue"].tolist() == ["said", "urged"]
    assert q["quote"].tolist() == ["the army was not in the city", "residents to stay at home."]


def test_a_relative_clause_with_its_own_subject_is_no_long_subject():
    q = _rows("The new rules, which officials said will apply from March, will not cover refugees.")
    assert "The new rules" not in q["speaker_surface"].tolist()


def test_things_that_do_not_speak_and_passives_are_no_long_subject():
    q = _rows("The sound system, cycling through old songs by local bands, added a few new hits.")
    assert not q["speaker_surface"].str.contains("sound system").any()
    assert _rows("A photo of the minister, who resigned on Friday, was shown on the screen in the hall.").empty


def test_an_unnamed_speaker_after_an_inverted_verb():
    q = _rows("The army will leave the city next week, said two officials familiar with the plan.")
    assert q["quote"].tolist() == ["The army will leave the city next week"]
    assert q["speaker_surface"].tolist() == ["two officials familiar with the plan"]
    q = _rows("The talks were close to collapse on Sunday, said several observers.")
    assert q["speaker_surface"].tolist() == ["several observers"]


def test_a_name_in_apposition_after_an_inverted_verb():
    q = _rows("The plant is under heavy pressure from imports, said the company's chief executive, John Smith.")
    assert q["speaker"].tolist() == ["John Smith"]


def test_a_speech_word_after_a_possessor_and_an_adjective_is_a_noun():
    # "support" here is a noun: the ministry's support, not someone supporting
    q = _rows("The minister reiterated the government's full support for the police and the army in the city.")
    assert q["speaker_surface"].tolist() == ["the government"]
    assert q["cue"].tolist() == ["support for"]


def test_a_verb_right_after_a_relative_pronoun_is_the_relative_clause_verb():
    # the group denied the charges, not the minister
    q = _rows("The minister, who met envoys of a group that denied that its members had fired on the police, left "
              "the city.")
    assert "The minister" not in q["speaker_surface"].tolist()


def test_a_reported_clause_that_ends_with_a_partial_quotation():
    # inverted: the clause before "Kilfoyle said" is the report; its quoted words are a fragment inside it
    q = _rows("Teachers who meet online in the group are “very, very pro-Bernie,” Kilfoyle said.")
    assert q["quote"].tolist() == ["Teachers who meet online in the group are “very, very pro-Bernie,”"]
    assert q["speaker"].tolist() == ["Kilfoyle"]
    assert q["kind"].tolist() == ["indirect"]
    # a reported clause of three words around a quoted word is still a report, not a scare quote
    q = _rows('The network said that the candidate\'s description was "false."')
    assert q["quote"].tolist() == ['the candidate\'s description was "false."']
    assert q["speaker_surface"].tolist() == ["The network"]


def test_an_apposition_after_a_name_that_ends_its_phrase():
    # the person is the name before the comma, not the place that opens the phrase
    q = _rows("Texas delegate Bill Eastland, wearing a cowboy hat, said the convention would be peaceful.")
    assert q["speaker"].tolist() == ["Bill Eastland"]


def test_a_request_is_reported_like_a_question():
    q = _rows("The governor asked the court to block the new rules before the election.")
    assert q["quote"].tolist() == ["the court to block the new rules before the election."]
    assert q["speaker_surface"].tolist() == ["The governor"]
    # no request: a preposition after the verb, or a passive (who asked is not said)
    assert _rows("He asked about the plan to leave the city.").empty
    assert _rows("She was asked to resign from her post.")["speaker"].tolist() in ([], [""])


def test_an_attribution_followed_by_an_apposition_or_a_coordinated_clause():
    q = _rows("Victims of violence would be treated as a distinct group for asylum, Sanders said, a policy that could "
              "help them stay.")
    assert q["quote"].tolist() == ["Victims of violence would be treated as a distinct group for asylum"]
    assert q["speaker"].tolist() == ["Sanders"]
    q = _rows("The sanctions are meant to keep secrets from careless people, Hennessey said, and with the aides "
              "chastened it is safe to assume they will not repeat the mistake.")
    assert q["quote"].tolist() == ["The sanctions are meant to keep secrets from careless people"]
    assert q["speaker"].tolist() == ["Hennessey"]


def test_an_attribution_inside_the_sentence_it_reports():
    q = _rows("This campaign, Jane Roe says, is different from the last one.")
    assert q["quote"].tolist() == ["This campaign, Jane Roe says, is different from the last one."]
    assert q["speaker"].tolist() == ["Jane Roe"]


def test_a_share_of_respondents_in_percent_says_something():
    q = _rows("On social issues they lean left: 42% say they are liberal on most questions.")
    assert q["quote"].tolist() == ["they are liberal on most questions."]
    assert q["speaker_surface"].tolist() == ["42%"]


def test_a_verb_that_needs_a_clause_takes_one_with_a_noun_subject():
    q = _rows("On Monday the Daily Courier suggested the new tax rules punished small farms.")
    assert q["quote"].tolist() == ["the new tax rules punished small farms."]
    assert q["speaker"].tolist() == ["Daily Courier"]
    # an object, not a clause: no report
    assert _rows("The minister suggested a meeting on Friday.").empty


def test_a_verb_of_saying_inside_a_relative_clause():
    q = _rows("The new rules, which officials said will take effect in the spring, do not cover refugees.")
    assert q["quote"].tolist() == ["will take effect in the spring"]
    assert q["speaker_surface"].tolist() == ["officials"]
    # the verb is the relative clause's: the clause before it is no inverted report
    q = _rows("Rubio finished third, in a finish that he said defied expectations.")
    assert q["quote"].tolist() == ["defied expectations."]
    assert q["speaker_surface"].tolist() == ["he"]
    # a relative clause whose subject is no speaker ("who in 2012 added")
    assert _rows("The developer, who in 2012 added two golf courses to his portfolio, bought a third.").empty


def test_according_to_with_a_stance_word_in_the_clause_and_after_a_colon():
    # "support" in the reported clause is no second attribution
    q = _rows("According to a survey by the society, 70% of adults with autism need support services.")
    assert q["quote"].tolist() == ["70% of adults with autism need support services."]
    # the clause before the colon is not what the polls report
    q = _rows("And it has not gone unnoticed: according to recent polls, the mayor holds only 14 percent of the vote.")
    assert q["quote"].tolist() == ["the mayor holds only 14 percent of the vote."]
    assert q["speaker_surface"].tolist() == ["recent polls"]


def test_the_one_told_is_not_the_speaker():
    q = _rows("Sanders remains committed to the race, his top aide told The Huffington Post.")
    assert q["speaker_surface"].tolist() == ["his top aide"]
    q = _rows("Sanders remains committed to the race, his top aide, Tad Devine, told The Huffington Post.")
    assert q["quote"].tolist() == ["Sanders remains committed to the race"]
    assert q["speaker"].tolist() == ["Tad Devine"]


def test_an_inverted_attribution_followed_by_a_dash_and_an_apposition():
    q = _rows("The deficit will grow this year, the budget office reported on Tuesday -- a development that could "
              "shape the race.")
    assert q["quote"].tolist() == ["The deficit will grow this year"]


def test_a_report_that_opens_with_a_partial_quotation():
    q = _rows("“I held and hugged” grieving family members before laying flowers at the memorial, the governor said.")
    assert q["quote"].tolist() == ["“I held and hugged” grieving family members before laying flowers at the memorial"]
    assert q["speaker_surface"].tolist() == ["the governor"]
    # a whole quotation before its tag stays a direct quotation
    q = _rows("“We are happy with the decision of the court,” Smith said.")
    assert q["kind"].tolist() == ["direct"]
    assert q["quote"].tolist() == ["We are happy with the decision of the court,"]


def test_documents_and_groups_that_show_something():
    q = _rows("The results show that rural voters are similarly out of step with the party.")
    assert q["quote"].tolist() == ["rural voters are similarly out of step with the party."]
    assert q["speaker_surface"].tolist() == ["The results"]
    q = _rows("New filings show the campaign has less than $1.3 million cash on hand.")
    assert q["speaker_surface"].tolist() == ["New filings"]


def test_the_author_of_a_letter_or_memo_speaks_through_it():
    q = _rows("The governor sent a letter to the ministry saying the plant would close.")
    assert q["quote"].tolist() == ["the plant would close."]
    assert q["speaker_surface"].tolist() == ["The governor"]
    q = _rows("Senator Jane Roe issued a memo arguing that the budget was illegal.")
    assert q["speaker"].tolist() == ["Jane Roe"]


def test_a_wire_dateline_is_no_speaker():
    q = _rows("WASHINGTON (AP) — Democrat Jane Roe took a swipe at her rival on Friday, saying that his comments "
              "did more harm than good.")
    assert q["speaker"].tolist() == ["Jane Roe"]
    q = _rows("ALMATY, Kazakhstan — Officials said on Friday that order had been restored.")
    assert q["speaker_surface"].tolist() == ["Officials"]


def test_the_speaker_of_a_participle_before_a_quotation_is_its_clause_subject():
    q = _rows('On Tuesday, Senator Jane Roe deflected questions about John Smith before saying, "It is time to get '
              'back to the budget."')
    assert q["speaker"].tolist() == ["Jane Roe"]


def test_a_long_subject_before_a_quotation():
    q = _rows("Another intelligence source speaking to Fox News said, “The agents are looking at the donations.”")
    assert q["speaker_surface"].str.startswith("Another intelligence source").tolist() == [True]
    assert q["speaker_resolution"].tolist() == ["description"]


def test_an_unnamed_speaker_before_a_quotation():
    q = _rows("Another commenter said, “We all know how she feels about the police and the army.”")
    assert q["speaker_surface"].tolist() == ["Another commenter"]
    assert q["speaker_resolution"].tolist() == ["description"]


def test_a_tag_that_names_the_one_asked():
    q = _rows('"You think I am going to change?" Jane Roe asked reporters rhetorically during a news conference.')
    assert q["speaker"].tolist() == ["Jane Roe"]
    assert q["cue"].tolist() == ["asked"]


def test_a_second_verb_after_and_shares_the_sentence_subject_not_a_place():
    q = _rows("Carson took the stage at the Grand Hotel in Baltimore and called the political system “rotten to "
              "the core and beyond repair.”")
    assert q["speaker"].tolist() == ["Carson"]


def test_a_sentence_adverb_before_a_comma_is_no_speaker():
    q = _rows("Publicly, the nominee feuds with his party and says the establishment has failed.")
    assert "Publicly" not in q["speaker_surface"].tolist()


# ------------------------------------------------------------------ the review's sentences (fifteenth session)
def test_a_name_before_a_parenthetical_attribution_is_not_its_speaker():
    q = _rows("Nazarbayev, the interior ministry said on Sunday, had not left the country.")
    assert q["speaker_surface"].tolist() == ["the interior ministry"]
    assert q["quote"].tolist() == ["Nazarbayev, the interior ministry said on Sunday, had not left the country."]
    q = _rows("Tokayev, a spokesman said, would address the nation on Monday.")
    assert q["speaker_surface"].tolist() == ["a spokesman"]


def test_asking_not_to_be_identified_is_no_request():
    q = _rows("Officials who asked not to be identified said the airport remained closed.")
    assert q["cue"].tolist() == ["said"]
    assert q["quote"].tolist() == ["the airport remained closed."]
    assert q["speaker"].tolist() == ["Officials"]
    assert q["speaker_resolution"].tolist() == ["description"]
    assert _rows("The journalist asked not to be named in the report.").empty


def test_an_object_with_its_complement_is_no_clause():
    for s in ("Putin warned Kazakhstan of consequences.", "The ministry denied the allegations of abuses.",
              "The ministry confirmed the identities of the dead.", "Tokayev declared a curfew as the unrest escalated."):
        assert _rows(s).empty, s


def test_a_time_before_according_to_is_no_clause_break():
    q = _rows("At 10:30 p.m. on Wednesday, according to police, troops opened fire on the crowd.")
    assert q["speaker_surface"].tolist() == ["police"]
    assert q["quote"].str.startswith("At 10:30 p.m.").tolist() == [True]
    q = _rows("The situation is clear; according to officials, 225 people died, Tokayev told parliament.")
    assert q["quote"].tolist() == ["The situation is clear; according to officials, 225 people died"]


def test_a_quotation_after_an_introductory_phrase_or_colon_is_the_report():
    q = _rows('Tokayev spoke to Putin by phone: "Thank you for your support in these hard days," he said.')
    assert q["kind"].tolist() == ["direct"]
    assert q["quote"].tolist() == ["Thank you for your support in these hard days,"]


def test_a_closing_mark_is_not_part_of_the_speaker():
    q = _rows('The gas price rise was "unacceptable," a protester in Zhanaozen said.')
    assert q["speaker_surface"].tolist() == ["a protester in Zhanaozen"]


def test_according_to_a_source_and_a_clause_with_its_own_verb_of_saying():
    q = _rows("According to Interfax, the ministry confirmed that 164 people had died.")
    assert q["cue"].tolist() == ["confirmed"]
    assert q["quote"].tolist() == ["164 people had died."]


def test_a_surname_in_ing_before_its_apposition_is_a_name():
    q = _rows("Manning, Tokayev's adviser, said the talks would resume.")
    assert q["speaker"].tolist() == ["Manning"]


def test_a_singular_group_word_after_an_inverted_verb():
    q = _rows("The airport remained closed, said one protester in Almaty.")
    assert q["speaker_surface"].tolist() == ["one protester in Almaty"]


def test_the_author_of_a_memo_with_a_noun_subject():
    q = _rows("The ministry issued a memo arguing that the curfew was legal.")
    assert q["speaker_surface"].tolist() == ["The ministry"]
    assert q["quote"].tolist() == ["the curfew was legal."]


def test_the_employer_is_not_the_speaker_without_a_comma():
    q = _rows("The decree takes effect on Monday, said Tokayev's spokesman Berik Uali.")
    assert q["speaker"].tolist() == ["Berik Uali"]


def test_a_common_word_is_not_the_person_with_that_surname():
    q = _rows("The price of fuel doubled in January, said the mayor of the town.")
    assert q["speaker"].tolist() == ["mayor of the town"]


def test_a_relative_clause_with_a_group_for_subject():
    q = _rows("The protesters, whom police said were armed, were detained.")
    assert q["speaker"].tolist() == ["police"]
    assert q["quote"].tolist() == ["were armed"]
