"""Agreements and conflicts between independent origins, and the brief's cross-source section.

Figures that measure the same thing (same unit, same thing measured, same event; see
``measures.Figure.key``) are lined up across origins:

- an *agreement* is one value stated by two or more origins;
- a *conflict* is two origins stating clearly different values. Vague shares ("almost all")
  never make a conflict on their own, but are listed beside one (precision over recall: a false
  conflict misleads). Each conflict is typed: *changed over time* (reports days apart, or a
  value stated as moving: "climbed to 40"),
  *different source* (different speakers, one of them named) or *contradiction*.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from .claims import Extraction, extract
from .measures import EVENTS, PREDICATES, Figure
from .quantities import BOUNDS, LOWER_BOUNDS, OBJECT_DIMENSIONS
from .nlp import StoryParse, ensure_parse
from .origins import NEWS_CYCLE_DAYS, group_origins, origin_of
from .report_dates import ArticleDate, article_dates
from .types import Agreement, Brief, Conflict, Origin, Sentence

# Two counts within this relative difference are the same figure (rounding: "1.7 million" vs
# "1,700,000", "some 60" vs "60").
SAME_VALUE_TOLERANCE = 0.02

# An approximate count ("about 300", "nearly two dozen") is the same figure as a value this
# close to it, relatively: "about 300" vs "300" or "nearly 24" vs "23" is rounding, not a clash.
# Strictly closer: a gap of a whole tenth ("nearly 10 hours" vs "about nine") is two statements.
APPROX_TOLERANCE = 0.1

# Figures whose exact keys differ (another verb, another noun for one thing) measure the same
# thing when their counted noun is among the other's content lemmas and they share this many
# (a lemma matching another's prefix, "rob" / "robbery"): "robbed 23 banks" / "24 bank robberies".
MIN_SHARED_CONCEPTS = 2
# Shorter lemmas than this only match whole ("war" is not "ward").
MIN_STEM = 3
# Words a chance's event needs to line up with another's: who, doing what, to what.
MIN_EVENT_WORDS = 3

# Counts further apart than this factor measure different things (a day's toll vs the war's),
# however alike their words: they are neither agreement nor conflict.
MAX_COUNT_RATIO = 3.0
# Readings in degrees of no named scale compare only when closer than this factor: a Celsius and
# a Fahrenheit reading of one heat (49 and 120) are always further apart (F = 1.8 C + 32).
MAX_UNNAMED_DEGREES_RATIO = 1.8

# Counts of one noun with other free-form verbs ("plucked 22 students" / "helped 20 students
# back") are one measure when each report counts that noun only once and the values are within
# this factor: a report's one count of students is the story's count of students.
SAME_NOUN_RATIO = 1.5

# Durations closer than this factor are the same length told loosely ("a month" vs "five weeks").
SAME_DURATION_RATIO = 1.5

# An approximate time of day ("about 23.00") covers this many minutes either side: a quarter hour.
APPROX_CLOCK_MINUTES = 15
# Times of one verb and thing further apart than this are other occurrences (a second arrival,
# another day's strike), neither agreement nor conflict.
MAX_CLOCK_GAP = 180


# Qualifier preference when one source gives several values for one measure: a point figure
# says more than an approximate one, which says more than a bound.
_PRECISION = {"": 0, "some": 1, "about": 1, "around": 1, "near": 1, "nearly": 1, "almost": 1,
              "approximately": 1, "roughly": 1, "an estimated": 1, "close to": 1, "between": 1}


def _is_round(x: float) -> bool:
    """A figure written rounded: a whole number ending in a zero ("60", "16,000", "1.7 million")."""
    return x >= 10 and x == int(x) and int(x) % 10 == 0


def _span(f: Figure) -> tuple[float, float]:
    """The values a figure allows: a range its ends, a bound a half-line, an approximate figure
    ``APPROX_TOLERANCE`` either side, an exact one itself."""
    x = float(f.claim.value)
    if f.upper is not None:
        return x, f.upper
    if f.qualifier in LOWER_BOUNDS:
        return x, math.inf
    if f.qualifier in BOUNDS:
        return 0.0, x
    if _PRECISION.get(f.qualifier) == 1:
        return x * (1 - APPROX_TOLERANCE), x * (1 + APPROX_TOLERANCE)
    return x, x


def _max_ratio(a: Figure) -> float:
    """How far apart two values of ``a``'s measure may be and still measure one thing."""
    return MAX_UNNAMED_DEGREES_RATIO if a.key[:2] == ("degrees", "") else MAX_COUNT_RATIO


def _same_range(a: Figure, b: Figure) -> bool | None:
    """Figures one of which is a range ("between 18 and 22"): the same when an exact value lies
    in the other's range (with rounding) or the two share more than an end point; "as many as
    300" vs "300 to 400" and "more than 100" vs "80 to 100" meet only at an end: two statements."""
    (la, ha), (lb, hb) = _span(a), _span(b)
    lo, hi = max(la, lb), min(ha, hb)
    slack = SAME_VALUE_TOLERANCE * max(lo, 1e-9)
    if hi > lo or ((la == ha or lb == hb) and hi >= lo - slack):
        return True
    near, far = sorted((hi, lo))
    return None if far / max(near, 1e-9) > _max_ratio(a) else False


def same_value(a: Figure, b: Figure) -> bool | None:
    """True: same value; False: clearly different; None: not comparable (different things)."""
    if a.minutes is not None or b.minutes is not None:
        # times of day of one event: "08:30" vs "8.26" differ; "about 23.00" allows a quarter hour
        if a.minutes is None or b.minutes is None:
            return None
        gap = abs(a.minutes - b.minutes)
        gap = min(gap, 1440 - gap)
        approx = _PRECISION.get(a.qualifier) == 1 or _PRECISION.get(b.qualifier) == 1
        return None if gap > MAX_CLOCK_GAP else gap <= (APPROX_CLOCK_MINUTES if approx else 0)
    if a.when is not None or b.when is not None:
        # dates of one event: the same when their days overlap ("1974" is not "the 1960s")
        if a.when is None or b.when is None:
            return None
        return max(a.when[0], b.when[0]) <= min(a.when[1], b.when[1])
    if a.qualifier == b.qualifier == "aged":
        return None    # "women aged 25 to 54" and "aged 16 to 24": two brackets of a population, not one group
    if a.upper is not None or b.upper is not None:
        return _same_range(a, b)
    x, y = float(a.claim.value), float(b.claim.value)
    lo, hi = min(x, y), max(x, y)
    if a.days or b.days:
        return hi / max(lo, 1e-9) < SAME_DURATION_RATIO
    if a.key[0] in {"percent", "chance"}:
        return abs(x - y) < 1.0
    approx = _PRECISION.get(a.qualifier) == 1 or _PRECISION.get(b.qualifier) == 1
    # rounding needs a round figure: "1.7 million" vs "1,712,000" is one count, "68" vs "69" two
    rounded = approx or _is_round(lo) or _is_round(hi)
    gap = (hi - lo) / hi if hi else 0.0
    if hi == lo or (rounded and (gap < APPROX_TOLERANCE if approx else gap <= SAME_VALUE_TOLERANCE)):
        return True
    if hi / max(lo, 1e-9) > _max_ratio(a):
        return None
    return False


def _pick(figures: list[Figure]) -> Figure:
    """One source's value for a measure: exact before vague, point before bound, earliest first;
    shown where the source first states that value.

    Among vague values only ("almost half ... then almost all"), the last: a report that gives
    several rough states of one thing is narrating progress, and ends on the latest.
    """
    exact = [f for f in figures if not f.vague]
    if not exact:
        return max(figures, key=lambda f: f.claim.citation.start)
    best = min(exact, key=lambda f: (_PRECISION.get(f.qualifier, 2), f.claim.citation.start))
    # the value chosen, as the report first states it ("At least 46 ... Forty-six had been killed")
    return min((f for f in exact if f.claim.value == best.claim.value), key=lambda f: f.claim.citation.start)


def _days_apart(a: str, b: str) -> int | None:
    if not a or not b:
        return None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _kind(values: list[Figure], told: Sequence[Sequence[Figure]] = ()) -> tuple[str, str]:
    """Type of a conflict and a one-line explanation, from its clearly different pairs.

    ``told``: each source's figures of the measure. A source stating two clearly different
    values of it ("593 likes an hour" on Friday, "847 an hour" by Saturday) narrates its change.
    """
    timed, speakers = [], []
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            if a.vague or b.vague or same_value(a, b) is not False:
                continue
            apart = _days_apart(a.claim.date, b.claim.date)
            if apart is not None and apart >= NEWS_CYCLE_DAYS:
                timed.append((a, b, apart))
            elif (a.named or b.named) and (a.claim.speaker or "").lower() != (b.claim.speaker or "").lower():
                speakers.append((a, b))   # "historians" or "multiple reports" is the outlet's own word
    if timed:
        a, b, apart = max(timed, key=lambda t: t[2])
        return "changed_over_time", (f"reports {apart} days apart: {a.claim.text!r} ({a.claim.date}) "
                                     f"vs {b.claim.text!r} ({b.claim.date})")
    moved = [f for f in values if f.moving and not f.vague]
    if moved:
        # a source itself says the figure moves ("the toll climbed to 40"): states of one moving figure
        return "changed_over_time", f"stated as a moving figure: {moved[0].claim.text!r}"
    for fs in told:
        exact = [f for f in fs if not f.vague]
        pair = next(((a, b) for i, a in enumerate(exact) for b in exact[i + 1:] if same_value(a, b) is False), None)
        if pair:
            return "changed_over_time", (f"one source gives {pair[0].claim.text!r} and later {pair[1].claim.text!r}: "
                                         "a figure that moved")
    if speakers:
        a, b = speakers[0]
        return "different_source", (f"different speakers: {a.claim.speaker or 'the outlet'} says "
                                    f"{a.claim.text!r}, {b.claim.speaker or 'the outlet'} says {b.claim.text!r}")
    return "contradiction", "same day, same kind of source, different figures"


def _stem_match(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= MIN_STEM and (a.startswith(b) or b.startswith(a)))


def _shared(a: frozenset[str], b: frozenset[str]) -> int:
    return sum(any(_stem_match(x, y) for y in b) for x in a)


def same_measure(a: Figure, b: Figure) -> bool:
    """Whether two counts keyed differently measure the same thing (``MIN_SHARED_CONCEPTS``).

    Only free-form predicates are joined: a lexicon predicate ("killed") is already one key
    for all its verbs, and its scope tells one toll from another; one verb with other words
    ("voted present" / "voted against") counts different things. Their events must not differ
    ("killed in the war" vs "in the siege"), and each one's counted noun must be among the
    other's content lemmas.
    """
    ka, kb = a.key, b.key
    if ka == kb:
        return True
    if ka[0] == kb[0] == "chance":
        return _one_event(a.concepts, b.concepts)
    if ka[0] != "count" or kb[0] != "count" or not a.concepts or not b.concepts:
        return False
    if ka[2] in PREDICATES or kb[2] in PREDICATES or ka[2].split()[:1] == kb[2].split()[:1]:
        return False
    sa, sb = ka[3] if len(ka) > 3 else "", kb[3] if len(kb) > 3 else ""
    if sa and sb and sa != sb and (sa in EVENTS or sb in EVENTS):
        return False
    if (ka[4] if len(ka) > 4 else "") != (kb[4] if len(kb) > 4 else ""):
        return False     # another place or year: another measure
    return (any(_stem_match(ka[1], c) for c in b.concepts) and any(_stem_match(kb[1], c) for c in a.concepts)
            and _shared(a.concepts, b.concepts) >= MIN_SHARED_CONCEPTS)


def _one_event(a: frozenset[str], b: frozenset[str]) -> bool:
    """Chances of one event: the one told in fewer words has them all among the other's, and says
    who does what to what (``MIN_EVENT_WORDS``): "Republicans ... a Senate takeover" is "the
    Republicans will take control of the Senate"; "winning" alone is any race."""
    few, many = sorted((a, b), key=len)
    return len(few) >= MIN_EVENT_WORDS and all(any(_stem_match(x, y) for y in many) for x in few)


def _align_keys(figures: Sequence[Figure]) -> dict[tuple, tuple]:
    """Each figure key -> the key of its measure, joining keys of figures that ``same_measure``."""
    first: dict[tuple, Figure] = {}
    for f in figures:
        first.setdefault(f.key, f)
    keys = list(first)
    parent = {k: k for k in keys}

    def find(k):
        while parent[k] != k:
            k = parent[k]
        return k

    # "Ohanian, 34" is the age of "Alexis Ohanian" when the story gives no other Ohanian a given name
    given: dict[str, set[str]] = {}
    for k in keys:
        if k[0] == "age" and k[2]:
            given.setdefault(k[1], set()).add(k[2])
    for k in keys:
        if k[0] == "age" and not k[2] and len(given.get(k[1], ())) == 1:
            full = ("age", k[1], next(iter(given[k[1]])))
            parent[k] = full
    # an unscoped toll is the story's one scoped event when its scoped tolls (of the same place,
    # year) name only one: "247 confirmed dead" beside "the quake killed at least 241"
    scoped: dict[tuple, set[tuple]] = {}
    for k in keys:
        if k[0] == "count" and len(k) > 4 and k[3] and "@" not in k[3]:
            scoped.setdefault((k[1], k[2], k[4]), set()).add(k)
    for k in keys:
        if k[0] == "count" and len(k) > 4 and not k[3] and len(scoped.get((k[1], k[2], k[4]), ())) == 1:
            parent[k] = next(iter(scoped[(k[1], k[2], k[4])]))
    for i, k in enumerate(keys):
        for other in keys[i + 1:]:
            if find(k) != find(other) and same_measure(first[k], first[other]):
                parent[find(other)] = find(k)
    for k, other in _only_counts_of_a_noun(figures):
        if find(k) != find(other):
            parent[find(other)] = find(k)
    return {k: find(k) for k in keys}


def _only_counts_of_a_noun(figures: Sequence[Figure]) -> list[tuple[tuple, tuple]]:
    """Pairs of keys counting one noun with other free-form verbs, each its report's only count
    of that noun (same event, place and year), with values within ``SAME_NOUN_RATIO``.

    "Lifeguards plucked 22 students out of the water" and "lifeguards helped 20 students back
    to shore": each report counts the students once, so both count the same students. Lengths
    (heights, depths, widths, storeys) likewise: a report's only length of anything is the story's
    length of its one object, whatever noun names it ("the vessel", "the wreck"; "the Shard", "the block").
    """
    per_noun: dict[tuple, dict[str, set[tuple]]] = {}
    value: dict[tuple, float] = {}
    dated: dict[tuple, str] = {}
    for f in figures:
        k = f.key
        if k[0] == "size" and k[1] in OBJECT_DIMENSIONS:
            # "the vessel is 98 feet long" / "the 25-meter wreck": a report's one length is the story's
            group = ("size", k[1])
        elif k[0] != "count" or len(k) < 5 or k[2] in PREDICATES or not _whole_count(f.claim.text):
            continue
        else:
            group = (k[1], k[3], k[4])
        per_noun.setdefault(group, {}).setdefault(f.claim.citation.article_id, set()).add(k)
        value.setdefault(k, float(f.claim.value))
        dated.setdefault(k, f.claim.date)
    out = []
    for by_article in per_noun.values():
        if len(by_article) < 2 or any(len(ks) != 1 for ks in by_article.values()):
            continue
        only = [next(iter(ks)) for ks in by_article.values()]
        for i, a in enumerate(only):
            for b in only[i + 1:]:
                lo, hi = sorted((value[a], value[b]))
                # "there were 13 aftershocks" states how many there are, whatever else is said of them
                ratio = MAX_COUNT_RATIO if "exist" in (a[2], b[2]) else SAME_NOUN_RATIO
                if a != b and lo > 0 and hi / lo <= ratio and _one_news_cycle(dated[a], dated[b]):
                    out.append((a, b))
    return out


def _whole_count(text: str) -> bool:
    """ "22 students", "1.5 million people": things counted; "5.9" is a reading on a scale."""
    return not re.search(r"\d\.\d", text) or bool(re.search(r"(?:thousand|million|billion)", text, re.I))


def _one_news_cycle(a: str, b: str) -> bool:
    """Reports of one event: dates unknown, or less than ``NEWS_CYCLE_DAYS`` apart. Reports
    further apart (a story told over weeks) each count their own event's things."""
    apart = _days_apart(a, b)
    return apart is None or apart < NEWS_CYCLE_DAYS


def compare(figures: Sequence[Figure], origins: Sequence[Origin]) -> tuple[tuple[Agreement, ...], tuple[Conflict, ...]]:
    """Agreements and conflicts among ``figures`` of one story, counted by origin.

    Args:
        figures: figure claims with their keys (from ``claims.extract``).
        origins: the story's origin groups (from ``origins.group_origins``).

    Returns:
        (agreements, conflicts), each sorted by how many origins take part, then by topic.
    """
    origin = origin_of(origins)
    by_key: dict[tuple, dict[str, list[Figure]]] = {}
    aligned = _align_keys(figures)
    for f in figures:
        by_key.setdefault(aligned[f.key], {}).setdefault(f.claim.citation.article_id, []).append(f)
    agreements, conflicts = [], []
    for key, per_source in by_key.items():
        picked = [_pick(fs) for fs in per_source.values()]
        # one value per origin and value: a wire story run twice is one voice
        values: list[Figure] = []
        for f in sorted(picked, key=lambda f: (f.vague, origin[f.claim.citation.article_id])):
            if not any(origin[v.claim.citation.article_id] == origin[f.claim.citation.article_id]
                       and same_value(v, f) for v in values):
                values.append(f)
        exact = [f for f in values if not f.vague]
        clash = any(same_value(a, b) is False
                    and origin[a.claim.citation.article_id] != origin[b.claim.citation.article_id]
                    for i, a in enumerate(exact) for b in exact[i + 1:])
        if clash:
            kind, why = _kind(values, [sorted(fs, key=lambda f: f.claim.citation.start) for fs in per_source.values()])
            ordered = sorted(values, key=lambda f: origin[f.claim.citation.article_id])
            conflicts.append(Conflict(values[0].claim.measure, kind, tuple(f.claim for f in ordered), why))
        # agreements: the same value from two or more origins (vague values too: "all" == "all")
        all_figs = [f for fs in per_source.values() for f in fs if not f.vague]
        seen: list[list[Figure]] = []
        for f in sorted(all_figs, key=lambda f: f.claim.citation.start):
            for group in seen:
                if same_value(group[0], f):
                    group.append(f)
                    break
            else:
                seen.append([f])
        for group in seen:
            n = len({origin[f.claim.citation.article_id] for f in group})
            if n >= 2:
                firsts = {}
                for f in group:
                    firsts.setdefault(f.claim.citation.article_id, f)
                agreements.append(Agreement(group[0].claim.measure, group[0].claim.text,
                                            tuple(f.claim for f in firsts.values()), n))
    agreements.sort(key=lambda g: (-g.origins, g.topic))
    conflicts.sort(key=lambda c: (-len(c.claims), c.topic))
    return tuple(agreements), tuple(conflicts)


def relate_sources(brief: Brief, sentences: Sequence[Sentence], parsed: StoryParse | None = None, *,
                   origins: Sequence[Origin] | None = None,
                   dates: Mapping[str, ArticleDate] | None = None) -> Brief:
    """The brief with origins, claims, agreements and conflicts, and each summary sentence's
    corroboration (independent origins) and certainty.

    Without spaCy (the ``nlp`` extra), only origins and corroboration are filled and a note says so.

    Args:
        brief: a brief of one story (summary may be empty).
        sentences: all sentences of its articles, from ``segment``.
        parsed: the story's spaCy parse (``nlp.parse_story``), shared with the other
            analyses; parsed here when not given.
        origins: the story's origin groups (``origins.group_origins``), when already made;
            grouped here when not given.
        dates: each article's reference date (``report_dates.article_dates`` over these
            origins), shared with the timeline; inferred here when not given.
    """
    origins = tuple(origins) if origins is not None else group_origins(brief.articles, sentences)
    origin = origin_of(origins)
    parsed = ensure_parse(brief.articles, parsed)
    found: Extraction | None = None
    if parsed.available:
        found = extract(brief.articles, sentences, parsed,
                        dates=dates if dates is not None else article_dates(brief.articles, origins))
    summary = tuple(
        replace(s, origins=len({origin[c.article_id] for c in s.citations if c.article_id in origin}),
                certainty=(found.attribution[s.citations[0].sentence_id].certainty
                           if found and s.citations and s.citations[0].sentence_id in found.attribution else ""))
        for s in brief.summary)
    out = replace(brief, origins=origins, summary=summary)
    if found is None:
        note = f"claims and conflicts not computed ({parsed.missing})"
        return replace(out, notes=out.notes + ((note,) if note not in out.notes else ()))
    agreements, conflicts = compare(found.figures, origins)
    return replace(out, claims=found.claims, agreements=agreements, conflicts=conflicts)
