"""The graph in memory, read once: typed entities, facts and documents, and the views analysis
needs (the facts as arrays for a sparse matrix, or a NetworkX ``MultiDiGraph``).

:mod:`hkweb3.graph.read` fills a :class:`MemoryGraph` from the store or from an exported
file, keeping only what a :class:`GraphFilter` selects. Analysis (:mod:`hkweb3.graph.analysis`),
the HTML view (:mod:`hkweb3.viz`) and the exports (:mod:`hkweb3.graph.export`) take it; none
of them touches the store.

Facts are held as the reader gives them (a row per fact, by source: 500,000 facts made into
objects as they are read cost more than the PageRank they are often read for) and become
:class:`Fact` objects when asked for (:attr:`MemoryGraph.edges`, :meth:`MemoryGraph.facts`).

Examples
--------
>>> from hkweb3.graph.read import read_dump
>>> graph = read_dump({
...     "nodes": [{"id": "za-bank", "name": "ZA Bank", "kind": "VirtualBank"},
...               {"id": "osl", "name": "OSL", "kind": "TradingPlatform"}],
...     "edges": [{"source": "za-bank", "type": "PROVIDES_BANKING_TO", "target": "osl",
...                "properties": {"service": "settlement", "since": "2023-04",
...                               "sources": ["doc-1"]},
...                "evidence": [{"document": "doc-1", "rule": "registry"}]}]})
>>> fact = graph.edges[0]
>>> fact.type, fact.properties["service"], str(fact.period.since), fact.evidence[0].rule
('PROVIDES_BANKING_TO', 'settlement', '2023-04', 'registry')
>>> graph.nodes["osl"].kind, graph.multigraph().edges["za-bank", "osl", fact.multikey]["sources"]
('TradingPlatform', 1)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from typing import Any, NamedTuple

import networkx as nx
import numpy as np

from hkweb3.graph import cypher
from hkweb3.graph.models import Evidence
from hkweb3.graph.periods import SINCE, UNTIL, Period
from hkweb3.graph.schema import ENTITY_LABEL, load_schema


@dataclass(frozen=True)
class GraphFilter:
    """Which part of the graph to read.

    ``kinds`` and ``edge_types`` keep nodes of those kinds (a parent kind such as
    ``Organization`` means all its kinds) and edges of those types; ``None`` keeps all.
    ``without_kinds`` then drops nodes of those kinds. Places (the schema's ``context``
    kinds, which link everything located in one city) are left out too unless
    ``with_places`` or ``kinds`` names them.
    ``start``/``end`` keep edges whose period (``since`` to ``until``) overlaps the range;
    an edge with no dates is kept, as nothing says it falls outside. Both set to one day
    give the graph as of that day (:meth:`as_of`). ``mentions`` adds
    documents as nodes (kind ``Document``) with their provenance edges.
    """

    kinds: Sequence[str] | None = None
    without_kinds: Sequence[str] = ()
    edge_types: Sequence[str] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    mentions: bool = False
    with_places: bool = False

    @classmethod
    def as_of(cls, day: dt.date, **options: Any) -> GraphFilter:
        """The graph as of ``day``: the facts that may hold that day.

        >>> GraphFilter.as_of(dt.date(2023, 6, 30)).in_period("2023-07", None)
        False
        """
        return cls(start=day, end=day, **options)

    def dropped_kinds(self) -> set[str]:
        """The concrete kinds left out: ``without_kinds``, and places unless asked for."""
        schema = load_schema()
        dropped = {k for name in self.without_kinds for k in schema.kinds_under(name)}
        if not self.with_places:
            dropped |= set(schema.context_kinds) - set(self.kinds or ())
        return dropped

    def concrete_kinds(self) -> list[str] | None:
        """The concrete kinds kept, ``None`` for all (schema errors name the bad kind)."""
        schema = load_schema()
        dropped = self.dropped_kinds()
        if self.kinds is None and not dropped:
            return None
        kept = schema.concrete_kinds if self.kinds is None else \
            {k for name in self.kinds for k in schema.kinds_under(name)}
        return sorted(set(kept) - dropped)

    def kind_test(self) -> Callable[[Any], bool]:
        """Whether a node of a kind is kept. With no ``kinds``, a kind the schema does not
        know (in an edited export) is kept, as before places were left out."""
        kinds = self.concrete_kinds()
        if kinds is None:
            return lambda kind: True
        if self.kinds is None:
            dropped = self.dropped_kinds()
            return lambda kind: kind not in dropped
        kept = set(kinds)
        return lambda kind: kind in kept

    def types(self) -> list[str] | None:
        """``edge_types``, each checked against the schema."""
        if self.edge_types is None:
            return None
        schema = load_schema()
        return sorted({schema.edge(name).name for name in self.edge_types})

    def in_period(self, since: Any, until: Any) -> bool:
        """Whether an edge valid from ``since`` to ``until`` (partial dates: an edge
        ``until: 2023`` still counts in mid-2023) may overlap ``start``..``end``."""
        return Period.of({SINCE: since, UNTIL: until}).meets(self.start, self.end)

    def period_test(self) -> Callable[[Any, Any], bool]:
        """:meth:`in_period`, remembering each ``(since, until)`` pair it has judged: a
        graph holds few distinct dates, and judging 500,000 facts one by one took 2 s."""
        judged: dict[tuple[Any, Any], bool] = {}

        def test(since: Any, until: Any) -> bool:
            pair = (since, until)
            verdict = judged.get(pair)
            if verdict is None:
                verdict = judged[pair] = self.in_period(since, until)
            return verdict

        return test


class Node(NamedTuple):
    """An entity (or, when mentions are read, a document as a node)."""

    id: str
    name: str
    kind: str | None
    aliases: tuple[str, ...] = ()
    #: The documents that name it.
    sources: tuple[str, ...] = ()
    discovered: bool | None = None
    #: Its other properties as stored (``name_zh``, ``description``, ...); read in full
    #: only with ``detail`` (:func:`hkweb3.graph.read.read_store`).
    attributes: Mapping[str, Any] = {}

    @property
    def name_zh(self) -> str | None:
        """Its Chinese name, if known."""
        return self.attributes.get("name_zh")

    def plain(self) -> dict[str, Any]:
        """As an export lists it."""
        schema = load_schema()
        labels = list(schema.labels_for(self.kind)) if self.kind in schema.kinds else \
            [self.kind or ENTITY_LABEL]
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "aliases": list(self.aliases), "discovered": self.discovered,
                "sources": list(self.sources), "labels": labels,
                "properties": dict(self.attributes)}


class Fact(NamedTuple):
    """One edge: its ends, type and merge key, its properties (the schema declares their
    types; ``since``, ``until`` and ``current`` among them, read as :attr:`period`), the
    documents behind it and, when read, its evidence."""

    source: str
    type: str
    target: str
    #: The store's merge key: the values of the type's key properties (``role=chair``).
    key: str
    properties: Mapping[str, Any]
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()

    @property
    def period(self) -> Period:
        """When it held."""
        return Period.of(self.properties)

    @property
    def role(self) -> str | None:
        return self.properties.get("role")

    @property
    def multikey(self) -> str:
        """Its key in a ``MultiDiGraph``: the type, and the key values if it has any."""
        return multikey(self.type, self.key)

    def plain(self) -> dict[str, Any]:
        """As an export lists it (its sources among the properties)."""
        return {"source": self.source, "target": self.target, "type": self.type,
                "properties": {**self.properties, "sources": list(self.sources)},
                "evidence": [e.plain() for e in self.evidence]}


class Document(NamedTuple):
    """A source document: where evidence comes from."""

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    #: Its other stored properties (content hash, path, ...).
    attributes: Mapping[str, Any] = {}

    def plain(self) -> dict[str, Any]:
        fields = {"title": self.title, "outlet": self.outlet, "url": self.url,
                  "published": self.published}
        return {"id": self.id, **{k: v for k, v in fields.items() if v is not None},
                **self.attributes}


#: Where a fact's values sit in the rows a :class:`MemoryGraph` holds (the store's analysis
#: read returns them in this order, after its source): type, target, key, sources, since,
#: until, the other properties (a mapping, or values in :func:`property_names` order), and
#: the evidence.
TYPE, TARGET, KEY, SOURCES, ROW_SINCE, ROW_UNTIL, PROPERTIES, EVIDENCE = range(8)
Row = Sequence[Any]


@cache
def property_names() -> tuple[str, ...]:
    """The order of the property values of a row read from the store."""
    return tuple(cypher.analysis_properties(load_schema()))


def fact_of(source: str, row: Row, names: Sequence[str] | None = None) -> Fact:
    """The :class:`Fact` of one row; ``names`` name its property values when they are not a
    mapping (default: :func:`property_names`)."""
    values = row[PROPERTIES]
    if not isinstance(values, Mapping):
        values = dict(zip(names or property_names(), values, strict=True))
    properties = {k: v for k, v in values.items() if v is not None}
    for name, at in ((SINCE, ROW_SINCE), (UNTIL, ROW_UNTIL)):
        if row[at] is not None:
            properties[name] = row[at]
    return Fact(source, row[TYPE], row[TARGET], row[KEY], dict(sorted(properties.items())),
                tuple(row[SOURCES] or ()), tuple(row[EVIDENCE] or ()))


def row_of(fact: Fact) -> Row:
    """The row a :class:`MemoryGraph` holds for ``fact`` (its source apart)."""
    props = dict(fact.properties)
    since, until = props.pop(SINCE, None), props.pop(UNTIL, None)
    return (fact.type, fact.target, fact.key, fact.sources, since, until, props, fact.evidence)


@dataclass
class MemoryGraph:
    """Entities, the facts between them and the documents behind them, as read.

    ``nodes`` maps each id, in id order (documents, when mentions are read, among them), to
    its :class:`Node`. ``groups`` holds the facts by source, ``(source, rows)``, one row per
    type and key between two nodes, in the layout :data:`TYPE` ... :data:`EVIDENCE` name;
    facts whose target is not in ``nodes`` (of a kind left out) are skipped when read
    (:attr:`edges`, :meth:`arrays`). ``documents`` maps ids to :class:`Document`.
    """

    nodes: dict[str, Node]
    groups: list[tuple[str, list[Row]]]
    documents: dict[str, Document] = field(default_factory=dict)
    #: The names of a row's property values, when they are not a mapping: the declared
    #: properties of the schema the rows were read with (:func:`property_names`).
    names: tuple[str, ...] | None = None

    @classmethod
    def select(
        cls, nodes: Iterable[Node], groups: list[tuple[str, list[Row]]],
        where: GraphFilter, mentions: Iterable[tuple[str, str | None, str]] = (),
        documents: Iterable[Document] = (), names: tuple[str, ...] | None = None,
    ) -> MemoryGraph:
        """The nodes, the facts ``where`` keeps between them, and, if ``where`` asks for
        them, the ``mentions`` (document id, title, entity id) as facts from documents."""
        kept = {n.id: n for n in sorted(nodes, key=itemgetter(0))}
        # Edges from nodes outside the selected kinds go with them (those to such nodes are
        # skipped when read).
        groups = [(source, rows) for source, rows in groups if source in kept]
        if where.start is not None or where.end is not None:
            holds = where.period_test()
            groups = [(source, [row for row in rows if holds(row[ROW_SINCE], row[ROW_UNTIL])])
                      for source, rows in groups]
        if where.mentions:
            schema = load_schema()
            mentioned: dict[str, set[str]] = {}
            for doc, title, entity in mentions:
                if entity in kept:
                    kept.setdefault(doc, Node(doc, title or doc, schema.document_label,
                                              sources=(doc,)))
                    mentioned.setdefault(doc, set()).add(entity)
            groups.extend(
                (doc, [(schema.mention_type, entity, "", (doc,), None, None, {}, ())
                       for entity in sorted(entities)])
                for doc, entities in sorted(mentioned.items()))
        return cls(dict(sorted(kept.items())), groups,
                   {d.id: d for d in sorted(documents, key=itemgetter(0))}, names)

    @property
    def edges(self) -> list[Fact]:
        """Every fact between two of ``nodes``, in the order read."""
        return list(self.facts())

    def facts(self, sources: Iterable[str] | None = None) -> Iterator[Fact]:
        """The facts between two of ``nodes`` (only those from ``sources``, if given)."""
        nodes, names = self.nodes, self.names
        wanted = None if sources is None else set(sources)
        for source, rows in self.groups:
            if wanted is None or source in wanted:
                yield from (fact_of(source, row, names) for row in rows if row[TARGET] in nodes)

    def facts_between(self, a: str, b: str) -> list[Fact]:
        """The facts joining ``a`` and ``b``, either way."""
        return [f for f in self.facts((a, b)) if {f.source, f.target} == {a, b}]

    def arrays(self, index: Mapping[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every fact as ``(source, target, sources)`` in three arrays, ends numbered by
        ``index`` (which numbers every node), a fact weighing as many documents as back it
        (at least one)."""
        counts = [len(rows) for _, rows in self.groups]
        sources = np.repeat(np.array([index[s] for s, _ in self.groups], dtype=np.int64),
                            counts)
        targets = np.array([index.get(row[TARGET], -1) for _, rows in self.groups
                            for row in rows], dtype=np.int64)
        weights = np.array([len(row[SOURCES] or ()) or 1 for _, rows in self.groups
                            for row in rows], dtype=np.int64)
        known = targets >= 0  # the target's kind was left out
        return sources[known], targets[known], weights[known]

    def part(self, keep: Iterable[str]) -> MemoryGraph:
        """The nodes in ``keep``, the facts between them and the documents they cite."""
        keep = set(keep)
        nodes = {i: n for i, n in self.nodes.items() if i in keep}
        groups = [(source, [row for row in rows if row[TARGET] in keep])
                  for source, rows in self.groups if source in keep]
        cited = {e.document for _, rows in groups for row in rows for e in row[EVIDENCE]}
        cited |= {doc for n in nodes.values() for doc in n.sources}
        documents = {i: d for i, d in self.documents.items() if i in cited}
        return MemoryGraph(nodes, groups, documents, self.names)

    def multigraph(self) -> nx.MultiDiGraph:
        """The graph as a NetworkX ``MultiDiGraph``, nodes and edges added in sorted order.

        Nodes carry ``name``, ``kind``, ``aliases`` and ``sources`` (how many documents name
        the entity); edges, keyed by :attr:`Fact.multikey`, carry ``type``, ``sources`` (how
        many documents support the fact, at least one), ``role``, ``since``, ``until`` and
        ``evidence`` (plain mappings; empty unless read).
        """
        g = nx.MultiDiGraph()
        with collector_paused():
            g.add_nodes_from((i, attributes(n)) for i, n in self.nodes.items())
            g.add_edges_from(
                (f.source, f.target, f.multikey,
                 {"type": f.type, "sources": max(len(f.sources), 1), "role": f.role,
                  "since": f.properties.get(SINCE), "until": f.properties.get(UNTIL),
                  "evidence": [e.plain() for e in f.evidence]})
                for f in sorted(self.edges, key=itemgetter(0, 1, 2, 3))
            )
        return g

    def plain(self) -> dict[str, list[dict[str, Any]]]:
        """The export's form: ``{"nodes", "edges", "documents"}`` of plain data (see
        :mod:`hkweb3.graph.export`); entities only (documents read as nodes stay out)."""
        schema = load_schema()
        return {"nodes": [n.plain() for n in self.nodes.values()
                          if n.kind != schema.document_label],
                "edges": [f.plain() for f in self.edges if f.type != schema.mention_type],
                "documents": [d.plain() for d in self.documents.values()]}


def attributes(node: Node) -> dict[str, Any]:
    """What a NetworkX graph keeps of a node: name, kind, aliases, how many sources."""
    return {"name": node.name, "kind": node.kind, "aliases": list(node.aliases),
            "sources": len(node.sources)}


@cache
def multikey(edge_type: str, key: str | None) -> str:
    """An edge's key in a ``MultiDiGraph``: its type, and its key values if it has any."""
    if not key or all(part.endswith("=") for part in key.split("|")):
        return edge_type
    return f"{edge_type}|{key}"


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a large graph is read or built.

    The read makes millions of lists and strings, none in a cycle, and the collector would
    scan the growing heap again and again (10 s instead of 6.5 s to read 100,000 entities).
    Afterwards they go straight to the oldest generation (freeze, then unfreeze, as the
    ``gc`` documentation describes), so the next young collection does not walk them all.
    Both steps are process-wide: the pause holds for other threads too, and the freeze is
    skipped when the process has frozen objects of its own (a pre-fork server, say), which
    unfreezing would release.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()
