"""kzlib: research notebooks on the news coverage of the January 2022 unrest in Kazakhstan.

Load and clean a news corpus, find the copies of one story and repair spun text, and analyse who
said what, with which stance towards whom, in which words, on which topics, and when. See README.md
and docs/DESIGN.md.

Example:
    >>> import kzlib
    >>> corpus = kzlib.prepare()                        # the bundled seeds: load, clean, provenance
    >>> quotes = kzlib.extract_quotes(corpus.paragraphs, documents=corpus.documents)  # doctest: +SKIP
"""

from kzlib.actors import Actor, Gazetteer, Mention, NameSpan, find_mentions, find_names
from kzlib.clean import PARAGRAPH_KINDS, SentenceSplitter, analysable, classify_paragraphs, clean, split_paragraphs
from kzlib.corpus import Corpus, corpus_fingerprint, detect_language, load_corpus, load_metadata, seeds_dir
from kzlib.despin import SPIN_THRESHOLD, despin, spin_matches, spin_score, spin_table
from kzlib.errors import (
    AnnotationError,
    CorpusError,
    KzlibError,
    ParameterError,
    ResourceError,
    TableError,
    require_columns,
)
from kzlib.framing import check_fightin_words, fightin_words, naming_families, speaker_groups
from kzlib.preparation import prepare
from kzlib.provenance import (
    VERSIONS,
    SpinRepairer,
    annotate,
    change_rate,
    detect_versions,
    find_copies,
    learned_substitutions,
    repair_examples,
    similarity_matrix,
    story_features,
)
from kzlib.quotes import (
    QUOTE_COLUMNS,
    QUOTE_KINDS,
    SPEECH_KINDS,
    evaluate_quotes,
    extract_quotes,
    match_gold,
    voice_counts,
)
from kzlib.report import save_figure, save_table, show_table
from kzlib.stance import (
    AnnotationRound,
    CombinedStanceClassifier,
    RuleStanceClassifier,
    StanceClassifier,
    agreement,
    annotation_round,
    combine_stance,
    detect_stance,
    export_annotation_sheet,
    import_annotation_sheet,
    krippendorff_alpha,
    load_targets,
    outlet_stance,
    speaker_profiles,
    summarise_stance,
)
from kzlib.stance import evaluate as evaluate_stance
from kzlib.study import Study, open_study
from kzlib.timeline import (
    build_events,
    check_dates,
    chronology,
    events_in_window,
    extract_dates,
    publication_window,
    to_timeml,
)
from kzlib.topics import (
    TopicModel,
    TopicPlan,
    TopicVectorizer,
    npmi_coherence,
    plan_topics,
    select_k,
    topic_agreement,
    topic_prevalence,
)

__version__ = "0.1.0"

__all__ = [
    # corpus and cleaning
    "Corpus", "PARAGRAPH_KINDS", "SentenceSplitter", "analysable", "classify_paragraphs", "clean",
    "corpus_fingerprint", "detect_language", "load_corpus", "load_metadata", "prepare", "seeds_dir",
    "Study", "open_study",
    "split_paragraphs",
    # provenance
    "SPIN_THRESHOLD", "SpinRepairer", "VERSIONS", "annotate", "change_rate", "despin", "detect_versions",
    "find_copies", "learned_substitutions", "repair_examples", "similarity_matrix", "spin_matches", "spin_score",
    "spin_table", "story_features",
    # actors and quotes
    "Actor", "Gazetteer", "Mention", "NameSpan", "find_names", "QUOTE_COLUMNS", "QUOTE_KINDS", "SPEECH_KINDS", "evaluate_quotes",
    "extract_quotes", "find_mentions", "match_gold", "voice_counts",
    # stance and framing
    "AnnotationRound", "CombinedStanceClassifier", "RuleStanceClassifier", "StanceClassifier", "agreement", "annotation_round", "combine_stance",
    "detect_stance", "evaluate_stance", "krippendorff_alpha",
    "check_fightin_words", "export_annotation_sheet", "fightin_words", "import_annotation_sheet", "load_targets", "naming_families",
    "outlet_stance", "speaker_groups", "speaker_profiles", "summarise_stance",
    # topics
    "TopicModel", "TopicPlan", "TopicVectorizer", "npmi_coherence", "plan_topics", "select_k", "topic_agreement",
    "topic_prevalence",
    # timeline
    "build_events", "check_dates", "chronology", "events_in_window", "extract_dates", "publication_window",
    "to_timeml",
    # reporting and errors
    "CorpusError", "KzlibError", "ParameterError", "TableError", "ResourceError", "AnnotationError",
    "require_columns", "save_figure", "save_table", "show_table",
]
