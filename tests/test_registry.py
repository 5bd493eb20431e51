"""The curated registry: the shipped one loads, and bad files are named with their line."""

from pathlib import Path

import pytest

from hkweb3.data import REGISTRY_DIR
from hkweb3.errors import InputError
from hkweb3.loaders.registry import read_registry

CITATION = """\
citations:
  - id: src
    outlet: Example
    title: A report
    published: 2023-04-12
    url: https://example.org/report
"""


def write(tmp_path: Path, text: str, name: str = "reg.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_shipped_registry_loads_and_is_consistent():
    batch = read_registry(REGISTRY_DIR)
    batch.check()
    kinds = {e.id: e.kind for e in batch.entities}
    assert len(kinds) >= 60
    assert kinds["za-bank"] == "VirtualBank"
    # A subsidiary is its own entity, linked to its parent.
    names = {e.id: e for e in batch.entities}
    subsidiaries = {(r.source, r.target) for r in batch.relations if r.type == "SUBSIDIARY_OF"}
    assert ("bocom-hk", "bocom") in subsidiaries
    assert "BoCom HK" in names["bocom-hk"].aliases
    assert "BoCom HK" not in names["bocom"].aliases
    # Every curated fact cites a source with a URL and a date.
    citations = {d.id: d for d in batch.documents}
    for item in [*batch.entities, *batch.relations]:
        assert item.evidence, item
        for ev in item.evidence:
            assert citations[ev.document].url and citations[ev.document].published


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("entities:\n  - id: za-bank\n    name: ZA Bank\n    kind: Bnak\n", 8,
         "unknown kind 'Bnak'"),
        ("entities:\n  - id: a\n    name: A\n    kind: Company\n"
         "  - id: a\n    name: A2\n    kind: Company\n", 11, "duplicate id 'a'"),
        ("entities:\n  - id: a\n    name: A\n    kind: Company\n"
         "relations:\n  - source: a\n    type: OWNS\n    target: ghost\n", 12,
         "unknown entity id 'ghost'"),
        ("entities:\n  - id: a\n    name: A\n    kind: Company\n    cite: [nope]\n", 8,
         "cites unknown citation 'nope'"),
        ("entities:\n  - id: a\n    name: A\n    kind: Person\n"
         "  - id: b\n    name: B\n    kind: Person\n"
         "relations:\n  - source: a\n    type: PROVIDES_BANKING_TO\n    target: b\n", 15,
         "cannot start at a Person"),
        ("entities:\n  - id: a\n    name: A\n    kind: Company\n    aliases: [X]\n"
         "  - id: b\n    name: X\n    kind: Company\n", 12, "already used by 'a'"),
        ("entities:\n  - id: Bad Id\n    name: A\n    kind: Company\n", 8, "not a slug"),
        # libyaml says "did not find expected '-' indicator", PyYAML "expected <block end>"
        ("entities:\n  - id: a\n   name: A\n", 9, "expected"),
    ],
)
def test_bad_registry_files_name_file_line_and_problem(tmp_path, body, line, message):
    path = write(tmp_path, CITATION + body)
    with pytest.raises(InputError) as error:
        read_registry(path)
    text = str(error.value)
    assert text.startswith(f"{path}:{line}:"), text
    assert message in text


def test_unknown_section_and_non_utf8_are_refused(tmp_path):
    with pytest.raises(InputError, match=r"unknown section\(s\) \['entites'\]"):
        read_registry(write(tmp_path, "entites: []\n"))
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("entities:\n  - id: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_registry(bad)


def test_relations_may_point_across_files(tmp_path):
    write(tmp_path, CITATION + "entities:\n  - id: a\n    name: A\n    kind: Company\n", "a.yaml")
    write(tmp_path, "entities:\n  - id: b\n    name: B\n    kind: Company\n"
          "relations:\n  - source: b\n    type: OWNS\n    target: a\n    cite: src\n", "b.yaml")
    batch = read_registry(tmp_path)
    assert [(r.source, r.target) for r in batch.relations] == [("b", "a")]
    assert batch.relations[0].evidence[0].document == "src"
