"""Page numbers for evidence from paged documents (PDF).

The extractor knows character offsets only; the reader knows where each page starts in the
text (``SourceDocument.pages``). Each piece of evidence gets the page its span starts on.

>>> from hkweb3.graph.models import Evidence, GraphBatch, Relation
>>> edge = Relation(source="za-bank", type="PROVIDES_BANKING_TO", target="osl",
...                 evidence=[Evidence(document="d", start=120, end=160, rule="r")])
>>> with_pages(GraphBatch(relations=[edge]), (0, 100, 200)).relations[0].evidence[0].page
2
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from hkweb3.graph.models import Evidence, GraphBatch


def with_pages(batch: GraphBatch, pages: Sequence[int]) -> GraphBatch:
    """``batch`` with each evidence's page (1 = first): the page whose start is the last at
    or before the evidence's ``start``. Evidence without a span is left as it is."""

    def paged(evidence: list[Evidence]) -> list[Evidence]:
        return [e if e.start is None else e.model_copy(update={"page": bisect_right(pages,
                                                                                    e.start)})
                for e in evidence]

    return batch.model_copy(update={
        "entities": [e.model_copy(update={"evidence": paged(e.evidence)})
                     for e in batch.entities],
        "relations": [r.model_copy(update={"evidence": paged(r.evidence)})
                      for r in batch.relations],
    })
