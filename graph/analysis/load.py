"""Load the graph, or a filtered part of it, into a NetworkX ``MultiDiGraph``, or read it
as :class:`Facts`, which the centrality, community and broker functions take as well and
which skips the cost of the ``MultiDiGraph`` (seconds on 100,000 entities).

Nodes are entity ids with ``name``, ``kind``, ``aliases`` and ``sources`` (how many documents
name the entity). Edges are keyed by type, plus the values of the type's key properties
when it has any (``HOLDS_ROLE|role=ceo``: two roles between one pair are two edges), and
carry ``type``, ``sources`` (how many documents support the fact), ``role``, ``since``,
``until`` and, when loaded from an export, ``evidence``. Nodes and edges are added in sorted
order, so the same graph always gives the same NetworkX graph, and the same numbers.

Examples
--------
>>> dump = {"nodes": [{"id": "za-bank", "name": "ZA Bank", "kind": "VirtualBank"},
...                   {"id": "osl", "name": "OSL", "kind": "TradingPlatform"}],
...         "edges": [{"source": "za-bank", "type": "PROVIDES_BANKING_TO", "target": "osl",
...                    "properties": {"sources": ["doc-1", "doc-2"]}}]}
>>> g = from_dump(dump)
>>> g.nodes["osl"]["kind"], g.edges["za-bank", "osl", "PROVIDES_BANKING_TO"]["sources"]
('TradingPlatform', 2)
>>> resolve(g, "za bank")
'za-bank'
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import networkx as nx
import numpy as np

from hkweb3.errors import InputError, QueryError
from hkweb3.graph import cypher
from hkweb3.graph.models import edge_key
from hkweb3.graph.periods import SINCE, UNTIL, Period
from hkweb3.graph.schema import load_schema

if TYPE_CHECKING:  # analysis of an exported file needs neither the store nor its driver
    from hkweb3.graph.store import Store


@dataclass(frozen=True)
class GraphFilter:
    """Which part of the graph to analyse.

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


def from_store(store: Store, where: GraphFilter | None = None) -> nx.MultiDiGraph:
    """The graph in ``store`` (or the part ``where`` selects), without evidence text.

    >>> from hkweb3.graph.store import open_store
    >>> with open_store() as store:  # doctest: +SKIP
    ...     g = from_store(store, GraphFilter(kinds=["Bank", "TradingPlatform"]))
    """
    return read_store(store, where).multigraph()


def from_dump(dump: Mapping[str, Any], where: GraphFilter | None = None) -> nx.MultiDiGraph:
    """The graph from the plain data of ``Store.dump()`` or ``hkweb3 export --format json``."""
    return read_dump(dump, where).multigraph()


def read_store(store: Store, where: GraphFilter | None = None) -> Facts:
    """What :func:`from_store` reads, before it becomes a NetworkX graph.

    The centrality, community and broker functions take it as it is: they run on simple
    views, which are built straight from it, about three times faster than going through the
    ``MultiDiGraph`` on large graphs.
    """
    where = where or GraphFilter()
    kinds, types = where.concrete_kinds(), where.types()
    nodes: list[Node] = []
    groups: list[tuple[str, list[Sequence[Any]]]] = []
    with collector_paused():
        # Rows are kept as the driver gives them: a tuple per fact would cost a second per
        # 500,000 facts, more than the PageRank they are often read for.
        for node_id, name, kind, aliases, sources, out in store.stream(
            cypher.ANALYSIS_GRAPH, {"kinds": kinds, "types": types}
        ):
            nodes.append(Node(node_id, name or node_id, kind, aliases or [], sources))
            if out:
                groups.append((node_id, out))
        mentions: list[dict[str, Any]] = []
        if where.mentions:
            schema = store.schema
            mentions = store.read(
                cypher.analysis_mentions(schema.document_label, schema.mention_type)).rows
        return Facts.select(nodes, groups, mentions, where)


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


def read_dump(dump: Mapping[str, Any], where: GraphFilter | None = None) -> Facts:
    """What :func:`from_dump` reads, before it becomes a NetworkX graph."""
    where = where or GraphFilter()
    keeps, types = where.kind_test(), where.types()
    nodes = [
        Node(n["id"], n.get("name") or n["id"], n.get("kind"), n.get("aliases") or [],
             len(n.get("sources") or []))
        for n in dump.get("nodes") or []
        if keeps(n.get("kind"))
    ]
    # An edited export may list a fact twice; the MultiDiGraph keeps one (the last).
    by_source: dict[str, dict[tuple[str, str, str], Sequence[Any]]] = {}
    for e in dump.get("edges") or []:
        if types is not None and e["type"] not in types:
            continue
        props = e.get("properties") or {}
        key = edge_key(e["type"], props)
        by_source.setdefault(e["source"], {})[e["type"], e["target"], _multikey(e["type"], key)] = (
            e["type"], e["target"], key, props.get("role"), props.get(SINCE),
            props.get(UNTIL), len(props.get("sources") or []), e.get("evidence") or ())
    mentions = []
    if where.mentions:
        titles = {d["id"]: d.get("title") or d["id"] for d in dump.get("documents") or []}
        mentions = [{"source": doc, "name": titles.get(doc, doc), "target": entity}
                    for doc, entity in _mention_pairs(dump)]
    groups = [(source, list(rows.values())) for source, rows in by_source.items()]
    return Facts.select(nodes, groups, mentions, where)


def _mention_pairs(dump: Mapping[str, Any]) -> Iterable[tuple[str, str]]:
    # An export lists each entity's sources; those are the documents that mention it.
    for node in dump.get("nodes") or []:
        for doc in node.get("sources") or []:
            yield doc, node["id"]


def from_json(path: Path | str) -> nx.MultiDiGraph:
    """The graph from a file written by ``hkweb3 export --format json`` (no store needed).

    Raises
    ------
    InputError
        If the file cannot be read or is not an hkweb3 export.
    """
    return from_dump(read_export(path))


def read_export(path: Path | str) -> dict[str, Any]:
    """The plain data of an exported JSON file, checked for its ``nodes`` list."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read an exported graph: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise InputError(f"{path}: not an hkweb3 export (no 'nodes' list)")
    for node in data["nodes"]:
        if not isinstance(node, dict) or not node.get("id"):
            raise InputError(f"{path}: a node has no 'id': {str(node)[:80]}")
    return data


class Node(NamedTuple):
    id: str
    name: str
    kind: str | None
    aliases: list[str]
    sources: int


class Fact(NamedTuple):
    """One edge as read: its ends, type and key come first, the order it is added in."""

    source: str
    type: str
    target: str
    key: str
    role: str | None
    since: Any
    until: Any
    sources: int
    evidence: Sequence[Mapping[str, Any]] = ()


@dataclass
class Facts:
    """The selected graph as read, before NetworkX: entities and the facts between them.

    ``nodes`` maps each id, in id order (documents, when asked for, among them), to its
    attributes (``name``, ``kind``, ``aliases``, ``sources``). ``groups`` holds the facts by
    source: ``(source, rows)``, each row a :class:`Fact` without its source, one per type and
    key between two nodes (the store merges edges on their key; :func:`read_dump` drops
    repeats); facts whose target is not in ``nodes`` (of a kind left out) are skipped when
    read (:attr:`edges`, :meth:`arrays`). :meth:`multigraph` makes the
    ``MultiDiGraph``; the analysis functions also take a ``Facts`` as it is, and build their
    simple views straight from it.
    """

    nodes: dict[str, dict[str, Any]]
    groups: list[tuple[str, list[Sequence[Any]]]]

    @classmethod
    def select(
        cls, nodes: list[Node], groups: list[tuple[str, list[Sequence[Any]]]],
        mentions: list[dict[str, Any]], where: GraphFilter,
    ) -> Facts:
        """The nodes, the facts ``where`` keeps between them, and the mentions asked for."""
        kept = {
            n.id: {"name": n.name, "kind": n.kind, "aliases": list(n.aliases),
                   "sources": n.sources or 0}
            for n in sorted(nodes, key=itemgetter(0))
        }
        # Edges from nodes outside the selected kinds go with them (those to such nodes are
        # skipped when read).
        groups = [(source, rows) for source, rows in groups if source in kept]
        if where.start is not None or where.end is not None:
            holds = where.period_test()
            groups = [(source, [row for row in rows if holds(row[4], row[5])])
                      for source, rows in groups]
        schema = load_schema()
        mentioned: dict[str, list[Sequence[Any]]] = {}
        for m in mentions:
            if m["target"] not in kept:
                continue
            kept.setdefault(m["source"], {"name": m["name"], "kind": schema.document_label,
                                          "aliases": [], "sources": 1})
            mentioned.setdefault(m["source"], []).append(
                (schema.mention_type, m["target"], "", None, None, None, 1))
        groups.extend((doc, sorted(set(rows))) for doc, rows in sorted(mentioned.items()))
        return cls(dict(sorted(kept.items())), groups)

    @property
    def edges(self) -> list[Fact]:
        """Every fact between two of ``nodes``, in the order read."""
        nodes = self.nodes
        return [Fact(source, *row) for source, rows in self.groups for row in rows
                if row[1] in nodes]

    def arrays(self, index: Mapping[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every fact as ``(source, target, sources)`` in three arrays, ends numbered by
        ``index`` (which numbers every node)."""
        counts = [len(rows) for _, rows in self.groups]
        sources = np.repeat(np.array([index[s] for s, _ in self.groups], dtype=np.int64),
                            counts)
        targets = np.array([index.get(row[1], -1) for _, rows in self.groups for row in rows],
                           dtype=np.int64)
        weights = np.array([row[6] or 1 for _, rows in self.groups for row in rows],
                           dtype=np.int64)
        known = targets >= 0  # the target's kind was left out
        return sources[known], targets[known], weights[known]

    def multigraph(self) -> nx.MultiDiGraph:
        """The facts as a ``MultiDiGraph``, nodes and edges added in sorted order."""
        g = nx.MultiDiGraph()
        with collector_paused():
            g.add_nodes_from(self.nodes.items())
            g.add_edges_from(
                (f.source, f.target, _multikey(f.type, f.key),
                 {"type": f.type, "sources": max(f.sources or 0, 1), "role": f.role,
                  "since": f.since, "until": f.until, "evidence": list(f.evidence)})
                for f in sorted(self.edges, key=itemgetter(0, 1, 2, 3))
            )
        return g


#: What the analysis functions take: the graph as NetworkX has it, or as read.
Analysable = nx.MultiDiGraph | Facts


@cache
def _multikey(edge_type: str, key: str | None) -> str:
    """The edge's key in the MultiDiGraph: its type, and its key values if it has any."""
    if not key or all(part.endswith("=") for part in key.split("|")):
        return edge_type
    return f"{edge_type}|{key}"


def resolve(g: Analysable, ref: str) -> str:
    """The node of ``g`` whose id, name or alias is ``ref`` (any case).

    Raises
    ------
    QueryError
        If nothing in ``g`` answers to ``ref``, or more than one node does.
    """
    if ref in g.nodes:
        return ref
    wanted = ref.casefold().strip()
    found = sorted(
        node for node, data in g.nodes.items()
        if wanted == str(data.get("name", "")).casefold()
        or wanted in (str(a).casefold() for a in data.get("aliases") or [])
        or wanted == str(node).casefold()
    )
    if not found:
        raise QueryError(f"no entity in the analysed graph has the id, name or alias {ref!r}")
    if len(found) > 1:
        raise QueryError(f"{ref!r} is ambiguous: it names {', '.join(found)}; give an id")
    return found[0]

