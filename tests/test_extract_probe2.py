"""Relation patterns for units in apposition, funds and their custodians, passive founding
with a list, roles at firms, settlement banks, control, stakes and licences: one sentence of
our own for each construction, with made-up entities (the registry knows only the regulators
and places)."""


import pytest

from tests.extract_support import triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a regional arm in apposition, the parent with a listing modifier",
         "Brightwave Securities, the Hong Kong arm of Nasdaq-listed Kalden Holdings, has "
         "begun offering crypto trading.",
         {("brightwave-securities", "SUBSIDIARY_OF", "kalden")}),
        ("an offshore unit of a parent described as a fund house",
         "Morrow Asset Management, the offshore unit of fund house Kalden Capital, runs the "
         "product.",
         {("morrow-asset-management", "SUBSIDIARY_OF", "kalden-capital")}),
        ("a subsidiary named by the verb be, with a place before the noun",
         "Morrow Markets is the Singapore subsidiary of Kalden Capital.",
         {("morrow-markets", "SUBSIDIARY_OF", "kalden-capital")}),
        ("passive founding by an institute's office together with a list",
         "Project Tideway was set up in 2020 by the Kestrel Institute's Asia centre together "
         "with the Orchid Reserve Board, the Bank of Valdoria and the Central Bank of Moravia.",
         {("project-tideway", "FOUNDED_BY", "kestrel-institute"),
          ("project-tideway", "FOUNDED_BY", "orchid-reserve-board"),
          ("project-tideway", "FOUNDED_BY", "bank-of-valdoria"),
          ("project-tideway", "FOUNDED_BY", "central-bank-of-moravia")}),
        ("active founding together with another firm",
         "Kalden Group founded Project Tideway in 2021 together with Orvale Pay.",
         {("project-tideway", "FOUNDED_BY", "kalden-group"),
          ("project-tideway", "FOUNDED_BY", "orvale-pay")}),
        ("a platform that a body helped to found, in a relative clause",
         "The Lumen Bank has joined Project Tideway, the payment platform that the Orchid "
         "Reserve Board helped to found, the council said.",
         {("project-tideway", "FOUNDED_BY", "orchid-reserve-board")}),
        ("a fund, named in apposition, managed by a firm",
         "The fund, the Kalden Bitcoin ETF, is managed by Morrow Asset Management.",
         {("morrow-asset-management", "ISSUES", "kalden-bitcoin-etf")}),
        ("a manager's fund named with a possessive",
         "Morrow Capital's Kalden Bitcoin ETF won approval on Monday.",
         {("morrow-capital", "ISSUES", "kalden-bitcoin-etf")}),
        ("the issuer of a fund, in apposition",
         "Kalden Digital, the issuer of the Orvale Bitcoin ETF, opened an office.",
         {("kalden-digital", "ISSUES", "orvale-bitcoin-etf")}),
        ("the manager of a fund, after the verb be",
         "Morrow Capital is the manager of the Kalden Income Fund.",
         {("morrow-capital", "ISSUES", "kalden-income-fund")}),
        ("a firm appointed custodian of a fund",
         "Harwick Trustee Limited was appointed custodian of the Kalden Bitcoin ETF.",
         {("harwick-trustee", "CUSTODIAN_OF", "kalden-bitcoin-etf")}),
        ("a firm acting as a fund's sub-custodian",
         "Orvale Digital will act as the Kalden Bitcoin ETF's sub-custodian.",
         {("orvale-digital", "CUSTODIAN_OF", "kalden-bitcoin-etf")}),
        ("a bank acting as custodian for a manager's funds",
         "Sentra Bank acts as custodian for Morrow Capital's tokenised funds.",
         {("sentra-bank", "CUSTODIAN_OF", "morrow-capital")}),
        ("a firm providing custody and other services for a fund",
         "Orvale Digital will provide both custody and staking services for the Kalden Ether "
         "ETF.",
         {("orvale-digital", "CUSTODIAN_OF", "kalden-ether-etf")}),
        ("a bank becoming the settlement bank for a list of platforms",
         "In 2022, Sentra Bank became the settlement bank for Orvale Exchange and Brightwave "
         "Markets.",
         {("sentra-bank", "PROVIDES_BANKING_TO", "orvale-exchange"),
          ("sentra-bank", "PROVIDES_BANKING_TO", "brightwave-markets")}),
        ("a bank as the banking partner of a platform",
         "Sentra Bank is the banking partner of Orvale Exchange.",
         {("sentra-bank", "PROVIDES_BANKING_TO", "orvale-exchange")}),
        ("a bank described as banker to a platform",
         "Sentra Bank, banker to Orvale Exchange, reported profits.",
         {("sentra-bank", "PROVIDES_BANKING_TO", "orvale-exchange")}),
        ("a bank serving as the settlement bank for a platform",
         "Sentra Bank serves as the settlement bank for Orvale Exchange.",
         {("sentra-bank", "PROVIDES_BANKING_TO", "orvale-exchange")}),
        ("a firm majority-owned by another",
         "Kalden Capital, the largest fund house, is majority-owned by state-backed Tidewater "
         "Securities.",
         {("kalden-capital", "CONTROLLED_BY", "tidewater-securities")}),
        ("an investor's portfolio including stakes in a list of firms",
         "Kalden's portfolio includes stakes in Orvale Pay and Brightwave Labs.",
         {("kalden", "OWNS", "orvale-pay"), ("kalden", "OWNS", "brightwave-labs")}),
        ("a regulator upgrading a firm's licence",
         "The Securities and Futures Commission upgraded Brightwave Securities's Type 1 "
         "licence on Monday.",
         {("brightwave-securities", "LICENSED_BY", "sfc")}),
        ("a firm's licence renewed by a regulator, in the passive",
         "Brightwave Markets' licence was renewed by the Securities and Futures Commission in "
         "March.",
         {("brightwave-markets", "LICENSED_BY", "sfc")}),
        ("the licence of a firm upgraded by a regulator",
         "The licence of Brightwave Securities was upgraded by the Securities and Futures "
         "Commission.",
         {("brightwave-securities", "LICENSED_BY", "sfc")}),
        ("an application approved by a regulator",
         "Orvale Pay's application was approved by the Hong Kong Monetary Authority.",
         {("orvale-pay", "LICENSED_BY", "hkma")}),
        ("a majority stake held in a firm",
         "Kalden Group holds a majority stake in Orvale Pay.",
         {("orvale-pay", "CONTROLLED_BY", "kalden-group")}),
        ("a head of a department at a firm",
         "Rafe Oduya, head of product and investment solutions at Sentra Securities (HK), "
         "said demand was strong.",
         {("rafe-oduya", "HOLDS_ROLE", "sentra-securities-hk")}),
        ("an analyst at a firm, in apposition",
         "Rafe Oduya, an analyst at Kalden Group, said demand was strong.",
         {("rafe-oduya", "HOLDS_ROLE", "kalden-group")}),
        ("an economist with a bank, after the verb be",
         "Mina Torres is a senior economist with Sentra Bank.",
         {("mina-torres", "HOLDS_ROLE", "sentra-bank")}),
        ("an investment arm of a parent described by its trade",
         "Kalden Ventures, the investment arm of crypto exchange Brightwave Markets, was among "
         "the lead investors.",
         {("kalden-ventures", "SUBSIDIARY_OF", "brightwave-markets")}),
        ("a police rank of a bureau",
         "Tomas Vell, chief superintendent of the Financial Fraud Bureau, said losses were "
         "large.",
         {("tomas-vell", "HOLDS_ROLE", "financial-fraud-bureau")}),
        ("a firm relying on a platform for a service",
         "For the trading itself, Orvale Securities relies on Brightwave Exchange, a platform "
         "licensed by the SFC.",
         {("orvale-securities", "PARTNERS_WITH", "brightwave-exchange")}),
        ("a place-based description in apposition",
         "Kalden Brands, the Hong Kong-based Web3 investor and game publisher, plans a "
         "listing.",
         {("kalden-brands", "LOCATED_IN", "hong-kong")}),
    ],
)
def test_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


def test_co_founders_after_together_with_are_not_partners_of_what_they_founded(extractor):
    found = triples(extractor, "Project Tideway was set up in 2020 by the Kestrel Institute "
                               "together with the Bank of Valdoria and Orvale Pay.")
    assert ("project-tideway", "FOUNDED_BY", "orvale-pay") in found
    assert not any(edge == "PARTNERS_WITH" for _, edge, _ in found)


def test_together_with_still_names_a_partner_in_the_active_voice(extractor):
    found = triples(extractor, "Lumen Bank is testing a payment service together with Orchid "
                               "Pay.")
    assert ("lumen-bank", "PARTNERS_WITH", "orchid-pay") in found


def test_a_firm_managed_by_another_is_no_fund_it_issues(extractor):
    found = triples(extractor, "Orvale Exchange is managed by Kalden Capital.")
    assert not any(edge == "ISSUES" for _, edge, _ in found)


def test_its_sub_custodian_is_the_fund_s_not_the_other_custodian_s(extractor):
    found = triples(extractor, "Harwick Trustee Limited was appointed custodian of the Kalden "
                               "Bitcoin ETF, while Orvale Digital will act as its "
                               "sub-custodian.")
    assert ("orvale-digital", "CUSTODIAN_OF", "harwick-trustee") not in found
    assert ("orvale-digital", "CUSTODIAN_OF", "kalden-bitcoin-etf") in found


def test_a_plainly_owned_firm_is_not_controlled(extractor):
    found = triples(extractor, "Kalden Capital is owned by Tidewater Securities.")
    assert not any(edge == "CONTROLLED_BY" for _, edge, _ in found)


def test_a_firm_relying_on_a_bank_is_its_client_not_its_partner(extractor):
    found = triples(extractor, "Orvale Securities relies on Sentra Bank for settlement.")
    assert ("sentra-bank", "PROVIDES_BANKING_TO", "orvale-securities") in found
    assert not any(edge == "PARTNERS_WITH" for _, edge, _ in found)


def test_a_minority_stake_is_no_control(extractor):
    found = triples(extractor, "Kalden Group holds a 10% stake in Orvale Pay.")
    assert ("kalden-group", "OWNS", "orvale-pay") in found
    assert not any(edge == "CONTROLLED_BY" for _, edge, _ in found)


def test_the_manager_of_an_app_issues_nothing(extractor):
    found = triples(extractor, "Morrow Capital, the manager of the Orvale Wallet app, hired "
                               "staff.")
    assert not any(edge == "ISSUES" for _, edge, _ in found)
