"""kzlib.text: the sentence, token and phrase tools the stages share."""

from __future__ import annotations

import pickle
import random
import re

import pytest

from kzlib.errors import ParameterError
from kzlib.text import (
    PatternSet,
    PhraseMatcher,
    SentenceSplitter,
    pattern_regex,
    phrase_alternation,
    razdel_sentences,
    sentence_spans,
    word_tokens,
)

EN = "Mr. Smith met U.S. officials on Jan. 7 in Almaty. Then he left for Moscow with Gen. Zas."
RU = "Токаев выступил в Астане 7 января. Он заявил, что т.е. порядок восстановлен. Встреча прошла."


def test_sentence_spans_cover_the_text_they_name():
    for text, lang in ((EN, None), (RU, None), (RU, "ru"), (EN, "en"), ("", None), ("  ", "ru")):
        for s, e, sent in sentence_spans(text, language=lang):
            assert text[s:e] == sent and sent.strip() == sent


def test_sentence_spans_split_english_after_abbreviations_only_at_sentence_ends():
    got = [s for _, _, s in sentence_spans(EN)]
    assert got == ["Mr. Smith met U.S. officials on Jan. 7 in Almaty.", "Then he left for Moscow with Gen. Zas."]


def test_russian_goes_to_razdel_by_language_or_by_letters():
    assert sentence_spans(RU) == razdel_sentences(RU) == sentence_spans(RU, language="ru-RU")
    assert [s for _, _, s in sentence_spans(RU)][1] == "Он заявил, что т.е. порядок восстановлен."
    # a language given wins over the letters: Punkt, which does not know "т.е." and breaks after it
    punkt = [s for _, _, s in sentence_spans(RU, language="en")]
    assert punkt != [s for _, _, s in razdel_sentences(RU)]


def test_a_given_splitter_is_used_and_must_be_fitted():
    fitted = SentenceSplitter(abbreviations=[]).fit(["One sentence. Another one."])
    assert [s for _, _, s in sentence_spans("Dr. No came. He left.", splitter=fitted)] == ["Dr.", "No came.", "He left."]
    with pytest.raises(ParameterError, match="fitted SentenceSplitter"):
        sentence_spans("Dr. No came.", splitter=SentenceSplitter())
    with pytest.raises(ParameterError, match="not trained"):
        SentenceSplitter().spans("Dr. No came.")


def test_a_fitted_splitter_survives_pickling():
    s = SentenceSplitter().fit([EN])
    again = pickle.loads(pickle.dumps(s))
    assert again.spans(EN) == s.spans(EN)


def test_word_tokens_with_offsets():
    text = "Kassym-Jomart Tokayev's decree (No. 7) — “order”."
    toks = word_tokens(text)
    assert [t.text for t in toks] == ["Kassym-Jomart", "Tokayev's", "decree", "No", "7", "order"]
    assert all(text[t.start:t.end] == t.text for t in toks)
    ru = word_tokens("Главы МИД России, Токаев.")
    assert [t.text for t in ru] == ["Главы", "МИД", "России", ",", "Токаев", "."]
    assert word_tokens("Главы МИД", language="en")[1].text == "МИД"   # words, by the regex


def test_phrase_matcher_takes_whole_words_longest_first():
    m = PhraseMatcher(["Putin", "Vladimir Putin", "Foreign Ministry", "U.S."])
    text = "Vladimir  Putin and the foreign ministry; Putinism; the U.S. envoy; Putin's aide; anti-Putin"
    assert m.find(text) == [(0, 15, "Vladimir  Putin"), (24, 40, "foreign ministry"), (56, 60, "U.S."),
                            (68, 73, "Putin")]


def test_phrase_matcher_case_per_phrase():
    m = PhraseMatcher({"EU": True, "AP": True, "Akorda": False})
    assert [t for _, _, t in m.find("The eu and the EU; ap or AP; AKORDA.")] == ["EU", "AP", "AKORDA"]
    assert PhraseMatcher([]).find("anything") == []


@pytest.mark.parametrize("text", [
    "Blinken met Wang Yi and Antony Blinken.", "Токаев met Putin in Astana.", "İstanbul: the minister spoke.",
    "Kassym–Jomart Tokayev, KASSYM-JOMART TOKAYEV", "", "The ministry—Foreign Ministry’s aide",
])
def test_phrase_matcher_prefilter_finds_what_its_regex_finds(text):
    m = PhraseMatcher(["Antony Blinken", "Blinken", "Wang Yi", "Putin", "Kassym-Jomart Tokayev", "minister",
                       "Foreign Ministry", "Токаев", "Istanbul"])
    assert [x.span() for x in m.finditer(text)] == [x.span() for x in m.pattern.finditer(text)]


def test_phrase_alternation_matches_like_the_plain_alternation():
    words = ["Putin", "price", "Peskov", "Akorda", "astana", "Zas", "_x", "9th"]
    pairs = [(w, re.escape(w)) for w in sorted(words, key=lambda w: (-len(w), w))]
    grouped = re.compile(r"\b(?:" + phrase_alternation(pairs) + r")\b")
    plain = re.compile(r"\b(?:" + "|".join(p for _, p in pairs) + r")\b")
    text = "Putin, Price and peskov met in Astana; AKORDA said Zas _x 9th putinism"
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    # the branches keep their case: only "Putin", "Zas", "_x" and "9th" are spelt as listed
    assert grouped.findall(text) == ["Putin", "Zas", "_x", "9th"]


def test_old_homes_still_give_the_moved_tools():
    import kzlib.actors
    import kzlib.russian.nlp
    import kzlib.text
    from kzlib.clean import SentenceSplitter as OldSplitter

    assert OldSplitter is SentenceSplitter
    assert kzlib.russian.nlp.sentences is razdel_sentences and kzlib.russian.nlp.tokens is kzlib.text.razdel_tokens
    assert kzlib.russian.nlp.lemmas is kzlib.text.lemmas and kzlib.russian.nlp.Token is kzlib.text.Token


def test_rule_sentence_spans_cut_the_whole_text_at_sentence_breaks_only():
    from kzlib.text import rule_sentence_spans

    text = ("Mr. Price met Dr. A. B. Smith in St. Petersburg. «Нет», сказал он. He left… "
            "Then? (Later) 2022 came.\"Quoted.\" end")
    spans = rule_sentence_spans(text)
    assert "".join(s for _, _, s in spans) == text and all(text[a:b] == s for a, b, s in spans)
    assert [s.strip() for _, _, s in spans] == [
        "Mr. Price met Dr. A. B. Smith in St. Petersburg.", "«Нет», сказал он.", "He left…", "Then?",
        "(Later) 2022 came.\"Quoted.\" end"]
    assert rule_sentence_spans("") == []


def test_pattern_set_finds_in_plain_texts_what_one_finditer_per_phrase_finds():
    # plain texts (ASCII and punctuation such as curly quotes) take the lower-cased scan: phrases of both cases, keys of one or eight characters,
    # a phrase tried everywhere (r"\w+stan"), whitespace runs of tabs and new lines, a text opening or ending
    # with a match and the empty text
    phrases = ["NATO", "US", "U\\.S\\.", "(the )?Kremlin", "colou?r revolution", "interven(e|tion)", r"\w+stan",
               "Organi[sz]ation of (the )?Collective Security Treaty", "a", "Collective"]
    words = ("NATO nato Nato US us U.S. u.s. the The Kremlin KREMLIN colour color revolution intervene intervention "
             "Kazakhstan stan a A Organisation ORGANIZATION of Collective Security Treaty , . ( ) 's - ’s “ ” —").split()
    rng = random.Random(0)
    scan = PatternSet(phrases)
    for _ in range(500):  # words apart by blanks, tabs, new lines, no-break and thin spaces, or nothing
        text = "".join(rng.choice(words) + rng.choice([" ", " ", "  ", "\t", " \n ", "\u00a0", " \u2009", ""])
                       for _ in range(20))
        for t in (text, text.strip(), ""):
            expected = sorted((m.start(), m.end(), i) for i, ph in enumerate(phrases)
                              for m in re.compile(*pattern_regex(ph)).finditer(t))
            assert sorted(scan.finditer(t)) == expected, t
    # what a sentence says: the Kremlin with its article (once: a phrase's matches do not overlap), "NATO"
    # only in capitals, "US" but not "us"
    got = [(s, e) for s, e, _ in scan.finditer("The Kremlin told us NATO and the US met.")]
    assert got == [(0, 11), (20, 24), (33, 35)]
