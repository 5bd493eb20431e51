"""The HTML view: one self-contained file, checked in a real (headless) Chromium that may not
reach the network. Every http(s) request is aborted and recorded, and any request, JavaScript
error, CSP violation or dialog fails the test."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from hkweb3.graph.memory import GraphFilter
from hkweb3.graph.read import read_dump
from hkweb3.graph.schema import load_schema
from hkweb3.graph.store import open_store
from hkweb3.viz import PHYSICS_MAX_NODES, render_html
from hkweb3.viz.page_data import merge_facts, page_data
from tests.viz_support import (
    BREAKOUT,
    EVIL,
    Watched,
    edge,
    node,
    open_graph,
    random_graph,
    small_graph,
)

ARTIFACTS = Path(__file__).parent / "artifacts"
DIM = "#eceff1"  # page.js's colour for nodes away from the selection


@pytest.fixture
def small(browser, tmp_path) -> Iterator[Watched]:
    """The small graph, laid out in Python (physics off) so nodes stay where clicked."""
    watched = open_graph(browser, render_html(small_graph(), tmp_path / "small.html",
                                              physics=False))
    yield watched
    assert_clean(watched)
    watched.page.close()


def assert_clean(watched: Watched) -> None:
    assert watched.stray_requests == []
    assert watched.errors == []
    assert watched.dialogs == []


def panel_text(watched: Watched) -> str:
    return watched.js("() => document.getElementById('panel').textContent")


# -- the shipped graph --------------------------------------------------------------------


def test_whole_graph_draws_every_node_and_edge_offline(browser, built, tmp_path):
    with open_store(built) as store:
        dump = store.dump()
    assert dump["nodes"] and dump["edges"]
    out = render_html(dump, tmp_path / "graph.html", title="Hong Kong Web3")
    watched = open_graph(browser, out)
    drawn = watched.js("""() => ({
        nodes: hkweb3.nodes.length, edges: hkweb3.edges.length,
        onCanvas: Object.keys(hkweb3.network.getPositions()).length,
        colors: Object.fromEntries(hkweb3.nodes.get().map((n) => [n.id, n.color])),
    })""")
    places = [n for n in dump["nodes"] if n["kind"] == "Place"]
    assert drawn["nodes"] == len(dump["nodes"])
    assert drawn["onCanvas"] == len(dump["nodes"]) - len(places) and places  # off at first
    facts = read_dump(dump, GraphFilter(with_places=True)).edges
    assert drawn["edges"] == len(merge_facts(facts, load_schema())) < len(dump["edges"])
    schema = load_schema()
    assert drawn["colors"] == {n["id"]: schema.color(n["kind"]) for n in dump["nodes"]}
    legend = watched.js("""() => Object.fromEntries([...document.querySelectorAll('#kinds li')]
        .map((li) => [li.querySelector('input').dataset.kind,
                      Number(li.querySelector('.count').textContent)]))""")
    kinds = [n["kind"] for n in dump["nodes"] if n["kind"] != "Place"]  # places: a checkbox
    assert legend == {kind: kinds.count(kind) for kind in kinds}
    ARTIFACTS.mkdir(exist_ok=True)
    watched.page.screenshot(path=str(ARTIFACTS / "viz-whole-graph.png"))
    assert_clean(watched)
    watched.page.close()


# -- escaping -----------------------------------------------------------------------------


def test_injected_markup_shows_as_text_and_runs_nothing(small):
    assert small.js("() => hkweb3.nodes.length") == 5  # the edge to a missing node is dropped
    assert small.js("() => hkweb3.edges.length") == 4
    small.click_node("evil")
    assert small.js("() => hkweb3.state.selected") == "evil"
    assert small.js("() => document.querySelector('#panel h2').textContent") == EVIL
    text = panel_text(small)
    assert f"{EVIL} Ltd" in text and BREAKOUT in text
    assert "javascript:alert(3)" in text  # shown, as text
    assert small.js("() => document.querySelectorAll('#panel a').length") == 0

    # The edge's evidence: the sentence and the document, whose URL is not http(s).
    small.page.click("#panel button.ref >> text=works with")
    # Read as evidence is read everywhere, without the whitespace around it (here BREAKOUT's
    # closing line separator).
    assert small.js("() => document.querySelector('#panel blockquote').textContent") \
        == f"{EVIL} banks OSL. {BREAKOUT}".strip()
    text = panel_text(small)
    assert EVIL in text and "Another report" in text  # a source without evidence of its own
    assert small.js("() => document.querySelectorAll('#panel a').length") == 0
    assert small.js("""() => document.querySelectorAll(
        'img, iframe, object, embed, [onerror], a[href^="javascript" i]').length""") == 0
    assert small.js("() => document.querySelectorAll('script').length") == 5  # ours only


def test_http_sources_become_links(small):
    small.click_node("za-bank")
    links = small.js("""() => [...document.querySelectorAll('#panel a')].map(
        (a) => [a.textContent, a.getAttribute('href'), a.rel])""")
    assert links == [["https://bank.za", "https://bank.za", "noopener noreferrer"],
                     ["ZA Bank and OSL", "https://example.org/za-osl", "noopener noreferrer"]]
    assert "Ronald Iu is chief executive of ZA Bank" in panel_text(small)


def test_script_data_and_title_cannot_end_their_elements(tmp_path):
    html = render_html(small_graph(), tmp_path / "g.html", title=EVIL,
                       size_label=BREAKOUT).read_text(encoding="utf-8")
    assert "<title>&lt;img src=x onerror=alert(1)&gt;</title>" in html
    assert BREAKOUT not in html
    for block in html.split('<script type="application/json"')[1:]:
        data = block.split(">", 1)[1].split("</script>", 1)[0]
        assert "<" not in data and "\u2028" not in data and "\u2029" not in data
        json.loads(data)
    assert "<script src" not in html and "<link" not in html


# -- search, filters, highlighting ----------------------------------------------------------


def search(watched: Watched, text: str) -> None:
    watched.page.fill("#search-input", text)
    # The button, not Enter: Enter may first close the suggestions list (a <datalist>).
    watched.page.click("#search button")


def test_search_finds_a_name_or_an_alias_and_focuses_it(small):
    search(small, "sfc")  # an alias, in another case
    assert small.js("() => hkweb3.state.selected") == "sfc"
    assert small.js("() => hkweb3.network.getSelectedNodes()") == ["sfc"]
    assert small.js("() => document.querySelector('#panel h2').textContent") \
        == "Securities and Futures Commission"
    assert small.js("() => document.getElementById('search-status').textContent") \
        == "Found Securities and Futures Commission"
    # Focused: the node is at the centre of the view.
    offset = small.js("""() => {
        const net = hkweb3.network, p = net.canvasToDOM(net.getPosition('sfc'));
        const box = document.getElementById('graph').getBoundingClientRect();
        return [p.x - box.width / 2, p.y - box.height / 2];
    }""")
    assert all(abs(d) < 2 for d in offset)

    search(small, "Zhong")  # the start of an alias
    assert small.js("() => hkweb3.state.selected") == "za-bank"
    search(small, "no such bank")
    assert small.js("() => hkweb3.state.selected") == "za-bank"
    assert small.js("() => document.getElementById('search-status').textContent") \
        == "No name or alias matches “no such bank”"


def test_kind_filter_hides_and_shows_nodes_and_their_edges(small):
    hidden = """() => [hkweb3.nodes.get({filter: (n) => n.hidden}).map((n) => n.id).sort(),
                       hkweb3.edges.get({filter: (e) => e.hidden}).map((e) => e.type).sort()]"""
    small.page.uncheck('#kinds input[data-kind="TradingPlatform"]')
    assert small.js(hidden) == [["osl"], ["LICENSED_BY", "PARTNERS_WITH", "PROVIDES_BANKING_TO"]]
    assert small.js("() => hkweb3.state.hiddenKinds") == ["TradingPlatform"]
    small.page.uncheck('#kinds input[data-kind="Person"]')
    assert small.js(hidden)[0] == ["osl", "ronald-iu"]
    small.page.check('#kinds input[data-kind="TradingPlatform"]')
    assert small.js(hidden) == [["ronald-iu"], ["HOLDS_ROLE"]]
    search(small, "OSL Digital")  # a search finds a node of a hidden kind, and shows its kind
    small.page.uncheck('#kinds input[data-kind="TradingPlatform"]')
    assert small.js("() => hkweb3.state.selected") is None  # hiding it unselected it
    search(small, "OSL Digital")
    assert small.js("() => hkweb3.state.selected") == "osl"
    assert small.page.is_checked('#kinds input[data-kind="TradingPlatform"]')


def test_clicking_a_node_highlights_its_neighbours(small):
    small.click_node("osl")
    assert small.js("() => hkweb3.network.getSelectedNodes()") == ["osl"]
    assert small.js("() => hkweb3.state.highlighted") == ["evil", "osl", "sfc", "za-bank"]
    colors = small.js("""() => Object.fromEntries(hkweb3.nodes.get().map(
        (n) => [n.id, typeof n.color === 'string' ? n.color : n.color.background]))""")
    assert colors["ronald-iu"] == DIM
    assert colors["osl"] == load_schema().color("TradingPlatform")
    assert small.js("() => hkweb3.edges.get({filter: (e) => e.color && "
                    "e.color.color === '#eceff1'}).map((e) => e.type)") == ["HOLDS_ROLE"]
    assert "Connections (3)" in panel_text(small)

    corner = small.page.locator("#graph").bounding_box()  # empty: clears everything
    small.page.mouse.click(corner["x"] + 3, corner["y"] + 3)
    assert small.js("() => [hkweb3.state.selected, hkweb3.state.highlighted]") == [None, []]
    assert DIM not in json.dumps(small.js("() => hkweb3.nodes.get().map((n) => n.color)"))


# -- sizes, empty and large graphs ----------------------------------------------------------


def test_sizes_follow_the_given_score(tmp_path):
    data = page_data(small_graph(), sizes={"osl": 0.9, "za-bank": 0.5, "sfc": 0.1})
    sizes = {n["id"]: n["size"] for n in data.nodes}
    assert sizes["osl"] > sizes["za-bank"] > sizes["sfc"] > sizes["evil"] == sizes["ronald-iu"]
    default = {n["id"]: n["size"] for n in page_data(small_graph()).nodes}
    assert default["osl"] == max(default.values())  # most neighbours
    html = render_html(small_graph(), tmp_path / "g.html", sizes={"osl": 0.9},
                       size_label="pagerank").read_text(encoding="utf-8")
    assert "Dot size: pagerank" in html


def test_empty_graph_says_so(browser, tmp_path):
    watched = open_graph(browser, render_html({"nodes": [], "edges": []}, tmp_path / "e.html"))
    assert watched.js("() => [hkweb3.nodes.length, hkweb3.edges.length]") == [0, 0]
    assert watched.page.is_visible("text=The graph is empty")
    assert_clean(watched)
    watched.page.close()


def test_large_graph_is_laid_out_in_python_with_physics_off(browser, tmp_path):
    graph = random_graph(PHYSICS_MAX_NODES + 50, 2 * PHYSICS_MAX_NODES, seed=3)
    watched = open_graph(browser, render_html(graph, tmp_path / "large.html"))
    state = watched.js("""() => ({
        physics: hkweb3.network.physics.physicsEnabled,
        count: hkweb3.nodes.length,
        moved: hkweb3.nodes.get().filter((n) => {
            const p = hkweb3.network.getPosition(n.id);
            return typeof n.x !== 'number' || Math.abs(p.x - n.x) > 0.01
                || Math.abs(p.y - n.y) > 0.01;
        }).length,
    })""")
    assert state == {"physics": False, "count": PHYSICS_MAX_NODES + 50, "moved": 0}

    # Labels wait until zoomed in, then go to the nodes in view (and their edges).
    labelled = """() => {
        const net = hkweb3.network, box = document.getElementById('graph').getBoundingClientRect();
        const count = {inView: [0, 0], outside: [0, 0]};  // [labelled, all]
        for (const n of hkweb3.nodes.get()) {
            const p = net.canvasToDOM(net.getPosition(n.id));
            const inView = p.x >= 0 && p.x <= box.width && p.y >= 0 && p.y <= box.height;
            count[inView ? 'inView' : 'outside'][0] += n.label ? 1 : 0;
            count[inView ? 'inView' : 'outside'][1] += 1;
        }
        return count;
    }"""
    assert watched.js("() => hkweb3.network.getScale()") < 0.3  # the whole graph: too small
    assert watched.js(labelled)["inView"][0] == 0
    search(watched, "Entity 7")
    count = watched.js(labelled)
    assert count["inView"][0] == count["inView"][1] > 1 and count["outside"][0] == 0
    assert watched.js("() => hkweb3.nodes.get('n7').label") == "Entity 7"
    assert watched.js("() => hkweb3.edges.get(hkweb3.network.getConnectedEdges('n7'))"
                      ".every((e) => e.label)")
    assert_clean(watched)
    watched.page.close()


def test_physics_is_on_below_the_threshold_unless_turned_off(tmp_path):
    def options(**kwargs) -> dict:
        html = render_html(small_graph(), tmp_path / "g.html", **kwargs).read_text("utf-8")
        block = html.split('id="hkweb3-page">', 1)[1].split("</script>", 1)[0]
        return json.loads(block)

    assert options()["physics"] is True
    assert options(physics=False)["physics"] is False
    assert options(physics=False)["options"]["physics"]["enabled"] is False


# -- files --------------------------------------------------------------------------------


def test_same_input_gives_identical_bytes(tmp_path):
    graph = random_graph(PHYSICS_MAX_NODES + 20, 1500, seed=5)
    graph["edges"].append(graph["edges"][0] | {"properties": {"role": "second claim"}})
    first = render_html(graph, tmp_path / "a.html").read_bytes()
    shuffled = {key: list(items) for key, items in graph.items()}
    for items in shuffled.values():
        random.Random(1).shuffle(items)
    assert render_html(shuffled, tmp_path / "b.html").read_bytes() == first
    assert render_html(small_graph(), tmp_path / "c.html").read_bytes() \
        == render_html(small_graph(), tmp_path / "d.html").read_bytes()


def test_writes_only_the_output_file(tmp_path, monkeypatch):
    work, out_dir = tmp_path / "cwd", tmp_path / "out"
    work.mkdir()
    monkeypatch.chdir(work)
    out = render_html(small_graph(), out_dir / "graph.html")
    assert out == out_dir / "graph.html"
    assert list(work.iterdir()) == []
    assert [p.name for p in out_dir.iterdir()] == ["graph.html"]
    out.write_text("old", encoding="utf-8")
    render_html(small_graph(), out)  # replaces the file, leaves no temporary file
    assert [p.name for p in out_dir.iterdir()] == ["graph.html"]
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")



def test_evidence_from_a_pdf_shows_its_page(browser, tmp_path):
    graph = small_graph()
    banking = next(e for e in graph["edges"] if e["type"] == "PROVIDES_BANKING_TO")
    banking["evidence"] = [{**banking["evidence"][0], "page": 3}]
    watched = open_graph(browser, render_html(graph, tmp_path / "pages.html", physics=False))
    watched.click_node("za-bank")
    watched.page.click("#panel button.ref >> text=banks for")
    assert "Example Wire · 2023-04-12 · page 3" in panel_text(watched)
    assert_clean(watched)
    watched.page.close()


# -- plain language -------------------------------------------------------------------------


def test_every_edge_type_has_a_plain_reading():
    schema = load_schema()
    for name, edge_type in schema.edges.items():
        assert edge_type.reading and name not in schema.reading(name), name
    assert schema.reading("HOLDS_ROLE", "deputy chief executive") \
        == "is deputy chief executive of"


def test_facts_with_the_same_meaning_merge_and_others_stay_apart():
    said = {"document": "doc-good", "sentence": "ZA Bank serves OSL.", "published": "2023-04-12",
            "rule": "test"}
    again = {"document": "doc-evil", "sentence": "ZA Bank banks OSL.", "published": "2024-01-02",
             "rule": "test"}
    graph = {**small_graph(), "edges": [
        edge("za-bank", "osl", "PROVIDES_BANKING_TO", said, service="settlement", since="2023-04"),
        edge("za-bank", "osl", "PROVIDES_BANKING_TO", again),  # the same, its service unsaid
        edge("osl", "sfc", "LICENSED_BY", said, licence="Type 1 licence", since="2020-12-15"),
        edge("osl", "sfc", "LICENSED_BY", said, licence="type 1", current=True),
        edge("osl", "sfc", "LICENSED_BY", again, licence="retail approval", since="2023-08"),
        edge("evil", "osl", "PARTNERS_WITH", said),
        edge("osl", "evil", "PARTNERS_WITH", again),  # symmetric: the same fact
    ]}
    data = page_data(graph)
    lines = {(e["from"], d["reading"], e["to"], d["qualifier"]): d
             for e in data.edges for d in [data.details["edges"][e["id"]]]}
    assert sorted(lines) == [
        ("evil", "works with", "osl", None),
        ("osl", "is licensed by", "sfc", "Type 1 licence"),
        ("osl", "is licensed by", "sfc", "retail approval"),
        ("za-bank", "banks for", "osl", "settlement"),
    ]
    banking = lines[("za-bank", "banks for", "osl", "settlement")]
    assert [e["document"] for e in banking["evidence"]] == ["doc-good", "doc-evil"]
    assert (banking["period"], banking["start"], banking["firstSeen"], banking["lastSeen"]) \
        == ("since Apr 2023", "2023-04-01", "2023-04-12", "2024-01-02")
    licence = lines[("osl", "is licensed by", "sfc", "Type 1 licence")]
    assert (licence["facts"], licence["period"]) == (2, "since 15 Dec 2020")
    assert data.timeline["edges"][next(e["id"] for e in data.edges if e["type"] ==
                                       "PARTNERS_WITH")] == ["2023-04-12", None]
    assert [e["arrows"] for e in data.edges if e["type"] == "PARTNERS_WITH"] \
        == [{"to": {"enabled": False}}]


def test_connections_read_as_sentences_with_what_they_name_and_when(browser, tmp_path):
    graph = small_graph()
    graph["edges"][0]["properties"]["since"] = "2023-04"
    watched = open_graph(browser, render_html(graph, tmp_path / "words.html", physics=False))
    watched.click_node("za-bank")
    lines = watched.js("() => [...document.querySelectorAll('#panel li.line')]"
                       ".map((li) => li.innerText)")
    assert "ZA Bank banks for OSL — settlement · since Apr 2023 · 1 source" in lines
    assert "Ronald Iu is chief executive of ZA Bank — reported 12 Apr 2023 · 1 source" in lines
    text = watched.js("() => document.getElementById('panel').innerText")
    assert "PROVIDES_BANKING_TO" not in text and "degree" not in text  # codes: details only
    watched.page.check("#show-details")
    text = watched.js("() => document.getElementById('panel').innerText")
    assert "PROVIDES_BANKING_TO" in text and "degree" in text
    watched.page.click("#panel button.ref >> text=banks for")
    assert watched.js("() => document.querySelector('#panel h2').innerText") \
        == "ZA Bank banks for OSL"
    assert "rule test, confidence 1" in panel_text(watched)
    assert_clean(watched)
    watched.page.close()


# -- the timeline and the address --------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_page(built, tmp_path_factory) -> Path:
    with open_store(built) as store:
        dump = store.dump()
    return render_html(dump, tmp_path_factory.mktemp("viz") / "hk.html", title="Hong Kong Web3")


def page_block(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(html.split('id="hkweb3-page">', 1)[1].split("</script>", 1)[0])


def test_moving_the_slider_to_2022_fades_the_licences_granted_from_2023(browser, shipped_page):
    data = page_block(shipped_page)
    first = data["timeline"]["first"]
    step = (2022 * 12 + 11) - (int(first[:4]) * 12 + int(first[5:7]) - 1)  # December 2022
    watched = open_graph(browser, shipped_page)
    watched.js("""(step) => { const s = document.getElementById('date-slider');
        s.value = String(step); s.dispatchEvent(new Event('input')); }""", step)
    assert watched.js("() => hkweb3.state.date") == "2022-12-31"
    assert watched.js("() => document.getElementById('date-label').textContent") \
        == "as of 31 Dec 2022"
    faded = set(watched.js("() => hkweb3.state.faded.edges"))
    licences = {eid: d["start"] for eid, d in data["details"]["edges"].items()
                if d["type"] == "LICENSED_BY"}
    later = {eid for eid, start in licences.items() if start is None or start > "2022-12-31"}
    assert later and later != set(licences)
    assert {eid for eid in licences if eid in faded} == later
    drawn = watched.js("(ids) => hkweb3.edges.get(ids).map((e) => e.color.color)", sorted(later))
    assert set(drawn) == {"#f3f4f6"}  # drawn faded
    # The first VATP-only platforms had no licence yet: faded too; the virtual banks had one.
    nodes = set(watched.js("() => hkweb3.state.faded.nodes"))
    assert "za-bank" not in nodes and "hkbitex" in nodes
    assert "date=2022-12-31" in watched.js("() => location.hash")
    watched.page.click("#all-dates")
    assert watched.js("() => [hkweb3.state.date, hkweb3.state.faded.edges.length]") == [None, 0]
    assert_clean(watched)
    watched.page.close()


def test_an_address_with_date_and_focus_restores_that_view(browser, shipped_page):
    watched = open_graph(browser, shipped_page, "#date=2024-06-30&focus=za-bank")
    assert watched.js("() => [hkweb3.state.date, hkweb3.state.selected]") \
        == ["2024-06-30", "za-bank"]
    assert watched.js("() => document.getElementById('date-label').textContent") \
        == "as of 30 Jun 2024"
    assert watched.js("() => document.querySelector('#panel h2').textContent") \
        == "ZA Bank · 眾安銀行"  # with its Chinese name (data/registry/names-zh.yaml)
    assert watched.js("() => hkweb3.network.getSelectedNodes()") == ["za-bank"]
    assert "za-bank-crypto-trading" in watched.js("() => hkweb3.state.faded.nodes")  # Nov 2024
    assert "osl" in watched.js("() => hkweb3.state.highlighted")
    # Choosing another node, then searching, rewrites the address.
    search(watched, "OSL")
    assert watched.js("() => location.hash") == "#date=2024-06-30&focus=osl&q=OSL"
    assert_clean(watched)
    watched.page.close()


# -- readable at 1280x720 -----------------------------------------------------------------------


def test_no_label_overlaps_another_and_the_whole_graph_fits(browser, shipped_page):
    watched = open_graph(browser, shipped_page, size=(1280, 720))
    drawn = watched.js("""() => {
        const net = hkweb3.network, scale = net.getScale();
        const ids = hkweb3.nodes.getIds({filter: (n) => !n.hidden});
        const labels = ids.map((id) => {
            const label = net.body.nodes[id].labelModule;
            const s = label.size, at = net.canvasToDOM({x: s.left, y: s.top});
            return {id, visible: label.visible(), x: at.x, y: at.y, w: s.width * scale,
                    h: s.height * scale};
        });
        const boxes = ids.map((id) => {
            const b = net.getBoundingBox(id);
            const a = net.canvasToDOM({x: b.left, y: b.top});
            const z = net.canvasToDOM({x: b.right, y: b.bottom});
            return [a.x, a.y, z.x, z.y];
        });
        const view = document.getElementById('graph').getBoundingClientRect();
        return {labels, boxes, width: view.width, height: view.height,
                font: 14 * scale};
    }""")
    labels = drawn["labels"]
    assert len(labels) > 50 and all(label["visible"] for label in labels)
    # names drawn at 4.5 px or more: about 190 connected entities in the 780 x 577 px left
    # beside the panels (the densest part, around the SFC, sets the scale; the reader zooms
    # in from there). An outlier flung far out would shrink everything well below this.
    assert drawn["font"] >= 4.5
    overlaps = [(a["id"], b["id"]) for i, a in enumerate(labels) for b in labels[i + 1:]
                if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
                and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]
    assert overlaps == []
    assert all(min(x0, y0) >= 0 and x1 <= drawn["width"] and y1 <= drawn["height"]
               for x0, y0, x1, y1 in drawn["boxes"])
    # Everything else on screen at 1280x720: how to read it, the timeline, the panel.
    for selector in ("#howto", "#date-slider", "#play", "#panel", "#save-png", "#data-date"):
        box = watched.page.locator(selector).bounding_box()
        assert box and box["x"] + box["width"] <= 1280 and box["y"] < 720, selector
    ARTIFACTS.mkdir(exist_ok=True)
    watched.page.screenshot(path=str(ARTIFACTS / "viz-1280x720.png"))
    assert_clean(watched)
    watched.page.close()


# -- places, export -----------------------------------------------------------------------------


def test_needs_review_leaves_only_the_weak_facts_standing_out(browser, tmp_path):
    """One fact read from one article with low confidence, one from two articles, one from
    the registry: only the first needs review, and the filter dims everything else."""
    def said(document: str, confidence: float) -> dict:
        return {"document": document, "sentence": "A sentence.", "published": "2024-01-02",
                "rule": "passive-agent", "confidence": confidence}
    curated = {"document": "registry", "sentence": "Curated.", "rule": "registry",
               "confidence": 1.0}
    graph = {"nodes": [node("za-bank", "ZA Bank", "VirtualBank"),
                       node("osl", "OSL", "TradingPlatform"),
                       node("sfc", "Securities and Futures Commission", "Regulator"),
                       node("hashkey", "HashKey Exchange", "TradingPlatform")],
             "edges": [edge("za-bank", "hashkey", "PROVIDES_BANKING_TO", said("doc-1", 0.6)),
                       edge("za-bank", "osl", "PROVIDES_BANKING_TO", said("doc-1", 0.9),
                            said("doc-2", 0.9)),
                       edge("osl", "sfc", "LICENSED_BY", curated, licence="VATP")]}
    data = page_data(graph)
    assert sorted((e["from"], e["to"], data.details["edges"][e["id"]]["review"])
                  for e in data.edges) == [
        ("osl", "sfc", []), ("za-bank", "hashkey", ["single source", "confidence 0.6"]),
        ("za-bank", "osl", [])]
    watched = open_graph(browser, render_html(graph, tmp_path / "review.html", physics=False))
    assert watched.page.inner_text("#review-count") == "1"
    watched.page.check("#needs-review")
    standing = """() => [hkweb3.edges.get({filter: (e) => !e.color || !e.color.color
                                         || e.color.color !== '#eceff1'}).map((e) => e.id),
                         hkweb3.nodes.get({filter: (n) => !n.color || !n.color.background
                                         || n.color.background !== '#eceff1'})
                         .map((n) => n.id).sort()]"""
    weak = next(e["id"] for e in data.edges if e["to"] == "hashkey")
    kept_edges, kept_nodes = watched.js(standing)
    assert kept_edges == [weak]
    assert kept_nodes == sorted(watched.js("(ids) => ids.map((id) => hkweb3.visId(id))",
                                           ["hashkey", "za-bank"]))
    watched.page.uncheck("#needs-review")
    assert len(watched.js(standing)[0]) == 3
    assert_clean(watched)
    watched.page.close()


def test_places_are_hidden_until_their_checkbox_shows_them(browser, tmp_path):
    graph = small_graph()
    graph["nodes"].append(node("hong-kong", "Hong Kong", "Place"))
    graph["edges"] += [edge("za-bank", "hong-kong", "LOCATED_IN"),
                       edge("osl", "hong-kong", "LOCATED_IN")]
    watched = open_graph(browser, render_html(graph, tmp_path / "places.html", physics=False))
    hidden = """() => [hkweb3.nodes.get({filter: (n) => n.hidden}).map((n) => n.id),
                       hkweb3.edges.get({filter: (e) => e.hidden}).length]"""
    assert watched.js(hidden) == [["hong-kong"], 2]
    assert not watched.page.is_checked("#show-places")
    watched.click_node("za-bank")  # its place is in the panel all the same
    assert "ZA Bank is based in Hong Kong" in watched.js(
        "() => [...document.querySelectorAll('#panel li.line')].map((li) => li.innerText)"
        ".join('\\n')")
    watched.page.check("#show-places")
    assert watched.js(hidden) == [[], 0]
    assert "places=1" in watched.js("() => location.hash")
    watched.page.uncheck("#show-places")
    assert watched.js(hidden) == [["hong-kong"], 2]
    assert_clean(watched)
    watched.page.close()


def test_the_picture_saves_as_a_png(small):
    with small.page.expect_download() as caught:
        small.page.click("#save-png")
    saved = Path(caught.value.path()).read_bytes()
    assert caught.value.suggested_filename == "hkweb3.png"
    assert saved[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(saved[16:20], "big"), int.from_bytes(saved[20:24], "big")
    canvas = small.js("() => { const c = document.querySelector('#graph canvas');"
                      " return [c.width, c.height]; }")
    assert width == canvas[0] and height > canvas[1]  # the view, and a caption under it
    assert len(saved) > 5000  # drawn on, not blank


def test_play_steps_through_the_months_and_pauses(browser, shipped_page):
    watched = open_graph(browser, shipped_page, "#date=2019-01-31&places=1")
    assert watched.js("() => location.hash") == "#date=2019-01-31&places=1"  # both kept
    watched.page.click("#play")  # from the first month of the data
    watched.wait_for("() => hkweb3.state.date > '2009-03-31'")
    watched.page.click("#play")  # pause
    paused = watched.js("() => hkweb3.state.date")
    assert watched.js("() => document.getElementById('play').textContent") == "▶"
    watched.page.wait_for_timeout(400)
    assert watched.js("() => hkweb3.state.date") == paused
    assert watched.js("() => document.getElementById('date-label').textContent").startswith(
        "as of ")
    assert_clean(watched)
    watched.page.close()


def test_an_address_with_markup_is_only_text(browser, tmp_path):
    out = render_html(small_graph(), tmp_path / "g.html", physics=False)
    hostile = "#q=" + EVIL.replace(" ", "%20") + "&focus=__proto__&date=2024-13-99<b>"
    watched = open_graph(browser, out, hostile)
    # No node __proto__: the search finds the node so named, whose name is shown as text.
    assert watched.js("() => [hkweb3.state.selected, hkweb3.state.date]") == ["evil", None]
    assert watched.js("() => document.querySelector('#panel h2').textContent") == EVIL
    assert watched.js("() => document.getElementById('search-input').value") == EVIL
    assert watched.js("() => document.querySelectorAll('img, [onerror]').length") == 0
    assert "date" not in watched.js("() => location.hash")  # the bad date dropped
    assert_clean(watched)
    watched.page.close()
