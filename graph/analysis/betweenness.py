"""Brandes' shortest-path dependencies on hop counts, from a sparse matrix, many sources at once.

Betweenness (and the brokers between two groups) adds up, over source nodes, how much each
node's position matters to the shortest paths from that source. NetworkX searches from one
source at a time in Python, 2-3 s a source on a graph of 100,000 nodes. Here a block of
sources advances together: each breadth-first level is one sparse-matrix product with a
dense block (a column per source), counting shortest paths on the way out and handing
dependencies back level by level on the way in (Brandes' algorithm in its linear-algebra
form). The sums are NetworkX's, to rounding, which the tests check.

Only hop counts: a weighted search needs Dijkstra's algorithm, which stays with NetworkX.

Examples
--------
>>> import networkx as nx
>>> path = nx.to_scipy_sparse_array(nx.path_graph(4))  # 0 - 1 - 2 - 3
>>> dependencies(path, [0, 1, 2, 3]).tolist()
[0.0, 4.0, 4.0, 0.0]
>>> dependencies(path, [0], targets=[3]).tolist()  # only the paths from 0 to 3
[0.0, 1.0, 1.0, 0.0]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

# Sources searched together. A block holds about 10 arrays of (nodes x sources) numbers at
# its widest level: some 300 MB for 4,000,000 cells.
BLOCK_CELLS = 4_000_000
BLOCK_COLUMNS = 128


def dependencies(
    matrix: sparse.sparray, sources: Sequence[int], targets: Sequence[int] | None = None
) -> np.ndarray:
    """For every node, its dependency on each of ``sources`` summed: the share of the shortest
    paths from that source to every other node (or to ``targets`` only) that pass through it.
    A link is any non-zero ``matrix[i, j]``, from ``i`` to ``j``; nodes are matrix positions.
    A source's dependency on itself is not counted; targets and sources may overlap."""
    links = sparse.csr_array(matrix != 0, dtype=float)  # a copy: the caller's stays as it is
    n = links.shape[0]
    gain = np.ones((n, 1))
    if targets is not None:
        gain = np.zeros((n, 1))
        gain[list(targets)] = 1.0
    width = max(1, min(BLOCK_COLUMNS, BLOCK_CELLS // max(n, 1)))
    total = np.zeros(n)
    for start in range(0, len(sources), width):
        total += _block(links, np.asarray(sources[start : start + width]), gain)
    return total


def _block(links: sparse.csr_array, sources: np.ndarray, gain: np.ndarray) -> np.ndarray:
    n, columns = links.shape[0], np.arange(len(sources))
    # Out: breadth-first, a level at a time; sigma counts the shortest paths to each node.
    # Each level touches only the rows of its nodes and of their neighbours, so a long thin
    # path costs what it holds, not the whole graph once per level.
    sigma = np.zeros((n, len(sources)))
    sigma[sources, columns] = 1.0
    depth = np.full(sigma.shape, -1, dtype=np.int32)
    depth[sources, columns] = 0
    rows = np.unique(sources)
    frontier = sigma[rows]
    steps = []  # per level: its nodes, the nodes they link to, and those links
    while len(rows):
        out = links[rows]
        ahead = np.unique(out.indices)
        step = out[:, ahead]
        reached = step.T @ frontier
        seen = depth[ahead]
        reached[seen >= 0] = 0.0  # a node is on shortest paths only at its first level
        fresh = reached > 0
        if not fresh.any():
            break
        steps.append((rows, ahead, step))
        seen[fresh] = len(steps)
        depth[ahead] = seen
        sigma[ahead] += reached
        keep = fresh.any(axis=1)
        rows, frontier = ahead[keep], reached[keep]
    # Back: a node at level d - 1 takes from each successor w at level d the share
    # sigma[v] / sigma[w] of w's own dependency, plus w itself if w is a target.
    delta = np.zeros(sigma.shape)
    for level in range(len(steps), 0, -1):
        rows, ahead, step = steps[level - 1]
        coefficient = np.zeros((len(ahead), len(sources)))
        np.divide(gain[ahead] + delta[ahead], sigma[ahead], out=coefficient,
                  where=depth[ahead] == level)
        taken = step @ coefficient
        taken *= sigma[rows]
        mine = delta[rows]
        np.add(mine, taken, out=mine, where=depth[rows] == level - 1)
        delta[rows] = mine
    delta[sources, columns] = 0.0
    return delta.sum(axis=1)
