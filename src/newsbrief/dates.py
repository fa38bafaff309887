"""Dates: date phrases placed on the calendar against the date of the report that uses them.

Each report dates things against its own day: "on Monday", "a month ago", "last week",
"in June", "comes two days after". That day is found once, in ``report_dates``.

- ``resolve_date``: one phrase against one reference date, as precise as the phrase allows
  ("in June" is a month, "last week" a week, "on Monday" a day).
- ``shift_date``: "three years later" counted from the date told before it.

Pure text functions; no parser needed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .types import ResolvedDate

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
# A year written out, 1900-2099.
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
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
MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DAY = "(?:" + "|".join(WEEKDAYS) + ")"
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_UNIT = r"(?:day|week|month|year)s?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

# Date phrases, most specific first; each alternative is tried at every position.
DATE_PHRASE = re.compile(
    rf"\b(?:"
    rf"(?:(?:on\s+)?{DAY},?\s+)?{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"   # (on Monday,) July 29, 2013
    rf"|(?:(?:on\s+)?{DAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"    # 29 July 2013
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|(?:(?:on\s+)?{DAY},?\s+)?{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"             # Monday July 29
    rf"|(?:(?:on\s+)?{DAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\b"             # 27 July
    rf"|{MONTH}\s+(?:of\s+)?\d{{4}}"                                               # March 2012, May of 2016
    rf"|(?:the\s+)?(?:{_ORD}|\d{{1,2}}(?:st|nd|rd|th))\s+of\s+{MONTH}(?:,?\s+\d{{4}})?"    # the first of June
    rf"|(?:on\s+)?this\s+day\s+(?:last\s+year|(?:a|one)\s+year\s+ago)|(?:a|one)\s+year\s+ago\s+today"   # an anniversary
    rf"|{_NUM}\s+{_UNIT}\s+after\s+(?:an?|the)\b"                                   # eight days after a quake
    rf"|(?:comes?|came|coming)\s+{_NUM}\s+{_UNIT}\s+after"                       # comes two days after
    rf"|{_NUM}\s+{_UNIT}\s+(?:ago|earlier|later|before(?!\s+(?:an?|the|his|her|their|its)\b))"  # a month ago
    rf"|(?<!the\s)(?<!the\s\")(?:last|this|next)\s+weekend\b"                    # last weekend
    rf"|(?<!the\s)(?:last|this|next|earlier\s+this|later\s+this)\s+(?:week|month|year)\b"
    rf"|(?:last|this|next)\s+{DAY}{_PART}\b"
    rf"|(?:on\s+|since\s+|by\s+|until\s+)?{DAY}{_PART}\b"
    rf"|yesterday|today|tonight|tomorrow"
    rf"|(?:in|since|during|by|until|early|late|mid-?)\s+(?:{MONTH})\b(?!\s+(?:of\s+)?\d)"   # in June
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
PAST_VERB = re.compile(r"\b(?:\w{3,}ed|was|were|had|did|took|made|said|told|drew|won|lost|gave|came|went|met|"
                        r"began|held|left|saw|found|struck|hit|fell|rose|spoke|wrote|sent|got|ran|led|paid|sold|"
                        r"brought|kept|stood|became|broke|chose|drove|flew|grew|knew|threw|fought|caught|built|"
                        r"spent|heard|shot|stole|swore|tore|woke)\b", re.I)


def _past_in_clause(phrase: str, context: str) -> bool:
    """A past-tense verb in the clause before the phrase ("The vote took place on Saturday")."""
    at = context.lower().find(phrase.lower()) if context else -1
    return at > 0 and bool(PAST_VERB.search(re.split(r"[.;:!?]", context[:at])[-1]))


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
    p = re.sub(rf"\b(?:the\s+)?({_ORD}|\d{{1,2}})(?:st|nd|rd|th)?\s+of\s+(?=(?:{MONTH})\b)",
               lambda m: f"{_ORDINALS.get(m[1]) or m[1]} ", p)
    ref = reference_date
    ahead = _forward(phrase, context) and not _past_before(phrase, context)
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", p)
    if m:
        return _day(date(int(m[1]), int(m[2]), int(m[3])), "explicit date")
    m = (re.search(rf"({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(\d{{4}})", p)
         or re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})\s+(\d{{4}})", p))
    if m:
        month, day = (m[1], m[2]) if m[1][0].isalpha() else (m[2], m[1])
        try:
            return _day(date(int(m[3]), _month(month), int(day)), "explicit date")
        except ValueError:
            return None
    m = re.search(rf"({MONTH})\s+(?:of\s+)?(\d{{4}})", p)
    if m:
        return ResolvedDate(f"{int(m[2]):04d}-{_month(m[1]):02d}", "month", "explicit month")
    m = re.search(r"\b(?:in|since|during|by|until)\s+((?:19|20)\d{2})\b", p)
    if m:
        return ResolvedDate(m[1], "year", "explicit year")
    if ref is None:
        return None
    m = (re.search(rf"({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", p)
         or re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})", p))
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
    m = re.search(rf"(?:(last|this|next)\s+)?({DAY})", p)
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
    m = re.search(rf"(in|since|during|by|until|early|late|mid-?)\s+({MONTH})\b", p)
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
