"""Quotes stage, twentieth session (speed): the lazy look-ups that replaced whole-document passes give what the
passes gave. The texts were written for these tests; the expected values are read from them."""

from kzlib.quotes._capitals import _inner_capitals, _InnerCapitals

_TEXTS = [
    "Hours later, the council met Okafor's deputy. Okafor left; Roemer stayed.",
    "“Roe is right,” she said. Roe left the hall with Ms. Okafor.",
    "Mayor Defends Budget Plan Again",
    "",
]


def test_a_word_the_document_capitalises_inside_a_sentence_is_found_where_it_stands():
    caps = _InnerCapitals(_TEXTS)
    assert "Okafor" in caps  # "met Okafor's deputy": inside the sentence, possessive left out
    assert "Roemer" in caps  # after "; ", not a sentence's end
    assert "Hours" not in caps and "She" not in caps  # only ever a sentence's first word
    assert "Roe" not in caps  # after an opening quotation mark and after a full stop: sentence starts
    assert "Budget" not in caps  # only in a headline in title case
    assert "council" not in caps and "" not in caps and "Okafor's" not in caps


def test_the_lazy_look_up_agrees_with_the_whole_document_pass():
    caps, whole = _InnerCapitals(_TEXTS), _inner_capitals(_TEXTS)
    words = {w.strip(".,;“”’'") for t in _TEXTS for w in t.split()} | {"Okafor's", "Roe’s", "Ms."}
    assert {w for w in words if w in caps} == {w for w in words if w in whole}
    assert whole == {"Okafor", "Roemer", "Ms"}  # "Ms." stands inside the second sentence


def test_running_text_is_told_from_headlines_in_any_script():
    from kzlib.quotes._capitals import _running_text

    assert _running_text("Hours later, the senator met Roe’s aide in Almaty.")
    assert not _running_text("Mayor Defends Budget Plan Again")
    assert not _running_text("2022 — 15")  # no words
    assert _running_text("Kazakhstan’s 2022 unrest: the U.S. view")  # 3 capitals of 6 words ("’s" goes on a word, "U.S." is two)
    assert not _running_text("Émile Zola Et Les Autres")  # capitals outside ASCII count too
    assert _running_text("Émile met the press in Алматы")  # 2 of 5
    assert not _running_text("Émile Met Two Press Officers in the city")  # 5 of 8


def test_a_name_after_a_verb_or_preposition_is_an_object_and_after_said_a_subject():
    from kzlib.quotes.mentions import _object_before

    t = "Tokayev met with Russian President Vladimir Putin, according to Roe, and said Putin agreed."
    assert _object_before(t, t.index("Russian"))  # "met with"
    assert _object_before(t, t.index("Vladimir"))  # "with" and two capitalised words
    assert not _object_before(t, t.index("Roe"))  # "according to": the source, no object
    assert not _object_before(t, t.rindex("Putin"))  # "said Putin": the subject
    assert not _object_before(t, 0) and not _object_before("(told)Putin", 7)  # nothing, or no blank, before it
    assert _object_before("a call (told\tthe Putin aide", 17)  # a bracket before the verb, a tab after it


def test_quotation_marks_and_double_apostrophes_are_found_but_not_single_or_triple_apostrophes():
    from kzlib.quotes.marks import _MARKS

    text = "He said ''we will stay'' and «no» — it's Roe's ''' call, \"done\"."
    found = [m.group(0) for m in _MARKS.finditer(text)]
    # two apostrophes twice, the guillemets, the straight quotes; "it's" and "Roe's" hold one apostrophe; of three
    # in a row the last two are the mark
    assert found == ["''", "''", "«", "»", "''", '"', '"']
