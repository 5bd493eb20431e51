"""Public registers (tables of licensees, issuers, participants, funds) as a source.

A register is described by a YAML mapping, ``<register>.yaml``: which column names the
row's entity and of which kind, which columns give the status, the date and other
properties, and which edges each row yields. Its snapshots are tables named
``<register>-YYYY-MM-DD.csv`` (or ``.html``/``.htm``: every ``<table>`` on the page whose
header has the mapped columns), the date being the day the table was read. The format is
described in ``data/README.md`` (section "registers/").

Snapshots are facts over time: an edge holds from the row's own date (else the first
snapshot that lists it) until the first later snapshot that no longer lists it. A status
may change the edge's key (an applicant's entry is a different fact from a licence), so a
platform that moved from applicant to licensed keeps both periods. Loading a register
recomputes every period of that register from all its snapshots in the store plus the new
one, in one transaction: whole or not at all.

Examples
--------
>>> mapping = read_mapping(REGISTERS_DIR / "sfc-vatp.yaml")
>>> mapping.kind, mapping.name_column
('TradingPlatform', 'Operator')
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
import yaml

from hkweb3.data import REGISTERS_DIR
from hkweb3.errors import InputError, ValidationError
from hkweb3.graph import cypher
from hkweb3.graph.legal_forms import strip_legal_suffix
from hkweb3.graph.models import SLUG, Document, Entity, Evidence, GraphBatch, Relation
from hkweb3.graph.schema import load_schema
from hkweb3.graph.store import Store
from hkweb3.loaders.readers import slugify

REGISTER_RULE = "register"
TABLE_SUFFIXES = {".csv", ".html", ".htm"}
_SNAPSHOT_NAME = re.compile(r"^(?P<register>[a-z0-9]+(?:-[a-z0-9]+)*)-(?P<date>\d{4}-\d{2}-\d{2})$")
_ROW = "row"  # an edge end that is the row's own entity


@dataclass(frozen=True)
class EdgeSpec:
    """One edge a row yields: ``source`` and ``target`` are ``row``, a registry id, or
    ``{column, kind}`` (an entity named in that column)."""

    type: str
    source: str | dict[str, str]
    target: str | dict[str, str]
    properties: dict[str, Any]


@dataclass(frozen=True)
class RegisterMapping:
    """A register's mapping (``<register>.yaml``)."""

    register: str
    title: str
    publisher: str
    url: str
    kind: str
    name_column: str
    edges: tuple[EdgeSpec, ...]
    status_column: str | None = None
    statuses: dict[str, dict[str, Any]] = field(default_factory=dict)
    since_column: str | None = None
    property_columns: dict[str, str] = field(default_factory=dict)
    attribute_columns: dict[str, str] = field(default_factory=dict)
    alias_columns: tuple[str, ...] = ()
    path: Path | None = None

    def columns(self) -> list[str]:
        """Every column the mapping reads (entity columns of edges included)."""
        named = [self.name_column, self.status_column, self.since_column,
                 *self.property_columns.values(), *self.attribute_columns.values(),
                 *self.alias_columns]
        for edge in self.edges:
            named += [end["column"] for end in (edge.source, edge.target) if isinstance(end, dict)]
        return list(dict.fromkeys(c for c in named if c))

    def as_row(self) -> dict[str, Any]:
        return {"register": self.register, "title": self.title, "kind": self.kind,
                "edges": ", ".join(sorted({e.type for e in self.edges})),
                "statuses": ", ".join(self.statuses), "url": self.url}


@dataclass(frozen=True)
class Snapshot:
    """One dated table of a register, its rows keyed by column name."""

    mapping: RegisterMapping
    path: Path
    date: dt.date
    rows: list[tuple[int, dict[str, str]]]  # (row number in the file, cells)

    @property
    def document_id(self) -> str:
        return f"{self.mapping.register}-{self.date.isoformat()}"


# -- mappings ------------------------------------------------------------------------------


def read_mapping(path: Path) -> RegisterMapping:
    """Read and check one mapping. Raises InputError naming the file and the key."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the register mapping ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: a register mapping is a YAML mapping")
    schema = load_schema()

    def need(key: str) -> Any:
        if not data.get(key):
            raise InputError(f"{path}: the mapping has no {key!r}")
        return data[key]

    register = need("register")
    if not SLUG.match(str(register)) or path.stem != register:
        raise InputError(f"{path}: 'register' must be a slug equal to the file name ({path.stem})")
    kind = need("kind")
    try:
        schema.kind(kind)
    except ValidationError as exc:
        raise InputError(f"{path}: kind: {exc}") from None
    edges = []
    for number, item in enumerate(need("edges"), 1):
        if not isinstance(item, dict) or "type" not in item:
            raise InputError(f"{path}: edges[{number}] needs a 'type'")
        try:
            schema.edge(item["type"])
        except ValidationError as exc:
            raise InputError(f"{path}: edges[{number}]: {exc}") from None
        ends = [item.get("source", _ROW), item.get("target", _ROW)]
        for end in ends:
            if isinstance(end, dict) and not {"column", "kind"} <= set(end):
                raise InputError(f"{path}: edges[{number}]: an entity column needs 'column' "
                                 "and 'kind'")
        edges.append(EdgeSpec(item["type"], ends[0], ends[1], dict(item.get("properties") or {})))
    status = data.get("status") or {}
    statuses = {str(k).lower(): dict(v or {}) for k, v in (status.get("values") or {}).items()}
    if status and not (status.get("column") and statuses):
        raise InputError(f"{path}: 'status' needs a 'column' and its allowed 'values'")
    return RegisterMapping(
        register=register, title=need("title"), publisher=need("publisher"), url=need("url"),
        kind=kind, name_column=need("name"), edges=tuple(edges),
        status_column=status.get("column"), statuses=statuses,
        since_column=data.get("since"), property_columns=dict(data.get("properties") or {}),
        attribute_columns=dict(data.get("attributes") or {}),
        alias_columns=tuple(data.get("aliases") or ()), path=path,
    )


def known_mappings(folders: Iterable[Path] = (REGISTERS_DIR,)) -> dict[str, RegisterMapping]:
    """The mappings in ``folders`` (``*.yaml`` beside their snapshots), by register name."""
    found: dict[str, RegisterMapping] = {}
    for folder in folders:
        for path in sorted(Path(folder).glob("*.yaml")):
            mapping = read_mapping(path)
            found.setdefault(mapping.register, mapping)
    return found


def is_mapping(path: Path) -> bool:
    """Whether ``path`` is a register mapping (a YAML file whose ``register`` is its name),
    which a folder walk must not read as a document."""
    if path.suffix.lower() not in {".yaml", ".yml"}:
        return False
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    return isinstance(data, dict) and data.get("register") == path.stem


def register_of(path: Path, mappings: Mapping[str, RegisterMapping]) -> RegisterMapping | None:
    """The mapping ``path`` is a snapshot of, by its name (``<register>-YYYY-MM-DD``), looking
    beside the file first; None if it is no register snapshot."""
    if path.suffix.lower() not in TABLE_SUFFIXES:
        return None
    match = _SNAPSHOT_NAME.match(path.stem)
    if not match:
        return None
    beside = path.parent / f"{match['register']}.yaml"
    if beside.is_file():
        return read_mapping(beside)
    return mappings.get(match["register"])


# -- tables --------------------------------------------------------------------------------


def read_snapshot(path: Path, mapping: RegisterMapping) -> Snapshot:
    """Read and check a snapshot against its mapping.

    Raises
    ------
    InputError
        ``file: row N: column 'X': what is wrong`` for the first row that does not fit
        (a missing name, an unknown status, a date that is not YYYY-MM-DD), or a table that
        lacks a mapped column.
    """
    match = _SNAPSHOT_NAME.match(path.stem)
    if not match:
        raise InputError(f"{path}: a register snapshot is named <register>-YYYY-MM-DD")
    try:
        date = dt.date.fromisoformat(match["date"])
    except ValueError:
        raise InputError(f"{path}: {match['date']!r} in the name is not a date") from None
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the table ({exc})") from None
    tables = _csv_table(path, text) if path.suffix.lower() == ".csv" else _html_tables(text)
    wanted = mapping.columns()
    rows: list[tuple[int, dict[str, str]]] = []
    fitting = [t for t in tables if t and set(wanted) <= set(t[0][1])]
    if not fitting:
        header = tables[0][0][1] if tables and tables[0] else []
        missing = [c for c in wanted if c not in header]
        raise InputError(f"{path}: no table has the column(s) {missing} that "
                         f"{mapping.path.name if mapping.path else mapping.register} maps")
    for table in fitting:
        header = table[0][1]
        for number, cells in table[1:]:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise InputError(f"{path}: row {number}: {len(cells)} cells where the header "
                                 f"has {len(header)}")
            row = {h: c.strip() for h, c in zip(header, cells, strict=True)}
            _check_row(path, number, row, mapping)
            rows.append((number, row))
    return Snapshot(mapping, path, date, rows)


def _csv_table(path: Path, text: str) -> list[list[tuple[int, list[str]]]]:
    """The file as one table; a row's number is its line (the header is line 1)."""
    reader = csv.reader(io.StringIO(text))
    try:
        table = [(reader.line_num, [c.strip() for c in cells]) for cells in reader]
    except csv.Error as exc:
        raise InputError(f"{path}: row {reader.line_num}: {exc}") from None
    return [table]


def _html_tables(text: str) -> list[list[tuple[int, list[str]]]]:
    """Each ``<table>`` as rows of cell texts, its first row the header; a row's number is
    its source line."""
    if not text.strip():
        return []
    root = lxml.html.document_fromstring(text)
    tables = []
    for table in root.iter("table"):
        rows = []
        for tr in table.iter("tr"):
            cells = [" ".join(td.text_content().split()) for td in tr if td.tag in ("td", "th")]
            rows.append((tr.sourceline or 0, cells))
        tables.append(rows)
    return tables


def _check_row(path: Path, number: int, row: dict[str, str], mapping: RegisterMapping) -> None:
    def bad(column: str, problem: str) -> InputError:
        return InputError(f"{path}: row {number}: column {column!r}: {problem}")

    if not row[mapping.name_column]:
        raise bad(mapping.name_column, "empty; every row names its entity")
    if mapping.status_column:
        status = row[mapping.status_column].lower()
        if status not in mapping.statuses:
            raise bad(mapping.status_column, f"{row[mapping.status_column]!r} is not one of "
                                             f"{list(mapping.statuses)}")
    if mapping.since_column and row[mapping.since_column]:
        try:
            dt.date.fromisoformat(row[mapping.since_column])
        except ValueError:
            raise bad(mapping.since_column, f"{row[mapping.since_column]!r} is not a date "
                                            "(YYYY-MM-DD)") from None
    for edge in mapping.edges:
        for end in (edge.source, edge.target):
            if isinstance(end, dict) and not row[end["column"]]:
                raise bad(end["column"], f"empty; each row's {edge.type} edge needs it")


# -- from rows to facts --------------------------------------------------------------------


@dataclass
class _Fact:
    """One edge as the register states it, with the snapshots that list it."""

    relation: Relation
    dates: set[dt.date] = field(default_factory=set)
    row_since: dt.date | None = None


class RegisterLoader:
    """Turns snapshots into facts with periods and writes them, one register per write.

    ``entities``: the registry's entities; a row's name resolves to one by id, name or
    alias (any case), else becomes a new entity of the mapping's kind.
    """

    def __init__(self, store: Store, entities: Iterable[Entity]):
        self.store = store
        self._names: dict[str, str] = {}
        self._kinds: dict[str, str] = {}
        self._display: dict[str, str] = {}
        for e in entities:
            self._kinds[e.id] = e.kind
            self._display[e.id] = e.name
            for name in (e.id, e.name, *e.aliases):
                self._names.setdefault(name.casefold(), e.id)

    def load(self, snapshots: list[Snapshot]) -> dict[str, int]:
        """Write ``snapshots`` (all of one register) with every stored snapshot of it;
        returns counts. Periods are recomputed over all of them."""
        mapping = snapshots[0].mapping
        if any(s.mapping.register != mapping.register for s in snapshots):
            raise ValueError("one register at a time")
        stored = self._stored_facts(mapping)
        new_ids = {s.document_id for s in snapshots}
        dates = {d for d in stored["dates"] if f"{mapping.register}-{d}" not in new_ids}
        facts: dict[tuple[str, str, str, str], _Fact] = {}
        for key, fact in stored["facts"].items():
            fact.dates = {d for d in fact.dates if f"{mapping.register}-{d}" not in new_ids}
            if fact.dates:
                facts[key] = fact
        entities: dict[str, Entity] = {}
        documents = [self._document(s) for s in snapshots]
        for snapshot in snapshots:
            dates.add(snapshot.date)
            for number, row in snapshot.rows:
                for relation, row_since, named in self._row_facts(snapshot, number, row):
                    for e in named:
                        seen = entities.get(e.id)
                        entities[e.id] = e if seen is None else seen.model_copy(
                            update={"evidence": [*seen.evidence, *e.evidence]})
                    key = (relation.source, relation.type, relation.target, relation.key)
                    fact = facts.setdefault(key, _Fact(relation.model_copy(
                        update={"evidence": []})))
                    fact.relation = fact.relation.model_copy(update={
                        "properties": {**fact.relation.properties, **relation.properties},
                        "evidence": [*fact.relation.evidence, *relation.evidence]})
                    fact.dates.add(snapshot.date)
                    if row_since and (fact.row_since is None or row_since < fact.row_since):
                        fact.row_since = row_since
        ordered = sorted(dates)
        relations = [self._with_period(f, ordered) for f in facts.values()]
        mentions = sorted({(ev.document, end) for r in relations for ev in r.evidence
                           for end in (r.source, r.target)})
        all_docs = documents + [d for d in stored["documents"] if d.id not in new_ids]
        # An entity another source created first keeps its kind (a node's labels are fixed).
        stored_kinds = self.store.kinds_of(sorted({end for r in relations
                                                   for end in (r.source, r.target)}))
        named = [e.model_copy(update={"kind": stored_kinds.get(e.id, e.kind)})
                 for e in entities.values()]
        batch = GraphBatch(documents=all_docs, entities=named, relations=relations,
                           mentions=mentions)
        missing = sorted({end for r in relations for end in (r.source, r.target)}
                         - set(stored_kinds) - set(entities))
        if missing:
            raise InputError(f"{snapshots[-1].path}: {', '.join(missing)} not in the graph; "
                             "load the registry first (`hkweb3 build`)")
        kinds = {**self._kinds, **stored_kinds}
        try:
            batch.check(known_kinds=kinds)
        except ValidationError as exc:
            raise InputError(f"{snapshots[-1].path}: {exc}") from None
        self.store.write(batch, retract=[d.id for d in all_docs])
        current = sum(1 for r in relations if r.properties.get("current"))
        return {"snapshots": len(ordered), "entities": len(named),
                "relations": len(relations), "current": current}

    @staticmethod
    def content_hash(snapshot: Snapshot) -> str:
        """The snapshot's hash: its rows and its mapping (a changed mapping reloads it)."""
        mapping = snapshot.mapping.path.read_text("utf-8") if snapshot.mapping.path else ""
        return Document.hash_text(mapping + snapshot.path.read_text("utf-8-sig"))

    def _document(self, snapshot: Snapshot) -> Document:
        m = snapshot.mapping
        return Document(id=snapshot.document_id, title=f"{m.title} ({snapshot.date})",
                        outlet=m.publisher, url=m.url, published=snapshot.date,
                        content_hash=self.content_hash(snapshot),
                        path=str(snapshot.path.resolve()))

    def _row_facts(self, snapshot: Snapshot, number: int, row: dict[str, str]):
        m = snapshot.mapping
        status = row[m.status_column].lower() if m.status_column else None
        row_since = (dt.date.fromisoformat(row[m.since_column])
                     if m.since_column and row[m.since_column] else None)
        cells = " | ".join(f"{c}: {row[c]}" for c in m.columns() if row[c])
        evidence = Evidence(document=snapshot.document_id, sentence=f"row {number}: {cells}",
                            published=snapshot.date, rule=REGISTER_RULE)
        aliases = [row[c] for c in m.alias_columns if row[c]]
        attributes = {name: row[column] for name, column in m.attribute_columns.items()
                      if row[column]}
        extra = {name: row[column] for name, column in m.property_columns.items() if row[column]}
        subject = self._entity(row[m.name_column], m.kind, evidence, aliases, attributes)
        named = [subject]
        for edge in m.edges:
            ends = []
            for end in (edge.source, edge.target):
                if end == _ROW:
                    ends.append(subject.id)
                elif isinstance(end, dict):
                    entity = self._entity(row[end["column"]], end["kind"], evidence, [])
                    named.append(entity)
                    ends.append(entity.id)
                else:
                    ends.append(end)
            props = {**edge.properties, **extra}
            if status is not None:
                props.update(m.statuses[status])
                props["status"] = status
            relation = Relation(source=ends[0], type=edge.type, target=ends[1],
                                properties=props, evidence=[evidence])
            yield relation, row_since, named

    def _entity(self, name: str, kind: str, evidence: Evidence, aliases: list[str],
                attributes: dict[str, str] | None = None) -> Entity:
        """The registry entity ``name`` (or one of ``aliases``) names, else a new one whose
        id is a slug of the name; the row's evidence supports it either way."""
        known = next((self._names[n.casefold()] for n in (name, *aliases)
                      if n.casefold() in self._names), None)
        if known is not None:
            return Entity(id=known, name=self._display[known], kind=self._kinds[known],
                          attributes=attributes or {}, evidence=[evidence])
        return Entity(id=_slug(name), name=name, kind=kind, aliases=aliases,
                      attributes=attributes or {}, evidence=[evidence])

    @staticmethod
    def _with_period(fact: _Fact, dates: list[dt.date]) -> Relation:
        first, last = min(fact.dates), max(fact.dates)
        since = min(first, fact.row_since) if fact.row_since else first
        later = [d for d in dates if d > last]
        props = {**fact.relation.properties, "since": since.isoformat(),
                 "current": not later}
        props.pop("until", None)
        if later:
            props["until"] = later[0].isoformat()
        evidence = sorted(set(fact.relation.evidence), key=lambda e: (e.document, e.sentence))
        return fact.relation.model_copy(update={"properties": props, "evidence": evidence})

    def _stored_facts(self, mapping: RegisterMapping) -> dict[str, Any]:
        """What the store holds of ``register``: its snapshot documents, their dates, and
        each edge its rows support with the snapshot dates that list it."""
        register = mapping.register
        prefix = f"{register}-"
        docs = self.store.read(cypher.REGISTER_DOCUMENTS, {"prefix": prefix}).rows
        documents, dates = [], set()
        for row in docs:
            props = dict(row["d"])
            match = _SNAPSHOT_NAME.match(props["id"])
            if not match or match["register"] != register:
                continue
            documents.append(Document.model_validate(
                {k: _native(v) for k, v in props.items() if k in Document.model_fields}))
            dates.add(dt.date.fromisoformat(match["date"]))
        facts: dict[tuple[str, str, str, str], _Fact] = {}
        if not documents:
            return {"documents": [], "dates": dates, "facts": facts}
        edges = self.store.read(cypher.REGISTER_EDGES,
                                {"docs": [d.id for d in documents]}).rows
        ours = {d.id for d in documents}
        for edge in edges:
            props = dict(edge["props"])
            evidence = [Evidence.decode(e) for e in props.pop("evidence", None) or []]
            evidence = [e for e in evidence if e.document in ours]
            for name in ("key", "claim", "sources", "since", "until", "current"):
                props.pop(name, None)
            relation = Relation(source=edge["source"], type=edge["type"],
                                target=edge["target"], properties=props, evidence=evidence)
            fact = _Fact(relation, {e.published for e in evidence if e.published})
            fact.row_since = _row_since(evidence, mapping.since_column)
            facts[(relation.source, relation.type, relation.target, relation.key)] = fact
        return {"documents": documents, "dates": dates, "facts": facts}


def register_entities(store: Store, registers: Iterable[str]) -> list[Entity]:
    """The entities the stored snapshots of ``registers`` name: known to the extractor
    alongside the registry's, so a document naming a platform a register added resolves to
    it instead of discovering it again (perhaps as another kind)."""
    rows = store.read(cypher.REGISTER_ENTITIES,
                      {"prefixes": [f"{name}-" for name in registers]}).rows
    return [Entity(id=r["id"], name=r["name"], kind=r["kind"], aliases=r["aliases"] or [])
            for r in rows]


def _row_since(evidence: list[Evidence], column: str | None) -> dt.date | None:
    """The earliest date stored rows gave in the mapping's date column (the evidence keeps
    each row's cells as ``column: value``)."""
    if not column:
        return None
    pattern = re.compile(rf"(?:^|\| |: ){re.escape(column)}: (\d{{4}}-\d{{2}}-\d{{2}})")
    found = [dt.date.fromisoformat(m[1]) for e in evidence
             for m in pattern.finditer(e.sentence or "")]
    return min(found) if found else None


def _slug(name: str) -> str:
    """An id for a new entity: its name without a legal-form suffix, as a slug.

    >>> _slug("Victory Fintech Company Limited")
    'victory-fintech'
    """
    slug = slugify(strip_legal_suffix(name))
    if not slug:
        raise InputError(f"{name!r} gives no id (no Latin letters or digits); add it to the "
                         "registry with an id")
    return slug


def _native(value: Any) -> Any:
    """A driver's date as Python's."""
    return value.to_native() if hasattr(value, "to_native") else value


def snapshots_by_register(snapshots: Iterable[Snapshot]) -> dict[str, list[Snapshot]]:
    """Snapshots grouped by register, each group in date order."""
    groups: dict[str, list[Snapshot]] = defaultdict(list)
    for s in snapshots:
        groups[s.mapping.register].append(s)
    return {k: sorted(v, key=lambda s: s.date) for k, v in sorted(groups.items())}
