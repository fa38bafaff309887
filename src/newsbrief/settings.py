"""Settings per stage, frozen, with defaults. Never reads files or the environment."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CleanSettings:
    # Lines shorter than this with no sentence-final punctuation are headings, menu items
    # or pull quotes (a sentence of the body always ends in punctuation).
    min_line_words: int = 10
    # An article with fewer words than this after cleaning is rejected as too short.
    min_article_words: int = 25


@dataclass(frozen=True, slots=True)
class SegmentSettings:
    # Sentences outside this word range are rarely summary material (fragments, run-ons).
    min_words: int = 6
    max_words: int = 70


@dataclass(frozen=True, slots=True)
class AlignSettings:
    # Combined similarity (embedding + lexical + entities + numbers) above which two
    # sentences in different articles count as stating the same information.
    # Chosen on examples/homs-2013 pairs and 5 multinews-dev clusters by hand inspection.
    same_fact: float = 0.55
    embedding_weight: float = 0.5
    lexical_weight: float = 0.3
    entity_weight: float = 0.1
    number_weight: float = 0.1


@dataclass(frozen=True, slots=True)
class SelectSettings:
    words: int = 250
    # Only the first this-many sentences of each article can be chosen (and are embedded):
    # news puts what matters first, and embedding is most of the time a brief takes.
    # 10 beat 6, 15 and 20 on the even-index multinews-dev clusters (benchmarks/quality.py).
    max_position: int = 10
    # Only this many candidates, the best on the cheap signals (no embedding), can be chosen:
    # about 3x the sentences a 250-word budget holds (~10 of ~25 words).
    pool_top: int = 30
    # Of those, only this many (the best) are embedded; the others are compared on words,
    # names and numbers only. Encoding is ~3 ms a news sentence (MiniLM, quantised twin, two
    # threads). On the even-index multinews-dev clusters (MiniLM): embedding 12 gave R-2 16.06,
    # 10 gave 16.22, 8 gave 16.26 and 6 gave 16.24 (with the packaged model before it, 0-30
    # were all within 16.22-16.28). 8: most of the ~10 sentences a budget holds keep meaning
    # for their redundancy checks, at two thirds of the cost of 12.
    embed_top: int = 8
    # Two candidates more similar than this say the same thing: keep only the better one.
    redundancy: float = 0.6
    # Weights of the salience score (see select.score).
    centrality_weight: float = 1.0
    position_weight: float = 0.6
    support_weight: float = 0.25
    # Strength of the article-coverage gain (see select.select); 0 turns it off. The largest
    # of 0.2, 0.4, 0.8 that did not lower ROUGE on the even-index multinews-dev clusters
    # (0.4 cost 0.14 R-2 there); it exists for stories told in many articles (MultiLing).
    article_coverage: float = 0.2
    # A developing story: reports published over more than this many days (known dates).
    # Each report then tells its own development and states it first, so the summary
    # leans on each report's opening and spreads over reports (see select.for_story).
    developing_after_days: int = 7
    developing_coverage: float = 0.8
    developing_position_weight: float = 1.6


@dataclass(frozen=True, slots=True)
class Settings:
    clean: CleanSettings = field(default_factory=CleanSettings)
    segment: SegmentSettings = field(default_factory=SegmentSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    select: SelectSettings = field(default_factory=SelectSettings)
