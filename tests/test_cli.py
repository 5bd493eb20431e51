"""The hkweb3 command, run through click's CliRunner against the session's server."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from hkweb3 import __version__, api
from hkweb3.cli import cli
from hkweb3.data import DOCUMENTS_DIR
from tests.conftest import clear


def run(env: dict[str, str], *args: str):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path", list(all_commands(cli)), ids=" ".join)
def test_every_command_has_help(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    command = cli
    for name in path:
        command = command.commands[name]
    assert command.help and len(command.help.strip()) > 20, f"{path} needs a real help text"


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.output == f"hkweb3, version {__version__}\n"


def test_build_twice_adds_nothing_and_stats_agree(cli_env, store):
    first = run(cli_env, "build", "--format", "json")
    assert first.exit_code == 0, first.output
    rows = json.loads(first.stdout)  # stderr carries the progress bar
    assert rows[0]["document"] == "(registry)" and rows[0]["entities"] >= 60
    registers = {r["register"] for r in api.registers()}  # loaded before the documents
    assert {row["status"] for row in rows[1:] if row["document"] in registers} == {"loaded"}
    documents = [row for row in rows[1:] if row["document"] not in registers]
    assert {row["status"] for row in documents} == {"added"}
    assert len(documents) == len(list(DOCUMENTS_DIR.iterdir()))
    before = run(cli_env, "stats", "--format", "json").output
    second = run(cli_env, "build", "--format", "json")
    assert {row["status"] for row in json.loads(second.stdout)[1:]} == {"unchanged"}
    assert run(cli_env, "stats", "--format", "json").output == before
    stats = json.loads(before)
    assert stats["nodes"]["Document"] > len(rows) - 1  # citations and documents
    assert stats["edges"]["MENTIONS"] > 0
    clear(store)


def test_stats_formats(cli_env, store):
    run(cli_env, "cypher", "--write",
        "CREATE (:Entity:Organization:Bank {id: 'b1', name: 'B1', kind: 'Bank'})")
    table = run(cli_env, "stats").output
    assert table == (
        "element  name          count\n"
        "-------  ------------  -----\n"
        "node     Entity            1\n"
        "node     Organization      1\n"
        "node     Bank              1\n"
    )
    csv_out = run(cli_env, "stats", "--format", "csv").output.splitlines()
    assert csv_out[0] == "element,name,count"
    assert "node,Bank,1" in csv_out


def test_cypher_with_parameters_and_formats(cli_env, store):
    run(cli_env, "cypher", "--write",
        "CREATE (:Entity:Organization:Bank {id: 'za-bank', name: 'ZA Bank', kind: 'Bank'})")
    query = "MATCH (b:Bank {id: $id}) RETURN b.name AS name, b.kind AS kind"
    result = run(cli_env, "cypher", query, "-p", "id=za-bank", "--format", "json")
    assert json.loads(result.output) == [{"name": "ZA Bank", "kind": "Bank"}]
    result = run(cli_env, "cypher", query, "-p", "id=za-bank", "--format", "csv")
    assert result.output == "name,kind\nZA Bank,Bank\n"


def test_cypher_refuses_writes_without_write_flag(cli_env, store):
    result = run(cli_env, "cypher", "CREATE (:Entity:Company {id: 'x', name: 'X'})")
    assert result.exit_code == 2
    assert result.output.startswith("Error: this statement writes to the graph")
    assert len(result.output.strip().splitlines()) == 1
    count = run(cli_env, "cypher", "MATCH (c:Company) RETURN count(c) AS n", "--format", "csv")
    assert count.output == "n\n0\n"


def test_cypher_syntax_error_is_one_line(cli_env):
    result = run(cli_env, "cypher", "MATCH (b:Bank RETURN b")
    assert result.exit_code == 2
    assert result.output.startswith("Error: Cypher syntax error")
    assert len(result.output.strip().splitlines()) == 1


def test_unreachable_uri_is_one_line_exit_3():
    result = run({"NEO4J_URI": "bolt://127.0.0.1:1"}, "stats")
    assert result.exit_code == 3
    assert result.output.startswith("Error: cannot reach the store at bolt://127.0.0.1:1")
    assert "Traceback" not in result.output


def test_wrong_password_is_one_line_and_never_echoed(home):
    env = {"NEO4J_URI": home.running().uri, "NEO4J_USER": "root",
           "NEO4J_PASSWORD": "not-the-password-123"}
    result = run(env, "stats")
    assert result.exit_code == 3
    assert result.output.startswith("Error: the store at bolt://127.0.0.1:")
    assert "wrong user or password" in result.output
    assert "not-the-password-123" not in result.output


def test_debug_shows_the_traceback():
    result = CliRunner().invoke(cli, ["--debug", "stats"], env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert result.exit_code != 0
    assert type(result.exception).__name__ == "StoreUnavailable"


def test_db_status_of_a_stopped_home(tmp_path):
    result = run({"HKWEB3_HOME": str(tmp_path / "h")}, "db", "status", "--format", "json")
    assert result.exit_code == 3
    status = json.loads(result.output)[0]
    assert status["running"] is False and status["uri"] is None


def test_db_status_of_the_running_server(cli_env, home):
    result = run(cli_env, "db", "status", "--format", "json")
    status = json.loads(result.output)[0]
    assert result.exit_code == 0
    assert status["uri"] == home.running().uri and status["user"] == "root"
    assert home.password() not in result.output


def test_bad_registry_exits_1_naming_the_file(cli_env, tmp_path, store):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  - id: a\n    name: A\n    kind: Bnak\n")
    result = run(cli_env, "build", "--registry", str(bad))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}:2: unknown kind 'Bnak' (known kinds: ")
    assert len(result.output.splitlines()) == 1
    assert store.stats() == {"nodes": {}, "edges": {}}


def test_commands_that_read_no_documents_do_not_load_spacy():
    # spaCy costs about a second at start-up; query, analysis and view commands never use it.
    code = "import sys, hkweb3.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_cypher_reads_its_statement_from_standard_input(cli_env, store):
    piped = CliRunner().invoke(cli, ["cypher", "--format", "csv"], env=cli_env,
                               input="RETURN 1 + 1 AS two\n")
    assert piped.exit_code == 0 and piped.stdout == "two\n2\n"
    dash = CliRunner().invoke(cli, ["cypher", "-f", "-"], env=cli_env, input="RETURN 3 AS n")
    assert dash.exit_code == 0 and "3" in dash.stdout
    empty = CliRunner().invoke(cli, ["cypher"], env=cli_env, input="")
    assert empty.exit_code == 2 and "the statement is empty" in empty.output


def test_a_file_that_gives_no_document_is_named_in_the_table(cli_env, store, tmp_path):
    (tmp_path / "empty.md").write_text("")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "empty.md")], env=cli_env)
    assert result.exit_code == 1
    [row] = [line for line in result.stdout.splitlines() if " error " in line]
    assert row.startswith(str(tmp_path / "empty.md"))


def test_export_prints_the_absolute_path_it_wrote(cli_env, store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["export", "--out", "graph.json"], env=cli_env)
    assert result.exit_code == 0 and result.stdout == f"{tmp_path / 'graph.json'}\n"


def test_forget_names_the_documents_it_did_not_find(cli_env, store):
    result = CliRunner().invoke(cli, ["forget", "no-such-document"], env=cli_env)
    assert result.exit_code == 1
    assert result.stdout == "forgot 0 of 1 document(s)\n"
    assert result.stderr == "Error: not in the graph: no-such-document\n"
