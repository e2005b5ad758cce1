"""The events' actors read titles at each document's date (dated gazetteer roles, twenty-second session)."""

import pandas as pd

from kzlib.timeline import build_events


def _actors(published: str) -> list[str]:
    # the title resolves to an actor the document named before it
    texts = ["Antony Blinken arrived in Europe.", "The secretary of state flew to Geneva on Monday."]
    sentences = pd.DataFrame({"doc_id": "d", "para_id": 0, "sentence_id": [0, 1], "text": texts})
    ev = build_events(sentences=sentences, documents=pd.DataFrame({"doc_id": ["d"], "published": [published]}))
    return ev["actors"].tolist()


def test_a_title_names_its_holder_only_in_a_document_of_their_time():
    # Antony Blinken was Secretary of State from January 2021 to January 2025 (in 2016 he was the deputy)
    assert _actors("2022-01-10") == ["Antony Blinken"]
    assert _actors("2016-03-10") == [""]
