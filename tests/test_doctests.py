"""The examples in docstrings run and give the output they show."""

import doctest
import importlib

import pytest

MODULES = [
    "hkweb3.graph.schema",
    "hkweb3.graph.models",
    "hkweb3.graph.values",
    "hkweb3.graph.conflicts",
    "hkweb3.graph.gate",
    "hkweb3.graph.legal_forms",
    "hkweb3.graph.review",
    "hkweb3.graph.export",
    "hkweb3.graph.memory",
    "hkweb3.graph.read",
    "hkweb3.output",
    "hkweb3.loaders.readers",
    "hkweb3.loaders.registry",
    "hkweb3.loaders.registers",
    "hkweb3.loaders.chinese",
    "hkweb3.loaders.pages",
    "hkweb3.loaders.mentions",
    "hkweb3.loaders.extract",
    "hkweb3.loaders.names",
    "hkweb3.loaders.dependencies",
    "hkweb3.loaders.sentence_relations",
    "hkweb3.loaders.path_relations",
    "hkweb3.loaders.pair_features",
    "hkweb3.loaders.learned_pairs",
    "hkweb3.loaders.pipeline",
    "hkweb3.graph.analysis",
    "hkweb3.graph.analysis.load",
    "hkweb3.graph.analysis.views",
    "hkweb3.graph.analysis.betweenness",
    "hkweb3.graph.analysis.centrality",
    "hkweb3.graph.analysis.communities",
    "hkweb3.graph.analysis.brokers",
    "hkweb3.graph.analysis.paths",
    "hkweb3.viz.html",
    "hkweb3.viz.page_data",
    "hkweb3.viz.layout",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
