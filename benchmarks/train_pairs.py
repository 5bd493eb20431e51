"""Train the learned pairs (``loaders/pairs.json``) from gold-annotated articles.

Every two names of one sentence that the patterns and paths did not join is an example: a
positive if the gold file relates the two entities with this sentence as evidence, a
negative if both are gold entities it does not relate here (pairs related elsewhere in the
article, and names that are no gold entity, are left out). A logistic model over
:func:`~hkweb3.loaders.pair_features.pair_features` learns which are related. Its threshold
is the lowest at which the edges it would add to other articles (``--tune``: kept out of
training) are right at least ``--precision`` of the time, unless ``--threshold`` sets it.
The edge-type table counts the gold types of every related pair (the patterns' ones too)
by the two kinds and the path's top word.

Needs scikit-learn (``pip install scikit-learn``), used only here: the pipeline reads the
JSON. The model depends on what the rules already find, so train again after changing them;
the README ("Held-out probes (round 23)") gives the command that wrote the shipped file. The
same input gives the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gold_score import norm  # noqa: E402

from hkweb3.errors import HKWeb3Error  # noqa: E402
from hkweb3.loaders.extract import Extractor  # noqa: E402
from hkweb3.loaders.learned_pairs import PAIRS_FILE, SKIPPED_KINDS  # noqa: E402
from hkweb3.loaders.mentions import mentions_of  # noqa: E402
from hkweb3.loaders.pair_features import pair_features  # noqa: E402
from hkweb3.loaders.readers import read_document  # noqa: E402
from hkweb3.loaders.registry import read_registry  # noqa: E402

REGISTRY_DIR = ROOT / "data" / "registry"
#: Features seen fewer times than this in training are dropped (noise, and file size).
MIN_COUNT = 2
#: The fewest tuning edges on which a threshold's precision is judged (fewer: too noisy).
FEWEST = 20
#: The model's regularisation (smaller: simpler); measured on held-out sets in the README.
C = 0.3


def examples(files: list[Path], gold: dict, extractor: Extractor, group: str) -> list[dict]:
    """Every same-sentence pair of names in ``files`` with its gold label (see the module)."""
    keys: dict[str, set[str]] = defaultdict(set)
    for entity in gold["entities"]:
        for name in [entity["name"], *entity.get("names", [])]:
            keys[norm(name)].add(entity["key"])
    aliases = {e.id: [e.name, *e.aliases] for e in extractor.registry.values()}
    rows = []
    for path in files:
        doc_id = next((d for d in sorted(gold["docs"]) if d.lower() in path.stem.lower()), None)
        if doc_id is None:
            continue
        try:
            source = read_document(path)
        except HKWeb3Error:
            continue
        relations = [r for r in gold["relations"] if r["doc"] == doc_id]
        doc = next(extractor.nlp.pipe([extractor._make_doc(source)]))
        mentions = mentions_of(doc)
        joined = {frozenset((f.source, f.target)) for _, f in doc._.relations}

        def gold_keys(m, aliases=aliases, keys=keys) -> set[str]:
            return {k for x in [m.text, m.name, *aliases.get(m.entity_id, [])]
                    for k in keys.get(norm(x), ())}

        for sentence in doc.sents:
            inside = [m for m in mentions if sentence.start <= m.start < sentence.end
                      and m.kind not in SKIPPED_KINDS]  # as the pipeline asks
            said = " ".join(sentence.text.split())
            for n, a in enumerate(inside):
                for b in inside[n + 1:]:
                    if a.entity_id == b.entity_id or b.start < a.end:
                        continue
                    ka, kb = gold_keys(a), gold_keys(b)
                    if not ka or not kb:
                        continue
                    label: int | None = 0
                    edge = ""
                    for r in relations:
                        forward = r["source"] in ka and r["target"] in kb
                        if not forward and not (r["target"] in ka and r["source"] in kb):
                            continue
                        evidence = " ".join(r.get("evidence", "").split())
                        if evidence and (said in evidence or evidence in said):
                            label, edge = 1, r["type"] + (">" if forward else "<")
                        elif label == 0:
                            label = None  # stated in another sentence: not an example
                    if label is None:
                        continue
                    others = sum(1 for m in inside if a.end <= m.start and m.end <= b.start
                                 and m.entity_id not in (a.entity_id, b.entity_id))
                    rows.append({"group": group, "label": label, "edge": edge,
                                 "joined": frozenset((a.entity_id, b.entity_id)) in joined,
                                 "features": pair_features(sentence, a, b, others)})
    return rows


def _matrix(vectorizer: DictVectorizer, rows: list[dict], fit: bool = False):
    dicts = [dict.fromkeys(r["features"], 1) for r in rows]
    x = vectorizer.fit_transform(dicts) if fit else vectorizer.transform(dicts)
    x = x.tocsr()
    x.indices, x.indptr = x.indices.astype(numpy.int32), x.indptr.astype(numpy.int32)
    return x


def fit(rows: list[dict]) -> tuple[DictVectorizer, LogisticRegression]:
    counts = Counter(f for r in rows for f in set(r["features"]))
    kept = [{**r, "features": [f for f in r["features"] if counts[f] >= MIN_COUNT]}
            for r in rows]
    vectorizer = DictVectorizer()
    x = _matrix(vectorizer, kept, fit=True)
    model = LogisticRegression(C=C, solver="liblinear", random_state=0, max_iter=1000)
    model.fit(x, numpy.array([r["label"] for r in kept]))
    return vectorizer, model


def threshold(vectorizer: DictVectorizer, model: LogisticRegression, tune: list[dict],
              precision: float) -> tuple[float, list[str]]:
    """The lowest threshold at which the edges the model would add to the tuning articles
    are right ``precision`` of the time, walking down from 0.95 and stopping where they
    first fall short (judged once there are ``FEWEST``); and the curve, as lines."""
    p = model.predict_proba(_matrix(vectorizer, tune))[:, 1] if tune else []
    scored = list(zip(list(p), [r["label"] for r in tune], strict=True))
    lines, chosen, falling = [], 0.95, False
    for step in range(95, 29, -5):
        t = step / 100
        kept = [label for q, label in scored if q >= t]
        right = sum(kept)
        share = right / len(kept) if kept else 1.0
        lines.append(f"  threshold {t:.2f}: {len(kept)} edges, {right} right ({share:.2f})")
        if len(kept) >= FEWEST and share < precision:
            falling = True  # lower thresholds add more of what fell short here
        if not falling and (len(kept) >= FEWEST or not kept):
            chosen = t
    return chosen, lines


def edge_table(rows: list[dict]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["label"] != 1:
            continue
        kinds = next(f for f in r["features"] if f.startswith("kinds="))
        top = next((f for f in r["features"] if f.startswith("top=")), "")
        table[f"{kinds}|{top}"][r["edge"]] += 1
        table[kinds][r["edge"]] += 1
    return {k: dict(sorted(v.items())) for k, v in sorted(table.items())}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path, help="folders of annotated articles")
    parser.add_argument("--gold", action="append", default=[], required=True,
                        help="a gold JSON file (each corpus's is found among them)")
    parser.add_argument("--tune", action="append", default=[], type=Path,
                        help="a folder of annotated articles kept out of training, on which "
                             "the threshold is chosen (repeat)")
    parser.add_argument("--precision", type=float, default=0.75,
                        help="how often the added edges must be right (default 0.75)")
    parser.add_argument("--threshold", type=float,
                        help="use this threshold instead of the one the walk chooses (the "
                             "README says why the shipped file does)")
    parser.add_argument("--out", type=Path, default=PAIRS_FILE, help="where to write")
    args = parser.parse_args(argv)
    extractor = Extractor(read_registry(REGISTRY_DIR).entities)
    extractor.nlp.get_pipe("hkweb3_relations").learned = None  # the rules' findings only
    golds = [json.loads(Path(g).read_text(encoding="utf-8")) for g in args.gold]

    def read(corpora: list[Path]) -> list[dict]:
        rows: list[dict] = []
        for corpus in corpora:
            files = sorted(corpus.iterdir()) if corpus.is_dir() else [corpus]
            for gold in golds:
                if any(d.lower() in f.stem.lower() for f in files for d in gold["docs"]):
                    rows += examples(files, gold, extractor, corpus.name)
            print(f"{corpus}: {len(rows)} pairs so far", file=sys.stderr)
        return rows

    rows = read(args.corpus)
    unjoined = [r for r in rows if not r["joined"]]
    vectorizer, model = fit(unjoined)
    tune = [r for r in read(args.tune) if not r["joined"]]
    chosen, curve = threshold(vectorizer, model, tune, args.precision)
    if args.threshold is not None:
        curve.append(f"  the walk chose {chosen}; --threshold sets {args.threshold}")
        chosen = args.threshold
    weights = {name: round(float(w), 4) for name, w in
               zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= 1e-3}
    out = {"about": "Learned pairs: see loaders/learned_pairs.py; written by "
                    "benchmarks/train_pairs.py.",
           "trained_on": sorted({r["group"] for r in rows}),
           "tuned_on": sorted({r["group"] for r in tune}),
           "examples": {"pairs": len(unjoined), "related": sum(r["label"] for r in unjoined)},
           "threshold": chosen, "bias": round(float(model.intercept_[0]), 4),
           "weights": dict(sorted(weights.items())), "types": edge_table(rows)}
    args.out.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(curve))
    print(f"threshold {chosen} for precision {args.precision}; {len(weights)} weights; "
          f"{len(unjoined)} pairs ({out['examples']['related']} related) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
