"""Constructions found missing on held-out reporting and invented construction sentences
(round 9). One sentence of our own for each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a relative clause about every item of a list: 'both of which'",
         "Quorra Labs and Brindle Pay, both of which took part in the Harbour Sandbox, plan "
         "to apply.",
         {("quorra-labs", "MEMBER_OF", "harbour-sandbox"),
          ("brindle-pay", "MEMBER_OF", "harbour-sandbox")}),
        ("a phase of a scheme stands for the scheme",
         "Tamsin Bank, Corran Bank and Ledra Bank took part in the first phase of the "
         "Harbour Pilot.",
         {("tamsin-bank", "MEMBER_OF", "harbour-pilot"),
          ("corran-bank", "MEMBER_OF", "harbour-pilot"),
          ("ledra-bank", "MEMBER_OF", "harbour-pilot")}),
        ("a firm's own coin, named in apposition, is a coin it issues",
         "Quorra Labs launched its own coin, LUMA, on Monday.",
         {("quorra-labs", "ISSUES", "luma")}),
        ("a two-word name described as a subsidiary is a firm's, whatever the NER says",
         "Brindle Coinlink is a subsidiary of Brindle Technology.",
         {("brindle-coinlink", "SUBSIDIARY_OF", "brindle-technology")}),
        ("an apposition the parse reads as an adverb of the verb",
         "HKlumen, the exchange run by Harbour Digital Asset Ltd, was founded in 2019.",
         {("harbour-digital-asset", "OPERATES", "hklumen")}),
        ("a plural title spelled out by a list in apposition",
         "Dunmore Pay's founders, Isabel Chow and Samuel Okafor, met in 2016.",
         {("dunmore-pay", "FOUNDED_BY", "isabel-chow"),
          ("dunmore-pay", "FOUNDED_BY", "samuel-okafor")}),
        ("a relative clause whose verb is a 'co-' word",
         "Quorra Exchange, which Tobias Wren and Hana Kimura co-founded in 2018, said it had "
         "500,000 users.",
         {("quorra-exchange", "FOUNDED_BY", "tobias-wren"),
          ("quorra-exchange", "FOUNDED_BY", "hana-kimura")}),
        ("a 'co-' title after a firm's name, in apposition",
         "Hana Kimura, the Quorra Exchange co-founder, said it was hard.",
         {("quorra-exchange", "FOUNDED_BY", "hana-kimura")}),
        ("a 'co-' verb between two names, in a sentence in which every other word is a name's",
         "Arthur Pennick co-founded Corvid Exchange.",
         {("corvid-exchange", "FOUNDED_BY", "arthur-pennick")}),
        ("a plural the participle 'SFC-licensed' describes, of which the firm is one",
         "Merrow Exchange is one of eleven SFC-licensed trading platforms.",
         {("merrow-exchange", "LICENSED_BY", "sfc")}),
        ("hired by a firm as its officer (passive)",
         "Rosa Delgado has been hired by Haverin Exchange as general counsel, the exchange "
         "said.",
         {("rosa-delgado", "HOLDS_ROLE", "haverin-exchange")}),
        ("promoted to a title of a firm",
         "Cecilia Mok was promoted to chief executive of Selwyn Digital in January.",
         {("cecilia-mok", "HOLDS_ROLE", "selwyn-digital")}),
        ("a round's other investors after 'with participation from'",
         "Wrenfield Labs said it had raised US$25 million in a Series B round led by "
         "Brackwater Capital, with participation from Aldery Ventures and Orlo Capital.",
         {("brackwater-capital", "OWNS", "wrenfield-labs"),
          ("aldery-ventures", "OWNS", "wrenfield-labs"),
          ("orlo-capital", "OWNS", "wrenfield-labs")}),
        ("'with participation from' after a round named in the sentence before",
         "Quorra Pay raised $5 million. The round was led by Brackwater Capital, with "
         "participation from Aldery Ventures.",
         {("aldery-ventures", "OWNS", "quorra-pay")}),
        ("a joint venture formed with a partner",
         "Solvey Exchange has formed a joint venture with Ottoline Bank.",
         {("solvey-exchange", "PARTNERS_WITH", "ottoline-bank")}),
        ("a firm's tie-up with a partner, as a subject",
         "Brisa Pay's tie-up with Varrick Bank, announced in March, lets merchants settle "
         "invoices.",
         {("brisa-pay", "PARTNERS_WITH", "varrick-bank")}),
        ("a memorandum two firms announced",
         "Quorra Labs and Tamsin Bank announced a memorandum of understanding.",
         {("quorra-labs", "PARTNERS_WITH", "tamsin-bank")}),
        ("a title of a firm after 'according to' a person",
         "According to Felix Yau, Wrenfield Labs' chief scientist, the protocol is fast.",
         {("felix-yau", "HOLDS_ROLE", "wrenfield-labs")}),
        ("a firm's licence, issued by a regulator",
         "Pemberly Trust's licence, issued by the SFC in 2023, covers custody.",
         {("pemberly-trust", "LICENSED_BY", "sfc")}),
        ("firms among those selected for a scheme",
         "Quorra Labs and Brindle Pay were among the firms selected for the Harbour Sandbox.",
         {("quorra-labs", "MEMBER_OF", "harbour-sandbox"),
          ("brindle-pay", "MEMBER_OF", "harbour-sandbox")}),
        ("accepted into a scheme",
         "Quorra Labs was accepted into the Harbour Sandbox last month.",
         {("quorra-labs", "MEMBER_OF", "harbour-sandbox")}),
        ("shareholders listed after the verb, the 'among' phrase first",
         "Among Haverin Exchange's shareholders are Brackwater Capital and Orlo Capital.",
         {("brackwater-capital", "OWNS", "haverin-exchange"),
          ("orlo-capital", "OWNS", "haverin-exchange")}),
        ("the biggest investor in a firm",
         "Quillane Ventures is the biggest outside investor in Lintel Pay.",
         {("quillane-ventures", "OWNS", "lintel-pay")}),
        ("owning a part of a firm",
         "Orlo Capital owns just under a fifth of Tarn Digital.",
         {("orlo-capital", "OWNS", "tarn-digital")}),
        ("holding a share of a firm's shares, in a relative clause",
         "Hana Kimura, who holds about 22% of Quorra Exchange's shares, said she would not "
         "sell.",
         {("hana-kimura", "OWNS", "quorra-exchange")}),
        ("raising a holding in a firm",
         "Pellam Capital increased its holding in Nimbral Pay to 35 per cent.",
         {("pellam-capital", "OWNS", "nimbral-pay")}),
        ("founding members listed after the verb, the 'among' phrase first",
         "Among the founding members of the Harbour Fintech Alliance, which was launched in "
         "March, are Quorra Exchange and Selwyn Digital.",
         {("quorra-exchange", "MEMBER_OF", "harbour-fintech-alliance"),
          ("selwyn-digital", "MEMBER_OF", "harbour-fintech-alliance")}),
        ("firms that signed up to a scheme",
         "Both Corran Bank and Keswick Exchange signed up to the Tokenised Deposit Pilot when "
         "it opened for applications in January, the two firms said.",
         {("corran-bank", "MEMBER_OF", "tokenised-deposit-pilot"),
          ("keswick-exchange", "MEMBER_OF", "tokenised-deposit-pilot")}),
        ("the plural a list of firms is, with what it did in an infinitive",
         "Quorra Exchange and Haverin Exchange were the only two platforms to take part in "
         "the first round of Project Ensemble, the HKMA said.",
         {("quorra-exchange", "MEMBER_OF", "project-ensemble"),
          ("haverin-exchange", "MEMBER_OF", "project-ensemble")}),
        ("members listed after 'including' on the noun of an 'among' phrase",
         "The Harbour Fintech Alliance counts 40 companies among its members, including "
         "Quorra Group and Tamsin Bank.",
         {("quorra-group", "MEMBER_OF", "harbour-fintech-alliance"),
          ("tamsin-bank", "MEMBER_OF", "harbour-fintech-alliance")}),
        ("a company held by a person",
         "Shares of Yunlan Financial, a company indirectly held by Marcus Tan, surged 21 per "
         "cent.",
         {("marcus-tan", "OWNS", "yunlan-financial")}),
        ("a co-chairman titled before the name",
         "Quorra Labs co-chairman Mara Ellison said the firm would grow.",
         {("mara-ellison", "CHAIRS", "quorra-labs")}),
        ("a co-owner of a firm", "Orlo Capital is a co-owner of Quorra Labs.",
         {("orlo-capital", "OWNS", "quorra-labs")}),
        ("a firm co-owned by two others",
         "Quorra Labs, co-owned by Orlo Capital and Pellam Capital, grew.",
         {("orlo-capital", "OWNS", "quorra-labs"), ("pellam-capital", "OWNS", "quorra-labs")}),
        ("two titled people in one apposed list",
         "Vessen Technologies' president, Ingrid Solberg, and its head of product, Ravi "
         "Menon, presented the roadmap.",
         {("ingrid-solberg", "HOLDS_ROLE", "vessen-technologies"),
          ("ravi-menon", "HOLDS_ROLE", "vessen-technologies")}),
        ("a tie-up announced with a partner",
         "Quorra Labs announced a tie-up with Tamsin Bank on Monday.",
         {("quorra-labs", "PARTNERS_WITH", "tamsin-bank")}),
        ("a tie-up between two firms",
         "The tie-up between Quorra Labs and Tamsin Bank will start in May.",
         {("quorra-labs", "PARTNERS_WITH", "tamsin-bank")}),
        ("a firm's licence from a regulator",
         "Pemberly Trust's licence from the SFC covers custody.",
         {("pemberly-trust", "LICENSED_BY", "sfc")}),
        ("a firm promoting someone to a title",
         "Selwyn Digital promoted Jane Doe to chief executive in January.",
         {("jane-doe", "HOLDS_ROLE", "selwyn-digital")}),
        ("taking the stage at an event",
         "Priya Raman took the stage at the Victoria Harbour Web3 Forum on Thursday.",
         {("priya-raman", "SPOKE_AT", "victoria-harbour-web3-forum")}),
        ("a name described as 'a token' (tagged an adjective) is a product",
         "Tamsin Bank will issue TUSD, a token, next year.",
         {("tamsin-bank", "ISSUES", "tusd")}),
        ("a name described as a tokenised bond, issued by a bank",
         "The Harbour Digital Note, a two-year tokenised bond, was issued by Corran Bank on "
         "Tuesday.",
         {("corran-bank", "ISSUES", "harbour-digital-note")}),
        ("accounts opened for a part of a plural, listed after 'including'",
         "Corran Bank has become the first local lender to open accounts for all eleven of "
         "the city's licensed crypto exchanges, including Quorra Exchange and Keswick "
         "Exchange, the bank said on Monday.",
         {("corran-bank", "PROVIDES_BANKING_TO", "quorra-exchange"),
          ("corran-bank", "PROVIDES_BANKING_TO", "keswick-exchange")}),
        ("a bank that counts firms among its clients",
         "Varrick Bank, which counts Nimbral Pay, Lintel Pay and Dunmore Pay among its "
         "corporate clients, is the biggest banker to the city's stablecoin hopefuls.",
         {("varrick-bank", "PROVIDES_BANKING_TO", "nimbral-pay"),
          ("varrick-bank", "PROVIDES_BANKING_TO", "lintel-pay"),
          ("varrick-bank", "PROVIDES_BANKING_TO", "dunmore-pay")}),
        ("a fund that will use a firm as its custodian",
         "The Brackwater Bitcoin ETF, which begins trading on Tuesday, will use Ferrand "
         "Custody as custodian for its holdings.",
         {("ferrand-custody", "CUSTODIAN_OF", "brackwater-bitcoin-etf")}),
        ("taking over a firm", "Aldery Ventures will take over Gannet Exchange and its 200 "
         "staff.", {("aldery-ventures", "ACQUIRED", "gannet-exchange")}),
        ("a firm snapped up by another",
         "Keswick Exchange was snapped up by Dravenhall Group in 2024.",
         {("dravenhall-group", "ACQUIRED", "keswick-exchange")}),
        ("a firm that must comply with a law",
         "Quorra Labs must comply with the Stablecoins Ordinance from August.",
         {("stablecoins-ordinance", "APPLIES_TO", "quorra-labs")}),
        ("a firm that relocated to a place",
         "The start-up Quorra Labs relocated to Hong Kong in 2023.",
         {("quorra-labs", "LOCATED_IN", "hong-kong")}),
        ("a firm that moved its headquarters",
         "Quorra Labs moved its headquarters to Singapore.",
         {("quorra-labs", "LOCATED_IN", "singapore")}),
        ("a name issued by a bank is a product, however the model took it",
         "TUSD was issued by Tamsin Bank in May.",
         {("tamsin-bank", "ISSUES", "tusd")}),
        ("a description set off by spaced hyphens used as dashes",
         "Keswick Exchange - licensed by the SFC since 2023 - said its user base had doubled.",
         {("keswick-exchange", "LICENSED_BY", "sfc")}),
        ("a list set off by spaced hyphens",
         "Three issuers - Tamsin Bank, Brisa Pay and Lintel Pay - received licences from the "
         "HKMA.",
         {("tamsin-bank", "LICENSED_BY", "hkma"), ("brisa-pay", "LICENSED_BY", "hkma"),
          ("lintel-pay", "LICENSED_BY", "hkma")}),
        ("backers listed in a relative clause",
         "Brisa Pay - whose backers include Quillane Ventures and Corran Bank - processed "
         "HK$3 billion in payments.",
         {("quillane-ventures", "OWNS", "brisa-pay"), ("corran-bank", "OWNS", "brisa-pay")}),
        ("members listed after 'including', the 'among' phrase hung on a participle",
         "The Harbour Fintech Alliance counts 40 companies listed in the city among its "
         "members, including Quorra Group and Tamsin Bank.",
         {("quorra-group", "MEMBER_OF", "harbour-fintech-alliance"),
          ("tamsin-bank", "MEMBER_OF", "harbour-fintech-alliance")}),
    ],
)
def test_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    "text",
    ["Quorra Labs and Brindle Pay, neither of which took part in the Harbour Sandbox, plan "
     "to apply.",
     "Quorra Labs and Brindle Pay, one of which took part in the Harbour Sandbox, plan to "
     "apply."],
)
def test_a_list_only_partly_described_takes_no_relation(extractor, text):
    assert not {t for t in triples(extractor, text) if t[1] == "MEMBER_OF"}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [("Quorra Labs reached an agreement with its creditors.", "PARTNERS_WITH"),
     ("Quorra Pay signed a deal with Tamsin Bank, with participation from Orlo Capital.",
      "OWNS"),
     ("Orlo Capital owns a fifth of the market, Tarn Digital said.", "OWNS"),
     ("Quorra Labs was picked for the award by Tamsin Bank.", "MEMBER_OF"),
     ("Quorra Exchange signed up to a deal with Tamsin Bank.", "MEMBER_OF"),
     ("The Harbour Summit was held by Tamsin Bank in May.", "OWNS"),
     ("The reserves of Quorra Pay are held by Tamsin Bank.", "OWNS"),
     ("Tamsin Bank's Hong Kong arm, Quorra Labs and Orlo Capital are partners in Harbourgate "
      "Digital.", "SUBSIDIARY_OF"),
     ("Mara Ellison was named by Haverin Exchange as a defendant.", "HOLDS_ROLE"),
     ("Pemberly Trust's licence, revoked by the SFC in 2024, covered custody.", "LICENSED_BY"),
     ("Quorra Labs was shortlisted for the Harbour Sandbox.", "MEMBER_OF"),
     ("Pellam Capital boosted interest in Nimbral Pay.", "OWNS"),
     ("Rupert Vale, a Tamsin Bank affiliate, was arrested.", "SUBSIDIARY_OF"),
     ("The talks between Quorra Labs and Tamsin Bank collapsed.", "PARTNERS_WITH"),
     ("Tamsin Bank will take over the role from Quorra Labs.", "ACQUIRED"),
     ("Tamsin Bank took up the offer from Quorra Labs.", "ACQUIRED"),
     ("Quorra Labs moved staff to Singapore.", "LOCATED_IN")],
)
def test_no_false_relation(extractor, text, wrong):
    assert not {t for t in triples(extractor, text) if t[1] == wrong}


def test_a_company_director_is_still_a_person(extractor):
    batch = extractor.run(document("Jane Doe, a company director, said the bank would grow."))
    assert {e.id: e.kind for e in batch.entities}["jane-doe"] == "Person"


def test_an_apposed_description_gives_the_kind_where_the_parse_misplaced_it(extractor):
    batch = extractor.run(document(
        "HKlumen, the exchange run by Harbour Digital Asset Ltd, was founded in 2019."))
    assert {e.id: e.kind for e in batch.entities}["hklumen"] == "TradingPlatform"


@pytest.mark.parametrize(
    "text",
    ["Quorra Labs denied a report that it had joined the Harbour Fintech Alliance.",
     "Quorra Labs denied that it had joined the Harbour Fintech Alliance.",
     "The proposed joint venture between Tamsin Bank and Orlo Capital was scrapped in May.",
     "Quorra Exchange, which claimed to be licensed, held no licence from the SFC.",
     "Tamsin Bank holds no stake in Quorra Labs.",
     "Brisa Pay's rumoured tie-up with Varrick Bank was denied by both firms.",
     "Quorra Labs said it did not comply with the Stablecoins Ordinance."],
)
def test_a_denied_relation_is_none(extractor, text):
    assert not triples(extractor, text)


def test_a_confirmed_report_is_a_relation(extractor):
    text = "Quorra Labs confirmed a report that it had joined the Harbour Fintech Alliance."
    assert ("quorra-labs", "MEMBER_OF", "harbour-fintech-alliance") in triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [("She co-founded the firm and co-led its round.", ["co-found", "co-lead"]),
     ("The forum, co-hosted by two banks, was co-organised in May.",
      ["co-host", "co-organise"])],
)
def test_co_words_are_one_token_with_their_verb_s_lemma(extractor, text, lemmas):
    doc = extractor.nlp(text)
    assert [t.lemma_ for t in doc if t.lower_.startswith("co-")] == lemmas


def test_a_firm_issued_something_is_still_a_firm(extractor):
    batch = extractor.run(document("Tamsin Bank issued Quorra Labs a warning."))
    assert {e.id: e.kind for e in batch.entities}["quorra-labs"] == "Company"


def test_evidence_quotes_a_spaced_hyphen_as_written(extractor):
    text = "Keswick Exchange - licensed by the SFC since 2023 - said its user base had doubled."
    [relation] = extractor.run(document(text)).relations
    [evidence] = relation.evidence
    assert evidence.sentence == text
    assert text[evidence.start:evidence.end] == text


def test_backers_that_are_not_named_are_no_relation(extractor):
    text = "Quorra Labs, whose investors include two former bankers, raised funds."
    assert not triples(extractor, text)


def test_no_break_spaces_are_spaces_and_evidence_keeps_them(extractor):
    text = "The Hong\u00a0Kong Monetary Authority licensed Quorra\u00a0Labs on Monday."
    batch = extractor.run(document(text))
    assert {e.name for e in batch.entities} == {"Hong Kong Monetary Authority", "Quorra Labs"}
    [relation] = batch.relations
    assert (relation.source, relation.type, relation.target) == (
        "quorra-labs", "LICENSED_BY", "hkma")
    assert relation.evidence[0].sentence == text
