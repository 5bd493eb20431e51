"""Benchmark: how fast documents are extracted, and ingested end to end into the store.

One run generates N deterministic synthetic news articles (Markdown with front matter: title,
outlet, url, published) of about W words each into a temporary folder, then measures:

extraction
    ``read_document`` + ``Extractor.run`` over every file, in this one process (one core,
    single-threaded). The Extractor is built (and one document extracted, to warm it up)
    before the clock starts.
end to end
    ONE embedded ArcadeDB server (Bolt) in a fresh temporary data directory;
    ``Store.setup_schema()``; the curated registry written first (``store.write(
    read_registry(REGISTRY_DIR))``, timed separately and not counted); then
    ``Ingester(store, registry entities).run(files)``: read, extract and write each document in
    its own transaction. Afterwards the store must hold every document (``Document`` nodes with
    a ``content_hash``), every result must be ``added``, and a second run over the same files
    must report every document ``unchanged`` (that run is timed too).

Words are ``len(text.split())`` of each document's text as read (front matter left out).

The articles mix registry names and aliases (taken from the registry, by kind), unknown
organisations ("Harbour Crest Bank", "Lumen Ridge Group"), unknown people introduced with a
title or an apposition ("CEO Mara Quill", "Tobin Hale, chief executive of ..."), relation
cues in varied templates (banking, control, subsidiaries, roles, licences, stakes, joint
ventures, ...) and filler sentences without relations.

PDF
    A generated 200-page PDF (``pdfs.py``: a running header and page footer, justified text,
    hyphenated line ends; the same kind of text) is read alone (``read_document``: pypdf,
    page by page), then ingested as one document into the same store; the peak memory
    Python allocates while reading it is measured in a separate, untimed pass.

It prints the setup times, a table (stage, seconds, words, words/s) and PASS/FAIL against the
targets (issue 12's, for the statistical pipeline): extraction >= 5,000 words/s on one core,
end to end >= 3,000 words/s, the 200-page PDF ingested in under 20 s. A missed target is
reported, not an error: the exit code is 0. A failed check (a document missing from the
store, an ingest error, a second run that is not all ``unchanged``) exits 1.

Run (from the repository root, in the hkweb3 venv)::

    python benchmarks/bench_ingest.py                  # 1,000 documents of ~600 words
    python benchmarks/bench_ingest.py --docs 50        # a quick check
    python benchmarks/bench_ingest.py --docs 200 --words 1200 --seed 3 --keep
    python benchmarks/bench_ingest.py --docs 20 --pdf-pages 400
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pdfs import write_pdf

from hkweb3.data import REGISTRY_DIR
from hkweb3.errors import HKWeb3Error
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.embedded import EmbeddedHome
from hkweb3.graph.models import Entity
from hkweb3.graph.store import open_store
from hkweb3.loaders.chinese import has_chinese
from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.ingest import Ingester
from hkweb3.loaders.readers import read_document
from hkweb3.loaders.registry import read_registry

EXTRACTION_TARGET = 5_000  # words/s, read + extract, one core, statistical pipeline
END_TO_END_TARGET = 3_000  # words/s, read + extract + write, one transaction per document
PDF_TARGET = 20.0  # seconds to ingest the 200-page PDF, read + extract + write
STORED_DOCUMENTS = ("MATCH (d:Document) WHERE d.content_hash IS NOT NULL "
                    "RETURN count(d) AS n")


class BenchError(Exception):
    """The benchmark cannot go on (bad arguments, or the results are wrong)."""


# -- who the articles name -----------------------------------------------------------------------

#: Slot name -> the registry kinds that fill it.
REGISTRY_SLOTS: dict[str, tuple[str, ...]] = {
    "bank": ("Bank", "VirtualBank"),
    "platform": ("TradingPlatform",),
    "company": ("Company",),
    "assoc": ("Association",),
    "rperson": ("Person",),  # a registry person: may stand bare, without a title
    "person": ("Person",),  # anyone, always introduced by a title or an apposition
    "regulator": ("Regulator",),
    "initiative": ("Initiative",),
    "event": ("Event",),
    "gov": ("GovernmentBody",),
    "place": ("Place",),
    "outlet": ("MediaOutlet",),
}
#: Slot name -> suffixes of unknown organisations of that slot (None: registry only).
UNKNOWN_SUFFIXES: dict[str, tuple[str, ...]] = {
    "bank": ("Bank", "Bank", "Bank", "Digital Bank", "Commercial Bank"),
    "platform": ("Exchange", "Exchange", "Digital Exchange", "Asset Exchange"),
    "company": ("Group", "Holdings", "Capital", "Labs", "Technologies", "Ventures",
                "Investments", "Fintech", "Partners", "Securities", "Technology"),
    "assoc": ("Association", "Institute", "Council", "Federation", "Chamber"),
}
#: How many of each slot one article's cast holds.
CAST = {"bank": 2, "platform": 2, "company": 3, "assoc": 1, "person": 3, "rperson": 1,
        "regulator": 2, "initiative": 1, "event": 1, "gov": 1, "place": 2}
REGISTRY_SHARE = 0.5  # chance that an organisation or person slot is a registry entity
ORG_SLOTS = ("bank", "platform", "company")

_NAME_WORDS = (
    "Harbour", "Crest", "Lumen", "Ridge", "Kowloon", "Tide", "Jade", "Orchid", "Silver", "Pine",
    "Granite", "Meridian", "Beacon", "Cobalt", "Summit", "Lantern", "Pearl", "River", "Aurora",
    "Falcon", "Cedar", "Harmony", "Vertex", "Anchorage", "Northgate", "Bayview", "Sterling",
    "Kestrel", "Junction", "Lighthouse", "Quarry", "Mosaic", "Tidewater", "Skyline", "Ironwood",
    "Copper", "Emerald", "Victoria", "Nimbus", "Saffron", "Willow", "Onyx", "Tamar", "Lotus",
    "Typhoon", "Compass", "Ember", "Garnet", "Halcyon", "Indigo", "Juniper", "Keystone",
    "Larch", "Magnolia", "Nova", "Oakridge", "Peninsula", "Quartz", "Redwood", "Sandpiper",
    "Topaz", "Umber", "Vantage", "Wharf", "Yarrow", "Zenith", "Sai Kung", "Tsing Yi",
)
_FIRST = ("Mara", "Tobin", "Ada", "Ivo", "Selina", "Marcus", "Priya", "Dorian", "Wing",
          "Kelvin", "Rosalind", "Felix", "Hana", "Otto", "Lucia", "Bram", "Carys", "Desmond",
          "Elena", "Gideon", "Imogen", "Jasper", "Kira", "Lionel", "Nadia", "Oscar", "Petra",
          "Quentin", "Renata", "Soren", "Talia", "Ulric", "Vera", "Wendell", "Yvette", "Zane",
          "Bianca", "Cyrus", "Delia", "Emeric")
_LAST = ("Quill", "Hale", "Rook", "Brandt", "Voss", "Okafor", "Lindqvist", "Marlow", "Tso",
         "Kwan", "Szeto", "Pemberton", "Achebe", "Halvorsen", "Ferreira", "Nakamura", "Ostrova",
         "Castellan", "Whitlock", "Delacroix", "Farrow", "Greaves", "Ibarra", "Jansen", "Kowal",
         "Lacroix", "Moreau", "Nesbitt", "Oduya", "Prewitt", "Rasmussen", "Sorensen", "Thorne",
         "Underhill", "Varga", "Wexford", "Yeung", "Zeller", "Ashby", "Bellamy")
_OUTLETS = ("Harbour Ledger", "Asia Chain Daily", "Pearl River Wire", "Kowloon Markets Review",
            "Digital Asset Brief")


@dataclass
class Actor:
    """One entity an article can name, with its surface forms (name first)."""

    key: str
    forms: tuple[str, ...]
    registry: bool

    def say(self, rng: random.Random) -> str:
        if len(self.forms) == 1 or rng.random() < 0.6:
            return self.forms[0]
        return rng.choice(self.forms[1:])


@dataclass
class Pools:
    """Everyone the generator may draw from: registry entities and made-up ones."""

    registry: dict[str, list[Actor]]
    unknown: dict[str, list[Actor]] = field(default_factory=dict)


def registry_actors(entities: Sequence[Entity]) -> dict[str, list[Actor]]:
    """Registry entities by slot, with their name and aliases as surface forms."""
    by_slot: dict[str, list[Actor]] = {slot: [] for slot in REGISTRY_SLOTS}
    for entity in sorted(entities, key=lambda e: e.id):
        forms = [entity.name] + sorted(a for a in entity.aliases if a != entity.name)
        # no list-like aliases; English articles, so no Chinese names (nor a PDF font for them)
        forms = [f for f in forms if "," not in f and len(f) >= 2 and not has_chinese(f)]
        if not forms:
            continue
        if entity.kind == "Place":  # "in the United States", "in the US"
            forms = [f"the {f}" if f.startswith(("United", "US", "U.S.")) else f
                     for f in forms]
        for slot, kinds in REGISTRY_SLOTS.items():
            if entity.kind in kinds:
                by_slot[slot].append(Actor(entity.id, tuple(forms), True))
    return by_slot


def make_pools(entities: Sequence[Entity], docs: int, rng: random.Random) -> Pools:
    """Registry actors, plus unknown organisations and people (more for more documents, so
    that made-up names recur across articles as real ones do)."""
    pools = Pools(registry_actors(entities))
    taken = {w.casefold() for e in entities for n in (e.name, *e.aliases) for w in n.split()}
    words = [w for w in _NAME_WORDS if not set(w.casefold().split()) & taken]
    names: set[str] = {n.casefold() for e in entities for n in (e.name, *e.aliases)}
    per_slot = max(20, docs // 5)
    for slot, suffixes in UNKNOWN_SUFFIXES.items():
        actors = []
        while len(actors) < per_slot:
            parts = rng.sample(words, rng.choice((1, 2, 2, 2, 3)))
            name = " ".join([*parts, rng.choice(suffixes)])
            if name.casefold() not in names:
                names.add(name.casefold())
                actors.append(Actor(name, (name,), False))
        pools.unknown[slot] = actors
    people = []
    while len(people) < max(30, docs // 4):
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        if name.casefold() not in names:
            names.add(name.casefold())
            people.append(Actor(name, (name,), False))
    pools.unknown["person"] = people
    return pools


# -- what the articles say -----------------------------------------------------------------------

#: Sentences with a relation cue. Fields name slots of the article's cast (a digit suffix asks
#: for another one of the same slot) or words (see ``WORDS``).
RELATIONS = (
    "{bank} provides {service} to {platform}, according to a person familiar with the "
    "arrangement.",
    "{bank} has begun offering {service} to {company} and several other Web3 start-ups.",
    "{bank} acts as the settlement bank for {platform}, handling deposits and withdrawals in "
    "Hong Kong dollars.",
    "{company} banks with {bank}, its latest annual report shows.",
    "{platform}'s main settlement bank is {bank}, which also holds part of its client money.",
    "{bank} opened {service} for {company} last {month} after months of due diligence.",
    "{company} is controlled by {company2}, which holds the majority of its voting shares.",
    "{company2} controls {company} through a chain of offshore holding vehicles.",
    "{platform}, a subsidiary of {company}, said it expects to list more tokens this year.",
    "{bank} is a wholly-owned subsidiary of {company}, according to its licence filing.",
    "{company}'s chief executive {person} said the group would keep investing in Hong Kong.",
    "{person}, chief executive of {org}, told reporters that {quote_lc}.",
    "{platform} was licensed by the {regulator} in {month} {year}.",
    "{platform} received a licence from the {regulator} in {year}, becoming one of a handful "
    "of approved venues.",
    "The {regulator} granted a virtual asset trading licence to {platform} on {weekday}.",
    "{org} and {org2} formed a joint venture to {aim}.",
    "{org} partnered with {org2} on {project}, the two firms said in a joint statement.",
    "{org} signed a memorandum of understanding with {org2} covering {project}.",
    "{company} holds a {pct}% stake in {platform} after its latest funding round.",
    "{platform} is backed by {company}, which led a {amount} million US dollar round in {year}.",
    "{platform} is regulated by the {regulator} and must keep {pct} per cent of client assets "
    "in cold storage.",
    "{org} joined {initiative} as one of its first participants.",
    "{rperson} spoke at the {event}, saying that {quote_lc}.",
    "{company} was founded in {year} by its chairman {person}.",
    "{person}, the founder of {company}, said the firm had no plans to leave the city.",
    "{person}, chairman of {assoc}, said members wanted clearer rules on {topic}.",
    "{company} operates {platform}, which serves professional investors.",
)
#: Sentences that introduce or quote people by a title or an apposition.
PEOPLE = (
    "\"{quote},\" {org} chief executive {person} said in an interview.",
    "\"{quote},\" said {title} {person}.",
    "{person}, head of digital assets at {org}, said {quote_lc}.",
    "Analyst {person} said the {topic} debate was far from settled.",
    "CEO {person} declined to comment on {topic}.",
    "Director {person} said the board had approved the plan in {month}.",
    "{rperson} said {quote_lc}.",
    "Speaking in {place}, {rperson} said the city would {aim}.",
)
#: Sentences without a relation, with or without names.
FILLER = (
    "Trading volumes rose {pct} per cent in the {quarter} quarter, according to people "
    "familiar with the matter.",
    "Analysts said demand for tokenised deposits remained uneven across the market.",
    "The lender said it had seen a sharp rise in account applications since {month}.",
    "The exchange said its order books had deepened after the rule change.",
    "Shares of listed crypto firms in {place} rose on {weekday}.",
    "Bitcoin traded near {amount},000 US dollars on {weekday}, little changed from a week "
    "earlier.",
    "The company did not disclose the financial terms of the deal.",
    "Industry executives have long complained that opening a bank account can take months.",
    "The city has issued {num} licences under the new regime so far.",
    "Critics say the rules remain too strict for smaller firms.",
    "The {regulator} said it would publish further guidance later this year.",
    "Its rivals in {place} are expected to follow within months.",
    "Several lawmakers have urged the {gov} to speed up the approvals.",
    "The firm employs about {amount}0 people, most of them engineers.",
    "Regulators in {place} have taken a more cautious approach.",
    "Stablecoin issuers will need to hold reserves of high-quality liquid assets.",
    "The move comes as {place} competes with Singapore and Dubai for digital-asset business.",
    "It was not immediately clear how many customers would be affected.",
    "She said the bank expected the business to break even within {num} years.",
    "He added that compliance costs had risen sharply over the past year.",
    "The announcement was made at a briefing attended by about {amount} people.",
    "Retail investors will be able to trade only the largest tokens at first.",
    "Fees for custody services have fallen as competition has grown.",
    "A spokesperson for the {regulator} said the agency does not comment on individual firms.",
    "The {event} drew thousands of visitors over two days.",
    "{place} remains one of the busiest financial centres in Asia.",
    "The plan still requires approval from shareholders at a meeting in {month}.",
    "Market makers said liquidity in Hong Kong dollar pairs was still thin.",
)
HEADLINES = (
    "{org} bets on Hong Kong as crypto licensing gathers pace",
    "{bank} expands banking for licensed exchanges",
    "{platform} wins approval from the {regulator}",
    "{org} and {org2} team up on tokenisation",
    "Inside {company}'s push into digital assets",
    "{regulator} tightens rules as {platform} grows",
)
WORDS: dict[str, tuple[str, ...]] = {
    "service": ("settlement accounts", "corporate accounts", "custody services",
                "fiat on-ramp services", "escrow accounts", "payroll accounts",
                "treasury services", "banking services"),
    "title": ("chief executive", "CEO", "chairman", "director", "president", "spokesperson",
              "managing director"),
    "quote": ("We see strong demand from institutional clients",
              "The rules give the industry the clarity it needs",
              "Hong Kong is open for business",
              "We will not cut corners on compliance",
              "Tokenisation will change how assets are settled",
              "It is still early days for this market"),
    "aim": ("issue a Hong Kong dollar stablecoin", "build a tokenised bond platform",
            "offer custody to family offices", "develop cross-border payment rails",
            "attract more virtual asset firms"),
    "project": ("tokenised deposits", "cross-border payments", "digital asset custody",
                "a stablecoin pilot", "on-chain settlement"),
    "topic": ("stablecoin reserves", "retail access", "staking", "custody rules",
              "anti-money-laundering checks"),
    "month": ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
    "quarter": ("first", "second", "third", "fourth"),
    "year": tuple(str(y) for y in range(2019, 2026)),
    "pct": ("5", "10", "12", "15", "20", "25", "30", "49", "51"),
    "num": ("two", "three", "four", "five", "seven", "eleven"),
    "amount": ("12", "25", "40", "65", "80", "120", "300"),
}
_FIELD = re.compile(r"\{(\w+)\}")


class Article:
    """One article's cast and sentence maker."""

    def __init__(self, pools: Pools, rng: random.Random):
        self.rng = rng
        self.cast: dict[str, list[Actor]] = {}
        for slot, count in CAST.items():
            known = pools.registry.get(slot, [])
            unknown = pools.unknown.get(slot, [])
            chosen: list[Actor] = []
            for _ in range(count):
                registry = known and (not unknown or rng.random() < REGISTRY_SHARE)
                pool = known if registry else unknown
                left = [a for a in pool if a not in chosen]
                if left:
                    chosen.append(rng.choice(left))
            self.cast[slot] = chosen
        self.cast["org"] = [a for slot in ORG_SLOTS for a in self.cast[slot]]
        self.cast["outlet"] = list(pools.registry.get("outlet", []))

    def fill(self, template: str) -> str:
        values: dict[str, str] = {}
        used: set[str] = set()

        def value(match: re.Match) -> str:
            name = match[1]
            if name not in values:
                values[name] = self._value(name.rstrip("0123456789"), used)
            return values[name]

        text = _FIELD.sub(value, template)
        return text[:1].upper() + text[1:]  # "livi bank ..." opening a sentence

    def _value(self, slot: str, used: set[str]) -> str:
        if slot == "quote_lc":
            quote = self.rng.choice(WORDS["quote"])
            return quote[:1].lower() + quote[1:]
        if slot in WORDS:
            return self.rng.choice(WORDS[slot])
        actors = self.cast.get(slot) or []
        fresh = [a for a in actors if a.key not in used] or actors
        if not fresh:
            raise BenchError(f"no entity for slot {slot!r}: the registry has none of that kind")
        actor = self.rng.choice(fresh)
        used.add(actor.key)
        return actor.say(self.rng)

    def sentence(self) -> str:
        roll = self.rng.random()
        templates = RELATIONS if roll < 0.45 else PEOPLE if roll < 0.6 else FILLER
        return self.fill(self.rng.choice(templates))


def make_article(pools: Pools, words: int, rng: random.Random) -> tuple[str, str, int]:
    """Title, Markdown body and the body's word count, about ``words`` words long."""
    article = Article(pools, rng)
    title = article.fill(rng.choice(HEADLINES))
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = []
        for _ in range(rng.randint(2, 5)):
            sentence = article.sentence()
            paragraph.append(sentence)
            count += len(sentence.split())
            if count >= words:
                break
        paragraphs.append(" ".join(paragraph))
    return title, "\n\n".join(paragraphs), count


def generate(folder: Path, pools: Pools, docs: int, words: int, seed: int) -> list[Path]:
    """Write ``docs`` articles into ``folder``; return their paths, in order."""
    rng = random.Random(seed)
    outlets = [a.forms[0] for a in pools.registry.get("outlet", [])] + list(_OUTLETS)
    first_day = dt.date(2019, 1, 1)
    files = []
    for i in range(docs):
        title, body, _ = make_article(pools, words, rng)
        published = first_day + dt.timedelta(days=rng.randrange(6 * 365 + 180))
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
        front = "\n".join([
            "---",
            f"title: {json.dumps(title)}",
            f"outlet: {json.dumps(rng.choice(outlets))}",
            f"url: https://news.example.com/{published:%Y/%m}/{slug}-{i}",
            f"published: {published.isoformat()}",
            "---",
        ])
        path = folder / f"bench-{i:05d}.md"
        path.write_text(f"{front}\n# {title}\n\n{body}\n", encoding="utf-8")
        files.append(path)
    return files


def generate_pdf(path: Path, pools: Pools, pages: int, seed: int) -> None:
    """A report of ``pages`` pages, one article of ~330 words each."""
    rng = random.Random(seed)
    content = []
    for _ in range(pages):
        title, body, _ = make_article(pools, 330, rng)
        content.append([f"# {title}", *body.split("\n\n")])
    write_pdf(path, content, title="Digital assets in Hong Kong: annual review",
              published=dt.date(2025, 6, 30))


# -- measuring -----------------------------------------------------------------------------------


@dataclass
class Stage:
    name: str
    seconds: float
    words: int
    docs: int
    note: str = ""

    @property
    def rate(self) -> float:
        return self.words / self.seconds if self.seconds else float("inf")


@dataclass
class Extracted:
    words: int = 0
    entities: int = 0
    discovered: int = 0
    relations: int = 0
    types: Counter = field(default_factory=Counter)


def measure_extraction(files: list[Path], extractor: Extractor) -> tuple[Stage, Extracted]:
    totals = Extracted()
    started = time.perf_counter()
    for path in files:
        source = read_document(path)
        totals.words += len(source.text.split())
        batch = extractor.run(source)
        totals.entities += len(batch.entities)
        totals.discovered += sum(e.discovered for e in batch.entities)
        totals.relations += len(batch.relations)
        totals.types.update(r.type for r in batch.relations)
    seconds = time.perf_counter() - started
    return Stage("extraction", seconds, totals.words, len(files),
                 "read_document + Extractor.run, one process"), totals


def timed(label: str, function: Callable[[], object]) -> tuple[float, object]:
    print(f"- {label} ...", flush=True)
    started = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - started
    print(f"  {seconds:.2f} s", flush=True)
    return seconds, result


def measure_pdf_read(pdf: Path) -> tuple[Stage, float]:
    """Read the PDF alone (timed), then again under tracemalloc (untimed): the stage and the
    peak MB Python allocated."""
    started = time.perf_counter()
    source = read_document(pdf)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    read_document(pdf)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    note = f"{len(source.pages)} pages, {pdf.stat().st_size / 1e6:.1f} MB; read_document"
    return Stage("PDF read", seconds, len(source.text.split()), 1, note), peak


def measure_end_to_end(
    files: list[Path], registry_dir: Path, setup: dict[str, float], pdf: Path | None = None
) -> tuple[list[Stage], list[str], str]:
    """Ingest into a fresh embedded store twice, then the PDF; return the stages, the
    problems found and the server's description."""
    stages: list[Stage] = []
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="hkweb3-bench-ingest-store-") as tmp:
        home = EmbeddedHome(Path(tmp) / "home")
        setup["embedded server start"], _ = timed("starting the embedded server", home.start)
        try:
            with open_store(StoreConfig(home=home.path)) as store:
                agent = store.server_agent()
                setup["setup_schema"], _ = timed("store.setup_schema()", store.setup_schema)
                setup["registry read"], registry = timed(
                    "reading the registry", lambda: read_registry(registry_dir))
                setup["registry write"], _ = timed(
                    f"writing the registry ({len(registry.entities)} entities, "
                    f"{len(registry.relations)} relations, {len(registry.documents)} citations)",
                    lambda: store.write(registry))
                before = store.read(STORED_DOCUMENTS).rows[0]["n"]
                setup["Ingester construction"], ingester = timed(
                    "Ingester(store, registry entities)",
                    lambda: Ingester(store, registry.entities))

                for name, expected in (("end to end", "added"),
                                       ("re-ingest (unchanged)", "unchanged")):
                    print(f"- {name}: ingesting {len(files):,} documents ...", flush=True)
                    started = time.perf_counter()
                    results = list(ingester.run(files))
                    seconds = time.perf_counter() - started
                    statuses = Counter(r.status for r in results)
                    words = sum(r.words for r in results)
                    print(f"  {seconds:.2f} s, statuses {dict(statuses)}", flush=True)
                    note = ", ".join(f"{n:,} {s}" for s, n in sorted(statuses.items()))
                    stages.append(Stage(name, seconds, words, len(files), note))
                    if statuses[expected] != len(files):
                        errors = [r.error for r in results if r.status == "error"][:3]
                        problems.append(f"{name}: expected {len(files):,} {expected}, got "
                                        f"{dict(statuses)}" + (f"; e.g. {errors}" if errors
                                                               else ""))
                    if name == "end to end":
                        after = store.read(STORED_DOCUMENTS).rows[0]["n"]
                        print(f"  Document nodes with a content_hash: {before:,} before, "
                              f"{after:,} after", flush=True)
                        if after - before != len(files):
                            problems.append(f"the store holds {after - before:,} new documents "
                                            f"with a content_hash, expected {len(files):,}")
                if pdf is not None:
                    print(f"- PDF end to end: ingesting {pdf.name} ...", flush=True)
                    started = time.perf_counter()
                    results = list(ingester.run([pdf]))
                    seconds = time.perf_counter() - started
                    print(f"  {seconds:.2f} s", flush=True)
                    statuses = [r.status for r in results]
                    stages.append(Stage("PDF end to end", seconds, sum(r.words for r in results),
                                        1, ", ".join(statuses)))
                    if statuses != ["added"]:
                        problems.append(f"PDF: expected one document added, got {statuses}: "
                                        f"{[r.error for r in results if r.error]}")
        finally:
            home.stop()
    return stages, problems, agent


# -- the run -------------------------------------------------------------------------------------


def cpu_note() -> str:
    total = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = total
    mine = f", {usable} usable by this process" if usable != total else ""
    return f"{total} CPUs{mine}"


def report(stages: list[Stage], extracted: Extracted, setup: dict[str, float],
           args: argparse.Namespace, agent: str, wall: float, pdf_peak: float | None) -> None:
    print()
    print(f"machine: {cpu_note()}; extraction is single-threaded (one process, one core); end "
          "to end, the embedded ArcadeDB server runs in its own (JVM) process")
    print(f"server: {agent}")
    print(f"documents: {args.docs:,} of ~{args.words:,} words (seed {args.seed}), "
          f"{extracted.words:,} words in all")
    print(f"extracted: {extracted.entities:,} entities ({extracted.discovered:,} discovered), "
          f"{extracted.relations:,} relations")
    print("relations by type: " + ", ".join(f"{t} {n:,}" for t, n in
                                            extracted.types.most_common()))
    print()
    print("setup (not counted): " + ", ".join(f"{k} {v:.2f} s" for k, v in setup.items()))
    print()
    print(f"{'stage':<24}{'seconds':>9}{'words':>11}{'words/s':>10}{'ms/doc':>9}  note")
    for s in stages:
        per_doc = 1000 * s.seconds / s.docs if s.docs else 0.0
        print(f"{s.name:<24}{s.seconds:>9.2f}{s.words:>11,}{s.rate:>10,.0f}{per_doc:>9.1f}  "
              f"{s.note}")
    print()
    by_name = {s.name: s for s in stages}
    for name, target in (("extraction", EXTRACTION_TARGET), ("end to end", END_TO_END_TARGET)):
        stage = by_name.get(name)
        if stage is None:
            continue
        verdict = "PASS" if stage.rate >= target else "FAIL"
        print(f"{name:<24}{stage.rate:>10,.0f} words/s   target >= {target:>6,}   {verdict}")
    pdf = by_name.get("PDF end to end")
    if pdf is not None:
        verdict = "PASS" if pdf.seconds < PDF_TARGET else "FAIL"
        print(f"{'PDF end to end':<24}{pdf.seconds:>10.2f} s         target <  "
              f"{PDF_TARGET:>6.0f} s   {verdict}")
    if pdf_peak is not None:
        print(f"PDF read: peak memory allocated by Python {pdf_peak:.1f} MB")
    print()
    print(f"total wall time: {wall:.1f} s")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents (default 1000)")
    parser.add_argument("--words", type=int, default=600,
                        help="words per document, about (default 600)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--pdf-pages", type=int, default=200,
                        help="pages of the PDF case (default 200; 0 leaves it out)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the generated documents and print their folder")
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be positive")
    if args.words < 20:
        parser.error("--words must be at least 20")
    if args.pdf_pages < 0:
        parser.error("--pdf-pages must be 0 or more")
    return args


@contextlib.contextmanager
def documents_dir(keep: bool) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="hkweb3-bench-ingest-docs-"))
    try:
        yield path
    finally:
        if keep:
            print(f"generated documents kept in {path}")
        else:
            shutil.rmtree(path, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    wall = time.perf_counter()
    setup: dict[str, float] = {}
    registry = read_registry(REGISTRY_DIR)
    with documents_dir(args.keep) as folder:
        pools = make_pools(registry.entities, args.docs, random.Random(args.seed))
        setup["generation"], files = timed(
            f"generating {args.docs:,} documents of ~{args.words:,} words in {folder}",
            lambda: generate(folder, pools, args.docs, args.words, args.seed))

        setup["Extractor construction"], extractor = timed(
            "Extractor(registry entities)", lambda: Extractor(registry.entities))
        extractor.run(read_document(files[0]))  # warm-up, untimed
        print(f"- extraction: {len(files):,} documents, one process ...", flush=True)
        extraction, extracted = measure_extraction(files, extractor)
        print(f"  {extraction.seconds:.2f} s", flush=True)

        pdf, pdf_stages, pdf_peak = None, [], None
        if args.pdf_pages:
            pdf = folder / "annual-review.pdf"
            setup["PDF generation"], _ = timed(
                f"generating a {args.pdf_pages}-page PDF",
                lambda: generate_pdf(pdf, pools, args.pdf_pages, args.seed))
            print("- PDF read ...", flush=True)
            pdf_read, pdf_peak = measure_pdf_read(pdf)
            print(f"  {pdf_read.seconds:.2f} s", flush=True)
            pdf_stages = [pdf_read]

        stages, problems, agent = measure_end_to_end(files, REGISTRY_DIR, setup, pdf)
        for stage in stages:
            if stage.name.startswith("PDF"):
                continue
            if stage.words != extracted.words:
                problems.append(f"{stage.name}: {stage.words:,} words ingested, "
                                f"{extracted.words:,} extracted")
    documents = [stage for stage in stages if not stage.name.startswith("PDF")]
    pdf_ingest = [stage for stage in stages if stage.name.startswith("PDF")]
    report([extraction, *documents, *pdf_stages, *pdf_ingest], extracted, setup, args, agent,
           time.perf_counter() - wall, pdf_peak)
    if problems:
        print()
        for problem in problems:
            print(f"CHECK FAILED: {problem}")
        return 1
    print("checks: every document stored with its content_hash, re-ingest all unchanged"
          + (", the PDF added" if args.pdf_pages else ""))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (BenchError, HKWeb3Error) as exc:
        print(f"bench_ingest: FAILED: {exc}", file=sys.stderr)
        sys.exit(1)
