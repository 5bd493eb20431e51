"""One row writer for every command: ``table``, ``json`` or ``csv``.

Rows are dicts; nested values (lists, nodes, paths) print compactly in a table or CSV cell
and as real JSON in ``json``. Control characters (a file name can hold a terminal escape
sequence) never reach the terminal raw: see :func:`printable`.

Examples
--------
>>> import io
>>> out = io.StringIO()
>>> write_rows([{"label": "Bank", "count": 4}], "table", out)
>>> print(out.getvalue(), end="")
label  count
-----  -----
Bank       4
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from typing import Any, TextIO

FORMATS = ("table", "json", "csv")
MAX_CELL = 80

# What a terminal acts on or hides: C0 and C1 controls (ESC, CSI), line separators,
# bidirectional overrides, and lone surrogates (a file name's undecodable bytes).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                          "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    r"""``text`` with every control character shown as an escape, so that it prints on one
    line and as written.

    >>> print(printable("rep\x1b]0;owned\x07ort.md\n\udcff"))
    rep\x1b]0;owned\x07ort.md\n\xff
    """
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as Python decodes file names
        return f"\\x{code - 0xDC00:02x}"
    if code in _NAMED:
        return _NAMED[code]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_NAMED = {ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}


def write_rows(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    out: TextIO,
    columns: Sequence[str] | None = None,
) -> None:
    """Write ``rows`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`)."""
    columns = list(columns or _columns(rows))
    if fmt == "json":
        text = json.dumps(list(rows), indent=2, ensure_ascii=False, default=str)
        # JSON escapes C0 controls itself (a raw one is the indent's line break); the others
        # only occur inside strings, where a \u escape keeps the value exact.
        out.write(_UNPRINTABLE.sub(lambda m: m[0] if m[0] < " " else f"\\u{ord(m[0]):04x}",
                                   text) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c), limit=None) for c in columns])
    elif fmt == "table":
        _table(rows, columns, out)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _cell(value: Any, limit: int | None = MAX_CELL) -> str:
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = value
    elif isinstance(value, bool | int | float):
        text = str(value).lower() if isinstance(value, bool) else str(value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    text = printable(" ".join(text.split()))
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _table(rows: Sequence[dict[str, Any]], columns: list[str], out: TextIO) -> None:
    if not columns:
        out.write("(no rows)\n")
        return
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    numeric = [_numeric([row.get(c) for row in rows]) for c in columns]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        columns = zip(values, widths, numeric, strict=True)
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in columns]
        return "  ".join(parts).rstrip() + "\n"

    out.write(line(columns))
    out.write(line(["-" * w for w in widths]))
    for row in cells:
        out.write(line(row))
    if not rows:
        out.write("(no rows)\n")


def _numeric(values: list[Any]) -> bool:
    """Whether a column holds numbers only (so it is right-aligned)."""
    present = [v for v in values if v is not None]
    return bool(present) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in present
    )
