"""Page furniture found on real news exports (eighteenth session): archive section labels, author-bio lines,
rules, editors' notes and embedded-post markup. The paragraphs are written for the tests."""

from kzlib.clean import classify_paragraphs


def test_archive_labels_bio_lines_rules_notes_and_embeds_are_furniture():
    paras = ["ABSTRACT.", "The council voted on Monday to cut the bus fare by half from next year.", "FULL TEXT.",
             "___.", "Follow Jane Roe on Twitter @janeroe.",
             "Editor’s note: the columnist below has argued many things about the council over the years.",
             '<tweet id="1" author="@someone">The fare cut is a good idea</tweet>.',
             "The mayor said the city could afford it."]
    kinds = classify_paragraphs(paras)["kind"].tolist()
    # (session 22: an embed with an author and text is the author's post, kept as a statement, not furniture)
    assert kinds == ["boilerplate", "body", "boilerplate", "boilerplate", "boilerplate", "boilerplate",
                     "post", "body"]


def test_the_same_words_inside_an_article_stay_text():
    paras = ["The abstract of the study was published on Monday and drew wide attention.",
             "Her editor's note praised the reporters, the mayor said in a long interview.",
             "Letters from residents poured in after the vote."]
    assert classify_paragraphs(paras)["kind"].tolist() == ["body", "body", "body"]


def test_a_sentence_about_social_media_stays_text():
    paras = ["Like others on Facebook, Roe posted a photo.", "Follow the money on Facebook, he said."]
    assert classify_paragraphs(paras)["kind"].tolist() == ["body", "body"]
