"""Word documents (.docx), read with python-docx: paragraphs and tables, in document order.

Each paragraph is a line, and so is each table cell (a cell spanning several columns once):
a line break ends a sentence for extraction, and a cell is seldom a sentence of a row. The
title is the core properties' title, else the first line. No date is taken: Word's created
and modified dates say when the file was made, not when its text was published.

Headers, footers, footnotes, comments and text boxes are not read. A legacy .doc, or a .docx
encrypted with a password (both are OLE files, not ZIP archives), is refused.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document
from docx.table import Table

from hkweb3.errors import InputError
from hkweb3.loaders import readers
from hkweb3.loaders.readers import SourceDocument

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: What the archive may unpack to: a few hundred KB of XML can claim gigabytes ("zip bomb").
MAX_UNPACKED = 200 * 1024 * 1024


def read(path: Path, data: bytes) -> list[SourceDocument]:
    """The one document a .docx file's bytes hold (raises InputError naming ``path``)."""
    if data.startswith(_OLE):
        raise InputError(f"{path}: an encrypted .docx or a legacy Word .doc, not a .docx "
                         "archive; save it as .docx without a password")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > MAX_UNPACKED:
            raise InputError(f"{path}: unpacks to {unpacked:,} bytes, over the "
                             f"{MAX_UNPACKED:,}-byte limit")
        document = docx.Document(io.BytesIO(data))
        lines = list(_lines(document))
        title = document.core_properties.title
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a broken file
        raise InputError(f"{path}: not a readable .docx: {' '.join(str(exc).split())[:200]}"
                         ) from None
    body = "\n".join(lines)
    if len(body.encode("utf-8")) > readers.MAX_BYTES:
        raise InputError(f"{path}: over the {readers.MAX_BYTES:,}-byte limit of text for one "
                         "document; split it")
    return [readers.document_from(path, body, {"title": title or None})]


def _lines(document: Document) -> Iterator[str]:
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _cells(block)
        elif text := " ".join(block.text.split()):
            yield text


def _cells(table: Table) -> Iterator[str]:
    seen: set[object] = set()  # the cells' XML elements, kept alive so that each stays itself
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is returned once per column it spans
                continue
            seen.add(cell._tc)
            for inner in cell.tables:
                yield from _cells(inner)
            if text := " ".join(cell.text.split()):
                yield text
