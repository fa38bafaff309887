"""Fixtures for the browser tests: Debian's headless Chromium, a real uvicorn server, and a
brief of the example story with every optional section filled from real spans of its text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium hangs trying to reach Google on a closed network.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium); run scripts/setup-test-services.sh as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def web_url():
    """A real uvicorn server on a free loopback port, with the model-free encoder."""
    from newsbrief import TfidfEmbedder
    from newsbrief.web.app import WebSettings, create_app
    from newsbrief.web.server import running

    app = create_app(WebSettings(encoder="tfidf", max_seconds=30), embedder=TfidfEmbedder())
    with running(app) as url:
        yield url


def cite(article, needle: str):
    """The citation of the sentence of ``article`` that contains ``needle``."""
    from newsbrief.segment import segment
    from newsbrief.types import Citation

    for s in segment(article):
        if needle in s.text:
            return Citation(article.id, s.id, s.start, s.end)
    raise AssertionError(f"{needle!r} not in a sentence of {article.id}")


@pytest.fixture(scope="session")
def full_brief(example_brief):
    """The example brief with origins, a conflict, an agreement, entities and a timeline, built
    by hand from real sentences of the example (the analyses that compute them are separate)."""
    from newsbrief.types import (Agreement, Claim, Conflict, Entity, Origin, PossibleMatch,
                                 TimelineEvent, Variant)

    a = {x.id[:3]: x for x in example_brief.articles}   # "000" .. "004"
    share = "share of Khaldiyeh controlled by the army"
    ninety = Claim("figure", "90 per cent", share, 90.0, "Abu Rami, activist", "attributed",
                   cite(a["001"], "90 per cent"), "2013-07-29")
    eighty = Claim("figure", "80%", share, 80.0, "al-Mayadeen", "attributed",
                   cite(a["002"], "80% of Khalidiya"), "2013-07-28")
    qusayr = [Claim("statement", "troops took Qusayr in June", "capture of Qusayr", "June", "", "fact",
                    cite(a[k], "Qusayr in June"), "") for k in ("000", "001")]

    def variant(name):
        counts = {x.id: x.text.count(name) for x in example_brief.articles if name in x.text}
        return Variant(name, sum(counts.values()), tuple(counts))

    variants = (variant("Khaldiyeh"), variant("Khalidiya"))
    return replace(
        example_brief,
        origins=(Origin((a["000"].id, a["001"].id), "AFP wire copy: same quotes and figures"),),
        claims=(ninety, eighty, *qusayr),
        conflicts=(Conflict(share, "different_source", (ninety, eighty),
                            "AFP's activist says 90 per cent; al-Mayadeen, quoted by the BBC, says 80%."),),
        agreements=(Agreement("capture of Qusayr", "June 2013", tuple(qusayr), 1),),
        entities=(Entity("Khaldiyeh", "GPE", variants, ("'Khalidiya' ~ 'Khaldiyeh': transliteration, "
                                                        "same district of Homs",),
                         mentions=sum(v.count for v in variants), origins=2),),
        possible_matches=(PossibleMatch("Khaled Bin Walid Mosque", "Khalid Ibn al-Walid mosque", 0.81,
                                        "similar names, not confirmed"),),
        timeline=(
            TimelineEvent("2013-06", "month", "Troops take Qusayr, a former rebel bastion",
                          (qusayr[0].citation,)),
            TimelineEvent("2013-07-27", "day", "The army launches its offensive on Khalidiya",
                          (cite(a["002"], "launched an offensive"),), inferred=True,
                          note="'Saturday', against an inferred report date of 2013-07-29"),
            TimelineEvent("2013-07-29", "day", "The regime says its troops recaptured Khaldiyeh",
                          (cite(a["000"], "said on Monday"),)),
        ),
    )
