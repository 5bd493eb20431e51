"""Typed relations from the cues in ``cues.yaml``, sentence by sentence.

Mentions that stand next to each other are tested against every cue. Lists ("ZA Bank,
BoCom HK and SPDB") are grouped first, so a relation found for one member holds for each;
a comma-enclosed clause between two mentions ("ZA Bank, which ZhongAn controls, serves
OSL") is skipped to relate the mentions on either side of it.

Examples
--------
>>> from hkweb3.loaders.mentions import Mention
>>> text = "ZA Bank is controlled by ZhongAn."
>>> za = Mention(0, 2, 0, 7, "ZA Bank", "za-bank", "VirtualBank", "ZA Bank", "registry")
>>> zhongan = Mention(5, 6, 25, 32, "ZhongAn", "zhongan", "Company", "ZhongAn", "registry")
>>> [(f.source, f.edge_type, f.target, f.rule) for f in
...  RelationFinder().run(text, 0, len(text), [za, zhongan])]
[('za-bank', 'CONTROLLED_BY', 'zhongan', 'controlled-by')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hkweb3.graph.conflicts import canonical_role
from hkweb3.graph.schema import load_schema
from hkweb3.loaders.cues import Cue, Cues, load_cues
from hkweb3.loaders.mentions import Mention

_COORDINATION = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or|&|,?\s*as\s+well\s+as|/)\s*$")
_CLAUSE = re.compile(r"^\s*(?:,[^,;]*,|\([^()]*\))(?P<rest>.*)$", re.S)
_SPACES = re.compile(r"\s+")
#: How far apart two mentions may be (in characters) and still be related.
MAX_GAP = 160

@dataclass
class Finding:
    """A relation found in a sentence, before it becomes a Relation."""

    source: str
    edge_type: str
    target: str
    rule: str
    confidence: float
    properties: dict[str, str] = field(default_factory=dict)


class RelationFinder:
    """Applies the cues to one sentence's mentions."""

    def __init__(self, cues: Cues | None = None):
        self.cues = cues or load_cues()
        self.schema = load_schema()

    def run(self, text: str, start: int, end: int, mentions: list[Mention]) -> list[Finding]:
        """Relations stated in ``text[start:end]`` (one sentence) between ``mentions``."""
        mentions = sorted(mentions, key=lambda m: m.start_char)
        groups = list(range(len(mentions)))  # union-find over coordinated mentions
        found: list[tuple[int, int, Finding]] = []

        for i in range(len(mentions) - 1):
            first, second = mentions[i], mentions[i + 1]
            between = text[first.end_char:second.start_char]
            if len(between) > MAX_GAP:
                continue
            before = text[(mentions[i - 1].end_char if i else start):first.start_char]
            after_end = mentions[i + 2].start_char if i + 2 < len(mentions) else end
            after = text[second.end_char:after_end]
            hits = self._match(first, second, before, between, after, 0.9)
            if hits:
                found.extend((i, i + 1, h) for h in hits)
            elif _COORDINATION.match(between) and _alike(first.kind, second.kind):
                _union(groups, i, i + 1)

        # Skip a clause that holds other mentions: "A, which B controls, serves C".
        for i in range(len(mentions)):
            for j in range(i + 2, min(i + 4, len(mentions))):
                between = text[mentions[i].end_char:mentions[j].start_char]
                clause = _CLAUSE.match(between)
                if not clause or len(between) > MAX_GAP or any(
                    _find(groups, k) == _find(groups, j) for k in range(i + 1, j)
                ):
                    continue
                after_end = mentions[j + 1].start_char if j + 1 < len(mentions) else end
                hits = self._match(mentions[i], mentions[j], "", clause["rest"],
                                   text[mentions[j].end_char:after_end], 0.75)
                found.extend((i, j, h) for h in hits)

        results: dict[tuple[str, str, str, str], Finding] = {}
        for i, j, hit in found:
            source_side, target_side = (i, j) if hit.source == mentions[i].entity_id else (j, i)
            for s in _members(groups, source_side):
                for t in _members(groups, target_side):
                    finding = self._finding(mentions[s], mentions[t], hit,
                                            hit.confidence if (s, t) in {(i, j), (j, i)}
                                            else hit.confidence - 0.1)
                    if finding:
                        key = (finding.source, finding.edge_type, finding.target,
                               str(sorted(finding.properties.items())))
                        if key not in results or results[key].confidence < finding.confidence:
                            results[key] = finding
        return list(results.values())

    def _match(self, first: Mention, second: Mention, before: str, between: str, after: str,
               confidence: float) -> list[Finding]:
        norm = [_SPACES.sub(" ", part.lower().replace("’", "'")) for part in
                (before, between, after)]
        hits = []
        for cue in self.cues.cues:
            found = self._apply(cue, *norm)
            if found is None:
                continue
            source, target = (first, second) if cue.direction == "forward" else (second, first)
            finding = self._finding(source, target, Finding(
                source.entity_id, cue.edge_type, target.entity_id, cue.rule, confidence, found),
                confidence)
            if finding:
                hits.append(finding)
        return hits

    @staticmethod
    def _apply(cue: Cue, before: str, between: str, after: str) -> dict[str, str] | None:
        groups: dict[str, str] = {}
        for pattern, part, mode in ((cue.between, between, "full"),
                                    (cue.before, before, "end"), (cue.after, after, "start")):
            if pattern is None:
                continue
            if mode == "full":
                match = pattern.fullmatch(part)
            elif mode == "start":
                match = pattern.match(part)
            else:
                match = next((m for m in pattern.finditer(part) if m.end() == len(part)), None)
            if match is None:
                return None
            groups.update({k: v for k, v in match.groupdict().items() if v})
        if cue.role:
            groups["role"] = cue.role
        return groups

    def _finding(self, source: Mention, target: Mention, hit: Finding,
                 confidence: float) -> Finding | None:
        if source.entity_id == target.entity_id:
            return None
        if not self.schema.allows(hit.edge_type, source.kind, target.kind):
            return None
        properties = {}
        for name, value in hit.properties.items():
            value = " ".join(value.split()).strip(" ,")
            if value:
                properties[name] = canonical_role(value) if name == "role" else value
        if hit.edge_type == "HOLDS_ROLE" and "role" not in properties:
            return None
        return Finding(source.entity_id, hit.edge_type, target.entity_id, hit.rule,
                       round(confidence, 2), properties)


def _alike(a: str, b: str) -> bool:
    """Whether two kinds can stand in one list ("ZA Bank, OSL and HKT" are organisations)."""
    schema = load_schema()
    return a == b or (schema.is_a(a, "Organization") and schema.is_a(b, "Organization"))


def _find(groups: list[int], i: int) -> int:
    while groups[i] != i:
        groups[i] = groups[groups[i]]
        i = groups[i]
    return i


def _union(groups: list[int], i: int, j: int) -> None:
    groups[_find(groups, j)] = _find(groups, i)


def _members(groups: list[int], i: int) -> list[int]:
    root = _find(groups, i)
    return [k for k in range(len(groups)) if _find(groups, k) == root]
