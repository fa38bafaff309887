"""The hand-labelled sets are well-formed: reasons everywhere, ids in the data, phrases in their documents."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "labels"
MULTILING = {r["id"]: r for r in map(json.loads, (ROOT / "tests" / "data" / "multiling2011-en.jsonl").open(encoding="utf-8"))}
MULTINEWS_PATH = ROOT.parent / "shared" / "data" / "multinews-dev.jsonl"


def _multinews() -> dict:
    if not MULTINEWS_PATH.exists():
        pytest.skip("../shared/data/multinews-dev.jsonl not available")
    return {r["id"]: r for r in map(json.loads, MULTINEWS_PATH.open(encoding="utf-8"))}


def test_timeline_multiling():
    labels = json.loads((LABELS / "timeline_multiling.json").read_text(encoding="utf-8"))["dates"]
    assert len(labels) >= 40 and len({d["cluster"] for d in labels}) >= 10
    for d in labels:
        assert d["reason"].strip()
        doc = MULTILING[d["cluster"]]["documents"][d["doc"]]
        assert d["phrase"] in doc, d
        assert len(d["phrase"].split()) < 15
        date.fromisoformat(d["article_date"])
        assert d["precision"] in {"day", "week", "month", "year"}
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d["expected"]), d
        if d["precision"] == "week":
            lo, hi = map(date.fromisoformat, d["week"])
            assert (hi - lo).days == 6 and lo.weekday() == 0


def test_entities_heldout():
    pairs = json.loads((LABELS / "entities_heldout.json").read_text(encoding="utf-8"))["pairs"]
    dev = {p["cluster"] for p in json.loads((LABELS / "entities_pairs.json").read_text(encoding="utf-8"))["pairs"]}
    assert len({p["cluster"] for p in pairs}) >= 8
    for p in pairs:
        assert p["reason"].strip() and p["cluster"] not in dev
        assert p["same"] in (True, False) or (p["same"] is None and p.get("doubtful"))
        docs = MULTILING[p["cluster"]]["documents"]
        assert any(p["a"] in d for d in docs) and any(p["b"] in d for d in docs), p


def test_crosssource_heldout():
    held = json.loads((LABELS / "crosssource_heldout.json").read_text(encoding="utf-8"))
    dev = {s["id"] for s in json.loads((LABELS / "crosssource.json").read_text(encoding="utf-8"))["stories"]}
    data = _multinews()
    ids = [s["id"] for s in held["stories"]]
    assert sorted(ids) == sorted(held["clusters"]) and len(ids) >= 8 and not set(ids) & dev
    for s in held["stories"]:
        docs = data[s["id"]]["documents"]
        assert s.get("reason", "").strip() or all(c["reason"].strip() for c in s["conflicts"])
        for c in s["conflicts"] + s.get("other_disagreements", []):
            assert c["reason"].strip() and len(c["values"]) >= 2
            for i, value in c["values"].items():
                assert value in docs[int(i)] and len(value.split()) < 15, (s["id"], i, value)
        for c in s["conflicts"]:
            assert c["type"].strip()
        for g in s["origins"]:
            assert g["reason"].strip() and all(0 <= i < len(docs) for i in g["docs"])


def _label_clusters(*names: str) -> set[str]:
    out = set()
    for name in names:
        d = json.loads((LABELS / name).read_text(encoding="utf-8"))
        out |= {s["id"] for s in d.get("stories", [])} | {p["cluster"] for p in d.get("pairs", [])}
    return out


def _check_blind_story(s: dict, docs: list[str]) -> None:
    """A blind-round cluster label: reasons, values quoted from the named documents, typed conflicts."""
    assert s["reason"].strip()
    for c in s["conflicts"] + s.get("other_disagreements", []):
        assert c["reason"].strip() and len(c["values"]) >= 2
        for i, value in c["values"].items():
            assert value in docs[int(i)] and len(value.split()) < 15, (s["id"], i, value)
    for c in s["conflicts"]:
        assert c["type"] in {"changed_over_time", "different_source", "contradiction"} and c["measure"].strip()
    for g in s["origins"]:
        assert g["reason"].strip() and len(g["docs"]) >= 2 and all(0 <= i < len(docs) for i in g["docs"])


def test_crosssource_round2():
    r2 = json.loads((LABELS / "crosssource_round2.json").read_text(encoding="utf-8"))
    others = _label_clusters("crosssource.json", "crosssource_heldout.json", "entities_pairs.json", "entities_heldout.json")
    data = _multinews()
    ids = [s["id"] for s in r2["stories"]]
    assert sorted(ids) == sorted(r2["clusters"]) and len(ids) == len(set(ids)) >= 12 and not set(ids) & others
    assert sum(len(s["conflicts"]) for s in r2["stories"]) >= 8 and any(not s["conflicts"] for s in r2["stories"])
    for s in r2["stories"]:
        _check_blind_story(s, data[s["id"]]["documents"])


def test_entities_round2():
    pairs = json.loads((LABELS / "entities_round2.json").read_text(encoding="utf-8"))["pairs"]
    others = _label_clusters("entities_pairs.json", "entities_heldout.json")
    clusters = {p["cluster"] for p in pairs}
    assert len(clusters) >= 8 and len(pairs) >= 60 and not clusters & others
    multinews = _multinews() if any(c.startswith("multinews-") for c in clusters) else {}
    for p in pairs:
        assert p["reason"].strip() and p["a"] != p["b"]
        assert p["same"] in (True, False) or (p["same"] is None and p.get("doubtful"))
        docs = (MULTILING.get(p["cluster"]) or multinews[p["cluster"]])["documents"]
        assert all(p["a"] in docs[i] for i in p["docs_a"]) and all(p["b"] in docs[i] for i in p["docs_b"]), p
        assert p["docs_a"] and p["docs_b"]


def test_crosssource_round3():
    r3 = json.loads((LABELS / "crosssource_round3.json").read_text(encoding="utf-8"))
    others = _label_clusters("crosssource.json", "crosssource_heldout.json", "crosssource_round2.json", "entities_pairs.json",
                             "entities_heldout.json", "entities_round2.json", "entities_round3.json")
    data = _multinews()
    ids = [s["id"] for s in r3["stories"]]
    assert sorted(ids) == sorted(r3["clusters"]) and len(ids) == len(set(ids)) >= 12 and not set(ids) & others
    assert sum(len(s["conflicts"]) for s in r3["stories"]) >= 6 and sum(bool(s["conflicts"]) for s in r3["stories"]) >= 4
    assert any(not s["conflicts"] for s in r3["stories"])
    for s in r3["stories"]:
        _check_blind_story(s, data[s["id"]]["documents"])


def test_entities_round3():
    pairs = json.loads((LABELS / "entities_round3.json").read_text(encoding="utf-8"))["pairs"]
    others = _label_clusters("entities_pairs.json", "entities_heldout.json", "entities_round2.json", "crosssource.json",
                             "crosssource_heldout.json", "crosssource_round2.json", "crosssource_round3.json")
    clusters = {p["cluster"] for p in pairs}
    assert len(clusters) >= 8 and len(pairs) >= 60 and not clusters & others
    multinews = _multinews()
    for p in pairs:
        assert p["reason"].strip() and p["a"] != p["b"]
        assert p["same"] in (True, False) or (p["same"] is None and p.get("doubtful"))
        docs = multinews[p["cluster"]]["documents"]
        assert p["docs_a"] and p["docs_b"]
        assert all(p["a"] in docs[i] for i in p["docs_a"]) and all(p["b"] in docs[i] for i in p["docs_b"]), p
        assert any(re.search(r"(?<!\w)" + re.escape(p["a"]) + r"(?!\w)", d) for d in docs), p
        assert any(re.search(r"(?<!\w)" + re.escape(p["b"]) + r"(?!\w)", d) for d in docs), p
