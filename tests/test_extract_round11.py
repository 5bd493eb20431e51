"""Constructions found missing in round 11's developed probe sets and construction sentences.
One sentence of our own for each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("an event 'in' a country that only ISO 3166 lists",
         "The deal was signed at the Astrava Finance Forum in Kazakhstan, the company said.",
         {("astrava-finance-forum", "LOCATED_IN", "kazakhstan")}),
        ("an event 'in' a city where the parse hangs 'in' on the verb",
         "The plan was discussed at the Quarry Venture Forum 2025 in Hong Kong, where "
         "attention also turned to stablecoins.",
         {("quarry-venture-forum-2025", "LOCATED_IN", "hong-kong")}),
        ("an event named after a registry firm, with a generic word after the firm's name",
         "The award was handed out at the Cyberport Fintech Forum in Hong Kong.",
         {("cyberport-fintech-forum", "LOCATED_IN", "hong-kong")}),
        ("a title written before a region, the region heading the phrase",
         '"We are ready," said Livia Marsh, CEO Hong Kong at Dunmore Bank.',
         {("livia-marsh", "HOLDS_ROLE", "dunmore-bank")}),
        ("a regulator's scheme named in quotation marks before its nouns",
         'The lender is part of the HKMA\'s "Tessellate" sandbox programme for tokenised '
         "deposits.",
         {("hkma", "OPERATES", "tessellate")}),
        ("a firm's app named in quotation marks",
         'Orrin Pay moved most of its volume onto its "Nimbus" app last year.',
         {("orrin-pay", "OPERATES", "nimbus")}),
        ("a system a firm runs, in apposition with 'its'",
         "Orrin Pay settled a third of its volume through Nimbus, its blockchain-based "
         "platform, last year.",
         {("orrin-pay", "OPERATES", "nimbus")}),
        ("two firms that carried out one trial together",
         "Quarry Bank and Orrin Pay carried out the city's first tokenised interbank "
         "transfer in October.",
         {("orrin-pay", "PARTNERS_WITH", "quarry-bank")}),
        ("members listed by 'such as' after a class of members",
         "The Tern Fintech Alliance, a group whose members include large lenders such as "
         "Quarry Bank and Dunmore Bank, met on Monday.",
         {("quarry-bank", "MEMBER_OF", "tern-fintech-alliance"),
          ("dunmore-bank", "MEMBER_OF", "tern-fintech-alliance")}),
        ("buying a share of a firm's shares",
         "Velden Group agreed to acquire 51% of Orrin Securities' shares through its "
         "subsidiary.",
         {("velden-group", "OWNS", "orrin-securities")}),
        ("'serves as' a member of an association",
         "Orrin Securities also serves as a founding member of the Tern Fintech Alliance.",
         {("orrin-securities", "MEMBER_OF", "tern-fintech-alliance")}),
        ("'serves as' a firm's chief executive",
         "Livia Marsh serves as chief executive of Orrin Securities.",
         {("livia-marsh", "HOLDS_ROLE", "orrin-securities")}),
        ("a surname with an apostrophe standing for the person named before",
         "Declan O'Rourke joined the bank in 2019. O'Rourke, who is global head of digital "
         "assets strategy at Dunmore Bank, spoke on Monday.",
         {("declan-o-rourke", "HOLDS_ROLE", "dunmore-bank")}),
        ("'who is head of X at Y', the parse hanging 'at Y' on 'is'",
         "Livia Marsh, who is head of research at Dunmore Bank, was speaking on Monday.",
         {("livia-marsh", "HOLDS_ROLE", "dunmore-bank")}),
        ("an audience 'of' people 'at' an event, the parse hanging 'at' on the people",
         "Livia Marsh spoke on Friday. \"Trust matters,\" Marsh told an audience of bankers "
         "and investors at the Tern Money Summit in Hong Kong.",
         {("livia-marsh", "SPOKE_AT", "tern-money-summit")}),
        ("a school opening its hub",
         "The Quarry Business School opened its Quarry Web3 Research Hub on 8 April 2025.",
         {("quarry-business-school", "LAUNCHED", "quarry-web3-research-hub")}),
        ("a person's name with initials",
         "Gerald KC Fong, deputy chief executive of Orrin Securities, said the firm would "
         "apply.",
         {("gerald-kc-fong", "HOLDS_ROLE", "orrin-securities")}),
        ("initials with full stops after an honorific, and a title in title case",
         "Dr. T. H. Wai, Chief Technology Officer of Velden Digital, said so.",
         {("t-h-wai", "HOLDS_ROLE", "velden-digital")}),
        ("a hyphenated Chinese given name before the surname",
         "Mei-ling Kwok, Managing Director at Velden Capital, said the fund would grow.",
         {("mei-ling-kwok", "HOLDS_ROLE", "velden-capital")}),
        ("a title in title case, then a region set off by commas, then 'at' the firm",
         "Orrin Bank will issue tokenised deposits, Livia Marsh, Head of Digital Assets, "
         "Asia Pacific, at Orrin Bank, said on Thursday.",
         {("livia-marsh", "HOLDS_ROLE", "orrin-bank")}),
        ("a title, then regions set off by commas, then the firm without a preposition",
         "Livia Marsh, CEO, Hong Kong and Macau, Tern Insurance, said the insurer would "
         "accept stablecoins.",
         {("livia-marsh", "HOLDS_ROLE", "tern-insurance")}),
        ("a press release announcing an appointment, with a dateline",
         "HONG KONG, June 18, 2025 /PRNewswire/ -- Velden Digital today announced the "
         "appointment of Helga Brandt as Chief Executive Officer, effective July 1.",
         {("helga-brandt", "HOLDS_ROLE", "velden-digital")}),
        ("a wire dateline whose agency is no subject",
         "HONG KONG, Aug 4 (Reuters) - Orrin Pay said on Monday it had been admitted to the "
         "HKMA's stablecoin issuer sandbox.",
         {("orrin-pay", "MEMBER_OF", "hkma-stablecoin-issuer-sandbox")}),
        ("'Founder and CEO of Y', the parse hanging 'of Y' on the person",
         "Kasimir Oduya, Founder and CEO of Velden Labs, said the firm would publish its "
         "code.",
         {("velden-labs", "FOUNDED_BY", "kasimir-oduya"),
          ("kasimir-oduya", "HOLDS_ROLE", "velden-labs")}),
        ("'Founder & CEO of Y' in title case",
         "Kasimir Oduya, Founder & CEO of Velden Labs, said the firm would publish its code.",
         {("velden-labs", "FOUNDED_BY", "kasimir-oduya")}),
        ("a fund numbered with a Roman numeral, named in apposition to the object",
         "Velden Capital unveiled its first digital asset fund, Velden Web3 Fund I, at a "
         "dinner on Thursday.",
         {("velden-capital", "LAUNCHED", "velden-web3-fund-i")}),
        ("a product named before its noun, operated in a relative clause",
         "Orrin Securities, which operates the OrrinTrade platform for retail investors, said "
         "so.",
         {("orrin-securities", "OPERATES", "orrintrade")}),
        ("an event that takes place in a city",
         "The Tern Money Summit, which takes place in Singapore each October, sold out.",
         {("tern-money-summit", "LOCATED_IN", "singapore")}),
        ("investing in a firm's seed round, the parse hanging the owner on 'seed'",
         "Velden Capital invested in Orrin Pay's seed round in 2021.",
         {("velden-capital", "OWNS", "orrin-pay")}),
        ("a firm based in a city of the gazetteer",
         "Taipei-based Velden Capital said it would open an office in the city.",
         {("velden-capital", "LOCATED_IN", "taipei")}),
        ("custody for a firm's products provided by another (passive)",
         "Custody and trading for the products of Velden Capital will be provided by Orrin "
         "Trust, while other funds will use a separate custodian.",
         {("orrin-trust", "CUSTODIAN_OF", "velden-capital")}),
        ("a plural noun of firms whose names a colon lists later",
         "Velden Labs has signed partnerships with four firms in the past year: Quarry Bank, "
         "Orrin Pay, Tern Securities and Dunmore Bank.",
         {("velden-labs", "PARTNERS_WITH", "quarry-bank"),
          ("velden-labs", "PARTNERS_WITH", "dunmore-bank")}),
        ("firms admitted to a sandbox, listed after a colon",
         "The HKMA said that four firms had been admitted to the second phase of the Project "
         "Ensemble sandbox: Quarry Bank, Orrin Pay, Tern Securities and Dunmore Bank.",
         {("quarry-bank", "MEMBER_OF", "project-ensemble-sandbox"),
          ("dunmore-bank", "MEMBER_OF", "project-ensemble-sandbox")}),
        ("a person appointed to a working group",
         "Livia Marsh has been appointed to the Tokenisation Liquidity Working Group.",
         {("livia-marsh", "MEMBER_OF", "tokenisation-liquidity-working-group")}),
        ("'signed up as a founding member of'",
         "Tern Insurance has signed up as a founding member of the Tokenised Cover Alliance, "
         "the insurer said.",
         {("tern-insurance", "MEMBER_OF", "tokenised-cover-alliance")}),
        ("on the regulator's list of licensed platforms",
         "Quarry Exchange appears on the SFC's list of licensed virtual asset trading "
         "platforms.",
         {("quarry-exchange", "LICENSED_BY", "sfc")}),
        ("a firm's banking partner named in apposition after the possessive",
         "Quarry Exchange's banking partner, Dunmore Bank, will hold client money.",
         {("dunmore-bank", "PROVIDES_BANKING_TO", "quarry-exchange")}),
        ("a token issued by a bank, in apposition, the tagger reading 'token' as a verb",
         "QBHK, a token issued by Quarry Bank, trades at par.",
         {("quarry-bank", "ISSUES", "qbhk")}),
        ("a takeover completed, said through 'it'",
         "Velden Capital said on Friday it had completed the takeover of Quarry Exchange.",
         {("velden-capital", "ACQUIRED", "quarry-exchange")}),
        ("a system 'of' a firm in apposition",
         "The banks were linked to Nimbus, the treasury platform of Orrin Pay, so that "
         "deposits could move at night.",
         {("orrin-pay", "OPERATES", "nimbus")}),
    ],
)
def test_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    ("text", "wrong"),
    [("Quarry Bank and Orrin Pay separately completed pilots last year.", "PARTNERS_WITH"),
     ("The SFC in March fined Orrin Securities for lapses in Hong Kong.", "LOCATED_IN"),
     ("Velden Group bought 5% of the market in 2024, it said.", "OWNS"),
     ("Livia Marsh was at Dunmore Bank when the rules changed.", "HOLDS_ROLE"),
     ("Velden Group opened the Tern Money Summit on Monday.", "LAUNCHED"),
     ("Quarry Exchange withdrew its application for an SFC licence in August.", "LICENSED_BY"),
     ("Orrin Digital said on Monday it would apply for an SFC licence.", "LICENSED_BY"),
     ("Were the SFC to approve the deal, Velden Capital would own 25% of Quarry Exchange.",
      "OWNS"),
     ("The fund appointed Velden Capital as manager.", "HOLDS_ROLE"),
     ("Quarry Bank and Orrin Pay teamed up separately with other lenders.", "PARTNERS_WITH"),
     ("Quarry Bank and Orrin Pay completed pilots under Project Ensemble.", "PARTNERS_WITH"),
     ("Quarry Bank and Orrin Pay each completed a pilot last year.", "PARTNERS_WITH"),
     ("Quarry Bank and Orrin Pay have yet to collaborate on custody.", "PARTNERS_WITH"),
     ("The HKMA signed a memorandum with the Tern Central Bank in Hong Kong.", "LOCATED_IN"),
     ("Orrin Securities opens Bitcoin, Ether and USDT deposits for its clients.",
      "LAUNCHED"),
     ("Quarry Exchange appears on the SFC's list of suspicious virtual asset trading "
      "platforms.", "LICENSED_BY"),
     ("Livia Marsh spoke to the Tokenisation Liquidity Working Group on Monday.",
      "MEMBER_OF"),
     ("The HKMA approved the acquisition of Quarry Exchange last week.", "ACQUIRED"),
     ("Velden Group acquired 15% of Orrin Pay's market share within a year.", "OWNS"),
     ("Were Quarry Exchange to obtain an SFC licence, it would list Tern Token.",
      "LICENSED_BY"),
     ("Had the SFC licensed Quarry Exchange, its users would have been protected.",
      "LICENSED_BY")],
)
def test_no_false_relation(extractor, text, wrong):
    assert not {t for t in triples(extractor, text) if t[1] == wrong}


@pytest.mark.parametrize("country", ["Kazakhstan", "Uzbekistan", "Mauritius", "Bolivia"])
def test_a_country_is_a_place_whatever_the_ner_says(extractor, country):
    batch = extractor.run(document(
        f"The Tern Money Summit in {country} drew bankers last year."))
    found = {e.id: e.kind for e in batch.entities}
    assert found.get(country.lower()) == "Place"


def test_a_payments_firm_described_as_a_platform_stays_a_firm(extractor):
    batch = extractor.run(document("Quarry Bank said Orrin Pay, a payments platform, will "
                                   "join the scheme."))
    assert {e.id: e.kind for e in batch.entities}["orrin-pay"] == "Company"


def test_a_description_of_people_is_no_system(extractor):
    batch = extractor.run(document("Orrin Pay, a platform of young engineers, raised money."))
    assert {e.id: e.kind for e in batch.entities}["orrin-pay"] == "Company"


def test_a_surname_with_an_apostrophe_is_no_second_entity(extractor):
    batch = extractor.run(document("Declan O'Rourke chairs Orrin Pay. O'Rourke said so."))
    people = [e.id for e in batch.entities if e.kind == "Person"]
    assert people == ["declan-o-rourke"]


def test_a_wire_agency_in_a_dateline_joins_nothing(extractor):
    text = ("HONG KONG, Aug 4 (Reuters) - Orrin Pay said on Monday it had been admitted to "
            "the HKMA's stablecoin issuer sandbox.")
    assert not [t for t in triples(extractor, text) if "reuters" in t]


def test_hong_kong_districts_are_places(extractor):
    batch = extractor.run(document("Mei-ling Kwok told the meetup in Sheung Wan that most "
                                   "clients hold stablecoins."))
    assert {e.id: e.kind for e in batch.entities} == {"mei-ling-kwok": "Person"}


def test_a_firm_whose_name_begins_and_ends_with_title_words_stays_a_firm(extractor):
    batch = extractor.run(document("First Digital Group said it is launching a stablecoin."))
    assert "first-digital-group" in {e.id for e in batch.entities}


@pytest.mark.parametrize("acronym", ["RWA", "DLT", "OTC", "ESG"])
def test_generic_acronyms_are_no_names(extractor, acronym):
    batch = extractor.run(document(f"The {acronym} market grew as Quarry Bank joined it."))
    assert acronym.lower() not in {e.id for e in batch.entities}


def test_a_registry_name_that_ends_a_person_s_name_is_part_of_it(extractor):
    batch = extractor.run(document("Dwight van Diem, managing partner at Tern Group, said "
                                   "so."))
    assert {e.id: e.kind for e in batch.entities}.get("dwight-van-diem") == "Person"


def test_his_excellency_is_a_title(extractor):
    batch = extractor.run(document("The MoU was signed by H.E. Omar Al Hadi, Chief Executive "
                                   "Officer of Tern Markets Authority."))
    assert "omar-al-hadi" in {e.id for e in batch.entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Quarry Exchange won its bid for an SFC licence last year.",
      ("quarry-exchange", "LICENSED_BY", "sfc")),
     ("HKMA deputy chief executive Arthur Yuen told lawmakers that Velden Bank -- Orrin "
      "Pay's partner -- had been fined.", ("orrin-pay", "PARTNERS_WITH", "velden-bank")),
     ("The HKMA approved the appointment of Helga Brandt as chief executive of Velden Bank.",
      ("helga-brandt", "HOLDS_ROLE", "velden-bank")),
     ("Jane Lee, Partner, Financial Services, KPMG China, said the rules were clear.",
      ("jane-lee", "HOLDS_ROLE", "kpmg-china"))],
)
def test_what_a_near_miss_still_states(extractor, text, expected):
    """Sentences the review wrote to break this round's rules: what they do state."""
    found = triples(extractor, text)
    assert expected in found or expected[1] == "PARTNERS_WITH" and \
        (expected[2], expected[1], expected[0]) in found


def test_an_approving_regulator_is_no_employer(extractor):
    found = triples(extractor, "The HKMA approved the appointment of Helga Brandt as chief "
                               "executive of Velden Bank.")
    assert ("helga-brandt", "HOLDS_ROLE", "hkma") not in found


def test_a_firm_named_before_its_platform_stays_a_firm(extractor):
    batch = extractor.run(document("Velden said on Monday it would grow. Users of the Velden "
                                   "platform rose."))
    assert {e.id: e.kind for e in batch.entities}.get("velden") != "Product"


def test_a_law_firm_s_name_is_no_person_s(extractor):
    batch = extractor.run(document("The firm hired Baker McKenzie as legal adviser."))
    assert {e.id: e.kind for e in batch.entities}.get("baker-mckenzie") != "Person"


def test_a_name_written_with_initials_is_the_person_named_without_them(extractor):
    batch = extractor.run(document("Livia Marsh joined Quarry Bank in May. Livia KY Marsh, "
                                   "its chief executive, said so."))
    assert [e.id for e in batch.entities if e.kind == "Person"] == ["livia-marsh"]


def test_the_chief_executive_written_with_initials_is_the_registry_s(extractor):
    batch = extractor.run(document("John KC Lee opened the Tern Money Summit on Monday."))
    assert "john-lee" in {e.id for e in batch.entities}


@pytest.mark.parametrize(("text", "name"), [("The HKMA unveiled Fintech 2030 in November.",
                                             "fintech-2030"),
                                            ("Profits rose in Q1 2025.", None)])
def test_a_name_with_a_year_is_no_date(extractor, text, name):
    found = {e.id for e in extractor.run(document(text)).entities}
    assert (name in found) if name else not [e for e in found if "2025" in e]


def test_a_name_that_only_modifies_a_listed_name_is_no_item(extractor):
    found = triples(extractor, "Tern Exchange will rely on two banks for client money: Quarry "
                               "Bank and Velden-controlled Orrin Bank.")
    assert ("orrin-bank", "PROVIDES_BANKING_TO", "tern-exchange") in found
    assert not [t for t in found if "velden" in t and t[1] != "CONTROLLED_BY"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Zennor Labs, a payments start-up, and Peakline Pay, a remittance firm, joined the "
      "Tern Stablecoin Pilot.", ("peakline-pay", "MEMBER_OF", "tern-stablecoin-pilot")),
     ("Nathan Obi, Director, Digital Assets and Innovation, Corporate and Investment Banking, "
      "Tern Bank, said so.", ("nathan-obi", "HOLDS_ROLE", "tern-bank"))],
)
def test_names_each_described_and_departments_between_commas(extractor, text, expected):
    batch = extractor.run(document(text))
    assert expected in {(r.source, r.type, r.target) for r in batch.relations}
    assert not [e for e in batch.entities if e.id in {"digital-assets", "innovation",
                                                        "investment-banking"}]
