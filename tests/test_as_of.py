"""The graph as of a date: `--as-of` on the named queries, the analysis commands and export
gives what the graph filtered to that date holds; `changes-between` and `timeline`."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.graph.export import graph_as_of
from hkweb3.graph.periods import PartialDate, Period

DATES = ["2019-06-30", "2023-06-30", "2025-01-01"]


@pytest.fixture(scope="module")
def shipped(built):
    """The built graph's config and its dump."""
    return built, api.dump(built)


def invoke(config, *args: str):
    result = CliRunner().invoke(cli, list(args), env={"HKWEB3_HOME": str(config.home)})
    return result


def names(dump):
    return {n["id"]: n["name"] for n in dump["nodes"]}


@pytest.mark.parametrize("day", DATES)
def test_a_dated_query_returns_what_the_dated_graph_holds(shipped, day):
    config, dump = shipped
    dated = graph_as_of(dump, dt.date.fromisoformat(day))
    expected = sorted(names(dump)[e["source"]] for e in dated["edges"]
                      if e["target"] == "za-bank" and e["type"] in ("HOLDS_ROLE", "CHAIRS"))
    result = invoke(config, "query", "people-at", "-p", "org=za-bank", "--as-of", day,
                    "--format", "json")
    assert result.exit_code == 0, result.output
    assert sorted(r["person"] for r in json.loads(result.stdout)) == expected


def test_a_later_chief_executive_is_not_there_before_they_began(shipped):
    config, _ = shipped
    rows = api.run_query("people-at", {"org": "za-bank", "asOf": dt.date(2023, 6, 30)}, config)
    people = {r["person"] for r in rows.rows}
    assert "Ronald Iu" in people and "Calvin Ng" not in people  # since 2023-04 / 2024-11
    later = api.run_query("people-at", {"org": "za-bank", "asOf": dt.date(2025, 1, 1)}, config)
    assert "Calvin Ng" in {r["person"] for r in later.rows}


def test_a_query_without_as_of_says_so(shipped):
    config, _ = shipped
    result = invoke(config, "query", "find-entity", "-p", "ref=osl", "--as-of", "2024-01-01")
    assert result.exit_code == 2
    assert "query 'find-entity' cannot be asked as of a date" in result.stderr


def test_export_as_of_keeps_only_the_facts_of_that_day(shipped, tmp_path):
    config, dump = shipped
    out = tmp_path / "graph-2022.json"
    result = invoke(config, "export", "--as-of", "2022-12-31", "--out", str(out))
    assert result.exit_code == 0, result.output
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert len(exported["nodes"]) == len(dump["nodes"])  # entities stay, facts are dated
    assert 0 < len(exported["edges"]) < len(dump["edges"])
    for edge in exported["edges"]:
        since = edge["properties"].get("since")
        assert since is None or PartialDate.parse(since).earliest <= dt.date(2022, 12, 31)


@pytest.mark.parametrize("day", DATES)
def test_analysis_as_of_gives_the_numbers_of_the_dated_graph(shipped, tmp_path, day):
    config, _ = shipped
    exported = tmp_path / "dated.json"
    assert invoke(config, "export", "--as-of", day, "--out", str(exported)).exit_code == 0
    for command in (["centrality", "--metric", "pagerank"], ["communities"],
                    ["brokers", "--from", "Bank", "--to", "TradingPlatform"]):
        from_store = invoke(config, *command, "--as-of", day, "--format", "json")
        from_file = invoke(config, *command, "--graph", str(exported), "--format", "json")
        assert from_store.exit_code == 0, from_store.output
        assert json.loads(from_store.stdout) == json.loads(from_file.stdout), command


def test_as_of_changes_the_scores(shipped):
    config, _ = shipped
    early = invoke(config, "centrality", "--as-of", "2019-06-30", "--format", "json")
    now = invoke(config, "centrality", "--format", "json")
    assert json.loads(early.stdout) != json.loads(now.stdout)


@pytest.mark.parametrize("day", ["2019-06-30", "2024-01-01"])
def test_path_as_of_goes_through_the_facts_of_that_day(shipped, tmp_path, day):
    config, _ = shipped
    exported = tmp_path / "dated.json"
    assert invoke(config, "export", "--as-of", day, "--out", str(exported)).exit_code == 0

    def steps(*where):
        result = invoke(config, "path", "ZA Bank", "SFC", *where, "--format", "json")
        assert result.exit_code == 0, result.output
        return [(r["step"], r["source"], r["relation"], r["target"])
                for r in json.loads(result.stdout)]

    assert steps("--as-of", day) == steps("--graph", str(exported))


def test_as_of_is_one_day_not_a_range(shipped):
    config, _ = shipped
    result = invoke(config, "centrality", "--as-of", "2024-01-01", "--since", "2023-01-01")
    assert result.exit_code == 2 and "--as-of is one day" in result.stderr


def test_changes_between_lists_every_fact_that_began_or_ended_in_the_range(shipped):
    config, dump = shipped
    start, end = dt.date(2023, 1, 1), dt.date(2024, 6, 30)
    rows = api.run_query("changes-between", {"start": start, "end": end, "limit": 10_000},
                         config).rows
    expected = []
    for edge in dump["edges"]:
        period = Period.of(edge["properties"])
        for what, date in (("began", period.since), ("ended", period.until)):
            if date is not None and date.earliest <= end and date.latest >= start:
                expected.append((str(date), what, edge["source"], edge["type"], edge["target"]))
    by_name = names(dump)
    assert sorted((r["date"], r["change"], r["subject"], r["relation"], r["object"])
                  for r in rows) == sorted(
        (d, w, by_name[s], t, by_name[o]) for d, w, s, t, o in expected)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert any(r["date"] == "2023" for r in rows)  # a year is in a range that starts in it


def test_timeline_keeps_when_a_fact_held_apart_from_when_it_was_reported(shipped):
    config, dump = shipped
    rows = api.run_query("timeline", {"entity": "ZA Bank"}, config).rows
    touching = [e for e in dump["edges"] if "za-bank" in (e["source"], e["target"])]
    assert len(rows) == len(touching)
    published = {d["id"]: d.get("published") for d in dump["documents"]}
    for row in rows:
        dates = [published[s] for s in row["sources"] if published.get(s)]
        assert (row["first_seen"], row["last_seen"]) == (
            (min(dates), max(dates)) if dates else (None, None))
    ronald = next(r for r in rows if r["other"] == "Ronald Iu")
    assert ronald["since"] == "2023-04" and ronald["first_seen"] == "2023-04-12"
