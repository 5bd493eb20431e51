"""A seeded force-directed layout in numpy, for graphs too large for the browser's physics.

Fruchterman-Reingold forces (edges pull, every pair of nodes pushes apart) with two changes
that make it fast: each node is pushed by a fresh random sample of other nodes in each step
(scaled up to stand for all of them), so a step costs ``O(n * samples + edges)`` instead of
``O(n^2)``; and a weak pull to the centre keeps separate components from drifting apart.
Nodes without edges would only be pushed out to a ring around the drawing; they are set in
rows below it instead. The random generator is seeded, so the same graph and seed give the
same positions.

Examples
--------
>>> pos = spring_layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c")], seed=7)
>>> sorted(pos)
['a', 'b', 'c', 'd']
>>> pos == spring_layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c")], seed=7)
True
>>> pos["d"][1] > max(pos[n][1] for n in "abc")  # the isolated node, below the others
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

#: Ideal edge length, in vis-network canvas units (nodes are 8 to 40 units across).
EDGE_LENGTH = 90.0
#: Other nodes each node is pushed by in one step.
SAMPLES = 48
ITERATIONS = 120
#: Pull towards the centre, relative to the repulsion (keeps components together).
GRAVITY = 0.05


def spring_layout(
    nodes: Sequence[str],
    edges: Iterable[tuple[str, str]],
    *,
    seed: int = 7,
) -> dict[str, tuple[int, int]]:
    """Positions for ``nodes`` (canvas units, y downwards as on screen), edges about one
    :data:`EDGE_LENGTH` long. Edges naming a node not in ``nodes`` are ignored."""
    known = set(nodes)
    links = [(a, b) for a, b in edges if a in known and b in known and a != b]
    linked = {node for pair in links for node in pair}
    placed = [node for node in nodes if node in linked]
    index = {node: i for i, node in enumerate(placed)}
    pairs = np.array([(index[a], index[b]) for a, b in links], dtype=np.int64).reshape(-1, 2)
    x, y = _forces(len(placed), pairs, np.random.default_rng(seed))
    positions = dict(zip(placed, zip(x.tolist(), y.tolist(), strict=True), strict=True))

    # Nodes without edges: rows under the drawing, as wide as it is.
    alone = [node for node in nodes if node not in linked]
    gap = EDGE_LENGTH / 2
    left = float(x.min()) if placed else 0.0
    top = float(y.max()) + 2 * EDGE_LENGTH if placed else 0.0
    width = float(x.max()) - left if placed else gap * np.sqrt(len(alone))
    per_row = max(int(width / gap) + 1, 1)
    for i, node in enumerate(alone):
        row, column = divmod(i, per_row)
        positions[node] = (left + column * gap, top + row * gap)
    # Whole canvas units: finer is invisible, and vis-network reports positions as integers.
    return {node: (round(px), round(py)) for node, (px, py) in positions.items()}


def _forces(n: int, pairs: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates of ``n`` nodes joined by index ``pairs``, centred on 0."""
    k = EDGE_LENGTH
    radius = k * np.sqrt(n) / 2
    x, y = rng.uniform(-radius, radius, size=(2, n))
    samples = min(SAMPLES, n - 1)
    scale = k * k * (n - 1) / max(samples, 1)
    rows = np.arange(n)[:, None]
    step = radius / 4
    cooling = 0.02 ** (1 / ITERATIONS)  # the last step is 2% of the first
    for _ in range(ITERATIONS if n > 1 else 0):
        # Node i is pushed by nodes i + offset (mod n), offsets drawn afresh in 1..n-1 each
        # step, so never by itself. Shared offsets: drawing n * samples numbers would cost
        # more than the forces.
        others = (rows + rng.integers(1, n, size=samples)) % n
        dx, dy = x[:, None] - x[others], y[:, None] - y[others]
        inverse = scale / (dx * dx + dy * dy + (k / 10) ** 2)
        fx, fy = (dx * inverse).sum(axis=1), (dy * inverse).sum(axis=1)
        ex, ey = x[pairs[:, 0]] - x[pairs[:, 1]], y[pairs[:, 0]] - y[pairs[:, 1]]
        pull = np.hypot(ex, ey) / k
        for force, along in ((fx, ex), (fy, ey)):
            force -= np.bincount(pairs[:, 0], along * pull, minlength=n)
            force += np.bincount(pairs[:, 1], along * pull, minlength=n)
        fx -= GRAVITY * np.sqrt(n) * x
        fy -= GRAVITY * np.sqrt(n) * y
        length = np.maximum(np.hypot(fx, fy), 1e-9)
        move = np.minimum(length, step) / length
        x += fx * move
        y += fy * move
        step *= cooling
    if n:
        x -= x.mean()
        y -= y.mean()
    return x, y
