"""Helpers for the HTML view's browser tests: open a page watched for requests, errors and
dialogs; graphs to draw."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Route

CHROMIUM = Path("/usr/bin/chromium")
# Browser downloads do not work here: always Debian's Chromium, with no background traffic.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

EVIL = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>alert(2)</script><!--\u2028"


@dataclass
class Watched:
    """An open page and what it tried: requests (http(s) ones aborted), errors, dialogs."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    @property
    def stray_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url]

    def wait_for(self, expression: str, timeout: float = 30.0) -> None:
        """Poll ``expression`` (a JS function) until truthy. Polled from here because the
        page's Content-Security-Policy forbids the eval that ``wait_for_function`` uses."""
        deadline = time.monotonic() + timeout
        while not self.js(expression):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {expression}")
            time.sleep(0.05)

    def click_node(self, node_id: str) -> None:
        """Click a node where it is drawn, with the mouse."""
        x, y = self.js("""(id) => {
            const net = window.hkweb3.network;
            const p = net.canvasToDOM(net.getPosition(window.hkweb3.visId(id)));
            const box = document.getElementById("graph").getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""", node_id)
        self.page.mouse.click(x, y)


def open_graph(browser: Browser, path: Path, fragment: str = "",
               size: tuple[int, int] = (1400, 900)) -> Watched:
    """Open ``path`` from disk (with ``fragment``, e.g. ``#date=2024-06-30``) in a new page of
    ``size`` and wait until the graph is drawn and laid out."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    watched = Watched(page, path.as_uri())

    def route(route: Route) -> None:
        watched.requests.append(route.request.url)
        if route.request.url.startswith(("http://", "https://")):
            route.abort()
        else:
            route.continue_()

    def dialog(d: Any) -> None:
        watched.dialogs.append(d.message)
        d.dismiss()

    page.route("**/*", route)
    page.on("pageerror", lambda exc: watched.errors.append(str(exc)))
    page.on("console", lambda m: watched.errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", dialog)
    page.goto(watched.url + fragment)
    watched.wait_for("() => !!(window.hkweb3 && hkweb3.state.drawn && hkweb3.state.stabilized)")
    return watched


def node(node_id: str, name: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {"id": node_id, "name": name, "kind": kind, "aliases": [], "labels": [kind],
            "sources": [], "discovered": False, "properties": {}, **extra}


def edge(source: str, target: str, kind: str, *evidence: dict[str, Any],
         **properties: Any) -> dict[str, Any]:
    return {"source": source, "target": target, "type": kind, "properties": properties,
            "evidence": list(evidence)}


def small_graph() -> dict[str, Any]:
    """Five entities (one named, aliased and quoted with markup), four edges, three documents
    (one whose URL is ``javascript:``), and one edge whose target is missing."""
    said = {"document": "doc-evil", "sentence": f"{EVIL} banks OSL. {BREAKOUT}",
            "published": "2024-01-02", "rule": "test", "confidence": 0.9}
    reported = {"document": "doc-good", "sentence": "ZA Bank serves OSL.",
                "published": "2023-04-12", "rule": "test", "confidence": 1.0}
    return {
        "nodes": [
            node("za-bank", "ZA Bank", "VirtualBank", aliases=["Zhong An Bank", "ZA"],
                 sources=["doc-good"], properties={"website": "https://bank.za"}),
            node("osl", "OSL", "TradingPlatform", aliases=["OSL Digital"]),
            node("evil", EVIL, "Company", aliases=[EVIL + " Ltd"], sources=["doc-evil"],
                 properties={"website": "javascript:alert(3)", "note": BREAKOUT}),
            node("sfc", "Securities and Futures Commission", "Regulator", aliases=["SFC"]),
            node("ronald-iu", "Ronald Iu", "Person"),
        ],
        "edges": [
            edge("za-bank", "osl", "PROVIDES_BANKING_TO", reported, service="settlement"),
            edge("evil", "osl", "PARTNERS_WITH", said, sources=["doc-evil", "doc-other"]),
            edge("osl", "sfc", "LICENSED_BY", reported),
            edge("ronald-iu", "za-bank", "HOLDS_ROLE", reported, role="chief executive"),
            edge("za-bank", "nowhere", "OWNS", reported),
        ],
        "documents": [
            {"id": "doc-evil", "title": EVIL, "outlet": EVIL, "url": "javascript:alert(4)",
             "published": "2024-01-02"},
            {"id": "doc-good", "title": "ZA Bank and OSL", "outlet": "Example Wire",
             "url": "https://example.org/za-osl", "published": "2023-04-12"},
            {"id": "doc-other", "title": "Another report", "outlet": None, "url": None,
             "published": None},
        ],
    }


def random_graph(nodes: int, edges: int, seed: int) -> dict[str, Any]:
    """``nodes`` companies and people joined by ``edges`` distinct PARTNERS_WITH /
    HOLDS_ROLE edges, seeded."""
    rng = random.Random(seed)
    kinds = ["Company", "Person"]
    items = [node(f"n{i}", f"Entity {i}", kinds[i % 2]) for i in range(nodes)]
    seen: set[tuple[int, int]] = set()
    links = []
    while len(links) < edges:
        a, b = rng.randrange(nodes), rng.randrange(nodes)
        if a != b and (a, b) not in seen:
            seen.add((a, b))
            kind = "HOLDS_ROLE" if a % 2 else "PARTNERS_WITH"
            links.append(edge(f"n{a}", f"n{b}", kind))
    return {"nodes": items, "edges": links, "documents": []}
