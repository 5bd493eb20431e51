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

from hkweb3.graph.analysis.load import Analysable
from hkweb3.graph.analysis.views import simple_view
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
    view = simple_view(g, directed=False, weight=weight)
    distance = None if weight == "none" else "distance"
    searched, notes = sources, []
    if len(sources) > SOURCE_LIMIT:
        searched = sorted(random.Random(SEED).sample(sources, min(SAMPLED_SOURCES,
                                                                  len(sources))))
        notes.append(f"brokers estimated from {len(searched):,} of the {len(sources):,} "
                     f"entities of {', '.join(from_kinds)} (seed {SEED})")
    # NetworkX halves unnormalised betweenness on undirected graphs, as if every pair were
    # counted from both ends; subset pairs are counted from the source end only.
    scale = 2 * len(sources) / len(searched) if searched else 0.0
    through = {node: scale * value for node, value in nx.betweenness_centrality_subset(
        view, searched, targets, normalized=False, weight=distance).items()}
    joined = _joined_pairs(view, set(sources), set(targets))
    found = [
        Broker(node, g.nodes[node].get("name", node), g.nodes[node].get("kind"),
               value, value / joined if joined else 0.0)
        for node, value in through.items() if value > 0
    ]
    found.sort(key=lambda b: (-b.paths, b.id))
    return Brokers(found[:top] if top is not None else found, notes)


def _of_kinds(g: Analysable, kinds: set[str]) -> list[str]:
    return sorted(node for node, data in g.nodes.items() if data.get("kind") in kinds)


def _joined_pairs(view: nx.Graph, sources: set[str], targets: set[str]) -> int:
    """How many (source, target) pairs of different nodes a path joins."""
    joined = 0
    for component in nx.connected_components(view):
        inside = targets & component
        joined += sum(len(inside - {s}) for s in sources & component)
    return joined
