"""English page furniture (twentieth session): a comment or live-blog widget's glued button labels, bare photo
credits ("Getty.", "NAME via Getty Images."), and sign-offs (the author's Twitter line, "Contributing:", a
copyright or reprint notice). Ordinary sentences with the same words stay article text, and every paragraph
taken out stays listed, with its reason, in the removals table.

Every paragraph here was written for these tests (none is taken from a dev kit or a news site); the
expected kinds come from reading them.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kzlib.clean import classify_paragraphs, clean
from kzlib.corpus import Corpus

_TITLE = "Senate Committee Hears Testimony On Water Rates"
_BODY = ("The committee heard three hours of testimony on Tuesday from residents who said their water bills "
         "had doubled since the spring.")
_BODY2 = "The chairwoman said a vote on the proposal was expected before the end of the month."


def _kinds(paras: list[str]) -> list[str]:
    return classify_paragraphs(paras)["kind"].tolist()


# ------------------------------------------------------------------------------- widget chrome
@pytest.mark.parametrize("chrome", [
    "Jane DoeFlagShareLikeReplyJohn Roe 5ptsmoderatorFeaturedMarch 3, 2016 9:15PMVote Recap",
    "FlagShareLikeReplyMary Major 5ptsmoderatorFeaturedMarch 3, 2016 9:02PMThe Hearing Opens",
    "12 postsGet WidgetFAQSign in3 people listening + FollowSharePost comment as...Newest | Oldest",
])
def test_glued_widget_labels_are_boilerplate(chrome):
    frame = classify_paragraphs([_TITLE, _BODY, chrome, _BODY2])
    assert frame["kind"].tolist() == ["title", "body", "boilerplate", "body"]
    assert "widget" in frame["reason"][2]


@pytest.mark.parametrize("sentence", [
    "The company said McDonald's and PowerPoint users posted on YouTube about the iPhone outage.",
    "Supporters posted #ShareTheLoveNotHate and #LikeAndFollowUs hundreds of times on Tuesday night.",
    "Residents said they would flag, share, like and reply to every post about the vote.",
])
def test_camel_case_words_and_hashtags_stay_text(sentence):
    assert _kinds([_TITLE, _BODY, sentence, _BODY2]) == ["title", "body", "body", "body"]


# ------------------------------------------------------------------------------- bare credits
@pytest.mark.parametrize("credit", ["Getty.", "Pat Smith via Getty Images.", "ANN B. LEE via Getty Images.",
                                    "Kim Park/Reuters.", "Getty/Instagram.", "Handout/Reuters."])
def test_a_bare_credit_line_is_a_credit_and_makes_no_neighbour_a_caption(credit):
    frame = classify_paragraphs([_TITLE, _BODY, credit, _BODY2])
    # the text above and below a bare credit line stays text: which one (if any) is a caption is unknown
    assert frame["kind"].tolist() == ["title", "body", "credit", "body"]
    assert "agency" in frame["reason"][2]


@pytest.mark.parametrize("sentence", [
    "Getty said the museum would reopen in May.",
    "The AP.",          # no agency line: a word before the agency name, neither 'via' nor '/'
    "Officials in the town said the pool would stay closed via the end of the summer.",
])
def test_sentences_naming_an_agency_stay_text(sentence):
    assert _kinds([_TITLE, _BODY, sentence, _BODY2]) == ["title", "body", "body", "body"]


# ------------------------------------------------------------------------------- sign-offs
@pytest.mark.parametrize("signoff", [
    "Follow Jane Roe on Twitter: @janeroe. Reach her directly at jane@example.com.",
    "Follow Example News staff writer and podcast host Jane Roe on Twitter at @janeroe.",
    "Jane Roe is a reporter for the Daily Example. Her book is out this fall. Follow her on Twitter at @janeroe.",
    '"Follow Jane Roe on Twitter @janeroe."',
    "Follow @ExampleOpinion or #exampletalk on Twitter for more of this discussion.",
    "Contributing: John Doe and Mary Major, Daily Example.",
    "Additional reporting by John Doe in Springfield.",
    "From A LONG ROAD by Ann Author. Copyright © 2015 by Ann Author. Reprinted courtesy of Example Press.",
])
def test_sign_offs_are_boilerplate(signoff):
    frame = classify_paragraphs([_TITLE, _BODY, _BODY2, signoff])
    assert frame["kind"].tolist() == ["title", "body", "body", "boilerplate"]
    assert "sign-off" in frame["reason"][3]


@pytest.mark.parametrize("sentence", [
    "Protesters vowed to follow the senator on every campaign stop, organizers said on Twitter.",
    '"Follow the money," the senator wrote on Twitter, tagging @exampleuser in the post.',
    "Contributing to the deficit, the bill would add billions to the debt over ten years.",
    "The senator said the copyright office had not answered her letter.",
])
def test_sentences_with_sign_off_words_stay_text(sentence):
    assert _kinds([_TITLE, _BODY, sentence, _BODY2]) == ["title", "body", "body", "body"]


# ------------------------------------------------------------------------------- removals
def test_every_paragraph_taken_out_is_listed_with_its_reason():
    text = "\n\n".join([_TITLE, _BODY, "Getty.", _BODY2,
                        "FlagShareLikeReplyMary Major 5ptsmoderatorFeaturedMarch 3, 2016 9:02PMThe Hearing Opens",
                        "Contributing: John Doe."])
    docs = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "published": [""], "language": ["en"]})
    cleaned = clean(Corpus(documents=docs))
    assert cleaned.paragraphs["kind"].tolist() == ["title", "body", "credit", "body", "boilerplate", "boilerplate"]
    removed = cleaned.removals.set_index("para_id")
    assert removed.loc[[2, 4, 5], "kind"].tolist() == ["credit", "boilerplate", "boilerplate"]
    assert (removed.loc[[2, 4, 5], "reason"].str.len() > 10).all()
