"""Dates: date phrases placed on the calendar, and the one inference of each article's date.

Each report dates things against its own day: "on Monday", "a month ago", "last week",
"in June", "comes two days after".

- ``article_dates``: each article's reference date, and how it was found (metadata, a date
  line, its captions moved to the weekday it reports on, that weekday against the story's
  latest date, a wire copy's date, the story's latest date). Claims and the timeline both
  use it, so a report has one date everywhere.
- ``resolve_date``: one phrase against one reference date, as precise as the phrase allows
  ("in June" is a month, "last week" a week, "on Monday" a day).

Pure text functions; no parser needed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from .types import Article, Origin, ResolvedDate

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                  "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_ORDINALS = {w: i for i, w in enumerate(_ORDINAL_WORDS, 1)}
_ORDINALS.update({"twentieth": 20, "thirtieth": 30, "thirty-first": 31})
_ORDINALS.update({f"twenty-{w}": 20 + i for w, i in list(_ORDINALS.items()) if i < 10})
_ORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))

# Words that make a weekday or month point forward from the report ("will be on Saturday",
# "Saturday's expected vote", "the scheduled meeting in January"); news narrates the past,
# so without one of them a bare weekday or month looks back.
FORWARD = re.compile(r"\b(?:will|'ll|shall|expected|scheduled|upcoming|due|planned|(?:is|are) to|"
                     r"(?:is|are) set to|(?:is|are) going to)\b", re.I)
# How far around a date phrase a forward cue may sit: the same clause, a few words each way.
FORWARD_WINDOW = 80

# Reports of one story are written within days; a report's own caption or dateline date
# older than this before the story's latest date is a photo or archive date, not its own.
STORY_SPAN_DAYS = 10
# A day and month without a year up to this far after the report is coming this year ("the
# search was extended to May 25" on May 6), not last year's: reports name coming dates weeks
# ahead, while a date ten months back is told with its year or its weekday.
NEAR_FUTURE_DAYS = 60
# A bare weekday that falls this many days after the report, with no past-tense verb before it
# in its clause, is the coming one: "Thursday's debate" in a Wednesday report is tomorrow's, not
# six days back. One day: +4 right of the audited Multi-News entries and +1 MultiLing phrase;
# two days lost a MultiLing phrase.
NEAR_WEEKDAY_DAYS = 1
# A past-tense verb right before a weekday ("Airlifts stopped Wednesday", "were stopped on
# Wednesday") dates a past event whatever cue is near ("due to logistical issues"); after a
# form of "be" the participle is a passive that may point forward ("will be held Saturday").
_PAST_BEFORE = re.compile(r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )\b(?:\w+ed|said|told|met|went|came|took|gave|began|"
                          r"left|held|won|lost|fell|rose|saw|made|spoke|wrote|sent|found|struck|hit|was|were)"
                          r"\s+(?:on\s+|late\s+|early\s+)?$", re.I)
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_UNIT = r"(?:day|week|month|year)s?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

# Date phrases, most specific first; each alternative is tried at every position.
DATE_PHRASE = re.compile(
    rf"\b(?:"
    rf"(?:(?:on\s+)?{_DAY},?\s+)?{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"   # (on Monday,) July 29, 2013
    rf"|(?:(?:on\s+)?{_DAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON},?\s+\d{{4}}"    # 29 July 2013
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|(?:(?:on\s+)?{_DAY},?\s+)?{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"             # Monday July 29
    rf"|(?:(?:on\s+)?{_DAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}\b"             # 27 July
    rf"|{_MON}\s+(?:of\s+)?\d{{4}}"                                               # March 2012, May of 2016
    rf"|(?:the\s+)?(?:{_ORD}|\d{{1,2}}(?:st|nd|rd|th))\s+of\s+{_MON}(?:,?\s+\d{{4}})?"    # the first of June
    rf"|(?:on\s+)?this\s+day\s+(?:last\s+year|(?:a|one)\s+year\s+ago)|(?:a|one)\s+year\s+ago\s+today"   # an anniversary
    rf"|{_NUM}\s+{_UNIT}\s+after\s+(?:an?|the)\b"                                   # eight days after a quake
    rf"|(?:comes?|came|coming)\s+{_NUM}\s+{_UNIT}\s+after"                       # comes two days after
    rf"|{_NUM}\s+{_UNIT}\s+(?:ago|earlier|later|before(?!\s+(?:an?|the|his|her|their|its)\b))"  # a month ago
    rf"|(?<!the\s)(?<!the\s\")(?:last|this|next)\s+weekend\b"                    # last weekend
    rf"|(?<!the\s)(?:last|this|next|earlier\s+this|later\s+this)\s+(?:week|month|year)\b"
    rf"|(?:last|this|next)\s+{_DAY}{_PART}\b"
    rf"|(?:on\s+|since\s+|by\s+|until\s+)?{_DAY}{_PART}\b"
    rf"|yesterday|today|tonight|tomorrow"
    rf"|(?:in|since|during|by|until|early|late|mid-?)\s+(?:{_MON})\b(?!\s+(?:of\s+)?\d)"   # in June
    rf"|(?:in|since|during|by|until)\s+(?:19|20)\d{{2}}"                            # in 2011
    rf")",
    re.I)


def _month(word: str) -> int:
    w = word.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(w))


def _minus_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - n, 12)
    return date(y, m + 1, 1)


def _day(d: date, note: str) -> ResolvedDate:
    return ResolvedDate(d.isoformat(), "day", note)


def _forward(phrase: str, context: str) -> bool:
    """A forward cue in the phrase or within ``FORWARD_WINDOW`` characters around it in ``context``."""
    if FORWARD.search(phrase):
        return True
    at = context.lower().find(phrase.lower()) if context else -1
    if at < 0:
        return False
    before = re.split(r"[.;:!?]", context[max(0, at - FORWARD_WINDOW):at])[-1]
    after = re.split(r"[.;:!?,]", context[at + len(phrase):at + len(phrase) + FORWARD_WINDOW])[0]
    return bool(FORWARD.search(before) or FORWARD.search(after))


# A verb in the past tense: regular, or one of the common irregular ones.
_PAST_VERB = re.compile(r"\b(?:\w{3,}ed|was|were|had|did|took|made|said|told|drew|won|lost|gave|came|went|met|"
                        r"began|held|left|saw|found|struck|hit|fell|rose|spoke|wrote|sent|got|ran|led|paid|sold|"
                        r"brought|kept|stood|became|broke|chose|drove|flew|grew|knew|threw|fought|caught|built|"
                        r"spent|heard|shot|stole|swore|tore|woke)\b", re.I)


def _past_in_clause(phrase: str, context: str) -> bool:
    """A past-tense verb in the clause before the phrase ("The vote took place on Saturday")."""
    at = context.lower().find(phrase.lower()) if context else -1
    return at > 0 and bool(_PAST_VERB.search(re.split(r"[.;:!?]", context[:at])[-1]))


def _past_before(phrase: str, context: str) -> bool:
    at = context.lower().find(phrase.lower()) if context else -1
    return at > 0 and bool(_PAST_BEFORE.search(context[max(0, at - FORWARD_WINDOW):at]))


def _in_year(d: date, year: int) -> date:
    try:
        return d.replace(year=year)
    except ValueError:                    # 29 February
        return d.replace(year=year, day=28)


def _next_before(phrase: str, context: str) -> bool:
    """ "next March 11": the phrase, or the words right before it in its sentence, say "next"."""
    if phrase.lower().startswith("next "):
        return True
    at = context.lower().find(phrase.lower()) if context else -1
    return at > 0 and bool(re.search(r"\bnext\s+$", context[:at], re.I))


def _year_after(phrase: str, context: str) -> re.Match | None:
    at = context.lower().find(phrase.lower()) if context else -1
    return re.match(r"\s+(last|next|this) year\b", context[at + len(phrase):], re.I) if at >= 0 else None


def resolve_date(phrase: str, reference_date: date | None, context: str = "") -> ResolvedDate | None:
    """Place a date phrase on the calendar, against the date of the report that uses it.

    Weekdays and relative phrases look back from ``reference_date`` (news reports past
    events): "Monday" is the last Monday on or before it. A phrase without a year takes the
    reference's year, or the year before when that would put it after the reference.

    Args:
        phrase: e.g. "on Monday", "a month ago", "last week", "in June", "July 29, 2013",
            "comes two days after" or "eight days after a quake" (the earlier event, that
            long before the report), "the first of June", "on this day last year".
            "nine days before the bombings" counts from another event, not the report:
            ``None``.
        reference_date: the report's date; ``None`` resolves only phrases with a year.
        context: the sentence around the phrase. A forward cue in the phrase or near it in
            the context ("will be on Saturday", "Saturday's expected vote", "the scheduled
            meeting in January") resolves a weekday, a month or a day without a year forward.

    Returns:
        The date, its precision and how it was found; ``None`` when the phrase is not a date
        or needs a reference that is missing.
    """
    p = " ".join(phrase.lower().replace(",", " ").split())
    p = re.sub(rf"\b(?:the\s+)?({_ORD}|\d{{1,2}})(?:st|nd|rd|th)?\s+of\s+(?=(?:{_MON})\b)",
               lambda m: f"{_ORDINALS.get(m[1]) or m[1]} ", p)
    ref = reference_date
    ahead = _forward(phrase, context) and not _past_before(phrase, context)
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", p)
    if m:
        return _day(date(int(m[1]), int(m[2]), int(m[3])), "explicit date")
    m = (re.search(rf"({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(\d{{4}})", p)
         or re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON})\s+(\d{{4}})", p))
    if m:
        month, day = (m[1], m[2]) if m[1][0].isalpha() else (m[2], m[1])
        try:
            return _day(date(int(m[3]), _month(month), int(day)), "explicit date")
        except ValueError:
            return None
    m = re.search(rf"({_MON})\s+(?:of\s+)?(\d{{4}})", p)
    if m:
        return ResolvedDate(f"{int(m[2]):04d}-{_month(m[1]):02d}", "month", "explicit month")
    m = re.search(r"\b(?:in|since|during|by|until)\s+((?:19|20)\d{2})\b", p)
    if m:
        return ResolvedDate(m[1], "year", "explicit year")
    if ref is None:
        return None
    m = (re.search(rf"({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", p)
         or re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON})", p))
    if m:
        month, day = (m[1], m[2]) if m[1][0].isalpha() else (m[2], m[1])
        try:
            d = date(ref.year, _month(month), int(day))
        except ValueError:
            return None
        told = re.search(r"\b(last|next|this) year\b", p) or _year_after(phrase, context)
        if told:                                  # "on June 1 last year"
            d = d.replace(year=ref.year + {"last": -1, "next": 1}.get(told[1], 0))
        elif (ahead and d < ref - timedelta(days=STORY_SPAN_DAYS)) or (_next_before(phrase, context) and d <= ref):
            d = d.replace(year=ref.year + 1)
        elif not ahead and d > ref + timedelta(days=NEAR_FUTURE_DAYS):
            d = d.replace(year=ref.year - 1)
        elif _in_year(d, ref.year + 1) <= ref + timedelta(days=NEAR_FUTURE_DAYS):
            d = _in_year(d, ref.year + 1)       # "leaves office on Jan. 20", said in December
        return _day(d, f"year from {ref.isoformat()}")
    if re.search(r"this day (?:last year|(?:a|one) year ago)|year ago today", p):
        try:
            return _day(ref.replace(year=ref.year - 1), f"the same day a year before {ref.isoformat()}")
        except ValueError:      # 29 February
            return _day(ref - timedelta(days=365), f"the same day a year before {ref.isoformat()}")
    if re.search(rf"{_NUM}\s+{_UNIT}\s+before\s+(?:an?|the|his|her|their|its)\b", p):
        return None     # counted from another event, whose date the phrase does not give
    m = re.search(rf"(?:comes?|came|coming)\s+({_NUM})\s+({_UNIT})\s+after", p) or \
        re.search(rf"({_NUM})\s+({_UNIT})\s+after\s+(?:an?|the)\b", p) or \
        re.search(rf"({_NUM})\s+({_UNIT})\s+(?:ago|earlier|before)", p)
    if m:
        return _back(ref, _NUMBERS.get(m[1]) or int(m[1]), m[2].rstrip("s"), m[0])
    m = re.search(rf"({_NUM})\s+({_UNIT})\s+later", p)
    if m:
        return _back(ref, -(_NUMBERS.get(m[1]) or int(m[1])), m[2].rstrip("s"), m[0])
    m = re.search(r"(last|this|next)\s+weekend", p)
    if m:
        saturday = ref + timedelta(days=5 - ref.weekday() - (7 if m[1] == "last" and ref.weekday() < 6 else 0)
                                   + (7 if m[1] == "next" else 0))
        monday = saturday - timedelta(days=5)
        return ResolvedDate(monday.isoformat(), "week", f"{m[1]} weekend: the week of {monday.isoformat()}")
    m = re.search(r"(last|this|next|earlier this|later this)\s+(week|month|year)", p)
    if m:
        return _period(ref, m[1], m[2])
    m = re.search(rf"(?:(last|this|next)\s+)?({_DAY})", p)
    if m:
        target = WEEKDAYS.index(m[2])
        back = (ref.weekday() - target) % 7
        if m[1] == "last" and back == 0:
            back = 7
        if m[1] == "this":                # "this Thursday": the one in the report's own week
            d = ref + timedelta(days=target - ref.weekday())
            return _day(d, f"this {m[2].title()}: the one in the week of {ref.isoformat()}")
        if m[1] == "next" or (ahead and m[1] != "last"):
            days = (target - ref.weekday()) % 7 or 7
            return _day(ref + timedelta(days=days), f"{m[2].title()} after {ref.isoformat()}"
                        + ("" if m[1] == "next" else " (it points forward)"))
        ahead_days = (target - ref.weekday()) % 7
        if (m[1] is None and not _past_in_clause(phrase, context) and 0 < ahead_days <= NEAR_WEEKDAY_DAYS
                and back > ahead_days):
            return _day(ref + timedelta(days=ahead_days), f"{m[2].title()}, the nearest one to {ref.isoformat()}")
        return _day(ref - timedelta(days=back),
                    f"{m[2].title()}, the last one on or before {ref.isoformat()}")
    for word, delta in (("yesterday", -1), ("today", 0), ("tonight", 0), ("tomorrow", 1)):
        if re.search(rf"\b{word}\b", p):
            return _day(ref + timedelta(days=delta), f"{word}, against {ref.isoformat()}")
    m = re.search(rf"(in|since|during|by|until|early|late|mid-?)\s+({_MON})\b", p)
    if m:
        month = _month(m[2])
        if m[1] in ("by", "until") and not ahead:      # a deadline or an end: the nearest one
            past = ref.year if month <= ref.month else ref.year - 1
            future = ref.year if month >= ref.month else ref.year + 1
            nearer = min((past, future), key=lambda y: (abs((y - ref.year) * 12 + month - ref.month), -y))
            return ResolvedDate(f"{nearer:04d}-{month:02d}", "month", f"{m[1]} a month: the nearest one to {ref.isoformat()}")
        if ahead:
            year = ref.year if month >= ref.month else ref.year + 1
            return ResolvedDate(f"{year:04d}-{month:02d}", "month", f"month, the next one from {ref.isoformat()}")
        year = ref.year if month <= ref.month else ref.year - 1
        return ResolvedDate(f"{year:04d}-{month:02d}", "month", f"month, the last one up to {ref.isoformat()}")
    return None


def _back(ref: date, n: int, unit: str, phrase: str) -> ResolvedDate:
    note = f"{phrase!r} before {ref.isoformat()}" if n >= 0 else f"{phrase!r} after {ref.isoformat()}"
    if unit == "day":
        return _day(ref - timedelta(days=n), note)
    if unit == "week":
        d = ref - timedelta(days=7 * n)
        return ResolvedDate((d - timedelta(days=d.weekday())).isoformat(), "week", f"the week of about {note}")
    if unit == "month":
        d = _minus_months(ref, n)
        return ResolvedDate(f"{d.year:04d}-{d.month:02d}", "month", "about: " + note)
    return ResolvedDate(f"{ref.year - n:04d}", "year", "about: " + note)


# "Three years later", "ten days earlier": counted from the date told just before, not from the
# report's date (nobody writes "three days later" of the day after publication).
COUNTED_FROM_BEFORE = re.compile(rf"\b({_NUM})\s+({_UNIT})\s+(later|earlier)\b", re.I)


def shift_date(anchor: ResolvedDate, phrase: str) -> ResolvedDate | None:
    """``anchor`` moved by a ``COUNTED_FROM_BEFORE`` phrase, no more precise than either allows.

    "2011" + "three years later" is 2014; "January 14, 2016" + "three days later" is January 17;
    "2011" + "three days later" stays "2011" (a year told with days is still that year).
    """
    m = COUNTED_FROM_BEFORE.search(phrase)
    if m is None:
        return None
    n = (_NUMBERS.get(m[1].lower()) or int(m[1])) * (1 if m[3].lower() == "later" else -1)
    unit = m[2].lower().rstrip("s")
    note = f"{m[0]!r} from {anchor.date}, told just before"
    if anchor.precision == "year" or unit == "year" and anchor.precision == "month":
        step = n if unit == "year" else 0
        return replace(anchor, date=f"{int(anchor.date[:4]) + step:04d}{anchor.date[4:]}", note=note)
    if anchor.precision == "month":
        if unit != "month":
            return replace(anchor, note=note)
        d = _minus_months(date.fromisoformat(anchor.date + "-01"), -n)
        return ResolvedDate(f"{d.year:04d}-{d.month:02d}", "month", note)
    d = date.fromisoformat(anchor.date)
    if unit == "year":                    # "a year later" is about a year: that year, not that day
        return ResolvedDate(f"{d.year + n:04d}", "year", note)
    if unit == "month":
        d = _minus_months(d, -n)
        return ResolvedDate(f"{d.year:04d}-{d.month:02d}", "month", note)
    d += timedelta(days=n * (7 if unit == "week" else 1))
    if unit == "week" or anchor.precision == "week":
        return ResolvedDate((d - timedelta(days=d.weekday())).isoformat(), "week", note)
    return ResolvedDate(d.isoformat(), "day", note)


def _period(ref: date, which: str, unit: str) -> ResolvedDate:
    shift = {"last": 1, "next": -1}.get(which, 0)
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday() + 7 * shift)
        return ResolvedDate(monday.isoformat(), "week", f"{which} week: the week of {monday.isoformat()}")
    if unit == "month":
        d = _minus_months(ref, shift)
        return ResolvedDate(f"{d.year:04d}-{d.month:02d}", "month", f"{which} month, against {ref.isoformat()}")
    return ResolvedDate(f"{ref.year - shift:04d}", "year", f"{which} year, against {ref.isoformat()}")


# --- article dates ------------------------------------------------------------------------

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


_EXPLICIT_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
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
                       rf"(?P<date>(?:{_DAY},?\s+)?(?:{_MON}\s+\d{{1,2}}|\d{{1,2}}\s+{_MON})(?:,?\s+\d{{4}})?)"
                       rf"|^\s*(?P<line>(?:{_DAY},?\s+)?(?:{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
                       rf"|\d{{1,2}}\s+{_MON},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}))\W*$", re.I | re.M)
# "an activist said Saturday", "said on Monday", "Saturday, activists said": the day reported on.
_SAID_WEEKDAY = re.compile(rf"\b(?:said|says|told|reported|announced)\s+(?:on\s+)?(?P<a>{_DAY})\b"
                           rf"|\b(?P<b>{_DAY})\s*,?\s+(?:said|told|reported)\b", re.I)
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
                    for y in _EXPLICIT_YEAR.findall(line))
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
    for m in re.finditer(rf"\b{_DAY}\b", article.text, re.I):
        before = article.text[max(0, m.start() - FORWARD_WINDOW):m.start()]
        clause = re.split(r"[.;:!?\n]", before)[-1]
        if _PAST_VERB.search(clause) and not FORWARD.search(clause):
            out.add(WEEKDAYS.index(m.group().lower()))
    return out


def _said_weekday(article: Article) -> int | None:
    m = _SAID_WEEKDAY.search(article.text)
    return WEEKDAYS.index((m["a"] or m["b"]).lower()) if m else None


def _date_without_year(phrase: str, story_year: int | None, years: Sequence[int]) -> ResolvedDate | None:
    """ "Monday July 29": the year in which July 29 was a Monday, nearest the story's year."""
    day_name = re.search(_DAY, phrase, re.I)
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
_POST_STAMP = re.compile(rf"\(@\w{{1,15}}\)\s+(?P<date>{_MON}\s+\d{{1,2}},?\s+\d{{4}})", re.I)


def _latest_post_stamp(article: Article) -> tuple[date, str] | None:
    stamps = [(date.fromisoformat(r.date), m["date"]) for m in _POST_STAMP.finditer(article.text)
              if (r := resolve_date(m["date"], None)) is not None and r.precision == "day"]
    return max(stamps) if stamps else None
