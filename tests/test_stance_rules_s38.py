"""Stance rules of the thirty-eighth session, read on hand-made sentences about invented parties and an invented
politician: sentences are not cut after a title ("Mr.", "Sen."); the pejoratives of political news that VADER's
lexicon lacks ("unqualified", "crooked", "a demagogue") and the virtues it lacks ("principled"); lacking a quality a
leader needs; acts of offence ("insulting", "disrespecting"), which evaluate who does them, not who suffers them; a
call for someone's resignation; questioning someone's fitness; two subjects each with its own predicate are not
coordinated; a quality said of the speaker ("I'm unhinged") is no one else's. Expected values come from reading each
sentence. The tests of a rule fail with the rule switched off; those named "not"/"keeps" guard its limits."""

import pandas as pd

from kzlib.stance import detect_stance
from kzlib.stance.lexicon import _sentences
from kzlib.stance.targets import Target
from tests.stance_rows import each_stance, stance_of, stance_rows

TARGETS = [Target("Ruritania", aliases=("Ruritania",)), Target("Elbonia", aliases=("Elbonia",)),
           Target("Jan Dorn", aliases=("Jan Dorn", "Dorn")), Target("Ana Moreno", aliases=("Moreno",)),
           Target("peacekeepers", aliases=("peacekeepers",))]


def _rows(quotes: list[str], **columns) -> pd.DataFrame:
    return stance_rows(quotes, TARGETS, **columns)


def _each(quotes: list[str], allowed: tuple[str, ...], target: str, **columns) -> None:
    each_stance(quotes, allowed, target, TARGETS, **columns)


def test_sentences_are_not_cut_after_a_title_or_an_initial():
    text = "I will never vote for Mr. Dorn. Gov. J. Smith agrees! Why?"
    assert [text[a:b] for a, b in _sentences(text)] == ["I will never vote for Mr. Dorn.", "Gov. J. Smith agrees!", "Why?"]


def test_a_cue_before_a_title_reaches_the_name_after_it():
    _each(["I will not vote for Mr. Dorn.", "We strongly condemn Sen. Dorn.", "They should never have trusted Gov. Dorn, "
           "and we denounce Dr. Dorn today."], ("against",), "Jan Dorn")
    _each(["I will vote for Mr. Dorn.", "We fully support Sen. Dorn."], ("favor",), "Jan Dorn")


def test_pejoratives_of_political_news_that_vader_lacks():
    _each(["Dorn is unqualified.", "Dorn is simply unfit for office.", "Crooked Dorn will say anything.",
           "Dorn is a divisive demagogue.",
           "Dorn is an egomaniac and a charlatan."], ("against",), "Jan Dorn")


def test_the_pejoratives_read_for_elbonia_too():
    _each(["The Elbonia regime runs on cronyism and nepotism.", "Elbonia is an unhinged, erratic partner."],
          ("against",), "Elbonia")


def test_keeps_unqualified_support_as_support():
    _each(["We give Elbonia our unqualified support.", "Elbonia has our unqualified backing."], ("favor",), "Elbonia")


def test_virtues_that_vader_lacks_and_their_negation():
    _each(["Dorn is a principled statesman.", "Dorn is well qualified to be president."], ("favor",), "Jan Dorn")
    _each(["Dorn is not qualified to be president."], ("against",), "Jan Dorn")


def test_lacking_a_quality_a_leader_needs_is_said_of_who_lacks_it():
    rows = _rows(["Dorn clearly lacks the judgment and temperament to lead Elbonia.",
                  "The Elbonia government lacks legitimacy."])
    assert stance_of(rows, 0, "Jan Dorn") == "against"
    assert stance_of(rows, 0, "Elbonia") not in ("against", "favor")   # what Dorn would lead is not judged
    assert stance_of(rows, 1, "Elbonia") == "against"


def test_an_act_of_offence_evaluates_who_does_it():
    _each(["Dorn has been disrespecting our veterans for years.", "There are videos of Dorn insulting farmers.",
           "Dorn demeaned the nurses."], ("against",), "Jan Dorn")


def test_not_against_who_suffers_an_insult():
    rows = _rows(["The decision is an insult to Elbonia.", "Dorn insulted Elbonia.", "We condemn this insult to Elbonia."])
    assert stance_of(rows, 0, "Elbonia") != "against"
    assert stance_of(rows, 1, "Elbonia") != "against"
    assert stance_of(rows, 1, "Jan Dorn") == "against"
    assert stance_of(rows, 2, "Elbonia") != "against"


def test_a_call_for_resignation_is_against_its_object():
    _each(["I call on Dorn to resign.", "We demand the resignation of Dorn.", "I urge Dorn to step down now."],
          ("against",), "Jan Dorn")


def test_not_the_speakers_when_others_call_for_it():
    _each(["Critics called on Dorn to resign."], ("none", "(no row)"), "Jan Dorn")


def test_questioning_someones_fitness_or_values():
    _each(["questioned Dorn's judgment and his readiness to lead."], ("against",), "Jan Dorn", kind="indirect")


def test_not_questioning_as_interrogating():
    _each(["The police questioned Dorn about the accident on Monday."], ("none", "(no row)"), "Jan Dorn")


def test_the_wrong_side_of_history():
    _each(["Dorn has stood on the wrong side of history."], ("against",), "Jan Dorn")


def test_not_coordinated_when_each_subject_has_its_own_predicate():
    rows = _rows(["It is now plain that Ruritania is a reliable partner and Elbonia is a charlatan.",
                  "Ruritania and Elbonia are charlatans."])
    assert stance_of(rows, 0, "Elbonia") == "against"
    assert stance_of(rows, 0, "Ruritania") != "against"
    assert stance_of(rows, 1, "Ruritania") == "against"   # a coordinated subject keeps the predicate


def test_a_quality_said_of_the_speaker_is_not_a_targets():
    rows = _rows(["Elbonia does not really believe I'm unhinged.", "I am unfit to judge Dorn.", "We are opposed to Elbonia.",
                  "Mr. Dorn, you are a liar."])
    assert stance_of(rows, 0, "Elbonia") != "against"
    assert stance_of(rows, 1, "Jan Dorn") != "against"
    assert stance_of(rows, 2, "Elbonia") == "against"
    assert stance_of(rows, 3, "Jan Dorn") == "against"   # "you": a target addressed, not the speaker


def test_an_indirect_report_of_the_speakers_vote():
    q = pd.DataFrame({"doc_id": "d", "quote_id": [0], "speaker": ["A voter"], "kind": ["indirect"],
                      "quote": ["he would not vote for Mr. Dorn."]})
    rows = detect_stance(q, targets=TARGETS, threshold=0.3)
    assert stance_of(rows, 0, "Jan Dorn") == "against"


def test_too_much_of_a_virtue_is_no_praise():
    # VADER's tone of "friendly" stays positive: no direction, where the virtue alone read as favour
    _each(["Dorn is far too friendly with lobbyists."], ("none",), "Jan Dorn")
    _each(["Dorn is too principled."], ("against",), "Jan Dorn")
    _each(["he complained that Dorn is too principled."], ("against",), "Jan Dorn", kind="indirect")


def test_keeps_an_additive_too():
    _each(["I too support Dorn.", "We too praise Dorn."], ("favor",), "Jan Dorn")


def test_a_predicate_after_so_in_quotation_marks_or_after_a_conjunct():
    _each(['Dorn is so reckless, the senator said, that nobody trusts him.', "Dorn and his team were extremely careless.",
           "Ruritania and Dorn are weak and desperate."], ("against",), "Jan Dorn")
    _each(['Dorn and his team were "extremely careless" with it.'], ("against",), "Jan Dorn", kind="indirect")


def test_a_job_well_or_badly_done_is_its_doers():
    _each(["Dorn did a great job representing the state.", "Elbonia and Dorn did a remarkable job."], ("favor",), "Jan Dorn")
    _each(["Dorn has done a terrible job of protecting Elbonia.", "Dorn did not do a good job."], ("against",), "Jan Dorn")
    rows = _rows(["Dorn has done a terrible job of protecting Elbonia."])
    assert stance_of(rows, 0, "Elbonia") != "against"


def test_the_agents_of_an_act_are_coordinated():
    rows = _rows(["Ruritania and Dorn lied about the deal."])
    assert stance_of(rows, 0, "Ruritania") == "against" and stance_of(rows, 0, "Jan Dorn") == "against"


def test_the_speakers_own_support():
    _each(["I've been a supporter of Dorn since the beginning.", "We are proud supporters of Dorn."], ("favor",), "Jan Dorn")


def test_not_the_speakers_when_others_are_supporters():
    _each(["The supporters of Dorn rallied downtown."], ("none", "(no row)"), "Jan Dorn")


def test_an_emotion_about_something_is_no_quality_of_who_feels_it():
    _each(["Elbonia is so frustrated with the court's decision that it left the talks.",
           "Elbonia is very angry at the decision."], ("none", "(no row)"), "Elbonia")


def test_too_much_of_a_good_quality():
    _each(["Dorn is too nice."], ("none", "(no row)", "against"), "Jan Dorn")
    _each(["Dorn is nice."], ("favor",), "Jan Dorn")


def test_not_support_when_negated_or_of_someone_else():
    _each(["I'm not a fan of Dorn.", "I was never a supporter of Dorn.", "We are not supporters of Dorn."],
          ("against",), "Jan Dorn")
    _each(["I'm a big fan of jazz, but Dorn is wrong."], ("against",), "Jan Dorn")   # the fan's object is jazz
    _each(["I'm certainly not a fan of Dorn.", "I'm not the biggest fan of Dorn."], ("against",), "Jan Dorn")


def test_not_coordinated_across_an_object_and_another_subject():
    rows = _rows(["We love Elbonia and Dorn lied.", "Ruritania stays neutral and Elbonia is a charlatan.",
                  "Ruritania, Elbonia and Dorn lied."])
    assert stance_of(rows, 0, "Jan Dorn") == "against" and stance_of(rows, 0, "Elbonia") != "against"
    assert stance_of(rows, 1, "Elbonia") == "against" and stance_of(rows, 1, "Ruritania") != "against"
    assert stance_of(rows, 2, "Ruritania") == "against" and stance_of(rows, 2, "Elbonia") == "against"


def test_an_act_by_someone_else_is_not_its_objects():
    _each(["The media did a terrible job covering Dorn.", "They did a great job of exposing Dorn.",
           "Dorn felt insulted by the decision.", "Dorn was deeply insulted.", "Dorn took it as an insult.",
           "Dorn found the ad demeaning to women.", "No disrespect to Dorn, but the plan fails."],
          ("none", "(no row)"), "Jan Dorn")
    _each(["The decision is an insult to Elbonia's people."], ("none", "(no row)"), "Elbonia")


def test_on_the_wrong_side_after_a_copula():
    _each(["Dorn was on the wrong side of history.", "Dorn is on the wrong side of this issue."], ("against",), "Jan Dorn")


def test_not_a_call_for_resignation_when_negated_or_about_something_else():
    _each(["I urge Dorn not to resign.", "We call on Dorn to ignore the calls for his resignation.",
           "I call on Dorn to hold elections."], ("none", "(no row)"), "Jan Dorn")
    _each(["We call for Dorn's immediate resignation.", "We demand that Dorn resign."], ("against",), "Jan Dorn")


def test_no_reading_of_too_good_before_to_or_for():
    # "too smart to fall for that" is praise, "too generous to donors" a fault: neither is read as the other
    _each(["Dorn is too smart to fall for that."], ("favor", "none", "(no row)"), "Jan Dorn")
    _each(["Dorn is too generous to donors.", "Dorn is too friendly to lobbyists."], ("against", "none", "(no row)"), "Jan Dorn")


def test_the_speakers_own_scare_quotes_are_not_praise():
    _each(['Dorn is "honest," they say.'], ("none", "(no row)"), "Jan Dorn")
    _each(['Dorn was "extremely careless" with it.'], ("against",), "Jan Dorn", kind="indirect")
    # a longer quotation in a direct quote's text is the speaker's words, set off by the writer (a mixed quotation)
    _each(['Dorn was "reckless and careless in his handling of the files."'], ("against",), "Jan Dorn")


def test_sentences_break_after_a_closing_single_quote():
    text = "They called it 'a disgrace.' Dorn handled it well."
    assert [text[a:b] for a, b in _sentences(text)] == ["They called it 'a disgrace.", "Dorn handled it well."]


def test_acts_of_insincerity_and_idioms_of_judgment_are_said_of_who_does_them():
    _each(["Dorn is overselling the successes of the plan.", "Dorn distorts my record.", "Dorn panders to Elbonia.",
           "Dorn has blood on his hands.", "Dorn is out of touch with voters.",
           "Dorn's new rules aren't worth the paper they're written on.", "Dorn is an Islamophobe and a nativist."],
          ("against",), "Jan Dorn")
    rows = _rows(["Dorn panders to Elbonia.", "Ruritania distorts the record of Elbonia."])
    assert stance_of(rows, 0, "Elbonia") != "against"
    assert stance_of(rows, 1, "Ruritania") == "against"


def test_a_hundred_percent_is_how_fully_not_a_share():
    q = pd.DataFrame({"doc_id": "d", "quote_id": [0, 1], "speaker": ["A donor", "A pollster"], "kind": ["indirect"] * 2,
                      "quote": ["he supports Dorn 100-percent.", "31 percent support Dorn."]})
    rows = detect_stance(q, targets=TARGETS, threshold=0.3)
    assert stance_of(rows, 0, "Jan Dorn") == "favor"
    assert stance_of(rows, 1, "Jan Dorn") != "favor"   # a share of people: a poll's finding


def test_not_perceived_or_found_when_the_act_is_someones():
    _each(["The report found that Dorn bribed officials.", "We found Dorn's remarks insulting."], ("against",), "Jan Dorn")
    _each(["Dorn took the remarks as an insult."], ("none", "(no row)"), "Jan Dorn")
    _each(["Elbonia was also insulted.", "Elbonia was never insulted."], ("none", "(no row)"), "Elbonia")


def test_not_a_removal_of_something_else_nor_an_adjective_of_insincerity():
    _each(["We demand the removal of Ruritanian troops from Elbonia.", "We demanded Elbonia's removal of the checkpoints."],
          ("none", "(no row)"), "Elbonia")
    _each(["Dorn dismissed the exaggerated claims.", "Dorn wore flip-flops to the rally."], ("none", "(no row)"), "Jan Dorn")


def test_a_name_ending_in_no_keeps_its_act():
    _each(["Moreno disrespected the voters."], ("against",), "Ana Moreno")


def test_keeps_an_attitude_towards_a_target_named_in_lower_case():
    _each(["I am opposed to peacekeepers."], ("against",), "peacekeepers")


def test_support_taken_away_from_a_target_is_no_support_for_it():
    _each(["He hopes to carve evangelical support away from Mr. Dorn.", "With the support of Mr. Dorn, we won."],
          ("none", "(no row)"), "Jan Dorn")
    _each(["We support Mr. Dorn."], ("favor",), "Jan Dorn")
