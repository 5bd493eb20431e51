"""Extraction against a store that already holds discovered entities."""

from hkweb3 import api


def test_a_name_stored_with_one_kind_keeps_it_in_a_later_run(store, config, tmp_path):
    """The store cannot relabel a node: a later run whose text suggests another kind for a
    stored discovered entity writes the stored kind instead of failing the document."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.md").write_text("Velez Ward, chief executive of Lumen Bank, said so.\n")
    (second / "b.md").write_text("Velez Ward Ltd reported a profit for the year.\n")
    assert [r.status for r in api.ingest([first], config)] == ["added"]
    assert [(r.status, r.error) for r in api.ingest([second], config)] == [("added", None)]
    assert store.kinds_of(["velez-ward"]) == {"velez-ward": "Person"}
