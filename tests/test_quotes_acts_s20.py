"""Attributed acts and positions without words ("the union endorsed her", "X declined to comment") are rows of
kind ``act``: not speech in the voices tables, and not read for stance."""

from quote_rows import all_rows as _rows

from kzlib.quotes import SPEECH_KINDS


def test_an_endorsement_is_an_act_not_speech():
    q = _rows("The teachers' union endorsed Jane Roe on Monday, a week before the primary.")
    acts = q[q["kind"] == "act"]
    assert len(acts) == 1
    assert "Jane Roe" in acts["quote"].iloc[0]
    assert not q["kind"].isin(SPEECH_KINDS).any()


def test_declining_to_comment_is_an_act():
    q = _rows("Mary Major, the mayor, declined to comment on the lawsuit.")
    assert q["kind"].tolist() == ["act"]
    assert q["speaker"].tolist() == ["Mary Major"]


def test_words_stay_speech():
    q = _rows("Mary Major said that the union had endorsed her rival.")
    assert q["kind"].tolist() == ["indirect"]
    assert q["speaker"].tolist() == ["Mary Major"]


def test_stance_does_not_read_acts():
    # an act has no words of the speaker's for the stance rules to read ("declined to say whether ...")
    from kzlib.stance import detect_stance

    q = _rows("Mary Major declined to say whether she opposed the Ruritanian government.")
    assert q["kind"].tolist() == ["act"]
    assert detect_stance(q, targets=[{"name": "Ruritania", "aliases": ["Ruritanian government"]}]).empty
