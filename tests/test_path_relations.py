"""The path fallback (``loaders/paths.yaml``): two names joined by a short path through a
trigger word, where no pattern joined them, and the near misses it must leave alone.
Sentences of our own, with made-up names."""

import pytest

from hkweb3.data import REGISTRY_DIR
from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.path_relations import load_path_rules
from hkweb3.loaders.registry import read_registry
from tests.extract_support import document


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(read_registry(REGISTRY_DIR).entities)


def found(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    return {(r.source, r.type, r.target, r.evidence[0].rule)
            for r in extractor.run(document(text)).relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruth Okafor has a new job at Pellam Bank. The bank named her finance director on "
         "Friday.",
         ("ruth-okafor", "HOLDS_ROLE", "pellam-bank", "path-HOLDS_ROLE")),
        # a chair holds no role property in the schema: the edge is written without one
        ("Ruth Okafor has a new job at Pellam Bank. The bank named her chairman on Friday.",
         ("ruth-okafor", "CHAIRS", "pellam-bank", "path-CHAIRS")),
        # "to" is a plan only before a verb
        ("Mira Osei, a spokesperson to Quarrow Bank, declined to comment.",
         ("mira-osei", "HOLDS_ROLE", "quarrow-bank", "path-HOLDS_ROLE")),
        ("Quarrow Bank, custodian to Tessaly Digital, declined to comment.",
         ("quarrow-bank", "CUSTODIAN_OF", "tessaly-digital", "path-CUSTODIAN_OF")),
        # a naming verb gives the role to its object, of the noun's owner
        ("Mira Osei, who named Chan Wai-kit chief executive of Quarrow Bank, retired.",
         ("chan-wai-kit", "HOLDS_ROLE", "quarrow-bank", "path-HOLDS_ROLE")),
        # "by" names the act's doer (the kinds fit only one way: the path keeps it)
        ("The takeover of Corvid Labs by John Roe was completed.",
         ("john-roe", "ACQUIRED", "corvid-labs", "path-ACQUIRED")),
    ])
def test_a_short_path_through_a_trigger_states_the_edge(extractor, text, expected):
    assert expected in found(extractor, text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Ardent Group had no plans to buy Corvid Securities, a spokesman said.",
         {"ardent-group", "corvid-securities"}),
        ("Ardent Group sold its entire stake in Pellam Trust last year.",
         {"ardent-group", "pellam-trust"}),
        ("If approved, the deal would make Ardent Group the owner of Pellam Trust.",
         {"ardent-group", "pellam-trust"}),
        ("Corvid Pay withdrew its application to join the Tern Sandbox.",
         {"corvid-pay", "tern-sandbox"}),
        ("The Pellam Bank investment unit joined forces with Ardent Group to sell the notes.",
         {"pellam-bank", "ardent-group", "SUBSIDIARY_OF"}),
        ("Pellam Bank launched a settlement service, with Corvid Pay as its first client.",
         {"pellam-bank", "corvid-pay"}),
        ("According to Mei Lam, deputy chief executive of Pellam Bank, Velmont Exchange will "
         "keep its own funds at Pellam Bank.",
         {"velmont-exchange", "pellam-bank"}),
        ("The panel – Mei Lam, founder of the Tern Association; Ruth Okafor, chairman of the "
         "Velmont Society; and Ada Wu, growth lead of Corvid Pay – spoke on Monday.",
         {"mei-lam", "corvid-pay"}),
        ("Livi VB is owned by Pellam Bank, Ardent Group's financial technology arm and "
         "Jardine Matheson.",
         {"pellam-bank", "ardent-group"}),
        ("Corvid Bank, the Ardent-affiliated payments company, opened.",
         {"corvid-bank", "ardent"}),
        ("Quarrow Bank named Tessaly Digital custodian of the Quarrow Bitcoin Fund.",
         {"quarrow-bank", "quarrow-bitcoin-fund"}),
        ("Mira Osei, who named Chan Wai-kit chief executive of Quarrow Bank, retired.",
         {"mira-osei", "quarrow-bank"}),
        ("Quarrow Bank announced the acquisition of Tessaly Digital by Lomond Exchange.",
         {"quarrow-bank", "lomond-exchange"}),
        ("The SFC launched a probe into Lomond Exchange.", {"sfc", "lomond-exchange"}),
        ("Quarrow Bank bought servers for Tessaly Digital.", {"quarrow-bank", "tessaly-digital"}),
        ("Mira Osei spoke highly of the Lomond Summit.", {"mira-osei", "lomond-summit"}),
        ("The husband of Mira Osei chairs Quarrow Bank.", {"mira-osei", "quarrow-bank"}),
        ("Quarrow Bank bought Tessaly Digital's stake in Lomond Exchange.",
         {"tessaly-digital", "lomond-exchange", "OWNS"}),
        ("Quarrow Bank's rumoured stake in Tessaly Digital lifted its shares.",
         {"quarrow-bank", "tessaly-digital"}),
        ("Corvid Pay and Ardent Group, two of its new owners, played a central part.",
         {"corvid-pay", "ardent-group"}),
        ("The lender, which provides accounts to exchanges including Velmont Exchange and "
         "Tallis Money, was granted its banking licence by the HKMA in 2019.",
         {"velmont-exchange", "hkma"}),
        ("Policy Address backs digital money as Pellam Bank serves stablecoin sandbox "
         "participant", {"pellam-bank", "hkma-stablecoin-issuer-sandbox"}),
        ("Quarrow Bank unveiled its roadmap for tokens at the Lomond Summit 2026.",
         {"quarrow-bank", "lomond-summit-2026"}),
        # a headline's verb tagged as a noun ("unveils") states nothing
        ("Quarrow Bank unveils roadmap for tokens at Lomond Summit 2026",
         {"quarrow-bank", "lomond-summit-2026"}),
        # the kinds fit only the other way round from who does it ("Tallis Money" is taken
        # for a person, who cannot be bought)
        ("Ardent Group acquired Tallis Money last year.", {"ardent-group", "tallis-money"}),
    ])
def test_what_no_path_states(extractor, text, pair):
    """No edge joins the pair (or, where the pair names an edge type, none of that type)."""
    edges = {e for e in pair if e.isupper()}
    pairs = {frozenset((s, t)) for s, e, t, _ in found(extractor, text)
             if not edges or e in edges}
    assert frozenset(pair - edges) not in pairs


def test_every_trigger_names_edges_the_schema_has():
    from hkweb3.graph.schema import load_schema
    rules = load_path_rules()
    edges = set(load_schema().edges)
    assert {e for types in rules.triggers.values() for e in types} <= edges
    assert rules.doer_first <= edges and rules.described_first <= edges
