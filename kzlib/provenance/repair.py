"""Learning spinner substitutions nobody listed, from the corpus itself (:class:`SpinRepairer`)."""

from __future__ import annotations

import dataclasses
import difflib
import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from kzlib.errors import ParameterError
from kzlib.provenance.copies import _align_share
from kzlib.provenance.features import _STOP, _WORDS, _sentence_features, _sentences, _stem, _text
from kzlib.provenance.phrases import _count_phrases, _phrase_count_part, _phrase_index, _spellings
from kzlib.provenance.spin import _apply, _compile, _Compiled, _narration_spun, _validate, spin_table

__all__ = ["SpinRepairer"]

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|\d[\d,./:]*\d|\d|[^\w\s]")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_BEFORE_DETERMINER = r"\s+(?!(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my)\b)[A-Za-z]"
_DETERMINERS = frozenset({"the", "a", "an", "of", "for", "to", "in", "at", "on", "by", "with", "from", "this", "that"})
_CONNECTORS = frozenset({"of", "for", "and", "de", "in"})


# --- learning substitutions nobody listed -----------------------------------------------------------

_SPAN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|[^\sA-Za-z]+")


_SPAN_TOKENS = re.compile(r"[A-Za-z][A-Za-z'’]*|[^\sA-Za-z-]+|-")
_SPAN_TOKENS_AND_LINES = re.compile(rf"{_SPAN_TOKENS.pattern}|\n")
# two capitalised words with only spaces, hyphens and connectors between: a sentence without it has no span
_CAPS_PAIR = re.compile(r"[A-Z][A-Za-z'’]*[\s-]+(?:(?:of|for|and|de|in)(?:['’]s?)?[\s-]+)*[A-Z]")


@functools.lru_cache(maxsize=1 << 16)
def _span_role(token: str) -> tuple[int, str]:
    """What a token of ``_SPAN_TOKENS`` is to a name span, and the word without its possessive ending:
    1 a capitalised word, 2 a connector (of, for, ...), 3 a hyphen (skipped), 0 anything else (ends
    the span)."""
    if token == "-":
        return 3, token
    if token[0].isalpha():
        word = _POSSESSIVE.sub("", token)
        if word[0].isupper():
            return 1, word
        if word in _CONNECTORS:
            return 2, word
    return 0, token


# a run of tokens of _SPAN_TOKENS that can make a span, from its first capitalised word (ASCII) to the
# token before the first that ends it: capitalised words, connectors and hyphens, with white space other
# than a line break between, and a second capitalised word (a run with one name word makes no span).
# Each word is matched whole (possessive quantifiers: a word is all the letters and apostrophes there are)
_RUN_WORD = r"[A-Z][A-Za-z'’]*+"
_RUN_NEXT = rf"[^\S\n]*+(?:{_RUN_WORD}|(?:of|for|and|de|in)(?:['’]s?)?(?![A-Za-z'’])|-)"
_NAME_RUN = re.compile(rf"{_RUN_WORD}(?:[^\S\n]*+(?:(?:of|for|and|de|in)(?:['’]s?)?(?![A-Za-z'’])|-))*+"
                       rf"[^\S\n]*+{_RUN_WORD}(?:{_RUN_NEXT})*+")
# a letter beyond ASCII: _span_role reads a token of such letters ("Ö" of "Österreich") as a word too
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _has_other_letter(text: str) -> bool:
    """Whether ``text`` has a letter beyond ASCII (``_OTHER_LETTER``): read off its distinct characters
    beyond ASCII (an English text's few curly quotation marks and dashes), found by a range check, where
    the letter class reads every character's Unicode category (three times the time).

    Example:
        >>> _has_other_letter("“Österreich”"), _has_other_letter("“Austria” – 2022")
        (True, False)
    """
    return not text.isascii() and _OTHER_LETTER.search("".join(set(_NOT_ASCII.findall(text)))) is not None


def _caps_spans(text: str) -> list[list[str]]:
    """Runs of capitalised words (with of/for/and/de/in inside), hyphenated words split: name-like spans.

    A run ends at a sentence break too; the tokens of the whole text are those of its _sentences,
    with a line break as a token that ends a run (a break after . ! or ? follows a token that ends
    one anyway, and the quote it may start with is no word).

    Example:
        >>> _caps_spans("Officials of the Collective Security Treaty Organization met. Mr Putin's aide")
        [['Collective', 'Security', 'Treaty', 'Organization'], ['Mr', 'Putin']]
    """
    if _has_other_letter(text):
        return _caps_spans_by_token(text)
    # the runs :func:`_caps_spans_by_token` finds, looked up by a regular expression (in C) rather than
    # by reading every token: a run starts at a capitalised word that starts a token (not "Bay" of "eBay")
    spans: list[list[str]] = []
    pos = 0
    while (m := _NAME_RUN.search(text, pos)) is not None:
        start = m.start()
        before = start
        while before and text[before - 1] in "'’":
            before -= 1
        if before and text[before - 1] in _ASCII_LETTERS:     # inside a word: no token starts here
            pos = start + 1
            continue
        kept = _RUN_SPANS.get(found := m.group())
        if kept is None:
            kept = _run_span(found)
            if len(_RUN_SPANS) < _RUN_SPANS_MAX:
                _RUN_SPANS[found] = kept
        if kept:
            spans.append(list(kept))
        pos = m.end()
    return spans


#: The span each run of :data:`_NAME_RUN` gives (empty: none), remembered for the first
#: :data:`_RUN_SPANS_MAX` distinct runs (names recur; ~500 bytes each with their words: at most ~16 MB).
_RUN_SPANS: dict[str, tuple[str, ...]] = {}
_RUN_SPANS_MAX = 1 << 15


def _run_span(run_text: str) -> tuple[str, ...]:
    """The name span one run of :data:`_NAME_RUN` gives (:func:`_end_run` of its name words and
    connectors), empty where it gives none."""
    run: list[str] = []
    for role, word in map(_span_role, _SPAN_TOKENS.findall(run_text)):
        if role == 1 or role == 2:
            run.append(word)
    kept: list[list[str]] = []
    _end_run(run, kept)
    return tuple(kept[0]) if kept else ()


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _caps_spans_by_token(text: str) -> list[list[str]]:
    """:func:`_caps_spans`, reading every token of the text."""
    spans: list[list[str]] = []
    if not _CAPS_PAIR.search(text):
        return spans
    run: list[str] = []
    for role, word in map(_span_role, _SPAN_TOKENS_AND_LINES.findall(text)):
        if role == 1:
            run.append(word)
        elif role == 2:
            if run:
                run.append(word)
        elif role == 0 and run:
            _end_run(run, spans)
            run = []
    if run:
        _end_run(run, spans)
    return spans


def _end_run(run: list[str], spans: list[list[str]]) -> None:
    """Keep a run of two name words or more, less the connectors it ends with (it starts with a name)."""
    while run[-1] in _CONNECTORS:
        run.pop()
    if len(run) >= 2:
        spans.append(run)


def _span_key(span: Sequence[str], i: int) -> tuple:
    """Up to two name words either side of position ``i``, and whether they reach the span's edges."""
    return tuple(span[max(0, i - 2):i]), tuple(span[i + 1:i + 3]), i < 2, len(span) - 1 - i < 2


def _similar(a: str, b: str) -> bool:
    """Spelling or transliteration variants (Tileuberdi / Tlebardi), which are not spinner swaps."""
    from rapidfuzz import fuzz

    a, b = a.lower(), b.lower()
    if a.startswith(b) or b.startswith(a):
        return False
    return fuzz.ratio(a, b) >= 70


def _used_alone(texts: Iterable[str], words: set[str]) -> set[str]:
    """Those of ``words`` (capitalised) some text uses alone in mid-sentence -- after a comma or a
    lower-case word, before a lower-case word -- as a surname is used."""
    out: set[str] = set()
    for text in texts:
        if not any(w in text for w in words - out):
            continue
        for sent in _sentences(text):
            tokens = sent.split()
            for prev, w, nxt in zip(tokens, tokens[1:], tokens[2:]):
                if (w in words and _CAPITALISED.fullmatch(w) and nxt[0].islower() and nxt not in _CONNECTORS
                        and (prev[-1] in ",;:\"”" or (prev[0].islower() and prev not in _DETERMINERS))):
                    out.add(w)
    return out


_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_NO_COUNTS: Counter = Counter()      # read only: the counts of a context no story has


def _tokens(sentence: str) -> list[str]:
    return _TOKEN.findall(sentence.translate(_QUOTES))


@dataclasses.dataclass
class SpinRepairer:
    """Learn spinner substitutions from a corpus, beyond the phrase table, and repair spun text.

    ``fit(texts, spun=..., stories=...)`` reads each document's (table-de-spun) body text, which
    documents are spun, and which are copies of one story. It learns two kinds of substitution, each a
    row of the phrase-table format (``learned_``, with ``mechanism`` and ``evidence`` columns):

    - **names and fixed phrases** (``mechanism="name-context"``): a capitalised word of a spun copy that
      the clean documents (or the gazetteer names) never write in that context, where they write
      another word with the same neighbours ("Ned Worth" / "Ned Price", "Moscow State College" /
      "Moscow State University"); spelling variants (Tileuberdi / Tlebardi) are left alone;
    - **gazetteer variants** (``mechanism="gazetteer"``, from ``variants``): two names of one actor
      that differ by dissimilar words ("Ned Worth" / "Ned Price"), the clean text using only one;
    - **aligned copies** (``mechanism="aligned-copy"``): a word or short phrase that an aligned
      sentence of a clean copy of the same story writes otherwise between the same neighbours, kept
      when the corpus's frequencies show it is the spinner's swap: the spun word is over-used in spun
      text (``min_ratio`` times its clean rate, seen at least ``min_count`` times) and the clean word
      is under-used there (the spinner replaced it everywhere), and the same swap is seen at
      ``min_aligned`` aligned positions at least (once may be the translator's paraphrase).

    ``transform(text)`` applies table and learned rows (learned rows only to spun text).

    Example:
        >>> texts = pd.Series({"s": "State Division spokesperson Ned Worth spoke. Worth spoke again.",
        ...                    "c": "State Department spokesman Ned Price said. Price said it twice."})
        >>> r = SpinRepairer().fit(texts, spun=pd.Series({"s": True, "c": False}))
        >>> r.transform("Ned Worth spoke.", spun=True)
        'Ned Price spoke.'
    """

    table: pd.DataFrame | None = None
    gazetteer: tuple[str, ...] = ()
    min_count: int = 2
    min_ratio: float = 4.0
    max_phrase: int = 3
    max_refs: int = 3
    min_aligned: int = 2
    variants: tuple[tuple[str, str], ...] = ()

    def fit(self, texts: pd.Series, *, spun: pd.Series, stories: pd.Series | None = None,
            raw: pd.Series | None = None, extra_reference: Iterable[str] = (), engine: str = "pandas",
            scheduler: Any = None, npartitions: int | str | None = None) -> SpinRepairer:
        """Learn substitutions from ``texts`` (indexed by doc_id; table-de-spun body text), ``spun``
        (bool per doc_id) and ``stories`` (story_id per doc_id; ``None``: no aligned copies). ``raw``
        is the text before any repair (default ``texts``); ``extra_reference`` is more clean text
        (captions, titles) used only as reference for names. The swaps between aligned copies are found
        per partition of whole stories, and the swapped phrases counted per partition of documents
        (``engine``, ``scheduler``, ``npartitions``: see :func:`kzlib.engine.map_partitions_by_document`);
        what is learnt does not depend on the engine."""
        raw = texts if raw is None else raw.reindex(texts.index).fillna("")
        base = spin_table() if self.table is None else self.table
        self.table_ = base
        spun = spun.reindex(texts.index).fillna(False).astype(bool)
        spun_ids = sorted(spun[spun].index)
        clean_ids = sorted(spun[~spun].index)
        known = {re.sub(r"\s+", " ", a.lower()) + "\t" + b.lower() for a, b in zip(base["spun"], base["original"])}
        gaz_tokens = {t for name in self.gazetteer for t in re.findall(r"[A-Za-z][A-Za-z'’]*", name)}
        rows: list[dict] = []
        for spun_form, original in self.variants:
            rows.append({"spun": spun_form, "original": original, "scope": "spun", "left": "", "right": "",
                         "case": "exact", "mechanism": "gazetteer", "story": "",
                         "source": "learned: the actor gazetteer lists both forms; the clean text uses only the original",
                         "evidence": f"gazetteer: '{spun_form}' and '{original}' name one actor"})
        if spun_ids and (clean_ids or self.gazetteer):
            engine_kw = {"engine": engine, "scheduler": scheduler, "npartitions": npartitions}
            # the aligned copies' swaps are found first: the pass over the clean texts that counts their
            # name contexts then counts the swapped phrases in them too (one reading of each clean text)
            swaps = self._kept_swaps(texts, spun_ids, clean_ids, stories, gaz_tokens, engine_kw) \
                if stories is not None else []
            phrases = {x for _, s_, c_, _ in swaps for x in (s_, c_)}
            name_rows, clean_phrases = self._learn_names(texts, raw, spun_ids, clean_ids, stories, list(extra_reference),
                                                         gaz_tokens, engine_kw, phrases=phrases)
            rows += name_rows
            if swaps:
                rows += self._learn_aligned(swaps, texts, spun_ids, clean_phrases, engine_kw)
        learned = pd.DataFrame(rows, columns=["spun", "original", "scope", "left", "right", "case", "source",
                                              "mechanism", "story", "evidence", "in_table"])
        if len(learned):
            pairs = learned["spun"].str.lower() + "\t" + learned["original"].str.lower()
            learned["in_table"] = pairs.isin(known)
            learned = (learned.sort_values(["mechanism", "story", "spun", "original", "left", "right"])
                       .drop_duplicates(["story", "spun", "original", "left", "right"]).reset_index(drop=True))
        self.learned_ = learned
        self._cache: dict[str, tuple[_Compiled, _Compiled | None]] = {}
        self._learned_cache: dict[str, _Compiled | None] = {}
        self._learned_valid: pd.DataFrame | None = None
        self._own_rows = set(learned["story"]) - {""} if len(learned) else set()
        log.info("SpinRepairer: learned %d substitutions (%d not in the phrase table)",
                 len(learned), int((~learned["in_table"]).sum()) if len(learned) else 0)
        return self

    # names ------------------------------------------------------------------------------------------
    def _learn_names(self, texts, raw, spun_ids, clean_ids, stories, extra, gaz_tokens, engine_kw, *,
                     phrases: Iterable[str] = ()) -> tuple[list[dict], tuple[Counter, int]]:
        """The name-context rows, and how often ``phrases`` occur in the clean documents (their words,
        :func:`~kzlib.provenance.phrases._phrase_counts`), counted in the same pass."""
        from kzlib.engine import map_partitions_by_document

        ref: dict[tuple, Counter] = defaultdict(Counter)
        story_ref: dict[tuple, Counter] = defaultdict(Counter)
        clean_caps: Counter = Counter()
        story_of = stories.to_dict() if stories is not None else {}
        sources = [(d, texts[d]) for d in clean_ids] + [("", t) for t in extra]
        # the contexts asked about are those of the spun documents' name spans: only they are counted in
        # the clean text (a clean span sharing no word with them has none), and per story only in the
        # stories of spun documents
        spun_spans = {d: _caps_spans(_text(texts[d])) for d in spun_ids}
        wanted = {_span_key(span, i) for spans in spun_spans.values() for span in spans for i in range(len(span))}
        spun_words = {tok for spans in spun_spans.values() for span in spans for tok in span}
        spun_stories = {story_of.get(d) for d in spun_ids} if stories is not None else set()

        # the clean texts' name contexts and words, counted per partition of them (an extra text is a key
        # of its own, before the documents) and added up: what is learnt does not depend on the order
        text_story = [story_of.get(d) for d in clean_ids] if stories is not None else [None] * len(clean_ids)
        frame = pd.DataFrame({"doc_id": [f"\x00{i:09d}" for i in range(len(extra))] + list(clean_ids),
                              "text": [*extra, *(t for _, t in sources[:len(clean_ids)])],
                              "story": [None] * len(extra) + [s if s is not None and s in spun_stories else None
                                                              for s in text_story],
                              "document": [False] * len(extra) + [True] * len(clean_ids)})
        counted = map_partitions_by_document(frame, _name_counts_part, wanted=wanted, spun_words=spun_words,
                                             phrases=frozenset(phrases), **engine_kw)
        del frame
        n_clean = 0
        phrase_counts: Counter = Counter()
        n_phrase_words = 0
        for what, key, story, word, n in zip(counted["what"].tolist(), counted["key"].tolist(),
                                             counted["story"].tolist(), counted["word"].tolist(),
                                             counted["n"].tolist()):
            if what == "ref":
                ref[key][word] += n
                if story is not None:
                    story_ref[(key, story)][word] += n
            elif what == "word":
                clean_caps[word] += n
            elif what == "phrase":
                phrase_counts[word] += n
            elif what == "document words":
                n_phrase_words += n
            else:
                n_clean += n
        del counted
        for g in self.gazetteer:
            span = re.findall(r"[A-Za-z][A-Za-z'’]*", g)
            if spun_words.isdisjoint(span):
                continue
            for i, tok in enumerate(span):
                if (key := _span_key(span, i)) in wanted:
                    ref[key][tok] += 1
        spun_caps: Counter = Counter()
        n_spun = 0
        for d in spun_ids:
            toks = _WORDS.findall(_text(raw[d]))
            n_spun += len(toks)
            spun_caps.update(toks)
        spun_caps = Counter({t: n for t, n in spun_caps.items() if t[0].isupper()})

        def removed(word: str) -> bool:   # the spinner replaced this word wherever it occurred
            return spun_caps[word] <= 1 or spun_caps[word] / max(n_spun, 1) <= 0.5 * clean_caps[word] / max(n_clean, 1)

        found = []
        for d in spun_ids:
            story = story_of.get(d) if stories is not None else None
            for span in spun_spans[d]:
                for i, tok in enumerate(span):
                    if (tok in _CONNECTORS or tok.isupper() or tok in gaz_tokens or len(tok) < 3
                            or clean_caps[tok] > 0):
                        continue
                    key = _span_key(span, i)
                    cands = ref.get(key)
                    if not cands:
                        continue
                    local = story_ref.get((key, story), _NO_COUNTS)
                    ranked = sorted(cands, key=lambda c: (-local[c], -cands[c], c))
                    best = ranked[0]
                    if len(ranked) > 1 and (local[ranked[1]], cands[ranked[1]]) == (local[best], cands[best]):
                        continue              # ambiguous
                    if best in _CONNECTORS or best.lower() == tok.lower() or _similar(tok, best) or not removed(best):
                        continue
                    found.append((d, tok, key, best, cands[best]))

        # a surname the clean text also uses alone (asked only about the words that need it)
        alone = _used_alone((_text(t) for _, t in sources), {best for _, _, key, best, _ in found if not key[1]})
        out = []
        seen: set[tuple] = set()
        for d, tok, key, best, n_best in found:
            left_toks, right_toks = key[0], key[1]
            left = (r"\b" + r"[\s-]+".join(map(re.escape, left_toks)) + r"[\s-]+$") if left_toks else ""
            right = (r"[\s-]+" + r"[\s-]+".join(map(re.escape, right_toks)) + r"\b") if right_toks else ""
            if best in alone and not right_toks:
                left = ""             # a surname the clean text also uses alone: repair it alone too
            row_key = (tok, best, left, right)
            if row_key in seen:
                continue
            seen.add(row_key)
            out.append({
                "spun": tok, "original": best, "scope": "spun", "left": left, "right": right,
                "case": "exact", "mechanism": "name-context", "story": "",
                "source": "learned: clean documents write another word between the same name words",
                "evidence": f"{d}: '{' '.join([*left_toks, tok, *right_toks])}' vs clean "
                            f"'{' '.join([*left_toks, best, *right_toks])}' (x{n_best}); "
                            f"'{best}' {spun_caps[best]}x in spun / {clean_caps[best]}x in clean text",
            })
        return out, (phrase_counts, n_phrase_words)

    # aligned copies ---------------------------------------------------------------------------------
    def _kept_swaps(self, texts, spun_ids, clean_ids, stories, gaz_tokens, engine_kw) -> list[tuple]:
        """(story, spun phrase, clean phrase, where it was seen) of the swaps between aligned copies that
        the rules needing no corpus frequency keep."""
        from kzlib.engine import map_partitions_by_document

        # the swaps seen between each spun document and the first clean copies of its story, per story
        story_of = {d: stories.get(d, d) for d in (*spun_ids, *clean_ids)}
        spun_set = set(spun_ids)
        spun_stories = {story_of[d] for d in spun_ids}
        members = [d for d in (*spun_ids, *clean_ids) if story_of[d] in spun_stories]
        frame = pd.DataFrame({"doc_id": members, "story": [story_of[d] for d in members],
                              "text": [texts[d] for d in members], "spun": [d in spun_set for d in members]})
        swaps = map_partitions_by_document(frame, _aligned_swaps, key="story", max_refs=self.max_refs,
                                           max_phrase=self.max_phrase, **engine_kw)
        found: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
        for story, s_phrase, c_phrase, where, after in zip(swaps["story"], swaps["spun_phrase"],
                                                           swaps["clean_phrase"], swaps["where"], swaps["after"]):
            found[(story, s_phrase, c_phrase)].append((where, after))
        # the swaps the rules that need no corpus frequency keep
        kept = []
        for (story, s, c), seen in sorted(found.items()):
            s_words, c_words = s.split(), c.split()
            if len(seen) < self.min_aligned:
                continue              # a swap the spinner made once may be the translator's paraphrase
            if any(ws[0] in _STOP or ws[-1] in _STOP for ws in (s_words, c_words)):
                continue              # function words at the edge: grammar of the translation, not a swap
            if _stem(s_words[-1])[:4] == _stem(c_words[-1])[:4]:
                continue              # inflection (bringing / bring), not a synonym
            if any(w.title() in gaz_tokens for w in s_words) or _similar(s, c):
                continue
            kept.append((story, s, c, seen))
        return kept

    def _learn_aligned(self, kept, texts, spun_ids, clean_phrases, engine_kw) -> list[dict]:
        """The aligned-copy rows: the swaps ``kept`` (:meth:`_kept_swaps`) whose spun phrase is over-used
        in the spun text and whose original is under-used there; ``clean_phrases``: how often the phrases
        occur in the clean documents, and their words (:meth:`_learn_names` counts them)."""
        from kzlib.engine import map_partitions_by_document

        def rate_ratio(phrase: str) -> float:
            return ((spun_counts[phrase] + 0.5) / n_spun) / ((clean_counts[phrase] + 0.5) / n_clean)

        # corpus frequencies of their phrases (n-grams of the spun text, per partition of the spun documents,
        # added up; those of the clean text were counted with its name contexts)
        phrases = {x for _, s_, c_, _ in kept for x in (s_, c_)}
        frame = pd.DataFrame({"doc_id": list(spun_ids), "text": [texts[d] for d in spun_ids],
                              "spun": [True] * len(spun_ids)})
        counted = map_partitions_by_document(frame, _phrase_count_part, phrases=phrases, **engine_kw)
        del frame
        spun_counts: Counter = Counter()
        clean_counts, n_clean = clean_phrases
        n_spun = 0
        for spun, phrase, n in zip(counted["spun"].tolist(), counted["phrase"].tolist(), counted["n"].tolist()):
            if phrase:
                spun_counts[phrase] += n
            elif spun:
                n_spun += n
        del counted
        if not n_spun or not n_clean:
            return []
        out = []
        for story, s, c, seen in kept:
            where = [w for w, _ in seen]
            if spun_counts[s] < self.min_count or rate_ratio(s) < self.min_ratio:
                continue
            if clean_counts[c] < 1 or rate_ratio(c) > 1.0 / self.min_ratio:
                continue
            # seen only before content words ("inside contradictions"): not before a determiner ("inside the")
            right = _NOT_BEFORE_DETERMINER if all(a.isalpha() and a not in _STOP for _, a in seen) else ""
            out.append({
                "spun": s, "original": c, "scope": "spun", "left": "", "right": right, "case": "any",
                "mechanism": "aligned-copy", "story": story,
                "source": "learned: aligned copy of the same story; spun form over-used in spun text, "
                          "original under-used there",
                "evidence": f"{len(where)} aligned position(s) ({', '.join(sorted(set(where)))}); spun '{s}' "
                            f"{spun_counts[s]}x in spun / {clean_counts[s]}x in clean text; original '{c}' "
                            f"{spun_counts[c]}x / {clean_counts[c]}x",
            })
        return out

    def _compiled(self, story: str | None) -> tuple[_Compiled, _Compiled | None]:
        """(table + learned rows, learned rows only) for a story: name rows everywhere, aligned-copy rows
        only in the story whose copies taught them."""
        if not hasattr(self, "learned_"):
            raise ParameterError("SpinRepairer is not fitted: call fit(texts, spun=...) first")
        key = story or ""
        if key not in self._cache:
            lr = self.learned_
            # rows the table also lists are applied too: only where the table's context did not match
            lr = lr[(lr["story"] == "") | (lr["story"] == key)] if len(lr) else lr
            cols = list(self.table_.columns)
            learned = _compile(lr[cols]) if len(lr) else None
            self._cache[key] = (_compile(pd.concat([self.table_, lr[cols]], ignore_index=True)) if len(lr)
                                else _compile(self.table_), learned)
        return self._cache[key]

    def _learned_only(self, story: str | None) -> _Compiled | None:
        """The learned rows for a story, compiled once; stories that taught no rows of their own share
        the rows every spun document gets."""
        if not hasattr(self, "learned_"):
            raise ParameterError("SpinRepairer is not fitted: call fit(texts, spun=...) first")
        key = story if story and story in self._own_rows else ""
        if key not in self._learned_cache:
            lr = self.learned_
            if not len(lr):
                self._learned_cache[key] = None
                return None
            if self._learned_valid is None:
                # the learned rows checked once (_compile would check each story's again: the check is per
                # row, so a story's rows of the checked table are those it would give)
                self._learned_valid = _validate(lr[list(self.table_.columns)], "given as a DataFrame")
            at = np.flatnonzero(((lr["story"] == "") | (lr["story"] == key)).to_numpy())
            self._learned_cache[key] = (_Compiled(self._learned_valid.iloc[at].reset_index(drop=True)) if len(at)
                                        else None)
        return self._learned_cache[key]

    def transform(self, text: str, *, spun: bool, story: str | None = None, quotes: bool | None = None) -> str:
        """Repair ``text`` if ``spun`` (a text not judged spun is returned as it is): table rows and
        learned rows (those learned from aligned copies only for ``story``). Inside quotation marks only
        ``always`` rows apply unless ``quotes`` (None: the text outside the quotation marks is judged
        spun on its own by the table, see :func:`kzlib.provenance.despin`)."""
        both, _ = self._compiled(story)
        if not spun:
            return text
        if quotes is None:
            table = _compile(self.table_)
            quotes = _narration_spun(text, table.find(text, spun=True))
        return _apply(text, both.find(text, spun=True, quotes=quotes))

    def repair_learned(self, text: str, *, story: str | None = None, quotes: bool = True) -> tuple[str, int]:
        """Apply only the learned rows (to text the table has already repaired); returns (text, n).
        ``quotes=False`` leaves the words inside quotation marks as they are."""
        learned = self._learned_only(story)
        if learned is None:
            return text, 0
        found = learned.find(text, spun=True, quotes=quotes)
        return _apply(text, found), len(found)


def _name_counts_part(frame: pd.DataFrame, *, wanted: set[tuple], spun_words: set[str],
                      phrases: frozenset[str] = frozenset()) -> pd.DataFrame:
    """What :meth:`SpinRepairer._learn_names` reads off clean texts (``frame``: ``doc_id``, ``text``,
    ``story``: the story, where it is one of a spun document's, else None; optionally ``document``: the
    text is a clean document, not a caption or title), one row per count: ``what`` "ref" (a name word
    ``word`` seen ``n`` times in the context ``key`` of a spun span, in ``story``), "word" (a capitalised
    word seen ``n`` times), "total" (``n`` words in all), and for the documents "phrase" (one of
    ``phrases`` seen ``n`` times as :func:`~kzlib.provenance.phrases._phrase_counts` counts it) and
    "document words" (their ``n`` words)."""
    # the name spans are counted first, per story, and each distinct span's contexts read once after
    # (names recur: at 3,000 generated documents 54,481 spans, 9,479 distinct ones per partition and story)
    spans: Counter = Counter()
    words: Counter = Counter()
    n_words = 0
    by_first = _phrase_index(phrases)
    spellings = _spellings(by_first)
    phrase_counts: Counter = Counter()
    n_doc_words = 0
    documents = frame["document"].tolist() if "document" in frame.columns else [False] * len(frame)
    for text, story, document in zip(frame["text"].tolist(), frame["story"].tolist(), documents):
        text = _text(text)
        spans.update([(tuple(span), story) for span in _caps_spans(text)])
        toks = _WORDS.findall(text)          # every word counted (in C), the capitalised ones kept after
        n_words += len(toks)
        words.update(toks)
        if document:
            n_doc_words += len(toks)
            if by_first:
                _count_phrases(toks, by_first, phrase_counts, spellings)
    counts: Counter = Counter()
    for (span, story), n in spans.items():
        if spun_words.isdisjoint(span):
            continue
        for i, tok in enumerate(span):
            if (key := _span_key(span, i)) in wanted:
                counts[(key, story, tok)] += n
    rows = [("ref", key, story, tok, n) for (key, story, tok), n in counts.items()]
    rows += [("word", None, None, w, n) for w, n in words.items() if w[0].isupper()]
    rows.append(("total", None, None, "", n_words))
    rows += [("phrase", None, None, p, n) for p, n in phrase_counts.items()]
    rows.append(("document words", None, None, "", n_doc_words))
    return pd.DataFrame(rows, columns=["what", "key", "story", "word", "n"])


def _diff_pairs(a: list[str], b: list[str], *, max_phrase: int) -> Iterable[tuple[str, str, str]]:
    """(spun phrase, clean phrase, the word after) of each replacement of at most ``max_phrase`` words
    between two equal runs of the aligned sentences' tokens ``a`` and ``b``."""
    la = [t.lower() for t in a]
    lb = [t.lower() for t in b]
    ops = difflib.SequenceMatcher(a=la, b=lb, autojunk=False).get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or k == 0 or k == len(ops) - 1:
            continue
        if ops[k - 1][0] != "equal" or ops[k + 1][0] != "equal":
            continue
        if not (1 <= i2 - i1 <= max_phrase and 1 <= j2 - j1 <= max_phrase):
            continue
        left, right = la[i1 - 1], la[i2]
        if not (left[0].isalpha() or right[0].isalpha()):
            continue
        sa, sb = la[i1:i2], lb[j1:j2]
        if not all(t[0].isalpha() for t in sa + sb):
            continue
        yield " ".join(sa).replace("’", "'"), " ".join(sb).replace("’", "'"), right


def _aligned_swaps(frame: pd.DataFrame, *, max_refs: int, max_phrase: int) -> pd.DataFrame:
    """The swaps between each spun document of ``frame`` (``doc_id``, ``story``, ``text``, ``spun``; whole
    stories) and the first ``max_refs`` clean copies of its story (by ``doc_id``): one row per swap seen,
    with its ``story``, ``spun_phrase``, ``clean_phrase``, ``where`` ("spun~clean") and ``after`` (the word
    after it)."""
    rows = []
    ref_sents: dict[str, tuple[list[str], list[frozenset[str]]]] = {}
    by_story: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for d, story, text, spun in zip(frame["doc_id"], frame["story"], frame["text"], frame["spun"]):
        if not spun:
            by_story[story].append((d, text))
    for d, story, text, spun in zip(frame["doc_id"], frame["story"], frame["text"], frame["spun"]):
        if not spun:
            continue
        refs = sorted(by_story.get(story, []))[:max_refs]
        s_sents = _sentences(_text(text))
        s_feats = [_sentence_features(x) for x in s_sents]
        for r, r_text in refs:
            if r not in ref_sents:    # a clean copy is the reference of every spun copy of its story
                r_sents = _sentences(_text(r_text))
                ref_sents[r] = (r_sents, [_sentence_features(x) for x in r_sents])
            r_sents, r_feats = ref_sents[r]
            _, pairs = _align_share(s_feats, r_feats)
            for i, j, _sim in pairs:
                if s_sents[i] == r_sents[j]:
                    continue          # the same sentence: no swap in it
                for s_phrase, c_phrase, after in _diff_pairs(_tokens(s_sents[i]), _tokens(r_sents[j]),
                                                             max_phrase=max_phrase):
                    rows.append((story, s_phrase, c_phrase, f"{d}~{r}", after))
    return pd.DataFrame(rows, columns=["story", "spun_phrase", "clean_phrase", "where", "after"])
