"""kzlib: research notebooks on the news coverage of the January 2022 unrest in Kazakhstan.

Load and clean a news corpus, find copies of one story, and analyse who said what, with which
stance, on which topics, and when. See README.md and docs/DESIGN.md.
"""

from kzlib.clean import PARAGRAPH_KINDS, SentenceSplitter, analysable, classify_paragraphs, clean, split_paragraphs
from kzlib.corpus import Corpus, corpus_fingerprint, detect_language, load_corpus, load_metadata, seeds_dir
from kzlib.errors import CorpusError, KzlibError, ParameterError
from kzlib.report import save_figure, save_table, show_table
from kzlib.study import prepare

__version__ = "0.1.0"

__all__ = [
    "PARAGRAPH_KINDS", "Corpus", "CorpusError", "KzlibError", "ParameterError", "SentenceSplitter", "analysable",
    "classify_paragraphs", "clean", "corpus_fingerprint", "detect_language", "load_corpus", "load_metadata",
    "prepare", "save_figure", "save_table", "seeds_dir", "show_table", "split_paragraphs",
]
