"""Ingesting documents into the store, one document per transaction.

A document is read, extracted and written whole or not at all. An unchanged document (same
content hash as stored) is skipped; a changed one replaces its earlier claims. A bad file is
reported with its reason and the run goes on with the others.

Examples
--------
>>> from hkweb3.graph.store import open_store
>>> with open_store() as store:  # doctest: +SKIP
...     for result in Ingester(store, registry_entities).run([Path("data/documents")]):
...         print(result.path, result.status)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hkweb3.errors import InputError, ValidationError
from hkweb3.graph.models import Entity
from hkweb3.graph.store import Store
from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.readers import find_documents, read_document


@dataclass
class DocumentResult:
    """What happened to one file."""

    path: Path
    document: str | None
    status: str  # "added", "replaced", "unchanged" or "error"
    words: int = 0
    entities: int = 0
    discovered: int = 0
    relations: int = 0
    error: str | None = None

    def as_row(self) -> dict[str, object]:
        return {"file": str(self.path), "document": self.document, "status": self.status,
                "words": self.words, "entities": self.entities, "discovered": self.discovered,
                "relations": self.relations, "error": self.error}


class Ingester:
    """Reads, extracts and writes documents into ``store``."""

    def __init__(self, store: Store, registry: Iterable[Entity]):
        self.store = store
        self.extractor = Extractor(registry)

    def files(self, paths: list[Path]) -> list[Path]:
        """The files ``run`` will read (raises InputError for a path that does not exist)."""
        return list(find_documents(paths))

    def run(self, files: list[Path]) -> Iterator[DocumentResult]:
        """Ingest each file; yield its result as soon as it is committed."""
        seen: dict[str, Path] = {}
        for path in files:
            try:
                source = read_document(path)
                if source.id in seen:
                    raise InputError(f"{path}: document id {source.id!r} is already used by "
                                     f"{seen[source.id]} in this run; rename one of them")
                seen[source.id] = path
                stored = self.store.document_hashes([source.id])
                result = DocumentResult(path=path, document=source.id, status="added",
                                        words=len(source.text.split()))
                if stored.get(source.id) == source.content_hash:
                    result.status = "unchanged"  # nothing to extract: the graph has it
                else:
                    batch = self.extractor.run(source)
                    result.entities = len(batch.entities)
                    result.discovered = sum(e.discovered for e in batch.entities)
                    result.relations = len(batch.relations)
                    if source.id in stored:
                        result.status = "replaced"
                    # Earlier claims are withdrawn inside the write's own transaction even when
                    # none were seen: a concurrent run may have written another version since.
                    self.store.write(batch, retract=[source.id])
            except InputError as exc:
                result = DocumentResult(path=path, document=None, status="error", error=str(exc))
            except ValidationError as exc:  # store errors are not the file's fault: they stop
                result = DocumentResult(path=path, document=None, status="error",
                                        error=f"{path}: {exc}")
            yield result
