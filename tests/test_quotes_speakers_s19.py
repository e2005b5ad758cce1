"""Who speaks in a participle of saying, and whom "him" stands for (nineteenth session, found on English coverage of
the crisis: a Tokayev quotation given to Putin, Russia's words given to Blinken). The sentences are written for
the tests."""

from quote_rows import speech_rows as _rows


def _who(q, cue: str) -> list[str]:
    return q[q["cue"] == cue]["speaker"].tolist()


def test_the_one_quoted_as_saying_speaks():
    assert _who(_rows("The agency quoted Okafor as saying the strike would go on."), "saying") == ["Okafor"]
    assert _who(_rows("“The strike goes on,” the agency quoted Okafor as saying."), "saying") == ["Okafor"]
    q = _rows("Interfax cited a senior official as saying that troops would stay.")
    assert q[["speaker", "quote"]].values.tolist() == [["senior official", "troops would stay."]]


def test_a_participle_after_a_verbs_object_is_the_subjects():
    q = _rows("The union has lambasted Mayor Jane Okafor saying she ignored the drivers.")
    assert q[["speaker", "cue"]].values.tolist() == [["union", "saying"]]
    # the object of a verb that shows someone speaking speaks
    q = _rows("Okafor endorsed Baker, saying he was the best candidate.")
    assert _who(q, "saying") == ["Okafor"]


def test_him_is_the_person_last_named_as_a_subject_not_as_an_object():
    q = _rows("John Okafor's office said he told Mayor John Baker on the phone that the strike was over.",
              "“The drivers will be back on Monday,” it quoted him as saying.")
    # "he" of the office's report is the office holder's; Baker is only the one told
    assert _who(q, "saying") == ["John Okafor"]
    q = _rows("Governor John Okafor spoke to Mayor John Baker on Friday.",
              "“The drivers will be back on Monday,” the office quoted him as saying.")
    assert _who(q, "saying") == ["John Okafor"]
