// hkweb3 graph page: draws the graph with vis-network and wires the search box, the kind
// filters, neighbour highlighting and the details panel. Every text from the data is put
// in with textContent (never innerHTML), and only http(s) URLs become links. Any string is
// an id: "constructor" or "__proto__" included (lookups by id use Maps, never plain objects).
"use strict";
(function () {
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const page = read("hkweb3-page");
  // JSON.parse makes every key an own property, "__proto__" too: Object.entries sees them.
  const nodeDetails = new Map(Object.entries(page.details.nodes));
  const edgeDetails = new Map(Object.entries(page.details.edges));
  const documentDetails = new Map(Object.entries(page.details.documents));

  // vis-network keeps its nodes in plain objects keyed by id, where an id such as
  // "constructor" or "__proto__" finds Object.prototype's instead: such ids are handed to it
  // behind a mark (and so are ids that start with the mark, to keep the mapping one-to-one).
  // (Ids are strings, as the keys of the details are: a number in a --graph file is too.)
  const MARK = "\u2063";
  const visId = (id) => {
    const text = String(id);
    return text in Object.prototype || text.startsWith(MARK) ? MARK + text : text;
  };
  const ourId = (id) => (id.startsWith(MARK) ? id.slice(1) : id);
  const nodeItems = read("hkweb3-nodes").map((item) => ({ ...item, id: visId(item.id) }));
  const edgeItems = read("hkweb3-edges").map((item) => ({ ...item, from: visId(item.from),
                                                          to: visId(item.to) }));

  // Big graphs: vis-network measures every label on every drawing, even labels too small to
  // show (a third of the first drawing at 5,000 nodes). So their labels wait aside until
  // the view is zoomed in far enough to read them, and then go to what is in view.
  const nodeLabels = new Map();
  const edgeLabels = new Map();
  if (page.lazyLabels) {
    for (const item of nodeItems) { nodeLabels.set(item.id, item.label); delete item.label; }
    for (const item of edgeItems) { edgeLabels.set(item.id, item.label); delete item.label; }
  }
  const nodes = new vis.DataSet(nodeItems);
  const edges = new vis.DataSet(edgeItems);
  const network = new vis.Network(document.getElementById("graph"), { nodes, edges },
                                  page.options);

  // What tests and scripts can read: drawn and stabilized turn true once each.
  const state = { drawn: false, stabilized: !page.physics || nodes.length === 0,
                  selected: null, highlighted: [], hiddenKinds: [] };
  // (``nodes``, ``edges`` and ``network`` know the nodes by ``visId(id)``.)
  window.hkweb3 = { network, nodes, edges, state, find, select, setKindVisible, visId };
  network.once("afterDrawing", () => { state.drawn = true; });
  // Once laid out, the picture stays still: nodes stop drifting and dragging one moves
  // only that one.
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: { enabled: false } });
    state.stabilized = true;
  });

  const kindOf = new Map(nodes.get().map((n) => [n.id, n.kind]));
  const baseColor = new Map(nodes.get().map((n) => [n.id, n.color]));
  const nodeFont = page.options.nodes.font;
  const edgeColor = page.options.edges.color;
  const edgeFont = page.options.edges.font;
  const DIM_NODE = { color: { background: "#eceff1", border: "#d5dade" },
                     font: { color: "#c3c8cd", strokeWidth: 0 } };
  const DIM_EDGE = { color: { color: "#eceff1", highlight: "#eceff1", hover: "#eceff1" },
                     font: { color: "#dde1e4", strokeWidth: 0 } };

  // The scale from which vis-network draws node labels (14 px: 14 * 0.3 > its threshold).
  const READABLE_SCALE = 0.3;

  function labelView() {
    if (!nodeLabels.size || network.getScale() < READABLE_SCALE) return;
    const box = document.getElementById("graph").getBoundingClientRect();
    const from = network.DOMtoCanvas({ x: 0, y: 0 });
    const to = network.DOMtoCanvas({ x: box.width, y: box.height });
    const inView = Object.entries(network.getPositions([...nodeLabels.keys()]))
      .filter(([, p]) => p.x >= from.x && p.x <= to.x && p.y >= from.y && p.y <= to.y)
      .map(([id]) => id);
    nodes.update(inView.map((id) => ({ id, label: nodeLabels.get(id) })));
    const edgeIds = inView.flatMap((id) => network.getConnectedEdges(id))
      .filter((id) => edgeLabels.has(id));
    edges.update([...new Set(edgeIds)].map((id) => ({ id, label: edgeLabels.get(id) })));
    for (const id of inView) nodeLabels.delete(id);
    for (const id of edgeIds) edgeLabels.delete(id);
  }

  network.once("afterDrawing", labelView);
  network.on("zoom", labelView);
  network.on("dragEnd", labelView);

  // -- DOM helpers --------------------------------------------------------------------

  function el(tag, text, className) {
    const element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    if (className) element.className = className;
    return element;
  }

  function isWebUrl(value) {
    return typeof value === "string" && /^https?:\/\//i.test(value.trim());
  }

  function link(url, text) {
    if (!isWebUrl(url)) return el("span", text);
    const a = el("a", text);
    a.href = url.trim();
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function nodeName(id) {
    return nodeDetails.has(id) ? nodeDetails.get(id).name : id;
  }

  // A button that selects a node or an edge (a reference inside the panel).
  function ref(text, onClick) {
    const button = el("button", text, "ref");
    button.type = "button";
    button.addEventListener("click", onClick);
    return button;
  }

  function nodeRef(id) {
    return ref(nodeName(id), () => select(id));
  }

  function valueNode(value) {
    if (Array.isArray(value)) return el("span", value.join(", "));
    if (isWebUrl(value)) return link(value, value);
    return el("span", value);
  }

  function propertyList(properties) {
    const dl = el("dl");
    for (const [key, value] of Object.entries(properties)) {
      const dd = el("dd");
      dd.append(valueNode(value));
      dl.append(el("dt", key.replace(/_/g, " ")), dd);
    }
    return dl;
  }

  // Title (linked when the URL is http(s)), outlet, date and page of a document.
  function citation(documentId, published, page) {
    const doc = documentDetails.get(documentId) || {};
    const p = el("p", null, "cite");
    p.append(link(doc.url, doc.title || documentId));
    const rest = [doc.outlet, published || doc.published, page && "page " + page]
      .filter(Boolean);
    if (rest.length) p.append(el("span", " · " + rest.join(" · ")));
    return p;
  }

  // -- the details panel --------------------------------------------------------------

  const panel = document.getElementById("panel");

  function section(heading, ...content) {
    panel.append(el("h3", heading), ...content);
  }

  function clearPanel() {
    panel.replaceChildren(el("p", "Click a node or an edge to see its details and the " +
                               "evidence behind it.", "hint"));
  }

  function showNode(id) {
    const node = nodeDetails.get(id);
    const swatch = el("span", null, "swatch");
    swatch.style.background = baseColor.get(visId(id));
    const meta = el("p", null, "meta");
    meta.append(swatch, " " + node.kind + (node.discovered ? " · found in text" : "") +
                " · " + page.sizeLabel + " " + Number(node.score).toPrecision(3));
    panel.replaceChildren(el("h2", node.name + (node.name_zh ? " · " + node.name_zh : "")), meta);

    if (node.aliases.length) {
      const ul = el("ul");
      for (const alias of node.aliases) ul.append(el("li", alias));
      section("Also known as", ul);
    }
    if (node.roles.length) {
      const ul = el("ul");
      for (const role of node.roles) {
        const li = el("li", role.role + " — ");
        li.append(nodeRef(role.with));
        const when = [role.since && "since " + role.since, role.until && "until " + role.until,
                      role.current === false && "former"].filter(Boolean);
        if (when.length) li.append(" (" + when.join(", ") + ")");
        ul.append(li);
      }
      section("Roles", ul);
    }
    if (Object.keys(node.properties).length) {
      section("Properties", propertyList(node.properties));
    }
    const connected = network.getConnectedEdges(visId(id));
    if (connected.length) {
      const ul = el("ul");
      for (const edge of edges.get(connected)) {
        const outgoing = edge.from === visId(id);
        const li = el("li", outgoing ? "→ " : "← ");
        li.append(ref(edgeDetails.get(edge.id).type, () => selectEdge(edge.id)), " ",
                  nodeRef(ourId(outgoing ? edge.to : edge.from)));
        const count = edgeDetails.get(edge.id).evidence.length;
        li.append(el("span", " · " + count + (count === 1 ? " source" : " sources"), "meta"));
        ul.append(li);
      }
      section("Connections (" + connected.length + ")", ul);
    }
    if (node.sources.length) {
      section("Sources", ...node.sources.map((source) => citation(source)));
    }
  }

  function showEdge(id) {
    const edge = edges.get(id);
    const info = edgeDetails.get(id);
    const ends = el("p");
    ends.append(nodeRef(ourId(edge.from)), " → ", nodeRef(ourId(edge.to)));
    panel.replaceChildren(el("h2", info.type), ends);
    if (Object.keys(info.properties).length) {
      section("Properties", propertyList(info.properties));
    }
    section("Evidence (" + info.evidence.length + ")", ...info.evidence.map((item) => {
      const box = el("div", null, "evidence");
      if (item.sentence) box.append(el("blockquote", item.sentence));
      box.append(citation(item.document, item.published, item.page));
      const how = [item.rule, item.confidence !== undefined && "confidence " + item.confidence]
        .filter(Boolean);
      if (how.length) box.append(el("p", how.join(", "), "cite"));
      return box;
    }));
    // Sources the edge lists without an evidence item of their own.
    const cited = new Set(info.evidence.map((item) => item.document));
    panel.append(...info.sources.filter((s) => !cited.has(s)).map((s) => citation(s)));
  }

  // -- highlighting, selection, filters -----------------------------------------------

  const dimmedNodes = new Set();
  const dimmedEdges = new Set();

  // Dim everything but ``id`` (a vis id) and its neighbours (nothing when id is null). Only
  // items whose state changes are updated: a click stays quick on thousands of nodes.
  function highlight(id) {
    const keepNodes = new Set(id === null ? nodes.getIds()
                                          : [id, ...network.getConnectedNodes(id)]);
    const keepEdges = new Set(id === null ? edges.getIds() : network.getConnectedEdges(id));
    const nodeUpdates = [];
    for (const nodeId of nodes.getIds()) {
      const dim = !keepNodes.has(nodeId);
      if (dim === dimmedNodes.has(nodeId)) continue;
      if (dim) dimmedNodes.add(nodeId); else dimmedNodes.delete(nodeId);
      nodeUpdates.push(dim ? { id: nodeId, ...DIM_NODE }
                           : { id: nodeId, color: baseColor.get(nodeId), font: nodeFont });
    }
    const edgeUpdates = [];
    for (const edgeId of edges.getIds()) {
      const dim = !keepEdges.has(edgeId);
      if (dim === dimmedEdges.has(edgeId)) continue;
      if (dim) dimmedEdges.add(edgeId); else dimmedEdges.delete(edgeId);
      edgeUpdates.push(dim ? { id: edgeId, ...DIM_EDGE }
                           : { id: edgeId, color: edgeColor, font: edgeFont });
    }
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    state.highlighted = id === null ? [] : [...keepNodes].map(ourId).sort();
  }

  // Select a node (showing its kind again if it was filtered out); ``focus`` also moves
  // the view to it, as a search does.
  function select(id, focus = false) {
    if (!nodeDetails.has(id)) return;
    const drawn = visId(id);
    if (state.hiddenKinds.includes(kindOf.get(drawn))) setKindVisible(kindOf.get(drawn), true);
    network.selectNodes([drawn]);
    if (focus) {
      network.focus(drawn, { scale: Math.max(network.getScale(), 1), animation: false });
      labelView();
    }
    state.selected = id;
    highlight(drawn);
    showNode(id);
  }

  function selectEdge(id) {
    network.selectEdges([id]);
    state.selected = null;
    highlight(null);
    showEdge(id);
  }

  function clearSelection() {
    network.unselectAll();
    state.selected = null;
    highlight(null);
    clearPanel();
  }

  network.on("click", (params) => {
    if (params.nodes.length) select(ourId(params.nodes[0]));
    else if (params.edges.length) selectEdge(params.edges[0]);
    else clearSelection();
  });

  function setKindVisible(kind, visible) {
    const hidden = new Set(state.hiddenKinds);
    if (visible) hidden.delete(kind); else hidden.add(kind);
    state.hiddenKinds = [...hidden].sort();
    const box = document.querySelector(`#kinds input[data-kind="${CSS.escape(kind)}"]`);
    if (box) box.checked = visible;
    nodes.update(nodes.get({ filter: (n) => n.kind === kind })
      .map((n) => ({ id: n.id, hidden: !visible })));
    const isHidden = (nodeId) => hidden.has(kindOf.get(nodeId));
    edges.update(edges.get({ filter: (e) => (e.hidden === true) !== (isHidden(e.from) ||
                                                                    isHidden(e.to)) })
      .map((e) => ({ id: e.id, hidden: !e.hidden })));
    if (state.selected !== null && isHidden(visId(state.selected))) clearSelection();
  }

  for (const box of document.querySelectorAll("#kinds input[data-kind]")) {
    box.addEventListener("change", () => setKindVisible(box.dataset.kind, box.checked));
  }

  // -- search -------------------------------------------------------------------------

  // Lower-cased names and aliases per node, in id order (ties go to the first).
  const searchIndex = [...nodeDetails].map(([id, node]) =>
    [id, [node.name, ...node.aliases].map((name) => name.toLowerCase())]);

  // The best match for ``query``: an exact name or alias, else one that starts with it,
  // else one that contains it; the shortest name wins among equals.
  function find(query) {
    const wanted = query.trim().toLowerCase();
    if (!wanted) return null;
    let best = null;
    let bestRank = [Infinity, Infinity];
    for (const [id, names] of searchIndex) {
      for (const name of names) {
        const how = name === wanted ? 0 : name.startsWith(wanted) ? 1
                    : name.includes(wanted) ? 2 : null;
        if (how === null) continue;
        if (how < bestRank[0] || (how === bestRank[0] && name.length < bestRank[1])) {
          best = id;
          bestRank = [how, name.length];
        }
      }
    }
    return best;
  }

  // Suggestions are filled in on first use: thousands of options slow the page's opening.
  const input = document.getElementById("search-input");
  input.addEventListener("focus", () => {
    const names = new Set([...nodeDetails.values()].flatMap((n) => [n.name, ...n.aliases]));
    document.getElementById("search-names").append(...[...names].sort().map((name) => {
      const option = el("option");
      option.value = name;
      return option;
    }));
  }, { once: true });

  const status = document.getElementById("search-status");
  document.getElementById("search").addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value;
    const id = find(query);
    status.classList.toggle("miss", id === null && query.trim() !== "");
    if (id === null) {
      status.textContent = query.trim() ? "No name or alias matches “" + query.trim() + "”" : "";
      return;
    }
    status.textContent = "Found " + nodeName(id);
    select(id, true);
  });
})();
