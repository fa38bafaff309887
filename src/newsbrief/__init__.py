"""newsbrief: several news reports about one story in, one cited brief out.

    >>> import newsbrief
    >>> b = newsbrief.brief(["first report ...", "second report ..."])
    >>> print(newsbrief.render_text(b))
"""

from __future__ import annotations as _annotations

from collections.abc import Sequence as _Sequence
from dataclasses import replace as _replace
from pathlib import Path as _Path

from .embed import Embedder, HashingEmbedder, TfidfEmbedder, make_embedder
from .errors import ConfigError, InputError, NewsbriefError, NothingToBrief, StoreError
from .ingest import read_paths, read_texts
from .pipeline import Progress as _Progress
from .pipeline import summarize
from .render import render_json, render_markdown, render_text, to_dict
from .settings import Settings
from .types import (Article, Brief, Citation, Embeddings, Rejected, Sentence, Support,
                    SummarySentence)

__version__ = "0.1.0"


def brief(documents: _Sequence[str], *, words: int = 250, encoder: str | Embedder = "auto",
          id: str = "brief", settings: Settings | None = None,
          progress: _Progress | None = None) -> Brief:
    """Brief one story given as texts (plain text of each report).

    Args:
        documents: the reports, one string each.
        words: length of the summary, in words (about).
        encoder: "auto", "minilm", "tfidf", "hashing", or an ``Embedder``.
        id: the brief's id.
        settings: full settings; ``words`` overrides its summary length.
        progress: called with each stage's name and the fraction done (see ``summarize``).

    Raises:
        NothingToBrief: no document could be briefed (``Rejected`` reasons in the message).
    """
    articles, rejected = read_texts(documents)
    return _brief_articles(articles, rejected, words=words, encoder=encoder, id=id, settings=settings,
                           progress=progress)


def brief_paths(paths: _Sequence[str | _Path], *, words: int = 250, encoder: str | Embedder = "auto",
                id: str = "brief", settings: Settings | None = None,
                progress: _Progress | None = None) -> Brief:
    """Brief one story given as files or folders (.txt, .md, .html, .json)."""
    articles, rejected = read_paths(paths)
    return _brief_articles(articles, rejected, words=words, encoder=encoder, id=id, settings=settings,
                           progress=progress)


def _brief_articles(articles, rejected, *, words, encoder, id, settings, progress=None) -> Brief:
    if not articles:
        reasons = "; ".join(r.message for r in rejected) or "no input given"
        raise NothingToBrief(f"Nothing to brief: {reasons}")
    settings = settings or Settings()
    settings = _replace(settings, select=_replace(settings.select, words=words))
    embedder = make_embedder(encoder) if isinstance(encoder, str) else encoder
    return summarize(articles, embedder=embedder, settings=settings, id=id, rejected=rejected,
                     progress=progress)


__all__ = [
    "Article", "Brief", "Citation", "ConfigError", "Embedder", "Embeddings", "HashingEmbedder",
    "InputError", "NewsbriefError", "NothingToBrief", "Rejected", "Sentence", "Settings",
    "StoreError", "Support", "SummarySentence", "TfidfEmbedder", "brief", "brief_paths",
    "make_embedder", "read_paths", "read_texts", "render_json", "render_markdown", "render_text",
    "summarize", "to_dict",
]
