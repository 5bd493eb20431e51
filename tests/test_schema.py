from pathlib import Path

import pytest

from hkweb3.errors import SchemaError, ValidationError
from hkweb3.graph.schema import load_schema


@pytest.fixture
def schema():
    return load_schema()


def test_labels_carry_every_ancestor(schema):
    assert schema.labels_for("VirtualBank") == ("VirtualBank", "Bank", "Organization", "Entity")
    assert schema.labels_for("Person") == ("Person", "Entity")


def test_abstract_kinds_are_not_concrete(schema):
    assert "Organization" not in schema.concrete_kinds
    assert {"Bank", "VirtualBank", "TradingPlatform", "Regulator", "Person"} <= set(
        schema.concrete_kinds
    )


def test_edge_ends_allow_descendants(schema):
    assert schema.allows("PROVIDES_BANKING_TO", "VirtualBank", "TradingPlatform")
    assert not schema.allows("PROVIDES_BANKING_TO", "Person", "TradingPlatform")
    assert schema.allows("MENTIONS", "Document", "Person")
    assert not schema.allows("MENTIONS", "Person", "Person")


def test_disallowed_edge_names_the_offending_kind(schema):
    with pytest.raises(ValidationError, match="HOLDS_ROLE cannot start at a Bank"):
        schema.check_edge("HOLDS_ROLE", "Bank", "Regulator")
    with pytest.raises(ValidationError, match="LICENSED_BY cannot end at a Bank"):
        schema.check_edge("LICENSED_BY", "TradingPlatform", "Bank")


def test_a_pair_of_kinds_an_edge_never_joins(schema):
    # a regulator is no partner of the firms it oversees, either way round; regulators and
    # governments may still work together
    assert not schema.allows("PARTNERS_WITH", "Regulator", "VirtualBank")
    assert not schema.allows("PARTNERS_WITH", "TradingPlatform", "Regulator")
    assert schema.allows("PARTNERS_WITH", "Regulator", "GovernmentBody")
    assert schema.allows("PARTNERS_WITH", "Bank", "TradingPlatform")
    with pytest.raises(ValidationError, match="PARTNERS_WITH never joins a Company and a "
                                              "Regulator"):
        schema.check_edge("PARTNERS_WITH", "Company", "Regulator")


def test_unknown_kind_and_edge_type_are_named(schema):
    with pytest.raises(ValidationError, match="unknown kind 'Bnak'"):
        schema.kind("Bnak")
    with pytest.raises(ValidationError, match="unknown edge type 'BANKS'"):
        schema.edge("BANKS")


def test_every_kind_has_a_colour(schema):
    for kind in schema.kinds:
        assert schema.color(kind).startswith("#")
    assert schema.color("Document") == "#dddddd"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("node_kinds: {Bank: {extends: Firm}}\nedge_types: {}", "extends unknown kind 'Firm'"),
        ("node_kinds: {A: {extends: B}, B: {extends: A}}\nedge_types: {X_Y: {source: [A], "
         "target: [A]}}", "cycle"),
        ("node_kinds: {Bank: {color: red}}\nedge_types: {}", "colour 'red'"),
        ("node_kinds: {bank: {}}\nedge_types: {}", "'bank' is not a valid label"),
        ("node_kinds: {Bank: {}}\nedge_types: {OWNS: {source: [Bank], target: [Firm]}}",
         "unknown kind(s) ['Firm']"),
        ("node_kinds: {Bank: {}}\nedge_types: {owns: {source: [Bank], target: [Bank]}}",
         "'owns' is not UPPER_SNAKE_CASE"),
        ("node_kinds: {Bank: {}}\nedge_types: {OWNS: {source: [Bank]}}", "target kinds"),
        ("node_kinds: {Bank: {colour: '#ffffff'}}\nedge_types: {}", "unknown field"),
        ("node_kinds: [", "cannot read schema"),
        ("node_kinds: {Bank: {}}\nedge_types: {OWNS: {source: [Bank], target: [Bank], "
         "properties: {share: {type: percent}}}}", "type 'percent'"),
        ("node_kinds: {Bank: {}}\nedge_types: {OWNS: {source: [Bank], target: [Bank], "
         "key: [share]}}", "key names undeclared"),
        ("node_kinds: {Bank: {}}\nedge_types: {OWNS: {source: [Bank], target: [Bank], "
         "properties: {since: {type: text}}}}\nperiod: {since: {type: partial date}}",
         "already declared in the period"),
    ],
)
def test_bad_schema_files_are_refused_with_the_reason(tmp_path: Path, text, message):
    path = tmp_path / "schema.yaml"
    path.write_text(text)
    with pytest.raises(SchemaError) as error:
        load_schema(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_every_edge_may_carry_the_period_and_declares_its_own_properties(schema):
    for edge in schema.edges:
        props = schema.properties(edge)
        assert {"since": "partial date", "until": "partial date", "current": "bool"}.items() \
            <= {name: spec.type for name, spec in props.items()}.items()
        assert set(schema.edge(edge).key) <= set(props)
    assert schema.properties("LICENSED_BY")["licence"].type == "text"
    assert [e.name for e in schema.single_holder_types] == [
        "SUBSIDIARY_OF", "HOLDS_ROLE", "CHAIRS", "LOCATED_IN"]


def test_property_values_are_checked_against_their_declared_type(schema):
    assert schema.check_properties("HOLDS_ROLE", {"role": "chair", "since": 2019,
                                                  "until": "2023-04", "current": False}) == {
        "role": "chair", "since": "2019", "until": "2023-04", "current": False}
    with pytest.raises(ValidationError, match="HOLDS_ROLE has no property 'licence'"):
        schema.check_properties("HOLDS_ROLE", {"licence": "VATP"})
    with pytest.raises(ValidationError, match="'current': 'yes' is not true or false"):
        schema.check_properties("HOLDS_ROLE", {"current": "yes"})
    with pytest.raises(ValidationError, match="'since': '2023-13' is not a date"):
        schema.check_properties("HOLDS_ROLE", {"since": "2023-13"})
    with pytest.raises(ValidationError, match="'share': 51 is not text"):
        schema.check_properties("OWNS", {"share": 51})
