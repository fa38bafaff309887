""""What's new" in a story: the facts of its new articles that its previous brief did not give.

Pure (the TAC update-summarization task, done extractively): brief the new articles, then
drop every summary sentence that restates a sentence the reader already saw.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from ..embed import Embedder, HashingEmbedder
from ..errors import NothingToBrief
from ..pipeline import summarize, with_notes
from ..settings import Settings
from ..types import Article, Brief

# A new sentence at least this close (word cosine) to one already briefed repeats it.
# Word overlap, not meaning: a restatement in the same story reuses the names and figures.
ALREADY_SAID = 0.5


def whats_new(articles: Sequence[Article], new_ids: Collection[str], previous: Sequence[str], *,
              embedder: Embedder, id: str, words: int = 250) -> Brief:
    """A brief of the new articles without what ``previous`` (the last brief's sentences) said.

    Raises:
        NothingToBrief: no new article, or nothing in them that was not said before.
    """
    fresh = [a for a in articles if a.id in new_ids]
    if not fresh:
        raise NothingToBrief(f"Nothing new in story {id} since its last brief.")
    settings = Settings()
    settings = replace(settings, select=replace(settings.select, words=words))
    b = summarize(fresh, embedder=embedder, settings=settings, id=id)
    if previous:
        hashing = HashingEmbedder()
        old = hashing.embed(list(previous))
        new = hashing.embed([s.text for s in b.summary])
        keep = tuple(s for s, row in zip(b.summary, new @ old.T) if row.max() < ALREADY_SAID)
        if not keep:
            raise NothingToBrief(f"The new articles of story {id} repeat what its last brief said.")
        b = replace(b, summary=keep)
    return with_notes(b, f"what's new: {len(fresh)} new article(s); "
                         f"{len(previous)} sentence(s) of the previous brief left out")
