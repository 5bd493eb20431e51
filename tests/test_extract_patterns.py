"""Relation patterns on constructions of news English, one sentence of our own for each.

Each case names the construction it stands for; the entities are made up, so the registry
knows none of them (except the regulators and outlets, which it does)."""

from pathlib import Path

import pytest

from hkweb3.loaders.readers import SourceDocument
from tests.extract_support import triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a title after a name that says whose post it is",
         "Omar Velez, acting secretary for Financial Services and the Treasury, spoke on "
         "Monday.",
         {("omar-velez", "HOLDS_ROLE", "hksar-government")}),
        ("an organisation with its short form in brackets before a title and a name",
         "The paper said Tidewater Commission (TC) Chairman Omar Velez had resigned.",
         {("omar-velez", "CHAIRS", "tidewater-commission")}),
        ("the firm behind a product, in apposition",
         "Tidewater Group, the software firm behind the Lumen Wallet app, opened an office.",
         {("tidewater-group", "OPERATES", "lumen-wallet-app")}),
        ("one firm's unit named with a possessive",
         "The audit was run by Harbour Holdings's Kestrel Ventures last year.",
         {("kestrel-ventures", "SUBSIDIARY_OF", "harbour")}),
        ("doing something together with another firm",
         "Lumen Bank is testing a payment service together with Orchid Pay.",
         {("lumen-bank", "PARTNERS_WITH", "orchid-pay")}),
        ("a client named in a with-phrase after the main clause",
         "Lumen Bank completed its first transfer in May, with Orchid Pay acting as pioneer "
         "customer.",
         {("lumen-bank", "PROVIDES_BANKING_TO", "orchid-pay")}),
        ("a list of owners whose middle item is described, not named",
         "Kestrel Bank is owned by Orchid Group, Harbour Holdings's payments arm and "
         "Tidewater Capital.",
         {("orchid-group", "OWNS", "kestrel-bank"), ("tidewater-capital", "OWNS", "kestrel-bank")}),
        ("a second role after a span of years, joined by and",
         "Kestrel Labs was set up by Omar Velez, who was chief executive of Orchid Group between "
         "2009 and 2019 and a former vice chairman of Tidewater Bank.",
         {("omar-velez", "HOLDS_ROLE", "tidewater-bank")}),
        ("an organisation's co-founder before the name",
         "Kestrel Data was set up by Orchid Group co-founder Omar Velez.",
         {("orchid-group", "FOUNDED_BY", "omar-velez")}),
        ("an organisation chaired by a person",
         "The Harbour Fintech Society is chaired by Omar Velez, a former banker.",
         {("omar-velez", "CHAIRS", "harbour-fintech-society")}),
        ("a company counting firms among its shareholders",
         "Kestrel Bank counts Orchid Group, Tidewater Capital and Vantor Labs among its "
         "shareholders.",
         {("orchid-group", "OWNS", "kestrel-bank"), ("tidewater-capital", "OWNS", "kestrel-bank"),
          ("vantor-labs", "OWNS", "kestrel-bank")}),
        ("a trading platform launched by a group",
         "Lumen Exchange, the trading platform being launched by Orchid Group, opens in May.",
         {("orchid-group", "LAUNCHED", "lumen-exchange")}),
        ("a bank providing a client with services",
         "Kestrel Bank began providing Lumen Exchange with settlement accounts in 2022.",
         {("kestrel-bank", "PROVIDES_BANKING_TO", "lumen-exchange")}),
        ("a bank handling deposits for clients",
         "Since March, Kestrel Bank has been handling fiat deposits for Lumen Exchange and "
         "Orchid Exchange.",
         {("kestrel-bank", "PROVIDES_BANKING_TO", "lumen-exchange"),
          ("kestrel-bank", "PROVIDES_BANKING_TO", "orchid-exchange")}),
        ("a client relying on banks listed after a colon",
         "Lumen Exchange will rely on two banks for its clients' deposits: Kestrel Bank and "
         "Orchid Bank.",
         {("kestrel-bank", "PROVIDES_BANKING_TO", "lumen-exchange"),
          ("orchid-bank", "PROVIDES_BANKING_TO", "lumen-exchange")}),
        ("a regulator clearing platforms",
         "On Monday the SFC cleared Lumen Exchange and Orchid Exchange to serve retail "
         "investors.",
         {("lumen-exchange", "LICENSED_BY", "sfc"), ("orchid-exchange", "LICENSED_BY", "sfc")}),
        ("the newest licensees named in the sentence after the regulator",
         "The SFC handed out two more licences on Friday. The new licensees are Lumen Exchange "
         "and Orchid Exchange.",
         {("lumen-exchange", "LICENSED_BY", "sfc"), ("orchid-exchange", "LICENSED_BY", "sfc")}),
        ("a list, then a relative clause saying which regulator licensed it",
         "The newcomers join Lumen Bank, Orchid Bank and Kestrel Bank, which the HKMA licensed "
         "last year.",
         {("lumen-bank", "LICENSED_BY", "hkma"), ("kestrel-bank", "LICENSED_BY", "hkma")}),
        ("a licence granted by a regulator, the agent hung on the licence",
         "Kestrel Bank was granted a banking licence by the HKMA in 2021.",
         {("kestrel-bank", "LICENSED_BY", "hkma")}),
        ("a joint venture between two firms",
         "Lumen Pay is a joint venture between Orchid Group and Tidewater Capital.",
         {("orchid-group", "PARTNERS_WITH", "tidewater-capital")}),
        ("a consortium formed by a list of firms",
         "The sandbox admitted a consortium formed by Orchid Group, Tidewater Capital and "
         "Vantor Labs.",
         {("orchid-group", "PARTNERS_WITH", "tidewater-capital"),
          ("orchid-group", "PARTNERS_WITH", "vantor-labs")}),
        ("an event co-organised by two bodies",
         "The forum, co-organised by Orchid Group and Tidewater Capital, drew 2,000 guests.",
         {("orchid-group", "PARTNERS_WITH", "tidewater-capital")}),
        ("firms that are partners in a venture",
         "Orchid Group, Tidewater Capital and Vantor Labs are partners in Lumen Pay, a "
         "joint venture.",
         {("orchid-group", "PARTNERS_WITH", "tidewater-capital")}),
        ("a partnership with a firm",
         "Kestrel Bank now lets clients trade tokens through a partnership with Lumen Exchange.",
         {("kestrel-bank", "PARTNERS_WITH", "lumen-exchange")}),
        ("participants of a scheme listed after a colon",
         "The HKMA runs the Harbour Token Sandbox. Three participants were named: Lumen Labs; "
         "Orchid Pay; and Kestrel Data.",
         {("lumen-labs", "MEMBER_OF", "harbour-token-sandbox"),
          ("kestrel-data", "MEMBER_OF", "harbour-token-sandbox")}),
        ("a firm among the participants of a scheme named before",
         "The HKMA runs the Harbour Token Sandbox. Lumen Labs is also among the participants.",
         {("lumen-labs", "MEMBER_OF", "harbour-token-sandbox")}),
        ("banks taking part in a scheme named before",
         "The HKMA runs the Harbour Token Sandbox. Banks taking part include Kestrel Bank and "
         "Orchid Bank.",
         {("kestrel-bank", "MEMBER_OF", "harbour-token-sandbox"),
          ("orchid-bank", "MEMBER_OF", "harbour-token-sandbox")}),
        ("a place that hosts firms, listed after including",
         "Tidewater Hub at present hosts more than 500 start-ups, including Lumen Labs, a "
         "payments firm; Orchid Pay, a wallet maker; and Kestrel Data.",
         {("lumen-labs", "MEMBER_OF", "tidewater-hub"), ("kestrel-data", "MEMBER_OF",
                                                          "tidewater-hub")}),
        ("two platforms named before a plural description",
         "Kestrel Bank supplies accounts to Lumen Exchange and Orchid Exchange, the only two "
         "platforms licensed by the SFC.",
         {("lumen-exchange", "LICENSED_BY", "sfc"), ("orchid-exchange", "LICENSED_BY", "sfc")}),
        ("a firm among the first licensed by a regulator",
         "Lumen Exchange, which is run by Orchid Group, was among the first platforms licensed "
         "by the SFC.",
         {("lumen-exchange", "LICENSED_BY", "sfc")}),
        ("the scheme a regulator operates, as a relative clause without a pronoun",
         "The HKMA on Tuesday revealed the second group of members in the stablecoin issuer "
         "sandbox it operates.",
         {("hkma", "OPERATES", "hkma-stablecoin-issuer-sandbox")}),
        ("an organisation whose chief executive is named",
         "Kestrel Bank, whose chief executive is Omar Velez, has 40 branches.",
         {("omar-velez", "HOLDS_ROLE", "kestrel-bank")}),
        ("platforms a regulator licensed, listed after a colon",
         "They join the three venues the SFC had already licensed: Lumen Exchange, Orchid "
         "Exchange, which is run by Tidewater Group, and Kestrel Exchange.",
         {("lumen-exchange", "LICENSED_BY", "sfc"), ("kestrel-exchange", "LICENSED_BY", "sfc")}),
        ("a region before a role noun is not its organisation",
         "Omar Velez, the Asia president of Tidewater Group, spoke on Friday.",
         {("omar-velez", "HOLDS_ROLE", "tidewater-group")}),
        ("description after a name, parsed as apposition to an earlier noun",
         "The audit was a task handled by Orchid Labs, the analytics firm incubated by "
         "Tidewater Group.",
         {("orchid-labs", "FOUNDED_BY", "tidewater-group")}),
        ("a name found once is the same name where the model mistags it",
         "Brightwater Legal, Kessler and Marlowes advised the lenders. Partner Omar Velez "
         "headed the Marlowes team.",
         {("omar-velez", "HOLDS_ROLE", "marlowes")}),
        ("people supporting the team a person led",
         "Partner Omar Velez led the Harrow Legal team, with support from senior associate "
         "Lena Ortiz.",
         {("omar-velez", "HOLDS_ROLE", "harrow-legal"),
          ("lena-ortiz", "HOLDS_ROLE", "harrow-legal")}),
        ("people assisting a team in the passive",
         "The Harrow Legal team was headed by partner Omar Velez, with assistance from "
         "associate Lena Ortiz.",
         {("omar-velez", "HOLDS_ROLE", "harrow-legal"),
          ("lena-ortiz", "HOLDS_ROLE", "harrow-legal")}),
        ("appositions in a list, one after a bracketed abbreviation",
         "Orchid Pay, the payments unit of Tidewater Group, and Lumen Bank (LB), the Hong "
         "Kong arm of Harbour Holdings, both applied for licences.",
         {("orchid-pay", "SUBSIDIARY_OF", "tidewater-group"),
          ("lumen-bank", "SUBSIDIARY_OF", "harbour")}),
        ("a place that is home to firms",
         "Crowds walked past Harbour Square, which is home to Lumen Exchange and Orchid Bank, "
         "on Friday.",
         {("lumen-exchange", "LOCATED_IN", "harbour-square"),
          ("orchid-bank", "LOCATED_IN", "harbour-square")}),
        ("a funding round's investors named after the sentence saying who raised it",
         "Lumen Pay said on Monday that it had raised $20 million from investors. The Series "
         "B round was led by Tidewater Capital and Orchid Ventures. Other participants in the "
         "round included Kestrel Partners.",
         {("tidewater-capital", "OWNS", "lumen-pay"), ("orchid-ventures", "OWNS", "lumen-pay"),
          ("kestrel-partners", "OWNS", "lumen-pay")}),
        ("a round with its owner named by a possessive",
         "Orchid Ventures led Lumen Pay's latest funding round, which closed in May.",
         {("orchid-ventures", "OWNS", "lumen-pay")}),
        ("a dated launch with the launcher's possessive before the date",
         "The move follows Lumen Bank\u2019s June 3, 2024 launch of its Tide Deposit Service "
         "for small businesses.",
         {("lumen-bank", "LAUNCHED", "tide-deposit-service")}),
        ("a speech by a title with the speaker's name after a comma, at a dated event",
         "Following is the speech delivered yesterday (May 4) at Harbour Week 2024 by the "
         "Chief Executive, Mrs Lena Ortiz:",
         {("lena-ortiz", "SPOKE_AT", "harbour-week-2024")}),
        ("a list whose items are set off by semicolons",
         "Tidewater Group holds stakes in several firms, including Lumen Exchange, a licensed "
         "trading venue; Orchid Labs, a studio and investor; and Kestrel Labs, the software "
         "company behind a popular wallet.",
         {("tidewater-group", "OWNS", "lumen-exchange"), ("tidewater-group", "OWNS", "orchid-labs"),
          ("tidewater-group", "OWNS", "kestrel-labs")}),
        ("one organisation for a list of titled people, titles with a department",
         "Pictured: Tidewater Group's director of research Omar Velez, chief operating "
         "officer Lena Ortiz and head of retail banking Tomas Greer.",
         {("omar-velez", "HOLDS_ROLE", "tidewater-group"),
          ("lena-ortiz", "HOLDS_ROLE", "tidewater-group"),
          ("tomas-greer", "HOLDS_ROLE", "tidewater-group")}),
        ("orders from a body whose abbreviation the text defines later",
         "Orchid Pay and Lumen Pay paused their plans following orders from MAN. Sources said "
         "the firms got instructions from the Maritime Administration of Norland (MAN).",
         {("orchid-pay", "REGULATED_BY", "maritime-administration-of-norland"),
          ("lumen-pay", "REGULATED_BY", "maritime-administration-of-norland")}),
        ("a bank rolling out an education centre",
         "Lumen Bank rolled out the Token Investor Education Centre in May.",
         {("lumen-bank", "LAUNCHED", "token-investor-education-centre")}),
        ("the subject of a gerund after a preposition is the clause's",
         "Lumen Labs has benefited from being based in Singapore.",
         {("lumen-labs", "LOCATED_IN", "singapore")}),
        ("a place and a firm noun before the name",
         "The deal was backed by crypto-focused U.S. fund Kestrel Capital Partners.",
         {("kestrel-capital-partners", "LOCATED_IN", "united-states")}),
        ("a unit whose own name holds the unit noun",
         "The bonds settle on a ledger run by the Central Clearing Unit of the Hong Kong "
         "Monetary Authority (HKMA).",
         {("central-clearing-unit", "SUBSIDIARY_OF", "hkma")}),
        ("a regional arm's name followed by 'of' its parent",
         "Significantly, Lumen HK of Kestrel Group has withdrawn its application.",
         {("lumen-hk", "SUBSIDIARY_OF", "kestrel-group")}),
        ("relative clause between subject and verb",
         "Lumen Bank, which opened its doors in 2019, is controlled by Tidewater Group.",
         {("lumen-bank", "CONTROLLED_BY", "tidewater-group")}),
        ("apposition with a participle describing the object",
         "The fund is run by Tidewater Group, a conglomerate founded by Priya Raman and "
         "Omar Velez.",
         {("tidewater-group", "FOUNDED_BY", "priya-raman"),
          ("tidewater-group", "FOUNDED_BY", "omar-velez")}),
        ("quote attributed to a person with a possessive role",
         "Lumen Bank opened a branch in Kowloon on Monday. \u201cWe are ready,\u201d said "
         "Priya Raman, the bank's chief executive.",
         {("priya-raman", "HOLDS_ROLE", "lumen-bank")}),
        ("role as subject of a copula",
         "Tidewater Group has grown quickly, and its chief executive is Omar Velez.",
         {("omar-velez", "HOLDS_ROLE", "tidewater-group")}),
        ("appointed as",
         "Tidewater Group appointed Omar Velez as chief executive in March.",
         {("omar-velez", "HOLDS_ROLE", "tidewater-group")}),
        ("title with the organisation before it",
         "Tidewater Group CEO Omar Velez declined to comment.",
         {("omar-velez", "HOLDS_ROLE", "tidewater-group")}),
        ("two roles sharing one organisation",
         "Omar Velez, co-founder and chairman of Tidewater Group, spoke briefly.",
         {("tidewater-group", "FOUNDED_BY", "omar-velez"),
          ("omar-velez", "CHAIRS", "tidewater-group")}),
        ("person with the organisation in brackets",
         "Speakers included Omar Velez (Tidewater Group) and a banker.",
         {("omar-velez", "HOLDS_ROLE", "tidewater-group")}),
        ("backed by in a relative clause",
         "Orchid Pay, which is backed by Tidewater Group, opened an office.",
         {("tidewater-group", "OWNS", "orchid-pay")}),
        ("agreed to acquire",
         "Tidewater Group agreed to acquire Orchid Pay for $40 million.",
         {("tidewater-group", "ACQUIRED", "orchid-pay")}),
        ("name-backed name",
         "Tidewater-backed Orchid Pay expanded abroad.",
         {("tidewater", "OWNS", "orchid-pay")}),
        ("money raised from listed backers",
         "Kavlo Labs raised $12 million from backers such as Tidewater Group and Orchid "
         "Capital.",
         {("tidewater-group", "OWNS", "kavlo-labs"), ("orchid-capital", "OWNS", "kavlo-labs")}),
        ("a definite description referring back partners with a list",
         "Juniper Exchange opened in 2021. The platform has partnered with Lumen Bank and "
         "Tidewater Group to offer custody.",
         {("juniper-exchange", "PARTNERS_WITH", "lumen-bank"),
          ("juniper-exchange", "PARTNERS_WITH", "tidewater-group")}),
        ("a list that set up a joint venture",
         "Lumen Bank, Orchid Capital and Tidewater Group said they had set up a joint venture.",
         {("lumen-bank", "PARTNERS_WITH", "orchid-capital"),
          ("lumen-bank", "PARTNERS_WITH", "tidewater-group"),
          ("orchid-capital", "PARTNERS_WITH", "tidewater-group")}),
        ("the local arm of a group",
         "Kavlo HK, the Hong Kong arm of Kavlo Labs, applied for a licence.",
         {("kavlo-hk", "SUBSIDIARY_OF", "kavlo-labs")}),
        ("place-based organisation",
         "Singapore-based Kavlo Labs raised fresh funds.",
         {("kavlo-labs", "LOCATED_IN", "singapore")}),
        ("an issuer of an ETF",
         "Tidewater Asset Management issued the Tidewater Bitcoin ETF in April.",
         {("tidewater-asset-management", "ISSUES", "tidewater-bitcoin-etf")}),
        ("an organisation's own programme",
         "Lumen Bank's Project Tide studies tokenised deposits.",
         {("lumen-bank", "OPERATES", "project-tide")}),
        ("a licence named by its regulator",
         "Juniper Exchange received its SFC licence in June.",
         {("juniper-exchange", "LICENSED_BY", "sfc")}),
        ("acting on a regulator's instructions",
         "Kavlo Labs paused its plans following instructions from the Hong Kong Monetary "
         "Authority.",
         {("kavlo-labs", "REGULATED_BY", "hkma")}),
        ("a run of titles between an organisation and a person",
         "Tidewater Group Chairman and CEO Omar Velez opened the Harbour Fintech Forum.",
         {("omar-velez", "CHAIRS", "tidewater-group"),
          ("omar-velez", "HOLDS_ROLE", "tidewater-group")}),
        ("an organisation's bank in apposition",
         "A client of Tidewater Group's digital bank, Orchid Bank, opened an account.",
         {("orchid-bank", "SUBSIDIARY_OF", "tidewater-group")}),
        ("a vice chairman holds a role, not the chair",
         "Ada Lim, a former vice chairman of Tidewater Group, joined the board.",
         {("ada-lim", "HOLDS_ROLE", "tidewater-group")}),
        ("remarks from a person at an event",
         "The Harbour Fintech Forum closed with remarks from Priya Raman.",
         {("priya-raman", "SPOKE_AT", "harbour-fintech-forum")}),
        ("a startup referred back",
         "Kavlo Labs raised money this year. The startup agreed to team up with Lumen Bank.",
         {("kavlo-labs", "PARTNERS_WITH", "lumen-bank")}),
        ("jointly hosted by two organisations",
         "The summit was jointly hosted by Tidewater Group and Orchid Capital.",
         {("orchid-capital", "PARTNERS_WITH", "tidewater-group")}),
        ("titled people listed after one organisation",
         "Tidewater Group's executive director Ada Lim, chief operating officer Omar Velez "
         "and head of research Priya Raman attended.",
         {("ada-lim", "HOLDS_ROLE", "tidewater-group"),
          ("omar-velez", "HOLDS_ROLE", "tidewater-group"),
          ("priya-raman", "HOLDS_ROLE", "tidewater-group")}),
        ("a funding round led by investors",
         "Kavlo Labs raised $12 million in a Series B round led by Tidewater Group and "
         "Orchid Capital.",
         {("tidewater-group", "OWNS", "kavlo-labs"), ("orchid-capital", "OWNS", "kavlo-labs")}),
        ("a central bank's orders",
         "Kavlo Labs and Orchid Pay halted their plans after orders from the People's Bank of "
         "Ruritania.",
         {("kavlo-labs", "REGULATED_BY", "people-s-bank-of-ruritania"),
          ("orchid-pay", "REGULATED_BY", "people-s-bank-of-ruritania")}),
        ("a person who heads an organisation",
         "Omar Velez, who heads Tidewater Group, declined to comment.",
         {("omar-velez", "HOLDS_ROLE", "tidewater-group")}),
        ("a bank providing services to a client",
         "Lumen Bank provides custody services to Juniper Exchange.",
         {("lumen-bank", "PROVIDES_BANKING_TO", "juniper-exchange")}),
        ("a client banking with a bank",
         "Juniper Exchange banks with Lumen Bank.",
         {("lumen-bank", "PROVIDES_BANKING_TO", "juniper-exchange")}),
        ("the custodian of an ETF",
         "Lumen Bank, the custodian of the Tidewater Bitcoin ETF, reported inflows.",
         {("lumen-bank", "CUSTODIAN_OF", "tidewater-bitcoin-etf")}),
        ("appointed as custodian for an ETF",
         "Tidewater Asset Management appointed Lumen Bank as custodian for the Tidewater "
         "Ether ETF.",
         {("lumen-bank", "CUSTODIAN_OF", "tidewater-ether-etf")}),
        ("licensed without an agent, under a regulator's regime",
         "Juniper Exchange and Kavlo Markets have been licensed to serve retail clients "
         "since the SFC's regime began.",
         {("juniper-exchange", "LICENSED_BY", "sfc"), ("kavlo-markets", "LICENSED_BY", "sfc")}),
        ("speaking at an event",
         "At the Harbour Fintech Forum 2025, Priya Raman outlined her plans.",
         {("priya-raman", "SPOKE_AT", "harbour-fintech-forum-2025")}),
    ],
)
def test_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


def test_according_to_an_outlet_is_not_a_relation(extractor):
    found = triples(extractor, "Lumen Bank will open accounts for crypto firms, according to "
                               "Bloomberg.")
    assert not any("bloomberg" in (s, t) for s, _, t in found)


def test_an_organisation_launching_a_product_is_not_confused_with_a_partner(extractor):
    found = triples(extractor, "Juniper Exchange opened in 2021. The platform has partnered "
                               "with Lumen Bank to offer custody.")
    assert not any(edge == "LAUNCHED" for _, edge, _ in found)


def test_banks_such_as_name_members_only_of_a_scheme_in_their_own_sentence(extractor):
    found = triples(extractor, "Lumen Bank rolled out the Digital Asset Investor Education "
                               "Centre. Reports say the regulator leaned on major banks such "
                               "as Orchid Bank and Kestrel Bank to take on crypto clients.")
    assert not any(edge == "MEMBER_OF" for _, edge, _ in found)


def test_a_described_item_of_a_list_is_no_subsidiary_of_the_item_before(extractor):
    found = triples(extractor, "Kestrel Bank is owned by Orchid Group, Harbour Holdings's "
                               "payments arm and Tidewater Capital.")
    assert not any(edge == "SUBSIDIARY_OF" and source == "orchid-group"
                   for source, edge, _ in found)


def test_a_title_after_a_named_organisation_is_that_organisation_s(extractor):
    found = triples(extractor, "Tidewater Commission (TC) Chief Executive Omar Velez spoke.")
    assert ("omar-velez", "HOLDS_ROLE", "hksar-government") not in found


def test_a_bank_s_service_is_kept_on_the_edge(extractor):
    batch = extractor.run(SourceDocument(
        id="doc", path=Path("doc.md"), title="t",
        text="Kestrel Bank began providing Lumen Exchange with settlement accounts in 2022."))
    assert [r.properties for r in batch.relations if r.type == "PROVIDES_BANKING_TO"] == \
        [{"service": "settlement accounts"}]


# --- membership, roles, founders, laws and lists (issue 12, held-out probe) --------------
@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a regulator naming a list as the first participants in its sandbox",
         "The HKMA on Monday named Lumen Pay, Orchid Labs and Kestrel Bank as the first "
         "participants in its Token Pilot Sandbox.",
         {("lumen-pay", "MEMBER_OF", "token-pilot-sandbox"),
          ("orchid-labs", "MEMBER_OF", "token-pilot-sandbox"),
          ("kestrel-bank", "MEMBER_OF", "token-pilot-sandbox")}),
        ("a consortium in a list of members stands for its own members",
         "The SFC picked Lumen Pay and a consortium of Orchid Labs and Kestrel Bank as members "
         "of Project Tide.",
         {("lumen-pay", "MEMBER_OF", "project-tide"), ("orchid-labs", "MEMBER_OF", "project-tide"),
          ("kestrel-bank", "MEMBER_OF", "project-tide")}),
        ("a scheme's sandbox counting a dash-set list among its users",
         "Project Tide's sandbox, which the regulator opened in May, counts three lenders – "
         "Lumen Bank, Orchid Bank and Kestrel Bank – among its first users.",
         {("lumen-bank", "MEMBER_OF", "project-tide"), ("orchid-bank", "MEMBER_OF", "project-tide"),
          ("kestrel-bank", "MEMBER_OF", "project-tide")}),
        ("trials run in the sandbox of a scheme",
         "Lumen Bank said it was among the first lenders to complete trials in the sandbox of "
         "Project Tide.",
         {("lumen-bank", "MEMBER_OF", "project-tide")}),
        ("a member of a body, in apposition",
         "Omar Velez, a member of the Harbour Fintech Society, said the rules were clear.",
         {("omar-velez", "MEMBER_OF", "harbour-fintech-society")}),
        ("a participant in an association, after the copula",
         "Lumen Pay is a participant in the Harbour Fintech Society.",
         {("lumen-pay", "MEMBER_OF", "harbour-fintech-society")}),
    ],
)
def test_probe_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a regulator admitting a list to its sandbox",
         "The HKMA admitted Lumen Pay and Orchid Labs to its Token Pilot Sandbox in May.",
         {("lumen-pay", "MEMBER_OF", "token-pilot-sandbox"),
          ("orchid-labs", "MEMBER_OF", "token-pilot-sandbox")}),
        ("an association whose members include a list",
         "The Harbour Fintech Society, whose members include Lumen Bank and Orchid Labs, "
         "welcomed the rules.",
         {("lumen-bank", "MEMBER_OF", "harbour-fintech-society"),
          ("orchid-labs", "MEMBER_OF", "harbour-fintech-society")}),
        ("an association's members listed after 'include'",
         "The Harbour Fintech Society's members include Lumen Bank and Orchid Labs.",
         {("lumen-bank", "MEMBER_OF", "harbour-fintech-society"),
          ("orchid-labs", "MEMBER_OF", "harbour-fintech-society")}),
        ("a list named as participants, in the passive",
         "Lumen Pay and Orchid Labs were named as the first participants in the Token Pilot "
         "Sandbox.",
         {("lumen-pay", "MEMBER_OF", "token-pilot-sandbox"),
          ("orchid-labs", "MEMBER_OF", "token-pilot-sandbox")}),
        ("one of the first firms to take part",
         "Lumen Pay was one of the first firms to take part in Project Tide.",
         {("lumen-pay", "MEMBER_OF", "project-tide")}),
        ("a list that is members of an association",
         "Lumen Bank and Orchid Bank are members of the Harbour Fintech Society.",
         {("lumen-bank", "MEMBER_OF", "harbour-fintech-society"),
          ("orchid-bank", "MEMBER_OF", "harbour-fintech-society")}),
        ("a list after 'among the participants ... are'",
         "Among the first participants in Project Tide are Lumen Bank and Orchid Bank.",
         {("lumen-bank", "MEMBER_OF", "project-tide"),
          ("orchid-bank", "MEMBER_OF", "project-tide")}),
    ],
)
def test_probe_members_listed(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


def test_the_admitting_regulator_and_a_stake_taker_are_no_members(extractor):
    found = triples(extractor, "The HKMA admitted Lumen Pay to its Token Pilot Sandbox. "
                               "Tidewater Group took a stake in Orchid Labs last year.")
    assert ("hkma", "MEMBER_OF", "token-pilot-sandbox") not in found
    assert ("tidewater-group", "MEMBER_OF", "orchid-labs") not in found


def test_those_invited_to_take_part_take_part_not_the_host(extractor):
    found = triples(extractor, "The HKMA invited Lumen Bank and Orchid Bank to take part in "
                               "Project Tide.")
    assert {("lumen-bank", "MEMBER_OF", "project-tide"),
            ("orchid-bank", "MEMBER_OF", "project-tide")} <= found
    assert ("hkma", "MEMBER_OF", "project-tide") not in found


def test_a_regulator_speaking_of_a_sandbox_is_no_member_of_it(extractor):
    found = triples(extractor, "The HKMA said it would widen the sandbox of Project Tide, and "
                               "banks in the pilot of Project Tide would test deposits.")
    assert not any(edge == "MEMBER_OF" for _, edge, _ in found)


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a legislature passing a bill",
         "Hong Kong's Legislative Council on Friday passed the Token Custody Bill, creating a "
         "licensing regime.",
         {("legislative-council", "ENACTED", "token-custody-bill")}),
        ("an ordinance enacted by a legislature, in the passive",
         "The Token Custody Ordinance was enacted by the Legislative Council in June.",
         {("legislative-council", "ENACTED", "token-custody-ordinance")}),
    ],
)
def test_probe_law(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a firm whose founders include a list",
         "Orchid Insure, an online insurer whose founders include Lumen Group and Tidewater "
         "Capital, grew fast.",
         {("orchid-insure", "FOUNDED_BY", "lumen-group"),
          ("orchid-insure", "FOUNDED_BY", "tidewater-capital")}),
        ("an analyst at a firm, in apposition",
         "Jane Okafor, an analyst at Kestrel Securities, said demand was rising.",
         {("jane-okafor", "HOLDS_ROLE", "kestrel-securities")}),
        ("a bank run by a group: control, as a bank is no platform to operate",
         "Rival lenders such as Orchid Bank, which is run by Tidewater Group, have been slower.",
         {("orchid-bank", "CONTROLLED_BY", "tidewater-group")}),
        ("a group operating a bank, in the active",
         "Tidewater Group operates Orchid Bank in Hong Kong.",
         {("orchid-bank", "CONTROLLED_BY", "tidewater-group")}),
        ("one of the first platforms licensed by a regulator, in apposition",
         "Lumen Group runs Lumen Exchange, one of the first exchanges licensed by the SFC to "
         "serve retail investors.",
         {("lumen-exchange", "LICENSED_BY", "sfc"), ("lumen-group", "OPERATES", "lumen-exchange")}),
        ("a scheme described as a regulator's, in apposition",
         "Project Tide, the HKMA's scheme for testing tokenised deposits, entered a second "
         "phase.",
         {("hkma", "OPERATES", "project-tide")}),
    ],
)
def test_probe_role_and_control(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a plan unveiled by a titled person at an event, the parse hanging 'at' on the agent",
         "The roadmap was unveiled by the regulator's chief executive, Jane Okafor, at the "
         "Harbour Fintech Forum on Tuesday.",
         {("jane-okafor", "SPOKE_AT", "harbour-fintech-forum")}),
        ("a plan presented by a person at an event",
         "The plan was presented by Omar Velez at Harbour Fintech Week 2025.",
         {("omar-velez", "SPOKE_AT", "harbour-fintech-week-2025")}),
        ("a subsidiary formed by its parent, in apposition",
         "The purchase will be completed by Kestrel Merger Corp., a wholly owned subsidiary "
         "formed by Tidewater Group for the deal.",
         {("kestrel-merger", "SUBSIDIARY_OF", "tidewater-group")}),
        ("a unit set up by a bank",
         "Orchid Labs, a unit set up by Lumen Bank in 2020, builds wallets.",
         {("orchid-labs", "SUBSIDIARY_OF", "lumen-bank")}),
    ],
)
def test_probe_passive_agents(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


def test_a_bank_run_by_a_person_is_a_role_not_control(extractor):
    found = triples(extractor, "Orchid Bank is run by Jane Okafor.")
    assert ("jane-okafor", "HOLDS_ROLE", "orchid-bank") in found
    assert not any(edge == "CONTROLLED_BY" for _, edge, _ in found)


def test_a_founder_who_left_founded_nothing_there(extractor):
    found = triples(extractor, "Orchid Insure's founder joined Lumen Group in May.")
    assert not any(edge == "FOUNDED_BY" for _, edge, _ in found)


def test_passing_a_firm_is_no_law(extractor):
    found = triples(extractor, "The Legislative Council passed Lumen Bank's building on Friday.")
    assert not any(edge == "ENACTED" for _, edge, _ in found)


def test_a_plural_relative_clause_after_a_list_speaks_of_every_item(extractor):
    found = triples(extractor, "The three firms join Lumen Exchange, Orchid Exchange and Kestrel "
                               "Exchange, which have been licensed by the SFC since 2023.")
    assert {("lumen-exchange", "LICENSED_BY", "sfc"), ("orchid-exchange", "LICENSED_BY", "sfc"),
            ("kestrel-exchange", "LICENSED_BY", "sfc")} <= found


def test_a_singular_relative_clause_after_a_list_speaks_of_the_last_item(extractor):
    found = triples(extractor, "The three firms join Lumen Exchange, Orchid Exchange and Kestrel "
                               "Exchange, which was licensed by the SFC in 2023.")
    assert {(s, t) for s, edge, t in found if edge == "LICENSED_BY"} == \
        {("kestrel-exchange", "sfc")}


def test_a_later_item_counted_by_both_of_which_is_no_member_of_the_list_before(extractor):
    found = triples(extractor, "Among the bidders are a joint venture formed by Lumen Bank, "
                               "Orchid Labs and Kestrel Pay, and Tidewater Group's Harbour Labs, "
                               "both of which joined the sandbox.")
    partners = {(s, t) for s, edge, t in found if edge == "PARTNERS_WITH"}
    assert partners == {("kestrel-pay", "lumen-bank"), ("kestrel-pay", "orchid-labs"),
                        ("lumen-bank", "orchid-labs")}


def test_the_firms_leading_an_alliance_partner_each_other(extractor):
    found = triples(extractor, "A new alliance led by Orchid Telecom, Tidewell Bank and Kestrel "
                               "Consulting has finished its first trial.")
    partners = {frozenset((s, t)) for s, edge, t in found if edge == "PARTNERS_WITH"}
    assert partners == {frozenset(p) for p in [("orchid-telecom", "tidewell-bank"),
                                               ("orchid-telecom", "kestrel-consulting"),
                                               ("tidewell-bank", "kestrel-consulting")]}


def test_a_round_led_by_a_firm_makes_no_partners(extractor):
    found = triples(extractor, "Tidewell Bank and Orchid Telecom said the round was led by "
                               "Kestrel Consulting.")
    assert not any(edge == "PARTNERS_WITH" for _, edge, _ in found)


@pytest.mark.parametrize(("construction", "text", "expected"), [
    ("a licence won as one of several",
     "Kestrel Bank, which won one of the first virtual banking licences from the HKMA in "
     "2019, is growing.",
     ("kestrel-bank", "LICENSED_BY", "hkma")),
    ("cleared by a regulator",
     "Kestrel Brokers said it had been cleared by the SFC to let retail clients trade crypto.",
     ("kestrel-brokers", "LICENSED_BY", "sfc")),
    ("whose parent, set off by dashes after a longer phrase",
     "The Hong Kong arm of Kestrel Brokers -- whose parent, Orchid Fintech Holding, is listed "
     "in New York -- extended its licence.",
     ("kestrel-brokers", "SUBSIDIARY_OF", "orchid-fintech-holding")),
    ("whose parent, in commas",
     "Kestrel Brokers, whose parent, Orchid Fintech Holding, is listed in New York, grew.",
     ("kestrel-brokers", "SUBSIDIARY_OF", "orchid-fintech-holding")),
])
def test_licences_won_and_parents_named_by_whose(extractor, construction, text, expected):
    assert expected in triples(extractor, text), construction


def test_trades_cleared_by_a_clearing_house_are_no_licence(extractor):
    found = triples(extractor, "Trades on Kestrel Exchange are cleared by Orchid Clearing.")
    assert not any(edge == "LICENSED_BY" for _, edge, _ in found)


def test_a_list_whose_every_item_has_a_relative_clause_is_still_a_list(extractor):
    found = triples(extractor, "Tidewell Bank has teamed up with Orchid Exchange, which "
                               "executes the trades, and Kestrel Labs, which keeps the assets.")
    partners = {frozenset((s, t)) for s, edge, t in found if edge == "PARTNERS_WITH"}
    assert partners == {frozenset(("tidewell-bank", "orchid-exchange")),
                        frozenset(("tidewell-bank", "kestrel-labs"))}


@pytest.mark.parametrize(("construction", "text", "wrong"), [
    ("a bank's own sandbox is no scheme its manager joins or controls",
     "Tidewell Group will manage Orchid Bank's sandbox for tokenised deposits.",
     ("orchid-bank", "CONTROLLED_BY", "tidewell-group")),
    ("a firm's pilot is no scheme to be a member of",
     "Jane Lee said Orchid Bank had taken part in the pilot of Kestrel Labs.",
     ("orchid-bank", "MEMBER_OF", "kestrel-labs")),
    ("investing in a venture is not owning its makers",
     "Tidewell Group invested in a venture of Orchid Bank and Kestrel Labs.",
     ("tidewell-group", "OWNS", "orchid-bank")),
    ("running a consortium is not controlling its members",
     "Kestrel Labs runs the consortium of Orchid Bank and Tidewell Group.",
     ("tidewell-group", "CONTROLLED_BY", "kestrel-labs")),
    ("founders who are not named",
     "Kestrel Labs' founders include two former Orchid Bank traders.",
     ("kestrel-labs", "FOUNDED_BY", "orchid-bank")),
    ("cleared of wrongdoing is no licence (passive)",
     "Kestrel Labs was cleared of wrongdoing by the SFC after a two-year probe.",
     ("kestrel-labs", "LICENSED_BY", "sfc")),
    ("cleared of wrongdoing is no licence (active)",
     "The SFC cleared Kestrel Labs of wrongdoing.",
     ("kestrel-labs", "LICENSED_BY", "sfc")),
    ("the one who names a custodian is not the custodian",
     "Tidewell Group launched the Kestrel Bitcoin ETF in May and named Orchid Bank as its "
     "custodian.",
     ("tidewell-group", "CUSTODIAN_OF", "kestrel-bitcoin-etf")),
    ("a bank's own custodian is no fund's",
     "Orchid Bank, which sells the Kestrel Bitcoin ETF to clients, chose Tidewell Group as its "
     "custodian.",
     ("tidewell-group", "CUSTODIAN_OF", "kestrel-bitcoin-etf")),
    ("members of a sandbox spoken of by someone else",
     "Orchid Bank said banks in the sandbox of Project Kestrel would get faster approvals.",
     ("orchid-bank", "MEMBER_OF", "project-kestrel")),
    ("a stake still to be bought gives no control",
     "Tidewell Group will buy a majority stake in Kestrel Labs, pending approval.",
     ("kestrel-labs", "CONTROLLED_BY", "tidewell-group")),
])
def test_constructions_that_state_no_such_relation(extractor, construction, text, wrong):
    assert wrong not in triples(extractor, text), construction



@pytest.mark.parametrize(("construction", "text", "expected", "wrong"), [
    ("'the latter' describes the last item of the list before it",
     "Tidewell Bank and Orchid Bank -- the latter a virtual bank backed by Kestrel Group -- "
     "have added crypto products.",
     ("kestrel-group", "OWNS", "orchid-bank"), ("kestrel-group", "OWNS", "tidewell-bank")),
    ("'the former' describes the first item",
     "Tidewell Bank and Orchid Bank, the former a unit of Kestrel Group, have added crypto "
     "products.",
     ("tidewell-bank", "SUBSIDIARY_OF", "kestrel-group"),
     ("orchid-bank", "SUBSIDIARY_OF", "kestrel-group")),
    ("an investor that also took part in a round raised in the sentence before",
     "Kestrel Labs raised US$30 million in a round led by Orchid Capital. Tidewell Ventures "
     "also took part in the round.",
     ("tidewell-ventures", "OWNS", "kestrel-labs"), None),
    ("'the government' is no bureau named before it",
     "The Financial Services and the Treasury Bureau said Kestrel Hub, the technology hub "
     "wholly owned by the government, will run a scheme.",
     None, ("fstb", "OWNS", "kestrel-hub")),
])
def test_former_latter_rounds_and_the_government(extractor, construction, text, expected,
                                                 wrong):
    found = triples(extractor, text)
    assert expected is None or expected in found, construction
    assert wrong is None or wrong not in found, construction


def test_taking_part_in_an_event_makes_no_investor(extractor):
    found = triples(extractor, "Kestrel Labs raised US$30 million in May. Tidewell Ventures "
                               "took part in the Orchid Forum.")
    assert ("tidewell-ventures", "OWNS", "kestrel-labs") not in found


@pytest.mark.parametrize(("text", "meant", "not_meant"), [
    # ("Together with Standard Chartered, the bank joined X" makes both members: the name
    # of an opening "together with" is a companion)
    ("HSBC launched tokenised deposits. Unlike Standard Chartered, the bank also joined "
     "Project Ensemble.", ("hsbc", "MEMBER_OF", "project-ensemble"),
     ("standard-chartered", "MEMBER_OF", "project-ensemble")),
])
def test_a_name_in_an_opening_phrase_is_not_what_the_description_after_it_means(
        extractor, text, meant, not_meant):
    found = triples(extractor, text)
    assert meant in found and not_meant not in found
