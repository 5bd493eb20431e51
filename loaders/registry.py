"""Read the curated registry (``data/registry/*.yaml``) into one checked GraphBatch.

The format is described in ``data/README.md``. Every entity and relation cites registry
citations; each citation becomes a Document node and each cite an Evidence entry with rule
``registry``. Errors name the file and line.

Examples
--------
>>> from hkweb3.data import REGISTRY_DIR
>>> batch = read_registry(REGISTRY_DIR)
>>> {e.id: e.kind for e in batch.entities}["za-bank"]
'VirtualBank'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pydantic
import yaml

from hkweb3.errors import InputError, ValidationError
from hkweb3.graph.models import Document, Entity, Evidence, GraphBatch, Relation
from hkweb3.graph.schema import Schema, load_schema
from hkweb3.loaders.chinese import has_chinese, name_variants
from hkweb3.loaders.readers import read_bytes

REGISTRY_RULE = "registry"
_SECTIONS = {"citations", "entities", "relations", "names_zh"}
#: The entity attribute that holds the Chinese name shown beside the English one.
NAME_ZH = "name_zh"


class _LineDict(dict):
    """A mapping that remembers the line it started on."""

    line = 0


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A safe loader whose mappings know their line, for error messages (libyaml's parser
    when PyYAML has it: eight times faster on the registry, which every ingest reads)."""


def _line_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    mapping = _LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _line_mapping)


def read_registry(path: Path | str, schema: Schema | None = None) -> GraphBatch:
    """Read every ``*.yaml`` file under ``path`` (a folder or one file) into a GraphBatch.

    Raises
    ------
    InputError
        ``file:line: what is wrong`` for the first problem found: bad YAML, an unknown
        kind or edge type, a duplicate id, a relation or cite naming an unknown id.
    """
    schema = schema or load_schema()
    path = Path(path)
    files = sorted([*path.rglob("*.yaml"), *path.rglob("*.yml")]) if path.is_dir() else [path]
    raw = [(file, _read(file)) for file in files]

    citations: dict[str, Document] = {}
    where: dict[str, str] = {}
    for file, data in raw:
        for item in data.get("citations") or []:
            doc = _build(Document, item, file, item.line)
            _unique(doc.id, f"{file}:{item.line}", where)
            citations[doc.id] = doc

    chinese = _chinese_names(raw)
    entities: list[Entity] = []
    aliases: dict[str, str] = {}
    for file, data in raw:
        for item in data.get("entities") or []:
            fields = _with_chinese(_with_evidence(item, citations, file), chinese)
            entity = _build(Entity, fields, file, item.line)
            _unique(entity.id, f"{file}:{item.line}", where)
            for name in (entity.name, *entity.aliases):
                owner = aliases.setdefault(name.casefold(), entity.id)
                if owner != entity.id:
                    raise InputError(
                        f"{file}:{item.line}: name or alias {name!r} of {entity.id!r} "
                        f"is already used by {owner!r}"
                    )
            entities.append(entity)
    if unknown := sorted(set(chinese) - {e.id for e in entities}):
        file, line, _ = chinese[unknown[0]]
        raise InputError(f"{file}:{line}: names_zh names unknown id {unknown[0]!r}")

    relations: list[Relation] = []
    kinds = {e.id: e.kind for e in entities}
    for file, data in raw:
        for item in data.get("relations") or []:
            rel = _build(Relation, _with_evidence(item, citations, file), file, item.line)
            try:
                GraphBatch(entities=[], relations=[rel]).check(schema, kinds)
            except ValidationError as exc:
                raise InputError(f"{file}:{item.line}: {exc}") from None
            relations.append(rel)

    return GraphBatch(documents=list(citations.values()), entities=entities, relations=relations)


def _read(file: Path) -> dict[str, Any]:
    try:  # (a FIFO or a device is refused, as for documents; links are the curator's)
        text = read_bytes(file, file.parent, follow_links=True).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{file}: not UTF-8 text") from None
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        raise InputError(f"{file}: nested too deeply") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(f"{file}{line}: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{file}: a registry file is a mapping of {sorted(_SECTIONS)}")
    if unknown := set(data) - _SECTIONS:
        raise InputError(f"{file}: unknown section(s) {sorted(unknown)}")
    for section in _SECTIONS & set(data):
        if not isinstance(data[section] or [], list):
            raise InputError(f"{file}: {section} must be a list")
        for item in data[section] or []:
            if not isinstance(item, dict):
                raise InputError(f"{file}: every item of {section} must be a mapping")
    return data


def _chinese_names(raw: list[tuple[Path, dict[str, Any]]]) -> dict[str, tuple[Path, int, list]]:
    """``names_zh`` entries by entity id: ``(file, line, names)``, Traditional first."""
    found: dict[str, tuple[Path, int, list]] = {}
    for file, data in raw:
        for item in data.get("names_zh") or []:
            names = item.get("zh")
            if not item.get("id") or not isinstance(names, list) or not names or not all(
                    isinstance(n, str) and has_chinese(n) for n in names):
                raise InputError(f"{file}:{item.line}: a names_zh entry is an 'id' and 'zh', "
                                 "a list of Chinese names")
            if item["id"] in found:
                raise InputError(f"{file}:{item.line}: Chinese names of {item['id']!r} are "
                                 f"already given at {found[item['id']][0]}:{found[item['id']][1]}")
            found[item["id"]] = (file, item.line, names)
    return found


def _with_chinese(fields: dict, chinese: dict[str, tuple[Path, int, list]]) -> dict:
    """The entity's fields with its Chinese names as aliases, in every form a reader may type
    (see :func:`~hkweb3.loaders.chinese.name_variants`), and the first as ``name_zh``."""
    if fields.get("id") not in chinese:
        return fields
    names = chinese[fields["id"]][2]
    variants = sorted({v for name in names for v in name_variants(name)})
    return {**fields, "aliases": [*(fields.get("aliases") or []), *variants],
            "attributes": {**(fields.get("attributes") or {}), NAME_ZH: names[0]}}


def _with_evidence(item: dict, citations: dict[str, Document], file: Path) -> dict:
    fields = dict(item)
    cites = fields.pop("cite", None) or []
    if isinstance(cites, str):
        cites = [cites]
    evidence = []
    for cite in cites:
        if cite not in citations:
            raise InputError(f"{file}:{item.line}: cites unknown citation {cite!r}")
        evidence.append(
            Evidence(document=cite, published=citations[cite].published, rule=REGISTRY_RULE)
        )
    fields["evidence"] = evidence
    return fields


def _build(model, fields: dict, file: Path, line: int):
    try:
        return model.model_validate(fields)
    except pydantic.ValidationError as exc:
        error = exc.errors()[0]
        place = ".".join(str(p) for p in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        raise InputError(f"{file}:{line}: {place}: {message}") from None
    except ValidationError as exc:
        raise InputError(f"{file}:{line}: {exc}") from None


def _unique(item_id: str, place: str, where: dict[str, str]) -> None:
    if item_id in where:
        raise InputError(f"{place}: duplicate id {item_id!r} (first defined at {where[item_id]})")
    where[item_id] = place
