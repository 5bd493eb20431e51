"""Benchmark: extraction quality and speed on annotated real reporting.

Usage::

    python benchmarks/bench_extraction.py CORPUS... [--gold FILE]... [--reference SCORE_PY]
        [--export OUT.json] [--rule-only] [--quiet]

e.g. ``python benchmarks/bench_extraction.py ../shared/news --gold ../shared/news/gold-a.json
--gold ../shared/news/gold-b.json --reference ../shared/news/score.py``.

What a new user would do, in a fresh embedded store (``HKWEB3_HOME`` set to a temporary
folder): ``hkweb3 build`` (the shipped registry and documents), ``hkweb3 ingest CORPUS``, then
``hkweb3 export --format json``. The export is scored against each gold file by
:mod:`gold_score` (the reference scorer's rules; with ``--reference`` the reference scorer is
also run on the same export and its figures must be equal, else exit 1). Printed per gold file:
the figures, recall and precision per edge type and per document, every missed relation and
every wrong edge with its sentence, the missed entities and the unmatched nodes.

Speed, in words (``len(text.split())`` of each document as read) per second of the clock
and per CPU second (what one core does, whatever else the machine runs):

extraction
    ``read_document`` + ``Extractor.run`` over the corpus in this process (one core), the
    Extractor built and warmed up before the clock starts; for the statistical pipeline and,
    unless ``--rule-only`` was given alone, the rule-only one (``HKWEB3_SPACY_MODEL=blank``).
end to end
    the ``ingest`` call (read, extract, write each document in its own transaction); its
    CPU time is this process's plus the store server's (a process of its own).

The project does not depend on the corpus: it is an argument.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).parent))

from gold_score import Score, figures_line, load_json, score  # noqa: E402

from hkweb3 import api  # noqa: E402
from hkweb3.data import REGISTRY_DIR  # noqa: E402
from hkweb3.errors import HKWeb3Error  # noqa: E402
from hkweb3.graph.config import StoreConfig  # noqa: E402
from hkweb3.graph.embedded import EmbeddedHome  # noqa: E402
from hkweb3.loaders.extract import Extractor  # noqa: E402
from hkweb3.loaders.readers import find_documents, read_document  # noqa: E402
from hkweb3.loaders.registry import read_registry  # noqa: E402

#: Edge types of the schema that the gold files (written against an older schema) name
#: otherwise: an investment is a stake, an acquisition a stake.
TYPE_MAP: dict[str, str] = {}
RULE_ONLY = "blank"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path, help="files or folders to ingest")
    parser.add_argument("--gold", action="append", default=[], help="a gold JSON file")
    parser.add_argument("--reference", help="the reference score.py, run on the same export")
    parser.add_argument("--export", type=Path, help="keep the JSON export here")
    parser.add_argument("--rule-only", action="store_true",
                        help="ingest with the rule-only pipeline (HKWEB3_SPACY_MODEL=blank)")
    parser.add_argument("--quiet", action="store_true", help="figures only, no details")
    return parser.parse_args(argv)


@dataclass
class Rate:
    """Words read in ``seconds`` of the clock and ``cpu`` seconds of CPU."""

    words: int
    seconds: float
    cpu: float

    def line(self) -> str:
        return (f"{self.words / self.seconds:,.0f} words/s, "
                f"{self.words / self.cpu:,.0f} words per CPU second")


def build_and_ingest(corpus: list[Path], out: Path) -> Rate:
    """Build the shipped graph in a fresh store, ingest ``corpus`` (timed), export to ``out``;
    return the ingest's rate."""
    with tempfile.TemporaryDirectory(prefix="hkweb3-bench-extraction-") as tmp:
        os.environ["HKWEB3_HOME"] = tmp
        home = EmbeddedHome(Path(tmp))
        server = psutil.Process(home.start(persistent=True).pid)
        try:
            config = StoreConfig(home=Path(tmp))
            api.build(config)
            cpu = time.process_time() + sum(server.cpu_times()[:2])
            started = time.perf_counter()
            results = api.ingest(corpus, config)
            seconds = time.perf_counter() - started
            cpu = time.process_time() + sum(server.cpu_times()[:2]) - cpu
            for result in results:
                if result.status == "error":  # e.g. the gold files in the corpus folder
                    print(f"skipped: {result.error}")
            api.export("json", out, config)
        finally:
            home.stop()
    return Rate(sum(r.words for r in results if r.status != "error"), seconds, cpu)


def readable(files: list[Path]) -> list[Path]:
    """The files ``read_document`` accepts (the gold files beside the articles are not)."""
    kept = []
    for path in files:
        try:
            read_document(path)
        except HKWeb3Error:
            continue
        kept.append(path)
    return kept


def extraction_rate(files: list[Path], model: str | None) -> Rate:
    """The rate of read + extract over ``files`` with the pipeline ``model`` names."""
    previous = os.environ.get("HKWEB3_SPACY_MODEL")
    if model is not None:
        os.environ["HKWEB3_SPACY_MODEL"] = model
    try:
        extractor = Extractor(read_registry(REGISTRY_DIR).entities)
        extractor.run(read_document(files[0]))  # warm-up, untimed
        started, cpu = time.perf_counter(), time.process_time()
        words = 0
        for path in files:
            source = read_document(path)
            words += len(source.text.split())
            extractor.run(source)
        return Rate(words, time.perf_counter() - started, time.process_time() - cpu)
    finally:
        if previous is None:
            os.environ.pop("HKWEB3_SPACY_MODEL", None)
        else:
            os.environ["HKWEB3_SPACY_MODEL"] = previous


def print_score(name: str, result: Score, quiet: bool) -> None:
    print(figures_line(name, result.figures))
    if quiet:
        return
    print("  per edge type (found/required, correct/edges):")
    for key, row in result.by_type.items():
        print(f"    {key:<20} recall {row.get('found', 0)}/{row.get('required', 0)}"
              f"  precision {row.get('correct', 0)}/{row.get('edges', 0)}")
    print("  per document (found/required, correct/edges):")
    for key, row in result.by_doc.items():
        print(f"    {key:<45} recall {row.get('found', 0)}/{row.get('required', 0)}"
              f"  precision {row.get('correct', 0)}/{row.get('edges', 0)}")
    print("  missed entities:", ", ".join(result.missed_entities) or "none")
    for r in result.missed:
        print(f"  MISSED {r['doc']}: {r['source']} {r['type']} {r['target']}"
              f" | {r.get('evidence', '')}")
    for e in result.wrong:
        evidence: dict[str, Any] = (e.get("evidence") or [{}])[0]
        role = (e.get("properties") or {}).get("role", "")
        print(f"  WRONG  {e['source']} {e['type']} {e['target']} {role}"
              f" [{evidence.get('rule', '')}] | {evidence.get('sentence', '')}")
    print("  unmatched nodes:", ", ".join(result.unmatched_nodes) or "none")


def reference_line(scorer: str, gold: str, export: Path) -> str:
    done = subprocess.run([sys.executable, scorer, gold, str(export)], capture_output=True,
                          text=True, check=False)
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    files = readable([f for f, _ in find_documents(args.corpus)])
    if args.rule_only:
        os.environ["HKWEB3_SPACY_MODEL"] = RULE_ONLY
    with tempfile.TemporaryDirectory(prefix="hkweb3-bench-export-") as tmp:
        out = args.export or Path(tmp) / "export.json"
        ingest = build_and_ingest(args.corpus, out)
        export = load_json(str(out))
        status = 0
        for gold_file in args.gold:
            name = Path(gold_file).name.removesuffix(".json")
            result = score(load_json(gold_file), export, TYPE_MAP)
            print_score(name, result, args.quiet)
            if args.reference:
                theirs = reference_line(args.reference, gold_file, out)
                same = theirs == figures_line(name, result.figures)
                print(f"  reference scorer: {'same figures' if same else 'DIFFERENT: ' + theirs}")
                status |= not same
    print(f"\nspeed ({len(files)} documents, {ingest.words:,} words, one process):")
    print(f"  end to end (ingest: read, extract, write): {ingest.line()}")
    pipelines = [RULE_ONLY] if args.rule_only else [None, RULE_ONLY]
    for model in pipelines:
        label = "rule-only" if model == RULE_ONLY else "statistical"
        print(f"  extraction alone, {label}: {extraction_rate(files, model).line()}")
    return status


if __name__ == "__main__":
    sys.exit(main())
