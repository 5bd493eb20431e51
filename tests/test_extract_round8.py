"""Constructions found missing on held-out reporting (round 8). One sentence of our own for
each, with made-up entities."""

import pytest

from hkweb3.graph.schema import SchemaError
from hkweb3.loaders.dependencies import load_patterns
from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a round that was led by an investor, with others also taking part",
         "Quorra Pay has completed a $12 million Series B round that was led by Pellam "
         "Capital, with Tamsin Ventures and Orbis Partners also taking part.",
         {("pellam-capital", "OWNS", "quorra-pay"), ("tamsin-ventures", "OWNS", "quorra-pay"),
          ("orbis-partners", "OWNS", "quorra-pay")}),
        ("investors who 'had also invested', naming nothing they invested in",
         "Quorra Pay has raised $8 million in seed funding. The firm said Pellam Capital and "
         "Tamsin Ventures had also invested.",
         {("pellam-capital", "OWNS", "quorra-pay"), ("tamsin-ventures", "OWNS", "quorra-pay")}),
        ("a consortium led by firms, acting as one",
         "A consortium led by Pellam Capital and Tamsin Ventures took a 60% stake in Quorra "
         "Brands last week.",
         {("pellam-capital", "OWNS", "quorra-brands"),
          ("tamsin-ventures", "OWNS", "quorra-brands")}),
        ("a round that drew investors listed after 'among them'",
         "Quorra Pay raised $9 million in March. The round also drew funds from Europe, "
         "among them Pellam Capital, which is based in Paris; Tamsin Ventures, a Berlin "
         "firm; and Orbis Partners.",
         {("pellam-capital", "OWNS", "quorra-pay"), ("tamsin-ventures", "OWNS", "quorra-pay"),
          ("orbis-partners", "OWNS", "quorra-pay")}),
        ("a string of firms backed, listed after 'among them' with semicolons",
         "Pellam Capital has backed a string of start-ups, among them Quorra Labs, a games "
         "studio; Tamsin Pay, a wallet maker; and Orbis Works.",
         {("pellam-capital", "OWNS", "quorra-labs"), ("pellam-capital", "OWNS", "tamsin-pay"),
          ("pellam-capital", "OWNS", "orbis-works")}),
        ("a subsidiary in apposition that the parse reads as a second item",
         "Quorra Bank, the country's largest lender, is applying through its Macau "
         "subsidiary, Quorra Bank (Macau).",
         {("quorra-bank-macau", "SUBSIDIARY_OF", "quorra-bank")}),
        ("roles listed after 'held posts as', each of its own firm",
         "Jane Doe has held posts as a vice president of Pellam Group, a senior director of "
         "Tamsin Labs and a managing director of Orbis Capital.",
         {("jane-doe", "HOLDS_ROLE", "pellam-group"), ("jane-doe", "HOLDS_ROLE", "tamsin-labs"),
          ("jane-doe", "HOLDS_ROLE", "orbis-capital")}),
        ("an officer seconded to a firm as its chief",
         "Jane Doe, who is seconded to Quorra Mortgage Corporation as its chief executive, "
         "will retire in May.",
         {("jane-doe", "HOLDS_ROLE", "quorra-mortgage-corporation")}),
        ("a title naming no organisation, in what an organisation announced",
         "Quorra Bank announced today that Ms Jane Doe, the Senior Executive Director, will "
         "retire next year.",
         {("jane-doe", "HOLDS_ROLE", "quorra-bank")}),
        ("a state-owned enterprise under a government body",
         "Quorra Investment Holdings is a wholly state-owned enterprise under the Pellam "
         "District People's Government.",
         {("quorra-investment", "CONTROLLED_BY",
           "pellam-district-people-s-government")}),
        ("people listed with their firms in brackets",
         "Jane Doe (Quorra Exchange), Mark Lee (OSL) and Mary Lam (Pellam) now run "
         "exchanges in the city.",
         {("jane-doe", "HOLDS_ROLE", "quorra-exchange"), ("mark-lee", "HOLDS_ROLE", "osl"),
          ("mary-lam", "HOLDS_ROLE", "pellam")}),
        ("a personal pronoun a few sentences after the one person named",
         "Pellam Bank named Mark Lee as its chairman. Before that, he ran a bank. Most "
         "notably, he was chairman of a utility. He has also been a director of Quorra "
         "Corporation.",
         {("mark-lee", "HOLDS_ROLE", "quorra-corporation")}),
        ("a firm's branch is the firm",
         "The Hong Kong branch of Tamsin Bank opened accounts for the local branch of Quorra "
         "Exchange.",
         {("tamsin-bank", "PROVIDES_BANKING_TO", "quorra-exchange")}),
        ("a firm bought, in the passive, is acquired",
         "Quorra Labs was bought by Pellam Capital in 2024.",
         {("pellam-capital", "ACQUIRED", "quorra-labs")}),
        ("a law that applies to firms",
         "The Digital Token Ordinance applies to Brindle Pay and Lintel Pay.",
         {("digital-token-ordinance", "APPLIES_TO", "brindle-pay"),
          ("digital-token-ordinance", "APPLIES_TO", "lintel-pay")}),
        ("a regulator before a hyphen and 'licensed'",
         "SFC-licensed Merrow Exchange will list ten tokens.",
         {("merrow-exchange", "LICENSED_BY", "sfc")}),
        ("co-founded, active", "Arthur Pennick co-founded Corvid Exchange in 2019.",
         {("corvid-exchange", "FOUNDED_BY", "arthur-pennick")}),
        ("co-founded, passive, by two people",
         "Corvid Exchange was co-founded by Arthur Pennick and Grace Liu.",
         {("corvid-exchange", "FOUNDED_BY", "arthur-pennick"),
          ("corvid-exchange", "FOUNDED_BY", "grace-liu")}),
        ("working under a regulator's supervision",
         "Brindle Pay operates under the supervision of the Hong Kong Monetary Authority.",
         {("brindle-pay", "REGULATED_BY", "hkma")}),
        ("rules a regulator brought in, the parse hanging them on the particle",
         "The SFC brought in the Virtual Asset Dealing Rules in 2025.",
         {("sfc", "ENACTED", "virtual-asset-dealing-rules")}),
        ("a bank serving firms, in a relative clause",
         "Halden Bank, which serves Brindle Exchange and Corvid Exchange, is expanding.",
         {("halden-bank", "PROVIDES_BANKING_TO", "brindle-exchange"),
          ("halden-bank", "PROVIDES_BANKING_TO", "corvid-exchange")}),
        ("an account opened with a bank",
         "Brindle Exchange said it had opened a corporate account with Halden Bank.",
         {("halden-bank", "PROVIDES_BANKING_TO", "brindle-exchange")}),
        ("rules issued by a regulator", "The Virtual Asset Custody Rules were issued by the SFC.",
         {("sfc", "ENACTED", "virtual-asset-custody-rules")}),
        ("a code introduced by a regulator, as a participle",
         "Under the Stablecoin Reserve Code, introduced by the HKMA last year, issuers must "
         "hold cash.", {("hkma", "ENACTED", "stablecoin-reserve-code")}),
        ("a name described as a service is a product, launched",
         "Tamsin Bank unveiled Tamsin Vault, a digital-asset custody service.",
         {("tamsin-bank", "LAUNCHED", "tamsin-vault")}),
        ("an event held in a place",
         "The Harbour Digital Summit will be held in Hong Kong in October.",
         {("harbour-digital-summit", "LOCATED_IN", "hong-kong")}),
        ("a member of a panel", "Ada Lim is a member of the Digital Asset Advisory Panel.",
         {("ada-lim", "MEMBER_OF", "digital-asset-advisory-panel")}),
        ("speakers at an event listed",
         "Speakers at the Asia Token Forum included Helen Cho and David Kwan.",
         {("helen-cho", "SPOKE_AT", "asia-token-forum"),
          ("david-kwan", "SPOKE_AT", "asia-token-forum")}),
        ("a firm subject to rules",
         "Quorra Exchange is subject to the Virtual Asset Custody Rules.",
         {("virtual-asset-custody-rules", "APPLIES_TO", "quorra-exchange")}),
        ("a firm falling under a code", "Brindle Pay falls under the Stablecoin Reserve Code.",
         {("stablecoin-reserve-code", "APPLIES_TO", "brindle-pay")}),
        ("a firm governed by an ordinance",
         "Lintel Pay, which is governed by the Digital Token Ordinance, must publish its "
         "reserves.", {("digital-token-ordinance", "APPLIES_TO", "lintel-pay")}),
        ("a name before a lower-case kind noun has that kind",
         "Dravis Group, which operates the Dravex exchange, reported a loss.",
         {("dravis-group", "OPERATES", "dravex")}),
        ("a custodian appointed as 'its custodian'",
         "Quorra Exchange appointed Venn Custody as its custodian.",
         {("venn-custody", "CUSTODIAN_OF", "quorra-exchange")}),
        ("a stake held by a firm, in the passive",
         "A 15% stake in Brindle Pay is held by Orlo Capital.",
         {("orlo-capital", "OWNS", "brindle-pay")}),
        ("a coin named before its noun, as if an adjective",
         "Ledra Bank, the issuer of the LHKD stablecoin, said reserves were fully backed.",
         {("ledra-bank", "ISSUES", "lhkd")}),
        ("a firm's coin named in apposition",
         "Orlo Capital's stablecoin, OHKD, will be listed on Keswick Exchange.",
         {("orlo-capital", "OPERATES", "ohkd")}),
        ("a memorandum of understanding signed with a firm",
         "Keswick Exchange signed a memorandum of understanding with Ledra Bank on Wednesday.",
         {("keswick-exchange", "PARTNERS_WITH", "ledra-bank")}),
        ("a stake bought for an amount: the amount is no part of the name",
         "Pellam Capital bought a majority stake in Tarn Digital for HK$500 million.",
         {("pellam-capital", "OWNS", "tarn-digital")}),
        ("a fact followed by a denied tail",
         "Fenwick Group acquired Lintel Pay but did not comment.",
         {("fenwick-group", "ACQUIRED", "lintel-pay")}),
        ("a denial of comment, not of the fact",
         "Fenwick Group did not comment on its acquisition of Lintel Pay.",
         {("fenwick-group", "ACQUIRED", "lintel-pay")}),
        ("a fund custodied by a firm, in a participle joined to another",
         "The Orlo Ether ETF, issued by Orlo Asset Management and custodied by Venn Custody, "
         "began trading on Tuesday.",
         {("orlo-asset-management", "ISSUES", "orlo-ether-etf"),
          ("venn-custody", "CUSTODIAN_OF", "orlo-ether-etf")}),
        ("a new subsidiary set up, named in apposition",
         "Tamsin Bank has set up a new subsidiary, Tamsin Digital Assets, to handle "
         "tokenisation.", {("tamsin-digital-assets", "SUBSIDIARY_OF", "tamsin-bank")}),
        ("offices in places", "Quorra Labs, which has offices in Hong Kong and Singapore, hired "
         "20 staff.", {("quorra-labs", "LOCATED_IN", "hong-kong"),
                       ("quorra-labs", "LOCATED_IN", "singapore")}),
        ("succeeding someone as chairman of a firm",
         "Helen Cho will succeed Mark Lee as chairman of Tamsin Bank.",
         {("helen-cho", "HOLDS_ROLE", "tamsin-bank")}),
        ("a firm regulated under an ordinance",
         "Lintel Pay will be regulated under the Stablecoins Ordinance.",
         {("stablecoins-ordinance", "APPLIES_TO", "lintel-pay")}),
        ("guidelines a regulator published",
         "The SFC published the Virtual Asset Custody Guidelines on Monday.",
         {("sfc", "ENACTED", "virtual-asset-custody-guidelines")}),
        ("the chief executive of a firm, then the person, the parse hanging the person on "
         "the firm",
         "The chief executive officer of Brindle Pay, Martin Oakes, said the firm would apply.",
         {("martin-oakes", "HOLDS_ROLE", "brindle-pay")}),
        ("a bank that 'banks' firms", "Corran Bank, which banks Merrow Exchange and Keswick "
         "Exchange, is cautious.", {("corran-bank", "PROVIDES_BANKING_TO", "merrow-exchange"),
                                    ("corran-bank", "PROVIDES_BANKING_TO", "keswick-exchange")}),
        ("a partner set off by commas after 'alongside'",
         "Orlo Capital, alongside Pellam Capital, will develop a tokenised bond platform.",
         {("orlo-capital", "PARTNERS_WITH", "pellam-capital")}),
        ("one of the participants in a scheme",
         "Tamsin Bank is one of the participants in Project Ensemble.",
         {("tamsin-bank", "MEMBER_OF", "project-ensemble")}),
        ("sitting on a committee", "Jane Doe sits on the Fintech Advisory Committee.",
         {("jane-doe", "MEMBER_OF", "fintech-advisory-committee")}),
        ("a person whose surname is a place word, with a title",
         "Nina Park, Corran Bank's head of digital assets, said demand was rising.",
         {("nina-park", "HOLDS_ROLE", "corran-bank")}),
        ("a client's settlement bank, in apposition",
         "Ledra Bank, Quorra Exchange's settlement bank, said it had frozen two accounts.",
         {("ledra-bank", "PROVIDES_BANKING_TO", "quorra-exchange")}),
        ("speaking on a panel at an event",
         "Sarah Ng, speaking on a panel at the Asia Digital Finance Forum, said costs rose.",
         {("sarah-ng", "SPOKE_AT", "asia-digital-finance-forum")}),
        ("a sentence opening with the law that binds its subject",
         "Under the Stablecoins Ordinance, Brindle Pay must hold reserves in Hong Kong.",
         {("stablecoins-ordinance", "APPLIES_TO", "brindle-pay")}),
        ("a one-word name with 'the' and a title after it is a person",
         "Marcus, the chief executive of Quorra Exchange, said trading had doubled.",
         {("marcus", "HOLDS_ROLE", "quorra-exchange")}),
    ],
)
def test_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


def test_a_role_after_held_posts_as_is_the_role_not_the_post(extractor):
    batch = extractor.run(document(
        "Jane Doe took up the post as chief operating officer of Quorra Labs in May."))
    roles = {r.properties.get("role") for r in batch.relations if r.type == "HOLDS_ROLE"}
    assert roles == {"chief operating officer"}


def test_a_name_spelled_out_before_its_initials_is_one_name(extractor):
    # the registry's "Bank of China" is inside it, and "Agricultural" is no firm
    batch = extractor.run(document(
        "The Agricultural and Rural Bank of China (ARBC) has applied for a licence."))
    assert [e.name for e in batch.entities] == ["Agricultural and Rural Bank of China"]


def test_a_name_titled_once_is_a_person_everywhere(extractor):
    # first in a bracket list (where a firm follows), then with a title
    batch = extractor.run(document(
        "Leaders such as Marcus (OSL) and Tamsin (OKX) spoke. Marcus, the chief executive "
        "of OSL, said demand was strong."))
    kinds = {e.id: e.kind for e in batch.entities}
    assert kinds["marcus"] == "Person"
    assert ("marcus", "HOLDS_ROLE", "osl") in {(r.source, r.type, r.target)
                                               for r in batch.relations}


def test_a_spelled_out_name_holds_no_second_registry_name(extractor):
    batch = extractor.run(document(
        "Standard Chartered and Bank of China (SCBC) formed a venture."))
    assert {"standard-chartered", "bank-of-china"} <= {e.id for e in batch.entities}


def test_a_firm_s_title_makes_no_one_word_person(extractor):
    # a firm may manage a fund; only people are chief executives
    batch = extractor.run(document("Vellum, the manager of the Pellam Fund, spoke."))
    assert {e.id: e.kind for e in batch.entities}["vellum"] != "Person"


def test_a_date_is_no_name(extractor):
    batch = extractor.run(document(
        "Mark Lee has sat on the board of Quorra Bank since 26th April last year."))
    assert {e.id for e in batch.entities} == {"mark-lee", "quorra-bank"}


def test_a_description_in_the_object_is_not_its_clause_s_subject(extractor):
    # "the company" here is the one named before, not the consortium's members
    text = ("Quorra Brands bought one bitcoin on Monday. A consortium led by Pellam Capital "
            "and Tamsin Ventures took a majority stake in the company.")
    found = triples(extractor, text)
    assert {("pellam-capital", "OWNS", "quorra-brands"),
            ("tamsin-ventures", "OWNS", "quorra-brands")} <= found
    assert ("pellam-capital", "OWNS", "tamsin-ventures") not in found


@pytest.mark.parametrize(
    ("text", "wrong"),
    [("An alliance formed by Pellam Capital and Tamsin Ventures bought Quorra Pay.",
      ("pellam-capital", "FOUNDED_BY", "tamsin-ventures")),
     ("Quorra Pay raised $5 million last year. Pellam Capital plans to invest in Hong Kong.",
      ("pellam-capital", "OWNS", "quorra-pay")),
     ("The Bank of China (BOC) and Quorra Pay signed a deal.",
      ("quorra-pay", "SUBSIDIARY_OF", "bank-of-china")),
     ("Quorra Bank, its Macau subsidiary Tamsin Bank and Orbis Pay signed the deal.",
      ("orbis-pay", "SUBSIDIARY_OF", "quorra-bank")),
     ("The plan was filed by Quorra Pay, the firm's local subsidiary, the Securities and "
      "Futures Commission (SFC) said.", ("sfc", "SUBSIDIARY_OF", "quorra-pay")),
     ("It was written at the request of Quorra Exchange Limited and the city's securities "
      "regulator, the Securities and Futures Commission.",
      ("quorra-exchange", "REGULATED_BY", "sfc")),
     ("Quorra Bank said that Jane Doe, the chief executive of Tamsin Pay, had resigned.",
      ("jane-doe", "HOLDS_ROLE", "quorra-bank")),
     ("Jane Doe met Mark Lee in May. Later that year the two men met again. He has also "
      "been a director of Quorra Corporation.", ("jane-doe", "HOLDS_ROLE", "quorra-corporation")),
     ("Jane Doe (Quorra Pay) spoke first.", ("quorra-pay", "HOLDS_ROLE", "jane-doe")),
     ("Orlo Capital's partner, Lumen Bank, agreed to the plan.",
      ("lumen-bank", "SUBSIDIARY_OF", "orlo-capital")),
     ("Quorra Labs, founded by ex-HKMA chief Jane Doe, raised money.",
      ("quorra-labs", "FOUNDED_BY", "hkma")),
     ("Orlo Capital considered buying Tarn Digital but walked away from the deal.",
      ("orlo-capital", "ACQUIRED", "tarn-digital")),
     ("Jane Doe founded Quorra Labs. The CFO of Pellam Bank later resigned. He was then "
      "appointed a director of Tarn Bank.", ("jane-doe", "HOLDS_ROLE", "tarn-bank")),
     ("The SFC said that Jane Doe, the chief executive, was banned for life.",
      ("jane-doe", "HOLDS_ROLE", "sfc")),
     ("Jane Doe, a client of Pellam Capital, complained.",
      ("jane-doe", "HOLDS_ROLE", "pellam-capital")),
     ("Quorra Bank served Pellam Capital with a lawsuit.",
      ("quorra-bank", "PROVIDES_BANKING_TO", "pellam-capital")),
     ("Tarn Bank opened in 2020. Quorra Bank is the bank that serves Pellam Capital.",
      ("tarn-bank", "PROVIDES_BANKING_TO", "pellam-capital")),
     ("A consortium led by Ms Jane Doe acquired Quorra Labs.",
      ("jane-doe", "ACQUIRED", "quorra-labs")),
     ("Quorra Pay raised $5 million in May. Pellam Capital, a rival, is also investing "
      "heavily.", ("pellam-capital", "OWNS", "quorra-pay")),
     ("Quorra Group sits in the wider community alongside Pellam Group.",
      ("quorra-group", "PARTNERS_WITH", "pellam-group")),
     ("Ledra Bank, Quorra Exchange's settlement bank, froze two accounts.",
      ("ledra-bank", "SUBSIDIARY_OF", "quorra-exchange")),
     ("Under the Stablecoins Ordinance, the HKMA may revoke a licence.",
      ("stablecoins-ordinance", "APPLIES_TO", "hkma"))],
)
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    ["Quorra Exchange has not been licensed by the SFC.",
     "Pellam Capital does not own Quorra Labs.",
     "Quorra Labs had never been owned by Pellam Capital.",
     "Quorra Exchange had applied for, but had not received, a licence from the SFC.",
     "Pellam Capital did not agree to acquire Quorra Labs.",
     "Pellam Capital denied it was in talks to acquire Quorra Labs.",
     "If Pellam Capital acquires Quorra Labs, prices will rise.",
     "The SFC blocked Pellam Capital's acquisition of Quorra Labs.",
     "Quorra Labs failed to obtain a licence from the SFC."],
)
def test_a_denied_relation_is_none(extractor, text):
    assert not triples(extractor, text)


def test_not_only_is_no_denial(extractor):
    text = "Pellam Capital not only acquired Quorra Labs but also hired its staff."
    assert ("pellam-capital", "ACQUIRED", "quorra-labs") in triples(extractor, text)


def test_a_misplaced_pattern_key_is_refused(tmp_path):
    # "not_after" belongs inside the trigger; outside it would be silently ignored
    path = tmp_path / "patterns.yaml"
    path.write_text("lemmas: {}\npatterns:\n  - rule: person-of-org\n    edge: HOLDS_ROLE\n"
                    "    trigger: {token: [{LOWER: of}]}\n    not_after: [chief]\n"
                    "    source: left\n    target: right\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="person-of-org: unknown key 'not_after'"):
        load_patterns(path)
