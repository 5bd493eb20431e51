"""Benchmark: how long ``review`` takes to propose duplicates among many entities.

One run draws a deterministic set of organisation names (``--seed``), with a misspelt
copy (one letter changed, in a name of 12 letters or more) planted every 100 names, for
each size of ``--sizes`` (default 2,000 and 20,000), and times
:func:`hkweb3.graph.review.duplicates` on them: up to ``BLOCK_ABOVE`` names of one family,
every pair is scored with RapidFuzz (``process.cdist``); above it, names are scored within
blocks that share their first letters. It prints the time, the pairs found, how many
planted pairs were found, and the ratio of the two sizes' times (against the 100x a full
square would cost).

Run (from the repository root, in the hkweb3 venv)::

    .venv/bin/python benchmarks/bench_review.py
"""

from __future__ import annotations

import argparse
import random
import string
import time

from hkweb3.graph import review


def names(count: int, seed: int) -> tuple[list[dict], set[tuple[str, str]]]:
    rng = random.Random(seed)
    nodes, planted = [], set()
    for i in range(count):
        words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 9))).title()
                 for _ in range(rng.randint(1, 3))]
        nodes.append({"id": f"e{i}", "name": " ".join(words), "kind": "Company",
                      "aliases": [], "sources": [], "discovered": True})
        name = " ".join(words)
        if i % 100 == 0 and len(name) >= 12:
            at = rng.randrange(len(name))
            typo = name[:at] + ("x" if name[at] != "x" else "y") + name[at + 1:]
            nodes.append({"id": f"e{i}-typo", "name": typo, "kind": "Company",
                          "aliases": [], "sources": [], "discovered": True})
            planted.add(tuple(sorted((f"e{i}", f"e{i}-typo"))))
    return nodes, planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    times = []
    for size in args.sizes:
        nodes, planted = names(size, args.seed)
        start = time.perf_counter()
        found = review.duplicates(nodes, lambda a, b: False)
        took = time.perf_counter() - start
        times.append(took)
        pairs = {tuple(sorted((c.details["keep"], c.details["merge"]))) for c in found}
        print(f"{len(nodes):>7,} names  {took:6.2f} s  {len(found):>5} pairs proposed  "
              f"{len(pairs & planted)}/{len(planted)} planted pairs found")
    if len(times) > 1:
        print(f"time ratio {times[-1] / times[0]:.2f} for "
              f"{args.sizes[-1] / args.sizes[0]:.0f}x the names")


if __name__ == "__main__":
    main()
