"""What an analyst should look at: likely duplicate entities and weakly supported facts.

Two entities of one family of kinds (both organisations, both people, ...) are proposed as
one when their names (or aliases) are equal once case, punctuation and spacing are set
aside, or
once a legal-form suffix is dropped ("Limited", "Ltd", "Inc": the schema's ``names``), or when
RapidFuzz's ``token_sort_ratio`` of their names scores at least the threshold. A pair judged
``different`` is never proposed. Facts extraction wrote (not the registry's) are proposed
when one document alone states them or their best evidence has a low confidence, the weakest
first. Each row carries the command that accepts it.

Examples
--------
>>> name_key("Harbourlink Digital Ltd.")
'harbourlink digital'
>>> name_key("HASHKEY, Exchange")
'hashkey exchange'
"""

from __future__ import annotations

import functools
import re
import shlex
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from hkweb3.graph.legal_forms import strip_legal_suffix
from hkweb3.graph.models import CURATED_RULES
from hkweb3.graph.schema import ENTITY_LABEL, Schema, load_schema

RULES_FILE = Path(__file__).with_name("review.yaml")
#: Families larger than this are scored in blocks of names that start alike (see _blocks).
BLOCK_ABOVE = 2000
BLOCK_PREFIX = 3


@dataclass(frozen=True)
class Rules:
    """The review's settings, from ``review.yaml``."""

    fuzzy_threshold: float
    low_confidence: float


@functools.cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Rules(float(data["fuzzy_threshold"]), float(data["low_confidence"]))


def _plain(name: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _spaceless(name: str) -> str:
    """The plain name without spaces: "Harbour Link" is "Harbourlink"."""
    return _plain(name).replace(" ", "")


def name_key(name: str) -> str:
    """``name`` as compared: legal-form suffixes dropped (the schema's, loose ones too:
    see :mod:`~hkweb3.graph.legal_forms`), then plain (see ``_plain``)."""
    return _plain(strip_legal_suffix(name, loose=True))


@dataclass
class Candidate:
    """One thing to review: a pair of entities to merge, or a fact to reject."""

    kind: str  # "duplicate" or "fact"
    item: str
    reason: str
    score: float
    command: str
    details: dict[str, Any]

    def as_row(self) -> dict[str, Any]:
        return {"kind": self.kind, "item": self.item, "reason": self.reason,
                "score": round(self.score, 3), "command": self.command, **self.details}


def duplicates(nodes: list[Mapping[str, Any]], apart: Callable[[str, str], bool],
               schema: Schema | None = None, rules: Rules | None = None,
               threshold: float | None = None) -> list[Candidate]:
    """Likely duplicate pairs among ``nodes`` (export-shaped), best first; ``apart(a, b)``
    says a pair was judged different."""
    schema, rules = schema or load_schema(), rules or load_rules()
    threshold = rules.fuzzy_threshold if threshold is None else threshold
    found: dict[tuple[str, str], tuple[str, float]] = {}
    for family in _families(nodes, schema).values():
        # Names equal but for punctuation first: a pair found so is not a suffix case.
        for reason, key in (("punctuation", _spaceless),
                            ("legal suffix", lambda name: name_key(name).replace(" ", ""))):
            by_key: dict[str, set[str]] = {}
            for node in family:
                for name in {node["name"], *(node.get("aliases") or [])}:
                    by_key.setdefault(key(name), set()).add(node["id"])
            for ids in by_key.values():
                for a in sorted(ids):
                    for b in sorted(ids):
                        if a < b:
                            found.setdefault((a, b), (reason, 100.0))
        for block in _blocks(family):
            names = [name_key(n["name"]) for n in block]
            scores = process.cdist(names, names, scorer=fuzz.token_sort_ratio,
                                   score_cutoff=threshold, workers=1)
            for i, j in zip(*scores.nonzero(), strict=True):
                a, b = sorted((block[i]["id"], block[j]["id"]))
                if a != b:
                    found.setdefault((a, b), ("fuzzy", float(scores[i, j])))
    by_id = {n["id"]: n for n in nodes}
    candidates = []
    for (a, b), (reason, score) in found.items():
        if apart(a, b):
            continue
        keep, other = sorted((by_id[a], by_id[b]), key=_keep_first)
        candidates.append(Candidate(
            "duplicate", f"{keep['name']} = {other['name']}", reason, score,
            _command("same", keep["id"], other["id"]),
            {"keep": keep["id"], "merge": other["id"]}))
    return sorted(candidates, key=lambda c: (-c.score, c.item))


def _blocks(family: list[Mapping[str, Any]]) -> Iterator[list[Mapping[str, Any]]]:
    """The groups whose names are scored pairwise: the whole family while it is small,
    else the names that share their first ``BLOCK_PREFIX`` letters (a typo in the first
    letters is then missed, but the work stays far below the square of the family)."""
    if len(family) <= BLOCK_ABOVE:
        yield family
        return
    blocks: dict[str, list[Mapping[str, Any]]] = {}
    for node in family:
        blocks.setdefault(name_key(node["name"])[:BLOCK_PREFIX], []).append(node)
    yield from blocks.values()


def _families(nodes: Iterable[Mapping[str, Any]],
              schema: Schema) -> dict[str, list[Mapping[str, Any]]]:
    """Nodes by the top kind under ``Entity`` (an organisation is never a person's
    duplicate)."""
    families: dict[str, list[Mapping[str, Any]]] = {}
    for node in sorted(nodes, key=lambda n: n["id"]):
        labels = [label for label in schema.labels_for(node["kind"]) if label != ENTITY_LABEL]
        families.setdefault(labels[-1] if labels else node["kind"], []).append(node)
    return families


def _keep_first(node: Mapping[str, Any]) -> tuple:
    """The entity to keep: a curated one, then the better sourced, then the fuller name."""
    return (bool(node.get("discovered")), -len(node.get("sources") or []),
            -len(node["name"]), node["id"])


def weakness(evidence: Iterable[Mapping[str, Any]], rules: Rules | None = None) -> list[str]:
    """Why a fact with this ``evidence`` needs review: one document alone supports it, or
    its best evidence is below the low-confidence mark. None for a curated fact.

    >>> weakness([{"document": "a", "rule": "passive-agent", "confidence": 0.6}])
    ['single source', 'confidence 0.6']
    >>> weakness([{"document": "registry", "rule": "registry", "confidence": 1.0}])
    []
    """
    rules = rules or load_rules()
    evidence = list(evidence)
    if not evidence or any(e.get("rule") in CURATED_RULES for e in evidence):
        return []
    reasons = []
    if len({e["document"] for e in evidence}) == 1:
        reasons.append("single source")
    confidence = max(float(e.get("confidence", 1.0)) for e in evidence)
    if confidence < rules.low_confidence:
        reasons.append(f"confidence {confidence:g}")
    return reasons


def weak_facts(edges: list[Mapping[str, Any]], rules: Rules | None = None) -> list[Candidate]:
    """Facts extraction wrote that one document alone supports or whose best evidence is
    below the low-confidence mark, the weakest first."""
    rules = rules or load_rules()
    candidates = []
    for edge in edges:
        reasons = weakness(edge.get("evidence") or [], rules)
        if not reasons:
            continue
        evidence = edge["evidence"]
        confidence = max(float(e.get("confidence", 1.0)) for e in evidence)
        documents = sorted({e["document"] for e in evidence})
        role = (edge.get("properties") or {}).get("role")
        fact = f"{edge['source']} -{edge['type']}-> {edge['target']}"
        command = _command("reject", edge["source"], edge["type"], edge["target"])
        if role:
            fact += f" ({role})"
            command += f" --role {shlex.quote(str(role))}"
        candidates.append(Candidate(
            "fact", fact, "; ".join(reasons), confidence, command,
            {"sources": documents, "sentence": evidence[0].get("sentence"),
             "rule": evidence[0].get("rule")}))
    return sorted(candidates, key=lambda c: (c.score, len(c.details["sources"]), c.item))


def _command(*words: str) -> str:
    return "hkweb3 judge " + " ".join(shlex.quote(w) for w in words)
