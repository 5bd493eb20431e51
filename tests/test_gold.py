"""Extraction quality on hand-annotated documents that are not in data/ (tests/gold/)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hkweb3.data import REGISTRY_DIR
from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.readers import read_document
from hkweb3.loaders.registry import read_registry

GOLD = Path(__file__).parent / "gold"
IN_SCOPE = {"PROVIDES_BANKING_TO", "SUBSIDIARY_OF", "CONTROLLED_BY", "OWNS", "FOUNDED_BY",
            "OPERATES", "LICENSED_BY", "REGULATED_BY", "HOLDS_ROLE", "CHAIRS",
            "PARTNERS_WITH", "MEMBER_OF", "LAUNCHED", "ISSUES", "SPOKE_AT"}
SYMMETRIC = {"PARTNERS_WITH"}
TARGETS = {"entity_recall": 0.90, "entity_precision": 0.80, "relation_recall": 0.75,
           "relation_precision": 0.85}


def triple(source: str, edge_type: str, target: str) -> tuple:
    if edge_type in SYMMETRIC:
        return (edge_type, *sorted((source, target)))
    return (source, edge_type, target)


def evaluate() -> tuple[dict[str, float], list[str]]:
    extractor = Extractor(read_registry(REGISTRY_DIR).entities)
    gold_entities = found_entities = gold_relations = found_relations = 0
    entity_hits = relation_hits = correct = 0
    report = []
    for text in sorted(GOLD.glob("*.md")):
        if text.name == "README.md":
            continue
        gold = yaml.safe_load(text.with_suffix(".gold.yaml").read_text())
        batch = extractor.run(read_document(text))
        entities = {e.id for e in batch.entities}
        want_entities = set(gold["entities"])
        want = {triple(*r) for r in gold["relations"]}
        got = {triple(r.source, r.type, r.target) for r in batch.relations
               if r.type in IN_SCOPE}
        gold_entities += len(want_entities)
        entity_hits += len(want_entities & entities)
        found_entities += len(entities)
        gold_relations += len(want)
        found_relations += len(got)
        relation_hits += len(want & got)
        correct += len(got & want)
        for missing in sorted(want - got):
            report.append(f"{text.name}: missed {missing}")
        for wrong in sorted(got - want):
            report.append(f"{text.name}: wrong  {wrong}")
        for missing in sorted(want_entities - entities):
            report.append(f"{text.name}: missed entity {missing}")
        for extra in sorted(entities - want_entities):
            report.append(f"{text.name}: extra entity  {extra}")
    scores = {
        "entity_recall": entity_hits / gold_entities,
        # Entities found that the annotation does not name: mostly false discoveries.
        "entity_precision": entity_hits / found_entities if found_entities else 0.0,
        "relation_recall": relation_hits / gold_relations,
        "relation_precision": correct / found_relations if found_relations else 0.0,
    }
    return scores, report


def test_annotations_are_well_formed():
    for annotation in GOLD.glob("*.gold.yaml"):
        gold = yaml.safe_load(annotation.read_text())
        assert (annotation.parent / annotation.name.replace(".gold.yaml", ".md")).exists()
        for source, edge_type, target in gold["relations"]:
            assert edge_type in IN_SCOPE, annotation.name
            assert {source, target} <= set(gold["entities"]), (annotation.name, source, target)


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    result, report = evaluate()
    print("\n" + "\n".join(report))
    print("gold scores: " + ", ".join(f"{k} {v:.3f}" for k, v in result.items()))
    return result


@pytest.mark.parametrize("measure", sorted(TARGETS))
def test_extraction_meets_target(scores, measure):
    assert scores[measure] >= TARGETS[measure], f"{measure} {scores[measure]:.3f}"


if __name__ == "__main__":
    values, lines = evaluate()
    print("\n".join(lines))
    print({k: round(v, 3) for k, v in values.items()})
