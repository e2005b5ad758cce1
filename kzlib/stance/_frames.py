"""Reported speech inside a quote (private to :mod:`kzlib.stance.rules`): the frames after which a quote's words are
someone else's, not the speaker's own. After a third party's verb of saying or thinking ("Some claim that the troops
are an occupation", "many Republicans think X is a disaster") the words are relayed (``reported_factor``); after a verb
of distancing ("claim", "allege"), a distancing adverb opening a sentence ("Allegedly, …") or a frame of disbelief ("it
is unbelievable that …", "there is no evidence that …") the speaker disputes them (``distancing_factor`` < 0 reverses
them); a negated verb of thinking ("voters don't think X is honest") relays the negated view; a noun of saying with its
that-clause ("Clinton's comment that …", ``report_nouns``) relays the clause. Each frame reaches to its sentence's end or
to a contrast the speaker sets against it (:func:`_reach`). Split from ``rules.py`` (forty-second session)."""

from __future__ import annotations

import re

from kzlib.stance.lexicon import _Lexicon

__all__: list[str] = []

_NEGATED_REPORT = " (reported, negated)"  # the note of a negated verb of thinking's frame
_REPORTED_SPEAKERS = frozenset({"they", "they've"})  # the speakers of an indirect report, mostly ("they think …")
_PLURAL_THINKING = frozenset({"think", "believe"})  # their verbs of thinking, whose frame is then their own view
#: a clause after a verb of thinking: a finite auxiliary or copula within six words ("think | X is a disaster")
_CLAUSE_AHEAD_RE = re.compile(r"\s+(?:[\w'’.-]+\s+){0,5}?(?:is|are|was|were|will|would|can|could|should|has|have|had|must|"
                              r"might|may|does|did|do|isn['’]t|aren['’]t|wasn['’]t|won['’]t|can['’]t|doesn['’]t|"
                              r"[a-z]{2,}ed|lied)\b", re.I)  # or a past tense ("think X lied", "believe Y meddled")


def _relayed(factor: float, note: str) -> bool:
    """Whether a contribution at ``factor`` with ``note`` (of ``reported``) is someone else's view: reported, or reported
    negated ("voters don't think X is honest"); not the speaker's own (1.0) nor one the speaker disputes.

    >>> _relayed(0.2, " (reported)"), _relayed(-0.2, " (reported, negated)"), _relayed(-0.5, " (reported, disputed)")
    (True, True, False)
    """
    return 0 < factor < 1 or note == _NEGATED_REPORT


#: a contrast the speaker sets against what is reported: the clause after it is the speaker's own; or another clause with
#: a subject of its own after ", and" or a bare "but" ("…, and Smith is a liar", "… but I know that …")
_CONTRAST_RE = re.compile(r"(?:[,;]|\s[-–—])\s*(?i:but|yet|however|whereas)\b|;"
                          r"|,\s*(?:and|while)\s+(?=(?:I|we|you|he|she|they)\b|[A-Z])|\s+but\s+(?=(?:I|we|you|he|she|they)\b|[A-Z])")
#: after a noun's "that": the speaker's own clause ("a promise that we would …"), or a relative clause whose verb has the
#: noun as its object ("the comments that X made", "the promises that X gave")
_RELATIVE_AFTER_RE = re.compile(r"\s+(?:(?:I|we)\b|(?:[\w.'’-]+\s+){1,3}?(?:made|make|makes|gave|give|gives|offered|issued|"
                                r"delivered|wrote|uttered|repeated|broke|kept|voiced|posted|tweeted)\b"
                                # its object gapped: punctuation or a clause's next word after the verb, not an object
                                # ("accusations that his backers made threats": a content clause)
                                r"(?=\s*(?:[,.;:!?)\"”]|$)|\s+(?:is|are|was|were|has|have|had|in|on|at|to|about|during|"
                                r"last|this|yesterday|earlier|and|but|or|as|when|after|before|while|would|will)\b))")


def _report_frames(text: str, sents: list[tuple[int, int]], lex: _Lexicon, *,
                   writer_marks: bool = False) -> list[tuple[int, int, float, str]]:
    """The frames of reported speech in ``text``: (frame end, its reach's end, factor, note) per frame, the words from
    the frame's end to its reach relayed at the factor with the note. ``writer_marks``: an indirect report, whose
    "they think" is the speakers' own.

    >>> from kzlib.stance.lexicon import _new_lexicon, _sentences
    >>> from kzlib.stance.targets import Target, load_stance_cues
    >>> lex = _new_lexicon([Target("X", aliases=("X",))], load_stance_cues())
    >>> t = "Critics say X is a threat, but we see a partner. Voters don't think Y is honest."
    >>> [(t[a:b], f, n) for a, b, f, n in _report_frames(t, _sentences(t), lex)]
    [(' X is a threat', 0.2, ' (reported)'), (' Y is honest.', -0.2, ' (reported, negated)')]
    >>> t = "There is no evidence that X lied. His comment that Y is weak is odd."
    >>> [(t[a:b], f, n) for a, b, f, n in _report_frames(t, _sentences(t), lex)]
    [(' X lied.', -0.5, ' (reported, disputed)'), (' Y is weak is odd.', 0.2, ' (reported)')]
    """
    frames: list[tuple[int, int, float, str]] = []  # (frame end, sentence end, factor, note)
    for a, b in (sents if lex.report_verb_re.search(text) else ()):  # no verb of saying: no frame
        fm = lex.report_re.search(text, a, b)
        plural = (fm.group("say") or "").lower() in _PLURAL_THINKING if fm is not None else False
        if fm is not None and not (plural and ((writer_marks and fm.group("who").lower() in _REPORTED_SPEAKERS) or (
                not fm.group(0).lower().endswith("that") and not _CLAUSE_AHEAD_RE.match(text, fm.end())))):
            # not "they think" in an indirect report (the speakers'), nor "think"/"believe" with an object ("voters
            # don't believe X's lies"): a view relayed is a clause
            factor = lex.params["distancing_factor"] if fm.group("distance") else lex.params["reported_factor"]
            negated = bool(fm.group("neg") and fm.group("say"))  # "voters don't think X is honest": the view negated
            note = _NEGATED_REPORT if negated else " (reported, disputed)" if factor < 0 else " (reported)"
            # what is reported runs to the sentence's end, or to a contrast the speaker sets against it ("Critics say
            # X is a threat, but we see a partner": the clause after "but" is the speaker's own)
            frames.append((fm.end(), _reach(text, fm.end(), b), -factor if negated else factor, note))
    # the adverb of a verb of distancing opening a sentence ("Allegedly, …"): the rest of it is disputed
    for a, b in (sents if lex.distancing_word_re.search(text) else ()):  # no such adverb: no sentence to look at
        opener = lex.distancing_opener_re.match(text, a, b)
        if opener is not None:
            frames.append((opener.end(), b, lex.params["distancing_factor"], " (reported, disputed)"))
    # a frame of disbelief ("it is unbelievable that …"): the rest of the sentence, or up to a contrast, is disputed
    for a, b in (sents if lex.disbelief_re.search(text) else ()):  # no such frame: no sentence to look at
        found = lex.disbelief_re.search(text, a, b)
        if found is not None:
            frames.append((found.end(), _reach(text, found.end(), b), lex.params["distancing_factor"],
                           " (reported, disputed)"))
    # a noun of saying with its that-clause ("Clinton's comment that …", "the claim that …"): relayed, to a contrast; last,
    # so that a frame of disbelief around it wins ("no evidence for the claim that …"); not a relative clause ("the
    # comments that X made") nor the speaker's own ("a promise that we would …")
    for a, b in (sents if lex.report_noun_re.search(text) else ()):
        for noun in lex.report_noun_re.finditer(text, a, b):
            if not _RELATIVE_AFTER_RE.match(text, noun.end()):
                frames.append((noun.end(), _reach(text, noun.end(), b), lex.params["reported_factor"], " (reported)"))
    return frames


def _reach(text: str, start: int, end: int) -> int:
    """Where a frame that opens at ``start`` stops relaying: at a contrast the speaker sets against it ("…, but we see a
    partner": the clause after "but" is the speaker's own), else at ``end`` (its sentence's end).

    >>> t = "Critics say X is a threat, but we see a partner."
    >>> t[11:_reach(t, 11, len(t))]
    ' X is a threat'
    >>> t = "No proof that X is corrupt but Smith is a disgrace, and I say so."
    >>> t[13:_reach(t, 13, len(t))]
    ' X is corrupt'
    """
    contrast = _CONTRAST_RE.search(text, start, end)
    return contrast.start() if contrast else end
