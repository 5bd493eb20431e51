"""Constructions found missing or misread in round 13's developed probe sets. One sentence of
our own for each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("an object relative clause the parse reads as a reduced one",
         "Project Tern, which the HKMA launched in March, introduces a wholesale token.",
         {("hkma", "LAUNCHED", "project-tern")}),
        ("an object relative clause after a regulator's full name, with 'has'",
         "The Tern Bond Scheme, which the Hong Kong Monetary Authority has launched, grew.",
         {("hkma", "LAUNCHED", "tern-bond-scheme")}),
        ("a platform the relative clause says its owner runs",
         "Corvid Exchange, which Ardent Group runs, has two million users.",
         {("ardent-group", "OPERATES", "corvid-exchange")}),
        ("a firm the relative clause says its buyer bought",
         "Corvid Exchange, which Ardent Group bought in 2023, has two million users.",
         {("ardent-group", "ACQUIRED", "corvid-exchange")}),
        ("partners who worked 'on' something 'with' each other",
         "Corvid Labs has worked on tokenisation with Pellam Bank.",
         {("corvid-labs", "PARTNERS_WITH", "pellam-bank")}),
        ("partners 'with' a class of firms 'such as' named ones",
         "Corvid Labs has worked on digital assets with large banks such as Pellam Bank and "
         "Tallis Bank.",
         {("corvid-labs", "PARTNERS_WITH", "pellam-bank"),
          ("corvid-labs", "PARTNERS_WITH", "tallis-bank")}),
        ("a licence granted under a regulator's framework",
         "Corvid Exchange was granted Type 1 and Type 7 licences under the regulatory framework "
         "of the Securities and Futures Commission.",
         {("corvid-exchange", "LICENSED_BY", "sfc")}),
        ("a licence held under a regulator's regime",
         "Corvid Exchange holds a licence under the SFC's regime for trading platforms.",
         {("corvid-exchange", "LICENSED_BY", "sfc")}),
        ("a firm merged into a group",
         "Corvid Labs was merged into Ardent Group in 2025.",
         {("corvid-labs", "SUBSIDIARY_OF", "ardent-group")}),
        ("members named after their group's name",
         "Tern Association members Pellam Bank and Corvid Pay attended the forum.",
         {("pellam-bank", "MEMBER_OF", "tern-association"),
          ("corvid-pay", "MEMBER_OF", "tern-association")}),
        ("an event co-organised by two",
         "The forum was co-organised by Pellam Bank and Corvid Pay.",
         {("corvid-pay", "PARTNERS_WITH", "pellam-bank")}),
        ("comments made at an event",
         "Mira Osei made the comments at the Tern Summit 2026 on Tuesday.",
         {("mira-osei", "SPOKE_AT", "tern-summit-2026")}),
        ("the head of a bureau named after the fields it covers",
         "Mira Osei, who heads the Innovation, Technology and Industry Bureau, spoke.",
         {("mira-osei", "HOLDS_ROLE", "innovation-technology-and-industry-bureau")}),
        ("two people 'of' a firm",
         "The group named new board members, among them Mira Osei and John Roe of Corvid Labs.",
         {("mira-osei", "HOLDS_ROLE", "corvid-labs"), ("john-roe", "HOLDS_ROLE", "corvid-labs")}),
        ("a firm that owns a product runs it",
         "Ardent Group, which owns Quillon Pay, the country's dominant payments app, said.",
         {("ardent-group", "OPERATES", "quillon-pay")}),
        ("a tie that something will be done together",
         "Pellam Bank, together with Corvid Labs, is set to launch a stablecoin next year.",
         {("pellam-bank", "PARTNERS_WITH", "corvid-labs")}),
        ("a relative clause on each of two names",
         "Corvid Exchange, which Ardent Group runs, and the Corvid Wallet, which Pellam Bank "
         "launched, were both fined.",
         {("ardent-group", "OPERATES", "corvid-exchange"),
          ("pellam-bank", "LAUNCHED", "corvid-wallet")}),
        ("a licence held under a regulator's rules",
         "Corvid Exchange holds a licence under the SFC's rules.",
         {("corvid-exchange", "LICENSED_BY", "sfc")}),
        ("what holds already goes on ('hopes to expand its partnership')",
         "Corvid Labs hopes to expand its partnership with Pellam Bank.",
         {("corvid-labs", "PARTNERS_WITH", "pellam-bank")}),
        ("an event held at a venue",
         "The Tern Festival, which is being held at the Hong Kong Convention and Exhibition "
         "Centre, opened on Monday.",
         {("tern-festival", "LOCATED_IN", "hong-kong-convention-and-exhibition-centre")}),
        ("an event that took place at a venue",
         "The Tern Summit took place at the Tern Convention Centre.",
         {("tern-summit", "LOCATED_IN", "tern-convention-centre")}),
        ("the chair of a firm's board of directors",
         "He greeted Mr Simon Chan, Chairman of the Board of Directors of Tern Port Limited.",
         {("simon-chan", "CHAIRS", "tern-port")}),
        ("'who' after a title's firm speaks of the person",
         "Yan Gang, vice chairman of the board of directors of Tern Port, who is also a "
         "member of the Legislative Council, spoke.",
         {("yan-gang", "HOLDS_ROLE", "tern-port"),
          ("yan-gang", "MEMBER_OF", "legislative-council")}),
        ("a member's title before the name",
         "Member of the Legislative Council Duncan Chiu attended the ceremony.",
         {("duncan-chiu", "MEMBER_OF", "legislative-council")}),
        ("products managed 'jointly with' another",
         "Pellam Asset Management will issue and manage its products jointly with Corvid "
         "Capital.",
         {("pellam-asset-management", "PARTNERS_WITH", "corvid-capital")}),
        ("funds managed 'jointly by' two",
         "The two spot ETFs will be managed jointly by Pellam Asset Management and Corvid "
         "Capital.",
         {("corvid-capital", "PARTNERS_WITH", "pellam-asset-management")}),
        ("a policy secretary of the government, by the title",
         '"We are ready," said Mira Osei, Secretary for Innovation, Technology and Industry.',
         {("mira-osei", "HOLDS_ROLE", "hksar-government")}),
        ("a member of a chamber by the seat held in it",
         "Duncan Chiu, who represents the technology sector in the Legislative Council, spoke.",
         {("duncan-chiu", "MEMBER_OF", "legislative-council")}),
        ("among the speakers at an event",
         "Joseph Chan was among the speakers at the Tern Summit 2026.",
         {("joseph-chan", "SPOKE_AT", "tern-summit-2026")}),
        ("an event's place in a participle after it",
         "Mira Osei spoke at the Tern Summit, held in Singapore last week.",
         {("tern-summit", "LOCATED_IN", "singapore")}),
        ("two subjects that teamed up",
         "Pellam Bank and Corvid Pay have teamed up to launch a tokenised deposit service.",
         {("corvid-pay", "PARTNERS_WITH", "pellam-bank")}),
        ("two subjects that joined forces",
         "Pellam Bank and Corvid Pay joined forces last year.",
         {("corvid-pay", "PARTNERS_WITH", "pellam-bank")}),
        ("firms that did something under a scheme take part in it",
         "Pellam Bank and Corvid Pay have completed a series of transactions under Project "
         "Tern.",
         {("pellam-bank", "MEMBER_OF", "project-tern"),
          ("corvid-pay", "MEMBER_OF", "project-tern")}),
        ("a regulator that began work under its scheme runs it",
         "The HKMA has already begun sandbox experiments under Project Tern.",
         {("hkma", "OPERATES", "project-tern")}),
        ("a public body 'under' another",
         "The Digital Policy Office under the Innovation, Technology and Industry Bureau was "
         "set up yesterday.",
         {("digital-policy-office", "SUBSIDIARY_OF",
           "innovation-technology-and-industry-bureau")}),
        ("a public body that sits under another",
         "The Tern Office, which sits under the Lumen Bureau, opened.",
         {("tern-office", "SUBSIDIARY_OF", "lumen-bureau")}),
        ("custodians a fund's arrangements name, and one that serves beside",
         "The Tern Bitcoin ETF's custody arrangements name Pellam Trustee Limited as main "
         "custodian, while Corvid Securities serves as sub-custodian.",
         {("pellam-trustee", "CUSTODIAN_OF", "tern-bitcoin-etf"),
          ("corvid-securities", "CUSTODIAN_OF", "tern-bitcoin-etf")}),
        ("a person named as a firm's",
         "Pellam Bank's Mira Osei said demand was strong.",
         {("mira-osei", "HOLDS_ROLE", "pellam-bank")}),
        ("two subjects that signed an agreement",
         "Pellam Bank and Corvid Pay signed an agreement to explore tokenised deposits.",
         {("corvid-pay", "PARTNERS_WITH", "pellam-bank")}),
        ("a deal inked with another",
         "Pellam Bank inked a deal with Corvid Pay.",
         {("pellam-bank", "PARTNERS_WITH", "corvid-pay")}),
        ("a firm's partners listed",
         "Pellam Bank's partners include Corvid Pay and Ardent Group.",
         {("corvid-pay", "PARTNERS_WITH", "pellam-bank"),
          ("ardent-group", "PARTNERS_WITH", "pellam-bank")}),
        ("the green light received from a regulator",
         "Corvid Exchange received the green light from the HKMA.",
         {("corvid-exchange", "LICENSED_BY", "hkma")}),
        ("the issuer of a token",
         "Pellam Bank is the issuer of PHKD.",
         {("pellam-bank", "ISSUES", "phkd")}),
        ("a product the relative clause says its owner rolled out",
         "The Tern Wallet, which Pellam Bank rolled out last year, has grown.",
         {("pellam-bank", "LAUNCHED", "tern-wallet")}),
        ("a client a bank onboarded",
         "Pellam Bank has onboarded Corvid Exchange as a client.",
         {("pellam-bank", "PROVIDES_BANKING_TO", "corvid-exchange")}),
        ("the reserves of a firm's stablecoin held by a custodian",
         "The reserves of Corvid Pay's stablecoin are held by Pellam Trust.",
         {("pellam-trust", "CUSTODIAN_OF", "corvid-pay")}),
        ("an invitation taken up",
         "Zhang Wei was invited to speak at the Asian Financial Forum 2025 and gave a keynote.",
         {("zhang-wei", "SPOKE_AT", "asian-financial-forum-2025")}),
        ("a licence won after a wait",
         "Arlo Digital won a licence from the SFC after waiting for a year.",
         {("arlo-digital", "LICENSED_BY", "sfc")}),
        ("'its' after a verb's object is the object's",
         "Pellam Capital advised Corvid Labs on its acquisition of Arlo Digital.",
         {("corvid-labs", "ACQUIRED", "arlo-digital")}),
        ("'its' with no object between is the subject's",
         "Pellam Capital went ahead with its acquisition of Arlo Digital.",
         {("pellam-capital", "ACQUIRED", "arlo-digital")}),
        ("an office opened in a place named before it",
         "Corvid Labs opened a Hong Kong office in March.",
         {("corvid-labs", "LOCATED_IN", "hong-kong")}),
        ("a person who started a firm",
         "Mira Osei started Corvid Labs after leaving Pellam Bank.",
         {("corvid-labs", "FOUNDED_BY", "mira-osei")}),
        ("a firm selected (admitted) for a scheme",
         "Pellam Bank was admitted to the Tern Sandbox in May.",
         {("pellam-bank", "MEMBER_OF", "tern-sandbox")}),
        ("a scheme that admitted firms",
         "The Tern Sandbox admitted Pellam Bank and Corvid Pay.",
         {("pellam-bank", "MEMBER_OF", "tern-sandbox"),
          ("corvid-pay", "MEMBER_OF", "tern-sandbox")}),
        ("the title 'at' a firm before the person",
         "The head of research at Pellam Bank, Mira Osei, said demand was strong.",
         {("mira-osei", "HOLDS_ROLE", "pellam-bank")}),
        ("one product two subjects launch",
         "Pellam Bank and Corvid Pay launched a tokenised deposit service.",
         {("corvid-pay", "PARTNERS_WITH", "pellam-bank")}),
        ("a firm named as a place's",
         "UTXO Management was instrumental at Japan's Metaplanet, which is known for bitcoin.",
         {("metaplanet", "LOCATED_IN", "japan")}),
    ])
def test_round13_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # "the Asian arm of C" is one more item of the list, not a description of B
        ("The group's members include Pellam Bank, Corvid Pay, the Asian arm of Ardent Group "
         "and Tallis Money.",
         ("corvid-pay", "SUBSIDIARY_OF", "ardent-group")),
        ("The group's members include Pellam Bank, Corvid Pay, the Asian arm of Ardent Group "
         "and Tallis Money.",
         ("corvid-pay", "SUBSIDIARY_OF", "tallis-money")),
        # a state the two share is no partnership
        ("Pellam Bank, together with Corvid Bank and Tallis Bank, is authorised to print "
         "banknotes.",
         ("pellam-bank", "PARTNERS_WITH", "corvid-bank")),
        ("Pellam Bank, together with Corvid Bank, is among the largest lenders in the city.",
         ("pellam-bank", "PARTNERS_WITH", "corvid-bank")),
        # hoped for or expected, not done ("hopes": the lemmatizer reads "hop")
        ("Corvid Exchange hopes to obtain a licence from the SFC.",
         ("corvid-exchange", "LICENSED_BY", "sfc")),
        ("Corvid Exchange hopes to obtain a licence under the SFC's regime.",
         ("corvid-exchange", "LICENSED_BY", "sfc")),
        ("Corvid Exchange is expected to obtain a licence from the SFC.",
         ("corvid-exchange", "LICENSED_BY", "sfc")),
        ("Corvid Exchange applied for a licence under the SFC's regime.",
         ("corvid-exchange", "LICENSED_BY", "sfc")),
        ("The Corvid token was integrated into Ardent Wallet.",
         ("corvid-token", "SUBSIDIARY_OF", "ardent-wallet")),
        # a long list of co-organisers lends names; it is no partnership of each two
        ("The forum was co-organised by Pellam Bank, Corvid Pay and Tallis Money.",
         ("corvid-pay", "PARTNERS_WITH", "pellam-bank")),
        # in a longer list, "of X" is said of the last name only
        ("The panel included Mira Osei, Jane Doe and John Roe of Corvid Labs.",
         ("mira-osei", "HOLDS_ROLE", "corvid-labs")),
        # a clause on one name says nothing of the other
        ("Corvid Exchange, which Ardent Group runs, and the Corvid Wallet, which Pellam Bank "
         "launched, were both fined.",
         ("ardent-group", "OPERATES", "corvid-wallet")),
        # an object of its own: "which" is the stranded preposition's
        ("Corvid Exchange, which the SFC launched an investigation into last year, has closed.",
         ("sfc", "LAUNCHED", "corvid-exchange")),
        ("Pellam Bank, which Ardent Group bought a stake in last year, said it would grow.",
         ("ardent-group", "ACQUIRED", "pellam-bank")),
        ("The Tern Summit, which the SFC opened with a keynote, ended on Friday.",
         ("sfc", "LAUNCHED", "tern-summit")),
        ("Corvid Labs hoped to partner with Pellam Bank.",
         ("corvid-labs", "PARTNERS_WITH", "pellam-bank")),
        ("Corvid Labs is hoping to be licensed by the SFC.",
         ("corvid-labs", "LICENSED_BY", "sfc")),
        ("Corvid Labs worked on a lawsuit with Pellam Bank.",
         ("corvid-labs", "PARTNERS_WITH", "pellam-bank")),
        ("Pellam Bank, together with Corvid Bank, remains the largest lender in the city.",
         ("pellam-bank", "PARTNERS_WITH", "corvid-bank")),
        ("Pellam Bank, Corvid Pay, the Asian arm of Ardent Group and Heron Bank were named as "
         "the first issuers.",
         ("corvid-pay", "SUBSIDIARY_OF", "ardent-group")),
        ("Pellam Bank's API was integrated into Corvid Exchange.",
         ("api", "SUBSIDIARY_OF", "corvid-exchange")),
        ("Yan Gang, vice chairman of the board of directors of Tern Port, who is also a "
         "member of the Legislative Council, spoke.",
         ("tern-port", "MEMBER_OF", "legislative-council")),
        # a permanent secretary is a civil servant, under the bureau (not read as the
        # government's secretary)
        ("Mira Osei, Permanent Secretary for Innovation, Technology and Industry, spoke.",
         ("mira-osei", "HOLDS_ROLE", "hksar-government")),
        ("Joseph Chan was not among the speakers at the Tern Summit 2026.",
         ("joseph-chan", "SPOKE_AT", "tern-summit-2026")),
        ("Pellam Bank, Corvid Pay and Ardent Group have not teamed up.",
         ("corvid-pay", "PARTNERS_WITH", "pellam-bank")),
        ("Corvid Exchange has yet to be licensed by the SFC.",
         ("corvid-exchange", "LICENSED_BY", "sfc")),
        ("The SFC came under pressure from the Legislative Council.",
         ("sfc", "SUBSIDIARY_OF", "legislative-council")),
        # two funds named: whose sub-custodian is not said
        ("The Tern Bitcoin ETF and the Pellam Ether ETF launched, while Corvid Securities "
         "serves as sub-custodian.",
         ("corvid-securities", "CUSTODIAN_OF", "tern-bitcoin-etf")),
        ("Mira Osei's Pellam Bank grew fast.", ("pellam-bank", "HOLDS_ROLE", "mira-osei")),
        ("Pellam Bank and Corvid Pay each signed agreements with the HKMA.",
         ("corvid-pay", "PARTNERS_WITH", "pellam-bank")),
        ("Pellam Bank and Corvid Pay did not sign a deal.",
         ("corvid-pay", "PARTNERS_WITH", "pellam-bank")),
        ("Corvid Exchange is still waiting for the green light from the SFC.",
         ("corvid-exchange", "LICENSED_BY", "sfc")),
        ("Corvid Exchange has onboarded Pellam Bank as a client.",
         ("pellam-bank", "PROVIDES_BANKING_TO", "corvid-exchange")),
        ("The shares of Corvid Pay's parent are held by Pellam Trust.",
         ("pellam-trust", "CUSTODIAN_OF", "corvid-pay")),
        # asked, invited or supposed to, and called off
        ("Chan Wai-kit was asked to serve as chairman of Koravel Exchange but declined.",
         ("chan-wai-kit", "CHAIRS", "koravel-exchange")),
        ("Zhang Wei was invited to speak at the Asian Financial Forum 2025 but did not attend.",
         ("zhang-wei", "SPOKE_AT", "asian-financial-forum-2025")),
        ("The Tessaly Digital Asset Summit was supposed to take place in Dubai but was "
         "cancelled.",
         ("tessaly-digital-asset-summit", "LOCATED_IN", "dubai")),
        ("Quarrow Bank called off its planned acquisition of Arlo Digital.",
         ("quarrow-bank", "ACQUIRED", "arlo-digital")),
        ("Arlo Digital has received approval in principle from the SFC.",
         ("arlo-digital", "LICENSED_BY", "sfc")),
        ("Arlo Digital is still waiting for its licence from the SFC.",
         ("arlo-digital", "LICENSED_BY", "sfc")),
        ("Arlo Digital awaits a licence from the SFC.", ("arlo-digital", "LICENSED_BY", "sfc")),
        ("Pellam Capital advised Corvid Labs on its acquisition of Arlo Digital.",
         ("pellam-capital", "ACQUIRED", "arlo-digital")),
        ("Mira Osei started trading on Corvid Exchange.",
         ("corvid-exchange", "FOUNDED_BY", "mira-osei")),
        # from the later review: negation over "jointly", passive "jointly by", secretaries
        # elsewhere, "who" past "acting"
        ("Pellam Bank did not run the scheme jointly with Corvid Labs.",
         ("pellam-bank", "PARTNERS_WITH", "corvid-labs")),
        ("The fines were paid jointly by Pellam Bank and Corvid Pay.",
         ("corvid-pay", "PARTNERS_WITH", "pellam-bank")),
        ("The UK Secretary for Trade, Jane Roe, visited.",
         ("jane-roe", "HOLDS_ROLE", "hksar-government")),
        ("Jane Roe, Company Secretary for Pellam Bank, signed.",
         ("jane-roe", "HOLDS_ROLE", "hksar-government")),
        ("John Roe, acting chairman of Heron Capital, who is a member of the Legislative "
         "Council, spoke.",
         ("heron-capital", "MEMBER_OF", "legislative-council")),
        ("The HKMA did not select Pellam Bank for the Tern Sandbox.",
         ("pellam-bank", "MEMBER_OF", "tern-sandbox")),
        ("Pellam Bank and Corvid Pay launched new products last year.",
         ("corvid-pay", "PARTNERS_WITH", "pellam-bank")),
        ("Pellam Bank and Corvid Pay each launched a wallet.",
         ("corvid-pay", "PARTNERS_WITH", "pellam-bank")),
        ("Hong Kong's SFC licensed Corvid Exchange.", ("sfc", "LOCATED_IN", "hong-kong")),
        ('Metaplanet is known as "Asia\'s MicroStrategy".',
         ("microstrategy", "LOCATED_IN", "asia")),
    ])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


def test_an_apposition_still_describes_the_name_before_it(extractor):
    assert ("corvid-pay", "SUBSIDIARY_OF", "ardent-group") in triples(
        extractor, "Corvid Pay, the Asian arm of Ardent Group, said it would list.")


def test_a_tie_done_together_is_still_a_partnership(extractor):
    assert ("pellam-bank", "PARTNERS_WITH", "corvid-bank") in triples(
        extractor, "Pellam Bank, together with Corvid Bank, will develop a wallet.")


@pytest.mark.parametrize("text", [
    "On Monday Corvid Labs said it would open an office.",
    "Since June Corvid Labs has run a wallet.",
    "Last Friday Corvid Labs launched a wallet.",
    "Shares rose, and in March Corvid Labs launched a wallet.",
    "In early March Corvid Labs launched a wallet.",
    "On 3 March Corvid Labs launched a wallet.",
    "Then in April Corvid Labs signed a deal.",
    "By June Corvid Labs had launched a wallet.",
    "In 2024 Corvid Labs launched a wallet.",
])
def test_a_day_or_month_opening_the_clause_is_no_part_of_a_name(extractor, text):
    ids = {e.id for e in extractor.run(document(text)).entities}
    assert "corvid-labs" in ids


@pytest.mark.parametrize("text", [
    "The fund was backed by March Capital.",
    "Pellam Bank invested in March Capital.",
    "Since March Capital entered the market, prices have fallen.",
])
def test_a_month_inside_a_name_stays(extractor, text):
    ids = {e.id for e in extractor.run(document(text)).entities}
    assert "march-capital" in ids


def test_a_quoted_name_begun_by_a_registry_name_is_one_name(extractor):
    ids = {e.id for e in extractor.run(document(
        'Cyberport also set up the "Cyberport Tern Base", a hub for start-ups.')).entities}
    assert "cyberport-tern-base" in ids


def test_a_board_s_directors_name_no_one(extractor):
    ids = {e.id for e in extractor.run(document(
        "Mr Simon Chan, Chairman of the Board of Directors of Tern Port Limited, spoke."
    )).entities}
    assert "directors" not in ids


def test_officers_a_firm_s_clause_includes_hold_a_role(extractor):
    roles = {(r.source, r.target, r.properties.get("role"))
             for r in extractor.run(document(
                 "Tern Securities, a veteran brokerage whose executive directors include "
                 "Gao Juan, said it would grow.")).relations if r.type == "HOLDS_ROLE"}
    assert ("gao-juan", "tern-securities", "executive director") in roles


def test_a_capitalised_the_inside_a_sentence_begins_a_name(extractor):
    ids = {e.id for e in extractor.run(document(
        "Ardent Group is known for The Sandbox, its metaverse platform.")).entities}
    assert "the-sandbox" in ids
    ids = {e.id for e in extractor.run(document(
        "Pellam Bank joined the Sandbox last year.")).entities}
    assert not any("sandbox" in i for i in ids)


def test_a_person_read_first_as_a_firm_is_kept_apart_in_a_run_for_a_role():
    from hkweb3.data import REGISTRY_DIR
    from hkweb3.loaders.extract import Extractor
    from hkweb3.loaders.registry import read_registry

    extractor = Extractor(read_registry(REGISTRY_DIR).entities)
    first = extractor.run(document("Daniel Foo spent two decades at global banks."))
    assert {(e.id, e.kind) for e in first.entities} == {("daniel-foo", "Company")}
    second = extractor.run(document(
        "Quarrow Bank's chief executive, Daniel Foo, said the bank would grow."))
    assert ("daniel-foo-person", "Person") in {(e.id, e.kind) for e in second.entities}
    assert ("daniel-foo-person", "HOLDS_ROLE", "quarrow-bank") in {
        (r.source, r.type, r.target) for r in second.relations}
    # without a role of a person's to keep, the name keeps the node it has
    third = extractor.run(document("Daniel Foo spoke to reporters on Monday."))
    assert {e.id for e in third.entities} == {"daniel-foo"}
