"""Constructions found missing or misread in round 17's developed probe sets and construction
sentences. One sentence of our own for each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("'according to A, Y's head of X and Z': the parse hangs \"'s\" on the verb",
         "Demand is strong, according to King Lam, InvestHK's head of financial services "
         "and fintech.",
         {("king-lam", "HOLDS_ROLE", "investhk")}),
        ("'A, Y's head of X, said': the parse hangs \"'s\" on the person",
         "King Lam, InvestHK's head of fintech, said demand is strong.",
         {("king-lam", "HOLDS_ROLE", "investhk")}),
        ("a description set off after a list of objects, parsed as a second object",
         "Scammers used Lumen Chat and Orbis Talk, the messaging platforms owned by Quarrow "
         "Group.",
         {("quarrow-group", "OWNS", "lumen-chat"), ("quarrow-group", "OWNS", "orbis-talk")}),
        ("a firm introduced a service (or a firm) named like a firm",
         "A year earlier, Quarrow Group, Inc. introduced Quarrow Token Services, through "
         "which cash moves between branches.",
         {("quarrow-group", "LAUNCHED", "quarrow-token-services")}),
    ],
)
def test_round17_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(("text", "wrong"), [
    ("Demand is strong, according to King Lam, InvestHK's chief Tom Lee.",
     ("king-lam", "HOLDS_ROLE", "investhk")),
    ("Quarrow Bank introduced Tessaly Digital to its clients.",
     ("quarrow-bank", "LAUNCHED", "tessaly-digital")),
])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


def test_memorandum_of_understanding_names_no_one(extractor):
    """"a Memorandum of Understanding": capitalised, but the agreement, not a firm."""
    batch = extractor.run(document("Quarrow Bank and Tessaly Digital signed a Memorandum of "
                                   "Understanding."))
    assert {e.id for e in batch.entities} == {"quarrow-bank", "tessaly-digital"}
