"""Issue 20 review (s18): a finding needs two stories, generic target words need their topic, capped
stance figures, and the seeds' gold scored on the seeds only. Every text and table here is written
for these tests."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from kzlib import plots
from kzlib.errors import ResourceError
from kzlib.stages import stance_evaluation
from kzlib.stance import Target, detect_stance, load_targets, outlet_stance, summarise_stance

matplotlib.use("Agg")


def _rows(doc_ids, scores, stances=None, speaker="X", target="Ruritania"):
    n = len(doc_ids)
    stances = stances or ["favor" if s > 0 else "against" for s in scores]
    return pd.DataFrame({"doc_id": doc_ids, "quote_id": [f"q{i}" for i in range(n)], "speaker": speaker,
                         "target": target, "stance": stances, "score": scores, "evidence": "e"})


# ---------------------------------------------------------------- 1. a finding rests on two stories
def test_many_quotes_from_one_story_are_one_story_not_a_finding():
    st = _rows(["a", "a", "a"], [0.6, 0.7, 0.5])
    row = summarise_stance(st, n_boot=300).iloc[0]
    assert row["n_quotes"] == 3 and row["n_stories"] == 1
    assert row["basis"] == "one story"


def test_copies_of_one_story_count_as_one_story():
    # documents a and b are copies of story s, two quotes each: still one story
    st = _rows(["a", "a", "b", "b"], [0.6, 0.8, 0.6, 0.8])
    st["quote_id"] = ["q0", "q1", "q0", "q1"]
    docs = pd.DataFrame({"doc_id": ["a", "b"], "story_id": ["s", "s"], "outlet": ["N", "M"]})
    row = summarise_stance(st, documents=docs, n_boot=300).iloc[0]
    assert row["n_quotes"] == 2 and row["n_stories"] == 1 and row["basis"] == "one story"


def test_two_stories_with_spread_on_one_side_are_a_finding():
    st = _rows(["a", "b", "c"], [0.6, 0.8, 0.7])
    row = summarise_stance(st, n_boot=300).iloc[0]
    assert row["n_stories"] == 3 and 0 < row["score_low"] < row["score_high"]
    assert row["basis"] == "finding"


def test_a_zero_width_interval_is_no_finding():
    # two stories, one quote each, the same score: nothing to resample, so nothing measured
    st = _rows(["a", "b"], [0.5, 0.5])
    row = summarise_stance(st, n_boot=300).iloc[0]
    assert row["score_low"] == row["score_high"] == 0.5
    assert row["basis"] == "uncertain"


def test_one_quote_is_still_a_single_quote_and_no_stance_stays():
    st = pd.concat([_rows(["a"], [0.9]), _rows(["a", "b"], [0.1, -0.1], ["none", "none"], speaker="Y")])
    s = summarise_stance(st, n_boot=100).set_index("speaker")["basis"]
    assert s["X"] == "single quote" and s["Y"] == "no stance"


def test_outlet_cells_from_one_story_are_one_story():
    st = pd.concat([_rows(["a", "a"], [-0.6, -0.7]), _rows(["a"], [-0.5], speaker="Y")], ignore_index=True)
    st["quote_id"] = [f"q{i}" for i in range(len(st))]
    docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["N"], "story_id": ["s"]})
    o = outlet_stance(st, documents=docs, n_boot=100).iloc[0]
    assert o["n_stories"] == 1 and o["basis"] == "one story"


# ---------------------------------------------------------------- 2. generic words need their topic
RURITANIA = Target(
    "Ruritanian strikers", aliases=("strikers", "Ruritanian strikers"), against_terms=("saboteurs",),
    context=("Ruritania", "Strelsau"), generic=("strikers", "against_terms"))


def _quotes(*texts, doc="d"):
    return pd.DataFrame({"doc_id": doc, "quote_id": [f"q{i}" for i in range(len(texts))],
                         "quote": list(texts), "speaker": "X"})


def _paras(doc, *texts):
    return pd.DataFrame({"doc_id": doc, "para_id": range(len(texts)), "text": list(texts)})


def test_generic_words_count_in_a_document_that_names_an_anchor():
    q = _quotes("The saboteurs must be stopped.")
    on_topic = _paras("d", "Dockworkers walked out in Strelsau on Monday.", "The saboteurs must be stopped.")
    st = detect_stance(q, targets=[RURITANIA], paragraphs=on_topic)
    assert st[["target", "stance"]].values.tolist() == [["Ruritanian strikers", "against"]]


def test_generic_words_do_not_count_in_a_document_on_another_topic():
    q = _quotes("The saboteurs must be stopped.")
    elsewhere = _paras("d", "The county fair opened on Monday.", "The saboteurs must be stopped.")
    assert detect_stance(q, targets=[RURITANIA], paragraphs=elsewhere).empty
    # counted everywhere on request (a coder's row, whose target is given)
    st = detect_stance(q, targets=[RURITANIA], paragraphs=elsewhere, anchor_generic=False)
    assert st["stance"].tolist() == ["against"]


def test_a_name_that_is_not_generic_anchors_and_counts_anywhere():
    q = _quotes("We support the Ruritanian strikers and their demands.")
    st = detect_stance(q, targets=[RURITANIA], paragraphs=_paras("d", "The county fair opened."))
    assert st["target"].tolist() == ["Ruritanian strikers"] and st["stance"].item() == "favor"


def test_without_paragraphs_the_quotes_of_the_document_are_read_for_anchors():
    q = _quotes("Strelsau is quiet tonight.", "The saboteurs must be stopped.")
    st = detect_stance(q, targets=[RURITANIA])
    assert st.loc[st["quote_id"] == "q1", "stance"].tolist() == ["against"]
    assert detect_stance(_quotes("The saboteurs must be stopped."), targets=[RURITANIA]).empty


def test_a_generic_word_off_topic_keeps_its_cue_from_another_target():
    # "strikers" names some other strikers here: the condemnation is theirs, not Mercia's
    mercia = Target("Mercia", aliases=("Mercia",))
    q = _quotes("We condemn the strikers in Mercia.")
    st = detect_stance(q, targets=[RURITANIA, mercia], paragraphs=_paras("d", "A mill closed in Mercia."))
    assert st["target"].tolist() == ["Mercia"]
    with_target = detect_stance(q, targets=[mercia], paragraphs=_paras("d", "A mill closed in Mercia."))
    # the verb's own object, "the strikers", names no target: it evaluates them, not Mercia (thirty-third session;
    # before it, the cue went to the nearest target)
    assert with_target["stance"].item() == "none"
    assert st["stance"].item() == "none"


def test_bundled_targets_stay_silent_on_other_news_and_speak_on_their_topic():
    text = "The looters are terrorists, and the troops' occupation must end."
    off = detect_stance(_quotes(text), paragraphs=_paras("d", "The mayor of a river town spoke after the flood."))
    assert not {"protesters", "CSTO intervention"} & set(off["target"])
    on = detect_stance(_quotes(text), paragraphs=_paras("d", "Crowds gathered in Almaty after fuel prices rose."))
    got = dict(zip(on["target"], on["stance"]))
    assert got["protesters"] == "against" and got["CSTO intervention"] == "against"


def test_a_targets_file_checks_its_generic_entries(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("targets:\n  - name: T\n    aliases: [strikers]\n    context: [Ruritania]\n"
                 "    generic: [striker]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="striker"):
        load_targets(p)
    p.write_text("targets:\n  - name: T\n    aliases: [strikers]\n    generic: [aliases]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="anchor"):
        load_targets(p)
    p.write_text("targets:\n  - name: T\n    aliases: [strikers, Ruritanian strikers]\n    cues: [walkout]\n"
                 "    generic: [strikers, cues]\n", encoding="utf-8")
    (t,) = load_targets(p)
    assert t.generic_entries() == {"strikers", "walkout"} and t.anchors() == ("Ruritanian strikers",)


# ---------------------------------------------------------------- 3. readable figures
def _summary(n_speakers):
    return pd.DataFrame({"speaker": [f"S{i:02d}" for i in range(n_speakers)], "target": "Ruritania",
                         "stance": "against", "score": -0.5, "n_stories": 1,
                         "n_quotes": list(range(1, n_speakers + 1))})


def test_stance_heatmap_and_network_show_the_most_quoted_speakers_and_say_so():
    s = _summary(40)
    fig = plots.voices.stance_heatmap(s, targets=["Ruritania"], top_n=30)
    ax = fig.axes[0]
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert len(shown) == 30 and "S39" in shown and "S09" not in shown  # S10..S39 have the most quotes
    assert "the 30 most-quoted of 40 speakers" in ax.get_title()
    net = plots.voices.stance_network(s, targets=["Ruritania"], top_n=30).axes[0]
    assert "the 30 most-quoted of 40 speakers" in net.get_title()
    assert len([t for t in net.texts if t.get_text().startswith("S")]) == 30
    assert "all 5 speakers" in plots.voices.stance_heatmap(_summary(5), targets=["Ruritania"]).axes[0].get_title()
    matplotlib.pyplot.close("all")


def test_voices_by_affiliation_gives_every_speaker_its_own_colour():
    v = pd.DataFrame({"speaker": [f"P{i}" for i in range(18)], "affiliation": ["A", "B", "C"] * 6,
                      "n_quotes": list(range(18, 0, -1))})
    ax = plots.voices.voices_by_affiliation(v, top_n=18).axes[0]
    colours = {tuple(h.get_facecolor()) for h in ax.get_legend().legend_handles}
    assert len(colours) == 18
    matplotlib.pyplot.close("all")


# ---------------------------------------------------------------- 4. the seeds' gold on the seeds only
def test_stance_evaluation_skips_the_bundled_gold_on_another_corpus(tmp_path):
    out = stance_evaluation(corpus=str(tmp_path))
    assert out["stance_evaluation"].empty
    assert out["stance_evaluation_summary"]["gold"].tolist() == [""]
    assert "not the seeds" in out["stance_evaluation_summary"]["note"].item()
    # the user's own coded rows are read on their corpus (here too few to cross-validate)
    gold = tmp_path / "codes.csv"
    pd.DataFrame({"doc_id": ["a"], "quote": ["We back the strikers."], "target": ["T"],
                  "stance": ["favor"]}).to_csv(gold, index=False)
    own = stance_evaluation(corpus=str(tmp_path), stance_gold=str(gold))
    assert own["stance_evaluation_summary"]["gold"].tolist() == [str(gold)]
