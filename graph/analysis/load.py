"""The graph analysis takes: a :class:`~hkweb3.graph.memory.MemoryGraph` as read (by
:mod:`hkweb3.graph.read`, from the store or from an exported file), or a NetworkX
``MultiDiGraph`` (:meth:`~hkweb3.graph.memory.MemoryGraph.multigraph`, or a script's own);
and entity names resolved in it.

A ``MemoryGraph`` is scored as it is: the centrality, community and broker functions build
their simple views straight from its facts, which skips the cost of the ``MultiDiGraph``
(seconds on 100,000 entities).

In the ``MultiDiGraph``, nodes are entity ids with ``name``, ``kind``, ``aliases`` and
``sources`` (how many documents name the entity). Edges are keyed by type, plus the values
of the type's key properties when it has any (``HOLDS_ROLE|role=ceo``: two roles between
one pair are two edges), and carry ``type``, ``sources`` (how many documents support the
fact), ``role``, ``since``, ``until`` and ``evidence``. Nodes and edges are added in sorted
order, so the same graph always gives the same NetworkX graph, and the same numbers.

Examples
--------
>>> dump = {"nodes": [{"id": "za-bank", "name": "ZA Bank", "kind": "VirtualBank"},
...                   {"id": "osl", "name": "OSL", "kind": "TradingPlatform"}],
...         "edges": [{"source": "za-bank", "type": "PROVIDES_BANKING_TO", "target": "osl",
...                    "properties": {"sources": ["doc-1", "doc-2"]}}]}
>>> g = from_dump(dump)
>>> g.nodes["osl"]["kind"], g.edges["za-bank", "osl", "PROVIDES_BANKING_TO"]["sources"]
('TradingPlatform', 2)
>>> resolve(g, "za bank"), resolve(read_dump(dump), "OSL")
('za-bank', 'osl')
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from hkweb3.errors import QueryError
from hkweb3.graph.memory import GraphFilter, MemoryGraph, attributes
from hkweb3.graph.read import read_dump, read_export


def from_dump(dump: Mapping[str, Any], where: GraphFilter | None = None) -> nx.MultiDiGraph:
    """The ``MultiDiGraph`` of an export's plain data (``hkweb3 export --format json``)."""
    return read_dump(dump, where).multigraph()


def from_json(path: Path | str) -> nx.MultiDiGraph:
    """The ``MultiDiGraph`` of a file written by ``hkweb3 export --format json`` (no store
    needed).

    Raises
    ------
    InputError
        If the file cannot be read or is not an hkweb3 export.
    """
    return read_export(path).multigraph()


#: What the analysis functions take: the graph as read, or as NetworkX has it.
Analysable = MemoryGraph | nx.MultiDiGraph


def node_attributes(g: Analysable) -> Mapping[str, Mapping[str, Any]]:
    """Each node's attributes as NetworkX keeps them (``name``, ``kind``, ...)."""
    if isinstance(g, MemoryGraph):
        return {i: attributes(n) for i, n in g.nodes.items()}
    return g.nodes


def name_of(g: Analysable, node: str) -> str:
    """The name of ``node`` (its id if it has none)."""
    if isinstance(g, MemoryGraph):
        return g.nodes[node].name
    return g.nodes[node].get("name", node)


def kind_of(g: Analysable, node: str) -> str | None:
    """The kind of ``node``."""
    if isinstance(g, MemoryGraph):
        return g.nodes[node].kind
    return g.nodes[node].get("kind")


def resolve(g: Analysable, ref: str) -> str:
    """The node of ``g`` whose id, name or alias is ``ref`` (any case).

    Raises
    ------
    QueryError
        If nothing in ``g`` answers to ``ref``, or more than one node does.
    """
    if ref in g.nodes:
        return ref
    wanted = ref.casefold().strip()
    found = sorted(
        node for node, data in node_attributes(g).items()
        if wanted == str(data.get("name", "")).casefold()
        or wanted in (str(a).casefold() for a in data.get("aliases") or [])
        or wanted == str(node).casefold()
    )
    if not found:
        raise QueryError(f"no entity in the analysed graph has the id, name or alias {ref!r}")
    if len(found) > 1:
        raise QueryError(f"{ref!r} is ambiguous: it names {', '.join(found)}; give an id")
    return found[0]

