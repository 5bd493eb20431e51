"""What the HTML view shows, computed from the graph in memory
(:class:`~hkweb3.graph.memory.MemoryGraph`: typed nodes, facts with their periods and
evidence, documents).

:func:`page_data` sorts everything (so equal graphs give equal pages), drops facts whose
ends are missing, merges facts that say the same thing (:func:`merge_facts`), and returns
the vis-network items (nodes coloured by kind from the schema and sized by a score; places
hidden until asked for) plus what the page shows of them: each fact's plain reading from the
schema ("banks for"), what it names (licence, service, role), its period and all its
evidence; aliases and properties; the documents cited; and the timeline (:func:`timeline`).
Nothing is escaped here: the page puts every text in with ``textContent``. Only URLs are
filtered: a link is kept only if it is http(s) (:func:`safe_url`).

Examples
--------
>>> from hkweb3.graph.read import read_dump
>>> graph = read_dump({
...     "nodes": [{"id": "osl", "name": "OSL", "kind": "TradingPlatform"},
...               {"id": "za-bank", "name": "ZA Bank", "kind": "VirtualBank"}],
...     "edges": [{"source": "za-bank", "target": "osl", "type": "PROVIDES_BANKING_TO"},
...               {"source": "za-bank", "target": "gone", "type": "OWNS"}],
... })
>>> data = page_data(graph)
>>> [(n["id"], n["color"], n["size"]) for n in data.nodes]
[('osl', '#ff7f0e', 24.0), ('za-bank', '#4fa3e0', 24.0)]
>>> [(e["id"], e["from"], e["type"], e["to"]) for e in data.edges]
[('e0', 'za-bank', 'PROVIDES_BANKING_TO', 'osl')]
>>> data.details["edges"]["e0"]["reading"]
'banks for'
"""

from __future__ import annotations

import calendar
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hkweb3.errors import ValidationError
from hkweb3.graph.memory import Fact, GraphFilter, MemoryGraph, Node
from hkweb3.graph.periods import PartialDate, Period
from hkweb3.graph.read import read_dump
from hkweb3.graph.review import weakness
from hkweb3.graph.schema import Schema, load_schema

MIN_SIZE, MAX_SIZE = 8.0, 40.0
#: Canvas labels longer than this are cut (the side panel shows the whole name).
LABEL_CHARS = 40
#: Colour for a kind the schema does not know.
UNKNOWN_COLOR = "#999999"
_SMALL_WORDS = {"a", "an", "and", "the", "of", "for", "to", "in", "on"}
#: Vis "roundness" added per extra edge between the same two nodes, so none hides another.
PARALLEL_CURVE = 0.2


@dataclass(frozen=True)
class PageData:
    """The vis-network items, the legend, and the side panel's details."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    #: ``[{"kind", "name", "color", "count", "place", "description"}]``, in schema order.
    kinds: list[dict[str, Any]]
    #: ``{"nodes": {id: ...}, "edges": {edge id: ...}, "documents": {id: ...}}``.
    details: dict[str, dict[str, Any]]
    #: See :func:`timeline`.
    timeline: dict[str, Any]


def page_data(
    graph: MemoryGraph | Mapping[str, Any],
    sizes: Mapping[str, float] | None = None,
    schema: Schema | None = None,
) -> PageData:
    """Turn the graph into :class:`PageData`; ``sizes`` maps node ids to the score that sizes
    them (default: :func:`degree_scores`).

    ``graph`` is the graph as read (:mod:`hkweb3.graph.read`, in full), or an export's plain
    data, which is read here as ``hkweb3 viz --graph`` reads a file (places kept).
    """
    schema = schema or load_schema()
    if not isinstance(graph, MemoryGraph):
        graph = read_dump(graph, GraphFilter(with_places=True))
    # Documents read as nodes (with mentions) are the page's sources, not among its entities.
    nodes = {i: n for i, n in graph.nodes.items() if n.kind != schema.document_label}
    facts = sorted((f for f in graph.facts() if f.source in nodes and f.target in nodes),
                   key=_fact_order)
    if sizes is None:
        sizes = degree_scores(nodes, ((f.source, f.target) for f in facts))
    scores = {i: _number(sizes.get(i)) for i in nodes}
    documents = {
        doc.id: {"title": doc.title, "outlet": doc.outlet, "published": _plain(doc.published),
                 "url": safe_url(doc.url)}
        for doc in sorted(graph.documents.values())
    }
    published = {i: str(d["published"]) for i, d in documents.items() if _day(d["published"])}
    # Places (the schema's context kinds) are drawn only on request: one links half the graph.
    context = set(schema.context_kinds)  # worked out on each call
    places = {i for i, n in nodes.items() if n.kind in context}
    vis_nodes, node_details = _nodes(nodes, scores, schema, places)
    vis_edges, edge_details = _edges(facts, schema, places, published)
    return PageData(
        nodes=vis_nodes,
        edges=vis_edges,
        kinds=_legend(schema, Counter(n["kind"] for n in vis_nodes)),
        details={"nodes": node_details, "edges": edge_details, "documents": documents},
        timeline=timeline(vis_edges, edge_details, node_details, published),
    )


def timeline(
    edges: list[dict[str, Any]], edge_details: Mapping[str, Mapping[str, Any]],
    node_details: Mapping[str, Mapping[str, Any]], published: Mapping[str, str],
) -> dict[str, Any]:
    """What the page's timeline needs: each edge's first and last valid day, each node's
    first day (its first fact, or its first source), facts begun per year, and the span
    of dates with the data's date (its latest) at the end. None marks an open end."""
    edge_spans = {e["id"]: [edge_details[e["id"]]["start"], edge_details[e["id"]]["end"]]
                  for e in edges}
    node_start: dict[str, str | None] = {}
    for i, node in node_details.items():
        days = [published[s] for s in node["sources"] if s in published]
        node_start[i] = _day(min(days))[0] if days else None
    for e in edges:
        start = edge_spans[e["id"]][0]
        for end in (e["from"], e["to"]):
            if start and (node_start[end] is None or start < node_start[end]):
                node_start[end] = start
    years = Counter(span[0][:4] for span in edge_spans.values() if span[0])
    days = sorted({d for span in edge_spans.values() for d in span if d}
                  | {_day(d)[1] for d in published.values()}
                  | {d for d in node_start.values() if d})
    return {
        "edges": edge_spans,
        "nodes": node_start,
        "years": [[int(y), n] for y, n in sorted(years.items())],
        "first": days[0] if days else None,
        "last": days[-1] if days else None,
        "dataDate": max((_day(d)[1] for d in published.values()), default=None),
    }


def _nodes(
    nodes: Mapping[str, Node], scores: Mapping[str, float], schema: Schema, places: set[str],
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """vis-network nodes (label, colour, size; places hidden) and each node's details."""
    sizes = _sizes(scores)
    items, details = [], {}
    for i, node in nodes.items():
        kind = node.kind or "?"
        name = node.name
        label = name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"
        item = {"id": i, "label": label, "kind": kind, "color": _color(schema, kind),
                "size": sizes[i]}
        if i in places:
            item["hidden"], item["physics"] = True, False
        items.append(item)
        properties = _properties(node.attributes)
        details[i] = {
            "name": name,
            # the Chinese name, shown beside the English one (registry's names_zh)
            "name_zh": node.name_zh,
            "kind": kind,
            "kindName": kind_words(kind),
            "place": i in places,
            "description": properties.pop("description", None),
            "aliases": sorted(node.aliases),
            "sources": list(node.sources),
            "discovered": node.discovered,
            "properties": properties,
            "score": scores[i],
        }
    return items, details


def _edges(
    facts: list[Fact], schema: Schema, places: set[str], published: Mapping[str, str],
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """vis-network edges (ids ``e0``, ``e1``, ... in order), one per line once facts with
    the same meaning are merged (:func:`merge_facts`), and each one's details: its reading,
    what it names (licence, service, role), its period and all its sources."""
    items, details = [], {}
    parallel: dict[tuple[str, str], int] = defaultdict(int)
    for number, line in enumerate(merge_facts(facts, schema)):
        eid = f"e{number}"
        source, target, kind = line.source, line.target, line.type
        item: dict[str, Any] = {"id": eid, "from": source, "to": target, "type": kind}
        pair = (min(source, target), max(source, target))
        if parallel[pair]:
            item["smooth"] = {"type": "curvedCW", "roundness": PARALLEL_CURVE * parallel[pair]}
        parallel[pair] += 1
        if _is_symmetric(schema, kind):
            item["arrows"] = {"to": {"enabled": False}}
        if source in places or target in places:
            item["hidden"], item["physics"] = True, False
        items.append(item)
        # Each item once: two facts may cite the same sentence.
        evidence = list(dict.fromkeys(e for fact in line.facts for e in fact.evidence))
        sources: list[str] = []
        properties: dict[str, Any] = {}
        for fact in line.facts:
            sources += [s for s in fact.sources if s not in sources]
            for key, value in _properties(fact.properties).items():
                properties.setdefault(key, value)
        seen = sorted([*(e.published.isoformat() for e in evidence if e.published),
                       *(published[s] for s in sources if s in published)])
        first, last = (_day(seen[0])[0], _day(seen[-1])[0]) if seen else (None, None)
        periods = [_period(fact) for fact in line.facts]
        start, end = _validity(periods, first, last)
        role_read = kind in schema.edges and "{role}" in schema.edges[kind].reading
        plain = [e.plain() for e in evidence]
        details[eid] = {
            "type": kind,
            "reading": schema_reading(schema, kind, line.qualifier if role_read else None),
            # A role is in the reading already ("is chief executive of").
            "qualifier": None if role_read else line.qualifier,
            "qualifierName": line.qualifier_name,
            "period": period_text(periods),
            "firstSeen": first,
            "lastSeen": last,
            "start": start,
            "end": end,
            "facts": len(line.facts),
            "sources": sources,
            "properties": properties,
            "evidence": plain,
            # Why an analyst should check it (one source, low confidence); empty if not.
            "review": weakness(plain),
        }
    return items, details


@dataclass(frozen=True)
class Line:
    """Facts between two entities that say the same thing, drawn as one line."""

    source: str
    type: str
    target: str
    #: The licence, service, role or share the facts name (None: none does).
    qualifier: str | None
    qualifier_name: str | None
    facts: tuple[Fact, ...]


def merge_facts(facts: Iterable[Fact], schema: Schema) -> list[Line]:
    """Group facts that mean the same: same ends (either way round for a symmetric type),
    same type, and the same licence, service or role up to small words and the name of what
    it is ("virtual banking licence" and "virtual banking" are one licence). A fact naming
    none joins the line of its ends when exactly one is named there, so a fact reported
    once with its service and once without shows once.

    >>> facts = [Fact("za", "LICENSED_BY", "hkma", "", p, ())
    ...          for p in ({"licence": "virtual banking licence"}, {"licence": "Virtual banking"},
    ...                    {})]
    >>> [(line.qualifier, len(line.facts)) for line in merge_facts(facts, load_schema())]
    [('virtual banking licence', 3)]
    """
    groups: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        source, target, kind = fact.source, fact.target, fact.type
        if _is_symmetric(schema, kind):
            source, target = sorted((source, target))
        groups[(source, kind, target)].append(fact)
    lines = []
    for (source, kind, target), group in groups.items():
        name = _qualifier_name(schema, kind)
        named: dict[frozenset[str], list[Fact]] = {}
        plain: list[Fact] = []
        for fact in group:
            value = _qualifier(fact, name)
            if value is None:
                plain.append(fact)
            else:
                named.setdefault(_meaning(value, name), []).append(fact)
        meanings = list(named.values())
        if len(meanings) == 1:
            meanings[0] += plain
        elif plain:
            meanings.append(plain)
        for meaning in meanings:
            values = [v for v in (_qualifier(f, name) for f in meaning) if v is not None]
            # The longest wording of the qualifier says the most.
            qualifier = max(values, key=lambda v: (len(v), v)) if values else None
            lines.append(Line(source, kind, target, qualifier, name if values else None,
                              tuple(meaning)))
    return sorted(lines, key=lambda line: (line.source, line.type, line.target,
                                           line.qualifier or ""))


def degree_scores(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Distinct neighbours of each node over the number of other nodes (the schema's
    ``degree`` score), ignoring self-loops.

    >>> degree_scores(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
    {'a': 0.5, 'b': 1.0, 'c': 0.5}
    """
    neighbours: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b in edges:
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    others = max(len(neighbours) - 1, 1)
    return {n: len(found) / others for n, found in neighbours.items()}


def safe_url(value: Any) -> str | None:
    """``value`` if it is an http(s) URL, else None: other schemes (``javascript:``,
    ``data:``) are never made into links.

    >>> safe_url("https://example.org/a"), safe_url(" javascript:alert(1)"), safe_url(3)
    ('https://example.org/a', None, None)
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def schema_reading(schema: Schema, kind: str, role: str | None = None) -> str:
    """The schema's reading of ``kind`` (its name if the schema does not know it)."""
    try:
        return schema.reading(kind, role)
    except ValidationError:
        return kind


def period_text(periods: Iterable[Period]) -> str:
    """When the reports of one fact say it held, in words ("" when none says).

    >>> period_text([Period.of({"since": "2009", "until": "2019-09-30"})])
    '2009 to 30 Sep 2019'
    >>> period_text([Period.of({"since": "2023-04", "current": True})])
    'since Apr 2023'
    >>> period_text([Period(current=False)])
    'former'
    """
    periods = list(periods)
    since = sorted(p.since.text for p in periods if p.since)
    until = sorted(p.until.text for p in periods if p.until)
    current = {p.current for p in periods} - {None}
    ended = bool(until) or current == {False}
    if since and until:
        return f"{pretty_date(since[0])} to {pretty_date(until[-1])}"
    if since:
        return f"since {pretty_date(since[0])}" + (", now ended" if ended else "")
    if until:
        return f"until {pretty_date(until[-1])}"
    return "former" if ended else "current" if current == {True} else ""


def pretty_date(value: str) -> str:
    """A partial ISO date at its own precision: ``2023``, ``Apr 2023``, ``14 Apr 2023``."""
    parts = str(value)[:10].split("-")
    if len(parts) == 1:
        return parts[0]
    month = calendar.month_abbr[int(parts[1])]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def _day(value: Any) -> tuple[str, str] | None:
    """The first and last day of a partial date (``2023``, ``2023-04``, ``2023-04-14``, or
    a timestamp), as ISO text; None if ``value`` is not one."""
    if value in (None, ""):
        return None
    try:
        found = PartialDate.parse(str(value)[:10])
    except ValueError:
        return None
    return found.earliest.isoformat(), found.latest.isoformat()


def _validity(periods: Iterable[Period], first: str | None,
              last: str | None) -> tuple[str | None, str | None]:
    """First and last day the fact held, for the timeline. It starts at the earliest
    ``since``, else when first reported; it ends at the latest ``until``, else when last
    reported if a source calls it former, else not at all (None).

    >>> _validity([Period.of({"since": "2023-04", "until": "2024"})], None, None)
    ('2023-04-01', '2024-12-31')
    >>> _validity([Period(current=False)], "2023-01-05", "2025-02-01")
    ('2023-01-05', '2025-02-01')
    >>> _validity([Period()], "2023-01-05", "2025-02-01")
    ('2023-01-05', None)
    """
    starts, ends = [], []
    for period in periods:
        starts.append(period.since.earliest.isoformat() if period.since else first)
        ends.append(period.until.latest.isoformat() if period.until
                    else last if period.ended_unknown else None)
    start = None if None in starts else min(starts, default=None)
    end = None if None in ends else max(ends, default=None)
    return start, end


def _period(fact: Fact) -> Period:
    """The fact's validity period; in an export hkweb3 did not write, a date that is none
    leaves the period unknown rather than stopping the page."""
    try:
        return fact.period
    except ValueError:
        return Period()


def _is_symmetric(schema: Schema, kind: str) -> bool:
    return kind in schema.edges and schema.edges[kind].symmetric


def _qualifier_name(schema: Schema, kind: str) -> str | None:
    """The property that says which licence, service or role an edge is about."""
    key = schema.edges[kind].key if kind in schema.edges else ()
    return key[0] if key else None


def _qualifier(fact: Fact, name: str | None) -> str | None:
    value = fact.properties.get(name) if name else None
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _meaning(value: str, name: str | None) -> frozenset[str]:
    """The words that carry a qualifier's meaning: lower case, without small words and the
    name of what it is (a "licence" of a licence)."""
    words = set(re.findall(r"\w+", value.lower())) - _SMALL_WORDS - {name}
    return frozenset(words)


def _fact_order(fact: Fact) -> tuple[str, str, str, str]:
    """By ends and type, then by the properties as JSON text (sources among them), so any
    values compare. The first fact of a line gives the wording its details show first and
    its evidence is listed first."""
    properties = {**fact.properties, "sources": list(fact.sources)}
    return (fact.source, fact.type, fact.target,
            json.dumps(properties, sort_keys=True, ensure_ascii=False, default=str))


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _sizes(scores: Mapping[str, float]) -> dict[str, float]:
    """Node diameters from scores: square root, so area grows with the score."""
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    if high == low:
        return {i: (MIN_SIZE + MAX_SIZE) / 2 for i in scores}
    return {
        i: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt((s - low) / (high - low)), 2)
        for i, s in scores.items()
    }


def _color(schema: Schema, kind: str) -> str:
    try:
        return schema.color(kind)
    except ValidationError:
        return UNKNOWN_COLOR


def _legend(schema: Schema, counts: Mapping[str, int]) -> list[dict[str, Any]]:
    order = {kind: i for i, kind in enumerate(schema.kinds)}
    kinds = sorted(counts, key=lambda k: (order.get(k, len(order)), k))
    return [{"kind": k, "name": kind_words(k), "color": _color(schema, k), "count": counts[k],
             "place": k in schema.context_kinds,
             "description": schema.kinds[k].description if k in schema.kinds else ""}
            for k in kinds]


def kind_words(kind: str) -> str:
    """A kind's name as words for a lay reader.

    >>> kind_words("VirtualBank"), kind_words("GovernmentBody")
    ('Virtual bank', 'Government body')
    """
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", kind).lower()
    return words[:1].upper() + words[1:]


def _plain(value: Any) -> Any:
    """A JSON value: dates (and anything else unusual) as text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _properties(values: Mapping[str, Any] | None) -> dict[str, Any]:
    return {str(k): _plain(v) for k, v in sorted((values or {}).items())}
