"""What a fact claims that only one can hold: a role one person holds at a time at an
organisation (the schema's ``single_roles``), or a one-only fact such as a parent or a
place (``single``). The store writes the claim on the edge as ``claim``; conflicts compare
the claims of one subject.

Examples
--------
>>> single_claim("HOLDS_ROLE", {"role": "Chief Executive Officer"})
'chief executive'
>>> single_claim("SUBSIDIARY_OF", {}), single_claim("HOLDS_ROLE", {"role": "director"})
('SUBSIDIARY_OF', None)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from hkweb3.graph.schema import EdgeType, Schema, load_schema

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


def single_claim(
    edge_type: str, properties: Mapping[str, Any], schema: Schema | None = None
) -> str | None:
    """What an edge claims that one holder at a time may: the canonical single-holder role
    of a ``single_roles`` type, the type's name for a ``single`` type, else None."""
    spec = (schema or load_schema()).edge(edge_type)
    if spec.single_roles:
        role = canonical_role(str(properties.get("role", "")))
        return role if role in _single_roles(spec) else None
    return spec.name if spec.single else None


def claim_ends(spec: EdgeType, source: str, target: str) -> tuple[str, str]:
    """``(subject, holder)`` of a claim: a role's subject is its organisation (the target),
    a one-only fact's its source.

    >>> claim_ends(load_schema().edge("HOLDS_ROLE"), "ronald-iu", "za-bank")
    ('za-bank', 'ronald-iu')
    """
    return (target, source) if spec.single_roles else (source, target)


def _single_roles(spec: EdgeType) -> set[str]:
    return {canonical_role(r) for r in spec.single_roles}
