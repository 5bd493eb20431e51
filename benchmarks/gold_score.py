"""Scoring an hkweb3 JSON export against a news gold file, as the reference scorer does.

The rules are those of ``../shared/news/score.py`` (kept beside the corpus, not in the
project): only nodes sourced from the gold's documents and edges with evidence from them
count; names are compared lower-case without punctuation or a trailing Ltd/Limited/Inc; a
required relation is found by an edge of its type (or an ``alt`` type) between its entities in
its direction (either for PARTNERS_WITH), with evidence from its document. ``bench_extraction``
checks that the figures equal the reference scorer's for the same export.

On top of the figures, :class:`Score` keeps every miss and false positive with its sentence,
and splits recall and precision per edge type and per document.

Examples
--------
>>> norm("HashKey Exchange Limited"), norm("Gate.io")
('hashkey exchange', 'gate io')
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

SYMMETRIC = {"PARTNERS_WITH"}


def norm(name: object) -> str:
    """A name as the reference scorer compares it."""
    text = re.sub(r"[^a-z0-9\u4e00-\u9fff]+", " ", str(name).lower()).strip()
    return re.sub(r"( co)?( ltd| limited| inc)$", "", text).strip()


@dataclass
class Score:
    """The reference figures plus what lies behind them."""

    figures: dict[str, float | int]
    missed_entities: list[str]
    missed: list[dict[str, Any]]  # required gold relations no edge matches
    wrong: list[dict[str, Any]]  # edges that match no gold relation
    unmatched_nodes: list[str]
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    by_doc: dict[str, dict[str, int]] = field(default_factory=dict)


def score(gold: dict[str, Any], export: dict[str, Any],
          type_map: dict[str, str] | None = None) -> Score:
    """Score ``export`` (hkweb3's JSON export) against ``gold``.

    ``type_map`` renames edge types of the export before scoring (a schema type the gold
    files predate, mapped to the gold's type).
    """
    type_map = type_map or {}
    docs = gold["docs"]
    doc_ids = set(docs if isinstance(docs, list) else docs.keys())

    def doc_of(ref: object) -> str | None:
        ref = str(ref).lower()
        return next((d for d in sorted(doc_ids) if ref == d.lower() or d.lower() in ref), None)

    exp_doc = {}
    for d in export.get("documents", []):
        g = doc_of(d.get("id")) or doc_of(d.get("path", ""))
        if g:
            exp_doc[str(d.get("id"))] = g

    def evidence_docs(edge: dict[str, Any]) -> set[str]:
        out = set()
        for ev in edge.get("evidence") or []:
            ref = ev.get("document") if isinstance(ev, dict) else ev
            g = exp_doc.get(str(ref)) or doc_of(ref)
            if g:
                out.add(g)
        return out

    nodes = [n for n in export["nodes"]
             if any(exp_doc.get(str(s)) or doc_of(s) for s in n.get("sources") or [])]
    names: dict[str, set[str]] = {}
    for n in nodes:
        for x in [n.get("name"), n.get("id"), *(n.get("aliases") or [])]:
            if x:
                names.setdefault(norm(x), set()).add(n["id"])
    gold_ids: dict[str, set[str]] = {}
    for e in gold["entities"]:
        ids: set[str] = set()
        for x in e.get("names", []) + ([e["name"]] if e.get("name") else []):
            ids |= names.get(norm(x), set())
        if ids:
            gold_ids[e["key"]] = ids
    id_gold: dict[str, set[str]] = {}
    for k, ids in gold_ids.items():
        for i in ids:
            id_gold.setdefault(i, set()).add(k)

    edges = [{**e, "type": type_map.get(e.get("type", ""), e.get("type", ""))}
             for e in export["edges"] if e.get("type") != "MENTIONS" and evidence_docs(e)]

    def matches(e: dict[str, Any], r: dict[str, Any], strict_dir: bool = True) -> bool:
        ga, gb = id_gold.get(e["source"], set()), id_gold.get(e["target"], set())
        t = str(e.get("type", "")).upper()
        if r.get("doc") and r["doc"] not in evidence_docs(e):
            return False
        if t not in {r["type"], *r.get("alt", [])}:
            return False
        fwd = r["source"] in ga and r["target"] in gb
        rev = r["target"] in ga and r["source"] in gb
        return fwd or (rev and (not strict_dir or t in SYMMETRIC))

    by_type: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_doc: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    required = [r for r in gold["relations"] if not r.get("optional")]
    missed = []
    for r in required:
        hit = any(matches(e, r) for e in edges)
        for table, key in ((by_type, r["type"]), (by_doc, r["doc"])):
            table[key]["required"] += 1
            table[key]["found"] += hit
        if not hit:
            missed.append(r)
    correct = judged = 0
    wrong = []
    for e in edges:
        ok = any(matches(e, r, strict_dir=False) for r in gold["relations"])
        both = e["source"] in id_gold and e["target"] in id_gold
        judged += both
        correct += ok
        for table, key in ((by_type, e["type"]), *((by_doc, d) for d in evidence_docs(e))):
            table[key]["edges"] += 1
            table[key]["correct"] += ok
        if not ok:
            wrong.append(e)
    spurious = [n for n in nodes
                if n["id"] not in id_gold and "Document" not in (n.get("labels") or [])]
    figures: dict[str, float | int] = {
        "entity_recall": round(len(gold_ids) / len(gold["entities"]), 3),
        "relation_recall": round((len(required) - len(missed)) / max(1, len(required)), 3),
        "relation_precision": round(correct / judged, 3) if judged else 0.0,
        "strict_precision": round(correct / len(edges), 3) if edges else 0.0,
        "entity_precision": round(1 - len(spurious) / len(nodes), 3) if nodes else 0.0,
        "edges": len(edges), "required": len(required), "unmatched_nodes": len(spurious),
    }
    return Score(
        figures=figures,
        missed_entities=sorted({e["key"] for e in gold["entities"]} - set(gold_ids)),
        missed=missed, wrong=wrong,
        unmatched_nodes=sorted(n["id"] for n in spurious),
        by_type={k: dict(v) for k, v in sorted(by_type.items())},
        by_doc={k: dict(v) for k, v in sorted(by_doc.items())},
    )


def figures_line(name: str, figures: dict[str, float | int]) -> str:
    """The reference scorer's summary line (``ok: NAME key=value ...``)."""
    return f"ok: {name} " + " ".join(f"{k}={v}" for k, v in figures.items())


def load_json(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)
