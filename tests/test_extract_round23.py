"""Constructions found missing in round 23's developed probe sets (`pa`-`pf`). One sentence of
our own for each, with made-up entities."""

import pytest

from tests.extract_support import triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("'Y's stake in X' as a noun phrase, whatever the verb",
         "The loss cut the value of Orlo Bank's stake in Hexa Digital by half.",
         {("orlo-bank", "OWNS", "hexa-digital")}),
        ("'raised Y's holding in X'",
         "The purchase raised Orlo Bank's holding in Hexa Digital to 13 percent.",
         {("orlo-bank", "OWNS", "hexa-digital")}),
        ("'Y's investment in X'",
         "Orlo Bank's investment in Hexa Digital was disclosed on Monday.",
         {("orlo-bank", "OWNS", "hexa-digital")}),
        ("'X, in which Y has invested,'",
         "Hexa Digital, in which Orlo Bank has invested, lost money last year.",
         {("orlo-bank", "OWNS", "hexa-digital")}),
        ("'the deal gives Y a stake in X'",
         "The deal gives Orlo Bank a 20% stake in Hexa Digital.",
         {("orlo-bank", "OWNS", "hexa-digital")}),
        ("'X, Y's subsidiary in Japan': the unit's place",
         "Hexa Digital, Orlo Group's subsidiary in Japan, was fined.",
         {("hexa-digital", "LOCATED_IN", "japan"),
          ("hexa-digital", "SUBSIDIARY_OF", "orlo-group")}),
        ("'registered with Y' in the active voice, after 'after'",
         "Hexa Digital returned to India after registering with the Orlo Authority.",
         {("hexa-digital", "LICENSED_BY", "orlo-authority")}),
        ("'entered into a Memorandum of Understanding', in capitals",
         "Orlo Association, Quarry Digital and Hexa Labs have entered into a strategic "
         "Memorandum of Understanding.",
         {("orlo-association", "PARTNERS_WITH", "quarry-digital"),
          ("hexa-labs", "PARTNERS_WITH", "quarry-digital")}),
        ("'X was set up as a joint venture between A and B'",
         "Hexa Custody was set up this year as a joint venture between Orlo Bank and Quarry "
         "Digital.",
         {("orlo-bank", "OWNS", "hexa-custody"), ("quarry-digital", "OWNS", "hexa-custody")}),
        ("'A sees X as a joint venture of B and C': the object is the venture",
         "Analysts at Orlo Bank see Hexa Custody as a joint venture of Quarry Digital and Tern "
         "Labs.",
         {("quarry-digital", "OWNS", "hexa-custody")}),
        ("'X, one of the largest telecom providers in Y': ranked among the place's firms",
         "Hexa Digital, one of the largest telecom providers in Hong Kong, plans a stablecoin.",
         {("hexa-digital", "LOCATED_IN", "hong-kong")}),
        ("'X, the largest commercial bank in Y'",
         "Orlo Bank, the largest commercial bank in Singapore, has introduced tokenised gold.",
         {("orlo-bank", "LOCATED_IN", "singapore")}),
        ("'X, a company listed in Y'",
         "Hexa Digital, a company listed in Hong Kong, bought bitcoin.",
         {("hexa-digital", "LOCATED_IN", "hong-kong")}),
        ("'the investor behind X is Y'",
         "The investor behind Hexa Group is Orlo Lab.",
         {("orlo-lab", "OWNS", "hexa-group")}),
        ("'the investors behind X include A and B'",
         "The investors behind Hexa Group include Orlo Lab and Tern Capital.",
         {("orlo-lab", "OWNS", "hexa-group"), ("tern-capital", "OWNS", "hexa-group")}),
        ("'X's limited partners include A': investors, not partners",
         "Hexa Ventures' limited partners include Orlo Capital and Tern Investments.",
         {("orlo-capital", "OWNS", "hexa-ventures")}),
        ("'with A and B acting as joint sponsors': advisers of the clause's subject",
         "Hexa Digital passed its listing hearing, with Orlo Bank and Quarry Securities acting "
         "as joint sponsors.",
         {("hexa-digital", "PARTNERS_WITH", "orlo-bank"),
          ("hexa-digital", "PARTNERS_WITH", "quarry-securities")}),
        ("'A, B and C formed X': founders of one thing together are partners",
         "Orlo Bank, Quarry Digital and Tern Telecom formed Hexa Financial to apply for a "
         "licence.",
         {("orlo-bank", "PARTNERS_WITH", "quarry-digital"),
          ("quarry-digital", "PARTNERS_WITH", "tern-telecom")}),
        ("'X, which Y co-organises with Z,': the organiser launched it",
         "Hexa Week 2024, which the Orlo Authority co-organises with Quarry Invest, opened "
         "today.",
         {("orlo-authority", "LAUNCHED", "hexa-week-2024")}),
        ("a surname that is also a pronoun ('Yi He') stays part of the name",
         "Orlo Exchange has appointed its co-founder Yi He as co-chief executive.",
         {("yi-he", "HOLDS_ROLE", "orlo-exchange")}),
        ("a name ending in a capital before the sentence's full stop ('StraitsX.')",
         "Kestrel Bank has partnered with StraitsX.",
         {("kestrel-bank", "PARTNERS_WITH", "straitsx")}),
    ],
)
def test_round23_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(("text", "wrong"), [
    # a stake sold, planned or denied is not held
    ("Orlo Bank sold its stake in Hexa Digital to Quarry Capital.",
     ("orlo-bank", "OWNS", "hexa-digital")),
    ("Orlo Bank's stake in Hexa Digital was sold last year.",
     ("orlo-bank", "OWNS", "hexa-digital")),
    ("Orlo Bank's planned stake in Hexa Digital awaits approval.",
     ("orlo-bank", "OWNS", "hexa-digital")),
    ("Hexa Digital did not register with the Orlo Authority.",
     ("hexa-digital", "LICENSED_BY", "orlo-authority")),
    ("Analysts at Orlo Bank see Hexa Custody as a joint venture of Quarry Digital and Tern "
     "Labs.", ("quarry-digital", "OWNS", "orlo-bank")),
    ("Hexa Ventures' limited partners include Orlo Capital and Tern Investments.",
     ("orlo-capital", "PARTNERS_WITH", "hexa-ventures")),
    ("Quarrow Bank bought Tessaly Digital's stake in Lomond Exchange.",
     ("tessaly-digital", "OWNS", "lomond-exchange")),
    ("Neither Drayton Labs nor its affiliates are licensed by or registered with the Orlo "
     "Authority.", ("drayton-labs", "LICENSED_BY", "orlo-authority")),
    # buyer and seller of a stake are no partners
    ("Corvid Labs entered into an agreement with Pellam Bank to acquire a 51% stake in Tern "
     "Pay.", ("corvid-labs", "PARTNERS_WITH", "pellam-bank")),
    # each sets up its own
    ("Orlo Bank and Quarry Digital each set up a custody unit in May.",
     ("orlo-bank", "PARTNERS_WITH", "quarry-digital")),
    ("Orlo Bank and Quarry Digital have announced plans to set up headquarters in the city.",
     ("orlo-bank", "PARTNERS_WITH", "quarry-digital")),
    # interest in a market is no stake in a firm
    ("Orlo Bank's interest in Hexa Digital's market is growing.",
     ("orlo-bank", "OWNS", "hexa-digital")),
])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)
