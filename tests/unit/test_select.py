"""select: hand-computable scores, budget, redundancy, article coverage, reading order."""

import math

import numpy as np
import pytest

from newsbrief.select import Ranked, coverage_gain, for_story, is_contained, score, select
from newsbrief.settings import SelectSettings
from newsbrief.types import Article, Embeddings, Sentence, Support

# Distinct content words per sentence so no pair counts as contained in another.
WORDS = {
    "a:0": "Rebels seized northern bridge overnight",
    "a:1": "Farmers harvested wheat despite drought",
    "a:2": "Teachers protested salary cuts downtown",
    "b:0": "Engineers repaired damaged power station",
}


def sentence(sid: str, index: int = 0, count: int = 3) -> Sentence:
    text = WORDS[sid]
    return Sentence(sid, sid.split(":")[0], text, 0, len(text), index, count)


def ranked(*items: tuple[str, float]) -> list[Ranked]:
    return [Ranked(sentence(sid, int(sid.split(":")[1])), value, k) for k, (sid, value) in enumerate(items)]


def no_overlap(n: int) -> np.ndarray:
    return np.zeros((n, n), dtype=np.float32)


def test_coverage_gain_has_diminishing_returns():
    assert coverage_gain(0, 0.2) == pytest.approx(0.2)
    assert coverage_gain(1, 0.2) == pytest.approx(0.2 * (math.sqrt(2) - 1))
    assert coverage_gain(3, 0.0) == 0.0


def test_select_takes_best_first_and_returns_reading_order():
    items = ranked(("a:0", 0.5), ("a:1", 0.9), ("a:2", 0.7))
    settings = SelectSettings(words=10, article_coverage=0.0)   # room for two 5-word sentences
    chosen = select(items, no_overlap(3), settings)
    assert [r.sentence.id for r in chosen] == ["a:1", "a:2"]


def test_select_skips_a_sentence_too_similar_to_a_chosen_one():
    items = ranked(("a:0", 0.9), ("a:1", 0.8), ("a:2", 0.7))
    sim = no_overlap(3)
    sim[0, 1] = sim[1, 0] = 0.9                                  # a:1 repeats a:0
    chosen = select(items, sim, SelectSettings(words=10, redundancy=0.6, article_coverage=0.0))
    assert [r.sentence.id for r in chosen] == ["a:0", "a:2"]


def test_article_coverage_prefers_a_new_article_over_a_second_sentence():
    # Budget 10 words holds two 5-word sentences; 2 articles x 25 words / 10 >= 1: full strength.
    items = ranked(("a:0", 1.0), ("a:1", 0.9), ("b:0", 0.8))
    off = select(items, no_overlap(3), SelectSettings(words=10, article_coverage=0.0))
    on = select(items, no_overlap(3), SelectSettings(words=10, article_coverage=0.5))
    assert sorted(r.sentence.id for r in off) == ["a:0", "a:1"]
    # b:0 scores 0.8 + 0.5 (first from b) > a:1's 0.9 + 0.5 * (sqrt 2 - 1) = 1.107
    assert sorted(r.sentence.id for r in on) == ["a:0", "b:0"]


def test_is_contained_compares_against_the_smaller_set():
    assert is_contained(frozenset({"x", "y"}), frozenset({"x", "y", "z", "w"}))
    assert not is_contained(frozenset({"x", "y", "z"}), frozenset({"x", "q", "r"}))


def test_score_mixes_centrality_position_and_corroboration():
    s = [sentence("a:0", 0, 2), sentence("a:1", 1, 2), sentence("b:0", 0, 1)]
    # a:0 and b:0 sit on the centroid; a:1 is orthogonal to it -> centrality 1, 0, 1 after scaling
    vectors = np.array([[1, 0], [0, 1], [1, 0]], dtype=np.float32)
    emb = Embeddings(tuple(x.id for x in s), vectors)
    support = {"a:0": Support("a:0", (("b:0", 0.9),)), "a:1": Support("a:1"), "b:0": Support("b:0")}
    settings = SelectSettings(centrality_weight=1.0, position_weight=0.5, support_weight=0.25)
    got = {r.sentence.id: r.score for r in score(s, emb, support, [0, 1, 2], settings)}
    half_life = 0.5 ** (1 / 4.0)                                  # POSITION_HALF_LIFE = 4
    assert got["a:0"] == pytest.approx(1.0 + 0.5 + 0.25)        # 1 of 1 other article agrees
    assert got["a:1"] == pytest.approx(0.0 + 0.5 * half_life)
    assert got["b:0"] == pytest.approx(1.0 + 0.5)


def test_reports_spread_over_weeks_are_summarised_as_a_developing_story(multiling):
    from datetime import date

    from newsbrief import read_texts

    base = SelectSettings()
    spread = read_texts(multiling[0]["documents"])[0]          # tsunami reports, Dec 2004 - May 2005
    developing = for_story(spread, base)
    assert developing.position_weight == base.developing_position_weight > base.position_weight
    assert developing.article_coverage == base.developing_coverage > base.article_coverage
    one_week = [Article(id=str(d), text="x", published=date(2013, 7, d)) for d in (22, 27, 29)]
    undated = [Article(id=str(k), text="x") for k in range(10)]
    assert for_story(one_week, base) == base and for_story(undated, base) == base
