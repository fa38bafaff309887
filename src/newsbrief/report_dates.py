"""Each report's own date, found once for every analysis: given, read from the text, or inferred.

``article_dates`` is the one inference of the date a report's relative phrases ("on Monday", "a
month ago") are resolved against: its metadata, a date line, its captions moved to the weekday
it reports on, that weekday against the story's latest date, a wire copy's date, the story's
latest date, and never older than a post it quotes. Claims and the timeline both use it, so a
report has one date everywhere. Pure text functions; no parser needed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .dates import DATE_PHRASE, FORWARD, FORWARD_WINDOW, WEEKDAYS, YEAR, DAY, MONTH, PAST_VERB, resolve_date
from .types import Article, Origin, ResolvedDate

Basis = Literal["published", "dateline", "caption", "weekday", "origin", "story", "post", "none"]


@dataclass(frozen=True, slots=True)
class ArticleDate:
    """The date an article's relative phrases are resolved against, and how it was found.

    ``basis`` is the rule that gave it, strongest first: "published" (metadata), "dateline"
    (a date line or dateline of the report), "caption" (the latest date in its captions, moved
    to the weekday it says it reports on), "weekday" (the weekday it reports on, placed
    against the story's latest explicit date), "origin" (the date of a wire copy of the same
    text), "story" (the story's latest explicit date), "post" (an embedded post's time stamp,
    when later than what the other rules gave: a report is not older than what it quotes),
    "none". Everything but "published" is ``inferred``.
    """

    date: date | None
    inferred: bool
    note: str
    basis: Basis = "none"


_COPYRIGHT = re.compile(r"©|\bcopyright\b", re.I)
# Photos from the archive date something else than the report.
_ARCHIVE = re.compile(r"\b(?:file|archive|archival)\s+(?:photo|image|picture|footage|video)\b", re.I)
# Words that make a line of the text a caption (a floor for the report's date), not a dateline.
_CAPTION_CUE = re.compile(r"\b(?:photo|image|picture|video|footage|screenshot|handout|filmed|posted on)\b", re.I)
_DATELINE_CHARS = 200   # a dateline or date line sits in the first lines of a report
# A link to another story ("► July 31: Parents arraigned ..."): its date is that story's.
_TEASER = re.compile(r"^\s*[►▶▸»→]")
# "BEIRUT, July 29 (Reuters) -", "Published: 29 July 2013", or a line that is only a date.
_DATELINE = re.compile(rf"^\s*(?:(?-i:[A-Z][A-Z .'-]+),\s*|(?:published|updated|last updated|posted|dated)\s*(?:on)?:?\s*)"
                       rf"(?P<date>(?:{DAY},?\s+)?(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s+\d{{4}})?)"
                       rf"|^\s*(?P<line>(?:{DAY},?\s+)?(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
                       rf"|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}))\W*$", re.I | re.M)
# "an activist said Saturday", "said on Monday", "Saturday, activists said": the day reported on.
_SAID_WEEKDAY = re.compile(rf"\b(?:said|says|told|reported|announced)\s+(?:on\s+)?(?P<a>{DAY})\b"
                           rf"|\b(?P<b>{DAY})\s*,?\s+(?:said|told|reported)\b", re.I)
# An article's own caption date this much before the story's latest date is an archive
# picture, not a recent one (reports of one story span weeks, a 2011 photo is another story).
ARCHIVE_DAYS = 60
# A year named this often, and no later one, is the story's year when no full date gives it.
MIN_YEAR_MENTIONS = 2


def _year_hints(articles: Sequence[Article]) -> tuple[int | None, list[int]]:
    """The story's year and every year it names.

    The story's year is that of its latest full date; without one, the latest year it names if
    named at least ``MIN_YEAR_MENTIONS`` times ("the 2016 election" five times), since a year
    named once is as often background ("since 2015") as the story's own.
    """
    named = Counter(int(y) for a in articles for text in (a.text, *a.removed)
                    for line in text.splitlines() if not _COPYRIGHT.search(line)
                    for y in YEAR.findall(line))
    years = sorted(named)
    full = [date.fromisoformat(r.date) for a in articles for line in _caption_lines(a)
            for m in DATE_PHRASE.finditer(line)
            if (r := resolve_date(m.group(), None)) is not None and r.precision == "day"]
    full += [a.published for a in articles if a.published]
    if full:
        return max(full).year, years
    return (years[-1] if years and named[years[-1]] >= MIN_YEAR_MENTIONS else None), years


def _caption_lines(article: Article) -> list[str]:
    """Lines that may date the report: removed lines (captions, datelines) and the opening's lines."""
    opening = article.text[:_DATELINE_CHARS].splitlines()
    return [line for line in (*article.removed, *opening)
            if line.strip() and not _COPYRIGHT.search(line) and not _ARCHIVE.search(line)
            and not _TEASER.match(line)]


def _day_of(phrase: str, story_year: int | None, years: Sequence[int]) -> ResolvedDate | None:
    if not re.search(r"\d", phrase):
        return None
    r = resolve_date(phrase, None) or _date_without_year(phrase, story_year, years)
    return r if r is not None and r.precision == "day" else None


def _own_dates(article: Article, story_year: int | None, years: Sequence[int]):
    """(dateline dates, caption dates) the article gives for itself, each with where it came from."""
    datelines, captions = [], []
    opening = set(article.text[:_DATELINE_CHARS].splitlines())
    for line in _caption_lines(article):
        where = "a caption" if line not in opening or _CAPTION_CUE.search(line) else "the opening"
        m = _DATELINE.match(line)
        if m and not _CAPTION_CUE.search(line):
            r = _day_of(m.group("date") or m.group("line"), story_year, years)
            if r is not None:
                datelines.append((date.fromisoformat(r.date), f"the date line {line.strip()[:60]!r} ({r.note})"))
                continue
        if where == "the opening" and not _CAPTION_CUE.search(line):
            continue          # a date in the lead is an event's date, not the report's
        for p in DATE_PHRASE.finditer(line):
            r = _day_of(p.group(), story_year, years)
            if r is not None:
                captions.append((date.fromisoformat(r.date), f"{where}: {p.group().strip()!r} ({r.note})"))
    return datelines, captions


# A report tells of past days up to its own: a weekday told in the past tense this few days after
# its caption's date moves the report's date there ("outrage continued to grow on Wednesday").
LATER_WEEKDAY_DAYS = 2


def _told_weekdays(article: Article) -> set[int]:
    """Weekdays the report tells in the past tense (a past verb in their clause), no forward cue."""
    out = set()
    for m in re.finditer(rf"\b{DAY}\b", article.text, re.I):
        before = article.text[max(0, m.start() - FORWARD_WINDOW):m.start()]
        clause = re.split(r"[.;:!?\n]", before)[-1]
        if PAST_VERB.search(clause) and not FORWARD.search(clause):
            out.add(WEEKDAYS.index(m.group().lower()))
    return out


def _said_weekday(article: Article) -> int | None:
    m = _SAID_WEEKDAY.search(article.text)
    return WEEKDAYS.index((m["a"] or m["b"]).lower()) if m else None


def _date_without_year(phrase: str, story_year: int | None, years: Sequence[int]) -> ResolvedDate | None:
    """ "Monday July 29": the year in which July 29 was a Monday, nearest the story's year."""
    day_name = re.search(DAY, phrase, re.I)
    anchor = story_year
    if anchor is None:
        return None
    if day_name:
        candidates = sorted({anchor, *years, *(y + 1 for y in years)}, key=lambda y: (abs(y - anchor), -y))
    else:
        candidates = [anchor]
    for year in candidates:
        r = resolve_date(phrase, date(year, 12, 31))
        if r is None or r.precision != "day":
            return None
        d = date.fromisoformat(r.date).replace(year=year)
        if not day_name:
            return ResolvedDate(d.isoformat(), "day", f"year {year}, the story's")
        if WEEKDAYS[d.weekday()] == day_name.group().lower():
            return ResolvedDate(d.isoformat(), "day", f"year {year}: the one with that weekday")
    return None


def article_dates(articles: Sequence[Article], origins: Sequence[Origin] = ()) -> dict[str, ArticleDate]:
    """Each article's reference date, and how it was found: the one date inference of newsbrief.

    Rules, strongest first (the first that applies wins): the ``published`` metadata; a date
    line or dateline of the report; the latest date in its captions (photos are taken before
    the report), moved to the first weekday on or after it that the report says it reports on
    ("an activist said Saturday"); that weekday alone, nearest the story's latest explicit
    date; the date of a wire copy of the same text (``origins``); the story's latest explicit
    date. Dates from captions older than ``ARCHIVE_DAYS`` before the story's latest are
    archive pictures and skipped.

    Args:
        articles: the reports of one story.
        origins: the story's origin groups (``origins.group_origins``), for the wire-copy rule.

    Returns:
        Article id -> ``ArticleDate`` (``date`` None and basis "none" when nothing gives one).
    """
    story_year, years = _year_hints(articles)
    own = {a.id: _own_dates(a, story_year, years) for a in articles}
    known = [(a.published, f"published date of {a.id}") for a in articles if a.published]
    known += [e for a in articles for group in own[a.id] for e in group]
    latest = max(known, default=None)
    out: dict[str, ArticleDate] = {}
    for a in articles:
        datelines, captions = own[a.id]
        if latest:
            captions = [c for c in captions if (latest[0] - c[0]).days <= ARCHIVE_DAYS]
        weekday = _said_weekday(a)
        if a.published:
            out[a.id] = ArticleDate(a.published, False, "published", "published")
        elif datelines:
            d, where = max(datelines)
            out[a.id] = ArticleDate(d, True, f"inferred from {where}", "dateline")
        elif captions:
            d, where = max(captions)
            note = f"inferred from {where}"
            if weekday is not None and d.weekday() != weekday:
                d += timedelta(days=(weekday - d.weekday()) % 7)
                note += f", moved to the {WEEKDAYS[weekday].title()} it reports on"
            later = [w for w in _told_weekdays(a) if 0 < (w - d.weekday()) % 7 <= LATER_WEEKDAY_DAYS]
            if later:
                w = max(later, key=lambda w: (w - d.weekday()) % 7)
                d += timedelta(days=(w - d.weekday()) % 7)
                note += f", moved to the {WEEKDAYS[w].title()} it tells of in the past"
            out[a.id] = ArticleDate(d, True, note, "caption")
        elif weekday is not None and latest:
            shift = (weekday - latest[0].weekday()) % 7
            d = latest[0] + timedelta(days=shift if shift <= 3 else shift - 7)
            out[a.id] = ArticleDate(d, True, f"inferred: the {WEEKDAYS[weekday].title()} it reports on, "
                                             f"nearest the story's latest date ({latest[1]})", "weekday")
    for a in articles:
        if a.id in out:
            continue
        twins = [(out[b].date, b) for o in origins if a.id in o.article_ids for b in o.article_ids
                 if b in out and out[b].basis not in ("story", "none")]
        if twins:
            d, twin = max(twins)
            out[a.id] = ArticleDate(d, True, f"inferred: same origin as {twin}, dated {d.isoformat()}", "origin")
        elif latest:
            out[a.id] = ArticleDate(latest[0], True, f"inferred from the story's latest date, {latest[1]}", "story")
        else:
            out[a.id] = ArticleDate(None, True, "no date found", "none")
    for a in articles:          # a report is not older than the posts it quotes
        stamp = _latest_post_stamp(a)
        if stamp is not None and not a.published and (out[a.id].date is None or out[a.id].date < stamp[0]):
            out[a.id] = ArticleDate(stamp[0], True, f"inferred from a post it quotes, dated {stamp[1]!r} "
                                                    "(a report is not older than what it quotes)", "post")
    return out


# "— Gabriel Sherman (@gabrielsherman) November 6, 2017": an embedded post's time stamp.
_POST_STAMP = re.compile(rf"\(@\w{{1,15}}\)\s+(?P<date>{MONTH}\s+\d{{1,2}},?\s+\d{{4}})", re.I)


def _latest_post_stamp(article: Article) -> tuple[date, str] | None:
    stamps = [(date.fromisoformat(r.date), m["date"]) for m in _POST_STAMP.finditer(article.text)
              if (r := resolve_date(m["date"], None)) is not None and r.precision == "day"]
    return max(stamps) if stamps else None
