"""Write a graph dump to files: JSON, GraphML, or CSV for ``neo4j-admin database import``.

A dump is plain data, in the same shape as the JSON export (which other tools read)::

    {"nodes": [{"id", "name", "kind", "labels", "aliases", "discovered", "sources",
                "properties"}],
     "edges": [{"source", "target", "type", "properties", "evidence"}],
     "documents": [{"id", "title", "outlet", "url", "published"}]}

Property values are strings, numbers, booleans or lists of strings, dates are ISO strings,
and each evidence item a mapping of :class:`~hkweb3.graph.models.Evidence`'s fields. The
functions here never touch the store: they read the dump and write files. Output is sorted
(nodes and documents by id, edges by source, type, target, then properties), so exporting
the same graph twice gives identical bytes.

CSV for neo4j-admin
-------------------
:func:`export_csv` writes three files with the ``neo4j-admin database import`` header
conventions: ``nodes.csv`` (entities, ID space ``Entity``), ``documents.csv`` (ID space of the
schema's document label, ``Document``, so a document may share an id with an entity) and
``relationships.csv`` (between entities). An edge property column has the type the schema
declares for it (``:boolean`` for a ``bool``, ``:double`` for a ``number``; text and
partial dates are strings); other property columns are typed (``:long``, ``:double``, ``:boolean``,
``:string[]``) when every value of the key has that type, and are plain strings otherwise.

Array values (labels, aliases, sources, evidence, list properties) are joined with
:data:`ARRAY_DELIMITER`, ``|``, rather than neo4j-admin's default ``;``: sentences and names
often hold a ``;`` and rarely a ``|``. neo4j-admin must therefore be given
``--array-delimiter='|'``. Each evidence item is compact JSON, its document first
(:meth:`hkweb3.graph.models.Evidence.encode`, the store's own encoding), with any ``|`` inside written as the
JSON escape ``\\u007c``: items split cleanly and still decode to the original text. Other
array items cannot be escaped (neo4j-admin has no escape for the array delimiter), so an
alias, source or list value containing ``|`` is refused with an :class:`ExportError`. Fields
are quoted by :mod:`csv` (an inner ``"`` doubled, as RFC 4180 has it), which neo4j-admin reads
with ``--legacy-style-quoting`` left at its default, false.

Import the three files into a new database (``neo4j`` here; add
``--overwrite-destination=true`` to replace an existing one) with :func:`import_command`'s
command; ``--multiline-fields=true`` because a description or title may span lines::

    neo4j-admin database import full neo4j --nodes=export/nodes.csv \\
        --nodes=export/documents.csv --relationships=export/relationships.csv \\
        --array-delimiter='|' --multiline-fields=true

Examples
--------
>>> import tempfile
>>> dump = {
...     "nodes": [
...         {"id": "za-bank", "name": "ZA Bank", "kind": "VirtualBank",
...          "labels": ["VirtualBank", "Bank", "Organization", "Entity"],
...          "aliases": ["ZA"], "discovered": False, "sources": ["doc-1"],
...          "properties": {"founded": 2018}},
...         {"id": "osl", "name": "OSL", "kind": "TradingPlatform",
...          "labels": ["TradingPlatform", "Platform", "Entity"], "aliases": [],
...          "discovered": False, "sources": ["doc-1"], "properties": {}},
...     ],
...     "edges": [
...         {"source": "za-bank", "target": "osl", "type": "PROVIDES_BANKING_TO",
...          "properties": {"service": "settlement account"},
...          "evidence": [{"document": "doc-1", "rule": "registry", "confidence": 1.0}]},
...     ],
...     "documents": [{"id": "doc-1", "title": "ZA Bank banks OSL", "outlet": "Forkast",
...                    "url": "https://example.org/1", "published": "2023-04-12"}],
... }
>>> tmp = tempfile.TemporaryDirectory()
>>> out = export(dump, "csv", Path(tmp.name) / "export")
>>> print((out / "nodes.csv").read_text(encoding="utf-8"), end="")
id:ID(Entity),name,kind,aliases:string[],discovered:boolean,sources:string[],founded:long,:LABEL
osl,OSL,TradingPlatform,,false,doc-1,,TradingPlatform|Platform|Entity
za-bank,ZA Bank,VirtualBank,ZA,false,doc-1,2018,VirtualBank|Bank|Organization|Entity
>>> print((out / "relationships.csv").read_text(encoding="utf-8"), end="")
:START_ID(Entity),:END_ID(Entity),:TYPE,service,sources:string[],evidence:string[]
za-bank,osl,PROVIDES_BANKING_TO,settlement account,doc-1,"{""document"":""doc-1"",""confidence"":1.0,""rule"":""registry""}"
>>> print(import_command(Path("export")))
neo4j-admin database import full neo4j --nodes=export/nodes.csv --nodes=export/documents.csv --relationships=export/relationships.csv --array-delimiter='|' --multiline-fields=true
>>> tmp.cleanup()
"""  # noqa: E501

from __future__ import annotations

import csv
import datetime as dt
import json
import shlex
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pydantic

from hkweb3.errors import ExportError, QueryError
from hkweb3.graph.memory import MemoryGraph
from hkweb3.graph.models import Evidence
from hkweb3.graph.periods import Period
from hkweb3.graph.schema import ENTITY_LABEL, load_schema

__all__ = [
    "ARRAY_DELIMITER",
    "CSV_FILES",
    "FORMATS",
    "GRAPHML_LIST_SEPARATOR",
    "export",
    "export_csv",
    "export_graphml",
    "graph_as_of",
    "export_json",
    "import_command",
]

#: The formats :func:`export` writes.
FORMATS = ("json", "graphml", "csv")

#: Joins array values in every CSV file; pass it to neo4j-admin as ``--array-delimiter``.
ARRAY_DELIMITER = "|"

#: The files :func:`export_csv` writes, in the order neo4j-admin should read them.
CSV_FILES = ("nodes.csv", "documents.csv", "relationships.csv")

#: Joins list values in GraphML attributes, which hold one string each.
GRAPHML_LIST_SEPARATOR = "; "

_ESCAPED_DELIMITER = f"\\u{ord(ARRAY_DELIMITER):04x}"
_NODE_FIELDS = ("id", "name", "kind", "labels", "aliases", "discovered", "sources")
_EDGE_FIELDS = ("source", "target", "type", "sources", "evidence", "evidence_count")
_DOCUMENT_FIELDS = ("id", "title", "outlet", "url", "published")
#: Edge properties GraphML leaves out: the store's own merge key, derived from the others.
_GRAPHML_SKIPPED_EDGE_PROPERTIES = frozenset({"key"})


def export(dump: MemoryGraph | Mapping[str, Any], fmt: str, out: Path) -> Path:
    """Write ``dump`` in format ``fmt`` to ``out`` and return where it went.

    Parameters
    ----------
    dump : MemoryGraph or mapping
        The graph as read (:mod:`hkweb3.graph.read`, in full), or its plain data:
        ``nodes``, ``edges`` and ``documents`` lists (see the module docstring).
    fmt : str
        One of :data:`FORMATS`: ``"json"``, ``"graphml"`` or ``"csv"``.
    out : Path
        The file to write (``json``, ``graphml``) or the directory to fill (``csv``).

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    QueryError
        If ``fmt`` is not one of :data:`FORMATS` (the message lists them).
    ExportError
        If the graph cannot be written in that format.

    Examples
    --------
    >>> export({}, "xlsx", Path("graph.xlsx"))
    Traceback (most recent call last):
    ...
    hkweb3.errors.QueryError: unknown export format 'xlsx'; choose from json, graphml, csv
    """
    writers: dict[str, Callable[[Mapping[str, Any], Path], Path]] = {
        "json": export_json,
        "graphml": export_graphml,
        "csv": export_csv,
    }
    if fmt not in writers:
        raise QueryError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    return writers[fmt](dump.plain() if isinstance(dump, MemoryGraph) else dump, Path(out))


def graph_as_of(dump: Mapping[str, Any], day: dt.date) -> dict[str, Any]:
    """``dump`` as of ``day``: every entity and document, and the facts that may hold that
    day (their period does not rule it out; undated facts stay).

    >>> dump = {"edges": [
    ...     {"source": "a", "type": "HOLDS_ROLE", "target": "b", "properties": {"until": "2022"}},
    ...     {"source": "c", "type": "HOLDS_ROLE", "target": "b", "properties": {"since": "2023"}}]}
    >>> [e["source"] for e in graph_as_of(dump, dt.date(2022, 6, 30))["edges"]]
    ['a']
    """
    return {**dump, "edges": [e for e in dump.get("edges") or ()
                              if Period.of(e.get("properties") or {}).holds_on(day)]}


def export_json(dump: Mapping[str, Any], out: Path) -> Path:
    """Write ``dump`` as indented UTF-8 JSON, sorted so that re-runs give identical bytes.

    Nodes and documents are sorted by id, edges by source, type, target (then properties,
    for edges of one type between the same nodes), and every mapping by key. Only the
    ``nodes``, ``edges`` and ``documents`` lists are written; a missing one is written empty.

    Parameters
    ----------
    dump : mapping
        The graph (see the module docstring).
    out : Path
        The file to write; its directory is created if missing.

    Returns
    -------
    Path
        ``out``.

    Examples
    --------
    >>> import tempfile
    >>> dump = {"nodes": [{"id": "za-bank", "name": "ZA Bank"}, {"id": "osl", "name": "OSL"}]}
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = export_json(dump, Path(tmp) / "graph.json")
    ...     print(path.read_text(encoding="utf-8"), end="")
    {
      "documents": [],
      "edges": [],
      "nodes": [
        {
          "id": "osl",
          "name": "OSL"
        },
        {
          "id": "za-bank",
          "name": "ZA Bank"
        }
      ]
    }
    """
    out = Path(out)
    data = {
        "nodes": _sorted_nodes(dump),
        "edges": _sorted_edges(dump),
        "documents": _sorted_documents(dump),
    }
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return out


def export_graphml(dump: Mapping[str, Any], out: Path) -> Path:
    """Write ``dump`` as GraphML (a directed multigraph) through :func:`networkx.write_graphml`.

    Entity nodes carry ``name``, ``kind``, ``labels`` (joined by ``:``), ``aliases`` and
    ``sources`` (joined by ``"; "``), ``discovered`` and one attribute per property. Documents
    become nodes of kind ``Document`` with ``name`` (their title), ``title``, ``outlet``,
    ``url`` and ``published``; no MENTIONS edges are written. Edges carry ``type``, their
    properties except the store's ``key``, ``sources``, ``evidence_count`` and ``evidence``
    (a JSON list).

    A property keeps its type (int, float, bool) when all its values share it, ints with
    floats become floats, anything else becomes text (as does a property named like a
    document field, so each attribute name has one GraphML type); list values are joined by
    ``"; "``. A property named like a fixed attribute is left out: the fixed attribute wins.

    Parameters
    ----------
    dump : mapping
        The graph (see the module docstring).
    out : Path
        The file to write; its directory is created if missing.

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    ExportError
        If a document has the same id as an entity (GraphML has one namespace of node ids).

    Examples
    --------
    >>> import tempfile
    >>> dump = {
    ...     "nodes": [{"id": "za-bank", "name": "ZA Bank", "kind": "VirtualBank"},
    ...               {"id": "osl", "name": "OSL", "kind": "TradingPlatform"}],
    ...     "edges": [{"source": "za-bank", "target": "osl", "type": "PROVIDES_BANKING_TO",
    ...                "evidence": [{"document": "doc-1", "rule": "registry"}]}],
    ... }
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     graph = nx.read_graphml(export_graphml(dump, Path(tmp) / "graph.graphml"))
    >>> sorted(graph.nodes(data="name"))
    [('osl', 'OSL'), ('za-bank', 'ZA Bank')]
    >>> [(u, v, d["type"], d["evidence_count"]) for u, v, d in graph.edges(data=True)]
    [('za-bank', 'osl', 'PROVIDES_BANKING_TO', 1)]
    """
    out = Path(out)
    nodes, edges, documents = _sorted_nodes(dump), _sorted_edges(dump), _sorted_documents(dump)
    entity_ids = {node["id"] for node in nodes}
    if clash := sorted(entity_ids & {doc["id"] for doc in documents}):
        raise ExportError(
            f"document id {clash[0]!r} is also an entity id; GraphML node ids must be unique"
        )

    document_label = load_schema().document_label
    node_types = _property_types(nodes, _NODE_FIELDS)
    for field in _DOCUMENT_FIELDS[1:]:  # one GraphML key per name: documents hold text there
        if node_types.get(field) in ("long", "double", "boolean"):
            node_types[field] = "string"
    edge_types = _property_types(edges, (*_EDGE_FIELDS, *_GRAPHML_SKIPPED_EDGE_PROPERTIES),
                                 _declared_types())
    graph = nx.MultiDiGraph()
    for node in nodes:
        attrs: dict[str, Any] = {
            "name": node.get("name", ""),
            "kind": node.get("kind", ""),
            "labels": ":".join(_labels(node)),
            "aliases": GRAPHML_LIST_SEPARATOR.join(node.get("aliases") or ()),
            "discovered": bool(node.get("discovered", False)),
            "sources": GRAPHML_LIST_SEPARATOR.join(node.get("sources") or ()),
        }
        attrs.update(_graphml_properties(node, node_types))
        graph.add_node(node["id"], **attrs)
    for doc in documents:
        attrs = {"name": doc.get("title") or doc["id"], "kind": document_label,
                 "labels": document_label}
        for field in _DOCUMENT_FIELDS[1:]:
            if doc.get(field) is not None:
                attrs[field] = str(doc[field])
        graph.add_node(doc["id"], **attrs)
    for edge in edges:
        evidence = _encoded_evidence(edge)
        attrs = {"type": edge["type"]}
        attrs.update(_graphml_properties(edge, edge_types))
        attrs["sources"] = GRAPHML_LIST_SEPARATOR.join(_edge_sources(edge))
        attrs["evidence_count"] = len(evidence)
        attrs["evidence"] = "[" + ",".join(evidence) + "]"
        graph.add_edge(edge["source"], edge["target"], **attrs)

    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True)
    return out


def export_csv(dump: Mapping[str, Any], out: Path) -> Path:
    """Write ``dump`` as the three CSV files ``neo4j-admin database import`` reads.

    ``nodes.csv`` holds the entities::

        id:ID(Entity),name,kind,aliases:string[],discovered:boolean,sources:string[],
        <one column per other property>,:LABEL

    ``documents.csv`` the documents (label ``Document``)::

        id:ID(Document),title,outlet,url,published,:LABEL

    and ``relationships.csv`` the edges::

        :START_ID(Entity),:END_ID(Entity),:TYPE,<one column per property>,
        sources:string[],evidence:string[]

    Property columns are sorted by name and typed ``:long``, ``:double``, ``:boolean`` or
    ``:string[]`` when all the key's values are ints, numbers, booleans or lists (a lone
    value then becomes a one-item list); otherwise they are strings. A property named like a
    fixed column is left out: the fixed column wins. An edge's ``sources`` are its own, or
    else the documents of its evidence. Arrays are joined with :data:`ARRAY_DELIMITER`;
    evidence items are compact JSON with ``|`` escaped (see the module docstring).

    Parameters
    ----------
    dump : mapping
        The graph (see the module docstring).
    out : Path
        The directory to write the files into; created if missing. Existing files of the
        same names are replaced.

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    ExportError
        If an alias, source, label or list property value contains :data:`ARRAY_DELIMITER`.

    Examples
    --------
    >>> import tempfile
    >>> dump = {"nodes": [{"id": "za-bank", "name": "ZA Bank", "kind": "VirtualBank",
    ...                    "aliases": ["ZA", "ZA Bank | HK"]}]}
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     try:
    ...         export_csv(dump, Path(tmp))
    ...     except ExportError as refused:
    ...         print(refused)
    node 'za-bank' aliases: 'ZA Bank | HK' contains the array delimiter '|'
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    nodes, edges, documents = _sorted_nodes(dump), _sorted_edges(dump), _sorted_documents(dump)

    node_types = _property_types(nodes, _NODE_FIELDS)
    header = [
        f"id:ID({ENTITY_LABEL})", "name", "kind", "aliases:string[]", "discovered:boolean",
        "sources:string[]", *_typed_columns(node_types), ":LABEL",
    ]
    rows = []
    for node in nodes:
        what = f"node {node['id']!r}"
        rows.append([
            node["id"],
            _text(node.get("name")),
            _text(node.get("kind")),
            _array(node.get("aliases"), f"{what} aliases"),
            _text(bool(node.get("discovered", False))),
            _array(node.get("sources"), f"{what} sources"),
            *_property_cells(node, node_types, what),
            _array(_labels(node), f"{what} labels"),
        ])
    _write_csv(out / "nodes.csv", header, rows)

    label = load_schema().document_label
    header = [f"id:ID({label})", *_DOCUMENT_FIELDS[1:], ":LABEL"]
    rows = [[*(_text(doc.get(f)) for f in _DOCUMENT_FIELDS), label] for doc in documents]
    _write_csv(out / "documents.csv", header, rows)

    edge_types = _property_types(edges, _EDGE_FIELDS, _declared_types())
    header = [
        f":START_ID({ENTITY_LABEL})", f":END_ID({ENTITY_LABEL})", ":TYPE",
        *_typed_columns(edge_types), "sources:string[]", "evidence:string[]",
    ]
    rows = []
    for edge in edges:
        what = f"edge {edge['source']} -{edge['type']}-> {edge['target']}"
        evidence = [item.replace(ARRAY_DELIMITER, _ESCAPED_DELIMITER)
                    for item in _encoded_evidence(edge)]
        rows.append([
            edge["source"],
            edge["target"],
            edge["type"],
            *_property_cells(edge, edge_types, what),
            _array(_edge_sources(edge), f"{what} sources"),
            ARRAY_DELIMITER.join(evidence),
        ])
    _write_csv(out / "relationships.csv", header, rows)
    return out


def import_command(directory: Path, database: str = "neo4j") -> str:
    """The ``neo4j-admin`` command that imports the files :func:`export_csv` wrote.

    Parameters
    ----------
    directory : Path
        The directory given to :func:`export_csv`.
    database : str, default "neo4j"
        The database to create (Neo4j Community has only ``neo4j``).

    Returns
    -------
    str
        One shell command line, its arguments quoted for a POSIX shell.

    Examples
    --------
    >>> print(import_command(Path("my export"), database="hkweb3"))
    neo4j-admin database import full hkweb3 --nodes='my export/nodes.csv' --nodes='my export/documents.csv' --relationships='my export/relationships.csv' --array-delimiter='|' --multiline-fields=true
    """  # noqa: E501
    nodes, documents, relationships = (shlex.quote(str(Path(directory) / f)) for f in CSV_FILES)
    return " ".join([
        "neo4j-admin database import full", shlex.quote(database),
        f"--nodes={nodes}", f"--nodes={documents}", f"--relationships={relationships}",
        f"--array-delimiter={shlex.quote(ARRAY_DELIMITER)}", "--multiline-fields=true",
    ])


# -- sorting ------------------------------------------------------------------------------


def _sorted_nodes(dump: Mapping[str, Any]) -> list[dict[str, Any]]:
    return sorted((dict(n) for n in dump.get("nodes") or ()), key=lambda n: n["id"])


def _sorted_documents(dump: Mapping[str, Any]) -> list[dict[str, Any]]:
    return sorted((dict(d) for d in dump.get("documents") or ()), key=lambda d: d["id"])


def _sorted_edges(dump: Mapping[str, Any]) -> list[dict[str, Any]]:
    def key(edge: Mapping[str, Any]) -> tuple[str, str, str, str]:
        props = json.dumps(edge.get("properties") or {}, sort_keys=True, ensure_ascii=False)
        return (edge["source"], edge["type"], edge["target"], props)

    return sorted((dict(e) for e in dump.get("edges") or ()), key=key)


# -- values -------------------------------------------------------------------------------


def _labels(node: Mapping[str, Any]) -> list[str]:
    return list(node.get("labels") or [node.get("kind") or ENTITY_LABEL])


def _edge_sources(edge: Mapping[str, Any]) -> list[str]:
    if edge.get("sources"):
        return list(edge["sources"])
    return sorted({item.document for item in _evidence(edge)})


def _evidence(edge: Mapping[str, Any]) -> list[Evidence]:
    """The edge's evidence items, each checked as :class:`Evidence`."""
    try:
        return [Evidence.model_validate(item) for item in edge.get("evidence") or ()]
    except pydantic.ValidationError as exc:
        error = exc.errors()[0]
        place = ".".join(str(p) for p in error["loc"]) or "item"
        raise ExportError(
            f"edge {edge.get('source')} -{edge.get('type')}-> {edge.get('target')}: "
            f"evidence {place}: {error['msg']}") from None


def _encoded_evidence(edge: Mapping[str, Any]) -> list[str]:
    """Compact JSON, the document first (the store's encoding)."""
    return [item.encode() for item in _evidence(edge)]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _property_types(
    items: Sequence[Mapping[str, Any]], fixed: Iterable[str],
    declared: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Each property key seen (sorted, fixed names left out) and its column type: the one
    ``declared`` gives it, else the type all its values fit."""
    values: dict[str, list[Any]] = {}
    skipped = set(fixed)
    for item in items:
        for name, value in (item.get("properties") or {}).items():
            if name not in skipped and value is not None:
                values.setdefault(name, []).append(value)
    declared = declared or {}
    return {name: declared.get(name) or _value_type(values[name]) for name in sorted(values)}


#: The column type of each schema property type.
_COLUMN_TYPES = {"text": "string", "partial date": "string", "bool": "boolean",
                 "number": "double"}


def _declared_types() -> dict[str, str]:
    """The column type of every edge property the schema declares."""
    schema = load_schema()
    return {name: _COLUMN_TYPES[spec.type] for edge in schema.edges
            for name, spec in schema.properties(edge).items()}


def _value_type(values: list[Any]) -> str:
    """The neo4j-admin type every value fits: long, double, boolean, string[] or string."""
    if any(isinstance(v, list | tuple) for v in values):
        return "string[]"
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(numbers) == len(values):
        return "long" if all(isinstance(v, int) for v in numbers) else "double"
    return "string"


def _typed_columns(types: Mapping[str, str]) -> list[str]:
    return [name if kind == "string" else f"{name}:{kind}" for name, kind in types.items()]


def _as_list(value: Any) -> list[str]:
    return [_text(v) for v in value] if isinstance(value, list | tuple) else [_text(value)]


def _convert(value: Any, kind: str) -> Any:
    if kind == "long":
        return int(value)
    if kind == "double":
        return float(value)
    if kind == "boolean":
        return bool(value)
    return _text(value)


def _graphml_properties(item: Mapping[str, Any], types: Mapping[str, str]) -> dict[str, Any]:
    props = item.get("properties") or {}
    attrs: dict[str, Any] = {}
    for name, kind in types.items():
        value = props.get(name)
        if value is None:
            continue
        if kind == "string[]" or isinstance(value, list | tuple):
            attrs[name] = GRAPHML_LIST_SEPARATOR.join(_as_list(value))
        else:
            attrs[name] = _convert(value, kind)
    return attrs


def _property_cells(item: Mapping[str, Any], types: Mapping[str, str], what: str) -> list[str]:
    props = item.get("properties") or {}
    cells = []
    for name, kind in types.items():
        value = props.get(name)
        if value is None:
            cells.append("")
        elif kind == "string[]":
            cells.append(_array(_as_list(value), f"{what} {name}"))
        elif kind == "double":
            cells.append(repr(float(value)))
        else:
            cells.append(_text(value))
    return cells


def _array(values: Iterable[Any] | None, what: str) -> str:
    items = [_text(v) for v in values or ()]
    for item in items:
        if ARRAY_DELIMITER in item:
            raise ExportError(f"{what}: {item!r} contains the array delimiter {ARRAY_DELIMITER!r}")
    return ARRAY_DELIMITER.join(items)


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
