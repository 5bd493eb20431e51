"""Centrality: which entities matter most, by one of several measures.

Each metric runs on a simple view of the graph (see :mod:`~hkweb3.graph.analysis.views`),
directed or undirected, weighted or not; by default the one that suits it (PageRank and
in/out degree follow the direction of facts, the others ignore it; betweenness and closeness
count hops, the others weigh links by their sources). They run on the view's sparse matrix
(SciPy; the numbers are NetworkX's, which the tests check), except weighted betweenness, which
runs on its NetworkX graph. Ties are broken by id, and eigenvector's solver starts from a fixed
vector, so rankings repeat.

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.sparse.linalg import ArpackError, eigs

from hkweb3.errors import AnalysisError, QueryError
from hkweb3.graph.analysis.betweenness import dependencies
from hkweb3.graph.analysis.load import Analysable, kind_of, name_of
from hkweb3.graph.analysis.views import WeightedView, weighted_view
from hkweb3.graph.schema import load_schema

EXACT_LIMIT = 1_000
PIVOTS = 500
SEED = 7
EIGENVECTOR_STEPS = 1000
ARPACK_STEPS = 10_000


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
    """A centrality measure: its function (given the view, whether it is weighted, and a list
    for notes), and the view and weight it suits by default."""

    compute: Callable[[WeightedView, bool, list[str]], dict[str, float]]
    directed: bool
    weight: str = "sources"
    needs_direction: bool = False


def _degree(view: WeightedView, weighted: bool, notes: list[str]) -> dict[str, float]:
    # Undirected, the matrix is symmetric and its row sums are degrees; directed, a node's
    # degree counts the links in and out.
    if view.directed:
        return _normalised(view, view.matrix.sum(axis=0) + view.matrix.sum(axis=1))
    return _normalised(view, view.matrix.sum(axis=1))


def _in_degree(view: WeightedView, weighted: bool, notes: list[str]) -> dict[str, float]:
    return _normalised(view, view.matrix.sum(axis=0))


def _out_degree(view: WeightedView, weighted: bool, notes: list[str]) -> dict[str, float]:
    return _normalised(view, view.matrix.sum(axis=1))


def _normalised(view: WeightedView, degrees: np.ndarray) -> dict[str, float]:
    scale = 1.0 / (len(view) - 1) if len(view) > 1 else 1.0
    return dict(zip(view.nodes, (degrees * scale).tolist(), strict=True))


def _betweenness(view: WeightedView, weighted: bool, notes: list[str]) -> dict[str, float]:
    n = len(view)
    pivots = None
    if n > EXACT_LIMIT:
        pivots = PIVOTS
        notes.append(f"betweenness estimated from {PIVOTS} sample sources (seed {SEED}): "
                     f"the graph has over {EXACT_LIMIT:,} nodes")
    if weighted:  # Dijkstra's algorithm, in NetworkX
        return nx.betweenness_centrality(view.graph, k=pivots, weight="distance", seed=SEED)
    # NetworkX's sample (the view's graph lists the nodes in this order) and its scaling:
    # normalised, endpoints not counted, sources scaled apart from the other nodes.
    sources = range(n) if pivots is None else random.Random(SEED).sample(range(n), pivots)
    through = dependencies(view.matrix, sources)
    if n > 2:  # a node lies between a source and one of the n - 2 others but itself
        if pivots is None:
            through /= (n - 1) * (n - 2)
        else:
            sampled = np.zeros(n, dtype=bool)
            sampled[sources] = True
            through /= np.where(sampled, pivots - 1, pivots) * (n - 2)
    return dict(zip(view.nodes, through.tolist(), strict=True))


def _closeness(view: WeightedView, weighted: bool, notes: list[str]) -> dict[str, float]:
    distances = view.distances() if weighted else view.matrix
    if len(view) <= EXACT_LIMIT:
        return _closeness_matrix(view.nodes, distances, view.directed, None, weighted)
    notes.append(f"closeness estimated from {PIVOTS} sample sources (seed {SEED}): "
                 f"the graph has over {EXACT_LIMIT:,} nodes")
    return _closeness_matrix(view.nodes, distances, view.directed,
                             sample_sources(view.nodes, PIVOTS), weighted)


def sample_sources(nodes: Sequence[Any], k: int) -> list[Any]:
    """The ``k`` seeded sample sources the sampled closeness starts from."""
    ordered = sorted(nodes, key=str)
    return random.Random(SEED).sample(ordered, min(k, len(ordered)))


def closeness_from(
    view: nx.Graph, sources: Sequence[Any] | None = None, weighted: bool = True
) -> dict[Any, float]:
    """Closeness (Wasserman-Faust, as NetworkX computes it, along ``distance``, or counting
    hops when not ``weighted``) from the
    distances of ``sources`` to every node, scaled up to the whole graph; exact when
    ``sources`` is None (every node). Distances come from SciPy's Dijkstra, in C.

    >>> path = nx.path_graph(5)
    >>> nx.set_edge_attributes(path, 1.0, "distance")
    >>> exact = nx.closeness_centrality(path, distance="distance")
    >>> all(abs(closeness_from(path)[n] - exact[n]) < 1e-12 for n in path)
    True
    """
    nodes = list(view)
    matrix = nx.to_scipy_sparse_array(view, nodelist=nodes, weight="distance" if weighted else None,
                                      format="csr")
    return _closeness_matrix(nodes, matrix, view.is_directed(), sources, weighted)


def _closeness_matrix(
    nodes: list[Any], matrix: Any, directed: bool, sources: Sequence[Any] | None, weighted: bool
) -> dict[Any, float]:
    n = len(nodes)
    if n < 2:
        return dict.fromkeys(nodes, 0.0)
    index = {node: i for i, node in enumerate(nodes)}
    rows = list(range(n)) if sources is None else sorted(index[s] for s in sources)
    reached, total = np.zeros(n), np.zeros(n)
    for start in range(0, len(rows), 64):  # 64 rows of n distances at a time bounds memory
        chunk = rows[start : start + 64]
        lengths = dijkstra(matrix, directed=directed, indices=chunk,
                           unweighted=not weighted)
        finite = np.isfinite(lengths)
        reached += finite.sum(axis=0)
        total += np.where(finite, lengths, 0.0).sum(axis=0)
    sampled = np.zeros(n, dtype=bool)
    sampled[rows] = True
    reached -= sampled  # a source reaches itself at distance 0; that does not count
    others = len(rows) - sampled
    with np.errstate(divide="ignore", invalid="ignore"):
        share = (n - 1) / others  # reached nodes and distance, as if every node were a source
        found, distance = reached * share, total * share
        scores = np.where(reached > 0, (found / distance) * (found / (n - 1)), 0.0)
    return dict(zip(nodes, scores.tolist(), strict=True))


def _eigenvector(view: WeightedView, weighted: bool, notes: list[str]) -> dict[str, float]:
    count, labels = connected_components(view.matrix, directed=view.directed, connection="weak")
    if count == 1:
        return dict(zip(view.nodes, _principal(view.matrix, notes).tolist(), strict=True))
    # The leading eigenvector of a graph in pieces lives on one piece: the largest, in
    # practice. Scoring it alone keeps the fast solver, which refuses disconnected graphs.
    sizes = np.bincount(labels)
    largest = sizes.max()
    # Between pieces of the same size, the one whose smallest id (as text) is greatest wins.
    first: dict[int, str] = {}
    for node, label in zip(view.nodes, labels.tolist(), strict=True):
        if sizes[label] == largest:
            first[label] = min(first.get(label, str(node)), str(node))
    main = max(first, key=first.__getitem__)
    members = np.flatnonzero(labels == main)
    notes.append(f"eigenvector: the graph is in {count:,} pieces; scored on the largest "
                 f"({len(members):,} of {len(view):,} nodes), the rest score 0")
    scores = np.zeros(len(view))
    scores[members] = _principal(view.matrix[members][:, members], notes)
    return dict(zip(view.nodes, scores.tolist(), strict=True))


def _principal(matrix: sparse.sparray, notes: list[str]) -> np.ndarray:
    """The leading eigenvector of a connected graph's weighted adjacency ``matrix``, unit
    length and positive, as ``nx.eigenvector_centrality_numpy`` scales it: a node scores
    the sum of its in-neighbours' scores."""
    a = sparse.csr_array(matrix, dtype=float).T
    n = a.shape[0]
    if connected_components(a, directed=True, connection="strong")[0] > 1:
        # A directed graph's leading eigenvector is only unique when the graph is strongly
        # connected; ARPACK may then land on any of several, so iterate from a uniform start.
        notes.append("eigenvector: the directed view is not strongly connected; "
                     "used power iteration")
        return _power_iteration(a)
    if n < 3:  # too small for ARPACK; power iteration settles in a step or two
        return _power_iteration(a)
    try:
        # ARPACK starts from a random vector unless given one, and its last digits (and
        # whether it converges in time) then vary from run to run.
        _, vectors = eigs(a, k=1, which="LR", maxiter=ARPACK_STEPS, tol=0, v0=np.ones(n))
        leading = vectors[:, 0].real
        return leading / (np.sign(leading.sum()) * np.linalg.norm(leading))
    except ArpackError as exc:
        notes.append(f"eigenvector: the sparse eigensolver gave no answer ({_first_line(exc)});"
                     " used power iteration instead")
    return _power_iteration(a)


def _power_iteration(a: sparse.sparray) -> np.ndarray:
    # NetworkX's eigenvector_centrality step for step (A + I from a uniform start), on a matrix.
    n = a.shape[0]
    x = np.repeat(1.0 / n, n)
    for _ in range(EIGENVECTOR_STEPS):
        last = x
        x = last + a @ last
        x = x / (np.linalg.norm(x) or 1.0)
        if np.absolute(x - last).sum() < n * 1e-6:
            return x
    raise AnalysisError(f"eigenvector centrality did not converge in {EIGENVECTOR_STEPS:,} "
                     "steps on this graph; try pagerank, or the undirected view")


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__


def _pagerank(view: WeightedView, weighted: bool, notes: list[str]) -> dict[str, float]:
    return pagerank_matrix(view.nodes, view.matrix)


def pagerank_matrix(
    nodes: list[Any], matrix: Any, alpha: float = 0.85, max_iter: int = 100, tol: float = 1e-6
) -> dict[Any, float]:
    """PageRank from a weighted adjacency matrix, step for step as ``nx.pagerank`` computes it
    (uniform teleport and dangling weights), without first building a NetworkX graph: on
    100,000 nodes that graph costs more than the PageRank itself.

    >>> g = nx.gnm_random_graph(30, 80, seed=1, directed=True)
    >>> ours = pagerank_matrix(list(g), nx.to_scipy_sparse_array(g))
    >>> theirs = nx.pagerank(g)
    >>> max(abs(ours[n] - theirs[n]) for n in g) < 1e-12
    True
    """
    n = len(nodes)
    if n == 0:
        return {}
    a = sparse.csr_array(matrix, dtype=float)
    out = a.sum(axis=1)
    scale = np.zeros(n)
    scale[out != 0] = 1.0 / out[out != 0]
    a = sparse.dia_array((scale[np.newaxis, :], 0), shape=a.shape).tocsr() @ a
    x = np.repeat(1.0 / n, n)
    teleport = np.repeat(1.0 / n, n)
    dangling = np.where(out == 0)[0]
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ a + sum(x[dangling]) * teleport) + (1 - alpha) * teleport
        if np.absolute(x - last).sum() < n * tol:
            return dict(zip(nodes, x.tolist(), strict=True))
    raise AnalysisError(f"pagerank did not converge in {max_iter} steps")


METRICS: dict[str, Metric] = {
    "degree": Metric(_degree, directed=False),
    "in_degree": Metric(_in_degree, directed=True, needs_direction=True),
    "out_degree": Metric(_out_degree, directed=True, needs_direction=True),
    # Path-based measures count hops unless asked to weigh links: the textbook definition,
    # and three times faster.
    "betweenness": Metric(_betweenness, directed=False, weight="none"),
    "closeness": Metric(_closeness, directed=False, weight="none"),
    "eigenvector": Metric(_eigenvector, directed=False),
    "pagerank": Metric(_pagerank, directed=True),
}


def centrality(
    g: Analysable,
    metric: str = "pagerank",
    *,
    directed: bool | None = None,
    weight: str | None = None,
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
        eigenvector or PageRank computation that does not converge.
    ValidationError
        For an unknown kind.
    """
    spec = METRICS.get(metric)
    if spec is None:
        raise QueryError(f"unknown metric {metric!r} (choose from {', '.join(METRICS)})")
    directed = spec.directed if directed is None else directed
    weight = spec.weight if weight is None else weight
    if spec.needs_direction and not directed:
        raise QueryError(f"{metric} needs the directed view")
    if kinds is not None:
        _concrete(kinds)  # an unknown kind fails before the work, not after
    notes: list[str] = []
    view = weighted_view(g, directed=directed, weight=weight)
    values = spec.compute(view, weight != "none", notes) if len(view) else {}
    if not len(view):
        notes.append("the graph is empty: nothing to score")
    scores = [
        Score(node, name_of(g, node), kind_of(g, node), float(value))
        for node, value in values.items()
    ]
    scores.sort(key=lambda s: (-s.score, s.id))
    return Ranking(metric, directed, weight, scores, notes).select(kinds, top)


def _concrete(kinds: Iterable[str]) -> set[str]:
    schema = load_schema()
    return {k for name in kinds for k in schema.kinds_under(name)}
