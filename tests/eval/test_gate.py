"""Quality gate: newsbrief (TF-IDF encoder) must keep its ROUGE on three MultiLing clusters."""

import json

import pytest

from newsbrief.evaluate.gate import BASELINE, EPSILON, below_floor, digest, load_corpus, score_corpus


@pytest.fixture(scope="module")
def baseline():
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rows(baseline):
    return load_corpus(ids=baseline["clusters"])


def test_corpus_is_the_one_the_floors_were_pinned_on(rows, baseline):
    assert digest(rows) == baseline["digest"], "test data changed: re-pin with python -m newsbrief.evaluate.gate"


def test_rouge_stays_above_the_floors(rows, baseline):
    scores = score_corpus(rows, encoder=baseline["encoder"])
    assert not below_floor(scores, baseline["floors"]), scores


def test_floor_check_catches_a_drop():
    floors = {"rouge1": 0.40}
    assert below_floor({"rouge1": 0.40 - EPSILON / 2}, floors) == []
    assert below_floor({"rouge1": 0.40 - 2 * EPSILON}, floors)
