"""The Python API of hkweb3: what the ``hkweb3`` command does, callable from scripts.

Every function takes an optional :class:`~hkweb3.graph.config.StoreConfig` (default: from
the environment, which means the embedded store unless ``NEO4J_URI`` is set) and returns
plain data. Errors are :mod:`hkweb3.errors` exceptions.

Examples
--------
>>> from hkweb3 import api
>>> api.build()  # doctest: +SKIP
BuildReport(registry_entities=..., ...)
>>> api.stats()["nodes"]["Bank"]  # doctest: +SKIP
12
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hkweb3.data import DOCUMENTS_DIR, REGISTRY_DIR
from hkweb3.errors import QueryError
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.conflicts import Conflict, find_conflicts
from hkweb3.graph.embedded import ROOT_USER, EmbeddedHome
from hkweb3.graph.export import export as export_graph
from hkweb3.graph.store import QueryResult, WriteCounts, open_store
from hkweb3.loaders.ingest import DocumentResult, Ingester
from hkweb3.loaders.registry import read_registry
from hkweb3.queries.library import load_library, run_named


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

    def as_rows(self) -> list[dict[str, Any]]:
        rows = [{"file": "data/registry", "document": "(registry)", "status": "loaded",
                 "entities": self.registry_entities, "relations": self.registry_relations}]
        return rows + [d.as_row() for d in self.documents]


def build(
    config: StoreConfig | None = None,
    registry: Path | str | None = None,
    documents: Path | str | None = None,
    progress: Callable[[DocumentResult], None] | None = None,
    on_files: Callable[[int], None] | None = None,
) -> BuildReport:
    """Build the graph: the curated registry (whole or not at all), then every source
    document (each whole or not at all). Safe to re-run: unchanged input changes nothing."""
    batch = read_registry(registry or REGISTRY_DIR)
    batch.check()
    with open_store(_config(config)) as store:
        store.setup_schema()
        counts: WriteCounts = store.write(batch)
        ingester = Ingester(store, batch.entities)
        files = ingester.files([Path(documents or DOCUMENTS_DIR)])
        if on_files:
            on_files(len(files))
        results = list(_each(ingester.run(files), progress))
    return BuildReport(counts.entities, counts.relations, counts.documents, results)


def ingest(
    paths: Iterable[Path | str],
    config: StoreConfig | None = None,
    registry: Path | str | None = None,
    progress: Callable[[DocumentResult], None] | None = None,
    on_files: Callable[[int], None] | None = None,
) -> list[DocumentResult]:
    """Ingest files or folders: each document is written whole or not at all, an unchanged
    one is skipped, a changed one replaces its claims, a bad one is reported and skipped."""
    entities = read_registry(registry or REGISTRY_DIR).entities
    with open_store(_config(config)) as store:
        store.setup_schema()
        ingester = Ingester(store, entities)
        files = ingester.files([Path(p) for p in paths])
        if on_files:
            on_files(len(files))
        return list(_each(ingester.run(files), progress))


def _each(results: Iterable[DocumentResult], progress) -> Iterator[DocumentResult]:
    for result in results:
        if progress:
            progress(result)
        yield result


def forget(document_ids: Iterable[str], config: StoreConfig | None = None) -> int:
    """Withdraw documents and every claim only they support; return how many existed."""
    with open_store(_config(config)) as store:
        return store.forget(document_ids)


def dump(config: StoreConfig | None = None) -> dict[str, list[dict[str, Any]]]:
    """The whole graph as plain data (the JSON export's shape)."""
    with open_store(_config(config)) as store:
        return store.dump()


def export(fmt: str, out: Path | str, config: StoreConfig | None = None) -> Path:
    """Write the graph as ``json``, ``graphml`` or ``csv`` (a folder for neo4j-admin)."""
    return export_graph(dump(config), fmt, Path(out))


def conflicts(config: StoreConfig | None = None) -> list[Conflict]:
    """Claims that disagree (two holders of a single-holder role, two parents), each with
    its sources."""
    return find_conflicts(dump(config)["edges"])


def stats(config: StoreConfig | None = None) -> dict[str, dict[str, int]]:
    """Node counts by label and edge counts by type."""
    with open_store(_config(config)) as store:
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
    with open_store(_config(config)) as store:
        return run_named(store, library[name], dict(parameters or {}))


def run_cypher(
    query: str,
    parameters: dict[str, Any] | None = None,
    write: bool = False,
    config: StoreConfig | None = None,
) -> QueryResult:
    """Run one Cypher statement; it must only read unless ``write`` is true."""
    with open_store(_config(config)) as store:
        return store.execute(query, parameters, write=write)
