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

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from hkweb3.data import REGISTRY_DIR
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.embedded import ROOT_USER, EmbeddedHome
from hkweb3.graph.store import QueryResult, WriteCounts, open_store
from hkweb3.loaders.registry import read_registry


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
    """What ``build`` loaded."""

    registry_entities: int
    registry_relations: int
    citations: int
    nodes_created: int
    relationships_created: int

    def as_rows(self) -> list[dict[str, Any]]:
        return [{"item": k, "count": v} for k, v in asdict(self).items()]


def build(config: StoreConfig | None = None, registry: Path | str | None = None) -> BuildReport:
    """Load the curated registry into the store, whole or not at all; safe to re-run."""
    batch = read_registry(registry or REGISTRY_DIR)
    batch.check()
    with open_store(_config(config)) as store:
        store.setup_schema()
        counts: WriteCounts = store.write(batch)
    return BuildReport(
        registry_entities=counts.entities,
        registry_relations=counts.relations,
        citations=counts.documents,
        nodes_created=counts.nodes_created,
        relationships_created=counts.relationships_created,
    )


def stats(config: StoreConfig | None = None) -> dict[str, dict[str, int]]:
    """Node counts by label and edge counts by type."""
    with open_store(_config(config)) as store:
        return store.stats()


def run_cypher(
    query: str,
    parameters: dict[str, Any] | None = None,
    write: bool = False,
    config: StoreConfig | None = None,
) -> QueryResult:
    """Run one Cypher statement; it must only read unless ``write`` is true."""
    with open_store(_config(config)) as store:
        return store.execute(query, parameters, write=write)
