"""Benchmark: how fast the graph store loads rows, against a naive and a hand-written loader.

One run starts ONE embedded ArcadeDB server (Bolt) in a temporary data directory, generates
deterministic synthetic rows, and loads the same rows three ways, each into an emptied
database (after ``Store.setup_schema()``):

batched
    ``Store.write(GraphBatch(...))``: what hkweb3 does (``UNWIND $rows ... MERGE`` by id,
    nodes then edges, one transaction per ``GraphBatch``).
per-row
    The very statements the store sends (``Store._statements``), but one row per statement,
    each its own auto-commit transaction: the naive baseline.
hand-written
    The minimum a hand-coder would send through ``store.driver``: one plain
    ``UNWIND $rows AS row MERGE (n:<all labels> {id: row.id}) SET n += row.props`` per
    label set, one plain ``UNWIND ... MATCH ... MATCH ... MERGE (a)-[r:TYPE {key: row.key}]->(b)
    SET r += row.props`` per edge type, same batch size, one transaction per batch. It
    stores the same properties, without the store's merge logic (aliases, sources and
    evidence lists merged with what is already stored) and without its kind check.

After each load the store's counts (by label and by edge type) and a sample of stored
properties are checked against the generated rows; a mismatch aborts the run (exit 1).

It prints seconds and rows/s per method, then ``per-row / batched`` (target >= 10x) and
``batched / hand-written`` (target <= 1.5x, the store's overhead) with PASS/FAIL. A missed
target is reported, not an error: the exit code is 0.

Run (from the repository root, in the hkweb3 venv)::

    python benchmarks/bench_store.py                      # 10,000 nodes, 20,000 edges
    python benchmarks/bench_store.py --per-row-limit 500  # per-row extrapolated, faster
    python benchmarks/bench_store.py --nodes 2000 --edges 4000 --repeat 3

Per-row at full size takes minutes. With ``--per-row-limit K`` only the first K rows of each
statement group are timed one by one and the group's time is extrapolated (the rest of the
group is loaded, untimed, in batches so that the counts can still be checked).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import neo4j
import synthetic

from hkweb3.errors import HKWeb3Error, StoreError
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.embedded import EmbeddedHome
from hkweb3.graph.models import Entity, Evidence, GraphBatch, Relation
from hkweb3.graph.schema import ENTITY_LABEL, Schema, load_schema
from hkweb3.graph.store import BATCH_SIZE, Store, open_store

PER_ROW_TARGET = 10.0  # per-row / batched must be at least this
OVERHEAD_TARGET = 1.5  # batched / hand-written must be at most this
FALLBACK_CHUNK = 5000  # rows per GraphBatch if one transaction for everything fails
DELETE_CHUNK = 5000
DOCUMENT = "bench-doc"
WARMUP_NODES, WARMUP_EDGES, WARMUP_PER_ROW = 300, 600, 20
SAMPLE = 50  # entities and relations whose stored properties are compared after each load


class BenchError(Exception):
    """The benchmark cannot go on (bad arguments, or the store holds the wrong data)."""


# -- synthetic rows ----------------------------------------------------------------------------

#: (kind, id prefix, share of the entities)
KINDS: tuple[tuple[str, str, float], ...] = (
    ("Bank", "bank", 0.15),
    ("VirtualBank", "vbank", 0.10),
    ("TradingPlatform", "platform", 0.15),
    ("Company", "company", 0.25),
    ("Person", "person", 0.35),
)
ORGANIZATIONS = ("Bank", "VirtualBank", "TradingPlatform", "Company")


@dataclass(frozen=True)
class EdgeSpec:
    """How to draw one edge type: allowed ends, its key property and the values it takes."""

    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    weight: float
    verb: str
    key: str | None = None
    values: tuple[str | float, ...] = ()


EDGES: tuple[EdgeSpec, ...] = (
    EdgeSpec("PROVIDES_BANKING_TO", ("Bank", "VirtualBank"), ("TradingPlatform", "Company"),
             0.30, "provides banking to", "service",
             ("settlement account", "custody", "payroll", "fiat on-ramp", "corporate account",
              "escrow", "treasury")),
    EdgeSpec("PARTNERS_WITH", ORGANIZATIONS, ORGANIZATIONS, 0.25, "partners with"),
    EdgeSpec("HOLDS_ROLE", ("Person",), ORGANIZATIONS, 0.30, "works at", "role",
             ("ceo", "chair", "director", "cto", "cfo", "compliance officer", "board member")),
    EdgeSpec("OWNS", ORGANIZATIONS, ORGANIZATIONS, 0.15, "holds a stake in", "share",
             ("5%", "10%", "20%", "25%", "49%", "51%", "100%")),  # as reported: text
)

def kind_counts(n: int) -> dict[str, int]:
    """How many entities of each kind ``n`` entities hold (shares of :data:`KINDS`)."""
    return synthetic.kind_counts(n, KINDS)


def make_entities(n: int, rng: random.Random) -> list[Entity]:
    prefixes = {kind: prefix for kind, prefix, _ in KINDS}
    entities = []
    for kind, count in kind_counts(n).items():
        for i in range(count):
            name, aliases = synthetic.entity_name(kind, i, rng)
            entities.append(Entity(id=f"{prefixes[kind]}-{i:05d}", name=name, kind=kind,
                                   aliases=aliases))
    rng.shuffle(entities)
    return entities


def make_relations(
    entities: Sequence[Entity], m: int, rng: random.Random, schema: Schema
) -> list[Relation]:
    """``m`` distinct relations (by source, type, target and key) that the schema allows."""
    by_kind: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        by_kind[entity.kind].append(entity)
    specs, pools = [], []
    for spec in EDGES:
        for s in spec.sources:
            for t in spec.targets:
                if not schema.allows(spec.type, s, t):
                    raise BenchError(f"schema does not allow {s} -{spec.type}-> {t}")
        sources = [e for k in spec.sources for e in by_kind[k]]
        targets = [e for k in spec.targets for e in by_kind[k]]
        if sources and targets:
            specs.append(spec)
            pools.append((sources, targets))
    if m and not specs:
        raise BenchError("too few entities to draw any relation; raise --nodes")

    relations: list[Relation] = []
    seen: set[tuple[str, str, str, str]] = set()
    attempts = 0
    while len(relations) < m:
        attempts += 1
        if attempts > 50 * m + 1000:
            raise BenchError(f"cannot draw {m} distinct relations among {len(entities)} "
                             "entities; lower --edges or raise --nodes")
        index = rng.choices(range(len(specs)), weights=[s.weight for s in specs])[0]
        spec, (sources, targets) = specs[index], pools[index]
        source, target = rng.choice(sources), rng.choice(targets)
        if source.id == target.id:
            continue
        properties = {spec.key: rng.choice(spec.values)} if spec.key else {}
        relation = Relation(
            source=source.id, type=spec.type, target=target.id, properties=properties,
            evidence=[Evidence(document=DOCUMENT, rule="bench",
                               sentence=f"{source.name} {spec.verb} {target.name}.")],
        )
        identity = (relation.source, relation.type, relation.target, relation.key)
        if identity not in seen:
            seen.add(identity)
            relations.append(relation)
    return relations


def make_batch(nodes: int, edges: int, seed: int, schema: Schema) -> GraphBatch:
    rng = random.Random(seed)
    entities = make_entities(nodes, rng)
    relations = make_relations(entities, edges, rng, schema)
    batch = GraphBatch(entities=entities, relations=relations)
    batch.check(schema)
    return batch


def split(batch: GraphBatch, chunk: int) -> Iterator[GraphBatch]:
    """The batch as several smaller ones: entities first, then relations."""
    for start in range(0, len(batch.entities), chunk):
        yield GraphBatch(entities=batch.entities[start : start + chunk])
    for start in range(0, len(batch.relations), chunk):
        yield GraphBatch(relations=batch.relations[start : start + chunk])


# -- the three loaders -------------------------------------------------------------------------


@dataclass
class Timing:
    method: str
    seconds: float
    rows: int
    note: str = ""
    extrapolated: bool = False

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else float("inf")


def load_batched(store: Store, batch: GraphBatch, batch_size: int, chunk: int | None) -> str:
    """Store.write, the whole batch in one transaction (or ``chunk`` rows per write)."""
    parts = list(split(batch, chunk)) if chunk else [batch]
    nodes = relationships = 0
    for part in parts:
        counts = store.write(part, batch_size=batch_size)
        nodes += counts.nodes_created
        relationships += counts.relationships_created
    if (nodes, relationships) != (len(batch.entities), len(batch.relations)):
        raise BenchError(f"batched: Store.write reports {nodes} nodes and {relationships} "
                         f"edges created, expected {len(batch.entities)} and "
                         f"{len(batch.relations)}")
    if chunk:
        return f"{len(parts)} Store.write calls of <= {chunk:,} rows (one transaction each)"
    return "one Store.write, one transaction"


def load_per_row(
    store: Store, batch: GraphBatch, batch_size: int, limit: int | None
) -> tuple[float, str, bool]:
    """The store's statements one row at a time, each an auto-commit transaction.

    Returns the (extrapolated if ``limit``) seconds, a note, and whether it extrapolated.
    """
    seconds = 0.0
    extrapolated = False
    with _session(store) as session:
        started = time.perf_counter()
        statements = list(store._statements(batch, {}))
        seconds += time.perf_counter() - started
        for query, rows in statements:
            timed = rows if limit is None else rows[:limit]
            started = time.perf_counter()
            for row in timed:
                session.run(query, rows=[row]).consume()
            elapsed = time.perf_counter() - started
            if len(timed) < len(rows):
                extrapolated = True
                seconds += elapsed * len(rows) / len(timed)
                _run_batches(session, query, rows[len(timed) :], batch_size)  # untimed
            else:
                seconds += elapsed
    if extrapolated:
        return seconds, f"EXTRAPOLATED from the first {limit:,} rows of each statement", True
    return seconds, "one row per statement, one auto-commit each", False


def load_hand_written(store: Store, batch: GraphBatch) -> str:
    """One plain statement per label set and per edge type over all its rows, in one
    transaction: the least a hand-coder can send.

    Nodes are created through the ``:Entity`` id lookup, as the store does: a MERGE on the
    full label set is not optimised by ArcadeDB and would make this baseline slow.
    """
    schema = store.schema
    nodes: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for e in batch.entities:
        props = {"id": e.id, "name": e.name, "kind": e.kind, **e.attributes,
                 "aliases": list(e.aliases), "sources": sorted({ev.document for ev in e.evidence}),
                 "discovered": e.discovered}
        if e.description:
            props["description"] = e.description
        nodes[schema.labels_for(e.kind)].append({"id": e.id, "props": props})
    edges: dict[str, list[dict]] = defaultdict(list)
    for r in batch.relations:
        props = {**r.properties, "evidence": sorted(ev.encode() for ev in r.evidence),
                 "sources": sorted({ev.document for ev in r.evidence})}
        edges[r.type].append({"source": r.source, "target": r.target, "key": r.key,
                              "props": props})
    statements = [
        (f"UNWIND $rows AS row OPTIONAL MATCH (e:{ENTITY_LABEL} {{id: row.id}}) "
         f"WITH row, e WHERE e IS NULL CREATE (n{''.join(':' + x for x in labels)}) "
         "SET n = row.props", rows)
        for labels, rows in nodes.items()
    ] + [
        (f"UNWIND $rows AS row MATCH (a:{ENTITY_LABEL} {{id: row.source}}) "
         f"MATCH (b:{ENTITY_LABEL} {{id: row.target}}) "
         f"MERGE (a)-[r:{edge_type} {{key: row.key}}]->(b) SET r += row.props", rows)
        for edge_type, rows in edges.items()
    ]

    def work(tx: neo4j.ManagedTransaction) -> None:
        for query, rows in statements:
            tx.run(query, rows=rows).consume()

    with _session(store) as session:
        session.execute_write(work)
    return "one UNWIND statement per label set / edge type, one transaction"


def _session(store: Store) -> neo4j.Session:
    return store.driver.session(database=store.database,
                                default_access_mode=neo4j.WRITE_ACCESS)


def _run_batches(session: neo4j.Session, query: str, rows: list[dict], size: int) -> None:
    """``size`` rows per statement, each statement its own (managed) transaction."""
    for start in range(0, len(rows), size):
        session.execute_write(_consume, query, rows[start : start + size])


def _consume(tx: neo4j.ManagedTransaction, query: str, rows: list[dict]) -> None:
    tx.run(query, rows=rows).consume()


# -- emptying and checking the store ------------------------------------------------------------


def clear(store: Store) -> None:
    """Delete every entity and document, ``DELETE_CHUNK`` at a time."""
    for label in (ENTITY_LABEL, store.schema.document_label):
        query = (f"MATCH (n:{label}) WITH n LIMIT {DELETE_CHUNK} DETACH DELETE n "
                 "RETURN count(*) AS c")
        while store.execute(query, write=True).rows[0]["c"]:
            pass
    left = store.read(f"MATCH (n:{ENTITY_LABEL}) RETURN count(n) AS c").rows[0]["c"]
    if left:
        raise BenchError(f"the store still holds {left} entities after clearing")


def verify(store: Store, batch: GraphBatch, method: str) -> None:
    """Raise :class:`BenchError` unless the store holds exactly the batch's rows."""
    schema = store.schema
    want_nodes = Counter(label for e in batch.entities for label in schema.labels_for(e.kind))
    want_edges = Counter(r.type for r in batch.relations)
    stats = store.stats()
    total_nodes = store.read(f"MATCH (n:{ENTITY_LABEL}) RETURN count(n) AS c").rows[0]["c"]
    total_edges = store.read(
        f"MATCH (:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL}) RETURN count(r) AS c"
    ).rows[0]["c"]
    problems = []
    if total_nodes != len(batch.entities) or total_edges != len(batch.relations):
        problems.append(f"{total_nodes} nodes / {total_edges} edges, expected "
                        f"{len(batch.entities)} / {len(batch.relations)}")
    if stats["nodes"] != dict(want_nodes):
        problems.append(f"nodes by label {stats['nodes']}, expected {dict(want_nodes)}")
    if stats["edges"] != dict(want_edges):
        problems.append(f"edges by type {stats['edges']}, expected {dict(want_edges)}")
    problems += _sample_problems(store, batch)
    if problems:
        raise BenchError(f"{method}: the store does not hold the rows: " + "; ".join(problems))


def _sample_problems(store: Store, batch: GraphBatch) -> list[str]:
    """Compare the stored properties of a few entities and relations with the rows."""
    rng = random.Random(0)
    problems = []
    entities = rng.sample(batch.entities, min(SAMPLE, len(batch.entities)))
    rows = store.read(
        f"UNWIND $ids AS id MATCH (n:{ENTITY_LABEL} {{id: id}}) "
        "RETURN n.id AS id, n.name AS name, n.kind AS kind, n.aliases AS aliases",
        {"ids": [e.id for e in entities]},
    ).rows
    stored = {row["id"]: row for row in rows}
    for e in entities:
        row = stored.get(e.id)
        if row is None or (row["name"], row["kind"], sorted(row["aliases"] or [])) != (
            e.name, e.kind, sorted(e.aliases)
        ):
            problems.append(f"entity {e.id} stored as {row}")
    relations = rng.sample(batch.relations, min(SAMPLE, len(batch.relations)))
    for r in relations:
        found = store.read(
            f"MATCH (a:{ENTITY_LABEL} {{id: $source}})-[x:{r.type} {{key: $key}}]->"
            f"(b:{ENTITY_LABEL} {{id: $target}}) RETURN x.evidence AS evidence, "
            "x.sources AS sources",
            {"source": r.source, "target": r.target, "key": r.key},
        ).rows
        want = ([ev.encode() for ev in r.evidence], [DOCUMENT])
        if len(found) != 1 or (found[0]["evidence"], found[0]["sources"]) != want:
            problems.append(f"{r.source} -{r.type} {r.key}-> {r.target} stored as {found}")
    return problems[:5]


# -- the run -------------------------------------------------------------------------------------


def timed(function: Callable[[], str]) -> tuple[float, str]:
    started = time.perf_counter()
    note = function()
    return time.perf_counter() - started, note


def run_batched(store: Store, batch: GraphBatch, args: argparse.Namespace) -> Timing:
    chunk = args.chunk
    try:
        seconds, note = timed(lambda: load_batched(store, batch, args.batch_size, chunk))
    except StoreError as exc:
        if chunk:
            raise
        print(f"  ! one Store.write of {len(batch.entities) + len(batch.relations):,} rows "
              f"failed: {exc}", flush=True)
        print(f"  ! retrying as several Store.write calls of {FALLBACK_CHUNK:,} rows",
              flush=True)
        clear(store)
        chunk = FALLBACK_CHUNK
        seconds, note = timed(lambda: load_batched(store, batch, args.batch_size, chunk))
        note += " (one transaction FAILED, see above)"
    return Timing("batched", seconds, _rows(batch), note)


def run_per_row(store: Store, batch: GraphBatch, args: argparse.Namespace) -> Timing:
    seconds, note, extrapolated = load_per_row(store, batch, args.batch_size,
                                               args.per_row_limit)
    return Timing("per-row", seconds, _rows(batch), note, extrapolated)


def run_hand_written(store: Store, batch: GraphBatch, args: argparse.Namespace) -> Timing:
    seconds, note = timed(lambda: load_hand_written(store, batch))
    return Timing("hand-written", seconds, _rows(batch), note)


def _rows(batch: GraphBatch) -> int:
    return len(batch.entities) + len(batch.relations)


def measure(store: Store, batch: GraphBatch, args: argparse.Namespace) -> list[Timing]:
    """Each method into an emptied store; batched and hand-written best of ``--repeat``."""
    runs = [("batched", run_batched, args.repeat), ("per-row", run_per_row, 1),
            ("hand-written", run_hand_written, args.repeat)]
    results = []
    for name, run, repeat in runs:
        best: Timing | None = None
        for attempt in range(repeat):
            clear(store)
            label = f"{name} ({attempt + 1}/{repeat})" if repeat > 1 else name
            print(f"- {label}: loading {_rows(batch):,} rows ...", flush=True)
            timing = run(store, batch, args)
            verify(store, batch, name)
            print(f"  {timing.seconds:.2f} s, counts and sample verified", flush=True)
            if best is None or timing.seconds < best.seconds:
                best = timing
        assert best is not None
        if repeat > 1:
            best.note += f"; best of {repeat}"
        results.append(best)
    clear(store)
    return results


def warm_up(store: Store, args: argparse.Namespace) -> None:
    """Load a small set once each way, so the JVM's warm-up is not charged to one method."""
    small = make_batch(min(args.nodes, WARMUP_NODES), min(args.edges, WARMUP_EDGES),
                       args.seed + 1, store.schema)
    for load in (
        lambda: load_batched(store, small, args.batch_size, None),
        lambda: load_per_row(store, small, args.batch_size, WARMUP_PER_ROW),
        lambda: load_hand_written(store, small),
    ):
        clear(store)
        load()
        verify(store, small, "warm-up")
    clear(store)


def report(timings: list[Timing], args: argparse.Namespace, agent: str, wall: float) -> None:
    by_name = {t.method: t for t in timings}
    print()
    print(f"server: {agent}")
    print(f"rows: {args.nodes:,} nodes + {args.edges:,} edges = "
          f"{args.nodes + args.edges:,} per method, batch size {args.batch_size:,}, "
          f"seed {args.seed}")
    print()
    print(f"{'method':<14}{'seconds':>10}{'rows/s':>12}  note")
    for t in timings:
        mark = "*" if t.extrapolated else " "
        print(f"{t.method:<14}{t.seconds:>9.2f}{mark}{t.rate:>12,.0f}  {t.note}")
    if any(t.extrapolated for t in timings):
        print(f"* EXTRAPOLATED: only the first {args.per_row_limit:,} rows of each statement "
              "group were timed (--per-row-limit)")
    print()
    per_row = by_name["per-row"].seconds / by_name["batched"].seconds
    overhead = by_name["batched"].seconds / by_name["hand-written"].seconds
    print(f"{'per-row / batched':<24}{per_row:>7.2f}x   target >= {PER_ROW_TARGET:g}x   "
          f"{'PASS' if per_row >= PER_ROW_TARGET else 'FAIL'}")
    print(f"{'batched / hand-written':<24}{overhead:>7.2f}x   target <= {OVERHEAD_TARGET:g}x  "
          f"{'PASS' if overhead <= OVERHEAD_TARGET else 'FAIL'}")
    print()
    print(f"total wall time: {wall:.1f} s")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=10000, help="entities (default 10000)")
    parser.add_argument("--edges", type=int, default=20000, help="relations (default 20000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--home", type=Path, default=None,
                        help="data directory for the embedded server; must be new or empty "
                             "(default: a fresh temporary directory, removed afterwards)")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                        help=f"rows per UNWIND statement (default {BATCH_SIZE}, the store's)")
    parser.add_argument("--per-row-limit", type=int, default=None, metavar="K",
                        help="time only the first K rows of each per-row statement group and "
                             "extrapolate (default: time all rows)")
    parser.add_argument("--chunk", type=int, default=None, metavar="ROWS",
                        help="batched: split into Store.write calls of ROWS entities or "
                             "relations (default: one Store.write, one transaction)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of batched and hand-written; the best counts (default 1)")
    parser.add_argument("--warmup", action=argparse.BooleanOptionalAction, default=True,
                        help="load a small set each way first (default: yes)")
    args = parser.parse_args(argv)
    for name in ("nodes", "edges", "batch_size", "per_row_limit", "chunk", "repeat"):
        value = getattr(args, name)
        if value is not None and value < (0 if name in ("nodes", "edges") else 1):
            parser.error(f"--{name.replace('_', '-')} must be positive")
    if args.nodes + args.edges == 0:
        parser.error("nothing to load: --nodes and --edges are both 0")
    if args.home is not None and args.home.exists() and any(args.home.iterdir()):
        parser.error(f"--home {args.home} is not empty; the benchmark deletes everything in "
                     "its database, so give it a new or empty directory")
    return args


@contextlib.contextmanager
def data_dir(home: Path | None) -> Iterator[Path]:
    if home is not None:
        yield home
        return
    with tempfile.TemporaryDirectory(prefix="hkweb3-bench-") as tmp:
        yield Path(tmp) / "home"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    wall = time.perf_counter()
    schema = load_schema()
    print(f"generating {args.nodes:,} entities and {args.edges:,} relations "
          f"(seed {args.seed}) ...", flush=True)
    batch = make_batch(args.nodes, args.edges, args.seed, schema)
    kinds = Counter(e.kind for e in batch.entities)
    types = Counter(r.type for r in batch.relations)
    print(f"  kinds: {dict(kinds)}\n  types: {dict(types)}", flush=True)

    with data_dir(args.home) as path:
        home = EmbeddedHome(path)
        started = time.perf_counter()
        home.start()
        print(f"embedded server started in {time.perf_counter() - started:.1f} s "
              f"(data dir {home.path})", flush=True)
        try:
            with open_store(StoreConfig(home=home.path)) as store:
                agent = store.server_agent()
                store.setup_schema()
                if args.warmup:
                    print("warming up ...", flush=True)
                    warm_up(store, args)
                timings = measure(store, batch, args)
        finally:
            home.stop()
    report(timings, args, agent, time.perf_counter() - wall)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (BenchError, HKWeb3Error) as exc:
        print(f"bench_store: FAILED: {exc}", file=sys.stderr)
        sys.exit(1)
