"""Ingesting documents into the store, one document per transaction.

A document is read, extracted and written whole or not at all (a feed file holds one per
item, each written on its own). An unchanged document (same
content hash as stored) is skipped; a changed one replaces its earlier claims if it comes
from the same file (its real path) as the stored one. Another file whose name or ``id:``
gives the same id is refused, naming both, unless ``replace`` says to replace on purpose. A
bad file is reported with its reason and the run goes on with the others.

Examples
--------
>>> from hkweb3.graph.store import open_store
>>> with open_store() as store:  # doctest: +SKIP
...     ingester = Ingester(store, registry_entities)
...     for result in ingester.run(ingester.files([Path("data/documents")])):
...         print(result.path, result.status)
"""

from __future__ import annotations

import os
import signal
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from threading import Event
from types import FrameType

from hkweb3.errors import InputError, ValidationError
from hkweb3.graph.models import Entity, Evidence, GraphBatch
from hkweb3.graph.store import Store, StoredDocument
from hkweb3.loaders.chinese import ZH_NOTE, ChineseMentions, is_chinese
from hkweb3.loaders.extract import APART, Extractor, kind_apart, refused_as
from hkweb3.loaders.pages import with_pages
from hkweb3.loaders.readers import SourceDocument, find_documents, read_documents

#: Extracted documents that may wait for the writer before extraction pauses.
AHEAD = 2


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
    note: str | None = None  # what the reader could not do (a Chinese text: entities only)

    def as_row(self) -> dict[str, object]:
        return {"file": str(self.path), "document": self.document, "status": self.status,
                "words": self.words, "entities": self.entities, "discovered": self.discovered,
                "relations": self.relations, "error": self.error, "note": self.note}


class Ingester:
    """Reads, extracts and writes documents into ``store``.

    ``replace``: a document may replace a stored one of the same id from another file.
    ``follow_links``: symbolic links out of the folder being ingested are read too.
    ``prepare``: turns each extracted batch into what is written (the analysts'
    judgements, see :mod:`hkweb3.loaders.judgements`).
    """

    def __init__(self, store: Store, registry: Iterable[Entity], *, replace: bool = False,
                 follow_links: bool = False,
                 prepare: Callable[[GraphBatch], GraphBatch] | None = None):
        self.store = store
        registry = list(registry)
        self.prepare = prepare
        self.extractor = Extractor(registry)
        self._registry = registry
        self._chinese: ChineseMentions | None = None
        self.replace = replace
        self.follow_links = follow_links
        self._folders: dict[Path, Path] = {}  # file -> the folder it was found in
        self.skipped: Counter[str] = Counter()  # what folder walks left out, by suffix

    def files(self, paths: list[Path]) -> list[Path]:
        """The files ``run`` will read (raises InputError for a path that does not exist),
        each once (a file named again, or inside a folder also named, is not a second
        document with its id); what folder walks leave out is counted in ``skipped``."""
        listed: set[str] = set()
        files = []
        for file, folder in find_documents(paths, self.follow_links, self.skipped):
            if os.path.abspath(file) not in listed:
                listed.add(os.path.abspath(file))
                self._folders[file] = folder
                files.append(file)
        return files

    def run(self, files: list[Path]) -> Iterator[DocumentResult]:
        """Ingest each document of each file (a feed holds several); yield its result as soon
        as it is committed. A file that cannot be read gives one error result.

        One thread writes while this one reads and extracts the next document: writing is
        mostly waiting on the store, so the two overlap (about a third of an ingest's time).
        Writes keep the documents' order, each in its own transaction, and at most
        ``AHEAD`` extracted documents wait for theirs.

        A run stopped by an error (the store gone) or an interrupt writes nothing more: the
        write under way finishes whole and is reported before the error goes on, the ones
        not begun are dropped. A caller that stops reading early leaves at most that one
        write committed without its result."""
        seen: dict[str, Path] = {}
        waiting: deque[Future[DocumentResult]] = deque()
        stop = Event()
        writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hkweb3-write")
        # The store is read in a thread too: only this one receives Ctrl-C, and the driver
        # cut off by it in the middle of a reply fails with an error of its own (a traceback
        # instead of the interrupt).
        reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hkweb3-read")
        interrupted = _InterruptFlag()
        try:
            for path in files:
                try:
                    sources = read_documents(path, self._folders.get(path), self.follow_links)
                except InputError as exc:
                    waiting.append(_done(_error(path, exc)))
                    sources = []
                for source in sources:
                    interrupted.check()
                    step = self._extract(path, source, seen, reader)
                    waiting.append(writer.submit(self._write_in_turn, stop, *step)
                                   if isinstance(step, tuple) else _done(step))
                    while waiting and (waiting[0].done() or len(waiting) > AHEAD):
                        yield _next(waiting)
            while waiting:
                yield _next(waiting)
        except GeneratorExit:
            raise
        except BaseException:
            stop.set()
            for future in waiting:
                future.cancel()
            yield from _committed(waiting)
            raise
        finally:
            interrupted.restore()
            stop.set()
            writer.shutdown(wait=True, cancel_futures=True)
            reader.shutdown(wait=True)

    def _write_in_turn(self, stop: Event, result: DocumentResult, source: SourceDocument,
                       batch: GraphBatch) -> DocumentResult:
        """:meth:`_write`, unless the run has stopped. A write that fails with an error of
        the store (not the document's) stops the run: the next one must not be written
        while the error is on its way to the caller, who would never hear of it."""
        if stop.is_set():
            raise _Dropped
        try:
            return self._write(result, source, batch)
        except BaseException:
            stop.set()
            raise

    def _extract(self, path: Path, source: SourceDocument, seen: dict[str, Path],
                 reader: Executor) -> DocumentResult | tuple[DocumentResult, SourceDocument,
                                                             GraphBatch]:
        """What ``source`` holds, with the result to complete once it is written; or the
        final result when there is nothing to write (unchanged, or an error)."""
        try:
            if source.id in seen:
                raise InputError(f"{path}: document id {source.id!r} is already used by "
                                 f"{seen[source.id]} in this run; rename one of them")
            seen[source.id] = path
            origins = reader.submit(self.store.document_origins, [source.id]).result()
            stored = origins.get(source.id)
            result = DocumentResult(path=path, document=source.id, status="added",
                                    words=len(source.text.split()))
            if stored is not None and stored.hash == source.content_hash:
                result.status = "unchanged"  # nothing to extract: the graph has it
                return result
            if stored is not None:
                self._check_replaceable(path, source, stored)
                result.status = "replaced"
            if is_chinese(source.text):
                batch = self._chinese_batch(source)
                result.words = len(source.text)  # characters: Chinese has no spaces
                result.note = f"{path}: {ZH_NOTE}"
            else:
                batch = self.extractor.run(source)
            if source.pages:
                batch = with_pages(batch, source.pages)
            return result, source, batch
        except (InputError, ValidationError) as exc:
            return _error(path, exc)

    def _write(self, result: DocumentResult, source: SourceDocument,
               batch: GraphBatch) -> DocumentResult:
        # The judgements read the store, so they apply here, in the order of the writes.
        try:
            batch = self._settled(batch)
            if self.prepare is not None:
                batch = self.prepare(batch)
            result.entities = len(batch.entities)
            result.discovered = sum(e.discovered for e in batch.entities)
            result.relations = len(batch.relations)
            self._commit(source, batch)
            return result
        # (a StoreError is not the file's fault: it goes on and stops the run)
        except (InputError, ValidationError) as exc:
            return _error(result.path, exc)

    def _settled(self, batch: GraphBatch) -> GraphBatch:
        """``batch`` with each name it discovered given the kind the store already holds
        for it ("Lumen" a company in one article, an exchange in the next: a node keeps the
        kind it was made with), and without the relations the schema refuses for that kind.
        Without this the whole document would be refused. A person where the store holds
        another kind takes a node apart (``kind_apart``)."""
        discovered = [e.id for e in batch.entities if e.discovered]
        # a person the run kept apart ("x-person") whom the store already holds as a person
        # under the plain id is that node
        plain = {e.id: e.id.removesuffix(APART) for e in batch.entities
                 if e.discovered and e.id.endswith(APART)}
        stored = self.store.kinds_of(discovered + sorted(plain.values())) if discovered else {}
        back = {i: base for i, base in plain.items() if stored.get(base) == "Person"}
        if back:
            batch = _renamed(batch, back)
        schema = self.extractor.schema
        # a person the store holds as another kind, with a role only a person can hold
        relations = [(r.source, r.type, r.target) for r in batch.relations]
        kinds = {e.id: e.kind for e in batch.entities}
        apart = {e.id: other for e in batch.entities if e.id in stored
                 and (other := kind_apart(e.id, stored[e.id], e.kind)) is not None
                 and refused_as(relations, kinds, e.id, stored[e.id], schema)}
        if apart:
            batch = _renamed(batch, apart)
            stored = {**stored, **self.store.kinds_of(sorted(apart.values()))}
        changed = {e.id: stored[e.id] for e in batch.entities
                   if e.id in stored and stored[e.id] != e.kind}
        if not changed:
            return batch
        entities = [e.model_copy(update={"kind": changed[e.id]}) if e.id in changed else e
                    for e in batch.entities]
        kinds = {e.id: e.kind for e in entities}
        relations = [r for r in batch.relations if r.source not in kinds or r.target not in kinds
                     or schema.allows(r.type, kinds[r.source], kinds[r.target])]
        return batch.model_copy(update={"entities": entities, "relations": relations})

    def _commit(self, source: SourceDocument, batch: GraphBatch) -> None:
        # Earlier claims are withdrawn inside the write's own transaction even when none
        # were seen: a concurrent run may have written another version since.
        self.store.write(batch, retract=[source.id])

    def _chinese_batch(self, source: SourceDocument) -> GraphBatch:
        """A Chinese document: its node, stored with its language, and the known entities
        it names (the English pipeline would misread it)."""
        if self._chinese is None:
            self._chinese = ChineseMentions(self._registry)
        found = self._chinese.find(source.text)
        named = {entity_id for entity_id, _, _ in found}
        document = source.as_document().model_copy(update={"language": "zh"})
        evidence = [Evidence(document=source.id, published=source.published, rule="zh-name")]
        return GraphBatch(documents=[document],
                          entities=[e.model_copy(update={"evidence": evidence})
                                    for e in self._registry if e.id in named],
                          mentions=[(source.id, entity_id) for entity_id in sorted(named)])

    def _check_replaceable(self, path: Path, source: SourceDocument,
                           stored: StoredDocument) -> None:
        """Refuse to replace a stored document read from another file unless ``replace``
        says so, and a registry citation always. (By path, not URL: an edit may change a
        file's URL, and two files may cite one article.)"""
        taken = f"{path}: document id {source.id!r} is already taken by"
        if stored.hash is None:  # only registry citations have no content
            raise InputError(f"{taken} a registry citation; give this file another name or "
                             "'id:'")
        same_file = bool(stored.path) and os.path.realpath(stored.path) == source.origin
        if not (same_file or self.replace):
            other = stored.path or stored.url or "a document with no file"
            raise InputError(f"{taken} {other}, a different document; rename this file or "
                             "give it another 'id:', or pass --replace to replace that one "
                             "with it")


def _renamed(batch: GraphBatch, ids: dict[str, str]) -> GraphBatch:
    """``batch`` with the entities of ``ids`` under their new ids, in its relations and
    mentions too."""
    def new(entity_id: str) -> str:
        return ids.get(entity_id, entity_id)
    return batch.model_copy(update={
        "entities": [e.model_copy(update={"id": new(e.id)}) for e in batch.entities],
        "relations": [r.model_copy(update={"source": new(r.source), "target": new(r.target)})
                      for r in batch.relations],
        "mentions": sorted({(d, new(e)) for d, e in batch.mentions})})


def _error(path: Path, exc: InputError | ValidationError) -> DocumentResult:
    """The result of a document that could not be ingested: an input error names its file
    already, a validation error (an entity stored with another kind) is prefixed with it."""
    error = str(exc) if isinstance(exc, InputError) else f"{path}: {exc}"
    return DocumentResult(path=path, document=None, status="error", error=error)


def _done(result: DocumentResult) -> Future[DocumentResult]:
    """A result known now, queued behind the writes before it so results keep their order."""
    future: Future[DocumentResult] = Future()
    future.set_result(result)
    return future


class _Dropped(Exception):
    """A write not begun when the run stopped."""


class _InterruptFlag:
    """Ctrl-C, remembered: Python drops a KeyboardInterrupt raised while a finaliser runs
    (the driver's ``__del__``) and prints that it did, so there it is not raised, and the
    run stops at its next document once it was pressed. Only the main thread can take the
    signal; elsewhere, or where Ctrl-C is ignored, this does nothing."""

    def __init__(self) -> None:
        self.pressed = False
        # (a process told to ignore Ctrl-C, as under nohup, keeps ignoring it)
        self.installed = threading.current_thread() is threading.main_thread() and \
            signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
        self.previous = signal.signal(signal.SIGINT, self._on_sigint) \
            if self.installed else None

    def _on_sigint(self, signum: int, frame: FrameType | None) -> None:
        self.pressed = True
        if not _in_finaliser(frame):  # (there Python would drop it, and print that it did)
            raise KeyboardInterrupt

    def check(self) -> None:
        if self.pressed:
            raise KeyboardInterrupt

    def restore(self) -> None:
        if self.installed:
            signal.signal(signal.SIGINT, self.previous if self.previous is not None
                          else signal.default_int_handler)
            self.installed = False


def _in_finaliser(frame: FrameType | None) -> bool:
    """Whether ``frame`` runs inside an object's ``__del__``."""
    while frame is not None:
        if frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return False


def _next(waiting: deque[Future[DocumentResult]]) -> DocumentResult:
    """The first result, once its write is done; it stays queued if the write failed, so
    that what comes after it is not reported."""
    result = waiting[0].result()
    waiting.popleft()
    return result


def _committed(waiting: deque[Future[DocumentResult]]) -> Iterator[DocumentResult]:
    """The results of ``waiting`` up to the first write that failed or was dropped (waiting
    for the one under way)."""
    for future in waiting:
        if future.cancelled() or future.exception() is not None:
            return
        yield future.result()
