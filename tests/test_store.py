"""The store against a real embedded ArcadeDB server, through the neo4j driver."""

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from hkweb3.errors import CypherError, ReadOnlyViolation, StoreError, ValidationError
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.models import Document, Entity, Evidence, GraphBatch, Relation
from hkweb3.graph.store import open_store


def evidence(doc="doc-1", sentence="ZA Bank provides settlement accounts to OSL."):
    return Evidence(document=doc, sentence=sentence, start=0, end=len(sentence),
                    published=dt.date(2023, 4, 12), rule="test")


def sample_batch(doc="doc-1") -> GraphBatch:
    ev = evidence(doc)
    return GraphBatch(
        documents=[Document(id=doc, title="ZA Bank and OSL", outlet="Forkast",
                            published=dt.date(2023, 4, 12))],
        entities=[
            Entity(id="za-bank", name="ZA Bank", kind="VirtualBank", aliases=["ZA"],
                   evidence=[ev]),
            Entity(id="osl", name="OSL", kind="TradingPlatform", evidence=[ev]),
            Entity(id="sfc", name="Securities and Futures Commission", kind="Regulator"),
        ],
        relations=[
            Relation(source="za-bank", type="PROVIDES_BANKING_TO", target="osl",
                     properties={"service": "settlement account"}, evidence=[ev]),
            Relation(source="osl", type="LICENSED_BY", target="sfc",
                     properties={"licence": "VATP", "since": dt.date(2020, 12, 15)},
                     evidence=[ev]),
        ],
        mentions=[(doc, "za-bank"), (doc, "osl")],
    )


def test_constraints_exist_for_every_label(store):
    store.setup_schema()  # twice: idempotent
    rows = store.read("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
                      "RETURN labelsOrTypes, properties, type").rows
    covered = {row["labelsOrTypes"][0] for row in rows
               if row["properties"] == ["id"] and row["type"] == "UNIQUENESS"}
    assert set(store.schema.labels) <= covered


def test_nodes_get_their_kind_and_ancestor_labels(store):
    store.write(sample_batch())
    row = store.read(
        "MATCH (b:Bank {id: 'za-bank'}) RETURN labels(b) AS labels, b.kind AS kind"
    ).rows
    assert sorted(row[0]["labels"]) == ["Bank", "Entity", "Organization", "VirtualBank"]
    assert row[0]["kind"] == "VirtualBank"


def test_loading_the_same_rows_twice_changes_nothing(store):
    first = store.write(sample_batch())
    before = store.stats()
    second = store.write(sample_batch())
    assert first.nodes_created == 4 and first.relationships_created == 4
    assert second.nodes_created == 0 and second.relationships_created == 0
    assert store.stats() == before
    assert before["nodes"]["Entity"] == 3
    assert before["edges"] == {"PROVIDES_BANKING_TO": 1, "LICENSED_BY": 1, "MENTIONS": 2}
    ev = store.read("MATCH (:Bank)-[r:PROVIDES_BANKING_TO]->(:TradingPlatform) "
                    "RETURN r.evidence AS evidence, r.sources AS sources").rows
    assert len(ev[0]["evidence"]) == 1 and ev[0]["sources"] == ["doc-1"]


def test_evidence_accumulates_per_document_and_is_replaced_by_a_reload(store):
    store.write(sample_batch("doc-1"))
    store.write(sample_batch("doc-2"))
    query = ("MATCH (:Bank {id: 'za-bank'})-[r:PROVIDES_BANKING_TO]->(:Entity {id: 'osl'}) "
             "RETURN r.sources AS sources, r.evidence AS evidence")
    row = store.read(query).rows[0]
    assert sorted(row["sources"]) == ["doc-1", "doc-2"]
    assert len(row["evidence"]) == 2
    changed = sample_batch("doc-1").model_copy(update={"relations": [
        Relation(source="za-bank", type="PROVIDES_BANKING_TO", target="osl",
                 properties={"service": "settlement account"},
                 evidence=[evidence("doc-1", "ZA Bank now banks OSL.")])]})
    store.write(changed)
    row = store.read(query).rows[0]
    assert len(row["evidence"]) == 2
    assert any("ZA Bank now banks OSL." in e for e in row["evidence"])
    assert not any("provides settlement accounts" in e and "doc-1" in e for e in row["evidence"])


def test_edges_with_different_keys_are_kept_apart(store):
    batch = GraphBatch(
        entities=[Entity(id="ben-sin", name="Ben Sin", kind="Person"),
                  Entity(id="za-bank", name="ZA Bank", kind="VirtualBank")],
        relations=[
            Relation(source="ben-sin", type="HOLDS_ROLE", target="za-bank",
                     properties={"role": "Deputy CEO"}),
            Relation(source="ben-sin", type="HOLDS_ROLE", target="za-bank",
                     properties={"role": "Chief Executive", "current": False}),
        ],
    )
    store.write(batch)
    store.write(batch)
    roles = store.read("MATCH (:Person)-[r:HOLDS_ROLE]->(:Bank) RETURN r.role AS role "
                       "ORDER BY role").rows
    assert roles == [{"role": "Chief Executive"}, {"role": "Deputy CEO"}]


def test_a_period_read_from_text_fills_gaps_and_never_replaces_a_curated_one(store):
    people = [Entity(id="norman-chan", name="Norman Chan", kind="Person"),
              Entity(id="hkma", name="Hong Kong Monetary Authority", kind="Regulator")]

    def role(rule: str, document: str, **period) -> GraphBatch:
        said = Evidence(document=document, sentence="Norman Chan ran the HKMA.", rule=rule)
        return GraphBatch(entities=people, relations=[Relation(
            source="norman-chan", type="HOLDS_ROLE", target="hkma",
            properties={"role": "chief executive", **period}, evidence=[said])])

    def period() -> dict:
        return store.read("MATCH (:Person)-[r:HOLDS_ROLE]->(:Regulator) RETURN r.since AS "
                          "since, r.until AS until, r.current AS current").rows[0]

    store.write(role("passive-agent", "article-1", until="2019", current=False))
    assert period() == {"since": None, "until": "2019", "current": False}  # text, first
    store.write(role("registry", "registry", since="2009-10-01", until="2019-09-30"))
    assert period() == {"since": "2009-10-01", "until": "2019-09-30", "current": False}
    store.write(role("appositive", "article-2", since="2010", until="2020", current=True))
    assert period() == {"since": "2009-10-01", "until": "2019-09-30", "current": False}


def test_a_write_through_the_read_path_is_refused_and_undone(store):
    store.write(sample_batch())
    with pytest.raises(ReadOnlyViolation):
        store.read("MATCH (b:Bank) SET b.hacked = true RETURN b")
    with pytest.raises(ReadOnlyViolation):
        store.read("CREATE (e:Entity:Company {id: 'intruder'})")
    assert store.read("MATCH (b:Bank) RETURN b.hacked AS h").rows == [{"h": None}]
    assert store.read("MATCH (e:Entity {id: 'intruder'}) RETURN e").rows == []


def test_explicit_write_access_is_allowed(store):
    store.write(sample_batch())
    result = store.execute("MATCH (b:Bank) SET b.checked = true RETURN count(b) AS n", write=True)
    assert result.rows == [{"n": 1}]
    assert store.read("MATCH (b:Bank) RETURN b.checked AS c").rows == [{"c": True}]


def test_values_with_quotes_and_braces_are_stored_verbatim(store):
    nasty = "Evil'}) DETACH DELETE n //"
    batch = GraphBatch(entities=[Entity(id="evil", name=nasty, kind="Company",
                                        aliases=['"quoted"', "{brace}"])])
    store.write(batch)
    rows = store.read("MATCH (c:Company {id: $id}) RETURN c.name AS name, c.aliases AS aliases",
                      {"id": "evil"}).rows
    assert rows == [{"name": nasty, "aliases": ['"quoted"', "{brace}"]}]


def test_a_syntax_error_is_a_cypher_error(store):
    with pytest.raises(CypherError, match="syntax"):
        store.read("MATCH (b:Bank RETURN b")


def test_a_transaction_that_fails_midway_writes_nothing(store):
    store.write(sample_batch())
    before = store.stats()
    newco = GraphBatch(entities=[Entity(id="newco", name="NewCo", kind="Company")])
    statements = list(store._statements(newco, {}))

    def work(tx):
        for query, rows in statements:
            tx.run(query, rows=rows).consume()
        tx.run("RETURN 1 / 0 AS boom").consume()  # fails after the node was merged

    with pytest.raises(CypherError):
        store._write_retrying(work)
    assert store.read("MATCH (c:Company {id: 'newco'}) RETURN count(c) AS n").rows == [{"n": 0}]
    assert store.stats() == before


def test_an_entity_cannot_change_kind(store):
    store.write(sample_batch())
    with pytest.raises(ValidationError, match="'osl' is already a TradingPlatform"):
        store.write(GraphBatch(entities=[Entity(id="osl", name="OSL", kind="Company")]))


def test_kinds_of_returns_stored_kinds(store):
    store.write(sample_batch())
    assert store.kinds_of(["za-bank", "osl", "missing"]) == {
        "za-bank": "VirtualBank", "osl": "TradingPlatform"}


def test_dates_come_back_as_iso_strings(store):
    store.write(sample_batch())
    rows = store.read("MATCH (:TradingPlatform)-[r:LICENSED_BY]->(:Regulator) "
                      "RETURN r.since AS since").rows
    assert rows == [{"since": "2020-12-15"}]


def test_concurrent_writers_of_the_same_new_ids_make_no_duplicates(store, config):
    """ArcadeDB refuses the losing MERGE with a ConstraintError; the store retries it."""
    batch = GraphBatch(entities=[Entity(id=f"co-{i}", name=f"Co {i}", kind="Company")
                                 for i in range(200)])

    def write(_):
        with open_store(config) as other:
            return other.write(batch)

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(write, range(4)))
    assert sum(r.nodes_created for r in results) == 200
    assert store.read("MATCH (c:Company) RETURN count(c) AS n").rows == [{"n": 200}]


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "https://example.org", "127.0.0.1",
                                 "ftp://127.0.0.1"])
def test_a_uri_that_is_not_bolt_is_a_one_line_store_error(uri):
    with pytest.raises(StoreError) as refused, open_store(StoreConfig(uri=uri)):
        pass
    assert str(refused.value).startswith(f"bad store URI {uri!r}: hkweb3 speaks Bolt")
    assert refused.value.exit_code == 3 and "\n" not in str(refused.value)



@pytest.mark.parametrize("stored_before", [False, True])
def test_a_version_stored_by_another_writer_mid_write_is_replaced_whole(store, config,
                                                                        stored_before):
    """Another writer stores one version of a document after this write began: the
    collision is retried, and the retry withdraws that version's claims, so the document's
    claims are this version's alone (never a mixture of versions)."""
    first = sample_batch("doc-1")
    banking, licence = first.relations
    if stored_before:
        store.write(first, retract=["doc-1"])
    other_version = first.model_copy(update={"relations": [licence.model_copy(update={
        "evidence": [evidence("doc-1", "OSL holds a licence.")]})]})
    this_version = first.model_copy(update={"relations": [banking.model_copy(update={
        "evidence": [evidence("doc-1", "ZA Bank now banks OSL.")]})]})
    statements, attempts = store._statements, []

    def interleaved(batch, stored):
        if not attempts:
            with open_store(config) as other:
                other.write(other_version, retract=["doc-1"])
        attempts.append(batch)
        yield from statements(batch, stored)

    store._statements = interleaved
    store.write(this_version, retract=["doc-1"])
    edges = store.read("MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, type(r) AS type, "
                       "b.id AS b, r.evidence AS evidence").rows
    assert len(attempts) == 2
    assert [(e["a"], e["type"], e["b"]) for e in edges] == [
        ("za-bank", "PROVIDES_BANKING_TO", "osl")]
    assert len(edges[0]["evidence"]) == 1 and "now banks" in edges[0]["evidence"][0]
