"""Names for the benchmarks' synthetic graphs, shared so every benchmark draws them alike.

Run from the benchmark scripts (``python benchmarks/bench_*.py``), which put this folder
first on ``sys.path``.
"""

from __future__ import annotations

import random

WORDS = ("Harbour", "Dragon", "Peak", "Jade", "Victoria", "Kowloon", "Pearl", "Lantau",
         "Orchid", "Star", "Golden", "Bauhinia", "Tsim", "Central", "Aberdeen", "Lotus")
SUFFIX = {"Bank": "Bank", "VirtualBank": "Digital Bank", "TradingPlatform": "Exchange",
          "Company": "Holdings", "Regulator": "Authority", "Initiative": "Programme",
          "Place": "District"}
FIRST = ("Alice", "Ben", "Carmen", "David", "Eunice", "Felix", "Grace", "Henry", "Ivy",
         "Jason", "Karen", "Leo", "Mandy", "Nelson", "Olivia", "Patrick")
LAST = ("Chan", "Wong", "Lee", "Cheung", "Lau", "Ho", "Ng", "Leung", "Tang", "Yip", "Lam",
        "Chow", "Tsang", "Kwok", "Fung", "Mak")


def kind_counts(n: int, kinds: tuple[tuple[str, str, float], ...]) -> dict[str, int]:
    """How many of ``n`` entities each kind gets; ``kinds`` holds (kind, id prefix, share)."""
    counts = {kind: int(n * share) for kind, _, share in kinds}
    for kind, _, _ in kinds[: n - sum(counts.values())]:  # hand out the rounding remainder
        counts[kind] += 1
    return counts


def entity_name(kind: str, i: int, rng: random.Random) -> tuple[str, list[str]]:
    """A name and two aliases for the ``i``-th synthetic entity of ``kind``."""
    if kind == "Person":
        first, last = rng.choice(FIRST), rng.choice(LAST)
        return f"{first} {last} {i}", [f"{first[0]}. {last} {i}", f"{last} {first} {i}"]
    a, b = rng.sample(WORDS, 2)
    return (f"{a} {b} {SUFFIX[kind]} {i}",
            [f"{a[0]}{b[0]}{SUFFIX[kind][0]}-{i}", f"{a} {b} {i}"])
