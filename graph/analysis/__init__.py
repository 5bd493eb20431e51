"""Network analysis of the graph with NetworkX: one module per family of algorithms.

- :mod:`~hkweb3.graph.analysis.load`: what the functions take, a
  :class:`~hkweb3.graph.memory.MemoryGraph` as :mod:`hkweb3.graph.read` reads it (from the
  store or an exported file) or a ``MultiDiGraph``; entity names resolved.
- :mod:`~hkweb3.graph.analysis.views`: simple weighted views the algorithms run on, as
  sparse matrices and as NetworkX graphs.
- :mod:`~hkweb3.graph.analysis.centrality`: degree, betweenness, closeness, eigenvector,
  PageRank.
- :mod:`~hkweb3.graph.analysis.communities`: seeded Louvain communities.
- :mod:`~hkweb3.graph.analysis.brokers`: who links two groups (banks and platforms).
- :mod:`~hkweb3.graph.analysis.paths`: shortest paths with their facts, ego networks.
- :mod:`~hkweb3.graph.analysis.writeback`: scores stored as node properties.

Examples
--------
>>> from hkweb3.graph.analysis import centrality, from_dump
>>> banked = {"source": "za-bank", "type": "PROVIDES_BANKING_TO"}
>>> g = from_dump({
...     "nodes": [{"id": "za-bank", "name": "ZA Bank", "kind": "VirtualBank"},
...               {"id": "osl", "name": "OSL", "kind": "TradingPlatform"},
...               {"id": "hashkey", "name": "HashKey Exchange", "kind": "TradingPlatform"}],
...     "edges": [{**banked, "target": "osl"}, {**banked, "target": "hashkey"}]})
>>> [(s.name, s.score) for s in centrality(g, "degree", top=2).scores]
[('ZA Bank', 1.0), ('HashKey Exchange', 0.5)]
"""

from hkweb3.graph.analysis.brokers import Broker, Brokers, brokers
from hkweb3.graph.analysis.centrality import METRICS, Ranking, Score, centrality
from hkweb3.graph.analysis.communities import Community, communities, membership
from hkweb3.graph.analysis.load import Analysable, from_dump, from_json, resolve
from hkweb3.graph.analysis.paths import Step, ego, shortest_path
from hkweb3.graph.analysis.views import WEIGHTS, WeightedView, simple_view, weighted_view
from hkweb3.graph.analysis.writeback import write_scores
from hkweb3.graph.memory import GraphFilter, MemoryGraph

__all__ = [
    "METRICS", "WEIGHTS", "Analysable", "Broker", "Brokers", "Community", "GraphFilter",
    "MemoryGraph", "Ranking", "Score", "Step", "WeightedView", "brokers", "centrality",
    "communities", "ego", "from_dump", "from_json", "membership", "resolve", "shortest_path",
    "simple_view", "weighted_view", "write_scores",
]
