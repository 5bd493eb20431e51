"""Load the graph, or a filtered part of it, into a NetworkX ``MultiDiGraph``.

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

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx

from hkweb3.errors import InputError, QueryError
from hkweb3.graph import cypher
from hkweb3.graph.models import edge_key
from hkweb3.graph.schema import load_schema
from hkweb3.graph.store import Store


@dataclass(frozen=True)
class GraphFilter:
    """Which part of the graph to analyse.

    ``kinds`` and ``edge_types`` keep nodes of those kinds (a parent kind such as
    ``Organization`` means all its kinds) and edges of those types; ``None`` keeps all.
    ``without_kinds`` then drops nodes of those kinds (places, say, which link everything
    located in one city).
    ``start``/``end`` keep edges whose period (``since`` to ``until``) overlaps the range;
    an edge with no dates is kept, as nothing says it falls outside. ``mentions`` adds
    documents as nodes (kind ``Document``) with their provenance edges.
    """

    kinds: Sequence[str] | None = None
    without_kinds: Sequence[str] = ()
    edge_types: Sequence[str] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    mentions: bool = False

    def concrete_kinds(self) -> list[str] | None:
        """The concrete kinds ``kinds`` stands for (schema errors name the bad kind)."""
        schema = load_schema()
        dropped = {k for name in self.without_kinds for k in schema.kinds_under(name)}
        if self.kinds is None and not dropped:
            return None
        kept = schema.concrete_kinds if self.kinds is None else \
            {k for name in self.kinds for k in schema.kinds_under(name)}
        return sorted(set(kept) - dropped)

    def types(self) -> list[str] | None:
        """``edge_types``, each checked against the schema."""
        if self.edge_types is None:
            return None
        schema = load_schema()
        return sorted({schema.edge(name).name for name in self.edge_types})

    def in_period(self, since: Any, until: Any) -> bool:
        """Whether an edge valid from ``since`` to ``until`` overlaps ``start``..``end``."""
        if self.end is not None and since and _bound(since, low=True) > self.end.isoformat():
            return False
        return not (self.start is not None and until
                    and _bound(until, low=False) < self.start.isoformat())


def _bound(value: Any, low: bool) -> str:
    """A partial ISO date as the first (``low``) or last day it can mean: 2023 -> 2023-01-01
    or 2023-12-31, so that an edge ``until: 2023`` still counts in mid-2023."""
    text = str(value)[:10]
    if len(text) == 4:
        return text + ("-01-01" if low else "-12-31")
    if len(text) == 7:
        return text + ("-01" if low else "-31")
    return text


def from_store(store: Store, where: GraphFilter | None = None) -> nx.MultiDiGraph:
    """The graph in ``store`` (or the part ``where`` selects), without evidence text.

    >>> from hkweb3.graph.store import open_store
    >>> with open_store() as store:  # doctest: +SKIP
    ...     g = from_store(store, GraphFilter(kinds=["Bank", "TradingPlatform"]))
    """
    where = where or GraphFilter()
    kinds, types = where.concrete_kinds(), where.types()
    nodes: list[Node] = []
    edges: list[Fact] = []
    for node_id, name, kind, aliases, sources, out in store.stream(
        cypher.ANALYSIS_GRAPH, {"kinds": kinds, "types": types}
    ):
        nodes.append(Node(node_id, name or node_id, kind, aliases or [], sources))
        edges.extend(Fact(node_id, t, target, key or "", role, since, until, n, ())
                     for t, target, key, role, since, until, n in out)
    mentions: list[dict[str, Any]] = []
    if where.mentions:
        schema = store.schema
        mention_type = next(e.name for e in schema.edges.values() if e.provenance)
        mentions = store.read(cypher.analysis_mentions(schema.document_label, mention_type)).rows
    return _build(nodes, edges, mentions, where)


def from_dump(dump: Mapping[str, Any], where: GraphFilter | None = None) -> nx.MultiDiGraph:
    """The graph from the plain data of ``Store.dump()`` or ``hkweb3 export --format json``."""
    where = where or GraphFilter()
    kinds, types = where.concrete_kinds(), where.types()
    nodes = [
        Node(n["id"], n.get("name") or n["id"], n.get("kind"), n.get("aliases") or [],
             len(n.get("sources") or []))
        for n in dump.get("nodes") or []
        if kinds is None or n.get("kind") in kinds
    ]
    edges = []
    for e in dump.get("edges") or []:
        if types is not None and e["type"] not in types:
            continue
        props = e.get("properties") or {}
        edges.append(Fact(e["source"], e["type"], e["target"], edge_key(e["type"], props),
                          props.get("role"), props.get("since"), props.get("until"),
                          len(props.get("sources") or []), e.get("evidence") or ()))
    mentions = []
    if where.mentions:
        titles = {d["id"]: d.get("title") or d["id"] for d in dump.get("documents") or []}
        mentions = [{"source": doc, "name": titles.get(doc, doc), "target": entity}
                    for doc, entity in _mention_pairs(dump)]
    return _build(nodes, edges, mentions, where)


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
    evidence: Sequence[Mapping[str, Any]]


def _build(
    nodes: list[Node], edges: list[Fact], mentions: list[dict[str, Any]], where: GraphFilter
) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_nodes_from(
        (n.id, {"name": n.name, "kind": n.kind, "aliases": list(n.aliases),
                "sources": n.sources or 0})
        for n in sorted(nodes, key=itemgetter(0))
    )
    dated = where.start is not None or where.end is not None
    g.add_edges_from(
        (f.source, f.target, _multikey(f.type, f.key),
         {"type": f.type, "sources": max(f.sources or 0, 1), "role": f.role, "since": f.since,
          "until": f.until, "evidence": list(f.evidence)})
        for f in sorted(edges, key=itemgetter(0, 1, 2, 3))
        # Edges to nodes outside the selected kinds go with them.
        if f.source in g and f.target in g and (not dated or where.in_period(f.since, f.until))
    )
    schema = load_schema()
    mention_type = next(e.name for e in schema.edges.values() if e.provenance)
    for m in sorted(mentions, key=lambda m: (m["source"], m["target"])):
        if m["target"] not in g:
            continue
        if m["source"] not in g:
            g.add_node(m["source"], name=m["name"], kind=schema.document_label,
                       aliases=[], sources=1)
        g.add_edge(m["source"], m["target"], key=mention_type, type=mention_type, sources=1,
                   role=None, since=None, until=None, evidence=[])
    return g


@cache
def _multikey(edge_type: str, key: str | None) -> str:
    """The edge's key in the MultiDiGraph: its type, and its key values if it has any."""
    if not key or all(part.endswith("=") for part in key.split("|")):
        return edge_type
    return f"{edge_type}|{key}"


def resolve(g: nx.MultiDiGraph, ref: str) -> str:
    """The node of ``g`` whose id, name or alias is ``ref`` (any case).

    Raises
    ------
    QueryError
        If nothing in ``g`` answers to ``ref``, or more than one node does.
    """
    if ref in g:
        return ref
    wanted = ref.casefold().strip()
    found = sorted(
        node for node, data in g.nodes(data=True)
        if wanted == str(data.get("name", "")).casefold()
        or wanted in (str(a).casefold() for a in data.get("aliases") or [])
        or wanted == str(node).casefold()
    )
    if not found:
        raise QueryError(f"no entity in the analysed graph has the id, name or alias {ref!r}")
    if len(found) > 1:
        raise QueryError(f"{ref!r} is ambiguous: it names {', '.join(found)}; give an id")
    return found[0]

