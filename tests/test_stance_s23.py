"""Session 23: Russian features of StanceClassifier (lemmas, offsets, negation scope, cue lexicon) and
English rows' features left as they were. Every Russian sentence here is written for these tests."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from kzlib.errors import ParameterError
from kzlib.stance import StanceClassifier
from kzlib.stance._ru_features import lemma_tokens, rows_are_russian, ru_views
from kzlib.stance.classifier import _spans

DATA = Path(__file__).parent / "data"


def english_sample() -> tuple[pd.DataFrame, list[str]]:
    """A small English sample (two targets, offsets on some rows, hashtags, negations, VADER words)."""
    favor = ["We support the CSTO mission in Almaty.", "The CSTO did a great job, thank you!",
             "Good news: the CSTO is helping. #peace", "I'm not against the CSTO at all.",
             "Tokayev was right to act, we back Tokayev.", "Tokayev is a wise and brave leader."]
    against = ["We condemn the CSTO intervention.", "The CSTO troops are an occupation, not help.",
               "Shame on the CSTO! #nooccupation", "Tokayev ordered shooting without warning, a disgrace.",
               "Tokayev is a dictator and a liar.", "Nobody trusts Tokayev anymore?"]
    none = ["The CSTO met on Thursday.", "The weather in Almaty was cold.", "Tokayev spoke at 10 am.",
            "Prices of gas rose in the west.", "The CSTO has six members.", "Tokayev flew to Moscow."]
    texts = favor + against + none
    y = ["favor"] * 6 + ["against"] * 6 + ["none"] * 6
    targets = ["Tokayev" if "Tokayev" in t else "CSTO intervention" for t in texts]
    X = pd.DataFrame({"text": texts * 2, "target": targets * 2})
    # offsets on the second copy's rows that name "CSTO"
    X["start"] = [t.find("CSTO") if (i >= len(texts) and "CSTO" in t) else np.nan for i, t in enumerate(X["text"])]
    X["end"] = [s + 4 if not pd.isna(s) else np.nan for s in X["start"]]
    return X, y * 2


def russian_sample() -> tuple[pd.DataFrame, list[str]]:
    favor = ["Депутаты поддержали Токаева и его решение.", "Жители поблагодарили полицию за помощь.",
             "Эксперты высоко оценили работу правительства.", "Союзники приветствовали шаги Токаева.",
             "Правительство успешно справилось с кризисом.", "Полиция спасла детей из огня."]
    against = ["Прокуратура обвинила Назарбаева в коррупции.", "Депутаты осудили действия полиции.",
               "Жители не поддержали правительство.", "Эксперты раскритиковали Токаева за насилие.",
               "Полицию обвинили в жестоком насилии.", "Правительство не справилось с кризисом."]
    none = ["Токаев прилетел в Москву в среду.", "Полиция работает в Алматы.", "Правительство собралось утром.",
            "Назарбаев родился в 1940 году.", "Депутаты обсудили бюджет.", "Жители вышли на улицы города."]
    texts = favor + against + none
    names = ["Токаева", "полицию", "правительства", "Токаева", "Правительство", "Полиция",
             "Назарбаева", "полиции", "правительство", "Токаева", "Полицию", "Правительство",
             "Токаев", "Полиция", "Правительство", "Назарбаев", "Депутаты", "Жители"]
    starts = [t.find(n) for t, n in zip(texts, names)]
    assert min(starts) >= 0
    X = pd.DataFrame({"text": texts, "target": ["ORG" if i % 2 else "PERSON" for i in range(len(texts))],
                      "start": starts, "end": [s + len(n) for s, n in zip(starts, names)]})
    return X, ["favor"] * 6 + ["against"] * 6 + ["none"] * 6


def test_rows_letters_choose_the_language() -> None:
    assert rows_are_russian(["Жители поддержали решение.", "and a few words"])
    assert not rows_are_russian(["We support it.", "Жители"])
    X, y = russian_sample()
    assert StanceClassifier(calibrate=False).fit(X, y).language_ == "ru"
    X, y = english_sample()
    assert StanceClassifier(calibrate=False).fit(X, y).language_ == "en"
    with pytest.raises(ParameterError):
        StanceClassifier(language="kk").fit(X, y)


def test_entity_is_masked_where_the_offsets_say() -> None:
    # the same surname twice: the offsets name the second one (the object), not the first (the subject)
    text = "Петров похвалил Петрова."
    second = (16, 23)
    assert text[16:23] == "Петрова"
    X = pd.DataFrame({"text": [text, text], "target": ["PERSON", "PERSON"], "start": [16, 0], "end": [23, 6]})
    texts, spans = _spans(X, [])
    assert spans == [second, (0, 6)]
    v = ru_views(texts, spans, window=5)
    assert v.chars[0] == "петров похвалил  xtargetx ."
    assert v.window[0] == "L_петров L_похвалить"  # nothing but the full stop on the right
    assert v.chars[1] == " xtargetx  похвалил петрова."
    assert v.window[1].startswith("R_похвалить R_петров")
    assert v.dense[0, 9] == 0.0 and v.dense[1, 9] == 1.0  # does the mention open the sentence


def test_negation_flips_a_cue_feature() -> None:
    plain = "Депутаты поддержали Токаева."
    negated = "Депутаты не поддержали Токаева."
    assert "поддержать" in lemma_tokens(plain) and "NEG_поддержать" in lemma_tokens(negated)
    assert "NEG_поддержать" not in lemma_tokens(negated, negation=False)
    spans = [(plain.find("Токаева"), plain.find("Токаева") + 7), (negated.find("Токаева"), negated.find("Токаева") + 7)]
    v = ru_views([plain, negated], spans, window=5)
    one = math.log1p(1.0)  # "поддержать" weighs 1.0 in kzlib/data/ru/stance_cues.yaml
    # columns: text (favourable, unfavourable), clause, left window, right window
    assert v.dense[0, :6].tolist() == [one, 0.0, one, 0.0, one, 0.0]
    assert v.dense[1, :6].tolist() == [0.0, one, 0.0, one, 0.0, one]
    # the scope stops at a comma or a clause word: "но одобрили" keeps its own sign
    assert lemma_tokens("не поддержали, но одобрили") == ["не", "NEG_поддержать", ",", "но", "одобрить"]


def _design(X: pd.DataFrame, y: list[str], **kw) -> sparse.csr_matrix:
    return StanceClassifier(calibrate=False, **kw).fit(X, y)._design(X).tocsr()


def test_english_rows_design_matrix_is_unchanged(monkeypatch) -> None:
    """The design matrix of the English sample equals the one saved from kzlib before session 23 (commit
    a33bad8, ``StanceClassifier(calibrate=False).fit(X, y)._design(X)`` on :func:`english_sample`), but for the
    columns of the rule method's reading (``_rule_features``), which the rule changes of later sessions move (session
    28: "Tokayev is a wise and brave leader" and "Tokayev is a dictator and a liar" now have lexical evidence): those
    columns are found as the ones that change when the rule reading is replaced by zeros. The English word vectors
    of session 29 are switched off: they are columns appended after these (tests/test_stance_vectors_en.py)."""
    import kzlib.stance.classifier as clf

    X, y = english_sample()
    saved = np.load(DATA / "stance_en_design_s23.npz")
    before = sparse.csr_matrix((saved["data"], saved["indices"], saved["indptr"]), shape=tuple(saved["shape"]))
    rule_reading = clf._rule_features
    for kw in ({}, {"language": "en"}, {"negation_scope": False, "lemma_ngrams": False}):
        kw = {**kw, "word_vectors": False}
        monkeypatch.setattr(clf, "_rule_features", rule_reading)
        Z = _design(X, y, **kw)
        monkeypatch.setattr(clf, "_rule_features", lambda X, *a: np.zeros((len(X), 5)))
        Z0 = _design(X, y, **kw)
        assert Z.shape == Z0.shape == before.shape
        rule_cols = set(np.flatnonzero(np.asarray(abs(Z - Z0).sum(axis=0))))
        changed = set(np.flatnonzero(np.asarray(abs(Z - before).sum(axis=0)) > 1e-12))
        assert 0 < len(rule_cols) <= 15   # the rule reading's five columns, shared and one copy per target (two)
        assert changed <= rule_cols       # every other feature is as saved
    # forcing Russian features on English rows does change them (the comparison can fail)
    assert _design(X, y, language="ru").shape != before.shape


def test_fit_predict_on_a_tiny_russian_set() -> None:
    X, y = russian_sample()
    clf = StanceClassifier(calibrate=False).fit(X, y)
    assert clf.features_.ru_ is not None
    pred = clf.predict(X)
    assert pred.shape == (18,) and set(pred) <= {"favor", "against", "none"}
    assert (pred == np.asarray(y, dtype=object)).mean() > 0.8  # it can learn its own training rows
    new = pd.DataFrame({"text": ["Союзники поддержали Токаева."], "target": ["PERSON"], "start": [20], "end": [27]})
    assert clf.predict(new).shape == (1,) and clf.predict_proba(new).shape == (1, 3)
    ablated = StanceClassifier(calibrate=False, lemma_ngrams=False, char_ngrams=False, mask_target=False,
                               lexicon_features=False, context_features=False).fit(X, y)
    assert ablated.features_.n_text_ != clf.features_.n_text_


def test_benchmark_train_test_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.ru_sentiment import main

    X, y = russian_sample()
    code = {"favor": 1, "against": -1, "none": 0}
    kit = pd.DataFrame({"sentence": X["text"], "entity": [t[s:e] for t, s, e in zip(X["text"], X["start"], X["end"])],
                        "entity_tag": X["target"], "entity_pos_start_rel": X["start"], "entity_pos_end_rel": X["end"],
                        "label": [code[v] for v in y]})
    kit.to_csv(tmp_path / "train.csv", sep="\t", index=False)
    kit.to_csv(tmp_path / "test.csv", sep="\t", index=False)
    assert main(["--method", "classifier", "--train", str(tmp_path / "train.csv"), "--test", str(tmp_path / "test.csv"),
                 "--n-boot", "20"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["n"] == 18 and 0.0 <= out["ours"] <= 1.0 and 0.0 <= out["baseline"] <= 1.0
    with pytest.raises(SystemExit):
        main(["--method", "classifier", "--train", str(tmp_path / "train.csv")])
