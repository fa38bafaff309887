"""Shared fixtures: the example story, the MultiLing test clusters, a model-free encoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "homs-2013"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_articles():
    from newsbrief import read_paths

    articles, rejected = read_paths([EXAMPLE])
    assert not rejected
    return articles


@pytest.fixture(scope="session")
def multiling() -> list[dict]:
    """The 10 MultiLing 2011 clusters (CC BY): {"id", "documents", "summaries"}."""
    with open(DATA / "multiling2011-en.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def tfidf():
    from newsbrief import TfidfEmbedder

    return TfidfEmbedder()


@pytest.fixture(scope="session")
def example_brief(example_articles, tfidf):
    from newsbrief import summarize

    return summarize(example_articles, embedder=tfidf, id="homs-2013")
