"""Shared fixtures: one real embedded server per test session, in a temporary data dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from hkweb3.data import REGISTRY_DIR
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.embedded import EmbeddedHome
from hkweb3.graph.store import Store, open_store
from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.registry import read_registry

# Tests never reach a store configured for real use.
for _name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "HKWEB3_HOME"):
    os.environ.pop(_name, None)


@pytest.fixture(scope="session")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedHome]:
    """The session's embedded server, started once and stopped at the end."""
    embedded = EmbeddedHome(tmp_path_factory.mktemp("hkweb3-home"))
    embedded.start()
    yield embedded
    embedded.stop()


@pytest.fixture(scope="session")
def config(home: EmbeddedHome) -> StoreConfig:
    return StoreConfig(home=home.path)


@pytest.fixture
def store(config: StoreConfig) -> Iterator[Store]:
    """A store on the session's server, emptied before the test."""
    with open_store(config) as opened:
        opened.setup_schema()
        clear(opened)
        yield opened


@pytest.fixture(scope="module")
def built(config: StoreConfig) -> StoreConfig:
    """The shipped graph (registry and documents), built once for the test module."""
    from hkweb3 import api

    with open_store(config) as opened:
        opened.setup_schema()
        clear(opened)
    api.build(config)
    return config


@pytest.fixture
def cli_env(home: EmbeddedHome) -> dict[str, str]:
    """Environment for CLI runs against the session's server."""
    return {"HKWEB3_HOME": str(home.path)}


def clear(store: Store) -> None:
    store.execute("MATCH (n:Entity) DETACH DELETE n", write=True)
    store.execute("MATCH (d:Document) DETACH DELETE d", write=True)


@pytest.fixture
def fresh_home(tmp_path: Path) -> Iterator[EmbeddedHome]:
    """A data dir of the test's own (for start/stop/crash tests); stopped afterwards."""
    embedded = EmbeddedHome(tmp_path / "home")
    yield embedded
    embedded.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Debian's Chromium, driven by Playwright (browser downloads do not work here)."""
    from tests.viz_support import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (CI installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """The shipped pipeline with the shipped registry, new for each test module: an
    extractor keeps the kind it first gave each discovered name (as one ingest must), so
    one module's names would otherwise carry into the next's."""
    return Extractor(read_registry(REGISTRY_DIR).entities)
