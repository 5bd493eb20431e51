"""Benchmark: how fast the HTML view renders in Python and opens in a browser, on a large graph.

One run generates a deterministic synthetic graph (``--nodes`` entities, default 5,000, and
``--edges`` edges, default 15,000, for a ``--seed``) in the shape of ``Store.dump()``: kinds
from the schema (Bank, VirtualBank, TradingPlatform, Company, Regulator, Initiative, Place,
Person), names and aliases as the other benchmarks draw them, edge types whose ends the
schema allows (``Schema.allows``), targets drawn with a skew (a few hubs, a long tail), and
one evidence item (a sentence, a document, a date) on every edge, citing a few hundred
documents with titles, outlets and URLs; half the edges say since when they hold (a tenth
until when), so the page's timeline has dates to work on.

It renders the graph twice with :func:`hkweb3.viz.render_html`:

auto
    the default: above ``PHYSICS_MAX_NODES`` nodes the layout is computed in Python
    (seeded) and physics is off.
physics
    ``physics=True`` forced: vis-network lays the graph out in the browser.

For each it reports the time to render the HTML in Python, the file size, the time from
opening the file in headless Chromium (``/usr/bin/chromium``, every http(s) request
aborted) until vis-network has drawn: its first ``afterDrawing`` event, and with physics
its ``stabilizationIterationsDone`` too, waited for at most ``--cap`` seconds (default 60;
reported as "> cap" when it did not finish), and the time the timeline takes to show a
date (``setDate``: from all dates to mid-2020, then a month on, as the play button steps).
Then the ratio physics / auto, and PASS or FAIL against the target: the automatic file
opens and draws in under 5 s. A missed target is reported, not an error: the exit code is
0 (1 if the page fails: a JavaScript error, a network request, or the wrong number of nodes
or edges drawn; edges saying the same thing are one line on the page).

Run (from the repository root, in the hkweb3 venv)::

    .venv/bin/python benchmarks/bench_viz.py                       # 5,000 / 15,000
    .venv/bin/python benchmarks/bench_viz.py --nodes 2000 --edges 6000 --cap 30
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import synthetic
from playwright.sync_api import Page, sync_playwright

from hkweb3.graph.read import GraphFilter, read_dump
from hkweb3.graph.schema import load_schema
from hkweb3.viz import render_html
from hkweb3.viz.html import PHYSICS_MAX_NODES
from hkweb3.viz.page_data import merge_facts

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TARGET_SECONDS = 5.0
#: (kind, id prefix, share of the nodes)
KINDS: tuple[tuple[str, str, float], ...] = (
    ("Company", "co", 0.30), ("Person", "p", 0.30), ("Bank", "bank", 0.10),
    ("VirtualBank", "vb", 0.04), ("TradingPlatform", "vatp", 0.08),
    ("Regulator", "reg", 0.02), ("Initiative", "init", 0.08), ("Place", "place", 0.08),
)
OUTLETS = ("Example Wire", "Harbour Daily", "Ledger Times", "Peak Post")


@dataclass
class Opened:
    seconds: float | None  # None: not finished within the cap
    nodes: int
    edges: int
    errors: list[str]
    requests: list[str]
    #: Seconds for the first date chosen, and for a month on from it (setDate), once drawn.
    steps: tuple[float, float] | None


def synthetic_graph(nodes: int, edges: int, seed: int) -> dict[str, Any]:
    """A dump-shaped graph of ``nodes`` entities and ``edges`` distinct edges."""
    rng = random.Random(seed)
    schema = load_schema()
    entities, by_kind = [], {}
    prefixes = {kind: prefix for kind, prefix, _ in KINDS}
    for kind, count in synthetic.kind_counts(nodes, KINDS).items():
        by_kind[kind] = []
        for i in range(count):
            name, aliases = synthetic.entity_name(kind, i, rng)
            node_id = f"{prefixes[kind]}-{i}"
            by_kind[kind].append(node_id)
            entities.append({"id": node_id, "name": name, "kind": kind, "aliases": aliases,
                             "labels": list(schema.labels_for(kind)), "discovered": False,
                             "sources": [], "properties": {}})
    documents = [{"id": f"doc-{i}", "title": f"Synthetic report {i}",
                  "outlet": OUTLETS[i % len(OUTLETS)], "url": f"https://example.org/{i}",
                  "published": f"20{18 + i % 8}-{1 + i % 12:02d}-{1 + i % 28:02d}"}
                 for i in range(max(nodes // 15, 1))]

    def ends(kinds: tuple[str, ...]) -> list[str]:
        return [i for k, ids in by_kind.items() if any(schema.is_a(k, e) for e in kinds)
                for i in ids]

    types = [t for t in schema.edges.values() if not t.provenance]
    candidates = {t.name: (ends(t.source), ends(t.target)) for t in types}
    usable = [t.name for t in types if all(candidates[t.name])]
    # A skew on targets: the i-th candidate is drawn with weight 1 / (i + 1).
    cumulative = {t: _cumulative(len(candidates[t][1])) for t in usable}
    seen: set[tuple[str, str, str]] = set()
    dump_edges = []
    while len(dump_edges) < edges:
        kind = rng.choice(usable)
        sources, targets = candidates[kind]
        source = rng.choice(sources)
        target = rng.choices(targets, cum_weights=cumulative[kind])[0]
        if source == target or (source, kind, target) in seen:
            continue
        seen.add((source, kind, target))
        doc = rng.choice(documents)
        sentence = f"{source} and {target}: a {kind.lower().replace('_', ' ')} fact."
        properties: dict[str, Any] = {"sources": [doc["id"]]}
        # Half the facts say when they began (a year or a month), a tenth when they ended.
        if rng.random() < 0.5:
            properties["since"] = f"{rng.randint(2012, 2025)}" + (
                f"-{rng.randint(1, 12):02d}" if rng.random() < 0.5 else "")
        if rng.random() < 0.1:
            properties["until"] = f"{rng.randint(2026, 2027)}"
        dump_edges.append({
            "source": source, "target": target, "type": kind,
            "properties": properties,
            "evidence": [{"document": doc["id"], "sentence": sentence,
                          "published": doc["published"], "rule": "bench", "confidence": 0.9}],
        })
    return {"nodes": entities, "edges": dump_edges, "documents": documents}


def _cumulative(n: int) -> list[float]:
    total, out = 0.0, []
    for i in range(n):
        total += 1 / (i + 1)
        out.append(total)
    return out


def open_page(page: Page, path: Path, physics: bool, cap: float) -> Opened:
    """Open ``path`` and time it until drawn (and stabilized, with physics)."""
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    def route(route: Any) -> None:
        requests.append(route.request.url)
        if route.request.url.startswith(("http://", "https://")):
            route.abort()
        else:
            route.continue_()

    page.route("**/*", route)
    wanted = "s.drawn && s.stabilized" if physics else "s.drawn"
    # Polled from Python: the page's CSP forbids the eval that wait_for_function uses.
    check = f"() => {{ const s = window.hkweb3 && window.hkweb3.state; return !!(s && {wanted}); }}"
    start = time.perf_counter()
    page.goto(path.as_uri(), wait_until="commit")
    seconds = None
    while time.perf_counter() - start < cap:
        if page.evaluate(check):
            seconds = time.perf_counter() - start
            break
        time.sleep(0.02)
    counts = page.evaluate("() => window.hkweb3 ? [hkweb3.nodes.length, hkweb3.edges.length]"
                           " : [0, 0]")
    # The timeline: from all dates to one (most items restyled), then a month on (as play).
    steps = page.evaluate("""() => { if (!window.hkweb3) return null;
        const time = (day) => { const t = performance.now(); hkweb3.setDate(day);
                                return (performance.now() - t) / 1000; };
        return [time("2020-06-30"), time("2020-07-31")]; }""") if seconds is not None else None
    return Opened(seconds, counts[0], counts[1], errors,
                  [r for r in requests if r != path.as_uri()], steps)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cap", type=float, default=60.0,
                        help="seconds to wait for the physics layout to stabilize")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"error: {CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 1

    started = time.perf_counter()
    graph = synthetic_graph(args.nodes, args.edges, args.seed)
    print(f"synthetic graph: {len(graph['nodes']):,} nodes, {len(graph['edges']):,} edges, "
          f"{len(graph['documents']):,} documents ({time.perf_counter() - started:.1f} s); "
          f"physics off above {PHYSICS_MAX_NODES:,} nodes")

    results: dict[str, tuple[float, int, Opened]] = {}
    failed = False
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, physics in (("auto", None), ("physics", True)):
            out = Path(tmp) / f"{name}.html"
            started = time.perf_counter()
            render_html(graph, out, title=f"bench {name}", physics=physics, seed=args.seed)
            rendered = time.perf_counter() - started
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            opened = open_page(page, out, physics is True, args.cap)
            page.close()
            results[name] = (rendered, out.stat().st_size, opened)
            problems = opened.errors + [f"request: {r}" for r in opened.requests]
            facts = len(merge_facts(read_dump(graph, GraphFilter(with_places=True)).edges,
                                    load_schema()))
            if (opened.nodes, opened.edges) != (len(graph["nodes"]), facts):
                problems.append(f"drew {opened.nodes} nodes, {opened.edges} edges")
            for problem in problems:
                print(f"{name}: {problem}", file=sys.stderr)
            failed = failed or bool(problems)
        browser.close()

    print(f"\n{'file':<8} {'render (s)':>10} {'size (MB)':>10} {'open+draw (s)':>14} "
          f"{'date, +month (s)':>17}  note")
    notes = {"auto": "Python layout (seeded), physics off: until the first afterDrawing",
             "physics": "physics forced on: until stabilizationIterationsDone"}
    for name, (rendered, size, opened) in results.items():
        drawn = f"{opened.seconds:.2f}" if opened.seconds is not None else f"> {args.cap:g}"
        step = f"{opened.steps[0]:.2f}, {opened.steps[1]:.2f}" if opened.steps else "-"
        print(f"{name:<8} {rendered:>10.2f} {size / 1e6:>10.2f} {drawn:>14} {step:>17}  "
              f"{notes[name]}")

    auto, physics = results["auto"][2].seconds, results["physics"][2].seconds
    if auto is not None:
        ratio = (f"{physics / auto:.1f}x" if physics is not None
                 else f"> {args.cap / auto:.1f}x")
        print(f"\nphysics / auto open+draw   {ratio}")
    verdict = "PASS" if auto is not None and auto < TARGET_SECONDS else "FAIL"
    shown = f"{auto:.2f} s" if auto is not None else f"> {args.cap:g} s"
    print(f"auto open+draw             {shown}   target < {TARGET_SECONDS:g} s   {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
