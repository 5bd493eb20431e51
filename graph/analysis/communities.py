"""Communities: groups of entities more tightly linked to each other than to the rest.

Louvain on the undirected view, with a fixed seed so that the same graph gives the same
groups. Communities are numbered by size, largest first (ties: by their first member's id),
so community 0 is always the largest.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for a, b in [("a1", "a2"), ("a2", "a3"), ("a1", "a3"), ("b1", "b2"), ("a3", "b1")]:
...     _ = g.add_edge(a, b, key="PARTNERS_WITH", sources=1)
>>> [c.members for c in communities(g)]
[['a1', 'a2', 'a3'], ['b1', 'b2']]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import networkx as nx

from hkweb3.graph.analysis.load import Analysable, kind_of, name_of
from hkweb3.graph.analysis.views import simple_view

SEED = 7


@dataclass(frozen=True)
class Community:
    """One community: its number, member ids (sorted) and how many of each kind."""

    number: int
    members: list[str]
    names: list[str]
    kinds: dict[str, int]

    def as_row(self) -> dict[str, Any]:
        return {"community": self.number, "size": len(self.members),
                "kinds": self.kinds, "members": self.names}


def communities(
    g: Analysable, weight: str = "sources", resolution: float = 1.0, seed: int = SEED
) -> list[Community]:
    """Louvain communities of ``g``, largest first.

    ``resolution`` above 1 favours smaller communities, below 1 larger ones.
    """
    view = simple_view(g, directed=False, weight=weight)
    if not len(view):
        return []
    groups = nx.community.louvain_communities(
        view, weight="weight", resolution=resolution, seed=seed
    )
    ordered = sorted((sorted(group) for group in groups), key=lambda m: (-len(m), m[0]))
    result = []
    for number, members in enumerate(ordered):
        kinds = Counter(str(kind_of(g, m)) for m in members)
        result.append(Community(
            number=number,
            members=members,
            names=[name_of(g, m) for m in members],
            kinds=dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
        ))
    return result


def membership(found: list[Community]) -> dict[str, int]:
    """Each node's community number, for write-back."""
    return {node: c.number for c in found for node in c.members}
