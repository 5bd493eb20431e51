"""Ingest extracts the next document while one thread writes the previous one, and the
model's NER runs only on windows around unknown capitalised words: what must not change.

Results and commits keep the documents' order, each result is reported once, after its
commit; the judgements read what the documents before wrote; an error of the store or an
interrupt stops the writes (the one under way finishes whole and is reported); a caller that
stops early leaves no thread writing. The windows never overlap, give what a fresh copy of
each window gives, and skip what a long text leaves unparsed. All against the real embedded
store; the sentences are our own."""

from __future__ import annotations

import itertools
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.data import REGISTRY_DIR
from hkweb3.errors import StoreUnavailable
from hkweb3.graph.models import Entity, GraphBatch
from hkweb3.loaders import extract
from hkweb3.loaders.dry_run import DryRun
from hkweb3.loaders.ingest import Ingester
from hkweb3.loaders.judgements import Judgement, Judgements, prepare_batch
from hkweb3.loaders.ner_windows import may_name, name_windows
from hkweb3.loaders.pipeline import load_pipeline
from hkweb3.loaders.readers import SourceDocument, read_documents
from hkweb3.loaders.registry import read_registry
from tests.reliability_support import (
    cli_environment,
    error_lines,
    hkweb3,
    wait_for_commits,
)

REGISTRY = read_registry(REGISTRY_DIR).entities


def note(i: int) -> str:
    """A short document of our own: a registry bank serving a registry platform."""
    bank = ["ZA Bank", "Mox Bank", "WeLab Bank"][i % 3]
    return (f"---\ntitle: Desk note {i}\npublished: 2025-02-{1 + i % 27:02d}\n---\n"
            f"{bank} opened settlement accounts for OSL, according to desk note {i}.\n")


def notes(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"note-{i:02d}.md"
        path.write_text(note(i))
        paths.append(path)
    return paths


FEED = """<?xml version='1.0' encoding='utf-8'?>
<rss version='2.0'><channel><title>Harbour Ledger</title>
<item><guid isPermaLink='false'>hl-1</guid><title>First item</title>
<description>Mox Bank began to hold client money for HashKey Exchange.</description></item>
<item><guid isPermaLink='false'>hl-2</guid><title>Second item</title>
<description>WeLab Bank said it would offer accounts to OSL next quarter.</description></item>
<item><guid isPermaLink='false'>hl-3</guid><title>Third item</title>
<description>ZA Bank added HashKey Exchange to the platforms it banks.</description></item>
</channel></rss>
"""

CHINESE = "---\ntitle: 通告\n---\n眾安銀行今日表示，該行已為持牌虛擬資產交易平台開設戶口。\n"


def stored_ids(store, ids) -> list[str]:
    return sorted(store.document_hashes(list(ids)))


def store_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(("hkweb3-write", "hkweb3-read"))]


class Recording(Ingester):
    """An Ingester that notes each commit (document, thread) and each English extraction."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.commits: list[tuple[str, str]] = []
        self.english: list[str] = []
        run = self.extractor.run

        def english(source: SourceDocument) -> GraphBatch:
            self.english.append(source.id)
            return run(source)

        self.extractor.run = english

    def _commit(self, source: SourceDocument, batch: GraphBatch) -> None:
        super()._commit(source, batch)
        self.commits.append((source.id, threading.current_thread().name))


# -- order, progress, feeds ---------------------------------------------------------------


def test_results_come_once_each_in_order_and_after_their_commit(store, tmp_path):
    folder = tmp_path / "docs"
    first, second, third = notes(folder, 3)
    feed = folder / "harbour-ledger.xml"
    feed.write_text(FEED)
    empty = folder / "empty.md"
    empty.write_text("")
    chinese = folder / "zh-notice.md"
    chinese.write_text(CHINESE)
    feed_ids = [s.id for s in read_documents(feed)]
    assert len(feed_ids) == 3
    Recording(store, REGISTRY).run([third]).__next__()  # stored before: unchanged below

    ingester = Recording(store, REGISTRY)
    files = [first, feed, empty, chinese, second, third]
    results = []
    for result in ingester.run(files):
        committed = [doc for doc, _ in ingester.commits]
        if result.status == "added":  # written, and in the store, by the time it is seen
            assert result.document in committed
            assert stored_ids(store, [result.document]) == [result.document]
        results.append(result)

    assert [(r.path.name, r.document, r.status) for r in results] == [
        ("note-00.md", "note-00", "added"),
        *(("harbour-ledger.xml", doc, "added") for doc in feed_ids),
        ("empty.md", None, "error"),
        ("zh-notice.md", "zh-notice", "added"),
        ("note-01.md", "note-01", "added"),
        ("note-02.md", "note-02", "unchanged"),
    ]
    assert results[5].note and "entities only" in results[5].note
    # committed in the documents' order, by the writer thread, never by this one
    assert [doc for doc, _ in ingester.commits] == ["note-00", *feed_ids, "zh-notice",
                                                   "note-01"]
    assert {name.startswith("hkweb3-write") for _, name in ingester.commits} == {True}
    # the Chinese text never reached the English pipeline, nor did the unchanged one
    assert ingester.english == ["note-00", *feed_ids, "note-01"]
    assert store_threads() == []


def test_the_progress_callback_sees_each_document_once_after_its_commit(store, config,
                                                                        tmp_path):
    files = notes(tmp_path / "docs", 5)
    seen: list[tuple[str, list[str]]] = []

    def progress(result) -> None:  # in the caller's thread, never the writer's
        assert threading.current_thread() is threading.main_thread()
        seen.append((result.document, stored_ids(store, [result.document])))

    results = api.ingest(files, config, progress=progress)
    ids = [f"note-{i:02d}" for i in range(5)]
    assert [r.document for r in results] == ids
    assert seen == [(doc, [doc]) for doc in ids]


# -- judgements read what the documents before wrote -------------------------------------


def test_each_document_is_judged_after_the_one_before_is_committed(store, tmp_path):
    files = notes(tmp_path / "docs", 6)
    ids = [f.stem for f in files]
    before: dict[str, list[str]] = {}

    def prepare(batch: GraphBatch) -> GraphBatch:
        before[batch.documents[0].id] = stored_ids(store, ids)
        return batch

    results = list(Ingester(store, REGISTRY, prepare=prepare).run(files))
    assert [r.status for r in results] == ["added"] * 6
    assert before == {doc: ids[:i] for i, doc in enumerate(ids)}


def test_a_merge_judgement_finds_the_kept_entity_the_document_before_wrote(store, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a-first.md").write_text(
        "---\ntitle: One\n---\nQuarry Lane Bank provides custody services to OSL.\n")
    (folder / "b-second.md").write_text(
        "---\ntitle: Two\n---\nQuarrylane Bank provides custody services to HashKey "
        "Exchange.\n")
    judged = Judgements([Judgement("same", ("quarry-lane-bank", "quarrylane-bank"))])
    ingester = Ingester(store, REGISTRY,
                        prepare=lambda batch: prepare_batch(judged, store, batch))
    results = list(ingester.run(ingester.files([folder])))
    assert [r.status for r in results] == ["added", "added"], [r.error for r in results]
    rows = store.read("MATCH (e:Entity) WHERE e.id IN ['quarry-lane-bank', 'quarrylane-bank'] "
                      "RETURN e.id AS id, e.name AS name, e.aliases AS aliases").rows
    # one node, named as the first document named it (read back from the store when the
    # second, naming only the merged one, was judged)
    assert [(r["id"], r["name"]) for r in rows] == [("quarry-lane-bank", "Quarry Lane Bank")]
    assert "Quarrylane Bank" in rows[0]["aliases"]


# -- errors, interrupts, early stops -----------------------------------------------------


class StoreGoesAway(Ingester):
    """The store refuses the third document's write once the fourth is queued behind it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fifth = threading.Event()

    def _extract(self, path, source, seen, reader):
        if source.id == "note-04":  # the fourth is queued for the writer by now
            self.fifth.set()
        return super()._extract(path, source, seen, reader)

    def _commit(self, source, batch):
        if source.id == "note-02":
            assert self.fifth.wait(120)
            raise StoreUnavailable("cannot reach the store at bolt://127.0.0.1:1 (gone)")
        super()._commit(source, batch)


def test_a_store_error_in_the_writer_stops_the_writes_after_it(store, tmp_path):
    files = notes(tmp_path / "docs", 6)
    reported = []
    with pytest.raises(StoreUnavailable, match="cannot reach the store"):
        reported.extend(r.document for r in StoreGoesAway(store, REGISTRY).run(files))
    assert reported == ["note-00", "note-01"]
    # the fourth, queued behind the failed write, was not written after it
    assert stored_ids(store, [f.stem for f in files]) == ["note-00", "note-01"]
    assert store_threads() == []


def test_the_cli_reports_only_what_was_committed_then_one_line_and_exit_3(
        store, cli_env, tmp_path, monkeypatch):
    files = notes(tmp_path / "docs", 6)
    fifth = threading.Event()
    extract_one, commit = Ingester._extract, Ingester._commit

    def extract_noting(self, path, source, seen, reader):
        if source.id == "note-04":
            fifth.set()
        return extract_one(self, path, source, seen, reader)

    def commit_failing(self, source, batch):
        if source.id == "note-02":
            assert fifth.wait(120)
            raise StoreUnavailable("cannot reach the store at bolt://127.0.0.1:1 (gone)")
        commit(self, source, batch)

    monkeypatch.setattr(Ingester, "_extract", extract_noting)
    monkeypatch.setattr(Ingester, "_commit", commit_failing)
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "docs"), "--format", "json"],
                                env=cli_env)
    assert result.exit_code == 3, result.output
    assert [(r["document"], r["status"]) for r in json.loads(result.stdout)] == [
        ("note-00", "added"), ("note-01", "added")]
    assert error_lines(result.stderr) == [
        "Error: cannot reach the store at bolt://127.0.0.1:1 (gone)"]
    assert stored_ids(store, [f.stem for f in files]) == ["note-00", "note-01"]


def test_a_validation_error_in_the_writer_is_that_documents_error_row(store, tmp_path):
    folder = tmp_path / "docs"
    files = notes(folder, 3)
    # A person in the store under a registry id the second document names: a kind clash
    # (a discovered name would take the stored kind; a registry entity keeps its own).
    store.write(GraphBatch(entities=[Entity(id="hashkey-exchange", name="Hashkey",
                                            kind="Person")]))
    files[1].write_text("---\ntitle: Clash\n---\nTolland Reach Bank provides custody "
                        "services to HashKey Exchange.\n")
    results = list(Ingester(store, REGISTRY).run(files))
    assert [(r.document, r.status) for r in results] == [
        ("note-00", "added"), (None, "error"), ("note-02", "added")]
    assert results[1].error.startswith(f"{files[1]}: ") and "'hashkey-exchange'" in \
        results[1].error
    assert stored_ids(store, [f.stem for f in files]) == ["note-00", "note-02"]


class Interrupted(Ingester):
    """Ctrl-C while the third document is being written and the fourth extracted."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.writing = threading.Event()

    def _commit(self, source, batch):
        if source.id == "note-02":
            self.writing.set()
            time.sleep(0.5)  # still writing when the interrupt comes
        super()._commit(source, batch)

    def _extract(self, path, source, seen, reader):
        if source.id == "note-03":
            assert self.writing.wait(120)
            raise KeyboardInterrupt
        return super()._extract(path, source, seen, reader)


def test_an_interrupt_lets_the_write_under_way_finish_and_reports_it(store, tmp_path):
    files = notes(tmp_path / "docs", 6)
    ingester = Interrupted(store, REGISTRY)
    reported = []
    with pytest.raises(KeyboardInterrupt):
        reported.extend(ingester.run(files))
    assert store_threads() == []  # nothing is still writing once the interrupt is out
    stored = stored_ids(store, [f.stem for f in files])
    assert stored == ["note-00", "note-01", "note-02"]
    # every committed document is reported, the one written during the interrupt too
    assert [r.document for r in reported] == stored
    # and it is whole: its mentions and the fact it states are there
    facts = store.read("MATCH (:Entity)-[r]->(:Entity {id: 'osl'}) "
                       "WHERE 'note-02' IN r.sources RETURN count(r) AS n").rows
    mentions = store.read("MATCH (d:Document {id: 'note-02'})-[]->(e:Entity) "
                          "RETURN count(e) AS n").rows
    assert facts[0]["n"] == 1 and mentions[0]["n"] == reported[2].entities


def test_ctrl_c_in_the_cli_reports_what_it_committed_and_exits_as_before(store, home,
                                                                         tmp_path):
    """A real SIGINT to ``hkweb3 ingest`` midway: click's "Aborted!", exit 1, the report of
    what was committed (in order) on stdout, and every committed document whole."""
    files = notes(tmp_path / "docs", 150)
    ids = [f.stem for f in files]
    process = hkweb3("ingest", str(tmp_path / "docs"), "--format", "json",
                     env=cli_environment(HKWEB3_HOME=home.path))
    info = home.running()
    try:
        wait_for_commits(info.uri, home.password(), 3, seconds=180)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
    except BaseException:
        process.kill()  # a run that will not stop fails the test, and is not left behind
        raise
    assert process.returncode == 1, err
    assert error_lines(err) == ["Aborted!"], err
    reported = [row["document"] for row in json.loads(out)]
    stored = stored_ids(store, ids)
    assert len(reported) >= 3 and len(stored) < len(ids)
    order = sorted(ids)  # a folder is read in the order of its names
    assert reported == order[:len(reported)] and set(reported) <= set(stored)
    # at most the one write under way, if the interrupt came while results were printed
    assert set(stored) - set(reported) <= {order[len(reported)]}
    facts = store.read("MATCH (:Entity)-[r]->(:Entity {id: 'osl'}) UNWIND r.sources AS doc "
                       "RETURN DISTINCT doc").rows
    assert set(stored) <= {row["doc"] for row in facts}


def test_a_caller_that_stops_early_leaves_at_most_the_write_under_way(store, tmp_path):
    files = notes(tmp_path / "docs", 8)
    ids = [f.stem for f in files]
    results = Ingester(store, REGISTRY).run(files)
    reported = [next(results).document for _ in range(2)]
    results.close()
    assert store_threads() == []  # close() returns once the writer is done
    stored = stored_ids(store, ids)
    assert reported == ids[:2]
    # what was not reported is at most the one document after them, written whole
    assert stored in (ids[:2], ids[:3])


# -- duplicate ids, replaced documents, dry runs ------------------------------------------


def test_a_second_file_with_an_id_used_in_this_run_is_refused_and_the_first_kept(
        store, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    (first,) = notes(one, 1)
    other = two / "note-00.md"
    two.mkdir()
    other.write_text("---\ntitle: Another\n---\nMox Bank provides custody services to OSL.\n")
    results = list(Ingester(store, REGISTRY).run([first, other, *notes(one / "more", 2)[1:]]))
    assert [(r.document, r.status) for r in results] == [
        ("note-00", "added"), (None, "error"), ("note-01", "added")]
    assert results[1].error == (f"{other}: document id 'note-00' is already used by {first} "
                                "in this run; rename one of them")
    origin = store.document_origins(["note-00"])["note-00"]
    assert Path(origin.path).resolve() == first.resolve()


def test_a_file_named_twice_is_read_once(store, config, tmp_path):
    folder = tmp_path / "docs"
    files = notes(folder, 2)
    results = api.ingest([folder, files[1], Path(f"{folder}/./note-00.md")], config)
    assert [(r.path, r.document, r.status) for r in results] == [
        (files[0], "note-00", "added"), (files[1], "note-01", "added")]


def test_a_changed_document_replaces_its_claims_while_the_next_is_extracted(store,
                                                                           tmp_path):
    files = notes(tmp_path / "docs", 4)
    assert {r.status for r in Ingester(store, REGISTRY).run(files)} == {"added"}
    files[1].write_text("---\ntitle: Desk note 1, corrected\n---\n"
                        "Mox Bank provides custody services to HashKey Exchange.\n")
    results = list(Ingester(store, REGISTRY).run(files))
    assert [(r.document, r.status) for r in results] == [
        ("note-00", "unchanged"), ("note-01", "replaced"), ("note-02", "unchanged"),
        ("note-03", "unchanged")]
    sources = store.read("MATCH (a:Entity)-[r]->(b:Entity) WHERE 'note-01' IN r.sources "
                         "RETURN a.id AS a, b.id AS b").rows
    assert [(r["a"], r["b"]) for r in sources] == [("mox-bank", "hashkey-exchange")]


def test_a_dry_run_goes_through_the_same_run_and_writes_nothing(store, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: A\n---\nOrchid Quay Bank provides custody "
                                 "services to OSL.\n")
    (folder / "b.md").write_text("---\ntitle: B\n---\nOrchid Quay Bank provides custody "
                                 "services to HashKey Exchange.\n")
    (folder / "c.md").write_text("")
    dry = DryRun(store, REGISTRY, Judgements())
    assert type(dry).run is not Ingester.run  # it collects, and defers to Ingester.run
    results = list(dry.run(dry.files([folder])))
    assert [(r.document, r.status) for r in results] == [("a", "added"), ("b", "added"),
                                                         (None, "error")]
    assert dry.preview.results == results
    bank = [(n["document"], n["status"]) for n in dry.preview.nodes
            if n["id"] == "orchid-quay-bank"]
    # the second document sees the bank the first would add, in order
    assert bank == [("a", "new"), ("b", "known")]
    assert stored_ids(store, ["a", "b"]) == []


# -- the windowed NER -----------------------------------------------------------------------


NAMES_TEXT = ("Analysts at Corvane Research said Ilse Brandt would join Teal Harbour Capital "
              "in March. The move, first reported by Lantern Daily, left Pemberton Kwok "
              "in charge of the Kowloon office. Nobody at the firm would comment on it. "
              "OSL and ZA Bank declined to say whether Quinta Mercer had met them.")


def test_windows_on_one_shared_array_find_what_fresh_copies_find():
    nlp = load_pipeline(REGISTRY)
    windowed = nlp.get_pipe("hkweb3_ner")
    with nlp.select_pipes(disable=["hkweb3_ner", "hkweb3_names", "hkweb3_references",
                                   "hkweb3_relations"]):
        doc = nlp(NAMES_TEXT)
    known = {i for s in doc.spans["registry"] if s.label_ != "Place"
             for i in range(s.start, s.end)}
    windows = list(name_windows(doc, known, windowed.margin, parsed=True))
    assert len(windows) >= 3
    # heads outside a window are rewired in the shared array: each window's own rows only
    assert any(not a <= t.head.i < b for a, b in windows for t in doc[a:b])
    fresh = [(a + e.start, a + e.end, e.label_)
             for (a, b) in windows for e in windowed.ner(doc[a:b].as_doc()).ents]
    shared = [(e.start, e.end, e.label_) for e in windowed(doc).ents]
    assert shared == fresh
    assert ("Ilse Brandt", "PERSON") in [(e.text, e.label_) for e in doc.ents]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.booleans(), st.booleans()), min_size=0,
                max_size=40),
       st.integers(min_value=0, max_value=5))
def test_windows_are_ordered_apart_inside_sentences_and_cover_every_candidate(words, margin):
    """(capitalised, starts a sentence, known) per word: any mix of them."""
    nlp = spacy.blank("en")
    doc = nlp.make_doc(" ".join("Word" if upper else "word" for upper, _, _ in words))
    for token, (_, start, _) in zip(doc, words, strict=True):
        token.is_sent_start = token.i == 0 or start
    known = {i for i, (_, _, k) in enumerate(words) if k}
    windows = list(name_windows(doc, known, margin))
    for a, b in windows:
        assert a < b and doc[a].sent == doc[b - 1].sent
        assert any(i not in known and may_name(doc[i]) for i in range(a, b))
    for (_, b1), (a2, _) in itertools.pairwise(windows):
        assert b1 < a2 or (b1 == a2 and doc[a2].is_sent_start)  # touching ones are merged
    covered = {i for a, b in windows for i in range(a, b)}
    assert {t.i for t in doc if t.i not in known and may_name(t)} <= covered


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "no names here at all.",
                                  "眾安銀行今日表示。", "ALL CAPS HEADLINE WITH NO VERB"])
def test_texts_with_no_window_or_no_sentence_pass_through(text):
    doc = load_pipeline(REGISTRY)(text)
    assert all(t.ent_iob_ in {"O", "B", "I"} for t in doc)  # every token decided
    if not any(t.is_upper or t.is_title for t in doc):
        assert list(doc.ents) == []


def test_a_long_texts_unparsed_run_gets_no_window_and_its_prose_still_does(monkeypatch):
    """A long text is parsed in pieces; a "sentence" too long to parse (a flattened table)
    is left to the rules, by the whole-text NER and by the windows alike (a window there
    would be as long as the table, and the NER's memory grows with it)."""
    monkeypatch.setattr(extract, "LONG_TEXT", 400)
    monkeypatch.setattr(extract, "LONG_SENTENCE", 30)
    table = " | ".join(f"{a} {b}" for a, b in itertools.product(
        ["Arden", "Bexley", "Calder", "Dunmore"], ["Holdings", "Partners", "Trust"]))
    prose = ("Corvane Research said Ilse Brandt would join Teal Harbour Capital in March. "
             "Nobody at the firm would comment on the move.\n\n")
    text = prose + "Register extract " + table + "\n\n" + prose
    table_chars = range(text.index("Register extract"), text.index(table) + len(table))
    extractor = extract.Extractor(REGISTRY)
    ner = extractor.nlp.get_pipe("hkweb3_ner")
    call = type(ner).__call__
    seen: dict[str, list] = {}

    def noting(self, doc):
        known = {i for s in doc.spans["registry"] if s.label_ != "Place"
                 for i in range(s.start, s.end)}
        seen["windows"] = [doc[a:b] for a, b in name_windows(doc, known, self.margin,
                                                              self.parsed)]
        doc = call(self, doc)
        seen["ents"] = [(e.text, e.label_) for e in doc.ents]
        return doc

    monkeypatch.setattr(type(ner), "__call__", noting)
    extractor.run(SourceDocument(id="long", path=None, title="t", text=text))
    windows = seen["windows"]
    assert len(windows) >= 2  # one per copy of the prose at least
    assert not [w.text for w in windows if w.start_char in table_chars]
    assert seen["ents"].count(("Ilse Brandt", "PERSON")) == 2
    assert not [name for name, _ in seen["ents"] if "Arden" in name or "Bexley" in name]


@pytest.mark.parametrize(("mode", "has", "lacks"), [
    ("names", {"hkweb3_ner"}, {"ner"}),
    ("all", {"ner"}, {"hkweb3_ner"}),
    ("off", set(), {"ner", "hkweb3_ner"}),
])
def test_each_ner_mode_builds_its_pipeline_and_finds_the_registry(monkeypatch, mode, has,
                                                                  lacks):
    monkeypatch.setenv("HKWEB3_SPACY_NER", mode)
    nlp = load_pipeline(REGISTRY)
    assert has <= set(nlp.pipe_names) and not lacks & set(nlp.pipe_names)
    doc = nlp("ZA Bank opened accounts for OSL while Ilse Brandt watched.")
    assert {"za-bank", "osl"} <= {s.kb_id_ for s in doc.spans["registry"]}


def test_the_rule_only_pipeline_runs_no_ner_at_all():
    nlp = load_pipeline(REGISTRY, "blank")
    assert not {"ner", "hkweb3_ner"} & set(nlp.pipe_names)
    doc = nlp("ZA Bank opened accounts for OSL while Ilse Brandt watched.")
    assert {"za-bank", "osl"} <= {s.kb_id_ for s in doc.spans["registry"]}


def test_a_ctrl_c_in_a_finaliser_still_stops_the_run_and_prints_nothing():
    """Python would drop a KeyboardInterrupt raised while a ``__del__`` runs (the driver
    has one) and print that it did; the ingest raises none there, remembers the key was
    pressed and stops at its next document."""
    from hkweb3.loaders.ingest import _InterruptFlag

    class Finalised:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGINT)  # handled here, inside the finaliser

    dropped = []
    hook, sys.unraisablehook = sys.unraisablehook, dropped.append
    before = signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal
    try:
        flag = _InterruptFlag()
        try:
            Finalised()  # returns, with nothing raised in it to drop
            assert flag.pressed and dropped == []
            with pytest.raises(KeyboardInterrupt):
                flag.check()
        finally:
            flag.restore()
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, before)
        sys.unraisablehook = hook


def test_an_ignored_ctrl_c_stays_ignored():
    from hkweb3.loaders.ingest import _InterruptFlag

    before = signal.signal(signal.SIGINT, signal.SIG_IGN)  # as under nohup
    try:
        flag = _InterruptFlag()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        flag.restore()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
