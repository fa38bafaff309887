"""The brief as one self-contained HTML page: CSS and JavaScript inline, nothing fetched.

The page is built from the ``Brief`` (every optional section appears only when the brief
has it) through the Jinja2 template ``templates/report.html.j2`` with autoescaping on, so
source text can never become markup. A Content-Security-Policy in the page forbids all
network access and allows only our own inline script (by hash), so a report stays safe and
offline even when opened from an untrusted folder.

Each citation marker carries its span (``data-source``, ``data-start``, ``data-end``); the
inline script opens the cited source in a dialog with that span highlighted. Without
JavaScript a marker is a plain link to the source in the "Sources" section.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..respell import respell_parts
from ..types import Article, Brief, Citation, Claim, SummarySentence, TimelineEvent
from .json import to_dict

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Timeline chart geometry, in SVG user units (the SVG scales to the page width through its
# viewBox). 760 wide reads well on a desktop and still scales down to a 360 px phone.
CHART_WIDTH = 760
CHART_MARGIN = 50
CHART_HEIGHT = 120
CHART_AXIS_Y = 62
# Real timelines are lumpy (a two-year backstory, then twenty events in one week), so the
# axis is compressed: each gap between consecutive dates is drawn in proportion to
# log(1 + days), never narrower than this share of an even spacing, so labels stay apart.
CHART_MIN_SPACING_SHARE = 0.6
# Gaps longer than this (days) get a break mark on the axis: drawn shorter than they are.
CHART_BREAK_DAYS = 62
# Date labels closer than this (user units) alternate between two rows so they never collide.
CHART_LABEL_WIDTH = 70

KIND_LABELS = {
    "changed_over_time": "changed over time",
    "different_source": "different sources",
    "contradiction": "contradiction",
}
CERTAINTY_LABELS = {"fact": "stated as fact", "attributed": "attributed",
                    "unconfirmed": "unconfirmed", "denied": "denied"}


@dataclass(frozen=True, slots=True)
class Marker:
    """One citation marker: which source (1-based ``n``) and which span in its text."""

    n: int
    source: int
    start: int
    end: int
    sentence: str
    label: str


@dataclass(frozen=True, slots=True)
class ChartDate:
    """One date on the timeline axis and the events on it (numbered as in the list below)."""

    x: float
    r: float              # marker radius: grows with the number of events
    label: str            # the date as precise as known
    row: int              # 0 or 1: label row under the axis
    numbers: str          # "4" or "4–7"
    first: int            # first event number (the marker links to it)
    count: int
    title: str            # tooltip: every event of that date
    inferred: bool        # every date here rests on an inferred article date
    period: str = ""      # "week", "month" or "year": drawn as a bar (a span), not a dot (a day)


@dataclass(frozen=True, slots=True)
class Chart:
    height: int
    axis_y: int
    dates: tuple[ChartDate, ...]
    breaks: tuple[float, ...]       # x of break marks (gaps drawn shorter than they are)


def render_html(brief: Brief, *, home: str = "") -> str:
    """The brief as a complete, self-contained HTML document.

    Args:
        brief: the brief to show; empty optional sections are left out.
        home: a link back to where the brief was made (the web app's form); none when "".

    Returns:
        An HTML5 document (UTF-8 text) that needs no network to view.
    """
    script = _asset("report.js")
    env = _environment()
    return env.get_template("report.html.j2").render(
        b=brief, view=_view(brief), script=script, home=home, style=_asset("report.css"),
        script_hash=_csp_hash(script),
    )


# --- the view model: plain values the template only has to lay out ------------------------------

def _respelled_parts(brief: Brief, s: SummarySentence) -> list[tuple[str, str]]:
    """The sentence as (text, source's spelling) parts, so respelled names can show the original."""
    if s.respelled:
        first = s.citations[0]
        original = brief.articles[brief.source_index(first.article_id)].text[first.start:first.end]
        parts = respell_parts(original, dict(s.respelled))
        if "".join(p for p, _ in parts) == s.text:
            return parts
    return [(s.text, "")]


def _view(brief: Brief) -> dict[str, Any]:
    d = to_dict(brief)
    labels = [source_label(a) for a in brief.articles]

    def marker(c: Citation) -> Marker:
        i = brief.source_index(c.article_id)
        return Marker(i + 1, i, c.start, c.end, c.sentence_id, labels[i])

    def markers(cs) -> list[Marker]:
        seen: set[tuple[int, int, int]] = set()
        out = []
        for m in map(marker, cs):
            if (m.source, m.start, m.end) not in seen:
                seen.add((m.source, m.start, m.end))
                out.append(m)
        return out

    summary = [
        {"text": s.text, "parts": _respelled_parts(brief, s), "markers": markers(s.citations), "origins": s.origins,
         "outlets": js["outlets"], "certainty": s.certainty}
        for s, js in zip(brief.summary, d["summary"])
    ]
    return {
        "summary": summary,
        "respelled": any(s.respelled for s in brief.summary),
        "marker": marker,
        "markers": markers,
        "groups": _source_groups(brief),
        "conflicts": [{"topic": c.topic, "kind": KIND_LABELS.get(c.kind, c.kind.replace("_", " ")),
                       "explanation": c.explanation,
                       "sides": [_side(brief, v, marker) for v in _by_date(brief, c.claims)]}
                      for c in brief.conflicts],
        "agreements": brief.agreements,
        "disputed": {c.topic for c in brief.conflicts},
        "claims": [_side(brief, c, marker) for c in brief.claims],
        "entities": [{"e": e, "variants": [
            {"text": v.text, "count": v.count,
             "sources": sorted(brief.source_index(a) + 1 for a in v.article_ids)}
            for v in e.variants]} for e in brief.entities],
        "chart": timeline_chart(brief.timeline) if brief.timeline else None,
        "outlets": sorted({a.outlet for a in brief.articles if a.outlet}),
        "dates": _date_range(brief.articles),
        "data": {"sources": [{"n": i + 1, "label": labels[i], "title": a.title, "outlet": a.outlet,
                              "published": a.published.isoformat() if a.published else "",
                              "text": a.text}
                             for i, a in enumerate(brief.articles)]},
        "certainty_labels": CERTAINTY_LABELS,
    }


def source_label(article: Article) -> str:
    """Outlet and date, else title, else the file name: short enough for a marker's tooltip."""
    parts = [p for p in (article.outlet, article.published.isoformat() if article.published else "") if p]
    return ", ".join(parts) or article.title or article.path or article.id


def _side(brief: Brief, c: Claim, marker) -> dict[str, Any]:
    a = brief.articles[brief.source_index(c.citation.article_id)]
    return {"text": c.text, "measure": c.measure, "speaker": c.speaker,
            "certainty": CERTAINTY_LABELS.get(c.certainty, c.certainty),
            "date": c.date or (a.published.isoformat() if a.published else ""),
            "outlet": a.outlet or a.title or a.id, "marker": marker(c.citation),
            "quote": a.text[c.citation.start:c.citation.end]}


def _by_date(brief: Brief, claims) -> list[Claim]:
    # Oldest first so "changed over time" reads left to right; undated keep their order.
    return sorted(claims, key=lambda c: (c.date or "9999", brief.source_index(c.citation.article_id)))


def _source_groups(brief: Brief) -> list[dict[str, Any]]:
    """Sources grouped by shared origin; each article not in a group is its own origin."""
    grouped: set[str] = set()
    groups = []
    for o in brief.origins:
        members = [a for a in brief.articles if a.id in o.article_ids]
        if members:
            grouped.update(a.id for a in members)
            groups.append({"reason": o.reason, "sources": members})
    for a in brief.articles:
        if a.id not in grouped:
            groups.append({"reason": "", "sources": [a]})
    groups.sort(key=lambda g: brief.source_index(g["sources"][0].id))
    for g in groups:
        g["sources"] = [{"n": brief.source_index(a.id) + 1, "a": a,
                         "words": len(a.text.split()), "paragraphs": _paragraphs(a.text)}
                        for a in g["sources"]]
    return groups


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def _date_range(articles) -> str:
    dates = sorted(a.published for a in articles if a.published)
    if not dates:
        return ""
    first, last = dates[0].isoformat(), dates[-1].isoformat()
    return first if first == last else f"{first} – {last}"


# --- the timeline as a chart ---------------------------------------------------------------------

def _period(iso: str, precision: str = "day") -> tuple[date, date] | None:
    """First and last day of an ISO date of day, week (its Monday), month or year precision."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso.strip())
    if not m:
        return None
    try:
        y = int(m[1])
        if m[3]:
            d = date(y, int(m[2]), int(m[3]))
            return (d, d + timedelta(days=6)) if precision == "week" else (d, d)
        if m[2]:
            first = date(y, int(m[2]), 1)
            nxt = date(y + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def _label(iso: str, first: date, precision: str = "day") -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return ("week of " if precision == "week" else "") + first.strftime("%-d %b %Y")
    return first.strftime("%b %Y") if len(parts) == 2 else parts[0]


def timeline_chart(events: tuple[TimelineEvent, ...]) -> Chart | None:
    """Positions for the timeline SVG: each distinct date a marker on a compressed time axis.

    Events keep their list numbers (1-based, in the brief's order); events that share a date
    share a marker whose size grows with their number. Returns None when no event has a
    date we can place.
    """
    # a week is keyed apart from the day of its Monday: "last week" is not "on Monday"
    by_date: dict[tuple[str, bool], list[tuple[int, TimelineEvent, tuple[date, date]]]] = {}
    for k, e in enumerate(events, 1):
        if (p := _period(e.date, e.precision)):
            by_date.setdefault((e.date, e.precision == "week"), []).append((k, e, p))
    if not by_date:
        return None
    groups = sorted(by_date.values(), key=lambda g: (g[0][2][0], g[0][2][1]))
    inner = CHART_WIDTH - 2 * CHART_MARGIN
    gaps = [(b[0][2][0] - a[0][2][0]).days for a, b in zip(groups, groups[1:])]
    weights = [math.log1p(max(0, g)) for g in gaps]
    if weights:
        floor = CHART_MIN_SPACING_SHARE * max(sum(weights), 1e-9) / len(weights)
        weights = [max(w, floor) for w in weights]
        scale = inner / sum(weights)
    xs = [float(CHART_MARGIN)] if len(groups) > 1 else [CHART_WIDTH / 2]
    for w in weights:
        xs.append(xs[-1] + w * scale)
    breaks = tuple(round((x0 + x1) / 2, 1) for x0, x1, g in zip(xs, xs[1:], gaps) if g > CHART_BREAK_DAYS)
    dates, row = [], 0
    for i, (g, x) in enumerate(zip(groups, xs)):
        row = 1 - row if i and x - xs[i - 1] < CHART_LABEL_WIDTH else 0
        ks = [k for k, _, _ in g]
        first, last = g[0][2]
        precision = g[0][1].precision
        period = "" if first == last else {4: "year", 7: "month"}.get(len(g[0][1].date), "week")
        dates.append(ChartDate(
            x=round(x, 1), r=round(7 + 3 * math.sqrt(len(g) - 1), 1), label=_label(g[0][1].date, first, precision),
            row=row, numbers=str(ks[0]) if len(ks) == 1 else f"{ks[0]}–{ks[-1]}", first=ks[0], count=len(g),
            title="\n".join(f"{k}. {e.text}" for k, e, _ in g), inferred=all(e.inferred for _, e, _ in g),
            period=period))
    return Chart(height=CHART_HEIGHT, axis_y=CHART_AXIS_Y, dates=tuple(dates), breaks=breaks)


# --- assets --------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["plural"] = lambda n, word: f"{n} {word}" + ("" if n == 1 else "s")
    return env
