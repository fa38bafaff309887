"""The Ray engine on a local Ray started by the test (127.0.0.1): same results as in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Loopback only: set before Ray is imported (see newsbrief.engines.ray_engine).
os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'newsbrief[ray]')")

from newsbrief.engines import LocalEngine, make_engine  # noqa: E402
from newsbrief.stories import concat, group  # noqa: E402
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


MULTILING = Path(__file__).resolve().parents[1] / "data" / "multiling2011-en.jsonl"


@pytest.fixture(scope="module")
def six_stories(tmp_path_factory):
    """6 real MultiLing 2011 stories (3-10 reports each) as a --batch file."""
    path = tmp_path_factory.mktemp("batch") / "six.jsonl"
    path.write_text("\n".join(MULTILING.read_text(encoding="utf-8").splitlines()[:6]) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_briefs(six_stories):
    """`brief --batch` of the six stories in a fresh process: hash seed 1, default BLAS threads."""
    return _brief_in_process(six_stories, PYTHONHASHSEED="1")


def _brief_in_process(batch: Path, **env: str) -> str:
    out = batch.with_name(f"out-{'-'.join(env.values())}.jsonl")
    environ = {k: v for k, v in os.environ.items() if k not in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")}
    subprocess.run([sys.executable, "-m", "newsbrief.cli", "brief", "--batch", str(batch),
                    "--encoder", "tfidf", "-o", str(out)], env={**environ, **env},
                   check=True, capture_output=True, timeout=300)
    return out.read_text(encoding="utf-8")


def test_briefs_do_not_depend_on_hash_seed_or_thread_count(six_stories, local_briefs):
    # Another process with another str hash seed (set/dict order of names, words) and one
    # BLAS/OpenMP thread instead of all cores: byte-identical JSON, entities included.
    other = _brief_in_process(six_stories, PYTHONHASHSEED="2", OMP_NUM_THREADS="1")
    assert len(local_briefs.splitlines()) == 6
    assert all(json.loads(line)["entities"] for line in local_briefs.splitlines())
    assert other == local_briefs


def test_a_worker_with_other_code_refuses_to_brief():
    from newsbrief.engines.batch import _BriefBatch
    from newsbrief.errors import ConfigError

    fn = _BriefBatch(words=100, encoder="hashing")
    fn.digest = "0" * 64          # the driver ran other code than this process imports
    with pytest.raises(ConfigError, match="source differs"):
        fn([(1, json.dumps({"documents": ["One report."]}))])


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


def test_ray_briefs_real_stories_byte_for_byte_like_local(engine, six_stories, local_briefs, tmp_path):
    from newsbrief.cli import main

    # 2 stories a batch: 3 Ray tasks on 2 workers, each worker with its own hash seed
    import newsbrief.engines.batch as batch

    per_batch, batch.STORIES_PER_BATCH = batch.STORIES_PER_BATCH, 2
    try:
        assert main(["brief", "--batch", str(six_stories), "--encoder", "tfidf", "--engine", "ray",
                     "-o", str(tmp_path / "r.jsonl")]) == 0
    finally:
        batch.STORIES_PER_BATCH = per_batch
    remote = (tmp_path / "r.jsonl").read_text(encoding="utf-8")
    assert [json.loads(x)["id"] for x in remote.splitlines()] == [f"multiling2011-M00{k}" for k in range(6)]
    assert remote == local_briefs
