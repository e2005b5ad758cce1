"""Pathological paragraphs that once made a pattern backtrack cubically or quadratically (nineteenth session;
`benchmarks/adversarial.py` measures each stage's growth on such inputs). Each test runs an input the old
pattern needed minutes or hours for, and checks what the text says; the paragraphs are written for the tests."""

from quote_rows import speech_rows as _rows

from kzlib.clean import classify_paragraphs


def test_a_run_of_digits_after_said_is_read_once():
    # the apposition and parenthetical patterns split a run of word characters into up to three words in
    # every way: 5,000 digits took about 500 s before each word had to end at a word boundary
    q = _rows("The council said " + "9" * 5000 + " on Monday.")
    assert q["speaker"].tolist() == ["council"]
    assert q["quote"].str.startswith("9999").tolist() == [True]


def test_the_patterns_still_read_an_apposition_and_a_parenthetical():
    q = _rows("The fare will be cut next year, the mayor said, a policy that few expected.")
    assert q["speaker"].tolist() == ["mayor"]
    assert q["quote"].tolist() == ["The fare will be cut next year"]
    # the attribution inside the reported sentence: the sentence is the report ("he" names no one here)
    q = _rows("This campaign, he says, is different from the last one.")
    assert q["quote"].tolist() == ["This campaign, he says, is different from the last one."]


def test_counters_and_rules_are_furniture_and_a_word_after_spaces_is_not():
    paras = ["0 0", "12 / 3 · 4", "___", "1" + " " * 20000 + "x", "The council voted on Monday to cut the fare."]
    kinds = classify_paragraphs(paras)["kind"].tolist()
    assert kinds[:3] == ["boilerplate"] * 3
    assert kinds[3] != "boilerplate"  # a word: no counter (a short line of its own reads as a title)
    assert kinds[4] == "body"


def test_a_page_of_capitalised_words_is_read_in_its_last_words_only():
    # a capitalised run was looked up in the gazetteer and read for a title in every suffix (quadratic: 5.6 s
    # for 16,000 characters of titles); names and titles are read in a run's last twelve words
    q = _rows(" ".join(["Word"] * 3000) + ". Secretary General Stanislav Zas said the troops would leave.")
    assert q[["speaker", "quote"]].values.tolist() == [["Stanislav Zas", "the troops would leave."]]
    q = _rows("Mr. Dr. Sen. Smith said it would fail.")
    assert q[["speaker", "quote"]].values.tolist() == [["Smith", "it would fail."]]
