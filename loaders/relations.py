"""Typed relations from the cues in ``cues.yaml``, sentence by sentence.

Mentions that stand next to each other are tested against every cue. Before that:

- ``Name (ABBR)`` counts as one mention;
- an organisation that only qualifies a person ("Alibaba co-founder Jack Ma", "HKMA chief
  executive Eddie Yue") yields its own relation, then steps aside so the person stands
  next to what precedes ("ZhongAn was co-founded by Alibaba co-founder Jack Ma");
- lists ("ZA Bank, BoCom HK and SPDB") are grouped, so a relation found for one member
  holds for each; a member inside a clause ("HashKey Exchange, which is operated by Hash
  Blockchain, and HKVAX") lists with the clause's head, not with the clause.

Then comma-enclosed clauses and a subject's second predicate ("ZA Bank was licensed in 2019
and is controlled by ZhongAn") are looked through, and list cues relate whole lists.

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

import bisect
import dataclasses
import re
from dataclasses import dataclass, field

from hkweb3.graph.conflicts import canonical_role
from hkweb3.graph.schema import load_schema
from hkweb3.loaders.cues import Cue, Cues, ListCue, load_cues
from hkweb3.loaders.mentions import Mention

_COORDINATION = re.compile(
    r"^\s*(?:,|;|,?\s*and|;\s*and|,?\s*or|&|/)"
    # "Xiaomi and financial group AMTD": a short lower-case description may follow
    r"(?:\s+(?!(?:is|was|are|were|has|have|had|by|to|of|for|with|in|on|at|its|their|the|a|an"
    r"|which|who|that|will|would|be|been|not)\b)[a-z][a-z-]*){0,2}\s*$"
)
_CLAUSE = re.compile(r"^\s*(?:,[^,;]*,|\([^()]*\))(?P<rest>.*)$", re.S)
_CONJUNCTION = re.compile(r"^.*\s(?:and|but|while)(?P<rest>\s.*)$", re.S)
#: An organisation qualifying the next one: "ZhongAn-controlled ZA Bank", "Alibaba's affiliate
#: Ant Group". It yields its relation, then steps aside like a person's qualifier.
_ORG_MODIFIER = re.compile(
    r"^\s*(?:-\s*(?:controlled|owned|backed)|'s?\s+(?:[a-z-]+\s+){0,2}"
    r"(?:subsidiary|unit|arm|affiliate))\s*$"
)
_SPACES = re.compile(r"\s+")
_POSSESSIVES = {"its", "his", "her", "their"}
_PAST = {"former", "then", "outgoing", "previous", "ex-"}
_PRESENT = {"current", "new", "incoming", "interim", "acting"}
#: An appositive phrase (", chairman of ..."): it describes the mention just before it only.
_APPOSITIVE = re.compile(
    r"^\s*[,(](?!\s*(?:(?:which|who|that)\s+(?:are|were|have|had|the)|is|was|are|were|has|have"
    r"|had|will|would|can|could|said|says|plans|and|but)\b)"
)
#: An appositive about a whole list (", the only two platforms licensed by ...").
_PLURAL = re.compile(r"^\s*,\s*(?:the\s+)?(?:only\s+)?(?:two|three|four|five|both|all)\b")
_NEW_CLAUSE = re.compile(
    r"^\s*(?:is|are|was|were|has|have|had|will|would|can|could|counts|owns|holds|operates|"
    r"runs|said|says|plans|became|remains|received|won|got|obtained)\b"
)
_ATTRIBUTION = re.compile(r"\b(?:according\s+to|reported\s+by|cited\s+by|told|citing)\s*$")
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
    properties: dict[str, str | bool] = field(default_factory=dict)


class RelationFinder:
    """Applies the cues to one sentence's mentions."""

    def __init__(self, cues: Cues | None = None):
        self.cues = cues or load_cues()
        self.schema = load_schema()
        # "Alibaba co-founder Jack Ma", "its group managing director, Susanna Hui"
        role = self.cues.fragments.get("ROLE", "ceo")
        chair = self.cues.fragments.get("CHAIR", "chair")
        self._person_modifier = re.compile(
            rf"^\s*(?:'s?\s+)?(?:(?:co-?)?founder|{chair}|{role})\s*,?\s*$"
        )
        self._keeps_possessive = re.compile(
            rf"^\s*(?:(?:co-?)?founder|{chair}|{role}|(?:[a-z-]+\s+){{0,2}}"
            r"(?:subsidiary|unit|arm|affiliate|parent))\s*,?\s*$"
        )

    def run(self, text: str, start: int, end: int, mentions: list[Mention],
            context: list[Mention] | None = None) -> list[Finding]:
        """Relations stated in ``text[start:end]`` (one sentence) between ``mentions``;
        ``context`` holds the mentions of the sentences before (for list targets)."""
        mentions = _merge_abbreviations(text, sorted(mentions, key=lambda m: m.start_char))
        starts = [m.start_char for m in mentions]
        found: list[tuple[Mention, Mention, Finding, bool]] = []

        # Organisations that only qualify the person after them step aside.
        units: list[Mention] = []
        for m in mentions:
            if m.how == "reference" and m.text.lower() in _POSSESSIVES and not (
                self._keeps_possessive.match(_norm(text[m.end_char:_next_start(
                    starts, m.start_char, end)]))
            ):
                continue  # "its customers' deposits": a determiner, not an argument
            previous = units[-1] if units else None
            gap = _norm(text[previous.end_char:m.start_char]) if previous else ""
            if previous is not None and self.schema.is_a(previous.kind, "Organization") and (
                (m.kind == "Person" and self._person_modifier.match(gap))
                or _ORG_MODIFIER.match(gap)
            ):
                for hit in self._match(previous, m, "", text[previous.end_char:m.start_char],
                                       "", 0.9):
                    found.append((previous, m, hit, False))
                units[-1] = dataclasses.replace(m, start_char=previous.start_char)
                continue
            units.append(m)

        n = len(units)
        groups = list(range(n))  # union-find over listed mentions
        head = list(range(n))    # the mention a clause-internal mention lists with
        for i in range(n - 1):
            first, second = units[i], units[i + 1]
            between = text[first.end_char:second.start_char]
            if len(between) > MAX_GAP:
                continue
            before = text[(units[i - 1].end_char if i else start):first.start_char]
            after = text[second.end_char:(units[i + 2].start_char if i + 2 < n else end)]
            if first.entity_id == second.entity_id:
                head[i + 1] = head[i]  # "ZA Bank, which started out as ZhongAn Virtual Finance"
                continue
            if head[i] != i and between.lstrip().startswith(","):
                first = units[head[i]]  # the clause ended: its head is the subject again
            hits = self._match(first, second, before, between, after, 0.9)
            if hits:
                appositive = bool(_APPOSITIVE.match(between)) and not _PLURAL.match(between)
                found.extend((first, second, h, appositive) for h in hits)
                if appositive or (head[i] != i and re.match(r"^\s*,?\s*and\b", between)):
                    head[i + 1] = head[i]
            elif _listed(text, units, i, end) and _alike(units[head[i]].kind, second.kind):
                _union(groups, head[i], i + 1)

        # Look through a clause, or past a subject's first predicate.
        for i in range(n):
            for j in range(i + 2, min(i + 5, n)):
                between = text[units[i].end_char:units[j].start_char]
                ends = (_find(groups, i), _find(groups, j))
                if len(between) > MAX_GAP or any(
                    _find(groups, k) in ends for k in range(i + 1, j)
                ):
                    continue
                after = text[units[j].end_char:(units[j + 1].start_char if j + 1 < n else end)]
                for rest in _rests(between, subject=(i == 0 or head[i] == i and i == head[0])):
                    for hit in self._match(units[i], units[j], "", rest, after, 0.75):
                        found.append((units[i], units[j], hit, False))

        results: dict[tuple[str, str, str, str], Finding] = {}

        def keep(finding: Finding | None) -> None:
            if finding is None:
                return
            key = (finding.source, finding.edge_type, finding.target,
                   str(sorted(finding.properties.items())))
            if key not in results or results[key].confidence < finding.confidence:
                results[key] = finding

        index = {id(u): k for k, u in enumerate(units)}
        members = _groups(groups)
        for first, second, hit, appositive in found:
            i, j = index.get(id(first)), index.get(id(second))
            sources, targets = [first], [second]
            if hit.source != first.entity_id:
                sources, targets = [second], [first]
                i, j = j, i
            if i is not None and not (appositive and units[i] is first):
                sources = [units[k] for k in members[_find(groups, i)]]
            if j is not None and not (appositive and units[j] is first):
                targets = [units[k] for k in members[_find(groups, j)]]
            for s in sources:
                for t in targets:
                    direct = (s.entity_id, t.entity_id) == (hit.source, hit.target)
                    keep(self._finding(s, t, hit, hit.confidence if direct
                                       else hit.confidence - 0.1))

        for finding in self._lists(text, start, end, units, groups, context or []):
            keep(finding)
        return list(results.values())

    def _lists(self, text: str, start: int, end: int, units: list[Mention],
               groups: list[int], context: list[Mention]) -> list[Finding]:
        """Findings of the list cues, over runs of listed organisations."""
        runs = sorted(tuple(run) for run in _groups(groups).values())
        runs = [list(run) for run in runs
                if all(self.schema.is_a(units[k].kind, "Organization") for k in run)]
        findings = []
        for run in runs:
            first, last = units[run[0]], units[run[-1]]
            before = _norm(text[(units[run[0] - 1].end_char if run[0] else start):
                                first.start_char])
            after = _norm(text[last.end_char:(units[run[-1] + 1].start_char
                                              if run[-1] + 1 < len(units) else end)])
            for cue in self.cues.lists:
                if cue.before and not _ends_with(cue.before, before):
                    continue
                if cue.after and not cue.after.match(after):
                    continue
                members = [units[k] for k in run]
                if cue.pairwise:
                    if len(members) < 2:
                        continue
                    for a in members:
                        for b in members:
                            if a.entity_id < b.entity_id:
                                findings.append(self._finding(
                                    a, b, Finding(a.entity_id, cue.edge_type, b.entity_id,
                                                  cue.rule, 0.8), 0.8))
                    continue
                target = self._list_target(cue, units[:run[0]], context)
                for member in members:
                    if target is not None:
                        findings.append(self._finding(
                            member, target, Finding(member.entity_id, cue.edge_type,
                                                    target.entity_id, cue.rule, 0.75), 0.75))
        return [f for f in findings if f is not None]

    def _list_target(self, cue: ListCue, earlier: list[Mention],
                     context: list[Mention]) -> Mention | None:
        for mention in reversed([*context, *earlier] if cue.context else earlier):
            if any(self.schema.is_a(mention.kind, kind) for kind in cue.target):
                return mention
        return None

    def _match(self, first: Mention, second: Mention, before: str, between: str, after: str,
               confidence: float) -> list[Finding]:
        norm = [_norm(part) for part in (before, between, after)]
        norm[1] = re.sub(r"\s*:\s*$", " ", norm[1])
        if _ATTRIBUTION.search(norm[1]):
            return []  # "..., according to Bloomberg": a source, not a party
        hits = []
        for cue in self.cues.cues:
            found = _apply(cue, *norm)
            if found is None:
                continue
            source, target = (first, second) if cue.direction == "forward" else (second, first)
            finding = self._finding(source, target, Finding(
                source.entity_id, cue.edge_type, target.entity_id, cue.rule, confidence, found),
                confidence)
            if finding:
                hits.append(finding)
        return hits

    def _finding(self, source: Mention, target: Mention, hit: Finding,
                 confidence: float) -> Finding | None:
        if source.entity_id == target.entity_id:
            return None
        if not self.schema.allows(hit.edge_type, source.kind, target.kind):
            return None
        properties: dict[str, str | bool] = {}
        for name, value in hit.properties.items():
            if not isinstance(value, str):
                properties[name] = value  # already settled by an earlier pass
                continue
            value = " ".join(value.split()).strip(" ,")
            if name == "role":
                # "former chief executive": the role is "chief executive", no longer held
                qualifier, _, rest = value.partition(" ")
                if qualifier.lower() in _PAST and rest:
                    value, properties["current"] = rest, False
                elif qualifier.lower() in _PRESENT and rest:
                    value = rest
                value = canonical_role(value)
            if value:
                properties[name] = value
        if hit.edge_type == "HOLDS_ROLE" and "role" not in properties:
            return None
        return Finding(source.entity_id, hit.edge_type, target.entity_id, hit.rule,
                       round(confidence, 2), properties)


def _rests(between: str, subject: bool) -> list[str]:
    """What may follow a mention once a clause, or (for the subject) a first predicate, is
    passed over."""
    rests = []
    clause = _CLAUSE.match(between)
    if clause:
        rests.append(clause["rest"])
    if subject:
        for text in (between, *(rests[:1])):
            conjunction = _CONJUNCTION.match(text)
            if conjunction:
                rests.append(conjunction["rest"])
    return rests


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
            match = _ends_with(pattern, part)
        if match is None:
            return None
        groups.update({k: v for k, v in match.groupdict().items() if v})
    if cue.role:
        groups["role"] = cue.role
    return groups


def _ends_with(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return next((m for m in pattern.finditer(text) if m.end() == len(text)), None)


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text.lower().replace("’", "'"))


def _merge_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """``Name (ABBR)`` -> one mention spanning both."""
    merged: list[Mention] = []
    for m in mentions:
        if merged and merged[-1].entity_id == m.entity_id and re.fullmatch(
            r"\s*\(\s*", text[merged[-1].end_char:m.start_char]
        ):
            close = text.find(")", m.end_char)
            end = close + 1 if close != -1 and close - m.end_char < 3 else m.end_char
            merged[-1] = dataclasses.replace(merged[-1], end_char=end)
            continue
        merged.append(m)
    return merged


def _listed(text: str, units: list[Mention], i: int, end: int) -> bool:
    """Whether ``units[i + 1]`` continues a list with ``units[i]``: joined by a comma or
    "and", and not the subject of a new clause (", and Livi VB is owned by ...")."""
    if units[i].start_char == units[i + 1].start_char:
        return True  # one phrase naming two entities ("both exchanges")
    between = text[units[i].end_char:units[i + 1].start_char]
    if not _COORDINATION.match(between):
        return False
    if "," in between or ";" in between:
        after_end = units[i + 2].start_char if i + 2 < len(units) else end
        return not _NEW_CLAUSE.match(text[units[i + 1].end_char:after_end].lower())
    return True


def _next_start(starts: list[int], start: int, default: int) -> int:
    """The first of the sorted ``starts`` after ``start``, else ``default``."""
    k = bisect.bisect_right(starts, start)
    return starts[k] if k < len(starts) else default


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


def _groups(groups: list[int]) -> dict[int, list[int]]:
    """Each group's root and its members in order: one pass, so that a sentence naming
    thousands of entities is not quadratic."""
    members: dict[int, list[int]] = {}
    for k in range(len(groups)):
        members.setdefault(_find(groups, k), []).append(k)
    return members
