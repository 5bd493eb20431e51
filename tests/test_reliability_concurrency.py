"""Two ``hkweb3 ingest`` processes at once, against a real embedded server: no duplicate node,
edge or evidence, nothing lost, and each document's claims those of one version."""

from __future__ import annotations

import json
from pathlib import Path

from hkweb3.data import REGISTRY_DIR
from hkweb3.graph.config import StoreConfig
from hkweb3.graph.embedded import EmbeddedHome
from hkweb3.graph.models import Evidence
from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.readers import read_document
from hkweb3.loaders.registry import read_registry
from tests.reliability_support import (
    canonical_dump,
    cli_environment,
    document_text,
    duplicates,
    error_lines,
    hkweb3,
    reference_dump,
    stop_quietly,
    write_documents,
)


def run_together(env: dict[str, str], *folders: Path, options: tuple[str, ...] = ()
                 ) -> list[list[dict]]:
    """``hkweb3 ingest FOLDER OPTIONS`` for each folder, all started at once; their JSON
    rows."""
    processes = [hkweb3("ingest", str(folder), "--format", "json", *options, env=env)
                 for folder in folders]
    try:
        outputs = [process.communicate(timeout=300) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
    for process, (_, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
        assert error_lines(err) == [], err  # not even the driver's retry warnings
    return [json.loads(out) for out, _ in outputs]


def test_overlapping_ingests_on_a_new_home_equal_one_clean_run(tmp_path, config):
    """Both start on a fresh data directory: they race to start the server and to create the
    schema, then write the 20 documents they share at the same time."""
    reference = reference_dump(config, 60, tmp_path)
    first = write_documents(tmp_path / "first", 40)  # documents 0-39
    second = write_documents(tmp_path / "second", 40, start=20)  # 20-59: 20-39 in both
    home = EmbeddedHome(tmp_path / "home")
    try:
        results = run_together(cli_environment(HKWEB3_HOME=home.path), first, second)
        graph = canonical_dump(StoreConfig(home=home.path))  # (on a server of its own)
    finally:
        stop_quietly(home)
    for rows in results:
        assert len(rows) == 40 and {r["status"] for r in rows} <= {"added", "unchanged"}
    assert duplicates(graph) == []
    assert graph == reference


def test_two_versions_of_the_same_documents_at_once_leave_one_whole_version(store, config,
                                                                            cli_env, tmp_path):
    """Each document is written whole or not at all, even against a concurrent writer of
    another version: its stored claims are exactly those of the version whose hash is
    stored, never a mixture (a mixture would then be reported 'unchanged' for ever). The
    versions are files in two folders: --replace lets each replace the other."""
    old, new = tmp_path / "old", tmp_path / "new"
    write_documents(old, 40)
    new.mkdir()
    for i in range(40):  # same ids and titles, other banks, platforms and people
        text = document_text(i + 1000).replace(f"Report {i + 1000}", f"Report {i}")
        (new / f"doc-{i:04d}.md").write_text(text)

    run_together(cli_env, old, new, options=("--replace",))

    graph = canonical_dump(config)
    assert duplicates(graph) == []
    stored = {d["id"]: d["content_hash"] for d in graph["documents"]}
    extractor = Extractor(read_registry(REGISTRY_DIR).entities)
    for i in range(40):
        doc_id = f"doc-{i:04d}"
        versions = [read_document(folder / f"{doc_id}.md") for folder in (old, new)]
        (winner,) = [v for v in versions if v.content_hash == stored[doc_id]]
        expected = {claim(r.source, r.type, r.target, ev.model_dump(mode="json",
                                                                      exclude_none=True))
                    for r in extractor.run(winner).relations for ev in r.evidence}
        found = {claim(e["source"], e["type"], e["target"], ev)
                 for e in graph["edges"] for ev in e["evidence"] if ev["document"] == doc_id}
        assert found == expected, doc_id


def claim(source: str, edge_type: str, target: str, evidence: dict) -> tuple[str, ...]:
    return source, edge_type, target, Evidence.model_validate(evidence).encode()
