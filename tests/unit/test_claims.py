"""Claims (figures, dates, attribution, certainty) and the agreements/conflicts built on them."""

from __future__ import annotations

import json
from datetime import date
import re

import pytest

from newsbrief.claims import extract
from newsbrief.quantities import DURATION, parse_duration, parse_number
from newsbrief.conflicts import relate_sources
from newsbrief.segment import segment
from newsbrief.types import Article, Brief

pytest.importorskip("spacy")


def _relate(articles):
    sentences = [s for a in articles for s in segment(a)]
    return relate_sources(Brief("t", tuple(articles), ()), sentences)


@pytest.fixture(scope="module")
def example(example_articles):
    return _relate(example_articles)


@pytest.mark.parametrize("text, value, qualifier", [
    ("more than 100,000", 100000.0, "more than"),
    ("1.7 million", 1.7e6, ""),
    ("eight", 8.0, ""),
    ("Some 2,500", 2500.0, "some"),
    ("90 per cent", 90.0, ""),
    ("hundreds", None, ""),
    ("nearly two dozen", 24.0, "nearly"),
    ("Forty-six", 46.0, ""),
    ("twenty one thousand", 21000.0, ""),
    ("half a dozen", 6.0, ""),
    ("nearly a half-dozen", 6.0, "nearly"),
])
def test_parse_number(text, value, qualifier):
    assert parse_number(text) == (value, qualifier)


@pytest.mark.parametrize("text, days", [
    ("eight-day", 8), ("more than a year", 365), ("near 2-year", 730), ("month-long", 30), ("28-month", 840),
])
def test_parse_duration(text, days):
    assert parse_duration(DURATION.search(text)) == days


def _by_topic(brief):
    return {c.topic: c for c in brief.conflicts}


def _values(brief, conflict):
    return {(brief.source_index(v.citation.article_id), v.text) for v in conflict.claims}


def test_example_district_control_conflict(example):
    c = next(c for t, c in _by_topic(example).items() if t.startswith("share of Khal"))
    values = _values(example, c)
    assert (0, "90 percent") in values and (2, "80%") in values and (4, "almost all") in values
    assert c.kind == "different_source"
    speakers = {v.text: v.speaker for v in c.claims}
    assert "al-Mayadeen" in speakers["80%"] and "Abu Rami" in speakers["90 percent"]


def test_example_war_toll_changed_over_time(example):
    c = _by_topic(example)["people killed (war)"]
    assert _values(example, c) == {(2, "more than 100,000"), (3, "more than 93,000")}
    assert c.kind == "changed_over_time"
    assert {v.date for v in c.claims} == {"2013-07-27", "2013-07-06"}
    assert next(v for v in c.claims if v.text == "more than 100,000").speaker == "The UN"


def test_example_offensive_length_conflict(example):
    c = _by_topic(example)["length of the offensive"]
    texts = {t for _, t in _values(example, c)}
    assert {"month-long", "eight-day"} <= texts
    # France 24's "On Saturday, the regime launched an extremely violent offensive" reads as one phrase
    assert {"launched on Saturday"} == {t for t in texts if "Saturday" in t}
    # AP reports the eighth day (6 July), AFP the fall (29 July): dates known, so the
    # difference is the offensive going on, not two sources disagreeing
    assert c.kind == "changed_over_time"


def test_claims_use_the_one_article_date_inference(example_articles):
    from newsbrief.report_dates import article_dates
    from newsbrief.origins import group_origins

    sentences = [s for a in example_articles for s in segment(a)]
    refs = article_dates(example_articles, group_origins(example_articles, sentences))
    found = extract(example_articles, sentences, dates=refs)
    assert found.report_dates == {k: (r.date.isoformat(), r.inferred) for k, r in refs.items()}
    assert extract(example_articles, sentences).report_dates["003_d306274263f23363"] == ("2013-07-06", True)


def test_relate_sources_reads_the_origins_and_dates_it_is_given(example_articles, example):
    # the pipeline groups origins and infers report dates once, for claims and the timeline
    from newsbrief.report_dates import article_dates
    from newsbrief.origins import group_origins

    sentences = [s for a in example_articles for s in segment(a)]
    origins = group_origins(example_articles, sentences)
    given = relate_sources(Brief("t", tuple(example_articles), ()), sentences,
                           origins=origins, dates=article_dates(example_articles, origins))
    assert given == example


def test_example_rebel_hold_conflict(example):
    c = _by_topic(example)["length of the rebel hold"]
    assert _values(example, c) == {(2, "more than a year"), (4, "near 2-year")}


def test_example_has_no_other_conflicts(example):
    # precision: only the four differences the example README describes
    assert len(example.conflicts) == 4


def test_wire_copies_count_once(example):
    c = next(c for t, c in _by_topic(example).items() if t.startswith("share of Khal"))
    assert sum(v.text.startswith("90 per") for v in c.claims) == 1   # 000 and 001 are one origin


def test_conflict_citations_point_at_the_value(example):
    texts = {a.id: a.text for a in example.articles}
    for c in example.conflicts:
        for v in c.claims:
            span = texts[v.citation.article_id][v.citation.start:v.citation.end]
            assert v.text.split()[-1].lower() in span.lower()


def test_attribution_and_certainty():
    text = ("Rebels seized the airport on Tuesday, state television said. "
            "An activist could not confirm that troops had entered the town. "
            "The army denied that civilians were killed in the raid. "
            "The bridge was closed for repairs.")
    a = Article("a", text)
    sentences = segment(a)
    found = extract([a], sentences)
    got = [found.attribution[s.id] for s in sentences]
    assert [g.certainty for g in got] == ["attributed", "unconfirmed", "denied", "fact"]
    assert got[0].speaker == "state television"
    assert got[3].speaker == ""


def test_figure_claims_keep_measure_and_speaker():
    a = Article("a", "The UN says more than 100,000 people have been killed in the conflict.")
    [claim] = [c for c in extract([a], segment(a)).claims if c.kind == "figure"]
    assert (claim.text, claim.value, claim.measure, claim.speaker, claim.certainty) == (
        "more than 100,000", 100000.0, "people killed (war)", "The UN", "attributed")


def test_report_date_inferred_and_relative_dates_resolved():
    a = Article("a", "Photo taken on Wednesday, July 3, 2013.\nThe offensive continued, an activist said Saturday. "
                     "The talks collapsed in June, officials said.")
    found = extract([a], segment(a))
    assert found.report_dates["a"] == ("2013-07-06", True)
    june = next(c for c in found.claims if c.kind == "date" and c.text.endswith("June"))
    assert june.value == "2013-06"


def test_far_apart_counts_are_not_a_conflict():
    # a day's toll and the war's toll measure different things, however alike the words
    a = Article("a", "The UN says more than 100,000 people have been killed in the war.")
    b = Article("b", "Officials said 40 people were killed in the war on Friday alone.")
    assert _relate([a, b]).conflicts == ()


def test_same_figure_from_two_origins_is_an_agreement():
    a = Article("a", "At least 12 people were killed in the explosion, police said.")
    b = Article("b", "The explosion killed 12 people, according to the fire service.")
    brief = _relate([a, b])
    assert brief.conflicts == ()
    assert [(g.value, g.origins) for g in brief.agreements] == [("At least 12", 2)]


def test_summary_sentences_get_origins_and_certainty(example_articles, tfidf):
    from newsbrief import summarize

    brief = summarize(example_articles, embedder=tfidf)
    assert all(s.origins >= 1 and s.certainty for s in brief.summary)
    for s in brief.summary:
        if re.search(r"\b(?:said|says|told)\b", s.text):
            assert s.certainty != "fact", s.text   # never an attributed claim as bare fact


def test_compare_command_prints_only_the_cross_source_part(example_dir, capsys):
    from newsbrief.cli import main

    assert main(["compare", str(example_dir), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "summary" not in out
    assert out["origins"][0]["sources"] == [0, 1]
    assert all(len(c["values"]) >= 2 for c in out["conflicts"])


def test_counts_phrased_differently_line_up_as_one_measure():
    # "robbed 23 banks" and "24 bank robberies" count one thing with other words
    a = Article("a", "Police say the trio robbed 23 banks in the Los Angeles area since November.")
    b = Article("b", "The suspects were involved in 24 bank robberies across the county, the LAPD said.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"23", "24"}


def test_an_approximate_count_close_to_a_value_is_not_a_conflict():
    a = Article("a", "Police say the trio robbed nearly two dozen banks in the area since November.")
    b = Article("b", "The suspects were involved in 23 bank robberies across the county, the LAPD said.")
    assert _relate([a, b]).conflicts == ()


def test_one_verb_with_other_words_counts_other_things():
    a = Article("a", "Three Republicans voted present on the bill in the House on Tuesday.")
    b = Article("b", "Only seven Republicans voted against the bill in the House on Tuesday.")
    assert _relate([a, b]).conflicts == ()


def test_ages_of_named_people_and_hyphenated_sizes_conflict():
    a = Article("a", "Her fiance, Alexis Ohanian, 33, was there. The man screamed during the 16-hour flight.")
    b = Article("b", "Reddit co-founder Ohanian, 34, said nothing. Passengers said he screamed on the 15-hour flight.")
    topics = {c.topic for c in _relate([a, b]).conflicts}
    assert topics == {"age of Alexis Ohanian", "time of the flight"}


def test_tolls_of_one_place_conflict_and_of_other_places_do_not():
    # "68 other deaths in the Caribbean" is "69 people killed in the Caribbean"; close unrounded
    # counts differ. The New York City toll is another measure than the Caribbean's.
    a = Article("a", "Sandy was blamed for 68 other deaths in the Caribbean. The storm killed 18 people in New York City.")
    b = Article("b", "It also killed 69 people in the Caribbean before making its way up the coast.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"68", "69"} and "Caribbean" in c.topic


def test_rounded_and_approximate_counts_are_compatible():
    # real negatives: "127" vs "almost 130", "195" vs "nearly 200", "16,271" vs "more than 16,000"
    for x, y in [("127", "almost 130"), ("195", "nearly 200"), ("16,271", "more than 16,000")]:
        a = Article("a", f"Airlines canceled {x} flights on Tuesday, according to Flightstats.")
        b = Article("b", f"The airlines have canceled {y} flights in addition to trains.")
        assert _relate([a, b]).conflicts == (), (x, y)


def test_counts_of_other_years_and_that_event_are_other_measures():
    a = Article("a", "The magnitude-6.2 quake killed at least 241 people. "
                     "The 2009 quake that struck L'Aquila killed more than 300 people.")
    b = Article("b", "That earthquake killed more than 300 people. The earthquake killed at least 247 people.")
    conflicts = _relate([a, b]).conflicts
    assert all("300" not in v.text for c in conflicts for v in c.claims)


def test_a_toll_climbing_to_a_number_is_a_count_of_the_killed():
    a = Article("a", "Forty-six people had been killed in the U.S., NBC News reported.")
    b = Article("b", "The U.S. death toll climbed to 40, many of the victims killed by falling trees.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"Forty-six", "40"}


def test_time_into_an_event_conflicts_only_at_a_whole_tenth_apart():
    a = Article("a", "A passenger said nearly 10 hours into the 16-hour flight, a man started screaming.")
    b = Article("b", "Passengers said he started screaming about nine hours into the 16-hour flight.")
    c = Article("c", "Passengers said he started screaming about 9.5 hours into the 16-hour flight.")
    [conflict] = _relate([a, b]).conflicts
    assert conflict.topic == "time into the flight"
    assert _relate([a, c]).conflicts == ()     # real negative: 5% apart, both approximate


def test_a_lede_toll_takes_the_place_its_body_gives():
    a = Article("a", "At least 46 people are dead after the storm. "
                     "Forty-six people had been killed in the U.S., NBC News reported.")
    b = Article("b", "The U.S. death toll climbed to 40, officials said.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"At least 46", "40"}


def test_a_reports_only_count_of_a_noun_is_the_storys_count():
    # one count of students per report, told with other verbs: one measure
    a = Article("a", "Officials said lifeguards on surfboards plucked 22 students out of the water.")
    b = Article("b", "Lifeguards on jet skis helped 20 students back to the shore, officials said.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"22", "20"}
    # real negative: values far apart count other students
    d = Article("d", "Lifeguards on jet skis helped 12 students back to the shore, officials said.")
    assert _relate([a, d]).conflicts == ()


def test_a_count_followed_by_more_is_an_increase_not_a_level():
    a = Article("a", "Under the new advice, 33 million Americans would meet the threshold to consider statins.")
    b = Article("b", "Aside from the cost of medicating 35 million more Americans, the advice is controversial.")
    assert _relate([a, b]).conflicts == ()


@pytest.mark.parametrize("text, ends", [
    ("between 18 and 22 students", (18.0, 22.0)), ("some estimates have 300 to 400 bodies", (300.0, 400.0)),
    ("attacked by 40-50 militants", (40.0, 50.0)), ("2 to 3 million people", (2e6, 3e6)),
    ("the 49ers won 24-10", None),
])
def test_parse_range(text, ends):
    from newsbrief.quantities import RANGE, parse_range
    m = RANGE.search(text)
    assert (parse_range(m) if m else None) == ends


def test_ranges_conflict_only_with_values_outside_them():
    a = Article("a", "In Breezy Point, a massive fire destroyed at least 110 homes, officials said.")
    b = Article("b", "In Breezy Point, the fire destroyed between 80 and 100 homes, officials said.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"at least 110", "between 80 and 100"}
    # a value inside the range, and a range with its own end, are the same figure
    d = Article("d", "In Breezy Point, the massive fire destroyed 90 homes, officials said.")
    assert _relate([b, d]).conflicts == ()
    e = Article("e", "The soldiers were attacked by 40-50 militants with rifles.")
    f = Article("f", "Officials are asking how 50 militants were able to attack the soldiers.")
    assert _relate([e, f]).conflicts == ()


def test_a_different_source_is_a_named_one():
    # "historians" and "multiple reports" name no source: the outlets contradict each other
    a = Article("a", "Historians say about 900,000 Jews were killed at the camp during the war.")
    b = Article("b", "Multiple reports say some 1.6 million Jews were killed at the camp during the war.")
    [c] = _relate([a, b]).conflicts
    assert c.kind == "contradiction"
    d = Article("d", "Rachel Feldman, a historian at Yad Vashem, said 1.6 million Jews were killed at the camp "
                     "during the war.")
    [c] = _relate([a, d]).conflicts
    assert c.kind == "different_source"


def test_rates_per_unit_of_time_line_up_and_speeds_do_not():
    a = Article("a", "Mitt Romney is losing 593 friends per hour on Facebook today.")
    b = Article("b", "More than 55,025 users have unliked the governor, at a rate of about 847 an hour.")
    [c] = _relate([a, b]).conflicts
    assert c.topic == "count per hour" and {v.text for v in c.claims} == {"593 friends per hour", "about 847 an hour"}
    d = Article("d", "The page continued to lose around 10 likes every minute.")   # 600 an hour: about 593
    assert _relate([a, d]).conflicts == ()
    e = Article("e", "Winds reached 60 miles per hour. In 1955 the two spent a week together.")
    f = Article("f", "Winds reached 80 miles per hour. In 1956 the two spent a month together.")
    assert _relate([e, f]).conflicts == ()


def test_amounts_in_a_unit_of_one_thing_conflict():
    a = Article("a", "The state's cannabis industry occupies at least 3.7 million square feet of industrial space in Denver.")
    b = Article("b", "These facilities occupy approximately 4.5 million square feet of space.")
    [c] = _relate([a, b]).conflicts
    assert c.topic == "area of the space"
    # real negatives: the ends of a range, and an amount of another thing
    d = Article("d", "On average, grows leased 10,000 to 20,000 square feet of space, CBRE said.")
    e = Article("e", "The growers bought about 4.5 million square feet of land.")
    assert _relate([a, d]).conflicts == () and _relate([a, e]).conflicts == ()


def test_a_bare_number_including_a_place_is_part_of_the_count_before_it():
    a = Article("a", "Forty-six people had been killed in the U.S., 23 of them in New York — "
                     "including 18 in New York City, NBC News reported.")
    b = Article("b", "Sandy killed 10 people in New York City. It also killed 23 people in New York.")
    [c] = _relate([a, b]).conflicts
    assert "New York City" in c.topic and {v.text for v in c.claims} == {"18", "10"}


def test_describing_adjectives_say_what_is_counted():
    a = Article("a", "When it comes to health outcomes, the U.S. performs worse than 11 other similar "
                     "industrialized nations, according to the report.")
    b = Article("b", "A think tank ranks the United States last when compared with 10 other western, "
                     "industrialized nations.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"11", "10"}


def test_a_place_owning_the_counted_noun_scopes_the_count():
    a = Article("a", "The storm continued its devastation, closing at least eight major airports.")
    b = Article("b", "Airlines canceled flights. New York City's three major airports remained closed.")
    assert _relate([a, b]).conflicts == ()


def test_a_participle_describing_the_noun_says_what_happened_to_it():
    # "bodies buried there" are people buried there; a range and an upper bound meeting at 300 differ
    a = Article("a", "The cemetery was once referred to as the old cemetery and some estimates have "
                     "300 to 400 bodies buried there.")
    b = Article("b", "As many as 300 people were buried there from 1897 to 1937.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"300 to 400", "As many as 300"}


def test_dates_of_one_event_conflict_when_their_days_do_not_overlap():
    a = Article("a", "According to that study, at least 34 bodies were moved to the city cemetery in 1974.")
    b = Article("b", "The water table forced coffins to rise, she said, so the bodies were moved in the 1960s.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"1974", "the 1960s"}
    # real negatives: a year inside the decade; another event dated otherwise
    d = Article("d", "The water table forced coffins to rise, so the bodies were moved in the 1970s.")
    e = Article("e", "In the 1960s, bulldozers cleared the land and the remaining tombstones.")
    assert _relate([a, d]).conflicts == () and _relate([a, e]).conflicts == ()


def test_a_value_stated_as_moving_makes_a_change_over_time():
    a = Article("a", "Forty-six people had been killed in the U.S., NBC News reported.")
    b = Article("b", "The U.S. death toll climbed to 40, many of the victims killed by falling trees.")
    [c] = _relate([a, b]).conflicts
    assert c.kind == "changed_over_time"
    d = Article("d", "The storm killed 40 people in the U.S., many of them by falling trees.")
    [c] = _relate([a, d]).conflicts
    assert c.kind != "changed_over_time"


def test_weekdays_of_one_event_in_undated_reports_conflict():
    a = Article("a", "Relatives called 911 after finding the body of Ritu Sachdeva on Saturday in her home.")
    b = Article("b", "Relatives found the body of Ritu Sachdeva in her Murphy home shortly after midnight Sunday.")
    [c] = _relate([a, b]).conflicts
    assert c.topic == "date of find (body)" and {v.value for v in c.claims} == {"Saturday", "Sunday"}
    # real negative: the body of someone else
    d = Article("d", "Police found the body of Hillary Kuizon on Sunday near a middle school.")
    assert _relate([a, d]).conflicts == ()


def test_a_source_telling_two_values_of_a_measure_makes_a_change_over_time():
    a = Article("a", "On Friday the page was losing 593 likes an hour. By Saturday the exodus was at 847 friends an hour.")
    c = Article("c", "More than 55,025 users have unliked the governor, at a rate of about 847 an hour.")
    [conflict] = _relate([a, c]).conflicts
    assert conflict.kind == "changed_over_time"
    d = Article("d", "Mitt Romney is losing 593 friends per hour on Facebook today.")
    [conflict] = _relate([d, c]).conflicts
    assert conflict.kind != "changed_over_time"


def test_reports_weeks_apart_count_their_own_events():
    # MultiLing: a trial in 2005 and another in 2007, each with its one count of charges
    a = Article("a", "He pleaded innocent to the five charges brought against him, but the jury found him guilty.",
                published=date(2005, 1, 15))
    b = Article("b", "Jordan faces a maximum sentence of 22 years for the six charges combined, officials said.",
                published=date(2007, 1, 27))
    assert _relate([a, b]).conflicts == ()
    same_week = [a, Article("b", b.text, published=date(2005, 1, 16))]
    assert len(_relate(same_week).conflicts) == 1       # one news cycle: one count of charges


def test_a_number_after_its_noun_names_it_and_a_scale_reading_is_no_count():
    a = Article("a", "Alexander Vinokourov of Kazakhstan has won stage 13 of the Tour de France on Saturday.")
    b = Article("b", "Alexandre Vinokourov of Kazakhstan has won stage 15 of the Tour de France in a time of five hours.")
    assert _relate([a, b]).conflicts == ()
    c = Article("c", "A 7.0 magnitude earthquake has struck off the coast of Haiti, according to the USGS.")
    d = Article("d", "At least 27 aftershocks were recorded, the strongest of which came in at 5.9 magnitude.")
    assert _relate([c, d]).conflicts == ()


def test_a_figure_the_toll_could_reach_is_a_projection():
    a = Article("a", "A spokesman for the Red Cross speculated that the toll could increase to over 100,000 people "
                     "as the smaller islands are checked.")
    b = Article("b", "The death toll from the earthquake and tsunamis has risen to 80,000 people, officials said.")
    assert _relate([a, b]).conflicts == ()
    now = Article("a", "A spokesman for the Red Cross said that the toll had increased to over 100,000 people.")
    assert len(_relate([now, b]).conflicts) == 1


def test_a_death_count_and_a_toll_passing_a_number_are_tolls():
    a = Article("a", "The death toll from the earthquake and tsunamis continues to rise, passing 80,000 people "
                     "according to reports from several news agencies.", published=date(2004, 12, 29))
    b = Article("b", "Nearly a week after the waves scoured the coasts, the confirmed death count is over 120,000.",
                published=date(2005, 1, 1))
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"80,000", "120,000"} and c.kind == "changed_over_time"
    other = Article("b", "Nearly a week after the waves scoured the coasts, the confirmed count of shelters is "
                         "over 120,000.", published=date(2005, 1, 1))
    assert _relate([a, other]).conflicts == ()


def test_a_toll_estimated_in_the_passive_is_attributed_to_no_one_named():
    a = Article("a", "As many as 200,000 people were killed by the tremors, which struck on January 12, officials said.",
                published=date(2010, 1, 29))
    b = Article("b", "The death toll, as of Friday, is estimated to be 110,000.", published=date(2010, 1, 23))
    [c] = _relate([a, b]).conflicts
    told = {v.text: v for v in c.claims}
    assert set(told) == {"As many as 200,000", "110,000"}
    assert told["110,000"].speaker == "unnamed" and told["110,000"].certainty == "attributed"


def test_words_saying_when_or_from_where_keep_one_measure():
    # "were also recorded", "recovered from the ocean", "recovered so far": the same count as the bare verb
    a = Article("a", "The USGS said 13 aftershocks were recorded after the quake on Tuesday.")
    b = Article("b", "The USGS said at least 27 aftershocks were also recorded after the quake on Tuesday.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"13", "at least 27"}
    d = Article("d", "The air force said 16 bodies have been recovered from the waters of the ocean.")
    e = Article("e", "The air force said 9 bodies have been recovered so far.")
    [c] = _relate([d, e]).conflicts
    assert {v.text for v in c.claims} == {"16", "9"}
    f = Article("f", "Officials said 120 people were buried there with their headstones.")
    g = Article("g", "Officials said 200 people were buried there.")
    [c] = _relate([f, g]).conflicts
    assert {v.text for v in c.claims} == {"120", "200"}


def test_a_count_that_there_is_belongs_to_no_other_clause():
    # "there were thirteen aftershocks ...; seven others measured ...": the count exists, it is not "measured"
    a = Article("a", "According to the USGS, there were 13 aftershocks after the quake; seven others measured 5.0.")
    b = Article("b", "According to the USGS, there were 27 aftershocks after the quake.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"13", "27"}


def test_sizes_stated_in_other_units_compare_in_metres():
    a = Article("a", "Resting off Alassio, the vessel is estimated to be 98 feet (30 m) long, archaeologists said.")
    b = Article("b", "Archaeologists spent almost two years searching for the 25-meter wreck off Alassio.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"98 feet", "25-meter"} and c.topic.startswith("length")
    # real negative: the same length in another unit
    d = Article("d", "Archaeologists spent almost two years searching for the 30-meter wreck off Alassio.")
    assert _relate([a, d]).conflicts == ()


@pytest.mark.parametrize("text, value, qualifier", [
    ("another 20", 20.0, ""), ("upwards of $65,000", 65000.0, "upwards of"), ("above 150,000", 150000.0, "above"),
])
def test_parse_number_whole_words_and_more_bounds(text, value, qualifier):
    assert parse_number(text) == (value, qualifier)


def test_another_count_is_an_increase_and_or_so_is_approximate():
    a = Article("a", "Another 20 people were injured in the blast on Monday, police said.")
    b = Article("b", "Twelve people were injured in the blast on Monday, police said.")
    assert _relate([a, b]).conflicts == ()
    c = Article("c", "Autopsies were done on the fifty or so bodies that have been found, a spokesman said.")
    d = Article("d", "Officials said 55 bodies have been found, a spokesman said.")
    assert _relate([c, d]).conflicts == ()


def test_salary_thresholds_with_any_bound_word_are_no_figures():
    a = Article("a", "Brock had a good job and was earning upwards of $65,000 a year.")
    b = Article("b", "Firms would pay 1 percent of the salaries of employees who earn above $150,000.")
    assert _relate([a, b]).conflicts == ()
    c = Article("c", "Her partner was earning $90,000 a year.")
    assert _relate([a, c]).conflicts == ()


def test_storeys_a_building_has_are_its_height_in_storeys():
    a = Article("a", "Activists scaled the 72-storey office and residential block on Thursday.")
    b = Article("b", "The Shard stands at 310m (1,016ft) and has 87 storeys.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"72-storey", "87"}
    # real negative: floors a fire reached are no building's height
    d = Article("d", "The fire spread to 3 floors of the building, firefighters said.")
    assert _relate([a, d]).conflicts == ()


def test_years_later_count_from_the_year_told_before_not_the_report():
    # as the timeline counts them (dates.shift_date): from the date told just before
    a = Article("a", "According to news accounts, in 1974, bulldozers cleared the land. Four years later, the "
                     "former owner announced plans to build apartments.", published=date(2015, 3, 2))
    dated = {c.text: c.value for c in extract([a], list(segment(a))).claims if c.kind == "date"}
    assert dated["Four years later"] == "1978"
    # no year told before: no date at all, not four years after the report
    b = Article("b", "Four years later, the former owner announced plans to build apartments.", published=date(2015, 3, 2))
    assert all(c.text != "Four years later" for c in extract([b], list(segment(b))).claims)
    # and they count on from each other: 1974, four years later (1978), a year later (1979)
    c = Article("c", "In 1974, bulldozers cleared the land. Four years later, the owner announced apartments. "
                     "A year later, residents forced a halt to the works.", published=date(2015, 3, 2))
    dated = {c.text: c.value for c in extract([c], list(segment(c))).claims if c.kind == "date"}
    assert (dated.get("Four years later"), dated.get("A year later")) == ("1978", "1979")


def test_times_of_day_of_one_event_compare_in_utc():
    a = Article("a", "The quake struck at 4:53 p.m. on Tuesday, the USGS said.")
    b = Article("b", "The quake struck at 4:41 pm on Tuesday, officials said.")
    [c] = _relate([a, b]).conflicts
    assert c.topic == "time of strike (quake)" and {v.text for v in c.claims} == {"4:53 p.m.", "4:41 pm"}
    # real negatives: the same time in another zone's words, and other tremors
    d = Article("d", "Air France said the plane encountered an area of heavy turbulence at 02:00 GMT.")
    e = Article("e", "Air France said the plane encountered the area at about 23.00 local time (02.14 GMT).")
    assert _relate([d, e]).conflicts == ()
    f = Article("f", "The first tremor took place at 05:19 local time (08:19 UTC).")
    g = Article("g", "The second tremor took place at 02:21 local time (05:21 UTC).")
    assert _relate([f, g]).conflicts == ()
    # no time of an event: a span of times, a bare 24-hour figure (a clip's length)
    h = Article("h", "Police want to establish his movements between 8.26am at King's Cross and 9.47am on Thursday. "
                     "The clip, 02:56 long, was shared by the victim's sister on Monday.")
    assert not [c for c in extract([h], list(segment(h))).claims if c.measure.startswith("time of")]


@pytest.mark.parametrize("text, minutes", [
    ("08:30 BST", (450.0, "UTC")), ("8.26am", (506.0, "")), ("11:10 p.m.", (1390.0, "")),
    ("23.00 local time (02.14 GMT)", (134.0, "UTC")), ("10.30", None), ("at 8", None),
])
def test_clock_minutes(text, minutes):
    from newsbrief.quantities import clock_minutes
    assert clock_minutes(text) == minutes


def test_a_count_that_there_is_is_the_reports_count_of_its_noun():
    # each report's one count of aftershocks, one existential: the same aftershocks, within a factor of 3
    a = Article("a", "According to data from the USGS, there were 13 aftershocks after the initial tremors.")
    b = Article("b", "At least 27 aftershocks were also recorded, the strongest of which came in at 5.9.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"13", "At least 27"}
    far = Article("b", "At least 45 aftershocks were also recorded, the strongest of which came in at 5.9.")
    assert _relate([a, far]).conflicts == ()


def test_readings_in_degrees_of_one_thing_conflict_when_a_range_excludes_a_value():
    a = Article("a", "Temperatures were in the 80s on Wednesday, meaning the temperature inside the truck could "
                     "have easily reached 120 degrees.")
    b = Article("b", "The high yesterday was 89 degrees, which means the interior of the truck could've easily "
                     "reached between 130-170 degrees.")
    [c] = _relate([a, b]).conflicts
    assert c.topic == "degrees of the truck" and {v.text for v in c.claims} == {"120 degrees", "between 130-170 degrees"}
    # real negatives: a value in the range; a difference, a forecast, a city's weather; the other scale
    inside = Article("c", "The temperature inside the truck could have reached 150 degrees.")
    warmer = Article("d", "The interior of the truck was 40 degrees hotter than the air outside.")
    forecast = Article("e", "The temperature inside the truck will reach 160 degrees by noon, experts said.")
    city = Article("f", "Temperatures in Nashville averaged about 70 degrees Wednesday.")
    celsius = Article("g", "The temperature inside the truck could have reached 55 degrees, police said.")
    for other in (inside, warmer, forecast, city, celsius):
        assert _relate([b, other]).conflicts == ()
    # nor is a target: what a verb limits is its object, not its subject's reading
    target_a = Article("h", "Leaders pledged efforts to limit the temperature increase to 1.5 °C.")
    target_b = Article("i", "Ministers backed efforts to limit the temperature increase to 2 °C.")
    assert _relate([target_a, target_b]).conflicts == ()


def test_the_youngest_of_a_group_conflicts_with_the_low_end_of_its_ages():
    a = Article("a", "Police said they knew of nine sexual assaults on British girls between the ages of six and 12 "
                     "who were on holiday in the Algarve.")
    b = Article("b", "Police are hunting a man who may have struck 18 times, assaulting British girls as young as 10 "
                     "as they slept in their beds.")
    [c] = _relate([a, b]).conflicts
    assert c.topic == "youngest age of the girls" and {v.text for v in c.claims} == {"six", "as young as 10"}
    # real negatives: the same youngest age; other girls; two age brackets of a population
    same = Article("c", "He is suspected of assaulting British girls as young as six in their beds.")
    other = Article("d", "The academy trains Portuguese girls as young as 10 to swim.")
    assert _relate([a, same]).conflicts == () and _relate([a, other]).conflicts == ()
    e = Article("e", "Labor force participation for women aged 25 to 54 fell nearly 3 points.")
    f = Article("f", "Labor force participation for women aged 16 to 24 fell by a point.")
    assert _relate([e, f]).conflicts == ()


def test_chances_of_one_event_told_in_other_words_conflict():
    a = Article("a", "Nate Silver's recent commentary that Republicans have a 60 percent chance of a Senate takeover "
                     "is similarly disconcerting.")
    b = Article("b", "The Monkey Cage is the most bullish, saying that it is more than 80 percent likely that the "
                     "Republicans will take control of the Senate in January.")
    [c] = _relate([a, b]).conflicts
    assert {v.text for v in c.claims} == {"60 percent", "more than 80 percent"} and c.topic.startswith("chance")
    # real negatives: chances of other races, and of an event told too shortly to say which
    d = Article("d", "Ted Cruz has a 99 percent chance of winning the Utah caucuses, the data journalists say.")
    e = Article("e", "Donald Trump has a 40 percent chance of winning the Arizona primary, the data journalists say.")
    f = Article("f", "She has a 70 percent chance of winning.")
    g = Article("g", "She has a 90 percent chance of winning the nomination.")
    assert _relate([d, e]).conflicts == () and _relate([f, g]).conflicts == ()
