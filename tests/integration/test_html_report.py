"""The HTML report as a file: self-contained, complete, escaped; and the timeline chart's layout.
(The same report in a real browser: tests/browser/test_report_page.py.)"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import replace

import pytest
from markupsafe import escape

from newsbrief.render.html import render_html, timeline_chart
from newsbrief.render.json import to_dict
from newsbrief.types import Brief, TimelineEvent


@pytest.fixture(scope="module")
def page(example_brief):
    return render_html(example_brief)


def test_self_contained_no_network_at_view_time(page):
    assert page.startswith("<!doctype html>")
    assert not re.search(r"""(src|href|action)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', page)[1]
    assert "default-src 'none'" in csp
    # the only script allowed to run is ours, by hash
    script = re.search(r"<script>(.*?)</script>", page, re.S)[1]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_every_summary_sentence_and_citation_is_in_the_page(page, example_brief):
    d = to_dict(example_brief)
    plain = re.sub(r'<span class="respelled" title="[^"]*">([^<]*)</span>', r"\1", page)
    for s in d["summary"]:
        assert str(escape(s["text"])) in plain
        for c in s["citations"]:
            assert (f'href="#source-{c["source"] + 1}" data-source="{c["source"]}" '
                    f'data-start="{c["start"]}" data-end="{c["end"]}"') in page
    summary = page[page.index('<section id="summary"'):page.index("</section>")]
    markers = re.findall(r'<a class="cite"', summary)
    assert len(markers) == sum(len({(c["source"], c["start"]) for c in s["citations"]}) for s in d["summary"])
    data = json.loads(re.search(r'<script type="application/json" id="nb-data">(.*?)</script>', page, re.S)[1])
    assert [s["text"] for s in data["sources"]] == [a.text for a in example_brief.articles]


def test_optional_sections_only_when_present(page, example_brief):
    for section in ("differ", "agree", "timeline", "entities", "claims"):
        present = bool(getattr(example_brief, {"differ": "conflicts", "agree": "agreements"}.get(section, section)))
        assert (f'id="{section}"' in page) == present
    assert 'id="sources"' in page
    junk = [a for a in example_brief.articles if a.removed]
    assert page.count('class="removed"') == len(junk) > 0
    assert str(escape(junk[0].removed[0])) in page


def test_source_text_is_escaped(example_brief):
    evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>'
    a = example_brief.articles[0]
    brief = replace(example_brief, title=evil, articles=(replace(a, title=evil, text=a.text + " " + evil),)
                    + example_brief.articles[1:], notes=(evil,))
    out = render_html(brief)
    assert "<img" not in out and out.count("<script") == 2   # the data block and ours
    assert "&lt;script&gt;alert(1)" in out
    data = re.search(r'id="nb-data">(.*?)</script>', out, re.S)[1]
    assert "</script" not in data and json.loads(data)["sources"][0]["text"].endswith(evil)


def test_home_link_only_when_asked(example_brief, page):
    assert 'class="home"' not in page
    assert '<a href="/" class="home">' in render_html(example_brief, home="/")


def test_cli_writes_the_html_report(tmp_path, example_dir):
    from newsbrief.cli import main

    out = tmp_path / "brief.html"
    assert main(["brief", str(example_dir), "--format", "html", "-o", str(out), "--encoder", "tfidf"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>") and text.count('class="source"') == 5


def ev(d, precision="day", inferred=False):
    return TimelineEvent(d, precision, f"event {d}", (), inferred=inferred)


def test_timeline_chart_one_marker_a_date_in_order():
    chart = timeline_chart((ev("2013-06", "month"), ev("2013-07-27", inferred=True), ev("2013-07-29"),
                            ev("2013-07-29")))
    xs = [d.x for d in chart.dates]
    assert len(xs) == 3 and xs == sorted(xs) and xs[0] == 50 and xs[-1] == 710
    assert [d.label for d in chart.dates] == ["Jun 2013", "27 Jul 2013", "29 Jul 2013"]
    assert [(d.numbers, d.count, d.first) for d in chart.dates] == [("1", 1, 1), ("2", 1, 2), ("3–4", 2, 3)]
    assert chart.dates[2].r > chart.dates[1].r                     # two events: a bigger marker
    assert [d.inferred for d in chart.dates] == [False, True, False]
    assert chart.breaks == ()                                      # no gap over two months


def test_a_week_is_a_labelled_span_not_the_day_of_its_monday():
    # "last week" of a report of Friday 12 July 2013 is the week of Monday 1 July
    chart = timeline_chart((ev("2013-07-01", "week"), ev("2013-07-01"), ev("2013-07-10")))
    assert [(d.label, d.period, d.count) for d in chart.dates] == [
        ("1 Jul 2013", "", 1), ("week of 1 Jul 2013", "week", 1), ("10 Jul 2013", "", 1)]
    brief = Brief(id="w", articles=(), summary=(), timeline=(ev("2013-07-01", "week"), ev("2013-07-10")))
    html = render_html(brief)
    assert html.count('class="mark period week"') == 1 and html.count('<circle class="mark"') == 1
    assert "week of 1 Jul 2013" in html


def test_timeline_chart_compresses_long_gaps_and_keeps_labels_apart():
    days = [ev(f"2013-07-{d:02d}") for d in (20, 22, 24, 26, 28)]
    chart = timeline_chart((ev("2001", "year"), *days, ev("sometime")))
    xs = [d.x for d in chart.dates]
    assert len(xs) == 6 and xs == sorted(xs)                       # undatable: in the list only
    assert len(chart.breaks) == 1 and xs[0] < chart.breaks[0] < xs[1]
    # a 12-year gap is drawn wider than a 2-day one, but far from 2,000 times wider
    assert 1 < (xs[1] - xs[0]) / (xs[2] - xs[1]) < 10
    for (a, b) in zip(chart.dates, chart.dates[1:]):               # close labels alternate rows
        assert b.x - a.x >= 70 or a.row != b.row
    assert timeline_chart((ev("unknown"),)) is None
    single = timeline_chart((ev("2013-07-29"),))
    assert [d.x for d in single.dates] == [380]


def test_respelled_names_show_the_sources_spelling(page, example_brief):
    pairs = {p for s in example_brief.summary for p in s.respelled}
    assert pairs, "the example's summary mixes Khaldiyeh and Khalidiya"
    for source, chosen in pairs:
        assert f'<span class="respelled" title="“{escape(source)}” in the source">{escape(chosen)}</span>' in page
