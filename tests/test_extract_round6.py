"""Constructions found missing on held-out reporting (round 6): partnerships named by a noun
with a participle or a pilot, speeches at events, "among them" lists, a Hong Kong arm named
like its parent, departments and people after a title. One sentence of our own for each,
with made-up entities."""

import pytest

from hkweb3.data import REGISTRY_DIR
from hkweb3.graph.models import Entity
from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.registry import read_registry
from tests.extract_support import document, triples


def entities(extractor, text):
    return {e.id: e.kind for e in extractor.run(document(text)).entities}


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a collaboration with a participle between the noun and its partners",
         "The tie-up builds on a collaboration signed in March between Quorra Labs and Tamsin "
         "Capital.",
         {("quorra-labs", "PARTNERS_WITH", "tamsin-capital")}),
        ("a pilot with a firm",
         "Wexford Bank has set out plans for a pilot with Quorra Labs that would let savers "
         "pledge tokens.",
         {("wexford-bank", "PARTNERS_WITH", "quorra-labs")}),
        ("an agreement with a firm",
         "Wexford Bank signed an agreement with Tamsin Capital on Tuesday.",
         {("wexford-bank", "PARTNERS_WITH", "tamsin-capital")}),
        ("a passive with the speaker, then the speech and its event",
         "The scheme was unveiled by Ada Quayle, the bank's head of strategy, in a keynote "
         "speech at the Kowloon Ledger Summit 2025.",
         {("ada-quayle", "SPOKE_AT", "kowloon-ledger-summit-2025")}),
        ("a speaker who said something in a speech at an event",
         "Ada Quayle said in a speech at the Kowloon Ledger Summit 2025 that demand was "
         "strong.",
         {("ada-quayle", "SPOKE_AT", "kowloon-ledger-summit-2025")}),
        ("licensees listed after 'among them'",
         "By then the SFC had licensed nine platforms, among them Quorra Exchange and Tamsin "
         "Exchange.",
         {("quorra-exchange", "LICENSED_BY", "sfc"), ("tamsin-exchange", "LICENSED_BY", "sfc")}),
        ("a Hong Kong arm named like its parent, described as its unit",
         "The fund is managed by Pellam Asset Management (Hong Kong) Limited, the offshore unit "
         "of mainland fund house Pellam Asset Management.",
         {("pellam-asset-management-hong-kong", "SUBSIDIARY_OF", "pellam-asset-management")}),
        ("a role and a department, the firm hung on the person",
         "Odile Marsh, general manager and head of wealth at Wexford Bank, said demand grew.",
         {("odile-marsh", "HOLDS_ROLE", "wexford-bank")}),
    ],
)
def test_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


def test_a_meeting_with_a_firm_is_no_partnership(extractor):
    assert not triples(extractor, "Wexford Bank held a meeting with Quorra Labs on Tuesday.")


def test_a_hong_kong_arm_and_its_short_name_are_one_entity(extractor):
    found = entities(extractor, "Regulators named Brenlow Digital (Hong Kong) Limited as a "
                                "tester. Brenlow Digital said it was pleased.")
    assert [i for i in found if i.startswith("brenlow")] == ["brenlow-digital-hong-kong"]


def test_a_name_with_its_group_ending_is_no_short_form_of_another(extractor):
    found = entities(extractor, "Harrow Securities, the Singapore arm of Harrow Holdings, "
                                "has begun offering crypto trading.")
    assert {"harrow-securities", "harrow"} <= set(found)
    assert ("harrow-securities", "SUBSIDIARY_OF", "harrow") in triples(
        extractor, "Harrow Securities, the Singapore arm of Harrow Holdings, has begun "
                   "offering crypto trading.")


@pytest.mark.parametrize("department", ["Digital Assets", "Wealth Management", "Markets"])
def test_a_department_after_a_title_is_no_firm_and_the_person_after_it_is_kept(
        extractor, department):
    found = entities(extractor, f"Wexford Bank's Group Head of {department}, Ida Penhale, "
                                "said the bank would grow.")
    assert found.get("ida-penhale") == "Person"
    assert set(found) == {"wexford-bank", "ida-penhale"}


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("the firms in a scheme, with a clause about them, are a list",
         "The six firms in the Harbour Ledger Scheme, two of which are banks, are Quorra Bank, "
         "Tamsin Capital and Wexford Labs.",
         {("quorra-bank", "MEMBER_OF", "harbour-ledger-scheme"),
          ("tamsin-capital", "MEMBER_OF", "harbour-ledger-scheme"),
          ("wexford-labs", "MEMBER_OF", "harbour-ledger-scheme")}),
        ("the firms selected for a phase of a pilot include a list",
         "The firms selected for the second phase of the Harbour Ledger Pilot include Quorra "
         "Bank, Tamsin Capital and Wexford Labs.",
         {("quorra-bank", "MEMBER_OF", "harbour-ledger-pilot"),
          ("tamsin-capital", "MEMBER_OF", "harbour-ledger-pilot"),
          ("wexford-labs", "MEMBER_OF", "harbour-ledger-pilot")}),
        ("the banks taking part in a pilot are two banks",
         "The banks taking part in the Harbour Ledger Pilot are Quorra Bank and Wexford Bank.",
         {("quorra-bank", "MEMBER_OF", "harbour-ledger-pilot"),
          ("wexford-bank", "MEMBER_OF", "harbour-ledger-pilot")}),
        ("a long list whose items the parse hangs as appositions",
         "The members of the Kowloon Tokenisation Community are Bank of Valdoria (Hong Kong), "
         "Quorra Bank, HSBC, Tamsin Capital Hong Kong, Wexford Labs and Orrin Digital.",
         {(member, "MEMBER_OF", "kowloon-tokenisation-community")
          for member in ("bank-of-valdoria-hong-kong", "quorra-bank", "hsbc",
                         "tamsin-capital-hong-kong", "wexford-labs", "orrin-digital")}),
        ("a firm's arm whose name begins with the parent's",
         "Kelso Mobile International, the global business arm of Kelso Mobile, joined the "
         "institute.",
         {("kelso-mobile-international", "SUBSIDIARY_OF", "kelso-mobile")}),
    ],
)
def test_lists_and_members(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


def test_a_parent_in_an_apposition_is_no_item_of_the_list_after_it(extractor):
    found = triples(extractor, "Quorra Exchange, a unit of Tamsin Group, and Wexford Exchange "
                               "were licensed by the SFC.")
    assert ("quorra-exchange", "SUBSIDIARY_OF", "tamsin-group") in found
    assert ("quorra-exchange", "SUBSIDIARY_OF", "wexford-exchange") not in found
    assert ("wexford-exchange", "LICENSED_BY", "sfc") in found


def test_a_name_and_its_apposition_are_no_list(extractor):
    found = triples(extractor, "The SFC licensed Quorra Exchange, Tamsin Group's platform, "
                               "in May.")
    assert ("quorra-exchange", "LICENSED_BY", "sfc") in found
    assert ("tamsin-group", "LICENSED_BY", "sfc") not in found


def test_the_firms_at_an_event_are_no_members(extractor):
    assert not any(t == "MEMBER_OF" for _, t, _ in triples(
        extractor, "The firms at the Harbour Ledger Summit include Quorra Bank and Wexford "
                   "Labs."))


def test_two_banks_after_a_place_are_two_names(extractor):
    found = entities(extractor, "The banks in Hong Kong are Orrin Bank and Kessel Bank.")
    assert {"orrin-bank", "kessel-bank"} <= set(found)


def test_a_registered_hong_kong_arm_does_not_take_its_parent_s_name():
    """A register's "X (Hong Kong) Limited" is not what a bare "X" names: that is its
    parent ("X (HK), the unit of X")."""
    arm = Entity(id="pellam-pay-hong-kong", name="Pellam Pay (Hong Kong) Limited",
                 kind="Company")
    extractor = Extractor([*read_registry(REGISTRY_DIR).entities, arm])
    batch = extractor.run(document("The fund is run by Pellam Pay (Hong Kong) Limited, the "
                                   "offshore unit of mainland group Pellam Pay."))
    assert ("pellam-pay-hong-kong", "SUBSIDIARY_OF", "pellam-pay") in {
        (r.source, r.type, r.target) for r in batch.relations}


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a scheme described as a joint effort by two bodies",
         "The bank drew on Project Tern, a joint effort by Quorra Bank and Tamsin Capital to "
         "study tokenised bonds.",
         {("quorra-bank", "OPERATES", "project-tern"),
          ("tamsin-capital", "OPERATES", "project-tern")}),
        ("a capitalised member of a legislature",
         "Odile Marsh, a Member of the Legislative Council, attended the launch.",
         {("odile-marsh", "MEMBER_OF", "legislative-council")}),
        ("a founder and a role written as an acronym",
         "The token will be tested soon, according to Ida Penhale, co-founder and CSO of "
         "Quorra Labs.",
         {("quorra-labs", "FOUNDED_BY", "ida-penhale"),
          ("ida-penhale", "HOLDS_ROLE", "quorra-labs")}),
        ("the chair of an organisation's council",
         "Ida Penhale, Chairman of the Council of the Kowloon Fintech Association, spoke.",
         {("ida-penhale", "CHAIRS", "kowloon-fintech-association")}),
        ("a subscription for new shares",
         "Under the deal, Tamsin Capital will subscribe for new shares in Quorra Labs.",
         {("tamsin-capital", "OWNS", "quorra-labs")}),
        ("investors who put money into a round raised a sentence earlier",
         "Quorra Labs has secured $6 million in seed funding. Quorra Labs said Tamsin Capital "
         "and Orrin Ventures had also put money into the round.",
         {("tamsin-capital", "OWNS", "quorra-labs"), ("orrin-ventures", "OWNS", "quorra-labs")}),
    ],
)
def test_roles_members_and_investors(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


def test_a_firm_s_chief_executive_is_not_the_city_s(extractor):
    found = triples(extractor, "ZA Bank plans to let customers trade crypto through its app, "
                               "Chief Executive Ronald Iu said.")
    assert not any(t == "hksar-government" for _, _, t in found)
    assert ("john-lee", "HOLDS_ROLE", "hksar-government") in triples(
        extractor, "Chief Executive John Lee said the city would grow.")


def test_a_council_or_board_alone_is_no_name(extractor):
    found = entities(extractor, "Ida Penhale, a member of the Board of Quorra Bank, spoke to "
                                "the Council of the Kowloon Fintech Association.")
    assert not {"board", "council"} & set(found)


def test_a_firm_s_own_stablecoin_named_by_known_as_is_one_it_issues(extractor):
    found = triples(extractor, "Quorra Labs plans to build its first stablecoin, known as "
                               "QKD.")
    assert ("quorra-labs", "ISSUES", "qkd") in found
    assert entities(extractor, "Tamsin Capital launched its stablecoin, known as TKD, in "
                               "May.").get("tkd") == "Product"


def test_stablecoin_plans_name_no_coin(extractor):
    assert not any(t == "ISSUES" for _, t, _ in triples(
        extractor, "Quorra Labs said its stablecoin plans were on hold."))


def test_the_name_after_of_where_the_parse_took_a_later_noun(extractor):
    text = ("The meeting was not the first time. In a letter published on April 27, Odile "
            "Marsh, deputy chief executive of the HKMA, reminded financial institutions that no "
            "rule stops banks.")
    assert ("odile-marsh", "HOLDS_ROLE", "hkma") in triples(extractor, text)


def test_a_registry_place_is_whole(extractor):
    found = triples(extractor, "Harrow Insurance is based in mainland China.")
    assert ("harrow-insurance", "LOCATED_IN", "mainland-china") in found
    assert "china" not in entities(extractor, "Harrow Insurance is based in mainland China.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Tamsin Markets is a trading venture in which Quorra Labs is a minority partner.",
     ("quorra-labs", "OWNS", "tamsin-markets")),
    ("Tamsin Custody is a custodian in which Quorra Labs holds 51 per cent.",
     ("quorra-labs", "OWNS", "tamsin-custody")),
])
def test_a_stake_stated_in_a_clause_about_the_firm(extractor, text, expected):
    assert expected in triples(extractor, text)


def test_a_role_in_such_a_clause_is_no_stake(extractor):
    assert not triples(extractor, "Tamsin Custody is a custodian in which Quorra Labs has a "
                                  "role.")


def test_the_chief_executive_of_the_region(extractor):
    found = triples(extractor, "Li Jiachao, the Chief Executive of the Hong Kong Special "
                               "Administrative Region, attended the ceremony.")
    assert ("john-lee", "HOLDS_ROLE", "hksar-government") in found
    assert not any(t == "hksar-government" for _, _, t in triples(
        extractor, "Ida Penhale, the chief executive of the Hong Kong arm of Quorra Labs, "
                   "said no."))


@pytest.mark.parametrize("text", [
    "The SFC said it had reached an agreement with Wexford Securities to settle the case.",
    "Orrin Bank entered into a sale and purchase agreement with Kessel Digital to buy a stake.",
    "The applicants for the Harbour Ledger Scheme include Orrin Bank and Kessel Bank.",
    "The firms not in the Harbour Ledger Pilot include Orrin Bank and Kessel Bank.",
    "Chief Executive Ronald Iu said the bank would offer crypto trading to retail customers.",
    "Odile Marsh, chief executive of the HKMA-backed platform, said volumes rose.",
])
def test_constructions_that_state_no_such_relation_round6(extractor, text):
    found = triples(extractor, text)
    assert not any(t in {"PARTNERS_WITH", "MEMBER_OF"} for _, t, _ in found)
    assert not any(target in {"hksar-government", "hkma"} for _, _, target in found)


def test_a_coin_a_firm_lists_is_not_one_it_issues(extractor):
    found = triples(extractor, "Kessel Exchange will list its first stablecoin, QKD, which is "
                               "issued by Quorra Labs, next week.")
    assert ("quorra-labs", "ISSUES", "qkd") in found
    assert ("kessel-exchange", "ISSUES", "qkd") not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Wexford Bank was the first lender to join the scheme, Chief Executive John Lee said.",
     {("john-lee", "HOLDS_ROLE", "hksar-government")}),
    ("Ida Penhale, Head of Digital Assets, Orrin Bank, said volumes rose.",
     {("ida-penhale", "HOLDS_ROLE", "orrin-bank")}),
    ("The SFC licensed nine platforms, among them Quorra Exchange and Tamsin Exchange.",
     {("quorra-exchange", "LICENSED_BY", "sfc"), ("tamsin-exchange", "LICENSED_BY", "sfc")}),
    ("Tamsin Capital invested in Quorra Labs, Orrin Labs and Kessel Digital.",
     {("tamsin-capital", "OWNS", "quorra-labs"), ("tamsin-capital", "OWNS", "orrin-labs"),
      ("tamsin-capital", "OWNS", "kessel-digital")}),
    ("Quorra Labs raised $5 million last year. Tamsin Capital put money into a rival round "
     "for Orrin Labs.", {("tamsin-capital", "OWNS", "orrin-labs")}),
    ("Orrin Bank will act as custodian for the Quorra Bitcoin ETF.",
     {("orrin-bank", "CUSTODIAN_OF", "quorra-bitcoin-etf")}),
    ("Quorra Labs named Ida Penhale chairman on Monday.",
     {("ida-penhale", "HOLDS_ROLE", "quorra-labs")}),
    ("Quorra Labs completed its acquisition of Tamsin Exchange in March.",
     {("quorra-labs", "ACQUIRED", "tamsin-exchange")}),
    ("Quorra Labs and Orrin Bank signed a memorandum of understanding on Tuesday.",
     {("orrin-bank", "PARTNERS_WITH", "quorra-labs")}),
])
def test_more_constructions_round6(extractor, text, expected):
    assert expected <= triples(extractor, text)


def test_a_registry_bank_s_hong_kong_legal_name_still_has_its_short_form(extractor):
    assert entities(extractor, "Ping An OneConnect Bank said it would grow.") == {
        "pao-bank": "VirtualBank"}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Harbour Ledger Sandbox will start with 25 institutions, including Quorra Bank, "
     "Tamsin Capital and Wexford Labs.",
     {(m, "MEMBER_OF", "harbour-ledger-sandbox")
      for m in ("quorra-bank", "tamsin-capital", "wexford-labs")}),
    ("Quorra Bank and Tamsin Capital set up Orrin Custody in May.",
     {("orrin-custody", "FOUNDED_BY", "quorra-bank"),
      ("orrin-custody", "FOUNDED_BY", "tamsin-capital")}),
    ("Ida Penhale told the Harbour Fintech Summit that demand was strong.",
     {("ida-penhale", "SPOKE_AT", "harbour-fintech-summit")}),
    ("Ida Penhale, speaking on the sidelines of the Harbour Fintech Summit, said demand was "
     "strong.", {("ida-penhale", "SPOKE_AT", "harbour-fintech-summit")}),
    ("Ida Penhale delivered a keynote at the Harbour Fintech Summit.",
     {("ida-penhale", "SPOKE_AT", "harbour-fintech-summit")}),
])
def test_schemes_founders_and_speakers(extractor, text, expected):
    assert expected <= triples(extractor, text)


def test_setting_up_a_deadline_founds_nothing(extractor):
    assert not triples(extractor, "Quorra Bank set up a deadline for Tamsin Capital.")


@pytest.mark.parametrize("text", [
    "The first cohort of the Harbour Ledger Sandbox includes Quorra Bank and Orrin Bank.",
    "Banks participating in the Harbour Ledger Sandbox are Quorra Bank and Orrin Bank.",
    "The Harbour Ledger Sandbox brings together 25 institutions such as Quorra Bank and "
    "Orrin Bank.",
    "Under the Harbour Ledger Sandbox, banks such as Quorra Bank and Orrin Bank will test "
    "tokenised deposits.",
])
def test_members_of_a_scheme_however_listed(extractor, text):
    assert {("quorra-bank", "MEMBER_OF", "harbour-ledger-sandbox"),
            ("orrin-bank", "MEMBER_OF", "harbour-ledger-sandbox")} <= triples(extractor, text)


def test_a_batch_of_licences_has_no_members(extractor):
    assert not triples(extractor, "The first batch of licences includes Quorra Bank and "
                                  "Orrin Bank.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Ida Penhale, who heads Quorra Labs' digital assets unit, said demand was strong.",
     ("ida-penhale", "HOLDS_ROLE", "quorra-labs")),
    ("Quorra Bank and Orrin Labs will jointly develop a settlement network.",
     ("orrin-labs", "PARTNERS_WITH", "quorra-bank")),
    ("Quorra Bank will work alongside Orrin Labs on the project.",
     ("quorra-bank", "PARTNERS_WITH", "orrin-labs")),
    ("The wallet was developed by Quorra Bank in collaboration with Orrin Labs.",
     ("quorra-bank", "PARTNERS_WITH", "orrin-labs")),
    ("Quorra Bank has selected Orrin Labs as its technology partner.",
     ("orrin-labs", "PARTNERS_WITH", "quorra-bank")),
])
def test_posts_and_partners_round6(extractor, text, expected):
    assert expected in triples(extractor, text)


def test_a_round_led_by_investors_makes_them_no_owners_of_each_other(extractor):
    found = triples(extractor, "Quorra Labs raised $40 million. The Series A round was headed "
                               "by Orrin Capital and Kessel Ventures.")
    assert ("orrin-capital", "OWNS", "kessel-ventures") not in found
    assert ("orrin-capital", "OWNS", "quorra-labs") in found


def test_a_word_after_a_dateline_starts_a_sentence(extractor):
    found = entities(extractor, "HONG KONG—Lenders in the city are signing up crypto firms "
                                "such as Quorra Labs.")
    assert "lenders" not in found and "quorra-labs" in found
    assert "boci-prudential" not in entities(
        extractor, "BOCI-Prudential Trustee was appointed custodian of the fund.")


def test_a_person_after_a_portfolio_that_ends_in_and_the_treasury(extractor):
    found = entities(extractor, "Under Secretary for Financial Services and the Treasury Odile "
                                "Marsh attended the ceremony.")
    assert found.get("odile-marsh") == "Person"
    assert not any("treasury" in i or i == "services" for i in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Tamsin Group owns 60% of Quorra Labs.", ("tamsin-group", "OWNS", "quorra-labs")),
    ("Quorra Labs is now part of Tamsin Group.",
     ("quorra-labs", "SUBSIDIARY_OF", "tamsin-group")),
    ("Quorra Labs is part of the Harbour Ledger Sandbox.",
     ("quorra-labs", "MEMBER_OF", "harbour-ledger-sandbox")),
    ("Tamsin Group took control of Quorra Labs in 2023.",
     ("quorra-labs", "CONTROLLED_BY", "tamsin-group")),
])
def test_shares_parts_and_control(extractor, text, expected):
    assert expected in triples(extractor, text)


def test_a_share_of_a_market_and_a_part_in_a_pilot_are_no_facts(extractor):
    assert not triples(extractor, "Tamsin Group owns 60% of the market. Quorra Labs took part "
                                  "in the pilot.")


@pytest.mark.parametrize("text", [
    "Quorra Exchange became the fifth platform to be licensed by the SFC.",
    "Quorra Exchange operates under a licence granted by the SFC.",
    "Quorra Exchange holds a licence issued by the Securities and Futures Commission.",
])
def test_licences_stated_around_the_platform(extractor, text):
    assert ("quorra-exchange", "LICENSED_BY", "sfc") in triples(extractor, text)


def test_a_bank_a_firm_uses_banks_it(extractor):
    assert ("quorra-bank", "PROVIDES_BANKING_TO", "tamsin-exchange") in triples(
        extractor, "Tamsin Exchange uses Quorra Bank for fiat deposits and withdrawals.")
    assert not triples(extractor, "Tamsin Exchange uses Quorra Bank's technology.")
