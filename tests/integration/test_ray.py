"""The Ray engine on a local Ray started by the test (127.0.0.1): same results as in-process."""

from __future__ import annotations

import json
import os

import pytest

# Loopback only: set before Ray is imported (see newsbrief.engines.ray_engine).
os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'newsbrief[ray]')")

from newsbrief.engines import LocalEngine, make_engine  # noqa: E402
from newsbrief.stories import concat, group, vectorize  # noqa: E402
from newsbrief.store.commands import _vectorize_batch  # noqa: E402
from newsbrief.types import Article  # noqa: E402


@pytest.fixture(scope="module")
def engine():
    if ray.is_initialized():      # never reuse a Ray some other test left running
        ray.shutdown()
    e = make_engine("ray", workers=2)
    try:
        yield e
    finally:
        e.shutdown()


def test_the_private_ray_is_new_and_on_loopback_only(engine):
    nodes = [n for n in ray.nodes() if n["Alive"]]
    assert [n["NodeManagerAddress"] for n in nodes] == ["127.0.0.1"]
    assert engine.workers == 2


def _stream(copies=8):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "unit" / "test_stories.py"
    spec = importlib.util.spec_from_file_location("_stories_data", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    # 6 hand-written reports of 3 events, each repeated with a different closing line.
    return [Article(id=f"{a.id}-{k}", text=f"{a.text} Update {k} of the {a.id[0]} report.")
            for k in range(copies) for a in mod._articles()]


def test_ray_vectorize_and_grouping_match_local(engine):
    arts = _stream()
    local = concat(LocalEngine().map_batches(_vectorize_batch, arts, 7))
    remote = concat(engine.map_batches(_vectorize_batch, arts, 7))
    assert remote.ids == local.ids
    assert (remote.sparse != local.sparse).nnz == 0
    assert group(remote) == group(local)
    assert len(set(group(local).values())) == 3


def test_brief_batch_on_ray_matches_local(engine, tmp_path, capsys):
    from newsbrief.cli import main

    docs = ["The dam at Derna burst on Sunday night, officials in Benghazi said, and water swept "
            "through the eastern city of Libya. Thousands are missing, the Red Crescent said on Monday.",
            "Floodwater from two collapsed dams destroyed a quarter of Derna, Libya, on Sunday. The "
            "Red Crescent said on Monday that thousands of people are missing in the city."]
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"id": "derna", "documents": docs}) + "\nnot json\n")
    assert main(["brief", "--batch", str(batch), "--encoder", "hashing", "-o", str(tmp_path / "l.jsonl")]) == 0
    assert main(["brief", "--batch", str(batch), "--encoder", "hashing", "--engine", "ray",
                 "-o", str(tmp_path / "r.jsonl")]) == 0
    assert "not JSON" in capsys.readouterr().err
    local, remote = (tmp_path / "l.jsonl").read_text(), (tmp_path / "r.jsonl").read_text()
    assert remote == local and json.loads(local)["id"] == "derna"
