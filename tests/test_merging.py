"""A merge moves edges and names by one rule, for a batch and for the stored graph alike."""

import pytest

from hkweb3.errors import InputError
from hkweb3.graph.judging import _moved_edges
from hkweb3.graph.merging import MovedEdge, merged_aliases, move_edges
from hkweb3.graph.models import Entity, Evidence, GraphBatch, Relation
from hkweb3.graph.schema import load_schema
from hkweb3.loaders.judgements import Judgement, Judgements

MERGED = {"vellor-ltd": "vellor", "vellor-hk": "vellor"}


def edge(source, target, evidence, key="", edge_type="PARTNERS_WITH", **properties):
    return MovedEdge(source, edge_type, target, key, properties, list(evidence))


def test_ends_move_to_the_kept_id_and_a_loop_is_dropped():
    moved = move_edges([edge("vellor-ltd", "ostrel", ["e1"]), edge("vellor-hk", "vellor", ["e2"]),
                        edge("ostrel", "kessa", ["e3"])], MERGED)
    assert [(e.source, e.target, e.evidence) for e in moved] == [
        ("ostrel", "kessa", ["e3"]), ("vellor", "ostrel", ["e1"])]


def test_edges_that_become_one_keep_all_evidence_and_the_kept_entitys_properties():
    # the moved edge comes first, yet the kept entity's own edge's properties win
    moved = move_edges([edge("vellor-ltd", "ostrel", ["e1", "e2"], since="2021"),
                        edge("vellor", "ostrel", ["e2", "e3"], since="2022", current=True),
                        edge("vellor-hk", "ostrel", ["e4"], since="2020", until="2023")],
                       MERGED)
    assert len(moved) == 1
    assert moved[0].evidence == ["e2", "e3", "e1", "e4"]
    assert moved[0].properties == {"since": "2022", "current": True, "until": "2023"}


def test_edges_of_different_keys_stay_apart():
    moved = move_edges([edge("ada-wren", "vellor", ["e1"], key="chair", edge_type="HOLDS_ROLE"),
                        edge("ada-wren", "vellor-ltd", ["e2"], key="director",
                             edge_type="HOLDS_ROLE")], MERGED)
    assert sorted(e.key for e in moved) == ["chair", "director"]


def test_fits_drops_or_refuses_an_edge():
    edges = [edge("vellor-ltd", "ostrel", ["e1"]), edge("kessa", "ostrel", ["e2"])]
    kept = move_edges(edges, MERGED, fits=lambda old, new: old.source == new.source)
    assert [e.source for e in kept] == ["kessa"]

    def refuse(old, new):
        raise InputError("no")

    with pytest.raises(InputError):
        move_edges(edges, MERGED, fits=refuse)


def test_merged_aliases_never_hold_the_kept_name():
    assert merged_aliases("Vellor", ["VLR", "Vellor"], [("Vellor Ltd", ["VLR", "Vellor"]),
                                                        ("Vellor HK", [])]) == [
        "VLR", "Vellor HK", "Vellor Ltd"]


def test_a_batch_and_the_store_move_the_same_edges_alike():
    """The same edges, as a batch's relations and as stored rows, merge to the same facts."""
    def evidence(document):
        return Evidence(document=document, rule="test")

    facts = [("vellor-ltd", "ostrel", "d1", "2021"), ("vellor", "ostrel", "d2", "2022"),
             ("ostrel", "vellor-ltd", "d3", None), ("vellor", "vellor-ltd", "d4", None)]
    relations = [Relation(source=s, type="PARTNERS_WITH", target=t,
                          properties={"since": since} if since else {},
                          evidence=[evidence(d)]) for s, t, d, since in facts]
    batch = GraphBatch(entities=[Entity(id=i, name=i.title(), kind="Company")
                                 for i in ("vellor", "vellor-ltd", "ostrel")],
                       relations=relations, mentions=[])
    applied = Judgements([Judgement("same", ("vellor", "vellor-ltd"))]).apply(batch, {})
    from_batch = sorted((r.source, r.target, r.properties.get("since"),
                         sorted(e.document for e in r.evidence)) for r in applied.relations)

    rows = [{"source": r.source, "type": r.type, "target": r.target,
             "properties": {**r.properties, "key": r.key,
                            "evidence": [e.encode() for e in r.evidence],
                            "sources": [e.document for e in r.evidence]}} for r in relations]
    stored = _moved_edges(rows, {"vellor-ltd"}, "vellor", "Company", load_schema())
    from_store = sorted((r["source"], r["target"], r["props"].get("since"),
                         sorted(Evidence.decode(e).document for e in r["evidence"]))
                        for r in stored)
    assert from_batch == from_store == [("ostrel", "vellor", None, ["d3"]),
                                        ("vellor", "ostrel", "2022", ["d1", "d2"])]
