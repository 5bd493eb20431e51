"""The progress bar of `build` and `ingest` counts files: a feed file's items move it once."""

import io
from pathlib import Path

import pytest

from hkweb3.cli import _Report
from hkweb3.loaders.ingest import DocumentResult


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("tty", [True, False])
def test_the_bar_moves_once_per_file_and_only_on_a_terminal(monkeypatch, tty):
    err = Terminal() if tty else io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    feed, note = Path("news.xml"), Path("note.md")
    report = _Report("json", None)
    report.start(2)
    for path, doc in ((feed, "item-1"), (feed, "item-2"), (feed, "item-3"), (note, "note")):
        report.tick(DocumentResult(path=path, document=doc, status="added"))
    if tty:
        assert (report.bar.pos, report.bar.length) == (2, 2)
        report.bar.render_finish()
        assert "files" in err.getvalue() and "2/2" in err.getvalue()
    else:
        assert report.bar is None and err.getvalue() == ""  # no stray line in a log
    assert [r.document for r in report.results] == ["item-1", "item-2", "item-3", "note"]
