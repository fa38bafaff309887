"""Where the heavy maps run: in this process (default) or on a Ray cluster (``newsbrief[ray]``).

An engine has one method, ``map_batches(fn, items)``: apply ``fn`` to consecutive batches of
``items`` and return the outputs in input order. ``fn`` must be a pure, picklable function of
its batch, so every engine gives the same result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ..errors import ConfigError

# Items per batch: big enough that per-batch overhead (a Ray task, a vectorizer call) is
# small beside the work, small enough that 2 workers get balanced shares of 1k articles.
BATCH_SIZE = 256


class Engine(Protocol):
    name: str

    def map_batches(self, fn: Callable[[list], Any], items: Sequence,
                    batch_size: int = BATCH_SIZE) -> list: ...


class LocalEngine:
    """Runs every batch here, one after the other."""

    name = "local"

    def map_batches(self, fn: Callable[[list], Any], items: Sequence,
                    batch_size: int = BATCH_SIZE) -> list:
        return [fn(list(items[i:i + batch_size])) for i in range(0, len(items), batch_size)]


ENGINES = ("local", "ray")


def make_engine(name: str = "local", *, address: str | None = None,
                workers: int | None = None) -> Engine:
    """The engine called ``name``.

    Args:
        name: "local" or "ray".
        address: Ray cluster address ("ray://host:10001" or "host:6379"); None starts a
            private local Ray on 127.0.0.1.
        workers: CPUs for a private local Ray (None: all).

    Raises:
        ConfigError: unknown name, or Ray not installed.
    """
    if name == "local":
        return LocalEngine()
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(address=address, workers=workers)
    raise ConfigError(f"Unknown engine {name!r}. Available: {', '.join(ENGINES)}.")
