"""Discovered names: titles, roles, lists, headings and outlets are not names; one entity per
organisation however its legal form is written; registry entities keep their registry names."""

import datetime as dt
from pathlib import Path

import pytest

from hkweb3.data import REGISTRY_DIR
from hkweb3.graph.models import Entity
from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.names import canonical, clean_words, kind_of
from hkweb3.loaders.readers import SourceDocument
from hkweb3.loaders.registry import read_registry


def entities(extractor, text, outlet=None):
    source = SourceDocument(id="doc", path=Path("doc.md"), text=text, title="t",
                            published=dt.date(2025, 3, 1), outlet=outlet)
    return {e.id: e for e in extractor.run(source).entities}


@pytest.mark.parametrize(
    ("words", "name"),
    [
        (["Professor", "Mara", "Quill"], ["Mara", "Quill"]),
        (["Investor", "Mara", "Quill"], ["Mara", "Quill"]),
        (["Chief", "Executive", "Mara", "Quill"], ["Mara", "Quill"]),
        (["CEO", "of", "Tidewater", "Group"], ["Tidewater", "Group"]),
        (["Financial", "Services", "Bureau"], ["Financial", "Services", "Bureau"]),
        (["Secretary", "for", "Trade", "and", "Industry"], None),
        (["Chairman", "and", "CEO"], None),
        (["Group", "Chief", "Executive"], None),
        (["HKD6"], None),
        (["Treasury"], None),
        (["Tide", "Pilot", "Programme", "Phase"], ["Tide", "Pilot", "Programme"]),
        (["W3ZA"], ["W3ZA"]),
        (["June", "3"], None),
        (["Lumen", "Web3", "wallet"], ["Lumen", "Web3", "wallet"]),
        (["crypto", "exchange", "Lumen"], ["Lumen"]),
    ],
)
def test_titles_and_roles_are_cut_from_names(words, name):
    found = clean_words(words)
    assert (None if found is None else words[found[0]:found[1]]) == name


def test_legal_forms_share_one_key():
    assert canonical("Kavlo Holdings Limited") == canonical("Kavlo Ltd.") == canonical("Kavlo")


@pytest.mark.parametrize(
    ("name", "label", "kind"),
    [("Harbour Crest Bank", None, "Bank"), ("Lumen Fintech Week 2026", None, "Event"),
     ("Project Tide", None, "Initiative"), ("Tidewater Bitcoin ETF", None, "Product"),
     ("Maritime Administration of Norland", "ORG", "GovernmentBody"),
     ("Chamber of Digital Commerce", None, "Association"),
     ("Harbour Retail Investor Education Centre", None, "Initiative"),
     ("Lumen Convention Centre", None, "Place"),
     ("Singapore", "ORG", "Place"), ("Reuters", "ORG", "MediaOutlet"),
     ("Kavlo HK", "PERSON", "Company"), ("Mara Quill", "PERSON", "Person"),
     ("Northshore-Lumen Delta Area", "ORG", "Place"), ("Port Futures Committee", None,
                                                       "GovernmentBody"),
     ("Norland Wire News Agency", "ORG", "MediaOutlet"), ("Ten-Year Plan", None, "Initiative")],
)
def test_a_name_s_words_decide_its_kind_before_the_ner(name, label, kind):
    assert kind_of(name, label, None) == kind


def test_titles_before_people_are_not_part_of_their_names(extractor):
    found = entities(extractor, "Professor Mara Quill met Investor Tobin Hale in Kowloon.")
    assert {"mara-quill", "tobin-hale"} <= set(found)
    assert not any("professor" in i or "investor" in i for i in found)


def test_a_title_s_portfolio_is_no_organisation(extractor):
    found = entities(extractor, "The Secretary for Commerce and Economic Development, Ada "
                                "Lim, spoke on Friday.")
    assert not any("commerce" in i for i in found)


def test_a_list_is_never_one_name(extractor):
    found = entities(extractor, "Deposits fled Silverline Capital and Signal Bank last year.")
    assert {"silverline-capital", "signal-bank"} <= set(found)
    assert not any("and" in i.split("-") for i in found)


def test_an_organisation_and_its_officer_in_one_run_are_two(extractor):
    found = entities(extractor, "Tidewater Group CEO Omar Velez declined to comment.")
    assert found["tidewater-group"].kind == "Company"
    assert found["omar-velez"].kind == "Person"


def test_legal_forms_of_one_name_are_one_entity(extractor):
    found = entities(extractor, "Kavlo Holdings Limited filed its accounts. Kavlo Ltd said "
                                "profits rose, and Kavlo expects more growth.")
    kavlo = [e for e in found.values() if e.id.startswith("kavlo")]
    assert len(kavlo) == 1
    assert {"Kavlo Holdings Limited", "Kavlo Ltd"} <= {kavlo[0].name, *kavlo[0].aliases}


def test_an_outlet_is_a_media_outlet_not_a_company(extractor):
    found = entities(extractor, "Harbour Ledger Daily learned that Lumen Bank will expand.",
                     outlet="Harbour Ledger Daily")
    assert found["harbour-ledger-daily"].kind == "MediaOutlet"


def test_a_heading_is_not_a_name(extractor):
    found = entities(extractor, "Lenders Return To Crypto As Rules Settle\n\nLumen Bank said "
                                "it would open accounts for exchanges.")
    assert "lumen-bank" in found
    assert not any(i.startswith("lenders") or "rules" in i for i in found)


def test_registry_entities_carry_their_registry_name_aliases_and_kind(extractor):
    registry = {e.id: e for e in read_registry(REGISTRY_DIR).entities}
    za = entities(extractor, "ZA Bank said demand was strong.")["za-bank"]
    assert (za.name, za.kind, za.aliases) == (registry["za-bank"].name,
                                              registry["za-bank"].kind,
                                              registry["za-bank"].aliases)
    assert not za.discovered


def test_a_registry_name_wins_over_the_ner():
    registry = [Entity(id="kestrel", name="Kestrel", kind="TradingPlatform")]
    found = Extractor(registry).run(SourceDocument(
        id="d", path=None, title="t", text="Traders said Kestrel would list more tokens."))
    assert {e.id: e.kind for e in found.entities}["kestrel"] == "TradingPlatform"


def test_a_surname_alone_is_the_person_named_in_full(extractor):
    found = entities(extractor, "Omar Velez joined Kavlo Labs in May. Velez said the firm would "
                                "grow, and Paul Chan agreed. Chan spoke later.")
    assert "velez" not in found and "omar-velez" in found
    assert "chan" not in found and "paul-chan" in found


def test_a_single_word_the_ner_calls_a_person_is_kept_as_a_name(extractor):
    found = entities(extractor, "Lumen Bank worked with Zyntrex and Kavlo on the pilot.")
    assert {"zyntrex", "kavlo"} <= set(found)


def test_a_discovered_name_keeps_its_first_kind_in_later_documents():
    """The store cannot relabel a node: a later document whose words suggest another kind
    for the same id must not fail to load."""
    later = SourceDocument(id="b", path=None, title="t", text="Velez Ward Ltd reported a profit.")
    alone = Extractor(read_registry(REGISTRY_DIR).entities).run(later)
    assert {e.id: e.kind for e in alone.entities}["velez-ward"] == "Company"

    extractor = Extractor(read_registry(REGISTRY_DIR).entities)
    extractor.run(SourceDocument(id="a", path=None, title="t",
                                 text="Velez Ward, chief executive of Lumen Bank, said so."))
    assert {e.id: e.kind for e in extractor.run(later).entities}["velez-ward"] == "Person"


def test_a_name_written_with_a_digit_is_no_amount(extractor):
    found = entities(extractor, "The meetup was organised by K3ZA, a media firm, and cost "
                                "HKD6 million.")
    assert "k3za" in found
    assert not any(key.startswith("hkd") for key in found)


def test_a_month_and_day_are_no_name(extractor):
    found = entities(extractor, "The move follows Lumen Bank's June 3, 2024 launch of its app.")
    assert not any(key.startswith("june") for key in found)


def test_a_name_ending_in_a_year_is_an_event(extractor):
    found = entities(extractor, "Speakers at Harbour Summit Hong Kong 2026 included Omar Velez.")
    assert found["harbour-summit-hong-kong-2026"].kind == "Event"


def test_a_class_of_licensed_firms_is_no_name(extractor):
    found = entities(extractor, "Orchid Pay withdrew its Hong Kong VASP application, and the "
                                "Lumen Bitcoin ETF opened on Monday.")
    assert not any("vasp" in key for key in found)
    assert "lumen-bitcoin-etf" in found


def test_a_department_after_a_title_is_no_name(extractor):
    found = entities(extractor, "Omar Velez, Lumen Exchange head of Digital Product "
                                "Development, said demand was strong.")
    assert "omar-velez" in found
    assert not any("development" in key for key in found)


def test_a_picture_credit_is_no_entity(extractor):
    found = entities(extractor, "Omar Velez spoke at the launch of the Lumen Bank app on "
                                "Tuesday. Photo: Lena Ortiz. Crowds walk past Harbour Square "
                                "on Monday. (TOMAS GREER / LUMEN DAILY)")
    assert "omar-velez" in found
    assert not any(key in found for key in ("lena-ortiz", "tomas-greer"))


def test_a_byline_is_no_heading(extractor):
    found = entities(extractor, "Lumen Bank opens its doors\n\nBy Xinhua\n\nOrchid Bank opened "
                                "on Monday in Kowloon.")
    assert found["xinhua"].kind == "MediaOutlet"
    assert "lumen-bank" not in found


def test_a_product_named_after_its_maker_ends_in_a_plain_word(extractor):
    found = entities(extractor, "The exchange reminded clients that its self-custody Lumen "
                                "Web3 wallet will keep working, and Orchid Pay plans stay on "
                                "hold.")
    assert found["lumen-web3-wallet"].kind == "Product"


def test_a_surname_between_given_names_is_that_person():
    """A Hong Kong name may put the surname in the middle ("Ada Leung Mei-lan"): the surname
    alone later is still her, whatever the NER makes of it."""
    registry = [Entity(id="ada-leung", name="Ada Leung Mei-lan", kind="Person")]
    batch = Extractor(registry).run(SourceDocument(
        id="d", path=None, title="t", text="Ada Leung Mei-lan opened the harbour forum on "
        "Monday. Leung noted that payment firms had asked for clearer rules."))
    assert {e.id for e in batch.entities} == {"ada-leung"}


def test_a_name_does_not_begin_inside_a_hyphenated_word(extractor):
    found = entities(extractor, "The council report leaned on the 15th Five-Year Plan for "
                                "its targets.")
    assert "year-plan" not in found
    assert found["five-year-plan"].kind == "Initiative"


def test_every_part_of_a_listed_portfolio_is_no_organisation(extractor):
    found = entities(extractor, "The Secretary for Housing, Transport and Logistics, Ada Lim, "
                                "opened the Lumen Bank branch.")
    assert "lumen-bank" in found
    assert not any(word in key for key in found for word in ("housing", "transport",
                                                              "logistics"))


def test_a_quoted_title_holds_no_names(extractor):
    found = entities(extractor, "Orchid Bank hosted the meeting under the slogan \u201cBuilding "
                                "Bridges: Shaping a Greener Tomorrow\u201d last spring.")
    assert "orchid-bank" in found
    assert not any("tomorrow" in key or "bridges" in key for key in found)


def test_a_title_case_headline_is_a_heading_whatever_its_end(extractor):
    found = entities(extractor, "Web3 in Motion \u2014 A Grand Farewell for the Harbour Token "
                                "Fair!\n\nOrchid Bank opened a stand at the Harbour Token Fair "
                                "on Monday.")
    assert {"orchid-bank", "harbour-token-fair"} <= set(found)
    assert not {"motion", "grand-farewell"} & set(found)


def test_a_capitalised_common_noun_after_a_possessive_is_no_name(extractor):
    found = entities(extractor, "Financial Secretary Ada Lim set out her 2025-26 Budget on "
                                "Wednesday, with money for Orchid Labs.")
    assert "ada-lim" in found
    assert "budget" not in found


def test_plural_abbreviations_and_spelled_out_classes_name_no_one(extractor):
    found = entities(extractor, "Rules for SPVs and CDPs were set, said Lumen Bank. Orchid Pay "
                                "asked for a Virtual Asset Trading Platform (VATP) licence.")
    assert {"lumen-bank", "orchid-pay"} <= set(found)
    assert not {"spvs", "cdps", "virtual-asset-trading-platform"} & set(found)


def test_a_law_s_name_keeps_its_and(extractor):
    found = entities(extractor, "Lawmakers amended the Payment Systems and Stored Value "
                                "Facilities Ordinance last year.")
    law = "payment-systems-and-stored-value-facilities-ordinance"
    assert found[law].kind == "Law"
    assert "payment-systems" not in found


def test_a_describing_noun_gives_the_kind_the_name_does_not(extractor):
    found = entities(extractor, "Last week Zentrax, a crypto exchange based in Kowloon, paused "
                                "withdrawals. The lender Tidewell cut its rates. Traders said "
                                "Bayline Capital, an exchange operator, sold shares.")
    assert found["zentrax"].kind == "TradingPlatform"
    assert found["tidewell"].kind == "Bank"
    assert found["bayline-capital"].kind == "Company"  # the head noun, "operator", decides


def test_a_dotted_name_is_one_name(extractor):
    found = entities(extractor, "Later Orchid.HK, the local arm of Orchid.io, withdrew its "
                                "application.")
    assert {"orchid-hk", "orchid-io"} <= set(found)
    assert "orchid" not in found


def test_a_list_after_such_as_takes_the_kind_of_the_noun_before(extractor):
    found = entities(extractor, "The regulator warned crypto exchanges such as Zentrax and "
                                "Qorvex in March. Later Harbour Pay, a payments platform, and "
                                "Bayline, a crypto trading platform, opened.")
    assert found["zentrax"].kind == found["qorvex"].kind == "TradingPlatform"
    assert found["bayline"].kind == "TradingPlatform"
    assert found["harbour-pay"].kind == "Company"  # a platform for payments is no exchange


def test_a_possessive_inside_a_name_and_a_former_employer_are_names(extractor):
    found = entities(extractor, "Officials of the People's Bank of Norland "
                                "met staff from Lumen, a startup set up by ex-Orchid "
                                "engineers.")
    assert found["people-s-bank-of-norland"].kind == "Regulator"
    assert "orchid" in found


def test_places_listed_are_no_organisation(extractor):
    found = entities(extractor, "Omar Velez, Lumen Card general manager, Singapore & Macau, "
                                "said the pilot would grow.")
    assert "omar-velez" in found
    assert not any("singapore" in key and "macau" in key for key in found)


def test_a_capital_the_inside_a_sentence_is_kept_as_a_form_of_the_name(extractor):
    found = entities(extractor, "The filing was made for The Harbour Clearing House Limited "
                                "and for the lender Orchid Bank.")
    house = found["harbour-clearing-house"]
    assert "The Harbour Clearing House Limited" in house.aliases
    assert not any(a.startswith("the ") for a in found["orchid-bank"].aliases)


# -- a longer name that begins with a registry name ------------------------------------------

#: An invented registry: a group with a short alias, a bank, a regulator, a platform whose
#: registered name carries a place in brackets, and a second firm whose name begins with the
#: group's alias.
_PREFIX_REGISTRY = [
    Entity(id="lumora-group", name="Lumora Group", kind="Company",
           aliases=["Lumora", "Lumora Holdings"]),
    Entity(id="quayside-bank", name="Quayside Bank", kind="Bank", aliases=["QSB"]),
    Entity(id="nfa", name="Norland Finance Authority", kind="Regulator", aliases=["NFA"]),
    Entity(id="brightwater", name="Brightwater Ledger Technology (Norland)",
           kind="TradingPlatform", aliases=["Brightwater"]),
    Entity(id="lumora-tidepay", name="Lumora Tidepay Technology", kind="Company"),
    Entity(id="mara-quill", name="Mara Quill", kind="Person"),
]


@pytest.fixture(scope="module")
def prefix_extractor() -> Extractor:
    return Extractor(_PREFIX_REGISTRY)


@pytest.mark.parametrize(
    ("text", "named", "not_named"),
    [
        # a unit, fund or product named after its owner is an entity of its own
        ("Orders will settle on Lumora Orbit, the group's tokenisation venue.",
         {"lumora-orbit"}, {"lumora-group", "orbit"}),
        ("Lumora runs Lumora Capital, its venture investment arm, from Kowloon.",
         {"lumora-group", "lumora-capital"}, {"capital"}),
        ("The deal will be done by QSB Keystone Acquisition Inc., a unit formed for it.",
         {"qsb-keystone-acquisition"}, {"quayside-bank", "keystone-acquisition"}),
        # titles, legal forms and the name's own designators stay outside it
        ("NFA Chief Executive Mara Quill spoke on Monday.", {"nfa", "mara-quill"},
         {"nfa-chief-executive"}),
        ("Lumora Holdings Limited reported a profit.", {"lumora-group"}, set()),
        ("Quayside Bank Limited opened accounts for Lumora Group.",
         {"quayside-bank", "lumora-group"}, set()),
        ("Quayside Bank said it was ready.", {"quayside-bank"}, set()),
    ],
)
def test_a_longer_name_that_begins_with_a_registry_name_is_another_entity(
        prefix_extractor, text, named, not_named):
    found = entities(prefix_extractor, text)
    assert named <= set(found)
    assert not not_named & set(found)


def test_a_registry_name_written_without_its_last_words_is_that_entity(prefix_extractor):
    found = entities(prefix_extractor, "The regulator licensed Brightwater Ledger Technology "
                                       "and said Lumora Tidepay would follow.")
    assert {"brightwater", "lumora-tidepay"} <= set(found)
    assert not {"lumora-group", "brightwater-ledger-technology", "tidepay"} & set(found)


# -- the kind of a discovered name -----------------------------------------------------------

@pytest.mark.parametrize("name", ["Lumora Blockchain", "Kestrel Labs", "Tidewell Capital",
                                  "Orcawave Digital", "Consensus Hong Kong"])
def test_an_organisation_word_or_a_place_is_never_in_a_person_s_name(name):
    assert kind_of(name, "PERSON", None) != "Person"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Ministers later addressed Harbourline Summa, a conference run by a news site.",
         "harbourline-summa", "Event"),
        ("The regulator set out TIDEWAY, a roadmap of nine steps for tokenised bonds.",
         "tideway", "Initiative"),
        ("The push began after the group launched its Kestrel Pay service in April.",
         "kestrel-pay", "Product"),
    ],
)
def test_a_describing_noun_gives_an_event_an_initiative_or_a_product_its_kind(
        extractor, text, name, kind):
    assert entities(extractor, text)[name].kind == kind


def test_a_name_gets_one_kind_in_one_document(extractor):
    found = entities(extractor, "Mara Quill addressed Harbourline Summa on Monday. The talk "
                                "at Harbourline Summa, a conference run by a news site, was "
                                "short.")
    assert found["harbourline-summa"].kind == "Event"


def test_a_one_word_name_that_opens_a_sentence_before_a_relative_clause_is_a_name(extractor):
    found = entities(extractor, "Nimble, which is based in Kowloon, won a licence. Regulators "
                                "have licensed ten platforms, among them Nimble and Lumen "
                                "Exchange. Tokenisation, which is slow, was discussed.")
    assert "nimble" in found
    assert "tokenisation" not in found


def test_a_short_name_described_as_another_kind_is_not_the_longer_name(extractor):
    found = entities(extractor, "Zorvik Ventures, the investment arm of crypto exchange Zorvik, "
                                "led the round. Tiger Brokers said Tiger would grow.")
    assert found["zorvik"].kind == "TradingPlatform"
    assert "zorvik-ventures" in found
    assert "tiger" not in found  # no description: the firm named in full


def test_a_known_outlet_written_with_digits_is_no_amount(extractor):
    found = entities(extractor, "Earlier, the regulator's chief executive Mara Quill told "
                                "local news site HK01 that inspectors had visited each firm.")
    assert found["hk01"].kind == "MediaOutlet"


def test_a_region_is_a_place_not_a_company(extractor):
    found = entities(extractor, "Lumen Bank gains licences across Europe and North America, and "
                                "Orchid Pay serves Southeast Asia.")
    assert not any(e.kind == "Company" and ("america" in i or "asia" in i)
                   for i, e in found.items())
