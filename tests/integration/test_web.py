"""The web app over real HTTP (uvicorn on a free loopback port): the JSON API, its OpenAPI
description, the HTML form route, and every kind of malformed request getting a clear 4xx."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from newsbrief import TfidfEmbedder
from newsbrief.pipeline import STAGES
from newsbrief.web.app import WebSettings, create_app
from newsbrief.web.server import is_loopback, running

LIMITS = WebSettings(encoder="tfidf", max_body_bytes=300_000, max_documents=10, max_seconds=30)


@pytest.fixture(scope="module")
def url():
    with running(create_app(LIMITS, embedder=TfidfEmbedder())) as base:
        yield base


@pytest.fixture(scope="module")
def client(url):
    # every call is bounded: a hang fails the test instead of stalling the suite
    with httpx.Client(base_url=url, timeout=20) as c:
        yield c


@pytest.fixture(scope="module")
def texts(example_dir):
    return [f.read_text(encoding="utf-8") for f in sorted(example_dir.glob("*.txt"))]


def check_citations(data):
    for s in data["summary"]:
        assert s["citations"]
        for c in s["citations"]:
            span = data["sources"][c["source"]]["text"][c["start"]:c["end"]]
            assert span and set(s["text"].split()) & set(span.split())


def test_json_brief_of_the_example(client, texts):
    r = client.post("/api/brief", json={"documents": texts, "words": 120})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    data = r.json()
    assert len(data["sources"]) == 5 and data["rejected"] == []
    assert sum(len(s["text"].split()) for s in data["summary"]) <= 160
    check_citations(data)


def test_uploaded_files_of_each_type(client, texts):
    html = "<html><head><title>Homs</title></head><body><article><p>" + texts[2].replace("\n\n", "</p><p>") + "</p></article></body></html>"
    # texts[3] is the AP report of Saturday 6 July 2013 (tests/data/labels/timeline_homs.json)
    files = [("files", ("a.txt", texts[0].encode(), "text/plain")),
             ("files", ("b.md", texts[1].encode(), "text/markdown")),
             ("files", ("c.html", html.encode(), "text/html")),
             ("files", ("d.json", json.dumps({"text": texts[3], "outlet": "AP", "published": "2013-07-06"}).encode(),
                        "application/json"))]
    r = client.post("/api/brief", files=files, data={"documents": texts[4]})
    assert r.status_code == 200, r.text
    data = r.json()
    assert len(data["sources"]) == 5
    by_path = {s["path"]: s for s in data["sources"]}
    assert by_path["d.json"]["published"] == "2013-07-06" and by_path["d.json"]["outlet"] == "AP"
    assert "<p>" not in by_path["c.html"]["text"]
    check_citations(data)


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/brief"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)
    assert body["application/json"]["schema"]["required"] == ["documents"]
    assert client.get("/docs").status_code == 200


def test_health(client):
    assert client.get("/api/health").json() == {"status": "ok", "encoder": "tfidf"}


def test_form_route_returns_the_html_report(client, texts):
    r = client.post("/report", data={"texts": texts[:2], "words": "100"})   # urlencoded: refused
    assert r.status_code == 415
    r = client.post("/report", files=[("files", ("a.txt", texts[0].encode(), "text/plain"))],
                    data={"texts": [texts[1], "  "]})
    assert r.status_code == 200 and r.text.startswith("<!doctype html>")
    assert r.text.count('class="source"') == 2 and 'href="/"' in r.text


@pytest.mark.parametrize("kwargs, status, message", [
    ({"content": b"documents=a", "headers": {"content-type": "text/plain"}}, 415, "Unsupported content type"),
    ({"content": b"\x89PNG\r\n\x1a\n\x00\x00", "headers": {"content-type": "application/octet-stream"}},
     415, "Unsupported content type"),
    ({"content": b'{"documents": ["a", ', "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
    ({"content": b"\xff\xfe\x00", "headers": {"content-type": "application/json"}}, 400, "not UTF-8"),
    ({"json": ["just", "a", "list"]}, 422, '{"documents": [str, ...]}'),
    ({"json": {"documents": []}}, 422, "'documents' is empty"),
    ({"json": {"documents": ["text", 3]}}, 422, "documents[1] must be a string"),
    ({"json": {"documents": [""] * 1000}}, 422, "Too many documents: 1000; the limit is 10"),
    ({"json": {"documents": ["", "  ", "\n"]}}, 422, "Nothing to brief: document 1: empty"),
    ({"json": {"documents": ["x" * 100], "words": 5}}, 422, "'words' must be between"),
    ({"json": {"documents": ["x"], "words": "many"}}, 422, "'words' must be a whole number"),
    ({"files": [("files", ("photo.txt", bytes(range(256)) * 4, "image/png"))]}, 422, "binary"),
    ({"files": [("files", ("x.exe", b"MZ\x90\x00", "application/octet-stream"))]}, 422, "unknown file type"),
    ({"files": [("files", (f"{i}.txt", b"", "text/plain")) for i in range(1000)]}, 422, "Too many documents"),
    ({"files": [("files", (f"{i}.txt", b"", "text/plain")) for i in range(11)]}, 422, "Too many documents: 11"),
    ({"content": b"--xx\r\nbroken", "headers": {"content-type": "multipart/form-data; boundary=xx"}},
     422, "Nothing to brief: no documents given"),
    ({"content": b"abc", "headers": {"content-type": "multipart/form-data"}}, 400, "Malformed multipart body"),
])
def test_malformed_requests_get_a_clear_4xx(client, kwargs, status, message):
    started = time.monotonic()
    r = client.post("/api/brief", **kwargs)
    assert r.status_code == status, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and message in detail
    assert time.monotonic() - started < 10


def test_oversized_bodies_are_refused_declared_or_streamed(client):
    big = json.dumps({"documents": ["word " * 70_000]}).encode()     # 350 KB > 300 KB
    r = client.post("/api/brief", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "limit is 0.3 MB" in r.json()["detail"]

    def chunks():        # no Content-Length: counted as it arrives
        for _ in range(40):
            yield b"x" * 10_000
    r = client.post("/api/brief", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert client.get("/api/health").status_code == 200      # still serving


def test_a_document_too_large_is_rejected_by_name(url, texts):
    app = create_app(WebSettings(encoder="tfidf", max_body_bytes=3_000_000), embedder=TfidfEmbedder())
    with running(app) as base:
        r = httpx.post(base + "/api/brief", json={"documents": [texts[0], "word " * 250_000]}, timeout=30)
    assert r.status_code == 200
    assert r.json()["rejected"][0]["reason"] == "too_large"


def test_processing_time_limit(texts):
    app = create_app(WebSettings(encoder="tfidf", max_seconds=0.001), embedder=TfidfEmbedder())
    with running(app) as base:
        r = httpx.post(base + "/api/brief", json={"documents": texts}, timeout=30)
    assert r.status_code == 503
    assert "longer than the 0.001 s limit" in r.json()["detail"]


def poll(client, url, seconds=30):
    """Poll a job until it is over; returns its last view and the distinct stages seen, in order."""
    stages, deadline = [], time.monotonic() + seconds
    while True:
        view = client.get(url).json()
        assert 0 <= view["fraction"] <= 1
        if not stages or stages[-1] != view["stage"]:
            stages.append(view["stage"])
        if view["state"] in ("done", "failed"):
            return view, stages
        assert time.monotonic() < deadline, view
        time.sleep(0.02)


def test_a_job_is_polled_to_done_through_its_stages(client, texts):
    r = client.post("/api/jobs", json={"documents": texts, "words": 120})
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["state"] in ("queued", "running") and r.headers["location"] == job["url"]
    assert len(job["id"]) >= 20 and job["url"] == f"/api/jobs/{job['id']}"
    view, stages = poll(client, job["url"])
    assert view["state"] == "done" and view["stage"] == "done" and view["fraction"] == 1.0
    assert view["position"] == 0
    names = [name for name, _ in STAGES]
    seen = [s for s in stages if s in names]
    assert len(set(seen)) >= 2 and seen == sorted(seen, key=names.index)   # in pipeline order
    data = view["result"]
    assert len(data["sources"]) == 5 and sum(len(s["text"].split()) for s in data["summary"]) <= 160
    check_citations(data)
    report = client.get(view["report"])
    assert report.status_code == 200 and report.text.startswith("<!doctype html>")
    assert report.text.count('class="source"') == 5


def test_jobs_keep_the_limits_and_unknown_ids_are_404(client, texts):
    r = client.post("/api/jobs", json={"documents": [""] * 1000})
    assert r.status_code == 422 and "Too many documents" in r.json()["detail"]
    r = client.post("/api/jobs", json={"documents": ["", " "]})
    assert r.status_code == 422 and "Nothing to brief" in r.json()["detail"]
    r = client.post("/api/jobs", content=b"x", headers={"content-type": "text/plain"})
    assert r.status_code == 415
    r = client.get("/api/jobs/not-a-job")
    assert r.status_code == 404 and "expired" in r.json()["detail"]
    assert client.get("/jobs/not-a-job/report").status_code == 404


def test_a_full_queue_refuses_jobs_and_slow_jobs_fail(texts):
    app = create_app(WebSettings(encoder="tfidf", max_pending=1), embedder=TfidfEmbedder())
    with running(app) as base, httpx.Client(base_url=base, timeout=20) as c:
        first = c.post("/api/jobs", json={"documents": texts})
        assert first.status_code == 202
        busy = c.post("/api/jobs", json={"documents": texts})
        assert busy.status_code == 503 and "busy" in busy.json()["detail"]
        assert poll(c, first.json()["url"])[0]["state"] == "done"
    app = create_app(WebSettings(encoder="tfidf", max_seconds=0.001), embedder=TfidfEmbedder())
    with running(app) as base, httpx.Client(base_url=base, timeout=20) as c:
        view, _ = poll(c, c.post("/api/jobs", json={"documents": texts}).json()["url"])
    assert view["state"] == "failed" and view["status"] == 503
    assert "longer than the 0.001 s limit" in view["error"] and "result" not in view


def test_loopback_check():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")


def test_the_bundled_example_is_one_click_from_the_form(client):
    index = client.get("/").text
    assert 'href="/example"' in index
    r = client.get("/example")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Syria army retakes key Homs rebel district" in r.text and 'id="summary"' in r.text
    assert 'href="/"' in r.text                       # the report links back to the form
