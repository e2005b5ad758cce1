"""Forty-fourth session: defects of the rules' favourable readings, read from a blind-coded sample of their PolNeAR favour
directions and mended by general rules (a success reported, not predicated; a raising adjective's subject; support built
or worn down by others; an act named as a noun with no agent). Expected stances are read from the sentences, each
written for the test."""

import pandas as pd
import pytest

from kzlib.errors import ResourceError
from kzlib.russian.stance import load_cues
from kzlib.stance import detect_stance
from kzlib.stance.targets import Target
from tests.stance_rows import each_stance

PEOPLE = [Target("Jan Dorn", aliases=("Jan Dorn", "Dorn")), Target("Ana Smith", aliases=("Ana Smith", "Smith")),
          Target("Blue Party", aliases=("Blue Party", "BP"))]


def test_a_success_reported_is_no_praise():
    # a target's success named as a fact about the race, or as background, is no evaluation by the speaker
    each_stance(["Dorn's success online has surprised the pundits.",
                 "The victims of Dorn's success are the small donors.",
                 "Smith's campaign said Dorn's success in winning delegates confuses the issue."],
                ("none", "(no row)"), "Jan Dorn", PEOPLE)
    # predicated of the target or praised, it is the speaker's judgment
    each_stance(["Dorn's term as mayor was a great success.", "Dorn was very successful as governor.",
                 "I wish Dorn every success."], ("favor",), "Jan Dorn", PEOPLE)


def test_a_raising_adjectives_subject_holds_the_verb_after_it():
    # "likely to support": a state of affairs reported of its subject, not the speaker's support
    each_stance(["That group was slightly more likely to support Dorn in Georgia.",
                 "Older voters are unlikely to back Dorn."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    # the speaker's own readiness is the speaker's
    each_stance(["I am ready to support Dorn.", "We are eager to support Dorn all the way."], ("favor",), "Jan Dorn",
                PEOPLE)


def test_support_built_or_worn_down_is_others():
    # building or undermining support among a group is a campaign's work, not the speaker's support
    each_stance(["The unions have been adept at building support among members for Dorn.",
                 "The ads are eroding support for Dorn in the suburbs."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["We strongly support Dorn."], ("favor",), "Jan Dorn", PEOPLE)


def test_an_act_named_as_a_noun_has_no_subject():
    # "about the attack": a target before a preposition's noun in its clause is neither its agent nor judged by it
    each_stance(["Dorn led the inquiry into the attack.", "Dorn wrote about the attack in Paris.",
                 "Dorn will speak about the attack tomorrow."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    # its possessor, a preposition of agency, a copula or a verb makes the act the target's
    each_stance(["Dorn's attacks on the judge are disgraceful.", "Dorn is a threat to the republic.",
                 "Dorn is responsible for the attack.", "Dorn received a bribe.",
                 "Dorn is mounting a phony attack on the judge.", "Dorn is seen as a bully."],
                ("against",), "Jan Dorn", PEOPLE)


def _ru_stance(quote: str, target: str) -> str:
    q = pd.DataFrame({"doc_id": "d", "quote_id": ["q0"], "quote": [quote], "speaker": "Иван Петров", "language": "ru"})
    rows = detect_stance(q, threshold=0.3)
    row = rows[rows["target"] == target]
    return row["stance"].item() if len(row) else "(no row)"


@pytest.mark.parametrize(("quote", "target", "expected"), [
    # terror named beside the unrest it describes (the bundled targets)
    ("Он понимал, что беспорядки и террор требовали жёсткого ответа.", "protesters", "against"),
    # the peacekeepers credited with stabilising the situation
    ("Миротворцы ОДКБ обеспечили стабилизацию ситуации.", "CSTO intervention", "favor"),
    # a judgment of conduct that Russian quotes get from no sentiment lexicon
    ("Заявления протестующих — циничная клевета.", "protesters", "against"),
])
def test_russian_evaluations_english_reads_through_vader(quote, target, expected):
    assert _ru_stance(quote, target) == expected


def test_a_russian_cue_of_two_words_is_refused(tmp_path):
    # cues are matched lemma by lemma: a phrase in the file would never match, so the file is refused, with the fix
    path = tmp_path / "cues.yaml"
    path.write_text("favor:\n  - [восстановить порядок, 0.8]\nagainst: []\nnegators: [не]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="single lemmas"):
        load_cues(path)


def test_a_judgment_passes_on_to_the_act_it_is_made_for():
    # blaming others for not supporting X favours X; criticising them for backing X is against X; praise keeps the sign
    each_stance(["I blame the voters for not supporting Dorn."], ("favor",), "Jan Dorn", PEOPLE)
    each_stance(["I criticized the party for backing Dorn."], ("against",), "Jan Dorn", PEOPLE)
    each_stance(["I praised the party for backing Dorn."], ("favor",), "Jan Dorn", PEOPLE)
    # an act that blames its own agent is not passed on: criticising Dorn for attacking Smith is against Dorn
    each_stance(["I criticize Dorn for attacking Smith."], ("against",), "Jan Dorn", PEOPLE)


def test_agreeing_with_the_target_is_favour():
    each_stance(["I agree with Dorn on trade.", "I agree absolutely with Dorn.", "I agree once again with Dorn."],
                ("favor",), "Jan Dorn", PEOPLE)


def test_what_is_said_of_a_targets_people_is_not_said_of_it():
    # the possessor of people ("X's supporters", "X's in-laws") is not what a cue about those people evaluates
    each_stance(["He is friendly with Dorn's Jewish in-laws.", "I have criticized Dorn's supporters for their tone.",
                 "Dorn's supporters are violent thugs."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
    # a possessed act or policy is the possessor's
    each_stance(["I have criticized Dorn's policies for years."], ("against",), "Jan Dorn", PEOPLE)


def test_a_pronoun_of_the_other_sex_is_someone_else():
    # "him" cannot stand for a woman named before it: backing him is no support of her
    each_stance(["Delegates should consider dropping Ana Smith and backing him."], ("none", "(no row)"), "Ana Smith",
                PEOPLE)
    each_stance(["I support Ana Smith and I am backing her all the way."], ("favor",), "Ana Smith", PEOPLE)


def test_what_is_yet_to_be_done_and_others_feelings():
    # "has yet to endorse": no endorsement; "as enthusiastic about X as": the subject's feeling
    each_stance(["He has yet to endorse Dorn.", "The suburbs have been as enthusiastic about Dorn as about Smith."],
                ("none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["I am as enthusiastic about Dorn as ever."], ("favor",), "Jan Dorn", PEOPLE)



def test_the_reviews_probes():
    # the forty-fourth session's review: near-misses of its rules, read as a careful reader would (sentences written
    # by the reviewer for the starting and the final code)
    each_stance(["I was criticized by the party for supporting Dorn.", "They mocked us for backing Dorn.",
                 "Critics have blasted me for defending Dorn.",   # the speaker judged: the speaker's own support
                 "I admire Dorn's family values.", "I admire Dorn's team spirit.",  # a people noun as a modifier
                 "I wish Dorn every success.", "Dorn has had great success in cutting crime.", "It's a success for Dorn.",
                 "We built support for Dorn across the state.", "We teachers support Dorn.", "We as teachers support Dorn.",
                 "I and many other teachers support Dorn.",
                 "Dorn's reforms were a stunning success."],  # the second review's probes from here
                ("favor",), "Jan Dorn", PEOPLE)
    each_stance(["Dorn participated in the attack on the convoy.", "Dorn was the mastermind of the attack.",
                 "Rarely had we seen a leader as corrupt as Dorn.", "No one is as critical of Dorn as I am.",
                 "Dorn's corruption could cost us the election if we are not careful.",
                 "I oppose Dorn's family separation policy."], ("against",), "Jan Dorn", PEOPLE)
    # a denied judgment passes nothing on; I think others name the group
    each_stance(["I never criticized anyone for backing Dorn.", "I think the delegation supports Dorn."],
                ("favor", "none", "(no row)"), "Jan Dorn", PEOPLE)
    each_stance(["I think the delegation supports Dorn."], ("none", "(no row)"), "Jan Dorn", PEOPLE)
