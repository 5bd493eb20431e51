"""The library of named Cypher queries: one ``.cypher`` file each, described by its header.

A header is a block of ``//`` comments at the top of the file::

    // name: platform-banks
    // description: The banking partners of one platform, with the service and sources.
    // param: platform entity = hashkey-exchange -- the platform (id, name or alias)

A parameter has a type (``entity``, ``kind``, ``text``, ``int``, ``float``, ``date``,
``list``), an optional default (``null`` allowed) and a description. A ``kind`` becomes the
list of concrete kinds it covers (``Bank`` covers ``VirtualBank``), for ``e.kind IN $kind``.
Values arrive as text (from the CLI) or as Python values; an ``entity`` value may be an id,
a name or an alias and is resolved to an id (by the index, else by the ``find-entity``
query), so every query matches on the indexed id.

A query that declares ``asOf date = null`` can be asked for the graph as of a date
(``hkweb3 query --as-of``): it keeps the facts whose period (``since``, ``until``: partial
dates stored as ISO text, compared at their own precision) does not rule that day out.

Examples
--------
>>> library = load_library()
>>> query = library["platform-banks"]
>>> [(p.name, p.type, p.default) for p in query.params]
[('platform', 'entity', 'hashkey-exchange')]
>>> query.convert({"platform": "OSL"})
{'platform': 'OSL'}
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from hkweb3.errors import QueryError, ValidationError
from hkweb3.graph.cypher import ENTITY_BY_ID
from hkweb3.graph.schema import load_schema
from hkweb3.graph.store import QueryResult, Store

LIBRARY_DIR = Path(__file__).resolve().parent
LOOKUP = "find-entity"
#: The parameter a query declares to be asked "as of a date" (``hkweb3 query --as-of``).
AS_OF = "asOf"
TYPES = ("entity", "kind", "text", "int", "float", "date", "list")

_HEADER = re.compile(r"^//\s*(name|description|param):\s*(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>\w+)(?:\s*=\s*(?P<default>.*?))?\s*(?:--\s*(?P<doc>.*))?$"
)
_MISSING = object()


@dataclass(frozen=True)
class Param:
    """One parameter of a named query."""

    name: str
    type: str
    default: Any = _MISSING
    description: str = ""

    @property
    def required(self) -> bool:
        return self.default is _MISSING

    def convert(self, value: Any) -> Any:
        """``value`` (text from the CLI, or a Python value) as this parameter's type."""
        if value is None or (isinstance(value, str) and value.lower() == "null"):
            return None
        try:
            if self.type in ("entity", "text"):
                return str(value)
            if self.type == "kind":
                return _kinds(str(value))
            if self.type == "int":
                return int(value)
            if self.type == "float":
                return float(value)
            if self.type == "date":
                return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
            if self.type == "list":
                items = json.loads(value) if isinstance(value, str) else value
                if not isinstance(items, list):
                    raise ValueError("not a list")
                return items
        except (TypeError, ValueError) as exc:
            raise QueryError(f"parameter {self.name!r}: {value!r} is not a valid {self.type} "
                             f"({exc})") from None
        raise AssertionError(self.type)

    def describe(self) -> str:
        if self.required:
            return f"{self.name} ({self.type})"
        default = "null" if self.default is None else self.default
        return f"{self.name} ({self.type} = {default})"


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library: its name, description, parameters and Cypher text."""

    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str
    path: Path

    def convert(self, values: dict[str, Any]) -> dict[str, Any]:
        """Every parameter converted, defaults filled in (entities not resolved yet).

        Raises
        ------
        QueryError
            For an unknown parameter, a missing required one, or a value of the wrong type.
        """
        known = {p.name: p for p in self.params}
        if AS_OF in values and AS_OF not in known:
            raise QueryError(f"query {self.name!r} cannot be asked as of a date: it declares "
                             f"no {AS_OF} parameter")
        if unknown := sorted(set(values) - set(known)):
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r} "
                             f"(parameters: {', '.join(known) or 'none'})")
        result = {}
        for param in self.params:
            if param.name in values:
                result[param.name] = param.convert(values[param.name])
            elif param.required:
                raise QueryError(f"query {self.name!r} needs parameter {param.name!r} "
                                 f"({param.type}): add --param {param.name}=VALUE")
            else:
                result[param.name] = param.convert(param.default)
        return result


def load_library(directory: Path | None = None) -> dict[str, NamedQuery]:
    """Every ``*.cypher`` file of ``directory`` (default: the shipped library), by name."""
    if directory is None:
        return _shipped()
    return _load(directory)


@cache
def _shipped() -> dict[str, NamedQuery]:
    return _load(LIBRARY_DIR)


def _load(directory: Path) -> dict[str, NamedQuery]:
    library = {}
    for path in sorted(directory.glob("*.cypher")):
        query = parse_query(path)
        if query.name in library:
            raise QueryError(f"{path}: query name {query.name!r} is used twice")
        library[query.name] = query
    return library


def parse_query(path: Path) -> NamedQuery:
    """Read one ``.cypher`` file and its header."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    body: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = _HEADER.match(line.strip())
        if match and not body:
            key, value = match[1], match[2].strip()
            if key == "param":
                params.append(_param(path, number, value))
            else:
                fields[key] = value
        elif line.strip() and not (line.strip().startswith("//") and not body):
            body.append(line)
    for key in ("name", "description"):
        if not fields.get(key):
            raise QueryError(f"{path}: header has no '// {key}:' line")
    cypher = "\n".join(body).strip()
    if not cypher:
        raise QueryError(f"{path}: no Cypher after the header")
    return NamedQuery(fields["name"], fields["description"], tuple(params), cypher, path)


def _param(path: Path, number: int, text: str) -> Param:
    match = _PARAM.match(text)
    if not match or match["type"] not in TYPES:
        raise QueryError(f"{path}:{number}: bad param line {text!r} "
                         f"(expected: NAME TYPE [= DEFAULT] [-- description], "
                         f"TYPE one of {', '.join(TYPES)})")
    default: Any = _MISSING
    if match["default"] is not None:
        raw = match["default"]
        default = None if raw == "null" else raw
    return Param(match["name"], match["type"], default, (match["doc"] or "").strip())


def _kinds(name: str) -> list[str]:
    try:
        return load_schema().kinds_under(name)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None


def run_named(store: Store, query: NamedQuery, values: dict[str, Any]) -> QueryResult:
    """Run ``query`` read-only with ``values``, entities resolved to their ids; the result's
    notes say which entity each name or alias was taken to mean."""
    params = query.convert(values)
    notes = []
    for param in query.params:
        if param.type == "entity" and params[param.name] is not None:
            given = params[param.name]
            params[param.name], name = resolve_entity(store, given)
            if params[param.name] != given:
                notes.append(f"{param.name}: {given!r} is {name} (id {params[param.name]})")
    result = store.read(query.cypher, params)
    result.notes = notes
    return result


class EntityMatch(NamedTuple):
    """The entity a reference was taken to mean."""

    id: str
    #: Its name, when it was found by name or alias (``None`` when ``ref`` was its id).
    name: str | None


def resolve_entity(store: Store, ref: str) -> EntityMatch:
    """The entity whose id, name or alias is ``ref`` (the name is not looked up when
    ``ref`` is an id).

    Raises
    ------
    QueryError
        If no entity, or more than one, answers to ``ref``.
    """
    # An id is the common case and is found through the index; names and aliases are not.
    if store.read(ENTITY_BY_ID, {"id": ref}).rows:
        return EntityMatch(ref, None)
    rows = store.read(load_library()[LOOKUP].cypher, {"ref": ref}).rows
    if not rows:
        raise QueryError(f"no entity has the id, name or alias {ref!r}")
    if rows[0]["exact"] or len(rows) == 1:
        return EntityMatch(rows[0]["id"], rows[0]["name"])
    raise QueryError(f"{ref!r} is ambiguous: it names {', '.join(r['id'] for r in rows)}; "
                     "give an id")
