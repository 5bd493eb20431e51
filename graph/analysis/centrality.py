"""Centrality: which entities matter most, by one of several measures.

Each metric runs on a simple view of the graph (see :mod:`~hkweb3.graph.analysis.views`),
directed or undirected; by default the one that suits it (PageRank and in/out degree follow
the direction of facts, the others ignore it). Ties are broken by id, so rankings repeat.

Path-based metrics (betweenness, closeness) cost O(nodes x edges). Above
:data:`EXACT_LIMIT` nodes they are estimated from :data:`PIVOTS` seeded sample sources
instead (``benchmarks/bench_analysis.py`` measures the error against the exact values).

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for leaf in ("a", "b", "c"):
...     _ = g.add_edge(leaf, "hub", key="MEMBER_OF", sources=1)
>>> ranking = centrality(g, "degree")
>>> [(s.id, round(s.score, 2)) for s in ranking.scores]
[('hub', 1.0), ('a', 0.33), ('b', 0.33), ('c', 0.33)]
>>> centrality(g, "pagerank").scores[0].id
'hub'
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from scipy.sparse.linalg import ArpackError

from hkweb3.errors import QueryError
from hkweb3.graph.analysis.views import simple_view
from hkweb3.graph.schema import load_schema

EXACT_LIMIT = 2_000
PIVOTS = 500
SEED = 7
EIGENVECTOR_STEPS = 1000


@dataclass(frozen=True)
class Score:
    """One entity's score."""

    id: str
    name: str
    kind: str | None
    score: float

    def as_row(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "score": float(f"{self.score:.6g}")}


@dataclass
class Ranking:
    """Scores in rank order (highest first, ties by id), with how they were computed."""

    metric: str
    directed: bool
    weight: str
    scores: list[Score]
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, float]:
        return {s.id: s.score for s in self.scores}

    def select(self, kinds: Iterable[str] | None = None, top: int | None = None) -> Ranking:
        """The same ranking cut to nodes of ``kinds`` (parent kinds included) and ``top``."""
        wanted = None if kinds is None else _concrete(kinds)
        scores = [s for s in self.scores if wanted is None or s.kind in wanted]
        return Ranking(self.metric, self.directed, self.weight,
                       scores[:top] if top is not None else scores, list(self.notes))


@dataclass(frozen=True)
class Metric:
    """A centrality measure: its function and the view it suits by default."""

    compute: Callable[[nx.Graph, list[str]], dict[str, float]]
    directed: bool
    needs_direction: bool = False


def _degree(view: nx.Graph, notes: list[str]) -> dict[str, float]:
    return _normalised(view, dict(view.degree(weight="weight")))


def _in_degree(view: nx.Graph, notes: list[str]) -> dict[str, float]:
    return _normalised(view, dict(view.in_degree(weight="weight")))


def _out_degree(view: nx.Graph, notes: list[str]) -> dict[str, float]:
    return _normalised(view, dict(view.out_degree(weight="weight")))


def _normalised(view: nx.Graph, degrees: dict[str, float]) -> dict[str, float]:
    scale = 1.0 / (len(view) - 1) if len(view) > 1 else 1.0
    return {node: value * scale for node, value in degrees.items()}


def _betweenness(view: nx.Graph, notes: list[str]) -> dict[str, float]:
    pivots = None
    if len(view) > EXACT_LIMIT:
        pivots = PIVOTS
        notes.append(f"betweenness estimated from {PIVOTS} sample sources (seed {SEED}): "
                     f"the graph has over {EXACT_LIMIT:,} nodes")
    return nx.betweenness_centrality(view, k=pivots, weight="distance", seed=SEED)


def _closeness(view: nx.Graph, notes: list[str]) -> dict[str, float]:
    if len(view) <= EXACT_LIMIT:
        return nx.closeness_centrality(view, distance="distance")
    notes.append(f"closeness estimated from {PIVOTS} sample sources (seed {SEED}): "
                 f"the graph has over {EXACT_LIMIT:,} nodes")
    return sampled_closeness(view, PIVOTS, SEED)


def sampled_closeness(view: nx.Graph, pivots: int, seed: int) -> dict[str, float]:
    """Closeness (Wasserman-Faust, as NetworkX computes it) estimated from the distances
    of ``pivots`` seeded sample sources to every node, scaled up to the whole graph.

    >>> path = nx.path_graph(5)
    >>> nx.set_edge_attributes(path, 1.0, "distance")
    >>> exact = nx.closeness_centrality(path, distance="distance")
    >>> sampled_closeness(path, 5, seed=1) == exact
    True
    """
    nodes = sorted(view, key=str)
    n = len(nodes)
    sample = random.Random(seed).sample(nodes, min(pivots, n))
    reached = dict.fromkeys(nodes, 0)
    total = dict.fromkeys(nodes, 0.0)
    for source in sample:
        lengths = nx.single_source_dijkstra_path_length(view, source, weight="distance")
        for node, length in lengths.items():
            if node != source:
                reached[node] += 1
                total[node] += length
    scores = {}
    for node in nodes:
        others = len(sample) - (node in sample)
        if not reached[node] or others == 0:
            scores[node] = 0.0
            continue
        # Reached nodes and summed distance, as if every node had been a source.
        share = (n - 1) / others
        found, distance = reached[node] * share, total[node] * share
        scores[node] = (found / distance) * (found / (n - 1))
    return scores


def _eigenvector(view: nx.Graph, notes: list[str]) -> dict[str, float]:
    try:
        return nx.eigenvector_centrality(view, max_iter=EIGENVECTOR_STEPS, weight="weight")
    except nx.PowerIterationFailedConvergence:
        notes.append(f"eigenvector: power iteration did not converge in {EIGENVECTOR_STEPS:,} "
                     "steps; solved with the sparse eigensolver instead")
    try:
        return nx.eigenvector_centrality_numpy(view, weight="weight")
    except (ArpackError, nx.NetworkXException, ValueError) as exc:
        raise QueryError(f"eigenvector centrality has no answer on this graph ({exc}); "
                         "try pagerank, or the undirected view") from None


def _pagerank(view: nx.Graph, notes: list[str]) -> dict[str, float]:
    return nx.pagerank(view, alpha=0.85, weight="weight")


METRICS: dict[str, Metric] = {
    "degree": Metric(_degree, directed=False),
    "in_degree": Metric(_in_degree, directed=True, needs_direction=True),
    "out_degree": Metric(_out_degree, directed=True, needs_direction=True),
    "betweenness": Metric(_betweenness, directed=False),
    "closeness": Metric(_closeness, directed=False),
    "eigenvector": Metric(_eigenvector, directed=False),
    "pagerank": Metric(_pagerank, directed=True),
}


def centrality(
    g: nx.MultiDiGraph,
    metric: str = "pagerank",
    *,
    directed: bool | None = None,
    weight: str = "sources",
    kinds: Iterable[str] | None = None,
    top: int | None = None,
) -> Ranking:
    """Score every node of ``g`` by ``metric``; rank those of ``kinds`` (all by default).

    The scores are computed on the whole of ``g``: ``kinds`` and ``top`` only choose what is
    reported, so a bank's score is the same whichever kinds are listed beside it.

    Raises
    ------
    QueryError
        For an unknown metric, a metric that needs direction on the undirected view, or an
        eigenvector problem with no solution.
    ValidationError
        For an unknown kind.
    """
    spec = METRICS.get(metric)
    if spec is None:
        raise QueryError(f"unknown metric {metric!r} (choose from {', '.join(METRICS)})")
    directed = spec.directed if directed is None else directed
    if spec.needs_direction and not directed:
        raise QueryError(f"{metric} needs the directed view")
    if kinds is not None:
        _concrete(kinds)  # an unknown kind fails before the work, not after
    notes: list[str] = []
    view = simple_view(g, directed=directed, weight=weight)
    values = spec.compute(view, notes) if len(view) else {}
    if not len(view):
        notes.append("the graph is empty: nothing to score")
    scores = [
        Score(node, g.nodes[node].get("name", node), g.nodes[node].get("kind"), float(value))
        for node, value in values.items()
    ]
    scores.sort(key=lambda s: (-s.score, s.id))
    return Ranking(metric, directed, weight, scores, notes).select(kinds, top)


def _concrete(kinds: Iterable[str]) -> set[str]:
    schema = load_schema()
    return {k for name in kinds for k in schema.kinds_under(name)}
