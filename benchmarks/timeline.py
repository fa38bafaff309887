"""Timeline entries a reader would see, judged: the audit of Multi-News timelines, rescored.

    .venv/bin/python benchmarks/timeline.py          # writes the "timeline" section of RESULTS.md

tests/data/labels/timeline_audit_multinews.json holds one judgement per timeline entry that
newsbrief showed for the first Multi-News dev clusters at the audited commit: the date phrase, a
few words around it, the date shown, a verdict (right, wrong, too_coarse, not_event,
undecidable) and, where the texts tell it, the true date. The audit was not blind: the auditor
read the tool's output (its ``about`` says how it was made). Phrase-level date resolution on
labelled phrases is measured in benchmarks/entities.py; this measures whole entries.

Rescoring: each audited entry is looked up in today's timeline of its cluster (an entry citing
the same source whose cited sentence holds the phrase and its words around) and judged again
against the audit's true date. Entries the timeline no longer shows count as dropped: a fix for
a "not_event", a loss for a "right". New entries the audit never saw are counted, not judged.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import newsbrief  # noqa: E402
from results_file import write_section  # noqa: E402

AUDIT = ROOT / "tests" / "data" / "labels" / "timeline_audit_multinews.json"
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews-dev.jsonl"
JUDGED = ("right", "wrong", "too_coarse", "not_event")


def _norm(text: str) -> str:
    """Letters and digits only: the audit's words around a phrase were written token by token."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _find(entry: dict, brief: newsbrief.Brief) -> newsbrief.TimelineEvent | None:
    """Today's timeline entry for an audited one: same source, its sentence holds phrase and context."""
    phrase, context = _norm(entry["phrase"]), _norm(entry.get("context") or entry["phrase"])
    source = brief.articles[entry["source"]] if entry["source"] < len(brief.articles) else None
    if source is None:
        return None
    hits = []
    for e in brief.timeline:
        for c in e.citations:
            if c.article_id == source.id:
                sentence = _norm(source.text[c.start:c.end])
                if phrase in sentence and (context in sentence or sentence in context):
                    hits.append(e)
    # the same entry as audited: the same date if it kept it, else the one naming the phrase
    return max(hits, key=lambda e: (e.date == entry["system_date"], phrase in _norm(e.note),
                                    phrase in _norm(e.text)), default=None)


def judge(entry: dict, event: newsbrief.TimelineEvent | None) -> str:
    """Today's verdict for an audited entry: right, wrong, too_coarse, not_event, dropped, undecidable."""
    if entry["verdict"] == "undecidable":
        return "undecidable"
    if event is None:
        return "dropped"
    if entry["verdict"] == "not_event":
        return "not_event"
    true, precision = entry.get("true_date"), entry.get("true_precision")
    if not true:
        return entry["verdict"] if (event.date, event.precision) == (entry["system_date"],
                                                                    entry["system_precision"]) else "changed"
    if (event.date, event.precision) == (true, precision):
        return "right"
    if true.startswith(event.date) and event.precision != precision:
        return "too_coarse"
    return "wrong"


def main() -> None:
    t = time.time()
    audit = json.loads(AUDIT.read_text(encoding="utf-8"))
    rows = {r["id"]: r for r in map(json.loads, MULTINEWS.open(encoding="utf-8"))}
    by_cluster = defaultdict(list)
    for e in audit["entries"]:
        by_cluster[e["cluster"]].append(e)
    then, now = Counter(), Counter()
    changes, unseen = [], 0
    for cluster, entries in by_cluster.items():
        brief = newsbrief.brief(rows[cluster]["documents"], encoder="tfidf", id=cluster)
        matched = set()
        for entry in entries:
            event = _find(entry, brief)
            matched.add(id(event))
            verdict = judge(entry, event)
            then[entry["verdict"]] += 1
            now[verdict] += 1
            if verdict != entry["verdict"]:
                shown = f"{event.date} ({event.precision})" if event else "no entry"
                changes.append(f"{cluster}/{entry['source']} {entry['phrase']!r}: {entry['verdict']} -> {verdict} "
                               f"(audited {entry['system_date']}, now {shown}, true {entry.get('true_date')})")
        unseen += sum(id(e) not in matched for e in brief.timeline)

    def precision(c: Counter) -> float:
        judged = sum(c[k] for k in JUDGED)
        return c["right"] / judged if judged else 0.0

    md = [
        "## timeline: audited entries (Multi-News)",
        "",
        f"`benchmarks/timeline.py`, {time.time() - t:.0f} s. {sum(then.values())} timeline entries of "
        f"{len(by_cluster)} Multi-News dev clusters, each judged by reading its sources "
        "(tests/data/labels/timeline_audit_multinews.json; not blind: the auditor read the output being judged). "
        "Multi-News files carry no publication dates, so most reports' dates are inferred from their text. "
        "Precision = right / (right + wrong + too coarse + not an event); undecidable entries are left out.",
        "",
        "| | right | wrong | too coarse | not an event | undecidable | dropped since | precision |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *(f"| {name} | {c['right']} | {c['wrong']} | {c['too_coarse']} | {c['not_event']} | {c['undecidable']} | "
          f"{c['dropped']} | {precision(c):.2f} |" for name, c in (("at the audit", then), ("now", now))),
        "",
        f"Entries shown now that the audit did not see (not judged): {unseen}.",
        "",
        "Changed since the audit:",
        *(f"- {c}" for c in changes),
    ]
    if not changes:
        md.append("- none")
    write_section("timeline", "\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
