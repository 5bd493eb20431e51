"""Applying an analyst's judgement to the stored graph, in one transaction.

``same`` merges entities into the one kept: their edges move to it (two edges that become
one keep the evidence and sources of both; one between the merged entities themselves is
dropped), documents that mentioned them mention it, their names join its aliases and their
ids its ``merged_from`` property, and they are deleted. ``reject`` removes a fact, or one
document's evidence for it. Both leave the graph as a build that applies the judgement from
the start would (:meth:`hkweb3.loaders.judgements.Judgements.apply`): both move edges and
names by the one rule in :mod:`hkweb3.graph.merging`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import neo4j

from hkweb3.errors import InputError
from hkweb3.graph import cypher
from hkweb3.graph.conflicts import canonical_role
from hkweb3.graph.merging import MovedEdge, merged_aliases, move_edges
from hkweb3.graph.models import Evidence
from hkweb3.graph.schema import ENTITY_LABEL, Schema
from hkweb3.graph.store import Store, refresh_conflicts, search_terms

#: The node property that lists the ids merged into an entity (its names are in ``aliases``).
MERGED_FROM = "merged_from"


@dataclass(frozen=True)
class Fact:
    """A fact as a rejection names it: type and ends, optionally the role of the edge and
    the one document whose evidence is wrong."""

    source: str
    type: str
    target: str
    document: str | None = None
    role: str | None = None

    def matches(self, source: str, edge_type: str, target: str,
                properties: Mapping[str, Any]) -> bool:
        """Whether the edge ``source -edge_type-> target`` with ``properties`` is this fact
        (a role compares in canonical form: "CEO" is "chief executive")."""
        if (source, edge_type, target) != (self.source, self.type, self.target):
            return False
        return self.role is None or _role(properties.get("role")) == _role(self.role)


def _role(value: Any) -> str:
    return canonical_role(str(value or "").strip().lower())


ENTITIES = (
    f"UNWIND $ids AS id MATCH (e:{ENTITY_LABEL} {{id: id}}) "
    "RETURN e.id AS id, e.name AS name, e.kind AS kind, e.discovered AS discovered, "
    f"e.aliases AS aliases, e.sources AS sources, e.{MERGED_FROM} AS merged_from"
)
ALL_IDS = f"MATCH (e:{ENTITY_LABEL}) RETURN e.id AS id, e.{MERGED_FROM} AS merged_from"
EDGES_OF = (
    f"UNWIND $ids AS id MATCH (:{ENTITY_LABEL} {{id: id}})-[r]-(:{ENTITY_LABEL}) "
    "WITH DISTINCT r "
    "RETURN startNode(r).id AS source, type(r) AS type, endNode(r).id AS target, "
    "properties(r) AS properties"
)
MENTIONING = (
    f"UNWIND $ids AS id MATCH (d:Document)-[:MENTIONS]->(:{ENTITY_LABEL} {{id: id}}) "
    "RETURN DISTINCT d.id AS document"
)
EDGE_KEYS = (
    f"UNWIND $rows AS row MATCH (a:{ENTITY_LABEL} {{id: row.a}})-[r]->"
    f"(b:{ENTITY_LABEL} {{id: row.b}}) "
    "RETURN a.id AS source, type(r) AS type, b.id AS target, r.key AS key"
)
DELETE_ENTITIES = f"UNWIND $ids AS id MATCH (e:{ENTITY_LABEL} {{id: id}}) DETACH DELETE e"
UPDATE_KEPT = (
    f"UNWIND $rows AS row MATCH (e:{ENTITY_LABEL} {{id: row.id}}) "
    "SET e.aliases = row.aliases, e.sources = row.sources, e.discovered = row.discovered, "
    f"e.{MERGED_FROM} = row.merged_from, e.search = row.search"
)


def delete_edges(edge_type: str) -> str:
    """Delete edges of one type by ends and key. Rows: ``{source, target, key}``."""
    return (
        f"UNWIND $rows AS row MATCH (:{ENTITY_LABEL} {{id: row.source}})"
        f"-[r:{edge_type} {{key: row.key}}]->(:{ENTITY_LABEL} {{id: row.target}}) DELETE r"
    )


def set_edges(edge_type: str) -> str:
    """Create or overwrite edges of one type, keyed by ``key``, with the evidence and sources
    given. Rows: ``{source, target, key, props, evidence, sources}``."""
    return (
        f"UNWIND $rows AS row MATCH (a:{ENTITY_LABEL} {{id: row.source}}) "
        f"MATCH (b:{ENTITY_LABEL} {{id: row.target}}) "
        f"MERGE (a)-[r:{edge_type} {{key: row.key}}]->(b) "
        "SET r += row.props, r.evidence = row.evidence, r.sources = row.sources"
    )


def statements(schema: Schema) -> Iterator[str]:
    """Every statement this module sends (for linting)."""
    yield from (ENTITIES, ALL_IDS, EDGES_OF, EDGE_KEYS, MENTIONING, DELETE_ENTITIES,
                UPDATE_KEPT)
    for edge in schema.edges.values():
        if not edge.provenance:
            yield delete_edges(edge.name)
            yield set_edges(edge.name)


def stored_entities(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Name, kind, discovered flag, aliases, sources and merged ids of the stored ``ids``."""
    return {row["id"]: row for row in store.read(ENTITIES, {"ids": sorted(set(ids))}).rows}


def known_ids(store: Store) -> set[str]:
    """Ids of stored entities and of the entities merged into them."""
    known = set()
    for row in store.read(ALL_IDS).rows:
        known.add(row["id"])
        known.update(row["merged_from"] or [])
    return known


def merge_entities(store: Store, kept: str, group: list[str]) -> list[str]:
    """Merge every stored entity of ``group`` into ``kept`` in one transaction; return the
    ids merged (those of ``group`` still stored). ``group`` is every id judged the same
    as ``kept``, which becomes its ``merged_from``."""
    schema = store.schema
    merged_from = sorted(set(group) - {kept})

    def work(tx: neo4j.ManagedTransaction) -> list[str]:
        rows = {r["id"]: r for r in tx.run(ENTITIES, ids=[kept, *merged_from])}
        if kept not in rows:
            raise InputError(f"no entity with id {kept!r} in the graph")
        others = [i for i in merged_from if i in rows]
        ids = [kept, *others]
        edges = [dict(r) for r in tx.run(EDGES_OF, ids=ids)]
        documents = sorted(r["document"] for r in tx.run(MENTIONING, ids=others))
        moved = _moved_edges(edges, set(others), kept, rows[kept]["kind"], schema)
        tx.run(DELETE_ENTITIES, ids=others).consume()
        by_type: dict[str, list[dict]] = {}
        for edge in moved:
            by_type.setdefault(edge.pop("type"), []).append(edge)
        for edge_type, edge_rows in sorted(by_type.items()):
            tx.run(set_edges(edge_type), rows=edge_rows).consume()
        tx.run(cypher.merge_mentions(schema.document_label, schema.mention_type),
               rows=[{"document": d, "entity": kept} for d in documents]).consume()
        tx.run(UPDATE_KEPT, rows=[_kept_row(rows, kept, others, merged_from)]).consume()
        ends = {kept} | {e["source"] for e in moved} | {e["target"] for e in moved}
        refresh_conflicts(tx, schema, ends)
        return others

    return store.transaction(work)


def _moved_edges(edges: list[dict], others: set[str], kept: str, kind: str,
                 schema: Schema) -> list[dict]:
    """The stored edges touching ``kept`` once ``others`` are merged into it, as rows to
    write (see :func:`~hkweb3.graph.merging.move_edges`). An edge the schema does not allow
    at ``kept`` stops the merge: the analyst merged entities of two kinds."""
    def fits(edge: MovedEdge, moved: MovedEdge) -> bool:
        if (edge.source in others or edge.target in others) and not _allowed(
                schema, edge.type, moved.source, moved.target, kept, kind):
            raise InputError(f"{edge.source} -{edge.type}-> {edge.target} cannot move to "
                             f"{kept}, a {kind}; merge entities of one kind")
        return True

    rows = []
    for edge in edges:
        props = dict(edge["properties"])
        evidence, sources = props.pop("evidence", None) or [], props.pop("sources", None) or []
        rows.append(MovedEdge(edge["source"], edge["type"], edge["target"],
                              props.pop("key", ""), props, evidence, set(sources)))
    return [{"source": e.source, "target": e.target, "type": e.type, "key": e.key,
             "props": e.properties, "evidence": sorted(e.evidence), "sources": sorted(e.sources)}
            for e in move_edges(rows, dict.fromkeys(others, kept), fits)]


def _allowed(schema: Schema, edge_type: str, source: str, target: str, kept: str,
             kind: str) -> bool:
    edge = schema.edge(edge_type)
    ends = (edge.source, source), (edge.target, target)
    return all(any(schema.is_a(kind, allowed) for allowed in kinds)
               for kinds, end in ends if end == kept)


def _kept_row(rows: Mapping[str, Mapping[str, Any]], kept: str, others: list[str],
              merged_from: list[str]) -> dict[str, Any]:
    mine = rows[kept]
    aliases = merged_aliases(mine["name"], mine["aliases"] or [],
                             [(rows[o]["name"], rows[o]["aliases"] or []) for o in others])
    sources = set(mine["sources"] or [])
    merged = set(mine["merged_from"] or []) | set(merged_from)
    discovered = bool(mine["discovered"])
    for other in others:
        row = rows[other]
        sources |= set(row["sources"] or [])
        merged |= set(row["merged_from"] or [])
        discovered = discovered and bool(row["discovered"])
    return {"id": kept, "aliases": aliases, "sources": sorted(sources),
            "discovered": discovered, "merged_from": sorted(merged - {kept}),
            "search": search_terms(kept, mine["name"], aliases)}


def reject_fact(store: Store, reject: Fact) -> int:
    """Remove the fact ``reject`` names (ends canonical), or only its document's evidence,
    in one transaction; return how many edges changed."""
    source, target = reject.source, reject.target
    schema = store.schema

    def work(tx: neo4j.ManagedTransaction) -> int:
        edges = [dict(r) for r in tx.run(cypher.EDGES_BETWEEN, a=source, b=target)]
        gone, kept = [], []
        for edge in edges:
            props = edge["properties"]
            if not reject.matches(edge["source"], edge["type"], edge["target"], props):
                continue
            row = {"source": source, "target": target, "type": edge["type"],
                   "key": props.get("key", "")}
            evidence = [] if reject.document is None else [
                e for e in props.get("evidence") or []
                if Evidence.decode(e).document != reject.document]
            if not evidence:
                gone.append(row)
            elif len(evidence) != len(props.get("evidence") or []):
                rest = {k: v for k, v in props.items() if k not in ("evidence", "sources", "key")}
                kept.append({**row, "props": rest, "evidence": evidence, "sources": [
                    s for s in props.get("sources") or [] if s != reject.document]})
        for row in gone:
            tx.run(delete_edges(row["type"]), rows=[row]).consume()
        for row in kept:
            tx.run(set_edges(row["type"]), rows=[row]).consume()
        if gone or kept:
            refresh_conflicts(tx, schema, {source, target})
        return len(gone) + len(kept)

    return store.transaction(work)
