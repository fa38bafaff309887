"""Timeline: resolving date phrases, inferring article dates, merging events."""

from __future__ import annotations

from datetime import date

import pytest

from newsbrief.segment import segment
from newsbrief.timeline import article_dates, build_timeline, resolve_date
from newsbrief.types import Brief

MON = date(2013, 7, 29)   # a Monday


@pytest.mark.parametrize("phrase, expected, precision", [
    ("on Monday", "2013-07-29", "day"),
    ("Saturday morning", "2013-07-27", "day"),
    ("last Monday", "2013-07-22", "day"),
    ("a month ago", "2013-06", "month"),
    ("in June", "2013-06", "month"),
    ("in August", "2012-08", "month"),          # no later than the report
    ("March 2012", "2012-03", "month"),
    ("Wednesday, July 3, 2013", "2013-07-03", "day"),
    ("27 July", "2013-07-27", "day"),
    ("last week", "2013-07", "month"),
    ("two years ago", "2011", "year"),
    ("comes two days after", "2013-07-27", "day"),
    ("yesterday", "2013-07-28", "day"),
    ("three days later", "2013-08-01", "day"),
])
def test_resolve_date(phrase, expected, precision):
    r = resolve_date(phrase, MON)
    assert (r.date, r.precision) == (expected, precision) and r.note


def test_resolve_date_without_reference_keeps_only_absolute_dates():
    assert resolve_date("on Monday", None) is None
    assert resolve_date("July 29, 2013", None).date == "2013-07-29"
    assert resolve_date("the army", MON) is None


def test_article_dates_are_inferred_from_captions(example_articles):
    refs = article_dates(example_articles)
    f24 = next(a.id for a in example_articles if a.outlet == "France 24")
    assert refs[f24].date == MON and refs[f24].inferred and "caption" in refs[f24].note
    assert all(r.inferred for r in refs.values())       # plain .txt files carry no dates


@pytest.fixture(scope="module")
def timeline(example_articles):
    sentences = [s for a in example_articles for s in segment(a)]
    return build_timeline(Brief(id="homs", articles=tuple(example_articles), summary=()), sentences).timeline


def test_timeline_has_the_story_milestones(timeline):
    def find(date_, word):
        return [e for e in timeline if e.date == date_ and word in e.text]
    assert find("2012-03", "Baba Amr")
    assert find("2013-06", "Qusayr")
    assert find("2013-06", "a month ago")
    mosque = find("2013-07-27", "Mosque")
    assert mosque and len({c.article_id for c in mosque[0].citations}) == 2   # AFP and France 24
    assert find("2013-07-29", "recaptured")


def test_timeline_is_ordered_and_cites_exact_spans(timeline, example_articles):
    texts = {a.id: a.text for a in example_articles}
    assert [e.date for e in timeline] == sorted(e.date for e in timeline)
    for e in timeline:
        assert e.precision == {4: "year", 7: "month", 10: "day"}[len(e.date)]
        for c in e.citations:
            assert 0 <= c.start < c.end <= len(texts[c.article_id])
