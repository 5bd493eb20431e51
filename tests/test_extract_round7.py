"""Constructions found missing on held-out reporting (round 7). One sentence of our own for
each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


def test_a_description_opening_a_sentence_continues_the_last_speaker(extractor):
    # the firms named inside what the speaker said are not the topic
    text = ("Lumenra Capital said Hask Partners, Orbis Works and Pelican Labs had also put "
            "money into the round. The company also announced a partnership with Tamsin "
            "Exchange.")
    found = triples(extractor, text)
    assert ("lumenra-capital", "PARTNERS_WITH", "tamsin-exchange") in found
    assert ("pelican-labs", "PARTNERS_WITH", "tamsin-exchange") not in found


def test_a_description_inside_a_sentence_is_still_the_last_name(extractor):
    text = ("Lumenra Capital said it had bought Pelican Labs. Analysts said the company "
            "would partner with Tamsin Exchange.")
    assert ("pelican-labs", "PARTNERS_WITH", "tamsin-exchange") in triples(extractor, text)


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("investments listed after 'among them', each with a description before its name",
         "Pellam Ventures has so far backed six start-ups, among them the Macau-based games "
         "studio Quorra Labs and the football club Tamsin United.",
         {("pellam-ventures", "OWNS", "quorra-labs"),
          ("pellam-ventures", "OWNS", "tamsin-united")}),
        ("a joint application from a list of firms",
         "The authority named two participants: Orbis Works and a joint application from "
         "Quorra Labs, Tamsin Capital and Pellam Group.",
         {("quorra-labs", "PARTNERS_WITH", "tamsin-capital"),
          ("pellam-group", "PARTNERS_WITH", "quorra-labs"),
          ("pellam-group", "PARTNERS_WITH", "tamsin-capital")}),
        ("the start of a scheme announced",
         "The Hong Kong Monetary Authority has announced the start of the Orbis Pilot "
         "Programme.",
         {("hkma", "LAUNCHED", "orbis-pilot-programme")}),
        ("a phase of a scheme launched",
         "The Hong Kong Monetary Authority launched the second phase of its Orbis Pilot "
         "Programme on Monday.",
         {("hkma", "LAUNCHED", "orbis-pilot-programme")}),
        ("the parent company of a firm, in apposition",
         "Quorra Labs, the parent company of Tamsin Pay, is based in Macau.",
         {("tamsin-pay", "SUBSIDIARY_OF", "quorra-labs")}),
        ("the parent firm of a firm, after 'is'",
         "Pelican Labs is the parent firm of Tamsin Pay.",
         {("tamsin-pay", "SUBSIDIARY_OF", "pelican-labs")}),
    ],
)
def test_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    ("text", "role"),
    [("Deputy Financial Secretary Ada Quayle opened the forum.", "deputy financial secretary"),
     ("Under Secretary for Financial Services and the Treasury Ada Quayle opened the forum.",
      "under secretary for financial services and the treasury"),
     ("Financial Secretary Ada Quayle opened the forum.", "financial secretary")],
)
def test_a_deputy_holds_the_deputy_s_office_only(extractor, text, role):
    roles = {r.properties.get("role") for r in extractor.run(document(text)).relations
             if r.type == "HOLDS_ROLE" and r.source == "ada-quayle"}
    assert roles == {role}


def test_a_firm_working_with_its_regulator_is_no_partner(extractor):
    text = "Quorra Exchange will work closely with the SFC on its application, it said."
    assert not any(t == "PARTNERS_WITH" for _, t, _ in triples(extractor, text))


def test_a_firm_working_with_another_is_a_partner(extractor):
    text = "Quorra Exchange will work closely with Tamsin Bank on its application, it said."
    assert ("quorra-exchange", "PARTNERS_WITH", "tamsin-bank") in triples(extractor, text)


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("licences granted in a sentence naming one regulator, the noun split by a bracket",
         "Quorra Exchange and Tamsin Exchange had been granted trading platform (VATP) "
         "licences by Friday, according to a list published by the Securities and Futures "
         "Commission.",
         {("quorra-exchange", "LICENSED_BY", "sfc"), ("tamsin-exchange", "LICENSED_BY", "sfc")}),
        ("a coin referred back to as 'the token'",
         "Pelican Digital has unveiled PLUSD, a stablecoin. The token will be issued by "
         "Pelican Trust, a trust company owned by Pelican Digital.",
         {("pelican-trust", "ISSUES", "plusd")}),
        ("'the firm's' in apposition to a name is another firm",
         "Orbis Group filed the papers on Monday. The application was submitted by Orbis "
         "Hong Kong Fintech, the firm's local subsidiary, the regulator said.",
         {("orbis-hong-kong-fintech", "SUBSIDIARY_OF", "orbis-group")}),
        ("a speech at a part of an event",
         "Ada Quayle gave a keynote address at the opening ceremony of the Kowloon Ledger "
         "Week 2024 on Monday.",
         {("ada-quayle", "SPOKE_AT", "kowloon-ledger-week-2024")}),
        ("'the fund' followed by the fund's name",
         "Pellam Asset Management launched a fund. The fund, the Pellam Solana ETF, was "
         "authorised by the Securities and Futures Commission on Friday.",
         {("pellam-solana-etf", "LICENSED_BY", "sfc")}),
        ("'the fund' opening a sentence is the fund named before, not the firm",
         "Pellam Asset Management launched the Pellam Solana ETF. The fund, which tracks "
         "solana, was authorised by the Securities and Futures Commission.",
         {("pellam-solana-etf", "LICENSED_BY", "sfc")}),
    ],
)
def test_reference_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


def test_the_source_of_the_news_is_no_referent(extractor):
    text = ("Tamsin Pay joined the scheme. According to Orbis Research, the company's chief "
            "executive, Ada Quayle, is a vice president of Quorra Labs.")
    found = triples(extractor, text)
    assert ("ada-quayle", "HOLDS_ROLE", "tamsin-pay") in found
    assert ("ada-quayle", "HOLDS_ROLE", "orbis-research") not in found


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a sum of bonds sold, the amount hung on 'about'",
         "The Hong Kong government said it had offered about HK$5 billion of digital "
         "sovereign bonds on Monday.",
         {("hksar-government", "ISSUES", "digital-sovereign-bonds")}),
        ("an offering of a sum of bonds",
         "Two law firms advised on the Hong Kong government's offering of HKD5 billion of "
         "tokenised sovereign bonds.",
         {("hksar-government", "ISSUES", "tokenised-sovereign-bonds")}),
        ("a government's bond with its size between",
         "Wexford Bank arranged the Hong Kong government's HK$5 billion digital sovereign "
         "bond.",
         {("hksar-government", "ISSUES", "digital-sovereign-bond")}),
        ("a share of a firm bought",
         "Pellam Capital bought 30 per cent of Quorra Labs last year.",
         {("pellam-capital", "OWNS", "quorra-labs")}),
    ],
)
def test_issue_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    ("text", "found"),
    [("The city sold HK$5 billion of tokenised infrastructure bonds.", True),
     ("Banks are keen on digital bonds these days.", False),
     ("It was the largest digital green bond issuance so far.", False)],
)
def test_an_issue_of_bonds_is_named_by_its_series(extractor, text, found):
    kinds = {e.name.lower(): e.kind for e in extractor.run(document(text)).entities}
    assert any(k == "Product" and "bond" in n for n, k in kinds.items()) is found


def test_whose_after_a_place_ending_a_participle_speaks_of_the_described_firm(extractor):
    text = ("Wexford Bank is backed by Quorra Insurance, an insurer based in mainland China "
            "whose founders include Tamsin Group.")
    assert ("quorra-insurance", "FOUNDED_BY", "tamsin-group") in triples(extractor, text)


def test_an_officer_reporting_a_firm_s_plans_holds_a_role_there(extractor):
    text = ("Tamsin Exchange will list three new tokens next month, Chief Operating Officer "
            "Ben Tsai said on Monday.")
    roles = {(r.source, r.target, r.properties.get("role"))
             for r in extractor.run(document(text)).relations if r.type == "HOLDS_ROLE"}
    assert roles == {("ben-tsai", "tamsin-exchange", "chief operating officer")}


def test_an_officer_of_a_named_firm_does_not_hold_a_role_at_the_firm_spoken_of(extractor):
    text = "Tamsin Exchange will be fined, Orbis Bank Chief Executive Ben Tsai said."
    found = triples(extractor, text)
    assert ("ben-tsai", "HOLDS_ROLE", "orbis-bank") in found
    assert ("ben-tsai", "HOLDS_ROLE", "tamsin-exchange") not in found


@pytest.mark.parametrize(
    ("text", "parent"),
    [("Tamsin Trust, a trust company that is owned by Pellam Digital, will issue it.",
      "pellam-digital"),
     ("A further exchange, Orbis Exchange, reputed to be owned by Pellam Digital, closed.", None),
     ("Quorra Bank is owned by Pellam Digital and Tamsin Group.", None),
     ("Tamsin Trust is partly owned by Pellam Digital.", None)],
)
def test_a_firm_owned_outright_by_one_other_is_its_subsidiary(extractor, text, parent):
    parents = {t for s, e, t in triples(extractor, text) if e == "SUBSIDIARY_OF"}
    assert parents == ({parent} if parent else set())


def test_a_spaced_dash_ends_a_name(extractor):
    text = "Several banks in the Sandbox – Quorra Bank, Pellam Bank and Tamsin Bank – ran trials."
    names = {e.name for e in extractor.run(document(text)).entities}
    assert {"Quorra Bank", "Pellam Bank", "Tamsin Bank"} <= names
    assert not any("Sandbox" in n for n in names)


def test_a_platform_named_before_its_description_is_a_product(extractor):
    text = "The issue uses Pellam's Orbion digital asset platform, the bank said."
    assert ("pellam", "OPERATES", "orbion") in triples(extractor, text)


def test_a_division_and_another_noun_phrase_is_no_product(extractor):
    text = "It published letters between the SFC's Enforcement Division and the platform."
    assert not any(t == "OPERATES" for _, t, _ in triples(extractor, text))


def test_a_second_with_joined_to_the_verb_is_a_second_partner(extractor):
    text = ("To carry out the plan, Quorra Group will begin working with Tamsin Bank, a local "
            "virtual bank, and with Pellam Bank.")
    assert {("quorra-group", "PARTNERS_WITH", "tamsin-bank"),
            ("quorra-group", "PARTNERS_WITH", "pellam-bank")} <= triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    ["Quorra Bank completed a transfer of HK$3.8 million in tokenised deposits for its client "
     "Tamsin Pay, the bank said.",
     "Tamsin Pay, a client of Quorra Bank, moved its accounts.",
     "Quorra Bank's clients include Tamsin Pay and Orbis Labs."],
)
def test_a_bank_banks_its_clients(extractor, text):
    assert ("quorra-bank", "PROVIDES_BANKING_TO", "tamsin-pay") in triples(extractor, text)


def test_an_exchange_s_customer_is_not_banked_by_it(extractor):
    assert not triples(extractor, "Tamsin Pay is a customer of Pellam Exchange.")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [("Quorra Labs is 40% owned by Pellam Capital, a Shenzhen investment firm.",
      ("quorra-labs", "SUBSIDIARY_OF", "pellam-capital")),
     ("Quorra Labs, once owned by Pellam Capital, is now independent.",
      ("quorra-labs", "SUBSIDIARY_OF", "pellam-capital")),
     ("Pellam Capital, the former parent company of Tamsin Bank, sold its stake in 2021.",
      ("tamsin-bank", "SUBSIDIARY_OF", "pellam-capital")),
     ("Quorra Labs will list three new tokens next month, Chief Executive Jane Doe of Pellam "
      "Capital said.", ("jane-doe", "HOLDS_ROLE", "quorra-labs")),
     ("The SFC has investigated the firm for a year. Quorra Labs will be fined, Executive "
      "Director Jane Doe said.", ("jane-doe", "HOLDS_ROLE", "quorra-labs")),
     ("Rivals such as Quorra Labs will struggle to keep up, Chief Executive Jane Doe said.",
      ("jane-doe", "HOLDS_ROLE", "quorra-labs")),
     ("Pellam Capital sold about HK$30 million of Quorra Coin last week, filings show.",
      ("pellam-capital", "ISSUES", "quorra-coin")),
     ("Tamsin Exchange's offering of Quorra Coin to retail users began on Monday.",
      ("tamsin-exchange", "ISSUES", "quorra-coin")),
     ("Tamsin Bank marked the opening of the Quorra Summit with a keynote speech.",
      ("tamsin-bank", "LAUNCHED", "quorra-summit")),
     ("Quorra Exchange was granted a licence in Bermuda last year and has now applied to the "
      "SFC.", ("quorra-exchange", "LICENSED_BY", "sfc"))],
)
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


def test_a_firm_owned_outright_is_a_subsidiary_whoever_says_so(extractor):
    text = "Quorra Labs is wholly owned by Pellam Capital, the company said."
    assert ("quorra-labs", "SUBSIDIARY_OF", "pellam-capital") in triples(extractor, text)


def test_a_role_in_an_unnamed_part_of_a_firm_is_a_role_at_the_firm(extractor):
    text = ("\"This is a key step,\" said Ada Quayle, global head of digital money at Quorra "
            "Bank's global payments solutions.")
    assert ("ada-quayle", "HOLDS_ROLE", "quorra-bank") in triples(extractor, text)


def test_a_role_at_a_firm_s_parent_is_not_at_the_firm(extractor):
    text = "Ada Quayle, a director of Tamsin Bank's parent, said so."
    assert ("ada-quayle", "HOLDS_ROLE", "tamsin-bank") not in triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "owned"),
    [("Pellam Future has already raised at least $30 million. Other investors that joined the "
      "fund's first close recently include Quorra Capital and Tamsin Group, Shi said.",
      "pellam-future"),
     ("Pellam Future raised $30 million last month. Its investors include Quorra Capital and "
      "Tamsin Group.", "pellam-future"),
     ("Investors in Orbis Labs include Quorra Capital and Tamsin Group.", "orbis-labs")],
)
def test_investors_listed_after_a_raise_own_the_raiser(extractor, text, owned):
    found = triples(extractor, text)
    assert {("quorra-capital", "OWNS", owned), ("tamsin-group", "OWNS", owned)} <= found
