"""Simple (one edge per pair) views of the multigraph, which the algorithms run on.

Parallel facts between two entities become one edge whose ``weight`` says how strong the
link is, and whose ``distance`` (``1 / weight``) is what path-based measures add up: a link
backed by many sources is a short, strong one.

Weights
-------
``sources``
    the number of documents behind each fact, summed over the facts between the pair;
``edges``
    the number of facts between the pair;
``none``
    every linked pair weighs 1.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_edge("a", "b", key="OWNS", sources=2)
'OWNS'
>>> g.add_edge("b", "a", key="PARTNERS_WITH", sources=1)
'PARTNERS_WITH'
>>> simple_view(g, directed=False, weight="sources")["a"]["b"]["weight"]
3
>>> simple_view(g, directed=True, weight="edges")["b"]["a"]["weight"]
1
"""

from __future__ import annotations

import networkx as nx

from hkweb3.errors import QueryError

WEIGHTS = ("sources", "edges", "none")


def simple_view(g: nx.MultiDiGraph, directed: bool, weight: str = "sources") -> nx.Graph:
    """A ``DiGraph`` (``directed``) or ``Graph`` of ``g`` with ``weight`` and ``distance``.

    Raises
    ------
    QueryError
        If ``weight`` is not one of :data:`WEIGHTS`.
    """
    if weight not in WEIGHTS:
        raise QueryError(f"unknown weight {weight!r} (choose from {', '.join(WEIGHTS)})")
    view: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    view.add_nodes_from(g.nodes(data=True))
    totals: dict[tuple[str, str], int] = {}
    for source, target, sources in g.edges(data="sources", default=1):
        if source == target:
            continue  # a self-loop says nothing about how an entity links to others
        pair = (source, target) if directed or source <= target else (target, source)
        step = sources if weight == "sources" else 1
        totals[pair] = totals.get(pair, 0) + step
    for (source, target), total in totals.items():
        w = 1 if weight == "none" else total
        view.add_edge(source, target, weight=w, distance=1.0 / w)
    return view
