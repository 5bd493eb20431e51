"""Every Cypher statement hkweb3 sends passes Neo4j's own parser (run by node)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from hkweb3.graph import cypher, judging
from hkweb3.graph.schema import load_schema
from hkweb3.queries.library import load_library

LINT_DIR = Path(__file__).parent / "cypher_lint"
# The parameters each statement may use, declared so the linter does not flag them.
PARAMETERS = {"rows": [], "ids": [], "id": "x", "docs": [], "kinds": [], "types": [], "a": "x",
              "b": "x", "prefix": "x", "prefixes": []}
EXAMPLES = {"entity": "x", "kind": ["Bank"], "text": "x", "int": 1, "float": 1.0,
            "date": "2024-01-01", "list": []}


def statements() -> list[str]:
    """The store's statements and every named query of the library."""
    library = [q.cypher for q in load_library().values()]
    judged = set(judging.statements(load_schema()))
    return sorted(set(cypher.statements(load_schema())) | set(library) | judged)


def parameters(query: str) -> dict:
    """The parameters a statement declares: the store's, or a named query's header."""
    for named in load_library().values():
        if named.cypher == query:
            return {p.name: EXAMPLES[p.type] for p in named.params}
    return PARAMETERS


def lint(queries: list[str]) -> list[list[dict]]:
    """Diagnostics from ``lintCypherQuery`` for each query."""
    node = shutil.which("node")
    if node is None or not (LINT_DIR / "node_modules").is_dir():
        pytest.fail(f"Neo4j's parser is not installed: run `npm ci --prefix {LINT_DIR}`")
    payload = json.dumps([{"query": q, "parameters": parameters(q)} for q in queries])
    done = subprocess.run([node, str(LINT_DIR / "lint.mjs")], input=payload, text=True,
                          capture_output=True, cwd=LINT_DIR, timeout=600, check=True)
    return json.loads(done.stdout)


def test_the_linter_catches_a_broken_statement():
    """The check itself works: a syntax error and an undeclared parameter are reported."""
    broken, undeclared = lint(["MATCH (b:Bank RETURN b", "MATCH (b:Bank {id: $nope}) RETURN b"])
    assert broken and undeclared


@pytest.mark.parametrize("query", statements())
def test_statement_is_valid_neo4j_5(query, _diagnostics):
    assert _diagnostics[query] == [], query


@pytest.mark.parametrize("query", statements())
def test_statement_is_single_and_matches_with_labels(query):
    assert ";" not in query
    # A node pattern with properties but no label, e.g. (n {id: ...}), scans every node.
    # (A "(" right after a name is a function call, as in collect({...}).)
    assert not re.search(r"(?<!\w)\(\s*\w*\s*\{", query), query


@pytest.fixture(scope="module")
def _diagnostics() -> dict[str, list[dict]]:
    queries = statements()
    return dict(zip(queries, lint(queries), strict=True))
