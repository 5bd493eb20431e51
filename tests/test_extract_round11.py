"""Constructions found missing in round 11's developed probe sets and construction sentences.
One sentence of our own for each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a public body 'in' a country that only ISO 3166 lists",
         "The licence came from the Astrava Financial Services Authority (AFSA) in "
         "Kazakhstan, the company said.",
         {("astrava-financial-services-authority", "LOCATED_IN", "kazakhstan")}),
        ("an event 'in' a city where the parse hangs 'in' on the verb",
         "The plan was discussed at the Quarry Venture Forum 2025 in Hong Kong, where "
         "attention also turned to stablecoins.",
         {("quarry-venture-forum-2025", "LOCATED_IN", "hong-kong")}),
        ("an event named after a registry firm, with a generic word after the firm's name",
         "The award was handed out at the Cyberport Fintech Forum in Hong Kong.",
         {("cyberport-fintech-forum", "LOCATED_IN", "hong-kong")}),
        ("a title written before a region, the region heading the phrase",
         '"We are ready," said Livia Marsh, CEO Hong Kong at Dunmore Bank.',
         {("livia-marsh", "HOLDS_ROLE", "dunmore-bank")}),
        ("a regulator's scheme named in quotation marks before its nouns",
         'The lender is part of the HKMA\'s "Tessellate" sandbox programme for tokenised '
         "deposits.",
         {("hkma", "OPERATES", "tessellate")}),
        ("a firm's app named in quotation marks",
         'Orrin Pay moved most of its volume onto its "Nimbus" app last year.',
         {("orrin-pay", "OPERATES", "nimbus")}),
        ("a system a firm runs, in apposition with 'its'",
         "Orrin Pay settled a third of its volume through Nimbus, its blockchain-based "
         "platform, last year.",
         {("orrin-pay", "OPERATES", "nimbus")}),
        ("two firms that carried out one trial together",
         "Quarry Bank and Orrin Pay carried out the city's first tokenised interbank "
         "transfer in October.",
         {("orrin-pay", "PARTNERS_WITH", "quarry-bank")}),
        ("members listed by 'such as' after a class of members",
         "The Tern Fintech Alliance, a group whose members include large lenders such as "
         "Quarry Bank and Dunmore Bank, met on Monday.",
         {("quarry-bank", "MEMBER_OF", "tern-fintech-alliance"),
          ("dunmore-bank", "MEMBER_OF", "tern-fintech-alliance")}),
        ("buying a share of a firm's shares",
         "Velden Group agreed to acquire 51% of Orrin Securities' shares through its "
         "subsidiary.",
         {("velden-group", "OWNS", "orrin-securities")}),
        ("'serves as' a member of an association",
         "Orrin Securities also serves as a founding member of the Tern Fintech Alliance.",
         {("orrin-securities", "MEMBER_OF", "tern-fintech-alliance")}),
        ("'serves as' a firm's chief executive",
         "Livia Marsh serves as chief executive of Orrin Securities.",
         {("livia-marsh", "HOLDS_ROLE", "orrin-securities")}),
    ],
)
def test_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    ("text", "wrong"),
    [("Quarry Bank and Orrin Pay separately completed pilots last year.", "PARTNERS_WITH"),
     ("The SFC in March fined Orrin Securities for lapses in Hong Kong.", "LOCATED_IN"),
     ("Velden Group bought 5% of the market in 2024, it said.", "OWNS")],
)
def test_no_false_relation(extractor, text, wrong):
    assert not {t for t in triples(extractor, text) if t[1] == wrong}


@pytest.mark.parametrize("country", ["Kazakhstan", "Uzbekistan", "Mauritius", "Bolivia"])
def test_a_country_is_a_place_whatever_the_ner_says(extractor, country):
    batch = extractor.run(document(
        f"The Tern Regulatory Authority in {country} licensed the platform last year."))
    found = {e.id: e.kind for e in batch.entities}
    assert found.get(country.lower()) == "Place"


def test_a_payments_firm_described_as_a_platform_stays_a_firm(extractor):
    batch = extractor.run(document("Quarry Bank said Orrin Pay, a payments platform, will "
                                   "join the scheme."))
    assert {e.id: e.kind for e in batch.entities}["orrin-pay"] == "Company"
