"""A dated named query (partial dates compared as text in Cypher) and the dated graph
(partial dates read in Python) agree at the edges of every precision."""

from __future__ import annotations

import datetime as dt

from hkweb3 import api
from hkweb3.graph.export import graph_as_of
from hkweb3.graph.models import Entity, Evidence, GraphBatch, Relation

PERIODS = {
    "year-only": {"since": "2022", "until": "2023"},
    "months": {"since": "2023-02", "until": "2024-02"},
    "days": {"since": "2023-12-31", "until": "2024-02-29"},
    "open-start": {"until": "2023-06"},
    "open-end": {"since": "2024-03-01"},
    "undated": {},
    "former": {"since": "2021", "current": False},
}
DAYS = ["2021-12-31", "2022-01-01", "2023-01-31", "2023-02-01", "2023-06-30", "2023-07-01",
        "2023-12-31", "2024-01-01", "2024-02-29", "2024-03-01", "2025-06-30"]


def test_a_dated_query_agrees_with_the_dated_graph_at_every_boundary(store, config):
    people = [Entity(id=f"p-{name}", name=name, kind="Person") for name in PERIODS]
    store.write(GraphBatch(
        entities=[Entity(id="north-bank", name="North Bank", kind="Bank"), *people],
        relations=[Relation(source=f"p-{name}", type="HOLDS_ROLE", target="north-bank",
                            properties={"role": f"director {i}", **period},
                            evidence=[Evidence(document="doc", rule="test")])
                   for i, (name, period) in enumerate(PERIODS.items())]))
    dump = store.dump()
    for day in DAYS:
        dated = graph_as_of(dump, dt.date.fromisoformat(day))
        expected = sorted(e["source"].removeprefix("p-") for e in dated["edges"])
        rows = api.run_query("people-at", {"org": "north-bank", "asOf": day}, config).rows
        assert sorted(r["person"] for r in rows) == expected, day
    assert len({tuple(sorted(e["source"] for e in graph_as_of(dump, dt.date.fromisoformat(d))
                             ["edges"])) for d in DAYS}) > 5  # the days do tell facts apart
