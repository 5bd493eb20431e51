"""The HTML view: the graph as one self-contained, interactive page (see :mod:`.html`)."""

from hkweb3.viz.html import PHYSICS_MAX_NODES, render_html

__all__ = ["PHYSICS_MAX_NODES", "render_html"]
