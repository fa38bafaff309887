"""Load test of the web app: N concurrent POST /api/brief on loopback, bounded in count and time.

    .venv/bin/python benchmarks/web_load.py [--concurrency 20] [--rounds 1] [--encoder tfidf]

Starts a real uvicorn server on a free 127.0.0.1 port, sends the example story (5 reports)
``concurrency`` times at once per round, and meanwhile probes GET /api/health to show the
server stays responsive while briefs are computed. Checks every answer: status 200, valid
citation spans, and the same summary each time (the pipeline is deterministic). Writes the
latency percentiles to benchmarks/RESULTS.md (section "web").
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

# Hard bound on the whole run: a hung server fails the benchmark instead of stalling it.
TOTAL_TIMEOUT_S = 600
PROBE_INTERVAL_S = 0.2


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(q / 100 * (len(s) - 1)))]


def valid(data: dict) -> bool:
    for s in data["summary"]:
        for c in s["citations"]:
            span = data["sources"][c["source"]]["text"][c["start"]:c["end"]]
            if not span or not set(s["text"].lower().split()) & set(span.lower().split()):
                return False
    return bool(data["summary"])


async def load(url: str, documents: list[str], concurrency: int, rounds: int) -> dict:
    latencies: list[float] = []
    probes: list[float] = []
    statuses: list[int] = []
    summaries: set[tuple[str, ...]] = set()
    bad = 0
    done = asyncio.Event()
    limits = httpx.Limits(max_connections=concurrency + 2)
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=limits) as client:
        async def one() -> None:
            nonlocal bad
            t = time.perf_counter()
            r = await client.post("/api/brief", json={"documents": documents})
            latencies.append(time.perf_counter() - t)
            statuses.append(r.status_code)
            if r.status_code == 200:
                data = r.json()
                bad += not valid(data)
                summaries.add(tuple(s["text"] for s in data["summary"]))

        async def probe() -> None:
            while not done.is_set():
                t = time.perf_counter()
                r = await client.get("/api/health")
                probes.append(time.perf_counter() - t)
                assert r.status_code == 200
                await asyncio.sleep(PROBE_INTERVAL_S)

        await one()   # warm-up (model/NER loading), not counted
        latencies.clear(); statuses.clear(); summaries.clear(); bad = 0
        prober = asyncio.create_task(probe())
        start = time.perf_counter()
        for _ in range(rounds):
            await asyncio.gather(*(one() for _ in range(concurrency)))
        wall = time.perf_counter() - start
        done.set()
        await prober
    return {"latencies": latencies, "probes": probes, "statuses": statuses, "bad": bad,
            "distinct_summaries": len(summaries), "wall": wall}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--encoder", default="tfidf")
    ap.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = ap.parse_args()

    from newsbrief.embed import make_embedder
    from newsbrief.web.app import WebSettings, create_app
    from newsbrief.web.server import running

    documents = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "examples" / "homs-2013").glob("*.txt"))]
    settings = WebSettings(encoder=args.encoder)
    app = create_app(settings, embedder=make_embedder(args.encoder))
    with running(app, host="127.0.0.1") as url:
        res = asyncio.run(asyncio.wait_for(load(url, documents, args.concurrency, args.rounds), TOTAL_TIMEOUT_S))
    lat, probes = res["latencies"], res["probes"]
    n = len(lat)
    ok = res["statuses"].count(200)
    md = f"""## Web app under load (`benchmarks/web_load.py`)

{args.rounds} round(s) of {args.concurrency} concurrent `POST /api/brief` with the example story
(5 reports, ~2,700 words), uvicorn on 127.0.0.1, encoder `{args.encoder}`, one brief
at a time, {os.cpu_count()} CPU cores ({platform.machine()}, shared with other work), after one warm-up request.

| requests | 200 OK | invalid citations | distinct summaries | wall time | throughput |
|---:|---:|---:|---:|---:|---:|
| {n} | {ok} | {res['bad']} | {res['distinct_summaries']} | {res['wall']:.1f} s | {n / res['wall']:.2f} briefs/s |

| latency (s) | p50 | p90 | p95 | p99 | max | mean |
|---|---:|---:|---:|---:|---:|---:|
| `POST /api/brief` | {pct(lat, 50):.2f} | {pct(lat, 90):.2f} | {pct(lat, 95):.2f} | {pct(lat, 99):.2f} | {max(lat):.2f} | {statistics.mean(lat):.2f} |
| `GET /api/health` during the load ({len(probes)} probes) | {pct(probes, 50):.3f} | {pct(probes, 90):.3f} | {pct(probes, 95):.3f} | {pct(probes, 99):.3f} | {max(probes):.3f} | {statistics.mean(probes):.3f} |

Briefs are CPU-bound Python and run one at a time (threads gain nothing under the GIL, and
some stages are not thread-safe), so a request's latency is mostly its wait in the queue
(p50 ≈ half the wall time). The event loop stays free meanwhile, as the health probes show.
"""
    print(md)
    if not args.no_write:
        from results_file import write_section
        write_section("web", md)
    return 0 if ok == n and not res["bad"] and res["distinct_summaries"] == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
