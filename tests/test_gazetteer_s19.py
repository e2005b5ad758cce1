"""A gazetteer surname alone is an ordinary word or another person's name unless the document says otherwise
(nineteenth session: "Price hikes" was Ned Price in coverage of a crisis set off by fuel prices). The sentences
are written for the tests."""

import pandas as pd

from kzlib.actors import find_mentions


def _actors(*sentences: str) -> list[tuple[str, str]]:
    s = pd.DataFrame({"doc_id": "d", "sentence_id": range(len(sentences)), "text": list(sentences)})
    return find_mentions(s)[["surface", "actor"]].values.tolist()


def test_a_surname_the_document_also_writes_in_small_letters_is_a_word():
    assert _actors("Price hikes for liquefied gas sparked the protests.", "Gas prices doubled on Jan. 1.") == []
    # the same word of a person the document has named stays the person
    assert _actors("The spokesman Ned Price spoke on Monday.", "Price said the prices were high.") == [
        ["Ned Price", "Ned Price"], ["Price", "Ned Price"]]
    # and a surname the document never writes in small letters is still the known person
    assert _actors("Price said the talks had failed.") == [["Price", "Ned Price"]]


def test_a_surname_inside_another_name_or_of_another_person_is_not_the_known_one():
    assert _actors("T. Rowe Price funds fell on Friday.") == []
    assert _actors("Robert M. Price, the chairman, spoke to investors.", "Mr. Price said the unit would be sold.") \
        == [["Price", "Robert M. Price"]]
