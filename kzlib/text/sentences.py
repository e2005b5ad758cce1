"""Sentence splitting: NLTK Punkt trained on the corpus (English and other Latin-script text) and razdel
(Russian), both giving ``(start, end, sentence)`` spans of the text.

Example:
    >>> [s for _, _, s in sentence_spans("Токаев выступил. Он заявил, что т.е. всё.", language="ru")]
    ['Токаев выступил.', 'Он заявил, что т.е. всё.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from kzlib.errors import ParameterError

__all__ = ["NO_BREAK_AFTER", "SENTENCE_BREAK", "SentenceSplitter", "abbreviations", "razdel_sentences",
           "rule_sentence_spans", "sentence_spans"]

Span = tuple[int, int, str]


class SentenceSplitter:
    """NLTK Punkt trained on the corpus itself plus kzlib's abbreviation list (no downloads).

    Punkt learns abbreviations, collocations and sentence starters from ``max_train_chars`` characters
    at most: an evenly spread, deterministic sample of a larger corpus (every k-th text). 500,000
    characters (~80 news articles) give its statistics; more only adds training time.

    Example:
        >>> s = SentenceSplitter().fit(["Mr. Blinken spoke to the U.S. press on Jan. 7. He left."])
        >>> [t for _, _, t in s.spans("Mr. Smith met U.S. officials on Jan. 7. Then he left.")]
        ['Mr. Smith met U.S. officials on Jan. 7.', 'Then he left.']
    """

    def __init__(self, *, max_train_chars: int = 500_000, abbreviations: list[str] | None = None) -> None:
        self.max_train_chars = max_train_chars
        self.abbreviations = abbreviations

    def fit(self, texts: list[str]) -> SentenceSplitter:
        """Train Punkt on ``texts`` (a deterministic sample of them past ``max_train_chars``); returns self."""
        from nltk.tokenize.punkt import PunktTrainer

        trainer = PunktTrainer(token_cls=_fast_token())
        trainer.INCLUDE_ALL_COLLOCS = False
        budget, step = self.max_train_chars, 1
        total = sum(len(t) for t in texts)
        if total > budget:  # a deterministic, evenly spread sample of the corpus
            step = -(-total // budget)
        trainer.train("\n\n".join(texts[::step]), finalize=True)
        params = trainer.get_params()
        abbrevs = self.abbreviations if self.abbreviations is not None else abbreviations()
        params.abbrev_types.update(abbrevs)
        self.tokenizer_ = _memo_punkt()(params)
        ends = "".join(self.tokenizer_._lang_vars.sent_end_chars)
        self._sentence_end = re.compile(f"[{re.escape(ends)}]")
        return self

    @property
    def fitted(self) -> bool:
        """Whether :meth:`fit` has been called."""
        return hasattr(self, "tokenizer_")

    def spans(self, text: str) -> list[Span]:
        """(start, end, sentence) for each sentence of ``text``."""
        if not self.fitted:
            raise ParameterError("this SentenceSplitter is not trained: call .fit(texts) first")
        end_char = self._sentence_end.search(text)
        if end_char is None or end_char.start() == len(text) - 1:
            # Punkt's candidate breaks are sentence-end characters with something after them: with none,
            # it gives the whole text without trailing blanks (a third of news paragraphs)
            end = len(text.rstrip())
            return [(0, end, text[:end])] if end else []
        return [(s, e, text[s:e]) for s, e in self.tokenizer_.span_list(text)]


#: Distinct candidate contexts whose sentence-break decision a tokenizer remembers (~100 bytes each).
_PUNKT_MEMO_MAX = 300_000


def _memo_punkt() -> type:
    """``_MemoPunkt``: NLTK's ``PunktSentenceTokenizer`` that remembers its decision for each candidate break.

    Punkt decides whether a candidate ("said. The", "Jan. 7") ends a sentence from that short context
    alone, with parameters fixed once trained; news repeats the same contexts, so each distinct one is
    decided once (the first :data:`_PUNKT_MEMO_MAX` of them). The class is made on first use (importing
    NLTK takes ~0.4 s) and kept as the module attribute ``_MemoPunkt``, where serialisation finds it (a Dask
    worker gets it through the module's ``__getattr__``).
    """
    cls = globals().get("_MemoPunkt")
    if cls is not None:
        return cls
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    class _MemoPunkt(PunktSentenceTokenizer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("token_cls", _fast_token())
            super().__init__(*args, **kwargs)
            self._decisions: dict[str, bool] = {}

        def _tokenize_words(self, plaintext: str) -> Iterator[Any]:
            """NLTK's ``_tokenize_words``, its word pattern called directly (not through nltk.redos)."""
            words = self._lang_vars._word_tokenizer_re()
            findall = getattr(words, "_rx", words).findall
            parastart = False
            for line in plaintext.split("\n"):
                if line.strip():
                    line_toks = iter(findall(line))
                    try:
                        tok = next(line_toks)
                    except StopIteration:
                        continue
                    yield self._Token(tok, parastart=parastart, linestart=True)
                    parastart = False
                    for tok in line_toks:
                        yield self._Token(tok)
                else:
                    parastart = True

        def text_contains_sentbreak(self, text: str) -> bool:
            decision = self._decisions.get(text)
            if decision is None:
                decision = super().text_contains_sentbreak(text)
                if len(self._decisions) < _PUNKT_MEMO_MAX:
                    self._decisions[text] = decision
            return decision

        def span_list(self, text: str) -> list[tuple[int, int]]:
            """``list(self.span_tokenize(text))``, without its chain of generators (the same steps:
            NLTK's ``_match_potential_end_contexts``, ``_slices_from_text`` and ``_realign_boundaries``
            written out over (start, stop) pairs, and NLTK's own patterns called directly)."""
            period, realign = _punkt_patterns(self)
            breaks: list[tuple[int, int]] = []          # the sentences before realignment
            last_break = 0
            prev: Any = None                            # the previous candidate and its word's slice
            prev_start = prev_stop = 0
            plain = text.isprintable()   # no tab, line break or form feed (control characters): " " only
            for match in period.finditer(text):
                start = match.start()
                # the start of the word before the candidate (NLTK's _get_last_whitespace_index: ASCII
                # white space; one at the slice's first character counts as none)
                space = text.rfind(" ", prev_stop, start) if plain else \
                    max(text.rfind(c, prev_stop, start) for c in _ASCII_SPACE)
                word_start = space + 1 if space > prev_stop else prev_start
                if prev is not None and prev_stop <= word_start:
                    last_break = self._break_at(text, prev, prev_start, prev_stop, last_break, breaks)
                prev, prev_start, prev_stop = match, word_start, start
            if prev is not None:
                last_break = self._break_at(text, prev, prev_start, prev_stop, last_break, breaks)
            breaks.append((last_break, len(text.rstrip())))
            out: list[tuple[int, int]] = []
            shift = 0
            for k, (a, b) in enumerate(breaks):
                a += shift
                if k + 1 == len(breaks):
                    if b > a:
                        out.append((a, b))
                    break
                c, d = breaks[k + 1]
                m = realign.match(text[c:d])
                if m:
                    out.append((a, c + len(m.group(0).rstrip())))
                    shift = m.end()
                else:
                    shift = 0
                    if b > a:
                        out.append((a, b))
            return out

        def _break_at(self, text: str, match: Any, word_start: int, word_stop: int, last_break: int,
                      breaks: list[tuple[int, int]]) -> int:
            """NLTK's ``_slices_from_text`` step for one candidate: a sentence ends at ``match`` when
            Punkt decides so for its context; returns where the next sentence starts."""
            context = text[word_start:word_stop] + match.group() + match.group("after_tok")
            if not self.text_contains_sentbreak(context):
                return last_break
            breaks.append((last_break, match.end()))
            return match.start("next_tok") if match.group("next_tok") else match.end()

        def __getstate__(self) -> dict[str, Any]:
            return {**self.__dict__, "_decisions": {}}   # what one process learnt is not shipped

    _MemoPunkt.__module__, _MemoPunkt.__qualname__ = __name__, "_MemoPunkt"
    globals()["_MemoPunkt"] = _MemoPunkt
    return _MemoPunkt


#: Distinct tokens whose Punkt type (lower case, numbers as "##number##") is remembered (~150 bytes each).
_TOKEN_TYPES_MAX = 100_000

_ASCII_SPACE = " \t\n\r\x0b\x0c"    # string.whitespace, what NLTK's _get_last_whitespace_index looks for


def _punkt_patterns(tokenizer: Any) -> tuple[Any, Any]:
    """(candidate breaks, realignment) patterns of a Punkt tokenizer: NLTK's own, compiled by NLTK with the
    ``regex`` module, taken from behind its time-limit wrapper where it has one (both are linear)."""
    lang = tokenizer._lang_vars
    return getattr(lang.period_context_re(), "_rx", lang.period_context_re()), \
        getattr(lang.re_boundary_realignment, "_rx", lang.re_boundary_realignment)


def _fast_token() -> type:
    """``_FastToken``: NLTK's ``PunktToken`` with its patterns called directly rather than through NLTK's
    time-limit wrapper (``nltk.redos``; the same compiled patterns, all linear): a third of the cost of
    a Punkt decision or of training. Made on first use and kept as the module attribute ``_FastToken``
    (see :func:`_memo_punkt`)."""
    cls = globals().get("_FastToken")
    if cls is not None:
        return cls
    from nltk.tokenize.punkt import PunktToken

    def bare(pattern: Any) -> Any:
        return getattr(pattern, "_rx", pattern)

    types: dict[str, str] = {}   # a token's type, worked out once per distinct token

    class _FastToken(PunktToken):
        __slots__ = ()
        _RE_ELLIPSIS = bare(PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = bare(PunktToken._RE_NUMERIC)
        _RE_INITIAL = bare(PunktToken._RE_INITIAL)
        _RE_ALPHA = bare(PunktToken._RE_ALPHA)

        def _get_type(self, tok: str) -> str:
            """NLTK's ``PunktToken._get_type`` (lower case, a number as "##number##"), worked out once per
            distinct token (the first :data:`_TOKEN_TYPES_MAX` of them)."""
            kind = types.get(tok)
            if kind is None:
                kind = self._RE_NUMERIC.sub("##number##", tok.lower())
                if len(types) < _TOKEN_TYPES_MAX:
                    types[tok] = kind
            return kind

    _FastToken.__module__, _FastToken.__qualname__ = __name__, "_FastToken"
    globals()["_FastToken"] = _FastToken
    return _FastToken


def __getattr__(name: str) -> Any:
    if name == "_MemoPunkt":   # unpickling a fitted SentenceSplitter in a fresh process
        return _memo_punkt()
    if name == "_FastToken":
        return _fast_token()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    """The abbreviations (lower case, without their final dot) that :class:`SentenceSplitter` adds to what
    Punkt learns: ``kzlib/data/abbreviations.txt``.

    Example:
        >>> "gen" in abbreviations()
        True
    """
    lines = resources.files("kzlib.data").joinpath("abbreviations.txt").read_text("utf-8").splitlines()
    return tuple(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def razdel_sentences(text: str) -> list[Span]:
    """(start, end, sentence) of each sentence of a Russian text (razdel).

    Example:
        >>> [s for _, _, s in razdel_sentences("Токаев выступил. Он заявил, что т.е. всё.")]
        ['Токаев выступил.', 'Он заявил, что т.е. всё.']
    """
    from razdel import sentenize

    return [(s.start, s.stop, s.text) for s in sentenize(text or "")]


@lru_cache(maxsize=1)
def _untrained_splitter() -> SentenceSplitter:
    """Punkt with kzlib's abbreviations and nothing learnt from a corpus (for :func:`sentence_spans`)."""
    return SentenceSplitter().fit([])


def sentence_spans(text: str, *, language: str | None = None,
                   splitter: SentenceSplitter | None = None) -> list[Span]:
    """(start, end, sentence) of each sentence of ``text``: razdel for Russian (``language`` starting
    with "ru", or none given and most letters Cyrillic), else ``splitter`` (a fitted
    :class:`SentenceSplitter`; by default Punkt with kzlib's abbreviation list and no corpus training).

    Example:
        >>> [s for _, _, s in sentence_spans("Gen. Zas met Mr. Price in the U.S. on Jan. 7. He left.")]
        ['Gen. Zas met Mr. Price in the U.S. on Jan. 7.', 'He left.']
        >>> [s for _, _, s in sentence_spans("Он прибыл в 10 ч. утра. Встреча прошла.", language="ru")]
        ['Он прибыл в 10 ч. утра.', 'Встреча прошла.']
    """
    from kzlib.text.tokens import is_russian

    if is_russian(text or "", language=language):
        return razdel_sentences(text)
    if splitter is not None and not splitter.fitted:
        raise ParameterError("sentence_spans(splitter=...) needs a fitted SentenceSplitter: call .fit(texts) "
                             "first, or leave splitter=None")
    return (splitter or _untrained_splitter()).spans(text or "")


# --- a rule-based splitter: no training, for stages that cut sentences inside one paragraph ----------

#: Words (and any capital letter: an initial) after whose full stop no sentence ends.
NO_BREAK_AFTER = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "St", "Jr", "Sr", "Lt", "Col", "Capt", "Sgt",
                  "Prof", "Rev", "Mt", "Ft", "No", "Adm", "Maj", "Brig", "Cpl", "Pvt", "Det", "Amb", "Fr", "Msgr",
                  "Hon", "Rt", "Supt", "[A-Z]")
#: A sentence break: a sentence-final mark (. ! ? …) not after :data:`NO_BREAK_AFTER`, an optional closing
#: quote, blanks (group 1: the quote and blanks), and a capital (Latin or Cyrillic) or digit, possibly after
#: an opening quote or bracket, next. Opening with a character class, it is searched for at C speed.
SENTENCE_BREAK = re.compile(r"[.!?…]" + "".join(rf"(?<!\b{a}\.)" for a in NO_BREAK_AFTER)
                            + r"((?:[\"”’»]|'')?\s+)(?=(?:[\"“«‘(]|'')?[A-ZА-Я0-9])")


def rule_sentence_spans(text: str) -> list[Span]:
    """(start, end, sentence) of the sentences of ``text`` cut at each :data:`SENTENCE_BREAK` (the blanks
    after a break belong to the sentence before it; nothing is stripped). No training and no corpus: the
    splitter of stages that cut one paragraph at a time (quotes).

    Example:
        >>> [s for _, _, s in rule_sentence_spans("Gen. Zas spoke to J. Smith. “No,” he said! Then: 3 left.")]
        ['Gen. Zas spoke to J. Smith. ', '“No,” he said! ', 'Then: 3 left.']
    """
    cuts = [0, *(m.end() for m in SENTENCE_BREAK.finditer(text)), len(text)]
    return [(a, b, text[a:b]) for a, b in zip(cuts, cuts[1:]) if b > a]
