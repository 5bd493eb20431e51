import copy
import csv
import doctest
import json

import networkx as nx
import pytest

from hkweb3.errors import ExportError, QueryError
from hkweb3.graph import export as export_module
from hkweb3.graph.export import (
    ARRAY_DELIMITER,
    FORMATS,
    export,
    export_csv,
    export_graphml,
    export_json,
    import_command,
)
from hkweb3.graph.models import Evidence

EVIL_NAME = 'Hash "Blockchain", Ltd; <script>alert(1)</script>'
SENTENCE = 'ZA Bank said: "settlement; fiat | USD, HKD"\nand more.'

EVIDENCE_1 = {"document": "doc-1", "sentence": SENTENCE, "published": "2023-04-12",
              "rule": "banking-pattern", "confidence": 0.9, "start": 0, "end": 40}
EVIDENCE_2 = {"document": "doc-2", "rule": "registry", "confidence": 1.0}
EVIDENCE_3 = {"document": "doc-2", "sentence": "Custody; for <b>Hash</b>.", "rule": "custody",
              "confidence": 0.75, "published": "2024-01-02"}


def make_dump():
    """Three nodes, two edges with evidence, two documents; listed out of order on purpose."""
    return {
        "nodes": [
            {"id": "za-bank", "name": "ZA Bank", "kind": "VirtualBank",
             "labels": ["VirtualBank", "Bank", "Organization", "Entity"],
             "aliases": ["ZA", "Zhong An Bank"], "discovered": False,
             "sources": ["doc-1", "doc-2"],
             "properties": {"founded": "2018", "description": "A virtual bank; licensed 2019",
                            "licensed": True, "products": ["deposits", "loans"], "staff": 300,
                            "capital": 1}},
            {"id": "osl", "name": "OSL", "kind": "TradingPlatform",
             "labels": ["TradingPlatform", "Platform", "Organization", "Entity"],
             "aliases": [], "discovered": True, "sources": ["doc-1"],
             "properties": {"licensed": False, "products": ["brokerage"]}},
            {"id": "hash-blockchain", "name": EVIL_NAME, "kind": "TradingPlatform",
             "labels": ["TradingPlatform", "Platform", "Organization", "Entity"],
             "aliases": ["HashKey, \"Exchange\""], "discovered": False, "sources": ["doc-2"],
             "properties": {"founded": 2018, "staff": 120, "capital": 2.5}},
        ],
        "edges": [
            {"source": "za-bank", "target": "osl", "type": "PROVIDES_BANKING_TO",
             "properties": {"service": "settlement account, fiat", "since": "2023-04",
                            "key": "service=settlement account, fiat"},
             "evidence": [EVIDENCE_1, EVIDENCE_2]},
            {"source": "za-bank", "target": "hash-blockchain", "type": "PROVIDES_BANKING_TO",
             "properties": {"service": "custody", "since": 2024},
             "evidence": [EVIDENCE_3]},
        ],
        "documents": [
            {"id": "doc-2", "title": "Custody, \"at last\"", "outlet": None, "url": None,
             "published": None},
            {"id": "doc-1", "title": "ZA Bank, OSL; a deal", "outlet": "Forkast",
             "url": "https://example.org/a?b=1,2", "published": "2023-04-12"},
        ],
    }


@pytest.fixture
def dump():
    return make_dump()


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def as_dicts(rows):
    header, *body = rows
    return [dict(zip(header, row, strict=True)) for row in body]


# -- JSON -------------------------------------------------------------------------------------


def test_json_round_trips_sorted(dump, tmp_path):
    path = export_json(dump, tmp_path / "graph.json")
    assert path == tmp_path / "graph.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [n["id"] for n in data["nodes"]] == ["hash-blockchain", "osl", "za-bank"]
    assert [(e["source"], e["type"], e["target"]) for e in data["edges"]] == [
        ("za-bank", "PROVIDES_BANKING_TO", "hash-blockchain"),
        ("za-bank", "PROVIDES_BANKING_TO", "osl"),
    ]
    assert [d["id"] for d in data["documents"]] == ["doc-1", "doc-2"]
    by_id = {n["id"]: n for n in dump["nodes"]}
    assert data["nodes"] == [by_id[n["id"]] for n in data["nodes"]]
    assert data["edges"][1] == dump["edges"][0]
    assert data["nodes"][0]["name"] == EVIL_NAME
    assert "\\u" not in path.read_text(encoding="utf-8")  # ensure_ascii=False


def test_json_is_byte_identical_across_runs_and_input_order(dump, tmp_path):
    first = export_json(dump, tmp_path / "a.json").read_bytes()
    second = export_json(make_dump(), tmp_path / "b.json").read_bytes()
    shuffled = copy.deepcopy(dump)
    for key in ("nodes", "edges", "documents"):
        shuffled[key].reverse()
    shuffled["nodes"][0]["properties"] = dict(reversed(shuffled["nodes"][0]["properties"].items()))
    third = export_json(shuffled, tmp_path / "c.json").read_bytes()
    assert first == second == third
    assert first.endswith(b"\n")


def test_json_of_empty_dump(tmp_path):
    path = export_json({}, tmp_path / "sub" / "graph.json")
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "nodes": [], "edges": [], "documents": []
    }


# -- GraphML ----------------------------------------------------------------------------------


def test_graphml_reads_back(dump, tmp_path):
    path = export_graphml(dump, tmp_path / "graph.graphml")
    graph = nx.read_graphml(path)
    assert graph.is_directed()
    assert graph.number_of_nodes() == 5
    assert graph.number_of_edges() == 2

    za = graph.nodes["za-bank"]
    assert za["name"] == "ZA Bank"
    assert za["kind"] == "VirtualBank"
    assert za["labels"] == "VirtualBank:Bank:Organization:Entity"
    assert za["aliases"] == "ZA; Zhong An Bank"
    assert za["sources"] == "doc-1; doc-2"
    assert za["discovered"] is False
    assert za["products"] == "deposits; loans"
    assert za["licensed"] is True
    assert za["staff"] == 300
    assert za["capital"] == pytest.approx(1.0)
    assert za["founded"] == "2018"
    assert graph.nodes["osl"]["discovered"] is True

    evil = graph.nodes["hash-blockchain"]
    assert evil["name"] == EVIL_NAME
    assert evil["founded"] == "2018"  # str and int values: text
    assert evil["capital"] == pytest.approx(2.5)

    doc = graph.nodes["doc-1"]
    assert doc["kind"] == "Document"
    assert doc["name"] == doc["title"] == "ZA Bank, OSL; a deal"
    assert doc["published"] == "2023-04-12"
    assert "outlet" not in graph.nodes["doc-2"]

    edges = {(u, v): d for u, v, d in graph.edges(data=True)}
    osl = edges["za-bank", "osl"]
    assert osl["type"] == "PROVIDES_BANKING_TO"
    assert osl["service"] == "settlement account, fiat"
    assert osl["since"] == "2023-04"
    assert "key" not in osl
    assert osl["sources"] == "doc-1; doc-2"
    assert osl["evidence_count"] == 2
    assert json.loads(osl["evidence"]) == [EVIDENCE_1, EVIDENCE_2]
    custody = edges["za-bank", "hash-blockchain"]
    assert custody["since"] == "2024"
    assert custody["sources"] == "doc-2"
    assert json.loads(custody["evidence"]) == [EVIDENCE_3]


def test_graphml_is_byte_identical_across_runs(dump, tmp_path):
    shuffled = copy.deepcopy(dump)
    for key in ("nodes", "edges", "documents"):
        shuffled[key].reverse()
    first = export_graphml(dump, tmp_path / "a.graphml").read_bytes()
    assert first == export_graphml(shuffled, tmp_path / "b.graphml").read_bytes()


def test_graphml_refuses_a_document_id_that_is_an_entity_id(dump, tmp_path):
    dump["documents"].append({"id": "osl", "title": "OSL"})
    with pytest.raises(ExportError, match="document id 'osl' is also an entity id"):
        export_graphml(dump, tmp_path / "graph.graphml")


# -- CSV --------------------------------------------------------------------------------------

NODE_HEADER = [
    "id:ID(Entity)", "name", "kind", "aliases:string[]", "discovered:boolean",
    "sources:string[]", "capital:double", "description", "founded", "licensed:boolean",
    "products:string[]", "staff:long", ":LABEL",
]
DOCUMENT_HEADER = ["id:ID(Document)", "title", "outlet", "url", "published", ":LABEL"]
RELATIONSHIP_HEADER = [
    ":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "key", "service", "since",
    "sources:string[]", "evidence:string[]",
]


def test_csv_headers_and_row_counts(dump, tmp_path):
    out = export_csv(dump, tmp_path / "csv")
    assert out == tmp_path / "csv"
    assert sorted(p.name for p in out.iterdir()) == [
        "documents.csv", "nodes.csv", "relationships.csv"
    ]
    nodes = read_csv(out / "nodes.csv")
    documents = read_csv(out / "documents.csv")
    relationships = read_csv(out / "relationships.csv")
    assert nodes[0] == NODE_HEADER
    assert documents[0] == DOCUMENT_HEADER
    assert relationships[0] == RELATIONSHIP_HEADER
    assert (len(nodes), len(documents), len(relationships)) == (4, 3, 3)
    first_line = (out / "nodes.csv").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line == ",".join(NODE_HEADER)


def test_csv_values_survive_a_reader_round_trip(dump, tmp_path):
    out = export_csv(dump, tmp_path)
    nodes = {row["id:ID(Entity)"]: row for row in as_dicts(read_csv(out / "nodes.csv"))}
    assert list(nodes) == ["hash-blockchain", "osl", "za-bank"]

    evil = nodes["hash-blockchain"]
    assert evil["name"] == EVIL_NAME
    assert evil["aliases:string[]"].split(ARRAY_DELIMITER) == ['HashKey, "Exchange"']
    assert evil["founded"] == "2018"
    assert evil["capital:double"] == "2.5"
    assert evil["staff:long"] == "120"
    assert evil["licensed:boolean"] == evil["products:string[]"] == ""

    za = nodes["za-bank"]
    assert za["aliases:string[]"].split(ARRAY_DELIMITER) == ["ZA", "Zhong An Bank"]
    assert za["sources:string[]"].split(ARRAY_DELIMITER) == ["doc-1", "doc-2"]
    assert za["products:string[]"].split(ARRAY_DELIMITER) == ["deposits", "loans"]
    assert za[":LABEL"].split(ARRAY_DELIMITER) == ["VirtualBank", "Bank", "Organization", "Entity"]
    assert za["description"] == "A virtual bank; licensed 2019"
    assert (za["discovered:boolean"], za["licensed:boolean"]) == ("false", "true")
    assert za["capital:double"] == "1.0"
    assert nodes["osl"]["discovered:boolean"] == "true"
    assert nodes["osl"]["aliases:string[]"] == ""

    documents = as_dicts(read_csv(out / "documents.csv"))
    assert documents == [
        {"id:ID(Document)": "doc-1", "title": "ZA Bank, OSL; a deal", "outlet": "Forkast",
         "url": "https://example.org/a?b=1,2", "published": "2023-04-12", ":LABEL": "Document"},
        {"id:ID(Document)": "doc-2", "title": 'Custody, "at last"', "outlet": "", "url": "",
         "published": "", ":LABEL": "Document"},
    ]

    custody, osl = as_dicts(read_csv(out / "relationships.csv"))
    assert (custody[":END_ID(Entity)"], osl[":END_ID(Entity)"]) == ("hash-blockchain", "osl")
    assert osl[":START_ID(Entity)"] == "za-bank"
    assert osl[":TYPE"] == "PROVIDES_BANKING_TO"
    assert osl["service"] == "settlement account, fiat"
    assert osl["key"] == "service=settlement account, fiat"
    assert custody["since"] == "2024"
    assert osl["sources:string[]"].split(ARRAY_DELIMITER) == ["doc-1", "doc-2"]
    assert custody["sources:string[]"].split(ARRAY_DELIMITER) == ["doc-2"]


def test_csv_evidence_splits_back_to_the_original_items(dump, tmp_path):
    out = export_csv(dump, tmp_path)
    custody, osl = as_dicts(read_csv(out / "relationships.csv"))
    items = osl["evidence:string[]"].split(ARRAY_DELIMITER)
    assert [json.loads(item) for item in items] == [EVIDENCE_1, EVIDENCE_2]
    assert json.loads(items[0])["sentence"] == SENTENCE  # its '|' was escaped, not lost
    assert [Evidence.decode(item) for item in items] == [
        Evidence.model_validate(EVIDENCE_1), Evidence.model_validate(EVIDENCE_2)
    ]
    assert items[1] == Evidence.model_validate(EVIDENCE_2).encode()  # the store's own form
    assert custody["evidence:string[]"].split(ARRAY_DELIMITER) == [
        Evidence.model_validate(EVIDENCE_3).encode()
    ]


def test_csv_is_byte_identical_across_runs(dump, tmp_path):
    shuffled = copy.deepcopy(dump)
    for key in ("nodes", "edges", "documents"):
        shuffled[key].reverse()
    a, b = export_csv(dump, tmp_path / "a"), export_csv(shuffled, tmp_path / "b")
    for name in ("nodes.csv", "documents.csv", "relationships.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_csv_refuses_an_array_item_holding_the_delimiter(dump, tmp_path):
    dump["nodes"][1]["aliases"] = ["OSL | BC Technology"]
    with pytest.raises(ExportError, match=r"node 'osl' aliases: 'OSL \| BC Technology'"):
        export_csv(dump, tmp_path)


def test_csv_of_empty_dump(tmp_path):
    out = export_csv({}, tmp_path / "empty")
    assert read_csv(out / "nodes.csv") == [[
        "id:ID(Entity)", "name", "kind", "aliases:string[]", "discovered:boolean",
        "sources:string[]", ":LABEL",
    ]]
    assert read_csv(out / "documents.csv") == [DOCUMENT_HEADER]
    assert read_csv(out / "relationships.csv") == [[
        ":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "sources:string[]", "evidence:string[]"
    ]]


def test_import_command_names_the_three_files_and_the_delimiter(tmp_path):
    command = import_command(tmp_path)
    assert command.startswith("neo4j-admin database import full neo4j ")
    assert f"--nodes={tmp_path / 'nodes.csv'}" in command
    assert f"--nodes={tmp_path / 'documents.csv'}" in command
    assert f"--relationships={tmp_path / 'relationships.csv'}" in command
    assert "--array-delimiter='|'" in command


# -- dispatch ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_dispatches_on_format(dump, tmp_path, fmt):
    out = export(dump, fmt, tmp_path / f"graph.{fmt}")
    assert out == tmp_path / f"graph.{fmt}"
    assert out.exists()
    if fmt == "csv":
        assert (out / "nodes.csv").is_file()


def test_unknown_format_is_refused_naming_the_valid_ones(dump, tmp_path):
    message = "unknown export format 'xml'; choose from json, graphml, csv"
    with pytest.raises(QueryError, match=message):
        export(dump, "xml", tmp_path / "graph.xml")
    assert not (tmp_path / "graph.xml").exists()


def test_docstring_examples():
    result = doctest.testmod(export_module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_evidence_must_be_evidence_mappings(tmp_path):
    dump = make_dump()
    dump["edges"][0]["evidence"] = [Evidence.model_validate(EVIDENCE_3).encode()]
    with pytest.raises(ExportError, match="za-bank -PROVIDES_BANKING_TO-> osl: evidence"):
        export_csv(dump, tmp_path)
    dump["edges"][0]["evidence"] = [{"document": "doc-1"}]
    with pytest.raises(ExportError, match="evidence rule: Field required"):
        export_csv(dump, tmp_path)


def test_edge_columns_have_the_type_the_schema_declares(tmp_path):
    dump = make_dump()  # one edge says since 2024 (a number), the other "2023-04"
    dump["edges"][1]["properties"]["current"] = True
    out = export_csv(dump, tmp_path)
    header = (out / "relationships.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "since," in header and "current:boolean" in header
