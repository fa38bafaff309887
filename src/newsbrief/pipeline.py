"""The whole flow, from articles to a cited brief, as plain code."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .align import align, overlaps, similarity
from .conflicts import relate_sources
from .embed import Embedder, TfidfEmbedder
from .entities import describe_entities
from .errors import NothingToBrief
from .nlp import parse_story
from .origins import group_origins
from .report_dates import article_dates
from .respell import respell_summary
from .segment import first_line, is_candidate, segment
from .select import cite, for_story, score, select
from .settings import Settings
from .timeline import build_timeline
from .types import Article, Brief, Embeddings, Rejected, Sentence, SummarySentence

# A progress callback: called with a short stage name and the fraction of the work done (0..1).
Progress = Callable[[str, float], None]

# Where each stage starts, as a fraction of the whole run. Rough shares of the time of the
# example story (5 reports, TF-IDF): the spaCy parse and the source cross-check dominate.
# They only move a progress bar; nothing depends on them being exact.
STAGES: tuple[tuple[str, float], ...] = (
    ("reading", 0.0), ("summarising", 0.05), ("parsing", 0.3), ("cross-checking sources", 0.5),
    ("entities", 0.7), ("timeline", 0.85), ("done", 1.0))
_AT = dict(STAGES)


def summarize(articles: Sequence[Article], *, embedder: Embedder | None = None,
              settings: Settings = Settings(), id: str = "brief",
              rejected: Sequence[Rejected] = (), progress: Progress | None = None) -> Brief:
    """Brief one story: a summary whose every sentence cites the sentences that support it.

    Args:
        articles: cleaned reports of one story (see ``newsbrief.ingest``).
        embedder: sentence encoder; TF-IDF when not given.
        settings: per-stage settings.
        id: the brief's id (kept in JSON output).
        rejected: inputs already rejected upstream, reported with the brief.
        progress: called at each stage boundary with the stage's name and the fraction done
            (names and fractions in ``STAGES``, ending with ``("done", 1.0)``); it runs in
            the caller's thread and should return quickly.

    Raises:
        NothingToBrief: no article has a sentence fit for a summary.
    """
    def stage(name: str) -> None:
        if progress is not None:
            progress(name, _AT[name])

    stage("reading")
    stage("summarising")
    sentences, summary = extract(articles, embedder=embedder, settings=settings)
    brief = Brief(id=id, articles=tuple(articles), summary=summary, rejected=tuple(rejected),
                  title=_title(articles))
    # Analyses that add sections to the brief, each a pure function returning a new Brief:
    stage("parsing")
    parsed = parse_story(brief.articles)        # one spaCy parse, shared by the analyses
    stage("cross-checking sources")
    origins = group_origins(brief.articles, sentences)   # wire copies of one text: one origin
    dates = article_dates(brief.articles, origins)       # each report's own date, for claims and timeline
    brief = relate_sources(brief, sentences, parsed, origins=origins, dates=dates)   # claims, agreements, conflicts
    stage("entities")
    brief = describe_entities(brief, sentences, parsed)  # who and where, spellings merged
    brief = respell_summary(brief)                       # one spelling per entity in the summary
    stage("timeline")
    brief = build_timeline(brief, sentences, parsed, dates=dates)   # when: dated events from all sources
    stage("done")
    return brief


def extract(articles: Sequence[Article], *, embedder: Embedder | None = None,
            settings: Settings = Settings()) -> tuple[list[Sentence], tuple[SummarySentence, ...]]:
    """The extractive summary alone: every sentence of the story, and the cited summary.

    What the story is about (centrality) comes from TF-IDF over all its sentences: cheap, and
    it needs the whole text. Candidates are full sentences among the first
    ``settings.select.max_position`` of each article. They are ranked first on the cheap
    signals (centrality, position, corroboration on words, names and numbers), and only the
    ``settings.select.pool_top`` best can be chosen. The encoder, the expensive step, embeds
    only the ``settings.select.embed_top`` best of those; the pool is then aligned and ranked
    again with meaning added. Pairs with an unembedded sentence align on words, names and
    numbers. A story whose reports span weeks is summarised as a developing one
    (``select.for_story``).

    Raises:
        NothingToBrief: no article has a sentence fit for a summary.
    """
    embedder = embedder or TfidfEmbedder()
    settings = replace(settings, select=for_story(articles, settings.select))
    sentences = [s for a in articles for s in segment(a, settings.segment)]
    candidates = [i for i, s in enumerate(sentences)
                  if s.index < settings.select.max_position and is_candidate(s, settings.segment)]
    if not candidates:
        raise NothingToBrief("No article has a full sentence to brief "
                             f"({len(articles)} article(s), {len(sentences)} sentence(s)).")
    topic = Embeddings(tuple(s.id for s in sentences), TfidfEmbedder().embed([s.text for s in sentences]))
    lexical = overlaps(sentences)
    cheap = similarity(sentences, Embeddings((), topic.vectors[:0]), settings.align, lexical)
    ranked = score(sentences, topic, align(sentences, cheap, settings.align), candidates, settings.select)
    best = [r.order for r in sorted(ranked, key=lambda r: (-r.score, r.order))]
    pool = sorted(best[:settings.select.pool_top])
    top = sorted(best[:min(settings.select.embed_top, settings.select.pool_top)])
    embeddings = Embeddings(tuple(sentences[i].id for i in top), embedder.embed([sentences[i].text for i in top]))
    sim = similarity(sentences, embeddings, settings.align, lexical)
    support = align(sentences, sim, settings.align)
    ranked = score(sentences, topic, support, pool, settings.select)
    chosen = select(ranked, sim, settings.select)
    return sentences, cite(chosen, support, {s.id: s for s in sentences})


def _title(articles: Sequence[Article]) -> str:
    """The first report's title, or, when no report has one, the first report's first sentence."""
    titles = [a.title for a in articles if a.title]
    return titles[0] if titles else first_line(articles[0]) if articles else ""


def with_notes(brief: Brief, *notes: str) -> Brief:
    return replace(brief, notes=brief.notes + tuple(n for n in notes if n))
