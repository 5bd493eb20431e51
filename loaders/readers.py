"""Read source documents: Markdown or text (front matter optional), HTML, JSON and YAML
here; PDF, Word (.docx) and RSS/Atom feeds in :mod:`~hkweb3.loaders.pdf`,
:mod:`~hkweb3.loaders.word` and :mod:`~hkweb3.loaders.feeds`.

Each reader returns a :class:`SourceDocument`: the plain text to extract from, plus its
metadata (title, outlet, url, published date); a feed file gives one per item
(:func:`read_documents`). Problems raise :class:`InputError` naming the file: empty,
binary, an encoding that cannot be detected, malformed front matter.

Only regular files are read: a FIFO, device or socket is refused before it is opened (a FIFO
would block for ever, ``/dev/zero`` never ends), and a symbolic link whose target lies
outside the folder being ingested is not followed unless asked. At most ``MAX_BYTES`` are
read, whatever the file's size claims to be; PDF, Word and feed files may be larger (at most
``MAX_FILE_BYTES``), as what counts for them is the text they hold: at most ``MAX_BYTES``
of it (UTF-8) per document.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "za-bank.md"
>>> text = "---\\ntitle: ZA Bank\\npublished: 2023-04-12\\n---\\nZA Bank banks OSL.\\n"
>>> _ = path.write_text(text)
>>> doc = read_document(path)
>>> doc.id, doc.title, doc.published.isoformat(), doc.text
('za-bank', 'ZA Bank', '2023-04-12', 'ZA Bank banks OSL.')
"""

from __future__ import annotations

import codecs
import datetime as dt
import importlib
import json
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO

import trafilatura
import yaml

from hkweb3.errors import InputError
from hkweb3.graph.models import Document

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm", ".json", ".yaml", ".yml"}
#: Files whose text a library takes out: suffix -> the module of ``hkweb3.loaders`` that reads.
FORMAT_MODULES = {".pdf": "pdf", ".docx": "word", ".rss": "feeds", ".atom": "feeds",
                  ".xml": "feeds"}
SUFFIXES = TEXT_SUFFIXES | set(FORMAT_MODULES)
#: Larger documents are refused rather than read whole into memory (for PDF, Word and feed
#: files: the text taken out of them, per document).
MAX_BYTES = 5 * 1024 * 1024
#: PDF, Word and feed files: the bytes read, images and fonts included (a safety cap).
MAX_FILE_BYTES = 100 * 1024 * 1024

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_SLUG_STRIP = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class SourceDocument:
    """A document as read: its text and what is known about it."""

    id: str
    path: Path
    text: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    #: Where each page starts in ``text`` (character offsets, ascending), for paged formats.
    pages: tuple[int, ...] = ()

    @property
    def content_hash(self) -> str:
        return Document.hash_text(self.text)

    @property
    def origin(self) -> str | None:
        """The file's real, absolute path, whatever working folder or link named it (ingest
        compares it to tell documents apart); bytes that are not UTF-8 as ``\\xNN``."""
        if self.path is None:
            return None
        return os.fsencode(os.path.realpath(self.path)).decode("utf-8", "backslashreplace")

    def as_document(self) -> Document:
        return Document(id=self.id, title=self.title, outlet=self.outlet, url=self.url,
                        published=self.published, content_hash=self.content_hash,
                        path=self.origin)


#: Letters that Unicode does not decompose into a plain letter and an accent.
_PLAIN_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                                "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                                "ß": "ss", "þ": "th", "Þ": "Th"})


def slugify(text: str) -> str:
    """Lower-case words joined by ``-``, accents dropped: ``"Bank of China (HK)"`` ->
    ``"bank-of-china-hk"``, ``"Stéphanie Roux"`` -> ``"stephanie-roux"``, ``"Søren Łukasz"``
    -> ``"soren-lukasz"``."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
                   if not unicodedata.combining(c))
    return _SLUG_STRIP.sub("-", bare.lower()).strip("-")


def find_documents(
    paths: list[Path], follow_links: bool = False, skipped: Counter[str] | None = None
) -> Iterator[tuple[Path, Path]]:
    """``(file, folder)`` for each file to ingest under ``paths``, in a stable order: folders
    are walked recursively (hidden entries skipped), and a file named on its own is its own
    folder's. ``folder`` is what a symbolic link must stay inside (see :func:`read_document`).

    Links to folders are walked only with ``follow_links``; one that leads outside the folder
    is still yielded, so that reading it reports the link rather than skipping it silently.
    What a walk leaves out is counted in ``skipped``: by suffix (``".png"``, ``""`` for
    none), and hidden entries as ``"hidden"`` (see :func:`describe_skipped`).
    """
    for path in paths:
        if path.is_dir():
            for file in _walk(path, follow_links, Counter() if skipped is None else skipped):
                yield file, path
        elif os.path.lexists(path):
            yield path, path.parent
        else:
            raise InputError(f"{path}: no such file or directory")


def describe_skipped(skipped: Counter[str]) -> list[str]:
    """One line per kind of file a walk left out, with its count and why.

    >>> describe_skipped(Counter({".png": 2, "": 1, "hidden": 1}))
    ['skipped 1 file with no suffix: not a type hkweb3 reads', \
'skipped 2 .png files: not a type hkweb3 reads', \
"skipped 1 hidden file or folder: its name starts with '.'"]
    """
    lines = []
    for kind, count in sorted(skipped.items(), key=lambda item: (item[0] == "hidden", item[0])):
        files = "file" if count == 1 else "files"
        if kind == "hidden":
            lines.append(f"skipped {count} hidden {files} or folder{'s' * (count > 1)}: its "
                         "name starts with '.'")
        else:
            what = f"{kind} {files}" if kind else f"{files} with no suffix"
            lines.append(f"skipped {count} {what}: not a type hkweb3 reads")
    return lines


def _walk(folder: Path, follow_links: bool, skipped: Counter[str]) -> list[Path]:
    found: list[Path] = []
    seen: set[str] = set()  # real paths of folders walked: a link back up is not a loop

    def visit(directory: Path) -> None:
        real = os.path.realpath(directory)
        if real in seen:
            return
        seen.add(real)
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            raise InputError(f"{directory}: cannot list folder: {exc.strerror}") from None
        for entry in entries:
            if entry.name.startswith("."):
                skipped["hidden"] += 1
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                visit(path)
            elif entry.is_symlink() and entry.is_dir():
                if follow_links:
                    visit(path)
                elif not _inside(os.path.realpath(path), folder):
                    found.append(path)  # reported, not silently skipped
            elif path.suffix.lower() in SUFFIXES:
                found.append(path)  # FIFOs, devices and links too: reading refuses them
            else:
                skipped[path.suffix.lower()] += 1

    visit(folder)
    return sorted(found)


def _inside(real: str, folder: Path) -> bool:
    root = os.path.realpath(folder)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def read_documents(path: Path, folder: Path | None = None,
                   follow_links: bool = False) -> list[SourceDocument]:
    """The documents one file holds: several for a feed (one per item), else one.

    ``folder`` (default: the file's own) is where the file must really be: a symbolic link
    out of it is refused unless ``follow_links``.

    Raises
    ------
    InputError
        ``PATH: what is wrong``.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES and not os.path.isdir(path):
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'!r} "
                         f"(expected one of {', '.join(sorted(SUFFIXES))})")
    folder = path.parent if folder is None else folder
    if suffix in FORMAT_MODULES:
        # Each library loads only when a file of its kind is read.
        module = importlib.import_module(f"hkweb3.loaders.{FORMAT_MODULES[suffix]}")
        data = read_bytes(path, folder, follow_links, MAX_FILE_BYTES)
        if not data or data.isspace():
            raise InputError(f"{path}: empty file")
        return module.read(path, data)
    text = _decode(path, read_bytes(path, folder, follow_links))
    if suffix in {".html", ".htm"}:
        return [_read_html(path, text)]
    if suffix == ".json":
        return [_read_record(path, _parse(path, text, json.loads, "JSON"))]
    if suffix in {".yaml", ".yml"}:
        return [_read_record(path, _parse(path, text, yaml.safe_load, "YAML"))]
    return [_read_markdown(path, text)]


def read_document(path: Path, folder: Path | None = None,
                  follow_links: bool = False) -> SourceDocument:
    """Read a file that holds one document (as :func:`read_documents`; a feed is refused)."""
    documents = read_documents(path, folder, follow_links)
    if len(documents) != 1:
        raise InputError(f"{path}: holds {len(documents)} documents, not one")
    return documents[0]


# -- bytes to text -------------------------------------------------------------------------


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def read_bytes(path: Path, folder: Path, follow_links: bool, limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most ``limit`` (default ``MAX_BYTES``) of them, and not
    through a link out of ``folder`` unless ``follow_links`` (raises InputError naming
    ``path``)."""
    limit = MAX_BYTES if limit is None else limit
    target = os.path.realpath(path)
    if not follow_links and not _inside(target, folder):
        raise InputError(f"{path}: symbolic link to {target}, outside "
                         f"{os.path.realpath(folder)}; not followed (pass --follow-links to "
                         "read it)")
    try:
        size = _check_regular(path, os.stat(target))  # before opening: opening a FIFO blocks
        if size > limit:
            raise InputError(f"{path}: {size:,} bytes is over the {limit:,}-byte limit "
                             "for one document; split it")
        # O_NONBLOCK: if a FIFO took the file's place since, opening it still returns.
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as handle:
            _check_regular(path, os.fstat(fd))
            # The limit counts the bytes read: /proc files and growing files say less.
            data = _read_at_most(handle, limit + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > limit:
        raise InputError(f"{path}: over the {limit:,}-byte limit for one document; split it")
    return data


def _read_at_most(handle: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes, a megabyte at a time: one ``read(size)`` would allocate all of
    ``size`` (100 MiB for a PDF) whatever the file holds."""
    chunks: list[bytes] = []
    left = size
    while left > 0 and (chunk := handle.read(min(left, 1 << 20))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _check_regular(path: Path, status: os.stat_result) -> int:
    """The size of a regular file; anything else is refused."""
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _KINDS if test(status.st_mode)), "a special file")
        raise InputError(f"{path}: {kind}, not a regular file; only regular files are read")
    return status.st_size


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise InputError(f"{path}: empty file")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return clean_text(data.decode(encoding, errors="strict"))
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: binary file, not text")
    try:
        return clean_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", data[:4096], re.I)
    for encoding in ([declared[1].decode()] if declared else []) + ["cp1252"]:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return clean_text(text)
    raise InputError(f"{path}: not UTF-8 and its encoding could not be detected; "
                     "convert it to UTF-8")


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t")
    return controls <= len(text) // 1000


def clean_text(text: str) -> str:
    """``\\r\\n`` as ``\\n``, other control characters than line breaks and tabs as spaces."""
    # Control characters other than line breaks and tabs carry nothing for extraction.
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", text.replace("\r\n", "\n"))


# -- formats -------------------------------------------------------------------------------


def _read_markdown(path: Path, text: str) -> SourceDocument:
    meta: dict[str, Any] = {}
    body = text
    if text.startswith("---"):
        match = _FRONT_MATTER.match(text)
        if match is None:
            raise InputError(f"{path}: front matter opened with '---' is never closed")
        try:
            meta = yaml.safe_load(match[1]) or {}
        except RecursionError:
            raise InputError(f"{path}: malformed front matter: nested too deeply") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 2}" if mark else ""
            raise InputError(f"{path}{line}: malformed front matter: "
                             f"{getattr(exc, 'problem', None) or 'invalid YAML'}") from None
        if not isinstance(meta, dict):
            raise InputError(f"{path}: front matter must be a mapping of fields")
        body = text[match.end():]
    body = _strip_markdown(unwrap(body))
    return document_from(path, body, meta)


#: A line at least this long that ends mid-sentence was wrapped by its writer, not ended.
WRAP_WIDTH = 50
_BLOCK_START = re.compile(r"\s*(?:[#>|*+•-]|\d+[.)]\s)")


def unwrap(text: str) -> str:
    r"""Hard-wrapped paragraphs joined into one line each, as the writer's editor showed them:
    the extractor ends a sentence at every line break, and its statistical model reads a
    break inside a sentence badly. A break is a wrap when the next line goes on in lower
    case, or when a long line ends in a word or comma and the next line starts no heading,
    list item or quote; blank lines, headings and short lines stay as they are.

    >>> unwrap("Its chief executive Mara Quill said that demand\nwas strong.\n\n# Next")
    'Its chief executive Mara Quill said that demand was strong.\n\n# Next'
    >>> unwrap("A short heading\nThe first sentence.")
    'A short heading\nThe first sentence.'
    """
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        last, head = out[-1].rstrip(), line.lstrip()
        wraps = bool(last and head) and not _BLOCK_START.match(out[-1]) and (
            head[0].islower()
            or (len(last) >= WRAP_WIDTH and (last[-1].isalpha() and last[-1].islower()
                                             or last[-1] == ",")
                and not _BLOCK_START.match(line)))
        if wraps:
            out[-1] = f"{last} {head}"
        else:
            out.append(line)
    return "\n".join(out)


def _read_record(path: Path, record: Any) -> SourceDocument:
    if not isinstance(record, dict):
        raise InputError(f"{path}: a structured record must be a mapping with a 'text' field")
    body = record.get("text") or record.get("body") or record.get("content")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{path}: record has no 'text' (or 'body') field")
    return document_from(path, body, record)


def _read_html(path: Path, text: str) -> SourceDocument:
    """An HTML article: trafilatura takes out the article's text (no navigation, share
    buttons, advertisements or related links) and its title, date, site name and address. A
    page too short for it to find an article in is read as its visible text."""
    try:
        found = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=True,
            deduplicate=False, favor_precision=True,
            # the date the page states, never one guessed from the words of the text
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # noqa: BLE001 - a parser's error must not crash an ingest
        raise InputError(f"{path}: cannot parse HTML: {exc}") from None
    if found is not None and found.text and found.text.strip():
        body = "\n".join(_LIST_ITEM.sub("", line) for line in found.text.split("\n"))
        return document_from(path, body, {"title": found.title, "outlet": found.sitename,
                                          "url": found.url, "published": found.date})
    parser = _ArticleParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # noqa: BLE001 - html.parser raises few, but never crash ingest
        raise InputError(f"{path}: cannot parse HTML: {exc}") from None
    meta = {"title": parser.meta.get("og:title") or parser.title,
            "outlet": parser.meta.get("og:site_name"),
            "url": parser.meta.get("og:url") or parser.canonical,
            "published": next((parser.meta[k] for k in _DATE_META if parser.meta.get(k)), None)}
    return document_from(path, parser.text(), meta)


#: trafilatura writes a list item as "- item"; the text to extract from is the item.
_LIST_ITEM = re.compile(r"^- (?=\S)")


def html_to_text(html: str) -> str:
    """The visible text of HTML (a page or a fragment), one line per block.

    >>> html_to_text("<p>ZA Bank &amp; OSL</p><script>x()</script><p>signed.</p>")
    'ZA Bank & OSL\\nsigned.'
    """
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    return parser.text()


def _parse(path: Path, text: str, parse, what: str) -> Any:
    try:
        return parse(text)
    except RecursionError:
        raise InputError(f"{path}: invalid {what}: nested too deeply") from None
    except (ValueError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: invalid {what}: {' '.join(str(exc).split())[:200]}") from None


def document_from(path: Path, body: str, meta: dict[str, Any]) -> SourceDocument:
    """A document of ``body`` and its metadata (``id``, ``title``, ``outlet``, ``url``,
    ``published`` or ``date``), each checked; the id defaults to the file's stem."""
    for key in _META_FIELDS:
        # One value each: a YAML list or mapping is refused before it is turned into text
        # (a few hundred bytes of nested aliases expand to gigabytes: "billion laughs").
        if meta.get(key) is not None and not isinstance(meta[key], _SCALARS):
            raise InputError(f"{path}: field {key!r} must be a single value, "
                             f"not a {type(meta[key]).__name__}")
    body = clean_text(body).strip()  # again: JSON and YAML escapes can spell control characters
    if not body:
        raise InputError(f"{path}: no text to read")
    doc_id = slugify(str(meta.get("id") or path.stem))
    if not doc_id:
        raise InputError(f"{path}: cannot make a document id from its name")
    title = _text(meta.get("title") or None) or _text(_first_line(body)) or doc_id
    return SourceDocument(
        id=doc_id,
        path=path,
        text=body,
        title=title[:300].rstrip(),
        outlet=_text(meta.get("outlet")),
        url=_text(meta.get("url")),
        published=_date(path, meta.get("published") or meta.get("date")),
    )


_META_FIELDS = ("id", "title", "outlet", "url", "published", "date")
_SCALARS = (str, int, float, dt.date)


def _date(path: Path, value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"{path}: published date {str(value)[:40]!r} is not YYYY-MM-DD"
                         ) from None


def _text(value: Any) -> str | None:
    """A metadata value as one line of text (control characters dropped), or ``None``."""
    return " ".join(clean_text(str(value)).split()) or None if value is not None else None


def _first_line(body: str) -> str:
    return body.strip().splitlines()[0].lstrip("# ").strip()


def _strip_markdown(body: str) -> str:
    body = re.sub(r"^#{1,6}\s*", "", body, flags=re.M)  # headings become plain lines
    body = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", body)  # links keep their text
    return re.sub(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1", r"\2", body)


# -- HTML ----------------------------------------------------------------------------------

_DATE_META = ("article:published_time", "date", "dc.date", "pubdate", "publish-date",
              "og:published_time")
_SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template",
         "svg", "form", "button"}
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
          "tr", "blockquote", "pre", "ul", "ol", "table"}


class _ArticleParser(HTMLParser):
    """Collects visible text (outside scripts, styles and navigation) and meta tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.canonical: str | None = None
        self._skipping: list[str] = []
        self._in_title = False
        self._chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"].strip())
        elif tag == "link" and values.get("rel", "").lower() == "canonical":
            self.canonical = values.get("href")
        elif tag == "title":
            self._in_title = True
        elif tag in _SKIP:
            self._skipping.append(tag)
        if tag in _BLOCK:
            self._chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        if tag in _BLOCK:
            self._chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self._chunks.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self._chunks).split("\n"))
        return "\n".join(line for line in lines if line)
