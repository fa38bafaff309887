"""The web app's job table: unguessable ids, finished jobs expire, memory stays bounded."""

from __future__ import annotations

from newsbrief.web.jobs import JobStore


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_finished_jobs_expire_after_keep_seconds():
    clock = Clock()
    store = JobStore(keep_seconds=60, max_kept=10, clock=clock)
    done, running = store.add(object()), store.add(object())
    store.fail(done, 503, "too slow")
    clock.now = 60
    assert store.get(done.id) is done
    clock.now = 61
    assert store.get(done.id) is None and store.get(running.id) is running   # unfinished stay


def test_at_most_max_kept_finished_jobs_oldest_dropped_first():
    store = JobStore(keep_seconds=60, max_kept=2, clock=Clock())
    jobs = [store.add(object()) for _ in range(4)]
    for j in jobs:
        store.fail(j, 422, "x")
    assert len(store) == 2 and [store.get(j.id) for j in jobs] == [None, None, jobs[2], jobs[3]]


def test_ids_are_unguessable_and_stages_stop_once_over():
    store = JobStore(keep_seconds=60, max_kept=2)
    a, b = store.add(object()), store.add(object())
    assert a.id != b.id and len(a.id) >= 20
    a.advance("parsing", 0.3)
    assert (a.state, a.stage, a.fraction) == ("running", "parsing", 0.3)
    store.fail(a, 503, "too slow")
    a.advance("timeline", 0.85)            # the worker thread ran on after the time limit
    assert (a.state, a.stage) == ("failed", "parsing")
