"""The web app: paste texts or upload files, get the HTML report; or POST JSON, get the JSON brief.

    GET  /            the form (paste reports, upload .txt .md .html .json files)
    POST /report      the form's target: the HTML report (or the form again with the problem)
    POST /api/brief   {"documents": [str, ...], "words": 250} or multipart files -> JSON brief
    POST /api/jobs    the same inputs -> 202 and a job id at once (the page uses this)
    GET  /api/jobs/ID {state, stage, fraction, position}; when done, the JSON brief too
    GET  /jobs/ID/report  a finished job's HTML report
    GET  /api/health  liveness and the encoder in use
    GET  /docs        the OpenAPI description (FastAPI)

Safe by default: the body size, the number of documents and the processing time are capped
(``WebSettings``), each with a message saying which limit was hit; the app never fetches a
URL or opens a path the client names (uploads are parsed from their bytes, see
``ingest.read_upload``); and ``newsbrief serve`` binds to loopback unless told otherwise.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..embed import Embedder, make_embedder
from ..errors import NewsbriefError
from ..ingest.files import (EXAMPLE, MAX_ARTICLE_BYTES, SUPPORTED, article_from_text, dedupe, example_path,
                            read_paths, read_upload)
from ..pipeline import Progress, summarize
from ..render.html import render_html
from ..render.json import to_dict
from ..settings import Settings
from ..types import Article, Brief, Rejected
from .jobs import Job, JobStore
from .limits import BodyLimit

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Limits and choices of one app instance. Defaults are safe for a laptop."""

    encoder: str = "auto"
    # Whole request body. Five reports are ~50 KB; 8 MB leaves room for a few long HTML
    # pages while keeping one request from filling memory.
    max_body_bytes: int = 8_000_000
    # A story is a handful of reports; more than this is a stream, not one story (use the
    # batch CLI or story clustering), and would take minutes to align.
    max_documents: int = 50
    # Processing budget of one brief, counted from when a worker starts it (time waiting
    # in the queue is bounded by ``max_pending`` instead). Five reports take ~5 s with all
    # analyses on 2 shared cores; 60 s leaves a wide margin without letting a huge input
    # hold the worker forever.
    max_seconds: float = 60.0
    # Briefs waiting or running at once; beyond this the app answers 503 at once instead of
    # queueing work nobody will wait for (at ~5 s a brief, 32 is under 3 minutes of queue).
    max_pending: int = 32
    words: int = 250
    # Finished jobs are kept this long for their client to fetch the result (it polls every
    # second or so; ten minutes covers a tab left in the background) ...
    keep_jobs_seconds: float = 600.0
    # ... and at most this many of them, oldest dropped first: a brief holds its inputs, so
    # this bounds memory at about max_kept_jobs * max_body_bytes in the worst case.
    max_kept_jobs: int = 32


# Summary lengths the API accepts: below 20 words there is no summary, above 2000 it is
# no longer a brief.
MIN_WORDS, MAX_WORDS = 20, 2000

_BRIEF_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {
            "type": "object", "required": ["documents"],
            "properties": {
                "documents": {"type": "array", "items": {"type": "string"},
                              "description": "the reports of one story, plain text, one string each"},
                "words": {"type": "integer", "minimum": MIN_WORDS, "maximum": MAX_WORDS, "default": 250},
            }},
            "example": {"documents": ["First report ...", "Second report ..."], "words": 120}},
        "multipart/form-data": {"schema": {
            "type": "object",
            "properties": {
                "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                          "description": ".txt .md .html .json files (UTF-8)"},
                "documents": {"type": "array", "items": {"type": "string"}},
                "words": {"type": "integer"},
            }}},
    },
}
_ERRORS = {code: {"description": text, "content": {"application/json": {"example": {"detail": text}}}}
           for code, text in {400: "Broken JSON or multipart body", 413: "Request body too large",
                              415: "Unsupported content type", 422: "Nothing could be briefed, or a limit was hit",
                              503: "Processing took too long, or the server is busy"}.items()}


class BriefRunner:
    """Runs the pipeline in worker threads with a time limit; one embedder per app."""

    def __init__(self, settings: WebSettings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or make_embedder(settings.encoder)
        # One brief at a time. The pipeline is CPU-bound Python (the GIL gives two threads no
        # speed-up: 4 briefs took 20 s on 2 threads, 4 x 4.8 s one by one) and some stages
        # keep state that is not thread-safe (the cached pysbd splitter: 5 concurrent runs
        # gave 3 different summaries). Parallel briefs need processes, not threads.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="brief")
        self._pending = 0
        self._waiting: list[object] = []   # tickets submitted to the pool, not started yet
        self._running = 0
        self._lock = threading.Lock()

    async def run(self, articles: Sequence[Article], rejected: Sequence[Rejected], words: int) -> Brief:
        """The brief, or an HTTPException saying which limit was hit."""
        return await self.run_admitted(self.admit(articles, rejected), articles, rejected, words)

    def admit(self, articles: Sequence[Article], rejected: Sequence[Rejected]) -> object:
        """Check the limits and take a place in the queue: a ticket for ``run_admitted``.

        Raises an HTTPException (422 nothing to brief or too many documents, 503 busy) at once.
        """
        if not articles:
            reasons = "; ".join(r.message for r in rejected) or "no documents given"
            raise HTTPException(422, f"Nothing to brief: {reasons}")
        if len(articles) > self.settings.max_documents:
            raise HTTPException(422, _too_many(len(articles), self.settings.max_documents))
        with self._lock:
            if self._pending >= self.settings.max_pending:
                raise HTTPException(503, f"The server is busy ({self._pending} briefs in progress); try again shortly.")
            self._pending += 1
            ticket = object()
            self._waiting.append(ticket)
        return ticket

    def position(self, ticket: object) -> int:
        """How many briefs are ahead of this one (waiting or running); 0 once it runs."""
        with self._lock:
            if ticket not in self._waiting:
                return 0
            return self._waiting.index(ticket) + self._running

    async def run_admitted(self, ticket: object, articles: Sequence[Article], rejected: Sequence[Rejected],
                           words: int, progress: Progress | None = None) -> Brief:
        """Run an admitted brief (see ``admit``) with the time limit; ``progress`` as in ``summarize``."""
        try:
            settings = Settings()
            settings = replace(settings, select=replace(settings.select, words=words))
            loop = asyncio.get_running_loop()
            started = loop.create_future()

            def job() -> Brief:
                with self._lock:
                    self._waiting.remove(ticket)
                    self._running += 1
                loop.call_soon_threadsafe(lambda: started.done() or started.set_result(None))
                try:
                    return summarize(articles, embedder=self.embedder, settings=settings,
                                     rejected=rejected, progress=progress)
                finally:
                    with self._lock:
                        self._running -= 1

            future = self._pool.submit(job)
            result = asyncio.wrap_future(future)
            try:
                await asyncio.wait([started, result], return_when=asyncio.FIRST_COMPLETED)
                return await asyncio.wait_for(result, self.settings.max_seconds)
            except TimeoutError:
                raise HTTPException(503, f"Briefing took longer than the {self.settings.max_seconds:g} s "
                                         "limit; send fewer or shorter documents.") from None
            except asyncio.CancelledError:   # the client went away: drop the job if not started
                future.cancel()
                raise
            except NewsbriefError as e:
                raise HTTPException(422, str(e)) from None
        finally:
            with self._lock:
                self._pending -= 1
                if ticket in self._waiting:     # cancelled before it started
                    self._waiting.remove(ticket)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def create_app(settings: WebSettings = WebSettings(), *, embedder: Embedder | None = None) -> FastAPI:
    """The ASGI app. The embedder (and its model) is loaded once here, not per request.

    Args:
        settings: limits and the encoder name.
        embedder: an encoder to use instead of ``settings.encoder`` (tests, benchmarks).
    """
    runner = BriefRunner(settings, embedder)
    jobs = JobStore(settings.keep_jobs_seconds, settings.max_kept_jobs)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        runner.close()

    app = FastAPI(title="newsbrief", version="0.1.0", lifespan=lifespan,
                  description="Several news reports about one story in, one brief with "
                              "sentence-level citations out. Limits: "
                              f"{settings.max_body_bytes / 1e6:g} MB a request, "
                              f"{settings.max_documents} documents, {settings.max_seconds:g} s.")
    app.state.runner = runner
    app.state.jobs = jobs
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    templates = Jinja2Templates(directory=str(TEMPLATES))

    def form_page(request: Request, error: str = "", texts: Sequence[str] = (), status: int = 200):
        return templates.TemplateResponse(request, "index.html", status_code=status, context={
            "error": error, "texts": list(texts) + [""] * max(0, 3 - len(texts)),
            "limits": settings, "accept": ",".join(sorted(SUPPORTED - {"", ".text"})),
            "min_words": MIN_WORDS, "max_words": MAX_WORDS, "example": EXAMPLE})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(request: Request):
        return form_page(request)

    @app.post("/report", response_class=HTMLResponse, include_in_schema=False)
    async def report(request: Request):
        texts: list[str] = []
        try:
            _require_multipart(request)
            texts, uploads, words = await _read_form(request, settings, skip_blank=True)
            articles, rejected = _articles(texts, uploads)
            brief = await runner.run(articles, rejected, words)
        except HTTPException as e:
            return form_page(request, error=str(e.detail), texts=texts, status=e.status_code)
        return HTMLResponse(render_html(brief, home="/"))

    @app.get("/example", response_class=HTMLResponse, include_in_schema=False)
    async def example(request: Request):
        """The report of the bundled example story, for a first look without reports at hand."""
        try:
            articles, rejected = read_paths([example_path()])
            brief = await runner.run(articles, rejected, settings.words)
        except (HTTPException, NewsbriefError) as e:
            return form_page(request, error=str(getattr(e, "detail", e)), status=getattr(e, "status_code", 500))
        return HTMLResponse(render_html(brief, home="/"))

    @app.post("/api/brief", summary="Brief one story", response_description="The JSON brief",
              openapi_extra={"requestBody": _BRIEF_BODY}, responses=_ERRORS)
    async def api_brief(request: Request) -> JSONResponse:
        """Brief the reports of one story: JSON ``{"documents": [...]}`` or uploaded files.

        Inputs that cannot be briefed (empty, binary, not English, ...) are listed under
        ``rejected``; the request fails only when none can be briefed.
        """
        texts, uploads, words = await _read_request(request, settings)
        articles, rejected = _articles(texts, uploads)
        return JSONResponse(to_dict(await runner.run(articles, rejected, words)))

    @app.post("/api/jobs", summary="Start briefing one story; poll the job", status_code=202,
              openapi_extra={"requestBody": _BRIEF_BODY}, responses=_ERRORS)
    async def api_jobs(request: Request) -> JSONResponse:
        """Same inputs as ``/api/brief``; answers at once with the job (``id``, ``url`` to poll).

        The same limits apply: bad inputs and a full queue are refused here; the processing
        time limit fails the job. Finished jobs expire after a while (then 404).
        """
        texts, uploads, words = await _read_request(request, settings)
        articles, rejected = _articles(texts, uploads)
        ticket = runner.admit(articles, rejected)
        job = jobs.add(ticket)
        loop = asyncio.get_running_loop()

        def progress(stage: str, fraction: float) -> None:   # from the worker thread
            loop.call_soon_threadsafe(job.advance, stage, fraction)

        async def work() -> None:
            try:
                brief = await runner.run_admitted(ticket, articles, rejected, words, progress)
            except HTTPException as e:
                jobs.fail(job, e.status_code, str(e.detail))
            except Exception as e:  # noqa: BLE001 - a job must end; the client sees what broke
                jobs.fail(job, 500, f"Briefing failed: {type(e).__name__}: {e}")
            else:
                jobs.finish(job, brief)

        job.task = asyncio.create_task(work())
        return JSONResponse(_job_view(job, runner), status_code=202, headers={"Location": f"/api/jobs/{job.id}"})

    @app.get("/api/jobs/{job_id}", summary="A job's state, stage and, when done, its brief")
    async def api_job(job_id: str) -> JSONResponse:
        """``state`` (queued, running, done, failed), ``stage``, ``fraction`` (0..1),
        ``position`` (briefs ahead of it); when done ``result`` (the JSON brief) and ``report``
        (the HTML report's URL); when failed ``error`` and ``status``."""
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, _no_job(settings))
        return JSONResponse(_job_view(job, runner, result=True))

    @app.get("/jobs/{job_id}/report", response_class=HTMLResponse, include_in_schema=False)
    async def job_report(request: Request, job_id: str):
        job = jobs.get(job_id)
        if job is None or job.brief is None:
            return form_page(request, error=job.error if job else _no_job(settings), status=404)
        return HTMLResponse(render_html(job.brief, home="/"))

    @app.get("/api/health", summary="Liveness and the encoder in use")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "encoder": getattr(runner.embedder, "name", type(runner.embedder).__name__)}

    return app


def _no_job(settings: WebSettings) -> str:
    return (f"No such job: the id is wrong, or the job finished more than "
            f"{settings.keep_jobs_seconds / 60:g} minutes ago and expired. Start the brief again.")


def _job_view(job: Job, runner: BriefRunner, result: bool = False) -> dict[str, Any]:
    view: dict[str, Any] = {"id": job.id, "url": f"/api/jobs/{job.id}", "state": job.state,
                            "stage": job.stage, "fraction": job.fraction,
                            "position": runner.position(job.ticket) if job.state == "queued" else 0}
    if job.state == "done" and job.brief is not None:
        view["report"] = f"/jobs/{job.id}/report"
        if result:
            view["result"] = to_dict(job.brief)
    elif job.state == "failed":
        view.update(error=job.error, status=job.status)
    return view


# --- request parsing: bytes in, texts and uploads out, or a 4xx saying what is wrong -------------

def _content_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def _read_request(request: Request, settings: WebSettings) -> tuple[list[str], list[tuple[str, bytes]], int]:
    kind = _content_type(request)
    if kind == "application/json":
        texts, words = _read_json(await request.body(), settings)
        return texts, [], words
    if kind == "multipart/form-data":
        return await _read_form(request, settings, skip_blank=False)
    raise HTTPException(415, f"Unsupported content type {kind or '(none)'!r}: send application/json "
                             '({"documents": [str, ...]}) or multipart/form-data (files).')


def _require_multipart(request: Request) -> None:
    if _content_type(request) != "multipart/form-data":
        raise HTTPException(415, "The form must be sent as multipart/form-data.")


def _too_many(n: int | str, limit: int) -> str:
    return f"Too many documents: {n}; the limit is {limit} a brief (one story is a handful of reports)."


def _words(value: object) -> int:
    try:
        words = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise HTTPException(422, f"'words' must be a whole number, got {value!r}.") from None
    if isinstance(value, bool) or not MIN_WORDS <= words <= MAX_WORDS:
        raise HTTPException(422, f"'words' must be between {MIN_WORDS} and {MAX_WORDS}, got {value!r}.")
    return words


def _read_json(body: bytes, settings: WebSettings) -> tuple[list[str], int]:
    try:
        payload = json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise HTTPException(400, f"The body is not UTF-8 text (bad byte at offset {e.start}).") from None
    except json.JSONDecodeError as e:
        raise HTTPException(400, f"The body is not valid JSON: {e.msg} at line {e.lineno} "
                                 f"column {e.colno}.") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("documents"), list):
        raise HTTPException(422, 'Expected a JSON object {"documents": [str, ...]}.')
    docs = payload["documents"]
    if not docs:
        raise HTTPException(422, "'documents' is empty: send the reports of one story.")
    if len(docs) > settings.max_documents:
        raise HTTPException(422, _too_many(len(docs), settings.max_documents))
    for i, d in enumerate(docs):
        if not isinstance(d, str):
            raise HTTPException(422, f"documents[{i}] must be a string, got {type(d).__name__}.")
    words = _words(payload["words"]) if "words" in payload else settings.words
    return docs, words


async def _read_form(request: Request, settings: WebSettings,
                     skip_blank: bool) -> tuple[list[str], list[tuple[str, bytes]], int]:
    # One part more than allowed so that "too many" is reported by us, with the limit named.
    try:
        form = await request.form(max_files=settings.max_documents + 1,
                                  max_fields=settings.max_documents + 10)
    except StarletteHTTPException as e:   # Starlette's multipart errors: say which limit, or what broke
        if str(e.detail).startswith("Too many"):
            raise HTTPException(422, _too_many(f"more than {settings.max_documents}",
                                               settings.max_documents)) from None
        raise HTTPException(400, f"Malformed multipart body: {e.detail}") from None
    texts = [t for t in form.getlist("documents") + form.getlist("texts") if isinstance(t, str)]
    if skip_blank:
        texts = [t for t in texts if t.strip()]
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
    if skip_blank:
        files = [f for f in files if f.filename]   # a form's empty file input
    if len(texts) + len(files) > settings.max_documents:
        raise HTTPException(422, _too_many(len(texts) + len(files), settings.max_documents))
    uploads = [(f.filename or f"upload{i + 1}", await f.read()) for i, f in enumerate(files)]
    raw_words = form.get("words")
    words = _words(raw_words) if isinstance(raw_words, str) and raw_words.strip() else settings.words
    return texts, uploads, words


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in text.lower() and "</p>" in text.lower())


def _articles(texts: Sequence[str], uploads: Sequence[tuple[str, bytes]]) -> tuple[list[Article], list[Rejected]]:
    results: list[Article | Rejected] = []
    for i, text in enumerate(texts, 1):
        if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
            results.append(Rejected(f"document {i}", "too_large",
                                    f"longer than {MAX_ARTICLE_BYTES / 1e6:.0f} MB; not one news article"))
        else:
            results.append(article_from_text(text, id=f"doc{i}", source=f"document {i}",
                                             html=_looks_like_html(text)))
    for name, data in uploads:
        results.extend(read_upload(name, data))
    return dedupe([r for r in results if isinstance(r, Article)],
                  [r for r in results if isinstance(r, Rejected)])
