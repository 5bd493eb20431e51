"""Claims that disagree: two holders of something only one can hold at a time (a role such
as chief executive, a parent, a place) over periods that overlap. Claims whose periods do
not overlap are a succession, not a conflict. Both claims stay in the graph; this finds them
and names their sources.

This is the one conflict rule: ``hkweb3 conflicts`` applies it to the whole graph, and the
store applies it to the subjects each write touches, marking the claims in conflict
(``claim_conflict``) that the ``conflicting-claims`` query lists.

Examples
--------
>>> def ceo(person, source, **period):
...     return {"source": person, "type": "HOLDS_ROLE", "target": "za-bank",
...             "properties": {"role": "CEO", "sources": [source], **period}}
>>> edges = [ceo("ronald-iu", "bloomberg", since="2023-04"),
...          ceo("calvin-ng", "trade-press", since="2024-11")]
>>> [(c.subject, c.claim, c.holders) for c in find_conflicts(edges)]
[('za-bank', 'chief executive', ['calvin-ng', 'ronald-iu'])]
>>> edges[0]["properties"]["until"] = "2024-10"  # one followed the other
>>> find_conflicts(edges)
[]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from hkweb3.graph.claims import canonical_role, claim_ends, single_claim
from hkweb3.graph.periods import Period
from hkweb3.graph.schema import Schema, load_schema

__all__ = ["Conflict", "canonical_role", "find_conflicts"]


@dataclass
class Conflict:
    """One subject with more than one holder, at one time, of something only one can hold.

    ``holders`` are those whose claim overlaps another holder's; ``sources`` the documents
    behind each holder's claim.
    """

    subject: str
    claim: str  # the canonical role, or the edge type
    holders: list[str]
    sources: dict[str, list[str]] = field(default_factory=dict)

    def as_row(self) -> dict[str, Any]:
        return {"subject": self.subject, "claim": self.claim, "holders": self.holders,
                "sources": {h: self.sources[h] for h in self.holders}}


def find_conflicts(
    edges: Iterable[Mapping[str, Any]], schema: Schema | None = None
) -> list[Conflict]:
    """Disagreeing claims among ``edges`` (dump-shaped: source, type, target, properties
    with ``sources`` and the period), sorted by subject and claim."""
    schema = schema or load_schema()
    claims: dict[tuple[str, str], dict[str, list[Mapping[str, Any]]]] = defaultdict(
        lambda: defaultdict(list))
    for edge in edges:
        spec = schema.edges.get(edge["type"])
        if spec is None or not spec.single_holder:
            continue
        props = edge.get("properties") or {}
        if claim := single_claim(spec.name, props, schema):
            subject, holder = claim_ends(spec, edge["source"], edge["target"])
            claims[(subject, claim)][holder].append(props)
    conflicts = []
    for (subject, claim), by_holder in sorted(claims.items()):
        holders = sorted(_overlapping(by_holder))
        if holders:
            conflicts.append(Conflict(subject, claim, holders, {
                h: sorted({s for p in by_holder[h] for s in p.get("sources") or []})
                for h in holders}))
    return conflicts


def _overlapping(by_holder: Mapping[str, list[Mapping[str, Any]]]) -> set[str]:
    """The holders one of whose claims overlaps a claim of another holder."""
    periods = {h: [Period.of(p) for p in claims] for h, claims in by_holder.items()}
    found: set[str] = set()
    for a, b in combinations(sorted(periods), 2):
        if any(x.overlaps(y) for x in periods[a] for y in periods[b]):
            found |= {a, b}
    return found
