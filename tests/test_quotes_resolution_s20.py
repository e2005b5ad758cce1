"""Session 20: definite descriptions agree with their antecedent's kind and place, she/her prefers a woman,
title phrases and spellings do not split one person into several voices."""

import pandas as pd

from kzlib.quotes import extract_quotes, link_speakers, speaker_variants


def _speech(paragraphs: list[str]) -> pd.DataFrame:
    p = pd.DataFrame({"doc_id": "d", "para_id": range(len(paragraphs)), "text": paragraphs})
    q = extract_quotes(p)
    return q[q["kind"].isin(["direct", "indirect"])].reset_index(drop=True)


def test_the_campaign_is_not_an_unrelated_agency():
    q = _speech(["The FBI opened an inquiry into the emails last year.",
                 "The campaign says the ad will air in Iowa next week."])
    assert q["speaker"].tolist() == ["campaign"]
    assert q["speaker_resolution"].tolist() == ["description"]


def test_the_campaign_is_the_campaign_the_document_named():
    q = _speech(["The Clinton Campaign released a statement on Monday.",
                 "The campaign said that the ad would air in Iowa."])
    assert q["speaker"].tolist() == ["Clinton Campaign"]


def test_the_company_is_no_newspaper_and_the_court_no_university():
    q = _speech(["The New York Times reported the crash on Monday.",
                 "The company confirmed that he was a passenger on the flight.",
                 "The University of Texas admitted the students in 2008.",
                 "The court said that the policy was lawful."])
    rows = dict(zip(q["speaker_surface"], q["speaker"]))
    assert rows["The company"] == "company"
    assert rows["The court"] == "court"


def test_the_court_is_a_court_the_document_named():
    q = _speech(["The Supreme Court heard the case in March.",
                 "The court said that the policy was lawful."])
    assert q["speaker"].tolist() == ["Supreme Court"]


def test_the_state_republican_is_the_person_tied_to_that_state():
    q = _speech(["Donald Trump spoke in Ohio on Tuesday.",
                 "Paul Ryan of Wisconsin was in Washington.",
                 "The Wisconsin Republican criticized the trade deal, saying it had failed."])
    assert set(q["speaker"]) == {"Paul Ryan"}


def test_the_state_republican_is_not_a_republican_of_another_state():
    q = _speech(["Texas Sen. Ted Cruz and Florida Sen. Marco Rubio met donors on Monday.",
                 "The Texas Republican said that the plan would fail."])
    assert q["speaker"].tolist() == ["Ted Cruz"]


def test_she_prefers_the_woman_to_a_man_of_unknown_gender():
    q = _speech(["Hillary Clinton repeatedly invoked President Obama at the rally in Ohio.",
                 "Later, she said she and Obama had made progress on health care."])
    assert q["speaker"].tolist() == ["Hillary Clinton"]


def test_he_never_resolves_to_a_woman():
    q = _speech(["Nancy Roe met Senator Doe on Friday.",
                 "Afterwards he said the talks had gone well."])
    assert "Nancy Roe" not in set(q["speaker"])


def test_office_and_place_before_a_name_are_its_title():
    q = _speech(["Former Florida Gov. Jeb Bush says that the plan is unlawful.",
                 "Hewlett-Packard CEO Carly Fiorina said that the deal was weak.",
                 "Rival Hillary Clinton said that the deal was weak.",
                 "Republican National Committee Chairman Reince Priebus said that the vote was fair."])
    assert q["speaker"].tolist() == ["Jeb Bush", "Carly Fiorina", "Hillary Clinton", "Reince Priebus"]


def test_an_initial_is_kept_with_the_name():
    q = _speech(["J. Gerald Roe said that the map was drawn unfairly."])
    assert q["speaker"].tolist() == ["J. Gerald Roe"]


def test_curly_and_straight_apostrophes_and_capitals_are_one_voice():
    q = pd.DataFrame({"speaker": ["Martin O'Malley"] * 3 + ["Martin O’Malley"] * 2 + ["JANE ROE", "Jane Roe", "AP"],
                      "speaker_type": "person", "kind": "direct", "speaker_resolution": "named"})
    links = speaker_variants(q)
    got = dict(zip(links["speaker"], links["linked_to"]))
    assert got == {"Martin O’Malley": "Martin O'Malley", "JANE ROE": "Jane Roe"}
    assert set(link_speakers(q, links)["speaker"]) == {"Martin O'Malley", "Jane Roe", "AP"}


def test_the_times_is_the_outlet_named_in_full():
    q = _speech(["The New York Times obtained the emails on Monday.",
                 "The Times said that the emails were exchanged in 2014."])
    assert q["speaker"].tolist() == ["New York Times"]


def test_a_gendered_role_in_apposition_gives_the_gender():
    # "Ridley" is no given name of the bundled list: the apposition alone says Ridley Roe is a woman
    q = _speech(["Ridley Roe, the senator's eldest daughter, spoke to voters in Ohio.",
                 "President Doe arrived later in the day.",
                 "She said that the plan would help parents."])
    assert q["speaker"].tolist() == ["Ridley Roe"]


def _linked(rows: list[tuple[str, str, str]]) -> list[str]:
    q = pd.DataFrame(rows, columns=["doc_id", "speaker", "speaker_surface"])
    q["speaker_type"], q["kind"], q["speaker_resolution"] = "person", "direct", "named"
    return link_speakers(q)["speaker"].tolist()


def test_a_bare_surname_beside_a_relative_is_not_linked():
    rows = [("a", "John Roe", "John Roe")] * 4 + [("b", "Roe", "Roe"), ("c", "Mary Roe", "Mary Roe"),
                                                  ("c", "Roe", "Roe")]
    assert _linked(rows)[4:] == ["John Roe", "Mary Roe", "Roe"]


def test_she_is_not_linked_to_a_man_s_full_name():
    rows = [("a", "John Roe", "John Roe")] * 4 + [("b", "Roe", "she"), ("b", "Roe", "he")]
    assert _linked(rows)[4:] == ["Roe", "John Roe"]


def test_they_is_not_a_person_quoted_paragraphs_before():
    q = _speech(['"We will win," said Jane Roe, a campaign adviser.',
                 "The rally opened at noon in the square.",
                 "The protesters gathered outside the hotel. They said that the plan would hurt workers."])
    assert "Jane Roe" not in q.loc[q["speaker_surface"] == "They", "speaker"].tolist()


def test_they_may_be_the_person_just_quoted():
    # a machine translation's "they say" for "he says": the person quoted in the paragraph before
    q = _speech(["John Roe argued that the treaty was weak.", "Despite the talks, they say, the risks remain high."])
    assert q["speaker"].tolist() == ["John Roe", "John Roe"]
