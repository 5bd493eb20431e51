"""What merging entities does to their edges and names, written once.

Two places merge: a build or ingest applies ``same`` judgements to a batch before it is
written (:meth:`hkweb3.loaders.judgements.Judgements.apply`, edges as
:class:`~hkweb3.graph.models.Relation`), and ``hkweb3 judge same`` merges entities already
stored (:func:`hkweb3.graph.judging.merge_entities`, edges as stored rows, evidence
encoded). Each turns its edges into :class:`MovedEdge` and back; the rule is here.

Examples
--------
>>> edges = [MovedEdge("quillon-ltd", "PARTNERS_WITH", "tarnwick", "", {"since": "2024"},
...                    ["doc-b"]),
...          MovedEdge("quillon", "PARTNERS_WITH", "tarnwick", "", {"since": "2023"},
...                    ["doc-a"]),
...          MovedEdge("quillon", "OWNS", "quillon-ltd", "", {}, ["doc-c"])]
>>> [(e.source, e.target, e.properties, e.evidence)
...  for e in move_edges(edges, {"quillon-ltd": "quillon"})]
[('quillon', 'tarnwick', {'since': '2023'}, ['doc-a', 'doc-b'])]
>>> merged_aliases("Quillon", ["QLN"], [("Quillon Ltd", ["Quillon Limited", "Quillon"])])
['QLN', 'Quillon Limited', 'Quillon Ltd']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class MovedEdge:
    """An edge as a merge sees it: ends, type, the key that tells it apart from others of
    its type between the same ends, its other properties, its evidence (objects or their
    stored form: compared for equality only) and the documents it cites, where stored."""

    source: str
    type: str
    target: str
    key: str
    properties: dict[str, Any]
    evidence: list[Any]
    sources: set[str] = field(default_factory=set)


def move_edges(edges: Iterable[MovedEdge], merged: Mapping[str, str],
               fits: Callable[[MovedEdge, MovedEdge], bool] | None = None) -> list[MovedEdge]:
    """``edges`` once each end ``merged`` names (merged id: id kept) is replaced by the id
    kept.

    An edge between two names of one entity says nothing and is dropped; one that
    ``fits(edge, moved)`` refuses is dropped (``fits`` may raise instead). Edges that
    become one (same ends, type and key) are one: the properties of the kept entity's own
    edge win over a moved one's (else the first given), and it has the evidence and
    sources of all.
    """
    def end(entity_id: str) -> str:
        return merged.get(entity_id, entity_id)

    combined: dict[tuple[str, str, str, str], MovedEdge] = {}
    for edge in sorted(edges, key=lambda e: (end(e.source) != e.source,
                                             end(e.target) != e.target)):
        moved = MovedEdge(end(edge.source), edge.type, end(edge.target), edge.key,
                          dict(edge.properties), list(edge.evidence), set(edge.sources))
        if moved.source == moved.target or (fits is not None and not fits(edge, moved)):
            continue
        slot = combined.setdefault((moved.source, moved.type, moved.target, moved.key), moved)
        if slot is not moved:
            slot.properties = {**moved.properties, **slot.properties}
            slot.evidence += [e for e in moved.evidence if e not in slot.evidence]
            slot.sources |= moved.sources
    return list(combined.values())


def merged_aliases(name: str, aliases: Iterable[str],
                   others: Iterable[tuple[str, Iterable[str]]]) -> list[str]:
    """The kept entity's aliases once the entities ``others`` (name, aliases) are merged
    into it: its own and each other's names and aliases, never its own name."""
    names = set(aliases)
    for other_name, other_aliases in others:
        names |= {other_name, *other_aliases}
    names.discard(name)
    return sorted(names)
