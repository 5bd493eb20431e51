"""Hostile input (issue 18, rows 6-9 and 12), against the real embedded server: a document is
told apart by where it comes from, not by its name; only regular files are read, and no more
than the limit; links out of the folder are not followed unless asked; a run that stops
midway still reports what it committed; file names print escaped; and the HTML view takes
ids that are JavaScript's own property names (in Debian's Chromium)."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.data import REGISTRY_DIR
from hkweb3.errors import InputError
from hkweb3.graph import store as store_module
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.models import Document, GraphBatch
from hkweb3.graph.store import open_store
from hkweb3.loaders import readers
from hkweb3.loaders.ingest import Ingester
from hkweb3.loaders.registry import read_registry
from tests.reliability_support import (
    canonical_dump,
    cli_environment,
    error_lines,
    kill_server,
    run_hkweb3,
    write_documents,
)
from tests.viz_support import Watched, edge, node, open_graph

ARTICLE = """---
title: ZA Bank banks OSL
url: https://example.org/za-osl
---
ZA Bank provides settlement accounts to OSL. Its chief executive Mara Quill said demand
was strong.
"""
OTHER_ARTICLE = """---
title: Another report
---
Tobin Hale, chief executive of Harbour Crest Bank, spoke.
"""
REFUSED = ("Error: {new}: document id 'report' is already taken by {old}, a different "
           "document; rename this file or give it another 'id:', or pass --replace to "
           "replace that one with it")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def invoke(cli_env: dict[str, str], *args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env=cli_env)


def outcome(results) -> list[tuple[str | None, str]]:
    return [(r.document, r.status) for r in results]


def entity_ids(store) -> set[str]:
    return {r["id"] for r in store.read("MATCH (e:Entity) RETURN e.id AS id").rows}


# -- row 6: documents told apart by origin -------------------------------------------------


@pytest.mark.parametrize("name, text", [
    ("report.md", OTHER_ARTICLE),  # the same file name in another folder
    ("other-name.md", OTHER_ARTICLE.replace("---\n", "---\nid: report\n", 1)),  # same id:
], ids=["same-name", "front-matter-id"])
def test_another_file_with_the_same_id_is_refused_naming_both(name, text, store, config,
                                                              cli_env, tmp_path):
    first = write(tmp_path / "a", "report.md", ARTICLE)
    assert invoke(cli_env, "ingest", first).exit_code == 0
    before = canonical_dump(config)
    second = write(tmp_path / "b", name, text)

    result = invoke(cli_env, "ingest", second, "--format", "json")
    assert result.exit_code == 1
    assert [(r["document"], r["status"]) for r in json.loads(result.stdout)] == [
        (None, "error")]
    assert error_lines(result.stderr) == [REFUSED.format(new=second, old=first.resolve())]
    assert canonical_dump(config) == before  # the first article and its facts are whole
    assert "mara-quill" in entity_ids(store)


def test_replace_makes_another_file_replace_on_purpose(store, config, cli_env, tmp_path):
    first = write(tmp_path / "a", "report.md", ARTICLE)
    second = write(tmp_path / "b", "report.md", OTHER_ARTICLE)
    invoke(cli_env, "ingest", first)
    result = invoke(cli_env, "ingest", "--replace", second, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [(r["document"], r["status"]) for r in json.loads(result.stdout)] == [
        ("report", "replaced")]
    ids = entity_ids(store)
    assert "tobin-hale" in ids and "mara-quill" not in ids
    (stored,) = store.read("MATCH (d:Document {id: 'report'}) RETURN d.path AS path").rows
    assert stored["path"] == str(second.resolve())
    # From now on the second file is the document's origin: the first one is refused.
    assert invoke(cli_env, "ingest", first).exit_code == 1


def test_the_same_file_edited_replaces_whatever_name_it_is_given(store, config, tmp_path,
                                                                  monkeypatch):
    docs = tmp_path / "docs"
    path = write(docs, "report.md", ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert outcome(api.ingest([Path("docs/report.md")], config)) == [("report", "added")]
    assert outcome(api.ingest([path], config)) == [("report", "unchanged")]

    write(docs, "report.md", ARTICLE.replace(" Its chief executive Mara Quill said demand\n"
                                             "was strong.", ""))
    (tmp_path / "link").symlink_to(docs)  # the same file through a linked folder
    assert outcome(api.ingest([tmp_path / "link"], config)) == [("report", "replaced")]
    assert "mara-quill" not in entity_ids(store)
    # Identical content from another file is the same document: nothing to do.
    copy = write(tmp_path / "copy", "report.md", path.read_text())
    assert outcome(api.ingest([copy], config)) == [("report", "unchanged")]


def test_a_registry_citation_is_never_replaced_by_a_file(store, config, tmp_path):
    store.write(GraphBatch(documents=[Document(id="sfc-vatp-lists", title="Lists",
                                               url="https://www.sfc.hk/")]))
    path = write(tmp_path, "sfc-vatp-lists.md", ARTICLE)
    (result,) = api.ingest([path], config, replace=True)
    assert result.error == (f"{path}: document id 'sfc-vatp-lists' is already taken by a "
                            "registry citation; give this file another name or 'id:'")
    (stored,) = store.read("MATCH (d:Document) RETURN d.title AS title, "
                           "d.content_hash AS hash").rows
    assert stored == {"title": "Lists", "hash": None}


# -- rows 7 and 8: only regular files, and no more than the limit ---------------------------


def test_a_fifo_on_the_command_line_is_refused_at_once(cli_env, store, tmp_path):
    """It used to hang for ever, reading a pipe that no one writes to."""
    fifo = tmp_path / "f.md"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = run_hkweb3("ingest", str(fifo), env=cli_environment(**cli_env), timeout=120)
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        f"Error: {fifo}: a FIFO (named pipe), not a regular file; only regular files are read"]
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("kind", ["fifo", "socket", "character device"])
def test_special_files_in_a_folder_are_refused_and_the_others_load(kind, store, config,
                                                                   tmp_path, monkeypatch):
    docs = write_documents(tmp_path / "docs", 2)
    odd = docs / "odd.md"
    listener = socket.socket(socket.AF_UNIX)
    try:
        if kind == "fifo":
            os.mkfifo(odd)
        elif kind == "socket":
            monkeypatch.chdir(docs)  # a socket's path is limited to 107 bytes
            listener.bind(odd.name)
        else:
            odd.symlink_to("/dev/zero")
        # (Following links: this one is refused for what it leads to, not for leaving.)
        results = api.ingest([docs], config, follow_links=True)
    finally:
        listener.close()
    assert outcome(results) == [("doc-0000", "added"), ("doc-0001", "added"), (None, "error")]
    expected = "a FIFO (named pipe)" if kind == "fifo" else f"a {kind}"
    assert results[2].error == (f"{odd}: {expected}, not a regular file; only regular files "
                                "are read")


def test_a_fifo_among_the_registry_files_is_refused_at_once(tmp_path):
    fifo = tmp_path / "banks.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as refused:
        read_registry(tmp_path)
    assert str(refused.value) == (f"{fifo}: a FIFO (named pipe), not a regular file; only "
                                  "regular files are read")


def test_a_link_to_dev_zero_fails_fast_with_one_line(cli_env, store, tmp_path):
    """It used to bypass the size limit (stat says 0 bytes) and eat 5.5 GB, then crash."""
    zero = tmp_path / "zero.md"
    zero.symlink_to("/dev/zero")
    started = time.monotonic()
    refused = invoke(cli_env, "ingest", zero)
    assert error_lines(refused.stderr) == [
        f"Error: {zero}: symbolic link to /dev/zero, outside {tmp_path.resolve()}; not "
        "followed (pass --follow-links to read it)"]
    followed = invoke(cli_env, "ingest", "--follow-links", zero)
    assert error_lines(followed.stderr) == [
        f"Error: {zero}: a character device, not a regular file; only regular files are read"]
    assert (refused.exit_code, followed.exit_code) == (1, 1)
    assert time.monotonic() - started < 30


def test_the_size_limit_counts_the_bytes_read_not_what_stat_says(store, tmp_path,
                                                                  monkeypatch):
    ingester = Ingester(store, read_registry(REGISTRY_DIR).entities, follow_links=True)
    monkeypatch.setattr(readers, "MAX_BYTES", 4096)
    maps = tmp_path / "maps.md"
    maps.symlink_to("/proc/self/maps")  # a regular file of size 0 in stat, many KB to read
    assert os.stat(maps).st_size == 0
    exact = write(tmp_path, "exact.md", "ZA Bank banks OSL. " + "x" * (4096 - 20) + "\n")
    over = write(tmp_path, "over.md", exact.read_text() + "y")
    results = list(ingester.run([maps, exact, over]))
    assert results[0].error == f"{maps}: over the 4,096-byte limit for one document; split it"
    assert [r.status for r in results[1:]] == ["added", "error"]


# -- row 12: links out of the folder --------------------------------------------------------


def test_links_out_of_the_folder_are_refused_unless_asked(store, config, tmp_path):
    docs = write_documents(tmp_path / "docs", 1)
    write(docs / ".drafts", "draft.md", ARTICLE)  # hidden: read only through the link below
    (docs / "inside.md").symlink_to(docs / ".drafts" / "draft.md")
    (docs / "passwd.md").symlink_to("/etc/passwd")
    outside = write(tmp_path / "elsewhere", "article.md", OTHER_ARTICLE)
    (docs / "outside.md").symlink_to(outside)
    (docs / "etc").symlink_to("/etc")  # a folder: not walked

    results = {r.path.name: r for r in api.ingest([docs], config)}
    assert sorted(results) == ["doc-0000.md", "etc", "inside.md", "outside.md", "passwd.md"]
    assert results["inside.md"].status == "added"
    for name, target in (("etc", "/etc"), ("outside.md", outside.resolve()),
                         ("passwd.md", "/etc/passwd")):
        assert results[name].error == (
            f"{docs / name}: symbolic link to {target}, outside {docs.resolve()}; not followed "
            "(pass --follow-links to read it)")
    dump = json.dumps(canonical_dump(config))
    assert "root:" not in dump and "passwd" not in dump and "tobin-hale" not in dump

    (docs / "passwd.md").unlink()
    (docs / "etc").unlink()
    (docs / "more").symlink_to(write(tmp_path / "more", "more.md", ARTICLE).parent)
    (docs / "loop").symlink_to(docs)  # walked once, not for ever
    followed = api.ingest([docs], config, follow_links=True)
    assert sorted(outcome(followed)) == [("doc-0000", "unchanged"), ("inside", "unchanged"),
                                         ("more", "added"), ("outside", "added")]


# -- row 7: a run that stops midway --------------------------------------------------------


def test_a_run_that_stops_midway_still_reports_what_it_committed(fresh_home, tmp_path,
                                                                  monkeypatch):
    """The server is killed (SIGKILL) as the third of five documents is to be written (the
    next ones are being extracted meanwhile): the report lists the two committed, then the
    one-line error, exit 3."""
    docs = write_documents(tmp_path / "docs", 5)
    fresh_home.start()
    write = Ingester._commit
    seen: list[str] = []

    def commit(self: Ingester, source: readers.SourceDocument, batch: GraphBatch) -> None:
        seen.append(source.id)
        if len(seen) == 3:
            kill_server(fresh_home)
        write(self, source, batch)

    monkeypatch.setattr(Ingester, "_commit", commit)
    monkeypatch.setattr(store_module, "RETRY_SECONDS", 1.0)
    result = invoke({"HKWEB3_HOME": str(fresh_home.path)}, "ingest", docs, "--format", "json")
    assert result.exit_code == 3
    assert [(r["document"], r["status"]) for r in json.loads(result.stdout)] == [
        ("doc-0000", "added"), ("doc-0001", "added")]
    (line,) = error_lines(result.stderr)
    assert line.startswith("Error: ") and "Traceback" not in result.stderr
    with open_store(StoreConfig(home=fresh_home.path)) as store:  # a new server
        assert sorted(store.document_hashes([f"doc-{i:04d}" for i in range(5)])) == [
            "doc-0000", "doc-0001"]


# -- row 12: file names print escaped ------------------------------------------------------


def test_control_characters_in_file_names_are_printed_escaped(store, config, cli_env,
                                                              tmp_path):
    docs = tmp_path / "docs"
    evil = write(docs, "e\x1b]0;owned\x07\x1b[2J.md", "")
    fd = os.open(os.fsencode(docs) + b"/caf\xe9.md", os.O_WRONLY | os.O_CREAT)  # not UTF-8
    os.write(fd, ARTICLE.encode())
    os.close(fd)

    table = invoke(cli_env, "ingest", docs)
    assert table.exit_code == 1
    assert error_lines(table.stderr) == [f"Error: {docs}/e\\x1b]0;owned\\x07\\x1b[2J.md: "
                                         "empty file"]
    assert "\x1b" not in table.stdout + table.stderr

    as_json = invoke(cli_env, "ingest", docs, "--format", "json")
    rows = json.loads(as_json.stdout)  # exact names, as JSON escapes
    assert [(Path(r["file"]).name, r["status"]) for r in rows] == [
        ("caf\udce9.md", "unchanged"), (evil.name, "error")]
    assert "\x1b" not in as_json.stdout
    (stored,) = store.read("MATCH (d:Document) RETURN d.path AS path").rows
    assert stored["path"] == f"{docs.resolve()}/caf\\xe9.md"

    missing = invoke(cli_env, "ingest", docs / "gone\x1b[31m.md")
    assert missing.exit_code == 1
    assert error_lines(missing.stderr) == [
        f"Error: {docs}/gone\\x1b[31m.md: no such file or directory"]


# -- row 9: the HTML view takes any id -----------------------------------------------------

ODD_IDS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf",
           "__defineGetter__", "\u2063constructor"]  # (the last: the page's own escape mark)


def odd_graph() -> dict:
    """Each odd id an entity linked to OSL and a document cited by that link."""
    def said(i: str) -> dict:
        return {"document": i, "sentence": f"{i} partners OSL.", "published": "2024-01-02",
                "rule": "test", "confidence": 1.0}

    return {
        "nodes": [node(i, f"Name {i}", "Company", sources=[i]) for i in ODD_IDS]
        + [node("osl", "OSL", "TradingPlatform")],
        "edges": [edge(i, "osl", "PARTNERS_WITH", said(i)) for i in ODD_IDS]
        + [edge("constructor", "__proto__", "PARTNERS_WITH", said("toString"))],
        "documents": [{"id": i, "title": f"Report on {i}", "outlet": "Wire", "url": None,
                       "published": "2024-01-02"} for i in ODD_IDS],
    }


def test_ids_named_like_javascript_properties_work_as_nodes(browser, cli_env, tmp_path):
    graph, out = tmp_path / "g.json", tmp_path / "g.html"
    graph.write_text(json.dumps(odd_graph()))
    made = invoke(cli_env, "viz", "--graph", graph, "--out", out)
    assert made.exit_code == 0, made.output
    watched: Watched = open_graph(browser, out)  # drawn and laid out (physics on)
    try:
        assert watched.js("""() => [hkweb3.nodes.length, hkweb3.edges.length,
            Object.keys(hkweb3.network.getPositions()).length]""") == [8, 8, 8]
        for i in ODD_IDS:
            watched.click_node(i)
            assert watched.js("() => hkweb3.state.selected") == i
            assert watched.js("() => document.querySelector('#panel h2').textContent") \
                == f"Name {i}"
            neighbours = {"osl", "__proto__"} if i == "constructor" else {"osl"}
            if i == "__proto__":
                neighbours.add("constructor")
            assert watched.js("() => hkweb3.state.highlighted") == sorted({i, *neighbours})
            panel = watched.js("() => document.getElementById('panel').textContent")
            assert f"Report on {i}" in panel and "OSL" in panel

        watched.click_node("osl")
        panel = watched.js("() => document.getElementById('panel').textContent")
        assert all(f"Name {i}" in panel for i in ODD_IDS)
        # A reference in the panel selects the node it names; an edge shows its evidence.
        watched.page.click("#panel button.ref >> text=Name __proto__")
        assert watched.js("() => hkweb3.state.selected") == "__proto__"
        watched.page.click("#panel button.ref >> text=works with >> nth=0")
        assert "Report on" in watched.js("() => document.querySelector('#panel .cite')"
                                         ".textContent")
        watched.page.fill("#search-input", "Name toString")
        watched.page.press("#search-input", "Enter")
        assert watched.js("() => hkweb3.state.selected") == "toString"
        watched.page.uncheck('#kinds input[data-kind="Company"]')
        assert watched.js("() => hkweb3.state.selected") is None
        assert watched.js("() => hkweb3.nodes.get({filter: (n) => n.hidden}).length") == 7
        assert watched.errors == [] and watched.dialogs == [] and watched.stray_requests == []
    finally:
        watched.page.close()

