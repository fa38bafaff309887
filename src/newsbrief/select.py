"""Choose the summary: salient, corroborated, not redundant, in an order that reads well.

Salience mixes three signals, each in [0, 1]:
- centrality: closeness to the story's centroid (the mean of per-article mean vectors, so a
  long article does not outvote four short ones); the pipeline uses TF-IDF vectors of every
  sentence for it, which beat MiniLM vectors of the candidates on multinews-dev;
- position: news puts the most important facts first (inverted pyramid);
- corroboration: the share of the other articles that state the same information.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .align import content_stems
from .settings import SelectSettings
from .types import Article, Citation, Embeddings, Sentence, Support, SummarySentence

# Position score halves every this many sentences into an article.
POSITION_HALF_LIFE = 4.0

# A sentence whose content words are this much contained in a chosen one repeats it, even
# when the pair's overall similarity is low (one sentence much shorter than the other).
REDUNDANT_CONTAINMENT = 0.6

# Typical words in a summary sentence of news: how many sentences a word budget holds.
SENTENCE_WORDS = 25


@dataclass(frozen=True, slots=True)
class Ranked:
    sentence: Sentence
    score: float
    order: int          # index in the input, for deterministic tie-breaks


def for_story(articles: Sequence[Article], settings: SelectSettings = SelectSettings()) -> SelectSettings:
    """The settings for this story: those of a developing story when its reports span weeks.

    Reports of one day retell one event, and the most central facts win. Reports spread over
    more than ``developing_after_days`` (publication dates known) each add a development of
    their own, which their first sentences state: position and spreading over reports weigh
    more. Stories without dates (most of Multi-News) keep the defaults.
    """
    days = sorted({a.published for a in articles if a.published is not None})
    if len(days) < 2 or (days[-1] - days[0]).days <= settings.developing_after_days:
        return settings
    return replace(settings, article_coverage=settings.developing_coverage,
                   position_weight=settings.developing_position_weight)


def story_centroid(sentences: Sequence[Sentence], embeddings: Embeddings) -> np.ndarray:
    """Mean of the per-article mean vectors of the embedded sentences, normalised."""
    article_of = {s.id: s.article_id for s in sentences}
    by_article: dict[str, list[int]] = {}
    for k, sid in enumerate(embeddings.ids):
        by_article.setdefault(article_of[sid], []).append(k)
    means = [embeddings.vectors[rows].mean(axis=0) for rows in by_article.values()]
    c = np.mean(means, axis=0)
    n = np.linalg.norm(c)
    return c / n if n else c


def score(sentences: Sequence[Sentence], embeddings: Embeddings, support: dict[str, Support],
          candidates: Sequence[int], settings: SelectSettings = SelectSettings()) -> list[Ranked]:
    """Salience of each candidate sentence (indices into ``sentences``).

    Args:
        sentences: all sentences of the story.
        embeddings: vectors of (at least) the candidates; every embedded sentence shapes the
            story's centroid, so the pipeline passes TF-IDF vectors of all sentences here.
        support: alignment result (which other articles state the same thing).
        candidates: indices of the sentences fit for a summary.
        settings: weights of the three signals.
    """
    if not candidates:
        return []
    articles = {s.article_id for s in sentences}
    others = max(1, len(articles) - 1)
    centre = story_centroid(sentences, embeddings)
    row = {sid: k for k, sid in enumerate(embeddings.ids)}
    vectors = embeddings.vectors[[row[sentences[i].id] for i in candidates]]
    centrality = np.clip(vectors @ centre, 0, 1)
    span = centrality.max() - centrality.min()
    centrality = (centrality - centrality.min()) / span if span > 0 else np.ones_like(centrality)
    ranked = []
    for k, i in enumerate(candidates):
        s = sentences[i]
        position = 0.5 ** (s.index / POSITION_HALF_LIFE)
        corroboration = len(support[s.id].supporters) / others
        value = (settings.centrality_weight * centrality[k] + settings.position_weight * position
                 + settings.support_weight * corroboration)
        ranked.append(Ranked(s, float(value), i))
    return ranked


def select(ranked: Sequence[Ranked], sim: np.ndarray,
           settings: SelectSettings = SelectSettings()) -> list[Ranked]:
    """Best sentences that fit the word budget and do not repeat each other, in reading order.

    Greedy on a coverage objective: each step takes the sentence with the highest score plus
    an article-coverage gain, ``w * (sqrt(k + 1) - sqrt(k))`` for an article that already
    gave ``k`` sentences (diminishing returns per article; ties: earlier input wins). It
    skips a sentence too similar to one already chosen, or too long for what is left, and
    stops when the budget is full. The strength ``w`` grows with the number of articles,
    ``article_coverage * min(1, articles / sentences the budget holds)``: a story told in
    as many articles as the summary has sentences (a long-running story, each article
    adding its own development) needs a sentence from each more than a 3rd from one; with
    2-3 articles each gives several sentences anyway, and pushing the weaker one's in early
    costs more than it covers. Returns the chosen in an order that reads well: by relative
    position in its article, then by article.
    """
    chosen: list[Ranked] = []
    stems: list[frozenset[str]] = []
    taken: dict[str, int] = {}
    words = 0
    pool = sorted(ranked, key=lambda r: (-r.score, r.order))
    articles = len({r.sentence.article_id for r in ranked})
    weight = settings.article_coverage * min(1.0, articles * SENTENCE_WORDS / settings.words)
    while pool and words < settings.words:
        best = max(pool, key=lambda r: (r.score + coverage_gain(taken.get(r.sentence.article_id, 0), weight),
                                        -r.order))
        pool.remove(best)
        n = len(best.sentence.text.split())
        if words + n > settings.words * 1.1 and chosen:
            continue  # too long for what is left; a shorter one may still fit
        if any(sim[best.order, c.order] >= settings.redundancy for c in chosen):
            continue
        own = content_stems(best.sentence.text)
        if any(is_contained(own, other) for other in stems):
            continue
        chosen.append(best)
        stems.append(own)
        taken[best.sentence.article_id] = taken.get(best.sentence.article_id, 0) + 1
        words += n
    return sorted(chosen, key=lambda r: (r.sentence.index / max(1, r.sentence.count), r.order))


def coverage_gain(k: int, weight: float) -> float:
    """What one more sentence from an article that gave ``k`` adds to coverage: concave in k."""
    return weight * (math.sqrt(k + 1) - math.sqrt(k))


def is_contained(a: frozenset[str], b: frozenset[str]) -> bool:
    """Most content words of the shorter sentence are in the other: it adds little."""
    small = min(len(a), len(b))
    return small > 0 and len(a & b) / small >= REDUNDANT_CONTAINMENT


def cite(chosen: Sequence[Ranked], support: dict[str, Support],
         by_id: dict[str, Sentence]) -> tuple[SummarySentence, ...]:
    """Summary sentences citing the sentence taken and every aligned sentence elsewhere."""
    out = []
    for r in chosen:
        s = r.sentence
        cites = [Citation(s.article_id, s.id, s.start, s.end)]
        for sid, _ in support[s.id].supporters:
            o = by_id[sid]
            cites.append(Citation(o.article_id, o.id, o.start, o.end))
        out.append(SummarySentence(text=s.text, citations=tuple(cites), score=r.score))
    return tuple(out)
