"""PDF documents: the text layer, page by page, read with pypdf.

pypdf (BSD, pure Python) read back 99.8-100% of the sentences of generated circulars of
one, two and three columns verbatim, at 10-34 ms a page. pdfplumber ran together the words
of justified lines and mixed narrow columns (35-91% of sentences) at 140-150 ms; PyMuPDF was
as exact and 5-10 times faster, but is AGPL and brings onnxruntime along
(``benchmarks/compare_pdf.py``; the figures are in the README).

What is done to the text:

- running headers and footers (lines among the top and bottom three of most pages, page
  numbers included: digits are compared as ``#``) are dropped;
- the lines of a paragraph are joined (a line break ends a sentence for extraction), and a
  word hyphenated at a line end, or at a page end, is joined again;
- pages are separated by a blank line, and where each starts is kept
  (``SourceDocument.pages``) so that evidence can name its page;
- the title is the metadata's (unless it is a file name or "Untitled"), else the first
  line; the date is a date line near the top of the first page, else the creation date.

A PDF with no text (a scan), an encrypted one and a broken or truncated one are refused
with one line each. The text taken out counts against the per-document limit
(``readers.MAX_BYTES``), page by page, so a large PDF of images with little text is read.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from hkweb3.errors import InputError
from hkweb3.loaders import readers
from hkweb3.loaders.readers import SourceDocument

# pypdf logs the repairs it makes to sloppy files; they are not the reader's concern.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_EDGE = 3  # lines at the top and at the bottom of a page that may be a running header/footer
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_SENTENCE_END = (".", "!", "?", ":", '"', "\u201d", ")")
_MONTH = ("(january|february|march|april|may|june|july|august|september|october|november|"
          "december)")
_DATES = (re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})\b", re.I),
          re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b", re.I),
          re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"))
_MONTHS = {name: i for i, name in enumerate(_MONTH.strip("()").split("|"), 1)}
_NOT_TITLES = re.compile(r"^(untitled|document\d*|microsoft word - .*|.*\.(docx?|pdf|rtf))$",
                         re.I)


def read(path: Path, data: bytes) -> list[SourceDocument]:
    """The one document a PDF's bytes hold (raises InputError naming ``path``)."""
    reader = _open(path, data)
    pages = _page_lines(path, reader)
    running = _running_lines(pages)
    texts = [_join_lines([line for i, line in enumerate(lines)
                          if not (_is_edge(i, len(lines)) and _key(line) in running)])
             for lines in pages]
    _join_words_across_pages(texts)
    body, starts = "", []
    for text in texts:
        if body and text:
            body += "\n\n"
        starts.append(len(body))
        body += text
    if not body:
        raise InputError(f"{path}: no text layer (scanned?); only PDFs with text can be read "
                         "(run a scan through OCR first)")
    meta = {"title": _title(reader), "published": _first_page_date(texts) or _created(reader)}
    # ``body`` is clean and stripped already, so the page offsets hold in the document's text.
    return [replace(readers.document_from(path, body, meta), pages=tuple(starts))]


def _open(path: Path, data: bytes) -> PdfReader:
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{path}: not a PDF (no '%PDF-' header)")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(f"{path}: truncated PDF (no end-of-file marker); get the whole "
                         "file again")
    try:
        reader = PdfReader(io.BytesIO(data))
        # Many PDFs are encrypted with an empty password only to restrict printing.
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: encrypted PDF that needs a password; save a copy "
                             "without one")
        if not reader.pages:
            raise InputError(f"{path}: corrupt PDF: no pages")
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a broken file
        raise InputError(f"{path}: corrupt PDF: {_one_line(exc)}") from None
    return reader


def _page_lines(path: Path, reader: PdfReader) -> list[list[str]]:
    """Each page's lines (spaces collapsed, empty lines left out), at most ``MAX_BYTES`` of
    text in all, read one page at a time."""
    pages: list[list[str]] = []
    size = 0
    for number, page in enumerate(reader.pages, 1):
        try:
            text = readers.clean_text(page.extract_text() or "")
        except Exception as exc:  # noqa: BLE001 - as in _open
            raise InputError(f"{path}: corrupt PDF: page {number}: {_one_line(exc)}") from None
        size += len(text.encode("utf-8"))
        if size > readers.MAX_BYTES:
            raise InputError(f"{path}: over the {readers.MAX_BYTES:,}-byte limit of text for "
                             f"one document by page {number}; split it")
        lines = (" ".join(line.split()) for line in text.split("\n"))
        pages.append([line for line in lines if line])
    return pages


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _is_edge(index: int, count: int) -> bool:
    return index < _EDGE or index >= count - _EDGE


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines (as ``_key``) at the top or bottom of most pages: of all of a short document's
    (a paragraph's last words can end two pages of four alike), of 60% of a longer one's."""
    seen = Counter(key for lines in pages
                   for key in {_key(line) for i, line in enumerate(lines)
                               if _is_edge(i, len(lines))})
    needed = len(pages) if len(pages) < 5 else 0.6 * len(pages)
    return {key for key, count in seen.items() if count >= max(2, needed)}


def _join_lines(lines: list[str]) -> str:
    """A page's lines as paragraphs: a line ends one if it is short (a date), or shorter than
    most and either ends a sentence (a paragraph's last line) or is followed by a capital (a
    heading); others go on into the next line. (Narrow justified columns have lines of
    uneven length; a break where a sentence ends anyway does no harm.)"""
    if not lines:
        return ""
    lengths = sorted(len(line) for line in lines)
    # The longest line, or on a fuller page the 90th percentile (one long URL is no measure).
    full = lengths[int(0.9 * (len(lengths) - 1))] if len(lengths) >= 10 else lengths[-1]
    text = lines[0]
    for previous, line in zip(lines, lines[1:], strict=False):
        if _HYPHEN_END.search(previous) and line[:1].islower():
            text = text[:-1] + line
        elif len(previous) < 0.5 * full or (len(previous) < 0.8 * full and (
                previous.endswith(_SENTENCE_END) or line[:1].isupper())):
            text += "\n" + line
        else:
            text += " " + line
    return text


def _join_words_across_pages(texts: list[str]) -> None:
    """A word hyphenated at the end of a page is joined on the page it starts on."""
    for i in range(len(texts) - 1):
        after = texts[i + 1]
        if _HYPHEN_END.search(texts[i]) and after[:1].islower():
            rest = after.split(maxsplit=1)
            texts[i] = texts[i][:-1] + rest[0]
            texts[i + 1] = rest[1] if len(rest) > 1 else ""


def _title(reader: PdfReader) -> str | None:
    try:
        title = " ".join(str((reader.metadata or {}).get("/Title") or "").split())
    except Exception:  # noqa: BLE001 - a broken info dictionary just has no title
        return None
    return title if title and not _NOT_TITLES.match(title) else None


def _first_page_date(texts: list[str]) -> dt.date | None:
    """A date standing on a short line near the top of the first page with text."""
    first = next((text for text in texts if text), "")
    for line in first.split("\n")[:10]:
        if len(line) > 60:
            continue
        for pattern in _DATES:
            match = pattern.search(line)
            if match is None:
                continue
            month = match["m"]
            month_number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                return dt.date(int(match["y"]), month_number, int(match["d"]))
            except ValueError:
                continue
    return None


def _created(reader: PdfReader) -> dt.date | None:
    try:
        created = reader.metadata.creation_date if reader.metadata else None
    except Exception:  # noqa: BLE001 - a malformed date is no date
        return None
    return created.date() if created else None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
