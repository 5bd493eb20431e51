"""Places stay context: analysis leaves the schema's context kinds out unless asked, and
`hkweb3 path` agrees with the named query shortest-path on the shipped graph."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.errors import QueryError, SchemaError
from hkweb3.graph.analysis import GraphFilter, from_dump
from hkweb3.graph.schema import load_schema
from hkweb3.queries.library import load_library

# Pairs whose shortest link runs through Hong Kong when places are counted (Accumulus and
# ZA Bank are both located there), and pairs it does not touch.
PAIRS = [("accumulus", "za-bank"), ("accumulus", "hkma"), ("za-bank", "sfc"),
         ("mox-bank", "hashkey-exchange")]


def test_the_schema_says_which_kinds_are_places(tmp_path):
    assert load_schema().context_kinds == ["Place"]
    schema = tmp_path / "schema.yaml"
    edges = "edge_types:\n  IN:\n    source: [Firm]\n    target: [Area]\n"
    schema.write_text("node_kinds:\n  Area:\n    context: true\n  City:\n    extends: Area\n"
                      "  Firm: {}\n" + edges, encoding="utf-8")
    assert load_schema(schema).context_kinds == ["Area", "City"]
    schema.write_text("node_kinds:\n  Area:\n    contxt: true\n" + edges, encoding="utf-8")
    with pytest.raises(SchemaError, match=r"Area: unknown field\(s\) \['contxt'\]"):
        load_schema(schema)


def test_analysis_leaves_places_out_unless_asked():
    dump = {"nodes": [{"id": "za", "name": "ZA Bank", "kind": "VirtualBank"},
                      {"id": "osl", "name": "OSL", "kind": "TradingPlatform"},
                      {"id": "hk", "name": "Hong Kong", "kind": "Place"}],
            "edges": [{"source": s, "type": "LOCATED_IN", "target": "hk"} for s in ("za", "osl")]}
    assert sorted(from_dump(dump)) == ["osl", "za"]
    assert sorted(from_dump(dump, GraphFilter(with_places=True))) == ["hk", "osl", "za"]
    # Naming a place kind asks for it.
    assert sorted(from_dump(dump, GraphFilter(kinds=["Place", "Bank"]))) == ["hk", "za"]
    # An edited export's node of no known kind is no place: it stays.
    dump["nodes"].append({"id": "x", "name": "X"})
    assert sorted(from_dump(dump)) == ["osl", "x", "za"]


def test_the_named_query_walks_every_type_that_cannot_reach_a_place():
    # A WHERE on the path's nodes would not steer ArcadeDB's shortestPath: the query keeps
    # places out by the types it walks, which must stay in step with the schema.
    schema = load_schema()
    places = schema.context_kinds

    def may_reach_place(edge) -> bool:
        ends = [end for end in edge.source + edge.target if end != schema.document_label]
        return any(k in places for end in ends for k in schema.kinds_under(end))

    expected = {e.name for e in schema.edges.values()
                if not e.provenance and not may_reach_place(e)}
    cypher = load_library()["shortest-path"].cypher
    walked = re.search(r"shortestPath\(\(a\)-\[:([A-Z_|]+)\*\.\.\d+\]-\(b\)\)", cypher).group(1)
    assert set(walked.split("|")) == expected
    assert "LOCATED_IN" not in expected


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_path_and_the_named_query_agree(built, a, b):
    rows = api.path(a, b, config=built)
    (found,) = api.run_query("shortest-path", {"from": a, "to": b}, built).rows
    assert max(r["step"] for r in rows) == found["length"]
    places = {n["name"] for n in api.dump(built)["nodes"] if n["kind"] == "Place"}
    assert places and not places & set(found["entities"])
    assert not places & ({r["source"] for r in rows} | {r["target"] for r in rows})


def test_with_places_a_path_may_run_through_a_place(built):
    through = api.path("accumulus", "za-bank", where=GraphFilter(with_places=True), config=built)
    assert [r["target"] for r in through if r["step"] == 1][0] == "Hong Kong"
    assert max(r["step"] for r in through) == 2
    assert max(r["step"] for r in api.path("accumulus", "za-bank", config=built)) == 3
    with pytest.raises(QueryError, match="places are left out unless asked for: --with-places"):
        api.path("za-bank", "Hong Kong", config=built)


def test_cli_analysis_has_with_places(built, cli_env):
    def central(*extra: str) -> set[str]:
        result = CliRunner().invoke(cli, ["centrality", "--format", "json", *extra], env=cli_env)
        assert result.exit_code == 0, result.output
        return {row["kind"] for row in json.loads(result.output)}

    assert "Place" not in central() and "Place" in central("--with-places")
    result = CliRunner().invoke(cli, ["communities", "--with-places", "--format", "json"],
                                env=cli_env)
    assert result.exit_code == 0 and "Hong Kong" in result.output
    def path(*extra: str) -> list[str]:
        result = CliRunner().invoke(cli, ["path", "accumulus", "za-bank", "--format", "json",
                                          *extra], env=cli_env)
        assert result.exit_code == 0, result.output
        return [row["target"] for row in json.loads(result.output)]

    assert "Hong Kong" not in path() and "Hong Kong" in path("--with-places")
    result = CliRunner().invoke(cli, ["path", "za-bank", "Hong Kong"], env=cli_env)
    assert result.exit_code != 0 and "--with-places" in result.output


def test_path_says_which_entity_a_name_was_taken_for(built, cli_env):
    result = CliRunner().invoke(cli, ["path", "ZA Bank", "SFC", "--format", "json"],
                                env=cli_env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["source"] == "ZA Bank"
    assert result.stderr.splitlines() == [
        "note: from: 'ZA Bank' is ZA Bank (id za-bank)",
        "note: to: 'SFC' is Securities and Futures Commission (id sfc)"]
    by_id = CliRunner().invoke(cli, ["path", "za-bank", "sfc"], env=cli_env)
    assert by_id.exit_code == 0 and by_id.stderr == ""
