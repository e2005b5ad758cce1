"""A title or name in quotation marks that a verb takes as its object is no quotation: it is a fragment."""

from quote_rows import all_rows as _q


def test_a_book_title_after_said_is_a_fragment():
    q = _q('In the book "The Long Road Home," Jane Roe said the law was flawed.')
    title = q[q["quote"].str.contains("Long Road")]
    assert title["kind"].tolist() == ["fragment"]


def test_a_programme_the_network_dismissed_is_a_fragment():
    q = _q('The network dismissed "Monday Night Baseball," a long-running program.')
    assert q["kind"].tolist() == ["fragment"]


def test_a_title_before_a_real_quotation_does_not_swallow_it():
    q = _q('As Mary Major put it in "The Quiet Years," "We never stopped counting the votes."')
    direct = q[q["kind"] == "direct"]
    assert direct["quote"].tolist() == ["We never stopped counting the votes."]


def test_speech_in_title_case_before_its_tag_stays_speech():
    # the quotation opens the sentence: no verb takes it as an object
    q = _q('"Lock Them Up," the crowd chanted outside the court.')
    assert q["kind"].tolist() == ["direct"]
    assert q["speaker_surface"].tolist() == ["the crowd"]
