"""Briefs run as jobs: started by one request, watched by polling, kept for a while when done.

A job's state moves ``queued -> running -> done | failed``. The pipeline reports its stage
through ``summarize(progress=...)``; the app forwards that to the job on the event loop, so
a job is only ever changed from one thread. Finished jobs are kept ``keep_seconds`` and at
most ``max_kept`` of them (oldest dropped first), so memory stays bounded however many jobs
nobody comes back for; unfinished jobs are bounded by the app's queue limit.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..types import Brief

State = Literal["queued", "running", "done", "failed"]

# Bytes of randomness in a job id (token_urlsafe): 128 bits, so ids cannot be guessed and
# one client cannot read another's brief.
ID_BYTES = 16


@dataclass(slots=True, eq=False)
class Job:
    """One brief in progress or done. Changed only on the event loop (see ``JobStore``)."""

    id: str
    ticket: object                    # the runner's place in its queue (for ``position``)
    state: State = "queued"
    stage: str = "queued"
    fraction: float = 0.0
    brief: Brief | None = None
    error: str = ""
    status: int = 0                   # the HTTP status a failure would have had on /api/brief
    finished_at: float | None = None
    task: asyncio.Task[Any] | None = field(default=None, repr=False)

    def advance(self, stage: str, fraction: float) -> None:
        """Record a stage the pipeline reached (ignored once the job is over)."""
        if self.state in ("queued", "running"):
            self.state, self.stage, self.fraction = "running", stage, fraction


class JobStore:
    """Jobs by id, with finished ones expiring after ``keep_seconds`` or beyond ``max_kept``."""

    def __init__(self, keep_seconds: float, max_kept: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.keep_seconds = keep_seconds
        self.max_kept = max_kept
        self._clock = clock
        self._jobs: dict[str, Job] = {}   # insertion order = age

    def add(self, ticket: object) -> Job:
        self.prune()
        job = Job(id=secrets.token_urlsafe(ID_BYTES), ticket=ticket)
        self._jobs[job.id] = job
        return job

    def get(self, job_id: str) -> Job | None:
        self.prune()
        return self._jobs.get(job_id)

    def finish(self, job: Job, brief: Brief) -> None:
        job.state, job.stage, job.fraction, job.brief = "done", "done", 1.0, brief
        job.finished_at = self._clock()
        self.prune()

    def fail(self, job: Job, status: int, error: str) -> None:
        job.state, job.status, job.error = "failed", status, error
        job.finished_at = self._clock()
        self.prune()

    def prune(self) -> None:
        """Drop finished jobs older than ``keep_seconds``, then the oldest beyond ``max_kept``."""
        now = self._clock()
        finished = [j for j in self._jobs.values() if j.finished_at is not None]
        expired = [j for j in finished if now - j.finished_at > self.keep_seconds]   # type: ignore[operator]
        kept = [j for j in finished if j not in expired]
        for j in expired + kept[:max(0, len(kept) - self.max_kept)]:
            del self._jobs[j.id]

    def __len__(self) -> int:
        return len(self._jobs)
