"""Simple (one edge per pair) views of the multigraph, which the algorithms run on.

A view is first a sparse weighted adjacency matrix (:class:`WeightedView`), built straight
from the facts; metrics that are matrix sums or products (degree, PageRank, closeness) run on
it, the others on its NetworkX graph (:meth:`WeightedView.graph`, or :func:`simple_view`).

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

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np
from scipy import sparse

from hkweb3.errors import QueryError
from hkweb3.graph.analysis.load import Analysable, node_attributes
from hkweb3.graph.memory import MemoryGraph, collector_paused

WEIGHTS = ("sources", "edges", "none")


@dataclass(frozen=True)
class WeightedView:
    """A simple view as a matrix: ``matrix[i, j]`` is the weight of the link from
    ``nodes[i]`` to ``nodes[j]`` (symmetric when undirected; no self-loops), integers."""

    nodes: list[Any]
    #: The graph the view is of (its nodes' attributes go into :attr:`graph`).
    source: Analysable
    matrix: sparse.csr_array
    directed: bool

    def __len__(self) -> int:
        return len(self.nodes)

    def distances(self) -> sparse.csr_array:
        """The same links with ``1 / weight``: what path lengths add up."""
        inverse = self.matrix.astype(float)
        inverse.data = 1.0 / inverse.data
        return inverse

    @cached_property
    def graph(self) -> nx.Graph:
        """The view as a NetworkX ``DiGraph`` or ``Graph`` with ``weight`` and ``distance``;
        nodes in id order with their attributes, edges in the order of their ends."""
        view: nx.Graph = nx.DiGraph() if self.directed else nx.Graph()
        links = sparse.coo_array(self.matrix if self.directed else sparse.triu(self.matrix))
        order = np.lexsort((links.col, links.row))
        nodes = self.nodes
        attributes = node_attributes(self.source)
        with collector_paused():
            view.add_nodes_from((node, dict(attributes[node])) for node in nodes)
            view.add_edges_from(
                (nodes[i], nodes[j], {"weight": w, "distance": 1.0 / w})
                for i, j, w in zip(links.row[order].tolist(), links.col[order].tolist(),
                                   links.data[order].tolist(), strict=True)
            )
        return view


def weighted_view(g: Analysable, directed: bool, weight: str = "sources") -> WeightedView:
    """The simple view of ``g`` as a matrix (see :data:`WEIGHTS` for what ``weight`` adds up).

    Raises
    ------
    QueryError
        If ``weight`` is not one of :data:`WEIGHTS`.
    """
    if weight not in WEIGHTS:
        raise QueryError(f"unknown weight {weight!r} (choose from {', '.join(WEIGHTS)})")
    nodes = list(g.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    if isinstance(g, MemoryGraph):
        rows, cols, values = g.arrays(index)
        if weight != "sources":
            values = np.ones_like(rows)
    else:
        pairs = list(g.edges(data="sources", default=1))
        rows = np.array([index[p[0]] for p in pairs], dtype=np.int64)
        cols = np.array([index[p[1]] for p in pairs], dtype=np.int64)
        # A script's graph may weigh facts by a float: keep whatever number it gives (and
        # read it only when it is the weight).
        values = np.asarray([p[2] for p in pairs]) if weight == "sources" else \
            np.ones_like(rows)
    loops = rows == cols  # a self-loop says nothing about how an entity links to others
    rows, cols, values = rows[~loops], cols[~loops], values[~loops]
    n = len(nodes)
    # Parallel facts between a pair add up (a sparse matrix sums duplicate entries).
    matrix = sparse.csr_array((values, (rows, cols)), shape=(n, n))
    matrix.sum_duplicates()
    if not directed:
        matrix = (matrix + matrix.T).tocsr()
    if weight == "none":
        matrix.data[:] = 1
    return WeightedView(nodes, g, matrix, directed)


def simple_view(g: Analysable, directed: bool, weight: str = "sources") -> nx.Graph:
    """A ``DiGraph`` (``directed``) or ``Graph`` of ``g`` with ``weight`` and ``distance``.

    Raises
    ------
    QueryError
        If ``weight`` is not one of :data:`WEIGHTS`.
    """
    return weighted_view(g, directed, weight).graph
