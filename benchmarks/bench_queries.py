"""Benchmark: how fast every named query of the library answers, on the shipped graph and on a
large synthetic one.

One run measures two databases, each behind its own embedded ArcadeDB server (Bolt) in its
own temporary data directory (the first server is stopped before the second starts, so only
one runs at a time and the second database starts empty, with nothing cached):

shipped graph
    ``api.build(StoreConfig(home=...))``: the curated registry plus ``data/documents``, as
    ``hkweb3 build`` makes it. Reported, no targets (it is small).
synthetic graph
    ``--entities`` entities (default 20,000) and ``--edges`` fact edges (default 100,000),
    deterministic for a ``--seed``, plus a few hundred ``Document`` nodes and their
    ``MENTIONS`` edges (``GraphBatch.mentions``, not counted in ``--edges``). Kinds: Bank,
    VirtualBank, TradingPlatform, Company, Regulator, Person, Initiative, Place; 14 edge types,
    each end checked with ``Schema.allows``; edge properties the queries read (``service``,
    ``role``, ``since`` as an ISO date string, ``current``, ``until``, ``licence``, ``share``),
    evidence on every edge, aliases on every entity, entity sources (1 to 3 documents) and some
    entities ``discovered``. Targets of edges are drawn with a skew (a few hubs, a long tail);
    ownership (SUBSIDIARY_OF, CONTROLLED_BY between organisations) is acyclic, an organisation
    has one parent and a single-holder role (ceo, chair, ...) one holder, except for about 1%
    of deliberate conflicts. The entities the library's defaults name (``za-bank``,
    ``hashkey-exchange``, ``sfc``, ``mox-bank``, ``bocom``, ``norman-chan``, ... read from the
    queries' headers, taken with their names, kinds and aliases from ``data/registry``) are in
    it as hubs, with hand-placed structure so that every query returns rows: an ownership
    chain five levels up and a subsidiary tree three levels down for each organisation,
    people in roles, owners, licences, banking between the bank and platform defaults,
    mentions in about 10% of the documents. It is loaded with ``Store.write`` in
    ``GraphBatch``es of 5,000 rows (documents, then entities, then relations, then mentions),
    and the stored counts are checked.

On each database every named query runs with its default parameters (a null default stays
null; a required parameter without a default gets a fixed value, printed): one warm-up call
(its time is shown as "first" but not counted), then ``--repeat`` timed calls of
``run_named`` end to end (default values converted, entity parameters resolved through
``find-entity``, the read run and its rows turned into Python). p50 is the median, p95 the
nearest-rank 95th percentile. "read p50" is the same query with its entities resolved
beforehand (``store.read`` alone), so the share of entity resolution can be seen. A query
whose warm-up call takes over 10 s is timed only 3 times (said in the report), so that a
pathological query cannot hold the run up for hours.

Targets (synthetic graph): p50 under 100 ms for every query, except path searches (names
containing "path", "chain", "neighbourhood" or "subsidiaries": variable-length traversals),
which get 1,000 ms. Each query is reported PASS or FAIL, and for each FAIL the server's
EXPLAIN plan (``EXPLAIN`` + the query, with the same resolved parameters) is printed. A
missed target is reported, not an error: the exit code is 0. A query that fails, or that
returns no rows on the synthetic graph (the generator does not cover it), exits 1.

Run (from the repository root, in the hkweb3 venv)::

    python benchmarks/bench_queries.py                             # 20,000 / 100,000, 20 runs
    python benchmarks/bench_queries.py --entities 2000 --edges 10000 --repeat 5   # quick
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import math
import random
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j
import synthetic

from hkweb3 import api
from hkweb3.data import REGISTRY_DIR
from hkweb3.errors import HKWeb3Error
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.conflicts import canonical_role
from hkweb3.graph.embedded import EmbeddedHome
from hkweb3.graph.models import Document, Entity, Evidence, GraphBatch, Relation, edge_key
from hkweb3.graph.schema import ENTITY_LABEL, Schema, load_schema
from hkweb3.graph.store import Store, open_store
from hkweb3.loaders.registry import read_registry
from hkweb3.queries.library import NamedQuery, load_library, resolve_entity, run_named

FAST_TARGET_MS = 100.0  # p50 of every query on the synthetic graph ...
PATH_TARGET_MS = 1000.0  # ... except path searches
PATH_WORDS = ("path", "chain", "neighbourhood", "subsidiaries")
CHUNK = 5000  # rows per GraphBatch when loading the synthetic graph
SLOW_CALL_MS = 10_000.0  # a query whose warm-up call takes longer ...
SLOW_REPEAT = 3  # ... is timed only this many times, so that the run ends
RULE = "bench-synthetic"

#: A value for a required parameter that has no default, by type ("" = the first anchor).
REQUIRED_VALUES: dict[str, Any] = {"entity": "", "text": "", "int": 1, "float": 0.5,
                                   "date": "2024-01-01", "list": "[]"}


class BenchError(Exception):
    """The benchmark cannot go on (bad arguments, or the store holds the wrong data)."""


# -- the library ---------------------------------------------------------------------------------


def target_ms(name: str) -> float:
    """The p50 target of a query: path searches get more time."""
    return PATH_TARGET_MS if any(word in name for word in PATH_WORDS) else FAST_TARGET_MS


def default_refs(library: dict[str, NamedQuery]) -> list[str]:
    """Every non-null default of an entity parameter (an id, name or alias), in order."""
    refs: list[str] = []
    for query in library.values():
        for param in query.params:
            default = None if param.required else param.default
            if param.type == "entity" and default is not None and default not in refs:
                refs.append(default)
    return refs


def anchors_from_registry(refs: Sequence[str]) -> tuple[list[Entity], list[str]]:
    """The registry entities the defaults name (by id, name or alias, any case), and the
    refs that name none."""
    by_ref: dict[str, Entity] = {}
    for entity in read_registry(REGISTRY_DIR).entities:
        for ref in (entity.id, entity.name, *entity.aliases):
            by_ref.setdefault(ref.lower(), entity)
    anchors: dict[str, Entity] = {}
    missing = []
    for ref in refs:
        entity = by_ref.get(ref.lower())
        if entity is None:
            missing.append(ref)
        else:
            anchors.setdefault(entity.id, entity)
    return list(anchors.values()), missing


def default_values(query: NamedQuery, anchors: Sequence[Entity]) -> tuple[dict[str, Any], str]:
    """The values to run ``query`` with (defaults, plus one for each required parameter),
    and a note naming what was supplied."""
    values: dict[str, Any] = {}
    supplied = []
    for param in query.params:
        if not param.required:
            continue
        value = REQUIRED_VALUES[param.type]
        if value == "" and anchors:
            value = anchors[0].id if param.type == "entity" else anchors[0].name
        values[param.name] = value
        supplied.append(f"{param.name}={value!r}")
    return values, ", ".join(supplied)


def resolved_params(store: Store, query: NamedQuery, values: dict[str, Any]) -> dict[str, Any]:
    """The parameters ``run_named`` sends: converted, defaults filled in, entities resolved."""
    params = query.convert(values)
    for param in query.params:
        if param.type == "entity" and params[param.name] is not None:
            params[param.name] = resolve_entity(store, params[param.name]).id
    return params


# -- the synthetic graph -------------------------------------------------------------------------

#: (kind, id prefix, share of the generated entities)
KINDS: tuple[tuple[str, str, float], ...] = (
    ("Bank", "bank", 0.08),
    ("VirtualBank", "vbank", 0.02),
    ("TradingPlatform", "platform", 0.08),
    ("Company", "company", 0.375),
    ("Regulator", "regulator", 0.005),
    ("Person", "person", 0.35),
    ("Initiative", "initiative", 0.07),
    ("Place", "place", 0.02),
)
ORGS = ("Bank", "VirtualBank", "TradingPlatform", "Company", "Regulator")
FIRMS = ("Bank", "VirtualBank", "TradingPlatform", "Company")
BANKS = ("Bank", "VirtualBank")

_OUTLETS = ("South China Morning Post", "The Standard", "Hong Kong Economic Journal",
            "CoinDesk", "The Block", "Bloomberg", "Reuters", "Ming Pao")

SERVICES = ("settlement account", "custody", "payroll", "fiat on-ramp", "corporate account",
            "escrow", "treasury", "segregated client accounts")
ROLES = ("ceo", "chief executive", "chair", "director", "cto", "cfo", "compliance officer",
         "board member", "head of digital assets", "managing director", "president")
LICENCES = ("type 1", "type 4", "type 7", "type 9", "VATP", "banking licence",
            "virtual banking licence", "money service operator", "stored value facility",
            "stablecoin issuer")
SHARES = ("5%", "10%", "20%", "25%", "49%", "51%", "100%")  # as reported: text

SKEW = 2.0  # targets drawn at index int(len * u ** SKEW): the head of a pool is a hub
CONFLICT_SHARE = 0.01  # second claims (conflicts) kept under this share of all single claims
ACYCLIC = ("SUBSIDIARY_OF", "CONTROLLED_BY")  # between organisations: source ranks below target


@dataclass(frozen=True)
class EdgeSpec:
    """How to draw one edge type: allowed ends (kinds), share of the edges, and a verb."""

    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    weight: float
    verb: str


EDGES: tuple[EdgeSpec, ...] = (
    EdgeSpec("PROVIDES_BANKING_TO", BANKS, ("TradingPlatform", "Company", "Person"), 0.10,
             "provides banking to"),
    EdgeSpec("PARTNERS_WITH", FIRMS, FIRMS, 0.10, "partners with"),
    EdgeSpec("HOLDS_ROLE", ("Person",), (*ORGS, "Initiative"), 0.22, "works at"),
    EdgeSpec("CHAIRS", ("Person",), (*FIRMS, "Initiative"), 0.02, "chairs"),
    EdgeSpec("OWNS", (*FIRMS, "Person"), FIRMS, 0.08, "holds a stake in"),
    EdgeSpec("SUBSIDIARY_OF", FIRMS, FIRMS, 0.05, "is a subsidiary of"),
    EdgeSpec("CONTROLLED_BY", FIRMS, (*FIRMS, "Person"), 0.03, "is controlled by"),
    EdgeSpec("FOUNDED_BY", (*FIRMS, "Initiative"), ("Person", *FIRMS), 0.03, "was founded by"),
    EdgeSpec("OPERATES", FIRMS, ("TradingPlatform", "Initiative"), 0.03, "operates"),
    EdgeSpec("LICENSED_BY", FIRMS, ("Regulator",), 0.06, "is licensed by"),
    EdgeSpec("REGULATED_BY", (*FIRMS, "Initiative"), ("Regulator",), 0.04, "is regulated by"),
    EdgeSpec("MEMBER_OF", (*FIRMS, "Person"), ("Company", "Initiative"), 0.08, "is a member of"),
    EdgeSpec("LAUNCHED", (*FIRMS, "Person"), ("Initiative",), 0.03, "launched"),
    EdgeSpec("LOCATED_IN", (*FIRMS, "Initiative"), ("Place",), 0.13, "is based in"),
)
VERBS = {e.type: e.verb for e in EDGES}


@dataclass
class Synthetic:
    """The generated graph, and how to cut it into GraphBatches."""

    documents: list[Document]
    entities: list[Entity]
    relations: list[Relation]
    mentions: list[tuple[str, str]]

    def batches(self, chunk: int) -> Iterator[tuple[str, GraphBatch]]:
        """Documents, then entities, then relations, then mentions, ``chunk`` rows each."""
        for start in range(0, len(self.documents), chunk):
            yield "documents", GraphBatch(documents=self.documents[start : start + chunk])
        for start in range(0, len(self.entities), chunk):
            yield "entities", GraphBatch(entities=self.entities[start : start + chunk])
        for start in range(0, len(self.relations), chunk):
            yield "relations", GraphBatch(relations=self.relations[start : start + chunk])
        for start in range(0, len(self.mentions), chunk):
            yield "mentions", GraphBatch(mentions=self.mentions[start : start + chunk])


@dataclass
class _Node:
    id: str
    name: str
    kind: str
    aliases: list[str]
    description: str | None = None


def kind_counts(n: int) -> dict[str, int]:
    """How many entities of each kind ``n`` generated entities hold (shares of KINDS)."""
    return synthetic.kind_counts(n, KINDS)


def _iso(rng: random.Random, first: int = 2010, last: int = 2025) -> str:
    day = dt.date(first, 1, 1) + dt.timedelta(days=rng.randrange((last - first + 1) * 365))
    return day.isoformat()


class GraphMaker:
    """Draws one synthetic graph; see the module docstring for its shape."""

    def __init__(self, entities: int, edges: int, seed: int, schema: Schema,
                 anchors: Sequence[Entity]):
        self.n_entities, self.n_edges = entities, edges
        self.rng = random.Random(seed)
        self.schema = schema
        self.anchors = list(anchors)
        self.nodes: dict[str, _Node] = {}
        self.by_kind: dict[str, list[str]] = defaultdict(list)
        self.rank: dict[str, float] = {}
        self.pools: dict[tuple[str, ...], list[str]] = {}
        self.reserved: set[str] = set()
        self.relations: list[Relation] = []
        self.seen: set[tuple[str, str, str, str]] = set()
        self.has_single: set[tuple[str, str]] = set()  # (source, type) of single edges
        self.role_held: set[tuple[str, str]] = set()  # (organisation, single-holder role)
        self.conflicts = 0  # second claims let through
        self.docs_of: dict[str, list[Document]] = defaultdict(list)
        self.documents: list[Document] = []
        self.citations: list[Document] = []
        self.single_roles = {canonical_role(r) for r in schema.edge("HOLDS_ROLE").single_roles}

    # -- nodes -----------------------------------------------------------------------------

    def make_nodes(self) -> None:
        rng = self.rng
        for a in self.anchors:
            self._add_node(_Node(a.id, a.name, a.kind, list(a.aliases), a.description))
        generated = self.n_entities - len(self.anchors)
        if generated < 500:
            raise BenchError(f"--entities {self.n_entities} is too few (at least "
                             f"{len(self.anchors) + 500})")
        prefixes = {kind: prefix for kind, prefix, _ in KINDS}
        for kind, count in kind_counts(generated).items():
            for i in range(count):
                name, aliases = synthetic.entity_name(kind, i, rng)
                if rng.random() < 0.2:
                    aliases.append(f"{name} Limited")
                self._add_node(_Node(f"{prefixes[kind]}-{i:05d}", name, kind, aliases))
        for node_id in self.nodes:
            self.rank[node_id] = rng.random()
        for a in self.anchors:  # high in the ownership order: they can have many subsidiaries
            self.rank[a.id] = rng.uniform(0.0, 0.05)

    def _add_node(self, node: _Node) -> None:
        if node.id in self.nodes:
            raise BenchError(f"entity id {node.id} drawn twice")
        self.nodes[node.id] = node
        self.by_kind[node.kind].append(node.id)

    def pool(self, kinds: tuple[str, ...]) -> list[str]:
        """The ids of ``kinds``, shuffled once, the anchors first (they are the hubs)."""
        key = tuple(sorted(kinds))
        if key not in self.pools:
            ids = [i for k in key for i in self.by_kind[k]]
            self.rng.shuffle(ids)
            anchors = {a.id for a in self.anchors}
            self.pools[key] = [i for i in ids if i in anchors] + [i for i in ids
                                                                  if i not in anchors]
        return self.pools[key]

    def pick(self, kinds: tuple[str, ...], skewed: bool = True) -> str:
        ids = self.pool(kinds)
        u = self.rng.random()
        return ids[int(len(ids) * (u**SKEW if skewed else u))]

    def fresh(self, kinds: tuple[str, ...]) -> str:
        """A random non-anchor entity of ``kinds`` that no hand-placed structure uses yet."""
        anchors = {a.id for a in self.anchors}
        ids = self.pool(kinds)
        for _ in range(10_000):
            node_id = self.rng.choice(ids)
            if node_id not in self.reserved and node_id not in anchors:
                self.reserved.add(node_id)
                return node_id
        raise BenchError(f"too few {'/'.join(kinds)} entities; raise --entities")

    # -- documents and mentions ------------------------------------------------------------

    def make_documents(self) -> list[tuple[str, str]]:
        rng = self.rng
        first_day = dt.date(2019, 1, 1)
        n_docs = max(20, min(500, self.n_entities // 50))
        for i in range(n_docs):
            a, b = rng.sample(synthetic.WORDS, 2)
            self.documents.append(Document(
                id=f"bench-doc-{i:04d}", title=f"{a} {b} market report {i}",
                outlet=rng.choice(_OUTLETS), url=f"https://news.example.com/bench/{i}",
                published=first_day + dt.timedelta(days=rng.randrange(7 * 365)),
                content_hash=f"{i:064x}"))
        for i in range(20):
            self.citations.append(Document(
                id=f"bench-citation-{i:02d}", title=f"Register extract {i}",
                outlet="Registry", url=f"https://register.example.com/{i}",
                published=first_day + dt.timedelta(days=rng.randrange(7 * 365))))
        every = self.pool(tuple(self.by_kind))
        mentions: set[tuple[str, str]] = set()
        for doc in self.documents:
            named = {every[int(len(every) * rng.random() ** SKEW)]
                     for _ in range(rng.randint(10, 60))}
            named |= {a.id for a in self.anchors if rng.random() < 0.1}
            for entity_id in sorted(named):
                mentions.add((doc.id, entity_id))
                self.docs_of[entity_id].append(doc)
        for a in self.anchors:  # every anchor in at least 5 documents
            while len(self.docs_of[a.id]) < 5:
                doc = rng.choice(self.documents)
                if (doc.id, a.id) not in mentions:
                    mentions.add((doc.id, a.id))
                    self.docs_of[a.id].append(doc)
        return sorted(mentions)

    def entities(self) -> list[Entity]:
        """Each node with its evidence (1 to 3 sources) and, for some, ``discovered``."""
        rng = self.rng
        anchors = {a.id for a in self.anchors}
        result = []
        for node in self.nodes.values():
            docs = self.docs_of.get(node.id, [])
            wanted = rng.choices((1, 2, 3), (0.25, 0.45, 0.3))[0]
            chosen = [d.id for d in rng.sample(docs, min(len(docs), wanted))]
            chosen += [c.id for c in rng.sample(self.citations, wanted - len(chosen))]
            discovered = bool(docs) and node.id not in anchors and rng.random() < 0.08
            result.append(Entity(
                id=node.id, name=node.name, kind=node.kind, aliases=node.aliases,
                description=node.description, discovered=discovered,
                evidence=[Evidence(document=d, rule=RULE) for d in chosen]))
        return result

    # -- edges -----------------------------------------------------------------------------

    def properties(self, edge_type: str) -> dict[str, Any]:
        rng = self.rng
        if edge_type == "PROVIDES_BANKING_TO":
            return {"service": rng.choice(SERVICES), "since": _iso(rng, 2018)}
        if edge_type == "HOLDS_ROLE":
            props: dict[str, Any] = {"role": rng.choice(ROLES), "since": _iso(rng)}
            props["current"] = rng.random() < 0.75
            if not props["current"]:
                props["until"] = _iso(rng, int(props["since"][:4]))
            return props
        if edge_type == "CHAIRS":
            return {"since": _iso(rng), "current": rng.random() < 0.8}
        if edge_type == "OWNS":
            return {"share": rng.choice(SHARES), "since": _iso(rng)}
        if edge_type == "LICENSED_BY":
            return {"licence": rng.choice(LICENCES), "since": _iso(rng, 2015)}
        if edge_type in ("REGULATED_BY", "MEMBER_OF", "PARTNERS_WITH"):
            return {"since": _iso(rng, 2015)}
        return {}

    def add(self, source: str, edge_type: str, target: str,
            properties: dict[str, Any] | None = None, forced: bool = False) -> bool:
        """Add one relation unless it repeats one, breaks the acyclic order, or (unless
        ``forced``) gives a second claim to a single edge or single-holder role."""
        if source == target:
            return False
        src, tgt = self.nodes[source], self.nodes[target]
        if not self.schema.allows(edge_type, src.kind, tgt.kind):
            raise BenchError(f"schema does not allow {src.kind} -{edge_type}-> {tgt.kind}")
        spec = self.schema.edge(edge_type)
        props = self.properties(edge_type) if properties is None else properties
        key = edge_key(edge_type, props)
        ends = sorted((source, target)) if spec.symmetric else (source, target)
        identity = (ends[0], edge_type, ends[1], key)
        if identity in self.seen:
            return False
        ordered = edge_type in ACYCLIC and tgt.kind != "Person"
        if not forced:
            if ordered and self.rank[source] <= self.rank[target]:
                return False
            # A second claim is let through while conflicts stay under CONFLICT_SHARE of
            # the claims made (a per-attempt chance would favour hubs, tried most often).
            claims = len(self.has_single) + len(self.role_held)
            conflict = self.conflicts < CONFLICT_SHARE * claims
            role = canonical_role(str(props.get("role", "")))
            held = role in self.single_roles and props.get("current", True)
            second = (spec.single and (source, edge_type) in self.has_single) or (
                held and (target, role) in self.role_held)
            if second and not conflict:
                return False
            self.conflicts += second
        self.seen.add(identity)
        if spec.single:
            self.has_single.add((source, edge_type))
        # As the store sees it: "ceo" is "chief executive", a role with no end is current.
        role = canonical_role(str(props.get("role", "")))
        if role in self.single_roles and props.get("current", True):
            self.role_held.add((target, role))
        verb = VERBS.get(edge_type, edge_type.lower().replace("_", " "))
        self.relations.append(Relation(
            source=source, type=edge_type, target=target, properties=props,
            evidence=self.evidence(src, verb, tgt)))
        return True

    def evidence(self, src: _Node, verb: str, tgt: _Node) -> list[Evidence]:
        rng = self.rng
        docs = self.docs_of.get(src.id) or self.docs_of.get(tgt.id) or self.documents
        chosen = [rng.choice(docs)]
        if rng.random() < 0.2:
            chosen.append(rng.choice(self.citations))
        sentence = f"{src.name} {verb} {tgt.name}."
        return [Evidence(document=d.id, sentence=sentence, start=0, end=len(sentence),
                         published=d.published, rule=RULE,
                         confidence=round(rng.uniform(0.6, 1.0), 2)) for d in chosen]

    def anchor_structure(self) -> None:
        """Hand-placed edges around the default entities, so every query returns rows."""
        rng, schema = self.rng, self.schema
        orgs = [a for a in self.anchors if schema.is_a(a.kind, "Organization")]
        regulators = [a for a in orgs if a.kind == "Regulator"]
        platforms = [a for a in orgs if a.kind == "TradingPlatform"]
        for a in self.anchors:
            if a.kind == "Person":
                for i in range(6):
                    org = orgs[i % len(orgs)].id if i < len(orgs) else self.pick(FIRMS)
                    role = "chair" if i == 0 else rng.choice(ROLES)
                    props = {"role": role, "since": _iso(rng), "current": i % 3 != 2}
                    self.add(a.id, "HOLDS_ROLE", org, props, forced=True)
                self.add(a.id, "CHAIRS", self.fresh(("Company",)), forced=True)
                self.add(a.id, "OWNS", self.pick(FIRMS), forced=True)
                continue
            if a.kind == "Regulator":
                for _ in range(20):
                    self.add(self.pick(FIRMS, skewed=False), "LICENSED_BY", a.id, forced=True)
                for _ in range(10):
                    self.add(self.pick(FIRMS, skewed=False), "REGULATED_BY", a.id, forced=True)
            for i in range(8):  # people, two current chief executives (a conflict)
                props = {"role": "ceo" if i < 2 else rng.choice(ROLES), "since": _iso(rng),
                         "current": i < 2 or rng.random() < 0.7}
                self.add(self.fresh(("Person",)), "HOLDS_ROLE", a.id, props, forced=True)
            self.add(self.fresh(("Person",)), "CHAIRS", a.id, forced=True)
            if a.kind == "Regulator":
                continue
            for _ in range(3):
                self.add(self.pick((*FIRMS, "Person"), skewed=False), "OWNS", a.id,
                         forced=True)
            self.add(a.id, "FOUNDED_BY", self.fresh(("Person",)), forced=True)
            for other in orgs:
                if other.id != a.id and other.kind != "Regulator":
                    self.add(a.id, "PARTNERS_WITH", other.id, forced=True)
            for reg in regulators:
                self.add(a.id, "LICENSED_BY", reg.id, forced=True)
            if a.kind in BANKS:
                for platform in platforms:
                    self.add(a.id, "PROVIDES_BANKING_TO", platform.id,
                             {"service": "settlement account", "since": _iso(rng, 2022)},
                             forced=True)
                for _ in range(6):
                    self.add(a.id, "PROVIDES_BANKING_TO", self.pick(("TradingPlatform",)),
                             forced=True)
            self.chain_up(a.id, 5)
            self.tree_down(a.id, (4, 2, 1))

    def chain_up(self, start: str, levels: int) -> None:
        """``start`` -SUBSIDIARY_OF-> c1 -CONTROLLED_BY-> c2 -SUBSIDIARY_OF-> ... c<levels>."""
        below = start
        for level in range(levels):
            above = self.fresh(("Company",))
            self.rank[above] = self.rank[below] * 0.5
            edge_type = "SUBSIDIARY_OF" if level % 2 == 0 else "CONTROLLED_BY"
            self.add(below, edge_type, above, forced=True)
            below = above

    def tree_down(self, parent: str, fanout: tuple[int, ...]) -> None:
        """A subsidiary tree below ``parent``: ``fanout[0]`` children, each with
        ``fanout[1]`` children, and so on."""
        if not fanout:
            return
        for _ in range(fanout[0]):
            child = self.fresh(("Company", "Bank"))
            self.rank[child] = self.rank[parent] + (1 - self.rank[parent]) * \
                self.rng.uniform(0.05, 0.3)
            self.add(child, "SUBSIDIARY_OF", parent, forced=True)
            self.tree_down(child, fanout[1:])

    def random_edges(self) -> None:
        rng = self.rng
        specs = [s for s in EDGES if all(self.by_kind[k] for k in s.sources)
                 and any(self.by_kind[k] for k in s.targets)]
        weights = [s.weight for s in specs]
        attempts = 0
        while len(self.relations) < self.n_edges:
            attempts += 1
            if attempts > 50 * self.n_edges + 10_000:
                raise BenchError(f"cannot draw {self.n_edges:,} distinct relations among "
                                 f"{self.n_entities:,} entities; lower --edges")
            spec = rng.choices(specs, weights)[0]
            self.add(self.pick(spec.sources, skewed=False), spec.type, self.pick(spec.targets))

    def make(self) -> Synthetic:
        self.make_nodes()
        mentions = self.make_documents()
        self.anchor_structure()
        if len(self.relations) > self.n_edges:
            raise BenchError(f"--edges {self.n_edges:,} is too few: the hand-placed structure "
                             f"alone has {len(self.relations):,} relations")
        self.random_edges()
        return Synthetic(self.documents + self.citations, self.entities(), self.relations,
                         mentions)


def make_synthetic(args: argparse.Namespace, schema: Schema,
                   anchors: Sequence[Entity]) -> Synthetic:
    graph = GraphMaker(args.entities, args.edges, args.seed, schema, anchors).make()
    GraphBatch(documents=graph.documents, entities=graph.entities, relations=graph.relations,
               mentions=graph.mentions).check(schema)
    return graph


def load_synthetic(store: Store, graph: Synthetic) -> None:
    """Write ``graph`` in GraphBatches of CHUNK rows, then check what the store holds."""
    created: Counter = Counter()
    for part, batch in graph.batches(CHUNK):
        counts = store.write(batch)
        created["nodes"] += counts.nodes_created
        created["relationships"] += counts.relationships_created
        created[part] += 1
    nodes = len(graph.documents) + len(graph.entities)
    edges = len(graph.relations) + len(graph.mentions)
    if (created["nodes"], created["relationships"]) != (nodes, edges):
        raise BenchError(f"Store.write created {created['nodes']:,} nodes and "
                         f"{created['relationships']:,} edges, expected {nodes:,} and {edges:,}")
    stored = {
        "entities": store.read(f"MATCH (n:{ENTITY_LABEL}) RETURN count(n) AS n").rows[0]["n"],
        "relations": store.read(f"MATCH (:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL}) "
                                "RETURN count(r) AS n").rows[0]["n"],
        "mentions": store.read(f"MATCH (:Document)-[r:MENTIONS]->(:{ENTITY_LABEL}) "
                               "RETURN count(r) AS n").rows[0]["n"],
    }
    expected = {"entities": len(graph.entities), "relations": len(graph.relations),
                "mentions": len(graph.mentions)}
    if stored != expected:
        raise BenchError(f"the store holds {stored}, expected {expected}")
    calls = sum(created[part] for part in ("documents", "entities", "relations", "mentions"))
    print(f"  {calls} Store.write calls of <= {CHUNK:,} rows; stored counts verified",
          flush=True)
    # Stand-in centrality scores (deterministic), as `centrality --write-back` would leave,
    # so most-central has something to rank.
    store.execute(f"MATCH (e:{ENTITY_LABEL}) SET e.pagerank = toFloat(size(e.id) % 97) / 97.0",
                  write=True)


# -- measuring -----------------------------------------------------------------------------------


@dataclass
class QueryTiming:
    """One query's runs on one database."""

    name: str
    note: str = ""
    rows: int = 0
    runs: int = 0
    first_ms: float = 0.0
    times_ms: list[float] = field(default_factory=list)
    read_ms: list[float] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    error: str = ""

    @property
    def p50(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else math.nan

    @property
    def p95(self) -> float:
        return percentile(self.times_ms, 95)

    @property
    def read_p50(self) -> float:
        return statistics.median(self.read_ms) if self.read_ms else math.nan


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (p95 of 20 runs is the 19th fastest)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def _ms(function: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return 1000 * (time.perf_counter() - started), result


def measure_query(store: Store, query: NamedQuery, anchors: Sequence[Entity],
                  repeat: int) -> QueryTiming:
    values, note = default_values(query, anchors)
    timing = QueryTiming(query.name, note)
    try:
        timing.first_ms, result = _ms(lambda: run_named(store, query, values))
        timing.rows = len(result.rows)  # type: ignore[attr-defined]
        timing.runs = repeat if timing.first_ms < SLOW_CALL_MS else min(repeat, SLOW_REPEAT)
        for _ in range(timing.runs):
            timing.times_ms.append(_ms(lambda: run_named(store, query, values))[0])
        timing.params = resolved_params(store, query, values)
        for _ in range(timing.runs):
            timing.read_ms.append(_ms(lambda: store.read(query.cypher, timing.params))[0])
    except HKWeb3Error as exc:
        timing.error = " ".join(str(exc).split())
    return timing


def measure_library(store: Store, library: dict[str, NamedQuery], anchors: Sequence[Entity],
                    repeat: int) -> list[QueryTiming]:
    timings = []
    for query in library.values():
        timing = measure_query(store, query, anchors, repeat)
        state = f"ERROR {timing.error}" if timing.error else \
            f"{timing.rows:,} rows, p50 {timing.p50:.1f} ms"
        print(f"  {query.name}: {state}", flush=True)
        timings.append(timing)
    return timings


def explain(store: Store, query: NamedQuery, params: dict[str, Any]) -> str:
    """The server's plan for ``query`` with ``params``, as text."""
    session = store.driver.session(database=store.database,
                                   default_access_mode=neo4j.READ_ACCESS)
    try:
        with session:
            summary = session.run("EXPLAIN " + query.cypher, params).consume()
    except neo4j.exceptions.Neo4jError as exc:
        return f"(EXPLAIN failed: {' '.join(str(exc).split())})"
    plan = summary.plan
    if not plan:
        return "(the server returned no plan)"
    text = (plan.get("args") or {}).get("string-representation")
    return str(text).rstrip() if text else repr(plan)


# -- the report ----------------------------------------------------------------------------------


def print_table(timings: list[QueryTiming], repeat: int, targets: bool) -> None:
    head = f"{'query':<26}{'rows':>8}{'first ms':>10}{'p50 ms':>9}{'p95 ms':>9}{'read p50':>10}"
    print(head + (f"{'target':>9}  verdict" if targets else ""))
    for t in timings:
        if t.error:
            print(f"{t.name:<26}  ERROR: {t.error}")
            continue
        line = (f"{t.name:<26}{t.rows:>8,}{t.first_ms:>10.1f}{t.p50:>9.1f}{t.p95:>9.1f}"
                f"{t.read_p50:>10.1f}")
        if targets:
            target = target_ms(t.name)
            line += f"{target:>9,.0f}  {'PASS' if t.p50 < target else 'FAIL'}"
        print(line)
    notes = [f"{t.name}: {t.note}" for t in timings if t.note]
    if notes:
        print("required parameters without a default were given: " + "; ".join(notes))
    fewer = [f"{t.name} ({t.runs})" for t in timings if not t.error and t.runs < repeat]
    if fewer:
        print(f"first call over {SLOW_CALL_MS / 1000:.0f} s, so timed fewer than {repeat} "
              "times: " + ", ".join(fewer))


def print_params(library: dict[str, NamedQuery]) -> None:
    print("default parameters:")
    for query in library.values():
        described = ", ".join(p.describe() for p in query.params) or "none"
        print(f"  {query.name:<26}{described}")


def report_synthetic(store: Store, library: dict[str, NamedQuery],
                     timings: list[QueryTiming], repeat: int) -> list[str]:
    """PASS/FAIL per query, a summary, and the plan of each miss; return the problems."""
    print_table(timings, repeat, targets=True)
    problems = [f"{t.name} failed: {t.error}" for t in timings if t.error]
    problems += [f"{t.name} returned no rows on the synthetic graph (the generator does not "
                 "cover its defaults)" for t in timings if not t.error and t.rows == 0]
    ok = [t for t in timings if not t.error]
    missed = [t for t in ok if t.p50 >= target_ms(t.name)]
    print()
    print(f"summary: {len(ok) - len(missed)} of {len(timings)} queries meet their p50 target "
          f"(< {FAST_TARGET_MS:,.0f} ms, path searches < {PATH_TARGET_MS:,.0f} ms)"
          + (f"; {len(timings) - len(ok)} failed" if len(ok) < len(timings) else ""))
    if missed:
        print("missed: " + ", ".join(f"{t.name} ({t.p50:,.0f} ms)" for t in missed))
    for t in missed:
        print()
        print(f"--- EXPLAIN {t.name} (p50 {t.p50:,.1f} ms, target {target_ms(t.name):,.0f} ms; "
              f"params {t.params}) ---")
        print(explain(store, library[t.name], t.params))
    return problems


# -- the run -------------------------------------------------------------------------------------


@contextlib.contextmanager
def server(prefix: str) -> Iterator[tuple[EmbeddedHome, float]]:
    """A fresh embedded server in a new temporary data directory, stopped and removed after."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        home = EmbeddedHome(Path(tmp) / "home")
        started = time.perf_counter()
        home.start()
        try:
            yield home, time.perf_counter() - started
        finally:
            home.stop()


def shipped_phase(library: dict[str, NamedQuery], anchors: Sequence[Entity],
                  args: argparse.Namespace) -> None:
    print("== shipped graph ==", flush=True)
    with server("hkweb3-bench-queries-shipped-") as (home, startup):
        print(f"embedded server started in {startup:.1f} s (data dir {home.path})", flush=True)
        config = StoreConfig(home=home.path)
        started = time.perf_counter()
        report = api.build(config)
        statuses = dict(Counter(d.status for d in report.documents))
        print(f"api.build: {time.perf_counter() - started:.1f} s, registry "
              f"{report.registry_entities} entities, {len(report.documents)} documents "
              f"({statuses})", flush=True)
        with open_store(config) as store:
            stats = store.stats()
            print(f"store: {sum(stats['nodes'].get(x, 0) for x in (ENTITY_LABEL, 'Document'))} "
                  f"nodes (entities + documents), {sum(stats['edges'].values())} edges",
                  flush=True)
            print(f"running {len(library)} queries, 1 warm-up + {args.repeat} timed each ...",
                  flush=True)
            timings = measure_library(store, library, anchors, args.repeat)
    print()
    print_table(timings, args.repeat, targets=False)
    print()


def synthetic_phase(library: dict[str, NamedQuery], anchors: Sequence[Entity],
                    args: argparse.Namespace) -> list[str]:
    print("== synthetic graph ==", flush=True)
    schema = load_schema()
    print(f"generating {args.entities:,} entities and {args.edges:,} relations "
          f"(seed {args.seed}) ...", flush=True)
    seconds, graph = _ms(lambda: make_synthetic(args, schema, anchors))
    assert isinstance(graph, Synthetic)
    print(f"  {seconds / 1000:.1f} s: {len(graph.documents)} documents, "
          f"{len(graph.mentions):,} mentions", flush=True)
    print(f"  kinds: {dict(Counter(e.kind for e in graph.entities))}", flush=True)
    print(f"  types: {dict(Counter(r.type for r in graph.relations).most_common())}",
          flush=True)
    with server("hkweb3-bench-queries-synthetic-") as (home, startup):
        print(f"second embedded server (fresh data dir {home.path}) started in {startup:.1f} s",
              flush=True)
        with open_store(StoreConfig(home=home.path)) as store:
            agent = store.server_agent()
            store.setup_schema()
            rows = len(graph.documents) + len(graph.entities) + len(graph.relations) + \
                len(graph.mentions)
            print(f"loading {rows:,} rows ...", flush=True)
            seconds, _ = _ms(lambda: load_synthetic(store, graph))
            print(f"  {seconds / 1000:.1f} s ({rows / (seconds / 1000):,.0f} rows/s)",
                  flush=True)
            print(f"running {len(library)} queries, 1 warm-up + {args.repeat} timed each ...",
                  flush=True)
            timings = measure_library(store, library, anchors, args.repeat)
            print()
            print(f"server: {agent}")
            print(f"synthetic graph: {len(graph.entities):,} entities, "
                  f"{len(graph.relations):,} relations, {len(graph.documents)} documents, "
                  f"{len(graph.mentions):,} mentions (seed {args.seed})")
            print()
            return report_synthetic(store, library, timings, args.repeat)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20,
                        help="timed runs of each query per database (default 20)")
    parser.add_argument("--entities", type=int, default=20000,
                        help="entities in the synthetic graph (default 20000)")
    parser.add_argument("--edges", type=int, default=100000,
                        help="fact edges in the synthetic graph, mentions not counted "
                             "(default 100000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be positive")
    if args.entities < 1000:
        parser.error("--entities must be at least 1000")
    if args.edges < 2000:
        parser.error("--edges must be at least 2000")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    wall = time.perf_counter()
    library = load_library()
    anchors, missing = anchors_from_registry(default_refs(library))
    print(f"{len(library)} named queries; default entities: "
          + ", ".join(f"{a.id} ({a.kind})" for a in anchors), flush=True)
    for ref in missing:
        print(f"WARNING: default {ref!r} names no registry entity; the synthetic graph will not "
              "have it", flush=True)
    print_params(library)
    print()
    shipped_phase(library, anchors, args)
    problems = synthetic_phase(library, anchors, args)
    print()
    print(f"total wall time: {time.perf_counter() - wall:.1f} s")
    if problems:
        print()
        for problem in problems:
            print(f"CHECK FAILED: {problem}")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (BenchError, HKWeb3Error) as exc:
        print(f"bench_queries: FAILED: {exc}", file=sys.stderr)
        sys.exit(1)
