"""Ray Data as an engine: each batch is one Ray task; results come back in input order.

Optional: ``pip install 'newsbrief[ray]'``. Imported only when ``--engine ray`` is asked for.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import ConfigError

# Object store of a private local Ray: batches of articles and briefs are small (MBs); the
# default (30% of RAM) would reserve gigabytes of /dev/shm on a machine shared with others.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024**2
# Ray's switch for single-machine mode (named for macOS/Windows, works on Linux): "0" makes
# the node address loopback, so a private Ray listens on 127.0.0.1 only.
LOOPBACK_ONLY_ENV = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"


class RayEngine:
    """Map batches on Ray Data; connects to ``address`` or starts a loopback-only local Ray."""

    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        if address is None and "ray" not in sys.modules:
            # Ray turns a 127.0.0.1 node address into this host's routable IP and binds
            # its services there, unless "cluster mode" is off; off, everything stays on
            # loopback. Read once, when Ray is imported, hence before the import.
            os.environ.setdefault(LOOPBACK_ONLY_ENV, "0")
        try:
            import ray
        except ImportError:
            raise ConfigError("The 'ray' engine needs Ray: pip install 'newsbrief[ray]'") from None
        self._ray = ray
        if not ray.is_initialized():
            if address:
                try:
                    ray.init(address=address, log_to_driver=False)
                except (ConnectionError, RuntimeError, ValueError) as e:
                    raise ConfigError(f"No Ray cluster answers at {address!r} ({e}).") from None
            else:
                # address="local": always a new private instance. With no address, Ray
                # joins any Ray already running on the machine (RAY_ADDRESS, or the last
                # cluster in /tmp/ray, found by scanning processes), e.g. another test
                # run's, which then rejects num_cpus or is shut down under us.
                ray.init(address="local", num_cpus=workers, include_dashboard=False,
                         log_to_driver=False, _node_ip_address="127.0.0.1",
                         object_store_memory=LOCAL_OBJECT_STORE_BYTES)
        self.workers = int(ray.cluster_resources().get("CPU", 1))

    def map_batches(self, fn: Callable[[list], Any], items: Sequence, batch_size: int = 256) -> list:
        import ray.data

        if not items:
            return []
        rows = [{"n": i, "item": pickle.dumps(item)} for i, item in enumerate(items)]
        ds = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // batch_size)))

        def run(batch: dict) -> dict:
            out = fn([pickle.loads(b) for b in batch["item"]])
            return {"n": [int(batch["n"][0])], "out": [pickle.dumps(out)]}

        results = ds.map_batches(run, batch_size=batch_size, batch_format="numpy").take_all()
        return [pickle.loads(r["out"]) for r in sorted(results, key=lambda r: r["n"])]

    def shutdown(self) -> None:
        self._ray.shutdown()
