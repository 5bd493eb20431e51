"""Benchmark: how the network analysis scales, from the store to every metric (issue #5).

For each size in ``--sizes`` (default 1,000, 10,000 and 100,000 entities) one run:

generates
    a deterministic synthetic ecosystem of that many entities and about ``--edges-per-node``
    (default 5) fact edges per entity, drawn by the query benchmark's generator
    (``bench_queries.GraphMaker``, names from ``synthetic.py``), without its hand-placed
    default entities: banks, virtual banks, trading platforms, companies, regulators, people,
    initiatives and places; 14 edge types whose ends ``Schema.allows``; targets drawn with a
    skew, so a few entities are hubs; evidence (one or two documents) on every edge; plus a few
    hundred ``Document`` nodes and their ``MENTIONS`` edges, which the analysis leaves out;
loads
    it into a fresh embedded ArcadeDB server (Bolt) in a new temporary data directory, with
    ``Store.write`` in ``GraphBatch``es of 5,000 rows, and checks the created counts
    ("load": reported, no target);
pulls
    the graph, places included, with ``read_store(store, GraphFilter(with_places=True))``
    ("pull": the ``MemoryGraph`` that ``hkweb3 centrality`` and the other API functions analyse;
    they leave places out by default), then makes its ``MultiDiGraph`` ("multigraph": what
    ``MemoryGraph.multigraph`` and ``api.analysis_graph`` return to scripts, on top of the
    pull), and
    pulls it again as of one day (``GraphFilter.as_of``: "pull as of", what ``--as-of``
    reads; target: at most 1.2 times the unfiltered pull at 100,000 entities); the
    server is then stopped, so the metrics below run without it;
measures
    ``weighted_view`` (undirected, "view": the sparse matrix every metric below builds first;
    its time is inside theirs), ``centrality(facts, metric)`` for degree, in_degree, pagerank,
    eigenvector, closeness and betweenness, ``communities(facts)`` and ``brokers(facts,
    ["Bank"], ["TradingPlatform"])``, each once, as the API runs them. Above the library's
    ``EXACT_LIMIT`` nodes closeness and betweenness are estimated from ``PIVOTS`` seeded
    sample sources (the library's notes are printed). A step whose time, extrapolated from
    the previous size by its cost model (linear; path-based: sources x nodes, sources being
    all nodes when exact, ``PIVOTS`` when sampled; brokers: banks x nodes, with banks sampled
    above the library's limit as it samples them), exceeds ``--budget`` seconds (default
    1200) is skipped and reported as "skipped: would take ~N min".

Sampling accuracy: at the largest size that is above ``EXACT_LIMIT`` and at most 10,000 (so
10,000 by default), exact betweenness (``nx.betweenness_centrality(view)``) on
``simple_view(g, directed=False, weight=...)`` with the library's default weight for the
path-based metrics (``none``: hops), the view the library uses, and exact closeness
(``nx.closeness_centrality(view)``) are compared with the library's estimates
(``nx.betweenness_centrality(..., k=k, seed=SEED)`` and ``closeness_from(view, <k sources
drawn as the library draws them>)``) for ``PIVOTS`` (the
library's results of the timed run, whose time includes building the view) and each
``--pivots-sweep`` value: time, max and mean absolute error (beside the largest exact value,
for scale), Spearman rank correlation over all nodes, and how many of the exact top 20 the
estimate's top 20 holds (ties broken by id, as the library does). The library's own exact
closeness (``closeness_from(view)``, SciPy's Dijkstra, what it runs up to ``EXACT_LIMIT``) is
checked against NetworkX's the same way. Exact betweenness at 10,000 nodes takes many
minutes; progress is printed every minute. ``--skip-exact`` leaves the comparison out.

Output: progress, then one table with a row per step and a column per size (seconds; "-" for a
step that did not run), followed by the growth exponent between consecutive sizes,
``log(t2 / t1) / log(n2 / n1)`` with n the number of entities: 1 means the step grows like the
graph, 2 like its square. For closeness and betweenness an exponent between a size at or below
``EXACT_LIMIT`` (exact) and one above it (sampled) compares two algorithms; it is marked "*".
Then the target line: PageRank on 100,000 nodes, pull included, under 10 s (PASS/FAIL), and the
sampling error tables. Times are wall-clock seconds of single runs in one process: on a busy
machine they are noisy, so read exponents to about +-0.2.

A missed target is reported, not an error: the exit code is 0. A failed step or check (an
exception, wrong counts in the store, or entities missing from the pulled graph) exits 1.

Run (from the repository root, in the hkweb3 venv)::

    python benchmarks/bench_analysis.py        # 1k, 10k, 100k + exact at 10k: about 2 hours
    python benchmarks/bench_analysis.py --sizes 1000,3000 --skip-exact       # quick, ~2 min
    python benchmarks/bench_analysis.py --sizes 1000,3000 --pivots-sweep ''  # + exact, ~10 min
    python benchmarks/bench_analysis.py --skip-exact --budget 120   # 3 sizes, slow steps skipped
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import math
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import bench_queries
import networkx as nx
from scipy.stats import spearmanr

from hkweb3.errors import HKWeb3Error
from hkweb3.graph.analysis import (
    GraphFilter,
    MemoryGraph,
    brokers,
    centrality,
    communities,
    simple_view,
    weighted_view,
)
from hkweb3.graph.analysis.brokers import SAMPLED_SOURCES as BROKER_SAMPLE
from hkweb3.graph.analysis.brokers import SOURCE_LIMIT as BROKER_LIMIT
from hkweb3.graph.analysis.centrality import (
    EXACT_LIMIT,
    PIVOTS,
    SEED,
    closeness_from,
    sample_sources,
)
from hkweb3.graph.analysis.centrality import METRICS as LIBRARY_METRICS
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.models import GraphBatch
from hkweb3.graph.read import read_store
from hkweb3.graph.schema import load_schema
from hkweb3.graph.store import Store, open_store

PAGERANK_TARGET = 10.0  # seconds, pull + PageRank ...
AS_OF_TARGET = 1.2  # the pull as of a date costs at most this times the unfiltered pull ...
AS_OF_DAY = dt.date(2021, 6, 30)  # (a day inside the generated periods: many facts fall out)
TARGET_NODES = 100_000  # ... at this many entities
CHUNK = bench_queries.CHUNK  # rows per GraphBatch
COMPARE_MAX = 10_000  # the exact comparison runs at the largest size above EXACT_LIMIT up to this
TOP = 20
HEARTBEAT = 60.0  # seconds between progress lines of a long exact computation
METRICS = ("degree", "in_degree", "pagerank", "eigenvector", "closeness", "betweenness")
PATH_METRICS = ("closeness", "betweenness")
STEPS = ("load", "pull", "pull as of", "multigraph", "view", *METRICS, "communities", "brokers")
LABELS = {"load": "load (Store.write)", "pull": "pull (read_store)",
          "pull as of": f"pull as of {AS_OF_DAY}",
          "multigraph": "multigraph (from pull)", "view": "view (weighted_view)",
          "communities": "communities (Louvain)",
          "brokers": "brokers Bank->Platform"}


class BenchError(Exception):
    """The benchmark cannot go on (bad arguments, or the store holds the wrong data)."""


# -- results -------------------------------------------------------------------------------------


@dataclass
class SizeRun:
    """What one size measured: seconds per step, and notes."""

    nodes: int
    edges: int = 0
    stored_edges: int = 0
    pulled_nodes: int = 0
    pulled_edges: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    banks: int = 0
    #: closeness/betweenness as the library computed them: (seconds, scores)
    library: dict[str, tuple[float, dict[str, float]]] = field(default_factory=dict)


@dataclass
class Accuracy:
    """One estimate against the exact values (NetworkX's)."""

    method: str
    label: str  # "exact": the reference itself; a pivot count; or how else it was computed
    pivots: int | None
    seconds: float
    max_error: float = 0.0
    mean_error: float = 0.0
    spearman: float = 1.0
    top_overlap: int = TOP


@dataclass
class Comparison:
    """Exact against sampled closeness and betweenness at one size."""

    nodes: int
    edges: int
    betweenness: list[Accuracy] = field(default_factory=list)
    closeness: list[Accuracy] = field(default_factory=list)
    exact_max: dict[str, float] = field(default_factory=dict)


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


@contextlib.contextmanager
def heartbeat(label: str, expected: float | None) -> Iterator[None]:
    """Print how long ``label`` has been running, every HEARTBEAT seconds, until it ends."""
    done = threading.Event()
    started = time.perf_counter()
    guess = f" (expected ~{_duration(expected)})" if expected else ""

    def tick() -> None:
        while not done.wait(HEARTBEAT):
            print(f"    ... {label}: {_duration(time.perf_counter() - started)} so far{guess}",
                  flush=True)

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min"


# -- cost model (for skipping what would take too long) ------------------------------------------


def path_sources(n: int) -> int:
    """How many single-source searches the library's closeness/betweenness run on n nodes."""
    return n if n <= EXACT_LIMIT else min(PIVOTS, n)


def cost(step: str, run: SizeRun) -> float:
    """A number proportional to the expected time of ``step`` (only ratios are used)."""
    n = run.nodes
    if step in PATH_METRICS:
        return path_sources(n) * n * math.log(n)
    if step == "brokers":  # a search per bank, or per sampled bank above the library's limit
        banks = run.banks if run.banks <= BROKER_LIMIT else BROKER_SAMPLE
        return max(banks, 1) * n
    if step == "communities":
        return n * math.log(n)
    return float(n)


def estimate(step: str, run: SizeRun, previous: SizeRun | None) -> float | None:
    """``step``'s time at ``run``, extrapolated from the previous size (None if unknown)."""
    if previous is None or step not in previous.seconds:
        return None
    return previous.seconds[step] * cost(step, run) / cost(step, previous)


# -- one size ------------------------------------------------------------------------------------


def generate(n: int, args: argparse.Namespace) -> bench_queries.Synthetic:
    schema = load_schema()
    edges = round(n * args.edges_per_node)
    graph = bench_queries.GraphMaker(n, edges, args.seed, schema, anchors=[]).make()
    GraphBatch(documents=graph.documents, entities=graph.entities, relations=graph.relations,
               mentions=graph.mentions).check(schema)
    return graph


def load(store: Store, graph: bench_queries.Synthetic) -> int:
    """Write ``graph`` in GraphBatches of CHUNK rows; return how many writes it took."""
    nodes = relationships = calls = 0
    for _, batch in graph.batches(CHUNK):
        counts = store.write(batch)
        nodes += counts.nodes_created
        relationships += counts.relationships_created
        calls += 1
    want = (len(graph.documents) + len(graph.entities), len(graph.relations) + len(graph.mentions))
    if (nodes, relationships) != want:
        raise BenchError(f"Store.write created {nodes:,} nodes and {relationships:,} edges, "
                         f"expected {want[0]:,} and {want[1]:,}")
    return calls


def store_phase(n: int, run: SizeRun, args: argparse.Namespace) -> MemoryGraph:
    print(f"  generating {n:,} entities, ~{round(n * args.edges_per_node):,} relations "
          f"(seed {args.seed}) ...", flush=True)
    seconds, graph = timed(lambda: generate(n, args))
    run.edges = len(graph.relations)
    run.banks = sum(1 for e in graph.entities if e.kind in ("Bank", "VirtualBank"))
    kinds = Counter(e.kind for e in graph.entities)
    print(f"    {seconds:.1f} s: {len(graph.relations):,} relations, {len(graph.documents)} "
          f"documents, {len(graph.mentions):,} mentions; kinds {dict(kinds.most_common())}",
          flush=True)
    with bench_queries.server(f"hkweb3-bench-analysis-{n}-") as (home, startup):
        print(f"  embedded server started in {startup:.1f} s (data dir {home.path})",
              flush=True)
        with open_store(StoreConfig(home=home.path)) as store:
            store.setup_schema()
            rows = len(graph.documents) + len(graph.entities) + len(graph.relations) + \
                len(graph.mentions)
            started = time.perf_counter()
            calls = load(store, graph)
            seconds = run.seconds["load"] = time.perf_counter() - started
            print(f"  load: {seconds:.1f} s, {rows:,} rows in {calls} Store.write calls "
                  f"({rows / seconds:,.0f} rows/s)", flush=True)
            entities, relations = len(graph.entities), len(graph.relations)
            del graph  # the pydantic rows are no longer needed; free them before the pull
            # Places too (analysis leaves them out by default): every entity is pulled.
            whole = GraphFilter(with_places=True)
            seconds, facts = timed(lambda: read_store(store, whole))
            run.seconds["pull"] = seconds
            print(f"  pull: {seconds:.2f} s", flush=True)
            seconds, dated = timed(lambda: read_store(store, GraphFilter.as_of(AS_OF_DAY,
                                                                              with_places=True)))
            run.seconds["pull as of"] = seconds
            kept = dated.multigraph().number_of_edges()
            print(f"  pull as of {AS_OF_DAY}: {seconds:.2f} s, {kept:,} edges hold that day",
                  flush=True)
            del dated
    seconds, g = timed(facts.multigraph)
    run.seconds["multigraph"] = seconds
    run.pulled_nodes, run.pulled_edges = g.number_of_nodes(), g.number_of_edges()
    run.stored_edges = relations
    del g
    print(f"  multigraph: {seconds:.2f} s, {run.pulled_nodes:,} nodes, "
          f"{run.pulled_edges:,} edges", flush=True)
    if run.pulled_nodes != entities:
        raise BenchError(f"read_store returned {run.pulled_nodes:,} nodes, the store "
                         f"holds {entities:,} entities")
    if run.pulled_edges != relations:
        # Not fatal: the metrics still run on what was pulled, but say so.
        note = (f"WARNING: read_store returned {run.pulled_edges:,} edges for "
                f"{relations:,} stored relations")
        run.notes.append(note)
        print(f"  {note}", flush=True)
    return facts


def analysis_phase(g: MemoryGraph, run: SizeRun, previous: SizeRun | None,
                   args: argparse.Namespace) -> None:
    def step(name: str, function: Callable[[], Any]) -> Any:
        guess = estimate(name, run, previous)
        if guess is not None and guess > args.budget:
            reason = (f"skipped: would take ~{_duration(guess)} (estimated from the "
                      f"{previous.nodes:,}-node run; --budget {args.budget:.0f} s)")
            run.skipped[name] = reason
            print(f"  {name}: {reason}", flush=True)
            return None
        if guess is not None and guess > 60:
            print(f"  {name}: running, expected ~{_duration(guess)} ...", flush=True)
        with heartbeat(name, guess) if guess and guess > HEARTBEAT else contextlib.nullcontext():
            seconds, result = timed(function)
        run.seconds[name] = seconds
        return result

    view = step("view", lambda: weighted_view(g, directed=False, weight="sources"))
    if view is not None:
        print(f"  view: {run.seconds['view']:.2f} s ({view.matrix.nnz // 2:,} linked pairs)",
              flush=True)
    del view
    for metric in METRICS:
        ranking = step(metric, lambda metric=metric: centrality(g, metric))
        if ranking is None:
            continue
        top = ", ".join(f"{s.id} {s.score:.3g}" for s in ranking.scores[:3])
        print(f"  {metric}: {run.seconds[metric]:.2f} s; top: {top}", flush=True)
        for note in ranking.notes:
            print(f"    note: {note}", flush=True)
            run.notes.append(note if note.startswith(metric) else f"{metric}: {note}")
        if metric in PATH_METRICS:
            run.library[metric] = (run.seconds[metric], ranking.as_dict())
    found = step("communities", lambda: communities(g))
    if found is not None:
        sizes = [len(c.members) for c in found]
        print(f"  communities: {run.seconds['communities']:.2f} s; {len(found):,} communities, "
              f"largest {sizes[:5]}", flush=True)
    result = step("brokers", lambda: brokers(g, ["Bank"], ["TradingPlatform"]))
    if result is not None:
        top = ", ".join(f"{b.id} {b.share:.3g}" for b in result[:3])
        print(f"  brokers: {run.seconds['brokers']:.2f} s; {len(result):,} brokers "
              f"({run.banks:,} banks as sources); top: {top}", flush=True)
        for note in result.notes:
            print(f"    note: {note}", flush=True)
            run.notes.append(note)


# -- the sampling error --------------------------------------------------------------------------


def ranked(values: dict[str, float]) -> list[str]:
    """Node ids by score, highest first, ties by id (as the library ranks them)."""
    return [node for node, _ in sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))]


def library_closeness(view: nx.Graph, pivots: int, weighted: bool) -> dict[str, float]:
    """Closeness from ``pivots`` sources drawn as the library draws them."""
    return closeness_from(view, sample_sources(list(view), pivots), weighted=weighted)


def accuracy(method: str, pivots: int | None, seconds: float, exact: dict[str, float],
             sampled: dict[str, float], label: str = "") -> Accuracy:
    nodes = sorted(exact)
    errors = [abs(sampled[v] - exact[v]) for v in nodes]
    rho = spearmanr([exact[v] for v in nodes], [sampled[v] for v in nodes]).statistic
    overlap = len(set(ranked(exact)[:TOP]) & set(ranked(sampled)[:TOP]))
    return Accuracy(method, label or str(pivots), pivots, seconds, max(errors),
                    sum(errors) / len(errors), float(rho), overlap)


def compare(g: MemoryGraph, run: SizeRun, sweep: Sequence[int]) -> Comparison:
    """Exact against sampled; the library's own results (``PIVOTS``) are taken from ``run``
    when it computed them (their time then includes building the view)."""
    # The library's defaults: betweenness and closeness count hops unless given a weight.
    weight = LIBRARY_METRICS["betweenness"].weight
    weighted = weight != "none"
    distance = "distance" if weighted else None
    view = simple_view(g, directed=False, weight=weight)
    n = view.number_of_nodes()
    result = Comparison(n, view.number_of_edges())
    pivots = sorted({*sweep, PIVOTS})
    print(f"  sampling accuracy on the library's view: {n:,} nodes, "
          f"{view.number_of_edges():,} linked pairs; pivots {pivots} (seed {SEED})", flush=True)

    sampled: dict[int, tuple[float, dict[str, float]]] = {}
    for k in pivots:
        if k == PIVOTS and "betweenness" in run.library:
            sampled[k] = run.library["betweenness"]
            continue
        sampled[k] = timed(lambda k=k: nx.betweenness_centrality(
            view, k=k, weight=distance, seed=SEED))
        print(f"    betweenness, {k} pivots: {sampled[k][0]:.1f} s", flush=True)
    per_source = sampled[PIVOTS][0] / PIVOTS
    print(f"    exact betweenness ({n:,} sources) ...", flush=True)
    with heartbeat("exact betweenness", per_source * n):
        seconds, exact = timed(lambda: nx.betweenness_centrality(view, weight=distance))
    print(f"    exact betweenness: {seconds:.1f} s", flush=True)
    result.betweenness.append(Accuracy("betweenness", "exact", None, seconds))
    result.exact_max["betweenness"] = max(exact.values())
    for k in pivots:
        result.betweenness.append(accuracy("betweenness", k, *sampled[k], exact))

    sampled = {}
    for k in pivots:
        if k == PIVOTS and "closeness" in run.library:
            sampled[k] = run.library["closeness"]
            continue
        sampled[k] = timed(lambda k=k: library_closeness(view, k, weighted))
        print(f"    closeness, {k} pivots: {sampled[k][0]:.1f} s", flush=True)
    scipy_seconds, scipy_exact = timed(lambda: closeness_from(view, weighted=weighted))
    print(f"    library's exact closeness (SciPy, all {n:,} sources): {scipy_seconds:.1f} s",
          flush=True)
    probe = sorted(view, key=str)[:: max(1, n // 20)]
    per_source = timed(lambda: [nx.single_source_dijkstra_path_length(
        view, v, weight=distance or 1) for v in probe])[0] / len(probe)
    print(f"    exact closeness, NetworkX ({n:,} sources) ...", flush=True)
    with heartbeat("exact closeness", per_source * n):
        seconds, exact = timed(lambda: nx.closeness_centrality(view, distance=distance))
    print(f"    exact closeness, NetworkX: {seconds:.1f} s", flush=True)
    result.closeness.append(Accuracy("closeness", "exact", None, seconds))
    result.exact_max["closeness"] = max(exact.values())
    result.closeness.append(accuracy("closeness", None, scipy_seconds, exact, scipy_exact,
                                     label="all, SciPy"))
    for k in pivots:
        result.closeness.append(accuracy("closeness", k, *sampled[k], exact))
    return result


# -- the report ----------------------------------------------------------------------------------


def exponent(step: str, a: SizeRun, b: SizeRun) -> str:
    if step not in a.seconds or step not in b.seconds or a.seconds[step] <= 0:
        return "-"
    value = math.log(b.seconds[step] / a.seconds[step]) / math.log(b.nodes / a.nodes)
    mixed = step in PATH_METRICS and (a.nodes <= EXACT_LIMIT) != (b.nodes <= EXACT_LIMIT)
    return f"{value:.2f}" + ("*" if mixed else "")


def print_table(runs: list[SizeRun]) -> None:
    print("sizes:")
    for r in runs:
        print(f"  {r.nodes:>9,} entities, {r.edges:>9,} relations stored, pulled graph "
              f"{r.pulled_nodes:,} nodes / {r.pulled_edges:,} edges")
    print()
    pairs = list(zip(runs, runs[1:], strict=False))
    head = f"{'step (seconds)':<26}" + "".join(f"{r.nodes:>12,}" for r in runs)
    head += "".join(f"{'exp ' + _short(a.nodes) + '>' + _short(b.nodes):>14}" for a, b in pairs)
    print(head)
    print("-" * len(head))
    for step in STEPS:
        label = LABELS.get(step, f"centrality {step}")
        cells = "".join(f"{r.seconds[step]:>12.2f}" if step in r.seconds else f"{'-':>12}"
                        for r in runs)
        cells += "".join(f"{exponent(step, a, b):>14}" for a, b in pairs)
        print(f"{label:<26}{cells}")
    print()
    print("exp = log(t2/t1) / log(n2/n1); 1 = grows like the graph, 2 = like its square.")
    print(f"* closeness/betweenness are exact up to {EXACT_LIMIT:,} nodes and sampled "
          f"({PIVOTS} pivots) above: that exponent compares two algorithms.")
    print("view is built again inside every metric below it (its time is included in theirs).")
    for r in runs:
        for step, reason in r.skipped.items():
            print(f"{r.nodes:,} nodes, {step}: {reason}")


def _short(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def print_target(runs: list[SizeRun]) -> None:
    at = next((r for r in runs if r.nodes == TARGET_NODES), None)
    if at is None or "pagerank" not in at.seconds:
        print(f"PageRank at {TARGET_NODES:,} nodes including pull: not measured "
              f"({TARGET_NODES:,} is not in --sizes)")
        return
    if "pull as of" in at.seconds:
        ratio = at.seconds["pull as of"] / at.seconds["pull"]
        print(f"Pull as of a date at {TARGET_NODES:,} nodes: {ratio:.2f}x the unfiltered pull "
              f"(target {AS_OF_TARGET}x) {'PASS' if ratio <= AS_OF_TARGET else 'FAIL'}  "
              f"[{at.seconds['pull as of']:.2f} s / {at.seconds['pull']:.2f} s]")
    total = at.seconds["pull"] + at.seconds["pagerank"]
    verdict = "PASS" if total < PAGERANK_TARGET else "FAIL"
    print(f"PageRank at {TARGET_NODES:,} nodes including pull: {total:.2f} s (target "
          f"{PAGERANK_TARGET:.0f} s) {verdict}  [pull {at.seconds['pull']:.2f} s + "
          f"centrality pagerank {at.seconds['pagerank']:.2f} s]")


def print_comparison(c: Comparison) -> None:
    print(f"sampling accuracy at {c.nodes:,} nodes ({c.edges:,} linked pairs; library: exact up "
          f"to EXACT_LIMIT={EXACT_LIMIT:,}, then PIVOTS={PIVOTS}, SEED={SEED}); errors against "
          "NetworkX's exact values:")
    head = (f"{'metric':<13}{'pivots':>12}{'seconds':>10}{'speed-up':>10}{'max abs err':>13}"
            f"{'mean abs err':>14}{'spearman':>10}{'top-20':>8}")
    print(head)
    print("-" * len(head))
    for method, rows in (("betweenness", c.betweenness), ("closeness", c.closeness)):
        exact = rows[0]
        print(f"{method:<13}{'exact, nx':>12}{exact.seconds:>10.2f}{'1.0':>10}{'-':>13}"
              f"{'-':>14}{'-':>10}{'-':>8}")
        for a in rows[1:]:
            mark = " <- library" if a.pivots == PIVOTS else ""
            speedup = exact.seconds / max(a.seconds, 1e-6)
            print(f"{method:<13}{a.label:>12}{a.seconds:>10.2f}{speedup:>10.1f}"
                  f"{a.max_error:>13.2e}{a.mean_error:>14.2e}"
                  f"{a.spearman:>10.4f}{a.top_overlap:>5}/{TOP}{mark}")
        print(f"{'':<13}largest exact {method}: {c.exact_max[method]:.4g}")


# -- the run -------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="entities per graph, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--edges-per-node", type=float, default=5.0,
                        help="relations per entity (default 5)")
    parser.add_argument("--skip-exact", action="store_true",
                        help="leave out the exact-versus-sampled comparison")
    parser.add_argument("--pivots-sweep", default="100,250,1000",
                        help="pivot counts compared with the exact values besides the "
                             f"library's {PIVOTS} (default 100,250,1000; '' for none)")
    parser.add_argument("--budget", type=float, default=1200.0,
                        help="skip a step expected to take longer, in seconds (default 1200)")
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s})
        args.sweep = [int(s) for s in args.pivots_sweep.split(",") if s.strip()]
    except ValueError as exc:
        parser.error(f"--sizes and --pivots-sweep take integers: {exc}")
    if not args.sizes or args.sizes[0] < 1000:
        parser.error("--sizes: every size must be at least 1000")
    if any(k < 1 for k in args.sweep):
        parser.error("--pivots-sweep: pivot counts must be positive")
    if args.edges_per_node <= 0:
        parser.error("--edges-per-node must be positive")
    if args.budget <= 0:
        parser.error("--budget must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    wall = time.perf_counter()
    candidates = [n for n in args.sizes if EXACT_LIMIT < n <= COMPARE_MAX]
    compare_at = None if args.skip_exact or not candidates else candidates[-1]
    print(f"analysis benchmark: sizes {', '.join(f'{n:,}' for n in args.sizes)}, "
          f"{args.edges_per_node:g} relations per entity, seed {args.seed}; "
          f"networkx {nx.__version__}; library EXACT_LIMIT={EXACT_LIMIT:,}, PIVOTS={PIVOTS}, "
          f"SEED={SEED}", flush=True)
    if compare_at is None and not args.skip_exact:
        print(f"no size above EXACT_LIMIT ({EXACT_LIMIT:,}) and at most {COMPARE_MAX:,}: "
              "no exact comparison", flush=True)
    runs: list[SizeRun] = []
    comparison = None
    for n in args.sizes:
        print(f"\n== {n:,} entities ==", flush=True)
        run = SizeRun(n)
        g = store_phase(n, run, args)
        analysis_phase(g, run, runs[-1] if runs else None, args)
        runs.append(run)
        if n == compare_at:
            comparison = compare(g, run, args.sweep)
        del g
    print("\n== report ==")
    print_table(runs)
    print()
    print_target(runs)
    if comparison is not None:
        print()
        print_comparison(comparison)
    notes = [(r.nodes, note) for r in runs for note in r.notes]
    if notes:
        print()
        print("notes:")
        for n, note in notes:
            print(f"  {n:,} nodes: {note}")
    print()
    print("times are single wall-clock runs on a shared machine: expect noise of 10-30%.")
    print(f"total wall time: {_duration(time.perf_counter() - wall)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (BenchError, bench_queries.BenchError, HKWeb3Error) as exc:
        print(f"bench_analysis: FAILED: {exc}", file=sys.stderr)
        sys.exit(1)
