"""Stance rules of the twenty-eighth session, read on hand-made sentences about invented parties: the subject
of a passive verb of judgment is what is judged, not its holder; the verbs of admiration and judgment of Levin's
(1993) classes evaluate their object, and the subject of an active one holds the evaluation; an evaluation predicated
of a target (a copula's complement, a verb of naming's object complement, an appositive, the adjectives of what it
possesses) counts by VADER's lexicon; acts of deceit and misconduct evaluate their agent; a target that is the
stimulus of an adjective of emotion is what the emotion is about. Each test was run with its rule switched off (the
cue entries or code reverted) and failed; the tests named "not"/"no" guard the rule's limits and pass either way."""

import pandas as pd

from kzlib.stance.targets import Target
from tests.stance_rows import stance_of, stance_rows

PARTIES = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",))]


def _rows(quotes: list[str]) -> pd.DataFrame:
    return stance_rows(quotes, PARTIES)


def test_the_subject_of_a_passive_judgment_is_judged():
    rows = _rows(["Ruritania was criticized for sending troops to the border.",
                  "Ruritania were condemned by us all.",  # an agent other than the speaker holds it (s35 tests)
                  "Ruritania criticized the plan to send troops to the border."])  # the active: Ruritania judges
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 1, "Ruritania") == "against"
    assert stance_of(rows, 2, "Ruritania") != "against"


def test_verbs_of_admiration_and_of_judgment_evaluate_their_object():
    # the speaker is the subject: their own evaluation (a named subject's is a relayed view since the thirty-third
    # session: tests/test_stance_holders_s33.py)
    rows = _rows(["We admire Ruritania for its courage.",
                  "We ridiculed Elbonia for its parade.",
                  "Ruritania despises Elbonia.",                       # Ruritania holds the contempt
                  "I lauded Ruritania after the rescue.",
                  "We slammed Elbonia over the tariffs."])
    assert stance_of(rows, 0, "Ruritania") == "favor"
    assert stance_of(rows, 1, "Elbonia") == "against"
    assert stance_of(rows, 2, "Elbonia") == "none"  # the speaker relays Ruritania's contempt
    assert stance_of(rows, 2, "Ruritania") != "against"
    assert stance_of(rows, 3, "Ruritania") == "favor"
    assert stance_of(rows, 4, "Elbonia") == "against"


def test_the_nouns_and_causal_phrases_near_those_verbs_are_not_read_as_them():
    rows = _rows(["In many respects, Ruritania is a farming country.",       # "respects": a noun
                  "The harvest came in early, thanks to Elbonia.",             # "thanks to": a cause
                  "The council condemned Ruritania's hate of the river people."])  # the noun "hate": no holder
    assert stance_of(rows, 0, "Ruritania") != "favor"
    assert stance_of(rows, 1, "Elbonia") != "favor"
    assert stance_of(rows, 2, "Ruritania") == "against"


def test_an_evaluation_predicated_of_a_target_is_read_from_the_valence_lexicon():
    rows = _rows(["Ruritania is weak and desperate.",
                  "Elbonia's record is far from clean.",                          # a negated quality
                  "Ruritania has always been a generous and honest neighbour.",
                  "I think Elbonia is brave.",
                  "Ruritania isn't honest."])
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 1, "Elbonia") == "against"
    assert stance_of(rows, 2, "Ruritania") == "favor"
    assert stance_of(rows, 3, "Elbonia") == "favor"
    assert stance_of(rows, 4, "Ruritania") == "against"


def test_what_is_not_a_quality_of_the_target_is_not_predicated_of_it():
    rows = _rows(["Elbonia was dismissed from the talks.",              # a passive: an event, not a quality
                  "Ruritania is making the harvest smaller.",          # a progressive: what it does
                  "The polls showing Ruritania ahead are wrong.",      # the subject is the polls
                  "Elbonia is a fierce critic of Ruritania."])         # Elbonia's own stance
    assert stance_of(rows, 0, "Elbonia") == "none"
    assert stance_of(rows, 1, "Ruritania") == "none"
    assert stance_of(rows, 2, "Ruritania") == "none"
    assert stance_of(rows, 3, "Elbonia") == "none"
    assert stance_of(rows, 3, "Ruritania") == "none"


def test_an_act_of_deceit_or_misconduct_evaluates_its_agent():
    rows = _rows(["Ruritania lied about the troops on the border.",
                  "The farmers were misled by Elbonia for years.",        # the passive's agent
                  "Ruritania has harassed the fishermen of the bay.",
                  "Elbonia spread lies about the harvest."])
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 1, "Elbonia") == "against"
    assert stance_of(rows, 2, "Ruritania") == "against"
    assert stance_of(rows, 3, "Elbonia") == "against"


def test_words_that_only_look_like_deceit_are_not_read_as_it():
    rows = _rows(["The answer lies in Ruritania's mountains.",   # "lies in": a place
                  "Elbonia is lying on the shore of the lake."])  # "lying": to lie down
    assert stance_of(rows, 0, "Ruritania") == "none"
    assert stance_of(rows, 1, "Elbonia") == "none"


def test_the_subject_of_an_active_verb_of_judgment_holds_it_and_is_not_judged():
    rows = _rows(["Ruritania only reluctantly and belatedly endorsed the new constitution.",
                  "Ruritania has also criticized the dam on the river.",
                  "Ruritania has the full support of the farmers.",         # a noun: Ruritania is supported (by
                                                                            # the farmers: their view, relayed)
                  "Ruritania was widely praised for the rescue."])          # a passive: Ruritania is praised
    assert stance_of(rows, 0, "Ruritania") == "none"
    assert stance_of(rows, 1, "Ruritania") == "none"
    # the support is what Ruritania is given, not what it gives; since the thirty-second session it is also the
    # farmers' view, not the speaker's: it counts as a relayed view does (tests/test_stance_support_s32.py)
    assert "support (others' support)" in rows.loc[(rows["quote_id"] == 2) & (rows["target"] == "Ruritania"), "cues"].item()
    assert stance_of(rows, 2, "Ruritania") == "none"
    assert stance_of(rows, 3, "Ruritania") == "favor"


def test_an_object_complement_of_a_verb_of_naming_is_predicated_of_its_object():
    rows = _rows(["We described Ruritania as reckless and cruel.",
                  "I find Elbonia honest and generous.",
                  "They called Elbonia on Tuesday.",                     # no complement: a telephone call
                  "The herders described the flood as cruel to Ruritania.",  # Ruritania is no object of the verb
                  "They described Ruritania as reckless and cruel."])   # theirs (thirty-seventh session): relayed
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 1, "Elbonia") == "favor"
    assert stance_of(rows, 2, "Elbonia") == "none"
    assert stance_of(rows, 3, "Ruritania") != "against"
    assert stance_of(rows, 4, "Ruritania") == "none"


def test_an_attributive_evaluation_of_what_a_target_possesses_is_read():
    rows = _rows(["The herders will suffer from Elbonia's reckless policy.",
                  "Everyone remembers Ruritania's brave decision.",
                  "Elbonia's defeat came on Sunday.",                    # the head noun, an event, is not read
                  "The herders resent Elbonia's wrong view of the river.",   # a phrase of its own after the head
                  "Elbonia's growth northwards is a worry for the herders."])  # an adverb is no head noun
    assert stance_of(rows, 0, "Elbonia") == "against"
    assert stance_of(rows, 1, "Ruritania") == "favor"
    assert stance_of(rows, 2, "Elbonia") == "none"
    assert stance_of(rows, 3, "Elbonia") == "against"
    assert stance_of(rows, 4, "Elbonia") != "favor"


def test_a_noun_phrase_in_apposition_characterises_the_target():
    rows = _rows(["Ruritania, the bravest of the small nations, held out.",
                  "We met Elbonia, the host of the talks, on Monday."])   # a role, no evaluation
    assert stance_of(rows, 0, "Ruritania") == "favor"
    assert stance_of(rows, 1, "Elbonia") == "none"


def test_a_target_that_is_the_stimulus_of_an_emotion_is_what_it_is_about():
    rows = _rows(["We are disappointed with Ruritania.",
                  "I am not all that happy with Elbonia.",      # negated
                  "We are proud of Ruritania.",
                  "Ruritania is disappointed with the talks.",  # Ruritania feels it: no stimulus
                  "The farmers are disappointed with Ruritania."])  # theirs (thirty-seventh session): relayed
    assert stance_of(rows, 0, "Ruritania") == "against"
    assert stance_of(rows, 1, "Elbonia") == "against"
    assert stance_of(rows, 2, "Ruritania") == "favor"
    assert stance_of(rows, 3, "Ruritania") == "none"
    assert stance_of(rows, 4, "Ruritania") == "none"


def test_a_list_of_names_or_a_main_clause_after_a_comma_is_no_apposition():
    rows = _rows(["The talks brought together Elbonia, the United States and China.",   # a list of names
                  "Loyal to Elbonia, the herders grew bitter over the long winter.",    # the main clause's subject
                  "The herders lost everything when Ruritania, the aggressor, came."])  # a closed appositive is read
    assert stance_of(rows, 0, "Elbonia") == "none"
    assert stance_of(rows, 1, "Elbonia") == "none"
    assert stance_of(rows, 2, "Ruritania") == "against"


def test_the_participle_of_a_hyphenated_compound_takes_no_target_as_its_object():
    rows = _rows(["The herders asked Elbonia for a rights-respecting inquiry.",   # the rights are respected
                  "The herders have long respected Elbonia."])                  # the verb itself still counts
    assert stance_of(rows, 0, "Elbonia") == "none"
    assert stance_of(rows, 1, "Elbonia") == "favor"
