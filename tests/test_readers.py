"""Reading documents: formats, metadata, and bad input named with its file."""

import datetime as dt
import json

import pytest

from hkweb3.errors import InputError
from hkweb3.loaders.readers import find_documents, read_document


def test_markdown_with_front_matter(tmp_path):
    path = tmp_path / "za-bank-osl.md"
    path.write_text("---\ntitle: ZA Bank and OSL\noutlet: Forkast\nurl: https://example.org/a\n"
                    "published: 2023-04-12\n---\n# Heading\n\nZA Bank **serves** OSL.\n")
    doc = read_document(path)
    assert (doc.id, doc.title, doc.outlet, doc.url) == (
        "za-bank-osl", "ZA Bank and OSL", "Forkast", "https://example.org/a")
    assert doc.published == dt.date(2023, 4, 12)
    assert doc.text == "Heading\n\nZA Bank serves OSL."


def test_text_without_front_matter_takes_its_first_line_as_title(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Hong Kong licenses OSL\nThe SFC licensed OSL in 2020.\n")
    doc = read_document(path)
    assert doc.title == "Hong Kong licenses OSL" and doc.published is None


def test_html_drops_scripts_styles_and_navigation_and_reads_meta(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Page title</title><meta name='date' content='2024-08-28'>"
        "<meta property='og:site_name' content='HKMA'><style>p{color:red}</style>"
        "<script>var secret = 'ZA Bank is controlled by nobody';</script></head><body>"
        "<nav>Home | ZA Bank | News</nav><article><p>The HKMA launched the sandbox.</p>"
        "<p>Banks joined &amp; tested.</p></article><footer>Copyright</footer></body></html>")
    doc = read_document(path)
    assert doc.title == "Page title" and doc.outlet == "HKMA"
    assert doc.published == dt.date(2024, 8, 28)
    assert doc.text == "The HKMA launched the sandbox.\nBanks joined & tested."


def test_json_and_yaml_records(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"title": "A", "published": "2024-01-02",
                                                 "text": "OSL is licensed by the SFC."}))
    (tmp_path / "b.yaml").write_text("title: B\ntext: |\n  HashKey serves clients.\n")
    assert read_document(tmp_path / "a.json").text == "OSL is licensed by the SFC."
    assert read_document(tmp_path / "b.yaml").title == "B"


def test_cp1252_text_is_detected(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Caf\xe9 owner \u201cZA Bank\u201d spoke.".encode("cp1252"))
    assert read_document(path).text == "Caf\xe9 owner \u201cZA Bank\u201d spoke."


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("OSL is a platform.".encode("utf-16"))
    assert read_document(path).text == "OSL is a platform."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"", "empty file"),
        ("blank.md", b"  \n\n", "empty file"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 10, "binary file"),
        ("unclosed.md", b"---\ntitle: x\nno end\n", "opened with '---' is never closed"),
        ("badyaml.md", b"---\ntitle: [unclosed\n---\ntext\n", "malformed front matter"),
        ("baddate.md", b"---\npublished: last tuesday\n---\ntext\n", "is not YYYY-MM-DD"),
        ("list.md", b"---\n- a\n- b\n---\ntext\n", "front matter must be a mapping"),
        ("record.json", b'{"title": "no text"}', "record has no 'text'"),
        ("broken.json", b'{"title": ', "invalid JSON"),
        ("only-meta.md", b"---\ntitle: x\n---\n", "no text to read"),
        ("image.png", b"\x89PNG", "unsupported file type '.png'"),
    ],
)
def test_bad_input_names_the_file_and_the_problem(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_document(path)
    assert str(error.value).startswith(str(path))
    assert message in str(error.value)


def test_an_undetectable_encoding_is_reported(tmp_path):
    path = tmp_path / "mystery.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4 + b"\x81\x8d\x8f\x90\x9d" * 50)
    with pytest.raises(InputError, match="not UTF-8 and its encoding could not be detected"):
        read_document(path)


def test_folders_are_walked_recursively_in_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.md", "1.txt", ".git/x.md", "b/skip.png"):
        (tmp_path / name).write_text("x")
    assert [(p.relative_to(tmp_path).as_posix(), folder)
            for p, folder in find_documents([tmp_path])] == [
        ("1.txt", tmp_path), ("b/2.md", tmp_path)]
    assert list(find_documents([tmp_path / "1.txt"])) == [(tmp_path / "1.txt", tmp_path)]
    with pytest.raises(InputError, match="no such file"):
        list(find_documents([tmp_path / "missing"]))


def test_hard_wrapped_paragraphs_are_joined_but_headings_and_lists_kept(tmp_path):
    path = tmp_path / "wrapped.md"
    path.write_text(
        "# Harbour Crest Bank courts platforms\n\n"
        "Harbour Crest Bank provides settlement accounts to OSL, the lender said on\n"
        "Tuesday. Its chief executive Mara Quill said that demand from the platforms\n"
        "was strong.\n\n"
        "Key points\n"
        "- accounts for two platforms\n"
        "- a third in talks\n")
    text = read_document(path).text
    assert text.splitlines() == [
        "Harbour Crest Bank courts platforms", "",
        "Harbour Crest Bank provides settlement accounts to OSL, the lender said on Tuesday. "
        "Its chief executive Mara Quill said that demand from the platforms was strong.", "",
        "Key points", "- accounts for two platforms", "- a third in talks"]


ARTICLE = """<!doctype html><html><head>
<title>Lumen Bank opens tokenised deposits to firms | Harbour Ledger</title>
<meta property="og:title" content="Lumen Bank opens tokenised deposits to firms">
<meta property="og:site_name" content="Harbour Ledger">
<meta property="og:url" content="https://harbour-ledger.example/lumen-deposits">
<meta property="article:published_time" content="2025-06-03T08:00:00+08:00">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li>
<li><a href="/crypto">Crypto</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
</header>
<div class="share"><a href="#">LinkedIn</a> <a href="#">Facebook</a> <a href="#">Copy link</a></div>
<main><article>
<h1>Lumen Bank opens tokenised deposits to firms</h1>
<p>Lumen Bank said on Tuesday that corporate clients in Hong Kong can now move tokenised
deposits between their own accounts at any hour, after a pilot with two trading firms ran
for six months without a failed transfer.</p>
<p>The lender built the service on its own ledger and settles each transfer in Hong Kong
dollars; a version in US dollars is planned for the end of the year, a spokesperson said.</p>
<div class="ad">Advertisement</div>
<p>Orchid Pay, a payments firm that took part in the pilot, said the round-the-clock
settlement let it pay merchants on weekends, which it could not do before.</p>
<p>Regulators have encouraged banks to test tokenised money since 2023, and several lenders
have run trials of their own with corporate clients and with one another.</p>
</article></main>
<aside><h3>Related stories</h3><ul><li><a href="/a">Ten things to know about stablecoins</a>
</li><li><a href="/b">Why exchanges are moving to Kowloon</a></li></ul></aside>
<footer><p>Copyright 2025 Harbour Ledger. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>"""


def test_an_html_article_is_read_without_the_page_s_boilerplate(tmp_path):
    path = tmp_path / "lumen-deposits.html"
    path.write_text(ARTICLE)
    doc = read_document(path)
    assert (doc.title, doc.outlet, doc.url) == (
        "Lumen Bank opens tokenised deposits to firms", "Harbour Ledger",
        "https://harbour-ledger.example/lumen-deposits")
    assert doc.published == dt.date(2025, 6, 3)
    assert "Orchid Pay, a payments firm that took part in the pilot" in doc.text
    assert "several lenders have run trials" in " ".join(doc.text.split())
    for boilerplate in ("Subscribe now", "Copy link", "Advertisement", "Related stories",
                        "Ten things to know", "All rights reserved", "Privacy policy"):
        assert boilerplate not in doc.text


def test_an_html_article_s_date_is_the_page_s_never_one_from_its_text(tmp_path):
    path = tmp_path / "undated.html"
    path.write_text(ARTICLE.replace('<meta property="article:published_time" '
                                    'content="2025-06-03T08:00:00+08:00">', ""))
    doc = read_document(path)
    assert "since 2023" in doc.text
    assert doc.published is None


def test_an_html_page_too_short_for_an_article_is_read_as_its_text(tmp_path):
    path = tmp_path / "note.html"
    path.write_text("<html><body><p>OSL is licensed by the SFC.</p></body></html>")
    assert read_document(path).text == "OSL is licensed by the SFC."


def test_an_html_page_without_text_is_a_one_line_error(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>track()</script></head><body></body></html>")
    with pytest.raises(InputError) as error:
        read_document(path)
    assert str(error.value).startswith(str(path)) and "\n" not in str(error.value)
