"""Quotations with speaker attribution: direct, indirect and interview speech, plus scare quotes.

``extract_quotes`` reads the analysable paragraphs of each document in order and produces the
``quotes`` table of DESIGN.md. It finds

- direct quotes in straight, curly and guillemet marks, tolerant of unbalanced or wrongly-oriented
  marks, nested quotes, and quotes that run over several paragraphs (a paragraph that ends inside a
  quote continues when the next one opens with a quote mark);
- their attribution before or after the quote ("X said", "said X", "he added", "the ministry said
  Thursday", "according to X", "X told Newsweek that ..."), with pronouns resolved to the last named
  speaker, titles ("the Secretary") to the last actor holding that title, and a quote-within-a-quote
  source kept in ``cited`` ("citing Stoltenberg, Blinken said ...");
- indirect speech ("X said that ...", "X accused Washington of ...", "According to X, ...", and the
  inverted "..., the Secretary said Blinken");
- interview answers that open with a dash, with the interviewer's marked questions (``"SP": –``) kept
  as ``question`` rows and the answerer named by a trailing "– says <role> <Name>";
- a naming verb's quoted complement ('X called the protesters "terrorists"'), the speaker's partial quotation:
  a report of X, ending where X does something else ('... "terrorists" and vowed ...');
- scare quotes and short fragments no one is said to have spoken, kept as ``fragment`` rows (not speech);
- embedded posts (tweets) the cleaner labelled ``post``: their words as ``post`` rows, their author the speaker
  (``posts``: :func:`find_posts` reads them from raw text).

The quoted words are always cited from ``paragraphs.text`` (the source); when provenance has de-spun
the text (``text_despun``), the attribution around each quote is read from the de-spun paragraph,
aligned quote by quote.

Example:
    >>> import pandas as pd
    >>> p = pd.DataFrame({"doc_id": ["d"], "para_id": [0], "kind": ["body"],
    ...                   "text": ['"We will act," Blinken said.']})
    >>> extract_quotes(p)[["quote", "speaker", "kind"]].values.tolist()
    [['We will act,', 'Antony Blinken', 'direct']]

The stage is a package: ``marks`` (quotation marks, sentences, the table's columns), ``cues`` (speech
cues), ``speakers`` (document state, pronouns), ``subject`` (the subject of a speech verb), ``direct``
(attribution of direct quotes), ``mentions`` (open-world actor mentions), ``reported`` (indirect
speech), ``extract`` (the English extractor), ``plausible`` (the last check on a speaker: words that name
none), ``linking`` (one person's names across documents), ``russian`` (the Russian extractor, also reached
through :mod:`kzlib.russian`), ``posts`` (embedded posts, any language) and ``evaluate`` (voice counts, gold
matching).
"""

from __future__ import annotations

from kzlib.quotes.evaluate import evaluate_quotes, match_gold, voice_counts
from kzlib.quotes.extract import extract_quotes
from kzlib.quotes.linking import link_speakers, speaker_variants
from kzlib.quotes.marks import QUOTE_COLUMNS, QUOTE_KINDS, SPEECH_KINDS
from kzlib.quotes.posts import Post, find_posts, post_quotes

__all__ = ["extract_quotes", "evaluate_quotes", "match_gold", "voice_counts", "link_speakers", "speaker_variants",
           "QUOTE_COLUMNS", "SPEECH_KINDS", "QUOTE_KINDS", "Post", "find_posts", "post_quotes"]
