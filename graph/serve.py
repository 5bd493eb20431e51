"""The embedded server process: ``python -m hkweb3.graph.serve --home DIR``.

Started in the background by :class:`hkweb3.graph.embedded.EmbeddedHome`; not meant to be
run by hand. It holds ``server.lock`` for its whole life, starts ArcadeDB with the Bolt
plugin on 127.0.0.1 (HTTP too, also loopback), publishes its ports in ``server.json``, and
stops on SIGTERM or SIGINT, or, when ephemeral, once no client holds ``clients.lock``.
Lines that start with ``hkweb3-serve:`` are read back by the starter to explain a failure.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import signal
import sys
import threading
from pathlib import Path

from hkweb3.graph.embedded import (
    DATABASE,
    READER_USER,
    ROOT_USER,
    EmbeddedHome,
    ServerInfo,
    free_ports,
    write_state,
)

HEAP = os.environ.get("HKWEB3_HEAP", "1g")
POLL_SECONDS = 0.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hkweb3.graph.serve")
    parser.add_argument("--home", required=True, type=Path)
    parser.add_argument("--mode", choices=["persistent", "ephemeral"], default="persistent")
    parser.add_argument("--bolt-port", type=int, default=0)
    parser.add_argument("--http-port", type=int, default=0)
    args = parser.parse_args(argv)
    os.umask(0o077)  # the database and the logs are private to the user
    home = EmbeddedHome(args.home)

    server_lock = (home.path / "server.lock").open("a")
    try:
        fcntl.flock(server_lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return _fail("another embedded server already runs on this data directory")

    stop = threading.Event()
    mode = [args.mode]
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGUSR1, lambda *_: mode.__setitem__(0, "persistent"))

    # ArcadeDB writes ./log relative to the working directory: keep it inside the home.
    os.chdir(home.log_dir)
    spare = free_ports(2)
    bolt_port, http_port = args.bolt_port or spare[0], args.http_port or spare[1]
    try:
        server = _start_arcadedb(home, bolt_port, http_port)
        _grant_reader(server, home)
    except Exception as exc:  # noqa: BLE001 - whatever it was, the starter must hear of it
        return _fail(f"ArcadeDB failed to start: {' '.join(str(exc).split())[:300]}")

    info = ServerInfo(os.getpid(), bolt_port, http_port, DATABASE, mode[0])
    write_state(home, info)
    print(f"hkweb3-serve: ready on bolt://127.0.0.1:{bolt_port} ({mode[0]})", flush=True)

    clients = (home.path / "clients.lock").open("a")
    while not stop.wait(POLL_SECONDS):
        if mode[0] != info.mode:
            info = ServerInfo(info.pid, bolt_port, http_port, DATABASE, mode[0])
            write_state(home, info)
        if mode[0] == "ephemeral" and _alone(clients):
            break  # keeps clients.lock until the server is gone: no client attaches meanwhile

    # Clients that lose the server now are told it went away, not that they were refused
    # (best effort: on a full disk the server must still stop).
    with contextlib.suppress(OSError):
        write_state(home, ServerInfo(info.pid, bolt_port, http_port, DATABASE, "stopping"))
    server.stop()
    home.state_file.unlink(missing_ok=True)
    fcntl.flock(server_lock, fcntl.LOCK_UN)
    print("hkweb3-serve: stopped", flush=True)
    return 0


def _start_arcadedb(home: EmbeddedHome, bolt_port: int, http_port: int):
    import arcadedb_embedded  # imported late: it is heavy and only this process needs it
    from arcadedb_embedded import jvm

    # No statement, the administrator's included, reads a file of this machine (the
    # password files, the users file, /proc) or fetches a URL. LOAD CSV reads these two
    # settings from the JVM's global configuration, not from the server's.
    jvm.start_jvm(heap_size=HEAP, jvm_args=[
        "-Darcadedb.opencypher.loadCsv.allowFileUrls=false",
        "-Darcadedb.opencypher.loadCsv.allowRemoteUrls=false",
    ])
    server = arcadedb_embedded.create_server(
        root_path=str(home.db_root),
        root_password=home.password(),
        config={
            "host": "127.0.0.1",
            "http_port": http_port,
            "bolt_host": "127.0.0.1",
            "bolt_port": bolt_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "server_defaultDatabases": f"{DATABASE}[{ROOT_USER}]",
            "bolt_defaultDatabase": DATABASE,
        },
    )
    server.start()
    return server


def _grant_reader(server, home: EmbeddedHome) -> None:
    """Make sure the read-only user exists with the password in ``HOME/reader-password``
    and may read every record of the graph database and do nothing else: no record writes,
    no schema, no users (ArcadeDB checks these whatever the protocol), and so no LOAD CSV
    from files, which needs the user administration right as well."""
    import jpype

    json_object = jpype.JClass("com.arcadedb.serializer.json.JSONObject")
    security = server._java_server.getSecurity()
    reader = {"access": [], "resultSetLimit": -1, "readTimeout": -1,
              "types": {"*": {"access": ["readRecord"]}}}
    security.saveGroup(DATABASE, READER_USER, json_object(json.dumps(reader)))
    user = json.dumps({
        "name": READER_USER,
        "password": str(security.encodePassword(home.reader_password())),
        "databases": {DATABASE: [READER_USER]},
    })
    if security.existsUser(READER_USER):
        security.updateUser(json_object(user))
    else:
        security.createUser(json_object(user))


def _alone(clients) -> bool:
    try:
        fcntl.flock(clients, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _fail(message: str) -> int:
    print(f"hkweb3-serve: {message}", flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
