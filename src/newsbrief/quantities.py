"""Figures as written into values: "more than 100,000" -> (100000.0, "more than"), "eight-day" -> 8 days.

Pure text functions used by ``claims``; no parser needed.
"""

from __future__ import annotations

import re

from .dates import WEEKDAYS  # noqa: F401 (claims reads the weekdays here)


_QUALIFIERS = (r"more than|over|at least|up to|as many as|nearly|almost|about|around|some|approximately|"
               r"roughly|near|less than|fewer than|under|an estimated|close to|upwards of|in excess of|above|below")
_QUALIFIER = re.compile(r"^(?P<q>" + _QUALIFIERS + r")\s+", re.I)
BOUNDS = {"more than", "over", "at least", "up to", "as many as", "less than", "fewer than", "under",
          "upwards of", "in excess of", "above", "below"}
# The bounds from below ("more than 100" allows any value above it); the rest bound from above.
LOWER_BOUNDS = {"more than", "over", "at least", "upwards of", "in excess of", "above"}
_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                     "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90, "a": 1, "an": 1, "a dozen": 12, "dozen": 12})
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
           "bn": 1e9, "b": 1e9, "trillion": 1e12, "dozen": 12}
# number words whole: the "an" of "another 20" is no number
_NUMBER = re.compile(r"(?P<n>\d+(?:[.,]\d+)*|\b(?:" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
                     + r")\b)(?:[\s-]*(?P<s>hundred|thousand|million|billion|trillion|dozen|mn|bn|m|b)\b)?", re.I)
# "hundreds", "dozens": a reader cannot check them against a figure.
_VAGUE_NUMBER = re.compile(r"^(?:hundreds|thousands|dozens|scores|tens of thousands|millions|several|many)\b", re.I)

UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
DURATION = re.compile(
    r"(?:(?P<q>more than|over|nearly|almost|near|about|around|some|at least|less than|under|just over)\s+)?"
    r"(?P<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|twenty|thirty|forty|fifty)[\s-](?P<u>hour|day|week|month|year)s?(?P<adj>-long|-old)?\b"
    r"|\b(?P<u2>day|week|month|year)-long\b", re.I)
SHARE = re.compile(r"\b(?P<q>almost|nearly|virtually|about|around)?\s*(?P<w>all|most|half)\s+of\b", re.I)
SHARE_VALUE = {"all": 100.0, "most": 75.0, "half": 50.0}
PERCENT = re.compile(r"%|\bper ?cent\b|\bpercentage points?\b", re.I)


def parse_number(text: str) -> tuple[float | None, str]:
    """Value and qualifier of a figure as written: "more than 100,000" -> (100000.0, "more than").

    Returns (None, qualifier) for vague figures ("hundreds") and text without a number.
    """
    text = " ".join(text.split())
    q = _QUALIFIER.match(text)
    qualifier = q.group("q").lower() if q else ""
    rest = text[q.end():] if q else text
    if _VAGUE_NUMBER.match(rest):
        return None, qualifier
    if re.match(r"(?:an?\s+)?half[\s-]+(?:a\s+)?dozen\b", rest, re.I):
        return 6.0, qualifier           # "half a dozen", "a half-dozen": not the "a" of "a dozen"
    m = _NUMBER.search(rest)
    if not m:
        return None, qualifier
    raw = m.group("n").lower()
    if raw in _WORDS:
        value = float(_WORDS[raw])
        # "forty-six", "twenty one": tens and units written as words
        unit = re.match(r"[\s-]+(one|two|three|four|five|six|seven|eight|nine)\b", rest[m.end("n"):], re.I)
        if unit and value in {20, 30, 40, 50, 60, 70, 80, 90}:
            value += _WORDS[unit.group(1).lower()]
            tail = rest[m.end("n") + unit.end():]
            scale = re.match(r"[\s-]*(hundred|thousand|million|billion)\b", tail, re.I)
            value *= _SCALES[scale.group(1).lower()] if scale else 1
            return value, qualifier
    else:
        raw = raw.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw) else raw.replace(",", ".")
        try:
            value = float(raw)
        except ValueError:
            return None, qualifier
    if m.group("s"):
        value *= _SCALES[m.group("s").lower()]
    return value, qualifier


# A range of one count: "between 18 and 22", "300 to 400", "80 to 100", "40-50", "2 to 3 million";
# of money with its sign at each end too ("$3-$4 million", "between $2 and $3 million").
# Not "from 10 to 20" (a change) and not a score ("won 24-10": the upper end must be larger).
_END = r"\d+(?:[.,]\d+)*"
RANGE = re.compile(r"(?<![\w$£€.,-])(?:(?P<between>between)\s+)?(?P<cur>[$£€])?(?P<lo>" + _END + r")\s*"
                   r"(?(between)and|(?:to|-|–))\s*(?(cur)(?P=cur)?)(?P<hi>" + _END + r")"
                   r"(?:[\s-]*(?P<s>hundred|thousand|million|billion)\b)?(?![\w.,-]*\d)", re.I)


def parse_range(match: re.Match[str]) -> tuple[float, float] | None:
    """(low, high) of a ``RANGE`` match ("2 to 3 million" -> (2e6, 3e6)), or None when it is not a
    range of one count: the ends out of order, or a change ("from 10 to 20")."""
    lo, _ = parse_number(match.group("lo"))
    hi, _ = parse_number(match.group("hi"))
    if lo is None or hi is None or not lo < hi:
        return None
    scale = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}.get((match.group("s") or "").lower(), 1.0)
    return lo * scale, hi * scale


def parse_duration(match: re.Match[str]) -> float:
    """Days in a ``DURATION`` match ("eight-day" -> 8, "more than a year" -> 365)."""
    unit = (match.group("u") or match.group("u2")).lower()
    n = match.group("n")
    count = 1.0 if n is None else (float(n) if n[0].isdigit() else float(_WORDS[n.lower()]))
    return count * UNIT_DAYS[unit]


# Ages: "33-year-old", "four-month-old", "10 weeks old"; value in years.
_AGE_UNIT_YEARS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365, "day": 1 / 365}
_SMALL_NUMBER = (r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty")
AGE = re.compile(r"\b(?P<n>" + _SMALL_NUMBER + r")[\s-](?P<u>year|month|week|day)s?[\s-]old\b", re.I)
# "Ohanian, 34," / "Alexis Ohanian, 33." right after a person's name.
AGE_APPOSITION = re.compile(r"^,\s*(?P<n>\d{1,3})(?=\s*(?:[,.;)]|$)|\s+(?:and|of|from|who|was|is)\b)")
# The ages a group spans ("girls between the ages of six and 12", "boys aged 8 to 14") and its
# youngest or oldest ("girls as young as 10", "residents as old as 90").
AGE_SPAN = re.compile(r"\b(?:between the ages of|aged|ages)\s+(?P<lo>" + _SMALL_NUMBER + r")\s*(?:and|to|-|–|through)\s*"
                      r"(?P<hi>" + _SMALL_NUMBER + r")\b", re.I)
AGE_EDGE = re.compile(r"\bas (?P<end>young|old) as (?P<n>" + _SMALL_NUMBER + r")\b", re.I)
# Sizes written as one hyphenated adjective before the thing they measure ("16-hour flight",
# "25-meter wreck", "72-storey block"): unit -> (dimension, factor to the dimension's base unit).
SIZE_UNITS = {"hour": ("time", 60.0), "minute": ("time", 1.0),
              "meter": ("length", 1.0), "metre": ("length", 1.0), "foot": ("length", 0.3048),
              "feet": ("length", 0.3048), "mile": ("length", 1609.344), "kilometer": ("length", 1000.0),
              "kilometre": ("length", 1000.0), "km": ("length", 1000.0),
              "storey": ("storeys", 1.0), "story": ("storeys", 1.0), "floor": ("storeys", 1.0)}
# Nouns whose count is a building's height in storeys ("has 87 storeys"); not "stories", which
# are as often news stories.
STOREY_NOUNS = {"storey", "floor"}
# Dimensions of one object that a report states once (``conflicts``): lengths and storeys.
OBJECT_DIMENSIONS = {"length", "height", "width", "depth", "storeys"}
SIZE = re.compile(r"\b(?P<n>\d+(?:\.\d+)?|" + _SMALL_NUMBER + r")-(?P<u>" + "|".join(SIZE_UNITS)
                  + r")\b(?!-)", re.I)


# A size stated of a thing, the unit spelled out or abbreviated, any conversion in brackets
# skipped ("the vessel is estimated to be 98 feet (30 m) long", "a tower 310 metres tall"):
# unit -> metres; the adjective names the dimension. "long" is "length", the dimension a
# hyphenated size ("the 25-meter wreck", ``SIZE``) is keyed by.
LINEAR_UNITS = {"foot": 0.3048, "feet": 0.3048, "ft": 0.3048, "meter": 1.0, "meters": 1.0, "metre": 1.0,
                "metres": 1.0, "m": 1.0, "yard": 0.9144, "yards": 0.9144, "inch": 0.0254, "inches": 0.0254,
                "mile": 1609.344, "miles": 1609.344, "kilometer": 1000.0, "kilometers": 1000.0,
                "kilometre": 1000.0, "kilometres": 1000.0, "km": 1000.0}
DIMENSIONS = {"long": "length", "tall": "height", "high": "height", "wide": "width", "deep": "depth"}
SIZE_OF = re.compile(r"(?<![\w$£€.,-])(?:(?P<q>" + _QUALIFIERS + r")\s+)?(?P<n>\d+(?:[.,]\d+)*)\s*(?P<u>"
                     + "|".join(sorted(LINEAR_UNITS, key=len, reverse=True)) + r")\.?\s+(?:\([^()]{1,30}\)\s+)?"
                     r"(?P<d>" + "|".join(DIMENSIONS) + r")\b", re.I)


# A count per unit of time ("593 friends per hour", "about 847 an hour", "11 likes every minute"):
# value per hour. Not speeds, wages or shares ("60 miles per hour", "$15 an hour", "2% a year"):
# a rate's counted word must be no unit.
RATE_PER_HOUR = {"second": 3600.0, "minute": 60.0, "hour": 1.0, "day": 1 / 24, "week": 1 / 168}
RATE = re.compile(r"(?<![$£€\w.,])(?:(?P<q>about|around|nearly|almost|some|roughly|approximately)\s+)?"
                  r"(?P<n>\d+(?:[.,]\d+)*|" + _SMALL_NUMBER + r") +(?:(?P<what>[a-z]+) +)?"
                  r"(?:per|an|a|every|each) +(?P<u>" + "|".join(RATE_PER_HOUR) + r")\b", re.I)
UNITS = {*UNIT_DAYS, "second", "minute", "mile", "mph", "kilometer", "kilometre", "km", "meter", "metre",
         "foot", "feet", "inch", "yard", "percent", "cent", "dollar", "time", "gallon", "liter", "litre",
         "pound", "ounce", "kilogram", "kg", "gram", "ton", "tonne", "degree", "calorie", "milligram", "mg"}


def rate_per_hour(match: re.Match[str]) -> float | None:
    """Count per hour of a ``RATE`` match, or None when its counted word is a unit ("miles")."""
    what = (match.group("what") or "").lower()
    if {what, what[:-1], what[:-2]} & UNITS:
        return None
    n = match.group("n")
    value = float(n.replace(",", "")) if n[0].isdigit() else word_or_number(n)
    return value * RATE_PER_HOUR[match.group("u").lower()]


# An amount in a unit of something ("at least 3.7 million square feet of industrial space",
# "200 acres of land"): unit -> (dimension, factor to the dimension's base unit).
AMOUNT_UNITS = {"feet": ("length", 0.3048), "foot": ("length", 0.3048), "meters": ("length", 1.0),
                "metres": ("length", 1.0), "miles": ("length", 1609.344), "kilometers": ("length", 1000.0),
                "kilometres": ("length", 1000.0), "square feet": ("area", 0.092903), "square foot": ("area", 0.092903),
                "square meters": ("area", 1.0), "square metres": ("area", 1.0), "square miles": ("area", 2.59e6),
                "square kilometers": ("area", 1e6), "square kilometres": ("area", 1e6), "acres": ("area", 4046.86),
                "hectares": ("area", 1e4), "gallons": ("volume", 3.785), "liters": ("volume", 1.0),
                "litres": ("volume", 1.0), "barrels": ("volume", 159.0), "tons": ("weight", 1000.0),
                "tonnes": ("weight", 1000.0), "pounds": ("weight", 0.4536), "kilograms": ("weight", 1.0)}
AMOUNT_OF = re.compile(r"(?<![\w$£€.,])(?:(?P<q>" + _QUALIFIERS + r")\s+)?(?P<n>\d+(?:[.,]\d+)*"
                       r"(?:\s+(?:million|billion|thousand))?)\s+(?P<u>"
                       + "|".join(sorted(map(re.escape, AMOUNT_UNITS), key=len, reverse=True)) + r")\s+of\b", re.I)


# A reading in degrees ("nearly 120 degrees", "between 130-170 degrees", "49 degrees Celsius", "104°F"):
# a range's ends joined by "and" only after "between" ("89 and 120 degrees" is two readings).
DEGREES = re.compile(r"(?<![\w.,-])(?:(?P<q>" + _QUALIFIERS + r")\s+)?(?:(?P<between>between)\s+)?(?P<n>-?\d+(?:\.\d+)?)"
                     r"(?:\s*(?(between)(?:and|to|-|–)|(?:to|-|–))\s*(?P<hi>-?\d+(?:\.\d+)?))?\s*(?:degrees?|°)"
                     r"(?:\s*(?P<scale>Fahrenheit|Celsius|centigrade|F|C)\b)?", re.I)
# Words after a reading that make it a difference or a position, not a level: "5 degrees warmer",
# "2 degrees above average", "29 degrees, 50.36 minutes north".
NOT_A_READING = re.compile(r"^\s*(?:above|below|warmer|cooler|hotter|colder|higher|lower|more|less|north|south|"
                           r"east|west|latitude|longitude|,?\s*\d+(?:\.\d+)?\s*(?:minutes|'))\b", re.I)


def fahrenheit(value: float, scale: str) -> float:
    """A reading in a named scale in degrees Fahrenheit: "49 degrees Celsius" -> 120.2."""
    return value * 1.8 + 32 if scale.lower() in {"c", "celsius", "centigrade"} else value


# A probability of an event ("a 60 percent chance of a Senate takeover", "more than 80 percent likely
# that the Republicans will take control of the Senate").
CHANCE = re.compile(r"(?<![\w.,])(?:(?P<q>" + _QUALIFIERS + r")\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?:%|percent|per cent)\s+"
                    r"(?P<w>chance|probability|likelihood|odds|likely|probable)\b", re.I)

# A time of day as written ("08:30 BST", "8.26am", "11:10 p.m.", "23.00 local time (02.14 GMT)").
CLOCK = re.compile(r"(?<![\d.:])(?P<h>2[0-3]|[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.?m\b\.?)?"
                   r"\s*(?P<tz>GMT|UTC|BST|CEST|CET|[ECMP][SD]T|local time)?(?![\d.:]\d)", re.I)
# Minutes a zone is ahead of UTC: times in a named zone compare with each other in UTC.
ZONE_MINUTES = {"gmt": 0, "utc": 0, "bst": 60, "cet": 60, "cest": 120, "edt": -240, "est": -300,
                "cdt": -300, "cst": -360, "mdt": -360, "mst": -420, "pdt": -420, "pst": -480}


def is_clock(m: re.Match[str]) -> bool:
    """A ``CLOCK`` match that is a time: an hour with "am"/"pm", or minutes with a colon, am/pm or
    a zone ("10:30", "8.26am", "23.00 local time"; not "10.30" alone, a decimal)."""
    return bool(m.group("ap") or m.group("m") and (m.group("tz") or ":" in m.group()))


def clock_minutes(text: str) -> tuple[float, str] | None:
    """Minutes after midnight of a time of day and its zone: "UTC" when the zone is named
    (converted), else "" (the place's own time, comparable only with other such times).
    A time given in a named zone wins over one in local time ("23.00 local time (02.14 GMT)").
    None when ``text`` has no clock time: an hour needs "am"/"pm" or a zone ("at 8" is no time)."""
    best = None
    for m in CLOCK.finditer(text):
        if not is_clock(m):
            continue
        ap, tz = (m.group("ap") or "").lower(), (m.group("tz") or "").lower()
        hour = int(m.group("h")) % 12 + (12 if ap.startswith("p") else 0) if ap else int(m.group("h"))
        minutes = hour * 60 + int(m.group("m") or 0)
        if tz in ZONE_MINUTES:
            return float((minutes - ZONE_MINUTES[tz]) % 1440), "UTC"
        best = best or (float(minutes), "")
    return best


# A decade ("the 1960s", "the early 1970s"): dates.resolve_date reads no decades.
DECADE = re.compile(r"(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?P<d>(?:1[5-9]|20)\d0)'?s", re.I)


def word_or_number(text: str) -> float:
    """ "34" -> 34.0, "four" -> 4.0."""
    return float(text) if text[0].isdigit() else float(_WORDS[text.lower()])


def age_years(match: re.Match[str]) -> float:
    """Years in an ``AGE`` match ("four-month-old" -> 0.333)."""
    return word_or_number(match.group("n")) * _AGE_UNIT_YEARS[match.group("u").lower()]
