"""Constructions found missing or misread in round 18's developed probe sets and construction
sentences. One sentence of our own for each, with made-up entities."""

import pytest

from hkweb3.loaders.names import kind_of
from tests.extract_support import triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a firm's title in apposition to the object of a plan: the description holds",
         "Kestrel Markets is pushing a proposal to reappoint its chief executive, Daniel "
         "Okafor, at its annual meeting.",
         {("daniel-okafor", "HOLDS_ROLE", "kestrel-markets")}),
        ("a second title joined to the first title's object by the parse",
         "Priya Raman, head of Quarrow Bank's Asian arm and chief executive of Alto Pay, "
         "left in May.",
         {("priya-raman", "HOLDS_ROLE", "quarrow-bank"),
          ("priya-raman", "HOLDS_ROLE", "alto-pay")}),
        ("a body named 'X for Y Fund' holds posts (the head before 'for')",
         "Liu Kang, replacing Zhou Wei, was appointed chairman of the National Council for "
         "Pension Reserve Fund.",
         {("liu-kang", "HOLDS_ROLE", "national-council-for-pension-reserve-fund")}),
        ("'X struck (signed, completed) a deal to buy Y': X buys",
         "Meridian Securities struck a deal to buy Alto Pay.",
         {("meridian-securities", "ACQUIRED", "alto-pay")}),
        ("'the acquisition of Y by X': the parse hangs 'by' on Y",
         "The acquisition of Alto Pay by Meridian Securities was completed last week.",
         {("meridian-securities", "ACQUIRED", "alto-pay")}),
        ("a firm's noun before its name, taken by the tagger for a verb",
         "Meridian Securities invested in blockchain startup Alto Pay.",
         {("meridian-securities", "OWNS", "alto-pay")}),
    ],
)
def test_round18_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(("text", "wrong"), [
    ("Kestrel Markets did not say whether Daniel Okafor would become its chief executive.",
     ("daniel-okafor", "HOLDS_ROLE", "kestrel-markets")),
    ("Meridian Securities scrapped a deal to buy Alto Pay.",
     ("meridian-securities", "ACQUIRED", "alto-pay")),
    ("The regulator approved a deal for Kowloon Trust Bank to buy Alto Pay.",
     ("kowloon-trust-bank", "ACQUIRED", "meridian-securities")),
])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


def test_a_body_for_a_subject_takes_its_kind_from_the_word_before_for():
    assert kind_of("National Council for Pension Reserve Fund", None, None) == "Association"
    assert kind_of("Lumen Association for Digital Bank", None, None) == "Association"
