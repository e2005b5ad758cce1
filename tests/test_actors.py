"""Gazetteer and mention tests; expected values come from reading the seed texts and the YAML."""

import pandas as pd
import pytest

from kzlib.actors import Actor, Gazetteer, find_mentions


@pytest.fixture(scope="module")
def g():
    return Gazetteer.from_yaml()


@pytest.mark.parametrize("surface,expected", [
    ("Tokayev", "Kassym-Jomart Tokayev"), ("Toqaev", "Kassym-Jomart Tokayev"), ("Токаев", "Kassym-Jomart Tokayev"),
    ("Kasim-Jomart Tokayev", "Kassym-Jomart Tokayev"),  # machine-translated copy
    ("Tlebardi", "Mukhtar Tileuberdi"), ("Tiluberdi", "Mukhtar Tileuberdi"),
    ("Asatrian", "Georgi Asatryan"), ("Georgy Asatrian", "Georgi Asatryan"),
    ("Ned Worth", "Ned Price"),  # the spinner's rendering of Ned Price
    ("Collective Safety Treaty Group", "CSTO"), ("Moscow", "Russia"), ("Washington", "United States"),
    ("the Kremlin", "Kremlin"), ("U.S.", "United States"), ("Nobody Atall", ""),
])
def test_resolve_variants(g, surface, expected):
    assert g.resolve(surface) == expected


def test_fuzzy_unlisted_variant(g):
    # "Tileuberdy"-like spellings not in the YAML are matched against known surnames
    assert g.resolve("Tileuberdii") == "Mukhtar Tileuberdi"
    assert g.resolve("Mirzayann") == "Gevorg Mirzayan"


def test_titles_and_shared_surnames_resolve_in_context(g):
    assert g.resolve("the Secretary", context=["Ned Price", "Antony Blinken"]) == "Antony Blinken"
    assert g.resolve("the ministry") == ""  # several ministries, no context
    assert g.resolve("the ministry", context="the Chinese Foreign Ministry said") == "Chinese Foreign Ministry"
    assert g.resolve("Wang") == ""  # Wang Yi or Wang Wenbin
    assert g.resolve("Wang", context=["Wang Yi", "Wang Wenbin"]) == "Wang Wenbin"


def test_affiliation_and_type(g):
    assert g.affiliation("Anatoly Antonov") == "Russia"
    assert g.affiliation("Jens Stoltenberg") == "NATO"
    assert g.type_of("CSTO") == "bloc"
    assert g.affiliation("Someone Unknown") == ""


def test_every_entry_says_where_it_came_from(g):
    frame = g.to_frame()
    assert (frame["source"].str.len() > 0).all()
    assert {"name", "type", "affiliation", "role", "aliases", "source"} <= set(frame.columns)


def test_scan_role_phrases_and_unknown_people(g):
    text = "Russia's prime envoy in america has solid blame on Washington"
    found = [(m.surface, m.actor) for m in g.scan(text, context=["Anatoly Antonov"])]
    assert found[0] == ("Russia's prime envoy", "Anatoly Antonov")
    # a title alone names no one the document has not named (tests/test_gazetteer_context_s18.py)
    assert [(m.surface, m.actor) for m in g.scan(text)][0] == ("Russia's prime envoy", "")
    unknown = [m.actor for m in g.scan("Jane Doe, a professor at Oxford, disagreed. Spokesman John Smith said.")]
    assert "Jane Doe" in unknown and "John Smith" in unknown
    # "us" the pronoun is not the United States; "US" is
    assert [m.actor for m in g.scan("they told us that the US")] == ["United States"]


def test_find_mentions_table():
    s = pd.DataFrame({"doc_id": ["d", "d"], "sentence_id": [0, 1],
                      "text": ["Secretary of State Antony Blinken called Mukhtar Tlebardi.", "The Secretary then left."]})
    m = find_mentions(s)
    assert list(m.columns[:4]) == ["doc_id", "sentence_id", "actor", "surface"]
    assert m["actor"].tolist() == ["Antony Blinken", "Mukhtar Tileuberdi", "Antony Blinken"]
    assert m.loc[2, "method"] == "title"
    with pytest.raises(ValueError, match="sentence_id"):
        find_mentions(pd.DataFrame({"doc_id": ["d"], "text": ["x"]}))


def test_bad_gazetteer_input(tmp_path):
    with pytest.raises(ValueError, match="type"):
        Gazetteer([Actor("X", "alien", "Nowhere")])
    with pytest.raises(FileNotFoundError):
        Gazetteer.from_yaml(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: X\n")
    with pytest.raises(ValueError, match="lacks"):
        Gazetteer.from_yaml(bad)


# ------------------------------------------------------------------------------ word-index prefilters
_TRICKY = [
    "Tokayev met putin; TOKAYEV\tmet Putin's envoy, the U.S. and the US, us and u.s. officials.",
    "Kassym-Jomart Tokayev, Kassym–Jomart\tTokayev and kassym-jomart tokayev (NATO, nato, Nato).",
    "Blinken's aide, ex-president Nazarbayev, the Russian Foreign Ministry's spokeswoman Maria Zakharova.",
    "“Antonov,” said the ambassador — the Kazakh President’s adviser … ministers and presidents.",
    "Sergei  Lavrov\tand\tSergei\t\tLavrov; Ned Price, a spokesperson of the State Department.",
    "Tokayevs Tokayev_ _Tokayev 3Tokayev Tokayev3 x.Tokayev 'Tokayev -Tokayev Tokayev.",
    "Токаев и Путин; Tokaév met Putin; Kazakhstan spelt with a Kelvin sign: \u212aazakhstan.",
    "",
    "Putin",
]


@pytest.mark.parametrize("text", _TRICKY)
def test_prefiltered_matcher_equals_plain_finditer(g, text):
    # the gazetteer's PhraseMatcher, tried only where a surface form's first word stands, finds what its regex finds
    got = [(m.start(), m.end()) for m in g._matcher.finditer(text)]
    assert got == [(m.start(), m.end()) for m in g._matcher.pattern.finditer(text)]


@pytest.mark.parametrize("text", _TRICKY)
def test_prefilters_never_skip_a_match(g, text):
    from kzlib.actors.gazetteer import _NAME_OF_ORG, _OF_THE, _ROLE_KEYS, _ROLE_THEN_NAME
    from kzlib.text import matches_at_words, may_match, word_index
    index = word_index(text)
    if g._title_re.search(text):
        assert may_match(index, g._title_keys[0]) and may_match(index, g._title_keys[1])
    got = [m.span() for m in matches_at_words(_ROLE_THEN_NAME, text, index, _ROLE_KEYS)]
    assert got == [m.span() for m in _ROLE_THEN_NAME.finditer(text)]
    if _NAME_OF_ORG.search(text):
        assert _OF_THE.search(text)


def test_plain_punctuation_is_neither_word_nor_case_folded():
    # word_index relies on these characters matching only themselves, even under IGNORECASE
    import re

    from kzlib.text import PLAIN_PUNCTUATION as _PLAIN_PUNCTUATION
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    found = re.findall("(?i:[" + re.escape(_PLAIN_PUNCTUATION) + "])", every)
    assert sorted(found) == sorted(_PLAIN_PUNCTUATION)
    assert not re.search(r"\w", _PLAIN_PUNCTUATION) and _PLAIN_PUNCTUATION.lower() == _PLAIN_PUNCTUATION


def test_word_keys():
    from kzlib.text import word_key as _word_key
    from kzlib.text import word_keys as _word_keys
    assert _word_key("Kassym-Jomart Tokayev", ignore_case=True) == "kassym"
    assert _word_key("U.S.", ignore_case=False) == "u"
    assert _word_key("Токаев", ignore_case=True) == ""  # cannot match a text of ASCII words
    assert _word_key("'t Hooft", ignore_case=True) is None  # opens with punctuation: no key
    assert _word_key("head of the expert council", ignore_case=True, last=True) == "council"
    assert _word_keys(["minister", "political scientist"], ignore_case=True, plural=True) == {
        b"minister", b"ministers", b"political"}


def test_possessive_rewrites_match_like_the_backtracking_patterns(g):
    # _NAME_TOKEN_WHOLE and the title pattern's possessive runs give the matches of the plain forms
    import re

    from kzlib.actors.gazetteer import (
        _CAP_SEQ,
        _NAME_OF_ORG,
        _NAME_THEN_ROLE,
        _NAME_TOKEN,
        _NAME_TOKEN_WHOLE,
        _ROLE_THEN_NAME,
    )
    title_plain = re.compile(g._title_re.pattern.replace("++", "+").replace("*+", "*"))
    texts = _TRICKY + ["Jr. Smith Jr. Lee., a lawyer. Dr.", "A B, Ab Cd, x-Ab Cd, 'Ab Cd, ’Ab Cd, _Ab Cd, Ab  Cd\tEf Gh Ij Kl", "Tokayev met Vladimir Putin. Kazakh President Kassym-Jomart",
                       "Jr. Smith Jr., a lawyer; John O'Neil-Smith., an expert; Ann Lee , the head of the Fund",
                       "U.S. Ambassador John Doe, an adviser to the Secretary; Ivan Ivanov of the Kremlin",
                       "the Kremlin's press secretary; Russia's foreign ministry; its top diplomat; Moscow.'s envoy",
                       "Mary-Ann Smith- Jones, a professor; Mr. A. B., chief of staff; Dr Jane Roe, head",
                       ("spokesperson Ned Price. Minister of Foreign Affairs Mukhtar Tileuberdi said; adviser to the "
                        "President Jane O'Doe-Smith. Expert at the Center Ivan Ivanov Jr. and analyst John Smith")]
    for text in texts:
        cap_plain = re.compile(rf"(?<![\w'’-])({_NAME_TOKEN}(?:[ \t]+(?:(?:van|von|de|al|bin|el|da)[ \t]+)?{_NAME_TOKEN}){{1,3}})")
        assert [m.span(1) for m in _CAP_SEQ.finditer(text)] == [m.span(1) for m in cap_plain.finditer(text)]
        for rx in (_NAME_THEN_ROLE, _NAME_OF_ORG, _ROLE_THEN_NAME):
            plain = re.compile(rx.pattern.replace(_NAME_TOKEN_WHOLE, _NAME_TOKEN).replace("*+", "*"))
            assert [m.span() for m in rx.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        assert [m.span(2) for m in g._title_re.finditer(text)] == [m.span(2) for m in title_plain.finditer(text)]


def test_no_titles_no_prefilter():
    # a gazetteer without titles keeps its (empty) title pattern's behaviour: no word prefilter
    g0 = Gazetteer([Actor("Jane Roe", "person", "X")])
    assert g0._title_keys == (None, None)
    from kzlib.text import word_keys as _word_keys
    assert _word_keys([], ignore_case=True) is None and _word_keys(["", "a"], ignore_case=True) is None


# ---------------------------------------------------------------------------------- open-world names (issue 16)
def test_find_names_splits_titles_and_types_names():
    from kzlib.actors import find_names

    got = [(n.surface, n.name, n.title, n.type, n.gender) for n in find_names(
        "Sen. Ted Cruz told The New York Times that Mrs. Clinton and Russian President Vladimir Putin had met.")]
    assert got == [("Sen. Ted Cruz", "Ted Cruz", "Sen.", "person", "m"),
                   ("New York Times", "New York Times", "", "media", ""),
                   ("Mrs. Clinton", "Clinton", "Mrs.", "person", "f"),
                   ("Russian President Vladimir Putin", "Vladimir Putin", "Russian President", "person", "m")]


def test_find_names_possessives_organisations_and_affiliations():
    from kzlib.actors import find_names

    got = [(n.name, n.type, n.possessive) for n in find_names(
        "But Hillary Clinton’s aide said the State Department and John Herbst of the Atlantic Council disagreed.")]
    assert got == [("Hillary Clinton", "person", True), ("State Department", "organisation", False),
                   ("John Herbst", "person", False), ("Atlantic Council", "organisation", False)]


@pytest.mark.parametrize("cls_name", ["Mention", "NameSpan"])
def test_hand_written_init_lists_the_fields(cls_name):
    # Mention and NameSpan write their fields in a hand-written __init__ (faster than a frozen
    # dataclass's own): its parameters must be the fields, in order, with the same defaults
    import dataclasses
    import inspect

    import kzlib.actors as actors

    cls = getattr(actors, cls_name)
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields):
        assert p.default == (inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
    one = cls(*range(len(fields)))
    assert dataclasses.astuple(one) == tuple(range(len(fields)))
    assert dataclasses.replace(one, start=7).start == 7 and one == cls(*range(len(fields)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.start = 3


def test_find_names_keeps_a_capitalised_particle_at_a_names_start():
    from kzlib.actors import find_names

    assert [n.name for n in find_names("Al Gore and Van Jones met De Blasio.")] == ["Al Gore", "Van Jones", "De Blasio"]
    # a lower-case connector still opens no name
    assert [n.name for n in find_names("He spoke of the Kremlin.")] == ["Kremlin"]


def test_scan_skip_leaves_mentions_out_but_keeps_their_context():
    g = Gazetteer.from_yaml()
    text = "Blinken spoke to Tlebardi."
    assert [m.actor for m in g.scan(text, skip=bytearray(len(text)))] == ["Antony Blinken", "Mukhtar Tileuberdi"]
    skip = bytearray(len(text))
    skip[0:7] = b"\x01" * 7
    assert [m.actor for m in g.scan(text, skip=skip)] == ["Mukhtar Tileuberdi"]


def test_scan_skip_must_cover_the_text():
    import pytest

    from kzlib.errors import ParameterError

    g = Gazetteer.from_yaml()
    with pytest.raises(ParameterError, match="one byte per character"):
        g.scan("Blinken spoke to Tlebardi.", skip=bytearray(3))
