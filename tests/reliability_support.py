"""Helpers for the reliability tests: generated documents, the CLI as a subprocess, the
embedded server's process, and a graph dump that two runs can be compared by."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hkweb3 import api
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.embedded import EmbeddedHome
from hkweb3.graph.schema import load_schema
from hkweb3.graph.store import open_store
from tests.conftest import clear

BANKS = ["ZA Bank", "Mox Bank", "WeLab Bank", "Bank of China", "Standard Chartered"]
PLATFORMS = ["OSL", "HashKey Exchange", "HKVAX"]
_FIRST = ["Mara", "Tobin", "Ines", "Corin", "Dalia", "Ewan", "Fenna", "Galen", "Hana", "Ivo"]
_LAST = ["Quill", "Hale", "Marsh", "Vance", "Lowe", "Pryce", "Abbot", "Thorne", "Wren", "Yates"]
_PLACE = ["Harbour", "Peak", "Junk", "Lantau", "Kowloon", "Victoria", "Tsing", "Sai", "Lamma",
          "Cheung", "Stanley", "Aberdeen", "Shek", "Tai", "Mong"]
_COLOUR = ["Crest", "Gate", "Bay", "Ridge", "Point", "Stone", "Light", "Field", "Wharf", "Hill",
           "Rock", "Tide", "Moon", "Star"]


def discovered_bank(i: int) -> str:
    """A bank the registry does not know; 210 distinct names."""
    return f"{_PLACE[i % 15]} {_COLOUR[(i // 15) % 14]} Bank"


def person(i: int) -> str:
    return f"{_FIRST[i % 10]} {_LAST[(i // 10) % 10]}"


def document_text(i: int) -> str:
    """Document ``i``: front matter, and sentences the extractor turns into relations
    (banking ties between registry and discovered banks and platforms, a chief executive)."""
    bank, platform = BANKS[i % len(BANKS)], PLATFORMS[i % len(PLATFORMS)]
    other = PLATFORMS[(i + 1) % len(PLATFORMS)]
    new_bank = discovered_bank(i % 60)  # shared by several documents: evidence accumulates
    return (
        f"---\ntitle: Report {i}\noutlet: Example Wire\nurl: https://example.org/{i}\n"
        f"published: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\n---\n"
        f"{bank} provides settlement accounts to {platform}, the lender said in report {i}.\n"
        f"{new_bank} provides custody services to {other}.\n"
        f"Its chief executive {person(i)} said the bank is regulated by the Hong Kong "
        f"Monetary Authority.\n"
    )


def write_documents(folder: Path, count: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        (folder / f"doc-{i:04d}.md").write_text(document_text(i))
    return folder


# -- the CLI as a subprocess ---------------------------------------------------------------

_CLEAN_ENV = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "HKWEB3_HOME",
              "HKWEB3_BOLT_PORT", "HKWEB3_HTTP_PORT")


def cli_environment(**values: str | Path) -> dict[str, str]:
    """The test process's environment without store settings, plus ``values``."""
    env = {k: v for k, v in os.environ.items() if k not in _CLEAN_ENV}
    env.update({k: str(v) for k, v in values.items()})
    return env


def hkweb3(*args: str, env: dict[str, str]) -> subprocess.Popen:
    """Start ``hkweb3 ARGS`` in a process of its own (the console script's entry point, run
    by this interpreter), its output piped."""
    command = [sys.executable, "-c", "from hkweb3.cli import main; main()", *args]
    # A shell without job control starts background jobs with SIGINT ignored, and Python
    # keeps an ignored SIGINT ignored: a suite run that way would see no Ctrl-C at all.
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, preexec_fn=_default_interrupt)


def _default_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_hkweb3(
    *args: str, env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess:
    process = hkweb3(*args, env=env)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"hkweb3 {' '.join(args)} timed out; stderr: {err[-2000:]}") from None
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def error_lines(stderr: str) -> list[str]:
    """stderr without the progress bar (its label alone, or redrawn with carriage returns)."""
    lines = [line.split("\r")[-1].strip() for line in stderr.splitlines()]
    return [line for line in lines if line and line.split()[0] != "documents"]


# -- waiting and counting ------------------------------------------------------------------


def wait_for(condition: Callable[[], Any], seconds: float, what: str, every: float = 0.1) -> Any:
    """Poll ``condition`` until it returns something true; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")


def committed_documents(uri: str, password: str, user: str = "root") -> int:
    """Documents with a content hash (ingested, not registry citations), over Bolt directly;
    0 while the schema does not exist yet."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import Neo4jError

    with GraphDatabase.driver(uri, auth=(user, password), connection_timeout=5) as driver:
        try:
            records, _, _ = driver.execute_query(
                "MATCH (d:Document) WHERE d.content_hash IS NOT NULL RETURN count(d) AS n",
                database_="kg")
        except Neo4jError:
            return 0
        return records[0]["n"]


def wait_for_commits(uri: str, password: str, count: int, seconds: float = 120) -> int:
    """Wait until at least ``count`` documents are committed; return how many are."""
    def enough() -> int:
        committed = committed_documents(uri, password)
        return committed if committed >= count else 0

    return wait_for(enough, seconds, f"{count} documents to be committed", every=0.2)


def server_lock_free(home: EmbeddedHome) -> bool:
    """Whether no process holds the home's ``server.lock`` (the kernel frees it on death).
    Unlike ``home.running()`` this leaves a stale ``server.json`` in place."""
    with (home.path / "server.lock").open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


def kill_server(home: EmbeddedHome) -> int:
    """SIGKILL the home's server process and wait until it is gone. Returns its pid."""
    info = home.running()
    assert info is not None, "no server runs on this home"
    os.kill(info.pid, signal.SIGKILL)
    wait_for(lambda: server_lock_free(home), 30, "the killed server's lock to be released")
    return info.pid


def stop_quietly(home: EmbeddedHome) -> None:
    with contextlib.suppress(Exception):
        home.stop()


# -- comparing graphs ----------------------------------------------------------------------


def canonical_dump(config: StoreConfig) -> dict[str, list[Any]]:
    """The whole graph (``Store.dump``) in a canonical order: lists sorted, and a document's
    path cut to its file name (two runs read the same files from different folders). The
    order of evidence on an edge is the order documents were written in, which two
    concurrent runs need not share; the evidence itself must be the same."""
    with open_store(config) as store:
        dump = store.dump()
    for document in dump["documents"]:
        if document.get("path"):
            document["path"] = Path(document["path"]).name
    for node in dump["nodes"]:
        node["sources"] = sorted(node["sources"])
    for edge in dump["edges"]:
        edge["evidence"] = sorted(edge["evidence"], key=_key)
        edge["properties"]["sources"] = sorted(edge["properties"].get("sources") or [])
    return {part: sorted(dump[part], key=_key) for part in ("nodes", "edges", "documents")}


def _key(item: Any) -> str:
    return json.dumps(item, sort_keys=True)


_REFERENCES: dict[int, dict[str, list[Any]]] = {}


def reference_dump(config: StoreConfig, count: int, root: Path) -> dict[str, list[Any]]:
    """The graph one clean, undisturbed run of ``write_documents(..., count)`` gives, on the
    test session's server (emptied before and after); computed once per count."""
    if count not in _REFERENCES:
        docs = write_documents(root / f"reference-{count}", count)
        with open_store(config) as store:
            store.setup_schema()
            clear(store)
        results = api.ingest([docs], config)
        assert {r.status for r in results} == {"added"}, [r.error for r in results]
        _REFERENCES[count] = canonical_dump(config)
        with open_store(config) as store:
            clear(store)
    return _REFERENCES[count]


def duplicates(dump: dict[str, list[Any]]) -> list[Any]:
    """Ids found on two nodes, and edges found twice with the same type, ends and key
    properties (the schema's ``key``), and evidence entries repeated on one edge."""
    schema = load_schema()
    counts = Counter(node["id"] for node in dump["nodes"])
    for edge in dump["edges"]:
        key = tuple(str(edge["properties"].get(name)) for name in schema.edge(edge["type"]).key)
        counts[(edge["source"], edge["type"], edge["target"], *key)] += 1
        counts.update(("evidence", _key(ev)) for ev in edge["evidence"])
    return [item for item, count in counts.items() if count > 1]


# -- file systems --------------------------------------------------------------------------


@contextlib.contextmanager
def tmpfs(path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted on ``path`` for the block; skips the test where mounting
    is not permitted (it needs root, or CAP_SYS_ADMIN)."""
    path.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        pytest.skip("no mount command here: a small tmpfs is how a full disk is simulated")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs ({mounted.stderr.strip()}): a small tmpfs is how "
                    "a full disk or a read-only data directory is simulated; needs root")
    try:
        yield path
    finally:
        if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount_read_only(path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True, capture_output=True)


def fill(path: Path) -> None:
    """Write ``path`` until its file system has no byte left."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for chunk in (1 << 20, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * chunk)
    finally:
        os.close(fd)
