"""Faults injected into real runs of ``hkweb3 ingest`` (a subprocess, a real embedded server):
the server killed mid-run, a full disk, a read-only data directory, a taken port, an external
store that goes away. Each time: a clear one-line error and a store error's exit code (3),
what was committed stays committed, and a re-run gives exactly the graph of a clean run."""

from __future__ import annotations

import json
import socket
import time
from collections import Counter
from pathlib import Path

import pytest
from neo4j import exceptions as neo4j_errors

from hkweb3.errors import StoreError, StoreUnavailable
from hkweb3.graph import store as store_module
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.embedded import ROOT_USER, EmbeddedHome, free_ports
from hkweb3.graph.models import Entity, GraphBatch
from hkweb3.graph.store import RETRY_SECONDS, open_store
from tests.reliability_support import (
    canonical_dump,
    cli_environment,
    duplicates,
    error_lines,
    fill,
    hkweb3,
    kill_server,
    reference_dump,
    remount_read_only,
    run_hkweb3,
    server_lock_free,
    stop_quietly,
    tmpfs,
    wait_for,
    wait_for_commits,
    write_documents,
)

START = 120  # seconds a server start may take on a loaded 2-core machine


def statuses(stdout: str) -> Counter[str]:
    return Counter(row["status"] for row in json.loads(stdout))


def finish(process, timeout: float) -> tuple[str, str]:
    """Wait for ``process``; kill it if it outlives ``timeout`` (and fail)."""
    try:
        return process.communicate(timeout=timeout)
    except Exception:
        process.kill()
        process.communicate()
        raise


def one_error_line(stderr: str) -> str:
    lines = error_lines(stderr)
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def rerun_completes(env: dict[str, str], docs: Path, count: int, committed: int) -> None:
    """A second ``hkweb3 ingest`` finishes the rest and redoes nothing already committed."""
    again = run_hkweb3("ingest", str(docs), "--format", "json", env=env)
    assert again.returncode == 0, again.stderr
    check_rerun(again.stdout, count, committed)


def check_rerun(stdout: str, count: int, committed: int) -> None:
    done = statuses(stdout)
    assert set(done) <= {"added", "unchanged"}, done  # nothing half-written to replace
    assert done["added"] + done["unchanged"] == count
    assert done["unchanged"] >= committed


@pytest.mark.parametrize("server_alive", [True, False])
@pytest.mark.parametrize("code, on_a_live_server", [
    ("Neo.DatabaseError.General.UnknownError", "full disk"),
    ("Neo.ClientError.Statement.ExecutionFailed", "rejected the statement"),
])
def test_a_failed_statement_says_whether_the_server_stopped(server_alive, code,
                                                            on_a_live_server):
    # A server that stops fails the statements it was running, with errors that on a live
    # server mean its disk or the statement; the reader must learn which it was.
    failure = neo4j_errors.Neo4jError._hydrate_neo4j(
        code=code, message="Error executing Cypher command: UNWIND $rows AS row")
    with pytest.raises(StoreError) as raised, store_module._translated(
            "bolt://127.0.0.1:1", alive=lambda: server_alive, connected=True):
        raise failure
    message = str(raised.value)
    if server_alive:
        assert not isinstance(raised.value, StoreUnavailable), message
        assert on_a_live_server in message, message
    else:
        assert isinstance(raised.value, StoreUnavailable), message
        assert "went away: its server stopped" in message and "full disk" not in message


def test_server_killed_mid_ingest_recovers_and_a_rerun_equals_a_clean_run(tmp_path, config):
    reference = reference_dump(config, 200, tmp_path)
    docs = write_documents(tmp_path / "docs", 200)
    home = EmbeddedHome(tmp_path / "home")
    env = cli_environment(HKWEB3_HOME=home.path)
    process = hkweb3("ingest", str(docs), "--format", "json", env=env)
    try:
        info = wait_for(home.running, START, "the ingest to start the embedded server")
        committed = wait_for_commits(info.uri, home.password(), 20)
        kill_server(home)
        out, err = finish(process, 60)
    finally:
        if process.poll() is None:
            process.kill()

    assert process.returncode == 3
    assert one_error_line(err).startswith(
        f"Error: cannot reach the store at bolt://127.0.0.1:{info.bolt_port} (")
    assert home.running() is None  # and its stale server.json is gone
    # It still reports what it committed before the store went away (all but, at most, a
    # commit whose answer the kill cut off).
    reported = json.loads(out)
    assert {row["status"] for row in reported} == {"added"}
    assert len(reported) >= committed - 1

    # The next command starts a new server, which recovers the committed transactions; the
    # documents they hold are not extracted again.
    rerun = hkweb3("ingest", str(docs), "--format", "json", env=env)
    try:
        wait_for(home.running, START, "the re-run to start a new server")
        with open_store(StoreConfig(home=home.path)):  # keeps it up to read the graph after
            out, err = finish(rerun, 300)
            assert rerun.returncode == 0, err
            graph = canonical_dump(StoreConfig(home=home.path))
    finally:
        if rerun.poll() is None:
            rerun.kill()
        stop_quietly(home)
    check_rerun(out, 200, committed)
    assert duplicates(graph) == []
    assert graph == reference


def test_a_full_disk_fails_cleanly_and_a_rerun_after_freeing_space_finishes(tmp_path, config):
    reference = reference_dump(config, 60, tmp_path)
    docs = write_documents(tmp_path / "docs", 60)
    with tmpfs(tmp_path / "disk", "64m") as disk:
        home = EmbeddedHome(disk / "home")
        env = cli_environment(HKWEB3_HOME=home.path)
        process = hkweb3("ingest", str(docs), "--format", "json", env=env)
        try:
            info = wait_for(home.running, START, "the ingest to start the embedded server")
            committed = wait_for_commits(info.uri, home.password(), 10)
            fill(disk / "filler")
            out, err = finish(process, 120)
            assert process.returncode == 3, err
            assert one_error_line(err).startswith(
                "Error: the store could not complete the transaction: ")
            # The ephemeral server stops with its last client, even with the disk full.
            # ArcadeDB may wait its flushAllPagesTimeout (60 s) for pages a full disk refuses.
            wait_for(lambda: server_lock_free(home), 180, "the server to stop")

            (disk / "filler").unlink()
            home.start()  # kept up for the re-run and the comparison
            rerun_completes(env, docs, 60, committed)
            graph = canonical_dump(StoreConfig(home=home.path))
        finally:
            if process.poll() is None:
                process.kill()
            stop_quietly(home)
    assert graph == reference


def test_a_read_only_data_directory_is_one_line_exit_3(tmp_path):
    docs = write_documents(tmp_path / "docs", 1)
    with tmpfs(tmp_path / "ro", "4m") as mount:
        (mount / "home").mkdir()
        remount_read_only(mount)
        result = run_hkweb3("ingest", str(docs), env=cli_environment(HKWEB3_HOME=mount / "home"))
    assert result.returncode == 3
    assert one_error_line(result.stderr) == (
        f"Error: data directory {mount / 'home'}: Read-only file system")
    assert result.stdout == ""


@pytest.mark.parametrize(("variable", "holder"), [("HKWEB3_BOLT_PORT", "127.0.0.1"),
                                                   ("HKWEB3_HTTP_PORT", "0.0.0.0")])
def test_a_taken_port_is_one_line_exit_3_and_leaves_no_state(tmp_path, variable, holder):
    docs = write_documents(tmp_path / "docs", 1)
    home = EmbeddedHome(tmp_path / "home")
    with socket.socket() as taken:
        taken.bind((holder, 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_hkweb3("ingest", str(docs),
                            env=cli_environment(HKWEB3_HOME=home.path, **{variable: str(port)}))
    assert result.returncode == 3
    assert one_error_line(result.stderr) == (
        f"Error: port {port} ({variable}) is in use on 127.0.0.1; "
        f"stop what uses it or choose another port with {variable}")
    assert home.running() is None and not home.state_file.exists()


def test_an_external_store_that_goes_away_mid_ingest_loses_nothing(tmp_path, config,
                                                                    monkeypatch):
    """NEO4J_URI names a server (here an embedded one in a home of its own) that is killed
    mid-run. hkweb3 cannot know whether it comes back, so a write is tried again for
    RETRY_SECONDS: a write that runs out of time fails with a clear StoreUnavailable (the
    CLI's exit 3) and writes nothing; the ingest under way, whose server comes back on the
    same port in time, carries on and finishes. (Killed between a document's hash read and
    its write, the read fails at once, exit 3; then a re-run finishes.)"""
    reference = reference_dump(config, 60, tmp_path)
    docs = write_documents(tmp_path / "docs", 60)
    external = EmbeddedHome(tmp_path / "external")
    bolt_port, http_port = free_ports(2)
    monkeypatch.setenv("HKWEB3_BOLT_PORT", str(bolt_port))  # the same port after a restart
    monkeypatch.setenv("HKWEB3_HTTP_PORT", str(http_port))
    unused = tmp_path / "unused-home"
    try:
        info = external.start()
        settings = {"uri": info.uri, "user": ROOT_USER, "password": external.password()}
        env = cli_environment(NEO4J_URI=info.uri, NEO4J_USER=ROOT_USER,
                              NEO4J_PASSWORD=external.password(), HKWEB3_HOME=unused)
        process = hkweb3("ingest", str(docs), "--format", "json", env=env)
        try:
            with open_store(StoreConfig(**settings)) as store:
                committed = wait_for_commits(info.uri, external.password(), 10)
                kill_server(external)
                monkeypatch.setattr(store_module, "RETRY_SECONDS", 2.0)  # this process only
                started = time.monotonic()
                with pytest.raises(StoreUnavailable,
                                   match=f"^cannot reach the store at {info.uri} "):
                    store.write(GraphBatch(entities=[Entity(id="lost", name="Lost",
                                                            kind="Company")]))
                assert 2.0 <= time.monotonic() - started < 15
            assert external.start().uri == info.uri
            out, err = finish(process, RETRY_SECONDS + 60)
        finally:
            if process.poll() is None:
                process.kill()
        if process.returncode == 0:
            assert statuses(out) == {"added": 60}
        else:
            assert process.returncode == 3
            assert one_error_line(err).startswith(f"Error: cannot reach the store at {info.uri}")
            rerun_completes(env, docs, 60, committed)
        assert not (unused / "arcadedb").exists()  # the embedded store was never used
        graph = canonical_dump(StoreConfig(**settings))
    finally:
        stop_quietly(external)
    assert graph == reference  # and so no "lost" entity either
