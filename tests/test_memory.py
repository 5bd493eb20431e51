"""The graph in memory: one typed shape read once from the store or an export, and what
analysis, paths, the HTML view and the exports take from it."""

from __future__ import annotations

import datetime as dt

import pytest

from hkweb3 import api
from hkweb3.errors import InputError
from hkweb3.graph.analysis import GraphFilter, centrality
from hkweb3.graph.memory import Document, Fact, MemoryGraph, Node
from hkweb3.graph.models import Evidence
from hkweb3.graph.periods import Period
from hkweb3.graph.read import read_dump, read_export, read_store
from hkweb3.graph.store import open_store

EVIDENCE = {"document": "doc-1", "sentence": "ZA Bank banks for OSL.", "rule": "pattern",
            "confidence": 0.8, "published": "2023-04-12"}


def small() -> dict:
    return {
        "nodes": [{"id": "za", "name": "ZA Bank", "kind": "VirtualBank", "sources": ["doc-1"],
                   "properties": {"name_zh": "眾安銀行"}},
                  {"id": "osl", "name": "OSL", "kind": "TradingPlatform"},
                  {"id": "hk", "name": "Hong Kong", "kind": "Place"}],
        "edges": [{"source": "za", "type": "PROVIDES_BANKING_TO", "target": "osl",
                   "properties": {"service": "settlement", "since": "2023-04",
                                  "sources": ["doc-1"]},
                   "evidence": [EVIDENCE]},
                  {"source": "za", "type": "LOCATED_IN", "target": "hk",
                   "properties": {"until": "2020"}}],
        "documents": [{"id": "doc-1", "title": "A deal", "published": "2023-04-12"}],
    }


def test_an_export_reads_into_typed_records():
    graph = read_dump(small(), GraphFilter(with_places=True))
    za = graph.nodes["za"]
    assert isinstance(za, Node) and za.name_zh == "眾安銀行" and za.sources == ("doc-1",)
    banking = next(f for f in graph.edges if f.type == "PROVIDES_BANKING_TO")
    assert isinstance(banking, Fact) and banking.key == "service=settlement"
    assert banking.properties == {"service": "settlement", "since": "2023-04"}
    assert banking.period == Period.of({"since": "2023-04"})
    assert banking.evidence == (Evidence.model_validate(EVIDENCE),)
    assert graph.documents["doc-1"] == Document("doc-1", "A deal", None, None, "2023-04-12")
    # Its plain form is the export's: reading it again gives the same graph.
    again = read_dump(graph.plain(), GraphFilter(with_places=True))
    assert again.edges == graph.edges and again.nodes == graph.nodes


def test_the_filter_applies_while_reading():
    assert set(read_dump(small()).nodes) == {"za", "osl"}  # places only when asked for
    dated = read_dump(small(), GraphFilter.as_of(dt.date(2021, 1, 1), with_places=True))
    assert [f.type for f in dated.edges] == []  # banking from 2023-04, the place until 2020
    assert [f.type for f in read_dump(small(), GraphFilter(edge_types=["LOCATED_IN"],
                                                           with_places=True)).edges] == \
        ["LOCATED_IN"]
    assert read_dump(small(), detail=False).edges[0].evidence == ()


def test_bad_evidence_in_an_export_is_one_line_naming_the_file_and_edge(tmp_path):
    data = small()
    data["edges"][0]["evidence"] = [{"document": "doc-1"}]  # no rule
    path = tmp_path / "graph.json"
    path.write_text(__import__("json").dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=r"graph.json: edge za -PROVIDES_BANKING_TO-> osl: "
                                         r"evidence .*rule"):
        read_export(path)


def test_part_keeps_the_facts_between_and_the_documents_they_cite():
    graph = read_dump(small(), GraphFilter(with_places=True))
    part = graph.part({"za", "osl"})
    assert [(f.source, f.target) for f in part.edges] == [("za", "osl")]
    assert list(part.documents) == ["doc-1"]
    assert graph.part({"osl", "hk"}).documents == {}


def test_lean_and_full_reads_of_the_store_agree(built):
    with open_store(built, read_only=True) as store:
        lean = read_store(store, GraphFilter(with_places=True))
        full = read_store(store, GraphFilter(with_places=True), detail=True)
    assert isinstance(lean, MemoryGraph) and lean.nodes.keys() == full.nodes.keys()

    def ends(graph):
        return sorted((f.source, f.type, f.target, f.key, f.sources) for f in graph.edges)

    assert ends(lean) == ends(full)
    # The lean read carries the declared properties, typed as declared, not the evidence.
    declared = {(f.source, f.type, f.target, f.key): f.properties for f in full.edges}
    assert all(declared[f.source, f.type, f.target, f.key] == f.properties for f in lean.edges)
    assert all(not f.evidence for f in lean.edges)
    assert all(f.evidence and all(isinstance(e, Evidence) for e in f.evidence)
               for f in full.edges)
    assert any(isinstance(f.properties.get("current"), bool) for f in full.edges)
    assert any(n.name_zh for n in full.nodes.values())
    assert full.documents and all(isinstance(d, Document) for d in full.documents.values())
    # The same numbers from either.
    assert centrality(lean, "pagerank").as_dict() == \
        pytest.approx(centrality(full, "pagerank").as_dict())


def test_the_store_and_its_export_read_into_the_same_graph(built, tmp_path):
    path = api.export("json", tmp_path / "graph.json", built)
    with open_store(built, read_only=True) as store:
        stored = read_store(store, GraphFilter(with_places=True), detail=True)
    exported = read_export(path, GraphFilter(with_places=True))
    assert exported.nodes == stored.nodes
    assert sorted(exported.edges) == sorted(stored.edges)
    assert exported.documents == stored.documents


def test_a_paths_evidence_is_what_the_store_holds(built):
    rows = api.path("ZA Bank", "SFC", config=built)
    stored = api.run_cypher(
        "MATCH (a:Entity)-[r]->(b:Entity) WHERE a.name = $a AND b.name = $b AND type(r) = $t "
        "RETURN r.evidence AS evidence",
        {"a": rows[0]["source"], "b": rows[0]["target"],
         "t": rows[0]["relation"].split(" ")[0]}, config=built).rows
    documents = {Evidence.decode(e).document for row in stored for e in row["evidence"]}
    assert set(rows[0]["documents"]) <= documents and rows[0]["documents"]
