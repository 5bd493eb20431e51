"""Turn what the driver returns (nodes, relationships, paths, temporal types) into plain
Python that prints as a table cell and serialises as JSON.

Examples
--------
>>> import datetime as dt
>>> to_plain({"when": dt.date(2023, 8, 3), "ids": ("osl", "za-bank")})
{'when': '2023-08-03', 'ids': ['osl', 'za-bank']}
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Duration, Time


def to_plain(value: Any) -> Any:
    """A JSON-ready copy of ``value``.

    A node becomes ``{"id", "labels", "properties"}`` (its ``id`` property: element ids are
    not stable); a relationship ``{"type", "source", "target", "properties"}``; a path
    ``{"nodes": [...], "relationships": [...]}``; dates and times ISO strings.
    """
    if isinstance(value, Node):
        return {
            "id": value.get("id"),
            "labels": sorted(value.labels),
            "properties": to_plain(dict(value)),
        }
    if isinstance(value, Relationship):
        return {
            "type": value.type,
            "source": value.start_node.get("id") if value.start_node else None,
            "target": value.end_node.get("id") if value.end_node else None,
            "properties": to_plain(dict(value)),
        }
    if isinstance(value, Path):
        return {
            "nodes": [to_plain(n) for n in value.nodes],
            "relationships": [to_plain(r) for r in value.relationships],
        }
    if isinstance(value, Date | DateTime | Time | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    return value
