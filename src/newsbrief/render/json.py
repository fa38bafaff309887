"""The JSON brief: the contract later features extend (see the issues and brief_contract.py)."""

from __future__ import annotations

import json
from typing import Any

from ..types import Brief, Citation, Claim


def _citation(brief: Brief, c: Citation) -> dict[str, Any]:
    return {"source": brief.source_index(c.article_id), "sentence": c.sentence_id,
            "start": c.start, "end": c.end}


def _claim(brief: Brief, c: Claim) -> dict[str, Any]:
    return {"kind": c.kind, "text": c.text, "measure": c.measure, "value": c.value,
            "speaker": c.speaker, "certainty": c.certainty, "date": c.date,
            "source": brief.source_index(c.citation.article_id),
            "citation": _citation(brief, c.citation)}


def to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as plain JSON-ready values. Sections with nothing in them are left out."""
    out: dict[str, Any] = {
        "id": brief.id,
        "title": brief.title,
        "sources": [
            {"id": a.id, "title": a.title, "outlet": a.outlet,
             "published": a.published.isoformat() if a.published else None,
             **({"inferred_date": a.inferred_date.isoformat(), "inferred_from": a.inferred_from}
                if a.inferred_date else {}),
             "path": a.path, "text": a.text, "removed": list(a.removed)}
            for a in brief.articles
        ],
        "summary": [
            {"text": s.text, "citations": [_citation(brief, c) for c in s.citations],
             **({"origins": s.origins} if s.origins else {}),
             "outlets": len({c.article_id for c in s.citations}),
             **({"certainty": s.certainty} if s.certainty else {}),
             **({"respelled": [{"source": a, "brief": b} for a, b in s.respelled]} if s.respelled else {})}
            for s in brief.summary
        ],
    }
    if brief.origins:
        out["origins"] = [{"sources": [brief.source_index(a) for a in o.article_ids], "reason": o.reason}
                          for o in brief.origins]
    if brief.claims:
        out["claims"] = [_claim(brief, c) for c in brief.claims]
    if brief.agreements:
        out["agreements"] = [{"topic": g.topic, "value": g.value, "origins": g.origins,
                              "values": [_claim(brief, c) for c in g.claims]} for g in brief.agreements]
    if brief.conflicts:
        out["conflicts"] = [{"topic": c.topic, "kind": c.kind, "explanation": c.explanation,
                             "values": [_claim(brief, v) for v in c.claims]} for c in brief.conflicts]
    if brief.entities:
        out["entities"] = [
            {"name": e.name, "type": e.type, "mentions": e.mentions, "origins": e.origins,
             "variants": [{"text": v.text, "count": v.count,
                           "sources": [brief.source_index(a) for a in v.article_ids]} for v in e.variants],
             "evidence": list(e.evidence)}
            for e in brief.entities
        ]
        out["possible_matches"] = [{"a": m.a, "b": m.b, "score": m.score, "reason": m.reason}
                                   for m in brief.possible_matches]
    if brief.timeline:
        out["timeline"] = [{"date": t.date, "precision": t.precision, "text": t.text,
                            "inferred": t.inferred, "note": t.note,
                            "citations": [_citation(brief, c) for c in t.citations]}
                           for t in brief.timeline]
    out["rejected"] = [{"source": r.source, "reason": r.reason, "detail": r.detail} for r in brief.rejected]
    if brief.notes:
        out["notes"] = list(brief.notes)
    return out


def render_json(brief: Brief, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=indent)
