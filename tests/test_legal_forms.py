"""One list of legal-form suffixes, used alike by every reader of names."""

import pytest

from hkweb3.graph.legal_forms import (
    is_legal_suffix,
    legal_stems,
    legal_suffix_length,
    strip_legal_suffix,
)
from hkweb3.graph.models import Entity
from hkweb3.graph.review import name_key
from hkweb3.graph.schema import SCHEMA_FILE, SchemaError, load_schema
from hkweb3.loaders.mentions import RegistryMentions, blank_pipeline
from hkweb3.loaders.names import canonical
from hkweb3.loaders.registers import _slug


@pytest.mark.parametrize(("name", "plain"), [
    ("Quillon Robotics Limited", "Quillon Robotics"),
    ("Quillon Robotics Ltd.", "Quillon Robotics"),
    ("Quillon Robotics, Inc.", "Quillon Robotics"),
    ("Quillon Robotics Co., Ltd.", "Quillon Robotics"),
    ("Quillon Robotics Company Limited", "Quillon Robotics"),
    ("Quillon Robotics Pte. Ltd.", "Quillon Robotics"),
    ("Quillon Robotics L.L.C.", "Quillon Robotics"),
    ("Quillon Robotics GmbH", "Quillon Robotics"),
    ("Quillon Robotics,Ltd", "Quillon Robotics"),
    # a name is never only its legal form
    ("Limited", "Limited"),
    ("Co. Ltd.", "Co."),
    # words that name public bodies, or groups, are not legal forms
    ("Tarnwick Science Parks Corporation", "Tarnwick Science Parks Corporation"),
    ("Tarnwick Securities Clearing Company", "Tarnwick Securities Clearing Company"),
    ("Quillon Holdings", "Quillon Holdings"),
    ("Quillon Bank (Hong Kong) Limited", "Quillon Bank (Hong Kong)"),
    # a legal word inside a name stays
    ("Limited Edition Ventures", "Limited Edition Ventures"),
])
def test_strip_legal_suffix(name, plain):
    assert strip_legal_suffix(name) == plain


def test_legal_stems_are_every_name_a_suffix_may_have_been_added_to():
    assert legal_stems("Quillon Robotics Company Limited") == [
        "Quillon Robotics Company", "Quillon Robotics"]
    assert legal_stems("Quillon Robotics Co., Ltd.") == ["Quillon Robotics Co.",
                                                         "Quillon Robotics"]
    assert legal_stems("Quillon Robotics") == []
    assert legal_stems("Tarnwick Parks Corporation") == []


def test_is_legal_suffix_compares_plain_words():
    assert all(is_legal_suffix(w) for w in ("Ltd.", "ltd", "INC", "S.A.", "plc", "Co.,"))
    assert not any(is_legal_suffix(w) for w in ("Company", "Corporation", "Holdings", "Bank",
                                                 ""))
    assert legal_suffix_length(["Quillon", "Company", "Limited"]) == 2
    assert legal_suffix_length(["Company", "Limited"]) == 1  # never the whole name
    assert legal_suffix_length(["Quillon"]) == 0
    assert legal_suffix_length(["Quillon", "Corporation"]) == 0
    assert legal_suffix_length(["Quillon", "Corporation"], loose=True) == 1


def test_every_reader_of_names_drops_the_same_suffixes():
    """Register ids, the review's keys and the names found in documents agree."""
    for name in ("Ostrava Ledger Company Limited", "Ostrava Ledger Co., Ltd.",
                 "Ostrava Ledger Inc", "Ostrava Ledger PLC"):
        assert _slug(name) == "ostrava-ledger"
        assert name_key(name) == "ostrava ledger"
        assert canonical(name) == "ostrava ledger"
    # a word that ends public bodies' names too is set aside only to compare two names
    assert name_key("Ostrava Ledger Corporation") == "ostrava ledger"
    assert _slug("Ostrava Parks Corporation") == "ostrava-parks-corporation"
    assert canonical("Ostrava Parks Corporation") == "ostrava parks corporation"
    # grouping names also sets aside a group's own ending, which is no legal form, but a
    # bracketed place names a Hong Kong arm, which is a firm of its own
    assert canonical("Ostrava Ledger Holdings Limited") == "ostrava ledger"
    assert canonical("Ostrava Ledger (HK) Limited") == "ostrava ledger hk"
    assert _slug("Ostrava Ledger Holdings Limited") == "ostrava-ledger-holdings"


def test_the_list_is_the_schemas(tmp_path):
    assert "company limited" in load_schema().legal_suffixes
    assert "corporation" in load_schema().loose_suffixes
    bad = tmp_path / "schema.yaml"
    bad.write_text(SCHEMA_FILE.read_text(encoding="utf-8").replace(
        "names:\n  legal_suffixes:", "names:\n  legal_suffixes: 3\n  old:"), encoding="utf-8")
    with pytest.raises(SchemaError, match="legal_suffixes is a list of words"):
        load_schema(bad)


def test_a_registry_variant_never_takes_another_entitys_own_name():
    """A name without its legal suffix that is another entity's name stays that entity's."""
    finder = RegistryMentions(blank_pipeline(), [
        Entity(id="brisa-bank", name="Brisa Bank", kind="Bank",
               aliases=["Brisa Fintech Company Limited"]),
        Entity(id="brisa-fintech", name="Brisa Fintech", kind="Company"),
        Entity(id="ostrel", name="Ostrel Pay Limited", kind="Company")])
    assert finder.lookup["Brisa Fintech"] == "brisa-fintech"
    assert finder.lookup["Brisa Fintech Company"] == "brisa-bank"
    assert finder.lookup["Brisa Fintech Company Limited"] == "brisa-bank"
    assert finder.lookup["Ostrel Pay"] == "ostrel"
