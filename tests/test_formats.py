"""PDF, RSS/Atom feed files and Word .docx as inputs (issue 17), against the real embedded
server: the tests write their own files (PDFs with fpdf2, the scanned-like one holding only
an image)."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from fpdf import FPDF
from PIL import Image

from hkweb3 import api
from hkweb3.cli import cli
from hkweb3.data import REGISTRY_DIR
from hkweb3.errors import InputError
from hkweb3.graph.models import Evidence
from hkweb3.loaders import readers
from hkweb3.loaders.ingest import Ingester
from hkweb3.loaders.readers import read_document, read_documents
from hkweb3.loaders.registry import read_registry
from tests.reliability_support import error_lines

HEADER = "Harbour Ledger Research | Weekly digital-asset briefing"
PAGES = [
    ["Hong Kong banks and platforms",
     "Harbour Crest Bank provides settlement accounts to OSL, the lender said on Tuesday. "
     "The arrangement covers deposits and withdrawals in Hong Kong dollars for professional "
     "investors and their advisers."],
    ["Regulation",
     "Lumen Ridge Bank is regulated by the Hong Kong Monetary Authority, which reviewed its "
     "digital-asset custody plans over several months before giving its approval."],
    ["People",
     "Tobin Hale, chief executive of Harbour Crest Bank, said demand from institutional "
     "clients was strong and that further partnerships would follow later in the year."],
]


class Briefing(FPDF):
    """A PDF with a running header and a "Page N of M" footer on every page."""

    def __init__(self, header: str | None) -> None:
        super().__init__()
        self.running_header = header

    def header(self) -> None:
        if self.running_header:
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, self.running_header, new_x="LMARGIN", new_y="NEXT")

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")


def write_pdf(path: Path, pages: list[list[str]], header: str | None = HEADER,
              **metadata: str) -> Path:
    pdf = Briefing(header)
    for key, value in metadata.items():
        getattr(pdf, f"set_{key}")(value)
    for paragraphs in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(path))
    return path


def ingester(store, **options) -> Ingester:
    return Ingester(store, read_registry(REGISTRY_DIR).entities, **options)


def outcome(results) -> list[tuple[str | None, str]]:
    return [(r.document, r.status) for r in results]


def invoke(cli_env: dict[str, str], *args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env=cli_env)


def stored_documents(store) -> list[dict]:
    return store.read("MATCH (d:Document) WHERE d.content_hash IS NOT NULL RETURN d.id AS id, "
                      "d.title AS title, d.url AS url, d.outlet AS outlet, "
                      "d.published AS published ORDER BY id").rows


# -- PDF -----------------------------------------------------------------------------------


def test_a_pdf_is_read_without_its_running_header_and_footer(tmp_path):
    path = write_pdf(tmp_path / "briefing.pdf", PAGES, title="Weekly briefing")
    doc = read_document(path)
    assert doc.title == "Weekly briefing"
    assert HEADER not in doc.text and "Page" not in doc.text
    for page in PAGES:
        for paragraph in page:
            assert paragraph in doc.text  # wrapped lines joined: one line per paragraph
    assert len(doc.pages) == 3
    for number, (start, page) in enumerate(zip(doc.pages, PAGES, strict=True), 1):
        assert doc.text[start:].startswith(page[0]), number


def test_the_facts_of_a_pdf_name_the_page_of_their_sentence(store, config, tmp_path):
    path = write_pdf(tmp_path / "briefing.pdf", PAGES)
    assert outcome(ingester(store).run([path])) == [("briefing", "added")]
    pages = {}
    for edge in store.dump()["edges"]:
        for item in edge["evidence"]:
            if item["document"] == "briefing":
                pages[(edge["source"], edge["type"], edge["target"])] = item["page"]
    assert pages[("harbour-crest-bank", "PROVIDES_BANKING_TO", "osl")] == 1
    assert pages[("lumen-ridge-bank", "REGULATED_BY", "hkma")] == 2
    assert pages[("tobin-hale", "HOLDS_ROLE", "harbour-crest-bank")] == 3
    (step,) = api.path("Harbour Crest Bank", "OSL", config=config)
    assert [(e["document"], e["page"]) for e in step["evidence"]] == [("briefing", 1)]


def test_a_word_hyphenated_across_lines_and_the_first_page_date_are_read(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in ("4 March 2025", "Harbour Crest Bank provides settle-",
                 "ment accounts to OSL and to several other licensed platforms in the",
                 "city, the lender said."):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "circular.pdf"))
    doc = read_document(tmp_path / "circular.pdf")
    assert doc.published == dt.date(2025, 3, 4)
    assert doc.text == ("4 March 2025\nHarbour Crest Bank provides settlement accounts to OSL "
                        "and to several other licensed platforms in the city, the lender said.")


def scanned_pdf(path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    image = io.BytesIO()
    Image.new("L", (400, 200), color=255).save(image, format="PNG")
    pdf.image(image, x=10, y=10, w=180)
    pdf.output(str(path))


def encrypted_pdf(path: Path) -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="reader")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "ZA Bank provides settlement accounts to OSL.")
    pdf.output(str(path))


def truncated_pdf(path: Path) -> None:
    write_pdf(path, PAGES)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def corrupt_pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n" + random.Random(3).randbytes(5000) + b"\n%%EOF\n")


@pytest.mark.parametrize("make, message", [
    (scanned_pdf, "no text layer (scanned?); only PDFs with text can be read (run a scan "
                  "through OCR first)"),
    (encrypted_pdf, "encrypted PDF that needs a password; save a copy without one"),
    (truncated_pdf, "truncated PDF (no end-of-file marker); get the whole file again"),
    (corrupt_pdf, "corrupt PDF: startxref not found"),  # pypdf's words after "corrupt PDF"
])
def test_a_pdf_that_cannot_be_read_is_one_line_and_writes_nothing(make, message, store,
                                                                  cli_env, tmp_path):
    path = tmp_path / "circular.pdf"
    make(path)
    result = invoke(cli_env, "ingest", path, "--format", "json")
    assert result.exit_code == 1
    assert [(r["document"], r["status"]) for r in json.loads(result.stdout)] == [
        (None, "error")]
    assert error_lines(result.stderr) == [f"Error: {path}: {message}"]
    assert store.dump() == {"nodes": [], "edges": [], "documents": []}


def test_a_pdf_opened_with_an_empty_password_is_read(tmp_path):
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner")  # restricts printing, opens for anyone
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "ZA Bank provides settlement accounts to OSL.")
    pdf.output(str(tmp_path / "restricted.pdf"))
    assert read_document(tmp_path / "restricted.pdf").text == (
        "ZA Bank provides settlement accounts to OSL.")


def test_the_text_limit_counts_the_text_of_a_pdf_not_its_bytes(tmp_path, monkeypatch):
    pdf = Briefing(HEADER)
    pdf.add_page()
    noise = Image.frombytes("L", (600, 600), random.Random(1).randbytes(360_000))
    pdf.image(noise, x=10, y=20, w=100)  # a photograph: large, and no text
    pdf.set_y(130)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, PAGES[0][1])
    path = tmp_path / "photo.pdf"
    pdf.output(str(path))
    monkeypatch.setattr(readers, "MAX_BYTES", 1024)
    assert path.stat().st_size > 300_000
    assert len(read_document(path).text) < 1024 < path.stat().st_size

    write_pdf(path, PAGES * 4)
    with pytest.raises(InputError) as refused:
        read_document(path)
    assert str(refused.value) == (f"{path}: over the 1,024-byte limit of text for one "
                                  "document by page 4; split it")


# -- RSS / Atom ----------------------------------------------------------------------------

ITEMS = [
    ("urn:ledger:1", "Harbour Crest Bank banks OSL", "Tue, 04 Mar 2025 08:00:00 GMT",
     "<p>Harbour Crest Bank provides settlement accounts to OSL.</p><script>x()</script>"),
    ("urn:ledger:2", "Lumen Ridge Bank regulated", "Wed, 05 Mar 2025 08:00:00 GMT",
     "<p>Lumen Ridge Bank is regulated by the Hong Kong Monetary Authority.</p>"),
    ("urn:ledger:3", "A quiet week", "Thu, 06 Mar 2025 08:00:00 GMT",
     "<p>Bitcoin traded near 25,000 US dollars, little changed.</p>"),
    ("urn:ledger:4", "Tobin Hale joins", "Fri, 07 Mar 2025 08:00:00 GMT",
     "<p>Tobin Hale, chief executive of Harbour Crest Bank, spoke on Friday.</p>"),
]


def rss(items) -> str:
    entries = "".join(
        f"<item><guid isPermaLink='false'>{guid}</guid><title>{title}</title>"
        f"<link>https://ledger.example/{guid[-1]}</link><pubDate>{date}</pubDate>"
        f"<description><![CDATA[{html}]]></description></item>"
        for guid, title, date, html in items)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Harbour Ledger</title><link>https://ledger.example/</link>{entries}"
            "</channel></rss>")


def test_each_feed_item_is_a_document_and_a_newer_feed_adds_only_new_items(store, tmp_path):
    feed = tmp_path / "ledger.xml"
    feed.write_text(rss(ITEMS[:3]))
    first = list(ingester(store).run([feed]))
    assert [r.status for r in first] == ["added"] * 3
    documents = stored_documents(store)
    assert sorted(d["title"] for d in documents) == sorted(t for _, t, _, _ in ITEMS[:3])
    assert all(d["id"].startswith("ledger-") for d in documents)
    by_title = {d["title"]: d for d in documents}
    item = by_title["Harbour Crest Bank banks OSL"]
    assert (item["url"], item["outlet"], str(item["published"])) == (
        "https://ledger.example/1", "Harbour Ledger", "2025-03-04")

    feed.write_text(rss(ITEMS[1:]))  # the feed rolled on: one item gone, one new
    second = list(ingester(store).run([feed]))
    ids = {r.document: r.status for r in second}
    assert sorted(ids.values()) == ["added", "unchanged", "unchanged"]
    assert {r.document for r in first} - set(ids) == {first[0].document}  # still stored
    assert len(stored_documents(store)) == 4


def test_an_atom_entry_reads_its_content_and_its_id_is_stable(tmp_path):
    atom = ("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            "<title>Pearl River Wire</title><id>urn:wire</id>"
            "<entry><id>tag:wire,2025:7</id><title>OSL</title>"
            "<link href='https://wire.example/7'/><updated>2025-05-01T00:00:00Z</updated>"
            "<summary>Short.</summary><content type='html'>&lt;p&gt;OSL is licensed by the "
            "SFC.&lt;/p&gt;</content></entry></feed>")
    (tmp_path / "wire.atom").write_text(atom)
    (doc,) = read_documents(tmp_path / "wire.atom")
    assert (doc.text, doc.outlet, doc.url, doc.published) == (
        "OSL is licensed by the SFC.", "Pearl River Wire", "https://wire.example/7",
        dt.date(2025, 5, 1))
    (tmp_path / "wire.atom").write_text(atom.replace("<title>OSL</title>",
                                                     "<title>OSL, retitled</title>"))
    assert read_documents(tmp_path / "wire.atom")[0].id == doc.id


def test_a_feed_file_naming_another_file_is_not_taken_for_that_name(tmp_path):
    """feedparser opens a string or bytes that name a file; the reader never lets it."""
    (tmp_path / "real.rss").write_text(rss(ITEMS[:1]))
    (tmp_path / "pointer.rss").write_text(str(tmp_path / "real.rss"))
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        read_documents(tmp_path / "pointer.rss")


def test_an_xml_file_that_is_no_feed_is_one_line(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text("<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>")
    with pytest.raises(InputError, match=r"^" + str(path) + r": (not an RSS or Atom feed|"
                                        r"feed has no items with text)"):
        read_documents(path)


# -- Word ----------------------------------------------------------------------------------


def test_a_docx_gives_its_paragraphs_and_its_table_cells(store, tmp_path):
    document = docx.Document()
    document.core_properties.title = "Banking partners"
    document.add_paragraph("Harbour Crest Bank provides settlement accounts to OSL.")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "Bank", (0, 1): "Client",
                             (1, 0): "Harbour Crest Bank", (1, 1): "HashKey Exchange"}.items():
        table.cell(row, col).text = text
    document.add_paragraph("The table lists the known accounts.")
    document.save(tmp_path / "partners.docx")

    doc = read_document(tmp_path / "partners.docx")
    assert doc.title == "Banking partners"
    assert doc.text.split("\n") == [
        "Harbour Crest Bank provides settlement accounts to OSL.", "Bank", "Client",
        "Harbour Crest Bank", "HashKey Exchange", "The table lists the known accounts."]
    assert outcome(ingester(store).run([tmp_path / "partners.docx"])) == [
        ("partners", "added")]


def test_a_docx_that_unpacks_to_more_than_the_limit_is_refused_unread(tmp_path,
                                                                      monkeypatch):
    from hkweb3.loaders import word

    document = docx.Document()
    document.add_paragraph("OSL is licensed by the SFC.")
    document.save(tmp_path / "bomb.docx")
    monkeypatch.setattr(word, "MAX_UNPACKED", 1000)  # as a zip bomb claims gigabytes
    with pytest.raises(InputError, match=r"bomb.docx: unpacks to [\d,]+ bytes, over the "
                                         r"1,000-byte limit$"):
        read_document(tmp_path / "bomb.docx")


def test_a_legacy_or_encrypted_word_file_is_one_line(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError, match="an encrypted .docx or a legacy Word .doc"):
        read_document(path)


# -- folders -------------------------------------------------------------------------------


def test_a_folder_walk_reports_what_it_skipped_on_stderr(store, cli_env, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_pdf(docs / "briefing.pdf", PAGES)
    (docs / "ledger.rss").write_text(rss(ITEMS[:2]))
    for name in ("chart.png", "logo.png", "notes.xlsx", "Makefile", ".DS_Store"):
        (docs / name).write_bytes(b"x")
    result = invoke(cli_env, "ingest", docs, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)  # stdout is the JSON alone
    assert [r["status"] for r in rows] == ["added"] * 3
    assert error_lines(result.stderr) == [
        "skipped 1 file with no suffix: not a type hkweb3 reads",
        "skipped 2 .png files: not a type hkweb3 reads",
        "skipped 1 .xlsx file: not a type hkweb3 reads",
        "skipped 1 hidden file or folder: its name starts with '.'",
    ]


def test_evidence_with_a_page_round_trips_through_its_json():
    evidence = Evidence(document="briefing", sentence="s", start=3, end=9, page=2, rule="r")
    assert Evidence.decode(evidence.encode()) == evidence
    assert '"page"' not in Evidence(document="d", rule="r").encode()
