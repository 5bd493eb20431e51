"""The relations component: each sentence's typed relations, written to ``doc._.relations``.

Relations come from one place, the dependency patterns of ``patterns.yaml``
(:mod:`hkweb3.loaders.dependencies`), so the pipeline finds relations only when it parses
(the rule-only pipeline finds mentions, not relations). Each finding is checked against the
schema (the kinds of its two ends) and its role written one way ("former chief executive" is
the role "chief executive", no longer held); one finding per edge and property set is kept.

``doc._.relations`` is a list of ``(sentence, Finding)``; ``sentence`` is the Span that
states the relation.

Examples
--------
>>> from hkweb3.graph.models import Entity
>>> from hkweb3.loaders.pipeline import load_pipeline
>>> nlp = load_pipeline([Entity(id="za-bank", name="ZA Bank", kind="VirtualBank"),
...                      Entity(id="zhongan", name="ZhongAn", kind="Company")])
>>> doc = nlp("ZA Bank, which opened in 2020, is controlled by ZhongAn.")
>>> [(f.source, f.edge_type, f.target, f.rule) for _, f in doc._.relations]
[('za-bank', 'CONTROLLED_BY', 'zhongan', 'controlled-by')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from hkweb3.graph.conflicts import canonical_role
from hkweb3.graph.models import Entity
from hkweb3.graph.periods import CURRENT, SINCE, UNTIL
from hkweb3.graph.schema import load_schema
from hkweb3.loaders.dependencies import DependencyRelations, load_period_words
from hkweb3.loaders.learned_pairs import (
    PAIRS_FILE,
    RULE,
    PairModel,
    learned_relations,
    load_model,
)
from hkweb3.loaders.mentions import Mention, mentions_of
from hkweb3.loaders.path_relations import load_path_rules, path_relations

CONFIDENCE = 0.8


@dataclass
class Finding:
    """A relation found in a sentence, before it becomes a Relation."""

    source: str
    edge_type: str
    target: str
    rule: str
    confidence: float
    properties: dict[str, str | bool] = field(default_factory=dict)


class SentenceRelations:
    """Finds every sentence's relations (see the module docstring)."""

    def __init__(self, nlp: Language):
        self.dependencies = DependencyRelations(nlp.vocab)
        self.schema = load_schema()
        self.period_words = load_period_words()
        self.path_rules = load_path_rules()
        #: the learned model, or None to find only what the patterns and paths state
        self.learned: PairModel | None = load_model() if PAIRS_FILE.exists() else None

    def add_entities(self, entities: Iterable[Entity]) -> None:
        """The registry's ids and kinds: a title's fixed organisation must be one of them."""
        self.dependencies.add_entities({e.id: e.kind for e in entities})

    def __call__(self, doc: Doc) -> Doc:
        mentions = mentions_of(doc)
        sentences = list(doc.sents)
        sentence_of = [n for n, sent in enumerate(sentences) for _ in range(len(sent))]
        found: dict[int, dict[tuple, Finding]] = {}
        cross = self.dependencies.cross_sentence
        for source, edge, target, rule, properties in self.dependencies.run(doc, mentions):
            n = sentence_of[source.start]
            if sentence_of[target.start] != n:
                if rule not in cross:
                    continue
                n = max(n, sentence_of[target.start])  # the sentence that names the edge
            finding = self._finding(source, target, Finding(
                source.entity_id, edge, target.entity_id, rule, CONFIDENCE, dict(properties)))
            if finding is None:
                continue
            key = (finding.source, finding.edge_type, finding.target, str(sorted(
                (k, v) for k, v in finding.properties.items() if k not in PERIOD)))
            old = found.setdefault(n, {}).setdefault(key, finding)
            old.properties = merge_periods(old.properties, finding.properties)
        # two names no pattern joined may still be joined by a short path through a trigger
        # (only in a parsed doc: an unparsed one may hold stale tree arcs)
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(sentence_of[m.start], []).append(m)
        # and, last, two names the learned model reads as related
        for n, sentence in enumerate(sentences if doc.has_annotation("DEP") else ()):
            here = by_sentence.get(n, [])
            for source, edge, target, rule, properties in path_relations(
                    sentence, here, _joined(found.get(n, {})), self.schema, self.path_rules):
                self._keep(found.setdefault(n, {}), source, target, Finding(
                    source.entity_id, edge, target.entity_id, rule,
                    self.path_rules.confidence, dict(properties)))
            if self.learned is None:
                continue
            for source, edge, target, p, properties in learned_relations(
                    sentence, here, _joined(found.get(n, {})), self.schema, self.learned):
                self._keep(found.setdefault(n, {}), source, target, Finding(
                    source.entity_id, edge, target.entity_id, RULE, p, dict(properties)))
        doc._.relations = [(sentences[n], f) for n in sorted(found)
                           for f in found[n].values()]
        return doc

    def _keep(self, found: dict[tuple, Finding], source: Mention, target: Mention,
              hit: Finding) -> None:
        """A fallback's ``hit`` kept in its sentence's ``found``, if the schema allows it."""
        finding = self._finding(source, target, hit)
        if finding is not None:
            found[(finding.source, finding.edge_type, finding.target, "")] = finding

    def _finding(self, source: Mention, target: Mention, hit: Finding) -> Finding | None:
        """``hit`` if the schema allows it between these two ends, its role written one
        way; None otherwise (a role relation without a role is none)."""
        if source.entity_id == target.entity_id or \
                not self.schema.allows(hit.edge_type, source.kind, target.kind):
            return None
        properties: dict[str, str | bool] = {}
        current: bool | None = None
        for name, value in hit.properties.items():
            if not isinstance(value, str):
                properties[name] = value
                continue
            value = " ".join(value.split()).strip(" ,")
            if name == "role":
                qualifier, _, rest = value.partition(" ")
                qualifier = qualifier.lower().strip("-")
                if qualifier in self.period_words.past and rest:
                    value, current = rest, False
                elif qualifier in self.period_words.present and rest:
                    value, current = rest, True
                elif qualifier in self.period_words.told and rest:
                    value = rest
                value = canonical_role(value)
            if value:
                properties[name] = value
        if current is not None and properties.get(CURRENT, current) != current:
            del properties[CURRENT]  # "former" and "has been ... since": no reading
        elif current is not None:
            properties[CURRENT] = current
        if hit.edge_type == "HOLDS_ROLE" and "role" not in properties:
            return None
        return Finding(hit.source, hit.edge_type, hit.target, hit.rule, hit.confidence,
                       properties)


def _joined(found: dict[tuple, Finding]) -> set[frozenset[str]]:
    """The pairs of entity ids a sentence's findings already join."""
    return {frozenset((f.source, f.target)) for f in found.values()}


#: The properties of a period (the schema's ``period``).
PERIOD = (SINCE, UNTIL, CURRENT)


def merge_periods(old: dict[str, str | bool], new: dict[str, str | bool]
                  ) -> dict[str, str | bool]:
    """``old`` with the period values ``new`` adds; a value both give differently is
    dropped (two readings of one fact, neither sure).

    >>> merge_periods({"role": "chair"}, {"role": "chair", "since": "2021"})
    {'role': 'chair', 'since': '2021'}
    >>> merge_periods({"since": "2021", "current": True}, {"since": "2019"})
    {'current': True}
    """
    merged = dict(old)
    for name in PERIOD:
        if name in new and name in old and new[name] != old[name]:
            del merged[name]
        elif name in new and name not in old:
            merged[name] = new[name]
    return merged
