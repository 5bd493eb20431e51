"""What the HTML view shows, computed from a graph dump (the shape of ``Store.dump()``).

:func:`page_data` sorts everything (so equal graphs give equal pages), drops edges whose
ends are missing, and returns the vis-network items (nodes coloured by kind from the schema
and sized by a score; edges labelled by type) plus the details the page's side panel shows:
aliases, roles, properties, the evidence of each edge and the documents it cites. Nothing is
escaped here: the page puts every text in with ``textContent``. Only URLs are filtered: a
link is kept only if it is http(s) (:func:`safe_url`).

Examples
--------
>>> graph = {
...     "nodes": [{"id": "osl", "name": "OSL", "kind": "TradingPlatform"},
...               {"id": "za-bank", "name": "ZA Bank", "kind": "VirtualBank"}],
...     "edges": [{"source": "za-bank", "target": "osl", "type": "PROVIDES_BANKING_TO"},
...               {"source": "za-bank", "target": "gone", "type": "OWNS"}],
... }
>>> data = page_data(graph)
>>> [(n["id"], n["color"], n["size"]) for n in data.nodes]
[('osl', '#ff7f0e', 24.0), ('za-bank', '#4fa3e0', 24.0)]
>>> [(e["id"], e["from"], e["label"], e["to"]) for e in data.edges]
[('e0', 'za-bank', 'PROVIDES_BANKING_TO', 'osl')]
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hkweb3.errors import ValidationError
from hkweb3.graph.schema import Schema, load_schema

MIN_SIZE, MAX_SIZE = 8.0, 40.0
#: Canvas labels longer than this are cut (the side panel shows the whole name).
LABEL_CHARS = 40
#: Colour for a kind the schema does not know.
UNKNOWN_COLOR = "#999999"
#: Edge types that give a person a role at an organisation, and the role when none is named.
ROLE_EDGES = {"HOLDS_ROLE": "a role", "CHAIRS": "chair"}
#: Vis "roundness" added per extra edge between the same two nodes, so none hides another.
PARALLEL_CURVE = 0.2


@dataclass(frozen=True)
class PageData:
    """The vis-network items, the legend, and the side panel's details."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    #: ``[{"kind", "color", "count", "description"}]``, in schema order.
    kinds: list[dict[str, Any]]
    #: ``{"nodes": {id: ...}, "edges": {edge id: ...}, "documents": {id: ...}}``.
    details: dict[str, dict[str, Any]]


def page_data(
    graph: Mapping[str, Any],
    sizes: Mapping[str, float] | None = None,
    schema: Schema | None = None,
) -> PageData:
    """Turn a dump into :class:`PageData`; ``sizes`` maps node ids to the score that sizes
    them (default: :func:`degree_scores`)."""
    schema = schema or load_schema()
    by_id = {n["id"]: n for n in sorted(graph.get("nodes") or (), key=lambda n: n["id"])}
    edges = sorted(
        (e for e in graph.get("edges") or () if e["source"] in by_id and e["target"] in by_id),
        key=_edge_order,
    )
    if sizes is None:
        sizes = degree_scores(by_id, ((e["source"], e["target"]) for e in edges))
    scores = {i: _number(sizes.get(i)) for i in by_id}
    vis_nodes, node_details = _nodes(by_id, scores, schema)
    vis_edges, edge_details = _edges(edges, node_details)
    documents = {
        doc["id"]: {"title": doc.get("title"), "outlet": doc.get("outlet"),
                    "published": _plain(doc.get("published")), "url": safe_url(doc.get("url"))}
        for doc in sorted(graph.get("documents") or (), key=lambda d: d["id"])
    }
    return PageData(
        nodes=vis_nodes,
        edges=vis_edges,
        kinds=_legend(schema, Counter(n["kind"] for n in vis_nodes)),
        details={"nodes": node_details, "edges": edge_details, "documents": documents},
    )


def _nodes(
    by_id: Mapping[str, Mapping[str, Any]], scores: Mapping[str, float], schema: Schema
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """vis-network nodes (label, colour, size) and each node's details (roles left empty)."""
    sizes = _sizes(scores)
    items, details = [], {}
    for i, node in by_id.items():
        kind = node.get("kind") or "?"
        name = str(node.get("name") or i)
        label = name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"
        items.append({"id": i, "label": label, "kind": kind, "color": _color(schema, kind),
                      "size": sizes[i]})
        details[i] = {
            "name": name,
            # the Chinese name, shown beside the English one (registry's names_zh)
            "name_zh": (node.get("properties") or {}).get("name_zh"),
            "kind": kind,
            "aliases": sorted(str(a) for a in node.get("aliases") or ()),
            "sources": list(node.get("sources") or ()),
            "discovered": node.get("discovered"),
            "properties": _properties(node.get("properties")),
            "score": scores[i],
            "roles": [],
        }
    return items, details


def _edges(
    edges: list[Mapping[str, Any]], node_details: dict[str, dict[str, Any]]
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """vis-network edges (ids ``e0``, ``e1``, ... in order) and each edge's details; role
    edges add a role to the details of both their ends."""
    items, details = [], {}
    parallel: dict[tuple[str, str], int] = defaultdict(int)
    for number, edge in enumerate(edges):
        eid = f"e{number}"
        source, target, kind = edge["source"], edge["target"], edge["type"]
        item = {"id": eid, "from": source, "to": target, "label": kind}
        pair = (min(source, target), max(source, target))
        if parallel[pair]:
            item["smooth"] = {"type": "curvedCW", "roundness": PARALLEL_CURVE * parallel[pair]}
        parallel[pair] += 1
        items.append(item)
        properties = _properties(edge.get("properties"))
        details[eid] = {
            "type": kind,
            "sources": properties.pop("sources", []),
            "properties": properties,
            "evidence": [_evidence(e) for e in edge.get("evidence") or ()],
        }
        if kind in ROLE_EDGES:
            role = str(properties.get("role") or ROLE_EDGES[kind])
            when = {k: properties[k] for k in ("since", "until", "current") if k in properties}
            node_details[source]["roles"].append({"role": role, "with": target, **when})
            node_details[target]["roles"].append({"role": role, "with": source, **when})
    return items, details


def degree_scores(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Distinct neighbours of each node over the number of other nodes (the schema's
    ``degree`` score), ignoring self-loops.

    >>> degree_scores(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    {'a': 0.5, 'b': 1.0, 'c': 0.5}
    """
    neighbours: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b in edges:
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    others = max(len(neighbours) - 1, 1)
    return {n: len(found) / others for n, found in neighbours.items()}


def safe_url(value: Any) -> str | None:
    """``value`` if it is an http(s) URL, else None: other schemes (``javascript:``,
    ``data:``) are never made into links.

    >>> safe_url("https://example.org/a"), safe_url(" javascript:alert(1)"), safe_url(3)
    ('https://example.org/a', None, None)
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def _edge_order(edge: Mapping[str, Any]) -> tuple[str, str, str, str]:
    rest = [edge.get("properties") or {}, edge.get("evidence") or []]
    return (edge["source"], edge["type"], edge["target"],
            json.dumps(rest, sort_keys=True, ensure_ascii=False, default=str))


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _sizes(scores: Mapping[str, float]) -> dict[str, float]:
    """Node diameters from scores: square root, so area grows with the score."""
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    if high == low:
        return {i: (MIN_SIZE + MAX_SIZE) / 2 for i in scores}
    return {
        i: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt((s - low) / (high - low)), 2)
        for i, s in scores.items()
    }


def _color(schema: Schema, kind: str) -> str:
    try:
        return schema.color(kind)
    except ValidationError:
        return UNKNOWN_COLOR


def _legend(schema: Schema, counts: Mapping[str, int]) -> list[dict[str, Any]]:
    order = {kind: i for i, kind in enumerate(schema.kinds)}
    kinds = sorted(counts, key=lambda k: (order.get(k, len(order)), k))
    return [{"kind": k, "color": _color(schema, k), "count": counts[k],
             "description": schema.kinds[k].description if k in schema.kinds else ""}
            for k in kinds]


def _plain(value: Any) -> Any:
    """A JSON value: dates (and anything else unusual) as text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _properties(values: Mapping[str, Any] | None) -> dict[str, Any]:
    return {str(k): _plain(v) for k, v in sorted((values or {}).items())}


def _evidence(item: Mapping[str, Any] | str) -> dict[str, Any]:
    """One evidence item (a mapping, or the JSON string the store keeps) as plain data."""
    data = json.loads(item) if isinstance(item, str) else item
    return {str(k): _plain(v) for k, v in sorted(data.items()) if v is not None}
