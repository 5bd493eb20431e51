"""Ingesting documents into the real embedded store: whole or nothing, idempotent,
replaceable, forgettable, exportable, and disagreements found."""

import json

import pytest
from click.testing import CliRunner

from hkweb3 import api
from hkweb3.cli import cli

DOC_A = """---
title: ZA Bank banks OSL
outlet: Example News
url: https://example.org/a
published: 2023-04-12
---
ZA Bank provides settlement accounts to OSL. Harbour Crest Bank provides accounts to OSL.
Its chief executive Mara Quill said demand was strong.
"""
DOC_B = """---
title: Another account
published: 2023-05-01
---
Tobin Hale, chief executive of Harbour Crest Bank, disagreed.
"""


def write(folder, name, text):
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def article(folder, stem, text):
    """An article ``stem``.md in ``folder``, titled ``stem``."""
    return write(folder, f"{stem}.md", f"---\ntitle: {stem}\n---\n{text}\n")


def ingest_each(config, folder, articles):
    """Write ``articles`` (stem: text) and ingest each in a run of its own, in order."""
    return [result for stem, text in articles.items()
            for result in api.ingest([article(folder, stem, text)], config)]


def edges(store, edge_type):
    return store.read(f"MATCH (a:Entity)-[r:{edge_type}]->(b:Entity) RETURN a.id AS source, "
                      "b.id AS target, r.sources AS sources ORDER BY source, target").rows


def test_ingest_is_idempotent_and_a_changed_document_replaces_its_claims(store, config,
                                                                         tmp_path):
    docs = tmp_path / "docs"
    write(docs, "a.md", DOC_A)
    first = api.ingest([docs], config)
    assert [(r.document, r.status) for r in first] == [("a", "added")]
    assert first[0].relations == 3 and first[0].discovered == 2
    before = store.stats()
    assert [r.status for r in api.ingest([docs], config)] == ["unchanged"]
    assert store.stats() == before

    write(docs, "a.md", DOC_A.replace("Harbour Crest Bank provides accounts to OSL.", ""))
    assert [r.status for r in api.ingest([docs], config)] == ["replaced"]
    assert edges(store, "PROVIDES_BANKING_TO") == [
        {"source": "za-bank", "target": "osl", "sources": ["a"]}]
    evidence = store.read("MATCH (:Bank)-[r:PROVIDES_BANKING_TO]->(:Entity) "
                          "RETURN r.evidence AS e").rows[0]["e"]
    assert len(evidence) == 1 and "ZA Bank provides settlement accounts" in evidence[0]


def test_a_new_version_without_a_url_or_outlet_keeps_none_of_the_old_ones(store, config,
                                                                          tmp_path):
    docs = tmp_path / "docs"
    write(docs, "a.md", DOC_A)
    api.ingest([docs], config)
    write(docs, "a.md", "---\ntitle: ZA Bank banks OSL, corrected\n---\n"
          "ZA Bank provides settlement accounts to OSL.\n")
    assert [r.status for r in api.ingest([docs], config)] == ["replaced"]
    [document] = store.read("MATCH (d:Document {id: 'a'}) RETURN d.title AS title, "
                            "d.url AS url, d.outlet AS outlet, d.published AS published").rows
    assert document == {"title": "ZA Bank banks OSL, corrected", "url": None, "outlet": None,
                        "published": None}


def test_a_bad_file_is_reported_and_the_others_still_load(store, config, cli_env, tmp_path):
    docs = tmp_path / "docs"
    write(docs, "a.md", DOC_A)
    write(docs, "b.md", "---\ntitle: [broken\n---\ntext\n")
    write(docs, "c.txt", "")
    result = CliRunner().invoke(cli, ["ingest", str(docs), "--format", "json"], env=cli_env)
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert [(r["document"], r["status"]) for r in rows] == [
        ("a", "added"), (None, "error"), (None, "error")]
    assert f"Error: {docs / 'b.md'}:2: malformed front matter" in result.stderr
    assert f"Error: {docs / 'c.txt'}: empty file" in result.stderr
    documents = store.read("MATCH (d:Document) WHERE d.content_hash IS NOT NULL "
                           "RETURN d.id AS id").rows
    assert documents == [{"id": "a"}]


def test_forget_removes_what_only_that_document_supported(store, config, tmp_path):
    docs = tmp_path / "docs"
    write(docs, "a.md", DOC_A)
    write(docs, "b.md", DOC_B)
    api.ingest([docs], config)
    assert api.forget(["a", "missing"], config) == ["a"]
    ids = {r["id"] for r in store.read("MATCH (e:Entity) RETURN e.id AS id").rows}
    assert "mara-quill" not in ids  # discovered, and only "a" named her
    assert "harbour-crest-bank" in ids  # "b" names it too
    assert "osl" in ids  # registry entities stay
    assert edges(store, "PROVIDES_BANKING_TO") == []
    assert edges(store, "HOLDS_ROLE") == [
        {"source": "tobin-hale", "target": "harbour-crest-bank", "sources": ["b"]}]
    assert store.read("MATCH (d:Document {id: 'a'}) RETURN d").rows == []


def test_conflicting_claims_are_both_kept_and_listed(store, config, tmp_path):
    docs = tmp_path / "docs"
    write(docs, "a.md", DOC_A)
    write(docs, "b.md", DOC_B)
    api.ingest([docs], config)
    (conflict,) = [c for c in api.conflicts(config) if c.subject == "harbour-crest-bank"]
    assert conflict.claim == "chief executive"
    assert conflict.holders == ["mara-quill", "tobin-hale"]
    assert conflict.sources == {"mara-quill": ["a"], "tobin-hale": ["b"]}
    (row,) = [r for r in api.run_query("conflicting-claims", {}, config).rows
              if r["subject"] == "Harbour Crest Bank"]
    assert row["claim"] == "chief executive"
    assert sorted((c["holder"], c["sources"]) for c in row["claims"]) == [
        ("Mara Quill", ["a"]), ("Tobin Hale", ["b"])]
    # The store keeps the flag the query starts from: withdrawing one side clears it.
    flagged = "MATCH (e:Entity) WHERE e.claim_conflict = true RETURN e.id AS id"
    assert store.read(flagged).rows == [{"id": "harbour-crest-bank"}]
    api.forget(["b"], config)
    assert store.read(flagged).rows == []
    assert api.run_query("conflicting-claims", {}, config).rows == []


def test_export_json_has_the_documented_shape(store, config, tmp_path):
    docs = tmp_path / "docs"
    write(docs, "a.md", DOC_A)
    api.ingest([docs], config)
    out = api.export("json", tmp_path / "graph.json", config)
    data = json.loads(out.read_text())
    node = next(n for n in data["nodes"] if n["id"] == "harbour-crest-bank")
    assert {"id", "name", "kind", "labels", "aliases"} <= set(node)
    assert node["kind"] == "Bank" and node["discovered"] is True
    edge = next(e for e in data["edges"] if e["source"] == "za-bank")
    assert edge["type"] == "PROVIDES_BANKING_TO" and edge["target"] == "osl"
    assert edge["evidence"][0]["document"] == "a"
    assert edge["evidence"][0]["published"] == "2023-04-12"
    assert edge["evidence"][0]["sentence"].startswith("ZA Bank provides")
    assert {"id", "title", "outlet", "url", "published"} <= set(data["documents"][0])


@pytest.mark.parametrize("fmt", ["graphml", "csv"])
def test_other_export_formats_write_files(store, config, tmp_path, fmt):
    docs = tmp_path / "docs"
    write(docs, "a.md", DOC_A)
    api.ingest([docs], config)
    out = api.export(fmt, tmp_path / f"out-{fmt}", config)
    assert out.exists()


def test_export_without_out_writes_the_graph_to_stdout(store, config, cli_env, tmp_path):
    write(tmp_path / "docs", "a.md", DOC_A)
    api.ingest([tmp_path / "docs"], config)
    written = api.export("json", tmp_path / "graph.json", config).read_text()
    result = CliRunner().invoke(cli, ["export"], env=cli_env)
    assert result.exit_code == 0 and result.output == written
    graphml = CliRunner().invoke(cli, ["export", "--format", "graphml"], env=cli_env)
    assert graphml.exit_code == 0 and graphml.output.startswith("<?xml")
    folder = CliRunner().invoke(cli, ["export", "--format", "csv"], env=cli_env)
    assert folder.exit_code == 2 and "give it one with --out DIR" in folder.output


def test_a_run_logged_to_a_file_has_nothing_on_stderr(store, config, cli_env, tmp_path):
    """The progress bar is for terminals: piped, stderr holds only errors (here none)."""
    from tests.reliability_support import cli_environment, run_hkweb3

    write(tmp_path / "docs", "a.md", DOC_A)
    done = run_hkweb3("ingest", str(tmp_path / "docs"), env=cli_environment(**cli_env))
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.splitlines()[2].split()[:2] == ["a", "added"]


def test_a_person_read_first_as_a_firm_takes_a_node_of_its_own(store, config, tmp_path):
    # one article's parse makes the name a firm's; the next gives the person a role, which
    # a firm's node could not hold (a node's kind is fixed)
    results = ingest_each(config, tmp_path / "docs", {
        "e": "Daniel Foo spent two decades at global banks.",
        "f": "ZA Bank's chief executive, Daniel Foo, said the bank would grow."})
    assert [(r.document, r.status) for r in results] == [("e", "added"), ("f", "added")]
    assert store.kinds_of(["daniel-foo", "daniel-foo-person"]) == {
        "daniel-foo": "Company", "daniel-foo-person": "Person"}
    assert edges(store, "HOLDS_ROLE") == [{"source": "daniel-foo-person", "target": "za-bank",
                                           "sources": ["f"]}]


def test_a_person_the_store_holds_is_not_kept_apart_again(store, config, tmp_path):
    # the store knows the person; a later run first reads the name as a firm's, then gives
    # the person a role: the role goes to the stored person, not to a second node
    docs = tmp_path / "docs"
    article(docs, "f", "ZA Bank's chief executive, Daniel Foo, said the bank would grow.")
    article(docs, "g", "Daniel Foo spent two decades at global banks.")
    article(docs, "h", "OSL's chairman, Daniel Foo, said trading grew.")
    api.ingest([docs / "f.md"], config)
    results = api.ingest([docs / "g.md", docs / "h.md"], config)
    assert [r.status for r in results] == ["added", "added"]
    assert store.kinds_of(["daniel-foo", "daniel-foo-person"]) == {"daniel-foo": "Person"}
    assert {e["source"] for e in edges(store, "HOLDS_ROLE") + edges(store, "CHAIRS")} == {
        "daniel-foo"}


def test_a_name_found_with_another_kind_keeps_its_node_s_kind(store, config, tmp_path):
    # one article calls it a company, the next an exchange: the second is not refused
    results = ingest_each(config, tmp_path / "docs", {
        "c": "Quorvex, a software company, hired staff.",
        "d": "The crypto exchange Quorvex was licensed by the SFC on Monday."})
    assert [(r.document, r.status) for r in results] == [("c", "added"), ("d", "added")]
    assert store.kinds_of(["quorvex"]) == {"quorvex": "Company"}
    assert edges(store, "LICENSED_BY") == [{"source": "quorvex", "target": "sfc",
                                            "sources": ["d"]}]
