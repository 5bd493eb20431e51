"""The embedded server's life: start, reuse, stop, crash, concurrency, exposure."""

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from hkweb3.errors import EmbeddedServerError
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.embedded import START_TIMEOUT, EmbeddedHome
from hkweb3.graph.models import Entity, GraphBatch
from hkweb3.graph.store import open_store


def count_companies(home: EmbeddedHome) -> int:
    with open_store(StoreConfig(home=home.path)) as store:
        return store.read("MATCH (c:Company) RETURN count(c) AS n").rows[0]["n"]


def write_companies(home: EmbeddedHome, *ids: str) -> None:
    with open_store(StoreConfig(home=home.path)) as store:
        store.setup_schema()
        store.write(GraphBatch(entities=[Entity(id=i, name=i, kind="Company") for i in ids]))


def wait_until_stopped(home: EmbeddedHome, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while home.running() is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert home.running() is None


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port``, from /proc/net/tcp{,6}."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_data_and_logs_stay_in_the_home_and_password_is_private(config, home):
    assert stat.S_IMODE(home.password_file.stat().st_mode) == 0o600
    assert (home.path / "arcadedb").is_dir()
    assert (home.log_dir / "log").is_dir()  # ArcadeDB's ./log, kept inside the home
    assert not (Path.cwd() / "log").exists()


def test_server_listens_on_loopback_only(home):
    info = home.running()
    for port in (info.bolt_port, info.http_port):
        addresses = listening_addresses(port)
        assert addresses, f"nothing listens on {port}"
        # 127.0.0.1 in /proc's little-endian hex, plain or IPv4-mapped in IPv6
        assert addresses <= {"0100007F", "0000000000000000FFFF00000100007F"}, addresses


def test_status_names_uri_user_and_never_the_password(home):
    info = home.running()
    assert info.uri == f"bolt://127.0.0.1:{info.bolt_port}"
    state = home.state_file.read_text()
    assert home.password() not in state
    assert home.password() not in (home.log_dir / "server.log").read_text()


def test_commands_reuse_the_running_server(home, config):
    pid = home.running().pid
    with open_store(config):
        assert home.running().pid == pid


def test_data_survives_stop_and_start(fresh_home):
    write_companies(fresh_home, "alpha", "beta")  # starts an ephemeral server
    wait_until_stopped(fresh_home)  # it stops by itself once its last client is gone
    fresh_home.start()
    assert count_companies(fresh_home) == 2
    assert fresh_home.stop()
    assert fresh_home.running() is None
    fresh_home.start()
    assert count_companies(fresh_home) == 2


def test_killed_server_recovers_committed_data_and_stale_state_is_cleaned(fresh_home):
    info = fresh_home.start()
    write_companies(fresh_home, "committed")
    os.kill(info.pid, signal.SIGKILL)
    wait_until_stopped(fresh_home)
    assert not fresh_home.state_file.exists()  # the stale server.json was removed
    assert count_companies(fresh_home) == 1  # a new server recovered the data


def test_two_concurrent_starts_give_one_server(fresh_home):
    with ThreadPoolExecutor(2) as pool:
        infos = list(pool.map(lambda _: fresh_home.start(), range(2)))
    assert infos[0].pid == infos[1].pid


def test_two_processes_sharing_an_ephemeral_server(fresh_home):
    """Neither command pulls the server from under the other."""
    script = (
        "import sys, time\n"
        "from hkweb3.graph.config import StoreConfig\n"
        "from hkweb3.graph.store import open_store\n"
        "with open_store(StoreConfig(home=sys.argv[1])) as s:\n"
        "    for _ in range(int(sys.argv[2])):\n"
        "        s.read('RETURN 1 AS ok'); time.sleep(0.2)\n"
        "print('done')\n"
    )
    long_run = subprocess.Popen([sys.executable, "-c", script, str(fresh_home.path), "40"],
                                stdout=subprocess.PIPE, text=True)
    short = subprocess.run([sys.executable, "-c", script, str(fresh_home.path), "1"],
                           capture_output=True, text=True, timeout=START_TIMEOUT + 120)
    assert short.stdout.strip() == "done", short.stderr
    assert long_run.wait(timeout=START_TIMEOUT + 120) == 0
    assert long_run.stdout.read().strip() == "done"
    wait_until_stopped(fresh_home)


def test_db_start_makes_an_ephemeral_server_persistent(fresh_home):
    with fresh_home.lease() as info:
        assert info.mode == "ephemeral"
        assert fresh_home.start().mode == "persistent"
    time.sleep(1.5)  # longer than the server's poll interval
    assert fresh_home.running().mode == "persistent"


def test_a_foreign_directory_is_refused(tmp_path):
    (tmp_path / "precious.txt").write_text("not ours")
    with pytest.raises(EmbeddedServerError, match="not an hkweb3 data directory"):
        EmbeddedHome(tmp_path).start()


def test_a_corrupt_marker_is_refused(tmp_path):
    (tmp_path / "hkweb3-home.json").write_text("{garbage")
    with pytest.raises(EmbeddedServerError, match="corrupt"):
        EmbeddedHome(tmp_path).start()


def test_a_database_without_its_password_file_is_refused(tmp_path):
    (tmp_path / "hkweb3-home.json").write_text(json.dumps({"format": 1}))
    (tmp_path / "arcadedb").mkdir()
    with pytest.raises(EmbeddedServerError, match="password file is missing"):
        EmbeddedHome(tmp_path).start()


def test_a_home_that_cannot_be_created_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(EmbeddedServerError, match="a-file/home: Not a directory"):
        EmbeddedHome(blocker / "home").start()


def test_a_taken_port_is_reported(fresh_home, monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setenv("HKWEB3_BOLT_PORT", str(port))
        with pytest.raises(EmbeddedServerError, match=f"port {port} .* is in use"):
            fresh_home.start()
