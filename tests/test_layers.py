"""Dependencies point one way: data -> loaders -> graph (schema and models -> store;
analysis) -> queries, viz; hkweb3.api and the CLI on top. Each layer is imported alone, in a
fresh interpreter, and must not pull in a layer above it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

ABOVE_GRAPH = ["hkweb3.loaders", "hkweb3.queries", "hkweb3.viz", "hkweb3.api", "hkweb3.cli"]
LAYERS = {
    # module: packages it must not import
    "hkweb3.graph.schema": ["hkweb3.graph.store", "neo4j", *ABOVE_GRAPH],
    "hkweb3.graph.models": ["hkweb3.graph.store", "neo4j", *ABOVE_GRAPH],
    "hkweb3.graph.export": ["hkweb3.graph.store", "neo4j", *ABOVE_GRAPH],
    # the graph in memory and its reader: an exported file is read without the driver
    "hkweb3.graph.memory": ["hkweb3.graph.store", "neo4j", *ABOVE_GRAPH],
    "hkweb3.graph.read": ["hkweb3.graph.store", "neo4j", *ABOVE_GRAPH],
    "hkweb3.graph.analysis": ["hkweb3.graph.store", "hkweb3.graph.embedded", "neo4j",
                              *ABOVE_GRAPH],
    "hkweb3.graph.store": ["hkweb3.graph.embedded", *ABOVE_GRAPH],
    "hkweb3.loaders.readers": ["hkweb3.graph.store", "hkweb3.queries", "hkweb3.viz",
                               "hkweb3.api", "hkweb3.cli"],
    "hkweb3.queries.library": ["hkweb3.loaders", "hkweb3.viz", "hkweb3.api", "hkweb3.cli"],
    "hkweb3.viz": ["hkweb3.graph.store", "neo4j", "hkweb3.loaders", "hkweb3.queries",
                   "hkweb3.api", "hkweb3.cli"],
}


def imported_by(module: str) -> set[str]:
    code = f"import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    return set(json.loads(done.stdout))


@pytest.mark.parametrize(("module", "forbidden"), LAYERS.items(), ids=list(LAYERS))
def test_a_layer_does_not_import_the_layers_above_it(module, forbidden):
    loaded = imported_by(module)
    above = sorted(name for name in loaded
                   if any(name == f or name.startswith(f + ".") for f in forbidden))
    assert above == [], f"{module} imports {above}"
