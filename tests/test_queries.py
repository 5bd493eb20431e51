"""The library of named queries, run on the graph built from data/."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.errors import QueryError
from hkweb3.queries.library import load_library


def run(config, name, **params):
    return api.run_query(name, params, config).rows


def test_the_library_has_at_least_fifteen_documented_queries():
    library = load_library()
    assert len(library) >= 15
    for query in library.values():
        assert query.description and query.cypher
        for param in query.params:
            assert param.description, (query.name, param.name)


@pytest.mark.parametrize("name", sorted(load_library()))
def test_every_query_runs_with_its_defaults(built, name):
    values = {"ref": "ZA Bank"} if name == "find-entity" else {}
    result = api.run_query(name, values, built)
    # The shipped data has no conflict left, and no centrality is written back yet.
    if name not in {"conflicting-claims", "most-central"}:
        assert result.rows and result.columns, name


def test_platform_banks_of_hashkey_pro_by_alias(built):
    banks = {row["bank"] for row in run(built, "platform-banks", platform="HashKey PRO")}
    assert {"ZA Bank", "Bank of Communications (Hong Kong)"} <= banks


def test_a_name_given_for_an_entity_says_which_entity_it_was_taken_to_mean(built):
    by_alias = CliRunner().invoke(cli, ["query", "owners", "-p", "entity=Mox Bank"],
                                  env={"HKWEB3_HOME": str(built.home)})
    assert by_alias.exit_code == 0
    assert by_alias.stderr == "note: entity: 'Mox Bank' is Mox Bank (id mox-bank)\n"
    by_id = CliRunner().invoke(cli, ["query", "owners", "-p", "entity=mox-bank"],
                               env={"HKWEB3_HOME": str(built.home)})
    assert by_id.exit_code == 0 and by_id.stderr == ""


def test_banks_serving_platforms(built):
    pairs = {(r["bank"], r["platform"]) for r in run(built, "banks-serving-platforms")}
    assert ("ZA Bank", "OSL") in pairs and ("ZA Bank", "HashKey Exchange") in pairs


def test_control_chain_and_owners(built):
    chain = run(built, "control-chain", entity="za-bank")
    assert chain[0]["entity"] == "ZhongAn Online P&C Insurance" and chain[0]["level"] == 1
    holders = {r["holder"]: r["share"] for r in run(built, "owners", entity="Mox Bank")}
    assert holders["HKT"] == "15%"


def test_people_and_roles_with_sources(built):
    people = {r["person"] for r in run(built, "people-at", org="ZA Bank")}
    assert {"Ben Sin", "Ronald Iu", "Calvin Ng"} <= people
    roles = run(built, "roles-of", person="Chan Tak-lam")
    chief = [r for r in roles if r["role"] == "chief executive" and r["until"]]
    assert chief and chief[0]["current"] is False and chief[0]["sources"]


def test_regulators_licences_and_paths(built):
    regulators = {(r["relation"], r["regulator"]) for r in run(built, "regulators", entity="osl")}
    assert ("LICENSED_BY", "Securities and Futures Commission") in regulators
    timeline = run(built, "licence-timeline", regulator="SFC")
    dated = [r["since"] for r in timeline if r["since"]]
    assert dated == sorted(dated) and "OSL" in {r["licensee"] for r in timeline}
    assert len(run(built, "licence-timeline", regulator="HKMA", limit=3)) == 3
    (path,) = run(built, "shortest-path", **{"from": "ZA Bank", "to": "SFC"})
    assert path["entities"][0] == "ZA Bank" and path["length"] == 2


def test_documents_evidence_and_dates(built):
    docs = run(built, "documents-mentioning", entity="za-bank")
    dated = [d["published"] for d in docs if d["published"]]
    assert dated and dated == sorted(dated, reverse=True)
    facts = run(built, "evidence-between", a="za-bank", b="hashkey-exchange")
    assert any(f["relation"] == "PROVIDES_BANKING_TO" and f["evidence"] for f in facts)
    recent = run(built, "reported-since", since="2025-01-01")
    assert recent and all(r["first_reported"] >= "2025-01-01" for r in recent)


def test_lookup_and_subsidiaries(built):
    assert run(built, "find-entity", ref="bocom hk")[0]["id"] == "bocom-hk"
    assert [r["subsidiary"] for r in run(built, "subsidiaries", parent="bocom")] == [
        "Bank of Communications (Hong Kong)"]


def test_most_central_reads_written_back_scores(built):
    from hkweb3.graph.store import open_store

    scores = {"hkma": 0.3, "sfc": 0.2, "za-bank": 0.1, "ben-sin": 0.9}
    with open_store(built) as store:
        store.execute("UNWIND $rows AS row MATCH (e:Entity {id: row.id}) "
                      "SET e.pagerank = row.score", {"rows": [
                          {"id": k, "score": v} for k, v in scores.items()]}, write=True)
        try:
            rows = run(built, "most-central", limit=2)
            assert [r["entity"] for r in rows] == ["Hong Kong Monetary Authority",
                                                   "Securities and Futures Commission"]
            banks = run(built, "most-central", kind="Bank")
            assert [r["entity"] for r in banks] == ["ZA Bank"]
        finally:
            store.execute("MATCH (e:Entity) WHERE e.pagerank IS NOT NULL REMOVE e.pagerank",
                          write=True)


def test_unknown_query_and_parameters_are_clear_errors(built):
    with pytest.raises(QueryError, match="no query named 'nope'"):
        api.run_query("nope", {}, built)
    with pytest.raises(QueryError, match="has no parameter 'colour'"):
        api.run_query("platform-banks", {"colour": "red"}, built)
    with pytest.raises(QueryError, match="needs parameter 'ref'"):
        api.run_query("find-entity", {}, built)
    with pytest.raises(QueryError, match="unknown kind 'Bnak'"):
        api.run_query("most-central", {"kind": "Bnak"}, built)
    with pytest.raises(QueryError, match="'many' is not a valid int"):
        api.run_query("most-central", {"limit": "many"}, built)
    with pytest.raises(QueryError, match="no entity has the id, name or alias 'Atlantis Bank'"):
        api.run_query("platform-banks", {"platform": "Atlantis Bank"}, built)


@pytest.mark.parametrize("hostile", [
    "'}) DETACH DELETE n //", 'za-bank"}) MATCH (n) DETACH DELETE n //', "{id: 'x'}",
    "` MATCH (n) DELETE n", "\x00; DROP",
])
def test_injection_in_parameters_is_inert(built, hostile):
    before = api.stats(built)
    with pytest.raises(QueryError):
        api.run_query("people-at", {"org": hostile}, built)
    assert run(built, "find-entity", ref=hostile) == []
    assert api.stats(built) == before


def test_cli_lists_and_runs_queries(built, cli_env):
    listing = CliRunner().invoke(cli, ["query", "--format", "json"], env=cli_env)
    names = {q["name"] for q in json.loads(listing.stdout)}
    assert {"platform-banks", "shortest-path", "conflicting-claims"} <= names
    result = CliRunner().invoke(cli, ["query", "platform-banks", "-p", "platform=HashKey PRO",
                                      "--format", "csv"], env=cli_env)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "bank,kind,service,sources"
    bad = CliRunner().invoke(cli, ["query", "platform-banks", "-p", "oops"], env=cli_env)
    assert bad.exit_code == 2
    missing = CliRunner().invoke(cli, ["query", "no-such-query"], env=cli_env)
    assert missing.exit_code == 2
    assert missing.output == "Error: no query named 'no-such-query'; `hkweb3 query` lists them\n"


def test_paths_print_readably_as_json(built, cli_env):
    result = CliRunner().invoke(cli, ["cypher", "MATCH p = (a:Bank {id: 'za-bank'})"
                                      "-[:PROVIDES_BANKING_TO]->(b:TradingPlatform {id: 'osl'}) "
                                      "RETURN p", "--format", "json"], env=cli_env)
    (row,) = json.loads(result.stdout)
    assert [n["id"] for n in row["p"]["nodes"]] == ["za-bank", "osl"]
    assert {r["type"] for r in row["p"]["relationships"]} == {"PROVIDES_BANKING_TO"}
