"""Network analysis of the graph with NetworkX: one module per family of algorithms.

- :mod:`~hkweb3.graph.analysis.load`: the graph (or a filtered part) as a ``MultiDiGraph``,
  from the store or from an exported JSON file; entity names resolved.
- :mod:`~hkweb3.graph.analysis.views`: simple weighted views the algorithms run on.
- :mod:`~hkweb3.graph.analysis.centrality`: degree, betweenness, closeness, eigenvector,
  PageRank.
- :mod:`~hkweb3.graph.analysis.communities`: seeded Louvain communities.
- :mod:`~hkweb3.graph.analysis.brokers`: who links two groups (banks and platforms).
- :mod:`~hkweb3.graph.analysis.paths`: shortest paths with their facts, ego networks.
- :mod:`~hkweb3.graph.analysis.writeback`: scores stored as node properties.

Examples
--------
>>> from hkweb3.graph.analysis import centrality, from_json
>>> g = from_json("graph.json")  # doctest: +SKIP
>>> [s.name for s in centrality(g, "pagerank", kinds=["Bank"], top=3).scores]  # doctest: +SKIP
['Bank of China (Hong Kong)', 'ZA Bank', 'HSBC']
"""

from hkweb3.graph.analysis.brokers import Broker, brokers
from hkweb3.graph.analysis.centrality import METRICS, Ranking, Score, centrality
from hkweb3.graph.analysis.communities import Community, communities, membership
from hkweb3.graph.analysis.load import GraphFilter, from_dump, from_json, from_store, resolve
from hkweb3.graph.analysis.paths import Step, ego, shortest_path
from hkweb3.graph.analysis.views import WEIGHTS, simple_view
from hkweb3.graph.analysis.writeback import write_scores

__all__ = [
    "METRICS", "WEIGHTS", "Broker", "Community", "GraphFilter", "Ranking", "Score", "Step",
    "brokers", "centrality", "communities", "ego", "from_dump", "from_json", "from_store",
    "membership", "resolve", "shortest_path", "simple_view", "write_scores",
]
