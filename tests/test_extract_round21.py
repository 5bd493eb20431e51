"""Constructions found missing or misread in round 21's developed probe sets (`na`, `nb`) and
the older developed sets. One sentence of our own for each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a singular description after a list's last name is that name's",
         "Azure Bank and Nexa, Kestrel Bank's blockchain platform, took part in earlier "
         "pilots.",
         {("kestrel-bank", "OPERATES", "nexa")}),
        ("'A and B have announced plans to issue a stablecoin': one thing made together",
         "Lumen Digital and Pacific Telecom have announced plans to issue a stablecoin backed "
         "by the dollar.",
         {("lumen-digital", "PARTNERS_WITH", "pacific-telecom")}),
        ("'A and B plan to issue a stablecoin'",
         "Lumen Digital and Pacific Telecom plan to issue a stablecoin next year.",
         {("lumen-digital", "PARTNERS_WITH", "pacific-telecom")}),
        ("an officer known by letters other than CEO ('CCO of Y')",
         "Priya Raman, CCO of Harbour Digital Group, said the pilot would cut costs.",
         {("priya-raman", "HOLDS_ROLE", "harbour-digital-group")}),
        ("'Y's CSO, A,'",
         "Harbour Digital's CSO, Alan Ho, resigned.",
         {("alan-ho", "HOLDS_ROLE", "harbour-digital")}),
        ("'after stints as a trader at Y and as a partner at Z': each post the subject held",
         "Alan Ho joined Lumen Digital in 2019 after stints as a trader at Goldman Sachs and "
         "as a partner at Redwood Ventures.",
         {("alan-ho", "HOLDS_ROLE", "goldman-sachs"),
          ("alan-ho", "HOLDS_ROLE", "redwood-ventures")}),
        ("'After two years as chief executive of Y, A ...'",
         "After two years as chief executive of Lumen, Alan Ho left for Orion Bank.",
         {("alan-ho", "HOLDS_ROLE", "lumen")}),
        ("'worked as an analyst at Y'",
         "Alan Ho worked as an analyst at Goldman Sachs.",
         {("alan-ho", "HOLDS_ROLE", "goldman-sachs")}),
        ("'spent a decade as a trader at Y'",
         "Alan Ho, who spent a decade as a trader at Goldman Sachs, joined Lumen.",
         {("alan-ho", "HOLDS_ROLE", "goldman-sachs")}),
        ("'served as chief executive of Y and as chairman of Z': both posts",
         "Alan Ho served as chief executive of Lumen and as chairman of Orion Bank.",
         {("alan-ho", "HOLDS_ROLE", "lumen"), ("alan-ho", "HOLDS_ROLE", "orion-bank")}),
        ("'X, whose stablecoin is called Y': the firm issues it",
         "Lumora Pay, whose stablecoin is called LPX, plans to expand into Vietnam.",
         {("lumora-pay", "ISSUES", "lpx")}),
        ("'X, whose token is called Y', the tagger taking 'token' for an adjective",
         "Lumora, whose token is called LPX, is laying a new digital Silk Road.",
         {("lumora", "ISSUES", "lpx")}),
        ("'announced the launch of X, a link that ...': a link is a product",
         "The HKMA and the Bank of Thailand have announced the launch of Tern Connect, a link "
         "that lets people in the two markets send small sums across the border.",
         {("hkma", "LAUNCHED", "tern-connect")}),
        ("'X, whose token is Y'",
         "Lumora Pay, whose token is LPX, plans to expand into Vietnam.",
         {("lumora-pay", "ISSUES", "lpx")}),
        ("'Y's token, the Z,': the name with its article",
         "Kestrel Bank's token, the Kestrel Deposit Token, went live in May.",
         {("kestrel-bank", "OPERATES", "kestrel-deposit-token")}),
        ("'Y's product, the Z Fund,'",
         "Zenith Capital's product, the Zenith OnChain Dollar Fund, invests in treasury bills.",
         {("zenith-capital", "OPERATES", "zenith-onchain-dollar-fund")}),
        ("'X, a tokenisation firm spun out by Y': a firm spun out is one founded",
         "Payments went through Orbit, a tokenisation firm spun out by Kestrel Ventures.",
         {("orbit", "FOUNDED_BY", "kestrel-ventures")}),
        ("a description after the last of three names, parsed as one more item",
         "Azure Global, Kestrel Bank and Nexa, Orion Bank's blockchain platform, have all "
         "taken part in earlier Lotus Project pilots.",
         {("orion-bank", "OPERATES", "nexa"), ("azure-global", "MEMBER_OF", "lotus-project")}),
        ("'A set up X together with B': both founded it",
         "Kestrel Bank also set up a standalone custody firm, Tern Custody, together with "
         "Orion Trust.",
         {("tern-custody", "FOUNDED_BY", "kestrel-bank"),
          ("tern-custody", "FOUNDED_BY", "orion-trust")}),
        ("'A has joined forces with B and C to launch X': B and C are partners too",
         "Kestrel Bank has joined forces with gaming firm Lumen Digital and telecoms group "
         "Pacific Telecom to launch a stablecoin.",
         {("lumen-digital", "PARTNERS_WITH", "pacific-telecom"),
          ("kestrel-bank", "PARTNERS_WITH", "pacific-telecom")}),
        ("'announced the launch of X': X is a product launched, whatever the NER said",
         "The HKMA and the Bank of Thailand have announced the launch of Tern Connect.",
         {("hkma", "LAUNCHED", "tern-connect"), ("bank-of-thailand", "LAUNCHED", "tern-connect")}),
        ("'X Research's analyst': a research house is a firm",
         "Alan Ho, the Singapore-based chief executive of Orion Research, said demand rose.",
         {("alan-ho", "HOLDS_ROLE", "orion-research")}),
        ("an offering's cornerstone investors 'among them A, B and C'",
         "Tern Holdings' offering has also brought in nine cornerstone investors, among them "
         "Alto Capital, Lumen Partners and Orion Investments.",
         {("alto-capital", "OWNS", "tern"), ("orion-investments", "OWNS", "tern")}),
        ("'Under Project X, A and B tested ...': the fronted phrase's name is no subject",
         "Under Project Lotus, Orion Bank and Kestrel Bank tested tokenised deposits.",
         {("orion-bank", "MEMBER_OF", "project-lotus"),
          ("kestrel-bank", "MEMBER_OF", "project-lotus")}),
        ("'As part of Project X, A tested ...'",
         "As part of Project Lotus, Orion Bank tested tokenised deposits.",
         {("orion-bank", "MEMBER_OF", "project-lotus")}),
        ("'A is participating in X alongside B': B too",
         "Orion Bank is participating in Project Lotus alongside Kestrel Bank.",
         {("orion-bank", "MEMBER_OF", "project-lotus"),
          ("kestrel-bank", "MEMBER_OF", "project-lotus")}),
        ("a surname that is also letters ('Cao') stays a name",
         "Mei Cao, deputy director of the Orion Institute, opened the forum.",
         {("mei-cao", "HOLDS_ROLE", "orion-institute")}),
    ],
)
def test_round21_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(("text", "wrong"), [
    # each plans its own: no venture
    ("Lumen Digital and Pacific Telecom each plan to issue a stablecoin.",
     ("lumen-digital", "PARTNERS_WITH", "pacific-telecom")),
    ("Lumen Digital and Pacific Telecom issued a statement on Monday.",
     ("lumen-digital", "PARTNERS_WITH", "pacific-telecom")),
    # another's stint is not the speaker's
    ("Alan Ho praised Jane Doe's stint as chief executive of Lumen.",
     ("alan-ho", "HOLDS_ROLE", "lumen")),
    # a token a firm uses is not one it issues
    ("Most traders use Lumen's preferred token, LUSD.", ("lumen", "ISSUES", "lusd")),
    # an exchange or product launched is run, not founded
    ("Lumen Exchange, which was launched by Kestrel Group in 2020, has a licence.",
     ("lumen-exchange", "FOUNDED_BY", "kestrel-group")),
    # a person in charge of what was set up did not found it
    ("Kestrel Bank set up Tern Custody with Alan Ho as its chief.",
     ("tern-custody", "FOUNDED_BY", "alan-ho")),
    # the review's near misses: firms let, licensed or expected to issue each their own
    ("The HKMA allowed Kestrel Bank and Lumen Digital to launch a stablecoin.",
     ("kestrel-bank", "PARTNERS_WITH", "lumen-digital")),
    ("Kestrel Bank and Lumen Digital have both announced plans to launch a stablecoin.",
     ("kestrel-bank", "PARTNERS_WITH", "lumen-digital")),
    ("Analysts expect Kestrel Bank and Lumen Digital to launch a stablecoin.",
     ("kestrel-bank", "PARTNERS_WITH", "lumen-digital")),
    ("Kestrel Bank and Lumen Digital are licensed to issue a stablecoin.",
     ("kestrel-bank", "PARTNERS_WITH", "lumen-digital")),
    ("Kestrel Bank and Lumen Digital were among the first firms to issue a stablecoin.",
     ("kestrel-bank", "PARTNERS_WITH", "lumen-digital")),
    ("Like Kestrel Bank and Lumen Digital, Orin Pay plans to issue a stablecoin.",
     ("kestrel-bank", "PARTNERS_WITH", "orin-pay")),
    ("Kestrel Bank and Lumen Digital will issue a stablecoin, as will Orin Bank.",
     ("kestrel-bank", "PARTNERS_WITH", "lumen-digital")),
    ("Kestrel Bank and Lumen Digital issue a credit card.",
     ("kestrel-bank", "PARTNERS_WITH", "lumen-digital")),
    # tokens a firm uses, or another's
    ("Orin Pay, whose settlement stablecoin is USDT, joined the pilot.",
     ("orin-pay", "ISSUES", "usdt")),
    ("Orin Pay, whose stablecoin is called HKDR and issued by Kestrel Bank, joined the pilot.",
     ("orin-pay", "ISSUES", "hkdr")),
    ("Lumen Digital's preferred token, the Orin Dollar, rose 5%.",
     ("lumen-digital", "OPERATES", "orin-dollar")),
    ("Kestrel Bank's rival's token, the Orin Coin, went live in May.",
     ("kestrel-bank", "OPERATES", "orin-coin")),
    # her stint is not his
    ("Alan Ho hired Mia Chan after her stint as a trader at Kestrel Bank.",
     ("alan-ho", "HOLDS_ROLE", "kestrel-bank")),
    # separate products: no three-way venture
    ("Kestrel Bank has teamed up with Lumen Digital and Pacific Telecom to launch separate "
     "stablecoins.", ("lumen-digital", "PARTNERS_WITH", "pacific-telecom")),
    ("Orion Pay is excited to team up with industry players such as Kestrel Bank, Lumen Bank "
     "and Tern Labs to build applications.", ("kestrel-bank", "PARTNERS_WITH", "lumen-bank")),
    # a bond offering's cornerstone investors own no shares
    ("Tern Holdings' bond offering has brought in cornerstone investors, among them Alto "
     "Capital and Orion Investments.", ("alto-capital", "OWNS", "tern")),
    # a client is no founder
    ("Kestrel Bank set up Tern Custody with Orion Trust as its first client.",
     ("tern-custody", "FOUNDED_BY", "orion-trust")),
    # a list's own item is no description of the name before it
    ("The project links Tern, Nexa, Kestrel Bank's blockchain platform, and Orion's network.",
     ("orion", "OPERATES", "nexa")),
    # a fund launched is not a firm founded
    ("Orbit, a fund launched by Kestrel Bank, raised $10 million.",
     ("orbit", "FOUNDED_BY", "kestrel-bank")),
    # the regulator that runs a project takes no part in it
    ("As part of Project Lotus, the HKMA will test tokenised deposits.",
     ("hkma", "MEMBER_OF", "project-lotus")),
    # a bond offering's buyers own no issuer
    ("Tern Bank's bond offering drew investors including Alto Capital.",
     ("alto-capital", "OWNS", "tern-bank")),
])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


def test_a_description_after_a_list_gives_its_last_name_a_kind(extractor):
    text = "Azure Bank and Nexa, Kestrel Bank's blockchain platform, took part in pilots."
    kinds = {e.id: e.kind for e in extractor.run(document(text)).entities}
    assert kinds["nexa"] == "Product" and kinds["azure-bank"] == "Bank"


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("The launch of Tern Labs was delayed.", "tern-labs", "Company"),
    ("Kestrel Bank announced the launch of Orin, a new virtual bank.", "orin", "Bank"),
    ("Kestrel Bank announced the launch of Zephyr Limited in Singapore.", "zephyr", "Company"),
])
def test_the_launch_of_a_firm_keeps_it_a_firm(extractor, text, name, kind):
    kinds = {e.id: e.kind for e in extractor.run(document(text)).entities}
    assert kinds[name] == kind


@pytest.mark.parametrize("text", [
    "Orin Capital launched the Kestrel CLO Fund in May.",
    "Lumen Exchange listed CRO and SOL last week.",
])
def test_letters_that_name_debt_or_tokens_stay_names(extractor, text):
    names = {e.name for e in extractor.run(document(text)).entities}
    assert names & {"Kestrel CLO Fund", "CRO"}


def test_an_officer_s_letters_are_no_name(extractor):
    text = "Priya Raman, CCO of Harbour Digital Group, said the pilot would cut costs."
    names = {e.name for e in extractor.run(document(text)).entities}
    assert "CCO" not in names
