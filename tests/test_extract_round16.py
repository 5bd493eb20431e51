"""Constructions found missing or misread in round 16's developed probe sets and construction
sentences. One sentence of our own for each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("two titles before 'at' and the firm, one with a department joined by '&' and "
         "one 'to' an executive",
         "Mira Osei, Head of Strategy & Planning and Chief of Staff to CEO at Tallis Bank, "
         "spoke on Monday.",
         {("mira-osei", "HOLDS_ROLE", "tallis-bank")}),
        ("a chair designate (the parse heads the title on 'designate')",
         "Nick Varga is now the chair designate of Quill Pay.",
         {("nick-varga", "HOLDS_ROLE", "quill-pay")}),
        ("a hyphenated title-elect",
         "Nick Varga, the chairman-elect of Quill Pay, spoke.",
         {("nick-varga", "HOLDS_ROLE", "quill-pay")}),
        ("a person heads a firm's laboratory ('of' the firm)",
         "Alex Yeung also headed the blockchain laboratory of Corvid Capital.",
         {("alex-yeung", "HOLDS_ROLE", "corvid-capital")}),
        ("a person runs a firm's office",
         "Alex Yeung runs the Hong Kong office of Corvid Capital.",
         {("alex-yeung", "HOLDS_ROLE", "corvid-capital")}),
        ("a writer 'writing for' an outlet",
         "Gu Lan, writing for the Tern Times, questioned the valuation.",
         {("gu-lan", "HOLDS_ROLE", "tern-times")}),
        ("a person added to a firm's advisory team",
         "Marlow Health added Tina Lopez to its advisory team.",
         {("tina-lopez", "HOLDS_ROLE", "marlow-health")}),
        ("a person appointed to a firm's committee",
         "Tina Lopez was appointed to Corvid Capital's risk committee.",
         {("tina-lopez", "HOLDS_ROLE", "corvid-capital")}),
        ("'the X executive': a one-word firm before a firm's people is a firm",
         "Tina Lopez, the Kraken executive who is said to have shaped the plan, spoke.",
         {("tina-lopez", "HOLDS_ROLE", "kraken")}),
        ("'a former X executive'",
         "Tina Lopez, a former Quorvex executive, joined Quill Pay.",
         {("tina-lopez", "HOLDS_ROLE", "quorvex")}),
        ("a name with an abbreviation in brackets, then 's (the parse hangs 's on the "
         "abbreviation)",
         "Tallis Bank joined the Hong Kong Monetary Authority (HKMA)'s Quill Pilot Programme.",
         {("tallis-bank", "MEMBER_OF", "quill-pilot-programme"),
          ("hkma", "OPERATES", "quill-pilot-programme")}),
        ("the same before a title",
         "Mira Osei, the Securities and Futures Commission (SFC)'s chief executive, spoke.",
         {("mira-osei", "HOLDS_ROLE", "sfc")}),
    ],
)
def test_round16_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(("text", "wrong"), [
    # a title over a department is no firm
    ("Mira Osei, Head of Strategy & Planning and Chief of Staff to CEO at Tallis Bank, spoke.",
     ("mira-osei", "HOLDS_ROLE", "staff")),
    # who is yet to take the chair does not chair
    ("Nick Varga is now the chair designate of Quill Pay.", ("nick-varga", "CHAIRS", "quill-pay")),
    # a letter written for a firm is no post there
    ("Gu Lan wrote a letter for Quill Pay.", ("gu-lan", "HOLDS_ROLE", "quill-pay")),
    # leading an audit of a firm is no post there
    ("Alex Yeung led the audit of Corvid Capital.", ("alex-yeung", "HOLDS_ROLE", "corvid-capital")),
])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


def test_a_place_s_name_with_a_legal_form_is_a_firm(extractor):
    """"Greenland Holdings": the name's key is a place's, but a legal form makes it a firm."""
    batch = extractor.run(document("Greenland Holdings plans a bank."))
    assert [(e.name, e.kind) for e in batch.entities] == [("Greenland Holdings", "Company")]
