"""What the shipped pipeline makes of a sentence of our own: the extraction tests' helpers."""

import datetime as dt
from pathlib import Path

from hkweb3.loaders.extract import Extractor
from hkweb3.loaders.readers import SourceDocument


def document(text: str, outlet: str | None = None) -> SourceDocument:
    """``text`` as a dated document."""
    return SourceDocument(id="doc", path=Path("doc.md"), text=text, title="t",
                          published=dt.date(2025, 3, 1), outlet=outlet)


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    """The ``(source, edge type, target)`` of every relation found in ``text``."""
    return {(r.source, r.type, r.target) for r in extractor.run(document(text)).relations}
