// hkweb3 graph page: draws the graph with vis-network and wires the search box, the kind
// and place filters, the timeline, neighbour highlighting, the details panel, the shareable
// address (#date=...&focus=...) and the PNG export. Every text from the data is put in with
// textContent (never innerHTML), and only http(s) URLs become links. Any string is an id:
// "constructor" or "__proto__" included (lookups by id use Maps, never plain objects).
"use strict";
(function () {
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const page = read("hkweb3-page");
  // JSON.parse makes every key an own property, "__proto__" too: Object.entries sees them.
  const nodeDetails = new Map(Object.entries(page.details.nodes));
  const edgeDetails = new Map(Object.entries(page.details.edges));
  const documentDetails = new Map(Object.entries(page.details.documents));
  const timeline = page.timeline;

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
  if (page.lazyLabels) {
    for (const item of nodeItems) { nodeLabels.set(item.id, item.label); delete item.label; }
  }
  const nodes = new vis.DataSet(nodeItems);
  const edges = new vis.DataSet(edgeItems);
  const network = new vis.Network(document.getElementById("graph"), { nodes, edges },
                                  page.options);

  const placeKinds = [...new Set(nodeItems.filter((n) => nodeDetails.get(ourId(n.id)).place)
    .map((n) => n.kind))].sort();
  // What tests and scripts can read. drawn: the first drawing is done; stabilized: the
  // layout is final (labels moved apart, the whole graph fitted to the view).
  const state = { drawn: false, stabilized: nodes.length === 0, selected: null,
                  highlighted: [], hiddenKinds: placeKinds, date: null, query: "",
                  faded: { nodes: [], edges: [] }, exported: null, review: false };
  // (``nodes``, ``edges`` and ``network`` know the nodes by ``visId(id)``.)
  window.hkweb3 = { network, nodes, edges, state, find, select, selectEdge, setKindVisible,
                    setPlacesVisible, setDate, exportPng, visId };
  network.once("afterDrawing", () => { state.drawn = true; });

  // Once laid out, the picture stays still (nodes stop drifting; dragging one moves only
  // that one); then labels are moved apart and the whole graph is fitted to the view.
  if (page.physics && nodes.length) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", settle);
    });
  } else if (nodes.length) {
    network.once("afterDrawing", settle);
  }

  function settle() {
    if (page.lazyLabels) {
      state.stabilized = true;  // drawn fitted already, and labels wait for a zoom
      return;
    }
    compact(nodes.getIds({ filter: (n) => !n.hidden }));
    network.setOptions({ nodes: { scaling: { label: { drawThreshold: page.labelThreshold } } } });
    // Fitted once drawn where they now are: the fit reads the boxes of the last drawing.
    network.once("afterDrawing", () => {
      network.fit({ animation: false });
      network.once("afterDrawing", () => { state.stabilized = true; });
      network.redraw();
    });
    network.redraw();
  }

  // A layout made for its edges leaves wide gaps, so once fitted its names are too small
  // to read: draw the nodes towards their middle, a step at a time, moving labels apart
  // after each step, while the drawing still gets smaller. Boxes are dot and label, in
  // canvas units (so at any zoom), measured where vis-network last drew them.
  function compact(ids) {
    if (ids.length < 2) return;
    const at = network.getPositions(ids);
    const boxes = ids.map((id) => {
      const b = network.getBoundingBox(id);
      const p = at[id];
      return { id, x: p.x, y: p.y, l: b.left - p.x, r: b.right - p.x, t: b.top - p.y,
               b: b.bottom - p.y };
    });
    const view = document.getElementById("graph").getBoundingClientRect();
    let span = separate(boxes, view);
    for (let step = 0; step < 20; step++) {
      // (By id: separate() reorders the boxes.)
      const before = new Map(boxes.map((box) => [box.id, [box.x, box.y]]));
      const cx = boxes.reduce((s, box) => s + box.x, 0) / boxes.length;
      const cy = boxes.reduce((s, box) => s + box.y, 0) / boxes.length;
      // Squeeze the long side harder, towards the shape of the view.
      const [w, h] = extent(boxes);
      const tall = h * view.width > w * view.height;
      for (const box of boxes) {
        box.x = cx + (box.x - cx) * (tall ? 0.95 : 0.85);
        box.y = cy + (box.y - cy) * (tall ? 0.85 : 0.95);
      }
      const smaller = separate(boxes, view);
      if (smaller === null || smaller > span * 0.98) {
        if (smaller === null || smaller > span) {
          for (const box of boxes) [box.x, box.y] = before.get(box.id);
        }
        break;
      }
      span = smaller;
    }
    for (const box of boxes) network.moveNode(box.id, box.x, box.y);
  }

  // Push apart the boxes that overlap, along the axis where they overlap least, until none
  // do; return how many views (``view``: width and height) the drawing spans on its
  // longer side, relative to the view's shape (null if some boxes still overlap).
  function separate(boxes, view) {
    const GAP = 4;
    let moved = true;
    for (let round = 0; round < 3000 && moved; round++) {
      moved = false;
      boxes.sort((p, q) => p.x + p.l - (q.x + q.l));
      for (let i = 0; i < boxes.length; i++) {
        const a = boxes[i];
        for (let j = i + 1; j < boxes.length && boxes[j].x + boxes[j].l < a.x + a.r + GAP; j++) {
          const c = boxes[j];
          const ox = Math.min(a.x + a.r, c.x + c.r) - Math.max(a.x + a.l, c.x + c.l) + GAP;
          const oy = Math.min(a.y + a.b, c.y + c.b) - Math.max(a.y + a.t, c.y + c.t) + GAP;
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          if (ox < oy) {
            const step = (a.x <= c.x ? -1 : 1) * (ox / 2 + 0.5);
            a.x += step; c.x -= step;
          } else {
            const step = (a.y <= c.y ? -1 : 1) * (oy / 2 + 0.5);
            a.y += step; c.y -= step;
          }
        }
      }
    }
    if (moved) return null;
    const [w, h] = extent(boxes);
    return Math.max(w / view.width, h / view.height);
  }

  function extent(boxes) {
    const xs = boxes.flatMap((b) => [b.x + b.l, b.x + b.r]);
    const ys = boxes.flatMap((b) => [b.y + b.t, b.y + b.b]);
    return [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
  }

  const kindOf = new Map(nodes.get().map((n) => [n.id, n.kind]));
  const baseColor = new Map(nodes.get().map((n) => [n.id, n.color]));
  const nodeFont = page.options.nodes.font;
  const edgeColor = page.options.edges.color;
  const STYLES = {
    dim: { node: { color: { background: "#eceff1", border: "#d5dade" },
                   font: { color: "#c3c8cd", strokeWidth: 0 } },
           edge: { color: { color: "#eceff1", highlight: "#eceff1", hover: "#eceff1" } } },
    faded: { node: { color: { background: "#f6f7f8", border: "#eceef0" },
                     font: { color: "#dfe2e5", strokeWidth: 0 } },
             edge: { color: { color: "#f3f4f6", highlight: "#f3f4f6", hover: "#f3f4f6" } } },
  };

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
    for (const id of inView) nodeLabels.delete(id);
  }

  network.once("afterDrawing", labelView);
  network.on("zoom", labelView);
  network.on("dragEnd", labelView);

  // Every fact of each node, places' included (the network forgets hidden edges' ends).
  const factsOf = new Map([...nodeDetails.keys()].map((id) => [id, []]));
  for (const edge of edgeItems) {
    factsOf.get(ourId(edge.from)).push(edge.id);
    if (edge.to !== edge.from) factsOf.get(ourId(edge.to)).push(edge.id);
  }

  // -- dates --------------------------------------------------------------------------

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                  "Nov", "Dec"];
  const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

  function prettyDay(day) {
    const [y, m, d] = day.split("-").map(Number);
    return d + " " + MONTHS[m - 1] + " " + y;
  }

  const edgeSpan = new Map(Object.entries(timeline.edges));
  const nodeStart = new Map(Object.entries(timeline.nodes));
  const edgeLive = (id, day) => {
    const [start, end] = edgeSpan.get(id);
    return (!start || start <= day) && (!end || day <= end);
  };
  const nodeLive = (id, day) => {
    const start = nodeStart.get(ourId(id));
    return !start || start <= day;
  };

  // The slider moves by month: step i is the last day of the i-th month from the first.
  const firstMonth = timeline.first ? monthIndex(timeline.first) : 0;
  const lastMonth = timeline.last ? monthIndex(timeline.last) : 0;
  function monthIndex(day) {
    const [y, m] = day.split("-").map(Number);
    return y * 12 + m - 1;
  }
  function monthEnd(index) {
    const y = Math.floor(index / 12);
    const m = index % 12;
    const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return String(y).padStart(4, "0") + "-" + String(m + 1).padStart(2, "0") + "-" +
           String(last).padStart(2, "0");
  }

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

  function propertyList(properties, className) {
    const dl = el("dl", null, className);
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

  const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");

  // -- the details panel --------------------------------------------------------------

  const panel = document.getElementById("panel");
  // What the panel shows when nothing is selected: how to read the page.
  const howto = document.getElementById("howto").cloneNode(true);

  function section(heading, ...content) {
    panel.append(el("h3", heading), ...content);
  }

  function clearPanel() {
    panel.replaceChildren(howto.cloneNode(true));
  }

  // "ZA Bank banks for OSL": the subject, the reading (which opens the evidence) and the
  // object; ``self`` (a node id) is written plainly rather than as a reference.
  function sentence(edgeId, self) {
    const edge = edges.get(edgeId);
    const info = edgeDetails.get(edgeId);
    const end = (id) => (id === self ? el("strong", nodeName(id)) : nodeRef(id));
    const p = el("span");
    p.append(end(ourId(edge.from)), " ", ref(info.reading, () => selectEdge(edgeId)), " ",
             end(ourId(edge.to)));
    return p;
  }

  // What the fact names and when it held: "VATP licence · since 18 Dec 2024".
  function factNote(info) {
    const when = info.period || (info.firstSeen && "reported " + prettyDay(info.firstSeen));
    return [info.qualifier, when].filter(Boolean).join(" · ");
  }

  function showNode(id) {
    const node = nodeDetails.get(id);
    const swatch = el("span", null, "swatch");
    swatch.style.background = baseColor.get(visId(id));
    const meta = el("p", null, "meta");
    meta.append(swatch, " " + node.kindName + (node.discovered ? " · found in text" : ""));
    meta.append(el("span", " · " + page.sizeLabel + " " + Number(node.score).toPrecision(3),
                   "detail"));
    panel.replaceChildren(el("h2", node.name + (node.name_zh ? " · " + node.name_zh : "")), meta);
    if (node.description) panel.append(el("p", node.description));

    if (node.aliases.length) {
      const ul = el("ul");
      for (const alias of node.aliases) ul.append(el("li", alias));
      section("Also known as", ul);
    }
    const facts = factsOf.get(id);
    if (facts.length) {
      const ul = el("ul");
      // Facts that hold at the chosen date first, then by reading.
      const key = (e) => [state.date && !edgeLive(e, state.date) ? 1 : 0,
                          edgeDetails.get(e).reading];
      const ordered = [...facts].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        return x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0);
      });
      for (const edgeId of ordered) {
        const info = edgeDetails.get(edgeId);
        const li = el("li", null, "line");
        li.append(sentence(edgeId, id));
        const note = factNote(info);
        if (note) li.append(el("span", " — " + note, "when"));
        li.append(el("span", " · " + plural(info.evidence.length || info.sources.length,
                                            "source"), "meta"));
        li.append(el("span", " · " + info.type, "detail"));
        if (state.date && !edgeLive(edgeId, state.date)) {
          li.classList.add("off");
          li.append(el("span", " (not at this date)", "off-note"));
        }
        ul.append(li);
      }
      section("Connections (" + facts.length + ")", ul);
    }
    if (Object.keys(node.properties).length) {
      panel.append(el("h3", "Properties", "detail"), propertyList(node.properties, "detail"));
    }
    if (node.sources.length) {
      section("Sources", ...node.sources.map((source) => citation(source)));
    }
  }

  function showEdge(id) {
    const info = edgeDetails.get(id);
    const heading = el("h2");
    heading.append(sentence(id, null));
    panel.replaceChildren(heading);
    const about = el("dl");
    const add = (term, value) => { if (value) about.append(el("dt", term), el("dd", value)); };
    add(info.qualifierName ? info.qualifierName[0].toUpperCase() + info.qualifierName.slice(1)
                           : null, info.qualifier);
    add("When", info.period || "not stated in the sources");
    if (info.review.length) add("Needs review", info.review.join("; "));
    if (info.firstSeen) {
      add("Reported", info.firstSeen === info.lastSeen ? prettyDay(info.firstSeen)
        : "first " + prettyDay(info.firstSeen) + ", last " + prettyDay(info.lastSeen));
    }
    if (state.date && !edgeLive(id, state.date)) add("At " + prettyDay(state.date), "not yet, or no longer");
    panel.append(about);
    const codes = el("p", "Code " + info.type + (info.facts > 1 ? " · " + info.facts +
                          " reports of this fact merged" : ""), "detail");
    panel.append(codes);
    if (Object.keys(info.properties).length) panel.append(propertyList(info.properties, "detail"));
    section("Sources (" + info.evidence.length + ")", ...info.evidence.map((item) => {
      const box = el("div", null, "evidence");
      if (item.sentence) box.append(el("blockquote", item.sentence));
      box.append(citation(item.document, item.published, item.page));
      const how = [item.rule && "rule " + item.rule,
                   item.confidence !== undefined && "confidence " + item.confidence]
        .filter(Boolean);
      if (how.length) box.append(el("p", how.join(", "), "detail"));
      return box;
    }));
    // Sources the edge lists without an evidence item of their own.
    const cited = new Set(info.evidence.map((item) => item.document));
    panel.append(...info.sources.filter((s) => !cited.has(s)).map((s) => citation(s)));
  }

  function refreshPanel() {
    if (state.selected !== null) showNode(state.selected);
    else if (selectedEdge !== null) showEdge(selectedEdge);
  }

  // -- styles: the date fades, the selection dims -------------------------------------

  const nodeStyle = new Map();
  const edgeStyle = new Map();
  let selectedEdge = null;

  // Restyle every node and edge from the date and the selection; only items whose style
  // changes are updated, so a click or a slider step stays quick on thousands of nodes.
  function restyle() {
    const day = state.date;
    const focus = state.selected === null ? null : visId(state.selected);
    let keepNodes = focus === null ? null : new Set([focus, ...network.getConnectedNodes(focus)]);
    let keepEdges = focus === null ? null : new Set(network.getConnectedEdges(focus));
    if (state.review) {  // only the facts to check, and their ends, stand out
      keepEdges = new Set([...reviewEdges].filter((e) => !keepEdges || keepEdges.has(e)));
      keepNodes = new Set([...keepEdges].flatMap((e) => network.getConnectedNodes(e)));
    }
    const fadedNodes = [];
    const fadedEdges = [];
    const nodeUpdates = [];
    for (const id of nodes.getIds()) {
      const faded = day !== null && !nodeLive(id, day);
      if (faded) fadedNodes.push(ourId(id));
      const style = faded ? "faded" : keepNodes && !keepNodes.has(id) ? "dim" : "normal";
      if ((nodeStyle.get(id) || "normal") === style) continue;
      nodeStyle.set(id, style);
      nodeUpdates.push(style === "normal" ? { id, color: baseColor.get(id), font: nodeFont }
                                          : { id, ...STYLES[style].node });
    }
    const edgeUpdates = [];
    for (const id of edges.getIds()) {
      const faded = day !== null && !edgeLive(id, day);
      if (faded) fadedEdges.push(id);
      const style = faded ? "faded" : keepEdges && !keepEdges.has(id) ? "dim"
                  : focus !== null ? "named" : "normal";
      if ((edgeStyle.get(id) || "normal") === style) continue;
      edgeStyle.set(id, style);
      // Lines carry their reading only around the selection: everywhere, they would cover
      // each other and the names.
      const label = style === "named" ? edgeDetails.get(id).reading : "";
      edgeUpdates.push(style === "faded" || style === "dim"
        ? { id, label, ...STYLES[style].edge } : { id, label, color: edgeColor });
    }
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    state.faded = { nodes: fadedNodes.sort(), edges: fadedEdges.sort() };
    state.highlighted = keepNodes === null ? [] : [...keepNodes].map(ourId).sort();
  }

  // -- selection, filters -------------------------------------------------------------

  // Select a node (showing its kind again if it was filtered out); ``focus`` also moves
  // the view to it, as a search does.
  function select(id, focus = false) {
    if (!nodeDetails.has(id)) return;
    const drawn = visId(id);
    const kind = kindOf.get(drawn);
    if (state.hiddenKinds.includes(kind)) {
      if (placeKinds.includes(kind)) setPlacesVisible(true); else setKindVisible(kind, true);
    }
    network.selectNodes([drawn]);
    if (focus) {
      network.focus(drawn, { scale: Math.max(network.getScale(), 1), animation: false });
      labelView();
    }
    state.selected = id;
    selectedEdge = null;
    restyle();
    showNode(id);
    writeAddress();
  }

  function selectEdge(id) {
    const edge = edges.get(id);
    if (edge.hidden) setPlacesVisible(true);
    network.selectEdges([id]);
    state.selected = null;
    selectedEdge = id;
    restyle();
    showEdge(id);
    writeAddress();
  }

  function clearSelection() {
    network.unselectAll();
    state.selected = null;
    selectedEdge = null;
    restyle();
    clearPanel();
    writeAddress();
  }

  network.on("click", (params) => {
    if (params.nodes.length) select(ourId(params.nodes[0]));
    else if (params.edges.length) selectEdge(params.edges[0]);
    else clearSelection();
  });

  function setKindsVisible(kinds, visible) {
    const hidden = new Set(state.hiddenKinds);
    for (const kind of kinds) {
      if (visible) hidden.delete(kind); else hidden.add(kind);
      const box = document.querySelector(`#kinds input[data-kind="${CSS.escape(kind)}"]`);
      if (box) box.checked = visible;
    }
    state.hiddenKinds = [...hidden].sort();
    const isHidden = (nodeId) => hidden.has(kindOf.get(nodeId));
    nodes.update(nodes.get({ filter: (n) => kinds.includes(n.kind) })
      .map((n) => ({ id: n.id, hidden: !visible, physics: visible })));
    edges.update(edges.get({ filter: (e) => (e.hidden === true) !== (isHidden(e.from) ||
                                                                    isHidden(e.to)) })
      .map((e) => ({ id: e.id, hidden: !e.hidden })));
    if (state.selected !== null && isHidden(visId(state.selected))) clearSelection();
  }

  function setKindVisible(kind, visible) {
    setKindsVisible([kind], visible);
  }

  // Places are context: hidden at first, shown by their checkbox, each at the middle of
  // its neighbours (where the layout, made without them, leaves room for its name).
  const placesBox = document.getElementById("show-places");
  let placesPlaced = false;
  function setPlacesVisible(visible) {
    if (!placeKinds.length) return;
    if (placesBox) placesBox.checked = visible;
    if (visible && !placesPlaced) {
      placesPlaced = true;
      const places = nodes.getIds({ filter: (n) => placeKinds.includes(n.kind) });
      for (const id of places) {
        const around = factsOf.get(ourId(id)).map((e) => edges.get(e))
          .map((e) => (e.from === id ? e.to : e.from)).filter((n) => n !== id);
        if (!around.length) continue;
        const at = Object.values(network.getPositions(around));
        network.moveNode(id, at.reduce((s, p) => s + p.x, 0) / at.length,
                         at.reduce((s, p) => s + p.y, 0) / at.length);
      }
    }
    setKindsVisible(placeKinds, visible);
    writeAddress();
  }

  for (const box of document.querySelectorAll("#kinds input[data-kind]")) {
    box.addEventListener("change", () => setKindVisible(box.dataset.kind, box.checked));
  }
  if (placesBox) placesBox.addEventListener("change", () => setPlacesVisible(placesBox.checked));
  const reviewEdges = new Set([...edgeDetails].filter(([, info]) => info.review.length)
    .map(([id]) => id));
  const reviewBox = document.getElementById("needs-review");
  document.getElementById("review-count").textContent = String(reviewEdges.size);
  reviewBox.addEventListener("change", () => {
    state.review = reviewBox.checked;
    restyle();
  });
  const detailsBox = document.getElementById("show-details");
  detailsBox.addEventListener("change", () => {
    document.body.classList.toggle("show-details", detailsBox.checked);
  });

  // -- the timeline ---------------------------------------------------------------------

  const slider = document.getElementById("date-slider");
  const dateLabel = document.getElementById("date-label");
  const playButton = document.getElementById("play");
  const histogram = document.getElementById("histogram");
  slider.max = String(lastMonth - firstMonth);
  slider.value = slider.max;
  const yearBars = new Map();
  if (timeline.first) {
    const counts = new Map(timeline.years);
    const firstYear = Math.floor(firstMonth / 12);
    const lastYear = Math.floor(lastMonth / 12);
    const most = Math.max(1, ...counts.values());
    const every = lastYear - firstYear < 20 ? 1 : 5;
    for (let year = firstYear; year <= lastYear; year++) {
      const count = counts.get(year) || 0;
      const column = el("div", null, "year");
      column.title = year + ": " + plural(count, "fact") + " began";
      const bar = el("div", null, "bar");
      bar.style.height = Math.round(22 * count / most) + "px";
      const tick = el("span", year === firstYear || year === lastYear || year % every === 0
        ? (lastYear - firstYear < 12 ? String(year) : "'" + String(year).slice(2)) : "", "tick");
      column.append(bar, tick);
      histogram.append(column);
      yearBars.set(year, column);
    }
  } else {
    for (const control of [slider, playButton, document.getElementById("all-dates")]) {
      control.disabled = true;
    }
  }

  // Show the graph as of ``day`` (ISO yyyy-mm-dd), or every fact whatever its date (null).
  function setDate(day) {
    state.date = day && ISO_DAY.test(day) ? day : null;
    if (state.date !== null) {
      const index = Math.min(Math.max(monthIndex(state.date) - firstMonth, 0), lastMonth - firstMonth);
      slider.value = String(index);
    } else {
      slider.value = slider.max;
    }
    dateLabel.textContent = state.date === null ? "all dates" : "as of " + prettyDay(state.date);
    const year = state.date === null ? null : Number(state.date.slice(0, 4));
    for (const [y, column] of yearBars) column.classList.toggle("now", y === year);
    restyle();
    refreshPanel();
    writeAddress();
  }

  slider.addEventListener("input", () => {
    stop();
    setDate(monthEnd(firstMonth + Number(slider.value)));
  });
  document.getElementById("all-dates").addEventListener("click", () => { stop(); setDate(null); });

  let playing = null;
  function stop() {
    if (playing !== null) clearInterval(playing);
    playing = null;
    playButton.textContent = "▶";
    playButton.setAttribute("aria-label", "Play the timeline");
  }
  playButton.addEventListener("click", () => {
    if (playing !== null) { stop(); return; }
    if (state.date === null || Number(slider.value) >= Number(slider.max)) slider.value = "0";
    setDate(monthEnd(firstMonth + Number(slider.value)));
    playButton.textContent = "❚❚";
    playButton.setAttribute("aria-label", "Pause the timeline");
    playing = setInterval(() => {
      const next = Number(slider.value) + 1;
      if (next > Number(slider.max)) { stop(); return; }
      setDate(monthEnd(firstMonth + next));
    }, 120);
  });

  // -- the address: #date=2024-06-30&focus=za-bank&q=ZA&places=1 ------------------------

  let restoring = false;  // while the address is read, nothing writes it back
  function writeAddress() {
    if (restoring) return;
    const params = new URLSearchParams();
    // "all": the reader chose every date over the page's start date, which a reload keeps.
    if (state.date || page.startDate) params.set("date", state.date || "all");
    if (state.selected !== null) params.set("focus", state.selected);
    if (state.query) params.set("q", state.query);
    if (placeKinds.length && !state.hiddenKinds.includes(placeKinds[0])) params.set("places", "1");
    const hash = params.toString();
    if (hash === location.hash.slice(1)) return;
    try {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    } catch (error) {
      location.hash = hash;  // where replaceState is refused (some browsers, file: pages)
    }
  }

  function readAddress() {
    const params = new URLSearchParams(location.hash.slice(1));
    restoring = true;
    try {
      const places = params.get("places") === "1";
      if (placeKinds.length && places === state.hiddenKinds.includes(placeKinds[0])) {
        setPlacesVisible(places);
      }
      setDate(params.has("date") ? params.get("date") : page.startDate);
      const query = params.get("q") || "";
      state.query = query;
      input.value = query;
      const focus = params.get("focus");
      const found = focus !== null && nodeDetails.has(focus) ? focus
                    : query ? find(query) : null;
      if (found !== null) select(found); else if (state.selected !== null) clearSelection();
    } finally {
      restoring = false;
    }
    writeAddress();
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
    state.query = query.trim();
    select(id, true);
  });

  // -- export -------------------------------------------------------------------------

  // The picture as it is now, on white, with the title and the date under it, saved as a
  // PNG file (a download: nothing leaves the machine).
  function exportPng() {
    const source = document.querySelector("#graph canvas");
    const band = 28 * (window.devicePixelRatio || 1);
    const canvas = document.createElement("canvas");
    canvas.width = source.width;
    canvas.height = source.height + band;
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    ctx.fillStyle = "#57606a";
    ctx.font = Math.round(band / 2) + "px system-ui, sans-serif";
    const caption = [page.title, state.date ? "as of " + prettyDay(state.date) : "all dates",
                     state.selected !== null ? nodeName(state.selected) : null]
      .filter(Boolean).join(" · ");
    ctx.fillText(caption, band / 2, source.height + band * 0.68);
    canvas.toBlob((blob) => {
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = "hkweb3" + (state.date ? "-" + state.date : "") + ".png";
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      state.exported = { width: canvas.width, height: canvas.height, bytes: blob.size };
    }, "image/png");
  }
  document.getElementById("save-png").addEventListener("click", exportPng);
  document.getElementById("howto-button").addEventListener("click", clearSelection);

  window.addEventListener("hashchange", readAddress);
  readAddress();
})();
