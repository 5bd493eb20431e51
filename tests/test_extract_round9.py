"""Constructions found missing on held-out reporting and invented construction sentences
(round 9). One sentence of our own for each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a relative clause about every item of a list: 'both of which'",
         "Quorra Labs and Brindle Pay, both of which took part in the Harbour Sandbox, plan "
         "to apply.",
         {("quorra-labs", "MEMBER_OF", "harbour-sandbox"),
          ("brindle-pay", "MEMBER_OF", "harbour-sandbox")}),
        ("a phase of a scheme stands for the scheme",
         "Tamsin Bank, Corran Bank and Ledra Bank took part in the first phase of the "
         "Harbour Pilot.",
         {("tamsin-bank", "MEMBER_OF", "harbour-pilot"),
          ("corran-bank", "MEMBER_OF", "harbour-pilot"),
          ("ledra-bank", "MEMBER_OF", "harbour-pilot")}),
        ("a firm's own coin, named in apposition, is a coin it issues",
         "Quorra Labs launched its own coin, LUMA, on Monday.",
         {("quorra-labs", "ISSUES", "luma")}),
        ("a two-word name described as a subsidiary is a firm's, whatever the NER says",
         "Brindle Coinlink is a subsidiary of Brindle Technology.",
         {("brindle-coinlink", "SUBSIDIARY_OF", "brindle-technology")}),
        ("an apposition the parse reads as an adverb of the verb",
         "HKlumen, the exchange run by Harbour Digital Asset Ltd, was founded in 2019.",
         {("harbour-digital-asset", "OPERATES", "hklumen")}),
    ],
)
def test_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    "text",
    ["Quorra Labs and Brindle Pay, neither of which took part in the Harbour Sandbox, plan "
     "to apply.",
     "Quorra Labs and Brindle Pay, one of which took part in the Harbour Sandbox, plan to "
     "apply."],
)
def test_a_list_only_partly_described_takes_no_relation(extractor, text):
    assert not {t for t in triples(extractor, text) if t[1] == "MEMBER_OF"}


def test_a_company_director_is_still_a_person(extractor):
    batch = extractor.run(document("Jane Doe, a company director, said the bank would grow."))
    assert {e.id: e.kind for e in batch.entities}["jane-doe"] == "Person"


def test_an_apposed_description_gives_the_kind_where_the_parse_misplaced_it(extractor):
    batch = extractor.run(document(
        "HKlumen, the exchange run by Harbour Digital Asset Ltd, was founded in 2019."))
    assert {e.id: e.kind for e in batch.entities}["hklumen"] == "TradingPlatform"
