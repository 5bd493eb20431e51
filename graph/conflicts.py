"""Claims that disagree: two people in a role only one can hold at a time, two parents for
one subsidiary. Both claims stay in the graph; this finds them and names their sources.

Examples
--------
>>> edges = [
...     {"source": "ronald-iu", "type": "HOLDS_ROLE", "target": "za-bank",
...      "properties": {"role": "CEO", "sources": ["bloomberg"]}},
...     {"source": "calvin-ng", "type": "HOLDS_ROLE", "target": "za-bank",
...      "properties": {"role": "chief executive officer", "sources": ["trade-press"]}},
... ]
>>> [(c.subject, c.claim, c.holders) for c in find_conflicts(edges)]
[('za-bank', 'chief executive', ['calvin-ng', 'ronald-iu'])]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hkweb3.graph.schema import Schema, load_schema

_CANONICAL_ROLES = [
    (re.compile(r"\b(?:ceo|chief executive officer)\b"), "chief executive"),
    (re.compile(r"\bchair(?:man|woman|person)?\b"), "chair"),
    (re.compile(r"\s+"), " "),
]


def canonical_role(role: str) -> str:
    """One spelling per role, so "CEO" and "Chief Executive Officer" compare equal.

    >>> canonical_role("Deputy CEO"), canonical_role("chairwoman")
    ('deputy chief executive', 'chair')
    """
    text = role.lower().strip(" ,.")
    for pattern, replacement in _CANONICAL_ROLES:
        text = pattern.sub(replacement, text)
    return text.strip()


@dataclass
class Conflict:
    """One subject with more than one holder of something only one can hold."""

    subject: str
    claim: str  # the role, or the edge type
    holders: list[str]
    sources: dict[str, list[str]] = field(default_factory=dict)

    def as_row(self) -> dict[str, Any]:
        return {"subject": self.subject, "claim": self.claim, "holders": self.holders,
                "sources": {h: self.sources[h] for h in self.holders}}


def single_claim(
    edge_type: str, properties: Mapping[str, Any], schema: Schema | None = None
) -> str | None:
    """The canonical single-holder role an edge claims (``single_roles`` of its type in the
    schema), or None. The store writes it on the edge as ``claim``.

    >>> single_claim("HOLDS_ROLE", {"role": "Chief Executive Officer"})
    'chief executive'
    >>> single_claim("HOLDS_ROLE", {"role": "director"}) is None
    True
    """
    spec = (schema or load_schema()).edge(edge_type)
    if not spec.single_roles:
        return None
    role = canonical_role(str(properties.get("role", "")))
    return role if role in {canonical_role(r) for r in spec.single_roles} else None


def find_conflicts(edges: Iterable[dict[str, Any]], schema: Schema | None = None) -> list[Conflict]:
    """Disagreeing claims among ``edges`` (dump-shaped: source, type, target, properties).

    Single-holder roles (``single_roles`` of an edge type in the schema) conflict when two
    people hold one at the same organisation in overlapping periods; an edge type marked
    ``single`` conflicts when one source has two targets.
    """
    schema = schema or load_schema()
    claims: dict[tuple[str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    for edge in edges:
        spec = schema.edges.get(edge["type"])
        if spec is None:
            continue
        props = edge.get("properties") or {}
        if spec.single_roles:
            if role := single_claim(spec.name, props, schema):
                claims[(edge["target"], role)][edge["source"]] = props
        elif spec.single:
            claims[(edge["source"], spec.name)][edge["target"]] = props
    conflicts = []
    for (subject, claim), holders in sorted(claims.items()):
        names = sorted(holders)
        if len(names) > 1 and _overlap(list(holders.values())):
            conflicts.append(Conflict(subject, claim, names, {
                h: sorted(holders[h].get("sources") or []) for h in names}))
    return conflicts


def _overlap(periods: list[dict[str, Any]]) -> bool:
    """Whether two claims may cover the same time (a claim without dates may, a former role
    without an end date is left out)."""
    spans = sorted((str(p.get("since") or ""), str(p.get("until") or "~")) for p in periods
                   if p.get("current") is not False or p.get("until"))
    latest_end = None
    for since, until in spans:
        if latest_end is not None and since < latest_end:
            return True
        latest_end = max(latest_end or until, until)
    return False
