"""The brief for a terminal: one summary sentence a line, each with its sources."""

from __future__ import annotations

import textwrap

from ..types import Article, Brief, SummarySentence


def source_label(article: Article) -> str:
    """Outlet, title and date where known, else the file name."""
    parts = [p for p in (article.outlet, article.title) if p]
    if article.published:
        parts.append(article.published.isoformat())
    elif article.inferred_date:
        parts.append(f"{article.inferred_date.isoformat()} (inferred)")
    return " — ".join(parts) if parts else (article.path or article.id)


def source_numbers(brief: Brief, citations) -> list[int]:
    """1-based source numbers of ``citations``, each once, in order."""
    nums: list[int] = []
    for c in citations:
        n = brief.source_index(c.article_id) + 1
        if n not in nums:
            nums.append(n)
    return sorted(nums)


def corroboration(brief: Brief, sentence: SummarySentence) -> str:
    """How far a summary sentence is confirmed, in words: "one source only", "2 outlets, one origin"…

    Outlets running one wire copy are one origin, so "2 outlets, one origin" warns a reader that
    two citations are not two confirmations. Empty when origins were not computed.
    """
    if not sentence.origins:
        return ""
    outlets = len(source_numbers(brief, sentence.citations))
    if outlets == 1:
        note = "one source only"
    elif sentence.origins == 1:
        note = f"{outlets} outlets, one origin"
    else:
        note = f"{sentence.origins} independent origins"
    if sentence.certainty in ("unconfirmed", "denied"):
        note += f", {sentence.certainty}"
    return note


def render_text(brief: Brief, *, width: int = 0) -> str:
    """Title, summary and sources. ``width=0`` keeps one summary sentence a line (ROUGE-Lsum)."""
    lines = [brief.title or "Brief", ""]
    for s in brief.summary:
        note = corroboration(brief, s)
        line = f"{s.text} {source_numbers(brief, s.citations)}" + (f" ({note})" if note else "")
        lines.extend(textwrap.wrap(line, width) if width else [line])
    for heading, items in extra_sections(brief):
        lines += ["", f"{heading}:"] + [f"  - {item}" for item in items]
    lines += ["", "Sources:"]
    lines += [f"  [{i}] {source_label(a)}" for i, a in enumerate(brief.articles, 1)]
    if brief.rejected:
        lines += ["", "Not briefed:"] + [f"  {r.message}" for r in brief.rejected]
    return "\n".join(lines) + "\n"


def extra_sections(brief: Brief) -> list[tuple[str, list[str]]]:
    """Short cross-source, entity and timeline sections, when the brief has them: (heading, items)."""
    out: list[tuple[str, list[str]]] = []
    if brief.agreements:
        disputed = {c.topic for c in brief.conflicts}     # one topic confirmed and disputed: say so
        out.append(("Confirmed by several sources", [
            f"{g.topic}: {g.value} ({g.origins} origins) {source_numbers(brief, [c.citation for c in g.claims])}"
            + (" (other values too: see where sources differ)" if g.topic in disputed else "")
            for g in brief.agreements[:8]]))
    if brief.conflicts:
        items = []
        for c in brief.conflicts[:8]:
            vals = "; ".join(
                f"{v.text} ({v.speaker or 'as fact'}, [{brief.source_index(v.citation.article_id) + 1}]"
                f"{', ' + v.date if v.date else ''})" for v in c.claims)
            items.append(f"{c.topic} [{c.kind.replace('_', ' ')}]: {vals}")
        out.append(("Where sources differ", items))
    if brief.entities:
        items = []
        for e in brief.entities[:10]:
            variants = ", ".join(v.text for v in e.variants if v.text != e.name)
            items.append(f"{e.name} ({e.type})" + (f" also: {variants}" if variants else ""))
        out.append(("Who and where", items))
    if brief.timeline:
        items = []
        for t in brief.timeline:
            when = f"week of {t.date}" if t.precision == "week" else t.date   # a week is not its Monday
            items.append(f"{when}: {t.text} {source_numbers(brief, t.citations)}")
        out.append(("Timeline", items))
    return out
