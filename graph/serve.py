"""The embedded server process: ``python -m hkweb3.graph.serve --home DIR``.

Started in the background by :class:`hkweb3.graph.embedded.EmbeddedHome`; not meant to be
run by hand. It holds ``server.lock`` for its whole life, starts ArcadeDB with the Bolt
plugin on 127.0.0.1 (HTTP too, also loopback), publishes its ports in ``server.json``, and
stops on SIGTERM or SIGINT, or, when ephemeral, once no client holds ``clients.lock``.
Lines that start with ``hkweb3-serve:`` are read back by the starter to explain a failure.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import signal
import sys
import threading
from pathlib import Path

from hkweb3.graph.embedded import (
    DATABASE,
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

    server.stop()
    home.state_file.unlink(missing_ok=True)
    fcntl.flock(server_lock, fcntl.LOCK_UN)
    print("hkweb3-serve: stopped", flush=True)
    return 0


def _start_arcadedb(home: EmbeddedHome, bolt_port: int, http_port: int):
    import arcadedb_embedded  # imported late: it is heavy and only this process needs it
    from arcadedb_embedded import jvm

    jvm.start_jvm(heap_size=HEAP)
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
