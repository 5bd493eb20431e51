"""Public registers: the shipped snapshots, periods across snapshots, refusal of bad rows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.data import REGISTERS_DIR, REGISTRY_DIR
from hkweb3.errors import InputError
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.store import Store, open_store
from hkweb3.loaders.registers import read_mapping, read_snapshot
from hkweb3.loaders.registry import read_registry
from tests.conftest import clear

LICENCES = (
    "MATCH (a:Entity)-[r:LICENSED_BY]->(b:Entity {id: $regulator}) "
    "WHERE r.status IS NOT NULL OR $any "
    "RETURN a.id AS id, r.licence AS licence, r.status AS status, r.since AS since, "
    "r.until AS until, r.current AS current ORDER BY id, since"
)

MAPPING = """\
register: test-list
title: A test list of platforms
publisher: Securities and Futures Commission
url: https://example.org/list
kind: TradingPlatform
name: Operator
since: Licensed on
status:
  column: Status
  values:
    licensed: {licence: test licence}
    applicant: {licence: test licence (applicant)}
edges:
  - type: LICENSED_BY
    target: sfc
"""


@pytest.fixture(scope="module")
def shipped(config: StoreConfig, tmp_path_factory: pytest.TempPathFactory) -> StoreConfig:
    """The registry and the shipped registers (no documents: they are not under test)."""
    with open_store(config) as opened:
        opened.setup_schema()
        clear(opened)
    report = api.build(config, documents=tmp_path_factory.mktemp("no-documents"))
    assert [r.status for r in report.registers] == ["loaded"] * 5
    return config


def _rows(config: StoreConfig, regulator: str, any_edge: bool = False) -> list[dict]:
    with open_store(config, read_only=True) as store:
        return store.read(LICENCES, {"regulator": regulator, "any": any_edge}).rows


def test_shipped_registers_give_the_licensed_platforms_and_issuers(shipped):
    sfc = _rows(shipped, "sfc")
    licensed = sorted(r["id"] for r in sfc if r["current"] and r["status"] == "licensed")
    assert licensed == ["accumulus", "bullish-hk", "dfx-labs", "hash-blockchain",
                        "hkbitex", "hkvax", "hong-kong-bge", "osl", "thousand-whales",
                        "victory-fintech"]
    hkma = _rows(shipped, "hkma", any_edge=True)
    issuers = sorted(r["id"] for r in hkma if r["licence"] == "stablecoin issuer licence")
    assert issuers == ["anchorpoint", "hsbc"]
    banks = {r["id"] for r in hkma if r["licence"] == "virtual banking licence"}
    assert len(banks) == 8 and "za-bank" in banks  # the HTML page's two tables


def test_a_platform_keeps_its_applicant_period_beside_its_licence(shipped):
    victory = [r for r in _rows(shipped, "sfc") if r["id"] == "victory-fintech"]
    assert [(r["status"], r["since"], r["until"], r["current"]) for r in victory] == [
        ("applicant", "2023-09-29", "2026-02-16", False),  # first listed; gone in 2026
        ("licensed", "2026-02-13", None, True),  # the row's own licence date
    ]


def test_evidence_names_the_register_its_date_and_the_row(shipped):
    with open_store(shipped, read_only=True) as store:
        rows = store.read("MATCH (:Entity {id: 'victory-fintech'})-[r:LICENSED_BY]->"
                          "(:Entity {id: 'sfc'}) WHERE r.status = 'licensed' "
                          "RETURN r.evidence AS evidence").rows
    evidence = [json.loads(e) for e in rows[0]["evidence"]]
    assert evidence == [{
        "document": "sfc-vatp-2026-02-16", "published": "2026-02-16", "rule": "register",
        "confidence": 1.0,
        "sentence": "row 11: Operator: Victory Fintech Company Limited | Status: licensed | "
                    "Licensed on: 2026-02-13 | Platform: VDX",
    }]


def test_rebuilding_finds_every_register_unchanged(shipped, tmp_path):
    report = api.build(shipped, documents=tmp_path)
    assert {r.status for r in report.registers} == {"unchanged"}


@pytest.fixture
def registry_store(store: Store) -> Store:
    """An emptied store holding the registry (the registers' regulators among it)."""
    store.write(read_registry(REGISTRY_DIR))
    return store


def _register(folder: Path, snapshots: dict[str, str]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    (folder / "test-list.yaml").write_text(MAPPING, encoding="utf-8")
    paths = []
    for date, text in snapshots.items():
        path = folder / f"test-list-{date}.csv"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _test_list(store: Store) -> list[tuple]:
    rows = store.read("MATCH (a:Entity)-[r:LICENSED_BY]->(:Entity {id: 'sfc'}) "
                      "WHERE r.licence STARTS WITH 'test licence' "
                      "RETURN a.id AS id, r.status AS status, r.since AS since, "
                      "r.until AS until, r.current AS current ORDER BY id, since").rows
    return [tuple(r.values()) for r in rows]


def test_a_newer_snapshot_updates_a_status_and_closes_a_period(registry_store, config,
                                                                tmp_path):
    store = registry_store
    first, second = _register(tmp_path / "lists", {
        "2025-01-10": "Operator,Status,Licensed on\nHarbour Exchange,applicant,\n"
                      "Quay Markets,licensed,2024-05-02\n",
        "2025-07-01": "Operator,Status,Licensed on\nHarbour Exchange,licensed,2025-06-20\n",
    })
    api.ingest([first], config)
    assert _test_list(store) == [
        ("harbour-exchange", "applicant", "2025-01-10", None, True),
        ("quay-markets", "licensed", "2024-05-02", None, True),
    ]
    results = api.ingest([second], config)  # only the newer file: the rest is stored
    assert [r.status for r in results] == ["loaded"]
    assert _test_list(store) == [
        ("harbour-exchange", "applicant", "2025-01-10", "2025-07-01", False),
        ("harbour-exchange", "licensed", "2025-06-20", None, True),
        ("quay-markets", "licensed", "2024-05-02", "2025-07-01", False),  # no longer listed
    ]
    again = api.ingest([tmp_path / "lists"], config)  # both files, as a folder: no change
    assert [r.status for r in again] == ["unchanged"]
    assert len(_test_list(store)) == 3


def test_a_row_that_does_not_fit_is_refused_whole(registry_store, config, tmp_path):
    store = registry_store
    good, bad = _register(tmp_path / "lists", {
        "2025-01-10": "Operator,Status,Licensed on\nHarbour Exchange,licensed,2024-01-02\n",
        "2025-07-01": "Operator,Status,Licensed on\nHarbour Exchange,licensed,2024-01-02\n"
                      "Quay Markets,pending review,\n",
    })
    api.ingest([good], config)
    before = _test_list(store)
    results = api.ingest([bad], config)
    assert [r.status for r in results] == ["error"]
    assert results[0].error == (f"{bad}: row 3: column 'Status': 'pending review' is not one "
                                "of ['licensed', 'applicant']")
    assert _test_list(store) == before  # the stored snapshot is untouched
    assert not store.document_hashes(["test-list-2025-07-01"])


@pytest.mark.parametrize(("text", "problem"), [
    ("Operator,Status,Licensed on\n,licensed,\n", "row 2: column 'Operator': empty"),
    ("Operator,Status,Licensed on\nA,licensed,18/12/2024\n",
     "row 2: column 'Licensed on': '18/12/2024' is not a date"),
    ("Operator,Status,Licensed on\nA,licensed\n", "row 2: 2 cells where the header has 3"),
    ("Name,Status\nA,licensed\n", "no table has the column(s) ['Operator', 'Licensed on']"),
])
def test_each_misfit_names_the_file_row_and_column(tmp_path, text, problem):
    (path,) = _register(tmp_path, {"2025-01-10": text})
    with pytest.raises(InputError, match="^" + str(path).replace(".", r"\.") + ": ") as err:
        read_snapshot(path, read_mapping(tmp_path / "test-list.yaml"))
    assert problem in str(err.value)


def test_html_pages_give_the_rows_of_every_fitting_table(tmp_path):
    shutil.copy(REGISTERS_DIR / "hkma-virtual-banks.yaml", tmp_path)
    page = tmp_path / "hkma-virtual-banks-2026-01-01.html"
    page.write_text("<html><body><table><tr><td>a layout table</td></tr></table>"
                    "<table><tr><th>Bank</th><th>Brand</th><th>Licensed on</th>"
                    "<tr><td>Harbour <b>Virtual</b> Bank</td><td>HVB<td>2020-02-02"
                    "</table></body></html>", encoding="utf-8")  # cells left unclosed
    snapshot = read_snapshot(page, read_mapping(tmp_path / "hkma-virtual-banks.yaml"))
    assert [row for _, row in snapshot.rows] == [
        {"Bank": "Harbour Virtual Bank", "Brand": "HVB", "Licensed on": "2020-02-02"}]


def test_registers_command_lists_the_mappings(cli_env):
    result = CliRunner().invoke(cli, ["registers", "--format", "json"], env=cli_env,
                                catch_exceptions=False)
    assert result.exit_code == 0
    rows = {r["register"]: r for r in json.loads(result.output)}
    assert set(rows) == {"sfc-vatp", "hkma-stablecoin-issuers", "hkma-virtual-banks",
                         "hkma-sandboxes", "hkex-va-etfs"}
    assert rows["sfc-vatp"]["snapshots"] == "2023-09-29, 2024-06-03, 2024-12-18, 2026-02-16"
    assert rows["hkex-va-etfs"]["edges"] == "CUSTODIAN_OF, ISSUES"


def test_every_shipped_snapshot_cites_its_sources():
    for mapping in sorted(REGISTERS_DIR.glob("*.yaml")):
        sources = yaml.safe_load(mapping.read_text(encoding="utf-8")).get("sources") or {}
        dates = {p.stem.removeprefix(f"{mapping.stem}-")
                 for p in REGISTERS_DIR.glob(f"{mapping.stem}-*") if p.suffix != ".yaml"}
        assert dates and dates == {str(d) for d in sources}, mapping.name
        assert all(isinstance(s, str) and "http" in s for d in sources for s in sources[d])
