"""Progress hooks of ``summarize``: every stage once, in order, ending with 1.0."""

from __future__ import annotations

import newsbrief
from newsbrief import summarize
from newsbrief.pipeline import STAGES


def test_progress_sees_the_stages_in_order(example_articles, tfidf):
    seen: list[tuple[str, float]] = []
    brief = summarize(example_articles, embedder=tfidf, progress=lambda stage, done: seen.append((stage, done)))
    assert [s for s, _ in seen] == ["reading", "summarising", "parsing", "cross-checking sources",
                                    "entities", "timeline", "done"]
    assert seen == list(STAGES)
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert brief.summary


def test_progress_is_optional_and_passed_through_brief(example_dir):
    texts = [f.read_text(encoding="utf-8") for f in sorted(example_dir.glob("*.txt"))[:2]]
    seen: list[str] = []
    newsbrief.brief(texts, encoder="tfidf", progress=lambda stage, _: seen.append(stage))
    assert seen[0] == "reading" and seen[-1] == "done"
