"""A synthetic news corpus on the January 2022 Kazakhstan crisis, for benchmarks at any size.

``generate_corpus(n, seed=...)`` returns the ``documents`` table a researcher's corpus file would give
(``doc_id``, ``title``, ``outlet``, ``published``, ``text``) and the ground truth of which document copies
which (``truth``: ``doc_id``, ``story_id``, ``copy_of``, ``copy_kind``), so that provenance can be scored at
scale. ``write_corpus`` writes both as files ``kzlib.load_corpus`` reads (Parquet or JSONL, and a
``<name>.truth.csv`` beside it). As a command::

    python benchmarks/generate.py 10000 --seed 0 --out outputs/bench/data/corpus_10000.parquet

How the text is made (nothing here is a list of the seeds' strings to be matched later):

- **Sentences** are the bundled seeds' body sentences (de-spun with :func:`kzlib.despin.despin`),
  recombined: each generated sentence is a seed sentence whose content words are swapped, with
  probability ``mutate``, for another seed word of the same suffix class (-tion for -tion, -ed for -ed
  ...), and whose numbers are redrawn. So the vocabulary, sentence lengths and syntax are those of news on
  this crisis, while two unrelated documents share few word pairs — as two real articles do.
- **Templates** add what a researcher's corpus carries: direct quotations with attribution
  (``“…,” X said.``, ``said X, the <role>``), indirect speech (``X told reporters that …``), dash-led
  interview answers, dates (``On January 7, …``, weekdays), and page furniture (datelines, photo captions
  with credits, tag lines, comment prompts, syndication notices).
- **Speakers** are the gazetteer's persons (``kzlib/data/actors.yaml``) and invented people (common
  Kazakh, Russian and English first names and surnames below).
- **Copies** are planted at known rates: ``republished`` (the same story on another site, furniture
  changed, sometimes the last paragraphs cut, with a syndication notice) and ``spun`` (the spinner
  substitutions of ``kzlib/data/spin_phrases.csv`` applied in reverse: ``security`` → ``safety``,
  ``Cold War`` → ``Chilly Battle``). Each copy copies an earlier original.

Generation is deterministic: document ``i`` depends only on ``seed`` and ``i`` (and on the earlier
originals it copies), so the corpus of 1,000 documents is the first 1,000 of the corpus of 100,000.
"""

from __future__ import annotations

import argparse
import logging
import random
import re
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

__all__ = ["generate_corpus", "write_corpus", "seed_sentences", "spin_forward", "COPY_KINDS"]

log = logging.getLogger(__name__)

COPY_KINDS = ("original", "republished", "spun")

# Common given names and surnames of Kazakhstan, Russia and the English-speaking press (general
# vocabulary; no person of the seeds). Combined, they give 1,600 invented people.
_FIRST = ("Aigerim", "Nurlan", "Dana", "Yerlan", "Asel", "Daniyar", "Madina", "Serik", "Aliya", "Timur", "Zhanna",
          "Arman", "Gulnara", "Marat", "Saule", "Bolat", "Olga", "Sergei", "Natalia", "Andrei", "Irina", "Pavel",
          "Elena", "Dmitri", "Sarah", "Michael", "Laura", "David", "Emily", "James", "Rachel", "Thomas",
          "Anna", "Peter", "Maria", "Robert", "Julia", "Kevin", "Helen", "Mark")
_LAST = ("Abenov", "Sultanova", "Dzhaksybekov", "Nurpeisova", "Kassymov", "Omarova", "Bekova", "Zhumabayev",
         "Iskakov", "Tulegenova", "Seitkali", "Mukanov", "Petrov", "Smirnova", "Volkov", "Kuznetsova", "Orlov",
         "Morozova", "Sokolov", "Lebedeva", "Miller", "Thompson", "Walker", "Harris", "Clarke", "Bennett",
         "Foster", "Hughes", "Palmer", "Reed", "Sutton", "Grant", "Holloway", "Lindqvist", "Moreau", "Novak",
         "Fischer", "Kowalski", "Ferrari", "Haddad")
_ROLES = ("a political analyst", "a professor of international relations", "a senior fellow at a Washington think tank",
          "a researcher at a university in Almaty", "a former diplomat", "a human rights lawyer", "an opposition activist",
          "a spokesperson for the interior ministry", "an economist", "a local resident", "a regional security expert",
          "a journalist based in Nur-Sultan", "a member of parliament", "a retired general")
_CITIES = ("Almaty", "Nur-Sultan", "Aktau", "Zhanaozen", "Shymkent", "Taraz", "Karaganda", "Aktobe", "Kyzylorda",
           "Taldykorgan", "Uralsk", "Atyrau", "Semey", "Pavlodar", "Kostanay", "Turkestan")
_ELSEWHERE = ("Moscow", "Washington", "Beijing", "Bishkek", "Yerevan", "Minsk", "Dushanbe", "Tashkent", "Brussels",
              "Geneva")
_OUTLET_A = ("Steppe", "Central Asia", "Eurasia", "Caspian", "Northern", "Global", "Metro", "Daily", "Evening",
             "Frontier", "Continental", "Silk Road", "Atlantic", "Pacific", "Capital", "Open")
_OUTLET_B = ("Herald", "Times", "Monitor", "Review", "Post", "Dispatch", "Observer", "Tribune", "Journal",
             "Chronicle", "Gazette", "Report", "Wire", "Courier", "Ledger", "Digest")
_AGENCIES = ("AP", "AFP", "Reuters", "Getty Images", "EPA", "TASS", "Sputnik", "Xinhua", "Anadolu")
_CAPTION_SUBJECTS = ("Riot police stand guard", "Protesters gather", "Troops patrol a street", "Burned cars line a road",
                     "Residents queue for bread", "Soldiers guard a checkpoint", "People walk past a damaged building",
                     "Armoured vehicles move through the centre", "Demonstrators hold placards",
                     "Police detain a man")
_CAPTION_OPENERS = ("In this photo, ", "Pictured: ", "", "", "")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February")
_SAY = ("said", "told reporters", "said in a statement", "wrote on Telegram", "told local media", "added",
        "argued", "noted", "warned", "claimed", "stressed")
_END = ("Leave a comment", "Post a comment", "Leave a Reply", "Share this article", "Read more", "Related stories",
        "Follow us", "Advertisement")
_TOPIC_TAGS = ("Kazakhstan", "CSTO", "Russia", "Protests", "Almaty", "Tokayev", "Fuel prices", "Central Asia",
               "Security", "China", "United States", "Putin", "Unrest", "Peacekeepers")
_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ing", "ed", "ly", "al", "ive", "ous", "ers", "er", "es", "s")
_STOP_SHORT = frozenset("about above after again against among because before being below between could "
                        "during every their there these those through under until where which while would "
                        "should other since still whose whom".split())
_CONTENT = re.compile(r"\b[a-z]{5,}\b")
_LOWERABLE = frozenset("The A An We It This That There They These Those Our In If What Some Many All No Now "
                       "When As At For On So But And Such Its However Yet By With After Before During Despite Although While "
                       "Since Even Only Like Unlike Especially Well Coming To One Both Each He She His Her Their Then "
                       "Here Instead Indeed Meanwhile Moreover Still Also Nor Or Whether Because Though Over Under "
                       "Until From Into Given Asked Having Being Most More Any Every Another".split())
_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")
_QUOTED = re.compile(r"[“\"]([^”\"]{30,400})[”\"]")
_QUOTE_MARKS = re.compile(r"[“”\"«»]|\s[–—]\s|^[–—]")


@dataclass(frozen=True)
class _Material:
    narrative: tuple[str, ...]
    quotes: tuple[str, ...]
    words: dict[str, tuple[str, ...]]
    persons: tuple[tuple[str, str], ...]
    narrative_parts: tuple[tuple[tuple[str, ...], tuple[tuple[int, object], ...]], ...] = ()
    quote_parts: tuple[tuple[tuple[str, ...], tuple[tuple[int, object], ...]], ...] = ()


_TOKEN = re.compile(r"(\b[a-z]{5,}\b)|(\b\d[\d,]*(?:\.\d+)?\b)|(\b[A-Z][a-z]{3,}\b)")
_LONE_NAME = re.compile(r"(?:^|[\s,])([a-z]+),? ([A-Z][a-z]{3,})(?= [a-z(,.]|[,.]|$)")
_CAPS = "CAPS"


def _template(sentence: str, words: dict[str, tuple[str, ...]]) -> tuple[tuple[str, ...], tuple[tuple[int, object], ...]]:
    """A sentence cut into fixed text and slots: (index of the piece, pool of words or ``None`` for a number)."""
    parts: list[str] = []
    slots: list[tuple[int, object]] = []
    at = 0
    for m in _TOKEN.finditer(sentence):
        parts.append(sentence[at:m.start()])
        if m.group(1) and m.group(1) not in _STOP_SHORT and words.get(_suffix_class(m.group(1))):
            slots.append((len(parts), words[_suffix_class(m.group(1))]))
        elif m.group(2):
            slots.append((len(parts), None))
        elif m.group(3) and words.get(_CAPS) and _lone(sentence, m.start()):
            slots.append((len(parts), words[_CAPS]))
        parts.append(m.group(0))
        at = m.end()
    parts.append(sentence[at:])
    return tuple(parts), tuple(slots)


@cache
def _suffix_class(word: str) -> str:
    return next((s for s in _SUFFIXES if word.endswith(s)), "")


def seed_sentences() -> tuple[list[str], list[str]]:
    """The seeds' body sentences without quotation marks, and the quoted passages (de-spun).

    Example:
        >>> narrative, quotes = seed_sentences()
        >>> len(narrative) > 100 and len(quotes) > 20
        True
    """
    m = _material()
    return list(m.narrative), list(m.quotes)


@lru_cache(maxsize=1)
def _material() -> _Material:
    from kzlib.clean import split_paragraphs
    from kzlib.corpus import seeds_dir
    from kzlib.despin import despin

    narrative: set[str] = set()
    quotes: set[str] = set()
    for path in sorted(seeds_dir().glob("*.txt")):
        text = despin(path.read_text("utf-8"))
        for para in split_paragraphs(text):
            if len(para.split()) < 12 or not re.search(r"[.!?\"”]$", para):
                continue
            quotes.update(q.strip() for q in _QUOTED.findall(para) if len(q.split()) >= 6)
            for sent in _SENT_SPLIT.split(para):
                n = len(sent.split())
                if 8 <= n <= 45 and not _QUOTE_MARKS.search(sent) and sent[0].isupper() and sent[-1] in ".!?":
                    narrative.add(sent.strip())
    spun_forms = {v[0].lower() for vs in _spin_rules()[1].values() for v in vs if " " not in v[0]}
    words: dict[str, set[str]] = {}
    for sent in narrative | quotes:
        for w in _CONTENT.findall(sent):
            if w not in _STOP_SHORT and w not in spun_forms:   # no spinner words in originals
                words.setdefault(_suffix_class(w), set()).add(w)
        words.setdefault(_CAPS, set()).update(
            m.group(2) for m in _LONE_NAME.finditer(sent) if m.group(2).lower() not in spun_forms)
    clauses = {c for x in narrative for c in _clauses(x)}
    pools = {k: tuple(sorted(v)) for k, v in words.items()}
    narr, quo = tuple(sorted(narrative | clauses)), tuple(sorted(quotes))
    return _Material(narr, quo, pools, _gazetteer_persons(),
                     tuple(_template(x, pools) for x in narr), tuple(_template(x, pools) for x in quo))


def _lone(sentence: str, at: int) -> bool:
    """A capitalised word standing alone after a lower-case word (a single-word name), not a sentence
    opener or part of a multi-word name."""
    m = _LONE_NAME.match(sentence, max(0, sentence.rfind(" ", 0, max(0, at - 2)) ))
    return bool(m) and m.start(2) == at


def _clauses(sentence: str) -> list[str]:
    """Sentences spliced at a comma: the head of this sentence with the tail of the next in the pool
    is made at generation time; here, each head (ending in a full stop) and tail stand alone."""
    cut = [m.start() for m in re.finditer(r", (?=[a-z])", sentence)]
    out = []
    for c in cut:
        head, tail = sentence[:c], sentence[c + 2:]
        if len(head.split()) >= 6:
            out.append(head + ".")
        if len(tail.split()) >= 6:
            out.append(tail[0].upper() + tail[1:])
    return out


def _gazetteer_persons() -> tuple[tuple[str, str], ...]:
    import yaml

    data = yaml.safe_load(resources.files("kzlib.data").joinpath("actors.yaml").read_text("utf-8"))
    return tuple(sorted((a["name"], str(a.get("role", "")).split(",")[0])
                        for a in data.get("actors", []) if a.get("type") == "person"))


# --- the spinner, forwards ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _spin_rules() -> tuple[re.Pattern, dict[str, tuple[tuple[str, str], ...]]]:
    """Originals of ``spin_phrases.csv`` as one regex, and their spun forms (with the row's case rule)."""
    table = pd.read_csv(resources.files("kzlib.data").joinpath("spin_phrases.csv"), dtype=str,
                        keep_default_na=False, comment=None)
    table = table[(table["spun"] != "") & (table["original"] != "")]
    forms: dict[str, list[tuple[str, str]]] = {}
    for spun, original, case in zip(table["spun"], table["original"], table["case"]):
        key = original if case == "exact" else original.lower()
        if (spun, case) not in forms.setdefault(key, []):
            forms[key].append((spun, case))
    alts = sorted(forms, key=lambda s: (-len(s), s))
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alts) + r")\b", re.IGNORECASE)
    return pattern, {k: tuple(v) for k, v in forms.items()}


def spin_forward(text: str, *, rng: random.Random, rate: float = 0.9) -> str:
    """Apply the spinner substitutions of ``spin_phrases.csv`` in reverse (original → spun).

    Example:
        >>> spin_forward("The security situation after the Cold War.", rng=random.Random(0), rate=1.0)
        'The safety state of affairs after the Chilly Battle.'
    """
    pattern, forms = _spin_rules()

    def swap(m: re.Match) -> str:
        found = m.group(0)
        options = forms.get(found) or tuple(o for o in forms.get(found.lower(), ()) if o[1] != "exact")
        if not options or rng.random() > rate:
            return found
        spun, case = options[0] if len(options) == 1 else options[rng.randrange(len(options))]
        if case != "exact" and found[:1].isupper():
            spun = spun[:1].upper() + spun[1:]
        return spun

    return pattern.sub(swap, text)


# --- one document ------------------------------------------------------------------------------------

class _Writer:
    def __init__(self, rng: random.Random, material: _Material, *, mutate: float) -> None:
        self.rng = rng
        self.m = material
        self.mutate = mutate
        self.n_caps = len(material.words.get(_CAPS, ()))

    def person(self) -> tuple[str, str]:
        r = self.rng
        if r.random() < 0.45:
            return r.choice(self.m.persons)
        return f"{r.choice(_FIRST)} {r.choice(_LAST)}", r.choice(_ROLES)

    def _number(self, s: str) -> str:
        digits = s.replace(",", "")
        if "." in digits:
            return f"{self.rng.uniform(0.5, 99):.1f}"
        v = int(digits)
        if 1900 <= v <= 2030:
            return str(self.rng.choice((2022, 2022, 2021, 2019, 1991, 2005, 2014, v)))
        new = self.rng.randint(max(1, v // 3), max(2, v * 3))
        return f"{new:,}" if "," in s else str(new)

    def recombine(self, template: tuple[tuple[str, ...], tuple[tuple[int, object], ...]]) -> str:
        parts, slots = template
        out = list(parts)
        rand, mutate = self.rng.random, self.mutate
        for i, pool in slots:
            if pool is None:
                out[i] = self._number(out[i])
            elif rand() < (mutate if len(pool) != self.n_caps else 0.5):
                out[i] = pool[int(rand() * len(pool))]
        return "".join(out)

    def narrative(self) -> str:
        r = self.rng
        first = self.recombine(r.choice(self.m.narrative_parts))
        if r.random() < 0.5 and first.endswith("."):   # splice two sentences into one
            second = self.recombine(r.choice(self.m.narrative_parts))
            return f"{first[:-1]}, {r.choice(('and', 'while', 'but', 'as'))} {_decap(second)}"
        return first

    def quote_body(self) -> str:
        q = self.recombine(self.rng.choice(self.m.quote_parts)).strip()
        q = q.rstrip(".,;:") if q[-1:] in ".,;:" else q
        return q[:1].upper() + q[1:]

    def quotation(self, speaker: tuple[str, str], outlet: str) -> str:
        r = self.rng
        name, role = speaker
        surname = name.split()[-1]
        q = self.quote_body()
        form = r.randrange(6)
        if form == 0:
            return f"“{q},” {name} {r.choice(_SAY)}."
        if form == 1:
            return f"“{q},” said {name}, {role}."
        if form == 2:
            return f"{name}, {role}, {r.choice(('told', 'said to'))} {outlet} that {_decap(q)}."
        if form == 3:
            return f"According to {name}, {_decap(q)}."
        if form == 4:
            return f"“{q},” {surname} {r.choice(_SAY)}. {self.narrative()}"
        return f"– {q}, – says {role} {name}."

    def dated(self, published: pd.Timestamp) -> str:
        r = self.rng
        day = published - pd.Timedelta(days=r.randint(0, 6))
        opener = r.choice((f"On {day:%B} {day.day}, ", f"On {_WEEKDAYS[day.weekday()]}, ", "Last week, ",
                           "Earlier this month, ", f"On {day.day} {day:%B}, "))
        return opener + _decap(self.narrative())


def _decap(sentence: str) -> str:
    """Lower-case the first word when it is a common word (not a name), to continue a sentence."""
    first = sentence.split(" ", 1)[0]
    return sentence[:1].lower() + sentence[1:] if first in _LOWERABLE else sentence


def _published(rng: random.Random) -> pd.Timestamp:
    return pd.Timestamp("2022-01-02") + pd.Timedelta(days=rng.randint(0, 57))


def _outlet(rng: random.Random) -> str:
    return f"{rng.choice(_OUTLET_A)} {rng.choice(_OUTLET_B)}"


def _original(w: _Writer, *, target_words: int) -> dict:
    r = w.rng
    published = _published(r)
    outlet = _outlet(r)
    cast = [w.person() for _ in range(r.randint(2, 4))]
    city = r.choice(_CITIES)
    topic = r.choice(("unrest", "protests", "CSTO troops", "fuel prices", "the crackdown", "the transition",
                      "Russia's role", "the state of emergency", "the internet shutdown", "the arrests"))
    title = r.choice((f"{cast[0][0].split()[-1]} speaks on {topic} in {city}",
                      f"What {topic} mean for {r.choice(('Kazakhstan', 'Moscow', 'Central Asia', 'the region'))}",
                      f"{city} after {topic}: {r.choice(('analysis', 'a week on', 'voices', 'explainer'))}",
                      f"{r.choice(('Kazakhstan', 'Tokayev', 'The CSTO', 'Moscow', 'Washington'))} and {topic}"))
    paras: list[str] = []
    n_words = 0
    while n_words < target_words:
        u = r.random()
        if u < 0.55:
            para = " ".join(w.narrative() for _ in range(r.randint(1, 3)))
        elif u < 0.8:
            para = w.quotation(r.choice(cast), outlet)
        elif u < 0.92:
            para = w.dated(published) + " " + w.narrative()
        else:
            para = (f"{w.narrative()} {r.choice(cast)[0].split()[-1]} was in "
                    f"{r.choice(_CITIES + _ELSEWHERE)} at the time.")
        paras.append(para)
        n_words += len(para.split())
    return {"title": title, "published": published, "outlet": outlet, "body": paras, "city": city}


def _render(story: dict, *, r: random.Random, outlet: str, published: pd.Timestamp, notice: str = "") -> str:
    """Title, furniture and body of one copy."""
    blocks = [story["title"]]
    if r.random() < 0.35:
        blocks.insert(0, f"{_WEEKDAYS[published.weekday()]}, {published:%B} {published.day}, {published.year}"
                      if r.random() < 0.5 else f"{published:%B} {published.day}, {published.year}")
    if r.random() < 0.3:
        blocks.append(f"By {r.choice(_FIRST)} {r.choice(_LAST)}")
    body = list(story["body"])
    if r.random() < 0.4:   # a photo caption (and a credit line) somewhere in the body
        at = r.randint(1, max(1, len(body) - 1))
        day = published - pd.Timedelta(days=r.randint(0, 5))
        cap = (f"{r.choice(_CAPTION_OPENERS)}{r.choice(_CAPTION_SUBJECTS)} in {story['city']}, Kazakhstan, "
               f"{day:%B} {day.day}, {day.year}.")
        extra = [cap, f"{r.choice(_FIRST)} {r.choice(_LAST)}/{r.choice(_AGENCIES)}"] if r.random() < 0.5 else [cap]
        body[at:at] = extra
    blocks += body
    if notice:
        blocks.append(notice)
    if r.random() < 0.3:
        blocks.append(", ".join(r.sample(_TOPIC_TAGS, r.randint(3, 6))))
    if r.random() < 0.4:
        blocks.append(r.choice(_END))
        if r.random() < 0.5:
            blocks.append(f"{r.randint(0, 40)} comments")
    return "\n\n".join(blocks) + "\n"


def generate_corpus(n: int, *, seed: int = 0, republish_rate: float = 0.10, spin_rate: float = 0.05,
                    mean_words: int = 550, mutate: float = 0.6,
                    missing_date_rate: float = 0.2) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` synthetic articles and the ground truth of their copies.

    ``republish_rate`` and ``spin_rate`` are the shares of documents that are republished and spun
    copies of an earlier original; ``mean_words`` the mean body length (log-normal); ``mutate`` the
    share of content words swapped in each recombined seed sentence; ``missing_date_rate`` the share of
    documents without a ``published`` date in the table.

    Returns ``(documents, truth)``: ``documents`` has ``doc_id``, ``title``, ``outlet``, ``published``
    (ISO or ""), ``text``; ``truth`` has ``doc_id``, ``story_id`` (the original's doc_id), ``copy_of`` (""
    for originals) and ``copy_kind`` (original / republished / spun).

    Example:
        >>> docs, truth = generate_corpus(50, seed=1)
        >>> len(docs), sorted(truth["copy_kind"].unique())[:1]
        (50, ['original'])
    """
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive int (the number of documents), got {n!r}")
    if not 0 <= republish_rate + spin_rate < 1:
        raise ValueError("republish_rate + spin_rate must be in [0, 1): some documents must be originals")
    material = _material()
    width = max(7, len(str(n - 1)))
    stories: dict[int, dict] = {}
    originals: list[int] = []
    docs, truth = [], []
    for i in range(n):
        r = random.Random(seed * 1_000_003 + i)
        u = r.random()
        kind = "original" if not originals or u >= republish_rate + spin_rate else (
            "republished" if u < republish_rate else "spun")
        doc_id = f"doc{i:0{width}d}"
        if kind == "original":
            target = max(120, int(r.lognormvariate(0, 0.45) * mean_words * 0.9))
            story = _original(_Writer(r, material, mutate=mutate), target_words=target)
            stories[i] = story
            originals.append(i)
            text = _render(story, r=r, outlet=story["outlet"], published=story["published"])
            outlet, published, copy_of = story["outlet"], story["published"], ""
        else:
            src = originals[r.randrange(len(originals))]
            story = dict(stories[src])
            outlet = _outlet(r)
            published = story["published"] + pd.Timedelta(days=r.randint(0, 4))
            if r.random() < 0.3 and len(story["body"]) > 6:
                story["body"] = story["body"][: len(story["body"]) - r.randint(1, 2)]
            notice = ""
            if kind == "republished" or r.random() < 0.3:
                notice = r.choice((f"This article was republished from {story['outlet']}.",
                                   f"Originally published in {story['outlet']}.",
                                   f"Read the original article at {story['outlet']}."))
            text = _render(story, r=r, outlet=outlet, published=published, notice=notice)
            if kind == "spun":
                text = spin_forward(text, rng=r)
            copy_of = f"doc{src:0{width}d}"
        docs.append({"doc_id": doc_id, "title": story["title"] if r.random() < 0.7 else "", "outlet": outlet,
                     "published": "" if r.random() < missing_date_rate else published.date().isoformat(),
                     "text": text})
        truth.append({"doc_id": doc_id, "story_id": copy_of or doc_id, "copy_of": copy_of, "copy_kind": kind})
    return pd.DataFrame(docs), pd.DataFrame(truth)


def write_corpus(path: str | Path, n: int, *, seed: int = 0, **options) -> tuple[Path, Path]:
    """Generate ``n`` documents and write them (``.parquet`` or ``.jsonl``) with ``<stem>.truth.csv``.

    Read the corpus back with ``kzlib.load_corpus(path, id_column="doc_id")``.

    Example:
        >>> write_corpus("/tmp/c.parquet", 100)  # doctest: +SKIP
    """
    path = Path(path)
    if path.suffix not in (".parquet", ".jsonl"):
        raise ValueError(f"write the corpus as .parquet or .jsonl, not {path.suffix!r}")
    docs, truth = generate_corpus(n, seed=seed, **options)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".parquet":
        docs.to_parquet(path, index=False)
    else:
        docs.to_json(path, orient="records", lines=True, force_ascii=False)
    truth_path = path.with_name(path.stem + ".truth.csv")
    truth.to_csv(truth_path, index=False)
    return path, truth_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--out", required=True, help="output file, .parquet or .jsonl")
    parser.add_argument("--republish-rate", type=float, default=0.10)
    parser.add_argument("--spin-rate", type=float, default=0.05)
    parser.add_argument("--mean-words", type=int, default=550)
    args = parser.parse_args(argv)
    path, truth = write_corpus(args.out, args.n, seed=args.seed, republish_rate=args.republish_rate,
                               spin_rate=args.spin_rate, mean_words=args.mean_words)
    print(f"wrote {path} and {truth}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
