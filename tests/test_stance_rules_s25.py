"""Stance rules read on hand-made sentences: the object of an act of harm is its sufferer, not what a
negative cue elsewhere in the sentence evaluates; and quotes of spun documents are read de-spun."""

import pandas as pd

from kzlib.stance import detect_stance
from kzlib.stance.targets import Target
from tests.stance_rows import stance_of as _stance
from tests.stance_rows import stance_rows as _rows

TWO = [Target("rebels", aliases=("rebels",)), Target("police", aliases=("the police", "police officers"))]


def test_the_object_of_an_act_of_harm_is_not_what_the_sentence_condemns():
    rows = _rows([
        # the condemnation's clause names no target; the police are the object of "assault": they suffer it
        "Tolerating those rebels who assault police officers, doctors, and firefighters is unacceptable.",
        # the same condemnation with the police named as its object, not as a sufferer
        "What the police did to the marchers, and to the firefighters, is unacceptable.",
    ], TWO)
    assert _stance(rows, 0, "rebels") == "against"
    assert _stance(rows, 0, "police") != "against"
    assert _stance(rows, 1, "police") == "against"


def test_assault_evaluates_its_agent():
    # the police stand nearer to the verb; the rebels, its subject, do it
    rows = _rows(["The rebels from the northern hills yesterday assaulted the police."], TWO)
    assert _stance(rows, 0, "rebels") == "against"
    assert _stance(rows, 0, "police") != "against"


def test_a_quote_of_a_spun_document_is_read_on_its_de_spun_text():
    # "agency help" is the spinner's "firm support" (kzlib/data/spin_phrases.csv): no cue as written
    quote = "We express our agency help for the Collective Safety Treaty Group."
    target = [Target("CSTO", aliases=("Collective Security Treaty Organi[sz]ation",))]
    spun = _rows([quote], target, version=["spun"])
    assert _stance(spun, 0, "CSTO") == "favor"
    assert spun["reading"].tolist() == ["de-spun"]
    assert "firm support" in spun["evidence"].item()
    # the same words in a document not judged spun, or with read_despun=False, are read as written
    assert _rows([quote], target, version=["original"]).empty
    q = pd.DataFrame({"doc_id": ["d"], "quote_id": [0], "speaker": ["X"], "quote": [quote], "version": ["spun"]})
    assert detect_stance(q, targets=target, read_despun=False).empty


def test_a_verb_of_the_next_sentence_does_not_make_a_target_the_holder_of_an_opinion():
    nato = [Target("NATO", aliases=("NATO",))]
    rows = _rows(["We have serious questions about the role of NATO. We ask for clarification.",
                  "NATO asks for clarification."], nato)
    assert _stance(rows, 0, "NATO") == "against"   # NATO is questioned, then "We ask …" is the speaker's
    assert _stance(rows, 1, "NATO") == "(no row)"  # NATO asks: it holds the view, it is not its object
