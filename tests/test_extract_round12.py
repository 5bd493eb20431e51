"""Constructions found missing in round 12's developed probe sets and construction sentences.
One sentence of our own for each, with made-up entities."""

import pytest

from tests.extract_support import document, triples


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("members 'along with' a class of firms 'such as' named ones",
         "Seven major banks are taking part in the Tern Pilot, along with key commercial "
         "partners such as Corvid Pay and Ardent Group.",
         {("corvid-pay", "MEMBER_OF", "tern-pilot"), ("ardent-group", "MEMBER_OF", "tern-pilot")}),
        ("a member named 'along with' the subjects who take part",
         "Pellam Bank and Corvid Pay are taking part in the Tern Pilot, along with Ardent Group.",
         {("pellam-bank", "MEMBER_OF", "tern-pilot"), ("ardent-group", "MEMBER_OF", "tern-pilot")}),
        ("members named 'alongside' a subject that names none",
         "The three companies have been part of the Tern Sandbox, alongside Corvid Pay and "
         "Ardent Group.",
         {("corvid-pay", "MEMBER_OF", "tern-sandbox"),
          ("ardent-group", "MEMBER_OF", "tern-sandbox")}),
        ("a member who joined 'together with' others",
         "Corvid Pay joined the Tern Sandbox together with Ardent Group and Pellam Bank.",
         {("ardent-group", "MEMBER_OF", "tern-sandbox"),
          ("pellam-bank", "MEMBER_OF", "tern-sandbox")}),
        ("members 'such as' a list the parse hangs as appositions, after 'as well as'",
         "The Tern Community's initial members include the HKMA itself, the Velmont Society "
         "and the Lumen Council, as well as private banks and firms such as Pellam Bank, HSBC, "
         "Standard Chartered Hong Kong, Ardent Group and Tallis Money.",
         {("hsbc", "MEMBER_OF", "tern-community"), ("scb-hk", "MEMBER_OF", "tern-community"),
          ("ardent-group", "MEMBER_OF", "tern-community"),
          ("lumen-council", "MEMBER_OF", "tern-community")}),
        ("remarks made in a keynote speech at an event",
         "Mira Osei made the remarks in a keynote speech at the Tern Summit 2026.",
         {("mira-osei", "SPOKE_AT", "tern-summit-2026")}),
        ("members listed between dashes after the class of firms taking part",
         "Several of the four banks taking part in the Tern Sandbox – Pellam Bank, Hang Seng "
         "Bank, which is owned by HSBC, and Corvid Bank – ran trials.",
         {("pellam-bank", "MEMBER_OF", "tern-sandbox"),
          ("corvid-bank", "MEMBER_OF", "tern-sandbox")}),
    ])
def test_round12_construction(extractor, construction, text, expected):
    assert expected <= triples(extractor, text), construction


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a firm "alongside" a subsidiary is no member of the parent
        ("Corvid Pay is now part of Ardent Group, alongside Pellam Trust.",
         ("pellam-trust", "SUBSIDIARY_OF", "ardent-group")),
        ("Mira Osei made the remarks in an interview after the Tern Summit 2026.",
         ("mira-osei", "SPOKE_AT", "tern-summit-2026")),
        ("Corvid Pay sits on the board alongside Ardent Group.",
         ("ardent-group", "MEMBER_OF", "corvid-pay")),
    ])
def test_no_false_relation(extractor, text, wrong):
    assert wrong not in triples(extractor, text)


def test_two_names_joined_by_and_the_are_two(extractor):
    names = {e.id for e in extractor.run(document(
        "Pellam Bank briefed the Velmont Society and the Lumen Council on Monday.")).entities}
    assert {"velmont-society", "lumen-council"} <= names
    assert not any("and-the" in n for n in names)



@pytest.mark.parametrize("text", [
    "The investment by Corran Tai Fook (06168.HK) is meant to grow its payments business.",
    "Hong Kong-listed Corran Tai Fook has taken a 15% stake in Velmont Securities.",
    "Corran Tai Fook, which sells jewellery, has taken a 15% stake in Velmont Securities.",
    "Velmont passed its listing hearing, with JPMorgan, Corran Tai Fook and Guotai Junan "
    "International acting as joint sponsors.",
    "The sandbox counts four banks among its users, with asset managers BlackRock and Corran "
    "Tai Fook also taking part.",
])
def test_a_name_written_as_a_listed_firm_is_no_person(extractor, text):
    kinds = {e.id: e.kind for e in extractor.run(document(text)).entities}
    assert kinds.get("corran-tai-fook") not in {None, "Person"}
    assert not any(k[:1].isdigit() for k in kinds)  # the stock code names no one


def test_an_exchange_named_like_a_stock_code_prefix_is_still_a_name(extractor):
    ids = {e.id for e in extractor.run(document(
        "Corvid Holdings, which trades on Nasdaq, bought Velmont Pay.")).entities}
    assert "nasdaq" in ids


def test_a_person_listed_beside_a_firm_is_still_a_person(extractor):
    kinds = {e.id: e.kind for e in extractor.run(document(
        "The firm hired Goldman Sachs and Mira Osei as advisers.")).entities}
    assert kinds.get("mira-osei") == "Person"
