"""The embedded store: a local ArcadeDB server with its Bolt plugin, run in the background.

The server runs in its own process (``python -m hkweb3.graph.serve``) so that the JVM never
lives inside a CLI or a script. Everything it writes stays under one data directory::

    HOME/hkweb3-home.json   marks the directory as ours (a foreign one is refused)
    HOME/password           root password, generated on first start
    HOME/reader-password    the read-only user's password, likewise
    HOME/server.json        pid and ports of the running server
    HOME/server.lock        held by the running server for its whole life
    HOME/start.lock         taken by whoever starts a server, so only one starts
    HOME/clients.lock       shared by the commands using a server started "for the command"
    HOME/arcadedb/          the database;  HOME/logs/  the server's logs

The directory is private: mode 0700, and what hkweb3 and the server write in it 0600.
Analysts' reads connect as ``reader``, a user of the server that may read records and do
nothing else (no writes, no schema, no users, no files); writes connect as ``root``.

Whether a server runs is decided by ``server.lock`` alone: the kernel frees it when the
process dies, however it dies, so a ``server.json`` left by a crash is known to be stale.

A server started by ``hkweb3 db start`` stays up until ``hkweb3 db stop``. A server started
by another command is *ephemeral*: it stops by itself once no command holds
``clients.lock``, so two commands can share it and neither pulls it from under the other.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from hkweb3.errors import EmbeddedServerError

MARKER = "hkweb3-home.json"
HOME_FORMAT = 1
ROOT_USER = "root"
#: The server's read-only user: reads records, nothing else (see hkweb3.graph.serve).
READER_USER = "reader"
DATABASE = "kg"
# Names hkweb3 itself may leave in a home that is not marked yet (a concurrent first start).
_OWN = (MARKER, "logs", ".marker-", ".probe-", ".secret-", "start.lock", "clients.lock",
        "server.lock")
START_TIMEOUT = float(os.environ.get("HKWEB3_START_TIMEOUT", "120"))


@dataclass(frozen=True)
class ServerInfo:
    """What a client needs to reach a running embedded server."""

    pid: int
    bolt_port: int
    http_port: int
    database: str
    mode: str  # "persistent", "ephemeral" or "stopping"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


class EmbeddedHome:
    """One data directory of the embedded store, and the server that may run on it."""

    def __init__(self, path: Path | str):
        self.path = Path(path).expanduser().resolve()

    # -- files -----------------------------------------------------------------------------

    @property
    def password_file(self) -> Path:
        return self.path / "password"

    @property
    def reader_password_file(self) -> Path:
        return self.path / "reader-password"

    @property
    def state_file(self) -> Path:
        return self.path / "server.json"

    @property
    def log_dir(self) -> Path:
        return self.path / "logs"

    @property
    def db_root(self) -> Path:
        return self.path / "arcadedb"

    def prepare(self) -> None:
        """Create the directory on first use; refuse one that is not an hkweb3 home.

        Raises
        ------
        EmbeddedServerError
            If the directory is foreign, corrupt or not writable.
        """
        marker = self.path / MARKER
        try:
            self.path.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not marker.exists():
                if any(not p.name.startswith(_OWN) for p in self.path.iterdir()):
                    raise EmbeddedServerError(
                        f"{self.path} is not empty and is not an hkweb3 data directory; "
                        "point HKWEB3_HOME at an empty or hkweb3 directory"
                    )
                # Written aside and renamed, so a concurrent starter never reads half a file.
                with tempfile.NamedTemporaryFile("w", dir=self.path, prefix=".marker-",
                                                 delete=False) as tmp:
                    tmp.write(json.dumps({"format": HOME_FORMAT}))
                os.replace(tmp.name, marker)
            # Private whatever the umask: the graph and the server's logs are the user's.
            self.path.chmod(0o700)
            self.log_dir.mkdir(mode=0o700, exist_ok=True)
            with tempfile.TemporaryFile(dir=self.path, prefix=".probe-"):
                pass  # proves the directory is writable
        except PermissionError:
            raise EmbeddedServerError(
                f"data directory {self.path} is not writable; fix its permissions "
                "or set HKWEB3_HOME to another directory"
            ) from None
        except OSError as exc:
            raise EmbeddedServerError(f"data directory {self.path}: {exc.strerror}") from None
        try:
            fmt = json.loads(marker.read_text()).get("format")
        except (OSError, ValueError, AttributeError):
            fmt = None
        if fmt != HOME_FORMAT:
            raise EmbeddedServerError(
                f"{marker} is corrupt or from another hkweb3 version; "
                "move the directory away or set HKWEB3_HOME to a new one"
            )
        if self.db_root.exists() and not self.password_file.exists():
            raise EmbeddedServerError(
                f"{self.path} holds a database but its password file is missing; "
                "restore it, or move the directory away to start afresh"
            )

    def password(self) -> str:
        """The root password, generated (mode 0600) the first time it is asked for."""
        return _secret(self.password_file)

    def reader_password(self) -> str:
        """The read-only user's password, generated (mode 0600) the first time."""
        return _secret(self.reader_password_file)

    # -- state -----------------------------------------------------------------------------

    def running(self) -> ServerInfo | None:
        """The running server, or ``None``; a stale ``server.json`` is removed."""
        if not self.path.exists():
            return None
        if not _is_locked(self.path / "server.lock"):
            self.state_file.unlink(missing_ok=True)
            return None
        try:
            return ServerInfo(**json.loads(self.state_file.read_text()))
        except (OSError, ValueError, TypeError):
            return None  # starting up: the lock is held but the state is not written yet

    # -- start and stop --------------------------------------------------------------------

    def start(self, persistent: bool = True) -> ServerInfo:
        """Start a server in the background, or return the one already running.

        Starting a persistent server where an ephemeral one runs makes that one persistent.
        """
        with self._claim() as info:
            if info is None:
                return self._spawn("persistent" if persistent else "ephemeral")
            if persistent and info.mode == "ephemeral":
                os.kill(info.pid, signal.SIGUSR1)
                return self._wait_for(lambda i: i.mode == "persistent", info.pid)
            return info

    @contextlib.contextmanager
    def lease(self) -> Iterator[ServerInfo]:
        """Use a running server, or start an ephemeral one, for the length of the block."""
        with contextlib.ExitStack() as stack:
            with self._claim(stack) as info:
                info = info or self._spawn("ephemeral")
            yield info

    @contextlib.contextmanager
    def _claim(self, stack: contextlib.ExitStack | None = None) -> Iterator[ServerInfo | None]:
        """Hold the start lock and a client's share of ``clients.lock``; yield the running
        server. An ephemeral server stops only once it can lock ``clients.lock`` alone, so the
        server found here cannot go away; one already stopping is waited for. With ``stack``
        the client's share outlives the block."""
        self.prepare()
        with _flock(self.path / "start.lock", fcntl.LOCK_EX):
            clients = _flock(self.path / "clients.lock", fcntl.LOCK_SH)
            if stack is None:
                with clients:
                    yield self._usable()
            else:
                stack.enter_context(clients)
                yield self._usable()

    def _usable(self) -> ServerInfo | None:
        """The running server, unless it is stopping: that one is waited for."""
        info = self.running()
        if info is None or info.mode != "stopping":
            return info
        deadline = time.monotonic() + START_TIMEOUT
        while _is_locked(self.path / "server.lock"):
            if time.monotonic() > deadline:
                raise EmbeddedServerError(
                    f"the embedded server (pid {info.pid}) is still stopping after "
                    f"{START_TIMEOUT:.0f} s; try again, or `hkweb3 db stop`"
                )
            time.sleep(0.1)
        return None

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the running server; return whether one was running."""
        info = self.running()
        if info is None:
            return False
        with contextlib.suppress(ProcessLookupError):
            os.kill(info.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _is_locked(self.path / "server.lock"):
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(info.pid, signal.SIGKILL)
                time.sleep(0.5)
                break
            time.sleep(0.1)
        self.state_file.unlink(missing_ok=True)
        return True

    def _spawn(self, mode: str) -> ServerInfo:
        bolt_port = _port_setting("HKWEB3_BOLT_PORT")
        http_port = _port_setting("HKWEB3_HTTP_PORT")
        # Generated here, so the server process never prints them.
        self.password()
        self.reader_password()
        self.state_file.unlink(missing_ok=True)
        log = os.fdopen(_open_private(self.log_dir / "server.log", os.O_WRONLY | os.O_APPEND),
                        "ab")
        command = [sys.executable, "-m", "hkweb3.graph.serve", "--home", str(self.path),
                   "--mode", mode, "--bolt-port", str(bolt_port), "--http-port", str(http_port)]
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            cwd=self.log_dir, start_new_session=True, close_fds=True, umask=0o077,
        )
        log.close()
        return self._wait_for(lambda i: True, process.pid, process)

    def _wait_for(self, ready, pid: int, process: subprocess.Popen | None = None) -> ServerInfo:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            info = self.running()
            if info is not None and info.pid == pid and ready(info):
                return info
            if process is not None and process.poll() is not None:
                raise EmbeddedServerError(
                    f"the embedded server did not start: {self._last_error()} "
                    f"(log: {self.log_dir / 'server.log'})"
                )
            time.sleep(0.1)
        raise EmbeddedServerError(
            f"the embedded server did not start within {START_TIMEOUT:.0f} s "
            f"(log: {self.log_dir / 'server.log'})"
        )

    def _last_error(self) -> str:
        try:
            lines = (self.log_dir / "server.log").read_text(errors="replace").splitlines()
        except OSError:
            return "no log"
        marked = [line for line in lines if line.startswith("hkweb3-serve: ")]
        return marked[-1].removeprefix("hkweb3-serve: ") if marked else "see the log"


def write_state(home: EmbeddedHome, info: ServerInfo) -> None:
    """Publish the running server's state atomically (used by the server process)."""
    tmp = home.state_file.with_suffix(".tmp")
    with os.fdopen(_open_private(tmp, os.O_WRONLY | os.O_TRUNC), "w") as handle:
        handle.write(json.dumps(asdict(info)))
    tmp.replace(home.state_file)


def free_ports(count: int) -> list[int]:
    """``count`` different TCP ports on 127.0.0.1 that nothing listens on right now."""
    # Every socket stays bound until all are chosen: bound and closed one at a time, the
    # kernel may hand out the same port twice.
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
                   for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def port_in_use(port: int) -> bool:
    """Whether something listens on ``port`` on 127.0.0.1. Connections of a stopped or
    killed server that linger in TIME_WAIT do not count: a server may bind over them."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def _port_setting(variable: str) -> int:
    value = os.environ.get(variable)
    if not value:
        return 0  # the server picks a free one
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise EmbeddedServerError(f"{variable}={value!r} is not a TCP port number")
    if port_in_use(int(value)):
        raise EmbeddedServerError(
            f"port {value} ({variable}) is in use on 127.0.0.1; "
            f"stop what uses it or choose another port with {variable}"
        )
    return int(value)


def _secret(path: Path) -> str:
    if not path.exists():
        _create_private(path, secrets.token_urlsafe(24))
    return path.read_text().strip()


def _open_private(path: Path, flags: int) -> int:
    """Open (creating it with mode 0600 if need be) ``path``; return the descriptor."""
    return os.open(path, flags | os.O_CREAT, 0o600)


def _create_private(path: Path, text: str) -> None:
    """Create ``path`` (mode 0600) with ``text`` in one step; keep it if it already exists."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secret-")  # mkstemp gives 0600
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)  # atomic, and never replaces a password already in use
    finally:
        os.unlink(tmp)


def _is_locked(path: Path) -> bool:
    """Whether some process holds ``path`` locked (exclusively)."""
    try:
        handle = os.fdopen(_open_private(path, os.O_RDWR | os.O_APPEND), "a")
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


@contextlib.contextmanager
def _flock(path: Path, operation: int) -> Iterator[IO[str]]:
    with os.fdopen(_open_private(path, os.O_RDWR | os.O_APPEND), "a") as handle:
        fcntl.flock(handle, operation)
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
