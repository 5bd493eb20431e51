"""NetworkX analysis: scores against hand or NetworkX values on small graphs, filters,
determinism, write-back through Cypher, and the CLI on the graph built from data/."""

from __future__ import annotations

import importlib
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.errors import AnalysisError, InputError, QueryError, ValidationError
from hkweb3.graph import analysis
from hkweb3.graph.analysis import GraphFilter, centrality, communities, from_dump
from hkweb3.graph.analysis.betweenness import dependencies
from hkweb3.graph.analysis.centrality import closeness_from
from hkweb3.graph.read import read_dump
from hkweb3.graph.store import open_store

# The package exports the function `centrality`, which hides the module of the same name.
centrality_module = importlib.import_module("hkweb3.graph.analysis.centrality")


def graph(edges, kinds=None, sources=1) -> nx.MultiDiGraph:
    """A MultiDiGraph as the loaders make it: edges keyed by type, nodes with kinds."""
    g = nx.MultiDiGraph()
    for a, b, *rest in edges:
        edge_type = rest[0] if rest else "PARTNERS_WITH"
        for node in (a, b):
            if node not in g:
                g.add_node(node, name=node.upper(), kind=(kinds or {}).get(node, "Company"),
                           aliases=[])
        g.add_edge(a, b, key=edge_type, type=edge_type, sources=sources, evidence=[])
    return g


def plain(view_edges, directed):
    h = nx.DiGraph() if directed else nx.Graph()
    h.add_edges_from(view_edges)
    return h


# -- scores against known values -----------------------------------------------------------


def test_degree_of_a_star_by_hand():
    g = graph([("a", "hub"), ("b", "hub"), ("c", "hub"), ("d", "hub")])
    scores = centrality(g, "degree", weight="none").as_dict()
    assert scores["hub"] == 1.0 and scores["a"] == pytest.approx(0.25)


def test_in_and_out_degree_follow_direction():
    g = graph([("a", "hub"), ("b", "hub"), ("hub", "c")])
    assert centrality(g, "in_degree", weight="none").as_dict()["hub"] == pytest.approx(2 / 3)
    assert centrality(g, "out_degree", weight="none").as_dict()["hub"] == pytest.approx(1 / 3)
    with pytest.raises(QueryError, match="directed view"):
        centrality(g, "in_degree", directed=False)


def test_betweenness_of_a_path_by_hand():
    # a - b - c - d: b lies on a-c and a-d (2 of the 3 pairs it is not part of).
    g = graph([("a", "b"), ("b", "c"), ("c", "d")])
    scores = centrality(g, "betweenness", weight="none").as_dict()
    assert scores["b"] == pytest.approx(2 / 3) and scores["a"] == 0.0


@pytest.mark.parametrize("metric", ["closeness", "eigenvector", "pagerank"])
def test_scores_match_networkx_on_the_same_simple_graph(metric):
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "c"),
             ("f", "e")]
    g = graph(edges)
    ours = centrality(g, metric, weight="none").as_dict()
    directed = metric == "pagerank"
    h = plain(edges, directed)
    expected = {
        "closeness": lambda: nx.closeness_centrality(h),
        "eigenvector": lambda: nx.eigenvector_centrality_numpy(h),
        "pagerank": lambda: nx.pagerank(h, alpha=0.85),
    }[metric]()
    assert ours == pytest.approx(expected)


def test_sources_weight_favours_better_supported_links():
    g = graph([("a", "hub")], sources=5)
    g.add_node("x", name="X", kind="Company", aliases=[])
    g.add_edge("x", "b", key="OWNS", type="OWNS", sources=1)
    g.nodes["b"].update(name="B", kind="Company", aliases=[])
    weighted = centrality(g, "pagerank", weight="sources").as_dict()
    view = analysis.simple_view(g, directed=True, weight="sources")
    assert view["a"]["hub"]["weight"] == 5 and view["a"]["hub"]["distance"] == 0.2
    assert weighted == pytest.approx(nx.pagerank(view, weight="weight"))


def test_parallel_facts_add_up_in_the_view():
    g = graph([("a", "b", "OWNS"), ("a", "b", "PARTNERS_WITH"), ("b", "a", "MEMBER_OF")])
    assert analysis.simple_view(g, directed=False, weight="edges")["a"]["b"]["weight"] == 3
    assert analysis.simple_view(g, directed=True, weight="edges")["a"]["b"]["weight"] == 2
    with pytest.raises(QueryError, match="unknown weight"):
        analysis.simple_view(g, directed=True, weight="heavy")


def test_sampled_betweenness_above_the_limit(monkeypatch):
    g = nx.MultiDiGraph(nx.gnm_random_graph(120, 360, seed=3, directed=True))
    nx.set_node_attributes(g, "Company", "kind")
    exact = centrality(g, "betweenness").as_dict()
    monkeypatch.setattr(centrality_module, "EXACT_LIMIT", 50)
    monkeypatch.setattr(centrality_module, "PIVOTS", 60)
    sampled = centrality(g, "betweenness")
    assert sampled.notes and "estimated from 60 sample sources" in sampled.notes[0]
    assert sampled.as_dict() != exact
    top = [s.id for s in centrality(g, "betweenness").scores[:10]]
    assert len(set(top) & set(sorted(exact, key=lambda n: -exact[n])[:10])) >= 6
    assert centrality(g, "betweenness").as_dict() == sampled.as_dict()  # seeded


@pytest.mark.parametrize("directed", [False, True])
def test_closeness_from_sources_matches_networkx(directed):
    h = nx.gnm_random_graph(40, 90, seed=5, directed=directed)
    for u, v in h.edges:
        h.edges[u, v]["distance"] = 1.0 / (1 + (u * v) % 3)
    exact = nx.closeness_centrality(h, distance="distance")
    assert closeness_from(h) == pytest.approx(exact)
    assert closeness_from(h, list(h)) == pytest.approx(exact)
    rough = closeness_from(h, [0, 3, 5, 8, 13, 21, 30, 34, 35, 39])
    # A quarter of the nodes as sources: every node estimated, roughly.
    assert sum(abs(rough[n] - exact[n]) for n in h) / len(h) < 0.1


def reference_view(g, directed, weight):
    """The simple view as a plain loop over the facts computes it: what the sparse matrix
    must agree with."""
    h = nx.DiGraph() if directed else nx.Graph()
    h.add_nodes_from(g)
    totals = {}
    for a, b, sources in g.edges(data="sources"):
        if a == b:
            continue
        pair = (a, b) if directed or a <= b else (b, a)
        totals[pair] = totals.get(pair, 0) + (sources if weight == "sources" else 1)
    for (a, b), total in totals.items():
        h.add_edge(a, b, weight=1 if weight == "none" else total)
    return h


def random_multigraph(seed):
    """Parallel facts, both directions, self-loops, isolated and dangling nodes, weights."""
    rng = nx.utils.create_py_random_state(seed)
    g = nx.MultiDiGraph()
    g.add_nodes_from((f"n{i:02d}", {"name": f"N{i}", "kind": "Company", "aliases": []})
                     for i in range(40))
    for _ in range(120):
        a, b = f"n{rng.randrange(36):02d}", f"n{rng.randrange(36):02d}"
        edge_type = rng.choice(["OWNS", "PARTNERS_WITH", "MEMBER_OF"])
        g.add_edge(a, b, key=edge_type, type=edge_type, sources=rng.randrange(1, 4))
    return g


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weight", ["sources", "edges", "none"])
def test_the_matrix_view_adds_facts_up_as_a_loop_does(seed, directed, weight):
    g = random_multigraph(seed)
    ours = analysis.simple_view(g, directed=directed, weight=weight)
    expected = reference_view(g, directed, weight)
    assert list(ours) == list(g)
    assert sorted(ours.edges(data="weight")) == sorted(expected.edges(data="weight"))
    assert all(d["distance"] == 1 / d["weight"] for _, _, d in ours.edges(data=True))


def networkx_scores(view, metric, weighted):
    """What NetworkX itself gives on a view (degrees normalised as the library does)."""
    for _, _, d in view.edges(data=True):
        d["distance"] = 1 / d["weight"]
    scale = 1 / (len(view) - 1)
    if metric == "pagerank":
        return nx.pagerank(view, weight="weight")
    if metric == "closeness":
        return nx.closeness_centrality(view, distance="distance" if weighted else None)
    degrees = {"degree": view.degree, "in_degree": getattr(view, "in_degree", None),
               "out_degree": getattr(view, "out_degree", None)}[metric]
    return {n: d * scale for n, d in degrees(weight="weight")}


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("metric", "directed", "weight"), [
    ("pagerank", True, "sources"), ("pagerank", False, "edges"), ("degree", False, "sources"),
    ("degree", True, "sources"), ("in_degree", True, "edges"), ("out_degree", True, "sources"),
    ("closeness", False, "none"), ("closeness", True, "sources"),
])
def test_matrix_metrics_equal_networkx_on_the_same_view(seed, metric, directed, weight):
    # Degree, PageRank and closeness run on the sparse matrix, not on NetworkX: same numbers.
    g = random_multigraph(seed)
    expected = networkx_scores(reference_view(g, directed, weight), metric, weight != "none")
    ours = centrality(g, metric, directed=directed, weight=weight).as_dict()
    assert ours == pytest.approx(expected, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("directed", [False, True])
def test_betweenness_on_the_matrix_equals_networkx_exact_and_sampled(seed, directed,
                                                                     monkeypatch):
    g = random_multigraph(seed)
    view = reference_view(g, directed, "none")
    ours = centrality(g, "betweenness", directed=directed).as_dict()
    assert ours == pytest.approx(nx.betweenness_centrality(view), rel=1e-9, abs=1e-12)
    monkeypatch.setattr(centrality_module, "EXACT_LIMIT", 20)
    monkeypatch.setattr(centrality_module, "PIVOTS", 15)
    sampled = centrality(g, "betweenness", directed=directed)
    assert "estimated from 15 sample sources" in sampled.notes[0]
    expected = nx.betweenness_centrality(view, k=15, seed=centrality_module.SEED)
    assert sampled.as_dict() == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_betweenness_along_a_long_tail_and_the_callers_matrix_untouched():
    # A tail of 60 nodes: 60 breadth-first levels, most of them one node wide.
    h = nx.gnm_random_graph(40, 100, seed=6)
    nx.add_path(h, [0, *range(40, 100)])
    g = graph([(str(u), str(v)) for u, v in h.edges])
    expected = nx.betweenness_centrality(h)
    ours = centrality(g, "betweenness").as_dict()
    assert ours == pytest.approx({str(n): v for n, v in expected.items()}, rel=1e-9, abs=1e-12)
    weighted = nx.to_scipy_sparse_array(h, dtype=float) * 2.5
    before = weighted.copy()
    dependencies(weighted, [0, 1])
    assert (weighted != before).nnz == 0


@pytest.mark.parametrize("weight", ["none", "sources"])
def test_brokers_count_what_networkx_counts_between_the_groups(weight):
    g = random_multigraph(4)
    banks, platforms = [f"n{i:02d}" for i in range(8)], [f"n{i:02d}" for i in range(8, 16)]
    for node in banks:
        g.nodes[node]["kind"] = "Bank"
    for node in platforms:
        g.nodes[node]["kind"] = "TradingPlatform"
    view = reference_view(g, False, weight)
    for _, _, d in view.edges(data=True):
        d["distance"] = 1 / d["weight"]
    # NetworkX counts each pair of an undirected graph as if from both ends, and halves.
    expected = nx.betweenness_centrality_subset(view, banks, platforms, normalized=False,
                                                weight=None if weight == "none" else "distance")
    found = analysis.brokers(g, ["Bank"], ["TradingPlatform"], weight=weight)
    assert {b.id: b.paths for b in found} == pytest.approx(
        {node: 2 * value for node, value in expected.items() if value > 0})
    joined = sum(1 for b in banks for p in platforms if nx.has_path(view, b, p))
    assert all(b.share == pytest.approx(b.paths / joined) for b in found)
    within = analysis.brokers(g, ["Bank"], ["Bank"], weight=weight)  # a group with itself
    expected = nx.betweenness_centrality_subset(view, banks, banks, normalized=False,
                                                weight=None if weight == "none" else "distance")
    assert {b.id: b.paths for b in within} == pytest.approx(
        {node: 2 * value for node, value in expected.items() if value > 0})
    joined = sum(1 for b in banks for c in banks if b != c and nx.has_path(view, b, c))
    assert all(b.share == pytest.approx(b.paths / joined) for b in within)


def test_a_scripts_float_weights_are_kept():
    g = graph([("a", "b"), ("b", "c")])
    g.edges["a", "b", "PARTNERS_WITH"]["sources"] = 0.5
    assert analysis.simple_view(g, directed=False)["a"]["b"]["weight"] == 0.5
    assert centrality(g, "degree").as_dict()["b"] == pytest.approx(1.5 / 2)


def test_facts_as_read_score_as_their_multigraph_does():
    # The API scores the graph as read straight away; scripts usually pass the MultiDiGraph.
    dump = {
        "nodes": [{"id": f"e{i}", "name": f"E{i}", "kind": kind, "sources": ["d1"] * (i % 3)}
                  for i, kind in enumerate(["Bank", "VirtualBank", "TradingPlatform",
                                            "Regulator", "Place", "Company", "Person"])],
        "edges": [
            {"source": f"e{a}", "type": t, "target": f"e{b}",
             "properties": {"sources": ["d1", "d2"][: 1 + (a + b) % 2], "since": "2022-01-01"}}
            for a, b, t in [(0, 2, "PROVIDES_BANKING_TO"), (1, 2, "PROVIDES_BANKING_TO"),
                            (2, 3, "LICENSED_BY"), (0, 3, "REGULATED_BY"), (2, 4, "LOCATED_IN"),
                            (5, 2, "OWNS"), (6, 5, "HOLDS_ROLE"), (1, 4, "LOCATED_IN")]
        ],
        "documents": [{"id": "d1", "title": "T"}],
    }
    import datetime as dt
    for where in [GraphFilter(), GraphFilter(with_places=True),
                  GraphFilter(mentions=True), GraphFilter(end=dt.date(2021, 1, 1)),
                  GraphFilter(edge_types=["PROVIDES_BANKING_TO", "OWNS"])]:
        facts = read_dump(dump, where)
        g = facts.multigraph()
        assert list(facts.nodes) == sorted(g) and len(facts.edges) == g.number_of_edges()
        for metric in analysis.METRICS:
            assert centrality(facts, metric).as_dict() == \
                pytest.approx(centrality(g, metric).as_dict()), (where, metric)
        assert [c.members for c in communities(facts)] == [c.members for c in communities(g)]
        assert analysis.brokers(facts, ["Bank"], ["TradingPlatform"]) == \
            analysis.brokers(g, ["Bank"], ["TradingPlatform"])



# -- filters, errors, edge cases ------------------------------------------------------------


def test_kinds_choose_what_is_reported_not_what_is_scored():
    kinds = {"bank": "Bank", "vb": "VirtualBank", "vatp": "TradingPlatform", "p": "Person"}
    g = graph([("bank", "vatp"), ("vb", "vatp"), ("p", "bank")], kinds)
    everything = centrality(g, "pagerank").as_dict()
    banks = centrality(g, "pagerank", kinds=["Bank"])
    assert {s.id for s in banks.scores} == {"bank", "vb"}  # VirtualBank is a Bank
    assert all(s.score == everything[s.id] for s in banks.scores)
    assert len(centrality(g, "pagerank", top=2).scores) == 2
    with pytest.raises(ValidationError, match="unknown kind 'Bnak'"):
        centrality(g, "pagerank", kinds=["Bnak"])
    with pytest.raises(QueryError, match="unknown metric 'fame'"):
        centrality(g, "fame")


def test_ranking_breaks_ties_by_id():
    g = graph([("c", "hub"), ("a", "hub"), ("b", "hub")])
    assert [s.id for s in centrality(g, "degree").scores] == ["hub", "a", "b", "c"]


def test_an_empty_graph_gives_empty_answers():
    g = nx.MultiDiGraph()
    for metric in analysis.METRICS:
        ranking = centrality(g, metric)
        assert ranking.scores == [] and "empty" in ranking.notes[0]
    assert communities(g) == []
    assert analysis.brokers(g, ["Bank"], ["TradingPlatform"]) == []


def test_a_disconnected_graph_does_not_crash_any_metric():
    g = graph([("a", "b"), ("c", "d"), ("d", "e")])
    g.add_node("lonely", name="Lonely", kind="Company", aliases=[])
    for metric in analysis.METRICS:
        scores = centrality(g, metric).as_dict()
        assert set(scores) == set(g), metric
        assert all(value >= 0 for value in scores.values())
    eigenvector = centrality(g, "eigenvector", weight="none")
    assert "in 3 pieces; scored on the largest (3 of 6 nodes)" in eigenvector.notes[0]
    largest = nx.eigenvector_centrality_numpy(plain([("c", "d"), ("d", "e")], directed=False))
    assert eigenvector.as_dict() == pytest.approx({"a": 0, "b": 0, "lonely": 0, **largest})


def test_eigenvector_repeats_to_the_last_digit():
    # ARPACK starts from a random vector unless given one; ours is fixed.
    g = graph([(str(u), str(v)) for u, v in nx.gnm_random_graph(300, 900, seed=4).edges])
    first = centrality(g, "eigenvector", weight="none").as_dict()
    assert all(centrality(g, "eigenvector", weight="none").as_dict() == first for _ in range(5))


def test_directed_eigenvector_off_strong_connection_is_networkx_power_iteration():
    h = nx.gnm_random_graph(60, 180, seed=2, directed=True)
    assert not nx.is_strongly_connected(h) and nx.is_weakly_connected(h)
    g = graph([(str(u), str(v)) for u, v in h.edges])
    ranking = centrality(g, "eigenvector", directed=True, weight="none")
    assert ranking.notes == ["eigenvector: the directed view is not strongly connected; "
                             "used power iteration"]
    expected = nx.eigenvector_centrality(h, max_iter=1000)
    assert ranking.as_dict() == pytest.approx({str(n): v for n, v in expected.items()})


@pytest.mark.filterwarnings("error")
def test_eigenvector_of_one_or_two_nodes_quietly():
    pair = centrality(graph([("a", "b")]), "eigenvector", weight="none")
    assert pair.as_dict() == pytest.approx({"a": 2**-0.5, "b": 2**-0.5}) and not pair.notes
    alone = nx.MultiDiGraph()
    alone.add_node("a", name="A", kind="Company", aliases=[])
    assert centrality(alone, "eigenvector").as_dict() == {"a": 1.0}


def test_eigenvector_falls_back_and_says_so(monkeypatch):
    # From its fixed start ARPACK needs more than one restart on this graph, every run.
    h = nx.gnm_random_graph(200, 600, seed=2)
    g = graph([(str(u), str(v)) for u, v in h.edges])
    expected = nx.eigenvector_centrality(h, max_iter=1000)
    monkeypatch.setattr(centrality_module, "ARPACK_STEPS", 1)
    ranking = centrality(g, "eigenvector", weight="none")
    assert any("used power iteration instead" in note for note in ranking.notes)
    assert ranking.as_dict() == pytest.approx({str(n): v for n, v in expected.items()})
    monkeypatch.setattr(centrality_module, "EIGENVECTOR_STEPS", 1)  # nor power iteration
    with pytest.raises(AnalysisError, match="did not converge in 1 steps"):
        centrality(g, "eigenvector", weight="none")


def test_filters_on_a_dump():
    dump = {
        "nodes": [{"id": "za", "name": "ZA Bank", "kind": "VirtualBank", "sources": ["d1"]},
                  {"id": "osl", "name": "OSL", "kind": "TradingPlatform", "sources": ["d1"]},
                  {"id": "hk", "name": "Hong Kong", "kind": "Place"}],
        "edges": [
            {"source": "za", "type": "PROVIDES_BANKING_TO", "target": "osl",
             "properties": {"since": "2023-05", "until": "2023", "sources": ["d1", "d2"]}},
            {"source": "osl", "type": "LOCATED_IN", "target": "hk", "properties": {}},
        ],
        "documents": [{"id": "d1", "title": "A report"}],
    }
    whole = from_dump(dump, GraphFilter(with_places=True))
    assert whole.number_of_edges() == 2
    assert whole.edges["za", "osl", "PROVIDES_BANKING_TO"]["sources"] == 2
    assert set(from_dump(dump, GraphFilter(kinds=["Bank"]))) == {"za"}
    assert set(from_dump(dump)) == {"za", "osl"}  # places are left out unless asked for
    assert set(from_dump(dump, GraphFilter(without_kinds=["Bank"], with_places=True))) \
        == {"osl", "hk"}
    assert set(from_dump(dump, GraphFilter(kinds=["Place"]))) == {"hk"}
    assert from_dump(dump, GraphFilter(edge_types=["LOCATED_IN"],
                                       with_places=True)).number_of_edges() == 1
    # "until 2023" still holds in December 2023; "since 2023-05" not yet in April.
    import datetime as dt

    def dated(**period) -> int:
        return from_dump(dump, GraphFilter(**period, with_places=True)).number_of_edges()

    assert dated(start=dt.date(2023, 12, 1)) == 2
    assert dated(start=dt.date(2024, 1, 1)) == 1
    assert dated(end=dt.date(2023, 4, 30)) == 1
    with_docs = from_dump(dump, GraphFilter(mentions=True))
    assert with_docs.nodes["d1"]["kind"] == "Document"
    assert with_docs.has_edge("d1", "za", "MENTIONS")
    with pytest.raises(ValidationError, match="unknown edge type"):
        from_dump(dump, GraphFilter(edge_types=["LIKES"]))


def test_resolve_by_id_name_or_alias_in_any_case():
    g = from_dump({"nodes": [
        {"id": "bocom-hk", "name": "Bank of Communications (Hong Kong)", "kind": "Bank",
         "aliases": ["BoCom HK"]},
        {"id": "bocom", "name": "Bank of Communications", "kind": "Bank", "aliases": ["BoCom"]},
    ]})
    assert analysis.resolve(g, "bocom hk") == "bocom-hk"
    assert analysis.resolve(g, "BANK OF COMMUNICATIONS") == "bocom"
    with pytest.raises(QueryError, match="no entity"):
        analysis.resolve(g, "HSBC")


def test_communities_repeat_and_split_two_cliques():
    left = [("a1", "a2"), ("a2", "a3"), ("a1", "a3"), ("a3", "a4"), ("a4", "a1")]
    right = [("b1", "b2"), ("b2", "b3"), ("b1", "b3")]
    g = graph([*left, *right, ("a1", "b1")])
    found = communities(g)
    assert [c.members for c in found] == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3"]]
    assert [c.number for c in found] == [0, 1] and found[0].kinds == {"Company": 4}
    assert [c.members for c in communities(g)] == [c.members for c in found]
    assert analysis.membership(found)["b2"] == 1


def test_brokers_between_banks_and_platforms_by_hand():
    kinds = {"b1": "Bank", "b2": "VirtualBank", "p1": "TradingPlatform", "p2": "TradingPlatform",
             "hkma": "Regulator", "sfc": "Regulator"}
    # b1 and b2 reach p1 only through hkma; p2 hangs off p1 via sfc.
    g = graph([("b1", "hkma"), ("b2", "hkma"), ("p1", "hkma"), ("p1", "sfc"), ("p2", "sfc")],
              kinds)
    found = {b.id: b for b in analysis.brokers(g, ["Bank"], ["TradingPlatform"])}
    # Pairs: (b1,p1), (b1,p2), (b2,p1), (b2,p2): hkma is on all four, p1 and sfc on two.
    assert found["hkma"].paths == pytest.approx(4) and found["hkma"].share == pytest.approx(1)
    assert found["sfc"].paths == pytest.approx(2) and found["p1"].paths == pytest.approx(2)
    assert "b1" not in found


def test_brokers_sample_a_large_first_group(monkeypatch):
    brokers_module = importlib.import_module("hkweb3.graph.analysis.brokers")
    rng = nx.utils.create_py_random_state(4)
    kinds = {f"b{i}": "Bank" for i in range(30)} | {f"p{i}": "TradingPlatform" for i in range(5)}
    edges = [(bank, f"hub{rng.randrange(4)}") for bank in kinds if bank.startswith("b")]
    edges += [(f"p{i}", f"hub{i % 4}") for i in range(5)] + [("hub0", "hub1"), ("hub1", "hub2"),
                                                            ("hub2", "hub3")]
    g = graph(edges, kinds)
    exact = analysis.brokers(g, ["Bank"], ["TradingPlatform"])
    assert exact.notes == []
    monkeypatch.setattr(brokers_module, "SOURCE_LIMIT", 10)
    monkeypatch.setattr(brokers_module, "SAMPLED_SOURCES", 30)  # every bank: the exact answer
    assert analysis.brokers(g, ["Bank"], ["TradingPlatform"]) == exact
    monkeypatch.setattr(brokers_module, "SAMPLED_SOURCES", 12)
    sampled = analysis.brokers(g, ["Bank"], ["TradingPlatform"])
    assert sampled.notes == ["brokers estimated from 12 of the 30 entities of Bank (seed 7)"]
    assert sampled == analysis.brokers(g, ["Bank"], ["TradingPlatform"])  # seeded
    # Scaled up, the estimate is of the size of the exact count, with the same top broker.
    paths = {b.id: b.paths for b in exact}
    assert all(0.3 * paths[b.id] < b.paths < 3 * paths[b.id] for b in sampled if b.id in paths)
    assert sampled[0].id == exact[0].id


def test_shortest_path_lists_the_facts_either_way():
    g = graph([("za", "hkma", "REGULATED_BY"), ("sfc", "hkma", "PARTNERS_WITH"),
               ("za", "osl", "PROVIDES_BANKING_TO"), ("osl", "sfc", "LICENSED_BY")])
    steps = analysis.shortest_path(g, "za", "sfc")
    assert len(steps) == 2 and steps[0].source == "za" and steps[-1].target == "sfc"
    assert all(step.facts for step in steps)
    g.add_node("island", name="Island", kind="Place", aliases=[])
    with pytest.raises(QueryError, match="nothing links"):
        analysis.shortest_path(g, "za", "island")
    assert set(analysis.ego(g, "hkma", 1)) == {"hkma", "za", "sfc"}


def test_read_export_refuses_what_is_not_an_export(tmp_path):
    bad = tmp_path / "graph.json"
    bad.write_text('{"edges": []}', encoding="utf-8")
    with pytest.raises(InputError, match="graph.json: not an hkweb3 export"):
        analysis.from_json(bad)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="graph.json: cannot read"):
        analysis.from_json(bad)


# -- on the store: the graph built from data/ ------------------------------------------------


def test_the_store_and_its_export_give_the_same_graph(built, tmp_path):
    from_store = api.analysis_graph(config=built)
    path = api.export("json", tmp_path / "graph.json", built)
    from_file = api.analysis_graph(source=path)
    assert sorted(from_store.nodes) == sorted(from_file.nodes)
    def weights(g):
        return sorted(g.edges(keys=True, data="sources"))

    # Edges of one type between one pair stay apart by their key (two licences are two).
    assert weights(from_store) == weights(from_file)
    licences = [k for _, _, k in from_store.edges("osl", keys=True) if k.startswith("LICENSED")]
    assert len(licences) == len(set(licences)) > 1
    assert "MENTIONS" not in {t for _, _, t in from_store.edges(data="type")}
    with_mentions = api.analysis_graph(GraphFilter(mentions=True), config=built)
    assert "MENTIONS" in {t for _, _, t in with_mentions.edges(data="type")}


def test_same_numbers_every_run(built):
    first = api.centrality("betweenness", config=built)
    again = api.centrality("betweenness", config=built)
    assert [s.as_row() for s in first.scores] == [s.as_row() for s in again.scores]
    assert [c.members for c in api.communities(config=built)] == \
        [c.members for c in api.communities(config=built)]


def test_write_back_is_visible_through_cypher_and_idempotent(built):
    ranking = api.centrality("pagerank", write_back=True, config=built)
    query = "MATCH (b:Bank) WHERE b.pagerank IS NOT NULL RETURN b.id AS id "
    query += "ORDER BY b.pagerank DESC, b.id"
    ordered = [r["id"] for r in api.run_cypher(query, config=built).rows]
    assert ordered == [s.id for s in ranking.select(kinds=["Bank"]).scores]
    api.centrality("pagerank", write_back=True, config=built)
    assert [r["id"] for r in api.run_cypher(query, config=built).rows] == ordered
    top = api.run_query("most-central", {}, built).rows
    assert top, "most-central reads the written-back pagerank"
    # A narrower analysis replaces the old values: nothing stale is left on people.
    api.centrality("pagerank", write_back=True, where=GraphFilter(kinds=["Organization"]),
                   config=built)
    people = api.run_cypher("MATCH (p:Person) WHERE p.pagerank IS NOT NULL RETURN count(p) AS n",
                            config=built).rows
    assert people == [{"n": 0}]
    api.communities(write_back=True, config=built)
    groups = api.run_cypher("MATCH (e:Entity) WHERE e.community IS NOT NULL "
                            "RETURN count(DISTINCT e.community) AS n", config=built).rows[0]["n"]
    assert groups == len(api.communities(config=built))


def test_write_back_refuses_names_outside_the_schema(built):
    with open_store(built) as store, pytest.raises(QueryError, match="cannot write back"):
        analysis.write_scores(store, "name", {"za-bank": 1.0})


def test_path_from_za_bank_to_the_sfc_carries_evidence(built):
    rows = api.path("ZA Bank", "SFC", config=built)
    assert rows[0]["source"] == "ZA Bank" or rows[0]["target"] == "ZA Bank"
    assert any(r["evidence"] for r in rows)
    assert all(r["documents"] for r in rows)
    assert {r["step"] for r in rows} == {1, 2}


def test_banks_and_platforms_are_brokered_by_regulators(built):
    found = api.brokers(["Bank"], ["TradingPlatform"], config=built, top=5)
    assert "hkma" in {b.id for b in found}


# -- the CLI ----------------------------------------------------------------------------------


def invoke(cli_env, *args):
    return CliRunner().invoke(cli, list(args), env=cli_env)


def test_cli_centrality_json_is_ranked_entities(built, cli_env):
    result = invoke(cli_env, "centrality", "--metric", "pagerank", "--kind", "Bank",
                    "--kind", "TradingPlatform", "--top", "10", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 10 and all(set(r) == {"id", "name", "kind", "score"} for r in rows)
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert {r["kind"] for r in rows} <= {"Bank", "VirtualBank", "TradingPlatform"}


def test_cli_table_csv_path_brokers_communities(built, cli_env):
    table = invoke(cli_env, "path", "ZA Bank", "sfc")
    assert table.exit_code == 0 and "ZA Bank" in table.output and "step" in table.output
    csv_out = invoke(cli_env, "brokers", "--from", "Bank", "--to", "TradingPlatform",
                     "--format", "csv")
    assert csv_out.exit_code == 0 and csv_out.output.startswith("name,kind,score,paths,id")
    groups = invoke(cli_env, "communities", "--format", "json")
    assert groups.exit_code == 0 and json.loads(groups.stdout)[0]["community"] == 0


def test_cli_reads_an_export_without_the_store(built, cli_env, tmp_path):
    path = api.export("json", tmp_path / "graph.json", built)
    offline = dict(cli_env, NEO4J_URI="bolt://127.0.0.1:9")  # nothing listens there
    result = invoke(offline, "centrality", "--graph", str(path), "--top", "3")
    assert result.exit_code == 0, result.output
    refused = invoke(offline, "centrality", "--graph", str(path), "--write-back")
    assert refused.exit_code == 2 and "write-back needs the store" in refused.output


def test_cli_errors_are_one_line_with_exit_codes(built, cli_env):
    unknown_metric = invoke(cli_env, "centrality", "--metric", "fame")
    assert unknown_metric.exit_code == 2
    unknown_kind = invoke(cli_env, "centrality", "--kind", "Bnak")
    assert unknown_kind.exit_code == 1 and "unknown kind 'Bnak'" in unknown_kind.output
    no_entity = invoke(cli_env, "path", "ZA Bank", "Nobody Ltd")
    assert no_entity.exit_code == 2
    assert no_entity.output.strip().splitlines()[-1].startswith("Error: no entity")
