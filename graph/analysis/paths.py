"""Paths and neighbourhoods: how two entities are linked, and what surrounds one.

A path is found on the undirected view (a fact links two entities whichever way it
points); each step lists the facts behind it, in their own direction, with their evidence.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([("za-bank", {"name": "ZA Bank"}), ("hkma", {"name": "HKMA"}),
...                   ("sfc", {"name": "SFC"})])
>>> _ = g.add_edge("za-bank", "hkma", key="REGULATED_BY", type="REGULATED_BY")
>>> _ = g.add_edge("hkma", "sfc", key="PARTNERS_WITH", type="PARTNERS_WITH")
>>> [(s.source, s.facts[0]["type"], s.target) for s in shortest_path(g, "za-bank", "sfc")]
[('za-bank', 'REGULATED_BY', 'hkma'), ('hkma', 'PARTNERS_WITH', 'sfc')]
>>> sorted(ego(g, "sfc", radius=1))
['hkma', 'sfc']
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import networkx as nx

from hkweb3.errors import QueryError
from hkweb3.graph.analysis.views import simple_view


@dataclass
class Step:
    """One hop of a path: from ``source`` to ``target``, and the facts that join them."""

    source: str
    target: str
    facts: list[dict[str, Any]]

    def as_rows(self, g: nx.MultiDiGraph, number: int) -> list[dict[str, Any]]:
        """One row per fact of this step: its ends by name, its type and its evidence."""
        rows = []
        for fact in self.facts:
            evidence = [{k: e[k] for k in ("document", "page", "sentence", "published") if e.get(k)}
                        for e in fact.get("evidence") or []]
            rows.append({
                "step": number,
                "source": g.nodes[fact["source"]].get("name", fact["source"]),
                "relation": fact["type"] + (f" ({fact['role']})" if fact.get("role") else ""),
                "target": g.nodes[fact["target"]].get("name", fact["target"]),
                "documents": sorted({e["document"] for e in evidence}),
                "sentence": next((e["sentence"] for e in evidence if "sentence" in e), None),
                "evidence": evidence,
            })
        return rows


def shortest_path(
    g: nx.MultiDiGraph, source: str, target: str, weight: str = "none"
) -> list[Step]:
    """The steps of one shortest path from ``source`` to ``target`` (ties: fewest ids
    first, as NetworkX meets them in sorted order).

    With ``weight="sources"`` the path prefers links backed by more documents.

    Raises
    ------
    QueryError
        If either end is not in ``g`` or nothing links them.
    """
    for end in (source, target):
        if end not in g:
            raise QueryError(f"{end!r} is not in the analysed graph")
    view = simple_view(g, directed=False, weight=weight)
    try:
        nodes = nx.shortest_path(view, source, target,
                                 weight=None if weight == "none" else "distance")
    except nx.NetworkXNoPath:
        raise QueryError(f"nothing links {source!r} to {target!r}") from None
    return [Step(a, b, facts_between(g, a, b)) for a, b in pairwise(nodes)]


def facts_between(g: nx.MultiDiGraph, a: str, b: str) -> list[dict[str, Any]]:
    """Every edge between ``a`` and ``b``, either way, as a dict with its ends and data."""
    facts = []
    for source, target in ((a, b), (b, a)):
        for data in (g.get_edge_data(source, target) or {}).values():
            facts.append({"source": source, "target": target, **data})
    return facts


def ego(g: nx.MultiDiGraph, center: str, radius: int = 1) -> nx.MultiDiGraph:
    """The part of ``g`` within ``radius`` hops of ``center``, either direction.

    Raises
    ------
    QueryError
        If ``center`` is not in ``g`` or ``radius`` is negative.
    """
    if center not in g:
        raise QueryError(f"{center!r} is not in the analysed graph")
    if radius < 0:
        raise QueryError(f"radius must be 0 or more, not {radius}")
    return nx.ego_graph(g, center, radius=radius, undirected=True).copy()
