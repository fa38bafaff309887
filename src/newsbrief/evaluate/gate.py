"""Quality gate: ROUGE floors pinned on a small CC-BY corpus (STYLE.md C8).

``tests/eval/baseline.json`` holds, for a few MultiLing 2011 clusters copied into
``tests/data/`` (with attribution there), the ROUGE F1 newsbrief reached with the model-free
TF-IDF encoder, and a digest of those inputs. ``tests/eval/test_gate.py`` fails when a score
drops below its floor minus ``EPSILON``. To re-pin after an improvement:

    .venv/bin/python -m newsbrief.evaluate.gate            # raise floors (never lowers them)
    .venv/bin/python -m newsbrief.evaluate.gate --allow-regression   # accept lower floors
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from .rouge import mean_scores, rouge

# Score noise tolerated below a floor (float summation order, library patch releases).
EPSILON = 0.0005
ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "data" / "multiling2011-en.jsonl"
BASELINE = ROOT / "tests" / "eval" / "baseline.json"
# Three of the ten clusters: enough to catch a regression, small enough to run in seconds.
CLUSTERS = ("multiling2011-M000", "multiling2011-M001", "multiling2011-M002")
WORDS = 250


def load_corpus(path: Path = CORPUS, ids: Sequence[str] = CLUSTERS) -> list[dict]:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows[row["id"]] = row
    return [rows[i] for i in ids]


def digest(rows: Sequence[dict]) -> str:
    """SHA-256 of the clusters' documents and references: floors only hold for these inputs."""
    h = hashlib.sha256()
    for r in rows:
        h.update(json.dumps([r["id"], r["documents"], r["summaries"]], ensure_ascii=False).encode())
    return h.hexdigest()


def score_corpus(rows: Sequence[dict], encoder: str = "tfidf") -> dict[str, float]:
    """Mean ROUGE F1 of newsbrief's summaries (cut to ``WORDS``) over ``rows``."""
    from .. import make_embedder, read_texts
    from ..pipeline import extract

    embedder = make_embedder(encoder)
    scores = []
    for r in rows:
        articles, _ = read_texts(r["documents"])
        summary = extract(articles, embedder=embedder)[1]
        scores.append(rouge("\n".join(s.text for s in summary), r["summaries"], words=WORDS))
    return {m: round(s.fmeasure, 4) for m, s in mean_scores(scores).items()}


def below_floor(scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    """One message per metric under its floor (minus ``EPSILON``)."""
    return [f"{m}: {scores[m]:.4f} < floor {f:.4f}" for m, f in floors.items() if scores[m] < f - EPSILON]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Re-pin the ROUGE floors of tests/eval/baseline.json.")
    p.add_argument("--allow-regression", action="store_true", help="write floors lower than the pinned ones")
    args = p.parse_args(argv)
    rows = load_corpus()
    scores = score_corpus(rows)
    old = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    same_data = old.get("digest") == digest(rows)
    failures = below_floor(scores, old.get("floors", {})) if same_data else []
    if failures and not args.allow_regression:
        print("Refusing to lower floors (use --allow-regression):\n" + "\n".join(failures))
        return 1
    BASELINE.write_text(json.dumps({
        "corpus": str(CORPUS.relative_to(ROOT)), "clusters": list(CLUSTERS), "digest": digest(rows),
        "encoder": "tfidf", "words": WORDS, "metric": "F1, mean over the 3 references, mean over clusters",
        "floors": scores}, indent=2) + "\n", encoding="utf-8")
    print(f"floors: {scores}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
