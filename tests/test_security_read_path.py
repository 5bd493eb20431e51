"""The read path cannot change the graph, its schema or its users, and cannot read a file.

Every statement here is an attack tried through ``hkweb3 cypher`` without ``--write`` (or
the API's read functions) against a real embedded server: each is refused with exit 2, and
afterwards the graph's counts, its constraints and indexes, the server's users and groups
are what they were, and nothing of a secret or a local file came back.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import neo4j
import pytest
from click.testing import CliRunner

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.errors import HKWeb3Error, ReadOnlyViolation
from hkweb3.graph import gate
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.embedded import READER_USER, ROOT_USER, EmbeddedHome
from hkweb3.graph.models import Entity, GraphBatch
from hkweb3.graph.store import open_store
from tests.reliability_support import (
    cli_environment,
    error_lines,
    hkweb3,
    wait_for,
    wait_for_commits,
    write_documents,
)

HOME = "{home}"  # stands for the data directory in the statements below
ATTACKS = [
    # writes that commit on their own, or outside the read's transaction
    "MATCH (n:Entity) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS",
    "MATCH (n:Entity) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
    "CALL { MATCH (n:Entity) SET n.name = 'x' } IN 2 CONCURRENT TRANSACTIONS",
    "USING PERIODIC COMMIT 10 LOAD CSV FROM 'file:///etc/passwd' AS row "
    "CREATE (:Entity {id: row[0]})",
    # plain writes: the server refuses the read-only user
    "MATCH (n:Entity) DETACH DELETE n",
    "MATCH (n:Entity) SET n.name = 'pwned'",
    "MATCH (n:Entity) REMOVE n.name",
    "MATCH (n:Entity) SET n:Intruder",
    "CREATE (:Entity:Organization:Company {id: 'intruder', name: 'Intruder'})",
    "CREATE (:Brandnew {id: 'intruder'})",
    "MERGE (n:Entity {id: 'alpha-bank'}) SET n.name = 'renamed'",
    "MATCH (a:Entity), (b:Entity) WITH a, b LIMIT 1 CREATE (a)-[:OWNS]->(b)",
    "MATCH (:Entity)-[r]->(:Entity) DELETE r",
    "FOREACH (x IN range(1, 3) | CREATE (:Entity {id: toString(x)}))",
    # users, roles, privileges, databases
    "ALTER USER root SET PASSWORD 'owned'",
    "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'b'",
    "CREATE USER analyst SET PASSWORD 'x'",
    "DROP USER reader",
    "CREATE ROLE spy",
    "GRANT ROLE admin TO reader",
    "DENY READ {*} ON GRAPH * TO reader",
    "REVOKE ROLE admin FROM root",
    "CREATE DATABASE other",
    "DROP DATABASE kg",
    "STOP DATABASE kg",
    "SHOW USERS",
    "SHOW CURRENT USER",
    "TERMINATE TRANSACTIONS 'kg-transaction-1'",
    # schema
    "CREATE CONSTRAINT spy_id IF NOT EXISTS FOR (n:Spy) REQUIRE n.id IS UNIQUE",
    "DROP CONSTRAINT spy_id IF EXISTS",
    "CREATE INDEX spy_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
    "DROP INDEX spy_name IF EXISTS",
    "CREATE FULLTEXT INDEX spy_text FOR (n:Entity) ON EACH [n.name]",
    # the same, disguised
    "/* a comment */ alter user root set password 'owned'",
    "CYPHER 5 DROP CONSTRAINT spy_id",
    "EXPLAIN CREATE USER analyst SET PASSWORD 'x'",
    "USE kg CREATE INDEX spy_kind FOR (n:Entity) ON (n.kind)",
    # files of this machine
    f"LOAD CSV FROM 'file://{HOME}/password' AS row RETURN row",
    f"LOAD CSV FROM 'file://{HOME}/reader-password' AS row RETURN row",
    f"LOAD CSV FROM '{HOME}/password' AS row RETURN row",
    f"LOAD CSV FROM 'file://{HOME}/arcadedb/config/server-users.jsonl' AS row RETURN row",
    "LOAD CSV FROM 'file:///proc/self/environ' AS row RETURN row",
    "load csv with headers from 'file:///etc/passwd' as row return row",
    "LOAD CSV FROM 'http://127.0.0.1:9/secret' AS row RETURN row",
    # procedures: unknown ones are the user's mistake (exit 2), not a store failure
    "CALL dbms.security.createUser('analyst', 'x', false)",
    "CALL db.createLabel('Spy')",
]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory):
    """A server of this module's own, holding a small graph: a failed defence here must not
    break the other tests' server."""
    embedded = EmbeddedHome(tmp_path_factory.mktemp("hkweb3-security-home"))
    embedded.start()
    config = StoreConfig(home=embedded.path)
    with open_store(config) as store:
        store.setup_schema()
        store.write(GraphBatch(entities=[
            Entity(id="alpha-bank", name="Alpha Bank", kind="Bank"),
            Entity(id="beta-exchange", name="Beta Exchange", kind="TradingPlatform"),
        ]))
    yield embedded
    embedded.stop()


def state(home: EmbeddedHome) -> dict:
    """What an attack must not change: counts, constraints and indexes, users and groups."""
    config = StoreConfig(home=home.path)
    with open_store(config) as store:
        schema = {
            kind: sorted(json.dumps(row, sort_keys=True, default=str)
                         for row in store.read(f"SHOW {kind}").rows)
            for kind in ("CONSTRAINTS", "INDEXES")
        }
        entities = store.read("MATCH (n:Entity) RETURN n.id AS id, n.name AS name, "
                              "labels(n) AS labels ORDER BY id").rows
    security = home.db_root / "config"
    return {"stats": api.stats(config), "schema": schema, "entities": entities,
            "users": (security / "server-users.jsonl").read_text(),
            "groups": (security / "server-groups.json").read_text()}


def secrets_of(home: EmbeddedHome) -> list[str]:
    """Text that must never come back: the passwords, their hashes, /etc/passwd's root
    line, and the server's environment."""
    users = [json.loads(line) for line in
             (home.db_root / "config" / "server-users.jsonl").read_text().splitlines()]
    return [home.password(), home.reader_password(), "root:x:0:0", "PBKDF2",
            "HKWEB3_", "PATH=", *(u["password"] for u in users)]


@pytest.mark.parametrize("statement", ATTACKS)
def test_the_read_path_refuses_and_nothing_changes(home, statement):
    query = statement.replace(HOME, str(home.path))
    before = state(home)
    result = CliRunner().invoke(cli, ["cypher", query],
                                env={"HKWEB3_HOME": str(home.path)})
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output
    for secret in secrets_of(home):
        assert secret not in result.output
    assert state(home) == before


@pytest.mark.parametrize("statement", [a for a in ATTACKS if "LOAD CSV" in a.upper()])
def test_no_statement_reads_a_file_even_with_write_access(home, statement):
    """The server itself reads no file and fetches no URL, for the administrator too."""
    query = statement.replace(HOME, str(home.path))
    if "PERIODIC" in query:
        query = query.replace("USING PERIODIC COMMIT 10 ", "")
    with pytest.raises(HKWeb3Error) as refused:
        api.run_cypher(query, write=True, config=StoreConfig(home=home.path))
    assert refused.value.exit_code == 2
    assert "disabled" in str(refused.value)
    for secret in secrets_of(home):
        assert secret not in str(refused.value)


def test_a_file_path_as_a_parameter_is_refused_too(home):
    with pytest.raises(ReadOnlyViolation, match="LOAD CSV"):
        api.run_cypher("LOAD CSV FROM $url AS row RETURN row",
                       {"url": f"file://{home.path}/password"},
                       config=StoreConfig(home=home.path))


def test_the_server_refuses_the_reader_when_hkweb3_is_bypassed(home):
    """Straight to Bolt as the read-only user, past every check hkweb3 makes."""
    info = home.running()
    before = state(home)
    auth = (READER_USER, home.reader_password())
    with neo4j.GraphDatabase.driver(info.uri, auth=auth) as driver:
        for statement in ("MATCH (n:Entity) DETACH DELETE n",
                          "MATCH (n:Entity) SET n.name = 'x'",
                          "CREATE (:Entity {id: 'bypass'})",
                          "ALTER USER root SET PASSWORD 'owned'",
                          "CREATE USER bypass SET PASSWORD 'x'",
                          "CREATE INDEX bypass FOR (n:Entity) ON (n.kind)",
                          "MATCH (n:Entity) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS",
                          f"LOAD CSV FROM 'file://{home.path}/password' AS row RETURN row"):
            with pytest.raises(neo4j.exceptions.ClientError) as refused:
                driver.execute_query(statement, database_=info.database)
            assert refused.value.code == "Neo.ClientError.Security.Forbidden", statement
        rows, _, _ = driver.execute_query("MATCH (n:Entity) RETURN count(n) AS n",
                                          database_=info.database)
    assert rows[0]["n"] == 2
    assert state(home) == before


def test_reads_and_queries_still_work_as_the_reader(home):
    config = StoreConfig(home=home.path)
    rows = api.run_cypher("MATCH (b:Bank) RETURN b.name AS name", config=config).rows
    assert rows == [{"name": "Alpha Bank"}]
    assert api.run_query("find-entity", {"ref": "alpha bank"}, config=config).rows
    shown = api.run_cypher("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n", config=config)
    assert shown.rows[0]["n"] > 0
    assert api.dump(config)["nodes"]


def test_a_store_opened_for_reading_refuses_writes_before_sending(home):
    with open_store(StoreConfig(home=home.path), read_only=True) as store:
        with pytest.raises(ReadOnlyViolation, match="opened for reading"):
            store.write(GraphBatch(entities=[Entity(id="x", name="X", kind="Bank")]))
        with pytest.raises(ReadOnlyViolation):
            store.execute("MATCH (n:Bank) SET n.x = 1", write=True)


def test_write_access_is_explicit_and_still_works(home):
    config = StoreConfig(home=home.path)
    api.run_cypher("MATCH (b:Bank {id: 'alpha-bank'}) SET b.note = 'checked'", write=True,
                   config=config)
    rows = api.run_cypher("MATCH (b:Bank {id: 'alpha-bank'}) RETURN b.note AS note",
                          config=config).rows
    assert rows == [{"note": "checked"}]
    api.run_cypher("MATCH (b:Bank {id: 'alpha-bank'}) REMOVE b.note", write=True,
                   config=config)


def test_a_remote_server_reads_as_the_read_user_it_is_given(home, monkeypatch):
    """NEO4J_READ_USER: the reads of a store given by URI run as that user (here the
    embedded server's reader, standing for a Neo4j user with the reader role)."""
    info = home.running()
    monkeypatch.setenv("NEO4J_URI", info.uri)
    monkeypatch.setenv("NEO4J_USER", ROOT_USER)
    monkeypatch.setenv("NEO4J_PASSWORD", home.password())
    monkeypatch.setenv("NEO4J_READ_USER", READER_USER)
    monkeypatch.setenv("NEO4J_READ_PASSWORD", home.reader_password())
    config = StoreConfig.from_env()
    assert api.stats(config)["nodes"]["Bank"] == 1
    with (open_store(config, read_only=True) as store,
          store.reader.session(database=info.database) as session,
          pytest.raises(neo4j.exceptions.ClientError) as refused):
        session.run("MATCH (b:Bank) SET b.x = 1").consume()
    assert refused.value.code == "Neo.ClientError.Security.Forbidden"


def test_the_gate_ignores_keywords_inside_strings_comments_and_names():
    assert gate.refusal("MATCH (n:Entity {name: 'DROP DATABASE kg'}) RETURN n") is None
    assert gate.refusal("MATCH (n:Entity) // LOAD CSV\nRETURN n") is None
    assert gate.refusal("MATCH (`LOAD CSV`:Entity) RETURN `LOAD CSV`") is None
    assert gate.refusal("MATCH (n:Entity) WHERE n.id IN ['transactions'] RETURN n") is None
    assert gate.refusal("SHOW INDEXES") is None
    assert gate.refusal("show unique constraints yield name return name") is None
    assert gate.refusal("SHOW ROLES") is not None


def test_an_unknown_procedure_is_a_cypher_error_not_a_store_failure(home):
    result = CliRunner().invoke(cli, ["cypher", "CALL dbms.procedures()"],
                                env={"HKWEB3_HOME": str(home.path)})
    assert result.exit_code == 2
    assert "procedure" in result.output and "full disk" not in result.output


# -- the store going away, and the data directory's permissions ----------------------------


def test_stopping_the_server_under_an_ingest_says_the_store_went_away(tmp_path):
    home = EmbeddedHome(tmp_path / "home")
    docs = write_documents(tmp_path / "docs", 300)
    env = cli_environment(HKWEB3_HOME=home.path)
    process = hkweb3("ingest", str(docs), "--format", "json", env=env)
    try:
        info = wait_for(home.running, 120, "the ingest to start the embedded server")
        wait_for_commits(info.uri, home.password(), 5)
        stop = subprocess.run([sys.executable, "-c", "from hkweb3.cli import main; main()",
                               "db", "stop"], env=env, capture_output=True, text=True,
                              timeout=120)
        assert stop.returncode == 0, stop.stderr
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
        home.stop()
    assert process.returncode == 3, err
    [line] = error_lines(err)
    assert "wrong user or password" not in line
    assert "went away" in line or "cannot reach the store" in line, line
    committed = json.loads(out)  # what was committed before the stop is still reported
    assert committed and all(row["status"] == "added" for row in committed)


def test_the_data_directory_is_private_whatever_the_umask(tmp_path):
    home = EmbeddedHome(tmp_path / "home")
    old = os.umask(0o022)
    try:
        api.build(StoreConfig(home=home.path))
    finally:
        os.umask(old)
        home.stop()
    assert stat.S_IMODE(home.path.stat().st_mode) == 0o700
    exposed = [str(p) for p in home.path.rglob("*")
               if stat.S_IMODE(p.lstat().st_mode) & 0o077 and not p.is_symlink()]
    assert exposed == []


def test_exports_and_html_follow_the_users_umask(home, tmp_path):
    config = StoreConfig(home=home.path)
    old = os.umask(0o022)
    try:
        exported = api.export("json", tmp_path / "graph.json", config=config)
        page = api.viz(tmp_path / "graph.html", config=config)
    finally:
        os.umask(old)
    assert stat.S_IMODE(Path(exported).stat().st_mode) == 0o644
    assert stat.S_IMODE(Path(page).stat().st_mode) == 0o644
