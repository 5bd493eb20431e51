"""Analysts' judgements, dry runs and review, against the real embedded store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.errors import InputError
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.models import Entity, Evidence, GraphBatch, Relation
from hkweb3.graph.store import open_store
from hkweb3.loaders.judgements import Judgement, Judgements, analyst_file, read_judgements
from tests.conftest import clear

# Two write-ups, in our own words, that name one firm in two spellings.
CUSTODY = """---
title: A custody deal for a Kowloon platform
outlet: Example Wire
published: 2025-06-02
---
Harbourlink Digital is licensed by the Securities and Futures Commission.
ZA Bank provides settlement accounts to Harbourlink Digital, the lender said.
"""
EXPANDS = """---
title: The platform widens its banking
outlet: Example Ledger
published: 2025-07-15
---
Bank of Communications (Hong Kong) provides custody accounts to Harbour Link Digital, the bank said.
Harbour Link Digital is regulated by the Hong Kong Monetary Authority.
"""


@pytest.fixture
def judged_config(config: StoreConfig) -> Iterator[StoreConfig]:
    """The session's store, emptied, with no analyst judgements before or after."""
    file = analyst_file(config.home)
    file.unlink(missing_ok=True)
    with open_store(config) as store:
        store.setup_schema()
        clear(store)
    yield config
    file.unlink(missing_ok=True)


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "harbourlink-custody.md").write_text(CUSTODY, encoding="utf-8")
    (folder / "harbourlink-expands.md").write_text(EXPANDS, encoding="utf-8")
    return folder


def facts(config: StoreConfig) -> dict[tuple[str, str, str], list[str]]:
    return {(e["source"], e["type"], e["target"]): sorted(e["properties"]["sources"])
            for e in api.dump(config)["edges"]}


def node(config: StoreConfig, entity_id: str) -> dict | None:
    return next((n for n in api.dump(config)["nodes"] if n["id"] == entity_id), None)


def test_dry_run_writes_nothing_and_lists_what_ingest_then_writes(judged_config, news):
    api.ingest([news / "harbourlink-custody.md"], judged_config)
    before = api.stats(judged_config)
    preview = api.ingest_dry_run([news], judged_config)
    assert api.stats(judged_config) == before
    statuses = {(n["document"], n["id"]): n["status"] for n in preview.nodes}
    assert statuses[("harbourlink-expands", "harbour-link-digital")] == "new"
    assert statuses[("harbourlink-expands", "bocom-hk")] == "new"
    assert [r.status for r in preview.results] == ["unchanged", "added"]
    previewed = {(e["source"], e["type"], e["target"]) for e in preview.edges}
    for edge in preview.edges:
        assert edge["status"] == "new" and edge["evidence"][0]["sentence"]
        assert edge["evidence"][0]["rule"]
    api.ingest([news], judged_config)
    written = {k for k, sources in facts(judged_config).items()
               if "harbourlink-expands" in sources}
    assert previewed == written and len(previewed) == 2


def test_dry_run_json_has_the_export_shape(judged_config, news, cli_env):
    result = CliRunner().invoke(cli, ["ingest", "--dry-run", "--format", "json", str(news)],
                                env=cli_env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"nodes", "edges", "documents"}
    exported = api.dump(judged_config)
    assert exported["nodes"] == []  # nothing was written
    edge = data["edges"][0]
    assert {"source", "target", "type", "properties", "evidence"} <= set(edge)
    assert {d["id"] for d in data["documents"]} == {"harbourlink-custody",
                                                   "harbourlink-expands"}


def test_merge_survives_two_rebuilds_with_the_sources_of_both(judged_config, news):
    api.ingest([news], judged_config)
    custody, expands = node(judged_config, "harbourlink-digital"), node(
        judged_config, "harbour-link-digital")
    assert custody and expands
    done = api.judge_same(["harbourlink-digital", "Harbour Link Digital"], judged_config)
    assert done["merged"] == ["harbour-link-digital"]
    for _ in range(2):
        api.build(judged_config, documents=news)
    assert node(judged_config, "harbour-link-digital") is None
    kept = node(judged_config, "harbourlink-digital")
    assert set(kept["sources"]) >= {"harbourlink-custody", "harbourlink-expands"}
    assert "Harbour Link Digital" in kept["aliases"]
    assert kept["properties"]["merged_from"] == ["harbour-link-digital"]
    edges = facts(judged_config)
    assert edges[("za-bank", "PROVIDES_BANKING_TO", "harbourlink-digital")] == [
        "harbourlink-custody"]
    assert edges[("bocom-hk", "PROVIDES_BANKING_TO", "harbourlink-digital")] == [
        "harbourlink-expands"]
    assert edges[("harbourlink-digital", "REGULATED_BY", "hkma")] == ["harbourlink-expands"]
    assert not [k for k in edges if "harbour-link-digital" in k]
    # The former name still finds the entity.
    rows = api.run_query("find-entity", {"ref": "harbour link digital"}, judged_config).rows
    assert [r["id"] for r in rows] == ["harbourlink-digital"]


def test_a_fresh_build_with_the_judgement_gives_the_merged_graph(judged_config, news):
    file = analyst_file(judged_config.home)
    file.write_text("- same: [harbourlink-digital, harbour-link-digital]\n", encoding="utf-8")
    api.build(judged_config, documents=news)
    assert node(judged_config, "harbour-link-digital") is None
    kept = node(judged_config, "harbourlink-digital")
    assert set(kept["sources"]) == {"harbourlink-custody", "harbourlink-expands"}
    assert kept["aliases"] == ["Harbour Link Digital"]


def test_a_rejected_fact_stays_absent_after_reingesting(judged_config, news):
    api.ingest([news], judged_config)
    key = ("harbourlink-digital", "LICENSED_BY", "sfc")
    assert key in facts(judged_config)
    api.judge_reject("Harbourlink Digital", "LICENSED_BY", "SFC", config=judged_config)
    assert key not in facts(judged_config)
    # Edited (a new content hash: its claims are replaced), then withdrawn and read again.
    custody = news / "harbourlink-custody.md"
    custody.write_text(CUSTODY + "The platform opened in 2024.\n", encoding="utf-8")
    assert [r.status for r in api.ingest([custody], judged_config)] == ["replaced"]
    api.forget(["harbourlink-custody"], judged_config)
    api.ingest([custody], judged_config)
    edges = facts(judged_config)
    assert key not in edges
    assert ("za-bank", "PROVIDES_BANKING_TO", "harbourlink-digital") in edges


def test_a_rejection_for_one_document_keeps_the_others_evidence(judged_config, news):
    other = news / "second-licence.md"
    other.write_text("Harbourlink Digital is licensed by the Securities and Futures "
                     "Commission, a filing shows.\n", encoding="utf-8")
    api.ingest([news], judged_config)
    key = ("harbourlink-digital", "LICENSED_BY", "sfc")
    assert facts(judged_config)[key] == ["harbourlink-custody", "second-licence"]
    api.judge_reject("harbourlink-digital", "LICENSED_BY", "sfc",
                     document="harbourlink-custody", config=judged_config)
    assert facts(judged_config)[key] == ["second-licence"]
    api.build(judged_config, documents=news)
    assert facts(judged_config)[key] == ["second-licence"]


def test_different_stops_a_merge_review_proposed(judged_config, news):
    api.ingest([news], judged_config)
    proposed = [c for c in api.review(config=judged_config) if c.kind == "duplicate"]
    pair = [c for c in proposed
            if {c.details["keep"], c.details["merge"]} == {"harbourlink-digital",
                                                           "harbour-link-digital"}]
    assert pair and pair[0].reason == "punctuation"  # spacing apart, one name
    assert pair[0].command.startswith("hkweb3 judge same ")
    api.judge_different("harbourlink-digital", "harbour-link-digital", judged_config)
    after = [c for c in api.review(config=judged_config) if c.kind == "duplicate"]
    assert not [c for c in after if "harbour-link-digital" in c.details.values()]
    with pytest.raises(InputError, match=r"judgements\.yaml:3: 'same' .* contradicts "
                                         r"'different' at .*judgements\.yaml:2"):
        api.judge_same(["harbourlink-digital", "harbour-link-digital"], judged_config)
    assert node(judged_config, "harbour-link-digital") is not None
    assert len(read_judgements([analyst_file(judged_config.home)]).items) == 1


def test_review_lists_weak_facts_with_the_command_that_rejects_them(judged_config, news):
    api.ingest([news], judged_config)
    weak = [c for c in api.review(config=judged_config) if c.kind == "fact"]
    assert weak and all("single source" in c.reason for c in weak)
    licensed = next(c for c in weak if c.item == "harbourlink-digital -LICENSED_BY-> sfc")
    assert licensed.command == "hkweb3 judge reject harbourlink-digital LICENSED_BY sfc"
    assert licensed.details["sentence"].startswith("Harbourlink Digital is licensed")


def test_names_differing_by_a_legal_suffix_are_proposed(judged_config):
    with open_store(judged_config) as store:
        store.write(GraphBatch(entities=[
            Entity(id="harbourlink-digital-limited", name="Harbourlink Digital Limited",
                   kind="Company"),
            Entity(id="harbourlink-digital", name="Harbourlink Digital", kind="Company",
                   discovered=True),
            Entity(id="harbourlink-dig", name="Harbourlink, Digital!", kind="Person")]))
    rows = {c.details["merge"]: c for c in api.review(config=judged_config)}
    assert rows["harbourlink-digital"].reason == "legal suffix"
    assert rows["harbourlink-digital"].details["keep"] == "harbourlink-digital-limited"
    assert "harbourlink-dig" not in rows  # a person is no firm's duplicate


@pytest.mark.parametrize(("text", "error"), [
    ("- same: [a-firm, b-firm]\n- different: [b-firm, a-firm]\n",
     r"judgements\.yaml:2: 'different' for b-firm and a-firm contradicts 'same' at "
     r".*judgements\.yaml:1"),
    ("- different: [a-firm, b-firm]\n- same: [c-firm, a-firm, b-firm]\n",
     r"judgements\.yaml:2: 'same' for .* contradicts 'different' at .*judgements\.yaml:1"),
    ("- different: [a-firm, b-firm]\n- same: [a-firm, c-firm\n",
     r"judgements\.yaml:2: not valid YAML"),
    ("- merge: [a-firm, b-firm]\n", r"judgements\.yaml:1: each item is one of"),
    ("- same: [a-firm]\n", r"judgements\.yaml:1: same takes two or more"),
    ("- reject: {source: a-firm, type: LIKES, target: b-firm}\n",
     r"judgements\.yaml:1: unknown edge type 'LIKES'"),
])
def test_a_bad_judgements_file_stops_build_before_anything_is_written(judged_config, news,
                                                                     text, error):
    analyst_file(judged_config.home).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=error):
        api.build(judged_config, documents=news)
    assert api.stats(judged_config)["nodes"] == {}


def test_an_unknown_entity_is_refused_naming_file_and_line(judged_config, news, cli_env):
    api.ingest([news], judged_config)
    result = CliRunner().invoke(cli, ["judge", "same", "harbourlink-digital", "No Such Firm"],
                                env=cli_env)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "judgements.yaml:2: no entity has the id, name or alias 'No Such Firm'" in \
        result.output
    assert not analyst_file(judged_config.home).exists()
    judged = Judgements([Judgement("same", ("za-bank", "gone-firm"), Path("j.yaml"), 4)])
    with pytest.raises(InputError, match=r"^j\.yaml:4: no entity with id 'gone-firm'"):
        judged.check_known({"za-bank"})


def test_judge_list_shows_file_and_line(judged_config, news, cli_env):
    api.ingest([news], judged_config)
    runner = CliRunner()
    assert runner.invoke(cli, ["judge", "different", "harbourlink-digital",
                               "harbour-link-digital"], env=cli_env).exit_code == 0
    result = runner.invoke(cli, ["judge", "list", "--format", "json"], env=cli_env)
    rows = json.loads(result.output)
    assert rows[-1] == {"kind": "different",
                        "judgement": "harbourlink-digital harbour-link-digital",
                        "file": str(analyst_file(judged_config.home)), "line": 2}


def test_apply_moves_edges_drops_self_loops_and_rejected_evidence():
    def fact(source: str, target: str, document: str) -> Relation:
        return Relation(source=source, type="PARTNERS_WITH", target=target,
                        evidence=[Evidence(document=document, rule="test")])

    batch = GraphBatch(
        entities=[Entity(id="acme", name="Acme", kind="Company", discovered=True),
                  Entity(id="acme-ltd", name="Acme Ltd", kind="Company"),
                  Entity(id="beta", name="Beta", kind="Company")],
        relations=[fact("acme", "beta", "d1"), fact("acme-ltd", "beta", "d2"),
                   fact("acme", "acme-ltd", "d1"), fact("beta", "acme", "d3")],
        mentions=[])
    judged = Judgements([
        Judgement("same", ("acme-ltd", "acme")),
        Judgement("reject", ("beta", "acme"), type="PARTNERS_WITH", document="d3")])
    out = judged.apply(batch, {})
    assert [(e.id, e.name, e.aliases, e.attributes) for e in out.entities] == [
        ("acme-ltd", "Acme Ltd", ["Acme"], {"merged_from": ["acme"]}),
        ("beta", "Beta", [], {})]
    assert [(r.source, r.target, sorted(e.document for e in r.evidence))
            for r in out.relations] == [("acme-ltd", "beta", ["d1", "d2"])]
