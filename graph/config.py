"""Where the store is: a Bolt URI with credentials, or the embedded server's data directory."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

DEFAULT_DATABASE = "kg"
DEFAULT_USER = "neo4j"


@dataclass(frozen=True)
class StoreConfig:
    """How to reach the graph store.

    With ``uri`` unset, hkweb3 uses (and if needed starts) the embedded server whose data
    lives in ``home``. On another server, ``read_user`` (a user with Neo4j's ``reader``
    role) runs the reads, if given. Passwords are kept out of ``repr`` so they never reach
    a log.
    """

    uri: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    read_user: str | None = None
    read_password: str | None = field(default=None, repr=False)
    database: str | None = None
    home: Path = field(default_factory=lambda: default_home())

    @property
    def embedded(self) -> bool:
        return not self.uri

    @classmethod
    def from_env(cls, **overrides: str | Path | None) -> StoreConfig:
        """Read ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_READ_USER``,
        ``NEO4J_READ_PASSWORD``, ``NEO4J_DATABASE`` and ``HKWEB3_HOME``; a non-``None``
        keyword argument (a CLI option) wins."""
        values: dict[str, str | Path | None] = {
            "uri": os.environ.get("NEO4J_URI") or None,
            "user": os.environ.get("NEO4J_USER") or None,
            "password": os.environ.get("NEO4J_PASSWORD") or None,
            "read_user": os.environ.get("NEO4J_READ_USER") or None,
            "read_password": os.environ.get("NEO4J_READ_PASSWORD") or None,
            "database": os.environ.get("NEO4J_DATABASE") or None,
            "home": default_home(),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        values["home"] = Path(values["home"]).expanduser()  # type: ignore[arg-type]
        return cls(**values)  # type: ignore[arg-type]


def default_home() -> Path:
    """The embedded store's data directory: ``HKWEB3_HOME``, else a per-user data dir."""
    return Path(os.environ.get("HKWEB3_HOME") or user_data_dir("hkweb3", appauthor=False))
