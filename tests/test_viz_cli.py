"""`hkweb3 viz`: what the command selects and writes (the page itself is tested in a real
browser in test_viz.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.graph.analysis import GraphFilter
from hkweb3.graph.read import read_dump
from hkweb3.graph.schema import load_schema
from hkweb3.viz.page_data import merge_facts


def drawn(path: Path) -> tuple[set[str], list[dict]]:
    """The node ids and edges embedded in a written page."""
    html = path.read_text(encoding="utf-8")

    def block(name: str):
        found = re.search(rf'<script type="application/json" id="hkweb3-{name}">(.*?)</script>',
                          html, re.S)
        assert found, name
        return json.loads(found.group(1))

    return {n["id"] for n in block("nodes")}, block("edges")


def invoke(cli_env, *args):
    return CliRunner().invoke(cli, list(args), env=cli_env)


def test_viz_writes_the_whole_graph_and_prints_its_path(built, cli_env, tmp_path):
    out = tmp_path / "graph.html"
    result = invoke(cli_env, "viz", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out.resolve())
    nodes, edges = drawn(out)
    stats = api.stats(built)
    assert len(nodes) == stats["nodes"]["Entity"]
    # One line per fact: edges saying the same thing between the same two entities merge.
    read = read_dump(api.dump(built), GraphFilter(with_places=True))
    facts = merge_facts(read.edges, load_schema())
    assert len(edges) == len(facts) < sum(n for t, n in stats["edges"].items() if t != "MENTIONS")
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?:', out.read_text("utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]


def test_viz_focus_kinds_and_max_nodes_select(built, cli_env, tmp_path):
    focus = tmp_path / "za.html"
    assert invoke(cli_env, "viz", "--focus", "ZA Bank", "--depth", "1",
                  "--out", str(focus)).exit_code == 0
    around, edges = drawn(focus)
    g = api.analysis_graph(GraphFilter(with_places=True), config=built)  # the page has them
    assert around == {"za-bank", *g.successors("za-bank"), *g.predecessors("za-bank")}
    assert all(e["from"] in around and e["to"] in around for e in edges)

    banks = tmp_path / "banks.html"
    assert invoke(cli_env, "viz", "--kind", "Bank", "--out", str(banks)).exit_code == 0
    kinds = {g.nodes[n]["kind"] for n in drawn(banks)[0]}
    assert kinds == {"Bank", "VirtualBank"}

    top = tmp_path / "top.html"
    assert invoke(cli_env, "viz", "--max-nodes", "5", "--out", str(top)).exit_code == 0
    best = [s.id for s in api.centrality("pagerank", top=5, config=built).scores]
    assert drawn(top)[0] == set(best)


def test_viz_reads_an_export_and_repeats_byte_for_byte(built, cli_env, tmp_path):
    path = api.export("json", tmp_path / "graph.json", built)
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    offline = dict(cli_env, NEO4J_URI="bolt://127.0.0.1:9")  # nothing listens there
    assert invoke(offline, "viz", "--graph", str(path), "--out", str(first)).exit_code == 0
    assert invoke(cli_env, "viz", "--out", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_viz_errors_are_one_line_and_write_nothing(built, cli_env, tmp_path):
    out = tmp_path / "x.html"
    nobody = invoke(cli_env, "viz", "--focus", "Nobody Ltd", "--out", str(out))
    assert nobody.exit_code == 2 and "no entity" in nobody.output
    bad_kind = invoke(cli_env, "viz", "--kind", "Bnak", "--out", str(out))
    assert bad_kind.exit_code == 1 and "unknown kind 'Bnak'" in bad_kind.output
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    bad_file = invoke(cli_env, "viz", "--graph", str(broken), "--out", str(out))
    assert bad_file.exit_code == 1 and "broken.json" in bad_file.output
    assert not out.exists()
