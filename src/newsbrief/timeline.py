"""When: dated events from every source, on one calendar.

1. ``article_dates`` (``dates.py``, re-exported here): each article's reference date, the
   same one claims use, with how it was inferred.
2. ``dated_clauses``: every dated clause of every sentence, resolved against its article's
   date (``resolve_date``); dates that are not an event's (a byline, "posted on Saturday",
   "figures for Saturday") are left out, and an event told with its length ("an eight-day
   campaign", "a month-long offensive") is dated by its start.
3. ``build_timeline``: the same event told several times becomes one entry citing them all:
   across sources, same date and overlapping words and names; within one report, the same
   day and a shared name (a report's account of one day); the start of a campaign, in the
   month a vaguer report gives for it. Entries are ordered by date, precision kept visible
   (year, month, week, day).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .align import content_stems, names
from .dates import (COUNTED_FROM_BEFORE, DATE_PHRASE, MONTHS, WEEKDAYS, YEAR, resolve_date,  # noqa: F401 (re-exported)
                    shift_date)
from .report_dates import ArticleDate, article_dates  # noqa: F401 (re-exported)
from .types import Brief, Citation, ResolvedDate, Sentence, TimelineEvent

_PHRASE = DATE_PHRASE   # the old private name, still read by benchmarks/entities.py

# Two events on the same date from different sentences are one event when their words
# (content stems) and names overlap at least this much (Dice). Low, because both must
# already fall on the same date; checked on the example and benchmarks/entities.py.
SAME_EVENT = 0.3
# A name used in at most this share of a story's sentences is specific to some events
# (a district taken once, not the city the whole story is about).
SPECIFIC_NAME_SHARE = 0.05
# Longest event text shown, in words (the clause around the date, else the sentence).
MAX_EVENT_WORDS = 30

# --- events -------------------------------------------------------------------------------

_BOUNDARY = re.compile(r"[,;:—–()]|\b(?:after|following|bolstered|since|while|but|which|when|as|and)\b", re.I)


def _clause(text: str, start: int, end: int, forward: bool) -> str:
    """The clause of ``text`` around the phrase at start:end (after it, for "comes ... after")."""
    cuts = [m.start() for m in _BOUNDARY.finditer(text) if not start <= m.start() < end]
    if forward:
        lo, hi = end, min((c for c in cuts if c > end), default=len(text))
    else:
        lo = max((c for c in cuts if c < start), default=0)
        hi = min((c for c in cuts if c >= end), default=len(text))
    clause = text[lo:hi].strip(" ,;:—–()\"“”")
    clause = re.sub(r"^(?:after|following|bolstered|since|while|but|which|when|as|and)\s+", "", clause, flags=re.I)
    if len(clause.split()) < 5:
        clause = text
    words = clause.split()
    return " ".join(words[:MAX_EVENT_WORDS]) + (" …" if len(words) > MAX_EVENT_WORDS else "")


# A date right after these words dates a picture, a post or a count, not an event:
# "posted on Saturday", "figures for Saturday", "filmed on July 28".
_NOT_EVENT_BEFORE = re.compile(r"\b(?:posted|uploaded|filmed|published|updated|dated|photographed|taken"
                               r"|released|issued|figures|numbers|toll|data)\s+(?:on\s+|for\s+)?$|\bfor\s+$", re.I)
_DAY_WORD = "(?:" + "|".join(WEEKDAYS) + ")"
# Bylines and date lines are the report's date, not an event.
_BYLINE = re.compile(r"^\s*(?:by\s+[A-Z]|(?:published|updated|last updated|posted)\b)", re.I)
# What happens every year is no event of the story: "the rainy season, which generally starts
# in May", "held every spring in June".
_HABITUAL = re.compile(r"\b(?:generally|usually|typically|normally|traditionally|customarily|annually"
                       r"|every\s+(?:year|spring|summer|autumn|fall|winter)|each\s+year)\b", re.I)
# How far before a date phrase a habitual word still governs it, within its sentence.
HABITUAL_WINDOW = 60
# An event needs this many content words besides its date ("Monday, July 29, 2013." is none).
MIN_EVENT_WORDS = 2
# Words with which a report turns to another event of the same day.
_ELSEWHERE = re.compile(r"\b(?:other|elsewhere|meanwhile|separately)\b", re.I)
# Verbs and nouns of a campaign's start: "launched the assault", "the siege ... started".
_START = re.compile(r"\b(?:launch|start|began|begun|begin|open|mount|unleash)\w*\b", re.I)
_CAMPAIGN = r"(?:offensive|campaign|assault|onslaught|operation|siege|blockade)"
# "an eight-day campaign", "a month-long offensive", "a relentless one-month offensive": a
# campaign told with its length so far started that long before the report.
_LENGTH = re.compile(rf"\b(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{{1,2}})"
                     rf"[\s-](?P<u>day|week|month)s?(?:-long)?|(?P<u2>day|week|month)-long)"
                     rf"\s+(?:\w+\s+)?{_CAMPAIGN}\b", re.I)


@dataclass(frozen=True, slots=True)
class _Dated:
    resolved: ResolvedDate
    text: str
    sentence: Sentence
    inferred: bool
    keys: frozenset[str]       # content stems and names of the clause
    names: frozenset[str]      # names of the clause (else of the sentence)
    start: bool = False        # the start of a campaign
    derived: bool = False      # dated from a campaign's length, not from a date phrase


# Dates that are no event's: the start of a tally ("30 children who have died since 1990", "not
# seen since 2004"; but "has ruled since 1948" dates a start); a weekday that is a kind of day
# ("a Saturday schedule", "every Sunday") or a range of them ("Monday through Friday", not "from
# Saturday to Wednesday"); a post's time stamp by someone who is not one of the story's main
# people ("— Max du Preez (@MaxduPreez) June 15, 2015"); "Today" in a name ("USA Today").
_SINCE_YEAR = re.compile(r"^since\s+(?:19|20)\d\d$", re.I)
_TALLY = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|"
                    r"thousands?)\s+(?:\w+\s+){0,2}\w{3,}(?<!ss)s\b|\b(?:died|deaths?|killed|cases|attacks|percent|"
                    r"record(?:ed|s)?|tracking|tracked|not\s+seen|each\s+year|every\s+year|highest|lowest|"
                    r"worst|most|least|first\s+time)\b", re.I)
# How far around "since <year>" a tally's words are looked for, within its sentence.
TALLY_WINDOW = 60
_KIND_OF_DAY = re.compile(rf"\b(?:a|an|every|each|any)\s+$|(?<!from\s)\b{_DAY_WORD}\s+(?:through|thru|to)\s+$", re.I)
_RANGE_START = re.compile(rf"^\s+(?:through|thru|to)\s+{_DAY_WORD}\b", re.I)
_POST_STAMP = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?\s*\(@\w{1,15}\)\s*$")
_NAME_BEFORE = re.compile(r"[A-Z][\w.&]*\s+$")
# The story's main people, whose own posts are events ("Mitt Romney (@MittRomney) March 3, 2016").
MAIN_PEOPLE = 5


def _is_event(sentence: str, start: int, clause: str, phrase: str, main_people: frozenset[str] = frozenset()) -> bool:
    before = sentence[max(0, start - 24):start]
    if _NOT_EVENT_BEFORE.search(before) or _BYLINE.match(sentence):
        return False
    end = start + len(phrase)
    if _SINCE_YEAR.match(phrase) and (_TALLY.search(sentence[max(0, start - TALLY_WINDOW):start])
                                       or _TALLY.search(sentence[end:end + TALLY_WINDOW])):
        return False
    weekday = re.search(_DAY_WORD, phrase, re.I) is not None and not re.search(r"\d", phrase)
    if weekday and (_KIND_OF_DAY.search(before) or (_RANGE_START.match(sentence[end:])
                                                     and not re.search(r"\bfrom\s+$", before, re.I))):
        return False
    stamp = _POST_STAMP.search(sentence[max(0, start - 60):start])
    if stamp and not (stamp["name"] and stamp["name"].strip() in main_people):
        return False
    if phrase[:1] == "T" and phrase.lower() == "today" and _NAME_BEFORE.search(before):
        return False
    if _HABITUAL.search(sentence[max(0, start - HABITUAL_WINDOW):start]) and not YEAR.search(phrase):
        return False
    return len(content_stems(clause.replace(phrase, " "))) >= MIN_EVENT_WORDS


# "Three years later" reaches back this many sentences for the date it counts from.
TOLD_BEFORE_SENTENCES = 2


def _told(text: str, reference: ArticleDate, told_before: ResolvedDate | None) -> list[tuple[re.Match, ResolvedDate | None]]:
    """Each date phrase of a sentence with its date. "Three years later" counts from the date
    told just before it (in this sentence, else ``told_before``) and moves that date on ("in
    1974 ... four years later ... a year later" is 1979); without one, "later" has no date and
    "a day earlier" counts from the report's date."""
    out = []
    for m in DATE_PHRASE.finditer(text):
        counted = COUNTED_FROM_BEFORE.search(m.group())
        if counted and told_before is not None:
            r = shift_date(told_before, m.group())
        elif counted and counted[3].lower() == "later":
            r = None                      # later than what, the text before does not say
        else:
            r = resolve_date(m.group(), reference.date, text)
        told_before = r or told_before
        out.append((m, r))
    return out


def dated_clauses(sentence: Sentence, reference: ArticleDate,
                  main_people: frozenset[str] = frozenset(), told_before: ResolvedDate | None = None,
                  told: list[tuple[re.Match, ResolvedDate | None]] | None = None) -> list[_Dated]:
    """The dated event clauses of one sentence, resolved against its article's date.

    Clauses whose date is not an event's (``_NOT_EVENT_BEFORE``, bylines, clauses with fewer
    than ``MIN_EVENT_WORDS`` content words) are left out; a campaign told with its length so
    far ("an eight-day campaign") is dated by its start; "three years later" is dated as ``_told``
    says.
    """
    out: dict[str, _Dated] = {}     # clause text -> its dated event
    text = sentence.text
    told = _told(text, reference, told_before) if told is None else told      # given: already dated
    found = [(m.start(), m.end(), m.group(), r) for m, r in told]
    if reference.date is not None:
        for m in _LENGTH.finditer(text):
            n = (m["n"] or "one").lower()
            count = int(n) if n.isdigit() else _COUNTS[n]
            r = resolve_date(f"{count} {m['u'] or m['u2']}s ago", reference.date)
            if r is not None:
                r = replace(r, note=f"about: start of the {m.group()!r} as of {reference.date.isoformat()}")
                found.append((m.start(), m.end(), m.group(), r))
    lengths = {m.group() for m in _LENGTH.finditer(text)}
    for start, end, phrase, r in found:
        if r is None:
            continue
        clause = _clause(text, start, end, bool(re.search(r"\bafter(?:\s+(?:an?|the))?$", phrase, re.I)))
        if not _is_event(text, start, clause, phrase, main_people):
            continue
        absolute = r.note.startswith("explicit")
        note = r.note if absolute else f"{r.note}; article date {reference.note}" if reference.inferred else r.note
        bare = clause.replace(phrase, " ")      # the date words are shared by definition
        # names of the clause, else of the sentence ("a bloody offensive in March 2012")
        found_names = names(bare) or names(text.replace(phrase, " "))
        derived = phrase in lengths
        is_start = derived or bool(_START.search(clause) and re.search(_CAMPAIGN, clause, re.I))
        if clause not in out:
            out[clause] = _Dated(replace(r, note=note), clause, sentence, reference.inferred and not absolute,
                                 content_stems(bare) | found_names, found_names, is_start, derived)
    return list(out.values())


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _same_event(d: _Dated, g: list[_Dated], specific: frozenset[str]) -> bool:
    """Whether ``d`` tells the event of group ``g`` (whose first member sets its date).

    ``specific``: names few sentences of the story use ("Baba Amr", not "Homs"); two reports
    that date an event the same and both name one of them tell the same event.
    """
    head = g[0].resolved
    if any(x.sentence == d.sentence for x in g):
        return False
    if d.start and all(x.start for x in g) and (
            head.date == d.resolved.date
            or (head.precision == "month" and d.resolved.date[:7] == head.date)):
        return True    # a campaign starts once: "a month ago" and "on its eighth day" agree
    if head.date != d.resolved.date or head.precision != d.resolved.precision:
        return False
    if max(_dice(d.keys, x.keys) for x in g) >= SAME_EVENT:
        return True
    if any(x.sentence.article_id != d.sentence.article_id and d.names & x.names & specific for x in g):
        return True
    # one report's account of one day is one entry, unless it turns to "other violence"
    return head.precision == "day" and not _ELSEWHERE.search(d.text) and any(
        x.sentence.article_id == d.sentence.article_id and not _ELSEWHERE.search(x.text) for x in g)


def _years_from_story(dated: list[_Dated], sentences: Sequence[Sentence]) -> list[_Dated]:
    """A day told without its year takes the year the story gives that day elsewhere.

    "The 7 July link" in a report of May 2007 is 7 July 2005 when another sentence says "July 7,
    2005": the calendar alone would pick 2006. Only an earlier year is taken, and only when the
    story gives that day one year.
    """
    years: dict[str, set[str]] = {}
    for s in sentences:
        for m in DATE_PHRASE.finditer(s.text):
            r = resolve_date(m.group(), None)
            if r is not None and r.precision == "day" and r.note == "explicit date":
                years.setdefault(r.date[5:], set()).add(r.date[:4])
    out = []
    for d in dated:
        r = d.resolved
        told = years.get(r.date[5:], set()) if r.precision == "day" and r.note.startswith("year from") else set()
        if len(told) == 1 and (year := next(iter(told))) < r.date[:4]:
            r = replace(r, date=f"{year}{r.date[4:]}", note=f"year from the story's {year}{r.date[4:]}")
            d = replace(d, resolved=r, inferred=False)
        out.append(d)
    return out


def build_timeline(brief: Brief, sentences: Sequence[Sentence], parsed: object = None, *,
                   dates: Mapping[str, ArticleDate] | None = None) -> Brief:
    """The brief with its ``timeline``: dated events from all sources, merged and ordered.

    Args:
        brief: a brief whose ``articles`` the sentences come from (its ``origins``, when
            filled, help date wire copies).
        sentences: ``segment()`` output for those articles (offsets into ``Article.text``).
        parsed: unused (dates are found in the text); kept so every analysis in the pipeline
            has the same signature.
        dates: each article's reference date (``article_dates``), the one claims used; inferred
            here from the brief's articles and origins when not given.
    """
    refs = dates if dates is not None else article_dates(brief.articles, brief.origins)
    people = [e for e in brief.entities if e.type == "PERSON"][:MAIN_PEOPLE]
    main_people = frozenset(v.text for e in people for v in e.variants) | frozenset(e.name for e in people)
    dated = []
    told: tuple[str, int, ResolvedDate] | None = None       # article, sentence, the last date told
    for s in sentences:
        if s.article_id not in refs:
            continue
        before = told[2] if told and told[0] == s.article_id and s.index - told[1] <= TOLD_BEFORE_SENTENCES else None
        phrases = _told(s.text, refs[s.article_id], before)
        dated += dated_clauses(s, refs[s.article_id], main_people, told=phrases)
        dates = [r for _, r in phrases if r is not None]
        if dates:
            told = (s.article_id, s.index, dates[-1])
    dated = _years_from_story(dated, sentences)
    # coarser first, so that a vague month absorbs the days told within it
    dated.sort(key=lambda d: (_RANK[d.resolved.precision], d.sentence.article_id, d.sentence.index))
    df = Counter(k for s in sentences for k in names(s.text))
    specific = frozenset(k for k, n in df.items() if n <= max(2, SPECIFIC_NAME_SHARE * len(sentences)))
    groups: list[list[_Dated]] = []
    for d in dated:
        for g in groups:
            if _same_event(d, g, specific):
                g.append(d)
                break
        else:
            groups.append([d])
    events = []
    for g in groups:
        g.sort(key=lambda d: (d.sentence.article_id, d.sentence.index))
        head = min(g, key=lambda d: (_RANK[d.resolved.precision], d.derived))   # the vaguest date: honest
        cites, seen = [], set()
        for d in g:
            if d.sentence.id not in seen:
                seen.add(d.sentence.id)
                s = d.sentence
                cites.append(Citation(s.article_id, s.id, s.start, s.end))
        notes = [head.resolved.note] + [f"{d.resolved.date}: {d.resolved.note}" for d in g
                                        if d.resolved.date != head.resolved.date][:2]
        shown = min(g, key=lambda d: (d.derived, _RANK[d.resolved.precision]))   # a phrase the reader can find
        events.append(TimelineEvent(date=head.resolved.date, precision=head.resolved.precision,
                                    text=shown.text, citations=tuple(cites),
                                    inferred=any(d.inferred for d in g), note="; ".join(notes)))
    events.sort(key=lambda e: (e.date, _RANK[e.precision], -len({c.article_id for c in e.citations})))
    articles = tuple(
        replace(a, inferred_date=refs[a.id].date, inferred_from=refs[a.id].note)
        if a.published is None and a.id in refs and refs[a.id].date else a
        for a in brief.articles)
    return replace(brief, articles=articles, timeline=tuple(events))


_RANK = {"year": 0, "month": 1, "week": 2, "day": 3}
