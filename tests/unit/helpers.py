"""Helpers of the unit tests: made-up ``created`` dates, and a list endpoint over them."""

from __future__ import annotations

import bisect
import random


def dates(parts: list[tuple[int, int, int]], seed: int) -> list[int]:
    """Sorted ``created`` values: for each ``(n, lo, hi)``, ``n`` drawn uniformly in [lo, hi)."""
    rng = random.Random(seed)
    return sorted(int(rng.uniform(lo, hi)) for n, lo, hi in parts for _ in range(n))


class Lister:
    """A list endpoint over ``created`` values, counting its requests."""

    def __init__(self, created: list[int]) -> None:
        self.created = created
        self.calls = 0

    async def __call__(self, gte: int, lt: int) -> tuple[list[int], bool]:
        self.calls += 1
        found = self.created[
            bisect.bisect_left(self.created, gte) : bisect.bisect_left(self.created, lt)
        ][::-1]
        return found[:100], len(found) > 100
