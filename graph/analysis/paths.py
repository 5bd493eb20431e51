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
>>> [(s.source, s.facts[0].type, s.target) for s in shortest_path(g, "za-bank", "sfc")]
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
from hkweb3.graph.analysis.load import Analysable, name_of
from hkweb3.graph.analysis.views import simple_view
from hkweb3.graph.memory import Fact, MemoryGraph
from hkweb3.graph.models import Evidence
from hkweb3.graph.periods import SINCE, UNTIL


@dataclass
class Step:
    """One hop of a path: from ``source`` to ``target``, and the facts that join them."""

    source: str
    target: str
    facts: list[Fact]

    def as_rows(self, g: Analysable, number: int) -> list[dict[str, Any]]:
        """One row per fact of this step: its ends by name, its type and its evidence."""
        rows = []
        for fact in self.facts:
            evidence = [{k: v for k in ("document", "page", "sentence", "published")
                         if (v := getattr(e, k))} for e in fact.evidence]
            rows.append({
                "step": number,
                "source": name_of(g, fact.source),
                "relation": fact.type + (f" ({fact.role})" if fact.role else ""),
                "target": name_of(g, fact.target),
                "documents": sorted({e.document for e in fact.evidence}),
                "sentence": next((e.sentence for e in fact.evidence if e.sentence), None),
                "evidence": evidence,
            })
        return rows


def shortest_path(g: Analysable, source: str, target: str, weight: str = "none") -> list[Step]:
    """The steps of one shortest path from ``source`` to ``target`` (ties: fewest ids
    first, as NetworkX meets them in sorted order).

    With ``weight="sources"`` the path prefers links backed by more documents.

    Raises
    ------
    QueryError
        If either end is not in ``g`` or nothing links them.
    """
    for end in (source, target):
        if end not in g.nodes:
            raise QueryError(f"{end!r} is not in the analysed graph")
    view = simple_view(g, directed=False, weight=weight)
    try:
        nodes = nx.shortest_path(view, source, target,
                                 weight=None if weight == "none" else "distance")
    except nx.NetworkXNoPath:
        raise QueryError(f"nothing links {source!r} to {target!r}") from None
    return [Step(a, b, facts_between(g, a, b)) for a, b in pairwise(nodes)]


def facts_between(g: Analysable, a: str, b: str) -> list[Fact]:
    """Every fact between ``a`` and ``b``, either way, by type, source and role."""
    if isinstance(g, MemoryGraph):
        facts = g.facts_between(a, b)
    else:
        facts = [_fact(source, target, key, data) for source, target in ((a, b), (b, a))
                 for key, data in (g.get_edge_data(source, target) or {}).items()]
    return sorted(facts, key=lambda f: (f.type, f.source, f.role or ""))


def _fact(source: str, target: str, key: str, data: dict[str, Any]) -> Fact:
    """A ``MultiDiGraph`` edge as a :class:`Fact`."""
    properties = {name: data[name] for name in ("role", SINCE, UNTIL)
                  if data.get(name) is not None}
    evidence = tuple(e if isinstance(e, Evidence) else Evidence.model_validate(e)
                     for e in data.get("evidence") or ())
    return Fact(source, data.get("type", key), target, str(key).partition("|")[2], properties,
                (), evidence)


def ego(g: Analysable, center: str, radius: int = 1) -> set[str]:
    """The nodes of ``g`` within ``radius`` hops of ``center``, either direction.

    Raises
    ------
    QueryError
        If ``center`` is not in ``g`` or ``radius`` is negative.
    """
    if center not in g.nodes:
        raise QueryError(f"{center!r} is not in the analysed graph")
    if radius < 0:
        raise QueryError(f"radius must be 0 or more, not {radius}")
    view = simple_view(g, directed=False, weight="none")
    return set(nx.single_source_shortest_path_length(view, center, cutoff=radius))
