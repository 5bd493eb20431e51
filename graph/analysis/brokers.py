"""Brokers: the entities that link two groups, such as banks and trading platforms.

A broker lies on the shortest paths between a member of one group and a member of the
other: who connects traditional finance to crypto. For each pair (one from each group)
joined by a path, a node gets the share of that pair's shortest paths through it; its
score is the sum over pairs (``paths``) and that sum divided by the number of joined pairs
(``share``). Ends of a pair do not count for that pair, but a bank can broker between
another bank and a platform. The view is undirected and unweighted by default: a link is a
link, whichever way the fact points.

Each member of the first group costs one shortest-path search over the whole graph. Above
:data:`SOURCE_LIMIT` members, :data:`SAMPLED_SOURCES` of them, drawn with a seed, stand for
all: their counts are scaled up by how many they stand for, and a note says so.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([("bank", {"kind": "Bank"}), ("vatp", {"kind": "TradingPlatform"}),
...                   ("hkma", {"kind": "Regulator"})])
>>> _ = g.add_edge("bank", "hkma", key="REGULATED_BY")
>>> _ = g.add_edge("vatp", "hkma", key="REGULATED_BY")
>>> [(b.id, b.paths, b.share) for b in brokers(g, ["Bank"], ["TradingPlatform"])]
[('hkma', 1.0, 1.0)]
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
from scipy.sparse.csgraph import connected_components

from hkweb3.graph.analysis.betweenness import dependencies
from hkweb3.graph.analysis.load import Analysable, kind_of, name_of
from hkweb3.graph.analysis.views import WeightedView, weighted_view
from hkweb3.graph.schema import load_schema

SOURCE_LIMIT = 1_000
SAMPLED_SOURCES = 500
SEED = 7


@dataclass(frozen=True)
class Broker:
    """An entity and how much of the traffic between the two groups passes through it."""

    id: str
    name: str
    kind: str | None
    paths: float
    share: float

    def as_row(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "score": float(f"{self.share:.6g}"), "paths": float(f"{self.paths:.6g}")}


class Brokers(list[Broker]):
    """Brokers, best first (a plain list to iterate), with notes on how they were found."""

    def __init__(self, found: Iterable[Broker] = (), notes: Iterable[str] = ()) -> None:
        super().__init__(found)
        self.notes = list(notes)


def brokers(
    g: Analysable,
    from_kinds: Iterable[str],
    to_kinds: Iterable[str],
    *,
    weight: str = "none",
    top: int | None = None,
) -> Brokers:
    """Nodes on shortest paths between nodes of ``from_kinds`` and ``to_kinds``, best first.

    Raises
    ------
    ValidationError
        For an unknown kind.
    """
    from_kinds, to_kinds = list(from_kinds), list(to_kinds)
    schema = load_schema()
    sources = _of_kinds(g, {k for name in from_kinds for k in schema.kinds_under(name)})
    targets = _of_kinds(g, {k for name in to_kinds for k in schema.kinds_under(name)})
    view = weighted_view(g, directed=False, weight=weight)
    searched, notes = sources, []
    if len(sources) > SOURCE_LIMIT:
        searched = sorted(random.Random(SEED).sample(sources, min(SAMPLED_SOURCES,
                                                                  len(sources))))
        notes.append(f"brokers estimated from {len(searched):,} of the {len(sources):,} "
                     f"entities of {', '.join(from_kinds)} (seed {SEED})")
    scale = len(sources) / len(searched) if searched else 0.0
    paths = _through(view, searched, targets, weighted=weight != "none")
    through = {node: scale * value for node, value in paths.items()}
    joined = _joined_pairs(view, set(sources), set(targets))
    found = [
        Broker(node, name_of(g, node), kind_of(g, node),
               value, value / joined if joined else 0.0)
        for node, value in through.items() if value > 0
    ]
    found.sort(key=lambda b: (-b.paths, b.id))
    return Brokers(found[:top] if top is not None else found, notes)


def _of_kinds(g: Analysable, kinds: set[str]) -> list[str]:
    return sorted(node for node in g.nodes if kind_of(g, node) in kinds)


def _through(
    view: WeightedView, sources: list[str], targets: list[str], weighted: bool
) -> dict[str, float]:
    """For each node, the shares of the shortest paths from ``sources`` to ``targets`` through
    it, summed: each (source, target) pair counted once, from its source."""
    if weighted:  # Dijkstra's algorithm, in NetworkX, which halves undirected sums
        return {node: 2 * value for node, value in nx.betweenness_centrality_subset(
            view.graph, sources, targets, normalized=False, weight="distance").items()}
    index = {node: i for i, node in enumerate(view.nodes)}
    found = dependencies(view.matrix, [index[s] for s in sources], [index[t] for t in targets])
    return dict(zip(view.nodes, found.tolist(), strict=True))


def _joined_pairs(view: WeightedView, sources: set[str], targets: set[str]) -> int:
    """How many (source, target) pairs of different nodes a path joins."""
    count, labels = connected_components(view.matrix, directed=False)

    def per_piece(group: set[str]) -> np.ndarray:
        inside = np.fromiter((node in group for node in view.nodes), bool, len(view))
        return np.bincount(labels[inside], minlength=count)

    # Every source with every target in its piece, less each node paired with itself.
    return int((per_piece(sources) * per_piece(targets)).sum() - len(sources & targets))
