"""Names in ordinary news constructions: lists of two names, a short form of a name given in
full earlier, people whose surname is a common word, organisation words, departments,
ranks, tickers and years."""

import pytest

from tests.extract_support import document


def entities(extractor, text):
    return {e.id: e.kind for e in extractor.run(document(text)).entities}


def test_a_name_after_a_legal_form_and_and_is_a_second_name(extractor):
    found = entities(extractor, "The custody arm was sold to Kestrel Digital Asset Holdings "
                                "and Varn last year.")
    assert "varn" in found
    assert not any("and" in i.split("-") for i in found)


def test_a_name_after_an_exchange_and_and_is_a_second_name(extractor):
    found = entities(extractor, "Shares of the firm trade on the Orlan Stock Exchange and "
                                "Tevo, the rival venue.")
    assert {"orlan-stock-exchange", "tevo"} <= set(found)


def test_an_organisation_word_after_and_stays_in_the_name(extractor):
    found = entities(extractor, "Shares of Kestrel Exchanges and Clearing rose on Monday.")
    assert "kestrel-exchanges-and-clearing" in found


def test_a_first_word_later_is_the_name_given_in_full_before(extractor):
    found = entities(extractor, "Orvane Custody opened an office in Paris. Orvane's chief "
                                "executive said the firm would hire. London-based Orvane "
                                "has 40 staff.")
    assert found["orvane-custody"] == "Company"
    assert "orvane" not in found


def test_a_first_word_shared_by_two_earlier_names_stays_its_own(extractor):
    found = entities(extractor, "Orvane Custody and Orvane Markets opened offices in Paris. "
                                "Later, Orvane said it would hire.")
    assert {"orvane-custody", "orvane-markets"} <= set(found)


def test_a_custody_firm_is_no_person(extractor):
    found = entities(extractor, "Pellow Custody, the custodian backed by a bank, raised "
                                "money.")
    assert found.get("pellow-custody") == "Company"


def test_a_surname_that_is_a_common_word_before_a_role(extractor):
    found = entities(extractor, "Tran Do, co-chief operating officer of Orvane, said the "
                                "firm would grow.")
    assert found["tran-do"] == "Person"
    assert "tran" not in found


def test_a_person_before_an_organisation_s_title_is_a_person(extractor):
    found = entities(extractor, "Rhea Lam joined the panel with Ivo So, Tarsin's Group Head "
                                "of Emerging Business and FIC, on Monday.")
    assert found["ivo-so"] == "Person"
    assert "emerging-business" not in found and "fic" not in found


def test_a_rank_before_a_name_is_no_part_of_it(extractor):
    found = entities(extractor, "Senior Superintendent Kira Mok of the police said the scam "
                                "was large.")
    assert found.get("kira-mok") == "Person"


def test_a_ticker_and_a_year_are_no_names(extractor):
    found = entities(extractor, "Shares of Orvane Group trade under the ticker KWRT. In 2023 "
                                "the firm grew.")
    assert set(found) == {"orvane-group"}


def test_a_registry_name_inside_a_fund_s_name_gives_way(extractor):
    found = entities(extractor, "The Varn HashKey Solana ETF started trading on Monday.")
    assert found.get("varn-hashkey-solana-etf") == "Product"
    assert "varn" not in found


def test_a_first_word_described_in_apposition_is_a_name(extractor):
    found = entities(extractor, "Lumora, the technology hub wholly owned by the government, "
                                "will run a pilot scheme.")
    assert "lumora" in found
    assert entities(extractor, "Growth, the main worry of the bank, slowed.") == {}


def test_a_version_is_part_of_a_name_and_a_title_s_subject_is_none(extractor):
    found = entities(extractor, "The council released its Policy Statement 3.0 on the "
                                "Regulation of Digital Tokens, its third.")
    assert found == {"policy-statement-3-0": "Initiative"}
    found = entities(extractor, "The Orvane Forum on the Future of Payments met in Paris.")
    assert "future" not in found and "payments" not in found


def test_a_hyphenated_given_name_is_whole(extractor):
    found = entities(extractor, "Chan Tai-man, a director of Orvane Bank, resigned. Senior "
                                "Superintendent Kira Mok Lai-wan of the police said little.")
    assert found.get("chan-tai-man") == "Person"
    assert found.get("kira-mok-lai-wan") == "Person"
    assert "hong-kong" in entities(extractor, "The Hong Kong-born Orvane Bank grew.")


def test_a_name_after_a_noun_for_a_firm_is_that_firm(extractor):
    found = entities(extractor, "Gloria Tan, a partner at law firm Birchwells, told a "
                                "magazine that the plan worked.")
    assert "birchwells" in found


def test_a_place_and_an_asset_are_no_name(extractor):
    found = entities(extractor, "Analysts expect US Solana funds and Hong Kong Bitcoin ETFs "
                                "to draw money.")
    assert not any("solana" in i or "bitcoin" in i for i in found)


def test_an_abbreviation_inside_an_event_s_name_keeps_it_whole(extractor):
    found = entities(extractor, "Founders who gathered at the Future of Ledgers (FOL) Summit "
                                "Paris 2024 were calm.")
    assert found == {"future-of-ledgers-fol-summit-paris-2024": "Event"}
    found = entities(extractor, "Orvane Bank (OB) Chief Executive Jane Tam spoke.")
    assert {"orvane-bank", "jane-tam"} <= set(found)


def test_a_firm_after_a_title_is_no_department(extractor):
    found = entities(extractor, "Speakers included Alena Yusova, managing director of Bright "
                                "Orbit Strategy; Cindy Tan, head of Product Development at "
                                "Gobi Harbour Partners.")
    assert "bright-orbit-strategy" in found
    assert "product-development" not in found


def test_a_place_may_go_on_a_registry_name_s_longer_name(extractor):
    found = entities(extractor, "Tokens can be bought through the HSBC HK Wallet App.")
    assert found.get("hsbc-hk-wallet-app") == "Product"


def test_a_family_firm_keeps_its_founder_s_possessive(extractor):
    found = entities(extractor, "Lucas Tam, who chairs Tam's Group, said he was bullish.")
    assert found.get("tam-s-group") == "Company"
    found = entities(extractor, "Orvane's Group Chief Executive left on Monday.")
    assert "orvane" in found and not any("group" in i for i in found)


def test_people_in_a_panel_list_and_after_said_keep_common_word_surnames(extractor):
    found = entities(extractor, "Panellists were Rhea Lam, chairman of Orvane Capital; Tim "
                                "Long, managing director of Birch Harbour; and Ada Young, "
                                "founder of Kestrel Labs.")
    assert {found.get(p) for p in ("rhea-lam", "tim-long", "ada-young")} == {"Person"}
    found = entities(extractor, "\"The market is deep,\" said Ivo So, Tarsin's head of "
                                "markets.")
    assert found.get("ivo-so") == "Person"


def test_a_bracketed_place_is_part_of_a_legal_name(extractor):
    source = document("Shares of Orvane Securities Brokerage (HK) rose. Orvane Bank (OB) "
                      "said no.")
    names = {e.id: e.name for e in extractor.run(source).entities}
    assert names["orvane-securities-brokerage-hk"] == "Orvane Securities Brokerage (HK)"
    assert names["orvane-bank"] == "Orvane Bank"
    found = entities(extractor, "Regulators named JD Coinlink Technology (Hong Kong) Limited "
                                "and Orvane Pay as testers.")
    assert "jd-coinlink" in found and "orvane-pay" in found
    assert [i for i, kind in found.items() if kind == "Regulator"] == []


@pytest.mark.parametrize("text", [
    "Pell Varga, a former regulator, joined the exchange in May.",
    "At the summit Pell Varga said the market would grow.",
    "Pell Varga, a veteran lender, said the bank would grow.",
])
def test_a_person_described_by_an_organisation_s_noun_is_still_a_person(extractor, text):
    assert entities(extractor, text).get("pell-varga") == "Person"


def test_a_registry_firm_s_name_with_one_more_word_is_no_person(extractor):
    found = entities(extractor, "Alibaba Cloud signed a deal with HashKey.")
    assert found.get("alibaba-cloud") == "Company"


@pytest.mark.parametrize("text", [
    "Custodians, the firms that hold client assets, must keep records.",
    "Investors, the largest group of users, bought bitcoin.",
])
def test_a_plural_at_the_start_described_in_apposition_is_a_class_not_a_name(extractor, text):
    assert entities(extractor, text) == {}
