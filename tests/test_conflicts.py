"""One conflict rule: a single-holder role or one-only fact claimed twice over overlapping
periods is a conflict, over periods one after the other a succession. `hkweb3 conflicts`,
the flag the store keeps on every write and the `conflicting-claims` query agree, on a
synthetic graph and on the shipped one."""

from __future__ import annotations

from hkweb3 import api
from hkweb3.graph.conflicts import find_conflicts
from hkweb3.graph.models import Entity, Evidence, GraphBatch, Relation
from hkweb3.graph.store import open_store


def role(person: str, org: str, doc: str, title: str = "chief executive officer",
         **period) -> Relation:
    return Relation(source=person, type="HOLDS_ROLE", target=org,
                    properties={"role": title, **period},
                    evidence=[Evidence(document=doc, rule="test")])


def fact(source: str, edge_type: str, target: str, doc: str, **period) -> Relation:
    return Relation(source=source, type=edge_type, target=target, properties=period,
                    evidence=[Evidence(document=doc, rule="test")])


def as_edges(relations: list[Relation]) -> list[dict]:
    return [{"source": r.source, "type": r.type, "target": r.target,
             "properties": {**r.properties, "sources": sorted({e.document for e in r.evidence})}}
            for r in relations]


def conflicts_of(relations: list[Relation]) -> list[tuple]:
    return [(c.subject, c.claim, c.holders, c.sources) for c in find_conflicts(as_edges(relations))]


def test_a_succession_of_two_chief_executives_is_not_a_conflict():
    relations = [role("ann-lee", "north-bank", "report-2021", since="2019-03", until="2023-03"),
                 role("bo-chan", "north-bank", "report-2024", since="2023-04", current=True)]
    assert conflicts_of(relations) == []


def test_overlapping_claims_stay_a_conflict_shown_with_both_sources():
    relations = [role("ann-lee", "north-bank", "report-2021", since="2019-03", until="2023-09"),
                 role("bo-chan", "north-bank", "report-2024", title="CEO", since="2023-04")]
    assert conflicts_of(relations) == [
        ("north-bank", "chief executive", ["ann-lee", "bo-chan"],
         {"ann-lee": ["report-2021"], "bo-chan": ["report-2024"]})]


def test_partial_dates_are_read_in_favour_of_a_succession():
    # Left in 2023, came in 2023: nothing says they held it together.
    assert conflicts_of([role("ann-lee", "north-bank", "a", until="2023"),
                         role("bo-chan", "north-bank", "b", since="2023")]) == []
    # Left in April 2023, came in 2022: they did.
    assert len(conflicts_of([role("ann-lee", "north-bank", "a", until="2023-04"),
                             role("bo-chan", "north-bank", "b", since="2022")])) == 1


def test_undated_claims_may_overlap_and_a_former_role_without_an_end_does_not():
    assert len(conflicts_of([role("ann-lee", "north-bank", "a"),
                             role("bo-chan", "north-bank", "b")])) == 1
    assert conflicts_of([role("ann-lee", "north-bank", "a", current=False),
                         role("bo-chan", "north-bank", "b")]) == []


def test_only_the_holders_that_overlap_are_named():
    relations = [role("ann-lee", "north-bank", "a", since="2015", until="2018-06"),
                 role("bo-chan", "north-bank", "b", since="2019"),
                 role("cy-wong", "north-bank", "c", since="2024-02")]
    assert [c[2] for c in conflicts_of(relations)] == [["bo-chan", "cy-wong"]]


def test_a_parent_claimed_twice_is_a_conflict_unless_one_followed_the_other():
    now = [fact("tiny-pay", "SUBSIDIARY_OF", "big-group", "a"),
           fact("tiny-pay", "SUBSIDIARY_OF", "other-group", "b")]
    assert [c[:3] for c in conflicts_of(now)] == [
        ("tiny-pay", "SUBSIDIARY_OF", ["big-group", "other-group"])]
    sold = [fact("tiny-pay", "SUBSIDIARY_OF", "big-group", "a", until="2021-12"),
            fact("tiny-pay", "SUBSIDIARY_OF", "other-group", "b", since="2022-01")]
    assert conflicts_of(sold) == []


# -- the store's flag, the named query and `hkweb3 conflicts` agree ----------------------------


SYNTHETIC_ENTITIES = [
    Entity(id="north-bank", name="North Bank", kind="Bank"),
    Entity(id="south-bank", name="South Bank", kind="Bank"),
    Entity(id="tiny-pay", name="Tiny Pay", kind="Company"),
    Entity(id="big-group", name="Big Group", kind="Company"),
    Entity(id="other-group", name="Other Group", kind="Company"),
    Entity(id="harbour-city", name="Harbour City", kind="Place"),
    *(Entity(id=p, name=p.replace("-", " ").title(), kind="Person")
      for p in ("ann-lee", "bo-chan", "cy-wong", "di-ho")),
]
SYNTHETIC_RELATIONS = [
    # North Bank: a succession, then an overlap with the incumbent
    role("ann-lee", "north-bank", "doc-a", since="2015", until="2018-06"),
    role("bo-chan", "north-bank", "doc-b", since="2019"),
    role("cy-wong", "north-bank", "doc-c", title="CEO", since="2024-02"),
    # South Bank: two chairs one after the other, and a deputy (not a single-holder role)
    role("di-ho", "south-bank", "doc-a", title="chairman", until="2020"),
    role("ann-lee", "south-bank", "doc-b", title="chair", since="2020"),
    role("bo-chan", "south-bank", "doc-c", title="deputy chief executive"),
    # Tiny Pay: two parents at once; one place
    fact("tiny-pay", "SUBSIDIARY_OF", "big-group", "doc-a"),
    fact("tiny-pay", "SUBSIDIARY_OF", "other-group", "doc-b", since="2024"),
    fact("tiny-pay", "LOCATED_IN", "harbour-city", "doc-a"),
    # Big Group: a parent sold on
    fact("big-group", "SUBSIDIARY_OF", "other-group", "doc-a", until="2019"),
    fact("big-group", "SUBSIDIARY_OF", "north-bank", "doc-c", since="2019-07"),
]


def three_answers(store, config):
    """What each of the three says is in conflict, as (subject name, claim, holder names)."""
    dump = store.dump()
    names = {n["id"]: n["name"] for n in dump["nodes"]}
    rule = {(names[c.subject], c.claim, tuple(sorted(names[h] for h in c.holders)))
            for c in api.conflicts(config)}
    query = {(r["subject"], r["claim"], tuple(sorted(c["holder"] for c in r["claims"])))
             for r in api.run_query("conflicting-claims", {}, config).rows}
    flagged = {r["name"] for r in store.read(
        "MATCH (e:Entity) WHERE e.claim_conflict = true RETURN e.name AS name").rows}
    return rule, query, flagged


def test_store_flag_query_and_rule_agree_on_a_synthetic_graph(store, config):
    store.write(GraphBatch(entities=SYNTHETIC_ENTITIES, relations=SYNTHETIC_RELATIONS))
    rule, query, flagged = three_answers(store, config)
    assert rule == {("North Bank", "chief executive", ("Bo Chan", "Cy Wong")),
                    ("Tiny Pay", "SUBSIDIARY_OF", ("Big Group", "Other Group"))}
    assert query == rule
    assert flagged == {subject for subject, _, _ in rule}

    # A later write that ends the incumbent's term turns the overlap into a succession.
    store.write(GraphBatch(relations=[
        role("bo-chan", "north-bank", "doc-d", since="2019", until="2024-01")]))
    rule, query, flagged = three_answers(store, config)
    assert rule == query == {("Tiny Pay", "SUBSIDIARY_OF", ("Big Group", "Other Group"))}
    assert flagged == {"Tiny Pay"}


def test_store_flag_query_and_rule_agree_on_the_shipped_graph(built):
    with open_store(built) as store:
        rule, query, flagged = three_answers(store, built)
    assert rule  # the shipped graph has disagreeing claims (see README)
    assert query == rule
    assert flagged == {subject for subject, _, _ in rule}
