"""Figures on a mixed corpus (review of session 21, defects 12 and 14): every colour encoding has a legend or a
colour bar, a document without an outlet is drawn apart as "outlet not given" (never "not in gazetteer"),
undated documents left out are counted in the title, marks at the ends of an axis stay whole, document ids
stay told apart, and a share of one voice is not drawn as a full bar. The tables are written for the tests."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from kzlib.framing import OUTLET_NOT_GIVEN, description_speakers  # noqa: E402
from kzlib.plots import corpus, timeline  # noqa: E402
from kzlib.plots import voices as pv  # noqa: E402
from kzlib.plots._axes import short_labels  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _ticks(labels) -> list[str]:
    return [t.get_text() for t in labels]


def test_documents_per_outlet_has_a_colour_bar_for_many_dates_and_sets_the_missing_outlet_apart():
    months = [f"20{y:02d}-{m:02d}" for y in (15, 16) for m in range(1, 13)]          # 24 dates: no legend fits
    by = pd.DataFrame({"outlet": ["nyt", "unknown", "kloop.kg"]})
    for i, month in enumerate(months):
        by[month] = [i % 3, 1 if i < 5 else 0, 0]
    by["unknown"] = [0, 2, 1]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)], "n_words": range(40)})
    fig = corpus.documents_per_outlet(by, docs)
    ax = fig.axes[0]
    labels = _ticks(ax.get_yticklabels())
    assert labels[0] == OUTLET_NOT_GIVEN and "unknown" not in labels              # the bottom row, apart
    bars = [a for a in fig.axes if a.get_label() == "<colorbar>"]
    assert bars, "the colours of the dates need a colour bar"
    assert "publication date" in bars[0].get_ylabel()
    assert "not given" in bars[0].get_ylabel()                                    # the grey of undated ones
    texts = [t.get_text().strip() for t in ax.texts]
    assert texts == ["7", "1", "24"]          # documents per bar, bottom up: no outlet, then the fewest first


def test_documents_per_outlet_legend_for_few_dates():
    by = pd.DataFrame({"outlet": ["A", "B"], "2022-01-05": [2, 0], "2022-01-06": [0, 1], "unknown": [1, 0]})
    docs = pd.DataFrame({"doc_id": ["a", "b"], "n_words": [10, 20]})
    legend = corpus.documents_per_outlet(by, docs).axes[0].get_legend()
    assert _ticks(legend.get_texts()) == ["2022-01-05", "2022-01-06", "date not given"]


def test_coverage_counts_undated_documents_and_keeps_marks_whole():
    cov = pd.DataFrame({"published": ["1989-10-30", "2016-03-15", "2022-01-05", "", "", "2022-01-06"],
                        "outlet": ["(unknown outlet)", "breitbart", "kloop.kg", "kloop.kg", "zakon.kz", "kloop.kg"],
                        "date_certainty": ["exact", "exact", "exact", "unknown", "unknown", "on-or-after"],
                        "n_documents": [34, 2, 1, 1, 2, 1]})
    fig = timeline.coverage(cov, gap_days=20_000)  # one axis over the eras (panels by period: test_plots_s22)
    ax = fig.axes[0]
    assert "3 documents without a publication date not drawn" in ax.get_title()
    assert "1 outlet with none dated" in ax.get_title()                            # zakon.kz: no row
    assert _ticks(ax.get_yticklabels()) == [OUTLET_NOT_GIVEN, "kloop.kg", "breitbart"]
    lo, hi = ax.get_xlim()
    xs = [p[0] for coll in ax.collections for p in coll.get_offsets()]
    assert lo < min(xs) - 0.02 * (max(xs) - min(xs)) and hi > max(xs) + 0.02 * (max(xs) - min(xs))
    legend = ax.get_legend()
    assert _ticks(legend.get_texts()) == ["exact", "on-or-after"]
    fig.canvas.draw()
    assert legend.get_window_extent().x0 >= ax.get_window_extent().x1 - 1          # outside the axes
    assert {h.get_markersize() for h in legend.legend_handles} == {7}              # not a 34-document mark


def test_similarity_labels_keep_each_id_s_distinctive_end():
    ids = [f"polnear/breitbart_2016-02-0{i}_the-latest-story-number-{i}" for i in range(1, 10)]
    ids += [f"en/en_0{i:02d}" for i in range(10, 16)]
    m = pd.DataFrame({"doc_id": ids, **{d: [1.0 if d == e else 0.0 for e in ids] for d in ids}})
    ax = corpus.similarity_heatmaps(m, m).axes[0]
    labels = _ticks(ax.get_yticklabels())
    assert len(set(labels)) == len(ids)
    assert labels[0].endswith("story-number-1") and labels[-1] == "en/en_015"


def test_short_labels_number_ids_whose_ends_are_alike():
    assert short_labels(["a/very/long/path/item", "b/very/long/path/item"], max_chars=10) == [
        "1 …path/item", "2 …path/item"]


def test_outlet_stance_fades_single_voices_and_sets_the_missing_outlet_apart():
    t = pd.DataFrame({"outlet": ["big", "big", "tiny", "(unknown outlet)"],
                      "target": ["Russia", "NATO", "Russia", "Russia"],
                      "share_favor": [0.5, 0.0, 0.0, 0.2], "share_against": [0.25, 0.5, 1.0, 0.0],
                      "n_voices": [8, 4, 1, 50]})
    fig = pv.outlet_stance(t, targets=["Russia", "NATO"], top_n=1)
    titles = [a.get_title() for a in fig.axes if a.get_visible()]
    assert titles[0] == "big" and titles[-1].startswith(OUTLET_NOT_GIVEN)        # 50 voices rank no outlet
    assert "1 not drawn" in fig._suptitle.get_text()                             # "tiny"
    fig = pv.outlet_stance(t, targets=["Russia", "NATO"], top_n=None)
    tiny = next(a for a in fig.axes if a.get_title() == "tiny")
    drawn = [p for p in tiny.patches if p.get_width() != 0]
    assert [round(p.get_width(), 2) for p in drawn] == [-1.0]
    assert drawn[0].get_alpha() < 0.5 and drawn[0].get_hatch()
    assert "fewer than 3 voices" in fig._suptitle.get_text()
    big = next(a for a in fig.axes if a.get_title() == "big")
    assert all(p.get_alpha() in (None, 1.0) for p in big.patches if p.get_width() != 0)


def test_naming_families_name_a_missing_outlet_and_an_unplaced_speaker_group_apart():
    n = pd.DataFrame({"comparison": ["outlet", "outlet", "speaker group", "speaker group"],
                      "group": ["", "nyt", "unknown", "Russia officials"],
                      "family": ["protesters"] * 4, "share": [1.0] * 4, "count": [11, 12, 15, 10]})
    labels = _ticks(pv.naming_families(n).axes[0].get_yticklabels())
    assert labels == ["nyt (outlet, n=12)", f"{OUTLET_NOT_GIVEN} (outlet, n=11)",
                      "Russia officials (speaker group, n=10)", "not in gazetteer (speaker group, n=15)"]


def test_distinctive_terms_name_each_panel_s_language_and_the_groups_not_compared():
    t = pd.DataFrame({"group": ["A", "B", "C", "D"], "term": ["x", "y", "икс", "игрек"],
                      "log_odds_z": [2.5, 2.2, 3.0, 2.1], "count": [5, 4, 6, 3],
                      "within": ["en", "en", "ru", "ru"]})
    fig = pv.distinctive_terms(t, title="Words", not_compared="E (the only outlet in de)")
    assert [a.get_title() for a in fig.axes] == ["A (en)", "B (en)", "C (ru)", "D (ru)"]
    sup = fig._suptitle.get_text().replace("\n", " ")
    assert "its own language" in sup and "E (the only outlet in de)" in sup


def test_voices_by_affiliation_says_how_many_quotations_descriptions_hold():
    v = pd.DataFrame({"speaker": ["A"], "affiliation": ["Russia"], "n_quotes": [5]})
    assert "686 quotations by descriptions" in pv.voices_by_affiliation(v, n_described=686).axes[0].get_title()
    assert "description" not in pv.voices_by_affiliation(v).axes[0].get_title()


def _summary() -> pd.DataFrame:
    return pd.DataFrame({"speaker": ["report", "critics", "Ann Lee", "Ann Lee"],
                         "target": ["Russia", "Russia", "Russia", "NATO"],
                         "stance": ["against", "none", "favor", "against"], "score": [-0.5, 0.0, 0.6, -0.4],
                         "n_stories": [3, 1, 2, 1], "n_quotes": [4, 1, 3, 1]})


def test_description_speakers_are_descriptions_and_the_rows_carrying_them_on():
    q = pd.DataFrame({"speaker": ["report", "report", "critics", "Ann Lee", "Ann Lee", "Republican", "Republican"],
                      "speaker_resolution": ["description", "previous", "description", "named", "pronoun",
                                             "named", "description"]})
    assert description_speakers(q) == ["critics", "report"]   # a name anywhere makes it a name
    assert description_speakers(q.drop(columns="speaker_resolution")) == []


def test_stance_figures_leave_out_description_speakers_and_say_so():
    ax = pv.stance_heatmap(_summary(), targets=["Russia", "NATO"], described=["report", "critics"]).axes[0]
    assert _ticks(ax.get_yticklabels()) == ["Ann Lee"]
    assert "1 description speaker with a stance left out ('report')" in ax.get_title()
    ax = pv.stance_network(_summary(), targets=["Russia", "NATO"], described=["report", "critics"]).axes[0]
    assert not any(t.get_text().startswith("report") for t in ax.texts)
    assert "'report'" in ax.get_title()
    ax = pv.stance_heatmap(_summary(), targets=["Russia", "NATO"]).axes[0]      # nothing given: as before
    assert _ticks(ax.get_yticklabels()) == ["Ann Lee", "report"]


def test_distinctive_terms_of_one_language_keep_their_plain_titles():
    t = pd.DataFrame({"group": ["A", "B"], "term": ["x", "y"], "log_odds_z": [2.5, 2.2], "count": [5, 4],
                      "within": ["en", "en"]})
    fig = pv.distinctive_terms(t, title="Words")
    assert [a.get_title() for a in fig.axes] == ["A", "B"] and "language" not in fig._suptitle.get_text()
