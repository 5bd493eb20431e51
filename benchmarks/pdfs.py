"""Real-looking PDFs for the benchmarks, written with fpdf2, with the text they hold.

Like a regulator's circular or an annual report: a running header and a "Page N of M"
footer on every page, justified paragraphs set word by word (as typesetters place them),
long words hyphenated at line ends, headings, and optionally two columns. The caller gets
the paragraphs as written, to score what a PDF library reads back.

Run from the benchmark scripts (``python benchmarks/bench_*.py``), which put this folder
first on ``sys.path``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

HEADER = "Securities and Futures Commission | Circular to licensed corporations"
FONT_SIZE = 10
LEADING = 5.0  # mm between baselines


def write_pdf(path: Path, pages: list[list[str]], *, title: str, columns: int = 1,
              published: dt.date | None = None) -> None:
    """Write ``pages`` (each a list of paragraphs; one starting ``# `` is a heading)."""
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author("hkweb3 benchmarks")
    if published is not None:
        pdf.set_creation_date(dt.datetime(published.year, published.month, published.day,
                                          tzinfo=dt.timezone.utc))
    pdf.set_auto_page_break(False)
    gap = 8.0
    width = (pdf.w - 2 * 20 - (columns - 1) * gap) / columns
    for number, paragraphs in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.text(20, 12, HEADER)
        pdf.text(pdf.w / 2 - 8, pdf.h - 10, f"Page {number} of {len(pages)}")
        column, y = 0, 25.0
        for paragraph in paragraphs:
            heading = paragraph.startswith("# ")
            pdf.set_font("Helvetica", "B" if heading else "", FONT_SIZE + 2 * heading)
            lines = _wrap(pdf, paragraph.removeprefix("# "), width)
            for i, line in enumerate(lines):
                if y > pdf.h - 25:
                    column, y = column + 1, 25.0
                    if column == columns:
                        raise ValueError(f"page {number}: too much text for one page")
                x = 20 + column * (width + gap)
                _set_line(pdf, line, x, y, width, justify=i < len(lines) - 1)
                y += LEADING
            y += LEADING * 0.8
    pdf.output(str(path))


def _wrap(pdf: FPDF, text: str, width: float) -> list[list[str]]:
    """Greedy line breaking; a long word that does not fit is hyphenated."""
    lines: list[list[str]] = [[]]
    for word in text.split():
        line = lines[-1]
        if pdf.get_string_width(" ".join([*line, word])) <= width:
            line.append(word)
            continue
        if len(word) >= 9 and word.isalpha():
            head, tail = word[:len(word) // 2], word[len(word) // 2:]
            if pdf.get_string_width(" ".join([*line, head + "-"])) <= width:
                line.append(head + "-")
                word = tail
        lines.append([word])
    return [line for line in lines if line]


def _set_line(pdf: FPDF, words: list[str], x: float, y: float, width: float,
              justify: bool) -> None:
    """One line, each word placed on its own, the spaces stretched to the column's width."""
    if not justify or len(words) == 1:
        pdf.text(x, y, " ".join(words))
        return
    used = sum(pdf.get_string_width(w) for w in words)
    space = (width - used) / (len(words) - 1)
    for word in words:
        pdf.text(x, y, word)
        x += pdf.get_string_width(word) + space
