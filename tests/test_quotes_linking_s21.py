"""Linking a surname alone across a corpus that spans decades (twenty-first session)."""

import pandas as pd

from kzlib.quotes import link_speakers


def test_a_surname_in_a_story_of_another_era_is_not_the_full_name_of_this_one():
    # the corpus quotes "Jeb Bush" by full name only in 2016; "Bush" of a 1990 story is another man
    q = pd.DataFrame({"doc_id": ["s16a", "s16b", "s16c", "s90"],
                      "speaker": ["Jeb Bush", "Jeb Bush", "Bush", "Bush"],
                      "speaker_surface": ["Jeb Bush", "Jeb Bush", "Bush", "President Bush"],
                      "speaker_type": ["person"] * 4, "kind": ["direct"] * 4, "speaker_resolution": ["named"] * 4})
    docs = pd.DataFrame({"doc_id": ["s16a", "s16b", "s16c", "s90"],
                         "published": ["2016-02-01", "2016-02-03", "2015-12-20", "1990-08-15"]})
    out = link_speakers(q, documents=docs)
    assert out["speaker"].tolist() == ["Jeb Bush", "Jeb Bush", "Jeb Bush", "Bush"]
    assert out["speaker_resolution"].tolist() == ["named", "named", "corpus", "named"]
    # without the documents' dates nothing tells the eras apart: the surname takes the only full name
    assert link_speakers(q)["speaker"].tolist()[-1] == "Jeb Bush"
