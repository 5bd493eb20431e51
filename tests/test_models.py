import datetime as dt

import pydantic
import pytest

from hkweb3.errors import ValidationError
from hkweb3.graph.models import Document, Entity, Evidence, GraphBatch, Relation


def bank(id_="za-bank", kind="VirtualBank"):
    return Entity(id=id_, name="ZA Bank", kind=kind)


def test_unknown_kind_is_named():
    with pytest.raises(ValidationError, match="unknown kind 'Bnak'"):
        Entity(id="x", name="X", kind="Bnak")


def test_abstract_kind_is_refused():
    with pytest.raises(pydantic.ValidationError, match="abstract"):
        Entity(id="x", name="X", kind="Organization")


def test_unknown_edge_type_is_named():
    with pytest.raises(ValidationError, match="unknown edge type 'BANKS_FOR'"):
        Relation(source="a", type="BANKS_FOR", target="b")


def test_edge_between_disallowed_kinds_is_named():
    person = Entity(id="ben-sin", name="Ben Sin", kind="Person")
    batch = GraphBatch(
        entities=[bank(), person],
        relations=[Relation(source="ben-sin", type="PROVIDES_BANKING_TO", target="za-bank")],
    )
    with pytest.raises(ValidationError, match="cannot start at a Person"):
        batch.check()


def test_edge_to_unknown_id_is_named():
    batch = GraphBatch(
        entities=[bank()],
        relations=[Relation(source="za-bank", type="PROVIDES_BANKING_TO", target="osl")],
    )
    with pytest.raises(ValidationError, match="unknown entity id 'osl'"):
        batch.check()
    batch.check(known_kinds={"osl": "TradingPlatform"})


def test_one_id_with_two_kinds_is_refused():
    with pytest.raises(ValidationError, match="two kinds"):
        GraphBatch(entities=[bank(), bank(kind="Bank")]).check()


@pytest.mark.parametrize("name", ["id", "evidence", "sources", "key", "Name", "has space"])
def test_reserved_or_bad_property_names_are_refused(name):
    with pytest.raises(pydantic.ValidationError):
        Entity(id="x", name="X", kind="Company", attributes={name: "v"})


def test_nested_values_are_refused():
    with pytest.raises(pydantic.ValidationError, match="flat"):
        Relation(source="a", type="OWNS", target="b", properties={"share": {"pct": 5}})


def test_ids_must_be_slugs():
    with pytest.raises(pydantic.ValidationError, match="not a slug"):
        Entity(id="ZA Bank", name="ZA Bank", kind="Bank")


def test_relation_key_uses_the_schema_key_properties():
    role = Relation(source="a", type="HOLDS_ROLE", target="b", properties={"role": " CEO "})
    assert role.key == "role=chief executive"  # one fact, however the role is spelled
    spelled_out = Relation(source="a", type="HOLDS_ROLE", target="b",
                           properties={"role": "Chief Executive Officer"})
    assert spelled_out.key == role.key
    assert Relation(source="a", type="SUBSIDIARY_OF", target="b").key == ""


def test_evidence_round_trips_and_starts_with_its_document():
    ev = Evidence(document="doc-1", sentence="ZA Bank serves OSL.", start=3, end=22,
                  published=dt.date(2023, 4, 12), rule="cue:serves", confidence=0.8)
    text = ev.encode()
    assert text.startswith('{"document":"doc-1",')
    assert Evidence.decode(text) == ev


def test_evidence_span_must_be_in_order():
    with pytest.raises(pydantic.ValidationError, match="before it starts"):
        Evidence(document="d", start=10, end=2, rule="r")


def test_document_hash_is_stable():
    assert Document.hash_text("abc") == Document.hash_text("abc") != Document.hash_text("abd")


def test_a_relation_keeps_its_dates_at_their_precision():
    rel = Relation(source="a", type="HOLDS_ROLE", target="b",
                   properties={"role": "chair", "since": 2023, "until": dt.date(2024, 5, 2)})
    assert rel.properties == {"role": "chair", "since": "2023", "until": "2024-05-02"}
    assert (rel.period.since.precision, rel.period.until.precision) == ("year", "day")


@pytest.mark.parametrize(("properties", "message"), [
    ({"since": "2023-02-30"}, "'since': '2023-02-30' is not a date"),
    ({"since": "April 2023"}, "is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
    ({"service": "custody"}, "LICENSED_BY has no property 'service'"),
])
def test_a_relation_property_must_be_declared_and_of_its_type(properties, message):
    with pytest.raises(ValidationError, match=message):
        Relation(source="a", type="LICENSED_BY", target="b", properties=properties)


def test_evidence_prefix_is_how_its_encoding_starts():
    ev = Evidence(document='odd"id', rule="registry")
    assert ev.encode().startswith(Evidence.prefix('odd"id'))
    assert not ev.encode().startswith(Evidence.prefix("odd"))
