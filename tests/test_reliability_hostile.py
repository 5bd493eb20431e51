"""Hostile and malformed input: random and adversarial files through the readers and the
extractor (property-based, without the store, many examples), the same through a real ingest
(fewer examples: all or nothing), Cypher injection through every path that carries user text,
and oversized input (a 50 MB file, a document over spaCy's limit, 10,000 files)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import string
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.data import REGISTRY_DIR
from hkweb3.errors import InputError
from hkweb3.graph.models import SLUG, Entity, Evidence, GraphBatch
from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.ingest import AHEAD, Ingester
from hkweb3.loaders.readers import MAX_BYTES, SourceDocument, find_documents, read_document
from hkweb3.loaders.registry import read_registry
from tests.conftest import clear
from tests.reliability_support import canonical_dump, document_text, write_documents

REGISTRY = read_registry(REGISTRY_DIR).entities
NAMES = sorted({name for e in REGISTRY for name in (e.name, *e.aliases)})
INJECTIONS = [
    "x'}) DETACH DELETE n //", "`Bank`", 'za-bank"}) MATCH (n) DETACH DELETE n //',
    "$id", "{id: 'x'}", "') RETURN 1 UNION MATCH (n) DETACH DELETE n //",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;&lt;", "]]>",
    "\\u0027", "\x00\x1b[31m", "\u202eevil", "Robert'); DROP TABLE documents;--",
]
WORDS = ["香港金融管理局", "銀行", "Ünïcödé", "🙂", "Привет", "مرحبا", "\t", "  ", "\n", "\r\n",
         "---", "#", "**bold**", "[link](http://x)", ":", "- item", "&", "'", '"', "\\"]
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# CI tries the same examples every run, so a failure there repeats; elsewhere each run
# explores new ones.
PROPERTY = settings(database=None, deadline=None, print_blob=True,
                    derandomize=bool(os.environ.get("CI")))


# -- strategies ----------------------------------------------------------------------------


def sentences() -> st.SearchStrategy[str]:
    """Sentences the extractor turns into relations, with hostile names mixed in."""
    name = st.sampled_from(NAMES + INJECTIONS + ["Harbour Crest Bank", "Mara Quill"])
    return st.one_of(
        st.builds("{} provides settlement accounts to {}.".format, name, name),
        st.builds("Its chief executive {} said the bank is regulated by the {}.".format,
                  name, name),
        st.builds("{}, a subsidiary of {}, is licensed by the {}.".format, name, name, name),
    )


def texts() -> st.SearchStrategy[str]:
    piece = st.one_of(
        sentences(), st.sampled_from(NAMES + INJECTIONS + WORDS), st.text(max_size=40),
        st.text(st.characters(max_codepoint=0x1F), max_size=8),  # control characters
        st.builds(lambda unit, n: unit * n, st.sampled_from(["A", "ZA Bank ", "x'}) ", "é"]),
                  st.integers(1, 20_000)),  # huge lines
    )
    return st.lists(piece, max_size=25).map(" ".join)


def values() -> st.SearchStrategy[object]:
    scalar = st.one_of(st.sampled_from(INJECTIONS + WORDS), st.text(max_size=30),
                       st.integers(), st.booleans(), st.none(), st.dates(),
                       st.sampled_from(["2024-13-45", "yesterday", "2023-04-12", ""]))
    return st.one_of(scalar, st.lists(scalar, max_size=3),
                     st.dictionaries(st.text(max_size=5), scalar, max_size=2))


def front_matter() -> st.SearchStrategy[str]:
    keys = st.sampled_from(["title", "outlet", "url", "published", "date", "id", "author"])
    valid = st.dictionaries(keys, values(), max_size=6).map(
        lambda d: yaml.safe_dump(d, allow_unicode=True))
    return st.one_of(valid, st.text(max_size=80))  # the second is mostly not YAML


@dataclass(frozen=True)
class File:
    name: str
    data: bytes


@st.composite
def files(draw) -> File:
    """A file as a user might give one: any supported (or unsupported) type, any encoding,
    front matter or not, hostile names and text."""
    suffix = draw(st.sampled_from([".md", ".txt", ".html", ".json", ".yaml", ".markdown",
                                   ".htm", ".yml", ".png", ""]))
    stem = draw(st.text(string.ascii_letters + string.digits + "'`{}()$;<>&é銀 -_.",
                        min_size=1, max_size=40).filter(lambda s: s not in {".", ".."}))
    body = draw(texts())
    if suffix in {".json", ".yaml", ".yml"} and draw(st.booleans()):
        record = draw(st.dictionaries(st.sampled_from(["title", "published", "id", "outlet"]),
                                      values(), max_size=4))
        record[draw(st.sampled_from(["text", "body", "content", "other"]))] = body
        text = (json.dumps(record, default=str) if suffix == ".json"
                else yaml.safe_dump(record, allow_unicode=True))
    elif suffix in {".html", ".htm"}:
        title, date = draw(st.sampled_from(INJECTIONS + WORDS)), draw(values())
        text = (f"<html><head><title>{title}</title><meta name='date' content='{date}'>"
                f"<script>{body}</script></head><body><nav>{title}</nav><p>{body}</p>"
                f"<p a='{draw(st.sampled_from(INJECTIONS))}'>{draw(texts())}</body>")
    elif draw(st.booleans()):
        text = f"---\n{draw(front_matter())}\n---\n{body}"
    else:
        text = body
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252",
                                     "raw"]))
    data = draw(st.binary(max_size=300)) if encoding == "raw" else \
        text.encode(encoding, errors="replace")
    return File(stem + suffix, data)


def names_the_file(message: str, path: Path) -> bool:
    """``FILE[:LINE]: what is wrong``, on one line."""
    return bool(re.match(re.escape(str(path)) + r"(:\d+)?: \S", message)) and "\n" not in message


def evidence_json(evidence: dict) -> str:
    return Evidence.model_validate(evidence).encode()


# -- readers and extractor, without the store ------------------------------------------------


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(REGISTRY)


@settings(PROPERTY, max_examples=200)
@given(case=files())
def test_readers_return_a_clean_document_or_a_one_line_input_error(case):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / case.name
        path.write_bytes(case.data)
        try:
            doc = read_document(path)
        except InputError as exc:  # the documented error, naming the file, on one line
            assert names_the_file(str(exc), path)
            return
    assert SLUG.match(doc.id)
    assert doc.text and doc.text == doc.text.strip() and not CONTROL.search(doc.text)
    assert doc.title and "\n" not in doc.title and len(doc.title) <= 300
    assert doc.published is None or isinstance(doc.published, dt.date)
    doc.as_document()  # a valid Document model


@settings(PROPERTY, max_examples=150)
@given(text=texts())
def test_the_extractor_gives_a_checked_batch_whose_evidence_quotes_the_text(extractor, text):
    if not text.strip():
        return
    batch = extractor.run(SourceDocument(id="doc", path=Path("doc.md"), title="t", text=text))
    batch.check()  # every edge's ends exist and fit the schema
    for entity in batch.entities:
        assert SLUG.match(entity.id) and entity.name.strip()
        for evidence in entity.evidence:
            assert 0 <= evidence.start <= evidence.end <= len(text)
    for relation in batch.relations:
        for evidence in relation.evidence:
            assert evidence.sentence == text[evidence.start:evidence.end].strip()


# -- through the real store: all or nothing --------------------------------------------------


@settings(PROPERTY, max_examples=20,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=files())
def test_ingesting_hostile_files_writes_each_whole_or_not_at_all(store, config, case):
    clear(store)  # each example on its own, so a failure replays the same way
    ingester = Ingester(store, REGISTRY)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / case.name
        path.write_bytes(case.data)
        before = canonical_dump(config)
        (result,) = ingester.run([path])
        after = canonical_dump(config)
        if result.status == "error":
            assert names_the_file(result.error, path)
            assert after == before  # nothing half-written
            return
        source = read_document(path)
    (document,) = [d for d in after["documents"] if d["id"] == source.id]
    assert document["title"] == source.title  # stored verbatim, whatever it holds
    expected = {(r.source, r.type, r.target, e.encode())
                for r in ingester.extractor.run(source).relations for e in r.evidence}
    found = {(e["source"], e["type"], e["target"], evidence_json(ev))
             for e in after["edges"] for ev in e["evidence"] if ev["document"] == source.id}
    assert found == expected  # every claim of the document, and only those
    if result.status == "added":  # (a replaced version may take discovered entities along)
        assert {n["id"] for n in before["nodes"]} <= {n["id"] for n in after["nodes"]}


def test_a_document_failing_inside_its_transaction_leaves_nothing(store, config, tmp_path):
    """The store refuses the document mid-transaction (an entity it names exists with another
    kind, a registry entity, which keeps its kind): its Document node, already merged in that
    transaction, is rolled back with the rest, and the next file still loads."""
    store.write(GraphBatch(entities=[Entity(id="hkex", name="HKEX", kind="Bank")]))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("ZA Bank provides settlement accounts to HKEX.\n")
    (docs / "b.md").write_text(document_text(7))
    before = canonical_dump(config)
    results = api.ingest([docs], config)
    assert [(r.document, r.status) for r in results] == [(None, "error"), ("b", "added")]
    assert "'hkex' is already a Bank" in results[0].error
    after = canonical_dump(config)
    assert "a" not in {d["id"] for d in after["documents"]}
    assert not any(ev["document"] == "a" for e in after["edges"] for ev in e["evidence"])
    assert before["nodes"][0] in after["nodes"]


# -- Cypher injection -----------------------------------------------------------------------

HOSTILE_REGISTRY = """\
citations:
  - id: hostile-source
    title: "x'}) DETACH DELETE n //"
    outlet: "<script>alert(1)</script>"
    url: "https://example.org/?q='}) MATCH (n) DETACH DELETE n //"
    published: 2024-01-01
entities:
  - id: hostile-co
    name: "x'}) DETACH DELETE n //"
    kind: Company
    aliases: ["`Bank`) DETACH DELETE n //", "${id}", '" OR 1=1 --']
    description: "MATCH (n) DETACH DELETE n"
    attributes: {website: "javascript:alert(1)"}
    cite: hostile-source
  - id: backtick-bank
    name: "`Bank`"
    kind: Bank
    cite: hostile-source
relations:
  - source: hostile-co
    type: OWNS
    target: backtick-bank
    properties: {share: "100%'}) DETACH DELETE r //"}
    cite: hostile-source
"""


def invoke(env: dict[str, str], *args: str):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_hostile_registry_values_are_stored_verbatim_and_delete_nothing(store, config,
                                                                         cli_env, tmp_path):
    store.write(GraphBatch(entities=[Entity(id="osl", name="OSL", kind="TradingPlatform")]))
    registry = tmp_path / "hostile.yaml"
    registry.write_text(HOSTILE_REGISTRY)
    empty = tmp_path / "no-documents"
    empty.mkdir()
    result = invoke(cli_env, "build", "--registry", str(registry), "--documents", str(empty))
    assert result.exit_code == 0, result.output

    graph = canonical_dump(config)
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert set(nodes) == {"osl", "hostile-co", "backtick-bank"}  # nothing deleted
    assert nodes["hostile-co"]["name"] == "x'}) DETACH DELETE n //"
    assert nodes["hostile-co"]["aliases"] == sorted(
        ["`Bank`) DETACH DELETE n //", "${id}", '" OR 1=1 --'])
    assert nodes["hostile-co"]["properties"]["description"] == "MATCH (n) DETACH DELETE n"
    assert nodes["backtick-bank"]["name"] == "`Bank`"
    assert nodes["backtick-bank"]["labels"] == ["Bank", "Organization", "Entity"]
    (edge,) = graph["edges"]
    assert edge["properties"]["share"] == "100%'}) DETACH DELETE r //"
    (citation,) = graph["documents"]
    assert citation["title"] == "x'}) DETACH DELETE n //"

    # Entity names given to named queries resolve as plain text, by name or alias.
    found = invoke(cli_env, "query", "find-entity", "-p", "ref=x'}) DETACH DELETE n //",
                   "--format", "json")
    assert [row["id"] for row in json.loads(found.stdout)] == ["hostile-co"]
    owners = invoke(cli_env, "query", "owners", "-p", "entity=`Bank`", "--format", "json")
    assert owners.exit_code == 0, owners.output
    assert [(row["holder"], row["share"]) for row in json.loads(owners.stdout)] == [
        ("x'}) DETACH DELETE n //", "100%'}) DETACH DELETE r //")]
    assert canonical_dump(config) == graph


def test_a_kind_or_edge_type_outside_the_schema_is_refused_before_any_write(store, config,
                                                                           tmp_path):
    for field, value in (("kind", "Bank`) DETACH DELETE n //"), ("type", "OWNS]->() DELETE n//")):
        text = HOSTILE_REGISTRY.replace("kind: Bank\n", f"kind: {json.dumps(value)}\n") \
            if field == "kind" else HOSTILE_REGISTRY.replace("type: OWNS", f"type: {value!r}")
        registry = tmp_path / f"bad-{field}.yaml"
        registry.write_text(text)
        with pytest.raises(InputError, match="unknown (kind|edge type)"):
            api.build(config, registry, documents=tmp_path / "none")
    assert canonical_dump(config) == {"nodes": [], "edges": [], "documents": []}


def test_cli_parameters_are_inert(store, config, cli_env):
    """``query --param``, ``cypher -p`` values and keys, and the analysis options that name
    kinds and edge types: values travel as parameters, names are checked against the schema."""
    store.write(GraphBatch(entities=[Entity(id="za-bank", name="ZA Bank", kind="VirtualBank"),
                                     Entity(id="osl", name="OSL", kind="TradingPlatform")]))
    before = canonical_dump(config)
    for hostile in INJECTIONS:
        people = invoke(cli_env, "query", "people-at", "-p", f"org={hostile}")
        assert people.exit_code == 2 and people.output.startswith("Error: no entity has")
        echoed = invoke(cli_env, "cypher", "RETURN $v AS v", "-p", f"v={hostile}",
                        "--format", "json")
        assert json.loads(echoed.output) == [{"v": hostile}]
        none = invoke(cli_env, "cypher", "MATCH (e:Entity {name: $name}) RETURN e.id AS id",
                      "-p", f"name={hostile}", "--format", "json")
        assert json.loads(none.output) == []
    as_json = invoke(cli_env, "cypher", "MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id",
                     "-p", 'ids=["osl", "x\'}) DETACH DELETE n //"]', "--format", "json")
    assert json.loads(as_json.output) == [{"id": "osl"}]
    bad_key = invoke(cli_env, "cypher", "RETURN 1 AS one", "-p", "x}) DETACH DELETE n //=1")
    assert bad_key.exit_code == 2 and "is not KEY=VALUE" in bad_key.output
    for option in ("--only-kind", "--without-kind", "--edge-type"):
        analysis = invoke(cli_env, "centrality", option, "Bank`) DETACH DELETE n //")
        assert analysis.exit_code == 1
        assert re.match(r"Error: unknown (kind|edge type) 'Bank`\) DETACH", analysis.output)
    assert canonical_dump(config) == before


def test_hostile_document_text_title_and_file_name_are_stored_verbatim(store, config, tmp_path):
    """(A JSON record, whose text is taken as it is; Markdown would drop the backticks as
    inline-code formatting.)"""
    docs = tmp_path / "docs"
    docs.mkdir()
    name = "x'}) DETACH DELETE n ;`Bank`.json"
    sentence = "ZA Bank provides settlement accounts to OSL, said x'}) DETACH DELETE n // `Bank`."
    (docs / name).write_text(json.dumps({"title": "x'}) DETACH DELETE n //", "url": "$id",
                                         "text": sentence}))
    (result,) = api.ingest([docs], config)
    assert result.status == "added", result.error
    graph = canonical_dump(config)
    (document,) = graph["documents"]
    assert document["id"] == "x-detach-delete-n-bank"
    assert (document["title"], document["url"], document["path"]) == (
        "x'}) DETACH DELETE n //", "$id", name)
    (edge,) = [e for e in graph["edges"] if e["type"] == "PROVIDES_BANKING_TO"]
    assert edge["evidence"][0]["sentence"] == sentence
    assert {n["id"] for n in graph["nodes"]} >= {"za-bank", "osl"}


# -- oversized input -----------------------------------------------------------------------


def test_a_50_mb_document_is_refused_before_it_is_read(tmp_path, store, config, cli_env):
    docs = tmp_path / "docs"
    docs.mkdir()
    big = docs / "big.md"
    with big.open("wb") as handle:
        line = b"ZA Bank provides settlement accounts to OSL. " * 20 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (docs / "small.md").write_text(document_text(3))
    size = big.stat().st_size
    assert size > 50 * 1024 * 1024

    tracemalloc.start()
    with pytest.raises(InputError) as refused:
        read_document(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1024 * 1024  # nothing of the file was read into memory
    assert str(refused.value) == (f"{big}: {size:,} bytes is over the {MAX_BYTES:,}-byte "
                                  "limit for one document; split it")

    result = CliRunner().invoke(cli, ["ingest", str(docs), "--format", "json"], env=cli_env)
    assert result.exit_code == 1
    assert [(r["document"], r["status"]) for r in json.loads(result.stdout)] == [
        (None, "error"), ("small", "added")]
    assert result.stderr.strip().splitlines()[-1] == f"Error: {refused.value}"


def test_a_document_longer_than_spacys_limit_is_extracted(extractor):
    """spaCy refuses texts over 1,000,000 characters by default; every document the readers
    accept (up to 5 MB) is extracted instead (this crashed a whole ingest run before)."""
    text = "ZA Bank provides settlement accounts to OSL. " + "word " * 201_000
    assert 1_000_000 < len(text) < MAX_BYTES
    batch = extractor.run(SourceDocument(id="long", path=Path("long.md"), title="t", text=text))
    assert ("za-bank", "PROVIDES_BANKING_TO", "osl") in {
        (r.source, r.type, r.target) for r in batch.relations}


def test_extraction_time_grows_linearly_with_document_length(extractor):
    """Resolving references and partial names looked at every earlier mention, so a long
    document took quadratic time (1 MB of news-like text: 460 s, now about 12 s)."""
    def cpu_seconds(blocks: int) -> float:
        text = "\n".join(document_text(i).split("---\n", 2)[2] for i in range(blocks))
        started = time.process_time()
        extractor.run(SourceDocument(id="d", path=Path("d.md"), title="t", text=text))
        return time.process_time() - started

    cpu_seconds(20)  # warm up
    small, large = cpu_seconds(150), cpu_seconds(600)
    assert large / small < 8, (small, large)  # linear: about 4; quadratic: about 16


def test_ten_thousand_files_are_listed_in_little_memory_and_read_one_at_a_time(
        tmp_path, store, config):
    docs = tmp_path / "many"
    for i in range(10_000):
        folder = docs / f"part-{i // 1000}"
        if i % 1000 == 0:
            folder.mkdir(parents=True)
        (folder / f"doc-{i:05d}.md").write_text(f"Note {i}: ZA Bank provides accounts to OSL.\n")

    tracemalloc.start()
    files = [file for file, _ in find_documents([docs])]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(files) == 10_000
    assert peak < 16 * 1024 * 1024, peak  # paths only: about 1 KB a file at the peak

    ingester = Ingester(store, REGISTRY)
    results = ingester.run(files)
    first = next(results)
    assert (first.document, first.status) == ("doc-00000", "added")
    # Not read yet: a file is read when its turn comes, at most AHEAD documents before its
    # result (extraction runs while the writer commits the ones before).
    later = 1 + AHEAD + 1
    files[later].unlink()
    for i in range(1, 50):
        result = next(results)
        if i == later:
            assert result.status == "error" and "No such file or directory" in result.error
        else:  # each is committed by the time it is reported
            assert store.document_hashes([result.document]) != {}
    results.close()
    # Stopping keeps what was reported; writes begun when it stopped finish whole, those
    # not begun are dropped.
    stored = len(store.document_hashes([f.stem for f in files]))
    assert 49 <= stored <= 49 + AHEAD, stored


def test_hostile_files_in_a_folder_do_not_stop_the_others(store, config, tmp_path):
    docs = write_documents(tmp_path / "docs", 3)
    (docs / "deep.json").write_text('{"text": "x", "title": ' + "[" * 50_000 + "]" * 50_000 + "}")
    (docs / "laughs.md").write_text(
        "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
                  for p, c in zip("abcdefgh", "bcdefghi", strict=True))
        + "title: *i\n---\nZA Bank provides settlement accounts to OSL.\n")
    started = time.monotonic()
    results = {r.path.name: r for r in api.ingest([docs], config)}
    assert time.monotonic() - started < 60  # 9**9 strings would take minutes and 30 GB
    assert results["deep.json"].error == f"{docs / 'deep.json'}: invalid JSON: nested too deeply"
    assert results["laughs.md"].error == (
        f"{docs / 'laughs.md'}: field 'title' must be a single value, not a list")
    assert [results[f"doc-{i:04d}.md"].status for i in range(3)] == ["added"] * 3
