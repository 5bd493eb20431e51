"""What the read path refuses before a statement is sent.

The server is the real gate: reads run as a user that may only read records (see
:mod:`hkweb3.graph.embedded`). Some statements, though, commit on their own or outside the
transaction a read runs in, or reach past the graph, so they are refused by their form
first, following the shapes of Neo4j 5's grammar (the ``command`` rule's alternatives,
``CALL {} IN TRANSACTIONS``, ``USING PERIODIC COMMIT``, ``LOAD CSV``):

- administration and schema commands: users, roles, privileges, databases, aliases,
  servers, settings, transactions, indexes and constraints (``SHOW INDEXES``, ``SHOW
  CONSTRAINTS``, ``SHOW PROCEDURES`` and ``SHOW FUNCTIONS`` only read the schema, and pass);
- subqueries in their own transactions, and periodic commit;
- ``LOAD CSV``, which reads files or URLs rather than the graph.

The statement is tokenised, so keywords inside strings, comments and backtick-quoted names
never count.

Examples
--------
>>> refusal("MATCH (b:Bank) RETURN b.name AS name") is None
True
>>> refusal("MATCH (b:Bank {name: 'DROP INDEX x'}) RETURN b") is None
True
>>> refusal("ALTER USER root SET PASSWORD 'x'")
'an administration or schema command (ALTER USER)'
>>> refusal("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")
'LOAD CSV, which reads files and URLs rather than the graph'
"""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
    | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
    | (?P<quoted>`(?:[^`]|``)*(?:`|\Z))
    | (?P<number>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
    | (?P<word>[A-Za-z_][A-Za-z0-9_$]*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
#: First words of Neo4j 5 commands that are never part of a query.
_COMMANDS = {"ALTER", "DEALLOCATE", "DENY", "DROP", "DRYRUN", "ENABLE", "GRANT", "REALLOCATE",
             "RENAME", "REVOKE", "SHOW", "START", "STOP", "TERMINATE"}
#: Words after CREATE that make it a command rather than the CREATE clause.
_CREATE_COMMANDS = {"ALIAS", "BTREE", "COMPOSITE", "CONSTRAINT", "DATABASE", "FULLTEXT",
                    "INDEX", "LOOKUP", "OR", "POINT", "RANGE", "ROLE", "SERVER", "TEXT", "USER",
                    "VECTOR"}
#: What a SHOW command may list on the read path: the schema, not users or settings.
_SHOWN = {"CONSTRAINT", "CONSTRAINTS", "FUNCTION", "FUNCTIONS", "INDEX", "INDEXES",
          "PROCEDURE", "PROCEDURES"}
_SHOW_NOUNS = _SHOWN | {"ALIAS", "ALIASES", "DATABASE", "DATABASES", "PRIVILEGE", "PRIVILEGES",
                        "ROLE", "ROLES", "SERVER", "SERVERS", "SETTING", "SETTINGS",
                        "TRANSACTION", "TRANSACTIONS", "USER", "USERS"}
#: Words that may stand before a statement: query options, EXPLAIN or PROFILE.
_PREFIXES = {"CYPHER", "EXPLAIN", "PROFILE"}


def tokens(query: str) -> list[str]:
    """The statement's words (upper-cased) and symbols; strings, quoted names and numbers
    become ``"'"``, ``"`"`` and ``"0"``; comments and spaces are dropped."""
    found = []
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup
        if kind == "word":
            found.append(match.group().upper())
        elif kind == "string":
            found.append("'")
        elif kind == "quoted":
            found.append("`")
        elif kind == "number":
            found.append("0")
        elif kind == "other":
            found.append(match.group())
    return found


def refusal(query: str) -> str | None:
    """Why the read path refuses ``query`` before sending it, or ``None``."""
    words = tokens(query)
    first = _statement_start(words)
    if first < len(words):
        head = words[first]
        nxt = words[first + 1] if first + 1 < len(words) else ""
        if head == "SHOW" and _shown(words[first + 1:]) in _SHOWN:
            return None
        if head in _COMMANDS or (head == "CREATE" and nxt in _CREATE_COMMANDS):
            return f"an administration or schema command ({head} {nxt})".rstrip()
        if head == "USING" and nxt == "PERIODIC":
            return "USING PERIODIC COMMIT, which commits on its own"
    for i, word in enumerate(words):
        if word == "}" and _at(words, i + 1) == "IN" and "TRANSACTIONS" in words[i + 2:]:
            return "CALL { ... } IN TRANSACTIONS, which commits on its own"
        if word == "LOAD" and _at(words, i + 1) == "CSV":
            return "LOAD CSV, which reads files and URLs rather than the graph"
    return None


def _statement_start(words: list[str]) -> int:
    """The index of the statement's first clause word: past ``CYPHER`` options, ``EXPLAIN``,
    ``PROFILE`` and a ``USE`` clause naming a graph."""
    i = 0
    while i < len(words):
        word = words[i]
        if word in _PREFIXES:
            i += 1
            # CYPHER's options: a version number and key=value pairs.
            while i < len(words) and (words[i] == "=" or _at(words, i + 1) == "="
                                      or _at(words, i - 1) == "=" or words[i] == "0"):
                i += 1
        elif word == "USE":
            i += 2  # USE and a name (dotted names: the dots and parts that follow)
            while _at(words, i) == "." and i + 1 < len(words):
                i += 2
        else:
            return i
    return i


def _shown(words: list[str]) -> str:
    """What ``SHOW`` lists: the first noun after its qualifiers (``ALL``, ``UNIQUE``...)."""
    return next((word for word in words if word in _SHOW_NOUNS), "")


def _at(words: list[str], i: int) -> str:
    return words[i] if 0 <= i < len(words) else ""
