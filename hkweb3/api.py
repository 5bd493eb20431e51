"""The Python API of hkweb3: what the ``hkweb3`` command does, callable from scripts.

Every function takes an optional :class:`~hkweb3.graph.config.StoreConfig` (default: from
the environment, which means the embedded store unless ``NEO4J_URI`` is set) and returns
plain data. Errors are :mod:`hkweb3.errors` exceptions.

Examples (the store's contents vary, so these are not run as doctests)::

    from hkweb3 import api
    report = api.build()                 # BuildReport: the registry, then each document
    api.stats()["nodes"]["Bank"]         # how many banks the graph holds
    api.run_query("platform-banks", {"platform": "HashKey PRO"}).rows
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from hkweb3.data import DOCUMENTS_DIR, REGISTERS_DIR, REGISTRY_DIR
from hkweb3.errors import InputError, QueryError
from hkweb3.graph import analysis, judging
from hkweb3.graph import review as reviewing
from hkweb3.graph.analysis import Brokers, Community, GraphFilter, Ranking
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.conflicts import Conflict, find_conflicts
from hkweb3.graph.embedded import READER_USER, ROOT_USER, EmbeddedHome
from hkweb3.graph.export import export as export_graph
from hkweb3.graph.memory import MemoryGraph
from hkweb3.graph.models import Entity
from hkweb3.graph.read import read_export, read_store
from hkweb3.graph.schema import load_schema
from hkweb3.graph.store import QueryResult, Store, WriteCounts, open_store
from hkweb3.loaders import judgements as judging_files
from hkweb3.loaders.judgements import Judgement, Judgements, prepare_batch
from hkweb3.loaders.readers import describe_skipped
from hkweb3.loaders.registers import (
    TABLE_SUFFIXES,
    RegisterLoader,
    is_mapping,
    known_mappings,
    read_snapshot,
    register_entities,
    register_of,
)
from hkweb3.loaders.registry import read_registry
from hkweb3.queries.library import load_library, run_named
from hkweb3.viz.html import render_html

if TYPE_CHECKING:
    from hkweb3.loaders.dry_run import Preview
    from hkweb3.loaders.ingest import DocumentResult, Ingester


def _config(config: StoreConfig | None) -> StoreConfig:
    return config or StoreConfig.from_env()


# -- the embedded server -------------------------------------------------------------------


def db_start(config: StoreConfig | None = None) -> dict[str, Any]:
    """Start the embedded server in the background (or find it running); return its status."""
    home = EmbeddedHome(_config(config).home)
    home.start(persistent=True)
    return db_status(config)


def db_stop(config: StoreConfig | None = None) -> bool:
    """Stop the embedded server; return whether one was running."""
    return EmbeddedHome(_config(config).home).stop()


def db_status(config: StoreConfig | None = None) -> dict[str, Any]:
    """Where the embedded server is and how to connect to it (never the password itself)."""
    config = _config(config)
    home = EmbeddedHome(config.home)
    info = home.running()
    status: dict[str, Any] = {
        "running": info is not None,
        "uri": info.uri if info else None,
        "user": ROOT_USER,
        "database": info.database if info else None,
        "password_file": str(home.password_file),
        "read_user": READER_USER,
        "read_password_file": str(home.reader_password_file),
        "data_dir": str(home.path),
        "pid": info.pid if info else None,
        "mode": info.mode if info else None,
    }
    if config.uri:
        status["note"] = f"NEO4J_URI is set: other commands use {config.uri}, not this server"
    return status


# -- the graph -----------------------------------------------------------------------------


@dataclass
class BuildReport:
    """What ``build`` loaded: the registry, then each document."""

    registry_entities: int
    registry_relations: int
    citations: int
    documents: list[DocumentResult]
    #: Judgements that name no entity of the built graph (``FILE:LINE: ...``).
    judgement_errors: list[str] = dataclasses.field(default_factory=list)
    #: The public registers, loaded after the registry and before the documents.
    registers: list[DocumentResult] = field(default_factory=list)

    def as_rows(self) -> list[dict[str, Any]]:
        rows = [{"file": "data/registry", "document": "(registry)", "status": "loaded",
                 "entities": self.registry_entities, "relations": self.registry_relations}]
        return rows + [d.as_row() for d in (*self.registers, *self.documents)]


def build(
    config: StoreConfig | None = None,
    registry: Path | str | None = None,
    documents: Path | str | None = None,
    progress: Callable[[DocumentResult], None] | None = None,
    on_files: Callable[[int], None] | None = None,
    *,
    replace: bool = False,
    follow_links: bool = False,
    on_skipped: Callable[[list[str]], None] | None = None,
    registers: Path | str | None = None,
) -> BuildReport:
    """Build the graph: the curated registry (whole or not at all), the public registers
    (each whole or not at all), then every source document (each whole or not at all).
    Safe to re-run: unchanged input changes nothing. The shipped registers load with the
    shipped registry; with another ``registry``, only ``registers`` if given.
    ``replace``, ``follow_links`` and ``on_skipped`` are as for :func:`ingest`.

    The judgements (:func:`judgements`) are read first (a malformed or contradictory file
    stops the build before anything is written) and applied to everything written, and to
    what the store already holds. A shipped judgement naming no entity of the shipped graph
    is reported in ``judgement_errors`` (the analyst's may name entities of documents
    ingested later)."""
    judged = judgements(config)
    batch = read_registry(registry or REGISTRY_DIR)
    batch.check()
    with open_store(_config(config)) as store:
        store.setup_schema()
        counts: WriteCounts = store.write(prepare_batch(judged, store, batch))
        folder = registers or (REGISTERS_DIR if registry is None else None)
        found = _register_files([Path(folder)]) if folder else {}
        loaded = list(_each(_load_registers(store, batch.entities, found), progress))
        ingester = _ingester(store, _with_registers(store, batch.entities), replace,
                             follow_links, judged)
        files = _found(ingester, [Path(documents or DOCUMENTS_DIR)], on_files, on_skipped)
        # closed before the store is, even when ``progress`` raises: no writer outlives it
        with contextlib.closing(ingester.run(files)) as run:
            results = list(_each(run, progress))
        _apply_stored(store, judged)
        errors = [] if registry or documents else _unknown_shipped(store, judged)
    return BuildReport(counts.entities, counts.relations, counts.documents, results, errors,
                       registers=loaded)


def ingest(
    paths: Iterable[Path | str],
    config: StoreConfig | None = None,
    registry: Path | str | None = None,
    progress: Callable[[DocumentResult], None] | None = None,
    on_files: Callable[[int], None] | None = None,
    *,
    replace: bool = False,
    follow_links: bool = False,
    on_skipped: Callable[[list[str]], None] | None = None,
) -> list[DocumentResult]:
    """Ingest files or folders: each document is written whole or not at all, an unchanged
    one is skipped, a changed one replaces its claims, a bad one is reported and skipped.

    Only regular files are read. A document whose id is taken by one from another file is
    refused unless ``replace``; a symbolic link out of the folder it is found in is
    refused unless ``follow_links``. ``progress`` is called with each result as soon as it
    is committed (what a run that fails midway has done); ``on_skipped`` with one line per
    kind of file the folder walks left out (unsupported types, hidden entries), if any.

    A feed file gives one result per item; PDF evidence names its page."""
    judged = judgements(config)
    entities = read_registry(registry or REGISTRY_DIR).entities
    with open_store(_config(config)) as store:
        store.setup_schema()
        paths = [Path(p) for p in paths]
        snapshots = _register_files(paths)
        loaded = list(_each(_load_registers(store, entities, snapshots), progress))
        ingester = _ingester(store, _with_registers(store, entities), replace, follow_links,
                             judged)
        claimed = {file for found in snapshots.values() for file, _ in found}
        files = [f for f in _found(ingester, paths, on_files, on_skipped, claimed)
                 if f not in claimed and not is_mapping(f)]
        with contextlib.closing(ingester.run(files)) as run:
            return loaded + list(_each(run, progress))


# -- public registers -----------------------------------------------------------------------


def registers(folder: Path | str | None = None) -> list[dict[str, Any]]:
    """The known register mappings (``data/registers/*.yaml``, or ``folder``'s): name,
    title, kind of the rows, edges each row yields, statuses, source page, snapshots."""
    folder = Path(folder or REGISTERS_DIR)
    rows = []
    for name, mapping in known_mappings([folder]).items():
        dates = sorted(p.stem.removeprefix(f"{name}-") for p in folder.iterdir()
                       if p.suffix.lower() in TABLE_SUFFIXES and register_of(p, {}) == mapping)
        rows.append({**mapping.as_row(), "snapshots": ", ".join(dates)})
    return rows


def _with_registers(store: Store, entities: list[Entity]) -> list[Entity]:
    """The registry's entities and those the stored registers added."""
    known = {e.id for e in entities}
    added = register_entities(store, known_mappings())
    return [*entities, *(e for e in added if e.id not in known)]


def _register_files(paths: list[Path]) -> dict[str, list[tuple[Path, Any]]]:
    """The register snapshots among ``paths`` (files, or folders walked for them), by
    register: ``(file, mapping)``."""
    mappings = known_mappings()
    found: dict[str, list[tuple[Path, Any]]] = {}
    for path in paths:
        candidates = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in candidates:
            mapping = register_of(file, mappings) if file.is_file() else None
            if mapping is not None:
                found.setdefault(mapping.register, []).append((file, mapping))
    return found


def _load_registers(store: Store, entities: Iterable[Entity],
                    found: dict[str, list[tuple[Path, Any]]]) -> Iterator[DocumentResult]:
    """Load register snapshots, one register per transaction; a snapshot that does not fit
    its mapping stops its register whole (an error result) and the others go on."""
    from hkweb3.loaders.ingest import DocumentResult

    loader = RegisterLoader(store, entities)
    for name, files in sorted(found.items()):
        try:
            snapshots = sorted((read_snapshot(f, m) for f, m in files), key=lambda s: s.date)
        except InputError as exc:
            yield DocumentResult(path=files[0][0], document=None, status="error",
                                 error=str(exc))
            continue
        hashes = store.document_hashes(s.document_id for s in snapshots)
        if all(hashes.get(s.document_id) == loader.content_hash(s) for s in snapshots):
            yield DocumentResult(path=snapshots[-1].path, document=name, status="unchanged")
            continue
        try:
            counts = loader.load(snapshots)
        except InputError as exc:
            yield DocumentResult(path=snapshots[-1].path, document=None, status="error",
                                 error=str(exc))
            continue
        yield DocumentResult(path=snapshots[-1].path, document=name, status="loaded",
                             words=sum(len(s.rows) for s in snapshots),
                             entities=counts["entities"], relations=counts["relations"])


def _ingester(store: Store, entities: Iterable[Entity], replace: bool,
              follow_links: bool, judged: Judgements) -> Ingester:
    # spaCy takes about a second to import: only the commands that read documents pay it.
    from hkweb3.loaders.ingest import Ingester

    return Ingester(store, entities, replace=replace, follow_links=follow_links,
                    prepare=lambda batch: prepare_batch(judged, store, batch))


def _found(ingester: Ingester, paths: list[Path], on_files: Callable[[int], None] | None,
           on_skipped: Callable[[list[str]], None] | None,
           claimed: set[Path] = frozenset()) -> list[Path]:
    files = ingester.files(paths)
    if claimed:  # register snapshots were read, not skipped
        for file in claimed:
            if ingester.skipped[file.suffix.lower()] > 0:
                ingester.skipped[file.suffix.lower()] -= 1
        ingester.skipped += Counter()  # drops the kinds that went to zero
    if on_skipped and ingester.skipped:
        on_skipped(describe_skipped(ingester.skipped))
    if on_files:
        on_files(len(files))
    return files


def _each(results: Iterable[DocumentResult], progress) -> Iterator[DocumentResult]:
    for result in results:
        if progress:
            progress(result)
        yield result


def forget(document_ids: Iterable[str], config: StoreConfig | None = None) -> list[str]:
    """Withdraw documents and every claim only they support; return the ids that existed."""
    with open_store(_config(config)) as store:
        return store.forget(document_ids)


def dump(config: StoreConfig | None = None) -> dict[str, list[dict[str, Any]]]:
    """The whole graph as plain data (the JSON export's shape)."""
    with open_store(_config(config), read_only=True) as store:
        return store.dump()


def export(
    fmt: str, out: Path | str, config: StoreConfig | None = None, as_of: dt.date | None = None
) -> Path:
    """Write the graph (as of ``as_of``, if given) as ``json``, ``graphml`` or ``csv`` (a
    folder for neo4j-admin)."""
    # Every entity and document stays; only facts are dated.
    where = GraphFilter.as_of(as_of, with_places=True) if as_of else \
        GraphFilter(with_places=True)
    return export_graph(_read_in_full(where, config, None), fmt, Path(out))


def conflicts(config: StoreConfig | None = None) -> list[Conflict]:
    """Claims that disagree (two holders of a single-holder role, two parents), each with
    its sources."""
    return find_conflicts(dump(config)["edges"])


def stats(config: StoreConfig | None = None) -> dict[str, dict[str, int]]:
    """Node counts by label and edge counts by type."""
    with open_store(_config(config), read_only=True) as store:
        return store.stats()


def list_queries() -> list[dict[str, Any]]:
    """The named queries: name, description and parameters of each."""
    return [{"name": q.name, "description": q.description,
             "parameters": ", ".join(p.describe() for p in q.params)}
            for q in load_library().values()]


def run_query(
    name: str, parameters: dict[str, Any] | None = None, config: StoreConfig | None = None
) -> QueryResult:
    """Run a named query read-only; entity parameters may be ids, names or aliases."""
    library = load_library()
    if name not in library:
        raise QueryError(f"no query named {name!r}; `hkweb3 query` lists them")
    with open_store(_config(config), read_only=True) as store:
        return run_named(store, library[name], dict(parameters or {}))


def run_cypher(
    query: str,
    parameters: dict[str, Any] | None = None,
    write: bool = False,
    config: StoreConfig | None = None,
) -> QueryResult:
    """Run one Cypher statement; it must only read unless ``write`` is true.

    A read runs as the store's read-only user, so the server itself refuses any change; a
    write runs as the administrator."""
    with open_store(_config(config), read_only=not write) as store:
        return store.execute(query, parameters, write=write)


# -- reviewing and correcting the graph -------------------------------------------------------


def judgement_files(config: StoreConfig | None = None) -> list[Path]:
    """The judgements files, in the order they apply: the shipped graph's, then the
    analyst's own in the data directory."""
    return [judging_files.shipped_file(), judging_files.analyst_file(_config(config).home)]


def judgements(config: StoreConfig | None = None) -> Judgements:
    """Every judgement in force (see :mod:`hkweb3.loaders.judgements`); raises InputError
    (``FILE:LINE``) for a malformed or contradictory file."""
    return judging_files.read_judgements(judgement_files(config))


def list_judgements(config: StoreConfig | None = None) -> list[dict[str, Any]]:
    """Every judgement in force, with the file and line it is on."""
    return [item.as_row() for item in judgements(config).items]


def ingest_dry_run(
    paths: Iterable[Path | str],
    config: StoreConfig | None = None,
    registry: Path | str | None = None,
    on_files: Callable[[int], None] | None = None,
    *,
    replace: bool = False,
    follow_links: bool = False,
    on_skipped: Callable[[list[str]], None] | None = None,
) -> Preview:
    """What :func:`ingest` would add, writing nothing: each document's entities (new or
    known, and those a judgement merges into another), and its facts with their sentences
    and rules, in the export's shape (``Preview.as_dump``)."""
    from hkweb3.loaders.dry_run import DryRun

    judged = judgements(config)
    entities = read_registry(registry or REGISTRY_DIR).entities
    with open_store(_config(config), read_only=True) as store:
        dry = DryRun(store, entities, judged, replace=replace, follow_links=follow_links)
        files = _found(dry, [Path(p) for p in paths], on_files, on_skipped)
        with contextlib.closing(dry.run(files)) as run:
            for _ in run:
                pass
    return dry.preview


def judge_same(refs: Sequence[str], config: StoreConfig | None = None) -> dict[str, Any]:
    """Judge entities (ids, names or aliases) one: the first is kept, the others are merged
    into it (edges, evidence, sources and mentions move; their names become its aliases).
    Recorded in the analyst's judgements file and applied at once, in one transaction."""
    if len(refs) < 2:
        raise QueryError("judge same takes two or more entities")
    with open_store(_config(config)) as store:
        judged = judgements(config)
        ids = [_resolve(store, judged, ref, config) for ref in refs]
        kept = judged.canonical(ids[0])
        if len({judged.canonical(i) for i in ids}) == 1:
            raise InputError(f"{', '.join(refs)} are already one entity ({kept})")
        rows = judging.stored_entities(store, {judged.canonical(i) for i in ids})
        families = {load_schema().labels_for(r["kind"])[-2] for r in rows.values()}
        if len(families) > 1:
            raise InputError(f"{', '.join(refs)} are of different kinds "
                             f"({', '.join(sorted(r['kind'] for r in rows.values()))}); "
                             "only entities of one kind can be one")
        item = _record(config, judged, Judgement("same", tuple(dict.fromkeys(ids))))

        def apply() -> list[str]:
            return judging.merge_entities(store, judged.canonical(kept), judged.group(kept))

        merged = _applied(config, item, apply)
    return {**item.as_row(), "kept": judged.canonical(kept), "merged": merged}


def judge_different(a: str, b: str, config: StoreConfig | None = None) -> dict[str, Any]:
    """Judge two entities different: ``review`` no longer proposes them, and a later
    ``judge same`` for them is refused. Recorded in the analyst's judgements file."""
    with open_store(_config(config), read_only=True) as store:
        judged = judgements(config)
        ids = (_resolve(store, judged, a, config), _resolve(store, judged, b, config))
    if ids[0] == ids[1]:
        raise InputError(f"{a} and {b} are the same entity ({ids[0]})")
    item = _record(config, judged, Judgement("different", ids))
    _applied(config, item, lambda: None)
    return item.as_row()


def judge_reject(source: str, edge_type: str, target: str, *, document: str | None = None,
                 role: str | None = None, config: StoreConfig | None = None) -> dict[str, Any]:
    """Judge a fact wrong: it is removed now (only ``document``'s evidence for it, if given;
    only the edge of that ``role``, if given) and never written again, whichever document
    states it. Recorded in the analyst's judgements file; applied in one transaction."""
    if edge_type not in load_schema().edges:
        raise QueryError(f"unknown edge type {edge_type!r} (choose from "
                         f"{', '.join(load_schema().edges)})")
    with open_store(_config(config)) as store:
        judged = judgements(config)
        ends = (judged.canonical(_resolve(store, judged, source, config)),
                judged.canonical(_resolve(store, judged, target, config)))
        item = _record(config, judged, Judgement("reject", ends, type=edge_type,
                                                 document=document, role=role))
        changed = _applied(config, item, lambda: judging.reject_fact(store, item.fact))
    return {**item.as_row(), "edges_changed": changed}


def review(limit: int | None = 20, threshold: float | None = None,
           config: StoreConfig | None = None) -> list[reviewing.Candidate]:
    """What to review: likely duplicate entities (names equal but for punctuation or a
    legal suffix, or a RapidFuzz score of ``threshold`` or more), then the facts with a
    single source or a low confidence, weakest first; at most ``limit`` of each. Pairs
    judged different are left out. Each carries the ``hkweb3 judge`` command accepting it."""
    judged = judgements(config)
    data = dump(config)
    pairs = reviewing.duplicates(data["nodes"], judged.is_different, threshold=threshold)
    facts = reviewing.weak_facts(data["edges"])
    return pairs[:limit] + facts[:limit]


def _resolve(store: Store, judged: Judgements, ref: str, config: StoreConfig | None) -> str:
    """The id of the entity ``ref`` names (an id, name or alias; or an id merged away).

    Raises InputError naming the analyst's file and the line the judgement would take."""
    if ref in judged.merged_ids():
        return ref
    from hkweb3.queries.library import resolve_entity

    try:
        return resolve_entity(store, ref).id
    except QueryError as exc:
        file = judging_files.analyst_file(_config(config).home)
        raise InputError(f"{file}:{judging_files.next_line(file)}: {exc}; the judgement was "
                         "not recorded") from None


def _record(config: StoreConfig | None, judged: Judgements, item: Judgement) -> Judgement:
    """``item`` placed at the end of the analyst's file (not yet written), checked against
    every judgement in force (raises InputError naming that file and line)."""
    file = judging_files.analyst_file(_config(config).home)
    placed = dataclasses.replace(item, file=file, line=judging_files.next_line(file))
    judged.add(placed)
    return placed


def _applied(config: StoreConfig | None, item: Judgement, apply: Callable[[], Any]) -> Any:
    """Write ``item`` to the analyst's file, then apply it to the store; if that fails,
    the file is put back as it was."""
    file = judging_files.analyst_file(_config(config).home)
    before = file.read_text(encoding="utf-8") if file.exists() else None
    judging_files.append_judgement(file, item)
    try:
        return apply()
    except BaseException:
        judging_files.restore(file, before)
        raise


def _apply_stored(store: Store, judged: Judgements) -> None:
    """Apply the judgements to what the store already holds (a file edited by hand since the
    last build)."""
    merged = judged.merged_ids()
    if merged:
        present = judging.stored_entities(store, [*merged, *merged.values()])
        for kept in sorted({merged[i] for i in merged if i in present}):
            if kept in present:
                judging.merge_entities(store, kept, judged.group(kept))
    for reject in judged.rejects:
        judging.reject_fact(store, reject.fact)


def _unknown_shipped(store: Store, judged: Judgements) -> list[str]:
    """An error (``FILE:LINE``) for a shipped judgement naming no entity of the graph."""
    shipped = Judgements(i for i in judged.items if i.file == judging_files.shipped_file())
    try:
        shipped.check_known(judging.known_ids(store))
    except InputError as exc:
        return [str(exc)]
    return []


# -- analysis (NetworkX) -------------------------------------------------------------------


def analysis_graph(
    where: GraphFilter | None = None,
    config: StoreConfig | None = None,
    source: Path | str | None = None,
) -> nx.MultiDiGraph:
    """The graph (or the part ``where`` selects) as a NetworkX ``MultiDiGraph``: from the
    store, or from ``source``, a file written by ``export --format json``."""
    if source is not None:  # with the evidence the file holds
        return read_export(source, where).multigraph()
    with _analysed(where, config, None, write_back=False) as (graph, _store):
        return graph.multigraph()


@contextlib.contextmanager
def _analysed(
    where: GraphFilter | None,
    config: StoreConfig | None,
    source: Path | str | None,
    write_back: bool,
) -> Iterator[tuple[MemoryGraph, Store | None]]:
    """The graph to analyse, as read (the analysis functions build their views from it), and
    the store to write scores to when ``write_back``."""
    if source is not None:
        if write_back:
            raise QueryError("write-back needs the store; it cannot write to an exported file")
        yield read_export(source, where, detail=False), None
        return
    with open_store(_config(config), read_only=not write_back) as store:
        yield read_store(store, where), store


def _read_in_full(where: GraphFilter, config: StoreConfig | None,
                  source: Path | str | None) -> MemoryGraph:
    """The part of the graph ``where`` selects with its evidence and every property: from
    ``source`` (an exported file) or the store."""
    if source is not None:
        return read_export(source, where)
    with open_store(_config(config), read_only=True) as store:
        return read_store(store, where, detail=True)


def centrality(
    metric: str = "pagerank",
    *,
    kinds: Sequence[str] | None = None,
    top: int | None = None,
    directed: bool | None = None,
    weight: str | None = None,
    where: GraphFilter | None = None,
    write_back: bool = False,
    source: Path | str | None = None,
    config: StoreConfig | None = None,
) -> Ranking:
    """Rank entities by ``metric`` (see :data:`hkweb3.graph.analysis.METRICS`).

    Scores are computed on the graph ``where`` selects (all of it by default); ``kinds``
    and ``top`` only choose what is returned. ``write_back`` stores every score as the
    entity property named after the metric, replacing earlier values.
    """
    with _analysed(where, config, source, write_back) as (g, store):
        ranking = analysis.centrality(g, metric, directed=directed, weight=weight)
        if store is not None and write_back:
            analysis.write_scores(store, metric, _entities_only(g, ranking.as_dict()))
    return ranking.select(kinds, top)


def communities(
    *,
    weight: str = "sources",
    resolution: float = 1.0,
    where: GraphFilter | None = None,
    write_back: bool = False,
    source: Path | str | None = None,
    config: StoreConfig | None = None,
) -> list[Community]:
    """Seeded Louvain communities, largest first; ``write_back`` stores each entity's
    community number as its ``community`` property."""
    with _analysed(where, config, source, write_back) as (g, store):
        found = analysis.communities(g, weight=weight, resolution=resolution)
        if store is not None and write_back:
            analysis.write_scores(store, "community", _entities_only(g, analysis.membership(found)))
    return found


def brokers(
    from_kinds: Sequence[str],
    to_kinds: Sequence[str],
    *,
    top: int | None = None,
    weight: str = "none",
    where: GraphFilter | None = None,
    source: Path | str | None = None,
    config: StoreConfig | None = None,
) -> Brokers:
    """Entities on the shortest paths between entities of ``from_kinds`` and ``to_kinds``
    (e.g. banks and trading platforms), most traffic first; ``notes`` says when a large first
    group was sampled."""
    with _analysed(where, config, source, False) as (g, _store):
        return analysis.brokers(g, from_kinds, to_kinds, weight=weight, top=top)


def path(
    a: str,
    b: str,
    *,
    weight: str = "none",
    where: GraphFilter | None = None,
    source: Path | str | None = None,
    config: StoreConfig | None = None,
) -> PathRows:
    """A shortest path between two entities (ids, names or aliases), one row per fact on
    it, each with its evidence (documents, sentences, dates); the rows' ``notes`` say which
    entity a name or alias was taken to mean."""
    g = _read_in_full(where or GraphFilter(), config, source)
    try:
        start, end = analysis.resolve(g, a), analysis.resolve(g, b)
    except QueryError as exc:
        if where is not None and where.with_places:
            raise
        raise QueryError(f"{exc} (places are left out unless asked for: "
                         "--with-places, or where=GraphFilter(with_places=True))") from None
    steps = analysis.shortest_path(g, start, end, weight=weight)
    rows = PathRows(row for number, step in enumerate(steps, 1) for row in step.as_rows(g, number))
    rows.notes = [f"{end_name}: {given!r} is {g.nodes[node].name} (id {node})"
                  for end_name, given, node in (("from", a, start), ("to", b, end))
                  if given != node]
    return rows


class PathRows(list[dict[str, Any]]):
    """The rows :func:`path` returns; ``notes`` says which entity each name was taken for."""

    notes: list[str]


def _entities_only(g: MemoryGraph, values: dict[str, Any]) -> dict[str, Any]:
    """Scores of entities (documents, when analysed too, are not written to)."""
    document = load_schema().document_label
    return {node: value for node, value in values.items() if g.nodes[node].kind != document}


# -- the HTML view -------------------------------------------------------------------------


def viz(
    out: Path | str,
    *,
    focus: str | None = None,
    depth: int = 1,
    kinds: Sequence[str] | None = None,
    size_by: str = "pagerank",
    max_nodes: int | None = None,
    title: str | None = None,
    as_of: dt.date | None = None,
    source: Path | str | None = None,
    config: StoreConfig | None = None,
) -> Path:
    """Write the graph as one self-contained HTML file that works offline.

    ``focus`` (an id, name or alias) keeps its neighbourhood to ``depth`` hops; ``kinds``
    keeps entities of those kinds; ``max_nodes`` keeps the highest by ``size_by`` (a metric
    of :data:`hkweb3.graph.analysis.METRICS`, or ``none``), which also sizes the nodes.
    ``as_of`` is the date the page's timeline opens at; every fact stays in the page, so
    the reader can move on from there.
    """
    if size_by != "none" and size_by not in analysis.METRICS:
        raise QueryError(f"unknown size {size_by!r} (choose from none, "
                         f"{', '.join(analysis.METRICS)})")
    if max_nodes is not None and max_nodes < 1:
        raise QueryError(f"max nodes must be 1 or more, not {max_nodes}")
    # Places stay in the page (hidden until their checkbox shows them), but are scored as
    # analysis scores by default, without them: they rank last for --max-nodes.
    g = _read_in_full(GraphFilter(kinds=kinds, with_places=True), config, source)
    keep = set(g.nodes)
    center = None
    if focus is not None:
        center = analysis.resolve(g, focus)
        keep = analysis.ego(g, center, depth)
    # Scores come from the whole graph, so a node is drawn the same size in every view.
    scored = GraphFilter(kinds=kinds).kind_test()
    actors = g.part(n for n, node in g.nodes.items() if scored(node.kind))
    scores = {} if size_by == "none" else analysis.centrality(actors, size_by).as_dict()
    if max_nodes is not None and len(keep) > max_nodes:
        ranked = sorted(keep, key=lambda n: (n != center, -scores.get(n, 0.0), n))
        keep = set(ranked[:max_nodes])
    default_title = "hkweb3: the Hong Kong Web3 ecosystem"
    if center is not None:
        default_title += f", around {g.nodes[center].name}"
    return render_html(g.part(keep), Path(out), title=title or default_title,
                       sizes={n: v for n, v in scores.items() if n in keep} or None,
                       size_label=size_by if size_by != "none" else "degree",
                       start_date=as_of)

