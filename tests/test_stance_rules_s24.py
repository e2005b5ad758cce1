"""Rules of the stance method read on hand-made sentences: irrealis blocking in conditional sentences
(Taboada et al. 2011), a loaded naming inside a short quotation, sentences opening on "Allegedly,", and
acts of harm read for their agent."""

import pandas as pd

from kzlib.stance import detect_stance
from kzlib.stance.lexicon import _build_lexicon
from kzlib.stance.rules import _score_text
from kzlib.stance.targets import Target, load_stance_cues, load_targets

NATO = [Target("NATO", aliases=("NATO",))]


def _stances(quotes: list[str], targets=None) -> dict[str, str]:
    q = pd.DataFrame({"doc_id": "d", "quote_id": range(len(quotes)), "speaker": "X", "quote": quotes})
    st = detect_stance(q, targets=targets, threshold=0.3)
    return {quotes[int(r.quote_id)]: r.stance for r in st.itertuples()}


def test_a_cue_in_a_hypothetical_clause_takes_no_side():
    said = _stances([
        "NATO committed aggression, and the region suffered.",               # what happened: against
        "If the alliance did nothing, NATO would be accused of aggression.",  # the consequent of a condition
        "NATO would be accused of aggression if it sent troops.",            # the same, condition after it
        "If NATO commits aggression, the region will suffer.",               # inside the condition
    ], NATO)
    assert said["NATO committed aggression, and the region suffered."] == "against"
    assert said["If the alliance did nothing, NATO would be accused of aggression."] == "none"
    assert said["NATO would be accused of aggression if it sent troops."] == "none"
    assert said["If NATO commits aggression, the region will suffer."] == "none"


def test_a_concession_or_a_bare_modal_is_no_condition():
    said = _stances(["Even if NATO committed aggression, the region recovered.", "NATO would deserve praise."], NATO)
    assert said["Even if NATO committed aggression, the region recovered."] == "against"
    assert said["NATO would deserve praise."] == "favor"


def test_the_hypothetical_cue_is_named_in_the_evidence_when_it_counts():
    lex = _build_lexicon(NATO, {**load_stance_cues(), "irrealis_factor": 0.5})
    contrib, *_ = _score_text("If the alliance did nothing, NATO would be accused of aggression.", lex, use_vader=False)
    labels = [c.label for c in contrib["NATO"]]
    assert labels and all(label.endswith("(hypothetical)") for label in labels)


def test_a_loaded_naming_in_a_short_quotation_is_a_relayed_word():
    lex = _build_lexicon(list(load_targets()), load_stance_cues())
    # (no frame of disbelief here: "it is unbelievable that …" would dispute the naming, quoted or not)
    quoted = 'The protests were peaceful, and then "20,000 extremists" came to the city.'
    plain = quoted.replace('"', "")
    q_items, *_ = _score_text(quoted, lex, use_vader=False)
    p_items, *_ = _score_text(plain, lex, use_vader=False)
    # the naming's own contributions ("The protests were peaceful" is, since session 28, also read as a quality
    # predicated of the protesters)
    q_val = sum(c.value for c in q_items["protesters"] if "extremists" in c.label)
    p_val = sum(c.value for c in p_items["protesters"] if "extremists" in c.label)
    assert p_val < 0 and p_val < q_val < 0   # still the others' word for the crowd, at a relayed word's weight
    assert any("(in quotation marks)" in c.label for c in q_items["protesters"])


def test_a_short_quotation_that_holds_a_name_is_no_scare_quote():
    lex = _build_lexicon(NATO, load_stance_cues())
    contrib, *_ = _score_text('Voters chanted "NATO out now" and praised the move.', lex, use_vader=False)
    assert not any("scare quotes" in c.label for c in contrib.get("NATO", []))


def test_a_sentence_opening_on_allegedly_is_disputed():
    said = _stances(["Allegedly, NATO had no right to help the government.",
                     "NATO had no right to help the government.",
                     "NATO allegedly had no right to help the government."], NATO)
    assert said["NATO had no right to help the government."] == "against"
    # the opener disclaims the rest of the sentence: the speaker disputes that NATO had no right
    assert said["Allegedly, NATO had no right to help the government."] == "favor"
    # inside the sentence "allegedly" only hedges, as in a crime report
    assert said["NATO allegedly had no right to help the government."] == "against"


def test_scare_quotes_are_the_speakers_own_inside_a_disputed_sentence():
    lex = _build_lexicon(list(load_targets()), load_stance_cues())
    contrib, *_ = _score_text('Allegedly, the police had no right to stop "peaceful protesters" at the rally.', lex,
                              use_vader=False)
    naming = [c for c in contrib["protesters"] if c.label.startswith("peaceful protesters")]
    assert naming and naming[0].value < 0   # the marks mock the naming; the opener does not turn that round


RIVALS = [Target("NATO", aliases=("NATO",)), Target("Russia", aliases=("Russia",))]


def test_an_act_of_harm_is_its_agents_not_its_objects():
    q = pd.DataFrame({"doc_id": "d", "quote_id": range(4), "speaker": "X",
                      "quote": ["NATO tried to undermine Russia.",      # the subject does it
                                "Russia was attacked by NATO.",         # the passive's agent does it
                                "Russia was attacked.",                 # only the sufferer is named
                                "We condemned Russia."]})               # a verb of evaluation: its object
    st = detect_stance(q, targets=RIVALS).set_index(["quote_id", "target"])["stance"]
    assert st[(0, "NATO")] == "against" and st[(0, "Russia")] == "none"
    assert st[(1, "NATO")] == "against" and st[(1, "Russia")] == "none"
    assert st[(2, "Russia")] == "none"
    assert st[(3, "Russia")] == "against"


def test_every_agentive_cue_is_a_cue_of_the_lists():
    # an act that evaluates its agent: mostly of harm (against); since the thirty-eighth session also a job well done
    cues = load_stance_cues()
    listed = {str(item[0]) for section in ("against", "favor") for item in cues[section]}
    assert cues["agentive_cues"] and set(cues["agentive_cues"]) <= listed
