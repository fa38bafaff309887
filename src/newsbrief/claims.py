"""Checkable statements in each report, as typed claims: figures, dates, who says them, how sure.

Claims read the story's one spaCy parse (``nlp.parse_story``, the ``nlp`` extra; shared with
entities) and each report's date from ``dates.article_dates`` (shared with the timeline); then

- figures: counts ("more than 100,000 people have been killed"), percentages and shares
  ("90 percent of Khaldiyeh", "almost all of Khalidiya"), money, quantities and durations
  ("eight-day campaign", "held ... for more than a year", "launched ... a month ago") become
  ``Claim(kind="figure")`` with what they measure;
- dates of events ("on Monday", "in June", "March 2012") become ``Claim(kind="date")``,
  resolved with ``dates.resolve_date`` against the report's date where known or inferred;
- sentences someone else vouches for ("state television said", "could not confirm") become
  ``Claim(kind="statement")`` so that what only one side claims stays visible.

Each claim keeps its speaker and certainty (fact, attributed, unconfirmed, denied) and cites
the sentence it rests on. ``conflicts.py`` aligns claims across origins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from .align import fold_name
from .attribution import Attribution, attribute
from .dates import COUNTED_FROM_BEFORE, resolve_date, shift_date
from .measures import (DEATH_NOUNS, EVENTS, FULL_YEAR, INCREMENTS, INCREMENTS_BEFORE, MOVING, NOUNS,
                       count_range, event_of, iso_days, part_of_count, PLACE_LABELS, START_VERBS, Figure,
                       event_scope, group_of, is_label_number, toll_passing, is_projection, is_range_or_threshold, is_remainder, lemma_of,
                       place_scope, place_unplaced, predicate_of, share_object, toll_of)
from .report_dates import ArticleDate, article_dates
from .amounts import ages_and_sizes, amounts_of, chances, degrees_of, elapsed, group_ages, rates, stated_sizes, token_at
from .nlp import MISSING, StoryParse, ensure_parse
from .quantities import (DECADE, DURATION, PERCENT, SHARE, SHARE_VALUE, STOREY_NOUNS, UNIT_DAYS, WEEKDAYS,
                         CLOCK, clock_minutes, is_clock, parse_duration, parse_number)
from .timeline import TOLD_BEFORE_SENTENCES
from .types import Article, Citation, Claim, Origin, ResolvedDate, Sentence

# A currency named with an amount, in it or right after it ("$9,000", "4 million dollars"): the small
# model tags bare counts MONEY too ("cut power to more than 8.2 million", "the #30 bus").
_CURRENCY = re.compile(r"[$£€¥]|\b(?:dollars?|euros?|pounds?|yen|yuan|rupees?|cents?|bucks|USD|EUR|GBP)\b", re.I)
# Characters after a MONEY entity searched for its currency word ("3 and 4 million dollars").
_CURRENCY_AFTER = 10


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one story: claims, figures with their keys, per-sentence attribution."""

    claims: tuple[Claim, ...]
    figures: tuple[Figure, ...]
    attribution: dict[str, Attribution]   # sentence id -> who vouches for it
    report_dates: dict[str, tuple[str, bool]]   # article id -> (ISO date or "", inferred)


def extract(articles: Sequence[Article], sentences: Sequence[Sentence], parsed: StoryParse | None = None,
            *, dates: dict[str, ArticleDate] | None = None, origins: Sequence[Origin] = ()) -> Extraction:
    """Claims of every article of one story.

    Args:
        articles: the reports.
        sentences: their sentences (from ``segment``); claims cite these.
        parsed: the story's spaCy parse (``nlp.parse_story``), when already made; else parsed here.
        dates: each article's reference date (``timeline.article_dates``); inferred here when
            not given, with ``origins`` for the wire-copy rule.
        origins: the story's origin groups.

    Raises:
        ImportError: spaCy or its English model is not installed (``pip install newsbrief[nlp]``).
    """
    parsed = ensure_parse(articles, parsed)
    if not parsed.available:
        raise ImportError(parsed.missing or MISSING)
    dates = dates if dates is not None else article_dates(articles, origins)
    by_article: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_article.setdefault(s.article_id, []).append(s)
    claims: list[Claim] = []
    figures: list[Figure] = []
    attribution: dict[str, Attribution] = {}
    report_dates: dict[str, tuple[str, bool]] = {}
    for article in articles:
        doc = parsed.doc(article.id)
        doc_ents = doc.ents
        ref = dates.get(article.id)
        base = ref.date if ref else None
        when = base.isoformat() if base else ""
        report_dates[article.id] = (when, bool(ref and ref.inferred and base))
        previous = None
        told: tuple[int, ResolvedDate] | None = None   # the last date a sentence told by itself
        own: list[Figure] = []
        for s in sorted(by_article.get(article.id, []), key=lambda s: s.index):
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            if span is None:
                continue
            who = attribute(span, previous)
            previous = who
            attribution[s.id] = who
            cite = Citation(article.id, s.id, s.start, s.end)
            # Span.ents walks the whole doc each time: pick this sentence's from the doc's once
            ents = [e for e in doc_ents if e.start >= span.start and e.end <= span.end]
            found = _figures_in(s, span, ents, cite, who, when, base, article.text)
            own += found
            anchor = told[1] if told is not None and s.index - told[0] <= TOLD_BEFORE_SENTENCES else None
            dated, events, last = _dates_in(ents, cite, who, when, base, anchor)
            told = (s.index, last) if last is not None else told
            claims += dated
            figures += events    # their claims are among ``dated``
            timed = _times_in(s, doc, article.text, cite, who, when)
            claims += [f.claim for f in timed]
            figures += timed
            if not found and who.certainty != "fact" and len(s.text.split()) >= 6:
                claims.append(Claim("statement", s.text, "", None, who.speaker, who.certainty, cite, when))
        own = place_unplaced(own)
        figures += own
        claims += [f.claim for f in own]
    return Extraction(tuple(claims), tuple(figures), attribution, report_dates)


# --- figures ---------------------------------------------------------------------------------

def _figures_in(sentence: Sentence, span, ents, cite: Citation, who: Attribution, when: str,
                base: date | None, full: str) -> list[Figure]:
    # ``full``: the article's text (Doc.text rebuilds the string on every access)
    doc = span.doc
    year = base.year if base is not None else None
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(kind_key, text, value, measure, start, end, **kw):
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        claim = Claim("figure", text, measure, value, who.speaker, who.certainty, cite, when)
        moving = bool(MOVING.search(full[max(0, start - 24):start]))
        out.append(Figure(claim, kind_key, named=who.named, moving=moving, **kw))

    # durations first: NER labels them DATE, and "eight-day" must not become a count of 8
    for m in DURATION.finditer(sentence.text):
        start = sentence.start + m.start()
        tok = token_at(doc, start)
        if tok is None:
            continue
        after = sentence.text[m.end():m.end() + 6].lower()
        days = parse_duration(m)
        last = token_at(doc, sentence.start + m.end() - 1)
        event = ""
        text = m.group()
        if after.startswith(" ago"):
            verb = last.nbor(1).head if last is not None and last.i + 1 < len(doc) else None
            if verb is None or lemma_of(verb) not in START_VERBS:
                continue
            objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
            event = next((g for c in objs if (g := group_of(lemma_of(c), EVENTS))), "")
            text += " ago"
        elif m.group("adj") or m.group("u2") or (last is not None and last.dep_ in {"compound", "amod", "nummod"}
                                                   and last.head.i > last.i):
            head = last.head if last is not None else None
            event = group_of(lemma_of(head), EVENTS) or "" if head is not None else ""
        else:
            prep = tok.doc[tok.i - 1] if tok.i > 0 else None
            if prep is not None and prep.lower_ in {"over", "for", "nearly", "almost", "more", "than"}:
                while prep is not None and prep.lower_ not in {"for", "over"} and prep.i > 0:
                    prep = prep.doc[prep.i - 1]
                if prep is not None and prep.lower_ in {"for", "over"}:
                    head = prep.head
                    event = group_of(lemma_of(head), EVENTS) or ""
                    if not event and head.lower_ in {"hands"}:
                        event = "rebel hold"
        if not event:
            continue
        qualifier = (m.group("q") or "").lower()
        add(("duration", event), text, days, f"length of the {event}", start,
            sentence.start + m.end(), days=True, qualifier=qualifier)

    ages_and_sizes(sentence, doc, ents, full, add)
    elapsed(sentence, doc, add)
    stated_sizes(sentence, doc, add)
    rates(sentence, doc, add)
    amounts_of(sentence, doc, full, add)
    degrees_of(sentence, doc, full, add)
    group_ages(sentence, doc, add)
    chances(sentence, doc, add)

    # an event launched on a weekday: its length so far is under a week
    for m in re.finditer(r"\bon (" + "|".join(WEEKDAYS) + r")\b", sentence.text, re.I):
        tok = token_at(doc, sentence.start + m.start())
        verb = tok.head if tok is not None else None
        if verb is None or lemma_of(verb) not in START_VERBS:
            continue
        objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
        event = next((g for c in objs if (g := group_of(lemma_of(c), EVENTS))), "")
        if not event or event == "war":
            continue
        days = 7.0
        if base is not None:
            days = float((base.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7)
        # vague: a start day is a bound on the length, to list beside a conflict, not to make one
        # read as one phrase, the weekday after its verb ("On Saturday, the regime launched" -> "launched on Saturday")
        add(("duration", event), f"{verb.text} {m.group()[0].lower()}{m.group()[1:]}", max(days, 1.0), f"length of the {event}",
            sentence.start + m.start(), sentence.start + m.end(), days=True, vague=True,
            qualifier="" if base is not None else "less than")

    # shares: "almost all of Khalidiya", "most of the neighbourhood"
    for m in SHARE.finditer(sentence.text):
        tok = token_at(doc, sentence.start + m.start("w"))
        if tok is None:
            continue
        what, name = share_object(tok)
        pred, _ = predicate_of(tok)
        if not what or pred != "controlled":
            continue
        q = (m.group("q") or "").lower()
        value = SHARE_VALUE[m.group("w").lower()] - (5.0 if q in {"almost", "nearly"} else 0.0)
        add(("percent", what, pred), m.group().strip()[:-3].strip(), value, f"share of {name} {pred}",
            sentence.start + m.start(), sentence.start + m.end(), vague=True, qualifier=q)

    for ent in ents:
        if ent.label_ not in {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}:
            continue
        start, end = ent.start_char, ent.end_char
        text = ent.text
        # "$" often lies just before the entity ("up over $9,000" tags "9,000")
        money = _CURRENCY.search(full, max(0, start - 1), end + _CURRENCY_AFTER)
        label = "CARDINAL" if ent.label_ == "MONEY" and not money else ent.label_
        if PERCENT.search(text) or full[end:end + 9].lower().startswith((" percent", " per cent")):
            value, q = parse_number(text)
            if value is None:
                continue
            what, name = share_object(ent.root)
            pred, _ = predicate_of(ent.root)
            if not what or not pred:
                continue
            add(("percent", what, pred), text, value, f"share of {name} {pred}", start, end, qualifier=q)
            continue
        if any(is_clock(m) for m in CLOCK.finditer(full, start, min(len(full), end + 12)) if m.start() < end):
            continue   # "23.00 local time", "10:30": a time of day (``_times_in``), not a count
        value, q = parse_number(text)
        if not q and re.match(r"\s+or so\b", full[end:end + 7]):
            q = "about"     # "the fifty or so bodies": a round figure, not an exact count
        if value is None or (value == 1 and not re.search(r"\d", text)):
            continue   # vague ("hundreds") or "one of ..."
        upper, root = None, ent.root
        span = count_range(full, start, end) if label in {"CARDINAL", "MONEY"} else None
        if span is not None:
            start, end, value, upper = span     # "between 18 and 22 students", "$3-$4 million": one amount, a range
            text, q = full[start:end], "between"
            # the end that modifies the counted noun ("80" in "between 80 and 100 homes")
            tokens = doc.char_span(start, end, alignment_mode="expand") or ()
            root = next((t for t in tokens if t.dep_ in {"nummod", "quantmod"}
                         and not start <= t.head.idx < end), root)
        elif is_range_or_threshold(full, start, end, q):
            continue   # "$1.6 million to $10 million", "earning less than $25,000": not one value
        if label == "MONEY":
            pred, _ = predicate_of(ent.root)
            if pred:
                add(("money", pred), text, value, f"amount {pred}", start, end, qualifier=q, upper=upper)
            continue
        noun = root.head if root.dep_ in {"nummod", "quantmod"} else None
        if noun is not None and noun.dep_ == "nummod":
            noun = noun.head      # "Some 2,500 to 4,000 civilians"
        if (noun is not None and is_label_number(root, noun)) or is_projection(ent.root):
            continue   # "won stage 13" names a stage; "could rise to 100,000" is not the toll yet
        toll = toll_of(ent.root) if noun is None and label == "CARDINAL" else None
        if toll is not None:
            # "the U.S. death toll climbed to 40": a count of the killed, of the toll's place
            named = next((e.text for e in ents if e.label_ in PLACE_LABELS
                          and e.start_char < toll.idx and toll.left_edge.idx <= e.start_char), "")
            place, shown = (fold_name(named), named) if named else place_scope(toll, toll.head, year)
            add(("count", "people", "killed", "", place), text, value,
                "people killed" + (f" ({shown})" if shown else ""), start, end, qualifier=q,
                concepts=frozenset({"people", "killed", "toll"}), upper=upper)
            continue
        part = part_of_count(ent.root) if noun is None and label == "CARDINAL" else None
        whole = next((f for f in reversed(out) if f.key[0] == "count" and len(f.key) > 4
                      and f.claim.citation.start <= start), None) if part is not None else None
        if whole is not None:
            # "46 people had been killed ..., including 18 in New York City": 18 killed there
            named = next((e for e in ents if e.start <= part.i < e.end), None)
            shown = named.text if named is not None else part.text
            base_measure = whole.claim.measure.split(" (")[0]
            add(whole.key[:4] + (fold_name(shown) or part.lower_,), text, value, f"{base_measure} ({shown})",
                start, end, qualifier=q, concepts=whole.concepts, upper=upper)
            continue
        if (noun is None or noun.pos_ not in {"NOUN", "PROPN"} or lemma_of(noun) in UNIT_DAYS
                or label == "QUANTITY" or len(noun.text) <= 2 or is_remainder(ent.root, noun)):
            continue   # units ("400g") measure amounts, not things counted; "the other three"
        building = _storeys_of(noun)
        if building is not None:
            # "The Shard ... has 87 storeys": the building's height in storeys, as "the 72-storey block"
            add(("size", "storeys", lemma_of(building)), text, value, f"storeys of the {lemma_of(building)}",
                start, end, qualifier=q)
            continue
        unit_key = ("count", NOUNS.get(lemma_of(noun), lemma_of(noun)))
        anchor = noun.head if noun.dep_ == "conj" else noun
        pred, verb = predicate_of(anchor)
        if lemma_of(noun) in DEATH_NOUNS or (unit_key[1] == "people" and verb is not None and toll_passing(verb)):
            unit_key, pred = ("count", "people"), "killed"    # "68 other deaths" = 68 people killed
        if not pred:
            continue
        if _CURRENCY.fullmatch(noun.text):
            # "lost between 3 and 4 million dollars": an amount of money, as "lost $3-$4 million" is
            add(("money", pred), text, value, f"amount {pred}", start, end, qualifier=q, upper=upper)
            continue
        scope = event_scope(verb, pred, noun)
        if (ent.end < len(doc) and doc[ent.end].lower_ in INCREMENTS
                or any(t.lower_ in INCREMENTS_BEFORE for t in doc[max(0, ent.start - 2):ent.start + 1])):
            scope = "increase"      # "35 million more Americans", "another 20 people": a change, not a level
        place, shown = place_scope(noun, verb, year)
        measure = f"{noun.lemma_.lower() if unit_key[1] != 'people' else 'people'} {pred}"
        # the noun's compounds and describing adjectives ("industrialized nations"; not "other")
        concepts = {unit_key[1], pred.split()[0], *(lemma_of(c) for c in noun.children if c.dep_ == "compound"
                                                   or c.dep_ == "amod" and c.pos_ == "ADJ" and not c.is_stop)}
        if verb is not None and verb.pos_ == "VERB":
            concepts.add(lemma_of(verb))
        where = ", ".join(x for x in (scope, shown) if x)
        add(unit_key + (pred, scope, place), text, value, measure + (f" ({where})" if where else ""), start, end,
            qualifier=q, concepts=frozenset(concepts), upper=upper)
    return out


def _storeys_of(noun):
    """The subject a count of storeys or floors is the height of ("The Shard stands at 310m and
    has 87 storeys" -> Shard), or None: only what a building has or is, not "fire spread to 3 floors"."""
    if lemma_of(noun) not in STOREY_NOUNS or noun.dep_ not in {"dobj", "attr"}:
        return None
    verb = noun.head
    if lemma_of(verb) not in {"have", "be", "boast"}:
        return None
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        subject = next((c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject if subject.pos_ in {"NOUN", "PROPN"} else None
    return None


# --- dates -----------------------------------------------------------------------------------

def resolve_claim_date(text: str, base: date | None, context: str = "") -> str:
    """ISO date (day, week's Monday, month or year) of a date as spaCy tags it ("June", "Saturday",
    "a month ago"), against the report's date; "" when it cannot be placed.

    The timeline's ``resolve_date`` does the work, so a claim and a timeline entry built on one
    phrase carry one date; bare months and years are read as "in June", "in 2011".
    """
    r = _placed(text, base, context)
    return r.date if r is not None else ""


def _placed(text: str, base: date | None, context: str = ""):
    return resolve_date(text, base, context) or resolve_date(f"in {text}", base, context)


_WEEKDAY_END = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?$", re.I)


# Parts of a day the parser makes the head of a day ("On Monday afternoon": Monday -> afternoon).
_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "overnight"}


def _date_head(ent):
    """The word a date phrase dates: its head, past prepositions and the part of the day ("on
    Saturday" -> "finding"; "On Monday afternoon, the network released" -> "released")."""
    head = ent.root.head
    while (head.pos_ == "ADP" or head.lower_ in _PARTS_OF_DAY) and head.head.i != head.i:
        head = head.head
    return head


def _dates_in(ents, cite: Citation, who: Attribution, when: str, base: date | None,
              anchor: ResolvedDate | None = None) -> tuple[list[Claim], list[Figure], ResolvedDate | None]:
    """Date claims of a sentence, the dates of events among them as figures to compare, and the
    last date it tells. "Three years later" counts from ``anchor``, the date told just before (as
    the timeline counts it: ``dates.shift_date``), never from the report's date; the dates it
    gives count on ("in 1974 ... four years later ... a year later" is 1979)."""
    out, events, last = [], [], None
    for ent in ents:
        text = ent.text.strip()
        if base is None and ent.label_ in {"DATE", "TIME"} and (day := _WEEKDAY_END.search(text)):
            # undated reports of one story tell one week: "on Saturday" vs "after midnight Sunday"
            event = event_of(_date_head(ent))
            if event:
                n = WEEKDAYS.index(day.group(1).lower())
                claim = Claim("date", text, f"date of {event[0]} ({event[1]})",
                              day.group(1).title(), who.speaker, who.certainty, cite, when)
                events.append(Figure(claim, ("date", *event, "weekday"), named=who.named, when=(n, n)))
            continue
        counted = COUNTED_FROM_BEFORE.search(text) if ent.label_ == "DATE" else None
        if counted:
            # "a day earlier" with no date before it counts from the report's date, as in the timeline
            found = (shift_date(anchor, text) if anchor is not None
                     else _placed(text, base, ent.sent.text) if counted[3].lower() == "earlier" else None)
            if found is not None:            # the chain moves: 1974, "four years later", "a year later" 1979
                anchor = last = found
                out_, events_ = _dated(ent, text, found.date, found, cite, who, when)
                out += out_
                events += events_
            continue
        if ent.label_ != "DATE" or DURATION.fullmatch(text):
            continue
        decade = DECADE.fullmatch(text)
        if base is None and not FULL_YEAR.search(text) and not decade:
            continue   # a relative date with nothing to resolve it against
        found = None if decade else _placed(text, base, ent.sent.text)
        iso = decade.group("d") + "s" if decade else found.date if found is not None else ""
        if not iso:
            continue
        last = found or last
        anchor = found or anchor
        out_, events_ = _dated(ent, text, iso, found, cite, who, when)
        out += out_
        events += events_
    return out, events, last


def _times_in(sentence: Sentence, doc, full: str, cite: Citation, who: Attribution, when: str) -> list[Figure]:
    """Times of day of events ("encountered an area of heavy turbulence at 02:00 GMT"): key (time,
    verb, thing, name, zone), in UTC when a zone is named, a bracketed conversion read with its time
    ("at about 23.00 local time (02.14 GMT)"). Read from the text: the small model tags few of
    them. Times of no event (a verb with its object or subject) are left out."""
    out, done, span_open = [], 0, False
    for m in CLOCK.finditer(sentence.text):
        if m.start() < done or not is_clock(m):
            continue
        before = sentence.text[max(0, m.start() - 24):m.start()].lower()
        if not (m.group("ap") or m.group("tz")) and not re.search(r"\bat\s+(?:\w+\s+)?$", before):
            continue   # "02:56", "0:32" alone are as often lengths of a clip: a bare 24-hour time needs "at"
        if span_open or re.search(r"\b(?:between|from)\s+(?:\w+\s+)?$", before):
            # "between 8.26am at King's Cross and 9.47am": a span, not the time of the event
            span_open = not span_open
            continue
        end = m.start() + len(m.group().rstrip())
        after = re.match(r"\s*\([^()]{1,24}\)", sentence.text[m.end():m.end() + 30])
        done = m.end() + (after.end() if after else 0)
        clock = clock_minutes(m.group() + (after.group() if after else ""))
        head = token_at(doc, sentence.start + m.start())
        for _ in range(4):    # "at 23.00 local time": past "time" and "at" to the verb it dates
            if head is None or head.pos_ in {"VERB", "AUX"} or head.head is head:
                break
            head = head.head
        event = event_of(head) if head is not None else ()
        if clock is None or not event or event[1].split()[-1] in m.group().lower():
            continue   # no event, or the parser took the clock's "a.m." for the thing that happened
        minutes, zone = clock
        shown = f"{int(minutes) // 60:02d}:{int(minutes) % 60:02d}" + (f" {zone}" if zone else "")
        q = re.search(r"\b(about|around|approximately|roughly|some|nearly|almost)\s+(?:at\s+)?$",
                      sentence.text[max(0, m.start() - 16):m.start()], re.I)
        text = sentence.text[m.start():end].strip() + (after.group() if after else "")
        claim = Claim("date", text, f"time of {event[0]} ({event[1]})", shown,
                      who.speaker, who.certainty, cite, when)
        out.append(Figure(claim, ("time", *event, zone), named=who.named, minutes=minutes,
                          qualifier=q.group(1).lower() if q else ""))
    return out


def _dated(ent, text: str, iso: str, found, cite: Citation, who: Attribution,
           when: str) -> tuple[list[Claim], list[Figure]]:
    """The claim of a date placed at ``iso``, and the event it dates as a figure when it dates one."""
    head = _date_head(ent)
    claim = Claim("date", text, f"date of {head.lemma_.lower()}", iso, who.speaker, who.certainty, cite, when)
    event, days = event_of(head), iso_days(iso)
    if days and found is not None and found.precision == "week":
        days = (days[0], days[0] + 6)     # "last week": the week of its Monday
    if event and days and not re.search(r"\d\s*(?:to|-|–|and)\s*\w|\bbetween\b", text):   # "1910 to 1942"
        return [claim], [Figure(replace(claim, measure=f"date of {event[0]} ({event[1]})"),
                                ("date", *event), named=who.named, when=days)]
    return [claim], []
