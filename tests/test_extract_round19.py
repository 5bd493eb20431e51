"""Constructions found missing or misread in round 19's developed probe sets and construction
sentences. One sentence of our own for each, with made-up entities."""

import pytest

from hkweb3.loaders.readers import slugify
from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a fronted participle 'Working with A and B,' before a listed subject",
         "Working with Alto Pay and Ninefold Custody, Kowloon Trust Bank and Meridian "
         "Securities have completed a trial of tokenised deposits.",
         {("kowloon-trust-bank", "PARTNERS_WITH", "alto-pay"),
          ("meridian-securities", "PARTNERS_WITH", "ninefold-custody")}),
        ("a fronted participle the parse takes for the verb's subject",
         "Collaborating with Ninefold Custody, the Baytide Asset Management team will test a "
         "gold token.",
         {("baytide-asset-management", "PARTNERS_WITH", "ninefold-custody")}),
        ("'owned by X through Z': Z is X's vehicle",
         "Pearl Delta Bank is held indirectly by Harbourview Holdings through Zenport "
         "Capital.",
         {("zenport-capital", "CONTROLLED_BY", "harbourview")}),
        ("'X, through its unit Z, agreed to buy': the firm X acts through is its own",
         "Harbourview Holdings, through its unit Zenport Capital, agreed to buy a further 5% "
         "of Alto Pay.",
         {("zenport-capital", "CONTROLLED_BY", "harbourview")}),
        ("'X grew under Chief Executive A': X's chief",
         "Meridian Securities doubled its profit under Chief Executive Priya Raman.",
         {("priya-raman", "HOLDS_ROLE", "meridian-securities")}),
        ("'X publishes the Y game': X runs Y",
         "Tidewater Studios publishes the Harbour Legends game.",
         {("tidewater-studios", "OPERATES", "harbour-legends")}),
        ("a body's members named after it",
         "Taking part were Digital Asset Taskforce members Alto Pay and Ninefold Custody.",
         {("alto-pay", "MEMBER_OF", "digital-asset-taskforce"),
          ("ninefold-custody", "MEMBER_OF", "digital-asset-taskforce")}),
        ("a list of names that take 'the', after a colon",
         "Three central banks are involved in Project Lattice: the Bank of Korea, the Bank of "
         "Thailand and the Swiss National Bank.",
         {("bank-of-korea", "MEMBER_OF", "project-lattice"),
          ("bank-of-thailand", "MEMBER_OF", "project-lattice"),
          ("swiss-national-bank", "MEMBER_OF", "project-lattice")}),
        ("a list of names that take 'the', as the subject",
         "The Bank of Korea, the Bank of Thailand and the Swiss National Bank will take part in "
         "Project Lattice.",
         {("bank-of-thailand", "MEMBER_OF", "project-lattice"),
          ("swiss-national-bank", "MEMBER_OF", "project-lattice")}),
        ("a person's name with accents",
         "Agustín Varela, general manager of Meridian Securities, spoke.",
         {("agustin-varela", "HOLDS_ROLE", "meridian-securities")}),
        ("a liaison is a post",
         "Zach Morrow, Alto Pay's community liaison, answered questions.",
         {("zach-morrow", "HOLDS_ROLE", "alto-pay")}),
        ("'A and B have been in the X sandbox'",
         "Alto Pay and Ninefold Custody have been in the Tidewater Sandbox since July.",
         {("alto-pay", "MEMBER_OF", "tidewater-sandbox"),
          ("ninefold-custody", "MEMBER_OF", "tidewater-sandbox")}),
        ("'will stay involved in X'",
         "Pearl Delta Bank will stay involved in Project Lattice as an observer.",
         {("pearl-delta-bank", "MEMBER_OF", "project-lattice")}),
        ("'Also taking part in X are A and B': the subject after the verb",
         "Also taking part in Project Lattice are Alto Pay and Ninefold Custody.",
         {("alto-pay", "MEMBER_OF", "project-lattice"),
          ("ninefold-custody", "MEMBER_OF", "project-lattice")}),
        ("'A, B and C plan to issue X through a new joint venture': each two of them",
         "Alto Pay, Ninefold Custody and Pearl Delta Bank plan to issue a stablecoin through a "
         "new joint venture.",
         {("alto-pay", "PARTNERS_WITH", "ninefold-custody"),
          ("ninefold-custody", "PARTNERS_WITH", "pearl-delta-bank")}),
        ("a description with its place first refers back: 'the Singapore-based exchange'",
         "Alto Exchange signed a deal on Monday. The deal lets the Singapore-based crypto "
         "exchange accept payments.",
         {("alto-exchange", "LOCATED_IN", "singapore")}),
        ("'Part of Y, X said': the fronted phrase describes the subject",
         "Part of the Harbourview Group, Pearl Delta Bank said it would open ten branches.",
         {("pearl-delta-bank", "SUBSIDIARY_OF", "harbourview-group")}),
        ("'X, the licensed Y entity': an entity of Y's",
         "Regulators questioned Tessaly Digital, the licensed Alto Pay entity, about its "
         "reserves.",
         {("tessaly-digital", "SUBSIDIARY_OF", "alto-pay")}),
        ("'adoption of X, its stablecoin': the description the parse hangs on the verb",
         "Meridian Securities will keep pushing for adoption of MSD, its dollar-backed "
         "stablecoin.",
         {("meridian-securities", "ISSUES", "msd")}),
        ("'the X Summit panel featured A; B; and C': the panel's speakers",
         "The Harbour Ledger Summit panel featured Daniel Okafor, chief executive of Alto "
         "Pay; Chan Wai-kit, a partner at Tidewater Legal; and Priya Raman.",
         {("daniel-okafor", "SPOKE_AT", "harbour-ledger-summit"),
          ("chan-wai-kit", "SPOKE_AT", "harbour-ledger-summit"),
          ("priya-raman", "SPOKE_AT", "harbour-ledger-summit")}),
        ("'Moderated by A, the panel ...': the opening participle the tagger takes for a noun",
         "Moderated by Jane Lee, the Harbour Ledger Summit panel featured Daniel Okafor.",
         {("jane-lee", "SPOKE_AT", "harbour-ledger-summit")}),
        ("'A was among those who spoke at X, as was B'",
         "Daniel Okafor was among those who spoke at the Harbour Ledger Summit, as was Chan "
         "Wai-kit.",
         {("daniel-okafor", "SPOKE_AT", "harbour-ledger-summit"),
          ("chan-wai-kit", "SPOKE_AT", "harbour-ledger-summit")}),
        ("'A joined X, as did B': the echoed subject",
         "Alto Pay joined Project Lattice in May, as did Ninefold Custody.",
         {("ninefold-custody", "MEMBER_OF", "project-lattice")}),
        ("'A, chief of X, and B, who runs Y, spoke at Z': each item described in parallel",
         "Daniel Okafor, chief executive of Alto Pay, and Chan Wai-kit, who runs Meridian "
         "Securities, appeared on a panel at the Harbour Ledger Summit.",
         {("chan-wai-kit", "SPOKE_AT", "harbour-ledger-summit")}),
        ("'the board of Y is chaired by A'",
         "The board of Kestrel Markets is chaired by Lawrence Fok.",
         {("lawrence-fok", "CHAIRS", "kestrel-markets")}),
        ("'installed as executive chairman of Y' (the lemmatiser's 'instal')",
         "After the takeover, Daniel Chua was installed as executive chairman of Silver "
         "Strand Capital.",
         {("daniel-chua", "HOLDS_ROLE", "silver-strand-capital")}),
        ("'Board chair A said the bank would ...': the speaker first, of his own firm",
         "Pearl Delta Bank opened ten branches. Board chair Lucas Fan said the bank would not "
         "rush into crypto lending.",
         {("lucas-fan", "HOLDS_ROLE", "pearl-delta-bank")}),
        ("a name with a legal form is a firm, whatever word comes before the form",
         "Aegis Stablecoin Limited, headed by former central banker Liu Yan, filed its "
         "application.",
         {("liu-yan", "HOLDS_ROLE", "aegis-stablecoin")}),
        ("a name ending in 'Ledger' is no person's",
         "Set up in 2021 by ex-banker Gareth Shum, Orchid Ledger now handles settlement.",
         {("orchid-ledger", "FOUNDED_BY", "gareth-shum")}),
        ("'Y issues X' where the tagger reads 'issues' as a plural noun",
         "Kestrel Pay issues HKDK, a Hong Kong dollar stablecoin.",
         {("kestrel-pay", "ISSUES", "hkdk")}),
        ("'X is banked by Y'",
         "Lumora Exchange is banked by Kowloon Trust Bank.",
         {("kowloon-trust-bank", "PROVIDES_BANKING_TO", "lumora-exchange")}),
        ("a named network is a body one joins",
         "Fairlane Bank joined the Interbank Tokenised Deposit Network in May.",
         {("fairlane-bank", "MEMBER_OF", "interbank-tokenised-deposit-network")}),
        ("'X is the brainchild of A'",
         "Kite Pay is the brainchild of Eric Tung, who spent a decade building gateways.",
         {("kite-pay", "FOUNDED_BY", "eric-tung")}),
        ("'A will retire as chairman of Y and will be replaced by B': B's post",
         "Gordon Yeung will retire as chairman of Star Ferry Capital in June and will be "
         "replaced by Carmen Lo.",
         {("carmen-lo", "HOLDS_ROLE", "star-ferry-capital")}),
        ("'X began trading, with Y as custodian and Z as trustee'",
         "The Harbour Gold ETF began trading on Tuesday, with Taikoo Digital Trust as "
         "custodian and Pearl Delta Bank as trustee.",
         {("taikoo-digital-trust", "CUSTODIAN_OF", "harbour-gold-etf")}),
        ("'X selected Y to safeguard client assets'",
         "Cobalt Arch Exchange has selected Crestline Custody to safeguard client assets.",
         {("crestline-custody", "CUSTODIAN_OF", "cobalt-arch-exchange")}),
        ("'X keeps its reserves in deposit accounts at A and B'",
         "Kestrel Pay keeps the cash portion of its reserves in deposit accounts at Pearl "
         "Delta Bank and Kowloon Trust Bank.",
         {("pearl-delta-bank", "PROVIDES_BANKING_TO", "kestrel-pay"),
          ("kowloon-trust-bank", "PROVIDES_BANKING_TO", "kestrel-pay")}),
        ("'client money at X is held in segregated accounts at Y'",
         "Client money at Alto Exchange is held in segregated trust accounts at Pearl Delta "
         "Bank.",
         {("pearl-delta-bank", "PROVIDES_BANKING_TO", "alto-exchange")}),
        ("'X secured a banking relationship with Y'",
         "Tidewell Fintech said it had secured a banking relationship with Pearl Delta Bank.",
         {("pearl-delta-bank", "PROVIDES_BANKING_TO", "tidewell-fintech")}),
        ("'X was admitted as a direct participant of Y'",
         "Meridian Securities was admitted as a direct participant of the Tidewater Clearing "
         "Network last month.",
         {("meridian-securities", "MEMBER_OF", "tidewater-clearing-network")}),
        ("'Y has enrolled A and B as corporate members'",
         "The Harbour Institute of Digital Bankers has enrolled Pearl Delta Bank and Kowloon "
         "Trust Bank as corporate members.",
         {("pearl-delta-bank", "MEMBER_OF", "harbour-institute-of-digital-bankers"),
          ("kowloon-trust-bank", "MEMBER_OF", "harbour-institute-of-digital-bankers")}),
        ("'X, which sits on the steering committee of Y'",
         "Emberline Capital, which sits on the steering committee of the Asia Tokenisation "
         "Alliance, backed the proposal.",
         {("emberline-capital", "MEMBER_OF", "asia-tokenisation-alliance")}),
        ("a list of 'Name, Firm' items set off by semicolons: people, each of a firm",
         "Also present were Hugh Barrett, Kestrel Digital; Lau Pui-shan, Moonbay Pay; and "
         "Faisal Rahman, Cordova Securities.",
         {("hugh-barrett", "HOLDS_ROLE", "kestrel-digital"),
          ("lau-pui-shan", "HOLDS_ROLE", "moonbay-pay"),
          ("faisal-rahman", "HOLDS_ROLE", "cordova-securities")}),
        ("'\"...,\" said A, head of Y, at the X Summit': the parse hangs 'at' on the speaker",
         "\"Tokenisation is moving to production,\" said Priya Raman, head of digital assets "
         "at Pearl Delta Bank, at the Harbour Ledger Summit.",
         {("priya-raman", "SPOKE_AT", "harbour-ledger-summit")}),
        ("'At a panel during X, A said'",
         "At a panel during the Harbour Ledger Summit, Chan Wai-kit said the bank had opened "
         "accounts for 50 Web3 firms.",
         {("chan-wai-kit", "SPOKE_AT", "harbour-ledger-summit")}),
        ("'\"We are delighted to partner with Y,\" said A, chief executive of X'",
         "\"We are delighted to partner with Crestline Custody,\" said Chan Wai-kit, chief "
         "executive of Alto Exchange.",
         {("alto-exchange", "PARTNERS_WITH", "crestline-custody")}),
        ("'A and B said in a joint statement that ...'",
         "Alto Exchange and Pearl Delta Bank said in a joint statement that they would link "
         "their settlement systems.",
         {("alto-exchange", "PARTNERS_WITH", "pearl-delta-bank")}),
        ("'X was co-developed by A with B'",
         "JadeLink was co-developed by Pearl Delta Bank with Lionrock Tokenisation Services.",
         {("pearl-delta-bank", "PARTNERS_WITH", "lionrock-tokenisation-services")}),
        ("'the X bond was issued by A in collaboration with B': the issuer works with B",
         "The first tokenised green bond was issued by Taikoo Harbour Properties in "
         "collaboration with Pearl Delta Bank.",
         {("taikoo-harbour-properties", "PARTNERS_WITH", "pearl-delta-bank")}),
        ("'The round was led by A, with B and C also participating': B and C invested too",
         "Alto Labs raised $20 million last year. The strategic round was led by Kingsway "
         "Capital, with Tidewater Ventures and Harbour Global Ventures also participating.",
         {("tidewater-ventures", "OWNS", "alto-labs"),
          ("harbour-global-ventures", "OWNS", "alto-labs")}),
        ("a list item described by a participle ('A, representing X, B and C')",
         "The Bank of France, representing the Eurosystem, the Bank of Japan and the Bank of "
         "Korea will take part in Project Helix.",
         {("bank-of-japan", "MEMBER_OF", "project-helix"),
          ("bank-of-korea", "MEMBER_OF", "project-helix")}),
        ("a body's name cut to its last words ('the Architecture Community') is the body",
         "The HKMA set up the Project Lattice Architecture Community last year. The initial "
         "members of the Architecture Community are Pearl Delta Bank and Alto Pay.",
         {("pearl-delta-bank", "MEMBER_OF", "project-lattice-architecture-community"),
          ("alto-pay", "MEMBER_OF", "project-lattice-architecture-community")}),
        ("'X' after 'Project X' is the project",
         "Project Helix was launched in May. Three central banks are involved in Helix: the "
         "Bank of Japan, the Bank of Korea and the Bank of England.",
         {("bank-of-korea", "MEMBER_OF", "project-helix"),
          ("bank-of-england", "MEMBER_OF", "project-helix")}),
    ],
)
def test_round19_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(("text", "wrong"), [
    ("Harbourview Holdings bought bitcoin through Coinbase last year.",
     ("coinbase", "CONTROLLED_BY", "harbourview")),
    ("Pearl Delta Bank is owned by Harbourview Holdings, a conglomerate, through Zenport "
     "Capital.", ("zenport-capital", "CONTROLLED_BY", "pearl-delta-bank")),
    ("With Alto Pay, Ninefold Custody and Zenport Capital, Kowloon Trust Bank launched a "
     "wallet.", ("ninefold-custody", "PARTNERS_WITH", "alto-pay")),
    ("Priya Raman was charged under the Securities and Futures Ordinance.",
     ("priya-raman", "HOLDS_ROLE", "securities-and-futures-ordinance")),
    ("Meridian Securities board member Jane Lee resigned.",
     ("jane-lee", "MEMBER_OF", "meridian-securities")),
    ("Alto Pay takes part in HKMA initiatives on tokenised money.",
     ("alto-pay", "MEMBER_OF", "hkma")),
    ("Eleven firms were admitted to Project Lattice: Alto Pay, the Meridian Group unit, and "
     "Pearl Delta Bank.", ("meridian-group", "MEMBER_OF", "project-lattice")),
    ("Rumours that Priya Raman would join Alto Pay as chief executive were dismissed by the "
     "firm.", ("priya-raman", "HOLDS_ROLE", "alto-pay")),
    ("Lawrence Fok said he had turned down an offer to chair Kestrel Markets.",
     ("lawrence-fok", "CHAIRS", "kestrel-markets")),
    ("Hugo Lai is among candidates on the shortlist to lead Kestrel Markets, people said.",
     ("hugo-lai", "HOLDS_ROLE", "kestrel-markets")),
    ("Tidewater Ventures has applied to the HKMA to become a shareholder of Pearl Delta Bank.",
     ("tidewater-ventures", "OWNS", "pearl-delta-bank")),
    ("Will Pearl Delta Bank join Project Lattice? Its executives declined to say.",
     ("pearl-delta-bank", "MEMBER_OF", "project-lattice")),
    ("Pearl Delta Bank would open accounts for Alto Exchange only after the platform is "
     "licensed.", ("pearl-delta-bank", "PROVIDES_BANKING_TO", "alto-exchange")),
    ("Pearl Delta Bank is said by some traders to be quietly banking Alto Exchange.",
     ("pearl-delta-bank", "PROVIDES_BANKING_TO", "alto-exchange")),
    ("The regulator fined Hayvn Markets, its former chief executive and several associated "
     "entities.", ("hayvn-markets", "SUBSIDIARY_OF", "regulator")),
    ("Alto Pay, the Hong Kong-based wallet firm, hired Meridian Securities as its adviser.",
     ("meridian-securities", "LOCATED_IN", "hong-kong")),
    ("Alto Pay selected Meridian Securities to run its trading desk.",
     ("meridian-securities", "CUSTODIAN_OF", "alto-pay")),
    ("Chief executive Priya Raman said Alto Exchange had been slow to react.",
     ("priya-raman", "HOLDS_ROLE", "alto-exchange")),
    ("Alto Pay now accepts USDT, its most requested stablecoin.",
     ("alto-pay", "ISSUES", "usdt")),
    ("Kowloon Trust Bank opened a branch. It will compete with the Macau-based lender "
     "Lantau Savings Bank.", ("kowloon-trust-bank", "LOCATED_IN", "macau")),
    ("The Priya Raman trial opened on Monday, with Pearl Delta Bank as a witness.",
     ("pearl-delta-bank", "MEMBER_OF", "priya-raman")),
    ("Harbourview Holdings, through Alto Exchange, bought bitcoin.",
     ("alto-exchange", "CONTROLLED_BY", "harbourview")),
    ("Alto Pay joined Project Lattice in May, as Ninefold Custody did not.",
     ("ninefold-custody", "MEMBER_OF", "project-lattice")),
    ("The Harbour Ledger Summit panel could feature Daniel Okafor if his visa is approved.",
     ("daniel-okafor", "SPOKE_AT", "harbour-ledger-summit")),
    ("Alto Exchange's regulator, the SFC, calls Tessaly Digital the licensed SFC entity.",
     ("tessaly-digital", "SUBSIDIARY_OF", "sfc")),
    ("The Harbour Gold ETF launched, with Taikoo Digital Trust as custodian of a rival fund.",
     ("taikoo-digital-trust", "CUSTODIAN_OF", "harbour-gold-etf")),
    ("Chief executive Albert Yuen said rival Alto Pay would struggle.",
     ("albert-yuen", "HOLDS_ROLE", "alto-pay")),
    ("Daniel Okafor was among those who criticised Alto Pay.",
     ("daniel-okafor", "HOLDS_ROLE", "alto-pay")),
    ("Lee Min-jun, who once served as First Vice Minister of Economy and Finance, spoke.",
     ("lee-min-jun", "HOLDS_ROLE", "economy")),
    ("Members include Alto Pay, the Custody Division of the Tidewater Banking Association, "
     "Pearl Delta Bank and Ninefold Custody.", ("alto-pay", "SUBSIDIARY_OF", "pearl-delta-bank")),
])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


@pytest.mark.parametrize(("text", "arm", "parent"), [
    ("OKX Singapore launched a payment service for shops.", "okx-singapore", "okx"),
    ("A stake in Binance Japan was sold to a payments group.", "binance-japan", "binance"),
])
def test_a_registry_firm_named_with_a_place_abroad_is_its_unit_there(extractor, text, arm,
                                                                     parent):
    ids = {e.id for e in extractor.run(document(text)).entities}
    assert arm in ids and parent not in ids


def test_a_registry_firm_named_with_hong_kong_stays_the_firm(extractor):
    """The registry names its Hong Kong units itself."""
    ids = {e.id for e in extractor.run(document("HSBC Hong Kong said it would grow.")).entities}
    assert "hsbc" in ids


@pytest.mark.parametrize(("text", "person", "firm"), [
    ("Quarrow Bank poached Mira Osei from Corvid Capital.", "mira-osei", "corvid-capital"),
    ("Bayshore Markets has hired Ravi Shankar, formerly of Eastgate Bank, as head of trading.",
     "ravi-shankar", "eastgate-bank"),
    ("Granite Peak Holdings named Hugo Lai its new chairman, replacing Bernard Tse.",
     "bernard-tse", "granite-peak"),
    ("Kelvin Wong will become chairman of Alto Pay in May, taking over from Tim Lui.",
     "tim-lui", "alto-pay"),
])
def test_a_post_left_is_held_no_longer(extractor, text, person, firm):
    """The firm one was hired from, was 'formerly of', or whose post one's successor took:
    a post held before, marked as no longer held."""
    posts = [r for r in extractor.run(document(text)).relations
             if (r.source, r.type, r.target) == (person, "HOLDS_ROLE", firm)]
    assert posts and all(r.properties.get("current") is False for r in posts)


def test_a_slug_drops_letters_unicode_does_not_decompose():
    assert slugify("Søren Nørgaard") == "soren-norgaard"
    assert slugify("Łukasz Wójcik") == "lukasz-wojcik"
