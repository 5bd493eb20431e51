"""Chinese names: aliases in both scripts, lookups, and Chinese documents (entities only)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.data import REGISTRY_DIR
from hkweb3.errors import InputError
from hkweb3.graph.store import Store
from hkweb3.loaders.chinese import ChineseMentions, is_chinese, name_variants
from hkweb3.loaders.registry import read_registry

# Our own sentences (no relation extraction is asked of them, only the names).
PARAGRAPH = (
    "昨日，证监会与香港金融管理局联合发出通函，提醒持牌机构留意风险。"
    "眾安銀行表示，已為多家虛擬資產平台開設獨立賬戶；"
    "交通銀行(香港)亦確認正在檢討相關服務。"
)


@pytest.fixture(scope="module")
def registry():
    return read_registry(REGISTRY_DIR)


@pytest.fixture
def registry_store(store: Store, registry) -> Store:
    store.write(registry)
    return store


def test_registry_chinese_names_become_aliases_in_both_scripts(registry):
    za = next(e for e in registry.entities if e.id == "za-bank")
    assert {"眾安銀行", "众安银行", "眾安銀行有限公司"} <= set(za.aliases)
    assert za.attributes["name_zh"] == "眾安銀行"
    bocom_hk = next(e for e in registry.entities if e.id == "bocom-hk")
    # full-width brackets, ASCII ones, Simplified, and without the company suffix
    assert {"交通銀行（香港）", "交通銀行(香港)", "交通银行(香港)"} <= set(bocom_hk.aliases)


def test_variants_come_from_opencc_not_a_table_of_ours():
    assert name_variants("證監會") == {"證監會", "证监会"}
    assert name_variants("财经事务及库务局") == {"财经事务及库务局", "財經事務及庫務局"}


@pytest.mark.parametrize(("ref", "entity"), [
    ("眾安銀行", "za-bank"), ("众安银行", "za-bank"), ("證監會", "sfc"),
    ("证券及期货事务监察委员会", "sfc"), ("金管局", "hkma"), ("財經事務及庫務局", "fstb"),
    ("陳德霖", "norman-chan"), ("李家超", "john-lee"), ("交通银行（香港）", "bocom-hk"),
])
def test_find_entity_accepts_chinese_names(registry_store, config, ref, entity):
    rows = api.run_query("find-entity", {"ref": ref}, config).rows
    assert [r["id"] for r in rows] == [entity]


def test_an_entity_parameter_resolves_a_simplified_name(registry_store, config):
    result = api.run_query("people-at", {"org": "众安银行"}, config)
    assert result.notes == ["org: '众安银行' is ZA Bank (id za-bank)"]
    assert "Ronald Iu" in {r["person"] for r in result.rows}


def test_path_accepts_chinese_names(registry_store, config):
    rows = api.path("众安银行", "金管局", config=config)
    ends = {rows[0]["source"], rows[0]["target"], rows[-1]["source"], rows[-1]["target"]}
    assert {"ZA Bank", "Hong Kong Monetary Authority"} <= ends


def test_a_chinese_paragraph_yields_its_four_institutions(registry):
    found = ChineseMentions(registry.entities).find(PARAGRAPH)
    assert [entity for entity, _, _ in found] == ["sfc", "hkma", "za-bank", "bocom-hk"]
    start, end = found[3][1:]
    assert PARAGRAPH[start:end] == "交通銀行(香港)"  # the longest name, not 交通銀行 (bocom)


def test_a_latin_name_inside_a_longer_word_is_not_a_mention(registry):
    finder = ChineseMentions(registry.entities)
    assert [e for e, _, _ in finder.find("HKTV 與 HKT 合作")] == ["hkt"]


def test_language_is_told_by_the_script():
    assert is_chinese(PARAGRAPH)
    assert not is_chinese("ZA Bank (眾安銀行) opened accounts for licensed platforms.")


def test_a_chinese_document_is_stored_with_its_entities_only(registry_store, config,
                                                             tmp_path, cli_env):
    doc = tmp_path / "zh-circular.md"
    doc.write_text(f"---\ntitle: 通函\npublished: 2026-11-20\n---\n{PARAGRAPH}\n",
                   encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(doc)], env=cli_env,
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert f"note: {doc}: entities only (zh)" in result.stderr
    stored = registry_store.read(
        "MATCH (d:Document {id: 'zh-circular'})-[:MENTIONS]->(e:Entity) "
        "RETURN d.language AS language, collect(e.id) AS named").rows
    assert stored[0]["language"] == "zh"
    assert sorted(stored[0]["named"]) == ["bocom-hk", "hkma", "sfc", "za-bank"]
    edges = registry_store.read("MATCH (a:Entity)-[r]->(b:Entity) "
                                "WHERE 'zh-circular' IN r.sources RETURN count(r) AS n").rows
    assert edges[0]["n"] == 0  # no relations claimed from Chinese text


def test_chinese_names_of_an_unknown_id_are_refused(tmp_path):
    (tmp_path / "names.yaml").write_text("names_zh:\n  - {id: nobody, zh: [無名氏]}\n",
                                         encoding="utf-8")
    with pytest.raises(InputError, match=r"names\.yaml:2: names_zh names unknown id 'nobody'"):
        read_registry(tmp_path)


def test_the_html_search_finds_an_entity_by_its_chinese_name(registry, browser, tmp_path):
    from hkweb3.viz import render_html
    from tests.viz_support import node, open_graph

    za, hkma = (next(e for e in registry.entities if e.id == i) for i in ("za-bank", "hkma"))
    graph = {"nodes": [node(e.id, e.name, e.kind, aliases=e.aliases, properties=e.attributes)
                       for e in (za, hkma)],
             "edges": [], "documents": []}
    watched = open_graph(browser, render_html(graph, tmp_path / "zh.html", physics=False))
    for query, found in (("众安银行", "za-bank"), ("金管局", "hkma"), ("眾安銀行", "za-bank")):
        watched.page.fill("#search-input", query)
        watched.page.click("#search button")
        assert watched.js("() => hkweb3.state.selected") == found
    heading = watched.js("() => document.querySelector('#panel h2').textContent")
    assert heading == "ZA Bank · 眾安銀行"  # the Chinese name beside the English one
    assert watched.errors == [] and watched.stray_requests == []
    watched.page.close()
