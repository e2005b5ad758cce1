"""Session 30: the RBF-kernel SVM on the English word vectors, averaged with the linear SVM's margins
(``kernel_weight``; ``kzlib/stance/_kernel.py``). The stances below are what the sentences say."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import pytest

from kzlib.errors import ParameterError
from kzlib.stance import StanceClassifier
from kzlib.stance._kernel import _KernelScores, _Platt

TRAIN = [("Critics praised Elbonia warmly.", "favor"), ("Voters applauded Elbonia today.", "favor"),
         ("Officials welcomed Elbonia's plan.", "favor"), ("Critics condemned Elbonia harshly.", "against"),
         ("Voters denounced Elbonia today.", "against"), ("Officials rejected Elbonia's plan.", "against"),
         ("Elbonia held a meeting on Monday.", "none"), ("Elbonia published a report today.", "none"),
         ("Elbonia's delegation arrived at noon.", "none")]


def rows(pairs: list[tuple[str, str]], target: str = "Elbonia") -> tuple[pd.DataFrame, list[str]]:
    return pd.DataFrame({"text": [t for t, _ in pairs], "target": target}), [s for _, s in pairs]


def test_fused_margins_are_the_weighted_mean_of_the_two_models() -> None:
    X, y = rows(TRAIN * 2)
    clf = StanceClassifier(calibrate=False, joint_features=False).fit(X, y)
    assert clf.kernel_ is not None and clf.kernel_.classes_.tolist() == clf.classes_.tolist()
    linear = clf.model_.decision_function(clf._design(X))
    kernel = clf.kernel_.scores(clf.features_.vectors(X), targets=X["target"].to_numpy())
    w = clf.kernel_weight
    assert np.allclose(clf.decision_function(X), (1 - w) * linear + w * kernel)
    off = StanceClassifier(calibrate=False, joint_features=False, kernel_weight=0).fit(X, y)
    assert off.kernel_ is None and np.allclose(off.decision_function(X), linear)


def test_the_kernel_model_reads_judgments_the_training_rows_never_had() -> None:
    X, y = rows(TRAIN * 2)
    clf = StanceClassifier(calibrate=False, joint_features=False).fit(X, y)
    new, gold = rows([("Critics lauded Elbonia warmly.", "favor"), ("Analysts slammed Elbonia today.", "against")])
    # the kernel model alone, on verbs that no training row has
    scores = clf.kernel_.scores(clf.features_.vectors(new), targets=new["target"].to_numpy())
    assert clf.kernel_.classes_[scores.argmax(axis=1)].tolist() == gold


@pytest.mark.parametrize("bad", [-0.1, 1.0, 1.5])
def test_a_weight_outside_zero_to_one_is_refused_with_the_fix(bad: float) -> None:
    X, y = rows(TRAIN)
    with pytest.raises(ParameterError, match=r"kernel_weight must be in \[0, 1\).*0 leaves"):
        StanceClassifier(kernel_weight=bad).fit(X, y)


def test_russian_rows_and_rows_without_vectors_have_no_kernel_model() -> None:
    X, y = rows([("Депутаты поддержали Токаева.", "favor"), ("Депутаты осудили Токаева.", "against"),
                 ("Токаев прилетел в Москву.", "none")] * 4, target="Токаев")
    assert StanceClassifier(calibrate=False, joint_features=False).fit(X, y).kernel_ is None
    X, y = rows(TRAIN * 2)
    assert StanceClassifier(calibrate=False, joint_features=False, word_vectors=False).fit(X, y).kernel_ is None


def test_above_max_rows_a_stratified_sample_is_fitted_and_the_user_told(caplog: pytest.LogCaptureFixture) -> None:
    rng = np.random.default_rng(0)
    V = rng.normal(size=(60, 3))
    y = np.array(["favor"] * 40 + ["against"] * 14 + ["none"] * 6, dtype=object)
    with caplog.at_level(logging.WARNING, logger="kzlib.stance._kernel"):
        ks = _KernelScores(C=1.0, gamma=0.5, max_rows=30).fit(V, y)
    assert "sample of 30 of the 60 training rows" in caplog.text and "kernel_weight=0" in caplog.text
    assert ks.model_.shape_fit_[0] == 30
    assert ks.classes_.tolist() == ["against", "favor", "none"]  # the rarest class is kept in the sample


def test_rows_of_a_coded_target_are_told_apart_from_other_targets() -> None:
    ks = _KernelScores(C=1.0, gamma=0.5, target_scale=1.0)
    ks.targets_ = ["a"]
    out = ks._inputs(np.ones((3, 2)), np.array(["a", "b", "a"]))
    assert out[:, -1].tolist() == [1.0, 0.0, 1.0] and out[:, :2].tolist() == [[1.0, 1.0]] * 3


# ---------------------------------------------------------------- session 31: calibration of the fused margins
def test_platt_recovers_the_true_log_odds_of_gaussian_margins() -> None:
    # margins N(+1, 1) for one class and N(-1, 1) for the other: the true log-odds are 2f, so Platt's
    # p = 1 / (1 + exp(a f + b)) should find a near -2 and b near 0
    rng = np.random.default_rng(0)
    y = np.where(rng.random(4000) < 0.5, "b", "a")
    f = np.where(y == "b", 1.0, -1.0) + rng.normal(size=4000)
    platt = _Platt().fit(f, y, np.array(["a", "b"]))
    (a, b), = platt.params_
    assert a == pytest.approx(-2.0, abs=0.2) and b == pytest.approx(0.0, abs=0.1)
    p = platt.predict_proba(np.array([0.0, 1.0]))
    assert p[0].tolist() == pytest.approx([0.5, 0.5], abs=0.03)
    assert p[1, 1] == pytest.approx(1 / (1 + np.exp(-2.0)), abs=0.03)


def test_probabilities_are_those_of_the_fused_model_that_predicts() -> None:
    X, y = rows(TRAIN * 4)
    fused = StanceClassifier(joint_features=False).fit(X, y)
    linear = StanceClassifier(joint_features=False, kernel_weight=0).fit(X, y)
    assert fused.platt_ is not None and fused.calibrated_ is None
    assert linear.platt_ is None and linear.calibrated_ is not None
    new, _ = rows([("Critics lauded Elbonia warmly.", "favor")])
    p_fused, p_linear = (m.predict_proba(new)[0] for m in (fused, linear))
    assert p_fused.sum() == pytest.approx(1.0)
    favor = fused.classes_.tolist().index("favor")
    # "lauded" is in no training row: the kernel model reads it as praise, so the fused probability of favour
    # is the higher one
    assert p_fused[favor] > p_linear[favor]


# ---------------------------------------------------------------- session 31: the combination, cross-validated
def test_the_combination_takes_the_model_above_min_proba_and_the_rules_below() -> None:
    from kzlib.stance import CombinedStanceClassifier, RuleStanceClassifier

    X, y = rows(TRAIN * 4)
    new, _ = rows([("Critics lauded Elbonia warmly.", "favor"), ("Elbonia held a meeting on Friday.", "none"),
                   ("Analysts slammed Elbonia today.", "against")])
    model = StanceClassifier(joint_features=False).fit(X, y)
    rules = RuleStanceClassifier().fit(X, y)
    # every calibrated probability lies in (0, 1): at 0 the model always decides, at 1 never
    always = CombinedStanceClassifier(model=StanceClassifier(joint_features=False), min_proba=0.0).fit(X, y)
    never = CombinedStanceClassifier(model=StanceClassifier(joint_features=False), min_proba=1.0).fit(X, y)
    assert always.predict(new).tolist() == model.predict(new).tolist()
    assert never.predict(new).tolist() == rules.predict(new).tolist()
    with pytest.raises(ParameterError, match=r"min_proba must lie in \[0, 1\]"):
        CombinedStanceClassifier(min_proba=1.5).fit(X, y).predict(new)


def test_the_study_cross_validates_the_combination_with_each_method(tmp_path) -> None:
    from kzlib.stages import stance_evaluation

    gold = tmp_path / "codes.csv"
    X, y = rows(TRAIN * 4)
    pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(y))], "quote": X["text"], "target": X["target"],
                  "stance": y}).to_csv(gold, index=False)
    out = stance_evaluation(corpus=str(tmp_path), stance_gold=str(gold), cv_folds=3)
    summary = out["stance_evaluation_summary"].set_index("method")
    assert summary.index.tolist() == ["StanceClassifier", "rules", "combined"]
    assert summary["n"].tolist() == [len(y)] * 3 and summary["f_avg"].between(0, 1).all()
    per_class = out["stance_evaluation"]
    assert set(per_class.loc[per_class["method"] == "combined", "class"]) >= {"favor", "against", "none"}


def test_the_fused_calibration_is_fitted_on_out_of_fold_margins(monkeypatch: pytest.MonkeyPatch) -> None:
    import kzlib.stance._kernel as kernel_module
    import kzlib.stance.classifier as classifier_module

    seen = {}
    fit = kernel_module._Platt.fit

    def spy(self, D, y, classes):
        seen["D"] = D.copy()
        return fit(self, D, y, classes)

    monkeypatch.setattr(kernel_module._Platt, "fit", spy)
    X, y = rows(TRAIN * 4)
    clf = StanceClassifier(joint_features=False).fit(X, y)
    y_arr = np.asarray(y, dtype=object)
    Z = clf.features_.transform(X)
    expected = classifier_module._fused_oof_margins(
        clf.model_, lambda: _KernelScores(C=clf.kernel_C, gamma=clf.kernel_gamma, random_state=clf.random_state),
        Z, clf.features_.vectors(X), y_arr, X["target"].to_numpy(), known=clf.features_.targets_,
        weight=clf.kernel_weight, folds=3, random_state=clf.random_state)
    assert np.allclose(seen["D"], expected)
    # not the margins of the model fitted on those very rows, which would be overconfident
    assert not np.allclose(seen["D"], clf.decision_function(X))


def test_a_class_of_one_row_is_kept_whole_when_the_rows_are_sampled() -> None:
    rng = np.random.default_rng(1)
    V = rng.normal(size=(41, 3))
    y = np.array(["favor"] * 25 + ["against"] * 15 + ["none"], dtype=object)
    ks = _KernelScores(C=1.0, gamma=0.5, max_rows=20).fit(V, y)
    assert ks.model_.shape_fit_[0] == 20 and "none" in ks.classes_.tolist()


@pytest.mark.parametrize("options", [{}, {"kernel_weight": 0}, {"calibrate": False}])
def test_one_pass_gives_what_predict_and_predict_proba_give(options: dict) -> None:
    X, y = rows(TRAIN * 4)
    clf = StanceClassifier(joint_features=False, **options).fit(X, y)
    new, _ = rows([("Critics lauded Elbonia warmly.", "favor"), ("Elbonia held a meeting on Friday.", "none"),
                   ("Analysts slammed Elbonia today.", "against")])
    stance, proba = clf._predict_with_proba(new)
    assert stance.tolist() == clf.predict(new).tolist()
    d = clf.decision_function(new)
    if clf.platt_ is not None:
        expected = clf.platt_.predict_proba(d)
    elif clf.calibrated_ is not None:
        expected = clf.calibrated_.predict_proba(clf._design(new))
    else:
        expected = np.exp(d) / np.exp(d).sum(axis=1, keepdims=True)
    assert np.allclose(proba, expected) and np.allclose(proba.sum(axis=1), 1.0)
