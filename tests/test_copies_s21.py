"""Session 21 review, defects 4 and 18: false copies (formula sentences with other numbers, a follow-up with new
facts, shared calendar words only, a "Related:" link list) and small cleaning misses.

Every text below is written for these tests (invented companies, people and places); the expected values are
read off the texts: which sentences report the same facts, which lines are a link list.
"""

from __future__ import annotations

import pandas as pd

from kzlib.provenance import find_copies
from kzlib.provenance.copies import _align_share, _follow_up, _story_names
from kzlib.provenance.features import _numbers, _numbers_differ, _sentence_features, _sentences

# two unrelated dividend notices written in the same formula: alike word for word, different facts
NOTICE_A = ("Brackwater Tools Corp. cut its quarterly dividend to four cents a share from nine cents. "
            "The reduced dividend is payable Jan. 4 to stock of record Dec. 12. "
            "The maker of garden shears said it cut the dividend because of a third-quarter loss of $2.3 million. "
            "A year earlier the company reported net income of $1.4 million, or 17 cents a share.")
NOTICE_B = ("Felling Mills Inc. raised its quarterly dividend to six cents a share. "
            "The raised dividend is payable Jan. 7 to stock of record Nov. 20. "
            "The textile company said it raised the dividend after a third-quarter profit of $5.8 million. "
            "A year earlier the company reported net income of $3.9 million, or 22 cents a share.")

# an article and its follow-up three days later: the same offer, new deadline and new share counts
FIRST = ("Harlow Media extended its $24-a-share offer for Quillon Data until Nov. 14. "
         "The offer, worth about $410 million for the 40% of Quillon that Harlow does not own, had been set to "
         "expire Nov. 10. "
         "Harlow said about 31,000 shares have been tendered. "
         "Quillon's independent directors have rejected the offer as too low. "
         "Quillon shares closed at $25.50 in Toronto trading. "
         "Quillon sells weather data to shipping firms.")
LATER = ("Harlow Media extended its $24-a-share offer for Quillon Data until Nov. 21. "
         "The offer, worth about $410 million for the 40% of Quillon that Harlow does not own, had been set to "
         "expire Nov. 14. "
         "Harlow said about 2.6 million shares have been tendered. "
         "Quillon's independent directors have rejected the offer as too low. "
         "Quillon shares closed at $24.75 in Toronto trading. "
         "Quillon sells weather data to shipping firms.")
# a copy of FIRST that rewords it and leaves some numbers out: still the same facts
COPY = ("Harlow Media has extended its offer of $24 a share for Quillon Data until Nov. 14. "
        "The offer, worth some $410 million for the 40% of Quillon Harlow does not already own, had been due to "
        "expire Nov. 10. "
        "Harlow said that about 31,000 shares had been tendered so far. "
        "The independent directors of Quillon rejected the offer as too low. "
        "Quillon stock closed at $25.50 in trading in Toronto. "
        "Quillon sells weather data to shipping companies.")


def _pairs(texts: dict[str, str]) -> list[list[str]]:
    return find_copies(pd.Series(texts))[["doc_a", "doc_b"]].values.tolist()


def test_numbers_of_a_sentence_include_the_last_digit_before_its_full_stop():
    assert _numbers(_sentence_features("It had been set to expire Nov. 6.")) == {"#6"}
    assert _numbers(_sentence_features("Sales rose to $52.4 million from 1,050 in the 1990s.")) == {"#52.4", "#1050"}


def test_numbers_differ_only_when_each_sentence_has_a_number_the_other_lacks():
    assert _numbers_differ(frozenset({"#4", "#12"}), frozenset({"#7", "#20"}))
    assert not _numbers_differ(frozenset({"#24"}), frozenset({"#24", "#410", "#40"}))    # a paraphrase leaves one out
    assert not _numbers_differ(frozenset(), frozenset({"#24"}))                          # one has none


def test_no_sentence_break_between_a_month_abbreviation_and_its_day():
    assert _sentences("It is payable Jan. 4 to stock of record Dec. 12. The company said so.") == [
        "It is payable Jan. 4 to stock of record Dec. 12.", "The company said so."]


def test_sentences_alike_but_for_their_numbers_do_not_align():
    a = [_sentence_features("The reduced dividend is payable Jan. 4 to stock of record Dec. 12.")]
    b = [_sentence_features("The raised dividend is payable Jan. 7 to stock of record Nov. 20.")]
    conflicts: list = []
    share, pairs = _align_share(a, b, conflicts=conflicts)
    assert (share, pairs, len(conflicts)) == (0.0, [], 1)


def test_two_formula_notices_are_not_copies():
    assert _pairs({"a": NOTICE_A, "b": NOTICE_B}) == []


def test_a_follow_up_with_new_numbers_is_not_a_copy_but_a_reworded_copy_is():
    assert _pairs({"first": FIRST, "later": LATER}) == []
    assert _pairs({"first": FIRST, "copy": COPY}) == [["copy", "first"]]


def test_follow_up_needs_several_number_conflicts():
    assert _follow_up(3, 2)
    assert not _follow_up(3, 1)          # one conflict: a corrected figure or a dateline
    assert not _follow_up(60, 3)         # a long copy with a few changed figures


def test_calendar_words_alone_do_not_tell_a_story():
    assert _story_names(["dec", "friday", "jan"]) == []
    assert _story_names(["jan", "quillo"]) == ["quillo"]


# --- cleaning (defect 18) ---------------------------------------------------------------------------

def _kinds(paras: list[str], title: str = "") -> list[str]:
    from kzlib.clean import classify_paragraphs

    return classify_paragraphs(paras, title=title)["kind"].tolist()


def test_a_related_link_list_is_furniture_and_the_article_after_it_is_not():
    paras = ["The council met on Monday and voted on the budget after a long debate.",
             '"Related:"',
             "Mayor Scores Direct Hit On Rival In Budget Fight.",
             "Council Votes To Delay The Transit Plan Again",
             "The vote was seven to two, and the plan now goes back to committee."]
    assert _kinds(paras) == ["body", "boilerplate", "boilerplate", "boilerplate", "body"]


def test_a_link_list_alone_is_all_furniture():
    links = '"Related:"\n\nMayor Scores Direct Hit On Rival In Budget Fight.\n\nCouncil Votes To Delay The Transit Plan'
    kinds = _kinds(links.split("\n\n"))
    assert kinds == ["boilerplate", "boilerplate", "boilerplate"]
    # a related-posts plugin's heading at the foot of a page
    assert _kinds(["Port strike ends", "The strike ended on Friday after a deal on pay was signed.", "Related Post",
                   "Leave a comment"]) == ["title", "body", "boilerplate", "boilerplate"]


def test_a_one_letter_first_line_is_no_headline_and_the_title_line_is():
    title = "Grief in the valley. How the spring floods began and ended"
    paras = ["G", title, "The river rose in the night. By morning the lower town was under water."]
    assert _kinds(paras, title=title) == ["boilerplate", "title", "body"]


def test_a_section_label_above_the_known_headline_is_furniture():
    title = "Port workers strike over pay"
    assert _kinds(["BUSINESS", title, "Dock workers walked out on Tuesday, the union said."], title=title) == [
        "boilerplate", "title", "body"]


def test_a_wire_contributor_line_is_a_credit_and_makes_no_caption():
    paras = ["The minister resigned on Friday after a week of protests in the capital.",
             "He had served in the post since 2015.",
             "(Reporting by Jane Roe; Writing by John Doe; Editing by Ann Poe)"]
    assert _kinds(paras) == ["body", "body", "credit"]


def test_a_short_line_without_a_full_stop_above_a_photo_caption_is_part_of_the_caption():
    paras = ["Port workers strike over pay",
             "Dock workers walked out on Tuesday, the union said, and ships waited offshore.",
             "Empty cranes at the harbour",
             "Cranes stand idle at the harbour during the strike in Riga, Latvia.",
             "(Jane Roe / Associated Press)",
             "The strike is the first at the port in ten years, the union said."]
    assert _kinds(paras) == ["title", "body", "caption", "caption", "credit", "body"]


def test_documents_that_share_only_calendar_names_are_not_copies():
    a = ("Officials of Brackwater Tools said on Monday that the board will meet in March. "
         "The board will review the dividend policy at that meeting. The firm makes garden shears for shops.")
    b = ("Officials of Felling Mills said on Monday that the board will meet in March. "
         "The board will review the dividend policy at that meeting. The firm makes cotton cloth for shops.")
    assert _pairs({"a": a, "b": b}) == []
    # the same two texts naming the same firm are copies
    assert _pairs({"a": a, "b": b.replace("Felling Mills", "Brackwater Tools")}) == [["a", "b"]]
