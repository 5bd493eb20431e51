"""The schema as data: node kinds and edge types, read from ``schema.yaml`` and checked once.

Everything that needs to know which kinds or edges exist asks a :class:`Schema`: model
validation, store constraints and labels, HTML colours and the docs. Labels and edge types
are the only names ever written into Cypher text, so the loader accepts only plain
identifiers for them.

Examples
--------
>>> schema = load_schema()
>>> schema.labels_for("VirtualBank")
('VirtualBank', 'Bank', 'Organization', 'Entity')
>>> schema.allows("PROVIDES_BANKING_TO", "VirtualBank", "TradingPlatform")
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from hkweb3.errors import SchemaError, ValidationError
from hkweb3.graph.periods import partial_date

SCHEMA_FILE = Path(__file__).with_name("schema.yaml")

#: Label every entity node carries, whatever its kind.
ENTITY_LABEL = "Entity"

_KIND_NAME = re.compile(r"^[A-Z][A-Za-z]*$")
_EDGE_NAME = re.compile(r"^[A-Z][A-Z_]*[A-Z]$")
_SCORE_NAME = re.compile(r"^[a-z][a-z_]*$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
#: Edge type fields written for readers, not checked by rules (see :meth:`Schema.reading`).
_EDGE_TEXT_KEYS = {"reading"}
#: What ``{role}`` in a reading becomes when the edge names no role.
UNNAMED_ROLE = "an officer"
_KIND_KEYS = {"extends", "abstract", "context", "description", "color"}
_EDGE_KEYS = {
    "source", "target", "key", "single", "symmetric", "provenance", "description",
    "single_roles", "properties", "not_between",
}
_PROPERTY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{value!r} is not true or false")
    return value


def _number(value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{value!r} is not a number")
    return value


#: The property types a schema may declare, each with the check that normalises a value.
PROPERTY_TYPES: dict[str, Callable[[Any], Any]] = {
    "text": _text,
    "partial date": partial_date,
    "bool": _bool,
    "number": _number,
}


@dataclass(frozen=True)
class PropertySpec:
    """One declared edge property: its name, type (a key of :data:`PROPERTY_TYPES`) and
    meaning."""

    name: str
    type: str
    description: str = ""

    def check(self, value: Any) -> Any:
        """``value`` in its stored form (a partial date as its ISO text); raise
        :class:`ValueError` saying what the value should be."""
        try:
            return PROPERTY_TYPES[self.type](value)
        except ValueError as exc:
            raise ValueError(f"property {self.name!r}: {exc} (declared {self.type})") from None


@dataclass(frozen=True)
class NodeKind:
    """One kind of node: its name, parent kind, and how to draw it.

    ``context`` marks kinds that situate others rather than act (places): analysis and the
    HTML view leave them out unless asked.
    """

    name: str
    parent: str | None
    abstract: bool
    description: str
    color: str
    context: bool = False


@dataclass(frozen=True)
class EdgeType:
    """One type of edge and the kinds it may join.

    ``key`` names the properties that tell apart two edges of this type between the same
    nodes; ``single`` marks types where one source should have one target at a time, and
    ``single_roles`` the roles one person holds at a time (the organisation is the subject).
    ``properties`` are those declared for this type alone (see :meth:`Schema.properties`).
    """

    name: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    description: str
    #: Plain words for a lay reader, subject first ("is licensed by"); may hold ``{role}``.
    reading: str = ""
    key: tuple[str, ...] = ()
    single: bool = False
    symmetric: bool = False
    provenance: bool = False
    single_roles: tuple[str, ...] = ()
    properties: dict[str, PropertySpec] = field(default_factory=dict)
    #: pairs of kinds this type never joins, in either direction, though each end is allowed
    not_between: tuple[tuple[str, str], ...] = ()

    @property
    def single_holder(self) -> bool:
        """Whether two claims of this type can disagree (a one-only fact or role)."""
        return self.single or bool(self.single_roles)


@dataclass(frozen=True)
class Schema:
    """Node kinds and edge types, with the questions code asks about them."""

    kinds: dict[str, NodeKind]
    edges: dict[str, EdgeType]
    document_label: str = "Document"
    document_color: str = "#dddddd"
    scores: dict[str, str] = field(default_factory=dict)
    period: dict[str, PropertySpec] = field(default_factory=dict)
    #: Legal-form suffixes of organisation names, lower case, and the words that end
    #: bodies' names as well (see graph/legal_forms.py).
    legal_suffixes: tuple[str, ...] = ()
    loose_suffixes: tuple[str, ...] = ()
    _ancestors: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @property
    def concrete_kinds(self) -> list[str]:
        """Kinds a node may have as its own kind (not abstract), in file order."""
        return [k.name for k in self.kinds.values() if not k.abstract]

    @property
    def context_kinds(self) -> list[str]:
        """Concrete kinds marked ``context`` or descending from one, in file order.

        >>> load_schema().context_kinds
        ['Place']
        """
        marked = [k.name for k in self.kinds.values() if k.context]
        return [k for k in self.concrete_kinds if any(self.is_a(k, m) for m in marked)]

    @property
    def mention_type(self) -> str:
        """The provenance edge type: a document mentions an entity."""
        return next(e.name for e in self.edges.values() if e.provenance)

    @property
    def labels(self) -> list[str]:
        """Every label the store uses: the entity root, each kind, and documents."""
        return [ENTITY_LABEL, *self.kinds, self.document_label]

    @property
    def single_holder_types(self) -> list[EdgeType]:
        """The edge types whose claims may conflict, in file order."""
        return [e for e in self.edges.values() if e.single_holder]

    def properties(self, edge_type: str) -> dict[str, PropertySpec]:
        """The properties an edge of ``edge_type`` may carry: its own, then the period.

        >>> sorted(load_schema().properties("HOLDS_ROLE"))
        ['current', 'role', 'since', 'term_ends', 'until']
        """
        return {**self.edge(edge_type).properties, **self.period}

    def check_properties(self, edge_type: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """``values`` checked against ``edge_type``'s declared properties, in stored form.

        >>> load_schema().check_properties("HOLDS_ROLE", {"role": "chair", "since": 2023})
        {'role': 'chair', 'since': '2023'}

        Raises
        ------
        ValidationError
            Naming an undeclared property, or a value not of its declared type.
        """
        declared = self.properties(edge_type)
        checked = {}
        for name, value in values.items():
            if name not in declared:
                raise ValidationError(
                    f"{edge_type} has no property {name!r} in the schema "
                    f"(declared: {', '.join(declared)})")
            try:
                checked[name] = None if value is None else declared[name].check(value)
            except ValueError as exc:
                raise ValidationError(f"{edge_type}: {exc}") from None
        return checked

    def kind(self, name: str) -> NodeKind:
        """Return the kind called ``name``; raise :class:`ValidationError` if there is none."""
        try:
            return self.kinds[name]
        except KeyError:
            known = ", ".join(self.concrete_kinds)
            raise ValidationError(f"unknown kind {name!r} (known kinds: {known})") from None

    def edge(self, name: str) -> EdgeType:
        """Return the edge type ``name``; raise :class:`ValidationError` if there is none."""
        try:
            return self.edges[name]
        except KeyError:
            known = ", ".join(self.edges)
            raise ValidationError(f"unknown edge type {name!r} (known types: {known})") from None

    def kinds_under(self, name: str) -> list[str]:
        """The concrete kinds that are ``name`` or descend from it (``Entity``: all of them).

        >>> load_schema().kinds_under("Bank")
        ['Bank', 'VirtualBank']
        """
        if name != ENTITY_LABEL:
            self.kind(name)
        return [k for k in self.concrete_kinds if self.is_a(k, name)]

    def labels_for(self, kind: str) -> tuple[str, ...]:
        """The labels a node of ``kind`` carries: its kind, its ancestors, then ``Entity``."""
        self.kind(kind)
        return (*self._ancestors[kind], ENTITY_LABEL)

    def is_a(self, kind: str, ancestor: str) -> bool:
        """Whether ``kind`` is ``ancestor`` or descends from it (``Entity`` covers all)."""
        if kind == self.document_label or ancestor == self.document_label:
            return kind == ancestor
        return ancestor == ENTITY_LABEL or ancestor in self._ancestors.get(kind, ())

    def allows(self, edge_type: str, source_kind: str, target_kind: str) -> bool:
        """Whether an edge of ``edge_type`` may join a ``source_kind`` to a ``target_kind``."""
        edge = self.edge(edge_type)
        return any(self.is_a(source_kind, k) for k in edge.source) and any(
            self.is_a(target_kind, k) for k in edge.target
        ) and not any(
            self.is_a(one, a) and self.is_a(other, b)
            for a, b in edge.not_between
            for one, other in ((source_kind, target_kind), (target_kind, source_kind))
        )

    def check_edge(self, edge_type: str, source_kind: str, target_kind: str) -> None:
        """Raise :class:`ValidationError`, naming the offending value, unless allowed."""
        edge = self.edge(edge_type)
        if not any(self.is_a(source_kind, k) for k in edge.source):
            raise ValidationError(
                f"{edge_type} cannot start at a {source_kind} "
                f"(allowed sources: {', '.join(edge.source)})"
            )
        if not any(self.is_a(target_kind, k) for k in edge.target):
            raise ValidationError(
                f"{edge_type} cannot end at a {target_kind} "
                f"(allowed targets: {', '.join(edge.target)})"
            )
        if not self.allows(edge_type, source_kind, target_kind):
            raise ValidationError(f"{edge_type} never joins a {source_kind} and a {target_kind}")

    def reading(self, edge_type: str, role: str | None = None) -> str:
        """How a lay reader says ``source <reading> target``: the type's ``reading``, with
        ``{role}`` filled from ``role`` (the edge's role); the type's name if it has none.

        >>> schema = load_schema()
        >>> schema.reading("LICENSED_BY"), schema.reading("HOLDS_ROLE", "chief executive")
        ('is licensed by', 'is chief executive of')
        >>> schema.reading("HOLDS_ROLE")
        'is an officer of'
        """
        text = self.edge(edge_type).reading or edge_type
        return text.replace("{role}", str(role).strip() if role else UNNAMED_ROLE)

    def color(self, kind: str) -> str:
        """The display colour for a node of ``kind`` (documents included)."""
        if kind == self.document_label:
            return self.document_color
        return self.kind(kind).color


def load_schema(path: Path | str | None = None) -> Schema:
    """Read and check a schema file (by default the one shipped with hkweb3).

    Raises
    ------
    SchemaError
        If the file is unreadable or any name, parent, colour or edge end is invalid.
    """
    if path is None:
        return _default_schema()
    return _load(Path(path))


@cache
def _default_schema() -> Schema:
    return _load(SCHEMA_FILE)


def _load(path: Path) -> Schema:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SchemaError(f"{path}: cannot read schema: {_one_line(exc)}") from None
    if not isinstance(raw, dict):
        raise SchemaError(f"{path}: a schema is a mapping with node_kinds and edge_types")

    def fail(message: str) -> SchemaError:
        return SchemaError(f"{path}: {message}")

    kinds: dict[str, NodeKind] = {}
    for name, spec in (raw.get("node_kinds") or {}).items():
        spec = spec or {}
        if not _KIND_NAME.match(str(name)) or name == ENTITY_LABEL:
            raise fail(f"node kind {name!r} is not a valid label name")
        if extra := set(spec) - _KIND_KEYS:
            raise fail(f"node kind {name}: unknown field(s) {sorted(extra)}")
        color = spec.get("color", "#999999")
        if not _COLOR.match(color):
            raise fail(f"node kind {name}: colour {color!r} is not #rrggbb")
        kinds[name] = NodeKind(
            name=name,
            parent=spec.get("extends"),
            abstract=bool(spec.get("abstract", False)),
            context=bool(spec.get("context", False)),
            description=str(spec.get("description", "")),
            color=color,
        )
    if not kinds:
        raise fail("no node_kinds defined")

    ancestors: dict[str, tuple[str, ...]] = {}
    for name in kinds:
        chain, current = [name], kinds[name].parent
        while current is not None:
            if current not in kinds:
                raise fail(f"node kind {chain[-1]} extends unknown kind {current!r}")
            if current in chain:
                raise fail(f"node kind {name}: extends forms a cycle through {current}")
            chain.append(current)
            current = kinds[current].parent
        ancestors[name] = tuple(chain)

    document = raw.get("document") or {}
    document_label = document.get("label", "Document")
    if not _KIND_NAME.match(document_label) or document_label in kinds:
        raise fail(f"document label {document_label!r} is invalid or clashes with a kind")
    ends = set(kinds) | {ENTITY_LABEL, document_label}

    edges: dict[str, EdgeType] = {}
    for name, spec in (raw.get("edge_types") or {}).items():
        spec = spec or {}
        if not _EDGE_NAME.match(str(name)):
            raise fail(f"edge type {name!r} is not UPPER_SNAKE_CASE")
        if extra := set(spec) - _EDGE_KEYS - _EDGE_TEXT_KEYS:
            raise fail(f"edge type {name}: unknown field(s) {sorted(extra)}")
        for end in ("source", "target"):
            values = spec.get(end)
            if not values:
                raise fail(f"edge type {name}: {end} kinds are missing")
            if unknown := [v for v in values if v not in ends]:
                raise fail(f"edge type {name}: {end} names unknown kind(s) {unknown}")
        properties = _property_specs(spec.get("properties"), f"edge type {name}", fail)
        pairs = spec.get("not_between") or []
        if bad := [p for p in pairs if not isinstance(p, list) or len(p) != 2
                   or any(k not in ends for k in p)]:
            raise fail(f"edge type {name}: not_between holds {bad}, not pairs of known kinds")
        if missing := [k for k in spec.get("key") or () if k not in properties]:
            raise fail(f"edge type {name}: key names undeclared propert(ies) {missing}")
        edges[name] = EdgeType(
            name=name,
            source=tuple(spec["source"]),
            target=tuple(spec["target"]),
            description=str(spec.get("description", "")),
            reading=str(spec.get("reading", "")),
            key=tuple(spec.get("key") or ()),
            single=bool(spec.get("single", False)),
            symmetric=bool(spec.get("symmetric", False)),
            provenance=bool(spec.get("provenance", False)),
            single_roles=tuple(r.lower() for r in spec.get("single_roles") or ()),
            properties=properties,
            not_between=tuple((a, b) for a, b in pairs),
        )
    if not edges:
        raise fail("no edge_types defined")

    scores = {str(k): str(v or "") for k, v in (raw.get("scores") or {}).items()}
    if bad := [k for k in scores if not _SCORE_NAME.match(k)]:
        raise fail(f"score name(s) {bad} are not lower_snake_case")

    period = _property_specs(raw.get("period"), "period", fail)
    if clash := [(e.name, p) for e in edges.values() for p in e.properties if p in period]:
        raise fail(f"edge properties {clash} are already declared in the period")

    suffixes = {}
    for name in ("legal_suffixes", "loose_suffixes"):
        words = (raw.get("names") or {}).get(name) or []
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip()
                                                  for w in words):
            raise fail(f"names: {name} is a list of words")
        suffixes[name] = tuple(" ".join(w.lower().split()) for w in words)

    return Schema(
        period=period,
        **suffixes,
        kinds=kinds,
        edges=edges,
        document_label=document_label,
        document_color=document.get("color", "#dddddd"),
        scores=scores,
        _ancestors=ancestors,
    )


def _property_specs(
    raw: Any, where: str, fail: Callable[[str], SchemaError]
) -> dict[str, PropertySpec]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise fail(f"{where}: properties are a mapping of name to {{type, description}}")
    specs = {}
    for name, spec in raw.items():
        spec = spec if isinstance(spec, dict) else {"type": spec}
        if not _PROPERTY_NAME.match(str(name)):
            raise fail(f"{where}: property {name!r} is not lower_snake_case")
        if spec.get("type") not in PROPERTY_TYPES:
            raise fail(f"{where}: property {name} has type {spec.get('type')!r}; "
                       f"use one of {', '.join(PROPERTY_TYPES)}")
        specs[name] = PropertySpec(name, spec["type"], str(spec.get("description", "")))
    return specs


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
