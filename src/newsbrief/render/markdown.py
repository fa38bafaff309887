"""The brief as Markdown: the summary with linked source numbers, then the sources."""

from __future__ import annotations

from ..types import Brief
from .text import corroboration, extra_sections, source_label, source_numbers


def render_markdown(brief: Brief) -> str:
    lines = [f"# {brief.title or 'Brief'}", ""]
    for s in brief.summary:
        refs = ", ".join(f"[{n}](#source-{n})" for n in source_numbers(brief, s.citations))
        note = corroboration(brief, s)
        lines.append(f"{s.text} [{refs}]" + (f" *({note})*" if note else ""))
        lines.append("")
    for heading, items in extra_sections(brief):
        lines += [f"## {heading}", ""] + [f"- {item}" for item in items] + [""]
    lines += ["## Sources", ""]
    for i, a in enumerate(brief.articles, 1):
        lines.append(f'{i}. <a id="source-{i}"></a>{source_label(a)}')
    if brief.rejected:
        lines += ["", "## Not briefed", ""] + [f"- {r.message}" for r in brief.rejected]
    return "\n".join(lines) + "\n"
