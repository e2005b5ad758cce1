"""Topic terms: clock words of live-blog timestamps are not terms (twenty-first session)."""

from kzlib.topics import tokenize


def test_live_blog_clock_words_are_not_terms():
    # an AP live blog starts each post with its time: "p.m." must not become a topic's top term
    assert tokenize("6:01 p.m. Police briefed reporters at noon.") == ["police", "briefed", "reporters"]


def test_prime_minister_abbreviation_stays_a_term():
    # "PM" in capitals is an acronym (the prime minister), not the clock's "p.m."
    assert tokenize("The PM spoke at 9 a.m. tonight.") == ["pm", "spoke"]
