"""``ingest --dry-run``: what each document would add, with nothing written.

Documents are read, extracted and judged (:mod:`hkweb3.loaders.judgements`) exactly as
``ingest`` does; then, instead of being written, each batch is compared with the store:
which entities are new and which already exist (the document's mentions merge into them),
which a judgement merges into another, and which facts are new, each with the sentence
and rule behind it. An entity or fact an earlier document of the same run adds counts as
known, as it would be by the time a real ingest writes the later document.

The preview is the export's shape (``{"nodes", "edges", "documents"}``, see
:mod:`hkweb3.graph.export`) with ``status`` and ``document`` on each node and edge, so a
script can diff it against an export.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hkweb3.graph.judging import EDGE_KEYS
from hkweb3.graph.models import Entity, GraphBatch, Relation
from hkweb3.graph.schema import load_schema
from hkweb3.graph.store import Store
from hkweb3.loaders.ingest import DocumentResult, Ingester
from hkweb3.loaders.judgements import Judgements, prepare_batch
from hkweb3.loaders.readers import SourceDocument


@dataclass
class Preview:
    """What a dry run found: each document's result, and the graph it would add."""

    results: list[DocumentResult] = field(default_factory=list)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)

    def as_dump(self) -> dict[str, list[dict[str, Any]]]:
        """The export's shape (each node and edge with its ``status`` and ``document``)."""
        return {"nodes": self.nodes, "edges": self.edges, "documents": self.documents}

    def as_rows(self) -> list[dict[str, Any]]:
        """One row per entity, per piece of evidence of a fact, and per document that adds
        nothing (unchanged) or cannot be read (error)."""
        rows: list[dict[str, Any]] = []
        for result in self.results:
            if result.status in ("unchanged", "error"):
                rows.append({"document": result.document or str(result.path),
                             "element": "document", "status": result.status,
                             "item": str(result.path), "rule": "", "confidence": None,
                             "sentence": ""})
        for node in self.nodes:
            item = f"{node['name']} ({node['id']})"
            if node.get("merges"):
                item += f" <- {', '.join(node['merges'])}"
            rows.append({"document": node["document"], "element": "entity",
                         "status": node["status"], "item": item, "rule": "",
                         "confidence": None, "sentence": ""})
        for edge in self.edges:
            fact = f"{edge['source']} -{edge['type']}-> {edge['target']}"
            if edge["properties"].get("role"):
                fact += f" ({edge['properties']['role']})"
            for evidence in edge["evidence"]:
                rows.append({"document": edge["document"], "element": "fact",
                             "status": edge["status"], "item": fact, "rule": evidence["rule"],
                             "confidence": evidence.get("confidence"),
                             "sentence": evidence.get("sentence") or ""})
        return rows


class DryRun(Ingester):
    """An :class:`Ingester` that writes nothing and collects a :class:`Preview` instead."""

    def __init__(self, store: Store, registry: Iterable[Entity], judged: Judgements, *,
                 replace: bool = False, follow_links: bool = False):
        super().__init__(store, registry, replace=replace, follow_links=follow_links,
                         prepare=self._judge)
        self.judged = judged
        self.preview = Preview()
        self.schema = load_schema()
        self._extracted: GraphBatch | None = None
        self._entities: set[str] = set()  # added by earlier documents of this run
        self._facts: set[tuple[str, str, str, str]] = set()

    def run(self, files: list[Path]) -> Iterator[DocumentResult]:
        for result in super().run(files):
            self.preview.results.append(result)
            yield result

    def _judge(self, batch: GraphBatch) -> GraphBatch:
        self._extracted = batch
        return prepare_batch(self.judged, self.store, batch)

    def _commit(self, source: SourceDocument, batch: GraphBatch) -> None:
        ids = sorted({e.id for e in batch.entities})
        stored = set(self.store.kinds_of(ids)) | self._entities
        merges: dict[str, list[str]] = {}
        for entity in self._extracted.entities if self._extracted else []:
            kept = self.judged.canonical(entity.id)
            if kept != entity.id:
                merges.setdefault(kept, []).append(entity.id)
        for entity in batch.entities:
            node = _node(entity, self.schema)
            node.update(document=source.id, status="known" if entity.id in stored else "new")
            if entity.id in merges:
                node["merges"] = sorted(merges[entity.id])
            self.preview.nodes.append(node)
        known = self._stored_facts(batch.relations) | self._facts
        for relation in batch.relations:
            key = (relation.source, relation.type, relation.target, relation.key)
            edge = _edge(relation)
            edge.update(document=source.id, status="known" if key in known else "new")
            self.preview.edges.append(edge)
            self._facts.add(key)
        self.preview.documents.extend(
            d.model_dump(mode="json", exclude_none=True) for d in batch.documents)
        self._entities.update(ids)

    def _stored_facts(self, relations: list[Relation]) -> set[tuple[str, str, str, str]]:
        pairs = sorted({(r.source, r.target) for r in relations})
        if not pairs:
            return set()
        rows = self.store.read(EDGE_KEYS, {"rows": [{"a": a, "b": b} for a, b in pairs]}).rows
        return {(r["source"], r["type"], r["target"], r["key"] or "") for r in rows}


def _node(entity: Entity, schema: Any) -> dict[str, Any]:
    properties: dict[str, Any] = {k: _plain(v) for k, v in entity.attributes.items()}
    if entity.description:
        properties["description"] = entity.description
    return {"id": entity.id, "name": entity.name, "kind": entity.kind,
            "aliases": list(entity.aliases), "discovered": entity.discovered,
            "sources": sorted({ev.document for ev in entity.evidence}),
            "labels": list(schema.labels_for(entity.kind)), "properties": properties}


def _edge(relation: Relation) -> dict[str, Any]:
    documents = sorted({ev.document for ev in relation.evidence})
    properties = {k: _plain(v) for k, v in relation.properties.items()}
    return {"source": relation.source, "target": relation.target, "type": relation.type,
            "properties": {**properties, "sources": documents},
            "evidence": [ev.model_dump(mode="json", exclude_none=True)
                         for ev in relation.evidence]}


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
