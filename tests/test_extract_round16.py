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
        ("a person 'who joined' a firm from another",
         "John Smith, who joined Brackwater Securities from Kestrel Asset Management in 2024, "
         "will oversee the desk.",
         {("john-smith", "HOLDS_ROLE", "brackwater-securities")}),
        ("a person left one firm to join another: both posts",
         "Chan Wai-kit has left Tessaly Digital to join Lumen Ridge Ventures as a partner.",
         {("chan-wai-kit", "HOLDS_ROLE", "tessaly-digital"),
          ("chan-wai-kit", "HOLDS_ROLE", "lumen-ridge-ventures")}),
        ("an official release's name, surname in capitals and a hyphenated given name, "
         "with no title before it",
         "LEUNG Siu-ming was re-elected chairman of the Tern Tokenisation Association.",
         {("leung-siu-ming", "HOLDS_ROLE", "tern-tokenisation-association")}),
        ("a firm hired a person", "Brackwater Securities hired Chloe Mercer last year.",
         {("chloe-mercer", "HOLDS_ROLE", "brackwater-securities")}),
        ("a person poached by a firm",
         "Joanne Ma was poached by Pellucid Markets last month to run its listings committee.",
         {("joanne-ma", "HOLDS_ROLE", "pellucid-markets")}),
        ("a person stepped up to a title of a firm",
         "Vincent Tam stepped up to chairman of Harrowgate Holdings after the founder died.",
         {("vincent-tam", "HOLDS_ROLE", "harrowgate")}),
        ("a person rose to a title of a firm",
         "Vincent Tam rose to chief executive of Harrowgate Holdings in 2019.",
         {("vincent-tam", "HOLDS_ROLE", "harrowgate")}),
        ("participants given by 'including' after a subject that names no one",
         "In the first phase, a total of 25 institutions participated in the Tern "
         "Tokenisation Pilot, including Quarrow Bank, Halvard Bank and Tessaly Digital.",
         {("quarrow-bank", "MEMBER_OF", "tern-tokenisation-pilot"),
          ("halvard-bank", "MEMBER_OF", "tern-tokenisation-pilot"),
          ("tessaly-digital", "MEMBER_OF", "tern-tokenisation-pilot")}),
        ("a participating bank in a scheme",
         "Marlowe Bank is a participating bank in Project Lanternfish.",
         {("marlowe-bank", "MEMBER_OF", "project-lanternfish")}),
        ("a group described as one of banks including A and B",
         "The Open Settlement Club, a group of banks including Halvard Bank and Marlowe Bank, "
         "wants change.",
         {("halvard-bank", "MEMBER_OF", "open-settlement-club"),
          ("marlowe-bank", "MEMBER_OF", "open-settlement-club")}),
        ("a firm whose legal form is written with full stops ('Pte. Ltd.'), its arm in "
         "apposition, then 'it' received a licence: the firm, not its parent",
         "Corvid Digital Pte. Ltd., the Singapore arm of Corvid Capital, today announced that "
         "it has received a licence from the Monetary Authority of Singapore.",
         {("corvid-digital", "LICENSED_BY", "monetary-authority-of-singapore"),
          ("corvid-digital", "SUBSIDIARY_OF", "corvid-capital")}),
        ("two firms entered into a partnership agreement",
         "Larkspur Holdings and Quill Pay have entered into a three-year partnership "
         "agreement under which Quill will power payouts.",
         {("larkspur", "PARTNERS_WITH", "quill-pay")}),
        ("a firm entered into co-operation with another",
         "Tern Bank has entered into co-operation with Jinhai Digital Technology.",
         {("tern-bank", "PARTNERS_WITH", "jinhai-digital-technology")}),
        ("two firms reached a strategic cooperation",
         "On 15 May, Huaying Holdings and Cobalt Peak Exchange reached a strategic cooperation.",
         {("cobalt-peak-exchange", "PARTNERS_WITH", "huaying")}),
        ("two firms will co-develop a product",
         "Daybreak Exchange and Tern Bank will co-develop a tokenised deposit product.",
         {("daybreak-exchange", "PARTNERS_WITH", "tern-bank")}),
        ("a regulator abroad named by its letters alone",
         "Quill Custody has received in-principle approval from MAS for a payments licence.",
         {("quill-custody", "LICENSED_BY", "mas")}),
        ("registered with a foreign 'Financial Services Agency'",
         "Meridell Digital is registered with Japan's Financial Services Agency as an "
         "exchange.",
         {("meridell-digital", "LICENSED_BY", "financial-services-agency")}),
        ("a regulator approved platforms listed in apposition, set off by dashes",
         "The SFC approved three more platforms -- Greyfield Exchange, Norvane Markets and "
         "Yuet Hing Digital -- under its expedited procedure.",
         {("greyfield-exchange", "LICENSED_BY", "sfc"), ("norvane-markets", "LICENSED_BY", "sfc"),
          ("yuet-hing-digital", "LICENSED_BY", "sfc")}),
        ("as a regulator's licence holder",
         "As a VARA licence holder, Ostrava Digital can serve institutional clients.",
         {("ostrava-digital", "LICENSED_BY", "vara")}),
        ("the holding company of two firms",
         "Pendry Group is the holding company of Quill Pay and Kwai Hing Securities.",
         {("quill-pay", "SUBSIDIARY_OF", "pendry-group"),
          ("kwai-hing-securities", "SUBSIDIARY_OF", "pendry-group")}),
        ("a joint venture between two firms is owned by both",
         "Marlow Digital, a joint venture between Brightmere Bank and Daybreak Exchange, is "
         "expected to begin operations next year.",
         {("brightmere-bank", "OWNS", "marlow-digital"),
          ("daybreak-exchange", "OWNS", "marlow-digital")}),
        ("a member of a group of firms",
         "Harbourline Digital, a member of the Harbourline Group, has applied for a licence.",
         {("harbourline-digital", "SUBSIDIARY_OF", "harbourline-group")}),
        ("a firm sold a stake in itself to another",
         "Lumen Rock Exchange sold a 15 per cent stake to Singapore-based Orlen Capital in a "
         "deal.",
         {("orlen-capital", "OWNS", "lumen-rock-exchange")}),
        ("a stake in a third firm sold to another (the parse makes 'to' a dative)",
         "Lumen Rock Exchange sold a 15 per cent stake in Tern Pay to Orlen Capital.",
         {("orlen-capital", "OWNS", "tern-pay")}),
        ("a deal gives a firm control of another",
         "The HK$1.2 billion deal gives Pendry Group control of Cobalt Peak Exchange.",
         {("pendry-group", "OWNS", "cobalt-peak-exchange")}),
        ("a region, then 'for' and the firm (the region is no part of its name)",
         "Sunita Rao, head of Asia-Pacific for Blackfen Asset Management, said so.",
         {("sunita-rao", "HOLDS_ROLE", "blackfen-asset-management")}),
        ("'Y, where A is' a title",
         "The wallet was built at Ardent Payments, where Sofia Marquez is chief strategy "
         "officer.",
         {("sofia-marquez", "HOLDS_ROLE", "ardent-payments")}),
        ("a title set before the clause with 'as'",
         "As Fenwick Trust's head of custody, John Smith is responsible for the vaults.",
         {("john-smith", "HOLDS_ROLE", "fenwick-trust")}),
        ("a person chairs a committee at a firm",
         "Alan Kwok, who chairs the risk committee at Quintara Bank, told legislators.",
         {("alan-kwok", "HOLDS_ROLE", "quintara-bank")}),
        ("two people will co-head a firm's division ('co-head' tagged a noun)",
         "Ryo Tanaka and Chloe Mercer will co-head Brackwater Securities' digital markets "
         "division.",
         {("ryo-tanaka", "HOLDS_ROLE", "brackwater-securities"),
          ("chloe-mercer", "HOLDS_ROLE", "brackwater-securities")}),
        ("a founding member of a body whose name makes it a firm ('Trust')",
         "The HKMA, a founding member of the Tern Ledger Trust, will join the work.",
         {("hkma", "MEMBER_OF", "tern-ledger-trust")}),
        ("an industry group made up of firms (its name's last word says a product)",
         "MAS helped set up the Tern Wholesale Network, an industry group made up of Quill "
         "Bank, Corvid Bank and Pellam Trust.",
         {("quill-bank", "MEMBER_OF", "tern-wholesale-network"),
          ("corvid-bank", "MEMBER_OF", "tern-wholesale-network"),
          ("pellam-trust", "MEMBER_OF", "tern-wholesale-network")}),
        ("a body that consists of firms",
         "The Tern Alliance consists of Quill Bank and Corvid Bank.",
         {("quill-bank", "MEMBER_OF", "tern-alliance"),
          ("corvid-bank", "MEMBER_OF", "tern-alliance")}),
        ("a two-word title ('General Manager') between the body and the name",
         "The move was welcome, Tern Bank General Manager John Smith said on Thursday.",
         {("john-smith", "HOLDS_ROLE", "tern-bank")}),
        ("a contributor to an outlet",
         "This overview is by Ceecee Wong, a contributor to Tern Leaders.",
         {("ceecee-wong", "HOLDS_ROLE", "tern-leaders")}),
        ("a surname in capitals opening the sentence (tagged a verb), then a hyphenated "
         "given name",
         "TSANG Siu-ming was re-elected chairman of the Tern Association.",
         {("tsang-siu-ming", "HOLDS_ROLE", "tern-association")}),
        ("a chair of a firm's committee holds a post at the firm",
         "Mira Osei is chairman of the audit committee of Quintara Bank.",
         {("mira-osei", "HOLDS_ROLE", "quintara-bank")}),
        ("a body that consists of firms",
         "The Tern Alliance consists of Quill Bank and Corvid Bank.",
         {("quill-bank", "MEMBER_OF", "tern-alliance"),
          ("corvid-bank", "MEMBER_OF", "tern-alliance")}),
        ("two firms completed a series of transactions together",
         "Tern Bank and Quill Pay have completed a series of blockchain-based transactions.",
         {("quill-pay", "PARTNERS_WITH", "tern-bank")}),
        ("a firm 'with Y as its partner'",
         "Tern Bank, with Quill Pay as its technology partner, launched the app.",
         {("quill-pay", "PARTNERS_WITH", "tern-bank")}),
        ("hosted by a firm 'with Y as its strategic partner'",
         "Hosted by Tern Harbour, with Quill Pay as its strategic partner, the programme will "
         "be built around anchor events.",
         {("quill-pay", "PARTNERS_WITH", "tern-harbour")}),
        ("a firm develops a product", "Tern Labs develops the Quill wallet.",
         {("tern-labs", "OPERATES", "quill-wallet")}),
        ("a regulator granted a firm a licence (the parse hangs the licence on the firm)",
         "The SFC granted Quill Pay a licence.", {("quill-pay", "LICENSED_BY", "sfc")}),
        ("'re-elected ... as its chairman' (the tokenizer keeps 're-' words whole)",
         "The Tern Association re-elected Mira Osei as its chairman.",
         {("mira-osei", "HOLDS_ROLE", "tern-association")}),
        ("'was re-appointed as chairman of'",
         "Mira Osei was re-appointed as chairman of the Tern Association.",
         {("mira-osei", "HOLDS_ROLE", "tern-association")}),
        ("a regulator's licence holder in apposition",
         "Quill Pay, a VARA licence holder, said so.", {("quill-pay", "LICENSED_BY", "vara")}),
        ("a stake in a firm sold to another, in the passive",
         "A 20% stake in Quill Pay was sold to Tern Capital.",
         {("tern-capital", "OWNS", "quill-pay")}),
        ("one who plans to leave a firm is at it",
         "Mira Osei plans to leave the SFC to join Quill Bank.",
         {("mira-osei", "HOLDS_ROLE", "sfc")}),
        ("a firm that plans a thing together with another works with it",
         "Quill Bank, together with Tern Construction, plans to launch a token.",
         {("quill-bank", "PARTNERS_WITH", "tern-construction")}),
        ("'our' in a quote is the organisation of the speaker named after it",
         "“Our collaboration with Kestrel Custody gives clients a safe way to hold assets,” "
         "said Mira Osei, chief executive of Quarrow Bank.",
         {("quarrow-bank", "PARTNERS_WITH", "kestrel-custody")}),
        ("'our' in a quote after the speaker and the organisation",
         "Mira Osei, Quarrow Bank's chief executive, said: “Our partnership with Kestrel "
         "Custody is deep.”",
         {("quarrow-bank", "PARTNERS_WITH", "kestrel-custody")}),
        ("a firm's unit abroad licensed by a regulator: the firm, through it",
         "Daybreak Exchange's Dubai entity has been approved by VARA to offer exchange "
         "services.", {("daybreak-exchange", "LICENSED_BY", "vara")}),
        ("a regulator added a firm to its register of licensed platforms",
         "The SFC has added Brightmere Digital Markets to its register of licensed virtual "
         "asset trading platforms.", {("brightmere-digital-markets", "LICENSED_BY", "sfc")}),
        ("a person 'holds the title of' a role at a firm",
         "Rafael Santos, who holds the title of chief digital officer at Corwin Digital, "
         "built the wallet.", {("rafael-santos", "HOLDS_ROLE", "corwin-digital")}),
        ("a person's appointment as a title of a firm (the person named with 's)",
         "Mira Osei's appointment as chief executive of Hollis Digital takes effect today.",
         {("mira-osei", "HOLDS_ROLE", "hollis-digital")}),
        ("a firm's appointment of a person as a title",
         "Hollis Digital's appointment of John Smith as chief executive takes effect today.",
         {("john-smith", "HOLDS_ROLE", "hollis-digital")}),
        ("a bank with its place in brackets after its name is a bank; accounts opened for "
         "a firm", "Huaxia Merchants Bank (Hong Kong) has opened corporate accounts for Cobalt "
         "Peak Exchange.",
         {("huaxia-merchants-bank-hong-kong", "PROVIDES_BANKING_TO", "cobalt-peak-exchange")}),
        ("the clearing bank for a firm's transactions",
         "Ming Tak Bank is the clearing bank for Lumen Rock Exchange's Hong Kong dollar "
         "transactions.", {("ming-tak-bank", "PROVIDES_BANKING_TO", "lumen-rock-exchange")}),
        ("a custody arrangement with a custodian",
         "Talon Markets has a custody arrangement with Irongate Trust for its cold wallets.",
         {("irongate-trust", "CUSTODIAN_OF", "talon-markets")}),
        ("representatives of firms sit on a body: the firms are members",
         "Representatives of Quarrow Bank, Halvard Bank and Ardent Payments sit on the Tern "
         "Working Group.",
         {("quarrow-bank", "MEMBER_OF", "tern-working-group"),
          ("halvard-bank", "MEMBER_OF", "tern-working-group"),
          ("ardent-payments", "MEMBER_OF", "tern-working-group")}),
        ("a firm's membership of a body",
         "Celadon Insurance's membership of the Tern Alliance gives it an early look.",
         {("celadon-insurance", "MEMBER_OF", "tern-alliance")}),
        ("a body added firms to its roster of members",
         "The Tern Alliance added Celadon Insurance and Stonecrop Research to its roster of "
         "members this month.",
         {("celadon-insurance", "MEMBER_OF", "tern-alliance"),
          ("stonecrop-research", "MEMBER_OF", "tern-alliance")}),
        ("'As a founding member of Y,' before the clause",
         "As a founding member of the Tern Alliance, the HKMA will work with other members.",
         {("hkma", "MEMBER_OF", "tern-alliance")}),
        ("'X, the token of Y' (the tagger may take 'token' for an adjective)",
         "The alliance removed Tern Coin, the token of Quill Games, from trading.",
         {("quill-games", "ISSUES", "tern-coin")}),
        ("a person 'at' a firm, in a list of analysts",
         "Analysts such as Jane Doe at Tern Research expect growth.",
         {("jane-doe", "HOLDS_ROLE", "tern-research")}),
        ("a person 'at' a firm, as a subject", "Jane Doe at Tern Bank said the market was calm.",
         {("jane-doe", "HOLDS_ROLE", "tern-bank")}),
        ("a person speaking for a firm",
         "Jane Doe, speaking for Tern Bank, declined to comment.",
         {("jane-doe", "HOLDS_ROLE", "tern-bank")}),
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
    # a firm after "of" and before "who" is no person ("who" may speak of the chairman)
    ("Yan Gang, vice chairman of Tern Port, who is also a member of the Legislative Council, "
     "spoke.", ("tern-port", "MEMBER_OF", "legislative-council")),
    # leaving a place is no post
    ("Chan Wai-kit left Hong Kong in 2023.", ("chan-wai-kit", "HOLDS_ROLE", "hong-kong")),
    # overseeing the work of a department is no post in it
    ("Mr Daryl Roe will oversee the work of the Monetary Management Department.",
     ("daryl-roe", "HOLDS_ROLE", "monetary-management-department")),
    # a regulator that approved a deal licensed no one
    ("The SFC approved the acquisition of Greyfield Exchange by Norvane Markets.",
     ("greyfield-exchange", "LICENSED_BY", "sfc")),
    # a sale agreement is no partnership
    ("Larkspur Holdings and Quill Pay have entered into a sale and purchase agreement.",
     ("larkspur", "PARTNERS_WITH", "quill-pay")),
    # "its stake" sold is a stake in another firm, not in the seller
    ("Lumen Rock Exchange sold its 15 per cent stake to Orlen Capital.",
     ("orlen-capital", "OWNS", "lumen-rock-exchange")),
    # a place where the person works is no firm
    ("She moved to Hong Kong, where Sofia Marquez is chief strategy officer.",
     ("sofia-marquez", "HOLDS_ROLE", "hong-kong")),
    # a regulator that is a founding member of a trust is no subsidiary of it
    ("The HKMA, a founding member of the Tern Ledger Trust, will join the work.",
     ("hkma", "SUBSIDIARY_OF", "tern-ledger-trust")),
    # a call or a consultation joined is no post
    ("Mira Osei joined Quarrow Bank's earnings call from London.",
     ("mira-osei", "HOLDS_ROLE", "quarrow-bank")),
    ("Mira Osei rose to fame as a critic of Quarrow Bank.",
     ("mira-osei", "HOLDS_ROLE", "quarrow-bank")),
    # the firm one joined a firm from is where one was (one hired from it: see round 19)
    ("Mira Osei joined Halvard Bank as chief risk officer from the SFC.",
     ("mira-osei", "HOLDS_ROLE", "sfc")),
    # rivals racing to do a thing do not do it together
    ("Quarrow Bank and Corvid Bank are racing to develop a stablecoin.",
     ("corvid-bank", "PARTNERS_WITH", "quarrow-bank")),
    # an approval for a lease or a deal is no licence
    ("Quarrow Bank received approval from the SFC for its new office lease.",
     ("quarrow-bank", "LICENSED_BY", "sfc")),
    # a committee's chair does not chair the firm
    ("Mira Osei is chairman of the audit committee of Quintara Bank.",
     ("mira-osei", "CHAIRS", "quintara-bank")),
    # a share subscription agreement is no partnership
    ("Larkspur Holdings and Quill Pay have entered into a share subscription agreement.",
     ("larkspur", "PARTNERS_WITH", "quill-pay")),
    # a firm's rivals are no members of the body they make up
    ("The Tern Alliance is made up of Quill Bank's rivals.",
     ("quill-bank", "MEMBER_OF", "tern-alliance")),
    # a warning given is no licence
    ("The SFC gave Quill Pay a warning.", ("quill-pay", "LICENSED_BY", "sfc")),
    # a token holder holds no licence
    ("Quill Pay, a token holder at the SFC's request, said so.",
     ("quill-pay", "LICENSED_BY", "sfc")),
    # reports called premature, and an approach to run a unit, are no posts
    ("Reports that Chloe Mercer had been appointed to run Marlowe Bank's digital unit were "
     "premature, the bank said.", ("chloe-mercer", "HOLDS_ROLE", "marlowe-bank")),
    ("Mira Osei was approached to run Halvard Bank's digital unit.",
     ("mira-osei", "HOLDS_ROLE", "halvard-bank")),
    # a regulator's alert list names no licensee
    ("The SFC has added Brightmere Digital Markets to its alert list of suspicious platforms.",
     ("brightmere-digital-markets", "LICENSED_BY", "sfc")),
    # a firm's acquisition approved is no licence
    ("Daybreak Exchange's acquisition was approved by the SFC.",
     ("daybreak-exchange", "LICENSED_BY", "sfc")),
    # "As its expert, he ...": a pronoun's post through another reference back is left out
    ("Gao Jun spoke on Monday. Tern Bank set up a unit. As its expert on digital assets, he "
     "drafted the rules.", ("gao-jun", "HOLDS_ROLE", "tern-bank")),
    # a firm's request or office after "at" is no post there
    ("Tern Bank hired Jane Doe at HSBC's request.", ("jane-doe", "HOLDS_ROLE", "hsbc")),
    ("I met Jane Doe at HSBC's Hong Kong office.", ("jane-doe", "HOLDS_ROLE", "hsbc")),
])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


def test_a_place_s_name_with_a_legal_form_is_a_firm(extractor):
    """"Greenland Holdings": the name's key is a place's, but a legal form makes it a firm."""
    batch = extractor.run(document("Greenland Holdings plans a bank."))
    assert [(e.name, e.kind) for e in batch.entities] == [("Greenland Holdings", "Company")]


def test_one_hired_as_a_title_holds_that_title_alone(extractor):
    """"hired A as its general counsel": one post, the title's (no second, plain one)."""
    batch = extractor.run(document("Brackwater Securities hired Chloe Mercer as its general "
                                   "counsel."))
    assert [(r.source, r.target, r.properties.get("role")) for r in batch.relations] == [
        ("chloe-mercer", "brackwater-securities", "general counsel")]


def test_a_region_before_for_is_no_part_of_the_firm_s_name(extractor):
    """"head of Greater China (EMEA, Hong Kong and Macau) for X": a region, then the firm."""
    for region in ("Greater China", "EMEA", "Hong Kong and Macau"):
        batch = extractor.run(document(f"Mira Osei, head of {region} for Blackfen Asset "
                                       "Management, said so."))
        assert ("mira-osei", "HOLDS_ROLE", "blackfen-asset-management") in {
            (r.source, r.type, r.target) for r in batch.relations}, region


def test_a_sandbox_described_as_an_app_is_a_product(extractor):
    """"the Quill Sandbox, a payments app": its description, not its last word, says what
    it is."""
    batch = extractor.run(document("Tern Labs develops the Quill Sandbox, a payments app."))
    assert {(e.id, e.kind) for e in batch.entities} == {("tern-labs", "Company"),
                                                         ("quill-sandbox", "Product")}


def test_a_fund_house_with_its_place_in_brackets_stays_a_firm(extractor):
    """"Huaxia Fund (Hong Kong)": a firm, though "Huaxia Fund" alone would name a fund."""
    batch = extractor.run(document("Huaxia Fund (Hong Kong) launched the Huaxia HKD Digital "
                                   "Currency Fund."))
    assert ("huaxia-fund-hong-kong", "Company") in {(e.id, e.kind) for e in batch.entities}


def test_a_kind_of_licence_named_before_licence_is_no_entity(extractor):
    """"a Major Payment Institution licence": a kind of licence; "a VARA licence" keeps
    the regulator."""
    batch = extractor.run(document("Quill Custody holds a Major Payment Institution licence "
                                   "and a VARA licence."))
    assert {e.id for e in batch.entities} == {"quill-custody", "vara"}


def test_a_title_s_first_word_is_no_part_of_the_name_before(extractor):
    """"BIS General Manager Jane Doe": "General" opens the title; "General Electric" stays."""
    batch = extractor.run(document("The move was welcome, BIS General Manager Jane Doe said. "
                                   "General Electric agreed."))
    assert {e.id for e in batch.entities} == {"bis", "jane-doe", "general-electric"}
    assert {e.kind for e in batch.entities if e.id == "bis"} == {"Association"}


def test_our_outside_a_quote_names_no_one(extractor):
    """Outside a quote, "our" (the outlet's, the reader's) stands for no organisation."""
    batch = extractor.run(document("Quarrow Bank met regulators. Our partnership with "
                                   "Kestrel Custody is deep, a reader wrote."))
    assert not any(r.type == "PARTNERS_WITH" for r in batch.relations)
