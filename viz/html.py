"""Render a graph as one self-contained, interactive HTML file (pyvis and vis-network).

The page is drawn by vis-network through pyvis, with hkweb3's own template
(``template.html``, with ``page.css`` and ``page.js`` beside it) instead of pyvis's, which
loads Bootstrap from a CDN whatever ``cdn_resources`` says. vis-network's script and styles
are read from the installed pyvis package and inlined, and a Content-Security-Policy
forbids every fetch: the file opens from disk with no network request.

The page is written for a lay reader: nodes are coloured by kind (the schema's colours,
with a legend that filters by kind) and sized by a score; a line reads as a sentence from
the schema's ``reading`` ("ZA Bank banks for OSL"), with its licence, service or role and
its period, reports of one fact merged into one line; codes, scores and rules wait under
"Details for specialists". Places are context: hidden (and left out of the layout) until
their checkbox shows them. A timeline (histogram of facts per year, slider by month, play)
fades what did not hold at the chosen date (``start_date`` when the address names none);
the date, search and selection live in the address (``#date=2024-06-30&focus=za-bank``);
"Save picture" downloads the view as PNG.
Text from documents is only ever set with ``textContent``, so a name like
``<img onerror=...>`` is shown, never run.

Up to :data:`PHYSICS_MAX_NODES` nodes, vis-network's physics lays the graph out in the
browser; above, it would freeze the page, so :func:`hkweb3.viz.layout.spring_layout`
places the nodes in Python (seeded) and physics is off. Then, below that size, the page
moves nodes apart until no two names overlap and fits the whole graph to the view. The
same input gives the same bytes.

Examples
--------
>>> import tempfile
>>> graph = {"nodes": [{"id": "osl", "name": "OSL", "kind": "TradingPlatform"}],
...          "edges": [], "documents": []}
>>> with tempfile.TemporaryDirectory() as tmp:
...     html = render_html(graph, Path(tmp) / "osl.html", title="OSL").read_text("utf-8")
>>> "<title>OSL</title>" in html and "<script src=" not in html
True
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
from collections.abc import Mapping
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from markupsafe import Markup

from hkweb3.graph.memory import MemoryGraph
from hkweb3.viz.layout import spring_layout
from hkweb3.viz.page_data import page_data, pretty_date

#: Above this many nodes, physics is off and the layout is computed in Python.
PHYSICS_MAX_NODES = 1000
#: Labels drawn smaller than this (pixels) are left out (vis-network's default).
LABEL_THRESHOLD = 5
VIZ_DIR = Path(__file__).resolve().parent
TEMPLATE = "template.html"
VIS_VERSION = "9.1.2"
# pyvis's copy of vis-network, found without importing pyvis: that imports IPython, half a
# second more for every command that imports this module.
VIS_DIR = Path(find_spec("pyvis").origin).parent / "templates" / "lib" / f"vis-{VIS_VERSION}"

_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                   ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def render_html(
    graph: MemoryGraph | Mapping[str, Any],
    out: Path,
    *,
    title: str = "hkweb3",
    sizes: Mapping[str, float] | None = None,
    size_label: str = "degree",
    physics: bool | None = None,
    seed: int = 7,
    start_date: dt.date | None = None,
) -> Path:
    """Write ``graph`` to ``out`` as one HTML file.

    Parameters
    ----------
    graph : MemoryGraph or mapping
        The graph as read (:mod:`hkweb3.graph.read`, in full), or an export's plain data
        (``nodes``, ``edges`` and ``documents`` lists, read as ``hkweb3 viz --graph`` reads a
        file); facts whose ends are not among the nodes are left out.
    out : Path
        The file to write, atomically (a temporary file beside it, then renamed). Nothing
        else is written.
    title : str
        The page's title and heading.
    sizes : mapping, optional
        A score per node id that sizes the nodes (e.g. pagerank); default: degree.
    size_label : str
        What ``sizes`` holds, shown in the legend and the side panel.
    physics : bool, optional
        Lay out in the browser (True) or in Python (False); default: True up to
        :data:`PHYSICS_MAX_NODES` nodes.
    seed : int
        Seeds both layouts, so the picture repeats.
    start_date : date, optional
        The date the timeline opens at when the address names none (default: all dates).

    Returns
    -------
    Path
        ``out``.
    """
    out = Path(out)
    data = page_data(graph, sizes)
    if physics is None:
        physics = len(data.nodes) <= PHYSICS_MAX_NODES
    if not physics:
        _place_nodes(data.nodes, data.edges, seed)

    from pyvis.network import Network  # here, not at the top: see VIS_DIR

    net = Network(directed=True, heading=title)
    net.set_template_dir(str(VIZ_DIR), TEMPLATE)
    env = net.templateEnv
    env.autoescape = True  # pyvis's environment leaves it off; the title is caller text
    env.filters["script_json"] = script_json
    env.globals["page"] = {
        "size_label": size_label,
        "kinds": data.kinds,
        "data": {"physics": physics, "sizeLabel": size_label, "details": data.details,
                 "options": vis_options(physics, len(data.nodes), seed),
                 "lazyLabels": len(data.nodes) > PHYSICS_MAX_NODES,
                 "timeline": data.timeline, "title": title,
                 "labelThreshold": LABEL_THRESHOLD,
                 "startDate": start_date.isoformat() if start_date else None},
        "data_date": pretty_date(data.timeline["dataDate"]) if data.timeline["dataDate"]
        else None,
        "has_places": any(n.get("hidden") for n in data.nodes),
        "vis_version": VIS_VERSION,
        **_assets(),
    }
    # Set directly: pyvis's add_node/add_edge look ids up in lists (2 s for 5,000 nodes and
    # 15,000 edges), and page_data has checked both ends of every edge already.
    net.nodes, net.edges = data.nodes, data.edges
    # pyvis only checks that ``name`` ends in .html; the file is written here.
    _write_atomically(out, net.generate_html(name="graph.html"))
    return out


def _place_nodes(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], seed: int) -> None:
    """Set ``x``/``y`` on every node: the layout is computed without the hidden nodes
    (places), which would pull everything to themselves; each of those then sits at the
    middle of its neighbours, to be found there when shown."""
    shown = [n["id"] for n in nodes if not n.get("hidden")]
    positions = spring_layout(shown, [(e["from"], e["to"]) for e in edges if not e.get("hidden")],
                              seed=seed)
    around: dict[str, list[tuple[int, int]]] = {}
    for e in edges:
        for end, other in ((e["from"], e["to"]), (e["to"], e["from"])):
            if end not in positions and other in positions:
                around.setdefault(end, []).append(positions[other])
    for node in nodes:
        if node["id"] in positions:
            node["x"], node["y"] = positions[node["id"]]
        else:
            near = around.get(node["id"]) or [(0, 0)]
            node["x"] = round(sum(p[0] for p in near) / len(near))
            node["y"] = round(sum(p[1] for p in near) / len(near))


def vis_options(physics: bool, nodes: int, seed: int) -> dict[str, Any]:
    """vis-network options: physics (seeded) or fixed positions, and lighter drawing for
    big graphs."""
    large = nodes > PHYSICS_MAX_NODES
    return {
        "layout": {"randomSeed": seed, "improvedLayout": physics and not large},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110,
                                 "avoidOverlap": 0.2},
            "stabilization": {"enabled": physics, "iterations": 1000, "updateInterval": 50},
        },
        # Labels are measured even when too small to read (drawThreshold): the page moves
        # them apart once laid out, then sets the threshold back (page.js, settle).
        "nodes": {"shape": "dot", "borderWidth": 1,
                  "scaling": {"label": {"drawThreshold": 0 if not large else LABEL_THRESHOLD}},
                  "font": {"size": 14, "color": "#2b2b2b", "strokeWidth": 3,
                           "strokeColor": "#ffffff"}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#a9b1ba", "highlight": "#2b2b2b", "hover": "#555555"},
            # Shown only along the selection's lines, so they can be large enough to read.
            "font": {"size": 13, "color": "#3d444d", "align": "middle", "strokeWidth": 3},
            "smooth": False,
            "width": 1,
            "selectionWidth": 1.5,
        },
        "interaction": {"hover": not large, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "tooltipDelay": 200, "multiselect": False},
    }


def script_json(value: Any) -> Markup:
    """``value`` as JSON that is safe inside a ``<script>`` element: no ``</script>``,
    ``<!--`` or line separator can end or change the block. Keys sorted, for stable output.

    >>> print(script_json({"name": "</script><!--\u2028"}))
    {"name":"\\u003c/script\\u003e\\u003c!--\\u2028"}
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for character, escape in _SCRIPT_ESCAPES:
        text = text.replace(character, escape)
    return Markup(text)


@cache
def _assets() -> dict[str, Markup]:
    """vis-network's script and styles and ours, checked so none can end its element."""
    files = {"vis_js": VIS_DIR / "vis-network.min.js", "vis_css": VIS_DIR / "vis-network.css",
             "page_js": VIZ_DIR / "page.js", "page_css": VIZ_DIR / "page.css"}
    assets = {}
    for name, path in files.items():
        text = path.read_text(encoding="utf-8")
        closing = "</script" if name.endswith("js") else "</style"
        if closing in text.lower():
            raise RuntimeError(f"{path} contains {closing}; it cannot be inlined")
        assets[name] = Markup(text)
    return assets


def _write_atomically(out: Path, text: str) -> None:
    """Write beside ``out`` and rename, so a reader never sees half a file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    # os.open rather than mkstemp: mode 0666 less the umask, as a plain open() gives.
    temp = out.with_name(f".{out.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
