"""Stripe-looking ids: a registry prefix plus random alphanumerics, deterministic per seed."""

from __future__ import annotations

import random
import string
import threading

__all__ = ["IdFactory"]

_ALPHABET = string.ascii_letters + string.digits


class IdFactory:
    """Makes ids such as ``cus_Qx8...`` (24 characters after the prefix, like Stripe's newer ids).

    Thread-safe; with a seed the sequence of ids is reproducible.
    """

    def __init__(self, seed: int | None = None, length: int = 24) -> None:
        self._rng = random.Random(seed)
        self._length = length
        self._lock = threading.Lock()

    def new(self, prefix: str) -> str:
        with self._lock:
            return prefix + "".join(self._rng.choices(_ALPHABET, k=self._length))

    def many(self, prefix: str, count: int) -> list[str]:
        """``count`` fresh ids at once (fast path for seeding)."""
        choices = self._rng.choices
        k = self._length
        with self._lock:
            return [prefix + "".join(choices(_ALPHABET, k=k)) for _ in range(count)]

    def token(self, length: int = 32) -> str:
        """A random alphanumeric secret (webhook secrets)."""
        with self._lock:
            return "".join(self._rng.choices(_ALPHABET, k=length))
