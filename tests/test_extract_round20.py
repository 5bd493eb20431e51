"""Constructions found missing or misread in round 20's developed probe sets (`ma`-`md`). One
sentence of our own for each, with made-up entities (registry ones where the construction
needs a registry name)."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a coin's name opening an event's name ('Bitcoin X Summit')",
         "Bitcoin Harbour Summit, a crypto conference, will take place in Singapore.",
         {("bitcoin-harbour-summit", "LOCATED_IN", "singapore")}),
        ("a coin's name opening a body's name ('Ethereum X Foundation')",
         "The Ethereum Tern Foundation has backed Alto Labs.",
         {("ethereum-tern-foundation", "OWNS", "alto-labs")}),
        ("the place an event 'will take place at', the event known only by its name",
         "Harbour Consensus will take place at the Tern Convention Centre next year.",
         {("harbour-consensus", "LOCATED_IN", "tern-convention-centre")}),
        ("a fronted 'Speaking at X,': X is an event, whatever the NER called it",
         "Speaking at Harbour Consensus, Priya Raman said the market had matured.",
         {("priya-raman", "SPOKE_AT", "harbour-consensus")}),
        ("'Among the speakers at X, A argued': the subject spoke there",
         "Among the speakers at the Tern Summit, Priya Raman argued that rates would fall.",
         {("priya-raman", "SPOKE_AT", "tern-summit")}),
        ("'X, one of the largest conferences': what X is one of",
         "Harbourcon, one of the largest cryptocurrency conferences in the world, will be "
         "staged in Singapore in 2025.",
         {("harbourcon", "LOCATED_IN", "singapore")}),
        ("'One of the shareholders of Y is X': a part of the group as the subject",
         "One of the shareholders of Tern Technology is Alto Capital, a unit of Lumen Group.",
         {("alto-capital", "OWNS", "tern-technology")}),
        ("'involved in developing X': a member of what it helps to make",
         "Kowloon Trust Bank is actively involved in developing Project Tern.",
         {("kowloon-trust-bank", "MEMBER_OF", "project-tern")}),
        ("'A of Y, ..., said': a person, whatever the NER called the name",
         "Han Tongwei of Meridian Securities, one of the issuers, said that the funds would "
         "grow.",
         {("han-tongwei", "HOLDS_ROLE", "meridian-securities")}),
        ("'Y will play host to X': the event is in Y",
         "In May, Singapore will play host to both the Tern Summit and the Alto Expo.",
         {("tern-summit", "LOCATED_IN", "singapore"), ("alto-expo", "LOCATED_IN", "singapore")}),
        ("'A and B, both based in Y': each name before",
         "Tern Exchange and Alto Exchange, both based in Singapore, applied for licences.",
         {("tern-exchange", "LOCATED_IN", "singapore"),
          ("alto-exchange", "LOCATED_IN", "singapore")}),
        ("'X, the Y newspaper': an outlet's place",
         "Tern Daily, a Singapore newspaper, reported the deal first.",
         {("tern-daily", "LOCATED_IN", "singapore")}),
        ("'carried out a transaction with Y': the two sides",
         "Kowloon Trust Bank has carried out a repurchase transaction with Alto Bank.",
         {("kowloon-trust-bank", "PARTNERS_WITH", "alto-bank")}),
        ("cornerstone investors of an IPO 'among them A and B'",
         "Tern Holdings' IPO has brought in nine cornerstone investors, among them Alto "
         "Capital and Lumen Partners.",
         {("alto-capital", "OWNS", "tern"), ("lumen-partners", "OWNS", "tern")}),
        ("investors 'in X's IPO include A and B'",
         "Cornerstone investors in Tern's IPO include Alto Capital and Lumen Partners.",
         {("alto-capital", "OWNS", "tern")}),
        ("'the arm of the Y digital-asset exchange': Y with modifiers before the noun",
         "OKX Ventures - the investment arm of the OKX digital-asset exchange - led the round.",
         {("okx-ventures", "SUBSIDIARY_OF", "okx")}),
        ("'X was organised by Y': X is an event, whatever its words",
         "Harbour Chainfest was organised by Alto Inc. and drew 5,000 people.",
         {("alto", "LAUNCHED", "harbour-chainfest")}),
        ("'Y, the company behind the X Summit': Y organises it",
         "The fair was run by Alto Events, the company behind the Lumen Summit.",
         {("alto-events", "LAUNCHED", "lumen-summit")}),
        ("'licensed by the X Bureau': a body that licenses is a regulator",
         "Tern Japan has been licensed by the Kanto Finance Bureau since 2023.",
         {("tern-japan", "LICENSED_BY", "kanto-finance-bureau")}),
        ("'A and B have jointly published X': partners",
         "Alto Bank and the Tern Association have jointly published a white paper.",
         {("alto-bank", "PARTNERS_WITH", "tern-association")}),
        ("'a fireside chat at X brought together A and B': both spoke there",
         "A fireside chat at the Tern Summit brought together Priya Raman and Jane Doe.",
         {("priya-raman", "SPOKE_AT", "tern-summit"), ("jane-doe", "SPOKE_AT", "tern-summit")}),
        ("'headquartered in Washington DC': a city with its district",
         "The Tern Institute, an industry association, is headquartered in Washington DC.",
         {("tern-institute", "LOCATED_IN", "washington-dc")}),
    ],
)
def test_round20_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(("text", "wrong"), [
    # an investment that builds something puts no money in it
    ("Tern Capital invested in building Project Lumen.",
     ("tern-capital", "MEMBER_OF", "project-lumen")),
    # a city's bank "of" a place is no person's
    ("Commonwealth Tern Bank of Australia said profits rose.",
     ("commonwealth-tern-bank", "HOLDS_ROLE", "australia")),
    # a venue or a firm one speaks at is no event
    ("Speaking at the Tern Convention Centre on Thursday, Priya Raman pointed to growth.",
     ("priya-raman", "SPOKE_AT", "tern-convention-centre")),
    ("Priya Raman spoke to reporters at the Tern Deposit Insurance Corporation in Seoul.",
     ("priya-raman", "SPOKE_AT", "tern-deposit-insurance-corporation")),
    # a fine is no licence
    ("Tern Pay was fined by the Finance Bureau.", ("tern-pay", "LICENSED_BY", "finance-bureau")),
    # the review's near misses: a bond offering's buyers own no issuer; a deal talked of is
    # no partnership; a unit "of" a group is no person; a coin and a trade make no name
    ("Tern Bank's $500 million tokenised bond offering drew investors including Alto "
     "Capital.", ("alto-capital", "OWNS", "tern-bank")),
    ("Alto Exchange's token listing attracted investors such as Tern Capital.",
     ("tern-capital", "OWNS", "alto-exchange")),
    ("Alto Bank is in talks over a deal with Tern Bank, sources said.",
     ("alto-bank", "PARTNERS_WITH", "tern-bank")),
    ("Alto Pacific of Tern Holdings is the group's largest unit.",
     ("alto-pacific", "HOLDS_ROLE", "tern")),
    ("Alto Bank participated in launching Tern Pay, a payments start-up.",
     ("alto-bank", "MEMBER_OF", "tern-pay")),
])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


@pytest.mark.parametrize(("text", "absent"), [
    ("Bitcoin ETFs drew inflows last week.", "bitcoin-etfs"),
    ("Bitcoin Holdings rose by 5% on Monday.", "bitcoin-holdings"),
    ("Lumen Capital bought Bitcoin Options worth $5 million.", "bitcoin-options"),
])
def test_a_coin_opens_no_name_of_a_product_or_trade(extractor, text, absent):
    ids = {e.id for e in extractor.run(document(text)).entities}
    assert absent not in ids


def test_a_registry_person_with_a_chinese_given_name_after_is_that_person(extractor):
    """"Eric Yip Chee-hang" beside the registry's "Eric Yip": one person, not two."""
    text = "Eric Yip Chee-hang, a director at the Tern Commission, planned to speak."
    ids = {e.id for e in extractor.run(document(text)).entities}
    assert "eric-yip" in ids and "chee-hang" not in ids
    assert ("eric-yip", "HOLDS_ROLE", "tern-commission") in triples(extractor, text)


@pytest.mark.parametrize(("text", "firm"), [
    # the NER may call a two-word name a person's; what the text says of it is a firm's
    ("Priya Raman, the chief executive of Bucket Studio, spoke.", "bucket-studio"),
    ("Bucket Studio's chief executive, Priya Raman, spoke.", "bucket-studio"),
    ("Priya Raman, head of digital assets at Harlan Whitby, said demand grew.",
     "harlan-whitby"),
    ("The Tern Onchain Money Fund is issued by Harlan Whitby.", "harlan-whitby"),
])
def test_what_a_post_is_of_or_at_or_an_issuer_is_a_firm(extractor, text, firm):
    kinds = {e.id: e.kind for e in extractor.run(document(text)).entities}
    assert kinds[firm] != "Person"


def test_speaking_at_makes_an_event_of_a_name(extractor):
    text = "Speaking at Harbour Consensus, Priya Raman said the market had matured."
    kinds = {e.id: e.kind for e in extractor.run(document(text)).entities}
    assert kinds["harbour-consensus"] == "Event"
