"""Constructions found missing or misread in round 18's developed probe sets and construction
sentences. One sentence of our own for each, with made-up entities."""

import pytest

from hkweb3.loaders.names import kind_of
from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a firm's title in apposition to the object of a plan: the description holds",
         "Kestrel Markets is pushing a proposal to reappoint its chief executive, Daniel "
         "Okafor, at its annual meeting.",
         {("daniel-okafor", "HOLDS_ROLE", "kestrel-markets")}),
        ("a second title joined to the first title's object by the parse",
         "Priya Raman, head of Quarrow Bank's Asian arm and chief executive of Alto Pay, "
         "left in May.",
         {("priya-raman", "HOLDS_ROLE", "quarrow-bank"),
          ("priya-raman", "HOLDS_ROLE", "alto-pay")}),
        ("a body named 'X for Y Fund' holds posts (the head before 'for')",
         "Liu Kang, replacing Zhou Wei, was appointed chairman of the National Council for "
         "Pension Reserve Fund.",
         {("liu-kang", "HOLDS_ROLE", "national-council-for-pension-reserve-fund")}),
        ("'X struck (signed, completed) a deal to buy Y': X buys",
         "Meridian Securities struck a deal to buy Alto Pay.",
         {("meridian-securities", "ACQUIRED", "alto-pay")}),
        ("'the acquisition of Y by X': the parse hangs 'by' on Y",
         "The acquisition of Alto Pay by Meridian Securities was completed last week.",
         {("meridian-securities", "ACQUIRED", "alto-pay")}),
        ("a firm's noun before its name, taken by the tagger for a verb",
         "Meridian Securities invested in blockchain startup Alto Pay.",
         {("meridian-securities", "OWNS", "alto-pay")}),
        ("'A joined Y as <title>': Y is the firm, not a person named before a title",
         "Mak Hoi-lam joined Eastgate Tokenisation as head of product in April.",
         {("mak-hoi-lam", "HOLDS_ROLE", "eastgate-tokenisation")}),
        ("'a group of banks that includes A and B'",
         "The trade went through the Pan-Asia Settlement Consortium, a group of nine banks "
         "that includes Eastgate Bank of Asia and Pearl Delta Bank.",
         {("eastgate-bank-of-asia", "MEMBER_OF", "pan-asia-settlement-consortium"),
          ("pearl-delta-bank", "MEMBER_OF", "pan-asia-settlement-consortium")}),
        ("a named body comprises its members",
         "The Tokenised Bond Taskforce comprises Meridian Securities, Pearl Delta Bank and "
         "Baytide Asset Management.",
         {("meridian-securities", "MEMBER_OF", "tokenised-bond-taskforce"),
          ("baytide-asset-management", "MEMBER_OF", "tokenised-bond-taskforce")}),
        ("'X and its subsidiaries, including A and B'",
         "Meridian Securities and its subsidiaries, including Zenport Digital and Zenport "
         "Custody, employ about 300 people.",
         {("zenport-digital", "SUBSIDIARY_OF", "meridian-securities"),
          ("zenport-custody", "SUBSIDIARY_OF", "meridian-securities")}),
        ("'X's Hong Kong office': where X has an office",
         "Meridian Securities' Hong Kong office, opened in 2023, now employs 40 people.",
         {("meridian-securities", "LOCATED_IN", "hong-kong")}),
        ("'In partnership with Y, X launched': the parse lists X with Y",
         "In partnership with Ninefold Custody, Baytide Asset Management launched the city's "
         "first tokenised gold fund.",
         {("baytide-asset-management", "PARTNERS_WITH", "ninefold-custody")}),
        ("'In collaboration with Y, X has ...': the parse hangs X on Y",
         "In collaboration with Meridian Securities, Alto Pay has rolled out a wallet.",
         {("alto-pay", "PARTNERS_WITH", "meridian-securities")}),
        ("a subject that names no one, with the names in apposition",
         "Big names in global finance - Goldman Sachs and Kowloon Trust Bank - are also "
         "involved in Project Tidewell.",
         {("goldman-sachs", "MEMBER_OF", "project-tidewell"),
          ("kowloon-trust-bank", "MEMBER_OF", "project-tidewell")}),
        ("'X, a Y project': Y runs it",
         "The banks connect through Project Nexus, a BIS Innovation Hub project designed to "
         "link payment systems.",
         {("bis-innovation-hub", "OPERATES", "project-nexus")}),
        ("'\"X,\" the initiative led by Y': the comma inside the quotes",
         'The banks completed tests for "Project Agora," the initiative led by the Bank for '
         "International Settlements.",
         {("bank-for-international-settlements", "OPERATES", "project-agora")}),
        ("'A and B raised the capital of X, their joint venture'",
         "Alto Pay and Meridian Securities raised the capital of Harbour Dollar Limited, "
         "their joint venture, by $8 million.",
         {("alto-pay", "OWNS", "harbour-dollar"),
          ("meridian-securities", "OWNS", "harbour-dollar")}),
        ("'with outside investment from A and B'",
         "Kestrel Markets' Progmat is being incorporated, with outside investment from "
         "Meridian Securities and Kowloon Trust Bank.",
         {("meridian-securities", "OWNS", "progmat"), ("kowloon-trust-bank", "OWNS", "progmat")}),
        ("'Y's chair' makes Y a firm though the NER reads a person",
         "Under the current terms, Song Chi-hyung, Dunamu's chair, would become the largest "
         "shareholder of Naver Financial.",
         {("song-chi-hyung", "CHAIRS", "dunamu")}),
        ("'A, the founder of X, and B, chairman of Y': the parse joins B to A's title",
         "Lee Hae-jin, the founder and board chairman of Naver, and Song Chi-hyung, chairman "
         "of Dunamu, are expected to attend.",
         {("lee-hae-jin", "CHAIRS", "naver"), ("song-chi-hyung", "CHAIRS", "dunamu")}),
        ("'A spent 27 years at Y': a post held there",
         "Jane Doe spent a decade at Meridian Securities before joining Alto Pay.",
         {("jane-doe", "HOLDS_ROLE", "meridian-securities"),
          ("jane-doe", "HOLDS_ROLE", "alto-pay")}),
        ("'chairman of the audit regulator, the AFRC': the firm in apposition to the noun",
         "Kelvin Wong will stay on as chairman of the audit regulator, the Accounting and "
         "Financial Reporting Council (AFRC), until the end of the year.",
         {("kelvin-wong", "CHAIRS", "accounting-and-financial-reporting-council")}),
        ("a ministry named as its country's",
         "Thailand's Ministry of Finance has granted virtual banking licences to three "
         "groups.", {("ministry-of-finance", "LOCATED_IN", "thailand")}),
        ("'X is in <place>'", "Its second digital bank, GoTyme, is in the Philippines.",
         {("gotyme", "LOCATED_IN", "philippines")}),
        ("'<place>'s banks are A and B', 'X, one of <place>'s banks'",
         "Singapore's other digital banks are Alto Bank and Kestrel Bank, and Meridian Bank "
         "is one of Japan's biggest lenders.",
         {("alto-bank", "LOCATED_IN", "singapore"), ("kestrel-bank", "LOCATED_IN", "singapore"),
          ("meridian-bank", "LOCATED_IN", "japan")}),
        ("'with A and B among its limited partners (backers)'",
         "Alto Pay raised $5 million, with Meridian Securities and Kowloon Trust Bank among "
         "its backers.",
         {("meridian-securities", "OWNS", "alto-pay"), ("kowloon-trust-bank", "OWNS", "alto-pay")}),
        ("a firm's noun taken for a verb whose subject is the noun before it",
         "Harbour Future held its first close, with Hong Kong financial services firm Sunwah "
         "Kingsway Capital Holdings Ltd among its limited partners.",
         {("sunwah-kingsway-capital", "OWNS", "harbour-future")}),
        ("'A joined the (advisory) board of Y'",
         "Former regulator Jane Chan has joined the advisory board of Meridian Securities, "
         "the firm said on Tuesday.", {("jane-chan", "HOLDS_ROLE", "meridian-securities")}),
        ("people listed with titles share the first title's firm",
         "Alto Pay's leadership team comprises CEO Chow Ming-kei, CFO Gordon Yiu and CTO Ravi "
         "Subramaniam.",
         {("chow-ming-kei", "HOLDS_ROLE", "alto-pay"), ("gordon-yiu", "HOLDS_ROLE", "alto-pay"),
          ("ravi-subramaniam", "HOLDS_ROLE", "alto-pay")}),
        ("people listed with their firms in brackets",
         "The heads of several exchanges, including Colin Zheng (Sai Kung Digital), Lennox "
         "Lai (Pine Crest Exchange) and Hugh Madigan (Castlepeak Markets), have taken office.",
         {("lennox-lai", "HOLDS_ROLE", "pine-crest-exchange"),
          ("hugh-madigan", "HOLDS_ROLE", "castlepeak-markets")}),
        ("'..., and B, chairwoman of Y': B's title, which the parse hangs on A's",
         "Harold Tse, the founder and chief executive of Zenport Digital, and Mary Lam, "
         "chairwoman of Pearl Delta Bank, spoke.",
         {("harold-tse", "HOLDS_ROLE", "zenport-digital"),
          ("mary-lam", "CHAIRS", "pearl-delta-bank")}),
        ("'the company behind the X stablecoin wallet': the product named before its noun",
         "Tessaly Digital, the company behind the TesPay stablecoin wallet, has applied for "
         "an issuer licence.", {("tessaly-digital", "OPERATES", "tespay")}),
        ("a list of 'firm title Name' items: each title is its own name's",
         "The round was backed by Lumen founder Leon Li, Kestrel Group chairman and CEO Xiao "
         "Ming, and Orbis Capital founder Bo Shen.",
         {("lumen", "FOUNDED_BY", "leon-li"), ("xiao-ming", "CHAIRS", "kestrel-group"),
          ("orbis-capital", "FOUNDED_BY", "bo-shen")}),
        ("'Y's sale to X'", "Alto Pay's sale to Meridian Securities closed in March.",
         {("meridian-securities", "ACQUIRED", "alto-pay")}),
        ("'X entered into an agreement to acquire Y'",
         "Meridian Securities has entered into an agreement to acquire Alto Pay.",
         {("meridian-securities", "ACQUIRED", "alto-pay")}),
        ("'Z sold Y to X': the parse takes 'to X' for a receiver",
         "Kowloon Trust Bank sold Alto Pay to Meridian Securities.",
         {("meridian-securities", "ACQUIRED", "alto-pay")}),
        ("'X picked up Y', 'X absorbed Y'",
         "Meridian Securities picked up Alto Pay in 2021 and absorbed Tessaly Digital in 2023.",
         {("meridian-securities", "ACQUIRED", "alto-pay"),
          ("meridian-securities", "ACQUIRED", "tessaly-digital")}),
        ("'agreed to purchase a controlling interest in Y'",
         "Meridian Securities has agreed to purchase a controlling interest in Alto Pay.",
         {("meridian-securities", "OWNS", "alto-pay")}),
        ("'X's participation in Y'",
         "Kowloon Trust Bank's participation in Project Ensemble began in May.",
         {("kowloon-trust-bank", "MEMBER_OF", "project-ensemble")}),
        ("'A works at (for) Y', 'A has been at Y since'",
         "Priya Raman has been at Meridian Securities since 2015. Daniel Okafor works for "
         "Kowloon Trust Bank.",
         {("priya-raman", "HOLDS_ROLE", "meridian-securities"),
          ("daniel-okafor", "HOLDS_ROLE", "kowloon-trust-bank")}),
        ("'A has worked at Y and Z': posts held there (round 14 read none; the probe golds "
         "count them)", "Mira Osei has worked at Corvid Bank and Tern Capital.",
         {("mira-osei", "HOLDS_ROLE", "corvid-bank"), ("mira-osei", "HOLDS_ROLE", "tern-capital")}),
        ("'A, a Y veteran'", "Priya Raman, a Meridian Securities veteran, said demand was "
         "strong.", {("priya-raman", "HOLDS_ROLE", "meridian-securities")}),
        ("'the panel at X, featuring A and B' and 'moderated by C'",
         "The panel at the Asia Tokenisation Summit 2025, featuring Priya Raman and Daniel "
         "Okafor and moderated by Chan Wai-kit, covered tokenisation.",
         {("priya-raman", "SPOKE_AT", "asia-tokenisation-summit-2025"),
          ("daniel-okafor", "SPOKE_AT", "asia-tokenisation-summit-2025")}),
        ("'A stated at X that ...', 'headliners at X include A'",
         "Priya Raman stated at the Hong Kong FinTech Week 2024 that the firm would tokenise a "
         "fund. Headliners at the Asia Tokenisation Summit 2025 include Daniel Okafor.",
         {("priya-raman", "SPOKE_AT", "hong-kong-fintech-week-2024"),
          ("daniel-okafor", "SPOKE_AT", "asia-tokenisation-summit-2025")}),
        ("an unnamed consortium comprising A, B and C: partners",
         "The licence went to a consortium comprising Meridian Securities, Alto Pay and "
         "Kowloon Trust Bank.",
         {("alto-pay", "PARTNERS_WITH", "meridian-securities"),
          ("kowloon-trust-bank", "PARTNERS_WITH", "meridian-securities")}),
        ("'the consortium headed by A includes B'",
         "The consortium headed by Kowloon Trust Bank includes Alto Pay.",
         {("kowloon-trust-bank", "PARTNERS_WITH", "alto-pay")}),
        ("'the group led by A counts B among its members'",
         "The group led by Meridian Securities also counts Tessaly Digital among its members.",
         {("meridian-securities", "PARTNERS_WITH", "tessaly-digital")}),
        ("'X Bank, a consortium of A and B': the members own the bank",
         "Alto Bank, a consortium of Kowloon Trust Bank and Meridian Securities, opened.",
         {("kowloon-trust-bank", "OWNS", "alto-bank"),
          ("meridian-securities", "OWNS", "alto-bank")}),
        ("'which operates the X e-wallet': 'e-wallet' is one word",
         "Qilin Payments, which operates the QPay e-wallet, said merchants would accept the "
         "token.", {("qpay", "CONTROLLED_BY", "qilin-payments")}),
        ("an event 'in <place>' followed by a day",
         "Priya Raman spoke at BlockAsia 2025 in Seoul on Wednesday about stablecoin reserves.",
         {("blockasia-2025", "LOCATED_IN", "seoul")}),
        ("'X is run from <place>', 'set up shop in <place>'",
         "Harbour Digital Trading Group is run from Kuala Lumpur. Meridian Securities has set up "
         "shop in Hong Kong.",
         {("harbour-digital-trading-group", "LOCATED_IN", "kuala-lumpur"),
          ("meridian-securities", "LOCATED_IN", "hong-kong")}),
        ("a forum one joins or is a member of is a body, not an event",
         "Ninefold Custody joined the Asia Digital Custody Forum as a founding member in 2023.",
         {("ninefold-custody", "MEMBER_OF", "asia-digital-custody-forum")}),
        ("'A, who was ousted as chairman of Y': a post held, ended",
         "Benedict Lau, who was ousted as chairman of Meridian Securities in 2023, has "
         "resurfaced as an investor.", {("benedict-lau", "HOLDS_ROLE", "meridian-securities")}),
        ("'A will retire from his role as chief executive of Y'",
         "Patrick Shum will retire early from his role as chief executive of Meridian "
         "Securities.", {("patrick-shum", "HOLDS_ROLE", "meridian-securities")}),
        ("a verb in the third person read as a plural noun after a name",
         "Chan Wai-kit works for Kowloon Trust Bank.",
         {("chan-wai-kit", "HOLDS_ROLE", "kowloon-trust-bank")}),
        ("a plural title with the names in apposition: each of them",
         "The Chief Executive has reappointed three vice-chairmen of the Financial Services "
         "Development Council, namely Laura Ho, Frederick Man and Arthur Yim.",
         {("laura-ho", "HOLDS_ROLE", "financial-services-development-council"),
          ("arthur-yim", "HOLDS_ROLE", "financial-services-development-council")}),
    ],
)
def test_round18_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(("text", "wrong"), [
    ("Kestrel Markets did not say whether Daniel Okafor would become its chief executive.",
     ("daniel-okafor", "HOLDS_ROLE", "kestrel-markets")),
    ("Meridian Securities scrapped a deal to buy Alto Pay.",
     ("meridian-securities", "ACQUIRED", "alto-pay")),
    ("The regulator approved a deal for Kowloon Trust Bank to buy Alto Pay.",
     ("kowloon-trust-bank", "ACQUIRED", "meridian-securities")),
    ("Kowloon Trust Bank dismissed rumours that Harold Tse would be its next chairman.",
     ("harold-tse", "CHAIRS", "kowloon-trust-bank")),
    ("Samuel Ip is one of three candidates shortlisted to chair the Asia Custodians "
     "Association.", ("samuel-ip", "CHAIRS", "asia-custodians-association")),
    ("Meridian Securities' planned Hong Kong office will open next year.",
     ("meridian-securities", "LOCATED_IN", "hong-kong")),
    ("With Meridian Securities, Alto Pay and Kowloon Trust Bank, the pilot has three banks.",
     ("alto-pay", "PARTNERS_WITH", "meridian-securities")),
    ("Meridian Securities withdrew its investment from Progmat.",
     ("progmat", "OWNS", "meridian-securities")),
    ("Kowloon Trust Bank and Alto Pay said their customers liked Harbour Dollar Limited.",
     ("kowloon-trust-bank", "OWNS", "harbour-dollar")),
    ("Jane Doe spent 27 years in Singapore before joining Alto Pay.",
     ("jane-doe", "HOLDS_ROLE", "singapore")),
    ("Jane Doe, chief executive of the bank, and Alto Pay, a wallet firm, said so.",
     ("jane-doe", "HOLDS_ROLE", "alto-pay")),
    ("Alto Pay is in talks with Meridian Securities in Singapore.",
     ("alto-pay", "LOCATED_IN", "singapore")),
    ("Alto Pay met Meridian Securities, with Kowloon Trust Bank among its rivals.",
     ("kowloon-trust-bank", "OWNS", "alto-pay")),
    ("Alongside Paylinx, Lantau Savings Bank reported a loss for the year.",
     ("lantau-savings-bank", "PARTNERS_WITH", "paylinx")),
    ("Priya Raman joined Kestrel Markets as a client in 2021.",
     ("priya-raman", "HOLDS_ROLE", "kestrel-markets")),
    ("Alto Pay grew without investment from Meridian Securities.",
     ("meridian-securities", "OWNS", "alto-pay")),
    ("Alto Pay stopped working with Meridian Securities last year.",
     ("alto-pay", "PARTNERS_WITH", "meridian-securities")),
    ("The Pan-Asia Settlement Consortium, a group of banks that does not include Pearl "
     "Delta Bank, met.", ("pearl-delta-bank", "MEMBER_OF", "pan-asia-settlement-consortium")),
    ("Meridian Securities closed its Tokyo office in May.",
     ("meridian-securities", "LOCATED_IN", "tokyo")),
    ("Meridian Securities' takeover of Alto Pay never happened.",
     ("meridian-securities", "ACQUIRED", "alto-pay")),
    ("Meridian Securities' takeover of Alto Pay was called off in May.",
     ("meridian-securities", "ACQUIRED", "alto-pay")),
    ("Project Agora, the initiative criticised by Meridian Securities, will go ahead.",
     ("meridian-securities", "OPERATES", "project-agora")),
    ("Harold Tse, the founder and chief executive of Zenport Digital, and Mary Lam, "
     "chairwoman of Pearl Delta Bank, spoke.", ("zenport-digital", "FOUNDED_BY", "mary-lam")),
    ("Harold Tse, founder of Zenport Digital and chairman of Pearl Delta Bank's rival, spoke.",
     ("harold-tse", "CHAIRS", "zenport-digital")),
    ("Jane Chan joined the board meeting of Meridian Securities.",
     ("jane-chan", "HOLDS_ROLE", "meridian-securities")),
    ("Tessaly Digital, the company behind the Hong Kong wallet rules, met the SFC.",
     ("tessaly-digital", "OPERATES", "hong-kong")),
    ("The round was backed by Lumen founder Leon Li, Kestrel Group chairman and CEO Xiao "
     "Ming, and Orbis Capital founder Bo Shen.", ("leon-li", "CHAIRS", "kestrel-group")),
    ("The round was backed by Lumen founder Leon Li, Kestrel Group chairman and CEO Xiao "
     "Ming, and Orbis Capital founder Bo Shen.", ("xiao-ming", "HOLDS_ROLE", "lumen")),
    ("Kowloon Trust Bank will rely on two banks for fiat deposits: Meridian Bank and the "
     "virtual lender Alto Bank.", ("meridian-bank", "PROVIDES_BANKING_TO", "alto-bank")),
    ("Meridian Securities' sale of bonds to Alto Pay raised $5 million.",
     ("alto-pay", "ACQUIRED", "meridian-securities")),
    ("Meridian Securities picked up an award from Alto Pay.",
     ("meridian-securities", "ACQUIRED", "alto-pay")),
    ("Priya Raman works with Meridian Securities on the pilot.",
     ("priya-raman", "HOLDS_ROLE", "meridian-securities")),
    ("Priya Raman is at odds with Meridian Securities.",
     ("priya-raman", "HOLDS_ROLE", "meridian-securities")),
    ("Kowloon Trust Bank denied any involvement in Project Ensemble.",
     ("kowloon-trust-bank", "MEMBER_OF", "project-ensemble")),
    ("Livia Marsh was at Dunmore Bank when the rules changed.",
     ("livia-marsh", "HOLDS_ROLE", "dunmore-bank")),
    ("The panel at the Asia Tokenisation Summit 2025 criticised Priya Raman.",
     ("priya-raman", "SPOKE_AT", "asia-tokenisation-summit-2025")),
    ("The licence went to the Asia Tokenisation Alliance, comprising Meridian Securities and "
     "Alto Pay.", ("alto-pay", "PARTNERS_WITH", "meridian-securities")),
    ("The Pan-Asia Settlement Consortium, a consortium of Kowloon Trust Bank and Alto Pay, "
     "met.", ("kowloon-trust-bank", "OWNS", "pan-asia-settlement-consortium")),
    ("Lee Hae-jin, a Seoul National University alumnus, spoke.",
     ("lee-hae-jin", "HOLDS_ROLE", "seoul-national-university")),
    ("Meridian Securities runs its fund from a desk in London for clients in Kuala Lumpur.",
     ("meridian-securities", "LOCATED_IN", "kuala-lumpur")),
    ("Priya Raman spoke at the Asia Digital Custody Forum, which Ninefold Custody "
     "sponsored.", ("priya-raman", "MEMBER_OF", "asia-digital-custody-forum")),
    ("Patrick Shum was replaced as a speaker by Jane Lee of Meridian Securities.",
     ("patrick-shum", "HOLDS_ROLE", "meridian-securities")),
    ("Alto Pay said Patrick Shum would take a role as adviser to Meridian Securities' rival.",
     ("patrick-shum", "HOLDS_ROLE", "meridian-securities")),
    ("The chief executive of Alto Pay, Laura Ho, and Frederick Man of Kowloon Trust Bank "
     "spoke.", ("frederick-man", "HOLDS_ROLE", "alto-pay")),
])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


def test_a_firm_s_name_ending_in_financial_services_is_a_firm():
    assert kind_of("Lumen Financial Service", None, None) == "Company"
    assert kind_of("Financial Services Development Council", None, None) == "Association"


def test_a_body_for_a_subject_takes_its_kind_from_the_word_before_for():
    assert kind_of("National Council for Pension Reserve Fund", None, None) == "Association"
    assert kind_of("Lumen Association for Digital Bank", None, None) == "Association"


def test_a_bank_named_before_for_stays_the_bank(extractor):
    """"a manager at Y Bank for X Fund clients": the bank, not a body named "... for ..."."""
    batch = extractor.run(document("A manager at Kowloon Trust Bank for Pension Reserve Fund "
                                   "clients spoke."))
    assert "kowloon-trust-bank" in {e.id for e in batch.entities}
