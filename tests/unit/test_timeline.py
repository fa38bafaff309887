"""Timeline: resolving date phrases, inferring article dates, merging events."""

from __future__ import annotations

from datetime import date

import pytest

from newsbrief.segment import segment
from newsbrief.timeline import article_dates, build_timeline, resolve_date
from newsbrief.types import Article, Brief

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
    ("last week", "2013-07-22", "week"),          # the week's Monday
    ("two weeks ago", "2013-07-15", "week"),
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


def test_timeline_reads_the_dates_it_is_given(example_articles, timeline):
    # the pipeline infers each report's date once and passes it to claims and the timeline
    from dataclasses import replace

    sentences = [s for a in example_articles for s in segment(a)]
    brief = Brief(id="homs", articles=tuple(example_articles), summary=())
    refs = article_dates(example_articles)
    assert build_timeline(brief, sentences, dates=refs).timeline == timeline
    f24 = next(a.id for a in example_articles if a.outlet == "France 24")
    moved = {**refs, f24: replace(refs[f24], date=date(2013, 8, 5))}
    dated = build_timeline(brief, sentences, dates=moved)
    assert next(a for a in dated.articles if a.id == f24).inferred_date == date(2013, 8, 5)


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
        assert e.precision in {4: ("year",), 7: ("month",), 10: ("day", "week")}[len(e.date)]
        for c in e.citations:
            assert 0 <= c.start < c.end <= len(texts[c.article_id])


def test_article_dates_say_how_each_was_found(example_articles):
    from newsbrief.origins import group_origins

    sentences = [s for a in example_articles for s in segment(a)]
    refs = article_dates(example_articles, group_origins(example_articles, sentences))
    by_outlet = {a.outlet or a.id: refs[a.id] for a in example_articles}
    ap = next(r for r in refs.values() if r.date and r.date.month == 7 and r.date.day < 10)
    # AP: a caption dated Wednesday July 3, and "an activist said Saturday": the 6th
    assert (ap.date, ap.basis) == (date(2013, 7, 6), "caption") and "Saturday" in ap.note
    assert sorted(r.basis for r in refs.values()) == ["caption", "caption", "caption", "origin", "weekday"]
    assert all(r.inferred for r in by_outlet.values())


def test_article_date_rules_in_order():
    published = Article("p", "Rebels said on Monday they held the town.", published=date(2013, 1, 2))
    dateline = Article("d", "July 29, 2013\n\nRebels said on Sunday they held the town.")
    archive = Article("f", "Rebels said Saturday they held the town.",
                      removed=("A file photo taken on March 3, 2011 shows the town.",
                               "Troops at the gate of the town, Wednesday, July 3, 2013."))
    refs = article_dates([published, dateline, archive])
    assert (refs["p"].date, refs["p"].basis, refs["p"].inferred) == (date(2013, 1, 2), "published", False)
    assert (refs["d"].date, refs["d"].basis) == (date(2013, 7, 29), "dateline")
    assert (refs["f"].date, refs["f"].basis) == (date(2013, 7, 6), "caption")   # file photo skipped


def test_dates_that_are_not_events_are_left_out():
    a = Article("a", "Troops shelled the northern district on Friday, residents said. "
                     "The video, posted on Saturday, appeared consistent with other reports. "
                     "The group did not have updated figures for Saturday.", published=date(2013, 7, 6))
    events = build_timeline(Brief("t", (a,), ()), segment(a)).timeline
    assert [e.date for e in events] == ["2013-07-05"]


def test_a_campaign_told_with_its_length_is_dated_by_its_start():
    a = Article("a", "Troops have been waging an eight-day campaign to seize the city.", published=date(2013, 7, 6))
    b = Article("b", "The army launched the offensive on the city a month ago, officials said.",
                published=date(2013, 7, 29))
    events = build_timeline(Brief("t", (a, b), ()), segment(a) + segment(b)).timeline
    assert len(events) == 1 and events[0].date == "2013-06" and len(events[0].citations) == 2
    assert "2013-06-28" in events[0].note      # the precise day stays visible


def test_example_timeline_is_short_and_merged(timeline):
    assert len(timeline) <= 16
    start = next(e for e in timeline if e.date == "2013-06" and "a month ago" in e.text)
    assert len({c.article_id for c in start.citations}) >= 4      # AFP x2, AP's eighth day, France 24
    baba = next(e for e in timeline if "Baba Amr" in e.text)
    assert len({c.article_id for c in baba.citations}) == 3
    assert not any("figures for" in e.text or "posted on" in e.text for e in timeline)


FRI = date(2007, 7, 6)    # a Friday


@pytest.mark.parametrize("phrase, context, expected", [
    ("on Saturday", "The Prologue will be on Saturday, the 7th of July.", "2007-07-07"),
    ("Saturday", "the eve of Saturday's expected vote on a resolution", "2007-07-07"),
    ("on Wednesday", "A vessel is to arrive at the scene on Wednesday.", "2007-07-11"),
    ("on Saturday", "The vote took place on Saturday.", "2007-06-30"),      # no cue: the past
    ("in January", "the EU would not attend the scheduled meeting in January", "2008-01"),
    ("in January", "The talks began in January.", "2007-01"),
    ("the first of June", "", "2007-06-01"),
    ("the 7th of July", "", "2007-07-07"),
    ("On this day last year", "", "2006-07-06"),
    ("eight days after a", "A quake struck, eight days after a 7.0 quake.", "2007-06-28"),
])
def test_resolve_date_forward_cues_and_more_phrases(phrase, context, expected):
    assert resolve_date(phrase, FRI, context).date == expected


def test_days_before_another_event_stays_unresolved():
    # counted from the bombings, not from the report: no date rather than a wrong one
    assert resolve_date("nine days before the bombings", FRI) is None
    from newsbrief.dates import DATE_PHRASE
    assert not any("nine days" in m.group() for m in DATE_PHRASE.finditer("taken nine days before the bombings"))


# Cases read in the MultiLing stories' timelines (WikiNews, 2004-2010).
@pytest.mark.parametrize("phrase, context, ref, expected", [
    # a past verb right before the weekday outweighs "due to" (a cause, not a schedule)
    ("Wednesday", "Airlifts stopped Wednesday due to logistical issues.", date(2010, 2, 2), "2010-01-27"),
    ("Saturday", "The vote will be held Saturday.", date(2010, 2, 2), "2010-02-06"),   # passive after "be"
    ("March 11", "a conference that will take place next March 11 in New York.", date(2010, 3, 18), "2011-03-11"),
    ("May 25", "However, on May 4, the search was extended to May 25.", date(2010, 5, 6), "2010-05-25"),
    ("June 1", "an Air France plane that crashed on June 1 last year", date(2010, 5, 6), "2009-06-01"),
    ("this day one year ago", "", date(2006, 7, 7), "2005-07-07"),
    ("last weekend", "Sixteen bodies were recovered last weekend.", date(2009, 6, 8), "2009-06-01"),
    ("Friday", "The draft is expected to undergo several revisions before being finalized Friday.",
     date(2007, 12, 12), "2007-12-14"),
])
def test_resolve_date_cases_from_the_multiling_stories(phrase, context, ref, expected):
    assert resolve_date(phrase, ref, context).date == expected


def test_a_weekday_before_a_full_date_is_that_date_and_last_weekend_is_not_last_week():
    from newsbrief.dates import DATE_PHRASE
    found = [m.group() for m in DATE_PHRASE.finditer(
        'It struck on the "last weekend in the summer;" on Saturday, February 27, 2010. Last weekend it rained.')]
    assert found == ["on Saturday, February 27, 2010", "Last weekend"]


def test_habits_are_not_events_and_a_day_takes_the_year_the_story_gives_it():
    a = Article("a", "Suicide bombers attacked London on July 7, 2005, killing 52 people.", published=date(2005, 7, 12))
    b = Article("b", "Tents were ordered for the rainy season, which generally starts in May. "
                     "Opposition parties have now called for an inquiry into the 7 July link.",
                published=date(2007, 5, 1))
    events = build_timeline(Brief("t", (a, b), ()), segment(a) + segment(b)).timeline
    assert {e.date for e in events} == {"2005-07-07"}              # no May, no 7 July 2006
    assert {c.article_id for e in events for c in e.citations} == {"a", "b"}


# Cases from the audit of Multi-News timelines (tests/data/labels/timeline_audit_multinews.json).
@pytest.mark.parametrize("phrase, ref, expected", [
    ("this Thursday", date(2016, 1, 27), "2016-01-28"),      # the one of the report's week
    ("Jan. 20", date(2016, 12, 10), "2017-01-20"),           # weeks ahead, across new year
    ("until January", date(2014, 12, 10), "2015-01"),        # an end: the nearest January
    ("by June", date(2014, 3, 1), "2014-06"),
    ("May of 2016", date(2017, 7, 1), "2016-05"),
])
def test_resolve_date_cases_from_the_multinews_audit(phrase, ref, expected):
    assert resolve_date(phrase, ref).date == expected


def _dates_of(text: str, entities=()) -> list[str]:
    a = Article("a", text, published=date(2018, 7, 6))
    return [e.date for e in build_timeline(Brief("t", (a,), (), entities=entities), segment(a)).timeline]


def test_tallies_schedules_and_others_posts_are_not_events():
    assert _dates_of("At least 30 children have died in hot cars in the state since 1990, the group said.") == []
    assert _dates_of("The Kim family has ruled North Korea since 1948, the report noted.") == ["1948"]
    assert _dates_of("Her columns appear Sundays and Mondays in the paper. The station keeps a Saturday "
                     "schedule for the holiday. The desk is open Monday through Friday, officials said.") == []
    assert _dates_of("Airlines cancelled 18,000 flights from Saturday to Wednesday, the tracker said.") == ["2018-06-30"]
    assert _dates_of("The poll was first reported in USA Today by the campaign staff.") == []


def test_a_post_stamp_is_an_event_only_for_the_storys_main_people():
    from newsbrief.types import Entity, Variant
    text = ("Romney attacked Trump in a speech in Utah. — Mitt Romney (@MittRomney) March 3, 2016 "
            "The speech was mocked widely. — Max du Preez (@MaxduPreez) March 4, 2016")
    romney = Entity("Mitt Romney", "PERSON", (Variant("Mitt Romney", 2, ("a",)), Variant("Romney", 1, ("a",))))
    assert _dates_of(text, (romney,)) == ["2016-03-03"]
    assert _dates_of(text) == []


def test_later_counts_from_the_date_told_before_not_from_the_report():
    assert _dates_of("The first alert about the plant came in 2011. Three years later, inspectors "
                     "flagged a second site in Mouzeil.") == ["2011", "2014"]
    assert _dates_of("Three years later, inspectors flagged a second site in the west.") == []   # later than what?
    assert _dates_of("The emir named his son heir a day earlier, officials said.") == ["2018-07-05"]


def test_a_month_of_a_year_and_teaser_links_do_not_date_the_report():
    assert _dates_of("The tower's residents learned in May of 2016 that it had sunk 16 inches.") == ["2016-05"]
    a = Article("a", "The boy died in a hot car on Wednesday, police said.",
                removed=("► July 31: Parents arraigned on murder charges in hot-car death",))
    assert article_dates([a])["a"].date is None


def test_a_bare_weekday_of_tomorrow_is_tomorrow_unless_told_in_the_past():
    wed = date(2016, 1, 27)
    assert resolve_date("Thursday", wed, "Trump will skip Thursday's debate on Fox.").date == "2016-01-28"
    assert resolve_date("Thursday", wed, "The rally drew thousands Thursday.").date == "2016-01-21"
    assert resolve_date("Monday", wed, "Trump skipped Monday's forum.").date == "2016-01-25"


def test_a_year_named_once_does_not_date_a_report_but_one_named_often_does():
    caption = ("Donald Trump waves as he arrives in Warsaw, July 6 (AP Photo)",)
    once = Article("a", "Poland has bought gas from the US since 2015. Trump spoke on Thursday in Warsaw.",
                   removed=caption)
    assert article_dates([once])["a"].date is None
    often = Article("a", "Russia meddled in the 2016 election, the 2016 report found. Trump spoke Thursday.",
                    removed=caption)
    assert article_dates([often])["a"].date == date(2016, 7, 7)   # and on to the Thursday it tells of


def test_a_report_is_not_older_than_a_post_it_quotes():
    a = Article("a", "The tower has sunk 16 inches, 60 Minutes reported on Sunday.\n\n"
                     "Watch the segment. — Gabriel Sherman (@gabrielsherman) November 6, 2017",
                removed=("The Millennium Tower in San Francisco on Tuesday, July 18, 2017. (AP Photo)",))
    d = article_dates([a])["a"]
    assert (d.date, d.basis) == (date(2017, 11, 6), "post")


def test_relative_years_count_on_from_each_other():
    assert _dates_of("Bulldozers cleared the land in 1974. Four years later, the owner announced apartments. "
                     "A year later residents forced a halt to the works.") == ["1974", "1978", "1979"]


def test_a_report_dates_itself_no_earlier_than_the_days_it_tells_of():
    a = Article("a", "The mailer was sent on Tuesday, the campaign said Tuesday. Outrage over the ad "
                     "continued to grow on Wednesday, with party leaders condemning it.",
                removed=("A voter holds the mailer in Hartford on Tuesday, October 30, 2018. (AP Photo)",))
    assert article_dates([a])["a"].date == date(2018, 10, 31)
