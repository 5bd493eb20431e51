"""The graph store: any Bolt server (Neo4j, or the embedded ArcadeDB) through the official
``neo4j`` driver.

Writes are batched ``UNWIND $rows ... MERGE`` by id, nodes before edges, and a
:class:`~hkweb3.graph.models.GraphBatch` commits in one transaction.

Reads are gated three times. The server is the gate that holds: reads run as a user that
may only read (the embedded store's ``reader``; on Neo4j, a user with the ``reader`` role,
see :class:`~hkweb3.graph.config.StoreConfig`). Before sending, statements that commit on
their own or reach past the graph are refused by their form (:mod:`hkweb3.graph.gate`).
And a read runs in READ access mode in a transaction that is rolled back unless the server
reports it as a read (``query_type == "r"``), for a server set up with one user only.

Examples
--------
>>> with open_store() as store:  # doctest: +SKIP
...     store.setup_schema()
...     store.write(GraphBatch(entities=[Entity(id="osl", name="OSL",
...                                            kind="TradingPlatform")]))
...     store.read("MATCH (p:TradingPlatform) RETURN p.name AS name").rows
[{'name': 'OSL'}]
"""

from __future__ import annotations

import contextlib
import logging
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import neo4j
from neo4j import READ_ACCESS, WRITE_ACCESS, GraphDatabase
from neo4j import exceptions as neo4j_errors

from hkweb3.errors import (
    AuthenticationFailed,
    CypherError,
    ReadOnlyViolation,
    StoreError,
    StoreUnavailable,
    ValidationError,
)
from hkweb3.graph import cypher, gate
from hkweb3.graph.claims import claim_ends, single_claim
from hkweb3.graph.config import DEFAULT_USER, StoreConfig
from hkweb3.graph.conflicts import find_conflicts
from hkweb3.graph.memory import GraphFilter
from hkweb3.graph.models import CURATED_RULES, Entity, Evidence, GraphBatch
from hkweb3.graph.read import read_store
from hkweb3.graph.schema import Schema, load_schema
from hkweb3.graph.values import to_plain

BATCH_SIZE = 5000
# The driver logs lost connections as warnings and errors; with logging not set up, Python
# prints them on stderr around hkweb3's one-line error. Set-ups that configure logging still
# get them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

# Records asked for per round trip when streaming a large read: the driver's default of
# 1,000 left the 100,000-row analysis pull waiting on the server half of the time (9.6 s
# against 5.4 s; benchmarks/bench_analysis.py).
STREAM_FETCH = 10_000
#: How long a write is tried again after a transient failure (see Store._write_retrying).
RETRY_SECONDS = 30.0
SCHEMA_RETRIES = 5


@dataclass
class WriteCounts:
    """What a write did: rows sent per part, and what the server created."""

    documents: int = 0
    entities: int = 0
    relations: int = 0
    mentions: int = 0
    nodes_created: int = 0
    relationships_created: int = 0

    def add(self, other: WriteCounts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


class StoredDocument(NamedTuple):
    """A stored document's content hash (None for a registry citation, which has no text)
    and where it was read from."""

    hash: str | None
    path: str | None
    url: str | None


@dataclass
class QueryResult:
    """Columns and rows of a query, values turned into plain Python (see ``to_plain``), and
    notes for the reader (e.g. which entity a name was taken to mean)."""

    columns: list[str]
    rows: list[dict[str, Any]]
    query_type: str = "r"
    counters: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


class Store:
    """A graph store behind neo4j drivers that the caller opened (and will close).

    ``driver`` writes; ``reader``, if given, connects as a user that may only read and runs
    every read. With ``read_only`` the store refuses to write before sending anything.
    """

    def __init__(
        self,
        driver: neo4j.Driver,
        database: str | None = None,
        schema: Schema | None = None,
        uri: str = "",
        alive: Callable[[], bool] | None = None,
        reader: neo4j.Driver | None = None,
        read_only: bool = False,
    ):
        self.driver = driver
        self.reader = reader or driver
        self.read_only = read_only
        self.database = database
        self.schema = schema or load_schema()
        self.uri = uri
        #: Whether the server may still answer (the embedded server's process is checked).
        self.alive = alive or (lambda: True)

    # -- set-up ------------------------------------------------------------------------------

    def server_agent(self) -> str:
        """The server's own description, e.g. ``Neo4j/5.26.0 compatible (ArcadeDB ...)``."""
        with self._translated():
            return self.reader.get_server_info().agent

    def setup_schema(self) -> int:
        """Create the uniqueness constraint on ``id`` for every label, and make sure every
        kind's label combination exists (see ``cypher.create_probe``); idempotent.

        Returns the number of labels covered.
        """
        labels = self.schema.labels
        self._check_writable()
        with self._translated(), self._session(WRITE_ACCESS) as session:
            for label in labels:
                _schema_step(session, cypher.unique_constraint(label))
            _schema_step(session, cypher.published_index(self.schema.document_label))
            _schema_step(session, cypher.conflict_index())
            for kind in self.schema.concrete_kinds:
                _schema_step(session, cypher.create_probe(self.schema.labels_for(kind)),
                             {"id": "-probe-"}, rollback=True)
        return len(labels)

    # -- writes ------------------------------------------------------------------------------

    def write(
        self, batch: GraphBatch, batch_size: int = BATCH_SIZE, retract: Iterable[str] = ()
    ) -> WriteCounts:
        """Write one batch in one transaction: documents, entities, then edges.

        Running the same batch twice changes nothing. The claims of the documents named in
        ``retract`` are withdrawn first, in the same transaction (a changed document replaces
        its claims). A collision with a concurrent writer (ArcadeDB raises
        ``ConstraintError`` where Neo4j would wait on a lock) is retried.

        Raises
        ------
        ValidationError
            If an entity exists in the store with another kind.
        """
        counts = WriteCounts(
            documents=len(batch.documents),
            entities=len(batch.entities),
            relations=len(batch.relations),
            mentions=len(batch.mentions),
        )

        retracted = sorted(set(retract))
        merge_documents = cypher.merge_documents(self.schema.document_label)
        # The documents first where they replace a stored version: a concurrent writer that
        # stores one of them from then on collides on its record (one of the two is tried
        # again), and what one stored before is withdrawn below. Read before this, a version
        # stored in between would keep its claims beside this one's.
        documents_first = bool(retracted and batch.documents)

        def work(tx: neo4j.ManagedTransaction) -> tuple[int, int]:
            touched = _claim_subjects(self.schema, batch)
            nodes = relationships = 0
            if documents_first:
                rows = _document_rows(batch)
                for start in range(0, len(rows), batch_size):
                    summary = tx.run(merge_documents,
                                     rows=rows[start : start + batch_size]).consume()
                    nodes += summary.counters.nodes_created
            if retracted:
                # Only documents stored by now have claims to withdraw (a concurrent writer may
                # have added one since the caller looked).
                hashes = cypher.document_hashes(self.schema.document_label)
                stored_docs = [r["id"] for r in tx.run(hashes, ids=retracted)]
                if stored_docs:
                    touched |= _retract(tx, self.schema, stored_docs)
            # Inside the transaction, so a retry after a collision sees the winner's nodes.
            ids = [e.id for e in batch.entities]
            stored = {r["id"]: r["kind"] for r in tx.run(cypher.KINDS_OF, ids=ids)} if ids else {}
            for query, rows in self._statements(batch, stored):
                if documents_first and query == merge_documents:
                    continue  # (written first, above)
                for start in range(0, len(rows), batch_size):
                    summary = tx.run(query, rows=rows[start : start + batch_size]).consume()
                    nodes += summary.counters.nodes_created
                    relationships += summary.counters.relationships_created
            refresh_conflicts(tx, self.schema, touched)
            return nodes, relationships

        counts.nodes_created, counts.relationships_created = self._write_retrying(work)
        return counts

    def write_rows(
        self, statements: Iterable[tuple[str, list[dict]]], batch_size: int = BATCH_SIZE
    ) -> int:
        """Run ``(statement, rows)`` pairs in one transaction, each statement fed ``$rows``
        in slices of ``batch_size`` (a statement with no rows runs once, with none).

        All or nothing: an error rolls every statement back. Returns properties set.
        """
        pairs = list(statements)

        def work(tx: neo4j.ManagedTransaction) -> int:
            changed = 0
            for query, rows in pairs:
                for start in range(0, max(len(rows), 1), batch_size):
                    summary = tx.run(query, rows=rows[start : start + batch_size]).consume()
                    changed += summary.counters.properties_set
            return changed

        return self._write_retrying(work)

    def transaction(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        """Run ``work(tx)`` in one write transaction (all or nothing), tried again after a
        transient failure as :meth:`write` is; return what it returns."""
        return self._write_retrying(work)

    def forget(self, document_ids: Iterable[str]) -> list[str]:
        """Withdraw documents and their claims: evidence, edges and discovered entities that
        nothing else supports any more. Returns the ids that existed, sorted."""
        ids = sorted(set(document_ids))
        known = self.document_hashes(ids)

        def work(tx: neo4j.ManagedTransaction) -> None:
            touched = _retract(tx, self.schema, ids)
            tx.run(cypher.delete_documents(self.schema.document_label), ids=ids).consume()
            refresh_conflicts(tx, self.schema, touched)

        self._write_retrying(work)
        return sorted(known)

    def document_hashes(self, ids: Iterable[str]) -> dict[str, str | None]:
        """The stored content hash of each of ``ids`` that is in the store."""
        query = cypher.document_hashes(self.schema.document_label)
        return {row["id"]: row["hash"] for row in self.read(query, {"ids": list(ids)}).rows}

    def document_origins(self, ids: Iterable[str]) -> dict[str, StoredDocument]:
        """Where each of the stored documents ``ids`` came from."""
        query = cypher.document_origins(self.schema.document_label)
        return {row["id"]: StoredDocument(row["hash"], row["path"], row["url"])
                for row in self.read(query, {"ids": list(ids)}).rows}

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """The whole graph as plain data: ``{"nodes", "edges", "documents"}`` (see
        :mod:`hkweb3.graph.export` for the shape), as :func:`hkweb3.graph.read.read_store`
        reads it in full."""
        return read_store(self, GraphFilter(with_places=True), detail=True).plain()

    def _write_retrying(self, work):
        """Run ``work`` in one write transaction, and again after a transient failure for up
        to ``RETRY_SECONDS``: a collision with a concurrent writer (ArcadeDB raises
        ``ConstraintError`` where Neo4j would wait on a lock, or a transient "concurrent
        change" error) or a lost connection. A server known to be gone is not waited for."""
        self._check_writable()
        deadline = time.monotonic() + RETRY_SECONDS
        attempt = 0
        while True:
            try:
                with self._translated(), self._session(WRITE_ACCESS) as session:
                    return session.execute_write(work)
            except StoreError as exc:
                if not _transient(exc) or time.monotonic() > deadline or not self.alive():
                    raise
            time.sleep(min(1.0, 0.05 * 2**attempt) * (1 + random.random()))
            attempt += 1

    def _statements(
        self, batch: GraphBatch, stored: Mapping[str, str]
    ) -> Iterator[tuple[str, list[dict]]]:
        """The statements and rows that write ``batch``; ``stored`` maps the ids of its
        entities that already exist to their kinds."""
        schema = self.schema
        if batch.documents:
            yield cypher.merge_documents(schema.document_label), _document_rows(batch)

        # One row per id (the last wins), so a batch never creates a node twice.
        entities = {e.id: e for e in batch.entities}.values()
        new: dict[str, list[dict]] = defaultdict(list)
        existing = []
        for e in entities:
            if e.id not in stored:
                new[e.kind].append(_entity_row(e))
            elif stored[e.id] == e.kind:
                existing.append(_entity_row(e))
            else:
                # Labels are fixed when a node is created (ArcadeDB cannot relabel one).
                raise ValidationError(
                    f"entity {e.id!r} is already a {stored[e.id]}; it cannot also be a {e.kind}"
                )
        for kind, rows in new.items():
            yield cypher.create_entities(schema.labels_for(kind)), rows
        if existing:
            yield cypher.update_entities(), existing

        by_type: dict[str, list[dict]] = defaultdict(list)
        period = sorted(schema.period)
        for r in batch.relations:
            documents = sorted({ev.document for ev in r.evidence})
            props = {**r.properties, "claim": single_claim(r.type, r.properties)}
            # A period read from text fills gaps; a curated source's period is set.
            curated = any(ev.rule in CURATED_RULES for ev in r.evidence)
            fill = {} if curated else {k: props.pop(k) for k in period if k in props}
            by_type[r.type].append({
                "source": r.source,
                "target": r.target,
                "key": r.key,
                "props": _props(props),
                "fill": _props(fill),
                "evidence": sorted(ev.encode() for ev in r.evidence),
                "documents": documents,
                "prefixes": [Evidence.prefix(d) for d in documents],
            })
        for edge_type, rows in by_type.items():
            yield cypher.merge_relations(edge_type, period), rows

        if batch.mentions:
            rows = [{"document": d, "entity": e} for d, e in sorted(set(batch.mentions))]
            yield cypher.merge_mentions(schema.document_label, schema.mention_type), rows

    # -- reads -------------------------------------------------------------------------------

    def read(self, query: str, parameters: Mapping[str, Any] | None = None) -> QueryResult:
        """Run ``query`` read-only; refuse (and roll back) anything that writes.

        Raises
        ------
        ReadOnlyViolation
            If the statement writes or changes the schema.
        CypherError
            If the server rejects the statement.
        """
        return self.execute(query, parameters, write=False)

    def execute(
        self, query: str, parameters: Mapping[str, Any] | None = None, write: bool = False
    ) -> QueryResult:
        """Run one statement; with ``write=False`` it must be a read (see :meth:`read`)."""
        if write:
            self._check_writable()
        else:
            refused = gate.refusal(query)
            if refused:
                raise ReadOnlyViolation(
                    f"reads cannot run {refused}; "
                    "ask for write access explicitly (--write, or write=True) to run it as the "
                    "administrator"
                )
        mode = WRITE_ACCESS if write else READ_ACCESS
        with self._translated(reading=not write), self._session(mode) as session:
            tx = session.begin_transaction()
            try:
                result = tx.run(query, dict(parameters or {}))
                keys = list(result.keys())
                rows = [{k: to_plain(record[k]) for k in keys} for record in result]
                summary = result.consume()
                if not write and summary.query_type != "r":
                    raise ReadOnlyViolation(
                        "this statement writes to the graph; reads cannot change it "
                        "(ask for write access explicitly: --write, or write=True)"
                    )
                tx.commit()
            finally:
                if not tx.closed():
                    tx.rollback()
        counters = {k: v for k, v in vars(summary.counters).items() if isinstance(v, int) and v}
        return QueryResult(keys, rows, summary.query_type or "r", counters)

    def stream(
        self, query: str, parameters: Mapping[str, Any] | None = None
    ) -> Iterator[list[Any]]:
        """Yield the rows of one of hkweb3's own reads as raw value lists, as they arrive.

        For large pulls (analysis): no conversion by :func:`to_plain` and no read-only gate,
        which is why it takes only statements of :mod:`hkweb3.graph.cypher`.
        """
        with self._translated(), self._session(READ_ACCESS, fetch_size=STREAM_FETCH) as session:
            yield from (record.values() for record in session.run(query, dict(parameters or {})))

    def kinds_of(self, ids: list[str]) -> dict[str, str]:
        """The kinds of those ``ids`` that exist in the store."""
        rows = self.read(cypher.KINDS_OF, {"ids": list(ids)}).rows
        return {row["id"]: row["kind"] for row in rows}

    def stats(self) -> dict[str, dict[str, int]]:
        """Node counts by label and edge counts by type (zeros left out)."""
        nodes: dict[str, int] = {}
        for label in self.schema.labels:
            count = self.read(cypher.count_label(label)).rows[0]["count"]
            if count:
                nodes[label] = count
        edges: dict[str, int] = {}
        for edge in self.schema.edges.values():
            ends = cypher.edge_end_labels(self.schema, edge.name)
            count = self.read(cypher.count_edges(edge.name, *ends)).rows[0]["count"]
            if count:
                edges[edge.name] = count
        return {"nodes": nodes, "edges": edges}

    def _session(self, mode: str, **options: Any) -> neo4j.Session:
        driver = self.driver if mode == WRITE_ACCESS else self.reader
        return driver.session(database=self.database, default_access_mode=mode, **options)

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyViolation(
                "this store was opened for reading; writes need it opened for writing"
            )

    def _translated(self, reading: bool = False) -> contextlib.AbstractContextManager[None]:
        return _translated(self.uri, alive=self.alive, connected=True, reading=reading)


@contextlib.contextmanager
def open_store(config: StoreConfig | None = None, read_only: bool = False) -> Iterator[Store]:
    """Open the configured store for the length of the block; with ``read_only``, as the
    read-only user alone (nothing the store is asked can change it).

    With no URI configured this is the embedded server: a running one is reused, otherwise
    one is started and stops once no command needs it.

    Raises
    ------
    StoreUnavailable, AuthenticationFailed, EmbeddedServerError
        With a one-line message saying what to do.
    """
    config = config or StoreConfig.from_env()
    if config.embedded:
        # Imported here: the embedded server's locks need fcntl, which a user of a remote
        # Neo4j on Windows does not have.
        from hkweb3.graph.embedded import READER_USER, ROOT_USER, EmbeddedHome

        home = EmbeddedHome(config.home)
        with home.lease() as info:

            def alive() -> bool:  # a killed embedded server does not come back on its port
                running = home.running()
                return running is not None and running.pid == info.pid and (
                    running.mode != "stopping")

            reader = (READER_USER, home.reader_password())
            admin = None if read_only else (ROOT_USER, home.password())
            with _connected(info.uri, admin, reader, info.database, alive) as store:
                yield store
        return
    main = (config.user or DEFAULT_USER, config.password or "")
    reader = (config.read_user, config.read_password or "") if config.read_user else main
    with _connected(config.uri or "", None if read_only else main, reader,
                    config.database) as store:
        yield store


@contextlib.contextmanager
def _connected(
    uri: str, admin: tuple[str, str] | None, reader: tuple[str, str], database: str | None,
    alive: Callable[[], bool] | None = None,
) -> Iterator[Store]:
    """Drivers for ``admin`` (none for a read-only store) and ``reader`` (one driver when
    the two are the same user)."""
    shown = _redact(uri)  # a password written into the URI is never printed
    with contextlib.ExitStack() as stack:
        drivers = {auth: stack.enter_context(_driver(shown, uri, auth))
                   for auth in dict.fromkeys(a for a in (admin, reader) if a is not None)}
        yield Store(drivers[admin or reader], database=database, uri=shown, alive=alive,
                    reader=drivers[reader], read_only=admin is None)


#: The Bolt schemes; the driver's preview HTTP support needs packages hkweb3 does not use.
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@contextlib.contextmanager
def _driver(shown: str, uri: str, auth: tuple[str, str]) -> Iterator[neo4j.Driver]:
    scheme = uri.partition("://")[0].lower() if "://" in uri else ""
    if scheme not in BOLT_SCHEMES:
        raise StoreError(f"bad store URI {shown!r}: hkweb3 speaks Bolt; use one of "
                         f"{', '.join(s + '://' for s in BOLT_SCHEMES)}")
    with _translated(shown, auth[0]):
        try:
            # The driver does not retry by itself: Store._write_retrying does, and knows when
            # to stop (the driver would wait up to twice its limit for a server that is gone).
            driver = GraphDatabase.driver(
                uri, auth=auth, connection_timeout=10, max_transaction_retry_time=0
            )
        except ValueError as exc:  # e.g. "Invalid IPv6 URL" from urllib
            raise StoreError(f"bad store URI {shown!r}: {_first_line(exc)}") from None
    try:
        with _translated(shown, auth[0]):
            driver.verify_connectivity()
        yield driver
    finally:
        driver.close()


@contextlib.contextmanager
def _translated(
    uri: str, user: str | None = None, alive: Callable[[], bool] | None = None,
    connected: bool = False, reading: bool = False,
) -> Iterator[None]:
    """Turn driver exceptions into hkweb3's one-line errors (never echoing a password).

    ``connected`` says the credentials were accepted before: a refusal now means the
    server is going away (ArcadeDB refuses logins while it stops) or its users changed.
    ``reading`` says a refused statement ran on the read path.
    """
    def gone() -> bool:
        return connected and alive is not None and not alive()

    def went_away(why: str) -> StoreUnavailable:
        return StoreUnavailable(f"the store at {uri} went away: {why}; run the command again")

    try:
        yield
    except neo4j_errors.AuthError:
        if connected:
            raise went_away(
                "its server stopped" if gone() else
                "it refused the credentials it had accepted (is it stopping?)"
            ) from None
        raise AuthenticationFailed(
            f"the store at {uri} refused user {user or '?'!r}: wrong user or password "
            "(set NEO4J_USER and NEO4J_PASSWORD)"
        ) from None
    except neo4j_errors.Forbidden as exc:
        if reading:
            raise ReadOnlyViolation(
                "this statement writes to the graph; reads cannot change it (the store "
                f"refused the read-only user: {_message(exc)}); ask for write access "
                "explicitly (--write, or write=True) to run it"
            ) from exc
        if "LOAD CSV" in (exc.message or ""):
            raise CypherError(
                "the store refused: LOAD CSV from files and URLs is disabled in the embedded "
                "store, so no statement can read the machine's files (its passwords among them)"
            ) from exc
        raise CypherError(f"the store refused: {_message(exc)}") from exc
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as exc:
        reason = re.search(r"reason (?:\[Errno \d+\] )?([^)]+)\)", str(exc))
        raise StoreUnavailable(
            f"cannot reach the store at {uri} ({reason[1] if reason else _first_line(exc)}): "
            "is the server running? Check NEO4J_URI, or unset it to use the embedded store"
        ) from None
    except neo4j_errors.ConfigurationError as exc:
        raise StoreError(f"bad store configuration for {uri!r}: {_first_line(exc)}") from None
    except ValueError as exc:
        if "URI" in str(exc) or "scheme" in str(exc):
            raise StoreError(f"bad store URI {uri!r}: {_first_line(exc)}") from None
        raise
    except neo4j_errors.Neo4jError as exc:
        if gone():  # a stopping server fails what it was running, whatever the statement
            raise went_away("its server stopped") from None
        if exc.code == "Neo.ClientError.Statement.AccessMode":
            raise ReadOnlyViolation(
                "this statement writes to the graph; reads cannot change it"
            ) from exc
        if isinstance(exc, neo4j_errors.CypherSyntaxError):
            raise CypherError(f"Cypher syntax error: {_message(exc)}") from exc
        if _UNKNOWN_CALLABLE.search(exc.message or ""):  # ArcadeDB reports it as a failure
            raise CypherError(f"the store rejected the statement: {_message(exc)}") from exc
        if isinstance(exc, neo4j_errors.DatabaseError) or (exc.code or "").startswith(
                "Neo.ClientError.Transaction."):  # ArcadeDB's code for a failed commit
            raise StoreError(
                f"the store could not complete the transaction: {_message(exc)} (its log "
                "says why, e.g. a full disk; the embedded store's is in DATA_DIR/logs/log)"
            ) from exc
        raise CypherError(f"the store rejected the statement: {_message(exc)}") from exc
    except neo4j_errors.DriverError as exc:
        raise StoreError(f"store error: {_first_line(exc)}") from exc


_UNKNOWN_CALLABLE = re.compile(r"(?i)unknown (?:procedure|function)|no procedure with the name")


def _message(exc: neo4j_errors.Neo4jError) -> str:
    text = exc.message or str(exc)
    return _first_line(text)


def _first_line(exc: object) -> str:
    return _redact(" ".join(str(exc).split())[:300])


_URI_PASSWORD = re.compile(r"(://[^/\s:@'\"]*:)[^/\s@'\"]*@")
_SECRET_PARAMETER = re.compile(r"(?i)([?&](?:password|passwd|pwd|secret|token)=)[^&\s'\"]*")


def _redact(text: str) -> str:
    """``text`` with passwords written into URIs masked: ``bolt://user:***@host``,
    ``?password=***`` (the driver's own messages quote the URI it was given)."""
    return _SECRET_PARAMETER.sub(r"\1***", _URI_PASSWORD.sub(r"\1***@", text))


def _schema_step(
    session: neo4j.Session, query: str, parameters: Mapping[str, Any] | None = None,
    rollback: bool = False,
) -> None:
    """Run one schema statement; with ``rollback``, in a transaction that is rolled back.

    Two sessions creating the same ArcadeDB type at once (two commands setting up a new
    database) make one fail with ``TypeAlreadyExistsException``, which reaches the client as
    a generic statement error; the type exists by then, so the step is tried again, as it is
    after a transient error (a concurrent schema change in the way).
    """
    for attempt in range(SCHEMA_RETRIES):
        try:
            if not rollback:
                session.run(query, parameters).consume()
                return
            with session.begin_transaction() as tx:
                tx.run(query, parameters).consume()
                tx.rollback()
            return
        except (neo4j_errors.ClientError, neo4j_errors.TransientError):
            if attempt == SCHEMA_RETRIES - 1:
                raise
            time.sleep(0.1 * (attempt + 1))


def _transient(error: StoreError) -> bool:
    """Whether trying again may succeed: the connection was lost, or a concurrent writer got
    in the way."""
    return isinstance(error, StoreUnavailable) or isinstance(
        error.__cause__, (neo4j_errors.ConstraintError, neo4j_errors.TransientError))


def _retract(tx: neo4j.ManagedTransaction, schema: Schema, docs: list[str]) -> set[str]:
    """Withdraw the claims of ``docs``; return the entities they named (whose conflicts may
    have changed)."""
    rows = [{"doc": doc, "prefix": Evidence.prefix(doc)} for doc in docs]
    label, mentions = schema.document_label, schema.mention_type
    named = {r["id"] for r in tx.run(cypher.mentioned_by(label, mentions), rows=rows)}
    for query in cypher.retract(label, mentions):
        tx.run(query, rows=rows).consume()
    return named


def _document_rows(batch: GraphBatch) -> list[dict[str, Any]]:
    """The rows ``cypher.merge_documents`` writes ``batch``'s documents with."""
    return [{"id": d.id, "props": _props(d.model_dump(exclude={"id"}, exclude_none=True))}
            for d in batch.documents]


def _claim_subjects(schema: Schema, batch: GraphBatch) -> set[str]:
    """The entities whose claims ``batch`` may put in conflict: the organisation of a
    single-holder role, the source of a one-only fact."""
    subjects = set()
    for r in batch.relations:
        edge = schema.edge(r.type)
        if edge.single_roles:
            subjects.add(r.target)
        elif edge.single:
            subjects.add(r.source)
    return subjects


def refresh_conflicts(tx: neo4j.ManagedTransaction, schema: Schema, ids: set[str]) -> None:
    """Judge the claims of the subjects ``ids`` by the conflict rule, and keep the flags
    ``conflicting-claims`` reads: on each claim in conflict, and on its subject. Only flags
    that change are written (most writes change none)."""
    if not ids:
        return
    subjects = sorted(ids)
    names = cypher.claim_properties(schema)
    edges = [{"source": r["source"], "type": r["type"], "target": r["target"], "key": r["key"],
              "stored": (r["claim"], r["flag"]),
              "properties": {name: r[name] for name in names if r[name] is not None}}
             for r in tx.run(cypher.claims_of(schema), ids=subjects)]
    in_conflict = {(c.subject, c.claim, holder)
                   for c in find_conflicts(edges, schema) for holder in c.holders}
    flagged = {subject for subject, _, _ in in_conflict}
    was_flagged = {r["id"] for r in tx.run(cypher.flagged_subjects(), ids=subjects)}
    if changed := sorted(flagged ^ was_flagged):
        tx.run(cypher.flag_subjects(),
               rows=[{"id": i, "flag": True if i in flagged else None} for i in changed]
               ).consume()
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for edge in edges:
        spec = schema.edge(edge["type"])
        claim = single_claim(spec.name, edge["properties"], schema)
        subject, holder = claim_ends(spec, edge["source"], edge["target"])
        flag = True if (subject, claim, holder) in in_conflict else None
        if (claim, flag) != edge["stored"]:
            by_type[spec.name].append({"source": edge["source"], "target": edge["target"],
                                       "key": edge["key"], "claim": claim, "flag": flag})
    for edge_type, rows in by_type.items():
        tx.run(cypher.flag_claims(edge_type), rows=rows).consume()


def _entity_row(e: Entity) -> dict[str, Any]:
    props = {"name": e.name, "kind": e.kind, **e.attributes}
    if e.description:
        props["description"] = e.description
    return {
        "id": e.id,
        "props": _props(props),
        "aliases": list(e.aliases),
        "sources": sorted({ev.document for ev in e.evidence}),
        "discovered": e.discovered,
        "search": search_terms(e.id, e.name, e.aliases),
    }


def search_terms(entity_id: str, name: str, aliases: Iterable[str]) -> list[str]:
    """What a lookup matches an entity by: its id, and its name and aliases in lower case."""
    return [entity_id, name.lower(), *(a.lower() for a in aliases)]


def _props(values: Mapping[str, Any]) -> dict[str, Any]:
    """Property values as the driver sends them (dates stay dates)."""
    return {k: v for k, v in values.items() if v is not None}
