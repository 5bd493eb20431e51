"""The extraction pipeline on sentences phrased as news writes them."""

import datetime as dt
from pathlib import Path

import pytest

from hkweb3.graph.models import Entity
from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.readers import SourceDocument


def extract(extractor, text, published=dt.date(2023, 4, 12)):
    return extractor.run(SourceDocument(id="doc", path=Path("doc.md"), text=text, title="t",
                                        published=published))


def triples(batch):
    return {(r.source, r.type, r.target) for r in batch.relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ben Sin, deputy chief executive of ZA Bank, said so.",
         {("ben-sin", "HOLDS_ROLE", "za-bank")}),
        ("ZA Bank's deputy chief executive Ben Sin said so.",
         {("ben-sin", "HOLDS_ROLE", "za-bank")}),
        ("ZA Bank is controlled by ZhongAn Online P&C Insurance.",
         {("za-bank", "CONTROLLED_BY", "zhongan")}),
        ("Banks including ZA Bank and BoCom HK provide fiat services to HashKey PRO.",
         {("za-bank", "PROVIDES_BANKING_TO", "hashkey-exchange"),
          ("bocom-hk", "PROVIDES_BANKING_TO", "hashkey-exchange")}),
        ("BoCom HK, a subsidiary of Bank of Communications Co., Ltd., is expanding.",
         {("bocom-hk", "SUBSIDIARY_OF", "bocom")}),
        ("OSL was licensed by the Securities and Futures Commission in 2020.",
         {("osl", "LICENSED_BY", "sfc")}),
        ("ZA Bank said it had joined Project Ensemble. Its chief executive Ronald Iu agreed.",
         {("ronald-iu", "HOLDS_ROLE", "za-bank"), ("za-bank", "MEMBER_OF", "project-ensemble")}),
        ("Standard Chartered, Animoca Brands and HKT formed a joint venture.",
         {("animoca-brands", "PARTNERS_WITH", "hkt"),
          ("animoca-brands", "PARTNERS_WITH", "standard-chartered"),
          ("hkt", "PARTNERS_WITH", "standard-chartered")}),
        ("The Web3.0 Association is chaired by Norman Chan.",
         {("norman-chan", "CHAIRS", "web3-association")}),
    ],
)
def test_phrasings(extractor, text, expected):
    assert triples(extract(extractor, text)) == expected


def test_a_text_without_cues_yields_no_relation(extractor):
    batch = extract(extractor, "ZA Bank and OSL were mentioned. The weather in Hong Kong was fine.")
    assert triples(batch) == set()
    assert {"za-bank", "osl", "hong-kong"} <= {e.id for e in batch.entities}


def test_evidence_names_document_sentence_span_date_rule(extractor):
    text = "Intro sentence here. OSL was licensed by the SFC in 2020."
    (relation,) = extract(extractor, text).relations
    (evidence,) = relation.evidence
    assert evidence.document == "doc" and evidence.published == dt.date(2023, 4, 12)
    assert evidence.sentence == "OSL was licensed by the SFC in 2020."
    assert text[evidence.start:evidence.end].strip() == evidence.sentence
    assert evidence.rule == "licensed-by" and 0 < evidence.confidence <= 1


def test_unknown_organisations_and_people_are_discovered_with_a_kind(extractor):
    batch = extract(extractor, "Harbour Crest Bank provides accounts to OSL. "
                               "Its chief executive Mara Quill said demand was strong.")
    entities = {e.id: e for e in batch.entities}
    assert entities["harbour-crest-bank"].kind == "Bank"
    assert entities["harbour-crest-bank"].discovered
    assert entities["mara-quill"].kind == "Person"
    assert not entities["osl"].discovered
    assert ("harbour-crest-bank", "PROVIDES_BANKING_TO", "osl") in triples(batch)
    assert ("mara-quill", "HOLDS_ROLE", "harbour-crest-bank") in triples(batch)


def test_aliases_resolve_to_one_entity(extractor):
    batch = extract(extractor, "Chan Tak-lam, better known as Norman Chan, spoke. "
                               "BOCOM (Hong Kong) and BoCom HK are one bank.")
    ids = {e.id for e in batch.entities}
    assert "norman-chan" in ids and "bocom-hk" in ids
    assert not any(e.discovered for e in batch.entities)


def test_hostile_names_stay_plain_text(extractor):
    text = "Evil}) DETACH DELETE n // Group is controlled by <script>alert(1)</script> Holdings."
    batch = extract(extractor, text)
    assert all(e.id == e.id.lower() and " " not in e.id for e in batch.entities)


def test_a_text_too_long_for_one_parse_gives_what_the_whole_parse_gives(extractor,
                                                                        monkeypatch):
    import hkweb3.loaders.extract as extract

    text = ("Lumen Bank provides settlement accounts to Orchid Exchange.\n\n"
            "Orchid Exchange, which opened in 2019, is controlled by Tidewater Group.\n") * 6
    source = SourceDocument(id="long", path=None, title="t", text=text)
    whole = extractor.run(source)
    monkeypatch.setattr(extract, "LONG_TEXT", 200)
    pieces = extractor.run(source)
    assert len(whole.relations) == 2
    assert [r.model_dump() for r in pieces.relations] == [r.model_dump() for r in whole.relations]


def test_a_long_text_leaves_only_its_overlong_runs_unparsed(extractor, monkeypatch):
    import hkweb3.loaders.extract as extract

    monkeypatch.setattr(extract, "LONG_TEXT", 300)
    monkeypatch.setattr(extract, "LONG_SENTENCE", 50)
    text = ("Lumen Bank provides settlement accounts to Orchid Exchange. " + "row " * 400
            + "\n\nOrchid Exchange, which opened in 2019, is controlled by Tidewater Group.\n")
    batch = extractor.run(SourceDocument(id="long", path=None, title="t", text=text))
    assert {(r.source, r.type, r.target) for r in batch.relations} == {
        ("lumen-bank", "PROVIDES_BANKING_TO", "orchid-exchange"),
        ("orchid-exchange", "CONTROLLED_BY", "tidewater-group")}
    for relation in batch.relations:
        for evidence in relation.evidence:
            assert evidence.sentence == text[evidence.start:evidence.end].strip()
    # the unparsed run is a sentence of its own, not the tail of the one before it
    banking = next(r for r in batch.relations if r.type == "PROVIDES_BANKING_TO")
    assert [e.sentence for e in banking.evidence] == [
        "Lumen Bank provides settlement accounts to Orchid Exchange."]


# -- references in apposition -------------------------------------------------------------

_APPOSITION_REGISTRY = [
    Entity(id="brightwater-exchange", name="Brightwater Exchange", kind="TradingPlatform"),
    Entity(id="kestrel", name="Kestrel", kind="TradingPlatform"),
    Entity(id="orcawave", name="Orcawave", kind="TradingPlatform"),
    Entity(id="lumora-group", name="Lumora Group", kind="Company"),
    Entity(id="quayside-bank", name="Quayside Bank", kind="Bank"),
    Entity(id="nfa", name="Norland Finance Authority", kind="Regulator", aliases=["NFA"]),
]


@pytest.fixture(scope="module")
def apposition_extractor() -> Extractor:
    return Extractor(_APPOSITION_REGISTRY)


def test_a_description_in_apposition_refers_to_the_name_before_it(apposition_extractor):
    doc, found = apposition_extractor.mentions(
        "Brightwater Exchange was licensed in May. Kestrel and Orcawave, the exchange owned "
        "by Lumora Group, followed in June.")
    assert [(m.text, m.entity_id) for m in found if m.how == "reference"] == [
        ("the exchange", "orcawave")]


def test_a_description_after_a_comma_that_is_no_apposition_still_refers_back(
        apposition_extractor):
    doc, found = apposition_extractor.mentions(
        "The NFA licensed Brightwater Exchange in May. Licences then went to Kestrel and "
        "Orcawave, the regulator said.")
    assert ("the regulator", "nfa") in {(m.text, m.entity_id) for m in found
                                        if m.how == "reference"}
    _, found = apposition_extractor.mentions(
        "Brightwater Exchange grew fast. Lumora Group, the exchange's parent, hired staff.")
    assert ("the exchange", "brightwater-exchange") in {(m.text, m.entity_id) for m in found
                                                         if m.how == "reference"}


_KIND_REGISTRY = [
    Entity(id="lumora-group", name="Lumora Group", kind="Company", aliases=["Lumora"]),
    Entity(id="lumora-exchange", name="Lumora Exchange", kind="TradingPlatform"),
    Entity(id="orcawave", name="Orcawave", kind="TradingPlatform"),
    Entity(id="quayside-bank", name="Quayside Bank", kind="Bank"),
]


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("Quayside Bank serves licensed exchanges including Lumora and Orcawave.",
         "lumora-exchange"),
        ("Traders moved funds to crypto exchange Lumora last week.", "lumora-exchange"),
        ("Lumora said its profits rose.", "lumora-group"),
        # an apposition may describe loosely: the group that runs an exchange
        ("Deals rose at Lumora, an online exchange, in May.", "lumora-group"),
    ],
)
def test_a_describing_noun_picks_the_entity_of_its_kind_named_with_the_same_word(
        text, entity_id):
    _, found = Extractor(_KIND_REGISTRY).mentions(text)
    assert [m.entity_id for m in found if m.text == "Lumora"] == [entity_id]
