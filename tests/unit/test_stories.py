"""stories.py: clustering a small hand-written stream, B-cubed by hand, time window."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from newsbrief.stories import (StorySettings, bcubed, cluster, entities, group, make_stories,
                               story_id, vectorize, weigh)
from newsbrief.types import Article

QUAKE = ("A magnitude 6.8 earthquake struck near Marrakesh in Morocco on Friday night, killing "
         "more than 2,000 people, the Moroccan interior ministry said. Rescue teams from Spain and "
         "Qatar reached the Atlas Mountains villages of Amizmiz and Talat N'Yaaqoub on Sunday.")
QUAKE2 = ("Rescuers in Morocco dug through rubble in Amizmiz and Talat N'Yaaqoub as the death toll "
          "from Friday's earthquake near Marrakesh passed 2,000. Spain and Qatar sent teams; the "
          "interior ministry said the Atlas Mountains villages were worst hit.")
QUAKE3 = ("The earthquake that hit the Atlas Mountains south of Marrakesh has killed over 2,000, "
          "Morocco's interior ministry says. In Amizmiz, families slept outside; teams from Spain "
          "and Qatar joined the search in Talat N'Yaaqoub.")
VOTE = ("Voters in New Zealand elected Christopher Luxon's National Party on Saturday, ending six "
        "years of Labour government. Chris Hipkins conceded in Wellington and congratulated "
        "Luxon, who must now form a coalition with ACT and possibly New Zealand First.")
VOTE2 = ("Christopher Luxon will be New Zealand's next prime minister after National won "
         "Saturday's election. Labour leader Chris Hipkins conceded defeat in Wellington; Luxon "
         "said talks with ACT and New Zealand First would begin on Monday.")
LONER = ("The Royal Swedish Academy of Sciences awarded the Nobel Prize in Physics to Pierre "
         "Agostini, Ferenc Krausz and Anne L'Huillier for attosecond pulses of light, the "
         "committee announced in Stockholm on Tuesday.")


def _articles(**dates):
    texts = {"q1": QUAKE, "v1": VOTE, "q2": QUAKE2, "n1": LONER, "v2": VOTE2, "q3": QUAKE3}
    return [Article(id=k, text=t, published=dates.get(k)) for k, t in texts.items()]


def test_cluster_groups_the_same_event_and_keeps_the_loner_alone():
    stories = cluster(_articles())
    assert [set(s.article_ids) for s in stories] == [{"q1", "q2", "q3"}, {"v1", "v2"}, {"n1"}]


def test_vectors_do_not_depend_on_the_other_articles_in_the_call():
    arts = _articles()
    together = vectorize(arts)
    alone = vectorize(arts[2:3])
    assert (together.sparse[2] != alone.sparse[0]).nnz == 0
    assert together.dense[2] == pytest.approx(alone.dense[0])


def test_seeded_story_keeps_its_id_and_new_articles_join_it():
    arts = _articles()
    seeds = {"q1": "old-quake", "v1": "old-vote"}
    assignment = group(vectorize(arts), seeds)
    assert assignment["q2"] == assignment["q3"] == "old-quake"
    assert assignment["v2"] == "old-vote"
    assert assignment["n1"] == story_id("n1")


def test_two_seeded_stories_never_merge():
    arts = _articles()
    assignment = group(vectorize(arts), {"q1": "a", "q2": "b"})
    assert assignment["q1"] == "a" and assignment["q2"] == "b"


def test_articles_far_apart_in_time_are_not_one_event():
    arts = _articles(q1=date(2023, 9, 9), q2=date(2023, 9, 10), q3=date(2024, 9, 9))
    stories = cluster(arts, StorySettings(max_days=30))
    quake = next(s for s in stories if "q1" in s.article_ids)
    assert set(quake.article_ids) == {"q1", "q2"}
    assert (quake.first_seen, quake.last_seen) == (date(2023, 9, 9), date(2023, 9, 10))


def test_a_threshold_above_every_similarity_leaves_singletons():
    assert all(len(s.article_ids) == 1 for s in cluster(_articles(), StorySettings(threshold=0.99)))


def test_entities_are_proper_noun_spans_without_leading_function_words():
    assert entities("The Moroccan interior ministry said Amizmiz was hit. On Sunday Spain helped.") == [
        "moroccan", "amizmiz", "spain"]


def test_make_stories_uses_the_earliest_title():
    arts = [Article(id="b", text="x.", title="Later", published=date(2020, 1, 2)),
            Article(id="a", text="y.", title="Earlier", published=date(2020, 1, 1))]
    (s,) = make_stories({"a": "s", "b": "s"}, arts)
    assert s.title == "Earlier" and s.article_ids == ("a", "b")


def test_bcubed_by_hand():
    gold = {"a": "1", "b": "1", "c": "2"}
    # predicted: {a,b,c} one cluster -> P = (2/3+2/3+1/3)/3 = 5/9, R = 1
    s = bcubed({"a": "x", "b": "x", "c": "x"}, gold)
    assert (s.precision, s.recall) == pytest.approx((5 / 9, 1.0))
    # missing items are singletons: a alone, b alone, c alone -> P = 1, R = (1/2+1/2+1)/3
    s = bcubed({}, gold)
    assert (s.precision, s.recall) == pytest.approx((1.0, 2 / 3))


def test_idf_weighting_lowers_a_word_every_article_shares():
    # "council" is in all three articles, "Zanzibar" in two: weighing by IDF makes the pair
    # that shares only "council" (a, c) less alike, relative to the pair sharing "Zanzibar".
    arts = [Article(id="a", text="council Zanzibar"), Article(id="b", text="council Zanzibar ferry"),
            Article(id="c", text="council budget ferry")]
    words_only = StorySettings(entity_weight=0.0)
    plain = weigh(vectorize(arts, words_only), replace(words_only, idf_power=0))
    idf = weigh(vectorize(arts, words_only), words_only)
    before, after = ((v.sparse @ v.sparse.T).toarray() for v in (plain, idf))
    assert after[0, 2] < before[0, 2] and after[0, 1] / after[0, 2] > before[0, 1] / before[0, 2]
    # by hand: smooth IDF log((1+n)/(1+df))+1, squared: council 1, zanzibar and ferry
    # (log(4/3)+1)², budget (log 2+1)²; a·c shares only council.
    z, bud = (np.log(4 / 3) + 1) ** 2, (np.log(2) + 1) ** 2
    assert after[0, 2] == pytest.approx(1 / (np.sqrt(1 + z**2) * np.sqrt(1 + bud**2 + z**2)), rel=1e-5)


def test_exact_and_index_neighbours_group_alike_on_a_small_stream():
    v = vectorize(_articles())
    exact = group(v, settings=StorySettings())
    ann = group(v, settings=StorySettings(exact_below=0))   # faiss flat index over projections
    assert exact == ann


def test_a_headline_is_one_line_and_a_whole_first_sentence():
    from newsbrief.stories import headline
    a = Article("a", "Ten percent of all of the electricity generated in the U.S. in March came from wind.\n\n"
                     "Below is the statement:\n\n“Thank you.”")
    assert headline([a]) == "Ten percent of all of the electricity generated in the U.S. in March came from wind."
    b = Article("b", "Below is Hillary Clinton's opening statement to the committee:\n\n“Thank you Mr. Chairman.”")
    assert "\n" not in headline([b])
