"""The HTML report file opened in headless Chromium, used as a reader would: click a citation,
read the highlighted sentence, use the keyboard, a phone-width screen and print."""

from __future__ import annotations

import re

import pytest

from newsbrief.render.html import render_html

pytestmark = pytest.mark.browser


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def report(tmp_path, page):
    def open_(brief):
        path = tmp_path / "brief.html"
        path.write_text(render_html(brief), encoding="utf-8")
        page.goto(path.as_uri())
        return page
    return open_


def test_citation_opens_the_cited_sentence_highlighted_in_its_source(report, example_brief, tmp_path):
    page = report(example_brief)
    sentences = page.locator("#summary .sentence")
    assert sentences.count() == len(example_brief.summary)
    for k in (0, len(example_brief.summary) - 1):
        s = example_brief.summary[k]
        first = s.citations[0]
        article = example_brief.articles[example_brief.source_index(first.article_id)]
        sentences.nth(k).locator("a.cite").first.click()
        dialog = page.locator("#viewer")
        dialog.wait_for(state="visible")
        mark = page.locator("#viewer mark")
        # extractive summary: the first citation is the very sentence the summary took
        assert norm(mark.first.inner_text()) == norm(s.text)
        assert norm(" ".join(mark.all_inner_texts())) == norm(article.text[first.start:first.end])
        assert article.outlet in page.locator("#viewer-title").inner_text()
        assert mark.first.is_visible()   # scrolled into view inside the dialog
        page.locator("#viewer-close").click()
        dialog.wait_for(state="hidden")
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 20_000
    assert page.errors == []


def test_keyboard_opens_and_closes_the_viewer(report, example_brief):
    page = report(example_brief)
    first = page.locator("#summary a.cite").first
    first.focus()
    page.keyboard.press("Enter")
    page.locator("#viewer").wait_for(state="visible")
    assert page.locator("#viewer mark").count() >= 1
    page.keyboard.press("Escape")
    page.locator("#viewer").wait_for(state="hidden")
    # focus goes back to the marker that opened it
    assert page.evaluate("document.activeElement.classList.contains('cite')")
    assert page.evaluate("document.activeElement.dataset.sentence") == first.get_attribute("data-sentence")


def test_conflicts_side_by_side_with_who_and_when(report, full_brief):
    page = report(full_brief)
    section = page.locator("#differ")
    assert "Where sources differ" in section.locator("h2").inner_text()
    sides = section.locator(".side")
    assert sides.count() == 2
    # oldest first; who said it and when
    assert norm(sides.nth(0).locator(".value").inner_text()) == "80%"
    assert "al-Mayadeen" in sides.nth(0).inner_text() and "2013-07-28" in sides.nth(0).inner_text()
    assert norm(sides.nth(1).locator(".value").inner_text()) == "90 per cent"
    assert "Abu Rami" in sides.nth(1).inner_text()
    boxes = [sides.nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[0]["x"] < boxes[1]["x"]   # side by side
    sides.nth(0).locator("a.cite").click()
    page.locator("#viewer").wait_for(state="visible")
    assert "80% of Khalidiya" in page.locator("#viewer mark").first.inner_text()
    assert "BBC" in page.locator("#viewer-title").inner_text()


def test_timeline_chart_entities_origins_and_junk(report, full_brief):
    page = report(full_brief)
    events = page.locator("#timeline svg a.event")
    assert events.count() == 3
    boxes = [events.nth(i).locator(".mark").bounding_box() for i in range(3)]
    xs = [b["x"] + b["width"] / 2 for b in boxes]
    assert xs == sorted(xs) and len(set(xs)) == 3          # dates on an axis, in order
    # June 2013 is a month, drawn as a bar wider than tall; the two days are round dots
    assert events.nth(0).locator("rect.mark.month").count() == 1
    assert boxes[0]["width"] > boxes[0]["height"] and events.nth(1).locator("circle.mark").count() == 1
    assert page.locator("#timeline svg a.event.inferred").count() == 1
    labels = page.locator("#timeline svg .tick-label").all_text_contents()
    assert labels == ["Jun 2013", "27 Jul 2013", "29 Jul 2013"]
    assert page.locator("#timeline ol.events li").count() == 3
    page.locator("#timeline ol.events li").nth(1).locator("a.cite").click()
    assert "launched an offensive" in page.locator("#viewer mark").first.inner_text()
    page.keyboard.press("Escape")
    variants = page.locator("#entities .variant").all_inner_texts()
    assert variants == ["Khaldiyeh", "Khalidiya"]
    shared = page.locator("#sources .origin.shared")
    assert shared.count() == 1 and shared.locator("article.source").count() == 2
    assert "AFP wire copy" in shared.inner_text()
    junk = page.locator("#source-3 details.removed")
    removed = full_brief.articles[2].removed
    assert removed and not junk.locator("li").first.is_visible()
    junk.locator("summary").click()
    assert junk.locator("li").first.is_visible()
    assert norm(junk.locator("li").first.inner_text()) == norm(removed[0])
    assert page.errors == []


def test_readable_on_a_phone_and_prints_cleanly(report, full_brief):
    from dataclasses import replace

    # reports read from deep in a file system: a path is one long word, and heads a report without a title
    deep = "/tmp/tmp.a1b2c3d4e5/projects/newsbrief-checkout/examples/homs-2013/{}_bbb1f4b8a9d5e2c1.txt"
    page = report(replace(full_brief, articles=tuple(replace(a, path=deep.format(a.id[:3])) for a in full_brief.articles)))
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    sides = page.locator("#differ .side")
    assert sides.nth(1).bounding_box()["y"] > sides.nth(0).bounding_box()["y"]   # stacked on a phone
    page.emulate_media(media="print")
    for hidden in (".toc", "#viewer", ".fulltext"):
        assert page.locator(hidden).first.evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator("#summary .sentence").first.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('a.cite'), '::before').content") == '"["'


def test_source_text_is_shown_as_text_never_run(report, example_brief):
    from dataclasses import replace

    evil = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'
    a = example_brief.articles[0]
    text = a.text.replace("Homs", evil, 1)
    brief = replace(example_brief, articles=(replace(a, text=text, title=evil),) + example_brief.articles[1:])
    page = report(brief)
    assert page.evaluate("window.__xss") is None
    assert page.locator("img").count() == 0
    assert evil in page.locator("#source-1 h3").inner_text()
    page.locator("#source-1 details.fulltext summary").click()
    assert evil in page.locator("#source-1 .text").inner_text()
