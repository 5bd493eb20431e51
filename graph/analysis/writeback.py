"""Write scores back to the store as node properties, so Cypher can use them::

    MATCH (b:Bank) RETURN b.name, b.pagerank ORDER BY b.pagerank DESC

Only the names listed under ``scores`` in the schema can be written. Writing a score
replaces it on every entity in one transaction: entities that were not scored this time
(filtered out, or gone) lose the old value rather than keep a stale one, so running the
same analysis twice leaves the same graph.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from hkweb3.errors import QueryError
from hkweb3.graph import cypher

if TYPE_CHECKING:
    from hkweb3.graph.store import Store


def write_scores(store: Store, name: str, scores: Mapping[str, float | int]) -> int:
    """Store ``scores`` (id -> value) as property ``name`` of each entity; return how many
    entities got a value.

    Raises
    ------
    QueryError
        If ``name`` is not one of the schema's ``scores``.
    """
    if name not in store.schema.scores:
        raise QueryError(f"cannot write back {name!r} (scores the schema allows: "
                         f"{', '.join(store.schema.scores)})")
    rows = [{"id": node, "score": value} for node, value in sorted(scores.items())]
    store.write_rows([(cypher.clear_score(name), []), (cypher.set_score(name), rows)])
    return len(rows)
