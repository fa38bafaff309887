"""The values that flow between stages: small, frozen, offset-based.

Every stage takes some of these and returns new ones; nothing here does I/O.
A ``Sentence`` is a view onto its ``Article.text`` (``start``/``end`` are char
offsets), so a citation can always be checked against the text it points into.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import numpy as np

RejectReason = Literal[
    "empty", "binary", "not_utf8", "unreadable", "too_short", "duplicate",
    "wrong_language", "not_news", "too_large", "bad_json", "unsupported",
]


@dataclass(frozen=True, slots=True)
class Article:
    """One report, cleaned. ``text`` is what citations point into."""

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    published: date | None = None
    path: str = ""
    removed: tuple[str, ...] = ()   # junk lines taken out by clean(), shown on demand
    # The date the report's relative dates are read against, when ``published`` is unknown:
    # inferred by the timeline stage (dates.article_dates), with how it was found.
    inferred_date: date | None = None
    inferred_from: str = ""


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be briefed, and why (never silently dropped)."""

    source: str
    reason: RejectReason
    detail: str = ""

    @property
    def message(self) -> str:
        """One line for a human: the input and the problem."""
        return f"{self.source}: {self.detail or self.reason.replace('_', ' ')}"


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str            # "<article id>:<index>", stable across runs
    article_id: str
    text: str
    start: int         # char offsets into Article.text
    end: int
    index: int         # position within its article
    count: int         # sentences in its article (for relative position)


@dataclass(frozen=True, slots=True, eq=False)
class Embeddings:
    ids: tuple[str, ...]     # row i belongs to Sentence ids[i]
    vectors: np.ndarray      # (n, d), L2-normalised; arrays stay out of __eq__

    def row(self, sentence_id: str) -> np.ndarray:
        return self.vectors[self.ids.index(sentence_id)]


@dataclass(frozen=True, slots=True)
class Support:
    """Sentences in other articles that state the same information as ``sentence_id``."""

    sentence_id: str
    supporters: tuple[tuple[str, float], ...] = ()   # (sentence id, alignment score), best first


@dataclass(frozen=True, slots=True)
class Citation:
    article_id: str
    sentence_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    citations: tuple[Citation, ...]   # the sentence it was taken from first, then its supporters
    score: float = 0.0
    origins: int = 0                  # independent origins that support it (0 = not computed)
    certainty: str = ""               # "fact" | "attributed" | "unconfirmed" | "denied" | ""
    respelled: tuple[tuple[str, str], ...] = ()   # (source's spelling, brief's spelling) replaced in text


# --- cross-source analysis (origins, claims, agreements, conflicts) -----------------------

@dataclass(frozen=True, slots=True)
class Origin:
    """Articles that share one origin (e.g. the same wire copy), and why we think so."""

    article_ids: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement in one source: a figure, a date or an attributed assertion."""

    kind: Literal["figure", "date", "statement"]
    text: str                 # as written, e.g. "90 percent"
    measure: str              # what it measures, e.g. "share of district controlled"
    value: float | str | None
    speaker: str              # "" when stated as fact by the outlet
    certainty: Literal["fact", "attributed", "unconfirmed", "denied"]
    citation: Citation
    date: str = ""            # ISO date of the statement/report where known


@dataclass(frozen=True, slots=True)
class Agreement:
    topic: str
    value: str
    claims: tuple[Claim, ...]
    origins: int


@dataclass(frozen=True, slots=True)
class Conflict:
    topic: str
    kind: Literal["changed_over_time", "different_source", "contradiction"]
    claims: tuple[Claim, ...]
    explanation: str = ""


# --- entities and timeline ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Variant:
    text: str
    count: int
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    type: str                     # PERSON, GPE, LOC, ORG, NORP, FAC, ...
    variants: tuple[Variant, ...]
    evidence: tuple[str, ...] = ()  # why the variants were merged (rule or score each)
    mentions: int = 0
    origins: int = 0


@dataclass(frozen=True, slots=True)
class PossibleMatch:
    a: str
    b: str
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: str                     # ISO 8601 as precise as known: "2013", "2013-06", "2013-07-29"
    precision: Literal["day", "week", "month", "year"]   # "week": date is its Monday
    text: str
    citations: tuple[Citation, ...]
    inferred: bool = False        # the date rests on an inferred article date
    note: str = ""                # how the date was resolved, e.g. "Monday, against 2013-07-29"


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date phrase placed on the calendar (``timeline.resolve_date``)."""

    date: str                     # ISO 8601 as precise as known
    precision: Literal["day", "week", "month", "year"]   # "week": date is its Monday
    note: str = ""                # how: "Monday, the last one on or before 2013-07-29"


# --- the result -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Brief:
    """Everything newsbrief says about one story."""

    id: str
    articles: tuple[Article, ...]
    summary: tuple[SummarySentence, ...]
    rejected: tuple[Rejected, ...] = ()
    title: str = ""
    origins: tuple[Origin, ...] = ()
    claims: tuple[Claim, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    entities: tuple[Entity, ...] = ()
    possible_matches: tuple[PossibleMatch, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    notes: tuple[str, ...] = field(default=())   # e.g. "encoder fell back to tfidf"

    def source_index(self, article_id: str) -> int:
        """Position of an article in ``articles`` (the JSON ``source`` number)."""
        for i, a in enumerate(self.articles):
            if a.id == article_id:
                return i
        raise KeyError(article_id)
