"""The ``stances`` table: :func:`detect_stance` over a quotes table, and speakers' sides
(:func:`speaker_profiles`)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kzlib.errors import ParameterError, TableError, require_columns
from kzlib.quotes.marks import SPEECH_KINDS
from kzlib.stance._decision import _Contribution, _decide, _evidence
from kzlib.stance._names import _NAME_PREFIX, _find_mentions, _record_speaker, _self_targets
from kzlib.stance._predicates import _HOLDER_NOUNS, _PERSON_HEADS
from kzlib.stance.lexicon import _QUOTE_CHARS, _alternation, _build_lexicon, _Lexicon
from kzlib.stance.rules import _score_text
from kzlib.stance.targets import STANCE_COLUMNS, _coerce_targets, load_stance_cues
from kzlib.text import PatternSet

logger = logging.getLogger(__name__)

_WORD_RE = re.compile(r"\w+")

__all__ = ["speaker_profiles", "detect_stance"]


def _gazetteer_table(gazetteer: Any) -> pd.DataFrame | None:
    """The gazetteer as a table with ``name``, ``type``, ``affiliation``, ``role`` (or None)."""
    if gazetteer is None:
        return None
    if hasattr(gazetteer, "to_frame"):
        gazetteer = gazetteer.to_frame()
    if isinstance(gazetteer, Mapping):
        gazetteer = pd.DataFrame([{"name": k, **(dict(v) if isinstance(v, Mapping) else {"affiliation": v})}
                                  for k, v in gazetteer.items()])
    if not isinstance(gazetteer, pd.DataFrame):
        raise ParameterError(f"gazetteer must be a kzlib.actors.Gazetteer, a DataFrame or a mapping name -> record, "
                             f"got {type(gazetteer).__name__}; load one with kzlib.load_gazetteer")
    key = next((c for c in ("name", "canonical", "actor", "speaker") if c in gazetteer.columns), None)
    if key is None:
        raise TableError("the gazetteer table needs a 'name' (or 'canonical') column of canonical actor names; "
                         "load it with kzlib.load_gazetteer")
    g = gazetteer.rename(columns={key: "name"}).drop_duplicates("name").copy()
    for c in ("type", "affiliation", "role"):
        g[c] = g[c].fillna("").astype(str) if c in g.columns else ""
    return g.set_index("name")


def _words_re(words: Iterable[str], *, prefix: bool = False) -> re.Pattern[str]:
    """Any of ``words`` (case-insensitive) as whole words, or as word beginnings with ``prefix``
    ("professor" in "professors"); one that never matches when there are none."""
    return re.compile(r"(?<!\w)(?:" + _alternation(words, literal=True) + ")" + ("" if prefix else r"(?!\w)"), re.I)


def _group_kind(role: str, typ: str, res: Mapping[str, re.Pattern[str]], media_types: frozenset[str]) -> str:
    """``media``, ``former officials``, ``experts``, ``officials`` or ``others`` for a gazetteer role and type (lower case): the
    first that applies of the rule in ``kzlib/data/stance_cues.yaml`` ("Speaker groups")."""
    if typ in media_types or res["media"].search(role):
        return "media"
    if res["former"].search(role) and res["official"].search(role):
        return "former officials"
    if res["expert"].search(role):
        return "experts"
    if res["official"].search(role):
        return "officials"
    if res["institution"].search(role):
        return "experts"
    return "officials" if typ in ("organisation", "organization", "state", "bloc") else "others"


def _news_reports(quotes: pd.DataFrame, cue_data: Mapping[str, Any]) -> np.ndarray:
    """Per quote, whether it is a news outlet reporting news: its ``speaker_type`` is one of ``media_types`` and its
    ``cue`` one of ``news_report_cues`` (the cue file; any case). False everywhere without those columns.

    Example:
        >>> q = pd.DataFrame({"speaker_type": ["media", "media", "person"], "cue": ["reported", "wrote", "reported"]})
        >>> _news_reports(q, {"media_types": ["media"], "news_report_cues": ["reported"]}).tolist()
        [True, False, False]
    """
    if not {"speaker_type", "cue"} <= set(quotes.columns):
        return np.zeros(len(quotes), dtype=bool)
    media = {str(t).lower() for t in cue_data.get("media_types") or ["media"]}
    verbs = {str(v).lower() for v in cue_data.get("news_report_cues") or ()}
    kind = quotes["speaker_type"].fillna("").astype(str).str.strip().str.lower()
    cue = quotes["cue"].fillna("").astype(str).str.strip().str.lower()
    return (kind.isin(media) & cue.isin(verbs)).to_numpy()


def speaker_profiles(speakers: Iterable[str], *, gazetteer: Any = None,
                     cues: dict[str, Any] | None = None, described: pd.DataFrame | None = None) -> pd.DataFrame:
    """Affiliation, official status, side keys and a group label for each speaker.

    What is known of a speaker comes from the first of: the ``gazetteer``; the bundled Russian gazetteer
    (``kzlib/data/ru/actors.yaml``: actors Russian texts name that the main one lacks, such as Sergei
    Shoigu); ``described``, a table of what the text says of speakers no gazetteer knows (``speaker``,
    ``affiliation``, and optionally ``type`` and ``role``: :func:`kzlib.framing.speaker_groups` passes the
    quotes table's affiliation and type, and a description's own words as its role: "a senior U.S. official").
    The ``source`` column says which (``gazetteer``, ``ru_gazetteer``, ``text`` or ``""``).

    The group is ``"<affiliation> <kind>"``, the kind the first that applies (word lists in
    ``kzlib/data/stance_cues.yaml``): ``media`` (gazetteer type ``media``, or a media word in the role:
    "state news agency"); ``former officials`` (a word of ``former_words`` with an office word: "former
    President of the United States", "ex-minister"); ``experts`` (an expert word: "professor", "analyst"); ``officials``
    (an office word: "minister", "spokesperson", "ambassador"; an office beats an institution word, so
    "Prime Minister …, chair of the … Security Council" is an official); ``experts`` (an institution word
    with no office: "think tank", "university", "Carnegie Endowment"); ``officials`` (type organisation,
    state or bloc); else ``others``. Speakers the gazetteer does not know, or knows without an
    affiliation, are ``"unknown"``. Only officials get side keys (for the own-side prior).

    Example
    -------
    >>> g = pd.DataFrame({"name": ["A", "C", "T"], "type": ["person", "person", "media"],
    ...                   "affiliation": ["Russia", "Armenia", "Russia"],
    ...                   "role": ["ambassador", "Prime Minister, chair of the Security Council", "news agency"]})
    >>> speaker_profiles(["A", "B", "C", "T"], gazetteer=g)["group"].tolist()
    ['Russia officials', 'unknown', 'Armenia officials', 'Russia media']
    >>> g2 = pd.DataFrame({"name": ["F"], "type": ["person"], "affiliation": ["Ruritania"],
    ...                    "role": ["former President of Ruritania"]})
    >>> speaker_profiles(["F"], gazetteer=g2)["group"].tolist()
    ['Ruritania former officials']
    """
    cue_data = cues or load_stance_cues()
    lex_sides = {k: re.compile(r"(?<!\w)(?:" + _alternation(v, literal=True) + r")(?!\w)")
                 for k, v in (cue_data.get("sides") or {}).items()}
    res = {"official": _words_re(cue_data.get("official_words") or ["official"]),
           "expert": _words_re(cue_data.get("expert_words") or ["expert"], prefix=True),
           "institution": _words_re(cue_data.get("expert_institution_words") or []),
           "media": _words_re(cue_data.get("media_words") or []),
           "former": _words_re(cue_data.get("former_words") or [], prefix=True)}
    media_types = frozenset(str(t).lower() for t in cue_data.get("media_types") or ["media"])
    table = _gazetteer_table(gazetteer)
    from kzlib.russian.actors import ru_actors

    ru_known = ru_actors()[2]
    told = _described_table(described)
    rows = []
    for sp in sorted({str(s) for s in speakers if isinstance(s, str) and s}):
        if table is not None and sp in table.index and table.at[sp, "affiliation"]:
            rec, source = table.loc[sp], "gazetteer"
            aff, role, typ = rec["affiliation"], rec["role"], rec["type"]
        elif sp in ru_known and ru_known[sp].affiliation:
            actor, source = ru_known[sp], "ru_gazetteer"
            aff, role, typ = actor.affiliation, actor.role, actor.type
        elif sp in told:
            (aff, typ, role), source = told[sp], "text"
        else:
            aff, role, typ, source = "", "", "", ""
        kind = _group_kind(role, typ.strip().lower(), res, media_types) if aff else ""
        is_official = kind == "officials" and source != "text"  # the own-side prior rests on a gazetteer's record
        sides = ",".join(sorted(k for k, pat in lex_sides.items() if pat.search(aff))) if is_official else ""
        rows.append({"speaker": sp, "affiliation": aff, "role": role, "is_official": is_official,
                     "sides": sides, "group": f"{aff} {kind}" if aff else "unknown", "source": source})
    return pd.DataFrame(rows, columns=["speaker", "affiliation", "role", "is_official", "sides", "group", "source"])


def _described_table(described: pd.DataFrame | None) -> dict[str, tuple[str, str, str]]:
    """Speaker -> (affiliation, type, role) from a table of what the text says of speakers; a speaker's most
    frequent non-empty affiliation wins (ties: the first in the table's order)."""
    if described is None or not len(described):
        return {}
    require_columns(described, ["speaker", "affiliation"], table="described",
                    fix="pass the quotes table's speaker and affiliation columns")
    d = pd.DataFrame({"speaker": described["speaker"].fillna("").astype(str),
                      "affiliation": described["affiliation"].fillna("").astype(str),
                      "type": described["type"].fillna("").astype(str) if "type" in described else "",
                      "role": described["role"].fillna("").astype(str) if "role" in described else ""})
    d = d[(d["speaker"] != "") & (d["affiliation"] != "")]
    if d.empty:
        return {}
    n = d.groupby(["speaker", "affiliation"], sort=False)["type"].transform("size")
    d = d.assign(_n=n).sort_values("_n", ascending=False, kind="mergesort").drop_duplicates("speaker")
    return {r.speaker: (r.affiliation, r.type, r.role) for r in d.itertuples()}


# --------------------------------------------------------------------------------------------
# detect_stance
# --------------------------------------------------------------------------------------------
def _paragraph_texts(paragraphs: pd.DataFrame) -> pd.Series:
    """The paragraphs' texts indexed by (doc_id, para_id), the first of any repeated key."""
    para = paragraphs.set_index(["doc_id", "para_id"])["text"]
    return para[~para.index.duplicated()]


def _attribution_context(quotes: pd.DataFrame, paragraphs: pd.DataFrame | None, width: int = 220) -> pd.Series:
    """The text around each quote in its paragraph, without the quote and the speaker's title."""
    if "context" in quotes.columns:
        return quotes["context"].fillna("").astype(str)
    empty = pd.Series("", index=quotes.index, dtype=object)
    if paragraphs is None or not {"para_id", "start", "end"} <= set(quotes.columns):
        return empty
    para = _paragraph_texts(paragraphs)
    out = []
    for doc_id, para_id, start, end, surface in zip(
        quotes["doc_id"], quotes["para_id"], quotes["start"], quotes["end"],
        quotes["speaker_surface"] if "speaker_surface" in quotes.columns else [""] * len(quotes),
    ):
        text = para.get((doc_id, para_id), "")
        if not isinstance(text, str) or pd.isna(start) or pd.isna(end) or int(end) > len(text):
            out.append("")
            continue
        s, e = int(start), int(end)
        ctx = text[max(0, s - width):s] + " … " + text[e:e + width]
        if isinstance(surface, str) and surface:
            i = ctx.find(surface)
            if i >= 0:  # drop the speaker's own designation ("Russian ambassador to the U.S. X")
                ctx = ctx[:max(0, i - 80)] + " " + ctx[i + len(surface):]
        out.append(ctx)
    return pd.Series(out, index=quotes.index, dtype=object)


#: a negation or refusal right before a report's verb of judgment ("has never attacked |", "declined to criticize |")
_NEGATED_BEFORE_RE = re.compile(r"\b(?:not|never|no\s+longer|n['’]t|(?:declin|refus)(?:e|es|ed|ing)\s+to)\s+(?:\w+\s+)?$",
                                re.I)


def _judgment_cues(quotes: pd.DataFrame, paragraphs: pd.DataFrame | None, cues: Mapping[str, Any]) -> pd.Series:
    """Per quote, its ``cue`` where that is a reporting verb of judgment (``judgment_cues`` in the cue file), a noun of
    judgment (``judgment_report_cues``: "support for", "criticism of") or a verb of verbal attack
    (``verbal_attack_cues``) or of naming (``naming_report_cues``: "called | X 'crazy'") whose object the quote's text
    opens with: an indirect report or act that starts right
    after the cue in its paragraph ("accused | Washington of stirring up …"), not with a clause ("questioned | whether
    …"), nor after a negation ("never attacked |") or a verb that withdraws or rejects the judgment ("rescinded his
    endorsement of |", "dismissed criticism of |": ``retracting_verbs``); else "".

    >>> paras = pd.DataFrame({"doc_id": ["d"], "para_id": [0], "text": ["Putin accused Washington of meddling."]})
    >>> q = pd.DataFrame({"doc_id": ["d"], "para_id": [0], "start": [14], "end": [37], "kind": ["indirect"],
    ...                   "cue": ["accused"], "quote": ["Washington of meddling."]})
    >>> _judgment_cues(q, paras, load_stance_cues()).tolist()
    ['accused']
    """
    out = pd.Series("", index=quotes.index, dtype=object)
    if paragraphs is None or not {"cue", "para_id", "start"} <= set(quotes.columns) \
            or not {"doc_id", "para_id", "text"} <= set(paragraphs.columns):
        return out
    verbs = re.compile(_alternation([*(cues.get("judgment_cues") or ()), *(cues.get("judgment_report_cues") or ()),
                                     *(cues.get("verbal_attack_cues") or ()), *(cues.get("naming_report_cues") or ())]),
                       re.I)
    # "rescinded his endorsement of", "dismissed criticism of": a judgment withdrawn or rejected
    retracted = re.compile(r"\b(?:" + _alternation(cues.get("retracting_verbs")) + r")\s+(?:(?:his|her|their|its|the|any|"
                           r"all|a)\s+)?(?:[\w-]+\s+)?$", re.I)
    clause = re.compile(r"(?:" + _alternation(cues.get("judgment_clause_words"), literal=True) + r")(?!\w)", re.I)
    cue = quotes["cue"].fillna("").astype(str).str.strip()
    judging = {c: bool(verbs.fullmatch(c)) for c in cue.unique()}
    kind = quotes["kind"] if "kind" in quotes.columns else pd.Series("indirect", index=quotes.index)
    candidates = cue.map(judging).astype(bool) & kind.isin(("indirect", "act")).to_numpy() & quotes["start"].notna()
    if not candidates.any():
        return out
    para = _paragraph_texts(paragraphs)
    for i in np.flatnonzero(candidates.to_numpy()):
        text = para.get((quotes["doc_id"].iat[i], quotes["para_id"].iat[i]), "")
        verb, quote = cue.iat[i], str(quotes["quote"].iat[i])
        if not isinstance(text, str) or clause.match(quote.lstrip()):
            continue
        before = text[:int(quotes["start"].iat[i])].rstrip()
        if before.lower().endswith(verb.lower()) and not before[:len(before) - len(verb)][-1:].isalnum() and not (
                retracted.search(before, 0, len(before) - len(verb))
                or _NEGATED_BEFORE_RE.search(before, 0, len(before) - len(verb))):
            out.iat[i] = verb
    return out


_POSSESSED_WORD_RE = re.compile(r"['’]s?\s+([a-z]+)")  # the noun a name's possessive governs ("Clinton's | critics")


def _opens_with_target(text: str, lex: _Lexicon, anchored: frozenset[str] | None, *, max_words: int = 5) -> bool:
    """Whether a target is named within the first ``max_words`` words of ``text``: the object of a report verb
    that ``text`` follows ("Moscow of accumulating forces", "the legitimacy of the CSTO intervention")."""
    text = text if text.isascii() else text.translate(_QUOTE_CHARS)
    found = [m for m in _find_mentions(text, lex, anchored) if m.target]  # "": no target
    if not found:
        return False
    first = min(found, key=lambda m: m.start)
    people = _POSSESSED_WORD_RE.match(text, first.end)
    if people is not None and (people.group(1) in _PERSON_HEADS or people.group(1) in _HOLDER_NOUNS):
        return False  # its people, not the target: "attacked | Clinton's critics", "support for | Sanders' supporters"
    return len(_WORD_RE.findall(text, 0, first.start)) <= max_words


def detect_stance(
    quotes: pd.DataFrame,
    *,
    targets: Any = None,
    gazetteer: Any = None,
    paragraphs: pd.DataFrame | None = None,
    cues: dict[str, Any] | str | Path | None = None,
    threshold: float = 0.3,
    use_vader: bool = True,
    kinds: Sequence[str] | None = SPEECH_KINDS,
    documents: pd.DataFrame | None = None,
    ru_cues: str | Path | None = None,
    anchor_generic: bool = True,
    read_despun: bool = True,
    self_rows: bool = False,
    record_rows: bool = False,
) -> pd.DataFrame:
    """Stance of each quotation towards each target it concerns (the ``stances`` table).

    Parameters
    ----------
    quotes : the ``quotes`` table (needs ``doc_id``, ``quote_id``, ``quote``; ``speaker`` if known;
        ``para_id``/``start``/``end``/``speaker_surface`` or a ``context`` column to read the sentence
        that introduces the quote).
    targets : None (the bundled ``targets.yaml``), a YAML path, a list of :class:`Target` / names /
        dicts, or a mapping ``{name: [aliases]}``.
    gazetteer : actors table (DataFrame with ``canonical``/``name`` and role/affiliation columns, or a
        mapping name -> record): gives a speaker's side for the small own-side prior.
    paragraphs : the ``paragraphs`` table, for the attribution context and the documents: with it, a target's
        ``scope`` (the bundled states and blocs: the January 2022 crisis) is checked, and a quote whose
        document names nothing of it (a Russian quote: nothing of its ``ru_scope``) gets no row towards that
        target (a warning counts them).
    threshold : |score| needed (with lexical evidence in that direction) for favor/against.
    kinds : quote kinds read when the table has a ``kind`` column: speech (``SPEECH_KINDS``) by
        default; an attributed act without words (kind ``act``: "endorsed X", "declined to comment") has no
        words of the speaker's to read; fragments (a quoted word or phrase, mostly the writer's: scare quotes, titles, a term
        the journalist marks) and interviewer questions are nobody's statement and get no stance row.
        None reads all.
    documents : the ``documents`` table; its ``language`` tells which quotes are Russian where the
        quotes table has no ``language`` column (without either, a quote whose letters are mostly
        Cyrillic is Russian).
    ru_cues : the Russian cue file (None: the bundled ``kzlib/data/ru/stance_cues.yaml``).
    anchor_generic : a target's ``generic`` entries (ordinary words such as "troops", "protesters")
        count only in a quote whose document names one of the target's anchors (its ``context``
        phrases or non-generic aliases): the document is its paragraphs (and title, from
        ``documents``), or, where ``paragraphs`` lacks it, its quotes and their contexts. False
        counts them everywhere (texts whose target is known, as a coder's rows).
    read_despun : read a quote of a document the provenance stage judged spun (the quotes' ``version``
        column is ``spun``) on its de-spun text (:func:`kzlib.despin.despin`, the spin-phrase table), and its
        attribution context too: an article spinner's synonyms ("agency help" for "firm support") hide the
        cues. The evidence sentence is then the de-spun one, and the row's ``reading`` says ``de-spun``
        (``verbatim`` otherwise). False reads every quote as written.
    self_rows : keep the rows of a speaker towards a target whose alias is the speaker's own name ("Tokayev"
        on the Kazakh government, "Hillary Clinton" on a target aliased "Clinton"; English names). By default
        they are left out, counted in the log: a speaker's stance towards themselves is no finding, and on US
        election news such rows read the candidate's words about a policy as a stance on the candidate.
    record_rows : keep the rows of a speaker that is a measurement or a news item, not a holder of views: a poll, a
        survey, statistics, a story (``record_speakers`` in the cue file; "new poll of voters in all 50 states"), a
        share of people, a poll's finding ("52 percent of registered voters", "Nine in 10 Democrats"), and
        the quotes of a news outlet reporting news (a ``speaker_type`` of ``media_types`` with a verb of
        ``news_report_cues``: "The New York Times reported that …", "according to the Associated Press"). By
        default they are left out, counted in the log: what a poll "says" describes other people's views, and a
        news report relays what its outlet found.

    Russian quotes are read on lemmas, with the targets' ``ru_aliases``/``ru_*_terms`` and the Russian
    cues (:mod:`kzlib.stance.russian`); the others as English. Quotation marks inside an ``indirect``
    row are the writer's, around the speaker's own words (a partial quotation): the words count at face
    value; inside a direct quotation they are the speaker's own, and a favourable naming in them
    ("'peaceful protesters'") reads as distancing. A negative cue that is the object of a word of
    countering ("help in overcoming the terrorist threat") counts for no target but its own agent
    (``counter_frames`` in ``kzlib/data/stance_cues.yaml``). An English indirect report or act whose
    verb or noun of judgment judges what the quote opens with ("Putin accused | Washington of …", "questioned |
    the legitimacy of …", "his criticism of | Clinton"; ``judgment_cues`` and ``judgment_report_cues``, read
    from ``paragraphs``) and that names a target within its first five words (the verb's object) is read with
    its verb before it: the verb, kept as the quote's ``cue``, is the speaker's evaluation, and the row's
    evidence then starts with it; so is one whose verb of naming ("called | X 'crazy'", ``naming_report_cues``) names a
    target within its first five words. A verb of verbal attack there (``verbal_attack_cues``: "attacked |
    Clinton") criticises the targets the quote opens with, labelled "(the report's verb)".

    Returns the ``stances`` table: ``doc_id, quote_id, speaker, target, stance, score, evidence``
    plus ``lexical`` (the cue/term part of the score), ``cues`` (what scored), ``source``
    (``quote`` or ``context``: where the target was found) and ``reading`` (``verbatim`` or ``de-spun``: see
    ``read_despun``). Rows sorted by doc_id, quote_id, target.

    Example
    -------
    >>> q = pd.DataFrame({"doc_id": ["d"], "quote_id": ["q1"], "speaker": ["X"],
    ...                   "quote": ["Russia's aggressive actions are a threat to peace."]})
    >>> detect_stance(q)[["target", "stance"]].values.tolist()
    [['Russia', 'against']]
    >>> q = pd.DataFrame({"doc_id": ["d"], "quote_id": ["q1"], "speaker": ["X"],
    ...                   "quote": ["Мы решительно осуждаем бандитов, напавших на город."]})
    >>> detect_stance(q)[["target", "stance"]].values.tolist()
    [['protesters', 'against']]
    """
    require_columns(quotes, ["doc_id", "quote_id", "quote"], table="quotes",
                    fix="build it with kzlib.quotes.extract_quotes")
    if not 0 < threshold < 1:
        raise ParameterError(f"threshold must lie in (0, 1), got {threshold}; 0.3 is the default")
    if kinds is not None and "kind" in quotes.columns:
        left_out = quotes.loc[~quotes["kind"].isin(kinds), "kind"].value_counts()
        quotes = quotes[quotes["kind"].isin(kinds)]
        if len(left_out):
            logger.info("detect_stance: quotes of kinds that are not read for stance left out: %s (kinds read: %s)",
                        left_out.to_dict(), ", ".join(kinds))
    tlist = _coerce_targets(targets)
    cue_data = cues if isinstance(cues, dict) else load_stance_cues(cues)
    lex = _build_lexicon(tlist, cue_data)
    context = _attribution_context(quotes, paragraphs)
    speakers = quotes["speaker"].fillna("").astype(str) if "speaker" in quotes.columns else pd.Series("", index=quotes.index)
    prof = speaker_profiles(speakers.unique(), gazetteer=gazetteer, cues=cue_data) if gazetteer is not None else None
    side_of = ({} if prof is None else
               {r.speaker: frozenset(x for x in r.sides.split(",") if x) for r in prof.itertuples()})
    texts = quotes["quote"].fillna("").astype(str)
    russian = _russian_rows(quotes, texts, documents)
    despun = _spun_rows(quotes, russian) if read_despun else np.zeros(len(quotes), dtype=bool)
    if despun.any():
        from kzlib.despin import despin

        texts = texts.where(~despun, texts[despun].map(lambda t: despin(t, spun=True)))
        context = context.where(~despun, context[despun].map(lambda t: despin(t, spun=True) if t else t))
        logger.info("detect_stance: %d quotes of spun documents read on their de-spun text (read_despun=False "
                    "reads them as written)", int(despun.sum()))
    # a report whose verb judges what it names ("accused | Washington of …") is read with its verb
    judged = _judgment_cues(quotes, paragraphs, cue_data).where(~russian, "")
    attack_re = re.compile(_alternation(cue_data.get("verbal_attack_cues")), re.I)  # "attacked |": criticism
    texts = texts.where(judged == "", judged + " " + texts)
    ru_lex = None
    if russian.any():
        from kzlib.russian.stance import load_cues
        from kzlib.stance.russian import ru_lexicon

        ru_lex = ru_lexicon(tlist, load_cues(ru_cues), lex.params, lex.own_side, counter_frames=lex.counter_ru)
        logger.info("detect_stance: %d Russian quotes read on lemmas", int(russian.sum()))
    # per quote, the targets its document anchors (None: every generic entry counts)
    anchored: list[frozenset[str] | None] = [None] * len(quotes)
    scoped = {t.name: t.scope for t in tlist if t.scope} if paragraphs is not None else {}
    doc_texts = (_document_texts(quotes, texts, context, paragraphs, documents)
                 if scoped or (anchor_generic and lex.has_generic) else {})
    if anchor_generic and lex.has_generic:
        anchored = list(_anchored_targets(quotes, doc_texts, lex))
    # an indirect report's quotation marks are the writer's, around the speaker's own words
    writer_marks = (quotes["kind"] == "indirect").tolist() if "kind" in quotes.columns else [False] * len(quotes)
    # copies of a story repeat their quotes: each repeated (text, context, sides, anchors, marks) is scored once
    repeated = texts.duplicated(keep=False).to_numpy()
    scored_once: dict[tuple[str, str, frozenset[str], frozenset[str] | None, bool, str], list[dict[str, Any]]] = {}
    self_of: dict[str, frozenset[str]] = {}  # per speaker, the targets their own name names
    left_self: dict[str, int] = {}
    record_heads = frozenset() if record_rows else frozenset(
        str(w).lower() for key in ("record_speakers", "record_speakers_ru") for w in cue_data.get(key) or ())
    records: dict[str, bool] = {}  # per speaker, whether it is a poll, survey, statistics or a story (no holder of views)
    left_records: dict[str, int] = {}
    # a news outlet reporting news ("The New York Times reported that …", "по данным ТАСС"): a record too
    news = _news_reports(quotes, cue_data) if not record_rows else np.zeros(len(quotes), dtype=bool)
    rows = []
    # Russian rows may carry no offsets in their paragraph (start = end = 0): then no context is read
    has_span = ([True] * len(quotes) if "context" in quotes.columns or not {"start", "end"} <= set(quotes.columns)
               else (pd.to_numeric(quotes["end"], errors="coerce") > pd.to_numeric(quotes["start"], errors="coerce"))
               .tolist())
    for doc_id, quote_id, text, speaker, ctx, again, ru, spanned, anchors, marks, fixed, verb, reported_news in zip(
        quotes["doc_id"], quotes["quote_id"], texts, speakers, context, repeated, russian, has_span, anchored,
        writer_marks, despun, judged, news
    ):
        record = records.get(speaker)
        if record is None:
            record = records[speaker] = not record_rows and _record_speaker(speaker, record_heads)
        if record or reported_news:
            left_records[speaker] = left_records.get(speaker, 0) + 1
            continue
        sides = side_of.get(speaker, frozenset())
        attack = ""
        if verb and not ru and not _opens_with_target(text[len(verb) + 1:], lex, anchors):
            # the verb judges what the quote opens with, which names no target ("condemned | the violence",
            # "rejected | a media request to publish the file on Trump"): the quote is read without it
            text = text[len(verb) + 1:]
        elif verb and not ru and attack_re.fullmatch(verb):
            # a verbal attack: the quote is read without the verb, which the lists read as an act of harm, and the
            # target it opens with is criticised (_criticised_by_report)
            attack, text = verb, text[len(verb) + 1:]
        key = (text, ctx, sides, anchors, marks, attack)
        scored = scored_once.get(key) if again else None
        if scored is None:
            if ru and ru_lex is not None:
                from kzlib.stance.russian import score_text_ru

                scored = _rows(score_text_ru(text, ru_lex, context=ctx if spanned else "", speaker_sides=sides,
                                             writer_marks=marks), threshold)
            else:
                scored = _score_quote(text, lex, context=ctx, speaker_sides=sides, use_vader=use_vader,
                                      threshold=threshold, anchored=anchors, writer_marks=marks, attack=attack)
            if again:
                scored_once[key] = scored
        reading = "de-spun" if fixed else "verbatim"
        own = self_of.get(speaker)
        if own is None:
            name = speaker.strip()
            own = self_of[speaker] = frozenset() if self_rows or not name else _self_targets(
                name, [(m.start, m.end, m.target) for m in _find_mentions(name, lex) if m.kind == "alias"], lex)
        for row in scored:
            if row["target"] in own:
                left_self[row["target"]] = left_self.get(row["target"], 0) + 1
                continue
            rows.append({"doc_id": doc_id, "quote_id": quote_id, "speaker": speaker, **row, "reading": reading})
    if left_self:
        logger.info("detect_stance: %d rows of speakers towards a target that names them left out (%s): a speaker's "
                    "stance towards themselves is no finding; self_rows=True keeps them",
                    sum(left_self.values()), ", ".join(f"{t} {n}" for t, n in sorted(left_self.items())))
    if left_records:
        logger.info("detect_stance: %d quotes of %d speakers that are polls, surveys, statistics, stories or news outlets "
                    "reporting news, not holders of views, "
                    "read for no stance (%s): record_rows=True reads them", sum(left_records.values()),
                    len(left_records), ", ".join(sorted(left_records)[:5]) + (", …" if len(left_records) > 5 else ""))
    out = pd.DataFrame(rows, columns=STANCE_COLUMNS + ["lexical", "cues", "source", "reading"])
    if scoped and len(out):
        out = _within_scope(out, scoped, doc_texts,
                            set(zip(quotes["doc_id"][russian], quotes["quote_id"][russian])),
                            {t.name: t.ru_scope for t in tlist if t.scope and t.ru_scope})
    out = out.sort_values(["doc_id", "quote_id", "target"], kind="mergesort", ignore_index=True)
    logger.info("stance: %d quotes, %d quote-target rows (%s)", len(quotes), len(out),
                out["stance"].value_counts().to_dict() if len(out) else {})
    return out


def _spun_rows(quotes: pd.DataFrame, russian: np.ndarray) -> np.ndarray:
    """Which quotes to read de-spun: English quotes whose ``version`` (the provenance stage's) is ``spun``."""
    if "version" not in quotes.columns:
        return np.zeros(len(quotes), dtype=bool)
    return (quotes["version"].astype(str) == "spun").to_numpy() & ~russian


def _russian_rows(quotes: pd.DataFrame, texts: pd.Series, documents: pd.DataFrame | None) -> np.ndarray:
    """Which quotes are Russian: by the quotes' ``language``, else the documents', else by their letters."""
    from kzlib.text import russian_mask

    if "language" in quotes.columns:
        lang = quotes["language"]
    elif documents is not None and {"doc_id", "language"} <= set(documents.columns):
        lang = quotes["doc_id"].map(documents.drop_duplicates("doc_id").set_index("doc_id")["language"])
    else:
        lang = pd.Series(None, index=quotes.index, dtype=object)
    return russian_mask(texts.fillna("").astype(str), lang, default="auto")


def _score_quote(text: str, lex: _Lexicon, *, context: str, speaker_sides: frozenset[str], use_vader: bool,
                 threshold: float, anchored: frozenset[str] | None = None,
                 writer_marks: bool = False, attack: str = "") -> list[dict[str, Any]]:
    """The stance rows of one quote (without doc_id, quote_id and speaker), one per target it concerns; ``attack``:
    the report's verb of verbal attack, which criticises the targets the quote opens with."""
    scored = _score_text(text, lex, context=context, speaker_sides=speaker_sides, use_vader=use_vader,
                         anchored=anchored, writer_marks=writer_marks)
    if attack:
        contrib, _sents, ntext, concerned = scored
        _criticised_by_report(contrib, concerned, ntext, lex, anchored, attack)
    return _rows(scored, threshold)


#: before the target that opens a report's object: only its noun phrase's determiners and titles
_OBJECT_BEFORE_RE = re.compile(r"\W*" + _NAME_PREFIX)
#: between two targets a verb's object coordinates ("Hillary Clinton and Marco Rubio", "Clinton, Sanders and Biden")
_JOINED_RE = re.compile(r"(?:['’]s?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _criticised_by_report(contrib: dict[str, list[_Contribution]], concerned: dict[str, str], text: str, lex: _Lexicon,
                          anchored: frozenset[str] | None, verb: str) -> None:
    """Add to ``contrib`` the criticism a report's verb of verbal attack (``verbal_attack_cues``: "Trump also attacked |
    Hillary Clinton and Marco Rubio during the rant") makes of the target the quote ``text`` opens with and those
    coordinated with it, at ``verbal_attack_weight``."""
    found = [m for m in _find_mentions(text, lex, anchored) if m.target and m.kind == "alias"]
    if not found:
        return
    if not _OBJECT_BEFORE_RE.fullmatch(text, 0, found[0].start):
        return  # the quote opens with another noun phrase ("the plan, which Dorn had drafted")
    objects = [found[0]]
    for m in found[1:]:
        joined = _JOINED_RE.fullmatch(text, objects[-1].end, m.start)
        if joined is None or ("and" not in joined.group(0) and text.startswith(("'s", "’s"), m.end)):
            break  # not coordinated; an appositive's possessor ("Rubio, Clinton's rival")
        objects.append(m)
    weight = lex.params["verbal_attack_weight"]
    for target in dict.fromkeys(m.target for m in objects) if weight else ():
        contrib.setdefault(target, []).append(_Contribution(target, -weight, True, f"{verb} (the report's verb)", 0))
        concerned.setdefault(target, "quote")


def _anchored_targets(quotes: pd.DataFrame, doc_texts: Mapping[Any, str], lex: _Lexicon) -> list[frozenset[str]]:
    """Per quote, the targets with generic entries that its document (``doc_texts``) names by an anchor.
    The document, not the sentence: an article on the topic names it in its title or lead and then speaks
    of "the protesters" or "the troops" without naming it again."""
    per_doc = {d: lex.anchored(t) for d, t in doc_texts.items()}
    return [per_doc.get(d, frozenset()) for d in quotes["doc_id"]]


def _within_scope(out: pd.DataFrame, scoped: Mapping[str, tuple[str, ...]], doc_texts: Mapping[Any, str],
                  russian_quotes: set[tuple[Any, Any]], ru_scoped: Mapping[str, tuple[str, ...]]) -> pd.DataFrame:
    """The rows of ``out`` whose target has no ``scope``, or whose document names one of its scope phrases
    (a Russian quote: one of its ``ru_scope`` lemmas; kept where the target has none); the rows left out
    are counted in a warning."""
    phrases = sorted({ph for v in scoped.values() for ph in v})
    owners = [[t for t, v in scoped.items() if ph in v] for ph in phrases]
    matcher = PatternSet(phrases)
    named = {d: {t for _, _, i in matcher.finditer(text) for t in owners[i]} for d, text in doc_texts.items()}
    ru_docs = {d for d, q, t in zip(out["doc_id"], out["quote_id"], out["target"])
               if (d, q) in russian_quotes and t in ru_scoped}
    if ru_docs:
        from kzlib.text import phrases_named

        ru_phrases = tuple(sorted({ph for v in ru_scoped.values() for ph in v}))
        ru_named = {d: {t for t, v in ru_scoped.items() if found & set(v)}
                    for d in ru_docs for found in [phrases_named(doc_texts.get(d, ""), ru_phrases)]}

    def within(d: Any, q: Any, t: str) -> bool:
        if t not in scoped:
            return True
        if (d, q) in russian_quotes:
            return t not in ru_scoped or t in ru_named.get(d, ())
        return t in named.get(d, ())

    keep = np.array([within(d, q, t) for d, q, t in zip(out["doc_id"], out["quote_id"], out["target"])],
                    dtype=bool)
    if not keep.all():
        gone = out[~keep]
        logger.warning("detect_stance: %d quote-target rows towards %s left out: their %d documents name nothing of "
                       "the targets' scope (the study's subject: for the bundled targets, a place, person or "
                       "organisation of the January 2022 crisis); delete a target's `scope` in the targets file to "
                       "read it in any news. First: %s", len(gone), ", ".join(sorted(gone["target"].unique())),
                       gone["doc_id"].nunique(), ", ".join(map(str, sorted(gone["doc_id"].unique(), key=str)[:5])))
    return out[keep].reset_index(drop=True)


def _document_texts(quotes: pd.DataFrame, texts: pd.Series, context: pd.Series, paragraphs: pd.DataFrame | None,
                    documents: pd.DataFrame | None) -> dict[Any, str]:
    """Each quote's document as far as it is known: its paragraphs and title, else its quotes and their
    contexts."""
    parts: dict[Any, list[str]] = {}
    if paragraphs is not None and {"doc_id", "text"} <= set(paragraphs.columns):
        for d, t in zip(paragraphs["doc_id"], paragraphs["text"]):
            if isinstance(t, str):
                parts.setdefault(d, []).append(t)
    known = set(parts)
    for d, t, c in zip(quotes["doc_id"], texts, context):
        if d not in known:
            parts.setdefault(d, []).extend((t, c))
    if documents is not None and {"doc_id", "title"} <= set(documents.columns):
        for d, t in zip(documents["doc_id"], documents["title"]):
            if d in parts and isinstance(t, str):
                parts[d].append(t)
    return {d: "\n".join(p) for d, p in parts.items()}


def _rows(scored: tuple[dict[str, list[_Contribution]], list[tuple[int, int]], str, dict[str, str]],
          threshold: float) -> list[dict[str, Any]]:
    """The stance rows of one scored quote, one per target it concerns."""
    contrib, sents, ntext, concerned = scored
    rows = []
    for target in sorted(concerned):
        items = contrib.get(target, [])
        stance, score, lexical = _decide(items, threshold)
        rows.append({
            "target": target,
            "stance": stance,
            "score": round(float(score), 4),
            "evidence": _evidence(items, sents, ntext, stance),
            "lexical": round(float(lexical), 4),
            "cues": "; ".join(f"{c.label} {c.value:+.2f}" for c in sorted(items, key=lambda c: -abs(c.value))[:6]),
            "source": concerned[target],
        })
    return rows
