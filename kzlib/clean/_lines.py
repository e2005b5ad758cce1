"""Line rules of :mod:`kzlib.clean.paragraphs` (kept apart for the length of that file)."""

from __future__ import annotations

import re

_CAPITALISED_WORD = re.compile(r"[A-Za-zА-Яа-яЁё][\w.'-]*")
_SENTENCE_END = (".", "!", "?")
#: the characters beyond ASCII that Python's ``re.IGNORECASE`` matches to an ASCII letter although they do not
#: lower-case to it: "İ" and "ı" (i), "ſ" (s), the Kelvin sign (k)
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_hold(text: str, needs: tuple[str, ...] | None) -> bool:
    """Whether ``text`` may match a case-insensitive pattern every match of which holds one of the words
    ``needs`` (lower case; None: any text may): False only where ``text`` holds none of them in any case.

    Example:
        >>> _may_hold("FOLLOW her on Twitter @x", ("follow",)), _may_hold("He left.", ("follow",))
        (True, False)
    """
    if needs is None or (not text.isascii() and any(map(text.__contains__, _FOLDS_TO_ASCII))):
        return True
    return any(map(text.lower().__contains__, needs))


def _headline_like(text: str, n_words: int) -> bool:
    """Whether a line reads as a linked story's headline: at most 25 words, and in title case (7 in 10 of its
    words of four letters or more capitalised, two at least) or without a full stop.

    Example:
        >>> _headline_like("Mayor Scores Direct Hit On Rival In Budget Fight.", 9)
        True
        >>> _headline_like("The mayor said the budget would pass in March.", 9)
        False
    """
    if n_words > 25:
        return False
    long_words = [w for w in _CAPITALISED_WORD.findall(text) if len(w) >= 4]
    title_case = len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)
    stripped = text.rstrip()
    return title_case or not stripped.endswith(_SENTENCE_END)


#: the reason of a paragraph that is an embedded post (``kind`` "post"): :func:`kzlib.quotes.post_quotes` reads it
POST_REASON = ("an embedded post by @{handle}{date}: its markup is not the article's text; its words are kept as "
               "the author's statement (a 'post' row of the quotes table)")


def _embedded_post(text: str, before: str) -> tuple[str, bool] | None:
    """Whether a paragraph is wholly an embedded post (:func:`kzlib.quotes.find_posts`): its reason, and whether
    the paragraph ``before`` it (a body paragraph, or "") is the post's text (a signature on a line of its own);
    None when it is no post.

    Example:
        >>> _embedded_post("We act now. — Jane Roe (@janeroe) May 1, 2016", "")[0][:33]
        'an embedded post by @janeroe (201'
        >>> _embedded_post("— Jane Roe (@janeroe) May 1, 2016", "We act now.")[1]
        True
        >>> _embedded_post("He left. Follow Jane Roe (@janeroe) on Twitter.", "") is None
        True
    """
    from kzlib.quotes.posts import find_posts  # noqa: PLC0415 - the quotes package is heavy; most text has no post

    for source, joined in ((text, False), (f"{before}\n{text}", True)) if before else ((text, False),):
        for post in find_posts(source):
            head, tail = source[:post.embed_start], source[post.embed_end:]
            if not _WORD.search(head) and not _WORD.search(tail) and (post.line == 0 or not joined):
                return POST_REASON.format(handle=post.handle, date=f" ({post.date})" if post.date else ""), joined
    return None


_WORD = re.compile(r"\w")
