"""Constructions found missing or misread in round 14's developed probe sets. One sentence of
our own for each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a firm's title set off by a comma after 'according to' (the parse hangs it on the "
         "verb)",
         "Demand is rising, according to Mira Osei, Pellam Bank's head of digital assets.",
         {("mira-osei", "HOLDS_ROLE", "pellam-bank")}),
        ("a firm's title in title case after a quote's 'said'",
         '"This is a big upgrade," said Mira Osei, Pellam Bank\'s Group Head of Markets and '
         "Custody.",
         {("mira-osei", "HOLDS_ROLE", "pellam-bank")}),
        ("one word for a person, with 'who' and a title",
         "Osei, who is also chief executive of Corvid Labs, will manage the handover.",
         {("osei", "HOLDS_ROLE", "corvid-labs")}),
        ("an academician of an academy",
         "Its honorary advisers include Mira Osei, an academician of the Tern Academy of "
         "Engineering.",
         {("mira-osei", "MEMBER_OF", "tern-academy-of-engineering")}),
        ("a body of central banks is no bank, and so may be a regulator's partner",
         "Project Tern, which the HKMA ran in 2021 together with the Bank for International "
         "Settlements, ended.",
         {("hkma", "PARTNERS_WITH", "bank-for-international-settlements")}),
        ("a scheme named 'of' the body that runs it",
         "Pellam Bank ran the trial inside the Tern Supervisory Sandbox of the Hong Kong "
         "Monetary Authority.",
         {("hkma", "OPERATES", "tern-supervisory-sandbox")}),
        ("a scheme described as a body's blueprint",
         "Tern Vision, the blueprint of the Hong Kong Monetary Authority, rests on data.",
         {("hkma", "OPERATES", "tern-vision")}),
        ("the post of a title taken up at a firm",
         "Mira Osei took on the job of executive director at Corvid Labs in 2021.",
         {("mira-osei", "HOLDS_ROLE", "corvid-labs")}),
        ("the post of a title 'of' a firm, assumed",
         "Mira Osei assumed the post of chairman of Corvid Labs.",
         {("mira-osei", "HOLDS_ROLE", "corvid-labs")}),
        ("people whose surnames an official release writes in capitals, after a title",
         "The agreement was signed by Prof. Mira OSEI, President of Corvid University, and "
         "Mr John ROE, Chief Executive Officer of Tern Labs.",
         {("mira-osei", "HOLDS_ROLE", "corvid-university"),
          ("john-roe", "HOLDS_ROLE", "tern-labs")}),
        ("a qualifier before a title belongs to the title, not the firm's name",
         "Corvid Vice President Mira Osei spoke at the launch.",
         {("mira-osei", "HOLDS_ROLE", "corvid")}),
        ("two qualifiers before a title, after a firm's name",
         "Tallis Labs Senior Vice President John Roe spoke at the launch.",
         {("john-roe", "HOLDS_ROLE", "tallis-labs")}),
        ("an agreement entered into with another firm",
         "In September Corvid Exchange entered into a crypto insurance agreement with Pellam "
         "Insurance, a fintech firm.",
         {("corvid-exchange", "PARTNERS_WITH", "pellam-insurance")}),
        ("a foundation that governs a network runs it",
         "The Tern Foundation, which governs the Quill Network, was set up in 2020.",
         {("tern-foundation", "OPERATES", "quill-network")}),
        ("a name before a conference's noun is the conference's, whatever the NER took it "
         "for",
         "Mira Osei spoke at the annual Tern Chain conference in Hong Kong.",
         {("mira-osei", "SPOKE_AT", "tern-chain")}),
        ("a city the text places in a country",
         "Mira Osei was among the speakers at TernCon 2023, held in Tarragona, Spain, "
         "where 100 experts took part.",
         {("terncon-2023", "LOCATED_IN", "tarragona")}),
        ("an event staged in a city ('staged', which the lemmatizer reads as 'stag')",
         "The Pellam Summit was staged in Hong Kong in 2025.",
         {("pellam-summit", "LOCATED_IN", "hong-kong")}),
        ("a seat on the board of directors of a firm",
         "Mira Osei sits on the board of directors of Corvid Bank.",
         {("mira-osei", "HOLDS_ROLE", "corvid-bank")}),
        ("a person who leads a firm's team",
         "Speaking at the event, Mira Osei, who leads Corvid Bank's Web3 team, said demand was "
         "rising.",
         {("mira-osei", "HOLDS_ROLE", "corvid-bank")}),
        ("a person in charge of a field at a firm",
         "Mira Osei, who is in charge of digital assets at Corvid Bank, said demand was rising.",
         {("mira-osei", "HOLDS_ROLE", "corvid-bank")}),
        ("a firm operating as another's subsidiary",
         "Tern Exchange operates as a subsidiary of Corvid Group.",
         {("tern-exchange", "SUBSIDIARY_OF", "corvid-group")}),
        ("a share owned, written as one word with the percentage",
         "Tern Exchange, which is 51%-owned by Corvid Group, grew.",
         {("corvid-group", "OWNS", "tern-exchange")}),
        ("a panellist at an event",
         "Mira Osei was a panellist at the Tern Summit.",
         {("mira-osei", "SPOKE_AT", "tern-summit")}),
        ("a name the NER took for an event, described as a stablecoin",
         "Quill Dollar, a stablecoin issued by Corvid Pay, grew.",
         {("corvid-pay", "ISSUES", "quill-dollar")}),
        ("a public body named after two fields joined by 'and'",
         "The Ministry of Finance and Economy signed a pact with Corvid Bank.",
         {("ministry-of-finance-and-economy", "PARTNERS_WITH", "corvid-bank")}),
        ("a token named as a firm's",
         "LUM, the stablecoin of Corvid Pay, grew.",
         {("corvid-pay", "ISSUES", "lum")}),
        ("a business of a group is its unit",
         "Tern Analytics, a business of the Corvid Exchange Group, launched the index.",
         {("tern-analytics", "SUBSIDIARY_OF", "corvid-exchange-group")}),
        ("an abbreviation of a field is no name ('enforcement and AML')",
         "Mira Osei, executive director of enforcement and AML at the HKMA, said banks must "
         "act.",
         {("mira-osei", "HOLDS_ROLE", "hkma")}),
        ("a person named as a firm's whose name ends in 's' ('Consensys' Joe Lubin')",
         "At the event, Orbis Labs' Mira Osei said the market was calm.",
         {("mira-osei", "HOLDS_ROLE", "orbis-labs")}),
        ("a unit named 'of' a university whose name joins two fields",
         "Last week the Tern Fintech Lab of The Corvid University of Science and Technology "
         "(CUST) accepted a donation.",
         {("tern-fintech-lab", "SUBSIDIARY_OF", "corvid-university-of-science-and-technology")}),
        ("an institute 'at' a university",
         "Mira Osei, Director of the Institute for Tern Research at Corvid University, spoke.",
         {("institute-for-tern-research", "SUBSIDIARY_OF", "corvid-university")}),
        ("a person who chairs a body's council or board",
         "Lee greeted Mira Osei, who chairs the council of the Tern Web3 Association, and "
         "others.",
         {("mira-osei", "CHAIRS", "tern-web3-association")}),
        ("a custodian that safeguards the assets of a fund",
         "Corvid Bank will safeguard the assets of the Tern ETF.",
         {("corvid-bank", "CUSTODIAN_OF", "tern-etf")}),
        ("a firm's new product, named after the possessive",
         "Corvid Bank's new Quill Wallet app went live in May.",
         {("corvid-bank", "OPERATES", "quill-wallet-app")}),
        ("a name written as a word and a number glued ('Token2049')",
         "Mira Osei spoke at the Quill2049 conference in Singapore.",
         {("mira-osei", "SPOKE_AT", "quill2049")}),
        ("an event that returns to a city",
         "The Pellam Forum returns to Hong Kong in April.",
         {("pellam-forum", "LOCATED_IN", "hong-kong")}),
        ("a city that hosted an event",
         "Singapore hosted the Tallis Forum in April.",
         {("tallis-forum", "LOCATED_IN", "singapore")}),
        ("the organiser of an event",
         "Corvid Labs is the organiser of the Quill Forum.",
         {("corvid-labs", "LAUNCHED", "quill-forum")}),
        ("a regulator's list of licensed platforms that includes a firm",
         "The SFC's list of licensed platforms now includes Corvid Exchange.",
         {("corvid-exchange", "LICENSED_BY", "sfc")}),
        ("a firm that operates under a regulator's licence",
         "Tern Exchange operates under a licence from the SFC.",
         {("tern-exchange", "LICENSED_BY", "sfc")}),
        ("licences a regulator approved for firms",
         "The SFC approved licences for Pellam Exchange and Quill Exchange.",
         {("pellam-exchange", "LICENSED_BY", "sfc"), ("quill-exchange", "LICENSED_BY", "sfc")}),
        ("a firm that is a regulator-licensed platform",
         "Orbis Exchange is an SFC-licensed exchange.",
         {("orbis-exchange", "LICENSED_BY", "sfc")}),
        ("a group's members listed after 'including'",
         "The Tern Association's members, including Corvid Pay and Tern Money, backed the "
         "plan.",
         {("corvid-pay", "MEMBER_OF", "tern-association"),
          ("tern-money", "MEMBER_OF", "tern-association")}),
        ("two names described together by a plural",
         "Pellam Pay and Quill Money, both members of the Orbis Association, backed the plan.",
         {("pellam-pay", "MEMBER_OF", "orbis-association"),
          ("quill-money", "MEMBER_OF", "orbis-association")}),
        ("two firms working together",
         "Corvid Bank and Pellam Bank are working together in Project Tern.",
         {("corvid-bank", "PARTNERS_WITH", "pellam-bank")}),
        ("a firm chosen as another's technology provider",
         "Orbis Bank has chosen Quill Labs as its technology provider.",
         {("quill-labs", "PARTNERS_WITH", "orbis-bank")}),
        ("a firm's collaborators listed",
         "Tallis Bank's collaborators include Quill Pay and Orbis Money.",
         {("quill-pay", "PARTNERS_WITH", "tallis-bank"),
          ("orbis-money", "PARTNERS_WITH", "tallis-bank")}),
        ("a firm's boss",
         "Quill Bank boss Mira Osei said demand was rising.",
         {("mira-osei", "HOLDS_ROLE", "quill-bank")}),
        ("a seat left on a firm's board",
         "Mira Osei resigned from Tallis Bank's board in May.",
         {("mira-osei", "HOLDS_ROLE", "tallis-bank")}),
        ("a group's units listed",
         "Orbis Group, whose units include Quill Exchange and Tallis Pay, grew.",
         {("quill-exchange", "SUBSIDIARY_OF", "orbis-group"),
          ("tallis-pay", "SUBSIDIARY_OF", "orbis-group")}),
        ("an investor's portfolio companies listed",
         "Orbis Capital's portfolio companies include Quill Labs.",
         {("orbis-capital", "OWNS", "quill-labs")}),
        ("a firm behind a product",
         "Orbis Exchange is behind the Quill Index.",
         {("orbis-exchange", "OPERATES", "quill-index")}),
        ("a product developed by a firm",
         "The Quill Wallet was developed by Tallis Labs.",
         {("tallis-labs", "LAUNCHED", "quill-wallet")}),
    ],
)
def test_round14_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the title names a person of its own: the name before the comma holds nothing
        ("Mira Osei met John Roe, Pellam Bank's chief executive Tom Lee and others.",
         ("mira-osei", "HOLDS_ROLE", "pellam-bank")),
        # a scheme "of" a body whose name goes on ("of the HKMA's unit") is not the body's
        ("Members of the Tern Sandbox of the HKMA's fintech unit met.",
         ("hkma", "OPERATES", "tern-sandbox")),
        # a post turned down is not held
        ("Mira Osei declined the post of chairman of Corvid Labs.",
         ("mira-osei", "HOLDS_ROLE", "corvid-labs")),
        # a settlement is no partnership
        ("Corvid Exchange reached a settlement agreement with Pellam Insurance.",
         ("corvid-exchange", "PARTNERS_WITH", "pellam-insurance")),
        # the firm's title is the subject of what follows, not an apposition
        ("According to Mira Osei, Pellam Bank's chief executive said the deal was off.",
         ("mira-osei", "HOLDS_ROLE", "pellam-bank")),
        # a post rumoured or tipped is not held
        ("Mira Osei is rumoured to take on the role of chief executive at Corvid Labs.",
         ("mira-osei", "HOLDS_ROLE", "corvid-labs")),
        ("Mira Osei, who was tipped to take up the post of chief executive at Corvid Labs, "
         "declined.",
         ("mira-osei", "HOLDS_ROLE", "corvid-labs")),
        # a title in a relative clause is the other person's
        ("Tom Lee, who met the chief executive of Corvid Labs, left.",
         ("tom-lee", "HOLDS_ROLE", "corvid-labs")),
        # an agreement to buy is no partnership
        ("Corvid Labs entered into an agreement with Pellam Bank to acquire a 51% stake in "
         "Tern Pay.",
         ("corvid-labs", "PARTNERS_WITH", "pellam-bank")),
        ("Corvid Labs entered into a conditional agreement with Pellam Bank.",
         ("corvid-labs", "PARTNERS_WITH", "pellam-bank")),
        # a line of business is no unit
        ("Within the group, Corvid Bank's lender will hold reserves, while Tern Labs brings "
         "its know-how and Pellam Telecom its payments business.",
         ("pellam-telecom", "SUBSIDIARY_OF", "corvid-bank")),
        # "its own" resolved to a name: only a firm's new or flagship product is read
        ("Pellam Bank fears stablecoins might rival its own digital yuan (e-CNY), a flagship "
         "project.",
         ("pellam-bank", "OPERATES", "e-cny")),
        # a regulator in charge of something at a bank holds no post there
        ("The SFC is in charge of licensing at Corvid Bank.",
         ("sfc", "HOLDS_ROLE", "corvid-bank")),
        # a field's word after "and" joins a body's name; a firm's name does not
        ("The Department of Justice and Corvid Bank signed a pact.",
         ("department-of-justice-and-corvid-bank", "PARTNERS_WITH", "corvid-bank")),
        ("LUM is not the token of Corvid Pay.",
         ("corvid-pay", "ISSUES", "lum")),
        # a place's name after "at" is no body a unit is part of
        ("Mira Osei spoke at the Tern Centre at the weekend.",
         ("tern-centre", "SUBSIDIARY_OF", "weekend")),
        # a lab "at" a venue may be a tenant's
        ("The deal sets up the Tern Fintech Lab at Cyberport.",
         ("tern-fintech-lab", "SUBSIDIARY_OF", "cyberport")),
        # a talk planned and called off, or only invited, was not given
        ("Mira Osei was due to be a panellist at the Tern Summit but withdrew.",
         ("mira-osei", "SPOKE_AT", "tern-summit")),
        ("Mira Osei was invited to be a speaker at the Tern Summit.",
         ("mira-osei", "SPOKE_AT", "tern-summit")),
        # an agreement to buy, signed, is no partnership
        ("Corvid Labs signed a strategic agreement with Pellam Bank to acquire a stake in "
         "Tern Pay.",
         ("corvid-labs", "PARTNERS_WITH", "pellam-bank")),
        # two firms' people, each after a bare apostrophe, are no firms
        ("Corvid Labs' Tom Lee and Orbis Labs' Mira Osei disagreed.",
         ("tom-lee", "SUBSIDIARY_OF", "corvid-labs")),
        # shares held are owned, not kept for someone
        ("Corvid Group holds the shares of Tern Money.",
         ("corvid-group", "CUSTODIAN_OF", "tern-money")),
        # a person who came to a city for an event places no event
        ("Mira Osei came to Hong Kong for the Tern Summit.",
         ("tern-summit", "LOCATED_IN", "hong-kong")),
        # a list of suspicious platforms, a denial
        ("The SFC's list of suspicious platforms now includes Corvid Exchange.",
         ("corvid-exchange", "LICENSED_BY", "sfc")),
        ("Corvid Exchange is not an SFC-licensed exchange.",
         ("corvid-exchange", "LICENSED_BY", "sfc")),
        ("Corvid Exchange is not operating under a licence from the SFC.",
         ("corvid-exchange", "LICENSED_BY", "sfc")),
        # "respectively" pairs each name with its own
        ("Corvid Pay and Tern Money, units of Pellam Group and Orbis Group respectively, grew.",
         ("corvid-pay", "SUBSIDIARY_OF", "orbis-group")),
        ("Corvid Bank and Pellam Bank are not working together.",
         ("corvid-bank", "PARTNERS_WITH", "pellam-bank")),
        ("Corvid Group's units do not include Tern Exchange.",
         ("tern-exchange", "SUBSIDIARY_OF", "corvid-group")),
        # behind a rival in a ranking is no product's firm
        ("Corvid Exchange is behind Pellam Bank in market share.",
         ("corvid-exchange", "OPERATES", "pellam-bank")),
    ],
)
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


def test_a_name_in_capitals_without_a_title_is_no_person(extractor):
    """Only a title that only people hold makes "X OSL" a person's name."""
    batch = extractor.run(document("Corvid OSL signed a deal with Tern Labs."))
    assert all(e.kind != "Person" for e in batch.entities)


def test_an_organisation_after_new_in_a_heading_keeps_its_abbreviation(extractor):
    """"new" before a name is a title word only for people ("new chief executive Jane Doe"):
    "new Corvid Virtual Assets Consortium" in a heading is no person's name, and the
    abbreviation the text gives it later is its own."""
    batch = extractor.run(document(
        "Tern joins new Corvid Virtual Assets Consortium\n\nTern said it had signed up as the "
        "first member of the Corvid Virtual Assets Consortium (CVAC). CVAC's partners include "
        "KuCoin."))
    consortium = next(e for e in batch.entities if e.id == "corvid-virtual-assets-consortium")
    assert "CVAC" in consortium.aliases
    assert "cvac" not in {e.id for e in batch.entities}


@pytest.mark.parametrize(("text", "name", "not_names"), [
    # "Minister of State for ...": the title's words and its portfolio, listed with ", and"
    ("Lee was welcomed by Omar bin Sultan Al Olama, Minister of State for Artificial "
     "Intelligence, Digital Economy, and Remote Work Applications, and others.",
     "omar-bin-sultan-al-olama",
     {"state-for-artificial-intelligence", "digital-economy", "remote-work-applications",
      "sultan-al-olama"}),
    # a public body named after two fields is one name
    ("The Ministry of Finance and Economy signed a pact with Corvid Bank.",
     "ministry-of-finance-and-economy", {"ministry-of-finance", "economy"}),
    # a plural possessive inside a name
    ("The case was heard at the Eastern Magistrates' Courts in Hong Kong.",
     "eastern-magistrates-courts", {"eastern-magistrates", "courts"}),
    # "for" and an abbreviation of a field after a firm's name: the reason, not the name
    ("The SFC fined Corvid Labs for AML failures.", "corvid-labs", {"corvid-labs-for-aml"}),
])
def test_names_of_round_14(extractor, text, name, not_names):
    ids = {e.id for e in extractor.run(document(text)).entities}
    assert name in ids
    assert not ids & not_names


def test_who_after_a_firm_without_a_title_makes_no_person(extractor):
    """Only ", who is (also) <title>" makes a name a person's: a firm a writer follows with
    "who is controlled by ..." stays a firm."""
    batch = extractor.run(document(
        "Tern Labs signed a deal with Quorra Peak, who is controlled by director Mira Osei."))
    kinds = {e.id: e.kind for e in batch.entities}
    assert kinds["quorra-peak"] != "Person"
