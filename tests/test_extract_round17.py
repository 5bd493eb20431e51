"""Constructions found missing or misread in round 17's developed probe sets and construction
sentences. One sentence of our own for each, with made-up entities."""

import pytest

from tests.extract_support import triples


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
    ],
)
def test_round17_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(("text", "wrong"), [
    ("Demand is strong, according to King Lam, InvestHK's chief Tom Lee.",
     ("king-lam", "HOLDS_ROLE", "investhk")),
])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)
