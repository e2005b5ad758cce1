"""Tests for kzlib.stance. Expected values come from reading the texts (hand-made quotes below,
and tests/data/stance_gold.csv, annotated from the seeds before the system existed)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

from kzlib.errors import AnnotationError, ParameterError, ResourceError, TableError
from kzlib.stance import (
    RuleStanceClassifier,
    StanceClassifier,
    Target,
    agreement,
    detect_stance,
    evaluate,
    export_annotation_sheet,
    import_annotation_sheet,
    load_stance_cues,
    load_targets,
    outlet_stance,
    speaker_profiles,
    summarise_stance,
)

GOLD = Path(__file__).parent / "data" / "stance_gold.csv"


def _q(*texts, speaker="X"):
    return pd.DataFrame({"doc_id": "d", "quote_id": [f"q{i}" for i in range(len(texts))],
                         "quote": list(texts), "speaker": speaker})


def _stance(text, target, **kw):
    st = detect_stance(_q(text), **kw)
    row = st[st["target"] == target]
    return row["stance"].item() if len(row) else "absent"


# ---------------------------------------------------------------- targets
def test_default_targets_are_the_seven_named():
    names = [t.name for t in load_targets()]
    assert names == ["CSTO intervention", "Russia", "United States", "NATO", "China",
                     "Kazakh government", "protesters"]


def test_researcher_can_replace_targets(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("targets:\n  - name: Turkey\n    aliases: [Turkey, Ankara]\n", encoding="utf-8")
    st = detect_stance(_q("We condemn Ankara's interference."), targets=p)
    assert st[["target", "stance"]].values.tolist() == [["Turkey", "against"]]
    st2 = detect_stance(_q("We welcome Turkey's help."), targets={"Turkey": ["Turkey"]})
    assert st2["stance"].tolist() == ["favor"]


def test_abbreviations_match_only_in_capitals():
    # "us" the pronoun is not the United States
    st = detect_stance(_q("Let us support the peace talks."))
    assert "United States" not in set(st["target"])


# ---------------------------------------------------------------- the rule method
def test_stance_is_not_sentiment():
    # negative tone, against Russia
    assert _stance("Russia's aggressive actions are a threat to peace and security in Europe.", "Russia") == "against"


def test_questioning_is_against():
    assert _stance("On the subject of the CSTO, we have questions about the nature of the request.",
                   "CSTO intervention") == "against"


def test_negated_questioning_is_favor():
    assert _stance("We hope that nobody will question the legitimacy of the CSTO operation.",
                   "CSTO intervention") == "favor"


def test_topic_marker_names_the_topic_not_the_object():
    # the negated questioning is about Kazakhstan's right to call in the CSTO, not about Washington
    text = ("As for Washington's position, we hope that nobody will question the right of Kazakhstan "
            "to invoke Article 4 of the CSTO charter.")
    assert _stance(text, "CSTO intervention") == "favor"
    assert _stance(text, "United States") == "none"
    # with no other target in the cue's clause, the topic is what the cue is about, before a name in
    # another clause (here the speaker's, in the attribution)
    text = 'On the subject of the CSTO, we have questions about the nature of the request," Blinken said.'
    assert _stance(text, "CSTO intervention") == "against"
    assert _stance(text, "United States") in ("none", "absent")


def test_cue_goes_to_the_target_of_its_own_clause():
    assert _stance("Tokayev deserves our support, unlike NATO.", "Kazakh government") == "favor"
    assert _stance("Tokayev deserves our support, unlike NATO.", "NATO") in ("none", "absent")
    text = "We condemn NATO, but we support the CSTO mission."
    assert (_stance(text, "NATO"), _stance(text, "CSTO intervention")) == ("against", "favor")


def test_an_earlier_episode_is_a_precedent_not_a_stance():
    # praise of a third party's past conduct, cited as a precedent, is no stance towards it
    assert _stance("Two years ago, the US authorities did not hesitate to restore order. "
                   "Every state has the right to do so.", "United States") == "none"
    # loaded naming still counts, and a recent event ("two days ago") is not an earlier episode
    assert _stance("A year ago, Russia's aggression was condemned by everyone.", "Russia") == "against"
    assert _stance("Two days ago, the US authorities helped restore order.", "United States") == "favor"


def test_loaded_naming_and_scare_quotes():
    # a sentence alone, whose target is given (no document names the topic): generic words count
    assert _stance("Thousands of jihadists and marauders tried to undermine the constitutional order.",
                   "protesters", anchor_generic=False) == "against"
    assert _stance('Kazakhstan had no right to send troops against "peaceful demonstrators".',
                   "protesters") == "against"
    assert _stance("Respect the rights of peaceful protesters.", "protesters", anchor_generic=False) == "favor"


def test_no_clear_stance_is_none():
    st = detect_stance(_q("The CSTO also includes Armenia, Belarus, Kyrgyzstan and Tajikistan."))
    assert st["stance"].tolist() == ["none"]


def test_vader_alone_never_decides():
    # very positive tone, a target, but no stance cue: none
    st = detect_stance(_q("NATO ministers met in a wonderful, lovely, beautiful city."))
    assert st.loc[st.target == "NATO", "stance"].item() == "none"
    assert st.loc[st.target == "NATO", "score"].item() > 0  # VADER did contribute


def test_holder_is_not_the_object():
    text = "China would like to express its firm support for the Kazakh government's efforts."
    gaz = pd.DataFrame({"name": ["Wang"], "type": ["person"], "affiliation": ["China"], "role": ["spokesperson"]})
    st = detect_stance(_q(text, speaker="Wang"), gazetteer=gaz)
    assert st.loc[st.target == "Kazakh government", "stance"].item() == "favor"  # "its": China's, the speaker's side
    assert "China" not in set(st["target"])  # China holds the opinion, it is not its object
    # from a speaker of no known side the support is China's, relayed: no direction of the speaker's own
    other = detect_stance(_q(text, speaker="Z"), gazetteer=gaz)
    assert other.loc[other.target == "Kazakh government", "stance"].item() == "none"


def test_the_agent_of_support_is_not_its_object():
    # a noun-participle compound names the participle's agent: China backs the organisation
    st = detect_stance(_q("Tokayev could have turned to the China-backed Shanghai Cooperation Organization, "
                          "but chose the CSTO."))
    assert "favor" not in set(st.loc[st.target == "China", "stance"])
    # ... and the participle evaluates nothing else in the sentence
    assert "favor" not in set(st.loc[st.target == "CSTO intervention", "stance"])
    # a passive's agent likewise: Russia is the one who backed the mission
    st = detect_stance(_q("The mission was backed by Russia."))
    assert "favor" not in set(st.loc[st.target == "Russia", "stance"])
    # the object of the same verb keeps its stance
    st = detect_stance(_q("We have always backed Russia."))
    assert st.loc[st.target == "Russia", "stance"].item() == "favor"


def test_a_place_named_by_its_owner_is_not_what_a_cue_evaluates():
    st = detect_stance(_q("NATO's expansion would be an unacceptable incursion close to Russia's borders."))
    assert st.loc[st.target == "NATO", "stance"].item() == "against"
    assert st.loc[st.target == "Russia", "stance"].item() == "none"  # named as a place, still listed
    # the same owner as the cue's object keeps the stance
    st = detect_stance(_q("Russia's incursion is unacceptable."))
    assert st.loc[st.target == "Russia", "stance"].item() == "against"


def test_a_third_partys_view_is_relayed_not_held():
    # a verb of thinking with a third-party subject reports that party's view, as a verb of saying does
    relayed = detect_stance(_q("Washington considers Russia's actions illegal.")).set_index("target").loc["Russia"]
    held = detect_stance(_q("We consider Russia's actions illegal.")).set_index("target").loc["Russia"]
    assert "illegal (reported)" in relayed["cues"] and "(reported)" not in held["cues"]
    assert held["stance"] == "against" and abs(relayed["score"]) < abs(held["score"])
    assert relayed["stance"] == "none"  # the tone of the relayed sentence is relayed too


def test_attribution_context_supplies_the_target():
    para = pd.DataFrame({"doc_id": ["d"], "para_id": [0],
                         "text": ['X said the CSTO operation "revealed its effectiveness and success."']})
    q = pd.DataFrame({"doc_id": ["d"], "quote_id": ["q0"], "speaker": ["X"], "speaker_surface": ["X"],
                      "quote": ["revealed its effectiveness and success."], "para_id": [0],
                      "start": [27], "end": [66]})
    assert para.text[0][27:66] == "revealed its effectiveness and success."
    # borrowing the context's targets is off by default (context_weight 0: on PolNeAR such rows were right 4 times in
    # 16, thirty-third session); a cue file that sets a weight turns it on
    cues = {**load_stance_cues(), "context_weight": 0.5}
    st = detect_stance(q, paragraphs=para, cues=cues)
    row = st[st.target == "CSTO intervention"]
    assert row["stance"].item() == "favor" and row["source"].item() == "context"
    assert detect_stance(q, cues=cues)["target"].tolist() == []  # without the context: no target
    assert "favor" not in set(detect_stance(q, paragraphs=para)["stance"])  # the default borrows no cue


def test_own_side_prior_needs_text_evidence():
    gaz = pd.DataFrame({"name": ["Amb"], "type": ["person"], "affiliation": ["Russia"], "role": ["ambassador"]})
    neutral = _q("Russia held talks in Geneva.", speaker="Amb")
    st = detect_stance(neutral, gazetteer=gaz)
    assert st["stance"].tolist() == ["none"]
    assert st["cues"].str.contains("own side").all()


def test_evidence_is_the_deciding_sentence():
    st = detect_stance(_q("The weather was cold. We strongly condemn NATO's expansion."))
    row = st[st.target == "NATO"]
    assert row["stance"].item() == "against"
    assert row["evidence"].item() == "We strongly condemn NATO's expansion."


def test_bad_input_has_clear_errors():
    with pytest.raises(ValueError, match="quote_id"):
        detect_stance(pd.DataFrame({"doc_id": ["d"], "quote": ["x"]}))
    with pytest.raises(TableError):
        detect_stance(["not a frame"])
    with pytest.raises(ParameterError, match="threshold"):
        detect_stance(_q("We condemn NATO."), threshold=1.5)


def test_errors_name_their_kind(tmp_path):
    # a missing or malformed targets / cue file is a resource error naming the file
    with pytest.raises(ResourceError, match="does not exist"):
        load_targets(tmp_path / "no-such.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("targets: [\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="not valid YAML"):
        load_targets(bad)
    with pytest.raises(ResourceError, match="lacks the section"):
        load_stance_cues(_write(tmp_path / "cues.yaml", "favor: []\n"))
    # a stances table without its columns is a table error naming the missing column
    with pytest.raises(TableError, match="'score'"):
        summarise_stance(pd.DataFrame({"doc_id": ["d"], "quote_id": ["1"], "speaker": ["X"], "target": ["T"],
                                       "stance": ["none"]}))
    # an annotation sheet that cannot be read is an annotation error, still a ValueError for old callers
    with pytest.raises(AnnotationError, match="not found"):
        import_annotation_sheet(tmp_path / "missing.csv")
    with pytest.raises(ValueError, match="two coders"):
        agreement(pd.DataFrame({"item_id": ["1"], "coder": ["a"], "stance": ["favor"]}))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_no_quotations_give_empty_tables_with_their_columns(tmp_path):
    empty = _q("x").iloc[:0]
    st = detect_stance(empty)
    assert st.empty and list(st.columns) == ["doc_id", "quote_id", "speaker", "target", "stance", "score",
                                             "evidence", "lexical", "cues", "source", "reading"]
    # quotes that name no target give no rows either
    assert detect_stance(_q("The weather was cold.", "Markets opened on time.")).empty
    docs = pd.DataFrame({"doc_id": ["d"], "outlet": [""], "story_id": ["d"]})
    s = summarise_stance(st, documents=docs)
    assert s.empty and {"speaker", "target", "stance", "n_stories", "evidence"} <= set(s.columns)
    o = outlet_stance(st, documents=docs)
    assert o.empty and {"outlet", "target", "share_favor", "share_against"} <= set(o.columns)
    sheet = export_annotation_sheet(st, tmp_path / "sheet.csv", quotes=empty, n=10)
    assert sheet.empty and list(sheet.columns) == ["item_id", "doc_id", "quote_id", "speaker", "target", "quote",
                                                   "stance", "coder", "comment"]
    assert pd.read_csv(tmp_path / "sheet.csv").columns.tolist() == list(sheet.columns)


def test_output_is_deterministic_and_sorted():
    q = _q("We condemn NATO.", "We support the CSTO and condemn the bandits.")
    a, b = detect_stance(q), detect_stance(q.iloc[::-1])
    pd.testing.assert_frame_equal(a, b)
    assert list(a.columns[:7]) == ["doc_id", "quote_id", "speaker", "target", "stance", "score", "evidence"]


# ---------------------------------------------------------------- gold standard
def _gold():
    g = pd.read_csv(GOLD)
    q = g.drop_duplicates(["doc_id", "quote"]).reset_index(drop=True)
    q["quote_id"] = q.index.astype(str)
    return g.merge(q[["doc_id", "quote", "quote_id"]], on=["doc_id", "quote"]), q


def test_gold_file_is_well_formed():
    g = pd.read_csv(GOLD)
    assert set(g.stance) == {"favor", "against", "none"}
    assert set(g.target) <= {t.name for t in load_targets()}
    assert len(g) >= 100 and g.doc_id.nunique() == 4
    for doc, quote in g[["doc_id", "quote"]].drop_duplicates().values:  # snippets are verbatim
        text = (Path(__file__).parents[1] / "seeds" / f"{doc}.txt").read_text(encoding="utf-8")
        assert quote in text


def test_rules_against_gold():
    from kzlib.actors import default_gazetteer

    g, q = _gold()
    st = detect_stance(q[["doc_id", "quote_id", "quote", "speaker"]], gazetteer=default_gazetteer())
    m = g.merge(st[["quote_id", "target", "stance"]], on=["quote_id", "target"], how="left",
                suffixes=("", "_pred"))
    pred = m["stance_pred"].fillna("none")
    from sklearn.metrics import f1_score

    f = f1_score(m["stance"], pred, labels=["favor", "against"], average=None)
    # measured 0.53 (favor) and 0.73 (against) when written, 0.57 / 0.73 with topic markers, clauses
    # and precedents; floors well below, precision matters more
    assert f.mean() >= 0.5
    against_precision = ((pred == "against") & (m["stance"] == "against")).sum() / max(1, (pred == "against").sum())
    assert against_precision >= 0.85

    # the clear cases of the brief, on the speaker x target summary
    s = summarise_stance(st).set_index(["speaker", "target"])
    assert s.loc[("Anatoly Antonov", "CSTO intervention"), "stance"] == "favor"
    assert s.loc[("Antony Blinken", "CSTO intervention"), "stance"] == "against"
    assert s.loc[("Russian Foreign Ministry", "CSTO intervention"), "stance"] == "favor"
    assert s.loc[("Antony Blinken", "Russia"), "stance"] == "against"
    assert s.loc[("Anatoly Antonov", "protesters"), "stance"] == "against"
    assert s.loc[("Anatoly Antonov", "CSTO intervention"), "evidence"]
    # he blames "Western military interferences", the State Department's "double standards"; the
    # "As for Washington's position" topic and the Capitol precedent are no praise of the US
    assert s.loc[("Anatoly Antonov", "United States"), "stance"] == "against"
    assert s.loc[("Anatoly Antonov", "United States"), "n_favor"] == 0


# ---------------------------------------------------------------- summaries
def _toy_stances():
    return pd.DataFrame({
        "doc_id": ["a", "b", "a", "c"], "quote_id": ["1", "1", "2", "1"],
        "speaker": ["X", "X", "Y", "X"], "target": ["Russia"] * 4,
        "stance": ["against", "against", "favor", "none"], "score": [-0.8, -0.6, 0.5, 0.1],
        "evidence": ["e1", "e2", "e3", "e4"]})


def test_summary_counts_a_story_once():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "story_id": ["s1", "s1", "s2"], "outlet": ["N", "M", "N"]})
    s = summarise_stance(_toy_stances(), documents=docs).set_index("speaker")
    # X: story s1 has copies a and b (one quote each) -> 1 quote; story s2 one 'none' quote
    assert s.loc["X", "n_stories"] == 2 and s.loc["X", "n_quotes"] == 2
    assert s.loc["X", "score"] == pytest.approx(-0.7)  # s1 mean of -0.8, -0.6; s2 takes no stance
    assert s.loc["X", "stance"] == "against" and s.loc["X", "evidence"] == "e1"
    assert s.loc["Y", "stance"] == "favor"


def test_outlet_stance_shares():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "story_id": ["s1", "s1", "s2"], "outlet": ["N", "M", "N"]})
    o = outlet_stance(_toy_stances(), documents=docs).set_index("outlet")
    assert o.loc["N", "n_voices"] == 2
    assert o.loc["N", "share_against"] == 0.5 and o.loc["N", "share_favor"] == 0.5
    assert o.loc["M", "n_voices"] == 1 and o.loc["M", "share_against"] == 1.0
    with pytest.raises(ValueError, match="outlet"):
        outlet_stance(_toy_stances(), documents=docs.drop(columns="outlet"))


def test_speaker_profiles_officials_and_experts():
    gaz = pd.DataFrame({"name": ["A", "B", "C"], "type": ["person", "person", "organisation"],
                        "affiliation": ["Russia", "United States", "Russia"],
                        "role": ["Ambassador to the US", "former US ambassador", "Ministry of Foreign Affairs"]})
    p = speaker_profiles(["A", "B", "C"], gazetteer=gaz).set_index("speaker")
    assert p["group"].tolist() == ["Russia officials", "United States former officials", "Russia officials"]
    assert p.loc["A", "sides"] == "russia" and p.loc["B", "sides"] == ""


# ---------------------------------------------------------------- learning
def test_classifier_sklearn_conventions():
    X = pd.DataFrame({"text": ["We support the CSTO.", "We condemn the CSTO.", "It rained."] * 5,
                      "target": ["CSTO intervention"] * 15})
    y = ["favor", "against", "none"] * 5
    clf = StanceClassifier()
    assert clf.fit(X, y) is clf
    assert list(clf.classes_) == ["against", "favor", "none"]
    proba = clf.predict_proba(X)
    assert proba.shape == (15, 3) and np.allclose(proba.sum(axis=1), 1)
    assert clone(clf).get_params()["C"] == clf.C
    with pytest.raises(ValueError, match="favor / against / none"):
        StanceClassifier().fit(X, ["maybe"] * 15)
    with pytest.raises(ValueError, match="'text' and 'target'"):
        StanceClassifier().fit(X.rename(columns={"text": "quote"}), y)


def test_cross_validated_on_gold():
    g, _ = _gold()
    X = g.rename(columns={"quote": "text"})[["text", "target"]]
    groups = g["doc_id"] + "|" + g["quote_id"]  # the rows of one quote stay in one fold
    ev = evaluate(StanceClassifier(), X, g["stance"], cv=5, groups=groups, n_boot=200)
    t = ev.table()
    assert set(t["class"]) >= {"favor", "against", "none"}
    assert ev.f_avg_ci[0] <= ev.f_avg <= ev.f_avg_ci[1]
    assert (t["f1_low"] <= t["f1"]).all() and (t["f1"] <= t["f1_high"]).all()
    assert ev.f_avg > 0.34  # better than always guessing one class (F_avg of that is at most 0.28)
    # issue 20: measured 0.84 [0.77, 0.89] (n_boot 1000) with the target-aware classifier, 0.74 before;
    # the floor is the old figure: the classifier must not fall back below what it replaced
    assert ev.f_avg >= 0.74
    rules = evaluate(RuleStanceClassifier(), X, g["stance"], cv=5, groups=groups, n_boot=50)
    assert rules.f_avg >= 0.5


# ---------------------------------------------------------------- annotation
def test_annotation_round_trip_and_kappa(tmp_path):
    st = pd.DataFrame({"doc_id": ["d"] * 4, "quote_id": ["1", "2", "3", "4"], "speaker": ["X"] * 4,
                       "target": ["Russia"] * 4, "stance": ["favor", "against", "none", "favor"],
                       "score": [0.5, -0.5, 0.0, 0.4], "quote": ["a", "b", "c", "d"]})
    sheet = export_annotation_sheet(st, tmp_path / "sheet.csv", n=4)
    assert (sheet["stance"] == "").all()  # the machine's stance is hidden from coders
    a = sheet.assign(stance=["favor", "against", "none", "favor"], coder="ana")
    b = sheet.assign(stance=["For", "against", "favour", "F"], coder="ben")  # synonyms normalised
    a.to_csv(tmp_path / "ana.csv", index=False)
    b.to_csv(tmp_path / "ben.csv", index=False)
    coded = import_annotation_sheet([tmp_path / "ana.csv", tmp_path / "ben.csv"])
    assert sorted(coded["stance"].unique()) == ["against", "favor", "none"]
    k = agreement(coded)
    # by hand: observed agreement 3/4; ana (favor 2, against 1, none 1), ben (favor 3, against 1):
    # chance = (2*3 + 1*1 + 1*0) / 16 = 7/16; kappa = (0.75 - 0.4375) / (1 - 0.4375) = 0.5556
    assert k["percent_agreement"].item() == 0.75
    assert k["cohen_kappa"].item() == pytest.approx(0.5556, abs=1e-4)
    with pytest.raises(ValueError, match="not favor/against/none"):
        import_annotation_sheet(sheet.assign(stance="maybe"))


def test_annotation_sheet_is_stratified():
    st = pd.DataFrame({"doc_id": "d", "quote_id": [str(i) for i in range(40)], "speaker": "X",
                       "target": ["Russia"] * 36 + ["NATO"] * 4, "stance": ["none"] * 30 + ["against"] * 10,
                       "score": 0.0, "quote": "q"})
    sheet = export_annotation_sheet(st, n=9)
    assert len(sheet) == 9
    assert (sheet["target"] == "NATO").sum() >= 3  # the rare target is represented


# ---------------------------------------------------------------- the one-pass phrase scan
def test_phrase_scan_finds_what_one_finditer_per_phrase_finds():
    import random
    import re

    from kzlib.text import PatternSet, pattern_regex

    phrases = ["Russia", "Russian", "Russian interference", "(the )?Kremlin", "(military|navy) intervention",
               "intervention", "US", "U\\.S\\.", "colou?r revolution", "illegal(ly)?|illegitimate", r"\w+stan",
               "Kazakh(stan)?", "the", "Organi[sz]ation of (the )?Collective Security Treaty", "ſtate", "ОДКБ",
               "(the|these) peacekeepers", "United States( of America)?", "success(ful)?"]
    words = ("Russia Russian russian interference the Kremlin kremlin military navy intervention US us U.S. "
             "colour color revolution illegally illegitimate Kazakhstan Kazakh Uzbekistan Organisation "
             "Organization of Collective Security Treaty state ſtate , . ( ) - 's ОДКБ одкб these peacekeepers "
             "United States America \u212aremlin SUCCESS successful — é").split()
    rng = random.Random(0)
    scan = PatternSet(phrases)
    for _ in range(1000):  # words apart by a space, a run of whitespace (a no-break space, a new line) or nothing
        text = "".join(rng.choice(words) + rng.choice([" ", " ", " ", "  ", " \n ", "\u00a0", ""]) for _ in range(30))
        expected = sorted((m.start(), m.end(), i) for i, ph in enumerate(phrases)
                          for m in re.compile(*pattern_regex(ph)).finditer(text))
        assert sorted(scan.finditer(text)) == expected, text
    with pytest.raises(ValueError, match="not a valid pattern"):
        PatternSet(["(unclosed"])


# ---------------------------------------------------------------- VADER, read once per sentence
@pytest.mark.parametrize("sentence", [
    "", "The troops arrived on Thursday.", "We strongly support the decision!", "This is NOT good :)",
    "No comment.", "They left -- kind of.", "An emoji \U0001F600 only", "\"Great,\" he said.", "It was bad... but fine",
])
def test_vader_compound_is_vader_own_score(sentence):
    from kzlib.stance.lexicon import _vader, _vader_compound

    assert _vader_compound(sentence) == _vader().polarity_scores(sentence)["compound"]


def test_vader_compound_matches_the_library_on_its_rules():
    """kzlib.stance.vader runs VADER's rules itself: the same compound score on sentences built from the words
    its rules read (negations, boosters, "but", "no", "kind of", "least", idioms, capitals, ! and ?)."""
    import random

    from kzlib.stance.lexicon import _vader, _vader_compound

    vader = _vader()
    rules = ("not never without doubt no nor or but BUT kind of sort just enough least at very so this extremely "
             "barely the shit bomb bad ass kiss death to die for yeah right beating heart bus stop isn't can't "
             "good GOOD great terrible hate love fine ! ? !! ??? :) (good) \"bad\" war peace").split()
    rng = random.Random(0)
    for _ in range(3000):
        sentence = " ".join(rng.choice(rules) for _ in range(rng.randint(1, 12))) + rng.choice(["", ".", "!", "?!"])
        _vader_compound.cache_clear()
        assert _vader_compound(sentence) == vader.polarity_scores(sentence)["compound"], sentence


def test_repeated_quotes_score_like_the_first():
    q = _q("Russia's aggressive actions are a threat to peace.", "Nothing to see here.",
           "Russia's aggressive actions are a threat to peace.")
    out = detect_stance(q)
    assert out["quote_id"].tolist() == ["q0", "q2"]
    assert out.drop(columns="quote_id").iloc[0].equals(out.drop(columns="quote_id").iloc[1])


# ---------------------------------------------------------------- issue 20: agreement measures
def _codes(rows):
    return pd.DataFrame(rows, columns=["item_id", "coder", "stance"])


def test_krippendorff_alpha_and_kappa_by_hand():
    from kzlib.stance import krippendorff_alpha

    # two coders, four items: (f, f), (f, f), (n, n), (f, n).
    # Coincidences: o_ff = 2 + 2 = 4, o_nn = 2, o_fn = o_nf = 1; n_f = 5, n_n = 3, n = 8.
    # alpha = 1 - (n - 1) * (o_fn + o_nf) / (n_f n_n + n_n n_f) = 1 - 7 * 2 / 30 = 0.5333
    # kappa: p_o = 3/4; ana f 3/4, n 1/4; ben f 2/4, n 2/4 -> p_e = 3/8 + 1/8 = 1/2; kappa = 0.5
    c = _codes([("1", "ana", "favor"), ("2", "ana", "favor"), ("3", "ana", "none"), ("4", "ana", "favor"),
                ("1", "ben", "favor"), ("2", "ben", "favor"), ("3", "ben", "none"), ("4", "ben", "none")])
    assert krippendorff_alpha(c) == pytest.approx(1 - 14 / 30)
    a = agreement(c)
    assert a["cohen_kappa"].item() == pytest.approx(0.5)
    assert a["krippendorff_alpha"].item() == pytest.approx(0.5333, abs=1e-4)
    # perfect agreement is 1; an item coded by one coder only carries no information
    same = _codes([("1", "a", "favor"), ("1", "b", "favor"), ("2", "a", "none"), ("2", "b", "none"), ("3", "a", "favor")])
    assert krippendorff_alpha(same) == 1.0


def test_krippendorff_alpha_textbook_example():
    from kzlib.stance import krippendorff_alpha

    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with four
    # observers, twelve units and missing values; nominal alpha = 0.743 there.
    data = ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3", ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 ."]
    rows = [(str(u), f"obs{i}", v) for i, line in enumerate(data) for u, v in enumerate(line.split()) if v != "."]
    assert krippendorff_alpha(_codes(rows)) == pytest.approx(0.743, abs=5e-4)
    a = agreement(_codes(rows))
    assert a.iloc[-1]["coder_a"] == "(all)" and a.iloc[-1]["krippendorff_alpha"] == pytest.approx(0.743, abs=5e-4)


# ---------------------------------------------------------------- issue 20: the researcher's own targets
EXAMPLE_TARGETS = Path(__file__).parents[1] / "docs" / "examples" / "targets_belarus_2020.yaml"


def test_targets_file_has_type_and_description_and_rejects_unknown_fields(tmp_path):
    ts = load_targets(EXAMPLE_TARGETS)
    assert [t.name for t in ts] == ["Lukashenko government", "protesters", "EU sanctions", "Russia"]
    assert ts[2].type == "policy" and ts[2].description.startswith("The European Union's sanctions")
    assert all(t.type and t.description for t in load_targets())  # the bundled file documents its targets
    p = tmp_path / "t.yaml"
    p.write_text("targets:\n  - name: X\n    alias: [X]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="alias"):
        load_targets(p)


def test_rules_work_zero_shot_on_new_targets():
    q = _q("The EU condemned Lukashenko's brutal crackdown on peaceful protesters.",
           "We fully support the EU sanctions.",
           "Lukashenko said the protesters are rioters paid from abroad.",
           speaker="Y")
    st = detect_stance(q, targets=EXAMPLE_TARGETS).set_index(["quote_id", "target"])["stance"]
    assert st[("q0", "Lukashenko government")] == "against"
    assert st[("q0", "protesters")] == "favor"  # "peaceful protesters"
    assert st[("q1", "EU sanctions")] == "favor"
    # reported speech: the loaded naming is Lukashenko's, relayed, not the speaker's own
    assert st[("q2", "protesters")] != "against"


# ---------------------------------------------------------------- issue 20: general rules
def test_rhetorical_question_without_a_target_doubts_the_previous_sentence():
    # the question names no target: it is about what the quote was just speaking of
    text = "The rioters seized the airport. What kind of negotiations can there be with them?"
    st = detect_stance(_q(text), anchor_generic=False)  # the sentences alone: their target is given
    row = st[st["target"] == "protesters"].iloc[0]
    assert row["stance"] == "against" and "rhetorical question (about the preceding sentence)" in row["cues"]
    # a sincere question (no rhetorical opener) adds nothing
    st2 = detect_stance(_q("The demonstrators gathered in the square. When will they meet the mayor?"),
                        anchor_generic=False)
    assert "rhetorical" not in st2["cues"].str.cat()


def test_distancing_verb_reverses_and_reporting_verb_weakens():
    assert _stance("NATO is a threat to peace.", "NATO") == "against"
    # the speaker disputes what others claim
    assert _stance("Some politicians claim that NATO is a threat to peace.", "NATO") != "against"
    st = detect_stance(_q("Some politicians claim that NATO is a threat to peace."))
    assert "(reported, disputed)" in st.loc[st["target"] == "NATO", "cues"].item()
    # "I/we say" is the speaker's own voice
    assert _stance("We said that NATO is a threat to peace.", "NATO") == "against"


def test_negation_phrases_reverse_a_cue():
    kw = {"anchor_generic": False}  # the sentences alone, whose target is given
    assert _stance("We failed to support the protesters.", "protesters", **kw) == "against"
    assert _stance("We supported the protesters.", "protesters", **kw) == "favor"


def test_own_side_named_as_ours_is_evidence():
    gaz = pd.DataFrame({"name": ["R"], "type": ["person"], "affiliation": ["Russia"], "role": ["minister"]})
    q = _q("We sent the peacekeepers to Almaty yesterday.", speaker="R")
    st = detect_stance(q, gazetteer=gaz)
    row = st[st["target"] == "CSTO intervention"].iloc[0]
    assert row["stance"] == "favor" and "own side named" in row["cues"]
    # the same words from a speaker of another side state no stance
    st2 = detect_stance(_q("We sent the peacekeepers to Almaty yesterday.", speaker="Z"), gazetteer=gaz)
    assert st2.loc[st2["target"] == "CSTO intervention", "stance"].item() == "none"


# ---------------------------------------------------------------- issue 20: aggregates with intervals
def test_summary_has_bootstrap_intervals_and_marks_single_quotes():
    st = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "d"], "quote_id": ["1", "2", "1", "1", "1"],
        "speaker": ["X", "X", "X", "Y", "X"], "target": ["Russia", "Russia", "Russia", "Russia", "NATO"],
        "stance": ["against", "against", "against", "favor", "against"],
        "score": [-0.8, -0.6, -0.7, 0.5, -0.9], "evidence": ["e"] * 5})
    s = summarise_stance(st, n_boot=500).set_index(["speaker", "target"])
    x = s.loc[("X", "Russia")]
    # every resample of X's three against-quotes stays within [-0.8, -0.6]
    assert -0.8 <= x["score_low"] <= x["score"] <= x["score_high"] <= -0.6
    assert x["basis"] == "finding"
    assert s.loc[("Y", "Russia"), "basis"] == "single quote"
    assert s.loc[("X", "NATO"), "basis"] == "single quote"
    assert summarise_stance(st, n_boot=500).equals(summarise_stance(st, n_boot=500))  # seeded
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["N", "N", "M", "N"]})
    o = outlet_stance(st, documents=docs, n_boot=200).set_index(["outlet", "target"])
    assert o.loc[("M", "Russia"), "basis"] == "single quote"
    assert o.loc[("N", "Russia"), "quote_score_low"] <= o.loc[("N", "Russia"), "quote_score"] <= o.loc[("N", "Russia"), "quote_score_high"] < 0


def test_mixed_quotes_give_an_uncertain_cell():
    st = pd.DataFrame({"doc_id": list("abcd"), "quote_id": "1", "speaker": "X", "target": "Russia",
                       "stance": ["against", "against", "favor", "against"], "score": [-0.9, -0.8, 0.9, -0.7],
                       "evidence": "e"})
    s = summarise_stance(st, n_boot=500).iloc[0]
    # mean -0.375; a resample with two of the four stories the +0.9 one is above 0 (p = 0.26)
    assert s["stance"] == "against" and s["score_high"] > 0 and s["basis"] == "uncertain"


# ---------------------------------------------------------------- issue 20: the annotation loop
def _toy_corpus(n=30):
    texts = ["We strongly support the CSTO mission.", "We condemn the CSTO occupation.", "The CSTO met on Monday."]
    return pd.DataFrame({"doc_id": "d", "quote_id": [str(i) for i in range(n)], "speaker": "X",
                         "quote": [texts[i % 3] + f" Item {i}." for i in range(n)]})


def test_export_orders_by_uncertainty():
    st = pd.DataFrame({"doc_id": "d", "quote_id": ["1", "2", "3"], "speaker": "X", "target": "Russia",
                       "stance": ["against", "none", "favor"], "score": [-0.9, 0.05, 0.31], "quote": ["a", "b", "c"]})
    sheet = export_annotation_sheet(st, n=2, order="uncertainty")
    # rule scores: |0.31| is 0.01 from the threshold 0.3, |0.05| 0.25, |-0.9| 0.6
    assert sheet["quote_id"].tolist() == ["3", "2"]
    assert sheet["uncertainty"].tolist() == pytest.approx([0.99, 0.75])
    assert (sheet["stance"] == "").all()
    with pytest.raises(ValueError, match="uncertainty"):
        export_annotation_sheet(st, order="random")


def test_annotation_round_retrains_and_reports(tmp_path):
    from kzlib.stance import annotation_round, combine_stance

    q = _toy_corpus()
    truth = ["favor", "against", "none"] * 10
    items = [f"d|{i}|CSTO intervention" for i in range(30)]
    ana = pd.DataFrame({"item_id": items, "coder": "ana", "stance": truth})
    ben_codes = list(truth)
    ben_codes[2] = "favor"  # one disagreement out of thirty
    ben = pd.DataFrame({"item_id": items, "coder": "ben", "stance": ben_codes})
    r = annotation_round(pd.concat([ana, ben]), q, cv=3, n_boot=100)
    assert len(r.training) == 29  # item 2 has no majority (none vs favor) and is left out
    assert r.agreement["percent_agreement"].item() == pytest.approx(29 / 30, abs=1e-4)
    assert r.evaluation.f_avg_ci[0] <= r.evaluation.f_avg <= r.evaluation.f_avg_ci[1]
    assert r.evaluation.f_avg > 0.9  # three clear patterns
    # the trained model orders the next sheet and combines with the rules, evidence kept
    st = detect_stance(q)
    sheet = export_annotation_sheet(st, quotes=q, n=5, order="uncertainty", model=r.model)
    assert len(sheet) == 5 and sheet["uncertainty"].is_monotonic_decreasing
    both = combine_stance(st, r.model, quotes=q, min_proba=0.0)
    assert (both["method"] == "model").all() and both["evidence"].str.len().gt(0).all()
    assert (both["stance"] == both["model_stance"]).all()
    rules_only = combine_stance(st, r.model, quotes=q, min_proba=1.0)
    assert (rules_only["stance"] == st["stance"]).all()



def test_summary_of_combined_rows_reads_the_combined_stances():
    # a study whose coders read every quote of the second kind as favour (not the rules' reading): where the
    # classifier overrules the rules, the speaker x target summary must follow the row's stance, not the rules' score
    from kzlib.stance import combine_stance, summarise_stance

    class Coders:  # a fitted classifier that reads as those coders did: favour at 0.7 for "condemn", else none at 0.5
        classes_ = np.array(["against", "favor", "none"])

        def predict_proba(self, X):
            condemn = X["text"].str.contains("condemn").to_numpy()
            return np.where(condemn[:, None], [[0.1, 0.7, 0.2]], [[0.3, 0.2, 0.5]])

        def predict(self, X):
            return self.classes_[self.predict_proba(X).argmax(axis=1)]

    q = _toy_corpus()
    rows = detect_stance(q)
    condemn = rows["evidence"].str.contains("condemn")
    assert set(rows.loc[condemn, "stance"]) == {"against"} and len(rows) == 30  # the rules: against
    both = combine_stance(rows, Coders(), quotes=q, min_proba=0.6)
    overruled = both[condemn]
    assert set(overruled["method"]) == {"model"} and set(overruled["stance"]) == {"favor"}
    assert (overruled["rule_score"] < 0).all() and (overruled["score"] == 0.7).all()
    kept = both[~condemn]  # the classifier's 0.5 is under min_proba: the rules decide and keep their score
    assert set(kept["method"]) == {"rules"} and (kept["score"] == kept["rule_score"]).all()
    assert (kept["stance"] == rows.loc[~condemn, "stance"]).all()
    cell = summarise_stance(both[condemn]).set_index("target").loc["CSTO intervention"]
    assert cell["stance"] == "favor" and cell["score"] == pytest.approx(0.7)

def test_classifier_masks_the_mention_and_uses_offsets():
    from kzlib.stance.classifier import _views

    X = pd.DataFrame({"text": ["They praised Smith, but not Jones.", "They praised Smith, but not Jones."],
                      "target": ["Smith", "Jones"], "start": [13, 28], "end": [18, 33]})
    v = _views(X, window=2, known=[])
    assert "Smith" not in v.masked[0] and "Jones" in v.masked[0]
    assert v.window[0] == "L_they L_praised R_but R_not"
    assert v.clause[1].strip() == "not xtargetx ."
    # without offsets the target's name is found in the text
    v2 = _views(X[["text", "target"]], window=2, known=[])
    assert v2.masked == v.masked


def test_classifier_reads_hashtags_as_words():
    from kzlib.stance._hashtags import _hashtag_words, _word_counts

    counts = _word_counts(["all lives matter", "pro life", "women have rights"])
    total = sum(counts.values())
    assert _hashtag_words("#alllivesmatter #SemST", counts, total, skip=frozenset({"semst"})).endswith(
        "| all lives matter")
    assert _hashtag_words("#alllivesmatter #SemST", counts, total).endswith("| all lives matter sem st")
    assert _hashtag_words("#WomenRights now", counts, total).endswith("| women rights")
    assert _hashtag_words("no tags here", counts, total) == "no tags here"
    # the words learnt written out carry over to a hashtag never seen in training
    X = pd.DataFrame({"text": ["I am pro life.", "Pro life, always.", "I am pro choice.", "Pro choice, always."] * 3,
                      "target": ["abortion"] * 12})
    y = ["against", "against", "favor", "favor"] * 3
    clf = StanceClassifier(calibrate=False).fit(X, y)
    test = pd.DataFrame({"text": ["#prolife", "#prochoice"], "target": ["abortion"] * 2})
    assert clf.predict(test).tolist() == ["against", "favor"]
    assert clf.predict_proba(test).shape == (2, 2)  # two classes coded: one margin, still two columns
    assert clone(clf).get_params()["hashtag_words"] is True


def test_classifier_learns_the_collections_marker_hashtag():
    from kzlib.stance._hashtags import _marker_tags

    # a tag on every text (a dataset's or campaign's mark) is learned as such; one on a third is not
    texts = [f"Tweet {i} about it #SemST" + (" #ProLife" if i % 3 == 0 else "") for i in range(30)]
    assert _marker_tags(texts) == frozenset({"semst"})
    assert _marker_tags(texts[:10]) == frozenset()  # ten texts are too few to call a tag a mark
    X = pd.DataFrame({"text": texts, "target": ["abortion"] * 30})
    y = ["against", "favor"] * 15
    clf = StanceClassifier(calibrate=False).fit(X, y)
    assert clf.features_.marker_tags_ == frozenset({"semst"})


def test_classifier_scaled_window():
    from kzlib.stance.classifier import _views

    X = pd.DataFrame({"text": ["Officials said that Smith is a disgrace to the office he holds today."],
                      "target": ["Smith"]})
    v = _views(X, window=2, known=[])
    toks = v.scales[0].split()
    assert toks[:4] == ["LN_said", "LN_that", "RN_is", "RN_a"]
    assert "LF_officials" in toks and "RF_disgrace" in toks and "RB_is_a" in toks
    assert _views(X.assign(text="It rained."), window=2, known=[]).scales == [""]
    clf = StanceClassifier(scaled_window=False, calibrate=False)
    assert not hasattr(clf.fit(pd.concat([X] * 2), ["against", "none"]).features_, "scales_")


def test_joint_margins_say_which_target_a_text_is_about():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from kzlib.stance._joint import _JointMargins

    texts = ["I love my cat", "cats are wonderful", "I hate cats", "cats are awful", "rain again today",
             "cloudy weather today", "I love my dog", "dogs are wonderful", "I hate dogs", "dogs are awful",
             "sunny weather today", "rain and wind today"] * 2
    targets = np.array((["cats"] * 6 + ["dogs"] * 6) * 2)
    y = np.array((["favor", "favor", "against", "against", "none", "none"] * 2) * 2)
    vec = TfidfVectorizer().fit(texts)
    jm = _JointMargins(C=1.0, folds=3, random_state=0)
    oof = jm.fit_features(vec.transform(texts), targets, y)
    assert oof.shape == (24, 4)
    new = jm.transform(vec.transform(["what a wonderful cat", "what a wonderful dog"]), np.array(["cats", "cats"]))
    # read as about cats: favor is its best own margin and it is about its own target more than about dogs
    assert new[0][:3].argmax() == 0 and new[0][3] > 0
    # the same praise of a dog, coded for cats: its own target's best pair is below the dogs' best pair
    assert new[1][3] < 0
    assert jm.transform(vec.transform(["cats"]), np.array(["birds"])).tolist() == [[0.0, 0.0, 0.0, 0.0]]


def test_joint_margins_of_training_rows_are_out_of_fold():
    from scipy import sparse

    from kzlib.stance._joint import _JointMargins

    # every row has a feature of its own: a model that saw a row knows its label, one that did not
    # sees only its intercepts, the same for all rows of one target in one held-out fold
    A = sparse.identity(12, format="csr")
    targets = np.array(["a"] * 6 + ["b"] * 6)
    y = np.array(["favor", "against", "none"] * 4)
    jm = _JointMargins(C=1.0, folds=3, random_state=0)
    oof = jm.fit_features(A, targets, y)
    assert len({tuple(r) for r in oof.round(6).tolist()}) <= 3 * 2  # folds × targets
    stance_col = np.array([{"favor": 0, "against": 1, "none": 2}[s] for s in y])
    # the model fitted on all rows (for new texts) has seen them: each row's own stance margin is its best
    assert (jm.transform(A, targets)[:, :3].argmax(axis=1) == stance_col).all()
    assert not (oof[:, :3].argmax(axis=1) == stance_col).all()


def test_classifier_joint_block_needs_two_targets():
    X = pd.DataFrame({"text": ["We support the CSTO.", "We condemn the CSTO.", "It rained.",
                               "We back Russia.", "We denounce Russia.", "It snowed."] * 4,
                      "target": (["CSTO intervention"] * 3 + ["Russia"] * 3) * 4})
    y = ["favor", "against", "none"] * 8
    both = StanceClassifier(calibrate=False, joint_min_rows=12).fit(X, y)
    off = StanceClassifier(calibrate=False, joint_features=False, joint_min_rows=12).fit(X, y)
    assert StanceClassifier(calibrate=False, joint_min_rows=13).fit(X, y).joint_ is None  # too few rows each
    assert both.joint_ is not None and off.joint_ is None
    # four margins, shared and one copy per target (two targets), after the same features
    assert both.model_.coef_.shape[1] == off.model_.coef_.shape[1] + 4 * 3
    assert both.predict(X[:3]).tolist() == ["favor", "against", "none"]
    # a target never seen in training gets no joint margins, and still a prediction
    assert len(both.predict(X[:2].assign(target="Kazakhstan"))) == 2
    one = StanceClassifier(calibrate=False, joint_min_rows=12).fit(X[X["target"] == "Russia"], y[:12])
    assert one.joint_ is None  # one target: nothing to tell apart


def test_classifier_decision_does_not_depend_on_calibration():
    X = pd.DataFrame({"text": ["We support the CSTO.", "We condemn the CSTO.", "It rained on the CSTO.",
                               "Support for the CSTO grows.", "They condemn the CSTO loudly.", "The CSTO met."] * 3,
                      "target": ["CSTO intervention"] * 18})
    y = ["favor", "against", "none"] * 6
    a = StanceClassifier(calibrate=True).fit(X, y)
    b = StanceClassifier(calibrate=False).fit(X, y)
    assert a.predict(X).tolist() == b.predict(X).tolist()
    p = a.predict_proba(X)
    assert p.shape == (18, 3) and np.allclose(p.sum(axis=1), 1) and (p >= 0).all()


def test_stance_benchmark_skips_without_the_kit(tmp_path, monkeypatch, capsys):
    from benchmarks.stance import kit_dir, main

    monkeypatch.setenv("KZLIB_DEVKITS", str(tmp_path))
    assert kit_dir() is None
    assert main(["--sets", "semeval"]) == 0
    assert "skipped" in capsys.readouterr().out


def test_stance_rules_benchmark_skips_without_the_kit(tmp_path, monkeypatch, capsys):
    from benchmarks.stance_rules import main

    monkeypatch.setenv("KZLIB_DEVKITS", str(tmp_path))
    assert main([]) == 0
    assert "skipped" in capsys.readouterr().out


def test_newsmtsc_sentences_are_grouped_by_their_source_article():
    from benchmarks.stance import _article

    # invented ids in the kit's format: two sentences of one article, one of another, one of the second source
    ids = ["srcA_12_34_5_Elbonia_0_7", "srcA_12_34_9_Ruritania Party_3_12", "srcA_12_35_1_Elbonia_0_7",
           "srcB_v1_777_-1_4_Elbonia_2_9"]
    assert [_article(i) for i in ids] == ["srcA_12_34", "srcA_12_34", "srcA_12_35", "srcB_v1_777"]


# ---------------------------------------------------------------- issue 18: Russian quotes (lemmas, Russian cues)
# Sentences written for these tests; the expected stance is what the sentence says about the target.
RU_CASES = [
    ("Мы поддерживаем решение ОДКБ направить миротворцев в Казахстан.", "CSTO intervention", "favor"),
    ("Ввод войск ОДКБ — это оккупация, и мы его осуждаем.", "CSTO intervention", "against"),
    ("Токаев действовал правильно и своевременно.", "Kazakh government", "favor"),
    ("Мы не поддерживаем действия Токаева.", "Kazakh government", "against"),  # negation reverses the cue
    ("На улицы вышли мирные протестующие.", "protesters", "favor"),  # loaded naming, any case
    ("Это были не протестующие, а бандиты и мародёры.", "protesters", "against"),
    ("Так называемые мирные протестующие жгли машины.", "protesters", "against"),  # distancing
    ("Разве можно доверять Вашингтону?", "United States", "against"),  # rhetorical question
    ("Мы благодарны России за помощь.", "Russia", "favor"),
    ("Лавров встретился с Блинкеном в Женеве.", "Russia", "none"),  # named, no evaluation
]


@pytest.mark.parametrize("quote, target, expected", RU_CASES)
def test_russian_quotes_get_russian_cues_on_lemmas(quote, target, expected):
    st = detect_stance(_q(quote))
    row = st[st.target == target]
    assert len(row) == 1, st[["target", "stance", "cues"]]
    assert row["stance"].item() == expected, row["cues"].item()


def test_russian_holder_is_not_the_object_and_opposed_words_are_not_the_targets():
    # "Москва считает …": Moscow holds the opinion; the condemnation is of the West, Moscow's view: relayed (no
    # direction alone) for a speaker of no side, the speaker's own for one of Russia's (thirty-sixth session)
    st = detect_stance(_q("Москва считает, что вмешательство Запада недопустимо."))
    assert set(st["target"]) == {"United States"}
    assert st["stance"].item() == "none" and "(reported)" in st["cues"].item()
    from kzlib.actors import default_gazetteer

    st = detect_stance(_q("Москва считает, что вмешательство Запада недопустимо.", speaker="Sergey Lavrov"),
                       gazetteer=default_gazetteer())
    assert st.loc[st.target == "United States", "stance"].item() == "against"
    # "защитят … от вмешательства": the interference is what the forces protect from, not the forces
    st = detect_stance(_q("Миротворческие силы ОДКБ защитят страну от вмешательства внешних сил."))
    assert st.loc[st.target == "CSTO intervention", "stance"].item() == "favor"


def test_language_column_decides_which_cues_are_read():
    q = _q("Мы поддерживаем ОДКБ.")
    # a quote marked English is not read with the Russian cues ("ОДКБ" is an alias, no English cue scores)
    en = detect_stance(q.assign(language="en"))
    assert en["stance"].tolist() == ["none"]
    ru = detect_stance(q.assign(language="ru"))
    assert ru["stance"].tolist() == ["favor"]
    docs = pd.DataFrame({"doc_id": ["d"], "language": ["ru"]})
    assert detect_stance(q, documents=docs)["stance"].tolist() == ["favor"]
    # an English quote is read as before, whatever the Russian path does
    assert detect_stance(_q("We condemn NATO's expansion."))["stance"].tolist() == ["against"]


def test_russian_cue_file_errors_name_the_file(tmp_path):
    with pytest.raises(ResourceError, match="does not exist"):
        detect_stance(_q("Мы поддерживаем ОДКБ."), ru_cues=tmp_path / "none.yaml")
    bad = _write(tmp_path / "ru.yaml", "favor: [[поддержать, 1.0]]\n")
    with pytest.raises(ResourceError, match="negators"):
        detect_stance(_q("Мы поддерживаем ОДКБ."), ru_cues=bad)


def test_english_quotes_load_no_russian_model():
    import subprocess
    import sys

    code = ("import sys, pandas as pd, kzlib.stance as s;"
            "q = pd.DataFrame({'doc_id': ['d'], 'quote_id': ['1'], 'quote': ['We condemn NATO.']});"
            "s.detect_stance(q); print('pymorphy3' not in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


# ---------------------------------------------------------------- words about another object than the target
MISSION = [Target("Peace mission", aliases=("the mission",), cues=("outside forces",))]


@pytest.mark.parametrize("quote, expected", [
    # "outside forces" is only a topical phrase of the mission: the aggression is theirs, not the mission's
    ("The mission will protect the country from the aggression of outside forces.", "none"),
    ("The mission has done excellent work against the aggression of outside forces.", "none"),
    # named by its alias, the mission itself is what the words condemn
    ("We condemn the aggression of the mission.", "against"),
    ("We condemn the mission's aggression.", "against"),
])
def test_a_cue_about_a_topical_phrase_is_not_about_the_target(quote, expected):
    st = detect_stance(_q(quote), targets=MISSION)
    assert st["stance"].tolist() == [expected], st["cues"].tolist()


def test_a_topical_phrase_near_a_cue_still_concerns_the_target():
    # no cue takes "outside forces" as its object here: the condemnation is read as about it
    st = detect_stance(_q("We condemn outside forces."), targets=MISSION)
    assert st["stance"].tolist() == ["against"]


def test_joint_margins_keep_one_texts_rows_in_one_fold():
    # 40 texts, each read for two targets (two rows): cross-fitting by text never puts one text's rows on both
    # sides of a fold, so no row's margins come from a model that saw its text under the other target; a split
    # by rows does (the check can tell the two apart)
    from kzlib.stance._joint import _JointMargins

    n = 40
    texts = np.repeat(np.arange(n), 2)
    labels = np.array([f"{t}|{s}" for _ in range(n // 4) for s in ("favor", "against", "none", "favor")
                       for t in ("a", "b")])
    jm = _JointMargins(C=1.0, folds=5, random_state=0)
    by_text = jm._splits(np.eye(2 * n), labels, texts)
    assert len(by_text) == 5
    assert all(set(texts[tr].tolist()).isdisjoint(texts[te].tolist()) for tr, te in by_text)
    by_row = jm._splits(np.eye(2 * n), labels, None)
    assert not all(set(texts[tr].tolist()).isdisjoint(texts[te].tolist()) for tr, te in by_row)
