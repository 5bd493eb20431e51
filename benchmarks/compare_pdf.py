"""Which PDF library reads best and fastest: pypdf, pdfplumber and PyMuPDF, on the same PDFs.

Writes real-looking PDFs (see ``pdfs.py``: running header and footer, justified text set
word by word, hyphenated line ends, headings; one, two and three columns) of news-like text,
then reads each back with every library installed, page by page, and prints per library:
milliseconds per page, and how much of the text came back right: the share of sentences
found verbatim (whitespace collapsed, line-end hyphens joined) and the share of words in
order (difflib).

hkweb3 ships pypdf; install the others to compare (``pip install pdfplumber pymupdf``).

Run (from the repository root, in the hkweb3 venv)::

    python benchmarks/compare_pdf.py              # 3 PDFs of 20 pages
    python benchmarks/compare_pdf.py --pages 50
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench_ingest import make_article, make_pools
from pdfs import write_pdf

from hkweb3.data import REGISTRY_DIR
from hkweb3.loaders.registry import read_registry


def read_pypdf(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def read_pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        texts = []
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()  # frees the page's cached layout
        return texts


def read_pymupdf(path: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(path) as pdf:
        return [page.get_text() for page in pdf]


LIBRARIES: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "pypdf": ("pypdf", read_pypdf),
    "pdfplumber": ("pdfplumber", read_pdfplumber),
    "PyMuPDF": ("pymupdf", read_pymupdf),
}


def normal(text: str) -> str:
    text = re.sub(r"(?<=[a-z])-\s*\n\s*(?=[a-z])", "", text)
    return " ".join(text.split())


def make_pdfs(folder: Path, pages: int, seed: int) -> list[tuple[Path, str, list[str]]]:
    """(path, layout, paragraphs written) for PDFs of one, two and three columns."""
    registry = read_registry(REGISTRY_DIR)
    rng = random.Random(seed)
    pools = make_pools(registry.entities, 50, rng)
    made = []
    for i, columns in enumerate((1, 2, 3)):
        written: list[str] = []
        page_list = []
        for _ in range(pages):
            title, body, _ = make_article(pools, 330 if columns == 1 else 300, rng)
            paragraphs = [f"# {title}", *body.split("\n\n")]
            written += [p.removeprefix("# ") for p in paragraphs]
            page_list.append(paragraphs)
        path = folder / f"report-{i}.pdf"
        write_pdf(path, page_list, title=f"Report {i}", columns=columns)
        made.append((path, f"{columns} column{'s' * (columns > 1)}", written))
    return made


def score(pages: list[str], written: list[str]) -> tuple[float, float]:
    got = normal("\n".join(pages))
    sentences = [s for p in written for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", p)]
    found = sum(1 for s in sentences if normal(s) in got) / len(sentences)
    expected = normal(" ".join(written)).split()
    matcher = difflib.SequenceMatcher(None, expected, got.split(), autojunk=False)
    words = sum(b.size for b in matcher.get_matching_blocks()) / len(expected)
    return found, words


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20, help="pages per PDF (default 20)")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hkweb3-compare-pdf-") as tmp:
        pdfs = make_pdfs(Path(tmp), args.pages, args.seed)
        size = sum(p.stat().st_size for p, _, _ in pdfs)
        print(f"{len(pdfs)} PDFs of {args.pages} pages ({size / 1e6:.1f} MB in all)")
        print(f"{'library':<12}{'version':<12}{'layout':<11}{'ms/page':>9}{'sentences':>11}"
              f"{'words':>8}")
        for name, (module, read) in LIBRARIES.items():
            if importlib.util.find_spec(module) is None:
                print(f"{name:<12}(not installed)")
                continue
            version = getattr(__import__(module), "__version__", "?")
            read(pdfs[0][0])  # imports and warm-up, untimed
            for path, layout, written in pdfs:
                started = time.perf_counter()
                pages = read(path)
                ms = 1000 * (time.perf_counter() - started) / len(pages)
                found, words = score(pages, written)
                print(f"{name:<12}{version:<12}{layout:<11}{ms:>9.1f}{found:>10.1%}"
                      f"{words:>8.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
