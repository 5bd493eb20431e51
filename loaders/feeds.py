"""RSS and Atom feed files (as saved by a feed reader), read with feedparser: one document
per item.

An item's title, link (as url), published (or updated) date and text (its content, else its
summary, as visible text: HTML is stripped as for an HTML page); the feed's title is the
outlet. An item's identity is its guid (Atom: id), else its link, else its title: its
document id is the feed file's name and a hash of that identity, so a newer copy of the feed
gives the same ids to the same items, and re-ingesting it adds only new or changed items.
Items with no text and no title carry nothing and are left out.

feedparser is handed the bytes as a stream: given bytes or a string, it first tries them
as a URL to fetch or a file name to open.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import time
from pathlib import Path
from typing import Any

import feedparser

from hkweb3.errors import InputError
from hkweb3.loaders import readers
from hkweb3.loaders.readers import SourceDocument


def read(path: Path, data: bytes) -> list[SourceDocument]:
    """The documents of a feed file's items, in the feed's order."""
    try:
        feed = feedparser.parse(io.BytesIO(data), sanitize_html=False,
                                resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001 - a parser crash is the file's problem here
        raise InputError(f"{path}: cannot parse feed: {' '.join(str(exc).split())[:200]}"
                         ) from None
    if not feed.version and not feed.entries:
        reason = feed.get("bozo_exception")
        detail = f": {' '.join(str(reason).split())[:200]}" if reason else ""
        raise InputError(f"{path}: not an RSS or Atom feed{detail}")
    outlet = readers.clean_text(feed.feed.get("title") or "").strip() or None
    stem = readers.slugify(path.stem) or "feed"
    documents = []
    for entry in feed.entries:
        title = _plain(entry.get("title") or "")
        text = _text(path, entry) or title
        identity = entry.get("id") or entry.get("link") or title
        if not text or not identity:
            continue
        digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:12]
        meta: dict[str, Any] = {"id": f"{stem}-{digest}", "title": title or None,
                                "outlet": outlet, "url": entry.get("link"),
                                "published": _date(entry)}
        documents.append(readers.document_from(path, text, meta))
    if not documents:
        raise InputError(f"{path}: feed has no items with text")
    return documents


def _text(path: Path, entry: Any) -> str:
    """The item's content (the longest, if several), else its summary, as plain text."""
    contents = sorted(entry.get("content") or [], key=lambda c: len(c.get("value") or ""))
    if contents and (contents[-1].get("value") or "").strip():
        part = contents[-1]
    else:
        part = entry.get("summary_detail") or {"value": entry.get("summary") or ""}
    value = part.get("value") or ""
    html = "html" in (part.get("type") or "text/html")
    text = readers.html_to_text(value) if html else value
    if len(text.encode("utf-8")) > readers.MAX_BYTES:
        raise InputError(f"{path}: item {entry.get('title')!r} is over the "
                         f"{readers.MAX_BYTES:,}-byte limit for one document")
    return readers.clean_text(text).strip()


def _plain(value: str) -> str:
    return " ".join(readers.html_to_text(value).split())


def _date(entry: Any) -> dt.date | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get(
        "updated_parsed")
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
