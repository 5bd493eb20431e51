"""A relation's period read from the clause that states it, one sentence of our own for each
construction, and sentences whose dates or words must set no period.

The entities are made up, so the registry knows none of them."""

import datetime as dt
from pathlib import Path

import pytest

from hkweb3.graph.conflicts import find_conflicts
from hkweb3.graph.models import GraphBatch
from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.readers import SourceDocument

PERIOD = ("since", "until", "current")


def extract(extractor: Extractor, text: str, name: str = "doc") -> GraphBatch:
    return extractor.run(SourceDocument(id=name, path=Path(f"{name}.md"), text=text, title="t",
                                        published=dt.date(2025, 3, 1)))


def periods(extractor: Extractor, text: str) -> dict[tuple[str, str, str], dict]:
    """Each relation's period properties, by (source, type, target)."""
    return {(r.source, r.type, r.target): {k: v for k, v in r.properties.items() if k in PERIOD}
            for r in extract(extractor, text).relations}


VELEZ_TIDEWATER = ("omar-velez", "HOLDS_ROLE", "tidewater-bank")


@pytest.mark.parametrize(
    ("construction", "text", "edge", "expected"),
    [
        ("has been ... since a month and year: begun and still held",
         "Omar Velez has been chief executive of Tidewater Bank since April 2023.",
         VELEZ_TIDEWATER, {"since": "2023-04", "current": True}),
        ("since a year after a role in apposition",
         "Omar Velez, chief executive of Tidewater Bank since 2021, opened the meeting.",
         VELEZ_TIDEWATER, {"since": "2021"}),
        ("from a year to a year on a past role",
         "Omar Velez was chairman of Tidewater Bank from 2015 to 2020.",
         ("omar-velez", "CHAIRS", "tidewater-bank"), {"since": "2015", "until": "2020"}),
        ("from a month to a year, the end hung on from",
         "Omar Velez was chairman of Tidewater Bank from March 2015 to 2020.",
         ("omar-velez", "CHAIRS", "tidewater-bank"), {"since": "2015-03", "until": "2020"}),
        ("from a month with no end",
         "Omar Velez has run Tidewater Bank from May 2022 onwards.",
         VELEZ_TIDEWATER, {"since": "2022-05"}),
        ("between two years",
         "Omar Velez was chief executive of Tidewater Bank between 2009 and 2019.",
         VELEZ_TIDEWATER, {"since": "2009", "until": "2019"}),
        ("between two years, then a second role joined by and",
         "Kestrel Labs was set up by Omar Velez, who was chief executive of Tidewater Bank "
         "between 2009 and 2019 and a former vice chairman of Orchid Group.",
         VELEZ_TIDEWATER, {"since": "2009", "until": "2019"}),
        ("in a year, fronted, on an appointing verb",
         "In 2019, Tidewater Bank appointed Omar Velez as chief executive.",
         VELEZ_TIDEWATER, {"since": "2019"}),
        ("appointed ... in a year, passive",
         "Omar Velez was appointed chief executive of Tidewater Bank in 2019.",
         VELEZ_TIDEWATER, {"since": "2019"}),
        ("joined as a role in a month",
         "Omar Velez joined Tidewater Bank as chief executive in June 2021.",
         VELEZ_TIDEWATER, {"since": "2021-06"}),
        ("became a role on a day",
         "Omar Velez became chief executive of Tidewater Bank on March 3, 2022.",
         VELEZ_TIDEWATER, {"since": "2022-03-03"}),
        ("stepped down in a month: over",
         "Omar Velez stepped down as chief executive of Tidewater Bank in March 2024.",
         VELEZ_TIDEWATER, {"until": "2024-03", "current": False}),
        ("will step down: an end date, but still held",
         "Omar Velez will step down as chief executive of Tidewater Bank in June 2026.",
         VELEZ_TIDEWATER, {"until": "2026-06"}),
        ("served ... until a year",
         "Omar Velez served as chief executive of Tidewater Bank until 2022.",
         VELEZ_TIDEWATER, {"until": "2022"}),
        ("previously served as",
         "Omar Velez, who previously served as chief executive of Tidewater Bank, joined "
         "Orchid Pay.",
         VELEZ_TIDEWATER, {"current": False}),
        ("former before an organisation's title",
         "Former Tidewater Bank chief executive Omar Velez opened the meeting.",
         VELEZ_TIDEWATER, {"current": False}),
        ("ex- before a short title",
         "Tidewater Bank ex-CEO Omar Velez opened the meeting.",
         VELEZ_TIDEWATER, {"current": False}),
        ("the newly appointed role, in apposition",
         "Omar Velez, the newly appointed chief executive of Tidewater Bank, said sales rose.",
         VELEZ_TIDEWATER, {"current": True}),
        ("the incoming role, in apposition",
         "Omar Velez, the incoming chief executive of Tidewater Bank, said sales rose.",
         VELEZ_TIDEWATER, {"current": True}),
        ("remains a role",
         "Omar Velez remains chief executive of Tidewater Bank.",
         VELEZ_TIDEWATER, {"current": True}),
        ("a licence received in a month",
         "Tidewater Exchange received its licence from the Securities and Futures Commission "
         "in November 2022.",
         ("tidewater-exchange", "LICENSED_BY", "sfc"), {"since": "2022-11"}),
        ("a licence held since a day",
         "Tidewater Exchange has held an SFC licence since 15 December 2020.",
         ("tidewater-exchange", "LICENSED_BY", "sfc"), {"since": "2020-12-15", "current": True}),
        ("owned since a year, not a role",
         "Tidewater Bank has been owned by Orchid Group since 2020.",
         ("orchid-group", "OWNS", "tidewater-bank"), {"since": "2020", "current": True}),
        # Sentences whose dates or words belong elsewhere: no period.
        ("since meaning because",
         "Since Tidewater Bank lost its licence, Omar Velez has been chief executive of Orchid "
         "Group.",
         ("omar-velez", "HOLDS_ROLE", "orchid-group"), {}),
        ("a date in a relative clause on the subject",
         "Tidewater Bank, which opened in 2020, is controlled by Orchid Group.",
         ("tidewater-bank", "CONTROLLED_BY", "orchid-group"), {}),
        ("a start date of another fact, in a relative clause",
         "Omar Velez, who joined Orchid Group in 2015, is chief executive of Tidewater Bank.",
         VELEZ_TIDEWATER, {}),
        ("a date in the reported speech after the role",
         "Omar Velez, chief executive of Tidewater Bank, said deposits had doubled since 2021.",
         VELEZ_TIDEWATER, {}),
        ("its then role: held at the time told, perhaps still",
         "The scheme was launched by Tidewater Bank's then chief executive, Omar Velez.",
         VELEZ_TIDEWATER, {}),
        ("a number from-to that is no date",
         "Omar Velez has run Tidewater Bank, whose staff grew from 2000 to 3000.",
         VELEZ_TIDEWATER, {}),
        ("in a year on a verb that starts nothing",
         "Omar Velez was chief executive of Tidewater Bank in 2019.",
         VELEZ_TIDEWATER, {}),
    ],
)
def test_period(extractor, construction, text, edge, expected):
    found = periods(extractor, text)
    assert edge in found, f"{construction}: {edge} not found in {sorted(found)}"
    assert found[edge] == expected, construction


def test_a_role_s_two_sentences_give_one_edge_with_the_period_either_states(extractor):
    batch = extract(extractor, "Omar Velez is chief executive of Tidewater Bank. He has been "
                    "chief executive of Tidewater Bank since 2021, the bank said.")
    [edge] = [r for r in batch.relations if (r.source, r.type, r.target) == VELEZ_TIDEWATER]
    assert edge.properties["since"] == "2021"
    assert len(edge.evidence) == 2


def test_two_chief_executives_read_with_periods_that_do_not_overlap_are_no_conflict(extractor):
    """The store's rule: one role, two holders, periods apart is a succession."""
    first = extract(extractor, "Omar Velez was chief executive of Tidewater Bank from 2015 to "
                    "2020.", "d1")
    second = extract(extractor, "Rita Lam has been chief executive of Tidewater Bank since "
                     "2021.", "d2")
    edges = [_dumped(r) for r in [*first.relations, *second.relations]]
    assert {e["source"] for e in edges if e["target"] == "tidewater-bank"} == {
        "omar-velez", "rita-lam"}
    assert find_conflicts(edges) == []
    overlapping = extract(extractor, "Rita Lam has been chief executive of Tidewater Bank "
                          "since 2018.", "d3")
    [conflict] = find_conflicts([_dumped(r) for r in [*first.relations,
                                                      *overlapping.relations]])
    assert conflict.holders == ["omar-velez", "rita-lam"]


def _dumped(relation) -> dict:
    return {"source": relation.source, "type": relation.type, "target": relation.target,
            "properties": relation.properties}
