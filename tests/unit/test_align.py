"""align: similarity from words, names, numbers and meaning; supporters above the bar."""

import numpy as np
import pytest

from newsbrief.align import align, overlaps, similarity
from newsbrief.settings import AlignSettings
from newsbrief.types import Embeddings, Sentence


def sentences(*pairs: tuple[str, str]) -> list[Sentence]:
    return [Sentence(sid, sid.split(":")[0], text, 0, len(text), int(sid.split(":")[1]), 1)
            for sid, text in pairs]


STORY = sentences(("a:0", "Troops shelled the city"), ("b:0", "Troops shelled the town"),
                  ("c:0", "Farmers sold wheat"))
NOTHING = Embeddings((), np.zeros((0, 2), dtype=np.float32))


def test_words_alone_decide_without_embeddings_names_or_numbers():
    sim = similarity(STORY, NOTHING)
    # stems {troop, shell, citi} vs {troop, shell, town}: Dice 2*2/6
    assert sim[0, 1] == pytest.approx(2 / 3)
    assert sim[0, 2] == pytest.approx(0.0)


def test_meaning_joins_the_average_when_both_sentences_are_embedded():
    emb = Embeddings(("a:0", "b:0"), np.array([[1, 0], [1, 0]], dtype=np.float32))
    s = AlignSettings()
    sim = similarity(STORY, emb, s, lexical=overlaps(STORY))
    expected = (s.embedding_weight * 1.0 + s.lexical_weight * 2 / 3) / (s.embedding_weight + s.lexical_weight)
    assert sim[0, 1] == pytest.approx(expected)


def test_align_lists_supporters_from_other_articles_above_the_bar():
    support = align(STORY, similarity(STORY, NOTHING), AlignSettings(same_fact=0.55))
    assert support["a:0"].supporters == (("b:0", pytest.approx(2 / 3)),)
    assert support["c:0"].supporters == ()
