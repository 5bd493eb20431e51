"""Read the graph once into a :class:`~hkweb3.graph.memory.MemoryGraph`: from the store, from
an exported JSON file, or from an export's plain data, keeping what a
:class:`~hkweb3.graph.memory.GraphFilter` selects.

The store is read in one of two ways. The lean read (analysis) streams one row per entity
with its facts, without evidence or other entity properties: 100,000 entities and 500,000
facts in a few seconds. ``detail=True`` reads everything an export holds (entity properties,
every edge property, evidence decoded into :class:`~hkweb3.graph.models.Evidence`, the
documents), for the exports, the HTML view and paths.

Examples
--------
>>> graph = read_dump({
...     "nodes": [{"id": "hk", "name": "Hong Kong", "kind": "Place"},
...               {"id": "osl", "name": "OSL", "kind": "TradingPlatform"}],
...     "edges": [{"source": "osl", "type": "LOCATED_IN", "target": "hk"}]})
>>> list(graph.nodes), len(read_dump({"nodes": [], "edges": []}).nodes)
(['osl'], 0)
>>> [f.target for f in read_dump(
...     {"nodes": [{"id": "hk", "name": "Hong Kong", "kind": "Place"},
...                {"id": "osl", "name": "OSL", "kind": "TradingPlatform"}],
...      "edges": [{"source": "osl", "type": "LOCATED_IN", "target": "hk"}]},
...     GraphFilter(with_places=True)).edges]
['hk']
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pydantic

from hkweb3.errors import InputError
from hkweb3.graph import cypher
from hkweb3.graph.memory import (
    Document,
    Fact,
    GraphFilter,
    MemoryGraph,
    Node,
    Row,
    collector_paused,
    row_of,
)
from hkweb3.graph.models import Evidence, edge_key

if TYPE_CHECKING:  # reading an exported file needs neither the store nor its driver
    from hkweb3.graph.store import Store

__all__ = ["GraphFilter", "MemoryGraph", "read_dump", "read_export", "read_store"]

#: Stored properties that are not facts: a lookup aid, and flags derived from the edges.
_DERIVED_NODE = ("search", cypher.CONFLICT_FLAG)
#: The merge key, the claim and its conflict flag are derived from the other properties.
_DERIVED_EDGE = ("key", "claim", cypher.CONFLICT_FLAG)


def read_store(store: Store, where: GraphFilter | None = None, *,
               detail: bool = False) -> MemoryGraph:
    """The graph in ``store``, or the part ``where`` selects (places left out unless asked
    for); with ``detail``, every property, the evidence and the documents too."""
    where = where or GraphFilter()
    if detail:
        return _read_store_detail(store, where)
    kinds, types = where.concrete_kinds(), where.types()
    nodes: list[Node] = []
    groups: list[tuple[str, list[Row]]] = []
    with collector_paused():
        # Rows are kept as the driver gives them: a tuple per fact would cost a second per
        # 500,000 facts, more than the PageRank they are often read for.
        for node_id, name, kind, aliases, sources, out in store.stream(
            cypher.analysis_graph(store.schema), {"kinds": kinds, "types": types}
        ):
            nodes.append(Node(node_id, name or node_id, kind, tuple(aliases or ()),
                              tuple(sources or ())))
            if out:
                groups.append((node_id, out))
        names = tuple(cypher.analysis_properties(store.schema))
        return MemoryGraph.select(nodes, groups, where, _mentions(store, where), names=names)


def _read_store_detail(store: Store, where: GraphFilter) -> MemoryGraph:
    keeps, types = where.kind_test(), where.types()
    nodes = []
    for row in store.read(cypher.DUMP_ENTITIES).rows:
        props = dict(row["n"]["properties"])
        for derived in _DERIVED_NODE:
            props.pop(derived, None)
        if keeps(props.get("kind")):
            nodes.append(_node(props))
    groups: dict[str, list[Row]] = {}
    for row in store.read(cypher.DUMP_EDGES).rows:
        if types is not None and row["type"] not in types:
            continue
        props = dict(row["properties"])
        evidence = tuple(Evidence.decode(e) for e in props.pop("evidence", None) or ())
        for derived in _DERIVED_EDGE:
            props.pop(derived, None)
        key = row["properties"].get("key") or ""
        sources = tuple(props.pop("sources", None) or ())
        fact = Fact(row["source"], row["type"], row["target"], key, props, sources, evidence)
        groups.setdefault(fact.source, []).append(row_of(fact))
    documents = [_document(row["d"]["properties"]) for row in
                 store.read(cypher.dump_documents(store.schema.document_label)).rows]
    return MemoryGraph.select(nodes, list(groups.items()), where, _mentions(store, where),
                              documents)


def _mentions(store: Store, where: GraphFilter) -> list[tuple[str, str | None, str]]:
    if not where.mentions:
        return []
    schema = store.schema
    query = cypher.analysis_mentions(schema.document_label, schema.mention_type)
    return [(r["source"], r["name"], r["target"]) for r in store.read(query).rows]


def read_dump(data: Mapping[str, Any], where: GraphFilter | None = None, *,
              detail: bool = True) -> MemoryGraph:
    """The graph in ``data``, an export's plain data (``hkweb3 export --format json``, or
    ``Store.dump()``), or the part ``where`` selects; without ``detail``, the evidence is
    left out (analysis does not read it, and checking it is most of the time a large
    export takes to read).

    Raises
    ------
    InputError
        If an edge's evidence is not evidence (the message names the edge).
    """
    where = where or GraphFilter()
    keeps, types = where.kind_test(), where.types()
    nodes = [_node({**(n.get("properties") or {}), **n}) for n in data.get("nodes") or []
             if keeps(n.get("kind"))]
    # An edited export may list a fact twice; the last is kept.
    by_source: dict[str, dict[tuple[str, str, str], Row]] = {}
    for e in data.get("edges") or []:
        if types is not None and e["type"] not in types:
            continue
        props = {k: v for k, v in (e.get("properties") or {}).items()
                 if k not in _DERIVED_EDGE and k != "sources"}
        fact = Fact(e["source"], e["type"], e["target"], edge_key(e["type"], props), props,
                    tuple((e.get("properties") or {}).get("sources") or ()),
                    _evidence(e) if detail else ())
        by_source.setdefault(fact.source, {})[fact.type, fact.target, fact.multikey] = \
            row_of(fact)
    titles = {d["id"]: d.get("title") for d in data.get("documents") or []}
    # An export lists each entity's sources; those are the documents that mention it.
    mentions = [(doc, titles.get(doc), n["id"]) for n in data.get("nodes") or []
                for doc in n.get("sources") or []]
    groups = [(source, list(rows.values())) for source, rows in by_source.items()]
    documents = [_document(d) for d in data.get("documents") or []]
    return MemoryGraph.select(nodes, groups, where, mentions, documents)


def read_export(path: Path | str, where: GraphFilter | None = None, *,
                detail: bool = True) -> MemoryGraph:
    """The graph in a file written by ``hkweb3 export --format json`` (no store needed),
    or the part ``where`` selects (``detail`` as for :func:`read_dump`).

    Raises
    ------
    InputError
        If the file cannot be read or is not an hkweb3 export.
    """
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
    try:
        return read_dump(data, where, detail=detail)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None


def _node(props: Mapping[str, Any]) -> Node:
    """A node from its stored properties (or an export's fields and properties)."""
    attributes = {k: v for k, v in props.items() if k not in _NODE_FIELDS}
    return Node(props["id"], props.get("name") or props["id"], props.get("kind"),
                tuple(props.get("aliases") or ()), tuple(props.get("sources") or ()),
                props.get("discovered"), attributes)


_NODE_FIELDS = frozenset({"id", "name", "kind", "aliases", "sources", "discovered", "labels",
                          "properties", *_DERIVED_NODE})


def _document(props: Mapping[str, Any]) -> Document:
    fields = ("title", "outlet", "url", "published")
    return Document(props["id"], *(props.get(f) for f in fields),
                    {k: v for k, v in props.items() if k != "id" and k not in fields})


def _evidence(edge: Mapping[str, Any]) -> tuple[Evidence, ...]:
    items: Sequence[Any] = edge.get("evidence") or ()
    try:
        return tuple(Evidence.model_validate(item) for item in items)
    except pydantic.ValidationError as exc:
        error = exc.errors()[0]
        place = ".".join(str(p) for p in error["loc"]) or "item"
        raise InputError(f"edge {edge.get('source')} -{edge.get('type')}-> "
                         f"{edge.get('target')}: evidence {place}: {error['msg']}") from None

