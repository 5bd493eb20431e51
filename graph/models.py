"""pydantic models for what goes into the graph: entities, relations, evidence, documents.

Kinds and edge types are checked against the schema (:mod:`hkweb3.graph.schema`), and the
keys the store reserves for itself cannot be used as attributes or properties.

Examples
--------
>>> bank = Entity(id="za-bank", name="ZA Bank", kind="VirtualBank")
>>> vatp = Entity(id="osl", name="OSL", kind="TradingPlatform")
>>> edge = Relation(source="za-bank", type="PROVIDES_BANKING_TO", target="osl",
...                 properties={"service": "settlement account"})
>>> GraphBatch(entities=[bank, vatp], relations=[edge]).check()
>>> edge.key
'service=settlement account'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hkweb3.errors import ValidationError
from hkweb3.graph.claims import canonical_role
from hkweb3.graph.periods import Period
from hkweb3.graph.schema import Schema, load_schema

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PROPERTY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

#: Node and edge property names the store writes itself; user data may not use them.
RESERVED_KEYS = frozenset(
    {"id", "name", "kind", "labels", "aliases", "description", "discovered", "key", "type",
     "source", "target", "evidence", "sources", "confidence", "first_published",
     "last_published", "content_hash", "element_id", "search", "claim", "claim_conflict"}
)

Scalar = str | int | float | bool
PropertyValue = Scalar | dt.date | list[str]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _check_properties(values: Any, what: str) -> Any:
    if not isinstance(values, Mapping):
        return values  # pydantic reports the wrong type
    for name, value in values.items():
        if not _PROPERTY_NAME.match(name):
            raise ValueError(f"{what} name {name!r} must be lower_snake_case")
        if name in RESERVED_KEYS:
            raise ValueError(f"{what} name {name!r} is reserved by hkweb3")
        if name in load_schema().scores:
            raise ValueError(f"{what} name {name!r} is reserved for analysis scores")
        if isinstance(value, dict):
            raise ValueError(f"{what} {name!r} is a mapping; only flat values are stored")
    return dict(values)


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


#: The rules of curated sources (the registry, public registers): their facts need no review,
#: and their dates win over dates read from text.
CURATED_RULES = frozenset({"registry", "register"})


class Evidence(_Model):
    """Where a fact came from: a document, the sentence, its span (and page), its date, the
    rule."""

    document: str = Field(description="Id of the supporting document or registry citation.")
    sentence: str | None = None
    start: int | None = Field(default=None, ge=0, description="Character offset in the text.")
    end: int | None = Field(default=None, ge=0)
    page: int | None = Field(default=None, ge=1,
                             description="Page the span starts on, in a paged document (PDF).")
    published: dt.date | None = None
    rule: str = Field(description="The extractor rule, or 'registry' for curated facts.")
    confidence: Confidence = 1.0

    @model_validator(mode="after")
    def _span_in_order(self) -> Evidence:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"evidence span ends ({self.end}) before it starts ({self.start})")
        return self

    def encode(self) -> str:
        """One JSON string (stores reject nested maps), the document first so it sorts.

        Written by hand rather than with ``model_dump``: bulk loads encode one per edge.
        """
        data: dict[str, Any] = {"document": self.document}
        for name in _EVIDENCE_FIELDS:
            value = getattr(self, name)
            if value is not None:
                data[name] = value.isoformat() if isinstance(value, dt.date) else value
        return _JSON.encode(data)

    @classmethod
    def decode(cls, text: str) -> Evidence:
        """Inverse of :meth:`encode`."""
        return cls.model_validate_json(text)

    @staticmethod
    def prefix(document: str) -> str:
        """How every encoded item of ``document`` starts, so that the store can find one
        document's evidence among an edge's by a prefix test.

        >>> Evidence(document="doc-1", rule="registry").encode().startswith(
        ...     Evidence.prefix("doc-1"))
        True
        """
        return _JSON.encode({"document": document})[:-1] + ","

    def plain(self) -> dict[str, Any]:
        """The evidence as plain data (an export's and a dump's form): dates as ISO text,
        unknown fields left out."""
        return self.model_dump(mode="json", exclude_none=True)


_EVIDENCE_FIELDS = sorted(set(Evidence.model_fields) - {"document"})


class Entity(_Model):
    """A node of the world: an institution, person, product, place, ..."""

    id: str
    name: str = Field(min_length=1)
    kind: str
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None
    attributes: dict[str, PropertyValue] = Field(default_factory=dict)
    discovered: bool = Field(default=False, description="Found in text, not in the registry.")
    evidence: list[Evidence] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"id {value!r} is not a slug (lowercase words joined by '-')")
        return value

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        kind = load_schema().kind(value)
        if kind.abstract:
            raise ValueError(f"kind {value!r} is abstract; use one of its sub-kinds")
        return value

    @field_validator("aliases")
    @classmethod
    def _clean_aliases(cls, values: list[str]) -> list[str]:
        return sorted({v.strip() for v in values if v.strip()})

    @field_validator("attributes", mode="before")
    @classmethod
    def _flat_attributes(cls, values: dict[str, Any]) -> dict[str, Any]:
        return _check_properties(values, "attribute")


class Relation(_Model):
    """A typed, directed edge between two entities, with the evidence behind it."""

    source: str
    type: str
    target: str
    properties: dict[str, PropertyValue] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        load_schema().edge(value)
        return value

    @model_validator(mode="before")
    @classmethod
    def _declared_properties(cls, data: Any) -> Any:
        """Properties are those the schema declares for the type, each of its type (a
        partial date is kept as its ISO text, so it keeps its precision)."""
        if not isinstance(data, Mapping) or not isinstance(data.get("properties"), Mapping):
            return data  # pydantic reports what is missing or of the wrong type
        properties = _check_properties(data["properties"], "property")
        edge_type = data.get("type")
        if isinstance(edge_type, str) and edge_type in load_schema().edges:
            properties = load_schema().check_properties(edge_type, properties)
        return {**data, "properties": properties}

    @property
    def period(self) -> Period:
        """When the fact held, as far as its properties say."""
        return Period.of(self.properties)

    @property
    def key(self) -> str:
        """What tells this edge apart from others of its type between the same two nodes."""
        return edge_key(self.type, self.properties)


def edge_key(edge_type: str, properties: Mapping[str, Any]) -> str:
    """The values of ``edge_type``'s key properties (the schema's ``key``), as one string.

    A role is compared in canonical form, so "CEO" and "Chief Executive Officer" at one
    bank are one fact with two spellings, not two facts.

    >>> edge_key("HOLDS_ROLE", {"role": " CEO", "since": "2021"})
    'role=chief executive'
    """
    names = load_schema().edge(edge_type).key
    return "|".join(f"{n}={_key_value(n, properties.get(n, ''))}" for n in names)


def _key_value(name: str, value: Any) -> str:
    text = str(value).strip().lower()
    return canonical_role(text) if name == "role" else text


class Document(_Model):
    """A source document, or a registry citation, that evidence points to."""

    id: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    content_hash: str | None = None
    path: str | None = Field(default=None, description="Where it was read from, if a file.")
    language: str | None = Field(default=None,
                                 description="Set for a text not in English ('zh').")

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"document id {value!r} is not a slug")
        return value

    @staticmethod
    def hash_text(text: str) -> str:
        """The content hash used to tell a changed document from an unchanged one."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class GraphBatch(_Model):
    """What one unit of work writes: it commits whole or not at all."""

    documents: list[Document] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    mentions: list[tuple[str, str]] = Field(
        default_factory=list, description="(document id, entity id) pairs."
    )

    def check(
        self, schema: Schema | None = None, known_kinds: Mapping[str, str] | None = None
    ) -> None:
        """Check every relation's ends against the schema.

        ``known_kinds`` maps ids of entities outside this batch (already in the store) to
        their kinds.

        Raises
        ------
        ValidationError
            Naming the relation and the offending id, kind or type.
        """
        schema = schema or load_schema()
        batch_kinds: dict[str, str] = {}
        for entity in self.entities:
            if batch_kinds.setdefault(entity.id, entity.kind) != entity.kind:
                raise ValidationError(f"entity {entity.id!r} appears with two kinds")
        kinds = {**(known_kinds or {}), **batch_kinds}
        for rel in self.relations:
            for end in (rel.source, rel.target):
                if end not in kinds:
                    raise ValidationError(
                        f"{rel.source} -{rel.type}-> {rel.target}: unknown entity id {end!r}"
                    )
            try:
                schema.check_edge(rel.type, kinds[rel.source], kinds[rel.target])
            except ValidationError as exc:
                raise ValidationError(f"{rel.source} -{rel.type}-> {rel.target}: {exc}") from None
        document_ids = {d.id for d in self.documents}
        for doc_id, entity_id in self.mentions:
            if doc_id not in document_ids or entity_id not in kinds:
                raise ValidationError(f"mention ({doc_id}, {entity_id}) names an unknown id")
