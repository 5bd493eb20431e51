"""Constructions found missing or misread in round 15's developed probe sets. One sentence of
our own for each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a firm's co-founder named after the firm (the tagger takes 'co-founder' for a verb)",
         "Tallis Labs co-founder Mira Osei said the firm would list tokens.",
         {("tallis-labs", "FOUNDED_BY", "mira-osei")}),
        ("a product owned by a firm is run by it",
         "Scammers used Quill Chat, a messaging app owned by Corvid Group.",
         {("corvid-group", "OPERATES", "quill-chat")}),
        ("an expert 'from' an institute works there",
         "Mira Osei, an expert from the Corvid Research Institute, gave a briefing.",
         {("mira-osei", "HOLDS_ROLE", "corvid-research-institute")}),
        ("a senior fellow at an institute",
         "Mira Osei, a senior fellow at the Tern Institute, said so.",
         {("mira-osei", "HOLDS_ROLE", "tern-institute")}),
        ("two titles, each of its own firm (the parse joins the second title to the first "
         "firm)",
         "Mira Osei was CTO of Tallis Labs and CEO of Quill Pay.",
         {("mira-osei", "HOLDS_ROLE", "tallis-labs"), ("mira-osei", "HOLDS_ROLE", "quill-pay")}),
        ("two titles, each of its own firm, in apposition",
         "Mira Osei, CTO of Tallis Labs and CEO of Quill Pay, said so.",
         {("mira-osei", "HOLDS_ROLE", "tallis-labs"), ("mira-osei", "HOLDS_ROLE", "quill-pay")}),
        ("an official release's Chinese name, its surname in capitals, then the English "
         "given name and a title",
         "Speaking at a forum, Mr OSEI Wai Keung, Mira, the HKMA's Chief Fintech Officer, "
         "said the trials were done.",
         {("osei-wai-keung", "HOLDS_ROLE", "hkma")}),
        ("the same, with a title in title case",
         "Mr ROE Ka-wing, John, Chief Executive of Tallis Labs, said so.",
         {("roe-ka-wing", "HOLDS_ROLE", "tallis-labs")}),
        ("investors 'in which' a round was taken part in (the parse hangs the clause on the "
         "round's lead)",
         "Tallis Labs said it had completed an $8 million seed round led by Kestrel Capital, "
         "in which Quill Capital and Tern Ventures also took part.",
         {("quill-capital", "OWNS", "tallis-labs"), ("tern-ventures", "OWNS", "tallis-labs")}),
        ("one of a firm's founders, in apposition",
         "Mira Osei, one of the founders of Tallis Labs, said so.",
         {("tallis-labs", "FOUNDED_BY", "mira-osei")}),
        ("one of a firm's executives, in apposition",
         "Mira Osei, one of the executives of Tallis Labs, joined Quill Exchange.",
         {("mira-osei", "HOLDS_ROLE", "tallis-labs")}),
        ("a one-word firm whose founder is named (the NER may take the firm for a person)",
         "Wang Fang, Linekong's founder, announced that the company had set up a fund.",
         {("linekong", "FOUNDED_BY", "wang-fang")}),
        ("a department named before 'at' and the firm, in a list, is no firm",
         "Mira Osei, Head of Consumer, Private and Business Banking at Tallis Bank, said so.",
         {("mira-osei", "HOLDS_ROLE", "tallis-bank")}),
        ("a department named before 'at the' and the firm",
         "The move will help, said Mira Osei, Deputy Governor of Corporate Development at the "
         "Bank of Tallis.",
         {("mira-osei", "HOLDS_ROLE", "bank-of-tallis")}),
        ("a name ending in 'Platform' is a product, run by its possessor",
         "Tern Pay's Tokenized Asset Platform (TAP) handled the life cycle of the money.",
         {("tern-pay", "OPERATES", "tokenized-asset-platform")}),
        ("another place's body whose name begins with a registry alias",
         "The HKMA signed a pact with the Monetary Authority of Singapore.",
         {("hkma", "PARTNERS_WITH", "monetary-authority-of-singapore")}),
        ("a central bank known by name is a regulator",
         "The HKMA has formed a partnership with the Bank of Thailand.",
         {("hkma", "PARTNERS_WITH", "bank-of-thailand")}),
        ("a firm's new fund named in apposition",
         "Tallis Labs' new fund, Quill Capital, is meant to back Web3 start-ups.",
         {("quill-capital", "SUBSIDIARY_OF", "tallis-labs")}),
        ("a one-word name that looks plural opening a sentence, described as a group",
         "Prenetics, a health-sciences group headquartered in Hong Kong, has bought bitcoin.",
         {("prenetics", "LOCATED_IN", "hong-kong")}),
        ("a registry firm written with its legal form, which heads the phrase",
         "Animoca Brands Corp., the Hong Kong-based blockchain game maker, wants to raise "
         "money.",
         {("animoca-brands", "LOCATED_IN", "hong-kong")}),
        ("a firm's team led by one of its partners (passive)",
         "Tern Bank was advised by Tallis Partners, whose team was headed by partner Mira "
         "Osei.",
         {("mira-osei", "HOLDS_ROLE", "tallis-partners")}),
        ("a firm's team, its name before 'team', led by a partner (passive)",
         "The Tallis Partners team was led by partner Mira Osei.",
         {("mira-osei", "HOLDS_ROLE", "tallis-partners")}),
        ("a firm incorporated in a country the NER takes for a nationality",
         "Tallis Labs, which is incorporated in the Seychelles, said so.",
         {("tallis-labs", "LOCATED_IN", "seychelles")}),
        ("a blockchain described as a firm's",
         "It connected Quill Chain, the proprietary blockchain of Tern Bank, to Ethereum.",
         {("tern-bank", "OPERATES", "quill-chain")}),
        ("a person and the firm set off after the name, then 'said' (a release's "
         "attribution)",
         "Mira Osei, Tallis Labs, said the firm was ready.",
         {("mira-osei", "HOLDS_ROLE", "tallis-labs")}),
        ("a person and the firm set off after the name, ending a quote's attribution",
         '"We are ready," said Mira Osei, Tallis Labs.',
         {("mira-osei", "HOLDS_ROLE", "tallis-labs")}),
        ("at the helm of a firm",
         "Mira Osei has been at the helm of Tallis Labs since 2019.",
         {("mira-osei", "HOLDS_ROLE", "tallis-labs")}),
        ("took the helm at a firm, in a relative clause",
         "Mira Osei, who took the helm at Tallis Labs in 2022, said so.",
         {("mira-osei", "HOLDS_ROLE", "tallis-labs")}),
        ("a fireside chat given at an event",
         "Mira Osei gave a fireside chat at the Tern Forum on the second day.",
         {("mira-osei", "SPOKE_AT", "tern-forum")}),
        ("remarks at an event opening the sentence, then the speaker",
         "In her opening remarks at the Tern Forum, Mira Osei reflected on the year.",
         {("mira-osei", "SPOKE_AT", "tern-forum")}),
        ("an event opened by a person",
         "The Tern Forum was opened by Mira Osei.", {("mira-osei", "SPOKE_AT", "tern-forum")}),
        ("an event that opens at a venue",
         "The Tern Forum opens at the Tern Exhibition Centre on Monday.",
         {("tern-forum", "LOCATED_IN", "tern-exhibition-centre")}),
        ("an event held at a venue, in a participle opening the sentence",
         "Held from February 18 to 20 at the Hong Kong Convention and Exhibition Centre, the "
         "Tern Forum drew 10,000 people.",
         {("tern-forum", "LOCATED_IN", "hong-kong-convention-and-exhibition-centre")}),
        ("a firm founded by a person, in a participle opening the sentence (the parse hangs "
         "the firm on the founder)",
         "Founded in 2019 by Mira Osei, Tallis Labs runs a wallet.",
         {("tallis-labs", "FOUNDED_BY", "mira-osei")}),
        ("a firm backed by an investor, in a participle opening the sentence",
         "Backed by Quill Capital, Tallis Labs runs a wallet.",
         {("quill-capital", "OWNS", "tallis-labs")}),
        ("the purchase of the rest of a firm's shares, completed",
         "Tallis Labs completed the purchase of the remaining 35 per cent of Quill Pay.",
         {("tallis-labs", "OWNS", "quill-pay")}),
        ("the acquisition of an interest in a firm, completed",
         "Tallis Labs said it had completed the acquisition of a 70% interest in Quill "
         "Securities.",
         {("tallis-labs", "OWNS", "quill-securities")}),
        ("a round named by its series, led by investors, reported by the firm that raised it",
         "The US$50 million Series B was co-led by Halden Capital and Thornby Ventures, "
         "Kinvara Labs said in a statement.",
         {("halden-capital", "OWNS", "kinvara-labs"),
          ("thornby-ventures", "OWNS", "kinvara-labs")}),
        ("a regulator's licence on a platform named after a kind noun",
         "SFC-licensed platform Elmfield Exchange said it would add staking.",
         {("elmfield-exchange", "LICENSED_BY", "sfc")}),
        ("a regulator's licensee, in an 'as' phrase opening the sentence",
         "As an SFC licensee, Ashgrove Digital Markets must keep client assets offline.",
         {("ashgrove-digital-markets", "LICENSED_BY", "sfc")}),
        ("the only firms a regulator approved are named after 'are'",
         "Currently, the only exchanges approved by the Securities and Futures Commission are "
         "Quillon Exchange and Calloway Exchange.",
         {("quillon-exchange", "LICENSED_BY", "sfc"),
          ("calloway-exchange", "LICENSED_BY", "sfc")}),
        ("a firm's client money accounts held at a bank",
         "Pylon Exchange, which holds its client money accounts at Meridane Bank, said "
         "withdrawals were unaffected.",
         {("meridane-bank", "PROVIDES_BANKING_TO", "pylon-exchange")}),
        ("a portfolio company of an investor",
         "Tallis Labs, a portfolio company of Belcourt Ventures, is building settlement tools.",
         {("belcourt-ventures", "OWNS", "tallis-labs")}),
        ("an investor's portfolio company named after the noun",
         "Quill Capital's portfolio company Tallis Labs said so.",
         {("quill-capital", "OWNS", "tallis-labs")}),
        ("a custody provider for a firm",
         "Orlen Trust, the custody provider for Tessaly Digital, passed its audit.",
         {("orlen-trust", "CUSTODIAN_OF", "tessaly-digital")}),
        ("a body named with 'on' and its subject, sat on by a lawmaker",
         "Lawmaker Vera Chiu, who sits on the Subcommittee on Digital Asset Development, "
         "questioned the plan.",
         {("vera-chiu", "MEMBER_OF", "subcommittee-on-digital-asset-development")}),
        ("a panel named with 'on', chaired by a person opening the sentence",
         "Chaired by Paul Tam, the Advisory Panel on Tokenised Markets also comprises "
         "officials.",
         {("paul-tam", "CHAIRS", "advisory-panel-on-tokenised-markets")}),
        ("two people each 'of' a firm, listed (the parse joins the second to the first firm)",
         "The Tern Forum is co-chaired by Rebecca Lau of Quarrow Bank and Omar Haddad of "
         "Lumen Rail.",
         {("omar-haddad", "HOLDS_ROLE", "lumen-rail")}),
        ("an adviser 'to' a firm",
         "Dr Victor Fung, who serves as an adviser to Ferrow Labs, said so.",
         {("victor-fung", "HOLDS_ROLE", "ferrow-labs")}),
        ("a founder named after a description the parse reads as a verb",
         "Lumen Rail, founded in 2019 by former payments engineer Sara Quist, processes "
         "payouts.",
         {("lumen-rail", "FOUNDED_BY", "sara-quist")}),
        ("a coin's name before its kind noun, issued by the firm it is apposed to",
         "Tessaly Digital, the issuer of the TSD stablecoin, said its reserves were safe.",
         {("tessaly-digital", "ISSUES", "tsd")}),
        ("a body's membership that includes a firm",
         "The Tern Association's membership now includes Velloro Exchange.",
         {("velloro-exchange", "MEMBER_OF", "tern-association")}),
        ("investors brought in as shareholders",
         "Tallis Labs brought in Quill Capital as a strategic investor.",
         {("quill-capital", "OWNS", "tallis-labs")}),
        ("a person 'from' a firm",
         "Mira Osei from Tessaly Digital said the firm was ready.",
         {("mira-osei", "HOLDS_ROLE", "tessaly-digital")}),
        ("a desk run at a firm",
         "Tse Hoi-yan, who runs the over-the-counter desk at Sunrise Bay Securities, said "
         "volumes had tripled.",
         {("tse-hoi-yan", "HOLDS_ROLE", "sunrise-bay-securities")}),
        ("a roundtable's members listed after 'include'",
         "The Asia Securities Industry Roundtable, whose members include Norland Securities "
         "and Brightwater Markets, said so.",
         {("norland-securities", "MEMBER_OF", "asia-securities-industry-roundtable")}),
        ("a scheme the NER takes for a nationality",
         "Tallis Labs joined the second phase of Project Silverfern.",
         {("tallis-labs", "MEMBER_OF", "project-silverfern")}),
        ("an official release's surname in capitals before a hyphenated given name",
         "Mr WONG Kwok-hing, Executive Director of the SFC, said so.",
         {("wong-kwok-hing", "HOLDS_ROLE", "sfc")}),
        ("a plural title before a list of people names each",
         "Tessaly Digital co-founders Mira Osei, Jonah Reyes and Priya Nand own 60% of the "
         "firm.",
         {("tessaly-digital", "FOUNDED_BY", "mira-osei"),
          ("tessaly-digital", "FOUNDED_BY", "jonah-reyes"),
          ("tessaly-digital", "FOUNDED_BY", "priya-nand")}),
        ("a series led by investors, reported by the firm after the clause",
         "Halden Capital and Brenmoor Ventures co-led the US$50 million Series B, Tessaly "
         "Digital said.",
         {("halden-capital", "OWNS", "tessaly-digital"),
          ("brenmoor-ventures", "OWNS", "tessaly-digital")}),
        ("a series led by an investor 'according to' the firm",
         "The Series C was led by Halden Capital, with participation from Brenmoor Ventures, "
         "according to Tessaly Digital.",
         {("halden-capital", "OWNS", "tessaly-digital"),
          ("brenmoor-ventures", "OWNS", "tessaly-digital")}),
        ("a fund house named 'X Fund' with a subsidiary is a firm, no product",
         "Dachang Securities International, a Hong Kong subsidiary of Dachang Fund, has "
         "applied for a spot ether ETF.",
         {("dachang-securities-international", "SUBSIDIARY_OF", "dachang-fund")}),
        ("a one-word firm opening the sentence, set off by a participle",
         "Corvane, headquartered in Dubai, runs its core Asian operations from Hong Kong.",
         {("corvane", "LOCATED_IN", "dubai")}),
        ("a firm sold to a buyer",
         "Nettlebed Digital sold Quillon Exchange to Rendle Capital.",
         {("rendle-capital", "ACQUIRED", "quillon-exchange")}),
        ("a stake sold to a buyer, who holds it",
         "Nettlebed Digital sold its 12 percent stake in Quillon Exchange to Rendle Capital.",
         {("rendle-capital", "OWNS", "quillon-exchange")}),
        ("a coin's reserves held at banks",
         "Reserves backing the QHKD stablecoin are held at Cindral Bank and Aldermann Bank, "
         "the issuer said.",
         {("cindral-bank", "CUSTODIAN_OF", "qhkd"), ("aldermann-bank", "CUSTODIAN_OF", "qhkd")}),
        ("a person's title and firm in brackets after the name",
         "Panel host Mark Devlin (managing director, Ashgrove Partners) opened the panel.",
         {("mark-devlin", "HOLDS_ROLE", "ashgrove-partners")}),
        ("a person 'of' a firm in a list of speakers, whom the NER left unlabelled",
         "Speakers at this year's Kowloon Crypto Week include Bruno Adeyemi of Orlen Capital, "
         "Helen Fok of Quarrow Bank and lawmaker Duncan Cheung.",
         {("helen-fok", "SPOKE_AT", "kowloon-crypto-week"),
          ("helen-fok", "HOLDS_ROLE", "quarrow-bank")}),
        ("a person's honours after the name, then the title (an official release)",
         "Mr Chan Wai-kit, SBS, JP, Chairman of the Tern Council, said so.",
         {("chan-wai-kit", "CHAIRS", "tern-council")}),
        ("reappointed as chairman of a body, after the honours",
         "Mr Chan Wai-kit, SBS, JP, has been reappointed as Chairman of the Tern Council.",
         {("chan-wai-kit", "HOLDS_ROLE", "tern-council")}),
        ("the appointment of people listed with honorifics as members of a council",
         "The Government announced today the appointment of Mr Henry Ma Chi-to, Dr Jack Kong "
         "Jian-ping and Ms Angela Tsui as non-official members of the Fintech Talent Council.",
         {("henry-ma-chi-to", "MEMBER_OF", "fintech-talent-council"),
          ("jack-kong-jian-ping", "MEMBER_OF", "fintech-talent-council"),
          ("angela-tsui", "MEMBER_OF", "fintech-talent-council")}),
        ("two regulators renewing their memorandum, the sentence's full stop after 'MoU'",
         "The Insurance Authority and the Tern Authority renewed their MoU.",
         {("insurance-authority", "PARTNERS_WITH", "tern-authority")}),
        ("a memorandum signed between two bodies (passive)",
         "An MoU was signed between the SFC and the Tern Authority.",
         {("sfc", "PARTNERS_WITH", "tern-authority")}),
        ("another place's body whose name ends in a registry alias",
         "The Insurance Authority and the Bermuda Monetary Authority renewed their MoU.",
         {("bermuda-monetary-authority", "PARTNERS_WITH", "insurance-authority")}),
        ("a speech by an official named after the title, at an event (a release's heading "
         "line)",
         "Following is the speech by the Financial Secretary, Mr Paul Tam, at the Tern Digital "
         "Summit 2026 today (February 11):",
         {("paul-tam", "SPOKE_AT", "tern-digital-summit-2026")}),
        ("licences granted to applicants listed after 'namely'",
         "The Securities and Futures Commission today granted licences to three applicants, "
         "namely Ardent Peak Exchange Limited, Northfen Digital Assets Limited and Pinehollow "
         "Markets Limited.",
         {("ardent-peak-exchange", "LICENSED_BY", "sfc"),
          ("northfen-digital-assets", "LICENSED_BY", "sfc"),
          ("pinehollow-markets", "LICENSED_BY", "sfc")}),
        ("the chairman of a firm's board of directors (the board's members named first)",
         "The Chief Executive has appointed Mr Lawrence Kwan as the Chairman of the Board of "
         "Directors of the Tern Corporation.",
         {("lawrence-kwan", "HOLDS_ROLE", "tern-corporation")}),
        ("a committee named 'on' a bill, electing its chairman",
         "At its first meeting today, the Bills Committee on Tern Bill of the Legislative "
         "Council elected the Hon Vincent Ng Kit-man as its Chairman.",
         {("vincent-ng-kit-man", "HOLDS_ROLE", "bills-committee-on-tern-bill")}),
        ("a Cantonese given name of long syllables after a surname",
         "The Financial Secretary has reappointed Mr Clement Yuen Tsz-chung as the Chief "
         "Executive Officer of the Insurance Authority.",
         {("clement-yuen-tsz-chung", "HOLDS_ROLE", "insurance-authority")}),
        ("a firm with a person at the helm",
         "Quarrow Bank, with Jonah Reyes at the helm, has doubled its custody business.",
         {("jonah-reyes", "HOLDS_ROLE", "quarrow-bank")}),
        ("under the helm of a person, opening the sentence",
         "Under the helm of Jonah Reyes, Quarrow Bank doubled its custody business.",
         {("jonah-reyes", "HOLDS_ROLE", "quarrow-bank")}),
        ("a person 'from' a body, set off by commas",
         "Mira Osei, from the Corvid Research Institute, said so.",
         {("mira-osei", "HOLDS_ROLE", "corvid-research-institute")}),
        ("an investor's portfolio company, the investor before the noun",
         "Tallis Labs, a Belcourt Ventures portfolio company, said so.",
         {("belcourt-ventures", "OWNS", "tallis-labs")}),
        ("a firm's client money accounts held at a bank (passive)",
         "Pylon Exchange's client money accounts are held at Meridane Bank.",
         {("meridane-bank", "PROVIDES_BANKING_TO", "pylon-exchange")}),
        ("a firm incorporated in a place, written with a hyphen",
         "Tallis Labs, a Cayman Islands-incorporated company, said so.",
         {("tallis-labs", "LOCATED_IN", "cayman-islands")}),
        ("a central bank is a regulator, and so may be a regulator's partner",
         "The Tern Authority has formed a partnership with Corvid's central bank, the Corvid "
         "Reserve.",
         {("tern-authority", "PARTNERS_WITH", "corvid-reserve")}),
    ],
)
def test_round15_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a place after "from" is where a person comes from, not a firm
        ("Mira Osei, a director from Singapore, said so.",
         ("mira-osei", "HOLDS_ROLE", "singapore")),
        # one of the largest deals of a firm is no title
        ("The deal, one of the largest of Tallis Labs, closed.",
         ("the-deal", "HOLDS_ROLE", "tallis-labs")),
        # an exchange a firm's shares are listed on is no unit of it
        ("The news sent Tallis Group's Nasdaq-listed shares 10% higher.",
         ("nasdaq", "SUBSIDIARY_OF", "tallis-group")),
        # a department before "at" and the firm is no firm
        ("Mira Osei, Head of Consumer, Private and Business Banking at Tallis Bank, said so.",
         ("mira-osei", "HOLDS_ROLE", "business-banking")),
        # a place's team is no firm
        ("The Hong Kong team was led by Mira Osei.", ("mira-osei", "HOLDS_ROLE", "hong-kong")),
        # incorporated at a date is no place
        ("Tallis Labs was incorporated in December 2024.",
         ("tallis-labs", "LOCATED_IN", "december")),
        # a list of a person and two firms names no firm of hers
        ("The deal was signed by Mira Osei, Tallis Labs and Quill Bank.",
         ("mira-osei", "HOLDS_ROLE", "tallis-labs")),
        # neither ... nor: no one joined
        ("Neither Orlen Capital nor Drayton Quant has joined the Tern Alliance.",
         ("orlen-capital", "MEMBER_OF", "tern-alliance")),
        # what a firm should do is not done
        ("Some lawmakers argued that Mira Osei should chair the Tern Council.",
         ("mira-osei", "CHAIRS", "tern-council")),
        # a candidate for a post does not hold it
        ("Mira Osei is a candidate to run Tallis Labs.",
         ("mira-osei", "HOLDS_ROLE", "tallis-labs")),
        # a venture discussed is not formed
        ("Tallis Labs and Quill Bank have discussed forming a joint venture.",
         ("quill-bank", "PARTNERS_WITH", "tallis-labs")),
        # a purchase a regulator approved is not the regulator's
        ("The HKMA approved the purchase of a 20% stake in Quill Pay by Tallis Labs.",
         ("hkma", "OWNS", "quill-pay")),
        # an outlet that reports a round raised nothing
        ("The round was led by Halden Capital, Reuters said.",
         ("halden-capital", "OWNS", "reuters")),
        # firms a regulator warned about are not licensed by it
        ("The exchanges named by the SFC in its warning are Quillon Exchange and Calloway "
         "Exchange.", ("quillon-exchange", "LICENSED_BY", "sfc")),
        # a threat "to" a firm is no post there
        ("Mira Osei, a threat to Quarrow Bank, left.", ("mira-osei", "HOLDS_ROLE", "quarrow-bank")),
        # shareholders a firm counts among its owners are no members of it
        ("Tallis Labs counts Quill Capital and Orbis Ventures among its shareholders.",
         ("quill-capital", "MEMBER_OF", "tallis-labs")),
        # a licence sought or revoked is not held
        ("Tessaly Digital is seeking an SFC licence.", ("tessaly-digital", "LICENSED_BY", "sfc")),
        ("The SFC revoked Tessaly Digital's licence.", ("tessaly-digital", "LICENSED_BY", "sfc")),
        # a round only talked of has no investors yet
        ("Tessaly Digital is in talks to raise a round led by Halden Capital.",
         ("halden-capital", "OWNS", "tessaly-digital")),
        # a place after "from" is where a person comes from
        ("Mira Osei from Singapore said so.", ("mira-osei", "HOLDS_ROLE", "singapore")),
        # "A, title of X, and the title of Y": a second person
        ("Mira Osei, CTO of Tallis Labs, and the CEO of Quill Pay said they would cooperate.",
         ("mira-osei", "HOLDS_ROLE", "quill-pay")),
        # a meeting held at a bank keeps nothing there
        ("The meeting was held at Cindral Bank.", ("cindral-bank", "CUSTODIAN_OF", "meeting")),
        # a sale agreement is no partnership
        ("A sale agreement was signed between Tallis Labs and Quill Bank.",
         ("quill-bank", "PARTNERS_WITH", "tallis-labs")),
        # a round expected to close has no investors yet
        ("A Series B led by Halden Capital is expected to close next month, Tessaly Digital "
         "said.", ("halden-capital", "OWNS", "tessaly-digital")),
        # a licence revoked is not held
        ("Elmfield Exchange, whose SFC licence was revoked in May, said it would appeal.",
         ("elmfield-exchange", "LICENSED_BY", "sfc")),
        # a rival custody provider keeps nothing for the firm
        ("Orlen Trust, a rival custody provider to Tessaly Digital, passed its audit.",
         ("orlen-trust", "CUSTODIAN_OF", "tessaly-digital")),
        # who appoints holds no post
        ("Financial Secretary Paul Tam announced that he has reappointed Eddie Yue as Chief "
         "Executive of the Hong Kong Monetary Authority.", ("paul-tam", "HOLDS_ROLE", "hkma")),
        # talks with a person at the helm are no firm
        ("The talks, with Jonah Reyes at the helm, stalled.",
         ("jonah-reyes", "HOLDS_ROLE", "talks")),
        # a sale denied is no purchase
        ("Nettlebed Digital did not sell Quillon Exchange to Rendle Capital.",
         ("rendle-capital", "ACQUIRED", "quillon-exchange")),
        # a singular title names only the person right after it
        ("Tessaly Digital co-founder Mira Osei and Jonah Reyes met.",
         ("tessaly-digital", "FOUNDED_BY", "jonah-reyes")),
        # a token owned by its holders is run by no one
        ("The Quill token, which is owned by Corvid Labs' clients, rose.",
         ("corvid-labs", "OPERATES", "quill-token")),
    ],
)
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


@pytest.mark.parametrize(("text", "name"), [
    # particles of Portuguese and Spanish names join a body's name
    ("Mira Osei, Governor of the Banco Central do Tern, spoke.", "banco-central-do-tern"),
])
def test_names_of_round_15(extractor, text, name):
    assert name in {e.id for e in extractor.run(document(text)).entities}


def test_an_english_given_name_after_an_official_name_is_no_entity(extractor):
    """"Mr OSEI Wai Keung, Mira," (an official release's style): "Mira" is his English
    name, not a firm."""
    batch = extractor.run(document("Mr OSEI Wai Keung, Mira, the HKMA's Chief Fintech Officer, "
                                   "spoke."))
    assert {e.id for e in batch.entities} == {"osei-wai-keung", "hkma"}


def test_a_plural_opening_word_described_as_a_group_of_things_is_no_name(extractor):
    """"Custodians, a group of firms": a class of things, not a firm's name."""
    assert not extractor.run(document("Custodians, a group of firms, met.")).entities


def test_a_registry_name_s_group_ending_and_legal_form_name_no_one(extractor):
    """"HSBC Holdings Plc": the words after the registry name are its forms, no firm."""
    batch = extractor.run(document("HSBC Holdings Plc rolled out a tokenised deposit service."))
    assert "holdings" not in {e.id for e in batch.entities}


def test_the_registry_s_own_body_keeps_its_place_after_of(extractor):
    """"of Hong Kong" after a registry name is the registry's own jurisdiction."""
    batch = extractor.run(document("The Securities and Futures Commission of Hong Kong said so."))
    assert "sfc" in {e.id for e in batch.entities}


@pytest.mark.parametrize(("text", "name"), [
    ("Tallis Labs on Tuesday said it would list.", "tallis-labs"),
    ("The Tern Forum on Friday opened.", "tern-forum"),
])
def test_a_day_after_on_is_no_part_of_a_name(extractor, text, name):
    assert {e.id for e in extractor.run(document(text)).entities} == {name}


def test_honours_and_the_hon_name_no_one(extractor):
    """"The Hon Chan Pui-ling", "Mr Chan Wai-kit, SBS, JP": a title and honours, no names."""
    batch = extractor.run(document(
        "The Hon Chan Pui-ling met Mr Chan Wai-kit, SBS, JP, in the Tern Council."))
    assert {"chan-pui-ling", "chan-wai-kit"} <= {e.id for e in batch.entities}
    assert not {"sbs", "jp", "hon-chan-pui-ling"} & {e.id for e in batch.entities}


def test_a_registry_person_with_a_chinese_given_name_is_that_person(extractor):
    """"John Lee Ka-chiu" is the registry's "John Lee" (their Chinese given name added), and
    a registry person's other name after a title ("Chief Executive Li Jiachao") stays theirs."""
    batch = extractor.run(document(
        "Chief Executive John Lee Ka-chiu spoke. Chief Executive Li Jiachao left."))
    assert {e.id for e in batch.entities if e.kind == "Person"} == {"john-lee"}


def test_a_short_name_is_the_group_not_the_registry_unit(extractor):
    """A short name the text gives in full as a group ("First Digital" after "First Digital
    Group") stays the group beside a registry firm whose name it also begins (the registry's
    First Digital Trust)."""
    batch = extractor.run(document(
        "First Digital Group launched a coin. It will be issued by First Digital Trust, a "
        "trust company owned by First Digital. Jane Doe, CEO of First Digital, said so."))
    got = {(r.source, r.type, r.target) for r in batch.relations}
    assert ("jane-doe", "HOLDS_ROLE", "first-digital-group") in got
    assert ("jane-doe", "HOLDS_ROLE", "first-digital-trust") not in got
