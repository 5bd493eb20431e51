"""Every Cypher statement the store sends, in one place (so one test can lint them all).

Values always travel as parameters. The only names written into the text are labels and
edge types, and those come from the schema, whose loader accepts plain identifiers only.
Each statement is Neo4j 5 syntax, matches with labels, and is sent alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from hkweb3.graph.periods import SINCE, UNTIL
from hkweb3.graph.schema import ENTITY_LABEL, Schema

# Evidence is stored as JSON strings that start with their document id, so the claims of one
# document can be replaced with a prefix test: stores reject nested maps as property values.
_MERGE_EVIDENCE = (
    "r.evidence = [e IN coalesce(r.evidence, []) "
    "WHERE none(p IN row.prefixes WHERE e STARTS WITH p)] + row.evidence, "
    "r.sources = [s IN coalesce(r.sources, []) WHERE NOT s IN row.documents] + row.documents"
)


def unique_constraint(label: str) -> str:
    """Uniqueness of ``id`` for one label, created only if missing."""
    return (
        f"CREATE CONSTRAINT {label.lower()}_id_unique IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
    )


def published_index(label: str) -> str:
    """An index on documents' publication date (queries filter by it)."""
    return (f"CREATE INDEX {label.lower()}_published IF NOT EXISTS "
            f"FOR (d:{label}) ON (d.published)")


CONFLICT_FLAG = "claim_conflict"


def conflict_index() -> str:
    """An index on the flag that marks entities with conflicting claims."""
    return (f"CREATE INDEX entity_{CONFLICT_FLAG} IF NOT EXISTS "
            f"FOR (e:{ENTITY_LABEL}) ON (e.{CONFLICT_FLAG})")


def claims_of(schema: Schema) -> str:
    """The claims whose subjects are ``$ids``: each edge of a single-holder type (the
    schema's ``single`` and ``single_roles``) that claims something, with its key, the
    claim and conflict flag it carries, and the properties of :func:`claim_properties`.
    The store judges them by the one conflict rule (:mod:`hkweb3.graph.conflicts`)."""
    arms = []
    values = "".join(f", r.{name} AS {name}" for name in claim_properties(schema))
    for edge in schema.single_holder_types:
        # The subject is matched first, alone: ArcadeDB starts from the first node pattern
        # (from the holder, a role's read scanned every person: 126 s for 2,000 subjects).
        if edge.single_roles:  # the organisation is the subject, only some roles claim
            match = (f"MATCH (h:{ENTITY_LABEL})-[r:{edge.name}]->(o) "
                     "WHERE r.claim IS NOT NULL RETURN h.id AS source, o.id AS target")
        else:
            match = (f"MATCH (o)-[r:{edge.name}]->(h:{ENTITY_LABEL}) "
                     "RETURN o.id AS source, h.id AS target")
        arms.append(f"UNWIND $ids AS id MATCH (o:{ENTITY_LABEL} {{id: id}}) {match}, "
                    f"'{edge.name}' AS type, r.key AS key, r.claim AS claim, "
                    f"r.{CONFLICT_FLAG} AS flag{values}")
    return " UNION ALL ".join(arms)


def claim_properties(schema: Schema) -> list[str]:
    """What judging a claim reads of an edge: the key properties of the single-holder types
    (a role), the period, and the sources (not the evidence, which is large)."""
    keys = {k for edge in schema.single_holder_types for k in edge.key}
    return sorted(keys) + list(schema.period) + ["sources"]


def flagged_subjects() -> str:
    """Which of the entities ``$ids`` carry the conflict flag now."""
    return (f"UNWIND $ids AS id MATCH (o:{ENTITY_LABEL} {{id: id}}) "
            f"WHERE o.{CONFLICT_FLAG} = true RETURN o.id AS id")


def flag_subjects() -> str:
    """Set (``flag`` true) or remove (null) the conflict flag on entities. Rows: ``{id,
    flag}``. Every write keeps it, so ``conflicting-claims`` starts from a handful of
    flagged entities instead of reading every claim in the graph."""
    return (f"UNWIND $rows AS row MATCH (o:{ENTITY_LABEL} {{id: row.id}}) "
            f"SET o.{CONFLICT_FLAG} = row.flag")


def flag_claims(edge_type: str) -> str:
    """Set or remove the conflict flag on claims of ``edge_type``, and what each claims.
    Rows: ``{source, target, key, claim, flag}``."""
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{ENTITY_LABEL} {{id: row.source}})-[r:{edge_type} {{key: row.key}}]->"
            f"(b:{ENTITY_LABEL} {{id: row.target}}) "
            f"SET r.claim = row.claim, r.{CONFLICT_FLAG} = row.flag")


def merge_documents(label: str) -> str:
    """Create or update documents by id. Rows: ``{id, props}``."""
    # SET =, not +=: a new version of a document without a url or date must not keep the
    # old version's.
    return f"UNWIND $rows AS row MERGE (d:{label} {{id: row.id}}) SET d = row.props, d.id = row.id"


def create_entities(labels: tuple[str, ...]) -> str:
    """Create new entities of one kind with all their labels. Rows: ``{id, props, aliases,
    sources, discovered, search}`` (``search``: the id, name and aliases in lower case).

    The store creates only ids it found missing in the same transaction (a concurrent writer
    that got there first makes this fail on the id constraint, and the store retries).
    Nodes are born with their final labels: ArcadeDB cannot relabel a node in the
    transaction that created it, and a MERGE on the full label set is not optimised there.
    """
    all_labels = "".join(f":{label}" for label in labels)
    return (
        f"UNWIND $rows AS row CREATE (n{all_labels} {{id: row.id}}) "
        "SET n += row.props, n.aliases = row.aliases, n.sources = row.sources, "
        "n.discovered = row.discovered, n.search = row.search"
    )


def create_probe(labels: tuple[str, ...]) -> str:
    """A node with ``labels``, created in a transaction that is then rolled back. Params:
    ``id``. ArcadeDB makes one type per label combination, and two transactions making the
    same new type at once make one of them fail; making every kind's type up front (types
    outlive the rollback) avoids that. On Neo4j it leaves nothing behind."""
    all_labels = "".join(f":{label}" for label in labels)
    return f"CREATE (n{all_labels} {{id: $id}})"


def update_entities() -> str:
    """Set the properties of existing entities. Rows: ``{id, props, aliases, sources,
    discovered}``. Aliases and sources accumulate; a node stays curated once the registry
    has named it."""
    return (
        f"UNWIND $rows AS row MATCH (n:{ENTITY_LABEL} {{id: row.id}}) "
        "SET n += row.props, "
        "n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN row.aliases] + row.aliases, "
        "n.sources = [s IN coalesce(n.sources, []) WHERE NOT s IN row.sources] + row.sources, "
        "n.discovered = coalesce(n.discovered, true) AND row.discovered "
        # what find-entity compares with: the id, and the name and aliases in lower case
        "SET n.search = [n.id, toLower(n.name)] + [a IN n.aliases | toLower(a)]"
    )


def merge_relations(edge_type: str, fill: Sequence[str] = ()) -> str:
    """Create or update edges of one type, keyed by ``key``, replacing the evidence of the
    documents in this batch. Rows: ``{source, target, key, props, fill, evidence, prefixes,
    documents}``: ``props`` are set; ``fill`` (of the property names ``fill``) only where the
    edge has none yet, so a date read from text never replaces a curated one."""
    # (props first: the store may read ``r`` as it was before this SET's ``+=``)
    gaps = "".join(f", r.{name} = coalesce(row.props.{name}, r.{name}, row.fill.{name})"
                   for name in fill)
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{ENTITY_LABEL} {{id: row.source}}) "
        f"MATCH (b:{ENTITY_LABEL} {{id: row.target}}) "
        f"MERGE (a)-[r:{edge_type} {{key: row.key}}]->(b) "
        "ON CREATE SET r += row.props, r += row.fill, r.evidence = row.evidence, "
        "r.sources = row.documents "
        f"ON MATCH SET r += row.props{gaps}, {_MERGE_EVIDENCE}"
    )


def merge_mentions(document_label: str, edge_type: str) -> str:
    """Link documents to the entities they name. Rows: ``{document, entity}``."""
    return (
        f"UNWIND $rows AS row "
        f"MATCH (d:{document_label} {{id: row.document}}) "
        f"MATCH (e:{ENTITY_LABEL} {{id: row.entity}}) "
        f"MERGE (d)-[:{edge_type}]->(e)"
    )


def count_label(label: str) -> str:
    """How many nodes carry ``label``."""
    return f"MATCH (n:{label}) RETURN count(n) AS count"


def count_edges(edge_type: str, source_label: str, target_label: str) -> str:
    """How many edges of ``edge_type`` there are (ends labelled so nothing is scanned)."""
    return (
        f"MATCH (:{source_label})-[r:{edge_type}]->(:{target_label}) RETURN count(r) AS count"
    )


# -- documents and retracting their claims ---------------------------------------------------
# Each retracting statement takes $rows of {doc, prefix}: a document id and how each of its
# encoded evidence items starts (Evidence.prefix).


def mentioned_by(document_label: str, mention_type: str) -> str:
    """The entities the documents ``$rows`` mention."""
    return (f"UNWIND $rows AS row MATCH (d:{document_label} {{id: row.doc}})"
            f"-[:{mention_type}]->(e:{ENTITY_LABEL}) RETURN DISTINCT e.id AS id")


def retract(document_label: str, mention_type: str) -> tuple[str, ...]:
    """Withdraw the claims of the documents ``$rows``, in order: their evidence on edges,
    edges nothing supports any more, their sources on entities, discovered entities nothing
    supports, their mentions."""
    mentioned = (f"UNWIND $rows AS row MATCH (d:{document_label} {{id: row.doc}})"
                 f"-[:{mention_type}]->(e:{ENTITY_LABEL})")
    return (
        f"{mentioned}-[r]-(:{ENTITY_LABEL}) WHERE row.doc IN r.sources WITH DISTINCT row, r "
        "SET r.evidence = [x IN r.evidence WHERE NOT x STARTS WITH row.prefix], "
        "r.sources = [s IN r.sources WHERE s <> row.doc]",
        f"{mentioned}-[r]-(:{ENTITY_LABEL}) WHERE size(r.sources) = 0 WITH DISTINCT r DELETE r",
        f"{mentioned} SET e.sources = [s IN e.sources WHERE s <> row.doc]",
        f"{mentioned} WHERE e.discovered AND size(e.sources) = 0 "
        f"AND NOT EXISTS {{ (e)-[]-(:{ENTITY_LABEL}) }} DETACH DELETE e",
        f"UNWIND $rows AS row MATCH (d:{document_label} {{id: row.doc}})"
        f"-[m:{mention_type}]->(:{ENTITY_LABEL}) DELETE m",
    )


def document_hashes(label: str) -> str:
    """The stored content hash of the documents ``$ids``."""
    return (f"UNWIND $ids AS id MATCH (d:{label} {{id: id}}) "
            "RETURN d.id AS id, d.content_hash AS hash")


def delete_documents(label: str) -> str:
    """Delete the documents ``$ids``."""
    return f"UNWIND $ids AS id MATCH (d:{label} {{id: id}}) DETACH DELETE d"


def document_origins(label: str) -> str:
    """Where the documents ``$ids`` came from: content hash, path and URL."""
    return (f"UNWIND $ids AS id MATCH (d:{label} {{id: id}}) "
            "RETURN d.id AS id, d.content_hash AS hash, d.path AS path, d.url AS url")


# -- dumping the graph -----------------------------------------------------------------------

DUMP_ENTITIES = f"MATCH (n:{ENTITY_LABEL}) RETURN n ORDER BY n.id"
DUMP_EDGES = (
    f"MATCH (a:{ENTITY_LABEL})-[r]->(b:{ENTITY_LABEL}) "
    "RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties "
    "ORDER BY source, type, target"
)


def dump_documents(label: str) -> str:
    """Every document, by id."""
    return f"MATCH (d:{label}) RETURN d ORDER BY d.id"


KINDS_OF = (
    f"UNWIND $ids AS id MATCH (n:{ENTITY_LABEL} {{id: id}}) RETURN n.id AS id, n.kind AS kind"
)

ENTITY_BY_ID = f"MATCH (e:{ENTITY_LABEL} {{id: $id}}) RETURN e.id AS id"


# -- analysis: lean reads of the graph for NetworkX, and scores written back -----------------

# One row per entity with its outgoing facts in a list: the Python driver spends about 40 us
# on each record received, whatever it holds, and a row per node still streams while the
# server works (a single collect() would not). Both ends are
# entities, so provenance (Document)-[:MENTIONS]->(Entity) stays out.
def analysis_graph(schema: Schema) -> str:
    """Every entity (of ``$kinds``, or all) with its facts (of ``$types``, or all) to other
    entities, each fact in the row layout of :mod:`hkweb3.graph.memory` without evidence:
    type, target, key, sources, since, until, then the other declared properties in
    :func:`analysis_properties` order."""
    values = ", ".join(f"r.{name}" for name in analysis_properties(schema))
    return (
        f"MATCH (a:{ENTITY_LABEL}) WHERE $kinds IS NULL OR a.kind IN $kinds "
        "RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, "
        "a.sources AS sources, "
        f"[(a)-[r]->(b:{ENTITY_LABEL}) WHERE $types IS NULL OR type(r) IN $types | "
        f"[type(r), b.id, coalesce(r.key, ''), r.sources, r.{SINCE}, r.{UNTIL}, "
        f"[{values}], null]] AS out"
    )


def analysis_properties(schema: Schema) -> list[str]:
    """Every edge property the schema declares but ``since`` and ``until``, sorted."""
    names = {name for edge in schema.edges for name in schema.properties(edge)}
    return sorted(names - {SINCE, UNTIL})


EDGES_BETWEEN = (
    f"MATCH (a:{ENTITY_LABEL} {{id: $a}})-[r]-(b:{ENTITY_LABEL} {{id: $b}}) "
    "RETURN startNode(r).id AS source, type(r) AS type, endNode(r).id AS target, "
    "properties(r) AS properties"
)


def analysis_mentions(document_label: str, edge_type: str) -> str:
    """Provenance edges, for analysis that asks for them: document id, title, entity id."""
    return (
        f"MATCH (d:{document_label})-[:{edge_type}]->(e:{ENTITY_LABEL}) "
        "RETURN d.id AS source, d.title AS name, e.id AS target"
    )


def clear_score(name: str) -> str:
    """Remove score ``name`` (a name from the schema's ``scores``) from every entity."""
    return f"MATCH (n:{ENTITY_LABEL}) WHERE n.{name} IS NOT NULL REMOVE n.{name}"


def set_score(name: str) -> str:
    """Set score ``name`` from ``$rows`` of ``{id, score}``."""
    return f"UNWIND $rows AS row MATCH (n:{ENTITY_LABEL} {{id: row.id}}) SET n.{name} = row.score"


def statements(schema: Schema) -> Iterator[str]:
    """Every statement the store can send for ``schema`` (for linting)."""
    for label in schema.labels:
        yield unique_constraint(label)
        yield count_label(label)
    yield merge_documents(schema.document_label)
    yield published_index(schema.document_label)
    for kind in schema.concrete_kinds:
        yield create_entities(schema.labels_for(kind))
        yield create_probe(schema.labels_for(kind))
    yield update_entities()
    for edge in schema.edges.values():
        yield count_edges(edge.name, *edge_end_labels(schema, edge.name))
        if edge.provenance:
            yield merge_mentions(schema.document_label, edge.name)
        else:
            yield merge_relations(edge.name, sorted(schema.period))
    yield mentioned_by(schema.document_label, schema.mention_type)
    yield from retract(schema.document_label, schema.mention_type)
    yield from (delete_documents(schema.document_label), document_hashes(schema.document_label),
                document_origins(schema.document_label), DUMP_ENTITIES, DUMP_EDGES,
                dump_documents(schema.document_label))
    yield KINDS_OF
    yield ENTITY_BY_ID
    yield from (analysis_graph(schema), EDGES_BETWEEN)
    yield conflict_index()
    yield claims_of(schema)
    yield flagged_subjects()
    yield flag_subjects()
    for edge in schema.single_holder_types:
        yield flag_claims(edge.name)
    yield analysis_mentions(schema.document_label, schema.mention_type)
    for name in schema.scores:
        yield clear_score(name)
        yield set_score(name)
    yield from (REGISTER_DOCUMENTS, REGISTER_EDGES, REGISTER_ENTITIES)


def edge_end_labels(schema: Schema, edge_type: str) -> tuple[str, str]:
    """The labels to put on each end of ``edge_type`` when matching it."""
    edge = schema.edge(edge_type)
    source = schema.document_label if edge.source == (schema.document_label,) else ENTITY_LABEL
    target = schema.document_label if edge.target == (schema.document_label,) else ENTITY_LABEL
    return source, target


# -- public registers (loaders/registers.py) ------------------------------------------------

REGISTER_DOCUMENTS = (
    "MATCH (d:Document) WHERE d.id STARTS WITH $prefix RETURN properties(d) AS d"
)
REGISTER_EDGES = (
    f"MATCH (d:Document)-[:MENTIONS]->(a:{ENTITY_LABEL})-[r]->(b:{ENTITY_LABEL}) "
    "WHERE d.id IN $docs AND any(s IN r.sources WHERE s IN $docs) "
    "RETURN DISTINCT a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props"
)
REGISTER_ENTITIES = (
    f"MATCH (d:Document)-[:MENTIONS]->(e:{ENTITY_LABEL}) "
    "WHERE any(p IN $prefixes WHERE d.id STARTS WITH p) AND NOT coalesce(e.discovered, false) "
    "RETURN DISTINCT e.id AS id, e.name AS name, e.kind AS kind, e.aliases AS aliases"
)
