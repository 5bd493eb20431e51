"""Analysts' judgements on what extraction wrote, kept as data and applied on every write.

A judgements file is a YAML list, one judgement per item (the flow style keeps each on one
line, so an error can name it):

.. code-block:: yaml

    - same: [harbourlink-digital-limited, harbourlink-digital]   # keep the first id
    - different: [hashkey-group, hashkey-exchange]               # never merge these
    - reject: {source: boc-hk, type: SUBSIDIARY_OF, target: jd-com}
    - reject: {source: za-bank, type: HOLDS_ROLE, target: x, document: doc-id, role: chair}

``same`` keeps its first id; the others become that entity's aliases. ``different`` stops
a merge. ``reject`` names a fact (type, source, target; optionally the one document whose
evidence is wrong, and the role of a ``HOLDS_ROLE``) that is never written, whichever
document states it. The shipped graph's file is read first, then the analyst's own (in the
data directory); a contradiction (``same`` and ``different`` for one pair) or a malformed
item is an :class:`~hkweb3.errors.InputError` naming the file and line.

Examples
--------
>>> import tempfile
>>> path = Path(tempfile.mkdtemp()) / "judgements.yaml"
>>> _ = path.write_text("- same: [acme-limited, acme]\\n- different: [acme, acme-bank]\\n")
>>> judged = read_judgements([path])
>>> judged.canonical("acme"), judged.group("acme")
('acme-limited', ['acme-limited', 'acme'])
>>> judged.is_different("acme-limited", "acme-bank")
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hkweb3.errors import InputError
from hkweb3.graph.judging import Fact, stored_entities
from hkweb3.graph.merging import MovedEdge, merged_aliases, move_edges
from hkweb3.graph.models import SLUG, Entity, Evidence, GraphBatch, Relation
from hkweb3.graph.schema import Schema, load_schema
from hkweb3.graph.store import Store

#: The file name of the analyst's own judgements in the data directory.
FILE_NAME = "judgements.yaml"
KINDS = ("same", "different", "reject")
_REJECT_FIELDS = {"source", "type", "target", "document", "role"}


@dataclass(frozen=True)
class Judgement:
    """One judgement and where it was read: ``ids`` are the entities of ``same`` (the first
    kept) and ``different``, or the source and target of a rejected fact."""

    kind: str
    ids: tuple[str, ...]
    file: Path | None = None
    line: int = 0
    type: str | None = None
    document: str | None = None
    role: str | None = None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.file else "(new judgement)"

    def describe(self) -> str:
        """The judgement in the words of the command that makes it."""
        if self.kind != "reject":
            return " ".join(self.ids)
        text = f"{self.ids[0]} {self.type} {self.ids[1]}"
        if self.role:
            text += f" --role {self.role!r}"
        if self.document:
            text += f" --document {self.document}"
        return text

    def as_row(self) -> dict[str, Any]:
        return {"kind": self.kind, "judgement": self.describe(), "file": str(self.file or ""),
                "line": self.line}

    def as_yaml(self) -> dict[str, Any]:
        """The item as written to a judgements file."""
        if self.kind != "reject":
            return {self.kind: list(self.ids)}
        fact = {"source": self.ids[0], "type": self.type, "target": self.ids[1]}
        if self.document:
            fact["document"] = self.document
        if self.role:
            fact["role"] = self.role
        return {"reject": fact}

    @property
    def fact(self) -> Fact:
        """The fact a ``reject`` names."""
        return Fact(self.ids[0], self.type or "", self.ids[1], self.document, self.role)


class Judgements:
    """Judgements in the order read: merge groups, pairs kept apart, facts rejected."""

    def __init__(self, items: Iterable[Judgement] = ()):
        self.items: list[Judgement] = []
        self._kept: dict[str, str] = {}  # id -> the id its group keeps
        self._joined: dict[str, Judgement] = {}  # id -> the ``same`` that merged it
        self._apart: dict[frozenset[str], Judgement] = {}
        for item in items:
            self.add(item)

    def add(self, item: Judgement) -> None:
        """Add ``item``; raise InputError if it contradicts an earlier one."""
        if item.kind == "same":
            kept = self.canonical(item.ids[0])
            joined = {self.canonical(i) for i in item.ids}
            members = {m for m in {*self._kept, *item.ids} if self.canonical(m) in joined}
            for pair, apart in self._apart.items():
                a, b = tuple(pair)
                if a in members and b in members:
                    raise InputError(f"{item.where}: 'same' for {a} and {b} contradicts "
                                     f"'different' at {apart.where}")
            for member in members | set(item.ids):
                self._kept[member] = kept
                self._joined.setdefault(member, item)
            self._kept[kept] = kept
        elif item.kind == "different":
            a, b = item.ids
            if self.canonical(a) == self.canonical(b):
                earlier = self._joined.get(b) or self._joined.get(a)
                raise InputError(f"{item.where}: 'different' for {a} and {b} contradicts "
                                 f"'same' at {earlier.where if earlier else 'an earlier line'}")
            self._apart[frozenset(item.ids)] = item
        self.items.append(item)

    def canonical(self, entity_id: str) -> str:
        """The id an entity is kept under (itself unless judged the same as another)."""
        return self._kept.get(entity_id, entity_id)

    def group(self, entity_id: str) -> list[str]:
        """Every id judged the same as ``entity_id``, the kept one first, then in order."""
        kept = self.canonical(entity_id)
        return [kept] + [i for i in self._kept if i != kept and self._kept[i] == kept]

    def merged_ids(self) -> dict[str, str]:
        """Each id merged into another, with the id it is kept under."""
        return {i: k for i, k in self._kept.items() if i != k}

    def is_different(self, a: str, b: str) -> bool:
        """Whether two entities (or their groups) were judged different."""
        groups = set(self.group(a)), set(self.group(b))
        return any(x in groups[0] and y in groups[1] or y in groups[0] and x in groups[1]
                   for x, y in (tuple(p) for p in self._apart))

    @property
    def rejects(self) -> list[Judgement]:
        return [self._canonical_reject(i) for i in self.items if i.kind == "reject"]

    def _canonical_reject(self, item: Judgement) -> Judgement:
        return Judgement("reject", tuple(self.canonical(i) for i in item.ids), item.file,
                         item.line, item.type, item.document, item.role)

    def entity_ids(self) -> dict[str, Judgement]:
        """Every entity id the judgements name, with the first judgement naming it."""
        named: dict[str, Judgement] = {}
        for item in self.items:
            for entity_id in item.ids:
                named.setdefault(entity_id, item)
        return named

    def check_known(self, known: Iterable[str]) -> None:
        """Raise InputError (file and line) for a judgement naming an entity not in
        ``known``."""
        known = set(known)
        for entity_id, item in self.entity_ids().items():
            if entity_id not in known:
                raise InputError(f"{item.where}: no entity with id {entity_id!r} in the graph")

    # -- applying them to what is about to be written ----------------------------------------

    def apply(self, batch: GraphBatch, stored: Mapping[str, Mapping[str, Any]],
              schema: Schema | None = None) -> GraphBatch:
        """``batch`` as the judgements say it should be written: merged ids under the id
        kept (the kept entity's name and kind, the other names as aliases), edges moved to
        it (none to itself, one per key), rejected facts and evidence left out.

        ``stored`` holds the kept entities the store has (``name``, ``kind``,
        ``discovered``), for a batch naming only a merged one.
        """
        if not self.items:
            return batch
        schema = schema or load_schema()
        entities: dict[str, Entity] = {}
        # The kept entities first, so their name and kind win over merged ones'.
        ordered = sorted(batch.entities, key=lambda e: self.canonical(e.id) != e.id)
        for entity in ordered:
            kept = self.canonical(entity.id)
            base = entities.get(kept)
            if base is None and kept != entity.id and kept in stored:
                row = stored[kept]
                base = Entity(id=kept, name=row["name"], kind=row["kind"],
                              discovered=bool(row.get("discovered")))
            entities[kept] = self._merged(base, entity, kept)
        rejects = self.rejects
        unrejected = [(r, self._unrejected(r, rejects)) for r in batch.relations]

        def fits(_edge: MovedEdge, moved: MovedEdge) -> bool:
            # A fact extraction gave that no longer fits the kept entity's kind is left out
            # (a judged merge of stored entities refuses it instead: graph/judging.py).
            ends = entities.get(moved.source), entities.get(moved.target)
            return not all(ends) or schema.allows(moved.type, ends[0].kind, ends[1].kind)

        moved = move_edges([MovedEdge(r.source, r.type, r.target, r.key, r.properties, evidence)
                            for r, evidence in unrejected if evidence],
                           self.merged_ids(), fits)
        relations = [Relation(source=e.source, type=e.type, target=e.target,
                              properties=e.properties, evidence=e.evidence) for e in moved]
        mentions = sorted({(d, self.canonical(e)) for d, e in batch.mentions})
        return GraphBatch(documents=batch.documents, entities=list(entities.values()),
                          relations=relations, mentions=mentions)

    def _merged(self, base: Entity | None, entity: Entity, kept: str) -> Entity:
        group = self.group(kept)
        attributes = dict(entity.attributes)
        if len(group) > 1:
            attributes["merged_from"] = sorted(group[1:])
        if base is None:
            # A merged name stays an alias even while it is the only name known (the kept
            # entity's own name replaces it when a document names it).
            aliases = set(entity.aliases) | ({entity.name} if entity.id != kept else set())
            return entity.model_copy(update={"id": kept, "attributes": attributes,
                                             "aliases": sorted(aliases)})
        return base.model_copy(update={
            "aliases": merged_aliases(base.name, base.aliases, [(entity.name, entity.aliases)]),
            "attributes": {**attributes, **base.attributes},
            "description": base.description or entity.description,
            "discovered": base.discovered and entity.discovered,
            "evidence": [*base.evidence, *entity.evidence],
        })

    def _unrejected(self, relation: Relation, rejects: list[Judgement]) -> list[Evidence]:
        """The evidence of ``relation`` that no ``reject`` rules out (the fact named with its
        ends' kept ids)."""
        source, target = self.canonical(relation.source), self.canonical(relation.target)
        evidence = list(relation.evidence)
        for reject in rejects:
            if reject.fact.matches(source, relation.type, target, relation.properties):
                evidence = [e for e in evidence
                            if reject.document is not None and e.document != reject.document]
        return evidence


def prepare_batch(judged: Judgements, store: Store, batch: GraphBatch) -> GraphBatch:
    """``batch`` with the judgements applied, the kept entities it lacks read from
    ``store``."""
    if not judged.merged_ids() and not judged.rejects:
        return batch  # ``different`` alone changes nothing that is written
    missing = {judged.canonical(e.id) for e in batch.entities} - {e.id for e in batch.entities}
    return judged.apply(batch, stored_entities(store, missing) if missing else {})


# -- reading and writing files ------------------------------------------------------------------


def shipped_file() -> Path:
    """The judgements that ship with the graph (``data/judgements.yaml``)."""
    from hkweb3.data import DATA_DIR

    return DATA_DIR / FILE_NAME


def analyst_file(home: Path) -> Path:
    """The analyst's own judgements, in the data directory ``home``."""
    return Path(home) / FILE_NAME


def read_judgements(files: Iterable[Path], schema: Schema | None = None) -> Judgements:
    """Read judgements files in order (missing ones are empty).

    Raises
    ------
    InputError
        ``file:line: what is wrong`` for bad YAML, a malformed item or a contradiction.
    """
    schema = schema or load_schema()
    judged = Judgements()
    for file in files:
        for item in _read_items(Path(file), schema):
            judged.add(item)
    return judged


def _read_items(file: Path, schema: Schema) -> list[Judgement]:
    if not file.exists():
        return []
    try:
        node = yaml.compose(file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise InputError(f"{file}:{node.start_mark.line + 1}: a judgements file is a list "
                             "of items (- same: [...], - different: [...], - reject: {...})")
        loader = yaml.SafeLoader("")
        items = [(child.start_mark.line + 1, loader.construct_document(child))
                 for child in node.value]
    except UnicodeDecodeError:
        raise InputError(f"{file}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if "stream end" in str(getattr(exc, "problem", "")):  # unclosed: where it opened
            mark = getattr(exc, "context_mark", None) or mark
        line = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{file}{line}: not valid YAML ({getattr(exc, 'problem', exc)})") \
            from None
    return [_item(file, line, value, schema) for line, value in items]


def _item(file: Path, line: int, value: Any, schema: Schema) -> Judgement:
    where = f"{file}:{line}"
    kinds = [k for k in KINDS if isinstance(value, dict) and k in value]
    if len(kinds) != 1 or set(value) - {kinds[0], "note"}:
        raise InputError(f"{where}: each item is one of {', '.join(KINDS)} (and an optional "
                         "note)")
    kind = kinds[0]
    body = value[kind]
    if kind in ("same", "different"):
        ids = _ids(body, where, kind)
        return Judgement(kind, ids, file, line)
    if not isinstance(body, dict) or set(body) - _REJECT_FIELDS or not {
            "source", "type", "target"} <= set(body):
        raise InputError(f"{where}: reject takes source, type, target (and optionally "
                         "document, role)")
    source, target = _ids([body["source"], body["target"]], where, kind, distinct=False)
    edge_type = str(body["type"])
    if edge_type not in schema.edges:
        raise InputError(f"{where}: unknown edge type {edge_type!r}")
    document = body.get("document")
    role = body.get("role")
    return Judgement(kind, (source, target), file, line, edge_type,
                     str(document) if document is not None else None,
                     str(role) if role is not None else None)


def _ids(body: Any, where: str, kind: str, distinct: bool = True) -> tuple[str, ...]:
    if not isinstance(body, list) or not all(isinstance(i, str) for i in body):
        raise InputError(f"{where}: {kind} takes a list of entity ids")
    for entity_id in body:
        if not SLUG.match(entity_id):
            raise InputError(f"{where}: {entity_id!r} is not an entity id")
    if distinct:
        if len(set(body)) != len(body) or len(body) < 2:
            raise InputError(f"{where}: {kind} takes two or more different entity ids")
        if kind == "different" and len(body) != 2:
            raise InputError(f"{where}: different takes exactly two entity ids")
    return tuple(body)


def _with_header(file: Path) -> str:
    """The file's text ending in a new line (a header for a file not yet written)."""
    text = file.read_text(encoding="utf-8") if file.exists() else (
        "# Judgements made with `hkweb3 judge`; every build and ingest applies them.\n")
    return text if not text or text.endswith("\n") else text + "\n"


def next_line(file: Path) -> int:
    """The line a judgement appended to ``file`` will be on."""
    return _with_header(file).count("\n") + 1


def append_judgement(file: Path, item: Judgement) -> int:
    """Append ``item`` to ``file`` (created 0600 if missing); return the line it is on."""
    text = _with_header(file)
    line = text.count("\n") + 1
    entry = yaml.safe_dump([item.as_yaml()], default_flow_style=None, sort_keys=False,
                           width=1000)
    _write_private(file, text + entry)
    return line


def _write_private(file: Path, text: str) -> None:
    """Replace ``file`` whole (never half-written), readable by its owner only."""
    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = file.with_name(f".{file.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, file)


def restore(file: Path, text: str | None) -> None:
    """Put ``file`` back as it was (``None``: it did not exist)."""
    if text is None:
        file.unlink(missing_ok=True)
    else:
        _write_private(file, text)
