"""Secrets and exposure of the embedded server: what it listens on, who may read its
password, and that no password reaches a log, a state file, an error message or --debug."""

from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
import traceback
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from hkweb3.cli import cli
from hkweb3.graph.embedded import ROOT_USER, EmbeddedHome
from tests.reliability_support import cli_environment, error_lines, run_hkweb3


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory):
    """A server of this module's own: ArcadeDB may refuse a user for a while after the wrong
    passwords tried here, which would fail every later test on the session's server."""
    embedded = EmbeddedHome(tmp_path_factory.mktemp("hkweb3-secrets-home"))
    embedded.start()
    yield embedded
    embedded.stop()

MARKER = "Wr0ng-Pa55-marker"  # a password that must never be echoed anywhere
LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    return inodes


def listening_sockets(pid: int) -> dict[int, str]:
    """The TCP ports ``pid`` listens on, each with its local address (/proc's hex form)."""
    inodes = socket_inodes(pid)
    found = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, port = fields[1].rsplit(":", 1)
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                found[int(port, 16)] = address
    return found


def bound_udp_sockets(pid: int) -> list[str]:
    inodes = socket_inodes(pid)
    return [line.split()[1] for table in ("/proc/net/udp", "/proc/net/udp6")
            for line in Path(table).read_text().splitlines()[1:] if line.split()[9] in inodes]


def test_the_server_listens_on_loopback_only_bolt_and_http_and_nothing_else(home):
    info = home.running()
    sockets = listening_sockets(info.pid)
    assert set(sockets) == {info.bolt_port, info.http_port}, sockets
    assert set(sockets.values()) <= LOOPBACK, sockets
    assert bound_udp_sockets(info.pid) == []
    shown = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True, check=False)
    if shown.returncode == 0:  # the same, seen by another tool
        ours = [line for line in shown.stdout.splitlines() if f"pid={info.pid}," in line]
        hosts = {line.split()[3].rsplit(":", 1)[0].strip("[]") for line in ours}
        assert len(ours) == 2 and hosts <= {"127.0.0.1", "::ffff:127.0.0.1"}, ours


def test_the_http_api_wants_credentials_and_refuses_wrong_ones(home):
    info = home.running()
    base = f"http://127.0.0.1:{info.http_port}/api/v1"
    for request in (urllib.request.Request(f"{base}/server"),
                    urllib.request.Request(f"{base}/command/kg", method="POST",
                                           data=b'{"language": "sql", "command": "select 1"}'),
                    urllib.request.Request(f"{base}/server", headers={
                        "Authorization": "Basic " + _basic(ROOT_USER, MARKER)})):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code in {401, 403}


def test_the_password_and_the_users_file_are_private(home):
    assert stat.S_IMODE(home.password_file.stat().st_mode) == 0o600
    users = home.db_root / "config" / "server-users.jsonl"
    assert stat.S_IMODE(users.stat().st_mode) == 0o600
    assert home.password() not in users.read_text()  # a salted hash, not the password


def test_no_file_in_the_data_directory_holds_a_password(home, cli_env):
    """After a failed login (wrong password) and normal use, neither the password nor the
    wrong one is in any log, state or database file (only in the password file)."""
    env = {"NEO4J_URI": home.running().uri, "NEO4J_USER": ROOT_USER, "NEO4J_PASSWORD": MARKER}
    assert CliRunner().invoke(cli, ["stats"], env=env).exit_code == 3
    assert CliRunner().invoke(cli, ["stats"], env=cli_env).exit_code == 0
    secrets = [home.password().encode(), MARKER.encode()]
    files = [p for p in home.path.rglob("*") if p.is_file() and p != home.password_file]
    assert any(p.parent.name == "log" for p in files)  # ArcadeDB's logs are among them
    for path in files:
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # the running server removed it (a rotated log, a lock)
            continue
        assert not any(secret in data for secret in secrets), path


HOSTILE_URIS = [
    "bolt://root:{marker}@127.0.0.1:{port}",  # credentials written into the URI
    "neo4j://root:{marker}@127.0.0.1:{port}",
    "bolt://127.0.0.1:{port}?password={marker}",
    "neo4j://127.0.0.1:1?password={marker}&region=x",
]


@pytest.mark.parametrize("uri", HOSTILE_URIS)
def test_a_password_in_the_uri_is_masked_in_errors_and_debug_output(home, uri):
    uri = uri.format(marker=MARKER, port=home.running().bolt_port)
    plain = CliRunner().invoke(cli, ["stats"], env={"NEO4J_URI": uri})
    assert plain.exit_code == 3
    assert len(plain.output.strip().splitlines()) == 1
    assert MARKER not in plain.output and "***" in plain.output
    debug = CliRunner().invoke(cli, ["--debug", "stats"], env={"NEO4J_URI": uri})
    assert MARKER not in _shown(debug)


def test_a_wrong_password_never_appears_in_errors_or_debug_output(home):
    info = home.running()
    env = {"NEO4J_URI": info.uri, "NEO4J_USER": ROOT_USER, "NEO4J_PASSWORD": MARKER}
    for args in (["stats"], ["--debug", "stats"], ["cypher", "RETURN 1 AS one"]):
        result = CliRunner().invoke(cli, args, env=env)
        assert result.exit_code != 0
        assert MARKER not in _shown(result)
    option = CliRunner().invoke(cli, ["--uri", info.uri, "--user", ROOT_USER,
                                      "--password", MARKER, "--debug", "stats"])
    assert MARKER not in _shown(option)


def test_a_real_process_prints_no_password_on_failure_or_in_its_traceback(home, tmp_path):
    """The same through a real process: its whole stderr, traceback included (--debug), and
    the driver's own log lines, which Python would print when logging is not set up."""
    info = home.running()
    env = cli_environment(NEO4J_URI=info.uri, NEO4J_USER=ROOT_USER, NEO4J_PASSWORD=MARKER)
    failed = run_hkweb3("stats", env=env)
    assert failed.returncode == 3 and len(error_lines(failed.stderr)) == 1
    debug = run_hkweb3("--debug", "stats", env=env)
    assert "Traceback" in debug.stderr and "AuthenticationFailed" in debug.stderr
    for result in (failed, debug):
        assert MARKER not in result.stdout + result.stderr
        assert home.password() not in result.stdout + result.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_db_status_and_start_never_print_the_password(home, cli_env, fmt):
    for command in (["db", "status"], ["db", "start"]):
        result = CliRunner().invoke(cli, [*command, "--format", fmt], env=cli_env)
        assert result.exit_code == 0
        assert home.password() not in result.output
        assert str(home.password_file) in result.output


def _basic(user: str, password: str) -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode()


def _shown(result) -> str:
    """What a user sees: the output, and the traceback when an exception escaped."""
    text = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        text += "".join(traceback.format_exception(result.exception))
    return text + json.dumps(str(result.exception))
