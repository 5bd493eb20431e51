"""Relation cues as data: ``cues.yaml`` read, expanded and compiled once, checked against
the schema (a cue for an edge type the schema lacks is an error).

Examples
--------
>>> cues = load_cues()
>>> cue = next(c for c in cues.cues if c.rule == "controlled-by")
>>> cue.edge_type, cue.direction, bool(cue.between.match(" is controlled by "))
('CONTROLLED_BY', 'forward', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from hkweb3.errors import SchemaError
from hkweb3.graph.schema import Schema, load_schema

CUES_FILE = Path(__file__).with_name("cues.yaml")
_FRAGMENT = re.compile(r"\{([A-Z]+)\}")


@dataclass(frozen=True)
class Cue:
    """One way of saying that two adjacent mentions are related."""

    edge_type: str
    rule: str
    direction: str  # "forward": first mention is the source; "reverse": the second
    between: re.Pattern[str]
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    role: str | None = None


@dataclass(frozen=True)
class Title:
    """A title before a person's name that names their role at a fixed organisation."""

    pattern: re.Pattern[str]
    role: str
    target: str


@dataclass(frozen=True)
class ListCue:
    """A cue about a whole list of mentions: partners among themselves (``pairwise``) or
    each related to an entity of one of the ``target`` kinds named before."""

    edge_type: str
    rule: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    pairwise: bool
    target: tuple[str, ...]
    #: whether the target may be named in the sentences before (else in this one)
    context: bool = True


@dataclass(frozen=True)
class Cues:
    cues: tuple[Cue, ...]
    titles: tuple[Title, ...]
    lists: tuple[ListCue, ...] = ()
    fragments: dict[str, str] = field(default_factory=dict)


def load_cues(path: Path | None = None, schema: Schema | None = None) -> Cues:
    """Read and compile the cue file (by default the one shipped with hkweb3)."""
    if path is None and schema is None:
        return _default()
    return _load(path or CUES_FILE, schema or load_schema())


@cache
def _default() -> Cues:
    return _load(CUES_FILE, load_schema())


def _load(path: Path, schema: Schema) -> Cues:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SchemaError(f"{path}: cannot read cues: {' '.join(str(exc).split())}") from None
    fragments = {k: str(v) for k, v in (raw.pop("fragments", None) or {}).items()}

    def compile_(text: str | None, where: str) -> re.Pattern[str] | None:
        if text is None:
            return None
        expanded = _FRAGMENT.sub(lambda m: fragments.get(m[1], m[0]), str(text))
        try:
            return re.compile(expanded)
        except re.error as exc:
            raise SchemaError(f"{path}: {where}: bad pattern: {exc}") from None

    titles = tuple(
        Title(compile_(t["pattern"], "titles"), t["role"], t["target"])  # type: ignore[arg-type]
        for t in raw.pop("titles", None) or []
    )
    lists = tuple(
        ListCue(
            edge_type=_known_edge(path, schema, item["type"]),
            rule=item["rule"],
            before=compile_(item.get("before"), item["rule"]),
            after=compile_(item.get("after"), item["rule"]),
            pairwise=bool(item.get("pairwise", False)),
            target=tuple(item.get("target") or ()),
            context=bool(item.get("context", True)),
        )
        for item in raw.pop("lists", None) or []
    )
    cues = []
    for edge_type, items in raw.items():
        _known_edge(path, schema, edge_type)
        for item in items:
            where = f"{edge_type}/{item.get('rule')}"
            if item.get("direction") not in ("forward", "reverse"):
                raise SchemaError(f"{path}: {where}: direction must be forward or reverse")
            cues.append(Cue(
                edge_type=edge_type,
                rule=item["rule"],
                direction=item["direction"],
                between=compile_(item["between"], where),  # type: ignore[arg-type]
                before=compile_(item.get("before"), where),
                after=compile_(item.get("after"), where),
                role=item.get("role"),
            ))
    return Cues(tuple(cues), titles, lists, fragments)


def _known_edge(path: Path, schema: Schema, edge_type: str) -> str:
    if edge_type not in schema.edges:
        raise SchemaError(f"{path}: cues for unknown edge type {edge_type!r}")
    return edge_type
